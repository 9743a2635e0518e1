//! What `milestone list` says around its table.

/// On a terminal `list` shows this many entries unless asked for more.
pub const RECENT: usize = 20;

pub fn no_entries_yet() -> &'static str {
    "No entries yet. Log your first with `milestone add \"how today went\"`."
}

pub fn none_match() -> &'static str {
    "No entries match."
}

/// `--since` after `--until`: no day can be in the range.
pub fn empty_range(since: chrono::NaiveDate, until: chrono::NaiveDate) -> String {
    format!(
        "No entries match: --since {since} is after --until {until}, so no day is in between (swap them?)."
    )
}

/// Below the recent entries on a terminal, when older ones were left out.
pub fn more_entries(shown: usize, total: usize) -> String {
    format!(
        "Showing the newest {shown} of {total} entries; `milestone list --all` shows every one (or narrow it with --since, --grep, --limit)."
    )
}
