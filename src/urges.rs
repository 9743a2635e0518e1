//! Urges ridden out and pledges, summed up for the report: by month, by weekday, the most
//! frequent triggers, the pledge count. Pure functions of (entries, date).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::journal::{Entry, EntryKind};

/// How many triggers the report names.
pub const TOP_TRIGGERS: usize = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrgeSummary {
    /// Every urge ridden out on or before the day.
    pub ridden_out: usize,
    /// (year, month, urges), oldest first; only months with urges.
    pub by_month: Vec<(i32, u32, usize)>,
    /// Urges per weekday, Monday first.
    pub by_weekday: [usize; 7],
    /// The most frequent triggers, most first (ties alphabetically), at most `TOP_TRIGGERS`.
    pub triggers: Vec<(String, usize)>,
    /// Pledges made on or before the day.
    pub pledges: usize,
}

impl UrgeSummary {
    /// True when there is nothing to tell: no urge and no pledge.
    pub fn is_empty(&self) -> bool {
        self.ridden_out == 0 && self.pledges == 0
    }
}

/// The summary of `entries` (one tracker's) up to and including `on`.
pub fn summary<'a>(entries: impl IntoIterator<Item = &'a Entry>, on: NaiveDate) -> UrgeSummary {
    let mut summary = UrgeSummary::default();
    let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    // Triggers are counted without regard to case, and shown as first written.
    let mut triggers: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for entry in entries.into_iter().filter(|e| e.date <= on) {
        match entry.kind {
            EntryKind::Pledge => summary.pledges += 1,
            EntryKind::Urge => {
                summary.ridden_out += 1;
                *months
                    .entry((entry.date.year(), entry.date.month()))
                    .or_default() += 1;
                summary.by_weekday[entry.date.weekday().num_days_from_monday() as usize] += 1;
                for trigger in &entry.triggers {
                    let slot = triggers
                        .entry(trigger.to_lowercase())
                        .or_insert_with(|| (trigger.clone(), 0));
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    summary.by_month = months.into_iter().map(|((y, m), n)| (y, m, n)).collect();
    let mut triggers: Vec<(String, usize)> = triggers.into_values().collect();
    triggers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    triggers.truncate(TOP_TRIGGERS);
    summary.triggers = triggers;
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn urge(date: NaiveDate, triggers: &[&str]) -> Entry {
        Entry {
            triggers: triggers.iter().map(|t| t.to_string()).collect(),
            ..Entry::draft(EntryKind::Urge, date)
        }
    }

    #[test]
    fn counts_by_month_weekday_and_trigger() {
        let entries = [
            urge(day(10, 5), &["stress", "bank"]), // a Monday
            urge(day(10, 6), &["Stress"]),
            urge(day(11, 2), &["party"]), // a Monday
            Entry::draft(EntryKind::Pledge, day(11, 3)),
            Entry::draft(EntryKind::Checkin, day(11, 3)),
            urge(day(11, 30), &["stress"]), // after `on`: not counted
        ];
        let s = summary(&entries, day(11, 25));
        assert_eq!(s.ridden_out, 3);
        assert_eq!(s.by_month, vec![(2026, 10, 2), (2026, 11, 1)]);
        assert_eq!(s.by_weekday, [2, 1, 0, 0, 0, 0, 0]);
        assert_eq!(
            s.triggers,
            vec![
                ("stress".to_string(), 2),
                ("bank".to_string(), 1),
                ("party".to_string(), 1)
            ]
        );
        assert_eq!(s.pledges, 1);
        assert!(!s.is_empty());
        assert!(summary(&entries[4..5], day(11, 25)).is_empty());
    }
}
