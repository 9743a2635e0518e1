//! Moving a journal in and out: `milestone export` to JSON, CSV, Markdown and iCalendar, and
//! `milestone import` from milestone's own JSON and CSV and from other tools (jrnl's JSON
//! export, Loop Habit Tracker's CSV). One module per format; this one plans an import.

pub mod csv;
pub mod ics;
pub mod jrnl;
pub mod json;
pub mod loop_habit;
pub mod markdown;

use std::collections::HashSet;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::journal::{
    Contact, Entry, EntryKind, Journal, Reason, Tracker, check_contact, check_intensity,
    check_reason, check_tracker_name,
};

/// What a file to import holds, before it meets the journal.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Batch {
    pub trackers: Vec<Tracker>,
    pub entries: Vec<Entry>,
    pub reasons: Vec<Reason>,
    pub contacts: Vec<Contact>,
}

/// The formats `import` reads, recognised from the file's contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    MilestoneJson,
    MilestoneCsv,
    Jrnl,
    LoopHabit,
}

impl Source {
    pub fn describe(self) -> &'static str {
        match self {
            Source::MilestoneJson => "a milestone JSON export",
            Source::MilestoneCsv => "a milestone CSV export",
            Source::Jrnl => "a jrnl JSON export",
            Source::LoopHabit => "a Loop Habit Tracker CSV export",
        }
    }
}

/// Which format `text` is in, from its first characters and header.
pub fn detect(text: &str) -> Option<Source> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(trimmed).ok()?;
        if value.get("version").is_some() && value.get("trackers").is_some() {
            return Some(Source::MilestoneJson);
        }
        if value.get("entries").is_some() {
            return Some(Source::Jrnl);
        }
        return None;
    }
    let header = trimmed.lines().next()?.to_lowercase();
    if header.starts_with("kind,date,tracker") {
        Some(Source::MilestoneCsv)
    } else if header.starts_with("date,") {
        Some(Source::LoopHabit)
    } else {
        None
    }
}

/// What an import will do to the journal.
#[derive(Debug, Default)]
pub struct Plan {
    pub new_trackers: Vec<Tracker>,
    pub new_entries: Vec<Entry>,
    pub new_reasons: Vec<Reason>,
    pub new_contacts: Vec<Contact>,
    pub duplicates: usize,
    /// Trackers the journal has with another `since` than the import's: (name, the journal's,
    /// the import's). The journal's is kept.
    pub other_since: Vec<(String, NaiveDate, NaiveDate)>,
}

/// Matches `batch` against `journal`: trackers it lacks are added, entries it already has
/// (the same id, or the same day, tracker, kind and text) are skipped, the rest get ids.
/// Reasons and contacts it already has are skipped too.
pub fn plan(
    journal: &Journal,
    batch: Batch,
    today: NaiveDate,
    mut new_id: impl FnMut(&HashSet<String>) -> Result<String>,
) -> Result<Plan> {
    let mut plan = Plan::default();
    for tracker in batch.trackers {
        if let Err(why) = check_tracker_name(&tracker.name) {
            bail!("the import has a tracker named {:?}: {why}", tracker.name);
        }
        match journal.tracker(&tracker.name) {
            Some(kept) if kept.since != tracker.since => {
                plan.other_since
                    .push((kept.name.to_string(), kept.since, tracker.since));
            }
            Some(_) => {}
            None if !plan.new_trackers.iter().any(|t| t.name == tracker.name) => {
                plan.new_trackers.push(tracker);
            }
            None => {}
        }
    }
    let mut ids: HashSet<String> = journal
        .entries
        .iter()
        .filter_map(|e| e.id.as_ref().map(|id| id.to_string()))
        .collect();
    let mut seen: HashSet<(NaiveDate, String, EntryKind, Option<String>)> =
        journal.entries.iter().map(same_as).collect();
    for mut entry in batch.entries {
        let known = journal.tracker(&entry.tracker).is_some()
            || plan.new_trackers.iter().any(|t| t.name == entry.tracker);
        if !known {
            bail!(
                "the import has an entry for {:?} on {}, and no such tracker; start it first with `milestone start {}`",
                entry.tracker,
                entry.date,
                entry.tracker
            );
        }
        if let Some(intensity) = entry.intensity {
            check_intensity(intensity.into()).map_err(|why| {
                anyhow::anyhow!("the import has an urge on {}: {why}", entry.date)
            })?;
        }
        if entry.date > today {
            bail!(
                "the import has an entry dated {}, after today; nothing was imported",
                entry.date
            );
        }
        let duplicate_id = entry
            .id
            .as_ref()
            .is_some_and(|id| ids.contains(id.as_str()));
        if duplicate_id || !seen.insert(same_as(&entry)) {
            plan.duplicates += 1;
            continue;
        }
        let id = match entry.id.take() {
            Some(id) => id,
            None => new_id(&ids)?.into(),
        };
        ids.insert(id.to_string());
        entry.id = Some(id);
        plan.new_entries.push(entry);
    }
    for reason in batch.reasons {
        let text = check_reason(&reason.text)
            .map_err(|why| anyhow::anyhow!("the import has a reason that cannot be kept: {why}"))?;
        let reason = Reason { text };
        if !journal.reasons.contains(&reason) && !plan.new_reasons.contains(&reason) {
            plan.new_reasons.push(reason);
        }
    }
    for contact in batch.contacts {
        let (name, phone) = check_contact(&contact.name, &contact.phone).map_err(|why| {
            anyhow::anyhow!("the import has a contact that cannot be kept: {why}")
        })?;
        let contact = Contact { name, phone };
        if !journal.contacts.contains(&contact) && !plan.new_contacts.contains(&contact) {
            plan.new_contacts.push(contact);
        }
    }
    Ok(plan)
}

fn same_as(entry: &Entry) -> (NaiveDate, String, EntryKind, Option<String>) {
    (
        entry.date,
        entry.tracker.to_string(),
        entry.kind,
        entry.text.clone(),
    )
}

/// A tracker for history brought from another app: it starts on the first day imported.
pub fn tracker_from_history(name: &str, entries: &[Entry]) -> Option<Tracker> {
    let since = entries
        .iter()
        .filter(|e| e.tracker == name)
        .map(|e| e.date)
        .min()?;
    Some(Tracker::new(name, since))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn checkin(day: u32, text: Option<&str>, id: Option<&str>) -> Entry {
        Entry {
            id: id.map(Into::into),
            date: date(2026, 11, day),
            tracker: "alcohol".into(),
            kind: EntryKind::Checkin,
            text: text.map(str::to_owned),
            mood: None,
            tags: vec![],
            private: false,
            intensity: None,
            triggers: vec![],
        }
    }

    #[test]
    fn duplicates_are_skipped_by_id_or_by_content() {
        let journal = Journal {
            trackers: vec![Tracker {
                name: "alcohol".into(),
                since: date(2026, 1, 1),
                cost_per_day: None,
                private: false,
                phrase: None,
            }],
            entries: vec![checkin(1, Some("a"), Some("id1"))],
            ..Journal::default()
        };
        let batch = Batch {
            trackers: vec![],
            reasons: vec![],
            contacts: vec![],
            entries: vec![
                checkin(1, Some("a"), None),             // same content
                checkin(2, Some("edited"), Some("id1")), // same id
                checkin(3, None, None),
                checkin(3, None, None), // repeated in the batch
                checkin(4, Some("new"), Some("keep")),
            ],
        };
        let mut n = 0;
        let plan = plan(&journal, batch, date(2026, 11, 25), |_| {
            n += 1;
            Ok(format!("gen{n}"))
        })
        .unwrap();
        assert_eq!(plan.duplicates, 3);
        let ids: Vec<_> = plan
            .new_entries
            .iter()
            .map(|e| e.id.clone().unwrap())
            .collect();
        assert_eq!(ids, ["gen1", "keep"]);
    }

    #[test]
    fn formats_are_recognised() {
        assert_eq!(
            detect("{\"version\": 1, \"trackers\": [], \"entries\": []}"),
            Some(Source::MilestoneJson)
        );
        assert_eq!(
            detect("{\"tags\": {}, \"entries\": []}"),
            Some(Source::Jrnl)
        );
        assert_eq!(detect("kind,date,tracker,id\n"), Some(Source::MilestoneCsv));
        assert_eq!(
            detect("Date,Meditate,Run\n2026-01-01,2,0\n"),
            Some(Source::LoopHabit)
        );
        assert_eq!(detect("hello"), None);
    }
}
