//! `tiendo summary`: counts per standing, overall, per group (sub-groups nested) and per lead
//! unit, with the completion rate and its denominator.

use std::io::Write;

use anyhow::Result;
use comfy_table::Cell;
use serde_json::json;

use super::{Ctx, Outcome, load_for_view};
use crate::cli::{SummaryArgs, TextOrJson};
use crate::i18n::{Label, RateBase, tr};
use crate::model::plan::Plan;
use crate::model::status::Category;
use crate::render::{self, table};
use crate::summary::{Counts, Horizon, Judged, by_group, by_lead, judge_all};

pub fn run(
    ctx: &Ctx,
    args: &SummaryArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let judged = judge_all(plan, Horizon::new(plan, ctx.as_of));
    let text = match args.format {
        TextOrJson::Text => text(ctx, plan, &judged),
        TextOrJson::Json => render::json::to_string(&json(ctx, plan, &judged)),
    };
    out.write_all(text.as_bytes())?;
    let overdue = crate::summary::any_overdue(&judged.iter().collect::<Vec<_>>());
    Ok(if args.fail_on.is_some() && overdue {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Header: first column, then one column per category (dropped only when any), then total.
pub fn count_header(ctx: &Ctx, first: &str, with_dropped: bool) -> Vec<String> {
    let tr = tr(ctx.lang);
    let mut h = vec![first.to_string()];
    for c in Category::ALL {
        if c != Category::Dropped || with_dropped {
            h.push(tr.category(c).to_string());
        }
    }
    h.push(tr.label(Label::Total).to_string());
    h
}

pub fn count_cells(c: &Counts, with_dropped: bool) -> Vec<String> {
    let mut v = vec![];
    for cat in Category::ALL {
        if cat != Category::Dropped || with_dropped {
            v.push(c.get(cat).to_string());
        }
    }
    v.push(c.total().to_string());
    v
}

fn text(ctx: &Ctx, plan: &Plan, judged: &[Judged]) -> String {
    let tr = tr(ctx.lang);
    let style = table::Style {
        color: false,
        width: ctx.width,
    };
    let all = Counts::of(judged);
    let with_dropped = all.get(Category::Dropped) > 0;
    let mut s = format!(
        "{} {} — {}: {}\n\n",
        tr.label(Label::Plan),
        plan.meta.code,
        tr.report().as_of,
        tr.date(ctx.as_of)
    );
    // On a narrow terminal the category columns are numbered and named in a legend below, so
    // the group names keep their width.
    let full = count_header(ctx, tr.label(Label::Group), with_dropped);
    let narrow = ctx.width.is_some_and(|w| {
        full.iter().map(|h| render::columns(h) + 3).sum::<usize>() > usize::from(w)
    });
    let header = if narrow {
        numbered(&full)
    } else {
        full.clone()
    };
    let name_width = match ctx.width {
        Some(w) if narrow => usize::from(w)
            .saturating_sub(
                header[1..]
                    .iter()
                    .map(|h| h.len().max(3) + 3)
                    .sum::<usize>()
                    + 4,
            )
            .clamp(16, 60),
        _ => 40,
    };
    let mut t = table::new(
        style,
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let mut overall = vec![tr.label(Label::Overall).to_string()];
    overall.extend(count_cells(&all, with_dropped));
    t.add_row(overall);
    for g in by_group(plan, judged) {
        // The indent of a sub-group is made of no-break spaces: a table never trims them.
        let indent = "\u{a0}\u{a0}".repeat(g.depth);
        let mut row = vec![format!(
            "{indent}{} {}",
            g.id,
            render::cut(
                &g.title,
                name_width.saturating_sub(g.id.len() + 1 + 2 * g.depth)
            )
        )];
        row.extend(count_cells(&g.counts, with_dropped));
        t.add_row(row);
    }
    table::keep_whole(&mut t, &(1..header.len()).collect::<Vec<_>>());
    s.push_str(&table::to_string(&t));
    if narrow {
        s.push_str(&legend(&full, ctx.width));
    }
    s.push_str(&format!(
        "\n{}: {}\n",
        tr.label(Label::Rate),
        tr.rate(all.done(), all.came_due(), RateBase::CameDue)
    ));

    let full = count_header(ctx, tr.label(Label::Lead), with_dropped);
    let header = if narrow { numbered(&full) } else { full };
    let mut t = table::new(
        style,
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for r in by_lead(plan, judged, ctx.as_of) {
        // Rows are units that answer themselves (`summary::by_lead`): no "→ successors".
        let mut row = vec![plan.units.label(&r.unit).to_string()];
        row.extend(count_cells(&r.counts, with_dropped));
        t.add_row(row.into_iter().map(Cell::new).collect::<Vec<_>>());
    }
    table::keep_whole(&mut t, &(1..header.len()).collect::<Vec<_>>());
    s.push('\n');
    s.push_str(&table::to_string(&t));
    s
}

/// The header with the category columns as (1), (2), … (the first and last keep their names).
fn numbered(full: &[String]) -> Vec<String> {
    let last = full.len() - 1;
    full.iter()
        .enumerate()
        .map(|(i, h)| {
            if i == 0 || i == last {
                h.clone()
            } else {
                format!("({i})")
            }
        })
        .collect()
}

/// "(1) Đã hoàn thành đúng hạn · (2) …", wrapped to the width.
fn legend(full: &[String], width: Option<u16>) -> String {
    let items: Vec<String> = full[1..full.len() - 1]
        .iter()
        .enumerate()
        .map(|(i, h)| format!("({}) {h}", i + 1))
        .collect();
    let line = format!("{}\n", items.join(" · "));
    match width {
        Some(w) => render::wrap(&line, usize::from(w)),
        None => line,
    }
}

fn json(ctx: &Ctx, plan: &Plan, judged: &[Judged]) -> serde_json::Value {
    let all = Counts::of(judged);
    json!({
        "plan": plan.meta.code,
        "as_of": render::json::date(Some(ctx.as_of)),
        "overall": render::json::counts(&all),
        "completion": {
            "done": all.done(),
            "denominator": all.came_due(),
            "denominator_kind": "came_due",
        },
        "groups": by_group(plan, judged).iter().map(|g| json!({
            "id": g.id, "title": g.title, "depth": g.depth, "declared": g.declared,
            "counts": render::json::counts(&g.counts),
        })).collect::<Vec<_>>(),
        "leads": by_lead(plan, judged, ctx.as_of).iter().map(|r| json!({
            "unit": render::json::unit_ref(&crate::report::UnitRef::answering(plan, &r.unit)),
            "counts": render::json::counts(&r.counts),
        })).collect::<Vec<_>>(),
    })
}
