#!/usr/bin/env python3
"""Generate a large, realistic tiendo plan for speed benchmarks.

Usage:
    scripts/gen-plan.py OUT_DIR N [--seed S] [--taskwarrior-json FILE]

Writes OUT_DIR/plan.toml, OUT_DIR/units.toml (a copy of plan/units.toml from this repository)
and N task files OUT_DIR/tasks/<group>/<group>.<n>.toml spread over groups "1".."20" (one
sub-folder per group: flat folders are slow for git, see /work/shared/MEASURED.md).

The output is deterministic: the same arguments (and the same plan/units.toml) give
byte-identical files. Every generated plan passes
`tiendo --plan OUT_DIR check --as-of 2024-12-31` with 0 errors.

Task files average about 1.5 KB: Vietnamese titles, 1-3 lead and 0-4 support units drawn from
the registry, deadline phrases in the forms the real plan uses, statuses todo/doing/done (done
with done_on), 0-3 [[progress]] entries in date order by lead units (dated 2024), notes, a
[source] table, and now and then a [[milestone]] or an [[indicator]].

--taskwarrior-json FILE also writes the same tasks as a Taskwarrior import file (description =
title, project = group, due = the date tiendo derives from the deadline phrase, when it has one),
so that `task list` can be compared on equivalent data. All tasks are imported as pending so that
both tools list the same 10,000 rows.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import random
import shutil
import sys
import tomllib
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UNITS_SRC = REPO / "plan" / "units.toml"
AS_OF = dt.date(2024, 12, 31)
ISSUED = dt.date(2024, 2, 26)
GROUPS = 20

GROUP_TITLES = [
    "Khắc phục những nhiệm vụ chậm tiến độ đề ra",
    "Tham mưu chỉ đạo triển khai",
    "Pháp lý",
    "Về hạ tầng công nghệ thông tin",
    "Về Dữ liệu",
    "Về Số hóa hồ sơ",
    "Đảm bảo an ninh an toàn",
    "Nguồn lực triển khai",
    "Dịch vụ công",
    "Phát triển kinh tế, xã hội",
    "Phát triển công dân số",
    "Kết nối, khai thác, chia sẻ",
    "Phân tích dữ liệu phục vụ chỉ đạo, điều hành của lãnh đạo các cấp",
    "Công tác tuyên truyền",
    "Chuyển đổi số trong y tế",
    "Chuyển đổi số trong giáo dục",
    "An sinh xã hội và thanh toán không dùng tiền mặt",
    "Đất đai, xây dựng và giao thông",
    "Tư pháp và hộ tịch",
    "Kiểm tra, đôn đốc, báo cáo",
]

VERBS = [
    "Triển khai", "Đẩy mạnh", "Rà soát, đánh giá", "Tổ chức thực hiện", "Hoàn thiện",
    "Xây dựng và vận hành", "Nâng cấp", "Kết nối, chia sẻ dữ liệu về", "Hướng dẫn thực hiện",
    "Tuyên truyền, phổ biến về", "Kiểm tra, giám sát việc triển khai", "Số hóa",
    "Làm sạch, chuẩn hóa", "Tham mưu UBND tỉnh ban hành kế hoạch về", "Duy trì, vận hành ổn định",
    "Phối hợp với Công an tỉnh triển khai", "Đôn đốc, hướng dẫn các địa phương triển khai",
]

OBJECTS = [
    "dịch vụ công trực tuyến toàn trình",
    "hồ sơ, kết quả giải quyết thủ tục hành chính",
    "cơ sở dữ liệu quốc gia về dân cư",
    "tài khoản định danh điện tử mức độ 2",
    "thanh toán không dùng tiền mặt trong chi trả an sinh xã hội",
    "hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh",
    "ứng dụng VNeID và các tiện ích tích hợp",
    "cơ sở dữ liệu hộ tịch điện tử",
    "sổ sức khỏe điện tử",
    "dữ liệu đất đai, thông tin quy hoạch",
    "cấp phiếu lý lịch tư pháp trên ứng dụng VNeID",
    "khám chữa bệnh bằng thẻ căn cước công dân gắn chip",
    "hạ tầng công nghệ thông tin, đường truyền số liệu chuyên dùng",
    "phương án bảo đảm an toàn thông tin theo cấp độ",
    "dữ liệu bảo hiểm xã hội, bảo hiểm y tế",
    "chữ ký số cho cán bộ, công chức, viên chức",
    "điểm phục vụ dịch vụ công tại bộ phận một cửa các cấp",
    "cơ sở dữ liệu chuyên ngành giáo dục, học bạ số",
    "dữ liệu người lao động, người có công",
    "đăng ký, quản lý cư trú",
    "nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)",
    "Trung tâm giám sát, điều hành thông minh (IOC)",
]

SCOPES = [
    "phục vụ chuyển đổi số quốc gia",
    "trên địa bàn tỉnh",
    "bảo đảm đồng bộ, thống nhất với dữ liệu dân cư",
    "theo hướng dẫn của Bộ Công an",
    "nhằm giảm thời gian, chi phí cho người dân, doanh nghiệp",
    "theo Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ",
    "bảo đảm dữ liệu \"đúng, đủ, sạch, sống\"",
    "tại bộ phận một cửa cấp tỉnh, cấp huyện và cấp xã",
    "gắn với cải cách thủ tục hành chính",
    "theo Nghị định số 59/2022/NĐ-CP về định danh và xác thực điện tử",
]

TARGETS = [
    "Phấn đấu đạt tỷ lệ {p}% hồ sơ được tiếp nhận, giải quyết trực tuyến.",
    "Bảo đảm {p}% người dân trong độ tuổi được cấp tài khoản định danh điện tử.",
    "Hoàn thành số hóa {p}% kết quả giải quyết thủ tục hành chính còn hiệu lực.",
    "Đến cuối năm đạt tối thiểu {p}% cơ sở khám chữa bệnh triển khai.",
    "Tỷ lệ chi trả an sinh xã hội không dùng tiền mặt đạt {p}% trở lên.",
    "Định kỳ hằng tháng báo cáo kết quả về Công an tỉnh (cơ quan thường trực) trước ngày 15.",
    "Trong đó ưu tiên các thủ tục có số lượng hồ sơ phát sinh lớn, liên quan trực tiếp đến người dân.",
]

MILESTONES = [
    "Phê duyệt hồ sơ đề xuất cấp độ cho 100% hệ thống thông tin của tỉnh",
    "Hoàn thành kết nối với Trung tâm dữ liệu quốc gia về dân cư",
    "Ban hành quy chế khai thác, sử dụng dữ liệu",
    "Hoàn thành số hóa kết quả giải quyết thủ tục hành chính năm 2023",
]

PROGRESS_NOTES = [
    "Đã hoàn thành số hóa {a}/{b} hồ sơ.",
    "Đã ban hành văn bản hướng dẫn số {a}/HD-UBND gửi các đơn vị.",
    "Đang phối hợp với Công an tỉnh rà soát, làm sạch dữ liệu; đã đối chiếu {a} trường hợp.",
    "Đã tổ chức {a} lớp tập huấn cho cán bộ một cửa cấp huyện, cấp xã.",
    "Tỷ lệ hồ sơ trực tuyến trong kỳ đạt {p}%.",
    "Đã kết nối thử nghiệm với Trung tâm dữ liệu quốc gia về dân cư; chờ Bộ Công an cấp quyền khai thác chính thức.",
    "Chưa triển khai do chưa được bố trí kinh phí; đã có văn bản đề xuất Sở Tài chính.",
]

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
         "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
QUARTERS = ["I", "II", "III", "IV"]


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def q(s: str) -> str:
    """A TOML basic string."""
    out = []
    for ch in nfc(s):
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def qlist(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def rand_date(rng: random.Random, lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


def deadline(rng: random.Random) -> tuple[str, dt.date | None]:
    """A deadline phrase in a real form, and the due date tiendo derives (None: no date)."""
    kind = rng.randrange(8)
    if kind == 0:
        m = rng.randint(1, 12)
        return f"Tháng {m}/2024", month_end(2024, m)
    if kind == 1:
        n = rng.randint(1, 4)
        return f"Quý {QUARTERS[n - 1]}/2024", month_end(2024, 3 * n)
    if kind == 2:
        d = rand_date(rng, dt.date(2024, 3, 1), dt.date(2024, 12, 31))
        return f"Trước ngày {d.day:02d}/{d.month}/2024", d - dt.timedelta(days=1)
    if kind == 3:
        return "Thực hiện thường xuyên", None
    if kind == 4:
        return "Trong năm 2024", dt.date(2024, 12, 31)
    if kind == 5:
        d = rand_date(rng, dt.date(2024, 3, 1), dt.date(2024, 12, 31))
        return f"Hoàn thành trước {d.day:02d}/{d.month}/2024", d - dt.timedelta(days=1)
    if kind == 6:
        return "Khi có yêu cầu của Bộ Công an", None
    return "Theo lộ trình của Chính phủ", None


def title(rng: random.Random) -> str:
    scopes = rng.sample(SCOPES, rng.randint(1, 3))
    parts = [f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}, " + ", ".join(scopes) + "."]
    for t in rng.sample(TARGETS, rng.randint(2, 3)):
        parts.append(t.format(p=rng.choice([50, 70, 80, 90, 100])))
    return " ".join(parts)


def task_text(rng: random.Random, group: int, n: int, units: list[dict], line: int) -> tuple[str, dict]:
    ids = [u["id"] for u in units]
    label = {u["id"]: u.get("short", u["name"]) for u in units}
    name = {u["id"]: u["name"] for u in units}
    tid = f"{group}.{n}"
    nl, ns = rng.randint(1, 3), rng.randint(0, 4)
    picked = rng.sample(ids, nl + ns)
    lead, support = picked[:nl], picked[nl:]
    phrase, due = deadline(rng)
    r = rng.random()
    status = "todo" if r < 0.4 else "doing" if r < 0.75 else "done"
    done_on = rand_date(rng, dt.date(2024, 3, 1), AS_OF) if status == "done" else None
    t = title(rng)

    out = [
        f"id = {q(tid)}",
        f"group = {q(str(group))}",
        f"title = {q(t)}",
        f"lead = {qlist(lead)}",
    ]
    if support:
        out.append(f"support = {qlist(support)}")
    out.append(f"deadline = {q(phrase)}")
    out.append(f"status = {q(status)}")
    if done_on:
        out.append(f"done_on = {done_on.isoformat()}")

    notes = []
    if rng.random() < 0.85:
        u = rng.choice(lead)
        notes.append(
            f"Đơn vị chủ trì: phụ lục ghi \"{label[u]}\", thân kế hoạch ghi \"{name[u]}\" "
            "(cùng đơn vị, khác cách viết)."
        )
    if rng.random() < 0.6:
        notes.append(
            f"Thời hạn: phụ lục ghi \"{phrase}\", thân kế hoạch ghi \"{phrase.lower()}\" "
            "(cùng thời hạn, khác cách viết)."
        )
    if support and rng.random() < 0.6:
        notes.append(
            "Đơn vị phối hợp: phụ lục ghi \"" + ", ".join(name[s] for s in support)
            + "\", thân kế hoạch ghi thêm \"và các đơn vị có liên quan\"."
        )
    if n > 1 and rng.random() < 0.5:
        other = f"{group}.{rng.randint(1, n - 1)}"
        notes.append(
            f"Liên quan đến nhiệm vụ {other} nhưng khác phạm vi và khác đơn vị chủ trì; "
            "không coi là trùng."
        )
    if notes:
        out.append("notes = [")
        out.extend(f"  {q(x)}," for x in notes)
        out.append("]")

    out += [
        "",
        "[source]",
        f"document = {q('seeds/bench_plan.txt')}",
        f"body = {q(f'II.2 ({group}) {tid}')}",
        f"body_line = {line}",
    ]
    if rng.random() < 0.8:
        out.append(f"appendix = {q(f'Phụ lục {ROMAN[group - 1]}, STT {n}')}")
        out.append(f"appendix_line = {line + 5000}")

    if rng.random() < 0.1:
        for _ in range(rng.randint(1, 2)):
            d = rand_date(rng, dt.date(2024, 3, 1), dt.date(2024, 12, 31))
            out += ["", "[[milestone]]",
                    f"title = {q(rng.choice(MILESTONES))}",
                    f"deadline = {q(f'trước ngày {d.day}/{d.month}/2024')}"]
    indicator = None
    if rng.random() < 0.15:
        indicator = f"ty-le-{group}-{n}"
        tv = rng.choice([80, 90, 100])
        out += ["", "[[indicator]]", f"name = {q(indicator)}", f"target = {q(f'{tv}%')}",
                f"unit = {q('%')}", f"target_value = {tv}"]

    if status != "todo":
        count = rng.randint(1, 3) if status == "doing" else rng.randint(0, 3)
    else:
        count = rng.choice([0, 0, 0, 1])
    hi = done_on or AS_OF
    dates = sorted(rand_date(rng, dt.date(2024, 3, 1), hi) for _ in range(count))
    for k, d in enumerate(dates):
        pct = min(100, 20 * (k + 1) + rng.randint(0, 15))
        note = rng.choice(PROGRESS_NOTES).format(a=rng.randint(10, 999), b=1000, p=pct)
        out += ["", "[[progress]]", f"date = {d.isoformat()}", f"by = {q(rng.choice(lead))}",
                f"note = {q(note)}", f"percent = {pct}"]
        if indicator:
            out += [f"indicator = {q(indicator)}", f"value = {pct}.0"]

    tw = {"description": nfc(t), "project": str(group), "status": "pending"}
    if due:
        tw["due"] = due.strftime("%Y%m%dT000000Z")
    return "\n".join(out) + "\n", tw


def plan_text(counts: list[int]) -> str:
    out = [
        "# Kế hoạch tổng hợp để đo tốc độ (sinh bởi scripts/gen-plan.py; không phải kế hoạch thật).",
        f"code = {q('999/KH-TCTDA06')}",
        f"title = {q('Kế hoạch triển khai Đề án 06 trên địa bàn tỉnh, năm 2024 (dữ liệu đo tốc độ)')}",
        f"issued = {ISSUED.isoformat()}",
        f"issuer = {q('Chủ tịch UBND tỉnh Tây Ninh')}",
        f"secretariat = {q('ca-tinh')}",
        "report_day = 15",
        "before_is_inclusive = false",
        f"source = {q('seeds/bench_plan.txt')}",
    ]
    for g, c in enumerate(counts, start=1):
        out += ["", "[[group]]", f"id = {q(str(g))}", f"title = {q(GROUP_TITLES[g - 1])}",
                f"declared = {c}"]
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--taskwarrior-json", type=Path, help="also write a Taskwarrior import file")
    a = ap.parse_args()
    if a.n < 0:
        ap.error("N must be ≥ 0")

    out: Path = a.out_dir
    if out.exists() and any(out.iterdir()):
        if not (out / "plan.toml").is_file():
            print(f"error: {out} is not empty and holds no plan.toml; refusing to overwrite",
                  file=sys.stderr)
            return 2
        # A previous generated plan: replace it wholesale so no stale task files survive.
        shutil.rmtree(out / "tasks", ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)

    units_bytes = UNITS_SRC.read_bytes()
    units = tomllib.loads(units_bytes.decode("utf-8"))["unit"]
    (out / "units.toml").write_bytes(units_bytes)

    base, extra = divmod(a.n, GROUPS)
    counts = [base + (1 if g < extra else 0) for g in range(GROUPS)]
    (out / "plan.toml").write_bytes(plan_text(counts).encode("utf-8"))

    rng = random.Random(a.seed)
    tw_tasks = []
    line = 100
    for g, c in enumerate(counts, start=1):
        folder = out / "tasks" / str(g)
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, c + 1):
            text, tw = task_text(rng, g, n, units, line)
            line += 7
            (folder / f"{g}.{n}.toml").write_bytes(text.encode("utf-8"))
            tw_tasks.append(tw)

    if a.taskwarrior_json:
        with open(a.taskwarrior_json, "w", encoding="utf-8", newline="\n") as f:
            json.dump(tw_tasks, f, ensure_ascii=False, indent=0)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
