//! `circle --style svg|png` (and later `group show`): a poster of everyone. The day's
//! milestones come first, then everyone by name, never ranked. Up to `MAX_SHOWN` members get a
//! cell each, in one to three columns; the rest are counted ("and N more").

use chrono::NaiveDate;

use super::chip::medallion;
use super::svg::{Anchor, Svg, Writer, style};
use super::{HEIGHT, WIDTH, colour, font, paper};
use crate::share::circle::Seen;
use crate::share::clean_note;
use crate::words::picture as words;

/// The most members with a cell of their own; 30 stay legible on a 1200×630 poster.
pub const MAX_SHOWN: usize = 30;
/// Up to this many members, each gets a large chip.
const FEW: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PosterData {
    pub date: NaiveDate,
    /// In the order they are drawn: milestones of the day first, then by name.
    pub members: Vec<PosterMember>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PosterMember {
    /// `None` for an anonymous member.
    pub name: Option<String>,
    pub days: i64,
    /// The milestone on the card's day.
    pub milestone: Option<String>,
    /// What follows the count ("alcohol-free"), `None` when the card is discreet.
    pub phrase: Option<String>,
    pub next: Option<String>,
    /// The card's day, when it is not the poster's.
    pub as_of: Option<NaiveDate>,
}

impl PosterData {
    /// The poster of members' cards as seen on `today` (days counted on to it, the milestone
    /// that falls on it), in name order, milestones first as `circle::celebration` orders them.
    pub fn from_seen(seen: &[Seen], today: NaiveDate) -> PosterData {
        let member = |s: &Seen| PosterMember {
            name: s.card.name.as_deref().map(clean_note),
            days: s.days.into(),
            milestone: s.milestone.as_deref().map(clean_note),
            phrase: s.card.tracker.as_deref().map(|t| {
                clean_note(
                    &s.card
                        .phrase
                        .clone()
                        .unwrap_or_else(|| words::card_phrase(t)),
                )
            }),
            next: s.next.as_ref().map(|n| clean_note(&n.label)),
            as_of: s.shared,
        };
        let members = seen
            .iter()
            .filter(|s| s.milestone.is_some())
            .chain(seen.iter().filter(|s| s.milestone.is_none()))
            .map(member)
            .collect();
        PosterData {
            date: today,
            members,
        }
    }
}

/// The poster as SVG.
pub fn poster(data: &PosterData) -> Svg {
    let title = format!("{}, {}", words::POSTER_TITLE, data.date);
    let mut w = Writer::new(WIDTH, HEIGHT, &title);
    paper(&mut w);
    let (left, right) = (56.0, WIDTH as f32 - 56.0);
    w.text(
        left,
        84.0,
        style(44.0, true, colour::INK, Anchor::Start),
        words::POSTER_TITLE,
    );
    w.text(
        right,
        84.0,
        style(30.0, false, colour::SOFT_INK, Anchor::End),
        &data.date.format("%B %-d, %Y").to_string(),
    );
    w.line(left, 106.0, right, 106.0, colour::PAPER_EDGE, 3.0);

    let shown = &data.members[..data.members.len().min(MAX_SHOWN)];
    let hidden = data.members.len() - shown.len();
    let footer = if data.members.is_empty() {
        words::POSTER_EMPTY
    } else {
        words::POSTER_THANKS
    };
    w.fitted_text(
        WIDTH as f32 / 2.0,
        HEIGHT as f32 - 40.0,
        right - left,
        style(24.0, false, colour::SOFT_INK, Anchor::Middle),
        footer,
    );
    let (top, mut bottom) = (124.0, HEIGHT as f32 - 76.0);
    if hidden > 0 {
        w.text(
            WIDTH as f32 / 2.0,
            HEIGHT as f32 - 80.0,
            style(26.0, true, colour::INK, Anchor::Middle),
            &words::and_more(hidden),
        );
        bottom -= 36.0;
    }
    if shown.is_empty() {
        return w.finish();
    }

    if shown.len() <= FEW {
        few(&mut w, shown, top, bottom);
        return w.finish();
    }
    let columns = match shown.len() {
        1..=4 => 1,
        5..=12 => 2,
        _ => 3,
    };
    let rows = shown.len().div_ceil(columns);
    let gap = 10.0;
    let cell_w = (right - left - gap * (columns as f32 - 1.0)) / columns as f32;
    let cell_h = ((bottom - top - gap * (rows as f32 - 1.0)) / rows as f32).min(104.0);
    // A short grid sits in the middle of the space, not at its top.
    let used = cell_h * rows as f32 + gap * (rows as f32 - 1.0);
    let top = top + (bottom - top - used) / 2.0;
    // Column by column, so names read down in order as in the plain text.
    for (i, member) in shown.iter().enumerate() {
        let (column, row) = (i / rows, i % rows);
        let x = left + column as f32 * (cell_w + gap);
        let y = top + row as f32 * (cell_h + gap);
        cell(&mut w, x, y, cell_w, cell_h, member);
    }
    w.finish()
}

/// A few members: a large chip each, side by side, with the name and the words below.
fn few(w: &mut Writer, members: &[PosterMember], top: f32, bottom: f32) {
    let column_width = (WIDTH as f32 - 80.0) / members.len() as f32;
    let r = if members.len() == 3 { 120.0 } else { 135.0 };
    let cy = top + (bottom - top - 110.0) / 2.0 + 6.0;
    for (i, member) in members.iter().enumerate() {
        let cx = 40.0 + column_width * (i as f32 + 0.5);
        let count = (member.days > 0).then_some(member.days);
        medallion(w, cx, cy, r, count, member.milestone.as_deref());
        let text_width = column_width - 40.0;
        let name = member.name.as_deref().unwrap_or(words::A_FRIEND);
        w.fitted_text(
            cx,
            cy + r + 52.0,
            text_width,
            style(34.0, true, colour::INK, Anchor::Middle),
            name,
        );
        let celebrating = member.milestone.is_some();
        let detail_colour = if celebrating {
            colour::TERRACOTTA
        } else {
            colour::SOFT_INK
        };
        w.fitted_text(
            cx,
            cy + r + 88.0,
            text_width,
            style(24.0, celebrating, detail_colour, Anchor::Middle),
            &detail(member, true),
        );
    }
}

/// One member: a small chip with the count, the name, and what the plain style says of them.
fn cell(w: &mut Writer, x: f32, y: f32, width: f32, height: f32, member: &PosterMember) {
    let celebrating = member.milestone.is_some();
    let background = if celebrating {
        colour::CELL_MILESTONE
    } else {
        colour::CELL
    };
    w.rect(
        x,
        y,
        width,
        height,
        height.min(24.0) * 0.5,
        background,
        Some((colour::PAPER_EDGE, 1.5)),
    );
    let compact = height < 64.0;
    let cx = x + height * 0.5;
    let cy = y + height * 0.5;
    // A tall cell's chip carries the count; a compact one's is only a chip, the count in words.
    let r = height * if compact { 0.3 } else { 0.4 };
    let rim = if celebrating {
        colour::TERRACOTTA
    } else {
        colour::BRONZE
    };
    w.circle(cx, cy, r, rim, None);
    w.circle(cx, cy, r * 0.78, colour::GOLD, None);
    if !compact {
        let number = if member.days == 0 {
            words::MEDALLION_DAY_ONE.to_string()
        } else {
            member.days.to_string()
        };
        let size = (r * 0.8).min(r * 0.8 * r * 1.3 / font::width(&number, r * 0.8, true).max(1.0));
        w.text(
            cx,
            cy + size * 0.36,
            style(size, true, colour::CHIP_INK, Anchor::Middle),
            &number,
        );
    }

    let name = member.name.as_deref().unwrap_or(words::A_FRIEND);
    let text_x = x + if compact { height * 0.95 } else { height + 4.0 };
    let text_width = width - (text_x - x) - 12.0;
    let detail = detail(member, !compact);
    if !compact {
        let name_size = (height * 0.3).min(30.0);
        w.fitted_text(
            text_x,
            cy - height * 0.05,
            text_width,
            style(name_size, true, colour::INK, Anchor::Start),
            name,
        );
        let detail_colour = if celebrating {
            colour::TERRACOTTA
        } else {
            colour::SOFT_INK
        };
        w.fitted_text(
            text_x,
            cy + height * 0.28,
            text_width,
            style(
                (height * 0.22).min(24.0),
                celebrating,
                detail_colour,
                Anchor::Start,
            ),
            &detail,
        );
    } else {
        // One line: the name, then as much of the rest as fits.
        let name_size = (height * 0.42).clamp(font::MIN_SIZE, 24.0);
        let name_style = style(name_size, true, colour::INK, Anchor::Start);
        let (name, _) = font::fit_or_cut(name, text_width * 0.6, name_size, true);
        let baseline = cy + name_size * 0.36;
        w.text(text_x, baseline, name_style, &name);
        let used = font::width(&name, name_size, true) + 10.0;
        if text_width - used > 40.0 {
            let detail_colour = if celebrating {
                colour::TERRACOTTA
            } else {
                colour::SOFT_INK
            };
            let size = (name_size * 0.85).max(font::MIN_SIZE);
            let (detail, size) = font::fit_or_cut(&detail, text_width - used, size, celebrating);
            w.text(
                text_x + used,
                baseline,
                style(size, celebrating, detail_colour, Anchor::Start),
                &detail,
            );
        }
    }
    if celebrating && !compact {
        // A little ribbon on the chip marks the day's milestone without an emoji.
        medallion_ribbon(w, cx, cy, r);
    }
}

fn medallion_ribbon(w: &mut Writer, cx: f32, cy: f32, r: f32) {
    let (top, half) = (cy + r * 0.62, r * 0.55);
    w.polygon(
        &[
            (cx - half, top),
            (cx + half, top),
            (cx + half * 0.8, top + r * 0.28),
            (cx - half * 0.8, top + r * 0.28),
        ],
        colour::TERRACOTTA,
    );
}

/// "1 year alcohol-free today!", "day one", "40 days strong, next up: 60 days (as of ...)".
fn detail(member: &PosterMember, with_next: bool) -> String {
    let what = words::free(member.phrase.as_deref());
    let mut text = match (&member.milestone, member.days) {
        (Some(label), _) => words::member_milestone(label, &what),
        (None, 0) => match &member.phrase {
            Some(_) => format!("{}, {what}", words::POSTER_DAY_ONE),
            None => words::POSTER_DAY_ONE.to_string(),
        },
        (None, days) => {
            words::member_days(days, &what, member.next.as_deref().filter(|_| with_next))
        }
    };
    if let Some(date) = member.as_of {
        text = words::as_of(&text, date);
    }
    text
}
