//! Everything that turns results into text: one module per format, and the small helpers they
//! share (making journal text safe for a terminal, plurals, colour).

pub mod deliver;
pub mod json;
pub mod json_entries;
pub mod remind_json;
pub mod remind_text;
pub mod report_markdown;
pub mod report_text;
pub mod sos_text;
pub mod streak_text;
pub mod table;

use std::borrow::Cow;

use crate::streak::Standing;

/// How day counts read in human text: from 0 on the start date (the contract's way, and what
/// JSON always uses) or, with the `day_one` setting, from 1.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counting {
    pub day_one: bool,
}

impl Counting {
    fn offset(self) -> i64 {
        i64::from(self.day_one)
    }

    /// The current streak as the person counts it.
    pub fn days(self, s: &Standing) -> i64 {
        s.days + self.offset()
    }

    /// Total days, "of" how many, as the person counts them (today counts when counting from 1).
    pub fn total_of(self, s: &Standing) -> (i64, i64) {
        (s.total_days + self.offset(), s.elapsed_days + self.offset())
    }

    /// Only the current streak includes today; finished streaks ended the day before a reset.
    pub fn longest(self, s: &Standing) -> i64 {
        s.longest_past().unwrap_or(0).max(self.days(s))
    }
}

/// `1 day`, `2 days`.
pub fn plural(n: i64, unit: &str) -> String {
    match (n, unit.strip_suffix("ry")) {
        (1, _) => format!("1 {unit}"),
        // "entry" → "entries"; "day" keeps its y.
        (_, Some(stem)) => format!("{n} {stem}ries"),
        (_, None) => format!("{n} {unit}s"),
    }
}

/// Characters a terminal could act on rather than show: C0/C1 controls (escape sequences, bell,
/// carriage return) and the bidi controls that can reorder what is displayed.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Journal text as it can be printed on a terminal: unsafe characters shown as `\u{1b}`
/// escapes, never sent raw. The journal itself keeps the text exactly as written.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\n' {
            safe.push_str("\\n");
        } else if is_unsafe_char(c) {
            safe.push_str(&c.escape_unicode().to_string());
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// Journal text for a field of a file that may well be shown on a terminal (CSV): unsafe
/// characters written as `\u{1b}` escapes, line breaks and tabs kept (a quoted CSV field
/// holds them).
pub fn field_safe(text: &str) -> Cow<'_, str> {
    let unsafe_here = |c: char| is_unsafe_char(c) && !matches!(c, '\n' | '\t');
    if !text.chars().any(unsafe_here) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_here(c) {
            safe.push_str(&c.escape_unicode().to_string());
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// `text` without its terminal escape sequences, each taken out whole: CSI (`ESC [` ... a final
/// letter, as in the colour code `ESC [31m`), OSC (`ESC ]` ... BEL or `ESC \`), the other
/// string sequences (DCS, SOS, PM, APC), and two-character escapes. Dropping only the ESC would
/// leave `[31m` behind.
fn without_escape_sequences(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let introducer = match c {
            '\u{1b}' => chars.next(),
            // The one-character (C1) forms of CSI, DCS, SOS, OSC, PM and APC.
            '\u{9b}' => Some('['),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => Some(']'),
            c => {
                out.push(c);
                continue;
            }
        };
        match introducer {
            // Parameters and intermediates, up to the final byte (@ to ~).
            Some('[') => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            // A string, up to BEL or the string terminator (ESC \ or ST).
            Some(']' | 'P' | 'X' | '^' | '_') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' || c == '\u{9c}' {
                        break;
                    }
                    if c == '\u{1b}' {
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Journal text for a chat message: escape sequences and other unsafe characters dropped,
/// line breaks folded into spaces.
pub fn chat_safe(text: &str) -> String {
    without_escape_sequences(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !is_unsafe_char(*c))
        .collect()
}

/// `text` with the markup characters that XML, HTML and Slack's mrkdwn all write as entities
/// (`&`, `<`, `>`) so written, and every other character as `rest` writes it.
pub fn with_entities(text: &str, mut rest: impl FnMut(char, &mut String)) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => rest(c, &mut out),
        }
    }
    out
}

/// Journal text inside Markdown: on one line, without control characters, and with every
/// character that Markdown (or a chat's flavour of it) could act on escaped: emphasis, code,
/// links and images, HTML, tables, and the markers that start a heading, list or quote.
pub fn markdown_escape(text: &str) -> String {
    let clean = chat_safe(text);
    let mut out = String::with_capacity(clean.len() + 8);
    for (i, c) in clean.chars().enumerate() {
        let starts_block = i == 0 && matches!(c, '#' | '-' | '+' | '>' | '=');
        if starts_block
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '<' | '>' | '|' | '~' | '@'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. item" would start a numbered list.
    if let Some(dot) = out
        .find(". ")
        .filter(|&d| d > 0 && out[..d].chars().all(|c| c.is_ascii_digit()))
    {
        out.insert(dot, '\\');
    }
    out
}

/// Bold and dim, when colour is on.
#[derive(Clone, Copy)]
pub struct Paint {
    pub color: bool,
}

impl Paint {
    pub fn bold(self, text: &str) -> String {
        self.style(anstyle::Style::new().bold(), text)
    }

    pub fn green(self, text: &str) -> String {
        self.style(
            anstyle::Style::new()
                .bold()
                .fg_color(Some(anstyle::AnsiColor::Green.into())),
            text,
        )
    }

    fn style(self, style: anstyle::Style, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_escapes_what_a_terminal_would_obey() {
        assert_eq!(terminal_safe("plain words"), "plain words");
        assert_eq!(terminal_safe("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(
            terminal_safe("\u{1b}]52;c;aGk=\u{7}"),
            "\\u{1b}]52;c;aGk=\\u{7}"
        );
        assert_eq!(terminal_safe("a\u{202e}b\nc"), "a\\u{202e}b\\nc");
    }

    #[test]
    fn chat_safe_drops_controls_and_folds_lines() {
        assert_eq!(chat_safe("a\u{1b}[2Jb\n\n  c\u{7}"), "ab c");
        assert_eq!(chat_safe("\u{1b}[31mred\u{1b}[0m text"), "red text");
        assert_eq!(chat_safe("\u{1b}[38;5;196mx"), "x");
        assert_eq!(chat_safe("\u{1b}]52;c;aGk=\u{7}copied"), "copied");
        assert_eq!(
            chat_safe("\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "link"
        );
        assert_eq!(chat_safe("\u{9b}1mbold"), "bold");
        assert_eq!(chat_safe("cut \u{1b}["), "cut");
    }

    #[test]
    fn markdown_escape_neutralises_formatting() {
        assert_eq!(markdown_escape("plain words"), "plain words");
        assert_eq!(
            markdown_escape("**bold** [link](http://x) `code` <b>|"),
            "\\*\\*bold\\*\\* \\[link\\]\\(http://x\\) \\`code\\` \\<b\\>\\|"
        );
        assert_eq!(markdown_escape("# title\n- item"), "\\# title - item");
        assert_eq!(
            markdown_escape("Well. It went ok-ish: 3/5!"),
            "Well. It went ok-ish: 3/5!"
        );
        assert_eq!(markdown_escape("12. of them"), "12\\. of them");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "day"), "1 day");
        assert_eq!(plural(0, "day"), "0 days");
        assert_eq!(plural(256, "day"), "256 days");
        assert_eq!(plural(2, "entry"), "2 entries");
        assert_eq!(plural(1, "entry"), "1 entry");
    }
}
