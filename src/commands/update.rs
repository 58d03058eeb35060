//! `tiendo update ID`: add a progress entry (in date order; a `todo` task becomes `doing`),
//! correct or remove one (`--amend N`, `--remove N`), and/or change a task's status or a
//! milestone, keeping the file's layout (`edit`), refusing an edit that `check` would find wrong
//! and an entry already recorded (unless `--again`), writing under a lock with no lost update,
//! and optionally committing just that file (git checked before anything is written).

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::UpdateArgs;
use crate::edit::{self, NewAmendment, NewProgress, Original, ProgressChange, Update};
use crate::i18n::{EditMsg, Everyday, Tr, WhoMsg, tr};
use crate::load::Loaded;
use crate::model::plan::{Task, TaskStatus};
use crate::model::problem::{Problem, ProblemKind, Severity};

pub fn run(
    ctx: &Ctx,
    args: &UpdateArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    // Find the file first (a cheap full load), then lock it and load again: what we validate
    // against is what is on disk while we hold the lock.
    let path = task_path(&crate::load::load(&ctx.plan_dir)?, args.id.trim(), tr)?;
    let shown = path.to_string_lossy().replace('\\', "/");
    let repo = if args.commit {
        Some(super::new::repo(ctx, tr)?)
    } else {
        None
    };
    let _lock = if args.dry_run {
        None
    } else {
        Some(super::new::lock(&path, &shown, tr)?)
    };
    let loaded = crate::load::load(&ctx.plan_dir)?;
    let task = loaded.plan.task(args.id.trim()).ok_or_else(|| {
        anyhow::anyhow!(tr.edit(&EditMsg::UnknownTask {
            id: &args.id,
            near: ""
        }))
    })?;
    let update = request(ctx, args, &loaded, task, tr)?;
    if let Some(p) = &update.progress
        && !args.again
        && let Some(n) = task.progress.iter().position(|q| same_as(q, p))
    {
        writeln!(
            err,
            "{}",
            tr.everyday(&Everyday::AlreadyRecorded {
                id: &task.id.value,
                number: n + 1
            })
        )?;
        return Ok(Outcome::Findings);
    }
    let bytes = std::fs::read(&path).map_err(|e| {
        anyhow::anyhow!(tr.everyday(&Everyday::ReadFailed {
            path: &shown,
            why: &e.to_string()
        }))
    })?;
    let original = Original::from_bytes(bytes, &shown)
        .map_err(|p| anyhow::anyhow!(crate::render::problems::text(&[p], tr)))?;
    let new_text = edit::apply_update(&original.text, &update).map_err(|e| match e {
        edit::EditError::NoMilestone { number, count } => {
            anyhow::anyhow!(tr.everyday(&Everyday::NoMilestone { number, count }))
        }
        edit::EditError::NoProgress { number, count } => {
            anyhow::anyhow!(tr.everyday(&Everyday::NoProgress { number, count }))
        }
        other => anyhow::anyhow!(tr.everyday(&Everyday::CannotEdit {
            path: &shown,
            why: &other.to_string()
        })),
    })?;
    let (mut gained, warnings) = new_problems(ctx, &loaded, task, &new_text, &shown)
        .into_iter()
        .partition::<Vec<_>, _>(refuses);
    // What refuses the edit is shown as an error, whatever `check` calls it.
    for p in &mut gained {
        p.severity = Severity::Error;
    }
    write!(err, "{}", crate::render::problems::text(&warnings, tr))?;
    if !gained.is_empty() {
        writeln!(
            err,
            "{}",
            tr.edit(&EditMsg::Refused {
                path: &shown,
                errors: gained.len()
            })
        )?;
        write!(err, "{}", crate::render::problems::text(&gained, tr))?;
        return Ok(Outcome::Findings);
    }
    if args.dry_run {
        write!(
            out,
            "{}",
            edit::unified_diff(&original.text, &new_text, &shown)
        )?;
        return Ok(Outcome::Clean);
    }
    let new_bytes = original.encode(&new_text);
    super::new::write(
        &ctx.plan_dir,
        &path,
        Some(&original.bytes),
        &new_bytes,
        &shown,
        tr,
    )?;
    writeln!(out, "{}", tr.edit(&EditMsg::Wrote { path: &shown }))?;
    if let Some(repo) = repo {
        let message = commit_message(&loaded, task, &update, tr);
        super::new::commit(&repo, &path, &message, &shown, tr)?;
        writeln!(out, "{}", tr.edit(&EditMsg::Committed { path: &shown }))?;
    }
    Ok(Outcome::Clean)
}

/// The task file of `id`, with a suggestion when there is no such task, and the file's problem
/// when its file is there but does not load.
pub(super) fn task_path(loaded: &Loaded, id: &str, tr: &dyn Tr) -> Result<std::path::PathBuf> {
    if let Some(t) = loaded.plan.task(id) {
        return Ok(Path::new(&t.file).to_path_buf());
    }
    super::unreadable_task(loaded, id, tr)?;
    let near = crate::text::nearest(id, loaded.plan.tasks.iter().map(|t| t.id.value.as_str()), 3);
    bail!(tr.edit(&EditMsg::UnknownTask {
        id,
        near: &near.join(", ")
    }))
}

/// Does an existing entry say exactly what the new one would?
fn same_as(q: &crate::model::plan::Progress, p: &NewProgress) -> bool {
    q.date.value == p.date
        && q.by.value == p.by
        && q.note == p.note
        && q.percent == p.percent
        && q.indicator.as_ref().map(|i| i.value.as_str()) == p.indicator.as_deref()
        && q.value == p.value
}

/// `--amend N`: the fields given replace entry N's.
fn amend(ctx: &Ctx, args: &UpdateArgs, loaded: &Loaded, tr: &dyn Tr) -> Result<ProgressChange> {
    let by = match &args.by {
        Some(b) => Some(
            super::resolve_unit_in(&loaded.plan, b, ctx.lang)?
                .id
                .value
                .clone(),
        ),
        None => None,
    };
    let change = ProgressChange {
        date: args.date,
        by,
        note: args.note.as_deref().map(|n| crate::text::nfc(n.trim())),
        percent: args.percent,
        indicator: args.indicator.clone(),
        value: args.value,
    };
    if change == ProgressChange::default() {
        bail!(tr.everyday(&Everyday::AmendNeedsField));
    }
    Ok(change)
}

/// Flags → the edit. Unit spellings resolve to ids; whether the unit may report is `check`'s.
fn request(
    ctx: &Ctx,
    args: &UpdateArgs,
    loaded: &Loaded,
    task: &Task,
    tr: &dyn Tr,
) -> Result<Update> {
    if let Some(n) = args.remove {
        return Ok(Update {
            remove: Some(n),
            ..Update::default()
        });
    }
    if let Some(n) = args.amend {
        return Ok(Update {
            amend: Some((n, amend(ctx, args, loaded, tr)?)),
            ..Update::default()
        });
    }
    let mut status = args.status.as_deref().and_then(TaskStatus::from_key);
    let wants_progress = args.note.is_some() || args.percent.is_some() || args.indicator.is_some();
    let progress = if wants_progress || args.by.is_some() {
        let (Some(by), Some(note)) = (&args.by, &args.note) else {
            bail!(tr.edit(&EditMsg::ProgressNeedsByAndNote));
        };
        let unit = super::resolve_unit_in(&loaded.plan, by, ctx.lang)?;
        Some(NewProgress {
            date: args.date.unwrap_or(ctx.as_of),
            by: unit.id.value.clone(),
            note: crate::text::nfc(note.trim()),
            percent: args.percent,
            indicator: args.indicator.clone(),
            value: args.value,
            received: args.received,
        })
    } else {
        None
    };
    let done_on = match status {
        // "required with done unless --date is meant": an explicit --date counts.
        Some(TaskStatus::Done) => Some(
            args.done_on
                .or(args.date)
                .ok_or_else(|| anyhow::anyhow!(tr.edit(&EditMsg::DoneNeedsDate)))?,
        ),
        _ if args.milestone.is_none() && args.done_on.is_some() => {
            bail!(tr.edit(&EditMsg::DoneOnNeedsDone))
        }
        _ => None,
    };
    let milestone_done = args.milestone.zip(args.done_on);
    let amendment = amendment(args, loaded, tr)?;
    if args.milestone.is_some() && args.done_on.is_none() && amendment.is_none() {
        bail!(tr.edit(&EditMsg::NothingToDo));
    }
    // Work reported on a task not yet started: it has started.
    if progress.is_some() && status.is_none() && task.status.value == TaskStatus::Todo {
        status = Some(TaskStatus::Doing);
    }
    let update = Update {
        progress,
        status,
        done_on,
        milestone_done,
        amendment,
        ..Update::default()
    };
    if update == Update::default() {
        bail!(tr.edit(&EditMsg::NothingToDo));
    }
    Ok(update)
}

/// Flags → the `[[amendment]]` to append, units resolved to ids (None when none is asked).
fn amendment(args: &UpdateArgs, loaded: &Loaded, tr: &dyn Tr) -> Result<Option<NewAmendment>> {
    let wants = args.deadline.is_some()
        || args.due.is_some()
        || !args.lead.is_empty()
        || args.handover.is_some();
    if !wants {
        if args.on.is_some() || args.basis.is_some() {
            bail!(tr.who(&WhoMsg::AmendmentNeedsOnAndBasis));
        }
        return Ok(None);
    }
    let (Some(on), Some(basis)) = (args.on, args.basis.as_deref()) else {
        bail!(tr.who(&WhoMsg::AmendmentNeedsOnAndBasis));
    };
    let ids = |names: &[String]| -> Result<Vec<String>> {
        names
            .iter()
            .map(|n| {
                Ok(super::resolve_unit(&loaded.plan, n.trim())?
                    .id
                    .value
                    .clone())
            })
            .collect()
    };
    let from = match &args.handover {
        Some(f) => {
            if args.to.is_empty() {
                bail!(tr.who(&WhoMsg::HandoverNeedsTo));
            }
            Some(
                super::resolve_unit(&loaded.plan, f.trim())?
                    .id
                    .value
                    .clone(),
            )
        }
        None => None,
    };
    Ok(Some(NewAmendment {
        on,
        basis: crate::text::nfc(basis.trim()),
        from,
        to: ids(&args.to)?,
        lead: (!args.lead.is_empty())
            .then(|| ids(&args.lead))
            .transpose()?,
        support: None,
        title: None,
        milestone: args.milestone.filter(|_| args.done_on.is_none()),
        deadline: args.deadline.as_deref().map(|d| crate::text::nfc(d.trim())),
        due: args.due,
        note: args
            .amendment_note
            .as_deref()
            .map(|n| crate::text::nfc(n.trim())),
        unverified: args.unverified,
    }))
}

/// A new problem that stops the edit: any error, and a report by a unit that neither leads
/// nor supports the task (a warning in `check`, where old data may hold it; refused here, where
/// the entry is being made). Other new warnings are shown and the edit goes ahead.
pub(super) fn refuses(p: &Problem) -> bool {
    p.severity == Severity::Error
        || matches!(
            p.kind,
            ProblemKind::ProgressByOutsider { .. } | ProblemKind::ProgressByEndedUnit { .. }
        )
}

/// Problems the edited task would have that it does not have now (as `check` sees it, with the
/// rest of the plan unchanged). Compared without positions: inserted lines shift them.
pub(super) fn new_problems(
    ctx: &Ctx,
    loaded: &Loaded,
    task: &Task,
    text: &str,
    shown: &str,
) -> Vec<Problem> {
    let key = |p: &Problem| (p.code(), p.item, format!("{:?}", p.kind));
    let errors_of = |plan_loaded: &Loaded, extra: &[Problem]| -> Vec<Problem> {
        let mut v: Vec<Problem> =
            crate::check::run(&crate::check::Input::new(plan_loaded, ctx.as_of))
                .into_iter()
                .chain(extra.iter().cloned())
                .filter(|p| p.path == task.file)
                .collect();
        crate::model::problem::sort(&mut v);
        v
    };
    let before_parse: Vec<Problem> = loaded
        .problems
        .iter()
        .filter(|p| p.path == task.file)
        .cloned()
        .collect();
    let before = errors_of(loaded, &before_parse);
    let (new_task, parse_problems) = match crate::load::parse::<crate::load::RawTask>(text, shown) {
        Ok(raw) => crate::load::build_task(raw, text, shown),
        Err(p) => return vec![p],
    };
    let mut after_loaded = clone_counts(loaded);
    after_loaded.plan.tasks.retain(|t| t.file != task.file);
    let mut new_task = new_task;
    new_task.file = task.file.clone();
    after_loaded.plan.tasks.push(new_task);
    let after = errors_of(&after_loaded, &parse_problems);
    let mut old: Vec<_> = before.iter().map(key).collect();
    after
        .into_iter()
        .filter(|p| {
            let k = key(p);
            match old.iter().position(|o| *o == k) {
                Some(i) => {
                    old.remove(i);
                    false
                }
                None => true,
            }
        })
        .collect()
}

/// The bookkeeping fields of `Loaded` (how many files, whether everything loaded).
fn clone_counts(l: &Loaded) -> Loaded {
    Loaded {
        plan: l.plan.clone(),
        problems: vec![],
        ..*l
    }
}

/// "7.4: Sở TT&TT báo cáo tiến độ 14/06/2024; hoàn thành 20/06/2024".
fn commit_message(loaded: &Loaded, task: &Task, u: &Update, tr: &dyn Tr) -> String {
    let id = task.id.value.as_str();
    let mut parts = vec![];
    if let Some(p) = &u.progress {
        let unit = loaded.plan.units.label(&p.by);
        parts.push(tr.edit(&EditMsg::CommitProgress {
            id,
            unit,
            date: &tr.date(p.date),
        }));
    }
    if let Some((n, d)) = u.milestone_done {
        parts.push(tr.edit(&EditMsg::CommitMilestone {
            id,
            number: n,
            date: &tr.date(d),
        }));
    }
    if let Some((n, _)) = &u.amend {
        parts.push(tr.everyday(&Everyday::CommitAmend { id, number: *n }));
    }
    if let Some(n) = u.remove {
        parts.push(tr.everyday(&Everyday::CommitRemove { id, number: n }));
    }
    if let Some(a) = &u.amendment {
        parts.push(tr.who(&WhoMsg::CommitAmendment {
            id,
            on: &tr.date(a.on),
        }));
    }
    match (u.status, u.done_on) {
        (Some(TaskStatus::Done), Some(d)) => parts.push(tr.edit(&EditMsg::CommitDone {
            id,
            date: &tr.date(d),
        })),
        (Some(s), _) => parts.push(tr.edit(&EditMsg::CommitStatus {
            id,
            status: tr.task_status(s),
        })),
        _ => {}
    }
    // One subject line: the id once, then each part.
    let prefix = format!("{id}: ");
    let rest: Vec<&str> = parts
        .iter()
        .map(|p| p.strip_prefix(&prefix).unwrap_or(p))
        .collect();
    format!("{prefix}{}", rest.join("; "))
}
