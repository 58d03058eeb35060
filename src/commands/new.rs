//! `tiendo new`: create a task file from flags, in canonical form, in its group's folder
//! (`tasks/<group>/<id>.toml`), refusing an id that exists or is not a safe file name and a
//! task `check` would find wrong. Also the write-and-commit steps `update` shares.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::NewArgs;
use crate::edit::{self, ChangedOnDisk, Lock, LockError, NewTask};
use crate::i18n::{EditMsg, Everyday, Tr, tr};
use crate::model::problem::{Problem, ProblemKind, Severity};

pub fn run(ctx: &Ctx, args: &NewArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let loaded = ctx.load()?;
    let plan = &loaded.plan;
    let id = args.id.trim();
    if let Err(why) = crate::model::id::check_safe(id) {
        let p = Problem::error(
            "",
            Default::default(),
            ProblemKind::UnsafeId {
                id: id.to_string(),
                why,
            },
        );
        bail!(tr.edit(&EditMsg::BadNewTask {
            why: &tr.problem(&p).0
        }));
    }
    if let Some(t) = plan.task(id) {
        bail!(tr.edit(&EditMsg::TaskExists { id, path: &t.file }));
    }
    let resolve = |names: &[String]| -> Result<Vec<String>> {
        names
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| super::resolve_unit(plan, n.trim()).map(|u| u.id.value.clone()))
            .collect()
    };
    let task = NewTask {
        id: id.to_string(),
        group: args.group.trim().to_string(),
        title: args.title.trim().to_string(),
        lead: resolve(&args.lead)?,
        support: resolve(&args.support)?,
        deadline: args.deadline.trim().to_string(),
        added: None,
    };
    // Beyond a declared count (of the group or an ancestor), the task is an added one: it
    // needs the document that adds it, and is recorded with it so the plan stays valid.
    let mut task = task;
    if let Some((group, declared)) = over_declared(plan, &task.group) {
        let Some(basis) = args.basis.as_deref().filter(|b| !b.trim().is_empty()) else {
            writeln!(
                err,
                "{}",
                tr.everyday(&Everyday::NewNeedsBasis {
                    id,
                    group: &group,
                    declared
                })
            )?;
            return Ok(Outcome::Findings);
        };
        task.added = Some((ctx.as_of, basis.to_string()));
        writeln!(
            err,
            "{}",
            tr.everyday(&Everyday::NewAdded {
                id,
                group: &group,
                declared
            })
        )?;
    }
    let task = task;
    let text = edit::new_task(&task);
    let rel = PathBuf::from("tasks")
        .join(&task.group)
        .join(format!("{id}.toml"));
    let path = ctx.plan_dir.join(&rel);
    let shown = crate::load::display_path(&ctx.plan_dir, &rel);
    if path.exists() {
        bail!(tr.edit(&EditMsg::TaskExists { id, path: &shown }));
    }
    // Judge the task as `check` would, in the plan it joins (group counts aside: a new task
    // is expected to change them until `declared` is updated).
    let (t, mut problems) = match crate::load::parse::<crate::load::RawTask>(&text, &shown) {
        Ok(raw) => crate::load::build_task(raw, &text, &shown),
        Err(p) => bail!(crate::render::problems::text(&[p], tr)),
    };
    let mut with = crate::load::Loaded {
        plan: loaded.plan.clone(),
        problems: vec![],
        ..loaded
    };
    with.plan.tasks.push(t);
    problems.extend(crate::check::run(&crate::check::Input::new(
        &with, ctx.as_of,
    )));
    let mut errors: Vec<Problem> = problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error && p.path == shown)
        .collect();
    crate::model::problem::sort(&mut errors);
    if !errors.is_empty() {
        writeln!(
            err,
            "{}",
            tr.edit(&EditMsg::Refused {
                path: &shown,
                errors: errors.len()
            })
        )?;
        write!(err, "{}", crate::render::problems::text(&errors, tr))?;
        return Ok(Outcome::Findings);
    }
    if args.dry_run {
        write!(out, "{text}")?;
        return Ok(Outcome::Clean);
    }
    let repo = if args.commit {
        Some(repo(ctx, tr)?)
    } else {
        None
    };
    no_link_on_the_way(&ctx.plan_dir, &path)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!(tr.everyday(&Everyday::CreateFailed {
                path: &dir.display().to_string(),
                why: &e.to_string()
            }))
        })?;
    }
    let _lock = lock(&path, &shown, tr)?;
    write(&ctx.plan_dir, &path, None, text.as_bytes(), &shown, tr)?;
    writeln!(out, "{}", tr.edit(&EditMsg::Wrote { path: &shown }))?;
    if let Some(repo) = repo {
        commit(
            &repo,
            &path,
            &tr.edit(&EditMsg::CommitNew { id }),
            &shown,
            tr,
        )?;
        writeln!(out, "{}", tr.edit(&EditMsg::Committed { path: &shown }))?;
    }
    Ok(Outcome::Clean)
}

/// The first of `group` and its ancestors whose declared count is already reached by the tasks
/// the plan declared (added tasks aside): (group, declared).
fn over_declared(plan: &crate::model::plan::Plan, group: &str) -> Option<(String, u32)> {
    let chain = plan.meta.ancestry(group);
    let ancestries = plan.meta.ancestries();
    chain.into_iter().find_map(|g| {
        let declared = plan.meta.group(g)?.declared?;
        let count = plan
            .tasks
            .iter()
            .filter(|t| !t.is_added())
            .filter(|t| {
                ancestries
                    .get(t.group.value.as_str())
                    .is_some_and(|c| c.contains(&g))
            })
            .count();
        (count >= declared as usize).then(|| (g.to_string(), declared))
    })
}

/// How long to wait for another tiendo editing the same file.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// Take the edit lock on `path`, saying in the user's language when another process holds it.
pub(super) fn lock(path: &Path, shown: &str, tr: &dyn Tr) -> Result<Lock> {
    Lock::acquire(path, LOCK_WAIT).map_err(|e| match e {
        LockError::Busy(_) => anyhow::anyhow!(tr.edit(&EditMsg::Locked { path: shown })),
        LockError::Io(p, e) => anyhow::anyhow!(tr.everyday(&Everyday::CreateFailed {
            path: &p.display().to_string(),
            why: &e.to_string()
        })),
    })
}

/// Refuse a write whose way from the plan folder down to `path` passes through a symbolic
/// link (`tasks/` or a group folder linked elsewhere): the walk does not follow such links, so
/// a write through one would land outside the plan, or in a file `check` never reads. Paths
/// outside the plan folder (files named to `fmt`) are not this rule's business.
pub(super) fn no_link_on_the_way(plan_dir: &Path, path: &Path) -> Result<()> {
    let Ok(rel) = path.strip_prefix(plan_dir) else {
        return Ok(());
    };
    let mut at = plan_dir.to_path_buf();
    for part in rel.parent().into_iter().flat_map(Path::components) {
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            bail!(
                "`{}` is a symbolic link; nothing is written through it",
                crate::text::for_terminal(&at.display().to_string())
            );
        }
    }
    Ok(())
}

/// Write `new` over `path` if it still holds `old` (see [`edit::write_checked`]), never
/// through a linked folder of the plan ([`no_link_on_the_way`]).
pub(super) fn write(
    plan_dir: &Path,
    path: &Path,
    old: Option<&[u8]>,
    new: &[u8],
    shown: &str,
    tr: &dyn Tr,
) -> Result<()> {
    no_link_on_the_way(plan_dir, path)?;
    edit::write_checked(path, old, new).map_err(|e| {
        if e.downcast_ref::<ChangedOnDisk>().is_some() {
            anyhow::anyhow!(tr.edit(&EditMsg::ChangedOnDisk { path: shown }))
        } else {
            anyhow::anyhow!(tr.everyday(&Everyday::WriteFailed {
                path: shown,
                why: &e.root_cause().to_string()
            }))
        }
    })
}

/// The repository that holds the plan, checked before anything is written: git installed,
/// the plan inside a repository, and an identity to commit with.
pub(super) fn repo(ctx: &Ctx, tr: &dyn Tr) -> Result<crate::git::Repo> {
    use crate::git::{Repo, Unavailable};
    let repo = match Repo::discover(&ctx.plan_dir) {
        Ok(r) => r,
        Err(Unavailable::NotARepo) => {
            bail!(tr.edit(&EditMsg::NotGitRepo {
                dir: &ctx.plan_dir.display().to_string()
            }))
        }
        Err(Unavailable::NoGit) => bail!(tr.everyday(&Everyday::CommitNeedsGit)),
        Err(e) => bail!(tr.unavailable(&e)),
    };
    if !repo.identity_known() {
        bail!(tr.everyday(&Everyday::CommitNeedsIdentity));
    }
    Ok(repo)
}

/// Commit just `path` (nothing else that is staged) with `message`.
pub(super) fn commit(
    repo: &crate::git::Repo,
    path: &Path,
    message: &str,
    shown: &str,
    tr: &dyn Tr,
) -> Result<()> {
    let failed = |why: String| {
        anyhow::anyhow!(tr.everyday(&Everyday::CommitFailed {
            path: shown,
            why: &why
        }))
    };
    let abs = std::fs::canonicalize(path).map_err(|e| failed(e.to_string()))?;
    repo.commit_file(&abs, message)
        .map_err(|e| failed(format!("{e:#}")))?;
    Ok(())
}
