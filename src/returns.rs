//! Units' returns (phiếu báo cáo) as data: which rows a unit's sheet holds for a month, where
//! each column is, and how a filled sheet's cells become progress entries — or located
//! problems (`H7: …`, with a hint). Pure: the sheet arrives as a [`Grid`] of values (the
//! command reads the .xlsx with calamine); the template's layout is written by
//! [`crate::render::xlsx::returns_template`] from the same constants.
//!
//! Who may report on a task is the rule `check` applies to progress entries (lead and support
//! units, their members, and their successors); only a lead may report a task completed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::edit::NewProgress;
use crate::i18n::{OfficeTexts, fill};
use crate::model::plan::{Plan, Task};
use crate::model::status::Category;
use crate::model::window::{Month, Window};
use crate::summary::Judged;

// The sheet's layout (0-based rows and columns).
pub const UNIT_ROW: u32 = 1;
pub const MONTH_ROW: u32 = 2;
pub const HELP_ROW: u32 = 3;
pub const HEADER_ROW: u32 = 4;
pub const FIRST_ROW: u32 = 5;
pub const COL_ID: u16 = 0;
pub const COL_TITLE: u16 = 1;
pub const COL_ROLE: u16 = 2;
pub const COL_DEADLINE: u16 = 3;
pub const COL_DUE: u16 = 4;
pub const COL_INDICATOR: u16 = 5;
pub const COL_TARGET: u16 = 6;
pub const COL_DATE: u16 = 7;
pub const COL_NOTE: u16 = 8;
pub const COL_PERCENT: u16 = 9;
pub const COL_VALUE: u16 = 10;
pub const COL_DONE_ON: u16 = 11;
pub const COL_DOCUMENT: u16 = 12;
pub const COL_DIFFICULTIES: u16 = 13;
pub const COL_PROPOSALS: u16 = 14;
/// A drop-down: how the work stands, in the unit's words (one of [`OfficeTexts::ret_states`]).
pub const COL_STATE: u16 = 15;
pub const COLUMNS: u16 = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Lead,
    Support,
}

/// Units that may speak for `r`: itself, its members, its successors and theirs.
fn closure<'a>(plan: &'a Plan, r: &'a str) -> Vec<&'a str> {
    let reg = &plan.units;
    let mut out = vec![];
    for u in reg.expand(r) {
        out.push(u);
        if let Some(unit) = reg.get(u) {
            for s in &unit.successors {
                out.extend(reg.expand(&s.value));
            }
        }
    }
    out
}

/// The unit's role in a task, if it may report on it.
pub fn role(plan: &Plan, task: &Task, unit: &str) -> Option<Role> {
    if task.lead_ids().any(|l| closure(plan, l).contains(&unit)) {
        Some(Role::Lead)
    } else if task.support_ids().any(|s| closure(plan, s).contains(&unit)) {
        Some(Role::Support)
    } else {
        None
    }
}

/// One row of a unit's sheet: a task, or one of its indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateRow {
    pub id: String,
    pub title: String,
    pub role: Role,
    pub phrase: String,
    pub due: Option<NaiveDate>,
    /// `(name, target)` on an indicator row.
    pub indicator: Option<(String, String)>,
}

/// The rows of `unit`'s sheet: the active tasks (ongoing, in progress, overdue) it leads or
/// supports, in plan order, each followed by a row per indicator.
pub fn template_rows(plan: &Plan, judged: &[Judged<'_>], unit: &str) -> Vec<TemplateRow> {
    let mut out = vec![];
    for j in judged {
        let active = matches!(
            j.standing.category,
            Category::Ongoing | Category::InProgress | Category::Overdue
        );
        let Some(role) = role(plan, j.task, unit).filter(|_| active) else {
            continue;
        };
        let t = j.task;
        let row = TemplateRow {
            id: t.id.value.clone(),
            title: t.title.clone(),
            role,
            phrase: t.deadline.value.clone(),
            due: j.standing.due,
            indicator: None,
        };
        for i in &t.indicators {
            out.push(TemplateRow {
                indicator: Some((i.name.value.clone(), i.target.clone())),
                ..row.clone()
            });
        }
        out.insert(out.len() - t.indicators.len(), row);
    }
    out
}

/// The position of "done" in [`OfficeTexts::ret_states`].
pub const DONE_STATE: usize = 1;

/// A cell's value as read from a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// A sheet's cells by (row, column), 0-based.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub cells: BTreeMap<(u32, u16), Value>,
}

impl Grid {
    pub fn get(&self, row: u32, col: u16) -> &Value {
        self.cells.get(&(row, col)).unwrap_or(&Value::Empty)
    }

    fn text(&self, row: u32, col: u16) -> String {
        match self.get(row, col) {
            Value::Empty => String::new(),
            Value::Text(s) => crate::text::nfc(s.trim()),
            Value::Number(x) => format_number(*x),
            Value::Date(d) => d.format("%d/%m/%Y").to_string(),
        }
    }

    fn last_row(&self) -> u32 {
        self.cells.keys().map(|(r, _)| *r).max().unwrap_or(0)
    }
}

fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// `H7` for row 6, column 7 (0-based).
pub fn cell_name(row: u32, col: u16) -> String {
    let mut c = col as u32 + 1;
    let mut letters = String::new();
    while c > 0 {
        let r = ((c - 1) % 26) as u8;
        letters.insert(0, (b'A' + r) as char);
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// A problem in one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    pub cell: String,
    pub message: String,
    pub hint: String,
}

/// One progress entry a sheet asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The sheet row (0-based) it came from.
    pub row: u32,
    pub task: String,
    pub progress: NewProgress,
    /// A completion day (lead units only).
    pub done_on: Option<NaiveDate>,
}

/// What a sheet says: the unit, the month, the entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Return {
    pub unit: String,
    pub month: Month,
    pub entries: Vec<Entry>,
}

fn parse_date(v: &Value) -> Option<Result<NaiveDate, String>> {
    match v {
        Value::Empty => None,
        Value::Date(d) => Some(Ok(*d)),
        Value::Text(s) if s.trim().is_empty() => None,
        Value::Text(s) => {
            let s = s.trim();
            let parsed = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok());
            Some(parsed.ok_or_else(|| s.to_string()))
        }
        Value::Number(x) => Some(Err(format_number(*x))),
    }
}

fn parse_number(v: &Value) -> Option<Result<f64, String>> {
    match v {
        Value::Empty => None,
        Value::Number(x) => Some(Ok(*x)),
        Value::Text(s) if s.trim().is_empty() => None,
        Value::Text(s) => {
            let t = s.trim().trim_end_matches('%').trim().replace(',', ".");
            Some(
                t.parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| s.trim().to_string()),
            )
        }
        Value::Date(d) => Some(Err(d.format("%d/%m/%Y").to_string())),
    }
}

/// Read a filled sheet: every entry, or every problem (a sheet with any problem gives no
/// entries). `as_of` is the last day figures may refer to; `window` the month's report window
/// (an empty date cell means its last day, or `as_of` if earlier).
pub fn read(
    plan: &Plan,
    grid: &Grid,
    as_of: NaiveDate,
    cycle: crate::model::window::Cycle,
    o: &OfficeTexts,
) -> Result<Return, Vec<CellProblem>> {
    let mut problems = vec![];
    let problem = |problems: &mut Vec<CellProblem>, row, col, message: String, hint: &str| {
        problems.push(CellProblem {
            cell: cell_name(row, col),
            message,
            hint: hint.to_string(),
        })
    };
    let unit = grid.text(UNIT_ROW, 1);
    let month = Month::parse(&grid.text(MONTH_ROW, 1));
    let (Some(month), false) = (month, unit.is_empty()) else {
        problem(
            &mut problems,
            UNIT_ROW,
            1,
            o.ret_not_a_return.to_string(),
            o.ret_not_a_return_hint,
        );
        return Err(problems);
    };
    if plan.units.get(&unit).is_none() {
        problem(
            &mut problems,
            UNIT_ROW,
            1,
            fill(o.ret_bad_unit, &[&unit]),
            o.ret_bad_unit_hint,
        );
        return Err(problems);
    }
    let window: Window = cycle.window(month);
    let default_date = window.end.min(as_of);
    let mut entries = vec![];
    for row in FIRST_ROW..=grid.last_row() {
        let filled = [
            COL_STATE,
            COL_NOTE,
            COL_PERCENT,
            COL_VALUE,
            COL_DONE_ON,
            COL_DOCUMENT,
            COL_DIFFICULTIES,
            COL_PROPOSALS,
        ]
        .iter()
        .any(|c| !grid.text(row, *c).is_empty());
        if !filled {
            continue;
        }
        let before = problems.len();
        let id = grid.text(row, COL_ID);
        let task = plan.task(&id);
        let Some(task) = task else {
            let near = crate::text::nearest(&id, plan.tasks.iter().map(|t| t.id.value.as_str()), 3);
            problem(
                &mut problems,
                row,
                COL_ID,
                fill(o.ret_unknown_task, &[&id]),
                &fill(o.ret_unknown_task_hint, &[&near.join(", ")]),
            );
            continue;
        };
        let role = role(plan, task, &unit);
        if role.is_none() {
            problem(
                &mut problems,
                row,
                COL_ID,
                fill(o.ret_not_involved, &[plan.units.label(&unit), &id]),
                o.ret_not_involved_hint,
            );
        }
        let day = |col: u16, problems: &mut Vec<CellProblem>| match parse_date(grid.get(row, col)) {
            None => None,
            Some(Err(s)) => {
                problem(
                    problems,
                    row,
                    col,
                    fill(o.ret_bad_date, &[&s]),
                    o.ret_bad_date_hint,
                );
                None
            }
            Some(Ok(d)) if d > as_of => {
                let (d, a) = (
                    d.format("%d/%m/%Y").to_string(),
                    as_of.format("%d/%m/%Y").to_string(),
                );
                problem(
                    problems,
                    row,
                    col,
                    fill(o.ret_future, &[&d, &a]),
                    o.ret_future_hint,
                );
                None
            }
            Some(Ok(d)) => Some(d),
        };
        let date = day(COL_DATE, &mut problems).unwrap_or(default_date);
        let done_on = day(COL_DONE_ON, &mut problems);
        if done_on.is_some() && role == Some(Role::Support) {
            problem(
                &mut problems,
                row,
                COL_DONE_ON,
                fill(o.ret_done_by_support, &[plan.units.label(&unit), &id]),
                o.ret_done_by_support_hint,
            );
        }
        let percent = match parse_number(grid.get(row, COL_PERCENT)) {
            None => None,
            Some(Ok(x)) if (0.0..=100.0).contains(&x) && x.fract() == 0.0 => Some(x as u8),
            Some(Ok(x)) => {
                problem(
                    &mut problems,
                    row,
                    COL_PERCENT,
                    fill(o.ret_bad_percent, &[&format_number(x)]),
                    o.ret_bad_percent_hint,
                );
                None
            }
            Some(Err(s)) => {
                problem(
                    &mut problems,
                    row,
                    COL_PERCENT,
                    fill(o.ret_bad_percent, &[&s]),
                    o.ret_bad_percent_hint,
                );
                None
            }
        };
        let value = match parse_number(grid.get(row, COL_VALUE)) {
            None => None,
            Some(Ok(x)) => Some(x),
            Some(Err(s)) => {
                problem(
                    &mut problems,
                    row,
                    COL_VALUE,
                    fill(o.ret_bad_number, &[&s]),
                    o.ret_bad_number_hint,
                );
                None
            }
        };
        let indicator = Some(grid.text(row, COL_INDICATOR)).filter(|s| !s.is_empty());
        if let Some(name) = &indicator
            && !task.indicators.iter().any(|i| &i.name.value == name)
        {
            problem(
                &mut problems,
                row,
                COL_INDICATOR,
                fill(o.ret_unknown_indicator, &[name, &id]),
                o.ret_unknown_indicator_hint,
            );
        }
        if value.is_some() && indicator.is_none() {
            problem(
                &mut problems,
                row,
                COL_VALUE,
                fill(o.ret_unknown_indicator, &["", &id]),
                o.ret_unknown_indicator_hint,
            );
        }
        let state = grid.text(row, COL_STATE);
        if !state.is_empty() && !o.ret_states.contains(&state.as_str()) {
            problem(
                &mut problems,
                row,
                COL_STATE,
                fill(o.ret_bad_state, &[&state]),
                &o.ret_states.join(", "),
            );
        }
        // "Done" needs the completion day (and only a lead may give it, checked above).
        if state == o.ret_states[DONE_STATE] && done_on.is_none() {
            problem(
                &mut problems,
                row,
                COL_DONE_ON,
                o.ret_done_needs_date.to_string(),
                o.ret_done_needs_date_hint,
            );
        }
        let mut note = grid.text(row, COL_NOTE);
        if !state.is_empty() {
            note = if note.is_empty() {
                state.clone()
            } else {
                format!("{state}: {note}")
            };
        }
        for (col, label) in [
            (COL_DOCUMENT, o.ret_note_document),
            (COL_DIFFICULTIES, o.ret_note_difficulties),
            (COL_PROPOSALS, o.ret_note_proposals),
        ] {
            let text = grid.text(row, col);
            if !text.is_empty() {
                if !note.is_empty() && !note.ends_with(['.', ';', '!', '?']) {
                    note.push('.');
                }
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(&format!("{label}: {text}"));
            }
        }
        if note.is_empty()
            && let (Some(name), Some(v)) = (&indicator, value)
        {
            note = format!("{name}: {}", format_number(v));
        }
        if note.is_empty() {
            problem(
                &mut problems,
                row,
                COL_NOTE,
                o.ret_no_note.to_string(),
                o.ret_no_note_hint,
            );
        }
        if problems.len() > before {
            continue;
        }
        entries.push(Entry {
            row,
            task: id,
            progress: NewProgress {
                date,
                by: unit.clone(),
                note,
                percent,
                indicator: indicator.filter(|_| value.is_some()),
                value,
                received: None,
            },
            done_on,
        });
    }
    if problems.is_empty() {
        Ok(Return {
            unit,
            month,
            entries,
        })
    } else {
        Err(problems)
    }
}

/// Is this entry already in the task (same day, unit, note and figures)?
pub fn already_recorded(task: &Task, e: &NewProgress) -> bool {
    task.progress.iter().any(|p| {
        p.date.value == e.date
            && p.by.value == e.by
            && p.note == e.note
            && p.percent == e.percent
            && p.indicator.as_ref().map(|i| i.value.as_str()) == e.indicator.as_deref()
            && p.value == e.value
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 7), "H7");
        assert_eq!(cell_name(9, 26), "AA10");
    }

    #[test]
    fn numbers_and_dates_from_text() {
        assert_eq!(parse_number(&Value::Text("60%".into())), Some(Ok(60.0)));
        assert_eq!(parse_number(&Value::Text("93,3".into())), Some(Ok(93.3)));
        assert!(matches!(
            parse_number(&Value::Text("nhiều".into())),
            Some(Err(_))
        ));
        assert_eq!(
            parse_date(&Value::Text("05/07/2024".into())),
            Some(Ok(NaiveDate::from_ymd_opt(2024, 7, 5).unwrap()))
        );
        assert_eq!(parse_date(&Value::Empty), None);
    }
}
