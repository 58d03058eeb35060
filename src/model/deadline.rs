//! Deadline phrases: reading the Vietnamese "Thời gian hoàn thành" text of a task into a
//! [`Deadline`].
//!
//! The phrase is the source and is kept verbatim elsewhere; this module only derives what it
//! means: a due date (the last day of a month, quarter, half-year or year, or a literal day),
//! a due date followed by ongoing work, or one of the undated kinds (ongoing, on request,
//! following an outside roadmap). It also owns [`fold`], the diacritic- and case-insensitive
//! text key other modules reuse for matching.
//!
//! Pure: no I/O, no clock, no user-facing messages — [`DeadlineError`] is data, translated
//! elsewhere.
//!
//! How a phrase is read:
//! 1. The text is folded (case, diacritics, `đ`) and cut into words, numbers and date
//!    separators (`/`, `-`, `.`); other punctuation only separates.
//! 2. The first date-like part is found: `d/m/y`, `d tháng m năm y`, `tháng m/y`,
//!    `quý q/y` (Roman or Arabic), `n tháng đầu|cuối năm y`, `giữa năm y`, `năm y`.
//!    `trước (ngày)` just before it means "the day before" unless `before_is_inclusive`.
//! 3. An undated clause *before* that date (`thường xuyên`, `khi có yêu cầu …`,
//!    `theo lộ trình …`) decides the kind: the date is then only a reference.
//!    An ongoing clause after the date makes it [`Deadline::DueThenOngoing`].
//! 4. Without a date, the earliest undated clause decides; otherwise the phrase is
//!    [`DeadlineError::Unrecognized`].

use chrono::NaiveDate;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// What a deadline phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// A due date.
    Due(NaiveDate),
    /// A due date, then ongoing ("… và thực hiện thường xuyên").
    DueThenOngoing(NaiveDate),
    /// Thực hiện thường xuyên / hằng tháng / định kỳ: no due date.
    Ongoing,
    /// Khi có yêu cầu / chỉ đạo của …: no date until a request comes.
    OnRequest,
    /// Theo lộ trình … (an outside roadmap): no date of its own.
    Roadmap,
}

impl Deadline {
    /// The due date of [`Deadline::Due`] and [`Deadline::DueThenOngoing`]; `None` otherwise.
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            Deadline::Due(d) | Deadline::DueThenOngoing(d) => Some(*d),
            Deadline::Ongoing | Deadline::OnRequest | Deadline::Roadmap => None,
        }
    }

    /// Stable machine key: `due`, `due_then_ongoing`, `ongoing`, `on_request`, `roadmap`.
    pub fn key(&self) -> &'static str {
        match self {
            Deadline::Due(_) => "due",
            Deadline::DueThenOngoing(_) => "due_then_ongoing",
            Deadline::Ongoing => "ongoing",
            Deadline::OnRequest => "on_request",
            Deadline::Roadmap => "roadmap",
        }
    }
}

/// Why a phrase could not be read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DeadlineError {
    /// Nothing but whitespace and punctuation.
    Empty,
    /// A date-like part that is not a real date, e.g. "31/2/2024", or a month 13 / quarter V,
    /// or a year outside 1900..=2200. `text` is that part as written in the phrase.
    InvalidDate { text: String },
    /// Nothing recognisable (or a vague period such as "đầu năm 2024").
    Unrecognized,
}

impl DeadlineError {
    /// Stable machine key: `empty`, `invalid_date`, `unrecognized`.
    pub fn key(&self) -> &'static str {
        match self {
            DeadlineError::Empty => "empty",
            DeadlineError::InvalidDate { .. } => "invalid_date",
            DeadlineError::Unrecognized => "unrecognized",
        }
    }
}

/// Years outside this range are treated as typing mistakes.
const YEARS: std::ops::RangeInclusive<u64> = 1900..=2200;

/// Read a deadline phrase. `before_is_inclusive`: when false, "trước (ngày) X" means X − 1 day.
///
/// Plans repeat the same few hundred phrases across thousands of tasks, and every view reads
/// each task's phrase again, so answers are remembered per thread (a pure function: the memo
/// changes nothing but time; it stops growing at 4,096 phrases).
pub fn parse(phrase: &str, before_is_inclusive: bool) -> Result<Deadline, DeadlineError> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    type Memo = HashMap<(String, bool), Result<Deadline, DeadlineError>>;
    thread_local! {
        static MEMO: RefCell<Memo> = RefCell::new(HashMap::new());
    }
    let key = (phrase.to_string(), before_is_inclusive);
    if let Some(hit) = MEMO.with(|m| m.borrow().get(&key).cloned()) {
        return hit;
    }
    let answer = parse_uncached(phrase, before_is_inclusive);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() < 4096 {
            m.insert(key, answer.clone());
        }
    });
    answer
}

fn parse_uncached(phrase: &str, before_is_inclusive: bool) -> Result<Deadline, DeadlineError> {
    let toks = tokenize(phrase);
    if toks.is_empty() {
        return Err(DeadlineError::Empty);
    }
    let ongoing = find_marker(&toks, ONGOING);
    let on_request = find_marker(&toks, ON_REQUEST);
    let Some(found) = find_period(&toks) else {
        let roadmap = find_marker(&toks, ROADMAP_ANY);
        return earliest(ongoing, on_request, roadmap)
            .map(|(_, kind)| kind)
            .ok_or(DeadlineError::Unrecognized);
    };
    // An undated clause that leads the phrase wins; a later date is only a reference.
    let roadmap = find_marker(&toks, ROADMAP_LEAD);
    if let Some((pos, kind)) = earliest(ongoing, on_request, roadmap)
        && pos < found.start
    {
        return Ok(kind);
    }
    if word_at(&toks, found.start.wrapping_sub(1), "dau") && found.spec.is_whole_period() {
        // "đầu tháng / đầu quý / đầu năm": early in the period, no definite day.
        return Err(DeadlineError::Unrecognized);
    }
    let invalid = || DeadlineError::InvalidDate {
        text: phrase[toks[found.start].start..toks[found.end - 1].end].to_owned(),
    };
    let (first, last) = found.spec.bounds().ok_or_else(invalid)?;
    let due = if before_marker(&toks, found.start) && !before_is_inclusive {
        first.pred_opt().ok_or_else(invalid)?
    } else {
        last
    };
    Ok(if ongoing.is_some() {
        Deadline::DueThenOngoing(due)
    } else {
        Deadline::Due(due)
    })
}

/// Fold text for tolerant matching: NFD, strip combining marks, map đ/Đ → d, lowercase,
/// collapse whitespace and punctuation runs to one space, trim. ("Sở Tài  chính." → "so tai chinh").
/// Public because other modules reuse it for searching and unit-name matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for (c, _, _) in folded_chars(text) {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// Each base character of `text` — decomposed, marks stripped, đ → d, lowercased — with the
/// byte span of the source character it came from.
fn folded_chars(text: &str) -> Vec<(char, usize, usize)> {
    let mut out = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        decompose_canonical(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            // Đ/đ, plus the look-alikes legacy Vietnamese encodings produce.
            let d = match d {
                'đ' | 'Đ' | 'ð' | 'Ð' | 'ɖ' | 'Ɖ' => 'd',
                other => other,
            };
            out.extend(
                d.to_lowercase()
                    .filter(|l| !is_combining_mark(*l))
                    .map(|l| (l, start, end)),
            );
        });
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Word(String),
    /// An ASCII digit run; saturates at `u64::MAX` (such values are never valid).
    Num(u64),
    /// `/`, `-`, `.` or a dash: separates the parts of a date.
    Sep,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    /// Byte span in the original phrase.
    start: usize,
    end: usize,
}

fn tokenize(text: &str) -> Vec<Token> {
    let chars = folded_chars(text);
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (c, start, _) = chars[i];
        let class = |c: char| {
            if c.is_ascii_digit() {
                1
            } else if c.is_alphanumeric() {
                2
            } else {
                0
            }
        };
        let kind = class(c);
        if kind == 0 {
            if matches!(
                c,
                '/' | '-' | '.' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{ff0f}'
            ) {
                toks.push(Token {
                    tok: Tok::Sep,
                    start,
                    end: chars[i].2,
                });
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && class(chars[j].0) == kind {
            j += 1;
        }
        let run = &chars[i..j];
        let tok = if kind == 1 {
            Tok::Num(run.iter().fold(0u64, |n, (c, _, _)| {
                n.saturating_mul(10)
                    .saturating_add(u64::from(c.to_digit(10).unwrap_or(0)))
            }))
        } else {
            Tok::Word(run.iter().map(|(c, _, _)| *c).collect())
        };
        toks.push(Token {
            tok,
            start,
            end: chars[j - 1].2,
        });
        i = j;
    }
    toks
}

fn word_at(toks: &[Token], i: usize, w: &str) -> bool {
    matches!(toks.get(i), Some(Token { tok: Tok::Word(x), .. }) if x == w)
}

fn num_at(toks: &[Token], i: usize) -> Option<u64> {
    match toks.get(i) {
        Some(Token {
            tok: Tok::Num(n), ..
        }) => Some(*n),
        _ => None,
    }
}

fn sep_at(toks: &[Token], i: usize) -> bool {
    matches!(toks.get(i), Some(Token { tok: Tok::Sep, .. }))
}

/// Between a period and its year: "/" (or "-", ".") or "năm".
fn year_link_at(toks: &[Token], i: usize) -> bool {
    sep_at(toks, i) || word_at(toks, i, "nam")
}

/// A quarter number: Arabic, or a short Roman numeral word (i, ii, iii, iv, v, …).
fn quarter_at(toks: &[Token], i: usize) -> Option<u64> {
    if let Some(n) = num_at(toks, i) {
        return Some(n);
    }
    let Some(Token {
        tok: Tok::Word(w), ..
    }) = toks.get(i)
    else {
        return None;
    };
    if w.chars().count() > 4 {
        return None;
    }
    let vals = w
        .chars()
        .map(|c| match c {
            'i' => Some(1i64),
            'v' => Some(5),
            'x' => Some(10),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    // Subtractive notation: a numeral before a larger one counts negative ("iv" = 4).
    let total: i64 = vals
        .iter()
        .enumerate()
        .map(|(k, &v)| match vals.get(k + 1) {
            Some(&next) if next > v => -v,
            _ => v,
        })
        .sum();
    u64::try_from(total).ok()
}

/// A date-like part, numbers as written (not yet validated).
#[derive(Debug, Clone, Copy)]
enum Spec {
    Day {
        d: u64,
        m: u64,
        y: u64,
    },
    Month {
        m: u64,
        y: u64,
    },
    Quarter {
        q: u64,
        y: u64,
    },
    /// "n tháng đầu năm y": January to the end of month n.
    FirstMonths {
        n: u64,
        y: u64,
    },
    /// "n tháng cuối năm y": the last n months of the year.
    LastMonths {
        n: u64,
        y: u64,
    },
    /// "giữa năm y": the first half.
    MidYear {
        y: u64,
    },
    Year {
        y: u64,
    },
}

impl Spec {
    fn is_whole_period(&self) -> bool {
        matches!(
            self,
            Spec::Month { .. } | Spec::Quarter { .. } | Spec::Year { .. }
        )
    }

    /// First and last day of the part, or `None` if it is not a real date.
    fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            Spec::Day { d, m, y } => ymd(y, m, d).map(|x| (x, x)),
            Spec::Month { m, y } => Some((ymd(y, m, 1)?, last_day(y, m)?)),
            Spec::Quarter { q, y } if (1..=4).contains(&q) => {
                Some((ymd(y, 3 * q - 2, 1)?, last_day(y, 3 * q)?))
            }
            Spec::FirstMonths { n, y } if (1..=12).contains(&n) => {
                Some((ymd(y, 1, 1)?, last_day(y, n)?))
            }
            Spec::LastMonths { n, y } if (1..=12).contains(&n) => {
                Some((ymd(y, 13 - n, 1)?, ymd(y, 12, 31)?))
            }
            Spec::MidYear { y } => Some((ymd(y, 1, 1)?, ymd(y, 6, 30)?)),
            Spec::Year { y } => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
            Spec::Quarter { .. } | Spec::FirstMonths { .. } | Spec::LastMonths { .. } => None,
        }
    }
}

fn ymd(y: u64, m: u64, d: u64) -> Option<NaiveDate> {
    if !YEARS.contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    )
}

fn last_day(y: u64, m: u64) -> Option<NaiveDate> {
    (28..=31).rev().find_map(|d| ymd(y, m, d))
}

/// A date-like part and the token range `start..end` it covers.
struct Found {
    start: usize,
    end: usize,
    spec: Spec,
}

/// The first date-like part of the phrase.
fn find_period(toks: &[Token]) -> Option<Found> {
    (0..toks.len()).find_map(|i| {
        period_at(toks, i).map(|(len, spec)| Found {
            start: i,
            end: i + len,
            spec,
        })
    })
}

/// A date-like part starting exactly at token `i`: its length in tokens and its numbers.
fn period_at(t: &[Token], i: usize) -> Option<(usize, Spec)> {
    // d/m/y, d-m-y, d.m.y
    if let (Some(d), true, Some(m), true, Some(y)) = (
        num_at(t, i),
        sep_at(t, i + 1),
        num_at(t, i + 2),
        sep_at(t, i + 3),
        num_at(t, i + 4),
    ) {
        return Some((5, Spec::Day { d, m, y }));
    }
    if let Some(n) = num_at(t, i)
        && word_at(t, i + 1, "thang")
    {
        // d tháng m năm y
        if let (Some(m), true, Some(y)) =
            (num_at(t, i + 2), year_link_at(t, i + 3), num_at(t, i + 4))
        {
            return Some((5, Spec::Day { d: n, m, y }));
        }
        // n tháng đầu / cuối năm y
        if word_at(t, i + 3, "nam")
            && let Some(y) = num_at(t, i + 4)
        {
            if word_at(t, i + 2, "dau") {
                return Some((5, Spec::FirstMonths { n, y }));
            }
            if word_at(t, i + 2, "cuoi") {
                return Some((5, Spec::LastMonths { n, y }));
            }
        }
    }
    // tháng m/y, tháng m năm y
    if word_at(t, i, "thang")
        && let (Some(m), true, Some(y)) =
            (num_at(t, i + 1), year_link_at(t, i + 2), num_at(t, i + 3))
    {
        return Some((4, Spec::Month { m, y }));
    }
    // quý q/y, quý q năm y
    if word_at(t, i, "quy")
        && let (Some(q), true, Some(y)) = (
            quarter_at(t, i + 1),
            year_link_at(t, i + 2),
            num_at(t, i + 3),
        )
    {
        return Some((4, Spec::Quarter { q, y }));
    }
    // giữa năm y
    if word_at(t, i, "giua")
        && word_at(t, i + 1, "nam")
        && let Some(y) = num_at(t, i + 2)
    {
        return Some((3, Spec::MidYear { y }));
    }
    // năm y
    if word_at(t, i, "nam")
        && let Some(y) = num_at(t, i + 1)
    {
        return Some((2, Spec::Year { y }));
    }
    None
}

/// "trước" (optionally "trước ngày") just before token `start`.
fn before_marker(toks: &[Token], start: usize) -> bool {
    let mut p = start.wrapping_sub(1);
    if word_at(toks, p, "ngay") {
        p = p.wrapping_sub(1);
    }
    word_at(toks, p, "truoc")
}

/// Word sequences, folded; a trailing `*` matches a prefix (for typos like "thường xuyê").
type Markers = &'static [&'static [&'static str]];

const ONGOING: Markers = &[
    &["thuong", "xuye*"],
    &["hang", "thang"],
    &["hang", "quy"],
    &["hang", "tuan"],
    &["hang", "nam"],
    &["dinh", "ky"],
];

const ON_REQUEST: Markers = &[
    &["khi", "co", "yeu", "cau"],
    &["khi", "co", "chi", "dao"],
    &["khi", "co", "de", "nghi"],
    &["khi", "duoc", "yeu", "cau"],
    &["theo", "yeu", "cau"],
    &["theo", "chi", "dao"],
    &["theo", "de", "nghi"],
];

/// "Theo lộ trình …" leading the phrase: any date after it is a reference.
const ROADMAP_LEAD: Markers = &[&["theo", "lo", "trinh"]];

/// Without a date, any mention of a roadmap ("Đề ra lộ trình") is one.
const ROADMAP_ANY: Markers = &[&["lo", "trinh"]];

/// Token index of the first occurrence of any marker.
fn find_marker(toks: &[Token], markers: Markers) -> Option<usize> {
    (0..toks.len()).find(|&i| {
        markers.iter().any(|m| {
            m.iter().enumerate().all(|(k, pat)| match toks.get(i + k) {
                Some(Token {
                    tok: Tok::Word(w), ..
                }) => match pat.strip_suffix('*') {
                    Some(prefix) => w.starts_with(prefix),
                    None => w == pat,
                },
                _ => false,
            })
        })
    })
}

/// The undated kind whose marker comes first, with its token index.
fn earliest(
    ongoing: Option<usize>,
    on_request: Option<usize>,
    roadmap: Option<usize>,
) -> Option<(usize, Deadline)> {
    [
        (ongoing, Deadline::Ongoing),
        (on_request, Deadline::OnRequest),
        (roadmap, Deadline::Roadmap),
    ]
    .into_iter()
    .filter_map(|(pos, kind)| pos.map(|p| (p, kind)))
    .min_by_key(|(p, _)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Days};
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    /// Parse with the literal ("trước X" = X − 1) reading.
    fn p(phrase: &str) -> Result<Deadline, DeadlineError> {
        parse(phrase, false)
    }

    fn due(y: i32, m: u32, day: u32) -> Result<Deadline, DeadlineError> {
        Ok(Deadline::Due(d(y, m, day)))
    }

    fn then_ongoing(y: i32, m: u32, day: u32) -> Result<Deadline, DeadlineError> {
        Ok(Deadline::DueThenOngoing(d(y, m, day)))
    }

    fn invalid(text: &str) -> Result<Deadline, DeadlineError> {
        Err(DeadlineError::InvalidDate {
            text: text.to_owned(),
        })
    }

    fn check(cases: &[(&str, Result<Deadline, DeadlineError>)]) {
        for (phrase, want) in cases {
            assert_eq!(&p(phrase), want, "phrase: {phrase:?}");
        }
    }

    #[test]
    fn months() {
        check(&[
            ("Tháng 5/2024", due(2024, 5, 31)),
            ("trong tháng 5/2024", due(2024, 5, 31)),
            ("tháng 5 năm 2024", due(2024, 5, 31)),
            ("Tháng 12/2024", due(2024, 12, 31)),
            ("Tháng 2/2024", due(2024, 2, 29)),
            ("Tháng 2/2023", due(2023, 2, 28)),
            ("Tháng 2/1900", due(1900, 2, 28)),
            ("Tháng 2/2000", due(2000, 2, 29)),
            ("Tháng 4/2024", due(2024, 4, 30)),
            ("tháng 05/2024", due(2024, 5, 31)),
            ("Tháng 6-2024", due(2024, 6, 30)),
            ("Đến tháng 6/2025", due(2025, 6, 30)),
            ("cuối tháng 6/2025", due(2025, 6, 30)),
            ("THÁNG 5 / 2024 .", due(2024, 5, 31)),
            ("thang 5/2024", due(2024, 5, 31)),
            ("Tháng 5／2024", due(2024, 5, 31)),
            ("Tháng 5 – 2024", due(2024, 5, 31)),
        ]);
    }

    #[test]
    fn quarters() {
        check(&[
            ("Quý I/2024", due(2024, 3, 31)),
            ("Quý 1/2024", due(2024, 3, 31)),
            ("quý II năm 2024", due(2024, 6, 30)),
            ("Quý 2/2024", due(2024, 6, 30)),
            ("Quý III/2024", due(2024, 9, 30)),
            ("quy 3 nam 2024", due(2024, 9, 30)),
            ("Quý IV/2024", due(2024, 12, 31)),
            ("Quý 4/2024", due(2024, 12, 31)),
            ("Trong Quý i/2024.", due(2024, 3, 31)),
        ]);
    }

    #[test]
    fn halves_and_years() {
        check(&[
            ("6 tháng đầu năm 2024", due(2024, 6, 30)),
            ("giữa năm 2024", due(2024, 6, 30)),
            ("6 tháng cuối năm 2024", due(2024, 12, 31)),
            ("9 tháng đầu năm 2024", due(2024, 9, 30)),
            ("Năm 2024", due(2024, 12, 31)),
            ("Trong năm 2024", due(2024, 12, 31)),
            ("Cuối năm 2024", due(2024, 12, 31)),
            ("trong năm 2024", due(2024, 12, 31)),
            ("TRONG NAM 2024", due(2024, 12, 31)),
        ]);
    }

    #[test]
    fn before_a_date() {
        check(&[
            ("Trước ngày 05/3/2024", due(2024, 3, 4)),
            ("Hoàn thành trước ngày 05/3/2024", due(2024, 3, 4)),
            ("Hoàn thành trước 01/7/2024", due(2024, 6, 30)),
            ("trước 30/11/2024", due(2024, 11, 29)),
            ("trước ngày 1/1/2025", due(2024, 12, 31)),
            ("trước ngày 1/3/2024", due(2024, 2, 29)),
            ("trước ngày 1/3/2023", due(2023, 2, 28)),
            ("truoc ngay 05-03-2024", due(2024, 3, 4)),
            ("Trước ngày 5 tháng 3 năm 2024", due(2024, 3, 4)),
            ("trước năm 2025", due(2024, 12, 31)),
            ("trước tháng 7/2024", due(2024, 6, 30)),
        ]);
    }

    #[test]
    fn before_inclusive_switch() {
        let cases = [
            ("Trước ngày 05/3/2024", d(2024, 3, 5)),
            ("Hoàn thành trước 01/7/2024", d(2024, 7, 1)),
            ("trước 30/11/2024", d(2024, 11, 30)),
            ("trước ngày 1/1/2025", d(2025, 1, 1)),
            ("trước năm 2025", d(2025, 12, 31)),
        ];
        for (phrase, want) in cases {
            assert_eq!(parse(phrase, true), Ok(Deadline::Due(want)), "{phrase}");
        }
        // The switch only touches "trước".
        assert_eq!(parse("Chậm nhất ngày 05/3/2024", true), due(2024, 3, 5));
        assert_eq!(parse("Tháng 5/2024", true), due(2024, 5, 31));
        assert_eq!(
            parse(
                "Hoàn thành trước ngày 20/5/2024 và thực hiện thường xuyên",
                true
            ),
            then_ongoing(2024, 5, 20)
        );
    }

    #[test]
    fn on_a_date() {
        check(&[
            ("Chậm nhất ngày 05/3/2024", due(2024, 3, 5)),
            ("chậm nhất là ngày 5/3/2024", due(2024, 3, 5)),
            ("Đến ngày 30/6/2024", due(2024, 6, 30)),
            ("ngày 30/6/2024", due(2024, 6, 30)),
            ("30/6/2024", due(2024, 6, 30)),
            ("5/3/2024", due(2024, 3, 5)),
            ("05/3/2024", due(2024, 3, 5)),
            ("05/03/2024", due(2024, 3, 5)),
            ("05-3-2024", due(2024, 3, 5)),
            ("05.03.2024", due(2024, 3, 5)),
            ("29/2/2024", due(2024, 2, 29)),
            ("31/12/2024", due(2024, 12, 31)),
            ("ngày 5 tháng 3 năm 2024", due(2024, 3, 5)),
            ("  Đến   ngày  30 / 6 / 2024 ", due(2024, 6, 30)),
            ("-5/3/2024", due(2024, 3, 5)),
        ]);
    }

    #[test]
    fn roadmap_to_a_year() {
        check(&[
            ("Đề ra lộ trình hoàn thành đến năm 2025", due(2025, 12, 31)),
            ("hoàn thành đến năm 2025", due(2025, 12, 31)),
            (
                "đề ra lộ trình hoàn thành đến tháng 6/2025",
                due(2025, 6, 30),
            ),
        ]);
    }

    #[test]
    fn ongoing() {
        check(&[
            ("Thực hiện thường xuyên", Ok(Deadline::Ongoing)),
            ("Thường xuyên", Ok(Deadline::Ongoing)),
            ("thực hiện thường xuyê", Ok(Deadline::Ongoing)),
            ("thuong xuyen", Ok(Deadline::Ongoing)),
            ("hằng tháng", Ok(Deadline::Ongoing)),
            ("hàng tháng", Ok(Deadline::Ongoing)),
            ("định kỳ", Ok(Deadline::Ongoing)),
            ("Báo cáo định kỳ hằng quý", Ok(Deadline::Ongoing)),
            (
                "Thực hiện thường xuyên trong năm 2024",
                Ok(Deadline::Ongoing),
            ),
        ]);
    }

    #[test]
    fn on_request() {
        check(&[
            (
                "Khi có yêu cầu của Chính phủ, Bộ Công an",
                Ok(Deadline::OnRequest),
            ),
            ("Khi có chỉ đạo của Bộ Công an", Ok(Deadline::OnRequest)),
            ("theo yêu cầu", Ok(Deadline::OnRequest)),
            ("KHI CO YEU CAU", Ok(Deadline::OnRequest)),
            (
                "Khi có yêu cầu theo Văn bản ngày 26/4/2022",
                Ok(Deadline::OnRequest),
            ),
        ]);
    }

    #[test]
    fn roadmap() {
        check(&[
            ("Theo lộ trình Bộ Công an đề xuất", Ok(Deadline::Roadmap)),
            ("Theo Lộ trình Bộ Công an đề xuất", Ok(Deadline::Roadmap)),
            (
                "Theo lộ trình triển khai thực hiện của Chính phủ",
                Ok(Deadline::Roadmap),
            ),
            (
                "Theo lộ trình đề ra tại kế hoạch của từng đơn vị",
                Ok(Deadline::Roadmap),
            ),
            ("Đề ra lộ trình", Ok(Deadline::Roadmap)),
            (
                "Theo lộ trình tại Kế hoạch số 373/KH-TCTĐA06 ngày 01/02/2024",
                Ok(Deadline::Roadmap),
            ),
        ]);
    }

    #[test]
    fn compounds() {
        check(&[
            (
                "Trong năm 2024 và thường xuyên theo chỉ đạo, hướng dẫn của Trung ương",
                then_ongoing(2024, 12, 31),
            ),
            (
                "Hoàn thành trước ngày 20/5/2024 và thực hiện thường xuyên",
                then_ongoing(2024, 5, 19),
            ),
            ("Tháng 5/2024 và hằng tháng", then_ongoing(2024, 5, 31)),
            ("Quý I/2024, sau đó định kỳ", then_ongoing(2024, 3, 31)),
        ]);
    }

    #[test]
    fn errors() {
        check(&[
            ("", Err(DeadlineError::Empty)),
            ("   \t\n ", Err(DeadlineError::Empty)),
            ("*", Err(DeadlineError::Empty)),
            ("31/2/2024", invalid("31/2/2024")),
            ("Chậm nhất ngày 31/2/2024.", invalid("31/2/2024")),
            ("29/2/2023", invalid("29/2/2023")),
            ("32/1/2024", invalid("32/1/2024")),
            ("Tháng 13/2024", invalid("Tháng 13/2024")),
            ("Tháng 0/2024", invalid("Tháng 0/2024")),
            ("Quý V/2024", invalid("Quý V/2024")),
            ("Quý 5/2024", invalid("Quý 5/2024")),
            ("Quý 0/2024", invalid("Quý 0/2024")),
            ("13 tháng đầu năm 2024", invalid("13 tháng đầu năm 2024")),
            ("Tháng 5/99999999999", invalid("Tháng 5/99999999999")),
            ("Năm 0", invalid("Năm 0")),
            ("Năm 1899", invalid("Năm 1899")),
            ("Năm 2201", invalid("Năm 2201")),
            ("5/3/24", invalid("5/3/24")),
            (
                "ngày 99999999999999999999999/3/2024",
                invalid("99999999999999999999999/3/2024"),
            ),
            ("trước ngày 1/1/1900", due(1899, 12, 31)),
            ("sớm nhất có thể", Err(DeadlineError::Unrecognized)),
            ("Đầu năm 2024", Err(DeadlineError::Unrecognized)),
            ("đầu tháng 5/2024", Err(DeadlineError::Unrecognized)),
            ("2024", Err(DeadlineError::Unrecognized)),
            ("năm", Err(DeadlineError::Unrecognized)),
        ]);
        assert_eq!(DeadlineError::Empty.key(), "empty");
        assert_eq!(invalid("x").unwrap_err().key(), "invalid_date");
        assert_eq!(DeadlineError::Unrecognized.key(), "unrecognized");
    }

    /// Every distinct "Thời gian hoàn thành" phrase of the seed plan (list items and the last
    /// column of the appendix table), as written there, markdown emphasis included.
    #[test]
    fn seed_plan_phrases() {
        check(&[
            ("Thực hiện thường xuyên.", Ok(Deadline::Ongoing)),
            ("Thực hiện thường xuyên.*", Ok(Deadline::Ongoing)),
            ("Thực hiện thường xuyên", Ok(Deadline::Ongoing)),
            ("Thường xuyên.*", Ok(Deadline::Ongoing)),
            ("Thường xuyên", Ok(Deadline::Ongoing)),
            ("Theo Lộ trình Bộ Công an đề xuất.*", Ok(Deadline::Roadmap)),
            (
                "Theo lộ trình triển khai thực hiện của Chính phủ.*",
                Ok(Deadline::Roadmap),
            ),
            (
                "Theo lộ trình triển khai thực hiện của Chính phủ",
                Ok(Deadline::Roadmap),
            ),
            (
                "Theo lộ trình đề ra tại kế hoạch của từng đơn vị.*",
                Ok(Deadline::Roadmap),
            ),
            (
                "Theo lộ trình đề ra tại kế hoạch của từng đơn vị",
                Ok(Deadline::Roadmap),
            ),
            (
                "Khi có yêu cầu của Chính phủ, Bộ Công an.",
                Ok(Deadline::OnRequest),
            ),
            (
                "Khi có yêu cầu của Chính phủ, Bộ Công an",
                Ok(Deadline::OnRequest),
            ),
            ("Khi có chỉ đạo của Bộ Công an.*", Ok(Deadline::OnRequest)),
            ("Khi có chỉ đạo của Bộ Công an", Ok(Deadline::OnRequest)),
            ("Tháng 3/2024*", due(2024, 3, 31)),
            ("Tháng 3/2024.", due(2024, 3, 31)),
            ("Tháng 3/2024", due(2024, 3, 31)),
            ("Tháng 5/2024.*", due(2024, 5, 31)),
            ("Tháng 6/2024.", due(2024, 6, 30)),
            ("Tháng 10/2024.*", due(2024, 10, 31)),
            ("Tháng 12/2024.*", due(2024, 12, 31)),
            ("Tháng 12/2024", due(2024, 12, 31)),
            ("Quý I/2024.*", due(2024, 3, 31)),
            ("Quý 1/2024", due(2024, 3, 31)),
            ("Năm 2024.", due(2024, 12, 31)),
            ("Năm 2024.*", due(2024, 12, 31)),
            ("Năm 2024", due(2024, 12, 31)),
            ("Trong năm 2024", due(2024, 12, 31)),
            ("Trong năm 2024.", due(2024, 12, 31)),
            ("Trong năm 2024.*", due(2024, 12, 31)),
            ("Trước ngày 05/3/2024.*", due(2024, 3, 4)),
            ("Hoàn thành trước ngày 05/3/2024", due(2024, 3, 4)),
            ("Hoàn thành trước 01/7/2024.", due(2024, 6, 30)),
            ("Hoàn thành trước 01/7/2024", due(2024, 6, 30)),
            ("Hoàn thành trước 30/11/2024.", due(2024, 11, 29)),
            ("Hoàn thành trước 30/11/2024", due(2024, 11, 29)),
            (
                "Đề ra lộ trình hoàn thành đến năm 2025.*",
                due(2025, 12, 31),
            ),
            ("Đề ra lộ trình hoàn thành đến năm 2025", due(2025, 12, 31)),
            (
                "Trong năm 2024 và thường xuyên theo chỉ đạo, hướng dẫn của Trung ương.*",
                then_ongoing(2024, 12, 31),
            ),
            (
                "Trong năm 2024 và thường xuyên theo chỉ đạo, hướng dẫn của Trung ương",
                then_ongoing(2024, 12, 31),
            ),
            (
                "* Hoàn thành trước ngày 20/5/2024 và thực hiện thường xuyên.",
                then_ongoing(2024, 5, 19),
            ),
        ]);
    }

    #[test]
    fn accessors() {
        let x = d(2024, 5, 31);
        assert_eq!(Deadline::Due(x).due(), Some(x));
        assert_eq!(Deadline::DueThenOngoing(x).due(), Some(x));
        assert_eq!(Deadline::Ongoing.due(), None);
        assert_eq!(Deadline::OnRequest.due(), None);
        assert_eq!(Deadline::Roadmap.due(), None);
        assert_eq!(Deadline::Due(x).key(), "due");
        assert_eq!(Deadline::DueThenOngoing(x).key(), "due_then_ongoing");
        assert_eq!(Deadline::Ongoing.key(), "ongoing");
        assert_eq!(Deadline::OnRequest.key(), "on_request");
        assert_eq!(Deadline::Roadmap.key(), "roadmap");
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Sở Tài  chính."), "so tai chinh");
        assert_eq!(fold("  Đề án 06 — ĐỊNH KỲ!! "), "de an 06 dinh ky");
        assert_eq!(fold("Thời gian hoàn thành"), "thoi gian hoan thanh");
        assert_eq!(fold("UBND huyện, thị xã"), "ubnd huyen thi xa");
        assert_eq!(fold("5/3/2024"), "5 3 2024");
        // Precomposed and decomposed spellings fold alike.
        assert_eq!(fold("Quý"), fold("Qu\u{79}\u{301}"));
        assert_eq!(fold(""), "");
        assert_eq!(fold(" ... "), "");
    }

    const FRAGMENTS: &[&str] = &[
        "Tháng",
        "Quý",
        "năm",
        "ngày",
        "trước",
        "chậm nhất",
        "đến",
        "trong",
        "cuối",
        "đầu",
        "giữa",
        "6 tháng",
        "thường xuyên",
        "thường xuyê",
        "và",
        "hằng tháng",
        "định kỳ",
        "khi có yêu cầu",
        "theo lộ trình",
        "lộ trình",
        "I",
        "IV",
        "V",
        "/",
        "-",
        ".",
        ",",
        "0",
        "5",
        "13",
        "2024",
        "99999999999999999999",
        "31/2/2024",
        "1/1/2025",
        "Đ",
        "\u{301}",
        "",
    ];

    proptest! {
        #[test]
        fn month_gives_its_last_day(y in 1900i32..=2200, m in 1u32..=12) {
            let got = p(&format!("Tháng {m}/{y}")).unwrap().due().unwrap();
            prop_assert_eq!((got.year(), got.month()), (y, m));
            prop_assert_ne!(got.succ_opt().map(|n| n.month()), Some(m));
            prop_assert_eq!(p(&format!("tháng {m} năm {y}")), Ok(Deadline::Due(got)));
        }

        #[test]
        fn quarter_gives_its_last_day(y in 1900i32..=2200, q in 1u32..=4) {
            let roman = ["I", "II", "III", "IV"][q as usize - 1];
            let got = p(&format!("Quý {roman}/{y}")).unwrap().due().unwrap();
            prop_assert_eq!(got.year(), y);
            prop_assert_eq!((got.month() - 1) / 3 + 1, q);
            prop_assert_eq!(got.month(), 3 * q);
            prop_assert_eq!(got.succ_opt().unwrap().day(), 1);
            prop_assert_eq!(p(&format!("quý {q} năm {y}")), Ok(Deadline::Due(got)));
        }

        #[test]
        fn before_is_the_day_before(days in 0u64..(301 * 366)) {
            let date = d(1900, 1, 1).checked_add_days(Days::new(days)).unwrap();
            prop_assume!(date.year() <= 2200);
            let text = format!("trước ngày {}/{}/{}", date.day(), date.month(), date.year());
            prop_assert_eq!(parse(&text, false), Ok(Deadline::Due(date.pred_opt().unwrap())));
            prop_assert_eq!(parse(&text, true), Ok(Deadline::Due(date)));
            let padded = format!("Chậm nhất ngày {:02}-{:02}-{}", date.day(), date.month(), date.year());
            prop_assert_eq!(parse(&padded, false), Ok(Deadline::Due(date)));
        }

        #[test]
        fn never_panics_on_any_string(s in any::<String>(), inclusive in any::<bool>()) {
            let _ = parse(&s, inclusive);
            let f = fold(&s);
            prop_assert_eq!(f.trim(), f.as_str());
            prop_assert!(!f.contains("  "));
        }

        #[test]
        fn never_panics_on_fragments(
            parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..10),
            glue in prop::sample::select(&[" ", "", "/", "  ", ". "][..]),
            inclusive in any::<bool>(),
        ) {
            let text = parts.join(glue);
            match parse(&text, inclusive) {
                Ok(k) => prop_assert_eq!(k.due().is_some(), matches!(k, Deadline::Due(_) | Deadline::DueThenOngoing(_))),
                Err(DeadlineError::InvalidDate { text: part }) => prop_assert!(text.contains(&part)),
                Err(_) => {}
            }
        }
    }
}
