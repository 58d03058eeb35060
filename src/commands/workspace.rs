//! The one "which plans" selector (issue 16). A folder of several plans (sub-folders sharing
//! the root's `units.toml`) is routed here before any command runs:
//!
//! - commands about the whole workspace run here: `plans`, `carry-over`, `check` (every plan,
//!   the shared registry once, the links between plans);
//! - commands that take a task id (`show`, `update`, `log ID`) find the plan from `NAME:ID` or
//!   from a bare id found in one plan only, then run on that plan as they always did;
//! - views (`list`, `summary`, `units UNIT`, `export`) cover every open plan by default
//!   (`--in NAME,…` chooses, `--all-plans` adds closed ones), ids qualified as `NAME:ID`;
//! - every other command runs on the one plan `--in NAME` names.
//!
//! A single-plan folder (today's layout) is a workspace of one: it passes through unchanged,
//! `NAME:` prefixes naming it are accepted, and `plans` / `carry-over` work on it too.

use std::io::Write;

use anyhow::{Result, bail};
use comfy_table::Cell;
use serde_json::{Value, json};

use super::{Ctx, Outcome};
use crate::cli::{
    CheckArgs, Command, ExportArgs, ExportFormat, Global, ListArgs, ListFormat, SummaryArgs,
    TextOrJson, UnitsArgs,
};
use crate::i18n::{Everyday, Label, Tr, Ws, tr};
use crate::load::Layout;
use crate::model::problem::{self, Severity};
use crate::model::status::Category;
use crate::render::{self, table};
use crate::report::Row;
use crate::summary::{Counts, Horizon, Judged, select};
use crate::workspace::{Member, Unresolved, Workspace, is_open, qualify, split};

/// Where a command goes.
pub enum Route {
    /// It ran here.
    Done(Outcome),
    /// It runs on one plan, as in a single-plan folder.
    One(Box<(Command, Ctx)>),
}

pub fn route(
    command: Command,
    g: &Global,
    ctx: Ctx,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Route> {
    let tr = tr(ctx.lang);
    let several = match crate::load::layout(&ctx.plan_dir) {
        Layout::Single { name } => {
            let plans = [name.clone()];
            if let Some(other) = g.in_plans.iter().find(|p| !p.eq_ignore_ascii_case(&name)) {
                bail!(tr.workspace(&Ws::UnknownPlan {
                    plan: other,
                    plans: &plans
                }));
            }
            return Ok(match command {
                Command::Plans(a) => Route::Done(super::plans::run(&ctx, &a, out)?),
                Command::CarryOver(a) => Route::Done(super::carry_over::run(&ctx, &a, out, err)?),
                // The exchange document, for a single plan too (a workspace of one).
                Command::Export(a) if g.all_plans && a.format == ExportFormat::Json => {
                    Route::Done(export(&ctx, g, &a, out, err)?)
                }
                other => Route::One(Box::new((strip_plan(other, &name, tr)?, ctx))),
            });
        }
        Layout::Several(v) => v,
    };
    let names: Vec<String> = several.iter().map(|(n, _)| n.clone()).collect();
    Ok(match command {
        Command::Plans(a) => Route::Done(super::plans::run(&ctx, &a, out)?),
        Command::CarryOver(a) => Route::Done(super::carry_over::run(&ctx, &a, out, err)?),
        Command::Check(a) => Route::Done(check(&ctx, &a, out)?),
        Command::Show(mut a) => {
            let ws = crate::load::load_workspace(&ctx.plan_dir)?;
            let (m, id) = find(&ws, &a.id, tr)?;
            a.id = id;
            let mc = for_member(&ctx, m);
            let outcome = super::show::run(&mc, &a, out, err)?;
            if a.format == TextOrJson::Text {
                show_links(&ctx, &ws, m, &a.id, out)?;
            }
            Route::Done(outcome)
        }
        Command::Update(mut a) => {
            let ws = crate::load::load_workspace(&ctx.plan_dir)?;
            let (m, id) = find(&ws, &a.id, tr)?;
            a.id = id;
            Route::One(Box::new((Command::Update(a), for_member(&ctx, m))))
        }
        Command::Log(mut a) if a.id.is_some() => {
            let ws = crate::load::load_workspace(&ctx.plan_dir)?;
            let (m, id) = find(&ws, a.id.as_deref().unwrap_or_default(), tr)?;
            a.id = Some(id.clone());
            let outcome = super::log::run(&for_member(&ctx, m), &a, out, err)?;
            if a.format == crate::cli::HistoryFormat::Text {
                show_links(&ctx, &ws, m, &id, out)?;
            }
            Route::Done(outcome)
        }
        Command::Report(a) if g.all_plans || g.in_plans.len() > 1 => {
            Route::Done(report(&ctx, g, &a, out, err)?)
        }
        Command::List(a) => Route::Done(list(&ctx, g, &a, out, err)?),
        Command::Summary(a) => Route::Done(summary(&ctx, g, &a, out, err)?),
        Command::Units(a) => Route::Done(units(&ctx, g, &a, out, err)?),
        Command::Export(a) => Route::Done(export(&ctx, g, &a, out, err)?),
        other => {
            // One plan, named by --in.
            if let [one] = g.in_plans.as_slice() {
                if let Some((_, dir)) = several.iter().find(|(n, _)| n.eq_ignore_ascii_case(one)) {
                    let mut c = ctx.clone();
                    c.plan_dir = dir.clone();
                    return Ok(Route::One(Box::new((other, c))));
                }
                bail!(tr.workspace(&Ws::UnknownPlan {
                    plan: one,
                    plans: &names
                }));
            }
            bail!(tr.workspace(&Ws::PickOnePlan { plans: &names }));
        }
    })
}

/// In a single-plan folder, `NAME:ID` with the folder's own name is the bare id.
fn strip_plan(command: Command, name: &str, tr: &dyn Tr) -> Result<Command> {
    let fix = |id: &mut String| -> Result<()> {
        if let (Some(plan), bare) = split(id) {
            if !plan.eq_ignore_ascii_case(name) {
                bail!(tr.workspace(&Ws::UnknownPlan {
                    plan,
                    plans: &[name.to_string()]
                }));
            }
            *id = bare.to_string();
        }
        Ok(())
    };
    Ok(match command {
        Command::Show(mut a) => {
            fix(&mut a.id)?;
            Command::Show(a)
        }
        Command::Update(mut a) => {
            fix(&mut a.id)?;
            Command::Update(a)
        }
        Command::Log(mut a) => {
            if let Some(id) = a.id.as_mut() {
                fix(id)?;
            }
            Command::Log(a)
        }
        other => other,
    })
}

/// The plan and bare id an id argument names, or a message that says why not.
fn find<'a>(ws: &'a Workspace, arg: &str, tr: &dyn Tr) -> Result<(&'a Member, String)> {
    match ws.resolve(arg) {
        Ok((m, t)) => Ok((m, t.id.value.clone())),
        Err(Unresolved::UnknownPlan { plan, plans }) => {
            bail!(tr.workspace(&Ws::UnknownPlan {
                plan: &plan,
                plans: &plans
            }))
        }
        Err(Unresolved::UnknownTask { id }) => bail!(tr.workspace(&Ws::UnknownTask { id: &id })),
        Err(Unresolved::Ambiguous { id, candidates }) => bail!(tr.workspace(&Ws::AmbiguousId {
            id: &id,
            candidates: &candidates
        })),
    }
}

fn for_member(ctx: &Ctx, m: &Member) -> Ctx {
    let mut c = ctx.clone();
    c.plan_dir = m.dir.clone();
    c
}

/// The plans a view covers: `--in` names them; else every open plan (on the as-of day), or
/// every plan with `--all-plans` or when none is open.
pub fn selected<'a>(ws: &'a Workspace, g: &Global, ctx: &Ctx) -> Result<Vec<&'a Member>> {
    let tr = tr(ctx.lang);
    if !g.in_plans.is_empty() {
        return g
            .in_plans
            .iter()
            .map(|n| {
                ws.get(n).ok_or_else(|| {
                    anyhow::anyhow!(tr.workspace(&Ws::UnknownPlan {
                        plan: n,
                        plans: &ws.names()
                    }))
                })
            })
            .collect();
    }
    let open: Vec<&Member> = ws
        .plans
        .iter()
        .filter(|m| is_open(&m.loaded.plan.meta, ctx.as_of))
        .collect();
    Ok(if g.all_plans || open.is_empty() {
        ws.plans.iter().collect()
    } else {
        open
    })
}

/// The task that a link of `show` follows, both ways.
fn show_links(ctx: &Ctx, ws: &Workspace, m: &Member, id: &str, out: &mut dyn Write) -> Result<()> {
    let tr = tr(ctx.lang);
    let Some(t) = m.loaded.plan.task(id) else {
        return Ok(());
    };
    if let Some(from) = &t.carry.from {
        writeln!(
            out,
            "{}",
            tr.workspace(&Ws::CarriedFrom { link: &from.value })
        )?;
    }
    // The other end, whether or not this task wrote its half.
    let me = qualify(&m.name, &t.id.value);
    let to = t.carry.to.as_ref().map(|l| l.value.clone()).or_else(|| {
        ws.plans.iter().find_map(|o| {
            o.loaded
                .plan
                .tasks
                .iter()
                .find(|c| {
                    c.carry
                        .from
                        .as_ref()
                        .is_some_and(|f| f.value.eq_ignore_ascii_case(&me))
                })
                .map(|c| qualify(&o.name, &c.id.value))
        })
    });
    if let Some(link) = to {
        let plan = split(&link).0.unwrap_or_default().to_string();
        let on = t
            .carry
            .on
            .as_ref()
            .map(|d| tr.date(d.value))
            .unwrap_or_default();
        writeln!(
            out,
            "{}",
            tr.workspace(&Ws::CarriedTo {
                plan: &plan,
                link: &link,
                on: &on
            })
        )?;
    }
    Ok(())
}

/// `check` on the workspace: every plan's problems (the shared registry's once), then the
/// links between plans.
fn check(ctx: &Ctx, args: &CheckArgs, out: &mut dyn Write) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let ws = crate::load::load_workspace(&ctx.plan_dir)?;
    let mut problems: Vec<problem::Problem> = vec![];
    let mut files = 0;
    for (i, m) in ws.plans.iter().enumerate() {
        // A closed plan is judged as of its closing day: a unit that ended after it is not a
        // finding about that plan.
        // What was recorded in it since is history, not a mistake.
        let closed = m.loaded.plan.meta.closed_as_of(ctx.as_of);
        let mut input = crate::check::Input::new(&m.loaded, closed.unwrap_or(ctx.as_of));
        input.later_records_allowed = closed.is_some();
        if args.as_issued {
            input.as_of = m
                .loaded
                .plan
                .meta
                .issued
                .ok_or_else(|| anyhow::anyhow!(tr.everyday(&Everyday::NoIssuedDate)))?;
            input.later_records_allowed = true;
        }
        // The shared units.toml is one file, read once per plan: count it and its problems once.
        let shared = &m.loaded.plan.units.file;
        files += m.loaded.files - usize::from(i > 0 && m.loaded.units_loaded);
        for p in m
            .loaded
            .problems
            .iter()
            .cloned()
            .chain(crate::check::run(&input))
        {
            if &p.path != shared || !problems.contains(&p) {
                problems.push(p);
            }
        }
    }
    problems.extend(crate::workspace::links(&ws));
    problem::sort(&mut problems);
    match args.format {
        TextOrJson::Text => {
            write!(out, "{}", render::problems::text(&problems, tr))?;
            writeln!(
                out,
                "{}",
                render::problems::summary_line(&problems, files, tr)
            )?;
        }
        TextOrJson::Json => write!(
            out,
            "{}",
            render::json::to_string(&render::problems::json(&problems, files, tr))
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

/// Announce errors in the plans a view reads (as `load_for_view` does for one plan).
fn announce(ctx: &Ctx, plans: &[&Member], err: &mut dyn Write) -> Result<()> {
    let errors: usize = plans
        .iter()
        .map(|m| super::plan_errors(ctx, &m.loaded, ctx.as_of))
        .sum();
    if errors > 0 {
        writeln!(err, "{}", tr(ctx.lang).plan_has_errors(errors))?;
    }
    Ok(())
}

/// The rows `list`/`export` show for one plan, ids qualified; None when the plan lacks the
/// group asked for (another plan may have it).
fn rows_of(ctx: &Ctx, m: &Member, f: &crate::cli::Filters, details: bool) -> Result<Option<Rows>> {
    let plan = &m.loaded.plan;
    if f.group
        .as_ref()
        .is_some_and(|g| plan.meta.group(g).is_none())
    {
        return Ok(None);
    }
    let filter = super::list::resolve_filters(plan, f, ctx.lang)?;
    let selected = select(plan, &filter, Horizon::new(plan, ctx.as_of));
    let judged: Vec<&Judged> = selected.iter().collect();
    let overdue = crate::summary::any_overdue(&judged);
    let mut rows = crate::report::rows(plan, &judged, ctx.as_of, details);
    for r in &mut rows {
        r.id = qualify(&m.name, &r.id);
    }
    Ok(Some(Rows { rows, overdue }))
}

struct Rows {
    rows: Vec<Row>,
    overdue: bool,
}

/// Rows of every selected plan; the group filter is an error only when no plan has it.
fn rows_across<'a>(
    ctx: &Ctx,
    plans: &[&'a Member],
    f: &crate::cli::Filters,
    details: bool,
) -> Result<Vec<(&'a Member, Rows)>> {
    let mut out = vec![];
    for m in plans {
        if let Some(r) = rows_of(ctx, m, f, details)? {
            out.push((*m, r));
        }
    }
    if let (true, Some(m)) = (out.is_empty(), plans.first()) {
        // The message that names the group and the groups there are.
        super::list::resolve_filters(&m.loaded.plan, f, ctx.lang)?;
    }
    Ok(out)
}

fn list(
    ctx: &Ctx,
    g: &Global,
    args: &ListArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let ws = crate::load::load_workspace(&ctx.plan_dir)?;
    let plans = selected(&ws, g, ctx)?;
    announce(ctx, &plans, err)?;
    let parts = rows_across(ctx, &plans, &args.filters, false)?;
    let overdue = parts.iter().any(|(_, r)| r.overdue);
    let text = match args.format {
        ListFormat::Table => {
            let mut rows: Vec<Row> = parts.into_iter().flat_map(|(_, r)| r.rows).collect();
            if let Some(field) = args.sort {
                super::list::sort_rows(&mut rows, field);
            }
            if let Some(n) = args.limit {
                rows.truncate(n);
            }
            super::list::render_table(ctx, &rows, &args.columns)
        }
        ListFormat::Csv => {
            let rows: Vec<Row> = parts.into_iter().flat_map(|(_, r)| r.rows).collect();
            render::csv::tasks(&rows, false)
        }
        ListFormat::Json => render::json::to_string(&json_lists(ctx, &parts)),
    };
    out.write_all(text.as_bytes())?;
    Ok(if args.fail_on.is_some() && overdue {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// `{"as_of", "plans": [{"name", "plan", "tasks"}]}`: each plan's `list --format json` shape
/// with its short name.
fn json_lists(ctx: &Ctx, parts: &[(&Member, Rows)]) -> Value {
    json!({
        "as_of": render::json::date(Some(ctx.as_of)),
        "plans": parts.iter().map(|(m, r)| {
            let mut v = render::json::task_list(&m.loaded.plan.meta.code, &r.rows, ctx.as_of);
            v["name"] = json!(m.name);
            v
        }).collect::<Vec<_>>(),
    })
}

fn summary(
    ctx: &Ctx,
    g: &Global,
    args: &SummaryArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let ws = crate::load::load_workspace(&ctx.plan_dir)?;
    let plans = selected(&ws, g, ctx)?;
    let mut outcome = Outcome::Clean;
    let mut parts: Vec<(String, Vec<u8>)> = vec![];
    for m in &plans {
        let mut buf = vec![];
        if super::summary::run(&for_member(ctx, m), args, &mut buf, err)? == Outcome::Findings {
            outcome = Outcome::Findings;
        }
        parts.push((m.name.clone(), buf));
    }
    let total = total_counts(ctx, &ws, &plans);
    match args.format {
        TextOrJson::Text => {
            for (i, ((name, buf), m)) in parts.iter().zip(&plans).enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(
                    out,
                    "{}\n",
                    tr.workspace(&Ws::Heading {
                        name,
                        code: &m.loaded.plan.meta.code
                    })
                )?;
                out.write_all(buf)?;
            }
            if plans.len() > 1 || g.all_plans {
                writeln!(out, "\n{}\n", tr.workspace(&Ws::Total))?;
                let apart = total.apart();
                let header = super::summary::count_header(ctx, tr.label(Label::Plan), apart);
                let style = table::Style {
                    color: false,
                    width: ctx.width,
                };
                let mut t = table::new(
                    style,
                    &header.iter().map(String::as_str).collect::<Vec<_>>(),
                );
                let mut row = vec![tr.label(Label::Overall).to_string()];
                row.extend(super::summary::count_cells(&total, apart));
                t.add_row(row.into_iter().map(Cell::new).collect::<Vec<_>>());
                out.write_all(table::to_string(&t).as_bytes())?;
            }
        }
        TextOrJson::Json => {
            let mut each = vec![];
            for (name, buf) in &parts {
                let mut v: Value = serde_json::from_slice(buf)?;
                v["name"] = json!(name);
                each.push(v);
            }
            let v = json!({
                "as_of": render::json::date(Some(ctx.as_of)),
                "plans": each,
                "total": render::json::counts(&total),
                "total_rule": "a task carried over to a later plan is counted once, by the task that continues it",
            });
            out.write_all(render::json::to_string(&v).as_bytes())?;
        }
    }
    Ok(outcome)
}

/// `report --all-plans` (or `--in A,B`): one document, a section per plan open on the as-of
/// day (a closed plan's report is its own final one), each plan's report as it would print
/// alone, separated by a rule.
fn report(
    ctx: &Ctx,
    g: &Global,
    args: &crate::cli::ReportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    if args.out.is_some() {
        bail!(tr.workspace(&Ws::ReportOutOnePlan));
    }
    let ws = crate::load::load_workspace(&ctx.plan_dir)?;
    let plans: Vec<&Member> = selected(&ws, g, ctx)?
        .into_iter()
        .filter(|m| !g.all_plans || is_open(&m.loaded.plan.meta, ctx.as_of))
        .collect();
    let mut outcome = Outcome::Clean;
    for (i, m) in plans.iter().enumerate() {
        if i > 0 {
            writeln!(out, "\n---\n")?;
        }
        if super::report::run(&for_member(ctx, m), args, out, err)? == Outcome::Findings {
            outcome = Outcome::Findings;
        }
    }
    Ok(outcome)
}

/// Counts over the selected plans, a carried task once: a task carried over is left out when
/// the task that continues it is among the plans counted.
pub fn total_counts(ctx: &Ctx, ws: &Workspace, plans: &[&Member]) -> Counts {
    let mut c = Counts::default();
    for m in plans {
        let plan = &m.loaded.plan;
        let day = plan.meta.closed_as_of(ctx.as_of).unwrap_or(ctx.as_of);
        for j in crate::summary::judge_all(plan, Horizon::new(plan, day)) {
            let continued_here = j.standing.category == Category::CarriedOver
                && j.task.carry.to.as_ref().is_some_and(|to| {
                    ws.link(&to.value)
                        .is_some_and(|(nm, _)| plans.iter().any(|p| p.name == nm.name))
                });
            if !continued_here {
                c.add(j.standing.category);
            }
        }
    }
    c
}

fn units(
    ctx: &Ctx,
    g: &Global,
    args: &UnitsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let ws = crate::load::load_workspace(&ctx.plan_dir)?;
    let plans = selected(&ws, g, ctx)?;
    // A section per plan, the registry listing included: its task counts are each plan's.
    let mut each = vec![];
    for (i, m) in plans.iter().enumerate() {
        let mut buf = vec![];
        super::units::run(&for_member(ctx, m), args, &mut buf, err)?;
        match args.format {
            TextOrJson::Text => {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(
                    out,
                    "{}\n",
                    tr.workspace(&Ws::Heading {
                        name: &m.name,
                        code: &m.loaded.plan.meta.code
                    })
                )?;
                out.write_all(&buf)?;
            }
            TextOrJson::Json => {
                let mut v: Value = serde_json::from_slice(&buf)?;
                v["name"] = json!(m.name);
                each.push(v);
            }
        }
    }
    if args.format == TextOrJson::Json {
        out.write_all(render::json::to_string(&json!({ "plans": each })).as_bytes())?;
    }
    Ok(Outcome::Clean)
}

fn export(
    ctx: &Ctx,
    g: &Global,
    args: &ExportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let ws = crate::load::load_workspace(&ctx.plan_dir)?;
    let plans = selected(&ws, g, ctx)?;
    announce(ctx, &plans, err)?;
    let text = if args.format == ExportFormat::Json && g.all_plans {
        render::json::to_string(&exchange(ctx, &ws, &plans, &args.filters)?)
    } else {
        let details = args.format == ExportFormat::Json;
        let parts = rows_across(ctx, &plans, &args.filters, details)?;
        match args.format {
            ExportFormat::Json => render::json::to_string(&json_lists(ctx, &parts)),
            ExportFormat::Csv => {
                let rows: Vec<Row> = parts.into_iter().flat_map(|(_, r)| r.rows).collect();
                render::csv::tasks(&rows, true)
            }
            ExportFormat::Xlsx => {
                // The tracking workbook is one plan's: choose it with --in.
                bail!(tr(ctx.lang).workspace(&Ws::PickOnePlan { plans: &ws.names() }))
            }
            ExportFormat::Ics => {
                let Some(first) = plans.first() else {
                    return Ok(Outcome::Clean);
                };
                let codes: Vec<&str> = plans
                    .iter()
                    .map(|m| m.loaded.plan.meta.code.as_str())
                    .collect();
                let rows: Vec<Row> = parts.into_iter().flat_map(|(_, r)| r.rows).collect();
                render::ics::calendar(
                    &first.loaded.plan,
                    &rows,
                    ctx.as_of,
                    ctx.lang,
                    &codes.join(" + "),
                )
            }
        }
    };
    match &args.output {
        Some(path) => {
            crate::edit::write_atomic(path, text.as_bytes())?;
            let shown = path.display().to_string();
            writeln!(
                err,
                "{}",
                tr(ctx.lang).edit(&crate::i18n::EditMsg::Wrote { path: &shown })
            )?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Outcome::Clean)
}

/// The exchange document a province hands upward (`export --format json --all-plans`,
/// documented in docs/json.md): the units registry, then each plan with its period, state
/// and every task as `show --format json` gives it, plus the links between plans.
pub fn exchange(
    ctx: &Ctx,
    ws: &Workspace,
    plans: &[&Member],
    f: &crate::cli::Filters,
) -> Result<Value> {
    let units = plans.first().map_or(vec![], |m| {
        m.loaded
            .plan
            .units
            .units
            .iter()
            .map(|u| {
                json!({
                    "id": u.id.value, "name": u.name, "short": u.short, "kind": u.kind.key(),
                    "aliases": u.aliases,
                    "members": u.members.iter().map(|m| &m.value).collect::<Vec<_>>(),
                    "started": render::json::date(u.started),
                    "ended": render::json::date(u.ended),
                    "successors": u.successors.iter().map(|s| &s.value).collect::<Vec<_>>(),
                })
            })
            .collect::<Vec<_>>()
    });
    let mut out_plans = vec![];
    for m in plans {
        let Some(r) = rows_of(ctx, m, f, true)? else {
            continue;
        };
        let meta = &m.loaded.plan.meta;
        let mut tasks = vec![];
        for row in &r.rows {
            let mut v = render::json::task(row);
            let bare = split(&row.id).1;
            if let Some(t) = m.loaded.plan.task(bare) {
                v["carried_from"] = json!(t.carry.from.as_ref().map(|l| &l.value));
                v["carried_to"] = json!(t.carry.to.as_ref().map(|l| &l.value));
                v["carried_on"] = render::json::date(t.carry.on.as_ref().map(|d| d.value));
            }
            tasks.push(v);
        }
        out_plans.push(json!({
            "name": m.name,
            "code": meta.code,
            "title": meta.title,
            "issued": render::json::date(meta.issued),
            "issuer": meta.issuer,
            "secretariat": meta.secretariat.as_ref().map(|s| &s.value),
            "report_day": meta.report_day,
            "before_is_inclusive": meta.before_is_inclusive,
            "period": {
                "start": render::json::date(meta.start()),
                "end": render::json::date(meta.period_end),
            },
            "closed_on": render::json::date(meta.closed_on),
            "state": if is_open(meta, ctx.as_of) { "open" } else { "closed" },
            "groups": meta.groups.iter().map(|g| json!({
                "id": g.id.value, "title": g.title,
                "parent": g.parent.as_ref().map(|p| &p.value), "declared": g.declared,
            })).collect::<Vec<_>>(),
            "tasks": tasks,
        }));
    }
    let total = total_counts(ctx, ws, plans);
    Ok(json!({
        "format": "tiendo-exchange",
        "version": 1,
        "as_of": render::json::date(Some(ctx.as_of)),
        "units": units,
        "plans": out_plans,
        "total": render::json::counts(&total),
    }))
}
