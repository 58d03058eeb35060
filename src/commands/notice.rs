//! `tiendo notice --month M [--unit UNIT] --format md|docx --out DIR`: draft reminder letters
//! (công văn đôn đốc), one per unit that answers for overdue tasks, tasks falling due next
//! period, or tasks it has not reported on this period; written to `DIR/YYYY-MM-<unit>.md|docx`
//! through the atomic writer. The lists are the month's report value's (overdue, due next
//! period, not reported — computed once by [`crate::report::build`]); the letter's words come
//! from `i18n`; the form from [`crate::render::nd30`].

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{Context, Result};

use super::{Ctx, Outcome};
use crate::cli::{NoticeArgs, NoticeFormat};
use crate::i18n::{OfficeTexts, Tr, fill, office, tr};
use crate::model::plan::Plan;
use crate::model::window::Cycle;
use crate::render::nd30::{self, Body, FormalDoc};
use crate::report::{Basis, DueRow, Narrative, Period, Report, Spec};
use crate::summary::{Horizon, judge_all};

/// Longest task text quoted in a letter (characters).
const TITLE_MAX: usize = 220;

#[derive(Default)]
struct Lists<'a> {
    overdue: Vec<&'a DueRow>,
    due: Vec<&'a DueRow>,
    /// Task ids not reported on this period.
    silent: Vec<&'a str>,
}

/// The units that answer for a listed item: each lead as in force, or who carries it.
fn answering(d: &DueRow) -> Vec<String> {
    let mut v: Vec<String> = vec![];
    for l in &d.lead {
        let ids: Vec<&str> = if l.carried_by.is_empty() {
            vec![l.id.as_str()]
        } else {
            l.carried_by.iter().map(|c| c.id.as_str()).collect()
        };
        for id in ids {
            if !v.iter().any(|x| x == id) {
                v.push(id.to_string());
            }
        }
    }
    v
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
    // The same lists as the month's report: computed once, by the report value.
    let spec = Spec {
        period: Period::Month(args.month),
        window,
        next,
        as_of,
        basis: Basis::default(),
        issued: None,
        closed: None,
        narrative: Narrative::default(),
        by_member: false,
    };
    // No history section in a letter: the log is not read.
    let report = crate::report::build(plan, &judged, spec, Err(crate::git::Unavailable::NotARepo));
    let mut letters: BTreeMap<String, Lists> = BTreeMap::new();
    for d in &report.overdue {
        for u in answering(d) {
            letters.entry(u).or_default().overdue.push(d);
        }
    }
    for d in &report.due_next {
        for u in answering(d) {
            letters.entry(u).or_default().due.push(d);
        }
    }
    for s in &report.not_reported {
        letters
            .entry(s.unit.id.clone())
            .or_default()
            .silent
            .extend(s.tasks.iter().map(String::as_str));
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
    let report_by = window.end.succ_opt().unwrap_or(window.end);
    for (unit, lists) in &letters {
        let doc = letter(plan, &report, unit, lists, report_by, o, t);
        let (bytes, ext) = match args.format {
            NoticeFormat::Md => (nd30::markdown(&doc, o).into_bytes(), "md"),
            NoticeFormat::Docx => (nd30::docx(&doc, o)?, "docx"),
        };
        let path = args
            .out
            .join(format!("{}-{}.{ext}", args.month, crate::text::slug(unit)));
        // A file tiendo names itself inside the folder: a link planted there is refused.
        crate::edit::write_output(&path, &bytes, false, out)?;
        writeln!(
            out,
            "{}",
            crate::text::for_terminal(&path.display().to_string())
        )?;
    }
    Ok(Outcome::Clean)
}

fn letter(
    plan: &Plan,
    report: &Report,
    unit: &str,
    lists: &Lists,
    report_by: chrono::NaiveDate,
    o: &OfficeTexts,
    t: &dyn Tr,
) -> FormalDoc {
    let (window, as_of) = (&report.window, report.as_of);
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
    let what = |d: &DueRow| match d.milestone {
        Some(n) => format!("{}#{n} — {}", d.task, cut(&d.title)),
        None => format!("{} — {}", d.task, cut(&d.title)),
    };
    let title_of = |id: &str| {
        report
            .appendix
            .iter()
            .find(|r| r.id == id)
            .map(|r| cut(&r.title))
            .unwrap_or_default()
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
            let days = d.standing.days_late.unwrap_or(0).to_string();
            body.push(Body::Item(format!(
                "{} ({}; {}).",
                what(d),
                d.deadline,
                fill(o.overdue_days, &[&days])
            )));
        }
    }
    if !lists.due.is_empty() {
        body.push(heading(o.notice_due));
        for d in &lists.due {
            let due = d.standing.due.map(|x| t.date(x)).unwrap_or_default();
            body.push(Body::Item(format!("{} ({}; {due}).", what(d), d.deadline)));
        }
    }
    if !lists.silent.is_empty() {
        body.push(heading(o.notice_silent));
        body.push(Body::Para(fill(
            o.notice_silent_item,
            &[&t.date(window.start), &t.date(window.end)],
        )));
        for id in &lists.silent {
            body.push(Body::Item(format!("{id} — {}.", title_of(id))));
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
