//! A workspace of plans (issue 16): several plans side by side, one sub-folder each, sharing
//! the units registry at the workspace root; today's single-plan folder is a workspace of one.
//!
//! Owns what only makes sense across plans: plans named by a short name (their folder), task
//! ids qualified as `NAME:ID`, whether a plan is open or closed on a day, and the rules over
//! the links a carry-over writes (`carried_from` / `carried_to`). Reading the folders is
//! `load::load_workspace`'s; judging a task is `summary`'s; wording is `i18n`'s. Pure: no
//! files, clock or terminal.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::load::Loaded;
use crate::model::plan::{PlanMeta, Pos, Task};
use crate::model::problem::{Problem, ProblemKind};

/// One plan of the workspace.
pub struct Member {
    /// The short name: the plan's folder (`kh594`), or the folder of a single plan (`plan`).
    pub name: String,
    pub dir: PathBuf,
    pub loaded: Loaded,
}

pub struct Workspace {
    pub root: PathBuf,
    /// Several plans in sub-folders (false: the single-plan layout).
    pub several: bool,
    /// Sorted by name.
    pub plans: Vec<Member>,
}

/// `kh594:7.4` → (Some("kh594"), "7.4"); `7.4` → (None, "7.4").
pub fn split(arg: &str) -> (Option<&str>, &str) {
    match arg.split_once(':') {
        Some((plan, id)) => (Some(plan.trim()), id.trim()),
        None => (None, arg.trim()),
    }
}

/// The qualified id of a task of plan `name`.
pub fn qualify(name: &str, id: &str) -> String {
    format!("{name}:{id}")
}

/// Open on `day`: not closed, or closed after it.
pub fn is_open(meta: &PlanMeta, day: NaiveDate) -> bool {
    meta.closed_on.is_none_or(|c| c > day)
}

/// Why an id argument does not name one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// `NAME:` names no plan; the plans' names.
    UnknownPlan { plan: String, plans: Vec<String> },
    /// No plan has the task.
    UnknownTask { id: String },
    /// A bare id found in several plans: the qualified candidates.
    Ambiguous { id: String, candidates: Vec<String> },
}

impl Workspace {
    pub fn get(&self, name: &str) -> Option<&Member> {
        self.plans.iter().find(|m| m.name == name).or_else(|| {
            self.plans
                .iter()
                .find(|m| m.name.eq_ignore_ascii_case(name))
        })
    }

    pub fn names(&self) -> Vec<String> {
        self.plans.iter().map(|m| m.name.clone()).collect()
    }

    /// The plan and task an id argument names: `NAME:ID`, or a bare id found in one plan only
    /// (ids are matched as `Plan::task` matches them, case aside).
    pub fn resolve(&self, arg: &str) -> Result<(&Member, &Task), Unresolved> {
        match split(arg) {
            (Some(plan), id) => {
                let m = self.get(plan).ok_or_else(|| Unresolved::UnknownPlan {
                    plan: plan.to_string(),
                    plans: self.names(),
                })?;
                let t = m
                    .loaded
                    .plan
                    .task(id)
                    .ok_or_else(|| Unresolved::UnknownTask {
                        id: arg.to_string(),
                    })?;
                Ok((m, t))
            }
            (None, id) => {
                let found: Vec<(&Member, &Task)> = self
                    .plans
                    .iter()
                    .filter_map(|m| m.loaded.plan.task(id).map(|t| (m, t)))
                    .collect();
                match found.len() {
                    0 => Err(Unresolved::UnknownTask { id: id.to_string() }),
                    1 => Ok(found[0]),
                    _ => Err(Unresolved::Ambiguous {
                        id: id.to_string(),
                        candidates: found
                            .iter()
                            .map(|(m, t)| qualify(&m.name, &t.id.value))
                            .collect(),
                    }),
                }
            }
        }
    }

    /// The task a link (`NAME:ID`, exactly as written by `carry-over`) points at.
    pub fn link(&self, link: &str) -> Option<(&Member, &Task)> {
        match split(link) {
            (Some(_), _) => self.resolve(link).ok(),
            (None, _) => None,
        }
    }
}

/// The rules over links between plans: a link pointing at nothing, a task carried twice, a
/// closed plan's task continued elsewhere but not marked as carried over, and two ends that do
/// not name each other.
pub fn links(ws: &Workspace) -> Vec<Problem> {
    let mut out = vec![];
    // link target → the tasks that say they continue it.
    let mut continued: BTreeMap<String, Vec<(&Member, &Task)>> = BTreeMap::new();
    for m in &ws.plans {
        for t in &m.loaded.plan.tasks {
            let me = qualify(&m.name, &t.id.value);
            if let Some(from) = &t.carry.from {
                match ws.link(&from.value) {
                    None => out.push(Problem::error(
                        &t.file,
                        from.pos,
                        ProblemKind::CarryLinkBroken {
                            link: from.value.clone(),
                        },
                    )),
                    Some((om, old)) => {
                        let key = qualify(&om.name, &old.id.value);
                        continued.entry(key).or_default().push((m, t));
                        match &old.carry.to {
                            None if !is_open(&om.loaded.plan.meta, NaiveDate::MAX) => {
                                out.push(Problem::error(
                                    &old.file,
                                    old.id.pos,
                                    ProblemKind::CarryNotMarked { by: me.clone() },
                                ))
                            }
                            Some(back) if !same_task(ws, &back.value, m, t) => {
                                out.push(Problem::error(
                                    &t.file,
                                    from.pos,
                                    ProblemKind::CarryLinkMismatch {
                                        link: from.value.clone(),
                                        back: Some(back.value.clone()),
                                    },
                                ))
                            }
                            _ => {}
                        }
                    }
                }
            }
            if let Some(to) = &t.carry.to {
                match ws.link(&to.value) {
                    None => out.push(Problem::error(
                        &t.file,
                        to.pos,
                        ProblemKind::CarryLinkBroken {
                            link: to.value.clone(),
                        },
                    )),
                    Some((nm, new)) => {
                        let back = new.carry.from.as_ref().map(|b| b.value.clone());
                        if !back.as_deref().is_some_and(|b| same_task(ws, b, m, t)) {
                            out.push(Problem::error(
                                &t.file,
                                to.pos,
                                ProblemKind::CarryLinkMismatch {
                                    link: qualify(&nm.name, &new.id.value),
                                    back,
                                },
                            ));
                        }
                    }
                }
            }
        }
    }
    for (link, by) in continued {
        if by.len() > 1 {
            let names: Vec<String> = by
                .iter()
                .map(|(m, t)| qualify(&m.name, &t.id.value))
                .collect();
            for (_, t) in &by {
                let pos = t.carry.from.as_ref().map_or(Pos::default(), |f| f.pos);
                out.push(Problem::error(
                    &t.file,
                    pos,
                    ProblemKind::CarriedTwice {
                        link: link.clone(),
                        by: names.clone(),
                    },
                ));
            }
        }
    }
    out
}

/// Does `link` name task `t` of plan `m`.
fn same_task(ws: &Workspace, link: &str, m: &Member, t: &Task) -> bool {
    ws.link(link)
        .is_some_and(|(lm, lt)| lm.name == m.name && lt.id.value == t.id.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_split_on_the_first_colon() {
        assert_eq!(split("kh594:7.4"), (Some("kh594"), "7.4"));
        assert_eq!(split("7.4"), (None, "7.4"));
        assert_eq!(split(" kh2025 : 1.3 "), (Some("kh2025"), "1.3"));
        assert_eq!(qualify("kh594", "TT.6"), "kh594:TT.6");
    }

    #[test]
    fn a_plan_is_open_until_its_closing_day() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut m = PlanMeta::default();
        assert!(is_open(&m, d("2030-01-01")));
        m.closed_on = Some(d("2024-12-31"));
        assert!(is_open(&m, d("2024-12-30")));
        assert!(!is_open(&m, d("2024-12-31")));
    }
}
