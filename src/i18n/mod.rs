//! Every user-facing word, one file per language (`vi.rs`, `en.rs`) behind one trait, so a
//! translator finds all strings of a language in one place. Machine keys (JSON, CSV, `--status`)
//! are not here: they are stable and English.

mod en;
mod vi;

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
    fn history(&self) -> &'static HistoryTexts;
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
}
