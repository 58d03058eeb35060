//! Concurrent progress through git: two branches of a temporary repository (pinned dates, no
//! user or system git config) that each change the same task file, merged with plain git and
//! with `tiendo merge-driver` configured the way README says. Exact file contents and exact
//! `tiendo check` output are asserted.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PLAN: &str = r#"code = "1/KH-TEST"
title = "Kế hoạch thử"
issued = 2024-01-10
issuer = "Chủ tịch UBND tỉnh"
secretariat = "ca"
report_day = 15

[[group]]
id = "1"
title = "Nhóm một"
"#;

const UNITS: &str = r#"[[unit]]
id = "ca"
name = "Công an tỉnh"
kind = "police"

[[unit]]
id = "so-a"
name = "Sở Alpha"
kind = "department"
"#;

const TASK: &str = r#"# Nhiệm vụ 1.1
id = "1.1"
group = "1"
title = "Xây dựng phần mềm"
lead = ["so-a"]
support = ["ca"]
deadline = "Quý III/2024"
status = "doing" # đang làm

[[milestone]]
title = "Phê duyệt thiết kế"
deadline = "Tháng 5/2024"

[[progress]]
date = 2024-03-10
by = "so-a"
note = "Bắt đầu"
"#;

const FILE: &str = "plan/tasks/1/1.1.toml";

fn entry(date: &str, by: &str, note: &str) -> String {
    format!("\n[[progress]]\ndate = {date}\nby = \"{by}\"\nnote = \"{note}\"\n")
}

struct Repo {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Repo {
    /// A repository with the plan on `main`; with `driver`, the merge driver enabled.
    fn new(driver: bool) -> Repo {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let r = Repo { _tmp: tmp, dir };
        r.git(&["init", "-q", "-b", "main"]);
        r.write("plan/plan.toml", PLAN);
        r.write("plan/units.toml", UNITS);
        r.write(FILE, TASK);
        if driver {
            r.write(".gitattributes", "plan/tasks/**/*.toml merge=tiendo\n");
            let cmd = format!(
                "{} merge-driver %O %A %B --path %P",
                env!("CARGO_BIN_EXE_tiendo")
            );
            r.git(&["config", "merge.tiendo.driver", &cmd]);
            r.git(&["config", "merge.tiendo.name", "tiendo plan files"]);
        }
        r.commit("kế hoạch");
        r
    }

    fn cmd(&self, program: &str, args: &[&str]) -> Output {
        Command::new(program)
            .current_dir(&self.dir)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Văn thư")
            .env("GIT_AUTHOR_EMAIL", "vanthu@example.vn")
            .env("GIT_COMMITTER_NAME", "Văn thư")
            .env("GIT_COMMITTER_EMAIL", "vanthu@example.vn")
            .env("GIT_AUTHOR_DATE", "2024-06-20T09:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-06-20T09:00:00+07:00")
            .env("NO_COLOR", "1")
            .env_remove("TIENDO_PLAN")
            .env_remove("TIENDO_LANG")
            .output()
            .expect("runs")
    }

    fn git(&self, args: &[&str]) -> Output {
        let out = self.cmd("git", args);
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.join(rel)).unwrap()
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// `unit` branch from main with the task file as `text`.
    fn branch(&self, name: &str, text: &str) {
        self.git(&["checkout", "-q", "-b", name, "main"]);
        self.write(FILE, text);
        self.commit(name);
    }

    /// Merge `a` then `b` into main; the second merge's output.
    fn merge_both(&self, a: &str, b: &str) -> Output {
        self.git(&["checkout", "-q", "main"]);
        self.git(&["merge", "-q", "--no-edit", a]);
        self.cmd("git", &["merge", "--no-edit", b])
    }

    fn check(&self) -> Output {
        self.cmd(
            env!("CARGO_BIN_EXE_tiendo"),
            &["check", "--as-of", "2024-06-30"],
        )
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn assert_output(out: &Output, code: i32, stdout: &str, stderr: &str) {
    assert_eq!(
        (
            out.status.code(),
            text(&out.stdout).as_str(),
            text(&out.stderr).as_str()
        ),
        (Some(code), stdout, stderr)
    );
}

/// Two units report progress on the same task in parallel branches.
fn two_reports(r: &Repo) {
    r.branch(
        "so-a",
        &format!("{TASK}{}", entry("2024-06-20", "so-a", "Sở A báo cáo")),
    );
    r.branch(
        "ca",
        &format!("{TASK}{}", entry("2024-06-14", "ca", "Công an báo cáo")),
    );
}

#[test]
fn without_the_driver_two_progress_reports_conflict_and_check_says_where() {
    let r = Repo::new(false);
    two_reports(&r);
    let out = r.merge_both("so-a", "ca");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("CONFLICT (content): Merge conflict in plan/tasks/1/1.1.toml"),
        "{}",
        text(&out.stdout)
    );
    assert!(r.read(FILE).contains("<<<<<<< HEAD\n"));
    let line = r
        .read(FILE)
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .unwrap()
        + 1;
    assert_output(
        &r.check(),
        1,
        &format!(
            "plan/tasks/1/1.1.toml:{line}:1: lỗi: còn dấu xung đột hợp nhất của git (<<<<<<<, =======, >>>>>>>)\n  gợi ý: giữ lại phần đúng, xóa các dòng đánh dấu, rồi `git add` tệp; hoặc bật `tiendo merge-driver` (xem README)\n1 lỗi, 0 cảnh báo trong 1/3 tệp\n"
        ),
        "",
    );
}

#[test]
fn with_the_driver_both_reports_are_kept_in_date_order() {
    let r = Repo::new(true);
    two_reports(&r);
    let out = r.merge_both("so-a", "ca");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        r.read(FILE),
        format!(
            "{TASK}{}{}",
            entry("2024-06-14", "ca", "Công an báo cáo"),
            entry("2024-06-20", "so-a", "Sở A báo cáo")
        )
    );
    assert_output(&r.check(), 0, "0 lỗi, 0 cảnh báo trong 0/3 tệp\n", "");
    // The merge is an ordinary commit with both parents.
    let parents = r.git(&["log", "-1", "--format=%P"]);
    assert_eq!(text(&parents.stdout).split_whitespace().count(), 2);
}

#[test]
fn with_the_driver_a_field_changed_on_one_side_takes_that_change() {
    let r = Repo::new(true);
    let done = TASK
        .replace(
            "status = \"doing\" # đang làm",
            "status = \"done\"\ndone_on = 2024-06-25",
        )
        .replace(
            "deadline = \"Tháng 5/2024\"\n",
            "deadline = \"Tháng 5/2024\"\ndone_on = 2024-05-30\n",
        );
    r.branch("done", &done);
    r.branch(
        "report",
        &format!("{TASK}{}", entry("2024-06-20", "so-a", "Xong")),
    );
    let out = r.merge_both("done", "report");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        r.read(FILE),
        format!("{done}{}", entry("2024-06-20", "so-a", "Xong"))
    );
    assert_output(&r.check(), 0, "0 lỗi, 0 cảnh báo trong 0/3 tệp\n", "");
}

#[test]
fn with_the_driver_the_same_field_changed_differently_stays_a_conflict() {
    let r = Repo::new(true);
    r.branch(
        "q4",
        &format!(
            "{}{}",
            TASK.replace("Quý III/2024", "Quý IV/2024"),
            entry("2024-06-20", "so-a", "Lùi hạn")
        ),
    );
    r.branch(
        "year",
        &format!(
            "{}{}",
            TASK.replace("Quý III/2024", "Năm 2024"),
            entry("2024-06-14", "ca", "Đề nghị cả năm")
        ),
    );
    let out = r.merge_both("q4", "year");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("CONFLICT (content): Merge conflict in plan/tasks/1/1.1.toml"),
        "{}",
        text(&out.stdout)
    );
    // The driver's own message, on git's stderr.
    assert!(
        text(&out.stderr).contains("plan/tasks/1/1.1.toml: 1 khóa bị sửa khác nhau ở cả hai nhánh, để lại giữa dấu xung đột (<<<<<<< ours, =======, >>>>>>> theirs); các mục tiến độ của hai bên đã được giữ đủ\n  gợi ý: giữ lại giá trị đúng, xóa các dòng đánh dấu, chạy `tiendo check`, rồi `git add` tệp\n"),
        "{}",
        text(&out.stderr)
    );
    let want = TASK.replace(
        "deadline = \"Quý III/2024\"\n",
        "<<<<<<< ours\ndeadline = \"Quý IV/2024\"\n=======\ndeadline = \"Năm 2024\"\n>>>>>>> theirs\n",
    ) + &entry("2024-06-14", "ca", "Đề nghị cả năm")
        + &entry("2024-06-20", "so-a", "Lùi hạn");
    assert_eq!(r.read(FILE), want);
    assert_output(
        &r.check(),
        1,
        "plan/tasks/1/1.1.toml:7:1: lỗi: còn dấu xung đột hợp nhất của git (<<<<<<<, =======, >>>>>>>)\n  gợi ý: giữ lại phần đúng, xóa các dòng đánh dấu, rồi `git add` tệp; hoặc bật `tiendo merge-driver` (xem README)\n1 lỗi, 0 cảnh báo trong 1/3 tệp\n",
        "",
    );
    // Resolving by hand and committing finishes the merge.
    r.write(
        FILE,
        &want.replace(
            "<<<<<<< ours\ndeadline = \"Quý IV/2024\"\n=======\ndeadline = \"Năm 2024\"\n>>>>>>> theirs\n",
            "deadline = \"Năm 2024\"\n",
        ),
    );
    r.commit("hợp nhất");
    assert_output(&r.check(), 0, "0 lỗi, 0 cảnh báo trong 0/3 tệp\n", "");
}

#[test]
fn the_driver_on_files_that_are_not_toml_marks_the_differing_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| -> PathBuf { dir.path().join(n) };
    std::fs::write(p("o"), "a = 1\n").unwrap();
    std::fs::write(p("a"), "a = 1\nb = [\n").unwrap();
    std::fs::write(p("b"), "a = 1\nc = 3\n").unwrap();
    let out = run_driver(&p("o"), &p("a"), &p("b"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(p("a")).unwrap(),
        "a = 1\n<<<<<<< ours\nb = [\n=======\nc = 3\n>>>>>>> theirs\n"
    );
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}: không hợp nhất được theo từng khóa (một phiên bản không phải TOML hợp lệ); phần khác nhau được đặt giữa dấu xung đột\n  gợi ý: giữ lại phần đúng, xóa các dòng đánh dấu, chạy `tiendo check`, rồi `git add` tệp\n",
            p("a").display()
        )
    );
}

#[test]
fn the_driver_reports_a_missing_file_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    std::fs::write(dir.path().join("a"), "a = 1\n").unwrap();
    let out = run_driver(&missing, &dir.path().join("a"), &dir.path().join("a"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("tiendo: lỗi: failed to read `"),
        "{}",
        text(&out.stderr)
    );
}

fn run_driver(o: &Path, a: &Path, b: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiendo"))
        .arg("merge-driver")
        .args([o, a, b])
        .env_remove("TIENDO_LANG")
        .output()
        .unwrap()
}
