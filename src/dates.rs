//! Dates as people type them on the command line, resolved against "today".

use chrono::{Days, NaiveDate};

/// The forms every date option accepts, for error messages.
pub const ACCEPTED_FORMS: &str = "YYYY-MM-DD, today, yesterday or N days ago";

/// Reads `input` as a calendar date relative to `today`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let words: Vec<&str> = input.split_whitespace().collect();
    let lowered: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let lowered: Vec<&str> = lowered.iter().map(String::as_str).collect();
    let date = match lowered.as_slice() {
        ["today"] => Some(today),
        ["yesterday"] => today.checked_sub_days(Days::new(1)),
        [n, "day" | "days", "ago"] => n
            .parse::<u64>()
            .ok()
            .and_then(|n| today.checked_sub_days(Days::new(n))),
        [iso] => parse_iso_date(iso),
        _ => None,
    };
    date.ok_or_else(|| format!("{input:?} is not a date I understand; use {ACCEPTED_FORMS}"))
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
    NaiveDate::parse_from_str(input, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn relative_words_resolve_against_today() {
        let today = date(2026, 3, 1);
        assert_eq!(parse_date("today", today), Ok(today));
        assert_eq!(parse_date("Yesterday", today), Ok(date(2026, 2, 28)));
        assert_eq!(parse_date("1 day ago", today), Ok(date(2026, 2, 28)));
        assert_eq!(parse_date("366 days ago", today), Ok(date(2025, 2, 28)));
        assert_eq!(parse_date("0 days ago", today), Ok(today));
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
