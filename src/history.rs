//! Pure semantics of plan changes: what changed between two versions of a task (or of the
//! whole plan) in the plan's own terms, and what a reviewer must look at. Git access is
//! `git`'s; wording is `render::history`'s.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::deadline;
use crate::model::id::cmp_ids;
use crate::model::plan::{PlanMeta, Progress, Registry, Task, TaskStatus, Unit};

#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    /// Word-level diff of the text in `[-removed-]{+added+}` notation, with some context.
    Title {
        words: String,
    },
    Group {
        from: String,
        to: String,
    },
    Lead {
        added: Vec<String>,
        removed: Vec<String>,
    },
    Support {
        added: Vec<String>,
        removed: Vec<String>,
    },
    Deadline {
        from: String,
        to: String,
        from_due: Option<NaiveDate>,
        to_due: Option<NaiveDate>,
    },
    Due {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    Status {
        from: TaskStatus,
        to: TaskStatus,
    },
    DoneOn {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    Notes,
    ProgressAdded {
        date: NaiveDate,
        by: String,
        note: String,
    },
    ProgressRemoved {
        date: NaiveDate,
        by: String,
        note: String,
    },
    ProgressEdited {
        date: NaiveDate,
        by: String,
    },
    MilestoneDone {
        number: usize,
        title: String,
        on: NaiveDate,
    },
    MilestoneChanged {
        number: usize,
    },
    Indicators,
    Source,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Added,
    Removed,
    Modified,
    /// The id changed (same task text).
    Renamed {
        from: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskChange {
    pub id: String,
    pub kind: Kind,
    pub fields: Vec<Field>,
}

fn due_of(phrase: &str, explicit: Option<NaiveDate>, inclusive: bool) -> Option<NaiveDate> {
    explicit.or_else(|| {
        deadline::parse(phrase, inclusive)
            .ok()
            .and_then(|d| d.due())
    })
}

fn added_removed(old: Vec<&str>, new: Vec<&str>) -> (Vec<String>, Vec<String>) {
    let added = new
        .iter()
        .filter(|u| !old.contains(u))
        .map(|s| s.to_string())
        .collect();
    let removed = old
        .iter()
        .filter(|u| !new.contains(u))
        .map(|s| s.to_string())
        .collect();
    (added, removed)
}

/// Word diff with up to three words of context around each change.
pub fn word_diff(old: &str, new: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(old, new);
    let mut parts: Vec<(ChangeTag, String)> = vec![];
    for c in diff.iter_all_changes() {
        let v = c.value().to_string();
        match parts.last_mut() {
            Some((tag, text)) if *tag == c.tag() => text.push_str(&v),
            _ => parts.push((c.tag(), v)),
        }
    }
    let mut out = String::new();
    let n = parts.len();
    for (i, (tag, text)) in parts.iter().enumerate() {
        match tag {
            ChangeTag::Delete => out.push_str(&format!("[-{}-]", text.trim())),
            ChangeTag::Insert => out.push_str(&format!("{{+{}+}}", text.trim())),
            ChangeTag::Equal => {
                let words: Vec<&str> = text.split_whitespace().collect();
                let keep = 3;
                let (first, last) = (i == 0, i + 1 == n);
                let shown = if first && last || words.len() <= keep {
                    words.join(" ")
                } else if first {
                    format!("… {}", words[words.len() - keep..].join(" "))
                } else if last {
                    format!("{} …", words[..keep].join(" "))
                } else if words.len() <= 2 * keep {
                    words.join(" ")
                } else {
                    format!(
                        "{} … {}",
                        words[..keep].join(" "),
                        words[words.len() - keep..].join(" ")
                    )
                };
                out.push_str(&format!(" {shown} "));
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn progress_key(p: &Progress) -> (NaiveDate, &str, &str, Option<u8>, Option<&str>, Option<u64>) {
    (
        p.date.value,
        p.by.value.as_str(),
        p.note.as_str(),
        p.percent,
        p.indicator.as_ref().map(|i| i.value.as_str()),
        p.value.map(f64::to_bits),
    )
}

/// Field-level changes from `old` to `new` (both versions of the same task).
pub fn diff_fields(old: &Task, new: &Task, inclusive: bool) -> Vec<Field> {
    let mut f = vec![];
    if old.title != new.title {
        f.push(Field::Title {
            words: word_diff(&old.title, &new.title),
        });
    }
    if old.group.value != new.group.value {
        f.push(Field::Group {
            from: old.group.value.clone(),
            to: new.group.value.clone(),
        });
    }
    let (added, removed) = added_removed(old.lead_ids().collect(), new.lead_ids().collect());
    if !added.is_empty() || !removed.is_empty() {
        f.push(Field::Lead { added, removed });
    }
    let (added, removed) = added_removed(old.support_ids().collect(), new.support_ids().collect());
    if !added.is_empty() || !removed.is_empty() {
        f.push(Field::Support { added, removed });
    }
    let old_due = old.due.as_ref().map(|d| d.value);
    let new_due = new.due.as_ref().map(|d| d.value);
    if old.deadline.value != new.deadline.value {
        f.push(Field::Deadline {
            from: old.deadline.value.clone(),
            to: new.deadline.value.clone(),
            from_due: due_of(&old.deadline.value, old_due, inclusive),
            to_due: due_of(&new.deadline.value, new_due, inclusive),
        });
    }
    if old_due != new_due {
        f.push(Field::Due {
            from: old_due,
            to: new_due,
        });
    }
    if old.status.value != new.status.value {
        f.push(Field::Status {
            from: old.status.value,
            to: new.status.value,
        });
    }
    let (od, nd) = (
        old.done_on.as_ref().map(|d| d.value),
        new.done_on.as_ref().map(|d| d.value),
    );
    if od != nd {
        f.push(Field::DoneOn { from: od, to: nd });
    }
    if old.notes != new.notes {
        f.push(Field::Notes);
    }
    for (i, nm) in new.milestones.iter().enumerate() {
        match old.milestones.get(i) {
            Some(om) => {
                let newly_done = om.done_on.is_none() && nm.done_on.is_some();
                let same = om.title == nm.title
                    && om.deadline.value == nm.deadline.value
                    && om.due.as_ref().map(|d| d.value) == nm.due.as_ref().map(|d| d.value)
                    && om.done_on.as_ref().map(|d| d.value) == nm.done_on.as_ref().map(|d| d.value);
                if newly_done && om.title == nm.title && om.deadline.value == nm.deadline.value {
                    let on = nm.done_on.as_ref().map(|d| d.value).unwrap_or_default();
                    f.push(Field::MilestoneDone {
                        number: i + 1,
                        title: nm.title.clone(),
                        on,
                    });
                } else if !same {
                    f.push(Field::MilestoneChanged { number: i + 1 });
                }
            }
            None => f.push(Field::MilestoneChanged { number: i + 1 }),
        }
    }
    for i in new.milestones.len()..old.milestones.len() {
        f.push(Field::MilestoneChanged { number: i + 1 });
    }
    let ind = |t: &Task| {
        t.indicators
            .iter()
            .map(|i| {
                (
                    i.name.value.clone(),
                    i.target.clone(),
                    i.unit.clone(),
                    i.target_value.map(f64::to_bits),
                    i.baseline.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    if ind(old) != ind(new) {
        f.push(Field::Indicators);
    }
    // Progress: unchanged entries match exactly; an old entry gone with a new one of the same
    // date and unit was edited; other old ones were removed; other new ones were added.
    let mut unmatched_new: Vec<&Progress> = new.progress.iter().collect();
    let mut gone: Vec<&Progress> = vec![];
    for p in &old.progress {
        match unmatched_new
            .iter()
            .position(|q| progress_key(q) == progress_key(p))
        {
            Some(i) => {
                unmatched_new.remove(i);
            }
            None => gone.push(p),
        }
    }
    for p in gone {
        match unmatched_new
            .iter()
            .position(|q| q.date.value == p.date.value && q.by.value == p.by.value)
        {
            Some(i) => {
                unmatched_new.remove(i);
                f.push(Field::ProgressEdited {
                    date: p.date.value,
                    by: p.by.value.clone(),
                });
            }
            None => f.push(Field::ProgressRemoved {
                date: p.date.value,
                by: p.by.value.clone(),
                note: p.note.clone(),
            }),
        }
    }
    for p in unmatched_new {
        f.push(Field::ProgressAdded {
            date: p.date.value,
            by: p.by.value.clone(),
            note: p.note.clone(),
        });
    }
    let src = |t: &Task| {
        t.source.as_ref().map(|s| {
            (
                s.document.clone(),
                s.body.clone(),
                s.body_line,
                s.appendix.clone(),
                s.appendix_line,
            )
        })
    };
    if src(old) != src(new) {
        f.push(Field::Source);
    }
    f
}

/// Changes between two versions of the same task; `None` when nothing the plan means changed.
pub fn diff_task(old: Option<&Task>, new: Option<&Task>, inclusive: bool) -> Option<TaskChange> {
    match (old, new) {
        (None, None) => None,
        (None, Some(n)) => Some(TaskChange {
            id: n.id.value.clone(),
            kind: Kind::Added,
            fields: vec![],
        }),
        (Some(o), None) => Some(TaskChange {
            id: o.id.value.clone(),
            kind: Kind::Removed,
            fields: vec![],
        }),
        (Some(o), Some(n)) => {
            let fields = diff_fields(o, n, inclusive);
            if o.id.value != n.id.value {
                Some(TaskChange {
                    id: n.id.value.clone(),
                    kind: Kind::Renamed {
                        from: o.id.value.clone(),
                    },
                    fields,
                })
            } else if fields.is_empty() {
                None
            } else {
                Some(TaskChange {
                    id: n.id.value.clone(),
                    kind: Kind::Modified,
                    fields,
                })
            }
        }
    }
}

/// Changes between two whole plans (tasks keyed by id). A task removed under one id and added
/// under another with the same text is an id change, not a removal plus an addition.
pub fn diff_plans(old: &[Task], new: &[Task], inclusive: bool) -> Vec<TaskChange> {
    let old_by: BTreeMap<&str, &Task> = old.iter().map(|t| (t.id.value.as_str(), t)).collect();
    let new_by: BTreeMap<&str, &Task> = new.iter().map(|t| (t.id.value.as_str(), t)).collect();
    let mut out = vec![];
    let mut removed: Vec<&Task> = old
        .iter()
        .filter(|t| !new_by.contains_key(t.id.value.as_str()))
        .collect();
    for n in new {
        match old_by.get(n.id.value.as_str()) {
            Some(o) => out.extend(diff_task(Some(o), Some(n), inclusive)),
            None => match removed.iter().position(|o| o.title == n.title) {
                Some(i) => {
                    let o = removed.remove(i);
                    out.extend(diff_task(Some(o), Some(n), inclusive));
                }
                None => out.extend(diff_task(None, Some(n), inclusive)),
            },
        }
    }
    for o in removed {
        out.extend(diff_task(Some(o), None, inclusive));
    }
    out.sort_by(|a, b| cmp_ids(&a.id, &b.id));
    out
}

/// What a reviewer must look at.
#[derive(Debug, Clone, PartialEq)]
pub enum Flag {
    DeadlineLater {
        from_due: Option<NaiveDate>,
        to_due: Option<NaiveDate>,
    },
    LeadChanged,
    TaskRemoved,
    IdChanged {
        from: String,
    },
    StatusBackwards {
        from: TaskStatus,
        to: TaskStatus,
    },
    DoneWithoutProgress,
    DoneBeforeProgress {
        done_on: NaiveDate,
        last: NaiveDate,
    },
    Backdated {
        done_on: NaiveDate,
    },
    HistoryRewritten {
        date: NaiveDate,
        by: String,
    },
    UnknownUnit {
        unit: String,
    },
    /// A milestone's effective due date moved later (or was dropped).
    MilestoneLater {
        number: usize,
        from_due: Option<NaiveDate>,
        to_due: Option<NaiveDate>,
    },
    /// A change to plan.toml or units.toml a reviewer must look at.
    Frame(FrameChange),
    /// The plan's own value (title, lead, support, deadline, due) edited in place: a change the
    /// secretariat acts on belongs in a dated `[[amendment]]`, the original keeps the plan's
    /// wording.
    EditedInPlace {
        field: &'static str,
    },
}

impl Flag {
    pub fn key(&self) -> &'static str {
        match self {
            Flag::DeadlineLater { .. } => "deadline-later",
            Flag::LeadChanged => "lead-changed",
            Flag::TaskRemoved => "task-removed",
            Flag::IdChanged { .. } => "id-changed",
            Flag::StatusBackwards { .. } => "status-backwards",
            Flag::DoneWithoutProgress => "done-without-progress",
            Flag::DoneBeforeProgress { .. } => "done-before-progress",
            Flag::Backdated { .. } => "backdated",
            Flag::HistoryRewritten { .. } => "history-rewritten",
            Flag::UnknownUnit { .. } => "unknown-unit",
            Flag::MilestoneLater { .. } => "milestone-later",
            Flag::Frame(_) => "frame-changed",
            Flag::EditedInPlace { .. } => "edited-in-place",
        }
    }
}

fn rank(s: TaskStatus) -> u8 {
    match s {
        TaskStatus::Todo => 0,
        TaskStatus::Doing => 1,
        TaskStatus::Done | TaskStatus::Dropped => 2,
    }
}

/// The effective due date of a task or milestone: the explicit `due`, else the phrase read.
pub fn effective_due(
    phrase: &str,
    explicit: Option<NaiveDate>,
    inclusive: bool,
) -> Option<NaiveDate> {
    due_of(phrase, explicit, inclusive)
}

fn later(from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    match (from, to) {
        (Some(a), Some(b)) => b > a,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Deadline flags from the *effective* due dates of two versions of a task — the phrase as
/// read, an explicit `due`, and each milestone's — so adding `due = 2026-12-31` to an overdue
/// task is a later deadline even though the phrase did not change.
pub fn due_flags(old: &Task, new: &Task, inclusive: bool) -> Vec<Flag> {
    let mut out = vec![];
    let (a, b) = (
        due_of(
            &old.deadline.value,
            old.due.as_ref().map(|d| d.value),
            inclusive,
        ),
        due_of(
            &new.deadline.value,
            new.due.as_ref().map(|d| d.value),
            inclusive,
        ),
    );
    if later(a, b) {
        out.push(Flag::DeadlineLater {
            from_due: a,
            to_due: b,
        });
    }
    for (i, om) in old.milestones.iter().enumerate() {
        let from = due_of(
            &om.deadline.value,
            om.due.as_ref().map(|d| d.value),
            inclusive,
        );
        let to = new.milestones.get(i).and_then(|nm| {
            due_of(
                &nm.deadline.value,
                nm.due.as_ref().map(|d| d.value),
                inclusive,
            )
        });
        // Reached milestones too: moving their deadline can turn a late one into an on-time one.
        if later(from, to) {
            out.push(Flag::MilestoneLater {
                number: i + 1,
                from_due: from,
                to_due: to,
            });
        }
    }
    out
}

/// Review flags for one change. `new` is the task after the change (None when removed);
/// `backdate_limit`: a `done_on` earlier than this is backdated by more than a window.
pub fn flags(
    change: &TaskChange,
    new: Option<&Task>,
    units: &Registry,
    backdate_limit: NaiveDate,
) -> Vec<Flag> {
    let mut out = vec![];
    match &change.kind {
        Kind::Removed => out.push(Flag::TaskRemoved),
        Kind::Renamed { from } => out.push(Flag::IdChanged { from: from.clone() }),
        _ => {}
    }
    for f in &change.fields {
        match f {
            Field::Lead { .. } => out.push(Flag::LeadChanged),
            Field::Status { from, to } if rank(*to) < rank(*from) => {
                out.push(Flag::StatusBackwards {
                    from: *from,
                    to: *to,
                })
            }
            Field::ProgressEdited { date, by } | Field::ProgressRemoved { date, by, .. } => out
                .push(Flag::HistoryRewritten {
                    date: *date,
                    by: by.clone(),
                }),
            _ => {}
        }
    }
    if change.kind == Kind::Modified {
        for f in &change.fields {
            let field = match f {
                Field::Title { .. } => "title",
                Field::Lead { .. } => "lead",
                Field::Support { .. } => "support",
                Field::Deadline { .. } => "deadline",
                Field::Due { .. } => "due",
                _ => continue,
            };
            out.push(Flag::EditedInPlace { field });
        }
    }
    if let Some(t) = new {
        let became_done = change.fields.iter().any(|f| {
            matches!(
                f,
                Field::Status {
                    to: TaskStatus::Done,
                    ..
                } | Field::DoneOn { .. }
            )
        }) || (change.kind == Kind::Added && t.status.value == TaskStatus::Done);
        if became_done && t.status.value == TaskStatus::Done {
            let last = t.progress.iter().map(|p| p.date.value).max();
            match (last, t.done_on.as_ref().map(|d| d.value)) {
                (None, _) => out.push(Flag::DoneWithoutProgress),
                (Some(last), Some(done)) if done < last => out.push(Flag::DoneBeforeProgress {
                    done_on: done,
                    last,
                }),
                _ => {}
            }
            if let Some(done) = t.done_on.as_ref().map(|d| d.value)
                && done < backdate_limit
            {
                out.push(Flag::Backdated { done_on: done });
            }
        }
        let mut refs: Vec<&str> = t.lead_ids().chain(t.support_ids()).collect();
        refs.extend(t.progress.iter().map(|p| p.by.value.as_str()));
        refs.sort();
        refs.dedup();
        for r in refs {
            if units.get(r).is_none() {
                out.push(Flag::UnknownUnit {
                    unit: r.to_string(),
                });
            }
        }
    }
    out
}

/// Where a change to the plan's frame is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameItem {
    /// A plan-wide setting in plan.toml.
    Plan,
    Group(String),
    Unit(String),
}

/// One field of plan.toml or units.toml changed: `from` None when added, `to` None when
/// removed (`key` empty for a whole group or unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameChange {
    pub item: FrameItem,
    pub key: &'static str,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl FrameChange {
    pub fn file(&self) -> &'static str {
        match self.item {
            FrameItem::Unit(_) => "units.toml",
            _ => "plan.toml",
        }
    }

    /// Whether a reviewer must look: a group or unit removed, a lowered or dropped
    /// `declared`, a changed `parent`, a unit's end date, successors or members changed,
    /// or the reading of "trước ngày" switched (it moves every such deadline by a day).
    pub fn is_flag(&self) -> bool {
        let num = |s: &Option<String>| s.as_deref().and_then(|v| v.parse::<u64>().ok());
        match (&self.item, self.key) {
            (FrameItem::Group(_) | FrameItem::Unit(_), "") => self.to.is_none(),
            (FrameItem::Group(_), "declared") => match (num(&self.from), num(&self.to)) {
                (Some(a), Some(b)) => b < a,
                (Some(_), None) => true,
                _ => false,
            },
            (FrameItem::Group(_), "parent") => true,
            (FrameItem::Unit(_), "ended" | "successors" | "members") => true,
            (FrameItem::Plan, "before_is_inclusive") => true,
            _ => false,
        }
    }
}

/// plan.toml and units.toml compared field by field (groups and units matched by id).
pub fn diff_frame(old: (&PlanMeta, &[Unit]), new: (&PlanMeta, &[Unit])) -> Vec<FrameChange> {
    let mut out = vec![];
    let mut field = |item: &FrameItem, key: &'static str, a: Option<String>, b: Option<String>| {
        if a != b {
            out.push(FrameChange {
                item: item.clone(),
                key,
                from: a,
                to: b,
            });
        }
    };
    let (om, nm) = (old.0, new.0);
    let p = FrameItem::Plan;
    let s = |v: &str| (!v.is_empty()).then(|| v.to_string());
    field(&p, "code", s(&om.code), s(&nm.code));
    field(&p, "title", s(&om.title), s(&nm.title));
    field(
        &p,
        "issued",
        om.issued.map(|d| d.to_string()),
        nm.issued.map(|d| d.to_string()),
    );
    field(&p, "issuer", s(&om.issuer), s(&nm.issuer));
    let sec = |m: &PlanMeta| m.secretariat.as_ref().map(|l| l.value.clone());
    field(&p, "secretariat", sec(om), sec(nm));
    field(
        &p,
        "report_day",
        Some(om.report_day.to_string()),
        Some(nm.report_day.to_string()),
    );
    field(
        &p,
        "before_is_inclusive",
        Some(om.before_is_inclusive.to_string()),
        Some(nm.before_is_inclusive.to_string()),
    );
    field(&p, "source", om.source.clone(), nm.source.clone());
    let groups = |m: &'_ PlanMeta| -> BTreeMap<String, (String, Option<String>, Option<u32>)> {
        m.groups
            .iter()
            .rev()
            .map(|g| {
                (
                    g.id.value.clone(),
                    (
                        g.title.clone(),
                        g.parent.as_ref().map(|p| p.value.clone()),
                        g.declared,
                    ),
                )
            })
            .collect()
    };
    let (og, ng) = (groups(om), groups(nm));
    for id in og.keys().chain(ng.keys().filter(|k| !og.contains_key(*k))) {
        let item = FrameItem::Group(id.clone());
        match (og.get(id), ng.get(id)) {
            (Some(a), Some(b)) => {
                field(&item, "title", Some(a.0.clone()), Some(b.0.clone()));
                field(&item, "parent", a.1.clone(), b.1.clone());
                field(
                    &item,
                    "declared",
                    a.2.map(|d| d.to_string()),
                    b.2.map(|d| d.to_string()),
                );
            }
            (a, b) => field(&item, "", a.map(|a| a.0.clone()), b.map(|b| b.0.clone())),
        }
    }
    let units = |u: &[Unit]| -> BTreeMap<String, Vec<(&'static str, Option<String>)>> {
        let list = |v: &[crate::model::plan::Located<String>]| {
            (!v.is_empty()).then(|| {
                v.iter()
                    .map(|x| x.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        };
        u.iter()
            .rev()
            .map(|u| {
                (
                    u.id.value.clone(),
                    vec![
                        ("name", Some(u.name.clone())),
                        ("short", u.short.clone()),
                        (
                            "aliases",
                            (!u.aliases.is_empty()).then(|| u.aliases.join(", ")),
                        ),
                        ("kind", Some(u.kind.key().to_string())),
                        ("members", list(&u.members)),
                        ("ended", u.ended.map(|d| d.to_string())),
                        ("successors", list(&u.successors)),
                        ("note", u.note.clone()),
                    ],
                )
            })
            .collect()
    };
    let (ou, nu) = (units(old.1), units(new.1));
    for id in ou.keys().chain(nu.keys().filter(|k| !ou.contains_key(*k))) {
        let item = FrameItem::Unit(id.clone());
        match (ou.get(id), nu.get(id)) {
            (Some(a), Some(b)) => {
                for ((key, x), (_, y)) in a.iter().zip(b) {
                    field(&item, key, x.clone(), y.clone());
                }
            }
            (a, b) => field(
                &item,
                "",
                a.map(|a| a[0].1.clone().unwrap_or_default()),
                b.map(|b| b[0].1.clone().unwrap_or_default()),
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_shows_the_change_with_context() {
        let d = word_diff(
            "Phê duyệt hồ sơ đề xuất cấp độ cho 100% hệ thống thông tin của tỉnh trước ngày 30/6/2024",
            "Phê duyệt hồ sơ đề xuất cấp độ cho 100% hệ thống thông tin của tỉnh trước ngày 31/7/2024",
        );
        assert_eq!(d, "… tỉnh trước ngày [-30/6/2024-]{+31/7/2024+}");
    }

    #[test]
    fn word_diff_of_a_change_in_the_middle_keeps_context_on_both_sides() {
        let d = word_diff(
            "một hai ba bốn năm sáu bảy tám chín mười",
            "một hai ba bốn năm SÁU bảy tám chín mười",
        );
        assert_eq!(d, "… ba bốn năm [-sáu-]{+SÁU+} bảy tám chín …");
    }
}
