//! `tiendo notice --month M [--unit UNIT] --format md|docx --out DIR`: draft reminder letters
//! (công văn đôn đốc), one per unit that answers for overdue tasks, tasks falling due next
//! period, or tasks it has not reported on this period; written to `DIR/YYYY-MM-<unit>.md|docx`
//! through the atomic writer. The lists come from `summary` (the same as the report's); the
//! letter's words from `i18n`; the form from [`render::nd30`].

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{Context, Result};

use super::{Ctx, Outcome};
use crate::cli::{NoticeArgs, NoticeFormat};
use crate::i18n::{OfficeTexts, Tr, fill, office, tr};
use crate::model::plan::Plan;
use crate::model::window::Cycle;
use crate::render::nd30::{self, Body, FormalDoc};
use crate::summary::{self, Due, Horizon, judge_all};

/// Longest task text quoted in a letter (characters).
const TITLE_MAX: usize = 220;

#[derive(Default)]
struct Lists<'a> {
    overdue: Vec<&'a Due<'a>>,
    due: Vec<&'a Due<'a>>,
    silent: Vec<&'a crate::model::plan::Task>,
}

pub fn run(
    ctx: &Ctx,
    args: &NoticeArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = super::load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let (o, t) = (office(ctx.lang), tr(ctx.lang));
    let cycle = Cycle::ReportDay(plan.meta.report_day);
    let window = cycle.window(args.month);
    let next = cycle.window(args.month.succ());
    let as_of = if ctx.as_of_given {
        ctx.as_of
    } else {
        window.end
    };
    let only = match &args.unit {
        Some(u) => Some(super::resolve_unit_in(plan, u, ctx.lang)?.id.value.clone()),
        None => None,
    };
    let judged = judge_all(
        plan,
        Horizon {
            as_of,
            soon_until: next.end,
        },
    );
    let overdue = summary::overdue(&judged);
    let due = summary::due_in(&judged, as_of, &next);
    let silent = summary::not_reported(plan, &judged, &window);
    // Unit id → what its letter lists. Overdue and due items go to the units that answer for
    // the task as of the day (an ended lead's carriers).
    let mut letters: BTreeMap<String, Lists> = BTreeMap::new();
    let answering = |d: &Due| -> Vec<String> {
        let mut v: Vec<String> = vec![];
        for l in d.task.lead_ids() {
            for c in plan.units.carriers(l, as_of) {
                if !v.iter().any(|x| x == c) {
                    v.push(c.to_string());
                }
            }
        }
        v
    };
    for d in &overdue {
        for u in answering(d) {
            letters.entry(u).or_default().overdue.push(d);
        }
    }
    for d in &due {
        for u in answering(d) {
            letters.entry(u).or_default().due.push(d);
        }
    }
    for s in &silent {
        letters
            .entry(s.unit.clone())
            .or_default()
            .silent
            .extend(s.tasks.iter().copied());
    }
    if let Some(u) = &only {
        letters.retain(|k, _| k == u);
    }
    if letters.is_empty() {
        writeln!(err, "{}", o.notice_none)?;
        return Ok(Outcome::Clean);
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("failed to create `{}`", args.out.display()))?;
    let report_by = cycle
        .window(args.month)
        .end
        .succ_opt()
        .unwrap_or(window.end);
    for (unit, lists) in &letters {
        let doc = letter(plan, unit, lists, &window, as_of, report_by, o, t);
        let (bytes, ext) = match args.format {
            NoticeFormat::Md => (nd30::markdown(&doc, o).into_bytes(), "md"),
            NoticeFormat::Docx => (nd30::docx(&doc, o)?, "docx"),
        };
        let path = args
            .out
            .join(format!("{}-{}.{ext}", args.month, crate::text::slug(unit)));
        crate::edit::write_atomic(&path, &bytes)?;
        writeln!(out, "{}", path.display())?;
    }
    Ok(Outcome::Clean)
}

#[allow(clippy::too_many_arguments)]
fn letter(
    plan: &Plan,
    unit: &str,
    lists: &Lists,
    window: &crate::model::window::Window,
    as_of: chrono::NaiveDate,
    report_by: chrono::NaiveDate,
    o: &OfficeTexts,
    t: &dyn Tr,
) -> FormalDoc {
    let settings = &plan.meta.document;
    let (mut header, signer, archive) = nd30::letterhead(settings, o, "", None, as_of);
    let month = format!("{}/{}", window.month.month, window.month.year);
    header.about = Some(fill(o.notice_summary, &[&plan.meta.code, &month]));
    let name = plan
        .units
        .get(unit)
        .map(|u| u.name.clone())
        .unwrap_or_else(|| unit.to_string());
    let label = plan.units.label(unit).to_string();
    let cut = |s: &str| {
        crate::render::cut(s, TITLE_MAX)
            .trim_end_matches('.')
            .to_string()
    };
    let what = |d: &Due| match d.milestone {
        Some(m) => format!(
            "{}#{} — {}",
            d.task.id.value,
            m.number,
            cut(&m.milestone.title)
        ),
        None => format!("{} — {}", d.task.id.value, cut(&d.task.title)),
    };
    let mut body = vec![Body::Para(fill(
        o.notice_intro,
        &[&plan.meta.code, &t.date(as_of)],
    ))];
    let mut n = 0;
    let mut heading = |text: &str| {
        n += 1;
        Body::Heading(format!("{n}. {text}"))
    };
    if !lists.overdue.is_empty() {
        body.push(heading(o.notice_overdue));
        for d in &lists.overdue {
            body.push(Body::Item(format!(
                "{} ({}; {}).",
                what(d),
                d.phrase(),
                fill(
                    o.overdue_days,
                    &[&d.standing.days_late.unwrap_or(0).to_string()]
                )
            )));
        }
    }
    if !lists.due.is_empty() {
        body.push(heading(o.notice_due));
        for d in &lists.due {
            let due = d.standing.due.map(|x| t.date(x)).unwrap_or_default();
            body.push(Body::Item(format!("{} ({}; {due}).", what(d), d.phrase())));
        }
    }
    if !lists.silent.is_empty() {
        body.push(heading(o.notice_silent));
        body.push(Body::Para(fill(
            o.notice_silent_item,
            &[&t.date(window.start), &t.date(window.end)],
        )));
        for task in &lists.silent {
            body.push(Body::Item(format!(
                "{} — {}.",
                task.id.value,
                cut(&task.title)
            )));
        }
    }
    body.push(Body::Para(fill(
        o.notice_closing,
        &[&label, &t.date(report_by)],
    )));
    body.push(Body::Para(o.notice_contact.to_string()));
    let mut recipients = vec![o.as_above.to_string()];
    recipients.extend(settings.notice_recipients.iter().cloned());
    FormalDoc {
        header,
        kind: None,
        summary: None,
        to: vec![name],
        body,
        signer,
        recipients,
        archive,
        appendix: None,
        created: as_of,
        title: fill(o.notice_summary, &[&plan.meta.code, &month]),
    }
}
