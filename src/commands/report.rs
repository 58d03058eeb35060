//! `tiendo report --month YYYY-MM` (or `--quarter`, `--half`, `--year`, `--final`): the report,
//! printed, written atomically to `--out DIR/<period>.md`, or compared with that file
//! (`--check`). Glue only: the report is computed once by [`crate::report::build`] and rendered.
//!
//! Time: the window and as-of day come from the period; a closed plan is judged as of its
//! closing day; `--at REV` reads the plan as a past commit held it (one `ls-tree`, one
//! `cat-file --batch`). Records: `--issue NUMBER` marks the file as issued; `--out` never
//! overwrites an issued file and `--check` skips it.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::{Ctx, Outcome};
use crate::cli::{ReportArgs, ReportFormat};
use crate::i18n::{Timely, Tr, tr};
use crate::model::window::Cycle;
use crate::render;
use crate::report::{Basis, Issued, Narrative, Period, Spec};
use crate::summary::{Horizon, judge_all};

/// The period asked for; None: the month whose window closed last (decided once the plan's
/// report day is known).
fn period_of(args: &ReportArgs) -> Option<Period> {
    if let Some(p) = args.period {
        Some(p)
    } else if let Some(m) = args.month {
        Some(Period::Month(m))
    } else if let Some((y, q)) = args.quarter {
        Some(Period::Quarter(y, q))
    } else if let Some((y, h)) = args.half {
        Some(Period::Half(y, h))
    } else if let Some(y) = args.year {
        Some(Period::Year(y))
    } else if args.final_ {
        Some(Period::Final)
    } else {
        None
    }
}

pub fn run(
    ctx: &Ctx,
    args: &ReportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let repo = super::discover_repo(ctx);
    // The plan: the working tree, or a past revision.
    let (loaded, at) = match &args.at {
        Some(rev) => {
            let repo = super::open_repo(ctx)?;
            let commit = repo.resolve(rev)?;
            (crate::audit::plan_at(&repo, &commit)?, Some((rev, commit)))
        }
        None => (ctx.load()?, None),
    };
    super::announce_unreadable(ctx, &loaded, err)?;
    let plan = &loaded.plan;
    let cycle = if args.calendar_month {
        Cycle::Calendar
    } else {
        Cycle::ReportDay(plan.meta.report_day)
    };
    let period = period_of(args).unwrap_or_else(|| Period::Month(cycle.last_closed(ctx.as_of)));
    let window = match period.window(cycle) {
        Some(w) => w,
        None => match crate::report::final_window(plan) {
            Some(w) => w,
            None => bail!(tr.timely(&Timely::NoPlanEnd)),
        },
    };
    let next = period.succ().window(cycle).unwrap_or(window);
    let closing = plan.meta.closed_on;
    if let Some(day) = closing
        && window.start > day
    {
        bail!(tr.timely(&Timely::AfterClosing { day }));
    }
    let asked = if ctx.as_of_given {
        ctx.as_of
    } else {
        window.end
    };
    let closed = plan.meta.closed_as_of(asked);
    let as_of = closed.unwrap_or(asked);
    // The closing tally of a closed plan says so too.
    let closed = closed.or(closing.filter(|_| period == Period::Final));
    let errors = super::plan_errors(ctx, &loaded, as_of);
    if errors > 0 {
        writeln!(err, "{}", tr.plan_has_errors(errors))?;
        return Ok(Outcome::Findings);
    }
    let horizon = Horizon {
        as_of,
        soon_until: next.end,
    };
    let judged = judge_all(plan, horizon);
    let (log, basis) = match (&repo, &at) {
        (Ok(repo), Some((rev, commit))) => (
            Ok(crate::audit::plan_log_from(
                repo,
                commit,
                plan,
                Some(window.start),
                Some(window.end),
            )?),
            Basis {
                commit: Some(commit.clone()),
                dirty: false,
                revision: Some(rev.to_string()),
            },
        ),
        (Ok(repo), None) => {
            let (commit, dirty) = repo.basis(&repo.plan_prefix)?;
            (
                Ok(crate::audit::plan_log(
                    repo,
                    plan,
                    Some(window.start),
                    Some(window.end),
                )?),
                Basis {
                    commit,
                    dirty,
                    revision: None,
                },
            )
        }
        (Err(why), _) => (Err(why.clone()), Basis::default()),
    };
    let stem = period.stem();
    let issued = args.issue.as_ref().map(|number| Issued {
        number: number.trim().to_string(),
        date: args.issued_on.unwrap_or(ctx.today),
    });
    let spec = Spec {
        period,
        window,
        next,
        as_of,
        basis,
        issued,
        closed,
        narrative: narrative(ctx, args.out.as_deref(), &stem),
        by_member: args.by_member,
    };
    let report = crate::report::build(plan, &judged, spec, log.as_deref().map_err(Clone::clone));
    if args.format == ReportFormat::Docx {
        return docx(ctx, args, &report, plan, &stem, out, err);
    }
    let text = match args.format {
        ReportFormat::Md => render::markdown::report(&report, tr),
        ReportFormat::Json | ReportFormat::Docx => {
            render::json::to_string(&render::json::report(&report))
        }
    };
    let Some(dir) = &args.out else {
        out.write_all(text.as_bytes())?;
        return Ok(Outcome::Clean);
    };
    let ext = match args.format {
        ReportFormat::Md => "md",
        ReportFormat::Json | ReportFormat::Docx => "json",
    };
    let path = dir.join(format!("{stem}.{ext}"));
    let shown = crate::text::for_terminal(&path.display().to_string()).into_owned();
    let old = if std::fs::symlink_metadata(&path).is_err() {
        None
    } else {
        // Regular files only (a FIFO here must not hang the check).
        let bytes = crate::load::read_bytes(&path, &shown).map_err(|p| {
            anyhow::anyhow!("{}", crate::render::problems::text(&[p], tr).trim_end())
        })?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    };
    // An issued report is a record: never compared with today's data, never overwritten.
    if let Some(i) = old.as_deref().and_then(Issued::of_text) {
        let (path, number, date) = (shown.as_str(), i.number.as_str(), i.date);
        if args.check {
            writeln!(
                err,
                "{}",
                tr.timely(&Timely::IssuedSkipped { path, number, date })
            )?;
            return Ok(Outcome::Clean);
        }
        bail!(tr.timely(&Timely::IssuedRefused { path, number, date }));
    }
    if args.check {
        let old = old.unwrap_or_default();
        if same_content(&old, &text, args.format, tr) {
            return Ok(Outcome::Clean);
        }
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
        anyhow::anyhow!(tr.everyday(&crate::i18n::Everyday::CreateFailed {
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

/// Does a written report still say what the tool says now? The provenance and the parts the
/// secretariat writes are not compared (see `render::markdown::comparable`).
fn same_content(old: &str, new: &str, format: ReportFormat, tr: &dyn Tr) -> bool {
    match format {
        ReportFormat::Md => {
            render::markdown::comparable(old, tr) == render::markdown::comparable(new, tr)
        }
        ReportFormat::Json | ReportFormat::Docx => {
            let strip = |s: &str| {
                serde_json::from_str::<serde_json::Value>(s)
                    .ok()
                    .map(|mut v| {
                        if let Some(o) = v.as_object_mut() {
                            o.remove("basis");
                            o.remove("narrative");
                        }
                        v
                    })
            };
            match (strip(old), strip(new)) {
                (Some(a), Some(b)) => a == b,
                _ => old == new,
            }
        }
    }
}

/// The secretariat's notes for the period: `DIR/ghi-chu/<period>.md` beside the reports
/// (`--out DIR`, else `reports/` beside the plan folder). Missing is not an error.
fn narrative(ctx: &Ctx, out: Option<&Path>, stem: &str) -> Narrative {
    let (dir, shown_dir): (PathBuf, String) = match out {
        Some(d) => (d.to_path_buf(), d.display().to_string()),
        None => (
            ctx.plan_dir
                .parent()
                .map_or_else(|| PathBuf::from("reports"), |p| p.join("reports")),
            "reports".to_string(),
        ),
    };
    let rel = format!("ghi-chu/{stem}.md");
    let path = dir.join(&rel);
    let shown = format!("{}/{rel}", shown_dir.trim_end_matches('/'));
    // Never a reason to fail: what cannot be read is a placeholder.
    // (Regular files only: a FIFO must not hang the report.)
    let text = crate::load::read_bytes(&path, &shown)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    Narrative::parse(&shown, text.as_deref())
}

/// `--format docx`: the report value as a Word draft, `DIR/<period>.docx`; `--check` compares
/// the bytes (the file is deterministic for the same data).
fn docx(
    ctx: &Ctx,
    args: &ReportArgs,
    report: &crate::report::Report,
    plan: &crate::model::plan::Plan,
    stem: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let o = crate::i18n::office(ctx.lang);
    let Some(dir) = &args.out else {
        bail!(crate::i18n::fill(o.needs_output, &["docx"]));
    };
    let doc = render::report_docx::formal(report, &plan.meta.document, o, tr(ctx.lang));
    let bytes = render::nd30::docx(&doc, o)?;
    let path = dir.join(format!("{stem}.docx"));
    let shown = path.display().to_string();
    if args.check {
        let same = std::fs::read(&path).is_ok_and(|old| old == bytes);
        if !same {
            writeln!(out, "{shown}")?;
            return Ok(Outcome::Findings);
        }
        return Ok(Outcome::Clean);
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("failed to create `{}`", dir.display()))?;
    // A file tiendo names itself inside the folder: a link planted there is refused.
    crate::edit::write_output(&path, &bytes, false, out)?;
    writeln!(err, "{}", crate::text::for_terminal(&shown))?;
    Ok(Outcome::Clean)
}
