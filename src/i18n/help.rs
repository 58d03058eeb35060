//! The command line in Vietnamese: every subcommand's and option's help text (the English is
//! the doc comments in `cli.rs`), the help page's headings, and clap's argument errors. `cli`
//! rewrites the clap `Command` with these before parsing when the language is Vietnamese, so
//! `--help`, `tiendo man` and usage errors speak the user's language.

/// Vietnamese help for the command at `path` ("" for tiendo itself, "report", …) and the
/// argument `id` ("-" for the command's own description). `None`: no translation (the English
/// doc comment stays; `tests` keeps the table complete).
pub fn vi(path: &str, id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        ("", "-") => "Theo dõi kế hoạch triển khai lưu bằng các tệp TOML trong git",
        ("", "long") => {
            "Theo dõi kế hoạch triển khai lưu bằng các tệp TOML trong git\n\ntiendo đọc kế hoạch trong `plan/` (plan.toml, units.toml, tasks/**/*.toml), kiểm tra, cho biết từng nhiệm vụ đang ở đâu tại một ngày, và lập báo cáo tháng. Gõ `tiendo MÃ` để xem một nhiệm vụ."
        }
        ("", "plan") => {
            "Thư mục kế hoạch [mặc định: `plan/` trong thư mục này hoặc thư mục cha gần nhất có nó]"
        }
        ("", "as_of") => "Xét tình trạng tại ngày này (NĂM-THÁNG-NGÀY) [mặc định: hôm nay]",
        ("", "lang") => "Ngôn ngữ (vi: tiếng Việt, en: tiếng Anh)",
        ("", "color") => "Khi nào tô màu (NO_COLOR được tôn trọng)",
        ("", "wide") => "Bảng đủ cột, không thu gọn theo bề rộng màn hình",
        ("", "no_pager") => "Không mở trình xem trang (PAGER) cho kết quả dài",
        ("", "no_cache") => {
            "Đọc lại mọi tệp kế hoạch, không dùng bộ nhớ đệm đã phân tích (trong `.git/tiendo/`)"
        }
        ("check", "-") => "Kiểm tra toàn bộ kế hoạch và báo mọi lỗi",
        ("check", "strict") => "Coi cảnh báo như lỗi",
        ("check", "verbose") => {
            "In từng phát hiện trên một dòng (nếu không, cảnh báo lặp lại được gộp theo đơn vị và quy tắc) và cả các cảnh báo plan.toml đã ghi nhận"
        }
        ("check", "as_issued") => {
            "Xét kế hoạch như khi ban hành: tại ngày `issued` trong plan.toml, bỏ qua tiến độ và ngày hoàn thành ghi sau đó"
        }
        (_, "format") => "Định dạng kết quả",
        ("list", "-") => "Liệt kê nhiệm vụ với thời hạn và tình trạng",
        ("list" | "export", "lead") => "Nhiệm vụ do ĐƠN-VỊ chủ trì (mã, tên hoặc tên khác)",
        ("list" | "export", "unit") => "Nhiệm vụ do ĐƠN-VỊ chủ trì hoặc phối hợp",
        ("list" | "export", "group") => "Nhiệm vụ trong NHÓM và các nhóm con",
        ("list" | "export", "status") => {
            "Nhiệm vụ ở tình trạng này (done_on_time, done_late, in_progress, overdue, ongoing, no_date, carried_over, dropped)"
        }
        ("list" | "export", "overdue") => {
            "Chỉ nhiệm vụ quá hạn (cùng --due-within: thêm các nhiệm vụ quá hạn)"
        }
        ("list" | "export", "due_within") => {
            "Nhiệm vụ chưa quá hạn và đến hạn trong SỐ-NGÀY tới, tính từ ngày xét"
        }
        ("list" | "export", "due_before") => "Nhiệm vụ chưa xong và có hạn trước NGÀY",
        ("list" | "export", "search") => {
            "Chữ trong mã, nội dung hoặc ghi chú (không phân biệt hoa thường, có dấu hay không)"
        }
        ("list" | "summary" | "review", "fail_on") => "Thoát với mã 1 khi điều kiện xảy ra",
        ("list", "sort") => {
            "Sắp xếp theo TRƯỜNG: id (thứ tự kế hoạch), due, status, lead, group, title"
        }
        ("list", "limit") => "Chỉ in N nhiệm vụ đầu",
        ("list", "columns") => {
            "Chọn cột, cách nhau bằng dấu phẩy: id, title, lead, deadline, due, status, group"
        }
        ("show", "-") => "Xem toàn bộ một nhiệm vụ (gõ tắt: `tiendo MÃ`)",
        ("show", "id") => "Mã nhiệm vụ, ví dụ 7.4 hoặc TT.3 (không phân biệt hoa thường)",
        ("summary", "-") => "Đếm nhiệm vụ theo tình trạng: toàn bộ, theo nhóm, theo đơn vị chủ trì",
        ("units", "-") => "Danh mục đơn vị, hoặc một đơn vị và các nhiệm vụ của đơn vị",
        ("units", "unit") => "Một đơn vị (mã, tên hoặc tên khác) để xem cùng các nhiệm vụ",
        ("report", "-") => "Lập báo cáo tháng",
        ("report", "month") => {
            "Tháng báo cáo (NĂM-THÁNG); kỳ tính từ ngày 15 tháng trước đến ngày 14 [mặc định: tháng có kỳ báo cáo vừa đóng]"
        }
        ("report", "out") => "Ghi vào THƯ-MỤC/NĂM-THÁNG.md thay vì in ra",
        ("report", "check") => {
            "So với tệp trong --out; in phần khác và thoát với mã 1 khi khác nhau"
        }
        ("report", "calendar_month") => "Kỳ báo cáo là tháng dương lịch thay vì từ ngày 15 đến 14",
        ("report", "by_member") => "Mục 3: mỗi thành viên của đơn vị chủ trì tập thể một dòng",
        ("log", "-") => {
            "Xem mọi commit đã thay đổi một nhiệm vụ (hoặc cả kế hoạch), bằng lời của kế hoạch"
        }
        ("log", "id") => "Mã nhiệm vụ; không có thì xem nhật ký thay đổi của cả kế hoạch",
        ("log", "since") => "Chỉ commit từ ngày này (NĂM-THÁNG-NGÀY)",
        ("log", "until") => "Chỉ commit đến ngày này (NĂM-THÁNG-NGÀY)",
        ("diff", "-") => "Xem khác biệt về nội dung giữa hai phiên bản kế hoạch",
        ("diff", "from") => "Phiên bản cũ [mặc định: HEAD]",
        ("diff", "to") => "Phiên bản mới [mặc định: thư mục làm việc]",
        ("review", "-") => {
            "Xem xét một nhánh: khác biệt từ điểm tách nhánh và những điểm người duyệt cần xem kỹ"
        }
        ("review", "base") => "Nhánh gốc [mặc định: nhánh upstream, không có thì main]",
        ("update", "-") => {
            "Ghi tiến độ, sửa hoặc xóa một báo cáo, hay đổi trạng thái nhiệm vụ, giữ nguyên bố cục tệp"
        }
        ("update", "id") => "Mã nhiệm vụ, ví dụ 7.4",
        ("update", "by") => "Đơn vị báo cáo (chủ trì hoặc phối hợp; mã, tên hoặc tên khác)",
        ("update", "note") => "Nội dung báo cáo",
        ("update", "date") => "Ngày của số liệu báo cáo [mặc định: --as-of]",
        ("update", "percent") => "Phần trăm hoàn thành (0-100)",
        ("update", "indicator") => "Tên chỉ tiêu của giá trị",
        ("update", "value") => "Giá trị chỉ tiêu",
        ("update", "status") => "Trạng thái mới",
        ("update", "done_on") => "Ngày hoàn thành (cùng --status done, hoặc cùng --milestone)",
        ("update", "milestone") => "Số thứ tự mốc (từ 1) để ghi hoàn thành cùng --done-on",
        ("update", "amend") => {
            "Sửa báo cáo số N (số thứ tự như `show` ghi): các trường đưa vào (--date, --by, --note, --percent, --indicator/--value) thay giá trị cũ"
        }
        ("update", "remove") => "Xóa báo cáo số N (số thứ tự như `show` ghi)",
        ("update", "again") => "Vẫn ghi dù đã có một báo cáo giống hệt",
        ("update", "deadline") => {
            "Điều chỉnh: thời hạn mới (của nhiệm vụ, hoặc của --milestone), cùng --on và --basis"
        }
        ("update", "due") => {
            "Điều chỉnh: ngày hạn mới ghi rõ (cùng --deadline, hoặc riêng), cùng --on và --basis"
        }
        ("update", "lead") => {
            "Điều chỉnh: đơn vị chủ trì mới (lặp lại hoặc cách nhau bằng dấu phẩy), cùng --on và --basis"
        }
        ("update", "handover") => {
            "Điều chỉnh: chuyển phần việc (chủ trì hoặc phối hợp) của đơn vị FROM sang --to, cùng --on và --basis"
        }
        ("update", "to") => {
            "Các đơn vị tiếp nhận khi --handover (lặp lại hoặc cách nhau bằng dấu phẩy)"
        }
        ("update", "on") => "Ngày điều chỉnh có hiệu lực",
        ("update", "basis") => "Văn bản làm căn cứ điều chỉnh (số và ngày)",
        ("update", "amendment_note") => "Ghi chú cho điều chỉnh (nguồn)",
        ("update", "unverified") => "Đánh dấu điều chỉnh chưa được đối chiếu với nguồn",
        ("update" | "new", "dry_run") => "In phần thay đổi, không ghi tệp",
        ("update", "commit") => "Commit riêng tệp này với thông điệp nói rõ việc đã làm",
        ("new", "-") => "Tạo tệp nhiệm vụ mới ở dạng chuẩn",
        ("new", "id") => "Mã nhiệm vụ, ví dụ 9.1.14",
        ("new", "group") => "Mã nhóm (trong plan.toml)",
        ("new", "title") => "Nội dung nhiệm vụ",
        ("new", "lead") => "Đơn vị chủ trì (lặp lại hoặc cách nhau bằng dấu phẩy)",
        ("new", "support") => "Đơn vị phối hợp (lặp lại hoặc cách nhau bằng dấu phẩy)",
        ("new", "deadline") => "Thời hạn, ghi nguyên văn",
        ("new", "basis") => {
            "Văn bản bổ sung nhiệm vụ vào kế hoạch (cần khi vượt số nhiệm vụ kế hoạch giao cho nhóm)"
        }
        ("new", "commit") => "Commit tệp mới",
        ("fmt", "-") => "Viết lại các tệp kế hoạch ở dạng chuẩn (hoặc kiểm tra)",
        ("fmt", "check") => "In phần khác và thoát với mã 1 khi có tệp cần sửa",
        ("fmt", "files") => "Các tệp cần định dạng [mặc định: mọi tệp kế hoạch]",
        ("schema", "-") => "In JSON Schema của một loại tệp kế hoạch (cho trình soạn thảo)",
        ("schema", "kind") => "Loại tệp",
        ("completions", "-") => "In mã gợi ý lệnh cho shell",
        ("completions", "shell") => "Loại shell",
        ("man", "-") => "In trang hướng dẫn (man, dạng roff)",
        ("export", "-") => {
            "Xuất nhiệm vụ và mốc: lịch (ICS), bảng cho người đọc (CSV, XLSX) hoặc JSON"
        }
        ("export" | "man", "output") => "Ghi vào TỆP thay vì in ra",
        ("import", "-") => "Nhập nhiệm vụ từ một bảng giống phụ lục kế hoạch (TSV hoặc CSV)",
        ("import", "file") => "Bảng (TSV hoặc CSV)",
        ("import", "dry_run") => "Liệt kê những gì sẽ ghi, không ghi gì",
        ("import", "allow_new_units") => {
            "Thêm cách viết đơn vị chưa biết vào units.toml như đơn vị mới"
        }
        ("merge-driver", "-") => {
            "Trình hợp nhất của git cho tệp nhiệm vụ: giữ báo cáo tiến độ của cả hai bên"
        }
        ("merge-driver", "base") => "Phiên bản gốc chung (%O)",
        ("merge-driver", "ours") => "Phiên bản của ta (%A); kết quả hợp nhất ghi vào đây",
        ("merge-driver", "theirs") => "Phiên bản của bên kia (%B)",
        ("merge-driver", "path") => "Đường dẫn của tệp trong kho (%P), để báo lỗi",
        // ---- several plans (issue 16)
        ("", "in_plans") => {
            "Khi thư mục có nhiều kế hoạch: chỉ các kế hoạch này (tên ngắn, cách nhau bằng dấu phẩy) [mặc định: mọi kế hoạch đang thực hiện]"
        }
        ("", "all_plans") => {
            "Khi thư mục có nhiều kế hoạch: mọi kế hoạch, kể cả đã kết thúc (`summary` thêm dòng tổng)"
        }
        ("plans", "-") => {
            "Liệt kê các kế hoạch trong thư mục: số hiệu, thời kỳ, đang thực hiện hay đã kết thúc, số nhiệm vụ, quá hạn"
        }
        ("carry-over", "-") => {
            "Chuyển các nhiệm vụ chưa hoàn thành của một kế hoạch sang kế hoạch sau, có liên kết ngược"
        }
        ("carry-over", "from") => "Kế hoạch có nhiệm vụ chưa hoàn thành cần chuyển (tên ngắn)",
        ("carry-over", "to") => "Kế hoạch sau, nhận các nhiệm vụ (tên ngắn)",
        ("carry-over", "group") => "Chỉ nhiệm vụ thuộc nhóm này của kế hoạch cũ (và các nhóm con)",
        ("carry-over", "only") => {
            "Chỉ các nhiệm vụ này của kế hoạch cũ (mã, cách nhau bằng dấu phẩy)"
        }
        ("carry-over", "into") => "Nhóm của kế hoạch sau nhận nhiệm vụ [mặc định: nhóm đầu tiên]",
        ("carry-over", "dry_run") => "In những gì sẽ ghi, không ghi gì",
        ("carry-over", "commit") => "Commit các tệp đã ghi",
        ("import-plan", "-") => {
            "Đọc các tài liệu trao đổi (export --all-plans) vào một không gian kế hoạch chỉ để đọc"
        }
        ("import-plan", "files") => "Các tài liệu trao đổi, mỗi tỉnh hoặc mỗi kho một tệp",
        ("import-plan", "out") => "Thư mục không gian kế hoạch mới (chưa có hoặc trống)",
        // ---- issue 15 (reports over time), translated here so issue-17's branch stays green ----
        ("report", "quarter") => {
            "Một quý (2024-Q2): từ ngày 15 của tháng trước quý đến ngày 14 của tháng cuối quý"
        }
        ("report", "half") => {
            "Sáu tháng (2024-H1): từ 15/12 năm trước đến 14/06, hoặc từ 15/06 đến 14/12"
        }
        ("report", "year") => "Một năm (2024): từ 15/12 năm trước đến 14/12",
        ("report", "final_") => {
            "Báo cáo tổng kết tại ngày kết thúc kế hoạch: tình trạng cuối cùng của mọi nhiệm vụ"
        }
        ("report", "period") => {
            "Kỳ bất kỳ theo tên tệp: 2024-06, 2024-Q2, 2024-H1, 2024 hoặc final (cho các script kiểm tra mọi tệp trong reports/)"
        }
        ("report", "at") => {
            "Xét theo kế hoạch như một phiên bản cũ trong kho đã ghi (commit, tag, nhánh)"
        }
        ("report", "issue") => {
            "Ban hành báo cáo với số này (ví dụ 85/BC-TCTDA06): báo cáo thành hồ sơ, --out không bao giờ ghi đè"
        }
        ("report", "issued_on") => "Ngày ban hành báo cáo [mặc định: hôm nay]",
        ("update", "received") => {
            "Ngày Tổ giúp việc nhận báo cáo, khi muộn hơn --date (báo cáo muộn không tính vào kỳ của nó và được liệt kê là muộn ở kỳ sau)"
        }
        ("close", "-") => "Kết thúc kế hoạch vào một ngày: các màn hình xét tại ngày đó",
        ("close", "on") => "Ngày kết thúc kế hoạch (ví dụ cuối kỳ, 2024-12-31)",
        ("close", "commit") => "Commit plan.toml (chỉ tệp đó) sau khi ghi",
        // ---- issue 17 (documents that leave the office) ----
        ("notice", "-") => {
            "Soạn công văn đôn đốc cho các đơn vị có nhiệm vụ quá hạn, sắp đến hạn hoặc chưa báo cáo"
        }
        ("notice", "month") => "Tháng (NĂM-THÁNG) mà báo cáo phải gửi trước ngày báo cáo",
        ("notice", "unit") => "Chỉ công văn gửi đơn vị này (mã, tên hoặc tên khác)",
        ("notice", "out") => "Thư mục ghi công văn (`THƯ-MỤC/NĂM-THÁNG-<đơn-vị>.md|docx`)",
        ("returns", "-") => "Phiếu báo cáo của đơn vị: tạo phiếu để điền, hoặc nhập phiếu đã điền",
        ("returns template", "-") => {
            "Tạo phiếu (.xlsx) một đơn vị điền trong tháng: các nhiệm vụ đang thực hiện, cột nhận dạng bị khóa"
        }
        ("returns template", "unit") => "Đơn vị (mã, tên hoặc tên khác)",
        ("returns template", "month") => "Tháng (NĂM-THÁNG) của phiếu",
        ("returns template", "output") => "Tệp .xlsx sẽ ghi",
        ("returns import", "-") => {
            "Đọc phiếu đã điền và thêm báo cáo tiến độ (phiếu có một dòng sai thì từ chối cả phiếu)"
        }
        ("returns import", "files") => "Các phiếu đã điền (.xlsx)",
        ("returns import", "dry_run") => "In đúng các dòng sẽ thêm, không ghi gì",
        ("returns import", "commit") => "Commit mỗi phiếu của một đơn vị thành một commit",
        (_, "help") => "In trợ giúp",
        ("", "version") => "In phiên bản",
        _ => return None,
    })
}

/// A value placeholder (`--as-of <DATE>`) in Vietnamese; the same when it needs no words.
pub fn vi_value_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "DATE" => "NGÀY",
        "DAYS" => "SỐ-NGÀY",
        "DIR" => "THƯ-MỤC",
        "FILE" => "TỆP",
        "PATH" => "ĐƯỜNG-DẪN",
        "UNIT" => "ĐƠN-VỊ",
        "TEXT" => "CHỮ",
        "NAME" => "TÊN",
        "PHRASE" => "THỜI-HẠN",
        "STATUS" => "TRẠNG-THÁI",
        "CATEGORY" => "TÌNH-TRẠNG",
        "FIELD" => "TRƯỜNG",
        "WHAT" => "ĐIỀU-KIỆN",
        "G" => "NHÓM",
        "X" => "GIÁ-TRỊ",
        "FROM" => "TỪ-ĐƠN-VỊ",
        "YYYY-MM" => "NĂM-THÁNG",
        "YYYY-QN" => "NĂM-QUÝ",
        "YYYY-HN" => "NĂM-NỬA",
        "YYYY" => "NĂM",
        "REV" => "PHIÊN-BẢN",
        "NUMBER" => "SỐ",
        "LANG" => "NGÔN-NGỮ",
        "COLOR" => "MÀU",
        "FORMAT" => "ĐỊNH-DẠNG",
        _ => return None,
    })
}

/// Headings of the help page: usage, commands, arguments, options.
pub const VI_USAGE: &str = "Cách dùng:";
pub const VI_COMMANDS: &str = "Lệnh";
pub const VI_ARGUMENTS: &str = "Tham số";
pub const VI_OPTIONS: &str = "Tùy chọn";

/// One of our value parsers' English messages (or clap's), in Vietnamese.
fn value_problem_vi(source: &str) -> String {
    let quoted = source.split('`').nth(1).unwrap_or_default();
    if source.ends_with("is not a date in the form YYYY-MM-DD") {
        format!("`{quoted}` không phải ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2024-07-12)")
    } else if source.ends_with("is not a month in the form YYYY-MM") {
        format!("`{quoted}` không phải tháng dạng NĂM-THÁNG (ví dụ 2024-07)")
    } else if let Some((_, keys)) = source.split_once("is not a standing; use one of: ") {
        format!("`{quoted}` không phải một tình trạng; chọn một trong: {keys}")
    } else if let Some((n, range)) = source.split_once(" is not in ") {
        format!("{n} không nằm trong khoảng {}", range.replace("..=", "–"))
    } else if source == "invalid digit found in string"
        || source == "cannot parse integer from empty string"
    {
        "không phải số nguyên không âm".to_string()
    } else if source == "invalid float literal" {
        "không phải số".to_string()
    } else {
        source.to_string()
    }
}

/// clap's argument error in Vietnamese: what is wrong, a suggestion when clap has one, and how
/// to see the help.
pub fn clap_error_vi(e: &clap::Error) -> String {
    use clap::error::{ContextKind as C, ContextValue, ErrorKind as K};
    let get = |k: C| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = get(C::InvalidArg);
    let value = get(C::InvalidValue);
    let mut msg = match e.kind() {
        K::InvalidValue => {
            let valid = get(C::ValidValue);
            if value.is_empty() {
                format!("`{arg}` cần một giá trị")
            } else if valid.is_empty() {
                format!("giá trị `{value}` không hợp lệ cho `{arg}`")
            } else {
                format!("giá trị `{value}` không hợp lệ cho `{arg}`; chọn một trong: {valid}")
            }
        }
        K::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| value_problem_vi(&s.to_string()))
                .unwrap_or_default();
            format!("giá trị `{value}` không hợp lệ cho `{arg}`: {why}")
        }
        K::UnknownArgument => format!("không có tùy chọn `{arg}`"),
        K::InvalidSubcommand => format!("không có lệnh `{}`", get(C::InvalidSubcommand)),
        K::NoEquals => format!("`{arg}` cần dấu `=` trước giá trị"),
        K::TooManyValues => format!("giá trị thừa `{value}` cho `{arg}`"),
        K::TooFewValues | K::WrongNumberOfValues => format!("`{arg}` thiếu giá trị"),
        K::ArgumentConflict => {
            let prior = get(C::PriorArg);
            if prior.is_empty() {
                format!("`{arg}` không dùng cùng một tùy chọn đã có")
            } else if prior == arg {
                format!("`{arg}` chỉ được ghi một lần")
            } else {
                format!("`{arg}` không dùng cùng `{prior}`")
            }
        }
        K::MissingRequiredArgument => format!("thiếu tham số bắt buộc: {arg}"),
        K::MissingSubcommand => "thiếu lệnh".to_string(),
        _ => return e.render().to_string(),
    };
    let suggested = [C::SuggestedArg, C::SuggestedSubcommand, C::SuggestedValue]
        .into_iter()
        .map(get)
        .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        let each: Vec<String> = s.split(", ").map(|x| format!("`{x}`")).collect();
        msg.push_str(&format!("\n  gợi ý: có phải ý bạn là {}?", each.join(", ")));
    }
    let usage = get(C::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    let mut out = format!("tiendo: lỗi: {msg}\n");
    if !usage.is_empty() {
        out.push_str(&format!("\n{VI_USAGE} {usage}\n"));
    }
    out.push_str("\nXem thêm: `--help`\n");
    out
}
