//! The command-line date parser on arbitrary text and any "today": no panic, and a date it
//! understands that was not typed as `YYYY-MM-DD` is today or before, except `tomorrow`, the
//! day after (the property `src/testing/loader_fuzz.rs` checks too).
#![no_main]

use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use milestone::dates;

fuzz_target!(|input: (u32, &str)| {
    let (offset, text) = input;
    let today = NaiveDate::from_ymd_opt(-5000, 1, 1)
        .unwrap()
        .checked_add_days(Days::new(u64::from(offset % 5_000_000)))
        .unwrap();
    let Ok(date) = dates::parse_date(text, today) else {
        return;
    };
    let typed = text.trim();
    if dates::parse_iso_date(typed).is_some() {
        return;
    }
    if typed.eq_ignore_ascii_case("tomorrow") {
        assert_eq!(today.succ_opt(), Some(date), "{text:?} on {today}");
    } else {
        assert!(date <= today, "{text:?} -> {date} after {today}");
    }
});
