//! Turning model values back into TOML, inside the person's own document.
//!
//! Edits go through `toml_edit` so that everything a person wrote by hand (comments, blank
//! lines, key order, keys this program does not know) survives every write untouched.

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use super::{Contact, Entry, EntryKind, Reason, Tracker};

/// The text of a journal that does not exist yet.
pub const NEW_JOURNAL: &str = "\
# milestone journal: yours to read, edit by hand and keep in git.
# After a hand edit, `milestone check` tells you if anything needs fixing.
version = 1
";

/// Letters for entry ids: no 0/o, 1/l/i, so an id read aloud or copied by hand survives.
const ID_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
const ID_LEN: usize = 7;

pub fn append_tracker(document: &mut DocumentMut, tracker: &Tracker) {
    let mut table = Table::new();
    table.insert("name", value(tracker.name.as_str()));
    table.insert("since", value(toml_date(tracker.since)));
    if let Some(cost) = tracker.cost_per_day {
        table.insert("cost_per_day", value(cost));
    }
    if tracker.private {
        table.insert("private", value(true));
    }
    if let Some(phrase) = &tracker.phrase {
        table.insert("phrase", value(phrase.as_str()));
    }
    array_of_tables(document, "tracker").push(table);
}

pub fn append_entry(document: &mut DocumentMut, entry: &Entry) {
    append_entries(document, std::slice::from_ref(entry));
}

/// Appends several entries at the end of the file, in order.
pub fn append_entries(document: &mut DocumentMut, entries: &[Entry]) {
    let first = next_position(document);
    for (position, entry) in (first..).zip(entries) {
        append_at(document, entry, position);
    }
}

fn append_at(document: &mut DocumentMut, entry: &Entry, position: isize) {
    let mut table = Table::new();
    if let Some(id) = &entry.id {
        table.insert("id", value(id.as_str()));
    }
    table.insert("date", value(toml_date(entry.date)));
    table.insert("tracker", value(entry.tracker.as_str()));
    table.insert("kind", value(entry.kind.as_str()));
    if let Some(text) = &entry.text {
        table.insert("text", note(text));
    }
    if let Some(mood) = entry.mood {
        table.insert("mood", value(i64::from(mood)));
    }
    if !entry.tags.is_empty() {
        table.insert(
            "tags",
            value(entry.tags.iter().map(|t| t.as_str()).collect::<Array>()),
        );
    }
    if entry.private {
        table.insert("private", value(true));
    }
    if let Some(intensity) = entry.intensity {
        table.insert("intensity", value(i64::from(intensity)));
    }
    if !entry.triggers.is_empty() {
        table.insert("triggers", value(entry.triggers.iter().collect::<Array>()));
    }
    push_at(document, "entry", table, position);
}

/// Appends a `[[reason]]` at the end of the file.
pub fn append_reason(document: &mut DocumentMut, reason: &Reason) {
    let mut table = Table::new();
    table.insert("text", value(reason.text.as_str()));
    let position = next_position(document);
    push_at(document, "reason", table, position);
}

/// Appends a `[[contact]]` at the end of the file.
pub fn append_contact(document: &mut DocumentMut, contact: &Contact) {
    let mut table = Table::new();
    table.insert("name", value(contact.name.as_str()));
    table.insert("phone", value(contact.phone.as_str()));
    let position = next_position(document);
    push_at(document, "contact", table, position);
}

/// Adds `table` to the `[[key]]` tables at `position`. New tables go at the very end of the
/// file, after whatever is there (even a [[tracker]] or a closing comment), so the old text
/// stays an untouched prefix: diffs stay small.
fn push_at(document: &mut DocumentMut, key: &str, mut table: Table, position: isize) {
    table.set_position(Some(position));
    let trailing = document.trailing().as_str().unwrap_or("").to_owned();
    if !trailing.is_empty() {
        table.decor_mut().set_prefix(format!("{trailing}\n"));
        document.set_trailing("");
    }
    array_of_tables(document, key).push(table);
}

/// Changes to make to one entry; `None` leaves a field as it is.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct EntryChanges {
    /// `Some("")` removes the text.
    pub text: Option<String>,
    pub date: Option<NaiveDate>,
    /// `Some(None)` removes the mood.
    pub mood: Option<Option<u8>>,
    pub tracker: Option<String>,
    pub kind: Option<EntryKind>,
    pub tags: Option<Vec<String>>,
    pub private: Option<bool>,
}

impl EntryChanges {
    pub fn is_empty(&self) -> bool {
        *self == EntryChanges::default()
    }
}

/// Applies `changes` to the entry with `id`, keeping its other keys, comments and order.
/// Returns false when no entry has that id.
pub fn update_entry(document: &mut DocumentMut, id: &str, changes: &EntryChanges) -> bool {
    let Some(table) =
        entry_tables(document).find(|t| t.get("id").and_then(Item::as_str) == Some(id))
    else {
        return false;
    };
    match changes.text.as_deref() {
        Some("") => {
            table.remove("text");
        }
        Some(text) => {
            table.insert("text", note(text));
        }
        None => {}
    }
    if let Some(date) = changes.date {
        table.insert("date", value(toml_date(date)));
    }
    if let Some(tracker) = &changes.tracker {
        table.insert("tracker", value(tracker.as_str()));
    }
    if let Some(kind) = changes.kind {
        table.insert("kind", value(kind.as_str()));
    }
    match changes.mood {
        Some(Some(mood)) => {
            table.insert("mood", value(i64::from(mood)));
        }
        Some(None) => {
            table.remove("mood");
        }
        None => {}
    }
    if let Some(tags) = &changes.tags {
        if tags.is_empty() {
            table.remove("tags");
        } else {
            table.insert("tags", value(tags.iter().collect::<Array>()));
        }
    }
    match changes.private {
        Some(true) => {
            table.insert("private", value(true));
        }
        Some(false) => {
            table.remove("private");
        }
        None => {}
    }
    true
}

/// Gives every entry written without an id one (first in its table, everything else kept as
/// written); `taken` says which ids are in use already. Returns how many were given.
pub fn give_ids(document: &mut DocumentMut, taken: impl Fn(&str) -> bool) -> Result<usize> {
    let mut given: Vec<String> = Vec::new();
    for table in entry_tables(document) {
        if table.contains_key("id") {
            continue;
        }
        let id = new_entry_id(|id| taken(id) || given.iter().any(|g| g == id))?;
        table.insert("id", value(id.as_str()));
        // Stable: only `id` moves, to the front, where milestone writes it.
        table.sort_values_by(|a, _, b, _| (a.get() != "id").cmp(&(b.get() != "id")));
        given.push(id);
    }
    Ok(given.len())
}

/// Removes the entry with `id`; false when there is none.
pub fn remove_entry(document: &mut DocumentMut, id: &str) -> bool {
    let Some(entries) = document
        .get_mut("entry")
        .and_then(Item::as_array_of_tables_mut)
    else {
        return false;
    };
    let index = entries
        .iter()
        .position(|t| t.get("id").and_then(Item::as_str) == Some(id));
    match index {
        Some(index) => {
            entries.remove(index);
            true
        }
        None => false,
    }
}

/// Changes to make to one tracker; `None` leaves a field as it is.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TrackerChanges {
    /// A new name; every entry of the tracker follows.
    pub rename: Option<String>,
    pub since: Option<NaiveDate>,
    /// `Some(None)` forgets the cost.
    pub cost_per_day: Option<Option<f64>>,
    /// `Some(None)` goes back to "<name>-free".
    pub phrase: Option<Option<String>>,
    pub private: Option<bool>,
}

impl TrackerChanges {
    pub fn is_empty(&self) -> bool {
        *self == TrackerChanges::default()
    }
}

/// Applies `changes` to the tracker called `name` (in any case) and, on a rename, to the
/// `tracker` of each of its entries, keeping every comment and the order of keys. Returns the
/// number of entries renamed, or `None` when there is no such tracker.
pub fn update_tracker(
    document: &mut DocumentMut,
    name: &str,
    changes: &TrackerChanges,
) -> Option<usize> {
    let named = |t: &Table, key: &str| {
        t.get(key)
            .and_then(Item::as_str)
            .is_some_and(|n| super::same_tracker_name(n, name))
    };
    let table = document
        .get_mut("tracker")
        .and_then(Item::as_array_of_tables_mut)?
        .iter_mut()
        .find(|t| named(t, "name"))?;
    if let Some(new) = &changes.rename {
        set_keeping_decor(table, "name", value(new.as_str()));
    }
    if let Some(since) = changes.since {
        set_keeping_decor(table, "since", value(toml_date(since)));
    }
    match changes.cost_per_day {
        Some(Some(cost)) => set_keeping_decor(table, "cost_per_day", value(cost)),
        Some(None) => {
            table.remove("cost_per_day");
        }
        None => {}
    }
    match &changes.phrase {
        Some(Some(phrase)) => set_keeping_decor(table, "phrase", value(phrase.as_str())),
        Some(None) => {
            table.remove("phrase");
        }
        None => {}
    }
    match changes.private {
        Some(true) => set_keeping_decor(table, "private", value(true)),
        Some(false) => {
            table.remove("private");
        }
        None => {}
    }
    let Some(new) = &changes.rename else {
        return Some(0);
    };
    let mut renamed = 0;
    for entry in entry_tables(document).filter(|t| named(t, "tracker")) {
        set_keeping_decor(entry, "tracker", value(new.as_str()));
        renamed += 1;
    }
    Some(renamed)
}

/// Sets `key` to `new`, keeping the comment and spacing around the old value, if any.
fn set_keeping_decor(table: &mut Table, key: &str, mut new: Item) {
    if let (Some(old), Some(value)) = (table.get(key).and_then(Item::as_value), new.as_value_mut())
    {
        *value.decor_mut() = old.decor().clone();
    }
    table.insert(key, new);
}

fn entry_tables(document: &mut DocumentMut) -> impl Iterator<Item = &mut Table> {
    document
        .get_mut("entry")
        .and_then(Item::as_array_of_tables_mut)
        .into_iter()
        .flat_map(|array| array.iter_mut())
}

/// One past the position of every table in the document.
fn next_position(document: &DocumentMut) -> isize {
    let mut last = 0;
    for (_, item) in document.iter() {
        match item {
            Item::Table(table) => last = last.max(table.position().unwrap_or(0)),
            Item::ArrayOfTables(array) => {
                for table in array.iter() {
                    last = last.max(table.position().unwrap_or(0));
                }
            }
            _ => {}
        }
    }
    last + 1
}

fn array_of_tables<'d>(document: &'d mut DocumentMut, key: &str) -> &'d mut ArrayOfTables {
    let item = document
        .entry(key)
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    // The loader refuses a journal where these keys are anything but [[tables]], and edits only
    // ever start from a journal that loaded cleanly.
    item.as_array_of_tables_mut()
        .expect("validated journal holds [[tables]] here")
}

fn toml_date(date: NaiveDate) -> toml_edit::Datetime {
    toml_edit::Datetime {
        date: Some(toml_edit::Date {
            // Dates reach here from the command line or a parsed journal, both years 0..=9999.
            year: u16::try_from(date.year()).unwrap_or(0),
            month: date.month() as u8,
            day: date.day() as u8,
        }),
        time: None,
        offset: None,
    }
}

/// The TOML text that appending `additions` (trackers, then reasons, then contacts; entries
/// go through `entry_fragment`) adds, each table after a blank line.
pub fn tables_fragment(trackers: &[Tracker], reasons: &[Reason], contacts: &[Contact]) -> String {
    let mut text = String::new();
    let mut one = |add: &dyn Fn(&mut DocumentMut)| {
        let mut document = DocumentMut::new();
        add(&mut document);
        text.push('\n');
        text.push_str(&document.to_string());
    };
    for tracker in trackers {
        one(&|d| append_tracker(d, tracker));
    }
    for reason in reasons {
        one(&|d| append_reason(d, reason));
    }
    for contact in contacts {
        one(&|d| append_contact(d, contact));
    }
    text
}

/// One entry as the TOML text `[[entry]]` ... that appending it adds (its note on one line, so
/// that converting the fragment's line ends for a CRLF journal cannot change it).
pub fn entry_fragment(entry: &Entry) -> String {
    let mut document = DocumentMut::new();
    append_entry(&mut document, entry);
    document.to_string()
}

/// A note as a TOML value. One with line breaks is one escaped basic string, never a multi-line
/// one: a CRLF journal's rewrite turns every LF into CRLF, inside a multi-line string too, which
/// would change the note.
fn note(text: &str) -> Item {
    use toml_writer::WriteTomlValue as _;
    if !text.contains(['\n', '\r']) {
        return value(text);
    }
    let mut repr = String::new();
    let written = toml_writer::TomlStringBuilder::new(text)
        .as_basic()
        .write_toml_value(&mut repr);
    match written
        .ok()
        .and_then(|()| repr.parse::<toml_edit::Value>().ok())
    {
        Some(escaped) => Item::Value(escaped),
        None => value(text),
    }
}

/// A fresh entry id for which `taken` says no.
pub fn new_entry_id(taken: impl Fn(&str) -> bool) -> Result<String> {
    loop {
        let mut bytes = [0u8; ID_LEN];
        getrandom::fill(&mut bytes)
            .map_err(|e| anyhow::anyhow!("could not get random bytes for an entry id: {e}"))?;
        let id: String = bytes
            .iter()
            .map(|b| char::from(ID_ALPHABET[usize::from(*b) % ID_ALPHABET.len()]))
            .collect();
        if !taken(&id) {
            return Ok(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::EntryKind;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn appending_keeps_hand_written_text_byte_for_byte() {
        let hand = "# mine\nversion = 1 # keep\n\n[[tracker]]\nsince = 2026-01-01 # first\nname = \"a\"\nnote = \"x\"\n\n# my entries\n[[entry]]\ndate = 2026-01-02\ntracker = \"a\"\nkind = \"checkin\"\n";
        let mut document: DocumentMut = hand.parse().unwrap();
        append_entry(
            &mut document,
            &Entry {
                id: Some("abc2345".into()),
                date: date(2026, 1, 3),
                tracker: "a".into(),
                kind: EntryKind::Win,
                text: Some("said \"no\"\tkindly".into()),
                mood: Some(5),
                tags: vec!["meeting".into()],
                private: true,
                intensity: None,
                triggers: vec![],
            },
        );
        let expected = format!(
            "{hand}\n[[entry]]\nid = \"abc2345\"\ndate = 2026-01-03\ntracker = \"a\"\nkind = \"win\"\ntext = 'said \"no\"\tkindly'\nmood = 5\ntags = [\"meeting\"]\nprivate = true\n"
        );
        assert_eq!(document.to_string(), expected);
    }

    #[test]
    fn new_trackers_go_after_the_last_tracker() {
        let mut document: DocumentMut = format!(
            "{NEW_JOURNAL}\n[[tracker]]\nname = \"a\"\nsince = 2026-01-01\n\n[[entry]]\ndate = 2026-01-02\ntracker = \"a\"\nkind = \"checkin\"\n"
        )
        .parse()
        .unwrap();
        append_tracker(
            &mut document,
            &Tracker {
                name: "b".into(),
                since: date(2026, 2, 1),
                cost_per_day: Some(4.5),
                private: false,
                phrase: None,
            },
        );
        let text = document.to_string();
        let b = text.find("name = \"b\"").unwrap();
        assert!(b < text.find("[[entry]]").unwrap(), "{text}");
        assert!(
            text.contains("[[tracker]]\nname = \"b\"\nsince = 2026-02-01\ncost_per_day = 4.5\n")
        );
    }

    #[test]
    fn updating_and_removing_an_entry_keeps_everything_else() {
        let text = "version = 1\n\n[[entry]]\nid = \"a\"\n# why\ndate = 2026-01-02 # was a Friday\ntracker = \"t\"\nkind = \"checkin\"\nmood = 2\ntags = [\"x\"]\nprivate = true\nfeeling = \"ok\"\n\n[[entry]]\nid = \"b\"\ndate = 2026-01-03\ntracker = \"t\"\nkind = \"win\"\n";
        let mut document: DocumentMut = text.parse().unwrap();
        let changes = EntryChanges {
            text: Some("better".into()),
            mood: Some(Some(4)),
            tags: Some(vec![]),
            private: Some(false),
            ..EntryChanges::default()
        };
        assert!(update_entry(&mut document, "a", &changes));
        assert!(!update_entry(&mut document, "zzz", &changes));
        assert_eq!(
            document.to_string(),
            "version = 1\n\n[[entry]]\nid = \"a\"\n# why\ndate = 2026-01-02 # was a Friday\ntracker = \"t\"\nkind = \"checkin\"\nmood = 4\nfeeling = \"ok\"\ntext = \"better\"\n\n[[entry]]\nid = \"b\"\ndate = 2026-01-03\ntracker = \"t\"\nkind = \"win\"\n"
        );
        assert!(remove_entry(&mut document, "b"));
        let mut hand_written: DocumentMut =
            "[[entry]]\n# a note\ndate = 2026-01-02 # friday\ntracker = \"t\"\n\n[[entry]]\nid = \"b\"\ndate = 2026-01-03\n"
                .parse()
                .unwrap();
        assert_eq!(give_ids(&mut hand_written, |id| id == "b").unwrap(), 1);
        let text = hand_written.to_string();
        let id = text.lines().nth(1).unwrap();
        assert!(id.starts_with("id = \"") && id.len() == 14, "{text}");
        assert_eq!(
            text.replace(id, "id = ?"),
            "[[entry]]\nid = ?\n# a note\ndate = 2026-01-02 # friday\ntracker = \"t\"\n\n[[entry]]\nid = \"b\"\ndate = 2026-01-03\n"
        );
        assert!(!remove_entry(&mut document, "b"));
        assert!(!document.to_string().contains("kind = \"win\""));
    }

    #[test]
    fn an_entry_fragment_is_the_entry_alone() {
        let entry = Entry {
            id: Some("abc2345".into()),
            date: date(2026, 1, 3),
            tracker: "a".into(),
            kind: EntryKind::Checkin,
            text: None,
            mood: None,
            tags: vec![],
            private: false,
            intensity: None,
            triggers: vec![],
        };
        assert_eq!(
            entry_fragment(&entry),
            "[[entry]]\nid = \"abc2345\"\ndate = 2026-01-03\ntracker = \"a\"\nkind = \"checkin\"\n"
        );
    }

    #[test]
    fn entry_ids_use_the_unambiguous_alphabet() {
        let id = new_entry_id(|_| false).unwrap();
        assert_eq!(id.len(), ID_LEN);
        assert!(id.bytes().all(|b| ID_ALPHABET.contains(&b)), "{id}");
    }
}
