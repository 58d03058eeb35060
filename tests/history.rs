//! Git history end to end: a temporary repository with pinned dates, built by the test, and
//! the exact output of `log`, `diff`, `review` and the report's "changes" section for a
//! deadline moved, a lead swapped, an id changed with its file moved, a past progress entry
//! rewritten and a task deleted.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PLAN: &str = r#"code = "1/KH-TEST"
title = "Kế hoạch thử"
issued = 2024-05-01
issuer = "Chủ tịch UBND tỉnh"
secretariat = "ca-tinh"
report_day = 15

[[group]]
id = "1"
title = "Nhóm một"

[[group]]
id = "2"
title = "Nhóm hai"
"#;

const UNITS: &str = r#"[[unit]]
id = "ca-tinh"
name = "Công an tỉnh"
short = "CA tỉnh"
kind = "police"

[[unit]]
id = "so-khdt"
name = "Sở Kế hoạch và Đầu tư"
short = "Sở KH&ĐT"
kind = "department"

[[unit]]
id = "so-tai-chinh"
name = "Sở Tài chính"
kind = "department"
"#;

const T11: &str = r#"id = "1.1"
group = "1"
title = "Bố trí kinh phí triển khai Đề án 06"
lead = ["so-khdt"]
deadline = "Tháng 5/2024"
status = "todo"
"#;

const T12: &str = r#"id = "1.2"
group = "1"
title = "Số hóa hồ sơ thủ tục hành chính"
lead = ["ca-tinh"]
deadline = "Quý II/2024"
status = "doing"

[[progress]]
date = 2024-05-10
by = "ca-tinh"
note = "Đã số hóa 40% hồ sơ."
"#;

const T21: &str = r#"id = "2.1"
group = "2"
title = "Tuyên truyền về Đề án 06"
lead = ["ca-tinh"]
deadline = "Thực hiện thường xuyên"
status = "doing"
"#;

struct Repo {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Repo {
    fn git(&self, args: &[&str], date: &str) {
        let out = Command::new("git")
            .current_dir(&self.dir)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Văn thư")
            .env("GIT_AUTHOR_EMAIL", "vanthu@example.vn")
            .env("GIT_COMMITTER_NAME", "Văn thư")
            .env("GIT_COMMITTER_EMAIL", "vanthu@example.vn")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn commit(&self, message: &str, date: &str) {
        self.git(&["add", "-A"], date);
        self.git(&["commit", "-q", "-m", message], date);
    }

    fn tiendo(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_tiendo"))
            .current_dir(&self.dir)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("NO_COLOR", "1")
            .env_remove("TIENDO_PLAN")
            .env_remove("TIENDO_LANG")
            .output()
            .expect("tiendo runs")
    }

    fn stdout(&self, args: &[&str]) -> String {
        let out = self.tiendo(args);
        assert!(
            out.status.success() || out.status.code() == Some(1),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

/// main: the plan on 2024-05-02. Branch `pr`: deadline moved and lead swapped (05-20), task 1.2
/// renumbered 1.3 and moved with its past progress rewritten (06-01), task 2.1 deleted (06-10).
fn history() -> Repo {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let r = Repo { _tmp: tmp, dir };
    r.git(&["init", "-q", "-b", "main"], "2024-05-02T08:00:00+07:00");
    r.write("plan/plan.toml", PLAN);
    r.write("plan/units.toml", UNITS);
    r.write("plan/tasks/1/1.1.toml", T11);
    r.write("plan/tasks/1/1.2.toml", T12);
    r.write("plan/tasks/2/2.1.toml", T21);
    r.commit("Kế hoạch thử", "2024-05-02T08:00:00+07:00");
    r.git(&["checkout", "-q", "-b", "pr"], "2024-05-02T08:00:00+07:00");
    r.write(
        "plan/tasks/1/1.1.toml",
        &T11.replace("Tháng 5/2024", "Tháng 6/2024")
            .replace("so-khdt", "so-tai-chinh"),
    );
    r.commit(
        "1.1: lùi thời hạn, đổi chủ trì",
        "2024-05-20T09:00:00+07:00",
    );
    std::fs::remove_file(r.dir.join("plan/tasks/1/1.2.toml")).unwrap();
    r.write(
        "plan/tasks/3/1.3.toml",
        &T12.replace("id = \"1.2\"", "id = \"1.3\"")
            .replace("40%", "45%"),
    );
    r.commit("Đánh số lại 1.2 thành 1.3", "2024-06-01T10:00:00+07:00");
    std::fs::remove_file(r.dir.join("plan/tasks/2/2.1.toml")).unwrap();
    r.commit("Bỏ nhiệm vụ 2.1", "2024-06-10T11:00:00+07:00");
    r
}

fn short(r: &Repo, rev: &str) -> String {
    let out = Command::new("git")
        .current_dir(&r.dir)
        .args(["rev-parse", "--short", rev])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn log_of_one_task_shows_field_changes_in_words() {
    let r = history();
    let (b, a) = (short(&r, "pr~2"), short(&r, "main"));
    assert_eq!(
        r.stdout(&["log", "1.1", "--as-of", "2024-06-14"]),
        format!(
            "20/05/2024  {b}  Văn thư  1.1: lùi thời hạn, đổi chủ trì\n\
             \x20 chủ trì: +Sở Tài chính −Sở KH&ĐT\n\
             \x20 thời hạn: \"Tháng 5/2024\" (31/05/2024) → \"Tháng 6/2024\" (30/06/2024)\n\
             \n\
             02/05/2024  {a}  Văn thư  Kế hoạch thử\n\
             \x20 1.1 (thêm nhiệm vụ)\n"
        )
    );
}

#[test]
fn log_follows_a_task_across_a_move() {
    let r = history();
    let out = r.stdout(&["log", "1.3", "--as-of", "2024-06-14"]);
    let c = short(&r, "pr~1");
    assert!(
        out.starts_with(&format!(
            "01/06/2024  {c}  Văn thư  Đánh số lại 1.2 thành 1.3\n  1.3 ← 1.2 (đổi mã)\n  sửa báo cáo tiến độ đã có 10/05/2024, CA tỉnh\n"
        )),
        "{out}"
    );
    assert!(
        out.contains("Kế hoạch thử"),
        "history before the move is followed: {out}"
    );
}

#[test]
fn diff_between_revisions_and_against_the_working_tree() {
    let r = history();
    assert_eq!(
        r.stdout(&["diff", "main", "pr", "--as-of", "2024-06-14"]),
        "So sánh: main → pr\n\n\
         1.1\n\
         \x20 chủ trì: +Sở Tài chính −Sở KH&ĐT\n\
         \x20 thời hạn: \"Tháng 5/2024\" (31/05/2024) → \"Tháng 6/2024\" (30/06/2024)\n\
         1.3 ← 1.2 (đổi mã)\n\
         \x20 sửa báo cáo tiến độ đã có 10/05/2024, CA tỉnh\n\
         2.1 (xóa nhiệm vụ)\n"
    );
    assert_eq!(
        r.stdout(&["diff", "--as-of", "2024-06-14"]),
        "So sánh: HEAD → thư mục làm việc\n\nKhông có thay đổi.\n"
    );
}

#[test]
fn review_flags_what_a_reviewer_must_see_and_fails_on_flags() {
    let r = history();
    let out = r.tiendo(&[
        "review",
        "main",
        "--as-of",
        "2024-06-14",
        "--fail-on",
        "flags",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let (mb, head) = (short(&r, "main"), short(&r, "pr"));
    assert_eq!(
        text,
        format!(
            "So sánh: main ({mb}) → HEAD ({head})\n\n\
             Cần xem kỹ:\n\
             \x20 ! 1.1: đổi đơn vị chủ trì\n\
             \x20 ! 1.1: thời hạn bị lùi: 31/05/2024 → 30/06/2024\n\
             \x20 ! 1.1: sửa thẳng giá trị gốc `lead` của kế hoạch; thay đổi có văn bản căn cứ thì ghi [[amendment]] (tiendo update … --on NGÀY --basis …)\n\
             \x20 ! 1.1: sửa thẳng giá trị gốc `deadline` của kế hoạch; thay đổi có văn bản căn cứ thì ghi [[amendment]] (tiendo update … --on NGÀY --basis …)\n\
             \x20 ! 1.3: mã nhiệm vụ bị đổi: 1.2\n\
             \x20 ! 1.3: báo cáo tiến độ cũ bị sửa hoặc xóa: 10/05/2024, CA tỉnh\n\
             \x20 ! 2.1: nhiệm vụ bị xóa\n\
             \n\
             1.1\n\
             \x20 chủ trì: +Sở Tài chính −Sở KH&ĐT\n\
             \x20 thời hạn: \"Tháng 5/2024\" (31/05/2024) → \"Tháng 6/2024\" (30/06/2024)\n\
             1.3 ← 1.2 (đổi mã)\n\
             \x20 sửa báo cáo tiến độ đã có 10/05/2024, CA tỉnh\n\
             2.1 (xóa nhiệm vụ)\n"
        )
    );
    // Without --fail-on the same review exits 0.
    assert_eq!(
        r.tiendo(&["review", "main", "--as-of", "2024-06-14"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn report_lists_the_changes_dated_in_its_window() {
    let r = history();
    let report = r.stdout(&["report", "--month", "2024-06"]);
    let section = report
        .split("## 9. ")
        .nth(1)
        .and_then(|s| s.split("\n## 10. ").next())
        .expect("section 9");
    let (b, c, d) = (short(&r, "pr~2"), short(&r, "pr~1"), short(&r, "pr"));
    assert_eq!(
        section,
        format!(
            "Thay đổi kế hoạch trong kỳ\n\n\
             - **1.1**\n\
             \x20 - 20/05/2024 `{b}` (Văn thư): chủ trì: +Sở Tài chính −Sở KH&ĐT\n\
             \x20 - 20/05/2024 `{b}` (Văn thư): thời hạn: \"Tháng 5/2024\" (31/05/2024) → \"Tháng 6/2024\" (30/06/2024)\n\
             - **1.3**\n\
             \x20 - 01/06/2024 `{c}` (Văn thư): 1.3 ← 1.2 (đổi mã)\n\
             \x20 - 01/06/2024 `{c}` (Văn thư): sửa báo cáo tiến độ đã có 10/05/2024, CA tỉnh\n\
             - **2.1**\n\
             \x20 - 10/06/2024 `{d}` (Văn thư): 2.1 (xóa nhiệm vụ)\n"
        )
    );
    // The window before holds only the plan's first commit (05-02 is inside 15/04–14/05).
    let may = r.stdout(&["report", "--month", "2024-05"]);
    let a = short(&r, "main");
    assert!(
        may.contains(&format!(
            "- **2.1**\n  - 02/05/2024 `{a}` (Văn thư): 2.1 (thêm nhiệm vụ)\n"
        )),
        "{may}"
    );
}

#[test]
fn revisions_that_look_like_options_are_refused() {
    let r = history();
    let out = r.tiendo(&["diff", "--", "--output=/tmp/tiendo-should-not-exist"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!Path::new("/tmp/tiendo-should-not-exist").exists());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a valid revision"),
        "{out:?}"
    );
}

#[test]
fn history_commands_say_plainly_when_there_is_no_repository() {
    let tmp = tempfile::tempdir().unwrap();
    let r = Repo {
        dir: tmp.path().to_path_buf(),
        _tmp: tmp,
    };
    r.write("plan/plan.toml", PLAN);
    r.write("plan/units.toml", UNITS);
    r.write("plan/tasks/1/1.1.toml", T11);
    let out = r.tiendo(&["log", "1.1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tiendo: lỗi: không xem được lịch sử: thư mục kế hoạch không nằm trong kho git\n"
    );
    // Every other command works without git, and the report says history is not available.
    let report = r.stdout(&["report", "--month", "2024-06"]);
    assert!(report.contains("Không có lịch sử git"), "{report}");
}
