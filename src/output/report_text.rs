//! `milestone report` as a page of text that fits 80 columns and prints well.

use std::fmt::Write as _;

use chrono::{Datelike, Days};
use comfy_table::presets::NOTHING;
use comfy_table::{CellAlignment, Table};

use super::{Counting, Paint, plural, terminal_safe};
use crate::journal::Entry;
use crate::report::{Calendar, Report, Span};

pub const WIDTH: usize = 80;
/// The mood trend covers the last year.
pub const MOOD_MONTHS: usize = 12;

/// The page for one tracker. `paint` decides colour and whether the calendar uses Unicode
/// blocks (a terminal) or plain ASCII (a pipe or a printer).
pub fn page(r: &Report, counting: Counting, paint: Paint) -> String {
    let s = &r.standing;
    let mut out = String::new();
    let title = format!("Milestone report: {}", s.tracker);
    let as_of = format!("as of {}", s.on);
    let gap = WIDTH
        .saturating_sub(title.chars().count() + as_of.len())
        .max(1);
    let _ = writeln!(out, "{}{}{as_of}", paint.bold(&title), " ".repeat(gap));
    let _ = writeln!(out, "{}", "=".repeat(WIDTH));

    let days = plural(counting.days(s), "day");
    let headline = match (s.days, s.restarted()) {
        (0, false) => format!("Day one: {} starting today.", s.phrase),
        (0, true) => format!("Starting again today, {}.", s.phrase),
        (_, restarted) => format!(
            "{} {}{}, {} {}.",
            paint.green(&days),
            s.phrase,
            span_words(r.span())
                .map(|w| format!(" ({w})"))
                .unwrap_or_default(),
            if restarted {
                "started again on"
            } else {
                "since"
            },
            s.start
        ),
    };
    let facts = std::iter::once(headline).chain(fact_lines(r, counting));
    for fact in facts {
        out.push_str(&wrapped(&fact, ""));
    }

    section(&mut out, "Milestones reached in this streak", paint);
    if r.reached.is_empty() {
        let first = r
            .upcoming
            .first()
            .map(|m| m.label.as_str())
            .unwrap_or("1 day");
        let _ = writeln!(out, "  None yet; the first, {first}, is close.");
    } else {
        let rows = r.reached.iter().map(|m| {
            let when = if m.date == s.on {
                "today!".to_string()
            } else {
                String::new()
            };
            vec![m.label.clone(), m.date.to_string(), when]
        });
        out.push_str(&columns(rows));
    }

    section(&mut out, "Coming up", paint);
    if r.upcoming.is_empty() {
        let _ = writeln!(
            out,
            "  Your ladder has no more steps; every day is its own milestone."
        );
    } else {
        let rows = r.upcoming.iter().map(|m| {
            let left = (m.date - s.on).num_days();
            vec![
                m.label.clone(),
                m.date.to_string(),
                format!("in {}", plural(left, "day")),
            ]
        });
        out.push_str(&columns(rows));
    }

    if !r.wins.is_empty() {
        section(&mut out, "Your wins", paint);
        out.push_str(&entry_lines(&r.wins));
    }
    if !r.resets.is_empty() {
        section(&mut out, "Resets", paint);
        let _ = writeln!(
            out,
            "  Each one is part of the road, and the days before it still count."
        );
        out.push_str(&entry_lines(&r.resets));
    }
    if !s.past_runs.is_empty() {
        section(&mut out, "Past streaks", paint);
        let rows = s.past_runs.iter().map(|run| {
            vec![
                format!("{} to {}", run.start, run.end),
                plural(run.days, "day"),
            ]
        });
        out.push_str(&columns(rows));
        if let (Some(average), n @ 2..) = (s.average_of_last_three(), s.past_runs.len()) {
            let _ = writeln!(
                out,
                "  Average of the last {}: {average:.1} days.",
                n.min(3)
            );
        }
    }

    section(&mut out, "Check-ins, last 12 weeks", paint);
    out.push_str(&calendar_grid(&r.calendar, paint));

    if !r.moods.is_empty() {
        section(&mut out, "Mood by month (1 low, 5 great)", paint);
        let bar = if paint.color { "█" } else { "#" };
        for m in r.moods.iter().rev().take(MOOD_MONTHS).rev() {
            let _ = writeln!(
                out,
                "  {}-{:02}  {:.1}  {}  ({})",
                m.year,
                m.month,
                m.average,
                bar.repeat((m.average * 4.0).round() as usize),
                plural(m.entries as i64, "entry")
            );
        }
    }
    out
}

fn section(out: &mut String, title: &str, paint: Paint) {
    let _ = writeln!(out, "\n{}", paint.bold(title));
}

/// Left-aligned columns without borders, indented two spaces.
fn columns(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut table = Table::new();
    table.load_style(NOTHING);
    for row in rows {
        table.add_row(row);
    }
    for column in table.column_iter_mut() {
        column.set_cell_alignment(CellAlignment::Left);
    }
    let mut out = String::new();
    for line in table.lines() {
        let _ = writeln!(out, " {}", line.trim_end());
    }
    out
}

fn entry_lines(entries: &[&Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        let text = match (&e.text, e.private) {
            (_, true) => "(private)".to_string(),
            (Some(text), false) => terminal_safe(text).into_owned(),
            (None, false) => String::new(),
        };
        out.push_str(&wrapped(&format!("  {}  {text}", e.date), "              "));
    }
    out
}

/// `text` wrapped to the page width, later lines indented by `indent`, each ending in "\n".
fn wrapped(text: &str, indent: &str) -> String {
    let options = textwrap::Options::new(WIDTH).subsequent_indent(indent);
    let mut out = String::new();
    for line in textwrap::wrap(text.trim_end(), options) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The figures under the headline: total days, longest streak, money not spent (each left out
/// where it would only say zero).
pub fn fact_lines(r: &Report, counting: Counting) -> Vec<String> {
    let s = &r.standing;
    let (total, of) = counting.total_of(s);
    let mut facts = Vec::new();
    if s.resets > 0 {
        facts.push(format!(
            "Every day still counts: {total} of {of} days since {}.",
            s.since
        ));
    } else if total > 0 {
        facts.push(format!(
            "{} in all since {}.",
            plural(total, "day"),
            s.since
        ));
    }
    if s.days > 0 || !s.past_runs.is_empty() {
        facts.push(format!(
            "Longest streak: {}.",
            plural(counting.longest(s), "day")
        ));
    }
    if let (Some(money), Some(cost)) = (r.money_not_spent(), r.cost_per_day)
        && money > 0.0
    {
        facts.push(format!(
            "Money not spent: {} ({} a day).",
            money_text(money),
            money_text(cost)
        ));
    }
    facts
}

/// What the report says before the first milestone of a streak.
pub fn none_reached_yet(r: &Report) -> String {
    match r.upcoming.first() {
        Some(m) => format!("None yet. The first, {}, is on {}.", m.label, m.date),
        None => "None yet.".to_string(),
    }
}

/// "5 months, 24 days"; `None` when the streak is under a month (the day count says it all).
pub fn span_words(span: Span) -> Option<String> {
    if span.years == 0 && span.months == 0 {
        return None;
    }
    let mut parts = Vec::new();
    if span.years > 0 {
        parts.push(plural(span.years.into(), "year"));
    }
    if span.months > 0 {
        parts.push(plural(span.months.into(), "month"));
    }
    if span.days > 0 {
        parts.push(plural(span.days, "day"));
    }
    Some(parts.join(", "))
}

/// `4612.5` as "4,612.50": no currency symbol, the person knows theirs.
pub fn money_text(amount: f64) -> String {
    let cents = (amount * 100.0).round() as i64;
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped}.{:02}", cents % 100)
}

/// A GitHub-style grid: a column per week, a row per weekday.
pub fn calendar_grid(c: &Calendar, paint: Paint) -> String {
    let weeks = c.counts.len() / 7;
    let (done, none) = if paint.color {
        ("■", "·")
    } else {
        ("#", ".")
    };
    let mut out = String::new();

    // Month names above the first week of each month, where there is room for them.
    let mut header = " ".repeat(7);
    let mut previous_month = None;
    for week in 0..weeks {
        let monday = c.first + Days::new(week as u64 * 7);
        let column = 7 + week * 2;
        if previous_month != Some(monday.month()) && header.len() <= column {
            header.push_str(&" ".repeat(column - header.len()));
            header.push_str(&monday.format("%b").to_string());
            header.push(' ');
        }
        previous_month = Some(monday.month());
    }
    let _ = writeln!(out, "{}", header.trim_end());

    for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let mut line = format!("  {name}  ");
        for week in 0..weeks {
            let index = week * 7 + row;
            let day = c.first + Days::new(index as u64);
            let cell = if day > c.on || day < c.since {
                " ".to_string()
            } else if c.counts[index] > 0 {
                paint.green(done)
            } else {
                none.to_string()
            };
            line.push_str(&cell);
            line.push(' ');
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let checked = c.counts.iter().filter(|n| **n > 0).count();
    if checked == 0 {
        let _ = writeln!(
            out,
            "  Check-ins you log with `milestone add` will show here."
        );
    } else {
        let _ = writeln!(
            out,
            "  {done} a day with a check-in ({} in these 12 weeks)",
            plural(checked as i64, "day")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_with_two_decimals() {
        assert_eq!(money_text(0.0), "0.00");
        assert_eq!(money_text(12.5), "12.50");
        assert_eq!(money_text(4612.5), "4,612.50");
        assert_eq!(money_text(1234567.891), "1,234,567.89");
    }

    #[test]
    fn spans_read_naturally() {
        let span = |years, months, days| {
            span_words(Span {
                years,
                months,
                days,
            })
        };
        assert_eq!(span(0, 0, 20), None);
        assert_eq!(span(0, 5, 24).as_deref(), Some("5 months, 24 days"));
        assert_eq!(span(1, 0, 0).as_deref(), Some("1 year"));
        assert_eq!(span(2, 1, 1).as_deref(), Some("2 years, 1 month, 1 day"));
    }
}
