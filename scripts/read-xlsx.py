#!/usr/bin/env python3
"""Read a workbook tiendo wrote with a second reader (openpyxl), as a person would check it:
sheet names, frozen panes, autofilter range, header row, and the first data rows with each
cell's type (dates must be real dates, not text). Not run by CI.

Usage:  python3 scripts/read-xlsx.py FILE.xlsx [ROWS]      (needs: pip install openpyxl)
"""
import sys

try:
    import openpyxl
except ImportError:
    sys.exit("read-xlsx.py: openpyxl is not installed (pip install openpyxl)")

if len(sys.argv) < 2:
    sys.exit(__doc__)
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 3
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print(f"== {ws.title}: frozen at {ws.freeze_panes}, filter {ws.auto_filter.ref}, "
          f"protected {ws.protection.sheet}, {ws.max_row} rows")
    header_row = 3 if ws.auto_filter.ref else 5
    header = [c.value for c in ws[header_row]]
    print("   header:", header)
    for r in ws.iter_rows(min_row=header_row + 1, max_row=header_row + rows):
        cells = [f"{type(c.value).__name__}:{c.value}"[:40] for c in r if c.value is not None]
        print("   ", " | ".join(cells))
