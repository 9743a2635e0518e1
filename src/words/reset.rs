//! What `milestone reset` says.

/// A second reset on a day that has one: it would change nothing, so it is not added.
pub fn already_on(tracker: &str, date: chrono::NaiveDate) -> String {
    format!(
        "a reset for {tracker} on {date} is already recorded, and the streak starts again from that day either way, so nothing was added (`milestone list --kind reset` shows it; `milestone edit ID --text ...` adds a note to it)"
    )
}
