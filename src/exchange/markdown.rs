//! The journal as a Markdown document, to read, print or keep: a section per tracker, a list
//! item per entry, oldest first. It is the owner's copy, so private notes are included (marked).

use std::fmt::Write as _;

use crate::journal::{EntryKind, Journal};
use crate::output::markdown_escape;
use crate::output::report_text::money_text;

pub fn export(journal: &Journal) -> String {
    let mut out = String::from("# My milestone journal\n");
    for tracker in &journal.trackers {
        let cost = tracker
            .cost_per_day
            .map(|c| format!(", {} a day", money_text(c)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n## {} (since {}{cost})\n",
            tracker.name, tracker.since
        );
        let mut entries: Vec<_> = journal.entries_for(&tracker.name).collect();
        entries.sort_by_key(|e| e.date);
        if entries.is_empty() {
            let _ = writeln!(out, "No entries yet.");
        }
        for e in entries {
            let kind = match e.kind {
                EntryKind::Win => "**win**",
                other => other.label(),
            };
            let mut line = format!("- {} {kind}", e.date);
            if let Some(mood) = e.mood {
                let _ = write!(line, " (mood {mood})");
            }
            if let Some(intensity) = e.intensity {
                let _ = write!(line, " (intensity {intensity})");
            }
            if !e.triggers.is_empty() {
                let triggers: Vec<String> = e.triggers.iter().map(|t| markdown_escape(t)).collect();
                let _ = write!(line, " (triggers: {})", triggers.join(", "));
            }
            for tag in &e.tags {
                let _ = write!(line, " #{}", markdown_escape(tag));
            }
            if let Some(text) = &e.text {
                let private = if e.private { " *(private)*" } else { "" };
                let _ = write!(line, ":{private} {}", markdown_escape(text));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    if !journal.reasons.is_empty() {
        let _ = writeln!(out, "\n## My reasons\n");
        for reason in &journal.reasons {
            let _ = writeln!(out, "- {}", markdown_escape(&reason.text));
        }
    }
    if !journal.contacts.is_empty() {
        let _ = writeln!(out, "\n## People to call\n");
        for c in &journal.contacts {
            let _ = writeln!(
                out,
                "- {}: {}",
                markdown_escape(&c.name),
                markdown_escape(&c.phone)
            );
        }
    }
    out
}
