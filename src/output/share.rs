//! The celebratory text of `milestone share`: short, warm, and safe to paste into a chat.
//!
//! Private entries are dropped before any text is composed, so no style can leak them. Journal
//! text is cleaned of control characters. The words celebrate; they never compare or shame.

use super::{Counting, chat_safe, plural};
use crate::journal::{Entry, EntryKind};
use crate::streak::Standing;

/// How long after a reset the text speaks of starting again and of the days that still count.
const RECENT_RESET_DAYS: i64 = 30;

/// The formats `share` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShareStyle {
    Plain,
}

impl ShareStyle {
    /// "plain, markdown, ..." for messages.
    pub fn names() -> String {
        use clap::ValueEnum;
        ShareStyle::value_variants()
            .iter()
            .filter_map(|s| s.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub struct ShareOptions {
    pub emoji: bool,
    pub with_notes: bool,
    pub counting: Counting,
}

/// What one tracker contributes to the text: its standing and that day's entries.
pub struct TrackerDay<'a> {
    pub standing: &'a Standing,
    pub entries: Vec<&'a Entry>,
}

/// The plain-text message: one to three short lines, ending with a newline.
pub fn plain(days: &[TrackerDay], options: &ShareOptions) -> String {
    let emoji = |symbol: &str| {
        if options.emoji {
            format!("{symbol} ")
        } else {
            String::new()
        }
    };
    let mut lines = Vec::new();
    let single = days.len() == 1;
    for day in days {
        let s = day.standing;
        let (symbol, headline) = headline(s, options.counting);
        let next = next_milestone(s);
        if single {
            lines.push(format!("{}{headline}", emoji(symbol)));
            lines.extend(next);
        } else {
            let next = next.map(|n| format!(" {n}")).unwrap_or_default();
            lines.push(format!("{}{headline}{next}", emoji(symbol)));
        }
    }
    // Private entries leave here, before any of their text could be used.
    let public: Vec<&Entry> = days
        .iter()
        .flat_map(|d| d.entries.iter().copied())
        .filter(|e| !e.private)
        .collect();
    if let Some(win) = public.iter().find(|e| e.kind == EntryKind::Win) {
        let words = win.text.as_deref().map(chat_safe).unwrap_or_default();
        if options.with_notes && !words.is_empty() {
            lines.push(format!("{}Today's win: {words}", emoji("🏆")));
        } else {
            lines.push(format!("{}And a win of my own today!", emoji("🏆")));
        }
    }
    if options.with_notes {
        let notes: Vec<String> = public
            .iter()
            .filter(|e| e.kind == EntryKind::Checkin)
            .filter_map(|e| e.text.as_deref().map(chat_safe))
            .filter(|t| !t.is_empty())
            .collect();
        if !notes.is_empty() {
            lines.push(format!("{}{}", emoji("📝"), notes.join("; ")));
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// The opening sentence for one tracker, and the emoji that goes with it.
fn headline(s: &Standing, counting: Counting) -> (&'static str, String) {
    let free = format!("{}-free", s.tracker);
    let counts_still = if s.restarted() && s.days < RECENT_RESET_DAYS {
        let (total, of) = counting.total_of(s);
        format!(
            " Every day still counts: {total} of {of} days since {}.",
            s.since
        )
    } else {
        String::new()
    };
    let shown_days = counting.days(s);
    if let Some(m) = s.milestone_today() {
        let days = plural(shown_days, "day");
        let that_is = if m.label == days {
            String::new()
        } else {
            format!(" That's {days}, one day at a time.")
        };
        return (
            "🎉",
            format!("{} {free} today!{that_is}{counts_still}", m.label),
        );
    }
    match (s.days, s.restarted()) {
        (0, false) => ("🌱", format!("Day one: {free} starting today.")),
        (0, true) => ("💛", format!("Starting again today, {free}.{counts_still}")),
        (days, true) if days < RECENT_RESET_DAYS => (
            "💛",
            format!("{} {free} again.{counts_still}", plural(shown_days, "day")),
        ),
        _ => ("🌱", format!("{} {free}.", plural(shown_days, "day"))),
    }
}

fn next_milestone(s: &Standing) -> Option<String> {
    let m = s.next_milestone.as_ref()?;
    let when = match s.days_left()? {
        1 => "tomorrow".to_string(),
        n => format!("in {n} days"),
    };
    Some(format!("Next milestone: {} {when}.", m.label))
}
