//! Reading a table shaped like a plan's appendix (phụ lục) for `tiendo import`: pure functions
//! from text to rows, and from a unit cell to unit ids.
//!
//! The table is TSV (any tab in the text) or CSV, columns by position: STT, content, lead
//! units, coordinating units, deadline. Rows are told apart by their STT cell:
//!
//! - `STT` (a header, repeated after each page break): skipped;
//! - a Roman numeral `I`…`X`… (bold tags allowed): a group, numbered 1, 2, …;
//! - `(1)`, `(2)`…: a sub-group of the current group (`9.1`, `9.2`…);
//! - `1`, `1.`: a task, id `<group>.<n>`;
//! - empty: the previous row continued after a page break; each cell is joined with one space.
//!
//! Unit cells name several units with `,`, `;`, `:` or "và" between them, while names may
//! contain the same characters ("Sở Lao động, Thương binh và Xã hội", "Các sở, ban, ngành").
//! [`split_units`] therefore matches the longest run of words that is a known spelling in the
//! registry, and only falls back on separators for text it does not know. Writing files and
//! the messages are the command's business.

use crate::model::deadline::fold;
use crate::model::plan::{Registry, UnitKind};

/// One task row of the table, continuation rows joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the row's first line in the file.
    pub line: usize,
    pub group: String,
    pub id: String,
    pub title: String,
    pub lead: String,
    pub support: String,
    pub deadline: String,
}

/// A row the reader could not place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// The STT cell is not a header, a group, a sub-group, a number or empty.
    Unreadable { line: usize, stt: String },
    /// A task or sub-group before any group heading.
    NoGroup { line: usize, stt: String },
    /// A continuation row (empty STT) before any task.
    NothingToContinue { line: usize },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Row>,
    pub issues: Vec<Issue>,
}

/// Read the table. `text` is already decoded (no BOM).
pub fn parse(text: &str) -> Table {
    let mut t = Table::default();
    let mut group: Option<String> = None;
    let mut sub: Option<String> = None;
    let mut open = false;
    for (line, cells) in records(text) {
        let cell = |i: usize| cells.get(i).map(|c| clean(c)).unwrap_or_default();
        if (0..cells.len()).all(|i| cell(i).is_empty()) {
            continue;
        }
        let stt = cell(0);
        if fold(&stt) == "stt" {
            continue;
        }
        if stt.is_empty() {
            match t.rows.last_mut().filter(|_| open) {
                Some(row) => {
                    for (field, i) in [
                        (&mut row.title, 1),
                        (&mut row.lead, 2),
                        (&mut row.support, 3),
                        (&mut row.deadline, 4),
                    ] {
                        join(field, &cell(i));
                    }
                }
                None => t.issues.push(Issue::NothingToContinue { line }),
            }
            continue;
        }
        if let Some(n) = roman(&stt) {
            group = Some(n.to_string());
            sub = None;
            open = false;
            continue;
        }
        if let Some(n) = paren_number(&stt) {
            match &group {
                Some(g) => sub = Some(format!("{g}.{n}")),
                None => t.issues.push(Issue::NoGroup { line, stt }),
            }
            open = false;
            continue;
        }
        if let Some(n) = number(&stt) {
            match sub.as_ref().or(group.as_ref()) {
                Some(g) => {
                    t.rows.push(Row {
                        line,
                        group: g.clone(),
                        id: format!("{g}.{n}"),
                        title: cell(1),
                        lead: cell(2),
                        support: cell(3),
                        deadline: cell(4),
                    });
                    open = true;
                }
                None => {
                    t.issues.push(Issue::NoGroup { line, stt });
                    open = false;
                }
            }
            continue;
        }
        t.issues.push(Issue::Unreadable { line, stt });
        open = false;
    }
    for r in &mut t.rows {
        r.title = tidy(&r.title);
        r.deadline = tidy(&r.deadline);
    }
    t
}

/// Records with the line each starts on. TSV is split on tabs only (cells may hold quotes);
/// CSV goes through the `csv` crate (quoted cells may span lines).
fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    if text.contains('\t') {
        return text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.split('\t').map(str::to_string).collect()))
            .collect();
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = vec![];
    let mut record = csv::StringRecord::new();
    // Lines are counted from byte offsets: after CRLF the reader's own count is one short and
    // a record's offset points at the LF before it.
    let line_at = |byte: u64| {
        let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        if text.as_bytes().get(end) == Some(&b'\n') {
            end += 1;
        }
        text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    };
    loop {
        let before = line_at(reader.position().byte());
        match reader.read_record(&mut record) {
            Ok(true) => {
                let line = record.position().map_or(before, |p| line_at(p.byte()));
                out.push((line, record.iter().map(str::to_string).collect()));
            }
            Ok(false) => break,
            // A malformed record (only possible with broken quoting): keep the raw line so the
            // row is reported rather than dropped.
            Err(_) => out.push((
                before,
                vec![text.lines().nth(before - 1).unwrap_or("").into()],
            )),
        }
    }
    out
}

/// HTML tags out (`<b>`, `<i>`), whitespace collapsed.
fn clean(cell: &str) -> String {
    let mut s = String::with_capacity(cell.len());
    let mut in_tag = false;
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/') =>
            {
                in_tag = true
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            _ => s.push(c),
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The spaces removed tags leave inside parentheses and before punctuation.
fn tidy(s: &str) -> String {
    s.replace("( ", "(")
        .replace(" )", ")")
        .replace(" .", ".")
        .replace(" ,", ",")
        .replace(" ;", ";")
}

fn join(field: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !field.is_empty() {
        field.push(' ');
    }
    field.push_str(more);
}

/// `I` → 1 … `XIV` → 14 (canonical numerals only, up to 39).
fn roman(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.');
    if s.is_empty() || !s.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let v: Vec<u32> = s.chars().map(value).collect();
    let mut n = 0;
    for (i, &x) in v.iter().enumerate() {
        if v.get(i + 1).is_some_and(|&next| next > x) {
            n -= x as i64;
        } else {
            n += x as i64;
        }
    }
    let n = u32::try_from(n).ok().filter(|&n| n > 0 && n < 40)?;
    (to_roman(n) == s).then_some(n)
}

fn to_roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// `(3)` → 3.
fn paren_number(s: &str) -> Option<u32> {
    number(s.strip_prefix('(')?.strip_suffix(')')?)
}

/// `3` or `3.` → 3.
fn number(s: &str) -> Option<u32> {
    let d = s.strip_suffix('.').unwrap_or(s);
    if d.is_empty() || d.len() > 4 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    d.parse().ok().filter(|&n| n > 0)
}

// ---------------------------------------------------------------------------------------------
// Unit cells.

/// What a stretch of a unit cell names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    Unit(String),
    /// Text that is no known spelling (as written, separators trimmed).
    Unknown(String),
    /// A spelling several units claim: their ids.
    Ambiguous(String, Vec<String>),
}

/// Longest known spelling tried, in words.
const MAX_WORDS: usize = 16;

#[derive(Debug)]
struct Word {
    folded: String,
    start: usize,
    end: usize,
    /// The separator character before this word (`,` `;` `:` `.` `(` `)` newline), if any.
    sep: Option<char>,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = vec![];
    let mut sep = None;
    let mut start = None;
    let flush =
        |out: &mut Vec<Word>, start: &mut Option<usize>, end: usize, sep: &mut Option<char>| {
            if let Some(s) = start.take() {
                out.push(Word {
                    folded: fold(&text[s..end]),
                    start: s,
                    end,
                    sep: sep.take(),
                });
            }
        };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (start.is_some() && is_mark(c)) {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            flush(&mut out, &mut start, i, &mut sep);
            if matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '\n' | '/') {
                sep = Some(c);
            }
        }
    }
    flush(&mut out, &mut start, text.len(), &mut sep);
    out.retain(|w| !w.folded.is_empty());
    out
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Words that join names without naming anything: "và" (and), and the qualifiers the plan
/// appends ("có liên quan", "chủ trì").
fn filler(ws: &[Word], i: usize) -> usize {
    let at = |k: usize| ws.get(i + k).map(|w| w.folded.as_str());
    match (at(0), at(1), at(2)) {
        (Some("va"), _, _) => 1,
        (Some("co"), Some("lien"), Some("quan")) => 3,
        (Some("lien"), Some("quan"), _) => 2,
        (Some("chu"), Some("tri"), _) => 2,
        _ => 0,
    }
}

/// Split a lead or coordinating cell into the units it names, in order, each once.
pub fn split_units(reg: &Registry, cell: &str) -> Vec<Named> {
    let ws = words(cell);
    let mut out: Vec<(Named, Option<char>)> = vec![];
    let mut i = 0;
    while i < ws.len() {
        let longest = (i..ws.len().min(i + MAX_WORDS)).rev().find_map(|j| {
            let key: Vec<&str> = ws[i..=j].iter().map(|w| w.folded.as_str()).collect();
            let units = reg.by_spelling(&key.join(" "));
            (!units.is_empty()).then_some((j, units))
        });
        if let Some((j, units)) = longest {
            let named = match units.as_slice() {
                [u] => Named::Unit(u.id.value.clone()),
                many => Named::Ambiguous(
                    cell[ws[i].start..ws[j].end].to_string(),
                    many.iter().map(|u| u.id.value.clone()).collect(),
                ),
            };
            // The separator after the match, for "Collective: member, member".
            out.push((named, ws.get(j + 1).and_then(|w| w.sep)));
            i = j + 1;
            continue;
        }
        let skip = filler(&ws, i);
        if skip > 0 {
            i += skip;
            continue;
        }
        // Unknown text runs to the next separator or "và".
        let mut k = i + 1;
        while k < ws.len() && ws[k].sep.is_none() && filler(&ws, k) == 0 {
            k += 1;
        }
        let text = cell[ws[i].start..ws[k - 1].end].to_string();
        out.push((Named::Unknown(text), ws.get(k).and_then(|w| w.sep)));
        i = k;
    }
    drop_enumerated_collectives(reg, &mut out);
    let mut seen: Vec<Named> = vec![];
    for (n, _) in out {
        if !seen.contains(&n) {
            seen.push(n);
        }
    }
    seen
}

/// "Doanh nghiệp viễn thông: Mobifone, Vinaphone, Viettel" names the three operators: a
/// collective followed by a colon and nothing but its own members stands for them.
fn drop_enumerated_collectives(reg: &Registry, out: &mut Vec<(Named, Option<char>)>) {
    let mut i = 0;
    while i < out.len() {
        if let (Named::Unit(id), Some(':')) = (&out[i].0, out[i].1)
            && let Some(u) = reg.get(id)
            && u.kind == UnitKind::Collective
        {
            let members: Vec<&str> = u.members.iter().map(|m| m.value.as_str()).collect();
            let rest = &out[i + 1..];
            let enumerated = !rest.is_empty()
                && rest
                    .iter()
                    .all(|(n, _)| matches!(n, Named::Unit(m) if members.contains(&m.as_str())));
            if enumerated {
                out.remove(i);
                continue;
            }
        }
        i += 1;
    }
}

/// A unit id for a new spelling: its folded words joined with `-`, ASCII only, not in `taken`.
pub fn new_unit_id(spelling: &str, taken: &dyn Fn(&str) -> bool) -> String {
    let base: String = crate::text::slug(spelling);
    let base = if base.is_empty() {
        "don-vi".to_string()
    } else {
        base.chars()
            .take(48)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string()
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Located, Unit};

    fn unit(id: &str, name: &str, aliases: &[&str], kind: UnitKind, members: &[&str]) -> Unit {
        Unit {
            id: Located::new(id.into(), Default::default()),
            name: name.into(),
            short: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            kind,
            members: members
                .iter()
                .map(|m| Located::new(m.to_string(), Default::default()))
                .collect(),
            ended: None,
            started: None,
            successors: vec![],
            took_over: None,
            note: None,
        }
    }

    fn reg() -> Registry {
        use UnitKind::*;
        Registry::new(
            "units.toml".into(),
            vec![
                unit(
                    "so-tttt",
                    "Sở Thông tin và Truyền thông",
                    &[],
                    Department,
                    &[],
                ),
                unit(
                    "so-ldtbxh",
                    "Sở Lao động, Thương binh và Xã hội",
                    &[],
                    Department,
                    &[],
                ),
                unit("vp", "Văn phòng UBND tỉnh", &[], Agency, &[]),
                unit("ca", "Công an tỉnh", &[], Police, &[]),
                unit("sbn", "Các sở, ban, ngành", &[], Collective, &[]),
                unit(
                    "ubnd",
                    "UBND các huyện, thị xã, thành phố",
                    &["UBND huyện, thị xã thành phố"],
                    Collective,
                    &[],
                ),
                unit(
                    "lq",
                    "Các cơ quan, đơn vị có liên quan",
                    &[],
                    Collective,
                    &[],
                ),
                unit(
                    "dn",
                    "Doanh nghiệp viễn thông",
                    &[],
                    Collective,
                    &["mobi", "vina"],
                ),
                unit("mobi", "MobiFone", &["Mobilphone"], Enterprise, &[]),
                unit("vina", "VinaPhone", &[], Enterprise, &[]),
            ],
        )
    }

    fn ids(cell: &str) -> Vec<Named> {
        split_units(&reg(), cell)
    }

    fn u(id: &str) -> Named {
        Named::Unit(id.into())
    }

    #[test]
    fn names_with_commas_and_va_are_matched_whole() {
        assert_eq!(
            ids(
                "Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh và Các sở, ban, ngành; UBND các huyện, thị xã thành phố"
            ),
            [u("so-tttt"), u("vp"), u("sbn"), u("ubnd")]
        );
        assert_eq!(
            ids("Sở Lao động, Thương binh và Xã hội; Công an tỉnh."),
            [u("so-ldtbxh"), u("ca")]
        );
        assert_eq!(
            ids("Văn phòng UBND tỉnh Sở Thông tin và Truyền thông"),
            [u("vp"), u("so-tttt")]
        );
        assert_eq!(
            ids("Sở Thông tin và Truyền thông và các cơ quan, đơn vị có liên quan"),
            [u("so-tttt"), u("lq")]
        );
        assert_eq!(ids("Công an tỉnh chủ trì"), [u("ca")]);
    }

    #[test]
    fn collective_followed_by_its_members_stands_for_them() {
        assert_eq!(
            ids("Doanh nghiệp viễn thông: Mobilphone, VinaPhone."),
            [u("mobi"), u("vina")]
        );
        assert_eq!(ids("Doanh nghiệp viễn thông"), [u("dn")]);
        assert_eq!(
            ids("Doanh nghiệp viễn thông, Mobilphone"),
            [u("dn"), u("mobi")]
        );
    }

    #[test]
    fn unknown_text_is_kept_between_separators() {
        assert_eq!(
            ids("Công an tỉnh; Sở Xây dựng, Sở Công Thương và Văn phòng UBND tỉnh"),
            [
                u("ca"),
                Named::Unknown("Sở Xây dựng".into()),
                Named::Unknown("Sở Công Thương".into()),
                u("vp")
            ]
        );
        assert_eq!(ids(""), []);
        assert_eq!(ids(" ; , "), []);
    }

    const TABLE: &str = "\
STT\tNội dung\tChủ trì\tPhối hợp\tThời hạn
I\t<b>Nhóm một: 02 nhiệm vụ</b>\t\t\t
1.\tViệc một ( <i>ghi chú</i> ) .\tCông an tỉnh\t\tQuý 1/2024
2.\tViệc hai\tCác sở, ban,\tCông an\tTheo lộ trình đề

STT\tNội dung\tChủ trì\tPhối hợp\tThời hạn
\tcòn tiếp\tngành\ttỉnh\tra tại kế hoạch
<b>IX</b>\t<b>Nhóm chín</b>\t\t\t
(2)\t<b>Nhóm con</b>\t\t\t
3\tViệc ba\tVăn phòng UBND tỉnh\t\tNăm 2024
X\tNhóm mười\t\t\t
1\tViệc mười\tCông an tỉnh\t\tThường xuyên
";

    #[test]
    fn appendix_rows_groups_and_page_breaks() {
        let t = parse(TABLE);
        assert_eq!(t.issues, []);
        let got: Vec<(&str, &str, &str, &str, &str)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r.id.as_str(),
                    r.title.as_str(),
                    r.lead.as_str(),
                    r.support.as_str(),
                    r.deadline.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "1.1",
                    "Việc một (ghi chú).",
                    "Công an tỉnh",
                    "",
                    "Quý 1/2024"
                ),
                (
                    "1.2",
                    "Việc hai còn tiếp",
                    "Các sở, ban, ngành",
                    "Công an tỉnh",
                    "Theo lộ trình đề ra tại kế hoạch"
                ),
                ("9.2.3", "Việc ba", "Văn phòng UBND tỉnh", "", "Năm 2024"),
                ("10.1", "Việc mười", "Công an tỉnh", "", "Thường xuyên"),
            ]
        );
        assert_eq!(t.rows[1].line, 4);
        assert_eq!(t.rows[2].group, "9.2");
    }

    #[test]
    fn csv_with_quoted_cells() {
        let t = parse(
            "STT,Nội dung,Chủ trì,Phối hợp,Thời hạn\r\nI,Nhóm,,,\r\n1,\"Việc, có dấu phẩy\",\"Các sở, ban, ngành\",,Năm 2024\r\n",
        );
        assert_eq!(t.issues, []);
        assert_eq!(t.rows[0].title, "Việc, có dấu phẩy");
        assert_eq!(t.rows[0].lead, "Các sở, ban, ngành");
        assert_eq!(t.rows[0].line, 3);
    }

    #[test]
    fn rows_that_cannot_be_placed_are_reported() {
        let t = parse(
            "1\tTrước nhóm\tCông an tỉnh\t\tNăm 2024\n\tnối\t\t\t\nI\tNhóm\t\t\t\nabc\tx\t\t\t\n",
        );
        assert_eq!(
            t.issues,
            [
                Issue::NoGroup {
                    line: 1,
                    stt: "1".into()
                },
                Issue::NothingToContinue { line: 2 },
                Issue::Unreadable {
                    line: 4,
                    stt: "abc".into()
                },
            ]
        );
    }

    #[test]
    fn roman_numerals() {
        let r: Vec<Option<u32>> = ["I", "IV", "IX", "X", "XIV", "IIII", "VX", "", "i"]
            .iter()
            .map(|s| roman(s))
            .collect();
        assert_eq!(
            r,
            [
                Some(1),
                Some(4),
                Some(9),
                Some(10),
                Some(14),
                None,
                None,
                None,
                None
            ]
        );
    }

    #[test]
    fn new_ids_are_slugs_and_unique() {
        let taken = |id: &str| id == "so-xay-dung";
        assert_eq!(new_unit_id("Sở Xây dựng", &taken), "so-xay-dung-2");
        assert_eq!(new_unit_id("Đài PT-TH", &|_| false), "dai-pt-th");
        assert_eq!(new_unit_id("***", &|_| false), "don-vi");
    }
}
