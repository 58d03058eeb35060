//! iCalendar (RFC 5545) for `tiendo export --format ics`: one all-day event per dated task and
//! milestone, so a unit can subscribe to its own deadlines in Outlook or Google Calendar.
//!
//! The `icalendar` crate builds the text (it escapes TEXT values and folds lines at 75 octets on
//! character boundaries); this module decides what goes in. Output is a pure function of the
//! plan and the as-of day, byte for byte:
//!
//! - `UID` is `<plan code slug>-<task id>[-m<N>]@tiendo`, so importing a newer export updates
//!   the events instead of duplicating them;
//! - `DTSTAMP` is the as-of day at 00:00:00Z (never the clock), and `SEQUENCE` counts days from
//!   the plan's signing to the as-of day, so a later export supersedes an earlier one;
//! - a dropped task keeps its event with `STATUS:CANCELLED` (an update removes it from calendars
//!   that imported it before).
//!
//! Which tasks are listed (filters) is the caller's business.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use crate::i18n::{Label, Lang, tr};
use crate::model::plan::Plan;
use crate::model::status::Category;
use crate::report::Row;

/// Characters of a task title kept in an event's summary.
const SUMMARY_TITLE: usize = 60;

/// The calendar of `rows` (tasks in plan order, each followed by its milestones).
/// `name` is the calendar's display name (the plan code, plus the unit when filtered).
pub fn calendar(plan: &Plan, rows: &[Row], as_of: NaiveDate, lang: Lang, name: &str) -> String {
    let mut out = vec![];
    // Writing into memory cannot fail.
    let _ = calendar_to(&mut out, plan, rows, as_of, lang, name);
    String::from_utf8(out).unwrap_or_default()
}

/// [`calendar`] written as it is made, one event at a time, as the rows come (an export of
/// 200,000 tasks must not hold the whole calendar in memory).
pub fn calendar_to<R: std::borrow::Borrow<Row>>(
    w: &mut dyn std::io::Write,
    plan: &Plan,
    rows: impl IntoIterator<Item = R>,
    as_of: NaiveDate,
    lang: Lang,
    name: &str,
) -> std::io::Result<()> {
    let tr = tr(lang);
    let stamp = Utc.from_utc_datetime(&as_of.and_time(NaiveTime::MIN));
    let sequence = plan
        .meta
        .issued
        .map_or(0, |i| (as_of - i).num_days().max(0))
        .try_into()
        .unwrap_or(u32::MAX);
    let prefix = uid_prefix(&plan.meta.code);
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property((
        "PRODID",
        match lang {
            Lang::Vi => "-//tiendo//tiendo//VI",
            Lang::En => "-//tiendo//tiendo//EN",
        },
    ));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    cal.append_property(("METHOD", "PUBLISH"));
    // NAME and X-WR-CALNAME are not TEXT to the crate, so they are escaped here.
    cal.name(&escape(name));
    // The calendar's head as the crate writes it, then each event, then the end line.
    let head = cal.to_string();
    const END: &str = "END:VCALENDAR\r\n";
    w.write_all(head.strip_suffix(END).unwrap_or(&head).as_bytes())?;
    let mut push = |e: Event| w.write_all(Component::to_string(&e).as_bytes());

    for t in rows {
        let t = t.borrow();
        let lead = super::units_text(&t.lead);
        let support = super::units_text(&t.support);
        let dropped = t.standing.category == Category::Dropped;
        if let Some(due) = t.standing.due {
            let mut description = vec![t.title.clone(), String::new()];
            description.push(format!("{}: {lead}", tr.label(Label::Lead)));
            if !support.is_empty() {
                description.push(format!("{}: {support}", tr.label(Label::Support)));
            }
            description.push(format!("{}: {}", tr.label(Label::Deadline), t.deadline));
            push(event(
                &format!("{prefix}-{}@tiendo", t.id),
                due,
                &format!("{} {}", t.id, super::cut(&t.title, SUMMARY_TITLE)),
                &description.join("\n"),
                tr.category(t.standing.category),
                dropped,
                (stamp, sequence),
            ))?;
        }
        for m in &t.milestones {
            let Some(due) = m.standing.due else { continue };
            let word = tr.report().milestone;
            let description = [
                m.title.clone(),
                String::new(),
                format!(
                    "{} {}: {}",
                    tr.label(Label::Tasks),
                    t.id,
                    super::cut(&t.title, 120)
                ),
                format!("{}: {lead}", tr.label(Label::Lead)),
                format!("{}: {}", tr.label(Label::Deadline), m.deadline),
            ];
            push(event(
                &format!("{prefix}-{}-m{}@tiendo", t.id, m.number),
                due,
                &format!(
                    "{} ({word} {}) {}",
                    t.id,
                    m.number,
                    super::cut(&m.title, SUMMARY_TITLE)
                ),
                &description.join("\n"),
                tr.category(m.standing.category),
                dropped,
                (stamp, sequence),
            ))?;
        }
    }
    w.write_all(END.as_bytes())
}

fn event(
    uid: &str,
    due: NaiveDate,
    summary: &str,
    description: &str,
    category: &str,
    cancelled: bool,
    (stamp, sequence): (chrono::DateTime<Utc>, u32),
) -> Event {
    Event::new()
        .uid(uid)
        .timestamp(stamp)
        .sequence(sequence)
        .starts(due)
        .ends(due.succ_opt().unwrap_or(due))
        .summary(&one_line(summary))
        .description(&description.replace("\r\n", "\n").replace('\r', "\n"))
        .categories([category])
        .status(if cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        })
        .add_property("TRANSP", "TRANSPARENT")
        .done()
}

/// `594/KH-TCTDA06` → `594-kh-tctda06`: ASCII, lowercase, no `@`.
pub fn uid_prefix(code: &str) -> String {
    let slug: String = crate::text::slug(code);
    if slug.is_empty() {
        "plan".to_string()
    } else {
        slug
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// RFC 5545 TEXT escaping for values the crate leaves alone.
fn escape(s: &str) -> String {
    one_line(s)
        .replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_prefix_is_a_plain_slug() {
        assert_eq!(uid_prefix("594/KH-TCTDA06"), "594-kh-tctda06");
        assert_eq!(uid_prefix("Số 12/KH-UBND ngày"), "so-12-kh-ubnd-ngay");
        assert_eq!(uid_prefix("@@"), "plan");
    }

    #[test]
    fn calendar_names_are_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d e");
    }
}
