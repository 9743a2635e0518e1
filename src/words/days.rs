//! How counts of days and the days ahead are spoken: one way everywhere, so `streak`, `share`,
//! `report` and `add` never disagree ("tomorrow" in one, "in 1 day" in another).

use chrono::{Datelike, NaiveDate};

use crate::output::plural;

/// "today", "tomorrow", "in 5 days".
pub fn when(days_left: i64) -> String {
    match days_left {
        0 => "today".into(),
        1 => "tomorrow".into(),
        n => format!("in {}", plural(n, "day")),
    }
}

/// "15 Apr", or "15 Apr 2027" when the year is not the year of `on`: short, and no digits
/// that collide with the day counts around it.
pub fn short_date(date: NaiveDate, on: NaiveDate) -> String {
    if date.year() == on.year() {
        date.format("%-d %b").to_string()
    } else {
        date.format("%-d %b %Y").to_string()
    }
}

/// What follows "Next up: LABEL": " on 15 Apr, 30 days to go" or ", tomorrow".
pub fn next_up_when(date: NaiveDate, on: NaiveDate, days_left: i64) -> String {
    match days_left {
        1 => ", tomorrow".into(),
        n => format!(" on {}, {} to go", short_date(date, on), plural(n, "day")),
    }
}

/// After a slip: the days that still count, never as a score ("340 days since 2026-03-14").
pub fn still_counts(total_days: i64, since: NaiveDate) -> String {
    format!(
        "every day still counts: {} since {since}",
        plural(total_days, "day")
    )
}

/// Which day of the streak it is: "day one" on its first day, else "day 256" (`counted` is
/// the count as the person counts it, from 0 or, with `day_one`, from 1).
pub fn day_number(days: i64, counted: i64) -> String {
    match days {
        0 => "day one".into(),
        _ => format!("day {counted}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_days_ahead_read_the_same_everywhere() {
        assert_eq!(when(0), "today");
        assert_eq!(when(1), "tomorrow");
        assert_eq!(when(19), "in 19 days");
        let on = date(2026, 3, 16);
        assert_eq!(
            next_up_when(date(2026, 4, 15), on, 30),
            " on 15 Apr, 30 days to go"
        );
        assert_eq!(
            next_up_when(date(2027, 1, 2), on, 292),
            " on 2 Jan 2027, 292 days to go"
        );
        assert_eq!(next_up_when(date(2026, 3, 17), on, 1), ", tomorrow");
        assert_eq!(day_number(0, 0), "day one");
        assert_eq!(day_number(0, 1), "day one");
        assert_eq!(day_number(5, 6), "day 6");
    }
}
