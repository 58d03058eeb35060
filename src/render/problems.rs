//! `check` output: `path:line:col: error: message` plus an indented help line, and the
//! summary line; or the same as JSON.

use serde_json::{Value, json};

use crate::i18n::Tr;
use crate::model::problem::{Problem, Severity};

pub fn text(problems: &[Problem], tr: &dyn Tr) -> String {
    let mut out = String::new();
    for p in problems {
        let (msg, help) = tr.problem(p);
        let loc = if p.pos.line == 0 {
            p.path.clone()
        } else {
            format!("{}:{}:{}", p.path, p.pos.line, p.pos.col)
        };
        let item = p
            .item
            .map(|i| format!("{}: ", tr.item(i)))
            .unwrap_or_default();
        out.push_str(&format!(
            "{loc}: {}: {item}{msg}\n",
            tr.severity(p.severity == Severity::Error)
        ));
        if let Some(h) = help {
            out.push_str(&format!("  {} {h}\n", tr.help_word()));
        }
    }
    out
}

/// [`text`], with repeated warnings grouped: every warning of one rule about one unit (two or
/// more) becomes one line — the first one's message, then the count and the tasks (file stems)
/// — and a hint that `--verbose` lists them all. Errors are never grouped.
pub fn grouped_text(problems: &[Problem], tr: &dyn Tr) -> String {
    use std::collections::BTreeMap;
    let key = |p: &Problem| {
        (p.severity == Severity::Warning)
            .then(|| p.unit().map(|u| (p.code(), u.to_string())))
            .flatten()
    };
    let mut groups: BTreeMap<(&str, String), Vec<&Problem>> = BTreeMap::new();
    for p in problems {
        if let Some(k) = key(p) {
            groups.entry(k).or_default().push(p);
        }
    }
    let mut out = String::new();
    let mut printed: Vec<(&str, String)> = vec![];
    for p in problems {
        let Some(k) = key(p).filter(|k| groups[k].len() > 1) else {
            out.push_str(&text(std::slice::from_ref(p), tr));
            continue;
        };
        if printed.contains(&k) {
            continue;
        }
        let group = &groups[&k];
        let mut tasks: Vec<&str> = group
            .iter()
            .map(|p| {
                p.path
                    .rsplit('/')
                    .next()
                    .unwrap_or(&p.path)
                    .trim_end_matches(".toml")
            })
            .collect();
        tasks.dedup();
        let (msg, help) = tr.problem(p);
        out.push_str(&format!(
            "{}: {msg} [{}] — {}\n",
            tr.severity(false),
            k.0,
            tr.who(&crate::i18n::WhoMsg::Grouped {
                count: group.len(),
                tasks: &tasks.join(", "),
            })
        ));
        if let Some(h) = help {
            out.push_str(&format!("  {} {h}\n", tr.help_word()));
        }
        out.push_str(&format!(
            "  {} {}\n",
            tr.help_word(),
            tr.who(&crate::i18n::WhoMsg::GroupedHint)
        ));
        printed.push(k);
    }
    out
}

pub fn summary_line(problems: &[Problem], files: usize, tr: &dyn Tr) -> String {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let mut bad: Vec<&str> = problems
        .iter()
        .filter(|p| p.code() != "no-tasks")
        .map(|p| p.path.as_str())
        .collect();
    bad.sort();
    bad.dedup();
    tr.check_summary(errors, warnings, bad.len(), files.max(bad.len()))
}

pub fn json(problems: &[Problem], files: usize, tr: &dyn Tr) -> Value {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let items: Vec<Value> = problems
        .iter()
        .map(|p| {
            let (message, help) = tr.problem(p);
            json!({
                "path": p.path,
                "line": (p.pos.line > 0).then_some(p.pos.line),
                "column": (p.pos.line > 0).then_some(p.pos.col),
                "severity": p.severity.key(),
                "code": p.code(),
                "item": p.item.map(|i| tr.item(i)),
                "message": message,
                "help": help,
            })
        })
        .collect();
    json!({
        "files": files,
        "errors": errors,
        "warnings": problems.len() - errors,
        "problems": items,
    })
}
