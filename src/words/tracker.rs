//! What `milestone tracker` says: the list of trackers, and what a change did.

use std::fmt::Write as _;

use crate::journal::Tracker;
use crate::journal::edit::TrackerChanges;

pub const NOTHING_TO_CHANGE: &str = "nothing to change; give --rename, --since, --cost-per-day, --phrase, --private or --shareable (or no NAME, to list your trackers)";

/// One line per tracker: its name, since when, its phrase, privacy and cost.
pub fn listing(trackers: &[Tracker]) -> String {
    if trackers.is_empty() {
        return "No trackers yet; begin with `milestone start NAME`.\n".into();
    }
    let width = trackers.iter().map(|t| t.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for t in trackers {
        let mut line = format!("{:<width$}  since {}  \"{}\"", t.name, t.since, t.phrase());
        if let Some(cost) = t.cost_per_day {
            let _ = write!(line, "  {cost} a day");
        }
        line.push_str(if t.private {
            "  private: never shared"
        } else {
            "  shareable"
        });
        let _ = writeln!(out, "{line}");
    }
    out
}

/// One line per change made.
pub fn changed(before: &Tracker, changes: &TrackerChanges, entries_renamed: usize) -> Vec<String> {
    let name = changes.rename.as_deref().unwrap_or(&before.name);
    let mut lines = Vec::new();
    if let Some(new) = &changes.rename {
        lines.push(format!(
            "Renamed {} to {new}, with its {}.",
            before.name,
            crate::output::plural(entries_renamed as i64, "entry")
        ));
    }
    if let Some(since) = changes.since {
        lines.push(format!("{name} now counts from {since}."));
    }
    match changes.cost_per_day {
        Some(Some(cost)) => lines.push(format!("{name}: {cost} a day no longer spent.")),
        Some(None) => lines.push(format!("{name} no longer counts money not spent.")),
        None => {}
    }
    if let Some(phrase) = &changes.phrase {
        let phrase = phrase.clone().unwrap_or_else(|| format!("{name}-free"));
        lines.push(format!("{name} now reads \"30 days {phrase}\"."));
    }
    match changes.private {
        Some(true) => lines.push(format!(
            "{name} is private now: it is never shared, posted to a group, drawn or given to a hook."
        )),
        Some(false) => lines.push(format!(
            "{name} can be shared again: `milestone share {name}` shares it."
        )),
        None => {}
    }
    lines
}

/// After a rename, when the settings file still names the old name.
pub fn settings_still_name(old: &str, new: &str) -> String {
    format!(
        "Your settings file still names {old} (default_tracker or [tracker.{old}]); change it to {new} there (`milestone paths` shows where)."
    )
}
