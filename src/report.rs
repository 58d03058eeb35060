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
use crate::model::window::Window;
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
    /// Display path of the task file.
    pub file: String,
    pub milestones: Vec<MilestoneRow>,
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

/// What the report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month(crate::model::window::Month),
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
    pub name: String,
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
    /// Dropped tasks exist, so tables carry a "dropped" column.
    pub show_dropped: bool,
    pub overview: Overview,
    pub by_group: Vec<GroupLine>,
    pub by_lead: Vec<LeadLine>,
    pub overdue: Vec<DueRow>,
    /// The next period as printed: from the as-of day (or the next window's start) to its end.
    pub due_next_from: NaiveDate,
    pub due_next: Vec<DueRow>,
    pub not_reported: Vec<SilentLine>,
    /// Section 3 lists each member of a collective in its own row.
    pub by_member: bool,
    pub indicators: Vec<IndicatorLine>,
    pub progress: Vec<ProgressBlock>,
    pub changes: Changes,
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
    let due_next = summary::due_in(judged, as_of, &spec.next)
        .iter()
        .map(|d| due_row(plan, d, as_of))
        .collect();
    let not_reported = summary::not_reported(plan, judged, &spec.window)
        .into_iter()
        .map(|s| SilentLine {
            unit: UnitRef::answering(plan, &s.unit),
            tasks: s.tasks.iter().map(|t| t.id.value.clone()).collect(),
        })
        .collect();
    let indicators = summary::indicators(plan, as_of)
        .into_iter()
        .map(|i| IndicatorLine {
            task: i.task.id.value.clone(),
            name: i.name.to_string(),
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
    let refs: Vec<&Judged> = judged.iter().collect();
    Report {
        plan_code: plan.meta.code.clone(),
        plan_title: plan.meta.title.clone(),
        period: spec.period,
        window: spec.window,
        next: spec.next,
        as_of,
        basis: spec.basis,
        show_dropped: all.get(Category::Dropped) > 0,
        overview,
        by_group,
        by_lead,
        overdue,
        due_next_from: as_of.min(spec.next.start),
        due_next,
        not_reported,
        by_member: spec.by_member,
        indicators,
        progress,
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
            by_member: false,
        };
        build(plan, &judged, spec, Err(crate::git::Unavailable::NotARepo))
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
