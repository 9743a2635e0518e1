//! The share card: `share --style json`, and what `milestone circle` reads from each member.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ShareOptions;
use crate::streak::Standing;

/// One member's news, as the contract defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// `None` when the member shares anonymously.
    pub name: Option<String>,
    /// `None` when the member is discreet about what they track.
    pub tracker: Option<String>,
    pub date: NaiveDate,
    pub days: u32,
    /// The label of the milestone that falls on `date`, if one does.
    pub milestone: Option<String>,
    pub next_milestone: Option<NextMilestone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextMilestone {
    pub label: String,
    pub date: NaiveDate,
    pub days_left: u32,
}

impl Card {
    pub fn new(s: &Standing, options: &ShareOptions) -> Card {
        Card {
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

/// Always an array, for a group's cards.
pub fn to_json_array(cards: &[Card]) -> anyhow::Result<String> {
    let mut text = crate::output::json::to_string_pretty(cards)?;
    text.push('\n');
    Ok(text)
}
