//! The history cache (parsed task versions by blob id, in `.git/tiendo/blobs/`): `log`,
//! `diff`, `review` and the report's history section print byte for byte the same with it,
//! without it (`--no-cache`), on a warm run, and with damaged cache files.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Repo {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

impl Repo {
    fn git(&self, args: &[&str], date: &str) {
        let out = Command::new("git")
            .current_dir(&self.dir)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Văn thư")
            .env("GIT_AUTHOR_EMAIL", "vanthu@example.vn")
            .env("GIT_COMMITTER_NAME", "Văn thư")
            .env("GIT_COMMITTER_EMAIL", "vanthu@example.vn")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}");
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let p = self.dir.join(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{rel} lacks {from}");
        std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    }

    fn commit(&self, message: &str, date: &str) {
        self.git(&["add", "-A"], date);
        self.git(&["commit", "-q", "-m", message], date);
    }

    fn run(&self, cache: bool, args: &[&str]) -> String {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tiendo"));
        c.current_dir(&self.dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_SYSTEM", "/dev/null")
            .env("NO_COLOR", "1")
            .env_remove("TIENDO_PLAN")
            .env_remove("TIENDO_NO_CACHE")
            .args(["--lang", "en", "--as-of", "2024-06-30"]);
        if !cache {
            c.arg("--no-cache");
        }
        let out = c.args(args).output().unwrap();
        format!(
            "{args:?} exit {:?}\n{}\n--stderr--\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    }

    fn all(&self, cache: bool) -> String {
        [
            &["log"][..],
            &["log", "1.1"],
            &[
                "log",
                "--since",
                "2024-06-01",
                "--until",
                "2024-06-14",
                "--format",
                "json",
            ],
            &["diff", "HEAD~3", "HEAD"],
            &["diff", "HEAD~1"],
            &["review", "main"],
            &["report", "--month", "2024-06"],
        ]
        .iter()
        .map(|a| self.run(cache, a))
        .collect::<Vec<_>>()
        .join("\n")
    }

    fn blob_files(&self) -> Vec<PathBuf> {
        let root = self.dir.join(".git/tiendo/blobs");
        let mut v = vec![];
        if let Ok(rd) = std::fs::read_dir(&root) {
            for d in rd {
                for f in std::fs::read_dir(d.unwrap().path()).unwrap() {
                    v.push(f.unwrap().path());
                }
            }
        }
        v.sort();
        v
    }
}

/// The frozen plan committed on main, then a branch with four commits that change tasks.
fn history() -> Repo {
    let tmp = tempfile::tempdir().unwrap();
    let r = Repo {
        dir: tmp.path().to_path_buf(),
        _tmp: tmp,
    };
    r.git(&["init", "-q", "-b", "main"], "2024-05-02T08:00:00+07:00");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frozen-plan");
    copy_dir(&fixture, &r.dir.join("plan"));
    r.commit("Kế hoạch", "2024-05-02T08:00:00+07:00");
    r.git(&["checkout", "-q", "-b", "pr"], "2024-05-02T08:00:00+07:00");
    r.edit("plan/tasks/1/1.1.toml", "Quý 1/2024", "Quý 3/2024");
    r.commit("1.1: lùi thời hạn", "2024-06-03T09:00:00+07:00");
    r.edit(
        "plan/tasks/1/1.1.toml",
        "status = \"todo\"",
        "status = \"doing\"",
    );
    r.commit("1.1: đang làm", "2024-06-05T09:00:00+07:00");
    std::fs::rename(
        r.dir.join("plan/tasks/1/1.2.toml"),
        r.dir.join("plan/tasks/1/1.9.toml"),
    )
    .unwrap();
    r.edit("plan/tasks/1/1.9.toml", "id = \"1.2\"", "id = \"1.9\"");
    r.commit("Đánh số lại 1.2 thành 1.9", "2024-06-07T09:00:00+07:00");
    r.edit("plan/tasks/1/1.1.toml", "Quý 3/2024", "Quý 2/2024");
    r.commit("1.1: sửa thời hạn", "2024-06-10T09:00:00+07:00");
    r
}

#[test]
fn history_commands_print_the_same_with_and_without_the_history_cache() {
    let r = history();
    let read = r.all(false);
    assert!(r.blob_files().is_empty(), "--no-cache wrote a cache");
    assert!(read.contains("Quý 3/2024"), "{read}");
    let cold = r.all(true);
    assert_eq!(cold, read);
    let blobs = r.blob_files();
    assert!(blobs.len() >= 5, "{blobs:?}");
    // Warm: every version comes from the cache.
    let before: Vec<_> = blobs
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().modified().unwrap())
        .collect();
    assert_eq!(r.all(true), read);
    let after: Vec<_> = blobs
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().modified().unwrap())
        .collect();
    assert_eq!(before, after, "a warm run rewrote cached versions");
    // Damaged entries are ignored and replaced.
    for (i, f) in blobs.iter().enumerate() {
        let mut b = std::fs::read(f).unwrap();
        match i % 3 {
            0 => b.truncate(b.len() / 2),
            1 => {
                let last = b.len() - 1;
                b[last] ^= 1;
            }
            _ => b = b"garbage".to_vec(),
        }
        std::fs::write(f, b).unwrap();
    }
    assert_eq!(r.all(true), read);
    assert_eq!(r.all(true), read);
}

#[test]
fn a_cached_version_is_served_from_the_cache() {
    // Proof the cache is read at all: replace one cached version by another task's parse
    // (with a valid frame) and see it in the log. Blob ids never change meaning, so tiendo
    // has no reason to look again; this is what makes the cache worth having.
    let r = history();
    let read = r.run(false, &["log", "1.1"]);
    assert_eq!(r.run(true, &["log", "1.1"]), read);
    let blobs = r.blob_files();
    let out = Command::new("git")
        .current_dir(&r.dir)
        .args([
            "rev-parse",
            "HEAD:plan/tasks/1/1.1.toml",
            "HEAD:plan/tasks/1/1.9.toml",
        ])
        .output()
        .unwrap();
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let path_of = |id: &str| {
        r.dir
            .join(".git/tiendo/blobs")
            .join(&id[..2])
            .join(&id[2..])
    };
    // 1.9's version is not cached yet (log 1.1 never read it): cache it through a diff.
    r.run(true, &["diff", "HEAD~1", "HEAD"]);
    let other = std::fs::read(path_of(&ids[1]));
    assert!(blobs.contains(&path_of(&ids[0])), "{blobs:?}");
    let Ok(other) = other else {
        panic!("1.9 not cached")
    };
    std::fs::write(path_of(&ids[0]), other).unwrap();
    let tampered = r.run(true, &["log", "1.1"]);
    assert_ne!(tampered, read, "the cached version was not used");
    assert_eq!(r.run(false, &["log", "1.1"]), read);
}
