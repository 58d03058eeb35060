#!/usr/bin/env bash
# Past the end of 2024: several plans, year after year. DỮ LIỆU MINH HỌA — hư cấu (illustrative,
# fictional data): the 2025 plan below is invented for the demonstration, and so is every
# progress entry.
#
# Plays scripts/demo.sh's fictional 2024 first, then, in the same repository:
#   1. turns plan/ into a workspace: plan/units.toml shared, the 2024 plan in plan/kh594/;
#   2. adds a fictional, clearly labelled 2025 plan in plan/kh2025/ (issued 10/01/2025);
#   3. closes plan 594 on 14/02/2025, when its last returns are in (period and closing day in
#      its plan.toml);
#   4. `tiendo carry-over --from kh594 --to kh2025 --commit`: every unfinished task continues
#      in group 1 of the 2025 plan, linked back; the secretariat then sets their deadlines;
#   5. applies the 2025 handovers: Sở TT&TT ends on 01/03/2025 (the registry names its
#      successors); its network-security tasks pass to Công an tỉnh by a dated amendment;
#   6. records a little 2025 progress;
# then prints `tiendo plans`, the January and April 2025 reports of the 2025 plan and
# `tiendo units so-khcn`.
#
# Usage:  scripts/demo-2025.sh         (tiendo on PATH when its version matches, else a release build)
#         TIENDO=path/to/tiendo scripts/demo-2025.sh
#         DEMO_DIR=/tmp/demo2025 scripts/demo-2025.sh   (use this folder, which must not exist; kept)

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/tiendo.sh
source "$here/scripts/lib/tiendo.sh"
tiendo_resolve "$here"
if [[ -n "${DEMO_DIR:-}" ]]; then
    work=$DEMO_DIR
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/tiendo-demo-2025.XXXXXX")
    rmdir "$work"
fi

# The fictional 2024 (demo.sh creates the folder).
DEMO_DIR="$work" TIENDO="$TIENDO" "$here/scripts/demo.sh" >/dev/null
work=$(cd "$work" && pwd)
cd "$work"

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_SYSTEM=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Văn thư Tổ Công tác Đề án 06 (minh họa)"
export GIT_AUTHOR_EMAIL="vanthu@example.invalid"
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
export TIENDO_LANG=vi NO_COLOR=1
unset TIENDO_PLAN
day() { export GIT_AUTHOR_DATE="$1T09:00:00+07:00" GIT_COMMITTER_DATE="$1T09:00:00+07:00"; }

# 1. A workspace: the 2024 plan moves to plan/kh594, plan/units.toml stays shared.
day 2025-02-14
mkdir plan/kh594
git mv plan/plan.toml plan/kh594/plan.toml
git mv plan/tasks plan/kh594/tasks
sed -i.bak '/^source = /a\
period_start = 2024-01-01\
period_end = 2024-12-31' plan/kh594/plan.toml
rm plan/kh594/plan.toml.bak
git add -A plan
git commit -q -m "Không gian nhiều kế hoạch: kế hoạch 594 chuyển vào plan/kh594"

# 2. The fictional 2025 plan (issued 10/01/2025, entered now).
mkdir -p plan/kh2025/tasks/2
cat > plan/kh2025/plan.toml <<'EOF'
# KẾ HOẠCH HƯ CẤU — DỮ LIỆU MINH HỌA (scripts/demo-2025.sh). Không phải văn bản thật.
code = "01/KH-TCTDA06 (hư cấu)"
title = "Kế hoạch triển khai Đề án 06 trên địa bàn tỉnh Tây Ninh năm 2025 (HƯ CẤU — dữ liệu minh họa)"
issued = 2025-01-10
issuer = "Chủ tịch UBND tỉnh Tây Ninh"
secretariat = "ca-tinh"
report_day = 15
period_start = 2025-01-01
period_end = 2025-12-31

[[group]]
id = "1"
title = "Khắc phục những nhiệm vụ chậm tiến độ"
declared = 0

[[group]]
id = "2"
title = "Tham mưu chỉ đạo triển khai"
declared = 1
EOF
cat > plan/kh2025/tasks/2/2.1.toml <<'EOF'
id = "2.1"
group = "2"
title = "Tham mưu UBND tỉnh ban hành kế hoạch chuyển đổi số năm 2025 (HƯ CẤU — dữ liệu minh họa)"
lead = ["so-tttt"]
support = ["ca-tinh"]
deadline = "Quý II/2025"
status = "todo"
EOF
git add plan/kh2025
git commit -q -m "Kế hoạch năm 2025 (hư cấu, minh họa)"

# 3. Plan 594 is closed on 14/02/2025, when the last 2024 returns are in (the demo's 2024
# records run into February).
day 2025-02-14
sed -i.bak '/^period_end = /a\
closed_on = 2025-02-14' plan/kh594/plan.toml
rm plan/kh594/plan.toml.bak
git commit -q -am "Đóng kế hoạch 594 ngày 14/02/2025 (minh họa)"

# 4. Carry the unfinished work over (as of the closing day); the secretariat sets the new
# deadlines (ongoing duties, roadmaps and requests keep their own phrase; the rest: Quý II/2025).
"$TIENDO" carry-over --from kh594 --to kh2025 --commit >/dev/null
day 2025-02-17
for f in plan/kh2025/tasks/1/*.toml; do
    from=$(sed -n 's/^carried_from = "kh594:\(.*\)"/\1/p' "$f")
    old=$(grep -l "^id = \"$from\"$" plan/kh594/tasks/*/*.toml | head -n 1)
    phrase=$(sed -n 's/^deadline = "\(.*\)"$/\1/p' "$old")
    case $phrase in
        "Thực hiện thường xuyên" | "Thường xuyên" | "Theo lộ trình"* | "Khi có"*) ;;
        *) phrase="Quý II/2025" ;;
    esac
    sed -i.bak "s|^deadline = \"\"$|deadline = \"$phrase\"|" "$f"
    rm "$f.bak"
done
git commit -q -am "Đặt thời hạn mới cho các nhiệm vụ chuyển tiếp (minh họa)"

# 5. The 2025 handovers: the registry already ends Sở TT&TT on 01/03/2025 with its successors;
# its network-security tasks pass to Công an tỉnh by a dated amendment (fictional basis).
day 2025-03-03
for f in plan/kh2025/tasks/1/*.toml; do
    from=$(sed -n 's/^carried_from = "kh594:\(.*\)"/\1/p' "$f")
    case $from in
        7.*)
            if grep -q '"so-tttt"' "$f"; then
                cat >> "$f" <<'EOF'

[[amendment]]
on = 2025-03-01
basis = "Bàn giao chức năng an toàn thông tin mạng từ Sở TT&TT sang Công an tỉnh (DỮ LIỆU MINH HỌA — hư cấu)"
from = "so-tttt"
to = ["ca-tinh"]
unverified = true
EOF
            fi
            ;;
    esac
done
git commit -q -am "Bàn giao nhiệm vụ an toàn thông tin mạng sang Công an tỉnh từ 01/3/2025 (minh họa)"

# 6. A little 2025 progress.
up() {
    local d=$1 id=$2 by=$3 pct=$4 note=$5
    shift 5
    day "$d"
    "$TIENDO" --as-of "$d" update "$id" --by "$by" --percent "$pct" \
        --note "$note (DỮ LIỆU MINH HỌA — hư cấu)" "$@" --commit >/dev/null
}
up 2025-02-20 kh2025:2.1 so-tttt 30 "Dự thảo kế hoạch chuyển đổi số năm 2025"
up 2025-04-08 kh2025:2.1 so-khcn 100 "Kế hoạch đã ban hành" --status done --done-on 2025-04-08

echo "== tiendo plans --as-of 2025-04-14"
"$TIENDO" --as-of 2025-04-14 plans
echo
echo "== tiendo --in kh2025 report --month 2025-01"
"$TIENDO" --in kh2025 report --month 2025-01
echo
echo "== tiendo --in kh2025 report --month 2025-04"
"$TIENDO" --in kh2025 report --month 2025-04
echo
echo "== tiendo --as-of 2025-04-14 units so-khcn"
"$TIENDO" --as-of 2025-04-14 units so-khcn
echo
echo "Demo repository (DỮ LIỆU MINH HỌA — hư cấu): $work"
