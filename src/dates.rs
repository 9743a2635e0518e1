//! Dates as people say them on the command line, resolved against "today".
//!
//! A journal looks back, so a date without a year ("nov 20") or a weekday ("friday") means the
//! most recent one: today when it matches, else the last one before.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The forms every date option accepts, for error messages.
pub const ACCEPTED_FORMS: &str = "YYYY-MM-DD, today, yesterday, tomorrow, N days (weeks, months, years) ago, \
a weekday (friday, last friday) or a month and day (nov 20, 20 nov)";

/// Reads `input` as a calendar date relative to `today`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let lowered = input.trim().to_lowercase();
    let words: Vec<&str> = lowered.split_whitespace().collect();
    let date = match words.as_slice() {
        ["today"] => Some(today),
        ["yesterday"] => today.checked_sub_days(Days::new(1)),
        ["tomorrow"] => today.checked_add_days(Days::new(1)),
        [n, unit, "ago"] => Span::from_words(n, unit).and_then(|span| span.date_before(today)),
        [day] if weekday(day).is_some() => weekday(day).map(|w| most_recent(w, today, 0)),
        ["last", day] if weekday(day).is_some() => weekday(day).map(|w| most_recent(w, today, 1)),
        [month, day] | [month, day, ","] if month_number(month).is_some() => {
            month_day(month, day, today)
        }
        [day, month] if month_number(month).is_some() => month_day(month, day, today),
        [iso] => parse_iso_date(iso),
        _ => None,
    };
    let date =
        date.ok_or_else(|| format!("{input:?} is not a date I understand; use {ACCEPTED_FORMS}"))?;
    // A journal's TOML dates have four-digit years.
    if !(0..=9999).contains(&date.year()) {
        return Err(format!(
            "{input:?} is {date}, outside the years 0000 to 9999 a journal can hold"
        ));
    }
    Ok(date)
}

/// Strict `YYYY-MM-DD`: four-digit year, two-digit month and day, and a day that exists.
pub fn parse_iso_date(input: &str) -> Option<NaiveDate> {
    let bytes = input.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    // The shape is checked: the digits are the date (chrono's format parser cost 1,200
    // instructions a date, and a group folder's cheers are thousands of names).
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let year = i32::try_from(number(0..4)).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7), number(8..10))
}

fn weekday(word: &str) -> Option<Weekday> {
    let word = word.trim_end_matches(',');
    if word.len() < 3 {
        return None;
    }
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
    .into_iter()
    .find(|w| {
        let name = weekday_name(*w);
        name.starts_with(word) || word == format!("{}s", &name[..3])
    })
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

/// The latest `weekday` on or before `today` (`skip` = 1: strictly before today).
fn most_recent(weekday: Weekday, today: NaiveDate, skip: u64) -> NaiveDate {
    let from = today - Days::new(skip);
    let back = (7 + from.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    from - Days::new(u64::from(back))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']);
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(word) || (word == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

/// "nov 20": this year's, or last year's when this year's is still to come.
fn month_day(month: &str, day: &str, today: NaiveDate) -> Option<NaiveDate> {
    let month = month_number(month)?;
    let day: u32 = day
        .trim_end_matches([',', '.'])
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()?;
    let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
    match this_year {
        Some(date) if date <= today => Some(date),
        // Feb 29 only exists in leap years: look back for the last one.
        _ => (1..=8).find_map(|back| {
            let year = today.checked_sub_months(Months::new(12 * back))?.year();
            NaiveDate::from_ymd_opt(year, month, day)
        }),
    }
}

/// A span of time as people write it: `30d`, `2w`, `6m`, `1y`. Ladder steps, "N weeks ago" and
/// `--upcoming 2w` all read and count spans through this one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Days(u32),
    Weeks(u32),
    Months(u32),
    Years(u32),
}

impl Span {
    /// The date this span after `start` (a month or a year later falls on the same day of the
    /// month, clamped to the month's last day); `None` past year 262143.
    pub fn date_from(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Days(n) => start.checked_add_days(Days::new(n.into())),
            Span::Weeks(n) => start.checked_add_days(Days::new(u64::from(n) * 7)),
            Span::Months(n) => start.checked_add_months(Months::new(n)),
            Span::Years(n) => start.checked_add_months(Months::new(n.checked_mul(12)?)),
        }
    }

    /// Reads `30d`, `2w`, `6m`, `1y` (N from 1 up).
    pub fn parse(word: &str) -> Option<Span> {
        let unit = word.chars().last()?;
        let n: u32 = word[..word.len() - unit.len_utf8()].parse().ok()?;
        if n == 0 || n > 100_000 {
            return None;
        }
        match unit {
            'd' => Some(Span::Days(n)),
            'w' => Some(Span::Weeks(n)),
            'm' => Some(Span::Months(n)),
            'y' => Some(Span::Years(n)),
            _ => None,
        }
    }

    /// The date this span before `end` ("2 weeks ago").
    pub fn date_before(self, end: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Days(n) => end.checked_sub_days(Days::new(n.into())),
            Span::Weeks(n) => end.checked_sub_days(Days::new(u64::from(n) * 7)),
            Span::Months(n) => end.checked_sub_months(Months::new(n)),
            Span::Years(n) => end.checked_sub_months(Months::new(n.checked_mul(12)?)),
        }
    }

    /// A number and a unit word: `3` and `days`, `1` and `week`.
    /// (Zero is a span here: "0 days ago" is today.)
    pub fn from_words(number: &str, unit: &str) -> Option<Span> {
        let n: u32 = number.parse().ok()?;
        match unit {
            "day" | "days" => Some(Span::Days(n)),
            "week" | "weeks" => Some(Span::Weeks(n)),
            "month" | "months" => Some(Span::Months(n)),
            "year" | "years" => Some(Span::Years(n)),
            _ => None,
        }
    }

    /// "1 day", "3 days", "1 week", "6 months", "1 year", "18 months", "2 years".
    pub fn label(self) -> String {
        let (n, unit) = match self {
            Span::Days(n) => (n, "day"),
            Span::Weeks(n) => (n, "week"),
            Span::Months(n) => (n, "month"),
            Span::Years(n) => (n, "year"),
        };
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn iso_dates_read_from_their_digits_as_chrono_reads_them() {
        for input in [
            "2026-11-25",
            "0000-01-01",
            "9999-12-31",
            "2024-02-29",
            "2025-02-29",
            "2026-00-10",
            "2026-13-01",
            "2026-04-31",
            "2026-04-00",
            "2026-1-250",
            "+026-11-25",
            " 026-11-25",
            "2026-11-2a",
        ] {
            let chrono = input
                .bytes()
                .filter(|b| *b != b'-')
                .all(|b| b.is_ascii_digit())
                .then(|| NaiveDate::parse_from_str(input, "%Y-%m-%d").ok())
                .flatten()
                .filter(|_| input.len() == 10 && &input[4..5] == "-" && &input[7..8] == "-");
            assert_eq!(parse_iso_date(input), chrono, "{input}");
        }
        assert_eq!(parse_iso_date("2024-02-29"), Some(date(2024, 2, 29)));
    }

    #[test]
    fn relative_words_resolve_against_today() {
        let today = date(2026, 3, 1);
        assert_eq!(parse_date("today", today), Ok(today));
        assert_eq!(parse_date("Yesterday", today), Ok(date(2026, 2, 28)));
        assert_eq!(parse_date("tomorrow", today), Ok(date(2026, 3, 2)));
        assert_eq!(parse_date("1 day ago", today), Ok(date(2026, 2, 28)));
        assert_eq!(parse_date("366 days ago", today), Ok(date(2025, 2, 28)));
        assert_eq!(parse_date("0 days ago", today), Ok(today));
        assert_eq!(parse_date("2 weeks ago", today), Ok(date(2026, 2, 15)));
    }

    #[test]
    fn weekdays_look_back() {
        let today = date(2026, 11, 25); // a Wednesday
        assert_eq!(parse_date("wednesday", today), Ok(today));
        assert_eq!(parse_date("last wednesday", today), Ok(date(2026, 11, 18)));
        assert_eq!(parse_date("monday", today), Ok(date(2026, 11, 23)));
        assert_eq!(parse_date("Mon", today), Ok(date(2026, 11, 23)));
        assert_eq!(parse_date("last friday", today), Ok(date(2026, 11, 20)));
        assert_eq!(parse_date("friday", today), Ok(date(2026, 11, 20)));
        assert_eq!(parse_date("thursday", today), Ok(date(2026, 11, 19)));
    }

    #[test]
    fn month_and_day_mean_the_most_recent_one() {
        let today = date(2026, 11, 25);
        assert_eq!(parse_date("nov 20", today), Ok(date(2026, 11, 20)));
        assert_eq!(parse_date("20 Nov", today), Ok(date(2026, 11, 20)));
        assert_eq!(parse_date("November 25", today), Ok(today));
        assert_eq!(parse_date("dec 24", today), Ok(date(2025, 12, 24)));
        assert_eq!(parse_date("sept 1st", today), Ok(date(2026, 9, 1)));
        assert_eq!(parse_date("feb 29", today), Ok(date(2024, 2, 29)));
        assert!(parse_date("feb 30", today).is_err());
        assert!(parse_date("nov", today).is_err());
    }

    #[test]
    fn dates_stay_within_four_digit_years() {
        let today = date(2026, 11, 25);
        assert_eq!(
            parse_date("1000000 days ago", today),
            Err("\"1000000 days ago\" is -0712-12-28, outside the years 0000 to 9999 a journal can hold".to_string())
        );
        assert!(parse_date("0000-01-01", today).is_ok());
    }

    #[test]
    fn iso_dates_are_strict() {
        let today = date(2026, 3, 1);
        assert_eq!(parse_date("2024-02-29", today), Ok(date(2024, 2, 29)));
        for bad in [
            "2026-02-30",
            "2025-02-29",
            "2026-2-3",
            "26-02-03",
            "2026/02/03",
            "",
            "x days ago",
            "-1 days ago",
            "soon",
            "ma 3",
        ] {
            assert_eq!(
                parse_date(bad, today),
                Err(format!(
                    "{bad:?} is not a date I understand; use {ACCEPTED_FORMS}"
                )),
            );
        }
    }
}
