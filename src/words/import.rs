//! What `milestone import` says.

use chrono::NaiveDate;

/// An imported tracker that the journal already has, started on another day.
pub fn other_since(tracker: &str, kept: NaiveDate, theirs: NaiveDate) -> String {
    format!(
        "the import says {tracker} started on {theirs}, and your journal says {kept}; the journal's {kept} is kept (change `since` in the journal with `milestone edit` if the import is right)"
    )
}
