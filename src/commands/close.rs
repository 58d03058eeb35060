//! `tiendo close --on DATE [--commit]`: record the plan's closing day in `plan.toml` (one added
//! line, `closed_on = DATE`). From then on every view judges the plan as of that day and says
//! so; a report for a period after it is refused in favour of `report --final`.

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::CloseArgs;
use crate::i18n::{EditMsg, Timely, tr};

pub fn run(
    ctx: &Ctx,
    args: &CloseArgs,
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let path = ctx.plan_dir.join("plan.toml");
    let shown = path.to_string_lossy().replace('\\', "/");
    let repo = if args.commit {
        Some(super::new::repo(ctx, tr)?)
    } else {
        None
    };
    let _lock = super::new::lock(&path, &shown, tr)?;
    let frame = crate::load::load_frame(&ctx.plan_dir)?;
    if let Some(day) = frame.plan.meta.closed_on {
        bail!(tr.timely(&Timely::AlreadyClosed { day }));
    }
    let bytes =
        std::fs::read(&path).map_err(|e| anyhow::anyhow!("failed to read `{shown}`: {e}"))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| anyhow::anyhow!("failed to parse `{shown}`: {e}"))?;
    doc.insert(
        "closed_on",
        toml_edit::Item::Value(crate::edit::date_value(args.on)),
    );
    let new_text = doc.to_string();
    super::new::write(
        &ctx.plan_dir,
        &path,
        Some(&bytes),
        new_text.as_bytes(),
        &shown,
        tr,
    )?;
    writeln!(
        out,
        "{}",
        tr.timely(&Timely::ClosedOn {
            path: &shown,
            day: args.on
        })
    )?;
    if let Some(repo) = repo {
        let message = tr.timely(&Timely::CloseCommit {
            code: &frame.plan.meta.code,
            day: args.on,
        });
        super::new::commit(&repo, &path, &message, &shown, tr)?;
        writeln!(out, "{}", tr.edit(&EditMsg::Committed { path: &shown }))?;
    }
    Ok(Outcome::Clean)
}
