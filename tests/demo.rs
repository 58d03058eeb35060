//! `scripts/demo.sh` end to end: it builds a repository with a fictional year of progress made
//! by `tiendo update --commit`, and the reports run on it say what that year implies. Set
//! `TIENDO_DEMO_KEEP=1` to keep the repository (its path is printed on failure and at the end
//! of the script's output).

use std::path::Path;
use std::process::{Command, Output};

fn tiendo(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiendo"))
        .current_dir(dir)
        .args(args)
        .env_remove("TIENDO_PLAN")
        .env("TIENDO_LANG", "vi")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_SYSTEM", "/dev/null")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn standing(report: &serde_json::Value, id: &str) -> String {
    report["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .map(|t| t["standing"]["category"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn demo_plays_a_year_and_the_reports_tell_it() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = tmp.path().join("demo");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/demo.sh");
    let o = Command::new("bash")
        .arg(&script)
        .env("TIENDO", env!("CARGO_BIN_EXE_tiendo"))
        .env("DEMO_DIR", &demo)
        .output()
        .unwrap();
    let out = stdout(&o);
    if std::env::var_os("TIENDO_DEMO_KEEP").is_some() {
        let _ = tmp.keep();
    }
    assert!(
        o.status.success(),
        "demo.sh failed in {}: {}",
        demo.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.contains("===== $ tiendo report --month 2024-06 ====="));
    assert!(out.contains("DỮ LIỆU MINH HỌA — hư cấu"));
    // The documents that leave the office: the July report as Word and Excel, one letter.
    for (file, part, text) in [
        (
            "2024-07.docx",
            "word/document.xml",
            "Kết quả thực hiện Kế hoạch số 594/KH-TCTDA06 tháng 7/2024",
        ),
        ("2024-07.docx", "word/document.xml", "UBND TỈNH TÂY NINH"),
        ("2024-07-so-tttt.docx", "word/document.xml", "Kính gửi: "),
        ("theo-doi-2024-07.xlsx", "xl/workbook.xml", "Quá hạn"),
    ] {
        let path = demo.join("van-ban").join(file);
        let mut z = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut z.by_name(part).unwrap(), &mut xml).unwrap();
        assert!(xml.contains(text), "{file}: no `{text}`");
    }

    // The history: one commit for the plan, then dated commits made by `update --commit`.
    let log = Command::new("git")
        .current_dir(&demo)
        .args(["log", "--format=%cs %s", "main"])
        .output()
        .unwrap();
    let log = stdout(&log);
    assert_eq!(log.lines().count(), 39, "{log}");
    assert!(log.ends_with("2024-02-26 Kế hoạch 594/KH-TCTDA06: bản gốc được mã hóa\n"));
    assert!(
        log.contains("2024-06-12 7.4: Sở TT&TT báo cáo tiến độ 12/06/2024\n"),
        "{log}"
    );
    assert!(log.contains(
        "2024-05-13 1.1: Sở Tài chính báo cáo tiến độ 10/05/2024; hoàn thành 10/05/2024\n"
    ));

    // July 2024: 8.3's unit stayed silent past its deadline; TT.4 and 1.1 came in late; TT.3
    // on time; TT.6 is not overdue because its deadline was moved.
    let july = tiendo(&demo, &["report", "--month", "2024-07", "--format", "json"]);
    assert!(
        july.status.success(),
        "{}",
        String::from_utf8_lossy(&july.stderr)
    );
    let july: serde_json::Value = serde_json::from_slice(&july.stdout).unwrap();
    let overdue: Vec<&str> = july["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["task"].as_str().unwrap())
        .collect();
    assert_eq!(overdue, ["8.3"]);
    assert_eq!(standing(&july, "TT.4"), "done_late");
    assert_eq!(standing(&july, "1.1"), "done_late");
    assert_eq!(standing(&july, "TT.3"), "done_on_time");
    assert_eq!(standing(&july, "TT.6"), "in_progress");

    // June 2024 in Markdown: 7.4's figure is reported, nothing is overdue yet.
    let june = stdout(&tiendo(&demo, &["report", "--month", "2024-06"]));
    assert!(
        june.contains(
            "| 7.4 | he-thong-duoc-phe-duyet-cap-do | 100% | 93,3% | 12/06/2024 | Chưa đạt |"
        ),
        "{june}"
    );
    assert!(june.contains("Không có nhiệm vụ quá hạn."), "{june}");

    // January 2025: 4.4 (nobody reported) is overdue; 7.4 and its milestones are done.
    let jan = tiendo(&demo, &["report", "--month", "2025-01", "--format", "json"]);
    let jan: serde_json::Value = serde_json::from_slice(&jan.stdout).unwrap();
    assert_eq!(standing(&jan, "4.4"), "overdue");
    assert_eq!(standing(&jan, "7.4"), "done_on_time");
    assert_eq!(standing(&jan, "5.5"), "done_on_time");
    assert!(!jan["overdue"].to_string().contains("\"7.4\""));

    // The extension of TT.6 and the reassignment of 5.5 are dated amendments (issue 15): the
    // June report (judged on 14/06/2024) shows what was in force then, the July report the
    // extension with its basis, in section 9 and beside the deadline in the appendix.
    let t6 = stdout(&tiendo(&demo, &["log", "TT.6"]));
    assert!(t6.contains("TT.6: điều chỉnh từ 20/06/2024"), "{t6}");
    let june = stdout(&tiendo(&demo, &["report", "--month", "2024-06"]));
    assert!(
        june.contains("| Hoàn thành trước 01/7/2024 | 30/06/2024 | Đang thực hiện trong hạn |"),
        "{june}"
    );
    let july = stdout(&tiendo(&demo, &["report", "--month", "2024-07"]));
    assert!(july.contains("- **TT.6**\n  - 20/06/2024: thời hạn \"Hoàn thành trước 01/7/2024\" → \"Hoàn thành trước 01/10/2024\" (hạn 30/06/2024 → 30/09/2024), theo Công văn số 1234/UBND-KT ngày 18/6/2024 (minh họa — hư cấu)\n"), "{july}");
    assert!(
        july.contains("| Hoàn thành trước 01/10/2024 (điều chỉnh 20/06/2024: thời hạn"),
        "{july}"
    );
    let aug = stdout(&tiendo(&demo, &["report", "--month", "2024-08"]));
    assert!(aug.contains("  - 01/08/2024: chủ trì: Sở TT&TT → CA tỉnh, theo Quyết định số 56/QĐ-UBND ngày 31/7/2024 (minh họa — hư cấu)\n"), "{aug}");
    assert!(out.contains("! 8.3: đổi đơn vị chủ trì"), "{out}");
    assert!(out.contains("! 4.4: thời hạn bị lùi"), "{out}");
    // The plan as the demo left it is valid and in canonical form.
    let check = tiendo(&demo, &["--as-of", "2025-02-28", "check"]);
    assert!(check.status.success(), "{}", stdout(&check));
    let fmt = tiendo(&demo, &["fmt", "--check"]);
    assert!(fmt.status.success(), "{}", stdout(&fmt));
}
