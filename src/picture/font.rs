//! The one font every picture is drawn with, shipped inside the binary (DejaVu Sans, Bitstream
//! Vera licence: assets/fonts/LICENSE-DejaVu.txt). No system font is ever read, so a picture
//! comes out the same on every machine; its metrics let the layout fit text to a width.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

pub const FAMILY: &str = "DejaVu Sans";
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The smallest text a picture uses: smaller is not read in a chat's preview.
pub const MIN_SIZE: f32 = 14.0;

/// How wide `text` is at `size` pixels (kerning aside, which only narrows it).
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let Ok(font) = FontRef::new(if bold { BOLD } else { REGULAR }) else {
        return text.chars().count() as f32 * size * 0.62;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars()
        .map(|c| {
            charmap
                .map(c)
                .and_then(|glyph| metrics.advance_width(glyph))
                .unwrap_or(size * 0.62)
        })
        .sum()
}

/// The size, at most `size` and at least `MIN_SIZE`, at which `text` fits in `max_width`.
pub fn fit(text: &str, max_width: f32, size: f32, bold: bool) -> f32 {
    let natural = width(text, size, bold);
    if natural <= max_width {
        return size;
    }
    (size * max_width / natural).max(MIN_SIZE).floor()
}

/// `text` at its fitted size, cut with an ellipsis when even the smallest size is too wide.
pub fn fit_or_cut(text: &str, max_width: f32, size: f32, bold: bool) -> (String, f32) {
    let size = fit(text, max_width, size, bold);
    (cut(text, max_width, size, bold), size)
}

/// `text` at `size`, cut with an ellipsis where it would pass `max_width`.
pub fn cut(text: &str, max_width: f32, size: f32, bold: bool) -> String {
    if width(text, size, bold) <= max_width {
        return text.to_string();
    }
    let mut cut: Vec<char> = text.chars().collect();
    while !cut.is_empty() {
        cut.pop();
        let candidate: String = cut.iter().collect::<String>().trim_end().to_string() + "…";
        if width(&candidate, size, bold) <= max_width {
            return candidate;
        }
    }
    "…".to_string()
}

/// `text` in lines no wider than `max_width`, broken at spaces (a word too long for a line is
/// cut); at most `max_lines`, the last cut with an ellipsis when the text does not fit.
pub fn wrap(text: &str, max_width: f32, size: f32, bold: bool, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    // A word wider than a line is broken into pieces that fit.
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ') {
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if width(&piece, size, bold) > max_width && piece.chars().count() > 1 {
                piece.pop();
                words.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        words.push(piece);
    }
    for word in &words {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || width(&candidate, size, bold) <= max_width {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.clone()));
        }
    }
    lines.push(current);
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(rest);
    }
    lines
        .into_iter()
        .map(|line| cut(&line, max_width, size, bold))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_measure_text() {
        let one = width("m", 100.0, false);
        assert!(one > 50.0 && one < 120.0, "{one}");
        assert!(width("mmmm", 100.0, true) > width("mmmm", 100.0, false));
    }

    #[test]
    fn long_text_shrinks_then_is_cut() {
        assert_eq!(fit("hi", 500.0, 40.0, false), 40.0);
        assert!(fit("a much longer line of text", 300.0, 40.0, false) < 40.0);
        let (cut, size) = fit_or_cut(&"word ".repeat(100), 300.0, 40.0, false);
        assert_eq!(size, MIN_SIZE);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(width(&cut, size, false) <= 300.0);
    }

    #[test]
    fn text_wraps_at_spaces_and_the_last_line_is_cut() {
        let text = "one two three four five six seven eight nine ten";
        let lines = wrap(text, 200.0, 20.0, false, 5);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert!(
            lines.iter().all(|l| width(l, 20.0, false) <= 200.0),
            "{lines:?}"
        );
        let two = wrap(text, 200.0, 20.0, false, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with('…'), "{two:?}");
        let long = wrap(&"x".repeat(60), 200.0, 20.0, false, 5);
        assert!(
            long.len() > 1 && long.iter().all(|l| width(l, 20.0, false) <= 200.0),
            "{long:?}"
        );
        assert_eq!(long.concat(), "x".repeat(60));
    }
}
