//! A small WordprocessingML (.docx) writer: paragraphs, runs, borderless or ruled tables with
//! repeating header rows, sections (portrait or landscape, each with its margins), and a page
//! number centred in the top margin from page 2. It owns the file format only; what a report or
//! a letter says, and the Nghị định 30/2020 form, are [`super::nd30`]'s.
//!
//! Why not docx-rs: it was checked (0.4.22, `cargo info docx-rs`) and has no repeating table
//! header row (`w:tblHeader`), which the landscape appendix needs on every page, and it would
//! bring its own XML and image stacks. The parts written here are few and fixed; the container
//! is the `zip` crate that rust_xlsxwriter and calamine already use. Output is deterministic:
//! fixed part order, fixed zip timestamps, the creation date passed in.
//!
//! Pure: a [`Document`] value in, bytes out (in memory). Units: sizes in half-points (`sz`),
//! lengths in twentieths of a point (twips; 1 mm ≈ 56.7 twips).

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;

/// A4 in twips.
pub const A4_WIDTH: u32 = 11906;
pub const A4_HEIGHT: u32 = 16838;

/// Millimetres to twips.
pub const fn mm(x: u32) -> u32 {
    x * 1440 * 10 / 254
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    Both,
}

impl Align {
    fn key(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    /// Half-points; 0 = the document default.
    pub size: u32,
}

impl Run {
    pub fn new(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }
    pub fn bold(mut self) -> Run {
        self.bold = true;
        self
    }
    pub fn italic(mut self) -> Run {
        self.italic = true;
        self
    }
    pub fn underline(mut self) -> Run {
        self.underline = true;
        self
    }
    /// Size in points.
    pub fn pt(mut self, pt: u32) -> Run {
        self.size = pt * 2;
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Para {
    pub runs: Vec<Run>,
    pub align: Align,
    /// First-line indent (twips).
    pub first_line: u32,
    pub indent_left: u32,
    pub indent_right: u32,
    /// Space before and after (twips).
    pub before: u32,
    pub after: u32,
    /// Line spacing in 240ths of a line (240 = single); 0 = single.
    pub line: u32,
    /// A rule under the paragraph (between its indents).
    pub rule_below: bool,
    pub keep_next: bool,
}

impl Para {
    pub fn new(runs: Vec<Run>) -> Para {
        Para {
            runs,
            ..Para::default()
        }
    }
    pub fn text(run: Run) -> Para {
        Para::new(vec![run])
    }
    pub fn align(mut self, a: Align) -> Para {
        self.align = a;
        self
    }
    pub fn spacing(mut self, before: u32, after: u32) -> Para {
        self.before = before;
        self.after = after;
        self
    }
    pub fn first_line(mut self, twips: u32) -> Para {
        self.first_line = twips;
        self
    }
    pub fn indent(mut self, left: u32, right: u32) -> Para {
        self.indent_left = left;
        self.indent_right = right;
        self
    }
    pub fn line(mut self, line: u32) -> Para {
        self.line = line;
        self
    }
    pub fn rule_below(mut self) -> Para {
        self.rule_below = true;
        self
    }
    pub fn keep_next(mut self) -> Para {
        self.keep_next = true;
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub paras: Vec<Para>,
    /// Background fill, `RRGGBB`.
    pub shade: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Repeat this row at the top of every page the table runs onto.
    pub header: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Column widths (twips).
    pub widths: Vec<u32>,
    pub rows: Vec<Row>,
    /// Single-line borders around every cell (false: no borders, for layout tables).
    pub ruled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(Para),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Margins {
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
    /// Distance of the page-number header from the page's top edge.
    pub header: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub blocks: Vec<Block>,
    pub landscape: bool,
    pub margins: Margins,
    /// No page number on this section's first page (the document's page 1).
    pub title_page: bool,
}

impl Section {
    /// The width between the margins (twips).
    pub fn text_width(&self) -> u32 {
        let page = if self.landscape { A4_HEIGHT } else { A4_WIDTH };
        page - self.margins.left - self.margins.right
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub sections: Vec<Section>,
    /// Default font and size (half-points).
    pub font: String,
    pub size: u32,
    pub title: String,
    /// Recorded as the creation date (deterministic output).
    pub created: NaiveDate,
}

/// XML text: escaped, with characters XML 1.0 cannot hold dropped.
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn run_xml(r: &Run, out: &mut String) {
    out.push_str("<w:r>");
    let mut props = String::new();
    if r.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if r.italic {
        props.push_str("<w:i/><w:iCs/>");
    }
    if r.underline {
        props.push_str("<w:u w:val=\"single\"/>");
    }
    if r.size > 0 {
        props.push_str(&format!(
            "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            r.size
        ));
    }
    if !props.is_empty() {
        out.push_str(&format!("<w:rPr>{props}</w:rPr>"));
    }
    for (i, line) in r.text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        out.push_str(&format!(
            "<w:t xml:space=\"preserve\">{}</w:t>",
            xml_text(line)
        ));
    }
    out.push_str("</w:r>");
}

fn para_xml(p: &Para, section_end: Option<&str>, out: &mut String) {
    out.push_str("<w:p><w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if p.rule_below {
        out.push_str(
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>",
        );
    }
    let line = if p.line == 0 { 240 } else { p.line };
    out.push_str(&format!(
        "<w:spacing w:before=\"{}\" w:after=\"{}\" w:line=\"{line}\" w:lineRule=\"auto\"/>",
        p.before, p.after
    ));
    out.push_str(&format!(
        "<w:ind w:left=\"{}\" w:right=\"{}\" w:firstLine=\"{}\"/>",
        p.indent_left, p.indent_right, p.first_line
    ));
    out.push_str(&format!("<w:jc w:val=\"{}\"/>", p.align.key()));
    if let Some(s) = section_end {
        out.push_str(s);
    }
    out.push_str("</w:pPr>");
    for r in &p.runs {
        run_xml(r, out);
    }
    out.push_str("</w:p>");
}

fn table_xml(t: &Table, out: &mut String) {
    let total: u32 = t.widths.iter().sum();
    out.push_str("<w:tbl><w:tblPr>");
    out.push_str(&format!("<w:tblW w:w=\"{total}\" w:type=\"dxa\"/>"));
    out.push_str("<w:tblLayout w:type=\"fixed\"/>");
    let border = if t.ruled {
        "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
    } else {
        "w:val=\"nil\""
    };
    out.push_str("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&format!("<w:{side} {border}/>"));
    }
    out.push_str("</w:tblBorders>");
    out.push_str("<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>");
    out.push_str("</w:tblPr><w:tblGrid>");
    for w in &t.widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    for row in &t.rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if row.header {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        for (i, cell) in row.cells.iter().enumerate() {
            let w = t.widths.get(i).copied().unwrap_or(0);
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>"
            ));
            if let Some(fill) = &cell.shade {
                out.push_str(&format!(
                    "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>",
                    xml_text(fill)
                ));
            }
            out.push_str("</w:tcPr>");
            if cell.paras.is_empty() {
                para_xml(&Para::default(), None, out);
            }
            for p in &cell.paras {
                para_xml(p, None, out);
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

fn sect_pr(s: &Section) -> String {
    let (w, h, orient) = if s.landscape {
        (A4_HEIGHT, A4_WIDTH, " w:orient=\"landscape\"")
    } else {
        (A4_WIDTH, A4_HEIGHT, "")
    };
    let m = &s.margins;
    let mut x = String::from("<w:sectPr>");
    x.push_str("<w:headerReference w:type=\"default\" r:id=\"rIdHeaderPage\"/>");
    if s.title_page {
        x.push_str("<w:headerReference w:type=\"first\" r:id=\"rIdHeaderEmpty\"/>");
    }
    x.push_str("<w:type w:val=\"nextPage\"/>");
    x.push_str(&format!("<w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>"));
    x.push_str(&format!(
        "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>",
        m.top, m.right, m.bottom, m.left, m.header, m.header
    ));
    if s.title_page {
        x.push_str("<w:titlePg/>");
    }
    x.push_str("</w:sectPr>");
    x
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// `word/document.xml`.
pub fn document_xml(doc: &Document) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>"
    );
    let n = doc.sections.len();
    for (i, s) in doc.sections.iter().enumerate() {
        let last = i + 1 == n;
        let blocks = &s.blocks;
        for (j, b) in blocks.iter().enumerate() {
            // A section that is not the last ends with its properties in its last paragraph.
            let closes = !last && j + 1 == blocks.len();
            match b {
                Block::Para(p) => {
                    let sp = closes.then(|| sect_pr(s));
                    para_xml(p, sp.as_deref(), &mut out);
                }
                Block::Table(t) => {
                    table_xml(t, &mut out);
                    if closes {
                        para_xml(&Para::default(), Some(&sect_pr(s)), &mut out);
                    }
                }
            }
        }
        if !last && blocks.is_empty() {
            para_xml(&Para::default(), Some(&sect_pr(s)), &mut out);
        }
        if last {
            out.push_str(&sect_pr(s));
        }
    }
    out.push_str("</w:body></w:document>");
    out
}

fn styles_xml(doc: &Document) -> String {
    let f = xml_text(&doc.font);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles {NS}>\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{f}\" w:hAnsi=\"{f}\" w:eastAsia=\"{f}\" w:cs=\"{f}\"/>\
<w:color w:val=\"000000\"/><w:sz w:val=\"{s}\"/><w:szCs w:val=\"{s}\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>\
<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>",
        s = doc.size
    )
}

fn header_xml(with_page_number: bool) -> String {
    let body = if with_page_number {
        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\
<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
    } else {
        "<w:p/>"
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}>{body}</w:hdr>"
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOC_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdHeaderPage\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rIdHeaderEmpty\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/>\
</Relationships>";

fn settings_xml() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings {NS}>\
<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>\
<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"
    )
}

fn core_xml(doc: &Document) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:creator>tiendo</dc:creator>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:modified>\
</cp:coreProperties>",
        xml_text(&doc.title),
        doc.created,
        doc.created
    )
}

const APP_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>tiendo</Application></Properties>";

/// The .docx file's bytes.
pub fn package(doc: &Document) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("word/document.xml", document_xml(doc)),
        ("word/_rels/document.xml.rels", DOC_RELS.to_string()),
        ("word/styles.xml", styles_xml(doc)),
        ("word/settings.xml", settings_xml()),
        ("word/header1.xml", header_xml(true)),
        ("word/header2.xml", header_xml(false)),
        ("docProps/core.xml", core_xml(doc)),
    ];
    for (name, body) in parts
        .iter()
        .chain(std::iter::once(&("docProps/app.xml", APP_XML.to_string())))
    {
        z.start_file(*name, options)?;
        z.write_all(body.as_bytes())?;
    }
    Ok(z.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(xml_text("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn millimetres() {
        assert_eq!(mm(20), 1133);
        assert_eq!(mm(30), 1700);
    }

    #[test]
    fn sections_end_in_their_last_paragraph_and_the_body() {
        let margins = Margins {
            top: 1,
            right: 2,
            bottom: 3,
            left: 4,
            header: 5,
        };
        let doc = Document {
            sections: vec![
                Section {
                    blocks: vec![Block::Para(Para::text(Run::new("một")))],
                    landscape: false,
                    margins: margins.clone(),
                    title_page: true,
                },
                Section {
                    blocks: vec![Block::Para(Para::text(Run::new("hai")))],
                    landscape: true,
                    margins,
                    title_page: false,
                },
            ],
            font: "Times New Roman".into(),
            size: 28,
            title: "t".into(),
            created: NaiveDate::from_ymd_opt(2024, 7, 14).unwrap(),
        };
        let xml = document_xml(&doc);
        assert_eq!(xml.matches("<w:sectPr>").count(), 2);
        assert!(xml.contains("một</w:t></w:r></w:p>") || xml.contains("<w:titlePg/>"));
        assert!(xml.ends_with("</w:sectPr></w:body></w:document>"));
        assert!(xml.contains("w:orient=\"landscape\""));
        let a = package(&doc).unwrap();
        assert_eq!(a, package(&doc).unwrap(), "same document, same bytes");
    }
}
