//! The monthly report as Markdown: pure, deterministic, renders on GitHub and pandoc.
//! Every table has a header row; cells escape `|`, line breaks, HTML and inline markup;
//! no line ends in a space.

use std::fmt::Write as _;

use crate::i18n::{Label, RateBase, Timely, Tr};
use crate::model::status::{Apart, Category};
use crate::render::{cut, units_text};
use crate::report::{ChangeWhat, Changes, DueRow, NARRATIVE_PARTS, Period, Report};
use crate::summary::Counts;

/// Inline code: the text verbatim between backtick fences one longer than its longest run
/// of backticks (backslash escapes are not read inside a code span, so `escape` there shows
/// `my\_base`). Line breaks and control characters become spaces.
pub fn code(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if c.is_control() || crate::text::is_unsafe_for_terminal(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in flat.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

/// Escape text for a table cell or inline Markdown.
pub fn escape(text: &str) -> String {
    // Fast path: most cells hold nothing Markdown or HTML would read specially.
    let special = |c: char| {
        matches!(
            c,
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&'
        ) || c.is_control()
    };
    if !text.contains(special) && text.trim() == text {
        return text.to_string();
    }
    let mut s = String::with_capacity(text.len() + 16);
    let flat = text.replace("\r\n", "\n");
    for (i, line) in flat.split('\n').map(str::trim).enumerate() {
        if i > 0 {
            s.push_str("<br>");
        }
        for (k, c) in line.char_indices() {
            match c {
                '\\' | '|' | '`' | '*' | '_' | '[' | ']' => {
                    s.push('\\');
                    s.push(c);
                }
                '<' => s.push_str("&lt;"),
                '>' => s.push_str("&gt;"),
                '&' if looks_like_entity(&line[k + 1..]) => s.push_str("&amp;"),
                c if c.is_control() => s.push(' '),
                c => s.push(c),
            }
        }
    }
    s
}

/// `&` followed by `#123;` or a common entity name and `;` would be read as a character
/// reference. Other `&…;` runs (such as `Sở TT&TT; CA tỉnh`) are not references in CommonMark
/// and stay readable in the raw file.
fn looks_like_entity(rest: &str) -> bool {
    const NAMES: [&str; 16] = [
        "amp", "lt", "gt", "quot", "apos", "nbsp", "copy", "reg", "trade", "hellip", "mdash",
        "ndash", "laquo", "raquo", "shy", "zwj",
    ];
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    let body = &rest[..len];
    if body.is_empty() || rest.as_bytes().get(len) != Some(&b';') {
        return false;
    }
    body.starts_with('#') || NAMES.iter().any(|n| n.eq_ignore_ascii_case(body))
}

fn table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(header));
    let sep: Vec<String> = header.iter().map(|_| "---".to_string()).collect();
    out.push_str(&line(&sep));
    for r in rows {
        out.push_str(&line(r));
    }
    out.push('\n');
}

fn counts_header(tr: &dyn Tr, first: &str, with_dropped: Apart) -> Vec<String> {
    let mut h = vec![first.to_string()];
    for c in Category::ALL {
        if with_dropped.shows(c) {
            h.push(tr.category(c).to_string());
        }
    }
    h.push(tr.label(Label::Total).to_string());
    h
}

fn counts_row(first: String, c: &Counts, with_dropped: Apart) -> Vec<String> {
    let mut r = vec![first];
    for cat in Category::ALL {
        if with_dropped.shows(cat) {
            r.push(c.get(cat).to_string());
        }
    }
    r.push(c.total().to_string());
    r
}

fn due_id(tr: &dyn Tr, d: &DueRow) -> String {
    match d.milestone {
        Some(n) => format!("{} ({} {n})", d.task, tr.report().milestone),
        None => d.task.clone(),
    }
}

/// The overdue and falling-due tables: id (with milestone), short title, lead, the phrase and
/// the derived date side by side, and days overdue when asked.
fn due_table(out: &mut String, items: &[DueRow], tr: &dyn Tr, days: bool) {
    let mut labels = vec![
        Label::Id,
        Label::Title,
        Label::Lead,
        Label::Deadline,
        Label::Due,
    ];
    if days {
        labels.push(Label::DaysOverdue);
    }
    let header: Vec<String> = labels.iter().map(|l| tr.label(*l).to_string()).collect();
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|d| {
            let mut row = vec![
                escape(&due_id(tr, d)),
                escape(&cut(&d.title, 90)),
                escape(&units_text(&d.lead)),
                escape(&d.deadline),
                d.standing.due.map(|x| tr.date(x)).unwrap_or_default(),
            ];
            if days {
                row.push(d.standing.days_late.unwrap_or(0).to_string());
            }
            row
        })
        .collect();
    table(out, &header, &rows);
}

/// Lines that open and close a part the secretariat wrote; `report --check` leaves what lies
/// between them out of the comparison (a narrative is edited by people, never by the tool).
pub const NARRATIVE_OPEN: &str = "<!-- ghi-chu -->";
pub const NARRATIVE_CLOSE: &str = "<!-- /ghi-chu -->";

/// The provenance line: what the report was judged from. `report --check` does not compare it
/// (a draft stays current while its content does).
fn basis_line(r: &Report, tr: &dyn Tr) -> String {
    let short = |c: &str| c.chars().take(12).collect::<String>();
    let what = match (&r.basis.revision, &r.basis.commit) {
        (Some(rev), Some(c)) => tr.timely(&Timely::BasisRevision {
            rev,
            commit: &short(c),
        }),
        (None, Some(c)) => tr.timely(&Timely::BasisCommit {
            commit: &short(c),
            dirty: r.basis.dirty,
        }),
        _ => tr.timely(&Timely::BasisNone),
    };
    format!("{}{what}", basis_prefix(tr))
}

/// How the provenance line starts (`- **Dữ liệu:** `).
pub fn basis_prefix(tr: &dyn Tr) -> String {
    format!("- **{}:** ", tr.timely(&Timely::BasisLabel))
}

/// The text a comparison of two renderings looks at: without the provenance line and the
/// secretariat's parts.
pub fn comparable(text: &str, tr: &dyn Tr) -> String {
    let prefix = basis_prefix(tr);
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == NARRATIVE_OPEN {
            inside = true;
            out.push_str(line);
            continue;
        }
        if bare == NARRATIVE_CLOSE {
            inside = false;
        }
        if inside || bare.starts_with(&prefix) {
            continue;
        }
        out.push_str(line);
    }
    out
}

/// A narrative part as written, kept inside its section: headings in it are demoted below the
/// report's own, and the closing marker cannot be forged.
fn narrative_text(text: &str) -> String {
    text.lines()
        .map(|l| {
            let l = l.replace(NARRATIVE_CLOSE, "").replace(NARRATIVE_OPEN, "");
            if l.starts_with('#') {
                format!("###{}", l.trim_start_matches('#'))
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The appendix's deadline cell: the phrase in force, then each amendment in force with its day
/// and basis.
fn deadline_cell(row: &crate::report::Row, tr: &dyn Tr) -> String {
    let mut s = row.deadline.clone();
    for a in &row.amendments {
        s.push_str(&format!(
            " ({} {}: {})",
            tr.timely(&Timely::AmendedWord),
            tr.date(a.on),
            tr.timely(&Timely::AmendmentText(a))
        ));
    }
    s
}

/// The appendix's standing cell: the category, then the links between plans (issue 16), so the
/// report follows a carried task both ways.
fn standing_cell(row: &crate::report::Row, tr: &dyn Tr) -> String {
    let mut s = tr.category(row.standing.category).to_string();
    if let Some(from) = &row.carried_from {
        s.push_str(&format!(" ({})", tr.timely(&Timely::CarriedFrom(from))));
    }
    if let Some(to) = &row.carried_to {
        s.push_str(&format!(" ({})", tr.timely(&Timely::CarriedTo(to))));
    }
    s
}

/// The report as Markdown: renders the value, computes nothing.
pub fn report(r: &Report, tr: &dyn Tr) -> String {
    let t = tr.report();
    let mut out = String::new();
    let period = tr.timely(&Timely::PeriodName(r.period));
    if let Some(i) = &r.issued {
        let _ = writeln!(out, "{}\n", i.marker());
    }
    let issued = r
        .issued
        .as_ref()
        .map(|i| {
            format!(
                " ({})",
                escape(&tr.timely(&Timely::IssuedHeading {
                    number: &i.number,
                    date: i.date
                }))
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "# {} {} {} — {period}{}\n",
        t.heading,
        t.plan.to_lowercase(),
        escape(&r.plan_code),
        issued
    );
    let _ = writeln!(out, "<!-- {} -->\n", t.generated_by);
    let _ = writeln!(
        out,
        "- **{}:** {} — {}",
        t.plan,
        escape(&r.plan_code),
        escape(&r.plan_title)
    );
    match r.period {
        Period::Month(_) => {
            let _ = writeln!(out, "- **{}:** {period}", t.month);
        }
        _ => {
            let _ = writeln!(out, "- **{}:** {period}", tr.timely(&Timely::PeriodLabel));
        }
    }
    let _ = writeln!(
        out,
        "- **{}:** {} – {}",
        t.window,
        tr.date(r.window.start),
        tr.date(r.window.end)
    );
    let _ = writeln!(out, "- **{}:** {}", t.as_of, tr.date(r.as_of));
    let _ = writeln!(out, "{}", basis_line(r, tr));
    if let Some(day) = r.closed {
        let _ = writeln!(out, "- **{}**", tr.timely(&Timely::Closed { day }));
    }
    out.push('\n');

    let with_dropped = Apart {
        dropped: r.show_dropped,
        carried: r.show_carried,
    };

    // 1. Overview
    let _ = writeln!(out, "## 1. {}\n", t.overview);
    let fc = &r.overview.focus;
    let gc = &r.overview.groups;
    let mut rows = vec![];
    if fc.total() > 0 {
        rows.push(counts_row(
            tr.label(Label::FocusTasks).to_string(),
            fc,
            with_dropped,
        ));
    }
    rows.push(counts_row(
        tr.label(Label::GroupTasks).to_string(),
        gc,
        with_dropped,
    ));
    rows.push(counts_row(
        format!("**{}**", tr.label(Label::Total)),
        &r.overview.all,
        with_dropped,
    ));
    table(
        &mut out,
        &counts_header(tr, tr.label(Label::Tasks), with_dropped),
        &rows,
    );
    if fc.total() > 0 {
        let _ = writeln!(
            out,
            "- {} ({}): {}",
            tr.label(Label::Rate),
            tr.label(Label::FocusTasks).to_lowercase(),
            tr.rate(fc.done(), fc.came_due(), RateBase::CameDue)
        );
    }
    let _ = writeln!(
        out,
        "- {} ({}): {}",
        tr.label(Label::Rate),
        tr.label(Label::GroupTasks).to_lowercase(),
        tr.rate(gc.done(), gc.came_due(), RateBase::CameDue)
    );
    let _ = writeln!(out, "\n{}", t.rate_note);
    if with_dropped.dropped {
        let _ = writeln!(out, "{}", t.dropped_note);
    }
    if !r.same_as.is_empty() {
        let links: Vec<String> = r
            .same_as
            .iter()
            .map(|(a, b)| format!("{a} = {b}"))
            .collect();
        let _ = writeln!(
            out,
            "{}",
            escape(&tr.timely(&Timely::DistinctWork {
                tasks: r.overview.all.total(),
                distinct: r.distinct_work,
                links: &links.join(", "),
            }))
        );
    }
    if r.period == Period::Final {
        let all = &r.overview.all;
        let _ = writeln!(
            out,
            "\n**{}**",
            tr.timely(&Timely::FinalTally {
                on_time: all.get(Category::DoneOnTime),
                late: all.get(Category::DoneLate),
                unfinished: all.total() - all.done() - all.get(Category::Dropped),
                dropped: all.get(Category::Dropped),
            })
        );
    }
    out.push('\n');

    // 2. By group
    let _ = writeln!(out, "## 2. {}\n", t.by_group);
    let rows: Vec<Vec<String>> = r
        .by_group
        .iter()
        .map(|g| {
            let indent = "— ".repeat(g.depth);
            counts_row(
                format!("{indent}{} {}", escape(&g.id), escape(&cut(&g.title, 60))),
                &g.counts,
                with_dropped,
            )
        })
        .collect();
    table(
        &mut out,
        &counts_header(tr, tr.label(Label::Group), with_dropped),
        &rows,
    );

    // 3. By lead unit
    let _ = writeln!(out, "## 3. {}\n", t.by_lead);
    let mut cats = vec![
        Category::DoneOnTime,
        Category::DoneLate,
        Category::InProgress,
        Category::Overdue,
        Category::Ongoing,
        Category::NoDate,
    ];
    for c in [Category::CarriedOver, Category::Dropped] {
        if with_dropped.shows(c) {
            cats.push(c);
        }
    }
    let mut header = vec![
        tr.label(Label::Unit).to_string(),
        tr.label(Label::Led).to_string(),
    ];
    header.extend(cats.iter().map(|c| tr.category(*c).to_string()));
    let mut rows: Vec<Vec<String>> = vec![];
    for l in &r.by_lead {
        let mut label = crate::render::unit_text(&l.unit);
        if !l.members.is_empty() {
            let (x, y) = l.reported();
            label = format!("{label} ({x}/{y} {})", t.units_reported);
        }
        let mut row = vec![escape(&label), l.counts.total().to_string()];
        row.extend(cats.iter().map(|c| l.counts.get(*c).to_string()));
        rows.push(row);
        if r.by_member {
            for (m, reported) in &l.members {
                let word = if *reported {
                    t.member_reported
                } else {
                    t.member_silent
                };
                let mut row = vec![
                    escape(&format!("↳ {} ({word})", m.label)),
                    l.counts.total().to_string(),
                ];
                row.extend(cats.iter().map(|c| l.counts.get(*c).to_string()));
                rows.push(row);
            }
        }
    }
    table(&mut out, &header, &rows);

    // 4. Overdue
    let _ = writeln!(out, "## 4. {}\n", t.overdue);
    let _ = writeln!(out, "{}\n", tr.timely(&Timely::OverdueRule));
    if r.overdue.is_empty() {
        let _ = writeln!(out, "{}\n", t.none_overdue);
    } else {
        due_table(&mut out, &r.overdue, tr, true);
    }

    // 5. Falling due next period
    if r.period == Period::Final {
        let _ = writeln!(out, "## 5. {}\n", t.due_next);
        let _ = writeln!(out, "{}\n", tr.timely(&Timely::NoNextPeriod));
    } else {
        let _ = writeln!(
            out,
            "## 5. {} ({} – {})\n",
            t.due_next,
            tr.date(r.next.start),
            tr.date(r.next.end)
        );
        if r.due_next.is_empty() {
            let _ = writeln!(out, "{}\n", t.none_due_next);
        } else {
            if r.due_before_next > 0 {
                let _ = writeln!(
                    out,
                    "{}\n",
                    tr.timely(&Timely::DueBeforeNext {
                        count: r.due_before_next,
                        from: r.as_of,
                    })
                );
            }
            due_table(&mut out, &r.due_next, tr, false);
        }
    }

    // 6. Units that did not report
    let _ = writeln!(out, "## 6. {}\n", t.not_reported);
    if r.not_reported.is_empty() {
        let _ = writeln!(out, "{}\n", t.all_reported);
    } else {
        let _ = writeln!(out, "{}\n", t.not_reported_note);
        let header = vec![
            tr.label(Label::Unit).to_string(),
            tr.label(Label::Total).to_string(),
            t.missing_tasks.to_string(),
        ];
        let rows: Vec<Vec<String>> = r
            .not_reported
            .iter()
            .map(|s| {
                vec![
                    escape(&s.unit.label),
                    s.tasks.len().to_string(),
                    escape(&s.tasks.join(", ")),
                ]
            })
            .collect();
        table(&mut out, &header, &rows);
    }

    // 7. Indicators
    let _ = writeln!(out, "## 7. {}\n", t.indicators);
    if r.indicators.is_empty() {
        let _ = writeln!(out, "{}\n", t.no_indicators);
    } else {
        let header = [
            Label::Id,
            Label::Indicator,
            Label::Target,
            Label::Latest,
            Label::Date,
            Label::Met,
        ]
        .map(|l| tr.label(l).to_string());
        let rows: Vec<Vec<String>> = r
            .indicators
            .iter()
            .map(|i| {
                let value = i
                    .latest
                    .as_ref()
                    .and_then(|p| p.value)
                    .map(|v| format!("{}{}", tr.number(v), i.unit.as_deref().unwrap_or("")))
                    .unwrap_or_else(|| "—".to_string());
                let met = match i.met {
                    Some(true) => tr.label(Label::Met).to_string(),
                    Some(false) if i.task_category.is_done() => {
                        tr.timely(&Timely::IndicatorDoneBelow)
                    }
                    Some(false) => tr.label(Label::NotMet).to_string(),
                    None => tr.label(Label::Unknown).to_string(),
                };
                vec![
                    escape(&i.task),
                    escape(i.text.as_deref().unwrap_or(&i.name)),
                    escape(&i.target),
                    escape(&value),
                    i.latest
                        .as_ref()
                        .map(|p| tr.date(p.date))
                        .unwrap_or_else(|| "—".to_string()),
                    met,
                ]
            })
            .collect();
        table(&mut out, &header, &rows);
        if r.indicators
            .iter()
            .any(|i| i.met == Some(false) && i.task_category.is_done())
        {
            let _ = writeln!(out, "{}\n", tr.timely(&Timely::IndicatorDoneBelowNote));
        }
    }

    // 8. Progress this period
    let _ = writeln!(out, "## 8. {}\n", t.progress);
    if r.progress.is_empty() {
        let _ = writeln!(out, "{}\n", t.no_progress);
    } else {
        for b in &r.progress {
            let _ = writeln!(
                out,
                "### {} — {}\n",
                escape(&b.task),
                escape(&cut(&b.title, 90))
            );
            for p in &b.entries {
                let pct = p.percent.map(|x| format!(" ({x}%)")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {}, {}{pct}: {}",
                    tr.date(p.date),
                    escape(&p.by.label),
                    escape(&p.note)
                );
            }
            out.push('\n');
        }
    }

    // 9. Changes to the plan: amendments taking effect in the window, then the commits.
    let _ = writeln!(out, "## 9. {}\n", t.changes);
    if !r.amended.is_empty() {
        let _ = writeln!(out, "{}\n", tr.timely(&Timely::AmendedHeading));
        let mut last: Option<&str> = None;
        for a in &r.amended {
            if last != Some(a.task.as_str()) {
                let _ = writeln!(out, "- **{}**", escape(&a.task));
                last = Some(a.task.as_str());
            }
            let _ = writeln!(
                out,
                "  - {}: {}",
                tr.date(a.on),
                escape(&tr.timely(&Timely::AmendmentText(a)))
            );
        }
        out.push('\n');
        if matches!(&r.changes, Changes::Commits(c) if !c.is_empty()) {
            let _ = writeln!(out, "{}\n", tr.timely(&Timely::CommitsHeading));
        }
    }
    match &r.changes {
        Changes::Unavailable(why) => {
            let why = tr.everyday(&crate::i18n::Everyday::NoHistory { why });
            let _ = writeln!(out, "{}\n", escape(&why));
        }
        Changes::Commits(c) if c.is_empty() => {
            if r.amended.is_empty() {
                let _ = writeln!(out, "{}\n", t.no_changes);
            }
        }
        Changes::Commits(c) => {
            let label = |id: &str| r.unit_label(id).to_string();
            for task in c {
                let _ = writeln!(out, "- **{}**", escape(&task.task));
                for l in &task.lines {
                    let what = match &l.what {
                        ChangeWhat::Task(c) => crate::render::history::change_head(c, tr),
                        ChangeWhat::Field(f) => {
                            crate::render::history::field_line_with(&label, f, tr)
                        }
                    };
                    let _ = writeln!(
                        out,
                        "  - {} `{}` ({}): {}",
                        l.day.map(|d| tr.date(d)).unwrap_or_default(),
                        l.commit,
                        escape(&l.author),
                        escape(&what)
                    );
                }
            }
            out.push('\n');
        }
    }

    // 10. Late returns
    let _ = writeln!(out, "## 10. {}\n", tr.timely(&Timely::LateHeading));
    if r.late.is_empty() {
        let _ = writeln!(out, "{}\n", tr.timely(&Timely::NoLate));
    } else {
        let _ = writeln!(out, "{}\n", tr.timely(&Timely::LateNote));
        let header = vec![
            tr.label(Label::Id).to_string(),
            tr.label(Label::Unit).to_string(),
            tr.timely(&Timely::LateDate),
            tr.timely(&Timely::LateReceived),
            tr.label(Label::Note).to_string(),
        ];
        let rows: Vec<Vec<String>> = r
            .late
            .iter()
            .map(|l| {
                let pct = l
                    .entry
                    .percent
                    .map(|x| format!(" ({x}%)"))
                    .unwrap_or_default();
                vec![
                    escape(&l.task),
                    escape(&l.entry.by.label),
                    tr.date(l.entry.date),
                    tr.date(l.received),
                    escape(&format!("{}{pct}", l.entry.note)),
                ]
            })
            .collect();
        table(&mut out, &header, &rows);
    }

    // 11–13. What people write: direction, shortcomings, proposals.
    let parts = [
        &r.narrative.direction,
        &r.narrative.shortcomings,
        &r.narrative.proposals,
    ];
    for (k, (part, text)) in NARRATIVE_PARTS.iter().zip(parts).enumerate() {
        let _ = writeln!(
            out,
            "## {}. {}\n",
            11 + k,
            tr.timely(&Timely::NarrativeHeading { part })
        );
        let _ = writeln!(out, "{NARRATIVE_OPEN}");
        match text {
            Some(text) => {
                let _ = writeln!(out, "{}", narrative_text(text));
            }
            None => {
                let _ = writeln!(
                    out,
                    "{}",
                    tr.timely(&Timely::NarrativePlaceholder {
                        file: &r.narrative.file,
                        part,
                    })
                );
            }
        }
        let _ = writeln!(out, "{NARRATIVE_CLOSE}\n");
    }

    // 14. Appendix
    let _ = writeln!(out, "## 14. {}\n", t.appendix);
    let header = [
        Label::Id,
        Label::Title,
        Label::Lead,
        Label::Support,
        Label::Deadline,
        Label::Due,
        Label::Category,
    ]
    .map(|l| tr.label(l).to_string());
    let rows: Vec<Vec<String>> = r
        .appendix
        .iter()
        .map(|j| {
            vec![
                escape(&j.id),
                escape(&cut(&j.title, 120)),
                escape(&units_text(&j.lead)),
                escape(&units_text(&j.support)),
                escape(&deadline_cell(j, tr)),
                j.standing
                    .due
                    .map(|x| tr.date(x))
                    .unwrap_or_else(|| "—".to_string()),
                escape(&standing_cell(j, tr)),
            ]
        })
        .collect();
    table(&mut out, &header, &rows);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_leaves_out_the_provenance_and_the_secretariat_parts() {
        let tr = crate::i18n::tr(crate::i18n::Lang::Vi);
        let a = "# B\n- **Dữ liệu:** thư mục kế hoạch tại commit `aaa`\n## 11. X\n\n<!-- ghi-chu -->\nmột\n<!-- /ghi-chu -->\n| 1 |\n";
        let b = "# B\n- **Dữ liệu:** thư mục kế hoạch tại commit `bbb`, có thay đổi chưa commit\n## 11. X\n\n<!-- ghi-chu -->\nhai\nba\n<!-- /ghi-chu -->\n| 1 |\n";
        assert_eq!(comparable(a, tr), comparable(b, tr));
        let c = b.replace("| 1 |", "| 2 |");
        assert_ne!(
            comparable(a, tr),
            comparable(&c, tr),
            "the computed part still counts"
        );
        // A narrative cannot close its own section early.
        assert_eq!(narrative_text("a <!-- /ghi-chu --> b\n# H"), "a  b\n### H");
    }

    #[test]
    fn cells_cannot_break_tables_or_inject_html() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(
            escape("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(escape("dòng 1\ndòng 2"), "dòng 1<br>dòng 2");
        assert_eq!(escape("`code` *b*"), "\\`code\\` \\*b\\*");
        assert_eq!(escape("Sở TT&TT"), "Sở TT&TT");
        assert_eq!(escape("a &lt; b &#60;"), "a &amp;lt; b &amp;#60;");
        assert_eq!(escape("Sở TT&TT; CA tỉnh"), "Sở TT&TT; CA tỉnh");
    }
}
