//! What is said when the disk is full.

pub fn no_space_for_journal(journal: &std::path::Path) -> String {
    format!(
        "no space left to write {}; free some space and try again; the journal is unchanged",
        journal.display()
    )
}

pub fn no_space_for_output() -> &'static str {
    "no space left to write the output; free some space and try again"
}
