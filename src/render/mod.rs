//! Pure renderers: data in, text out. No files, clock or terminal queries (width and colour
//! arrive as arguments).

pub mod csv;
pub mod docx;
pub mod history;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod nd30;
pub mod problems;
pub mod report_docx;
pub mod table;
pub mod xlsx;

use chrono::NaiveDate;

use crate::model::plan::{Plan, Task};

/// Cut text to at most `max` characters, ending with `…` when cut. Whitespace runs collapse.
pub fn cut(text: &str, max: usize) -> String {
    // One pass: collapse whitespace runs to one space, trim, stop after `max` characters.
    let mut out = String::with_capacity(text.len().min(max * 4));
    let mut count = 0;
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = count > 0;
            continue;
        }
        if pending_space {
            out.push(' ');
            count += 1;
            pending_space = false;
        }
        out.push(c);
        count += 1;
        if count > max {
            break;
        }
    }
    if count <= max {
        return out;
    }
    // Over the limit: keep max − 1 characters and an ellipsis.
    let keep: String = out.chars().take(max.saturating_sub(1)).collect();
    let mut s = keep.trim_end().to_string();
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

/// [`unit_label`] of a unit in a report value or row: `Sở TT&TT → Sở KH&CN, Sở VH-TT-DL`.
pub fn unit_text(u: &crate::report::UnitRef) -> String {
    if u.carried_by.is_empty() {
        u.label.clone()
    } else {
        let to: Vec<&str> = u.carried_by.iter().map(|c| c.label.as_str()).collect();
        format!("{} → {}", u.label, to.join(", "))
    }
}

/// [`units_label`] of units in a report value or row, `; `-separated.
pub fn units_text(units: &[crate::report::UnitRef]) -> String {
    units.iter().map(unit_text).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn cut_collapses_whitespace_and_ends_with_an_ellipsis() {
        assert_eq!(cut("  Sở  Tài\n chính ", 20), "Sở Tài chính");
        assert_eq!(cut("một hai ba bốn", 9), "một hai…");
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "ab…");
        assert_eq!(cut("", 5), "");
    }
}
