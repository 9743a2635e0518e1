//! The entries of `milestone list`: a plain ASCII table when piped (one row per entry, for
//! scripts), and on a terminal a layout that fits its width.
//!
//! On a terminal ids and dates never wrap (a person copies an id into `milestone edit`), tags
//! get a modest share, and the text gets the rest; columns with nothing to say are left out.
//! When even that leaves the text too little room (a phone-sized terminal), each entry is shown
//! as a short block instead of a row.

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::{ColumnConstraint, ContentArrangement, Table, TableStyle, Width};

use super::terminal_safe;
use crate::journal::Entry;

/// Narrower than this, a terminal's reported width is not believed (a pseudo-terminal may say
/// 0 columns, which would squeeze every column to one letter).
const MIN_WIDTH: u16 = 20;
/// The least room a note gets in a table row; with less, entries are shown as blocks.
const MIN_TEXT_WIDTH: usize = 30;
/// Space between two columns of the terminal table.
const GAP: u16 = 2;

/// Renders `entries` for a pipe (`terminal` false) or for a terminal `width` columns wide
/// (`None` when it reports no usable width: then nothing is wrapped).
pub fn entries_table(entries: &[&Entry], terminal: bool, width: Option<u16>) -> String {
    if !terminal {
        return piped_table(entries);
    }
    let width = width.filter(|w| *w >= MIN_WIDTH);
    let columns = Columns::for_rows(entries);
    match width {
        Some(width) if columns.text_room(entries, width) < MIN_TEXT_WIDTH => {
            blocks(entries, usize::from(width))
        }
        _ => terminal_table(entries, &columns, width),
    }
}

/// The terminal's width in columns, when it reports one.
pub fn terminal_width() -> Option<u16> {
    Table::new().width()
}

fn piped_table(entries: &[&Entry]) -> String {
    let mut table = Table::new();
    table.load_style(ASCII_MARKDOWN);
    table.set_header(["id", "date", "tracker", "kind", "mood", "tags", "text"]);
    for entry in entries {
        table.add_row([
            id(entry),
            entry.date.to_string(),
            entry.tracker.to_string(),
            entry.kind.as_str().to_owned(),
            mood(entry),
            tags(entry),
            // One row per entry, so that a line of output is a whole entry for grep.
            text(entry, |t| terminal_safe(t).into_owned()),
        ]);
    }
    table.to_string()
}

/// Which optional columns the terminal shows: the tracker only when the rows are of several,
/// mood and tags only when some row has one.
struct Columns {
    tracker: bool,
    mood: bool,
    tags: bool,
}

impl Columns {
    fn for_rows(entries: &[&Entry]) -> Columns {
        Columns {
            tracker: entries
                .first()
                .is_some_and(|first| entries.iter().any(|e| e.tracker != first.tracker)),
            mood: entries.iter().any(|e| e.mood.is_some()),
            tags: entries.iter().any(|e| !e.tags.is_empty()),
        }
    }

    /// The widest the tags column may be at `width`.
    fn tags_cap(width: u16) -> u16 {
        (width / 8).max(8)
    }

    /// The room left for the text at `width` once every other column has what it needs.
    fn text_room(&self, entries: &[&Entry], width: u16) -> usize {
        let widest = |header: &str, cell: &dyn Fn(&Entry) -> String| {
            entries
                .iter()
                .map(|e| display_width(&cell(e)))
                .chain([header.len()])
                .max()
                .unwrap_or(0)
        };
        let mut used = widest("id", &id) + widest("date", &|e| e.date.to_string());
        let mut count = 3;
        if self.tracker {
            used += widest("tracker", &|e| e.tracker.to_string());
            count += 1;
        }
        used += widest("kind", &|e| e.kind.as_str().to_owned());
        if self.mood {
            used += "mood".len();
            count += 1;
        }
        if self.tags {
            used += widest("tags", &tags).min(usize::from(Self::tags_cap(width)));
            count += 1;
        }
        let gaps = usize::from(GAP) * (count - 1);
        usize::from(width).saturating_sub(used + gaps)
    }
}

fn terminal_table(entries: &[&Entry], columns: &Columns, width: Option<u16>) -> String {
    let mut table = Table::new();
    table.load_style(
        TableStyle::new().header_separator(comfy_table::LineStyle::none().fill('─').junction('─')),
    );
    let mut header = vec!["id", "date"];
    if columns.tracker {
        header.push("tracker");
    }
    header.push("kind");
    if columns.mood {
        header.push("mood");
    }
    if columns.tags {
        header.push("tags");
    }
    header.push("text");
    table.set_header(header.clone());
    for entry in entries {
        let mut row = vec![id(entry), entry.date.to_string()];
        if columns.tracker {
            row.push(entry.tracker.to_string());
        }
        row.push(entry.kind.as_str().to_owned());
        if columns.mood {
            row.push(mood(entry));
        }
        if columns.tags {
            row.push(tags(entry));
        }
        row.push(text(entry, note_lines));
        table.add_row(row);
    }
    let last = header.len() - 1;
    for (index, column) in table.column_iter_mut().enumerate() {
        // Without vertical lines comfy-table still puts one space between columns.
        column.set_padding((0, if index == last { 0 } else { GAP - 1 }));
        let constraint = match header[index] {
            "tags" => ColumnConstraint::UpperBoundary(Width::Fixed(
                width.map_or(u16::MAX, Columns::tags_cap) + GAP - 1,
            )),
            "text" => continue,
            _ => ColumnConstraint::ContentWidth,
        };
        column.set_constraint(constraint);
    }
    if let Some(width) = width {
        table.set_width(width);
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    // The last column's padding is trailing space that comfy-table adds anyway.
    table
        .lines()
        .map(|line| line.trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each entry as a few lines: id, date and kind on the first (never broken), then the tracker,
/// mood and tags, then the note, wrapped to `width`.
fn blocks(entries: &[&Entry], width: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        if n > 0 {
            out.push(String::new());
        }
        out.push(format!(
            "{}  {}  {}",
            id(entry),
            entry.date,
            entry.kind.as_str()
        ));
        let mut about = vec![entry.tracker.to_string()];
        if let Some(mood) = entry.mood {
            about.push(format!("mood {mood}"));
        }
        if !entry.tags.is_empty() {
            about.push(tags(entry));
        }
        let indent = "  ";
        let wrap = |line: &str| {
            let options = textwrap::Options::new(width.saturating_sub(indent.len()).max(10));
            textwrap::wrap(line, options)
                .into_iter()
                .map(|l| format!("{indent}{l}"))
                .collect::<Vec<_>>()
        };
        out.extend(wrap(&about.join(" · ")));
        let note = text(entry, note_lines);
        for line in note.lines() {
            out.extend(wrap(line));
        }
    }
    out.join("\n")
}

fn id(entry: &Entry) -> String {
    entry.id.as_deref().unwrap_or_default().to_owned()
}

fn mood(entry: &Entry) -> String {
    entry.mood.map(|m| m.to_string()).unwrap_or_default()
}

fn tags(entry: &Entry) -> String {
    terminal_safe(&entry.tags.join(", ")).into_owned()
}

/// The note made safe by `safe`, marked when private.
fn text(entry: &Entry, safe: impl Fn(&str) -> String) -> String {
    let text = entry.text.as_deref().map(safe).unwrap_or_default();
    if entry.private && !text.is_empty() {
        format!("(private) {text}")
    } else {
        text
    }
}

/// A note on a terminal: its own lines kept as lines, each made terminal-safe.
fn note_lines(text: &str) -> String {
    text.lines()
        .map(|line| terminal_safe(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn display_width(text: &str) -> usize {
    text.lines()
        .map(textwrap::core::display_width)
        .max()
        .unwrap_or(0)
}
