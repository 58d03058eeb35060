//! Pure rules over a loaded plan: one small named function each, listed in [`RULES`].
//!
//! Owns cross-field and cross-file validation (units exist, groups add up, dates make sense
//! as of a day). Parsing and per-file syntax are `load`'s; wording is `i18n`'s.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::model::deadline::Deadline;
use crate::model::id::check_safe;
use crate::model::plan::{Located, Plan, Pos, Task, UnitKind};
use crate::model::problem::{Item, Problem, ProblemKind};
use crate::text;

/// Everything a rule may look at.
pub struct Input<'a> {
    pub plan: &'a Plan,
    pub as_of: NaiveDate,
    /// Every task file parsed (otherwise group counts would be wrong, not the plan).
    pub all_tasks_loaded: bool,
    /// The units registry loaded (otherwise every reference would look unknown).
    pub units_loaded: bool,
    /// Judge the plan as it was stated on `as_of`: progress entries and completion dates after
    /// that day are the record of what followed, not mistakes (`check --as-issued`).
    pub later_records_allowed: bool,
}

impl<'a> Input<'a> {
    pub fn new(loaded: &'a crate::load::Loaded, as_of: NaiveDate) -> Input<'a> {
        Input {
            plan: &loaded.plan,
            as_of,
            all_tasks_loaded: loaded.all_tasks_loaded,
            units_loaded: loaded.units_loaded,
            later_records_allowed: false,
        }
    }

    /// For a plan built in memory, complete by construction.
    pub fn complete(plan: &'a Plan, as_of: NaiveDate) -> Input<'a> {
        Input {
            plan,
            as_of,
            all_tasks_loaded: true,
            units_loaded: true,
            later_records_allowed: false,
        }
    }
}

impl Input<'_> {
    /// A record dated `day` is too late to be true as of the day judged.
    fn after(&self, day: NaiveDate) -> bool {
        day > self.as_of && !self.later_records_allowed
    }
}

type PlanRule = fn(&Input<'_>, &mut Vec<Problem>);
type TaskRule = fn(&Input<'_>, &Task, &mut Vec<Problem>);

/// Rules over the plan as a whole, in the order they run (output is sorted afterwards).
/// What a rule needs to say anything true. A rule that reads units would report every
/// reference as unknown when units.toml is missing or broken (already reported), so the runner
/// skips it, instead of each rule checking for itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    Units,
}

pub const PLAN_RULES: &[(&str, Needs, PlanRule)] = &[
    ("plan-settings", Needs::Units, plan_settings),
    ("groups", Needs::Nothing, groups),
    ("units-registry", Needs::Units, units_registry),
    ("task-ids", Needs::Nothing, task_ids),
    ("task-groups", Needs::Nothing, task_groups),
    ("group-counts", Needs::Nothing, group_counts),
    ("plan-period", Needs::Nothing, plan_period),
    ("unit-cycles", Needs::Units, unit_cycles),
];

/// Rules about one task at a time (they run on two threads for large plans).
pub const TASK_RULES: &[(&str, Needs, TaskRule)] = &[
    ("task-units", Needs::Units, task_units),
    ("ended-units", Needs::Units, ended_units),
    ("deadlines", Needs::Nothing, deadlines),
    ("completion", Needs::Nothing, completion),
    ("milestones", Needs::Nothing, milestones),
    ("progress", Needs::Units, progress),
    ("indicators", Needs::Nothing, indicators),
    ("amendments", Needs::Units, amendments),
    ("links-and-receipts", Needs::Nothing, links_and_receipts),
];

pub fn run(input: &Input<'_>) -> Vec<Problem> {
    let runs = |needs: Needs| needs == Needs::Nothing || input.units_loaded;
    let mut out = vec![];
    for (_, needs, rule) in PLAN_RULES {
        if runs(*needs) {
            rule(input, &mut out);
        }
    }
    let task_rules: Vec<&TaskRule> = TASK_RULES
        .iter()
        .filter(|(_, needs, _)| runs(*needs))
        .map(|(_, _, rule)| rule)
        .collect();
    let per_task = |tasks: &[Task]| {
        let mut v = vec![];
        for t in tasks {
            for rule in &task_rules {
                rule(input, t, &mut v);
            }
        }
        v
    };
    let tasks = &input.plan.tasks;
    if tasks.len() < 512 {
        out.extend(per_task(tasks));
    } else {
        let (a, b) = tasks.split_at(tasks.len() / 2);
        let (pa, pb) = std::thread::scope(|s| {
            let h = s.spawn(|| per_task(b));
            let pa = per_task(a);
            (
                pa,
                h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            )
        });
        out.extend(pa);
        out.extend(pb);
    }
    out
}

fn unknown_unit(plan: &Plan, file: &str, r: &Located<String>) -> Problem {
    let reg = &plan.units;
    let mut suggestions: Vec<(String, String)> = reg
        .by_spelling(&r.value)
        .into_iter()
        .map(|u| (u.id.value.clone(), u.name.clone()))
        .collect();
    if suggestions.is_empty() {
        suggestions = text::nearest(&r.value, reg.units.iter().map(|u| u.id.value.as_str()), 3)
            .into_iter()
            .map(|id| {
                (
                    id.to_string(),
                    reg.get(id).map(|u| u.name.clone()).unwrap_or_default(),
                )
            })
            .collect();
    }
    Problem::error(
        file,
        r.pos,
        ProblemKind::UnknownUnit {
            id: r.value.clone(),
            suggestions,
        },
    )
}

fn plan_settings(i: &Input<'_>, out: &mut Vec<Problem>) {
    let m = &i.plan.meta;
    if let Some(s) = &m.secretariat
        && i.plan.units.get(&s.value).is_none()
    {
        out.push(unknown_unit(i.plan, &m.file, s));
    }
    // An acknowledgement naming a unit that does not exist would silently match nothing.
    for a in &m.acknowledged {
        if let Some(u) = &a.unit
            && i.plan.units.get(&u.value).is_none()
        {
            out.push(unknown_unit(i.plan, &m.file, u));
        }
    }
}

/// Once, not per task: the plan's period is over and nobody closed it.
fn plan_period(i: &Input<'_>, out: &mut Vec<Problem>) {
    let m = &i.plan.meta;
    if let Some(end) = m.period_end
        && m.closed_on.is_none()
        && i.as_of > end
    {
        out.push(Problem::warning(
            &m.file,
            Pos::default(),
            ProblemKind::PlanEndedOpen { end },
        ));
    }
}

/// `same_as` and `overlaps` name tasks that exist; a return is not received before its day.
fn links_and_receipts(i: &Input<'_>, t: &Task, out: &mut Vec<Problem>) {
    for l in t.same_as.iter().chain(&t.overlaps) {
        if i.plan.task(&l.value).is_none() {
            out.push(Problem::error(
                &t.file,
                l.pos,
                ProblemKind::UnknownLinkedTask {
                    id: l.value.clone(),
                },
            ));
        }
    }
    for p in &t.progress {
        if let Some(r) = &p.received
            && r.value < p.date.value
        {
            out.push(Problem::warning(
                &t.file,
                r.pos,
                ProblemKind::ReceivedBeforeDate,
            ));
        }
    }
}

fn groups(i: &Input<'_>, out: &mut Vec<Problem>) {
    let m = &i.plan.meta;
    let all = m.ancestries();
    let mut seen = BTreeSet::new();
    for g in &m.groups {
        if !seen.insert(g.id.value.as_str()) {
            out.push(Problem::error(
                &m.file,
                g.id.pos,
                ProblemKind::DuplicateGroup {
                    group: g.id.value.clone(),
                },
            ));
        }
        if let Some(p) = &g.parent {
            if m.group(&p.value).is_none() {
                out.push(Problem::error(
                    &m.file,
                    p.pos,
                    ProblemKind::UnknownGroup {
                        group: p.value.clone(),
                        suggestion: None,
                    },
                ));
            } else if all
                .get(p.value.as_str())
                .is_some_and(|a| a.contains(&g.id.value.as_str()))
            {
                out.push(Problem::error(
                    &m.file,
                    p.pos,
                    ProblemKind::GroupCycle {
                        group: g.id.value.clone(),
                    },
                ));
            }
        }
    }
}

/// Successors or members that lead back to a unit (a unit that succeeds itself included):
/// one located error per cycle, at the first unit of the cycle found.
fn unit_cycles(i: &Input<'_>, out: &mut Vec<Problem>) {
    let reg = &i.plan.units;
    for (unit, field, path) in reg.cycles() {
        let pos = if field == "successors" {
            unit.successors.first().map_or(unit.id.pos, |s| s.pos)
        } else {
            unit.members.first().map_or(unit.id.pos, |s| s.pos)
        };
        out.push(Problem::error(
            &reg.file,
            pos,
            ProblemKind::UnitCycle {
                unit: unit.id.value.clone(),
                field,
                path: path.into_iter().map(str::to_string).collect(),
            },
        ));
    }
}

fn units_registry(i: &Input<'_>, out: &mut Vec<Problem>) {
    let reg = &i.plan.units;
    let file = &reg.file;
    let mut seen = BTreeSet::new();
    for u in &reg.units {
        let id = &u.id.value;
        if !seen.insert(id.as_str()) {
            out.push(Problem::error(
                file,
                u.id.pos,
                ProblemKind::DuplicateUnit { id: id.clone() },
            ));
        }
        let slug = !id.is_empty()
            && id.split('-').all(|p| {
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if !slug {
            out.push(Problem::error(
                file,
                u.id.pos,
                ProblemKind::BadUnitId { id: id.clone() },
            ));
        }
        for r in u.members.iter().chain(&u.successors) {
            if reg.get(&r.value).is_none() {
                out.push(unknown_unit(i.plan, file, r));
            }
        }
        if u.ended.is_some() && u.successors.is_empty() {
            out.push(Problem::warning(
                file,
                u.id.pos,
                ProblemKind::EndedWithoutSuccessors { unit: id.clone() },
            ));
        }
        if u.ended.is_none() && !u.successors.is_empty() {
            out.push(Problem::error(
                file,
                u.id.pos,
                ProblemKind::SuccessorsWithoutEnded { unit: id.clone() },
            ));
        }
        if u.kind == UnitKind::Collective
            && !u.members.is_empty()
            && u.members.iter().any(|m| m.value == *id)
        {
            out.push(Problem::error(
                file,
                u.id.pos,
                ProblemKind::BadUnitId { id: id.clone() },
            ));
        }
    }
    // A spelling that names two different units makes imports and lookups ambiguous.
    let mut spellings: BTreeMap<String, (Pos, BTreeSet<&str>)> = BTreeMap::new();
    for u in &reg.units {
        for s in std::iter::once(&u.name).chain(&u.aliases) {
            let e = spellings
                .entry(crate::model::deadline::fold(s))
                .or_insert((u.id.pos, BTreeSet::new()));
            e.1.insert(&u.id.value);
        }
    }
    for (spelling, (pos, ids)) in spellings {
        if ids.len() > 1 {
            out.push(Problem::warning(
                file,
                pos,
                ProblemKind::AmbiguousSpelling {
                    spelling,
                    units: ids.into_iter().map(str::to_string).collect(),
                },
            ));
        }
    }
}

fn task_ids(i: &Input<'_>, out: &mut Vec<Problem>) {
    let mut first: BTreeMap<&str, &Task> = BTreeMap::new();
    for t in &i.plan.tasks {
        let id = &t.id.value;
        let safe = check_safe(id);
        if let Err(why) = safe {
            out.push(Problem::error(
                &t.file,
                t.id.pos,
                ProblemKind::UnsafeId {
                    id: id.clone(),
                    why,
                },
            ));
        }
        let stem = t
            .file
            .rsplit('/')
            .next()
            .unwrap_or(&t.file)
            .trim_end_matches(".toml");
        if stem != id && safe.is_ok() {
            out.push(Problem::error(
                &t.file,
                t.id.pos,
                ProblemKind::IdFileMismatch {
                    id: id.clone(),
                    stem: stem.to_string(),
                },
            ));
        }
        match first.get(id.as_str()) {
            Some(other) => out.push(Problem::error(
                &t.file,
                t.id.pos,
                ProblemKind::DuplicateTaskId {
                    id: id.clone(),
                    other: other.file.clone(),
                },
            )),
            None => {
                first.insert(id, t);
            }
        }
    }
}

fn task_groups(i: &Input<'_>, out: &mut Vec<Problem>) {
    let m = &i.plan.meta;
    if m.groups.is_empty() {
        return; // plan.toml missing or broken: already reported.
    }
    for t in &i.plan.tasks {
        let g = &t.group.value;
        if m.group(g).is_none() {
            let suggestion = text::nearest(g, m.groups.iter().map(|g| g.id.value.as_str()), 1)
                .first()
                .map(|s| s.to_string());
            out.push(Problem::error(
                &t.file,
                t.group.pos,
                ProblemKind::UnknownGroup {
                    group: g.clone(),
                    suggestion,
                },
            ));
        } else if !t.id.value.starts_with(&format!("{g}.")) {
            out.push(Problem::warning(
                &t.file,
                t.id.pos,
                ProblemKind::IdOutsideGroup {
                    id: t.id.value.clone(),
                    group: g.clone(),
                },
            ));
        }
    }
}

fn group_counts(i: &Input<'_>, out: &mut Vec<Problem>) {
    if !i.all_tasks_loaded {
        return; // a task file that did not parse is already reported; counting would mislead.
    }
    let m = &i.plan.meta;
    let all = m.ancestries();
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    // Tasks added by an amendment are outside the plan's declared counts.
    for t in i.plan.tasks.iter().filter(|t| !t.is_added()) {
        if let Some(chain) = all.get(t.group.value.as_str()) {
            for g in chain {
                *counts.entry(g).or_default() += 1;
            }
        }
    }
    for g in &m.groups {
        if let Some(declared) = g.declared {
            let actual = counts.get(g.id.value.as_str()).copied().unwrap_or(0);
            if actual != declared {
                out.push(Problem::error(
                    &m.file,
                    g.id.pos,
                    ProblemKind::GroupCount {
                        group: g.id.value.clone(),
                        declared,
                        actual,
                    },
                ));
            }
        }
    }
}

fn task_units(i: &Input<'_>, t: &Task, out: &mut Vec<Problem>) {
    let reg = &i.plan.units;
    if t.lead.is_empty() {
        out.push(Problem::error(&t.file, t.lead_pos, ProblemKind::EmptyLead));
    }
    let mut seen = BTreeSet::new();
    for r in t.lead.iter().chain(&t.support) {
        if reg.get(&r.value).is_none() {
            out.push(unknown_unit(i.plan, &t.file, r));
        }
        if !seen.insert(r.value.as_str()) {
            let both = t.lead.iter().any(|l| l.value == r.value)
                && t.support.iter().any(|s| s.value == r.value);
            let kind = if both {
                ProblemKind::LeadAndSupport {
                    unit: r.value.clone(),
                }
            } else {
                ProblemKind::DuplicateUnitRef {
                    unit: r.value.clone(),
                }
            };
            out.push(Problem::error(&t.file, r.pos, kind));
        }
    }
}

/// An ended unit on a task is fine when someone carries its part: the task's own handover, or a
/// single registry successor. When the unit's work was split among several successors and the
/// task has no handover for it, the task must choose: a finding naming the candidates and the
/// function each took over. Work done before the unit ended stays with it (no finding).
fn ended_units(i: &Input<'_>, t: &Task, out: &mut Vec<Problem>) {
    let reg = &i.plan.units;
    let answer = crate::model::responsible::answer(i.plan, t, i.as_of);
    for (unit, successors) in answer.split {
        let Some(u) = reg.get(unit) else { continue };
        let pos = t
            .lead
            .iter()
            .chain(&t.support)
            .find(|r| r.value == unit)
            .map_or(t.lead_pos, |r| r.pos);
        out.push(Problem::warning(
            &t.file,
            pos,
            ProblemKind::UnitSplit {
                unit: unit.to_string(),
                name: u.label().to_string(),
                ended: u.ended.unwrap_or(i.as_of),
                candidates: successors
                    .iter()
                    .map(|s| {
                        (
                            reg.label(s).to_string(),
                            reg.get(s).and_then(|x| x.took_over.clone()),
                        )
                    })
                    .collect(),
            },
        ));
    }
}

fn deadline_problems(
    plan: &Plan,
    file: &str,
    phrase: &Located<String>,
    due: Option<&Located<NaiveDate>>,
    item: Option<Item>,
    out: &mut Vec<Problem>,
) {
    let reading = plan.meta.read_deadline(&phrase.value);
    let with_item = |p: Problem| match item {
        Some(it) => p.about(it),
        None => p,
    };
    match (reading, due) {
        (Err(error), None) => out.push(with_item(Problem::error(
            file,
            phrase.pos,
            ProblemKind::UnreadableDeadline {
                phrase: phrase.value.clone(),
                error,
            },
        ))),
        (Ok(Deadline::Due(d) | Deadline::DueThenOngoing(d)), Some(due)) if d != due.value => out
            .push(with_item(Problem::warning(
                file,
                due.pos,
                ProblemKind::DueContradictsPhrase {
                    due: due.value,
                    derived: d,
                },
            ))),
        _ => {}
    }
}

fn deadlines(i: &Input<'_>, t: &Task, out: &mut Vec<Problem>) {
    deadline_problems(i.plan, &t.file, &t.deadline, t.due.as_ref(), None, out);
}

fn completion(i: &Input<'_>, t: &Task, out: &mut Vec<Problem>) {
    use crate::model::plan::TaskStatus;
    match (t.status.value, &t.done_on) {
        (TaskStatus::Done, None) => out.push(Problem::error(
            &t.file,
            t.status.pos,
            ProblemKind::DoneWithoutDoneOn,
        )),
        (TaskStatus::Done, Some(d)) if i.after(d.value) => out.push(Problem::error(
            &t.file,
            d.pos,
            ProblemKind::DoneOnAfterAsOf {
                done_on: d.value,
                as_of: i.as_of,
            },
        )),
        (TaskStatus::Todo | TaskStatus::Doing, Some(d)) => out.push(Problem::warning(
            &t.file,
            d.pos,
            ProblemKind::DoneOnWithoutDone,
        )),
        _ => {}
    }
}

fn milestones(i: &Input<'_>, t: &Task, out: &mut Vec<Problem>) {
    for (n, m) in t.milestones.iter().enumerate() {
        let item = Item::Milestone(n + 1);
        deadline_problems(
            i.plan,
            &t.file,
            &m.deadline,
            m.due.as_ref(),
            Some(item),
            out,
        );
        if let Some(d) = &m.done_on
            && i.after(d.value)
        {
            out.push(
                Problem::error(
                    &t.file,
                    d.pos,
                    ProblemKind::DoneOnAfterAsOf {
                        done_on: d.value,
                        as_of: i.as_of,
                    },
                )
                .about(item),
            );
        }
    }
}

fn progress(i: &Input<'_>, t: &Task, out: &mut Vec<Problem>) {
    if t.progress.is_empty() {
        return;
    }
    let reg = &i.plan.units;
    // Who may report: lead and support units, their members, their successors, and every unit
    // an amendment names. Built only when an entry is not by a lead or support unit itself
    // (the usual case needs no walk of collectives: it was a seventh of a warm `check`).
    let allowed = std::cell::OnceCell::new();
    let allowed = || {
        allowed.get_or_init(|| {
            let mut allowed: BTreeSet<&str> = BTreeSet::new();
            let amended = t.amendments.iter().flat_map(|a| {
                a.to.iter()
                    .chain(a.lead.iter().flatten())
                    .chain(a.support.iter().flatten())
            });
            for r in t.lead.iter().chain(&t.support).chain(amended) {
                for u in reg.expand(&r.value) {
                    allowed.insert(u);
                    if let Some(unit) = reg.get(u) {
                        for s in &unit.successors {
                            allowed.extend(reg.expand(&s.value));
                        }
                    }
                }
            }
            allowed
        })
    };
    let named = |by: &str| t.lead.iter().chain(&t.support).any(|r| r.value == by);
    // With an unknown or missing unit the real reporter may look like an outsider: the
    // unknown unit is reported instead.
    let units_known = !t.lead.is_empty()
        && t.lead
            .iter()
            .chain(&t.support)
            .all(|r| reg.get(&r.value).is_some());
    let mut previous: Option<NaiveDate> = None;
    for (n, p) in t.progress.iter().enumerate() {
        let item = Item::Progress(n + 1);
        if i.after(p.date.value) {
            out.push(
                Problem::error(
                    &t.file,
                    p.date.pos,
                    ProblemKind::ProgressAfterAsOf {
                        date: p.date.value,
                        as_of: i.as_of,
                    },
                )
                .about(item),
            );
        }
        if let Some(prev) = previous
            && p.date.value < prev
        {
            out.push(
                Problem::warning(
                    &t.file,
                    p.date.pos,
                    ProblemKind::ProgressOutOfOrder {
                        date: p.date.value,
                        previous: prev,
                    },
                )
                .about(item),
            );
        }
        previous = Some(previous.map_or(p.date.value, |prev| prev.max(p.date.value)));
        if let Some(first) = t.progress[..n].iter().position(|q| same_entry(q, p)) {
            out.push(
                Problem::warning(
                    &t.file,
                    p.date.pos,
                    ProblemKind::DuplicateProgress {
                        id: t.id.value.clone(),
                        first: first + 1,
                        second: n + 1,
                    },
                )
                .about(item),
            );
        }
        let ended = reg
            .get(&p.by.value)
            .and_then(|u| u.ended.filter(|e| *e <= p.date.value).map(|e| (u, e)));
        if reg.get(&p.by.value).is_none() {
            out.push(unknown_unit(i.plan, &t.file, &p.by).about(item));
        } else if let Some((u, ended)) = ended {
            out.push(
                Problem::warning(
                    &t.file,
                    p.by.pos,
                    ProblemKind::ProgressByEndedUnit {
                        unit: p.by.value.clone(),
                        name: u.label().to_string(),
                        ended,
                        carriers: crate::model::responsible::answer(i.plan, t, p.date.value)
                            .lead
                            .into_iter()
                            .map(|c| reg.label(c).to_string())
                            .collect(),
                    },
                )
                .about(item),
            );
        } else if units_known && !named(&p.by.value) && !allowed().contains(p.by.value.as_str()) {
            out.push(
                Problem::warning(
                    &t.file,
                    p.by.pos,
                    ProblemKind::ProgressByOutsider {
                        unit: p.by.value.clone(),
                    },
                )
                .about(item),
            );
        }
    }
}

/// Two progress entries that say exactly the same thing (a repeated `update`).
pub fn same_entry(a: &crate::model::plan::Progress, b: &crate::model::plan::Progress) -> bool {
    a.date.value == b.date.value
        && a.by.value == b.by.value
        && a.note == b.note
        && a.percent == b.percent
        && a.indicator.as_ref().map(|i| &i.value) == b.indicator.as_ref().map(|i| &i.value)
        && a.value == b.value
}

fn indicators(_i: &Input<'_>, t: &Task, out: &mut Vec<Problem>) {
    let mut names = BTreeSet::new();
    for (n, ind) in t.indicators.iter().enumerate() {
        if !names.insert(ind.name.value.as_str()) {
            out.push(
                Problem::error(
                    &t.file,
                    ind.name.pos,
                    ProblemKind::DuplicateIndicator {
                        name: ind.name.value.clone(),
                    },
                )
                .about(Item::Indicator(n + 1)),
            );
        }
    }
    for (n, p) in t.progress.iter().enumerate() {
        let item = Item::Progress(n + 1);
        match (&p.indicator, p.value) {
            (Some(name), _) if !names.contains(name.value.as_str()) => out.push(
                Problem::error(
                    &t.file,
                    name.pos,
                    ProblemKind::UnknownIndicator {
                        name: name.value.clone(),
                    },
                )
                .about(item),
            ),
            (Some(name), None) => out.push(
                Problem::error(&t.file, name.pos, ProblemKind::IndicatorWithoutValue).about(item),
            ),
            (None, Some(_)) => out.push(
                Problem::error(&t.file, p.date.pos, ProblemKind::ValueWithoutIndicator).about(item),
            ),
            _ => {}
        }
    }
}

/// Every `[[amendment]]` well formed: a basis, a known unit in every unit field, `from` and
/// `to` together, a milestone that exists, a phrase that reads, an indicator that exists, a
/// handover from a unit that had the task on that day.
fn amendments(i: &Input<'_>, t: &Task, out: &mut Vec<Problem>) {
    let reg = &i.plan.units;
    let names: BTreeSet<&str> = t.indicators.iter().map(|x| x.name.value.as_str()).collect();
    for (n, a) in t.amendments.iter().enumerate() {
        let item = Item::Amendment(n + 1);
        let at = |pos: Pos, kind: ProblemKind| Problem::error(&t.file, pos, kind).about(item);
        if a.basis.as_ref().is_none_or(|b| b.value.trim().is_empty()) {
            out.push(at(
                a.basis.as_ref().map_or(a.pos, |b| b.pos),
                ProblemKind::AmendmentWithoutBasis,
            ));
        }
        let units = a
            .from
            .iter()
            .chain(&a.to)
            .chain(a.lead.iter().flatten())
            .chain(a.support.iter().flatten());
        for r in units {
            if reg.get(&r.value).is_none() {
                out.push(unknown_unit(i.plan, &t.file, r).about(item));
            }
        }
        match (&a.from, a.to.is_empty()) {
            (None, false) => out.push(at(
                a.to_pos.unwrap_or(a.pos),
                ProblemKind::AmendmentToWithoutFrom,
            )),
            (Some(f), true) => out.push(at(f.pos, ProblemKind::AmendmentFromWithoutTo)),
            (Some(f), false) => {
                // The day before it takes effect, was `from` on the task at all?
                let before = t.in_force(a.on.value.pred_opt().unwrap_or(a.on.value));
                let on_task = before.lead.contains(&f.value.as_str())
                    || before.support.contains(&f.value.as_str());
                if !on_task && reg.get(&f.value).is_some() && !t.done_before(a.on.value) {
                    out.push(
                        Problem::warning(
                            &t.file,
                            f.pos,
                            ProblemKind::HandoverFromStranger {
                                unit: f.value.clone(),
                            },
                        )
                        .about(item),
                    );
                }
            }
            (None, true) => {}
        }
        if let Some(m) = &a.milestone {
            let count = t.milestones.len();
            if m.value < 1 || m.value as u64 > count as u64 {
                out.push(at(
                    m.pos,
                    ProblemKind::AmendmentMilestoneOutOfRange {
                        number: m.value,
                        count,
                    },
                ));
            }
        }
        if let Some(d) = &a.deadline {
            deadline_problems(i.plan, &t.file, d, a.due.as_ref(), Some(item), out);
        }
        match &a.indicator {
            Some(name) if !names.contains(name.value.as_str()) => out.push(at(
                name.pos,
                ProblemKind::UnknownIndicator {
                    name: name.value.clone(),
                },
            )),
            None if a.target.is_some() || a.target_value.is_some() => {
                out.push(at(a.pos, ProblemKind::AmendmentTargetWithoutIndicator))
            }
            _ => {}
        }
        // An amendment that adds the task changes nothing else, and says so by `added`.
        if a.kind() == crate::model::amendment::AmendmentKind::Empty && !a.added {
            out.push(Problem::warning(&t.file, a.pos, ProblemKind::AmendmentEmpty).about(item));
        }
    }
}

/// Split `problems` into those still reported and those the plan acknowledges
/// (`[[acknowledge]]` in plan.toml: same rule code, and the unit and tasks when given). Only
/// warnings can be acknowledged: an error is never hidden.
pub fn acknowledged(plan: &Plan, problems: Vec<Problem>) -> (Vec<Problem>, Vec<Problem>) {
    let acks = &plan.meta.acknowledged;
    if acks.is_empty() {
        return (problems, vec![]);
    }
    let task_of = |path: &str| {
        plan.tasks
            .iter()
            .find(|t| t.file == path)
            .map(|t| t.id.value.as_str())
    };
    problems.into_iter().partition(|p| {
        p.severity == crate::model::problem::Severity::Error
            || !acks.iter().any(|a| {
                a.rule.value == p.code()
                    && a.unit
                        .as_ref()
                        .is_none_or(|u| Some(u.value.as_str()) == p.unit())
                    && (a.tasks.is_empty()
                        || task_of(&p.path).is_some_and(|id| a.tasks.iter().any(|t| t == id)))
            })
    })
}
