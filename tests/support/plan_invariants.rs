//! Checks that hold for any state of the plan (the secretariat records progress in `plan/`):
//! 63 tasks in the declared groups, clean as issued, the 2025 reorganisation seen, every unit
//! spelling of the seed resolving. `tests/plan_data.rs` runs them on `plan/`; `tests/guide.rs`
//! runs them again after walking `docs/huong-dan.md` on a temporary clone.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use tiendo::model::deadline::fold;

fn load(dir: &Path) -> tiendo::load::Loaded {
    tiendo::load::load(dir).unwrap_or_else(|e| panic!("{} loads: {e}", dir.display()))
}

/// The 63 tasks the plan declared (tasks added since by an amendment, `tiendo new` beyond a
/// declared count, are outside it).
pub fn has_63_tasks_in_the_declared_groups(dir: &Path) {
    let loaded = load(dir);
    let p = &loaded.plan;
    let declared: Vec<_> = p.tasks.iter().filter(|t| !t.is_added()).collect();
    assert_eq!(declared.len(), 63);
    let mut per_group: BTreeMap<&str, u32> = BTreeMap::new();
    for t in &declared {
        for g in p.meta.ancestry(&t.group.value) {
            *per_group.entry(g).or_default() += 1;
        }
    }
    let expected = [
        ("TT", 10),
        ("1", 2),
        ("2", 4),
        ("3", 2),
        ("4", 4),
        ("5", 5),
        ("6", 4),
        ("7", 4),
        ("8", 3),
        ("9", 24),
        ("9.1", 13),
        ("9.2", 4),
        ("9.3", 3),
        ("9.4", 2),
        ("9.5", 2),
        ("10", 1),
    ];
    for (g, n) in expected {
        assert_eq!(per_group.get(g).copied(), Some(n), "group {g}");
        assert_eq!(
            p.meta.group(g).and_then(|g| g.declared),
            Some(n),
            "declared count of {g}"
        );
    }
    let group_tasks = declared.iter().filter(|t| t.group.value != "TT").count();
    assert_eq!(group_tasks, 53);
}

/// `check --as-issued`: as of the issue date, the progress recorded since left out.
pub fn is_clean_when_issued(dir: &Path) {
    let loaded = load(dir);
    let issued = NaiveDate::from_ymd_opt(2024, 2, 26).unwrap();
    assert_eq!(loaded.plan.meta.issued, Some(issued));
    let mut problems = loaded.problems.clone();
    let mut input = tiendo::check::Input::new(&loaded, issued);
    input.later_records_allowed = true;
    problems.extend(tiendo::check::run(&input));
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The 2025 reorganisation is recorded: as of 30/11/2026 no finding about ended units remains
/// (`unit-split`, `progress-by-ended-unit`), and every task of a unit that ended in 2025 has its
/// own handover with a basis and a source note (issue 14).
pub fn no_reorganisation_finding_remains_as_of_30_11_2026(dir: &Path) {
    let loaded = load(dir);
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let problems = tiendo::check::run(&tiendo::check::Input::new(&loaded, as_of));
    let about_ended: Vec<_> = problems
        .iter()
        .filter(|p| {
            matches!(
                p.code(),
                "unit-split" | "unit-ended" | "progress-by-ended-unit"
            )
        })
        .collect();
    assert!(about_ended.is_empty(), "{about_ended:#?}");
    for t in &loaded.plan.tasks {
        for r in t.lead.iter().chain(&t.support) {
            let ended = loaded.plan.units.get(&r.value).and_then(|u| u.ended);
            if ended.is_some_and(|e| e.format("%Y").to_string() == "2025") {
                let a = t
                    .amendments
                    .iter()
                    .find(|a| a.from.as_ref().is_some_and(|f| f.value == r.value))
                    .unwrap_or_else(|| panic!("{}: no handover for {}", t.id.value, r.value));
                assert!(a.basis.as_ref().is_some_and(|b| !b.value.is_empty()));
                assert!(
                    a.note.is_some(),
                    "{}: a handover without its source",
                    t.id.value
                );
            }
        }
    }
}

/// Split a cell like "Sở Tài chính, Sở KH&ĐT và các đơn vị liên quan" into registered units by
/// longest match of folded names and aliases; return the words that matched nothing.
fn unmatched(cell: &str, spellings: &[(String, String)]) -> Vec<String> {
    let mut rest = fold(cell);
    let fillers = [
        "va",
        "chu tri",
        "co lien quan",
        "tinh",
        "cac",
        "dia ban tinh",
    ];
    let mut left = vec![];
    while !rest.is_empty() {
        let best = spellings
            .iter()
            .filter(|(f, _)| rest == *f || rest.starts_with(&format!("{f} ")))
            .max_by_key(|(f, _)| f.len());
        let skip = match best {
            Some((f, _)) => f.len(),
            None => match fillers
                .iter()
                .filter(|w| rest == **w || rest.starts_with(&format!("{w} ")))
                .max_by_key(|w| w.len())
            {
                Some(w) => w.len(),
                None => {
                    let word = rest.split(' ').next().unwrap_or("").to_string();
                    left.push(word.clone());
                    word.len()
                }
            },
        };
        rest = rest[skip.min(rest.len())..].trim_start().to_string();
    }
    left
}

pub fn every_unit_spelling_in_the_seed_resolves(dir: &Path) {
    let loaded = load(dir);
    let reg = &loaded.plan.units;
    let mut spellings: Vec<(String, String)> = vec![];
    for u in &reg.units {
        for s in std::iter::once(&u.name)
            .chain(u.short.iter())
            .chain(&u.aliases)
        {
            spellings.push((fold(s), u.id.value.clone()));
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = std::fs::read_to_string(root.join("docs/seeds/000_1b43753a33ad4ff7.txt")).unwrap();
    let mut cells = vec![];
    for line in seed.lines() {
        let plain = line.replace(['*', '-'], " ");
        for key in ["Đơn vị chủ trì:", "Đơn vị phối hợp:"] {
            if let Some((_, cell)) = plain.split_once(key) {
                cells.push(cell.trim().to_string());
            }
        }
    }
    assert!(
        cells.len() > 100,
        "found {} unit cells in the body",
        cells.len()
    );
    let mut failures = vec![];
    for cell in &cells {
        let left = unmatched(cell, &spellings);
        if !left.is_empty() {
            failures.push(format!("{cell:?}: unmatched {left:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every check above, on the plan in `dir`.
pub fn all(dir: &Path) {
    has_63_tasks_in_the_declared_groups(dir);
    is_clean_when_issued(dir);
    no_reorganisation_finding_remains_as_of_30_11_2026(dir);
    every_unit_spelling_in_the_seed_resolves(dir);
}
