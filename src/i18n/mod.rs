//! Every user-facing word, one file per language (`vi.rs`, `en.rs`) behind one trait, so a
//! translator finds all strings of a language in one place. Machine keys (JSON, CSV, `--status`)
//! are not here: they are stable and English.

mod en;
pub mod everyday;
pub mod help;
mod vi;
mod workspace;

pub use everyday::Everyday;
pub use workspace::{Ws, WsCol};

use chrono::NaiveDate;

use crate::model::deadline::{Deadline, DeadlineError};
use crate::model::plan::{TaskStatus, UnitKind};
use crate::model::problem::{Item, Problem};
use crate::model::status::Category;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

pub fn tr(lang: Lang) -> &'static dyn Tr {
    match lang {
        Lang::Vi => &vi::Vi,
        Lang::En => &en::En,
    }
}

/// Column headers and other fixed labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Id,
    Title,
    Group,
    Lead,
    Support,
    Deadline,
    Due,
    Status,
    Category,
    DaysOverdue,
    DueSoon,
    Unit,
    Name,
    Kind,
    Led,
    Supported,
    Ended,
    Successors,
    Aliases,
    Members,
    Total,
    Date,
    By,
    Note,
    Percent,
    Indicator,
    Target,
    Latest,
    Met,
    NotMet,
    Unknown,
    Milestones,
    Indicators,
    Progress,
    Notes,
    Source,
    None,
    Tasks,
    Rate,
    Overall,
    FocusTasks,
    GroupTasks,
    Dropped,
    Baseline,
    Value,
    Plan,
    Done,
    Line,
    File,
}

pub trait Tr: Sync {
    fn label(&self, l: Label) -> &'static str;
    fn category(&self, c: Category) -> &'static str;
    fn task_status(&self, s: TaskStatus) -> &'static str;
    fn unit_kind(&self, k: UnitKind) -> &'static str;
    fn deadline_kind(&self, d: Option<Deadline>) -> &'static str;
    fn deadline_error(&self, e: &DeadlineError) -> String;
    /// Message and optional help line for a problem.
    fn problem(&self, p: &Problem) -> (String, Option<String>);
    fn item(&self, i: Item) -> String;
    fn severity(&self, error: bool) -> &'static str;
    /// The word before a hint line (`help:`).
    fn help_word(&self) -> &'static str;
    fn check_summary(
        &self,
        errors: usize,
        warnings: usize,
        bad_files: usize,
        files: usize,
    ) -> String;
    fn plan_has_errors(&self, errors: usize) -> String;
    fn date(&self, d: NaiveDate) -> String;
    /// "5/20 tasks that have come due (25.0%)".
    fn rate(&self, done: usize, denominator: usize, of_what: RateBase) -> String;
    fn number(&self, x: f64) -> String;
    fn no_tasks_match(&self) -> &'static str;
    fn report(&self) -> &'static ReportTexts;
    /// Errors of looking something up by name (task ids, groups, units).
    fn lookup(&self, l: &Lookup) -> String;
    /// Why git history cannot be read.
    fn unavailable(&self, u: &crate::git::Unavailable) -> String;
    fn history(&self) -> &'static HistoryTexts;
    /// Messages of the editing commands (update, new, fmt).
    fn edit(&self, m: &EditMsg<'_>) -> String;
    /// Messages of `tiendo import`.
    fn import_msg(&self, m: &ImportMsg<'_>) -> String;
    /// `merge-driver`: `count` keys changed differently on both sides are left between markers.
    fn merge_conflicts(&self, path: &str, count: usize) -> String;
    /// `merge-driver`: the file could not be merged key by key; the differing lines are marked.
    fn merge_whole(&self, path: &str, why: crate::merge::Fallback) -> String;
    /// Reports over time (issue 15): provenance, periods, issued reports, late returns,
    /// narrative parts, closing.
    fn timely(&self, m: &Timely<'_>) -> String;
    /// Messages of the everyday-use paths (issue 13): see [`Everyday`].
    fn everyday(&self, m: &Everyday<'_>) -> String;
    /// Messages of the workspace paths (issue 16): see [`Ws`].
    fn workspace(&self, m: &Ws<'_>) -> String;
    /// Amendments and who answers (issue 14): check's grouping and acknowledgements, `show`'s
    /// amendment lines.
    fn who(&self, m: &WhoMsg<'_>) -> String;
}

/// Wording of amendments and who answers (issue 14).
#[derive(Debug, Clone)]
pub enum WhoMsg<'a> {
    /// One line for `count` findings of one rule about one unit, in these tasks.
    Grouped {
        count: usize,
        tasks: &'a str,
    },
    /// The hint after a grouped line.
    GroupedHint,
    /// Warnings left out because plan.toml acknowledges them.
    Acknowledged {
        count: usize,
    },
    /// `show`: the heading of the amendments list.
    AmendmentsHeading,
    /// `show`: one amendment, "from DAY: WHAT (theo BASIS)".
    Amendment {
        on: &'a str,
        what: &'a str,
        basis: &'a str,
        unverified: bool,
    },
    /// What a handover says: "FROM → TO".
    Handover {
        from: &'a str,
        to: &'a str,
    },
    Lead {
        to: &'a str,
    },
    Support {
        to: &'a str,
    },
    Deadline {
        to: &'a str,
    },
    MilestoneDeadline {
        number: usize,
        to: &'a str,
    },
    Title {
        to: &'a str,
    },
    Target {
        indicator: &'a str,
        to: &'a str,
    },
    /// `update`: an amendment needs `--on` and `--basis`.
    AmendmentNeedsOnAndBasis,
    /// `update --handover FROM` needs `--to`.
    HandoverNeedsTo,
    /// Commit message part: "ID: điều chỉnh từ DAY".
    CommitAmendment {
        id: &'a str,
        on: &'a str,
    },
    /// Review flag: the plan's value `field` edited in place instead of amended.
    EditedInPlace {
        field: &'a str,
    },
    /// `units X` for a unit that had ended: its tasks and who carries each ("7.4 → CA tỉnh").
    HandedOver {
        count: usize,
        list: &'a str,
    },
}

// ---- issue 15: reports that stay true over time --------------------------------------------

/// Wording of reports over time: what a report was judged from, its period, issued reports,
/// late returns, the secretariat's narrative, the overdue rule, closing the plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Timely<'a> {
    /// Header label of the provenance line ("Dữ liệu").
    BasisLabel,
    /// The working tree at the last commit that changed the plan.
    BasisCommit {
        commit: &'a str,
        dirty: bool,
    },
    /// `--at REV`.
    BasisRevision {
        rev: &'a str,
        commit: &'a str,
    },
    /// Not in a git repository.
    BasisNone,
    /// "kế hoạch đã kết thúc ngày …; tình trạng tính đến ngày đó".
    Closed {
        day: NaiveDate,
    },
    /// Appended to the heading of an issued report.
    IssuedHeading {
        number: &'a str,
        date: NaiveDate,
    },
    /// Header label for a period that is not a month.
    PeriodLabel,
    PeriodName(crate::report::Period),
    /// Section 1: how many distinct pieces of work the tasks are.
    DistinctWork {
        tasks: usize,
        distinct: usize,
        links: &'a str,
    },
    /// The one rule for what is overdue.
    OverdueRule,
    /// Section 5: items due before the next window starts are listed too.
    DueBeforeNext {
        count: usize,
        from: NaiveDate,
    },
    /// Section 7 cell: not met although the task is done.
    IndicatorDoneBelow,
    IndicatorDoneBelowNote,
    IndicatorWording,
    LateHeading,
    LateNote,
    NoLate,
    /// Column: the day a return refers to.
    LateDate,
    /// Column: the day it was received.
    LateReceived,
    /// Narrative section heading, by part (`I.1`, `II`, `IV`).
    NarrativeHeading {
        part: &'a str,
    },
    NarrativePlaceholder {
        file: &'a str,
        part: &'a str,
    },
    FinalTally {
        on_time: usize,
        late: usize,
        unfinished: usize,
        dropped: usize,
    },
    /// The final report has no next period.
    NoNextPeriod,
    /// `--out` refuses to overwrite an issued report.
    IssuedRefused {
        path: &'a str,
        number: &'a str,
        date: NaiveDate,
    },
    /// `--check` skips an issued report.
    IssuedSkipped {
        path: &'a str,
        number: &'a str,
        date: NaiveDate,
    },
    /// A report asked for a period that starts after the plan was closed.
    AfterClosing {
        day: NaiveDate,
    },
    /// A `--final` report needs the plan's end.
    NoPlanEnd,
    /// `close`: wrote the closing day.
    ClosedOn {
        path: &'a str,
        day: NaiveDate,
    },
    /// `close`: the commit message.
    CloseCommit {
        code: &'a str,
        day: NaiveDate,
    },
    /// `close`: the plan is already closed.
    AlreadyClosed {
        day: NaiveDate,
    },
    /// `review`: a commit changed an issued report.
    IssuedEdited {
        path: &'a str,
        number: &'a str,
        date: NaiveDate,
        commit: &'a str,
    },
    /// `check`: the plan's period ended and it is still open.
    EndedOpen {
        end: NaiveDate,
    },
    /// Section 9: amendments that took effect in the window.
    AmendedHeading,
    /// Section 9: the commits part, when amendments are listed above it.
    CommitsHeading,
    /// What one amendment changed and on what basis (no day).
    AmendmentText(&'a crate::report::AmendmentLine),
    /// Appendix: "điều chỉnh" before the amendments in force.
    AmendedWord,
    /// The appendix's standing cell of a task continued from an earlier plan: "← NAME:ID".
    CarriedFrom(&'a str),
    /// … and of a task carried over to a later plan: "→ NAME:ID".
    CarriedTo(&'a str),
}
// ---- end issue 15 ---------------------------------------------------------------------------

/// A failed lookup of a name typed on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    UnknownTask {
        id: String,
        near: Vec<String>,
    },
    UnknownGroup {
        group: String,
        all: Vec<String>,
    },
    UnknownUnit {
        arg: String,
        near: Vec<String>,
    },
    AmbiguousUnit {
        arg: String,
        candidates: Vec<String>,
    },
    /// `--plan DIR` is not a folder.
    NotAFolder {
        path: String,
    },
    /// No `plan/plan.toml` in the folder or any parent.
    NoPlanFolder {
        cwd: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateBase {
    /// Tasks whose due date has come (VPCP's denominator).
    CameDue,
    /// All dated tasks.
    All,
}

/// Fixed wording of the monthly report.
pub struct ReportTexts {
    pub heading: &'static str,
    pub plan: &'static str,
    pub month: &'static str,
    pub window: &'static str,
    pub as_of: &'static str,
    pub overview: &'static str,
    pub by_group: &'static str,
    pub by_lead: &'static str,
    pub overdue: &'static str,
    pub due_next: &'static str,
    pub not_reported: &'static str,
    pub indicators: &'static str,
    pub progress: &'static str,
    pub changes: &'static str,
    pub appendix: &'static str,
    pub none_overdue: &'static str,
    pub none_due_next: &'static str,
    pub all_reported: &'static str,
    pub no_indicators: &'static str,
    pub no_progress: &'static str,
    pub no_history: &'static str,
    pub no_changes: &'static str,
    pub rate_note: &'static str,
    pub dropped_note: &'static str,
    pub generated_by: &'static str,
    pub milestone: &'static str,
    pub carried_by: &'static str,
    pub missing_tasks: &'static str,
    pub not_reported_note: &'static str,
    // Collectives member by member (issue 14).
    /// After "x/y" in section 3: members of a collective that reported in the window.
    pub units_reported: &'static str,
    pub member_reported: &'static str,
    pub member_silent: &'static str,
}

/// Fixed wording of history views (log, diff, review).
pub struct HistoryTexts {
    pub added: &'static str,
    pub removed: &'static str,
    pub renamed: &'static str,
    pub changed: &'static str,
    pub progress_added: &'static str,
    pub progress_removed: &'static str,
    pub progress_edited: &'static str,
    pub milestone_done: &'static str,
    pub milestone_changed: &'static str,
    pub text_edited: &'static str,
    pub no_changes: &'static str,
    pub flags: &'static str,
    pub no_flags: &'static str,
    pub flag_deadline_later: &'static str,
    pub flag_lead_changed: &'static str,
    pub flag_task_removed: &'static str,
    pub flag_id_changed: &'static str,
    pub flag_status_backwards: &'static str,
    pub flag_done_without_progress: &'static str,
    pub flag_done_before_progress: &'static str,
    pub flag_backdated: &'static str,
    pub flag_history_rewritten: &'static str,
    pub flag_unknown_unit: &'static str,
    pub review_heading: &'static str,
    pub diff_heading: &'static str,
    pub field_title: &'static str,
    pub field_group: &'static str,
    pub field_lead: &'static str,
    pub field_support: &'static str,
    pub field_deadline: &'static str,
    pub field_due: &'static str,
    pub field_status: &'static str,
    pub field_done_on: &'static str,
    pub field_notes: &'static str,
    pub field_indicators: &'static str,
    pub field_source: &'static str,
    pub none: &'static str,
    pub no_commits: &'static str,
    pub history_unavailable: &'static str,
    pub range: &'static str,
    pub working_tree: &'static str,
    pub base: &'static str,
    pub commits: &'static str,
    // --- issue 12: plan.toml / units.toml diffed field by field; milestones' due dates ---
    pub frame_group: &'static str,
    pub frame_unit: &'static str,
    pub flag_frame: &'static str,
    pub flag_milestone_later: &'static str,
}

/// What the editing commands (update, new, fmt) say: commit messages, confirmations, refusals.
/// Dates arrive already formatted with [`Tr::date`]; units as their short labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditMsg<'a> {
    /// Commit message: a unit reported progress on a day.
    CommitProgress {
        id: &'a str,
        unit: &'a str,
        date: &'a str,
    },
    /// Commit message: the task was completed on a day.
    CommitDone {
        id: &'a str,
        date: &'a str,
    },
    /// Commit message: the task's status was set (the status's label).
    CommitStatus {
        id: &'a str,
        status: &'a str,
    },
    /// Commit message: a milestone (1-based) was completed on a day.
    CommitMilestone {
        id: &'a str,
        number: usize,
        date: &'a str,
    },
    /// Commit message: a new task.
    CommitNew {
        id: &'a str,
    },
    Wrote {
        path: &'a str,
    },
    Committed {
        path: &'a str,
    },
    /// The edit would leave the task with errors; they follow.
    Refused {
        path: &'a str,
        errors: usize,
    },
    UnknownTask {
        id: &'a str,
        near: &'a str,
    },
    NothingToDo,
    ProgressNeedsByAndNote,
    DoneNeedsDate,
    DoneOnNeedsDone,
    ChangedOnDisk {
        path: &'a str,
    },
    Locked {
        path: &'a str,
    },
    NotGitRepo {
        dir: &'a str,
    },
    TaskExists {
        id: &'a str,
        path: &'a str,
    },
    /// `why` is the problem text from [`Tr::problem`].
    BadNewTask {
        why: &'a str,
    },
    /// `fmt --check`: this many files are not in canonical form.
    NotFormatted {
        files: usize,
    },
    Formatted {
        files: usize,
    },
    /// A file `fmt` cannot read or parse (the problem follows).
    CannotFormat {
        path: &'a str,
        why: &'a str,
    },
}

/// What `tiendo import` says. Messages about one row get the `file:line: ` prefix from the
/// caller; lists arrive joined with `, `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportMsg<'a> {
    /// The table is not UTF-8 text.
    NotUtf8 {
        path: &'a str,
    },
    /// The table has no task row.
    NoRows {
        path: &'a str,
    },
    /// The STT cell is not a header, group, sub-group, number or empty.
    Unreadable {
        stt: &'a str,
    },
    /// A task or sub-group before any group heading.
    NoGroup {
        stt: &'a str,
    },
    /// A continuation row (empty STT) with no task before it.
    NothingToContinue,
    UnknownGroup {
        group: &'a str,
        all: &'a str,
    },
    DuplicateRow {
        id: &'a str,
        first_line: usize,
    },
    TaskExists {
        id: &'a str,
        path: &'a str,
    },
    NoLead {
        id: &'a str,
    },
    /// A unit spelling no unit claims: the lines it is on, the nearest units.
    UnknownSpelling {
        spelling: &'a str,
        lines: &'a str,
        near: &'a str,
    },
    AmbiguousSpelling {
        spelling: &'a str,
        units: &'a str,
    },
    /// How to proceed when spellings are unknown.
    AllowNewUnitsHint,
    NothingWritten {
        problems: usize,
    },
    /// `--allow-new-units`: a unit added to units.toml.
    NewUnit {
        id: &'a str,
        name: &'a str,
    },
    /// `--dry-run`: the totals.
    WouldWrite {
        tasks: usize,
        units: usize,
    },
    Imported {
        tasks: usize,
        units: usize,
    },
}

// ---------------------------------------------------------------------------------------------
// Documents that leave the office (issue 17): the tracking workbook, the Word report, reminder
// letters and units' returns. Templates hold `{0}`, `{1}`… filled by [`fill`].

/// The fixed wording of outgoing documents and of `returns`, one static per language.
pub fn office(lang: Lang) -> &'static OfficeTexts {
    match lang {
        Lang::Vi => &vi::OFFICE,
        Lang::En => &en::OFFICE,
    }
}

/// Replace `{0}`, `{1}`… in `template` with `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut s = template.to_string();
    for (i, a) in args.iter().enumerate() {
        s = s.replace(&format!("{{{i}}}"), a);
    }
    s
}

pub struct OfficeTexts {
    // The tracking table (xlsx, csv for people, the Word appendix).
    pub col_stt: &'static str,
    pub col_id: &'static str,
    pub col_content: &'static str,
    pub col_lead: &'static str,
    pub col_support: &'static str,
    pub col_deadline: &'static str,
    pub col_due: &'static str,
    pub col_status: &'static str,
    pub col_result: &'static str,
    pub col_assessment: &'static str,
    pub col_note: &'static str,
    pub col_group: &'static str,
    pub col_done_on: &'static str,
    pub col_days_late: &'static str,
    pub sheet_all: &'static str,
    pub sheet_overdue: &'static str,
    pub sheet_indicators: &'static str,
    pub col_task: &'static str,
    pub col_indicator: &'static str,
    pub col_target: &'static str,
    pub col_measure: &'static str,
    pub col_value: &'static str,
    pub col_date: &'static str,
    pub col_by: &'static str,
    pub col_met: &'static str,
    pub met: &'static str,
    pub not_met: &'static str,
    pub no_value: &'static str,
    pub table_title: &'static str,
    /// {0}: the plan code, {1}: the day.
    pub table_subtitle: &'static str,
    /// {0}: days.
    pub overdue_days: &'static str,
    pub late_days: &'static str,
    pub on_time: &'static str,
    pub due_soon: &'static str,
    pub within_deadline: &'static str,
    pub ongoing: &'static str,
    pub no_date: &'static str,
    pub dropped: &'static str,
    /// A task carried over to a later plan (issue 16).
    pub carried_over: &'static str,
    /// {0}: number, {1}: phrase, {2}: standing.
    pub milestone: &'static str,
    /// {0}: carrier labels.
    pub carried_by: &'static str,
    pub no_result: &'static str,
    // The document form (Nghị định 30/2020/NĐ-CP).
    pub national: &'static str,
    pub motto: &'static str,
    pub number: &'static str,
    /// {0}: place, {1}: day, {2}: month, {3}: year.
    pub date_line: &'static str,
    pub recipients: &'static str,
    /// {0}: holders.
    pub archive: &'static str,
    pub as_above: &'static str,
    /// {0}: what is missing.
    pub missing_setting: &'static str,
    pub signer_name_placeholder: &'static str,
    pub page: &'static str,
    // The monthly report.
    pub report_type: &'static str,
    /// {0}: plan code, {1}: month/year.
    pub report_summary: &'static str,
    /// {0}: plan code, {1}: window start, {2}: window end, {3}: as-of day.
    pub report_intro: &'static str,
    pub sec_results: &'static str,
    pub sec_direction: &'static str,
    pub sec_tasks: &'static str,
    pub sec_indicators: &'static str,
    pub sec_shortcomings: &'static str,
    /// {0}: next month/year.
    pub sec_next: &'static str,
    pub sec_proposals: &'static str,
    pub narrative_placeholder: &'static str,
    /// {0}: done, {1}: came due, {2}: total, {3}: in progress, {4}: overdue, {5}: ongoing, {6}: no date.
    pub counts_sentence: &'static str,
    pub focus: &'static str,
    pub grouped: &'static str,
    /// {0}: count.
    pub overdue_intro: &'static str,
    pub none_overdue: &'static str,
    /// {0}: id, {1}: title, {2}: lead, {3}: phrase, {4}: days.
    pub overdue_item: &'static str,
    pub due_next_intro: &'static str,
    pub none_due_next: &'static str,
    /// {0}: id, {1}: title, {2}: lead, {3}: due date.
    pub due_item: &'static str,
    pub not_reported_intro: &'static str,
    pub all_reported: &'static str,
    /// {0}: unit, {1}: task ids.
    pub not_reported_item: &'static str,
    /// {0}: id, {1}: indicator, {2}: value, {3}: target, {4}: met.
    pub indicator_item: &'static str,
    pub no_indicators: &'static str,
    /// {0}: date, {1}: unit, {2}: id, {3}: note.
    pub progress_item: &'static str,
    pub no_progress: &'static str,
    pub appendix: &'static str,
    /// {0}: number, {1}: issuer.
    pub appendix_sub: &'static str,
    // Reminder letters (công văn đôn đốc).
    /// {0}: plan code, {1}: month/year.
    pub notice_summary: &'static str,
    pub notice_to: &'static str,
    /// {0}: plan code, {1}: as-of day.
    pub notice_intro: &'static str,
    pub notice_overdue: &'static str,
    pub notice_due: &'static str,
    pub notice_silent: &'static str,
    /// {0}: window start, {1}: window end.
    pub notice_silent_item: &'static str,
    /// {0}: unit, {1}: report-by day.
    pub notice_closing: &'static str,
    pub notice_contact: &'static str,
    // Units' returns.
    pub ret_sheet: &'static str,
    /// {0}: month/year.
    pub ret_title: &'static str,
    pub ret_unit: &'static str,
    pub ret_month: &'static str,
    /// {0}: start, {1}: end, {2}: report-by day.
    pub ret_window: &'static str,
    pub ret_help: &'static str,
    pub ret_role: &'static str,
    pub ret_lead: &'static str,
    pub ret_support: &'static str,
    pub ret_date: &'static str,
    pub ret_note: &'static str,
    pub ret_percent: &'static str,
    pub ret_value: &'static str,
    pub ret_done_on: &'static str,
    pub ret_document: &'static str,
    pub ret_difficulties: &'static str,
    pub ret_proposals: &'static str,
    /// Labels folded into the progress note.
    pub ret_note_document: &'static str,
    pub ret_note_difficulties: &'static str,
    pub ret_note_proposals: &'static str,
    pub ret_bad_percent: &'static str,
    pub ret_bad_percent_hint: &'static str,
    pub ret_bad_date: &'static str,
    pub ret_bad_date_hint: &'static str,
    /// {0}: date, {1}: as-of day.
    pub ret_future: &'static str,
    pub ret_future_hint: &'static str,
    /// {0}: id.
    pub ret_unknown_task: &'static str,
    /// {0}: nearest ids.
    pub ret_unknown_task_hint: &'static str,
    /// {0}: unit, {1}: id.
    pub ret_not_involved: &'static str,
    pub ret_not_involved_hint: &'static str,
    pub ret_done_by_support: &'static str,
    pub ret_done_by_support_hint: &'static str,
    pub ret_bad_number: &'static str,
    pub ret_bad_number_hint: &'static str,
    pub ret_no_note: &'static str,
    pub ret_no_note_hint: &'static str,
    /// {0}: indicator, {1}: id.
    pub ret_unknown_indicator: &'static str,
    pub ret_unknown_indicator_hint: &'static str,
    pub ret_bad_unit: &'static str,
    pub ret_bad_unit_hint: &'static str,
    pub ret_not_a_return: &'static str,
    pub ret_not_a_return_hint: &'static str,
    /// {0}: what `update` refused.
    pub ret_refused_by_check: &'static str,
    /// {0}: file, {1}: problems.
    pub ret_refused: &'static str,
    /// {0}: file, {1}: entries, {2}: unit.
    pub ret_would_add: &'static str,
    pub ret_added: &'static str,
    /// {0}: file.
    pub ret_nothing_new: &'static str,
    /// {0}: count.
    pub ret_already: &'static str,
    /// {0}: unit, {1}: month, {2}: file.
    pub ret_commit: &'static str,
    pub ret_committed: &'static str,
    pub ret_wrote_template: &'static str,
    /// {0}: count of rows.
    pub ret_no_rows: &'static str,
    pub notice_none: &'static str,
    /// {0}: the format.
    pub needs_output: &'static str,
    /// {0}: month, {1}: year.
    pub month_words: &'static str,
    pub part_a: &'static str,
    pub part_b: &'static str,
    pub ret_state: &'static str,
    /// The drop-down's words: in progress, done, not started, blocked (done is second).
    pub ret_states: [&'static str; 4],
    /// {0}: the word found.
    pub ret_bad_state: &'static str,
    pub ret_done_needs_date: &'static str,
    pub ret_done_needs_date_hint: &'static str,
    /// {0}: file.
    pub ret_empty: &'static str,
}
