//! The three-way merge of one plan file, for `tiendo merge-driver` (git calls it with the
//! common ancestor, our version and their version of a file both branches changed).
//!
//! Owns the rules that make parallel progress reports merge without a conflict:
//!
//! - `[[progress]]` entries from both sides are kept (an entry both sides added once), an entry
//!   of the ancestor deleted on one side stays deleted, and when the other side added any, the
//!   list is put in date order (stable: ours first on the same day); dated `[[amendment]]`
//!   entries likewise, in order of `on`;
//! - any other key, at any depth (`status`, `[source]`, each `[[milestone]]`'s `done_on` …):
//!   changed on one side only → that change; changed the same way on both → that; changed
//!   differently on both → a conflict, written as ordinary git markers around the key's line so
//!   `tiendo check` and every editor flag it.
//!
//! Works on `toml_edit` documents, starting from ours, so our layout and comments stay and a
//! line taken from theirs keeps theirs. Every decision is mirrored on plain `toml` values and
//! the written text is parsed back and compared with them: if the two disagree (a layout the
//! editor cannot place), or a side is not TOML at all, or the shapes differ (a key that is a
//! table on one side and a value on the other, a list of milestones changed on both sides),
//! the whole differing region is left between markers instead — never a silent wrong merge.
//!
//! Pure: bytes in, bytes out. Reading and writing the files is `commands::merge_driver`'s.
//! Whether the merged file is a valid task is `check`'s business.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::edit::Original;

/// The outcome of merging one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The bytes to write over our version (BOM and line ends as ours had them).
    pub bytes: Vec<u8>,
    pub how: How,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// Merged with no conflict.
    Clean,
    /// Merged key by key; this many keys changed differently on both sides are left between
    /// conflict markers.
    Conflicts(usize),
    /// Could not merge key by key (the reason, in English, for the log); the differing lines
    /// are left between conflict markers.
    Whole(Fallback),
}

/// Why the merge fell back to marking the whole differing region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// A side is not UTF-8 text, or already holds conflict markers.
    NotText,
    /// A side is not valid TOML.
    NotToml,
    /// The same key has a different shape on each side, or a list of tables changed on both.
    Shape,
    /// The merged document did not read back as what was merged.
    Layout,
    /// Both sides changed the same progress entry (same day and unit) differently.
    SameEntry,
}

pub const OURS_MARKER: &str = "<<<<<<< ours";
pub const SEPARATOR: &str = "=======";
pub const THEIRS_MARKER: &str = ">>>>>>> theirs";

/// Merge `theirs` into `ours` given their common ancestor `base`.
pub fn merge(base: &[u8], ours: &[u8], theirs: &[u8]) -> Merged {
    // The cases git itself settles, whatever the files hold.
    if ours == theirs || base == theirs {
        return clean(ours.to_vec());
    }
    if base == ours {
        return clean(theirs.to_vec());
    }
    let decoded = (
        Original::from_bytes(base.to_vec(), "base"),
        Original::from_bytes(ours.to_vec(), "ours"),
        Original::from_bytes(theirs.to_vec(), "theirs"),
    );
    let (Ok(b), Ok(o), Ok(t)) = decoded else {
        return whole_bytes(ours, theirs, Fallback::NotText);
    };
    match merge_text(&b.text, &o.text, &t.text) {
        Ok((text, 0)) => clean(o.encode(&text)),
        Ok((text, n)) => Merged {
            bytes: o.encode(&text),
            how: How::Conflicts(n),
        },
        Err(why) => Merged {
            bytes: o.encode(&whole(&o.text, &t.text)),
            how: How::Whole(why),
        },
    }
}

fn clean(bytes: Vec<u8>) -> Merged {
    Merged {
        bytes,
        how: How::Clean,
    }
}

fn whole_bytes(ours: &[u8], theirs: &[u8], why: Fallback) -> Merged {
    Merged {
        bytes: whole_lines(ours, theirs),
        how: How::Whole(why),
    }
}

/// Ours and theirs with the lines they share at the start and the end kept once and everything
/// between them in one conflict.
pub fn whole(ours: &str, theirs: &str) -> String {
    // Cut at `\n` only, so valid UTF-8 in gives valid UTF-8 out.
    String::from_utf8(whole_lines(ours.as_bytes(), theirs.as_bytes()))
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`whole`] on bytes: a file that is not UTF-8 keeps every byte.
fn whole_lines(ours: &[u8], theirs: &[u8]) -> Vec<u8> {
    let o: Vec<&[u8]> = ours.split_inclusive(|&b| b == b'\n').collect();
    let t: Vec<&[u8]> = theirs.split_inclusive(|&b| b == b'\n').collect();
    let head = o.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let tail = o[head..]
        .iter()
        .rev()
        .zip(t[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: Vec<u8> = o[..head].concat();
    let side = |lines: &[&[u8]], out: &mut Vec<u8>| {
        for l in lines {
            out.extend_from_slice(l);
            if !l.ends_with(b"\n") {
                out.push(b'\n');
            }
        }
    };
    let marker = |m: &str, out: &mut Vec<u8>| {
        out.extend_from_slice(m.as_bytes());
        out.push(b'\n');
    };
    marker(OURS_MARKER, &mut out);
    side(&o[head..o.len() - tail], &mut out);
    marker(SEPARATOR, &mut out);
    side(&t[head..t.len() - tail], &mut out);
    marker(THEIRS_MARKER, &mut out);
    out.extend_from_slice(&o[o.len() - tail..].concat());
    out
}

// ---------------------------------------------------------------------------------------------
// Key by key.

/// One key changed differently on both sides: the sentinel value standing in its place in the
/// document, and each side's value as written (`None`: deleted on that side).
struct Conflict {
    sentinel: String,
    ours: Option<String>,
    theirs: Option<String>,
}

struct State {
    conflicts: Vec<Conflict>,
}

/// Merge LF texts; the merged text and the number of conflicts left in it.
fn merge_text(base: &str, ours: &str, theirs: &str) -> Result<(String, usize), Fallback> {
    let parse = |s: &str| -> Result<(DocumentMut, toml::Table), Fallback> {
        let doc = s.parse::<DocumentMut>().map_err(|_| Fallback::NotToml)?;
        let value = s.parse::<toml::Table>().map_err(|_| Fallback::NotToml)?;
        Ok((doc, value))
    };
    let (_, bv) = parse(base)?;
    let (mut doc, mut expected) = parse(ours)?;
    let (tdoc, tv) = parse(theirs)?;
    let mut st = State { conflicts: vec![] };
    let ov = expected.clone();
    let mut positions = Positions {
        next: crate::edit::max_position(doc.as_table()) + 1,
    };
    merge_table(
        Some(&bv),
        &ov,
        &tv,
        doc.as_table_mut(),
        tdoc.as_table(),
        &mut expected,
        true,
        &mut positions,
        &mut st,
    )?;
    let text = doc.to_string();
    let back = text.parse::<toml::Table>().map_err(|_| Fallback::Layout)?;
    if !same(&toml::Value::Table(back), &toml::Value::Table(expected)) {
        return Err(Fallback::Layout);
    }
    let n = st.conflicts.len();
    Ok((mark(&text, &st.conflicts)?, n))
}

/// Equal as values (`nan` equal to itself).
fn same(a: &toml::Value, b: &toml::Value) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

fn same_opt(a: Option<&toml::Value>, b: Option<&toml::Value>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same(a, b),
        _ => false,
    }
}

/// Where a table copied from theirs goes when ours has no place for it: after every table.
struct Positions {
    next: isize,
}

#[allow(clippy::too_many_arguments)]
fn merge_table(
    base: Option<&toml::Table>,
    ours: &toml::Table,
    theirs: &toml::Table,
    doc: &mut Table,
    tdoc: &Table,
    expected: &mut toml::Table,
    root: bool,
    positions: &mut Positions,
    st: &mut State,
) -> Result<(), Fallback> {
    // Ours' keys in our order, then keys only theirs has, in theirs' order.
    let mut keys: Vec<String> = doc.iter().map(|(k, _)| k.to_string()).collect();
    keys.extend(
        tdoc.iter()
            .map(|(k, _)| k.to_string())
            .filter(|k| !ours.contains_key(k)),
    );
    if keys.len() != ours.len() + theirs.keys().filter(|k| !ours.contains_key(*k)).count() {
        // The document and its values disagree on the keys (cannot happen for parsed text).
        return Err(Fallback::Layout);
    }
    for key in keys {
        let b = base.and_then(|t| t.get(&key));
        let o = ours.get(&key);
        let t = theirs.get(&key);
        if same_opt(o, t) || same_opt(t, b) {
            continue; // both agree, or only ours changed it
        }
        if same_opt(o, b) {
            take_theirs(&key, doc, tdoc, expected, positions);
            continue;
        }
        // Changed on both sides, differently.
        if root && (key == "progress" || key == "amendment") {
            // Dated entries (progress reports, dated amendments) from both sides are kept.
            let date_key = if key == "progress" { "date" } else { "on" };
            merge_progress(&key, date_key, b, o, t, doc, tdoc, expected, positions)?;
            continue;
        }
        match (o, t, doc.get_mut(&key), tdoc.get(&key)) {
            (
                Some(toml::Value::Table(ot)),
                Some(toml::Value::Table(tt)),
                Some(Item::Table(dt)),
                Some(Item::Table(tdt)),
            ) if dt.is_dotted() == tdt.is_dotted() => {
                let bt = b.and_then(toml::Value::as_table);
                let Some(toml::Value::Table(et)) = expected.get_mut(&key) else {
                    return Err(Fallback::Layout);
                };
                merge_table(bt, ot, tt, dt, tdt, et, false, positions, st)?;
            }
            (
                Some(toml::Value::Array(oa)),
                Some(toml::Value::Array(ta)),
                Some(Item::ArrayOfTables(da)),
                Some(Item::ArrayOfTables(tda)),
            ) => {
                // Entry by entry when both sides kept the ancestor's number of entries (a
                // milestone marked done on each side); otherwise the lists are not ours to
                // reconcile.
                let ba = b.and_then(toml::Value::as_array);
                let n = oa.len();
                if ta.len() != n
                    || da.len() != n
                    || tda.len() != n
                    || ba.is_none_or(|a| a.len() != n)
                {
                    return Err(Fallback::Shape);
                }
                let Some(toml::Value::Array(ea)) = expected.get_mut(&key) else {
                    return Err(Fallback::Layout);
                };
                for i in 0..n {
                    let (Some(ot), Some(tt), Some(dt), Some(tdt), Some(et)) = (
                        oa[i].as_table(),
                        ta[i].as_table(),
                        da.get_mut(i),
                        tda.get(i),
                        ea[i].as_table_mut(),
                    ) else {
                        return Err(Fallback::Shape);
                    };
                    let bt = ba.and_then(|a| a.get(i)).and_then(toml::Value::as_table);
                    merge_table(bt, ot, tt, dt, tdt, et, false, positions, st)?;
                }
            }
            (o, t, di, ti) => {
                let plain = |i: Option<&Item>| i.is_none_or(|i| i.as_value().is_some());
                if !plain(di.as_deref()) || !plain(ti) {
                    return Err(Fallback::Shape);
                }
                let _ = (o, t);
                conflict(&key, doc, tdoc, expected, st);
            }
        }
    }
    Ok(())
}

/// Replace (or remove) `key` with theirs' item, keeping theirs' line as written.
fn take_theirs(
    key: &str,
    doc: &mut Table,
    tdoc: &Table,
    expected: &mut toml::Table,
    positions: &mut Positions,
) {
    let theirs = tdoc.get_key_value(key);
    let Some((tkey, titem)) = theirs else {
        doc.remove(key);
        expected.remove(key);
        return;
    };
    let mut item = titem.clone();
    // A table goes where ours had it, else after everything.
    let at = doc.get(key).and_then(first_position).unwrap_or_else(|| {
        let p = positions.next;
        positions.next += 1;
        p
    });
    set_positions(&mut item, at);
    let existed = doc.contains_key(key);
    doc.insert_formatted(tkey, item);
    if !existed {
        place_like(doc, tdoc, key);
    }
    if let Some(v) = value_in(tdoc, key) {
        expected.insert(key.to_string(), v);
    }
}

/// Move a new `key` right after the key that precedes it in theirs (values only: tables are
/// placed by position).
fn place_like(doc: &mut Table, tdoc: &Table, key: &str) {
    let torder: Vec<&str> = tdoc.iter().map(|(k, _)| k).collect();
    let Some(i) = torder.iter().position(|k| *k == key) else {
        return;
    };
    let after = torder[..i].iter().rev().find(|k| doc.contains_key(k));
    let mut order: Vec<String> = doc.iter().map(|(k, _)| k.to_string()).collect();
    order.retain(|k| k != key);
    let at = after
        .and_then(|a| order.iter().position(|k| k == a))
        .map_or(0, |p| p + 1);
    order.insert(at, key.to_string());
    let rank = |k: &str| order.iter().position(|o| o == k).unwrap_or(usize::MAX);
    doc.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
}

/// The plain value of `key` in a table of a document.
fn value_in(t: &Table, key: &str) -> Option<toml::Value> {
    let mut d = DocumentMut::new();
    d.as_table_mut().insert(key, t.get(key)?.clone());
    let parsed: toml::Table = d.to_string().parse().ok()?;
    parsed.get(key).cloned()
}

fn first_position(item: &Item) -> Option<isize> {
    match item {
        Item::Table(t) if !t.is_dotted() => t.position(),
        Item::ArrayOfTables(a) => a.iter().filter_map(Table::position).min(),
        _ => None,
    }
}

/// Put a table (with its sub-tables) or every entry of an array of tables at `at`; they keep
/// their order among themselves (toml_edit sorts tables stably by position).
fn set_positions(item: &mut Item, at: isize) {
    fn table(t: &mut Table, at: isize) {
        if !t.is_dotted() {
            t.set_position(Some(at));
        }
        for (_, i) in t.iter_mut() {
            set_positions(i, at);
        }
    }
    match item {
        Item::Table(t) => table(t, at),
        Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                table(t, at);
            }
        }
        _ => {}
    }
}

/// Both sides' dated entries under `key` (`[[progress]]` by `date`, `[[amendment]]` by `on`).
/// Needs both to be arrays of tables.
#[allow(clippy::too_many_arguments)]
fn merge_progress(
    key: &str,
    date_key: &str,
    base: Option<&toml::Value>,
    ours: Option<&toml::Value>,
    theirs: Option<&toml::Value>,
    doc: &mut Table,
    tdoc: &Table,
    expected: &mut toml::Table,
    positions: &mut Positions,
) -> Result<(), Fallback> {
    let entries = |v: Option<&toml::Value>| -> Result<Vec<toml::Value>, Fallback> {
        match v {
            None => Ok(vec![]),
            Some(toml::Value::Array(a)) => Ok(a.clone()),
            Some(_) => Err(Fallback::Shape),
        }
    };
    let tables = |i: Option<&Item>| -> Result<Vec<Table>, Fallback> {
        match i {
            None => Ok(vec![]),
            Some(Item::ArrayOfTables(a)) => Ok(a.iter().cloned().collect()),
            Some(_) => Err(Fallback::Shape),
        }
    };
    let (bv, ov, tv) = (entries(base)?, entries(ours)?, entries(theirs)?);
    let (ot, tt) = (tables(doc.get(key))?, tables(tdoc.get(key))?);
    if ot.len() != ov.len() || tt.len() != tv.len() {
        return Err(Fallback::Shape);
    }
    // Linear in entries: each entry's value is keyed once and looked up in sets (a pairwise
    // scan took 32 s on 4,000 entries while `git merge` waited).
    use std::collections::{HashMap, HashSet};
    let canon = |v: &toml::Value| format!("{v:?}");
    let (bk, ok, tk): (Vec<String>, Vec<String>, Vec<String>) = (
        bv.iter().map(canon).collect(),
        ov.iter().map(canon).collect(),
        tv.iter().map(canon).collect(),
    );
    let set = |keys: &[String]| keys.iter().cloned().collect::<HashSet<String>>();
    let (bs, os, ts) = (set(&bk), set(&ok), set(&tk));
    // A progress entry is the report of one unit on one day. When the ancestor's entry is gone
    // from both sides and each side has its own new version of it, the two corrections
    // disagree: a conflict, not both kept. (Amendments are only ever added.)
    let ident = |v: &toml::Value| {
        let f = |k: &str| v.get(k).map(|x| format!("{x:?}")).unwrap_or_default();
        (f("date"), f("by"))
    };
    let gone_on_both: HashSet<(String, String)> = bv
        .iter()
        .zip(&bk)
        .filter(|_| key == "progress")
        .filter(|(_, k)| !os.contains(*k) && !ts.contains(*k))
        .map(|(v, _)| ident(v))
        .collect();
    if !gone_on_both.is_empty() {
        let new_versions = |vals: &[toml::Value], keys: &[String]| {
            let mut m: HashMap<(String, String), HashSet<String>> = HashMap::new();
            for (v, k) in vals.iter().zip(keys) {
                let id = ident(v);
                if !bs.contains(k) && gone_on_both.contains(&id) {
                    m.entry(id).or_default().insert(k.clone());
                }
            }
            m
        };
        let (on, tn) = (new_versions(&ov, &ok), new_versions(&tv, &tk));
        if on.iter().any(|(id, o)| tn.get(id).is_some_and(|t| t != o)) {
            return Err(Fallback::SameEntry);
        }
    }
    let mut merged: Vec<(Table, toml::Value)> = vec![];
    for ((t, v), k) in ot.into_iter().zip(ov.iter()).zip(&ok) {
        // Kept unless it came from the ancestor and theirs deleted it.
        if !bs.contains(k) || ts.contains(k) {
            merged.push((t, v.clone()));
        }
    }
    let mut added = false;
    for ((t, v), k) in tt.into_iter().zip(tv.iter()).zip(&tk) {
        if !os.contains(k) && !bs.contains(k) {
            merged.push((t, v.clone()));
            added = true;
        }
    }
    if added {
        let date = |v: &toml::Value| {
            v.get(date_key)
                .map(|d| match d {
                    toml::Value::Datetime(d) => d.to_string(),
                    other => format!("{other}"),
                })
                .unwrap_or_default()
        };
        merged.sort_by_key(|(_, v)| date(v));
    }
    if merged.is_empty() {
        doc.remove(key);
        expected.remove(key);
        return Ok(());
    }
    let at = doc.get(key).and_then(first_position).unwrap_or_else(|| {
        let p = positions.next;
        positions.next += 1;
        p
    });
    let mut aot = ArrayOfTables::new();
    let mut values = vec![];
    for (mut t, v) in merged {
        if t.decor().prefix().is_none_or(|p| p.as_str() == Some("")) {
            t.decor_mut().set_prefix("\n");
        }
        aot.push(t);
        values.push(v);
    }
    let mut item = Item::ArrayOfTables(aot);
    set_positions(&mut item, at);
    doc.insert(key, item);
    expected.insert(key.to_string(), toml::Value::Array(values));
    Ok(())
}

/// Leave `key` as a conflict: a sentinel value in the document, replaced by the markers and
/// both sides' lines once the document is text.
fn conflict(key: &str, doc: &mut Table, tdoc: &Table, expected: &mut toml::Table, st: &mut State) {
    let repr = |i: Option<&Item>| {
        i.and_then(Item::as_value).map(|v| {
            let suffix = v
                .decor()
                .suffix()
                .and_then(|s| s.as_str())
                .unwrap_or_default()
                .to_string();
            let mut v = v.clone();
            v.decor_mut().clear();
            format!("{v}{suffix}")
        })
    };
    let sentinel = format!("@@tiendo-merge-conflict-{}@@", st.conflicts.len() + 1);
    let c = Conflict {
        sentinel: sentinel.clone(),
        ours: repr(doc.get(key)),
        theirs: repr(tdoc.get(key)),
    };
    let mut v = Value::from(sentinel.as_str());
    v.decor_mut().set_prefix(" ");
    v.decor_mut().set_suffix("");
    match doc.get_mut(key) {
        Some(Item::Value(old)) => *old = v,
        _ => {
            match tdoc.key(key) {
                Some(k) => doc.insert_formatted(k, Item::Value(v)),
                None => doc.insert(key, Item::Value(v)),
            };
            place_like(doc, tdoc, key);
        }
    }
    expected.insert(key.to_string(), toml::Value::String(sentinel));
    st.conflicts.push(c);
}

/// The merged text with each sentinel line turned into a conflict.
fn mark(text: &str, conflicts: &[Conflict]) -> Result<String, Fallback> {
    let mut out = String::with_capacity(text.len());
    let mut found = 0;
    for line in text.split_inclusive('\n') {
        let c = conflicts
            .iter()
            .find(|c| line.contains(&format!("\"{}\"", c.sentinel)));
        let Some(c) = c else {
            out.push_str(line);
            continue;
        };
        found += 1;
        let quoted = format!("\"{}\"", c.sentinel);
        let (before, after) = line.split_once(&quoted).unwrap_or((line, ""));
        let after = after.trim_end_matches('\n');
        out.push_str(OURS_MARKER);
        out.push('\n');
        if let Some(o) = &c.ours {
            out.push_str(&format!("{before}{o}{after}\n"));
        }
        out.push_str(SEPARATOR);
        out.push('\n');
        if let Some(t) = &c.theirs {
            out.push_str(&format!("{before}{t}{after}\n"));
        }
        out.push_str(THEIRS_MARKER);
        out.push('\n');
    }
    if found != conflicts.len() {
        return Err(Fallback::Layout);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "# Nhiệm vụ 1.1\nid = \"1.1\"\ngroup = \"1\"\ntitle = \"T\"\nlead = [\"so-a\"]\ndeadline = \"Quý III/2024\"\nstatus = \"doing\" # đang làm\n\n[[milestone]]\ntitle = \"M\"\ndeadline = \"Tháng 5/2024\"\n\n[[progress]]\ndate = 2024-03-10\nby = \"so-a\"\nnote = \"Bắt đầu\"\n";

    fn entry(date: &str, note: &str) -> String {
        format!("\n[[progress]]\ndate = {date}\nby = \"so-a\"\nnote = \"{note}\"\n")
    }

    fn run(base: &str, ours: &str, theirs: &str) -> (String, How) {
        let m = merge(base.as_bytes(), ours.as_bytes(), theirs.as_bytes());
        (String::from_utf8(m.bytes).unwrap(), m.how)
    }

    #[test]
    fn progress_from_both_sides_in_date_order() {
        let ours = format!("{BASE}{}", entry("2024-06-20", "Ours"));
        let theirs = format!("{BASE}{}", entry("2024-06-14", "Theirs"));
        let (out, how) = run(BASE, &ours, &theirs);
        assert_eq!(how, How::Clean);
        assert_eq!(
            out,
            format!(
                "{BASE}{}{}",
                entry("2024-06-14", "Theirs"),
                entry("2024-06-20", "Ours")
            )
        );
        // The same entry added on both sides is kept once.
        let (out, how) = run(BASE, &ours, &ours.replace("# đang", "#  đang"));
        assert_eq!((out, how), (ours.clone(), How::Clean));
    }

    #[test]
    fn dated_amendments_from_both_sides_are_kept() {
        let base = BASE.replace("\n[[progress]]", "\n[[amendment]]\non = 2024-05-01\nbasis = \"CV 1\"\ndeadline = \"Quý IV/2024\"\n\n[[progress]]");
        let amend = |on: &str, basis: &str| {
            format!("\n[[amendment]]\non = {on}\nbasis = \"{basis}\"\ndeadline = \"Năm 2024\"\n")
        };
        let at = base.find("\n[[progress]]").unwrap();
        let with = |extra: &str| format!("{}{extra}{}", &base[..at], &base[at..]);
        let (out, how) = run(
            &base,
            &with(&amend("2024-07-01", "CV ours")),
            &with(&amend("2024-06-01", "CV theirs")),
        );
        assert_eq!(how, How::Clean);
        assert_eq!(
            out,
            with(&format!(
                "{}{}",
                amend("2024-06-01", "CV theirs"),
                amend("2024-07-01", "CV ours")
            ))
        );
    }

    #[test]
    fn an_entry_deleted_on_one_side_stays_deleted() {
        let no_first = BASE.replace(
            "\n[[progress]]\ndate = 2024-03-10\nby = \"so-a\"\nnote = \"Bắt đầu\"\n",
            "",
        );
        let theirs = format!("{BASE}{}", entry("2024-06-14", "Theirs"));
        let (out, how) = run(BASE, &no_first, &theirs);
        assert_eq!(how, How::Clean);
        assert_eq!(out, format!("{no_first}{}", entry("2024-06-14", "Theirs")));
    }

    #[test]
    fn a_field_changed_on_one_side_takes_that_change() {
        let ours = format!("{BASE}{}", entry("2024-06-20", "Ours"));
        let theirs = BASE
            .replace(
                "status = \"doing\" # đang làm",
                "status = \"done\"\ndone_on = 2024-06-30",
            )
            .replace(
                "deadline = \"Tháng 5/2024\"\n",
                "deadline = \"Tháng 5/2024\"\ndone_on = 2024-05-30\n",
            );
        let (out, how) = run(BASE, &ours, &theirs);
        assert_eq!(how, How::Clean);
        let want = theirs.clone() + &entry("2024-06-20", "Ours");
        assert_eq!(out, want);
    }

    #[test]
    fn the_same_field_changed_differently_stays_a_conflict() {
        let ours = BASE.replace("Quý III/2024", "Quý IV/2024") + &entry("2024-06-20", "Ours");
        let theirs = BASE.replace("Quý III/2024", "Năm 2024") + &entry("2024-06-14", "Theirs");
        let (out, how) = run(BASE, &ours, &theirs);
        assert_eq!(how, How::Conflicts(1));
        let want = BASE.replace(
            "deadline = \"Quý III/2024\"\n",
            "<<<<<<< ours\ndeadline = \"Quý IV/2024\"\n=======\ndeadline = \"Năm 2024\"\n>>>>>>> theirs\n",
        ) + &entry("2024-06-14", "Theirs")
            + &entry("2024-06-20", "Ours");
        assert_eq!(out, want);
    }

    #[test]
    fn a_deleted_and_changed_key_is_a_conflict_with_one_empty_side() {
        let ours = BASE.replace("status = \"doing\" # đang làm\n", "");
        let theirs = BASE.replace("\"doing\"", "\"done\"");
        let (out, how) = run(BASE, &ours, &theirs);
        assert_eq!(how, How::Conflicts(1));
        assert!(
            out.contains("<<<<<<< ours\n=======\nstatus = \"done\" # đang làm\n>>>>>>> theirs\n"),
            "{out}"
        );
    }

    #[test]
    fn files_that_are_not_toml_get_one_conflict_around_the_difference() {
        let (out, how) = run("a = 1\n", "a = 1\nb = [\n", "a = 1\nc = 3\n");
        assert_eq!(how, How::Whole(Fallback::NotToml));
        assert_eq!(
            out,
            "a = 1\n<<<<<<< ours\nb = [\n=======\nc = 3\n>>>>>>> theirs\n"
        );
        let m = merge(b"a = 1\n", b"a = 1\n\xff\n", b"a = 2\n");
        assert_eq!(m.how, How::Whole(Fallback::NotText));
        assert_eq!(
            m.bytes,
            b"<<<<<<< ours\na = 1\n\xff\n=======\na = 2\n>>>>>>> theirs\n"
        );
    }

    #[test]
    fn crlf_and_bom_of_ours_are_kept() {
        let crlf = |s: &str| format!("\u{feff}{}", s.replace('\n', "\r\n"));
        let ours = crlf(&format!("{BASE}{}", entry("2024-06-20", "Ours")));
        let theirs = format!("{BASE}{}", entry("2024-06-14", "Theirs"));
        let (out, how) = run(&crlf(BASE), &ours, &theirs);
        assert_eq!(how, How::Clean);
        assert_eq!(
            out,
            crlf(&format!(
                "{BASE}{}{}",
                entry("2024-06-14", "Theirs"),
                entry("2024-06-20", "Ours")
            ))
        );
    }

    #[test]
    fn whole_handles_missing_final_newlines_and_identical_ends() {
        assert_eq!(
            whole("x\ny", "x\nz"),
            "x\n<<<<<<< ours\ny\n=======\nz\n>>>>>>> theirs\n"
        );
        assert_eq!(
            whole("a\nb\nc\n", "a\nc\n"),
            "a\n<<<<<<< ours\nb\n=======\n>>>>>>> theirs\nc\n"
        );
    }
}
