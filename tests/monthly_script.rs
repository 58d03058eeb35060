//! `scripts/monthly-report.sh`, the monthly job, run for real in a temporary git repository
//! holding a copy of the plan (the frozen copy `tests/fixtures/frozen-plan/`): it writes and commits the report once, does nothing the second
//! time, and fails (without committing) on a broken plan.

use std::path::Path;
use std::process::{Command, Output};

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

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_SYSTEM", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Tổ giúp việc")
        .env("GIT_AUTHOR_EMAIL", "tgv@example.vn")
        .env("GIT_COMMITTER_NAME", "Tổ giúp việc")
        .env("GIT_COMMITTER_EMAIL", "tgv@example.vn")
        .env("GIT_AUTHOR_DATE", "2024-07-15T08:00:00+07:00")
        .env("GIT_COMMITTER_DATE", "2024-07-15T08:00:00+07:00")
        .env("TIENDO", env!("CARGO_BIN_EXE_tiendo"))
        .env_remove("TIENDO_PLAN")
        .env_remove("NO_COMMIT")
        .output()
        .unwrap()
}

fn setup() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_dir(&root.join("tests/fixtures/frozen-plan"), &d.join("plan"));
    std::fs::remove_file(d.join("plan/README.md")).unwrap();
    std::fs::create_dir_all(d.join("scripts/lib")).unwrap();
    std::fs::copy(
        root.join("scripts/lib/tiendo.sh"),
        d.join("scripts/lib/tiendo.sh"),
    )
    .unwrap();
    std::fs::create_dir_all(d.join("scripts")).unwrap();
    std::fs::copy(
        root.join("scripts/monthly-report.sh"),
        d.join("scripts/monthly-report.sh"),
    )
    .unwrap();
    assert!(
        run(d, "git", &["init", "-q", "-b", "main"])
            .status
            .success()
    );
    assert!(run(d, "git", &["add", "."]).status.success());
    assert!(
        run(d, "git", &["commit", "-q", "-m", "Kế hoạch"])
            .status
            .success()
    );
    tmp
}

fn commits(d: &Path) -> usize {
    let out = run(d, "git", &["rev-list", "--count", "HEAD"]);
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn writes_and_commits_once_then_does_nothing() {
    let tmp = setup();
    let d = tmp.path();
    let first = run(d, "bash", &["scripts/monthly-report.sh", "2024-07"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&first.stdout),
        "monthly-report: committed reports/2024-07.md\n"
    );
    assert_eq!(commits(d), 2);
    let subject = run(d, "git", &["log", "-1", "--format=%s"]);
    assert_eq!(
        String::from_utf8_lossy(&subject.stdout),
        "Báo cáo tháng 2024-07 (report for 2024-07)\n"
    );
    let report = std::fs::read_to_string(d.join("reports/2024-07.md")).unwrap();
    assert!(report.starts_with("# Báo cáo tiến độ thực hiện kế hoạch 594/KH-TCTDA06 — 07/2024"));

    let second = run(d, "bash", &["scripts/monthly-report.sh", "2024-07"]);
    assert!(second.status.success());
    assert_eq!(
        String::from_utf8_lossy(&second.stdout),
        "monthly-report: reports/2024-07.md unchanged\n"
    );
    assert_eq!(commits(d), 2, "nothing new to commit");
}

#[test]
fn fails_without_committing_on_a_broken_plan_or_a_bad_month() {
    let tmp = setup();
    let d = tmp.path();
    std::fs::write(
        d.join("plan/tasks/7/7.4.toml"),
        "id = \"7.4\"\nthis is not toml\n",
    )
    .unwrap();
    let out = run(d, "bash", &["scripts/monthly-report.sh", "2024-07"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "tiendo check's exit code passes through"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("plan/tasks/7/7.4.toml:2:"));
    assert!(!d.join("reports/2024-07.md").exists());
    assert_eq!(commits(d), 1);

    let out = run(d, "bash", &["scripts/monthly-report.sh", "July"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "monthly-report: month must be YYYY-MM, got 'July'\n"
    );
}
