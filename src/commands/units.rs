//! `tiendo units [UNIT]`: the registry with task counts, or one unit with its tasks.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{Ctx, Outcome, load_for_view, resolve_unit_in};
use crate::cli::{TextOrJson, UnitsArgs};
use crate::i18n::{Label, tr};
use crate::model::plan::{Plan, Unit};
use crate::render::{self, table};
use crate::summary::{Horizon, involves, judge_all, leads};
use chrono::NaiveDate;

/// Tasks `u` answers for as lead on `as_of` (`summary::leads`, the one rule `list --lead` uses).
fn led(plan: &Plan, u: &Unit, as_of: NaiveDate) -> Vec<String> {
    plan.tasks
        .iter()
        .filter(|t| leads(plan, t, &u.id.value, as_of))
        .map(|t| t.id.value.clone())
        .collect()
}

/// Tasks `u` answers for as support (and not as lead) on `as_of`.
fn supported(plan: &Plan, u: &Unit, as_of: NaiveDate) -> Vec<String> {
    plan.tasks
        .iter()
        .filter(|t| involves(plan, t, &u.id.value, as_of) && !leads(plan, t, &u.id.value, as_of))
        .map(|t| t.id.value.clone())
        .collect()
}

fn ended(ctx: &Ctx, plan: &Plan, u: &Unit) -> String {
    let tr = tr(ctx.lang);
    match u.ended {
        Some(d) => {
            let succ: Vec<&str> = u
                .successors
                .iter()
                .map(|s| plan.units.label(&s.value))
                .collect();
            format!("{} → {}", tr.date(d), succ.join(", "))
        }
        None => String::new(),
    }
}

pub fn run(
    ctx: &Ctx,
    args: &UnitsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let tr = tr(ctx.lang);
    let style = table::Style {
        color: ctx.color,
        width: ctx.width,
    };
    let unit_json = |u: &Unit| {
        json!({
            "id": u.id.value, "name": u.name, "short": u.short, "kind": u.kind.key(),
            "aliases": u.aliases,
            "members": u.members.iter().map(|m| &m.value).collect::<Vec<_>>(),
            "ended": render::json::date(u.ended),
            "successors": u.successors.iter().map(|m| &m.value).collect::<Vec<_>>(),
            "leads": led(plan, u, ctx.as_of), "supports": supported(plan, u, ctx.as_of),
        })
    };
    let text = match (&args.unit, args.format) {
        (None, TextOrJson::Json) => render::json::to_string(&json!({
            "units": plan.units.units.iter().map(unit_json).collect::<Vec<_>>(),
        })),
        (None, TextOrJson::Text) => {
            let mut t = table::new(
                style,
                &[
                    tr.label(Label::Id),
                    tr.label(Label::Name),
                    tr.label(Label::Kind),
                    tr.label(Label::Led),
                    tr.label(Label::Supported),
                    tr.label(Label::Ended),
                ],
            );
            for u in &plan.units.units {
                t.add_row(vec![
                    u.id.value.clone(),
                    u.name.clone(),
                    tr.unit_kind(u.kind).to_string(),
                    led(plan, u, ctx.as_of).len().to_string(),
                    supported(plan, u, ctx.as_of).len().to_string(),
                    ended(ctx, plan, u),
                ]);
            }
            table::keep_whole(&mut t, &[0]);
            table::to_string(&t)
        }
        (Some(arg), format) => {
            let u = resolve_unit_in(plan, arg, ctx.lang)?;
            if format == TextOrJson::Json {
                render::json::to_string(&unit_json(u))
            } else {
                one(ctx, plan, u, style)
            }
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(Outcome::Clean)
}

fn one(ctx: &Ctx, plan: &Plan, u: &Unit, style: table::Style) -> String {
    let tr = tr(ctx.lang);
    let mut s = format!("{} ({})\n", u.name, u.id.value);
    s.push_str(&format!(
        "{}: {}\n",
        tr.label(Label::Kind),
        tr.unit_kind(u.kind)
    ));
    if !u.aliases.is_empty() {
        s.push_str(&format!(
            "{}: {}\n",
            tr.label(Label::Aliases),
            u.aliases.join("; ")
        ));
    }
    if !u.members.is_empty() {
        let m: Vec<&str> = u
            .members
            .iter()
            .map(|m| plan.units.label(&m.value))
            .collect();
        s.push_str(&format!("{}: {}\n", tr.label(Label::Members), m.join(", ")));
    }
    if u.ended.is_some() {
        s.push_str(&format!(
            "{}: {}\n",
            tr.label(Label::Ended),
            ended(ctx, plan, u)
        ));
    }
    if let Some(n) = &u.note {
        s.push_str(&format!("{}: {n}\n", tr.label(Label::Notes)));
    }
    if u.ended_by(ctx.as_of) {
        // Where its open work went, task by task (the one answer: `responsible::carriers`).
        let moved: Vec<String> = plan
            .tasks
            .iter()
            .filter(|t| t.lead_ids().chain(t.support_ids()).any(|l| l == u.id.value))
            .filter_map(|t| {
                let to = crate::model::responsible::carriers(plan, t, &u.id.value, ctx.as_of);
                (to != [u.id.value.as_str()]).then(|| {
                    let labels: Vec<&str> = to.iter().map(|c| plan.units.label(c)).collect();
                    format!("{} → {}", t.id.value, labels.join(", "))
                })
            })
            .collect();
        if !moved.is_empty() {
            s.push_str(&tr.who(&crate::i18n::WhoMsg::HandedOver {
                count: moved.len(),
                list: &moved.join("; "),
            }));
            s.push('\n');
        }
    }
    let judged = judge_all(plan, Horizon::new(plan, ctx.as_of));
    let mine: Vec<_> = judged
        .iter()
        .filter(|j| involves(plan, j.task, &u.id.value, ctx.as_of))
        .collect();
    if mine.is_empty() {
        s.push_str(&format!("\n{}\n", tr.no_tasks_match()));
        return s;
    }
    let mut t = table::new(
        style,
        &[
            tr.label(Label::Id),
            tr.label(Label::Title),
            tr.label(Label::Unit),
            tr.label(Label::Due),
            tr.label(Label::Category),
        ],
    );
    for j in mine {
        let role = if leads(plan, j.task, &u.id.value, ctx.as_of) {
            tr.label(Label::Lead)
        } else {
            tr.label(Label::Support)
        };
        t.add_row(vec![
            comfy_table::Cell::new(&j.task.id.value),
            comfy_table::Cell::new(render::cut(&j.task.title, 60)),
            comfy_table::Cell::new(role),
            comfy_table::Cell::new(
                j.standing
                    .due
                    .map(|d| tr.date(d))
                    .unwrap_or_else(|| j.in_force.deadline.to_string()),
            ),
            table::standing_cell(
                &j.standing,
                super::list::standing_words(ctx, &j.standing, j.overdue_milestone),
                style,
            ),
        ]);
    }
    table::keep_whole(&mut t, &[0]);
    if let Some(w) = style.width {
        s = render::wrap(&s, usize::from(w));
    }
    s.push('\n');
    s.push_str(&table::to_string(&t));
    s
}
