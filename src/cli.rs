//! The command line, declared with clap derive. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Track a government implementation plan kept as TOML files in git
///
/// tiendo reads the plan in `plan/` (plan.toml, units.toml, tasks/**/*.toml), checks it, shows
/// where each task stands as of a date, and writes the monthly report.
#[derive(Debug, Parser)]
#[command(name = "tiendo", version = env!("TIENDO_VERSION"), max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Plan folder [default: `plan/` in this folder or the nearest parent that has one]
    #[arg(long, global = true, env = "TIENDO_PLAN", value_name = "DIR")]
    pub plan: Option<PathBuf>,
    /// Judge status as of this day (YYYY-MM-DD) [default: today]
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// Language of the output
    #[arg(long, global = true, env = "TIENDO_LANG", default_value = "vi")]
    pub lang: LangArg,
    /// When to colour the output (NO_COLOR is honoured)
    #[arg(long, global = true, default_value = "auto")]
    pub color: ColorArg,
    /// Full tables, not fitted to the terminal's width (COLUMNS)
    #[arg(long, global = true)]
    pub wide: bool,
    /// Never page long output (on a terminal it goes through PAGER, else `less -FRX`)
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// Read every plan file instead of trusting the parse cache (in `.git/tiendo/`)
    #[arg(long, global = true, env = "TIENDO_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Json,
    /// A Word draft in the Nghị định 30/2020 form (needs --out)
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when any task or milestone is overdue
    Overdue,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the whole plan and report every problem
    Check(CheckArgs),
    /// List tasks with their deadline and standing
    List(ListArgs),
    /// Show everything about one task
    Show(ShowArgs),
    /// Count tasks per standing: overall, per group, per lead unit
    Summary(SummaryArgs),
    /// List the units registry, or one unit and its tasks
    Units(UnitsArgs),
    /// Write the monthly report
    Report(ReportArgs),
    /// Show every commit that changed a task (or the whole plan), in the plan's words
    Log(LogArgs),
    /// Show the semantic difference between two revisions of the plan
    Diff(DiffArgs),
    /// Review a branch: the diff from the merge base plus what a reviewer must look at
    Review(ReviewArgs),
    /// Record progress or change a task's status, keeping the file's layout
    Update(UpdateArgs),
    /// Create a task file in canonical form
    New(NewArgs),
    /// Rewrite plan files in canonical form (or check that they are)
    Fmt(FmtArgs),
    /// Print the JSON Schema of a plan file kind (for editors)
    Schema(SchemaArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the manual page (roff)
    Man,
    /// Export tasks and milestones: calendar (ICS), table for people (CSV, XLSX) or JSON
    Export(ExportArgs),
    /// Import tasks from a table shaped like the plan's appendix (TSV or CSV)
    Import(ImportArgs),
    /// Git merge driver for task files: keep both sides' progress entries
    #[command(name = "merge-driver")]
    MergeDriver(MergeDriverArgs),
    /// Close the plan on a day: views then judge it as of that day
    Close(CloseArgs),
    // Issue 17: documents that leave the office.
    /// Write draft reminder letters (công văn đôn đốc) to units that are late or silent
    Notice(NoticeArgs),
    /// Units' returns: write a unit's sheet to fill, or import filled sheets
    #[command(subcommand)]
    Returns(ReturnsCommand),
}

// ---------------------------------------------------------------------------------------------
// Issue 17: reminder letters and units' returns.

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NoticeFormat {
    Md,
    Docx,
}

#[derive(Debug, Args)]
pub struct NoticeArgs {
    /// The month (YYYY-MM) whose reports are due by its report day
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: crate::model::window::Month,
    /// Only the letter to this unit (id, name or alias)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Output format
    #[arg(long, default_value = "docx")]
    pub format: NoticeFormat,
    /// Folder for the letters (`DIR/YYYY-MM-<unit>.md|docx`)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ReturnsCommand {
    /// Write the sheet a unit fills for a month: its active tasks, locked, with columns to fill
    Template(ReturnsTemplateArgs),
    /// Read filled sheets and append their progress entries (refusing a sheet with any bad row)
    Import(ReturnsImportArgs),
}

#[derive(Debug, Args)]
pub struct ReturnsTemplateArgs {
    /// The unit (id, name or alias)
    #[arg(long, value_name = "UNIT")]
    pub unit: String,
    /// The month (YYYY-MM) the return is for
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: crate::model::window::Month,
    /// The .xlsx file to write
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct ReturnsImportArgs {
    /// Filled sheets (.xlsx)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print the lines that would be added, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Commit each unit's sheet as one commit
    #[arg(long, conflicts_with = "dry_run")]
    pub commit: bool,
}

/// `tiendo close` (issue 15).
#[derive(Debug, Args)]
pub struct CloseArgs {
    /// The plan's closing day (e.g. the end of its period, 2024-12-31)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: chrono::NaiveDate,
    /// Commit plan.toml (only that file) after writing
    #[arg(long)]
    pub commit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Task,
    Units,
    Plan,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file kind
    #[arg(default_value = "task")]
    pub kind: SchemaKind,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Calendar events (one per dated task and milestone)
    Ics,
    /// The tracking table for people: headers and standing words in --lang, dates dd/mm/yyyy
    Csv,
    /// Tasks and milestones for machines (stable keys, ISO dates)
    Json,
    /// The tracking workbook: all tasks, overdue, one sheet per lead unit, indicators (needs -o)
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filters: Filters,
    /// Output format
    #[arg(long, default_value = "ics")]
    pub format: ExportFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The table (TSV or CSV)
    pub file: PathBuf,
    /// List what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Add unknown unit spellings to units.toml as new units
    #[arg(long)]
    pub allow_new_units: bool,
}

#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (%O)
    pub base: PathBuf,
    /// Our version (%A); the merged result is written here
    pub ours: PathBuf,
    /// Their version (%B)
    pub theirs: PathBuf,
    /// The path of the file in the repository (%P), for messages
    #[arg(long, value_name = "PATH")]
    pub path: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Text,
    Md,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFailOn {
    /// Exit 1 when any review flag is raised
    Flags,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Task id; without it, the plan-wide change log
    pub id: Option<String>,
    /// Only commits on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Only commits on or before this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<chrono::NaiveDate>,
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: HistoryFormat,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Old revision [default: HEAD]
    pub from: Option<String>,
    /// New revision [default: the working tree]
    pub to: Option<String>,
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: HistoryFormat,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Base branch [default: the upstream, else main]
    pub base: Option<String>,
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: HistoryFormat,
    /// Exit 1 when the condition holds
    #[arg(long, value_name = "WHAT")]
    pub fail_on: Option<ReviewFailOn>,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// Task id, e.g. 7.4
    pub id: String,
    /// The unit reporting (a lead or support unit; id, name or alias)
    #[arg(long, value_name = "UNIT")]
    pub by: Option<String>,
    /// Progress note
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Day the progress refers to [default: --as-of]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    /// Percent complete (0-100)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub percent: Option<u8>,
    /// The day the secretariat received the report, when later than --date (a late return is
    /// left out of its own month's report and listed as late in the next)
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "note")]
    pub received: Option<chrono::NaiveDate>,
    /// Indicator name the value is for
    #[arg(long, value_name = "NAME", requires = "value")]
    pub indicator: Option<String>,
    /// Indicator value
    #[arg(long, value_name = "X", requires = "indicator", value_parser = parse_finite)]
    pub value: Option<f64>,
    /// New status
    #[arg(long, value_name = "STATUS", value_parser = ["todo", "doing", "done", "dropped"])]
    pub status: Option<String>,
    /// Completion day (with --status done, or with --milestone)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub done_on: Option<chrono::NaiveDate>,
    /// Milestone number (1-based): to mark done with --done-on, or whose deadline --deadline amends
    #[arg(long, value_name = "N")]
    pub milestone: Option<usize>,
    /// Correct progress entry N (as numbered by `show`): the fields given (--date, --by, --note, --percent, --indicator/--value) replace its own
    #[arg(long, value_name = "N", conflicts_with_all = ["status", "done_on", "milestone", "remove"])]
    pub amend: Option<usize>,
    /// Remove progress entry N (as numbered by `show`)
    #[arg(long, value_name = "N", conflicts_with_all = ["by", "note", "date", "percent", "indicator", "value", "status", "done_on", "milestone"])]
    pub remove: Option<usize>,
    /// Record the entry even though the very same entry is already there
    #[arg(long)]
    pub again: bool,
    // Dated amendments (issues 14, 15): the plan's values stay, an [[amendment]] is appended.
    /// Amend: the new deadline phrase (of the task, or of --milestone), with --on and --basis
    #[arg(long, value_name = "PHRASE", requires_all = ["on", "basis"])]
    pub deadline: Option<String>,
    /// Amend: an explicit new due date (with --deadline, or alone), with --on and --basis
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires_all = ["on", "basis"])]
    pub due: Option<chrono::NaiveDate>,
    /// Amend: the new lead units (repeat or separate with commas), with --on and --basis
    #[arg(long, value_name = "UNIT", value_delimiter = ',', requires_all = ["on", "basis"])]
    pub lead: Vec<String>,
    /// Amend: hand FROM's part (lead or support) over to --to, with --on and --basis
    #[arg(long, value_name = "FROM", requires_all = ["to", "on", "basis"])]
    pub handover: Option<String>,
    /// The units taking over with --handover (repeat or separate with commas)
    #[arg(
        long,
        value_name = "UNIT",
        value_delimiter = ',',
        requires = "handover"
    )]
    pub to: Vec<String>,
    /// The day an amendment takes effect
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<chrono::NaiveDate>,
    /// The document an amendment rests on (number and date)
    #[arg(long, value_name = "TEXT")]
    pub basis: Option<String>,
    /// A note on the amendment (its source)
    #[arg(long, value_name = "TEXT", requires = "on")]
    pub amendment_note: Option<String>,
    /// Mark the amendment as not verified against a source
    #[arg(long, requires = "on")]
    pub unverified: bool,
    /// Print the diff instead of writing
    #[arg(long)]
    pub dry_run: bool,
    /// Commit just this file with a message that says what happened
    #[arg(long, conflicts_with = "dry_run")]
    pub commit: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Task id, e.g. 9.1.14
    #[arg(long)]
    pub id: String,
    /// Group id (from plan.toml)
    #[arg(long)]
    pub group: String,
    /// Task text
    #[arg(long)]
    pub title: String,
    /// Lead units (repeat or separate with commas)
    #[arg(long, value_name = "UNIT", required = true, value_delimiter = ',')]
    pub lead: Vec<String>,
    /// Coordinating units (repeat or separate with commas)
    #[arg(long, value_name = "UNIT", value_delimiter = ',')]
    pub support: Vec<String>,
    /// Deadline phrase exactly as written
    #[arg(long)]
    pub deadline: String,
    /// The document that adds the task to the plan (needed beyond the group's declared count)
    #[arg(long, value_name = "TEXT")]
    pub basis: Option<String>,
    /// Print the file instead of writing it
    #[arg(long)]
    pub dry_run: bool,
    /// Commit the new file
    #[arg(long, conflicts_with = "dry_run")]
    pub commit: bool,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Print a unified diff and exit 1 when anything would change
    #[arg(long)]
    pub check: bool,
    /// Files to format [default: every plan file]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// List every finding on its own line (repeated warnings are otherwise grouped per unit and
    /// rule) and the warnings plan.toml acknowledges
    #[arg(long, short)]
    pub verbose: bool,
    /// Judge the plan as issued: as of plan.toml's `issued` day, with the progress and completion recorded since left out
    #[arg(long)]
    pub as_issued: bool,
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Debug, Args, Default, Clone)]
pub struct Filters {
    /// Tasks that name UNIT as lead (id, name or any alias)
    #[arg(long, value_name = "UNIT")]
    pub lead: Option<String>,
    /// Tasks that name UNIT as lead or support
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Tasks in group G and its sub-groups
    #[arg(long, value_name = "G")]
    pub group: Option<String>,
    /// Tasks in this standing (done_on_time, done_late, in_progress, overdue, ongoing, no_date, dropped)
    #[arg(long, value_name = "CATEGORY", value_parser = parse_category)]
    pub status: Option<crate::model::status::Category>,
    /// Overdue tasks only (with --due-within: the overdue ones too)
    #[arg(long)]
    pub overdue: bool,
    /// Tasks not yet overdue and due within DAYS days of the as-of date
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(0..=36_600))]
    pub due_within: Option<u32>,
    /// Tasks not done and due before DATE
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due_before: Option<chrono::NaiveDate>,
    /// Text in the id, title or notes (case and diacritics ignored)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: Filters,
    /// Output format
    #[arg(long, default_value = "table")]
    pub format: ListFormat,
    /// Exit 1 when the condition holds for any listed task
    #[arg(long, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,
    /// Sort by FIELD: id (plan order), due, status, lead, group, title
    #[arg(long, value_name = "FIELD")]
    pub sort: Option<SortField>,
    /// Show the first N tasks only
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Columns, comma-separated: id, title, lead, deadline, due, status, group
    #[arg(long, value_name = "A,B,C", value_delimiter = ',')]
    pub columns: Vec<ListColumn>,
}

/// What `list --sort` orders by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortField {
    Id,
    Due,
    Status,
    Lead,
    Group,
    Title,
}

/// A column of `list`'s table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListColumn {
    Id,
    Title,
    Lead,
    Deadline,
    Due,
    Status,
    Group,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Task id, e.g. 7.4 or TT.3
    pub id: String,
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: TextOrJson,
    /// Exit 1 when any task or milestone is overdue
    #[arg(long, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, Args)]
pub struct UnitsArgs {
    /// One unit (id, name or alias) to show with its tasks
    pub unit: Option<String>,
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("which")
        .args(["month", "quarter", "half", "year", "final_", "period"])
))]
pub struct ReportArgs {
    /// The report month (YYYY-MM); the window runs from the 15th of the month before to the 14th [default: the month whose window closed last]
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<crate::model::window::Month>,
    /// A quarter (2024-Q2): from the 15th of the month before it to the 14th of its last month
    #[arg(long, value_name = "YYYY-QN", value_parser = parse_quarter)]
    pub quarter: Option<(i32, u32)>,
    /// Six months (2024-H1): 15/12 of the year before to 14/06, or 15/06 to 14/12
    #[arg(long, value_name = "YYYY-HN", value_parser = parse_half)]
    pub half: Option<(i32, u32)>,
    /// A year (2024): 15/12 of the year before to 14/12
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    pub year: Option<i32>,
    /// The closing tally as of the plan's end: every task's final standing
    #[arg(long = "final", id = "final_")]
    pub final_: bool,
    /// Any period by its file name: 2024-06, 2024-Q2, 2024-H1, 2024 or final (for scripts that
    /// check every file in reports/)
    #[arg(long, value_name = "NAME", value_parser = parse_period)]
    pub period: Option<crate::report::Period>,
    /// Judge from the plan as a past revision of the repository held it (a commit, tag, branch)
    #[arg(long, value_name = "REV")]
    pub at: Option<String>,
    /// Write DIR/YYYY-MM.md instead of printing
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Compare with the file in --out; print a diff and exit 1 when they differ (issued reports
    /// are skipped; the provenance line and the secretariat's parts are not compared)
    #[arg(long, requires = "out")]
    pub check: bool,
    /// Issue the report with this number (e.g. 85/BC-TCTDA06): it becomes a record that --out
    /// never overwrites
    #[arg(
        long,
        value_name = "NUMBER",
        requires = "out",
        conflicts_with = "check"
    )]
    pub issue: Option<String>,
    /// The day the report is issued [default: today]
    #[arg(long, value_name = "DATE", requires = "issue", value_parser = parse_date)]
    pub issued_on: Option<chrono::NaiveDate>,
    /// Output format
    #[arg(long, default_value = "md")]
    pub format: ReportFormat,
    /// Use the calendar month as the window instead of the 15th-to-14th cycle
    #[arg(long)]
    pub calendar_month: bool,
    /// Section 3: list each member of a collective lead in its own row
    #[arg(long)]
    pub by_member: bool,
}

/// A day typed on the command line: exactly `YYYY-MM-DD` with a year from 1900 to 2200 (the
/// range `--month` accepts), checked before any conversion: `+67560-06-14` was read and then
/// written as `2024-06-14` (TOML years have four digits).
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    let t = s.trim();
    let shaped = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let year: i32 = t.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    if !shaped || !(1900..=2200).contains(&year) {
        return Err(format!(
            "`{s}` is not a date in the form YYYY-MM-DD with a year from 1900 to 2200"
        ));
    }
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

fn parse_period(s: &str) -> Result<crate::report::Period, String> {
    crate::report::Period::parse(s).ok_or_else(|| {
        format!("`{s}` is not a report period: YYYY-MM, YYYY-QN, YYYY-HN, YYYY or final")
    })
}

fn parse_quarter(s: &str) -> Result<(i32, u32), String> {
    crate::report::Period::parse_part(s, 'Q')
        .ok_or_else(|| format!("`{s}` is not a quarter in the form YYYY-QN (N = 1–4)"))
}

fn parse_half(s: &str) -> Result<(i32, u32), String> {
    crate::report::Period::parse_part(s, 'H')
        .ok_or_else(|| format!("`{s}` is not a half-year in the form YYYY-HN (N = 1 or 2)"))
}

/// A finite number (NaN and infinities are refused: `--value NaN` was shown as `NaN%`).
fn parse_finite(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("`{s}` is not a finite number")),
    }
}

fn parse_month(s: &str) -> Result<crate::model::window::Month, String> {
    crate::model::window::Month::parse(s)
        .ok_or_else(|| format!("`{s}` is not a month in the form YYYY-MM"))
}

fn parse_category(s: &str) -> Result<crate::model::status::Category, String> {
    crate::model::status::Category::from_key(s).ok_or_else(|| {
        let keys: Vec<&str> = crate::model::status::Category::ALL
            .iter()
            .map(|c| c.key())
            .collect();
        format!("`{s}` is not a standing; use one of: {}", keys.join(", "))
    })
}

// ---- everyday use (issue 13): `tiendo ID` as a shorthand for `tiendo show ID` ----

/// Global options that take a value in the next argument (`--plan DIR`).
const GLOBALS_WITH_VALUE: &[&str] = &["--plan", "--as-of", "--lang", "--color"];

/// The arguments with `show` inserted before a first positional argument that is not a
/// subcommand but looks like a task id (`tiendo 7.4`, `tiendo --as-of 2024-07-01 tt.6`).
pub fn with_shorthand(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let mut i = 1;
    while i < args.len() {
        let a = args[i].to_string_lossy();
        if a == "--" {
            return args;
        }
        if a.starts_with('-') {
            i += if GLOBALS_WITH_VALUE.contains(&a.as_ref()) {
                2
            } else {
                1
            };
            continue;
        }
        let cmd = Cli::command();
        let is_command = a == "help"
            || cmd
                .get_subcommands()
                .any(|c| c.get_name() == a || c.get_all_aliases().any(|al| al == a));
        if !is_command && looks_like_task_id(&a) {
            let mut out = args;
            out.insert(i, "show".into());
            return out;
        }
        return args;
    }
    args
}

/// `7.4`, `9.1.13`, `TT.6`, `tt.6`: dot-separated parts of letters and digits, one digit at least.
fn looks_like_task_id(s: &str) -> bool {
    s.contains('.')
        && s.chars().any(|c| c.is_ascii_digit())
        && s.split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

// ---- everyday use (issue 13): the command line in the user's language ----

/// The language asked for on the command line (`--lang X`, `--lang=X`) or in `TIENDO_LANG`,
/// found before clap parses anything so that help and errors can be in it. Vietnamese unless
/// English is asked for.
pub fn lang_of_args(args: &[std::ffi::OsString], env: Option<&str>) -> crate::i18n::Lang {
    use crate::i18n::Lang;
    let mut asked: Option<String> = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            asked = it.next().map(|v| v.to_string());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            asked = Some(v.to_string());
        }
    }
    match asked.as_deref().or(env) {
        Some(l) if l.trim().eq_ignore_ascii_case("en") => Lang::En,
        _ => Lang::Vi,
    }
}

/// The clap command with its help texts in `lang` (the doc comments are the English).
pub fn command_in(lang: crate::i18n::Lang) -> clap::Command {
    use clap::CommandFactory;
    let cmd = Cli::command();
    if lang == crate::i18n::Lang::En {
        return cmd;
    }
    let mut cmd = localize(cmd, "");
    // Generated flags and the `help` subcommand exist once the command is built.
    cmd.build();
    finish_vi(cmd)
}

fn localize(mut cmd: clap::Command, path: &str) -> clap::Command {
    use crate::i18n::help::{VI_ARGUMENTS, VI_COMMANDS, VI_OPTIONS, VI_USAGE, vi};
    if let Some(about) = vi(path, "-") {
        cmd = cmd.about(about).long_about(vi(path, "long"));
    }
    let args: Vec<(String, bool, String)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional(), vi_extras(a)))
        .collect();
    for (id, positional, extras) in args {
        cmd = cmd.mut_arg(&id, |a| {
            // `--as-of <NGÀY>`: the placeholder in Vietnamese too (clap derives `<FORMAT>` from
            // the field name when none is written).
            let names: Vec<String> = match a.get_value_names() {
                Some(v) => v.iter().map(|n| n.to_string()).collect(),
                None if a.get_action().takes_values() && !a.is_positional() => {
                    vec![a.get_id().to_string().to_uppercase().replace('_', "-")]
                }
                None => vec![],
            };
            let vi_names: Vec<&'static str> = names
                .iter()
                .filter_map(|n| crate::i18n::help::vi_value_name(n))
                .collect();
            if !names.is_empty() && vi_names.len() == names.len() {
                a.value_names(vi_names)
            } else {
                a
            }
        });
        let help = vi(path, &id);
        cmd = cmd.mut_arg(&id, |a| {
            let english = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            let takes = a.get_action().takes_values();
            let has_env = a.get_env().is_some();
            let a = a
                .help_heading(if positional { VI_ARGUMENTS } else { VI_OPTIONS })
                .help(format!("{}{extras}", help.unwrap_or(&english)))
                .long_help(None);
            let a = if takes {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            };
            if has_env { a.hide_env(true) } else { a }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub));
    }
    cmd.subcommand_help_heading(VI_COMMANDS)
        .subcommand_value_name("LỆNH")
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{VI_USAGE} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
}

/// What clap would add in English after an option's help: its default, its values, its
/// environment variable.
fn vi_extras(a: &clap::Arg) -> String {
    let mut s = String::new();
    if let Some(env) = a.get_env() {
        s.push_str(&format!(" [biến môi trường: {}]", env.to_string_lossy()));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().to_string())
        .collect();
    if !defaults.is_empty() && a.get_action().takes_values() {
        s.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && a.get_action().takes_values() {
        s.push_str(&format!(" [giá trị: {}]", values.join(", ")));
    }
    s
}

/// After the build: the generated `--help`, `--version` and `help` subcommand in Vietnamese,
/// and the usage line's placeholders.
fn finish_vi(mut cmd: clap::Command) -> clap::Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[TÙY CHỌN]")
        .replace("[COMMAND]", "[LỆNH]");
    cmd = cmd.override_usage(usage);
    use crate::i18n::help::{VI_OPTIONS, vi};
    for id in ["help", "version"] {
        if cmd.get_arguments().any(|a| a.get_id() == id) {
            let h = vi("", id).unwrap_or_default();
            cmd = cmd.mut_arg(id, |a| a.help(h).help_heading(VI_OPTIONS));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = if name == "help" {
                s.about("In trợ giúp của tiendo hoặc của một lệnh")
            } else {
                s
            };
            finish_vi(s)
        });
    }
    cmd
}

/// Parse the arguments with help and errors in the user's language. `Err` holds what to print
/// and the exit code (help and `--version` go to standard output with 0).
pub fn parse_localized(
    args: Vec<std::ffi::OsString>,
    env_lang: Option<&str>,
) -> Result<Cli, Parsed> {
    use clap::FromArgMatches;
    let lang = lang_of_args(&args, env_lang);
    let fail = |e: clap::Error| {
        let text = if lang == crate::i18n::Lang::Vi && e.use_stderr() {
            crate::i18n::help::clap_error_vi(&e)
        } else {
            e.render().to_string()
        };
        Parsed {
            text,
            stderr: e.use_stderr(),
            code: e.exit_code(),
        }
    };
    // Parsed with the plain command first: the words only matter when clap has something to
    // say (help, an error), and rewriting every help text costs a few milliseconds per run.
    let mut plain = <Cli as clap::CommandFactory>::command();
    let first = plain
        .try_get_matches_from_mut(args.clone())
        .and_then(|m| Cli::from_arg_matches(&m).map_err(|e| e.format(&mut plain)));
    match first {
        Ok(cli) => Ok(cli),
        Err(e) if lang == crate::i18n::Lang::En => Err(fail(e)),
        Err(_) => {
            let mut cmd = command_in(lang);
            let matches = cmd.try_get_matches_from_mut(args).map_err(fail)?;
            Cli::from_arg_matches(&matches).map_err(|e| fail(e.format(&mut cmd)))
        }
    }
}

/// What to print instead of running: help, the version, or a usage error.
#[derive(Debug)]
pub struct Parsed {
    pub text: String,
    pub stderr: bool,
    pub code: i32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_option_has_vietnamese_help() {
        fn walk(c: &clap::Command, path: &str, missing: &mut Vec<String>) {
            if crate::i18n::help::vi(path, "-").is_none() {
                missing.push(format!(
                    "({path:?}, \"-\") => {:?}",
                    c.get_about().map(|s| s.to_string())
                ));
            }
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if (a.is_global_set() && !path.is_empty()) || id == "help" || id == "version" {
                    continue;
                }
                if crate::i18n::help::vi(path, id).is_none() {
                    missing.push(format!(
                        "({path:?}, {id:?}) => {:?}",
                        a.get_help().map(|s| s.to_string())
                    ));
                }
            }
            for s in c.get_subcommands() {
                let p = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path} {}", s.get_name())
                };
                walk(s, &p, missing);
            }
        }
        let mut missing = vec![];
        walk(&Cli::command(), "", &mut missing);
        assert!(
            missing.is_empty(),
            "add to src/i18n/help.rs:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn the_language_is_known_before_parsing() {
        use crate::i18n::Lang;
        let v = |s: &[&str]| s.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_of_args(&v(&["tiendo", "list"]), None), Lang::Vi);
        assert_eq!(
            lang_of_args(&v(&["tiendo", "list", "--lang", "en"]), None),
            Lang::En
        );
        assert_eq!(
            lang_of_args(&v(&["tiendo", "--lang=en", "list"]), Some("vi")),
            Lang::En
        );
        assert_eq!(lang_of_args(&v(&["tiendo", "list"]), Some("en")), Lang::En);
        assert_eq!(
            lang_of_args(&v(&["tiendo", "--lang", "vi"]), Some("en")),
            Lang::Vi
        );
        command_in(Lang::Vi).debug_assert();
    }

    #[test]
    fn a_task_id_alone_means_show() {
        let v = |s: &[&str]| s.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            with_shorthand(v(&["tiendo", "7.4"])),
            v(&["tiendo", "show", "7.4"])
        );
        assert_eq!(
            with_shorthand(v(&[
                "tiendo",
                "--as-of",
                "2024-07-01",
                "tt.6",
                "--lang",
                "en"
            ])),
            v(&[
                "tiendo",
                "--as-of",
                "2024-07-01",
                "show",
                "tt.6",
                "--lang",
                "en"
            ])
        );
        for same in [
            &["tiendo", "list"][..],
            &["tiendo", "--plan", "7.4", "list"],
            &["tiendo", "report.md"],
            &["tiendo", "--", "7.4"],
        ] {
            assert_eq!(with_shorthand(v(same)), v(same));
        }
    }

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
