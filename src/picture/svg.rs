//! A small SVG writer: shapes and text at fixed coordinates, every text escaped. Numbers are
//! written with one decimal so the same layout always gives the same bytes.

use super::font;

/// A finished SVG document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Svg(String);

impl Svg {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Text made inert in XML: markup characters become entities, and characters XML forbids
/// (controls, lone surrogates' stand-ins, U+FFFE/U+FFFF) are dropped.
pub fn escape(text: &str) -> String {
    crate::output::with_entities(text, |c, out| match c {
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&apos;"),
        '\t' | '\n' | '\r' => out.push(' '),
        c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
        c => out.push(c),
    })
}

fn n(value: f32) -> String {
    // Adding 0.0 turns -0 into 0.
    let rounded = (value * 10.0).round() / 10.0 + 0.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// How one piece of text is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub fill: &'static str,
    pub anchor: Anchor,
}

/// A `Style`, as the pictures write one on each line of text.
pub fn style(size: f32, bold: bool, fill: &'static str, anchor: Anchor) -> Style {
    Style {
        size,
        bold,
        fill,
        anchor,
    }
}

pub struct Writer {
    out: String,
}

impl Writer {
    pub fn new(width: u32, height: u32, title: &str) -> Writer {
        let mut out = String::new();
        out.push_str(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{}, sans-serif\">\n",
            font::FAMILY
        ));
        out.push_str(&format!("<title>{}</title>\n", escape(title)));
        Writer { out }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rx: f32,
        fill: &str,
        stroke: Option<(&str, f32)>,
    ) {
        let stroke = stroke
            .map(|(colour, width)| format!(" stroke=\"{colour}\" stroke-width=\"{}\"", n(width)))
            .unwrap_or_default();
        self.out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\"{stroke}/>\n",
            n(x),
            n(y),
            n(w),
            n(h),
            n(rx)
        ));
    }

    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, fill: &str, stroke: Option<(&str, f32)>) {
        let stroke = stroke
            .map(|(colour, width)| format!(" stroke=\"{colour}\" stroke-width=\"{}\"", n(width)))
            .unwrap_or_default();
        self.out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"{stroke}/>\n",
            n(cx),
            n(cy),
            n(r)
        ));
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, stroke: &str, width: f32) {
        self.out.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\" stroke-linecap=\"round\"/>\n",
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            n(width)
        ));
    }

    /// A closed polygon through `points`.
    pub fn polygon(&mut self, points: &[(f32, f32)], fill: &str) {
        let points: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
            .collect();
        self.out.push_str(&format!(
            "<polygon points=\"{}\" fill=\"{fill}\"/>\n",
            points.join(" ")
        ));
    }

    /// `content` at baseline `y`, escaped.
    pub fn text(&mut self, x: f32, y: f32, style: Style, content: &str) {
        let anchor = match style.anchor {
            Anchor::Start => "",
            Anchor::Middle => " text-anchor=\"middle\"",
            Anchor::End => " text-anchor=\"end\"",
        };
        let weight = if style.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        self.out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight} fill=\"{}\"{anchor}>{}</text>\n",
            n(x),
            n(y),
            n(style.size),
            style.fill,
            escape(content)
        ));
    }

    /// `content` fitted into `max_width` (shrunk, then cut); returns the size used.
    pub fn fitted_text(
        &mut self,
        x: f32,
        y: f32,
        max_width: f32,
        style: Style,
        content: &str,
    ) -> f32 {
        let (content, size) = font::fit_or_cut(content, max_width, style.size, style.bold);
        self.text(x, y, Style { size, ..style }, &content);
        size
    }

    pub fn finish(mut self) -> Svg {
        self.out.push_str("</svg>\n");
        Svg(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            escape("</text><script>alert('x')</script> & \"q\"\u{1b}[31m"),
            "&lt;/text&gt;&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;[31m"
        );
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.34), "12.3");
        assert_eq!(n(-0.04), "0");
    }
}
