//! `tiendo show ID`: everything about one task, as of `--as-of`.

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome, load_for_view};
use crate::cli::{ShowArgs, TextOrJson};
use crate::i18n::{Label, tr};
use crate::model::plan::Plan;
use crate::render;
use crate::summary::{Horizon, Judged, judge_task};

pub fn run(
    ctx: &Ctx,
    args: &ShowArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let Some(task) = plan.task(args.id.trim()) else {
        super::unreadable_task(&loaded, args.id.trim(), tr(ctx.lang))?;
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.value.as_str()).collect();
        let near = crate::text::nearest(args.id.trim(), ids, 5);
        bail!(tr(ctx.lang).lookup(&crate::i18n::Lookup::UnknownTask {
            id: args.id.clone(),
            near: near.into_iter().map(str::to_string).collect(),
        }));
    };
    let j = judge_task(plan, task, Horizon::new(plan, ctx.as_of));
    let text = match args.format {
        TextOrJson::Json => render::json::to_string(&render::json::task(&crate::report::Row::of(
            plan, &j, ctx.as_of, true,
        ))),
        TextOrJson::Text => match ctx.width {
            Some(w) => render::wrap(&text(ctx, plan, &j), usize::from(w)),
            None => text(ctx, plan, &j),
        },
    };
    out.write_all(text.as_bytes())?;
    Ok(Outcome::Clean)
}

/// The lead (`lead`) or support units as in force on the day, with who carries an ended one's
/// part (`report::UnitRef::of_task`, the one answer).
fn units(plan: &Plan, task: &crate::model::plan::Task, lead: bool, ctx: &Ctx) -> Vec<String> {
    crate::report::UnitRef::of_task(plan, task, ctx.as_of, lead)
        .iter()
        .map(|r| {
            let label = render::unit_text(r);
            match plan.units.get(&r.id) {
                Some(u) if u.label() != u.name => format!("{} ({label})", u.name),
                _ => label,
            }
        })
        .collect()
}

fn text(ctx: &Ctx, plan: &Plan, j: &Judged) -> String {
    let tr = tr(ctx.lang);
    let t = j.task;
    let mut s = String::new();
    let mut line =
        |k: Label, v: String| s.push_str(&format!("{:<14} {v}\n", format!("{}:", tr.label(k))));
    line(Label::Id, t.id.value.clone());
    line(
        Label::Group,
        format!(
            "{} — {}",
            t.group.value,
            plan.meta
                .group(&t.group.value)
                .map(|g| g.title.as_str())
                .unwrap_or("?")
        ),
    );
    line(Label::Lead, units(plan, t, true, ctx).join("; "));
    let support = units(plan, t, false, ctx);
    line(
        Label::Support,
        if support.is_empty() {
            tr.label(Label::None).to_string()
        } else {
            support.join("; ")
        },
    );
    let due = match (&j.reading, j.standing.due) {
        (_, Some(d)) => format!(
            "{} ({})",
            tr.date(d),
            tr.deadline_kind(j.reading.as_ref().ok().copied())
        ),
        (Ok(k), None) => tr.deadline_kind(Some(*k)).to_string(),
        (Err(e), None) => tr.deadline_error(e),
    };
    line(
        Label::Deadline,
        format!("\"{}\" → {due}", j.in_force.deadline),
    );
    let mut status = tr.task_status(t.status.value).to_string();
    if let Some(d) = &t.done_on {
        status.push_str(&format!(", {}", tr.date(d.value)));
    }
    line(Label::Status, status);
    line(
        Label::Category,
        super::list::standing_words(ctx, &j.standing, j.overdue_milestone),
    );
    line(Label::File, t.file.clone());
    s.push_str(&format!("\n{}\n", t.title));
    if !j.milestones.is_empty() {
        s.push_str(&format!("\n{}:\n", tr.label(Label::Milestones)));
        for m in &j.milestones {
            let due = m
                .standing
                .due
                .map(|d| tr.date(d))
                .unwrap_or_else(|| "—".into());
            s.push_str(&format!(
                "  {}. {} — \"{}\" → {due} — {}\n",
                m.number,
                m.milestone.title,
                m.deadline,
                tr.category(m.standing.category)
            ));
        }
    }
    if !t.indicators.is_empty() {
        s.push_str(&format!("\n{}:\n", tr.label(Label::Indicators)));
        for i in &t.indicators {
            let latest = t
                .latest_value(&i.name.value, ctx.as_of)
                .and_then(|p| {
                    p.value.map(|v| {
                        format!(
                            "{}{} ({})",
                            tr.number(v),
                            i.unit.as_deref().unwrap_or(""),
                            tr.date(p.date.value)
                        )
                    })
                })
                .unwrap_or_else(|| "—".into());
            s.push_str(&format!(
                "  {}: {} {} — {}: {latest}\n",
                i.name.value,
                tr.label(Label::Target).to_lowercase(),
                i.target,
                tr.label(Label::Latest).to_lowercase()
            ));
        }
    }
    if !t.progress.is_empty() {
        s.push_str(&format!("\n{}:\n", tr.label(Label::Progress)));
        // Numbered as `update --amend N` / `--remove N` and `check` count them.
        for (n, p) in t.progress.iter().enumerate() {
            let pct = p.percent.map(|x| format!(" [{x}%]")).unwrap_or_default();
            s.push_str(&format!(
                "  {}. {} {}{pct}: {}\n",
                n + 1,
                tr.date(p.date.value),
                plan.units.label(&p.by.value),
                p.note
            ));
        }
    }
    if !t.amendments.is_empty() {
        s.push_str(&format!(
            "\n{}:\n",
            tr.who(&crate::i18n::WhoMsg::AmendmentsHeading)
        ));
        for a in t.amendments_in_order() {
            s.push_str(&format!("  - {}\n", render::amendment_text(plan, a, tr)));
            if let Some(n) = &a.note {
                s.push_str(&format!("    {n}\n"));
            }
        }
    }
    if !t.notes.is_empty() {
        s.push_str(&format!("\n{}:\n", tr.label(Label::Notes)));
        for n in &t.notes {
            s.push_str(&format!("  - {n}\n"));
        }
    }
    if let Some(src) = &t.source {
        let parts: Vec<String> = [
            src.body.as_ref().map(|b| {
                format!(
                    "{b}{}",
                    src.body_line
                        .map(|l| format!(" ({} {l})", tr.label(Label::Line)))
                        .unwrap_or_default()
                )
            }),
            src.appendix.as_ref().map(|a| {
                format!(
                    "{a}{}",
                    src.appendix_line
                        .map(|l| format!(" ({} {l})", tr.label(Label::Line)))
                        .unwrap_or_default()
                )
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !parts.is_empty() {
            s.push_str(&format!(
                "\n{}: {}\n",
                tr.label(Label::Source),
                parts.join("; ")
            ));
        }
    }
    s
}
