//! The entries table of `milestone list`.

use comfy_table::presets::{ASCII_MARKDOWN, UTF8_FULL_CONDENSED};
use comfy_table::{ContentArrangement, Table};

use super::terminal_safe;
use crate::journal::Entry;

/// Narrower than this, a terminal's reported width is not believed.
const MIN_WRAP_WIDTH: u16 = 40;

/// Renders `entries` as a table; box-drawing and wrapping on a terminal, plain ASCII when piped.
pub fn entries_table<'a>(entries: impl IntoIterator<Item = &'a Entry>, terminal: bool) -> String {
    let mut table = Table::new();
    if terminal {
        table.load_style(UTF8_FULL_CONDENSED);
        // Wrap to the terminal's width, when it reports a usable one (a pseudo-terminal may
        // say 0 columns, which would squeeze every column to one letter).
        if table.width().is_some_and(|width| width >= MIN_WRAP_WIDTH) {
            table.set_content_arrangement(ContentArrangement::Dynamic);
        }
    } else {
        table.load_style(ASCII_MARKDOWN);
    }
    table.set_header(["id", "date", "tracker", "kind", "mood", "tags", "text"]);
    for entry in entries {
        let text = entry.text.as_deref().map(terminal_safe).unwrap_or_default();
        let text = if entry.private && !text.is_empty() {
            format!("(private) {text}")
        } else {
            text.into_owned()
        };
        table.add_row([
            entry.id.as_deref().unwrap_or_default().to_owned(),
            entry.date.to_string(),
            entry.tracker.to_string(),
            entry.kind.as_str().to_owned(),
            entry.mood.map(|m| m.to_string()).unwrap_or_default(),
            terminal_safe(&entry.tags.join(", ")).into_owned(),
            text,
        ]);
    }
    table.to_string()
}
