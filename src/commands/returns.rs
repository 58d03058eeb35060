//! `tiendo returns template --unit U --month M -o FILE.xlsx` writes the sheet a unit fills;
//! `tiendo returns import FILE.xlsx… [--dry-run] [--commit]` reads filled sheets (calamine) and
//! appends their progress entries through `update`'s edit path: `edit::apply_update`, the same
//! refusal rules, locks and checked atomic writes. A sheet with any bad cell is refused whole,
//! every problem located as `FILE!SHEET!CELL` with a hint, and nothing is written. Entries
//! already in the task are skipped, so importing a sheet twice adds nothing the second time.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::{Ctx, Outcome};
use crate::cli::{ReturnsCommand, ReturnsImportArgs, ReturnsTemplateArgs};
use crate::edit::{self, Original, Update};
use crate::i18n::{EditMsg, fill, office, tr};
use crate::model::plan::TaskStatus;
use crate::model::window::Cycle;
use crate::returns::{self, Grid, Value};
use crate::summary::{Horizon, judge_all};
use crate::text::for_terminal;

pub fn run(
    ctx: &Ctx,
    cmd: &ReturnsCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    match cmd {
        ReturnsCommand::Template(a) => template(ctx, a, out, err),
        ReturnsCommand::Import(a) => import(ctx, a, out, err),
    }
}

fn template(
    ctx: &Ctx,
    args: &ReturnsTemplateArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let loaded = super::load_for_view(ctx, err)?;
    let plan = &loaded.plan;
    let (o, t) = (office(ctx.lang), tr(ctx.lang));
    let unit = super::resolve_unit_in(plan, &args.unit, ctx.lang)?;
    let cycle = Cycle::ReportDay(plan.meta.report_day);
    let window = cycle.window(args.month);
    let next = cycle.window(args.month.succ());
    let judged = judge_all(
        plan,
        Horizon {
            as_of: window.end,
            soon_until: next.end,
        },
    );
    let rows = returns::template_rows(plan, &judged, &unit.id.value);
    if rows.is_empty() {
        writeln!(err, "{}", fill(o.ret_no_rows, &[unit.label()]))?;
    }
    let head = crate::render::xlsx::ReturnsHead {
        unit_id: &unit.id.value,
        unit_name: &unit.name,
        month: args.month,
        window,
        report_by: window.end.succ_opt().unwrap_or(window.end),
    };
    let bytes = crate::render::xlsx::returns_template(&head, &rows, o, t)?;
    // The path named on the command line is the user's: a link there is written through.
    edit::write_output(&args.output, &bytes, true, out)?;
    let shown = crate::text::for_terminal(&args.output.display().to_string()).into_owned();
    writeln!(
        out,
        "{}",
        fill(o.ret_wrote_template, &[&shown, &rows.len().to_string()])
    )?;
    Ok(Outcome::Clean)
}

/// The first sheet of a workbook as a [`Grid`], with the sheet's name.
fn read_sheet(path: &Path) -> Result<(String, Grid)> {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let shown = path.display();
    let mut wb: Xlsx<_> =
        open_workbook(path).with_context(|| format!("failed to read `{shown}`"))?;
    let name = wb
        .sheet_names()
        .first()
        .cloned()
        .with_context(|| format!("`{shown}` has no sheet"))?;
    let range = wb
        .worksheet_range(&name)
        .with_context(|| format!("failed to read `{shown}!{name}`"))?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut grid = Grid::default();
    for (r, c, v) in range.used_cells() {
        let value = match v {
            Data::Empty => continue,
            Data::String(s) => Value::Text(s.clone()),
            Data::Float(x) => Value::Number(*x),
            Data::Int(x) => Value::Number(*x as f64),
            Data::Bool(b) => Value::Text(b.to_string()),
            Data::DateTime(d) => match serial_date(d.as_f64()) {
                Some(day) => Value::Date(day),
                None => Value::Number(d.as_f64()),
            },
            Data::DateTimeIso(s) => {
                match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                    Ok(d) => Value::Date(d),
                    Err(_) => Value::Text(s.clone()),
                }
            }
            Data::DurationIso(s) => Value::Text(s.clone()),
            Data::Error(e) => Value::Text(format!("#{e:?}")),
        };
        let col = u16::try_from(c0 as usize + c).unwrap_or(u16::MAX);
        grid.cells.insert((r0 + r as u32, col), value);
    }
    Ok((name, grid))
}

/// An Excel serial date (1900 system; day 60 is the fictitious 29/02/1900).
fn serial_date(x: f64) -> Option<chrono::NaiveDate> {
    if !(1.0..2_958_466.0).contains(&x) {
        return None;
    }
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_days(chrono::Days::new(x.floor() as u64))
}

/// One task file's part of an import.
struct FileEdit {
    path: PathBuf,
    shown: String,
    original: Original,
    new_text: String,
    added: usize,
}

fn import(
    ctx: &Ctx,
    args: &ReturnsImportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let (o, t) = (office(ctx.lang), tr(ctx.lang));
    let mut outcome = Outcome::Clean;
    let repo = if args.commit {
        Some(super::new::repo(ctx, t)?)
    } else {
        None
    };
    for file in &args.files {
        let shown_file = for_terminal(&file.display().to_string()).into_owned();
        let (sheet, grid) = read_sheet(file)?;
        // Load for each sheet: the previous sheet's entries are on disk now.
        let loaded = crate::load::load(&ctx.plan_dir)?;
        let plan = &loaded.plan;
        let cycle = Cycle::ReportDay(plan.meta.report_day);
        let refuse = |err: &mut dyn Write, problems: &[(String, String, String)]| -> Result<()> {
            // File and sheet names and cell text come from outside: sanitised for the terminal.
            for (cell, message, hint) in problems {
                let line = format!(
                    "{shown_file}!{sheet}!{cell}: {}: {message}",
                    t.severity(true)
                );
                writeln!(err, "{}", for_terminal(&line))?;
                if !hint.is_empty() {
                    let line = format!("  {} {hint}", t.help_word());
                    writeln!(err, "{}", for_terminal(&line))?;
                }
            }
            writeln!(
                err,
                "{}",
                fill(o.ret_refused, &[&shown_file, &problems.len().to_string()])
            )?;
            Ok(())
        };
        let ret = match returns::read(plan, &grid, ctx.as_of, cycle, o) {
            Ok(r) => r,
            Err(problems) => {
                let v: Vec<_> = problems
                    .into_iter()
                    .map(|p| (p.cell, p.message, p.hint))
                    .collect();
                refuse(err, &v)?;
                outcome = Outcome::Findings;
                continue;
            }
        };
        let unit_label = plan.units.label(&ret.unit).to_string();
        // Entries by task, in sheet order; those already recorded are skipped.
        let mut by_task: BTreeMap<String, Vec<&returns::Entry>> = BTreeMap::new();
        let mut already = 0;
        for e in &ret.entries {
            let Some(task) = plan.task(&e.task) else {
                continue;
            };
            if returns::already_recorded(task, &e.progress) {
                already += 1;
            } else {
                by_task.entry(e.task.clone()).or_default().push(e);
            }
        }
        if already > 0 {
            writeln!(out, "{}", fill(o.ret_already, &[&already.to_string()]))?;
        }
        if ret.entries.is_empty() {
            writeln!(out, "{}", fill(o.ret_empty, &[&shown_file]))?;
            continue;
        }
        if by_task.is_empty() {
            writeln!(out, "{}", fill(o.ret_nothing_new, &[&shown_file]))?;
            continue;
        }
        let mut edits: Vec<FileEdit> = vec![];
        let mut problems: Vec<(String, String, String)> = vec![];
        let mut ids: Vec<&String> = by_task.keys().collect();
        ids.sort_by(|a, b| crate::model::id::cmp_ids(a, b));
        for id in ids {
            let entries = &by_task[id];
            let task = plan.task(id).expect("entries name known tasks");
            let path = PathBuf::from(&task.file);
            let shown = task.file.replace('\\', "/");
            let bytes =
                std::fs::read(&path).with_context(|| format!("failed to read `{shown}`"))?;
            let original = Original::from_bytes(bytes, &shown)
                .map_err(|p| anyhow::anyhow!(crate::render::problems::text(&[p], t)))?;
            let mut text = original.text.clone();
            let cell = returns::cell_name(entries[0].row, returns::COL_ID);
            for e in entries {
                let update = Update {
                    progress: Some(e.progress.clone()),
                    status: e.done_on.map(|_| TaskStatus::Done),
                    done_on: e.done_on,
                    ..Update::default()
                };
                match edit::apply_update(&text, &update) {
                    Ok(next) => text = next,
                    Err(x) => problems.push((
                        returns::cell_name(e.row, returns::COL_ID),
                        fill(o.ret_refused_by_check, &[&x.to_string()]),
                        String::new(),
                    )),
                }
            }
            for p in super::update::new_problems(ctx, &loaded, task, &text, &shown)
                .into_iter()
                .filter(super::update::refuses)
            {
                let (message, help) = t.problem(&p);
                problems.push((
                    cell.clone(),
                    fill(o.ret_refused_by_check, &[&format!("{shown}: {message}")]),
                    help.unwrap_or_default(),
                ));
            }
            edits.push(FileEdit {
                path,
                shown,
                original,
                new_text: text,
                added: entries.len(),
            });
        }
        if !problems.is_empty() {
            refuse(err, &problems)?;
            outcome = Outcome::Findings;
            continue;
        }
        let added: usize = edits.iter().map(|e| e.added).sum();
        if args.dry_run {
            for e in &edits {
                writeln!(out, "{}:", e.shown)?;
                for line in added_lines(&e.original.text, &e.new_text) {
                    write!(out, "{line}")?;
                }
            }
            writeln!(
                out,
                "{}",
                fill(
                    o.ret_would_add,
                    &[&shown_file, &added.to_string(), &unit_label]
                )
            )?;
            continue;
        }
        let _locks = edits
            .iter()
            .map(|e| super::new::lock(&e.path, &e.shown, t))
            .collect::<Result<Vec<_>>>()?;
        for e in &edits {
            let new_bytes = e.original.encode(&e.new_text);
            super::new::write(
                &ctx.plan_dir,
                &e.path,
                Some(&e.original.bytes),
                &new_bytes,
                &e.shown,
                t,
            )?;
            writeln!(out, "{}", t.edit(&EditMsg::Wrote { path: &e.shown }))?;
        }
        writeln!(
            out,
            "{}",
            fill(o.ret_added, &[&shown_file, &added.to_string(), &unit_label])
        )?;
        if let Some(repo) = &repo {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let message = fill(o.ret_commit, &[&unit_label, &ret.month.to_string(), &name]);
            let abs: Vec<PathBuf> = edits
                .iter()
                .map(|e| {
                    std::fs::canonicalize(&e.path)
                        .with_context(|| format!("failed to resolve `{}`", e.shown))
                })
                .collect::<Result<_>>()?;
            let refs: Vec<&Path> = abs.iter().map(PathBuf::as_path).collect();
            let hash = repo.commit_files(&refs, &message)?;
            writeln!(
                out,
                "{}",
                fill(o.ret_committed, &[&format!("{hash} {message}")])
            )?;
        }
    }
    Ok(outcome)
}

/// The lines `new` has that `old` does not, in order, each with its line ending.
fn added_lines(old: &str, new: &str) -> Vec<String> {
    similar::TextDiff::from_lines(old, new)
        .iter_all_changes()
        .filter(|c| c.tag() == similar::ChangeTag::Insert)
        .map(|c| {
            let s = c.value().to_string();
            if s.ends_with('\n') { s } else { s + "\n" }
        })
        .collect()
}
