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

/// A unit's label, followed by its registry carriers when it had ended by `as_of`:
/// `Sở TT&TT → Sở KH&CN, Sở VH-TT-DL`. The registry alone, without a task: for a unit on a
/// task use [`lead_label`] / `report::UnitRef::of_task`, which apply the task's own handovers.
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

/// The task's lead units as in force on `as_of`, with who carries an ended one's part (the one
/// answer: `report::UnitRef::of_task`).
pub fn lead_label(plan: &Plan, task: &Task, as_of: NaiveDate) -> String {
    units_text(&crate::report::UnitRef::of_task(plan, task, as_of, true))
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

/// One amendment in words: "from 20/06/2024: deadline: …, on the basis of …" (`show`, the
/// report). Units by their labels.
pub fn amendment_text(
    plan: &Plan,
    a: &crate::model::amendment::Amendment,
    tr: &dyn crate::i18n::Tr,
) -> String {
    use crate::i18n::WhoMsg;
    let labels = |ids: &[crate::model::plan::Located<String>]| {
        ids.iter()
            .map(|u| plan.units.label(&u.value))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut what = vec![];
    if let Some(f) = &a.from {
        what.push(tr.who(&WhoMsg::Handover {
            from: plan.units.label(&f.value),
            to: &labels(&a.to),
        }));
    }
    if let Some(l) = &a.lead {
        what.push(tr.who(&WhoMsg::Lead { to: &labels(l) }));
    }
    if let Some(l) = &a.support {
        what.push(tr.who(&WhoMsg::Support { to: &labels(l) }));
    }
    let phrase = match (&a.deadline, &a.due) {
        (Some(d), Some(due)) => Some(format!("\"{}\" ({})", d.value, tr.date(due.value))),
        (Some(d), None) => Some(format!("\"{}\"", d.value)),
        (None, Some(due)) => Some(tr.date(due.value)),
        (None, None) => None,
    };
    if let Some(p) = phrase {
        what.push(match &a.milestone {
            Some(n) => tr.who(&WhoMsg::MilestoneDeadline {
                number: usize::try_from(n.value).unwrap_or(0),
                to: &p,
            }),
            None => tr.who(&WhoMsg::Deadline { to: &p }),
        });
    }
    if let Some(t) = &a.title {
        what.push(tr.who(&WhoMsg::Title { to: t }));
    }
    if let Some(i) = &a.indicator {
        let to = a
            .target
            .clone()
            .or_else(|| a.target_value.map(|v| tr.number(v)))
            .unwrap_or_default();
        what.push(tr.who(&WhoMsg::Target {
            indicator: &i.value,
            to: &to,
        }));
    }
    tr.who(&WhoMsg::Amendment {
        on: &tr.date(a.on.value),
        what: &what.join("; "),
        basis: a.basis.as_ref().map_or("—", |b| b.value.as_str()),
        unverified: a.unverified,
    })
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

// ---- everyday use (issue 13): text that fits the terminal ----

/// Display columns of `s` (plan text is NFC: one character, one column).
pub fn columns(s: &str) -> usize {
    s.chars().count()
}

/// Every line of `text` wrapped at spaces to `width` columns; a word is never split (an id, a
/// date or a path longer than the line stays whole). Continuation lines hang under the value:
/// after a `Label:   ` run of spaces, else two columns deeper than the line's own indent.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if columns(body) <= width {
            out.push_str(line);
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        let hang = hanging_indent(body).unwrap_or(lead + 2).min(width / 2);
        out.push_str(&body[..lead]);
        let mut col = lead;
        let mut first = true;
        // Words with the spaces written before them (a label's padding is kept on its line).
        let mut rest = &body[lead..];
        while !rest.is_empty() {
            let gap = rest.len() - rest.trim_start_matches(' ').len();
            let after = &rest[gap..];
            let end = after.find(' ').unwrap_or(after.len());
            let word = &after[..end];
            rest = &after[end..];
            if word.is_empty() {
                break;
            }
            let w = columns(word);
            if !first && col + gap + w > width {
                out.push('\n');
                out.push_str(&" ".repeat(hang));
                col = hang;
            } else {
                out.push_str(&" ".repeat(gap));
                col += gap;
            }
            out.push_str(word);
            col += w;
            first = false;
        }
        out.push_str(nl);
    }
    out
}

/// The column where a `Label:   value` line's value starts (two or more spaces after a colon).
fn hanging_indent(line: &str) -> Option<usize> {
    let colon = line.find(":  ")?;
    let head = &line[..colon + 1];
    if head.starts_with(' ') {
        return None;
    }
    let rest = &line[colon + 1..];
    let spaces = rest.len() - rest.trim_start().len();
    Some(columns(head) + spaces)
}

#[cfg(test)]
mod wrap_tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_hangs_under_the_value() {
        assert_eq!(
            wrap(
                "Chủ trì:       Sở Thông tin và Truyền thông; Văn phòng UBND tỉnh\n",
                40
            ),
            "Chủ trì:       Sở Thông tin và Truyền\n               thông; Văn phòng UBND\n               tỉnh\n"
        );
        assert_eq!(
            wrap(
                "  gợi ý: nhiệm vụ do Sở KH&CN, Sở VH-TT&DL tiếp nhận từ 01/03/2025\n",
                30
            ),
            "  gợi ý: nhiệm vụ do Sở KH&CN,\n    Sở VH-TT&DL tiếp nhận từ\n    01/03/2025\n"
        );
        // A word longer than the line stays whole.
        assert_eq!(
            wrap("plan/tasks/9.1/9.1.13.toml:4:9: x\n", 10),
            "plan/tasks/9.1/9.1.13.toml:4:9:\n  x\n"
        );
        assert_eq!(wrap("short\n", 80), "short\n");
    }
}
