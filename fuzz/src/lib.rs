//! What each fuzz target checks, as plain functions of the input bytes. The targets in
//! `fuzz_targets/` call these; `tests/fuzz_regressions.rs` compiles this same file and replays
//! every committed corpus and crash input through them on stable Rust, so CI keeps the
//! findings fixed without running the fuzzer.
//!
//! Beyond "no panic, no hang", each function asserts what the issue promises: problems are
//! located inside the file, an edit loses nothing it was not asked to change, `fmt` is
//! idempotent and keeps meaning. Only `tiendo`'s public API, `toml` and `chrono` are used (the
//! regression test has no other dependencies).

use chrono::NaiveDate;
use tiendo::edit::{self, FileKind, NewProgress, Original, Update};
use tiendo::i18n::{Lang, tr};
use tiendo::model::deadline;
use tiendo::model::plan::{Plan, PlanMeta, Registry, TaskStatus};
use tiendo::model::problem::Problem;

/// The display path every harness uses for its one file.
const SHOWN: &str = "plan/tasks/1/1.1.toml";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a fixed valid date")
}

// ---------------------------------------------------------------------------------------------
// deadline: the phrase reader.

/// Any text: `deadline::parse` returns (both readings of "trước"), a derived date lies in the
/// years the reader accepts, an invalid part is quoted from the phrase itself, and the message
/// renders in both languages.
pub fn deadline(data: &[u8]) {
    let Ok(phrase) = std::str::from_utf8(data) else {
        return;
    };
    for inclusive in [false, true] {
        match deadline::parse(phrase, inclusive) {
            Ok(d) => {
                if let Some(due) = d.due() {
                    let year = chrono::Datelike::year(&due);
                    // 1900-01-01 "trước" gives 1899-12-31.
                    assert!((1899..=2200).contains(&year), "{phrase:?} gave {due}");
                }
                for lang in [Lang::Vi, Lang::En] {
                    let _ = tr(lang).deadline_kind(Some(d));
                }
            }
            Err(e) => {
                if let deadline::DeadlineError::InvalidDate { text } = &e {
                    assert!(phrase.contains(text.as_str()), "{phrase:?} quoted {text:?}");
                }
                for lang in [Lang::Vi, Lang::En] {
                    let _ = tr(lang).deadline_error(&e);
                }
            }
        }
    }
    let _ = deadline::fold(phrase);
}

// ---------------------------------------------------------------------------------------------
// load_task: bytes in, problems or a task out.

/// The task-file loader on any bytes, the way `load` reads a task file (decode → NFC warning →
/// parse → build), then every `check` rule on a one-task plan. Every problem is located within
/// the file and renders in both languages.
pub fn load_task(data: &[u8]) -> Vec<Problem> {
    let mut problems = vec![];
    let mut lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    match tiendo::load::decode(data.to_vec(), SHOWN) {
        Err(p) => problems.push(p),
        Ok(t) => {
            lines = t.text.split('\n').count();
            if let Some(off) = tiendo::text::first_non_nfc(&t.text) {
                assert!(t.text.is_char_boundary(off));
            }
            match tiendo::load::parse::<tiendo::load::RawTask>(&t.text, SHOWN) {
                Err(p) => problems.push(p),
                Ok(raw) => {
                    let (task, more) = tiendo::load::build_task(raw, &t.text, SHOWN);
                    problems.extend(more);
                    let plan = Plan {
                        meta: PlanMeta::default(),
                        units: Registry::new("plan/units.toml".to_string(), vec![]),
                        tasks: vec![task],
                    };
                    let input = tiendo::check::Input::complete(&plan, day(2024, 12, 31));
                    problems.extend(
                        tiendo::check::run(&input)
                            .into_iter()
                            .filter(|p| p.path == SHOWN),
                    );
                }
            }
        }
    }
    for p in &problems {
        assert_eq!(p.path, SHOWN);
        assert!(p.pos.line as usize <= lines, "{p:?} past line {lines}");
        assert!(p.pos.line == 0 || p.pos.col >= 1, "{p:?}");
    }
    tiendo::model::problem::sort(&mut problems);
    for lang in [Lang::Vi, Lang::En] {
        let text = tiendo::render::problems::text(&problems, tr(lang));
        assert_eq!(text.is_empty(), problems.is_empty());
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// update: the format-preserving edit path.

/// `tiendo update`'s edit on any file: the bytes at the edges round-trip (BOM, line ends), and
/// when the edit can be made, the new text parses and differs from the old one in exactly the
/// keys the update names: nothing else lost, nothing else changed. Which parts of the update
/// apply is chosen from the input's length, so each corpus file exercises one combination.
pub fn update(data: &[u8]) {
    let Ok(original) = Original::from_bytes(data.to_vec(), SHOWN) else {
        return;
    };
    // Unedited, the bytes come back as they were, unless line ends were mixed (then they come
    // back uniform, in the style most lines have).
    let crlf = data.windows(2).filter(|w| w == b"\r\n").count();
    if crlf == 0 || crlf == data.iter().filter(|&&b| b == b'\n').count() {
        assert_eq!(
            original.encode(&original.text),
            data,
            "bytes do not round-trip"
        );
    }
    let pick = data.len() % 8;
    let on = day(2024, 6, 20);
    let u = Update {
        progress: (pick & 1 == 0).then(|| NewProgress {
            date: day(2024, 6, 14),
            by: "so-a".to_string(),
            note: "Đã \"xong\" 42/45 | <b>`x`</b>\nhai dòng '".to_string(),
            percent: Some(60),
            indicator: (pick & 2 == 0).then(|| "chi-so".to_string()),
            value: (pick & 2 == 0).then_some(93.3),
            received: None,
        }),
        status: (pick & 4 == 0).then_some(TaskStatus::Done),
        done_on: (pick & 4 == 0).then_some(on),
        milestone_done: (pick & 2 != 0).then_some((1, on)),
        ..Update::default()
    };
    let new = match edit::apply_update(&original.text, &u) {
        Ok(new) => new,
        Err(edit::EditError::Syntax(_)) => {
            assert!(original.text.parse::<toml::Table>().is_err());
            return;
        }
        Err(_) => return,
    };
    let after: toml::Table = new
        .parse()
        .unwrap_or_else(|e| panic!("edited text does not parse: {e}\n{new}"));
    let Ok(mut expected) = original.text.parse::<toml::Table>() else {
        return;
    };
    let date = |d: NaiveDate| toml::Value::Datetime(d.to_string().parse().expect("a date"));
    if let Some(s) = u.status {
        expected.insert("status".into(), toml::Value::String(s.key().into()));
    }
    if let Some(d) = u.done_on {
        expected.insert("done_on".into(), date(d));
    }
    if let Some((n, d)) = u.milestone_done {
        let m = expected
            .get_mut("milestone")
            .and_then(|m| m.as_array_mut())
            .and_then(|a| a.get_mut(n - 1))
            .and_then(|m| m.as_table_mut())
            .expect("the edit found this milestone");
        m.insert("done_on".into(), date(d));
    }
    if let Some(p) = &u.progress {
        let mut t = toml::Table::new();
        t.insert("date".into(), date(p.date));
        t.insert("by".into(), toml::Value::String(p.by.clone()));
        t.insert("note".into(), toml::Value::String(p.note.clone()));
        if let Some(pc) = p.percent {
            t.insert("percent".into(), toml::Value::Integer(pc.into()));
        }
        if let Some(i) = &p.indicator {
            t.insert("indicator".into(), toml::Value::String(i.clone()));
        }
        if let Some(v) = p.value {
            t.insert("value".into(), toml::Value::Float(v));
        }
        let slot = expected
            .entry("progress")
            .or_insert_with(|| toml::Value::Array(vec![]));
        // In date order: before the first entry dated later, else at the end.
        let entries = slot
            .as_array_mut()
            .expect("the edit found an array of tables");
        let new_date = toml::Value::Datetime(p.date.to_string().parse().expect("a date"));
        let later = entries
            .iter()
            .position(|e| match (e.get("date"), &new_date) {
                (Some(toml::Value::Datetime(d)), toml::Value::Datetime(n)) => {
                    d.date.is_some() && d.time.is_none() && d.offset.is_none() && d.date > n.date
                }
                _ => false,
            });
        match later {
            Some(i) => entries.insert(i, toml::Value::Table(t)),
            None => entries.push(toml::Value::Table(t)),
        }
    }
    // Compared as Debug text: `nan` is not equal to itself as a value.
    assert_eq!(
        format!("{after:?}"),
        format!("{expected:?}"),
        "the edit changed more than it was asked to:\n--- before\n{}\n--- after\n{new}",
        original.text
    );
}

// ---------------------------------------------------------------------------------------------
// fmt: canonical form round trip.

/// `edit::format` on any file, as each kind of plan file: when it formats, the result parses,
/// formats to itself, and means the same as the input (strings and keys compared in NFC, a
/// date written as a string equal to the date).
pub fn fmt(data: &[u8]) {
    let Ok(original) = Original::from_bytes(data.to_vec(), SHOWN) else {
        return;
    };
    let before = original.text.parse::<toml::Table>();
    for kind in [FileKind::Task, FileKind::Plan, FileKind::Units] {
        let out = match edit::format(&original.text, kind) {
            Ok(out) => out,
            Err(_) => {
                assert!(before.is_err(), "format refused a file that parses");
                continue;
            }
        };
        let after: toml::Table = out
            .parse()
            .unwrap_or_else(|e| panic!("formatted text does not parse: {e}\n{out}"));
        let again = edit::format(&out, kind).expect("formatted text formats");
        assert_eq!(again, out, "format is not idempotent");
        if let Ok(before) = &before {
            assert_eq!(
                format!("{:?}", meaning(&toml::Value::Table(after))),
                format!("{:?}", meaning(&toml::Value::Table(before.clone()))),
                "format changed the meaning:\n--- before\n{}\n--- after\n{out}",
                original.text
            );
        }
    }
}

/// A value with strings and keys in NFC and date-like strings turned into dates, the way
/// `fmt` is allowed to change them.
fn meaning(v: &toml::Value) -> toml::Value {
    match v {
        toml::Value::String(s) => {
            let t = s.trim();
            match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
                Ok(d) if t.len() == 10 => toml::Value::String(d.format("%Y-%m-%d").to_string()),
                _ => toml::Value::String(tiendo::text::nfc(s)),
            }
        }
        toml::Value::Datetime(d) => toml::Value::String(d.to_string()),
        toml::Value::Array(a) => toml::Value::Array(a.iter().map(meaning).collect()),
        toml::Value::Table(t) => toml::Value::Table(
            t.iter()
                .map(|(k, v)| (tiendo::text::nfc(k), meaning(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// merge: the merge driver's three-way merge.

/// The three versions, cut from one input at `\n---\n`: base, ours, theirs.
fn three(data: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let cut = b"\n---\n";
    let at = |d: &[u8]| d.windows(cut.len()).position(|w| w == cut);
    let i = at(data)?;
    let (base, rest) = (&data[..i + 1], &data[i + cut.len()..]);
    let j = at(rest)?;
    Some((base, &rest[..j + 1], &rest[j + cut.len()..]))
}

/// `merge::merge` on any three versions: a clean merge of TOML files is TOML and keeps every
/// progress entry ours or theirs added; otherwise conflict markers are in the result; and
/// merging a file with itself changes nothing.
pub fn merge(data: &[u8]) {
    use tiendo::merge::{How, merge};
    let Some((base, ours, theirs)) = three(data) else {
        return;
    };
    assert_eq!(merge(base, ours, ours).bytes, ours);
    let m = merge(base, ours, theirs);
    let text = String::from_utf8_lossy(&m.bytes);
    let parse = |b: &[u8]| {
        std::str::from_utf8(b)
            .ok()
            .and_then(|s| s.trim_start_matches('\u{feff}').parse::<toml::Table>().ok())
    };
    match m.how {
        How::Clean => {
            let (Some(b), Some(o), Some(t)) = (parse(base), parse(ours), parse(theirs)) else {
                return;
            };
            let merged = parse(&m.bytes)
                .unwrap_or_else(|| panic!("a clean merge that is not TOML:\n{text}"));
            let entries = |t: &toml::Table| -> Vec<String> {
                match t.get("progress") {
                    Some(toml::Value::Array(a)) => a.iter().map(|e| format!("{e:?}")).collect(),
                    _ => vec![],
                }
            };
            let (bt, ot, tt) = (b.clone(), o.clone(), t.clone());
            let (b, o, t, m) = (entries(&b), entries(&o), entries(&t), entries(&merged));
            for e in o.iter().chain(&t) {
                if !b.contains(e) {
                    assert!(m.contains(e), "lost an added progress entry {e}:\n{text}");
                }
            }
            // An ancestor entry one side deleted and the other kept as it was stays deleted.
            for e in &b {
                if o.contains(e) != t.contains(e) && !m.contains(e) {
                    continue;
                }
                if o.contains(e) != t.contains(e) {
                    panic!("a deleted progress entry came back {e}:\n{text}");
                }
            }
            // The same entry (day and unit) corrected differently on both sides is never a
            // clean merge.
            let ident = |t: &toml::Table| -> Vec<(String, String, String)> {
                match t.get("progress") {
                    Some(toml::Value::Array(a)) => a
                        .iter()
                        .map(|e| {
                            let f =
                                |k: &str| e.get(k).map(|x| format!("{x:?}")).unwrap_or_default();
                            (f("date"), f("by"), format!("{e:?}"))
                        })
                        .collect(),
                    _ => vec![],
                }
            };
            let (bi, oi, ti) = (ident(&bt), ident(&ot), ident(&tt));
            for (d, by, e) in &bi {
                if o.contains(e) || t.contains(e) {
                    continue;
                }
                let new = |side: &[(String, String, String)]| -> Vec<String> {
                    let mut v: Vec<String> = side
                        .iter()
                        .filter(|(d2, by2, e2)| d2 == d && by2 == by && !b.contains(e2))
                        .map(|x| x.2.clone())
                        .collect();
                    v.sort();
                    v.dedup();
                    v
                };
                let (on, tn) = (new(&oi), new(&ti));
                assert!(
                    on.is_empty() || tn.is_empty() || on == tn,
                    "both sides corrected {e} differently, merged clean:\n{text}"
                );
            }
        }
        How::Conflicts(_) | How::Whole(_) => {
            // Markers end lines the way ours does (CRLF stays CRLF).
            assert!(text.contains("<<<<<<< ours"), "{text}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// registry: units whose successors and members form any graph.

/// Bytes → a registry of up to 12 units with arbitrary successor and member links (cycles,
/// self-links, unknown ids, ended or not): every walk ends, returns each unit at most once,
/// and `Registry::cycles` finds a cycle exactly when there is one, as a path of real links;
/// `check` reports it as a located error in units.toml.
pub fn registry(data: &[u8]) {
    use tiendo::model::plan::{Located, Pos, Unit, UnitKind};
    let Some((&n, links)) = data.split_first() else {
        return;
    };
    let n = usize::from(n % 12) + 1;
    let id = |i: usize| format!("u{i}");
    let mut units: Vec<Unit> = (0..n)
        .map(|i| Unit {
            id: Located::new(
                id(i),
                Pos {
                    line: i as u32 + 1,
                    col: 1,
                },
            ),
            name: format!("Đơn vị {i}"),
            short: None,
            aliases: vec![],
            kind: UnitKind::Department,
            members: vec![],
            ended: None,
            started: None,
            successors: vec![],
            took_over: None,
            note: None,
        })
        .collect();
    let at = |i: u32| Pos {
        line: i + 1,
        col: 5,
    };
    for pair in links.chunks(2).take(64) {
        let (a, b) = (pair[0], pair.get(1).copied().unwrap_or(0));
        let from = usize::from(a) % n;
        // Target: one of the units, or (rarely) an id not in the registry.
        let to = if b % 16 == 15 {
            "unknown".to_string()
        } else {
            id(usize::from(b) % n)
        };
        if a & 0x80 == 0 {
            units[from]
                .successors
                .push(Located::new(to, at(from as u32)));
            if a & 0x40 != 0 {
                units[from].ended = Some(day(2024, 1, 1));
            }
        } else {
            units[from].kind = UnitKind::Collective;
            units[from].members.push(Located::new(to, at(from as u32)));
        }
    }
    // Reference: does unit i reach itself through `field` links (plain DFS on ≤12 nodes)?
    let edges = |u: &Unit, members: bool| -> Vec<usize> {
        let list = if members { &u.members } else { &u.successors };
        list.iter()
            .filter_map(|l| l.value.strip_prefix('u').and_then(|x| x.parse().ok()))
            .collect()
    };
    let on_cycle = |members: bool| -> bool {
        (0..n).any(|start| {
            let mut seen = vec![false; n];
            let mut stack = edges(&units[start], members);
            while let Some(v) = stack.pop() {
                if v == start {
                    return true;
                }
                if !std::mem::replace(&mut seen[v], true) {
                    stack.extend(edges(&units[v], members));
                }
            }
            false
        })
    };
    let (succ_cycle, member_cycle) = (on_cycle(false), on_cycle(true));
    let reg = Registry::new("plan/units.toml".into(), units.clone());
    for u in &units {
        for date in [day(2023, 12, 31), day(2024, 6, 1)] {
            let c = reg.carriers(&u.id.value, date);
            assert!(!c.is_empty() && c.len() <= n + 1, "{c:?}");
            let mut d = c.clone();
            d.sort();
            d.dedup();
            assert_eq!(d.len(), c.len(), "a carrier listed twice: {c:?}");
        }
        let e = reg.expand(&u.id.value);
        let mut d = e.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), e.len(), "a member listed twice: {e:?}");
    }
    let cycles = reg.cycles();
    for (unit, field, path) in &cycles {
        assert!(path.len() >= 2 && path.first() == path.last(), "{path:?}");
        assert_eq!(path[0], unit.id.value);
        for w in path.windows(2) {
            let from = reg.get(w[0]).expect("a path of registry units");
            let list = if *field == "members" {
                &from.members
            } else {
                &from.successors
            };
            assert!(
                list.iter().any(|l| l.value == w[1]),
                "{path:?} is not a path of links"
            );
        }
    }
    assert_eq!(cycles.iter().any(|c| c.1 == "successors"), succ_cycle);
    assert_eq!(cycles.iter().any(|c| c.1 == "members"), member_cycle);
    let found = cycles.len();
    drop(cycles);
    let plan = Plan {
        meta: PlanMeta::default(),
        units: reg,
        tasks: vec![],
    };
    let problems = tiendo::check::run(&tiendo::check::Input::complete(&plan, day(2024, 6, 30)));
    let reported = problems.iter().filter(|p| p.code() == "unit-cycle").count();
    assert_eq!(reported, found);
    assert!(
        problems
            .iter()
            .filter(|p| p.code() == "unit-cycle")
            .all(|p| p.path == "plan/units.toml" && p.pos.line >= 1)
    );
}
