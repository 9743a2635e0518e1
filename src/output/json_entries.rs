//! `list --format json`: the entries as a JSON array, written by hand.
//!
//! The text is byte for byte what `json::to_writer_pretty` makes of `EntryJson`s (the tests hold
//! it to that): the same field order, pretty printing and terminal-safe escapes. Through serde it
//! cost more than reading the journal from its cache: a long journal is hundreds of thousands of
//! entries, and each field went through the serializer and formatter one call at a time, its
//! strings a character at a time and its date through `fmt`.

use std::io::Write;

use anyhow::Result;

use crate::journal::{Entry, date_text};

/// Written out when the buffer holds this much: few writes, and a small buffer.
const FLUSH_AT: usize = 64 * 1024;

/// Writes entries as a JSON array, one at a time: a long journal is never held twice in memory.
pub fn write<'a>(out: &mut impl Write, entries: impl IntoIterator<Item = &'a Entry>) -> Result<()> {
    let mut buffer = Vec::with_capacity(FLUSH_AT + 1024);
    buffer.push(b'[');
    let mut first = true;
    for entry in entries {
        buffer.extend_from_slice(if first { b"\n  {" } else { b",\n  {" });
        first = false;
        fields(&mut buffer, entry);
        buffer.extend_from_slice(b"\n  }");
        if buffer.len() >= FLUSH_AT {
            out.write_all(&buffer)?;
            buffer.clear();
        }
    }
    if !first {
        buffer.push(b'\n');
    }
    buffer.extend_from_slice(b"]\n");
    out.write_all(&buffer)?;
    out.flush()?;
    Ok(())
}

/// The fields of one entry, in `EntryJson`'s order, each on its own line.
fn fields(out: &mut Vec<u8>, entry: &Entry) {
    key(out, "id", true);
    optional_string(out, entry.id.as_deref());
    key(out, "date", false);
    match date_text::iso(entry.date) {
        Some(text) => {
            out.push(b'"');
            out.extend_from_slice(&text);
            out.push(b'"');
        }
        None => string(out, &format!("{:?}", entry.date)),
    }
    key(out, "tracker", false);
    string(out, &entry.tracker);
    key(out, "kind", false);
    string(out, entry.kind.as_str());
    key(out, "text", false);
    optional_string(out, entry.text.as_deref());
    key(out, "mood", false);
    optional_number(out, entry.mood);
    key(out, "tags", false);
    strings(out, entry.tags.iter().map(|t| t.as_str()));
    key(out, "private", false);
    out.extend_from_slice(if entry.private { b"true" } else { b"false" });
    if entry.intensity.is_some() {
        key(out, "intensity", false);
        optional_number(out, entry.intensity);
    }
    if !entry.triggers.is_empty() {
        key(out, "triggers", false);
        strings(out, entry.triggers.iter().map(String::as_str));
    }
}

/// A key of an entry (at the entries' depth: 4 spaces).
fn key(out: &mut Vec<u8>, name: &str, first: bool) {
    out.extend_from_slice(if first { b"\n    \"" } else { b",\n    \"" });
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
}

fn optional_string(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => string(out, text),
        None => out.extend_from_slice(b"null"),
    }
}

fn optional_number(out: &mut Vec<u8>, n: Option<u8>) {
    match n {
        Some(n) => {
            // Infallible: writing to a Vec.
            let _ = write!(out, "{n}");
        }
        None => out.extend_from_slice(b"null"),
    }
}

/// A list of strings, one a line (at the entries' values' depth), or `[]`.
fn strings<'a>(out: &mut Vec<u8>, items: impl Iterator<Item = &'a str>) {
    out.push(b'[');
    let mut first = true;
    for item in items {
        out.extend_from_slice(if first { b"\n      " } else { b",\n      " });
        first = false;
        string(out, item);
    }
    if !first {
        out.extend_from_slice(b"\n    ");
    }
    out.push(b']');
}

/// `text` as a JSON string: serde_json's escapes (`\"`, `\\`, `\n` and the like, `\u00XX` for
/// the other C0 controls), and `\uXXXX` for every other character a terminal would act on, as
/// `json::TerminalSafe` writes them.
fn string(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    let bytes = text.as_bytes();
    // The bytes from `run` on are written as they are, once something needs an escape.
    let mut run = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if (0x20..0x7f).contains(&byte) && byte != b'"' && byte != b'\\' {
            at += 1;
            continue;
        }
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            0x08 => b"\\b",
            0x0c => b"\\f",
            _ => b"",
        };
        if !escape.is_empty() {
            out.extend_from_slice(&bytes[run..at]);
            out.extend_from_slice(escape);
            at += 1;
            run = at;
            continue;
        }
        // A control or a character beyond ASCII: `at` is on a character boundary.
        let c = text[at..].chars().next().unwrap_or_default();
        let width = c.len_utf8();
        if super::is_unsafe_char(c) {
            out.extend_from_slice(&bytes[run..at]);
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                // Infallible: writing to a Vec.
                let _ = write!(out, "\\u{unit:04x}");
            }
            run = at + width;
        }
        at += width;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{EntryKind, Name};
    use crate::output::json::{EntryJson, to_writer_pretty};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    /// What serde_json writes for the same entries (the text this module must match).
    fn by_serde(entries: &[Entry]) -> String {
        let shapes: Vec<EntryJson> = entries.iter().map(EntryJson::from).collect();
        let mut out = Vec::new();
        to_writer_pretty(&mut out, &shapes).unwrap();
        out.push(b'\n');
        String::from_utf8(out).unwrap()
    }

    fn by_hand(entries: &[Entry]) -> String {
        let mut out = Vec::new();
        write(&mut out, entries).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn entry(text: Option<&str>) -> Entry {
        Entry {
            id: Some("a1b2c3d".into()),
            text: text.map(str::to_owned),
            ..Entry::draft(
                EntryKind::Checkin,
                NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            )
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut urge = entry(Some(
            "tab\there \"quoted\" back\\slash\r\n\u{1}\u{7f}\u{9b}",
        ));
        urge.kind = EntryKind::Urge;
        urge.intensity = Some(4);
        urge.triggers = vec!["stress".into(), "\u{202e}bidi".into()];
        urge.tags = vec![Name::from("meeting"), Name::from("é")];
        urge.mood = Some(5);
        urge.private = true;
        let mut far = entry(None);
        far.id = None;
        far.date = NaiveDate::from_ymd_opt(12345, 1, 2).unwrap();
        for entries in [
            vec![],
            vec![entry(None)],
            vec![urge.clone(), far, entry(Some("ünïcødé ✓ 😀 \u{200e}"))],
        ] {
            assert_eq!(by_hand(&entries), by_serde(&entries));
        }
    }

    /// Text mixing any character with the ones escaping is about (proptest's own strings
    /// leave controls out).
    fn any_text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            any::<char>(),
            prop::char::range('\0', '\u{a0}'),
            prop::sample::select(vec![
                '"', '\\', '\u{200e}', '\u{202e}', '\u{2069}', '\u{feff}'
            ]),
        ];
        prop::collection::vec(c, 0..12).prop_map(String::from_iter)
    }

    proptest! {
        #[test]
        fn any_text_is_written_as_serde_json_writes_it(
            text in any_text(),
            tag in any_text(),
            trigger in any_text(),
        ) {
            let mut e = entry(Some(&text));
            e.tags = vec![Name::from(tag)];
            e.triggers = vec![trigger];
            let entries = [e];
            prop_assert_eq!(by_hand(&entries), by_serde(&entries));
        }
    }
}
