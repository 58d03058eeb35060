//! tiendo: track a government implementation plan kept as plain-text TOML files in git.
//!
//! Data flows one way:
//!
//! ```text
//!  plan/*.toml ──load──▶ Plan + problems ──check──▶ problems
//!                           │
//!                           ├──summary (as of a day, a window)──▶ report::build ──▶ Report
//!                           │                                              (one value; │
//!  git log/cat-file ─git──▶ history ───────────────────────────────────────────────────┤
//!                                              list/export: report::Row (one row value)│
//!                                                                                      ▼
//!                                       render (table / markdown / json / csv / ics): no computing
//!
//!  Report, Row ──tracking──▶ Tracking (the appendix-shaped table) ──▶ render::xlsx, csv people,
//!                                                                      report_docx appendix
//!  Report ──render::report_docx──▶ nd30::FormalDoc (Nghị định 30 form) ──render::docx──▶ .docx
//!  unit's sheet (.xlsx, calamine) ──returns::read──▶ entries ──edit::apply_update──▶ task files
//! ```
//!
//! `cache` sits beside `load` and `audit`: a file whose size, times and inode are unchanged is
//! taken from `.git/tiendo/` instead of being parsed again, and a past version of a task file
//! from its git blob id; what comes out is the same value either way.
//!
//! `main` parses arguments, reads the clock and environment once, and calls one function of
//! `commands`. Commands are glue: load → compute → render → write. `model`, `check`,
//! `summary`, `report` and `render` are pure: no files, clock, environment or terminal. The
//! library never prints: commands write to the `Write` they are given.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod appendix;
pub mod audit;
pub mod cache;
pub mod check;
pub mod cli;
pub mod commands;
pub mod edit;
pub mod git;
pub mod history;
pub mod i18n;
pub mod load;
pub mod merge;
pub mod model;
pub mod render;
pub mod report;
pub mod returns;
pub mod schema;
pub mod summary;
pub mod text;
pub mod tracking;
