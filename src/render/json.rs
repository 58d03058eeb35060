//! JSON shapes for scripts (documented in docs/json.md): machine keys in English, ids and
//! names both, dates as `YYYY-MM-DD`, `null` for absent values. Object keys come out sorted.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::model::plan::Plan;
use crate::model::status::Standing;
use crate::report::{AmendmentLine, DueRow, Entry, Period, Report, Row, UnitRef};
use crate::summary::Counts;

pub fn date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| {
        Value::String(d.format("%Y-%m-%d").to_string())
    })
}

pub fn unit(plan: &Plan, id: &str, as_of: NaiveDate) -> Value {
    unit_ref(&UnitRef::of(plan, id, as_of))
}

pub fn unit_ref(u: &UnitRef) -> Value {
    json!({
        "id": u.id,
        "name": u.name,
        "short": u.short,
        "ended": date(u.ended),
        "carried_by": u.carried_by.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
    })
}

fn units(us: &[UnitRef]) -> Vec<Value> {
    us.iter().map(unit_ref).collect()
}

pub fn standing(s: &Standing) -> Value {
    json!({
        "category": s.category.key(),
        "due": date(s.due),
        "due_kind": s.kind.map(|r| r.key()),
        "due_soon": s.due_soon,
        "days_late": s.days_late,
    })
}

pub fn progress(p: &Entry) -> Value {
    json!({
        "date": date(Some(p.date)),
        "by": p.by.id,
        "note": p.note,
        "percent": p.percent,
        "indicator": p.indicator,
        "value": p.value,
        "received": date(p.received),
    })
}

/// One task row; with its details (notes, source, milestones, indicators, progress) when the
/// row carries them.
pub fn task(r: &Row) -> Value {
    let mut v = json!({
        "id": r.id,
        "group": r.group,
        "title": r.title,
        "lead": units(&r.lead),
        "support": units(&r.support),
        "deadline": r.deadline,
        "explicit_due": date(r.explicit_due),
        "status": r.status.key(),
        "done_on": date(r.done_on),
        "standing": standing(&r.standing),
        "file": r.file,
        "amendments": r.amendments.iter().map(amendment).collect::<Vec<_>>(),
    });
    if let Some(d) = &r.details {
        let extra = json!({
            "notes": d.notes,
            "source": d.source.as_ref().map(|s| json!({
                "document": s.document, "body": s.body, "body_line": s.body_line,
                "appendix": s.appendix, "appendix_line": s.appendix_line,
            })),
            "milestones": r.milestones.iter().map(|m| json!({
                "number": m.number,
                "title": m.title,
                "deadline": m.deadline,
                "explicit_due": date(m.explicit_due),
                "done_on": date(m.done_on),
                "standing": standing(&m.standing),
            })).collect::<Vec<_>>(),
            "indicators": d.indicators.iter().map(|i| json!({
                "name": i.name, "target": i.target, "unit": i.unit,
                "target_value": i.target_value, "baseline": i.baseline,
                "latest": i.latest.as_ref().map(progress),
            })).collect::<Vec<_>>(),
            "progress": d.progress.iter().map(progress).collect::<Vec<_>>(),
        });
        if let (Value::Object(a), Value::Object(b)) = (&mut v, extra) {
            a.extend(b);
        }
    }
    v
}

/// `{plan, as_of, tasks}`: the shape of `list` and `export` (rows with details: as `show`).
pub fn task_list(plan_code: &str, rows: &[Row], as_of: NaiveDate) -> Value {
    json!({
        "plan": plan_code,
        "as_of": date(Some(as_of)),
        "tasks": rows.iter().map(task).collect::<Vec<_>>(),
    })
}

/// A dated amendment: the day, its basis, and what it changed (values before and after).
pub fn amendment(a: &AmendmentLine) -> Value {
    use crate::report::AmendmentChange as C;
    json!({
        "task": a.task,
        "on": date(Some(a.on)),
        "basis": a.basis,
        "unverified": a.unverified,
        "changes": a.changes.iter().map(|c| match c {
            C::Deadline { milestone, from, from_due, to, to_due } => json!({
                "field": "deadline", "milestone": milestone, "from": from, "to": to,
                "from_due": date(*from_due), "to_due": date(*to_due),
            }),
            C::Units { role, from, to } => json!({
                "field": role,
                "from": from.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
                "to": to.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
            }),
            C::Title { to } => json!({"field": "title", "to": to}),
            C::Target { indicator, from, to } => json!({
                "field": "target", "indicator": indicator, "from": from, "to": to,
            }),
        }).collect::<Vec<_>>(),
    })
}

/// [`task_list`] as [`to_string`] prints it, written one task at a time as the rows come (an
/// export of 200,000 tasks built a JSON tree of the whole plan: 1.9 GB and more). Byte-identical
/// to `to_string(&task_list(..))`.
pub fn task_list_to<R: std::borrow::Borrow<Row>>(
    w: &mut dyn std::io::Write,
    plan_code: &str,
    rows: impl IntoIterator<Item = R>,
    as_of: NaiveDate,
) -> std::io::Result<()> {
    let head = json!({"as_of": date(Some(as_of)), "plan": plan_code});
    let head = serde_json::to_string_pretty(&head).unwrap_or_default();
    // Keys come out sorted and "tasks" sorts last: everything but the closing brace first.
    let head = head.strip_suffix("\n}").unwrap_or(&head);
    w.write_all(head.as_bytes())?;
    let mut first = true;
    for r in rows {
        let one = serde_json::to_string_pretty(&task(r.borrow())).unwrap_or_default();
        w.write_all(if first {
            b",\n  \"tasks\": [\n    "
        } else {
            b",\n    "
        })?;
        first = false;
        // Pretty JSON never holds a raw line break inside a string: indent line by line.
        for (k, line) in one.split('\n').enumerate() {
            if k > 0 {
                w.write_all(b"\n    ")?;
            }
            w.write_all(line.as_bytes())?;
        }
    }
    w.write_all(if first {
        b",\n  \"tasks\": []\n}\n"
    } else {
        b"\n  ]\n}\n"
    })
}

fn due(d: &DueRow) -> Value {
    json!({
        "task": d.task,
        "milestone": d.milestone,
        "title": d.title,
        "lead": units(&d.lead),
        "deadline": d.deadline,
        "due": date(d.standing.due),
        "days_late": d.standing.days_late,
    })
}

/// The report value as JSON (documented in docs/json.md).
pub fn report(r: &Report) -> Value {
    let month = match r.period {
        Period::Month(m) => Some(m.to_string()),
        _ => None,
    };
    json!({
        "plan": r.plan_code,
        "month": month,
        "period": r.period.stem(),
        "basis": {
            "commit": r.basis.commit,
            "dirty": r.basis.dirty,
            "revision": r.basis.revision,
        },
        "issued": r.issued.as_ref().map(|i| json!({"number": i.number, "date": date(Some(i.date))})),
        "closed_on": date(r.closed),
        "distinct_work": r.distinct_work,
        "same_as": r.same_as.iter().map(|(a, b)| json!({"task": a, "same_as": b})).collect::<Vec<_>>(),
        "amended": r.amended.iter().map(amendment).collect::<Vec<_>>(),
        "late": r.late.iter().map(|l| json!({
            "task": l.task, "entry": progress(&l.entry), "received": date(Some(l.received)),
        })).collect::<Vec<_>>(),
        "narrative": {
            "file": r.narrative.file,
            "direction": r.narrative.direction,
            "shortcomings": r.narrative.shortcomings,
            "proposals": r.narrative.proposals,
        },
        "window": { "start": date(Some(r.window.start)), "end": date(Some(r.window.end)) },
        "next_window": { "start": date(Some(r.next.start)), "end": date(Some(r.next.end)) },
        "as_of": date(Some(r.as_of)),
        "overview": { "focus": counts(&r.overview.focus), "groups": counts(&r.overview.groups) },
        "by_group": r.by_group.iter().map(|g| json!({
            "id": g.id, "title": g.title, "depth": g.depth, "counts": counts(&g.counts),
        })).collect::<Vec<_>>(),
        "by_lead": r.by_lead.iter().map(|l| json!({
            "unit": unit_ref(&l.unit), "counts": counts(&l.counts),
            "members": l.members.iter().map(|(m, reported)| json!({
                "id": m.id, "label": m.label, "reported": reported,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "overdue": r.overdue.iter().map(due).collect::<Vec<_>>(),
        "due_next": r.due_next.iter().map(due).collect::<Vec<_>>(),
        "not_reported": r.not_reported.iter().map(|s| json!({
            "unit": unit_ref(&s.unit),
            "tasks": s.tasks,
        })).collect::<Vec<_>>(),
        "indicators": r.indicators.iter().map(|i| json!({
            "task": i.task, "name": i.name, "text": i.text, "target": i.target, "unit": i.unit,
            "latest": i.latest.as_ref().map(progress), "met": i.met,
        })).collect::<Vec<_>>(),
        "progress": r.progress.iter().map(|b| json!({
            "task": b.task, "entries": b.entries.iter().map(progress).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "tasks": r.appendix.iter().map(task).collect::<Vec<_>>(),
    })
}

pub fn counts(c: &Counts) -> Value {
    let mut m = serde_json::Map::new();
    for cat in crate::model::status::Category::ALL {
        // "carried_over" only when a task is (issue 16): a plan without links reads as before.
        if cat == crate::model::status::Category::CarriedOver && c.get(cat) == 0 {
            continue;
        }
        m.insert(cat.key().to_string(), json!(c.get(cat)));
    }
    m.insert("total".into(), json!(c.total()));
    m.insert("done".into(), json!(c.done()));
    m.insert("came_due".into(), json!(c.came_due()));
    Value::Object(m)
}

/// Pretty JSON with a trailing newline.
pub fn to_string(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}
