//! `milestone circle`: one celebration for a group, from its members' share cards.
//!
//! Everyone is named (or "a friend", when anonymous); milestones come first; everyone else
//! follows in order of name, never of days: a circle celebrates, it does not rank.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::card::Card;
use super::{Line, Message, Part};
use crate::output::plural;

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

fn streak_start(card: &Card) -> String {
    card.date
        .checked_sub_days(Days::new(card.days.into()))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// Named members in alphabetical order, then anonymous ones.
fn by_name(card: &Card) -> (bool, String, Option<String>) {
    (
        card.name.is_none(),
        card.name.clone().unwrap_or_default().to_lowercase(),
        card.tracker.clone(),
    )
}

fn who(card: &Card) -> String {
    card.name.clone().unwrap_or_else(|| "a friend".to_string())
}

/// "alcohol-free" or, for a discreet card, "strong".
fn what(card: &Card) -> Vec<Part> {
    match &card.tracker {
        Some(tracker) => vec![Part::User(tracker.clone()), Part::Text("-free".into())],
        None => vec![Part::Text("strong".into())],
    }
}

fn member(card: &Card) -> Vec<Part> {
    match &card.name {
        Some(name) => vec![Part::User(name.clone())],
        None => vec![Part::Text("A friend".into())],
    }
}

/// The group's celebration on `today`.
pub fn celebration(cards: &[Card], today: NaiveDate) -> Message {
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
    for card in cards.iter().filter(|c| c.milestone.is_some()) {
        let label = card.milestone.clone().unwrap_or_default();
        let mut parts = member(card);
        parts.push(Part::Text(": ".into()));
        parts.push(Part::StrongUser(label));
        parts.push(Part::Text(" ".into()));
        parts.extend(what(card));
        parts.push(Part::Text(when(card.date, today, "today!", "on")));
        lines.push(Line {
            emoji: "🎉", parts
        });
    }
    for card in cards.iter().filter(|c| c.milestone.is_none()) {
        let mut parts = member(card);
        if card.days == 0 {
            parts.push(Part::Text(": day one".into()));
            if card.tracker.is_some() {
                parts.push(Part::Text(", ".into()));
                parts.extend(what(card));
            }
            parts.push(Part::Text(when(card.date, today, ".", "on")));
            lines.push(Line {
                emoji: "💛", parts
            });
            continue;
        }
        parts.push(Part::Text(": ".into()));
        parts.push(Part::Strong(plural(card.days.into(), "day")));
        parts.push(Part::Text(" ".into()));
        parts.extend(what(card));
        if let Some(next) = &card.next_milestone {
            parts.push(Part::Text(", next up: ".into()));
            parts.push(Part::User(next.label.clone()));
        }
        parts.push(Part::Text(when(card.date, today, ".", "as of")));
        lines.push(Line {
            emoji: "🌱", parts
        });
    }
    if !cards.is_empty() {
        lines.push(Line {
            emoji: "💛",
            parts: vec![Part::Text(
                "Every day counts. Thank you for being here.".into(),
            )],
        });
    }
    Message { lines }
}

/// The circle on one line, for `--style sms`: everyone named, milestones first. Each level up
/// says less about each member (level 1: no tracker, level 2: names only) so all fit.
pub fn compact(cards: &[Card], today: NaiveDate, level: u8, emoji: bool) -> Message {
    let party = if emoji { " 🎉" } else { "" };
    let hands = if emoji { "🤝 " } else { "" };
    let mut parts = vec![Part::Text(format!(
        "{hands}Circle {}:",
        today.format("%b %-d")
    ))];
    let ordered = cards
        .iter()
        .filter(|c| c.milestone.is_some())
        .chain(cards.iter().filter(|c| c.milestone.is_none()));
    for (i, card) in ordered.enumerate() {
        parts.push(Part::Text(if i == 0 { " ".into() } else { " · ".into() }));
        parts.extend(member(card));
        if level >= 2 {
            if let Some(label) = &card.milestone {
                parts.push(Part::Text(format!("{party} ")));
                parts.push(Part::User(label.clone()));
            }
            continue;
        }
        match &card.milestone {
            Some(label) => {
                parts.push(Part::Text(format!("{party} ")));
                parts.push(Part::User(label.clone()));
            }
            None if card.days == 0 => parts.push(Part::Text(" day one".into())),
            None => parts.push(Part::Text(format!(" {}d", card.days))),
        }
        if level == 0
            && let Some(tracker) = &card.tracker
        {
            parts.push(Part::Text(" (".into()));
            parts.push(Part::User(tracker.clone()));
            parts.push(Part::Text(")".into()));
        }
    }
    Message {
        lines: vec![Line { emoji: "", parts }],
    }
}

fn when(date: NaiveDate, today: NaiveDate, on_today: &str, other: &str) -> String {
    if date == today {
        if on_today == "." {
            ".".into()
        } else {
            format!(" {on_today}")
        }
    } else {
        format!(" ({other} {date}).")
    }
}

/// The anniversaries coming up within `days` of `today`, soonest first (a date order, for
/// whoever brings the chips; not a ranking of people).
pub fn upcoming(cards: &[Card], today: NaiveDate, days: u64) -> Message {
    let until = today
        .checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX);
    let mut coming: Vec<&Card> = cards
        .iter()
        .filter(|c| {
            c.next_milestone
                .as_ref()
                .is_some_and(|n| n.date >= today && n.date <= until)
        })
        .collect();
    coming.sort_by_key(|c| c.next_milestone.as_ref().map(|n| n.date));
    let mut lines = vec![Line {
        emoji: "📅",
        parts: vec![Part::Text(match days {
            0 => "Coming up today".to_string(),
            1 => "Coming up by tomorrow".to_string(),
            n => format!("Coming up in the next {n} days"),
        })],
    }];
    if coming.is_empty() {
        lines.push(Line {
            emoji: "",
            parts: vec![Part::Text("No anniversaries in that time.".into())],
        });
    }
    for card in coming {
        let Some(next) = &card.next_milestone else {
            continue;
        };
        let mut parts = vec![Part::Text(format!("- {} ", next.date))];
        parts.extend(member(card));
        parts.push(Part::Text(": ".into()));
        parts.push(Part::StrongUser(next.label.clone()));
        if let Some(tracker) = &card.tracker {
            parts.push(Part::Text(" (".into()));
            parts.push(Part::User(tracker.clone()));
            parts.push(Part::Text(")".into()));
        }
        lines.push(Line { emoji: "", parts });
    }
    Message { lines }
}

/// Parses `--upcoming`: a span such as `30d` or `2w` (or a plain number of days), as the
/// number of days it covers from `on`.
pub fn parse_window(input: &str, on: NaiveDate) -> Result<u64, String> {
    let input = input.trim();
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
