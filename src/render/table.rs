//! Terminal tables (comfy-table): UTF-8 borders, fitted to the terminal when there is one,
//! complete and stable when piped. Colour is always doubled by words.

use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

use crate::model::status::{Category, Standing};

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Terminal width, when writing to a terminal.
    pub width: Option<u16>,
}

pub fn new(style: Style, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.force_no_tty();
    if style.color {
        t.enforce_styling();
    }
    match style.width {
        Some(w) => {
            t.set_width(w);
            t.set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t.set_header(header.iter().map(|h| Cell::new(*h)));
    t
}

pub fn category_color(c: Category, due_soon: bool) -> Option<Color> {
    match c {
        Category::DoneOnTime => Some(Color::Green),
        Category::DoneLate => Some(Color::DarkYellow),
        Category::InProgress if due_soon => Some(Color::Yellow),
        Category::InProgress => Some(Color::Blue),
        Category::Overdue => Some(Color::Red),
        Category::Ongoing => None,
        Category::NoDate | Category::Dropped => Some(Color::Grey),
    }
}

/// A status cell: the words always, the colour when enabled.
pub fn standing_cell(s: &Standing, words: String, style: Style) -> Cell {
    let cell = Cell::new(words);
    match (style.color, category_color(s.category, s.due_soon)) {
        (true, Some(c)) => cell.fg(c),
        _ => cell,
    }
}

/// Keep these columns at their content's width: ids and dates are never broken across lines.
pub fn keep_whole(t: &mut Table, columns: &[usize]) {
    for i in columns {
        if let Some(c) = t.column_mut(*i) {
            c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
}

/// Render a table as text with no trailing spaces on any line.
pub fn to_string(t: &Table) -> String {
    let mut s: String = t
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    s.push('\n');
    s
}
