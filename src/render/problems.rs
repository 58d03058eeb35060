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
