//! The encoded plan against its source: 63 tasks, the declared counts, every unit spelling of
//! the seed resolving to a registered unit, and a clean `check` as of the day it was issued.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use tiendo::model::deadline::fold;
use tiendo::model::problem::Severity;

fn plan() -> tiendo::load::Loaded {
    tiendo::load::load(Path::new(env!("CARGO_MANIFEST_DIR")).join("plan").as_path())
        .expect("plan/ loads")
}

#[test]
fn plan_has_63_tasks_in_the_declared_groups() {
    let loaded = plan();
    let p = &loaded.plan;
    assert_eq!(p.tasks.len(), 63);
    let mut per_group: BTreeMap<&str, u32> = BTreeMap::new();
    for t in &p.tasks {
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
    let group_tasks = p.tasks.iter().filter(|t| t.group.value != "TT").count();
    assert_eq!(group_tasks, 53);
}

#[test]
fn plan_is_clean_when_issued() {
    let loaded = plan();
    let issued = NaiveDate::from_ymd_opt(2024, 2, 26).unwrap();
    let mut problems = loaded.problems.clone();
    problems.extend(tiendo::check::run(&tiendo::check::Input::new(
        &loaded, issued,
    )));
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        loaded.plan.tasks.iter().all(|t| t.progress.is_empty()),
        "the plan states no progress"
    );
}

#[test]
fn a_split_unit_without_handover_is_a_finding_as_of_2026() {
    let loaded = plan();
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let problems = tiendo::check::run(&tiendo::check::Input::new(&loaded, as_of));
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
    let split = problems
        .iter()
        .find(|p| p.path.ends_with("7/7.4.toml") && p.code() == "unit-split")
        .expect("7.4's lead Sở TT&TT ended on 2025-03-01, its work split");
    match &split.kind {
        tiendo::model::problem::ProblemKind::UnitSplit {
            unit, candidates, ..
        } => {
            assert_eq!(unit, "so-tttt");
            assert_eq!(candidates.len(), 2, "{candidates:?}");
        }
        other => panic!("{other:?}"),
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

#[test]
fn every_unit_spelling_in_the_seed_resolves() {
    let loaded = plan();
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
