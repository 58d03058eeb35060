//! Pure report data: each task's standing as of a day, filters, counts per group and per lead
//! unit, completion rates, and the monthly report's lists. No formatting (that is `render`),
//! no files or clock (`as_of` and windows come in as arguments).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::model::amendment::InForce;
use crate::model::deadline::{Deadline, DeadlineError, fold};
use crate::model::plan::{Milestone, Plan, Progress, Task};
use crate::model::responsible;
use crate::model::status::{Category, Facts, Standing, judge};
use crate::model::window::{Cycle, Window};

/// The day and horizon a plan is judged at.
#[derive(Debug, Clone, Copy)]
pub struct Horizon {
    pub as_of: NaiveDate,
    /// Last day that counts as "due soon": the end of the window after the one holding `as_of`.
    pub soon_until: NaiveDate,
}

impl Horizon {
    pub fn new(plan: &Plan, as_of: NaiveDate) -> Horizon {
        let cycle = Cycle::ReportDay(plan.meta.report_day);
        let next = cycle.window(cycle.window_of(as_of).month.succ());
        Horizon {
            as_of,
            soon_until: next.end,
        }
    }
}

#[derive(Debug, Clone)]
pub struct JudgedMilestone<'a> {
    /// 1-based.
    pub number: usize,
    pub milestone: &'a Milestone,
    /// The deadline phrase in force on the day judged (amendments applied).
    pub deadline: &'a str,
    pub reading: Result<Deadline, DeadlineError>,
    pub standing: Standing,
}

#[derive(Debug, Clone)]
pub struct Judged<'a> {
    pub task: &'a Task,
    /// The task as in force on the day judged: what the standing was judged by.
    pub in_force: InForce<'a>,
    pub reading: Result<Deadline, DeadlineError>,
    /// The task's standing. One rule for what is overdue: an open task counts as overdue
    /// when its own date or any of its milestones' has passed ([`overdue_by_milestone`]).
    pub standing: Standing,
    pub milestones: Vec<JudgedMilestone<'a>>,
    /// The milestone (1-based) that makes an otherwise not-overdue open task overdue: the one
    /// most days overdue.
    pub overdue_milestone: Option<usize>,
}

/// The one rule for overdue: an open task (not done, not dropped) whose own date has not passed
/// but one of whose milestones is overdue counts as overdue, once, with that milestone's days.
/// Returns the task's standing and the milestone that made it overdue.
pub fn overdue_by_milestone(
    own: Standing,
    milestones: &[JudgedMilestone<'_>],
) -> (Standing, Option<usize>) {
    let open = !own.category.is_done()
        && own.category != Category::Dropped
        && own.category != Category::Overdue;
    let worst = milestones
        .iter()
        .filter(|m| m.standing.category == Category::Overdue)
        .max_by_key(|m| {
            (
                m.standing.days_late.unwrap_or(0),
                std::cmp::Reverse(m.number),
            )
        });
    match worst {
        Some(m) if open => (
            Standing {
                category: Category::Overdue,
                days_late: m.standing.days_late,
                due_soon: false,
                ..own
            },
            Some(m.number),
        ),
        _ => (own, None),
    }
}

/// The one status judgement of a task and its milestones as of `h.as_of`, by the values in
/// force that day (dated amendments applied; the plan's wording stays in `task`).
/// A task carried over to a later plan on or before `as_of` stands as carried over (issue 16),
/// whatever its own dates say, unless it was done by then; so do its milestones not done.
fn carried_over(task: &Task, standing: Standing, as_of: NaiveDate) -> Standing {
    if task.carried_by(as_of) && !standing.category.is_done() {
        Standing {
            category: Category::CarriedOver,
            due_soon: false,
            days_late: None,
            ..standing
        }
    } else {
        standing
    }
}

pub fn judge_task<'a>(plan: &Plan, task: &'a Task, h: Horizon) -> Judged<'a> {
    let in_force = task.in_force(h.as_of);
    let reading = plan.meta.read_deadline(in_force.deadline);
    let standing = judge(
        Facts {
            status: task.status.value,
            done_on: task.done_on.as_ref().map(|d| d.value),
            reading: &reading,
            due_override: in_force.due,
        },
        h.as_of,
        h.soon_until,
    );
    let standing = carried_over(task, standing, h.as_of);
    let milestones = task
        .milestones
        .iter()
        .zip(&in_force.milestones)
        .enumerate()
        .map(|(i, (m, f))| {
            let reading = plan.meta.read_deadline(f.deadline);
            let status = if m.done_on.is_some() {
                crate::model::plan::TaskStatus::Done
            } else if task.status.value == crate::model::plan::TaskStatus::Dropped {
                crate::model::plan::TaskStatus::Dropped
            } else {
                crate::model::plan::TaskStatus::Todo
            };
            let standing = judge(
                Facts {
                    status,
                    done_on: m.done_on.as_ref().map(|d| d.value),
                    reading: &reading,
                    due_override: f.due,
                },
                h.as_of,
                h.soon_until,
            );
            // A carried task's open milestones go with it (issue 16).
            let standing = carried_over(task, standing, h.as_of);
            JudgedMilestone {
                number: i + 1,
                milestone: m,
                deadline: f.deadline,
                reading,
                standing,
            }
        })
        .collect::<Vec<_>>();
    let (standing, overdue_milestone) = overdue_by_milestone(standing, &milestones);
    Judged {
        task,
        in_force,
        reading,
        standing,
        milestones,
        overdue_milestone,
    }
}

/// The tasks a filter keeps, judged (`list`, `export`).
pub fn select<'a>(plan: &'a Plan, filter: &Filter, h: Horizon) -> Vec<Judged<'a>> {
    plan.tasks
        .iter()
        .map(|t| judge_task(plan, t, h))
        .filter(|j| filter.matches(plan, j, h.as_of))
        .collect()
}

pub fn judge_all<'a>(plan: &'a Plan, h: Horizon) -> Vec<Judged<'a>> {
    plan.tasks.iter().map(|t| judge_task(plan, t, h)).collect()
}

// ---------------------------------------------------------------------------------------------
// Filters (`list`, `export`).

/// Filters with units already resolved to ids.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub lead: Option<String>,
    pub unit: Option<String>,
    /// The group and its descendants.
    pub groups: Option<BTreeSet<String>>,
    pub category: Option<Category>,
    pub overdue: bool,
    pub due_within: Option<u32>,
    pub due_before: Option<NaiveDate>,
    /// Folded search text.
    pub search: Option<String>,
}

/// Does `unit` answer for the task as a lead on `as_of` (see [`responsible::answers`]): a lead
/// after amendments and successions, or a member of a collective that is.
pub fn leads(plan: &Plan, task: &Task, unit: &str, as_of: NaiveDate) -> bool {
    responsible::answers(plan, task, unit, as_of, true)
}

/// Does `unit` answer for the task (lead or support) on `as_of`.
pub fn involves(plan: &Plan, task: &Task, unit: &str, as_of: NaiveDate) -> bool {
    responsible::answers(plan, task, unit, as_of, false)
}

impl Filter {
    pub fn matches(&self, plan: &Plan, j: &Judged<'_>, as_of: NaiveDate) -> bool {
        let t = j.task;
        let s = &j.standing;
        let open = !s.category.is_done() && s.category != Category::Dropped;
        if let Some(u) = &self.lead
            && !leads(plan, t, u, as_of)
        {
            return false;
        }
        if let Some(u) = &self.unit
            && !involves(plan, t, u, as_of)
        {
            return false;
        }
        if let Some(g) = &self.groups
            && !g.contains(&t.group.value)
        {
            return false;
        }
        if let Some(c) = self.category
            && s.category != c
        {
            return false;
        }
        let overdue = s.category == Category::Overdue;
        match self.due_within {
            // Coming due: open, not yet overdue, due within the days; `--overdue` adds the late.
            Some(days) => {
                let limit = as_of
                    .checked_add_days(chrono::Days::new(days.into()))
                    .unwrap_or(NaiveDate::MAX);
                let coming = open && !overdue && s.due.is_some_and(|d| d >= as_of && d <= limit);
                if !(coming || (self.overdue && overdue)) {
                    return false;
                }
            }
            None if self.overdue && !overdue => return false,
            None => {}
        }
        if let Some(before) = self.due_before
            && !(open && s.due.is_some_and(|d| d < before))
        {
            return false;
        }
        if let Some(q) = &self.search {
            let hay = std::iter::once(t.id.value.as_str())
                .chain(std::iter::once(t.title.as_str()))
                .chain(t.notes.iter().map(String::as_str));
            if !hay.map(fold).any(|h| h.contains(q.as_str())) {
                return false;
            }
        }
        true
    }
}

/// Is any task or milestone overdue (for `--fail-on overdue`)?
pub fn any_overdue(judged: &[&Judged<'_>]) -> bool {
    judged.iter().any(|j| {
        j.standing.category == Category::Overdue
            || j.milestones
                .iter()
                .any(|m| m.standing.category == Category::Overdue)
    })
}

// ---------------------------------------------------------------------------------------------
// Counts.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub by: [usize; 8],
}

impl Counts {
    pub fn add(&mut self, c: Category) {
        self.by[c as usize] += 1;
    }

    pub fn get(&self, c: Category) -> usize {
        self.by[c as usize]
    }

    pub fn total(&self) -> usize {
        self.by.iter().sum()
    }

    pub fn done(&self) -> usize {
        self.get(Category::DoneOnTime) + self.get(Category::DoneLate)
    }

    /// Tasks that have come due: done (on time or late), overdue, and carried over to a later
    /// plan (unfinished when their plan ended: carrying them over must not improve the rate).
    pub fn came_due(&self) -> usize {
        self.done() + self.get(Category::Overdue) + self.get(Category::CarriedOver)
    }

    /// Which categories listed apart have any task.
    pub fn apart(&self) -> crate::model::status::Apart {
        crate::model::status::Apart {
            dropped: self.get(Category::Dropped) > 0,
            carried: self.get(Category::CarriedOver) > 0,
        }
    }

    pub fn of<'a>(it: impl IntoIterator<Item = &'a Judged<'a>>) -> Counts {
        let mut c = Counts::default();
        for j in it {
            c.add(j.standing.category);
        }
        c
    }
}

#[derive(Debug, Clone)]
pub struct GroupRow {
    pub id: String,
    pub title: String,
    pub depth: usize,
    pub declared: Option<u32>,
    pub counts: Counts,
}

/// One row per group in plan order; a parent counts its sub-groups' tasks too.
/// Ancestry is computed once and each task counted into its group's chain: linear in tasks
/// times depth (a 500-deep chain of sub-groups took 45 s when each group walked every other).
pub fn by_group(plan: &Plan, judged: &[Judged<'_>]) -> Vec<GroupRow> {
    let all = plan.meta.ancestries();
    let mut counts: std::collections::HashMap<&str, Counts> = std::collections::HashMap::new();
    for j in judged {
        if let Some(chain) = all.get(j.task.group.value.as_str()) {
            for g in chain {
                counts.entry(g).or_default().add(j.standing.category);
            }
        }
    }
    plan.meta
        .groups
        .iter()
        .map(|g| {
            let id = g.id.value.as_str();
            GroupRow {
                id: g.id.value.clone(),
                title: g.title.clone(),
                depth: all.get(id).map_or(0, |a| a.len() - 1),
                declared: g.declared,
                counts: counts.get(id).cloned().unwrap_or_default(),
            }
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct LeadRow {
    /// A unit that answers for the tasks as lead on the day.
    pub unit: String,
    pub counts: Counts,
    /// For a collective with members: its members as they stood on the day, each with whether
    /// it has a progress entry inside the window on one of these tasks (report section 3).
    pub members: Vec<(String, bool)>,
}

/// One row per unit that answers as lead on `as_of` ([`responsible::answer`]), in registry
/// order: an ended unit's open tasks are counted under who carries them, once.
pub fn by_lead(plan: &Plan, judged: &[Judged<'_>], as_of: NaiveDate) -> Vec<LeadRow> {
    by_lead_in(plan, judged, as_of, None)
}

/// [`by_lead`], with members' reports inside `window` counted for collectives.
pub fn by_lead_in(
    plan: &Plan,
    judged: &[Judged<'_>],
    as_of: NaiveDate,
    window: Option<&Window>,
) -> Vec<LeadRow> {
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut tasks: BTreeMap<&str, Vec<&Task>> = BTreeMap::new();
    for j in judged {
        for l in responsible::answer(plan, j.task, as_of).lead {
            counts.entry(l).or_default().add(j.standing.category);
            tasks.entry(l).or_default().push(j.task);
        }
    }
    let mut ids: Vec<&str> = counts.keys().copied().collect();
    ids.sort_by_key(|id| (registry_order(plan, id), id.to_string()));
    ids.into_iter()
        .map(|id| {
            let members = responsible::members_on(plan, id, as_of);
            let members = if members == [id] {
                vec![]
            } else {
                members
                    .into_iter()
                    .map(|m| {
                        let reported = window.is_some_and(|w| {
                            tasks[id].iter().any(|t| {
                                // An entry by the collective itself counts for every member,
                                // as in `not_reported`.
                                t.progress.iter().any(|p| {
                                    (p.by.value == m || p.by.value == id)
                                        && w.contains(p.date.value)
                                })
                            })
                        });
                        (m.to_string(), reported)
                    })
                    .collect()
            };
            LeadRow {
                unit: id.to_string(),
                counts: counts[id],
                members,
            }
        })
        .collect()
}

fn registry_order(plan: &Plan, id: &str) -> usize {
    plan.units
        .units
        .iter()
        .position(|u| u.id.value == id)
        .unwrap_or(usize::MAX)
}

// ---------------------------------------------------------------------------------------------
// The monthly report's lists.

/// A task or one of its milestones, with its standing.
#[derive(Debug, Clone)]
pub struct Due<'a> {
    pub task: &'a Task,
    pub milestone: Option<&'a JudgedMilestone<'a>>,
    pub standing: Standing,
    /// The task's deadline phrase in force on the day judged.
    pub task_deadline: &'a str,
}

impl Due<'_> {
    /// The deadline phrase in force (the milestone's for a milestone).
    pub fn phrase(&self) -> &str {
        match self.milestone {
            Some(m) => m.deadline,
            None => self.task_deadline,
        }
    }
}

/// Overdue tasks, one row each (the same count as the overview's), worst first (most days
/// overdue), then plan order. A task overdue only through a milestone shows that milestone.
pub fn overdue<'a>(judged: &'a [Judged<'a>]) -> Vec<Due<'a>> {
    let mut out: Vec<Due<'a>> = judged
        .iter()
        .filter(|j| j.standing.category == Category::Overdue)
        .map(|j| {
            let m = j
                .overdue_milestone
                .and_then(|n| j.milestones.iter().find(|m| m.number == n));
            Due {
                task: j.task,
                milestone: m,
                standing: m.map_or(j.standing, |m| m.standing),
                task_deadline: j.in_force.deadline,
            }
        })
        .collect();
    out.sort_by_key(|d| std::cmp::Reverse(d.standing.days_late.unwrap_or(0)));
    out
}

/// Open tasks and milestones not yet overdue, due from `from` to the end of `window` (the
/// report passes its as-of day, so an item due on that very day is not lost between "overdue"
/// and "next period"), by due date then plan order.
pub fn due_in<'a>(judged: &'a [Judged<'a>], from: NaiveDate, window: &Window) -> Vec<Due<'a>> {
    let mut out = items(judged, |s| {
        s.category == Category::InProgress && s.due.is_some_and(|d| d >= from && d <= window.end)
    });
    out.sort_by_key(|d| d.standing.due);
    out
}

fn items<'a>(judged: &'a [Judged<'a>], keep: impl Fn(&Standing) -> bool) -> Vec<Due<'a>> {
    let mut out = vec![];
    for j in judged {
        if keep(&j.standing) {
            out.push(Due {
                task: j.task,
                milestone: None,
                standing: j.standing,
                task_deadline: j.in_force.deadline,
            });
        }
        for m in &j.milestones {
            if j.standing.category != Category::Dropped && keep(&m.standing) {
                out.push(Due {
                    task: j.task,
                    milestone: Some(m),
                    standing: m.standing,
                    task_deadline: j.in_force.deadline,
                });
            }
        }
    }
    out
}

#[derive(Debug, Clone)]
pub struct Silent<'a> {
    /// The unit that should have reported: one that answers as lead on the day, or a member
    /// (as it stood that day) of a collective that does.
    pub unit: String,
    pub tasks: Vec<&'a Task>,
}

/// Units that answer as lead for active tasks (ongoing, in progress, or overdue) with no
/// progress entry from them dated inside `window`. Who answers is [`responsible::answer`] on
/// the window's last day; a collective is expanded to its members as they stood that day, and a
/// member's entry counts for that member only (an entry by the collective itself counts for
/// all its members).
pub fn not_reported<'a>(plan: &Plan, judged: &'a [Judged<'a>], window: &Window) -> Vec<Silent<'a>> {
    let as_of = window.end;
    let index = same_work_index(plan);
    let mut missing: BTreeMap<String, Vec<&'a Task>> = BTreeMap::new();
    for j in judged {
        let active = matches!(
            j.standing.category,
            Category::Ongoing | Category::InProgress | Category::Overdue
        );
        if !active {
            continue;
        }
        let reporters: BTreeSet<&str> = same_work(&index, j.task)
            .into_iter()
            .flat_map(|t| &t.progress)
            .filter(|p| window.contains(p.date.value) && p.known_by(window.end))
            .map(|p| p.by.value.as_str())
            .collect();
        for lead in responsible::answer(plan, j.task, as_of).lead {
            if reporters.contains(lead) {
                continue;
            }
            for member in responsible::members_on(plan, lead, as_of) {
                if !reporters.contains(member) {
                    let tasks = missing.entry(member.to_string()).or_default();
                    if !tasks.iter().any(|t| t.id.value == j.task.id.value) {
                        tasks.push(j.task);
                    }
                }
            }
        }
    }
    let mut out: Vec<Silent<'a>> = missing
        .into_iter()
        .map(|(unit, tasks)| Silent { unit, tasks })
        .collect();
    out.sort_by_key(|s| (registry_order(plan, &s.unit), s.unit.clone()));
    out
}

#[derive(Debug, Clone)]
pub struct IndicatorRow<'a> {
    pub task: &'a Task,
    pub name: &'a str,
    pub target: &'a str,
    pub unit: Option<&'a str>,
    pub latest: Option<&'a Progress>,
    /// None when there is no value or no numeric target.
    pub met: Option<bool>,
}

pub fn indicators<'a>(plan: &'a Plan, as_of: NaiveDate) -> Vec<IndicatorRow<'a>> {
    let mut out = vec![];
    let index = same_work_index(plan);
    for t in &plan.tasks {
        let same = same_work(&index, t);
        let in_force = t.in_force(as_of);
        for (i, f) in t.indicators.iter().zip(in_force.indicators) {
            // A value reported on the same piece of work under its other id counts too.
            let latest = same
                .iter()
                .filter_map(|s| s.latest_value(&i.name.value, as_of))
                .max_by_key(|p| p.date.value);
            let met = match (latest.and_then(|p| p.value), f.target_value) {
                (Some(v), Some(target)) => Some(v >= target),
                _ => None,
            };
            out.push(IndicatorRow {
                task: t,
                name: &i.name.value,
                target: f.target,
                unit: i.unit.as_deref(),
                latest,
                met,
            });
        }
    }
    out
}

/// Tasks recorded as the same piece of work (`same_as`, either direction, transitively):
/// each linked task's id → its whole group in plan order. Tasks with no link are absent.
pub fn same_work_index(plan: &Plan) -> BTreeMap<&str, Vec<&Task>> {
    let edges: Vec<(&str, &str)> = plan
        .tasks
        .iter()
        .filter_map(|t| {
            t.same_as
                .as_ref()
                .map(|s| (t.id.value.as_str(), s.value.as_str()))
        })
        .collect();
    if edges.is_empty() {
        return BTreeMap::new();
    }
    let linked: BTreeSet<&str> = edges.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let mut group_of: BTreeMap<&str, usize> = BTreeMap::new();
    let mut groups: Vec<BTreeSet<&str>> = vec![];
    for id in &linked {
        if group_of.contains_key(id) {
            continue;
        }
        let mut members = BTreeSet::from([*id]);
        let mut stack = vec![*id];
        while let Some(cur) = stack.pop() {
            for (a, b) in &edges {
                let other = if *a == cur {
                    *b
                } else if *b == cur {
                    *a
                } else {
                    continue;
                };
                if members.insert(other) {
                    stack.push(other);
                }
            }
        }
        for m in &members {
            group_of.insert(m, groups.len());
        }
        groups.push(members);
    }
    let mut out: BTreeMap<&str, Vec<&Task>> = BTreeMap::new();
    for t in &plan.tasks {
        if let Some(&g) = group_of.get(t.id.value.as_str()) {
            for m in &groups[g] {
                out.entry(*m).or_default().push(t);
            }
        }
    }
    out
}

/// The task and every task recorded as the same piece of work, from [`same_work_index`].
pub fn same_work<'a>(index: &BTreeMap<&str, Vec<&'a Task>>, task: &'a Task) -> Vec<&'a Task> {
    match index.get(task.id.value.as_str()) {
        Some(group) => group.clone(),
        None => vec![task],
    }
}

/// How many distinct pieces of work the tasks are: tasks linked by `same_as` count once.
pub fn distinct_work(plan: &Plan) -> usize {
    let index = same_work_index(plan);
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut count = 0;
    for t in &plan.tasks {
        if seen.contains(t.id.value.as_str()) {
            continue;
        }
        count += 1;
        for s in same_work(&index, t) {
            seen.insert(s.id.value.as_str());
        }
    }
    count
}

/// Progress entries dated inside the window and known by its last day, by task in plan order,
/// oldest first.
pub fn progress_in<'a>(plan: &'a Plan, window: &Window) -> Vec<(&'a Task, Vec<&'a Progress>)> {
    plan.tasks
        .iter()
        .filter_map(|t| {
            let mut entries: Vec<&Progress> = t
                .progress
                .iter()
                .filter(|p| window.contains(p.date.value) && p.known_by(window.end))
                .collect();
            entries.sort_by_key(|p| p.date.value);
            (!entries.is_empty()).then_some((t, entries))
        })
        .collect()
}

/// Late returns: entries received inside the window that refer to a day before it (so the
/// report for their own window could not include them), by task in plan order, oldest first.
pub fn late_in<'a>(plan: &'a Plan, window: &Window) -> Vec<(&'a Task, &'a Progress)> {
    let mut out = vec![];
    for t in &plan.tasks {
        let mut entries: Vec<&Progress> = t
            .progress
            .iter()
            .filter(|p| p.date.value < window.start && window.contains(p.known_on()))
            .collect();
        entries.sort_by_key(|p| (p.date.value, p.known_on()));
        out.extend(entries.into_iter().map(|p| (t, p)));
    }
    out
}
