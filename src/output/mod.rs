//! Everything that turns results into text: one module per format, and the small helpers they
//! share (making journal text safe for a terminal, plurals, colour).

pub mod json;
pub mod share;
pub mod streak_text;
pub mod table;

use std::borrow::Cow;

/// `1 day`, `2 days`.
pub fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// Characters a terminal could act on rather than show: C0/C1 controls (escape sequences, bell,
/// carriage return) and the bidi controls that can reorder what is displayed.
fn is_unsafe_char(c: char) -> bool {
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

/// Journal text for a chat message: unsafe characters dropped, line breaks folded into spaces.
pub fn chat_safe(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !is_unsafe_char(*c))
        .collect()
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
        assert_eq!(chat_safe("a\u{1b}[2Jb\n\n  c\u{7}"), "a[2Jb c");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "day"), "1 day");
        assert_eq!(plural(0, "day"), "0 days");
        assert_eq!(plural(256, "day"), "256 days");
    }
}
