//! What the workspace features say (issue 16): several plans, `NAME:ID` ids, `tiendo plans`,
//! `tiendo carry-over`, views across plans. One variant per message; each language's words are
//! in `vi.rs` / `en.rs` (`fn workspace`).

/// A column of `tiendo plans`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WsCol {
    Name,
    Code,
    Period,
    State,
    Tasks,
    Done,
    Open,
    Overdue,
    Carried,
}

/// One message of the workspace paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ws<'a> {
    /// `NAME:` names no plan of the workspace.
    UnknownPlan {
        plan: &'a str,
        plans: &'a [String],
    },
    /// No plan of the workspace has the task.
    UnknownTask {
        id: &'a str,
    },
    /// A bare id found in several plans.
    AmbiguousId {
        id: &'a str,
        candidates: &'a [String],
    },
    /// A command that works on one plan, in a folder of several.
    PickOnePlan {
        plans: &'a [String],
    },
    /// The heading of one plan's part of a view.
    Heading {
        name: &'a str,
        code: &'a str,
    },
    Column(WsCol),
    /// A plan's state: open.
    Open,
    /// A plan's state: closed on a day (already worded).
    Closed {
        on: &'a str,
    },
    /// `summary` across plans: the heading of the total.
    Total,
    /// `show`: the task this one continues.
    CarriedFrom {
        link: &'a str,
    },
    /// `show`: the task that continues this one.
    CarriedTo {
        plan: &'a str,
        link: &'a str,
        on: &'a str,
    },
    /// carry-over: one task carried (or to be carried, with `--dry-run`).
    CarryLine {
        old: &'a str,
        new: &'a str,
        path: &'a str,
    },
    /// carry-over: an ended unit's work went to several successors; the new task names them all.
    CarrySplit {
        new: &'a str,
        unit: &'a str,
        to: &'a str,
    },
    /// carry-over: the old task is marked in its file.
    CarryMarked {
        old: &'a str,
        path: &'a str,
    },
    /// carry-over: a task carried before is not carried again.
    CarrySkipped {
        old: &'a str,
        new: &'a str,
    },
    /// carry-over: a group's declared count follows.
    CarryDeclared {
        path: &'a str,
        group: &'a str,
        from: u32,
        to: u32,
    },
    /// carry-over: the closing line.
    CarryDone {
        n: usize,
        to: &'a str,
        dry_run: bool,
    },
    /// carry-over: from and to name the same plan.
    CarrySamePlan,
    /// carry-over: the next plan is closed.
    CarryIntoClosed {
        plan: &'a str,
    },
    /// carry-over: the next plan has no group to put the tasks in.
    CarryNoGroup {
        plan: &'a str,
    },
    /// carry-over: the commit message.
    CarryCommit {
        n: usize,
        from: &'a str,
        to: &'a str,
    },
    /// `report` across plans writes no file: one plan at a time with `--out`.
    ReportOutOnePlan,
    /// carry-over: the note in the new task.
    CarryNote {
        old: &'a str,
        deadline: &'a str,
        day: &'a str,
        standing: &'a str,
    },
}
