//! What the everyday-use features say (issue 13): `check --as-issued`, unreadable task files
//! announced by views, undo (`update --amend/--remove`), duplicate and repeated entries, git
//! readiness, argument and TOML errors in the user's language. One variant per message; each
//! language's words are in `vi.rs` / `en.rs` (`fn everyday`).

/// One message of the everyday-use paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Everyday<'a> {
    /// `check --as-issued` on a plan whose plan.toml has no `issued` date.
    NoIssuedDate,
    /// A view's first line: a task file that does not load (its location, then the problem),
    /// so the table below lacks it.
    UnreadableTask { location: &'a str, why: &'a str },
}
