//! Property tests: `streak::standing` and the default milestone ladder against a deliberately
//! simple oracle written from the contract ("Counting days", "The milestone ladder") alone.
//!
//! The oracle shares no code with the program and does no date arithmetic with chrono: it has its
//! own calendar (`Ymd`, leap years, days in a month), walks from `since` to D one day at a time to
//! count days and runs, walks backwards for the check-in streak, and finds month and year
//! milestones with plain year/month arithmetic, clamping the day to the month's length. chrono is
//! used only to hand dates to the program and to compare its answers.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::journal::{Entry, EntryKind, Tracker};
use crate::milestones::{Ladder, Milestone};
use crate::streak::{Standing, standing};

// ---------------------------------------------------------------------------------------------
// The oracle's own calendar.

/// A calendar date; the derived order (year, then month, then day) is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Ymd {
    y: i32,
    m: u32,
    d: u32,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => panic!("no month {m}"),
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Ymd {
    assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
    Ymd { y, m, d }
}

impl Ymd {
    /// The next calendar day.
    fn succ(self) -> Ymd {
        if self.d < days_in_month(self.y, self.m) {
            Ymd {
                d: self.d + 1,
                ..self
            }
        } else if self.m < 12 {
            Ymd {
                m: self.m + 1,
                d: 1,
                ..self
            }
        } else {
            Ymd {
                y: self.y + 1,
                m: 1,
                d: 1,
            }
        }
    }

    /// The previous calendar day.
    fn pred(self) -> Ymd {
        if self.d > 1 {
            Ymd {
                d: self.d - 1,
                ..self
            }
        } else if self.m > 1 {
            Ymd {
                m: self.m - 1,
                d: days_in_month(self.y, self.m - 1),
                ..self
            }
        } else {
            Ymd {
                y: self.y - 1,
                m: 12,
                d: 31,
            }
        }
    }

    /// `n` days later (earlier when negative), one day at a time.
    fn walk(self, n: i64) -> Ymd {
        let mut day = self;
        for _ in 0..n.abs() {
            day = if n > 0 { day.succ() } else { day.pred() };
        }
        day
    }

    /// The same day of the month `n` months later, clamped to that month's last day.
    fn plus_months(self, n: u32) -> Ymd {
        let months = self.y * 12 + (self.m as i32 - 1) + n as i32;
        let y = months.div_euclid(12);
        let m = months.rem_euclid(12) as u32 + 1;
        Ymd {
            y,
            m,
            d: self.d.min(days_in_month(y, m)),
        }
    }

    fn naive(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.y, self.m, self.d).expect("a real date")
    }
}

/// Whole days from `a` to `b` (`a <= b`), counted one day at a time.
fn days_from(a: Ymd, b: Ymd) -> i64 {
    assert!(a <= b);
    let mut day = a;
    let mut n = 0;
    while day != b {
        day = day.succ();
        n += 1;
    }
    n
}

/// The dates `offsets` days from `base`, found in one walk each way.
fn dates_at(base: Ymd, offsets: &[i64]) -> Vec<Ymd> {
    let wanted: BTreeSet<i64> = offsets.iter().copied().collect();
    let mut found = BTreeMap::new();
    let (mut day, mut off) = (base, 0);
    found.insert(0, base);
    while off > *wanted.first().unwrap_or(&0) {
        day = day.pred();
        off -= 1;
        found.insert(off, day);
    }
    let (mut day, mut off) = (base, 0);
    while off < *wanted.last().unwrap_or(&0) {
        day = day.succ();
        off += 1;
        found.insert(off, day);
    }
    offsets.iter().map(|o| found[o]).collect()
}

// ---------------------------------------------------------------------------------------------
// The oracle's ladder: the contract's list, written out.

#[derive(Clone, Copy)]
enum Unit {
    Days,
    Months,
}

const LADDER: [(&str, Unit, u32); 14] = [
    ("1 day", Unit::Days, 1),
    ("3 days", Unit::Days, 3),
    ("1 week", Unit::Days, 7),
    ("2 weeks", Unit::Days, 14),
    ("30 days", Unit::Days, 30),
    ("60 days", Unit::Days, 60),
    ("90 days", Unit::Days, 90),
    ("100 days", Unit::Days, 100),
    ("6 months", Unit::Months, 6),
    ("9 months", Unit::Months, 9),
    ("1 year", Unit::Months, 12),
    ("18 months", Unit::Months, 18),
    ("2 years", Unit::Months, 24),
    ("1000 days", Unit::Days, 1000),
];

/// The milestones of a streak that started on `start`, in order, up to and including the first
/// one after `until`.
fn oracle_ladder(start: Ymd, until: Ymd) -> Vec<(String, Ymd)> {
    let mut out: Vec<(String, Ymd)> = LADDER
        .iter()
        .map(|&(label, unit, n)| {
            let date = match unit {
                Unit::Days => start.walk(n.into()),
                Unit::Months => start.plus_months(n),
            };
            (label.to_string(), date)
        })
        .collect();
    // Then every further year: 3 years, 4 years, ...
    let mut years = 3;
    while out.last().expect("non-empty").1 <= until {
        out.push((format!("{years} years"), start.plus_months(12 * years)));
        years += 1;
    }
    // The contract's order is date order for every start date; nothing shares a day.
    for pair in out.windows(2) {
        assert!(
            pair[0].1 < pair[1].1,
            "oracle ladder out of order: {pair:?}"
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The oracle's standing.

/// One journal entry as the oracle sees it.
#[derive(Debug, Clone)]
struct Happening {
    date: Ymd,
    tracker: &'static str,
    kind: EntryKind,
}

const NAME: &str = "alcohol";
const OTHER: &str = "smoking";

/// Everything `Standing` says, in plain values.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Figures {
    tracker: String,
    start: NaiveDate,
    on: NaiveDate,
    since: NaiveDate,
    days: i64,
    longest_days: i64,
    total_days: i64,
    elapsed_days: i64,
    resets: usize,
    checkin_streak: i64,
    last_milestone: Option<(String, NaiveDate)>,
    next_milestone: Option<(String, NaiveDate)>,
    days_left: Option<i64>,
    milestone_today: Option<String>,
    restarted: bool,
}

fn oracle(since: Ymd, happenings: &[Happening], on: Ymd) -> Option<Figures> {
    if on < since {
        return None;
    }
    let mine = || {
        happenings
            .iter()
            .filter(|h| h.tracker == NAME && h.date <= on)
    };
    // A reset before `since` belongs to no streak of this tracker.
    let resets: BTreeSet<Ymd> = mine()
        .filter(|h| h.kind == EntryKind::Reset && h.date >= since)
        .map(|h| h.date)
        .collect();
    let checkins: BTreeSet<Ymd> = mine()
        .filter(|h| h.kind == EntryKind::Checkin)
        .map(|h| h.date)
        .collect();

    // Walk from `since` to `on` a day at a time.
    let (mut day, mut start) = (since, since);
    let (mut run, mut longest, mut total, mut elapsed) = (0, 0, 0, 0);
    while day != on {
        // A reset day is the one day a slip costs; every other day counts towards the total.
        if !resets.contains(&day) {
            total += 1;
        }
        elapsed += 1;
        day = day.succ();
        run += 1;
        if resets.contains(&day) {
            longest = longest.max(run);
            run = 0;
            start = day;
        }
    }
    longest = longest.max(run);

    // Walk backwards from `on` (or the day before, when `on` has no check-in yet).
    let mut day = if checkins.contains(&on) {
        on
    } else {
        on.pred()
    };
    let mut checkin_streak = 0;
    while checkins.contains(&day) {
        checkin_streak += 1;
        day = day.pred();
    }

    let ladder = oracle_ladder(start, on);
    let last = ladder.iter().rev().find(|(_, date)| *date <= on).cloned();
    let next = ladder.iter().find(|(_, date)| *date > on).cloned();
    let days_left = next.as_ref().map(|(_, date)| days_from(on, *date));
    let milestone_today = last
        .as_ref()
        .filter(|(_, date)| *date == on)
        .map(|(label, _)| label.clone());

    Some(Figures {
        tracker: NAME.to_string(),
        start: start.naive(),
        on: on.naive(),
        since: since.naive(),
        days: run,
        longest_days: longest,
        total_days: total,
        elapsed_days: elapsed,
        resets: resets.len(),
        checkin_streak,
        last_milestone: last.map(|(l, d)| (l, d.naive())),
        next_milestone: next.map(|(l, d)| (l, d.naive())),
        days_left,
        milestone_today,
        restarted: start != since,
    })
}

// ---------------------------------------------------------------------------------------------
// The program's answer, in the same shape.

fn entries_of(happenings: &[Happening]) -> Vec<Entry> {
    happenings
        .iter()
        .map(|h| Entry {
            id: None,
            date: h.date.naive(),
            tracker: h.tracker.into(),
            kind: h.kind,
            text: None,
            mood: None,
            tags: vec![],
            private: false,
            intensity: None,
            triggers: vec![],
        })
        .collect()
}

fn pair(m: &Milestone) -> (String, NaiveDate) {
    (m.label.clone(), m.date)
}

fn figures(s: &Standing) -> Figures {
    Figures {
        tracker: s.tracker.clone(),
        start: s.start,
        on: s.on,
        since: s.since,
        days: s.days,
        longest_days: s.longest_days,
        total_days: s.total_days,
        elapsed_days: s.elapsed_days,
        resets: s.resets,
        checkin_streak: s.checkin_streak,
        last_milestone: s.last_milestone.as_ref().map(pair),
        next_milestone: s.next_milestone.as_ref().map(pair),
        days_left: s.days_left(),
        milestone_today: s.milestone_today().map(|m| m.label.clone()),
        restarted: s.restarted(),
    }
}

fn program(since: Ymd, happenings: &[Happening], on: Ymd) -> Option<Figures> {
    let tracker = Tracker {
        name: NAME.into(),
        since: since.naive(),
        cost_per_day: None,
        private: false,
        phrase: None,
    };
    let entries = entries_of(happenings);
    standing(&tracker, &entries, on.naive(), &Ladder::default()).map(|s| figures(&s))
}

// ---------------------------------------------------------------------------------------------
// Random journals.

/// A `since` from 1970 to 2100, with extra weight on month ends and leap days.
fn since_strategy() -> impl Strategy<Value = Ymd> {
    prop_oneof![
        5 => (1970i32..=2100, 1u32..=12, 1u32..=31)
            .prop_map(|(y, m, d)| ymd(y, m, d.min(days_in_month(y, m)))),
        2 => (1970i32..=2100, 1u32..=12).prop_map(|(y, m)| ymd(y, m, days_in_month(y, m))),
        // 1972, 1976, ..., 2096: every leap year in range.
        1 => (0i32..32).prop_map(|k| ymd(1972 + 4 * k, 2, 29)),
    ]
}

/// Where D falls, as days from `since`: before it, on it, soon after, years after.
fn on_offset_strategy() -> impl Strategy<Value = i64> {
    prop_oneof![
        2 => Just(0i64),
        1 => -400i64..0,
        4 => 1i64..120,
        3 => 120i64..1200,
        2 => 1200i64..6000,
    ]
}

/// A journal: D (as an offset from since) and offsets for the entries, all relative to since.
#[derive(Debug, Clone)]
struct Plan {
    since: Ymd,
    on: i64,
    /// (offset, how many resets that day)
    resets: Vec<(i64, usize)>,
    checkin_runs: Vec<(i64, i64)>,
    checkins: Vec<i64>,
    wins: Vec<i64>,
    others: Vec<(i64, EntryKind)>,
}

fn plan_strategy() -> impl Strategy<Value = Plan> {
    (since_strategy(), on_offset_strategy()).prop_flat_map(|(since, on)| {
        let hi = on.max(0);
        let reset_day = prop_oneof![
            2 => Just(0i64),            // on since
            2 => Just(on),              // on D itself
            1 => Just(on - 1),          // the day before D
            1 => -60i64..0,             // before since
            6 => 0i64..=hi,             // somewhere in between
            2 => (hi + 1)..(hi + 60),   // after D
        ];
        let kind = prop_oneof![
            Just(EntryKind::Checkin),
            Just(EntryKind::Win),
            Just(EntryKind::Reset)
        ];
        (
            Just(since),
            Just(on),
            prop::collection::vec((reset_day, 1usize..=3), 0..6),
            // Runs of check-ins: (last day relative to D, length).
            prop::collection::vec((-3i64..=2, 0i64..25), 0..3),
            prop::collection::vec((hi - 60)..=(hi + 5), 0..8),
            prop::collection::vec(-10i64..=(hi + 10), 0..3),
            prop::collection::vec(((-30i64)..=(hi + 30), kind), 0..5),
        )
            .prop_map(
                |(since, on, resets, checkin_runs, checkins, wins, others)| Plan {
                    since,
                    on,
                    resets,
                    checkin_runs,
                    checkins,
                    wins,
                    others,
                },
            )
    })
}

/// The dated journal a plan describes, in a shuffled order, and D.
fn realise(plan: &Plan, shuffle_seed: u64) -> (Vec<Happening>, Ymd) {
    let mut wanted: Vec<(i64, &'static str, EntryKind)> = vec![];
    for &(off, times) in &plan.resets {
        for _ in 0..times {
            wanted.push((off, NAME, EntryKind::Reset));
        }
    }
    for &(end, len) in &plan.checkin_runs {
        for k in 0..len {
            wanted.push((plan.on + end - k, NAME, EntryKind::Checkin));
        }
    }
    wanted.extend(plan.checkins.iter().map(|&o| (o, NAME, EntryKind::Checkin)));
    wanted.extend(plan.wins.iter().map(|&o| (o, NAME, EntryKind::Win)));
    wanted.extend(plan.others.iter().map(|&(o, k)| (o, OTHER, k)));

    let mut offsets: Vec<i64> = wanted.iter().map(|w| w.0).collect();
    offsets.push(plan.on);
    let dates = dates_at(plan.since, &offsets);
    let on = *dates.last().expect("D");
    let mut happenings: Vec<Happening> = wanted
        .iter()
        .zip(&dates)
        .map(|(&(_, tracker, kind), &date)| Happening {
            date,
            tracker,
            kind,
        })
        .collect();
    // Entries may be in any order in the file: a cheap deterministic shuffle.
    let mut state = shuffle_seed | 1;
    for i in (1..happenings.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        happenings.swap(i, (state % (i as u64 + 1)) as usize);
    }
    (happenings, on)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Every field of `Standing` agrees with the oracle, for random journals and dates.
    #[test]
    fn standing_agrees_with_the_day_by_day_oracle(plan in plan_strategy(), seed in any::<u64>()) {
        let (happenings, on) = realise(&plan, seed);
        // The oracle's calendar and the walk agree on how far D is from since.
        if plan.on >= 0 {
            prop_assert_eq!(days_from(plan.since, on), plan.on);
        }
        let expected = oracle(plan.since, &happenings, on);
        let got = program(plan.since, &happenings, on);
        prop_assert_eq!(got, expected, "since {:?}, on {:?}, entries {:?}", plan.since, on, happenings);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// The default ladder's first 45 milestones (up to 33 years) match the contract's list.
    #[test]
    fn the_default_ladder_agrees_with_plain_month_arithmetic(start in since_strategy()) {
        let expected: Vec<(String, NaiveDate)> = oracle_ladder(start, start.plus_months(12 * 32))
            .into_iter()
            .take(45)
            .map(|(l, d)| (l, d.naive()))
            .collect();
        prop_assert_eq!(expected.len(), 45);
        let got: Vec<(String, NaiveDate)> =
            Ladder::default().milestones(start.naive()).take(45).map(|m| pair(&m)).collect();
        prop_assert_eq!(got, expected);
    }

    /// last_reached / upcoming around any day, from any start.
    #[test]
    fn last_reached_and_upcoming_agree(start in since_strategy(), off in 0i64..5000) {
        let on = start.walk(off);
        let ladder = oracle_ladder(start, on);
        let last = ladder.iter().rev().find(|(_, d)| *d <= on).map(|(l, d)| (l.clone(), d.naive()));
        let next = ladder.iter().find(|(_, d)| *d > on).map(|(l, d)| (l.clone(), d.naive()));
        let program = Ladder::default();
        prop_assert_eq!(program.last_reached(start.naive(), on.naive()).as_ref().map(pair), last);
        let upcoming = program.upcoming(start.naive(), on.naive(), 1);
        prop_assert_eq!(upcoming.first().map(pair), next);
    }
}

// ---------------------------------------------------------------------------------------------
// Fixed examples: each is checked against hand-written figures and against the oracle.

fn reset(date: Ymd) -> Happening {
    Happening {
        date,
        tracker: NAME,
        kind: EntryKind::Reset,
    }
}

fn checkin(date: Ymd) -> Happening {
    Happening {
        date,
        tracker: NAME,
        kind: EntryKind::Checkin,
    }
}

fn both(since: Ymd, happenings: &[Happening], on: Ymd) -> Option<Figures> {
    let expected = oracle(since, happenings, on);
    assert_eq!(program(since, happenings, on), expected);
    expected
}

fn milestone(label: &str, date: Ymd) -> Option<(String, NaiveDate)> {
    Some((label.to_string(), date.naive()))
}

#[test]
fn aug_31_plus_6_months_is_feb_28() {
    let since = ymd(2025, 8, 31);
    let f = both(since, &[], ymd(2026, 1, 1)).unwrap();
    assert_eq!(f.next_milestone, milestone("6 months", ymd(2026, 2, 28)));
    assert_eq!(f.days_left, Some(58));
    let f = both(since, &[], ymd(2026, 2, 28)).unwrap();
    assert_eq!(f.milestone_today.as_deref(), Some("6 months"));
    assert_eq!(f.next_milestone, milestone("9 months", ymd(2026, 5, 31)));
    // In a leap year the same step lands on Feb 29.
    let f = both(ymd(2023, 8, 31), &[], ymd(2024, 2, 1)).unwrap();
    assert_eq!(f.next_milestone, milestone("6 months", ymd(2024, 2, 29)));
}

#[test]
fn feb_29_plus_1_year_is_feb_28() {
    let since = ymd(2024, 2, 29);
    let f = both(since, &[], ymd(2025, 2, 27)).unwrap();
    assert_eq!(f.next_milestone, milestone("1 year", ymd(2025, 2, 28)));
    let f = both(since, &[], ymd(2025, 2, 28)).unwrap();
    assert_eq!(
        (f.days, f.milestone_today.as_deref()),
        (365, Some("1 year"))
    );
    assert_eq!(f.next_milestone, milestone("18 months", ymd(2025, 8, 29)));
    let f = both(since, &[], ymd(2028, 1, 1)).unwrap();
    assert_eq!(f.next_milestone, milestone("4 years", ymd(2028, 2, 29)));
    let f = both(since, &[], ymd(2026, 12, 1)).unwrap();
    assert_eq!(f.last_milestone, milestone("1000 days", ymd(2026, 11, 25)));
    assert_eq!(f.next_milestone, milestone("3 years", ymd(2027, 2, 28)));
}

#[test]
fn a_reset_on_d_itself() {
    let since = ymd(2026, 1, 1);
    let on = ymd(2026, 3, 1);
    let f = both(since, &[reset(on)], on).unwrap();
    assert_eq!(f.start, on.naive());
    assert_eq!(
        (
            f.days,
            f.longest_days,
            f.total_days,
            f.elapsed_days,
            f.resets
        ),
        (0, 59, 59, 59, 1)
    );
    assert_eq!(f.last_milestone, None);
    assert_eq!(f.next_milestone, milestone("1 day", ymd(2026, 3, 2)));
    assert!(f.restarted);
    // The next day the reset day is the one day it cost.
    let f = both(since, &[reset(on)], ymd(2026, 3, 2)).unwrap();
    assert_eq!((f.days, f.longest_days, f.total_days), (1, 59, 59));
}

#[test]
fn several_resets_on_one_day_and_on_since() {
    let since = ymd(2026, 1, 1);
    let slip = ymd(2026, 1, 20);
    let happenings = [
        reset(slip),
        reset(since),
        reset(slip),
        reset(slip),
        reset(since),
    ];
    let f = both(since, &happenings, ymd(2026, 2, 1)).unwrap();
    assert_eq!(f.start, slip.naive());
    // 31 days elapsed, less the two distinct reset days (since and the slip).
    assert_eq!(
        (
            f.days,
            f.longest_days,
            f.total_days,
            f.elapsed_days,
            f.resets
        ),
        (12, 19, 29, 31, 2)
    );
    // A reset on since alone does not restart anything.
    let f = both(since, &[reset(since)], ymd(2026, 1, 8)).unwrap();
    assert_eq!((f.days, f.total_days, f.resets), (7, 6, 1));
    assert!(!f.restarted);
    assert_eq!(f.last_milestone, milestone("1 week", ymd(2026, 1, 8)));
}

#[test]
fn on_in_the_past_ignores_later_entries() {
    let since = ymd(2025, 6, 1);
    let happenings = [
        reset(ymd(2025, 9, 1)),
        reset(ymd(2026, 1, 1)),
        checkin(ymd(2025, 10, 3)),
        checkin(ymd(2025, 10, 4)),
        checkin(ymd(2025, 10, 5)),
        checkin(ymd(2025, 10, 6)),
    ];
    let f = both(since, &happenings, ymd(2025, 10, 5)).unwrap();
    assert_eq!(f.start, ymd(2025, 9, 1).naive());
    assert_eq!(
        (
            f.days,
            f.longest_days,
            f.total_days,
            f.resets,
            f.checkin_streak
        ),
        (34, 92, 125, 1, 3)
    );
    assert_eq!(f.last_milestone, milestone("30 days", ymd(2025, 10, 1)));
    // Before since there is nothing to say.
    assert_eq!(both(since, &happenings, ymd(2025, 5, 31)), None);
    // Resets before since belong to no streak.
    let f = both(since, &[reset(ymd(2025, 5, 1))], ymd(2025, 6, 3)).unwrap();
    assert_eq!((f.days, f.total_days, f.resets), (2, 2, 0));
}

#[test]
fn the_oracle_calendar_knows_leap_years_and_month_ends() {
    assert_eq!(days_from(ymd(2024, 1, 1), ymd(2025, 1, 1)), 366);
    assert_eq!(days_from(ymd(1999, 3, 1), ymd(2000, 3, 1)), 366);
    assert_eq!(days_from(ymd(2099, 3, 1), ymd(2100, 3, 1)), 365);
    assert_eq!(ymd(2000, 3, 1).pred(), ymd(2000, 2, 29));
    assert_eq!(ymd(2100, 3, 1).pred(), ymd(2100, 2, 28));
    assert_eq!(ymd(2025, 1, 31).plus_months(1), ymd(2025, 2, 28));
    assert_eq!(ymd(2025, 1, 31).plus_months(2), ymd(2025, 3, 31));
    assert_eq!(ymd(2025, 12, 31).plus_months(18), ymd(2027, 6, 30));
    assert_eq!(ymd(1970, 1, 1).walk(10_000), ymd(1997, 5, 19));
}
