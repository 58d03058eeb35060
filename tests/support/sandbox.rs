//! The sandbox both hostile-input suites (`tests/hostile.rs`, `tests/hostile2.rs`) run in: a
//! fresh copy of `tests/fixtures/check-base/plan` in a temporary folder, and the built binary
//! run with a deadline (a hang fails the test), its exit code, stdout and stderr captured.
#![allow(dead_code)]
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The task file most cases replace (it has milestones, indicators and progress).
pub const TASK: &str = "plan/tasks/1/1.2.toml";
pub const DEADLINE: Duration = Duration::from_secs(20);

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

pub fn copy_dir(from: &Path, to: &Path) {
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
    pub fn new() -> Plan {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check-base/plan");
        copy_dir(&fixture, &root.join("plan"));
        Plan { _tmp: tmp, root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn put(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    pub fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).unwrap()
    }

    /// The original text of the task file most cases replace.
    pub fn task(&self) -> String {
        String::from_utf8(self.read(TASK)).unwrap()
    }

    /// `tiendo --plan plan ARGS` in the temporary folder, killed (and the test failed) after
    /// [`DEADLINE`].
    pub fn run(&self, args: &[&str]) -> Out {
        run_in(&self.root, &[&["--plan", "plan"], args].concat())
    }

    pub fn check(&self) -> Out {
        self.run(&["check", "--as-of", "2024-06-30"])
    }
}

pub fn run_in(dir: &Path, args: &[&str]) -> Out {
    run_env(dir, args, &[])
}

pub fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Out {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tiendo"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_SYSTEM", "/dev/null")
        .env_remove("TIENDO_PLAN")
        .env_remove("TIENDO_LANG")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes on threads so a large output cannot block the child.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut b = vec![];
            let _ = r.read_to_end(&mut b);
            String::from_utf8_lossy(&b).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("tiendo {args:?} still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Out {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

pub fn out(code: i32, stdout: &str, stderr: &str) -> Out {
    Out {
        code,
        stdout: stdout.to_string(),
        stderr: stderr.to_string(),
    }
}
