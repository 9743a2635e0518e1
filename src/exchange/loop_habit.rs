//! Loop Habit Tracker's CSV export (`Checkmarks.csv`: a `Date` column, then one column per
//! habit). A day marked done (2, or 1 when Loop filled it in) becomes a check-in; every other
//! day is simply left out, so history from Loop never turns into a fake reset.

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use super::{Batch, tracker_from_history};
use crate::journal::{Entry, EntryKind, check_tracker_name};

/// Loop's values: 2 done by hand, 1 done automatically (a habit with a weekly target);
/// 0 not done, -1 unknown, 3 skipped.
fn done(value: &str) -> bool {
    matches!(value.trim(), "2" | "1")
}

/// `tracker`: which tracker the habit's days go to, needed when the file has one habit
/// column; with several, each habit becomes the tracker of the same name.
pub fn import(text: &str, tracker: Option<&str>) -> Result<Batch> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader
        .headers()
        .context("this Loop export has no header line")?
        .clone();
    let habits: Vec<String> = header.iter().skip(1).map(|h| h.trim().to_owned()).collect();
    let names: Vec<String> = match (tracker, habits.as_slice()) {
        (Some(tracker), [_]) => vec![tracker.to_owned()],
        (Some(_), _) => bail!(
            "this Loop export has {} habits ({}); leave out --tracker and each becomes the tracker of its name",
            habits.len(),
            habits.join(", ")
        ),
        (None, _) => habits
            .iter()
            .map(|h| tracker_name(h))
            .collect::<Result<_>>()?,
    };
    let mut entries = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.with_context(|| format!("line {} of the Loop export does not read", i + 2))?;
        let Some(day) = record.get(0) else { continue };
        let date = NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
            .with_context(|| format!("line {} of the Loop export has the date {day:?}", i + 2))?;
        for (column, name) in names.iter().enumerate() {
            if record.get(column + 1).is_some_and(done) {
                entries.push(Entry {
                    tracker: name.as_str().into(),
                    ..Entry::draft(EntryKind::Checkin, date)
                });
            }
        }
    }
    // Loop lists the newest day first; a journal reads better oldest first.
    entries.sort_by_key(|e| e.date);
    let trackers = names
        .iter()
        .filter_map(|n| tracker_from_history(n, &entries))
        .collect();
    Ok(Batch {
        trackers,
        entries,
        ..Batch::default()
    })
}

/// A habit name as a tracker name: "No alcohol!" → "no-alcohol".
fn tracker_name(habit: &str) -> Result<String> {
    let mut name = String::new();
    for c in habit.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_matches('-').to_owned();
    check_tracker_name(&name).map_err(|why| {
        anyhow::anyhow!("the Loop habit {habit:?} has no usable tracker name ({why}); import it with --tracker NAME from a file with only that habit")
    })?;
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_days_become_checkins_and_nothing_else() {
        let text = "Date,No alcohol!,Walk\n2026-11-03,2,0\n2026-11-02,-1,2\n2026-11-01,1,3\n";
        let batch = import(text, None).unwrap();
        let got: Vec<(String, String)> = batch
            .entries
            .iter()
            .map(|e| (e.date.to_string(), e.tracker.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("2026-11-01".to_string(), "no-alcohol".to_string()),
                ("2026-11-02".to_string(), "walk".to_string()),
                ("2026-11-03".to_string(), "no-alcohol".to_string()),
            ]
        );
        assert!(batch.entries.iter().all(|e| e.kind == EntryKind::Checkin));
        let since: Vec<(String, String)> = batch
            .trackers
            .iter()
            .map(|t| (t.name.clone(), t.since.to_string()))
            .collect();
        assert_eq!(
            since,
            [
                ("no-alcohol".into(), "2026-11-01".into()),
                ("walk".into(), "2026-11-02".into())
            ]
        );
        assert!(import(text, Some("alcohol")).is_err());
        let one = import("Date,Meditate\n2026-11-03,2\n", Some("calm")).unwrap();
        assert_eq!(one.entries[0].tracker, "calm");
    }
}
