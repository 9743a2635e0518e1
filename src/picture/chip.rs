//! `share --style svg|png`: the chip card. One tracker: a large chip with the day count, and
//! beside it the name, the milestone or the count, the phrase and the next milestone. Two or
//! three trackers: a row of smaller chips; more: "and N more".

use super::svg::{Anchor, Style, Svg, Writer, style};
use super::{HEIGHT, WIDTH, colour, font, paper};
use crate::share::{ShareOptions, TrackerDay, celebrations_first, clean_note};
use crate::words::picture as words;

/// The most chips on one card.
const MAX_CHIPS: usize = 3;

/// What the card says, composed from the same standings and options as the plain style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChipData {
    /// `None` when anonymous or unset.
    pub name: Option<String>,
    /// Celebrations first, like the plain style.
    pub chips: Vec<Chip>,
    /// The day's win and (with `--with-notes`) notes: the person's words.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    /// The number in the chip, as the person counts (`day_one`); `None` on a first day.
    pub count: Option<i64>,
    /// The milestone that falls on the day.
    pub milestone: Option<String>,
    pub headline: String,
    pub phrase: String,
    pub next: Option<String>,
}

impl ChipData {
    pub fn new(days: &[TrackerDay], options: &ShareOptions) -> ChipData {
        let chips = celebrations_first(days)
            .into_iter()
            .map(|day| {
                let s = day.standing;
                let phrase = (!options.discreet).then_some(s.phrase.as_str());
                let count = options.counting.days(s);
                let next = s
                    .next_milestone
                    .as_ref()
                    .zip(s.days_left())
                    .map(|(m, left)| words::next_milestone(&m.label, m.date, s.on, left));
                if let Some(m) = s.milestone_today() {
                    return Chip {
                        count: Some(count),
                        milestone: Some(m.label.clone()),
                        headline: m.label.clone(),
                        phrase: words::milestone_phrase(phrase),
                        next,
                    };
                }
                let (count, headline, phrase) = match (s.days, s.restarted()) {
                    (0, false) => (
                        None,
                        words::DAY_ONE.to_string(),
                        words::day_one_phrase(phrase),
                    ),
                    (0, true) => (
                        None,
                        words::STARTING_AGAIN.to_string(),
                        words::starting_again_phrase(phrase),
                    ),
                    _ => (Some(count), words::days(count), words::free(phrase)),
                };
                Chip {
                    count,
                    milestone: None,
                    headline,
                    phrase,
                    next,
                }
            })
            .collect();
        let mut notes = Vec::new();
        if let Some(win) = days.iter().find_map(TrackerDay::public_win) {
            notes.push(words::win(options.with_notes.then_some(win.as_str())));
        }
        if options.with_notes {
            let day_notes: Vec<String> = days.iter().flat_map(TrackerDay::public_notes).collect();
            if !day_notes.is_empty() {
                notes.push(day_notes.join("; "));
            }
        }
        ChipData {
            name: options.name.as_deref().map(clean_note),
            chips,
            notes,
        }
    }
}

/// The chip card as SVG.
pub fn chip(data: &ChipData) -> Svg {
    let title = data
        .chips
        .first()
        .map(|c| format!("{} {}", c.headline, c.phrase))
        .unwrap_or_default();
    let mut w = Writer::new(WIDTH, HEIGHT, &title);
    paper(&mut w);
    match data.chips.as_slice() {
        [] => {}
        [one] => single(&mut w, data, one),
        several => row(&mut w, data, several),
    }
    w.finish()
}

/// One chip, large on the left; its words on the right, centred as a block.
fn single(w: &mut Writer, data: &ChipData, chip: &Chip) {
    medallion(
        w,
        330.0,
        315.0,
        230.0,
        chip.count,
        chip.milestone.as_deref(),
    );
    let (x, width) = (620.0, 520.0);
    let headline_colour = if chip.milestone.is_some() {
        colour::TERRACOTTA
    } else {
        colour::INK
    };
    // (gap before, style, text)
    let mut lines: Vec<(f32, Style, &str)> = Vec::new();
    if let Some(name) = &data.name {
        lines.push((
            0.0,
            style(40.0, false, colour::SOFT_INK, Anchor::Start),
            name,
        ));
    }
    lines.push((
        if lines.is_empty() { 0.0 } else { 22.0 },
        style(66.0, true, headline_colour, Anchor::Start),
        &chip.headline,
    ));
    lines.push((
        8.0,
        style(42.0, false, colour::INK, Anchor::Start),
        &chip.phrase,
    ));
    if let Some(next) = &chip.next {
        lines.push((34.0, style(30.0, false, colour::SAGE, Anchor::Start), next));
    }
    let notes: Vec<String> = data
        .notes
        .iter()
        .flat_map(|note| font::wrap(note, width, 24.0, false, 3))
        .collect();
    for (i, note) in notes.iter().enumerate() {
        let gap = if i == 0 { 24.0 } else { 4.0 };
        lines.push((
            gap,
            style(24.0, false, colour::SOFT_INK, Anchor::Start),
            note,
        ));
    }
    let height: f32 = lines.iter().map(|(gap, s, _)| gap + s.size * 1.2).sum();
    let mut y = (315.0 - height / 2.0).max(40.0);
    for (gap, s, text) in lines {
        y += gap + s.size;
        w.fitted_text(x, y, width, s, text);
        y += s.size * 0.2;
    }
}

/// Two or three chips side by side, each with its words below; the name above them.
fn row(w: &mut Writer, data: &ChipData, chips: &[Chip]) {
    let shown = &chips[..chips.len().min(MAX_CHIPS)];
    let columns = shown.len() as f32;
    let column_width = (WIDTH as f32 - 80.0) / columns;
    let r = if shown.len() == 2 { 150.0 } else { 128.0 };
    let top = if let Some(name) = &data.name {
        w.fitted_text(
            WIDTH as f32 / 2.0,
            86.0,
            WIDTH as f32 - 120.0,
            style(40.0, false, colour::SOFT_INK, Anchor::Middle),
            name,
        );
        110.0
    } else {
        60.0
    };
    let cy = top + r + 10.0;
    for (i, chip) in shown.iter().enumerate() {
        let cx = 40.0 + column_width * (i as f32 + 0.5);
        medallion(w, cx, cy, r, chip.count, chip.milestone.as_deref());
        let text_width = column_width - 30.0;
        let headline_colour = if chip.milestone.is_some() {
            colour::TERRACOTTA
        } else {
            colour::INK
        };
        let mut y = cy + r + 62.0;
        w.fitted_text(
            cx,
            y,
            text_width,
            style(36.0, true, headline_colour, Anchor::Middle),
            &chip.headline,
        );
        y += 38.0;
        w.fitted_text(
            cx,
            y,
            text_width,
            style(28.0, false, colour::INK, Anchor::Middle),
            &chip.phrase,
        );
        if let Some(next) = &chip.next {
            y += 36.0;
            w.fitted_text(
                cx,
                y,
                text_width,
                style(22.0, false, colour::SAGE, Anchor::Middle),
                next,
            );
        }
    }
    let mut bottom: Vec<String> = data.notes.clone();
    if chips.len() > shown.len() {
        bottom.push(words::and_more(chips.len() - shown.len()));
    }
    let mut y = HEIGHT as f32 - 36.0 - 30.0 * (bottom.len() as f32 - 1.0);
    for line in &bottom {
        w.fitted_text(
            WIDTH as f32 / 2.0,
            y,
            WIDTH as f32 - 120.0,
            style(22.0, false, colour::SOFT_INK, Anchor::Middle),
            line,
        );
        y += 30.0;
    }
}

/// A chip drawn as shapes: a bronze rim with a ring of dots, a gold face, the count in the
/// middle ("Day one" on a first day) and, on a milestone day, a ribbon with its label.
pub(super) fn medallion(
    w: &mut Writer,
    cx: f32,
    cy: f32,
    r: f32,
    count: Option<i64>,
    milestone: Option<&str>,
) {
    w.circle(cx, cy + r * 0.035, r, colour::PAPER_EDGE, None);
    w.circle(cx, cy, r, colour::BRONZE, None);
    w.circle(
        cx,
        cy,
        r * 0.86,
        colour::GOLD,
        Some((colour::GOLD_LIGHT, r * 0.025)),
    );
    for i in 0..24 {
        let angle = std::f32::consts::TAU * i as f32 / 24.0;
        w.circle(
            cx + r * 0.93 * angle.cos(),
            cy + r * 0.93 * angle.sin(),
            r * 0.02,
            colour::GOLD_LIGHT,
            None,
        );
    }
    w.circle(cx, cy, r * 0.74, "none", Some((colour::BRONZE, r * 0.012)));
    let lift = if milestone.is_some() { r * 0.12 } else { 0.0 };
    let ink = |size, bold| style(size, bold, colour::CHIP_INK, Anchor::Middle);
    match count {
        Some(count) => {
            let number = count.to_string();
            let size = font::fit(&number, r * 1.25, r * 0.62, true);
            w.text(cx, cy + size * 0.3 - lift, ink(size, true), &number);
            w.text(
                cx,
                cy + r * 0.42 - lift * 0.9,
                ink(r * 0.17, false),
                words::day_unit(count),
            );
        }
        None => {
            let (day, one) = words::DAY_ONE
                .split_once(' ')
                .unwrap_or((words::DAY_ONE, ""));
            w.text(cx, cy - r * 0.08 - lift, ink(r * 0.22, false), day);
            w.text(cx, cy + r * 0.3 - lift, ink(r * 0.36, true), one);
        }
    }
    if let Some(label) = milestone {
        let (top, height, half) = (cy + r * 0.44, r * 0.3, r * 0.92);
        let tail = r * 0.16;
        // The ribbon's two tails, notched, behind its band.
        for side in [-1.0f32, 1.0] {
            let inner = cx + side * (half - tail * 0.4);
            let outer = cx + side * (half + tail);
            w.polygon(
                &[
                    (inner, top + height * 0.25),
                    (outer, top + height * 0.25),
                    (outer - side * tail * 0.5, top + height * 0.8),
                    (outer, top + height * 1.35),
                    (inner, top + height * 1.35),
                ],
                colour::BRONZE,
            );
        }
        w.rect(
            cx - half,
            top,
            half * 2.0,
            height,
            r * 0.04,
            colour::TERRACOTTA,
            None,
        );
        w.fitted_text(
            cx,
            top + height * 0.5 + r * 0.055,
            half * 1.8,
            style(r * 0.16, true, colour::ON_TERRACOTTA, Anchor::Middle),
            label,
        );
    }
}
