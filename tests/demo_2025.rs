//! `scripts/demo-2025.sh` end to end: past the end of 2024 on the fictional demo history, plan
//! 594 closed, a fictional 2025 plan, the unfinished work carried over, the 2025 handovers
//! applied; the January and April 2025 reports and `units so-khcn` printed.

use std::path::Path;
use std::process::Command;

fn tiendo(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tiendo"))
        .current_dir(dir)
        .args(args)
        .env_remove("TIENDO_PLAN")
        .env_remove("TIENDO_LANG")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn demo_2025_closes_the_year_and_carries_the_work_over() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = tmp.path().join("demo");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/demo-2025.sh");
    let out = Command::new("bash")
        .arg(&script)
        .env("TIENDO", env!("CARGO_BIN_EXE_tiendo"))
        .env("DEMO_DIR", &demo)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "demo-2025.sh failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for heading in [
        "== tiendo plans --as-of 2025-04-14\n",
        "== tiendo --in kh2025 report --month 2025-01\n",
        "== tiendo --in kh2025 report --month 2025-04\n",
        "== tiendo --as-of 2025-04-14 units so-khcn\n",
    ] {
        assert!(stdout.contains(heading), "{heading}");
    }
    assert!(
        stdout.contains("# Báo cáo tiến độ thực hiện kế hoạch 01/KH-TCTDA06 (hư cấu) — 01/2025")
    );
    assert!(
        stdout.contains("# Báo cáo tiến độ thực hiện kế hoạch 01/KH-TCTDA06 (hư cấu) — 04/2025")
    );
    assert!(stdout.contains("== kh2025 · Kế hoạch 01/KH-TCTDA06 (hư cấu) =="));
    // Plan 594 closed, its unfinished work carried over and linked; nothing dropped.
    let (code, plans) = tiendo(
        &demo,
        &["--as-of", "2025-04-14", "plans", "--format", "json"],
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&plans).unwrap();
    let old = &v["plans"][1];
    assert_eq!(old["name"], "kh594");
    assert_eq!(old["state"], "closed");
    let carried = old["carried_over"].as_u64().unwrap();
    assert!(carried > 40, "{plans}");
    assert_eq!(old["counts"]["dropped"], 0);
    assert_eq!(v["plans"][0]["tasks"].as_u64().unwrap(), carried + 1);
    // The network-security task 7.1 continues with Công an tỉnh from 01/03/2025.
    let (_, show) = tiendo(&demo, &["--as-of", "2025-04-14", "show", "kh594:7.1"]);
    let link = show
        .lines()
        .last()
        .and_then(|l| l.split(": ").nth(1))
        .and_then(|l| l.split(' ').next())
        .unwrap()
        .to_string();
    assert!(link.starts_with("kh2025:1."), "{show}");
    let (_, new) = tiendo(
        &demo,
        &["--as-of", "2025-04-14", "show", &link, "--format", "json"],
    );
    let t: serde_json::Value = serde_json::from_str(&new).unwrap();
    assert_eq!(t["lead"][0]["id"], "ca-tinh", "{new}");
    // The workspace checks clean of errors.
    assert_eq!(tiendo(&demo, &["--as-of", "2025-04-14", "check"]).0, 0);
}
