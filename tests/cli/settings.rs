//! The settings file: ladders (custom, fellowship presets, per tracker), `day_one`, `emoji`,
//! `default_tracker`, `share_style`; located errors for a bad file; where it is looked for.

use std::fs;
use std::path::PathBuf;

use serde_json::{Value, json};

use crate::common::{CONTRACT_EXAMPLE, TestEnv, TestJournal, json, run_fails, run_ok};

const SAMPLE: &str = include_str!("../../examples/journal.toml");

/// Writes `text` as config.toml beside the journal and returns its path as text.
fn settings(journal: &TestJournal, text: &str) -> String {
    let path = journal.folder().join("config.toml");
    fs::write(&path, text).expect("write settings");
    path.to_str().expect("UTF-8 temp path").to_owned()
}

/// `milestone --journal J --config CONFIG ARGS`: stdout, requiring success and no stderr.
fn with(journal: &TestJournal, config: &str, args: &[&str]) -> String {
    let mut all = vec!["--config", config];
    all.extend_from_slice(args);
    journal.ok(&all)
}

/// The same, with no settings at all (a config path where there is no file).
fn without(journal: &TestJournal, args: &[&str]) -> String {
    let nowhere = journal.folder().join("none.toml");
    with(journal, nowhere.to_str().unwrap(), args)
}

fn milestone_json(label: &str, date: &str) -> Value {
    json!({"label": label, "date": date})
}

fn next_json(label: &str, date: &str, days_left: i64) -> Value {
    json!({"label": label, "date": date, "days_left": days_left})
}

/// `streak --format json` for the one tracker (or the one named).
fn streak(journal: &TestJournal, config: &str, args: &[&str]) -> Value {
    let mut all = vec!["streak", "--format", "json"];
    all.extend_from_slice(args);
    let mut list = json(&with(journal, config, &all));
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    list[0].take()
}

/// `report --format json` for the one tracker (or the one named).
fn report(journal: &TestJournal, config: &str, args: &[&str]) -> Value {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    let mut list = json(&with(journal, config, &all));
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    list[0].take()
}

fn labels_and_dates(pairs: &[(&str, &str)]) -> Value {
    pairs.iter().map(|(l, d)| milestone_json(l, d)).collect()
}

fn upcoming(triples: &[(&str, &str, i64)]) -> Value {
    triples
        .iter()
        .map(|(l, d, n)| next_json(l, d, *n))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Ladders.

#[test]
fn a_custom_ladder_changes_streak_and_report() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(
        &journal,
        "ladder = [\"1d\", \"1w\", \"30d\", \"6m\", \"1y\", \"every 1y\"]\n",
    );

    let s = streak(&journal, &config, &["--on", "2026-03-20"]);
    assert_eq!(s["last_milestone"], milestone_json("1 day", "2026-03-15"));
    assert_eq!(s["next_milestone"], next_json("1 week", "2026-03-21", 1));
    assert_eq!(s["days"], 6);

    let s = streak(&journal, &config, &[]);
    assert_eq!(
        s["last_milestone"],
        milestone_json("6 months", "2026-09-14")
    );
    // Not "9 months": that step is not on this ladder.
    assert_eq!(s["next_milestone"], next_json("1 year", "2027-03-14", 109));

    let r = report(&journal, &config, &[]);
    assert_eq!(
        r["reached"],
        labels_and_dates(&[
            ("1 day", "2026-03-15"),
            ("1 week", "2026-03-21"),
            ("30 days", "2026-04-13"),
            ("6 months", "2026-09-14"),
        ])
    );
    assert_eq!(
        r["upcoming"],
        upcoming(&[
            ("1 year", "2027-03-14", 109),
            ("2 years", "2028-03-14", 475),
            ("3 years", "2029-03-14", 840),
        ])
    );

    let text = with(&journal, &config, &["report"]);
    assert!(
        text.contains("  1 year   2027-03-14  in 109 days\n"),
        "{text}"
    );
    assert!(!text.contains("9 months"), "{text}");
}

#[test]
fn the_aa_preset() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "ladder = \"aa\"\n");
    let s = streak(&journal, &config, &["--on", "2026-03-20"]);
    assert_eq!(s["last_milestone"], milestone_json("1 day", "2026-03-15"));
    assert_eq!(s["next_milestone"], next_json("1 month", "2026-04-14", 25));

    let r = report(&journal, &config, &[]);
    assert_eq!(
        r["reached"],
        labels_and_dates(&[
            ("1 day", "2026-03-15"),
            ("1 month", "2026-04-14"),
            ("2 months", "2026-05-14"),
            ("3 months", "2026-06-14"),
            ("6 months", "2026-09-14"),
        ])
    );
    assert_eq!(
        r["upcoming"],
        upcoming(&[
            ("9 months", "2026-12-14", 19),
            ("1 year", "2027-03-14", 109),
            ("2 years", "2028-03-14", 475),
        ])
    );
}

#[test]
fn the_na_preset() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "ladder = \"na\"\n");
    let s = streak(&journal, &config, &["--on", "2026-03-20"]);
    assert_eq!(s["last_milestone"], Value::Null);
    assert_eq!(s["next_milestone"], next_json("30 days", "2026-04-13", 24));

    let r = report(&journal, &config, &[]);
    assert_eq!(
        r["reached"],
        labels_and_dates(&[
            ("30 days", "2026-04-13"),
            ("60 days", "2026-05-13"),
            ("90 days", "2026-06-12"),
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
    let text = with(&journal, &config, &["report", "--on", "2026-03-20"]);
    assert!(
        text.contains("None yet; the first, 30 days, is close."),
        "{text}"
    );
}

#[test]
fn the_default_preset_is_the_default_ladder() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "ladder = \"default\"\n");
    for args in [
        &["streak", "--format", "json"][..],
        &["report", "--format", "json"],
        &["report"],
    ] {
        assert_eq!(
            with(&journal, &config, args),
            without(&journal, args),
            "{args:?}"
        );
    }
}

#[test]
fn a_ladder_per_tracker() {
    let journal = TestJournal::with(SAMPLE);
    let config = settings(
        &journal,
        "ladder = \"aa\"\n\n[tracker.smoking]\nladder = \"na\"\n",
    );
    let list = json(&with(
        &journal,
        &config,
        &["streak", "--format", "json", "--on", "2026-02-20"],
    ));
    // alcohol (since 2025-11-20) climbs the AA ladder: 3 months falls on that very day.
    assert_eq!(list[0]["tracker"], "alcohol");
    assert_eq!(
        list[0]["last_milestone"],
        milestone_json("3 months", "2026-02-20")
    );
    assert_eq!(
        list[0]["next_milestone"],
        next_json("6 months", "2026-05-20", 89)
    );
    // smoking (since 2026-02-01) climbs NA's: nothing before 30 days.
    assert_eq!(list[1]["tracker"], "smoking");
    assert_eq!(list[1]["last_milestone"], Value::Null);
    assert_eq!(
        list[1]["next_milestone"],
        next_json("30 days", "2026-03-03", 11)
    );

    let r = report(&journal, &config, &["smoking"]);
    assert_eq!(
        r["reached"],
        labels_and_dates(&[
            ("30 days", "2026-03-03"),
            ("60 days", "2026-04-02"),
            ("90 days", "2026-05-02"),
            ("6 months", "2026-08-01"),
            ("9 months", "2026-11-01"),
        ])
    );
}

#[test]
fn a_per_tracker_ladder_alone_leaves_the_others_on_the_default() {
    let journal = TestJournal::with(SAMPLE);
    let config = settings(&journal, "[tracker.smoking]\nladder = [\"every 1y\"]\n");
    let list = json(&with(&journal, &config, &["streak", "--format", "json"]));
    assert_eq!(
        list[0]["next_milestone"],
        next_json("6 months", "2026-12-02", 7)
    );
    assert_eq!(list[1]["last_milestone"], Value::Null);
    assert_eq!(
        list[1]["next_milestone"],
        next_json("1 year", "2027-02-01", 68)
    );
}

// ---------------------------------------------------------------------------------------------
// A settings file with a mistake: exit 1, `PATH:LINE:COL: message`, the journal untouched.

/// Runs reading and writing commands with `config`; each must fail with exit 1 and a message
/// that starts `error: CONFIG:LINE:COL: `, `LINE` as given; returns the (first) message.
#[track_caller]
fn refused(journal: &TestJournal, config: &str, line: usize) -> String {
    let mut first = None;
    for args in [
        &["streak"][..],
        &["report"],
        &["report", "--format", "json"],
        &["share"],
        &["add", "a new day", "--tracker", "alcohol"],
        &["reset", "alcohol"],
        &["start", "gambling"],
    ] {
        let mut all = vec!["--config", config];
        all.extend_from_slice(args);
        let stderr = journal.fails(1, &all);
        let prefix = format!("error: {config}:{line}:");
        assert!(
            stderr.starts_with(&prefix),
            "{args:?}: expected {prefix:?} in {stderr:?}"
        );
        let rest = &stderr[prefix.len()..];
        let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
        assert!(!column.is_empty(), "no column: {stderr:?}");
        assert!(rest[column.len()..].starts_with(": "), "{stderr:?}");
        assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
        first.get_or_insert(stderr);
    }
    first.unwrap()
}

#[test]
fn a_bad_ladder_step_is_located() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "# my ladder\nladder = [\"1d\", \"3q\", \"1y\"]\n");
    let stderr = refused(&journal, &config, 2);
    assert!(stderr.contains("\"3q\" is not a ladder step"), "{stderr}");
    assert!(stderr.contains("Nd, Nw, Nm or Ny"), "{stderr}");
}

#[test]
fn a_bad_step_in_a_long_ladder_is_located_at_the_step() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(
        &journal,
        "ladder = [\n  \"1d\",\n  \"1w\",\n  \"3q\",\n  \"every 1y\",\n]\n",
    );
    let stderr = refused(&journal, &config, 4);
    assert!(
        stderr.starts_with(&format!("error: {config}:4:3: \"3q\" is not a ladder step")),
        "{stderr}"
    );
}

#[test]
fn other_bad_ladders_are_located() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for (text, line, needle) in [
        ("ladder = \"cma\"\n", 1, "unknown ladder \"cma\""),
        ("ladder = []\n", 1, "at least one step"),
        (
            "ladder = [\"every 1y\", \"1d\"]\n",
            1,
            "must be the last step",
        ),
        ("ladder = [\"1d\", \"every 6m\"]\n", 1, "repeats in years"),
        ("ladder = [\"0d\"]\n", 1, "not a ladder step"),
        ("ladder = 30\n", 1, "`ladder` must be"),
        (
            "name = \"Sam\"\n[tracker.smoking]\nladder = \"xx\"\n",
            3,
            "unknown ladder \"xx\"",
        ),
    ] {
        let config = settings(&journal, text);
        let stderr = refused(&journal, &config, line);
        assert!(stderr.contains(needle), "{text:?}: {stderr}");
    }
}

#[test]
fn an_unknown_setting_is_located_at_its_key() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "name = \"Sam\"\nemoji = true\nemjoi = false\n");
    let stderr = refused(&journal, &config, 3);
    assert!(
        stderr.starts_with(&format!("error: {config}:3:1: unknown setting `emjoi`")),
        "{stderr}"
    );
    // It lists the settings there are, so the typo is easy to see.
    assert!(stderr.contains("emoji"), "{stderr}");

    let config = settings(&journal, "[tracker.alcohol]\ncolour = \"red\"\n");
    let stderr = refused(&journal, &config, 2);
    assert!(stderr.contains("`colour`"), "{stderr}");
}

#[test]
fn invalid_toml_is_located() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(
        &journal,
        "name = \"Sam\"\nemoji = true\nladder = [\"1d\",\n",
    );
    let stderr = refused(&journal, &config, 3);
    assert!(stderr.contains("not valid TOML"), "{stderr}");

    let config = settings(&journal, "day_one = yes\n");
    let stderr = refused(&journal, &config, 1);
    assert!(stderr.contains("not valid TOML"), "{stderr}");
}

#[test]
fn a_value_of_the_wrong_type_is_located() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "emoji = \"no\"\n");
    let stderr = refused(&journal, &config, 1);
    assert!(
        stderr.starts_with(&format!(
            "error: {config}:1:9: `emoji` must be true or false"
        )),
        "{stderr}"
    );
    let config = settings(&journal, "day_one = 1\n");
    assert!(refused(&journal, &config, 1).contains("`day_one`"));
    let config = settings(&journal, "default_tracker = 3\n");
    assert!(refused(&journal, &config, 1).contains("`default_tracker`"));
}

// ---------------------------------------------------------------------------------------------
// day_one: the start date is day 1 in human text; JSON keeps the contract's counts.

#[test]
fn day_one_adds_a_day_to_human_text_only() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "day_one = true\n");

    let text = with(&journal, &config, &["streak"]);
    assert!(text.starts_with("alcohol  257 days\n"), "{text}");
    assert!(
        text.contains("  current streak  257 days, since 2026-03-14\n"),
        "{text}"
    );
    assert!(
        text.contains("  total           257 days since 2026-03-14\n"),
        "{text}"
    );
    assert!(!text.contains("256"), "{text}");

    assert_eq!(
        with(&journal, &config, &["share"]),
        "🌱 257 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n"
    );

    let text = with(&journal, &config, &["report"]);
    assert!(
        text.contains("\n257 days alcohol-free (8 months, 11 days), since 2026-03-14.\n"),
        "{text}"
    );
    assert!(
        text.contains("\n257 days in all since 2026-03-14.\n"),
        "{text}"
    );
    assert!(text.contains("\nLongest streak: 257 days.\n"), "{text}");
    let md = with(&journal, &config, &["report", "--format", "markdown"]);
    assert!(md.contains("**257 days alcohol-free**"), "{md}");
    assert!(!md.contains("256"), "{md}");

    let s = streak(&journal, &config, &[]);
    assert_eq!(
        (&s["days"], &s["longest_days"], &s["total_days"]),
        (&json!(256), &json!(256), &json!(256))
    );
    let r = report(&journal, &config, &[]);
    assert_eq!(
        (&r["days"], &r["longest_days"], &r["total_days"]),
        (&json!(256), &json!(256), &json!(256))
    );
    // The JSON is exactly what it is without the setting.
    assert_eq!(
        with(&journal, &config, &["report", "--format", "json"]),
        without(&journal, &["report", "--format", "json"])
    );
    assert_eq!(
        with(&journal, &config, &["streak", "--format", "json"]),
        without(&journal, &["streak", "--format", "json"])
    );
}

#[test]
fn day_one_after_a_reset() {
    let journal = TestJournal::with(SAMPLE);
    let config = settings(&journal, "day_one = true\n");
    let text = with(&journal, &config, &["report", "alcohol"]);
    assert!(text.contains("\n177 days alcohol-free"), "{text}");
    assert!(
        text.contains("\nEvery day still counts: 370 of 371 days since 2025-11-20.\n"),
        "{text}"
    );
    // The finished streak is as long as it was: it ended the day before the reset.
    assert!(text.contains("\nLongest streak: 194 days.\n"), "{text}");
    let r = report(&journal, &config, &["alcohol"]);
    assert_eq!(
        (&r["days"], &r["total_days"], &r["elapsed_days"]),
        (&json!(176), &json!(369), &json!(370))
    );
}

#[test]
fn day_one_false_is_the_default() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "day_one = false\n");
    for args in [&["streak"][..], &["share"], &["report"]] {
        assert_eq!(
            with(&journal, &config, args),
            without(&journal, args),
            "{args:?}"
        );
    }
}

#[test]
fn day_one_counts_in_what_add_says() {
    let journal = TestJournal::with(SAMPLE);
    let config = settings(&journal, "day_one = true\n");
    let out = with(&journal, &config, &["add", "hello", "--tracker", "smoking"]);
    assert!(out.contains(": day 298."), "{out}");
}

#[test]
fn day_one_counts_in_what_reset_says() {
    let journal = TestJournal::with(SAMPLE);
    let config = settings(&journal, "day_one = true\n");
    // The report's words for today, before the reset...
    let report = with(&journal, &config, &["report", "alcohol"]);
    assert!(
        report.contains("Every day still counts: 370 of 371 days since 2025-11-20."),
        "{report}"
    );
    // ...and reset's, for the same day: a reset today is not yet taken off, so they agree.
    let out = with(&journal, &config, &["reset", "alcohol"]);
    assert!(
        out.contains("Every day before it still counts: 370 days since 2025-11-20."),
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------------
// emoji, default_tracker, share_style.

#[test]
fn emoji_false_takes_the_emoji_out_of_share() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "emoji = false\n");
    let out = with(&journal, &config, &["share"]);
    assert_eq!(
        out,
        "256 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n"
    );
    assert!(out.is_ascii(), "{out}");
    let out = with(&journal, &config, &["share", "--on", "2026-09-14"]);
    assert!(out.starts_with("6 months alcohol-free today!"), "{out}");

    let config = settings(&journal, "emoji = true\n");
    assert_eq!(
        with(&journal, &config, &["share"]),
        "🌱 256 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n"
    );
    // --no-emoji still works when the setting allows emoji.
    assert!(with(&journal, &config, &["share", "--no-emoji"]).is_ascii());
}

#[test]
fn default_tracker_picks_the_tracker_for_add_and_share() {
    let journal = TestJournal::with(SAMPLE);
    // With two trackers and no default, naming one is required.
    journal.fails(2, &["--config", "/nonexistent/none.toml", "add", "hello"]);

    let config = settings(&journal, "default_tracker = \"smoking\"\n");
    assert_eq!(
        with(&journal, &config, &["share"]),
        "🌱 297 days smoking-free.\nNext up: 1 year on 1 Feb 2027, 68 days to go.\n"
    );
    let out = with(&journal, &config, &["add", "no cigarette with coffee"]);
    assert!(
        out.starts_with("Logged a check-in for smoking on 2026-11-25: day 297."),
        "{out}"
    );
    let entries = json(&with(
        &journal,
        &config,
        &["list", "--limit", "1", "--format", "json"],
    ));
    assert_eq!(entries[0]["tracker"], "smoking");
    assert_eq!(entries[0]["text"], "no cigarette with coffee");

    // A tracker named on the command line wins over the setting.
    let out = with(
        &journal,
        &config,
        &["add", "a quiet day", "--tracker", "alcohol"],
    );
    assert!(out.starts_with("Logged a check-in for alcohol"), "{out}");
    let out = with(&journal, &config, &["share", "alcohol"]);
    assert!(out.contains("alcohol-free"), "{out}");
    assert!(!out.contains("smoking"), "{out}");

    // Reading commands that show every tracker still show every tracker.
    let list = json(&with(&journal, &config, &["streak", "--format", "json"]));
    assert_eq!(list.as_array().unwrap().len(), 2);
    let list = json(&with(&journal, &config, &["report", "--format", "json"]));
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[test]
fn an_unknown_default_tracker_points_at_the_setting() {
    let journal = TestJournal::with(SAMPLE);
    let config = settings(&journal, "default_tracker = \"drinking\"\n");
    for args in [&["add", "hello"][..], &["share"]] {
        let mut all = vec!["--config", config.as_str()];
        all.extend_from_slice(args);
        let stderr = journal.fails(1, &all);
        assert!(stderr.contains("default_tracker"), "{args:?}: {stderr}");
        assert!(stderr.contains(&config), "{args:?}: {stderr}");
    }
}

#[test]
fn share_style_plain_is_accepted() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "share_style = \"plain\"\n");
    assert_eq!(
        with(&journal, &config, &["share"]),
        without(&journal, &["share"])
    );
}

#[test]
fn an_unknown_share_style_is_located() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "emoji = true\nshare_style = \"fancy\"\n");
    let stderr = refused(&journal, &config, 2);
    assert!(
        stderr.starts_with(&format!(
            "error: {config}:2:15: unknown share_style \"fancy\""
        )),
        "{stderr}"
    );
    assert!(stderr.contains("plain"), "{stderr}");
}

#[test]
fn every_setting_of_the_contract_example_is_accepted() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(
        &journal,
        r#"name = "Sam"                 # display name for share
default_tracker = "alcohol"
emoji = true
share_style = "plain"
day_one = false              # true: the start date is "day 1" in human text
ladder = "default"           # "default" | "aa" | "na" | a list
[tracker.smoking]
ladder = "na"                # per-tracker ladder
[templates]
meeting = "{{ name }}: {{ days }} days {{ tracker }}-free"
"#,
    );
    for args in [
        &["streak"][..],
        &["report"],
        &["share"],
        &["list"],
        &["check"],
    ] {
        with(&journal, &config, args);
    }
}

// ---------------------------------------------------------------------------------------------
// Where the settings come from.

#[test]
fn a_missing_settings_file_is_not_an_error() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let missing = journal.folder().join("no").join("such").join("config.toml");
    let out = with(&journal, missing.to_str().unwrap(), &["streak"]);
    assert!(out.starts_with("alcohol  256 days\n"), "{out}");
    with(&journal, missing.to_str().unwrap(), &["report"]);
    assert!(
        !journal.folder().join("no").exists(),
        "reading made a folder"
    );
}

#[test]
fn milestone_config_env_works_like_config() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let config = settings(&journal, "day_one = true\nemoji = false\n");
    let mut cmd = journal.cmd(&["share"]);
    cmd.env("MILESTONE_CONFIG", &config);
    assert_eq!(
        run_ok(cmd),
        "257 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n"
    );

    // A bad file named by the environment is refused the same way.
    let bad = journal.folder().join("bad.toml");
    fs::write(&bad, "emjoi = false\n").unwrap();
    let mut cmd = journal.cmd(&["streak"]);
    cmd.env("MILESTONE_CONFIG", &bad);
    let stderr = run_fails(cmd, 1);
    assert!(
        stderr.starts_with(&format!("error: {}:1:1: ", bad.display())),
        "{stderr}"
    );

    // --config wins over the environment.
    let mut cmd = journal.cmd(&["--config", &config, "share"]);
    cmd.env("MILESTONE_CONFIG", &bad);
    assert!(run_ok(cmd).starts_with("257 days"));
}

/// A hermetic `milestone` with no --journal or --config: the data and config folders of `env`.
fn at_home(env: &TestEnv, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = env.milestone();
    cmd.args(args);
    cmd
}

#[test]
fn the_default_settings_file_is_read() {
    let env = TestEnv::new();
    let data = env.data_home().join("milestone");
    fs::create_dir_all(&data).unwrap();
    fs::write(data.join("journal.toml"), CONTRACT_EXAMPLE).unwrap();
    let config = env.settings_file();
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    fs::write(config, "day_one = true\n").unwrap();
    let out = run_ok(at_home(&env, &["streak"]));
    assert!(out.starts_with("alcohol  257 days\n"), "{out}");
}

#[test]
fn paths_shows_where_things_are() {
    let journal = TestJournal::empty();
    let config = journal.folder().join("config.toml");
    let config_text = config.to_str().unwrap();
    let out = journal.ok(&["--config", config_text, "paths"]);
    assert_eq!(
        out,
        format!(
            "journal   {} (not created yet)\nsettings  {config_text} (not created yet)\n",
            journal.path.display()
        )
    );
    assert!(!journal.path.exists(), "paths created the journal");
    assert!(!config.exists(), "paths created the settings");

    fs::write(&journal.path, CONTRACT_EXAMPLE).unwrap();
    fs::write(&config, "day_one = true\n").unwrap();
    let out = journal.ok(&["--config", config_text, "paths"]);
    assert_eq!(
        out,
        format!(
            "journal   {}\nsettings  {config_text}\n",
            journal.path.display()
        )
    );
}

#[test]
fn paths_shows_the_default_places() {
    let env = TestEnv::new();
    let before = env.contents();
    let out = run_ok(at_home(&env, &["paths"]));
    let journal: PathBuf = env.home().join(".local/share/milestone/journal.toml");
    let config: PathBuf = env.home().join(".config/milestone/config.toml");
    assert_eq!(
        out,
        format!(
            "journal   {} (not created yet)\nsettings  {} (not created yet)\n",
            journal.display(),
            config.display()
        )
    );
    assert_eq!(env.contents(), before, "paths wrote something");
}
