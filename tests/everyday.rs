//! A clerk's everyday use, end to end on a copy of `tests/fixtures/demo-plan/` in a temporary git
//! repository (pinned dates, `GIT_CONFIG_GLOBAL=/dev/null`): entries in date order, a `todo`
//! task started by its first entry, the same entry twice refused, duplicates flagged, `--amend`
//! and `--remove` (and `review` flagging the removal), git checked before `--commit` writes,
//! missing git said as missing git, and a task file that does not load named by every view.
//! Every message is checked exactly, in Vietnamese and in English.

use std::path::Path;
use std::process::{Command, Output};

struct Repo {
    dir: tempfile::TempDir,
}

const IDENTITY: [(&str, &str); 4] = [
    ("GIT_AUTHOR_NAME", "Văn thư"),
    ("GIT_AUTHOR_EMAIL", "vanthu@example.invalid"),
    ("GIT_COMMITTER_NAME", "Văn thư"),
    ("GIT_COMMITTER_EMAIL", "vanthu@example.invalid"),
];

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
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo-plan"),
            &dir.path().join("plan"),
        );
        let r = Repo { dir };
        r.git(&["init", "-q", "-b", "main"]);
        r.git(&["add", "plan"]);
        r.git(&["commit", "-q", "-m", "Kế hoạch"]);
        r
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap()
    }

    fn base(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tiendo"));
        c.current_dir(self.root())
            .args(args)
            .env_remove("TIENDO_LANG")
            .env_remove("TIENDO_PLAN")
            .env_remove("COLUMNS")
            .env("NO_COLOR", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_DATE", "2024-06-20T09:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-06-20T09:00:00+07:00");
        for (k, _) in IDENTITY {
            c.env_remove(k);
        }
        c.env_remove("EMAIL");
        c
    }

    /// `tiendo ARGS` as a clerk whose git knows them.
    fn run(&self, args: &[&str]) -> Output {
        let mut c = self.base(args);
        c.envs(IDENTITY);
        c.output().unwrap()
    }

    fn git(&self, args: &[&str]) -> String {
        let o = Command::new("git")
            .current_dir(self.root())
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .envs(IDENTITY)
            .env("GIT_AUTHOR_DATE", "2024-06-15T09:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-06-15T09:00:00+07:00")
            .output()
            .unwrap();
        assert!(o.status.success(), "git {args:?}: {o:?}");
        String::from_utf8(o.stdout).unwrap()
    }
}

/// (exit code, stdout, stderr)
fn said(o: Output) -> (i32, String, String) {
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn ok(out: &str) -> (i32, String, String) {
    (0, out.to_string(), String::new())
}

#[test]
fn a_first_entry_starts_a_todo_task() {
    let r = Repo::new();
    let diff = "--- plan/tasks/1/1.3.toml
+++ plan/tasks/1/1.3.toml
@@ -5,3 +5,8 @@
 lead = [\"so-tttt\"]
 deadline = \"Tháng 7/2024\"
-status = \"todo\"
+status = \"doing\"
+
+[[progress]]
+date = 2024-05-20
+by = \"so-tttt\"
+note = \"Khởi động\"
";
    for lang in ["vi", "en"] {
        assert_eq!(
            said(r.run(&[
                "--lang",
                lang,
                "--as-of",
                "2024-05-20",
                "update",
                "1.3",
                "--by",
                "so-tttt",
                "--note",
                "Khởi động",
                "--dry-run"
            ])),
            ok(diff)
        );
    }
    // Written and committed: the commit says so too.
    let o = said(r.run(&[
        "--as-of",
        "2024-05-20",
        "update",
        "1.3",
        "--by",
        "so-tttt",
        "--note",
        "Khởi động",
        "--commit",
    ]));
    assert_eq!(
        o,
        ok("đã ghi `plan/tasks/1/1.3.toml`\nđã commit `plan/tasks/1/1.3.toml`\n")
    );
    assert_eq!(
        r.git(&["log", "-1", "--format=%s"]),
        "1.3: Sở TT&TT báo cáo tiến độ 20/05/2024; chuyển trạng thái sang \"đang thực hiện\"\n"
    );
}

#[test]
fn an_older_entry_goes_before_the_newer_ones() {
    let r = Repo::new();
    let o = said(r.run(&[
        "--as-of",
        "2024-06-20",
        "update",
        "1.2",
        "--by",
        "so-tttt",
        "--date",
        "2024-05-20",
        "--note",
        "Giữa kỳ",
        "--dry-run",
    ]));
    assert_eq!(
        o,
        ok("--- plan/tasks/1/1.2.toml
+++ plan/tasks/1/1.2.toml
@@ -14,4 +14,9 @@
 
 [[progress]]
+date = 2024-05-20
+by = \"so-tttt\"
+note = \"Giữa kỳ\"
+
+[[progress]]
 date = 2024-06-10
 by = \"so-khcn\"
")
    );
    // Written, the plan has no out-of-order warning.
    r.run(&[
        "--as-of",
        "2024-06-20",
        "update",
        "1.2",
        "--by",
        "so-tttt",
        "--date",
        "2024-05-20",
        "--note",
        "Giữa kỳ",
    ]);
    let check = said(r.run(&["--as-of", "2024-06-20", "check"])).1;
    assert!(!check.contains("đứng sau"), "{check}");
}

const SAME: [&str; 11] = [
    "--as-of",
    "2024-06-20",
    "update",
    "1.2",
    "--by",
    "so-tttt",
    "--date",
    "2024-05-14",
    "--note",
    "Đăng 12 tin, bài trên Cổng thông tin điện tử tỉnh.",
    "--commit",
];

#[test]
fn the_same_entry_twice_is_refused_unless_again_and_check_flags_it() {
    let r = Repo::new();
    let before = r.read("plan/tasks/1/1.2.toml");
    assert_eq!(
        said(r.run(&SAME)),
        (
            1,
            String::new(),
            "không ghi: nhiệm vụ 1.2 đã có báo cáo giống hệt (báo cáo 1)\n  gợi ý: thêm `--again` nếu đơn vị thật sự báo cáo lần nữa y như vậy\n".into()
        )
    );
    assert_eq!(
        said(r.run(&[&["--lang", "en"], &SAME[..]].concat())),
        (
            1,
            String::new(),
            "not written: task 1.2 already has this very entry (progress entry 1)\n  help: add `--again` if the unit really reported the same again\n".into()
        )
    );
    assert_eq!(r.read("plan/tasks/1/1.2.toml"), before);
    assert_eq!(r.git(&["rev-list", "--count", "HEAD"]), "1\n");

    let o = said(r.run(&[&SAME[..], &["--again"]].concat()));
    assert_eq!(o.0, 0, "{o:?}");
    let dup_vi = "plan/tasks/1/1.2.toml:16:8: cảnh báo: báo cáo 2: trùng hệt báo cáo 1 (ghi hai lần?)\n  gợi ý: xóa bản thừa: `tiendo update 1.2 --remove 2`\n";
    assert_eq!(o.2, dup_vi);
    let check = said(r.run(&["--as-of", "2024-06-20", "check"])).1;
    assert!(check.contains(dup_vi), "{check}");
    let check = said(r.run(&["--lang", "en", "--as-of", "2024-06-20", "check"])).1;
    assert!(
        check.contains("plan/tasks/1/1.2.toml:16:8: warning: progress entry 2: the same as progress entry 1 (recorded twice?)\n  help: remove the extra one: `tiendo update 1.2 --remove 2`\n"),
        "{check}"
    );
    // The hint's own command undoes it.
    let o = said(r.run(&["--as-of", "2024-06-20", "update", "1.2", "--remove", "2"]));
    assert_eq!(o, ok("đã ghi `plan/tasks/1/1.2.toml`\n"));
    assert_eq!(r.read("plan/tasks/1/1.2.toml"), before);
}

#[test]
fn amend_and_remove_a_progress_entry() {
    let r = Repo::new();
    let amend = [
        "--as-of",
        "2024-06-20",
        "update",
        "1.2",
        "--amend",
        "2",
        "--note",
        "Tiếp nhận nhiệm vụ; đăng 6 tin, bài.",
    ];
    assert_eq!(
        said(r.run(&[&amend[..], &["--dry-run"]].concat())),
        ok("--- plan/tasks/1/1.2.toml
+++ plan/tasks/1/1.2.toml
@@ -16,3 +16,3 @@
 date = 2024-06-10
 by = \"so-khcn\"
-note = \"Tiếp nhận nhiệm vụ; đăng 5 tin, bài.\"
+note = \"Tiếp nhận nhiệm vụ; đăng 6 tin, bài.\"
")
    );
    // Numbered as `show` numbers them.
    let show = said(r.run(&["--as-of", "2024-06-20", "show", "1.2"])).1;
    assert!(
        show.ends_with("  1. 14/05/2024 Sở TT&TT: Đăng 12 tin, bài trên Cổng thông tin điện tử tỉnh.\n  2. 10/06/2024 Sở KH&CN: Tiếp nhận nhiệm vụ; đăng 5 tin, bài.\n"),
        "{show}"
    );
    // Mistakes in the request, in both languages.
    let cases = [
        (
            vec!["update", "1.2", "--amend", "5", "--note", "x"],
            "tiendo: lỗi: nhiệm vụ không có báo cáo 5 (nhiệm vụ có 2 báo cáo; xem `tiendo show ID`)\n",
            "tiendo: error: the task has no progress entry 5 (it has 2; see `tiendo show ID`)\n",
        ),
        (
            vec!["update", "1.2", "--amend", "2"],
            "tiendo: lỗi: `--amend N` cần ít nhất một trường để sửa: --date, --by, --note, --percent, --indicator/--value\n",
            "tiendo: error: `--amend N` needs at least one field to change: --date, --by, --note, --percent, --indicator/--value\n",
        ),
        (
            vec![
                "update",
                "9.1.1",
                "--milestone",
                "3",
                "--done-on",
                "2024-06-01",
            ],
            "tiendo: lỗi: nhiệm vụ không có mốc 3 (nhiệm vụ có 1 mốc)\n",
            "tiendo: error: the task has no milestone 3 (it has 1)\n",
        ),
    ];
    for (args, vi, en) in cases {
        let args_vi = [&["--as-of", "2024-06-20"][..], &args].concat();
        assert_eq!(said(r.run(&args_vi)), (2, String::new(), vi.to_string()));
        let args_en = [&["--lang", "en", "--as-of", "2024-06-20"][..], &args].concat();
        assert_eq!(said(r.run(&args_en)), (2, String::new(), en.to_string()));
    }

    // Removed on a branch and committed: review flags a past entry removed.
    r.git(&["checkout", "-q", "-b", "sua"]);
    let remove = ["--as-of", "2024-06-20", "update", "1.2", "--remove", "1"];
    assert_eq!(
        said(r.run(&[&remove[..], &["--dry-run"]].concat())),
        ok("--- plan/tasks/1/1.2.toml
+++ plan/tasks/1/1.2.toml
@@ -9,9 +9,4 @@
 
 [[progress]]
-date = 2024-05-14
-by = \"so-tttt\"
-note = \"Đăng 12 tin, bài trên Cổng thông tin điện tử tỉnh.\"
-
-[[progress]]
 date = 2024-06-10
 by = \"so-khcn\"
")
    );
    assert_eq!(
        said(r.run(&[&["--lang", "en"], &remove[..], &["--commit"]].concat())),
        ok("wrote `plan/tasks/1/1.2.toml`\ncommitted `plan/tasks/1/1.2.toml`\n")
    );
    assert_eq!(
        r.git(&["log", "-1", "--format=%s"]),
        "1.2: progress entry 1 removed\n"
    );
    let review = said(r.run(&["--as-of", "2024-06-20", "review", "main"])).1;
    assert!(
        review.contains(
            "Cần xem kỹ:\n  ! 1.2: báo cáo tiến độ cũ bị sửa hoặc xóa: 14/05/2024, Sở TT&TT\n"
        ),
        "{review}"
    );
}

const START_13: [&str; 9] = [
    "--as-of",
    "2024-06-20",
    "update",
    "1.3",
    "--by",
    "so-khcn",
    "--note",
    "Khởi động",
    "--commit",
];

#[test]
fn commit_checks_git_before_writing() {
    let r = Repo::new();
    let before = r.read("plan/tasks/1/1.3.toml");
    // No identity: nothing written, nothing staged.
    for (lang, msg) in [
        (
            "vi",
            "tiendo: lỗi: không ghi: git chưa biết tên và email người ghi, nên không commit được; chưa sửa tệp nào\n  gợi ý: chạy `git config --global user.name \"Họ và tên\"` và `git config --global user.email \"ten@example.vn\"` rồi chạy lại\n",
        ),
        (
            "en",
            "tiendo: error: not written: git does not know the committer's name and email, so it cannot commit; no file was changed\n  help: run `git config --global user.name \"Full Name\"` and `git config --global user.email \"name@example.org\"`, then run again\n",
        ),
    ] {
        let o = r
            .base(&[&["--lang", lang][..], &START_13].concat())
            .output()
            .unwrap();
        assert_eq!(said(o), (2, String::new(), msg.to_string()));
    }
    // No git on PATH.
    for (lang, msg) in [
        (
            "vi",
            "tiendo: lỗi: không ghi: `--commit` cần git, nhưng máy chưa cài git (hoặc git không có trong PATH); chưa sửa tệp nào\n  gợi ý: cài git, hoặc bỏ `--commit` để chỉ ghi tệp\n",
        ),
        (
            "en",
            "tiendo: error: not written: `--commit` needs git, which is not installed (or not on PATH); no file was changed\n  help: install git, or leave out `--commit` to write the file only\n",
        ),
    ] {
        let mut c = r.base(&[&["--lang", lang][..], &START_13].concat());
        c.envs(IDENTITY).env("PATH", "/nonexistent");
        assert_eq!(
            said(c.output().unwrap()),
            (2, String::new(), msg.to_string())
        );
    }
    assert_eq!(r.read("plan/tasks/1/1.3.toml"), before);
    assert_eq!(r.git(&["status", "--porcelain"]), "");
}

#[test]
fn missing_git_is_said_as_missing_git() {
    let r = Repo::new();
    let run = |args: &[&str]| {
        let mut c = r.base(args);
        c.env("PATH", "/nonexistent");
        said(c.output().unwrap())
    };
    let (code, md, _) = run(&["report", "--month", "2024-06"]);
    assert_eq!(code, 0);
    assert!(md.contains("## 9. Thay đổi kế hoạch trong kỳ\n\nKhông có lịch sử git (máy chưa cài git, hoặc git không có trong PATH), nên không liệt kê được thay đổi.\n"), "{md}");
    let (code, md, _) = run(&["--lang", "en", "report", "--month", "2024-06"]);
    assert_eq!(code, 0);
    assert!(md.contains("## 9. Changes to the plan this period\n\nNo git history (git is not installed, or not on PATH), so changes cannot be listed.\n"), "{md}");
    assert_eq!(
        run(&["log", "1.2"]),
        (
            2,
            String::new(),
            "tiendo: lỗi: không xem được lịch sử: máy chưa cài git (hoặc git không có trong PATH)\n"
                .into()
        )
    );
}

#[test]
fn a_task_file_that_does_not_load_is_named_not_dropped() {
    let r = Repo::new();
    let path = r.root().join("plan/tasks/1/1.3.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "title = \"Xây dựng kho dữ liệu dùng chung của tỉnh\"",
        "title = Xây dựng kho dữ liệu",
    );
    std::fs::write(&path, text).unwrap();
    let vi_note = "chú ý: plan/tasks/1/1.3.toml:4:9: tệp nhiệm vụ không đọc được (chữ chưa đặt trong ngoặc kép: `Xây dựng kho dữ liệu`); nhiệm vụ này không có trong kết quả dưới đây\nkế hoạch có 1 lỗi; chạy `tiendo check` để xem chi tiết\n";
    let en_note = "note: plan/tasks/1/1.3.toml:4:9: task file cannot be read (text without quotes: `Xây dựng kho dữ liệu`); that task is missing from what follows\nthe plan has 1 error; run `tiendo check` for details\n";
    for view in [&["list"][..], &["summary"], &["units"]] {
        let (code, _, err) = said(r.run(view));
        assert_eq!((code, err.as_str()), (0, vi_note), "{view:?}");
        let (code, _, err) = said(r.run(&[&["--lang", "en"][..], view].concat()));
        assert_eq!((code, err.as_str()), (0, en_note), "{view:?}");
    }
    let vi_task = "tiendo: lỗi: nhiệm vụ 1.3 có tệp nhưng tệp không đọc được: plan/tasks/1/1.3.toml:4:9: chữ chưa đặt trong ngoặc kép: `Xây dựng kho dữ liệu`\n  gợi ý: sửa lỗi trong tệp (xem `tiendo check`) rồi chạy lại\n";
    let en_task = "tiendo: error: task 1.3 has a file, but it cannot be read: plan/tasks/1/1.3.toml:4:9: text without quotes: `Xây dựng kho dữ liệu`\n  help: fix the file (see `tiendo check`) and run again\n";
    assert_eq!(
        said(r.run(&["show", "1.3"])),
        (2, String::new(), format!("{vi_note}{vi_task}"))
    );
    assert_eq!(
        said(r.run(&["--lang", "en", "1.3"])),
        (2, String::new(), format!("{en_note}{en_task}"))
    );
    assert_eq!(
        said(r.run(&["update", "1.3", "--by", "so-khcn", "--note", "x"])),
        (2, String::new(), vi_task.to_string())
    );
    assert_eq!(
        said(r.run(&[
            "--lang", "en", "update", "1.3", "--by", "so-khcn", "--note", "x"
        ])),
        (2, String::new(), en_task.to_string())
    );
}

#[test]
fn toml_mistakes_are_explained_with_the_fix() {
    let r = Repo::new();
    let path = r.root().join("plan/tasks/1/1.2.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let cases = [
        (
            "title = \"Tuyên truyền về lợi ích của định danh và xác thực điện tử\"",
            "title = Tuyên truyền",
            "plan/tasks/1/1.2.toml:4:9: lỗi: chữ chưa đặt trong ngoặc kép: `Tuyên truyền`\n  gợi ý: viết `title = \"Tuyên truyền\"`\n",
            "plan/tasks/1/1.2.toml:4:9: error: text without quotes: `Tuyên truyền`\n  help: write `title = \"Tuyên truyền\"`\n",
        ),
        (
            "date = 2024-05-14",
            "date = \"2024-05-14\"",
            "plan/tasks/1/1.2.toml:11:8: lỗi: ngày `\"2024-05-14\"` nằm trong ngoặc kép nên bị đọc là chữ\n  gợi ý: bỏ ngoặc kép: `date = 2024-05-14`\n",
            "plan/tasks/1/1.2.toml:11:8: error: the date `\"2024-05-14\"` is in quotes, so it reads as text\n  help: drop the quotes: `date = 2024-05-14`\n",
        ),
        (
            "date = 2024-05-14",
            "date = 14/05/2024",
            "plan/tasks/1/1.2.toml:11:8: lỗi: ngày `14/05/2024` viết theo kiểu ngày/tháng/năm\n  gợi ý: ghi ngày dạng năm-tháng-ngày, không có ngoặc kép: `date = 2024-05-14`\n",
            "plan/tasks/1/1.2.toml:11:8: error: the date `14/05/2024` is written day first\n  help: write dates as year-month-day, without quotes: `date = 2024-05-14`\n",
        ),
        (
            "lead = [\"so-tttt\"]",
            "lead = \"so-tttt\"",
            "plan/tasks/1/1.2.toml:5:8: lỗi: `lead` cần một danh sách, không phải một giá trị\n  gợi ý: viết `lead = [\"so-tttt\"]`\n",
            "plan/tasks/1/1.2.toml:5:8: error: `lead` takes a list, not a single value\n  help: write `lead = [\"so-tttt\"]`\n",
        ),
        (
            "lead = [\"so-tttt\"]",
            "lead = [\"so-tttt\",, \"ca\"]",
            "plan/tasks/1/1.2.toml:5:19: lỗi: dấu phẩy thừa\n  gợi ý: mỗi khóa một dòng, không có dấu phẩy cuối dòng; trong danh sách, các phần tử cách nhau bằng đúng một dấu phẩy\n",
            "plan/tasks/1/1.2.toml:5:19: error: a stray comma\n  help: one key per line, with no comma at the end; in a list, items are separated by exactly one comma\n",
        ),
        (
            "status = \"doing\"",
            "status = \"doing\",",
            "plan/tasks/1/1.2.toml:8:17: lỗi: dấu phẩy thừa\n  gợi ý: mỗi khóa một dòng, không có dấu phẩy cuối dòng; trong danh sách, các phần tử cách nhau bằng đúng một dấu phẩy\n",
            "plan/tasks/1/1.2.toml:8:17: error: a stray comma\n  help: one key per line, with no comma at the end; in a list, items are separated by exactly one comma\n",
        ),
        (
            "status = \"doing\"",
            "status = \"dang-lam\"",
            "plan/tasks/1/1.2.toml:8:10: lỗi: giá trị `dang-lam` không hợp lệ\n  gợi ý: chọn một trong: `todo`, `doing`, `done`, `dropped`\n",
            "plan/tasks/1/1.2.toml:8:10: error: invalid value: unknown status `dang-lam`, expected one of `todo`, `doing`, `done`, `dropped`\n",
        ),
        (
            "status = \"doing\"",
            "status = 1",
            "plan/tasks/1/1.2.toml:8:10: lỗi: ghi số nguyên `1` nhưng ở đây cần chữ trong ngoặc kép\n  gợi ý: viết lại giá trị thành chữ trong ngoặc kép\n",
            "plan/tasks/1/1.2.toml:8:10: error: invalid value: invalid type: integer `1`, expected a string\n",
        ),
    ];
    for (from, to, vi, en) in cases {
        assert!(original.contains(from), "{from}");
        std::fs::write(&path, original.replacen(from, to, 1)).unwrap();
        let (code, out, _) = said(r.run(&["--as-of", "2024-06-30", "check"]));
        assert_eq!(code, 1);
        assert!(out.contains(vi), "{to}:\n{out}");
        let (code, out, _) = said(r.run(&["--lang", "en", "--as-of", "2024-06-30", "check"]));
        assert_eq!(code, 1);
        assert!(out.contains(en), "{to}:\n{out}");
    }
    // A quoted number and a percent sign, through the hint's own fix.
    let quoted =
        "[[progress]]\ndate = 2024-06-12\nby = \"so-khcn\"\nnote = \"x\"\npercent = \"50\"\n";
    std::fs::write(&path, format!("{original}\n{quoted}")).unwrap();
    let (_, out, _) = said(r.run(&["--as-of", "2024-06-30", "check"]));
    assert!(out.contains(":24:11: lỗi: số `\"50\"` nằm trong ngoặc kép nên bị đọc là chữ\n  gợi ý: bỏ ngoặc kép: `percent = 50`\n"), "{out}");
    std::fs::write(
        &path,
        format!("{original}\n{}", quoted.replace("\"50\"", "50%")),
    )
    .unwrap();
    let (_, out, _) = said(r.run(&["--lang", "en", "--as-of", "2024-06-30", "check"]));
    assert!(
        out.contains(
            ":24:11: error: `50%`: a number goes without the % sign\n  help: write `percent = 50`\n"
        ),
        "{out}"
    );
}

/// `tiendo ARGS` on the frozen plan with `COLUMNS` set (output piped, as in a script).
fn at_width(width: u16, args: &[&str]) -> String {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frozen-plan");
    let o = Command::new(env!("CARGO_BIN_EXE_tiendo"))
        .arg("--plan")
        .arg(&plan)
        .args(["--as-of", "2024-07-14"])
        .args(args)
        .env("COLUMNS", width.to_string())
        .env("NO_COLOR", "1")
        .env_remove("TIENDO_LANG")
        .env_remove("PAGER")
        .output()
        .unwrap();
    assert!(o.status.success(), "{args:?}: {o:?}");
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn tables_fit_the_width_and_never_break_an_id_or_a_date() {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frozen-plan");
    let loaded = tiendo::load::load(&plan).unwrap();
    let is_date =
        |w: &str| w.len() == 10 && chrono::NaiveDate::parse_from_str(w, "%d/%m/%Y").is_ok();
    for width in [80u16, 120] {
        for args in [
            &["list"][..],
            &["--lang", "en", "list"],
            &["summary"],
            &["units"],
            &["units", "so-tttt"],
            &["show", "9.1.1"],
            &["--lang", "en", "show", "7.4"],
        ] {
            let out = at_width(width, args);
            for line in out.lines() {
                assert!(
                    line.chars().count() <= usize::from(width),
                    "{args:?} at {width}: {line:?}"
                );
                // A date's pieces never end or start a line.
                let t = line.trim_matches(|c: char| c == '│' || c == '┆' || c == ' ');
                let digit_slash = t
                    .strip_suffix('/')
                    .is_some_and(|r| r.ends_with(|c: char| c.is_ascii_digit()));
                let slash_digit = t
                    .strip_prefix('/')
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
                assert!(!digit_slash && !slash_digit, "{args:?}: {line:?}");
            }
        }
        // Every task's id and due date appear whole in `list`, one row per task.
        let list = at_width(width, &["list"]);
        let cells: Vec<&str> = list
            .lines()
            .flat_map(|l| l.split(['│', '┆']))
            .map(str::trim)
            .collect();
        for t in &loaded.plan.tasks {
            assert!(
                cells.contains(&t.id.value.as_str()),
                "{} at {width}",
                t.id.value
            );
        }
        let dates = cells.iter().filter(|c| is_date(c)).count();
        let dated = tiendo::summary::judge_all(
            &loaded.plan,
            tiendo::summary::Horizon::new(
                &loaded.plan,
                chrono::NaiveDate::from_ymd_opt(2024, 7, 14).unwrap(),
            ),
        )
        .iter()
        .filter(|j| j.standing.due.is_some())
        .count();
        assert_eq!(dates, dated, "due dates at {width}");
        // Every unit id whole in `units`.
        let units = at_width(width, &["units"]);
        for u in &loaded.plan.units.units {
            assert!(
                units.contains(&format!("│ {} ", u.id.value)),
                "{} at {width}",
                u.id.value
            );
        }
    }
}

#[test]
fn a_task_beyond_the_declared_count_is_recorded_as_added() {
    let r = Repo::new();
    // The demo plan gives group 1 three tasks, and has them.
    let new = [
        "--as-of",
        "2024-06-20",
        "new",
        "--id",
        "1.4",
        "--group",
        "1",
        "--title",
        "Thí điểm",
        "--lead",
        "so-tu-phap",
        "--deadline",
        "Quý IV/2024",
    ];
    assert_eq!(
        said(r.run(&new)),
        (
            1,
            String::new(),
            "không ghi: kế hoạch giao nhóm 1 3 nhiệm vụ; 1.4 là nhiệm vụ bổ sung nên cần căn cứ\n  gợi ý: thêm `--basis \"Công văn số …/… ngày …\"` (văn bản bổ sung nhiệm vụ)\n".into()
        )
    );
    assert_eq!(
        said(r.run(&[&["--lang", "en"][..], &new].concat())),
        (
            1,
            String::new(),
            "not written: the plan gives group 1 3 tasks; 1.4 is an added task and needs a basis\n  help: add `--basis \"Official letter no. … of …\"` (the document that adds the task)\n".into()
        )
    );
    assert!(!r.root().join("plan/tasks/1/1.4.toml").exists());
    let basis = ["--basis", "Công văn số 12/UBND-KT ngày 18/6/2024"];
    assert_eq!(
        said(r.run(&[&new[..], &basis, &["--dry-run"]].concat())),
        (
            0,
            "id = \"1.4\"\ngroup = \"1\"\ntitle = \"Thí điểm\"\nlead = [\"so-tu-phap\"]\ndeadline = \"Quý IV/2024\"\nstatus = \"todo\"\n\n[[amendment]]\non = 2024-06-20\nbasis = \"Công văn số 12/UBND-KT ngày 18/6/2024\"\nadded = true\n".into(),
            "cảnh báo: kế hoạch giao nhóm 1 3 nhiệm vụ; 1.4 được ghi là nhiệm vụ bổ sung (mục [[amendment]] với added = true), không tính vào số đó\n".into()
        )
    );
    let (code, out, err) = said(r.run(&[&["--lang", "en"][..], &new, &basis].concat()));
    assert_eq!((code, out.as_str()), (0, "wrote `plan/tasks/1/1.4.toml`\n"));
    assert_eq!(
        err,
        "warning: the plan gives group 1 3 tasks; 1.4 is recorded as an added task (an [[amendment]] with added = true), outside that count\n"
    );
    // The plan stays valid: the group count still holds, and the file is in canonical form.
    let check = said(r.run(&["--as-of", "2024-06-20", "check"]));
    assert_eq!(check.0, 0, "{check:?}");
    assert!(!check.1.contains("1.4.toml"), "{}", check.1);
    assert_eq!(
        said(r.run(&["fmt", "--check", "plan/tasks/1/1.4.toml"])).0,
        0
    );
}

/// `tiendo ARGS` on a pseudo-terminal (`script`), with `PAGER` marking every line it shows.
fn on_terminal(r: &Repo, args: &str) -> Option<String> {
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let o = Command::new(script)
        .args(["-qec"])
        .arg(format!("{} {args}", env!("CARGO_BIN_EXE_tiendo")))
        .arg("/dev/null")
        .current_dir(r.root())
        .env("PAGER", "sed s/^/PAGED:/")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .env_remove("TIENDO_LANG")
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&o.stdout).replace("\r\n", "\n"))
}

#[test]
fn a_pager_on_a_terminal_only() {
    let r = Repo::new();
    // Piped: never paged.
    let piped = said(
        r.base(&["--as-of", "2024-06-20", "show", "1.3"])
            .env("PAGER", "sed s/^/PAGED:/")
            .output()
            .unwrap(),
    );
    assert!(piped.1.starts_with("Mã:            1.3\n"), "{piped:?}");
    let Some(paged) = on_terminal(&r, "--as-of 2024-06-20 show 1.3") else {
        return; // no `script` on this machine: the terminal case cannot be made
    };
    assert!(paged.starts_with("PAGED:Mã:            1.3\n"), "{paged}");
    let en = on_terminal(&r, "--lang en --as-of 2024-06-20 show 1.3").unwrap();
    assert!(en.starts_with("PAGED:ID:            1.3\n"), "{en}");
    let direct = on_terminal(&r, "--no-pager --as-of 2024-06-20 show 1.3").unwrap();
    assert!(direct.starts_with("Mã:            1.3\n"), "{direct}");
    // Editing commands are never paged.
    let update = on_terminal(
        &r,
        "--as-of 2024-06-20 update 1.3 --by so-khcn --note x --dry-run",
    )
    .unwrap();
    assert!(
        update.starts_with("--- plan/tasks/1/1.3.toml\n"),
        "{update}"
    );
}

#[test]
fn report_takes_o_for_its_folder() {
    let r = Repo::new();
    let o = said(r.run(&["report", "--month", "2024-06", "-o", "out"]));
    assert_eq!(o, (0, String::new(), "out/2024-06.md\n".into()));
    assert!(r.read("out/2024-06.md").starts_with("# "));
}
