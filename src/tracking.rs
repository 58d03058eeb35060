//! The tracking table (bảng phân công và theo dõi tiến độ) as one plain value: one row per task
//! shaped like the plan's appendix — STT, content, lead, coordinating units, deadline phrase,
//! derived date, standing, latest result — plus the indicator rows. Built in the pure core from
//! the one row value ([`crate::report::Row`]) or from the report value; the Excel workbook, the
//! CSV for people and the Word appendix render it and compute nothing. Words (category names,
//! headers) are the renderers' business.

use chrono::NaiveDate;

use crate::model::plan::Plan;
use crate::model::status::Category;
use crate::report::{Entry, Row};

/// One milestone of a task, as the tracking table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    /// 1-based.
    pub number: usize,
    pub title: String,
    pub phrase: String,
    pub due: Option<NaiveDate>,
    pub category: Category,
    pub days_late: Option<i64>,
    pub done_on: Option<NaiveDate>,
}

/// One task row.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackRow {
    /// 1-based position in the table.
    pub stt: usize,
    pub id: String,
    pub group: String,
    pub title: String,
    /// Lead units' labels (an ended unit followed by who carries it).
    pub lead: String,
    pub support: String,
    /// Units that answer for the task as of the day (ended leads replaced by their carriers).
    pub answering: Vec<String>,
    /// The deadline phrase exactly as written.
    pub phrase: String,
    pub due: Option<NaiveDate>,
    pub category: Category,
    pub due_soon: bool,
    pub days_late: Option<i64>,
    pub done_on: Option<NaiveDate>,
    /// The latest progress entry dated on or before the day, with its unit's label.
    pub latest: Option<Latest>,
    pub milestones: Vec<MilestoneRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    pub date: NaiveDate,
    pub by: String,
    pub note: String,
    pub percent: Option<u8>,
}

/// One indicator row.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub task: String,
    pub name: String,
    pub target: String,
    pub unit: Option<String>,
    pub value: Option<f64>,
    pub date: Option<NaiveDate>,
    pub by: Option<String>,
    /// None when there is no value or no numeric target.
    pub met: Option<bool>,
}

/// The whole table as of a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracking {
    pub as_of: NaiveDate,
    pub rows: Vec<TrackRow>,
    pub indicators: Vec<IndicatorRow>,
}

impl Tracking {
    /// Units that answer for at least one row, in registry order.
    pub fn answering_units<'a>(&'a self, plan: &'a Plan) -> Vec<&'a str> {
        let mut ids: Vec<&str> = self
            .rows
            .iter()
            .flat_map(|r| r.answering.iter().map(String::as_str))
            .collect();
        ids.sort_by_key(|id| {
            (
                plan.units
                    .units
                    .iter()
                    .position(|u| u.id.value == *id)
                    .unwrap_or(usize::MAX),
                id.to_string(),
            )
        });
        ids.dedup();
        ids
    }
}

/// The latest entry dated on or before `as_of` (the last of that day, in file order).
fn latest<'a>(entries: impl Iterator<Item = &'a Entry>, as_of: NaiveDate) -> Option<Latest> {
    entries
        .filter(|e| e.date <= as_of)
        .fold(None::<&Entry>, |best, e| match best {
            Some(b) if b.date > e.date => Some(b),
            _ => Some(e),
        })
        .map(|e| Latest {
            date: e.date,
            by: e.by.label.clone(),
            note: e.note.clone(),
            percent: e.percent,
        })
}

fn track_row(i: usize, r: &Row, latest_entry: Option<Latest>, as_of: NaiveDate) -> TrackRow {
    let mut answering: Vec<String> = vec![];
    for l in &r.lead {
        let ids: Vec<&str> = if l.carried_by.is_empty() {
            vec![l.id.as_str()]
        } else {
            l.carried_by.iter().map(|c| c.id.as_str()).collect()
        };
        for id in ids {
            if !answering.iter().any(|a| a == id) {
                answering.push(id.to_string());
            }
        }
    }
    TrackRow {
        stt: i + 1,
        id: r.id.clone(),
        group: r.group.clone(),
        title: r.title.clone(),
        lead: crate::render::units_text(&r.lead),
        support: crate::render::units_text(&r.support),
        answering,
        phrase: r.deadline.clone(),
        due: r.standing.due,
        category: r.standing.category,
        due_soon: r.standing.due_soon,
        days_late: r.standing.days_late,
        done_on: r
            .done_on
            .filter(|d| *d <= as_of && r.standing.category.is_done()),
        latest: latest_entry,
        milestones: r
            .milestones
            .iter()
            .map(|m| MilestoneRow {
                number: m.number,
                title: m.title.clone(),
                phrase: m.deadline.clone(),
                due: m.standing.due,
                category: m.standing.category,
                days_late: m.standing.days_late,
                done_on: m.done_on.filter(|d| *d <= as_of),
            })
            .collect(),
    }
}

/// The tracking table of `rows` (the one row value `list`, `export` and the report share), in
/// the order given, as of `as_of`. Rows with details give the latest result and indicators.
pub fn build(rows: &[Row], as_of: NaiveDate) -> Tracking {
    let track = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let entries = r.details.iter().flat_map(|d| d.progress.iter());
            track_row(i, r, latest(entries, as_of), as_of)
        })
        .collect();
    let indicators = rows
        .iter()
        .flat_map(|r| {
            r.details.iter().flat_map(|d| d.indicators.iter()).map(|i| {
                let value = i.latest.as_ref().and_then(|e| e.value);
                IndicatorRow {
                    task: r.id.clone(),
                    name: i.name.clone(),
                    target: i.target.clone(),
                    unit: i.unit.clone(),
                    value,
                    date: i.latest.as_ref().map(|e| e.date),
                    by: i.latest.as_ref().map(|e| e.by.label.clone()),
                    met: value.zip(i.target_value).map(|(v, t)| v >= t),
                }
            })
        })
        .collect();
    Tracking {
        as_of,
        rows: track,
        indicators,
    }
}

/// The report's appendix as a tracking table: its rows, with the result each task reported
/// inside the report's window (the last entry), and the report's indicator lines.
pub fn of_report(r: &crate::report::Report) -> Tracking {
    let rows = r
        .appendix
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let entries = r
                .progress
                .iter()
                .filter(|b| b.task == row.id)
                .flat_map(|b| b.entries.iter());
            track_row(i, row, latest(entries, r.as_of), r.as_of)
        })
        .collect();
    let indicators = r
        .indicators
        .iter()
        .map(|i| IndicatorRow {
            task: i.task.clone(),
            name: i.name.clone(),
            target: i.target.clone(),
            unit: i.unit.clone(),
            value: i.latest.as_ref().and_then(|e| e.value),
            date: i.latest.as_ref().map(|e| e.date),
            by: i.latest.as_ref().map(|e| e.by.label.clone()),
            met: i.met,
        })
        .collect();
    Tracking {
        as_of: r.as_of,
        rows,
        indicators,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_selection_and_number_from_one() {
        let loaded = crate::load::load(std::path::Path::new("tests/fixtures/frozen-plan")).unwrap();
        let plan = &loaded.plan;
        let day = NaiveDate::from_ymd_opt(2024, 7, 14).unwrap();
        let judged = crate::summary::judge_all(plan, crate::summary::Horizon::new(plan, day));
        let refs: Vec<&crate::summary::Judged> = judged
            .iter()
            .filter(|j| j.task.group.value == "7")
            .collect();
        let t = build(&crate::report::rows(plan, &refs, day, true), day);
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[0].stt, 1);
        assert_eq!(t.rows[3].id, "7.4");
        assert_eq!(t.rows[3].milestones.len(), 2);
        assert_eq!(t.indicators.len(), 2);
        assert!(t.indicators.iter().all(|i| i.task == "7.4"));
        assert_eq!(t.rows[3].answering, vec!["so-tttt".to_string()]);
    }
}
