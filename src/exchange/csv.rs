//! milestone's CSV export, for spreadsheets: one row per tracker (kind `start`, dated its
//! `since`) then one per entry; tags and an urge's triggers joined with `;`. Import reads it
//! back, also from exports made before the `intensity` and `triggers` columns existed.
//! Characters a terminal would act on are written as `\u{1b}` escapes (a CSV is often just
//! `cat`), and stay so when read back.

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Batch;
use crate::journal::{Entry, EntryKind, Journal, Tracker};
use crate::output::field_safe;

/// The row kind that carries a tracker rather than an entry.
const START: &str = "start";

#[derive(Serialize, Deserialize)]
struct Row {
    kind: String,
    date: NaiveDate,
    tracker: String,
    id: Option<String>,
    text: Option<String>,
    mood: Option<u8>,
    tags: String,
    private: Option<bool>,
    cost_per_day: Option<f64>,
    #[serde(default)]
    intensity: Option<u8>,
    #[serde(default)]
    triggers: String,
}

pub fn export(journal: &Journal) -> Result<String> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    for t in &journal.trackers {
        writer.serialize(Row {
            kind: START.into(),
            date: t.since,
            tracker: t.name.clone(),
            id: None,
            text: None,
            mood: None,
            tags: String::new(),
            private: None,
            cost_per_day: t.cost_per_day,
            intensity: None,
            triggers: String::new(),
        })?;
    }
    for e in &journal.entries {
        writer.serialize(Row {
            kind: e.kind.as_str().into(),
            date: e.date,
            tracker: e.tracker.to_string(),
            id: e.id.as_deref().map(|id| field_safe(id).into_owned()),
            text: e.text.as_deref().map(|t| field_safe(t).into_owned()),
            mood: e.mood,
            tags: field_safe(&e.tags.join(";")).into_owned(),
            private: Some(e.private),
            cost_per_day: None,
            intensity: e.intensity,
            triggers: field_safe(&e.triggers.join(";")).into_owned(),
        })?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// `a;b` as a list, leaving out empty items.
fn split_list(joined: &str) -> Vec<String> {
    joined
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn import(text: &str) -> Result<Batch> {
    let mut batch = Batch::default();
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    for (i, row) in reader.deserialize::<Row>().enumerate() {
        let line = i + 2;
        let row = row
            .with_context(|| format!("line {line} of the CSV does not read as a milestone row"))?;
        if row.kind == START {
            batch.trackers.push(Tracker {
                cost_per_day: row.cost_per_day,
                ..Tracker::new(row.tracker, row.date)
            });
            continue;
        }
        let Some(kind) = EntryKind::from_name(&row.kind) else {
            bail!("line {line} of the CSV has an unknown kind {:?}", row.kind);
        };
        if let Some(mood) = row.mood {
            crate::journal::check_mood(mood.into())
                .map_err(|why| anyhow::anyhow!("line {line} of the CSV: {why}"))?;
        }
        batch.entries.push(Entry {
            id: row.id.filter(|id| !id.is_empty()).map(Into::into),
            date: row.date,
            tracker: row.tracker.into(),
            kind,
            text: row.text.filter(|t| !t.is_empty()),
            mood: row.mood,
            tags: split_list(&row.tags).into_iter().map(Into::into).collect(),
            private: row.private.unwrap_or(false),
            intensity: row.intensity,
            triggers: split_list(&row.triggers),
        });
    }
    Ok(batch)
}
