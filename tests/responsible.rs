//! Who answers for each task (issue 14): one function (`model::responsible`) and every view
//! agrees with it. On the real plan at three days: `units`, `list --lead`, `summary`, the
//! report (sections 3 and its appendix), `export` and JSON give the same answer. On a small
//! fixture (a split unit, a collective with members, a per-task handover, a task done before
//! the handover): the exact output of each view.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::Plan;
use serde_json::Value;

const DAYS: [&str; 3] = ["2024-06-01", "2025-06-01", "2026-11-30"];

fn json(p: &Plan, args: &[&str]) -> Value {
    let out = p.run(args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

/// The real plan, copied (tests that must hold for any state of the plan run on `plan/`).
fn real() -> Plan {
    Plan::real()
}

/// Who answers as lead for each task, read from rows of `list`/`export`/the report's appendix:
/// each named lead, or the units carrying it.
fn answering(rows: &Value) -> BTreeMap<String, BTreeSet<String>> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let mut who = BTreeSet::new();
            for l in t["lead"].as_array().unwrap() {
                let carried = l["carried_by"].as_array().unwrap();
                if carried.is_empty() {
                    who.insert(l["id"].as_str().unwrap().to_string());
                } else {
                    who.extend(carried.iter().map(|c| c.as_str().unwrap().to_string()));
                }
            }
            (t["id"].as_str().unwrap().to_string(), who)
        })
        .collect()
}

fn counts(by: &Value, key: &str) -> BTreeMap<String, u64> {
    by.as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["unit"]["id"].as_str().unwrap().to_string(),
                l["counts"]["total"].as_u64().unwrap(),
            )
        })
        .filter(|(_, n)| *n > 0 || key.is_empty())
        .collect()
}

#[test]
fn every_view_gives_the_same_answer_on_the_real_plan() {
    let p = real();
    for day in DAYS {
        let list = json(&p, &["--as-of", day, "list", "--format", "json"]);
        let who = answering(&list["tasks"]);
        // summary and report section 3 count each task once per unit that answers as lead.
        let mut expected: BTreeMap<String, u64> = BTreeMap::new();
        for units in who.values() {
            for u in units {
                *expected.entry(u.clone()).or_default() += 1;
            }
        }
        let summary = json(&p, &["--as-of", day, "summary", "--format", "json"]);
        assert_eq!(counts(&summary["leads"], "x"), expected, "summary at {day}");
        let month = &day[..7];
        let report = json(
            &p,
            &[
                "--as-of", day, "report", "--month", month, "--format", "json",
            ],
        );
        assert_eq!(
            counts(&report["by_lead"], "x"),
            expected,
            "report §3 at {day}"
        );
        assert_eq!(answering(&report["tasks"]), who, "report appendix at {day}");
        let export = json(&p, &["--as-of", day, "export", "--format", "json"]);
        assert_eq!(answering(&export["tasks"]), who, "export at {day}");
        // units X and list --lead X name the same tasks, for every unit.
        let units = json(&p, &["--as-of", day, "units", "--format", "json"]);
        for u in units["units"].as_array().unwrap() {
            let id = u["id"].as_str().unwrap();
            let led: BTreeSet<&str> = u["leads"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap())
                .collect();
            let listed = json(
                &p,
                &["--as-of", day, "list", "--lead", id, "--format", "json"],
            );
            let listed: BTreeSet<&str> = listed["tasks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["id"].as_str().unwrap())
                .collect();
            assert_eq!(led, listed, "units {id} vs list --lead {id} at {day}");
            // Whoever answers directly is among them.
            for (task, ws) in &who {
                if ws.contains(id) {
                    assert!(
                        led.contains(task.as_str()),
                        "{id} answers for {task} at {day}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_real_plan_as_of_30_11_2026() {
    let p = real();
    let day = "2026-11-30";
    // Sở VH-TT&DL and Sở GD&ĐT answer for no task.
    for unit in ["so-vhttdl", "so-gddt"] {
        let v = json(
            &p,
            &["--as-of", day, "list", "--unit", unit, "--format", "json"],
        );
        assert_eq!(v["tasks"], Value::Array(vec![]), "{unit}");
    }
    // 7.4 is Công an tỉnh's.
    let list = json(&p, &["--as-of", day, "list", "--format", "json"]);
    let who = answering(&list["tasks"]);
    assert_eq!(who["7.4"], BTreeSet::from(["ca-tinh".to_string()]));
    // No finding about ended units (whatever progress the secretariat has recorded since).
    let check = json(&p, &["--as-of", day, "check", "--format", "json"]);
    let about_ended: Vec<&Value> = check["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            matches!(
                p["code"].as_str(),
                Some("unit-split" | "unit-ended" | "progress-by-ended-unit")
            )
        })
        .collect();
    assert!(about_ended.is_empty(), "{about_ended:#?}");
    // Before the reorganisation Sở TT&TT led it.
    let list = json(&p, &["--as-of", "2024-06-01", "list", "--format", "json"]);
    assert_eq!(
        answering(&list["tasks"])["7.4"],
        BTreeSet::from(["so-tttt".to_string()])
    );
}

// ---------------------------------------------------------------------------------------------
// The fixture: so-tttt ends on 01/03/2025, its work split between Sở KH&CN and Sở VH-TT&DL;
// 1.1 has its own handover to Công an tỉnh; 1.2 has none (a split: check's finding); 1.3 was
// done before the handover; 1.4 is led by a collective of three districts, one of which
// reported in June 2024.

fn fixture() -> Plan {
    Plan::fixture("responsible")
}

#[test]
fn units_on_the_fixture() {
    let p = fixture();
    let out = p.run(&["--as-of", "2025-06-01", "units", "so-khcn"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        "\
Sở Khoa học và Công nghệ (so-khcn)
Loại: sở, ngành

┌─────┬────────────┬─────────┬────────────┬──────────────────────────┐
│ Mã  ┆ Nội dung   ┆ Đơn vị  ┆ Hạn        ┆ Tình trạng               │
╞═════╪════════════╪═════════╪════════════╪══════════════════════════╡
│ 1.2 ┆ Hạ tầng số ┆ Chủ trì ┆ 31/12/2025 ┆ Đang thực hiện trong hạn │
└─────┴────────────┴─────────┴────────────┴──────────────────────────┘
"
    );
    // The task done before the handover stays with the unit that did it.
    // Where the rest of its work went.
    let out = p.run(&["--as-of", "2025-06-01", "units", "so-tttt"]);
    assert_eq!(
        out.stdout,
        "\
Sở Thông tin và Truyền thông (so-tttt)
Loại: sở, ngành
Tên khác: Sở TTTT
Chấm dứt: 01/03/2025 → Sở KH&CN, Sở VH-TT&DL
Nhiệm vụ đã chuyển giao (2): 1.1 → CA tỉnh; 1.2 → Sở KH&CN, Sở VH-TT&DL

┌─────┬────────────────────────────────────┬─────────┬────────────┬────────────────────────┐
│ Mã  ┆ Nội dung                           ┆ Đơn vị  ┆ Hạn        ┆ Tình trạng             │
╞═════╪════════════════════════════════════╪═════════╪════════════╪════════════════════════╡
│ 1.3 ┆ Rà soát an toàn thông tin năm 2024 ┆ Chủ trì ┆ 31/12/2024 ┆ Đã hoàn thành đúng hạn │
└─────┴────────────────────────────────────┴─────────┴────────────┴────────────────────────┘
"
    );
}

#[test]
fn list_on_the_fixture() {
    let p = fixture();
    let ids = |args: &[&str]| {
        let v = json(&p, args);
        v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&[
            "--as-of",
            "2025-06-01",
            "list",
            "--lead",
            "ca-tinh",
            "--format",
            "json"
        ]),
        ["1.1"]
    );
    assert_eq!(
        ids(&[
            "--as-of",
            "2024-06-01",
            "list",
            "--lead",
            "ca-tinh",
            "--format",
            "json"
        ]),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(&[
            "--as-of",
            "2025-06-01",
            "list",
            "--lead",
            "so-tttt",
            "--format",
            "json"
        ]),
        ["1.3"]
    );
    // A member finds the tasks of its collective.
    assert_eq!(
        ids(&[
            "--as-of",
            "2024-06-01",
            "list",
            "--lead",
            "ubnd-h-b",
            "--format",
            "json"
        ]),
        ["1.4"]
    );
    let out = p.run(&["--as-of", "2025-06-01", "list", "--lead", "Sở KH&CN"]);
    assert_eq!(
        out.stdout,
        "\
┌─────┬────────────┬──────────────────────────────────┬──────────┬────────────┬──────────────────────────┐
│ Mã  ┆ Nội dung   ┆ Chủ trì                          ┆ Thời hạn ┆ Hạn        ┆ Tình trạng               │
╞═════╪════════════╪══════════════════════════════════╪══════════╪════════════╪══════════════════════════╡
│ 1.2 ┆ Hạ tầng số ┆ Sở TT&TT → Sở KH&CN, Sở VH-TT&DL ┆ Năm 2025 ┆ 31/12/2025 ┆ Đang thực hiện trong hạn │
└─────┴────────────┴──────────────────────────────────┴──────────┴────────────┴──────────────────────────┘
"
    );
}

#[test]
fn summary_on_the_fixture() {
    let p = fixture();
    let out = p.run(&["--as-of", "2025-06-01", "summary", "--format", "json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let rows: Vec<(String, u64)> = v["leads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["unit"]["id"].as_str().unwrap().to_string(),
                l["counts"]["total"].as_u64().unwrap(),
            )
        })
        .collect();
    let s = |x: &str, n| (x.to_string(), n);
    assert_eq!(
        rows,
        [
            s("ca-tinh", 1),
            s("so-tttt", 1),
            s("so-khcn", 1),
            s("so-vhttdl", 1),
            s("so-tai-chinh", 1),
            s("ubnd-cap-huyen", 1),
        ]
    );
}

fn section(report: &str, n: u32) -> String {
    let start = report.find(&format!("## {n}. ")).unwrap();
    let end = report[start..]
        .find(&format!("## {}. ", n + 1))
        .map_or(report.len(), |e| start + e);
    report[start..end].to_string()
}

#[test]
fn report_sections_3_and_6_on_the_fixture() {
    let p = fixture();
    let out = p.run(&["report", "--month", "2024-06", "--by-member"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Sở Tài chính's 1.5 counts as overdue on 14/06/2024: its milestone (Tháng 5/2024, extended
    // only from 20/06) had passed (the one overdue rule, issue 15).
    assert_eq!(
        section(&out.stdout, 3),
        "\
## 3. Theo đơn vị chủ trì

| Đơn vị | Chủ trì | Đã hoàn thành đúng hạn | Đã hoàn thành quá hạn | Đang thực hiện trong hạn | Quá hạn, chưa hoàn thành | Thường xuyên | Theo yêu cầu / theo lộ trình |
| --- | --- | --- | --- | --- | --- | --- | --- |
| Sở TT&TT | 3 | 0 | 0 | 3 | 0 | 0 | 0 |
| Sở Tài chính | 1 | 0 | 0 | 0 | 1 | 0 | 0 |
| UBND cấp huyện (1/3 đơn vị đã báo cáo trong kỳ) | 1 | 0 | 0 | 1 | 0 | 0 | 0 |
| ↳ UBND huyện A (đã báo cáo) | 1 | 0 | 0 | 1 | 0 | 0 | 0 |
| ↳ UBND huyện B (chưa báo cáo) | 1 | 0 | 0 | 1 | 0 | 0 | 0 |
| ↳ UBND huyện C (chưa báo cáo) | 1 | 0 | 0 | 1 | 0 | 0 | 0 |

"
    );
    assert_eq!(
        section(&out.stdout, 6),
        "\
## 6. Đơn vị chưa báo cáo

Đơn vị chủ trì có nhiệm vụ đang thực hiện, thường xuyên hoặc đã đến hạn mà chưa có báo cáo tiến độ trong kỳ.

| Đơn vị | Tổng | Nhiệm vụ chưa có báo cáo |
| --- | --- | --- |
| Sở TT&TT | 3 | 1.1, 1.2, 1.3 |
| Sở Tài chính | 1 | 1.5 |
| UBND huyện B | 1 | 1.4 |
| UBND huyện C | 1 | 1.4 |

"
    );
    // A year later: the handover and the split apply to open work only.
    let out = p.run(&["report", "--month", "2025-06"]);
    assert_eq!(
        section(&out.stdout, 6),
        "\
## 6. Đơn vị chưa báo cáo

Đơn vị chủ trì có nhiệm vụ đang thực hiện, thường xuyên hoặc đã đến hạn mà chưa có báo cáo tiến độ trong kỳ.

| Đơn vị | Tổng | Nhiệm vụ chưa có báo cáo |
| --- | --- | --- |
| CA tỉnh | 1 | 1.1 |
| Sở KH&CN | 1 | 1.2 |
| Sở VH-TT&DL | 1 | 1.2 |
| Sở Tài chính | 1 | 1.5 |
| UBND huyện A | 1 | 1.4 |
| UBND huyện B | 1 | 1.4 |
| UBND huyện C | 1 | 1.4 |

"
    );
}

#[test]
fn update_by_on_the_fixture() {
    let p = fixture();
    // A member reports for itself.
    let out = p.run(&[
        "--as-of",
        "2024-06-20",
        "update",
        "1.4",
        "--by",
        "UBND huyện B",
        "--note",
        "Đã ban hành",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "đã ghi `plan/tasks/1/1.4.toml`\n");
    // A unit that had ended cannot report; the message names who carries the task then.
    let out = p.run(&[
        "--as-of",
        "2025-06-14",
        "update",
        "1.2",
        "--by",
        "so-tttt",
        "--note",
        "x",
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "\
không ghi `plan/tasks/1/1.2.toml`: sau khi sửa, nhiệm vụ sẽ có 1 lỗi mới:
plan/tasks/1/1.2.toml:10:6: lỗi: báo cáo 1: báo cáo của Sở TT&TT, đơn vị đã chấm dứt hoạt động từ 01/03/2025
  gợi ý: vào ngày đó nhiệm vụ do Sở KH&CN, Sở VH-TT&DL đảm nhận
"
    );
    let out = p.run(&[
        "--as-of",
        "2025-06-14",
        "update",
        "1.1",
        "--by",
        "so-tttt",
        "--note",
        "x",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("gợi ý: vào ngày đó nhiệm vụ do CA tỉnh đảm nhận"),
        "{}",
        out.stderr
    );
    // A prefix never picks a unit.
    let out = p.run(&[
        "--as-of",
        "2025-06-14",
        "update",
        "1.1",
        "--by",
        "so ttt",
        "--note",
        "x",
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "tiendo: lỗi: không có đơn vị `so ttt`; có phải ý bạn là: so-tttt (Sở Thông tin và Truyền thông)?\n"
    );
}

#[test]
fn check_on_the_fixture_names_the_split_and_can_acknowledge_it() {
    let p = fixture();
    let out = p.run(&["--as-of", "2026-11-30", "check", "--strict"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        "\
plan/tasks/1/1.2.toml:4:9: cảnh báo: Sở TT&TT chấm dứt từ 01/03/2025, công việc chia cho nhiều đơn vị; nhiệm vụ chưa ghi đơn vị tiếp nhận
  gợi ý: thêm [[amendment]] với from, to, basis; ứng viên: Sở KH&CN; Sở VH-TT&DL
0 lỗi, 1 cảnh báo trong 1/7 tệp
"
    );
    p.append(
        "plan/plan.toml",
        "\n[[acknowledge]]\nrule = \"unit-split\"\nunit = \"so-tttt\"\ntasks = [\"1.2\"]\nreason = \"Chờ văn bản phân công của tỉnh\"\n",
    );
    let out = p.run(&["--as-of", "2026-11-30", "check", "--strict"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(
        out.stdout,
        "\
1 cảnh báo đã được ghi nhận trong plan.toml ([[acknowledge]]); `--verbose` để xem
0 lỗi, 0 cảnh báo trong 0/7 tệp
"
    );
}
