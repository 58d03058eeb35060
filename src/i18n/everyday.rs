//! What the everyday-use features say (issue 13): `check --as-issued`, unreadable task files
//! announced by views, undo (`update --amend/--remove`), duplicate and repeated entries, git
//! readiness, argument and TOML errors in the user's language. One variant per message; each
//! language's words are in `vi.rs` / `en.rs` (`fn everyday`).

/// One message of the everyday-use paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Everyday<'a> {
    /// `check --as-issued` on a plan whose plan.toml has no `issued` date.
    NoIssuedDate,
    /// A view's first line: a task file that does not load (its location, then the problem),
    /// so the table below lacks it.
    UnreadableTask {
        location: &'a str,
        why: &'a str,
    },
    /// `show`/`update ID`: the task's file exists but does not load.
    TaskUnreadable {
        id: &'a str,
        location: &'a str,
        why: &'a str,
    },
    /// `update`: the same entry is already recorded (its 1-based number).
    AlreadyRecorded {
        id: &'a str,
        number: usize,
    },
    /// `update --amend N` with no field to change.
    AmendNeedsField,
    /// `--milestone N` that the task does not have.
    NoMilestone {
        number: usize,
        count: usize,
    },
    /// `--amend N` / `--remove N` that the task does not have.
    NoProgress {
        number: usize,
        count: usize,
    },
    /// `--commit` and git cannot be run.
    CommitNeedsGit,
    /// `--commit` and git does not know who is committing.
    CommitNeedsIdentity,
    /// The file was written but the commit failed (git's own words follow).
    CommitFailed {
        path: &'a str,
        why: &'a str,
    },
    /// A file could not be read (the system's words follow).
    ReadFailed {
        path: &'a str,
        why: &'a str,
    },
    /// A file could not be written (the system's words follow).
    WriteFailed {
        path: &'a str,
        why: &'a str,
    },
    /// A task file's TOML could not be edited (toml's words follow).
    CannotEdit {
        path: &'a str,
        why: &'a str,
    },
    /// A folder could not be created.
    CreateFailed {
        path: &'a str,
        why: &'a str,
    },
    /// The report's changes section when there is no history: why.
    NoHistory {
        why: &'a crate::git::Unavailable,
    },
    /// Commit message part: progress entry N corrected / removed.
    CommitAmend {
        id: &'a str,
        number: usize,
    },
    CommitRemove {
        id: &'a str,
        number: usize,
    },
    /// `new` beyond a group's declared count without `--basis`: nothing written.
    NewNeedsBasis {
        id: &'a str,
        group: &'a str,
        declared: u32,
    },
    /// `new` beyond a group's declared count: recorded as an added task.
    NewAdded {
        id: &'a str,
        group: &'a str,
        declared: u32,
    },
}

/// `14/5/2024` (quotes allowed) as `2024-05-14`, for the hint that shows the fix.
pub fn day_first_to_iso(found: &str) -> Option<String> {
    let p: Vec<u32> = found
        .trim_matches('"')
        .split(['/', '-', '.'])
        .map(|x| x.parse().ok())
        .collect::<Option<_>>()?;
    let [d, m, y] = p[..] else { return None };
    chrono::NaiveDate::from_ymd_opt(y as i32, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// The words of a recognised TOML mistake and its fix, for both languages (`vi`/`en` pick).
pub fn toml_mistake(
    lang: super::Lang,
    mistake: crate::model::problem::TomlMistake,
    key: &str,
    found: &str,
) -> (String, Option<String>) {
    use super::Lang::{En, Vi};
    use crate::model::problem::TomlMistake as M;
    let bare = found.trim_matches('"');
    let key = if key.is_empty() { "…" } else { key };
    let iso = day_first_to_iso(found).unwrap_or_else(|| "2024-07-12".to_string());
    let (msg, hint) = match (lang, mistake) {
        (Vi, M::UnquotedText) => (
            format!("chữ chưa đặt trong ngoặc kép: `{found}`"),
            format!("viết `{key} = \"{found}\"`"),
        ),
        (En, M::UnquotedText) => (
            format!("text without quotes: `{found}`"),
            format!("write `{key} = \"{found}\"`"),
        ),
        (Vi, M::DayFirstDate) => (
            format!("ngày `{found}` viết theo kiểu ngày/tháng/năm"),
            format!("ghi ngày dạng năm-tháng-ngày, không có ngoặc kép: `{key} = {iso}`"),
        ),
        (En, M::DayFirstDate) => (
            format!("the date `{found}` is written day first"),
            format!("write dates as year-month-day, without quotes: `{key} = {iso}`"),
        ),
        (Vi, M::QuotedDate) => (
            format!("ngày `{found}` nằm trong ngoặc kép nên bị đọc là chữ"),
            format!("bỏ ngoặc kép: `{key} = {bare}`"),
        ),
        (En, M::QuotedDate) => (
            format!("the date `{found}` is in quotes, so it reads as text"),
            format!("drop the quotes: `{key} = {bare}`"),
        ),
        (Vi, M::QuotedNumber) => (
            format!("số `{found}` nằm trong ngoặc kép nên bị đọc là chữ"),
            format!("bỏ ngoặc kép: `{key} = {bare}`"),
        ),
        (En, M::QuotedNumber) => (
            format!("the number `{found}` is in quotes, so it reads as text"),
            format!("drop the quotes: `{key} = {bare}`"),
        ),
        (Vi, M::PercentSign) => (
            format!("`{found}`: số không kèm dấu %"),
            format!("viết `{key} = {}`", bare.trim_end_matches('%')),
        ),
        (En, M::PercentSign) => (
            format!("`{found}`: a number goes without the % sign"),
            format!("write `{key} = {}`", bare.trim_end_matches('%')),
        ),
        (Vi, M::ListExpected) => (
            format!("`{key}` cần một danh sách, không phải một giá trị"),
            format!("viết `{key} = [{found}]`"),
        ),
        (En, M::ListExpected) => (
            format!("`{key}` takes a list, not a single value"),
            format!("write `{key} = [{found}]`"),
        ),
        (Vi, M::StrayComma) => (
            "dấu phẩy thừa".to_string(),
            "mỗi khóa một dòng, không có dấu phẩy cuối dòng; trong danh sách, các phần tử cách nhau bằng đúng một dấu phẩy".to_string(),
        ),
        (En, M::StrayComma) => (
            "a stray comma".to_string(),
            "one key per line, with no comma at the end; in a list, items are separated by exactly one comma".to_string(),
        ),
    };
    (msg, Some(hint))
}

/// A serde type or value error in Vietnamese ("invalid type: integer `60`, expected a string"
/// → "ghi số nguyên `60` nhưng cần chữ trong ngoặc kép"), with a hint; the message as it was
/// when it is none of the shapes known here.
pub fn bad_value_vi(detail: &str) -> (String, Option<String>) {
    let kind = |s: &str| -> Option<&'static str> {
        Some(match s.trim() {
            "a string" | "string" => "chữ trong ngoặc kép",
            "i64" | "u8" | "u32" | "u64" | "an integer" | "integer" => "số nguyên",
            "f64" | "a number" | "floating point" => "số",
            "a sequence" | "array" => "danh sách [ … ]",
            "a TOML datetime" | "datetime" => "ngày dạng 2024-07-12",
            "a boolean" | "boolean" => "true hoặc false",
            "a map" | "map" | "table" => "bảng",
            _ => return None,
        })
    };
    if let Some(rest) = detail.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let (what, value) = if let Some(v) = found.strip_prefix("floating point ") {
            ("floating point", v.trim())
        } else {
            match found.split_once(' ') {
                Some((w, v)) => (w, v.trim()),
                None => (found, ""),
            }
        };
        let found_word = match what {
            "string" => Some("chữ"),
            "integer" => Some("số nguyên"),
            "floating point" => Some("số thập phân"),
            "boolean" => Some("giá trị đúng/sai"),
            "sequence" | "array" => Some("danh sách"),
            "datetime" => Some("ngày"),
            "map" | "table" => Some("bảng"),
            _ => None,
        };
        if let Some(big) = value.strip_suffix(" as i128") {
            return (
                format!("số {big} quá lớn"),
                Some("ghi một số nhỏ hơn (tối đa 9223372036854775807)".to_string()),
            );
        }
        if let (Some(w), Some(e)) = (found_word, kind(expected)) {
            return (
                format!("ghi {w} {value} nhưng ở đây cần {e}"),
                Some(format!("viết lại giá trị thành {e}")),
            );
        }
    }
    if let Some((head, choices)) = detail.split_once(", expected one of ") {
        let bad = head.split('`').nth(1).unwrap_or_default();
        return (
            format!("giá trị `{bad}` không hợp lệ"),
            Some(format!("chọn một trong: {}", choices.replace(" or ", ", "))),
        );
    }
    (format!("giá trị không hợp lệ: {detail}"), None)
}
