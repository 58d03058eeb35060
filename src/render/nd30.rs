//! The form of an administrative document, Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait,
//! margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the header block (the
//! superior and issuing bodies with a short rule, the number; the national title and the motto
//! with a rule as long as the line; place and date in italics); the document type and summary
//! line; a 14 pt body, justified, first-line indent 1.27 cm, 6 pt between paragraphs; the
//! signature block and "Nơi nhận"; an optional landscape appendix whose table repeats its
//! header row on every page; page numbers centred in the top margin from page 2.
//!
//! [`FormalDoc`] is the document as data (what it says, already in words); this module lays it
//! out as .docx ([`docx()`]) or Markdown ([`markdown`]) and computes nothing about the plan.

use chrono::{Datelike, NaiveDate};

use super::docx::{self, Align, Block, Cell, Document, Margins, Para, Row, Run, Section, Table};
use crate::i18n::{OfficeTexts, fill};

/// The header block's contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// "UBND TỈNH TÂY NINH".
    pub superior: String,
    /// "TỔ CÔNG TÁC ĐỀ ÁN 06".
    pub issuer: String,
    /// "Số: 85/BC-TCTDA06", or with a blank for the number.
    pub number: String,
    /// "Tây Ninh, ngày 14 tháng 7 năm 2024".
    pub place_date: String,
    /// A letter's "V/v …" line under its number.
    pub about: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// A bold heading ("I. KẾT QUẢ THỰC HIỆN").
    Heading(String),
    /// A bold-italic sub-heading.
    Subheading(String),
    /// A body paragraph.
    Para(String),
    /// A list item ("- …").
    Item(String),
    /// A placeholder the secretariat must replace (shown as is, in italics).
    Placeholder(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// "KT. TỔ TRƯỞNG" (may be empty).
    pub authority: String,
    /// "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC".
    pub title: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appendix {
    /// "PHỤ LỤC".
    pub heading: String,
    pub title: String,
    pub subtitle: String,
    pub headers: Vec<String>,
    /// Relative column widths.
    pub widths: Vec<u32>,
    /// Cells; `\n` breaks a line inside a cell.
    pub rows: Vec<Vec<String>>,
    /// Optional background per row of one column: (column, RRGGBB).
    pub shade: Vec<Option<(usize, String)>>,
}

/// An outgoing document, already in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormalDoc {
    pub header: Header,
    /// The document type ("BÁO CÁO"); letters (công văn) have none.
    pub kind: Option<String>,
    /// The summary line under the type (reports).
    pub summary: Option<String>,
    /// "Kính gửi: …" (letters).
    pub to: Vec<String>,
    pub body: Vec<Body>,
    pub signer: Signer,
    /// Recipients, one a line (without "-" or ";"); the archive line comes last.
    pub recipients: Vec<String>,
    pub archive: String,
    pub appendix: Option<Appendix>,
    pub created: NaiveDate,
    pub title: String,
}

/// "ngày 05 tháng 7 năm 2024": day below 10 and months 1–2 with a leading zero.
pub fn date_parts(d: NaiveDate) -> (String, String, String) {
    let day = format!("{:02}", d.day());
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    (day, month, d.year().to_string())
}

pub fn place_date(o: &OfficeTexts, place: &str, d: NaiveDate) -> String {
    let (day, month, year) = date_parts(d);
    fill(o.date_line, &[place, &day, &month, &year])
}

/// Margins of Nghị định 30/2020 (within its ranges): top and bottom 20 mm, left 30 mm, right
/// 15 mm; the page number 10 mm from the top edge.
pub fn margins() -> Margins {
    Margins {
        top: docx::mm(20),
        right: docx::mm(15),
        bottom: docx::mm(20),
        left: docx::mm(30),
        header: docx::mm(10),
    }
}

const BODY_PT: u32 = 14;
const INDENT: u32 = 720; // 1.27 cm
const SIX_PT: u32 = 120;

fn centred(run: Run) -> Para {
    Para::text(run).align(Align::Center)
}

fn header_table(h: &Header, o: &OfficeTexts, width: u32) -> Table {
    // The right column must hold the national title on one line (12 pt bold, about 9.5 cm).
    let left_w = width * 3 / 8;
    let right_w = width - left_w;
    let mut left = vec![
        centred(Run::new(&h.superior).pt(12)),
        centred(Run::new(&h.issuer).pt(12).bold()),
        // A short rule under the issuing body: a third of the column, centred.
        Para::default()
            .indent(left_w / 3, left_w / 3)
            .rule_below()
            .line(120),
        centred(Run::new(&h.number).pt(13)).spacing(SIX_PT, 0),
    ];
    if let Some(about) = &h.about {
        left.push(centred(Run::new(about).pt(12)).spacing(60, 0));
    }
    let right = vec![
        centred(Run::new(o.national).pt(12).bold()),
        // The motto with a rule exactly as long as the line (the run is underlined).
        centred(Run::new(o.motto).pt(14).bold().underline()),
        centred(Run::new(&h.place_date).pt(14).italic()).spacing(SIX_PT * 2, 0),
    ];
    Table {
        widths: vec![left_w, right_w],
        rows: vec![Row {
            cells: vec![
                Cell {
                    paras: left,
                    shade: None,
                },
                Cell {
                    paras: right,
                    shade: None,
                },
            ],
            header: false,
        }],
        ruled: false,
    }
}

fn body_para(b: &Body) -> Para {
    let p = |run: Run| {
        Para::text(run.pt(BODY_PT))
            .align(Align::Both)
            .first_line(INDENT)
            .spacing(SIX_PT, 0)
            .line(288)
    };
    match b {
        Body::Heading(s) => p(Run::new(s).bold()).keep_next(),
        Body::Subheading(s) => p(Run::new(s).bold().italic()).keep_next(),
        Body::Para(s) => p(Run::new(s)),
        Body::Item(s) => p(Run::new(format!("- {s}"))),
        // Left-aligned: a justified line of a few words and a path spreads across the page.
        Body::Placeholder(s) => p(Run::new(s).italic()).align(Align::Left),
    }
}

fn signature_table(d: &FormalDoc, o: &OfficeTexts, width: u32) -> Table {
    // The signer's title (14 pt bold) must fit on one line.
    let left_w = width * 2 / 5;
    let mut left = vec![Para::text(Run::new(o.recipients).pt(12).bold().italic())];
    for r in &d.recipients {
        left.push(Para::text(Run::new(format!("- {r};")).pt(11)));
    }
    left.push(Para::text(
        Run::new(format!("- {}", fill(o.archive, &[&d.archive]))).pt(11),
    ));
    let mut right = vec![];
    if !d.signer.authority.is_empty() {
        right.push(centred(Run::new(&d.signer.authority).pt(14).bold()));
    }
    right.push(centred(Run::new(&d.signer.title).pt(14).bold()));
    for _ in 0..4 {
        right.push(Para::default());
    }
    right.push(centred(Run::new(&d.signer.name).pt(14).bold()));
    Table {
        widths: vec![left_w, width - left_w],
        rows: vec![Row {
            cells: vec![
                Cell {
                    paras: left,
                    shade: None,
                },
                Cell {
                    paras: right,
                    shade: None,
                },
            ],
            header: false,
        }],
        ruled: false,
    }
}

fn appendix_section(a: &Appendix) -> Section {
    let mut s = Section {
        blocks: vec![],
        landscape: true,
        margins: margins(),
        title_page: false,
    };
    let width = s.text_width();
    s.blocks
        .push(Block::Para(centred(Run::new(&a.heading).pt(14).bold())));
    s.blocks
        .push(Block::Para(centred(Run::new(&a.title).pt(14).bold())));
    s.blocks.push(Block::Para(
        centred(Run::new(&a.subtitle).pt(13).italic()).spacing(0, SIX_PT * 2),
    ));
    let total: u32 = a.widths.iter().sum::<u32>().max(1);
    let mut widths: Vec<u32> = a.widths.iter().map(|w| w * width / total).collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += width - used;
    }
    let cell = |text: &str, bold: bool, align: Align| Cell {
        paras: vec![
            Para::text({
                let r = Run::new(text).pt(12);
                if bold { r.bold() } else { r }
            })
            .align(align),
        ],
        shade: None,
    };
    let mut rows = vec![Row {
        cells: a
            .headers
            .iter()
            .map(|h| {
                let mut c = cell(h, true, Align::Center);
                c.shade = Some("D9E1F2".into());
                c
            })
            .collect(),
        header: true,
    }];
    for (i, r) in a.rows.iter().enumerate() {
        let shade = a.shade.get(i).cloned().flatten();
        rows.push(Row {
            cells: r
                .iter()
                .enumerate()
                .map(|(j, t)| {
                    let align = if j == 0 { Align::Center } else { Align::Left };
                    let mut c = cell(t, false, align);
                    if let Some((col, fill)) = &shade
                        && *col == j
                    {
                        c.shade = Some(fill.clone());
                    }
                    c
                })
                .collect(),
            header: false,
        });
    }
    s.blocks.push(Block::Table(Table {
        widths,
        rows,
        ruled: true,
    }));
    s
}

/// The document as .docx bytes.
pub fn docx(d: &FormalDoc, o: &OfficeTexts) -> anyhow::Result<Vec<u8>> {
    let mut main = Section {
        blocks: vec![],
        landscape: false,
        margins: margins(),
        title_page: true,
    };
    let width = main.text_width();
    let b = &mut main.blocks;
    b.push(Block::Table(header_table(&d.header, o, width)));
    if let Some(kind) = &d.kind {
        b.push(Block::Para(
            centred(Run::new(kind).pt(14).bold()).spacing(SIX_PT * 3, 0),
        ));
    }
    if let Some(summary) = &d.summary {
        b.push(Block::Para(centred(Run::new(summary).pt(14).bold())));
        // A short rule under the summary line.
        b.push(Block::Para(
            Para::default()
                .indent(width * 2 / 5, width * 2 / 5)
                .rule_below()
                .line(120)
                .spacing(0, SIX_PT),
        ));
    }
    for (i, t) in d.to.iter().enumerate() {
        let p = if i == 0 {
            Para::new(vec![
                Run::new(format!("{} ", o.notice_to)).pt(14),
                Run::new(t).pt(14),
            ])
            .spacing(SIX_PT * 3, SIX_PT)
        } else {
            Para::text(Run::new(t).pt(14))
        };
        b.push(Block::Para(p.align(Align::Center)));
    }
    for item in &d.body {
        b.push(Block::Para(body_para(item)));
    }
    b.push(Block::Para(Para::default().spacing(SIX_PT, 0)));
    b.push(Block::Table(signature_table(d, o, width)));
    let mut sections = vec![main];
    if let Some(a) = &d.appendix {
        sections.push(appendix_section(a));
    }
    docx::package(&Document {
        sections,
        font: "Times New Roman".into(),
        size: BODY_PT * 2,
        title: d.title.clone(),
        created: d.created,
    })
}

/// The document as Markdown (for `--format md`): the same words, in reading order.
pub fn markdown(d: &FormalDoc, o: &OfficeTexts) -> String {
    use super::markdown::escape;
    let h = &d.header;
    let mut s = String::new();
    s.push_str(&format!(
        "**{}**  \n**{}**  \n{}\n",
        escape(&h.superior),
        escape(&h.issuer),
        escape(&h.number)
    ));
    if let Some(about) = &h.about {
        s.push_str(&format!("{}\n", escape(about)));
    }
    s.push_str(&format!(
        "\n**{}**  \n**{}**\n\n*{}*\n\n",
        o.national,
        o.motto,
        escape(&h.place_date)
    ));
    if let Some(kind) = &d.kind {
        s.push_str(&format!("## {}\n\n", escape(kind)));
    }
    if let Some(summary) = &d.summary {
        s.push_str(&format!("**{}**\n\n", escape(summary)));
    }
    for (i, t) in d.to.iter().enumerate() {
        if i == 0 {
            s.push_str(&format!("{} {}", o.notice_to, escape(t)));
        } else {
            s.push_str(&format!("  \n{}", escape(t)));
        }
        if i + 1 == d.to.len() {
            s.push_str("\n\n");
        }
    }
    let mut in_list = false;
    for b in &d.body {
        let item = matches!(b, Body::Item(_));
        if in_list && !item {
            s.push('\n');
        }
        in_list = item;
        match b {
            Body::Heading(t) => s.push_str(&format!("**{}**\n\n", escape(t))),
            Body::Subheading(t) => s.push_str(&format!("***{}***\n\n", escape(t))),
            Body::Para(t) => s.push_str(&format!("{}\n\n", escape(t))),
            Body::Item(t) => s.push_str(&format!("- {}\n", escape(t))),
            Body::Placeholder(t) => s.push_str(&format!("*{}*\n\n", escape(t))),
        }
    }
    if in_list {
        s.push('\n');
    }
    if !d.signer.authority.is_empty() {
        s.push_str(&format!("**{}**  \n", escape(&d.signer.authority)));
    }
    s.push_str(&format!(
        "**{}**\n\n**{}**\n\n",
        escape(&d.signer.title),
        escape(&d.signer.name)
    ));
    s.push_str(&format!("***{}***\n\n", o.recipients));
    for r in &d.recipients {
        s.push_str(&format!("- {};\n", escape(r)));
    }
    s.push_str(&format!("- {}\n", escape(&fill(o.archive, &[&d.archive]))));
    if let Some(a) = &d.appendix {
        s.push_str(&format!(
            "\n## {}\n\n**{}**\n\n*{}*\n\n",
            escape(&a.heading),
            escape(&a.title),
            escape(&a.subtitle)
        ));
        s.push_str(&format!(
            "| {} |\n|{}\n",
            a.headers
                .iter()
                .map(|h| escape(h))
                .collect::<Vec<_>>()
                .join(" | "),
            "---|".repeat(a.headers.len())
        ));
        for r in &a.rows {
            s.push_str(&format!(
                "| {} |\n",
                r.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | ")
            ));
        }
    }
    s
}

/// The header block and signature from the plan's `[document]` settings; a missing setting
/// becomes a visible placeholder. `number` is the issued number ("85/BC-TCTDA06") or `None`
/// for a blank to fill in after signature; `kind_code` is the type's abbreviation ("BC"), empty
/// for a letter.
pub fn letterhead(
    s: &crate::model::plan::DocumentSettings,
    o: &OfficeTexts,
    kind_code: &str,
    number: Option<&str>,
    date: NaiveDate,
) -> (Header, Signer, String) {
    let or_missing = |v: &Option<String>, key: &str| match v.as_deref().map(str::trim) {
        Some(x) if !x.is_empty() => x.to_string(),
        _ => fill(o.missing_setting, &[key]),
    };
    let code = or_missing(&s.issuer_code, "issuer_code");
    let number = match number {
        Some(n) => format!("{} {n}", o.number),
        None if kind_code.is_empty() => {
            format!("{}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/{code}", o.number)
        }
        None => format!(
            "{}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/{kind_code}-{code}",
            o.number
        ),
    };
    let header = Header {
        superior: or_missing(&s.superior, "superior"),
        issuer: or_missing(&s.issuer, "issuer"),
        number,
        place_date: place_date(o, &or_missing(&s.place, "place"), date),
        about: None,
    };
    let name = match s.signer_name.as_deref().map(str::trim) {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => o.signer_name_placeholder.to_string(),
    };
    let signer = Signer {
        authority: s.signer_authority.clone().unwrap_or_default(),
        title: or_missing(&s.signer_title, "signer_title"),
        name,
    };
    let archive = or_missing(&s.archive, "archive");
    (header, signer, archive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_zeros_for_days_below_ten_and_months_one_and_two() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            date_parts(d(2024, 7, 5)),
            ("05".into(), "7".into(), "2024".into())
        );
        assert_eq!(
            date_parts(d(2024, 2, 14)),
            ("14".into(), "02".into(), "2024".into())
        );
        assert_eq!(date_parts(d(2024, 12, 31)).1, "12");
        let o = crate::i18n::office(crate::i18n::Lang::Vi);
        assert_eq!(
            place_date(o, "Tây Ninh", d(2024, 1, 9)),
            "Tây Ninh, ngày 09 tháng 01 năm 2024"
        );
    }
}
