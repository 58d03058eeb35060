//! The documents that leave the office, opened with readers that are not tiendo: the tracking
//! workbook read back with calamine (values, real dates) and its sheet XML (frozen panes,
//! autofilter); the Word files unzipped and their XML checked (A4, margins, Times New Roman, the
//! header block, the tables); units' returns round-tripped on a temporary copy of the frozen plan
//! in a temporary git repository (template → cells filled in the sheet's XML → import --dry-run
//! → import --commit → show, check), and a bad sheet refused whole with every cell located.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};

const DOCUMENT: &str = r#"
[document]
superior = "UBND TỈNH TÂY NINH"
issuer = "TỔ CÔNG TÁC ĐỀ ÁN 06"
issuer_code = "TCTDA06"
place = "Tây Ninh"
signer_authority = "KT. TỔ TRƯỞNG"
signer_title = "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC"
recipients = ["UBND tỉnh (b/c)", "Thành viên Tổ Công tác"]
notice_recipients = ["CT, các PCT UBND tỉnh (b/c)"]
archive = "VT, PC06"
"#;

fn frozen() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frozen-plan")
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A temporary folder holding `plan/` (the frozen plan with document settings), optionally a
/// git repository with it committed.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new(git: bool) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan");
        copy_dir(&frozen(), &plan);
        let _ = std::fs::remove_file(plan.join("README.md"));
        let mut toml = std::fs::read_to_string(plan.join("plan.toml")).unwrap();
        toml.push_str(DOCUMENT);
        std::fs::write(plan.join("plan.toml"), toml).unwrap();
        let f = Fixture { dir };
        if git {
            f.git(&["init", "-q", "-b", "main"]);
            f.git(&["add", "."]);
            f.git(&["commit", "-q", "-m", "plan"]);
        }
        f
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_tiendo"))
            .current_dir(self.root())
            .args(args)
            .env_remove("TIENDO_PLAN")
            .env_remove("TIENDO_LANG")
            .env("NO_COLOR", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
            .env("GIT_AUTHOR_DATE", "2024-07-12T09:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-07-12T09:00:00+07:00")
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "tiendo {args:?}\nstdout: {}\nstderr: {}",
            text(&o.stdout),
            text(&o.stderr)
        );
        text(&o.stdout)
    }

    fn git(&self, args: &[&str]) -> String {
        let o = Command::new("git")
            .current_dir(self.root())
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
            .env("GIT_AUTHOR_DATE", "2024-07-01T09:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-07-01T09:00:00+07:00")
            .output()
            .unwrap();
        assert!(o.status.success(), "git {args:?}: {}", text(&o.stderr));
        text(&o.stdout)
    }

    /// Every file under plan/ with its bytes.
    fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        walkdir::WalkDir::new(self.root().join("plan"))
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
            .collect()
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

/// One part of a zip file, as text.
fn part(file: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn cell_date(v: &Data) -> Option<chrono::NaiveDate> {
    match v {
        Data::DateTime(d) => {
            date(1899, 12, 30).checked_add_days(chrono::Days::new(d.as_f64() as u64))
        }
        _ => None,
    }
}

#[test]
fn tracking_workbook_reads_back_with_dates_panes_and_filters() {
    let f = Fixture::new(false);
    let out = f.root().join("theo-doi.xlsx");
    f.ok(&[
        "--as-of",
        "2024-07-14",
        "export",
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names[0], "Tất cả");
    assert_eq!(names[1], "Quá hạn");
    assert_eq!(names.last().unwrap(), "Chỉ tiêu");
    assert!(names.iter().any(|n| n == "Sở TT&TT"), "{names:?}");
    let all = wb.worksheet_range("Tất cả").unwrap();
    let row = |r: &calamine::Range<Data>, i: usize| -> Vec<Data> {
        (0..11)
            .map(|c| r.get((i, c)).cloned().unwrap_or(Data::Empty))
            .collect()
    };
    let header = row(&all, 2);
    assert_eq!(header[0], Data::String("STT".into()));
    assert_eq!(header[6], Data::String("Hạn (ngày)".into()));
    assert_eq!(header[7], Data::String("Tình trạng".into()));
    // 7.4: the phrase as written beside a real Excel date, the standing in words.
    let r74 = (3..all.height())
        .map(|i| row(&all, i))
        .find(|r| r[1] == Data::String("7.4".into()))
        .unwrap();
    assert_eq!(r74[5], Data::String("Hoàn thành trước 30/11/2024".into()));
    assert_eq!(cell_date(&r74[6]), Some(date(2024, 11, 29)));
    // One rule for overdue: the task is overdue when a milestone is.
    assert_eq!(r74[7], Data::String("Quá hạn, chưa hoàn thành".into()));
    assert!(
        matches!(&r74[10], Data::String(s) if s.contains("Mốc 1 (trước ngày 30/6/2024): Quá hạn 15 ngày"))
    );
    // Every task once on the first sheet; the overdue sheet holds only overdue rows.
    assert_eq!(all.height() - 3, 63);
    let overdue = wb.worksheet_range("Quá hạn").unwrap();
    assert!(overdue.height() > 3);
    for i in 3..overdue.height() {
        assert_eq!(
            overdue.get((i, 7)),
            Some(&Data::String("Quá hạn, chưa hoàn thành".into()))
        );
    }
    // Frozen header and autofilter, as written in the sheet XML.
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("ySplit=\"3\""), "{sheet}");
    assert!(
        sheet.contains("<autoFilter ref=\"A3:K66\""),
        "no autofilter"
    );
    // English headers with --lang en; the same bytes for the same data.
    let en = f.root().join("en.xlsx");
    f.ok(&[
        "--lang",
        "en",
        "--as-of",
        "2024-07-14",
        "export",
        "--format",
        "xlsx",
        "-o",
        en.to_str().unwrap(),
    ]);
    let mut wb: Xlsx<_> = open_workbook(&en).unwrap();
    let r = wb.worksheet_range("All tasks").unwrap();
    assert_eq!(r.get((2, 7)), Some(&Data::String("Standing".into())));
    let again = f.root().join("again.xlsx");
    f.ok(&[
        "--as-of",
        "2024-07-14",
        "export",
        "--format",
        "xlsx",
        "-o",
        again.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap());
    // Without -o the binary file is refused, not written to a terminal.
    let o = f.run(&["export", "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("cần -o"), "{}", text(&o.stderr));
}

#[test]
fn reminder_letter_is_a_nghi_dinh_30_document() {
    let f = Fixture::new(false);
    let dir = f.root().join("cv");
    let listed = f.ok(&[
        "--as-of",
        "2024-07-05",
        "notice",
        "--month",
        "2024-07",
        "--unit",
        "Sở Thông tin và Truyền thông",
        "--format",
        "docx",
        "--out",
        dir.to_str().unwrap(),
    ]);
    let file = dir.join("2024-07-so-tttt.docx");
    assert_eq!(listed.trim(), file.display().to_string());
    let doc = part(&file, "word/document.xml");
    // A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; no page number on page 1.
    assert!(
        doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
        "{doc}"
    );
    assert!(
        doc.contains("<w:pgMar w:top=\"1133\" w:right=\"850\" w:bottom=\"1133\" w:left=\"1700\"")
    );
    assert!(doc.contains("<w:titlePg/>"));
    // The header block, in order; the date with its leading zero, in italics.
    let order = [
        "UBND TỈNH TÂY NINH",
        "TỔ CÔNG TÁC ĐỀ ÁN 06",
        "/TCTDA06",
        "V/v đôn đốc thực hiện và báo cáo tiến độ Kế hoạch số 594/KH-TCTDA06 tháng 7/2024",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tây Ninh, ngày 05 tháng 7 năm 2024",
        "Kính gửi: ",
        "Sở Thông tin và Truyền thông",
        "Quá hạn",
        "trước ngày 15/07/2024",
        // The signature block: recipients on the left, the signer on the right.
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, PC06.",
        "KT. TỔ TRƯỞNG",
        "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC",
        "[Họ và tên người ký]",
    ];
    let mut at = 0;
    for s in order {
        let i = doc[at..]
            .find(s)
            .unwrap_or_else(|| panic!("`{s}` missing after byte {at}"));
        at += i + s.len();
    }
    assert!(doc.contains("<w:i/><w:iCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">Tây Ninh, ngày 05"));
    let styles = part(&file, "word/styles.xml");
    assert!(styles.contains("w:ascii=\"Times New Roman\""));
    let header = part(&file, "word/header1.xml");
    assert!(header.contains(" PAGE "));
}

#[test]
fn report_docx_has_the_form_the_sections_and_a_landscape_appendix() {
    let f = Fixture::new(false);
    let dir = f.root().join("reports");
    let o = f.run(&[
        "report",
        "--month",
        "2024-07",
        "--format",
        "docx",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let file = dir.join("2024-07.docx");
    let doc = part(&file, "word/document.xml");
    // Two sections: A4 portrait (page 1 without a number), then the landscape appendix.
    assert_eq!(doc.matches("<w:sectPr>").count(), 2);
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(doc.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"));
    let order = [
        "UBND TỈNH TÂY NINH",
        "/BC-TCTDA06",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Tây Ninh, ngày 14 tháng 7 năm 2024",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch số 594/KH-TCTDA06 tháng 7/2024",
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Công tác chỉ đạo, điều hành",
        "[Bộ phận tham mưu bổ sung nội dung]",
        "2. Kết quả thực hiện các nhiệm vụ",
        "3. Kết quả thực hiện các chỉ tiêu",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THÁNG 8/2024",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
        "- UBND tỉnh (b/c);",
        "- Lưu: VT, PC06.",
        "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC",
        "PHỤ LỤC",
        "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ",
        "STT",
        "Thời gian hoàn thành",
        "7.4. Triển khai nhiệm vụ đảm bảo an toàn thông tin theo cấp độ",
        "Hoàn thành trước 30/11/2024",
        "(29/11/2024)",
    ];
    let mut at = 0;
    for s in order {
        let i = doc[at..]
            .find(s)
            .unwrap_or_else(|| panic!("`{s}` missing after byte {at}"));
        at += i + s.len();
    }
    // The appendix table repeats its header row; one row per task after it.
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 1);
    let appendix = &doc[doc.find("PHỤ LỤC").unwrap()..];
    assert_eq!(appendix.matches("<w:tr>").count(), 1 + 63);
    // Body: 14 pt, justified, first-line indent 1.27 cm.
    assert!(
        doc.contains(
            "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"720\"/><w:jc w:val=\"both\"/>"
        )
    );
    // Deterministic, and --check agrees with what is written.
    let again = f.run(&[
        "report",
        "--month",
        "2024-07",
        "--format",
        "docx",
        "--out",
        dir.to_str().unwrap(),
        "--check",
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stdout));
    // An issued number replaces the blank.
    let o = f.run(&[
        "report",
        "--month",
        "2024-07",
        "--format",
        "docx",
        "--out",
        dir.to_str().unwrap(),
        "--issue",
        "85/BC-TCTDA06",
        "--issued-on",
        "2024-07-05",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let doc = part(&file, "word/document.xml");
    assert!(doc.contains("Số: 85/BC-TCTDA06"));
    assert!(doc.contains("Tây Ninh, ngày 05 tháng 7 năm 2024"));
}

#[test]
fn returns_round_trip_in_a_git_repository() {
    let f = Fixture::new(true);
    let sheet = f.root().join("so-tttt-2024-07.xlsx");
    let said = f.ok(&[
        "returns",
        "template",
        "--unit",
        "so-tttt",
        "--month",
        "2024-07",
        "-o",
        sheet.to_str().unwrap(),
    ]);
    assert!(said.contains("đã ghi phiếu"), "{said}");
    let rows = template_rows(&sheet);
    let find = |id: &str, indicator: &str| {
        rows.iter()
            .find(|(_, r)| r[0] == id && r[5] == indicator)
            .map(|(i, _)| *i)
            .unwrap_or_else(|| panic!("no row {id} {indicator}"))
    };
    let lead = find("7.4", "");
    let ind = find("7.4", "he-thong-duoc-phe-duyet-cap-do");
    // The identifying columns are locked, the sheet protected.
    let xml = part(&sheet, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<sheetProtection"));
    assert!(xml.contains("type=\"whole\""));

    // The template as sent: nothing filled in, nothing to add, and it says so.
    let empty = f.ok(&[
        "--as-of",
        "2024-07-14",
        "returns",
        "import",
        sheet.to_str().unwrap(),
    ]);
    assert!(
        empty.contains("phiếu chưa có dòng nào được điền"),
        "{empty}"
    );
    let filled = f.root().join("filled.xlsx");
    fill_cells(
        &sheet,
        &filled,
        &[
            (
                cell('I', lead),
                Fill::Text("Đã phê duyệt hồ sơ cấp độ 42/45 hệ thống"),
            ),
            (cell('J', lead), Fill::Number(60.0)),
            (
                cell('M', lead),
                Fill::Text("Công văn 123/STTTT ngày 10/7/2024"),
            ),
            (cell('H', ind), Fill::Number(45478.0)), // 05/07/2024
            (cell('K', ind), Fill::Number(93.3)),
        ],
    );
    let before = f.snapshot();
    let dry = f.ok(&[
        "--as-of",
        "2024-07-14",
        "returns",
        "import",
        filled.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(f.snapshot(), before, "--dry-run writes nothing");
    let expected_lines = ["[[progress]]", "date = 2024-07-14", "by = \"so-tttt\""];
    for l in expected_lines {
        assert!(dry.contains(l), "{dry}");
    }
    assert!(
        dry.contains("sẽ thêm 2 báo cáo tiến độ của Sở TT&TT"),
        "{dry}"
    );

    let o = f.run(&[
        "--as-of",
        "2024-07-14",
        "returns",
        "import",
        filled.to_str().unwrap(),
        "--commit",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let said = text(&o.stdout);
    assert!(
        said.contains("đã thêm 2 báo cáo tiến độ của Sở TT&TT"),
        "{said}"
    );
    let log = f.git(&["log", "--format=%s", "-n", "1"]);
    assert_eq!(
        log.trim(),
        "Sở TT&TT báo cáo tiến độ tháng 2024-07 (phiếu filled.xlsx)"
    );
    let changed = f.git(&["show", "--stat", "--format=", "HEAD"]);
    assert!(changed.contains("plan/tasks/7/7.4.toml"), "{changed}");
    // The lines --dry-run printed are exactly the lines now in the file.
    let task = std::fs::read_to_string(f.root().join("plan/tasks/7/7.4.toml")).unwrap();
    for l in dry
        .lines()
        .filter(|l| !l.starts_with("plan/") && !l.contains("sẽ thêm"))
    {
        assert!(task.contains(l), "`{l}` not in the file");
    }
    let show = f.ok(&["--as-of", "2024-07-14", "show", "7.4"]);
    assert!(
        show.contains(
            "Đã phê duyệt hồ sơ cấp độ 42/45 hệ thống. Văn bản: Công văn 123/STTTT ngày 10/7/2024"
        ),
        "{show}"
    );
    assert!(show.contains("93,3") || show.contains("93.3"), "{show}");
    let check = f.run(&["--as-of", "2024-07-14", "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));

    // The same sheet again: nothing added, and it says so.
    let head = f.git(&["rev-parse", "HEAD"]);
    let again = f.ok(&[
        "--as-of",
        "2024-07-14",
        "returns",
        "import",
        filled.to_str().unwrap(),
        "--commit",
    ]);
    assert!(again.contains("không có gì mới"), "{again}");
    assert!(again.contains("bỏ qua 2 dòng"), "{again}");
    assert_eq!(f.git(&["rev-parse", "HEAD"]), head);
}

#[test]
fn a_bad_sheet_is_refused_whole_with_every_cell_located() {
    let f = Fixture::new(false);
    let sheet = f.root().join("mau.xlsx");
    f.ok(&[
        "returns",
        "template",
        "--unit",
        "so-tttt",
        "--month",
        "2024-07",
        "-o",
        sheet.to_str().unwrap(),
    ]);
    let rows = template_rows(&sheet);
    let lead = rows
        .iter()
        .find(|(_, r)| r[0] == "7.4" && r[5].is_empty())
        .unwrap()
        .0;
    let support = rows
        .iter()
        .find(|(_, r)| r[2] == "Phối hợp" && r[5].is_empty())
        .unwrap()
        .0;
    let other = rows
        .iter()
        .find(|(i, r)| *i != lead && r[0] != "7.4" && r[5].is_empty() && r[2] == "Chủ trì")
        .unwrap()
        .0;
    let fourth = rows
        .iter()
        .find(|(i, r)| ![lead, support, other].contains(i) && r[5].is_empty())
        .unwrap()
        .0;
    let bad = f.root().join("bad.xlsx");
    fill_cells(
        &sheet,
        &bad,
        &[
            // A good row: refused with the rest.
            (cell('I', lead), Fill::Text("Đang triển khai")),
            (cell('J', lead), Fill::Number(150.0)),
            (cell('I', support), Fill::Text("Đã phối hợp")),
            (cell('H', support), Fill::Text("20/08/2024")),
            (cell('A', other), Fill::Text("9.9.9")),
            (cell('I', other), Fill::Text("Xong")),
            (cell('A', fourth), Fill::Text("5.4")),
            (cell('I', fourth), Fill::Text("Đã làm")),
        ],
    );
    let before = f.snapshot();
    let o = f.run(&[
        "--as-of",
        "2024-07-14",
        "returns",
        "import",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    let name = bad.display().to_string();
    let at = |c: char, row: usize| format!("{name}!Báo cáo!{}: lỗi:", cell(c, row));
    assert!(
        err.contains(&format!(
            "{} tỷ lệ hoàn thành `150` không nằm trong khoảng 0–100",
            at('J', lead)
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{} ngày 20/08/2024 ở sau ngày báo cáo 14/07/2024",
            at('H', support)
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{} không có nhiệm vụ `9.9.9` trong kế hoạch",
            at('A', other)
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{} Sở TT&TT không chủ trì, không phối hợp nhiệm vụ 5.4",
            at('A', fourth)
        )),
        "{err}"
    );
    assert!(
        err.contains("  gợi ý: ghi một số nguyên từ 0 đến 100"),
        "{err}"
    );
    assert!(
        err.contains("từ chối cả phiếu, không ghi gì (4 lỗi)"),
        "{err}"
    );
    assert_eq!(f.snapshot(), before, "nothing written");
}

/// The template's data rows: (0-based sheet row, cells A..G as text).
fn template_rows(file: &Path) -> Vec<(usize, Vec<String>)> {
    let mut wb: Xlsx<_> = open_workbook(file).unwrap();
    let r = wb.worksheet_range("Báo cáo").unwrap();
    assert_eq!(r.get((1, 1)), Some(&Data::String("so-tttt".into())));
    assert_eq!(r.get((2, 1)), Some(&Data::String("2024-07".into())));
    (5..r.height())
        .map(|i| {
            let cells = (0..7)
                .map(|c| match r.get((i, c)) {
                    Some(Data::String(s)) => s.clone(),
                    _ => String::new(),
                })
                .collect();
            (i, cells)
        })
        .collect()
}

fn cell(col: char, row0: usize) -> String {
    format!("{col}{}", row0 + 1)
}

enum Fill<'a> {
    Text(&'a str),
    Number(f64),
}

/// Fill cells of the first sheet the way a spreadsheet program would: the cell keeps its
/// style and gets an inline string or a number.
fn fill_cells(from: &Path, to: &Path, cells: &[(String, Fill<'_>)]) {
    let mut z = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..z.len() {
        let mut entry = z.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = vec![];
        entry.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let mut xml = String::from_utf8(bytes).unwrap();
            for (r, v) in cells {
                let start = xml
                    .find(&format!("<c r=\"{r}\""))
                    .unwrap_or_else(|| panic!("no cell {r}"));
                let rest = &xml[start..];
                let open_end = rest.find('>').unwrap();
                let end = if rest[..=open_end].ends_with("/>") {
                    open_end + 1
                } else {
                    rest.find("</c>").unwrap() + 4
                };
                let style = rest[..open_end]
                    .split(" s=\"")
                    .nth(1)
                    .map(|s| s.split('"').next().unwrap().to_string());
                let s = style.map(|s| format!(" s=\"{s}\"")).unwrap_or_default();
                let new = match v {
                    Fill::Text(t) => {
                        format!("<c r=\"{r}\"{s} t=\"inlineStr\"><is><t>{t}</t></is></c>")
                    }
                    Fill::Number(x) => format!("<c r=\"{r}\"{s}><v>{x}</v></c>"),
                };
                xml.replace_range(start..start + end, &new);
            }
            bytes = xml.into_bytes();
        }
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn a_completion_date_from_the_lead_marks_the_task_done() {
    let f = Fixture::new(false);
    let sheet = f.root().join("mau.xlsx");
    f.ok(&[
        "returns",
        "template",
        "--unit",
        "so-tttt",
        "--month",
        "2024-07",
        "-o",
        sheet.to_str().unwrap(),
    ]);
    let rows = template_rows(&sheet);
    let lead = rows
        .iter()
        .find(|(_, r)| r[0] == "7.4" && r[5].is_empty())
        .unwrap()
        .0;
    let filled = f.root().join("xong.xlsx");
    fill_cells(
        &sheet,
        &filled,
        &[
            (
                cell('I', lead),
                Fill::Text("Hoàn thành triển khai phương án bảo vệ"),
            ),
            (cell('J', lead), Fill::Text("100%")),
            (cell('L', lead), Fill::Text("12/07/2024")),
            (cell('P', lead), Fill::Text("Đã hoàn thành")),
        ],
    );
    // The drop-down's words are Excel's list validation on column P.
    let xml = part(&sheet, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("type=\"list\""), "no drop-down");
    assert!(xml.contains("\"Đang thực hiện,Đã hoàn thành,Chưa triển khai,Gặp vướng mắc\""));
    let said = f.ok(&[
        "--as-of",
        "2024-07-14",
        "returns",
        "import",
        filled.to_str().unwrap(),
    ]);
    assert!(
        said.contains("đã thêm 1 báo cáo tiến độ của Sở TT&TT"),
        "{said}"
    );
    let task = std::fs::read_to_string(f.root().join("plan/tasks/7/7.4.toml")).unwrap();
    assert!(task.contains("status = \"done\""), "{task}");
    assert!(task.contains("done_on = 2024-07-12"), "{task}");
    assert!(task.contains("percent = 100"), "{task}");
    assert!(
        task.contains("note = \"Đã hoàn thành: Hoàn thành triển khai phương án bảo vệ\""),
        "{task}"
    );
    // "Done" without a completion day is refused at the cell.
    let bad = f.root().join("thieu-ngay.xlsx");
    fill_cells(
        &sheet,
        &bad,
        &[
            (cell('I', lead), Fill::Text("Xong")),
            (cell('P', lead), Fill::Text("Đã hoàn thành")),
        ],
    );
    let o = f.run(&[
        "--as-of",
        "2024-07-14",
        "returns",
        "import",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains(&format!(
            "!Báo cáo!{}: lỗi: chọn \"Đã hoàn thành\" nhưng chưa ghi ngày hoàn thành",
            cell('L', lead)
        )),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn reminder_letters_in_markdown_name_the_unit_and_the_days() {
    let f = Fixture::new(false);
    let dir = f.root().join("cv");
    let listed = f.ok(&[
        "--as-of",
        "2024-07-05",
        "notice",
        "--month",
        "2024-07",
        "--format",
        "md",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(
        listed.lines().count() > 3,
        "one letter per late or silent unit: {listed}"
    );
    let md = std::fs::read_to_string(dir.join("2024-07-so-tttt.md")).unwrap();
    assert!(
        md.contains("Kính gửi: Sở Thông tin và Truyền thông"),
        "{md}"
    );
    assert!(md.contains("*Tây Ninh, ngày 05 tháng 7 năm 2024*"), "{md}");
    assert!(
        md.contains("**1. Nhiệm vụ, mốc đã quá hạn nhưng chưa hoàn thành:**"),
        "{md}"
    );
    assert!(md.contains("ngày)."), "{md}");
    assert!(md.contains("trước ngày 15/07/2024./."), "{md}");
    // A unit that only coordinates has nothing to answer for: no letter, and it says so.
    let none = f.root().join("none");
    let o = f.run(&[
        "--as-of",
        "2024-07-05",
        "notice",
        "--month",
        "2024-07",
        "--unit",
        "nh-thuong-mai",
        "--out",
        none.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stderr),
        "Không đơn vị nào cần đôn đốc trong tháng này.\n"
    );
    assert!(!none.exists());
}

#[test]
fn markup_and_control_characters_in_plan_text_stay_text() {
    let f = Fixture::new(false);
    let task = f.root().join("plan/tasks/7/7.1.toml");
    let text0 = std::fs::read_to_string(&task).unwrap();
    let title = text0.lines().find(|l| l.starts_with("title = ")).unwrap();
    let text1 = text0.replace(
        title,
        r#"title = "<w:p>&amp; \"q\" \u001b[31m</w:t> =SUM(A1) \uFFFF""#,
    );
    std::fs::write(&task, text1).unwrap();
    let dir = f.root().join("out");
    f.ok(&[
        "report",
        "--month",
        "2024-07",
        "--format",
        "docx",
        "--out",
        dir.to_str().unwrap(),
    ]);
    let doc = part(&dir.join("2024-07.docx"), "word/document.xml");
    assert!(
        doc.contains("&lt;w:p&gt;&amp;amp; &quot;q&quot;"),
        "markup is escaped"
    );
    assert!(!doc.contains('\u{1b}') && !doc.contains('\u{FFFF}'));
    let xlsx = f.root().join("t.xlsx");
    f.ok(&[
        "--as-of",
        "2024-07-14",
        "export",
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let all = wb.worksheet_range("Tất cả").unwrap();
    let cell = (3..all.height())
        .find(|i| all.get((*i, 1)) == Some(&Data::String("7.1".into())))
        .and_then(|i| all.get((i, 2)).cloned())
        .unwrap();
    // A string cell, never a formula.
    assert!(
        matches!(&cell, Data::String(s) if s.starts_with("<w:p>&amp; \"q\"") && s.contains("=SUM(A1)")),
        "{cell:?}"
    );
}
