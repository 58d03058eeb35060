//! The only module that runs `git`, and the pure parser of what it prints.
//!
//! One process per question: `git log -z` with an explicit format for history, one
//! `git cat-file --batch` for the contents of many files at many revisions. Revisions typed
//! by users are validated and passed after `--end-of-options`, so they can never become
//! options. Everything git prints is parsed by pure functions unit-tested on captured output.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, FixedOffset};

/// A repository that holds the plan folder.
#[derive(Debug, Clone)]
pub struct Repo {
    pub root: PathBuf,
    /// The plan folder relative to the root, `/`-separated, with a trailing `/` (empty at root).
    pub plan_prefix: String,
    /// The history cache (parsed task versions by blob id), when in use.
    pub blobs: Option<std::sync::Arc<crate::cache::Blobs>>,
}

/// Why history is not available.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    NoGit,
    NotARepo,
    /// A shallow clone: history starts at this commit date.
    Shallow {
        since: String,
    },
    NoCommits,
}

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unavailable::NoGit => write!(f, "git is not installed (or not on PATH)"),
            Unavailable::NotARepo => write!(f, "the plan folder is not inside a git repository"),
            Unavailable::Shallow { since } => write!(
                f,
                "this is a shallow clone: history only goes back to {since}; run `git fetch --unshallow`"
            ),
            Unavailable::NoCommits => write!(f, "the repository has no commits yet"),
        }
    }
}

impl std::error::Error for Unavailable {}

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(dir);
    c.args([
        "-c",
        "core.quotePath=false",
        "-c",
        "log.showSignature=false",
        "-c",
        "color.ui=false",
    ]);
    c.env("GIT_PAGER", "cat").env_remove("GIT_EXTERNAL_DIFF");
    // The repository is the one that holds the plan folder, found from `-C dir`, whatever
    // the caller's environment says: git sets GIT_DIR (and GIT_INDEX_FILE, GIT_WORK_TREE…)
    // for hooks, and an inherited GIT_DIR of another worktree made `log`/`review` see an
    // empty history. These are the variables `git rev-parse --local-env-vars` lists, plus
    // the ones that would redirect objects or refs.
    for var in INHERITED_GIT_ENV {
        c.env_remove(var);
    }
    c
}

/// Variables that point git at another repository, index, object store or ref namespace.
pub const INHERITED_GIT_ENV: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_IMPLICIT_WORK_TREE",
    "GIT_GRAFT_FILE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_REPLACE_REF_BASE",
    "GIT_PREFIX",
    "GIT_SHALLOW_FILE",
    "GIT_NAMESPACE",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_QUARANTINE_PATH",
];

/// Run git and return stdout; on failure say which command, where, and what git said.
fn run(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let out = git(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .with_context(|| {
            format!(
                "failed to run `git {}` in `{}`",
                args.join(" "),
                dir.display()
            )
        })?;
    if !out.status.success() {
        bail!(
            "`git {}` failed in `{}`: {}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}

impl Repo {
    /// Find the repository holding `plan_dir`. Distinguishes no git, no repository, a shallow
    /// clone and an empty repository, so commands can say which.
    pub fn discover(plan_dir: &Path) -> Result<Repo, Unavailable> {
        let out = match git(plan_dir)
            .args([
                "rev-parse",
                "--show-toplevel",
                "--show-prefix",
                "--is-shallow-repository",
            ])
            .stdin(Stdio::null())
            .output()
        {
            Ok(o) => o,
            Err(_) => return Err(Unavailable::NoGit),
        };
        if !out.status.success() {
            return Err(Unavailable::NotARepo);
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        let root = PathBuf::from(lines.next().unwrap_or_default());
        let prefix = lines.next().unwrap_or_default().to_string();
        let shallow = lines.next() == Some("true");
        let repo = Repo {
            root,
            plan_prefix: prefix,
            blobs: None,
        };
        if run(&repo.root, &["rev-parse", "--verify", "--quiet", "HEAD"]).is_err() {
            return Err(Unavailable::NoCommits);
        }
        if shallow {
            let since = run(
                &repo.root,
                &[
                    "log",
                    "-1",
                    "--format=%cs",
                    "--reverse",
                    "--max-parents=0",
                    "HEAD",
                ],
            )
            .ok()
            .and_then(|o| {
                // The shallow boundary is the oldest commit we have.
                let s = String::from_utf8_lossy(&o).trim().to_string();
                (!s.is_empty()).then_some(s)
            })
            .or_else(|| {
                run(&repo.root, &["log", "--format=%cs"])
                    .ok()
                    .and_then(|o| {
                        String::from_utf8_lossy(&o)
                            .lines()
                            .last()
                            .map(str::to_string)
                    })
            })
            .unwrap_or_else(|| "?".into());
            return Err(Unavailable::Shallow { since });
        }
        Ok(repo)
    }

    /// Path of a plan-relative file from the repository root.
    pub fn in_repo(&self, plan_rel: &str) -> String {
        format!("{}{}", self.plan_prefix, plan_rel)
    }

    /// Validate a revision argument and resolve it to a full commit id.
    pub fn resolve(&self, rev: &str) -> Result<String> {
        check_rev(rev)?;
        let out = run(
            &self.root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                &format!("{rev}^{{commit}}"),
            ],
        )
        .with_context(|| format!("`{rev}` is not a commit in this repository"))?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    pub fn merge_base(&self, a: &str, b: &str) -> Result<String> {
        let out = run(&self.root, &["merge-base", "--end-of-options", a, b])?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    /// The upstream of the current branch, if one is set.
    pub fn upstream(&self) -> Option<String> {
        run(
            &self.root,
            &[
                "rev-parse",
                "--abbrev-ref",
                "--symbolic-full-name",
                "@{upstream}",
            ],
        )
        .ok()
        .map(|o| String::from_utf8_lossy(&o).trim().to_string())
        .filter(|s| !s.is_empty())
    }

    /// Commits that touched `paths` (repository-relative), newest first, first parent only
    /// (merges show the change they brought in). `follow` follows one file across renames.
    pub fn log(
        &self,
        paths: &[String],
        follow: bool,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<Commit>> {
        self.log_from("HEAD", paths, follow, since, until)
    }

    /// [`Repo::log`] from a given commit instead of HEAD (`report --at REV`).
    pub fn log_from(
        &self,
        rev: &str,
        paths: &[String],
        follow: bool,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<Commit>> {
        check_rev(rev)?;
        let mut args: Vec<String> = vec![
            "log".into(),
            "-z".into(),
            // --raw names the old and new blob of every changed file, so contents are fetched
            // by object id: no tree walk per file, and a blob shared by two commits is read once.
            // (Abbreviated ids: git keeps them unique, and `--no-abbrev` would lengthen %h too.)
            "--raw".into(),
            format!("--format={LOG_FORMAT}"),
        ];
        if follow {
            // --follow tracks one file across renames (and needs rename detection).
            args.extend(["-M".into(), "--follow".into()]);
        } else {
            // First parent only, so a merge shows the change it brought in. No rename
            // detection: it doubles the cost, and a renumbered task is recognised by its text
            // (history::diff_plans) from the deletion and addition alone.
            args.extend(["--no-renames".into(), "--first-parent".into()]);
        }
        if let Some(s) = since {
            args.push(format!("--since={s}"));
        }
        if let Some(u) = until {
            args.push(format!("--until={u}"));
        }
        args.push("--end-of-options".into());
        args.push(rev.into());
        args.push("--".into());
        args.extend(paths.iter().cloned());
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&self.root, &refs)?;
        Ok(parse_log(&out))
    }

    /// The last commit that changed `path` (repository-relative; the whole repository when
    /// empty), and whether the working tree has uncommitted changes there: what a report was
    /// judged from. Two git processes.
    pub fn basis(&self, path: &str) -> Result<(Option<String>, bool)> {
        let path = if path.is_empty() { "." } else { path };
        let out = run(
            &self.root,
            &[
                "log",
                "-1",
                "--format=%H",
                "--end-of-options",
                "HEAD",
                "--",
                path,
            ],
        )?;
        let commit = String::from_utf8_lossy(&out).trim().to_string();
        let status = run(
            &self.root,
            &[
                "status",
                "--porcelain",
                "-z",
                "--untracked-files=all",
                "--",
                path,
            ],
        )?;
        Ok(((!commit.is_empty()).then_some(commit), !status.is_empty()))
    }

    /// Every file under `dir` (repository-relative) at a revision.
    pub fn ls_tree(&self, rev: &str, dir: &str) -> Result<Vec<String>> {
        let out = run(
            &self.root,
            &[
                "ls-tree",
                "-r",
                "-z",
                "--name-only",
                "--end-of-options",
                rev,
                "--",
                dir,
            ],
        )?;
        Ok(out
            .split(|&b| b == 0)
            .filter(|s| !s.is_empty())
            .map(|s| String::from_utf8_lossy(s).to_string())
            .collect())
    }

    /// Every file under `dir` (repository-relative) at a revision, with its full blob id.
    pub fn ls_tree_blobs(&self, rev: &str, dir: &str) -> Result<Vec<(String, String)>> {
        let out = run(
            &self.root,
            &["ls-tree", "-r", "-z", "--end-of-options", rev, "--", dir],
        )?;
        Ok(parse_ls_tree(&out))
    }

    /// Start `git cat-file MODE` and feed it one object name a line from a thread, so a large
    /// answer cannot deadlock against our writes. A name with a line break is not sent: the
    /// callers answer `None` for it without reading a line.
    fn cat_file(
        &self,
        mode: &[&str],
        specs: &[String],
    ) -> Result<(std::process::Child, std::thread::JoinHandle<()>)> {
        let mut child = git(&self.root)
            .arg("cat-file")
            .args(mode)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| {
                format!(
                    "failed to run `git cat-file {}` in `{}`",
                    mode.join(" "),
                    self.root.display()
                )
            })?;
        let mut stdin = child.stdin.take().context("git cat-file: no stdin")?;
        let input: String = specs
            .iter()
            .filter(|s| !s.contains('\n'))
            .map(|s| format!("{s}\n"))
            .collect();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        Ok((child, writer))
    }

    /// Full object ids of many object names (`rev:path`, abbreviated ids) through one
    /// `git cat-file --batch-check`; `None` for a name that names no object (or several).
    pub fn object_ids(&self, specs: &[String]) -> Result<Vec<Option<String>>> {
        if specs.is_empty() {
            return Ok(vec![]);
        }
        let (mut child, writer) = self.cat_file(&["--batch-check"], specs)?;
        let mut text = String::new();
        child
            .stdout
            .take()
            .context("git cat-file: no stdout")?
            .read_to_string(&mut text)
            .context("git cat-file: answer cut short")?;
        let _ = writer.join();
        let _ = child.wait();
        let mut lines = text.lines();
        Ok(specs
            .iter()
            .map(|s| {
                if s.contains('\n') {
                    return None;
                }
                let line = lines.next()?;
                let mut parts = line.split_whitespace();
                let id = parts.next()?;
                let kind = parts.next()?;
                let known = matches!(kind, "blob" | "tree" | "commit" | "tag");
                (known && id.len() >= 40 && id.bytes().all(|b| b.is_ascii_hexdigit()))
                    .then(|| id.to_string())
            })
            .collect())
    }

    /// Contents of many `rev:path` objects through one `git cat-file --batch`; `None` for an
    /// object that does not exist (a file added or deleted by a commit).
    pub fn cat_files(&self, specs: &[String]) -> Result<Vec<Option<Vec<u8>>>> {
        if specs.is_empty() {
            return Ok(vec![]);
        }
        let (mut child, writer) = self.cat_file(&["--batch"], specs)?;
        let mut reader = BufReader::new(child.stdout.take().context("git cat-file: no stdout")?);
        let mut out = Vec::with_capacity(specs.len());
        for spec in specs {
            if spec.contains('\n') {
                out.push(None);
                continue;
            }
            let mut header = String::new();
            reader
                .read_line(&mut header)
                .context("git cat-file: answer cut short")?;
            match parse_batch_header(&header) {
                Some(size) => {
                    let mut buf = vec![0; size];
                    reader
                        .read_exact(&mut buf)
                        .context("git cat-file: object cut short")?;
                    let mut nl = [0u8; 1];
                    reader
                        .read_exact(&mut nl)
                        .context("git cat-file: object cut short")?;
                    out.push(Some(buf));
                }
                None => out.push(None),
            }
        }
        let _ = writer.join();
        let _ = child.wait();
        Ok(out)
    }

    /// Commit just `files` (nothing else that is staged) as one commit; returns the short hash.
    pub fn commit_files(&self, files: &[&Path], message: &str) -> Result<String> {
        let mut args: Vec<String> = vec!["add".into(), "--".into()];
        args.extend(files.iter().map(|f| f.to_string_lossy().to_string()));
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        run(&self.root, &refs)?;
        let mut args: Vec<String> = ["commit", "--quiet", "-m", message, "--"]
            .map(String::from)
            .to_vec();
        args.extend(files.iter().map(|f| f.to_string_lossy().to_string()));
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        run(&self.root, &refs)?;
        let out = run(&self.root, &["rev-parse", "--short", "HEAD"])?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    /// Does git know who commits here (name and email, from config or environment)? Asked
    /// before anything is written, so a commit cannot fail on it after the file changed.
    pub fn identity_known(&self) -> bool {
        ["GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"].iter().all(|v| {
            git(&self.root)
                .args(["var", v])
                .stdin(Stdio::null())
                .output()
                .is_ok_and(|o| o.status.success())
        })
    }

    /// Commit just `file` with `message`; returns the short hash.
    pub fn commit_file(&self, file: &Path, message: &str) -> Result<String> {
        let f = file.to_string_lossy().to_string();
        run(&self.root, &["add", "--", &f])?;
        run(&self.root, &["commit", "--quiet", "-m", message, "--", &f])?;
        let out = run(&self.root, &["rev-parse", "--short", "HEAD"])?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }
}

/// Refuse revision arguments that could be read as options or that hold odd bytes.
pub fn check_rev(rev: &str) -> Result<()> {
    if rev.is_empty()
        || rev.starts_with('-')
        || rev.chars().any(|c| c.is_control() || c == ' ')
        || rev.len() > 256
    {
        bail!("`{rev}` is not a valid revision");
    }
    Ok(())
}

/// Fields separated by NUL, the one byte a commit's author, subject or a path cannot hold
/// (a record separator such as 0x1E can be typed into a commit message).
const LOG_FORMAT: &str = "%H%x00%h%x00%an%x00%ae%x00%aI%x00%cI%x00%s";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    Added(String),
    Modified(String),
    Deleted(String),
    Renamed { from: String, to: String },
}

impl FileChange {
    pub fn new_path(&self) -> Option<&str> {
        match self {
            FileChange::Added(p) | FileChange::Modified(p) => Some(p),
            FileChange::Renamed { to, .. } => Some(to),
            FileChange::Deleted(_) => None,
        }
    }

    pub fn old_path(&self) -> Option<&str> {
        match self {
            FileChange::Deleted(p) | FileChange::Modified(p) => Some(p),
            FileChange::Renamed { from, .. } => Some(from),
            FileChange::Added(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub hash: String,
    pub short: String,
    pub author: String,
    pub email: String,
    pub author_date: Option<DateTime<FixedOffset>>,
    pub committer_date: Option<DateTime<FixedOffset>>,
    pub subject: String,
    pub files: Vec<FileChange>,
    /// Old and new blob ids of each entry of `files` (from `--raw`; `None` for a side that does
    /// not exist, or when the log was read without `--raw`).
    pub blobs: Vec<(Option<String>, Option<String>)>,
}

/// Parse `git log -z --raw --format=LOG_FORMAT` output. Everything is NUL-separated and read
/// by position: seven header fields, then raw entries (`:<modes> <old> <new> <status>` and
/// one path, two for a rename or copy) until the next header. Author, e-mail and subject go
/// through the terminal sanitiser; paths are kept as git wrote them (they are looked up).
pub fn parse_log(bytes: &[u8]) -> Vec<Commit> {
    let mut commits = vec![];
    let mut tokens = bytes.split(|&b| b == 0).peekable();
    let text = |t: &[u8]| {
        String::from_utf8_lossy(t)
            .trim_start_matches('\n')
            .to_string()
    };
    let shown =
        |t: &[u8]| crate::text::for_terminal(&String::from_utf8_lossy(t)).replace('\n', " ");
    // Skip the empty token after the last record.
    while let Some(hash) = tokens.by_ref().find(|t| !text(t).is_empty()) {
        let mut header = vec![text(hash)];
        for _ in 0..6 {
            header.push(
                tokens
                    .next()
                    .map(|t| t.to_vec())
                    .map_or_else(String::new, |t| String::from_utf8_lossy(&t).to_string()),
            );
        }
        let date = |s: &str| DateTime::parse_from_rfc3339(s.trim()).ok();
        let mut files = vec![];
        let mut blobs = vec![];
        while let Some(head) = tokens.next_if(|t| text(t).starts_with(':')) {
            let head = text(head);
            let f: Vec<&str> = head[1..].split_whitespace().collect();
            let blob = |i: usize| {
                f.get(i)
                    .filter(|id| !id.bytes().all(|b| b == b'0'))
                    .map(|id| id.to_string())
            };
            let status = f.get(4).copied().unwrap_or("M");
            let Some(path) = tokens
                .next()
                .map(|t| String::from_utf8_lossy(t).to_string())
            else {
                break;
            };
            let change = match status.chars().next() {
                Some('A') => FileChange::Added(path),
                Some('D') => FileChange::Deleted(path),
                Some('R') | Some('C') => {
                    let Some(to) = tokens
                        .next()
                        .map(|t| String::from_utf8_lossy(t).to_string())
                    else {
                        break;
                    };
                    if status.starts_with('C') {
                        FileChange::Added(to)
                    } else {
                        FileChange::Renamed { from: path, to }
                    }
                }
                _ => FileChange::Modified(path),
            };
            files.push(change);
            blobs.push((blob(2), blob(3)));
        }
        commits.push(Commit {
            hash: header[0].clone(),
            short: header[1].clone(),
            author: shown(header[2].as_bytes()),
            email: shown(header[3].as_bytes()),
            author_date: date(&header[4]),
            committer_date: date(&header[5]),
            subject: shown(header[6].as_bytes()),
            files,
            blobs,
        });
    }
    commits
}

/// `git ls-tree -r -z` output → (path, blob id) of each blob.
pub fn parse_ls_tree(bytes: &[u8]) -> Vec<(String, String)> {
    bytes
        .split(|&b| b == 0)
        .filter_map(|rec| {
            let rec = String::from_utf8_lossy(rec);
            let (meta, path) = rec.split_once('\t')?;
            let mut f = meta.split_whitespace();
            let (_mode, kind, id) = (f.next()?, f.next()?, f.next()?);
            (kind == "blob").then(|| (path.to_string(), id.to_string()))
        })
        .collect()
}

/// `<sha> blob <size>` → size; `<spec> missing` (or anything else) → None.
pub fn parse_batch_header(line: &str) -> Option<usize> {
    let mut parts = line.split_whitespace();
    let _sha = parts.next()?;
    let kind = parts.next()?;
    let size = parts.next()?.parse().ok()?;
    (kind == "blob").then_some(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_log_with_renames_and_unicode_authors() {
        let raw = b"2c5d\x002c5\x00Nguy\xe1\xbb\x85n A\x00a@b\x002024-06-14T09:00:00+07:00\x002024-06-14T09:00:00+07:00\x00second\x1e\x1b[2J\x00\n:100644 100644 1111111 2222222 M\x00plan/tasks/a/2.toml\x00:100644 100644 3333333 3333333 R100\x00plan/tasks/a/1.toml\x00plan/tasks/a/3.toml\x009898\x00989\x00A\x00a@b\x002024-05-01T08:00:00+07:00\x002024-05-01T08:00:00+07:00\x00\x00\n:000000 100644 0000000 4444444 A\x00plan/tasks/a/1.toml\x00:100644 000000 5555555 0000000 D\x00plan/x.toml\x00";
        let c = parse_log(raw);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].author, "Nguyễn A");
        assert_eq!(c[0].subject, "second␞␛[2J");
        assert_eq!(
            c[0].files,
            vec![
                FileChange::Modified("plan/tasks/a/2.toml".into()),
                FileChange::Renamed {
                    from: "plan/tasks/a/1.toml".into(),
                    to: "plan/tasks/a/3.toml".into()
                },
            ]
        );
        assert_eq!(c[1].subject, "");
        assert_eq!(c[1].files[1], FileChange::Deleted("plan/x.toml".into()));
        assert_eq!(c[1].blobs[0], (None, Some("4444444".into())));
        assert_eq!(
            c[1].committer_date.unwrap().to_rfc3339(),
            "2024-05-01T08:00:00+07:00"
        );
    }

    #[test]
    fn parses_a_commit_without_files() {
        let c = parse_log(
            b"abc\x00ab\x00A\x00a@b\x002024-05-01T08:00:00Z\x002024-05-01T08:00:00Z\x00empty\x00def\x00de\x00B\x00b@c\x002024-05-01T08:00:00Z\x002024-05-01T08:00:00Z\x00s\x00",
        );
        assert_eq!(c.len(), 2);
        assert!(c[0].files.is_empty());
        assert_eq!(c[1].author, "B");
    }

    #[test]
    fn ls_tree_records() {
        let raw = b"100644 blob 1111111111111111111111111111111111111111\tplan/tasks/1/1.1.toml\x00040000 tree 2222222222222222222222222222222222222222\tplan/tasks/x\x00100644 blob 3333333333333333333333333333333333333333\tplan/tasks/s\xe1\xbb\x9f.toml\0";
        assert_eq!(
            parse_ls_tree(raw),
            vec![
                (
                    "plan/tasks/1/1.1.toml".to_string(),
                    "1111111111111111111111111111111111111111".to_string()
                ),
                (
                    "plan/tasks/sở.toml".to_string(),
                    "3333333333333333333333333333333333333333".to_string()
                ),
            ]
        );
    }

    #[test]
    fn batch_headers() {
        assert_eq!(parse_batch_header("e69de29 blob 12\n"), Some(12));
        assert_eq!(parse_batch_header("HEAD:x missing\n"), None);
        assert_eq!(parse_batch_header("abc tree 40\n"), None);
    }

    #[test]
    fn option_like_revisions_are_refused() {
        assert!(check_rev("--output=/tmp/x").is_err());
        assert!(check_rev("-p").is_err());
        assert!(check_rev("HEAD~2").is_ok());
        assert!(check_rev("a b").is_err());
    }
}
