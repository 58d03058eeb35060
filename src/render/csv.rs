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
    let mut out = vec![];
    // Writing into memory cannot fail.
    let _ = tasks_to(&mut out, plan, rows, as_of, with_milestones);
    String::from_utf8(out).unwrap_or_default()
}

/// [`tasks`] written row by row (an export must not hold the whole table in memory).
pub fn tasks_to(
    w: &mut dyn std::io::Write,
    plan: &Plan,
    rows: &[&Judged<'_>],
    as_of: chrono::NaiveDate,
    with_milestones: bool,
) -> std::io::Result<()> {
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
        w.write_all(s.as_bytes())?;
        s.clear();
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
    w.write_all(s.as_bytes())
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
