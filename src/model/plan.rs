//! The plan as the rest of tiendo sees it: plain, validated-by-type values built by `load`.
//!
//! These types carry the source location of the values that cross-file rules point at
//! (unit references, dates, ids), so `check` can say `file:line:col` without re-reading files.
//! They do not know how they were parsed (that is `load`) nor what is wrong with them (`check`).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::deadline::{self, Deadline, DeadlineError};

/// A 1-based line and column (in characters) in a file.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> Located<T> {
    pub fn new(value: T, pos: Pos) -> Self {
        Located { value, pos }
    }
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub meta: PlanMeta,
    pub units: Registry,
    /// Tasks sorted in plan order (see [`super::id::TaskKey`]).
    pub tasks: Vec<Task>,
}

impl Plan {
    /// The task with this id; `tt.6` finds `TT.6` when no task is spelled exactly so.
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id.value == id).or_else(|| {
            self.tasks
                .iter()
                .find(|t| t.id.value.eq_ignore_ascii_case(id))
        })
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PlanMeta {
    /// Display path of `plan.toml`.
    #[serde(skip)] // Not cached: it depends on how the plan folder was named.
    pub file: String,
    pub code: String,
    pub title: String,
    pub issued: Option<NaiveDate>,
    pub issuer: String,
    pub secretariat: Option<Located<String>>,
    pub report_day: u32,
    pub before_is_inclusive: bool,
    pub source: Option<String>,
    pub groups: Vec<Group>,
    /// The period the plan covers (`period_start` defaults to the day it was issued).
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    /// The day the plan was closed: views judge as of this day.
    pub closed_on: Option<NaiveDate>,
    /// Known warnings the secretariat has acknowledged (`[[acknowledge]]`).
    pub acknowledged: Vec<Acknowledgement>,
    /// `[document]`: header block, signature and recipients of outgoing documents.
    pub document: DocumentSettings,
}

/// A known finding the plan accepts, with its reason: `check` leaves matching warnings out of
/// its count (and `--strict`) until something new appears.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Acknowledgement {
    /// The rule's code, e.g. `unit-split`.
    pub rule: Located<String>,
    /// Only findings about this unit (id).
    pub unit: Option<Located<String>>,
    /// Only findings in these tasks (ids); empty: any task.
    pub tasks: Vec<String>,
    pub reason: String,
}

impl Default for Located<String> {
    fn default() -> Self {
        Located::new(String::new(), Pos::default())
    }
}

/// How the plan's outgoing documents are headed and signed (Nghị định 30/2020/NĐ-CP). A field
/// left out is printed as a visible placeholder, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocumentSettings {
    pub superior: Option<String>,
    pub issuer: Option<String>,
    pub issuer_code: Option<String>,
    pub place: Option<String>,
    pub signer_authority: Option<String>,
    pub signer_title: Option<String>,
    pub signer_name: Option<String>,
    pub recipients: Vec<String>,
    pub notice_recipients: Vec<String>,
    pub archive: Option<String>,
}

impl Default for PlanMeta {
    fn default() -> Self {
        PlanMeta {
            file: String::new(),
            code: String::new(),
            title: String::new(),
            issued: None,
            issuer: String::new(),
            secretariat: None,
            report_day: 15,
            before_is_inclusive: false,
            source: None,
            groups: Vec::new(),
            period_start: None,
            period_end: None,
            closed_on: None,
            acknowledged: Vec::new(),
            document: DocumentSettings::default(),
        }
    }
}

impl PlanMeta {
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id.value == id)
    }

    /// The group and every group below it, in plan order.
    pub fn group_and_descendants(&self, id: &str) -> Vec<&str> {
        let all = self.ancestries();
        self.groups
            .iter()
            .map(|g| g.id.value.as_str())
            .filter(|g| all.get(g).is_some_and(|a| a.contains(&id)))
            .collect()
    }

    /// A group id followed by its parents, outermost last (a cycle is cut where it closes;
    /// `check` reports it).
    pub fn ancestry<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let by_id: HashMap<&str, &Group> = self
            .groups
            .iter()
            .rev()
            .map(|g| (g.id.value.as_str(), g))
            .collect();
        ancestry_in(&by_id, id)
    }

    /// Every group's [`ancestry`](Self::ancestry), computed once: a report over a 500-deep
    /// chain of sub-groups asks for each group's chain many times, and walking it afresh
    /// each time made `summary` grow as n⁴.
    pub fn ancestries(&self) -> HashMap<&str, Vec<&str>> {
        let by_id: HashMap<&str, &Group> = self
            .groups
            .iter()
            .rev()
            .map(|g| (g.id.value.as_str(), g))
            .collect();
        self.groups
            .iter()
            .map(|g| (g.id.value.as_str(), ancestry_in(&by_id, &g.id.value)))
            .collect()
    }

    /// Depth of a group (0 for top level).
    pub fn depth(&self, id: &str) -> usize {
        self.ancestry(id).len() - 1
    }

    /// The first day of the plan's period: `period_start`, else the day it was issued.
    pub fn start(&self) -> Option<NaiveDate> {
        self.period_start.or(self.issued)
    }

    /// The day views judge a plan at when asked for `day`: the closing day once the plan is
    /// closed and `day` is later (`Some(closing day)` then), else `day` itself (`None`).
    pub fn closed_as_of(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.closed_on.filter(|c| *c < day)
    }

    pub fn read_deadline(&self, phrase: &str) -> Result<Deadline, DeadlineError> {
        deadline::parse(phrase, self.before_is_inclusive)
    }
}

/// The parent chain of `id` with a visited set: each group is visited once.
fn ancestry_in<'a>(by_id: &HashMap<&'a str, &'a Group>, id: &'a str) -> Vec<&'a str> {
    let mut out = vec![id];
    let mut seen: HashSet<&str> = HashSet::from([id]);
    let mut cur = by_id.get(id).and_then(|g| g.parent.as_ref());
    while let Some(p) = cur {
        if !seen.insert(p.value.as_str()) {
            break;
        }
        out.push(p.value.as_str());
        cur = by_id.get(p.value.as_str()).and_then(|g| g.parent.as_ref());
    }
    out
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Group {
    pub id: Located<String>,
    pub title: String,
    pub parent: Option<Located<String>>,
    pub declared: Option<u32>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum UnitKind {
    Department,
    Agency,
    Police,
    District,
    Commune,
    Enterprise,
    Bank,
    Media,
    Province,
    Collective,
    Other,
}

impl UnitKind {
    pub const ALL: [UnitKind; 11] = [
        UnitKind::Department,
        UnitKind::Agency,
        UnitKind::Police,
        UnitKind::District,
        UnitKind::Commune,
        UnitKind::Enterprise,
        UnitKind::Bank,
        UnitKind::Media,
        UnitKind::Province,
        UnitKind::Collective,
        UnitKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Department => "department",
            UnitKind::Agency => "agency",
            UnitKind::Police => "police",
            UnitKind::District => "district",
            UnitKind::Commune => "commune",
            UnitKind::Enterprise => "enterprise",
            UnitKind::Bank => "bank",
            UnitKind::Media => "media",
            UnitKind::Province => "province",
            UnitKind::Collective => "collective",
            UnitKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    pub id: Located<String>,
    pub name: String,
    pub short: Option<String>,
    pub aliases: Vec<String>,
    pub kind: UnitKind,
    pub members: Vec<Located<String>>,
    pub ended: Option<NaiveDate>,
    /// The day the unit came into being (None: before the plan); collectives count it as a
    /// member from that day.
    pub started: Option<NaiveDate>,
    pub successors: Vec<Located<String>>,
    /// What this unit took over from ended units (their functions), shown as `check`'s
    /// candidates when a task must choose among successors.
    pub took_over: Option<String>,
    pub note: Option<String>,
}

impl Unit {
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }

    pub fn ended_by(&self, date: NaiveDate) -> bool {
        self.ended.is_some_and(|e| e <= date)
    }
}

/// The units registry: ids in file order, with lookups by id and by any spelling.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// Display path of `units.toml`.
    pub file: String,
    pub units: Vec<Unit>,
    // Hash maps: only ever looked up, never iterated, so order cannot leak into output.
    by_id: HashMap<String, usize>,
    /// Folded spelling → unit indexes (several when a spelling is ambiguous).
    by_spelling: HashMap<String, Vec<usize>>,
}

impl Registry {
    pub fn new(file: String, units: Vec<Unit>) -> Self {
        let mut by_id = HashMap::new();
        let mut by_spelling: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            by_id.entry(u.id.value.clone()).or_insert(i);
            let spellings = [&u.id.value, &u.name]
                .into_iter()
                .chain(u.short.iter())
                .chain(u.aliases.iter());
            for s in spellings {
                let key = deadline::fold(s);
                let slot = by_spelling.entry(key).or_default();
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
        Registry {
            file,
            units,
            by_id,
            by_spelling,
        }
    }

    pub fn get(&self, id: &str) -> Option<&Unit> {
        self.by_id.get(id).map(|&i| &self.units[i])
    }

    /// Units whose id, name, short label or alias folds to the same text as `spelling`.
    pub fn by_spelling(&self, spelling: &str) -> Vec<&Unit> {
        self.by_spelling
            .get(&deadline::fold(spelling))
            .map(|ix| ix.iter().map(|&i| &self.units[i]).collect())
            .unwrap_or_default()
    }

    /// Label of a unit id, or the id itself when unknown.
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.get(id).map(Unit::label).unwrap_or(id)
    }

    /// Who carries a unit's tasks as of `date`: the unit itself, or (transitively) its
    /// successors. The walk keeps a visited set, so successors that name each other end it
    /// (a cycle is `check`'s finding, [`Registry::cycles`]); when every unit of a cycle has
    /// ended, the unit asked about carries its own tasks.
    pub fn carriers<'a>(&'a self, id: &'a str, date: NaiveDate) -> Vec<&'a str> {
        let mut out = vec![];
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack = vec![id];
        while let Some(cur) = stack.pop() {
            if !seen.insert(cur) {
                continue;
            }
            match self.get(cur) {
                Some(u) if u.ended_by(date) && !u.successors.is_empty() => {
                    // Reversed onto the stack so successors come out in file order.
                    stack.extend(u.successors.iter().rev().map(|s| s.value.as_str()));
                }
                _ => {
                    if !out.contains(&cur) {
                        out.push(cur);
                    }
                }
            }
        }
        if out.is_empty() {
            out.push(id);
        }
        out
    }

    /// Every unit that is `id` or a member of it (transitively), each once.
    pub fn expand<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let mut out = vec![];
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack = vec![id];
        while let Some(cur) = stack.pop() {
            if !seen.insert(cur) {
                continue;
            }
            match self.get(cur) {
                Some(u) => {
                    out.push(u.id.value.as_str());
                    stack.extend(u.members.iter().map(|m| m.value.as_str()));
                }
                None => out.push(cur),
            }
        }
        out
    }

    /// Cycles in `successors` and in `members`: for each unit on a cycle, the first cycle
    /// found through it, as the path from the unit back to itself. Linear in units and links
    /// (an iterative depth-first search with three colours).
    pub fn cycles(&self) -> Vec<(&Unit, &'static str, Vec<&str>)> {
        let mut out = vec![];
        for field in ["successors", "members"] {
            let links = |u: &Unit| -> Vec<usize> {
                let list = if field == "successors" {
                    &u.successors
                } else {
                    &u.members
                };
                list.iter()
                    .filter_map(|s| self.by_id.get(s.value.as_str()).copied())
                    .collect()
            };
            // 0 = not seen, 1 = on the current path, 2 = done.
            let mut colour = vec![0u8; self.units.len()];
            let mut reported = vec![false; self.units.len()];
            for start in 0..self.units.len() {
                if colour[start] != 0 {
                    continue;
                }
                let mut path: Vec<(usize, Vec<usize>, usize)> =
                    vec![(start, links(&self.units[start]), 0)];
                colour[start] = 1;
                while let Some((node, next, i)) = path.last_mut() {
                    if *i == next.len() {
                        colour[*node] = 2;
                        path.pop();
                        continue;
                    }
                    let n = next[*i];
                    *i += 1;
                    match colour[n] {
                        0 => {
                            colour[n] = 1;
                            let l = links(&self.units[n]);
                            path.push((n, l, 0));
                        }
                        1 if !reported[n] => {
                            // The path from n back to n.
                            let from = path.iter().position(|(p, _, _)| *p == n).unwrap_or(0);
                            let mut ids: Vec<&str> = path[from..]
                                .iter()
                                .map(|(p, _, _)| self.units[*p].id.value.as_str())
                                .collect();
                            ids.push(self.units[n].id.value.as_str());
                            for (p, _, _) in &path[from..] {
                                reported[*p] = true;
                            }
                            out.push((&self.units[n], field, ids));
                        }
                        _ => {}
                    }
                }
            }
        }
        out
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum TaskStatus {
    Todo,
    Doing,
    Done,
    Dropped,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] = [
        TaskStatus::Todo,
        TaskStatus::Doing,
        TaskStatus::Done,
        TaskStatus::Dropped,
    ];

    pub fn key(self) -> &'static str {
        match self {
            TaskStatus::Todo => "todo",
            TaskStatus::Doing => "doing",
            TaskStatus::Done => "done",
            TaskStatus::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<TaskStatus> {
        TaskStatus::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub document: Option<String>,
    pub body: Option<String>,
    pub body_line: Option<u32>,
    pub appendix: Option<String>,
    pub appendix_line: Option<u32>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Milestone {
    pub title: String,
    pub deadline: Located<String>,
    pub due: Option<Located<NaiveDate>>,
    pub done_on: Option<Located<NaiveDate>>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Indicator {
    pub name: Located<String>,
    /// The plan's wording of the indicator, when recorded.
    pub text: Option<String>,
    pub target: String,
    pub unit: Option<String>,
    pub target_value: Option<f64>,
    pub baseline: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    pub date: Located<NaiveDate>,
    pub by: Located<String>,
    pub note: String,
    pub percent: Option<u8>,
    pub indicator: Option<Located<String>>,
    pub value: Option<f64>,
    /// The day the secretariat received it (None: the day it refers to).
    pub received: Option<Located<NaiveDate>>,
}

impl Progress {
    /// The day the report was known to the secretariat.
    pub fn known_on(&self) -> NaiveDate {
        self.received.as_ref().map_or(self.date.value, |r| r.value)
    }

    /// Known to the secretariat on or before `day`.
    pub fn known_by(&self, day: NaiveDate) -> bool {
        self.known_on() <= day
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Task {
    /// Display path of the task file.
    #[serde(skip)] // Not cached: it depends on how the plan folder was named.
    pub file: String,
    pub id: Located<String>,
    pub group: Located<String>,
    pub title: String,
    pub lead: Vec<Located<String>>,
    pub lead_pos: Pos,
    pub support: Vec<Located<String>>,
    pub deadline: Located<String>,
    pub due: Option<Located<NaiveDate>>,
    pub status: Located<TaskStatus>,
    pub done_on: Option<Located<NaiveDate>>,
    pub notes: Vec<String>,
    /// The task that is the same piece of work (listed twice in the plan).
    pub same_as: Option<Located<String>>,
    /// Tasks whose work overlaps this one's.
    pub overlaps: Vec<Located<String>>,
    pub source: Option<Source>,
    pub milestones: Vec<Milestone>,
    pub indicators: Vec<Indicator>,
    pub progress: Vec<Progress>,
    /// Dated changes to the plan's values (see [`super::amendment`]), in file order.
    pub amendments: Vec<super::amendment::Amendment>,
}

impl Task {
    /// Added to the plan by an amendment (`added = true`), not one of the tasks it declared.
    pub fn is_added(&self) -> bool {
        self.amendments.iter().any(|a| a.added)
    }

    pub fn lead_ids(&self) -> impl Iterator<Item = &str> {
        self.lead.iter().map(|u| u.value.as_str())
    }

    pub fn support_ids(&self) -> impl Iterator<Item = &str> {
        self.support.iter().map(|u| u.value.as_str())
    }

    /// The latest progress entry for an indicator dated on or before `as_of` (and known by then).
    pub fn latest_value(&self, indicator: &str, as_of: NaiveDate) -> Option<&Progress> {
        self.progress
            .iter()
            .filter(|p| p.date.value <= as_of && p.known_by(as_of) && p.value.is_some())
            .filter(|p| p.indicator.as_ref().is_some_and(|i| i.value == indicator))
            .max_by_key(|p| p.date.value)
    }
}
