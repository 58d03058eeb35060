//! The tracking workbook (`export --format xlsx`): the [`Tracking`] value rendered as an Excel
//! file shaped like the plan's appendix — one sheet for all tasks, one for the overdue, one per
//! unit that answers for tasks, one for indicators. Real Excel dates, a frozen header, an
//! autofilter, wrapped text, fixed widths, and standing cells coloured *with* their words.
//!
//! Pure: data in, bytes out (built in memory with rust_xlsxwriter). Computes nothing: every
//! figure comes from the [`Tracking`] value; this module only chooses words, formats and cells.
//! The workbook's creation date is the table's as-of day, so the same data gives the same bytes.

use std::collections::BTreeSet;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use crate::i18n::{OfficeTexts, Tr, fill};
use crate::model::plan::Plan;
use crate::model::status::Category;
use crate::tracking::{IndicatorRow, TrackRow, Tracking};

/// An Excel date (a serial number shown with a date format), or an error for years Excel
/// cannot show.
pub fn excel_date(d: NaiveDate) -> Result<ExcelDateTime> {
    let year = u16::try_from(d.year()).map_err(|_| anyhow::anyhow!("year out of range: {d}"))?;
    Ok(ExcelDateTime::from_ymd(
        year,
        d.month() as u8,
        d.day() as u8,
    )?)
}

/// Background colour of a standing (always shown with its words, never alone): green done on
/// time, orange done late, blue in progress, yellow due soon, red overdue, grey undated.
pub fn category_colour(c: Category, due_soon: bool) -> u32 {
    match c {
        Category::DoneOnTime => 0xC6EFCE,
        Category::DoneLate => 0xF8CBAD,
        Category::InProgress if due_soon => 0xFFEB9C,
        Category::InProgress => 0xDDEBF7,
        Category::Overdue => 0xFFC7CE,
        Category::Ongoing | Category::NoDate => 0xEDEDED,
        Category::Dropped => 0xD9D9D9,
    }
}

/// The words of the "assessment" column for a row.
pub fn assessment(row: &TrackRow, o: &OfficeTexts) -> String {
    let days = row.days_late.unwrap_or(0).to_string();
    match row.category {
        Category::Overdue => fill(o.overdue_days, &[&days]),
        Category::DoneLate => fill(o.late_days, &[&days]),
        Category::DoneOnTime => o.on_time.to_string(),
        Category::InProgress if row.due_soon => o.due_soon.to_string(),
        Category::InProgress => o.within_deadline.to_string(),
        Category::Ongoing => o.ongoing.to_string(),
        Category::NoDate => o.no_date.to_string(),
        Category::Dropped => o.dropped.to_string(),
    }
}

/// The "result" column: the latest progress entry, or "not reported".
pub fn result(row: &TrackRow, o: &OfficeTexts, tr: &dyn Tr) -> String {
    match &row.latest {
        Some(l) => {
            let mut s = format!("{} – {}: {}", tr.date(l.date), l.by, l.note);
            if let Some(p) = l.percent {
                s.push_str(&format!(" ({p}%)"));
            }
            s
        }
        None => o.no_result.to_string(),
    }
}

/// The "note" column: the milestones with their standings, one a line.
pub fn note(row: &TrackRow, o: &OfficeTexts, tr: &dyn Tr) -> String {
    row.milestones
        .iter()
        .map(|m| {
            let mut standing = tr.category(m.category).to_string();
            if let Some(d) = m.days_late.filter(|_| m.category == Category::Overdue) {
                standing = fill(o.overdue_days, &[&d.to_string()]);
            }
            fill(o.milestone, &[&m.number.to_string(), &m.phrase, &standing])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique (case-insensitive).
fn sheet_name(wanted: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let clean = if clean.is_empty() { "Sheet" } else { clean };
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let keep = 31 - suffix.chars().count();
        let name: String = clean.chars().take(keep).collect::<String>() + &suffix;
        if taken.insert(name.to_lowercase()) {
            return name;
        }
    }
    unreachable!("some suffix is free")
}

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    centre: Format,
    date: Format,
    number: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12)
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        Formats {
            title: Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(14)
                .set_bold(),
            header: base
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xD9E1F2)),
            text: base.clone(),
            centre: base.clone().set_align(FormatAlign::Center),
            date: base
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("dd/mm/yyyy"),
            number: base.clone().set_num_format("#,##0.##"),
        }
    }

    fn fill(&self, colour: u32) -> Format {
        self.text.clone().set_background_color(Color::RGB(colour))
    }
}

/// The first row of data (below the title, subtitle and header).
pub const FIRST_DATA_ROW: u32 = 3;
const TRACK_WIDTHS: [f64; 11] = [
    6.0, 8.0, 60.0, 24.0, 30.0, 22.0, 12.0, 22.0, 45.0, 20.0, 35.0,
];

fn track_headers(o: &OfficeTexts) -> [&'static str; 11] {
    [
        o.col_stt,
        o.col_id,
        o.col_content,
        o.col_lead,
        o.col_support,
        o.col_deadline,
        o.col_due,
        o.col_status,
        o.col_result,
        o.col_assessment,
        o.col_note,
    ]
}

fn heading(
    ws: &mut Worksheet,
    f: &Formats,
    title: &str,
    subtitle: &str,
    headers: &[&str],
    widths: &[f64],
) -> Result<()> {
    ws.write_string_with_format(0, 0, title, &f.title)?;
    ws.write_string(1, 0, subtitle)?;
    for (c, (h, w)) in headers.iter().zip(widths).enumerate() {
        let c = c as u16;
        ws.write_string_with_format(FIRST_DATA_ROW - 1, c, *h, &f.header)?;
        ws.set_column_width(c, *w)?;
    }
    ws.set_freeze_panes(FIRST_DATA_ROW, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_repeat_rows(FIRST_DATA_ROW - 1, FIRST_DATA_ROW - 1)?;
    Ok(())
}

fn track_sheet(
    ws: &mut Worksheet,
    f: &Formats,
    rows: &[&TrackRow],
    subtitle: &str,
    o: &OfficeTexts,
    tr: &dyn Tr,
) -> Result<()> {
    let headers = track_headers(o);
    heading(ws, f, o.table_title, subtitle, &headers, &TRACK_WIDTHS)?;
    for (i, r) in rows.iter().enumerate() {
        let row = FIRST_DATA_ROW + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.centre)?;
        ws.write_string_with_format(row, 1, &r.id, &f.centre)?;
        ws.write_string_with_format(row, 2, &r.title, &f.text)?;
        ws.write_string_with_format(row, 3, &r.lead, &f.text)?;
        ws.write_string_with_format(row, 4, &r.support, &f.text)?;
        ws.write_string_with_format(row, 5, &r.phrase, &f.text)?;
        match r.due {
            Some(d) => ws.write_datetime_with_format(row, 6, excel_date(d)?, &f.date)?,
            None => ws.write_blank(row, 6, &f.date)?,
        };
        let standing = f.fill(category_colour(r.category, r.due_soon));
        ws.write_string_with_format(row, 7, tr.category(r.category), &standing)?;
        ws.write_string_with_format(row, 8, result(r, o, tr), &f.text)?;
        ws.write_string_with_format(row, 9, assessment(r, o), &f.text)?;
        ws.write_string_with_format(row, 10, note(r, o, tr), &f.text)?;
    }
    let last = FIRST_DATA_ROW + rows.len().max(1) as u32 - 1;
    ws.autofilter(FIRST_DATA_ROW - 1, 0, last, 10)?;
    Ok(())
}

fn indicator_sheet(
    ws: &mut Worksheet,
    f: &Formats,
    rows: &[IndicatorRow],
    subtitle: &str,
    o: &OfficeTexts,
) -> Result<()> {
    let headers = [
        o.col_task,
        o.col_indicator,
        o.col_target,
        o.col_measure,
        o.col_value,
        o.col_date,
        o.col_by,
        o.col_met,
    ];
    let widths = [10.0, 40.0, 16.0, 12.0, 12.0, 14.0, 24.0, 16.0];
    heading(ws, f, o.sheet_indicators, subtitle, &headers, &widths)?;
    for (i, r) in rows.iter().enumerate() {
        let row = FIRST_DATA_ROW + i as u32;
        ws.write_string_with_format(row, 0, &r.task, &f.centre)?;
        ws.write_string_with_format(row, 1, &r.name, &f.text)?;
        ws.write_string_with_format(row, 2, &r.target, &f.text)?;
        ws.write_string_with_format(row, 3, r.unit.as_deref().unwrap_or(""), &f.centre)?;
        match r.value {
            Some(v) => ws.write_number_with_format(row, 4, v, &f.number)?,
            None => ws.write_blank(row, 4, &f.number)?,
        };
        match r.date {
            Some(d) => ws.write_datetime_with_format(row, 5, excel_date(d)?, &f.date)?,
            None => ws.write_blank(row, 5, &f.date)?,
        };
        ws.write_string_with_format(row, 6, r.by.as_deref().unwrap_or(""), &f.text)?;
        let (words, colour) = match r.met {
            Some(true) => (o.met, 0xC6EFCE),
            Some(false) => (o.not_met, 0xFFC7CE),
            None => (o.no_value, 0xEDEDED),
        };
        ws.write_string_with_format(row, 7, words, &f.fill(colour))?;
    }
    let last = FIRST_DATA_ROW + rows.len().max(1) as u32 - 1;
    ws.autofilter(FIRST_DATA_ROW - 1, 0, last, 7)?;
    Ok(())
}

/// The tracking workbook's bytes.
pub fn tracking(plan: &Plan, t: &Tracking, o: &OfficeTexts, tr: &dyn Tr) -> Result<Vec<u8>> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(o.table_title)
            .set_creation_datetime(&excel_date(t.as_of)?),
    );
    let subtitle = fill(o.table_subtitle, &[&plan.meta.code, &tr.date(t.as_of)]);
    let mut taken = BTreeSet::new();
    let all: Vec<&TrackRow> = t.rows.iter().collect();
    let overdue: Vec<&TrackRow> = t
        .rows
        .iter()
        .filter(|r| r.category == Category::Overdue)
        .collect();
    let sheets: Vec<(String, Vec<&TrackRow>)> = [
        (o.sheet_all.to_string(), all),
        (o.sheet_overdue.to_string(), overdue),
    ]
    .into_iter()
    .chain(t.answering_units(plan).into_iter().map(|u| {
        let rows: Vec<&TrackRow> = t
            .rows
            .iter()
            .filter(|r| r.answering.iter().any(|a| a == u))
            .collect();
        (plan.units.label(u).to_string(), rows)
    }))
    .collect();
    for (name, rows) in &sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(name, &mut taken))?;
        track_sheet(ws, &f, rows, &subtitle, o, tr)?;
    }
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(o.sheet_indicators, &mut taken))?;
    indicator_sheet(ws, &f, &t.indicators, &subtitle, o)?;
    Ok(wb.save_to_buffer()?)
}

/// What the returns template shows about its unit and month.
pub struct ReturnsHead<'a> {
    pub unit_id: &'a str,
    pub unit_name: &'a str,
    pub month: crate::model::window::Month,
    pub window: crate::model::window::Window,
    /// The day reports are due (the report day of the month).
    pub report_by: NaiveDate,
}

/// The sheet a unit fills (`returns template`): identifying columns locked and grey, the
/// columns to fill white and unlocked, with validation (whole percent 0–100, numbers, dates
/// up to the report day) and input hints. Layout constants are [`crate::returns`]'.
pub fn returns_template(
    head: &ReturnsHead<'_>,
    rows: &[crate::returns::TemplateRow],
    o: &OfficeTexts,
    tr: &dyn Tr,
) -> Result<Vec<u8>> {
    use crate::returns::*;
    use rust_xlsxwriter::{DataValidation, DataValidationRule};
    let f = Formats::new();
    let locked = f.text.clone().set_background_color(Color::RGB(0xEDEDED));
    let locked_date = f.date.clone().set_background_color(Color::RGB(0xEDEDED));
    let open = f.text.clone().set_unlocked();
    let open_date = f.date.clone().set_unlocked();
    let open_number = f.number.clone().set_unlocked();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(fill(
                o.ret_title,
                &[&format!("{}/{}", head.month.month, head.month.year)],
            ))
            .set_creation_datetime(&excel_date(head.window.end)?),
    );
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(o.ret_sheet, &mut BTreeSet::new()))?;
    let month_words = format!("{}/{}", head.month.month, head.month.year);
    ws.write_string_with_format(0, 0, fill(o.ret_title, &[&month_words]), &f.title)?;
    ws.write_string(UNIT_ROW, 0, o.ret_unit)?;
    ws.write_string_with_format(UNIT_ROW, 1, head.unit_id, &f.title)?;
    ws.write_string(UNIT_ROW, 2, head.unit_name)?;
    ws.write_string(MONTH_ROW, 0, o.ret_month)?;
    ws.write_string_with_format(MONTH_ROW, 1, head.month.to_string(), &f.title)?;
    ws.write_string(
        MONTH_ROW,
        2,
        fill(
            o.ret_window,
            &[
                &tr.date(head.window.start),
                &tr.date(head.window.end),
                &tr.date(head.report_by),
            ],
        ),
    )?;
    ws.write_string(HELP_ROW, 0, o.ret_help)?;
    let headers: [(&str, f64); COLUMNS as usize] = [
        (o.col_id, 9.0),
        (o.col_content, 50.0),
        (o.ret_role, 10.0),
        (o.col_deadline, 20.0),
        (o.col_due, 12.0),
        (o.col_indicator, 22.0),
        (o.col_target, 12.0),
        (o.ret_date, 13.0),
        (o.ret_note, 45.0),
        (o.ret_percent, 11.0),
        (o.ret_value, 11.0),
        (o.ret_done_on, 13.0),
        (o.ret_document, 22.0),
        (o.ret_difficulties, 30.0),
        (o.ret_proposals, 30.0),
        (o.ret_state, 18.0),
    ];
    for (c, (h, w)) in headers.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &f.header)?;
        ws.set_column_width(c as u16, *w)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = FIRST_ROW + i as u32;
        ws.write_string_with_format(row, COL_ID, &r.id, &locked)?;
        ws.write_string_with_format(row, COL_TITLE, &r.title, &locked)?;
        let role = match r.role {
            Role::Lead => o.ret_lead,
            Role::Support => o.ret_support,
        };
        ws.write_string_with_format(row, COL_ROLE, role, &locked)?;
        ws.write_string_with_format(row, COL_DEADLINE, &r.phrase, &locked)?;
        match r.due {
            Some(d) => ws.write_datetime_with_format(row, COL_DUE, excel_date(d)?, &locked_date)?,
            None => ws.write_blank(row, COL_DUE, &locked_date)?,
        };
        let (name, target) = r.indicator.clone().unwrap_or_default();
        ws.write_string_with_format(row, COL_INDICATOR, &name, &locked)?;
        ws.write_string_with_format(row, COL_TARGET, &target, &locked)?;
        ws.write_datetime_with_format(row, COL_DATE, excel_date(head.window.end)?, &open_date)?;
        ws.write_blank(row, COL_NOTE, &open)?;
        // A task row takes a percent; an indicator row a value; only a lead reports completion.
        let (pct, val) = if r.indicator.is_some() {
            (&locked, &open_number)
        } else {
            (&open_number, &locked)
        };
        ws.write_blank(row, COL_PERCENT, pct)?;
        ws.write_blank(row, COL_VALUE, val)?;
        let done = if r.role == Role::Lead && r.indicator.is_none() {
            &open_date
        } else {
            &locked_date
        };
        ws.write_blank(row, COL_DONE_ON, done)?;
        for c in [COL_DOCUMENT, COL_DIFFICULTIES, COL_PROPOSALS] {
            ws.write_blank(row, c, &open)?;
        }
        let state = if r.indicator.is_none() {
            &open
        } else {
            &locked
        };
        ws.write_blank(row, COL_STATE, state)?;
    }
    if !rows.is_empty() {
        let last = FIRST_ROW + rows.len() as u32 - 1;
        let latest = excel_date(head.report_by)?;
        let earliest = ExcelDateTime::from_ymd(2000, 1, 1)?;
        let percent = DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(0, 100))
            .set_input_message(o.ret_bad_percent_hint)?
            .set_error_message(o.ret_bad_percent_hint)?;
        ws.add_data_validation(FIRST_ROW, COL_PERCENT, last, COL_PERCENT, &percent)?;
        let number = DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(-1e12, 1e12))
            .set_error_message(o.ret_bad_number_hint)?;
        ws.add_data_validation(FIRST_ROW, COL_VALUE, last, COL_VALUE, &number)?;
        let date = DataValidation::new()
            .allow_date(DataValidationRule::Between(earliest, latest))
            .set_input_message(o.ret_bad_date_hint)?
            .set_error_message(o.ret_future_hint)?;
        ws.add_data_validation(FIRST_ROW, COL_DATE, last, COL_DATE, &date)?;
        ws.add_data_validation(FIRST_ROW, COL_DONE_ON, last, COL_DONE_ON, &date)?;
        let states = DataValidation::new()
            .allow_list_strings(&o.ret_states)?
            .set_error_message(o.ret_states.join(", "))?;
        ws.add_data_validation(FIRST_ROW, COL_STATE, last, COL_STATE, &states)?;
    }
    ws.set_freeze_panes(FIRST_ROW, 2)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.protect();
    Ok(wb.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_cleaned_cut_and_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(sheet_name("Sở TT/TT", &mut taken), "Sở TT-TT");
        assert_eq!(sheet_name("sở tt/tt", &mut taken), "sở tt-tt (2)");
        let long = "UBND các huyện, thị xã, thành phố thuộc tỉnh Tây Ninh";
        let name = sheet_name(long, &mut taken);
        assert_eq!(name.chars().count(), 31);
        assert!(sheet_name(long, &mut taken).ends_with(" (2)"));
    }

    #[test]
    fn colours_differ_by_standing() {
        assert_ne!(
            category_colour(Category::Overdue, false),
            category_colour(Category::DoneOnTime, false)
        );
        assert_ne!(
            category_colour(Category::InProgress, true),
            category_colour(Category::InProgress, false)
        );
    }
}
