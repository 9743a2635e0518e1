//! Counting days: current, longest and total days, resets and the check-in streak of one
//! tracker, as of one date. Pure functions of (tracker, entries, date), as the contract defines.

use std::collections::BTreeSet;

use anyhow::{Result, bail};
use chrono::{Days, NaiveDate};

use crate::journal::{Entry, EntryKind, Tracker};
use crate::milestones::{Ladder, Milestone};

/// Where one tracker stands on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub tracker: String,
    /// What follows the count: the tracker's phrase ("alcohol-free", "safe").
    pub phrase: String,
    /// A private tracker's standing is the owner's alone: never shared.
    pub private: bool,
    /// The first day of the current streak: `since`, or the latest reset on or before `on`.
    pub start: NaiveDate,
    pub on: NaiveDate,
    pub since: NaiveDate,
    /// `on - start` in whole calendar days: 0 on the start date.
    pub days: i64,
    pub longest_days: i64,
    /// Days since `since`, less one for every distinct reset day before `on`.
    pub total_days: i64,
    /// Days from `since` to `on`, what `total_days` is "of".
    pub elapsed_days: i64,
    /// Distinct days with a reset, from `since` to `on`.
    pub resets: usize,
    pub checkin_streak: i64,
    /// The finished streaks before the current one, oldest first.
    pub past_runs: Vec<Run>,
    pub last_milestone: Option<Milestone>,
    pub next_milestone: Option<Milestone>,
}

impl Standing {
    /// Days until the next milestone, when there is one.
    pub fn days_left(&self) -> Option<i64> {
        self.next_milestone
            .as_ref()
            .map(|m| (m.date - self.on).num_days())
    }

    /// The milestone that falls exactly on `on`, if any: the day to celebrate.
    pub fn milestone_today(&self) -> Option<&Milestone> {
        self.last_milestone.as_ref().filter(|m| m.date == self.on)
    }

    /// The longest finished streak, if there was one.
    pub fn longest_past(&self) -> Option<i64> {
        self.past_runs.iter().map(|r| r.days).max()
    }

    /// The average length of the last three finished streaks (fewer when there are fewer).
    pub fn average_of_last_three(&self) -> Option<f64> {
        let last: Vec<i64> = self
            .past_runs
            .iter()
            .rev()
            .take(3)
            .map(|r| r.days)
            .collect();
        (!last.is_empty()).then(|| last.iter().sum::<i64>() as f64 / last.len() as f64)
    }

    /// True when the current streak began with a reset rather than on `since`.
    pub fn restarted(&self) -> bool {
        self.start != self.since
    }
}

/// A finished streak: from its start to the day of the reset that ended it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: i64,
}

/// The standing of `tracker` on `on`, from its entries (any order; others' entries are ignored).
/// `None` when `on` is before the tracker's `since`: it had not started yet.
pub fn standing<'a>(
    tracker: &Tracker,
    entries: impl IntoIterator<Item = &'a Entry>,
    on: NaiveDate,
    ladder: &Ladder,
) -> Option<Standing> {
    if on < tracker.since {
        return None;
    }
    let mut reset_days = BTreeSet::new();
    let mut checkin_days = BTreeSet::new();
    for entry in entries {
        if entry.tracker != tracker.name || entry.date > on {
            continue;
        }
        match entry.kind {
            // A reset dated before `since` belongs to no streak (`check` warns about it).
            EntryKind::Reset if entry.date >= tracker.since => {
                reset_days.insert(entry.date);
            }
            EntryKind::Checkin => {
                checkin_days.insert(entry.date);
            }
            _ => {}
        }
    }

    let starts: Vec<NaiveDate> = std::iter::once(tracker.since)
        .chain(reset_days.iter().copied().filter(|d| *d > tracker.since))
        .collect();
    let start = *starts.last().unwrap_or(&tracker.since);
    let past_runs: Vec<Run> = starts
        .windows(2)
        .map(|w| Run {
            start: w[0],
            end: w[1],
            days: (w[1] - w[0]).num_days(),
        })
        .collect();
    let days = (on - start).num_days();
    let longest_days = past_runs
        .iter()
        .map(|r| r.days)
        .chain([days])
        .max()
        .unwrap_or(days);
    let resets_before_on = reset_days.range(..on).count() as i64;
    let elapsed_days = (on - tracker.since).num_days();

    Some(Standing {
        tracker: tracker.name.clone(),
        phrase: tracker.phrase(),
        private: tracker.private,
        start,
        on,
        since: tracker.since,
        days,
        longest_days,
        total_days: elapsed_days - resets_before_on,
        elapsed_days,
        resets: reset_days.len(),
        checkin_streak: checkin_streak(&checkin_days, on),
        past_runs,
        last_milestone: ladder.last_reached(start, on),
        next_milestone: ladder.upcoming(start, on, 1).into_iter().next(),
    })
}

/// Consecutive days with a check-in, ending on `on`, or on the day before when `on` has none yet.
fn checkin_streak(days: &BTreeSet<NaiveDate>, on: NaiveDate) -> i64 {
    let mut day = if days.contains(&on) {
        on
    } else {
        match on.checked_sub_days(Days::new(1)) {
            Some(day) => day,
            None => return 0,
        }
    };
    let mut count = 0;
    while days.contains(&day) {
        count += 1;
        match day.checked_sub_days(Days::new(1)) {
            Some(previous) => day = previous,
            None => break,
        }
    }
    count
}

/// The standing of each tracker on `on`, leaving out those that had not started yet.
pub fn standings(
    journal: &crate::journal::Journal,
    trackers: &[&Tracker],
    on: NaiveDate,
    settings: &crate::settings::Settings,
) -> Result<Vec<Standing>> {
    let standings: Vec<Standing> = trackers
        .iter()
        .filter_map(|t| {
            let ladder = settings.ladder_for(&t.name);
            standing(t, journal.entries_for(&t.name), on, ladder)
        })
        .collect();
    if standings.is_empty() {
        match trackers {
            [one] => bail!(
                "{} starts on {}, after {on}; choose a day on or after it with --on",
                one.name,
                one.since
            ),
            _ => bail!("none of your trackers had started by {on}; choose a later day with --on"),
        }
    }
    Ok(standings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn tracker(since: NaiveDate) -> Tracker {
        Tracker {
            name: "alcohol".into(),
            since,
            cost_per_day: None,
            private: false,
            phrase: None,
        }
    }

    fn entry(date: NaiveDate, kind: EntryKind) -> Entry {
        Entry {
            id: None,
            date,
            tracker: "alcohol".into(),
            kind,
            text: None,
            mood: None,
            tags: vec![],
            private: false,
            intensity: None,
            triggers: vec![],
        }
    }

    fn stand(since: NaiveDate, entries: &[Entry], on: NaiveDate) -> Standing {
        standing(&tracker(since), entries, on, &Ladder::default()).unwrap()
    }

    #[test]
    fn the_contract_example() {
        let entries: Vec<Entry> = (22..=24)
            .map(|d| entry(date(2026, 11, d), EntryKind::Checkin))
            .collect();
        let s = stand(date(2026, 3, 14), &entries, date(2026, 11, 25));
        assert_eq!(
            (s.days, s.longest_days, s.total_days, s.resets),
            (256, 256, 256, 0)
        );
        assert_eq!(s.checkin_streak, 3);
        assert_eq!(s.last_milestone.unwrap().label, "6 months");
        assert_eq!(s.next_milestone.as_ref().unwrap().date, date(2026, 12, 14));
    }

    #[test]
    fn a_reset_restarts_the_clock_and_total_days_keep_the_rest() {
        let since = date(2025, 11, 20);
        let entries = [entry(date(2026, 10, 1), EntryKind::Reset)];
        let s = stand(since, &entries, date(2026, 11, 4));
        assert_eq!(s.start, date(2026, 10, 1));
        assert_eq!(s.days, 34);
        assert_eq!(s.longest_days, 315);
        assert_eq!(s.elapsed_days, 349);
        assert_eq!(s.total_days, 348);
        assert_eq!(s.resets, 1);
    }

    #[test]
    fn a_reset_today_is_day_zero_and_not_yet_subtracted() {
        let since = date(2026, 1, 1);
        let on = date(2026, 1, 11);
        let s = stand(since, &[entry(on, EntryKind::Reset)], on);
        assert_eq!(
            (s.days, s.longest_days, s.total_days, s.resets),
            (0, 10, 10, 1)
        );
        assert_eq!(s.last_milestone, None);
        assert_eq!(s.next_milestone.unwrap().label, "1 day");
    }

    #[test]
    fn several_resets_on_one_day_count_once() {
        let since = date(2026, 1, 1);
        let slip = date(2026, 1, 5);
        let entries = [entry(slip, EntryKind::Reset), entry(slip, EntryKind::Reset)];
        let s = stand(since, &entries, date(2026, 1, 10));
        assert_eq!((s.days, s.total_days, s.resets), (5, 8, 1));
    }

    #[test]
    fn entries_after_on_are_ignored() {
        let since = date(2026, 1, 1);
        let entries = [
            entry(date(2026, 2, 1), EntryKind::Reset),
            entry(date(2026, 1, 9), EntryKind::Checkin),
            entry(date(2026, 1, 10), EntryKind::Checkin),
            entry(date(2026, 1, 11), EntryKind::Checkin),
        ];
        let s = stand(since, &entries, date(2026, 1, 10));
        assert_eq!((s.days, s.resets, s.checkin_streak), (9, 0, 2));
    }

    #[test]
    fn checkin_streak_allows_today_to_be_still_open() {
        let since = date(2026, 1, 1);
        let entries = [
            entry(date(2026, 1, 7), EntryKind::Checkin),
            entry(date(2026, 1, 8), EntryKind::Checkin),
            entry(date(2026, 1, 9), EntryKind::Win),
        ];
        assert_eq!(stand(since, &entries, date(2026, 1, 9)).checkin_streak, 2);
        assert_eq!(stand(since, &entries, date(2026, 1, 10)).checkin_streak, 0);
    }

    #[test]
    fn before_since_there_is_no_standing() {
        let t = tracker(date(2026, 1, 1));
        assert_eq!(
            standing(&t, &[], date(2025, 12, 31), &Ladder::default()),
            None
        );
        let s = stand(date(2026, 1, 1), &[], date(2026, 1, 1));
        assert_eq!((s.days, s.total_days, s.checkin_streak), (0, 0, 0));
    }

    #[test]
    fn leap_years_have_366_days() {
        let s = stand(date(2024, 1, 1), &[], date(2025, 1, 1));
        assert_eq!(s.days, 366);
        assert_eq!(s.last_milestone.unwrap().label, "1 year");
        let s = stand(date(2024, 2, 29), &[], date(2025, 2, 28));
        assert_eq!(
            (s.days, s.milestone_today().map(|m| m.label.as_str())),
            (365, Some("1 year"))
        );
    }
}
