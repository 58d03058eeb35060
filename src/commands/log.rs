//! `tiendo log [ID]`: commits that changed a task (following renames) or the whole plan,
//! newest first, with the field-level changes in words.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{Ctx, Outcome};
use crate::audit::{self, Entry};
use crate::cli::{HistoryFormat, LogArgs};
use crate::i18n::tr;
use crate::render::history as rh;
use crate::render::markdown::escape;

pub fn run(
    ctx: &Ctx,
    args: &LogArgs,
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<Outcome> {
    // Names and settings are enough: history is read from git, not from every task file.
    let loaded = crate::load::load_frame(&ctx.plan_dir)?;
    let plan = &loaded.plan;
    let tr = tr(ctx.lang);
    let repo = super::open_repo(ctx)?;
    let entries: Vec<Entry> = match &args.id {
        Some(id) => {
            let rel = task_file(ctx, id.trim(), tr)?;
            audit::task_log(&repo, plan, &rel)?
                .into_iter()
                .filter(|e| {
                    let d = audit::commit_day(&e.commit);
                    args.since.is_none_or(|s| d.is_some_and(|d| d >= s))
                        && args.until.is_none_or(|u| d.is_some_and(|d| d <= u))
                })
                .collect()
        }
        None => audit::plan_log(&repo, plan, args.since, args.until)?,
    };
    let text = match args.format {
        HistoryFormat::Json => crate::render::json::to_string(&json!({
            "task": args.id,
            "commits": entries.iter().map(|e| json!({
                "commit": rh::commit_json(&e.commit),
                "changes": e.changes.iter().map(rh::change_json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })),
        HistoryFormat::Text => {
            let mut s = String::new();
            if entries.is_empty() {
                s.push_str(tr.history().no_commits);
                s.push('\n');
            }
            for e in &entries {
                s.push_str(&rh::commit_line(&e.commit, tr));
                s.push('\n');
                if args.id.is_some() {
                    for c in &e.changes {
                        if !matches!(c.kind, crate::history::Kind::Modified) {
                            s.push_str(&format!("  {}\n", rh::change_head(c, tr)));
                        }
                        for f in &c.fields {
                            s.push_str(&format!("  {}\n", rh::field_line(plan, f, tr)));
                        }
                    }
                } else {
                    s.push_str(&rh::changes_text(plan, &e.changes, tr, "  "));
                }
                s.push('\n');
            }
            s.trim_end().to_string() + "\n"
        }
        HistoryFormat::Md => {
            let mut s = String::new();
            if entries.is_empty() {
                s.push_str(tr.history().no_commits);
                s.push('\n');
            }
            for e in &entries {
                s.push_str(&format!(
                    "### {}\n\n",
                    escape(&rh::commit_line(&e.commit, tr))
                ));
                s.push_str(&rh::changes_md(plan, &e.changes, tr));
                s.push('\n');
            }
            s.trim_end().to_string() + "\n"
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(Outcome::Clean)
}

/// The task's file (relative to the plan folder), found by name (`<id>.toml`) without
/// reading every task file.
fn task_file(ctx: &Ctx, id: &str, tr: &dyn crate::i18n::Tr) -> Result<String> {
    let mut ignored = vec![];
    let files = crate::load::task_files(&ctx.plan_dir, &mut ignored);
    let stem = |p: &std::path::PathBuf| {
        p.file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default()
    };
    if let Some(p) = files.iter().find(|p| stem(p) == id) {
        return Ok(p.to_string_lossy().replace('\\', "/"));
    }
    let stems: Vec<String> = files.iter().map(stem).collect();
    let near = crate::text::nearest(id, stems.iter().map(String::as_str), 5);
    anyhow::bail!(tr.lookup(&crate::i18n::Lookup::UnknownTask {
        id: id.to_string(),
        near: near.into_iter().map(str::to_string).collect(),
    }))
}
