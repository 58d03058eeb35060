//! The audit trail: git history turned into task versions and plan-level changes.
//!
//! I/O edge: asks `git` for commits and file contents (one `log`, one `cat-file --batch` per
//! question), parses each version with `load`, and hands pairs of versions to the pure
//! `history` module. Knows nothing about wording.

use std::collections::BTreeMap;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::git::{Commit, FileChange, Repo};
use crate::history::{self, TaskChange};
use crate::load;
use crate::model::plan::{Plan, Task};

/// One commit and what it changed in the plan.
#[derive(Debug, Clone)]
pub struct Entry {
    pub commit: Commit,
    pub changes: Vec<TaskChange>,
}

/// Parse one version of a task file; a version that does not parse is skipped (it cannot be
/// compared field by field), which `check` would have reported at the time.
pub fn parse_task(bytes: Vec<u8>, shown: &str) -> Option<Task> {
    let text = load::decode(bytes, shown).ok()?;
    let raw = load::parse::<load::RawTask>(&text.text, shown).ok()?;
    Some(load::build_task(raw, &text.text, shown).0)
}

fn is_task_file(repo: &Repo, path: &str) -> bool {
    path.starts_with(&format!("{}tasks/", repo.plan_prefix)) && path.ends_with(".toml")
}

/// The commit's own calendar day (in the committer's time zone).
pub fn commit_day(c: &Commit) -> Option<NaiveDate> {
    c.committer_date.map(|d| d.date_naive())
}

fn in_range(c: &Commit, since: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
    match commit_day(c) {
        Some(d) => since.is_none_or(|s| d >= s) && until.is_none_or(|u| d <= u),
        None => since.is_none() && until.is_none(),
    }
}

/// Old and new contents of every task file each commit touched, fetched in one batch.
/// A task file before and after a commit (`None` where it did not exist or did not parse).
type Versions = (Option<Task>, Option<Task>);

fn versions(repo: &Repo, commits: &[Commit]) -> Result<Vec<Vec<Versions>>> {
    let mut specs = vec![];
    let mut shape = vec![];
    for c in commits {
        let mut n = 0;
        for f in &c.files {
            let (old, new) = (f.old_path(), f.new_path());
            if !old.is_some_and(|p| is_task_file(repo, p))
                && !new.is_some_and(|p| is_task_file(repo, p))
            {
                continue;
            }
            specs.push(old.map(|p| format!("{}^:{p}", c.hash)).unwrap_or_default());
            specs.push(new.map(|p| format!("{}:{p}", c.hash)).unwrap_or_default());
            n += 1;
        }
        shape.push(n);
    }
    // Empty specs ask for nothing: keep them out of git's input but in our answer's shape.
    let asked: Vec<String> = specs.iter().filter(|s| !s.is_empty()).cloned().collect();
    let mut answers = repo.cat_files(&asked)?.into_iter();
    let mut blobs: Vec<Option<Vec<u8>>> = vec![];
    for s in &specs {
        blobs.push(if s.is_empty() {
            None
        } else {
            answers.next().flatten()
        });
    }
    let mut out = vec![];
    let mut it = blobs.into_iter().zip(specs.iter());
    for n in shape {
        let mut pairs = vec![];
        for _ in 0..n {
            let (old, old_spec) = it.next().unwrap_or((None, &specs[0]));
            let (new, new_spec) = it.next().unwrap_or((None, &specs[0]));
            pairs.push((
                old.and_then(|b| parse_task(b, old_spec)),
                new.and_then(|b| parse_task(b, new_spec)),
            ));
        }
        out.push(pairs);
    }
    Ok(out)
}

/// Every commit that changed one task (following renames), newest first.
pub fn task_log(repo: &Repo, plan: &Plan, id: &str) -> Result<Vec<Entry>> {
    let Some(task) = plan.task(id) else {
        bail!("no task `{id}` in the plan folder; `tiendo list` shows all ids");
    };
    let rel = task_rel_path(plan, task);
    let commits = repo.log(&[repo.in_repo(&rel)], true, None, None)?;
    let pairs = versions(repo, &commits)?;
    let inclusive = plan.meta.before_is_inclusive;
    Ok(commits
        .into_iter()
        .zip(pairs)
        .map(|(commit, pairs)| {
            let changes = pairs
                .iter()
                .filter_map(|(o, n)| history::diff_task(o.as_ref(), n.as_ref(), inclusive))
                .collect();
            Entry { commit, changes }
        })
        .collect())
}

/// A task file's path relative to the plan folder (`tasks/7/7.4.toml`).
pub fn task_rel_path(plan: &Plan, task: &Task) -> String {
    let plan_file = &plan.meta.file; // "<dir>/plan.toml"
    let dir = plan_file.strip_suffix("plan.toml").unwrap_or("");
    task.file
        .strip_prefix(dir)
        .unwrap_or(&task.file)
        .to_string()
}

/// Plan-wide change log (first parent), newest first, limited to commit days in the range.
pub fn plan_log(
    repo: &Repo,
    plan: &Plan,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Result<Vec<Entry>> {
    // Ask git for two days more on each side (time zones, and git reads a bare date as that day at the current time), then filter on the commit's own day.
    let widen =
        |d: Option<NaiveDate>, days: i64| d.map(|d| (d + chrono::Duration::days(days)).to_string());
    let path = repo.in_repo("tasks");
    let commits: Vec<Commit> = repo
        .log(
            &[path],
            false,
            widen(since, -2).as_deref(),
            widen(until, 2).as_deref(),
        )?
        .into_iter()
        .filter(|c| in_range(c, since, until))
        .collect();
    let pairs = versions(repo, &commits)?;
    let inclusive = plan.meta.before_is_inclusive;
    Ok(commits
        .into_iter()
        .zip(pairs)
        .map(|(commit, pairs)| {
            let old: Vec<Task> = pairs.iter().filter_map(|p| p.0.clone()).collect();
            let new: Vec<Task> = pairs.iter().filter_map(|p| p.1.clone()).collect();
            Entry {
                commit,
                changes: history::diff_plans(&old, &new, inclusive),
            }
        })
        .filter(|e| !e.changes.is_empty())
        .collect())
}

/// All tasks at a revision, through one `ls-tree` and one `cat-file --batch`.
pub fn snapshot(repo: &Repo, rev: &str) -> Result<Vec<Task>> {
    let dir = repo.in_repo("tasks");
    let files: Vec<String> = repo
        .ls_tree(rev, &dir)?
        .into_iter()
        .filter(|p| p.ends_with(".toml"))
        .collect();
    let specs: Vec<String> = files.iter().map(|p| format!("{rev}:{p}")).collect();
    let blobs = repo.cat_files(&specs)?;
    let mut tasks: Vec<Task> = files
        .iter()
        .zip(blobs)
        .filter_map(|(p, b)| b.and_then(|b| parse_task(b, p)))
        .collect();
    tasks.sort_by(|a, b| crate::model::id::cmp_ids(&a.id.value, &b.id.value));
    Ok(tasks)
}

/// Tasks by id, for looking up the version after a change.
pub fn by_id(tasks: &[Task]) -> BTreeMap<&str, &Task> {
    tasks.iter().map(|t| (t.id.value.as_str(), t)).collect()
}

/// Keep only task-file changes (used by tests and callers that list files).
pub fn task_files<'a>(repo: &Repo, c: &'a Commit) -> Vec<&'a FileChange> {
    c.files
        .iter()
        .filter(|f| {
            f.old_path()
                .or(f.new_path())
                .is_some_and(|p| is_task_file(repo, p))
        })
        .collect()
}
