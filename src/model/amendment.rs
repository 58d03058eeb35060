//! Dated amendments: a change the secretariat acts on (a handover of one unit's work, a new
//! lead, a deadline extension, a changed title or indicator target), and the task **as in force
//! on a day**.
//!
//! The task's own fields keep the plan's wording; `[[amendment]]` entries say what changed,
//! from which day, on what basis. [`Task::in_force`] is the one function that applies them:
//! every view that judges a day (status, summary, report, who answers) starts from it. Whether
//! an amendment is well formed (a basis, known units, a milestone that exists, a phrase that
//! reads) is `check`'s business; this module applies what it can and skips what it cannot.

use chrono::NaiveDate;

use super::plan::{Located, Pos, Task, TaskStatus};

/// One `[[amendment]]` entry of a task file.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Amendment {
    /// The day it takes effect.
    pub on: Located<NaiveDate>,
    /// Where the `[[amendment]]` table starts (its `on` key).
    pub pos: Pos,
    /// The document it rests on (required; `check` reports a missing one).
    pub basis: Option<Located<String>>,
    pub note: Option<String>,
    /// A fact that could not be checked against a source.
    pub unverified: bool,
    /// Handover: this unit's role passes to `to` (wherever it stands: lead or support).
    pub from: Option<Located<String>>,
    pub to: Vec<Located<String>>,
    /// Where `to` is written (for a `to` without `from`).
    pub to_pos: Option<Pos>,
    /// Replaces the lead list.
    pub lead: Option<Vec<Located<String>>>,
    /// Replaces the support list.
    pub support: Option<Vec<Located<String>>>,
    /// The task's deadline phrase (or the milestone's, with `milestone`).
    pub deadline: Option<Located<String>>,
    /// The task's due date (or the milestone's, with `milestone`).
    pub due: Option<Located<NaiveDate>>,
    pub title: Option<String>,
    /// 1-based milestone number the deadline/due apply to.
    pub milestone: Option<Located<i64>>,
    /// Indicator name the target/target_value apply to.
    pub indicator: Option<Located<String>>,
    pub target: Option<String>,
    pub target_value: Option<f64>,
    /// The task was added to the plan by this amendment (`tiendo new` beyond a declared count).
    pub added: bool,
}

impl Default for Located<NaiveDate> {
    fn default() -> Self {
        Located::new(NaiveDate::MIN, Pos::default())
    }
}

impl Amendment {
    /// A handover (`from` + `to`).
    pub fn is_handover(&self) -> bool {
        self.from.is_some()
    }

    /// Does it change who does the task (handover, lead or support)?
    pub fn changes_units(&self) -> bool {
        self.from.is_some() || self.lead.is_some() || self.support.is_some()
    }

    /// Which kind of change, for listing (`show`, the report): the first that applies.
    pub fn kind(&self) -> AmendmentKind {
        if self.from.is_some() {
            AmendmentKind::Handover
        } else if self.lead.is_some() || self.support.is_some() {
            AmendmentKind::Reassignment
        } else if self.milestone.is_some() {
            AmendmentKind::Milestone
        } else if self.deadline.is_some() || self.due.is_some() {
            AmendmentKind::Deadline
        } else if self.indicator.is_some() {
            AmendmentKind::Indicator
        } else if self.title.is_some() {
            AmendmentKind::Title
        } else {
            AmendmentKind::Empty
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmendmentKind {
    Handover,
    Reassignment,
    Deadline,
    Milestone,
    Indicator,
    Title,
    Empty,
}

/// A milestone as in force on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneInForce<'a> {
    pub deadline: &'a str,
    pub due: Option<NaiveDate>,
}

/// An indicator's target as in force on a day (same order as `Task::indicators`).
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorInForce<'a> {
    pub name: &'a str,
    pub target: &'a str,
    pub target_value: Option<f64>,
}

/// The task as in force on a day: the plan's values with every amendment dated on or before
/// that day applied, in order of `on` (file order breaks ties).
#[derive(Debug, Clone, PartialEq)]
pub struct InForce<'a> {
    pub day: NaiveDate,
    pub title: &'a str,
    /// Lead unit ids, handovers applied (a unit may still have ended: see `responsible`).
    pub lead: Vec<&'a str>,
    pub support: Vec<&'a str>,
    pub deadline: &'a str,
    pub due: Option<NaiveDate>,
    pub milestones: Vec<MilestoneInForce<'a>>,
    pub indicators: Vec<IndicatorInForce<'a>>,
    /// The amendments applied, in the order applied.
    pub applied: Vec<&'a Amendment>,
}

impl Task {
    /// Amendments in the order they apply: by `on`, file order breaking ties.
    pub fn amendments_in_order(&self) -> Vec<&Amendment> {
        let mut v: Vec<&Amendment> = self.amendments.iter().collect();
        v.sort_by_key(|a| a.on.value); // stable: file order breaks ties
        v
    }

    /// Was the task done before `day` (so a change of who does it does not touch it)?
    pub fn done_before(&self, day: NaiveDate) -> bool {
        self.status.value == TaskStatus::Done
            && self.done_on.as_ref().is_some_and(|d| d.value < day)
    }

    /// The task as in force on `day`. Only open work passes: a change of units (handover, lead,
    /// support) dated after the task was done does not apply.
    pub fn in_force(&self, day: NaiveDate) -> InForce<'_> {
        let mut f = InForce {
            day,
            title: &self.title,
            lead: self.lead_ids().collect(),
            support: self.support_ids().collect(),
            deadline: &self.deadline.value,
            due: self.due.as_ref().map(|d| d.value),
            milestones: self
                .milestones
                .iter()
                .map(|m| MilestoneInForce {
                    deadline: &m.deadline.value,
                    due: m.due.as_ref().map(|d| d.value),
                })
                .collect(),
            indicators: self
                .indicators
                .iter()
                .map(|i| IndicatorInForce {
                    name: &i.name.value,
                    target: &i.target,
                    target_value: i.target_value,
                })
                .collect(),
            applied: vec![],
        };
        for a in self.amendments_in_order() {
            if a.on.value > day {
                break;
            }
            if a.changes_units() && self.done_before(a.on.value) {
                continue;
            }
            f.apply(a);
        }
        f
    }
}

impl<'a> InForce<'a> {
    fn apply(&mut self, a: &'a Amendment) {
        let mut applied = false;
        if let Some(from) = &a.from {
            let to: Vec<&str> = a.to.iter().map(|t| t.value.as_str()).collect();
            applied |= replace(&mut self.lead, &from.value, &to);
            applied |= replace(&mut self.support, &from.value, &to);
            // A unit both leading and supporting after a handover leads.
            let lead = self.lead.clone();
            self.support.retain(|s| !lead.contains(s));
        }
        if let Some(lead) = &a.lead {
            self.lead = lead.iter().map(|l| l.value.as_str()).collect();
            let lead = self.lead.clone();
            self.support.retain(|s| !lead.contains(s));
            applied = true;
        }
        if let Some(support) = &a.support {
            self.support = support.iter().map(|l| l.value.as_str()).collect();
            applied = true;
        }
        match &a.milestone {
            Some(n) => {
                let m = usize::try_from(n.value)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| self.milestones.get_mut(i));
                if let Some(m) = m {
                    if let Some(d) = &a.deadline {
                        m.deadline = &d.value;
                        m.due = None;
                        applied = true;
                    }
                    if let Some(due) = &a.due {
                        m.due = Some(due.value);
                        applied = true;
                    }
                }
            }
            None => {
                if let Some(d) = &a.deadline {
                    // A new phrase brings its own date; an explicit `due` beside it wins.
                    self.deadline = &d.value;
                    self.due = None;
                    applied = true;
                }
                if let Some(due) = &a.due {
                    self.due = Some(due.value);
                    applied = true;
                }
            }
        }
        if let Some(t) = &a.title {
            self.title = t;
            applied = true;
        }
        if let Some(name) = &a.indicator
            && let Some(i) = self.indicators.iter_mut().find(|i| i.name == name.value)
        {
            if let Some(t) = &a.target {
                i.target = t;
                applied = true;
            }
            if a.target_value.is_some() {
                i.target_value = a.target_value;
                applied = true;
            }
        }
        if applied {
            self.applied.push(a);
        }
    }
}

/// Replace `from` in `list` by `to` (keeping order, no duplicates); true when `from` was there.
fn replace<'a>(list: &mut Vec<&'a str>, from: &str, to: &[&'a str]) -> bool {
    let Some(at) = list.iter().position(|u| *u == from) else {
        return false;
    };
    list.remove(at);
    let mut i = at;
    for t in to {
        if !list.contains(t) {
            list.insert(i, t);
            i += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Milestone, Task};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn loc<T>(v: T) -> Located<T> {
        Located::new(v, Pos::default())
    }

    fn task() -> Task {
        Task {
            file: "t.toml".into(),
            id: loc("7.4".into()),
            group: loc("7".into()),
            title: "An toàn thông tin".into(),
            lead: vec![loc("so-tttt".into())],
            lead_pos: Pos::default(),
            support: vec![loc("cac-so".into()), loc("ubnd".into())],
            deadline: loc("Hoàn thành trước 30/11/2024".into()),
            due: None,
            status: loc(TaskStatus::Todo),
            done_on: None,
            notes: vec![],
            same_as: None,
            overlaps: vec![],
            source: None,
            milestones: vec![Milestone {
                title: "m1".into(),
                deadline: loc("trước ngày 30/6/2024".into()),
                due: None,
                done_on: None,
            }],
            indicators: vec![],
            progress: vec![],
            amendments: vec![],
        }
    }

    #[test]
    fn nothing_applies_before_its_day_and_order_is_by_day() {
        let mut t = task();
        t.amendments = vec![
            Amendment {
                on: loc(d("2024-09-01")),
                deadline: Some(loc("Quý I/2025".into())),
                ..Amendment::default()
            },
            Amendment {
                on: loc(d("2024-06-20")),
                deadline: Some(loc("Hoàn thành trước 01/10/2024".into())),
                ..Amendment::default()
            },
            Amendment {
                on: loc(d("2024-06-20")),
                milestone: Some(loc(1)),
                deadline: Some(loc("Tháng 8/2024".into())),
                ..Amendment::default()
            },
        ];
        assert_eq!(
            t.in_force(d("2024-06-19")).deadline,
            "Hoàn thành trước 30/11/2024"
        );
        let f = t.in_force(d("2024-06-20"));
        assert_eq!(f.deadline, "Hoàn thành trước 01/10/2024");
        assert_eq!(f.milestones[0].deadline, "Tháng 8/2024");
        assert_eq!(f.applied.len(), 2);
        assert_eq!(t.in_force(d("2025-01-01")).deadline, "Quý I/2025");
        // The plan's wording stays.
        assert_eq!(t.deadline.value, "Hoàn thành trước 30/11/2024");
    }

    #[test]
    fn a_handover_replaces_the_unit_wherever_it_stands_unless_the_task_was_done() {
        let mut t = task();
        t.support.push(loc("so-tttt-2".into()));
        t.amendments = vec![Amendment {
            on: loc(d("2025-03-01")),
            from: Some(loc("so-tttt".into())),
            to: vec![loc("ca-tinh".into())],
            ..Amendment::default()
        }];
        assert_eq!(t.in_force(d("2025-02-28")).lead, ["so-tttt"]);
        assert_eq!(t.in_force(d("2025-03-01")).lead, ["ca-tinh"]);
        t.status = loc(TaskStatus::Done);
        t.done_on = Some(loc(d("2024-11-25")));
        assert_eq!(t.in_force(d("2025-06-01")).lead, ["so-tttt"]);
    }

    #[test]
    fn replace_keeps_order_and_drops_duplicates() {
        let mut l = vec!["a", "b", "c"];
        assert!(replace(&mut l, "b", &["c", "d"]));
        assert_eq!(l, ["a", "d", "c"]);
        assert!(!replace(&mut l, "x", &["y"]));
    }
}
