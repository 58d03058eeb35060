//! `tiendo diff [A] [B]`: the semantic difference between two revisions of the plan
//! (default HEAD against the working tree; one argument: that revision against the tree).

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{Ctx, Outcome, load_for_view};
use crate::audit;
use crate::cli::{DiffArgs, HistoryFormat};
use crate::history::{diff_frame, diff_plans};
use crate::i18n::tr;
use crate::model::plan::{PlanMeta, Task, Unit};
use crate::render::history as rh;

pub fn run(
    ctx: &Ctx,
    args: &DiffArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let tr = tr(ctx.lang);
    let h = tr.history();
    let repo = super::open_repo(ctx)?;
    let from_rev = args.from.clone().unwrap_or_else(|| "HEAD".into());
    let from = repo.resolve(&from_rev)?;
    let old = audit::snapshot(&repo, &from)?;
    let (old_meta, old_units) = audit::frame_snapshot(&repo, &from)?;
    let (to_label, new, new_meta, new_units): (String, Vec<Task>, PlanMeta, Vec<Unit>) =
        match &args.to {
            Some(rev) => {
                let to = repo.resolve(rev)?;
                let (m, u) = audit::frame_snapshot(&repo, &to)?;
                (rev.clone(), audit::snapshot(&repo, &to)?, m, u)
            }
            None => (
                h.working_tree.to_string(),
                loaded.plan.tasks.clone(),
                loaded.plan.meta.clone(),
                loaded.plan.units.units.clone(),
            ),
        };
    let changes = diff_plans(&old, &new, plan.meta.before_is_inclusive);
    let frame = diff_frame((&old_meta, &old_units), (&new_meta, &new_units));
    let text = match args.format {
        HistoryFormat::Json => crate::render::json::to_string(&json!({
            "from": from_rev,
            "to": args.to,
            "changes": changes.iter().map(rh::change_json).collect::<Vec<_>>(),
            "frame": frame.iter().map(rh::frame_json).collect::<Vec<_>>(),
        })),
        HistoryFormat::Text => {
            let mut s = format!("{}: {from_rev} → {to_label}\n\n", h.range);
            if changes.is_empty() && frame.is_empty() {
                s.push_str(h.no_changes);
                s.push('\n');
            }
            s.push_str(&rh::changes_text(plan, &changes, tr, ""));
            s.push_str(&rh::frame_text(&frame, tr, false));
            s
        }
        HistoryFormat::Md => {
            let mut s = format!(
                "## {}\n\n{}: {} → {}\n\n",
                h.diff_heading,
                h.range,
                crate::render::markdown::code(&from_rev),
                crate::render::markdown::code(&to_label)
            );
            if changes.is_empty() && frame.is_empty() {
                s.push_str(h.no_changes);
                s.push('\n');
            }
            s.push_str(&rh::changes_md(plan, &changes, tr));
            s.push_str(&rh::frame_text(&frame, tr, true));
            s
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(Outcome::Clean)
}
