//! The share card: `share --style json`, and what `milestone circle` and `group show` read from
//! each member. Version 2 adds the streak's `start`, its `phrase` and every `upcoming` milestone
//! of the coming year, so a reader can count on from any later day; version-1 cards (none of
//! those fields) are still read.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ShareOptions;
use crate::milestones::Ladder;
use crate::streak::Standing;

/// The version this program writes.
pub const VERSION: u32 = 2;
/// How far ahead `upcoming` reaches: every milestone in the 366 days after the card's date.
pub const UPCOMING_DAYS: u64 = 366;

/// One member's news, as the contract defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// 1 for cards without a `version` field.
    #[serde(default = "version_one")]
    pub version: u32,
    /// `None` when the member shares anonymously.
    pub name: Option<String>,
    /// `None` when the member is discreet about what they track.
    pub tracker: Option<String>,
    pub date: NaiveDate,
    pub days: u32,
    /// The label of the milestone that falls on `date`, if one does.
    pub milestone: Option<String>,
    pub next_milestone: Option<NextMilestone>,
    /// The day the current streak started (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The words after the count, such as "alcohol-free"; `None` when discreet.
    #[serde(default)]
    pub phrase: Option<String>,
    /// Every milestone in the 366 days after `date`, oldest first (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upcoming: Option<Vec<Upcoming>>,
}

fn version_one() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextMilestone {
    pub label: String,
    pub date: NaiveDate,
    pub days_left: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upcoming {
    pub label: String,
    pub date: NaiveDate,
}

impl Card {
    /// The card of one tracker's standing. `phrase` is the tracker's own wording
    /// (`Tracker::phrase()`), left out when the options are discreet.
    pub fn new(s: &Standing, phrase: &str, ladder: &Ladder, options: &ShareOptions) -> Card {
        let until =
            s.on.checked_add_days(Days::new(UPCOMING_DAYS))
                .unwrap_or(NaiveDate::MAX);
        let upcoming = ladder
            .milestones(s.start)
            .skip_while(|m| m.date <= s.on)
            .take_while(|m| m.date <= until)
            .map(|m| Upcoming {
                label: m.label,
                date: m.date,
            })
            .collect();
        Card {
            version: VERSION,
            name: options.name.clone(),
            tracker: (!options.discreet).then(|| s.tracker.clone()),
            date: s.on,
            days: u32::try_from(s.days).unwrap_or(u32::MAX),
            milestone: s.milestone_today().map(|m| m.label.clone()),
            next_milestone: s.next_milestone.as_ref().map(|m| NextMilestone {
                label: m.label.clone(),
                date: m.date,
                days_left: u32::try_from((m.date - s.on).num_days()).unwrap_or(u32::MAX),
            }),
            start: Some(s.start),
            phrase: (!options.discreet).then(|| phrase.to_owned()),
            upcoming: Some(upcoming),
        }
    }

    /// The day the streak started: `start`, or for a version-1 card, `days` before `date`.
    pub fn streak_start(&self) -> NaiveDate {
        self.start.unwrap_or_else(|| {
            self.date
                .checked_sub_days(Days::new(self.days.into()))
                .unwrap_or(NaiveDate::MIN)
        })
    }

    /// The milestones the card knows of after its date: `upcoming`, or for a version-1 card,
    /// its `next_milestone` alone.
    pub fn known_upcoming(&self) -> Vec<Upcoming> {
        match &self.upcoming {
            Some(list) => list.clone(),
            None => self
                .next_milestone
                .iter()
                .map(|n| Upcoming {
                    label: n.label.clone(),
                    date: n.date,
                })
                .collect(),
        }
    }
}

/// One card as an object, several as an array; pretty, ending with a newline.
pub fn to_json(cards: &[Card]) -> anyhow::Result<String> {
    let mut text = match cards {
        [one] => crate::output::json::to_string_pretty(one)?,
        many => crate::output::json::to_string_pretty(many)?,
    };
    text.push('\n');
    Ok(text)
}

/// Always an array, for a group's cards (which came from others: made terminal-safe).
pub fn to_json_array(cards: &[Card]) -> anyhow::Result<String> {
    let mut text = crate::output::json::to_string_pretty(cards)?;
    text.push('\n');
    Ok(text)
}
