//! `tiendo report --month YYYY-MM`: the monthly report, printed, written atomically to
//! `--out DIR/YYYY-MM.md`, or compared with that file (`--check`).

use std::io::Write;

use anyhow::Result;

use super::{Ctx, Outcome};
use crate::cli::{ReportArgs, ReportFormat};
use crate::i18n::tr;
use crate::model::window::Cycle;
use crate::render;
use crate::report::{Basis, Period, Spec};
use crate::summary::{Horizon, judge_all};

pub fn run(
    ctx: &Ctx,
    args: &ReportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = ctx.load()?;
    super::announce_unreadable(ctx, &loaded, err)?;
    let plan = &loaded.plan;
    let cycle = if args.calendar_month {
        Cycle::Calendar
    } else {
        Cycle::ReportDay(plan.meta.report_day)
    };
    let month = args.month.unwrap_or_else(|| cycle.last_closed(ctx.as_of));
    let window = cycle.window(month);
    let next = cycle.window(month.succ());
    let as_of = if ctx.as_of_given {
        ctx.as_of
    } else {
        window.end
    };
    let errors = super::plan_errors(ctx, &loaded, as_of);
    if errors > 0 {
        writeln!(err, "{}", tr(ctx.lang).plan_has_errors(errors))?;
        return Ok(Outcome::Findings);
    }
    let horizon = Horizon {
        as_of,
        soon_until: next.end,
    };
    let judged = judge_all(plan, horizon);
    let log = match super::discover_repo(ctx) {
        Ok(repo) => Ok(crate::audit::plan_log(
            &repo,
            plan,
            Some(window.start),
            Some(window.end),
        )?),
        Err(why) => Err(why),
    };
    let spec = Spec {
        period: Period::Month(month),
        window,
        next,
        as_of,
        basis: Basis::default(),
        by_member: args.by_member,
    };
    let report = crate::report::build(plan, &judged, spec, log.as_deref().map_err(Clone::clone));
    let text = match args.format {
        ReportFormat::Md => render::markdown::report(&report, tr(ctx.lang)),
        ReportFormat::Json => render::json::to_string(&render::json::report(&report)),
    };
    let Some(dir) = &args.out else {
        out.write_all(text.as_bytes())?;
        return Ok(Outcome::Clean);
    };
    let ext = match args.format {
        ReportFormat::Md => "md",
        ReportFormat::Json => "json",
    };
    let path = dir.join(format!("{month}.{ext}"));
    if args.check {
        let old = if std::fs::symlink_metadata(&path).is_err() {
            String::new()
        } else {
            // Regular files only (a FIFO here must not hang the check).
            let shown = path.display().to_string();
            let bytes = crate::load::read_bytes(&path, &shown).map_err(|p| {
                anyhow::anyhow!(
                    "{}",
                    crate::render::problems::text(&[p], tr(ctx.lang)).trim_end()
                )
            })?;
            String::from_utf8_lossy(&bytes).into_owned()
        };
        if old == text {
            return Ok(Outcome::Clean);
        }
        let shown = path.display().to_string();
        let diff = similar::TextDiff::from_lines(&old, &text);
        write!(
            out,
            "{}",
            diff.unified_diff()
                .context_radius(2)
                .header(&shown, &format!("{shown} (tiendo)"))
        )?;
        return Ok(Outcome::Findings);
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        anyhow::anyhow!(tr(ctx.lang).everyday(&crate::i18n::Everyday::CreateFailed {
            path: &dir.display().to_string(),
            why: &e.to_string()
        }))
    })?;
    // A file tiendo names itself inside the folder: a link planted there is refused, never
    // followed or replaced.
    let mut sink = crate::edit::Output::open(&path, false)?;
    if let Err(e) = sink.writer(out).write_all(text.as_bytes()) {
        sink.abandon();
        return Err(e.into());
    }
    sink.finish(out)?;
    writeln!(
        err,
        "{}",
        crate::text::for_terminal(&path.display().to_string())
    )?;
    Ok(Outcome::Clean)
}
