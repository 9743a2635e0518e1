//! `milestone circle`: one celebration for a group, from its members' share cards.
//!
//! Everyone is named (or "a friend", when anonymous); milestones come first; everyone else
//! follows in order of name, never of days: a circle celebrates, it does not rank.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::card::{Card, Upcoming};
use super::{Line, Message, Part};
use crate::output::plural;
use crate::words::group as words;

/// Cards read from one input, and what was wrong with the ones that could not be used.
#[derive(Debug, Default)]
pub struct Gathered {
    pub cards: Vec<Card>,
    pub skipped: Vec<String>,
}

/// Reads the cards in `text` (one object, an array of them, or several one after another),
/// adding them to `gathered`; `source` names the input in messages.
pub fn gather(text: &str, source: &str, gathered: &mut Gathered) {
    let mut number = 0;
    for value in serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>() {
        let value = match value {
            Ok(value) => value,
            Err(err) => {
                gathered.skipped.push(format!(
                    "{source}: not JSON ({err}); the rest of it was skipped"
                ));
                return;
            }
        };
        let values = match value {
            serde_json::Value::Array(values) => values,
            other => vec![other],
        };
        for value in values {
            number += 1;
            match serde_json::from_value::<Card>(value) {
                Ok(card) => gathered.cards.push(card),
                Err(err) => gathered.skipped.push(format!(
                    "{source}: card {number} is not a share card ({err}); skipped"
                )),
            }
        }
    }
}

/// The cards worth showing: duplicates (the same card twice, or an older card of the same
/// member's same streak) dropped, keeping the newest, in order of name.
pub fn roll_call(mut cards: Vec<Card>, skipped: &mut Vec<String>) -> Vec<Card> {
    cards.sort_by_key(|c| std::cmp::Reverse(c.date));
    let mut seen_cards = HashSet::new();
    let mut seen_streaks = HashSet::new();
    let mut kept = Vec::new();
    for card in cards {
        let duplicate_card = !seen_cards.insert(serde_json::to_string(&card).unwrap_or_default());
        // A named member's streak: their tracker, or when they are discreet about it, the
        // day it began (two discreet cards of one member are two streaks, not duplicates).
        let streak = card.name.clone().map(|name| match &card.tracker {
            Some(tracker) => (name, tracker.clone()),
            None => (name, streak_start(&card)),
        });
        let duplicate_streak = streak.is_some_and(|s| !seen_streaks.insert(s));
        if duplicate_card || duplicate_streak {
            skipped.push(format!(
                "{}'s older card ({}) was skipped; showing the newest",
                who(&card),
                card.date
            ));
        } else {
            kept.push(card);
        }
    }
    kept.sort_by_key(by_name);
    kept
}

/// A member's card as seen on the viewing day: days counted on from the streak's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub card: Card,
    /// Days from the streak's start to the viewing day.
    pub days: u32,
    /// The milestone that falls on the viewing day, if one does.
    pub milestone: Option<String>,
    /// The first milestone after the viewing day the card knows of.
    pub next: Option<Upcoming>,
    /// The day the card was shared, when that is more than `STALE_DAYS` before the viewing day.
    pub shared: Option<NaiveDate>,
}

/// A card older than this many days is shown with the day it was shared.
pub const STALE_DAYS: i64 = 7;

/// Every card counted on to `today`; a card dated after `today` is skipped with a warning.
pub fn view(cards: Vec<Card>, today: NaiveDate, skipped: &mut Vec<String>) -> Vec<Seen> {
    let mut seen = Vec::with_capacity(cards.len());
    for card in cards {
        if card.date > today {
            skipped.push(words::future_card(&who(&card), card.date, today));
            continue;
        }
        let start = card.streak_start();
        let days = u32::try_from((today - start).num_days().max(0)).unwrap_or(u32::MAX);
        let upcoming = card.known_upcoming();
        let milestone = if card.date == today {
            card.milestone.clone()
        } else {
            upcoming
                .iter()
                .find(|u| u.date == today)
                .map(|u| u.label.clone())
        };
        let next = upcoming.into_iter().find(|u| u.date > today);
        let shared = ((today - card.date).num_days() > STALE_DAYS).then_some(card.date);
        seen.push(Seen {
            card,
            days,
            milestone,
            next,
            shared,
        });
    }
    seen
}

fn streak_start(card: &Card) -> String {
    card.streak_start().to_string()
}

/// Puts cards in the circle's order: by name, never by days.
pub fn in_name_order(cards: &mut [Card]) {
    cards.sort_by_key(by_name);
}

/// Named members in alphabetical order, then anonymous ones.
pub fn by_name(card: &Card) -> (bool, String, Option<String>) {
    (
        card.name.is_none(),
        card.name.clone().unwrap_or_default().to_lowercase(),
        card.tracker.clone(),
    )
}

fn who(card: &Card) -> String {
    card.name.clone().unwrap_or_else(|| "a friend".to_string())
}

/// The card's phrase ("alcohol-free", "sober"), "<tracker>-free" for a card without one, or
/// for a discreet card, "strong".
fn what(card: &Card) -> Vec<Part> {
    match (&card.tracker, &card.phrase) {
        (Some(_), Some(phrase)) => vec![Part::User(phrase.clone())],
        (Some(tracker), None) => vec![Part::User(tracker.clone()), Part::Text("-free".into())],
        (None, _) => vec![Part::Text("strong".into())],
    }
}

fn member(card: &Card) -> Vec<Part> {
    match &card.name {
        Some(name) => vec![Part::User(name.clone())],
        None => vec![Part::Text("A friend".into())],
    }
}

/// " (shared 2026-11-10)." for an old card, else ".".
fn end(seen: &Seen, celebrating: bool) -> Part {
    match (seen.shared, celebrating) {
        (Some(date), true) => Part::Text(format!(" today! {}", words::shared_on(date))),
        (Some(date), false) => Part::Text(format!(" {}", words::shared_on(date))),
        (None, true) => Part::Text(" today!".into()),
        (None, false) => Part::Text(".".into()),
    }
}

/// The line that closes a circle with anyone in it.
pub fn thanks() -> Line {
    Line {
        emoji: "💛",
        parts: vec![Part::Text(words::THANKS.into())],
    }
}

/// The group's celebration on `today`: the day's milestones first, then everyone by name.
pub fn celebration(cards: &[Seen], today: NaiveDate) -> Message {
    let mut lines = vec![Line {
        emoji: "🤝",
        parts: vec![Part::Text(format!("Our circle, {today}"))],
    }];
    if cards.is_empty() {
        lines.push(Line {
            emoji: "",
            parts: vec![Part::Text(
                "No cards yet. Share yours with `milestone share --style json`.".into(),
            )],
        });
    }
    lines.extend(member_lines(cards));
    if !cards.is_empty() {
        lines.push(thanks());
    }
    Message { lines }
}

/// One line per member: the day's milestones first, then everyone else, in the given order.
pub fn member_lines(cards: &[Seen]) -> Vec<Line> {
    let mut lines = Vec::new();
    for seen in cards.iter().filter(|c| c.milestone.is_some()) {
        let card = &seen.card;
        let label = seen.milestone.clone().unwrap_or_default();
        let mut parts = member(card);
        parts.push(Part::Text(": ".into()));
        parts.push(Part::StrongUser(label));
        parts.push(Part::Text(" ".into()));
        parts.extend(what(card));
        parts.push(end(seen, true));
        lines.push(Line {
            emoji: "🎉", parts
        });
    }
    for seen in cards.iter().filter(|c| c.milestone.is_none()) {
        let card = &seen.card;
        let mut parts = member(card);
        if seen.days == 0 {
            parts.push(Part::Text(": day one".into()));
            if card.tracker.is_some() {
                parts.push(Part::Text(", ".into()));
                parts.extend(what(card));
            }
            parts.push(end(seen, false));
            lines.push(Line {
                emoji: "💛", parts
            });
            continue;
        }
        parts.push(Part::Text(": ".into()));
        parts.push(Part::Strong(plural(seen.days.into(), "day")));
        parts.push(Part::Text(" ".into()));
        parts.extend(what(card));
        if let Some(next) = &seen.next {
            parts.push(Part::Text(", next up: ".into()));
            parts.push(Part::User(next.label.clone()));
        }
        parts.push(end(seen, false));
        lines.push(Line {
            emoji: "🌱", parts
        });
    }
    lines
}

/// The circle on one line, for `--style sms`: milestones first. Each level up says less about
/// each member (level 1: no tracker, level 2: names only); from level 3 on, each level names one
/// member fewer and says how many more there are, so nobody is ever dropped silently.
pub fn compact(cards: &[Seen], today: NaiveDate, level: usize, emoji: bool) -> Message {
    let party = if emoji { " 🎉" } else { "" };
    let hands = if emoji { "🤝 " } else { "" };
    let mut parts = vec![Part::Text(format!(
        "{hands}Circle {}:",
        today.format("%b %-d")
    ))];
    let ordered: Vec<&Seen> = cards
        .iter()
        .filter(|c| c.milestone.is_some())
        .chain(cards.iter().filter(|c| c.milestone.is_none()))
        .collect();
    let shown = ordered.len().saturating_sub(level.saturating_sub(2));
    for (i, seen) in ordered.iter().take(shown).enumerate() {
        let card = &seen.card;
        parts.push(Part::Text(if i == 0 { " ".into() } else { " · ".into() }));
        parts.extend(member(card));
        if level >= 2 {
            if let Some(label) = &seen.milestone {
                parts.push(Part::Text(format!("{party} ")));
                parts.push(Part::User(label.clone()));
            }
            continue;
        }
        match &seen.milestone {
            Some(label) => {
                parts.push(Part::Text(format!("{party} ")));
                parts.push(Part::User(label.clone()));
            }
            None if seen.days == 0 => parts.push(Part::Text(" day one".into())),
            None => parts.push(Part::Text(format!(" {}d", seen.days))),
        }
        if level == 0
            && let Some(tracker) = &card.tracker
        {
            parts.push(Part::Text(" (".into()));
            parts.push(Part::User(tracker.clone()));
            parts.push(Part::Text(")".into()));
        }
    }
    let more = ordered.len() - shown;
    if more > 0 {
        let sep = if shown == 0 { " " } else { " · " };
        parts.push(Part::Text(format!("{sep}{}", words::and_more(more))));
    }
    Message {
        lines: vec![Line { emoji: "", parts }],
    }
}

/// How many levels `compact` has for `cards`: enough for one to name nobody.
pub fn compact_levels(cards: &[Seen]) -> usize {
    cards.len() + 3
}

/// The anniversaries from `today` (included) to `days` after it, in date order (for whoever
/// brings the chips; not a ranking of people): every milestone each card lists in that time.
pub fn upcoming(cards: &[Seen], today: NaiveDate, days: u64) -> Message {
    let mut lines = vec![upcoming_heading(days)];
    let coming = upcoming_lines(cards, today, days);
    if coming.is_empty() {
        lines.push(Line {
            emoji: "",
            parts: vec![Part::Text("No anniversaries in that time.".into())],
        });
    }
    lines.extend(coming);
    Message { lines }
}

pub fn upcoming_heading(days: u64) -> Line {
    Line {
        emoji: "📅",
        parts: vec![Part::Text(match days {
            0 => "Coming up today".to_string(),
            1 => "Coming up by tomorrow".to_string(),
            n => format!("Coming up in the next {n} days"),
        })],
    }
}

/// One line per milestone in the window, by date, then by name.
pub fn upcoming_lines(cards: &[Seen], today: NaiveDate, days: u64) -> Vec<Line> {
    let until = today
        .checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX);
    let mut coming: Vec<(NaiveDate, usize, Upcoming)> = Vec::new();
    for (i, seen) in cards.iter().enumerate() {
        let mut listed = seen.card.known_upcoming();
        // A card shared today that marks today's milestone lists it as reached, not upcoming.
        if let Some(label) = &seen.card.milestone {
            listed.push(Upcoming {
                label: label.clone(),
                date: seen.card.date,
            });
        }
        listed.sort_by_key(|u| u.date);
        listed.dedup_by_key(|u| u.date);
        for u in listed {
            if u.date >= today && u.date <= until {
                coming.push((u.date, i, u));
            }
        }
    }
    coming.sort_by_key(|(date, i, _)| (*date, *i));
    coming
        .into_iter()
        .map(|(date, i, u)| {
            let card = &cards[i].card;
            let mut parts = vec![Part::Text(format!("- {date} "))];
            parts.extend(member(card));
            parts.push(Part::Text(": ".into()));
            parts.push(Part::StrongUser(u.label));
            if let Some(tracker) = &card.tracker {
                parts.push(Part::Text(" (".into()));
                parts.push(Part::User(tracker.clone()));
                parts.push(Part::Text(")".into()));
            }
            Line { emoji: "", parts }
        })
        .collect()
}

/// Parses `--upcoming`: a span such as `30d` or `2w` (or a plain number of days), as the
/// number of days it covers from `on`.
pub fn parse_window(input: &str, on: NaiveDate) -> Result<u64, String> {
    let input = input.trim();
    // A window of no days is today alone: `--upcoming 0d` lists the day's milestones.
    let number = input.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !number.is_empty()
        && number.chars().all(|c| c == '0')
        && matches!(&input[number.len()..], "" | "d" | "w" | "m" | "y")
    {
        return Ok(0);
    }
    let span = match input.parse::<u32>() {
        Ok(days) if days > 0 => Some(crate::dates::Span::Days(days)),
        _ => crate::dates::Span::parse(input),
    };
    span.and_then(|span| span.date_from(on))
        .map(|end| (end - on).num_days().unsigned_abs())
        .filter(|days| *days <= 3660)
        .ok_or_else(|| format!("--upcoming: {input:?} is not a span I understand; use days, weeks, months or years such as 30d, 2w, 6m or 1y (up to 10 years)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn windows_parse() {
        let on = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        assert_eq!(parse_window("30d", on), Ok(30));
        assert_eq!(parse_window("2w", on), Ok(14));
        assert_eq!(parse_window("7", on), Ok(7));
        assert_eq!(parse_window("0d", on), Ok(0));
        assert_eq!(parse_window("0", on), Ok(0));
        // A month from 31 Jan is 28 Feb: the span counts calendar months, as the ladder does.
        assert_eq!(parse_window("1m", on), Ok(28));
        assert!(parse_window("soon", on).is_err());
        assert!(parse_window("-3d", on).is_err());
        assert!(parse_window("99999d", on).is_err());
    }

    #[test]
    fn gather_reads_objects_arrays_and_streams_and_reports_bad_cards() {
        let card = r#"{"name": "Sam", "tracker": "alcohol", "date": "2026-11-25", "days": 256, "milestone": null, "next_milestone": null}"#;
        let mut gathered = Gathered::default();
        gather(
            &format!("{card}\n[{card}, {{\"name\": 3}}]"),
            "cards.json",
            &mut gathered,
        );
        assert_eq!(gathered.cards.len(), 2);
        assert_eq!(gathered.skipped.len(), 1);
        assert!(
            gathered.skipped[0].starts_with("cards.json: card 3 is not a share card"),
            "{:?}",
            gathered.skipped
        );
        let kept = roll_call(gathered.cards, &mut gathered.skipped);
        assert_eq!(kept.len(), 1);
        assert_eq!(
            gathered.skipped[1],
            "Sam's older card (2026-11-25) was skipped; showing the newest"
        );
        assert_eq!(kept[0].date, date(2026, 11, 25));
    }
}
