//! The lines nearly every journal is made of, read without toml_parser.
//!
//! `key = value` with a bare key and a one-line value (a string without a line break, a
//! decimal integer, `true` or `false`, a plain date, a one-line array of strings), `[name]` and
//! `[[name]]` headers with a bare name, comments and blank lines. Lexing and parsing these
//! through toml_parser's events cost more than everything else a cold read does; here they are
//! a few comparisons a byte. Only text that is valid TOML is taken, and it is read as TOML
//! reads it: everything else, even what is valid (a quoted key, a float, a multi-line string),
//! is left to toml_parser a section at a time, and the differential tests in
//! `testing/loader_fuzz.rs` hold the two to the same trees.

use std::borrow::Cow;

use toml_datetime::{Date, Datetime};
use toml_parser::Span;
use toml_parser::decoder::Encoding;

use super::{Builder, Key, Value, ValueKind};

/// How far [`sections`] got.
pub(super) enum Scan {
    /// To the end of the text, all of it read.
    End,
    /// To the section beginning here, which may go on in the next piece.
    Incomplete(usize),
    /// To the section beginning here, which has a line this reader leaves to toml_parser.
    Other(usize),
}

/// A section's `[header]`: the brackets' spans, whether `[[`, and its name.
type Header<'s> = (Span, Span, bool, Key<'s>);

/// Reads the sections of `text` from `at` (the start of the text, or a header at the top
/// level) into `builder`, each one only once it is read whole (so that a section it leaves to
/// toml_parser is read there from its header). A section is whole at the next header, or at
/// the end of the text when it is the `last` piece. `items` is room for a section's values.
pub(super) fn sections<'s>(
    builder: &mut Builder<'s, '_>,
    text: &'s str,
    at: usize,
    last: bool,
    items: &mut Vec<(Key<'s>, Value<'s>)>,
) -> Scan {
    let bytes = text.as_bytes();
    let base = builder.base;
    let mut section = at;
    let mut header: Option<Header<'s>> = None;
    let mut pos = at;
    items.clear();
    loop {
        pos = skip_blank(bytes, pos);
        let Some(&first) = bytes.get(pos) else {
            if !last {
                return Scan::Incomplete(section);
            }
            commit(builder, header.take(), items);
            return Scan::End;
        };
        let line = match first {
            b'\n' => Some(pos + 1),
            b'\r' => newline(bytes, pos),
            b'#' => comment(bytes, pos),
            b'[' => {
                // The section before is whole: only whole expressions came before this line.
                commit(builder, header.take(), items);
                if builder.failed {
                    return Scan::Other(pos);
                }
                section = pos;
                header_line(text, pos, base).map(|(read, end)| {
                    header = Some(read);
                    end
                })
            }
            _ => key_value(text, pos, base).map(|(key, value, end)| {
                items.push((key, value));
                end
            }),
        };
        match line {
            Some(end) => pos = end,
            // A line cut by the end of the piece comes whole with the next one.
            None if !last && ends_unfinished(bytes, pos) => return Scan::Incomplete(section),
            None => return Scan::Other(section),
        }
    }
}

/// Whether the line from `pos` runs to the end of the text without a line break: it may end
/// differently in the next piece.
fn ends_unfinished(bytes: &[u8], pos: usize) -> bool {
    memchr::memchr(b'\n', &bytes[pos..]).is_none()
}

/// Hands a whole section to the builder, as toml_parser's events would.
fn commit<'s>(
    builder: &mut Builder<'s, '_>,
    header: Option<Header<'s>>,
    items: &mut Vec<(Key<'s>, Value<'s>)>,
) {
    if let Some((open, close, array, key)) = header {
        builder.open_header(open, close, array, key);
    }
    // Room for them all at once, rather than growing into it.
    if let Some(table) = builder.table() {
        table.items.reserve(items.len());
    }
    for (key, value) in items.drain(..) {
        if builder.failed {
            return;
        }
        builder.pending_key = Some(key);
        builder.place(value);
    }
}

fn skip_blank(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t')) {
        pos += 1;
    }
    pos
}

/// Just after the line break at `pos` (`\n` or `\r\n`), or at the end of the text.
fn newline(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos) {
        None => Some(pos),
        Some(b'\n') => Some(pos + 1),
        Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') => Some(pos + 2),
        _ => None,
    }
}

/// After a comment at `pos` and its line break: a tab, printable ASCII, or beyond ASCII.
fn comment(bytes: &[u8], pos: usize) -> Option<usize> {
    let mut end = pos + 1;
    while let Some(&b) = bytes.get(end) {
        if b == b'\t' || (0x20..0x7f).contains(&b) || b >= 0x80 {
            end += 1;
        } else {
            break;
        }
    }
    newline(bytes, end)
}

/// After blanks and a comment at `pos`, up to and including the line break.
fn line_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let pos = skip_blank(bytes, pos);
    match bytes.get(pos) {
        Some(b'#') => comment(bytes, pos),
        _ => newline(bytes, pos),
    }
}

fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// The bare key at `pos` and where it ends.
fn bare_key(text: &str, pos: usize, base: usize) -> Option<(Key<'_>, usize)> {
    let bytes = text.as_bytes();
    let mut end = pos;
    while bytes.get(end).is_some_and(|b| is_bare(*b)) {
        end += 1;
    }
    (end > pos).then(|| {
        let key = Key {
            name: Cow::Borrowed(&text[pos..end]),
            span: base + pos..base + end,
        };
        (key, end)
    })
}

/// `[name]` or `[[name]]` at `pos`, and the end of its line.
fn header_line(text: &str, pos: usize, base: usize) -> Option<(Header<'_>, usize)> {
    let bytes = text.as_bytes();
    let array = bytes.get(pos + 1) == Some(&b'[');
    let width = if array { 2 } else { 1 };
    let (key, end) = bare_key(text, pos + width, base)?;
    let close = if array { &b"]]"[..] } else { &b"]"[..] };
    if bytes.get(end..end + width) != Some(close) {
        return None;
    }
    let open = Span::new_unchecked(pos, pos + width);
    let closed = Span::new_unchecked(end, end + width);
    let line = line_end(bytes, end + width)?;
    Some(((open, closed, array, key), line))
}

/// `key = value` at `pos`, and the end of its line.
fn key_value(text: &str, pos: usize, base: usize) -> Option<(Key<'_>, Value<'_>, usize)> {
    let bytes = text.as_bytes();
    let (key, end) = bare_key(text, pos, base)?;
    let equals = skip_blank(bytes, end);
    if bytes.get(equals) != Some(&b'=') {
        return None;
    }
    let start = skip_blank(bytes, equals + 1);
    let (kind, end) = value(text, start, base)?;
    let line = line_end(bytes, end)?;
    let value = Value {
        span: base + start..base + end,
        kind,
    };
    Some((key, value, line))
}

/// The value at `pos` and where it ends; only the shapes this reader takes.
fn value(text: &str, pos: usize, base: usize) -> Option<(ValueKind<'_>, usize)> {
    let bytes = text.as_bytes();
    match *bytes.get(pos)? {
        b'"' | b'\'' => string(text, pos).map(|(s, end)| (ValueKind::String(s), end)),
        b'[' => array(text, pos, base),
        b't' if bytes[pos..].starts_with(b"true") => Some((ValueKind::Boolean(true), pos + 4)),
        b'f' if bytes[pos..].starts_with(b"false") => Some((ValueKind::Boolean(false), pos + 5)),
        b'0'..=b'9' | b'+' | b'-' => number_or_date(text, pos),
        _ => None,
    }
    // What follows a value must end it for toml_parser too (`truex`, `1.5` and
    // `2026-11-25T10:00` are one token there).
    .filter(|(_, end)| {
        matches!(
            bytes.get(*end),
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'#' | b',' | b']')
        )
    })
}

/// A one-line string at `pos` (`"basic"` or `'literal'`), and where it ends.
fn string(text: &str, pos: usize) -> Option<(Cow<'_, str>, usize)> {
    let bytes = text.as_bytes();
    let quote = bytes[pos];
    if bytes.get(pos + 1..pos + 3) == Some(&[quote, quote][..]) {
        // A multi-line string.
        return None;
    }
    let mut end = pos + 1;
    let mut escaped = false;
    loop {
        let b = *bytes.get(end)?;
        match b {
            _ if b == quote => break,
            b'\\' if quote == b'"' => {
                escaped = true;
                // The escaped character cannot end the string; toml_parser reads what it means.
                end += 1;
                if bytes.get(end).is_some_and(|b| *b != b'\n' && *b != b'\r') {
                    end += 1;
                }
            }
            b'\t' | 0x20..=0x7e | 0x80.. => end += 1,
            _ => return None,
        }
    }
    let end = end + 1;
    if !escaped {
        return Some((Cow::Borrowed(&text[pos + 1..end - 1]), end));
    }
    let raw = toml_parser::Raw::new_unchecked(
        &text[pos..end],
        Some(Encoding::BasicString),
        Span::new_unchecked(pos, end),
    );
    let mut decoded = Cow::Borrowed("");
    let mut failed = false;
    let kind = raw.decode_scalar(&mut decoded, &mut super::Failed(&mut failed));
    (!failed && matches!(kind, toml_parser::decoder::ScalarKind::String)).then_some((decoded, end))
}

/// A one-line array of strings at `pos` (`[]`, `["a", 'b',]`), and where it ends.
fn array(text: &str, pos: usize, base: usize) -> Option<(ValueKind<'_>, usize)> {
    let bytes = text.as_bytes();
    let mut values = Vec::new();
    let mut at = skip_blank(bytes, pos + 1);
    loop {
        match bytes.get(at)? {
            b']' => return Some((ValueKind::Array(values), at + 1)),
            b'"' | b'\'' => {
                let (s, end) = string(text, at)?;
                values.push(Value {
                    span: base + at..base + end,
                    kind: ValueKind::String(s),
                });
                at = skip_blank(bytes, end);
                match bytes.get(at)? {
                    b',' => at = skip_blank(bytes, at + 1),
                    b']' => {}
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
}

/// A decimal integer (`0`, `-12`, `+7`) or a plain date (`2026-11-25`) at `pos`.
fn number_or_date(text: &str, pos: usize) -> Option<(ValueKind<'_>, usize)> {
    let bytes = text.as_bytes();
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let sign = usize::from(matches!(bytes[pos], b'+' | b'-'));
    let run = digits(pos + sign);
    let end = pos + sign + run;
    if sign == 0 && run == 4 && bytes.get(end) == Some(&b'-') {
        return date(bytes, pos).map(|(date, end)| (ValueKind::Datetime(date), end));
    }
    // No leading zeros, no `_`, no other base: those are toml_parser's.
    if run == 0 || (run > 1 && bytes[pos + sign] == b'0') {
        return None;
    }
    let n: i64 = text[pos..end].parse().ok()?;
    Some((ValueKind::Integer(n), end))
}

/// `YYYY-MM-DD` at `pos`, a real day of the Gregorian calendar (as toml_datetime checks it),
/// by the one rule every journal date is read with.
fn date(bytes: &[u8], pos: usize) -> Option<(Datetime, usize)> {
    use chrono::Datelike;
    let text = std::str::from_utf8(bytes.get(pos..pos + 10)?).ok()?;
    let day = crate::journal::date_text::parse_iso(text)?;
    let date = Datetime {
        date: Some(Date {
            year: u16::try_from(day.year()).ok()?,
            month: u8::try_from(day.month()).ok()?,
            day: u8::try_from(day.day()).ok()?,
        }),
        time: None,
        offset: None,
    };
    Some((date, pos + 10))
}

#[cfg(test)]
mod tests {
    use super::super::{Current, Table};
    use super::*;

    /// Whether this reader reads all of `text` itself (and finds nothing wrong).
    fn read_here(text: &str) -> bool {
        let mut each_entry = |_: Table| {};
        let mut builder = Builder::new(text, 0, &mut each_entry, Table::default(), Current::Root);
        let scan = sections(&mut builder, text, 0, true, &mut Vec::new());
        matches!(scan, Scan::End) && !builder.failed
    }

    #[test]
    fn journals_as_milestone_writes_them_are_read_here() {
        let text = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\nprivate = true\n\n[[entry]]\nid = \"4hu2rey\"\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"urge\"\ntext = \"a \\\"quoted\\\" word\\nand a line \u{e9}\"\nmood = 4\ntags = [\"meeting\", \"friends\"]\nintensity = 3\ntriggers = []\n\n# a note\n[[reason]]\ntext = 'to be there'\n[[contact]]\nname = \"Jo\"\nphone = \"+44 7700 900123\"\n";
        assert!(read_here(text));
        assert!(read_here(&text.replace('\n', "\r\n")));
    }

    #[test]
    fn other_spellings_are_left_to_toml_parser() {
        for text in [
            "cost_per_day = 1.5\n",
            "\"quoted\" = 1\n",
            "a.b = 1\n",
            "text = '''x'''\n",
            "text = \"\"\"x\"\"\"\n",
            "a = 0x1f\n",
            "a = 1_000\n",
            "a = 2026-11-25T10:00:00\n",
            "a = [1]\n",
            "a = [\n\"x\"]\n",
            "a = {}\n",
            "[a.b]\n",
            "[ \"t\" ]\n",
            "\u{feff}a = 1\n",
        ] {
            assert!(!read_here(text), "{text:?}");
        }
    }
}
