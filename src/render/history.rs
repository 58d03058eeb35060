//! History in the plan's words: field-level changes, commit headers and review flags, as
//! terminal text, Markdown (for pull-request comments and the report) and JSON.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::git::Commit;
use crate::history::{Field, Flag, FrameChange, FrameItem, Kind, TaskChange};
use crate::i18n::Tr;
use crate::model::plan::Plan;
use crate::render::json::date;
use crate::render::markdown::escape;

fn units(label: &dyn Fn(&str) -> String, ids: &[String]) -> Vec<String> {
    ids.iter().map(|u| label(u)).collect()
}

fn opt_date(tr: &dyn Tr, d: Option<NaiveDate>) -> String {
    d.map(|d| tr.date(d)).unwrap_or_else(|| "—".into())
}

/// One line per field change, in words.
pub fn field_line(plan: &Plan, f: &Field, tr: &dyn Tr) -> String {
    field_line_with(&|id| plan.units.label(id).to_string(), f, tr)
}

/// [`field_line`] with unit labels from `label` (the report value carries its own).
pub fn field_line_with(label: &dyn Fn(&str) -> String, f: &Field, tr: &dyn Tr) -> String {
    let h = tr.history();
    match f {
        Field::Title { words } => format!("{}: {words}", h.field_title),
        Field::Group { from, to } => format!("{}: {from} → {to}", h.field_group),
        Field::Lead { added, removed } | Field::Support { added, removed } => {
            let name = if matches!(f, Field::Lead { .. }) {
                h.field_lead
            } else {
                h.field_support
            };
            let mut parts: Vec<String> = units(label, added)
                .into_iter()
                .map(|u| format!("+{u}"))
                .collect();
            parts.extend(units(label, removed).into_iter().map(|u| format!("−{u}")));
            format!("{name}: {}", parts.join(" "))
        }
        Field::Deadline {
            from,
            to,
            from_due,
            to_due,
        } => format!(
            "{}: \"{from}\" ({}) → \"{to}\" ({})",
            h.field_deadline,
            opt_date(tr, *from_due),
            opt_date(tr, *to_due)
        ),
        Field::Due { from, to } => format!(
            "{}: {} → {}",
            h.field_due,
            opt_date(tr, *from),
            opt_date(tr, *to)
        ),
        Field::Status { from, to } => format!(
            "{}: {} → {}",
            h.field_status,
            tr.task_status(*from),
            tr.task_status(*to)
        ),
        Field::DoneOn { from, to } => format!(
            "{}: {} → {}",
            h.field_done_on,
            opt_date(tr, *from),
            opt_date(tr, *to)
        ),
        Field::Notes => h.field_notes.to_string(),
        Field::Indicators => h.field_indicators.to_string(),
        Field::Source => h.field_source.to_string(),
        Field::ProgressAdded { date, by, note } => {
            format!(
                "{} {}, {}: {note}",
                h.progress_added,
                tr.date(*date),
                label(by)
            )
        }
        Field::ProgressRemoved { date, by, note } => {
            format!(
                "{} {}, {}: {note}",
                h.progress_removed,
                tr.date(*date),
                label(by)
            )
        }
        Field::ProgressEdited { date, by } => {
            format!("{} {}, {}", h.progress_edited, tr.date(*date), label(by))
        }
        Field::MilestoneDone { number, title, on } => {
            format!("{} {number} ({}): {title}", h.milestone_done, tr.date(*on))
        }
        Field::MilestoneChanged { number } => format!("{} {number}", h.milestone_changed),
    }
}

/// The head line of a task's change: `7.4`, `+ 9.1.14 (thêm nhiệm vụ)`, `8.3 ← 8.2 (đổi mã)`.
pub fn change_head(c: &TaskChange, tr: &dyn Tr) -> String {
    let h = tr.history();
    match &c.kind {
        Kind::Added => format!("{} ({})", c.id, h.added),
        Kind::Removed => format!("{} ({})", c.id, h.removed),
        Kind::Renamed { from } => format!("{} ← {from} ({})", c.id, h.renamed),
        Kind::Modified => c.id.clone(),
    }
}

pub fn flag_line(plan: &Plan, f: &Flag, tr: &dyn Tr) -> String {
    let h = tr.history();
    match f {
        Flag::DeadlineLater { from_due, to_due } => {
            format!(
                "{}: {} → {}",
                h.flag_deadline_later,
                opt_date(tr, *from_due),
                opt_date(tr, *to_due)
            )
        }
        Flag::LeadChanged => h.flag_lead_changed.to_string(),
        Flag::EditedInPlace { field } => tr.who(&crate::i18n::WhoMsg::EditedInPlace { field }),
        Flag::TaskRemoved => h.flag_task_removed.to_string(),
        Flag::IdChanged { from } => format!("{}: {from}", h.flag_id_changed),
        Flag::StatusBackwards { from, to } => {
            format!(
                "{}: {} → {}",
                h.flag_status_backwards,
                tr.task_status(*from),
                tr.task_status(*to)
            )
        }
        Flag::DoneWithoutProgress => h.flag_done_without_progress.to_string(),
        Flag::DoneBeforeProgress { done_on, last } => {
            format!(
                "{}: {} < {}",
                h.flag_done_before_progress,
                tr.date(*done_on),
                tr.date(*last)
            )
        }
        Flag::Backdated { done_on } => format!("{}: {}", h.flag_backdated, tr.date(*done_on)),
        Flag::HistoryRewritten { date, by } => {
            format!(
                "{}: {}, {}",
                h.flag_history_rewritten,
                tr.date(*date),
                plan.units.label(by)
            )
        }
        Flag::UnknownUnit { unit } => format!("{}: `{unit}`", h.flag_unknown_unit),
        Flag::MilestoneLater {
            number,
            from_due,
            to_due,
        } => format!(
            "{} {number}: {} → {}",
            h.flag_milestone_later,
            opt_date(tr, *from_due),
            opt_date(tr, *to_due)
        ),
        Flag::Frame(c) => {
            // The flag's own label is the file already; keep the line short.
            let line = frame_line(c, tr);
            let rest = line
                .strip_prefix(c.file())
                .and_then(|r| r.strip_prefix(": "))
                .unwrap_or(&line);
            format!("{}: {rest}", h.flag_frame)
        }
    }
}

/// One change to plan.toml or units.toml: `plan.toml: group 1: declared 2 → 1`.
pub fn frame_line(c: &FrameChange, tr: &dyn Tr) -> String {
    let h = tr.history();
    let item = match &c.item {
        FrameItem::Plan => String::new(),
        FrameItem::Group(id) => format!("{} {id}: ", h.frame_group),
        FrameItem::Unit(id) => format!("{} {id}: ", h.frame_unit),
    };
    let v = |x: &Option<String>| x.clone().unwrap_or_else(|| "—".into());
    let what = match (c.key, &c.from, &c.to) {
        ("", None, Some(t)) => format!("+ {t}"),
        ("", Some(f), None) => format!("− {f}"),
        (key, from, to) => format!("{key} {} → {}", v(from), v(to)),
    };
    format!("{}: {item}{what}", c.file())
}

/// Frame changes as text lines (each indented) or Markdown list items.
pub fn frame_text(changes: &[FrameChange], tr: &dyn Tr, md: bool) -> String {
    changes
        .iter()
        .map(|c| {
            if md {
                format!("- {}\n", escape(&frame_line(c, tr)))
            } else {
                format!("{}\n", frame_line(c, tr))
            }
        })
        .collect()
}

pub fn frame_json(c: &FrameChange) -> Value {
    let (kind, id) = match &c.item {
        FrameItem::Plan => ("plan", None),
        FrameItem::Group(id) => ("group", Some(id)),
        FrameItem::Unit(id) => ("unit", Some(id)),
    };
    json!({"file": c.file(), "item": kind, "id": id, "key": c.key, "from": c.from, "to": c.to, "flag": c.is_flag()})
}

pub fn commit_line(c: &Commit, tr: &dyn Tr) -> String {
    let day = c
        .committer_date
        .map(|d| tr.date(d.date_naive()))
        .unwrap_or_default();
    format!("{day}  {}  {}  {}", c.short, c.author, c.subject)
}

/// Text block for changes: the task head, then its fields indented.
/// Many tasks added at once (a plan's first commit) read better as one line of ids.
fn added_summary(changes: &[TaskChange], tr: &dyn Tr) -> Option<String> {
    let added: Vec<&str> = changes
        .iter()
        .filter(|c| c.kind == Kind::Added)
        .map(|c| c.id.as_str())
        .collect();
    (added.len() > 3).then(|| {
        format!(
            "{} ({}): {}",
            tr.history().added,
            added.len(),
            added.join(", ")
        )
    })
}

fn without_bulk_additions(changes: &[TaskChange]) -> Vec<&TaskChange> {
    let added = changes.iter().filter(|c| c.kind == Kind::Added).count();
    changes
        .iter()
        .filter(|c| added <= 3 || c.kind != Kind::Added)
        .collect()
}

pub fn changes_text(plan: &Plan, changes: &[TaskChange], tr: &dyn Tr, indent: &str) -> String {
    let mut s = String::new();
    if let Some(line) = added_summary(changes, tr) {
        s.push_str(&format!("{indent}{line}\n"));
    }
    for c in without_bulk_additions(changes) {
        s.push_str(&format!("{indent}{}\n", change_head(c, tr)));
        for f in &c.fields {
            s.push_str(&format!("{indent}  {}\n", field_line(plan, f, tr)));
        }
    }
    s
}

/// Markdown list for changes.
pub fn changes_md(plan: &Plan, changes: &[TaskChange], tr: &dyn Tr) -> String {
    let mut s = String::new();
    if let Some(line) = added_summary(changes, tr) {
        s.push_str(&format!("- {}\n", escape(&line)));
    }
    for c in without_bulk_additions(changes) {
        s.push_str(&format!("- **{}**\n", escape(&change_head(c, tr))));
        for f in &c.fields {
            s.push_str(&format!("  - {}\n", escape(&field_line(plan, f, tr))));
        }
    }
    s
}

pub fn field_json(f: &Field) -> Value {
    match f {
        Field::Title { words } => json!({"field": "title", "diff": words}),
        Field::Group { from, to } => json!({"field": "group", "from": from, "to": to}),
        Field::Lead { added, removed } => {
            json!({"field": "lead", "added": added, "removed": removed})
        }
        Field::Support { added, removed } => {
            json!({"field": "support", "added": added, "removed": removed})
        }
        Field::Deadline {
            from,
            to,
            from_due,
            to_due,
        } => json!({
            "field": "deadline", "from": from, "to": to, "from_due": date(*from_due), "to_due": date(*to_due),
        }),
        Field::Due { from, to } => json!({"field": "due", "from": date(*from), "to": date(*to)}),
        Field::Status { from, to } => {
            json!({"field": "status", "from": from.key(), "to": to.key()})
        }
        Field::DoneOn { from, to } => {
            json!({"field": "done_on", "from": date(*from), "to": date(*to)})
        }
        Field::Notes => json!({"field": "notes"}),
        Field::Indicators => json!({"field": "indicators"}),
        Field::Source => json!({"field": "source"}),
        Field::ProgressAdded { date: d, by, note } => {
            json!({"field": "progress", "change": "added", "date": date(Some(*d)), "by": by, "note": note})
        }
        Field::ProgressRemoved { date: d, by, note } => {
            json!({"field": "progress", "change": "removed", "date": date(Some(*d)), "by": by, "note": note})
        }
        Field::ProgressEdited { date: d, by } => {
            json!({"field": "progress", "change": "edited", "date": date(Some(*d)), "by": by})
        }
        Field::MilestoneDone { number, title, on } => {
            json!({"field": "milestone", "change": "done", "number": number, "title": title, "done_on": date(Some(*on))})
        }
        Field::MilestoneChanged { number } => {
            json!({"field": "milestone", "change": "edited", "number": number})
        }
    }
}

pub fn change_json(c: &TaskChange) -> Value {
    let (kind, from) = match &c.kind {
        Kind::Added => ("added", None),
        Kind::Removed => ("removed", None),
        Kind::Modified => ("modified", None),
        Kind::Renamed { from } => ("renamed", Some(from.clone())),
    };
    json!({
        "id": c.id,
        "kind": kind,
        "from_id": from,
        "fields": c.fields.iter().map(field_json).collect::<Vec<_>>(),
    })
}

pub fn commit_json(c: &Commit) -> Value {
    json!({
        "hash": c.hash,
        "short": c.short,
        "author": c.author,
        "email": c.email,
        "date": c.committer_date.map(|d| d.to_rfc3339()),
        "author_date": c.author_date.map(|d| d.to_rfc3339()),
        "subject": c.subject,
    })
}

pub fn flag_json(id: &str, f: &Flag, plan: &Plan, tr: &dyn Tr) -> Value {
    json!({"task": id, "flag": f.key(), "message": flag_line(plan, f, tr)})
}
