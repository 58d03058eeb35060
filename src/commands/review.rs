//! `tiendo review [BASE]`: for a pull request, the plan diff from the merge base with BASE
//! to HEAD, plus the flags a reviewer must look at. `--fail-on flags` exits 1 when any.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{Ctx, Outcome, load_for_view};
use crate::audit;
use crate::cli::{HistoryFormat, ReviewArgs};
use crate::history::{Flag, Kind, diff_frame, diff_plans, due_flags, flags};
use crate::i18n::tr;
use crate::model::window::Cycle;
use crate::render::history as rh;
use crate::render::markdown::escape;

pub fn run(
    ctx: &Ctx,
    args: &ReviewArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let tr = tr(ctx.lang);
    let h = tr.history();
    let repo = super::open_repo(ctx)?;
    let base = match &args.base {
        Some(b) => b.clone(),
        None => repo.upstream().unwrap_or_else(|| "main".into()),
    };
    let base_commit = repo.resolve(&base)?;
    let head = repo.resolve("HEAD")?;
    let mb = repo.merge_base(&base_commit, &head)?;
    let old = audit::snapshot(&repo, &mb)?;
    let new = audit::snapshot(&repo, &head)?;
    let changes = diff_plans(&old, &new, plan.meta.before_is_inclusive);
    let (old_meta, old_units) = audit::frame_snapshot(&repo, &mb)?;
    let (new_meta, new_units) = audit::frame_snapshot(&repo, &head)?;
    let frame = diff_frame((&old_meta, &old_units), (&new_meta, &new_units));
    let old_by = audit::by_id(&old);
    let cycle = Cycle::ReportDay(plan.meta.report_day);
    let backdate_limit = cycle.window(cycle.window_of(ctx.as_of).month.pred()).start;
    let new_by = audit::by_id(&new);
    let raised: Vec<(String, Flag)> = changes
        .iter()
        .flat_map(|c| {
            let new_task = new_by.get(c.id.as_str()).copied();
            let old_id = match &c.kind {
                Kind::Renamed { from } => from.as_str(),
                _ => c.id.as_str(),
            };
            // Deadlines are judged on effective due dates (phrase, `due`, milestones).
            let dues = match (old_by.get(old_id), new_task) {
                (Some(o), Some(n)) => due_flags(o, n, new_meta.before_is_inclusive),
                _ => vec![],
            };
            // In field order: a later deadline reads after a changed id or lead, before the rest.
            let mut all = flags(c, new_task, &plan.units, backdate_limit);
            let at = all
                .iter()
                .take_while(|f| {
                    matches!(
                        f,
                        Flag::TaskRemoved | Flag::IdChanged { .. } | Flag::LeadChanged
                    )
                })
                .count();
            all.splice(at..at, dues);
            all.into_iter()
                .map(|f| (c.id.clone(), f))
                .collect::<Vec<_>>()
        })
        .chain(
            frame
                .iter()
                .filter(|f| f.is_flag())
                .map(|f| (f.file().to_string(), Flag::Frame(f.clone()))),
        )
        .collect();
    // Issued reports are records: any commit in the range that changes one is flagged.
    let issued = audit::issued_reports_edited(&repo, &mb, &head)?;
    let issued_lines: Vec<String> = issued
        .iter()
        .map(|(commit, path, i)| {
            tr.timely(&crate::i18n::Timely::IssuedEdited {
                path,
                number: &i.number,
                date: i.date,
                commit,
            })
        })
        .collect();
    let short = |s: &str| s.chars().take(7).collect::<String>();
    let text = match args.format {
        HistoryFormat::Json => crate::render::json::to_string(&json!({
            "base": base,
            "merge_base": mb,
            "head": head,
            "flags": raised.iter().map(|(id, f)| rh::flag_json(id, f, plan, tr)).collect::<Vec<_>>(),
            "issued_reports_edited": issued.iter().zip(&issued_lines).map(|((commit, path, i), m)| json!({
                "commit": commit, "path": path, "number": i.number,
                "date": crate::render::json::date(Some(i.date)), "message": m,
            })).collect::<Vec<_>>(),
            "changes": changes.iter().map(rh::change_json).collect::<Vec<_>>(),
            "frame": frame.iter().map(rh::frame_json).collect::<Vec<_>>(),
        })),
        HistoryFormat::Text => {
            let mut s = format!(
                "{}: {base} ({}) → HEAD ({})\n\n",
                h.range,
                short(&mb),
                short(&head)
            );
            s.push_str(&format!("{}:\n", h.flags));
            if raised.is_empty() && issued_lines.is_empty() {
                s.push_str(&format!("  {}\n", h.no_flags));
            }
            for m in &issued_lines {
                s.push_str(&format!("  ! {m}\n"));
            }
            for (id, f) in &raised {
                s.push_str(&format!("  ! {id}: {}\n", rh::flag_line(plan, f, tr)));
            }
            s.push('\n');
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
                "## {}\n\n{}: {} ({}) → `HEAD` ({})\n\n### {}\n\n",
                h.review_heading,
                h.range,
                crate::render::markdown::code(&base),
                short(&mb),
                short(&head),
                h.flags
            );
            if raised.is_empty() && issued_lines.is_empty() {
                s.push_str(&format!("{}\n", h.no_flags));
            }
            for m in &issued_lines {
                s.push_str(&format!("- ⚠️ {}\n", escape(m)));
            }
            for (id, f) in &raised {
                s.push_str(&format!(
                    "- ⚠️ **{}**: {}\n",
                    escape(id),
                    escape(&rh::flag_line(plan, f, tr))
                ));
            }
            s.push_str(&format!("\n### {}\n\n", h.diff_heading));
            if changes.is_empty() && frame.is_empty() {
                s.push_str(&format!("{}\n", h.no_changes));
            }
            s.push_str(&rh::changes_md(plan, &changes, tr));
            s.push_str(&rh::frame_text(&frame, tr, true));
            s
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(
        if args.fail_on.is_some() && !(raised.is_empty() && issued.is_empty()) {
            Outcome::Findings
        } else {
            Outcome::Clean
        },
    )
}
