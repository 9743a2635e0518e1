//! jrnl's JSON export (`jrnl --export json`): each entry becomes a check-in for the tracker
//! the person names, its title and body the note, its `@tags` the tags.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use serde::Deserialize;

use super::{Batch, tracker_from_history};
use crate::journal::{Entry, EntryKind};

#[derive(Deserialize)]
struct Export {
    entries: Vec<JrnlEntry>,
}

#[derive(Deserialize)]
struct JrnlEntry {
    date: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    tags: Vec<String>,
}

pub fn import(text: &str, tracker: &str) -> Result<Batch> {
    let export: Export =
        serde_json::from_str(text).context("this jrnl export does not read as JSON")?;
    let entries = export
        .entries
        .into_iter()
        .map(|e| {
            let date = NaiveDate::parse_from_str(e.date.trim(), "%Y-%m-%d").with_context(|| {
                format!("a jrnl entry has the date {:?}, not YYYY-MM-DD", e.date)
            })?;
            let note = [e.title.trim(), e.body.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Entry {
                id: None,
                date,
                tracker: tracker.into(),
                kind: EntryKind::Checkin,
                text: (!note.is_empty()).then_some(note),
                mood: None,
                tags: e
                    .tags
                    .iter()
                    .map(|t| crate::journal::Name::from(t.trim_start_matches(['@', '#'])))
                    .filter(|t| !t.is_empty())
                    .collect(),
                private: false,
                intensity: None,
                triggers: Vec::new(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Batch {
        trackers: tracker_from_history(tracker, &entries)
            .into_iter()
            .collect(),
        entries,
        ..Batch::default()
    })
}
