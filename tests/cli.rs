//! End-to-end cases as data: every `tests/cmd/**/*.toml` runs the `tiendo` binary with the
//! arguments it names, in its `.in/` folder (or the folder its `fs.cwd` names), and compares
//! the exit status, stdout (`.stdout`), stderr (`.stderr`) and written files (`.out/`).
//!
//! - `tests/cmd/help.toml`: the `--help` snapshot.
//! - `tests/cmd/check/`: one small plan broken one way per case; generated from
//!   `tests/fixtures/check-base/` by `tests/fixtures/gen_check_cases.py`.
//! - `tests/cmd/views/`: `list`, `show`, `summary`, `units` and `report` on
//!   `tests/fixtures/demo-plan/`.
//!
//! Update expected output with `TRYCMD=overwrite cargo test --test cli`, then read the diff:
//! an expected output nobody verified is a defect.

#[test]
fn cli_cases() {
    // Not `tests/cmd/**/*.toml`: that would also pick up the plan files inside `.in/` folders.
    trycmd::TestCases::new()
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*/*.toml");
}
