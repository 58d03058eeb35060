//! Hostile input, round two (issue 12): git metadata, the review gate, special files, output
//! paths, the environment, cycles in the registry, other writers, sizes past the fuzzers'
//! limits. Same shape as `tests/hostile.rs`: a fresh copy of `tests/fixtures/check-base/plan`
//! per test, the built binary run with a deadline (a hang fails the test), exact exit code,
//! stdout and stderr asserted.

#[path = "support/sandbox.rs"]
mod sandbox;
use sandbox::{Out, Plan, TASK, out, run_env, run_in};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

impl Plan {
    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Out {
        run_env(&self.root, &[&["--plan", "plan"], args].concat(), env)
    }

    /// Run git in the temporary folder with pinned names and dates; panics on failure.
    fn git(&self, args: &[&str]) -> String {
        let o = Command::new("git")
            .current_dir(&self.root)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
            .env("GIT_AUTHOR_DATE", "2024-06-20T09:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-06-20T09:00:00+07:00")
            .output()
            .unwrap();
        assert!(o.status.success(), "git {args:?}: {o:?}");
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// A repository with the plan committed on `main`.
    fn repo(&self) {
        self.git(&["init", "-q", "-b", "main"]);
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", "plan"]);
    }

    fn text(&self, rel: &str) -> String {
        String::from_utf8(self.read(rel)).unwrap()
    }
}

fn no_control(o: &Out) {
    let bad = |s: &str| {
        s.chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
    };
    assert!(!bad(&o.stdout) && !bad(&o.stderr), "{o:?}");
}

// ---------------------------------------------------------------------------------------------
// The review gate and the audit trail.

/// A branch that hides task 1.2 as a dot-file and lowers group 1's `declared` to match.
fn hide_a_task(p: &Plan) {
    p.repo();
    p.git(&["checkout", "-q", "-b", "hide"]);
    p.git(&["mv", "plan/tasks/1/1.2.toml", "plan/tasks/1/.1.2.toml"]);
    let plan = p
        .text("plan/plan.toml")
        .replacen("declared = 2", "declared = 1", 1);
    p.put("plan/plan.toml", plan);
    p.git(&["commit", "-qam", "tidy"]);
}

#[test]
fn a_task_hidden_as_a_dot_file_is_removed_in_every_view_and_flagged() {
    let p = Plan::new();
    hide_a_task(&p);
    // The loader and the snapshots agree: 1.2 is gone everywhere, and check is clean.
    assert_eq!(p.check(), out(0, "0 lỗi, 0 cảnh báo trong 0/4 tệp\n", ""));
    let review = p.run(&[
        "review",
        "main",
        "--fail-on",
        "flags",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(review.code, 1, "{review:?}");
    assert_eq!(
        review.stdout,
        "So sánh: main (18218e6) → HEAD (ba61c69)\n\nCần xem kỹ:\n  ! 1.2: nhiệm vụ bị xóa\n  ! plan.toml: khung kế hoạch thay đổi: nhóm 1: declared 2 → 1\n\n1.2 (xóa nhiệm vụ)\nplan.toml: nhóm 1: declared 2 → 1\n"
    );
}

#[test]
fn adding_a_due_date_that_moves_an_overdue_deadline_later_is_flagged() {
    let p = Plan::new();
    p.repo();
    p.git(&["checkout", "-q", "-b", "later"]);
    let t = p
        .text(TASK)
        .replace("status = \"doing\"", "status = \"doing\"\ndue = 2026-12-31");
    p.put(TASK, t);
    p.git(&["commit", "-qam", "due"]);
    let review = p.run(&[
        "review",
        "main",
        "--fail-on",
        "flags",
        "--as-of",
        "2024-07-10",
    ]);
    assert_eq!(review.code, 1, "{review:?}");
    assert_eq!(
        review.stdout,
        "So sánh: main (18218e6) → HEAD (6a95d22)\n\nCần xem kỹ:\n  ! 1.2: thời hạn bị lùi: 30/06/2024 → 31/12/2026\n  ! 1.2: sửa thẳng giá trị gốc `due` của kế hoạch; thay đổi có văn bản căn cứ thì ghi [[amendment]] (tiendo update … --on NGÀY --basis …)\n\n1.2\n  hạn (due): — → 31/12/2026\n"
    );
}

#[test]
fn a_moved_milestone_deadline_is_flagged() {
    let p = Plan::new();
    p.repo();
    p.git(&["checkout", "-q", "-b", "later"]);
    let t = p
        .text(TASK)
        .replace("deadline = \"Tháng 5/2024\"", "deadline = \"Tháng 9/2024\"");
    p.put(TASK, t);
    p.git(&["commit", "-qam", "milestone"]);
    let review = p.run(&[
        "review",
        "main",
        "--fail-on",
        "flags",
        "--as-of",
        "2024-07-10",
    ]);
    assert_eq!(review.code, 1, "{review:?}");
    assert_eq!(
        review.stdout,
        "So sánh: main (18218e6) → HEAD (6f59512)\n\nCần xem kỹ:\n  ! 1.2: hạn của mốc lùi lại 1: 31/05/2024 → 30/09/2024\n\n1.2\n  sửa mốc 1\n"
    );
}

#[test]
fn plan_and_units_changes_are_diffed_field_by_field_and_flagged() {
    let p = Plan::new();
    p.repo();
    p.git(&["checkout", "-q", "-b", "frame"]);
    let plan = p
        .text("plan/plan.toml")
        .replace("before_is_inclusive = false", "before_is_inclusive = true");
    let plan = plan[..plan.find("[[group]]\nid = \"2\"").unwrap()].to_string();
    p.put("plan/plan.toml", plan);
    let units = p
        .text("plan/units.toml")
        .replace("ended = 2025-03-01", "ended = 2025-09-01")
        .replace("successors = [\"so-khcn\"]", "successors = [\"ca-tinh\"]");
    p.put("plan/units.toml", units);
    p.git(&["commit", "-qam", "frame"]);
    let review = p.run(&[
        "review",
        "main",
        "--fail-on",
        "flags",
        "--as-of",
        "2024-07-10",
    ]);
    assert_eq!(review.code, 1, "{review:?}");
    assert_eq!(
        review.stdout,
        "So sánh: main (18218e6) → HEAD (e90db75)\n\nCần xem kỹ:\n  ! plan.toml: khung kế hoạch thay đổi: before_is_inclusive false → true\n  ! plan.toml: khung kế hoạch thay đổi: nhóm 2: − Dịch vụ công trực tuyến\n  ! units.toml: khung kế hoạch thay đổi: đơn vị so-tttt: ended 2025-03-01 → 2025-09-01\n  ! units.toml: khung kế hoạch thay đổi: đơn vị so-tttt: successors so-khcn → ca-tinh\n\nplan.toml: before_is_inclusive false → true\nplan.toml: nhóm 2: − Dịch vụ công trực tuyến\nunits.toml: đơn vị so-tttt: ended 2025-03-01 → 2025-09-01\nunits.toml: đơn vị so-tttt: successors so-khcn → ca-tinh\n"
    );
    let diff = p.run(&["diff", "main", "frame", "--format", "json"]);
    assert_eq!(
        diff.stdout,
        "{\n  \"changes\": [],\n  \"frame\": [\n    {\n      \"file\": \"plan.toml\",\n      \"flag\": true,\n      \"from\": \"false\",\n      \"id\": null,\n      \"item\": \"plan\",\n      \"key\": \"before_is_inclusive\",\n      \"to\": \"true\"\n    },\n    {\n      \"file\": \"plan.toml\",\n      \"flag\": true,\n      \"from\": \"Dịch vụ công trực tuyến\",\n      \"id\": \"2\",\n      \"item\": \"group\",\n      \"key\": \"\",\n      \"to\": null\n    },\n    {\n      \"file\": \"units.toml\",\n      \"flag\": true,\n      \"from\": \"2025-03-01\",\n      \"id\": \"so-tttt\",\n      \"item\": \"unit\",\n      \"key\": \"ended\",\n      \"to\": \"2025-09-01\"\n    },\n    {\n      \"file\": \"units.toml\",\n      \"flag\": true,\n      \"from\": \"so-khcn\",\n      \"id\": \"so-tttt\",\n      \"item\": \"unit\",\n      \"key\": \"successors\",\n      \"to\": \"ca-tinh\"\n    }\n  ],\n  \"from\": \"main\",\n  \"to\": \"frame\"\n}\n"
    );
}

#[test]
fn an_inherited_git_dir_does_not_blind_log_and_review() {
    // A pre-commit hook in a linked worktree runs with GIT_DIR (and GIT_INDEX_FILE) set to
    // that worktree's; pointing them elsewhere must not change what tiendo reads.
    let p = Plan::new();
    p.repo();
    p.git(&["checkout", "-q", "-b", "later"]);
    let t = p
        .text(TASK)
        .replace("Trước ngày 01/7/2024", "Trước ngày 01/7/2025");
    p.put(TASK, t);
    p.git(&["commit", "-qam", "later"]);
    let other = tempfile::tempdir().unwrap();
    Command::new("git")
        .args(["init", "-q"])
        .arg(other.path())
        .output()
        .unwrap();
    let gd = other.path().join(".git");
    let env = [
        ("GIT_DIR", gd.to_str().unwrap()),
        ("GIT_WORK_TREE", other.path().to_str().unwrap()),
        ("GIT_INDEX_FILE", "/nonexistent/index"),
        ("GIT_OBJECT_DIRECTORY", "/nonexistent/objects"),
    ];
    let review = p.run_env(
        &[
            "review",
            "main",
            "--fail-on",
            "flags",
            "--as-of",
            "2024-07-10",
        ],
        &env,
    );
    let plain = p.run(&[
        "review",
        "main",
        "--fail-on",
        "flags",
        "--as-of",
        "2024-07-10",
    ]);
    assert_eq!(review, plain);
    assert_eq!(review.code, 1, "{review:?}");
    let log = p.run_env(&["log"], &env);
    assert_eq!(log, p.run(&["log"]));
    assert!(log.stdout.contains("later"), "{log:?}");
}

#[test]
fn a_record_separator_in_a_commit_message_hides_nothing() {
    let p = Plan::new();
    p.repo();
    let t = p.text(TASK).replace(
        "status = \"doing\"",
        "status = \"done\"\ndone_on = 2024-06-19",
    );
    p.put(TASK, t);
    p.git(&["commit", "-qam", "xong\x1e\x1fgiả"]);
    let log = p.run(&["log", "--as-of", "2024-06-30"]);
    assert_eq!(log.code, 0, "{log:?}");
    assert_eq!(
        log.stdout,
        "20/06/2024  e1affc6  T  xong␞␟giả\n  1.2\n    trạng thái: đang thực hiện → đã hoàn thành\n    ngày hoàn thành: — → 19/06/2024\n\n20/06/2024  18218e6  T  plan\n  1.1 (thêm nhiệm vụ)\n  1.2 (thêm nhiệm vụ)\n  2.1 (thêm nhiệm vụ)\n"
    );
    no_control(&log);
}

#[test]
fn escapes_in_commit_subjects_authors_and_file_names_are_made_visible() {
    let p = Plan::new();
    p.repo();
    let t = p.text(TASK).replace(
        "status = \"doing\"",
        "status = \"done\"\ndone_on = 2024-06-19",
    );
    p.put(TASK, t);
    p.git(&[
        "-c",
        "user.name=\u{1b}]0;pwned\u{7}Mallory\u{202e}",
        "commit",
        "-qam",
        "\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}xong\rforged line",
        "--author",
        "\u{1b}[31mEve\u{9b} <e@x>",
    ]);
    p.put("plan/tasks/1/\u{1b}[2J1.9\n.toml", "x");
    for args in [
        &["log", "--as-of", "2024-06-30"][..],
        &["check", "--as-of", "2024-06-30"],
        &["show", "1.2", "--as-of", "2024-06-30"],
        &["report", "--month", "2024-06", "--as-of", "2024-06-30"],
        &["list", "--as-of", "2024-06-30"],
    ] {
        let o = p.run(args);
        no_control(&o);
    }
    let check = p.check();
    assert_eq!(
        check.stdout,
        "plan/tasks/1/␛[2J1.9␤.toml: lỗi: tên tệp không thể là tệp nhiệm vụ (có ký tự điều khiển, xuống dòng hoặc dấu \\): không được đọc\n  gợi ý: đổi tên tệp thành mã nhiệm vụ kèm `.toml`\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n"
    );
    let log = p.run(&["log", "--as-of", "2024-06-30"]);
    assert_eq!(
        log.stdout,
        "20/06/2024  f01dd96  [31mEve�  ␛[2J␛]52;c;ZXZpbA==␇xong␍forged line\n  1.2\n    trạng thái: đang thực hiện → đã hoàn thành\n    ngày hoàn thành: — → 19/06/2024\n\n20/06/2024  18218e6  T  plan\n  1.1 (thêm nhiệm vụ)\n  1.2 (thêm nhiệm vụ)\n  2.1 (thêm nhiệm vụ)\n"
    );
}

#[test]
fn review_markdown_shows_a_branch_name_verbatim_in_its_code_span() {
    let p = Plan::new();
    p.repo();
    p.git(&["branch", "my_base"]);
    let o = p.run(&[
        "review",
        "my_base",
        "--format",
        "md",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(o.code, 0, "{o:?}");
    assert!(o.stdout.contains("`my_base`"), "{}", o.stdout);
}

// ---------------------------------------------------------------------------------------------
// Cycles and depth.

#[test]
fn successors_that_name_each_other_are_a_located_error_not_a_hang() {
    let p = Plan::new();
    let mut units = p.text("plan/units.toml");
    let ids = ["u-a", "u-b", "u-c", "u-d", "u-e", "u-f"];
    for (i, id) in ids.iter().enumerate() {
        let others: Vec<String> = ids
            .iter()
            .filter(|o| *o != id)
            .map(|o| format!("\"{o}\""))
            .collect();
        units.push_str(&format!(
            "\n[[unit]]\nid = \"{id}\"\nname = \"Đơn vị {i}\"\nkind = \"department\"\nended = 2024-01-01\nsuccessors = [{}]\n",
            others.join(", ")
        ));
    }
    p.put("plan/units.toml", units);
    let t = p
        .text(TASK)
        .replace("lead = [\"so-tttt\"]", "lead = [\"u-a\"]");
    p.put(TASK, t);
    for args in [
        &["list", "--as-of", "2024-06-30"][..],
        &["summary", "--as-of", "2024-06-30"],
        &["report", "--month", "2024-06", "--as-of", "2024-06-30"],
        &["units", "--as-of", "2024-06-30"],
        &["export", "--format", "json", "--as-of", "2024-06-30"],
    ] {
        let o = p.run(args);
        assert_ne!(o.code, 2, "{args:?}: {o:?}");
    }
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/tasks/1/1.2.toml:4:8: cảnh báo: Đơn vị 1 chấm dứt từ 01/01/2024, công việc chia cho nhiều đơn vị; nhiệm vụ chưa ghi đơn vị tiếp nhận\n  gợi ý: thêm [[amendment]] với from, to, basis; ứng viên: Đơn vị 0; Đơn vị 2; Đơn vị 3; Đơn vị 4; Đơn vị 5\nplan/tasks/1/1.2.toml:4:8: cảnh báo: Đơn vị 2 chấm dứt từ 01/01/2024, công việc chia cho nhiều đơn vị; nhiệm vụ chưa ghi đơn vị tiếp nhận\n  gợi ý: thêm [[amendment]] với from, to, basis; ứng viên: Đơn vị 0; Đơn vị 1; Đơn vị 3; Đơn vị 4; Đơn vị 5\nplan/tasks/1/1.2.toml:4:8: cảnh báo: Đơn vị 3 chấm dứt từ 01/01/2024, công việc chia cho nhiều đơn vị; nhiệm vụ chưa ghi đơn vị tiếp nhận\n  gợi ý: thêm [[amendment]] với from, to, basis; ứng viên: Đơn vị 0; Đơn vị 1; Đơn vị 2; Đơn vị 4; Đơn vị 5\nplan/tasks/1/1.2.toml:4:8: cảnh báo: Đơn vị 4 chấm dứt từ 01/01/2024, công việc chia cho nhiều đơn vị; nhiệm vụ chưa ghi đơn vị tiếp nhận\n  gợi ý: thêm [[amendment]] với from, to, basis; ứng viên: Đơn vị 0; Đơn vị 1; Đơn vị 2; Đơn vị 3; Đơn vị 5\nplan/tasks/1/1.2.toml:4:8: cảnh báo: Đơn vị 5 chấm dứt từ 01/01/2024, công việc chia cho nhiều đơn vị; nhiệm vụ chưa ghi đơn vị tiếp nhận\n  gợi ý: thêm [[amendment]] với from, to, basis; ứng viên: Đơn vị 0; Đơn vị 1; Đơn vị 2; Đơn vị 3; Đơn vị 4\nplan/tasks/1/1.2.toml:4:9: cảnh báo: Đơn vị 0 chấm dứt từ 01/01/2024, công việc chia cho nhiều đơn vị; nhiệm vụ chưa ghi đơn vị tiếp nhận\n  gợi ý: thêm [[amendment]] với from, to, basis; ứng viên: Đơn vị 1; Đơn vị 2; Đơn vị 3; Đơn vị 4; Đơn vị 5\nplan/tasks/1/1.2.toml:22:6: cảnh báo: báo cáo 1: `so-tttt` không chủ trì hay phối hợp nhiệm vụ này\nplan/units.toml:40:15: lỗi: `u-a` quay lại chính nó qua `successors`: u-a → u-b → u-a\n  gợi ý: một đơn vị không thể kế thừa hoặc bao gồm chính nó; bỏ một mắt của vòng\nplan/units.toml:54:15: lỗi: `u-c` quay lại chính nó qua `successors`: u-c → u-d → u-c\n  gợi ý: một đơn vị không thể kế thừa hoặc bao gồm chính nó; bỏ một mắt của vòng\nplan/units.toml:68:15: lỗi: `u-e` quay lại chính nó qua `successors`: u-e → u-f → u-e\n  gợi ý: một đơn vị không thể kế thừa hoặc bao gồm chính nó; bỏ một mắt của vòng\n3 lỗi, 7 cảnh báo trong 2/5 tệp\n",
            ""
        )
    );
}

#[test]
fn a_unit_that_succeeds_itself_is_an_error() {
    let p = Plan::new();
    let units = p
        .text("plan/units.toml")
        .replace("successors = [\"so-khcn\"]", "successors = [\"so-tttt\"]");
    p.put("plan/units.toml", units);
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/units.toml:27:15: lỗi: `so-tttt` quay lại chính nó qua `successors`: so-tttt → so-tttt\n  gợi ý: một đơn vị không thể kế thừa hoặc bao gồm chính nó; bỏ một mắt của vòng\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

#[test]
fn members_that_contain_each_other_are_an_error() {
    let p = Plan::new();
    let mut units = p.text("plan/units.toml");
    units.push_str("\n[[unit]]\nid = \"cac-so\"\nname = \"Các sở\"\nkind = \"collective\"\nmembers = [\"so-tu-phap\", \"nhom-b\"]\n\n[[unit]]\nid = \"nhom-b\"\nname = \"Nhóm B\"\nkind = \"collective\"\nmembers = [\"cac-so\"]\n");
    p.put("plan/units.toml", units);
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/units.toml:39:12: lỗi: `cac-so` quay lại chính nó qua `members`: cac-so → nhom-b → cac-so\n  gợi ý: một đơn vị không thể kế thừa hoặc bao gồm chính nó; bỏ một mắt của vòng\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

#[test]
fn a_group_that_is_its_own_ancestor_is_an_error() {
    let p = Plan::new();
    let plan = p
        .text("plan/plan.toml")
        .replace("declared = 1", "declared = 1\nparent = \"2\"");
    p.put("plan/plan.toml", plan);
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/plan.toml:20:10: lỗi: nhóm `2` là tổ tiên của chính nó qua `parent`\n  gợi ý: đặt `parent` là một nhóm không nằm dưới nó\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

#[test]
fn summary_on_a_500_deep_chain_of_sub_groups_is_quick() {
    let p = Plan::new();
    let mut plan = p.text("plan/plan.toml");
    let mut parent = "2".to_string();
    for d in 1..=500 {
        let id = format!("2.{d}");
        plan.push_str(&format!(
            "\n[[group]]\nid = \"{id}\"\ntitle = \"Tầng {d}\"\nparent = \"{parent}\"\n"
        ));
        parent = id;
    }
    p.put("plan/plan.toml", plan);
    let start = Instant::now();
    for args in [
        &["summary", "--as-of", "2024-06-30"][..],
        &["report", "--month", "2024-06", "--as-of", "2024-06-30"],
        &["check", "--as-of", "2024-06-30"],
    ] {
        let o = p.run(args);
        assert_ne!(o.code, 2, "{o:?}");
    }
    // Release: 0.16 s for summary (it did not end in 60 s before). Debug on a busy machine: a
    // few seconds for all three.
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
}

// ---------------------------------------------------------------------------------------------
// Special files and symlinked folders.

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let st = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(st.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_as_plan_toml_is_an_error_not_a_hang() {
    let p = Plan::new();
    mkfifo(&p.path("plan/plan.toml"));
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/plan.toml: lỗi: không phải tệp thường (FIFO, thiết bị hoặc socket): không được đọc\n  gợi ý: thay bằng một tệp thường\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
    let o = p.run(&["list", "--as-of", "2024-06-30"]);
    assert_eq!(o.code, 0, "{o:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_as_units_toml_is_an_error_not_a_hang() {
    let p = Plan::new();
    mkfifo(&p.path("plan/units.toml"));
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/units.toml: lỗi: không phải tệp thường (FIFO, thiết bị hoặc socket): không được đọc\n  gợi ý: thay bằng một tệp thường\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_as_a_task_file_is_an_error_not_a_silent_skip() {
    let p = Plan::new();
    mkfifo(&p.path(TASK));
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/plan.toml:12:6: lỗi: nhóm `1` có 1 nhiệm vụ, kế hoạch ghi 2\nplan/tasks/1/1.2.toml: lỗi: không phải tệp thường (FIFO, thiết bị hoặc socket): không được đọc\n  gợi ý: thay bằng một tệp thường\n2 lỗi, 0 cảnh báo trong 2/4 tệp\n",
            ""
        )
    );
    for args in [
        &["fmt", "--check"][..],
        &["update", "1.2", "--status", "done"],
    ] {
        let o = p.run(args);
        assert_ne!(o.code, 0, "{o:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_tasks_folder_is_an_error_and_nothing_is_written_through_it() {
    let p = Plan::new();
    std::fs::rename(p.path("plan/tasks"), p.path("elsewhere")).unwrap();
    std::os::unix::fs::symlink(p.path("elsewhere"), p.path("plan/tasks")).unwrap();
    let before = std::fs::read(p.path("elsewhere/1/1.2.toml")).unwrap();
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/plan.toml:12:6: lỗi: nhóm `1` có 0 nhiệm vụ, kế hoạch ghi 2\nplan/plan.toml:17:6: lỗi: nhóm `2` có 0 nhiệm vụ, kế hoạch ghi 1\nplan/tasks: lỗi: liên kết tượng trưng (symlink) bị bỏ qua\n  gợi ý: chép tệp thật vào thư mục kế hoạch\nplan/tasks: cảnh báo: kế hoạch chưa có nhiệm vụ nào\n  gợi ý: tạo nhiệm vụ bằng `tiendo new`\n3 lỗi, 1 cảnh báo trong 2/2 tệp\n",
            ""
        )
    );
    let o = p.run(&[
        "update",
        "1.2",
        "--status",
        "done",
        "--date",
        "2024-06-30",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(o.code, 2, "{o:?}");
    let n = p.run(&[
        "new",
        "1.9",
        "--title",
        "x",
        "--lead",
        "ca-tinh",
        "--deadline",
        "Quý IV/2024",
    ]);
    assert_eq!(n.code, 2, "{n:?}");
    assert_eq!(
        std::fs::read(p.path("elsewhere/1/1.2.toml")).unwrap(),
        before
    );
    assert!(!p.path("elsewhere/1/1.9.toml").exists());
}

#[cfg(unix)]
#[test]
fn a_symlinked_sub_group_folder_is_an_error() {
    let p = Plan::new();
    std::fs::create_dir_all(p.path("outside/9.1")).unwrap();
    std::fs::copy(
        p.path("plan/tasks/2/2.1.toml"),
        p.path("outside/9.1/2.1.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(p.path("outside/9.1"), p.path("plan/tasks/9.1")).unwrap();
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/tasks/9.1: lỗi: liên kết tượng trưng (symlink) bị bỏ qua\n  gợi ý: chép tệp thật vào thư mục kế hoạch\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Saves: fmt's normalisation, modes, another writer.

#[test]
fn fmt_normalises_values_never_keys() {
    let p = Plan::new();
    let t = p.text(TASK);
    // Two keys that differ only in Unicode form (a `check` error, but still TOML), and an NFD
    // value.
    let messy = t.replace(
        "status = \"doing\"",
        "status = \"doing\"\n\"Vie\u{302}\u{323}t\" = \"Vie\u{302}\u{323}t\"\n\"Việt\" = 2",
    );
    p.put(TASK, &messy);
    let o = p.run(&[
        "fmt",
        TASK.strip_prefix("plan/")
            .map(|r| format!("plan/{r}"))
            .unwrap()
            .as_str(),
    ]);
    assert_eq!(o.code, 0, "{o:?}");
    let after = p.text(TASK);
    let table: toml::Table = after.parse().expect("fmt wrote TOML");
    assert_eq!(table["Vie\u{302}\u{323}t"].as_str(), Some("Việt"));
    assert_eq!(table["Việt"].as_integer(), Some(2));
}

#[cfg(unix)]
#[test]
fn update_and_fmt_keep_the_files_mode_and_group() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let p = Plan::new();
    let path = p.path(TASK);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660)).unwrap();
    // A group other than our primary one, when we may set it (root, or a member).
    let gid = std::fs::metadata(&path).unwrap().gid();
    let other = [65534u32, 100, 1].into_iter().find(|g| {
        *g != gid
            && Command::new("chgrp")
                .arg(g.to_string())
                .arg(&path)
                .status()
                .is_ok_and(|s| s.success())
    });
    let want_gid = other.unwrap_or(gid);
    let o = p.run(&[
        "update",
        "1.2",
        "--status",
        "done",
        "--date",
        "2024-06-28",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(o.code, 0, "{o:?}");
    let md = std::fs::metadata(&path).unwrap();
    assert_eq!(md.permissions().mode() & 0o7777, 0o660);
    assert_eq!(md.gid(), want_gid);
    let t = p
        .text(TASK)
        .replace("status = \"done\"", "status   =   \"done\"");
    p.put(TASK, t);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let o = p.run(&["fmt"]);
    assert_eq!(o.code, 0, "{o:?}");
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777,
        0o640
    );
}

#[test]
fn a_save_by_another_program_is_never_overwritten() {
    // The compare-and-swap itself: a file that no longer holds what was read is not replaced.
    let p = Plan::new();
    let path = p.path(TASK);
    let old = p.read(TASK);
    std::fs::write(&path, b"# saved by an editor\n").unwrap();
    let e = tiendo::edit::write_checked(&path, Some(&old), b"ours\n").unwrap_err();
    assert!(e.to_string().contains("changed on disk"), "{e}");
    assert_eq!(p.read(TASK), b"# saved by an editor\n");
}

/// A stress loop: an editor saving (write + rename) every 3 ms while `update` runs 15 times.
/// Timing-dependent, so it does not gate CI (a window of microseconds remains between the
/// exchange and its undo, see `edit::write_checked`); run it with
/// `cargo test --test hostile2 -- --ignored`.
#[test]
#[ignore = "timing-dependent stress loop; run with --ignored"]
fn no_editor_save_is_lost_in_a_stress_loop() {
    let p = Plan::new();
    let path = p.path(TASK);
    let old = p.read(TASK);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    std::fs::write(&path, &old).unwrap();
    let editor = {
        let stop = stop.clone();
        let path = path.clone();
        std::thread::spawn(move || {
            let mut saves = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let now = std::fs::read(&path).unwrap();
                let mut next = now.clone();
                next.extend_from_slice(format!("# editor save {saves}\n").as_bytes());
                let tmp = path.with_extension("swp");
                std::fs::write(&tmp, &next).unwrap();
                std::fs::rename(&tmp, &path).unwrap();
                saves += 1;
                std::thread::sleep(Duration::from_millis(3));
            }
            saves
        })
    };
    let mut outcomes = vec![];
    for _ in 0..15 {
        let o = p.run(&[
            "update",
            "1.2",
            "--by",
            "so-tttt",
            "--note",
            "tiến độ",
            "--date",
            "2024-06-20",
            "--as-of",
            "2024-06-30",
        ]);
        outcomes.push(o.code);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let saves = editor.join().unwrap();
    // The editor read-modify-writes, so its last save holds every earlier save of its own
    // unless tiendo replaced the file in between with a version that lacked one.
    let text = p.text(TASK);
    let lost: Vec<usize> = (0..saves)
        .filter(|i| !text.contains(&format!("# editor save {i}\n")))
        .collect();
    assert!(saves > 0);
    assert_eq!(lost, Vec::<usize>::new(), "of {saves} editor saves");
    // Each update either saved or refused cleanly (the file changed under it).
    assert!(outcomes.iter().all(|c| *c == 0 || *c == 2), "{outcomes:?}");
    toml::from_str::<toml::Table>(&text).expect("still TOML");
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates from the command line and the files.

#[test]
fn a_huge_due_within_is_refused_and_a_large_one_does_not_panic() {
    let p = Plan::new();
    let o = p.run(&["list", "--due-within", "4294967295"]);
    assert_eq!(o.code, 2, "{o:?}");
    assert_eq!(o.stdout, "");
    assert!(o.stderr.contains("4294967295"), "{o:?}");
    let o = p.run(&["list", "--due-within", "36600", "--as-of", "2200-12-31"]);
    assert_eq!(o.code, 0, "{o:?}");
}

#[test]
fn a_date_with_a_six_digit_year_is_refused_not_wrapped() {
    let p = Plan::new();
    let before = p.read(TASK);
    for date in [
        "+67560-06-14",
        "67560-06-14",
        "0024-06-14",
        "2024-6-14",
        "2024-06-14T00:00",
    ] {
        let o = p.run(&["update", "1.2", "--status", "done", "--date", date]);
        assert_eq!(o.code, 2, "{date}: {o:?}");
        assert!(o.stderr.contains("YYYY-MM-DD"), "{o:?}");
    }
    assert_eq!(p.read(TASK), before);
}

#[test]
fn nan_and_infinite_values_are_refused() {
    let p = Plan::new();
    let before = p.read(TASK);
    for v in ["NaN", "nan", "inf", "-inf", "infinity", "1e400"] {
        let value = format!("--value={v}");
        let o = p.run(&[
            "update",
            "1.2",
            "--by",
            "so-tttt",
            "--note",
            "x",
            "--indicator",
            "ho-so-so-hoa",
            &value,
            "--date",
            "2024-06-20",
            "--as-of",
            "2024-06-30",
        ]);
        assert_eq!(o.code, 2, "{v}: {o:?}");
        assert!(o.stderr.contains("finite"), "{o:?}");
    }
    assert_eq!(p.read(TASK), before);
    // Written into the file by hand: a located error.
    let t = p
        .text(TASK)
        .replace("value = 60", "value = nan")
        .replace("target_value = 100", "target_value = inf");
    p.put(TASK, t);
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/tasks/1/1.2.toml:15:8: lỗi: chỉ tiêu 1: giá trị không hợp lệ: `target_value` must be a finite number, found inf\nplan/tasks/1/1.2.toml:21:8: lỗi: báo cáo 1: giá trị không hợp lệ: `value` must be a finite number, found NaN\nplan/tasks/1/1.2.toml:25:13: lỗi: báo cáo 1: có `indicator` nhưng thiếu `value`\n3 lỗi, 0 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Output paths.

#[cfg(unix)]
#[test]
fn export_to_dev_null_writes_through_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    let p = Plan::new();
    let o = p.run(&[
        "export",
        "--format",
        "csv",
        "-o",
        "/dev/null",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(o, out(0, "", "đã ghi `/dev/null`\n"));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn export_to_dash_and_dev_stdout_writes_standard_output() {
    let p = Plan::new();
    let plain = p.run(&["export", "--format", "json", "--as-of", "2024-06-30"]);
    assert_eq!(plain.code, 0);
    assert!(
        plain.stdout.starts_with('{') || plain.stdout.starts_with('['),
        "{plain:?}"
    );
    for target in ["-", "/dev/stdout"] {
        let o = p.run(&[
            "export",
            "--format",
            "json",
            "-o",
            target,
            "--as-of",
            "2024-06-30",
        ]);
        assert_eq!(o, out(0, &plain.stdout, ""), "{target}");
    }
}

#[cfg(unix)]
#[test]
fn export_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let p = Plan::new();
    p.put("real/tasks.csv", "old\n");
    std::os::unix::fs::symlink(p.path("real/tasks.csv"), p.path("link.csv")).unwrap();
    let o = p.run(&[
        "export",
        "--format",
        "csv",
        "-o",
        "link.csv",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(o, out(0, "", "đã ghi `link.csv`\n"));
    assert!(
        std::fs::symlink_metadata(p.path("link.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        p.text("real/tasks.csv").contains("1.2,"),
        "{}",
        p.text("real/tasks.csv")
    );
}

#[cfg(unix)]
#[test]
fn export_into_a_fifo_writes_through() {
    let p = Plan::new();
    mkfifo(&p.path("pipe"));
    let path = p.path("pipe");
    let reader = std::thread::spawn(move || std::fs::read(path).unwrap());
    let o = p.run(&[
        "export",
        "--format",
        "csv",
        "-o",
        "pipe",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(o, out(0, "", "đã ghi `pipe`\n"));
    let got = String::from_utf8(reader.join().unwrap()).unwrap();
    assert!(got.contains("1.2,"), "{got}");
    assert!(!std::fs::symlink_metadata(p.path("pipe")).unwrap().is_file());
}

#[cfg(unix)]
#[test]
fn export_over_a_regular_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let p = Plan::new();
    p.put("out.csv", "old\n");
    std::fs::set_permissions(p.path("out.csv"), std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = p.run(&[
        "export",
        "--format",
        "csv",
        "-o",
        "out.csv",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(o.code, 0, "{o:?}");
    assert!(p.text("out.csv").contains("1.2,"));
    let mode = std::fs::metadata(p.path("out.csv"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[cfg(unix)]
#[test]
fn a_report_file_planted_as_a_symlink_is_refused() {
    let p = Plan::new();
    p.put("secret", "do not touch\n");
    std::fs::create_dir_all(p.path("reports")).unwrap();
    std::os::unix::fs::symlink(p.path("secret"), p.path("reports/2024-06.md")).unwrap();
    let o = p.run(&[
        "report",
        "--month",
        "2024-06",
        "--out",
        "reports",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(o.code, 2, "{o:?}");
    assert_eq!(o.stdout, "");
    assert!(
        o.stderr
            .contains("reports/2024-06.md` is a symbolic link; nothing written"),
        "{o:?}"
    );
    assert_eq!(p.text("secret"), "do not touch\n");
    mkfifo(&p.path("reports/2024-07.md"));
    let o = p.run(&[
        "report",
        "--month",
        "2024-07",
        "--out",
        "reports",
        "--check",
        "--as-of",
        "2024-07-30",
    ]);
    assert_eq!(o.code, 2, "{o:?}");
}

// ---------------------------------------------------------------------------------------------
// The merge driver.

fn progress_file(entries: &[(usize, &str)]) -> String {
    let mut s = String::from(
        "id = \"1.2\"\ngroup = \"1\"\ntitle = \"T\"\nlead = [\"so-tttt\"]\ndeadline = \"Năm 2030\"\nstatus = \"doing\"\n",
    );
    for (day, note) in entries {
        let d =
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(*day as u64);
        s.push_str(&format!(
            "\n[[progress]]\ndate = {d}\nby = \"so-tttt\"\nnote = \"{note}\"\n"
        ));
    }
    s
}

#[test]
fn the_same_entry_corrected_differently_on_both_sides_is_a_conflict() {
    let base = progress_file(&[(1, "a"), (2, "b")]);
    let ours = progress_file(&[(1, "a"), (2, "b sửa bởi chúng ta")]);
    let theirs = progress_file(&[(1, "a"), (2, "b sửa bởi họ")]);
    let m = tiendo::merge::merge(base.as_bytes(), ours.as_bytes(), theirs.as_bytes());
    assert_eq!(
        m.how,
        tiendo::merge::How::Whole(tiendo::merge::Fallback::SameEntry)
    );
    let text = String::from_utf8(m.bytes).unwrap();
    assert!(text.contains("<<<<<<< ours\n"), "{text}");
    // Corrected the same way on both: one entry, clean.
    let m = tiendo::merge::merge(
        base.as_bytes(),
        ours.as_bytes(),
        format!("# cùng một sửa đổi\n{ours}").as_bytes(),
    );
    assert_eq!(m.how, tiendo::merge::How::Clean);
    // Through the binary, git's way: exit 1 and the file left with markers.
    let p = Plan::new();
    p.put("o.toml", &ours);
    p.put("b.toml", &base);
    p.put("t.toml", &theirs);
    let o = run_in(
        &p.root,
        &[
            "merge-driver",
            "b.toml",
            "o.toml",
            "t.toml",
            "--path",
            "plan/tasks/1/1.2.toml",
        ],
    );
    assert_eq!(o.code, 1, "{o:?}");
    assert_eq!(
        o.stderr,
        "plan/tasks/1/1.2.toml: không hợp nhất được theo từng khóa (cả hai nhánh sửa cùng một mục tiến độ (cùng ngày, cùng đơn vị) theo hai cách khác nhau); phần khác nhau được đặt giữa dấu xung đột\n  gợi ý: giữ lại phần đúng, xóa các dòng đánh dấu, chạy `tiendo check`, rồi `git add` tệp\n"
    );
}

#[test]
fn the_merge_driver_is_linear_in_entries() {
    let mut times = vec![];
    for n in [250usize, 1_000, 4_000] {
        let base: Vec<(usize, String)> = (0..n).map(|i| (i % 3000, format!("gốc {i}"))).collect();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.extend((0..n / 10).map(|i| (i % 3000, format!("chúng ta {i}"))));
        theirs.extend((0..n / 10).map(|i| (i % 3000, format!("họ {i}"))));
        let f = |v: &[(usize, String)]| {
            progress_file(&v.iter().map(|(d, s)| (*d, s.as_str())).collect::<Vec<_>>())
        };
        let (b, o, t) = (f(&base), f(&ours), f(&theirs));
        let start = Instant::now();
        let m = tiendo::merge::merge(b.as_bytes(), o.as_bytes(), t.as_bytes());
        times.push(start.elapsed());
        assert_eq!(m.how, tiendo::merge::How::Clean);
        let merged: toml::Table = String::from_utf8(m.bytes).unwrap().parse().unwrap();
        assert_eq!(
            merged["progress"].as_array().unwrap().len(),
            n + 2 * (n / 10)
        );
    }
    // 16x the entries: far less than 256x the time (a pairwise scan) — allow 40x for noise.
    assert!(
        times[2] < times[0] * 40 + Duration::from_millis(500),
        "{times:?}"
    );
}

#[test]
fn escapes_in_arguments_never_reach_the_terminal_through_error_messages() {
    let p = Plan::new();
    p.repo();
    for args in [
        &["list", "--due-within", "1\u{1b}[2J"][..],
        &["nonsense\u{1b}[2J"],
        &["show", "\u{1b}]0;pwned\u{7}1.2"],
        &["list", "--lead", "\u{1b}[2Jso"],
        &["diff", "\u{1b}[31mHEAD"],
        &["--plan", "no\u{1b}[2Jwhere", "check"],
    ] {
        let o = p.run(args);
        assert_eq!(o.code, 2, "{args:?}: {o:?}");
        // Usage errors are clap's (it drops escape sequences itself; in Vietnamese they are
        // rewritten from clap's error and go through the sanitiser); ours show them.
        assert!(
            o.stderr.contains('␛')
                || o.stderr.starts_with("error:")
                || o.stderr.starts_with("tiendo: lỗi:"),
            "{o:?}"
        );
        no_control(&o);
    }
}

// ---------------------------------------------------------------------------------------------
// Exports are streamed, and stream the same bytes.

#[test]
fn streamed_exports_are_byte_identical_to_the_whole_documents() {
    use tiendo::render;
    use tiendo::summary::{Filter, Horizon, Judged, select};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo-plan");
    let loaded = tiendo::load::load(&dir).unwrap();
    let plan = &loaded.plan;
    let as_of = chrono::NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
    let selected = select(plan, &Filter::default(), Horizon::new(plan, as_of));
    let judged: Vec<&Judged> = selected.iter().collect();
    let all = tiendo::report::rows(plan, &judged, as_of, true);
    for rows in [&all[..], &all[..1], &[][..]] {
        let mut json = vec![];
        render::json::task_list_to(&mut json, &plan.meta.code, rows, as_of).unwrap();
        assert_eq!(
            String::from_utf8(json).unwrap(),
            render::json::to_string(&render::json::task_list(&plan.meta.code, rows, as_of))
        );
    }
    let ics = render::ics::calendar(plan, &all, as_of, tiendo::i18n::Lang::Vi, "x");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        ics.matches("END:VEVENT").count()
    );
    assert!(ics.contains("BEGIN:VEVENT"));
}

// ---------------------------------------------------------------------------------------------
// A round of our own: the same classes against the other commands.

#[cfg(unix)]
#[test]
fn import_writes_nothing_through_a_symlinked_tasks_folder() {
    let p = Plan::new();
    std::fs::remove_dir_all(p.path("plan/tasks")).unwrap();
    std::fs::create_dir_all(p.path("outside")).unwrap();
    std::os::unix::fs::symlink(p.path("outside"), p.path("plan/tasks")).unwrap();
    p.put(
        "table.tsv",
        "STT\tNội dung, nhiệm vụ cụ thể\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\nI\t<b>Hoàn thiện thể chế</b>\t\t\t\n1.\tLàm việc A\tCông an tỉnh\t\tQuý 1/2024\n",
    );
    let o = p.run(&["import", "table.tsv"]);
    assert_eq!(o.code, 2, "{o:?}");
    assert!(
        o.stderr
            .contains("`plan/tasks` is a symbolic link; nothing is written through it"),
        "{o:?}"
    );
    assert_eq!(
        std::fs::read_dir(p.path("outside")).unwrap().count(),
        0,
        "{o:?}"
    );
}

#[cfg(unix)]
#[test]
fn the_merge_driver_given_a_fifo_is_an_error_not_a_hang() {
    let p = Plan::new();
    mkfifo(&p.path("base"));
    p.put("ours", "a = 1\n");
    p.put("theirs", "a = 2\n");
    let o = run_in(&p.root, &["merge-driver", "base", "ours", "theirs"]);
    assert_eq!(o.code, 2, "{o:?}");
    assert_eq!(p.text("ours"), "a = 1\n");
}

#[cfg(unix)]
#[test]
fn schema_and_completions_write_standard_output_only() {
    let p = Plan::new();
    for args in [&["schema", "task"][..], &["completions", "bash"]] {
        let o = run_in(&p.root, args);
        assert_eq!(o.code, 0, "{args:?}: {o:?}");
        no_control(&o);
    }
}

#[test]
fn escapes_in_indicator_units_and_source_fields_are_made_visible() {
    let p = Plan::new();
    let t = p
        .text(TASK)
        .replace("unit = \"%\"", "unit = \"%\\u001b]52;c;ZXZpbA==\\u0007\"")
        + "\n[source]\ndocument = \"seed\\u001b[2J.txt\"\nbody = \"II.2 \\u202e(1)\"\nappendix = \"Phụ lục\\u009b31m\"\n";
    p.put(TASK, t);
    for args in [
        &["show", "1.2", "--as-of", "2024-06-30"][..],
        &["report", "--month", "2024-06", "--as-of", "2024-06-30"],
        &["list", "--as-of", "2024-06-30"],
    ] {
        let o = p.run(args);
        assert_ne!(o.code, 2, "{args:?}: {o:?}");
        no_control(&o);
    }
    let show = p.run(&["show", "1.2", "--as-of", "2024-06-30"]);
    assert!(show.stdout.contains("%␛]52;c;ZXZpbA==␇"), "{}", show.stdout);
}
