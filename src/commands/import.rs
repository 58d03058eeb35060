//! `tiendo import FILE`: turn a table shaped like the plan's appendix (read by
//! [`crate::appendix`]) into one task file per row, in canonical form ([`edit::new_task`]).
//!
//! All or nothing: every row is placed, every unit spelling resolved through the registry and
//! every new task judged by `check` before the first byte is written. Unknown spellings are
//! listed with the nearest units; `--allow-new-units` adds them to `units.toml` (kind `other`,
//! to be completed by hand) instead. `--dry-run` lists what would be written.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use super::{Ctx, Outcome};
use crate::appendix::{self, Issue, Named};
use crate::cli::ImportArgs;
use crate::edit::{self, FileKind, NewTask};
use crate::i18n::{EditMsg, ImportMsg, Label, Tr, tr};
use crate::load::display_path;
use crate::model::deadline::fold;
use crate::model::plan::{Located, Plan, Registry, Unit, UnitKind};
use crate::model::problem::{Problem, Severity};

/// A unit spelling no unit claims, with where it appears.
struct Unknown {
    spelling: String,
    lines: Vec<usize>,
}

pub fn run(
    ctx: &Ctx,
    args: &ImportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let file = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| format!("failed to read `{file}`"))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        bail!(tr.import_msg(&ImportMsg::NotUtf8 { path: &file }));
    };
    let table = appendix::parse(text);
    let loaded = ctx.load()?;
    let plan = &loaded.plan;

    let mut findings: Vec<String> = vec![];
    let at = |line: usize, m: ImportMsg<'_>| format!("{file}:{line}: {}", tr.import_msg(&m));
    for issue in &table.issues {
        findings.push(match issue {
            Issue::Unreadable { line, stt } => at(*line, ImportMsg::Unreadable { stt }),
            Issue::NoGroup { line, stt } => at(*line, ImportMsg::NoGroup { stt }),
            Issue::NothingToContinue { line } => at(*line, ImportMsg::NothingToContinue),
        });
    }
    if table.rows.is_empty() && table.issues.is_empty() {
        findings.push(tr.import_msg(&ImportMsg::NoRows { path: &file }));
    }

    // Place each row: its group exists, its id is new.
    let groups: Vec<&str> = plan
        .meta
        .groups
        .iter()
        .map(|g| g.id.value.as_str())
        .collect();
    let mut first_line: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &table.rows {
        if !groups.contains(&r.group.as_str()) {
            findings.push(at(
                r.line,
                ImportMsg::UnknownGroup {
                    group: &r.group,
                    all: &groups.join(", "),
                },
            ));
        }
        if let Some(first) = first_line.insert(&r.id, r.line) {
            findings.push(at(
                r.line,
                ImportMsg::DuplicateRow {
                    id: &r.id,
                    first_line: first,
                },
            ));
        }
        let existing = plan.task(&r.id).map(|t| t.file.clone()).or_else(|| {
            let rel = task_rel(&r.group, &r.id);
            ctx.plan_dir
                .join(&rel)
                .exists()
                .then(|| display_path(&ctx.plan_dir, &rel))
        });
        if let Some(path) = existing {
            findings.push(at(
                r.line,
                ImportMsg::TaskExists {
                    id: &r.id,
                    path: &path,
                },
            ));
        }
    }

    // Resolve unit cells.
    let mut unknown: BTreeMap<String, Unknown> = BTreeMap::new();
    let mut order: Vec<String> = vec![];
    let mut cells: Vec<(Vec<Named>, Vec<Named>)> = vec![];
    for r in &table.rows {
        let lead = appendix::split_units(&plan.units, &r.lead);
        let support = appendix::split_units(&plan.units, &r.support);
        if lead.is_empty() {
            findings.push(at(r.line, ImportMsg::NoLead { id: &r.id }));
        }
        for n in lead.iter().chain(&support) {
            match n {
                Named::Unit(_) => {}
                Named::Unknown(s) => {
                    let key = fold(s);
                    let entry = unknown.entry(key.clone()).or_insert_with(|| {
                        order.push(key);
                        Unknown {
                            spelling: s.clone(),
                            lines: vec![],
                        }
                    });
                    if !entry.lines.contains(&r.line) {
                        entry.lines.push(r.line);
                    }
                }
                Named::Ambiguous(s, ids) => findings.push(at(
                    r.line,
                    ImportMsg::AmbiguousSpelling {
                        spelling: s,
                        units: &ids.join(", "),
                    },
                )),
            }
        }
        cells.push((lead, support));
    }
    let mut new_units: Vec<Unit> = vec![];
    let mut new_ids: BTreeMap<String, String> = BTreeMap::new();
    if args.allow_new_units {
        for key in &order {
            let u = &unknown[key];
            let taken = |id: &str| {
                plan.units.get(id).is_some() || new_units.iter().any(|n| n.id.value == id)
            };
            let id = appendix::new_unit_id(&u.spelling, &taken);
            new_ids.insert(key.clone(), id.clone());
            new_units.push(Unit {
                id: Located::new(id, Default::default()),
                name: u.spelling.clone(),
                short: None,
                aliases: vec![],
                kind: UnitKind::Other,
                members: vec![],
                ended: None,
                started: None,
                successors: vec![],
                took_over: None,
                note: None,
            });
        }
    } else {
        for key in &order {
            let u = &unknown[key];
            let lines: Vec<String> = u.lines.iter().map(usize::to_string).collect();
            findings.push(format!(
                "{file}:{}: {}",
                u.lines[0],
                tr.import_msg(&ImportMsg::UnknownSpelling {
                    spelling: &u.spelling,
                    lines: &lines.join(", "),
                    near: &nearest(&plan.units, &u.spelling).join(", "),
                })
            ));
        }
    }
    let to_ids = |named: &[Named]| -> Vec<String> {
        named
            .iter()
            .filter_map(|n| match n {
                Named::Unit(id) => Some(id.clone()),
                Named::Unknown(s) => new_ids.get(&fold(s)).cloned(),
                Named::Ambiguous(..) => None,
            })
            .fold(vec![], |mut v, id| {
                if !v.contains(&id) {
                    v.push(id);
                }
                v
            })
    };

    // The files, judged by `check` in the plan they join.
    let mut files: Vec<(PathBuf, String, String)> = vec![];
    for (r, (lead, support)) in table.rows.iter().zip(&cells) {
        let task = NewTask {
            id: r.id.clone(),
            group: r.group.clone(),
            title: r.title.clone(),
            lead: to_ids(lead),
            support: to_ids(support),
            deadline: r.deadline.clone(),
            added: None,
        };
        let rel = task_rel(&r.group, &r.id);
        let shown = display_path(&ctx.plan_dir, &rel);
        files.push((rel, shown, edit::new_task(&task)));
    }
    if findings.is_empty() {
        let refused = judge(ctx, &loaded, &new_units, &files, tr);
        findings.extend(refused);
    }
    if !findings.is_empty() {
        for f in &findings {
            writeln!(err, "{f}")?;
        }
        if !unknown.is_empty() && !args.allow_new_units {
            writeln!(err, "{}", tr.import_msg(&ImportMsg::AllowNewUnitsHint))?;
        }
        writeln!(
            err,
            "{}",
            tr.import_msg(&ImportMsg::NothingWritten {
                problems: findings.len()
            })
        )?;
        return Ok(Outcome::Findings);
    }

    let units_shown = display_path(&ctx.plan_dir, std::path::Path::new("units.toml"));
    if args.dry_run {
        for u in &new_units {
            writeln!(
                out,
                "{units_shown}: {}",
                tr.import_msg(&ImportMsg::NewUnit {
                    id: &u.id.value,
                    name: &u.name
                })
            )?;
        }
        let list = |named: &[Named]| match to_ids(named).join(", ") {
            s if s.is_empty() => tr.label(Label::None).to_string(),
            s => s,
        };
        for ((_, shown, _), (r, (lead, support))) in files.iter().zip(table.rows.iter().zip(&cells))
        {
            writeln!(
                out,
                "{shown}  {}: {}  {}: {}  {}: {}",
                tr.label(Label::Lead),
                list(lead),
                tr.label(Label::Support),
                list(support),
                tr.label(Label::Deadline),
                r.deadline
            )?;
        }
        writeln!(
            out,
            "{}",
            tr.import_msg(&ImportMsg::WouldWrite {
                tasks: files.len(),
                units: new_units.len()
            })
        )?;
        return Ok(Outcome::Clean);
    }

    if !new_units.is_empty() {
        let path = ctx.plan_dir.join("units.toml");
        let _lock = super::new::lock(&path, &units_shown, tr)?;
        let old =
            std::fs::read(&path).with_context(|| format!("failed to read `{units_shown}`"))?;
        let original = edit::Original::from_bytes(old.clone(), &units_shown)
            .map_err(|p| anyhow::anyhow!(crate::render::problems::text(&[p], tr)))?;
        let text = append_units(&original.text, &new_units)?;
        super::new::write(
            &ctx.plan_dir,
            &path,
            Some(&old),
            &original.encode(&text),
            &units_shown,
            tr,
        )?;
        writeln!(out, "{}", tr.edit(&EditMsg::Wrote { path: &units_shown }))?;
    }
    for (rel, shown, text) in &files {
        let path = ctx.plan_dir.join(rel);
        if let Some(dir) = path.parent() {
            super::new::no_link_on_the_way(&ctx.plan_dir, &path)?;
            std::fs::create_dir_all(dir)
                .with_context(|| format!("failed to create `{}`", dir.display()))?;
        }
        let _lock = super::new::lock(&path, shown, tr)?;
        super::new::write(&ctx.plan_dir, &path, None, text.as_bytes(), shown, tr)?;
        writeln!(out, "{}", tr.edit(&EditMsg::Wrote { path: shown }))?;
    }
    writeln!(
        out,
        "{}",
        tr.import_msg(&ImportMsg::Imported {
            tasks: files.len(),
            units: new_units.len()
        })
    )?;
    Ok(Outcome::Clean)
}

fn task_rel(group: &str, id: &str) -> PathBuf {
    PathBuf::from("tasks")
        .join(group)
        .join(format!("{id}.toml"))
}

/// The nearest units to a spelling: `id (name)`, at most three.
fn nearest(reg: &Registry, spelling: &str) -> Vec<String> {
    let spellings: Vec<(String, &Unit)> = reg
        .units
        .iter()
        .flat_map(|u| {
            std::iter::once(&u.name)
                .chain(u.short.iter())
                .chain(u.aliases.iter())
                .map(move |s| (fold(s), u))
        })
        .collect();
    let key = fold(spelling);
    let near = crate::text::nearest(&key, spellings.iter().map(|(s, _)| s.as_str()), 8);
    let mut out: Vec<String> = vec![];
    for s in near {
        if let Some((_, u)) = spellings.iter().find(|(k, _)| k == s) {
            let label = format!("{} ({})", u.id.value, u.name);
            if !out.contains(&label) {
                out.push(label);
            }
        }
    }
    out.truncate(3);
    out
}

/// Errors `check` finds in the new files, in the plan with the new units and tasks added.
fn judge(
    ctx: &Ctx,
    loaded: &crate::load::Loaded,
    new_units: &[Unit],
    files: &[(PathBuf, String, String)],
    tr: &dyn Tr,
) -> Vec<String> {
    let mut plan: Plan = loaded.plan.clone();
    if !new_units.is_empty() {
        let mut units = plan.units.units.clone();
        units.extend(new_units.iter().cloned());
        plan.units = Registry::new(plan.units.file.clone(), units);
    }
    let mut problems: Vec<Problem> = vec![];
    for (_, shown, text) in files {
        match crate::load::parse::<crate::load::RawTask>(text, shown) {
            Ok(raw) => {
                let (t, p) = crate::load::build_task(raw, text, shown);
                problems.extend(p);
                plan.tasks.push(t);
            }
            Err(p) => problems.push(p),
        }
    }
    let with = crate::load::Loaded {
        plan,
        problems: vec![],
        files: loaded.files + files.len(),
        all_tasks_loaded: loaded.all_tasks_loaded,
        units_loaded: loaded.units_loaded,
    };
    problems.extend(crate::check::run(&crate::check::Input::new(
        &with, ctx.as_of,
    )));
    let mut errors: Vec<Problem> = problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error && files.iter().any(|(_, s, _)| *s == p.path))
        .collect();
    crate::model::problem::sort(&mut errors);
    if errors.is_empty() {
        return vec![];
    }
    vec![
        crate::render::problems::text(&errors, tr)
            .trim_end()
            .to_string(),
    ]
}

/// `units.toml` with `[[unit]]` tables appended for the new units (kind `other`).
fn append_units(text: &str, units: &[Unit]) -> Result<String> {
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .context("units.toml does not parse; run `tiendo check`")?;
    let root = doc.as_table_mut();
    if !root.contains_key("unit") {
        root.insert(
            "unit",
            toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()),
        );
    }
    let Some(array) = root
        .get_mut("unit")
        .and_then(toml_edit::Item::as_array_of_tables_mut)
    else {
        bail!("units.toml: `unit` is not an array of tables; run `tiendo check`");
    };
    for u in units {
        let mut t = toml_edit::Table::new();
        t.insert("id", toml_edit::value(u.id.value.as_str()));
        t.insert("name", toml_edit::value(u.name.as_str()));
        t.insert("kind", toml_edit::value(u.kind.key()));
        array.push(t);
    }
    let text = doc.to_string();
    Ok(edit::format(&text, FileKind::Units).unwrap_or(text))
}
