//! What `milestone check` says about ids, and what `edit` and `rm` say when an id is not found.

use crate::output::plural;

pub fn without_ids(count: usize) -> String {
    format!(
        "{} written by hand {} no id, so `milestone edit ID` and `milestone rm ID` cannot reach {}; `milestone check --fix` gives {} one.",
        plural(count as i64, "entry"),
        if count == 1 { "has" } else { "have" },
        if count == 1 { "it" } else { "them" },
        if count == 1 { "it" } else { "each" },
    )
}

pub fn ids_given(count: usize) -> String {
    match count {
        0 => "Every entry has an id already; nothing was changed.".to_owned(),
        n => format!(
            "Gave {} an id; `milestone list` shows them.",
            plural(n as i64, "entry")
        ),
    }
}

pub fn no_such_id(given: &str, without_id: usize) -> String {
    let hand_written = match without_id {
        0 => String::new(),
        n => format!(
            "; {} written by hand {} no id yet: `milestone check --fix` gives {} one",
            plural(n as i64, "entry"),
            if n == 1 { "has" } else { "have" },
            if n == 1 { "it" } else { "each" },
        ),
    };
    format!("no entry has the id {given:?}; `milestone list` shows each entry's id{hand_written}")
}

/// The settings file could not be read; `check` goes on with the journal.
pub fn settings_skipped(err: &anyhow::Error) -> String {
    format!("{err:#}; the journal is checked without the settings")
}
