//! `tiendo list`: one row per task with its deadline and standing; filters combine.

use std::io::Write;

use anyhow::{Result, bail};
use comfy_table::Cell;

use super::{Ctx, Outcome, load_for_view, resolve_unit_in};
use crate::cli::{Filters, ListArgs, ListFormat};
use crate::i18n::{Label, tr};
use crate::model::deadline::fold;
use crate::model::plan::Plan;
use crate::model::status::{Category, Standing};
use crate::render::{self, table};
use crate::report::Row;
use crate::summary::{Filter, Horizon, Judged, select};

/// Turn command-line filters into a pure [`Filter`], resolving unit names and groups.
pub fn resolve_filters(plan: &Plan, f: &Filters, lang: crate::i18n::Lang) -> Result<Filter> {
    let unit = |arg: &Option<String>| -> Result<Option<String>> {
        arg.as_deref()
            .map(|a| resolve_unit_in(plan, a, lang).map(|u| u.id.value.clone()))
            .transpose()
    };
    let groups = match &f.group {
        Some(g) => {
            if plan.meta.group(g).is_none() {
                let ids: Vec<&str> = plan
                    .meta
                    .groups
                    .iter()
                    .map(|g| g.id.value.as_str())
                    .collect();
                bail!(tr(lang).lookup(&crate::i18n::Lookup::UnknownGroup {
                    group: g.clone(),
                    all: ids.into_iter().map(str::to_string).collect(),
                }));
            }
            Some(
                plan.meta
                    .group_and_descendants(g)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            )
        }
        None => None,
    };
    Ok(Filter {
        lead: unit(&f.lead)?,
        unit: unit(&f.unit)?,
        groups,
        category: f.status,
        overdue: f.overdue,
        due_within: f.due_within,
        due_before: f.due_before,
        search: f.search.as_deref().map(fold).filter(|s| !s.is_empty()),
    })
}

pub fn run(
    ctx: &Ctx,
    args: &ListArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let filter = resolve_filters(plan, &args.filters, ctx.lang)?;
    let selected = select(plan, &filter, Horizon::new(plan, ctx.as_of));
    let judged: Vec<&Judged> = selected.iter().collect();
    let rows = crate::report::rows(plan, &judged, ctx.as_of, false);
    let text = match args.format {
        ListFormat::Table => render_table(ctx, &rows),
        ListFormat::Json => {
            render::json::to_string(&render::json::task_list(&plan.meta.code, &rows, ctx.as_of))
        }
        ListFormat::Csv => render::csv::tasks(&rows, false),
    };
    out.write_all(text.as_bytes())?;
    let overdue = crate::summary::any_overdue(&judged);
    Ok(if args.fail_on.is_some() && overdue {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Words for a standing: the category, plus "due soon" when it applies.
pub fn standing_words(ctx: &Ctx, standing: &Standing, by_milestone: Option<usize>) -> String {
    let tr = tr(ctx.lang);
    let mut s = tr.category(standing.category).to_string();
    if standing.due_soon {
        s.push_str(&format!(" ({})", tr.label(Label::DueSoon)));
    }
    if let Some(d) = standing
        .days_late
        .filter(|_| standing.category == Category::Overdue)
    {
        s.push_str(&format!(" +{d}"));
    }
    if let Some(n) = by_milestone {
        s.push_str(&format!(" ({} {n})", tr.report().milestone));
    }
    s
}

fn render_table(ctx: &Ctx, rows: &[Row]) -> String {
    let tr = tr(ctx.lang);
    if rows.is_empty() {
        return format!("{}\n", tr.no_tasks_match());
    }
    let style = table::Style {
        color: ctx.color,
        width: ctx.width,
    };
    let title_width = ctx.width.map_or(60, |w| (usize::from(w) / 3).clamp(24, 80));
    let mut t = table::new(
        style,
        &[
            tr.label(Label::Id),
            tr.label(Label::Title),
            tr.label(Label::Lead),
            tr.label(Label::Deadline),
            tr.label(Label::Due),
            tr.label(Label::Category),
        ],
    );
    for r in rows {
        t.add_row(vec![
            Cell::new(&r.id),
            Cell::new(render::cut(&r.title, title_width)),
            Cell::new(render::units_text(&r.lead)),
            Cell::new(&r.deadline),
            Cell::new(r.standing.due.map(|d| tr.date(d)).unwrap_or_default()),
            table::standing_cell(
                &r.standing,
                standing_words(ctx, &r.standing, r.overdue_milestone),
                style,
            ),
        ]);
    }
    table::to_string(&t)
}
