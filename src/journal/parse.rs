//! Reading a journal's text into the model, with every problem located at `LINE:COL`.
//!
//! The loader walks a spanned tree (`tree.rs`: built from toml_parser's events, one `[[entry]]`
//! at a time) by hand rather than through serde so that one pass can report *all* problems (for
//! `milestone check`) instead of stopping at the first, and so that each problem points at the
//! value that is wrong, not just the table around it. Entries are read as they stream past and
//! checked against the trackers at the end (a tracker may be written after its entries).

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use toml_edit::Document;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::tree::{self, Item, Table, Value};

use super::{
    Contact, Entry, EntryKind, FORMAT_VERSION, Journal, Reason, Tracker, check_entry_id,
    check_intensity, check_mood, check_phrase, check_tracker_name,
};

/// How much a problem matters: errors make the journal unusable until fixed, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with the journal, at a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub span: Range<usize>,
    /// Most messages are the same text each time (a long journal may repeat one thousands of
    /// times, and `check` holds them all).
    pub message: Cow<'static, str>,
}

/// The result of reading a journal: the model (as much of it as could be read) and its problems.
#[derive(Debug)]
pub struct Parsed {
    pub journal: Journal,
    pub problems: Vec<Problem>,
    /// Whether the text is TOML at all (when not, the one problem says where it stops being).
    pub is_toml: bool,
}

impl Problem {
    /// `PATH:LINE:COL: message`, the form editors and `milestone check` use.
    pub fn located(&self, path: &std::path::Path, text: &str) -> String {
        let (line, column) = line_col(text, self.span.start);
        format!("{}:{line}:{column}: {}", path.display(), self.message)
    }
}

impl Parsed {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }
}

/// What an appended tail is checked against: the journal before it.
pub struct Seed<'a> {
    pub trackers: &'a [Tracker],
    pub has_id: &'a dyn Fn(&str) -> bool,
}

/// Reads `tail`, text appended to a journal already known to be valid, as the trackers and
/// entries it adds. `None` unless the tail is only `[[tracker]]` and `[[entry]]` tables that
/// read without an error against `seed`: then only a full parse can say what it means, and
/// where anything is wrong. (The caller makes sure the journal before it ended with a newline.)
pub fn parse_tail(tail: &str, seed: Seed) -> Option<Journal> {
    // A byte-order mark is allowed at the start of a file, so the tail alone would accept
    // one that the whole journal does not.
    if tail.contains('\u{feff}') {
        return None;
    }
    let mut reader = Reader {
        journal: Journal {
            trackers: seed.trackers.to_vec(),
            ..Journal::default()
        },
        ..Reader::default()
    };
    let root = tree::stream(tail, &mut |entry| reader.read_entry(&entry)).ok()?;
    let append_shaped = root.iter().all(|(key, item)| {
        matches!(key, "tracker" | "entry" | "reason" | "contact") && item.is_array_of_tables()
    });
    if !append_shaped {
        return None;
    }
    reader.read_tables(&root, None, seed.has_id);
    if reader
        .problems
        .iter()
        .any(|(_, p)| p.severity == Severity::Error)
    {
        return None;
    }
    let mut added = reader.journal;
    added.trackers.drain(..seed.trackers.len());
    Some(added)
}

/// Where each line of a text starts, to place many problems without rescanning the text for
/// each one (`check` on a long journal may have thousands).
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The same as `line_col`, in logarithmic time.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&start| start <= offset);
        let column = self.text[self.starts[line - 1]..offset].chars().count() + 1;
        (line, column)
    }
}

/// Places byte offsets as `line_col` does, from a text that streams past a piece at a time
/// (`check` of a long journal with warnings never holds its text whole).
pub struct Locator {
    /// (offset, which) in the order of the offsets.
    wanted: Vec<(usize, usize)>,
    next: usize,
    places: Vec<(usize, usize)>,
    /// The offset the next piece begins at.
    at: usize,
    line: usize,
    /// Characters of the current line before where the reading is.
    column: usize,
}

impl Locator {
    pub fn new(offsets: &[usize]) -> Locator {
        let mut wanted: Vec<(usize, usize)> = offsets.iter().copied().zip(0..).collect();
        wanted.sort_unstable();
        Locator {
            wanted,
            next: 0,
            places: vec![(0, 0); offsets.len()],
            at: 0,
            line: 1,
            column: 0,
        }
    }

    /// Reads the next piece of the text's bytes; `last` places what lies past the end.
    pub fn feed(&mut self, piece: &[u8], last: bool) {
        let end = self.at + piece.len();
        let mut scanned = 0;
        while let Some(&(offset, which)) = self.wanted.get(self.next) {
            // An offset at the very end of a piece may be inside a character it cuts.
            if offset >= end && !last {
                break;
            }
            let to = offset.min(end) - self.at;
            self.pass(&piece[scanned..to]);
            scanned = to;
            // Inside a character: its start, as `line_col` floors to it.
            let inside = piece.get(to).is_some_and(|&b| b & 0xC0 == 0x80);
            self.places[which] = (self.line, self.column - usize::from(inside) + 1);
            self.next += 1;
        }
        self.pass(&piece[scanned..]);
        self.at = end;
    }

    /// Moves over `bytes`: the lines they end, and the characters of the line they leave.
    fn pass(&mut self, bytes: &[u8]) {
        let chars = |bytes: &[u8]| bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        match memchr::memrchr(b'\n', bytes) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', bytes).count();
                self.column = chars(&bytes[last + 1..]);
            }
            None => self.column += chars(bytes),
        }
    }

    /// The (line, column) of each offset, in the order they were given.
    pub fn places(self) -> Vec<(usize, usize)> {
        self.places
    }
}

/// 1-based line and column (in characters) of a byte offset, as editors count them.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Reads `text` as a journal. `today` enables the checks that depend on the date
/// (entries in the future); they are warnings, never errors.
pub fn parse(text: &str, today: Option<NaiveDate>) -> Parsed {
    parse_by(text, today, true)
}

/// `parse` the slow way only, for the tests that hold the fast path to it.
#[cfg(test)]
pub fn parse_with_toml_edit(text: &str, today: Option<NaiveDate>) -> Parsed {
    parse_by(text, today, false)
}

fn parse_by(text: &str, today: Option<NaiveDate>, fast: bool) -> Parsed {
    let mut reader = Reader::default();
    // A journal is mostly entries: room for them all at once, rather than growing into up to
    // twice that.
    // (memchr's SIMD search: std's substring search cost a third of the lexer.)
    let headers = memchr::memmem::find_iter(text.as_bytes(), b"[[entry]]").count();
    reader.journal.entries.reserve_exact(headers);
    reader.placed.reserve_exact(headers);
    let streamed = match fast {
        true => tree::stream(text, &mut |entry| reader.read_entry(&entry)),
        false => Err(tree::NotPlain),
    };
    let root = match streamed {
        Ok(root) => root,
        // A shape the fast path leaves to toml_edit, or not TOML at all: toml_edit says which,
        // and where.
        Err(tree::NotPlain) => {
            reader = Reader::default();
            match Document::parse(text.to_owned()) {
                Ok(document) => Table::from_document(&document),
                Err(err) => return not_toml(&err, text),
            }
        }
    };
    reader.read_root(&root);
    reader.read_tables(&root, today, &|_| false);
    reader.problems.sort_by_key(|(order, _)| *order);
    Parsed {
        journal: reader.journal,
        problems: reader.problems.into_iter().map(|(_, p)| p).collect(),
        is_toml: true,
    }
}

/// [`parse`] for a journal read a piece at a time ([`tree::Chunked`]), so that its text is never
/// held whole: only for the journals that read without an error. `finish` says `None` when the
/// text must be read whole instead (a shape the fast path leaves to toml_edit, or an error,
/// which is then located in the whole text), else the journal and how many warnings it has.
pub struct Incremental {
    reader: Reader,
    chunked: tree::Chunked,
    today: Option<NaiveDate>,
    /// The length of the whole text, to make room for its entries once the first piece says
    /// how long one is.
    length: usize,
}

impl Incremental {
    /// `warnings`: whether to look for them at all (commands that only read never show them;
    /// looking for repeated entries alone costs a map as large as all the entries).
    pub fn new(today: Option<NaiveDate>, length: usize, warnings: bool) -> Incremental {
        Incremental {
            reader: Reader {
                errors_only: !warnings,
                ..Reader::default()
            },
            chunked: tree::Chunked::default(),
            today,
            length,
        }
    }

    /// Reads the next piece (see [`tree::Chunked::feed`]); how many of its bytes were read.
    pub fn feed(&mut self, piece: &str, last: bool) -> Option<usize> {
        let Incremental {
            reader, chunked, ..
        } = self;
        let first = reader.entry_tables == 0;
        let read = chunked
            .feed(piece, last, &mut |entry| reader.read_entry(&entry))
            .ok()?;
        if first && reader.entry_tables > 0 && read > 0 {
            // Room for as many entries as the rest of the text holds at this piece's rate
            // (and a little more), rather than growing into up to twice that.
            let per_entry = read.div_ceil(reader.entry_tables as usize);
            let at_this_rate = self.length / per_entry.max(1);
            let expected = at_this_rate + at_this_rate / 64;
            let more = expected.saturating_sub(reader.journal.entries.len());
            reader.journal.entries.reserve_exact(more);
            reader.placed.reserve_exact(more);
        }
        Some(read)
    }

    /// The journal and its warnings (in the order `parse` gives them); `None` when it has an
    /// error, which only a whole read can place.
    pub fn finish(self) -> Option<(Journal, Vec<Problem>)> {
        let Incremental {
            mut reader,
            chunked,
            today,
            ..
        } = self;
        let root = chunked.finish().ok()?;
        reader.read_root(&root);
        reader.read_tables(&root, today, &|_| false);
        if reader
            .problems
            .iter()
            .any(|(_, p)| p.severity == Severity::Error)
        {
            return None;
        }
        reader.problems.sort_by_key(|(order, _)| *order);
        let problems = reader.problems.into_iter().map(|(_, p)| p).collect();
        Some((reader.journal, problems))
    }
}

fn not_toml(err: &toml_edit::TomlError, text: &str) -> Parsed {
    // toml_edit says where, except for a key of too many parts ("recursion limit").
    let span = err
        .span()
        .or_else(|| tree::first_key_of_more_parts_than(text, 80).map(|at| at..at))
        .unwrap_or(0..0);
    let message = format!(
        "not valid TOML: {}",
        err.message().trim_end().trim_end_matches('.')
    );
    Parsed {
        journal: Journal::default(),
        problems: vec![Problem {
            severity: Severity::Error,
            span,
            message: message.into(),
        }],
        is_toml: false,
    }
}

/// Where in the journal's reading a problem was found, so that problems come out in the same
/// order however the text was read: the top level, the trackers, each entry in turn, the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Order {
    #[default]
    Top,
    Trackers,
    Entry(u32),
    Rest,
}

/// Where the parts of an entry that read well are, for the checks that need the trackers (an
/// entry may come before the `[[tracker]]` it names). Offsets only, to keep a long journal small.
struct Placed {
    order: u32,
    table: u32,
    tracker: u32,
    id: u32,
    date: u32,
    /// `intensity` and `triggers` keys (0 when absent: no key is at the very start), kept for
    /// the warning on an entry that is not an urge.
    urge_keys: [u32; 2],
}

fn at(offset: u32) -> Option<Range<usize>> {
    let offset = offset as usize;
    Some(offset..offset)
}

fn offset(span: Option<Range<usize>>) -> u32 {
    span.map_or(0, |s| u32::try_from(s.start).unwrap_or(u32::MAX))
}

#[derive(Default)]
struct Reader {
    journal: Journal,
    /// One per entry of `journal.entries`, while their tracker is not yet resolved.
    placed: Vec<Placed>,
    entry_tables: u32,
    order: Order,
    problems: Vec<(Order, Problem)>,
    /// Warnings are not looked for (see `Incremental::new`).
    errors_only: bool,
}

const ROOT_KEYS: [&str; 5] = ["version", "tracker", "entry", "reason", "contact"];
const TRACKER_KEYS: [&str; 5] = ["name", "since", "cost_per_day", "private", "phrase"];
const ENTRY_KEYS: [&str; 10] = [
    "id",
    "date",
    "tracker",
    "kind",
    "text",
    "mood",
    "tags",
    "private",
    "intensity",
    "triggers",
];
const URGE_KEYS: [&str; 2] = ["intensity", "triggers"];
const REASON_KEYS: [&str; 1] = ["text"];
const CONTACT_KEYS: [&str; 2] = ["name", "phone"];

impl Reader {
    fn error(&mut self, span: Option<Range<usize>>, message: impl Into<Cow<'static, str>>) {
        self.push(Severity::Error, span, message.into());
    }

    fn warning(&mut self, span: Option<Range<usize>>, message: impl Into<Cow<'static, str>>) {
        self.push(Severity::Warning, span, message.into());
    }

    fn push(&mut self, severity: Severity, span: Option<Range<usize>>, message: Cow<'static, str>) {
        if self.errors_only && severity == Severity::Warning {
            return;
        }
        self.problems.push((
            self.order,
            Problem {
                severity,
                span: span.unwrap_or(0..0),
                message,
            },
        ));
    }

    fn read_root(&mut self, root: &Table) {
        self.order = Order::Top;
        match root.get("version") {
            None => self.warning(
                Some(0..0),
                format!("no `version` key; add `version = {FORMAT_VERSION}` at the top"),
            ),
            Some(item) => match item.as_integer() {
                Some(FORMAT_VERSION) => {}
                Some(other) => self.error(
                    item.span(),
                    format!(
                        "this journal is version {other}, and this milestone reads version {FORMAT_VERSION}; \
                         install a newer milestone or fix the version"
                    ),
                ),
                None => self.error(
                    item.span(),
                    format!("`version` must be the number {FORMAT_VERSION}"),
                ),
            },
        }
        self.unknown_keys(root, &ROOT_KEYS, "at the top level");
    }

    /// Reads the `[[tracker]]` tables, the `[[entry]]` tables not already read (all of them
    /// when the text took toml_edit's path) and the rest; then checks every entry against the
    /// trackers. `known_id` says which ids an earlier part of the journal already uses.
    fn read_tables(
        &mut self,
        root: &Table,
        today: Option<NaiveDate>,
        known_id: &dyn Fn(&str) -> bool,
    ) {
        self.order = Order::Trackers;
        for table in self.tables(root, "tracker") {
            self.read_tracker(table, today);
        }
        let entries = self.tables(root, "entry");
        for table in entries {
            self.read_entry(table);
        }
        self.check_entries(today, known_id);
        self.order = Order::Rest;
        self.read_reasons_and_contacts(root);
    }

    /// Reads the `[[reason]]` and `[[contact]]` tables.
    fn read_reasons_and_contacts(&mut self, root: &Table) {
        for table in self.tables(root, "reason") {
            self.unknown_keys(table, &REASON_KEYS, "in [[reason]]");
            if let Some((text, _)) = self.required_string(table, "text", "[[reason]]") {
                self.journal.reasons.push(Reason {
                    text: text.to_owned(),
                });
            }
        }
        for table in self.tables(root, "contact") {
            self.unknown_keys(table, &CONTACT_KEYS, "in [[contact]]");
            let name = self.required_string(table, "name", "[[contact]]");
            let phone = self.required_string(table, "phone", "[[contact]]");
            if let (Some((name, _)), Some((phone, _))) = (name, phone) {
                self.journal.contacts.push(Contact {
                    name: name.to_owned(),
                    phone: phone.to_owned(),
                });
            }
        }
    }

    /// The `[[name]]` tables at the root, reporting a non-table `name` as an error.
    fn tables<'t, 's>(&mut self, root: &'t Table<'s>, name: &str) -> Vec<&'t Table<'s>> {
        match root.get(name) {
            None => Vec::new(),
            Some(Item::ArrayOfTables(tables, _)) => tables.iter().collect(),
            Some(item) => {
                if name == "entry" {
                    self.order = Order::Entry(0);
                }
                self.error(
                    item.span(),
                    format!("`{name}` must be written as [[{name}]] tables, one per {name}"),
                );
                Vec::new()
            }
        }
    }

    fn unknown_keys(&mut self, table: &Table, known: &[&str], place: &str) {
        for (key, _) in table.iter() {
            if !known.iter().any(|k| tree::same_name(k, key)) {
                let span = table.key(key).map(|k| k.span.clone());
                self.warning(
                    span,
                    format!("unknown key `{key}` {place} (kept as is; check its spelling)"),
                );
            }
        }
    }

    fn read_tracker(&mut self, table: &Table, today: Option<NaiveDate>) {
        self.unknown_keys(table, &TRACKER_KEYS, "in [[tracker]]");
        let name = self.required_string(table, "name", "[[tracker]]");
        let since = self.required_date(table, "since", "[[tracker]]");
        let cost_per_day = self.cost(table);
        let private = self.flag(table, "private");
        let phrase = self
            .optional_string(table, "phrase")
            .and_then(|(phrase, span)| match check_phrase(phrase) {
                Ok(()) => Some(phrase.to_owned()),
                Err(why) => {
                    self.error(Some(span), why);
                    None
                }
            });
        let name = name.and_then(|(name, span)| match check_tracker_name(name) {
            Ok(()) => Some((name.to_owned(), span)),
            Err(why) => {
                self.error(Some(span), why);
                None
            }
        });
        let (Some((name, name_span)), Some(since)) = (name, since) else {
            return;
        };
        if let Some(earlier) = self.journal.tracker(&name) {
            let message = if earlier.name == name {
                format!(
                    "a tracker named {name:?} is already defined above; give each tracker its own name"
                )
            } else {
                format!(
                    "{name:?} is the tracker {:?} above written in other letters (names are the same whatever their case); give each tracker its own name",
                    earlier.name
                )
            };
            self.error(Some(name_span), message);
            return;
        }
        if let Some(today) = today
            && since > today
        {
            self.warning(
                value_span(table, "since"),
                format!("{name} starts on {since}, after today ({today}); its streak begins then"),
            );
        }
        self.journal.trackers.push(Tracker {
            name,
            since,
            cost_per_day,
            private,
            phrase,
        });
    }

    fn cost(&mut self, table: &Table) -> Option<f64> {
        let item = table.get("cost_per_day")?;
        let cost = item
            .as_float()
            .or_else(|| item.as_integer().map(|i| i as f64));
        match cost.map(super::check_cost) {
            Some(Ok(cost)) => Some(cost),
            _ => {
                self.error(
                    item.span(),
                    "`cost_per_day` must be a number of 0 or more, such as 12.5",
                );
                None
            }
        }
    }

    /// Reads what an `[[entry]]` table says on its own; `check_entries` then checks it against
    /// the trackers and the other entries.
    fn read_entry(&mut self, table: &Table) {
        let order = self.entry_tables;
        self.entry_tables += 1;
        self.order = Order::Entry(order);
        self.unknown_keys(table, &ENTRY_KEYS, "in [[entry]]");
        let id =
            self.optional_string(table, "id")
                .and_then(|(id, span)| match check_entry_id(id) {
                    Ok(()) => Some((id, span)),
                    Err(why) => {
                        self.error(Some(span), why);
                        None
                    }
                });
        let date = self.required_date(table, "date", "[[entry]]");
        let tracker = self.required_string(table, "tracker", "[[entry]]");
        let kind = self.kind(table);
        let text = self.optional_string(table, "text");
        let mood = self.mood(table);
        let tags = self.strings(table, "tags", "meeting");
        let private = self.flag(table, "private");
        let intensity = self.intensity(table);
        let triggers = self.strings(table, "triggers", "stress");

        let (Some(date), Some((tracker, tracker_span)), Some(kind)) = (date, tracker, kind) else {
            return;
        };
        self.placed.push(Placed {
            order,
            table: offset(table.span()),
            tracker: offset(Some(tracker_span)),
            id: offset(id.as_ref().map(|(_, span)| span.clone())),
            date: offset(value_span(table, "date")),
            urge_keys: URGE_KEYS.map(|key| offset(table.key(key).map(|k| k.span.clone()))),
        });
        self.journal.entries.push(Entry {
            id: id.map(|(id, _)| id.into()),
            date,
            tracker: tracker.into(),
            kind,
            text: text.map(|(text, _)| text.to_owned()),
            mood,
            tags,
            private,
            intensity,
            triggers,
        });
    }

    /// Checks the entries read against the trackers (each entry is then spelled with its
    /// tracker's name, and one naming no tracker is dropped) and against each other.
    fn check_entries(&mut self, today: Option<NaiveDate>, known_id: &dyn Fn(&str) -> bool) {
        let mut entries = std::mem::take(&mut self.journal.entries);
        let placed = std::mem::take(&mut self.placed);
        let mut ids = ByHash::with_capacity_and_hasher(entries.len(), Default::default());
        let repeats_wanted = if self.errors_only { 0 } else { entries.len() };
        let mut seen = ByHash::with_capacity_and_hasher(repeats_wanted, Default::default());
        // The entries kept are moved to the front, in order, so that a long journal is never
        // held twice.
        let mut kept = 0;
        for (i, place) in placed.into_iter().enumerate() {
            self.order = Order::Entry(place.order);
            let (checked, rest) = entries.split_at_mut(i);
            let (kept_so_far, entry) = (&checked[..kept], &mut rest[0]);
            let owner = self
                .journal
                .tracker(&entry.tracker)
                .map(|t| (super::Name::from(t.name.as_str()), t.since));
            let Some((owner_name, owner_since)) = owner else {
                let known = self.journal.tracker_names().join(", ");
                let hint = if known.is_empty() {
                    "add a [[tracker]] for it".to_string()
                } else {
                    format!("known trackers: {known}")
                };
                self.error(
                    at(place.tracker),
                    format!(
                        "entry for unknown tracker {:?}; {hint}",
                        entry.tracker.as_str()
                    ),
                );
                continue;
            };
            if entry.kind != EntryKind::Urge {
                for (key, key_at) in URGE_KEYS.iter().zip(place.urge_keys) {
                    if key_at != 0 {
                        self.warning(
                            at(key_at),
                            format!(
                                "`{key}` belongs to an urge, and this entry is a {}; it is kept but not used",
                                entry.kind.as_str()
                            ),
                        );
                    }
                }
            }
            if entry.kind == EntryKind::Reset && entry.date < owner_since {
                self.warning(
                    at(place.date),
                    format!(
                        "reset on {} is before {} started on {}; it is not counted",
                        entry.date, entry.tracker, owner_since
                    ),
                );
            }
            if let Some(today) = today
                && entry.date > today
            {
                self.warning(
                    at(place.date),
                    format!(
                        "entry dated {}, after today ({today}); it counts from that day on",
                        entry.date
                    ),
                );
            }
            // The model spells the tracker as it was started, whatever case the entry uses.
            entry.tracker = owner_name;
            if let Some(id) = &entry.id
                && (known_id(id) || id_used_earlier(&mut ids, kept_so_far, id))
            {
                self.error(
                    at(place.id),
                    format!("entry id {id:?} is used twice; ids must be unique"),
                );
            }
            if !self.errors_only && repeats_earlier(&mut seen, kept_so_far, entry) {
                self.warning(
                    at(place.table),
                    "this entry repeats an earlier one word for word (same date, tracker, kind and text)",
                );
            }
            entries.swap(kept, i);
            kept += 1;
        }
        entries.truncate(kept);
        self.journal.entries = entries;
    }

    fn required_string<'t>(
        &mut self,
        table: &'t Table,
        key: &str,
        place: &str,
    ) -> Option<(&'t str, Range<usize>)> {
        if table.get(key).is_none() {
            self.error(table.span(), format!("{place} is missing `{key}`"));
            return None;
        }
        self.optional_string(table, key)
    }

    fn optional_string<'t>(
        &mut self,
        table: &'t Table,
        key: &str,
    ) -> Option<(&'t str, Range<usize>)> {
        let item = table.get(key)?;
        match item.as_str() {
            Some(s) => Some((s, item.span().unwrap_or(0..0))),
            None => {
                self.error(
                    item.span(),
                    format!(
                        "`{key}` must be a string in quotes, found {}",
                        item.type_name()
                    ),
                );
                None
            }
        }
    }

    fn required_date(&mut self, table: &Table, key: &str, place: &str) -> Option<NaiveDate> {
        let Some(item) = table.get(key) else {
            self.error(
                table.span(),
                format!("{place} is missing `{key}` (a date such as {key} = 2026-03-14)"),
            );
            return None;
        };
        let date = item.as_datetime().and_then(|dt| match dt {
            toml_edit::Datetime {
                date: Some(d),
                time: None,
                offset: None,
            } => NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()),
            _ => None,
        });
        if date.is_none() {
            self.error(
                item.span(),
                format!("`{key}` must be a plain date without quotes, such as {key} = 2026-03-14"),
            );
        }
        date
    }

    fn kind(&mut self, table: &Table) -> Option<EntryKind> {
        let (name, span) = self.required_string(table, "kind", "[[entry]]")?;
        let kind = EntryKind::from_name(name);
        if kind.is_none() {
            self.error(
                Some(span),
                format!(
                    "unknown kind {name:?}; use \"checkin\", \"win\", \"reset\", \"urge\" or \"pledge\""
                ),
            );
        }
        kind
    }

    fn mood(&mut self, table: &Table) -> Option<u8> {
        let item = table.get("mood")?;
        let result = match item.as_integer() {
            Some(mood) => check_mood(mood),
            None => Err(format!(
                "`mood` must be a whole number from 1 to 5, found {}",
                item.type_name()
            )),
        };
        result.map_err(|why| self.error(item.span(), why)).ok()
    }

    fn intensity(&mut self, table: &Table) -> Option<u8> {
        let item = table.get("intensity")?;
        let result = match item.as_integer() {
            Some(intensity) => check_intensity(intensity),
            None => Err(format!(
                "`intensity` must be a whole number from 1 to 5, found {}",
                item.type_name()
            )),
        };
        result.map_err(|why| self.error(item.span(), why)).ok()
    }

    fn flag(&mut self, table: &Table, key: &str) -> bool {
        match table.get(key) {
            None => false,
            Some(item) => item.as_bool().unwrap_or_else(|| {
                self.error(item.span(), format!("`{key}` must be true or false"));
                false
            }),
        }
    }

    /// A list of strings such as `tags` or `triggers`; `example` shows how one is written.
    fn strings<T: for<'a> From<&'a str>>(
        &mut self,
        table: &Table,
        key: &str,
        example: &str,
    ) -> Vec<T> {
        let Some(item) = table.get(key) else {
            return Vec::new();
        };
        let strings = item.as_array().and_then(|array| {
            array
                .iter()
                .map(|v: &Value| v.as_str().map(T::from))
                .collect::<Option<Vec<_>>>()
        });
        strings.unwrap_or_else(|| {
            self.error(
                item.span(),
                format!("`{key}` must be a list of strings, such as {key} = [\"{example}\"]"),
            );
            Vec::new()
        })
    }
}

fn value_span(table: &Table, key: &str) -> Option<Range<usize>> {
    table.get(key).and_then(Item::span)
}

/// Entries by a hash of theirs (the index of the first with it). The keys are xxh3 hashes
/// already, so the map uses them as they are.
type ByHash = HashMap<u64, u32, BuildHasherDefault<Prehashed>>;

#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxh3_64(bytes);
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// Whether `entry` repeats an earlier entry of `kept` word for word (same date, tracker, kind
/// and text), the earlier ones indexed by `seen`.
fn repeats_earlier(seen: &mut ByHash, kept: &[Entry], entry: &Entry) -> bool {
    let same = |e: &Entry| {
        e.date == entry.date
            && e.tracker == entry.tracker
            && e.kind == entry.kind
            && e.text == entry.text
    };
    let mut hasher = Xxh3::new();
    hasher.update(&entry.date.num_days_from_ce().to_le_bytes());
    hasher.update(&[entry.kind as u8]);
    hasher.update(entry.tracker.as_bytes());
    if let Some(text) = &entry.text {
        hasher.update(&[1]);
        hasher.update(text.as_bytes());
    }
    first_with(seen, hasher.digest(), kept, same)
}

/// Whether `id` is the id of an earlier entry of `kept`, indexed by `ids`.
fn id_used_earlier(ids: &mut ByHash, kept: &[Entry], id: &str) -> bool {
    first_with(ids, xxh3_64(id.as_bytes()), kept, |e| {
        e.id.as_deref() == Some(id)
    })
}

/// Whether an entry of `kept` matches `same`, with `index` mapping a hash to the first entry
/// that had it (and remembering the next one, at `kept.len()`, under `hash`). Equal hashes are
/// compared in full, and only a collision of different entries (never seen in practice) costs
/// a scan, so the answer is exact.
fn first_with(
    index: &mut ByHash,
    hash: u64,
    kept: &[Entry],
    same: impl Fn(&Entry) -> bool,
) -> bool {
    match index.entry(hash) {
        Slot::Vacant(slot) => {
            slot.insert(u32::try_from(kept.len()).unwrap_or(u32::MAX));
            false
        }
        Slot::Occupied(slot) => {
            let first = *slot.get() as usize;
            kept.get(first).is_some_and(&same) || kept.iter().any(&same)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locator_places_every_offset_as_line_col_does_whatever_the_pieces() {
        let text = "a = 1\n\nnote = \"día de café ☕\"\r\n[[entry]]\nx = \"ü\"\n\nlast";
        let offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
        let expected: Vec<_> = offsets.iter().map(|&o| line_col(text, o)).collect();
        for size in 1..=text.len() {
            let mut locator = Locator::new(&offsets);
            let pieces: Vec<&[u8]> = text.as_bytes().chunks(size).collect();
            for (i, piece) in pieces.iter().enumerate() {
                locator.feed(piece, i + 1 == pieces.len());
            }
            assert_eq!(locator.places(), expected, "pieces of {size}");
        }
    }

    fn problems(text: &str) -> Vec<(usize, usize, Severity, String)> {
        parse(text, None)
            .problems
            .into_iter()
            .map(|p| {
                let (line, col) = line_col(text, p.span.start);
                (line, col, p.severity, p.message.into_owned())
            })
            .collect()
    }

    const GOOD: &str = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\ncost_per_day = 12\n\n[[entry]]\nid = \"a1\"\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"meeting\"\nmood = 4\ntags = [\"meeting\"]\nprivate = true\n";

    #[test]
    fn reads_a_valid_journal() {
        let parsed = parse(GOOD, None);
        assert_eq!(parsed.problems, vec![]);
        let journal = parsed.journal;
        assert_eq!(
            journal.trackers,
            vec![Tracker {
                name: "alcohol".into(),
                since: NaiveDate::from_ymd_opt(2026, 3, 14).unwrap(),
                cost_per_day: Some(12.0),
                private: false,
                phrase: None,
            }]
        );
        assert_eq!(
            journal.entries,
            vec![Entry {
                id: Some("a1".into()),
                date: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
                tracker: "alcohol".into(),
                kind: EntryKind::Checkin,
                text: Some("meeting".into()),
                mood: Some(4),
                tags: vec!["meeting".into()],
                private: true,
                intensity: None,
                triggers: vec![],
            }]
        );
    }

    #[test]
    fn locates_a_bad_mood_at_its_value() {
        let text = GOOD.replace("mood = 4", "mood = 9");
        assert_eq!(
            problems(&text),
            vec![(
                14,
                8,
                Severity::Error,
                "mood is on a scale of 1 to 5 (1 low, 5 great), not 9".to_string()
            )]
        );
    }

    #[test]
    fn reports_every_problem_at_once() {
        let text = "version = 1\n[[tracker]]\nname = \"a b\"\nsince = 2026-01-01\n[[entry]]\ndate = \"2026-01-02\"\ntracker = \"x\"\nkind = \"slip\"\ncolour = 3\n";
        let found = problems(text);
        let messages: Vec<_> = found.iter().map(|p| (p.0, p.1, p.2)).collect();
        assert_eq!(
            messages,
            vec![
                (3, 8, Severity::Error),
                (9, 1, Severity::Warning),
                (6, 8, Severity::Error),
                (8, 8, Severity::Error),
            ]
        );
    }

    #[test]
    fn a_syntax_error_is_one_located_problem() {
        let found = problems("version = 1\n[[entry]\n");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].2), (2, Severity::Error));
        assert!(found[0].3.starts_with("not valid TOML: "), "{}", found[0].3);
    }

    #[test]
    fn dates_must_be_plain_local_dates() {
        for bad in [
            "2026-01-01T10:00:00Z",
            "2026-01-01T10:00:00",
            "\"2026-01-01\"",
            "20260101",
        ] {
            let text = format!("version = 1\n[[tracker]]\nname = \"a\"\nsince = {bad}\n");
            let found = problems(&text);
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
            assert_eq!((found[0].0, found[0].1), (4, 9));
        }
    }

    #[test]
    fn entry_for_unknown_tracker_and_duplicate_tracker_are_errors() {
        let text = "version = 1\n[[tracker]]\nname = \"a\"\nsince = 2026-01-01\n[[tracker]]\nname = \"a\"\nsince = 2026-01-01\n[[entry]]\ndate = 2026-01-02\ntracker = \"b\"\nkind = \"checkin\"\n";
        let found = problems(text);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].0, found[0].1), (6, 8));
        assert!(found[1].3.contains("unknown tracker \"b\""));
    }

    #[test]
    fn a_tail_reads_against_the_journal_before_it() {
        let before = parse(GOOD, None).journal;
        let has_id = |id: &str| before.has_id(id);
        let seed = || Seed {
            trackers: &before.trackers,
            has_id: &has_id,
        };
        let tail = "\n[[tracker]]\nname = \"b\"\nsince = 2026-05-01\n\n[[entry]]\nid = \"t1\"\ndate = 2026-11-25\ntracker = \"b\"\nkind = \"win\"\ntext = \"x\"\n";
        let added = parse_tail(tail, seed()).unwrap();
        assert_eq!(added.trackers.len(), 1);
        assert_eq!(added.entries.len(), 1);
        assert_eq!(added.entries[0].tracker, "b");
        // A tail is only read on its own when reading it with the rest could not differ.
        for unsafe_tail in [
            "mood = 3\n",       // a key of the last entry
            "[other]\nx = 1\n", // another table
            "[[entry]]\nid = \"a1\"\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"checkin\"\n", // a used id
            "[[entry]]\ndate = 2026-11-25\ntracker = \"nope\"\nkind = \"checkin\"\n", // an unknown tracker
            "[[entry]\n",                                                             // not TOML
            "[[tracker]]\nname = \"alcohol\"\nsince = 2026-01-01\n", // a tracker again
        ] {
            assert_eq!(parse_tail(unsafe_tail, seed()), None, "{unsafe_tail}");
        }
        assert_eq!(
            parse_tail("\n# just a comment\n", seed()),
            Some(Journal::default())
        );
    }

    #[test]
    fn reads_stage_two_trackers_urges_pledges_reasons_and_contacts() {
        let text = "version = 1\n[[tracker]]\nname = \"self-harm\"\nsince = 2026-05-01\nprivate = true\nphrase = \"safe\"\n[[entry]]\ndate = 2026-11-24\ntracker = \"Self-Harm\"\nkind = \"urge\"\nintensity = 4\ntriggers = [\"stress\"]\n[[entry]]\ndate = 2026-11-25\ntracker = \"self-harm\"\nkind = \"pledge\"\n[[reason]]\ntext = \"to be there for Mia\"\n[[contact]]\nname = \"Jo (sponsor)\"\nphone = \"+44 7700 900123\"\n";
        let parsed = parse(text, None);
        assert_eq!(parsed.problems, vec![]);
        let journal = parsed.journal;
        assert!(journal.trackers[0].private);
        assert_eq!(journal.trackers[0].phrase(), "safe");
        // An entry may spell its tracker in other letters; the model uses the tracker's spelling.
        assert_eq!(journal.entries[0].tracker, "self-harm");
        assert_eq!(journal.entries[0].kind, EntryKind::Urge);
        assert_eq!(journal.entries[0].intensity, Some(4));
        assert_eq!(journal.entries[0].triggers, vec!["stress".to_string()]);
        assert_eq!(journal.entries[1].kind, EntryKind::Pledge);
        assert_eq!(journal.reasons[0].text, "to be there for Mia");
        assert_eq!(journal.contacts[0].phone, "+44 7700 900123");
    }

    #[test]
    fn stage_two_mistakes_are_located() {
        let text = "version = 1\n[[tracker]]\nname = \"a\"\nsince = 2026-01-01\nprivate = \"yes\"\nphrase = \"\"\n[[tracker]]\nname = \"A\"\nsince = 2026-01-01\n[[entry]]\ndate = 2026-01-02\ntracker = \"a\"\nkind = \"urge\"\nintensity = 9\n[[entry]]\ndate = 2026-01-03\ntracker = \"a\"\nkind = \"checkin\"\ntriggers = [\"x\"]\n[[contact]]\nname = \"Jo\"\n";
        assert_eq!(
            problems(text),
            vec![
                (5, 11, Severity::Error, "`private` must be true or false".into()),
                (6, 10, Severity::Error, "a phrase cannot be empty (leave it out for \"<name>-free\")".into()),
                (8, 8, Severity::Error, "\"A\" is the tracker \"a\" above written in other letters (names are the same whatever their case); give each tracker its own name".into()),
                (14, 13, Severity::Error, "intensity is on a scale of 1 to 5 (1 mild, 5 overwhelming), not 9".into()),
                (19, 1, Severity::Warning, "`triggers` belongs to an urge, and this entry is a checkin; it is kept but not used".into()),
                (20, 1, Severity::Error, "[[contact]] is missing `phone`".into()),
            ]
        );
    }

    #[test]
    fn the_line_index_agrees_with_line_col() {
        let text = "a\nécrit = x\n\nlast";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.line_col(offset), line_col(text, offset), "{offset}");
        }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col("a\nécrit = x", 11), (2, 9));
        assert_eq!(line_col("", 0), (1, 1));
        assert_eq!(line_col("abc", 99), (1, 4));
    }
}
