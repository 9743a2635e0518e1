//! Dates end to end through `streak --format json`: day counts and milestones around daylight
//! saving changes, "today" as the local date in `TZ`, leap days and month ends, `--on` in the
//! past, and a reset on the day itself. Expected figures are written out by hand.

use std::process::Command as StdCommand;

use chrono::{Days, NaiveDate};
use serde_json::Value;

use crate::common::{TestJournal, json, run_ok};

/// A journal with `trackers` as (name, since) and `entries` as (date, tracker, kind).
fn journal_text(trackers: &[(&str, &str)], entries: &[(&str, &str, &str)]) -> String {
    let mut text = String::from("version = 1\n");
    for (name, since) in trackers {
        text.push_str(&format!(
            "\n[[tracker]]\nname = \"{name}\"\nsince = {since}\n"
        ));
    }
    for (date, tracker, kind) in entries {
        text.push_str(&format!(
            "\n[[entry]]\ndate = {date}\ntracker = \"{tracker}\"\nkind = \"{kind}\"\n"
        ));
    }
    text
}

/// One tracker, "alcohol", since `since`, with `entries` as (date, kind).
fn one_tracker(since: &str, entries: &[(&str, &str)]) -> TestJournal {
    let entries: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|&(date, kind)| (date, "alcohol", kind))
        .collect();
    TestJournal::with(&journal_text(&[("alcohol", since)], &entries))
}

/// `streak --format json ARGS` in time zone `tz` on `today`, parsed.
fn streak_json(journal: &TestJournal, tz: &str, today: &str, args: &[&str]) -> Vec<Value> {
    let mut full = vec!["streak", "--format", "json"];
    full.extend_from_slice(args);
    let mut cmd = journal.cmd(&full);
    cmd.env("TZ", tz).env("MILESTONE_TODAY", today);
    let out = json(&run_ok(cmd));
    out.as_array().expect("an array").clone()
}

/// The only tracker's standing.
fn standing(journal: &TestJournal, tz: &str, today: &str, args: &[&str]) -> Value {
    let mut all = streak_json(journal, tz, today, args);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn shift(text: &str, days: i64) -> String {
    let d = date(text);
    let shifted = if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    shifted.expect("in range").to_string()
}

fn milestone(label: &str, date: &str) -> Value {
    serde_json::json!({"label": label, "date": date})
}

fn next(label: &str, date: &str, days_left: i64) -> Value {
    serde_json::json!({"label": label, "date": date, "days_left": days_left})
}

// ---------------------------------------------------------------------------------------------
// Daylight saving time.

/// (time zone, a day the clocks change, that day 6 months earlier, that day a year earlier)
const DST_CHANGES: [(&str, &str, &str, &str); 6] = [
    ("America/New_York", "2026-03-08", "2025-09-08", "2025-03-08"),
    ("America/New_York", "2026-11-01", "2026-05-01", "2025-11-01"),
    ("Europe/London", "2026-03-29", "2025-09-29", "2025-03-29"),
    ("Europe/London", "2026-10-25", "2026-04-25", "2025-10-25"),
    (
        "Australia/Lord_Howe",
        "2026-04-05",
        "2025-10-05",
        "2025-04-05",
    ),
    (
        "Australia/Lord_Howe",
        "2026-10-04",
        "2026-04-04",
        "2025-10-04",
    ),
];

/// Streaks of 0, 1, 2, 7, 30 and 365 days, on the day before a change, the day itself and the
/// day after: a day is a calendar day, whatever the clocks do.
#[test]
fn day_counts_around_dst_changes() {
    let lengths = [0i64, 1, 2, 7, 30, 365];
    for (tz, change, _, _) in DST_CHANGES {
        for today in [shift(change, -1), change.to_string(), shift(change, 1)] {
            let names: Vec<String> = lengths.iter().map(|n| format!("d{n}")).collect();
            let sinces: Vec<String> = lengths.iter().map(|&n| shift(&today, -n)).collect();
            let trackers: Vec<(&str, &str)> = names
                .iter()
                .zip(&sinces)
                .map(|(n, s)| (n.as_str(), s.as_str()))
                .collect();
            let journal = TestJournal::with(&journal_text(&trackers, &[]));
            let all = streak_json(&journal, tz, &today, &[]);
            assert_eq!(all.len(), lengths.len());
            for ((s, n), since) in all.iter().zip(lengths).zip(&sinces) {
                let context = format!("{tz} on {today}, since {since}: {s}");
                assert_eq!(s["on"], today.as_str(), "{context}");
                assert_eq!(s["start"], since.as_str(), "{context}");
                assert_eq!(s["days"], n, "{context}");
                assert_eq!(s["longest_days"], n, "{context}");
                assert_eq!(s["total_days"], n, "{context}");
                let label = match n {
                    1 => Some("1 day"),
                    7 => Some("1 week"),
                    30 => Some("30 days"),
                    365 => Some("1 year"),
                    _ => None,
                };
                if let Some(label) = label {
                    assert_eq!(s["last_milestone"], milestone(label, &today), "{context}");
                }
            }
        }
    }
}

/// Milestones that fall on the day the clocks change, counted in days and in months.
#[test]
fn milestones_fall_on_dst_changes() {
    for (tz, change, six_months_before, year_before) in DST_CHANGES {
        let day_before = shift(change, -1);

        // Started the day before: "1 day" is the change, 1 day ahead.
        let j = one_tracker(&day_before, &[]);
        let s = standing(&j, tz, &day_before, &[]);
        assert_eq!(
            s["next_milestone"],
            next("1 day", change, 1),
            "{tz} {change}"
        );
        let s = standing(&j, tz, change, &[]);
        assert_eq!(s["days"], 1, "{tz} {change}");
        assert_eq!(s["last_milestone"], milestone("1 day", change), "{tz}");

        // Started ten days before: "2 weeks" is four days after the change.
        let j = one_tracker(&shift(change, -10), &[]);
        let s = standing(&j, tz, &day_before, &[]);
        assert_eq!(s["days"], 9, "{tz} {change}");
        assert_eq!(
            s["next_milestone"],
            next("2 weeks", &shift(change, 4), 5),
            "{tz} {change}"
        );

        // 6 months and 1 year land on the same day of the month.
        let j = one_tracker(six_months_before, &[]);
        let s = standing(&j, tz, &day_before, &[]);
        assert_eq!(s["next_milestone"], next("6 months", change, 1), "{tz}");
        let s = standing(&j, tz, change, &[]);
        assert_eq!(s["last_milestone"], milestone("6 months", change), "{tz}");

        let j = one_tracker(year_before, &[]);
        let s = standing(&j, tz, &shift(change, 1), &[]);
        assert_eq!(s["days"], 366, "{tz} {change}");
        assert_eq!(s["last_milestone"], milestone("1 year", change), "{tz}");
    }
}

// ---------------------------------------------------------------------------------------------
// Today is the local date.

fn local_date(tz: &str) -> String {
    let out = StdCommand::new("date")
        .arg("+%F")
        .env("TZ", tz)
        .output()
        .expect("run date");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string()
}

/// Without MILESTONE_TODAY, "on" is the calendar date in `TZ` (read before and after the run, so
/// that midnight passing during the test does not fail it).
#[test]
fn without_milestone_today_on_is_the_local_date_in_tz() {
    // At every moment these two are on different calendar days (UTC+14 and UTC-11).
    assert_ne!(
        local_date("Pacific/Kiritimati"),
        local_date("Pacific/Pago_Pago"),
        "this machine's `date` ignores TZ; the test below would prove nothing"
    );
    let journal = one_tracker("2000-01-01", &[]);
    let before_runs = journal.bytes();
    // TZ may also name a zone file by its path, or be a POSIX rule (UTC+14 and UTC-11 again).
    let zone_file = journal.folder().join("zone");
    std::fs::copy("/usr/share/zoneinfo/Pacific/Kiritimati", &zone_file).expect("copy a zone");
    let zone_file = zone_file.to_str().expect("utf-8 path").to_string();
    for tz in [
        "America/New_York",
        "Europe/London",
        "Australia/Lord_Howe",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "UTC",
        zone_file.as_str(),
        "XYZ-14",
        "ABC11",
    ] {
        let before = local_date(tz);
        let mut cmd = journal.cmd(&["streak", "--format", "json"]);
        cmd.env("TZ", tz).env_remove("MILESTONE_TODAY");
        let out = json(&run_ok(cmd));
        let after = local_date(tz);
        let on = out[0]["on"].as_str().expect("on").to_string();
        assert!(
            on == before || on == after,
            "TZ={tz}: on is {on}, but the local date is {before} / {after}"
        );
        let expected_days = (date(&on) - date("2000-01-01")).num_days();
        assert_eq!(out[0]["days"], expected_days, "TZ={tz}");
    }
    assert_eq!(journal.bytes(), before_runs, "reading changed the journal");
}

// ---------------------------------------------------------------------------------------------
// Leap days and month ends.

#[test]
fn leap_day_and_month_end_milestones() {
    // (since, today, next label, next date, days left)
    let cases = [
        ("2024-02-29", "2025-01-10", "1 year", "2025-02-28", 49),
        ("2024-02-29", "2025-02-28", "18 months", "2025-08-29", 182),
        ("2024-02-29", "2026-11-24", "1000 days", "2026-11-25", 1),
        ("2024-02-29", "2026-11-25", "3 years", "2027-02-28", 95),
        ("2024-02-29", "2027-12-31", "4 years", "2028-02-29", 60),
        ("2025-08-31", "2026-01-15", "6 months", "2026-02-28", 44),
        ("2025-08-31", "2026-03-01", "9 months", "2026-05-31", 91),
        ("2023-08-31", "2024-02-01", "6 months", "2024-02-29", 28),
        ("2025-05-31", "2025-11-01", "6 months", "2025-11-30", 29),
        ("2025-12-31", "2026-06-01", "6 months", "2026-06-30", 29),
        ("2024-12-31", "2026-06-01", "18 months", "2026-06-30", 29),
        ("2025-01-31", "2025-10-01", "9 months", "2025-10-31", 30),
    ];
    for (since, today, label, on, days_left) in cases {
        let j = one_tracker(since, &[]);
        let s = standing(&j, "UTC", today, &[]);
        assert_eq!(
            s["next_milestone"],
            next(label, on, days_left),
            "since {since}, on {today}: {s}"
        );
    }
    // The day itself: reached, and the count in days.
    let j = one_tracker("2024-02-29", &[]);
    let s = standing(&j, "UTC", "2025-02-28", &[]);
    assert_eq!(s["days"], 365);
    assert_eq!(s["last_milestone"], milestone("1 year", "2025-02-28"));
    let s = standing(&j, "UTC", "2026-11-25", &[]);
    assert_eq!(s["days"], 1000);
    assert_eq!(s["last_milestone"], milestone("1000 days", "2026-11-25"));
    let j = one_tracker("2025-08-31", &[]);
    let s = standing(&j, "UTC", "2026-02-28", &[]);
    assert_eq!(s["days"], 181);
    assert_eq!(s["last_milestone"], milestone("6 months", "2026-02-28"));
}

#[test]
fn day_counts_across_february() {
    // (since, today, days): 2000 is a leap year, 2100 is not.
    let cases = [
        ("2024-02-28", "2024-03-01", 2),
        ("2023-02-28", "2023-03-01", 1),
        ("2000-02-28", "2000-03-01", 2),
        ("2100-02-28", "2100-03-01", 1),
        ("2024-01-01", "2025-01-01", 366),
        ("2025-01-01", "2026-01-01", 365),
        ("1970-01-01", "2000-01-01", 10957),
    ];
    for (since, today, days) in cases {
        let j = one_tracker(since, &[]);
        let s = standing(&j, "UTC", today, &[]);
        assert_eq!(s["days"], days, "since {since}, on {today}");
        assert_eq!(s["total_days"], days, "since {since}, on {today}");
    }
}

// ---------------------------------------------------------------------------------------------
// --on in the past, and a reset on D.

#[test]
fn on_in_the_past_counts_as_of_that_day() {
    let j = one_tracker(
        "2026-01-01",
        &[
            ("2026-05-29", "checkin"),
            ("2026-05-30", "checkin"),
            ("2026-05-31", "checkin"),
            ("2026-06-01", "reset"),
            ("2026-06-01", "checkin"),
            ("2026-06-02", "checkin"),
            ("2026-06-03", "checkin"),
            ("2026-10-01", "reset"),
            ("2026-11-24", "checkin"),
        ],
    );
    let s = standing(&j, "UTC", "2026-11-25", &["--on", "2026-06-02"]);
    assert_eq!(
        s,
        json(
            r#"{"tracker": "alcohol", "start": "2026-06-01", "on": "2026-06-02", "days": 1,
                "longest_days": 151, "total_days": 151, "resets": 1, "checkin_streak": 5, "pledge_streak": 0, "urges_30_days": 0,
                "last_milestone": {"label": "1 day", "date": "2026-06-02"},
                "next_milestone": {"label": "3 days", "date": "2026-06-04", "days_left": 2}}"#
        )
    );
    // Relative forms count back from today.
    let s = standing(&j, "UTC", "2026-11-25", &["--on", "yesterday"]);
    assert_eq!(
        s,
        json(
            r#"{"tracker": "alcohol", "start": "2026-10-01", "on": "2026-11-24", "days": 54,
                "longest_days": 151, "total_days": 325, "resets": 2, "checkin_streak": 1, "pledge_streak": 0, "urges_30_days": 0,
                "last_milestone": {"label": "30 days", "date": "2026-10-31"},
                "next_milestone": {"label": "60 days", "date": "2026-11-30", "days_left": 6}}"#
        )
    );
    let s = standing(&j, "UTC", "2026-11-25", &["--on", "55 days ago"]);
    assert_eq!(s["on"], "2026-10-01");
    assert_eq!(
        (&s["start"], &s["days"]),
        (&json(r#""2026-10-01""#), &json("0"))
    );
    assert_eq!(s["resets"], 2);
    assert_eq!(s["total_days"], 272);
    // Before since there is no standing: an error that says what to do.
    let stderr = j.fails(1, &["streak", "--format", "json", "--on", "2025-12-31"]);
    assert!(stderr.contains("--on"), "{stderr}");
}

#[test]
fn a_reset_on_d_itself() {
    let expected = json(
        r#"{"tracker": "alcohol", "start": "2026-11-25", "on": "2026-11-25", "days": 0,
            "longest_days": 328, "total_days": 328, "resets": 1, "checkin_streak": 0, "pledge_streak": 0, "urges_30_days": 0,
            "last_milestone": null,
            "next_milestone": {"label": "1 day", "date": "2026-11-26", "days_left": 1}}"#,
    );
    // Written by hand, twice on the same day.
    let j = one_tracker(
        "2026-01-01",
        &[("2026-11-25", "reset"), ("2026-11-25", "reset")],
    );
    assert_eq!(standing(&j, "UTC", "2026-11-25", &[]), expected);
    // Recorded with `milestone reset` (today by default).
    let j = one_tracker("2026-01-01", &[]);
    j.ok(&["reset"]);
    assert_eq!(standing(&j, "UTC", "2026-11-25", &[]), expected);
    // The day after, the reset day is the one day it cost.
    let s = standing(&j, "UTC", "2026-11-26", &[]);
    assert_eq!(
        (&s["days"], &s["longest_days"], &s["total_days"]),
        (&json("1"), &json("328"), &json("328"))
    );
}
