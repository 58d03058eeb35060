//! `tiendo carry-over --from OLD --to NEW`: the unfinished tasks of a plan continue in the next
//! one (issue 16).
//!
//! What counts as unfinished, judged as of `--as-of` (else the old plan's closing day, else
//! today): every task that is not done and not dropped — overdue, in progress (whatever its
//! date, after the old plan's end included), ongoing duties (thường xuyên) and tasks on
//! request or on an outside roadmap. Done tasks (on time or late) and dropped tasks stay where
//! they are; a task already carried over is never carried again.
//!
//! For each, a new task in the next plan's receiving group (`--into`, else its first group),
//! numbered after that group's last task: the title in force, the units who answer for it on
//! the day the next plan was issued (`model::responsible`, so the 2025 handovers apply), indicators
//! with their last value as the new baseline, a note naming the old task, its deadline and its
//! standing, `carried_from = "OLD:ID"`, and an empty deadline for the secretariat to set
//! (`check` flags it until then). The old task gains `carried_to` and `carried_on`: its
//! standing becomes "Chưa hoàn thành — chuyển sang kế hoạch …" from that day, never
//! "dropped". The receiving group's declared count (and its parents') grows with it, so the
//! next plan stays valid.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::{Ctx, Outcome};
use crate::cli::CarryOverArgs;
use crate::edit::{self, CarriedIndicator, CarriedTask, NewTask};
use crate::i18n::{Ws, tr};
use crate::model::status::Category;
use crate::summary::{Horizon, judge_task};
use crate::workspace::{Member, Workspace, qualify};

/// One file the carry-over writes: where, the new bytes, and the bytes it had when read (a
/// file changed on disk since is not overwritten).
struct Write1 {
    path: PathBuf,
    bytes: Vec<u8>,
    old: Option<Vec<u8>>,
}

/// A plan file read as `edit` writes it back: BOM and line ends kept.
fn original(
    path: &std::path::Path,
    shown: &str,
    tr: &dyn crate::i18n::Tr,
) -> Result<edit::Original> {
    let bytes =
        std::fs::read(path).map_err(|e| anyhow::anyhow!("failed to read `{shown}`: {e}"))?;
    edit::Original::from_bytes(bytes, shown)
        .map_err(|p| anyhow::anyhow!(crate::render::problems::text(&[p], tr)))
}

pub fn run(
    ctx: &Ctx,
    args: &CarryOverArgs,
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let ws = crate::load::load_workspace(&ctx.plan_dir)?;
    let plan_of = |name: &str| -> Result<&Member> {
        ws.get(name).ok_or_else(|| {
            anyhow::anyhow!(tr.workspace(&Ws::UnknownPlan {
                plan: name,
                plans: &ws.names()
            }))
        })
    };
    let from = plan_of(&args.from)?;
    let to = plan_of(&args.to)?;
    if from.name == to.name {
        bail!(tr.workspace(&Ws::CarrySamePlan));
    }
    if !crate::workspace::is_open(&to.loaded.plan.meta, ctx.as_of) {
        bail!(tr.workspace(&Ws::CarryIntoClosed { plan: &to.name }));
    }
    let old = &from.loaded.plan;
    let new = &to.loaded.plan;
    let day = if ctx.as_of_given {
        ctx.as_of
    } else {
        old.meta.closed_on.unwrap_or(ctx.as_of)
    };
    // The units as they stand on the new plan's date (the day it was issued, else its first day).
    let new_day = new.meta.issued.or(new.meta.start()).unwrap_or(day);
    let into = match &args.into {
        Some(g) => g.clone(),
        None => match new.meta.groups.first() {
            Some(g) => g.id.value.clone(),
            None => bail!(tr.workspace(&Ws::CarryNoGroup { plan: &to.name })),
        },
    };
    if new.meta.group(&into).is_none() {
        bail!(tr.lookup(&crate::i18n::Lookup::UnknownGroup {
            group: into.clone(),
            all: new.meta.groups.iter().map(|g| g.id.value.clone()).collect(),
        }));
    }
    let groups: Option<Vec<&str>> = match &args.group {
        Some(g) if old.meta.group(g).is_none() => {
            bail!(tr.lookup(&crate::i18n::Lookup::UnknownGroup {
                group: g.clone(),
                all: old.meta.groups.iter().map(|g| g.id.value.clone()).collect(),
            }))
        }
        Some(g) => Some(old.meta.group_and_descendants(g)),
        None => None,
    };
    for id in &args.only {
        if old.task(id.trim()).is_none() {
            let q = qualify(&from.name, id.trim());
            bail!(tr.workspace(&Ws::UnknownTask { id: &q }));
        }
    }

    // Task files by display path (the loader's own walk, so the one task-file filter decides).
    let files: std::collections::HashMap<String, PathBuf> =
        crate::load::task_files(&from.dir, &mut vec![])
            .into_iter()
            .map(|rel| (crate::load::display_path(&from.dir, &rel), rel))
            .collect();
    let mut next = next_number(new, &into);
    let mut writes: Vec<Write1> = vec![];
    let mut lines: Vec<String> = vec![];
    let mut carried = 0usize;
    let h = Horizon::new(old, day);
    for t in &old.tasks {
        if groups
            .as_ref()
            .is_some_and(|g| !g.contains(&t.group.value.as_str()))
        {
            continue;
        }
        if !args.only.is_empty()
            && !args
                .only
                .iter()
                .any(|id| id.trim().eq_ignore_ascii_case(&t.id.value))
        {
            continue;
        }
        let me = qualify(&from.name, &t.id.value);
        if let Some(done) =
            continued_by(&ws, &me).or_else(|| t.carry.to.as_ref().map(|l| l.value.clone()))
        {
            lines.push(tr.workspace(&Ws::CarrySkipped {
                old: &me,
                new: &done,
            }));
            continue;
        }
        let j = judge_task(old, t, h);
        let unfinished = matches!(
            j.standing.category,
            Category::Overdue | Category::InProgress | Category::Ongoing | Category::NoDate
        );
        if !unfinished {
            continue;
        }
        let id = format!("{into}.{next}");
        next += 1;
        let answer = crate::model::responsible::answer(old, t, new_day);
        let standing = super::list::standing_words(ctx, &j.standing, j.overdue_milestone);
        let note = tr.workspace(&Ws::CarryNote {
            old: &me,
            deadline: j.in_force.deadline,
            day: &tr.date(day),
            standing: &standing,
        });
        let indicators = t
            .indicators
            .iter()
            .map(|i| CarriedIndicator {
                name: i.name.value.clone(),
                target: i.target.clone(),
                unit: i.unit.clone(),
                target_value: i.target_value,
                baseline: t
                    .latest_value(&i.name.value, day)
                    .and_then(|p| p.value.map(|v| (v, p.date.value)))
                    .map(|(v, d)| baseline(v, i.unit.as_deref(), d))
                    .or_else(|| i.baseline.clone()),
            })
            .collect();
        let c = CarriedTask {
            task: NewTask {
                id: id.clone(),
                group: into.clone(),
                title: j.in_force.title.to_string(),
                lead: answer.lead.iter().map(|s| s.to_string()).collect(),
                support: answer.support.iter().map(|s| s.to_string()).collect(),
                deadline: String::new(),
                // The receiving group's declared count grows instead (below).
                added: None,
            },
            carried_from: me.clone(),
            notes: vec![note],
            indicators,
        };
        let rel = PathBuf::from("tasks")
            .join(&into)
            .join(format!("{id}.toml"));
        let new_path = to.dir.join(&rel);
        let shown = crate::load::display_path(&to.dir, &rel);
        if new_path.exists() {
            bail!(tr.edit(&crate::i18n::EditMsg::TaskExists {
                id: &id,
                path: &shown
            }));
        }
        let new_q = qualify(&to.name, &id);
        lines.push(tr.workspace(&Ws::CarryLine {
            old: &me,
            new: &new_q,
            path: &shown,
        }));
        // An ended unit whose work went to several successors, with no per-task choice: the
        // new task names them all; say so, so the secretariat picks.
        for (unit, successors) in &answer.split {
            lines.push(tr.workspace(&Ws::CarrySplit {
                new: &new_q,
                unit,
                to: &successors.join(", "),
            }));
        }
        writes.push(Write1 {
            path: new_path,
            bytes: edit::carried_task(&c).into_bytes(),
            old: None,
        });
        let Some(rel_old) = files.get(&t.file) else {
            bail!("failed to find `{}`", t.file);
        };
        let old_path = from.dir.join(rel_old);
        let orig = original(&old_path, &t.file, tr)?;
        let marked = edit::mark_carried(&orig.text, &new_q, day)
            .map_err(|e| anyhow::anyhow!("{}: {e}", t.file))?;
        lines.push(tr.workspace(&Ws::CarryMarked {
            old: &me,
            path: &t.file,
        }));
        writes.push(Write1 {
            path: old_path,
            bytes: orig.encode(&marked),
            old: Some(orig.bytes),
        });
        carried += 1;
    }

    // The receiving group and its parents declare the tasks they now hold.
    if carried > 0 {
        let plan_path = to.dir.join("plan.toml");
        let orig = original(&plan_path, &new.meta.file, tr)?;
        let mut text = orig.text.clone();
        for g in new.meta.ancestry(&into) {
            if let Some(declared) = new.meta.group(g).and_then(|g| g.declared) {
                let now = declared + carried as u32;
                text = edit::set_declared(&text, g, now)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", new.meta.file))?;
                lines.push(tr.workspace(&Ws::CarryDeclared {
                    path: &new.meta.file,
                    group: g,
                    from: declared,
                    to: now,
                }));
            }
        }
        writes.push(Write1 {
            path: plan_path,
            bytes: orig.encode(&text),
            old: Some(orig.bytes),
        });
    }

    for l in &lines {
        writeln!(out, "{l}")?;
    }
    writeln!(
        out,
        "{}",
        tr.workspace(&Ws::CarryDone {
            n: carried,
            to: &to.name,
            dry_run: args.dry_run
        })
    )?;
    if args.dry_run || writes.is_empty() {
        return Ok(Outcome::Clean);
    }
    for w in &writes {
        if let Some(dir) = w.path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| anyhow::anyhow!("failed to create `{}`: {e}", dir.display()))?;
        }
        edit::write_checked(&w.path, w.old.as_deref(), &w.bytes)?;
    }
    if args.commit {
        let repo = super::open_repo(ctx)?;
        let files = writes
            .iter()
            .map(|w| {
                std::fs::canonicalize(&w.path)
                    .map_err(|e| anyhow::anyhow!("failed to resolve `{}`: {e}", w.path.display()))
            })
            .collect::<Result<Vec<_>>>()?;
        let message = tr.workspace(&Ws::CarryCommit {
            n: carried,
            from: &from.name,
            to: &to.name,
        });
        let refs: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
        repo.commit_files(&refs, &message)?;
    }
    Ok(Outcome::Clean)
}

/// The task of any plan that says it continues `link`.
fn continued_by(ws: &Workspace, link: &str) -> Option<String> {
    ws.plans.iter().find_map(|m| {
        m.loaded
            .plan
            .tasks
            .iter()
            .find(|t| {
                t.carry
                    .from
                    .as_ref()
                    .is_some_and(|f| f.value.eq_ignore_ascii_case(link))
            })
            .map(|t| qualify(&m.name, &t.id.value))
    })
}

/// The number after the last task of `group` numbered `group.N`.
fn next_number(plan: &crate::model::plan::Plan, group: &str) -> u32 {
    let prefix = format!("{group}.");
    plan.tasks
        .iter()
        .filter_map(|t| t.id.value.strip_prefix(&prefix))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .map_or(1, |n| n + 1)
}

/// The last value as a baseline: "93.3% (30/12/2024)".
fn baseline(v: f64, unit: Option<&str>, on: NaiveDate) -> String {
    format!(
        "{v}{} ({})",
        unit.unwrap_or_default(),
        on.format("%d/%m/%Y")
    )
}
