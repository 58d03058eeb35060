//! Several plans in one folder (issue 16), end to end through the built binary on temporary
//! copies of `tests/fixtures/workspace/` — two plans sharing one `units.toml`: `kh594` (four
//! tasks of plan 594, closed on 31/12/2024, fictional progress) and `kh2025` (a fictional,
//! labelled 2025 plan) — and of the frozen single-plan folder (a workspace of one).
//!
//! Each test runs `tiendo --plan ws …` from the temporary folder, so paths in the output are
//! stable, with a pinned `--as-of`.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Ws {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

impl Ws {
    /// The two-plan workspace as `ws/`.
    fn two() -> Ws {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        copy_dir(&fixture("workspace"), &root.join("ws"));
        Ws { _tmp: tmp, root }
    }

    /// The frozen single plan as `plan/`.
    fn single() -> Ws {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        copy_dir(&fixture("frozen-plan"), &root.join("plan"));
        Ws { _tmp: tmp, root }
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.root.join(rel), text).unwrap();
    }

    /// Run `tiendo --plan DIR ARGS` in the temporary folder: (exit code, stdout, stderr).
    fn run_in(&self, dir: &str, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_tiendo"))
            .current_dir(&self.root)
            .arg("--plan")
            .arg(dir)
            .args(args)
            .env_remove("TIENDO_LANG")
            .env_remove("TIENDO_PLAN")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_in("ws", args)
    }

    /// stdout of a run that must succeed.
    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "tiendo {args:?}: {err}");
        out
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Every file under the workspace with its text, to prove a run wrote nothing.
    fn snapshot(&self) -> Vec<(PathBuf, String)> {
        let mut v = vec![];
        let mut stack = vec![self.root.join("ws")];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let t = std::fs::read_to_string(&p).unwrap();
                    v.push((p, t));
                }
            }
        }
        v.sort();
        v
    }
}

const DRY_RUN: &str = "\
kh594:1.2 → kh2025:1.1  ws/kh2025/tasks/1/1.1.toml
kh594:1.2: đánh dấu đã chuyển  ws/kh594/tasks/1/1.2.toml
kh594:7.1 → kh2025:1.2  ws/kh2025/tasks/1/1.2.toml
  kh2025:1.2: việc của `so-tttt` chia cho so-khcn, so-vhttdl; nhiệm vụ này chưa chọn đơn vị nên mọi đơn vị đó được ghi vào nhiệm vụ mới — xem lại
kh594:7.1: đánh dấu đã chuyển  ws/kh594/tasks/7/7.1.toml
kh594:7.4 → kh2025:1.3  ws/kh2025/tasks/1/1.3.toml
kh594:7.4: đánh dấu đã chuyển  ws/kh594/tasks/7/7.4.toml
ws/kh2025/plan.toml: nhóm 1 khai báo 0 → 3 nhiệm vụ
";

#[test]
fn plans_lists_each_plan_with_its_state_and_counts() {
    let ws = Ws::two();
    let out = ws.ok(&["--as-of", "2025-04-01", "plans"]);
    let rows: Vec<&str> = out.lines().collect();
    assert!(
        rows[3].contains("kh2025") && rows[3].contains("đang thực hiện"),
        "{out}"
    );
    assert!(rows[3].contains("01/01/2025 – 31/12/2025"), "{out}");
    assert!(
        rows[4].contains("kh594") && rows[4].contains("đã kết thúc 31/12/2024"),
        "{out}"
    );
    assert_eq!(rows.last(), Some(&"Tình trạng tính đến ngày: 01/04/2025"));
    let v = ws.json(&["--as-of", "2025-04-01", "plans", "--format", "json"]);
    let p = &v["plans"];
    assert_eq!(p[0]["name"], "kh2025");
    assert_eq!(p[0]["state"], "open");
    assert_eq!(p[0]["tasks"], 1);
    assert_eq!(p[1]["name"], "kh594");
    assert_eq!(p[1]["state"], "closed");
    assert_eq!(p[1]["closed_on"], "2024-12-31");
    // Counted as of its closing day: 1.1 done; 7.4 overdue; 1.2 on a roadmap; 7.1 ongoing.
    assert_eq!(
        (
            &p[1]["tasks"],
            &p[1]["done"],
            &p[1]["not_done"],
            &p[1]["overdue"]
        ),
        (&4.into(), &1.into(), &3.into(), &1.into())
    );
}

#[test]
fn a_single_plan_folder_is_a_workspace_of_one() {
    let ws = Ws::single();
    let (code, out, _) = ws.run_in(
        "plan",
        &["--as-of", "2024-07-01", "plans", "--format", "json"],
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["plans"].as_array().unwrap().len(), 1);
    assert_eq!(v["plans"][0]["name"], "plan");
    assert_eq!(v["plans"][0]["tasks"], 63);
    // NAME:ID with the folder's own name is the bare id; any other name is refused.
    let bare = ws.run_in("plan", &["--as-of", "2024-07-01", "show", "7.4"]);
    let named = ws.run_in("plan", &["--as-of", "2024-07-01", "show", "plan:7.4"]);
    assert_eq!(bare.0, 0);
    assert_eq!(bare, named);
    let (code, _, err) = ws.run_in("plan", &["show", "kh2025:7.4"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tiendo: lỗi: không có kế hoạch `kh2025`; các kế hoạch: plan\n"
    );
}

#[test]
fn qualified_and_bare_ids() {
    let ws = Ws::two();
    // 7.4 is in one plan only: the bare id finds it, as does the shorthand.
    let a = ws.ok(&["--as-of", "2024-12-31", "show", "7.4"]);
    let b = ws.ok(&["--as-of", "2024-12-31", "show", "kh594:7.4"]);
    let c = ws.ok(&["--as-of", "2024-12-31", "kh594:7.4"]);
    assert_eq!(a, b);
    assert_eq!(b, c);
    assert!(a.starts_with("Mã:            7.4\n"), "{a}");
    let (code, _, err) = ws.run(&["show", "kh9:1.1"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tiendo: lỗi: không có kế hoạch `kh9`; các kế hoạch: kh2025, kh594\n"
    );
    let (code, _, err) = ws.run(&["show", "kh2025:7.4"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tiendo: lỗi: không có nhiệm vụ `kh2025:7.4` trong kế hoạch nào\n"
    );
    // After a carry-over, 1.2 is in both plans: the bare id is ambiguous.
    ws.ok(&["carry-over", "--from", "kh594", "--to", "kh2025"]);
    let (code, _, err) = ws.run(&["show", "1.2"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tiendo: lỗi: mã `1.2` có trong nhiều kế hoạch: kh2025:1.2, kh594:1.2\n  gợi ý: viết `TÊN:MÃ`, ví dụ `kh2025:1.2`\n"
    );
    let (code, _, err) = ws.run(&["--lang", "en", "show", "1.2"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("id `1.2` is in several plans: kh2025:1.2, kh594:1.2"),
        "{err}"
    );
    // A command that works on one plan asks which.
    let (code, _, err) = ws.run(&["report", "--month", "2025-04"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tiendo: lỗi: thư mục này có nhiều kế hoạch (kh2025, kh594): chọn một bằng `--in TÊN`\n"
    );
    let report = ws.ok(&["--in", "kh2025", "report", "--month", "2025-04"]);
    assert!(report.starts_with("# Báo cáo tiến độ thực hiện kế hoạch 01/KH-TCTDA06 (hư cấu)"));
}

#[test]
fn carry_over_dry_run_says_what_it_would_write_and_writes_nothing() {
    let ws = Ws::two();
    let before = ws.snapshot();
    let out = ws.ok(&[
        "carry-over",
        "--from",
        "kh594",
        "--to",
        "kh2025",
        "--dry-run",
    ]);
    assert_eq!(
        out,
        format!("{DRY_RUN}sẽ chuyển 3 nhiệm vụ sang kế hoạch kh2025 (--dry-run: chưa ghi gì)\n")
    );
    assert_eq!(ws.snapshot(), before);
    // --only and --group narrow it.
    let out = ws.ok(&[
        "carry-over",
        "--from",
        "kh594",
        "--to",
        "kh2025",
        "--group",
        "7",
        "--only",
        "7.4",
        "--dry-run",
    ]);
    assert_eq!(
        out,
        "kh594:7.4 → kh2025:1.1  ws/kh2025/tasks/1/1.1.toml\n\
         kh594:7.4: đánh dấu đã chuyển  ws/kh594/tasks/7/7.4.toml\n\
         ws/kh2025/plan.toml: nhóm 1 khai báo 0 → 1 nhiệm vụ\n\
         sẽ chuyển 1 nhiệm vụ sang kế hoạch kh2025 (--dry-run: chưa ghi gì)\n"
    );
    let (code, _, err) = ws.run(&["carry-over", "--from", "kh2025", "--to", "kh594"]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "tiendo: lỗi: kế hoạch kh594 đã kết thúc: không nhận nhiệm vụ chuyển tiếp\n"
        )
    );
    let (code, _, err) = ws.run(&["carry-over", "--from", "kh594", "--to", "kh594"]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "tiendo: lỗi: --from và --to phải là hai kế hoạch khác nhau\n"
        )
    );
}

#[test]
fn carry_over_writes_linked_tasks_and_is_idempotent() {
    let ws = Ws::two();
    let out = ws.ok(&["carry-over", "--from", "kh594", "--to", "kh2025"]);
    assert_eq!(
        out,
        format!("{DRY_RUN}đã chuyển 3 nhiệm vụ sang kế hoạch kh2025\n")
    );
    // The new task: title kept, units as they stand on the new plan's date (7.4's own handover
    // to Công an tỉnh applies), last value as baseline, no deadline yet, linked back.
    assert_eq!(
        ws.read("ws/kh2025/tasks/1/1.3.toml"),
        r#"id = "1.3"
group = "1"
title = "Triển khai nhiệm vụ đảm bảo an toàn thông tin theo cấp độ cho các hệ thống thông tin. Các nhóm việc cần triển khai bao gồm: Xây dựng và phê duyệt hồ sơ đề xuất cấp độ; Triển khai phương án bảo vệ theo hồ sơ đã được phê duyệt; thực hiện kiểm tra, đánh giá định kỳ, trong đó: - Phê duyệt hồ sơ đề xuất cấp độ cho 100% hệ thống thông tin của tỉnh trước ngày 30/6/2024. - 100% hệ thống thông tin được triển khai đầy đủ phương án đảm bảo an toàn thông tin theo Hồ sơ đề xuất cấp độ đã được phê duyệt trước ngày 30/11/2024."
lead = ["ca-tinh"]
support = ["cac-so-ban-nganh", "ubnd-cap-huyen"]
deadline = ""
status = "todo"
notes = [
  'Chuyển tiếp từ kh594:7.4 (thời hạn cũ: "Hoàn thành trước 30/11/2024"; tình trạng ngày 31/12/2024: Quá hạn, chưa hoàn thành +32)',
]
carried_from = "kh594:7.4"

[[indicator]]
name = "he-thong-duoc-phe-duyet-cap-do"
target = "100%"
unit = "%"
target_value = 100
baseline = "93.3% (10/12/2024)"

[[indicator]]
name = "he-thong-trien-khai-phuong-an"
target = "100%"
unit = "%"
target_value = 100
"#
    );
    // The old task: two lines added, its status untouched (not done, not dropped).
    let old = ws.read("ws/kh594/tasks/7/7.4.toml");
    let orig = std::fs::read_to_string(fixture("workspace/kh594/tasks/7/7.4.toml")).unwrap();
    let added: Vec<&str> = old
        .lines()
        .filter(|l| !orig.lines().any(|o| o == *l))
        .collect();
    assert_eq!(
        added,
        ["carried_to = \"kh2025:1.3\"", "carried_on = 2024-12-31"]
    );
    assert!(old.contains("status = \"doing\""));
    assert!(
        ws.read("ws/kh2025/plan.toml").contains(
            "id = \"1\"\ntitle = \"Khắc phục những nhiệm vụ chậm tiến độ\"\ndeclared = 3\n"
        )
    );
    // Canonical form, and a valid workspace: the carried tasks are flagged until they have a
    // deadline, nothing is an error.
    assert_eq!(ws.run(&["--in", "kh2025", "fmt", "--check"]).0, 0);
    let (code, out, _) = ws.run(&["--as-of", "2025-04-01", "check"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("chưa có thời hạn mới").count(), 3, "{out}");
    assert!(out.ends_with("0 lỗi, 3 cảnh báo trong 3/11 tệp\n"), "{out}");
    // The old task now stands as carried over; show follows the link both ways.
    let show = ws.ok(&["--as-of", "2025-04-01", "show", "kh594:7.4"]);
    assert!(
        show.contains("Chưa hoàn thành — chuyển sang kế hoạch sau"),
        "{show}"
    );
    assert!(
        show.ends_with(
            "Chưa hoàn thành — chuyển sang kế hoạch kh2025: kh2025:1.3 (ngày 31/12/2024)\n"
        ),
        "{show}"
    );
    let show = ws.ok(&["--as-of", "2025-04-01", "show", "kh2025:1.3"]);
    assert!(show.ends_with("Tiếp nối nhiệm vụ: kh594:7.4\n"), "{show}");
    // Idempotent: nothing carried twice, nothing written.
    let before = ws.snapshot();
    let out = ws.ok(&["carry-over", "--from", "kh594", "--to", "kh2025"]);
    assert_eq!(
        out,
        "kh594:1.2: đã chuyển sang kh2025:1.1 trước đó, bỏ qua\n\
         kh594:7.1: đã chuyển sang kh2025:1.2 trước đó, bỏ qua\n\
         kh594:7.4: đã chuyển sang kh2025:1.3 trước đó, bỏ qua\n\
         đã chuyển 0 nhiệm vụ sang kế hoạch kh2025\n"
    );
    assert_eq!(ws.snapshot(), before);
    let v = ws.json(&["--as-of", "2025-04-01", "plans", "--format", "json"]);
    assert_eq!(v["plans"][1]["carried_over"], 3);
    assert_eq!(v["plans"][1]["overdue"], 0);
    assert_eq!(v["plans"][0]["tasks"], 4);
}

#[test]
fn carry_over_commits_when_asked() {
    let ws = Ws::two();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .current_dir(&ws.root)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .env("GIT_AUTHOR_DATE", "2025-01-05T08:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2025-01-05T08:00:00+07:00")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "start"]);
    let out = Command::new(env!("CARGO_BIN_EXE_tiendo"))
        .current_dir(&ws.root)
        .args([
            "--plan",
            "ws",
            "carry-over",
            "--from",
            "kh594",
            "--to",
            "kh2025",
            "--commit",
        ])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        git(&["log", "-1", "--format=%s"]),
        "Chuyển 3 nhiệm vụ chưa hoàn thành từ kế hoạch kh594 sang kh2025\n"
    );
    assert_eq!(git(&["status", "--porcelain"]), "");
    assert_eq!(
        git(&["show", "--name-only", "--format=", "HEAD"]),
        "ws/kh2025/plan.toml\nws/kh2025/tasks/1/1.1.toml\nws/kh2025/tasks/1/1.2.toml\nws/kh2025/tasks/1/1.3.toml\nws/kh594/tasks/1/1.2.toml\nws/kh594/tasks/7/7.1.toml\nws/kh594/tasks/7/7.4.toml\n"
    );
    // log follows the link both ways, like show.
    let (code, log, err) = ws.run(&["log", "kh2025:1.3"]);
    assert_eq!(code, 0, "{err}");
    assert!(log.ends_with("Tiếp nối nhiệm vụ: kh594:7.4\n"), "{log}");
    let (_, log, _) = ws.run(&["log", "kh594:7.4"]);
    assert!(
        log.ends_with(
            "Chưa hoàn thành — chuyển sang kế hoạch kh2025: kh2025:1.3 (ngày 31/12/2024)\n"
        ),
        "{log}"
    );
}

#[test]
fn check_validates_the_links_between_plans() {
    let ws = Ws::two();
    ws.ok(&["carry-over", "--from", "kh594", "--to", "kh2025"]);
    // A link pointing at nothing.
    let t = ws.read("ws/kh2025/tasks/1/1.1.toml");
    ws.write(
        "ws/kh2025/tasks/1/1.1.toml",
        &t.replace(
            "carried_from = \"kh594:1.2\"",
            "carried_from = \"kh594:9.9\"",
        ),
    );
    let (code, out, _) = ws.run(&["--as-of", "2025-04-01", "check"]);
    assert_eq!(code, 1);
    assert!(out.contains("ws/kh2025/tasks/1/1.1.toml:11:16: lỗi: liên kết `kh594:9.9` không trỏ tới nhiệm vụ nào trong các kế hoạch"), "{out}");
    // …and the old task, closed, is linked by nothing that names it back.
    assert!(out.contains("ws/kh594/tasks/1/1.2.toml"), "{out}");
    ws.write("ws/kh2025/tasks/1/1.1.toml", &t);
    assert_eq!(ws.run(&["--as-of", "2025-04-01", "check"]).0, 0);
    // A task carried twice.
    let t3 = ws.read("ws/kh2025/tasks/1/1.3.toml");
    ws.write(
        "ws/kh2025/tasks/1/1.4.toml",
        &t3.replace("id = \"1.3\"", "id = \"1.4\""),
    );
    let p = ws.read("ws/kh2025/plan.toml");
    ws.write(
        "ws/kh2025/plan.toml",
        &p.replace("declared = 3", "declared = 4"),
    );
    let (code, out, _) = ws.run(&["--as-of", "2025-04-01", "check"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("lỗi: nhiệm vụ `kh594:7.4` được chuyển tiếp hai lần: kh2025:1.3, kh2025:1.4"),
        "{out}"
    );
    std::fs::remove_file(ws.root.join("ws/kh2025/tasks/1/1.4.toml")).unwrap();
    ws.write("ws/kh2025/plan.toml", &p);
    // A closed plan's task linked but not marked as carried over.
    let old = ws.read("ws/kh594/tasks/7/7.4.toml");
    ws.write(
        "ws/kh594/tasks/7/7.4.toml",
        &old.replace("carried_to = \"kh2025:1.3\"\ncarried_on = 2024-12-31\n", ""),
    );
    let (code, out, _) = ws.run(&["--as-of", "2025-04-01", "check"]);
    assert_eq!(code, 1);
    assert!(out.contains("ws/kh594/tasks/7/7.4.toml:1:6: lỗi: kế hoạch đã kết thúc nhưng nhiệm vụ này chưa được đánh dấu chuyển sang `kh2025:1.3`"), "{out}");
    assert!(
        out.contains("gợi ý: thêm `carried_to = \"kh2025:1.3\"`"),
        "{out}"
    );
}

#[test]
fn views_cover_every_open_plan_and_take_a_plan_filter() {
    let ws = Ws::two();
    ws.ok(&["carry-over", "--from", "kh594", "--to", "kh2025"]);
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["plans"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["tasks"].as_array().unwrap().iter())
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    // Open plans only by default: kh594 is closed.
    let v = ws.json(&["--as-of", "2025-04-01", "list", "--format", "json"]);
    assert_eq!(
        ids(&v),
        ["kh2025:1.1", "kh2025:1.2", "kh2025:1.3", "kh2025:2.1"]
    );
    let v = ws.json(&[
        "--as-of",
        "2025-04-01",
        "--all-plans",
        "list",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v).len(), 8);
    let v = ws.json(&[
        "--as-of",
        "2025-04-01",
        "--in",
        "kh594",
        "list",
        "--format",
        "json",
    ]);
    assert_eq!(
        ids(&v),
        ["kh594:1.1", "kh594:1.2", "kh594:7.1", "kh594:7.4"]
    );
    // Everything Công an tỉnh leads, in every open plan: the carried 7.4 after its handover.
    let v = ws.json(&[
        "--as-of",
        "2025-04-01",
        "list",
        "--lead",
        "ca-tinh",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v), ["kh2025:1.3"]);
    let table = ws.ok(&["--as-of", "2025-04-01", "list", "--lead", "so-khcn"]);
    assert!(table.contains("│ kh2025:2.1 "), "{table}");
    assert!(!table.contains("kh594:"), "{table}");
    // units X: a section per open plan.
    let units = ws.ok(&["--as-of", "2025-04-01", "--all-plans", "units", "ca-tinh"]);
    assert!(
        units.starts_with("== kh2025 · Kế hoạch 01/KH-TCTDA06 (hư cấu) ==\n"),
        "{units}"
    );
    assert!(
        units.contains("\n== kh594 · Kế hoạch 594/KH-TCTDA06 ==\n"),
        "{units}"
    );
    // summary --all-plans: a table per plan and a total that counts a carried task once.
    let v = ws.json(&[
        "--as-of",
        "2025-04-01",
        "--all-plans",
        "summary",
        "--format",
        "json",
    ]);
    assert_eq!(v["plans"][0]["name"], "kh2025");
    assert_eq!(v["plans"][1]["overall"]["carried_over"], 3);
    assert_eq!(v["plans"][0]["overall"]["total"], 4);
    assert_eq!(v["plans"][1]["overall"]["total"], 4);
    assert_eq!(v["total"]["total"], 5);
    assert_eq!(v["total"]["done_on_time"], 1);
    let text = ws.ok(&["--as-of", "2025-04-01", "--all-plans", "summary"]);
    assert!(
        text.contains("Tổng các kế hoạch (nhiệm vụ chuyển tiếp tính một lần)"),
        "{text}"
    );
    assert!(
        text.contains("Chưa hoàn thành — chuyển sang kế hoạch sau"),
        "{text}"
    );
}

#[test]
fn the_json_exchange_reads_back() {
    let ws = Ws::two();
    ws.ok(&["carry-over", "--from", "kh594", "--to", "kh2025"]);
    let (code, _, err) = ws.run(&[
        "--as-of",
        "2025-04-01",
        "--all-plans",
        "export",
        "--format",
        "json",
        "-o",
        "exchange.json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&ws.read("exchange.json")).unwrap();
    assert_eq!(v["format"], "tiendo-exchange");
    assert_eq!(v["version"], 1);
    assert_eq!(v["as_of"], "2025-04-01");
    assert!(
        v["units"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["id"] == "ca-tinh")
    );
    let plans = v["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[1]["name"], "kh594");
    assert_eq!(plans[1]["state"], "closed");
    assert_eq!(plans[1]["period"]["end"], "2024-12-31");
    let t74 = plans[1]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "kh594:7.4")
        .unwrap();
    assert_eq!(t74["carried_to"], "kh2025:1.3");
    assert_eq!(t74["standing"]["category"], "carried_over");
    let t13 = plans[0]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "kh2025:1.3")
        .unwrap();
    assert_eq!(t13["carried_from"], "kh594:7.4");
    assert_eq!(v["total"]["total"], 5);
    // Read back into a read-only workspace, and judged side by side.
    let (code, out, err) = ws.run_in(".", &["import-plan", "exchange.json", "--out", "side"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("side/"), "{out}");
    let (code, out, err) = ws.run_in(
        "side",
        &["--as-of", "2025-04-01", "plans", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let back: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(back["plans"].as_array().unwrap().len(), 2);
    assert_eq!(back["plans"][1]["carried_over"], 3);
    assert_eq!(back["plans"][1]["done"], 1);
    let (code, out, _) = ws.run_in("side", &["--as-of", "2025-04-01", "check"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn report_across_plans_has_a_section_per_plan() {
    let ws = Ws::two();
    ws.ok(&["carry-over", "--from", "kh594", "--to", "kh2025"]);
    // --all-plans: every plan open on the day (kh594 is closed).
    let one = ws.ok(&[
        "--as-of",
        "2025-04-14",
        "--all-plans",
        "report",
        "--month",
        "2025-04",
    ]);
    assert_eq!(one.matches("\n---\n").count(), 0);
    assert!(
        one.starts_with("# Báo cáo tiến độ thực hiện kế hoạch 01/KH-TCTDA06 (hư cấu) — 04/2025\n")
    );
    // The report follows the link both ways: the new plan's appendix names the task each
    // carried task continues, the old plan's final tally names where each went.
    let continued: Vec<&str> = one
        .lines()
        .filter(|l| l.contains("(tiếp nối nhiệm vụ kh594:"))
        .collect();
    assert!(!continued.is_empty(), "{one}");
    let fin = ws.ok(&["--in", "kh594", "report", "--final"]);
    let went: Vec<&str> = fin
        .lines()
        .filter(|l| l.contains("(chuyển sang nhiệm vụ kh2025:"))
        .collect();
    assert_eq!(went.len(), continued.len(), "{fin}");
    // --in A,B: those plans, a section each, each as it prints alone; a closed plan's month
    // after its closing day is refused (issue 15), so the document is refused.
    let (code, _, err) = ws.run(&[
        "--as-of",
        "2025-04-14",
        "--in",
        "kh2025,kh594",
        "report",
        "--month",
        "2025-04",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("kế hoạch đã kết thúc ngày 31/12/2024"),
        "{err}"
    );
    let (code, _, err) = ws.run(&["--all-plans", "report", "--month", "2025-04", "--out", "r"]);
    assert_eq!(code, 2);
    assert!(err.contains("từng kế hoạch một với `--in TÊN`"), "{err}");
}

#[test]
fn a_single_plan_exchanges_too() {
    let ws = Ws::single();
    let (code, _, err) = ws.run_in(
        "plan",
        &[
            "--as-of",
            "2024-07-01",
            "export",
            "--format",
            "json",
            "--all-plans",
            "-o",
            "x.json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&ws.read("x.json")).unwrap();
    assert_eq!(v["format"], "tiendo-exchange");
    assert_eq!(v["plans"][0]["name"], "plan");
    assert_eq!(v["plans"][0]["tasks"].as_array().unwrap().len(), 63);
    let (code, _, err) = ws.run_in(".", &["import-plan", "x.json", "--out", "side"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = ws.run_in(
        "side",
        &["--as-of", "2024-07-01", "plans", "--format", "json"],
    );
    assert_eq!(code, 0);
    let back: serde_json::Value = serde_json::from_str(&out).unwrap();
    let orig: serde_json::Value = serde_json::from_str(
        &ws.run_in(
            "plan",
            &["--as-of", "2024-07-01", "plans", "--format", "json"],
        )
        .1,
    )
    .unwrap();
    // The standings read back are the standings sent.
    assert_eq!(back["plans"][0]["counts"], orig["plans"][0]["counts"]);
    assert_eq!(back["plans"][0]["tasks"], 63);
    // Read-only: the files carry no write permission.
    let meta = std::fs::metadata(ws.root.join("side/plan/plan.toml")).unwrap();
    assert!(meta.permissions().readonly());
}

#[test]
fn carry_over_speaks_english_too() {
    let ws = Ws::two();
    let out = ws.ok(&[
        "--lang",
        "en",
        "carry-over",
        "--from",
        "kh594",
        "--to",
        "kh2025",
        "--only",
        "7.4",
        "--dry-run",
    ]);
    assert_eq!(
        out,
        "kh594:7.4 → kh2025:1.1  ws/kh2025/tasks/1/1.1.toml\n\
         kh594:7.4: marked as carried over  ws/kh594/tasks/7/7.4.toml\n\
         ws/kh2025/plan.toml: group 1 declares 0 → 1 tasks\n\
         would carry 1 tasks over to plan kh2025 (--dry-run: nothing written)\n"
    );
    let out = ws.ok(&["--lang", "en", "--as-of", "2025-04-01", "plans"]);
    assert!(out.contains("┆ closed 2024-12-31 ┆"), "{out}");
    assert!(out.ends_with("Standing as of: 2025-04-01\n"), "{out}");
    let (code, _, err) = ws.run(&["--lang", "en", "--in", "nope", "list"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tiendo: error: no plan `nope`; the plans: kh2025, kh594\n"
    );
}

#[test]
fn carry_over_keeps_a_files_bom_and_line_ends() {
    let ws = Ws::two();
    let rel = "ws/kh594/tasks/7/7.4.toml";
    let crlf = format!("\u{feff}{}", ws.read(rel).replace('\n', "\r\n"));
    ws.write(rel, &crlf);
    ws.ok(&[
        "carry-over",
        "--from",
        "kh594",
        "--to",
        "kh2025",
        "--only",
        "7.4",
    ]);
    let after = ws.read(rel);
    assert!(after.starts_with('\u{feff}'));
    assert!(after.contains("\r\ncarried_to = \"kh2025:1.1\"\r\ncarried_on = 2024-12-31\r\n"));
    assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
    assert_eq!(after.lines().count(), crlf.lines().count() + 2);
}

#[test]
fn one_plan_of_a_workspace_reads_the_shared_registry() {
    let ws = Ws::two();
    // --plan naming one plan's folder: it has no units.toml of its own and uses the root's.
    let (code, out, err) = ws.run_in("ws/kh594", &["--as-of", "2024-12-31", "check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "0 lỗi, 0 cảnh báo trong 0/6 tệp\n");
    let (code, out, _) = ws.run_in("ws/kh594", &["--as-of", "2024-12-31", "show", "7.4"]);
    assert_eq!(code, 0);
    assert!(out.contains("Sở Thông tin và Truyền thông"), "{out}");
}
