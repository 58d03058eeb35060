//! The report as one plain value, and the task row `list`, `export`, `show` and the report's
//! appendix share.
//!
//! Pure: [`build`] takes the plan, the window, the day it is judged at and what it was judged
//! from, and computes every section once. Renderers (Markdown, JSON, and any later format) take
//! a [`Report`] or [`Row`]s and compute nothing: no judging, counting, sorting or registry
//! look-ups. Labels (headings, category words, dates) come from `i18n` at render time; the value
//! holds data only (ids, names as the registry spells them, dates, numbers).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::audit;
use crate::history::{Field, TaskChange};
use crate::model::plan::{Plan, Progress, Source, Task, TaskStatus};
use crate::model::responsible;
use crate::model::status::{Category, Standing};
use crate::model::window::{Cycle, Month, Window};
use crate::summary::{self, Counts, Judged};

// ---------------------------------------------------------------------------------------------
// Units.

/// A unit id with the label a reader sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitName {
    pub id: String,
    /// The registry's short label (or name); the id itself when the unit is unknown.
    pub label: String,
}

impl UnitName {
    pub fn of(plan: &Plan, id: &str) -> UnitName {
        UnitName {
            id: id.to_string(),
            label: plan.units.label(id).to_string(),
        }
    }
}

/// A unit as of a day: who it is and, when it had ended, who carries its work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRef {
    pub id: String,
    pub label: String,
    /// Full name (None when the id is not in the registry).
    pub name: Option<String>,
    /// Short label as the registry has it (None when unknown).
    pub short: Option<String>,
    pub ended: Option<NaiveDate>,
    /// Successors carrying its tasks on the day (empty when it carries them itself).
    pub carried_by: Vec<UnitName>,
}

impl UnitRef {
    /// A unit named on `task` as in force on `as_of`, with who carries its part that day
    /// ([`responsible::carriers`]: the task's own handover, the registry's successors, or
    /// itself for work done before it ended).
    pub fn on_task(plan: &Plan, task: &Task, id: &str, as_of: NaiveDate) -> UnitRef {
        let u = plan.units.get(id);
        let carriers = match plan.units.get(id) {
            Some(u) => responsible::carriers(plan, task, &u.id.value, as_of),
            None => vec![],
        };
        UnitRef {
            id: id.to_string(),
            label: plan.units.label(id).to_string(),
            name: u.map(|u| u.name.clone()),
            short: u.map(|u| u.label().to_string()),
            ended: u.and_then(|u| u.ended),
            carried_by: if carriers.is_empty() || carriers == [id] {
                vec![]
            } else {
                carriers.iter().map(|c| UnitName::of(plan, c)).collect()
            },
        }
    }

    /// The lead (`lead`) or support units of `task` as in force on `as_of`, with their carriers.
    pub fn of_task(plan: &Plan, task: &Task, as_of: NaiveDate, lead: bool) -> Vec<UnitRef> {
        let f = task.in_force(as_of);
        let ids = if lead { &f.lead } else { &f.support };
        ids.iter()
            .map(|id| UnitRef::on_task(plan, task, id, as_of))
            .collect()
    }

    /// A unit that answers itself (a row of sections 3 and 6): no carriers.
    pub fn answering(plan: &Plan, id: &str) -> UnitRef {
        let mut r = UnitRef::of(plan, id, NaiveDate::MIN);
        r.carried_by.clear();
        r
    }

    /// A unit as the registry alone has it on `as_of` (no task: its registry successors).
    pub fn of(plan: &Plan, id: &str, as_of: NaiveDate) -> UnitRef {
        let u = plan.units.get(id);
        let carriers = plan.units.carriers(id, as_of);
        UnitRef {
            id: id.to_string(),
            label: plan.units.label(id).to_string(),
            name: u.map(|u| u.name.clone()),
            short: u.map(|u| u.label().to_string()),
            ended: u.and_then(|u| u.ended),
            carried_by: if carriers == [id] {
                vec![]
            } else {
                carriers.iter().map(|c| UnitName::of(plan, c)).collect()
            },
        }
    }

    pub fn all<'a>(plan: &Plan, ids: impl Iterator<Item = &'a str>, as_of: NaiveDate) -> Vec<Self> {
        ids.map(|id| UnitRef::of(plan, id, as_of)).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// The task row.

/// A progress entry, with its author's label.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub date: NaiveDate,
    /// The day the secretariat received it, when recorded apart from `date`.
    pub received: Option<NaiveDate>,
    pub by: UnitName,
    pub note: String,
    pub percent: Option<u8>,
    pub indicator: Option<String>,
    pub value: Option<f64>,
}

impl Entry {
    pub fn of(plan: &Plan, p: &Progress) -> Entry {
        Entry {
            date: p.date.value,
            received: p.received.as_ref().map(|r| r.value),
            by: UnitName::of(plan, &p.by.value),
            note: p.note.clone(),
            percent: p.percent,
            indicator: p.indicator.as_ref().map(|i| i.value.clone()),
            value: p.value,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    /// 1-based.
    pub number: usize,
    pub title: String,
    pub deadline: String,
    pub explicit_due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    /// The milestone's own status: done when it has a completion day, dropped with its task.
    pub status: TaskStatus,
    pub standing: Standing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorValue {
    pub name: String,
    pub target: String,
    pub unit: Option<String>,
    pub target_value: Option<f64>,
    pub baseline: Option<String>,
    /// The latest value reported on or before the day.
    pub latest: Option<Entry>,
}

/// What `show`, `export` and JSON add to a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub notes: Vec<String>,
    pub source: Option<SourceRef>,
    pub indicators: Vec<IndicatorValue>,
    pub progress: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub document: Option<String>,
    pub body: Option<String>,
    pub body_line: Option<u32>,
    pub appendix: Option<String>,
    pub appendix_line: Option<u32>,
}

impl From<&Source> for SourceRef {
    fn from(s: &Source) -> Self {
        SourceRef {
            document: s.document.clone(),
            body: s.body.clone(),
            body_line: s.body_line,
            appendix: s.appendix.clone(),
            appendix_line: s.appendix_line,
        }
    }
}

/// One task as of a day: the row of `list`, `export`, the report's appendix and `show`.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub group: String,
    pub title: String,
    pub lead: Vec<UnitRef>,
    pub support: Vec<UnitRef>,
    /// The deadline phrase in force on the day (the plan's wording unless amended).
    pub deadline: String,
    pub explicit_due: Option<NaiveDate>,
    pub status: TaskStatus,
    pub done_on: Option<NaiveDate>,
    /// The verdict (its `kind` is the phrase's reading).
    pub standing: Standing,
    /// The milestone that makes the task overdue (see `summary::overdue_by_milestone`).
    pub overdue_milestone: Option<usize>,
    /// Display path of the task file.
    pub file: String,
    pub milestones: Vec<MilestoneRow>,
    /// Amendments in force on the day (the appendix shows them beside the deadline).
    pub amendments: Vec<AmendmentLine>,
    /// Links between plans (issue 16): the earlier plan's task this one continues
    /// (`NAME:ID`), and the later plan's task that continues this one once it was carried over.
    pub carried_from: Option<String>,
    pub carried_to: Option<String>,
    /// Filled when asked for (`show`, `export`).
    pub details: Option<Details>,
}

impl Row {
    /// The row of a judged task; `details` adds notes, source, indicators and progress.
    pub fn of(plan: &Plan, j: &Judged<'_>, as_of: NaiveDate, details: bool) -> Row {
        let t: &Task = j.task;
        Row {
            id: t.id.value.clone(),
            group: t.group.value.clone(),
            title: j.in_force.title.to_string(),
            lead: UnitRef::of_task(plan, t, as_of, true),
            support: UnitRef::of_task(plan, t, as_of, false),
            deadline: j.in_force.deadline.to_string(),
            explicit_due: j.in_force.due,
            status: t.status.value,
            done_on: t.done_on.as_ref().map(|d| d.value),
            standing: j.standing,
            carried_from: t.carry.from.as_ref().map(|l| l.value.clone()),
            carried_to: t
                .carried_by(as_of)
                .then(|| t.carry.to.as_ref().map(|l| l.value.clone()))
                .flatten(),
            overdue_milestone: j.overdue_milestone,
            file: t.file.clone(),
            milestones: j
                .milestones
                .iter()
                .map(|m| {
                    let done_on = m.milestone.done_on.as_ref().map(|d| d.value);
                    MilestoneRow {
                        number: m.number,
                        title: m.milestone.title.clone(),
                        deadline: m.deadline.to_string(),
                        explicit_due: j.in_force.milestones[m.number - 1].due,
                        done_on,
                        status: match (done_on, t.status.value) {
                            (Some(_), _) => TaskStatus::Done,
                            (None, TaskStatus::Dropped) => TaskStatus::Dropped,
                            (None, _) => TaskStatus::Todo,
                        },
                        standing: m.standing,
                    }
                })
                .collect(),
            amendments: amendment_lines(plan, t, None, as_of),
            details: details.then(|| Details {
                notes: t.notes.clone(),
                source: t.source.as_ref().map(SourceRef::from),
                indicators: t
                    .indicators
                    .iter()
                    .map(|i| IndicatorValue {
                        name: i.name.value.clone(),
                        target: i.target.clone(),
                        unit: i.unit.clone(),
                        target_value: i.target_value,
                        baseline: i.baseline.clone(),
                        latest: t
                            .latest_value(&i.name.value, as_of)
                            .map(|p| Entry::of(plan, p)),
                    })
                    .collect(),
                progress: t.progress.iter().map(|p| Entry::of(plan, p)).collect(),
            }),
        }
    }
}

/// Rows of judged tasks, in the order given.
pub fn rows(plan: &Plan, judged: &[&Judged<'_>], as_of: NaiveDate, details: bool) -> Vec<Row> {
    judged
        .iter()
        .map(|j| Row::of(plan, j, as_of, details))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The report.

/// What the report covers. Cut-offs follow Nghị định 09/2019/NĐ-CP, Điều 12 (see
/// [`Period::window`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month(Month),
    /// Year and quarter (1–4).
    Quarter(i32, u32),
    /// Year and half (1–2).
    Half(i32, u32),
    Year(i32),
    /// The closing tally: from the plan's start to its end (closing day, else period end).
    Final,
}

impl Period {
    /// The window: a month from the report day of the month before to the day before it in
    /// the month; a quarter from the 15th of the month before it to the 14th of its last month;
    /// six months from 15/12 of the year before to 14/06 (and 15/06 to 14/12); a year from
    /// 15/12 of the year before to 14/12. `Final` needs the plan's dates: see [`final_window`].
    pub fn window(self, cycle: Cycle) -> Option<Window> {
        let span = |first: Month, last: Month| {
            let a = cycle.window(first);
            let b = cycle.window(last);
            Window {
                month: last,
                start: a.start,
                end: b.end,
            }
        };
        let m = |year, month| Month { year, month };
        match self {
            Period::Month(month) => Some(cycle.window(month)),
            Period::Quarter(y, q) => Some(span(m(y, 3 * q - 2), m(y, 3 * q))),
            Period::Half(y, h) => Some(span(m(y, 6 * h - 5), m(y, 6 * h))),
            Period::Year(y) => Some(span(m(y, 1), m(y, 12))),
            Period::Final => None,
        }
    }

    /// The period after this one (for the "next period" list).
    pub fn succ(self) -> Period {
        match self {
            Period::Month(m) => Period::Month(m.succ()),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Half(y, 2) => Period::Half(y + 1, 1),
            Period::Half(y, h) => Period::Half(y, h + 1),
            Period::Year(y) => Period::Year(y + 1),
            Period::Final => Period::Final,
        }
    }

    /// The file stem under `--out`: `2024-06`, `2024-Q2`, `2024-H1`, `2024`, `final`.
    pub fn stem(self) -> String {
        match self {
            Period::Month(m) => m.to_string(),
            Period::Quarter(y, q) => format!("{y}-Q{q}"),
            Period::Half(y, h) => format!("{y}-H{h}"),
            Period::Year(y) => format!("{y}"),
            Period::Final => "final".to_string(),
        }
    }

    /// Parse a file stem back into a period (the inverse of [`Period::stem`]).
    pub fn parse(text: &str) -> Option<Period> {
        let t = text.trim();
        if t == "final" {
            return Some(Period::Final);
        }
        if let Some((y, q)) = Period::parse_part(t, 'Q') {
            return Some(Period::Quarter(y, q));
        }
        if let Some((y, h)) = Period::parse_part(t, 'H') {
            return Some(Period::Half(y, h));
        }
        if t.len() == 4 {
            return t
                .parse()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
                .map(Period::Year);
        }
        Month::parse(t).map(Period::Month)
    }

    /// Parse `2024-Q2`, `2024-H1`.
    pub fn parse_part(text: &str, letter: char) -> Option<(i32, u32)> {
        let (y, p) = text.trim().split_once('-')?;
        let year: i32 = y.parse().ok().filter(|y| (1900..=2200).contains(y))?;
        let p = p
            .strip_prefix(letter)
            .or_else(|| p.strip_prefix(letter.to_ascii_lowercase()))?;
        let n: u32 = p.parse().ok()?;
        let max = if letter == 'Q' { 4 } else { 2 };
        (1..=max).contains(&n).then_some((year, n))
    }
}

/// The closing tally's window: the plan's start (period start, else issue date) to its end
/// (closing day, else period end). None when the plan states neither end.
pub fn final_window(plan: &Plan) -> Option<Window> {
    let end = plan.meta.closed_on.or(plan.meta.period_end)?;
    let start = plan.meta.start().unwrap_or(end);
    Some(Window {
        month: Month::of(end),
        start,
        end,
    })
}

/// What the report was judged from: the working tree (with the commit it stands on, and
/// whether it had uncommitted changes) or a past revision. Unknown outside git.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Basis {
    /// Full commit hash (None outside git or before the first commit).
    pub commit: Option<String>,
    /// The working tree's plan differed from `commit`.
    pub dirty: bool,
    /// The revision asked for with `--at` (None: the working tree).
    pub revision: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overview {
    pub focus: Counts,
    pub groups: Counts,
    pub all: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLine {
    pub id: String,
    pub title: String,
    pub depth: usize,
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadLine {
    pub unit: UnitRef,
    pub counts: Counts,
    /// A collective's members as they stood on the day, each with whether it reported on one
    /// of these tasks inside the window (empty for a unit that is not a collective).
    pub members: Vec<(UnitName, bool)>,
}

impl LeadLine {
    /// "x/y": members that reported, members.
    pub fn reported(&self) -> (usize, usize) {
        let x = self.members.iter().filter(|(_, r)| *r).count();
        (x, self.members.len())
    }
}

/// A task or one of its milestones in the overdue and falling-due lists.
#[derive(Debug, Clone, PartialEq)]
pub struct DueRow {
    pub task: String,
    /// The milestone's number, when the row is a milestone.
    pub milestone: Option<usize>,
    /// The milestone's title, or the task's.
    pub title: String,
    pub lead: Vec<UnitRef>,
    /// The milestone's deadline phrase, or the task's.
    pub deadline: String,
    pub standing: Standing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SilentLine {
    pub unit: UnitRef,
    pub tasks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorLine {
    pub task: String,
    /// The task's standing (a task done on time can still have an indicator below target).
    pub task_category: Category,
    pub name: String,
    /// The plan's wording of the indicator, when recorded.
    pub text: Option<String>,
    pub target: String,
    pub unit: Option<String>,
    pub latest: Option<Entry>,
    /// None when there is no value or no numeric target.
    pub met: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressBlock {
    pub task: String,
    pub title: String,
    pub entries: Vec<Entry>,
}

/// One line of the changes section: a commit's change to a task.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeLine {
    /// The commit's own day.
    pub day: Option<NaiveDate>,
    pub commit: String,
    pub author: String,
    pub what: ChangeWhat,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChangeWhat {
    /// A task added, removed or renumbered (`fields` empty).
    Task(TaskChange),
    Field(Field),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskChanges {
    pub task: String,
    /// Oldest commit first.
    pub lines: Vec<ChangeLine>,
}

/// The changes section: not available (and why: no git, no repository…), or the commits in the
/// window by task.
#[derive(Debug, Clone, PartialEq)]
pub enum Changes {
    Unavailable(crate::git::Unavailable),
    Commits(Vec<TaskChanges>),
}

/// What one dated amendment changed, with the values in force the day before.
#[derive(Debug, Clone, PartialEq)]
pub enum AmendmentChange {
    /// The task's deadline (or milestone `milestone`'s).
    Deadline {
        milestone: Option<usize>,
        from: String,
        from_due: Option<NaiveDate>,
        to: String,
        to_due: Option<NaiveDate>,
    },
    /// Who does it: `role` is `lead`, `support` or `handover`.
    Units {
        role: &'static str,
        from: Vec<UnitName>,
        to: Vec<UnitName>,
    },
    Title {
        to: String,
    },
    Target {
        indicator: String,
        from: String,
        to: String,
    },
}

/// A dated amendment as a report shows it: the day, what changed, and its basis.
#[derive(Debug, Clone, PartialEq)]
pub struct AmendmentLine {
    pub task: String,
    pub on: NaiveDate,
    pub basis: Option<String>,
    pub unverified: bool,
    pub changes: Vec<AmendmentChange>,
}

/// The amendments of `task` that take effect from `since` (inclusive; None: from the start)
/// through `until`, each described against the values in force the day before it.
pub fn amendment_lines(
    plan: &Plan,
    task: &Task,
    since: Option<NaiveDate>,
    until: NaiveDate,
) -> Vec<AmendmentLine> {
    if task.amendments.is_empty() {
        return vec![];
    }
    let due = |phrase: &str, explicit: Option<NaiveDate>| {
        explicit.or_else(|| plan.meta.read_deadline(phrase).ok().and_then(|d| d.due()))
    };
    let names = |ids: &[&str]| {
        ids.iter()
            .map(|u| UnitName::of(plan, u))
            .collect::<Vec<_>>()
    };
    let mut out = vec![];
    for a in task.amendments_in_order() {
        let on = a.on.value;
        if on > until || since.is_some_and(|s| on < s) {
            continue;
        }
        let before = task.in_force(on.pred_opt().unwrap_or(on));
        let mut changes = vec![];
        match a.milestone.as_ref().map(|m| m.value) {
            Some(n) if a.deadline.is_some() || a.due.is_some() => {
                let i = usize::try_from(n).unwrap_or(0).saturating_sub(1);
                if let Some(m) = before.milestones.get(i) {
                    let to = a.deadline.as_ref().map_or(m.deadline, |d| d.value.as_str());
                    changes.push(AmendmentChange::Deadline {
                        milestone: Some(i + 1),
                        from: m.deadline.to_string(),
                        from_due: due(m.deadline, m.due),
                        to: to.to_string(),
                        to_due: due(to, a.due.as_ref().map(|d| d.value)),
                    });
                }
            }
            _ if a.deadline.is_some() || a.due.is_some() => {
                let to = a
                    .deadline
                    .as_ref()
                    .map_or(before.deadline, |d| d.value.as_str());
                changes.push(AmendmentChange::Deadline {
                    milestone: None,
                    from: before.deadline.to_string(),
                    from_due: due(before.deadline, before.due),
                    to: to.to_string(),
                    to_due: due(to, a.due.as_ref().map(|d| d.value)),
                });
            }
            _ => {}
        }
        if let Some(from) = &a.from {
            let to: Vec<&str> = a.to.iter().map(|t| t.value.as_str()).collect();
            changes.push(AmendmentChange::Units {
                role: "handover",
                from: names(&[from.value.as_str()]),
                to: names(&to),
            });
        }
        if let Some(lead) = &a.lead {
            let to: Vec<&str> = lead.iter().map(|t| t.value.as_str()).collect();
            changes.push(AmendmentChange::Units {
                role: "lead",
                from: names(&before.lead),
                to: names(&to),
            });
        }
        if let Some(support) = &a.support {
            let to: Vec<&str> = support.iter().map(|t| t.value.as_str()).collect();
            changes.push(AmendmentChange::Units {
                role: "support",
                from: names(&before.support),
                to: names(&to),
            });
        }
        if let Some(title) = &a.title {
            changes.push(AmendmentChange::Title { to: title.clone() });
        }
        if let (Some(ind), Some(target)) = (&a.indicator, &a.target) {
            let from = before
                .indicators
                .iter()
                .find(|i| i.name == ind.value)
                .map_or("", |i| i.target);
            changes.push(AmendmentChange::Target {
                indicator: ind.value.clone(),
                from: from.to_string(),
                to: target.clone(),
            });
        }
        out.push(AmendmentLine {
            task: task.id.value.clone(),
            on,
            basis: a.basis.as_ref().map(|b| b.value.clone()),
            unverified: a.unverified,
            changes,
        });
    }
    out
}

/// An issued report's number and date (`--issue 85/BC-TCTDA06 --issued-on 2024-07-15`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub number: String,
    pub date: NaiveDate,
}

/// The machine-readable marker an issued report carries on its first line.
pub const ISSUED_MARKER: &str = "<!-- tiendo:issued";

impl Issued {
    /// The marker line: `<!-- tiendo:issued number="85/BC-TCTDA06" date="2024-07-15" -->`.
    pub fn marker(&self) -> String {
        format!(
            "{ISSUED_MARKER} number=\"{}\" date=\"{}\" -->",
            self.number
                .replace(['"', '\n', '\r'], " ")
                .replace("--", "- -"),
            self.date
        )
    }

    /// The issued marker of a report file's text, if it carries one: the Markdown marker in the
    /// first lines, or a JSON report's `issued` object.
    pub fn of_text(text: &str) -> Option<Issued> {
        if text.trim_start().starts_with('{') {
            let v: serde_json::Value = serde_json::from_str(text).ok()?;
            let i = v.get("issued")?;
            return Some(Issued {
                number: i.get("number")?.as_str()?.to_string(),
                date: NaiveDate::parse_from_str(i.get("date")?.as_str()?, "%Y-%m-%d").ok()?,
            });
        }
        let line = text
            .lines()
            .take(5)
            .find(|l| l.trim_start().starts_with(ISSUED_MARKER))?;
        let attr = |name: &str| {
            let key = format!("{name}=\"");
            let from = line.find(&key)? + key.len();
            let len = line[from..].find('"')?;
            Some(line[from..from + len].to_string())
        };
        Some(Issued {
            number: attr("number")?,
            date: NaiveDate::parse_from_str(&attr("date")?, "%Y-%m-%d").ok()?,
        })
    }
}

/// The parts of a report only people can write (direction and documents issued;
/// shortcomings and causes; proposals), from the secretariat's notes file for the period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Narrative {
    /// Where the secretariat writes them (shown in placeholders), e.g. `reports/ghi-chu/2024-07.md`.
    pub file: String,
    /// `## I.1`: direction, documents issued (number and date).
    pub direction: Option<String>,
    /// `## II`: shortcomings and their causes.
    pub shortcomings: Option<String>,
    /// `## IV`: proposals to the Chairman and the national Đề án 06 body.
    pub proposals: Option<String>,
}

/// The parts a narrative file holds, by the heading that opens each.
pub const NARRATIVE_PARTS: [&str; 3] = ["I.1", "II", "IV"];

impl Narrative {
    /// Read a notes file: each part runs from its `## I.1` / `## II` / `## IV` heading (any
    /// words may follow the number) to the next `## ` heading. Anything else is ignored; an
    /// empty part counts as missing.
    pub fn parse(file: &str, text: Option<&str>) -> Narrative {
        let mut n = Narrative {
            file: file.to_string(),
            ..Narrative::default()
        };
        let Some(text) = text else { return n };
        let mut current: Option<usize> = None;
        let mut parts: [String; 3] = Default::default();
        for line in text.lines() {
            if let Some(head) = line.strip_prefix("## ") {
                let word = head
                    .split(|c: char| c.is_whitespace() || c == ':')
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('.');
                current = NARRATIVE_PARTS.iter().position(|p| *p == word);
                continue;
            }
            if let Some(i) = current {
                parts[i].push_str(line.trim_end());
                parts[i].push('\n');
            }
        }
        let take = |s: &str| {
            let t = s.trim_matches('\n');
            (!t.trim().is_empty()).then(|| t.to_string())
        };
        n.direction = take(&parts[0]);
        n.shortcomings = take(&parts[1]);
        n.proposals = take(&parts[2]);
        n
    }
}

/// A progress entry received after its own window closed, listed in the window it arrived in.
#[derive(Debug, Clone, PartialEq)]
pub struct LateLine {
    pub task: String,
    pub entry: Entry,
    pub received: NaiveDate,
}

/// The report: every section, computed once.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub plan_code: String,
    pub plan_title: String,
    pub period: Period,
    pub window: Window,
    pub next: Window,
    pub as_of: NaiveDate,
    pub basis: Basis,
    /// The issued number and date (None: a draft).
    pub issued: Option<Issued>,
    /// The plan's closing day, when the plan was closed and the report is judged as of it.
    pub closed: Option<NaiveDate>,
    /// How many distinct pieces of work the tasks are (tasks linked by `same_as` count once).
    pub distinct_work: usize,
    /// `(task, same as)` links, in plan order.
    pub same_as: Vec<(String, String)>,
    /// Dropped tasks exist, so tables carry a "dropped" column.
    pub show_dropped: bool,
    /// Tasks carried over to a later plan exist, so tables carry a "carried over" column.
    pub show_carried: bool,
    pub overview: Overview,
    pub by_group: Vec<GroupLine>,
    pub by_lead: Vec<LeadLine>,
    pub overdue: Vec<DueRow>,
    /// Items due from the as-of day through the next window's end (an item due on the as-of day
    /// itself is not overdue yet, so it is listed here rather than lost).
    pub due_next: Vec<DueRow>,
    /// How many of `due_next` fall due before the next window starts.
    pub due_before_next: usize,
    pub not_reported: Vec<SilentLine>,
    /// Section 3 lists each member of a collective in its own row.
    pub by_member: bool,
    pub indicators: Vec<IndicatorLine>,
    pub progress: Vec<ProgressBlock>,
    /// Late returns received in this window for earlier ones.
    pub late: Vec<LateLine>,
    /// Amendments taking effect inside the window, by task in plan order.
    pub amended: Vec<AmendmentLine>,
    pub changes: Changes,
    pub narrative: Narrative,
    /// Every task, in plan order.
    pub appendix: Vec<Row>,
    /// Every registry unit's label, for the wording of changes (`history` fields name ids).
    pub unit_labels: BTreeMap<String, String>,
}

impl Report {
    /// A unit's label as the report prints it in the changes section.
    pub fn unit_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.unit_labels.get(id).map_or(id, String::as_str)
    }
}

/// What a report is asked for.
#[derive(Debug, Clone)]
pub struct Spec {
    pub period: Period,
    pub window: Window,
    pub next: Window,
    pub as_of: NaiveDate,
    pub basis: Basis,
    pub issued: Option<Issued>,
    /// The plan's closing day when the report is judged as of it.
    pub closed: Option<NaiveDate>,
    pub narrative: Narrative,
    /// Section 3 lists each member of a collective in its own row.
    pub by_member: bool,
}

fn due_row(plan: &Plan, d: &summary::Due<'_>, as_of: NaiveDate) -> DueRow {
    DueRow {
        task: d.task.id.value.clone(),
        milestone: d.milestone.map(|m| m.number),
        title: d
            .milestone
            .map_or(d.task.title.as_str(), |m| m.milestone.title.as_str())
            .to_string(),
        lead: UnitRef::of_task(plan, d.task, as_of, true),
        deadline: d.phrase().to_string(),
        standing: d.standing,
    }
}

/// The changes section from the plan's log (newest first, as `audit::plan_log` gives it).
pub fn changes(log: &[audit::Entry]) -> Vec<TaskChanges> {
    let mut by_task: BTreeMap<String, Vec<ChangeLine>> = BTreeMap::new();
    for e in log.iter().rev() {
        let day = audit::commit_day(&e.commit);
        for c in &e.changes {
            let lines = by_task.entry(c.id.clone()).or_default();
            let line = |what| ChangeLine {
                day,
                commit: e.commit.short.clone(),
                author: e.commit.author.clone(),
                what,
            };
            if !matches!(c.kind, crate::history::Kind::Modified) {
                lines.push(line(ChangeWhat::Task(TaskChange {
                    id: c.id.clone(),
                    kind: c.kind.clone(),
                    fields: vec![],
                })));
            }
            for f in &c.fields {
                lines.push(line(ChangeWhat::Field(f.clone())));
            }
        }
    }
    let mut out: Vec<TaskChanges> = by_task
        .into_iter()
        .map(|(task, lines)| TaskChanges { task, lines })
        .collect();
    out.sort_by(|a, b| crate::model::id::cmp_ids(&a.task, &b.task));
    out
}

/// Compute the report: `judged` is every task judged at `spec.as_of`; `log` the plan's log over
/// the window (None when there is no git history).
pub fn build(
    plan: &Plan,
    judged: &[Judged<'_>],
    spec: Spec,
    log: Result<&[audit::Entry], crate::git::Unavailable>,
) -> Report {
    let as_of = spec.as_of;
    let is_focus = |j: &&Judged| j.task.group.value == "TT";
    let all = Counts::of(judged.iter());
    let overview = Overview {
        focus: Counts::of(judged.iter().filter(is_focus)),
        groups: Counts::of(judged.iter().filter(|j| !is_focus(j))),
        all,
    };
    let by_group = summary::by_group(plan, judged)
        .into_iter()
        .map(|g| GroupLine {
            id: g.id,
            title: g.title,
            depth: g.depth,
            counts: g.counts,
        })
        .collect();
    let by_lead = summary::by_lead_in(plan, judged, as_of, Some(&spec.window))
        .into_iter()
        .map(|l| LeadLine {
            unit: UnitRef::answering(plan, &l.unit),
            counts: l.counts,
            members: l
                .members
                .iter()
                .map(|(m, r)| (UnitName::of(plan, m), *r))
                .collect(),
        })
        .collect();
    let overdue = summary::overdue(judged)
        .iter()
        .map(|d| due_row(plan, d, as_of))
        .collect();
    let due_next: Vec<DueRow> = summary::due_in(judged, as_of, &spec.next)
        .iter()
        .map(|d| due_row(plan, d, as_of))
        .collect();
    let due_before_next = due_next
        .iter()
        .filter(|d| d.standing.due.is_some_and(|x| x < spec.next.start))
        .count();
    let not_reported = summary::not_reported(plan, judged, &spec.window)
        .into_iter()
        .map(|s| SilentLine {
            unit: UnitRef::answering(plan, &s.unit),
            tasks: s.tasks.iter().map(|t| t.id.value.clone()).collect(),
        })
        .collect();
    let category: BTreeMap<&str, Category> = judged
        .iter()
        .map(|j| (j.task.id.value.as_str(), j.standing.category))
        .collect();
    let indicators = summary::indicators(plan, as_of)
        .into_iter()
        .map(|i| IndicatorLine {
            task: i.task.id.value.clone(),
            task_category: category
                .get(i.task.id.value.as_str())
                .copied()
                .unwrap_or(Category::NoDate),
            name: i.name.to_string(),
            text: i
                .task
                .indicators
                .iter()
                .find(|x| x.name.value == i.name)
                .and_then(|x| x.text.clone()),
            target: i.target.to_string(),
            unit: i.unit.map(str::to_string),
            latest: i.latest.map(|p| Entry::of(plan, p)),
            met: i.met,
        })
        .collect();
    let progress = summary::progress_in(plan, &spec.window)
        .into_iter()
        .map(|(t, entries)| ProgressBlock {
            task: t.id.value.clone(),
            title: t.title.clone(),
            entries: entries.into_iter().map(|p| Entry::of(plan, p)).collect(),
        })
        .collect();
    let late = summary::late_in(plan, &spec.window)
        .into_iter()
        .map(|(t, p)| LateLine {
            task: t.id.value.clone(),
            entry: Entry::of(plan, p),
            received: p.known_on(),
        })
        .collect();
    let same_as = plan
        .tasks
        .iter()
        .filter_map(|t| {
            t.same_as
                .as_ref()
                .map(|s| (t.id.value.clone(), s.value.clone()))
        })
        .collect();
    let refs: Vec<&Judged> = judged.iter().collect();
    Report {
        plan_code: plan.meta.code.clone(),
        plan_title: plan.meta.title.clone(),
        period: spec.period,
        window: spec.window,
        next: spec.next,
        as_of,
        basis: spec.basis,
        issued: spec.issued,
        closed: spec.closed,
        distinct_work: summary::distinct_work(plan),
        same_as,
        show_dropped: all.get(Category::Dropped) > 0,
        show_carried: all.get(Category::CarriedOver) > 0,
        overview,
        by_group,
        by_lead,
        overdue,
        due_next,
        due_before_next,
        not_reported,
        by_member: spec.by_member,
        indicators,
        progress,
        late,
        amended: plan
            .tasks
            .iter()
            .flat_map(|t| amendment_lines(plan, t, Some(spec.window.start), spec.window.end))
            .collect(),
        narrative: spec.narrative,
        changes: match log {
            Err(why) => Changes::Unavailable(why),
            Ok(log) => Changes::Commits(changes(log)),
        },
        appendix: rows(plan, &refs, as_of, false),
        unit_labels: plan
            .units
            .units
            .iter()
            .map(|u| (u.id.value.clone(), u.label().to_string()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::window::{Cycle, Month};
    use crate::summary::{Horizon, judge_all};

    fn june(plan: &Plan) -> Report {
        let cycle = Cycle::ReportDay(15);
        let month = Month::parse("2024-06").unwrap();
        let (window, next) = (cycle.window(month), cycle.window(month.succ()));
        let judged = judge_all(
            plan,
            Horizon {
                as_of: window.end,
                soon_until: next.end,
            },
        );
        let spec = Spec {
            period: Period::Month(month),
            window,
            next,
            as_of: window.end,
            basis: Basis::default(),
            issued: None,
            closed: None,
            narrative: Narrative::default(),
            by_member: false,
        };
        build(plan, &judged, spec, Err(crate::git::Unavailable::NotARepo))
    }

    #[test]
    fn periods_follow_the_decree_cut_offs_and_round_trip_their_names() {
        let c = Cycle::ReportDay(15);
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let w = |p: Period| {
            let w = p.window(c).unwrap();
            (w.start, w.end)
        };
        assert_eq!(
            w(Period::Quarter(2024, 1)),
            (d("2023-12-15"), d("2024-03-14"))
        );
        assert_eq!(
            w(Period::Quarter(2024, 2)),
            (d("2024-03-15"), d("2024-06-14"))
        );
        assert_eq!(w(Period::Half(2024, 1)), (d("2023-12-15"), d("2024-06-14")));
        assert_eq!(w(Period::Half(2024, 2)), (d("2024-06-15"), d("2024-12-14")));
        assert_eq!(w(Period::Year(2024)), (d("2023-12-15"), d("2024-12-14")));
        assert_eq!(Period::Quarter(2024, 4).succ(), Period::Quarter(2025, 1));
        for p in [
            Period::Month(Month::parse("2024-06").unwrap()),
            Period::Quarter(2024, 2),
            Period::Half(2024, 1),
            Period::Year(2024),
            Period::Final,
        ] {
            assert_eq!(Period::parse(&p.stem()), Some(p));
        }
        assert_eq!(Period::parse("2024-Q5"), None);
        assert_eq!(Period::parse("2024-H3"), None);
    }

    #[test]
    fn the_issued_marker_reads_back_from_markdown_and_json() {
        let i = Issued {
            number: "85/BC-TCTDA06".into(),
            date: NaiveDate::from_ymd_opt(2024, 7, 15).unwrap(),
        };
        assert_eq!(
            Issued::of_text(&format!("{}\n\n# x\n", i.marker())),
            Some(i.clone())
        );
        let json = r#"{"issued": {"number": "85/BC-TCTDA06", "date": "2024-07-15"}}"#;
        assert_eq!(Issued::of_text(json), Some(i));
        assert_eq!(Issued::of_text("# Báo cáo\n"), None);
        assert_eq!(Issued::of_text(r#"{"issued": null}"#), None);
    }

    #[test]
    fn narrative_parts_are_found_by_their_headings() {
        let n = Narrative::parse(
            "reports/ghi-chu/2024-07.md",
            Some(
                "# Tháng 7\n\n## I.1. Chỉ đạo\nCông văn 1.\n\n## II\n\n## IV: Đề xuất\nA\nB\n## V\nbỏ qua\n",
            ),
        );
        assert_eq!(n.direction.as_deref(), Some("Công văn 1."));
        assert_eq!(n.shortcomings, None, "an empty part counts as missing");
        assert_eq!(n.proposals.as_deref(), Some("A\nB"));
        assert_eq!(Narrative::parse("f", None).direction, None);
    }

    #[test]
    fn the_value_holds_every_section_a_renderer_needs() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frozen-plan");
        let loaded = crate::load::load(&dir).unwrap();
        let r = june(&loaded.plan);
        assert_eq!(r.plan_code, "594/KH-TCTDA06");
        assert_eq!(r.appendix.len(), loaded.plan.tasks.len());
        assert_eq!(r.overview.all.total(), loaded.plan.tasks.len());
        assert_eq!(
            r.changes,
            Changes::Unavailable(crate::git::Unavailable::NotARepo)
        );
        // Unit labels are resolved in the value: no renderer looks anything up.
        let lead = &r.appendix.iter().find(|t| t.id == "7.4").unwrap().lead[0];
        assert_eq!(
            (lead.id.as_str(), lead.label.as_str()),
            ("so-tttt", "Sở TT&TT")
        );
        // Rendering twice gives the same text, in both languages.
        for lang in [crate::i18n::Lang::Vi, crate::i18n::Lang::En] {
            let tr = crate::i18n::tr(lang);
            assert_eq!(
                crate::render::markdown::report(&r, tr),
                crate::render::markdown::report(&r.clone(), tr)
            );
        }
    }
}
