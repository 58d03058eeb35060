//! Dated amendments (`[[amendment]]`): a bad one is a located problem; every view judges a day
//! by the values in force that day, and the plan's own wording stays.

mod common;

use common::Plan;

const TASK: &str = "plan/tasks/1/1.5.toml";

fn lines_about(text: &str, file: &str) -> String {
    text.lines()
        .filter(|l| l.contains(file) || l.starts_with("  "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn bad_amendments_are_located_problems() {
    let p = Plan::fixture("responsible");
    p.append(
        TASK,
        r#"
[[amendment]]
on = 2024-07-01
to = ["so-khcn"]
milestone = 3
deadline = "Khi nào xong"

[[amendment]]
on = 2024-07-02
basis = "CV 2"
from = "so-tttt"
lead = ["so-khcm"]
indicator = "khong-co"
"#,
    );
    let out = p.run(&["check", "--as-of", "2024-12-31"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        lines_about(&out.stdout, "1.5.toml"),
        "\
plan/tasks/1/1.5.toml:24:6: lỗi: điều chỉnh 3: điều chỉnh thiếu `basis` (văn bản làm căn cứ)
  gợi ý: ghi số, ký hiệu và ngày của văn bản, ví dụ basis = \"Công văn số 123/UBND-KT ngày 18/6/2024\"; chưa rõ số văn bản thì ghi rõ điều đó và đặt unverified = true
plan/tasks/1/1.5.toml:25:6: lỗi: điều chỉnh 3: điều chỉnh có `to` nhưng thiếu `from` (đơn vị bàn giao)
plan/tasks/1/1.5.toml:26:13: lỗi: điều chỉnh 3: điều chỉnh mốc 3 nhưng nhiệm vụ có 1 mốc
plan/tasks/1/1.5.toml:27:12: lỗi: điều chỉnh 3: không đọc được thời hạn \"Khi nào xong\": không nhận ra cách viết thời hạn này
  gợi ý: viết theo mẫu \"Tháng 5/2024\", \"Quý I/2024\", \"Trước ngày 05/3/2024\", \"Thực hiện thường xuyên\", hoặc thêm `due = YYYY-MM-DD`
plan/tasks/1/1.5.toml:32:8: lỗi: điều chỉnh 4: điều chỉnh có `from` nhưng thiếu `to` (đơn vị tiếp nhận)
plan/tasks/1/1.5.toml:33:9: lỗi: điều chỉnh 4: đơn vị không có trong danh mục: `so-khcm`
  gợi ý: có phải ý bạn là `so-khcn` (Sở Khoa học và Công nghệ)?
plan/tasks/1/1.5.toml:34:13: lỗi: điều chỉnh 4: chỉ tiêu `khong-co` không có trong nhiệm vụ"
    );
}

#[test]
fn an_unknown_key_in_an_amendment_is_refused() {
    let p = Plan::fixture("responsible");
    p.append(
        TASK,
        "\n[[amendment]]\non = 2024-07-01\nbasis = \"x\"\nlead_units = [\"ca-tinh\"]\n",
    );
    let out = p.run(&["check", "--as-of", "2024-12-31"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout
            .contains("plan/tasks/1/1.5.toml:26:1: lỗi: khóa không hợp lệ `lead_units`"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_day_is_judged_by_the_values_in_force_then() {
    let p = Plan::fixture("responsible");
    let before = p.run(&[
        "list",
        "--search",
        "gia han",
        "--format",
        "csv",
        "--as-of",
        "2024-06-19",
    ]);
    let after = p.run(&[
        "list",
        "--search",
        "gia han",
        "--format",
        "csv",
        "--as-of",
        "2024-07-19",
    ]);
    let row = |s: &str| s.lines().nth(1).unwrap_or_default().to_string();
    // On 19/6/2024 the milestone (Tháng 5/2024, extended only from 20/6) had passed: by the
    // one overdue rule the task counts as overdue, by the milestone's 19 days.
    assert_eq!(
        row(&before.stdout),
        "1.5,1,Gia hạn,Sở Tài chính,,Hoàn thành trước 01/7/2024,2024-06-30,due,todo,,overdue,19"
    );
    // The extension approved on 20/6/2024 applies from that day: not overdue on 19/7/2024.
    assert_eq!(
        row(&after.stdout),
        "1.5,1,Gia hạn,Sở Tài chính,,Hoàn thành trước 01/10/2024,2024-09-30,due,todo,,in_progress,"
    );
    // The plan's wording stays in the file.
    assert!(
        p.read(TASK)
            .contains("deadline = \"Hoàn thành trước 01/7/2024\"")
    );
}

#[test]
fn a_milestone_amendment_moves_only_that_milestone() {
    let p = Plan::fixture("responsible");
    let out = p.run(&["show", "1.5", "--as-of", "2024-07-19"]);
    assert!(
        out.stdout
            .contains("1. Mốc một — \"Tháng 8/2024\" → 31/08/2024"),
        "{}",
        out.stdout
    );
    let out = p.run(&["show", "1.5", "--as-of", "2024-06-19"]);
    assert!(
        out.stdout
            .contains("1. Mốc một — \"Tháng 5/2024\" → 31/05/2024"),
        "{}",
        out.stdout
    );
}

#[test]
fn update_records_an_amendment_and_show_lists_it() {
    let p = Plan::fixture("responsible");
    let out = p.run(&[
        "--as-of",
        "2025-12-20",
        "update",
        "1.2",
        "--deadline",
        "Quý II/2026",
        "--on",
        "2025-12-15",
        "--basis",
        "Công văn số 9/UBND ngày 10/12/2025 (hư cấu)",
        "--dry-run",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "\
--- plan/tasks/1/1.2.toml
+++ plan/tasks/1/1.2.toml
@@ -5,2 +5,7 @@
 deadline = \"Năm 2025\"
 status = \"todo\"
+
+[[amendment]]
+on = 2025-12-15
+basis = \"Công văn số 9/UBND ngày 10/12/2025 (hư cấu)\"
+deadline = \"Quý II/2026\"
"
    );
    // Without a basis there is no amendment.
    let out = p.run(&[
        "update",
        "1.2",
        "--deadline",
        "Quý II/2026",
        "--on",
        "2025-12-15",
    ]);
    assert_eq!(out.code, 2);
    // In Vietnamese, as the rest of the message (issue 13).
    assert!(out.stderr.contains("--basis <CHỮ>"), "{}", out.stderr);
    // A handover, then show.
    let out = p.run(&[
        "--as-of",
        "2025-06-01",
        "update",
        "1.2",
        "--handover",
        "Sở TTTT",
        "--to",
        "so-khcn",
        "--on",
        "2025-03-01",
        "--basis",
        "Văn bản số 2/BG (hư cấu)",
        "--unverified",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = p.run(&["--as-of", "2025-06-01", "show", "1.2"]);
    assert!(
        out.stdout.starts_with(
            "Mã:            1.2\nNhóm:          1 — Nhóm một\nChủ trì:       Sở Khoa học và Công nghệ (Sở KH&CN)\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "\nĐiều chỉnh:\n  - từ 01/03/2025: bàn giao Sở TT&TT → Sở KH&CN, theo Văn bản số 2/BG (hư cấu) (chưa xác minh)\n"
        ),
        "{}",
        out.stdout
    );
    // The split is settled: check has nothing to say.
    let out = p.run(&["--as-of", "2025-06-01", "check", "--strict"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
}
