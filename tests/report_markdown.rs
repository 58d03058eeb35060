//! The monthly report as a Markdown document: parsed with a real Markdown parser, every
//! table keeps its shape, sections come in order, no line ends in a space, the output is
//! byte-identical across runs (these on `plan/`, whatever progress it holds), and the July 2024
//! overdue list of the plan as issued is right (on the frozen copy).

use std::path::Path;
use std::process::Command;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn report(plan: &Path, month: &str, extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tiendo"))
        .arg("--plan")
        .arg(plan)
        .args(["report", "--month", month])
        .args(extra)
        // No history: git may not climb to this repository (an inherited GIT_DIR is ignored).
        .env("GIT_CEILING_DIRECTORIES", env!("CARGO_MANIFEST_DIR"))
        .env_remove("TIENDO_LANG")
        .output()
        .expect("tiendo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn real_plan() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plan")
}

/// `plan/` as it stood before any progress was recorded: for assertions about a state.
fn frozen_plan() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frozen-plan")
}

/// (header cells, row cell counts) of every table, as a Markdown parser sees them.
fn tables(md: &str) -> Vec<(usize, Vec<usize>)> {
    let mut out = vec![];
    let mut cells = 0;
    let mut header = 0;
    let mut rows = vec![];
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Table(_)) => rows.clear(),
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead) => header = cells,
            Event::End(TagEnd::TableRow) => rows.push(cells),
            Event::End(TagEnd::Table) => out.push((header, rows.clone())),
            _ => {}
        }
    }
    out
}

fn headings(md: &str) -> Vec<String> {
    let mut out = vec![];
    let mut inside = false;
    let mut text = String::new();
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Heading {
                level: pulldown_cmark::HeadingLevel::H2,
                ..
            }) => {
                inside = true;
                text.clear();
            }
            Event::Text(t) if inside => text.push_str(&t),
            Event::End(TagEnd::Heading(_)) if inside => {
                inside = false;
                out.push(text.clone());
            }
            _ => {}
        }
    }
    out
}

#[test]
fn real_plan_report_is_well_formed_markdown() {
    let md = report(&real_plan(), "2024-07", &[]);
    let tables = tables(&md);
    assert!(
        tables.len() >= 6,
        "overview, groups, leads, overdue, not reported, indicators, appendix: {}",
        tables.len()
    );
    for (header, rows) in &tables {
        assert!(*header >= 3);
        assert!(
            rows.iter().all(|r| r == header),
            "a row does not match its header: {header} vs {rows:?}"
        );
    }
    // The appendix has one row per task.
    let tasks = tiendo::load::load(&real_plan()).unwrap().plan.tasks.len();
    assert!(tasks >= 63);
    assert_eq!(tables.last().unwrap().1.len(), tasks);
    let numbers: Vec<String> = headings(&md)
        .iter()
        .map(|h| h.split('.').next().unwrap().to_string())
        .collect();
    assert_eq!(
        numbers,
        [
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"
        ]
    );
    for (i, line) in md.lines().enumerate() {
        assert!(
            !line.ends_with(' ') && !line.ends_with('\t'),
            "trailing space on line {}: {line:?}",
            i + 1
        );
    }
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
}

#[test]
fn report_is_byte_identical_across_runs() {
    assert_eq!(
        report(&real_plan(), "2024-09", &[]),
        report(&real_plan(), "2024-09", &[])
    );
}

#[test]
fn july_2024_overdue_list_as_of_the_window_end() {
    let md = report(&frozen_plan(), "2024-07", &[]);
    assert!(md.contains("- **Thời gian báo cáo:** 15/06/2024 – 14/07/2024"));
    let section = md
        .split("## 4. ")
        .nth(1)
        .unwrap()
        .split("\n## 5. ")
        .next()
        .unwrap();
    let ids: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Mã") && !l.starts_with("| ---"))
        .map(|l| l.split(" | ").next().unwrap().trim_start_matches("| "))
        .collect();
    // As of 14/07/2024: 2.2 (due 04/03), the March budget tasks, TT.3 (May), 7.4's first
    // milestone (29/06), then the June deadlines; worst first.
    assert_eq!(
        ids,
        [
            "2.2",
            "TT.10",
            "1.1",
            "8.1",
            "TT.3",
            "7.4 (mốc 1)",
            "TT.4",
            "TT.6",
            "8.3"
        ]
    );
    assert!(section.contains("| 2.2 | Ban hành Kế hoạch triển khai Đề án 06 năm 2024 | Các sở, ban, ngành; UBND cấp huyện | Hoàn thành trước ngày 05/3/2024 | 04/03/2024 | 132 |"));
}

#[test]
fn english_report_has_the_same_shape() {
    let vi = report(&frozen_plan(), "2024-07", &[]);
    let en = report(&frozen_plan(), "2024-07", &["--lang", "en"]);
    let shape = |md: &str| {
        tables(md)
            .iter()
            .map(|(h, r)| (*h, r.len()))
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&vi), shape(&en));
    assert!(en.contains("## 4. Overdue"));
}

#[test]
fn markdown_breaking_text_stays_inside_its_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = tmp.path().join("plan");
    std::fs::create_dir_all(plan.join("tasks/1")).unwrap();
    std::fs::write(
        plan.join("plan.toml"),
        "code = \"X\"\ntitle = \"T\"\nissued = 2024-01-01\nissuer = \"I\"\nsecretariat = \"a\"\n\n[[group]]\nid = \"1\"\ntitle = \"G\"\n",
    )
    .unwrap();
    std::fs::write(
        plan.join("units.toml"),
        "[[unit]]\nid = \"a\"\nname = \"A | B <b>\"\nkind = \"agency\"\n",
    )
    .unwrap();
    std::fs::write(
        plan.join("tasks/1/1.1.toml"),
        "id = \"1.1\"\ngroup = \"1\"\ntitle = \"Có | ống <script>alert(1)</script> `mã` **đậm**\\ndòng hai\"\nlead = [\"a\"]\ndeadline = \"Tháng 5/2024\"\nstatus = \"todo\"\nnotes = [\"a | b\"]\n\n[[progress]]\ndate = 2024-06-01\nby = \"a\"\nnote = \"x | y\\n# không phải tiêu đề\"\n",
    )
    .unwrap();
    let md = report(&plan, "2024-06", &[]);
    assert!(!md.contains("<script>"), "{md}");
    for (header, rows) in tables(&md) {
        assert!(rows.iter().all(|r| *r == header), "{md}");
    }
    let html_events = Parser::new_ext(&md, Options::ENABLE_TABLES)
        .filter(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        .filter(|e| !matches!(e, Event::Html(h) if h.starts_with("<!--")))
        .filter(|e| !matches!(e, Event::InlineHtml(h) if h.as_ref() == "<br>"))
        .count();
    assert_eq!(
        html_events, 0,
        "only the generated-by comment and <br> line breaks are HTML: {md}"
    );
    assert_eq!(headings(&md).len(), 14, "a note cannot open a heading");
}
