//! `tiendo import` end to end, through the built binary.
//!
//! The main case imports the seed's own appendix table (extracted from
//! `docs/seeds/000_1b43753a33ad4ff7.txt` below: the tab-separated lines from the first `STT`
//! header after "**PHỤ LỤC**" to the end, page-break headers and continuation rows included)
//! into a copy of `plan/` without tasks, and compares the result with `plan/`'s 53 group tasks:
//! ids, lead and coordinating units (same order) and deadline phrases. Where the encoded plan
//! deliberately departs from a plain reading of the appendix, the difference is listed in
//! `KNOWN` with the reason; anything else that differs fails.
//!
//! Then the refusals: unknown spellings listed with the nearest units and nothing written,
//! `--allow-new-units`, `--dry-run`, existing tasks, rows that cannot be placed, CSV input.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tiendo(plan: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiendo"))
        .arg("--plan")
        .arg(plan)
        .args(args)
        .env_remove("TIENDO_LANG")
        .env_remove("TIENDO_PLAN")
        .output()
        .expect("run tiendo")
}

/// The seed's appendix table, as a TSV file.
fn seed_appendix() -> String {
    let seed = std::fs::read_to_string(root().join("docs/seeds/000_1b43753a33ad4ff7.txt")).unwrap();
    let after = seed
        .split_once("**PHỤ LỤC**")
        .expect("the seed has an appendix")
        .1;
    let start = after
        .find("\nSTT\t")
        .expect("the appendix table has a header")
        + 1;
    after[start..].to_string()
}

/// A plan folder with `plan.toml` and `units.toml` from `plan/`, and no tasks.
fn empty_plan(dir: &Path) -> PathBuf {
    let plan = dir.join("plan");
    std::fs::create_dir_all(&plan).unwrap();
    for f in ["plan.toml", "units.toml"] {
        std::fs::copy(root().join("plan").join(f), plan.join(f)).unwrap();
    }
    plan
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Facts {
    lead: Vec<String>,
    support: Vec<String>,
    deadline: String,
}

fn group_tasks(plan: &Path) -> BTreeMap<String, Facts> {
    let loaded = tiendo::load::load(plan).unwrap();
    loaded
        .plan
        .tasks
        .iter()
        .filter(|t| t.group.value != "TT")
        .map(|t| {
            (
                t.id.value.clone(),
                Facts {
                    lead: t.lead_ids().map(str::to_string).collect(),
                    support: t.support_ids().map(str::to_string).collect(),
                    deadline: t.deadline.value.clone(),
                },
            )
        })
        .collect()
}

/// Where `plan/` deliberately differs from the appendix as written: (task, field, imported,
/// plan/'s value, why). There are none: plan/'s lead and coordinating cells and deadline phrases
/// are the appendix's, and where the body disagrees (8.3 adds Công an tỉnh to the support,
/// 9.2.2 puts Công an tỉnh first, 6.3 and 10.1 have other deadlines) that is recorded in the
/// task's `notes`, not encoded. Two readings that look like exceptions are rules of the
/// importer instead: 4.4's "Doanh nghiệp viễn thông: Mobilphone, Vinaphone, Viettel." is the
/// three operators (a collective followed by a colon and only its members stands for them),
/// and 9.3.2's "Văn phòng UBND tỉnh Sở Thông tin và Truyền thông" is two units (longest known
/// spelling first, no separator needed). A difference found here that is meant must be added
/// to this list with its reason.
const KNOWN: &[(&str, &str, &str, &str, &str)] = &[];

#[test]
fn importing_the_seed_appendix_gives_plan_group_tasks() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = empty_plan(tmp.path());
    let table = tmp.path().join("appendix.tsv");
    std::fs::write(&table, seed_appendix()).unwrap();

    let out = tiendo(&plan, &["import", table.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "import failed:\n{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.ends_with("đã nhập 53 nhiệm vụ, thêm 0 đơn vị\n"),
        "{stdout}"
    );

    let imported = group_tasks(&plan);
    let encoded = group_tasks(&root().join("plan"));
    assert_eq!(encoded.len(), 53);
    assert_eq!(
        imported.keys().collect::<Vec<_>>(),
        encoded.keys().collect::<Vec<_>>(),
        "the same 53 ids"
    );

    let mut differences = vec![];
    for (id, want) in &encoded {
        let got = &imported[id];
        let fields = [
            ("lead", got.lead.join(", "), want.lead.join(", ")),
            ("support", got.support.join(", "), want.support.join(", ")),
            ("deadline", got.deadline.clone(), want.deadline.clone()),
        ];
        for (field, got, want) in fields {
            if got != want {
                differences.push((id.clone(), field, got, want));
            }
        }
    }
    let known: Vec<(String, &str, String, String)> = KNOWN
        .iter()
        .map(|(id, f, got, want, _)| (id.to_string(), *f, got.to_string(), want.to_string()))
        .collect();
    assert_eq!(
        differences, known,
        "differences between the imported appendix and plan/ (task, field, imported, plan/)"
    );

    // The imported files are in canonical form and the plan they make checks clean of errors.
    let fmt = tiendo(&plan, &["fmt", "--check"]);
    assert!(
        fmt.status.success(),
        "{}",
        String::from_utf8_lossy(&fmt.stdout)
    );
    let check = tiendo(&plan, &["--as-of", "2024-02-26", "check"]);
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(!report.contains("error"), "{report}");

    // And it is idempotent in the useful sense: a second import refuses, naming the files.
    let again = tiendo(&plan, &["import", table.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("nhiệm vụ `7.4` đã có"), "{err}");
    assert!(
        err.ends_with("chưa ghi gì: 53 vấn đề cần sửa trước\n"),
        "{err}"
    );
}

#[test]
fn titles_are_the_appendix_text_joined_over_page_breaks() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = empty_plan(tmp.path());
    let table = tmp.path().join("appendix.tsv");
    std::fs::write(&table, seed_appendix()).unwrap();
    assert!(
        tiendo(&plan, &["import", table.to_str().unwrap()])
            .status
            .success()
    );
    let text = std::fs::read_to_string(plan.join("tasks/1/1.2.toml")).unwrap();
    // Row 2 of group I runs over a page break: content, lead and deadline continue.
    assert!(text.contains("title = \"Tập trung triển khai các mô hình điểm, giải pháp đẩy mạnh thực hiện Đề án 06 theo Kế hoạch số 373/KH-TCTĐA06"), "{text}");
    assert!(text.contains("deadline = \"Theo lộ trình đề ra tại kế hoạch của từng đơn vị\""));
    assert!(text.contains("status = \"todo\""));
    let loaded = tiendo::load::load(&plan).unwrap();
    let encoded = tiendo::load::load(&root().join("plan")).unwrap();
    // plan/'s titles are the appendix text by the same rules (docs/encoding-notes.md: tags
    // removed, the spaces they leave inside parentheses and before "." dropped, page breaks
    // joined with one space, whitespace collapsed).
    let differ: Vec<&str> = loaded
        .plan
        .tasks
        .iter()
        .filter(|t| encoded.plan.task(&t.id.value).map(|e| &e.title) != Some(&t.title))
        .map(|t| t.id.value.as_str())
        .collect();
    assert_eq!(loaded.plan.tasks.len(), 53);
    assert_eq!(
        differ,
        Vec::<&str>::new(),
        "titles that differ from plan/'s"
    );
}

const UNITS: &str = r#"[[unit]]
id = "ca-tinh"
name = "Công an tỉnh"
kind = "police"

[[unit]]
id = "so-tttt"
name = "Sở Thông tin và Truyền thông"
kind = "department"
"#;

const PLAN: &str = r#"code = "2/KH-TEST"
title = "Kế hoạch thử"
issued = 2024-01-10
issuer = "Chủ tịch UBND tỉnh"
secretariat = "ca-tinh"

[[group]]
id = "1"
title = "Nhóm một"
"#;

fn small_plan(dir: &Path) -> PathBuf {
    let plan = dir.join("plan");
    std::fs::create_dir_all(&plan).unwrap();
    std::fs::write(plan.join("plan.toml"), PLAN).unwrap();
    std::fs::write(plan.join("units.toml"), UNITS).unwrap();
    plan
}

const TABLE: &str = "STT\tNội dung\tChủ trì\tPhối hợp\tThời hạn
I\t<b>Nhóm một: 02 nhiệm vụ</b>\t\t\t
1.\tViệc một\tCông an tỉnh\tSở Thông tin và truyền thông, Sở Xây dựng\tQuý II/2024
2.\tViệc hai\tSở Thong tin va Truyen thong\tSở Xây dựng; Sở Công Thương\tThực hiện thường xuyên
";

#[test]
fn unknown_spellings_are_listed_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = small_plan(tmp.path());
    let table = tmp.path().join("t.tsv");
    std::fs::write(
        &table,
        TABLE.replace("Sở Thong tin va Truyen thong", "Sở Thông tin Truyền thông"),
    )
    .unwrap();
    let out = tiendo(&plan, &["import", table.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    let shown = table.display();
    assert_eq!(
        err,
        format!(
            "{shown}:3: không có đơn vị nào tên `Sở Xây dựng` (dòng 3, 4); thêm tên này vào `aliases` của đơn vị đúng trong units.toml\n\
             {shown}:4: không có đơn vị nào tên `Sở Thông tin Truyền thông` (dòng 4); gần nhất: so-tttt (Sở Thông tin và Truyền thông); nếu đúng là một trong số đó, thêm tên này vào `aliases` của đơn vị ấy trong units.toml\n\
             {shown}:4: không có đơn vị nào tên `Sở Công Thương` (dòng 4); thêm tên này vào `aliases` của đơn vị đúng trong units.toml\n\
             help: nếu đó là đơn vị mới, chạy lại với --allow-new-units để thêm chúng vào units.toml\n\
             chưa ghi gì: 3 vấn đề cần sửa trước\n"
        )
    );
    assert!(!plan.join("tasks").exists());
    assert_eq!(
        std::fs::read_to_string(plan.join("units.toml")).unwrap(),
        UNITS
    );
}

#[test]
fn allow_new_units_adds_them_and_dry_run_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = small_plan(tmp.path());
    let table = tmp.path().join("t.tsv");
    std::fs::write(&table, TABLE).unwrap();

    let dry = tiendo(
        &plan,
        &[
            "import",
            table.to_str().unwrap(),
            "--allow-new-units",
            "--dry-run",
        ],
    );
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    let p = plan.display();
    assert_eq!(
        String::from_utf8_lossy(&dry.stdout),
        format!(
            "{p}/units.toml: thêm đơn vị `so-xay-dung` (Sở Xây dựng), loại `other`\n\
             {p}/units.toml: thêm đơn vị `so-cong-thuong` (Sở Công Thương), loại `other`\n\
             {p}/tasks/1/1.1.toml  Chủ trì: ca-tinh  Phối hợp: so-tttt, so-xay-dung  Thời hạn: Quý II/2024\n\
             {p}/tasks/1/1.2.toml  Chủ trì: so-tttt  Phối hợp: so-xay-dung, so-cong-thuong  Thời hạn: Thực hiện thường xuyên\n\
             sẽ ghi 2 nhiệm vụ và thêm 2 đơn vị (--dry-run: chưa ghi gì)\n"
        )
    );
    assert!(!plan.join("tasks").exists());
    assert_eq!(
        std::fs::read_to_string(plan.join("units.toml")).unwrap(),
        UNITS
    );

    let out = tiendo(
        &plan,
        &[
            "--lang",
            "en",
            "import",
            table.to_str().unwrap(),
            "--allow-new-units",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("imported 2 tasks, added 2 units\n"));
    let units = std::fs::read_to_string(plan.join("units.toml")).unwrap();
    assert!(units.starts_with(UNITS), "existing units kept as they were");
    assert!(units.ends_with(
        "\n[[unit]]\nid = \"so-xay-dung\"\nname = \"Sở Xây dựng\"\nkind = \"other\"\n\n[[unit]]\nid = \"so-cong-thuong\"\nname = \"Sở Công Thương\"\nkind = \"other\"\n"
    ), "{units}");
    assert_eq!(
        std::fs::read_to_string(plan.join("tasks/1/1.2.toml")).unwrap(),
        "id = \"1.2\"\ngroup = \"1\"\ntitle = \"Việc hai\"\nlead = [\"so-tttt\"]\nsupport = [\"so-xay-dung\", \"so-cong-thuong\"]\ndeadline = \"Thực hiện thường xuyên\"\nstatus = \"todo\"\n"
    );
    let check = tiendo(&plan, &["--as-of", "2024-01-10", "check"]);
    assert!(!String::from_utf8_lossy(&check.stdout).contains("error"));
}

#[test]
fn rows_that_cannot_be_placed_and_unknown_groups_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = small_plan(tmp.path());
    let table = tmp.path().join("t.csv");
    // CSV this time, with a quoted cell holding commas.
    std::fs::write(
        &table,
        "\u{feff}STT,Nội dung,Chủ trì,Phối hợp,Thời hạn\r\n\
         1,Trước nhóm,Công an tỉnh,,Năm 2024\r\n\
         I,Nhóm một,,,\r\n\
         1,\"Việc, một\",\"Công an tỉnh, Sở Thông tin và Truyền thông\",,Năm 2024\r\n\
         1,Trùng,Công an tỉnh,,Năm 2024\r\n\
         ghi chú,x,,,\r\n\
         II,Nhóm hai,,,\r\n\
         1,Việc của nhóm hai,,,Năm 2024\r\n",
    )
    .unwrap();
    let out = tiendo(&plan, &["--lang", "en", "import", table.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let t = table.display();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "{t}:2: row STT `1` comes before any group heading (I, II…)\n\
             {t}:6: cannot read the row with STT `ghi chú` (expected a number, a group I, II…, a sub-group (1), (2)…, or empty on a continuation row)\n\
             {t}:5: task `1.1` appears twice (first on line 4)\n\
             {t}:8: no group `2` in plan.toml; the groups are: 1\n\
             {t}:8: task `2.1` has no lead unit\n\
             nothing written: 5 problems to fix first\n"
        )
    );
    assert!(!plan.join("tasks").exists());
}

#[test]
fn a_table_that_is_not_utf8_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = small_plan(tmp.path());
    let table = tmp.path().join("t.csv");
    // "Sở" in Windows-1258.
    std::fs::write(&table, b"STT,N\xd9i dung\r\nI,S\xfd\r\n").unwrap();
    let out = tiendo(&plan, &["import", table.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không phải văn bản UTF-8"));
}
