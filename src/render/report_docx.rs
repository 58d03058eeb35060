//! The report as a Word document (`report --format docx`): the [`Report`] value laid out in the
//! outline of a monthly report — I. results (direction; tasks; indicators), II. shortcomings
//! and causes, III. next period's priorities, IV. proposals — with the Nghị định 30/2020 form
//! ([`super::nd30`]) and the tracking table as a landscape appendix. What only people can
//! write comes from the secretariat's narrative file, or shows as a visible placeholder.
//!
//! Computes nothing about the plan: every figure and list is a field of the report value.

use crate::i18n::{OfficeTexts, Timely, Tr, fill};
use crate::model::plan::DocumentSettings;
use crate::model::status::Category;
use crate::report::{DueRow, Period, Report};
use crate::summary::Counts;
use crate::tracking;

use super::nd30::{self, Appendix, Body, FormalDoc};

/// "tháng 7/2024" for a month, the period's name otherwise.
fn period_words(p: Period, o: &OfficeTexts, tr: &dyn Tr) -> String {
    match p {
        Period::Month(m) => fill(o.month_words, &[&m.month.to_string(), &m.year.to_string()]),
        other => tr.timely(&Timely::PeriodName(other)),
    }
}

fn counts(c: &Counts, o: &OfficeTexts) -> String {
    let n = |x: usize| x.to_string();
    fill(
        o.counts_sentence,
        &[
            &n(c.done()),
            &n(c.came_due()),
            &n(c.total()),
            &n(c.get(Category::InProgress)),
            &n(c.get(Category::Overdue)),
            &n(c.get(Category::Ongoing)),
            &n(c.get(Category::NoDate)),
        ],
    )
}

fn leads(d: &DueRow) -> String {
    super::units_text(&d.lead)
}

fn what(d: &DueRow) -> (String, String) {
    let id = match d.milestone {
        Some(n) => format!("{}#{n}", d.task),
        None => d.task.clone(),
    };
    (
        id,
        super::cut(&d.title, 200).trim_end_matches('.').to_string(),
    )
}

/// The secretariat's text for a part, one paragraph (or list item) per line; a placeholder
/// naming the notes file when it has not been written.
fn narrative(text: Option<&str>, file: &str, o: &OfficeTexts) -> Vec<Body> {
    match text {
        Some(t) => t
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(
                |l| match l.strip_prefix("- ").or_else(|| l.strip_prefix("* ")) {
                    Some(item) => Body::Item(item.to_string()),
                    None => Body::Para(l.to_string()),
                },
            )
            .collect(),
        None => vec![Body::Placeholder(format!(
            "{} ({file})",
            o.narrative_placeholder
        ))],
    }
}

/// The report as an outgoing document.
pub fn formal(r: &Report, s: &DocumentSettings, o: &OfficeTexts, tr: &dyn Tr) -> FormalDoc {
    let number = r.issued.as_ref().map(|i| i.number.as_str());
    let date = r.issued.as_ref().map_or(r.as_of, |i| i.date);
    let (header, signer, archive) = nd30::letterhead(s, o, "BC", number, date);
    let period = period_words(r.period, o, tr);
    let summary = fill(o.report_summary, &[&r.plan_code, &period]);
    let d = |x| tr.date(x);
    let mut body = vec![Body::Para(fill(
        o.report_intro,
        &[
            &r.plan_code,
            &d(r.window.start),
            &d(r.window.end),
            &d(r.as_of),
        ],
    ))];
    body.push(Body::Heading(o.sec_results.to_string()));
    body.push(Body::Subheading(o.sec_direction.to_string()));
    body.extend(narrative(
        r.narrative.direction.as_deref(),
        &r.narrative.file,
        o,
    ));
    body.push(Body::Subheading(o.sec_tasks.to_string()));
    body.push(Body::Para(format!(
        "{}{}",
        o.part_a,
        counts(&r.overview.focus, o)
    )));
    body.push(Body::Para(format!(
        "{}{}",
        o.part_b,
        counts(&r.overview.groups, o)
    )));
    if r.overdue.is_empty() {
        body.push(Body::Para(o.none_overdue.to_string()));
    } else {
        body.push(Body::Para(fill(
            o.overdue_intro,
            &[&r.overdue.len().to_string()],
        )));
        for x in &r.overdue {
            let (id, title) = what(x);
            let days = x.standing.days_late.unwrap_or(0).to_string();
            body.push(Body::Item(fill(
                o.overdue_item,
                &[&id, &title, &leads(x), &x.deadline, &days],
            )));
        }
    }
    if r.not_reported.is_empty() {
        body.push(Body::Para(o.all_reported.to_string()));
    } else {
        body.push(Body::Para(o.not_reported_intro.to_string()));
        for sl in &r.not_reported {
            body.push(Body::Item(fill(
                o.not_reported_item,
                &[&super::unit_text(&sl.unit), &sl.tasks.join(", ")],
            )));
        }
    }
    body.push(Body::Subheading(o.sec_indicators.to_string()));
    if r.indicators.is_empty() {
        body.push(Body::Para(o.no_indicators.to_string()));
    }
    for i in &r.indicators {
        let value = i
            .latest
            .as_ref()
            .and_then(|e| e.value)
            .map(|v| {
                let unit = i.unit.as_deref().unwrap_or("");
                format!("{}{unit}", tr.number(v))
            })
            .unwrap_or_else(|| o.no_value.to_string());
        let met = match i.met {
            Some(true) => o.met,
            Some(false) => o.not_met,
            None => o.no_value,
        };
        body.push(Body::Item(fill(
            o.indicator_item,
            &[&i.task, &i.name, &value, &i.target, met],
        )));
    }
    body.push(Body::Heading(o.sec_shortcomings.to_string()));
    body.extend(narrative(
        r.narrative.shortcomings.as_deref(),
        &r.narrative.file,
        o,
    ));
    let next = period_words(r.period.succ(), o, tr).to_uppercase();
    body.push(Body::Heading(fill(o.sec_next, &[&next])));
    if r.due_next.is_empty() {
        body.push(Body::Para(o.none_due_next.to_string()));
    } else {
        body.push(Body::Para(o.due_next_intro.to_string()));
        for x in &r.due_next {
            let (id, title) = what(x);
            let due = x.standing.due.map(d).unwrap_or_default();
            body.push(Body::Item(fill(
                o.due_item,
                &[&id, &title, &leads(x), &due],
            )));
        }
    }
    body.push(Body::Heading(o.sec_proposals.to_string()));
    body.extend(narrative(
        r.narrative.proposals.as_deref(),
        &r.narrative.file,
        o,
    ));
    let issuer = s.issuer.clone().unwrap_or_default();
    let appendix = appendix(
        &tracking::of_report(r),
        header.number.replacen(o.number, "", 1).trim_matches(' '),
        &issuer,
        o,
        tr,
    );
    FormalDoc {
        header,
        kind: Some(o.report_type.to_string()),
        summary: Some(summary.clone()),
        to: vec![],
        body,
        signer,
        recipients: s.recipients.clone(),
        archive,
        appendix: Some(appendix),
        created: date,
        title: summary,
    }
}

/// The tracking table as the report's appendix.
pub fn appendix(
    t: &tracking::Tracking,
    number: &str,
    issuer: &str,
    o: &OfficeTexts,
    tr: &dyn Tr,
) -> Appendix {
    use super::xlsx::{assessment, category_colour, note, result};
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let deadline = match r.due {
                Some(due) => format!("{}\n({})", r.phrase, tr.date(due)),
                None => r.phrase.clone(),
            };
            vec![
                r.stt.to_string(),
                format!("{}. {}", r.id, r.title),
                r.lead.clone(),
                r.support.clone(),
                deadline,
                result(r, o, tr),
                format!("{}\n{}", tr.category(r.category), assessment(r, o)),
                note(r, o, tr),
            ]
        })
        .collect();
    let shade = t
        .rows
        .iter()
        .map(|r| {
            Some((
                6,
                format!("{:06X}", category_colour(r.category, r.due_soon)),
            ))
        })
        .collect();
    Appendix {
        heading: o.appendix.to_string(),
        title: o.table_title.to_string(),
        subtitle: fill(o.appendix_sub, &[number, issuer]),
        headers: [
            o.col_stt,
            o.col_content,
            o.col_lead,
            o.col_support,
            o.col_deadline,
            o.col_result,
            o.col_assessment,
            o.col_note,
        ]
        .iter()
        .map(|h| h.to_string())
        .collect(),
        widths: vec![700, 3900, 1600, 1700, 1500, 2300, 1500, 1086],
        rows,
        shade,
    }
}
