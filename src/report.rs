//! The milestone report: everything `milestone report` tells about one tracker, computed from
//! the journal as of one date. Pure data; `output::report_*` turn it into text.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::journal::{Entry, EntryKind, Tracker};
use crate::milestones::{Ladder, Milestone};
use crate::streak::{self, Standing};

/// How many upcoming milestones the report lists.
pub const UPCOMING: usize = 3;
/// How many weeks the check-in calendar covers.
pub const CALENDAR_WEEKS: u64 = 12;

pub struct Report<'j> {
    pub standing: Standing,
    pub cost_per_day: Option<f64>,
    /// Every milestone of the current streak on or before `on`, oldest first.
    pub reached: Vec<Milestone>,
    pub upcoming: Vec<Milestone>,
    /// Newest first.
    pub wins: Vec<&'j Entry>,
    /// Newest first.
    pub resets: Vec<&'j Entry>,
    pub calendar: Calendar,
    pub moods: Vec<MonthMood>,
    pub urges: crate::urges::UrgeSummary,
}

/// The current streak as years, months and days ("1 year, 2 months, 3 days").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub years: u32,
    pub months: u32,
    pub days: i64,
}

/// Check-ins per day over whole weeks (Monday to Sunday) ending with the week of `on`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The Monday the grid starts on.
    pub first: NaiveDate,
    pub on: NaiveDate,
    pub since: NaiveDate,
    /// Check-ins per day, `CALENDAR_WEEKS * 7` of them, from `first`.
    pub counts: Vec<u32>,
}

/// The average mood of one calendar month.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthMood {
    pub year: i32,
    pub month: u32,
    pub average: f64,
    pub entries: usize,
}

impl Report<'_> {
    /// Money not spent over the days that count, when the tracker has a cost per day.
    pub fn money_not_spent(&self) -> Option<f64> {
        money_not_spent(self.cost_per_day, &self.standing)
    }

    pub fn span(&self) -> Span {
        span_between(self.standing.start, self.standing.on)
    }
}

/// Money not spent over the days that count (`total_days`), at `cost_per_day`.
pub fn money_not_spent(cost_per_day: Option<f64>, standing: &Standing) -> Option<f64> {
    cost_per_day.map(|c| c * standing.total_days as f64)
}

/// The report for `tracker` on `on`; `None` when it had not started by then.
pub fn report<'j>(
    tracker: &Tracker,
    entries: &[&'j Entry],
    on: NaiveDate,
    ladder: &Ladder,
) -> Option<Report<'j>> {
    let standing = streak::standing(tracker, entries.iter().copied(), on, ladder)?;
    let reached: Vec<Milestone> = ladder
        .milestones(standing.start)
        .take_while(|m| m.date <= on)
        .collect();
    let upcoming = ladder.upcoming(standing.start, on, UPCOMING);
    let newest_first = |kind: EntryKind| {
        let mut list: Vec<&Entry> = entries
            .iter()
            .copied()
            .filter(|e| e.kind == kind && e.date <= on)
            .collect();
        list.sort_by_key(|e| std::cmp::Reverse(e.date));
        list
    };
    Some(Report {
        cost_per_day: tracker.cost_per_day,
        reached,
        upcoming,
        wins: newest_first(EntryKind::Win),
        resets: newest_first(EntryKind::Reset),
        calendar: calendar(entries, on, tracker.since),
        moods: moods(entries, on),
        urges: crate::urges::summary(entries.iter().copied(), on),
        standing,
    })
}

fn span_between(start: NaiveDate, on: NaiveDate) -> Span {
    // The most whole months that fit, counted from `start` each time so month ends clamp
    // the way milestones do.
    let mut months = 0u32;
    while start
        .checked_add_months(Months::new(months + 1))
        .is_some_and(|d| d <= on)
    {
        months += 1;
    }
    let after_months = start
        .checked_add_months(Months::new(months))
        .unwrap_or(start);
    Span {
        years: months / 12,
        months: months % 12,
        days: (on - after_months).num_days(),
    }
}

fn calendar(entries: &[&Entry], on: NaiveDate, since: NaiveDate) -> Calendar {
    let days_into_week = u64::from(on.weekday().num_days_from_monday());
    let first = on
        .checked_sub_days(Days::new(days_into_week + (CALENDAR_WEEKS - 1) * 7))
        .unwrap_or(on);
    let mut counts = vec![0u32; (CALENDAR_WEEKS * 7) as usize];
    for entry in entries {
        if entry.kind == EntryKind::Checkin && entry.date >= first && entry.date <= on {
            counts[(entry.date - first).num_days() as usize] += 1;
        }
    }
    Calendar {
        first,
        on,
        since,
        counts,
    }
}

fn moods(entries: &[&Entry], on: NaiveDate) -> Vec<MonthMood> {
    let mut months: BTreeMap<(i32, u32), (u32, usize)> = BTreeMap::new();
    for entry in entries.iter().filter(|e| e.date <= on) {
        if let Some(mood) = entry.mood {
            let slot = months
                .entry((entry.date.year(), entry.date.month()))
                .or_default();
            slot.0 += u32::from(mood);
            slot.1 += 1;
        }
    }
    months
        .into_iter()
        .map(|((year, month), (sum, entries))| MonthMood {
            year,
            month,
            average: f64::from(sum) / entries as f64,
            entries,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn spans_count_whole_months_then_days() {
        let span = |a, b| {
            let s = span_between(a, b);
            (s.years, s.months, s.days)
        };
        assert_eq!(span(date(2026, 3, 14), date(2026, 11, 25)), (0, 8, 11));
        assert_eq!(span(date(2025, 8, 31), date(2026, 2, 28)), (0, 6, 0));
        assert_eq!(span(date(2024, 2, 29), date(2025, 2, 28)), (1, 0, 0));
        assert_eq!(span(date(2026, 1, 1), date(2026, 1, 1)), (0, 0, 0));
        assert_eq!(span(date(2020, 1, 1), date(2026, 1, 31)), (6, 0, 30));
    }

    #[test]
    fn the_calendar_ends_with_the_week_of_on() {
        let on = date(2026, 11, 25); // a Wednesday
        let checkin = Entry {
            id: None,
            date: on,
            tracker: "a".into(),
            kind: EntryKind::Checkin,
            text: None,
            mood: Some(4),
            tags: vec![],
            private: false,
            intensity: None,
            triggers: vec![],
        };
        let early = Entry {
            date: date(2026, 9, 7),
            mood: Some(2),
            ..checkin.clone()
        };
        let c = calendar(&[&checkin, &early, &checkin], on, date(2026, 1, 1));
        assert_eq!(c.first, date(2026, 9, 7));
        assert_eq!(c.counts.len(), 84);
        assert_eq!(c.counts[0], 1);
        assert_eq!(c.counts[(on - c.first).num_days() as usize], 2);
        assert_eq!(c.counts.iter().sum::<u32>(), 3);
        let m = moods(&[&checkin, &early, &checkin], on);
        assert_eq!(
            m,
            vec![
                MonthMood {
                    year: 2026,
                    month: 9,
                    average: 2.0,
                    entries: 1
                },
                MonthMood {
                    year: 2026,
                    month: 11,
                    average: 4.0,
                    entries: 2
                },
            ]
        );
    }
}
