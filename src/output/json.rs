//! JSON output, with the contract's stable field names.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::journal::Entry;
use crate::milestones::Milestone;
use crate::streak::Standing;

#[derive(Serialize)]
struct EntryJson<'a> {
    id: Option<&'a str>,
    date: String,
    tracker: &'a str,
    kind: &'static str,
    text: Option<&'a str>,
    mood: Option<u8>,
    tags: &'a [String],
    private: bool,
}

impl<'a> From<&'a Entry> for EntryJson<'a> {
    fn from(entry: &'a Entry) -> Self {
        EntryJson {
            id: entry.id.as_deref(),
            date: entry.date.to_string(),
            tracker: &entry.tracker,
            kind: entry.kind.as_str(),
            text: entry.text.as_deref(),
            mood: entry.mood,
            tags: &entry.tags,
            private: entry.private,
        }
    }
}

#[derive(Serialize)]
struct MilestoneJson<'a> {
    label: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    days_left: Option<i64>,
}

#[derive(Serialize)]
struct StandingJson<'a> {
    tracker: &'a str,
    start: String,
    on: String,
    days: i64,
    longest_days: i64,
    total_days: i64,
    resets: usize,
    checkin_streak: i64,
    last_milestone: Option<MilestoneJson<'a>>,
    next_milestone: Option<MilestoneJson<'a>>,
}

fn milestone(m: &Milestone, days_left: Option<i64>) -> MilestoneJson<'_> {
    MilestoneJson {
        label: &m.label,
        date: m.date.to_string(),
        days_left,
    }
}

impl<'a> From<&'a Standing> for StandingJson<'a> {
    fn from(s: &'a Standing) -> Self {
        StandingJson {
            tracker: &s.tracker,
            start: s.start.to_string(),
            on: s.on.to_string(),
            days: s.days,
            longest_days: s.longest_days,
            total_days: s.total_days,
            resets: s.resets,
            checkin_streak: s.checkin_streak,
            last_milestone: s.last_milestone.as_ref().map(|m| milestone(m, None)),
            next_milestone: s
                .next_milestone
                .as_ref()
                .map(|m| milestone(m, s.days_left())),
        }
    }
}

pub fn write_entries<'a>(
    out: &mut impl Write,
    entries: impl IntoIterator<Item = &'a Entry>,
) -> Result<()> {
    let entries: Vec<EntryJson> = entries.into_iter().map(EntryJson::from).collect();
    write_pretty(out, &entries)
}

pub fn write_standings(out: &mut impl Write, standings: &[Standing]) -> Result<()> {
    let standings: Vec<StandingJson> = standings.iter().map(StandingJson::from).collect();
    write_pretty(out, &standings)
}

fn write_pretty(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    // Rendered whole first, so that a closed pipe surfaces as the plain I/O error it is.
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    out.write_all(text.as_bytes())?;
    Ok(())
}
