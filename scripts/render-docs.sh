#!/usr/bin/env bash
# Look at the Word files tiendo writes the way a reader will: convert each .docx to PDF with
# LibreOffice (headless) and render its first page to PNG with pdftoppm (poppler-utils).
# Not run by CI (LibreOffice is large); needs `soffice` and `pdftoppm` on PATH, e.g.
#   sudo apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation
# (Liberation Serif has the metrics of Times New Roman, so line breaks match Word's.)
#
# Usage:  scripts/render-docs.sh FILE.docx…            PDF and page-1 PNG beside each file
#         OUT=dir scripts/render-docs.sh FILE.docx…    … into dir instead
#         DPI=100 scripts/render-docs.sh FILE.docx     PNG resolution (default 80)
#
# The picture in README and docs/huong-dan.md was made with:
#   DEMO_DIR=/tmp/demo scripts/demo.sh >/dev/null
#   OUT=/tmp/png scripts/render-docs.sh /tmp/demo/van-ban/2024-07.docx
#   cp /tmp/png/2024-07-1.png docs/bao-cao-2024-07-trang-1.png

set -euo pipefail

if [[ $# -eq 0 ]]; then
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "render-docs.sh: $tool is not installed" >&2; exit 2; }
done
dpi=${DPI:-80}
for docx in "$@"; do
    dir=${OUT:-$(dirname "$docx")}
    mkdir -p "$dir"
    stem=$(basename "$docx" .docx)
    # A private profile: a running LibreOffice or a first-run wizard cannot get in the way.
    profile=$(mktemp -d)
    soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
        --outdir "$dir" "$docx" >/dev/null
    rm -rf "$profile"
    pdftoppm -png -r "$dpi" -f 1 -l 1 -singlefile "$dir/$stem.pdf" "$dir/$stem-1"
    echo "$dir/$stem.pdf"
    echo "$dir/$stem-1.png"
done
