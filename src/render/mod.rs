//! Pure renderers: data in, text out. No files, clock or terminal queries (width and colour
//! arrive as arguments).

pub mod csv;
pub mod history;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod problems;
pub mod table;

use chrono::NaiveDate;

use crate::model::plan::{Plan, Task};

/// Cut text to at most `max` characters, ending with `…` when cut. Whitespace runs collapse.
pub fn cut(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut s: String = flat.chars().take(max.saturating_sub(1)).collect();
    s = s.trim_end().to_string();
    s.push('…');
    s
}

/// A unit's label, followed by its carriers when it had ended by `as_of`:
/// `Sở TT&TT → Sở KH&CN, Sở VH-TT-DL`.
pub fn unit_label(plan: &Plan, id: &str, as_of: NaiveDate) -> String {
    let reg = &plan.units;
    let carriers = reg.carriers(id, as_of);
    if carriers == [id] {
        reg.label(id).to_string()
    } else {
        let to: Vec<&str> = carriers.iter().map(|c| reg.label(c)).collect();
        format!("{} → {}", reg.label(id), to.join(", "))
    }
}

pub fn units_label<'a>(
    plan: &Plan,
    ids: impl Iterator<Item = &'a str>,
    as_of: NaiveDate,
) -> String {
    ids.map(|id| unit_label(plan, id, as_of))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn lead_label(plan: &Plan, task: &Task, as_of: NaiveDate) -> String {
    units_label(plan, task.lead_ids(), as_of)
}
