//! How entries are named in confirmations and questions.

use chrono::NaiveDate;

use crate::journal::{Entry, EntryKind};
use crate::output::{Counting, terminal_safe};
use crate::streak::Standing;

/// Longest part of a note quoted back in a confirmation.
const QUOTED_CHARS: usize = 60;

/// "2026-11-24 alcohol check-in: went to a meeting", for confirmations.
pub fn describe(entry: &Entry) -> String {
    let kind = entry.kind.label();
    let text = entry
        .text
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(|t| {
            let short: String = t.chars().take(QUOTED_CHARS).collect();
            let more = if t.chars().count() > QUOTED_CHARS {
                "…"
            } else {
                ""
            };
            format!(": {}{more}", terminal_safe(&short))
        })
        .unwrap_or_default();
    format!("{} {} {kind}{text}", entry.date, entry.tracker)
}

/// How to take back an entry just written.
pub fn take_back(id: &str) -> String {
    format!("To take it back: milestone rm {id}")
}

/// "a check-in", "a win", with the article a sentence needs.
pub fn with_article(kind: EntryKind) -> String {
    let label = kind.label();
    let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {label}")
}

/// "Logged a check-in for alcohol on 2026-11-25: day 256."
pub fn logged(entry: &Entry, count: Option<&str>) -> String {
    let what = with_article(entry.kind);
    match count {
        Some(count) => format!(
            "Logged {what} for {} on {}: {count}.",
            entry.tracker, entry.date
        ),
        None => format!("Logged {what} for {} on {}.", entry.tracker, entry.date),
    }
}

/// The lines that celebrate the entry's day: its milestone, and tomorrow's.
pub fn celebrations(standing: &Standing, emoji: bool) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(m) = standing.milestone_today() {
        let party = if emoji { "🎉 " } else { "" };
        lines.push(format!("{party}{} today!", m.label));
    }
    if let (Some(m), Some(1)) = (&standing.next_milestone, standing.days_left()) {
        lines.push(format!("Tomorrow: {}.", m.label));
    }
    lines
}

/// Asked before a reset is recorded on a terminal.
pub fn reset_question(tracker: &str, date: NaiveDate) -> String {
    format!(
        "Record a reset for {tracker} on {date}? Your streak starts again that day; every day before it stays in your history."
    )
}

pub const RESET_DECLINED: &str = "Nothing was recorded.";

/// What `reset` says once the reset is written: care first, then what it means.
pub fn reset_recorded(
    entry: &Entry,
    standing: Option<&Standing>,
    counting: Counting,
) -> Vec<String> {
    let mut lines = vec![
        "Thank you for being honest with yourself. A slip can be part of recovery.".to_string(),
    ];
    let recorded = format!("Recorded a reset for {} on {}.", entry.tracker, entry.date);
    let Some(s) = standing.filter(|s| s.start == entry.date) else {
        lines.push(recorded);
        return lines;
    };
    let counted = counting.days(s);
    if s.days == 0 {
        lines.push(format!("{recorded} A new streak starts today: day one."));
    } else {
        lines.push(format!(
            "{recorded} Your new streak is already {} old.",
            crate::output::plural(counted, "day")
        ));
    }
    let total = counting.total_of(s).0;
    lines.push(format!(
        "Every day before it still counts: {} since {}.",
        crate::output::plural(total, "day"),
        s.since
    ));
    lines
}
