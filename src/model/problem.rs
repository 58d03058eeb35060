//! Findings as values: what is wrong with a plan, and where. Wording lives in `i18n`.

use chrono::NaiveDate;

use super::deadline::DeadlineError;
use super::id::UnsafeId;
use super::plan::Pos;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Which part of a task a problem is about, when it is not the task itself.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Item {
    /// 1-based milestone number.
    Milestone(usize),
    /// 1-based progress entry number.
    Progress(usize),
    /// 1-based indicator number.
    Indicator(usize),
    /// 1-based amendment number (file order).
    Amendment(usize),
}

/// Guess at what a file that is not UTF-8 is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    Utf16,
    /// Looks like an 8-bit Vietnamese code page (TCVN3 / Windows-1258).
    LegacyVietnamese,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ProblemKind {
    Io {
        detail: String,
    },
    MissingFile,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Symlink,
    NotUtf8 {
        guess: Encoding,
    },
    NotNfc,
    ConflictMarker,
    Syntax {
        detail: String,
    },
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    MissingKey {
        key: String,
    },
    /// A common hand-editing mistake recognised in a TOML syntax or type error, explained with
    /// a fix (`key` is the key on that line, `found` the text written there).
    TomlMistake {
        mistake: TomlMistake,
        key: String,
        found: String,
        /// toml's own message, kept for `--format json` and for anyone who wants it.
        detail: String,
    },
    BadValue {
        detail: String,
    },
    NoTasks,
    /// The plan's period ended before the day judged and the plan is not closed.
    PlanEndedOpen {
        end: chrono::NaiveDate,
    },
    /// `same_as` or `overlaps` names a task that does not exist.
    UnknownLinkedTask {
        id: String,
    },
    /// A progress entry received before the day it refers to.
    ReceivedBeforeDate,
    DuplicateTaskId {
        id: String,
        other: String,
    },
    IdFileMismatch {
        id: String,
        stem: String,
    },
    UnsafeId {
        id: String,
        why: UnsafeId,
    },
    IdOutsideGroup {
        id: String,
        group: String,
    },
    UnknownGroup {
        group: String,
        suggestion: Option<String>,
    },
    DuplicateGroup {
        group: String,
    },
    GroupCount {
        group: String,
        declared: u32,
        actual: u32,
    },
    DuplicateUnit {
        id: String,
    },
    BadUnitId {
        id: String,
    },
    UnknownUnit {
        id: String,
        suggestions: Vec<(String, String)>,
    },
    EmptyLead,
    LeadAndSupport {
        unit: String,
    },
    DuplicateUnitRef {
        unit: String,
    },
    UnitEnded {
        unit: String,
        name: String,
        ended: NaiveDate,
        successors: Vec<String>,
    },
    EndedWithoutSuccessors {
        unit: String,
    },
    SuccessorsWithoutEnded {
        unit: String,
    },
    AmbiguousSpelling {
        spelling: String,
        units: Vec<String>,
    },
    UnreadableDeadline {
        phrase: String,
        error: DeadlineError,
    },
    DueContradictsPhrase {
        due: NaiveDate,
        derived: NaiveDate,
    },
    DoneWithoutDoneOn,
    DoneOnWithoutDone,
    DoneOnAfterAsOf {
        done_on: NaiveDate,
        as_of: NaiveDate,
    },
    ProgressAfterAsOf {
        date: NaiveDate,
        as_of: NaiveDate,
    },
    ProgressOutOfOrder {
        date: NaiveDate,
        previous: NaiveDate,
    },
    ProgressByOutsider {
        unit: String,
    },
    /// The same entry twice: every field equal to an earlier entry's (1-based number).
    DuplicateProgress {
        id: String,
        first: usize,
        second: usize,
    },
    PercentOutOfRange {
        percent: i64,
    },
    UnknownIndicator {
        name: String,
    },
    ValueWithoutIndicator,
    IndicatorWithoutValue,
    DuplicateIndicator {
        name: String,
    },
    // Dated amendments (issues 14, 15).
    AmendmentWithoutBasis,
    AmendmentToWithoutFrom,
    AmendmentFromWithoutTo,
    AmendmentEmpty,
    AmendmentMilestoneOutOfRange {
        number: i64,
        count: usize,
    },
    AmendmentTargetWithoutIndicator,
    HandoverFromStranger {
        unit: String,
    },
    // Who answers (issue 14).
    /// An ended unit's work split among several successors, and the task has no handover for it.
    UnitSplit {
        unit: String,
        name: String,
        ended: NaiveDate,
        /// Each candidate's label and the function it took over (from units.toml `took_over`).
        candidates: Vec<(String, Option<String>)>,
    },
    /// A progress entry by a unit that had ended on the entry's date.
    ProgressByEndedUnit {
        unit: String,
        name: String,
        ended: NaiveDate,
        /// Who carried the task on that date.
        carriers: Vec<String>,
    },
    // --- issue 12: hostile input, round two ---
    /// A `.toml` file under `tasks/` whose name cannot be a task file (control characters,
    /// a line break, a backslash): not loaded, so not silently missing either.
    BadFileName,
    /// `plan.toml`, `units.toml` or a task file that is a FIFO, device or socket.
    NotRegularFile,
    /// A unit whose successors (or members) lead back to it.
    UnitCycle {
        unit: String,
        /// `members` or `successors`.
        // Not cached (a `&'static str` cannot be read back; this is a cross-file finding of
        // `check`, never one of a file's own problems, which are all the cache holds).
        #[serde(skip)]
        field: &'static str,
        path: Vec<String>,
    },
    /// A group whose parent chain leads back to it.
    GroupCycle {
        group: String,
    },
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// Display path of the file.
    #[serde(skip)] // Not cached: it depends on how the plan folder was named.
    pub path: String,
    /// Line 0 means the whole file.
    pub pos: Pos,
    pub severity: Severity,
    pub item: Option<Item>,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn error(path: &str, pos: Pos, kind: ProblemKind) -> Problem {
        Problem {
            path: path.to_string(),
            pos,
            severity: Severity::Error,
            item: None,
            kind,
        }
    }

    pub fn warning(path: &str, pos: Pos, kind: ProblemKind) -> Problem {
        Problem {
            path: path.to_string(),
            pos,
            severity: Severity::Warning,
            item: None,
            kind,
        }
    }

    pub fn about(mut self, item: Item) -> Problem {
        self.item = Some(item);
        self
    }

    /// Stable machine key of the rule (JSON output, docs).
    pub fn code(&self) -> &'static str {
        use ProblemKind::*;
        match &self.kind {
            Io { .. } => "io",
            MissingFile => "missing-file",
            TooLarge { .. } => "too-large",
            Symlink => "symlink",
            NotUtf8 { .. } => "not-utf8",
            NotNfc => "not-nfc",
            ConflictMarker => "conflict-marker",
            Syntax { .. } => "syntax",
            UnknownKey { .. } => "unknown-key",
            MissingKey { .. } => "missing-key",
            BadValue { .. } => "bad-value",
            TomlMistake { mistake, .. } => {
                if mistake.is_syntax() {
                    "syntax"
                } else {
                    "bad-value"
                }
            }
            NoTasks => "no-tasks",
            PlanEndedOpen { .. } => "plan-ended-open",
            UnknownLinkedTask { .. } => "unknown-linked-task",
            ReceivedBeforeDate => "received-before-date",
            DuplicateTaskId { .. } => "duplicate-task-id",
            IdFileMismatch { .. } => "id-file-mismatch",
            UnsafeId { .. } => "unsafe-id",
            IdOutsideGroup { .. } => "id-outside-group",
            UnknownGroup { .. } => "unknown-group",
            DuplicateGroup { .. } => "duplicate-group",
            GroupCount { .. } => "group-count",
            DuplicateUnit { .. } => "duplicate-unit",
            BadUnitId { .. } => "bad-unit-id",
            UnknownUnit { .. } => "unknown-unit",
            EmptyLead => "empty-lead",
            LeadAndSupport { .. } => "lead-and-support",
            DuplicateUnitRef { .. } => "duplicate-unit-ref",
            UnitEnded { .. } => "unit-ended",
            EndedWithoutSuccessors { .. } => "ended-without-successors",
            SuccessorsWithoutEnded { .. } => "successors-without-ended",
            AmbiguousSpelling { .. } => "ambiguous-spelling",
            UnreadableDeadline { .. } => "unreadable-deadline",
            DueContradictsPhrase { .. } => "due-contradicts-phrase",
            DoneWithoutDoneOn => "done-without-done-on",
            DoneOnWithoutDone => "done-on-without-done",
            DoneOnAfterAsOf { .. } => "done-on-after-as-of",
            ProgressAfterAsOf { .. } => "progress-after-as-of",
            ProgressOutOfOrder { .. } => "progress-out-of-order",
            ProgressByOutsider { .. } => "progress-by-outsider",
            DuplicateProgress { .. } => "duplicate-progress",
            PercentOutOfRange { .. } => "percent-out-of-range",
            UnknownIndicator { .. } => "unknown-indicator",
            ValueWithoutIndicator => "value-without-indicator",
            IndicatorWithoutValue => "indicator-without-value",
            DuplicateIndicator { .. } => "duplicate-indicator",
            AmendmentWithoutBasis => "amendment-without-basis",
            AmendmentToWithoutFrom => "amendment-to-without-from",
            AmendmentFromWithoutTo => "amendment-from-without-to",
            AmendmentEmpty => "amendment-empty",
            AmendmentMilestoneOutOfRange { .. } => "amendment-milestone-out-of-range",
            AmendmentTargetWithoutIndicator => "amendment-target-without-indicator",
            HandoverFromStranger { .. } => "handover-from-stranger",
            BadFileName => "bad-file-name",
            NotRegularFile => "not-regular-file",
            UnitCycle { .. } => "unit-cycle",
            GroupCycle { .. } => "group-cycle",
            UnitSplit { .. } => "unit-split",
            ProgressByEndedUnit { .. } => "progress-by-ended-unit",
        }
    }
}

impl Problem {
    /// The unit a finding is about, when it is about one (check groups repeated findings by
    /// unit and rule; an acknowledgement may name the unit).
    pub fn unit(&self) -> Option<&str> {
        use ProblemKind::*;
        match &self.kind {
            UnitEnded { unit, .. }
            | UnitSplit { unit, .. }
            | ProgressByEndedUnit { unit, .. }
            | ProgressByOutsider { unit }
            | HandoverFromStranger { unit } => Some(unit),
            UnknownUnit { id, .. } => Some(id),
            _ => None,
        }
    }
}

/// Sort problems by file, line, column, then severity and rule, so output is stable.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (&a.path, a.pos, a.severity, a.item, a.code()).cmp(&(
            &b.path,
            b.pos,
            b.severity,
            b.item,
            b.code(),
        ))
    });
}

/// Hand-editing mistakes in TOML that tiendo recognises and explains (issue 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TomlMistake {
    /// Text without quotes: `title = Số hóa hồ sơ`.
    UnquotedText,
    /// A date written day first: `date = 14/05/2024` (or in quotes).
    DayFirstDate,
    /// A date in quotes: `date = "2024-05-14"`.
    QuotedDate,
    /// A number in quotes: `percent = "50"`.
    QuotedNumber,
    /// A percent sign after a number: `percent = 50%`.
    PercentSign,
    /// One text where a list is expected: `lead = "so-a"`.
    ListExpected,
    /// A comma at the end of a line or two commas in a row.
    StrayComma,
}

impl TomlMistake {
    /// A syntax error (the file is not TOML) rather than a value of the wrong type.
    pub fn is_syntax(self) -> bool {
        matches!(
            self,
            TomlMistake::UnquotedText | TomlMistake::PercentSign | TomlMistake::StrayComma
        )
    }
}
