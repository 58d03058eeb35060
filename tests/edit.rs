//! The editing commands end to end: `update`, `new` and `fmt` on small plans in temporary
//! folders (and real git repositories for `--commit`), run through the built binary. What they
//! promise: layout kept (exact diffs), BOM and CRLF kept, invalid edits refused with the reason,
//! no lost update under concurrency, no half-written file when killed, `fmt` idempotent and
//! meaning-preserving (a property test over generated task files).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use proptest::prelude::*;

const PLAN: &str = r#"code = "1/KH-TEST"
title = "Kế hoạch thử nghiệm"
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
short = "CA tỉnh"
kind = "police"

[[unit]]
id = "so-a"
name = "Sở Alpha"
short = "Sở A"
kind = "department"

[[unit]]
id = "so-b"
name = "Sở Beta"
kind = "department"
"#;

/// Hand-formatted, with comments, odd spacing and a literal string.
const TASK: &str = r#"# Nhiệm vụ 1.1: ghi chú viết tay, phải còn nguyên.
id = "1.1"
group = "1"
title = "Xây dựng phần mềm"
lead = [ "so-a" ]   # chủ trì theo phụ lục
support = ["ca"]
deadline = "Quý III/2024"
status = 'todo'   # chưa bắt đầu

# Mốc giữa kỳ
[[milestone]]
title = "Phê duyệt thiết kế"
deadline = "Tháng 5/2024"
"#;

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan");
        std::fs::create_dir_all(plan.join("tasks/1")).unwrap();
        std::fs::write(plan.join("plan.toml"), PLAN).unwrap();
        std::fs::write(plan.join("units.toml"), UNITS).unwrap();
        std::fs::write(plan.join("tasks/1/1.1.toml"), TASK).unwrap();
        Fixture { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn task_path(&self) -> PathBuf {
        self.root().join("plan/tasks/1/1.1.toml")
    }

    fn read(&self) -> String {
        std::fs::read_to_string(self.task_path()).unwrap()
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tiendo"));
        c.current_dir(self.root())
            .args(["--plan", "plan", "--as-of", "2024-06-14"])
            .args(args)
            .env_remove("TIENDO_LANG")
            .env_remove("TIENDO_PLAN")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Văn thư")
            .env("GIT_AUTHOR_EMAIL", "vanthu@example.invalid")
            .env("GIT_COMMITTER_NAME", "Văn thư")
            .env("GIT_COMMITTER_EMAIL", "vanthu@example.invalid")
            .env("GIT_AUTHOR_DATE", "2024-06-14T09:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-06-14T09:00:00+07:00");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    fn git(&self, args: &[&str]) -> String {
        let o = Command::new("git")
            .current_dir(self.root())
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
            .env("GIT_AUTHOR_DATE", "2024-01-10T09:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-01-10T09:00:00+07:00")
            .output()
            .unwrap();
        assert!(o.status.success(), "git {args:?}: {}", text(&o.stderr));
        text(&o.stdout)
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

const UPDATE: &[&str] = &[
    "update",
    "1.1",
    "--by",
    "Sở A",
    "--note",
    "Đã phê duyệt thiết kế; đang lập trình.",
    "--percent",
    "40",
    "--status",
    "doing",
    "--milestone",
    "1",
    "--done-on",
    "2024-05-20",
];

const EXPECTED_DIFF: &str = r#"--- plan/tasks/1/1.1.toml
+++ plan/tasks/1/1.1.toml
@@ -6,5 +6,5 @@
 support = ["ca"]
 deadline = "Quý III/2024"
-status = 'todo'   # chưa bắt đầu
+status = 'doing'   # chưa bắt đầu
 
 # Mốc giữa kỳ
@@ -12,2 +12,9 @@
 title = "Phê duyệt thiết kế"
 deadline = "Tháng 5/2024"
+done_on = 2024-05-20
+
+[[progress]]
+date = 2024-06-14
+by = "so-a"
+note = "Đã phê duyệt thiết kế; đang lập trình."
+percent = 40
"#;

#[test]
fn update_changes_only_the_lines_it_must() {
    let f = Fixture::new();
    let mut args = UPDATE.to_vec();
    args.push("--dry-run");
    let dry = f.run(&args);
    assert_eq!(code(&dry), 0, "{}", text(&dry.stderr));
    assert_eq!(text(&dry.stdout), EXPECTED_DIFF);
    assert_eq!(f.read(), TASK, "--dry-run writes nothing");

    let o = f.run(UPDATE);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "đã ghi `plan/tasks/1/1.1.toml`\n");
    let written = f.read();
    assert_eq!(
        tiendo::edit::unified_diff(TASK, &written, "plan/tasks/1/1.1.toml"),
        EXPECTED_DIFF
    );
    // No lock or temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(f.root().join("plan/tasks/1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(left, ["1.1.toml"]);
    let check = f.run(&["check"]);
    assert_eq!(code(&check), 0, "{}", text(&check.stdout));
}

#[test]
fn done_takes_done_on_or_an_explicit_date() {
    let f = Fixture::new();
    let o = f.run(&["update", "1.1", "--status", "done"]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("--status done cần ngày hoàn thành"));
    assert_eq!(f.read(), TASK);

    let o = f.run(&[
        "--lang",
        "en",
        "update",
        "1.1",
        "--status",
        "done",
        "--date",
        "2024-06-10",
    ]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(
        f.read()
            .contains("status = 'done'   # chưa bắt đầu\ndone_on = 2024-06-10\n")
    );
}

#[test]
fn invalid_edits_are_refused_with_the_reason() {
    let f = Fixture::new();
    // A unit that does not exist at all: could not run.
    let o = f.run(&["update", "1.1", "--by", "so-zzz", "--note", "x"]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("so-zzz"), "{}", text(&o.stderr));
    // A unit that exists but neither leads nor supports the task.
    let o = f.run(&["update", "1.1", "--by", "so-b", "--note", "x"]);
    assert_eq!(code(&o), 1);
    let err = text(&o.stderr);
    assert!(
        err.starts_with("không ghi `plan/tasks/1/1.1.toml`"),
        "{err}"
    );
    assert!(err.contains("so-b"), "{err}");
    // Progress dated after the as-of day.
    let o = f.run(&[
        "update",
        "1.1",
        "--by",
        "so-a",
        "--note",
        "x",
        "--date",
        "2024-07-01",
    ]);
    assert_eq!(code(&o), 1);
    let err = text(&o.stderr);
    assert!(err.contains("plan/tasks/1/1.1.toml:16:8: lỗi"), "{err}");
    assert!(err.contains("01/07/2024"), "{err}");
    // A milestone that does not exist.
    let o = f.run(&[
        "update",
        "1.1",
        "--milestone",
        "2",
        "--done-on",
        "2024-06-01",
    ]);
    assert_eq!(code(&o), 2);
    // Nothing asked.
    let o = f.run(&["update", "1.1"]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("không có gì để cập nhật"));
    // A note without a unit.
    let o = f.run(&["update", "1.1", "--note", "x"]);
    assert_eq!(code(&o), 2);
    assert_eq!(f.read(), TASK, "nothing was written");
}

#[test]
fn bom_and_crlf_are_kept() {
    let f = Fixture::new();
    let crlf = TASK.replace('\n', "\r\n");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(crlf.as_bytes());
    std::fs::write(f.task_path(), &bytes).unwrap();
    let o = f.run(&["update", "1.1", "--by", "so-a", "--note", "Tốt"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let after = std::fs::read(f.task_path()).unwrap();
    // The task has started: `todo` became `doing`; every other old byte is unchanged.
    let mut started = vec![0xEF, 0xBB, 0xBF];
    started.extend_from_slice(
        crlf.replace("status = 'todo'", "status = 'doing'")
            .as_bytes(),
    );
    assert!(after.starts_with(&started), "old bytes unchanged, BOM kept");
    assert_eq!(
        text(&after[started.len()..]),
        "\r\n[[progress]]\r\ndate = 2024-06-14\r\nby = \"so-a\"\r\nnote = \"Tốt\"\r\n"
    );
    // fmt keeps them too.
    let o = f.run(&["fmt", "plan/tasks/1/1.1.toml"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let formatted = std::fs::read(f.task_path()).unwrap();
    assert!(formatted.starts_with(&[0xEF, 0xBB, 0xBF]));
    let body = text(&formatted[3..]);
    assert!(
        !body.replace("\r\n", "").contains('\n'),
        "all CRLF: {body:?}"
    );
}

#[test]
fn concurrent_updates_both_land_or_one_is_refused_clearly() {
    for round in 0..4 {
        let f = Fixture::new();
        let spawn = |note: &str| {
            f.cmd(&["update", "1.1", "--by", "so-a", "--note", note])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn("Báo cáo A"), spawn("Báo cáo B"));
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        let after = f.read();
        for (o, note) in [(&a, "Báo cáo A"), (&b, "Báo cáo B")] {
            if code(o) == 0 {
                assert!(
                    after.contains(note),
                    "round {round}: {note} reported written but lost"
                );
            } else {
                let err = text(&o.stderr);
                assert!(
                    err.contains("đang được một tiến trình tiendo khác sửa")
                        || err.contains("đã bị thay đổi trên đĩa"),
                    "round {round}: {err}"
                );
            }
        }
        assert!(
            code(&a) == 0 || code(&b) == 0,
            "round {round}: one of them must win"
        );
        assert!(
            tiendo::load::parse::<tiendo::load::RawTask>(&after, "x").is_ok(),
            "round {round}: file still parses"
        );
    }
}

#[test]
fn a_changed_file_is_not_overwritten() {
    let f = Fixture::new();
    let old = std::fs::read(f.task_path()).unwrap();
    std::fs::write(f.task_path(), format!("{TASK}# sửa tay\n")).unwrap();
    let err = tiendo::edit::write_checked(&f.task_path(), Some(&old), b"x = 1\n").unwrap_err();
    assert!(err.to_string().contains("changed on disk"), "{err}");
    assert_eq!(f.read(), format!("{TASK}# sửa tay\n"));
}

#[test]
fn a_killed_writer_leaves_the_old_file_or_the_new_one() {
    let f = Fixture::new();
    // A large file (a long comment) makes the write take long enough to be interrupted.
    let padding: String = (0..40_000)
        .map(|i| format!("# dòng đệm {i:06} ................................\n"))
        .collect();
    let base = format!("{TASK}{padding}");
    std::fs::write(f.task_path(), &base).unwrap();
    let o = f.run(&[
        "update",
        "1.1",
        "--by",
        "so-a",
        "--note",
        "Mới",
        "--dry-run",
    ]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let new = format!("{base}\n[[progress]]\ndate = 2024-06-14\nby = \"so-a\"\nnote = \"Mới\"\n");
    for i in 0..24u64 {
        std::fs::write(f.task_path(), &base).unwrap();
        let _ = std::fs::remove_file(tiendo::edit::lock_path(&f.task_path()));
        let mut child = f
            .cmd(&["update", "1.1", "--by", "so-a", "--note", "Mới"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(i * 7));
        let _ = child.kill(); // SIGKILL on Unix: no cleanup runs
        let _ = child.wait();
        let now = f.read();
        assert!(
            now == base || now == new,
            "iteration {i}: a half-written file"
        );
    }
    // The temporary files a killed writer may leave are hidden and never read as tasks.
    let check = f.run(&["check"]);
    assert!(
        !text(&check.stdout).contains(".tmp"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn commit_records_just_that_file_with_a_plain_message() {
    let f = Fixture::new();
    f.git(&["init", "-q", "-b", "main"]);
    f.git(&["add", "plan"]);
    f.git(&["commit", "-q", "-m", "Kế hoạch"]);
    // Another file changed and even staged: it must not ride along.
    std::fs::write(f.root().join("plan/plan.toml"), format!("{PLAN}# nháp\n")).unwrap();
    f.git(&["add", "plan/plan.toml"]);
    let o = f.run(&[
        "update",
        "1.1",
        "--by",
        "so-a",
        "--note",
        "Tiến triển tốt",
        "--commit",
    ]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert_eq!(
        f.git(&["log", "-1", "--format=%s|%an|%aI", "--name-only"]),
        "1.1: Sở A báo cáo tiến độ 14/06/2024; chuyển trạng thái sang \"đang thực hiện\"|Văn thư|2024-06-14T09:00:00+07:00\n\nplan/tasks/1/1.1.toml\n"
    );
    assert_eq!(f.git(&["status", "--porcelain"]), "M  plan/plan.toml\n");

    let o = f.run(&[
        "--lang",
        "en",
        "update",
        "1.1",
        "--status",
        "done",
        "--done-on",
        "2024-06-12",
        "--commit",
    ]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert_eq!(
        f.git(&["log", "-1", "--format=%s"]),
        "1.1: done 2024-06-12\n"
    );

    let o = f.run(&[
        "new",
        "--id",
        "1.2",
        "--group",
        "1",
        "--title",
        "Việc mới",
        "--lead",
        "so-b",
        "--deadline",
        "Năm 2024",
        "--commit",
    ]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert_eq!(
        f.git(&["log", "-1", "--format=%s", "--name-only"]),
        "1.2: thêm nhiệm vụ\n\nplan/tasks/1/1.2.toml\n"
    );
}

#[test]
fn commit_outside_a_repository_is_an_error_and_writes_nothing() {
    let f = Fixture::new();
    let o = f.run(&["update", "1.1", "--by", "so-a", "--note", "x", "--commit"]);
    assert_eq!(code(&o), 2);
    assert!(
        text(&o.stderr).contains("không nằm trong kho git"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(f.read(), TASK);
}

#[test]
fn new_creates_a_canonical_file_in_the_group_folder() {
    let f = Fixture::new();
    let o = f.run(&[
        "new",
        "--id",
        "1.2",
        "--group",
        "1",
        "--title",
        "Triển khai",
        "--lead",
        "Sở Alpha",
        "--support",
        "ca,so-b",
        "--deadline",
        "Quý IV/2024",
    ]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(f.root().join("plan/tasks/1/1.2.toml")).unwrap(),
        "id = \"1.2\"\ngroup = \"1\"\ntitle = \"Triển khai\"\nlead = [\"so-a\"]\nsupport = [\"ca\", \"so-b\"]\ndeadline = \"Quý IV/2024\"\nstatus = \"todo\"\n"
    );
    let again = f.run(&[
        "new",
        "--id",
        "1.2",
        "--group",
        "1",
        "--title",
        "x",
        "--lead",
        "so-a",
        "--deadline",
        "Năm 2024",
    ]);
    assert_eq!(code(&again), 2);
    assert!(text(&again.stderr).contains("đã có"));
    let unsafe_id = f.run(&[
        "new",
        "--id",
        "../1.3",
        "--group",
        "1",
        "--title",
        "x",
        "--lead",
        "so-a",
        "--deadline",
        "Năm 2024",
    ]);
    assert_eq!(code(&unsafe_id), 2);
    let bad_group = f.run(&[
        "new",
        "--id",
        "1.3",
        "--group",
        "9",
        "--title",
        "x",
        "--lead",
        "so-a",
        "--deadline",
        "Năm 2024",
    ]);
    assert_eq!(code(&bad_group), 1);
    assert!(!f.root().join("plan/tasks/9").exists());
}

#[test]
fn fmt_check_reports_a_diff_and_fmt_fixes_it() {
    let f = Fixture::new();
    let o = f.run(&["fmt", "--check"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        text(&o.stdout),
        "--- plan/tasks/1/1.1.toml\n+++ plan/tasks/1/1.1.toml\n@@ -3,8 +3,8 @@\n group = \"1\"\n title = \"Xây dựng phần mềm\"\n-lead = [ \"so-a\" ]   # chủ trì theo phụ lục\n+lead = [\"so-a\"] # chủ trì theo phụ lục\n support = [\"ca\"]\n deadline = \"Quý III/2024\"\n-status = 'todo'   # chưa bắt đầu\n+status = 'todo' # chưa bắt đầu\n \n # Mốc giữa kỳ\n"
    );
    assert_eq!(f.read(), TASK, "--check writes nothing");
    let o = f.run(&["fmt"]);
    assert_eq!(code(&o), 0);
    let once = f.read();
    let o = f.run(&["fmt", "--check"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stdout));
    assert_eq!(f.read(), once);
}

#[test]
fn fmt_check_passes_on_the_committed_plan() {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("plan");
    let o = Command::new(env!("CARGO_BIN_EXE_tiendo"))
        .args(["--plan"])
        .arg(&plan)
        .args(["fmt", "--check"])
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", text(&o.stdout));
}

// ---------------------------------------------------------------------------------------------
// fmt never changes meaning: generated task files, written every which way.

/// Debug form of a task without positions (fmt moves lines, never values).
fn meaning(text: &str) -> Option<String> {
    let raw = tiendo::load::parse::<tiendo::load::RawTask>(text, "t.toml").ok()?;
    let (task, problems) = tiendo::load::build_task(raw, text, "t.toml");
    let s = format!(
        "{task:?} {:?}",
        problems.iter().map(|p| &p.kind).collect::<Vec<_>>()
    );
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(i) = rest.find("Pos { line: ") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(" }").map_or(rest.len(), |e| i + e + 2);
        rest = &rest[end..];
    }
    out.push_str(rest);
    Some(out)
}

fn text_value() -> impl Strategy<Value = String> {
    // Vietnamese in NFC or NFD, quotes, backslashes, spaces at the ends.
    let nfd = "Vie\u{0302}\u{0323}t Nam";
    prop::collection::vec(
        prop_oneof![
            Just("Triển khai".to_string()),
            Just(nfd.to_string()),
            Just("\"trích\"".to_string()),
            Just("a\\b".to_string()),
            Just("  ".to_string()),
            Just("100%".to_string()),
            "[a-zđơư ]{0,12}",
        ],
        1..4,
    )
    .prop_map(|v| v.concat())
}

fn quoted(s: &str, literal: bool) -> String {
    if literal && !s.contains('\'') {
        format!("'{s}'")
    } else {
        toml_edit::Value::from(s).to_string().trim().to_string()
    }
}

#[derive(Debug, Clone)]
struct Layout {
    literal: bool,
    spaces: (usize, usize),
    comment: bool,
    blank: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        any::<bool>(),
        0..3usize,
        0..3usize,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(literal, a, b, comment, blank)| Layout {
            literal,
            spaces: (a, b),
            comment,
            blank,
        })
}

fn line(key: &str, value: &str, l: &Layout) -> String {
    let mut s = String::new();
    if l.blank {
        s.push('\n');
    }
    if l.comment {
        s.push_str(&format!("# về {key}  \n"));
    }
    s.push_str(&format!(
        "{key}{}={}{value}{}\n",
        " ".repeat(l.spaces.0),
        " ".repeat(l.spaces.1),
        if l.comment { "   # cuối dòng" } else { "" }
    ));
    s
}

fn array(items: &[String], l: &Layout, multiline: bool) -> String {
    let q: Vec<String> = items.iter().map(|s| quoted(s, l.literal)).collect();
    if multiline {
        format!(
            "[\n{}\n]",
            q.iter()
                .map(|s| format!("    {s},"))
                .collect::<Vec<_>>()
                .join("\n")
        )
    } else {
        format!("[{}]", q.join(" ,"))
    }
}

prop_compose! {
    fn task_file()(
        title in text_value(),
        notes in prop::collection::vec(text_value(), 0..4),
        lead in prop::collection::vec("[a-z]{2,8}", 1..4),
        support in prop::collection::vec("[a-z]{2,30}", 0..5),
        status in prop::sample::select(vec!["todo", "doing", "done", "dropped"]),
        done_on in prop::option::of(1u32..28),
        milestones in prop::collection::vec((text_value(), prop::option::of(1u32..28)), 0..3),
        progress in prop::collection::vec((1u32..28, text_value(), prop::option::of(0u8..=100)), 0..3),
        source in any::<bool>(),
        layouts in prop::collection::vec(layout(), 12),
        order in Just(()).prop_perturb(|_, mut rng| {
            let mut v: Vec<usize> = (0..9).collect();
            for i in (1..v.len()).rev() {
                v.swap(i, (rng.next_u32() as usize) % (i + 1));
            }
            v
        }),
        tables_first_progress in any::<bool>(),
        multiline in any::<bool>(),
    ) -> String {
        let l = |i: usize| &layouts[i % layouts.len()];
        let mut keys: Vec<String> = vec![
            line("id", "\"1.1\"", l(0)),
            line("group", "\"1\"", l(1)),
            line("title", &quoted(&title, l(2).literal), l(2)),
            line("lead", &array(&lead, l(3), multiline), l(3)),
            line("support", &array(&support, l(4), !multiline), l(4)),
            line("deadline", "\"Quý II/2024\"", l(5)),
            line("status", &quoted(status, l(6).literal), l(6)),
            match done_on {
                Some(d) => line("done_on", &format!("2024-06-{d:02}"), l(7)),
                None => String::new(),
            },
            line("notes", &array(&notes, l(8), multiline), l(8)),
        ];
        let keys: Vec<String> = order.iter().map(|&i| std::mem::take(&mut keys[i])).collect();
        let mut tables = vec![];
        if source {
            tables.push("[source]\nbody_line = 3\ndocument = \"seeds/x.txt\"\n".to_string());
        }
        let ms: String = milestones
            .iter()
            .map(|(t, d)| {
                let done = d.map(|d| format!("done_on = 2024-05-{d:02}\n")).unwrap_or_default();
                format!("\n\n[[milestone]]\n{done}deadline = \"Tháng 5/2024\"\ntitle = {}\n", quoted(t, false))
            })
            .collect();
        let ps: String = progress
            .iter()
            .map(|(d, n, p)| {
                let pc = p.map(|p| format!("percent = {p}\n")).unwrap_or_default();
                format!("[[progress]]\n{pc}note = {}\nby = \"{}\"\ndate = 2024-04-{d:02}\n", quoted(n, true), lead[0])
            })
            .collect();
        if tables_first_progress {
            tables.insert(0, ps);
            tables.push(ms);
        } else {
            tables.push(ms);
            tables.push(ps);
        }
        format!("{}{}", keys.concat(), tables.concat())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn fmt_keeps_meaning_and_is_idempotent(text in task_file()) {
        let before = meaning(&text);
        prop_assert!(before.is_some(), "generator made an unreadable file:\n{}", text);
        let once = tiendo::edit::format(&text, tiendo::edit::FileKind::Task).unwrap();
        prop_assert_eq!(meaning(&once), before, "meaning changed:\n{}\n---\n{}", text, once);
        let twice = tiendo::edit::format(&once, tiendo::edit::FileKind::Task).unwrap();
        prop_assert_eq!(&twice, &once, "not idempotent");
        prop_assert!(once.lines().all(|l| !l.ends_with(' ')), "trailing space:\n{}", once);
        prop_assert!(!once.contains("\n\n\n"), "double blank line:\n{}", once);
        prop_assert!(once.ends_with('\n') && !once.ends_with("\n\n"));
        prop_assert!(unicode_normalization_is_nfc(&once));
        for l in once.lines() {
            if l.starts_with("lead =") || l.starts_with("support =") {
                prop_assert!(l.ends_with(']') || l.ends_with("= [") || l.contains("] #"));
            }
        }
    }
}

fn unicode_normalization_is_nfc(s: &str) -> bool {
    tiendo::text::first_non_nfc(s).is_none()
}
