//! CSV for spreadsheets: UTF-8 with a BOM (so Excel shows Vietnamese), RFC 4180 quoting, and
//! cells that start with `=`, `+`, `-`, `@`, tab or CR prefixed with `'` against formula
//! injection.

use crate::model::plan::{Plan, TaskStatus};
use crate::summary::Judged;

pub fn cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) || guarded != guarded.trim() {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

pub fn row(cells: &[String]) -> String {
    let mut s = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    s.push_str("\r\n");
    s
}

pub const BOM: &str = "\u{feff}";

/// The task table for spreadsheets: machine-key columns, one row per task, each followed by
/// its milestones (`7.4#1`, `7.4#2`) when `with_milestones` (`export`; `list` has one row per task).
pub fn tasks(
    plan: &Plan,
    rows: &[&Judged<'_>],
    as_of: chrono::NaiveDate,
    with_milestones: bool,
) -> String {
    let mut s = String::from(BOM);
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
        let lead = crate::render::lead_label(plan, t, as_of);
        let support = crate::render::units_label(plan, t.support_ids(), as_of);
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
        for m in j.milestones.iter().filter(|_| with_milestones) {
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

/// The tracking table for people (`export --format csv`): the headers and standing words of the
/// chosen language, dates as dd/mm/yyyy, milestones in the note column. Machines read the JSON.
pub fn people(
    t: &crate::tracking::Tracking,
    o: &crate::i18n::OfficeTexts,
    tr: &dyn crate::i18n::Tr,
) -> String {
    use crate::render::xlsx::{assessment, note, result};
    let mut s = String::from(BOM);
    let header = [
        o.col_stt,
        o.col_id,
        o.col_group,
        o.col_content,
        o.col_lead,
        o.col_support,
        o.col_deadline,
        o.col_due,
        o.col_status,
        o.col_done_on,
        o.col_days_late,
        o.col_result,
        o.col_assessment,
        o.col_note,
    ];
    s.push_str(&row(&header.map(String::from)));
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| tr.date(d)).unwrap_or_default();
    for r in &t.rows {
        s.push_str(&row(&[
            r.stt.to_string(),
            r.id.clone(),
            r.group.clone(),
            r.title.clone(),
            r.lead.clone(),
            r.support.clone(),
            r.phrase.clone(),
            date(r.due),
            tr.category(r.category).to_string(),
            date(r.done_on),
            r.days_late.map(|d| d.to_string()).unwrap_or_default(),
            result(r, o, tr),
            assessment(r, o),
            note(r, o, tr),
        ]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("-5"), "'-5");
        assert_eq!(cell("Sở Tài chính"), "Sở Tài chính");
        assert_eq!(cell("a, b"), "\"a, b\"");
    }
}
