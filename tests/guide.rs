//! `docs/huong-dan.md` walked from start to end, as a clerk would, on a temporary clone of this
//! repository (plan/, reports/, scripts/, .ci/, Cargo.toml in a fresh git repository): every
//! command of its `sh` and `console` blocks and of its question table runs (`tiendo` is the
//! binary under test, found on PATH; `less` is `cat`), and succeeds unless the guide shows it
//! refusing. Afterwards the plan-dependent checks of the test suite
//! (`support/plan_invariants.rs`) and `.ci/run`'s plan checks (`PLAN_CHECKS_ONLY=1`) pass on
//! the clone: following the guide leaves the repository green.

use std::path::Path;
use std::process::Command;

#[path = "support/plan_invariants.rs"]
mod plan_invariants;

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

/// One command of the guide: the shell line, and whether the guide shows it refusing.
#[derive(Debug)]
struct Step {
    line: String,
    refuses: bool,
}

/// The commands of the guide, in order: `$ ` lines of console blocks (the output shown after a
/// command says whether it refuses: "không ghi …"), every line of sh blocks, and the backticked
/// `tiendo …` commands of the question table. Continuation lines (`\`) are joined and trailing
/// `# comments` dropped.
fn steps(guide: &str) -> Vec<Step> {
    let mut out: Vec<Step> = vec![];
    let mut block: Option<&str> = None;
    let mut pending = String::new();
    for line in guide.lines() {
        if let Some(kind) = line.strip_prefix("```") {
            block = match block {
                None => Some(if kind.is_empty() { "text" } else { kind }),
                Some(_) => None,
            };
            continue;
        }
        match block {
            Some("sh") | Some("console") => {
                let console = block == Some("console");
                let text = if !pending.is_empty() {
                    Some(line.trim())
                } else if console {
                    line.strip_prefix("$ ")
                } else {
                    Some(line)
                };
                match text {
                    Some(t) => {
                        let t = match t.find("   #") {
                            Some(i) => t[..i].trim_end(),
                            None => t.trim_end(),
                        };
                        if let Some(cont) = t.strip_suffix('\\') {
                            pending.push_str(cont.trim_end());
                            pending.push(' ');
                            continue;
                        }
                        pending.push_str(t);
                        if !pending.trim().is_empty() {
                            out.push(Step {
                                line: std::mem::take(&mut pending),
                                refuses: false,
                            });
                        }
                        pending.clear();
                    }
                    None if console => {
                        // The first output line of the last command.
                        if let Some(last) = out.last_mut()
                            && line.starts_with("không ghi")
                        {
                            last.refuses = true;
                        }
                    }
                    None => {}
                }
            }
            Some(_) => {}
            None => {
                if line.starts_with('|') {
                    for (i, cell) in line.split('`').enumerate() {
                        if i % 2 == 1 && cell.starts_with("tiendo ") {
                            out.push(Step {
                                line: cell.to_string(),
                                refuses: false,
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn the_guide_read_as_commands() {
    let guide = include_str!("../docs/huong-dan.md");
    let s = steps(guide);
    let lines: Vec<&str> = s.iter().map(|s| s.line.as_str()).collect();
    assert_eq!(lines[0], "cargo install --path .");
    assert!(lines.contains(
        &"tiendo update 9.1.4 --by \"so tttt\" --date 2024-07-12 --percent 40 --note \"Tập huấn 120 thành viên Tổ công nghệ số cộng đồng\" --dry-run"
    ));
    assert!(lines.contains(&"tiendo update 7.4 --milestone 1 --done-on 2024-06-20 --commit"));
    assert!(lines.contains(&"tiendo list --due-within 30"));
    assert!(lines.contains(&"scripts/monthly-report.sh 2024-07"));
    let refusing: Vec<&str> = s
        .iter()
        .filter(|s| s.refuses)
        .map(|s| s.line.as_str())
        .collect();
    assert_eq!(
        refusing,
        ["tiendo update 9.1.4 --by so-tu-phap --note \"...\" --date 2024-07-12"]
    );
}

#[test]
fn following_the_guide_leaves_the_repository_green() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("kho");
    let home = tmp.path().join("home");
    let bin = tmp.path().join("bin");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&bin).unwrap();
    for d in ["plan", "reports", "scripts", ".ci"] {
        copy_dir(&root.join(d), &repo.join(d));
    }
    std::fs::copy(root.join("Cargo.toml"), repo.join("Cargo.toml")).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_tiendo"), bin.join("tiendo")).unwrap();
    std::fs::write(bin.join("less"), "#!/bin/sh\nexec cat \"$@\"\n").unwrap();
    std::fs::write(
        bin.join("cargo"),
        "#!/bin/sh\necho \"cargo must not run in this test: $*\" >&2\nexit 99\n",
    )
    .unwrap();
    for f in ["less", "cargo"] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(bin.join(f), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let sh = |line: &str| {
        Command::new("bash")
            .args(["-c", line])
            .current_dir(&repo)
            .env("PATH", &path)
            .env("HOME", &home)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Văn thư")
            .env("GIT_AUTHOR_EMAIL", "vanthu@example.invalid")
            .env("GIT_COMMITTER_NAME", "Văn thư")
            .env("GIT_COMMITTER_EMAIL", "vanthu@example.invalid")
            .env_remove("TIENDO")
            .env_remove("TIENDO_PLAN")
            .env_remove("TIENDO_LANG")
            .env_remove("CARGO_TARGET_DIR")
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    for line in [
        "git init -q -b main",
        "git add -A",
        "git commit -q -m 'Kế hoạch 594/KH-TCTDA06'",
        "mkdir -p ~/.local/share/bash-completion/completions",
    ] {
        let o = sh(line);
        assert!(o.status.success(), "{line}: {o:?}");
    }

    let guide = std::fs::read_to_string(root.join("docs/huong-dan.md")).unwrap();
    let mut ran = 0;
    for step in steps(&guide) {
        if step.line.starts_with("cargo install") {
            continue; // the binary under test is on PATH already
        }
        let o = sh(&step.line);
        let said = format!(
            "{}\n--- stdout\n{}\n--- stderr\n{}",
            step.line,
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        if step.refuses {
            assert_eq!(o.status.code(), Some(1), "{said}");
            assert!(
                String::from_utf8_lossy(&o.stderr).starts_with("không ghi"),
                "{said}"
            );
        } else {
            assert!(o.status.success(), "{said}");
        }
        ran += 1;
    }
    assert!(ran >= 25, "{ran} commands");

    // What the clerk has done is in plan/ and its history.
    let log = sh("git log --format=%s");
    let log = String::from_utf8_lossy(&log.stdout);
    assert!(log.contains("9.1.4: Sở TT&TT báo cáo tiến độ"), "{log}");
    assert!(log.contains("Báo cáo tháng 2024-07"), "{log}");

    plan_invariants::all(&repo.join("plan"));
    let ci = Command::new("bash")
        .arg(repo.join(".ci/run"))
        .current_dir(&repo)
        .env("PLAN_CHECKS_ONLY", "1")
        .env("PATH", &path)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env_remove("TIENDO")
        .env_remove("TIENDO_LANG")
        .output()
        .unwrap();
    assert!(
        ci.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&ci.stdout),
        String::from_utf8_lossy(&ci.stderr)
    );
    assert!(String::from_utf8_lossy(&ci.stdout).ends_with("CI passed\n"));
}
