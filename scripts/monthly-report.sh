#!/usr/bin/env bash
# The monthly job: write the report for a month into reports/ and commit it when it changed.
#
#   scripts/monthly-report.sh            # the month whose window (15th..14th) closed last
#   scripts/monthly-report.sh 2024-06    # a given month
#
# Environment: TIENDO (the tiendo binary; default: `tiendo` on PATH when its version is this
# checkout's, else build and use ${CARGO_TARGET_DIR:-target}/release/tiendo),
# TIENDO_PLAN (plan folder; default plan), REPORTS (default reports), NO_COMMIT=1 to skip git.
# Exits non-zero on any failure: a broken plan, a failed write, a failed commit.
set -euo pipefail
cd "$(dirname "$0")/.."

plan=${TIENDO_PLAN:-plan}
reports=${REPORTS:-reports}

if [[ $# -ge 1 ]]; then
  month=$1
else
  # The window for month M ends on the 14th of M: on or after the 15th, M's window has closed;
  # before it, the last closed window is the previous month's.
  day=$(date +%d); day=${day#0}
  if (( day >= 15 )); then month=$(date +%Y-%m); else month=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m); fi
fi
[[ $month =~ ^[0-9]{4}-[0-9]{2}$ ]] || { echo "monthly-report: month must be YYYY-MM, got '$month'" >&2; exit 2; }

# shellcheck source=scripts/lib/tiendo.sh
source scripts/lib/tiendo.sh
tiendo_resolve "$PWD"

# Check first; print the problems only when there are errors (warnings, such as units that
# ended in 2025, are not the monthly job's business).
status=0
problems=$("$TIENDO" --plan "$plan" check) || status=$?
if (( status != 0 )); then
  printf '%s\n' "$problems"
  exit "$status"
fi
"$TIENDO" --plan "$plan" report --month "$month" --out "$reports"

file="$reports/$month.md"
if [[ ${NO_COMMIT:-} == 1 ]]; then
  exit 0
fi
if git diff --quiet -- "$file" && git ls-files --error-unmatch "$file" >/dev/null 2>&1; then
  echo "monthly-report: $file unchanged"
  exit 0
fi
git add -- "$file"
git commit --quiet -m "Báo cáo tháng $month (report for $month)" -- "$file"
echo "monthly-report: committed $file"
