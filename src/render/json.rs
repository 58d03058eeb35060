//! JSON shapes for scripts (documented in docs/json.md): machine keys in English, ids and
//! names both, dates as `YYYY-MM-DD`, `null` for absent values. Object keys come out sorted.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::model::deadline::Deadline;
use crate::model::plan::{Plan, Progress, Task};
use crate::model::status::Standing;
use crate::summary::{Counts, Judged};

pub fn date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| {
        Value::String(d.format("%Y-%m-%d").to_string())
    })
}

pub fn unit(plan: &Plan, id: &str, as_of: NaiveDate) -> Value {
    let u = plan.units.get(id);
    let carriers = plan.units.carriers(id, as_of);
    json!({
        "id": id,
        "name": u.map(|u| u.name.as_str()),
        "short": u.map(|u| u.label()),
        "ended": date(u.and_then(|u| u.ended)),
        "carried_by": if carriers == [id] { Value::Array(vec![]) } else { json!(carriers) },
    })
}

pub fn standing(s: &Standing, reading: Option<Deadline>) -> Value {
    json!({
        "category": s.category.key(),
        "due": date(s.due),
        "due_kind": reading.map(|r| r.key()),
        "due_soon": s.due_soon,
        "days_late": s.days_late,
    })
}

pub fn progress(p: &Progress) -> Value {
    json!({
        "date": date(Some(p.date.value)),
        "by": p.by.value,
        "note": p.note,
        "percent": p.percent,
        "indicator": p.indicator.as_ref().map(|i| i.value.as_str()),
        "value": p.value,
    })
}

pub fn task(plan: &Plan, j: &Judged<'_>, as_of: NaiveDate, full: bool) -> Value {
    let t: &Task = j.task;
    let mut v = json!({
        "id": t.id.value,
        "group": t.group.value,
        "title": t.title,
        "lead": t.lead_ids().map(|u| unit(plan, u, as_of)).collect::<Vec<_>>(),
        "support": t.support_ids().map(|u| unit(plan, u, as_of)).collect::<Vec<_>>(),
        "deadline": t.deadline.value,
        "explicit_due": date(t.due.as_ref().map(|d| d.value)),
        "status": t.status.value.key(),
        "done_on": date(t.done_on.as_ref().map(|d| d.value)),
        "standing": standing(&j.standing, j.reading.as_ref().ok().copied()),
        "file": t.file,
    });
    if full {
        let extra = json!({
            "notes": t.notes,
            "source": t.source.as_ref().map(|s| json!({
                "document": s.document, "body": s.body, "body_line": s.body_line,
                "appendix": s.appendix, "appendix_line": s.appendix_line,
            })),
            "milestones": j.milestones.iter().map(|m| json!({
                "number": m.number,
                "title": m.milestone.title,
                "deadline": m.milestone.deadline.value,
                "explicit_due": date(m.milestone.due.as_ref().map(|d| d.value)),
                "done_on": date(m.milestone.done_on.as_ref().map(|d| d.value)),
                "standing": standing(&m.standing, m.reading.as_ref().ok().copied()),
            })).collect::<Vec<_>>(),
            "indicators": t.indicators.iter().map(|i| {
                let latest = t.latest_value(&i.name.value, as_of);
                json!({
                    "name": i.name.value, "target": i.target, "unit": i.unit,
                    "target_value": i.target_value, "baseline": i.baseline,
                    "latest": latest.map(progress),
                })
            }).collect::<Vec<_>>(),
            "progress": t.progress.iter().map(progress).collect::<Vec<_>>(),
        });
        if let (Value::Object(a), Value::Object(b)) = (&mut v, extra) {
            a.extend(b);
        }
    }
    v
}

/// `{plan, as_of, tasks}`: the shape of `list` and `export` (`full`: as `show`).
pub fn task_list(plan: &Plan, rows: &[&Judged<'_>], as_of: NaiveDate, full: bool) -> Value {
    json!({
        "plan": plan.meta.code,
        "as_of": date(Some(as_of)),
        "tasks": rows.iter().map(|j| task(plan, j, as_of, full)).collect::<Vec<_>>(),
    })
}

/// [`task_list`] as [`to_string`] prints it, written one task at a time (an export of 200,000
/// tasks must not hold a JSON tree of the whole plan: that peaked at 1.9 GB). Byte-identical to
/// `to_string(&task_list(..))`.
pub fn task_list_to(
    w: &mut dyn std::io::Write,
    plan: &Plan,
    rows: &[&Judged<'_>],
    as_of: NaiveDate,
    full: bool,
) -> std::io::Result<()> {
    let head = json!({"as_of": date(Some(as_of)), "plan": plan.meta.code});
    let head = serde_json::to_string_pretty(&head).unwrap_or_default();
    // `{\n  "as_of": …,\n  "plan": …\n}` → keep all but the closing brace; keys sort before "tasks".
    let head = head.strip_suffix("\n}").unwrap_or(&head);
    w.write_all(head.as_bytes())?;
    if rows.is_empty() {
        return w.write_all(b",\n  \"tasks\": []\n}\n");
    }
    w.write_all(b",\n  \"tasks\": [")?;
    for (i, j) in rows.iter().enumerate() {
        let one = serde_json::to_string_pretty(&task(plan, j, as_of, full)).unwrap_or_default();
        w.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        // Pretty JSON never has a raw line break inside a string: indent line by line.
        for (k, line) in one.split('\n').enumerate() {
            if k > 0 {
                w.write_all(b"\n    ")?;
            }
            w.write_all(line.as_bytes())?;
        }
    }
    w.write_all(b"\n  ]\n}\n")
}

pub fn counts(c: &Counts) -> Value {
    let mut m = serde_json::Map::new();
    for cat in crate::model::status::Category::ALL {
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
