//! `tiendo report --month YYYY-MM`: the monthly report, printed, written atomically to
//! `--out DIR/YYYY-MM.md`, or compared with that file (`--check`).

use std::io::Write;

use anyhow::{Context, Result};
use serde_json::json;

use super::{Ctx, Outcome};
use crate::cli::{ReportArgs, ReportFormat};
use crate::i18n::tr;
use crate::model::window::{Cycle, Window};
use crate::render::markdown::{Changes, ReportInput};
use crate::render::{self};
use crate::summary::{self, Counts, Horizon, judge_all};

pub fn run(
    ctx: &Ctx,
    args: &ReportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = ctx.load()?;
    let plan = &loaded.plan;
    let cycle = if args.calendar_month {
        Cycle::Calendar
    } else {
        Cycle::ReportDay(plan.meta.report_day)
    };
    let window = cycle.window(args.month);
    let next = cycle.window(args.month.succ());
    let as_of = if ctx.as_of_given {
        ctx.as_of
    } else {
        window.end
    };
    let errors = super::plan_errors(ctx, &loaded, as_of);
    if errors > 0 {
        writeln!(err, "{}", tr(ctx.lang).plan_has_errors(errors))?;
        return Ok(Outcome::Findings);
    }
    let horizon = Horizon {
        as_of,
        soon_until: next.end,
    };
    let judged = judge_all(plan, horizon);
    let changes = history_section(ctx, plan, &window)?;
    let input = ReportInput {
        plan,
        judged: &judged,
        window,
        next,
        as_of,
        changes,
    };
    let text = match args.format {
        ReportFormat::Md => render::markdown::report(&input, tr(ctx.lang)),
        ReportFormat::Json => render::json::to_string(&json_report(&input)),
    };
    let Some(dir) = &args.out else {
        out.write_all(text.as_bytes())?;
        return Ok(Outcome::Clean);
    };
    let ext = match args.format {
        ReportFormat::Md => "md",
        ReportFormat::Json => "json",
    };
    let path = dir.join(format!("{}.{ext}", args.month));
    if args.check {
        let old = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(e).with_context(|| format!("failed to read `{}`", path.display()));
            }
        };
        if old == text {
            return Ok(Outcome::Clean);
        }
        let shown = path.display().to_string();
        let diff = similar::TextDiff::from_lines(&old, &text);
        write!(
            out,
            "{}",
            diff.unified_diff()
                .context_radius(2)
                .header(&shown, &format!("{shown} (tiendo)"))
        )?;
        return Ok(Outcome::Findings);
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("failed to create `{}`", dir.display()))?;
    crate::edit::write_atomic(&path, text.as_bytes())?;
    writeln!(err, "{}", path.display())?;
    Ok(Outcome::Clean)
}

/// The "changes to the plan" section: commits dated inside the window (committer date),
/// grouped by task, with the field-level changes and short hashes.
fn history_section(ctx: &Ctx, plan: &crate::model::plan::Plan, window: &Window) -> Result<Changes> {
    let Ok(repo) = super::discover_repo(ctx) else {
        return Ok(Changes::Unavailable);
    };
    let entries = crate::audit::plan_log(&repo, plan, Some(window.start), Some(window.end))?;
    let tr = tr(ctx.lang);
    // Task id → lines, oldest commit first, tasks in plan order.
    let mut by_task: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for e in entries.iter().rev() {
        let day = crate::audit::commit_day(&e.commit)
            .map(|d| tr.date(d))
            .unwrap_or_default();
        for c in &e.changes {
            let lines = by_task.entry(c.id.clone()).or_default();
            let head = format!(
                "{day} `{}` ({})",
                e.commit.short,
                render::markdown::escape(&e.commit.author)
            );
            if !matches!(c.kind, crate::history::Kind::Modified) {
                lines.push(format!(
                    "{head}: {}",
                    render::markdown::escape(&render::history::change_head(c, tr))
                ));
            }
            for f in &c.fields {
                lines.push(format!(
                    "{head}: {}",
                    render::markdown::escape(&render::history::field_line(plan, f, tr))
                ));
            }
        }
    }
    let mut ids: Vec<&String> = by_task.keys().collect();
    ids.sort_by(|a, b| crate::model::id::cmp_ids(a, b));
    let mut s = String::new();
    for id in ids {
        s.push_str(&format!(
            "- **{}**
",
            render::markdown::escape(id)
        ));
        for l in &by_task[id] {
            s.push_str(&format!(
                "  - {l}
"
            ));
        }
    }
    Ok(Changes::Rendered(s))
}

fn json_report(r: &ReportInput<'_>) -> serde_json::Value {
    use render::json::{counts, date, unit};
    let plan = r.plan;
    let focus = Counts::of(r.judged.iter().filter(|j| j.task.group.value == "TT"));
    let grouped = Counts::of(r.judged.iter().filter(|j| j.task.group.value != "TT"));
    let due = |d: &summary::Due| {
        json!({
            "task": d.task.id.value,
            "milestone": d.milestone.map(|m| m.number),
            "title": d.milestone.map_or(d.task.title.as_str(), |m| m.milestone.title.as_str()),
            "lead": d.task.lead_ids().map(|u| unit(plan, u, r.as_of)).collect::<Vec<_>>(),
            "deadline": d.phrase(),
            "due": date(d.standing.due),
            "days_late": d.standing.days_late,
        })
    };
    json!({
        "plan": plan.meta.code,
        "month": r.window.month.to_string(),
        "window": { "start": date(Some(r.window.start)), "end": date(Some(r.window.end)) },
        "next_window": { "start": date(Some(r.next.start)), "end": date(Some(r.next.end)) },
        "as_of": date(Some(r.as_of)),
        "overview": { "focus": counts(&focus), "groups": counts(&grouped) },
        "by_group": summary::by_group(plan, r.judged).iter().map(|g| json!({
            "id": g.id, "title": g.title, "depth": g.depth, "counts": counts(&g.counts),
        })).collect::<Vec<_>>(),
        "by_lead": summary::by_lead(plan, r.judged, r.as_of).iter().map(|l| json!({
            "unit": unit(plan, &l.unit, r.as_of), "counts": counts(&l.counts),
        })).collect::<Vec<_>>(),
        "overdue": summary::overdue(r.judged).iter().map(due).collect::<Vec<_>>(),
        "due_next": summary::due_in(r.judged, r.as_of, &r.next).iter().map(due).collect::<Vec<_>>(),
        "not_reported": summary::not_reported(plan, r.judged, &r.window).iter().map(|s| json!({
            "unit": unit(plan, &s.unit, r.as_of),
            "tasks": s.tasks.iter().map(|t| &t.id.value).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "indicators": summary::indicators(plan, r.as_of).iter().map(|i| json!({
            "task": i.task.id.value, "name": i.name, "target": i.target, "unit": i.unit,
            "latest": i.latest.map(render::json::progress), "met": i.met,
        })).collect::<Vec<_>>(),
        "progress": summary::progress_in(plan, &r.window).iter().map(|(t, ps)| json!({
            "task": t.id.value, "entries": ps.iter().map(|p| render::json::progress(p)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "tasks": r.judged.iter().map(|j| render::json::task(plan, j, r.as_of, false)).collect::<Vec<_>>(),
    })
}
