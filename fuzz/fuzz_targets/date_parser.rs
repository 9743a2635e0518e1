//! The command-line date parser on arbitrary text and any "today": no panic, and what it
//! understands is never after today unless it was typed as an ISO date.
#![no_main]

#[allow(dead_code)]
#[path = "../../src/dates.rs"]
mod dates;

use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u32, &str)| {
    let (offset, text) = input;
    let today = NaiveDate::from_ymd_opt(-5000, 1, 1)
        .unwrap()
        .checked_add_days(Days::new(u64::from(offset % 5_000_000)))
        .unwrap();
    if let Ok(date) = dates::parse_date(text, today) {
        if dates::parse_iso_date(text.trim()).is_none() {
            assert!(date <= today, "{text:?} -> {date} after {today}");
        }
    }
});
