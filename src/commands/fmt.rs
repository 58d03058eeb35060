//! `tiendo fmt [--check] [FILES…]`: rewrite plan files in canonical form (`edit::format`), or
//! with `--check` print the unified diff and exit 1 when anything would change (for CI).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Ctx, Outcome};
use crate::cli::FmtArgs;
use crate::edit::{self, FileKind, Original};
use crate::i18n::{EditMsg, tr};

pub fn run(ctx: &Ctx, args: &FmtArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let mut skipped = vec![];
    let files: Vec<(PathBuf, String)> = if args.files.is_empty() {
        plan_files(&ctx.plan_dir, &mut skipped)
    } else {
        args.files
            .iter()
            .map(|p| (p.clone(), p.to_string_lossy().replace('\\', "/")))
            .collect()
    };
    let (mut changed, mut broken) = (0, skipped.len());
    // Task files the walk could not take (symlinks, FIFOs, names that cannot be task files)
    // are reported, not silently left unformatted.
    if !skipped.is_empty() {
        write!(err, "{}", crate::render::problems::text(&skipped, tr))?;
    }
    for (path, shown) in &files {
        // A file that cannot be read or parsed gets the same located problem `check` gives
        // (path:line:col and a hint), not a bare parser message.
        let located = |p: crate::model::problem::Problem| crate::render::problems::text(&[p], tr);
        let original = match crate::load::read_bytes(path, shown) {
            Err(p) => Err(located(p)),
            Ok(b) => Original::from_bytes(b, shown).map_err(located),
        };
        let formatted = original.and_then(|o| match edit::format(&o.text, FileKind::of(path)) {
            Ok(f) => Ok((o, f)),
            Err(e @ edit::EditError::Syntax(_)) => {
                Err(crate::load::parse::<toml::Table>(&o.text, shown)
                    .err()
                    .map(located)
                    .unwrap_or_else(|| e.to_string()))
            }
            Err(e) => Err(e.to_string()),
        });
        let (original, text) = match formatted {
            Ok(x) => x,
            Err(why) => {
                broken += 1;
                // Located problems end in a newline and carry their own path; print them as
                // they are, then say the file was left alone.
                if why.ends_with('\n') {
                    write!(err, "{why}")?;
                    writeln!(
                        err,
                        "{}",
                        tr.edit(&EditMsg::CannotFormat {
                            path: shown,
                            why: ""
                        })
                    )?;
                } else {
                    writeln!(
                        err,
                        "{}",
                        tr.edit(&EditMsg::CannotFormat {
                            path: shown,
                            why: &why
                        })
                    )?;
                }
                continue;
            }
        };
        if text == original.text {
            continue;
        }
        changed += 1;
        if args.check {
            write!(out, "{}", edit::unified_diff(&original.text, &text, shown))?;
        } else {
            let _lock = super::new::lock(path, shown, tr)?;
            super::new::write(
                &ctx.plan_dir,
                path,
                Some(&original.bytes),
                &original.encode(&text),
                shown,
                tr,
            )?;
            writeln!(err, "{shown}")?;
        }
    }
    if args.check && changed > 0 {
        writeln!(
            err,
            "{}",
            tr.edit(&EditMsg::NotFormatted { files: changed })
        )?;
    } else if changed > 0 {
        writeln!(err, "{}", tr.edit(&EditMsg::Formatted { files: changed }))?;
    }
    Ok(if broken > 0 || (args.check && changed > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// plan.toml, units.toml and every task file, in that order.
fn plan_files(
    dir: &Path,
    problems: &mut Vec<crate::model::problem::Problem>,
) -> Vec<(PathBuf, String)> {
    let mut rels = vec![PathBuf::from("plan.toml"), PathBuf::from("units.toml")];
    rels.retain(|r| dir.join(r).exists());
    rels.extend(crate::load::task_files(dir, problems));
    rels.into_iter()
        .map(|r| (dir.join(&r), crate::load::display_path(dir, &r)))
        .collect()
}
