//! `tiendo export` end to end on the frozen copy of `plan/` (`tests/fixtures/frozen-plan/`: the
//! fixed rows and standings below are a state of the plan), through the built binary.
//!
//! ICS: read back with the `icalendar` crate's parser; one event per dated task and milestone;
//! UIDs unique and the same on every run (the whole output byte-identical); every physical line
//! at most 75 octets and valid UTF-8 on its own (folding never splits a character); all-day
//! dates; the lead shown with its successors once it has ended; `--lead` keeps a unit's own
//! deadlines. CSV: BOM, milestone rows, a title starting with `=HYPERLINK(` neutralised.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, EventLike};
use tiendo::summary::{Horizon, judge_all};

fn plan_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frozen-plan")
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

fn stdout(plan: &Path, args: &[&str]) -> String {
    let out = tiendo(plan, args);
    assert!(
        out.status.success(),
        "tiendo {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn events(ics: &str) -> Vec<icalendar::Event> {
    let cal: Calendar = ics.parse().expect("the ICS parses");
    cal.components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn date(d: Option<DatePerhapsTime>) -> chrono::NaiveDate {
    match d {
        Some(DatePerhapsTime::Date(d)) => d,
        other => panic!("expected an all-day date, got {other:?}"),
    }
}

#[test]
fn ics_has_one_event_per_dated_task_and_milestone() {
    let as_of = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
    let ics = stdout(
        &plan_dir(),
        &["--as-of", "2024-07-01", "export", "--format", "ics"],
    );

    let loaded = tiendo::load::load(&plan_dir()).unwrap();
    let plan = &loaded.plan;
    let judged = judge_all(plan, Horizon::new(plan, as_of));
    let dated = judged.iter().filter(|j| j.standing.due.is_some()).count()
        + judged
            .iter()
            .flat_map(|j| &j.milestones)
            .filter(|m| m.standing.due.is_some())
            .count();
    assert!(dated > 20, "the plan has many dated tasks ({dated})");

    let evs = events(&ics);
    assert_eq!(evs.len(), dated);

    let mut uids: Vec<&str> = evs.iter().map(|e| e.get_uid().unwrap()).collect();
    assert!(
        uids.iter()
            .all(|u| u.starts_with("594-kh-tctda06-") && u.ends_with("@tiendo"))
    );
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), evs.len(), "UIDs are unique");

    // 7.4 and its two milestones, in plan order, all-day.
    let find = |uid: &str| {
        evs.iter()
            .find(|e| e.get_uid() == Some(uid))
            .unwrap_or_else(|| panic!("no event {uid}"))
    };
    let t = find("594-kh-tctda06-7.4@tiendo");
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(date(t.get_start()), d("2024-11-29"));
    assert_eq!(date(t.get_end()), d("2024-11-30"));
    assert!(
        t.get_summary()
            .unwrap()
            .starts_with("7.4 Triển khai nhiệm vụ")
    );
    let desc = t.get_description().unwrap();
    assert!(desc.contains("Chủ trì: Sở TT&TT\n"), "{desc}");
    assert!(
        desc.contains("Thời hạn: Hoàn thành trước 30/11/2024"),
        "{desc}"
    );
    // One rule for overdue: 7.4's own date is ahead, but its first milestone has passed.
    assert_eq!(
        t.get_categories().unwrap(),
        vec!["Quá hạn, chưa hoàn thành".to_string()]
    );
    let m1 = find("594-kh-tctda06-7.4-m1@tiendo");
    assert_eq!(date(m1.get_start()), d("2024-06-29"));
    assert!(
        m1.get_summary()
            .unwrap()
            .starts_with("7.4 (mốc 1) Phê duyệt")
    );
    let pos = |uid: &str| evs.iter().position(|e| e.get_uid() == Some(uid)).unwrap();
    // Plan order, not date order: 8.1 (Tháng 3/2024) comes after 7.4's milestones.
    assert!(pos("594-kh-tctda06-5.4@tiendo") < pos("594-kh-tctda06-7.4@tiendo"));
    assert_eq!(
        pos("594-kh-tctda06-7.4-m2@tiendo") + 1,
        pos("594-kh-tctda06-8.1@tiendo")
    );
    assert_eq!(
        pos("594-kh-tctda06-7.4@tiendo") + 1,
        pos("594-kh-tctda06-7.4-m1@tiendo")
    );
    assert_eq!(
        pos("594-kh-tctda06-7.4-m1@tiendo") + 1,
        pos("594-kh-tctda06-7.4-m2@tiendo")
    );
}

#[test]
fn ics_is_byte_identical_across_runs_and_folded_on_character_boundaries() {
    let args = ["--as-of", "2024-07-01", "export"];
    let a = tiendo(&plan_dir(), &args).stdout;
    let b = tiendo(&plan_dir(), &args).stdout;
    assert!(!a.is_empty());
    assert_eq!(a, b, "same inputs, same bytes (no clock, no random UIDs)");
    let text = String::from_utf8(a.clone()).unwrap();
    assert!(text.contains("DTSTAMP:20240701T000000Z\r\n"));

    assert!(a.ends_with(b"\r\n"), "lines end in CRLF");
    let body = &a[..a.len() - 1];
    let mut folded = 0;
    let mut multibyte_near_limit = 0;
    for line in body.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").expect("every line ends in CRLF");
        assert!(line.len() <= 75, "line of {} octets", line.len());
        let s = std::str::from_utf8(line).expect("a fold split a UTF-8 character");
        if s.starts_with(' ') {
            folded += 1;
        }
        if line.len() >= 70 && s.chars().count() < line.len() {
            multibyte_near_limit += 1;
        }
    }
    assert!(folded > 100, "long Vietnamese lines are folded ({folded})");
    assert!(multibyte_near_limit > 50, "the check above saw real cases");
}

#[test]
fn ics_lead_filter_and_successors() {
    // Sở TT&TT ended on 2025-03-01; as of then its tasks are led by who took each over, and
    // `--lead` with a successor finds them.
    let ics = stdout(
        &plan_dir(),
        &["--as-of", "2025-03-15", "export", "--lead", "so-khcn"],
    );
    let evs = events(&ics);
    assert!(!evs.is_empty());
    assert!(ics.contains("NAME:594/KH-TCTDA06 – Sở KH&CN\r\n"));
    let loaded = tiendo::load::load(&plan_dir()).unwrap();
    for e in &evs {
        let uid = e.get_uid().unwrap();
        let id = uid
            .strip_prefix("594-kh-tctda06-")
            .and_then(|u| u.strip_suffix("@tiendo"))
            .unwrap();
        let id = id.split("-m").next().unwrap();
        let task = loaded.plan.task(id).unwrap();
        // Led by Sở TT&TT (carried by Sở KH&CN), or by a collective Sở KH&CN is a member of.
        let member_of = |l: &str| {
            loaded
                .plan
                .units
                .get(l)
                .is_some_and(|u| u.members.iter().any(|m| m.value == "so-khcn"))
        };
        assert!(
            task.lead_ids().any(|l| l == "so-tttt" || member_of(l)),
            "{id} is not led by Sở TT&TT nor by a collective of Sở KH&CN"
        );
    }
    // The frozen plan has no per-task handovers: 7.4 is carried by the registry's successors.
    let t = evs
        .iter()
        .find(|e| e.get_uid() == Some("594-kh-tctda06-7.4@tiendo"))
        .unwrap();
    assert!(
        t.get_description()
            .unwrap()
            .contains("Chủ trì: Sở TT&TT → Sở KH&CN, Sở VH-TT&DL\n")
    );

    let en = stdout(
        &plan_dir(),
        &[
            "--lang",
            "en",
            "--as-of",
            "2024-07-01",
            "export",
            "--lead",
            "so-tttt",
        ],
    );
    assert!(en.contains("PRODID:-//tiendo//tiendo//EN\r\n"));
    assert!(
        events(&en).len()
            < events(&stdout(&plan_dir(), &["--as-of", "2024-07-01", "export"])).len()
    );
}

fn copy_plan(to: &Path) {
    for e in walkdir::WalkDir::new(plan_dir()) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(plan_dir()).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

#[test]
fn csv_has_bom_milestone_rows_and_guards_formulas() {
    let tmp = tempfile::tempdir().unwrap();
    copy_plan(tmp.path());
    let task = tmp.path().join("tasks/7/7.1.toml");
    let text = std::fs::read_to_string(&task).unwrap();
    let title_line = text.lines().find(|l| l.starts_with("title = ")).unwrap();
    let text = text.replace(
        title_line,
        r#"title = "=HYPERLINK(\"http://evil.example\",\"bấm vào đây\")""#,
    );
    std::fs::write(&task, text).unwrap();

    let out = stdout(
        tmp.path(),
        &[
            "--as-of",
            "2024-07-01",
            "export",
            "--format",
            "csv",
            "--group",
            "7",
        ],
    );
    // For people: Vietnamese headers and standing words, dates as dd/mm/yyyy, milestones in
    // the note column; machines read `--format json`.
    assert!(out.starts_with("\u{feff}STT,Mã,Nhóm,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành,Hạn (ngày),Tình trạng,Ngày hoàn thành,Số ngày chậm,Kết quả thực hiện,Đánh giá,Ghi chú\r\n"), "{out}");
    assert!(
        out.contains(
            "\r\n1,7.1,7,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"bấm vào đây\"\")\","
        ),
        "{out}"
    );
    let ids: Vec<&str> = out
        .lines()
        .skip(1)
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(ids, ["7.1", "7.2", "7.3", "7.4"]);
    assert!(out.contains(",Hoàn thành trước 30/11/2024,29/11/2024,\"Quá hạn, chưa hoàn thành\",,2,Chưa có báo cáo,Quá hạn 2 ngày,\"Mốc 1 (trước ngày 30/6/2024): Quá hạn 2 ngày\nMốc 2 (trước ngày 30/11/2024): Đang thực hiện trong hạn\"\r\n"), "{out}");
}

#[test]
fn json_and_output_file() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("deadlines.json");
    let out = tiendo(
        &plan_dir(),
        &[
            "--as-of",
            "2024-07-01",
            "export",
            "--format",
            "json",
            "--lead",
            "Sở Tài chính",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("đã ghi"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(v["plan"], "594/KH-TCTDA06");
    let tasks = v["tasks"].as_array().unwrap();
    assert!(!tasks.is_empty());
    // Led by Sở Tài chính, by a unit it carries (Sở KH&ĐT), or by a collective it belongs to.
    let ok = ["so-tai-chinh", "so-khdt", "cac-so-ban-nganh"];
    for t in tasks {
        assert!(
            t["lead"]
                .as_array()
                .unwrap()
                .iter()
                .any(|u| ok.contains(&u["id"].as_str().unwrap())),
            "{}",
            t["id"]
        );
        assert!(t["milestones"].is_array(), "full task shape");
    }
}

#[test]
fn unknown_lead_is_refused_with_the_nearest_units() {
    let out = tiendo(&plan_dir(), &["export", "--lead", "so-tttx"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("so-tttt"), "{err}");
    assert!(out.stdout.is_empty());
}
