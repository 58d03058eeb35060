//! Property: whatever sequence of edits is made to a plan, loading it through the parse cache
//! gives exactly what reading every file gives (the plan, its problems, and every rule's
//! findings, compared as text byte for byte).
//!
//! Runs the library in-process on a copy of `tests/fixtures/frozen-plan` inside a temporary
//! folder with a `.git` directory, so the cache lives in `<tmp>/.git/tiendo/`. Some steps wait
//! 60 ms first, so that files settle and are served from the cache; the others run at once,
//! inside the window where a file must not be trusted.

use std::path::{Path, PathBuf};
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

#[derive(Debug, Clone)]
enum Op {
    /// Give a task a new title (any length).
    Retitle(usize, String),
    /// Change one digit of a task file, keep its size, put its modification time back.
    SameSize(usize),
    Delete(usize),
    /// Copy a task under a new id.
    Add(usize),
    Rename(usize),
    /// Overwrite a task with text that is not a task.
    Garbage(usize),
    Symlink(usize),
    /// Rename a unit in units.toml (its tasks now name an unknown unit).
    RenameUnit(usize),
    /// Change a group's declared count in plan.toml.
    Declared(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), "[a-zA-Zà-ỹ ]{0,40}").prop_map(|(i, s)| Op::Retitle(i, s)),
        any::<usize>().prop_map(Op::SameSize),
        any::<usize>().prop_map(Op::SameSize),
        any::<usize>().prop_map(Op::Delete),
        any::<usize>().prop_map(Op::Add),
        any::<usize>().prop_map(Op::Rename),
        any::<usize>().prop_map(Op::Garbage),
        any::<usize>().prop_map(Op::Symlink),
        any::<usize>().prop_map(Op::RenameUnit),
        any::<u8>().prop_map(Op::Declared),
    ]
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

fn task_files(plan: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walk(&plan.join("tasks"));
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let ft = e.file_type().unwrap();
        if ft.is_dir() {
            out.extend(walk(&e.path()));
        } else if ft.is_file() {
            out.push(e.path());
        }
    }
    out
}

fn apply(plan: &Path, op: &Op, n: &mut usize) {
    let files = task_files(plan);
    let pick = |i: usize| files.get(i % files.len().max(1)).cloned();
    *n += 1;
    match op {
        Op::Retitle(i, title) => {
            if let Some(f) = pick(*i) {
                let text = std::fs::read_to_string(&f).unwrap_or_default();
                let out: String = text
                    .lines()
                    .map(|l| {
                        if l.starts_with("title = ") {
                            format!("title = \"{title}\"")
                        } else {
                            l.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                std::fs::write(&f, out + "\n").unwrap();
            }
        }
        Op::SameSize(i) => {
            if let Some(f) = pick(*i) {
                let t = std::fs::metadata(&f).unwrap().modified().unwrap();
                let mut b = std::fs::read(&f).unwrap();
                if let Some(d) = b.iter_mut().find(|c| c.is_ascii_digit()) {
                    *d = if *d == b'9' { b'0' } else { *d + 1 };
                }
                std::fs::write(&f, b).unwrap();
                std::fs::File::options()
                    .write(true)
                    .open(&f)
                    .unwrap()
                    .set_modified(t)
                    .unwrap();
            }
        }
        Op::Delete(i) => {
            if let Some(f) = pick(*i) {
                std::fs::remove_file(f).unwrap();
            }
        }
        Op::Add(i) => {
            if let Some(f) = pick(*i) {
                let text = std::fs::read_to_string(&f).unwrap_or_default();
                let id = format!("1.{}", 500 + *n);
                let out: String = text
                    .lines()
                    .map(|l| {
                        if l.starts_with("id = ") {
                            format!("id = \"{id}\"")
                        } else {
                            l.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                std::fs::create_dir_all(plan.join("tasks/1")).unwrap();
                std::fs::write(plan.join(format!("tasks/1/{id}.toml")), out + "\n").unwrap();
            }
        }
        Op::Rename(i) => {
            if let Some(f) = pick(*i) {
                let to = f.with_file_name(format!("9.{}.toml", 700 + *n));
                std::fs::rename(f, to).unwrap();
            }
        }
        Op::Garbage(i) => {
            if let Some(f) = pick(*i) {
                std::fs::write(f, format!("id = [[[ {n}\n")).unwrap();
            }
        }
        Op::Symlink(i) => {
            if let Some(f) = pick(*i) {
                let away = plan.parent().unwrap().join(format!("away-{n}.toml"));
                std::fs::rename(&f, &away).unwrap();
                std::os::unix::fs::symlink(&away, &f).unwrap();
            }
        }
        Op::RenameUnit(i) => {
            let p = plan.join("units.toml");
            let text = std::fs::read_to_string(&p).unwrap();
            let ids: Vec<&str> = text.lines().filter(|l| l.starts_with("id = ")).collect();
            if !ids.is_empty() {
                let line = ids[*i % ids.len()];
                let renamed = text.replacen(line, &format!("{}x\"", &line[..line.len() - 1]), 1);
                std::fs::write(&p, renamed).unwrap();
            }
        }
        Op::Declared(d) => {
            let p = plan.join("plan.toml");
            let text = std::fs::read_to_string(&p).unwrap();
            let out: String = text
                .lines()
                .map(|l| {
                    if l.starts_with("declared = ") {
                        format!("declared = {}", d % 20)
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            std::fs::write(&p, out + "\n").unwrap();
        }
    }
}

/// Everything a command could print about a loaded plan.
fn render(loaded: &tiendo::load::Loaded) -> String {
    let as_of = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    let mut problems = loaded.problems.clone();
    problems.extend(tiendo::check::run(&tiendo::check::Input::new(
        loaded, as_of,
    )));
    tiendo::model::problem::sort(&mut problems);
    format!(
        "{:#?}\n{:#?}\n{:#?}\n{:#?}\n{} {} {}",
        loaded.plan.meta,
        loaded.plan.units.units,
        loaded.plan.tasks,
        problems,
        loaded.files,
        loaded.all_tasks_loaded,
        loaded.units_loaded
    )
}

/// Equal texts, or a failure naming the first line that differs.
fn same(cached: &str, read: &str, after: &dyn std::fmt::Debug) -> Result<(), TestCaseError> {
    if cached == read {
        return Ok(());
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (cached.lines().collect(), read.lines().collect());
    let at = (0..a.len().max(b.len()))
        .find(|&i| a.get(i) != b.get(i))
        .unwrap_or(0);
    Err(TestCaseError::fail(format!(
        "after {after:?}: line {at} cached {:?}, read {:?}",
        a.get(at),
        b.get(at)
    )))
}

#[test]
fn cached_and_uncached_loads_agree_after_any_edits() {
    let hits = std::cell::Cell::new(0usize);
    let mut runner = TestRunner::new(Config {
        cases: 16,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &proptest::collection::vec((op(), any::<bool>()), 1..8),
            |ops| {
                let tmp = tempfile::tempdir().unwrap();
                std::fs::create_dir_all(tmp.path().join(".git")).unwrap();
                let plan = tmp.path().join("plan");
                let fixture =
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frozen-plan");
                copy_dir(&fixture, &plan);
                std::thread::sleep(Duration::from_millis(60));
                let mut n = 0;
                // Fill the cache first.
                let (first, _) = tiendo::load::load_counted(&plan, true).unwrap();
                same(
                    &render(&first),
                    &render(&tiendo::load::load_with(&plan, false).unwrap()),
                    &"the first load",
                )?;
                for (op, wait) in &ops {
                    apply(&plan, op, &mut n);
                    if *wait {
                        std::thread::sleep(Duration::from_millis(60));
                    }
                    let (cached, served) = tiendo::load::load_counted(&plan, true).unwrap();
                    hits.set(hits.get() + served);
                    let read = tiendo::load::load_with(&plan, false).unwrap();
                    same(&render(&cached), &render(&read), op)?;
                }
                Ok(())
            },
        )
        .unwrap();
    // The property is only worth something if the cache was used.
    assert!(
        hits.get() > 100,
        "only {} files came from the cache",
        hits.get()
    );
}
