#!/usr/bin/env bash
# A demonstration history for tiendo. DỮ LIỆU MINH HỌA — hư cấu (illustrative, fictional data).
#
# Builds, in a new temporary folder, a git repository holding a copy of the plan as issued
# (tests/fixtures/frozen-plan: plan/ before any real progress was recorded), then plays a
# plausible year (March 2024 – February 2025) of monthly progress with `tiendo update --commit`
# as a clerk would: dated commits, some tasks done on time, some late, some units silent, one
# deadline moved, one lead reassigned, and finally a review branch. It writes the July 2024
# report as Word (`van-ban/2024-07.docx`) and the tracking workbook as Excel
# (`van-ban/theo-doi-2024-07.xlsx`) and one reminder letter (`van-ban/2024-07-so-tttt.docx`).
# Then it prints `tiendo report`, `tiendo log` and `tiendo review` on it.
#
# Usage:  scripts/demo.sh            (tiendo on PATH when its version matches, else a release build)
#         TIENDO=path/to/tiendo scripts/demo.sh
#         DEMO_DIR=/tmp/demo scripts/demo.sh   (use this folder, which must not exist; kept)
# The folder is printed at the end and left in place so you can explore it
# (`cd` there and run `tiendo list --overdue --as-of 2024-07-01`, `git log`, …).
#
# Every commit date is pinned (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE) and git's own config is
# ignored, so the history (and every report printed) is the same on every run.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# $TIENDO, else `tiendo` on PATH when its version matches, else a release build (made absolute:
# the script changes folder below).
# shellcheck source=scripts/lib/tiendo.sh
source "$here/scripts/lib/tiendo.sh"
tiendo_resolve "$here"
if [[ -n "${DEMO_DIR:-}" ]]; then
    mkdir "$DEMO_DIR"
    work=$(cd "$DEMO_DIR" && pwd)
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/tiendo-demo.XXXXXX")
fi

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_SYSTEM=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Văn thư Tổ Công tác Đề án 06 (minh họa)"
export GIT_AUTHOR_EMAIL="vanthu@example.invalid"
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
export TIENDO_LANG=vi NO_COLOR=1
unset TIENDO_PLAN

# The plan as issued, not plan/: plan/ holds the secretariat's real progress, which fictional
# progress must not be mixed with. Its README.md says what the copy is; the plan does not need it.
cp -R "$here/tests/fixtures/frozen-plan" "$work/plan"
rm -f "$work/plan/README.md"
# How outgoing documents are headed and signed: plan/'s [document] settings (not part of the
# frozen plan), so the demo's Word files carry the real header block.
printf '\n' >> "$work/plan/plan.toml"
awk '/^# Văn bản đi/{p=1} p&&/^$/{exit} p' "$here/plan/plan.toml" >> "$work/plan/plan.toml"
cd "$work"
git init -q -b main

# Commits made from now on carry this day (09:00, Indochina time).
day() { export GIT_AUTHOR_DATE="$1T09:00:00+07:00" GIT_COMMITTER_DATE="$1T09:00:00+07:00"; TODAY=$1; }

# A unit reports: up DAY TASK UNIT PERCENT NOTE [more update flags…]
up() {
    local d=$1 id=$2 by=$3 pct=$4 note=$5
    shift 5
    day "$d"
    "$TIENDO" --as-of "$d" update "$id" --by "$by" --percent "$pct" \
        --note "$note (DỮ LIỆU MINH HỌA — hư cấu)" "$@" --commit >/dev/null
}

# A task is completed: done_ DAY TASK UNIT DONE_ON NOTE [more update flags…]
done_() {
    local d=$1 id=$2 by=$3 on=$4 note=$5
    shift 5
    day "$d"
    "$TIENDO" --as-of "$d" update "$id" --by "$by" --percent 100 --date "$on" \
        --note "$note (DỮ LIỆU MINH HỌA — hư cấu)" --status done --done-on "$on" "$@" \
        --commit >/dev/null
}

# A hand edit of one line of a task file, committed with git directly (as a reviewer would see
# a pull request): edit DAY FILE OLD NEW MESSAGE
edit() {
    local d=$1 file=$2 old=$3 new=$4 msg=$5
    day "$d"
    grep -qF -- "$old" "$file"
    OLD="$old" NEW="$new" perl -0pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/' "$file"
    git add -- "$file"
    git commit -q -m "$msg" -- "$file"
}

day 2024-02-26
git add plan
git commit -q -m "Kế hoạch 594/KH-TCTDA06: bản gốc được mã hóa"

# --- Tháng 3/2024 --------------------------------------------------------------------------
done_ 2024-03-04 2.2 cac-so-ban-nganh 2024-03-01 "Các sở, ngành đã ban hành kế hoạch năm 2024"
up 2024-03-11 TT.10 so-tai-chinh 50 "Đã tổng hợp nhu cầu kinh phí của các đơn vị"
up 2024-03-12 5.2 ca-tinh 20 "Cập nhật, làm sạch dữ liệu dân cư tại 94 xã, phường"
up 2024-03-13 8.1 so-tai-chinh 40 "Đang cân đối nguồn ngân sách địa phương"
done_ 2024-03-28 TT.10 so-tai-chinh 2024-03-27 "UBND tỉnh đã phê duyệt kinh phí"
done_ 2024-03-29 8.1 so-khdt 2024-03-29 "Đã bố trí nguồn vốn"

# --- Tháng 4/2024: Sở Tài chính im lặng về nhiệm vụ 1.1 (hạn Quý 1) -------------------------
up 2024-04-10 TT.3 so-tttt 40 "Rà soát điều kiện an toàn thông tin tại 12/20 hệ thống"
up 2024-04-11 TT.4 ca-tinh 50 "Đã khảo sát các nội dung liên quan Trung tâm dữ liệu"
up 2024-04-12 7.4 so-tttt 30 "Đang thẩm định hồ sơ cấp độ" \
    --indicator he-thong-duoc-phe-duyet-cap-do --value 40
up 2024-04-12 5.2 ca-tinh 35 "Tiếp tục làm sạch dữ liệu"

# --- Tháng 5/2024 ----------------------------------------------------------------------------
up 2024-05-09 TT.3 so-tttt 80 "Đã bổ sung điều kiện cho 18/20 hệ thống"
up 2024-05-10 TT.6 so-noi-vu 30 "Đã tổ chức 2 lớp tập huấn trực tuyến"
done_ 2024-05-13 1.1 so-tai-chinh 2024-05-10 "HĐND tỉnh đã thông qua nghị quyết miễn, giảm phí (trễ hạn)"
up 2024-05-14 5.2 ca-tinh 50 "Dữ liệu đúng, đủ, sạch, sống đạt 96%"
done_ 2024-05-30 TT.3 so-tttt 2024-05-30 "Hoàn thành rà soát, bổ sung điều kiện"

# --- Tháng 6/2024: 7.4 đạt mốc 1; TT.6 được lùi hạn ----------------------------------------
up 2024-06-12 7.4 so-tttt 60 "Đã phê duyệt hồ sơ cấp độ cho 42/45 hệ thống" \
    --indicator he-thong-duoc-phe-duyet-cap-do --value 93.3
up 2024-06-13 TT.4 ca-tinh 90 "Đã gửi đề xuất về Bộ Công an"
up 2024-06-14 8.3 so-tttt 20 "Đang xây dựng chương trình tập huấn"
day 2024-06-21
"$TIENDO" --as-of 2024-06-21 update 7.4 --milestone 1 --done-on 2024-06-20 --status doing \
    --commit >/dev/null
# The extension is a dated amendment with its basis, not an edit of the plan's own deadline: the
# June report (judged on 14/06) still shows the deadline then in force, the July report the change.
day 2024-06-25
"$TIENDO" --as-of 2024-06-25 update TT.6 --deadline "Hoàn thành trước 01/10/2024" \
    --on 2024-06-20 --basis "Công văn số 1234/UBND-KT ngày 18/6/2024 (minh họa — hư cấu)" \
    --amendment-note "Lùi thời hạn theo đề nghị của Sở Nội vụ (minh họa)" --commit >/dev/null

# --- Tháng 7/2024: TT.4 xong trễ; 8.3 quá hạn, không ai báo cáo ----------------------------
done_ 2024-07-08 TT.4 ca-tinh 2024-07-05 "Bộ Công an đã tiếp nhận đề xuất (trễ hạn)"
up 2024-07-12 5.2 ca-tinh 65 "Tiếp tục làm sạch dữ liệu"

# --- Tháng 8/2024: đổi đơn vị chủ trì nhiệm vụ 5.5 -------------------------------------------
day 2024-08-05
"$TIENDO" --as-of 2024-08-05 update 5.5 --lead ca-tinh --on 2024-08-01 \
    --basis "Quyết định số 56/QĐ-UBND ngày 31/7/2024 (minh họa — hư cấu)" \
    --amendment-note "Giao Công an tỉnh chủ trì xử lý sim rác (minh họa)" --commit >/dev/null
up 2024-08-12 TT.7 so-tnmt 40 "Đã số hóa hồ sơ địa chính của 3/9 huyện"
up 2024-08-13 5.5 ca-tinh 30 "Đã phối hợp doanh nghiệp viễn thông rà soát thuê bao"

# --- Tháng 9/2024 ----------------------------------------------------------------------------
up 2024-09-11 TT.6 so-noi-vu 80 "Đã tập huấn cho 1.250 cán bộ"
up 2024-09-12 5.2 ca-tinh 80 "Dữ liệu đúng, đủ, sạch, sống đạt 98%"
done_ 2024-09-23 TT.6 so-noi-vu 2024-09-20 "Hoàn thành tập huấn (đúng hạn đã điều chỉnh)"

# --- Tháng 10/2024 ---------------------------------------------------------------------------
up 2024-10-14 TT.9 so-tu-phap 70 "Đã số hóa 85% sổ hộ tịch"
up 2024-10-14 TT.7 so-tnmt 60 "Đã số hóa hồ sơ địa chính của 6/9 huyện"

# --- Tháng 11/2024 ---------------------------------------------------------------------------
done_ 2024-11-12 TT.9 so-tu-phap 2024-11-08 "Hoàn thành số hóa dữ liệu hộ tịch (trễ hạn)"
up 2024-11-13 5.2 ca-tinh 90 "Tiếp tục làm sạch dữ liệu"
done_ 2024-11-28 7.4 so-tttt 2024-11-25 "100% hệ thống đã triển khai phương án bảo vệ" \
    --milestone 2

# --- Tháng 12/2024: 4.4 không ai báo cáo và quá hạn sau 31/12 -------------------------------
up 2024-12-12 TT.7 so-tnmt 90 "Đã số hóa hồ sơ địa chính của 8/9 huyện"
done_ 2024-12-23 5.5 ca-tinh 2024-12-20 "Đã xử lý xong thuê bao sai thông tin"

# --- Tháng 1–2/2025 --------------------------------------------------------------------------
done_ 2025-01-13 TT.7 so-tnmt 2025-01-08 "Cơ sở dữ liệu đất đai đã kết nối (trễ hạn)"
up 2025-01-14 5.2 ca-tinh 95 "Dữ liệu đúng, đủ, sạch, sống đạt 99%"
done_ 2025-02-13 8.2 so-khdt 2025-02-10 "Đã bố trí vốn đầu tư công (trễ hạn)"

# --- A branch for review: a later deadline and a lead change, not yet merged -----------------
git switch -q -c dieu-chinh-2025
edit 2025-02-20 plan/tasks/4/4.4.toml 'deadline = "Tháng 12/2024"' 'deadline = "Tháng 6/2025"' \
    "4.4: đề nghị lùi thời hạn (minh họa)"
edit 2025-02-21 plan/tasks/8/8.3.toml 'lead = ["so-tttt", "vp-ubnd-tinh"]' 'lead = ["so-noi-vu"]' \
    "8.3: đề nghị giao Sở Nội vụ chủ trì (minh họa)"
git switch -q main

# --- Documents that leave the office: the July 2024 report as Word and Excel, one letter -----
out="$work/van-ban"
# What only people can write (I.1 direction, II shortcomings, IV proposals) comes from the
# secretariat's notes file beside the report; the rest comes from the data.
mkdir -p "$out/ghi-chu"
cat > "$out/ghi-chu/2024-07.md" <<'NOTES'
## I.1 Công tác chỉ đạo, điều hành
- Tổ Công tác ban hành Công văn số 45/TCTDA06 ngày 20/6/2024 đôn đốc triển khai các nhiệm vụ quý III (DỮ LIỆU MINH HỌA — hư cấu).
## II Tồn tại, hạn chế và nguyên nhân
- Việc tập huấn an toàn thông tin cho cán bộ cấp huyện chậm do chưa bố trí được kinh phí (DỮ LIỆU MINH HỌA — hư cấu).
## IV Đề xuất, kiến nghị
- Đề nghị UBND tỉnh bố trí kinh phí tập huấn an toàn thông tin năm 2024 (DỮ LIỆU MINH HỌA — hư cấu).
NOTES
"$TIENDO" report --month 2024-07 --format docx --out "$out" 2>/dev/null
"$TIENDO" --as-of 2024-07-14 export --format xlsx -o "$out/theo-doi-2024-07.xlsx" 2>/dev/null
"$TIENDO" --as-of 2024-07-10 notice --month 2024-07 --unit so-tttt --format docx --out "$out" \
    >/dev/null

# --- What it shows ---------------------------------------------------------------------------
show() {
    printf '\n===== $ tiendo %s =====\n\n' "$*"
    "$TIENDO" "$@"
}

show report --month 2024-06
show report --month 2025-01
show log TT.6
show log --since 2024-06-01 --until 2024-06-30
git switch -q dieu-chinh-2025
show --as-of 2025-02-21 review main
git switch -q main

printf '\nVăn bản (Word, Excel): %s\n' "$(cd "$out" && ls | tr '\n' ' ')"
printf '\nDemo repository (DỮ LIỆU MINH HỌA — hư cấu): %s\n' "$work"
