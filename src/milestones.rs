//! The milestone ladder: which anniversaries of a streak are celebrated, and on which dates.
//!
//! A step in days falls on `start + N days`; a step in months or years on the same day of the
//! month N months later, clamped to the month's last day (Aug 31 + 6 months = Feb 28).

use chrono::NaiveDate;

/// A ladder step is a span of days, weeks, months or years from the start of a streak.
pub use crate::dates::Span as Step;

/// The steps celebrated, then (optionally) a repeat every N years after the largest step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ladder {
    steps: Vec<Step>,
    every_years: Option<u32>,
}

/// A milestone of one particular streak: its label and the date it falls on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub label: String,
    pub date: NaiveDate,
}

impl Default for Ladder {
    /// The contract's ladder: 1 day ... 2 years, 1000 days, then every year.
    fn default() -> Self {
        use Step::*;
        Ladder {
            steps: vec![
                Days(1),
                Days(3),
                Weeks(1),
                Weeks(2),
                Days(30),
                Days(60),
                Days(90),
                Days(100),
                Months(6),
                Months(9),
                Years(1),
                Months(18),
                Years(2),
                Days(1000),
            ],
            every_years: Some(1),
        }
    }
}

/// The ladders that have a name in the settings (`ladder = "aa"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Preset {
    Default,
    Aa,
    Na,
}

impl Ladder {
    /// A fellowship's ladder by name: "default", "aa" or "na".
    pub fn preset(name: &str) -> Option<Ladder> {
        use Step::*;
        match <Preset as clap::ValueEnum>::from_str(name, false).ok()? {
            Preset::Default => Some(Ladder::default()),
            Preset::Aa => Some(Ladder {
                steps: vec![
                    Days(1),
                    Months(1),
                    Months(2),
                    Months(3),
                    Months(6),
                    Months(9),
                    Years(1),
                ],
                every_years: Some(1),
            }),
            Preset::Na => Some(Ladder {
                steps: vec![
                    Days(30),
                    Days(60),
                    Days(90),
                    Months(6),
                    Months(9),
                    Years(1),
                    Months(18),
                ],
                every_years: Some(1),
            }),
        }
    }

    /// A ladder from steps such as `["1d", "1w", "30d", "6m", "1y", "every 1y"]`; on a
    /// mistake, the index of the step at fault (`None`: the ladder as a whole) and why.
    pub fn from_steps<S: AsRef<str>>(words: &[S]) -> Result<Ladder, (Option<usize>, String)> {
        let mut steps = Vec::new();
        let mut every_years = None;
        for (i, word) in words.iter().enumerate() {
            let word = word.as_ref().trim();
            if let Some(rest) = word.strip_prefix("every ") {
                if i + 1 != words.len() {
                    return Err((
                        Some(i),
                        format!("{word:?} must be the last step of a ladder"),
                    ));
                }
                match Step::parse(rest.trim()) {
                    Some(Step::Years(n)) => every_years = Some(n),
                    _ => {
                        return Err((
                            Some(i),
                            format!("{word:?}: a ladder repeats in years, such as \"every 1y\""),
                        ));
                    }
                }
            } else {
                steps.push(Step::parse(word).ok_or_else(|| {
                    (
                        Some(i),
                        format!("{word:?} is not a ladder step; write steps as Nd, Nw, Nm or Ny (such as \"30d\" or \"6m\")"),
                    )
                })?);
            }
        }
        if steps.is_empty() && every_years.is_none() {
            return Err((
                None,
                "a ladder needs at least one step, such as [\"30d\", \"1y\", \"every 1y\"]".into(),
            ));
        }
        Ok(Ladder { steps, every_years })
    }

    /// Every milestone of a streak that started on `start`, in date order (endless when the
    /// ladder repeats).
    pub fn milestones(&self, start: NaiveDate) -> impl Iterator<Item = Milestone> + '_ {
        let mut fixed: Vec<Milestone> = self
            .steps
            .iter()
            .filter_map(|step| {
                Some(Milestone {
                    label: step.label(),
                    date: step.date_from(start)?,
                })
            })
            .collect();
        // Two steps can land on one day (2 weeks and 14 days); keep the first one written.
        fixed.sort_by_key(|m| m.date);
        fixed.dedup_by_key(|m| m.date);
        let last_fixed = fixed.last().map(|m| m.date);
        let repeating = self.every_years.into_iter().flat_map(move |every| {
            (1..)
                .map_while(move |k: u32| {
                    let step = Step::Years(k.checked_mul(every)?);
                    Some(Milestone {
                        label: step.label(),
                        date: step.date_from(start)?,
                    })
                })
                .filter(move |m| last_fixed.is_none_or(|last| m.date > last))
        });
        fixed.into_iter().chain(repeating)
    }

    /// The latest milestone on or before `on`.
    pub fn last_reached(&self, start: NaiveDate, on: NaiveDate) -> Option<Milestone> {
        self.milestones(start).take_while(|m| m.date <= on).last()
    }

    /// The first `count` milestones after `on`.
    pub fn upcoming(&self, start: NaiveDate, on: NaiveDate, count: usize) -> Vec<Milestone> {
        self.milestones(start)
            .skip_while(|m| m.date <= on)
            .take(count)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn default_ladder_labels_and_dates() {
        let start = date(2026, 3, 14);
        let got: Vec<(String, String)> = Ladder::default()
            .milestones(start)
            .take(17)
            .map(|m| (m.label, m.date.to_string()))
            .collect();
        let expected = [
            ("1 day", "2026-03-15"),
            ("3 days", "2026-03-17"),
            ("1 week", "2026-03-21"),
            ("2 weeks", "2026-03-28"),
            ("30 days", "2026-04-13"),
            ("60 days", "2026-05-13"),
            ("90 days", "2026-06-12"),
            ("100 days", "2026-06-22"),
            ("6 months", "2026-09-14"),
            ("9 months", "2026-12-14"),
            ("1 year", "2027-03-14"),
            ("18 months", "2027-09-14"),
            ("2 years", "2028-03-14"),
            ("1000 days", "2028-12-08"),
            ("3 years", "2029-03-14"),
            ("4 years", "2030-03-14"),
            ("5 years", "2031-03-14"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(l, d)| (l.to_string(), d.to_string()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        assert_eq!(
            Step::Months(6).date_from(date(2025, 8, 31)),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            Step::Years(1).date_from(date(2024, 2, 29)),
            Some(date(2025, 2, 28))
        );
        assert_eq!(
            Step::Years(4).date_from(date(2024, 2, 29)),
            Some(date(2028, 2, 29))
        );
        assert_eq!(
            Step::Months(1).date_from(date(2026, 1, 31)),
            Some(date(2026, 2, 28))
        );
        // Clamping happens from the start date each time, never step by step.
        assert_eq!(
            Step::Months(2).date_from(date(2026, 1, 31)),
            Some(date(2026, 3, 31))
        );
    }

    #[test]
    fn last_and_next_around_a_date() {
        let ladder = Ladder::default();
        let start = date(2026, 3, 14);
        let on = date(2026, 11, 25);
        assert_eq!(
            ladder.last_reached(start, on),
            Some(Milestone {
                label: "6 months".into(),
                date: date(2026, 9, 14)
            })
        );
        let next = ladder.upcoming(start, on, 3);
        let labels: Vec<&str> = next.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(labels, ["9 months", "1 year", "18 months"]);
        assert_eq!(ladder.last_reached(start, start), None);
        // A milestone that falls on `on` itself counts as reached.
        assert_eq!(
            ladder.last_reached(start, date(2026, 3, 15)).unwrap().label,
            "1 day"
        );
    }

    #[test]
    fn presets_follow_the_fellowships() {
        let start = date(2026, 1, 31);
        let labels = |ladder: Ladder| -> Vec<String> {
            ladder
                .milestones(start)
                .take(9)
                .map(|m| format!("{} {}", m.label, m.date))
                .collect()
        };
        assert_eq!(
            labels(Ladder::preset("aa").unwrap()),
            [
                "1 day 2026-02-01",
                "1 month 2026-02-28",
                "2 months 2026-03-31",
                "3 months 2026-04-30",
                "6 months 2026-07-31",
                "9 months 2026-10-31",
                "1 year 2027-01-31",
                "2 years 2028-01-31",
                "3 years 2029-01-31",
            ]
        );
        assert_eq!(
            labels(Ladder::preset("na").unwrap()),
            [
                "30 days 2026-03-02",
                "60 days 2026-04-01",
                "90 days 2026-05-01",
                "6 months 2026-07-31",
                "9 months 2026-10-31",
                "1 year 2027-01-31",
                "18 months 2027-07-31",
                "2 years 2028-01-31",
                "3 years 2029-01-31",
            ]
        );
        assert_eq!(Ladder::preset("default"), Some(Ladder::default()));
        assert_eq!(Ladder::preset("cma"), None);
    }

    #[test]
    fn custom_ladders_parse_and_repeat() {
        let ladder = Ladder::from_steps(&["1d", "1w", "30d", "6m", "1y", "every 1y"]).unwrap();
        let labels: Vec<String> = ladder
            .milestones(date(2026, 1, 1))
            .take(7)
            .map(|m| m.label)
            .collect();
        assert_eq!(
            labels,
            [
                "1 day", "1 week", "30 days", "6 months", "1 year", "2 years", "3 years"
            ]
        );
        let five = Ladder::from_steps(&["every 5y"]).unwrap();
        let labels: Vec<String> = five
            .milestones(date(2026, 1, 1))
            .take(2)
            .map(|m| m.label)
            .collect();
        assert_eq!(labels, ["5 years", "10 years"]);
        let finite = Ladder::from_steps(&["2w"]).unwrap();
        assert_eq!(finite.milestones(date(2026, 1, 1)).count(), 1);
        for bad in [
            &["every 1y", "1d"][..],
            &["0d"],
            &["3x"],
            &[],
            &["every 6m"],
            &["d"],
            &["-1d"],
        ] {
            assert!(Ladder::from_steps(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn labels_are_singular_for_one() {
        assert_eq!(Step::Days(1).label(), "1 day");
        assert_eq!(Step::Weeks(2).label(), "2 weeks");
        assert_eq!(Step::Months(18).label(), "18 months");
        assert_eq!(Step::Years(1).label(), "1 year");
    }

    #[test]
    fn the_ladder_ends_quietly_at_the_end_of_the_calendar() {
        let far = NaiveDate::MAX
            .checked_sub_days(chrono::Days::new(400))
            .unwrap();
        assert!(Ladder::default().milestones(far).count() < 20);
    }
}
