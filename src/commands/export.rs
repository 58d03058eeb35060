//! `tiendo export --format ics|csv|json`: the tasks `list` would show (same filters), with
//! their milestones, for calendars and spreadsheets. ICS comes from [`render::ics`]; CSV has
//! `list --format csv`'s columns plus one row per milestone (`7.4#1`), UTF-8 with a BOM and
//! formula-guarded cells ([`render::csv`]); JSON is `show --format json`'s task shape.

use std::io::Write;

use anyhow::Result;

use super::list::resolve_filters;
use super::{Ctx, Outcome, load_for_view};
use crate::cli::{ExportArgs, ExportFormat};
use crate::i18n::{EditMsg, tr};
use crate::model::plan::{Plan, TaskStatus};
use crate::render;
use crate::summary::{Filter, Horizon, Judged, judge_all};

pub fn run(
    ctx: &Ctx,
    args: &ExportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let filter = resolve_filters(plan, &args.filters, ctx.lang)?;
    let all = judge_all(plan, Horizon::new(plan, ctx.as_of));
    let rows: Vec<&Judged> = all
        .iter()
        .filter(|j| filter.matches(plan, j, ctx.as_of))
        .collect();
    let text = match args.format {
        ExportFormat::Ics => render::ics::calendar(
            plan,
            &rows,
            ctx.as_of,
            ctx.lang,
            &calendar_name(plan, &filter),
        ),
        ExportFormat::Csv => csv(plan, &rows, ctx.as_of),
        ExportFormat::Json => render::json::to_string(&serde_json::json!({
            "plan": plan.meta.code,
            "as_of": render::json::date(Some(ctx.as_of)),
            "tasks": rows.iter().map(|j| render::json::task(plan, j, ctx.as_of, true)).collect::<Vec<_>>(),
        })),
    };
    match &args.output {
        Some(path) => {
            crate::edit::write_atomic(path, text.as_bytes())?;
            let shown = path.display().to_string();
            writeln!(
                err,
                "{}",
                tr(ctx.lang).edit(&EditMsg::Wrote { path: &shown })
            )?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Outcome::Clean)
}

/// The plan code, and the unit a subscriber filtered on.
fn calendar_name(plan: &Plan, filter: &Filter) -> String {
    match filter.lead.as_deref().or(filter.unit.as_deref()) {
        Some(unit) => format!("{} – {}", plan.meta.code, plan.units.label(unit)),
        None => plan.meta.code.clone(),
    }
}

/// `list --format csv`'s columns; each task is followed by its milestones (`7.4#1`, `7.4#2`).
pub fn csv(plan: &Plan, rows: &[&Judged<'_>], as_of: chrono::NaiveDate) -> String {
    use render::csv::row;
    let mut s = String::from(render::csv::BOM);
    let header = [
        "id",
        "group",
        "title",
        "lead",
        "support",
        "deadline",
        "due",
        "due_kind",
        "status",
        "done_on",
        "category",
        "days_late",
    ];
    s.push_str(&row(&header.map(String::from)));
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for j in rows {
        let t = j.task;
        let lead = render::lead_label(plan, t, as_of);
        let support = render::units_label(plan, t.support_ids(), as_of);
        s.push_str(&row(&[
            t.id.value.clone(),
            t.group.value.clone(),
            t.title.clone(),
            lead.clone(),
            support.clone(),
            t.deadline.value.clone(),
            date(j.standing.due),
            j.reading
                .as_ref()
                .map(|r| r.key())
                .unwrap_or_default()
                .to_string(),
            t.status.value.key().to_string(),
            date(t.done_on.as_ref().map(|d| d.value)),
            j.standing.category.key().to_string(),
            j.standing
                .days_late
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ]));
        for m in &j.milestones {
            let done_on = m.milestone.done_on.as_ref().map(|d| d.value);
            let status = match (done_on, t.status.value) {
                (Some(_), _) => TaskStatus::Done,
                (None, TaskStatus::Dropped) => TaskStatus::Dropped,
                (None, _) => TaskStatus::Todo,
            };
            s.push_str(&row(&[
                format!("{}#{}", t.id.value, m.number),
                t.group.value.clone(),
                m.milestone.title.clone(),
                lead.clone(),
                support.clone(),
                m.milestone.deadline.value.clone(),
                date(m.standing.due),
                m.reading
                    .as_ref()
                    .map(|r| r.key())
                    .unwrap_or_default()
                    .to_string(),
                status.key().to_string(),
                date(done_on),
                m.standing.category.key().to_string(),
                m.standing
                    .days_late
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ]));
        }
    }
    s
}
