//! The tracking table (bảng phân công và theo dõi tiến độ) as one plain value: one row per task
//! shaped like the plan's appendix — STT, content, lead, coordinating units, deadline phrase,
//! derived date, standing, latest result — plus the indicator rows. Computed once here, in the
//! pure core, from judged tasks; the Excel workbook, the CSV for people and the Word appendix
//! render it and compute nothing. Words (category names, headers) are the renderers' business.

use chrono::NaiveDate;

use crate::model::plan::{Plan, Progress};
use crate::model::status::Category;
use crate::summary::{Judged, indicators};

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

fn latest(plan: &Plan, progress: &[Progress], as_of: NaiveDate) -> Option<Latest> {
    progress
        .iter()
        .filter(|p| p.date.value <= as_of)
        // The last entry of the latest day (file order breaks ties).
        .fold(None::<&Progress>, |best, p| match best {
            Some(b) if b.date.value > p.date.value => Some(b),
            _ => Some(p),
        })
        .map(|p| Latest {
            date: p.date.value,
            by: plan.units.label(&p.by.value).to_string(),
            note: p.note.clone(),
            percent: p.percent,
        })
}

/// The tracking table of the selected tasks (plan order), judged as of `as_of`; the indicator
/// rows cover the same tasks.
pub fn build(plan: &Plan, judged: &[&Judged<'_>], as_of: NaiveDate) -> Tracking {
    let rows: Vec<TrackRow> = judged
        .iter()
        .enumerate()
        .map(|(i, j)| {
            let t = j.task;
            let mut answering: Vec<String> = vec![];
            for l in t.lead_ids() {
                for c in plan.units.carriers(l, as_of) {
                    if !answering.iter().any(|a| a == c) {
                        answering.push(c.to_string());
                    }
                }
            }
            TrackRow {
                stt: i + 1,
                id: t.id.value.clone(),
                group: t.group.value.clone(),
                title: t.title.clone(),
                lead: crate::render::lead_label(plan, t, as_of),
                support: crate::render::units_label(plan, t.support_ids(), as_of),
                answering,
                phrase: t.deadline.value.clone(),
                due: j.standing.due,
                category: j.standing.category,
                due_soon: j.standing.due_soon,
                days_late: j.standing.days_late,
                done_on: t
                    .done_on
                    .as_ref()
                    .map(|d| d.value)
                    .filter(|d| *d <= as_of && j.standing.category.is_done()),
                latest: latest(plan, &t.progress, as_of),
                milestones: j
                    .milestones
                    .iter()
                    .map(|m| MilestoneRow {
                        number: m.number,
                        title: m.milestone.title.clone(),
                        phrase: m.milestone.deadline.value.clone(),
                        due: m.standing.due,
                        category: m.standing.category,
                        days_late: m.standing.days_late,
                        done_on: m
                            .milestone
                            .done_on
                            .as_ref()
                            .map(|d| d.value)
                            .filter(|d| *d <= as_of),
                    })
                    .collect(),
            }
        })
        .collect();
    let ids: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let indicators = indicators(plan, as_of)
        .into_iter()
        .filter(|i| ids.contains(i.task.id.value.as_str()))
        .map(|i| IndicatorRow {
            task: i.task.id.value.clone(),
            name: i.name.to_string(),
            target: i.target.to_string(),
            unit: i.unit.map(str::to_string),
            value: i.latest.and_then(|p| p.value),
            date: i.latest.map(|p| p.date.value),
            by: i.latest.map(|p| plan.units.label(&p.by.value).to_string()),
            met: i.met,
        })
        .collect();
    Tracking {
        as_of,
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
        let refs: Vec<&Judged> = judged
            .iter()
            .filter(|j| j.task.group.value == "7")
            .collect();
        let t = build(plan, &refs, day);
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[0].stt, 1);
        assert_eq!(t.rows[3].id, "7.4");
        assert_eq!(t.rows[3].milestones.len(), 2);
        assert!(t.indicators.iter().all(|i| i.task.starts_with("7.")));
        assert_eq!(t.rows[3].answering, vec!["so-tttt".to_string()]);
    }
}
