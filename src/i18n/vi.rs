//! Tiếng Việt: every user-facing string of tiendo in Vietnamese (the default language).

use chrono::NaiveDate;

use super::{EditMsg, Everyday, HistoryTexts, Label, RateBase, ReportTexts, Tr};
use super::{Ws, WsCol};
use crate::model::deadline::{Deadline, DeadlineError};
use crate::model::plan::{TaskStatus, UnitKind};
use crate::model::problem::{Encoding, Item, Problem, ProblemKind};
use crate::model::status::Category;

pub struct Vi;

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Tr for Vi {
    fn label(&self, l: Label) -> &'static str {
        use Label::*;
        match l {
            Id => "Mã",
            Title => "Nội dung",
            Group => "Nhóm",
            Lead => "Chủ trì",
            Support => "Phối hợp",
            Deadline => "Thời hạn",
            Due => "Hạn",
            Status => "Trạng thái",
            Category => "Tình trạng",
            DaysOverdue => "Số ngày quá hạn",
            DueSoon => "sắp đến hạn",
            Unit => "Đơn vị",
            Name => "Tên",
            Kind => "Loại",
            Led => "Chủ trì",
            Supported => "Phối hợp",
            Ended => "Chấm dứt",
            Successors => "Đơn vị kế thừa",
            Aliases => "Tên khác",
            Members => "Thành viên",
            Total => "Tổng",
            Date => "Ngày",
            By => "Đơn vị báo cáo",
            Note => "Nội dung báo cáo",
            Percent => "Tiến độ",
            Indicator => "Chỉ tiêu",
            Target => "Mục tiêu",
            Latest => "Giá trị mới nhất",
            Met => "Đạt",
            NotMet => "Chưa đạt",
            Unknown => "Chưa rõ",
            Milestones => "Mốc",
            Indicators => "Chỉ tiêu",
            Progress => "Tiến độ thực hiện",
            Notes => "Ghi chú",
            Source => "Nguồn",
            None => "(không có)",
            Tasks => "Nhiệm vụ",
            Rate => "Tỷ lệ hoàn thành",
            Overall => "Toàn bộ",
            FocusTasks => "Nhiệm vụ trọng tâm",
            GroupTasks => "Nhiệm vụ theo nhóm",
            Dropped => "Không thực hiện",
            Baseline => "Cơ sở",
            Value => "Giá trị",
            Plan => "Kế hoạch",
            Line => "dòng",
            File => "Tệp",
            Done => "Hoàn thành",
        }
    }

    fn category(&self, c: Category) -> &'static str {
        match c {
            Category::DoneOnTime => "Đã hoàn thành đúng hạn",
            Category::DoneLate => "Đã hoàn thành quá hạn",
            Category::InProgress => "Đang thực hiện trong hạn",
            Category::Overdue => "Quá hạn, chưa hoàn thành",
            Category::Ongoing => "Thường xuyên",
            Category::NoDate => "Theo yêu cầu / theo lộ trình",
            Category::CarriedOver => "Chưa hoàn thành — chuyển sang kế hoạch sau",
            Category::Dropped => "Không thực hiện",
        }
    }

    fn task_status(&self, s: TaskStatus) -> &'static str {
        match s {
            TaskStatus::Todo => "chưa bắt đầu",
            TaskStatus::Doing => "đang thực hiện",
            TaskStatus::Done => "đã hoàn thành",
            TaskStatus::Dropped => "không thực hiện",
        }
    }

    fn unit_kind(&self, k: UnitKind) -> &'static str {
        match k {
            UnitKind::Department => "sở, ngành",
            UnitKind::Agency => "cơ quan",
            UnitKind::Police => "công an",
            UnitKind::District => "cấp huyện",
            UnitKind::Commune => "cấp xã",
            UnitKind::Enterprise => "doanh nghiệp",
            UnitKind::Bank => "ngân hàng",
            UnitKind::Media => "báo chí",
            UnitKind::Province => "tỉnh",
            UnitKind::Collective => "tập hợp đơn vị",
            UnitKind::Other => "khác",
        }
    }

    fn deadline_kind(&self, d: Option<Deadline>) -> &'static str {
        match d {
            Some(Deadline::Due(_)) => "có hạn",
            Some(Deadline::DueThenOngoing(_)) => "có hạn, sau đó thường xuyên",
            Some(Deadline::Ongoing) => "thường xuyên",
            Some(Deadline::OnRequest) => "khi có yêu cầu",
            Some(Deadline::Roadmap) => "theo lộ trình",
            None => "không đọc được",
        }
    }

    fn deadline_error(&self, e: &DeadlineError) -> String {
        match e {
            DeadlineError::Empty => "thời hạn để trống".to_string(),
            DeadlineError::InvalidDate { text } => {
                format!("`{text}` không phải ngày, tháng hoặc quý có thật")
            }
            DeadlineError::Unrecognized => "không nhận ra cách viết thời hạn này".to_string(),
        }
    }

    fn problem(&self, p: &Problem) -> (String, Option<String>) {
        use ProblemKind::*;
        let s = |m: &str| m.to_string();
        match &p.kind {
            Io { detail } => (format!("không đọc được tệp: {detail}"), None),
            MissingFile => (
                s("thiếu tệp này"),
                Some(s("xem docs/format.md để biết nội dung cần có")),
            ),
            TooLarge { bytes, limit } => (
                format!(
                    "tệp quá lớn ({bytes} byte, tối đa {limit} byte); đây không phải tệp nhiệm vụ"
                ),
                None,
            ),
            Symlink => (
                s("liên kết tượng trưng (symlink) bị bỏ qua"),
                Some(s("chép tệp thật vào thư mục kế hoạch")),
            ),
            NotUtf8 { guess } => match guess {
                Encoding::Utf16 => (
                    s("tệp được lưu dạng UTF-16, không phải UTF-8"),
                    Some(s("mở tệp và lưu lại với mã hóa UTF-8")),
                ),
                Encoding::LegacyVietnamese => (
                    s(
                        "tệp không phải UTF-8; có thể được lưu bằng bảng mã TCVN3 (ABC) hoặc Windows-1258",
                    ),
                    Some(s(
                        "chuyển mã sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại",
                    )),
                ),
                Encoding::Unknown => (
                    s("tệp không phải UTF-8"),
                    Some(s("lưu lại tệp với mã hóa UTF-8")),
                ),
            },
            NotNfc => (
                s("văn bản không ở dạng chuẩn NFC (dấu tiếng Việt tách rời)"),
                Some(s("chạy `tiendo fmt` để chuẩn hóa")),
            ),
            ConflictMarker => (
                s("còn dấu xung đột hợp nhất của git (<<<<<<<, =======, >>>>>>>)"),
                Some(s(
                    "giữ lại phần đúng, xóa các dòng đánh dấu, rồi `git add` tệp; hoặc bật `tiendo merge-driver` (xem README)",
                )),
            ),
            Syntax { detail } => (format!("lỗi cú pháp TOML: {detail}"), None),
            UnknownKey { key, suggestion } => (
                format!("khóa không hợp lệ `{key}`"),
                Some(match suggestion {
                    Some(sug) => format!("có phải ý bạn là `{sug}`?"),
                    None => s("xem các khóa hợp lệ trong docs/format.md"),
                }),
            ),
            MissingKey { key } => (format!("thiếu khóa bắt buộc `{key}`"), None),
            TomlMistake {
                mistake,
                key,
                found,
                ..
            } => super::everyday::toml_mistake(super::Lang::Vi, *mistake, key, found),
            BadValue { detail } => super::everyday::bad_value_vi(detail),
            PlanEndedOpen { end } => (self.timely(&super::Timely::EndedOpen { end: *end }), None),
            UnknownLinkedTask { id } => (
                format!("nhiệm vụ liên kết (`same_as`/`overlaps`) không tồn tại: `{id}`"),
                Some(s("`tiendo list` liệt kê mọi mã")),
            ),
            ReceivedBeforeDate => (
                s("ngày nhận (`received`) sớm hơn ngày số liệu (`date`)"),
                Some(s("bỏ `received` nếu báo cáo nhận đúng ngày số liệu")),
            ),
            NoTasks => (
                s("kế hoạch chưa có nhiệm vụ nào"),
                Some(s("tạo nhiệm vụ bằng `tiendo new`")),
            ),
            DuplicateTaskId { id, other } => {
                (format!("mã nhiệm vụ `{id}` trùng với {other}"), None)
            }
            IdFileMismatch { id, stem } => (
                format!("mã `{id}` khác tên tệp `{stem}.toml`"),
                Some(format!("đổi tên tệp thành `{id}.toml` hoặc sửa mã")),
            ),
            UnsafeId { id, why } => (
                format!(
                    "mã `{id}` không dùng làm tên tệp được: {}",
                    match why {
                        crate::model::id::UnsafeId::Empty => s("mã trống"),
                        crate::model::id::UnsafeId::TooLong => s("quá dài"),
                        crate::model::id::UnsafeId::BadChar(c) => format!("có ký tự `{c}`"),
                        crate::model::id::UnsafeId::DotPath =>
                            s("dấu chấm ở đầu, cuối hoặc liền nhau"),
                        crate::model::id::UnsafeId::Reserved => s("tên dành riêng của Windows"),
                    }
                ),
                Some(s("chỉ dùng chữ, số, `.`, `-`, `_`, ví dụ `9.1.13`")),
            ),
            IdOutsideGroup { id, group } => (
                format!("mã `{id}` không bắt đầu bằng mã nhóm `{group}.`"),
                None,
            ),
            UnknownGroup { group, suggestion } => (
                format!("nhóm `{group}` không có trong plan.toml"),
                suggestion
                    .as_ref()
                    .map(|g| format!("có phải ý bạn là `{g}`?")),
            ),
            DuplicateGroup { group } => (format!("nhóm `{group}` khai báo hai lần"), None),
            GroupCount {
                group,
                declared,
                actual,
            } => (
                format!("nhóm `{group}` có {actual} nhiệm vụ, kế hoạch ghi {declared}"),
                None,
            ),
            DuplicateUnit { id } => (format!("mã đơn vị `{id}` khai báo hai lần"), None),
            BadUnitId { id } => (
                format!("mã đơn vị `{id}` không hợp lệ"),
                Some(s(
                    "dùng chữ thường không dấu, số và gạch nối, ví dụ `so-tai-chinh`",
                )),
            ),
            UnknownUnit { id, suggestions } => (
                format!("đơn vị không có trong danh mục: `{id}`"),
                if suggestions.is_empty() {
                    Some(s("thêm đơn vị vào units.toml, hoặc xem `tiendo units`"))
                } else {
                    Some(format!(
                        "có phải ý bạn là {}?",
                        suggestions
                            .iter()
                            .map(|(i, n)| format!("`{i}` ({n})"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                },
            ),
            EmptyLead => (
                s("chưa có đơn vị chủ trì"),
                Some(s("ghi ít nhất một mã đơn vị vào `lead`")),
            ),
            LeadAndSupport { unit } => (
                format!("`{unit}` vừa chủ trì vừa phối hợp"),
                Some(s("bỏ khỏi `support`")),
            ),
            DuplicateUnitRef { unit } => (format!("`{unit}` ghi hai lần"), None),
            UnitEnded {
                name,
                ended,
                successors,
                ..
            } => (
                format!("{name} đã chấm dứt hoạt động từ {}", self.date(*ended)),
                Some(format!("nhiệm vụ do {} tiếp nhận", successors.join(", "))),
            ),
            EndedWithoutSuccessors { unit } => (
                format!("`{unit}` đã chấm dứt nhưng chưa ghi đơn vị kế thừa"),
                None,
            ),
            SuccessorsWithoutEnded { unit } => (
                format!("`{unit}` có đơn vị kế thừa nhưng thiếu ngày chấm dứt `ended`"),
                None,
            ),
            AmbiguousSpelling { spelling, units } => (
                format!("cách viết `{spelling}` chỉ nhiều đơn vị: {}", list(units)),
                None,
            ),
            UnreadableDeadline { phrase, error } => (
                format!(
                    "không đọc được thời hạn \"{phrase}\": {}",
                    self.deadline_error(error)
                ),
                Some(s(
                    "viết theo mẫu \"Tháng 5/2024\", \"Quý I/2024\", \"Trước ngày 05/3/2024\", \"Thực hiện thường xuyên\", hoặc thêm `due = YYYY-MM-DD`",
                )),
            ),
            DueContradictsPhrase { due, derived } => (
                format!(
                    "`due` = {} khác ngày suy ra từ thời hạn ({})",
                    self.date(*due),
                    self.date(*derived)
                ),
                None,
            ),
            DoneWithoutDoneOn => (
                s("trạng thái `done` nhưng thiếu `done_on`"),
                Some(s("thêm `done_on = YYYY-MM-DD`")),
            ),
            DoneOnWithoutDone => (s("có `done_on` nhưng trạng thái chưa là `done`"), None),
            DoneOnAfterAsOf { done_on, as_of } => (
                format!(
                    "ngày hoàn thành {} sau ngày xét {}",
                    self.date(*done_on),
                    self.date(*as_of)
                ),
                None,
            ),
            ProgressAfterAsOf { date, as_of } => (
                format!(
                    "báo cáo tiến độ ngày {} sau ngày xét {}",
                    self.date(*date),
                    self.date(*as_of)
                ),
                None,
            ),
            ProgressOutOfOrder { date, previous } => (
                format!(
                    "báo cáo ngày {} đứng sau báo cáo ngày {}",
                    self.date(*date),
                    self.date(*previous)
                ),
                Some(s("xếp các mục [[progress]] theo thứ tự ngày")),
            ),
            ProgressByOutsider { unit } => (
                format!("`{unit}` không chủ trì hay phối hợp nhiệm vụ này"),
                None,
            ),
            DuplicateProgress { id, first, second } => (
                format!("trùng hệt báo cáo {first} (ghi hai lần?)"),
                Some(format!(
                    "xóa bản thừa: `tiendo update {id} --remove {second}`"
                )),
            ),
            PercentOutOfRange { percent } => (format!("tiến độ {percent}% nằm ngoài 0–100"), None),
            UnknownIndicator { name } => {
                (format!("chỉ tiêu `{name}` không có trong nhiệm vụ"), None)
            }
            ValueWithoutIndicator => (s("có `value` nhưng thiếu `indicator`"), None),
            IndicatorWithoutValue => (s("có `indicator` nhưng thiếu `value`"), None),
            DuplicateIndicator { name } => (format!("chỉ tiêu `{name}` khai báo hai lần"), None),
            // Dated amendments (issues 14, 15).
            AmendmentWithoutBasis => (
                s("điều chỉnh thiếu `basis` (văn bản làm căn cứ)"),
                Some(s(
                    "ghi số, ký hiệu và ngày của văn bản, ví dụ basis = \"Công văn số 123/UBND-KT ngày 18/6/2024\"; chưa rõ số văn bản thì ghi rõ điều đó và đặt unverified = true",
                )),
            ),
            AmendmentToWithoutFrom => (
                s("điều chỉnh có `to` nhưng thiếu `from` (đơn vị bàn giao)"),
                None,
            ),
            AmendmentFromWithoutTo => (
                s("điều chỉnh có `from` nhưng thiếu `to` (đơn vị tiếp nhận)"),
                None,
            ),
            AmendmentEmpty => (
                s("điều chỉnh không thay đổi gì"),
                Some(s(
                    "ghi ít nhất một trong: from+to, lead, support, deadline, due, title, indicator+target",
                )),
            ),
            AmendmentMilestoneOutOfRange { number, count } => (
                format!("điều chỉnh mốc {number} nhưng nhiệm vụ có {count} mốc"),
                None,
            ),
            AmendmentTargetWithoutIndicator => (
                s("điều chỉnh có `target`/`target_value` nhưng thiếu `indicator`"),
                None,
            ),
            UnitSplit {
                name,
                ended,
                candidates,
                ..
            } => (
                format!(
                    "{name} chấm dứt từ {}, công việc chia cho nhiều đơn vị; nhiệm vụ chưa ghi đơn vị tiếp nhận",
                    self.date(*ended)
                ),
                Some(format!(
                    "thêm [[amendment]] với from, to, basis; ứng viên: {}",
                    candidates
                        .iter()
                        .map(|(l, f)| match f {
                            Some(f) => format!("{l} ({f})"),
                            None => l.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                )),
            ),
            ProgressByEndedUnit {
                name,
                ended,
                carriers,
                ..
            } => (
                format!(
                    "báo cáo của {name}, đơn vị đã chấm dứt hoạt động từ {}",
                    self.date(*ended)
                ),
                Some(format!(
                    "vào ngày đó nhiệm vụ do {} đảm nhận",
                    carriers.join(", ")
                )),
            ),
            HandoverFromStranger { unit } => (
                format!(
                    "bàn giao từ `{unit}`, nhưng vào ngày đó `{unit}` không chủ trì hay phối hợp nhiệm vụ này"
                ),
                None,
            ),
            // --- issue 12: hostile input, round two ---
            BadFileName => (
                s(
                    "tên tệp không thể là tệp nhiệm vụ (có ký tự điều khiển, xuống dòng hoặc dấu \\): không được đọc",
                ),
                Some(s("đổi tên tệp thành mã nhiệm vụ kèm `.toml`")),
            ),
            NotRegularFile => (
                s("không phải tệp thường (FIFO, thiết bị hoặc socket): không được đọc"),
                Some(s("thay bằng một tệp thường")),
            ),
            UnitCycle { unit, field, path } => (
                format!(
                    "`{unit}` quay lại chính nó qua `{field}`: {path}",
                    path = path.join(" → ")
                ),
                Some(s(
                    "một đơn vị không thể kế thừa hoặc bao gồm chính nó; bỏ một mắt của vòng",
                )),
            ),
            GroupCycle { group } => (
                format!("nhóm `{group}` là tổ tiên của chính nó qua `parent`"),
                Some(s("đặt `parent` là một nhóm không nằm dưới nó")),
            ),
            // ---- issue 16: links between plans
            CarryLinkBroken { link } => (
                format!("liên kết `{link}` không trỏ tới nhiệm vụ nào trong các kế hoạch"),
                Some(s(
                    "viết `TÊN:MÃ`, ví dụ `kh594:7.4`; `tiendo plans` liệt kê tên các kế hoạch",
                )),
            ),
            CarriedTwice { link, by } => (
                format!(
                    "nhiệm vụ `{link}` được chuyển tiếp hai lần: {}",
                    by.join(", ")
                ),
                Some(s("giữ một nhiệm vụ tiếp nối, xóa các nhiệm vụ còn lại")),
            ),
            CarryNotMarked { by } => (
                format!(
                    "kế hoạch đã kết thúc nhưng nhiệm vụ này chưa được đánh dấu chuyển sang `{by}`"
                ),
                Some(format!(
                    "thêm `carried_to = \"{by}\"` (hoặc chạy `tiendo carry-over`)"
                )),
            ),
            CarryLinkMismatch { link, back } => (
                match back {
                    Some(b) => format!("liên kết `{link}` không khớp: đầu kia ghi `{b}`"),
                    None => {
                        format!("liên kết `{link}` không khớp: đầu kia không trỏ lại nhiệm vụ này")
                    }
                },
                None,
            ),
            CarriedWithoutDeadline { from } => (
                format!("nhiệm vụ chuyển tiếp từ `{from}` chưa có thời hạn mới"),
                Some(s(
                    "Văn phòng thường trực đặt `deadline` (ví dụ \"Quý II/2025\")",
                )),
            ),
        }
    }

    fn item(&self, i: Item) -> String {
        match i {
            Item::Milestone(n) => format!("mốc {n}"),
            Item::Progress(n) => format!("báo cáo {n}"),
            Item::Indicator(n) => format!("chỉ tiêu {n}"),
            Item::Amendment(n) => format!("điều chỉnh {n}"),
        }
    }

    fn severity(&self, error: bool) -> &'static str {
        if error { "lỗi" } else { "cảnh báo" }
    }

    fn help_word(&self) -> &'static str {
        "gợi ý:"
    }

    fn check_summary(
        &self,
        errors: usize,
        warnings: usize,
        bad_files: usize,
        files: usize,
    ) -> String {
        format!("{errors} lỗi, {warnings} cảnh báo trong {bad_files}/{files} tệp")
    }

    fn plan_has_errors(&self, errors: usize) -> String {
        format!("kế hoạch có {errors} lỗi; chạy `tiendo check` để xem chi tiết")
    }

    fn date(&self, d: NaiveDate) -> String {
        d.format("%d/%m/%Y").to_string()
    }

    fn rate(&self, done: usize, denominator: usize, of_what: RateBase) -> String {
        let base = match of_what {
            RateBase::CameDue => "nhiệm vụ đã đến hạn",
            RateBase::All => "nhiệm vụ có thời hạn",
        };
        if denominator == 0 {
            format!("0/0 {base}")
        } else {
            let pct = done as f64 * 100.0 / denominator as f64;
            format!("{done}/{denominator} {base} ({}%)", self.number(pct))
        }
    }

    fn number(&self, x: f64) -> String {
        format!("{x:.1}").replace('.', ",")
    }

    fn no_tasks_match(&self) -> &'static str {
        "Không có nhiệm vụ nào phù hợp."
    }

    fn lookup(&self, l: &super::Lookup) -> String {
        use super::Lookup::*;
        match l {
            UnknownTask { id, near } if near.is_empty() => {
                format!("không có nhiệm vụ `{id}`; `tiendo list` liệt kê mọi mã")
            }
            UnknownTask { id, near } => format!(
                "không có nhiệm vụ `{id}`; có phải ý bạn là: {}?",
                near.join(", ")
            ),
            UnknownGroup { group, all } => {
                format!("không có nhóm `{group}`; các nhóm: {}", all.join(", "))
            }
            UnknownUnit { arg, near } if near.is_empty() => {
                format!("không có đơn vị `{arg}`; `tiendo units` liệt kê mọi đơn vị")
            }
            UnknownUnit { arg, near } => format!(
                "không có đơn vị `{arg}`; có phải ý bạn là: {}?",
                near.join(", ")
            ),
            NotAFolder { path } => format!(
                "thư mục kế hoạch `{path}` không có hoặc không phải thư mục; kiểm tra --plan hoặc TIENDO_PLAN"
            ),
            NoPlanFolder { cwd } => format!(
                "không thấy `plan/plan.toml` trong `{cwd}` hay thư mục cha nào; chạy lệnh trong kho kế hoạch hoặc ghi --plan THƯ_MỤC"
            ),
            AmbiguousUnit { arg, candidates } => {
                format!(
                    "`{arg}` khớp nhiều đơn vị: {}; hãy ghi mã đơn vị",
                    candidates.join("; ")
                )
            }
        }
    }

    fn unavailable(&self, u: &crate::git::Unavailable) -> String {
        use crate::git::Unavailable::*;
        match u {
            NoGit => "không xem được lịch sử: máy chưa cài git (hoặc git không có trong PATH)"
                .to_string(),
            NotARepo => {
                "không xem được lịch sử: thư mục kế hoạch không nằm trong kho git".to_string()
            }
            Shallow { since } => format!(
                "không xem được toàn bộ lịch sử: đây là bản sao nông (shallow), lịch sử chỉ có từ {since}; chạy `git fetch --unshallow`"
            ),
            NoCommits => "không xem được lịch sử: kho git chưa có commit nào".to_string(),
        }
    }

    fn report(&self) -> &'static ReportTexts {
        &REPORT
    }

    fn history(&self) -> &'static HistoryTexts {
        &HISTORY
    }

    fn edit(&self, m: &EditMsg<'_>) -> String {
        use EditMsg::*;
        match m {
            CommitProgress { id, unit, date } => format!("{id}: {unit} báo cáo tiến độ {date}"),
            CommitDone { id, date } => format!("{id}: hoàn thành {date}"),
            CommitStatus { id, status } => format!("{id}: chuyển trạng thái sang \"{status}\""),
            CommitMilestone { id, number, date } => {
                format!("{id}: hoàn thành mốc {number} ngày {date}")
            }
            CommitNew { id } => format!("{id}: thêm nhiệm vụ"),
            Wrote { path } => format!("đã ghi `{path}`"),
            Committed { path } => format!("đã commit `{path}`"),
            Refused { path, errors } => format!(
                "không ghi `{path}`: sau khi sửa, nhiệm vụ sẽ có {errors} lỗi mới:"
            ),
            UnknownTask { id, near: "" } => {
                format!("không có nhiệm vụ `{id}`; `tiendo list` liệt kê mọi mã")
            }
            UnknownTask { id, near } => {
                format!("không có nhiệm vụ `{id}`; có phải: {near}")
            }
            NothingToDo => "không có gì để cập nhật: cho --note (với --by), --percent, --indicator/--value, --status hoặc --milestone".to_string(),
            ProgressNeedsByAndNote => {
                "một báo cáo tiến độ cần cả --by (đơn vị báo cáo) và --note (nội dung)".to_string()
            }
            DoneNeedsDate => {
                "--status done cần ngày hoàn thành: --done-on NGÀY (hoặc --date NGÀY)".to_string()
            }
            DoneOnNeedsDone => "--done-on chỉ dùng với --status done hoặc --milestone N".to_string(),
            ChangedOnDisk { path } => format!(
                "`{path}` đã bị thay đổi trên đĩa kể từ lúc đọc; chưa ghi gì, hãy chạy lại lệnh"
            ),
            Locked { path } => format!(
                "`{path}` đang được một tiến trình tiendo khác sửa; thử lại sau (tệp khóa cũ hơn 60 giây được coi là bỏ dở)"
            ),
            NotGitRepo { dir } => format!(
                "`{dir}` không nằm trong kho git nên không thể --commit; bỏ --commit hoặc chạy `git init`"
            ),
            TaskExists { id, path } => format!("nhiệm vụ `{id}` đã có: `{path}`"),
            BadNewTask { why } => format!("không tạo được nhiệm vụ: {why}"),
            NotFormatted { files } => {
                format!("{files} tệp chưa ở dạng chuẩn; chạy `tiendo fmt` để sửa")
            }
            Formatted { files } => format!("đã định dạng lại {files} tệp"),
            CannotFormat { path, why: "" } => {
                format!("không định dạng `{path}`: tệp giữ nguyên; sửa lỗi trên rồi chạy lại")
            }
            CannotFormat { path, why } => format!("không định dạng được `{path}`: {why}"),
        }
    }

    fn import_msg(&self, m: &super::ImportMsg<'_>) -> String {
        use super::ImportMsg::*;
        match m {
            NotUtf8 { path } => format!(
                "`{path}` không phải văn bản UTF-8; lưu lại bảng dưới dạng \"CSV UTF-8\" hoặc văn bản Unicode (TSV)"
            ),
            NoRows { path } => format!("`{path}` không có hàng nhiệm vụ nào"),
            Unreadable { stt } => format!(
                "không đọc được hàng có STT `{stt}` (cần: số thứ tự, nhóm I, II…, nhóm con (1), (2)…, hoặc để trống với hàng tiếp nối)"
            ),
            NoGroup { stt } => format!("hàng STT `{stt}` đứng trước mọi đầu nhóm (I, II…)"),
            NothingToContinue => "hàng tiếp nối (STT trống) không có nhiệm vụ nào phía trước".to_string(),
            UnknownGroup { group, all } => {
                format!("không có nhóm `{group}` trong plan.toml; các nhóm: {all}")
            }
            DuplicateRow { id, first_line } => {
                format!("nhiệm vụ `{id}` lặp lại (đã có ở dòng {first_line})")
            }
            TaskExists { id, path } => format!("nhiệm vụ `{id}` đã có: `{path}`"),
            NoLead { id } => format!("nhiệm vụ `{id}` không có đơn vị chủ trì"),
            UnknownSpelling {
                spelling,
                lines,
                near: "",
            } => format!(
                "không có đơn vị nào tên `{spelling}` (dòng {lines}); thêm tên này vào `aliases` của đơn vị đúng trong units.toml"
            ),
            UnknownSpelling { spelling, lines, near } => format!(
                "không có đơn vị nào tên `{spelling}` (dòng {lines}); gần nhất: {near}; nếu đúng là một trong số đó, thêm tên này vào `aliases` của đơn vị ấy trong units.toml"
            ),
            AmbiguousSpelling { spelling, units } => {
                format!("`{spelling}` khớp nhiều đơn vị: {units}; sửa `aliases` trong units.toml")
            }
            AllowNewUnitsHint => "help: nếu đó là đơn vị mới, chạy lại với --allow-new-units để thêm chúng vào units.toml".to_string(),
            NothingWritten { problems } => {
                format!("chưa ghi gì: {problems} vấn đề cần sửa trước")
            }
            NewUnit { id, name } => format!("thêm đơn vị `{id}` ({name}), loại `other`"),
            WouldWrite { tasks, units } => {
                format!("sẽ ghi {tasks} nhiệm vụ và thêm {units} đơn vị (--dry-run: chưa ghi gì)")
            }
            Imported { tasks, units } => format!("đã nhập {tasks} nhiệm vụ, thêm {units} đơn vị"),
        }
    }

    fn merge_conflicts(&self, path: &str, count: usize) -> String {
        format!(
            "{path}: {count} khóa bị sửa khác nhau ở cả hai nhánh, để lại giữa dấu xung đột (<<<<<<< ours, =======, >>>>>>> theirs); các mục tiến độ của hai bên đã được giữ đủ\n  gợi ý: giữ lại giá trị đúng, xóa các dòng đánh dấu, chạy `tiendo check`, rồi `git add` tệp"
        )
    }

    fn who(&self, m: &crate::i18n::WhoMsg<'_>) -> String {
        use crate::i18n::WhoMsg::*;
        match m {
            Grouped { count, tasks } => format!("{count} nhiệm vụ: {tasks}"),
            GroupedHint => "`tiendo check --verbose` liệt kê từng vị trí".to_string(),
            Acknowledged { count } => format!(
                "{count} cảnh báo đã được ghi nhận trong plan.toml ([[acknowledge]]); `--verbose` để xem"
            ),
            AmendmentsHeading => "Điều chỉnh".to_string(),
            Amendment {
                on,
                what,
                basis,
                unverified,
            } => format!(
                "từ {on}: {what}, theo {basis}{}",
                if *unverified {
                    " (chưa xác minh)"
                } else {
                    ""
                }
            ),
            Handover { from, to } => format!("bàn giao {from} → {to}"),
            Lead { to } => format!("chủ trì: {to}"),
            Support { to } => format!("phối hợp: {to}"),
            Deadline { to } => format!("thời hạn: {to}"),
            MilestoneDeadline { number, to } => format!("thời hạn mốc {number}: {to}"),
            Title { to } => format!("nội dung: {to}"),
            Target { indicator, to } => format!("chỉ tiêu {indicator}: {to}"),
            AmendmentNeedsOnAndBasis => {
                "điều chỉnh cần --on NGÀY (ngày có hiệu lực) và --basis \"văn bản căn cứ\""
                    .to_string()
            }
            HandoverNeedsTo => "--handover ĐƠN_VỊ cần --to ĐƠN_VỊ[,ĐƠN_VỊ…]".to_string(),
            CommitAmendment { id, on } => format!("{id}: điều chỉnh từ {on}"),
            HandedOver { count, list } => {
                format!("Nhiệm vụ đã chuyển giao ({count}): {list}")
            }
            EditedInPlace { field } => format!(
                "sửa thẳng giá trị gốc `{field}` của kế hoạch; thay đổi có văn bản căn cứ thì ghi [[amendment]] (tiendo update … --on NGÀY --basis …)"
            ),
        }
    }

    fn merge_whole(&self, path: &str, why: crate::merge::Fallback) -> String {
        use crate::merge::Fallback::*;
        let why = match why {
            NotText => "một phiên bản không phải văn bản UTF-8 hoặc đã có dấu xung đột",
            NotToml => "một phiên bản không phải TOML hợp lệ",
            Shape => {
                "cùng một khóa có dạng khác nhau ở hai bên, hoặc danh sách mốc/chỉ số bị sửa ở cả hai bên"
            }
            Layout => "không ghi được kết quả mà vẫn giữ bố cục tệp",
            SameEntry => {
                "cả hai nhánh sửa cùng một mục tiến độ (cùng ngày, cùng đơn vị) theo hai cách khác nhau"
            }
        };
        format!(
            "{path}: không hợp nhất được theo từng khóa ({why}); phần khác nhau được đặt giữa dấu xung đột\n  gợi ý: giữ lại phần đúng, xóa các dòng đánh dấu, chạy `tiendo check`, rồi `git add` tệp"
        )
    }

    fn timely(&self, m: &super::Timely<'_>) -> String {
        use super::Timely::*;
        use crate::report::Period;
        let d = |x: chrono::NaiveDate| self.date(x);
        match m {
            BasisLabel => "Dữ liệu".into(),
            BasisCommit { commit, dirty: false } => {
                format!("thư mục kế hoạch tại commit `{commit}`")
            }
            BasisCommit { commit, dirty: true } => format!(
                "thư mục kế hoạch tại commit `{commit}`, có thay đổi chưa commit"
            ),
            BasisRevision { rev, commit } => {
                format!("kế hoạch trong kho tại `{rev}` (commit `{commit}`)")
            }
            BasisNone => "thư mục kế hoạch (không nằm trong kho git)".into(),
            Closed { day } => format!(
                "kế hoạch đã kết thúc ngày {}; tình trạng tính đến ngày đó",
                d(*day)
            ),
            IssuedHeading { number, date } => format!("số {number}, ngày {}", d(*date)),
            PeriodLabel => "Kỳ báo cáo".into(),
            PeriodName(p) => match p {
                Period::Month(m) => format!("{:02}/{}", m.month, m.year),
                Period::Quarter(y, q) => {
                    format!("quý {}/{y}", ["I", "II", "III", "IV"][(*q as usize - 1).min(3)])
                }
                Period::Half(y, 1) => format!("6 tháng đầu năm {y}"),
                Period::Half(y, _) => format!("6 tháng cuối năm {y}"),
                Period::Year(y) => format!("năm {y}"),
                Period::Final => "tổng kết kế hoạch".into(),
            },
            DistinctWork {
                tasks,
                distinct,
                links,
            } => format!(
                "{tasks} nhiệm vụ là {distinct} phần việc khác nhau: {links} là cùng một việc (kế hoạch ghi hai lần; báo cáo tiến độ ở nhiệm vụ này được tính cho cả nhiệm vụ kia)."
            ),
            OverdueRule => "Quy tắc quá hạn: một nhiệm vụ chưa hoàn thành được tính là quá hạn khi thời hạn của nó, hoặc của một mốc của nó, đã qua; mỗi nhiệm vụ đếm một lần. Mục 1, mục 4, `tiendo list --overdue` và `tiendo summary` dùng cùng quy tắc.".into(),
            DueBeforeNext { count, from } => format!(
                "Gồm cả {count} việc đến hạn từ ngày {} (trước kỳ tới, chưa quá hạn vào ngày báo cáo).",
                d(*from)
            ),
            IndicatorDoneBelow => "Chưa đạt (nhiệm vụ đã hoàn thành)".into(),
            IndicatorDoneBelowNote => "«Chưa đạt (nhiệm vụ đã hoàn thành)»: nhiệm vụ đã được ghi nhận hoàn thành, nhưng giá trị mới nhất của chỉ tiêu chưa đạt mục tiêu.".into(),
            IndicatorWording => "Chỉ tiêu".into(),
            LateHeading => "Báo cáo muộn".into(),
            LateNote => "Báo cáo tiến độ nhận được trong kỳ này cho ngày số liệu thuộc kỳ trước; báo cáo của kỳ trước không tính chúng, nên không việc nào được đếm hai lần.".into(),
            NoLate => "Không có báo cáo muộn.".into(),
            LateDate => "Ngày số liệu".into(),
            LateReceived => "Ngày nhận".into(),
            NarrativeHeading { part } => match *part {
                "I.1" => "Công tác chỉ đạo, điều hành; văn bản đã ban hành (phần I.1)".into(),
                "II" => "Tồn tại, hạn chế và nguyên nhân (phần II)".into(),
                _ => "Đề xuất, kiến nghị (phần IV)".into(),
            },
            NarrativePlaceholder { file, part } => format!(
                "_[Chưa có nội dung. Tổ thư ký viết phần này trong tệp `{file}`, dưới tiêu đề `## {part}`.]_"
            ),
            FinalTally {
                on_time,
                late,
                unfinished,
                dropped,
            } => format!(
                "Kết quả cuối cùng: {on_time} hoàn thành đúng hạn, {late} hoàn thành quá hạn, {unfinished} chưa hoàn thành, {dropped} không thực hiện."
            ),
            NoNextPeriod => "Báo cáo tổng kết không có kỳ tới.".into(),
            IssuedRefused { path, number, date } => format!(
                "không ghi đè `{path}`: đây là báo cáo đã ban hành (số {number}, ngày {}); báo cáo đã ban hành là hồ sơ, muốn sửa thì ban hành báo cáo mới",
                d(*date)
            ),
            IssuedSkipped { path, number, date } => format!(
                "bỏ qua `{path}`: báo cáo đã ban hành (số {number}, ngày {}), không so với dữ liệu hiện tại",
                d(*date)
            ),
            AfterClosing { day } => format!(
                "kế hoạch đã kết thúc ngày {}; kỳ này bắt đầu sau ngày đó. Dùng `tiendo report --final` cho báo cáo tổng kết",
                d(*day)
            ),
            NoPlanEnd => "plan.toml chưa ghi ngày kết thúc kế hoạch (`period_end` hoặc `closed_on`), nên không lập được báo cáo tổng kết".into(),
            ClosedOn { path, day } => {
                format!("đã ghi ngày kết thúc kế hoạch {} vào `{path}`", d(*day))
            }
            CloseCommit { code, day } => format!("Kết thúc kế hoạch {code} ngày {}", d(*day)),
            AlreadyClosed { day } => format!("kế hoạch đã kết thúc ngày {}", d(*day)),
            IssuedEdited {
                path,
                number,
                date,
                commit,
            } => format!(
                "`{path}` là báo cáo đã ban hành (số {number}, ngày {}) nhưng bị sửa trong commit {commit}",
                d(*date)
            ),
            AmendedHeading => "Điều chỉnh có hiệu lực trong kỳ (theo văn bản):".into(),
            CommitsHeading => "Thay đổi trong dữ liệu kế hoạch (lịch sử git):".into(),
            AmendedWord => "điều chỉnh".into(),
            CarriedFrom(link) => format!("tiếp nối nhiệm vụ {link}"),
            CarriedTo(link) => format!("chuyển sang nhiệm vụ {link}"),
            AmendmentText(a) => {
                use crate::report::AmendmentChange as C;
                let units = |u: &[crate::report::UnitName]| {
                    u.iter().map(|x| x.label.as_str()).collect::<Vec<_>>().join(", ")
                };
                let od = |x: &Option<chrono::NaiveDate>| x.map(d).unwrap_or_else(|| "—".into());
                let parts: Vec<String> = a
                    .changes
                    .iter()
                    .map(|c| match c {
                        C::Deadline { milestone, from, from_due, to, to_due } => format!(
                            "thời hạn{} \"{from}\" → \"{to}\" (hạn {} → {})",
                            milestone.map(|n| format!(" mốc {n}")).unwrap_or_default(),
                            od(from_due),
                            od(to_due)
                        ),
                        C::Units { role, from, to } => format!(
                            "{}: {} → {}",
                            match *role {
                                "lead" => "chủ trì",
                                "support" => "phối hợp",
                                _ => "bàn giao",
                            },
                            units(from),
                            units(to)
                        ),
                        C::Title { to } => format!("nội dung → \"{to}\""),
                        C::Target { indicator, from, to } => {
                            format!("mục tiêu chỉ tiêu {indicator}: {from} → {to}")
                        }
                    })
                    .collect();
                let basis = match &a.basis {
                    Some(b) => format!(", theo {b}"),
                    None => ", chưa ghi văn bản căn cứ".into(),
                };
                let unverified = if a.unverified { " (chưa kiểm chứng)" } else { "" };
                format!("{}{basis}{unverified}", parts.join("; "))
            }
            EndedOpen { end } => format!(
                "kỳ của kế hoạch đã hết ngày {} mà kế hoạch chưa kết thúc: chạy `tiendo close --on NGÀY` hoặc chuyển các việc còn dở sang kế hoạch sau",
                d(*end)
            ),
        }
    }

    fn everyday(&self, m: &Everyday<'_>) -> String {
        everyday(m)
    }

    fn workspace(&self, m: &Ws<'_>) -> String {
        workspace(m)
    }
}

static REPORT: ReportTexts = ReportTexts {
    heading: "Báo cáo tiến độ thực hiện",
    plan: "Kế hoạch",
    month: "Kỳ báo cáo tháng",
    window: "Thời gian báo cáo",
    as_of: "Tình trạng tính đến ngày",
    overview: "Tổng quan",
    by_group: "Theo nhóm nhiệm vụ",
    by_lead: "Theo đơn vị chủ trì",
    overdue: "Nhiệm vụ quá hạn, chưa hoàn thành",
    due_next: "Nhiệm vụ đến hạn trong kỳ tới",
    not_reported: "Đơn vị chưa báo cáo",
    indicators: "Chỉ tiêu",
    progress: "Kết quả thực hiện trong kỳ",
    changes: "Thay đổi kế hoạch trong kỳ",
    appendix: "Phụ lục: bảng theo dõi tiến độ",
    none_overdue: "Không có nhiệm vụ quá hạn.",
    none_due_next: "Không có nhiệm vụ đến hạn trong kỳ tới.",
    all_reported: "Tất cả đơn vị đã báo cáo.",
    no_indicators: "Kế hoạch không có chỉ tiêu định lượng.",
    no_progress: "Không có báo cáo tiến độ nào trong kỳ.",
    no_history: "Không có lịch sử git (thư mục kế hoạch không nằm trong kho git), nên không liệt kê được thay đổi.",
    no_changes: "Kế hoạch không thay đổi trong kỳ.",
    rate_note: "Cách tính tỷ lệ hoàn thành: số nhiệm vụ đã hoàn thành (đúng hạn hoặc quá hạn) chia cho số nhiệm vụ đã đến hạn (đã hoàn thành cộng quá hạn); nhiệm vụ thường xuyên, nhiệm vụ không có thời hạn và nhiệm vụ chưa đến hạn không tính.",
    dropped_note: "Nhiệm vụ không thực hiện được liệt kê riêng, không tính là quá hạn.",
    generated_by: "Báo cáo do tiendo tạo từ dữ liệu kế hoạch; không sửa tay.",
    milestone: "mốc",
    carried_by: "tiếp nhận bởi",
    missing_tasks: "Nhiệm vụ chưa có báo cáo",
    not_reported_note: "Đơn vị chủ trì có nhiệm vụ đang thực hiện, thường xuyên hoặc đã đến hạn mà chưa có báo cáo tiến độ trong kỳ.",
    units_reported: "đơn vị đã báo cáo trong kỳ",
    member_reported: "đã báo cáo",
    member_silent: "chưa báo cáo",
};

static HISTORY: HistoryTexts = HistoryTexts {
    added: "thêm nhiệm vụ",
    removed: "xóa nhiệm vụ",
    renamed: "đổi mã",
    changed: "sửa",
    progress_added: "thêm báo cáo tiến độ",
    progress_removed: "xóa báo cáo tiến độ",
    progress_edited: "sửa báo cáo tiến độ đã có",
    milestone_done: "hoàn thành mốc",
    milestone_changed: "sửa mốc",
    text_edited: "sửa nội dung",
    no_changes: "Không có thay đổi.",
    flags: "Cần xem kỹ",
    no_flags: "Không có điểm nào cần lưu ý.",
    flag_deadline_later: "thời hạn bị lùi",
    flag_lead_changed: "đổi đơn vị chủ trì",
    flag_task_removed: "nhiệm vụ bị xóa",
    flag_id_changed: "mã nhiệm vụ bị đổi",
    flag_status_backwards: "trạng thái đi lùi",
    flag_done_without_progress: "hoàn thành mà không có báo cáo tiến độ",
    flag_done_before_progress: "ngày hoàn thành trước báo cáo tiến độ cuối",
    flag_backdated: "ngày hoàn thành ghi lùi hơn một kỳ báo cáo",
    flag_history_rewritten: "báo cáo tiến độ cũ bị sửa hoặc xóa",
    flag_unknown_unit: "đơn vị không có trong danh mục",
    review_heading: "Xem xét thay đổi kế hoạch",
    diff_heading: "Thay đổi kế hoạch",
    field_title: "nội dung",
    field_group: "nhóm",
    field_lead: "chủ trì",
    field_support: "phối hợp",
    field_deadline: "thời hạn",
    field_due: "hạn (due)",
    field_status: "trạng thái",
    field_done_on: "ngày hoàn thành",
    field_notes: "sửa ghi chú",
    field_indicators: "sửa chỉ tiêu",
    field_source: "sửa nguồn",
    none: "không",
    no_commits: "Không có commit nào thay đổi nhiệm vụ này.",
    history_unavailable: "Không xem được lịch sử git",
    range: "So sánh",
    working_tree: "thư mục làm việc",
    base: "gốc",
    commits: "commit",
    // --- issue 12 ---
    frame_group: "nhóm",
    frame_unit: "đơn vị",
    flag_frame: "khung kế hoạch thay đổi",
    flag_milestone_later: "hạn của mốc lùi lại",
};

// ---- everyday use (issue 13) ----

fn everyday(m: &Everyday<'_>) -> String {
    use Everyday::*;
    match m {
        NoIssuedDate => "kế hoạch không ghi ngày ban hành (`issued` trong plan.toml); dùng `--as-of NGÀY` thay cho `--as-issued`".to_string(),
        UnreadableTask { location, why } => format!(
            "chú ý: {location}: tệp nhiệm vụ không đọc được ({why}); nhiệm vụ này không có trong kết quả dưới đây"
        ),
        TaskUnreadable { id, location, why } => format!(
            "nhiệm vụ {id} có tệp nhưng tệp không đọc được: {location}: {why}\n  gợi ý: sửa lỗi trong tệp (xem `tiendo check`) rồi chạy lại"
        ),
        AlreadyRecorded { id, number } => format!(
            "không ghi: nhiệm vụ {id} đã có báo cáo giống hệt (báo cáo {number})\n  gợi ý: thêm `--again` nếu đơn vị thật sự báo cáo lần nữa y như vậy"
        ),
        AmendNeedsField => "`--amend N` cần ít nhất một trường để sửa: --date, --by, --note, --percent, --indicator/--value".to_string(),
        NoMilestone { number, count } => {
            format!("nhiệm vụ không có mốc {number} (nhiệm vụ có {count} mốc)")
        }
        NoProgress { number, count } => {
            format!("nhiệm vụ không có báo cáo {number} (nhiệm vụ có {count} báo cáo; xem `tiendo show ID`)")
        }
        CommitNeedsGit => "không ghi: `--commit` cần git, nhưng máy chưa cài git (hoặc git không có trong PATH); chưa sửa tệp nào\n  gợi ý: cài git, hoặc bỏ `--commit` để chỉ ghi tệp".to_string(),
        CommitNeedsIdentity => "không ghi: git chưa biết tên và email người ghi, nên không commit được; chưa sửa tệp nào\n  gợi ý: chạy `git config --global user.name \"Họ và tên\"` và `git config --global user.email \"ten@example.vn\"` rồi chạy lại".to_string(),
        CommitFailed { path, why } => {
            format!("đã ghi `{path}` nhưng không commit được: {why}")
        }
        WriteFailed { path, why } => format!("không ghi được `{path}`: {why}"),
        CannotEdit { path, why } => format!("không sửa được `{path}`: {why}"),
        ReadFailed { path, why } => format!("không đọc được `{path}`: {why}"),
        CreateFailed { path, why } => format!("không tạo được thư mục `{path}`: {why}"),
        NoHistory { why } => match why {
            crate::git::Unavailable::NotARepo => "Không có lịch sử git (thư mục kế hoạch không nằm trong kho git), nên không liệt kê được thay đổi.".to_string(),
            crate::git::Unavailable::NoGit => "Không có lịch sử git (máy chưa cài git, hoặc git không có trong PATH), nên không liệt kê được thay đổi.".to_string(),
            crate::git::Unavailable::NoCommits => "Không có lịch sử git (kho git chưa có commit nào), nên không liệt kê được thay đổi.".to_string(),
            crate::git::Unavailable::Shallow { since } => format!("Lịch sử git không đầy đủ (bản sao nông, chỉ có từ {since}), nên không liệt kê được thay đổi; chạy `git fetch --unshallow`."),
        },
        CommitAmend { id, number } => format!("{id}: sửa báo cáo {number}"),
        CommitRemove { id, number } => format!("{id}: xóa báo cáo {number}"),
        NewNeedsBasis { id, group, declared } => format!(
            "không ghi: kế hoạch giao nhóm {group} {declared} nhiệm vụ; {id} là nhiệm vụ bổ sung nên cần căn cứ\n  gợi ý: thêm `--basis \"Công văn số …/… ngày …\"` (văn bản bổ sung nhiệm vụ)"
        ),
        NewAdded { id, group, declared } => format!(
            "cảnh báo: kế hoạch giao nhóm {group} {declared} nhiệm vụ; {id} được ghi là nhiệm vụ bổ sung (mục [[amendment]] với added = true), không tính vào số đó"
        ),
    }
}

// ---- several plans (issue 16) ----

fn workspace(m: &Ws<'_>) -> String {
    use Ws::*;
    match m {
        UnknownPlan { plan, plans } => format!(
            "không có kế hoạch `{plan}`; các kế hoạch: {}",
            plans.join(", ")
        ),
        UnknownTask { id } => format!("không có nhiệm vụ `{id}` trong kế hoạch nào"),
        AmbiguousId { id, candidates } => format!(
            "mã `{id}` có trong nhiều kế hoạch: {}\n  gợi ý: viết `TÊN:MÃ`, ví dụ `{}`",
            candidates.join(", "),
            candidates.first().map(String::as_str).unwrap_or("")
        ),
        PickOnePlan { plans } => format!(
            "thư mục này có nhiều kế hoạch ({}): chọn một bằng `--in TÊN`",
            plans.join(", ")
        ),
        Heading { name, code } => format!("== {name} · Kế hoạch {code} =="),
        Column(c) => match c {
            WsCol::Name => "Tên",
            WsCol::Code => "Số hiệu",
            WsCol::Period => "Thời kỳ",
            WsCol::State => "Trạng thái",
            WsCol::Tasks => "Nhiệm vụ",
            WsCol::Done => "Đã hoàn thành",
            WsCol::Open => "Chưa hoàn thành",
            WsCol::Overdue => "Quá hạn",
            WsCol::Carried => "Đã chuyển tiếp",
        }
        .to_string(),
        Open => "đang thực hiện".to_string(),
        Closed { on } => format!("đã kết thúc {on}"),
        Total => "Tổng các kế hoạch (nhiệm vụ chuyển tiếp tính một lần)".to_string(),
        CarriedFrom { link } => format!("Tiếp nối nhiệm vụ: {link}"),
        CarriedTo { plan, link, on } => {
            format!("Chưa hoàn thành — chuyển sang kế hoạch {plan}: {link} (ngày {on})")
        }
        CarryLine { old, new, path } => format!("{old} → {new}  {path}"),
        CarryMarked { old, path } => format!("{old}: đánh dấu đã chuyển  {path}"),
        CarrySkipped { old, new } => format!("{old}: đã chuyển sang {new} trước đó, bỏ qua"),
        CarryDeclared {
            path,
            group,
            from,
            to,
        } => {
            format!("{path}: nhóm {group} khai báo {from} → {to} nhiệm vụ")
        }
        CarryDone { n, to, dry_run } => {
            if *dry_run {
                format!("sẽ chuyển {n} nhiệm vụ sang kế hoạch {to} (--dry-run: chưa ghi gì)")
            } else {
                format!("đã chuyển {n} nhiệm vụ sang kế hoạch {to}")
            }
        }
        ReportOutOnePlan => "báo cáo nhiều kế hoạch chỉ in ra màn hình; ghi tệp (--out) từng kế hoạch một với `--in TÊN`".to_string(),
        CarryIntoClosed { plan } => format!("kế hoạch {plan} đã kết thúc: không nhận nhiệm vụ chuyển tiếp"),
        CarrySplit { new, unit, to } => format!("  {new}: việc của `{unit}` chia cho {to}; nhiệm vụ này chưa chọn đơn vị nên mọi đơn vị đó được ghi vào nhiệm vụ mới — xem lại"),
        CarrySamePlan => "--from và --to phải là hai kế hoạch khác nhau".to_string(),
        CarryNoGroup { plan } => {
            format!("kế hoạch {plan} chưa có nhóm nào để nhận nhiệm vụ chuyển tiếp")
        }
        CarryCommit { n, from, to } => {
            format!("Chuyển {n} nhiệm vụ chưa hoàn thành từ kế hoạch {from} sang {to}")
        }
        CarryNote {
            old,
            deadline,
            day,
            standing,
        } => format!(
            "Chuyển tiếp từ {old} (thời hạn cũ: \"{deadline}\"; tình trạng ngày {day}: {standing})"
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Văn bản gửi ra ngoài (issue 17): sổ theo dõi Excel, báo cáo Word, công văn đôn đốc, phiếu báo cáo.

pub(super) static OFFICE: super::OfficeTexts = super::OfficeTexts {
    col_stt: "STT",
    col_id: "Mã",
    col_content: "Nội dung nhiệm vụ",
    col_lead: "Đơn vị chủ trì",
    col_support: "Đơn vị phối hợp",
    col_deadline: "Thời gian hoàn thành",
    col_due: "Hạn (ngày)",
    col_status: "Tình trạng",
    col_result: "Kết quả thực hiện",
    col_assessment: "Đánh giá",
    col_note: "Ghi chú",
    col_group: "Nhóm",
    col_done_on: "Ngày hoàn thành",
    col_days_late: "Số ngày chậm",
    sheet_all: "Tất cả",
    sheet_overdue: "Quá hạn",
    sheet_indicators: "Chỉ tiêu",
    col_task: "Nhiệm vụ",
    col_indicator: "Chỉ tiêu",
    col_target: "Mục tiêu",
    col_measure: "Đơn vị tính",
    col_value: "Giá trị",
    col_date: "Ngày số liệu",
    col_by: "Đơn vị báo cáo",
    col_met: "Đánh giá",
    met: "Đạt",
    not_met: "Chưa đạt",
    no_value: "Chưa có số liệu",
    table_title: "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ",
    table_subtitle: "Kế hoạch số {0} — tình trạng tính đến ngày {1}",
    overdue_days: "Quá hạn {0} ngày",
    late_days: "Hoàn thành chậm {0} ngày",
    on_time: "Hoàn thành đúng hạn",
    due_soon: "Sắp đến hạn",
    within_deadline: "Trong hạn",
    ongoing: "Thực hiện thường xuyên",
    no_date: "Chưa có thời hạn riêng",
    dropped: "Không thực hiện",
    carried_over: "Chưa hoàn thành — chuyển sang kế hoạch sau",
    milestone: "Mốc {0} ({1}): {2}",
    carried_by: "Đơn vị kế thừa: {0}",
    no_result: "Chưa có báo cáo",
    national: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    number: "Số:",
    date_line: "{0}, ngày {1} tháng {2} năm {3}",
    recipients: "Nơi nhận:",
    archive: "Lưu: {0}.",
    as_above: "Như trên",
    missing_setting: "[{0}: chưa khai báo trong plan.toml]",
    signer_name_placeholder: "[Họ và tên người ký]",
    page: "Trang",
    report_type: "BÁO CÁO",
    report_summary: "Kết quả thực hiện Kế hoạch số {0} {1}",
    report_intro: "Thực hiện Kế hoạch số {0}, Tổ Công tác Đề án 06 tỉnh báo cáo kết quả thực hiện trong kỳ từ ngày {1} đến ngày {2} (số liệu tính đến ngày {3}) như sau:",
    sec_results: "I. KẾT QUẢ THỰC HIỆN",
    sec_direction: "1. Công tác chỉ đạo, điều hành",
    sec_tasks: "2. Kết quả thực hiện các nhiệm vụ",
    sec_indicators: "3. Kết quả thực hiện các chỉ tiêu",
    sec_shortcomings: "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
    sec_next: "III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {0}",
    sec_proposals: "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    narrative_placeholder: "[Bộ phận tham mưu bổ sung nội dung]",
    counts_sentence: "đã hoàn thành {0}/{1} nhiệm vụ đã đến hạn (tổng số {2} nhiệm vụ); đang thực hiện trong hạn {3}; quá hạn, chưa hoàn thành {4}; thực hiện thường xuyên {5}; theo yêu cầu, theo lộ trình {6}.",
    focus: "Nhiệm vụ trọng tâm",
    grouped: "Nhiệm vụ theo nhóm (Phụ lục)",
    overdue_intro: "Nhiệm vụ, mốc quá hạn chưa hoàn thành ({0}):",
    none_overdue: "Không có nhiệm vụ quá hạn.",
    overdue_item: "{0} — {1} (chủ trì: {2}; thời hạn: {3}; quá hạn {4} ngày);",
    due_next_intro: "Nhiệm vụ, mốc đến hạn trong kỳ tới:",
    none_due_next: "Không có nhiệm vụ đến hạn trong kỳ tới.",
    due_item: "{0} — {1} (chủ trì: {2}; hạn {3});",
    not_reported_intro: "Đơn vị chưa báo cáo tiến độ trong kỳ:",
    all_reported: "Các đơn vị chủ trì đã báo cáo đầy đủ.",
    not_reported_item: "{0}: nhiệm vụ {1};",
    indicator_item: "{0} — {1}: {2} (mục tiêu {3}) — {4};",
    no_indicators: "Chưa có chỉ tiêu được theo dõi.",
    progress_item: "Ngày {0}, {1} báo cáo nhiệm vụ {2}: {3}",
    no_progress: "Trong kỳ chưa có báo cáo tiến độ nào được ghi nhận.",
    appendix: "PHỤ LỤC",
    appendix_sub: "(Kèm theo Báo cáo số {0} của {1})",
    notice_summary: "V/v đôn đốc thực hiện và báo cáo tiến độ Kế hoạch số {0} tháng {1}",
    notice_to: "Kính gửi:",
    notice_intro: "Theo dõi tiến độ thực hiện Kế hoạch số {0} đến ngày {1}, Tổ Công tác Đề án 06 tỉnh đề nghị quý đơn vị quan tâm các nội dung sau:",
    notice_overdue: "Nhiệm vụ, mốc đã quá hạn nhưng chưa hoàn thành:",
    notice_due: "Nhiệm vụ, mốc đến hạn trong kỳ tới:",
    notice_silent: "Nhiệm vụ chưa có báo cáo tiến độ trong kỳ:",
    notice_silent_item: "(kỳ báo cáo từ ngày {0} đến ngày {1})",
    notice_closing: "Đề nghị {0} khẩn trương triển khai các nhiệm vụ nêu trên và gửi báo cáo kết quả thực hiện về Tổ Công tác Đề án 06 tỉnh (qua Công an tỉnh) trước ngày {1}./.",
    notice_contact: "Chi tiết xin liên hệ Cơ quan thường trực Tổ Công tác (Công an tỉnh).",
    ret_sheet: "Báo cáo",
    ret_title: "PHIẾU BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ THÁNG {0}",
    ret_unit: "Đơn vị báo cáo",
    ret_month: "Tháng",
    ret_window: "Kỳ báo cáo từ ngày {0} đến ngày {1}; gửi trước ngày {2}.",
    ret_help: "Chỉ điền các cột nền trắng. Mỗi dòng có nội dung sẽ thành một lần báo cáo tiến độ; dòng chỉ tiêu chỉ cần giá trị. Không sửa các cột nền xám.",
    ret_role: "Vai trò",
    ret_lead: "Chủ trì",
    ret_support: "Phối hợp",
    ret_date: "Ngày số liệu",
    ret_note: "Kết quả thực hiện",
    ret_percent: "Tỷ lệ hoàn thành (%)",
    ret_value: "Giá trị chỉ tiêu",
    ret_done_on: "Ngày hoàn thành",
    ret_document: "Văn bản (số, ngày)",
    ret_difficulties: "Khó khăn, vướng mắc",
    ret_proposals: "Đề xuất, kiến nghị",
    ret_note_document: "Văn bản",
    ret_note_difficulties: "Khó khăn, vướng mắc",
    ret_note_proposals: "Đề xuất, kiến nghị",
    ret_bad_percent: "tỷ lệ hoàn thành `{0}` không nằm trong khoảng 0–100",
    ret_bad_percent_hint: "ghi một số nguyên từ 0 đến 100, không kèm dấu %",
    ret_bad_date: "`{0}` không phải là ngày",
    ret_bad_date_hint: "ghi ngày dạng dd/mm/yyyy hoặc chọn ô kiểu ngày trong Excel",
    ret_future: "ngày {0} ở sau ngày báo cáo {1}",
    ret_future_hint: "số liệu chỉ ghi cho ngày đã qua; kiểm tra năm và tháng",
    ret_unknown_task: "không có nhiệm vụ `{0}` trong kế hoạch",
    ret_unknown_task_hint: "mã gần nhất: {0}",
    ret_not_involved: "{0} không chủ trì, không phối hợp nhiệm vụ {1}",
    ret_not_involved_hint: "chỉ báo cáo nhiệm vụ có trong phiếu mẫu của đơn vị (tiendo returns template)",
    ret_done_by_support: "{0} chỉ phối hợp nhiệm vụ {1}, không thể báo hoàn thành",
    ret_done_by_support_hint: "để trống ngày hoàn thành; đơn vị chủ trì báo hoàn thành",
    ret_bad_number: "`{0}` không phải là số",
    ret_bad_number_hint: "ghi số, dùng dấu phẩy hoặc dấu chấm thập phân",
    ret_no_note: "dòng có số liệu nhưng thiếu nội dung kết quả thực hiện",
    ret_no_note_hint: "ghi tóm tắt kết quả vào cột Kết quả thực hiện",
    ret_unknown_indicator: "nhiệm vụ {1} không có chỉ tiêu `{0}`",
    ret_unknown_indicator_hint: "giữ nguyên tên chỉ tiêu trong phiếu mẫu",
    ret_bad_unit: "đơn vị `{0}` không có trong danh mục",
    ret_bad_unit_hint: "dùng phiếu mẫu do tiendo returns template tạo cho đơn vị",
    ret_not_a_return: "không phải phiếu báo cáo của tiendo (thiếu ô đơn vị hoặc dòng tiêu đề)",
    ret_not_a_return_hint: "tạo phiếu bằng tiendo returns template --unit … --month …",
    ret_refused_by_check: "kiểm tra kế hoạch từ chối: {0}",
    ret_refused: "{0}: từ chối cả phiếu, không ghi gì ({1} lỗi)",
    ret_would_add: "{0}: sẽ thêm {1} báo cáo tiến độ của {2}",
    ret_added: "{0}: đã thêm {1} báo cáo tiến độ của {2}",
    ret_nothing_new: "{0}: không có gì mới — các báo cáo trong phiếu đã được ghi nhận trước đó",
    ret_already: "bỏ qua {0} dòng đã ghi nhận trước đó",
    ret_commit: "{0} báo cáo tiến độ tháng {1} (phiếu {2})",
    ret_committed: "đã commit: {0}",
    ret_wrote_template: "đã ghi phiếu {0} ({1} dòng)",
    ret_no_rows: "{0} không có nhiệm vụ đang thực hiện trong tháng này",
    notice_none: "Không đơn vị nào cần đôn đốc trong tháng này.",
    needs_output: "định dạng {0} là tệp nhị phân: cần -o TỆP (hoặc --out THƯ_MỤC)",
    month_words: "tháng {0}/{1}",
    part_a: "a) Nhiệm vụ trọng tâm: ",
    part_b: "b) Nhiệm vụ theo nhóm (Phụ lục): ",
    ret_state: "Tình hình thực hiện",
    ret_states: [
        "Đang thực hiện",
        "Đã hoàn thành",
        "Chưa triển khai",
        "Gặp vướng mắc",
    ],
    ret_bad_state: "tình hình `{0}` không có trong danh sách chọn",
    ret_done_needs_date: "chọn \"Đã hoàn thành\" nhưng chưa ghi ngày hoàn thành",
    ret_done_needs_date_hint: "ghi ngày hoàn thành vào cột Ngày hoàn thành (chỉ đơn vị chủ trì)",
    ret_empty: "{0}: phiếu chưa có dòng nào được điền; không ghi gì",
};
