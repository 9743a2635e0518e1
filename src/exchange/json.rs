//! milestone's JSON export: the whole journal, `{"version": 1, "trackers": [...], "entries": [...]}`,
//! entries in the same shape as `list --format json`. Import reads it back.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use std::borrow::Cow;

use super::Batch;
use crate::journal::{Contact, Entry, EntryKind, FORMAT_VERSION, Journal, Reason, Tracker};
use crate::output::json::EntryJson;

#[derive(Serialize, Deserialize)]
struct Export<'a> {
    version: i64,
    trackers: Vec<TrackerRecord>,
    entries: Vec<EntryJson<'a>>,
    /// The person's reasons and people to call (an export made before they existed has none).
    #[serde(default)]
    reasons: Vec<ReasonRecord>,
    #[serde(default)]
    contacts: Vec<ContactRecord>,
}

#[derive(Serialize, Deserialize)]
struct ReasonRecord {
    text: String,
}

#[derive(Serialize, Deserialize)]
struct ContactRecord {
    name: String,
    phone: String,
}

#[derive(Serialize, Deserialize)]
struct TrackerRecord {
    name: String,
    since: NaiveDate,
    #[serde(default)]
    cost_per_day: Option<f64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    private: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phrase: Option<String>,
}

pub fn export(journal: &Journal) -> Result<String> {
    let export = Export {
        version: FORMAT_VERSION,
        trackers: journal
            .trackers
            .iter()
            .map(|t| TrackerRecord {
                name: t.name.clone(),
                since: t.since,
                cost_per_day: t.cost_per_day,
                private: t.private,
                phrase: t.phrase.clone(),
            })
            .collect(),
        entries: journal.entries.iter().map(EntryJson::from).collect(),
        reasons: journal
            .reasons
            .iter()
            .map(|r| ReasonRecord {
                text: r.text.clone(),
            })
            .collect(),
        contacts: journal
            .contacts
            .iter()
            .map(|c| ContactRecord {
                name: c.name.clone(),
                phone: c.phone.clone(),
            })
            .collect(),
    };
    let mut text = crate::output::json::to_string_pretty(&export)?;
    text.push('\n');
    Ok(text)
}

pub fn import(text: &str) -> Result<Batch> {
    let export: Export = serde_json::from_str(text)
        .context("this milestone JSON export does not read as one; was it changed by hand?")?;
    if export.version != FORMAT_VERSION {
        anyhow::bail!(
            "this export is version {}, and this milestone reads version {FORMAT_VERSION}",
            export.version
        );
    }
    let entries = export
        .entries
        .into_iter()
        .map(|e| {
            let kind = EntryKind::from_name(&e.kind)
                .with_context(|| format!("entry on {} has an unknown kind {:?}", e.date, e.kind))?;
            if let Some(mood) = e.mood {
                crate::journal::check_mood(mood.into()).map_err(anyhow::Error::msg)?;
            }
            Ok(Entry {
                id: e.id.map(|id| id.as_ref().into()),
                date: e.date,
                tracker: e.tracker.as_ref().into(),
                kind,
                text: e.text.map(Cow::into_owned),
                mood: e.mood,
                tags: e.tags.into_owned(),
                private: e.private,
                intensity: e.intensity,
                triggers: e.triggers.into_owned(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Batch {
        trackers: export
            .trackers
            .into_iter()
            .map(|t| Tracker {
                cost_per_day: t.cost_per_day,
                private: t.private,
                phrase: t.phrase,
                ..Tracker::new(t.name, t.since)
            })
            .collect(),
        entries,
        reasons: export
            .reasons
            .into_iter()
            .map(|r| Reason { text: r.text })
            .collect(),
        contacts: export
            .contacts
            .into_iter()
            .map(|c| Contact {
                name: c.name,
                phone: c.phone,
            })
            .collect(),
    })
}
