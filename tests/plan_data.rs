//! The encoded plan against its source: 63 tasks, the declared counts, every unit spelling of
//! the seed resolving to a registered unit, and a clean `check` as of the day it was issued.
//!
//! These hold for any state of `plan/` (the secretariat records progress in it), so they run on
//! it (the checks live in `support/plan_invariants.rs`, shared with `tests/guide.rs`); the one
//! assertion about a state ("no progress yet") runs on the frozen copy
//! `tests/fixtures/frozen-plan/`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

#[path = "support/plan_invariants.rs"]
mod plan_invariants;

fn plan_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plan")
}

fn frozen_plan() -> tiendo::load::Loaded {
    tiendo::load::load(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/frozen-plan")
            .as_path(),
    )
    .expect("the frozen plan loads")
}

#[test]
fn plan_has_63_tasks_in_the_declared_groups() {
    plan_invariants::has_63_tasks_in_the_declared_groups(&plan_dir());
}

#[test]
fn plan_is_clean_when_issued() {
    plan_invariants::is_clean_when_issued(&plan_dir());
}

#[test]
fn frozen_plan_is_clean_when_issued_and_states_no_progress() {
    let loaded = frozen_plan();
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
fn no_reorganisation_finding_remains_as_of_30_11_2026() {
    plan_invariants::no_reorganisation_finding_remains_as_of_30_11_2026(&plan_dir());
}

#[test]
fn every_unit_spelling_in_the_seed_resolves() {
    plan_invariants::every_unit_spelling_in_the_seed_resolves(&plan_dir());
}
