//! `tiendo check`: load the whole plan, run every rule, print every problem sorted by file
//! and line, then a summary. Exit 1 on errors (or warnings with `--strict`).

use std::io::Write;

use anyhow::Result;

use super::{Ctx, Outcome};
use crate::cli::{CheckArgs, TextOrJson};
use crate::i18n::tr;
use crate::model::problem::{self, Severity};
use crate::render;

pub fn run(ctx: &Ctx, args: &CheckArgs, out: &mut dyn Write) -> Result<Outcome> {
    let loaded = crate::load::load(&ctx.plan_dir)?;
    let mut problems = loaded.problems.clone();
    problems.extend(crate::check::run(&crate::check::Input::new(
        &loaded, ctx.as_of,
    )));
    problem::sort(&mut problems);
    let (problems, acked) = crate::check::acknowledged(&loaded.plan, problems);
    let tr = tr(ctx.lang);
    match args.format {
        TextOrJson::Text => {
            if args.verbose {
                write!(out, "{}", render::problems::text(&problems, tr))?;
            } else {
                write!(out, "{}", render::problems::grouped_text(&problems, tr))?;
            }
            if !acked.is_empty() {
                if args.verbose {
                    write!(out, "{}", render::problems::text(&acked, tr))?;
                }
                writeln!(
                    out,
                    "{}",
                    tr.who(&crate::i18n::WhoMsg::Acknowledged { count: acked.len() })
                )?;
            }
            writeln!(
                out,
                "{}",
                render::problems::summary_line(&problems, loaded.files, tr)
            )?;
        }
        TextOrJson::Json => write!(
            out,
            "{}",
            render::json::to_string(&render::problems::json(&problems, loaded.files, tr))
        )?,
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
