//! Format-preserving writes of plan files: the only module that changes them.
//!
//! Owns three pure transformations from the text of a file to its new text, all through
//! `toml_edit::DocumentMut` so comments, key order, blank lines and quoting survive:
//! [`apply_update`] (a progress entry, a status, a milestone's completion), [`new_task`] (a task
//! file in canonical form) and [`format`] (the canonical form of any plan file). Around them it
//! owns the bytes at the edges ([`Original`]: a UTF-8 BOM and CRLF line ends are kept) and the
//! careful write ([`write_checked`]: a lock file, a re-read to refuse a lost update, a temporary
//! file renamed over the target). Whether an edit leaves the plan valid is `check`'s business;
//! the commands ask it before writing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::{Datelike, NaiveDate};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::model::plan::TaskStatus;

// ---------------------------------------------------------------------------------------------
// Bytes at the edges.

/// A file as read: its bytes (to detect a concurrent change) and its text with the BOM removed
/// and CRLF line ends turned into LF (so new lines match the old ones when written back).
#[derive(Debug, Clone)]
pub struct Original {
    pub bytes: Vec<u8>,
    pub text: String,
    pub bom: bool,
    /// Most lines end in CRLF; written back with every line so.
    pub crlf: bool,
}

impl Original {
    /// Decode bytes the way `load` does; a file `load` would refuse is refused here too.
    pub fn from_bytes(
        bytes: Vec<u8>,
        shown: &str,
    ) -> Result<Original, crate::model::problem::Problem> {
        let t = crate::load::decode(bytes.clone(), shown)?;
        // Mixed line ends come back uniform in the style most lines have: toml_edit drops the
        // CR of a CRLF it re-prints, so keeping the mix line by line is not possible.
        let crlf_ends = t.text.matches("\r\n").count();
        let crlf = crlf_ends > 0 && crlf_ends * 2 > t.text.matches('\n').count();
        let text = if crlf {
            t.text.replace("\r\n", "\n")
        } else {
            t.text
        };
        Ok(Original {
            bytes,
            text,
            bom: t.bom,
            crlf,
        })
    }

    /// The bytes to write for a new LF text: the original's BOM and line ends restored.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 8);
        if self.bom {
            out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
        }
        if self.crlf {
            out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
        } else {
            out.extend_from_slice(text.as_bytes());
        }
        out
    }
}

/// A unified diff between two texts, with `path` in the header; empty when they are equal.
pub fn unified_diff(old: &str, new: &str, path: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(path, path)
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Editing a task.

/// A `[[progress]]` entry to append.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProgress {
    pub date: NaiveDate,
    pub by: String,
    pub note: String,
    pub percent: Option<u8>,
    pub indicator: Option<String>,
    pub value: Option<f64>,
    /// The day the secretariat received it, when later than `date`.
    pub received: Option<NaiveDate>,
}

/// What `tiendo update` asks for; every part is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Update {
    pub progress: Option<NewProgress>,
    pub status: Option<TaskStatus>,
    /// The task's completion day (with `status`).
    pub done_on: Option<NaiveDate>,
    /// A 1-based milestone number and its completion day.
    pub milestone_done: Option<(usize, NaiveDate)>,
    /// `--amend N`: change fields of the 1-based progress entry N.
    pub amend: Option<(usize, ProgressChange)>,
    /// `--remove N`: remove the 1-based progress entry N.
    pub remove: Option<usize>,
    /// A dated amendment to append.
    pub amendment: Option<NewAmendment>,
}

/// The fields `update --amend N` changes in a progress entry; `None` keeps the field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgressChange {
    pub date: Option<NaiveDate>,
    pub by: Option<String>,
    pub note: Option<String>,
    pub percent: Option<u8>,
    pub indicator: Option<String>,
    pub value: Option<f64>,
}

/// An `[[amendment]]` to append (see `model::amendment`); unit fields hold ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewAmendment {
    pub on: NaiveDate,
    pub basis: String,
    pub from: Option<String>,
    pub to: Vec<String>,
    pub lead: Option<Vec<String>>,
    pub support: Option<Vec<String>>,
    pub title: Option<String>,
    pub milestone: Option<usize>,
    pub deadline: Option<String>,
    pub due: Option<NaiveDate>,
    pub note: Option<String>,
    pub unverified: bool,
}

fn string_array(items: &[String]) -> Value {
    let mut a = toml_edit::Array::new();
    for i in items {
        a.push(i.as_str());
    }
    Value::Array(a)
}

/// Why an edit could not be made to the text at all (validity is judged later, by `check`).
#[derive(Debug, Clone, PartialEq)]
pub enum EditError {
    /// The file is not TOML `toml_edit` can read.
    Syntax(String),
    /// `--milestone N` names a milestone the task does not have.
    NoMilestone { number: usize, count: usize },
    /// A key that must be a table or an array of tables is something else.
    Shape(String),
    /// `--amend N` / `--remove N` names a progress entry the task does not have.
    NoProgress { number: usize, count: usize },
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Syntax(s) => write!(f, "{s}"),
            EditError::NoMilestone { number, count } => {
                write!(
                    f,
                    "milestone {number} does not exist (the task has {count})"
                )
            }
            EditError::Shape(key) => write!(f, "`{key}` is not a table as expected"),
            EditError::NoProgress { number, count } => write!(
                f,
                "progress entry {number} does not exist (the task has {count})"
            ),
        }
    }
}

impl std::error::Error for EditError {}

pub fn date_value(d: NaiveDate) -> Value {
    Value::from(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: d.year() as u16,
            month: d.month() as u8,
            day: d.day() as u8,
        }),
        time: None,
        offset: None,
    })
}

/// A string value quoted like `like` was: literal (`'…'`) when it was and the text allows it.
fn string_like(s: &str, like: Option<&Value>) -> Value {
    let literal = like
        .and_then(|v| v.as_str().map(|_| v))
        .and_then(|v| match v {
            Value::String(f) => f.as_repr().and_then(|r| r.as_raw().as_str()),
            _ => None,
        })
        .is_some_and(|raw| raw.starts_with('\'') && !raw.starts_with("'''"));
    if literal
        && !s.contains('\'')
        && !s.contains(|c: char| c.is_control())
        && let Ok(v) = format!("'{s}'").parse::<Value>()
    {
        return v;
    }
    Value::from(s)
}

/// Replace or add `key` in `t`. A replaced value keeps its decor (the spaces around it and its
/// trailing comment) so the diff is one line.
fn set_value(t: &mut Table, key: &str, new: Value) {
    match t.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            let mut v = new;
            *v.decor_mut() = decor;
            *old = v;
        }
        _ => {
            t.insert(key, Item::Value(new));
        }
    }
}

/// Add `key` right after `after` when absent (a new key otherwise lands at the table's end).
fn insert_after(t: &mut Table, after: &str, key: &str, v: Value) {
    if t.contains_key(key) {
        set_value(t, key, v);
        return;
    }
    t.insert(key, Item::Value(v));
    let mut order: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    order.retain(|k| k != key);
    let at = order
        .iter()
        .position(|k| k == after)
        .map_or(order.len(), |i| i + 1);
    order.insert(at, key.to_string());
    let rank = |k: &str| order.iter().position(|o| o == k).unwrap_or(usize::MAX);
    t.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
}

/// The 1-based progress entry `n`, or why there is none.
fn progress_entry(root: &mut Table, n: usize) -> Result<&mut Table, EditError> {
    let count = root
        .get("progress")
        .and_then(Item::as_array_of_tables)
        .map_or(0, ArrayOfTables::len);
    root.get_mut("progress")
        .and_then(Item::as_array_of_tables_mut)
        .and_then(|a| a.get_mut(n.wrapping_sub(1)))
        .ok_or(EditError::NoProgress { number: n, count })
}

/// The `date` of a progress table, when it is a TOML date.
fn entry_date(t: &Table) -> Option<NaiveDate> {
    let dt = t.get("date")?.as_value()?.as_datetime()?;
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

/// Move every table at position `from` or later one place down (to make room at `from`).
fn shift_positions(t: &mut Table, from: isize) {
    if let Some(p) = t.position()
        && p >= from
    {
        t.set_position(Some(p + 1));
    }
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(sub) => shift_positions(sub, from),
            Item::ArrayOfTables(a) => {
                for sub in a.iter_mut() {
                    shift_positions(sub, from);
                }
            }
            _ => {}
        }
    }
}

/// Highest table position in the document (new tables go after it).
pub(crate) fn max_position(t: &Table) -> isize {
    let mut max = t.position().unwrap_or(0);
    for (_, item) in t.iter() {
        match item {
            Item::Table(sub) => max = max.max(max_position(sub)),
            Item::ArrayOfTables(a) => {
                for sub in a.iter() {
                    max = max.max(max_position(sub));
                }
            }
            _ => {}
        }
    }
    max
}

/// Apply an update to the text of a task file, touching only what it changes.
pub fn apply_update(text: &str, u: &Update) -> Result<String, EditError> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Syntax(e.message().to_string()))?;
    let root = doc.as_table_mut();
    if let Some(status) = u.status {
        let like = root.get("status").and_then(Item::as_value).cloned();
        set_value(root, "status", string_like(status.key(), like.as_ref()));
    }
    if let Some(d) = u.done_on {
        insert_after(root, "status", "done_on", date_value(d));
    }
    if let Some((n, d)) = u.milestone_done {
        let count = root
            .get("milestone")
            .and_then(Item::as_array_of_tables)
            .map_or(0, ArrayOfTables::len);
        let m = root
            .get_mut("milestone")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|a| a.get_mut(n.wrapping_sub(1)))
            .ok_or(EditError::NoMilestone { number: n, count })?;
        set_value(m, "done_on", date_value(d));
    }
    if let Some((n, change)) = &u.amend {
        let entry = progress_entry(root, *n)?;
        if let Some(d) = change.date {
            set_value(entry, "date", date_value(d));
        }
        if let Some(by) = &change.by {
            set_value(entry, "by", Value::from(by.as_str()));
        }
        if let Some(note) = &change.note {
            set_value(entry, "note", Value::from(note.as_str()));
        }
        if let Some(pc) = change.percent {
            set_value(entry, "percent", Value::from(i64::from(pc)));
        }
        if let Some(i) = &change.indicator {
            set_value(entry, "indicator", Value::from(i.as_str()));
        }
        if let Some(v) = change.value {
            set_value(entry, "value", Value::from(v));
        }
    }
    if let Some(n) = u.remove {
        progress_entry(root, n)?;
        if let Some(aot) = root
            .get_mut("progress")
            .and_then(Item::as_array_of_tables_mut)
        {
            aot.remove(n - 1);
            if aot.is_empty() {
                root.remove("progress");
            }
        }
    }
    if let Some(p) = &u.progress {
        // In date order: before the first entry dated later (same-day entries keep their
        // order), shifting the tables after it down by one; else after everything.
        let later = root
            .get("progress")
            .and_then(Item::as_array_of_tables)
            .and_then(|a| {
                a.iter()
                    .filter(|t| entry_date(t).is_some_and(|d| d > p.date))
                    .filter_map(Table::position)
                    .min()
            });
        let position = match later {
            Some(at) => {
                shift_positions(root, at);
                at
            }
            None => max_position(root) + 1,
        };
        let mut t = Table::new();
        t.insert("date", Item::Value(date_value(p.date)));
        t.insert("by", Item::Value(Value::from(p.by.as_str())));
        t.insert("note", Item::Value(Value::from(p.note.as_str())));
        if let Some(pc) = p.percent {
            t.insert("percent", Item::Value(Value::from(i64::from(pc))));
        }
        if let Some(i) = &p.indicator {
            t.insert("indicator", Item::Value(Value::from(i.as_str())));
        }
        if let Some(v) = p.value {
            t.insert("value", Item::Value(Value::from(v)));
        }
        if let Some(r) = p.received {
            t.insert("received", Item::Value(date_value(r)));
        }
        t.set_position(Some(position));
        t.decor_mut().set_prefix("\n");
        let slot = root
            .entry("progress")
            .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
        let Some(aot) = slot.as_array_of_tables_mut() else {
            return Err(EditError::Shape("progress".to_string()));
        };
        aot.push(t);
    }
    if let Some(a) = &u.amendment {
        // Amendments come before the progress entries (the canonical order): the new one takes
        // the first progress entry's place and the entries move down one.
        let first_progress = root
            .get("progress")
            .and_then(Item::as_array_of_tables)
            .and_then(|a| a.iter().filter_map(Table::position).min());
        let position = match first_progress {
            Some(p) => {
                if let Some(aot) = root
                    .get_mut("progress")
                    .and_then(Item::as_array_of_tables_mut)
                {
                    for t in aot.iter_mut() {
                        if let Some(q) = t.position().filter(|q| *q >= p) {
                            t.set_position(Some(q + 1));
                        }
                    }
                }
                p
            }
            None => max_position(root) + 1,
        };
        let mut t = Table::new();
        t.insert("on", Item::Value(date_value(a.on)));
        t.insert("basis", Item::Value(Value::from(a.basis.as_str())));
        if let Some(f) = &a.from {
            t.insert("from", Item::Value(Value::from(f.as_str())));
            t.insert("to", Item::Value(string_array(&a.to)));
        }
        if let Some(l) = &a.lead {
            t.insert("lead", Item::Value(string_array(l)));
        }
        if let Some(s) = &a.support {
            t.insert("support", Item::Value(string_array(s)));
        }
        if let Some(x) = &a.title {
            t.insert("title", Item::Value(Value::from(x.as_str())));
        }
        if let Some(n) = a.milestone {
            t.insert("milestone", Item::Value(Value::from(n as i64)));
        }
        if let Some(d) = &a.deadline {
            t.insert("deadline", Item::Value(Value::from(d.as_str())));
        }
        if let Some(d) = a.due {
            t.insert("due", Item::Value(date_value(d)));
        }
        if let Some(n) = &a.note {
            t.insert("note", Item::Value(Value::from(n.as_str())));
        }
        if a.unverified {
            t.insert("unverified", Item::Value(Value::from(true)));
        }
        t.set_position(Some(position));
        t.decor_mut().set_prefix("\n");
        let slot = root
            .entry("amendment")
            .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
        let Some(aot) = slot.as_array_of_tables_mut() else {
            return Err(EditError::Shape("amendment".to_string()));
        };
        aot.push(t);
    }
    Ok(doc.to_string())
}

// ---------------------------------------------------------------------------------------------
// A new task.

/// The fields `tiendo new` takes.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTask {
    pub id: String,
    pub group: String,
    pub title: String,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    pub deadline: String,
    /// Beyond the group's declared count: the day and basis of the amendment that adds it.
    pub added: Option<(NaiveDate, String)>,
}

/// The text of a new task file in canonical form (status `todo`).
pub fn new_task(t: &NewTask) -> String {
    let mut doc = DocumentMut::new();
    let root = doc.as_table_mut();
    let strings = |v: &[String]| Value::Array(v.iter().map(String::as_str).collect());
    root.insert("id", Item::Value(Value::from(t.id.as_str())));
    root.insert("group", Item::Value(Value::from(t.group.as_str())));
    root.insert(
        "title",
        Item::Value(Value::from(crate::text::nfc(&t.title))),
    );
    root.insert("lead", Item::Value(strings(&t.lead)));
    if !t.support.is_empty() {
        root.insert("support", Item::Value(strings(&t.support)));
    }
    root.insert(
        "deadline",
        Item::Value(Value::from(crate::text::nfc(&t.deadline))),
    );
    root.insert("status", Item::Value(Value::from("todo")));
    if let Some((on, basis)) = &t.added {
        let mut a = Table::new();
        a.insert("on", Item::Value(date_value(*on)));
        a.insert(
            "basis",
            Item::Value(Value::from(crate::text::nfc(basis.trim()))),
        );
        a.insert("added", Item::Value(Value::from(true)));
        let mut aot = ArrayOfTables::new();
        aot.push(a);
        root.insert("amendment", Item::ArrayOfTables(aot));
    }
    // Never fails: the document was built here.
    format(&doc.to_string(), FileKind::Task).unwrap_or_else(|_| doc.to_string())
}

// ---------------------------------------------------------------------------------------------
// Canonical form.

/// Which kind of plan file a text is; each has its own key order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Plan,
    Units,
    Task,
}

impl FileKind {
    /// `plan.toml`, `units.toml`, else a task file.
    pub fn of(path: &Path) -> FileKind {
        match path.file_name().and_then(|n| n.to_str()) {
            Some("plan.toml") => FileKind::Plan,
            Some("units.toml") => FileKind::Units,
            _ => FileKind::Task,
        }
    }

    fn shape(self) -> &'static Shape {
        match self {
            FileKind::Plan => &PLAN,
            FileKind::Units => &UNITS,
            FileKind::Task => &TASK,
        }
    }
}

/// The canonical order of a table's keys (sub-tables included), which of them hold dates, and
/// the shape of each sub-table. Keys not listed keep their relative order after the known ones.
struct Shape {
    keys: &'static [&'static str],
    dates: &'static [&'static str],
    children: &'static [(&'static str, &'static Shape)],
}

const NONE: Shape = Shape {
    keys: &[],
    dates: &[],
    children: &[],
};
const TASK: Shape = Shape {
    keys: &[
        "id",
        "group",
        "title",
        "lead",
        "support",
        "deadline",
        "due",
        "status",
        "done_on",
        "notes",
        "same_as",
        "overlaps",
        "source",
        "milestone",
        "indicator",
        "amendment",
        "progress",
    ],
    dates: &["due", "done_on"],
    children: &[
        ("source", &SOURCE),
        ("milestone", &MILESTONE),
        ("indicator", &INDICATOR),
        ("amendment", &AMENDMENT),
        ("progress", &PROGRESS),
    ],
};
const AMENDMENT: Shape = Shape {
    keys: &[
        "on",
        "basis",
        "from",
        "to",
        "lead",
        "support",
        "title",
        "milestone",
        "deadline",
        "due",
        "indicator",
        "target",
        "target_value",
        "note",
        "unverified",
    ],
    dates: &["on", "due"],
    children: &[],
};
const SOURCE: Shape = Shape {
    keys: &["document", "body", "body_line", "appendix", "appendix_line"],
    dates: &[],
    children: &[],
};
const MILESTONE: Shape = Shape {
    keys: &["title", "deadline", "due", "done_on"],
    dates: &["due", "done_on"],
    children: &[],
};
const INDICATOR: Shape = Shape {
    keys: &["name", "text", "target", "unit", "target_value", "baseline"],
    dates: &[],
    children: &[],
};
const PROGRESS: Shape = Shape {
    keys: &[
        "date",
        "by",
        "note",
        "percent",
        "indicator",
        "value",
        "received",
    ],
    dates: &["date", "received"],
    children: &[],
};
const PLAN: Shape = Shape {
    keys: &[
        "code",
        "title",
        "issued",
        "issuer",
        "secretariat",
        "report_day",
        "before_is_inclusive",
        "source",
        "period_start",
        "period_end",
        "closed_on",
        "group",
        "acknowledge",
    ],
    dates: &["issued", "period_start", "period_end", "closed_on"],
    children: &[("group", &GROUP), ("acknowledge", &ACKNOWLEDGE)],
};
const ACKNOWLEDGE: Shape = Shape {
    keys: &["rule", "unit", "tasks", "reason"],
    dates: &[],
    children: &[],
};
const GROUP: Shape = Shape {
    keys: &["id", "title", "parent", "declared"],
    dates: &[],
    children: &[],
};
const UNITS: Shape = Shape {
    keys: &["unit"],
    dates: &[],
    children: &[("unit", &UNIT)],
};
const UNIT: Shape = Shape {
    keys: &[
        "id",
        "name",
        "short",
        "aliases",
        "kind",
        "members",
        "started",
        "ended",
        "successors",
        "took_over",
        "note",
    ],
    dates: &["started", "ended"],
    children: &[],
};

impl Shape {
    fn rank(&self, key: &str) -> usize {
        self.keys
            .iter()
            .position(|k| *k == key)
            .unwrap_or(self.keys.len())
    }

    fn child(&self, key: &str) -> &'static Shape {
        self.children
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(&NONE, |(_, s)| s)
    }
}

/// Longest line, in characters, for an array written on one line.
pub const MAX_LINE: usize = 100;

/// How the whitespace before an item is normalised.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// First thing in the file or in a table body: no blank line before it.
    First,
    /// A key after another: at most one blank line, as the author had it.
    Key,
    /// A table header: exactly one blank line before it (and before its comments).
    Header,
}

/// Normalise the text before a key or header: comment lines kept (trimmed), runs of blank lines
/// collapsed to one, the blank line before it set by `lead`, no indentation.
fn normalize_prefix(raw: &str, lead: Lead) -> String {
    let mut lines: Vec<&str> = raw.split('\n').collect();
    lines.pop(); // the indentation before the key itself, on its own line
    let mut out: Vec<&str> = vec![];
    for l in lines {
        let l = l.trim();
        if l.is_empty() && out.last().is_none_or(|p: &&str| p.is_empty()) {
            continue; // leading blank, or a run of blanks
        }
        out.push(l);
    }
    let mut s = String::new();
    if lead == Lead::Header {
        s.push('\n');
    }
    for l in out {
        s.push_str(l);
        s.push('\n');
    }
    if lead == Lead::Key && raw.split('\n').next().is_some_and(|l| l.trim().is_empty()) {
        // A blank line directly before the key's comments (or the key) is the author's.
        if raw.split('\n').count() > 1 && !s.starts_with('\n') {
            s.insert(0, '\n');
        }
    }
    s
}

/// The comment after a value or header on the same line, as ` # …`, or nothing.
fn normalize_suffix(raw: &str) -> String {
    let t = raw.trim();
    if t.starts_with('#') {
        format!(" {t}")
    } else {
        String::new()
    }
}

fn raw_prefix(d: &toml_edit::Decor) -> String {
    d.prefix()
        .and_then(|r| r.as_str())
        .unwrap_or_default()
        .to_string()
}

fn raw_suffix(d: &toml_edit::Decor) -> String {
    d.suffix()
        .and_then(|r| r.as_str())
        .unwrap_or_default()
        .to_string()
}

/// A date written as a string (`"2024-06-30"`) where a date belongs, as a native date.
fn string_date(v: &Value) -> Option<Value> {
    let s = v.as_str()?.trim();
    // Exactly `YYYY-MM-DD`: chrono also reads a signed year (`"-999-01-01"`), which no TOML
    // date can hold (it came out as `64537-01-01`, and the file no longer parsed).
    let shape = |i: usize, b: &u8| {
        if i == 4 || i == 7 {
            *b == b'-'
        } else {
            b.is_ascii_digit()
        }
    };
    if s.len() != 10 || !s.bytes().enumerate().all(|(i, b)| shape(i, &b)) {
        return None;
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let mut out = date_value(d);
    *out.decor_mut() = v.decor().clone();
    Some(out)
}

/// An array of plain values (no nested arrays or tables, no comments inside) on one line when
/// `key = [ … ]` fits in [`MAX_LINE`] characters, else one element per line.
fn format_array(key: &str, a: &mut toml_edit::Array) {
    let has_comment = a
        .iter()
        .any(|v| raw_prefix(v.decor()).contains('#') || raw_suffix(v.decor()).contains('#'))
        || a.trailing().as_str().is_some_and(|t| t.contains('#'));
    let plain = a.iter().all(|v| !v.is_array() && !v.is_inline_table());
    if has_comment || !plain {
        return;
    }
    if a.is_empty() {
        a.set_trailing("");
        a.set_trailing_comma(false);
        return;
    }
    let items: Vec<String> = a
        .iter()
        .map(|v| {
            let mut v = v.clone();
            v.decor_mut().clear();
            v.to_string().trim().to_string()
        })
        .collect();
    let one_line = format!("{key} = [{}]", items.join(", "));
    let single = one_line.chars().count() <= MAX_LINE && !one_line.contains('\n');
    for (i, v) in a.iter_mut().enumerate() {
        let prefix = match (single, i) {
            (true, 0) => "",
            (true, _) => " ",
            (false, _) => "\n  ",
        };
        v.decor_mut().set_prefix(prefix);
        v.decor_mut().set_suffix("");
    }
    a.set_trailing_comma(!single);
    a.set_trailing(if single { "" } else { "\n" });
}

/// Canonical form of one table's own keys (header tables are placed by [`order_tables`]).
fn format_table(t: &mut Table, shape: &Shape) {
    for key in shape.dates {
        if let Some(Item::Value(v)) = t.get_mut(key)
            && let Some(d) = string_date(v)
        {
            *v = d;
        }
    }
    if !t.is_dotted() {
        t.sort_values_by(|a, _, b, _| shape.rank(a.get()).cmp(&shape.rank(b.get())));
    }
    let mut first = true;
    for (mut key, item) in t.iter_mut() {
        let name = key.get().to_string();
        match item {
            Item::Value(v) => {
                let lead = if first { Lead::First } else { Lead::Key };
                first = false;
                let prefix = normalize_prefix(&raw_prefix(key.leaf_decor()), lead);
                key.leaf_decor_mut().set_prefix(prefix);
                key.leaf_decor_mut().set_suffix(" ");
                let suffix = normalize_suffix(&raw_suffix(v.decor()));
                v.decor_mut().set_prefix(" ");
                v.decor_mut().set_suffix(suffix);
                if let Some(a) = v.as_array_mut() {
                    format_array(&name, a);
                }
            }
            Item::Table(sub) if sub.is_dotted() => first = false,
            Item::Table(sub) => format_table(sub, shape.child(&name)),
            Item::ArrayOfTables(a) => {
                for sub in a.iter_mut() {
                    format_table(sub, shape.child(&name));
                }
            }
            Item::None => {}
        }
    }
}

/// Visit every header table (not the root, not dotted, not implicit) in item order, with the
/// rank of the root key it lives under.
fn visit_headers(
    t: &mut Table,
    rank: Option<usize>,
    shape: &Shape,
    f: &mut dyn FnMut(&mut Table, usize),
) {
    for (key, item) in t.iter_mut() {
        let rank = rank.unwrap_or_else(|| shape.rank(key.get()));
        match item {
            Item::Table(sub) if !sub.is_dotted() => {
                if !sub.is_implicit() {
                    f(sub, rank);
                }
                visit_headers(sub, Some(rank), shape, f);
            }
            Item::ArrayOfTables(a) => {
                for sub in a.iter_mut() {
                    f(sub, rank);
                    visit_headers(sub, Some(rank), shape, f);
                }
            }
            _ => {}
        }
    }
}

/// Put header tables in canonical order (`[source]`, `[[milestone]]`, … ) keeping the order of
/// entries within one key, and set one blank line before each header.
fn order_tables(doc: &mut DocumentMut, shape: &Shape) {
    let root = doc.as_table_mut();
    let has_values = root
        .iter()
        .any(|(_, i)| i.is_value() || i.as_table().is_some_and(|t| t.is_dotted()));
    // Pass 1: where each header is now (as toml_edit prints it), under which root key.
    let mut seen: Vec<(usize, isize, usize)> = vec![];
    let mut last = 0;
    visit_headers(root, None, shape, &mut |t, rank| {
        last = t.position().unwrap_or(last);
        seen.push((rank, last, seen.len()));
    });
    let mut order = seen.clone();
    order.sort();
    let mut new_pos = vec![0isize; seen.len()];
    for (n, (_, _, i)) in order.iter().enumerate() {
        new_pos[*i] = n as isize + 1;
    }
    // Pass 2: the same walk; new positions and blank lines.
    let mut i = 0;
    visit_headers(root, None, shape, &mut |t, _| {
        let pos = new_pos[i];
        i += 1;
        t.set_position(Some(pos));
        let lead = if pos == 1 && !has_values {
            Lead::First
        } else {
            Lead::Header
        };
        let prefix = normalize_prefix(&raw_prefix(t.decor()), lead);
        let suffix = normalize_suffix(&raw_suffix(t.decor()));
        t.decor_mut().set_prefix(prefix);
        t.decor_mut().set_suffix(suffix);
    });
}

/// The canonical form of a plan file (see `docs/format.md`): key order, tables in order with one
/// blank line before each header, arrays on one line or one element per line, dates unquoted,
/// text values in NFC (keys never: two keys that differ only in Unicode form must not become
/// one duplicated key), no trailing spaces, one newline at the end. Comments stay with their
/// keys. The output is parsed again before it is returned: `fmt` never writes a file that is
/// not TOML.
pub fn format(text: &str, kind: FileKind) -> Result<String, EditError> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Syntax(e.message().to_string()))?;
    nfc_values(doc.as_item_mut());
    let shape = kind.shape();
    format_table(doc.as_table_mut(), shape);
    order_tables(&mut doc, shape);
    let trailing = doc.trailing().as_str().unwrap_or_default().to_string();
    let comments: Vec<&str> = trailing
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let trailing = if comments.is_empty() {
        String::new()
    } else {
        format!("\n{}\n", comments.join("\n"))
    };
    doc.set_trailing(trailing);
    let out = doc.to_string();
    let mut out = out.trim_end_matches(['\n', ' ', '\t']).to_string();
    out.push('\n');
    let out = out.trim_start_matches('\n').to_string();
    let out = strip_trailing_spaces(&out);
    if let Err(e) = out.parse::<toml::Table>() {
        return Err(EditError::Syntax(format!(
            "formatting would not give TOML ({}); file left alone",
            e.message()
        )));
    }
    Ok(out)
}

/// Every string value in NFC, in place (keys, comments and layout untouched).
fn nfc_values(item: &mut toml_edit::Item) {
    use toml_edit::{Item, Value};
    fn value(v: &mut Value) {
        match v {
            Value::String(s) => {
                let n = crate::text::nfc(s.value());
                if n != *s.value() {
                    let decor = s.decor().clone();
                    let mut f = toml_edit::Formatted::new(n);
                    *f.decor_mut() = decor;
                    *s = f;
                }
            }
            Value::Array(a) => a.iter_mut().for_each(value),
            Value::InlineTable(t) => t.iter_mut().for_each(|(_, v)| value(v)),
            _ => {}
        }
    }
    match item {
        Item::Value(v) => value(v),
        Item::Table(t) => t.iter_mut().for_each(|(_, i)| nfc_values(i)),
        Item::ArrayOfTables(a) => a
            .iter_mut()
            .for_each(|t| t.iter_mut().for_each(|(_, i)| nfc_values(i))),
        Item::None => {}
    }
}

/// Trailing spaces removed from every line, unless a line is inside a multi-line string (then
/// the spaces are text): checked by parsing both and comparing.
fn strip_trailing_spaces(text: &str) -> String {
    let stripped: String = text
        .split_inclusive('\n')
        .map(|l| {
            let (body, nl) = match l.strip_suffix('\n') {
                Some(b) => (b, "\n"),
                None => (l, ""),
            };
            format!("{}{nl}", body.trim_end_matches([' ', '\t']))
        })
        .collect();
    if stripped == text {
        return stripped;
    }
    let same = matches!(
        (
            text.parse::<toml::Table>(),
            stripped.parse::<toml::Table>()
        ),
        (Ok(a), Ok(b)) if a == b
    );
    if same { stripped } else { text.to_string() }
}

// ---------------------------------------------------------------------------------------------
// Writing.

/// An exclusive claim on editing one file: `.<name>.lock` beside it, created atomically, removed
/// on drop. A lock older than [`STALE_LOCK`] is left over from a killed process and is taken.
pub struct Lock {
    path: PathBuf,
}

pub const STALE_LOCK: Duration = Duration::from_secs(60);

/// Why a lock could not be had.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it (still held after waiting).
    Busy(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Busy(p) => write!(f, "`{}` is held by another tiendo", p.display()),
            LockError::Io(p, e) => write!(f, "failed to create `{}`: {e}", p.display()),
        }
    }
}

impl std::error::Error for LockError {}

pub fn lock_path(path: &Path) -> PathBuf {
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    dir.join(format!(".{name}.lock"))
}

impl Lock {
    /// Take the lock on `path`, waiting up to `wait` for another holder to finish.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Lock, LockError> {
        let lock = lock_path(path);
        let start = Instant::now();
        loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&lock)
            {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock { path: lock });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let stale = std::fs::metadata(&lock)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > STALE_LOCK);
                    if stale {
                        let _ = std::fs::remove_file(&lock);
                        continue;
                    }
                    if start.elapsed() >= wait {
                        return Err(LockError::Busy(lock));
                    }
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(e) => return Err(LockError::Io(lock, e)),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Write through a temporary file in the same folder, flushed, then renamed over the target:
/// readers see the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tiendo-{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable where the platform allows syncing a folder.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("failed to write `{}`", path.display()))
}

/// Where an output file (`export -o`, `report --out`) goes, decided from what is at the path
/// now. A regular file (or nothing) is replaced atomically through a temporary file with the
/// old file's mode; a device, FIFO or socket (`/dev/null`, a named pipe) is written through and
/// never replaced (`-o /dev/null` as root used to replace the system's `/dev/null`); a
/// symbolic link is written through when `follow_links`, else refused. `-` and the standard
/// output's own names mean standard output.
pub enum Output {
    Stdout,
    Replace {
        path: PathBuf,
        tmp: PathBuf,
        file: std::io::BufWriter<std::fs::File>,
    },
    Through {
        path: PathBuf,
        file: std::io::BufWriter<std::fs::File>,
    },
}

/// Why an output path is not written.
#[derive(Debug)]
pub struct OutputRefused {
    pub path: PathBuf,
    pub why: &'static str,
}

impl std::fmt::Display for OutputRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` {}; nothing written", self.path.display(), self.why)
    }
}

impl std::error::Error for OutputRefused {}

impl Output {
    pub fn open(path: &Path, follow_links: bool) -> Result<Output> {
        let s = path.as_os_str();
        if s == "-" || s == "/dev/stdout" || s == "/dev/fd/1" || s == "/proc/self/fd/1" {
            return Ok(Output::Stdout);
        }
        let shown = || path.display().to_string();
        let refuse = |why| {
            anyhow::Error::new(OutputRefused {
                path: path.to_path_buf(),
                why,
            })
        };
        let through = |create: bool| -> Result<Output> {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .create(create)
                .truncate(create)
                .open(path)
                .with_context(|| format!("failed to open `{}`", shown()))?;
            Ok(Output::Through {
                path: path.to_path_buf(),
                file: std::io::BufWriter::new(f),
            })
        };
        let meta = match std::fs::symlink_metadata(path) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| format!("failed to read `{}`", shown())),
        };
        match meta {
            Some(m) if m.file_type().is_symlink() => {
                if !follow_links {
                    return Err(refuse("is a symbolic link"));
                }
                match std::fs::metadata(path) {
                    Ok(t) if t.is_dir() => Err(refuse("is a folder")),
                    // Through the link, to whatever it names: the link stays a link.
                    Ok(t) if t.is_file() => through(true),
                    Ok(_) => through(false),
                    Err(_) => Err(refuse("is a symbolic link to nothing")),
                }
            }
            Some(m) if m.is_dir() => Err(refuse("is a folder")),
            Some(m) if !m.is_file() => through(false),
            m => {
                let tmp = temp_beside(path, b"", m.as_ref())?;
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&tmp)
                    .with_context(|| format!("failed to write `{}`", tmp.display()))?;
                Ok(Output::Replace {
                    path: path.to_path_buf(),
                    tmp,
                    file: std::io::BufWriter::new(f),
                })
            }
        }
    }

    /// The writer to render into (`out` for standard output).
    pub fn writer<'a>(&'a mut self, out: &'a mut dyn Write) -> &'a mut dyn Write {
        match self {
            Output::Stdout => out,
            Output::Replace { file, .. } | Output::Through { file, .. } => file,
        }
    }

    /// Flush, and for a replaced file rename it into place. The path written, if a file.
    pub fn finish(self, out: &mut dyn Write) -> Result<Option<PathBuf>> {
        match self {
            Output::Stdout => {
                out.flush()?;
                Ok(None)
            }
            Output::Through { path, mut file } => {
                file.flush()
                    .with_context(|| format!("failed to write `{}`", path.display()))?;
                Ok(Some(path))
            }
            Output::Replace { path, tmp, file } => {
                let r = (|| -> std::io::Result<()> {
                    let f = file.into_inner().map_err(|e| e.into_error())?;
                    f.sync_all()?;
                    std::fs::rename(&tmp, &path)
                })();
                if r.is_err() {
                    let _ = std::fs::remove_file(&tmp);
                }
                r.with_context(|| format!("failed to write `{}`", path.display()))?;
                sync_dir(&path);
                Ok(Some(path))
            }
        }
    }

    /// Give up: a temporary file is removed, the target left as it was.
    pub fn abandon(self) {
        if let Output::Replace { tmp, .. } = self {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Write `bytes` whole to an output path through [`Output`] (a regular file is replaced
/// atomically; see there for devices and links); `out` is standard output for `-`.
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    follow_links: bool,
    out: &mut dyn Write,
) -> Result<Option<PathBuf>> {
    let mut sink = Output::open(path, follow_links)?;
    if let Err(e) = sink.writer(out).write_all(bytes) {
        sink.abandon();
        return Err(e.into());
    }
    sink.finish(out)
}

/// The file changed on disk between reading and writing.
#[derive(Debug)]
pub struct ChangedOnDisk(pub PathBuf);

impl std::fmt::Display for ChangedOnDisk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` changed on disk since it was read; nothing written, run again",
            self.0.display()
        )
    }
}

impl std::error::Error for ChangedOnDisk {}

/// Write `new` over `path` only if it still holds `old` (no lost update), atomically, keeping
/// the file's mode, owner and group. `old = None` means the file must not exist yet.
///
/// The comparison and the replacement are one step another writer cannot slip into: the new
/// content is exchanged with the file (`renameat2(RENAME_EXCHANGE)` on Linux), then what was
/// swapped out is compared with `old`; on a mismatch (an editor saved in between) the exchange
/// is undone and the edit refused. A new file is linked in place, which fails if one appeared.
/// Where the exchange is not available, the file is compared just before a plain rename.
/// A symbolic link is never replaced.
pub fn write_checked(path: &Path, old: Option<&[u8]>, new: &[u8]) -> Result<()> {
    let shown = || path.display().to_string();
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("failed to read `{}`", shown())),
    };
    if let Some(m) = &meta {
        if m.file_type().is_symlink() {
            bail!("`{}` is a symbolic link; it is not replaced", shown());
        }
        if !m.is_file() {
            bail!("`{}` is not a regular file; it is not replaced", shown());
        }
    }
    let Some(old) = old else {
        if meta.is_some() {
            bail!(ChangedOnDisk(path.to_path_buf()));
        }
        let tmp = temp_beside(path, new, None)?;
        // A hard link never replaces: it fails if the name appeared meanwhile.
        let linked = std::fs::hard_link(&tmp, path);
        let _ = std::fs::remove_file(&tmp);
        return match linked {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                bail!(ChangedOnDisk(path.to_path_buf()))
            }
            Err(_) => {
                // Filesystems without hard links: create-new, then write.
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(path)
                    .map_err(|e| match e.kind() {
                        std::io::ErrorKind::AlreadyExists => {
                            anyhow::Error::new(ChangedOnDisk(path.to_path_buf()))
                        }
                        _ => {
                            anyhow::Error::new(e).context(format!("failed to write `{}`", shown()))
                        }
                    })?;
                f.write_all(new)
                    .and_then(|_| f.sync_all())
                    .with_context(|| format!("failed to write `{}`", shown()))
            }
        };
    };
    if meta.is_none() {
        bail!(ChangedOnDisk(path.to_path_buf()));
    }
    let tmp = temp_beside(path, new, meta.as_ref())?;
    // A cheap look first, so the exchange (whose content another program could read for the
    // instant before it is undone) is only tried when the file is still what was read.
    if std::fs::read(path).ok().as_deref() != Some(old) {
        let _ = std::fs::remove_file(&tmp);
        bail!(ChangedOnDisk(path.to_path_buf()));
    }
    match exchange(&tmp, path) {
        Ok(true) => {
            // `tmp` now holds what was at `path` a moment ago.
            let swapped = std::fs::read(&tmp).unwrap_or_default();
            if swapped != old {
                // Undo: put their save back. If a third save landed in between, it is in
                // `tmp` after this exchange; swap once more so the newest save is in place.
                let _ = exchange(&tmp, path);
                if std::fs::read(&tmp).ok().as_deref() != Some(new) {
                    let _ = exchange(&tmp, path);
                }
                let _ = std::fs::remove_file(&tmp);
                bail!(ChangedOnDisk(path.to_path_buf()));
            }
            let _ = std::fs::remove_file(&tmp);
            sync_dir(path);
            Ok(())
        }
        Ok(false) => {
            // No exchange on this platform or filesystem: compare, then rename at once.
            let now = std::fs::read(path).ok();
            if now.as_deref() != Some(old) {
                let _ = std::fs::remove_file(&tmp);
                bail!(ChangedOnDisk(path.to_path_buf()));
            }
            let r = std::fs::rename(&tmp, path);
            if r.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            r.with_context(|| format!("failed to write `{}`", shown()))?;
            sync_dir(path);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e).with_context(|| format!("failed to write `{}`", shown()))
        }
    }
}

/// A temporary file beside `path` holding `bytes`, flushed, with `like`'s mode, owner and
/// group when given (so an edit does not turn `660 :staff` into `644 root:root`).
fn temp_beside(path: &Path, bytes: &[u8], like: Option<&std::fs::Metadata>) -> Result<PathBuf> {
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut n = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.tiendo-{}-{n}.tmp", std::process::id()));
        let f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp);
        let mut f = match f {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => {
                n += 1;
                continue;
            }
            Err(e) => {
                return Err(e).with_context(|| format!("failed to create `{}`", tmp.display()));
            }
        };
        let r = (|| -> std::io::Result<()> {
            f.write_all(bytes)?;
            if let Some(m) = like {
                keep_owner(&f, m);
                f.set_permissions(m.permissions())?;
            }
            f.sync_all()
        })();
        if let Err(e) = r {
            let _ = std::fs::remove_file(&tmp);
            return Err(e).with_context(|| format!("failed to write `{}`", tmp.display()));
        }
        return Ok(tmp);
    }
}

#[cfg(unix)]
fn keep_owner(f: &std::fs::File, m: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Owner and group when allowed (root), else the group alone (a member may set it).
    if std::os::unix::fs::fchown(f, Some(m.uid()), Some(m.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(f, None, Some(m.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) {}

/// Exchange two paths atomically: `Ok(false)` when the platform or filesystem cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
    Ok(false)
}

fn sync_dir(path: &Path) {
    if let Ok(d) = std::fs::File::open(parent_dir(path)) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const TASK_TEXT: &str = "id = \"7.4\" # the id\ngroup = \"7\"\ntitle = \"T\"\nlead = [\"so-tttt\"]\ndeadline = \"Năm 2024\"\nstatus = 'doing' # still going\n\n[[milestone]]\ntitle = \"M\"\ndeadline = \"Quý II/2024\"\n";

    #[test]
    fn status_keeps_comment_and_quoting_and_done_on_follows_it() {
        let u = Update {
            status: Some(TaskStatus::Done),
            done_on: Some(d("2024-06-20")),
            ..Update::default()
        };
        let out = apply_update(TASK_TEXT, &u).unwrap();
        assert!(
            out.contains("status = 'done' # still going\ndone_on = 2024-06-20\n\n[[milestone]]"),
            "{out}"
        );
        assert!(out.starts_with("id = \"7.4\" # the id\n"));
    }

    #[test]
    fn progress_is_appended_at_the_end_in_key_order() {
        let u = Update {
            progress: Some(NewProgress {
                date: d("2024-06-14"),
                by: "so-tttt".into(),
                note: "Đã xong \"một\" phần".into(),
                percent: Some(60),
                indicator: Some("x".into()),
                value: Some(93.3),
                received: None,
            }),
            ..Update::default()
        };
        let out = apply_update(TASK_TEXT, &u).unwrap();
        let tail = "deadline = \"Quý II/2024\"\n\n[[progress]]\ndate = 2024-06-14\nby = \"so-tttt\"\nnote = 'Đã xong \"một\" phần'\npercent = 60\nindicator = \"x\"\nvalue = 93.3\n";
        assert!(out.ends_with(tail), "{out}");
        assert!(out.starts_with(&TASK_TEXT[..TASK_TEXT.len() - 1]));
    }

    #[test]
    fn milestone_done_and_missing_milestone() {
        let u = Update {
            milestone_done: Some((1, d("2024-06-20"))),
            ..Update::default()
        };
        let out = apply_update(TASK_TEXT, &u).unwrap();
        assert!(
            out.ends_with("deadline = \"Quý II/2024\"\ndone_on = 2024-06-20\n"),
            "{out}"
        );
        let u = Update {
            milestone_done: Some((3, d("2024-06-20"))),
            ..Update::default()
        };
        assert_eq!(
            apply_update(TASK_TEXT, &u),
            Err(EditError::NoMilestone {
                number: 3,
                count: 1
            })
        );
    }

    #[test]
    fn crlf_and_bom_survive_encoding() {
        let o = Original::from_bytes(b"\xEF\xBB\xBFa = 1\r\nb = 2\r\n".to_vec(), "x").unwrap();
        assert!(o.bom && o.crlf);
        assert_eq!(o.text, "a = 1\nb = 2\n");
        assert_eq!(
            o.encode("a = 1\nb = 3\n"),
            b"\xEF\xBB\xBFa = 1\r\nb = 3\r\n"
        );
    }

    #[test]
    fn format_orders_keys_and_tables_and_keeps_comments() {
        let messy = "  # about status\nstatus = \"todo\"   \nid = \"1.1\"\n\n\n[[progress]]\ndate = \"2024-05-01\"\nnote = \"n\"\nby = \"a\"\n# the source\n[source]\nbody = \"b\"\ndocument = \"d\"  # doc\n[[milestone]]\ntitle = \"m\"\ndeadline = \"x\"\ngroup = \"1\"\n";
        let out = format(messy, FileKind::Task).unwrap();
        // `group` was under [[milestone]]; it stays there (moving it would change meaning).
        assert_eq!(
            out,
            "id = \"1.1\"\n# about status\nstatus = \"todo\"\n\n# the source\n[source]\ndocument = \"d\" # doc\nbody = \"b\"\n\n[[milestone]]\ntitle = \"m\"\ndeadline = \"x\"\ngroup = \"1\"\n\n[[progress]]\ndate = 2024-05-01\nby = \"a\"\nnote = \"n\"\n"
        );
        assert_eq!(format(&out, FileKind::Task).unwrap(), out);
    }

    #[test]
    fn format_wraps_long_arrays_and_joins_short_ones() {
        let text = "lead = [\n  \"a\",\n  \"b\",\n]\nnotes = [\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"]\n";
        let out = format(text, FileKind::Task).unwrap();
        assert_eq!(
            out,
            "lead = [\"a\", \"b\"]\nnotes = [\n  \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\n  \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\n]\n"
        );
    }

    #[test]
    fn format_normalizes_to_nfc() {
        let nfd = "title = \"Vie\u{0302}\u{0323}t\"\n";
        assert_eq!(format(nfd, FileKind::Task).unwrap(), "title = \"Việt\"\n");
    }

    #[test]
    fn new_task_is_canonical() {
        let t = new_task(&NewTask {
            id: "9.1.14".into(),
            group: "9.1".into(),
            title: "Làm việc".into(),
            lead: vec!["ca-tinh".into()],
            support: vec![],
            deadline: "Quý IV/2024".into(),
            added: None,
        });
        assert_eq!(
            t,
            "id = \"9.1.14\"\ngroup = \"9.1\"\ntitle = \"Làm việc\"\nlead = [\"ca-tinh\"]\ndeadline = \"Quý IV/2024\"\nstatus = \"todo\"\n"
        );
        assert_eq!(format(&t, FileKind::Task).unwrap(), t);
    }
}
