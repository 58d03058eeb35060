//! `tiendo export --format ics|csv|json|xlsx`: the tasks `list` would show (same filters), for
//! calendars, people and machines. ICS comes from [`render::ics`]; CSV and XLSX render the
//! tracking table ([`crate::tracking`]) for people, in the chosen language — CSV as UTF-8 with
//! a BOM and formula-guarded cells ([`render::csv::people`]), XLSX as a workbook
//! ([`render::xlsx`]); JSON, for machines, is `show --format json`'s task shape.

use std::io::Write;

use anyhow::Result;

use super::list::resolve_filters;
use super::{Ctx, Outcome, load_for_view};
use crate::cli::{ExportArgs, ExportFormat};
use crate::i18n::{EditMsg, tr};
use crate::model::plan::Plan;
use crate::render;
use crate::summary::{Filter, Horizon, Judged, select};

pub fn run(
    ctx: &Ctx,
    args: &ExportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let filter = resolve_filters(plan, &args.filters, ctx.lang)?;
    let selected = select(plan, &filter, Horizon::new(plan, ctx.as_of));
    let judged: Vec<&Judged> = selected.iter().collect();
    let details = matches!(
        args.format,
        ExportFormat::Json | ExportFormat::Csv | ExportFormat::Xlsx
    );
    let rows = crate::report::rows(plan, &judged, ctx.as_of, details);
    let tracking = || crate::tracking::build(&rows, ctx.as_of);
    let office = crate::i18n::office(ctx.lang);
    let text: Vec<u8> = match args.format {
        ExportFormat::Ics => render::ics::calendar(
            plan,
            &rows,
            ctx.as_of,
            ctx.lang,
            &calendar_name(plan, &filter),
        )
        .into_bytes(),
        ExportFormat::Csv => render::csv::people(&tracking(), office, tr(ctx.lang)).into_bytes(),
        ExportFormat::Json => {
            render::json::to_string(&render::json::task_list(&plan.meta.code, &rows, ctx.as_of))
                .into_bytes()
        }
        ExportFormat::Xlsx => {
            if args.output.is_none() {
                anyhow::bail!(crate::i18n::fill(office.needs_output, &["xlsx"]));
            }
            render::xlsx::tracking(plan, &tracking(), office, tr(ctx.lang))?
        }
    };
    match &args.output {
        Some(path) => {
            crate::edit::write_atomic(path, &text)?;
            let shown = path.display().to_string();
            writeln!(
                err,
                "{}",
                tr(ctx.lang).edit(&EditMsg::Wrote { path: &shown })
            )?;
        }
        None => out.write_all(&text)?,
    }
    Ok(Outcome::Clean)
}

/// The plan code, and the unit a subscriber filtered on.
fn calendar_name(plan: &Plan, filter: &Filter) -> String {
    match filter.lead.as_deref().or(filter.unit.as_deref()) {
        Some(unit) => format!("{} – {}", plan.meta.code, plan.units.label(unit)),
        None => plan.meta.code.clone(),
    }
}
