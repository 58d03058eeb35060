//! Reports that stay true over time, end to end in temporary git repositories with pinned
//! dates: `report --at REV`, what each report says it was judged from, issuing a report and
//! refusing to overwrite it, `review` flagging an edit to an issued report and a deadline edited
//! in place, the secretariat's narrative, late returns recorded with `update --received`, and
//! closing the plan. The plan is a copy of `tests/fixtures/time-plan/` (never `plan/`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Repo {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

impl Repo {
    /// A repository holding the time-plan fixture in `plan/`, committed on 2024-06-14.
    fn new() -> Repo {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/time-plan");
        copy_dir(&fixture, &dir.join("plan"));
        let r = Repo { _tmp: tmp, dir };
        r.git(&["init", "-q", "-b", "main"], "2024-06-14T09:00:00+07:00");
        r.commit("Kế hoạch 15/KH-TEST", "2024-06-14T09:00:00+07:00");
        r
    }

    fn git(&self, args: &[&str], date: &str) -> String {
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
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn commit(&self, message: &str, date: &str) {
        self.git(&["add", "-A"], date);
        self.git(&["commit", "-q", "-m", message], date);
    }

    fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"], "2024-06-14T09:00:00+07:00")
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn tiendo(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_tiendo"))
            .current_dir(&self.dir)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Văn thư")
            .env("GIT_AUTHOR_EMAIL", "vanthu@example.vn")
            .env("GIT_COMMITTER_NAME", "Văn thư")
            .env("GIT_COMMITTER_EMAIL", "vanthu@example.vn")
            .env("NO_COLOR", "1")
            .env_remove("TIENDO_PLAN")
            .env_remove("TIENDO_LANG")
            .output()
            .expect("tiendo runs")
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn basis_line(report: &str) -> &str {
    report
        .lines()
        .find(|l| l.starts_with("- **Dữ liệu:**"))
        .unwrap_or_default()
}

/// Everything but the provenance line.
fn content(report: &str) -> String {
    report
        .lines()
        .filter(|l| !l.starts_with("- **Dữ liệu:**"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn report_at_a_past_revision_reads_the_plan_as_it_was_and_says_so() {
    let r = Repo::new();
    let first = r.head();
    let june_then = stdout(&r.tiendo(&["report", "--month", "2024-06"]));
    assert_eq!(
        basis_line(&june_then),
        format!(
            "- **Dữ liệu:** thư mục kế hoạch tại commit `{}`",
            &first[..12]
        )
    );
    // Later, someone rewrites history in place: 7.4 back to "todo", TT.6's deadline edited.
    let t74 = r.read("plan/tasks/7/7.4.toml").replace(
        "status = \"done\"\ndone_on = 2024-06-12\n",
        "status = \"todo\"\n",
    );
    r.write("plan/tasks/7/7.4.toml", &t74);
    let dirty = stdout(&r.tiendo(&["report", "--month", "2024-06"]));
    assert_eq!(
        basis_line(&dirty),
        format!(
            "- **Dữ liệu:** thư mục kế hoạch tại commit `{}`, có thay đổi chưa commit",
            &first[..12]
        )
    );
    r.commit("7.4: sửa trạng thái", "2024-08-05T10:00:00+07:00");
    let now = stdout(&r.tiendo(&["report", "--month", "2024-06"]));
    assert_ne!(content(&now), content(&june_then), "the edit shows today");
    // --at the first commit gives the June report as the repository then said it.
    let at = r.tiendo(&["report", "--month", "2024-06", "--at", "HEAD~1"]);
    assert_eq!(code(&at), 0, "{}", stderr(&at));
    let at = stdout(&at);
    assert_eq!(content(&at), content(&june_then));
    assert_eq!(
        basis_line(&at),
        format!(
            "- **Dữ liệu:** kế hoạch trong kho tại `HEAD~1` (commit `{}`)",
            &first[..12]
        )
    );
    // A revision that is not there is an error (exit 2) that names it.
    let bad = r.tiendo(&["report", "--month", "2024-06", "--at", "khong-co"]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("`khong-co`"), "{}", stderr(&bad));
}

#[test]
fn an_issued_report_is_a_record_out_refuses_check_skips_review_flags() {
    let r = Repo::new();
    let issue = r.tiendo(&[
        "report",
        "--month",
        "2024-06",
        "--out",
        "reports",
        "--issue",
        "85/BC-TEST",
        "--issued-on",
        "2024-06-17",
    ]);
    assert_eq!(code(&issue), 0, "{}", stderr(&issue));
    let text = r.read("reports/2024-06.md");
    let head: Vec<&str> = text.lines().take(3).collect();
    assert_eq!(
        head,
        [
            "<!-- tiendo:issued number=\"85/BC-TEST\" date=\"2024-06-17\" -->",
            "",
            "# Báo cáo tiến độ thực hiện kế hoạch 15/KH-TEST — 06/2024 (số 85/BC-TEST, ngày 17/06/2024)",
        ]
    );
    r.commit("Ban hành báo cáo tháng 6/2024", "2024-06-17T15:00:00+07:00");

    // The plan changes afterwards; the issued file stays as it was.
    let before = r.read("reports/2024-06.md");
    let again = r.tiendo(&["report", "--month", "2024-06", "--out", "reports"]);
    assert_eq!(code(&again), 2);
    assert_eq!(
        stderr(&again),
        "tiendo: lỗi: không ghi đè `reports/2024-06.md`: đây là báo cáo đã ban hành (số 85/BC-TEST, ngày 17/06/2024); báo cáo đã ban hành là hồ sơ, muốn sửa thì ban hành báo cáo mới\n"
    );
    assert_eq!(r.read("reports/2024-06.md"), before);
    let check = r.tiendo(&[
        "report", "--month", "2024-06", "--out", "reports", "--check",
    ]);
    assert_eq!(code(&check), 0);
    assert_eq!(
        stderr(&check),
        "bỏ qua `reports/2024-06.md`: báo cáo đã ban hành (số 85/BC-TEST, ngày 17/06/2024), không so với dữ liệu hiện tại\n"
    );
    // Drafts behave as before: written, then checked.
    let draft = r.tiendo(&["report", "--month", "2024-07", "--out", "reports"]);
    assert_eq!(code(&draft), 0);
    let check = r.tiendo(&[
        "report", "--month", "2024-07", "--out", "reports", "--check",
    ]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));

    // On a branch: the issued report is edited and a deadline is edited in place.
    r.git(
        &["checkout", "-q", "-b", "sua"],
        "2024-07-01T08:00:00+07:00",
    );
    r.write(
        "reports/2024-06.md",
        &before.replace("Tổng quan", "Tổng quan (sửa)"),
    );
    let tt6 = r.read("plan/tasks/TT/TT.6.toml").replace(
        "deadline = \"Hoàn thành trước 01/7/2024\"",
        "deadline = \"Hoàn thành trước 01/12/2024\"",
    );
    r.write("plan/tasks/TT/TT.6.toml", &tt6);
    r.commit(
        "Sửa báo cáo tháng 6 và thời hạn TT.6",
        "2024-07-01T09:00:00+07:00",
    );
    let sha = r.git(
        &["rev-parse", "--short", "HEAD"],
        "2024-07-01T09:00:00+07:00",
    );
    let review = r.tiendo(&["review", "main", "--fail-on", "flags"]);
    assert_eq!(code(&review), 1, "{}", stdout(&review));
    let out = stdout(&review);
    assert!(
        out.contains(&format!(
            "  ! `reports/2024-06.md` là báo cáo đã ban hành (số 85/BC-TEST, ngày 17/06/2024) nhưng bị sửa trong commit {sha}\n"
        )),
        "{out}"
    );
    assert!(out.contains("  ! TT.6: thời hạn bị lùi"), "{out}");
}

#[test]
fn the_narrative_fills_its_parts_and_never_fails_check() {
    let r = Repo::new();
    let placeholder = stdout(&r.tiendo(&["report", "--month", "2024-07"]));
    assert!(placeholder.contains(
        "_[Chưa có nội dung. Tổ thư ký viết phần này trong tệp `reports/ghi-chu/2024-07.md`, dưới tiêu đề `## I.1`.]_"
    ));
    r.write(
        "reports/ghi-chu/2024-07.md",
        "# Ghi chú tháng 7/2024\n\n## I.1 Chỉ đạo, điều hành\n\nUBND tỉnh ban hành Công văn số 1234/UBND-KT ngày 18/6/2024.\n\n## II\n\n- Hạ tầng cấp xã còn thiếu.\n\n## IV Đề xuất\n\nĐề nghị Bộ Công an hỗ trợ kết nối.\n",
    );
    let out = r.tiendo(&["report", "--month", "2024-07", "--out", "reports"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = r.read("reports/2024-07.md");
    assert!(text.contains(
        "## 11. Công tác chỉ đạo, điều hành; văn bản đã ban hành (phần I.1)\n\n<!-- ghi-chu -->\nUBND tỉnh ban hành Công văn số 1234/UBND-KT ngày 18/6/2024.\n<!-- /ghi-chu -->\n"
    ), "{text}");
    assert!(text.contains("<!-- ghi-chu -->\n- Hạ tầng cấp xã còn thiếu.\n<!-- /ghi-chu -->\n"));
    assert!(
        text.contains("<!-- ghi-chu -->\nĐề nghị Bộ Công an hỗ trợ kết nối.\n<!-- /ghi-chu -->\n")
    );
    // Editing the narrative (or removing it) does not make the draft fail --check.
    std::fs::remove_file(r.path("reports/ghi-chu/2024-07.md")).unwrap();
    let check = r.tiendo(&[
        "report", "--month", "2024-07", "--out", "reports", "--check",
    ]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
}

#[test]
fn a_late_return_recorded_with_received_moves_to_the_next_report() {
    let r = Repo::new();
    let june_before = stdout(&r.tiendo(&["report", "--month", "2024-06"]));
    let up = r.tiendo(&[
        "update",
        "5.5",
        "--by",
        "CA tỉnh",
        "--note",
        "Đã kết nối thử 1 cơ sở dữ liệu.",
        "--date",
        "2024-06-13",
        "--received",
        "2024-06-25",
    ]);
    assert_eq!(code(&up), 0, "{}", stderr(&up));
    assert!(
        r.read("plan/tasks/5/5.5.toml")
            .contains("date = 2024-06-13\nby = \"ca-tinh\"\nnote = \"Đã kết nối thử 1 cơ sở dữ liệu.\"\nreceived = 2024-06-25\n")
    );
    // The June draft does not change; July lists the return as late.
    let june_after = stdout(&r.tiendo(&["report", "--month", "2024-06"]));
    assert_eq!(content(&june_after), content(&june_before));
    let july = stdout(&r.tiendo(&["report", "--month", "2024-07"]));
    assert!(
        july.contains(
            "| 5.5 | CA tỉnh | 13/06/2024 | 25/06/2024 | Đã kết nối thử 1 cơ sở dữ liệu. |"
        ),
        "{july}"
    );
}

#[test]
fn closing_the_plan_stops_the_clock() {
    let r = Repo::new();
    // Open after its period: check warns once, not per task.
    let check = r.tiendo(&["--as-of", "2026-11-30", "check"]);
    let warn = "kỳ của kế hoạch đã hết ngày 31/12/2024 mà kế hoạch chưa kết thúc";
    assert_eq!(
        stdout(&check).matches(warn).count(),
        1,
        "{}",
        stdout(&check)
    );
    let before = stdout(&r.tiendo(&["--as-of", "2025-01-31", "list", "--format", "csv"]));

    let close = r.tiendo(&["close", "--on", "2024-12-31", "--commit"]);
    assert_eq!(code(&close), 0, "{}", stderr(&close));
    assert_eq!(
        stdout(&close),
        "đã ghi ngày kết thúc kế hoạch 31/12/2024 vào `plan/plan.toml`\nđã commit `plan/plan.toml`\n"
    );
    // One added line, committed with a message in words.
    let diff = r.git(
        &["show", "--format=%s", "--unified=0", "HEAD"],
        "2025-01-01T00:00:00+07:00",
    );
    assert!(
        diff.starts_with("Kết thúc kế hoạch 15/KH-TEST ngày 31/12/2024"),
        "{diff}"
    );
    let added: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .collect();
    let removed = diff
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .count();
    assert_eq!((added, removed), (vec!["+closed_on = 2024-12-31"], 0));

    // Views judge as of the closing day and say so in one line; days overdue stop counting.
    let late = r.tiendo(&["--as-of", "2026-11-30", "list", "--format", "csv"]);
    assert_eq!(
        stderr(&late),
        "kế hoạch đã kết thúc ngày 31/12/2024; tình trạng tính đến ngày đó\n"
    );
    let early = r.tiendo(&["--as-of", "2025-01-31", "list", "--format", "csv"]);
    assert_eq!(stdout(&late), stdout(&early));
    assert_ne!(stdout(&late), before, "as of 31/12/2024, not 31/01/2025");
    // No warning once closed; a report after the closing day is refused; --final works.
    let check = r.tiendo(&["--as-of", "2026-11-30", "check"]);
    assert!(!stdout(&check).contains(warn), "{}", stdout(&check));
    let nov = r.tiendo(&["report", "--month", "2026-11"]);
    assert_eq!(code(&nov), 2);
    assert!(stderr(&nov).contains("kế hoạch đã kết thúc ngày 31/12/2024"));
    let fin = r.tiendo(&["report", "--final"]);
    assert_eq!(code(&fin), 0, "{}", stderr(&fin));
    assert!(stdout(&fin).contains(
        "- **Tình trạng tính đến ngày:** 31/12/2024\n- **Dữ liệu:** thư mục kế hoạch tại commit `"
    ));
    assert!(
        stdout(&fin)
            .contains("- **kế hoạch đã kết thúc ngày 31/12/2024; tình trạng tính đến ngày đó**\n")
    );
    // A report asked as of a day after the closing day is judged as of the closing day.
    let july = stdout(&r.tiendo(&["--as-of", "2026-11-30", "report", "--month", "2024-07"]));
    assert!(
        july.contains("- **Tình trạng tính đến ngày:** 31/12/2024\n"),
        "{july}"
    );
    // Closing twice is refused.
    let again = r.tiendo(&["close", "--on", "2025-01-31"]);
    assert_eq!(code(&again), 2);
    assert_eq!(
        stderr(&again),
        "tiendo: lỗi: kế hoạch đã kết thúc ngày 31/12/2024\n"
    );
}
