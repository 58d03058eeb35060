//! `tiendo check`: load the whole plan, run every rule, print every problem sorted by file
//! and line, then a summary. Exit 1 on errors (or warnings with `--strict`).

use std::io::Write;

use anyhow::Result;

use super::{Ctx, Outcome};
use crate::cli::{CheckArgs, TextOrJson};
use crate::i18n::{Everyday, tr};
use crate::model::problem::{self, Severity};
use crate::render;

pub fn run(ctx: &Ctx, args: &CheckArgs, out: &mut dyn Write) -> Result<Outcome> {
    let loaded = ctx.load()?;
    let tr = tr(ctx.lang);
    let mut input = crate::check::Input::new(&loaded, ctx.as_of);
    if args.as_issued {
        // The plan as the document stated it: what was recorded since is history, not error.
        input.as_of = loaded
            .plan
            .meta
            .issued
            .ok_or_else(|| anyhow::anyhow!(tr.everyday(&Everyday::NoIssuedDate)))?;
        input.later_records_allowed = true;
    }
    let mut problems = loaded.problems.clone();
    problems.extend(crate::check::run(&input));
    problem::sort(&mut problems);
    let (problems, acked) = crate::check::acknowledged(&loaded.plan, problems);
    match args.format {
        TextOrJson::Text => {
            let mut text = if args.verbose {
                render::problems::text(&problems, tr)
            } else {
                render::problems::grouped_text(&problems, tr)
            };
            if !acked.is_empty() {
                if args.verbose {
                    text.push_str(&render::problems::text(&acked, tr));
                }
                text.push_str(&tr.who(&crate::i18n::WhoMsg::Acknowledged { count: acked.len() }));
                text.push('\n');
            }
            text.push_str(&render::problems::summary_line(&problems, loaded.files, tr));
            text.push('\n');
            // Fitted to the terminal (or COLUMNS): words wrapped at spaces, never split.
            match ctx.width {
                Some(w) => write!(out, "{}", render::wrap(&text, usize::from(w)))?,
                None => write!(out, "{text}")?,
            }
        }
        TextOrJson::Json => {
            let mut v = render::problems::json(&problems, loaded.files, tr);
            // Warnings plan.toml acknowledges: counted here, listed with their codes.
            if let serde_json::Value::Object(m) = &mut v {
                m.insert(
                    "acknowledged".into(),
                    render::problems::json(&acked, 0, tr)["problems"].clone(),
                );
            }
            write!(out, "{}", render::json::to_string(&v))?
        }
    }
    let failing = problems
        .iter()
        .any(|p| p.severity == Severity::Error || args.strict);
    Ok(if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
