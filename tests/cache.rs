//! The parse cache is never stale: after every kind of change to a plan, a run through the
//! cache prints byte for byte what a run that reads every file prints (`--no-cache`).
//!
//! Each test works on a fresh copy of `tests/fixtures/frozen-plan` in a temporary folder with
//! its own cache folder (`XDG_CACHE_HOME`, or a `.git` folder for the git case). Files are left
//! to settle (100 ms) before a run that should cache them: a file changed within the last
//! 50 ms is deliberately never cached (the "racily clean" rule, unit-tested in `cache.rs`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TASK: &str = "plan/tasks/1/1.1.toml";

struct Plan {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    cache_home: PathBuf,
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

fn settle() {
    std::thread::sleep(Duration::from_millis(100));
}

impl Plan {
    fn new() -> Plan {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("work");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frozen-plan");
        copy_dir(&fixture, &root.join("plan"));
        let cache_home = tmp.path().join("cache-home");
        settle();
        Plan {
            _tmp: tmp,
            root,
            cache_home,
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn run_with(&self, cache: bool, args: &[&str]) -> (i32, String, String) {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tiendo"));
        c.current_dir(&self.root)
            .env("XDG_CACHE_HOME", &self.cache_home)
            .env_remove("TIENDO_NO_CACHE")
            .env_remove("TIENDO_PLAN")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .args(["--lang", "en", "--color", "never", "--as-of", "2024-12-31"]);
        if !cache {
            c.arg("--no-cache");
        }
        let out = c.args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    /// Outputs of the commands the cache serves: `check` and the JSON task list.
    fn outputs(&self, cache: bool) -> String {
        let mut s = String::new();
        for args in [&["check"][..], &["list", "--format", "json"][..]] {
            let (code, out, err) = self.run_with(cache, args);
            s.push_str(&format!(
                "$ {args:?}\nexit {code}\n{out}\n--stderr--\n{err}\n"
            ));
        }
        s
    }

    /// Run through the cache and without it; they must agree. Returns the output.
    fn agree(&self) -> String {
        let cached = self.outputs(true);
        let read = self.outputs(false);
        assert_eq!(
            cached, read,
            "cached output differs from reading every file"
        );
        cached
    }

    fn cache_files(&self) -> Vec<PathBuf> {
        let mut v = vec![];
        for dir in [
            self.cache_home.join("tiendo"),
            self.root.join(".git").join("tiendo"),
        ] {
            if let Ok(rd) = std::fs::read_dir(&dir) {
                v.extend(
                    rd.map(|e| e.unwrap().path())
                        .filter(|p| p.extension().is_some_and(|x| x == "bin")),
                );
            }
        }
        v.sort();
        v
    }

    /// The one cache file, with its identity (a rewrite is a rename: a new inode).
    fn cache_file(&self) -> (PathBuf, u64, Vec<u8>) {
        let files = self.cache_files();
        assert_eq!(files.len(), 1, "expected one cache file: {files:?}");
        let f = files[0].clone();
        let ino = {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(&f).unwrap().ino()
        };
        let bytes = std::fs::read(&f).unwrap();
        (f, ino, bytes)
    }

    /// Replace `from` by `to` in a file (same length: the size stays).
    fn edit_same_size(&self, rel: &str, from: &str, to: &str) {
        assert_eq!(from.len(), to.len());
        let p = self.path(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{rel} lacks {from:?}");
        std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    }
}

fn mtime(p: &Path) -> std::time::SystemTime {
    std::fs::metadata(p).unwrap().modified().unwrap()
}

fn set_mtime(p: &Path, t: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

#[test]
fn a_warm_run_reads_the_cache_and_does_not_rewrite_it() {
    let p = Plan::new();
    let first = p.agree();
    assert!(first.contains("0 errors"), "{first}");
    let (f, ino, bytes) = p.cache_file();
    assert!(f.starts_with(p.cache_home.join("tiendo")), "{f:?}");
    // Nothing was written among the plan's files.
    assert!(!p.path("plan/.tiendo").exists());
    settle();
    assert_eq!(p.outputs(true), first);
    let (_, ino2, bytes2) = p.cache_file();
    assert_eq!((ino2, bytes2), (ino, bytes), "a warm run rewrote the cache");
}

#[test]
fn inside_a_git_repository_the_cache_lives_in_the_git_directory() {
    let p = Plan::new();
    std::fs::create_dir_all(p.path(".git")).unwrap();
    p.agree();
    let (f, _, _) = p.cache_file();
    assert!(f.starts_with(p.path(".git/tiendo")), "{f:?}");
    assert!(!p.cache_home.join("tiendo").exists());
}

#[test]
fn no_cache_and_the_environment_variable_write_nothing() {
    let p = Plan::new();
    p.outputs(false);
    let mut c = Command::new(env!("CARGO_BIN_EXE_tiendo"));
    let out = c
        .current_dir(&p.root)
        .env("XDG_CACHE_HOME", &p.cache_home)
        .env("TIENDO_NO_CACHE", "1")
        .args(["--as-of", "2024-12-31", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(p.cache_files().is_empty(), "{:?}", p.cache_files());
}

#[test]
fn an_edit_that_keeps_the_size_and_puts_the_modification_time_back_is_seen() {
    let p = Plan::new();
    let before = p.agree();
    let file = p.path(TASK);
    let t = mtime(&file);
    p.edit_same_size(TASK, "status = \"todo\"", "status = \"done\"");
    set_mtime(&file, t);
    assert_eq!(mtime(&file), t);
    settle();
    let after = p.agree();
    assert_ne!(before, after);
    assert!(
        after.contains("done-without-done-on") || after.contains("done_on"),
        "{after}"
    );
}

#[test]
fn two_edits_within_the_same_second_are_both_seen() {
    let p = Plan::new();
    p.agree();
    p.edit_same_size(TASK, "Quý 1/2024", "Quý 2/2024");
    let one = p.agree();
    assert!(one.contains("Quý 2/2024"));
    // At once, same size, within the same second as the first edit.
    p.edit_same_size(TASK, "Quý 2/2024", "Quý 3/2024");
    let two = p.agree();
    assert!(two.contains("Quý 3/2024"), "{two}");
    settle();
    p.edit_same_size(TASK, "Quý 3/2024", "Quý 4/2024");
    assert!(p.agree().contains("Quý 4/2024"));
}

#[test]
fn a_renamed_file_is_seen() {
    let p = Plan::new();
    p.agree();
    std::fs::rename(p.path(TASK), p.path("plan/tasks/1/1.99.toml")).unwrap();
    settle();
    let out = p.agree();
    assert!(out.contains("1.99.toml"), "{out}");
}

#[test]
fn a_deleted_file_is_seen() {
    let p = Plan::new();
    let before = p.agree();
    std::fs::remove_file(p.path(TASK)).unwrap();
    settle();
    let after = p.agree();
    assert_ne!(before, after);
    assert!(!after.contains("\"1.1\""), "{after}");
}

#[test]
fn a_file_replaced_by_a_symlink_is_seen() {
    let p = Plan::new();
    p.agree();
    let file = p.path(TASK);
    let elsewhere = p.path("1.1-elsewhere.toml");
    std::fs::rename(&file, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &file).unwrap();
    settle();
    let out = p.agree();
    assert!(out.contains("symlink") || out.contains("link"), "{out}");
}

#[test]
fn a_new_file_is_seen() {
    let p = Plan::new();
    p.agree();
    let text =
        std::fs::read_to_string(p.path(TASK))
            .unwrap()
            .replacen("id = \"1.1\"", "id = \"1.77\"", 1);
    std::fs::write(p.path("plan/tasks/1/1.77.toml"), text).unwrap();
    settle();
    let out = p.agree();
    assert!(out.contains("1.77"), "{out}");
}

#[test]
fn an_edited_registry_is_seen() {
    let p = Plan::new();
    let before = p.agree();
    let units = p.path("plan/units.toml");
    let text = std::fs::read_to_string(&units).unwrap();
    assert!(text.contains("id = \"so-tai-chinh\""));
    std::fs::write(
        &units,
        text.replacen("id = \"so-tai-chinh\"", "id = \"so-tai-chinx\"", 1),
    )
    .unwrap();
    settle();
    let after = p.agree();
    assert_ne!(before, after);
    assert!(after.contains("so-tai-chinh"), "{after}");
}

#[test]
fn a_changed_plan_file_is_seen() {
    let p = Plan::new();
    let before = p.agree();
    let plan = p.path("plan/plan.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, format!("{text}\nunknown_setting = 1\n")).unwrap();
    settle();
    let after = p.agree();
    assert_ne!(before, after);
    assert!(after.contains("unknown_setting"), "{after}");
}

/// Damage the cache file, run, and check that the output is right and that the cache was
/// rewritten whole (the next run leaves it alone).
fn damaged(damage: impl Fn(&Path)) {
    let p = Plan::new();
    let good = p.agree();
    let (f, _, _) = p.cache_file();
    damage(&f);
    assert_eq!(p.outputs(true), good);
    let (_, ino, bytes) = p.cache_file();
    settle();
    assert_eq!(p.outputs(true), good);
    let (_, ino2, bytes2) = p.cache_file();
    assert_eq!(
        (ino, bytes),
        (ino2, bytes2),
        "the rebuilt cache was not trusted"
    );
}

#[test]
fn a_corrupted_cache_is_ignored_and_rebuilt() {
    damaged(|f| {
        let mut b = std::fs::read(f).unwrap();
        let mid = b.len() / 2;
        b[mid] ^= 0x20;
        std::fs::write(f, b).unwrap();
    });
}

#[test]
fn a_truncated_cache_is_ignored_and_rebuilt() {
    damaged(|f| {
        let b = std::fs::read(f).unwrap();
        std::fs::write(f, &b[..b.len() * 2 / 3]).unwrap();
    });
    damaged(|f| std::fs::write(f, b"").unwrap());
}

#[test]
fn a_garbage_cache_is_ignored_and_rebuilt() {
    damaged(|f| {
        let junk: Vec<u8> = (0..100_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        std::fs::write(f, junk).unwrap();
    });
}

#[test]
fn a_foreign_cache_is_ignored_and_rebuilt() {
    // Another build's cache: same framing, another version string in the header.
    damaged(|f| {
        let b = std::fs::read(f).unwrap();
        let v = env!("CARGO_PKG_VERSION").as_bytes();
        let at = b
            .windows(v.len())
            .position(|w| w == v)
            .expect("version in header");
        let mut b2 = b.clone();
        b2[at] = if b[at] == b'9' { b'8' } else { b'9' };
        std::fs::write(f, b2).unwrap();
    });
    // Another plan's cache put in this plan's place (with a valid checksum of its own).
    let other = Plan::new();
    other.path(TASK);
    std::fs::remove_file(other.path("plan/tasks/1/1.2.toml")).ok();
    other.agree();
    let (other_file, _, other_bytes) = other.cache_file();
    damaged(move |f| {
        assert_ne!(f, other_file.as_path());
        std::fs::write(f, &other_bytes).unwrap();
    });
}

#[test]
fn processes_writing_the_cache_at_once_leave_a_valid_one() {
    let p = Plan::new();
    let expected = p.outputs(false);
    for round in 0..3 {
        // Every round starts from a stale cache (a file changed) so that every process writes.
        p.edit_same_size(
            TASK,
            &format!("Quý {}/2024", round + 1),
            &format!("Quý {}/2024", round + 2),
        );
        settle();
        let expected_now = p.outputs(false);
        if round == 0 {
            assert_ne!(expected_now, expected);
        }
        let children: Vec<_> = (0..6)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_tiendo"))
                    .current_dir(&p.root)
                    .env("XDG_CACHE_HOME", &p.cache_home)
                    .args(["--lang", "en", "--color", "never", "--as-of", "2024-12-31"])
                    .args(["list", "--format", "json"])
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let (_, want, _) = p.run_with(false, &["list", "--format", "json"]);
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
        }
        assert_eq!(p.outputs(true), expected_now);
        // No temporary file is left behind.
        let dir = p.cache_home.join("tiendo");
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
