//! Build script: the git revision this binary is built from, for `tiendo --version`
//! ("tiendo 0.1.0 (a1b2c3d)": the commit HEAD named when it was built; uncommitted changes are
//! not marked, because a build script is not re-run on every edit and the mark would go stale).
//! Without git, or outside a repository (a crate tarball), the version is the package version.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8(out.stdout).ok()?.trim().to_string())
}

fn main() {
    let version = env!("CARGO_PKG_VERSION");
    let full = match git(&["rev-parse", "--short=7", "HEAD"]) {
        Some(rev) if !rev.is_empty() => format!("{version} ({rev})"),
        _ => version.to_string(),
    };
    println!("cargo:rustc-env=TIENDO_VERSION={full}");
    // Rebuild when HEAD moves (a commit, a checkout, a branch's ref advancing).
    for path in ["HEAD", "packed-refs"] {
        if let Some(p) = git(&["rev-parse", "--git-path", path]) {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    if let Some(head) = git(&["symbolic-ref", "-q", "HEAD"])
        && let Some(p) = git(&["rev-parse", "--git-path", &head])
    {
        println!("cargo:rerun-if-changed={p}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
