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
    UnreadableTask {
        location: &'a str,
        why: &'a str,
    },
    /// `show`/`update ID`: the task's file exists but does not load.
    TaskUnreadable {
        id: &'a str,
        location: &'a str,
        why: &'a str,
    },
    /// `update`: the same entry is already recorded (its 1-based number).
    AlreadyRecorded {
        id: &'a str,
        number: usize,
    },
    /// `update --amend N` with no field to change.
    AmendNeedsField,
    /// `--milestone N` that the task does not have.
    NoMilestone {
        number: usize,
        count: usize,
    },
    /// `--amend N` / `--remove N` that the task does not have.
    NoProgress {
        number: usize,
        count: usize,
    },
    /// `--commit` and git cannot be run.
    CommitNeedsGit,
    /// `--commit` and git does not know who is committing.
    CommitNeedsIdentity,
    /// The file was written but the commit failed (git's own words follow).
    CommitFailed {
        path: &'a str,
        why: &'a str,
    },
    /// A file could not be read (the system's words follow).
    ReadFailed {
        path: &'a str,
        why: &'a str,
    },
    /// A folder could not be created.
    CreateFailed {
        path: &'a str,
        why: &'a str,
    },
    /// The report's changes section when there is no history: why.
    NoHistory {
        why: &'a crate::git::Unavailable,
    },
    /// Commit message part: progress entry N corrected / removed.
    CommitAmend {
        id: &'a str,
        number: usize,
    },
    CommitRemove {
        id: &'a str,
        number: usize,
    },
}
