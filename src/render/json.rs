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
        "title": j.in_force.title,
        "lead": t.lead_ids().map(|u| unit(plan, u, as_of)).collect::<Vec<_>>(),
        "support": t.support_ids().map(|u| unit(plan, u, as_of)).collect::<Vec<_>>(),
        "deadline": j.in_force.deadline,
        "explicit_due": date(j.in_force.due),
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
                "deadline": m.deadline,
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
