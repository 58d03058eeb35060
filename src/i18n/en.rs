//! English: every user-facing string of tiendo in English (`--lang en`).

use chrono::NaiveDate;

use super::{EditMsg, Everyday, HistoryTexts, Label, RateBase, ReportTexts, Tr};
use super::{Ws, WsCol};
use crate::model::deadline::{Deadline, DeadlineError};
use crate::model::plan::{TaskStatus, UnitKind};
use crate::model::problem::{Encoding, Item, Problem, ProblemKind};
use crate::model::status::Category;

pub struct En;

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Tr for En {
    fn label(&self, l: Label) -> &'static str {
        use Label::*;
        match l {
            Id => "ID",
            Title => "Task",
            Group => "Group",
            Lead => "Lead",
            Support => "Support",
            Deadline => "Deadline",
            Due => "Due",
            Status => "Status",
            Category => "Standing",
            DaysOverdue => "Days overdue",
            DueSoon => "due soon",
            Unit => "Unit",
            Name => "Name",
            Kind => "Kind",
            Led => "Leads",
            Supported => "Supports",
            Ended => "Ended",
            Successors => "Successors",
            Aliases => "Aliases",
            Members => "Members",
            Total => "Total",
            Date => "Date",
            By => "Reported by",
            Note => "Note",
            Percent => "Progress",
            Indicator => "Indicator",
            Target => "Target",
            Latest => "Latest value",
            Met => "Met",
            NotMet => "Not met",
            Unknown => "Unknown",
            Milestones => "Milestones",
            Indicators => "Indicators",
            Progress => "Progress",
            Notes => "Notes",
            Source => "Source",
            None => "(none)",
            Tasks => "Tasks",
            Rate => "Completion rate",
            Overall => "Overall",
            FocusTasks => "Focus tasks",
            GroupTasks => "Group tasks",
            Dropped => "Dropped",
            Baseline => "Baseline",
            Value => "Value",
            Plan => "Plan",
            Line => "line",
            File => "File",
            Done => "Done",
        }
    }

    fn category(&self, c: Category) -> &'static str {
        match c {
            Category::DoneOnTime => "Done on time",
            Category::DoneLate => "Done late",
            Category::InProgress => "In progress",
            Category::Overdue => "Overdue",
            Category::Ongoing => "Ongoing",
            Category::NoDate => "On request / roadmap",
            Category::CarriedOver => "Not finished — carried over to the next plan",
            Category::Dropped => "Dropped",
        }
    }

    fn task_status(&self, s: TaskStatus) -> &'static str {
        match s {
            TaskStatus::Todo => "not started",
            TaskStatus::Doing => "in progress",
            TaskStatus::Done => "done",
            TaskStatus::Dropped => "dropped",
        }
    }

    fn unit_kind(&self, k: UnitKind) -> &'static str {
        match k {
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

    fn deadline_kind(&self, d: Option<Deadline>) -> &'static str {
        match d {
            Some(Deadline::Due(_)) => "dated",
            Some(Deadline::DueThenOngoing(_)) => "dated, then ongoing",
            Some(Deadline::Ongoing) => "ongoing",
            Some(Deadline::OnRequest) => "on request",
            Some(Deadline::Roadmap) => "follows a roadmap",
            None => "unreadable",
        }
    }

    fn deadline_error(&self, e: &DeadlineError) -> String {
        match e {
            DeadlineError::Empty => "the deadline is empty".to_string(),
            DeadlineError::InvalidDate { text } => {
                format!("`{text}` is not a real day, month or quarter")
            }
            DeadlineError::Unrecognized => {
                "this way of writing a deadline is not recognised".to_string()
            }
        }
    }

    fn problem(&self, p: &Problem) -> (String, Option<String>) {
        use ProblemKind::*;
        let s = |m: &str| m.to_string();
        match &p.kind {
            Io { detail } => (format!("cannot read the file: {detail}"), None),
            MissingFile => (
                s("this file is missing"),
                Some(s("see docs/format.md for what it holds")),
            ),
            TooLarge { bytes, limit } => (
                format!("file too large ({bytes} bytes, limit {limit}); this is not a task file"),
                None,
            ),
            Symlink => (
                s("symbolic link ignored"),
                Some(s("copy the real file into the plan folder")),
            ),
            NotUtf8 { guess } => match guess {
                Encoding::Utf16 => (
                    s("the file is saved as UTF-16, not UTF-8"),
                    Some(s("open the file and save it as UTF-8")),
                ),
                Encoding::LegacyVietnamese => (
                    s(
                        "the file is not UTF-8; it may be saved in the TCVN3 (ABC) or Windows-1258 code page",
                    ),
                    Some(s(
                        "convert it to Unicode UTF-8 (e.g. Unikey's converter) and save again",
                    )),
                ),
                Encoding::Unknown => (
                    s("the file is not UTF-8"),
                    Some(s("save the file as UTF-8")),
                ),
            },
            NotNfc => (
                s("text is not in Unicode NFC (decomposed Vietnamese marks)"),
                Some(s("run `tiendo fmt` to normalise")),
            ),
            ConflictMarker => (
                s("git merge-conflict markers left in the file (<<<<<<<, =======, >>>>>>>)"),
                Some(s(
                    "keep the right lines, delete the markers, then `git add` the file; or enable `tiendo merge-driver` (see README)",
                )),
            ),
            Syntax { detail } => (format!("TOML syntax error: {detail}"), None),
            UnknownKey { key, suggestion } => (
                format!("unknown key `{key}`"),
                Some(match suggestion {
                    Some(sug) => format!("did you mean `{sug}`?"),
                    None => s("see the valid keys in docs/format.md"),
                }),
            ),
            MissingKey { key } => (format!("missing required key `{key}`"), None),
            TomlMistake {
                mistake,
                key,
                found,
                ..
            } => super::everyday::toml_mistake(super::Lang::En, *mistake, key, found),
            BadValue { detail } => (format!("invalid value: {detail}"), None),
            PlanEndedOpen { end } => (self.timely(&super::Timely::EndedOpen { end: *end }), None),
            UnknownLinkedTask { id } => (
                format!("linked task (`same_as`/`overlaps`) does not exist: `{id}`"),
                Some(s("`tiendo list` lists every id")),
            ),
            ReceivedBeforeDate => (
                s("received (`received`) before the day it refers to (`date`)"),
                Some(s(
                    "drop `received` when the report arrived on the day it refers to",
                )),
            ),
            NoTasks => (
                s("the plan has no tasks yet"),
                Some(s("create one with `tiendo new`")),
            ),
            DuplicateTaskId { id, other } => {
                (format!("task id `{id}` is also used by {other}"), None)
            }
            IdFileMismatch { id, stem } => (
                format!("id `{id}` differs from the file name `{stem}.toml`"),
                Some(format!("rename the file to `{id}.toml` or fix the id")),
            ),
            UnsafeId { id, why } => (
                format!(
                    "id `{id}` cannot be a file name: {}",
                    match why {
                        crate::model::id::UnsafeId::Empty => s("empty"),
                        crate::model::id::UnsafeId::TooLong => s("too long"),
                        crate::model::id::UnsafeId::BadChar(c) => format!("contains `{c}`"),
                        crate::model::id::UnsafeId::DotPath => s("leading, trailing or double dot"),
                        crate::model::id::UnsafeId::Reserved => s("a name Windows reserves"),
                    }
                ),
                Some(s("use letters, digits, `.`, `-`, `_` only, e.g. `9.1.13`")),
            ),
            IdOutsideGroup { id, group } => (
                format!("id `{id}` does not start with its group `{group}.`"),
                None,
            ),
            UnknownGroup { group, suggestion } => (
                format!("group `{group}` is not in plan.toml"),
                suggestion.as_ref().map(|g| format!("did you mean `{g}`?")),
            ),
            DuplicateGroup { group } => (format!("group `{group}` is declared twice"), None),
            GroupCount {
                group,
                declared,
                actual,
            } => (
                format!("group `{group}` has {actual} tasks, the plan states {declared}"),
                None,
            ),
            DuplicateUnit { id } => (format!("unit id `{id}` is declared twice"), None),
            BadUnitId { id } => (
                format!("invalid unit id `{id}`"),
                Some(s(
                    "use lowercase ASCII letters, digits and hyphens, e.g. `so-tai-chinh`",
                )),
            ),
            UnknownUnit { id, suggestions } => (
                format!("unknown unit `{id}`"),
                if suggestions.is_empty() {
                    Some(s("add the unit to units.toml, or see `tiendo units`"))
                } else {
                    Some(format!(
                        "did you mean {}?",
                        suggestions
                            .iter()
                            .map(|(i, n)| format!("`{i}` ({n})"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                },
            ),
            EmptyLead => (
                s("no lead unit"),
                Some(s("put at least one unit id in `lead`")),
            ),
            LeadAndSupport { unit } => (
                format!("`{unit}` is both lead and support"),
                Some(s("remove it from `support`")),
            ),
            DuplicateUnitRef { unit } => (format!("`{unit}` is listed twice"), None),
            UnitEnded {
                name,
                ended,
                successors,
                ..
            } => (
                format!("{name} ceased to exist on {}", self.date(*ended)),
                Some(format!("its tasks pass to {}", successors.join(", "))),
            ),
            EndedWithoutSuccessors { unit } => {
                (format!("`{unit}` has ended but names no successors"), None)
            }
            SuccessorsWithoutEnded { unit } => (
                format!("`{unit}` names successors but has no `ended` date"),
                None,
            ),
            AmbiguousSpelling { spelling, units } => (
                format!(
                    "the spelling `{spelling}` names several units: {}",
                    list(units)
                ),
                None,
            ),
            UnreadableDeadline { phrase, error } => (
                format!(
                    "cannot read the deadline \"{phrase}\": {}",
                    self.deadline_error(error)
                ),
                Some(s(
                    "write it like \"Tháng 5/2024\", \"Quý I/2024\", \"Trước ngày 05/3/2024\", \"Thực hiện thường xuyên\", or add `due = YYYY-MM-DD`",
                )),
            ),
            DueContradictsPhrase { due, derived } => (
                format!(
                    "`due` = {} differs from the date the phrase gives ({})",
                    self.date(*due),
                    self.date(*derived)
                ),
                None,
            ),
            DoneWithoutDoneOn => (
                s("status is `done` but `done_on` is missing"),
                Some(s("add `done_on = YYYY-MM-DD`")),
            ),
            DoneOnWithoutDone => (s("`done_on` is set but the status is not `done`"), None),
            DoneOnAfterAsOf { done_on, as_of } => (
                format!(
                    "done on {}, after the as-of date {}",
                    self.date(*done_on),
                    self.date(*as_of)
                ),
                None,
            ),
            ProgressAfterAsOf { date, as_of } => (
                format!(
                    "progress entry dated {}, after the as-of date {}",
                    self.date(*date),
                    self.date(*as_of)
                ),
                None,
            ),
            ProgressOutOfOrder { date, previous } => (
                format!(
                    "entry dated {} comes after one dated {}",
                    self.date(*date),
                    self.date(*previous)
                ),
                Some(s("keep [[progress]] entries in date order")),
            ),
            ProgressByOutsider { unit } => (
                format!("`{unit}` neither leads nor supports this task"),
                None,
            ),
            DuplicateProgress { id, first, second } => (
                format!("the same as progress entry {first} (recorded twice?)"),
                Some(format!(
                    "remove the extra one: `tiendo update {id} --remove {second}`"
                )),
            ),
            PercentOutOfRange { percent } => {
                (format!("progress {percent}% is outside 0–100"), None)
            }
            UnknownIndicator { name } => (
                format!("indicator `{name}` is not defined in this task"),
                None,
            ),
            ValueWithoutIndicator => (s("`value` without `indicator`"), None),
            IndicatorWithoutValue => (s("`indicator` without `value`"), None),
            DuplicateIndicator { name } => (format!("indicator `{name}` is declared twice"), None),
            // Dated amendments (issues 14, 15).
            AmendmentWithoutBasis => (
                s("amendment without `basis` (the document it rests on)"),
                Some(s(
                    "give the document's number and date, e.g. basis = \"Công văn số 123/UBND-KT ngày 18/6/2024\"; when the number is unknown say so and set unverified = true",
                )),
            ),
            AmendmentToWithoutFrom => (
                s("amendment has `to` but no `from` (the unit handing over)"),
                None,
            ),
            AmendmentFromWithoutTo => (
                s("amendment has `from` but no `to` (the units taking over)"),
                None,
            ),
            AmendmentEmpty => (
                s("amendment changes nothing"),
                Some(s(
                    "give at least one of: from+to, lead, support, deadline, due, title, indicator+target",
                )),
            ),
            AmendmentMilestoneOutOfRange { number, count } => (
                format!("amendment to milestone {number}, but the task has {count} milestones"),
                None,
            ),
            AmendmentTargetWithoutIndicator => (
                s("amendment has `target`/`target_value` but no `indicator`"),
                None,
            ),
            UnitSplit {
                name,
                ended,
                candidates,
                ..
            } => (
                format!(
                    "{name} ended on {} and its work was split; this task does not say who takes it over",
                    self.date(*ended)
                ),
                Some(format!(
                    "add an [[amendment]] with from, to and basis; candidates: {}",
                    candidates
                        .iter()
                        .map(|(l, f)| match f {
                            Some(f) => format!("{l} ({f})"),
                            None => l.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                )),
            ),
            ProgressByEndedUnit {
                name,
                ended,
                carriers,
                ..
            } => (
                format!(
                    "progress entry by {name}, which ended on {}",
                    self.date(*ended)
                ),
                Some(format!(
                    "on that day the task was carried by {}",
                    carriers.join(", ")
                )),
            ),
            HandoverFromStranger { unit } => (
                format!(
                    "handover from `{unit}`, but on that day `{unit}` neither leads nor supports this task"
                ),
                None,
            ),
            // --- issue 12: hostile input, round two ---
            BadFileName => (
                s(
                    "a file name a task file cannot have (a control character, a line break or a backslash): not loaded",
                ),
                Some(s("rename the file to the task id plus `.toml`")),
            ),
            NotRegularFile => (
                s("not a regular file (a FIFO, device or socket): not read"),
                Some(s("replace it with an ordinary file")),
            ),
            UnitCycle { unit, field, path } => (
                format!(
                    "`{unit}` leads back to itself through `{field}`: {path}",
                    path = path.join(" → ")
                ),
                Some(s(
                    "a unit cannot follow or contain itself; remove one link of the cycle",
                )),
            ),
            GroupCycle { group } => (
                format!("group `{group}` is its own ancestor through `parent`"),
                Some(s("give the group a parent that is not below it")),
            ),
            // ---- issue 16: links between plans
            CarryLinkBroken { link } => (
                format!("link `{link}` points at no task of the workspace's plans"),
                Some(s(
                    "write `NAME:ID`, e.g. `kh594:7.4`; `tiendo plans` lists the plans' names",
                )),
            ),
            CarriedTwice { link, by } => (
                format!("task `{link}` is carried over twice: {}", by.join(", ")),
                Some(s("keep one continuing task and remove the others")),
            ),
            CarryNotMarked { by } => (
                format!("the plan is closed but this task is not marked as carried over to `{by}`"),
                Some(format!(
                    "add `carried_to = \"{by}\"` (or run `tiendo carry-over`)"
                )),
            ),
            CarryLinkMismatch { link, back } => (
                match back {
                    Some(b) => format!("link `{link}` does not match: the other end says `{b}`"),
                    None => format!(
                        "link `{link}` does not match: the other end does not point back here"
                    ),
                },
                None,
            ),
            CarriedWithoutDeadline { from } => (
                format!("task carried over from `{from}` has no new deadline yet"),
                Some(s("the secretariat sets `deadline` (e.g. \"Quý II/2025\")")),
            ),
        }
    }

    fn item(&self, i: Item) -> String {
        match i {
            Item::Milestone(n) => format!("milestone {n}"),
            Item::Progress(n) => format!("progress entry {n}"),
            Item::Indicator(n) => format!("indicator {n}"),
            Item::Amendment(n) => format!("amendment {n}"),
        }
    }

    fn severity(&self, error: bool) -> &'static str {
        if error { "error" } else { "warning" }
    }

    fn help_word(&self) -> &'static str {
        "help:"
    }

    fn check_summary(
        &self,
        errors: usize,
        warnings: usize,
        bad_files: usize,
        files: usize,
    ) -> String {
        let n = |k: usize, word: &str| {
            if k == 1 {
                format!("{k} {word}")
            } else {
                format!("{k} {word}s")
            }
        };
        format!(
            "{}, {} in {bad_files} of {}",
            n(errors, "error"),
            n(warnings, "warning"),
            n(files, "file")
        )
    }

    fn plan_has_errors(&self, errors: usize) -> String {
        let s = if errors == 1 { "" } else { "s" };
        format!("the plan has {errors} error{s}; run `tiendo check` for details")
    }

    fn date(&self, d: NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }

    fn rate(&self, done: usize, denominator: usize, of_what: RateBase) -> String {
        let base = match of_what {
            RateBase::CameDue => "tasks that have come due",
            RateBase::All => "dated tasks",
        };
        if denominator == 0 {
            format!("0/0 {base}")
        } else {
            let pct = done as f64 * 100.0 / denominator as f64;
            format!("{done}/{denominator} {base} ({}%)", self.number(pct))
        }
    }

    fn number(&self, x: f64) -> String {
        format!("{x:.1}")
    }

    fn no_tasks_match(&self) -> &'static str {
        "No task matches."
    }

    fn lookup(&self, l: &super::Lookup) -> String {
        use super::Lookup::*;
        match l {
            UnknownTask { id, near } if near.is_empty() => {
                format!("no task `{id}`; `tiendo list` shows all ids")
            }
            UnknownTask { id, near } => {
                format!("no task `{id}`; did you mean: {}?", near.join(", "))
            }
            UnknownGroup { group, all } => {
                format!("unknown group `{group}`; groups are: {}", all.join(", "))
            }
            UnknownUnit { arg, near } if near.is_empty() => {
                format!("unknown unit `{arg}`; `tiendo units` lists them all")
            }
            UnknownUnit { arg, near } => {
                format!("unknown unit `{arg}`; did you mean: {}?", near.join(", "))
            }
            NotAFolder { path } => format!(
                "plan folder `{path}` does not exist or is not a folder; check --plan or TIENDO_PLAN"
            ),
            NoPlanFolder { cwd } => format!(
                "no `plan/plan.toml` in `{cwd}` or any parent folder; run inside a plan repository or pass --plan DIR"
            ),
            AmbiguousUnit { arg, candidates } => {
                format!(
                    "`{arg}` matches several units: {}; use a unit id",
                    candidates.join("; ")
                )
            }
        }
    }

    fn unavailable(&self, u: &crate::git::Unavailable) -> String {
        format!("cannot read the history: {u}")
    }

    fn report(&self) -> &'static ReportTexts {
        &REPORT
    }

    fn history(&self) -> &'static HistoryTexts {
        &HISTORY
    }

    fn edit(&self, m: &EditMsg<'_>) -> String {
        use EditMsg::*;
        match m {
            CommitProgress { id, unit, date } => format!("{id}: {unit} reported progress {date}"),
            CommitDone { id, date } => format!("{id}: done {date}"),
            CommitStatus { id, status } => format!("{id}: status set to \"{status}\""),
            CommitMilestone { id, number, date } => {
                format!("{id}: milestone {number} done {date}")
            }
            CommitNew { id } => format!("{id}: new task"),
            Wrote { path } => format!("wrote `{path}`"),
            Committed { path } => format!("committed `{path}`"),
            Refused { path, errors } => format!(
                "`{path}` not written: the edit would give the task {errors} new error(s):"
            ),
            UnknownTask { id, near: "" } => {
                format!("no task `{id}`; `tiendo list` shows all ids")
            }
            UnknownTask { id, near } => format!("no task `{id}`; did you mean: {near}"),
            NothingToDo => "nothing to update: give --note (with --by), --percent, --indicator/--value, --status or --milestone".to_string(),
            ProgressNeedsByAndNote => {
                "a progress entry needs both --by (the reporting unit) and --note".to_string()
            }
            DoneNeedsDate => {
                "--status done needs the completion day: --done-on DATE (or --date DATE)".to_string()
            }
            DoneOnNeedsDone => "--done-on goes with --status done or --milestone N".to_string(),
            ChangedOnDisk { path } => format!(
                "`{path}` changed on disk since it was read; nothing written, run the command again"
            ),
            Locked { path } => format!(
                "`{path}` is being edited by another tiendo; try again later (a lock file older than 60 s counts as abandoned)"
            ),
            NotGitRepo { dir } => format!(
                "`{dir}` is not in a git repository, so --commit cannot work; drop --commit or run `git init`"
            ),
            TaskExists { id, path } => format!("task `{id}` already exists: `{path}`"),
            BadNewTask { why } => format!("cannot create the task: {why}"),
            NotFormatted { files } => {
                format!("{files} file(s) not in canonical form; run `tiendo fmt` to fix")
            }
            Formatted { files } => format!("reformatted {files} file(s)"),
            CannotFormat { path, why: "" } => {
                format!("`{path}` not formatted: file left as it is; fix the problem above and run again")
            }
            CannotFormat { path, why } => format!("cannot format `{path}`: {why}"),
        }
    }

    fn import_msg(&self, m: &super::ImportMsg<'_>) -> String {
        use super::ImportMsg::*;
        match m {
            NotUtf8 { path } => format!(
                "`{path}` is not UTF-8 text; save the table as \"CSV UTF-8\" or Unicode text (TSV)"
            ),
            NoRows { path } => format!("`{path}` has no task rows"),
            Unreadable { stt } => format!(
                "cannot read the row with STT `{stt}` (expected a number, a group I, II…, a sub-group (1), (2)…, or empty on a continuation row)"
            ),
            NoGroup { stt } => format!("row STT `{stt}` comes before any group heading (I, II…)"),
            NothingToContinue => "a continuation row (empty STT) with no task before it".to_string(),
            UnknownGroup { group, all } => {
                format!("no group `{group}` in plan.toml; the groups are: {all}")
            }
            DuplicateRow { id, first_line } => {
                format!("task `{id}` appears twice (first on line {first_line})")
            }
            TaskExists { id, path } => format!("task `{id}` already exists: `{path}`"),
            NoLead { id } => format!("task `{id}` has no lead unit"),
            UnknownSpelling {
                spelling,
                lines,
                near: "",
            } => format!(
                "no unit is called `{spelling}` (line {lines}); add the spelling to the right unit's `aliases` in units.toml"
            ),
            UnknownSpelling { spelling, lines, near } => format!(
                "no unit is called `{spelling}` (line {lines}); nearest: {near}; if it is one of them, add the spelling to its `aliases` in units.toml"
            ),
            AmbiguousSpelling { spelling, units } => {
                format!("`{spelling}` matches several units: {units}; fix `aliases` in units.toml")
            }
            AllowNewUnitsHint => "help: if they are new units, run again with --allow-new-units to add them to units.toml".to_string(),
            NothingWritten { problems } => {
                format!("nothing written: {problems} problems to fix first")
            }
            NewUnit { id, name } => format!("add unit `{id}` ({name}), kind `other`"),
            WouldWrite { tasks, units } => format!(
                "would write {tasks} tasks and add {units} units (--dry-run: nothing written)"
            ),
            Imported { tasks, units } => format!("imported {tasks} tasks, added {units} units"),
        }
    }

    fn merge_conflicts(&self, path: &str, count: usize) -> String {
        format!(
            "{path}: {count} keys changed differently on both branches are left between conflict markers (<<<<<<< ours, =======, >>>>>>> theirs); both sides' progress entries are kept\n  help: keep the right value, delete the marker lines, run `tiendo check`, then `git add` the file"
        )
    }

    fn who(&self, m: &crate::i18n::WhoMsg<'_>) -> String {
        use crate::i18n::WhoMsg::*;
        match m {
            Grouped { count, tasks } => format!("{count} tasks: {tasks}"),
            GroupedHint => "`tiendo check --verbose` lists every location".to_string(),
            Acknowledged { count } => format!(
                "{count} warnings acknowledged in plan.toml ([[acknowledge]]); `--verbose` shows them"
            ),
            AmendmentsHeading => "Amendments".to_string(),
            Amendment {
                on,
                what,
                basis,
                unverified,
            } => format!(
                "from {on}: {what}, on the basis of {basis}{}",
                if *unverified { " (unverified)" } else { "" }
            ),
            Handover { from, to } => format!("handover {from} → {to}"),
            Lead { to } => format!("lead: {to}"),
            Support { to } => format!("support: {to}"),
            Deadline { to } => format!("deadline: {to}"),
            MilestoneDeadline { number, to } => format!("milestone {number} deadline: {to}"),
            Title { to } => format!("title: {to}"),
            Target { indicator, to } => format!("indicator {indicator}: {to}"),
            AmendmentNeedsOnAndBasis => {
                "an amendment needs --on DATE (the day it takes effect) and --basis \"the document\"".to_string()
            }
            HandoverNeedsTo => "--handover UNIT needs --to UNIT[,UNIT…]".to_string(),
            CommitAmendment { id, on } => format!("{id}: amendment from {on}"),
            HandedOver { count, list } => format!("Tasks handed over ({count}): {list}"),
            EditedInPlace { field } => format!(
                "the plan's own `{field}` edited in place; a change resting on a document belongs in an [[amendment]] (tiendo update … --on DATE --basis …)"
            ),
        }
    }

    fn merge_whole(&self, path: &str, why: crate::merge::Fallback) -> String {
        use crate::merge::Fallback::*;
        let why = match why {
            NotText => "a version is not UTF-8 text or already holds conflict markers",
            NotToml => "a version is not valid TOML",
            Shape => {
                "a key has a different shape on each side, or a list of milestones or indicators changed on both"
            }
            Layout => "the result could not be written keeping the file's layout",
            SameEntry => {
                "both branches corrected the same progress entry (same day, same unit) differently"
            }
        };
        format!(
            "{path}: could not merge key by key ({why}); the differing lines are left between conflict markers\n  help: keep the right lines, delete the marker lines, run `tiendo check`, then `git add` the file"
        )
    }

    fn timely(&self, m: &super::Timely<'_>) -> String {
        use super::Timely::*;
        use crate::report::Period;
        let d = |x: chrono::NaiveDate| self.date(x);
        match m {
            BasisLabel => "Judged from".into(),
            BasisCommit { commit, dirty: false } => {
                format!("the plan folder at commit `{commit}`")
            }
            BasisCommit { commit, dirty: true } => format!(
                "the plan folder at commit `{commit}`, with uncommitted changes"
            ),
            BasisRevision { rev, commit } => {
                format!("the plan in the repository at `{rev}` (commit `{commit}`)")
            }
            BasisNone => "the plan folder (not in a git repository)".into(),
            Closed { day } => format!(
                "the plan ended on {}; standings are as of that day",
                d(*day)
            ),
            IssuedHeading { number, date } => format!("no. {number} of {}", d(*date)),
            PeriodLabel => "Period".into(),
            PeriodName(p) => match p {
                Period::Month(m) => format!("{:02}/{}", m.month, m.year),
                Period::Quarter(y, q) => format!("Q{q} {y}"),
                Period::Half(y, 1) => format!("first half of {y}"),
                Period::Half(y, _) => format!("second half of {y}"),
                Period::Year(y) => format!("year {y}"),
                Period::Final => "closing tally".into(),
            },
            DistinctWork {
                tasks,
                distinct,
                links,
            } => format!(
                "The {tasks} tasks are {distinct} distinct pieces of work: {links} are the same work (listed twice in the plan; progress on either counts for both)."
            ),
            OverdueRule => "Overdue rule: an unfinished task counts as overdue when its own deadline or one of its milestones' has passed; each task counts once. Sections 1 and 4, `tiendo list --overdue` and `tiendo summary` use the same rule.".into(),
            DueBeforeNext { count, from } => format!(
                "Includes {count} item(s) due from {} (before the next period, not overdue on the report day).",
                d(*from)
            ),
            IndicatorDoneBelow => "Not met (task done)".into(),
            IndicatorDoneBelowNote => "\"Not met (task done)\": the task is recorded as done, but the indicator's latest value is below its target.".into(),
            IndicatorWording => "Indicator".into(),
            LateHeading => "Late returns".into(),
            LateNote => "Progress returns received in this period for days in an earlier one; the earlier report did not count them, so nothing is counted twice.".into(),
            NoLate => "No late returns.".into(),
            LateDate => "Refers to".into(),
            LateReceived => "Received".into(),
            NarrativeHeading { part } => match *part {
                "I.1" => "Direction and documents issued (part I.1)".into(),
                "II" => "Shortcomings and their causes (part II)".into(),
                _ => "Proposals (part IV)".into(),
            },
            NarrativePlaceholder { file, part } => format!(
                "_[Not written yet. The secretariat writes this part in `{file}`, under the heading `## {part}`.]_"
            ),
            FinalTally {
                on_time,
                late,
                unfinished,
                dropped,
            } => format!(
                "Final standing: {on_time} done on time, {late} done late, {unfinished} unfinished, {dropped} dropped."
            ),
            NoNextPeriod => "The closing tally has no next period.".into(),
            IssuedRefused { path, number, date } => format!(
                "not overwriting `{path}`: it is an issued report (no. {number} of {}); an issued report is a record, issue a new one to correct it",
                d(*date)
            ),
            IssuedSkipped { path, number, date } => format!(
                "skipping `{path}`: an issued report (no. {number} of {}), not compared with today's data",
                d(*date)
            ),
            AfterClosing { day } => format!(
                "the plan ended on {}; this period starts after that day. Use `tiendo report --final` for the closing tally",
                d(*day)
            ),
            NoPlanEnd => "plan.toml states no end for the plan (`period_end` or `closed_on`), so there is no closing tally".into(),
            ClosedOn { path, day } => format!("wrote the plan's closing day {} to `{path}`", d(*day)),
            CloseCommit { code, day } => format!("Close plan {code} on {}", d(*day)),
            AlreadyClosed { day } => format!("the plan was already closed on {}", d(*day)),
            IssuedEdited {
                path,
                number,
                date,
                commit,
            } => format!(
                "`{path}` is an issued report (no. {number} of {}) but commit {commit} changes it",
                d(*date)
            ),
            AmendedHeading => "Amendments in force from this period (by document):".into(),
            CommitsHeading => "Changes to the plan data (git history):".into(),
            AmendedWord => "amended".into(),
            CarriedFrom(link) => format!("continues {link}"),
            CarriedTo(link) => format!("carried over to {link}"),
            AmendmentText(a) => {
                use crate::report::AmendmentChange as C;
                let units = |u: &[crate::report::UnitName]| {
                    u.iter().map(|x| x.label.as_str()).collect::<Vec<_>>().join(", ")
                };
                let od = |x: &Option<chrono::NaiveDate>| x.map(d).unwrap_or_else(|| "—".into());
                let parts: Vec<String> = a
                    .changes
                    .iter()
                    .map(|c| match c {
                        C::Deadline { milestone, from, from_due, to, to_due } => format!(
                            "{}deadline \"{from}\" → \"{to}\" (due {} → {})",
                            milestone.map(|n| format!("milestone {n} ")).unwrap_or_default(),
                            od(from_due),
                            od(to_due)
                        ),
                        C::Units { role, from, to } => format!(
                            "{}: {} → {}",
                            match *role {
                                "lead" => "lead",
                                "support" => "support",
                                _ => "handover",
                            },
                            units(from),
                            units(to)
                        ),
                        C::Title { to } => format!("title → \"{to}\""),
                        C::Target { indicator, from, to } => {
                            format!("target of {indicator}: {from} → {to}")
                        }
                    })
                    .collect();
                let basis = match &a.basis {
                    Some(b) => format!(", under {b}"),
                    None => ", no basis recorded".into(),
                };
                let unverified = if a.unverified { " (unverified)" } else { "" };
                format!("{}{basis}{unverified}", parts.join("; "))
            }
            EndedOpen { end } => format!(
                "the plan's period ended on {} and the plan is still open: run `tiendo close --on DATE`, or carry its open work over to the next plan",
                d(*end)
            ),
        }
    }

    fn everyday(&self, m: &Everyday<'_>) -> String {
        everyday(m)
    }

    fn workspace(&self, m: &Ws<'_>) -> String {
        workspace(m)
    }
}

static REPORT: ReportTexts = ReportTexts {
    heading: "Progress report",
    plan: "Plan",
    month: "Report for",
    window: "Reporting window",
    as_of: "Standing as of",
    overview: "Overview",
    by_group: "By group",
    by_lead: "By lead unit",
    overdue: "Overdue",
    due_next: "Falling due next period",
    not_reported: "Units that did not report",
    indicators: "Indicators",
    progress: "Progress this period",
    changes: "Changes to the plan this period",
    appendix: "Appendix: tracking table",
    none_overdue: "No task is overdue.",
    none_due_next: "Nothing falls due next period.",
    all_reported: "Every unit has reported.",
    no_indicators: "The plan has no measurable indicators.",
    no_progress: "No progress entries this period.",
    no_history: "No git history (the plan folder is not in a git repository), so changes cannot be listed.",
    no_changes: "The plan did not change this period.",
    rate_note: "How the completion rate is computed: tasks done (on time or late) divided by tasks that have come due (done plus overdue); ongoing tasks, tasks with no date and tasks not yet due are not counted.",
    dropped_note: "Dropped tasks are listed apart and never counted as overdue.",
    generated_by: "Generated by tiendo from the plan data; do not edit by hand.",
    milestone: "milestone",
    carried_by: "carried by",
    missing_tasks: "Tasks without a report",
    not_reported_note: "Lead units with tasks in progress, ongoing or due that have no progress entry dated in the window.",
    units_reported: "units reported in the window",
    member_reported: "reported",
    member_silent: "not reported",
};

static HISTORY: HistoryTexts = HistoryTexts {
    added: "task added",
    removed: "task removed",
    renamed: "id changed",
    changed: "changed",
    progress_added: "progress entry added",
    progress_removed: "progress entry removed",
    progress_edited: "past progress entry edited",
    milestone_done: "milestone done",
    milestone_changed: "milestone changed",
    text_edited: "text edited",
    no_changes: "No changes.",
    flags: "Look closely",
    no_flags: "Nothing needs special attention.",
    flag_deadline_later: "deadline moved later",
    flag_lead_changed: "lead changed",
    flag_task_removed: "task removed",
    flag_id_changed: "task id changed",
    flag_status_backwards: "status went backwards",
    flag_done_without_progress: "done without a progress entry",
    flag_done_before_progress: "done_on before the last progress entry",
    flag_backdated: "done_on backdated by more than a window",
    flag_history_rewritten: "past progress entry edited or deleted",
    flag_unknown_unit: "unit not in the registry",
    review_heading: "Plan change review",
    diff_heading: "Plan changes",
    field_title: "text",
    field_group: "group",
    field_lead: "lead",
    field_support: "support",
    field_deadline: "deadline",
    field_due: "due",
    field_status: "status",
    field_done_on: "done on",
    field_notes: "notes edited",
    field_indicators: "indicators edited",
    field_source: "source edited",
    none: "none",
    no_commits: "No commit changed this task.",
    history_unavailable: "Git history is not available",
    range: "Comparing",
    working_tree: "working tree",
    base: "base",
    commits: "commits",
    // --- issue 12 ---
    frame_group: "group",
    frame_unit: "unit",
    flag_frame: "the plan's frame changed",
    flag_milestone_later: "a milestone's deadline moved later",
};

// ---- everyday use (issue 13) ----

fn everyday(m: &Everyday<'_>) -> String {
    use Everyday::*;
    match m {
        NoIssuedDate => "the plan has no issue date (`issued` in plan.toml); use `--as-of DATE` instead of `--as-issued`".to_string(),
        UnreadableTask { location, why } => format!(
            "note: {location}: task file cannot be read ({why}); that task is missing from what follows"
        ),
        TaskUnreadable { id, location, why } => format!(
            "task {id} has a file, but it cannot be read: {location}: {why}\n  help: fix the file (see `tiendo check`) and run again"
        ),
        AlreadyRecorded { id, number } => format!(
            "not written: task {id} already has this very entry (progress entry {number})\n  help: add `--again` if the unit really reported the same again"
        ),
        AmendNeedsField => "`--amend N` needs at least one field to change: --date, --by, --note, --percent, --indicator/--value".to_string(),
        NoMilestone { number, count } => {
            format!("the task has no milestone {number} (it has {count})")
        }
        NoProgress { number, count } => {
            format!("the task has no progress entry {number} (it has {count}; see `tiendo show ID`)")
        }
        CommitNeedsGit => "not written: `--commit` needs git, which is not installed (or not on PATH); no file was changed\n  help: install git, or leave out `--commit` to write the file only".to_string(),
        CommitNeedsIdentity => "not written: git does not know the committer's name and email, so it cannot commit; no file was changed\n  help: run `git config --global user.name \"Full Name\"` and `git config --global user.email \"name@example.org\"`, then run again".to_string(),
        CommitFailed { path, why } => format!("wrote `{path}` but could not commit it: {why}"),
        WriteFailed { path, why } => format!("failed to write `{path}`: {why}"),
        CannotEdit { path, why } => format!("cannot edit `{path}`: {why}"),
        ReadFailed { path, why } => format!("failed to read `{path}`: {why}"),
        CreateFailed { path, why } => format!("failed to create the folder `{path}`: {why}"),
        NoHistory { why } => match why {
            crate::git::Unavailable::NotARepo => "No git history (the plan folder is not in a git repository), so changes cannot be listed.".to_string(),
            crate::git::Unavailable::NoGit => "No git history (git is not installed, or not on PATH), so changes cannot be listed.".to_string(),
            crate::git::Unavailable::NoCommits => "No git history (the repository has no commits yet), so changes cannot be listed.".to_string(),
            crate::git::Unavailable::Shallow { since } => format!("Incomplete git history (a shallow clone, from {since} only), so changes cannot be listed; run `git fetch --unshallow`."),
        },
        CommitAmend { id, number } => format!("{id}: progress entry {number} corrected"),
        CommitRemove { id, number } => format!("{id}: progress entry {number} removed"),
        NewNeedsBasis { id, group, declared } => format!(
            "not written: the plan gives group {group} {declared} tasks; {id} is an added task and needs a basis\n  help: add `--basis \"Official letter no. … of …\"` (the document that adds the task)"
        ),
        NewAdded { id, group, declared } => format!(
            "warning: the plan gives group {group} {declared} tasks; {id} is recorded as an added task (an [[amendment]] with added = true), outside that count"
        ),
    }
}

// ---- several plans (issue 16) ----

fn workspace(m: &Ws<'_>) -> String {
    use Ws::*;
    match m {
        UnknownPlan { plan, plans } => {
            format!("no plan `{plan}`; the plans: {}", plans.join(", "))
        }
        UnknownTask { id } => format!("no task `{id}` in any plan"),
        AmbiguousId { id, candidates } => format!(
            "id `{id}` is in several plans: {}\n  help: write `NAME:ID`, e.g. `{}`",
            candidates.join(", "),
            candidates.first().map(String::as_str).unwrap_or("")
        ),
        PickOnePlan { plans } => format!(
            "this folder holds several plans ({}): choose one with `--in NAME`",
            plans.join(", ")
        ),
        Heading { name, code } => format!("== {name} · Plan {code} =="),
        Column(c) => match c {
            WsCol::Name => "Name",
            WsCol::Code => "Code",
            WsCol::Period => "Period",
            WsCol::State => "State",
            WsCol::Tasks => "Tasks",
            WsCol::Done => "Done",
            WsCol::Open => "Not done",
            WsCol::Overdue => "Overdue",
            WsCol::Carried => "Carried over",
        }
        .to_string(),
        Open => "open".to_string(),
        Closed { on } => format!("closed {on}"),
        Total => "All plans (a carried task counted once)".to_string(),
        CarriedFrom { link } => format!("Continues task: {link}"),
        CarriedTo { plan, link, on } => {
            format!("Not finished — carried over to plan {plan}: {link} (on {on})")
        }
        CarryLine { old, new, path } => format!("{old} → {new}  {path}"),
        CarryMarked { old, path } => format!("{old}: marked as carried over  {path}"),
        CarrySkipped { old, new } => format!("{old}: already carried over to {new}, skipped"),
        CarryDeclared {
            path,
            group,
            from,
            to,
        } => {
            format!("{path}: group {group} declares {from} → {to} tasks")
        }
        CarryDone { n, to, dry_run } => {
            if *dry_run {
                format!("would carry {n} tasks over to plan {to} (--dry-run: nothing written)")
            } else {
                format!("carried {n} tasks over to plan {to}")
            }
        }
        ReportOutOnePlan => "a report across plans is printed only; write files (--out) one plan at a time with `--in NAME`".to_string(),
        CarryIntoClosed { plan } => format!("plan {plan} is closed: it takes no carried tasks"),
        CarrySplit { new, unit, to } => format!("  {new}: `{unit}`'s work is split among {to} with no choice for this task, so all are written into the new task — review it"),
        CarrySamePlan => "--from and --to must name two different plans".to_string(),
        CarryNoGroup { plan } => format!("plan {plan} has no group to take carried tasks"),
        CarryCommit { n, from, to } => {
            format!("Carry {n} unfinished tasks over from plan {from} to {to}")
        }
        CarryNote {
            old,
            deadline,
            day,
            standing,
        } => format!(
            "Carried over from {old} (former deadline: \"{deadline}\"; standing on {day}: {standing})"
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Documents that leave the office (issue 17): tracking workbook, Word report, reminder letters,
// units' returns.

pub(super) static OFFICE: super::OfficeTexts = super::OfficeTexts {
    col_stt: "No.",
    col_id: "Id",
    col_content: "Task",
    col_lead: "Lead units",
    col_support: "Coordinating units",
    col_deadline: "Deadline (as written)",
    col_due: "Due date",
    col_status: "Standing",
    col_result: "Result",
    col_assessment: "Assessment",
    col_note: "Note",
    col_group: "Group",
    col_done_on: "Done on",
    col_days_late: "Days late",
    sheet_all: "All tasks",
    sheet_overdue: "Overdue",
    sheet_indicators: "Indicators",
    col_task: "Task",
    col_indicator: "Indicator",
    col_target: "Target",
    col_measure: "Unit of measure",
    col_value: "Value",
    col_date: "Figures as of",
    col_by: "Reported by",
    col_met: "Assessment",
    met: "Met",
    not_met: "Not met",
    no_value: "No figures yet",
    table_title: "TASK PROGRESS TRACKING TABLE",
    table_subtitle: "Plan {0} — standing as of {1}",
    overdue_days: "Overdue by {0} days",
    late_days: "Done {0} days late",
    on_time: "Done on time",
    due_soon: "Due soon",
    within_deadline: "Within deadline",
    ongoing: "Ongoing",
    no_date: "No date of its own",
    dropped: "Dropped",
    carried_over: "Not finished — carried over to the next plan",
    milestone: "Milestone {0} ({1}): {2}",
    carried_by: "Carried by: {0}",
    no_result: "Not reported",
    national: "SOCIALIST REPUBLIC OF VIET NAM",
    motto: "Independence - Freedom - Happiness",
    number: "No.:",
    date_line: "{0}, {1}/{2}/{3}",
    recipients: "Recipients:",
    archive: "Filed: {0}.",
    as_above: "As above",
    missing_setting: "[{0}: not set in plan.toml]",
    signer_name_placeholder: "[Signer's full name]",
    page: "Page",
    report_type: "REPORT",
    report_summary: "Results of implementing Plan {0}, {1}",
    report_intro: "Under Plan {0}, the provincial Project 06 working group reports the results for the period {1} to {2} (figures as of {3}):",
    sec_results: "I. RESULTS",
    sec_direction: "1. Direction and management",
    sec_tasks: "2. Tasks",
    sec_indicators: "3. Indicators",
    sec_shortcomings: "II. SHORTCOMINGS AND CAUSES",
    sec_next: "III. PRIORITIES FOR {0}",
    sec_proposals: "IV. PROPOSALS",
    narrative_placeholder: "[To be written by the secretariat]",
    counts_sentence: "{0}/{1} tasks that have come due are done ({2} tasks in all); {3} in progress within deadline; {4} overdue; {5} ongoing; {6} on request or following a roadmap.",
    focus: "Focus tasks",
    grouped: "Grouped tasks (appendix)",
    overdue_intro: "Overdue tasks and milestones ({0}):",
    none_overdue: "No task is overdue.",
    overdue_item: "{0} — {1} (lead: {2}; deadline: {3}; {4} days overdue);",
    due_next_intro: "Tasks and milestones due next period:",
    none_due_next: "Nothing falls due next period.",
    due_item: "{0} — {1} (lead: {2}; due {3});",
    not_reported_intro: "Units that have not reported this period:",
    all_reported: "Every lead unit has reported.",
    not_reported_item: "{0}: tasks {1};",
    indicator_item: "{0} — {1}: {2} (target {3}) — {4};",
    no_indicators: "No indicators are tracked.",
    progress_item: "On {0}, {1} reported on task {2}: {3}",
    no_progress: "No progress was recorded this period.",
    appendix: "APPENDIX",
    appendix_sub: "(Attached to Report {0} of {1})",
    notice_summary: "Reminder: implementing and reporting on Plan {0}, {1}",
    notice_to: "To:",
    notice_intro: "Following the progress of Plan {0} as of {1}, the provincial Project 06 working group asks your unit to attend to the following:",
    notice_overdue: "Tasks and milestones past their deadline and not done:",
    notice_due: "Tasks and milestones due next period:",
    notice_silent: "Tasks with no progress report this period:",
    notice_silent_item: "(reporting period {0} to {1})",
    notice_closing: "{0} is asked to carry out the tasks above and to send its report to the provincial Project 06 working group (through the provincial police) before {1}./.",
    notice_contact: "For details, contact the working group's standing body (the provincial police).",
    ret_sheet: "Return",
    ret_title: "PROGRESS RETURN FOR {0}",
    ret_unit: "Reporting unit",
    ret_month: "Month",
    ret_window: "Reporting period {0} to {1}; send before {2}.",
    ret_help: "Fill in the white columns only. Each row with content becomes one progress entry; indicator rows need only a value. Do not change the grey columns.",
    ret_role: "Role",
    ret_lead: "Lead",
    ret_support: "Coordinating",
    ret_date: "Figures as of",
    ret_note: "Result",
    ret_percent: "Percent done",
    ret_value: "Indicator value",
    ret_done_on: "Completed on",
    ret_document: "Document (number, date)",
    ret_difficulties: "Difficulties",
    ret_proposals: "Proposals",
    ret_note_document: "Document",
    ret_note_difficulties: "Difficulties",
    ret_note_proposals: "Proposals",
    ret_bad_percent: "percent `{0}` is not within 0–100",
    ret_bad_percent_hint: "write a whole number from 0 to 100, without the % sign",
    ret_bad_date: "`{0}` is not a date",
    ret_bad_date_hint: "write the day as dd/mm/yyyy or use an Excel date cell",
    ret_future: "day {0} is after the report day {1}",
    ret_future_hint: "figures are for days that have passed; check the year and month",
    ret_unknown_task: "no task `{0}` in the plan",
    ret_unknown_task_hint: "nearest ids: {0}",
    ret_not_involved: "{0} neither leads nor coordinates task {1}",
    ret_not_involved_hint: "report only the tasks in the unit's template (tiendo returns template)",
    ret_done_by_support: "{0} only coordinates task {1} and cannot report it done",
    ret_done_by_support_hint: "leave the completion date empty; the lead unit reports completion",
    ret_bad_number: "`{0}` is not a number",
    ret_bad_number_hint: "write a number, with a decimal comma or point",
    ret_no_note: "the row has figures but no result text",
    ret_no_note_hint: "summarise the result in the Result column",
    ret_unknown_indicator: "task {1} has no indicator `{0}`",
    ret_unknown_indicator_hint: "keep the indicator name from the template",
    ret_bad_unit: "unit `{0}` is not in the registry",
    ret_bad_unit_hint: "use the template tiendo returns template made for the unit",
    ret_not_a_return: "not a tiendo return (no unit cell or header row)",
    ret_not_a_return_hint: "make the sheet with tiendo returns template --unit … --month …",
    ret_refused_by_check: "refused by the plan's checks: {0}",
    ret_refused: "{0}: the whole sheet is refused, nothing written ({1} problems)",
    ret_would_add: "{0}: would add {1} progress entries by {2}",
    ret_added: "{0}: added {1} progress entries by {2}",
    ret_nothing_new: "{0}: nothing new — every entry in the sheet was recorded before",
    ret_already: "skipped {0} rows recorded before",
    ret_commit: "{0} progress return for {1} (sheet {2})",
    ret_committed: "committed: {0}",
    ret_wrote_template: "wrote the return {0} ({1} rows)",
    ret_no_rows: "{0} has no active task this month",
    notice_none: "No unit needs a reminder this month.",
    needs_output: "the {0} format is a binary file: give -o FILE (or --out DIR)",
    month_words: "{0}/{1}",
    part_a: "a) Focus tasks: ",
    part_b: "b) Grouped tasks (appendix): ",
    ret_state: "State of work",
    ret_states: ["In progress", "Done", "Not started", "Blocked"],
    ret_bad_state: "state `{0}` is not one of the drop-down's words",
    ret_done_needs_date: "\"Done\" is chosen but no completion date is given",
    ret_done_needs_date_hint: "give the completion date in the Completed on column (lead units only)",
    ret_empty: "{0}: no row of the sheet is filled in; nothing written",
};
