//! The audit trail: git history turned into task versions and plan-level changes.
//!
//! I/O edge: asks `git` for commits and file contents (one `log`, one `cat-file --batch` per
//! question), parses each version with `load`, and hands pairs of versions to the pure
//! `history` module. Knows nothing about wording.

use std::collections::BTreeMap;

use anyhow::Result;
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

/// A repository path is a task file when, relative to the plan folder, the one task-file
/// filter says so ([`load::is_task_path`]): the snapshots see exactly what the loader sees.
fn is_task_file(repo: &Repo, path: &str) -> bool {
    path.strip_prefix(repo.plan_prefix.as_str())
        .is_some_and(load::is_task_path)
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
    // What to fetch for each side: the blob id when the log gave one (`--raw`), else
    // `commit:path`. Each distinct object is fetched and parsed once.
    let mut shape: Vec<Vec<(Option<String>, Option<String>)>> = vec![];
    for c in commits {
        let mut sides = vec![];
        for (i, f) in c.files.iter().enumerate() {
            let (old, new) = (f.old_path(), f.new_path());
            if !old.is_some_and(|p| is_task_file(repo, p))
                && !new.is_some_and(|p| is_task_file(repo, p))
            {
                continue;
            }
            let (old_blob, new_blob) = c.blobs.get(i).cloned().unwrap_or((None, None));
            let spec = |blob: Option<String>, path: Option<&str>, rev: String| match (blob, path) {
                (Some(b), _) => Some(b),
                (None, Some(p)) if c.blobs.is_empty() => Some(format!("{rev}:{p}")),
                _ => None,
            };
            sides.push((
                spec(old_blob, old, format!("{}^", c.hash)),
                spec(new_blob, new, c.hash.clone()),
            ));
        }
        shape.push(sides);
    }
    let mut unique: Vec<String> = shape
        .iter()
        .flatten()
        .flat_map(|(a, b)| [a.clone(), b.clone()])
        .flatten()
        .collect();
    unique.sort();
    unique.dedup();
    let parsed: BTreeMap<&str, Option<Task>> = unique
        .iter()
        .map(String::as_str)
        .zip(parse_objects(repo, &unique)?)
        .collect();
    let get = |spec: &Option<String>| {
        spec.as_deref()
            .and_then(|s| parsed.get(s).cloned().flatten())
    };
    Ok(shape
        .iter()
        .map(|sides| sides.iter().map(|(o, n)| (get(o), get(n))).collect())
        .collect())
}

/// Every commit that changed one task file (following renames), newest first. `rel` is the
/// file's path relative to the plan folder (`tasks/7/7.4.toml`).
pub fn task_log(repo: &Repo, plan: &Plan, rel: &str) -> Result<Vec<Entry>> {
    let commits = repo.log(&[repo.in_repo(rel)], true, None, None)?;
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
    plan_log_from(repo, "HEAD", plan, since, until)
}

/// [`plan_log`] from a given commit (`report --at REV`).
pub fn plan_log_from(
    repo: &Repo,
    rev: &str,
    plan: &Plan,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Result<Vec<Entry>> {
    // Ask git for two days more on each side (time zones, and git reads a bare date as that day at the current time), then filter on the commit's own day.
    let widen =
        |d: Option<NaiveDate>, days: i64| d.map(|d| (d + chrono::Duration::days(days)).to_string());
    let path = repo.in_repo("tasks");
    let commits: Vec<Commit> = repo
        .log_from(
            rev,
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

/// Parsed task versions for many object names (blob ids, `rev:path`), in order; `None` for an
/// object that does not exist or does not parse. Through the history cache when the repository
/// has one: names are resolved to full blob ids (one `cat-file --batch-check`), cached versions
/// are taken as they are, and only the others are fetched (one `cat-file --batch`) and parsed.
/// `shown[i]` is the name the version's problems and `file` carry.
fn parse_named(repo: &Repo, specs: &[String], shown: &[String]) -> Result<Vec<Option<Task>>> {
    let Some(cache) = repo.blobs.as_deref() else {
        let answers = repo.cat_files(specs)?;
        return Ok(answers
            .into_iter()
            .zip(shown)
            .map(|(b, s)| b.and_then(|b| parse_task(b, s)))
            .collect());
    };
    let is_full = |s: &str| s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let ask: Vec<String> = specs.iter().filter(|s| !is_full(s)).cloned().collect();
    let mut resolved = repo.object_ids(&ask)?.into_iter();
    let ids: Vec<Option<String>> = specs
        .iter()
        .map(|s| {
            if is_full(s) {
                Some(s.clone())
            } else {
                resolved.next().flatten()
            }
        })
        .collect();
    let mut out: Vec<Option<Task>> = vec![None; specs.len()];
    let mut missing: Vec<(usize, String)> = vec![];
    for (i, id) in ids.into_iter().enumerate() {
        let Some(id) = id else { continue };
        match cache.get::<Option<Task>>(&id) {
            Some(version) => {
                out[i] = version.map(|mut t| {
                    t.file = shown[i].clone();
                    t
                })
            }
            None => missing.push((i, id)),
        }
    }
    let fetch: Vec<String> = missing.iter().map(|(_, id)| id.clone()).collect();
    for ((i, id), bytes) in missing.into_iter().zip(repo.cat_files(&fetch)?) {
        let Some(bytes) = bytes else { continue };
        let version = parse_task(bytes, &shown[i]);
        cache.put(&id, &version);
        out[i] = version;
    }
    Ok(out)
}

fn parse_objects(repo: &Repo, specs: &[String]) -> Result<Vec<Option<Task>>> {
    parse_named(repo, specs, specs)
}

/// All tasks at a revision, through one `ls-tree` and one `cat-file --batch` (and the history
/// cache, keyed by the blob ids `ls-tree` gives).
pub fn snapshot(repo: &Repo, rev: &str) -> Result<Vec<Task>> {
    let dir = repo.in_repo("tasks");
    let (files, ids): (Vec<String>, Vec<String>) = repo
        .ls_tree_blobs(rev, &dir)?
        .into_iter()
        .filter(|(p, _)| is_task_file(repo, p))
        .unzip();
    let mut tasks: Vec<Task> = parse_named(repo, &ids, &files)?
        .into_iter()
        .flatten()
        .collect();
    tasks.sort_by(|a, b| crate::model::id::cmp_ids(&a.id.value, &b.id.value));
    Ok(tasks)
}

/// The whole plan (plan.toml, units.toml, every task file) at a commit, through one `ls-tree`
/// and one `cat-file --batch`: `report --at REV`.
pub fn plan_at(repo: &Repo, commit: &str) -> Result<load::Loaded> {
    let prefix = &repo.plan_prefix;
    let dir = if prefix.is_empty() {
        "."
    } else {
        prefix.as_str()
    };
    let files = repo.ls_tree_blobs(commit, dir)?;
    let plan_toml = repo.in_repo("plan.toml");
    let units_toml = repo.in_repo("units.toml");
    let (wanted, specs): (Vec<&String>, Vec<String>) = files
        .iter()
        .filter(|(p, _)| *p == plan_toml || *p == units_toml || is_task_file(repo, p))
        .map(|(p, id)| (p, id.clone()))
        .unzip();
    let blobs = repo.cat_files(&specs)?;
    let shown = |p: &str| {
        let rel = p.strip_prefix(prefix.as_str()).unwrap_or(p);
        format!("{}{rel}", prefix)
    };
    let (mut plan, mut units, mut tasks) = (None, None, vec![]);
    for (p, b) in wanted.into_iter().zip(blobs) {
        let Some(b) = b else { continue };
        if *p == plan_toml {
            plan = Some((shown(p), b));
        } else if *p == units_toml {
            units = Some((shown(p), b));
        } else {
            tasks.push((shown(p), b));
        }
    }
    Ok(load::from_bytes(plan, units, tasks))
}

/// Commits between `base` and `head` (first parent) that change or delete a file whose
/// previous version is an issued report (it carries the issued marker): one `git log --raw`
/// and one `cat-file --batch`. Returns (short commit, path, the report's number and date).
pub fn issued_reports_edited(
    repo: &Repo,
    base: &str,
    head: &str,
) -> Result<Vec<(String, String, crate::report::Issued)>> {
    let commits = repo.log_from(&format!("{base}..{head}"), &[], false, None, None)?;
    let mut candidates: Vec<(String, String, String)> = vec![];
    for c in &commits {
        for (f, (old, _)) in c.files.iter().zip(&c.blobs) {
            if let (Some(path), Some(old)) = (f.old_path(), old)
                && path.ends_with(".md")
            {
                candidates.push((c.short.clone(), path.to_string(), old.clone()));
            }
        }
    }
    let blobs = repo.cat_files(
        &candidates
            .iter()
            .map(|(_, _, b)| b.clone())
            .collect::<Vec<_>>(),
    )?;
    let mut out: Vec<(String, String, crate::report::Issued)> = candidates
        .into_iter()
        .zip(blobs)
        .filter_map(|((commit, path, _), b)| {
            let text = String::from_utf8_lossy(&b?).into_owned();
            crate::report::Issued::of_text(&text).map(|i| (commit, path, i))
        })
        .collect();
    out.reverse(); // oldest commit first
    Ok(out)
}

/// `plan.toml` and `units.toml` at a revision (one `cat-file --batch`), for the field-by-field
/// diff of the plan's frame.
pub fn frame_snapshot(
    repo: &Repo,
    rev: &str,
) -> Result<(crate::model::plan::PlanMeta, Vec<crate::model::plan::Unit>)> {
    let specs = [
        format!("{rev}:{}", repo.in_repo("plan.toml")),
        format!("{rev}:{}", repo.in_repo("units.toml")),
    ];
    let mut blobs = repo.cat_files(&specs)?.into_iter();
    let plan = blobs.next().flatten();
    let units = blobs.next().flatten();
    Ok(load::frame_from_bytes(plan, units))
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
