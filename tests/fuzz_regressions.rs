//! The fuzz corpus as regression tests, on stable Rust and without the fuzzer: every file under
//! `fuzz/corpus/<target>/` (the seeds, what the fuzzer kept, and every input that ever crashed
//! a target, named `crash-*`) goes through the same function its fuzz target calls
//! (`fuzz/src/lib.rs`, compiled here as a module). A panic in any of them fails the test and
//! names the file. See docs/fuzzing.md.

#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{} holds too few inputs", dir.display());
    for f in files {
        let data = std::fs::read(&f).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{} fails `{target}`", f.display());
    }
}

#[test]
fn deadline_corpus() {
    replay("deadline", harness::deadline);
}

#[test]
fn load_task_corpus() {
    replay("load_task", |d| {
        harness::load_task(d);
    });
}

#[test]
fn update_corpus() {
    replay("update", harness::update);
}

#[test]
fn fmt_corpus() {
    replay("fmt", harness::fmt);
}

#[test]
fn merge_corpus() {
    replay("merge", harness::merge);
}

#[test]
fn registry_corpus() {
    replay("registry", harness::registry);
}
