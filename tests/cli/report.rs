//! `milestone report`: whole pages as reviewed snapshots, exact figures in its JSON, and the
//! promises every page keeps (80 columns, no colour in a pipe, private text stays private,
//! journal text cannot break the Markdown).
//!
//! Every run passes `--config` pointing at a file that does not exist, so that a settings file
//! in the developer's own config folder cannot change what these tests see.

use serde_json::{Value, json};

use crate::common::{CONTRACT_EXAMPLE, TestJournal, json, run_ok};

/// The sample journal: alcohol since 2025-11-20 with one reset on 2026-06-02, smoking since
/// 2026-02-01, about a year of entries.
const SAMPLE: &str = include_str!("../../examples/journal.toml");
/// One tracker, five finished streaks (two resets on one day), private and public wins/resets.
const MANY_RESETS: &str = include_str!("../fixtures/many_resets.toml");
/// alcohol from a leap day (1000 days on TODAY), self-harm from Aug 31, smoking from TODAY.
const SEVERAL_TRACKERS: &str = include_str!("../fixtures/several_trackers.toml");
/// A tracker and nothing else.
const NO_ENTRIES: &str = r#"version = 1

[[tracker]]
name = "cannabis"
since = 2026-11-10
"#;

/// `milestone --config <nowhere> ARGS` on the journal; requires success and no stderr.
fn run(journal: &TestJournal, args: &[&str]) -> String {
    let nowhere = journal.folder().join("no-settings-here.toml");
    let mut cmd = journal.cmd(args);
    cmd.arg("--config").arg(nowhere);
    run_ok(cmd)
}

/// The report's JSON array.
fn report_json(journal: &TestJournal, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    match json(&run(journal, &all)) {
        Value::Array(reports) => reports,
        other => panic!("report JSON must be an array: {other}"),
    }
}

/// The one report object for one tracker.
fn one_report(journal: &TestJournal, args: &[&str]) -> Value {
    let mut reports = report_json(journal, args);
    assert_eq!(reports.len(), 1, "{reports:?}");
    reports.remove(0)
}

fn reached(pairs: &[(&str, &str)]) -> Value {
    pairs
        .iter()
        .map(|(label, date)| json!({"label": label, "date": date}))
        .collect()
}

fn upcoming(triples: &[(&str, &str, i64)]) -> Value {
    triples
        .iter()
        .map(|(label, date, left)| json!({"label": label, "date": date, "days_left": left}))
        .collect()
}

/// The values of `field` in a list of entries.
fn field(entries: &Value, field: &str) -> Vec<Value> {
    entries
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {entries}"))
        .iter()
        .map(|e| e[field].clone())
        .collect()
}

fn strings(values: &[&str]) -> Vec<Value> {
    values.iter().map(|v| json!(v)).collect()
}

/// Text without SGR colour sequences (`ESC [ ... m`).
fn without_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[track_caller]
fn assert_fits_80_columns(text: &str, what: &str) {
    for line in without_sgr(text).lines() {
        assert!(
            line.chars().count() <= 80,
            "{what}: a line of {} columns:\n{line}",
            line.chars().count()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Snapshots of whole pages. Review a change with `cargo insta review` (or INSTA_UPDATE=always
// and `git diff`): these are the words people read.

#[test]
fn snapshot_sample_text_today() {
    let journal = TestJournal::with(SAMPLE);
    insta::assert_snapshot!("sample_text_2026_11_25", run(&journal, &["report"]));
}

#[test]
fn snapshot_sample_markdown_today() {
    let journal = TestJournal::with(SAMPLE);
    insta::assert_snapshot!(
        "sample_markdown_2026_11_25",
        run(&journal, &["report", "--format", "markdown"])
    );
}

#[test]
fn snapshot_sample_text_on_the_reset_day() {
    let journal = TestJournal::with(SAMPLE);
    insta::assert_snapshot!(
        "sample_text_2026_06_02_reset_day",
        run(&journal, &["report", "--on", "2026-06-02"])
    );
}

#[test]
fn snapshot_sample_markdown_on_the_reset_day() {
    let journal = TestJournal::with(SAMPLE);
    insta::assert_snapshot!(
        "sample_markdown_2026_06_02_reset_day",
        run(
            &journal,
            &["report", "--on", "2026-06-02", "--format", "markdown"]
        )
    );
}

#[test]
fn snapshot_no_entries_text() {
    let journal = TestJournal::with(NO_ENTRIES);
    insta::assert_snapshot!("no_entries_text", run(&journal, &["report"]));
}

#[test]
fn snapshot_no_entries_markdown() {
    let journal = TestJournal::with(NO_ENTRIES);
    insta::assert_snapshot!(
        "no_entries_markdown",
        run(&journal, &["report", "--format", "markdown"])
    );
}

#[test]
fn snapshot_no_entries_on_the_first_day_text() {
    let journal = TestJournal::with(NO_ENTRIES);
    insta::assert_snapshot!(
        "no_entries_first_day_text",
        run(&journal, &["report", "--on", "2026-11-10"])
    );
}

#[test]
fn snapshot_many_resets_text() {
    let journal = TestJournal::with(MANY_RESETS);
    insta::assert_snapshot!("many_resets_text", run(&journal, &["report"]));
}

#[test]
fn snapshot_many_resets_markdown() {
    let journal = TestJournal::with(MANY_RESETS);
    insta::assert_snapshot!(
        "many_resets_markdown",
        run(&journal, &["report", "--format", "markdown"])
    );
}

#[test]
fn snapshot_several_trackers_text() {
    let journal = TestJournal::with(SEVERAL_TRACKERS);
    insta::assert_snapshot!("several_trackers_text", run(&journal, &["report"]));
}

#[test]
fn snapshot_several_trackers_markdown() {
    let journal = TestJournal::with(SEVERAL_TRACKERS);
    insta::assert_snapshot!(
        "several_trackers_markdown",
        run(&journal, &["report", "--format", "markdown"])
    );
}

#[test]
fn snapshot_contract_example_text() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    insta::assert_snapshot!("contract_example_text", run(&journal, &["report"]));
}

// ---------------------------------------------------------------------------------------------
// Exact figures, computed by hand.

#[test]
fn json_contract_example() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let r = one_report(&journal, &[]);
    // The contract's fields, exactly.
    assert_eq!(r["tracker"], "alcohol");
    assert_eq!(r["start"], "2026-03-14");
    assert_eq!(r["on"], "2026-11-25");
    assert_eq!(r["days"], 256);
    assert_eq!(
        r["reached"],
        reached(&[
            ("1 day", "2026-03-15"),
            ("3 days", "2026-03-17"),
            ("1 week", "2026-03-21"),
            ("2 weeks", "2026-03-28"),
            ("30 days", "2026-04-13"),
            ("60 days", "2026-05-13"),
            ("90 days", "2026-06-12"),
            ("100 days", "2026-06-22"),
            ("6 months", "2026-09-14"),
        ])
    );
    assert_eq!(
        r["upcoming"],
        upcoming(&[
            ("9 months", "2026-12-14", 19),
            ("1 year", "2027-03-14", 109),
            ("18 months", "2027-09-14", 293),
        ])
    );
    assert_eq!(r["wins"], json!([]));
    assert_eq!(r["resets"], json!([]));
    // The extra fields.
    assert_eq!(r["since"], "2026-03-14");
    assert_eq!(r["total_days"], 256);
    assert_eq!(r["elapsed_days"], 256);
    assert_eq!(r["longest_days"], 256);
    assert_eq!(r["checkin_streak"], 3);
    assert_eq!(r["past_streaks"], json!([]));
    assert_eq!(r["average_of_last_three"], Value::Null);
    assert_eq!(r["cost_per_day"], Value::Null);
    assert_eq!(r["money_not_spent"], Value::Null);
    assert_eq!(
        r["checkin_days"],
        json!(["2026-11-22", "2026-11-23", "2026-11-24"])
    );
    assert_eq!(
        r["mood_by_month"],
        json!([{"month": "2026-11", "average": 4.0, "entries": 1}])
    );
}

#[test]
fn json_sample_today_both_trackers() {
    let journal = TestJournal::with(SAMPLE);
    let reports = report_json(&journal, &[]);
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert_eq!(reports[0]["tracker"], "alcohol");
    assert_eq!(reports[1]["tracker"], "smoking");

    let a = &reports[0];
    assert_eq!(a["start"], "2026-06-02");
    assert_eq!(a["on"], "2026-11-25");
    assert_eq!(a["days"], 176);
    assert_eq!(
        a["reached"],
        reached(&[
            ("1 day", "2026-06-03"),
            ("3 days", "2026-06-05"),
            ("1 week", "2026-06-09"),
            ("2 weeks", "2026-06-16"),
            ("30 days", "2026-07-02"),
            ("60 days", "2026-08-01"),
            ("90 days", "2026-08-31"),
            ("100 days", "2026-09-10"),
        ])
    );
    assert_eq!(
        a["upcoming"],
        upcoming(&[
            ("6 months", "2026-12-02", 7),
            ("9 months", "2027-03-02", 97),
            ("1 year", "2027-06-02", 189),
        ])
    );
    assert_eq!(
        field(&a["wins"], "date"),
        strings(&[
            "2026-11-01",
            "2026-09-14",
            "2026-05-10",
            "2026-03-03",
            "2025-12-25"
        ])
    );
    assert_eq!(
        field(&a["wins"], "text"),
        strings(&[
            "Dad said he's proud of me",
            "Paid off the credit card",
            "Ran my first 5k",
            "Got my driving licence back",
            "First sober Christmas in nine years",
        ])
    );
    assert_eq!(field(&a["wins"], "kind"), strings(&["win"; 5]));
    assert_eq!(field(&a["resets"], "id"), strings(&["38vyhnt"]));
    assert_eq!(field(&a["resets"], "date"), strings(&["2026-06-02"]));
    assert_eq!(field(&a["resets"], "kind"), strings(&["reset"]));
    assert_eq!(a["since"], "2025-11-20");
    // "369 of 370 days since 2025-11-20".
    assert_eq!(a["total_days"], 369);
    assert_eq!(a["elapsed_days"], 370);
    assert_eq!(a["longest_days"], 194);
    assert_eq!(a["checkin_streak"], 3);
    assert_eq!(
        a["past_streaks"],
        json!([{"start": "2025-11-20", "end": "2026-06-02", "days": 194}])
    );
    assert_eq!(a["average_of_last_three"], 194.0);
    assert_eq!(a["cost_per_day"], 12.5);
    assert_eq!(a["money_not_spent"], 4612.5);

    let s = &reports[1];
    assert_eq!(s["start"], "2026-02-01");
    assert_eq!(s["days"], 297);
    assert_eq!(
        s["reached"],
        reached(&[
            ("1 day", "2026-02-02"),
            ("3 days", "2026-02-04"),
            ("1 week", "2026-02-08"),
            ("2 weeks", "2026-02-15"),
            ("30 days", "2026-03-03"),
            ("60 days", "2026-04-02"),
            ("90 days", "2026-05-02"),
            ("100 days", "2026-05-12"),
            ("6 months", "2026-08-01"),
            ("9 months", "2026-11-01"),
        ])
    );
    assert_eq!(
        s["upcoming"],
        upcoming(&[
            ("1 year", "2027-02-01", 68),
            ("18 months", "2027-08-01", 249),
            ("2 years", "2028-02-01", 433),
        ])
    );
    assert_eq!(
        field(&s["wins"], "text"),
        strings(&["Climbed the stairs without stopping"])
    );
    assert_eq!(s["resets"], json!([]));
    assert_eq!(s["total_days"], 297);
    assert_eq!(s["longest_days"], 297);
    assert_eq!(s["past_streaks"], json!([]));
    assert_eq!(s["average_of_last_three"], Value::Null);
    assert_eq!(s["money_not_spent"], 2673.0);
}

#[test]
fn json_sample_on_the_reset_day() {
    let journal = TestJournal::with(SAMPLE);
    let a = one_report(&journal, &["alcohol", "--on", "2026-06-02"]);
    assert_eq!(a["start"], "2026-06-02");
    assert_eq!(a["on"], "2026-06-02");
    assert_eq!(a["days"], 0);
    assert_eq!(a["reached"], json!([]));
    assert_eq!(
        a["upcoming"],
        upcoming(&[
            ("1 day", "2026-06-03", 1),
            ("3 days", "2026-06-05", 3),
            ("1 week", "2026-06-09", 7),
        ])
    );
    // Wins after the day are left out; the reset of that very day is in.
    assert_eq!(
        field(&a["wins"], "date"),
        strings(&["2026-05-10", "2026-03-03", "2025-12-25"])
    );
    assert_eq!(field(&a["resets"], "date"), strings(&["2026-06-02"]));
    // A reset on D itself is not yet taken off: 194 of 194.
    assert_eq!(a["total_days"], 194);
    assert_eq!(a["elapsed_days"], 194);
    assert_eq!(a["longest_days"], 194);
    assert_eq!(
        a["past_streaks"],
        json!([{"start": "2025-11-20", "end": "2026-06-02", "days": 194}])
    );
    assert_eq!(a["money_not_spent"], 2425.0);
}

#[test]
fn json_many_resets_past_streaks_and_their_average() {
    let journal = TestJournal::with(MANY_RESETS);
    let r = one_report(&journal, &[]);
    assert_eq!(r["tracker"], "gambling");
    assert_eq!(r["start"], "2026-09-01");
    assert_eq!(r["days"], 85);
    assert_eq!(
        r["reached"],
        reached(&[
            ("1 day", "2026-09-02"),
            ("3 days", "2026-09-04"),
            ("1 week", "2026-09-08"),
            ("2 weeks", "2026-09-15"),
            ("30 days", "2026-10-01"),
            ("60 days", "2026-10-31"),
        ])
    );
    assert_eq!(
        r["upcoming"],
        upcoming(&[
            ("90 days", "2026-11-30", 5),
            ("100 days", "2026-12-10", 15),
            ("6 months", "2027-03-01", 96),
        ])
    );
    // Two resets on 2026-02-10: both are history, but they end only one streak.
    assert_eq!(
        field(&r["resets"], "date"),
        strings(&[
            "2026-09-01",
            "2026-06-30",
            "2026-04-01",
            "2026-02-10",
            "2026-02-10",
            "2026-01-11"
        ])
    );
    assert_eq!(
        field(&r["wins"], "id"),
        strings(&["mr00009", "mr00007", "mr00004"])
    );
    assert_eq!(
        r["past_streaks"],
        json!([
            {"start": "2026-01-01", "end": "2026-01-11", "days": 10},
            {"start": "2026-01-11", "end": "2026-02-10", "days": 30},
            {"start": "2026-02-10", "end": "2026-04-01", "days": 50},
            {"start": "2026-04-01", "end": "2026-06-30", "days": 90},
            {"start": "2026-06-30", "end": "2026-09-01", "days": 63},
        ])
    );
    // (50 + 90 + 63) / 3
    let average = r["average_of_last_three"].as_f64().expect("a number");
    assert!((average - 203.0 / 3.0).abs() < 1e-9, "{average}");
    assert_eq!(r["longest_days"], 90);
    // 328 days since 2026-01-01, less five distinct reset days.
    assert_eq!(r["elapsed_days"], 328);
    assert_eq!(r["total_days"], 323);
    assert_eq!(r["cost_per_day"], 20.0);
    assert_eq!(r["money_not_spent"], 6460.0);
    assert_eq!(r["checkin_streak"], 3);
    assert_eq!(
        r["checkin_days"],
        json!(["2026-11-23", "2026-11-24", "2026-11-25"])
    );
    assert_eq!(
        r["mood_by_month"],
        json!([
            {"month": "2026-03", "average": 4.0, "entries": 1},
            {"month": "2026-04", "average": 1.0, "entries": 1},
            {"month": "2026-06", "average": 2.0, "entries": 1},
            {"month": "2026-08", "average": 5.0, "entries": 1},
            {"month": "2026-10", "average": 5.0, "entries": 1},
            {"month": "2026-11", "average": 4.0, "entries": 3},
        ])
    );
}

#[test]
fn json_many_resets_on_a_past_reset_day() {
    let journal = TestJournal::with(MANY_RESETS);
    let r = one_report(&journal, &["--on", "2026-06-30"]);
    assert_eq!(r["start"], "2026-06-30");
    assert_eq!(r["days"], 0);
    assert_eq!(r["reached"], json!([]));
    assert_eq!(
        field(&r["past_streaks"], "days"),
        vec![json!(10), json!(30), json!(50), json!(90)]
    );
    // (30 + 50 + 90) / 3
    let average = r["average_of_last_three"].as_f64().expect("a number");
    assert!((average - 170.0 / 3.0).abs() < 1e-9, "{average}");
    // 180 days since 2026-01-01, less the reset days 01-11, 02-10 and 04-01 (not 06-30 itself).
    assert_eq!(r["elapsed_days"], 180);
    assert_eq!(r["total_days"], 177);
    assert_eq!(r["money_not_spent"], 3540.0);
    assert_eq!(
        field(&r["resets"], "date"),
        strings(&[
            "2026-06-30",
            "2026-04-01",
            "2026-02-10",
            "2026-02-10",
            "2026-01-11"
        ])
    );
    assert_eq!(field(&r["wins"], "id"), strings(&["mr00004"]));
    assert_eq!(r["checkin_days"], json!([]));
}

#[test]
fn json_several_trackers_with_month_end_clamping() {
    let journal = TestJournal::with(SEVERAL_TRACKERS);
    let reports = report_json(&journal, &[]);
    let names: Vec<&str> = reports
        .iter()
        .map(|r| r["tracker"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["alcohol", "self-harm", "smoking"]);

    let a = &reports[0];
    assert_eq!(a["days"], 1000);
    let last_four: Vec<Value> = a["reached"].as_array().unwrap()[10..].to_vec();
    assert_eq!(
        Value::from(last_four),
        reached(&[
            ("1 year", "2025-02-28"),
            ("18 months", "2025-08-29"),
            ("2 years", "2026-02-28"),
            ("1000 days", "2026-11-25"),
        ])
    );
    assert_eq!(
        a["upcoming"],
        upcoming(&[
            ("3 years", "2027-02-28", 95),
            ("4 years", "2028-02-29", 461),
            ("5 years", "2029-02-28", 826),
        ])
    );
    assert_eq!(a["money_not_spent"], 8750.0);
    assert_eq!(a["checkin_streak"], 1);

    let h = &reports[1];
    assert_eq!(h["days"], 86);
    assert_eq!(
        h["upcoming"],
        upcoming(&[
            ("90 days", "2026-11-29", 4),
            ("100 days", "2026-12-09", 14),
            ("6 months", "2027-02-28", 95),
        ])
    );
    assert_eq!(h["money_not_spent"], Value::Null);
    assert_eq!(h["checkin_streak"], 0);

    let s = &reports[2];
    assert_eq!(s["days"], 0);
    assert_eq!(s["reached"], json!([]));
    assert_eq!(
        s["upcoming"],
        upcoming(&[
            ("1 day", "2026-11-26", 1),
            ("3 days", "2026-11-28", 3),
            ("1 week", "2026-12-02", 7),
        ])
    );
    assert_eq!(s["total_days"], 0);
    assert_eq!(s["money_not_spent"], 0.0);
}

#[test]
fn json_upcoming_always_lists_three() {
    let journal = TestJournal::with(SAMPLE);
    for on in [
        "2025-11-20",
        "2026-01-01",
        "2026-06-02",
        "2026-11-25",
        "2030-01-01",
    ] {
        for r in report_json(&journal, &["--on", on]) {
            let upcoming = r["upcoming"].as_array().unwrap();
            assert_eq!(upcoming.len(), 3, "on {on}: {r}");
            let mut previous = 0;
            for m in upcoming {
                let left = m["days_left"].as_i64().unwrap();
                assert!(left > previous, "on {on}: {upcoming:?}");
                previous = left;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Human text: the figures the issue names, in words.

#[test]
fn text_says_the_figures_in_words() {
    let journal = TestJournal::with(SAMPLE);
    let text = run(&journal, &["report", "alcohol"]);
    for needle in [
        "176 days alcohol-free (5 months, 23 days), started again on 2026-06-02.",
        "Every day still counts: 369 of 370 days since 2025-11-20.",
        "Longest streak: 194 days.",
        "Money not spent: 4,612.50 (12.50 a day).",
        "  100 days  2026-09-10",
        "  6 months  2026-12-02  in 7 days",
        "  1 year    2027-06-02  in 189 days",
        "  2025-11-20 to 2026-06-02  194 days",
    ] {
        assert!(text.contains(needle), "expected {needle:?} in\n{text}");
    }
    // Wins newest first.
    let newest = text.find("Dad said he's proud of me").unwrap();
    let oldest = text.find("First sober Christmas in nine years").unwrap();
    assert!(newest < oldest, "{text}");
}

#[test]
fn text_shows_the_average_of_the_last_three_streaks() {
    let journal = TestJournal::with(MANY_RESETS);
    let text = run(&journal, &["report"]);
    assert!(
        text.contains("  Average of the last 3: 67.7 days."),
        "{text}"
    );
    let markdown = run(&journal, &["report", "--format", "markdown"]);
    assert!(
        markdown.contains("Average of the last 3: 67.7 days."),
        "{markdown}"
    );
}

#[test]
fn a_milestone_on_the_day_is_marked_today() {
    let journal = TestJournal::with(SEVERAL_TRACKERS);
    let text = run(&journal, &["report", "alcohol"]);
    assert!(text.contains("  1000 days  2026-11-25  today!\n"), "{text}");
}

#[test]
fn a_finite_ladder_that_is_climbed_says_so_kindly() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = journal.folder().join("config.toml");
    std::fs::write(&config, "ladder = [\"1d\", \"1w\"]\n").unwrap();
    let config = config.to_str().unwrap();
    let text = journal.ok(&["--config", config, "report"]);
    assert!(
        text.contains("Your ladder has no more steps; every day is its own milestone."),
        "{text}"
    );
    let r = json(&journal.ok(&["--config", config, "report", "--format", "json"]));
    assert_eq!(r[0]["upcoming"], json!([]));
    assert_eq!(
        r[0]["reached"],
        reached(&[("1 day", "2026-03-15"), ("1 week", "2026-03-21")])
    );
}

// ---------------------------------------------------------------------------------------------
// Layout and colour.

#[test]
fn every_piped_line_fits_80_columns() {
    let usual = ["2026-06-02", "2026-11-25", "2027-12-31"];
    for (name, text, days) in [
        ("sample", SAMPLE, usual),
        ("many resets", MANY_RESETS, usual),
        ("several trackers", SEVERAL_TRACKERS, usual),
        (
            "no entries",
            NO_ENTRIES,
            ["2026-11-10", "2026-11-25", "2027-12-31"],
        ),
        ("contract example", CONTRACT_EXAMPLE, usual),
    ] {
        let journal = TestJournal::with(text);
        for on in days {
            let out = run(&journal, &["report", "--on", on]);
            assert_fits_80_columns(&out, &format!("{name} on {on}"));
        }
    }
}

#[test]
fn colour_never_reaches_a_pipe() {
    let journal = TestJournal::with(SAMPLE);
    for args in [
        &["report"][..],
        &["report", "--color", "auto"],
        &["report", "--color", "never"],
        &["report", "--format", "markdown"],
        &["report", "--format", "json"],
        &["report", "--format", "markdown", "--color", "always"],
        &["report", "--format", "json", "--color", "always"],
    ] {
        let out = run(&journal, args);
        assert!(!out.contains('\u{1b}'), "{args:?} wrote an escape:\n{out}");
    }
}

#[test]
fn no_color_env_wins_over_auto() {
    let journal = TestJournal::with(SAMPLE);
    let mut cmd = journal.cmd(&["report"]);
    cmd.env("NO_COLOR", "1");
    assert!(!run_ok(cmd).contains('\u{1b}'));
}

#[test]
fn color_always_paints_the_text_report_and_keeps_80_columns() {
    let journal = TestJournal::with(SAMPLE);
    let out = run(&journal, &["report", "--color", "always"]);
    assert!(
        out.contains("\u{1b}["),
        "no escapes with --color always:\n{out}"
    );
    assert_fits_80_columns(&out, "--color always");
    // The same words underneath, with Unicode cells and bars instead of ASCII.
    let plain = run(&journal, &["report"]);
    let unpainted = without_sgr(&out);
    assert_eq!(unpainted.lines().count(), plain.lines().count());
    assert!(unpainted.contains("■"), "{unpainted}");
    assert!(!plain.contains("■"), "{plain}");
}

#[test]
fn journal_text_cannot_send_escapes_to_the_terminal() {
    let journal = TestJournal::with(
        r#"version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14

[[entry]]
date = 2026-11-01
tracker = "alcohol"
kind = "win"
text = "red \u001b[31m alert \u001b]52;c;aGk=\u0007 bidi \u202e txt"
"#,
    );
    for format in ["text", "markdown"] {
        let out = run(&journal, &["report", "--format", format]);
        assert!(!out.contains('\u{1b}'), "{format}:\n{out}");
        assert!(!out.contains('\u{7}'), "{format}:\n{out}");
        assert!(!out.contains('\u{202e}'), "{format}:\n{out}");
        assert!(out.contains("alert"), "{format}:\n{out}");
    }
}

// ---------------------------------------------------------------------------------------------
// Private text stays private.

#[test]
fn private_wins_and_resets_show_only_private() {
    let journal = TestJournal::with(MANY_RESETS);
    for format in ["text", "markdown"] {
        let out = run(&journal, &["report", "--format", format]);
        for secret in ["Blocked every betting site", "Payday; the old route home"] {
            assert!(!out.contains(secret), "{format} leaked {secret:?}:\n{out}");
        }
        assert_eq!(out.matches("(private)").count(), 2, "{format}:\n{out}");
        // Their days are still there: a private entry is hidden, not erased.
        assert!(out.contains("2026-08-20"), "{format}:\n{out}");
        assert!(out.contains("2026-09-01"), "{format}:\n{out}");
    }
}

#[test]
fn private_checkins_never_appear_either() {
    let journal = TestJournal::with(SAMPLE);
    for format in ["text", "markdown"] {
        let out = run(&journal, &["report", "--format", format]);
        for secret in [
            "Bad dream about drinking",
            "Argued with Dad again",
            "Money worries",
            "old bar",
        ] {
            assert!(!out.contains(secret), "{format} leaked {secret:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown that journal text cannot break.

const HOSTILE: &str = r##"version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14
cost_per_day = 5

[[entry]]
date = 2026-06-01
tracker = "alcohol"
kind = "win"
text = "[x](http://evil) **bold** | a | b <script>alert(1)</script> `code` ![img](http://t/p.png)"

[[entry]]
date = 2026-07-01
tracker = "alcohol"
kind = "reset"
text = "# not a heading\n- not an item\n| --- | --- |\n```"

[[entry]]
date = 2026-07-02
tracker = "alcohol"
kind = "win"
text = "_under_ ~~strike~~ <b>html</b> &amp; 1. not a list"
"##;

/// The number of `|` not escaped with a backslash.
fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match (c, escaped) {
            ('\\', false) => escaped = true,
            ('|', false) => count += 1,
            _ => escaped = false,
        }
    }
    count
}

#[test]
fn markdown_escapes_hostile_notes() {
    let journal = TestJournal::with(HOSTILE);
    let md = run(&journal, &["report", "--format", "markdown"]);
    for raw in [
        "[x](http://evil)",
        "**bold**",
        "<script>",
        "`code`",
        "![img]",
        "<b>",
        "_under_",
        "~~strike~~",
    ] {
        assert!(
            !md.contains(raw),
            "{raw:?} reached the Markdown unescaped:\n{md}"
        );
    }
    assert!(md.contains(r"\[x\]"), "{md}");
    assert!(md.contains(r"\*\*bold\*\*"), "{md}");
    assert!(md.contains(r"\| a \| b"), "{md}");
    // A note is one list item on one line: no heading, item, table row or fence of its own.
    for line in md.lines() {
        assert!(!line.starts_with("# not"), "{md}");
        assert!(!line.starts_with("- not"), "{md}");
    }
    assert_eq!(
        md.matches("```").count(),
        2,
        "only the calendar's fence:\n{md}"
    );
    let reset = md
        .lines()
        .find(|l| l.starts_with("- **2026-07-01**"))
        .unwrap_or_else(|| panic!("no reset item:\n{md}"));
    assert!(
        reset.contains(r"\# not a heading - not an item \| --- \| --- \|"),
        "{reset}"
    );
}

#[test]
fn markdown_tables_keep_their_shape() {
    for text in [HOSTILE, SAMPLE, MANY_RESETS, SEVERAL_TRACKERS] {
        let journal = TestJournal::with(text);
        let md = run(&journal, &["report", "--format", "markdown"]);
        let mut columns: Option<usize> = None;
        let mut tables = 0;
        for line in md.lines() {
            if line.starts_with('|') {
                let pipes = unescaped_pipes(line);
                match columns {
                    None => {
                        columns = Some(pipes);
                        tables += 1;
                    }
                    Some(n) => assert_eq!(pipes, n, "a row out of shape: {line}\n{md}"),
                }
                assert!(line.ends_with('|'), "{line}");
            } else {
                columns = None;
            }
        }
        assert!(tables >= 2, "{md}");
    }
}

#[test]
fn markdown_has_the_same_content_as_text() {
    let journal = TestJournal::with(SAMPLE);
    let md = run(&journal, &["report", "alcohol", "--format", "markdown"]);
    for needle in [
        "# Milestone report: alcohol",
        "**176 days alcohol-free** (5 months, 23 days), started again on 2026-06-02.",
        "Every day still counts: 369 of 370 days since 2025-11-20.",
        "Longest streak: 194 days",
        "Money not spent: 4,612.50 (12.50 a day)",
        "| 100 days | 2026-09-10 |",
        "| 6 months | 2026-12-02 | 7 |",
        "| 2025-11-20 | 2026-06-02 | 194 |",
        "## Your wins",
        "## Resets",
        "## Check-ins, last 12 weeks",
        "## Mood by month",
    ] {
        assert!(md.contains(needle), "expected {needle:?} in\n{md}");
    }
}

// ---------------------------------------------------------------------------------------------
// Choosing trackers and days.

#[test]
fn a_named_tracker_reports_only_that_one() {
    let journal = TestJournal::with(SAMPLE);
    let text = run(&journal, &["report", "smoking"]);
    assert!(text.starts_with("Milestone report: smoking "), "{text}");
    assert!(!text.contains("alcohol"), "{text}");
    let md = run(&journal, &["report", "smoking", "--format", "markdown"]);
    assert_eq!(md.matches("# Milestone report:").count(), 1, "{md}");
    let r = report_json(&journal, &["smoking"]);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["tracker"], "smoking");
}

#[test]
fn with_no_tracker_named_every_tracker_is_reported_in_journal_order() {
    let journal = TestJournal::with(SEVERAL_TRACKERS);
    let text = run(&journal, &["report"]);
    let titles: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Milestone report: "))
        .collect();
    assert_eq!(titles.len(), 3, "{text}");
    assert!(titles[0].contains("alcohol") && titles[2].contains("smoking"));
    let md = run(&journal, &["report", "--format", "markdown"]);
    assert_eq!(md.matches("\n---\n").count(), 2, "{md}");
}

#[test]
fn on_a_past_day_trackers_not_yet_begun_are_left_out() {
    let journal = TestJournal::with(SAMPLE);
    // smoking began on 2026-02-01.
    let reports = report_json(&journal, &["--on", "2026-01-15"]);
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert_eq!(reports[0]["tracker"], "alcohol");
    assert_eq!(reports[0]["days"], 56);
    assert_eq!(reports[0]["resets"], json!([]));
    assert_eq!(field(&reports[0]["wins"], "date"), strings(&["2025-12-25"]));
    let text = run(&journal, &["report", "--on", "2026-01-15"]);
    assert!(!text.contains("smoking"), "{text}");
    assert!(text.contains("as of 2026-01-15"), "{text}");
}

#[test]
fn on_takes_relative_dates() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for (words, days) in [("today", 256), ("yesterday", 255), ("3 days ago", 253)] {
        let r = one_report(&journal, &["--on", words]);
        assert_eq!(r["days"], days, "--on {words}");
    }
    // A day yet to come is fine to look at.
    let r = one_report(&journal, &["--on", "2026-12-14"]);
    assert_eq!(r["days"], 275);
    assert_eq!(
        r["reached"].as_array().unwrap().last().unwrap()["label"],
        "9 months"
    );
}

#[test]
fn an_unknown_tracker_is_an_error_naming_the_known_ones() {
    let journal = TestJournal::with(SAMPLE);
    let stderr = journal.fails(1, &["report", "drinking"]);
    assert_eq!(
        stderr,
        "error: there is no tracker named \"drinking\"; your trackers are alcohol, smoking \
         (or begin a new one with `milestone start NAME`)\n"
    );
}

#[test]
fn a_day_before_since_is_an_error() {
    let journal = TestJournal::with(SAMPLE);
    for format in ["text", "markdown", "json"] {
        let stderr = journal.fails(
            1,
            &[
                "report",
                "alcohol",
                "--on",
                "2025-11-19",
                "--format",
                format,
            ],
        );
        assert_eq!(
            stderr,
            "error: alcohol starts on 2025-11-20, after 2025-11-19; \
             choose a day on or after it with --on\n"
        );
    }
    let stderr = journal.fails(1, &["report", "--on", "2025-01-01"]);
    assert!(stderr.contains("2025-01-01"), "{stderr}");
    assert!(stderr.contains("--on"), "{stderr}");
}

#[test]
fn bad_input_is_refused() {
    let journal = TestJournal::with(SAMPLE);
    let stderr = journal.fails(2, &["report", "--on", "2026-13-01"]);
    assert!(stderr.starts_with("error: --on: "), "{stderr}");
    journal.fails(2, &["report", "--format", "pdf"]);
    let empty = TestJournal::empty();
    let stderr = empty.fails(1, &["report"]);
    assert!(stderr.contains("milestone start"), "{stderr}");
    assert!(!empty.path.exists(), "report created a journal");
}

#[test]
fn report_leaves_the_journal_byte_for_byte() {
    let journal = TestJournal::with(SAMPLE);
    let before = journal.bytes();
    for format in ["text", "markdown", "json"] {
        run(&journal, &["report", "--format", format]);
        run(
            &journal,
            &[
                "report",
                "alcohol",
                "--on",
                "2026-06-02",
                "--format",
                format,
            ],
        );
    }
    assert_eq!(journal.bytes(), before);
}

// ---------------------------------------------------------------------------------------------
// Found while writing these tests: the program is wrong here.

#[test]
fn long_names_and_long_notes_still_fit_80_columns() {
    let journal = TestJournal::with(
        r#"version = 1

[[tracker]]
name = "prescription-painkillers"
since = 2024-01-31
cost_per_day = 1234.56

[[entry]]
date = 2026-02-10
tracker = "prescription-painkillers"
kind = "win"
text = "A very long win note that goes on and on about how I finally managed to call my mother and tell her everything"

[[entry]]
date = 2026-03-10
tracker = "prescription-painkillers"
kind = "reset"
text = "Went to the old doctor again"
"#,
    );
    let out = run(&journal, &["report"]);
    assert_fits_80_columns(&out, "long tracker name and long win");
}

#[test]
fn no_line_of_the_text_report_ends_in_spaces() {
    let journal = TestJournal::with(MANY_RESETS);
    let out = run(&journal, &["report"]);
    for line in out.lines() {
        assert_eq!(line, line.trim_end(), "trailing spaces:\n{out}");
    }
}
