//! One file per subcommand: load → compute → render → write. This module holds what they
//! share: the process environment read once by `main`, plan loading with problem reporting,
//! and resolving a UNIT argument.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::cli::{Cli, ColorArg, Command, Global, LangArg};
use crate::i18n::Lang;
use crate::load::{self, Loaded};
use crate::model::deadline::fold;
use crate::model::plan::{Plan, Unit};
use crate::model::problem::Severity;

pub mod check;
pub mod close;
pub mod completions;
pub mod diff;
pub mod export;
pub mod fmt;
pub mod import;
pub mod list;
pub mod log;
pub mod merge_driver;
pub mod new;
pub mod notice;
pub mod report;
pub mod returns;
pub mod review;
pub mod schema;
pub mod show;
pub mod summary;
pub mod units;
pub mod update;

/// How a command ended when it could run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Outcome {
    Clean = 0,
    Findings = 1,
}

/// Everything read from the process once: the clock, the folder, the terminal.
#[derive(Debug, Clone)]
pub struct Env {
    pub cwd: PathBuf,
    pub today: NaiveDate,
    pub stdout_tty: bool,
    pub no_color: bool,
    /// Width to fit output to: `COLUMNS` when set (piped output too), else the terminal's
    /// width when stdout is a terminal.
    pub width: Option<u16>,
}

impl Env {
    pub fn from_process() -> Env {
        use std::io::IsTerminal;
        let stdout_tty = std::io::stdout().is_terminal();
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|w| *w >= 20)
            .or_else(|| {
                if stdout_tty {
                    comfy_table::Table::new().width()
                } else {
                    None
                }
            });
        Env {
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            today: chrono::Local::now().date_naive(),
            stdout_tty,
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            width,
        }
    }
}

/// Settings every command gets.
pub struct Ctx {
    pub plan_dir: PathBuf,
    pub as_of: NaiveDate,
    /// `--as-of` was given (the report then judges as of it, not the window's end).
    pub as_of_given: bool,
    /// The real today (entries dated after it are errors; after `as_of` they are not yet).
    pub today: NaiveDate,
    pub lang: Lang,
    pub color: bool,
    pub width: Option<u16>,
    /// Use the parse and history caches (off with `--no-cache` / `TIENDO_NO_CACHE=1`).
    pub cache: bool,
}

impl Ctx {
    /// The whole plan, through the parse cache unless it is turned off.
    pub fn load(&self) -> Result<Loaded> {
        load::load_with(&self.plan_dir, self.cache)
    }
}

pub fn lang(g: &Global) -> Lang {
    match g.lang {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    }
}

pub fn run(cli: Cli, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    let g = &cli.global;
    let color = match g.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => env.stdout_tty && !env.no_color,
    };
    // Commands that need no plan run before the plan folder is looked for.
    match &cli.command {
        Command::Completions(a) => return completions::run(a, out),
        Command::Man => return completions::man(out, lang(g)),
        Command::Schema(a) => return schema::run(a, out),
        Command::MergeDriver(a) => return merge_driver::run(a, lang(g), err),
        _ => {}
    }
    let plan_dir = load::find_plan_dir(g.plan.as_deref(), &env.cwd).map_err(|e| {
        let (path, found) = match e {
            load::PlanDirError::NotAFolder(p) => (p, true),
            load::PlanDirError::NotFound(p) => (p, false),
        };
        let path = path.display().to_string();
        anyhow::anyhow!(crate::i18n::tr(lang(g)).lookup(&if found {
            crate::i18n::Lookup::NotAFolder { path }
        } else {
            crate::i18n::Lookup::NoPlanFolder { cwd: path }
        }))
    })?;
    // A closed plan: views judge it as of its closing day and say so once (issue 15).
    let mut as_of = g.as_of.unwrap_or(env.today);
    if matches!(
        cli.command,
        Command::List(_)
            | Command::Show(_)
            | Command::Summary(_)
            | Command::Units(_)
            | Command::Export(_)
    ) && let Some(day) = load::closed_on(&plan_dir).filter(|d| *d < as_of)
    {
        as_of = day;
        writeln!(
            err,
            "{}",
            crate::i18n::tr(lang(g)).timely(&crate::i18n::Timely::Closed { day })
        )?;
    }
    let ctx = Ctx {
        plan_dir,
        as_of,
        as_of_given: g.as_of.is_some(),
        today: env.today,
        lang: lang(g),
        color,
        width: if g.wide { None } else { env.width },
        cache: !g.no_cache,
    };
    match cli.command {
        Command::Check(a) => check::run(&ctx, &a, out),
        Command::List(a) => list::run(&ctx, &a, out, err),
        Command::Show(a) => show::run(&ctx, &a, out, err),
        Command::Summary(a) => summary::run(&ctx, &a, out, err),
        Command::Units(a) => units::run(&ctx, &a, out, err),
        Command::Report(a) => report::run(&ctx, &a, out, err),
        Command::Log(a) => log::run(&ctx, &a, out, err),
        Command::Diff(a) => diff::run(&ctx, &a, out, err),
        Command::Review(a) => review::run(&ctx, &a, out, err),
        Command::Update(a) => update::run(&ctx, &a, out, err),
        Command::New(a) => new::run(&ctx, &a, out, err),
        Command::Fmt(a) => fmt::run(&ctx, &a, out, err),
        Command::Export(a) => export::run(&ctx, &a, out, err),
        Command::Import(a) => import::run(&ctx, &a, out, err),
        Command::Close(a) => close::run(&ctx, &a, out, err),
        Command::Notice(a) => notice::run(&ctx, &a, out, err),
        Command::Returns(a) => returns::run(&ctx, &a, out, err),
        Command::Completions(_) | Command::Man | Command::Schema(_) | Command::MergeDriver(_) => {
            unreachable!("handled before the plan is loaded")
        }
    }
}

/// Load the plan for a view: problems do not stop it, but errors are announced on stderr so
/// nobody reads a table built from a broken plan without knowing; first, one line per task
/// file that does not load (the view lacks that task).
pub fn load_for_view(ctx: &Ctx, err: &mut dyn Write) -> Result<Loaded> {
    let loaded = ctx.load()?;
    announce_unreadable(ctx, &loaded, err)?;
    let errors = plan_errors(ctx, &loaded, ctx.as_of);
    if errors > 0 {
        writeln!(err, "{}", crate::i18n::tr(ctx.lang).plan_has_errors(errors))?;
    }
    Ok(loaded)
}

// ---- everyday use (issue 13): a pager for the views ----

/// Does this command's output go through a pager on a terminal (the read-only views)?
pub fn pages(cmd: &Command) -> bool {
    matches!(
        cmd,
        Command::Check(_)
            | Command::List(_)
            | Command::Show(_)
            | Command::Summary(_)
            | Command::Units(_)
            | Command::Report(_)
            | Command::Log(_)
            | Command::Diff(_)
            | Command::Review(_)
    )
}

// ---- everyday use (issue 13): task files that do not load are said, not dropped ----

/// The first error of each task file that did not load into a task, in path order.
pub fn unreadable_tasks(loaded: &Loaded) -> Vec<&crate::model::problem::Problem> {
    let loaded_files: std::collections::BTreeSet<&str> =
        loaded.plan.tasks.iter().map(|t| t.file.as_str()).collect();
    let mut seen = std::collections::BTreeSet::new();
    loaded
        .problems
        .iter()
        .filter(|p| {
            p.severity == Severity::Error
                && p.path.ends_with(".toml")
                && p.path.contains("tasks/")
                && !loaded_files.contains(p.path.as_str())
                && seen.insert(p.path.clone())
        })
        .collect()
}

/// "plan/tasks/9.1/9.1.4.toml:3:9" (no line when the problem has none).
fn location(p: &crate::model::problem::Problem) -> String {
    if p.pos.line > 0 {
        format!("{}:{}:{}", p.path, p.pos.line, p.pos.col)
    } else {
        p.path.clone()
    }
}

/// One line on stderr per task file that does not load, before anything else is shown.
pub fn announce_unreadable(ctx: &Ctx, loaded: &Loaded, err: &mut dyn Write) -> Result<()> {
    let tr = crate::i18n::tr(ctx.lang);
    for p in unreadable_tasks(loaded) {
        let why = tr.problem(p).0;
        writeln!(
            err,
            "{}",
            tr.everyday(&crate::i18n::Everyday::UnreadableTask {
                location: &location(p),
                why: &why
            })
        )?;
    }
    Ok(())
}

/// `Err` saying that `id`'s file is there but does not load, when that is why the plan lacks
/// the task (its file is named `<id>.toml`, compared without regard to case); else `Ok`.
pub fn unreadable_task(loaded: &Loaded, id: &str, tr: &dyn crate::i18n::Tr) -> Result<()> {
    for p in unreadable_tasks(loaded) {
        let stem = p
            .path
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".toml"))
            .unwrap_or_default();
        if stem.eq_ignore_ascii_case(id) {
            bail!(tr.everyday(&crate::i18n::Everyday::TaskUnreadable {
                id: stem,
                location: &location(p),
                why: &tr.problem(p).0
            }));
        }
    }
    Ok(())
}

/// Errors in the plan (loading and every rule). A view or report as of a past day is not
/// broken by entries made since, so rules judge as of the later of today and `as_of`.
pub fn plan_errors(ctx: &Ctx, loaded: &Loaded, as_of: NaiveDate) -> usize {
    let rules = crate::check::run(&crate::check::Input::new(loaded, as_of.max(ctx.today)));
    loaded
        .problems
        .iter()
        .chain(&rules)
        .filter(|p| p.severity == Severity::Error)
        .count()
}

/// The repository holding the plan, or an error that says why there is no history.
pub fn open_repo(ctx: &Ctx) -> Result<crate::git::Repo> {
    discover_repo(ctx).map_err(|e| anyhow::anyhow!(crate::i18n::tr(ctx.lang).unavailable(&e)))
}

/// The repository holding the plan, with the history cache unless caches are turned off.
pub fn discover_repo(ctx: &Ctx) -> Result<crate::git::Repo, crate::git::Unavailable> {
    let mut repo = crate::git::Repo::discover(&ctx.plan_dir)?;
    if ctx.cache {
        repo.blobs = crate::cache::Blobs::for_plan(&ctx.plan_dir).map(std::sync::Arc::new);
    }
    Ok(repo)
}

/// Resolve a UNIT argument (messages in Vietnamese); see [`resolve_unit_in`].
pub fn resolve_unit<'a>(plan: &'a Plan, arg: &str) -> Result<&'a Unit> {
    resolve_unit_in(plan, arg, Lang::Vi)
}

/// Resolve a UNIT argument: an id, the official name, the short label or any alias, matched
/// without regard to case, diacritics or spacing. Nothing else picks a unit: a prefix, a part
/// of a name or a misspelling ("sở tài chánh", "Sở TT và TT", "so ttt") is refused with the
/// nearest units as suggestions, with or without diacritics alike.
pub fn resolve_unit_in<'a>(plan: &'a Plan, arg: &str, lang: Lang) -> Result<&'a Unit> {
    use crate::i18n::Lookup;
    let tr = crate::i18n::tr(lang);
    let reg = &plan.units;
    if let Some(u) = reg.get(arg) {
        return Ok(u);
    }
    let exact = reg.by_spelling(arg);
    match exact.len() {
        1 => return Ok(exact[0]),
        n if n > 1 => bail!(
            tr.lookup(&Lookup::AmbiguousUnit {
                arg: arg.to_string(),
                candidates: exact
                    .iter()
                    .map(|u| format!("{} ({})", u.id.value, u.name))
                    .collect(),
            })
        ),
        _ => {}
    }
    bail!(
        tr.lookup(&Lookup::UnknownUnit {
            arg: arg.to_string(),
            near: unit_suggestions(plan, arg)
                .into_iter()
                .map(|u| format!("{} ({})", u.id.value, u.name))
                .collect(),
        })
    )
}

/// A spelling reduced to its letters and digits, diacritics folded, "và"/"and" dropped (so
/// "Sở TT và TT", "Sở TT&TT" and "so tt-tt" meet).
fn skeleton(s: &str) -> String {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "va" && *w != "and")
        .collect()
}

/// The units nearest to a spelling that names none: every unit a part of whose spellings the
/// argument is, and those within a small edit distance of one of their spellings (compared as
/// [`skeleton`]s, so diacritics, case, spacing and "và"/"&" do not matter), nearest first.
pub fn unit_suggestions<'a>(plan: &'a Plan, arg: &str) -> Vec<&'a Unit> {
    let key = skeleton(arg);
    if key.is_empty() {
        return vec![];
    }
    let limit = (key.chars().count() / 4).max(2);
    let mut scored: Vec<(usize, usize, &Unit)> = vec![];
    for (i, u) in plan.units.units.iter().enumerate() {
        let best = std::iter::once(&u.id.value)
            .chain(std::iter::once(&u.name))
            .chain(u.short.iter())
            .chain(u.aliases.iter())
            .map(|s| {
                let s = skeleton(s);
                if (key.len() >= 3 && s.contains(&key)) || s.starts_with(&key) {
                    0
                } else {
                    crate::text::distance(&key, &s)
                }
            })
            .min()
            .unwrap_or(usize::MAX);
        if best <= limit {
            scored.push((best, i, u));
        }
    }
    scored.sort_by_key(|(d, i, _)| (*d, *i));
    scored.into_iter().take(5).map(|(_, _, u)| u).collect()
}

pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

pub fn describe_error(e: &anyhow::Error, lang: Lang) -> String {
    let head = match lang {
        Lang::Vi => "tiendo: lỗi",
        Lang::En => "tiendo: error",
    };
    let mut s = format!("{head}: {e}");
    for cause in e.chain().skip(1) {
        s.push_str(&format!(": {cause}"));
    }
    s
}
