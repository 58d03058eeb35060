//! Who answers for a task on a day: the one function every view asks ([`answer`]).
//!
//! Start from the task as in force that day (dated amendments applied, so a per-task handover
//! has already put its units in place), then replace each unit that had ended by that day with
//! the task's own handover for it when there is one (even if dated later: a per-task choice
//! beats the registry), else with the registry's successors (transitively). Only open work
//! passes: a task done before a unit ended stays credited to that unit. Collectives are
//! expanded to their members as they stood that day only when asked ([`members_on`]). Every
//! walk keeps a visited set, so a cycle in the registry cannot loop.
//!
//! Deliberately not here: wording (`i18n`), which findings follow from a split (`check`).

use chrono::NaiveDate;

use super::plan::{Plan, Task, TaskStatus, Unit};

/// The units that answer for a task on a day, in the plan's order, without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer<'a> {
    pub lead: Vec<&'a str>,
    pub support: Vec<&'a str>,
    /// `(ended unit, its registry successors)` for each ended unit replaced by more than one
    /// successor with no per-task choice: the finding `check` reports.
    pub split: Vec<(&'a str, Vec<&'a str>)>,
}

impl<'a> Answer<'a> {
    /// Lead then support units.
    pub fn all(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.lead.iter().chain(&self.support).copied()
    }
}

/// Who answers for `task` on `day` (see the module doc).
pub fn answer<'a>(plan: &'a Plan, task: &'a Task, day: NaiveDate) -> Answer<'a> {
    let f = task.in_force(day);
    let mut out = Answer::default();
    for (from, to) in [(&f.lead, &mut out.lead), (&f.support, &mut out.support)] {
        for u in from {
            for c in carry(plan, task, u, day, &mut out.split) {
                if !to.contains(&c) {
                    to.push(c);
                }
            }
        }
    }
    let lead = out.lead.clone();
    out.support.retain(|s| !lead.contains(s));
    out
}

/// Who carries, on `day`, the part of `task` that the in-force unit `unit` holds (itself when
/// it stands, or when the task was done before it ended).
pub fn carriers<'a>(plan: &'a Plan, task: &'a Task, unit: &'a str, day: NaiveDate) -> Vec<&'a str> {
    carry(plan, task, unit, day, &mut vec![])
}

/// Did the task's work end before `day` (done, with a completion day before it)?
fn finished_before(task: &Task, day: NaiveDate) -> bool {
    task.status.value == TaskStatus::Done && task.done_on.as_ref().is_some_and(|d| d.value < day)
}

/// The units that carry `unit`'s part of `task` on `day`.
fn carry<'a>(
    plan: &'a Plan,
    task: &'a Task,
    unit: &'a str,
    day: NaiveDate,
    split: &mut Vec<(&'a str, Vec<&'a str>)>,
) -> Vec<&'a str> {
    let mut out = vec![];
    let mut visited: Vec<&str> = vec![];
    let mut stack = vec![unit];
    while let Some(u) = stack.pop() {
        if visited.contains(&u) {
            continue;
        }
        visited.push(u);
        let ended = plan
            .units
            .get(u)
            .and_then(|x| x.ended)
            .filter(|e| *e <= day);
        let Some(ended) = ended else {
            out.push(u);
            continue;
        };
        if finished_before(task, ended) {
            out.push(u); // only open work passes
            continue;
        }
        // The task's own handover for this unit, whatever its day.
        let own = task
            .amendments_in_order()
            .into_iter()
            .rev()
            .find(|a| a.from.as_ref().is_some_and(|f| f.value == u) && !a.to.is_empty());
        let next: Vec<&'a str> = match own {
            Some(a) => a.to.iter().map(|t| t.value.as_str()).collect(),
            None => {
                let s: Vec<&'a str> = plan
                    .units
                    .get(u)
                    .map(|x| x.successors.iter().map(|s| s.value.as_str()).collect())
                    .unwrap_or_default();
                if s.len() > 1 && !split.iter().any(|(x, _)| *x == u) {
                    split.push((
                        plan.units.get(u).map_or(u, |x| x.id.value.as_str()),
                        s.clone(),
                    ));
                }
                s
            }
        };
        if next.is_empty() {
            out.push(u); // ended without successors: still named (check warns)
        }
        // Depth-first, keeping the successors' order.
        stack.extend(next.into_iter().rev());
    }
    if out.is_empty() {
        out.push(unit); // a cycle of successors: the named unit stays (check reports the cycle)
    }
    out
}

/// Is `unit` standing on `day` (started, not yet ended)?
pub fn stands(unit: &Unit, day: NaiveDate) -> bool {
    !unit.ended_by(day) && unit.started.is_none_or(|s| s <= day)
}

/// The members of a collective as they stood on `day`, transitively (a member that is itself a
/// collective is replaced by its members), in registry order of the member lists; a unit that
/// is not a collective (or has no members listed) is its own only member.
pub fn members_on<'a>(plan: &'a Plan, unit: &'a str, day: NaiveDate) -> Vec<&'a str> {
    let mut out = vec![];
    let mut visited: Vec<&str> = vec![];
    let mut stack = vec![unit];
    while let Some(u) = stack.pop() {
        if visited.contains(&u) {
            continue;
        }
        visited.push(u);
        match plan.units.get(u) {
            Some(x) if !x.members.is_empty() => {
                let standing: Vec<&'a str> = x
                    .members
                    .iter()
                    .filter(|m| plan.units.get(&m.value).is_none_or(|m| stands(m, day)))
                    .map(|m| m.value.as_str())
                    .collect();
                stack.extend(standing.into_iter().rev());
            }
            _ => out.push(u),
        }
    }
    out
}

/// Does `unit` answer for `task` on `day` as a lead (`lead_only`) or at all: named after
/// amendments and successions, or a member (on that day) of a collective that is.
pub fn answers(plan: &Plan, task: &Task, unit: &str, day: NaiveDate, lead_only: bool) -> bool {
    let a = answer(plan, task, day);
    let units: Vec<&str> = if lead_only {
        a.lead.clone()
    } else {
        a.all().collect()
    };
    units
        .iter()
        .any(|u| *u == unit || members_on(plan, u, day).contains(&unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::amendment::Amendment;
    use crate::model::plan::{Located, PlanMeta, Pos, Registry, UnitKind};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn loc<T>(v: T) -> Located<T> {
        Located::new(v, Pos::default())
    }

    fn unit(id: &str, ended: Option<&str>, successors: &[&str], members: &[&str]) -> Unit {
        Unit {
            id: loc(id.into()),
            name: id.into(),
            short: None,
            aliases: vec![],
            kind: if members.is_empty() {
                UnitKind::Department
            } else {
                UnitKind::Collective
            },
            members: members.iter().map(|m| loc(m.to_string())).collect(),
            ended: ended.map(d),
            started: None,
            successors: successors.iter().map(|m| loc(m.to_string())).collect(),
            took_over: None,
            note: None,
        }
    }

    fn task(lead: &[&str]) -> Task {
        Task {
            file: "t.toml".into(),
            id: loc("1.1".into()),
            group: loc("1".into()),
            title: "t".into(),
            lead: lead.iter().map(|m| loc(m.to_string())).collect(),
            lead_pos: Pos::default(),
            support: vec![],
            deadline: loc("Năm 2025".into()),
            due: None,
            status: loc(TaskStatus::Todo),
            done_on: None,
            notes: vec![],
            same_as: None,
            overlaps: vec![],
            source: None,
            milestones: vec![],
            indicators: vec![],
            progress: vec![],
            amendments: vec![],
            carry: Default::default(),
        }
    }

    fn plan(units: Vec<Unit>) -> Plan {
        Plan {
            meta: PlanMeta::default(),
            units: Registry::new("units.toml".into(), units),
            tasks: vec![],
        }
    }

    #[test]
    fn successors_split_and_a_per_task_handover_wins() {
        let p = plan(vec![
            unit("tttt", Some("2025-03-01"), &["khcn", "vh"], &[]),
            unit("khcn", None, &[], &[]),
            unit("vh", None, &[], &[]),
            unit("ca", None, &[], &[]),
        ]);
        let t = task(&["tttt"]);
        assert_eq!(answer(&p, &t, d("2025-02-28")).lead, ["tttt"]);
        let a = answer(&p, &t, d("2025-03-01"));
        assert_eq!(a.lead, ["khcn", "vh"]);
        assert_eq!(a.split, [("tttt", vec!["khcn", "vh"])]);
        let mut t = task(&["tttt"]);
        t.amendments.push(Amendment {
            on: loc(d("2025-03-15")),
            from: Some(loc("tttt".into())),
            to: vec![loc("ca".into())],
            ..Amendment::default()
        });
        // Ended on 1/3, handed over on 15/3: the per-task choice applies from the end.
        let a = answer(&p, &t, d("2025-03-05"));
        assert_eq!((a.lead, a.split), (vec!["ca"], vec![]));
        // Done before the unit ended: stays credited to it.
        t.status = loc(TaskStatus::Done);
        t.done_on = Some(loc(d("2024-12-20")));
        assert_eq!(answer(&p, &t, d("2026-01-01")).lead, ["tttt"]);
    }

    #[test]
    fn a_cycle_of_successors_or_members_ends() {
        let p = plan(vec![
            unit("a", Some("2025-01-01"), &["b"], &[]),
            unit("b", Some("2025-01-01"), &["a"], &[]),
            unit("c", None, &[], &["d", "c"]),
            unit("d", None, &[], &["c"]),
        ]);
        assert_eq!(answer(&p, &task(&["a"]), d("2025-06-01")).lead, ["a"]);
        assert_eq!(members_on(&p, "c", d("2025-06-01")), Vec::<&str>::new());
    }

    #[test]
    fn members_as_they_stood_on_the_day() {
        let p = plan(vec![
            unit("huyen", None, &[], &["h1", "h2"]),
            unit("h1", Some("2025-07-01"), &[], &[]),
            unit("h2", None, &[], &[]),
        ]);
        assert_eq!(members_on(&p, "huyen", d("2025-06-30")), ["h1", "h2"]);
        assert_eq!(members_on(&p, "huyen", d("2025-07-01")), ["h2"]);
        assert_eq!(members_on(&p, "h2", d("2025-07-01")), ["h2"]);
    }
}
