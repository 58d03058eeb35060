//! `tiendo list`: one row per task with its deadline and standing; filters combine.

use std::io::Write;

use anyhow::{Result, bail};
use comfy_table::Cell;

use super::{Ctx, Outcome, load_for_view, resolve_unit_in};
use crate::cli::{Filters, ListArgs, ListColumn, ListFormat, SortField};
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
    let mut rows = crate::report::rows(plan, &judged, ctx.as_of, false);
    if let Some(field) = args.sort {
        sort_rows(&mut rows, field);
    }
    if let Some(n) = args.limit {
        rows.truncate(n);
    }
    let text = match args.format {
        ListFormat::Table => render_table(ctx, &rows, &args.columns),
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

/// `--sort FIELD`: a stable sort, so plan order breaks ties. Undated tasks sort last by due;
/// status sorts worst first (overdue, most days late first).
fn sort_rows(rows: &mut [Row], field: SortField) {
    use std::cmp::Reverse;
    match field {
        SortField::Id => rows.sort_by(|a, b| crate::model::id::cmp_ids(&a.id, &b.id)),
        SortField::Due => rows.sort_by_key(|r| (r.standing.due.is_none(), r.standing.due)),
        SortField::Status => rows.sort_by_key(|r| {
            (
                status_rank(r.standing.category),
                Reverse(r.standing.days_late.unwrap_or(0)),
            )
        }),
        SortField::Lead => rows.sort_by_cached_key(|r| fold(&render::units_text(&r.lead))),
        SortField::Group => rows.sort_by(|a, b| crate::model::id::cmp_ids(&a.group, &b.group)),
        SortField::Title => rows.sort_by_cached_key(|r| fold(&r.title)),
    }
}

fn status_rank(c: Category) -> u8 {
    match c {
        Category::Overdue => 0,
        Category::InProgress => 1,
        Category::Ongoing => 2,
        Category::NoDate => 3,
        Category::DoneLate => 4,
        Category::DoneOnTime => 5,
        Category::Dropped => 6,
    }
}

/// Columns when none are asked for: all six when the table fits (or `--wide`, or no width
/// known); on a narrow terminal, id, title, due date and standing (the title cut to one line).
const FULL: [ListColumn; 6] = [
    ListColumn::Id,
    ListColumn::Title,
    ListColumn::Lead,
    ListColumn::Deadline,
    ListColumn::Due,
    ListColumn::Status,
];
const COMPACT: [ListColumn; 4] = [
    ListColumn::Id,
    ListColumn::Title,
    ListColumn::Due,
    ListColumn::Status,
];

fn render_table(ctx: &Ctx, rows: &[Row], asked: &[ListColumn]) -> String {
    let tr = tr(ctx.lang);
    if rows.is_empty() {
        return format!("{}\n", tr.no_tasks_match());
    }
    let style = table::Style {
        color: ctx.color,
        width: ctx.width,
    };
    let cell_text = |r: &Row, c: ListColumn| -> String {
        match c {
            ListColumn::Id => r.id.clone(),
            ListColumn::Title => r.title.clone(),
            ListColumn::Lead => render::units_text(&r.lead),
            ListColumn::Deadline => r.deadline.clone(),
            ListColumn::Due => r.standing.due.map(|d| tr.date(d)).unwrap_or_default(),
            ListColumn::Status => standing_words(ctx, &r.standing, r.overdue_milestone),
            ListColumn::Group => r.group.clone(),
        }
    };
    let header = |c: ListColumn| match c {
        ListColumn::Id => tr.label(Label::Id),
        ListColumn::Title => tr.label(Label::Title),
        ListColumn::Lead => tr.label(Label::Lead),
        ListColumn::Deadline => tr.label(Label::Deadline),
        ListColumn::Due => tr.label(Label::Due),
        ListColumn::Status => tr.label(Label::Category),
        ListColumn::Group => tr.label(Label::Group),
    };
    // Natural width of a column: its widest cell (titles at most 60), plus borders and padding.
    let natural = |c: ListColumn| {
        rows.iter()
            .map(|r| render::columns(&cell_text(r, c)))
            .chain(std::iter::once(render::columns(header(c))))
            .max()
            .unwrap_or(0)
            .min(if c == ListColumn::Title {
                60
            } else {
                usize::MAX
            })
            + 3
    };
    let columns: Vec<ListColumn> = if !asked.is_empty() {
        asked.to_vec()
    } else {
        match ctx.width {
            Some(w) if FULL.iter().map(|c| natural(*c)).sum::<usize>() + 1 > usize::from(w) => {
                COMPACT.to_vec()
            }
            _ => FULL.to_vec(),
        }
    };
    // The title takes what the other columns leave (at least 12 columns), on one line.
    let others: usize = columns
        .iter()
        .filter(|c| **c != ListColumn::Title)
        .map(|c| natural(*c))
        .sum::<usize>()
        + 1;
    let title_width = match ctx.width {
        Some(w) => usize::from(w).saturating_sub(others + 3).clamp(12, 80),
        None => 60,
    };
    let mut t = table::new(
        style,
        &columns.iter().map(|c| header(*c)).collect::<Vec<_>>(),
    );
    for r in rows {
        t.add_row(
            columns
                .iter()
                .map(|c| match c {
                    ListColumn::Title => Cell::new(render::cut(&r.title, title_width)),
                    ListColumn::Status => table::standing_cell(
                        &r.standing,
                        standing_words(ctx, &r.standing, r.overdue_milestone),
                        style,
                    ),
                    other => Cell::new(cell_text(r, *other)),
                })
                .collect::<Vec<_>>(),
        );
    }
    // Ids and dates are never broken: those columns keep their content's width.
    let whole: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            matches!(
                c,
                ListColumn::Id | ListColumn::Due | ListColumn::Group | ListColumn::Status
            )
        })
        .map(|(i, _)| i)
        .collect();
    table::keep_whole(&mut t, &whole);
    table::to_string(&t)
}
