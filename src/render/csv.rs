//! CSV for spreadsheets: UTF-8 with a BOM (so Excel shows Vietnamese), RFC 4180 quoting, and
//! cells that start with `=`, `+`, `-`, `@`, tab or CR prefixed with `'` against formula
//! injection.

use crate::report::Row;

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
pub fn tasks(rows: &[Row], with_milestones: bool) -> String {
    let mut out = vec![];
    // Writing into memory cannot fail.
    let _ = tasks_to(&mut out, rows, with_milestones);
    String::from_utf8(out).unwrap_or_default()
}

/// [`tasks`] written row by row as the rows come (an export of 200,000 tasks must not hold the
/// whole table, nor every row value, in memory).
pub fn tasks_to<R: std::borrow::Borrow<Row>>(
    w: &mut dyn std::io::Write,
    rows: impl IntoIterator<Item = R>,
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
    let kind = |st: &crate::model::status::Standing| {
        st.kind.map(|r| r.key()).unwrap_or_default().to_string()
    };
    for t in rows {
        let t = t.borrow();
        w.write_all(s.as_bytes())?;
        s.clear();
        let lead = crate::render::units_text(&t.lead);
        let support = crate::render::units_text(&t.support);
        s.push_str(&row(&[
            t.id.clone(),
            t.group.clone(),
            t.title.clone(),
            lead.clone(),
            support.clone(),
            t.deadline.clone(),
            date(t.standing.due),
            kind(&t.standing),
            t.status.key().to_string(),
            date(t.done_on),
            t.standing.category.key().to_string(),
            t.standing
                .days_late
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ]));
        for m in t.milestones.iter().filter(|_| with_milestones) {
            s.push_str(&row(&[
                format!("{}#{}", t.id, m.number),
                t.group.clone(),
                m.title.clone(),
                lead.clone(),
                support.clone(),
                m.deadline.clone(),
                date(m.standing.due),
                kind(&m.standing),
                m.status.key().to_string(),
                date(m.done_on),
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
