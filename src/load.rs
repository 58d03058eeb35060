//! The only reader of plan files: walk → read → decode → parse → (Plan, problems).
//!
//! Owns the serde mirror of each file kind (`RawTask`, `RawUnits`, `RawPlan`), text decoding
//! (BOM, UTF-16 and legacy code pages, NFC), and turning byte spans into line:column. A file
//! that cannot be read or parsed becomes a `Problem` and the rest of the plan still loads.
//! Cross-file rules (unknown units, group counts…) are `check`'s business, not this module's.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::model::amendment::Amendment;
use crate::model::plan::{
    Group, Indicator, Located, Milestone, Plan, PlanMeta, Pos, Progress, Registry, Source, Task,
    TaskStatus, Unit, UnitKind,
};
use crate::model::problem::{Encoding, Problem, ProblemKind};
use crate::text::{self, LineIndex};

/// Task files are about 1.5 KB; anything past this is not a task file someone typed.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

pub struct Loaded {
    pub plan: Plan,
    pub problems: Vec<Problem>,
    /// Number of files read (plan.toml, units.toml and task files).
    pub files: usize,
    /// Every task file parsed into a task.
    pub all_tasks_loaded: bool,
    /// units.toml was read and parsed.
    pub units_loaded: bool,
}

// ---------------------------------------------------------------------------------------------
// The files as written (serde mirrors). Shared with `edit` and `schema`.

/// `plan.toml`: the plan itself (code, dates, settings, groups)
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// The plan's number, e.g. "594/KH-TCTDA06"
    pub code: String,
    /// The plan's title as written
    pub title: String,
    /// The date the plan was signed (a TOML date: 2024-02-26)
    #[schemars(schema_with = "crate::schema::date")]
    pub issued: Spanned<Datetime>,
    /// Who signed it
    pub issuer: String,
    /// The standing body that collects reports: a unit id from units.toml
    #[schemars(schema_with = "crate::schema::unit_id")]
    pub secretariat: Spanned<String>,
    /// Units report before this day each month (1-28, default 15)
    #[serde(default)]
    #[schemars(with = "u8", range(min = 1, max = 28))]
    pub report_day: Option<Spanned<i64>>,
    /// When false, "trước ngày X" means due X-1 (the literal reading); when true, due X
    #[serde(default)]
    pub before_is_inclusive: bool,
    /// Where the plan text comes from (a file, a URL)
    #[serde(default)]
    pub source: Option<String>,
    /// The first day of the period the plan covers (594: 2024-01-01)
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub period_start: Option<Spanned<Datetime>>,
    /// The last day of the period the plan covers (594: 2024-12-31)
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub period_end: Option<Spanned<Datetime>>,
    /// The day the plan was closed (`tiendo close --on DATE`): views judge as of this day
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub closed_on: Option<Spanned<Datetime>>,
    /// The plan's groups, in plan order
    #[serde(default, rename = "group")]
    pub groups: Vec<RawGroup>,
    /// Known warnings the plan accepts: `check` leaves them out of its count and `--strict`
    #[serde(default, rename = "acknowledge")]
    pub acknowledge: Vec<RawAcknowledge>,
    /// How documents that leave the office are headed and signed (Nghị định 30/2020/NĐ-CP)
    #[serde(default)]
    pub document: Option<RawDocument>,
}

/// A known warning the plan accepts, with its reason
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAcknowledge {
    /// The rule's code as `check --format json` gives it, e.g. "unit-split"
    #[schemars(with = "String")]
    pub rule: Spanned<String>,
    /// Only findings about this unit (an id from units.toml)
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::unit_id")]
    pub unit: Option<Spanned<String>>,
    /// Only findings in these tasks (ids)
    #[serde(default)]
    pub tasks: Vec<String>,
    /// Why it is accepted
    pub reason: String,
}

/// `[document]`: the header block, signature and recipients of the Word report and reminder
/// letters. Every field is optional; what is missing shows as a visible placeholder.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// The superior body, e.g. "UBND TỈNH TÂY NINH"
    #[serde(default)]
    pub superior: Option<String>,
    /// The issuing body, e.g. "TỔ CÔNG TÁC ĐỀ ÁN 06"
    #[serde(default)]
    pub issuer: Option<String>,
    /// The issuer's abbreviation in document numbers: "…/BC-TCTDA06"
    #[serde(default)]
    pub issuer_code: Option<String>,
    /// The place in "Tây Ninh, ngày … tháng … năm …"
    #[serde(default)]
    pub place: Option<String>,
    /// The signing authority line, e.g. "KT. TỔ TRƯỞNG"
    #[serde(default)]
    pub signer_authority: Option<String>,
    /// The signer's title, e.g. "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC"
    #[serde(default)]
    pub signer_title: Option<String>,
    /// The signer's name (empty: a placeholder is printed)
    #[serde(default)]
    pub signer_name: Option<String>,
    /// Recipients of the monthly report (Nơi nhận), one a line, without "-" or ";"
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Recipients of reminder letters besides the unit addressed
    #[serde(default)]
    pub notice_recipients: Vec<String>,
    /// The archive line's holders: "Lưu: VT, …"
    #[serde(default)]
    pub archive: Option<String>,
}

/// One of the plan's groups, in plan order
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    /// `TT` for focus tasks, `1`…`10`, sub-groups `9.1`…
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The group's heading as written
    pub title: String,
    /// The parent group's id, for sub-groups
    #[serde(default)]
    #[schemars(with = "String")]
    pub parent: Option<Spanned<String>>,
    /// The number of tasks the plan states for this group (a parent counts its sub-groups' tasks)
    #[serde(default)]
    pub declared: Option<u32>,
}

/// `units.toml`: the units registry
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawUnits {
    /// Every unit the plan names
    #[serde(default, rename = "unit")]
    pub units: Vec<RawUnit>,
}

/// A unit (đơn vị): a department, agency, district, collective…
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    /// Lowercase ASCII slug, e.g. `so-tttt`
    #[schemars(schema_with = "crate::schema::unit_id")]
    pub id: Spanned<String>,
    /// The official name
    pub name: String,
    /// A short label for tables (defaults to the name)
    #[serde(default)]
    pub short: Option<String>,
    /// Every other spelling used in plans (matched without regard to case, diacritics or spacing)
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What sort of unit it is
    #[schemars(schema_with = "crate::schema::unit_kind")]
    pub kind: Spanned<String>,
    /// For collective units: the unit ids it stands for
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::unit_ids")]
    pub members: Vec<Spanned<String>>,
    /// The day the unit came into being, when after the plan was issued (a collective counts
    /// it as a member from that day)
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub started: Option<Spanned<Datetime>>,
    /// The day the unit ceased to exist (its tasks pass to the successors from that day)
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub ended: Option<Spanned<Datetime>>,
    /// Who carries its tasks after `ended` (unit ids)
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::unit_ids")]
    pub successors: Vec<Spanned<String>>,
    /// The functions this unit took over from ended units (shown when a task must choose
    /// among an ended unit's successors)
    #[serde(default)]
    pub took_over: Option<String>,
    /// Free text (e.g. the decision that merged it)
    #[serde(default)]
    pub note: Option<String>,
}

/// A task file: `tasks/<group>/<id>.toml`
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    /// The task id (`TT.1`, `7.4`, `9.1.3`); the file name is the id plus `.toml`
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The group id from plan.toml
    #[schemars(with = "String")]
    pub group: Spanned<String>,
    /// The task text as written in the tracking table
    pub title: String,
    /// Lead units (đơn vị chủ trì), in the plan's order
    #[schemars(schema_with = "crate::schema::lead_ids")]
    pub lead: Spanned<Vec<Spanned<String>>>,
    /// Coordinating units (đơn vị phối hợp), in the plan's order
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::unit_ids")]
    pub support: Vec<Spanned<String>>,
    /// The deadline phrase exactly as written, e.g. "Quý I/2024", "Trước ngày 05/3/2024", "Thực hiện thường xuyên"
    #[schemars(with = "String")]
    pub deadline: Spanned<String>,
    /// An explicit due date; overrides the date read from the phrase
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub due: Option<Spanned<Datetime>>,
    /// The task's status
    #[schemars(schema_with = "crate::schema::task_status")]
    pub status: Spanned<String>,
    /// The day the task was completed (with status "done")
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub done_on: Option<Spanned<Datetime>>,
    /// Remarks; every disagreement between the plan's body and its appendix, quoting both
    #[serde(default)]
    pub notes: Vec<String>,
    /// The id of a task that is the same piece of work (the plan lists it twice): progress on
    /// either counts for both, and the overview counts it once
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub same_as: Option<Spanned<String>>,
    /// Ids of tasks whose work overlaps this one's (near-duplicates kept apart)
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub overlaps: Vec<Spanned<String>>,
    /// Where the task comes from
    #[serde(default)]
    pub source: Option<RawSource>,
    /// Dated sub-targets
    #[serde(default, rename = "milestone")]
    pub milestones: Vec<RawMilestone>,
    /// Measurable targets
    #[serde(default, rename = "indicator")]
    pub indicators: Vec<RawIndicator>,
    /// Progress entries, oldest first
    #[serde(default)]
    pub progress: Vec<RawProgress>,
    /// Dated changes to the plan's values (handover, new lead, deadline extension…); the
    /// fields above keep the plan's wording
    #[serde(default, rename = "amendment")]
    pub amendments: Vec<RawAmendment>,
}

/// A dated amendment (điều chỉnh): from `on`, on the strength of `basis`, one or more values
/// change
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAmendment {
    /// The day it takes effect
    #[schemars(schema_with = "crate::schema::date")]
    pub on: Spanned<Datetime>,
    /// The document it rests on (number and date), e.g. "Công văn số 123/UBND-KT ngày 18/6/2024"
    #[serde(default)]
    #[schemars(with = "String")]
    pub basis: Option<Spanned<String>>,
    /// Source, remarks
    #[serde(default)]
    pub note: Option<String>,
    /// The fact could not be checked against a source
    #[serde(default)]
    pub unverified: bool,
    /// Handover: this unit's role (lead or support) passes to `to`
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::unit_id")]
    pub from: Option<Spanned<String>>,
    /// Handover: the units that take over from `from`
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::unit_ids")]
    pub to: Option<Spanned<Vec<Spanned<String>>>>,
    /// The new lead units (replaces the list)
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::unit_ids")]
    pub lead: Option<Vec<Spanned<String>>>,
    /// The new coordinating units (replaces the list)
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::unit_ids")]
    pub support: Option<Vec<Spanned<String>>>,
    /// The new deadline phrase (of the task, or of `milestone`)
    #[serde(default)]
    #[schemars(with = "String")]
    pub deadline: Option<Spanned<String>>,
    /// The new due date (of the task, or of `milestone`)
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub due: Option<Spanned<Datetime>>,
    /// The new title
    #[serde(default)]
    pub title: Option<String>,
    /// The milestone (1-based) whose deadline/due change
    #[serde(default)]
    #[schemars(with = "u32", range(min = 1))]
    pub milestone: Option<Spanned<i64>>,
    /// The indicator whose target changes
    #[serde(default)]
    #[schemars(with = "String")]
    pub indicator: Option<Spanned<String>>,
    /// The indicator's new target, as written
    #[serde(default)]
    pub target: Option<String>,
    /// The indicator's new target figure
    #[serde(default)]
    pub target_value: Option<f64>,
    /// The task itself was added to the plan by this amendment (it is not one of the tasks the
    /// plan declared when issued, so it does not count against a group's `declared`)
    #[serde(default)]
    pub added: bool,
}

/// Where the task comes from in the source document
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The source file, e.g. "seeds/000_1b43753a33ad4ff7.txt"
    #[serde(default)]
    pub document: Option<String>,
    /// The section and number in the body, e.g. "II.2 (7) 7.4"
    #[serde(default)]
    pub body: Option<String>,
    /// Line of the task in the source document's body
    #[serde(default)]
    pub body_line: Option<u32>,
    /// The section and row in the appendix, e.g. "Phụ lục VII, STT 4"
    #[serde(default)]
    pub appendix: Option<String>,
    /// Line of the row in the source document's appendix
    #[serde(default)]
    pub appendix_line: Option<u32>,
}

/// A dated sub-target (mốc)
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMilestone {
    /// What is to be reached
    pub title: String,
    /// The deadline phrase exactly as written
    #[schemars(with = "String")]
    pub deadline: Spanned<String>,
    /// An explicit due date; overrides the date read from the phrase
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub due: Option<Spanned<Datetime>>,
    /// The day the milestone was reached
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub done_on: Option<Spanned<Datetime>>,
}

/// A measurable target (chỉ tiêu)
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    /// A name unique in the task; progress entries refer to it
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The indicator as the plan words it, e.g. "Tỷ lệ hồ sơ được xử lý trực tuyến cấp tỉnh"
    #[serde(default)]
    pub text: Option<String>,
    /// The target as written, e.g. "100%"
    pub target: String,
    /// The unit of measure, e.g. "%"
    #[serde(default)]
    pub unit: Option<String>,
    /// The figure a value must reach to count as met
    #[serde(default)]
    pub target_value: Option<f64>,
    /// The starting point, as written
    #[serde(default)]
    pub baseline: Option<String>,
}

/// A progress entry (báo cáo tiến độ)
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProgress {
    /// The date the figures refer to
    #[schemars(schema_with = "crate::schema::date")]
    pub date: Spanned<Datetime>,
    /// The reporting unit (a unit id)
    #[schemars(schema_with = "crate::schema::unit_id")]
    pub by: Spanned<String>,
    /// What was done
    pub note: String,
    /// Percent complete (0-100)
    #[serde(default)]
    #[schemars(with = "u8", range(min = 0, max = 100))]
    pub percent: Option<Spanned<i64>>,
    /// The name of one of the task's indicators
    #[serde(default)]
    #[schemars(with = "String")]
    pub indicator: Option<Spanned<String>>,
    /// The indicator's value (with `indicator`)
    #[serde(default)]
    pub value: Option<f64>,
    /// The day the secretariat received the report (default: `date`); a report received after
    /// its window closed is listed as late in the next report
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::date")]
    pub received: Option<Spanned<Datetime>>,
}

// ---------------------------------------------------------------------------------------------
// Finding the plan folder.

/// The plan folder: `--plan`/`TIENDO_PLAN` when given, else `plan/` in `cwd` or the nearest
/// parent that has one.
pub fn find_plan_dir(given: Option<&Path>, cwd: &Path) -> Result<PathBuf, PlanDirError> {
    if let Some(p) = given {
        if !p.is_dir() {
            return Err(PlanDirError::NotAFolder(p.to_path_buf()));
        }
        return Ok(p.to_path_buf());
    }
    let mut rel = PathBuf::new();
    for dir in cwd.ancestors() {
        if dir.join("plan").join("plan.toml").is_file() {
            return Ok(rel.join("plan"));
        }
        rel.push("..");
    }
    Err(PlanDirError::NotFound(cwd.to_path_buf()))
}

/// Why there is no plan folder to work on (worded by `i18n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanDirError {
    /// `--plan` / `TIENDO_PLAN` names something that is not a folder.
    NotAFolder(PathBuf),
    /// No `plan/plan.toml` here or in any parent folder.
    NotFound(PathBuf),
}

// ---------------------------------------------------------------------------------------------
// Reading files.

/// `dir/rel` as a display path with `/` separators, through the terminal sanitiser (a file
/// name may hold ESC, BEL or a line break).
pub fn display_path(dir: &Path, rel: &Path) -> String {
    let joined = dir.join(rel);
    let s = joined.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").map(str::to_string).unwrap_or(s);
    text::for_terminal(&s).replace('\n', "\u{2424}")
}

/// Decoded text of one file, or the problem that stops it from being read.
pub struct Text {
    pub text: String,
    /// The file started with a UTF-8 BOM (kept on write by `edit`).
    pub bom: bool,
}

pub fn read_text(path: &Path, shown: &str) -> Result<Text, Problem> {
    decode(read_bytes(path, shown)?, shown)
}

/// [`read_text`], also giving the metadata of the open file taken before its bytes were read
/// (see [`read_bytes_stat`]).
pub fn read_text_stat(
    path: &Path,
    shown: &str,
) -> (Result<Text, Problem>, Option<std::fs::Metadata>) {
    let mut stat = None;
    let text = read_bytes_stat(path, shown, &mut stat).and_then(|b| decode(b, shown));
    (text, stat)
}

/// The bytes of one plan file, refusing what is not a regular file: a FIFO, device or socket
/// is opened without blocking and reported (a FIFO as `plan.toml` must not hang every
/// command), and a file past [`MAX_FILE_BYTES`] is not read.
pub fn read_bytes(path: &Path, shown: &str) -> Result<Vec<u8>, Problem> {
    read_bytes_stat(path, shown, &mut None)
}

/// [`read_bytes`], also giving (in `stat`) the metadata of the open regular file, taken *before*
/// its bytes were read: what the parse cache keys the result on, so a change after that
/// `fstat` shows on the next run.
fn read_bytes_stat(
    path: &Path,
    shown: &str,
    stat: &mut Option<std::fs::Metadata>,
) -> Result<Vec<u8>, Problem> {
    use std::io::Read;
    let io = |e: std::io::Error| {
        Problem::error(
            shown,
            Pos::default(),
            ProblemKind::Io {
                detail: io_detail(&e),
            },
        )
    };
    // One open, one fstat, one read: the type check, size check and the read see one file.
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let mut file = opts.open(path).map_err(io)?;
    let md = file.metadata().map_err(io)?;
    if !md.is_file() {
        return Err(Problem::error(
            shown,
            Pos::default(),
            if md.is_dir() {
                ProblemKind::Io {
                    detail: "is a folder".into(),
                }
            } else {
                ProblemKind::NotRegularFile
            },
        ));
    }
    let len = md.len();
    *stat = Some(md);
    if len > MAX_FILE_BYTES {
        return Err(Problem::error(
            shown,
            Pos::default(),
            ProblemKind::TooLarge {
                bytes: len,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    // Read at most one byte past the limit, in case the file grew since fstat.
    file.by_ref()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            *stat = None;
            io(e)
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        *stat = None;
        return Err(Problem::error(
            shown,
            Pos::default(),
            ProblemKind::TooLarge {
                bytes: bytes.len() as u64,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    Ok(bytes)
}

fn io_detail(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not found".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Bytes → text: strip a UTF-8 BOM, refuse UTF-16 and legacy 8-bit code pages with a located
/// problem, flag leftover merge-conflict markers.
pub fn decode(mut bytes: Vec<u8>, shown: &str) -> Result<Text, Problem> {
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    if bom {
        bytes.drain(..3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Problem::error(
            shown,
            Pos { line: 1, col: 1 },
            ProblemKind::NotUtf8 {
                guess: Encoding::Utf16,
            },
        ));
    }
    // UTF-16 without a BOM: every other byte is zero (in either byte order). Such a file may
    // even be valid UTF-8 (ASCII with NULs), so this is looked at first.
    let zeros = |skip: usize| {
        bytes
            .iter()
            .skip(skip)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    // (A text file has no NUL byte at all: one memchr answers for almost every file.)
    if bytes.len() >= 4 && bytes.contains(&0) && zeros(0).max(zeros(1)) > bytes.len() / 4 {
        return Err(Problem::error(
            shown,
            Pos { line: 1, col: 1 },
            ProblemKind::NotUtf8 {
                guess: Encoding::Utf16,
            },
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let high = bytes.iter().filter(|&&b| b >= 0x80).count();
            let guess = if high > 0 {
                Encoding::LegacyVietnamese
            } else {
                Encoding::Unknown
            };
            return Err(Problem::error(
                shown,
                text::byte_pos(&bytes, at),
                ProblemKind::NotUtf8 { guess },
            ));
        }
    };
    if let Some(offset) = conflict_marker(&text) {
        return Err(Problem::error(
            shown,
            LineIndex::new(&text).pos(offset),
            ProblemKind::ConflictMarker,
        ));
    }
    Ok(Text { text, bom })
}

/// Offset of the first line that is a git merge-conflict marker.
fn conflict_marker(text: &str) -> Option<usize> {
    // Fast path: no line starts with a marker character at all (almost every file).
    // (`split('\n')` finds line breaks with memchr.)
    if !text
        .split('\n')
        .any(|l| matches!(l.as_bytes().first(), Some(b'<' | b'=' | b'>' | b'|')))
    {
        return None;
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim_end_matches(['\n', '\r']);
        if l.starts_with("<<<<<<<")
            || l.starts_with(">>>>>>>")
            || l == "======="
            || l.starts_with("||||||| ")
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Parse TOML text into a serde mirror; the error becomes a located problem.
pub fn parse<T: for<'de> Deserialize<'de>>(text: &str, shown: &str) -> Result<T, Problem> {
    toml::from_str::<T>(text).map_err(|e| {
        let ix = LineIndex::new(text);
        let pos = e
            .span()
            .map(|s| ix.pos(s.start))
            .unwrap_or(Pos { line: 1, col: 1 });
        let line = text
            .lines()
            .nth(pos.line.saturating_sub(1) as usize)
            .unwrap_or_default();
        let kind = explain(e.message(), line).unwrap_or_else(|| classify(e.message()));
        Problem::error(shown, pos, kind)
    })
}

/// A common hand-editing mistake behind a toml/serde message, read from the message and the
/// line it points at; `None` when it is none of those (the plain message is shown then).
fn explain(message: &str, line: &str) -> Option<ProblemKind> {
    use crate::model::problem::TomlMistake as M;
    let (key, value) = match line.split_once('=') {
        Some((k, v)) => (k.trim(), v.trim()),
        None => ("", line.trim()),
    };
    // The value as written, without a trailing comment.
    let value = match value.find(" #") {
        Some(i) => value[..i].trim_end(),
        None => value,
    };
    let bare = value.trim_matches('"');
    let day_first = |s: &str| {
        let p: Vec<&str> = s.split(['/', '-', '.']).collect();
        p.len() == 3
            && p[0].len() <= 2
            && p[1].len() <= 2
            && p[2].len() == 4
            && p.iter()
                .all(|x| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit()))
    };
    let iso_date = |s: &str| {
        s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
            && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
    };
    let number = |s: &str| !s.is_empty() && s.parse::<f64>().is_ok();
    let stray_comma = message.contains("extra comma")
        || (message.starts_with("unexpected key or value") && value.ends_with(','));
    let mistake = if stray_comma {
        M::StrayComma
    } else if message.starts_with("string values must be quoted") {
        if value.is_empty() {
            return None; // a key with no value at all: toml's own words say it
        } else if day_first(value) {
            M::DayFirstDate
        } else if value.ends_with('%') && number(value.trim_end_matches('%')) {
            M::PercentSign
        } else {
            M::UnquotedText
        }
    } else if message.contains("expected a TOML datetime") && value.starts_with('"') {
        if iso_date(bare) {
            M::QuotedDate
        } else if day_first(bare) {
            M::DayFirstDate
        } else {
            return None;
        }
    } else if message.starts_with("invalid type: string")
        && (message.ends_with("expected i64")
            || message.ends_with("expected f64")
            || message.ends_with("expected u8")
            || message.ends_with("expected u32"))
        && number(bare)
    {
        M::QuotedNumber
    } else if message.starts_with("invalid type: string")
        && message.ends_with("expected a sequence")
    {
        M::ListExpected
    } else {
        return None;
    };
    Some(ProblemKind::TomlMistake {
        mistake,
        key: key.trim_start_matches('[').to_string(),
        found: value.trim_end_matches(',').trim_end().to_string(),
        detail: message.trim().to_string(),
    })
}

/// Turn a toml/serde message into a problem kind we can explain in the user's language.
fn classify(message: &str) -> ProblemKind {
    let ticked: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    if message.starts_with("unknown field") {
        let key = ticked.first().copied().unwrap_or_default().to_string();
        let suggestion = text::nearest(&key, ticked.iter().skip(1).copied(), 1)
            .first()
            .map(|s| s.to_string());
        return ProblemKind::UnknownKey { key, suggestion };
    }
    if message.starts_with("missing field") {
        let key = ticked.first().copied().unwrap_or_default().to_string();
        return ProblemKind::MissingKey { key };
    }
    if message.starts_with("invalid type")
        || message.starts_with("invalid value")
        || message.starts_with("invalid length")
        || message.starts_with("unknown variant")
    {
        return ProblemKind::BadValue {
            detail: message.trim().to_string(),
        };
    }
    ProblemKind::Syntax {
        detail: message.trim().to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Building the model.

struct Ctx<'a> {
    shown: &'a str,
    ix: LineIndex<'a>,
    problems: Vec<Problem>,
    /// The whole file is known to be NFC: strings need no normalising (the hot path).
    known_nfc: bool,
    /// No value in the file can hold a control character (see [`plain_text`]).
    plain: bool,
}

impl Ctx<'_> {
    fn pos<T>(&self, s: &Spanned<T>) -> Pos {
        self.ix.pos(s.span().start)
    }

    fn loc_str(&self, s: Spanned<String>) -> Located<String> {
        let pos = self.pos(&s);
        let v = s.into_inner();
        Located::new(self.nfc(v), pos)
    }

    /// A string value as the model holds it: NFC, control characters made visible.
    fn nfc(&self, s: String) -> String {
        let s = if self.known_nfc { s } else { text::nfc(&s) };
        if self.plain { s } else { visible(s) }
    }

    fn nfc_all(&self, v: Vec<String>) -> Vec<String> {
        v.into_iter().map(|s| self.nfc(s)).collect()
    }

    /// A TOML date without time or offset, else a problem.
    fn date(&mut self, s: Spanned<Datetime>) -> Option<Located<NaiveDate>> {
        let pos = self.pos(&s);
        let dt = s.into_inner();
        let date = match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
            }
            _ => None,
        };
        if date.is_none() {
            self.problems.push(Problem::error(
                self.shown,
                pos,
                ProblemKind::BadValue {
                    detail: format!("expected a date like 2024-03-05, found {dt}"),
                },
            ));
        }
        date.map(|d| Located::new(d, pos))
    }
}

/// A string value as the model holds it: a CRLF inside a value becomes LF, and every
/// character that could drive a terminal is made visible by the one sanitiser
/// ([`text::for_terminal`]): a value written with TOML escapes (`"\u001b[2J"`) must not drive
/// the terminal of whoever lists the plan.
fn visible(s: String) -> String {
    match text::for_terminal(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(_) => text::for_terminal(&s.replace("\r\n", "\n")).into_owned(),
    }
}

/// No string value parsed from this file text can need [`visible`]: the terminal sanitiser
/// would leave the whole raw text as it is (it judges character by character, so it leaves
/// every part alone too), and the text has no TOML escape that can make a character it would
/// replace (`\b \f \r \u \U \e \x`; `\t` and `\n` make characters it lets pass).
/// Checked once per file instead of once per string value.
fn plain_text(text: &str) -> bool {
    let b = text.as_bytes();
    !text.match_indices('\\').any(|(i, _)| {
        matches!(
            b.get(i + 1),
            Some(b'b' | b'f' | b'r' | b'u' | b'U' | b'e' | b'x')
        )
    }) && matches!(text::for_terminal(text), std::borrow::Cow::Borrowed(_))
}

pub fn build_task(raw: RawTask, text: &str, shown: &str) -> (Task, Vec<Problem>) {
    build_task_in(raw, text, shown, false)
}

/// `known_nfc`: the caller checked the whole text is NFC, so strings are taken as they are.
fn build_task_in(raw: RawTask, text: &str, shown: &str, known_nfc: bool) -> (Task, Vec<Problem>) {
    let mut c = Ctx {
        shown,
        ix: LineIndex::new(text),
        problems: vec![],
        known_nfc,
        plain: plain_text(text),
    };
    let status_pos = c.pos(&raw.status);
    let status_key = visible(raw.status.into_inner());
    let status = TaskStatus::from_key(&status_key).unwrap_or_else(|| {
        c.problems.push(Problem::error(
            shown,
            status_pos,
            ProblemKind::BadValue {
                detail: format!("unknown status `{status_key}`, expected one of `todo`, `doing`, `done`, `dropped`"),
            },
        ));
        TaskStatus::Todo
    });
    let lead_pos = c.pos(&raw.lead);
    let lead = raw
        .lead
        .into_inner()
        .into_iter()
        .map(|u| c.loc_str(u))
        .collect();
    let support = raw.support.into_iter().map(|u| c.loc_str(u)).collect();
    let due = raw.due.and_then(|d| c.date(d));
    let done_on = raw.done_on.and_then(|d| c.date(d));
    let milestones = raw
        .milestones
        .into_iter()
        .map(|m| Milestone {
            title: c.nfc(m.title),
            deadline: c.loc_str(m.deadline),
            due: m.due.and_then(|d| c.date(d)),
            done_on: m.done_on.and_then(|d| c.date(d)),
        })
        .collect();
    let indicators = raw
        .indicators
        .into_iter()
        .enumerate()
        .map(|(n, i)| {
            let name = c.loc_str(i.name);
            if let Some(v) = i.target_value.filter(|v| !v.is_finite()) {
                c.problems.push(
                    Problem::error(
                        shown,
                        name.pos,
                        ProblemKind::BadValue {
                            detail: format!("`target_value` must be a finite number, found {v}"),
                        },
                    )
                    .about(crate::model::problem::Item::Indicator(n + 1)),
                );
            }
            Indicator {
                name,
                text: i.text.map(|t| c.nfc(t)),
                target: c.nfc(i.target),
                unit: i.unit.map(|u| c.nfc(u)),
                target_value: i.target_value.filter(|v| v.is_finite()),
                baseline: i.baseline.map(|b| c.nfc(b)),
            }
        })
        .collect();
    let mut progress = vec![];
    for (n, p) in raw.progress.into_iter().enumerate() {
        let Some(date) = c.date(p.date) else { continue };
        let percent = match p.percent {
            Some(s) => {
                let pos = c.pos(&s);
                let v = s.into_inner();
                match u8::try_from(v) {
                    Ok(v) if v <= 100 => Some(v),
                    _ => {
                        c.problems.push(
                            Problem::error(
                                shown,
                                pos,
                                ProblemKind::PercentOutOfRange { percent: v },
                            )
                            .about(crate::model::problem::Item::Progress(n + 1)),
                        );
                        None
                    }
                }
            }
            None => None,
        };
        let value = match p.value {
            Some(v) if !v.is_finite() => {
                c.problems.push(
                    Problem::error(
                        shown,
                        date.pos,
                        ProblemKind::BadValue {
                            detail: format!("`value` must be a finite number, found {v}"),
                        },
                    )
                    .about(crate::model::problem::Item::Progress(n + 1)),
                );
                None
            }
            v => v,
        };
        progress.push(Progress {
            date,
            by: c.loc_str(p.by),
            note: c.nfc(p.note),
            percent,
            indicator: p.indicator.map(|i| c.loc_str(i)),
            value,
            received: p.received.and_then(|d| c.date(d)),
        });
    }
    let mut amendments = vec![];
    for a in raw.amendments {
        let on_pos = c.pos(&a.on);
        let Some(on) = c.date(a.on) else { continue };
        let to_pos = a.to.as_ref().map(|t| c.pos(t));
        amendments.push(Amendment {
            on,
            pos: on_pos,
            basis: a.basis.map(|b| c.loc_str(b)),
            note: a.note.map(|n| c.nfc(n)),
            unverified: a.unverified,
            from: a.from.map(|f| c.loc_str(f)),
            to: a
                .to
                .map(|t| t.into_inner().into_iter().map(|u| c.loc_str(u)).collect())
                .unwrap_or_default(),
            to_pos,
            lead: a
                .lead
                .map(|l| l.into_iter().map(|u| c.loc_str(u)).collect()),
            support: a
                .support
                .map(|l| l.into_iter().map(|u| c.loc_str(u)).collect()),
            deadline: a.deadline.map(|d| c.loc_str(d)),
            due: a.due.and_then(|d| c.date(d)),
            title: a.title.map(|t| c.nfc(t)),
            milestone: a.milestone.map(|m| {
                let pos = c.pos(&m);
                Located::new(m.into_inner(), pos)
            }),
            indicator: a.indicator.map(|i| c.loc_str(i)),
            target: a.target.map(|t| c.nfc(t)),
            target_value: a.target_value,
            added: a.added,
        });
    }
    let task = Task {
        file: shown.to_string(),
        id: c.loc_str(raw.id),
        group: c.loc_str(raw.group),
        title: c.nfc(raw.title),
        lead,
        lead_pos,
        support,
        deadline: c.loc_str(raw.deadline),
        due,
        status: Located::new(status, status_pos),
        done_on,
        notes: c.nfc_all(raw.notes),
        same_as: raw.same_as.map(|s| c.loc_str(s)),
        overlaps: raw.overlaps.into_iter().map(|s| c.loc_str(s)).collect(),
        source: raw.source.map(|s| Source {
            document: s.document.map(|v| c.nfc(v)),
            body: s.body.map(|v| c.nfc(v)),
            body_line: s.body_line,
            appendix: s.appendix.map(|v| c.nfc(v)),
            appendix_line: s.appendix_line,
        }),
        milestones,
        indicators,
        progress,
        amendments,
    };
    (task, c.problems)
}

fn build_meta(raw: RawPlan, text: &str, shown: &str) -> (PlanMeta, Vec<Problem>) {
    let mut c = Ctx {
        shown,
        ix: LineIndex::new(text),
        problems: vec![],
        known_nfc: false,
        plain: false,
    };
    let issued = c.date(raw.issued).map(|d| d.value);
    let period_start = raw.period_start.and_then(|d| c.date(d)).map(|d| d.value);
    let period_end = raw.period_end.and_then(|d| c.date(d)).map(|d| d.value);
    let closed_on = raw.closed_on.and_then(|d| c.date(d)).map(|d| d.value);
    let report_day = match raw.report_day {
        Some(s) => {
            let pos = c.pos(&s);
            let v = s.into_inner();
            if (1..=28).contains(&v) {
                v as u32
            } else {
                c.problems.push(Problem::error(
                    shown,
                    pos,
                    ProblemKind::BadValue {
                        detail: format!("report_day must be 1–28, found {v}"),
                    },
                ));
                15
            }
        }
        None => 15,
    };
    let groups = raw
        .groups
        .into_iter()
        .map(|g| Group {
            id: c.loc_str(g.id),
            title: c.nfc(g.title),
            parent: g.parent.map(|p| c.loc_str(p)),
            declared: g.declared,
        })
        .collect();
    let meta = PlanMeta {
        file: shown.to_string(),
        code: c.nfc(raw.code),
        title: c.nfc(raw.title),
        issued,
        issuer: c.nfc(raw.issuer),
        secretariat: Some(c.loc_str(raw.secretariat)),
        report_day,
        before_is_inclusive: raw.before_is_inclusive,
        source: raw.source.map(|v| c.nfc(v)),
        groups,
        period_start,
        period_end,
        closed_on,
        acknowledged: raw
            .acknowledge
            .into_iter()
            .map(|a| crate::model::plan::Acknowledgement {
                rule: c.loc_str(a.rule),
                unit: a.unit.map(|u| c.loc_str(u)),
                tasks: a.tasks,
                reason: c.nfc(a.reason),
            })
            .collect(),
        document: raw
            .document
            .map(|d| crate::model::plan::DocumentSettings {
                superior: d.superior.map(|s| c.nfc(s)),
                issuer: d.issuer.map(|s| c.nfc(s)),
                issuer_code: d.issuer_code.map(|s| c.nfc(s)),
                place: d.place.map(|s| c.nfc(s)),
                signer_authority: d.signer_authority.map(|s| c.nfc(s)),
                signer_title: d.signer_title.map(|s| c.nfc(s)),
                signer_name: d.signer_name.map(|s| c.nfc(s)),
                recipients: d.recipients.into_iter().map(|s| c.nfc(s)).collect(),
                notice_recipients: d.notice_recipients.into_iter().map(|s| c.nfc(s)).collect(),
                archive: d.archive.map(|s| c.nfc(s)),
            })
            .unwrap_or_default(),
    };
    (meta, c.problems)
}

fn build_units(raw: RawUnits, text: &str, shown: &str) -> (Vec<Unit>, Vec<Problem>) {
    let mut c = Ctx {
        shown,
        ix: LineIndex::new(text),
        problems: vec![],
        known_nfc: false,
        plain: false,
    };
    let mut units = vec![];
    for u in raw.units {
        let kind_pos = c.pos(&u.kind);
        let kind_key = visible(u.kind.into_inner());
        let kind = UnitKind::from_key(&kind_key).unwrap_or_else(|| {
            let expected: Vec<&str> = UnitKind::ALL.iter().map(|k| k.key()).collect();
            c.problems.push(Problem::error(
                shown,
                kind_pos,
                ProblemKind::BadValue {
                    detail: format!(
                        "unknown kind `{kind_key}`, expected one of `{}`",
                        expected.join("`, `")
                    ),
                },
            ));
            UnitKind::Other
        });
        let ended = u.ended.and_then(|d| c.date(d)).map(|d| d.value);
        let started = u.started.and_then(|d| c.date(d)).map(|d| d.value);
        units.push(Unit {
            id: c.loc_str(u.id),
            name: c.nfc(u.name),
            short: u.short.map(|s| c.nfc(s)),
            aliases: c.nfc_all(u.aliases),
            kind,
            members: u.members.into_iter().map(|m| c.loc_str(m)).collect(),
            ended,
            started,
            successors: u.successors.into_iter().map(|m| c.loc_str(m)).collect(),
            took_over: u.took_over.map(|n| c.nfc(n)),
            note: u.note.map(|n| c.nfc(n)),
        });
    }
    (units, c.problems)
}

/// Read, check encoding and NFC, and parse one file; problems go to `problems`. `stat` gets
/// the file's metadata as it was before the read (`None` when it could not be read).
fn read_and_parse<T: for<'de> Deserialize<'de>>(
    path: &Path,
    shown: &str,
    problems: &mut Vec<Problem>,
    stat: &mut Option<std::fs::Metadata>,
) -> Option<(T, String, bool)> {
    let (t, md) = read_text_stat(path, shown);
    *stat = md;
    let t = match t {
        Ok(t) => t,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    let non_nfc = text::first_non_nfc(&t.text);
    if let Some(off) = non_nfc {
        problems.push(Problem::warning(
            shown,
            LineIndex::new(&t.text).pos(off),
            ProblemKind::NotNfc,
        ));
    }
    match parse::<T>(&t.text, shown) {
        Ok(raw) => Some((raw, t.text, non_nfc.is_none())),
        Err(p) => {
            problems.push(p);
            None
        }
    }
}

/// What reading one plan file gives: the value (when it parsed), its own problems, and the
/// metadata the parse cache keys it on.
pub struct FileResult<T> {
    pub value: Option<T>,
    pub problems: Vec<Problem>,
    pub stat: Option<std::fs::Metadata>,
}

pub fn load_task_file(path: &Path, shown: &str) -> (Option<Task>, Vec<Problem>) {
    let r = read_task_file(path, shown);
    (r.value, r.problems)
}

/// One task file, with the metadata taken before it was read.
pub fn read_task_file(path: &Path, shown: &str) -> FileResult<Task> {
    let mut problems = vec![];
    let mut stat = None;
    let Some((raw, text, known_nfc)) =
        read_and_parse::<RawTask>(path, shown, &mut problems, &mut stat)
    else {
        return FileResult {
            value: None,
            problems,
            stat,
        };
    };
    let (task, more) = build_task_in(raw, &text, shown, known_nfc);
    problems.extend(more);
    FileResult {
        value: Some(task),
        problems,
        stat,
    }
}

/// `plan.toml`: the plan's settings and groups (`None` when it does not parse).
pub fn read_plan_file(path: &Path, shown: &str) -> FileResult<PlanMeta> {
    let mut problems = vec![];
    let mut stat = None;
    let value =
        read_and_parse::<RawPlan>(path, shown, &mut problems, &mut stat).map(|(raw, text, _)| {
            let (m, p) = build_meta(raw, &text, shown);
            problems.extend(p);
            m
        });
    FileResult {
        value,
        problems,
        stat,
    }
}

/// `units.toml`: the registry's units (`None` when it does not parse).
pub fn read_units_file(path: &Path, shown: &str) -> FileResult<Vec<Unit>> {
    let mut problems = vec![];
    let mut stat = None;
    let value =
        read_and_parse::<RawUnits>(path, shown, &mut problems, &mut stat).map(|(raw, text, _)| {
            let (u, p) = build_units(raw, &text, shown);
            problems.extend(p);
            u
        });
    FileResult {
        value,
        problems,
        stat,
    }
}

/// **The one task-file filter** (docs/design-shared.md, mechanism 4): whether `rel`, a
/// `/`-separated path relative to the plan folder, names a task file. It does when it lies
/// under `tasks/`, ends in `.toml`, and no part of it is hidden (starts with `.`), empty, or
/// holds a character that cannot be shown on a terminal, a line break or a backslash.
///
/// The loader's walk and every git snapshot (`ls-tree`, `log --raw`, `cat-file` paths) ask
/// this, so a file the loader skips is skipped by `diff` and `review` too (a task renamed to
/// `.7.4.toml` is a removed task everywhere, not only in the working tree).
pub fn is_task_path(rel: &str) -> bool {
    let Some(rest) = rel.strip_prefix("tasks/") else {
        return false;
    };
    rest.ends_with(".toml")
        && rest.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && !part
                    .chars()
                    .any(|c| c == '\\' || c == '\n' || text::is_unsafe_for_terminal(c))
        })
}

/// Every task file under `tasks/` ([`is_task_path`]), sorted, relative to the plan folder.
/// Symlinks are reported as errors and not followed — `tasks/` itself, a sub-group folder or a
/// file (a link can point outside the plan or into a loop, and writes must never go through
/// it). A `.toml` file whose name cannot be a task file is an error too, not a silent skip.
pub fn task_files(dir: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    walk_tasks(dir, problems, false)
        .into_iter()
        .map(|(p, _)| p)
        .collect()
}

/// [`task_files`], with each file's `lstat` when `stat` is set (what the parse cache compares
/// with its key; the files listed are regular files, so it is also their `stat`).
fn walk_tasks(
    dir: &Path,
    problems: &mut Vec<Problem>,
    stat: bool,
) -> Vec<(PathBuf, Option<std::fs::Metadata>)> {
    let root = dir.join("tasks");
    match std::fs::symlink_metadata(&root) {
        Ok(md) if md.file_type().is_symlink() => {
            problems.push(Problem::error(
                &display_path(dir, Path::new("tasks")),
                Pos::default(),
                ProblemKind::Symlink,
            ));
            return vec![];
        }
        Ok(md) if md.is_dir() => {}
        _ => return vec![],
    }
    let mut out = vec![];
    // Unsorted walk, then one sort of the whole list on a byte key with separators as the
    // smallest byte: that is component-by-component order, exactly the order of a depth-first
    // walk sorted by file name in each folder (walkdir's own per-folder sort re-parsed both
    // paths on every comparison: an eighth of a warm `check`; sorting `Path`s costs as much).
    let walker = walkdir::WalkDir::new(&root)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.depth() == 0 {
                    continue;
                }
                let rel = e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf();
                let rel_str = rel
                    .to_string_lossy()
                    .replace(std::path::MAIN_SEPARATOR, "/");
                let is_toml = e.path().extension().is_some_and(|x| x == "toml");
                let ft = e.file_type();
                if e.path_is_symlink() {
                    // An error, not a warning: the task (or folder of tasks) behind the link is
                    // not loaded, and a plan that silently lacks a task must not pass `check`.
                    problems.push(Problem::error(
                        &display_path(dir, &rel),
                        Pos::default(),
                        ProblemKind::Symlink,
                    ));
                } else if ft.is_dir() || !is_toml {
                    // Folders are walked into; other files are not task files.
                } else if !is_task_path(&rel_str) || e.path().to_str().is_none() {
                    problems.push(Problem::error(
                        &display_path(dir, &rel),
                        Pos::default(),
                        ProblemKind::BadFileName,
                    ));
                } else if ft.is_file() {
                    let md = if stat { e.metadata().ok() } else { None };
                    out.push((rel, md));
                } else {
                    problems.push(Problem::error(
                        &display_path(dir, &rel),
                        Pos::default(),
                        ProblemKind::NotRegularFile,
                    ));
                }
            }
            Err(err) => {
                let rel = err
                    .path()
                    .map(|p| p.strip_prefix(dir).unwrap_or(p).to_path_buf())
                    .unwrap_or_default();
                let detail = err
                    .io_error()
                    .map(io_detail)
                    .unwrap_or_else(|| err.to_string());
                problems.push(Problem::error(
                    &display_path(dir, &rel),
                    Pos::default(),
                    ProblemKind::Io { detail },
                ));
            }
        }
    }
    out.sort_by_cached_key(|(p, _)| walk_order_key(p));
    out
}

/// A byte key whose order is `Path`'s component order: separators become 0, which no file
/// name holds.
fn walk_order_key(p: &Path) -> Vec<u8> {
    let sep = |b: u8| b == b'/' || (cfg!(windows) && b == b'\\');
    p.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&b| if sep(b) { 0 } else { b })
        .collect()
}

/// The plan's frame without its tasks: plan.toml and units.toml (for commands such as `log`
/// that need names and settings but not every task file).
pub fn load_frame(dir: &Path) -> Result<Loaded> {
    let mut session = Session::open(dir, false)?;
    Ok(session.frame(dir))
}

/// `plan.toml` and `units.toml` from bytes (a git snapshot): what does not parse is left at
/// its default (no groups, no units), as a task version that does not parse is skipped.
pub fn frame_from_bytes(plan: Option<Vec<u8>>, units: Option<Vec<u8>>) -> (PlanMeta, Vec<Unit>) {
    let meta = plan
        .and_then(|b| decode(b, "plan.toml").ok())
        .and_then(|t| {
            parse::<RawPlan>(&t.text, "plan.toml")
                .ok()
                .map(|raw| build_meta(raw, &t.text, "plan.toml").0)
        })
        .unwrap_or_default();
    let units = units
        .and_then(|b| decode(b, "units.toml").ok())
        .and_then(|t| {
            parse::<RawUnits>(&t.text, "units.toml")
                .ok()
                .map(|raw| build_units(raw, &t.text, "units.toml").0)
        })
        .unwrap_or_default();
    (meta, units)
}

/// Load a whole plan folder without the parse cache. `Err` only when the folder itself cannot
/// be used.
pub fn load(dir: &Path) -> Result<Loaded> {
    load_with(dir, false)
}

/// Load a whole plan folder, through the parse cache when `use_cache` (see [`crate::cache`]):
/// a file whose size, times and inode match the cache's key is not read; every other file is
/// read and parsed as [`load`] does, and the cache is rewritten. The result is the same either
/// way (the tests compare them byte for byte); cross-file rules are `check`'s and always run.
pub fn load_with(dir: &Path, use_cache: bool) -> Result<Loaded> {
    load_counted(dir, use_cache).map(|(l, _)| l)
}

/// [`load_with`], also saying how many files were served from the cache.
pub fn load_counted(dir: &Path, use_cache: bool) -> Result<(Loaded, usize)> {
    let mut session = Session::open(dir, use_cache)?;
    let mut loaded = session.frame(dir);
    let mut problems = std::mem::take(&mut loaded.problems);
    let paths = walk_tasks(dir, &mut problems, session.index.is_some());
    let files = loaded.files + paths.len();
    let meta = loaded.plan.meta;
    let units_loaded = loaded.units_loaded;
    let units = loaded.plan.units;
    let tasks = session.tasks(dir, &paths, &mut problems);
    let cached = session.hits;
    session.save();
    let all_tasks_loaded = tasks.len() == paths.len();
    // Sort once on precomputed keys (comparing ids builds keys), moving indexes rather than
    // tasks, which are large.
    let keys: Vec<crate::model::id::TaskKey> = tasks
        .iter()
        .map(|t| crate::model::id::TaskKey::new(&t.id.value))
        .collect();
    let mut order: Vec<usize> = (0..tasks.len()).collect();
    order.sort_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| tasks[a].id.value.cmp(&tasks[b].id.value))
            .then_with(|| tasks[a].file.cmp(&tasks[b].file))
    });
    // Put each task in place by following the permutation's cycles: no second vector of tasks
    // (peak memory).
    let mut tasks = tasks;
    let mut done = vec![false; tasks.len()];
    for start in 0..tasks.len() {
        let mut j = start;
        while !done[j] {
            done[j] = true;
            let from = order[j];
            if from == start {
                break;
            }
            tasks.swap(j, from);
            j = from;
        }
    }
    if paths.is_empty() {
        problems.push(Problem::warning(
            &display_path(dir, Path::new("tasks")),
            Pos::default(),
            ProblemKind::NoTasks,
        ));
    }
    let plan = Plan { meta, units, tasks };
    Ok((
        Loaded {
            plan,
            problems,
            files,
            all_tasks_loaded,
            units_loaded,
        },
        cached,
    ))
}

/// One load of a plan folder: the old cache (when there is one and it is valid) and the records
/// of the new one.
struct Session {
    /// When the load started, before any file was looked at (the "racily clean" rule).
    started: std::time::SystemTime,
    store: Option<crate::cache::Store>,
    index: Option<crate::cache::Index>,
    records: Vec<crate::cache::Record>,
    /// Files served from the cache.
    hits: usize,
    /// Files read (a record was made for each that may be cached).
    misses: usize,
}

impl Session {
    fn open(dir: &Path, use_cache: bool) -> Result<Session> {
        let md = std::fs::metadata(dir)
            .with_context(|| format!("failed to read plan folder `{}`", dir.display()))?;
        if !md.is_dir() {
            bail!("`{}` is not a folder", dir.display());
        }
        let started = std::time::SystemTime::now();
        let store = if use_cache {
            crate::cache::Store::for_plan(dir)
        } else {
            None
        };
        // A missing, foreign or damaged cache is an empty one: every file is read.
        let index = store
            .as_ref()
            .map(|s| s.read().unwrap_or_else(crate::cache::Index::empty));
        Ok(Session {
            started,
            store,
            index,
            records: vec![],
            hits: 0,
            misses: 0,
        })
    }

    /// plan.toml and units.toml.
    fn frame(&mut self, dir: &Path) -> Loaded {
        let mut problems = vec![];
        let mut files = 0;

        let plan_shown = display_path(dir, Path::new("plan.toml"));
        let plan_path = dir.join("plan.toml");
        let mut meta = PlanMeta {
            file: plan_shown.clone(),
            ..PlanMeta::default()
        };
        if plan_path.exists() {
            files += 1;
            let (m, p) = self.file(
                &plan_path,
                "plan.toml",
                &plan_shown,
                crate::cache::Kind::Plan,
                None,
                read_plan_file,
                |m: &mut PlanMeta, shown| m.file = shown.to_string(),
            );
            if let Some(m) = m {
                meta = m;
            }
            problems.extend(p);
        } else {
            problems.push(Problem::error(
                &plan_shown,
                Pos::default(),
                ProblemKind::MissingFile,
            ));
        }

        let units_shown = display_path(dir, Path::new("units.toml"));
        let mut units_loaded = false;
        let units_path = dir.join("units.toml");
        let mut units = vec![];
        if units_path.exists() {
            files += 1;
            let (u, p) = self.file(
                &units_path,
                "units.toml",
                &units_shown,
                crate::cache::Kind::Units,
                None,
                read_units_file,
                |_: &mut Vec<Unit>, _| {},
            );
            if let Some(u) = u {
                units = u;
                units_loaded = true;
            }
            problems.extend(p);
        } else {
            problems.push(Problem::error(
                &units_shown,
                Pos::default(),
                ProblemKind::MissingFile,
            ));
        }

        let plan = Plan {
            meta,
            units: Registry::new(units_shown, units),
            tasks: vec![],
        };
        Loaded {
            plan,
            problems,
            files,
            all_tasks_loaded: true,
            units_loaded,
        }
    }

    /// One file through the cache: served from it when its key matches, else read (and a
    /// record made for the new cache). `stat`: the file's metadata when the caller has it.
    #[allow(clippy::too_many_arguments)]
    fn file<T: serde::Serialize + serde::de::DeserializeOwned>(
        &mut self,
        path: &Path,
        rel: &str,
        shown: &str,
        kind: crate::cache::Kind,
        stat: Option<&std::fs::Metadata>,
        read: fn(&Path, &str) -> FileResult<T>,
        fix: fn(&mut T, &str),
    ) -> (Option<T>, Vec<Problem>) {
        let (value, problems, record, hit) = cached_file(
            self.index.as_ref(),
            self.started,
            path,
            rel,
            shown,
            kind,
            stat,
            read,
            fix,
        );
        self.count(record, hit);
        (value, problems)
    }

    fn count(&mut self, record: Option<crate::cache::Record>, hit: bool) {
        if hit {
            self.hits += 1;
        } else {
            self.misses += 1;
        }
        self.records.extend(record);
    }

    /// Task files, on up to two threads (the measured sweet spot on this class of machine),
    /// results kept in path order so output never depends on scheduling.
    fn tasks(
        &mut self,
        dir: &Path,
        paths: &[(PathBuf, Option<std::fs::Metadata>)],
        problems: &mut Vec<Problem>,
    ) -> Vec<Task> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        let (index, started) = (self.index.as_ref(), self.started);
        let work = |chunk: &[(PathBuf, Option<std::fs::Metadata>)]| {
            chunk
                .iter()
                .map(|(rel, md)| {
                    let rel_s = rel.to_string_lossy().replace('\\', "/");
                    cached_file(
                        index,
                        started,
                        &dir.join(rel),
                        &rel_s,
                        &display_path(dir, rel),
                        crate::cache::Kind::Task,
                        md.as_ref(),
                        read_task_file,
                        |t: &mut Task, shown| t.file = shown.to_string(),
                    )
                })
                .collect::<Vec<_>>()
        };
        let results = if threads == 1 || paths.len() < 64 {
            work(paths)
        } else {
            let size = paths.len().div_ceil(threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = paths
                    .chunks(size)
                    .map(|c| s.spawn(move || work(c)))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        let cached = index.is_some();
        let mut tasks = Vec::with_capacity(results.len());
        for (t, p, record, hit) in results {
            problems.extend(p);
            tasks.extend(t);
            if cached {
                self.count(record, hit);
            }
        }
        tasks
    }

    /// Write the new cache when anything differs from the old one.
    fn save(self) {
        let (Some(store), Some(index)) = (self.store, self.index) else {
            return;
        };
        if self.misses == 0 && self.hits == index.len() && index.valid() {
            return;
        }
        store.write(&self.records, &index);
    }
}

/// One file through the cache (see [`Session::file`]); the record to keep and whether it was a
/// hit.
#[allow(clippy::too_many_arguments)]
fn cached_file<T: serde::Serialize + serde::de::DeserializeOwned>(
    index: Option<&crate::cache::Index>,
    started: std::time::SystemTime,
    path: &Path,
    rel: &str,
    shown: &str,
    kind: crate::cache::Kind,
    stat: Option<&std::fs::Metadata>,
    read: fn(&Path, &str) -> FileResult<T>,
    fix: fn(&mut T, &str),
) -> (Option<T>, Vec<Problem>, Option<crate::cache::Record>, bool) {
    use crate::cache::{Record, StatKey};
    let Some(index) = index else {
        let r = read(path, shown);
        return (r.value, r.problems, None, false);
    };
    let own_stat;
    let stat = match stat {
        Some(s) => Some(s),
        None => {
            own_stat = std::fs::metadata(path).ok();
            own_stat.as_ref()
        }
    };
    if let Some(key) = stat.map(StatKey::of)
        && let Some((data, record)) = index.get(rel, kind, &key)
        && let Some((mut value, mut problems)) =
            crate::cache::decode::<(Option<T>, Vec<Problem>)>(data)
    {
        if let Some(v) = value.as_mut() {
            fix(v, shown);
        }
        for p in &mut problems {
            p.path = shown.to_string();
        }
        return (value, problems, Some(record), true);
    }
    let r = read(path, shown);
    // Not cached: a file that could not be read (it may be readable next time), and a file
    // changed so recently that a further change could keep its times (racily clean).
    let record = r.stat.as_ref().map(StatKey::of).and_then(|key| {
        let io = r
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Io { .. }));
        (!io && key.settled(started))
            .then(|| crate::cache::encode(&(&r.value, &r.problems)))
            .flatten()
            .map(|data| Record::new(rel, kind, key, data))
    });
    (r.value, r.problems, record, false)
}

// ---- issue 15: a plan from a git revision ----------------------------------------------------

fn parse_bytes<T: for<'de> Deserialize<'de>>(
    bytes: Vec<u8>,
    shown: &str,
    problems: &mut Vec<Problem>,
) -> Option<(T, String, bool)> {
    let t = match decode(bytes, shown) {
        Ok(t) => t,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    let nfc = text::first_non_nfc(&t.text).is_none();
    match parse::<T>(&t.text, shown) {
        Ok(raw) => Some((raw, t.text, nfc)),
        Err(p) => {
            problems.push(p);
            None
        }
    }
}

/// A plan from file contents already in memory (a git revision: `report --at REV`), with the
/// same parsing and problems as [`load`]. `shown` names are as `load` would display them;
/// `tasks` holds each task file's name and bytes.
pub fn from_bytes(
    plan_toml: Option<(String, Vec<u8>)>,
    units_toml: Option<(String, Vec<u8>)>,
    tasks: Vec<(String, Vec<u8>)>,
) -> Loaded {
    let mut problems = vec![];
    let mut files = 0;
    let mut meta = PlanMeta::default();
    if let Some((shown, bytes)) = plan_toml {
        files += 1;
        meta.file = shown.clone();
        if let Some((raw, text, _)) = parse_bytes::<RawPlan>(bytes, &shown, &mut problems) {
            let (m, p) = build_meta(raw, &text, &shown);
            meta = m;
            problems.extend(p);
        }
    }
    let mut units = vec![];
    let mut units_loaded = false;
    let mut units_shown = String::from("units.toml");
    if let Some((shown, bytes)) = units_toml {
        files += 1;
        units_shown = shown.clone();
        if let Some((raw, text, _)) = parse_bytes::<RawUnits>(bytes, &shown, &mut problems) {
            let (u, p) = build_units(raw, &text, &shown);
            units = u;
            units_loaded = true;
            problems.extend(p);
        }
    }
    let count = tasks.len();
    files += count;
    // Parse on up to two threads, as `load` does, keeping results in the order given.
    let work = |chunk: Vec<(String, Vec<u8>)>| {
        let mut out = vec![];
        for (shown, bytes) in chunk {
            let mut problems = vec![];
            let task =
                parse_bytes::<RawTask>(bytes, &shown, &mut problems).map(|(raw, text, nfc)| {
                    let (t, p) = build_task_in(raw, &text, &shown, nfc);
                    problems.extend(p);
                    t
                });
            out.push((task, problems));
        }
        out
    };
    let results: Vec<(Option<Task>, Vec<Problem>)> = if count < 64 {
        work(tasks)
    } else {
        let mut tasks = tasks;
        let second = tasks.split_off(count / 2);
        std::thread::scope(|s| {
            let h = s.spawn(|| work(second));
            let mut a = work(tasks);
            a.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            a
        })
    };
    let mut keyed: Vec<(crate::model::id::TaskKey, Task)> = vec![];
    for (t, p) in results {
        problems.extend(p);
        if let Some(t) = t {
            keyed.push((crate::model::id::TaskKey::new(&t.id.value), t));
        }
    }
    let all_tasks_loaded = keyed.len() == count;
    keyed.sort_by(|(ka, a), (kb, b)| {
        ka.cmp(kb)
            .then_with(|| a.id.value.cmp(&b.id.value))
            .then_with(|| a.file.cmp(&b.file))
    });
    Loaded {
        plan: Plan {
            meta,
            units: Registry::new(units_shown, units),
            tasks: keyed.into_iter().map(|(_, t)| t).collect(),
        },
        problems,
        files,
        all_tasks_loaded,
        units_loaded,
    }
}

/// The plan's closing day from `plan.toml`, read lightly (views judge as of it once passed).
/// None when there is none or the file cannot be read (`check` reports that).
pub fn closed_on(dir: &Path) -> Option<NaiveDate> {
    // Regular files only: a FIFO named plan.toml must not hang a view (`load` reports it).
    let path = dir.join("plan.toml");
    let bytes = read_bytes(&path, "plan.toml").ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let value: toml::Value = toml::from_str(&text).ok()?;
    match value.get("closed_on")? {
        toml::Value::Datetime(d) => {
            let d = d.date?;
            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        }
        _ => None,
    }
}
// ---- end issue 15 ----------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_order_key_orders_like_paths() {
        let mut paths: Vec<PathBuf> = [
            "tasks/1/1.10.toml",
            "tasks/1/1.1.toml",
            "tasks/1.toml",
            "tasks/1/a/b.toml",
            "tasks/10/10.1.toml",
            "tasks/1-x/1.toml",
            "tasks/1/1.2.toml",
            "tasks/1.1/1.1.1.toml",
            "tasks/Z.toml",
            "tasks/sở/1.toml",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let mut by_key = paths.clone();
        by_key.sort_by_cached_key(|p| walk_order_key(p));
        paths.sort();
        assert_eq!(by_key, paths);
    }

    #[test]
    fn plain_text_is_only_claimed_when_no_value_can_hold_a_control_character() {
        let long = "tiêu đề dài hơn tám byte, có dấu: Quý I/2024 — “trích dẫn” ".repeat(5);
        for (text, plain) in [
            ("id = \"1.1\"\ntitle = \"Sở Tài chính\"\n", true),
            (
                &format!("title = \"{long}\"\n\tnotes = [\"\\\"x\\\"\", \"a\\tb\\nc\"]\n"),
                true,
            ),
            ("title = \"a\\u001b[2Jb\"\n", false),
            ("title = \"a\\U0000001bb\"\n", false),
            ("title = \"a\\e[2J\"\n", false),
            ("title = \"a\\x1b\"\n", false),
            ("title = \"a\\bb\"\n", false),
            ("title = \"a\\fb\"\n", false),
            ("title = \"a\\rb\"\n", false),
            ("title = \"\"\"a\r\nb\"\"\"\n", false),
            ("title = 'a\u{7f}b'\n", false),
            ("title = \"a\u{85}b\"\n", false),
            ("title = \"a\u{202e}b\"\n", false),
            (&format!("{long}title = 'a\u{1b}b'\n"), false),
        ] {
            assert_eq!(plain_text(text), plain, "{text:?}");
        }
    }

    #[test]
    fn a_plain_file_builds_the_same_task_as_the_careful_path() {
        let text = "id = \"1.1\"\ngroup = \"1\"\ntitle = \"Trình HĐND tỉnh\\tchính sách \\\"miễn\\\" phí\"\nlead = [\"so-tai-chinh\"]\ndeadline = \"Quý 1/2024\"\nstatus = \"todo\"\nnotes = [\"a\\nb\"]\n";
        assert!(plain_text(text));
        let build = |plain: bool| {
            let raw: RawTask = parse(text, "t.toml").unwrap();
            let c = Ctx {
                shown: "t.toml",
                ix: LineIndex::new(text),
                problems: vec![],
                known_nfc: true,
                plain,
            };
            (c.nfc(raw.title), c.nfc_all(raw.notes), c.loc_str(raw.id))
        };
        assert_eq!(build(true), build(false));
    }
}
