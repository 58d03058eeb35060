//! Reporting windows: for month M, the 15th of M−1 to the 14th of M (Nghị định 09/2019/NĐ-CP,
//! Điều 12), or the calendar month when asked. The report day comes from `plan.toml`.

use chrono::{Datelike, Days, NaiveDate};

/// A year and month, e.g. `2024-06`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// Parse `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.trim().split_once('-')?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u32 = m.parse().ok()?;
        ((1..=12).contains(&month) && (1900..=2200).contains(&year))
            .then_some(Month { year, month })
    }

    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn succ(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn pred(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    pub fn last_day(self) -> NaiveDate {
        self.succ().first_day().pred_opt().unwrap_or_default()
    }

    /// Day `day` of this month, clamped to the month's last day.
    pub fn day(self, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, day).unwrap_or_else(|| self.last_day())
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub month: Month,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Window {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

/// How report windows are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cycle {
    /// From `report_day` of M−1 to the day before `report_day` in M.
    ReportDay(u32),
    /// The calendar month.
    Calendar,
}

impl Cycle {
    pub fn window(self, month: Month) -> Window {
        match self {
            Cycle::Calendar => Window {
                month,
                start: month.first_day(),
                end: month.last_day(),
            },
            Cycle::ReportDay(day) => {
                let day = day.clamp(1, 28);
                let start = month.pred().day(day);
                let end = month.day(day) - Days::new(1);
                Window { month, start, end }
            }
        }
    }

    /// The month whose window closed last before `date` (the window holding `date` is still
    /// open, even on its last day): `report` without `--month`.
    pub fn last_closed(self, date: NaiveDate) -> Month {
        self.window_of(date).month.pred()
    }

    /// The window that contains `date`.
    pub fn window_of(self, date: NaiveDate) -> Window {
        let m = Month::of(date);
        let w = self.window(m);
        if w.contains(date) {
            w
        } else {
            self.window(m.succ())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn window_runs_15th_to_14th() {
        let w = Cycle::ReportDay(15).window(Month::parse("2024-06").unwrap());
        assert_eq!((w.start, w.end), (d("2024-05-15"), d("2024-06-14")));
        let w = Cycle::ReportDay(15).window(Month::parse("2024-01").unwrap());
        assert_eq!((w.start, w.end), (d("2023-12-15"), d("2024-01-14")));
    }

    #[test]
    fn window_of_a_day() {
        let c = Cycle::ReportDay(15);
        assert_eq!(
            c.window_of(d("2024-06-14")).month,
            Month::parse("2024-06").unwrap()
        );
        assert_eq!(
            c.window_of(d("2024-06-15")).month,
            Month::parse("2024-07").unwrap()
        );
        assert_eq!(
            c.window_of(d("2024-12-20")).month,
            Month::parse("2025-01").unwrap()
        );
        let cal = Cycle::Calendar.window(Month::parse("2024-02").unwrap());
        assert_eq!((cal.start, cal.end), (d("2024-02-01"), d("2024-02-29")));
    }

    #[test]
    fn last_closed_window() {
        let c = Cycle::ReportDay(15);
        let m = |s: &str| Month::parse(s).unwrap();
        assert_eq!(c.last_closed(d("2024-07-14")), m("2024-06"));
        assert_eq!(c.last_closed(d("2024-07-15")), m("2024-07"));
        assert_eq!(c.last_closed(d("2025-01-03")), m("2024-12"));
        assert_eq!(Cycle::Calendar.last_closed(d("2024-07-31")), m("2024-06"));
        assert_eq!(Cycle::Calendar.last_closed(d("2024-08-01")), m("2024-07"));
    }

    #[test]
    fn month_parse_rejects_nonsense() {
        assert!(Month::parse("2024-13").is_none());
        assert!(Month::parse("24-06").is_none());
        assert!(Month::parse("2024/06").is_none());
        assert_eq!(Month::parse("2024-6").unwrap().to_string(), "2024-06");
    }
}
