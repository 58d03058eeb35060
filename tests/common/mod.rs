//! Shared by the amendment and who-answers tests: a fresh copy of a fixture plan in a temporary
//! folder, and the built binary run on it with a pinned environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Plan {
    _tmp: tempfile::TempDir,
    pub root: PathBuf,
}

#[derive(Debug, PartialEq)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
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

impl Plan {
    /// A copy of `tests/fixtures/<name>/plan` as `plan/` in a temporary folder.
    pub fn fixture(name: &str) -> Plan {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
            .join("plan");
        copy_dir(&from, &root.join("plan"));
        Plan { _tmp: tmp, root }
    }

    /// A copy of the live `plan/` (for tests that must hold for any state of the plan).
    pub fn real() -> Plan {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("plan"),
            &root.join("plan"),
        );
        Plan { _tmp: tmp, root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn put(&self, rel: &str, text: &str) {
        std::fs::write(self.path(rel), text).unwrap();
    }

    pub fn append(&self, rel: &str, text: &str) {
        let mut s = std::fs::read_to_string(self.path(rel)).unwrap();
        s.push_str(text);
        self.put(rel, &s);
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Out {
        let out = Command::new(env!("CARGO_BIN_EXE_tiendo"))
            .args(args)
            .current_dir(&self.root)
            .env_remove("TIENDO_PLAN")
            .env_remove("TIENDO_LANG")
            .env("NO_COLOR", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }
}
