//! Where a task or milestone stands on a given day: the categories Vietnamese reports count.
//!
//! Pure: everything, `as_of` included, comes in as an argument. A completion dated after
//! `as_of` is treated as not yet happened, so a report for an old month reads as it did then.

use chrono::NaiveDate;

use super::deadline::{Deadline, DeadlineError};
use super::plan::TaskStatus;

/// The status categories, in the order reports print them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Đã hoàn thành đúng hạn.
    DoneOnTime,
    /// Đã hoàn thành quá hạn.
    DoneLate,
    /// Đang thực hiện trong hạn.
    InProgress,
    /// Quá hạn, chưa hoàn thành.
    Overdue,
    /// Thường xuyên.
    Ongoing,
    /// Theo yêu cầu / theo lộ trình: no date of its own.
    NoDate,
    /// Chưa hoàn thành — chuyển sang kế hoạch sau: carried over to a later plan (never
    /// "dropped", never overdue in the old plan once carried); listed apart like dropped.
    CarriedOver,
    /// Không thực hiện (dropped): listed apart, never overdue.
    Dropped,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::DoneOnTime,
        Category::DoneLate,
        Category::InProgress,
        Category::Overdue,
        Category::Ongoing,
        Category::NoDate,
        Category::CarriedOver,
        Category::Dropped,
    ];

    /// Stable machine key (JSON, CSV, `--status`).
    pub fn key(self) -> &'static str {
        match self {
            Category::DoneOnTime => "done_on_time",
            Category::DoneLate => "done_late",
            Category::InProgress => "in_progress",
            Category::Overdue => "overdue",
            Category::Ongoing => "ongoing",
            Category::NoDate => "no_date",
            Category::CarriedOver => "carried_over",
            Category::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn is_done(self) -> bool {
        matches!(self, Category::DoneOnTime | Category::DoneLate)
    }
}

/// Which of the categories listed apart (dropped, carried over) a table shows: each only when
/// some task is in it, so a plan without them prints as it always did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Apart {
    pub dropped: bool,
    pub carried: bool,
}

impl Apart {
    /// Does a counts table show a column for `c`.
    pub fn shows(self, c: Category) -> bool {
        match c {
            Category::Dropped => self.dropped,
            Category::CarriedOver => self.carried,
            _ => true,
        }
    }
}

/// The verdict for one task or milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub category: Category,
    /// The effective due date: the explicit `due`, else the phrase's date.
    pub due: Option<NaiveDate>,
    /// The phrase's reading (None when it could not be read).
    pub kind: Option<Deadline>,
    /// Not done and due on or before `soon_until` (and not yet overdue).
    pub due_soon: bool,
    /// Days past due for overdue items (as of `as_of`), or days late for done-late ones.
    pub days_late: Option<i64>,
}

/// Inputs for [`judge`]; one struct so tasks and milestones share the rule.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub status: TaskStatus,
    pub done_on: Option<NaiveDate>,
    pub reading: &'a Result<Deadline, DeadlineError>,
    pub due_override: Option<NaiveDate>,
}

/// Judge one item as of `as_of`; `soon_until` is the last day that counts as "due soon".
pub fn judge(f: Facts<'_>, as_of: NaiveDate, soon_until: NaiveDate) -> Standing {
    let kind = f.reading.as_ref().ok().copied();
    let due = f.due_override.or_else(|| kind.and_then(|k| k.due()));
    let done_on = match f.status {
        TaskStatus::Done => f.done_on.filter(|d| *d <= as_of),
        _ => None,
    };
    let then_ongoing = matches!(kind, Some(Deadline::DueThenOngoing(_)));
    let undated_ongoing = matches!(kind, Some(Deadline::Ongoing)) && f.due_override.is_none();
    let mut s = Standing {
        category: Category::NoDate,
        due,
        kind,
        due_soon: false,
        days_late: None,
    };
    if f.status == TaskStatus::Dropped {
        s.category = Category::Dropped;
        return s;
    }
    if undated_ongoing {
        s.category = Category::Ongoing;
        return s;
    }
    match (due, done_on) {
        (_, Some(_)) if then_ongoing => s.category = Category::Ongoing,
        (Some(due), Some(done)) => {
            if done <= due {
                s.category = Category::DoneOnTime;
            } else {
                s.category = Category::DoneLate;
                s.days_late = Some((done - due).num_days());
            }
        }
        (None, Some(_)) => s.category = Category::DoneOnTime,
        (Some(due), None) => {
            if as_of > due {
                s.category = Category::Overdue;
                s.days_late = Some((as_of - due).num_days());
            } else {
                s.category = Category::InProgress;
                s.due_soon = due <= soon_until;
            }
        }
        (None, None) => s.category = Category::NoDate,
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn run(status: TaskStatus, done_on: Option<&str>, reading: Deadline, as_of: &str) -> Standing {
        let reading = Ok(reading);
        judge(
            Facts {
                status,
                done_on: done_on.map(d),
                reading: &reading,
                due_override: None,
            },
            d(as_of),
            d(as_of) + chrono::Days::new(31),
        )
    }

    #[test]
    fn done_on_the_due_day_is_on_time() {
        let s = run(
            TaskStatus::Done,
            Some("2024-03-31"),
            Deadline::Due(d("2024-03-31")),
            "2024-06-01",
        );
        assert_eq!(s.category, Category::DoneOnTime);
        let s = run(
            TaskStatus::Done,
            Some("2024-04-02"),
            Deadline::Due(d("2024-03-31")),
            "2024-06-01",
        );
        assert_eq!((s.category, s.days_late), (Category::DoneLate, Some(2)));
    }

    #[test]
    fn overdue_starts_the_day_after_due() {
        let due = Deadline::Due(d("2024-03-31"));
        assert_eq!(
            run(TaskStatus::Doing, None, due, "2024-03-31").category,
            Category::InProgress
        );
        let s = run(TaskStatus::Todo, None, due, "2024-04-01");
        assert_eq!((s.category, s.days_late), (Category::Overdue, Some(1)));
    }

    #[test]
    fn completion_after_as_of_has_not_happened_yet() {
        let s = run(
            TaskStatus::Done,
            Some("2024-05-10"),
            Deadline::Due(d("2024-06-30")),
            "2024-04-14",
        );
        assert_eq!(s.category, Category::InProgress);
        assert!(!s.due_soon);
        let s = run(
            TaskStatus::Done,
            Some("2024-05-10"),
            Deadline::Due(d("2024-04-30")),
            "2024-04-14",
        );
        assert!(s.due_soon);
    }

    #[test]
    fn dropped_is_never_overdue_and_ongoing_is_ongoing() {
        let s = run(
            TaskStatus::Dropped,
            None,
            Deadline::Due(d("2024-01-31")),
            "2024-12-31",
        );
        assert_eq!(s.category, Category::Dropped);
        let s = run(TaskStatus::Todo, None, Deadline::Ongoing, "2024-12-31");
        assert_eq!(s.category, Category::Ongoing);
        let s = run(TaskStatus::Todo, None, Deadline::OnRequest, "2024-12-31");
        assert_eq!(s.category, Category::NoDate);
    }

    #[test]
    fn dated_then_ongoing_is_judged_by_date_until_done() {
        let k = Deadline::DueThenOngoing(d("2024-05-19"));
        assert_eq!(
            run(TaskStatus::Todo, None, k, "2024-05-20").category,
            Category::Overdue
        );
        assert_eq!(
            run(TaskStatus::Done, Some("2024-05-01"), k, "2024-05-20").category,
            Category::Ongoing
        );
    }

    #[test]
    fn explicit_due_overrides_the_phrase() {
        let reading = Err(DeadlineError::Unrecognized);
        let s = judge(
            Facts {
                status: TaskStatus::Todo,
                done_on: None,
                reading: &reading,
                due_override: Some(d("2024-02-01")),
            },
            d("2024-03-01"),
            d("2024-04-01"),
        );
        assert_eq!(s.category, Category::Overdue);
        assert_eq!(s.due, Some(d("2024-02-01")));
    }
}
