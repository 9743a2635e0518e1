//! Bad input: a one-line `error:` that says what to do next, exit 1, and the journal untouched;
//! usage errors (clap's, and a tracker left out when there are several) exit 2.

use std::fs;

use crate::common::{CONTRACT_EXAMPLE, TestJournal, run_fails};

/// Two trackers, for the "which one?" errors.
const TWO_TRACKERS: &str = r#"version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14

[[tracker]]
name = "smoking"
since = 2026-11-01
"#;

/// Asserts stderr is exactly one `error:` line that contains every one of `needles`.
#[track_caller]
fn one_line(stderr: &str, needles: &[&str]) {
    assert!(stderr.starts_with("error: "), "{stderr:?}");
    assert!(stderr.ends_with('\n'), "{stderr:?}");
    assert_eq!(stderr.lines().count(), 1, "one line, please: {stderr:?}");
    for needle in needles {
        assert!(stderr.contains(needle), "expected {needle:?} in {stderr:?}");
    }
}

/// Asserts a clap usage error: several lines, naming `needle`, pointing at `--help`.
#[track_caller]
fn usage(stderr: &str, needle: &str) {
    assert!(stderr.lines().count() > 1, "{stderr:?}");
    assert!(stderr.contains(needle), "expected {needle:?} in {stderr:?}");
    assert!(stderr.contains("--help"), "{stderr:?}");
}

fn folder_is_empty(journal: &TestJournal) -> bool {
    fs::read_dir(journal.folder()).unwrap().next().is_none()
}

#[test]
fn an_unknown_tracker_is_named_with_the_known_ones() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for args in [
        &["add", "hi", "--tracker", "gambling"][..],
        &["add", "--win", "hi", "-t", "gambling"],
        &["reset", "gambling"],
        &["streak", "gambling"],
        &["list", "--tracker", "gambling"],
        &["share", "gambling"],
    ] {
        let stderr = journal.fails(1, args);
        assert_eq!(
            stderr,
            "error: there is no tracker named \"gambling\"; your trackers are alcohol \
             (or begin a new one with `milestone start NAME`)\n",
            "{args:?}"
        );
    }
}

#[test]
fn an_empty_tracker_name_is_an_unknown_tracker() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let stderr = journal.fails(1, &["add", "hi", "--tracker", ""]);
    one_line(&stderr, &["no tracker named \"\"", "alcohol"]);
}

#[test]
fn starting_the_same_tracker_twice_is_refused() {
    let journal = TestJournal::empty();
    journal.ok(&["start", "alcohol", "--since", "2026-03-14"]);
    let before = journal.bytes();
    for args in [
        &["start", "alcohol"][..],
        &["start", "alcohol", "--since", "2026-01-01"],
    ] {
        let stderr = journal.fails(1, args);
        assert_eq!(
            stderr,
            "error: you already track \"alcohol\" (names are the same whatever their case); see it with `milestone streak alcohol`, or choose another name\n"
        );
    }
    assert_eq!(journal.bytes(), before);
    assert_eq!(journal.text().matches("[[tracker]]").count(), 1);
}

#[test]
fn a_mood_off_the_scale_is_refused() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for mood in ["0", "6", "9", "-1", "300"] {
        let stderr = journal.fails(2, &["add", "hi", "--mood", mood]);
        assert_eq!(
            stderr,
            format!(
                "error: invalid value '{mood}' for '--mood <1-5>': mood is on a scale of 1 to 5 (1 low, 5 great), not {mood}\n\nFor more information, try '--help'.\n"
            )
        );
    }
    let stderr = journal.fails(2, &["add", "hi", "--mood=-1"]);
    assert!(stderr.contains("not -1\n"), "{stderr}");
    // The edges are fine.
    journal.ok(&["add", "low", "--mood", "1"]);
    journal.ok(&["add", "great", "--mood", "5"]);
}

#[test]
fn a_day_after_today_is_refused_for_add_reset_and_start() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for (args, flag) in [
        (&["add", "hi", "--date", "2026-11-26"][..], "--date"),
        (&["add", "--win", "hi", "--date", "2027-01-01"], "--date"),
        (&["reset", "--date", "2026-11-26"], "--date"),
        (&["start", "smoking", "--since", "2026-11-26"], "--since"),
    ] {
        let stderr = journal.fails(1, args);
        let date = args.last().unwrap();
        assert_eq!(
            stderr,
            format!(
                "error: {flag}: {date} is after today (2026-11-25); a day can be logged once it has begun\n"
            ),
            "{args:?}"
        );
    }
    // Today itself is fine.
    journal.ok(&["add", "hi", "--date", "2026-11-25"]);
}

#[test]
fn malformed_dates_are_refused_with_the_forms_that_work() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for bad in [
        "2026-02-30",
        "2026-2-3",
        "soon",
        "",
        "2 fortnights ago",
        "26-11-25",
        "funday",
    ] {
        for (command, flag) in [
            (&["add", "hi"][..], "--date"),
            (&["reset"], "--date"),
            (&["start", "smoking"], "--since"),
            (&["streak"], "--on"),
            (&["share"], "--on"),
            (&["list"], "--since"),
            (&["list"], "--until"),
        ] {
            let mut args = command.to_vec();
            args.extend([flag, bad]);
            let stderr = journal.fails(2, &args);
            assert_eq!(
                stderr,
                format!(
                    "error: {flag}: {bad:?} is not a date I understand; use YYYY-MM-DD, today, yesterday, tomorrow, N days ago, N weeks ago, a weekday (friday, last friday) or a month and day (nov 20, 20 nov)\n"
                ),
                "{args:?}"
            );
        }
    }
    assert_eq!(journal.text(), CONTRACT_EXAMPLE);
}

#[test]
fn an_empty_journal_path_is_refused() {
    let journal = TestJournal::empty();
    for args in [
        &["add", "hi"][..],
        &["start", "alcohol"],
        &["streak"],
        &["check"],
    ] {
        let mut cmd = journal.bare();
        cmd.current_dir(journal.folder())
            .arg("--journal")
            .arg("")
            .args(args);
        let stderr = run_fails(cmd, 1);
        assert_eq!(
            stderr,
            "error: the journal path is empty; give a file with --journal PATH or MILESTONE_JOURNAL, \
             or leave both unset for the default\n",
            "{args:?}"
        );

        let mut cmd = journal.bare();
        cmd.current_dir(journal.folder())
            .env("MILESTONE_JOURNAL", "")
            .args(args);
        let stderr = run_fails(cmd, 1);
        one_line(&stderr, &["the journal path is empty"]);
    }
    assert!(folder_is_empty(&journal), "nothing may be created");
}

#[test]
fn a_bad_tracker_name_is_refused_before_anything_is_written() {
    let journal = TestJournal::empty();
    let forty_one = "a".repeat(41);
    for (name, why) in [
        ("no smoking", "not a space"),
        ("café", "not 'é'"),
        ("alcohol/drugs", "not '/'"),
        ("", "a tracker name cannot be empty"),
        (forty_one.as_str(), "at most 40 characters"),
    ] {
        let stderr = journal.fails(1, &["start", name]);
        one_line(
            &stderr,
            &[why, "try a name such as \"alcohol\" or \"no-smoking\""],
        );
    }
    assert!(folder_is_empty(&journal), "no journal, folder or lock file");

    // And into an existing journal: refused, byte-identical (checked by `fails`).
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let stderr = journal.fails(1, &["start", "no smoking"]);
    one_line(&stderr, &["letters, digits, '-' and '_', not a space"]);
    // 40 characters is allowed.
    journal.ok(&["start", &"a".repeat(40)]);
}

#[test]
fn a_win_needs_words() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for args in [&["add", "--win"][..], &["add", "--win", "   "]] {
        let stderr = journal.fails(1, args);
        assert_eq!(
            stderr,
            "error: a win needs your words; for example: milestone add --win \"got my licence back\"\n",
            "{args:?}"
        );
    }
    // Blank stdin is no words either.
    let mut cmd = journal.cmd(&["add", "--win"]);
    cmd.write_stdin("  \n\n");
    let stderr = run_fails(cmd, 1);
    one_line(&stderr, &["a win needs your words"]);
    assert_eq!(journal.text(), CONTRACT_EXAMPLE);
}

#[test]
fn a_day_before_the_tracker_started_is_refused() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let stderr = journal.fails(1, &["add", "hi", "--date", "2026-03-13"]);
    assert_eq!(
        stderr,
        "error: --date: 2026-03-13 is before alcohol started (2026-03-14); choose a day on or after it, \
         or move the tracker's `since` in the journal\n"
    );
    let stderr = journal.fails(1, &["reset", "--date", "2026-03-13"]);
    assert_eq!(
        stderr,
        "error: --date: 2026-03-13 is before alcohol started (2026-03-14); choose a day on or after it, \
         or move the tracker's `since` in the journal\n"
    );
    // The start day itself is fine.
    journal.ok(&["add", "day zero", "--date", "2026-03-14"]);
}

#[test]
fn with_no_journal_yet_each_command_says_to_start_one() {
    let journal = TestJournal::empty();
    let path = journal.path.display();
    for args in [&["streak"][..], &["list"], &["share"]] {
        let stderr = journal.fails(1, args);
        assert_eq!(
            stderr,
            format!(
                "error: there is no journal at {path} yet; begin one with `milestone start NAME` \
                 (for example `milestone start alcohol`)\n"
            ),
            "{args:?}"
        );
    }
    let stderr = journal.fails(1, &["check"]);
    assert_eq!(
        stderr,
        format!(
            "error: there is no journal at {path} yet; begin one with `milestone start NAME`\n"
        )
    );
    // `add` and `reset` say there is nothing to log against yet.
    for args in [&["add", "hi"][..], &["add", "--win", "hi"], &["reset"]] {
        let stderr = journal.fails(1, args);
        assert_eq!(
            stderr,
            "error: you are not tracking anything yet; begin with `milestone start NAME` \
             (for example `milestone start alcohol`)\n",
            "{args:?}"
        );
        assert!(!journal.path.exists(), "{args:?} created a journal");
    }
    // Naming a tracker gives the exact command to run.
    let stderr = journal.fails(1, &["add", "hi", "--tracker", "alcohol"]);
    one_line(
        &stderr,
        &["no tracker named \"alcohol\"", "`milestone start alcohol`"],
    );
}

#[test]
fn a_journal_path_that_is_a_folder_is_refused() {
    let journal = TestJournal::empty();
    fs::create_dir(&journal.path).unwrap();
    let path = journal.path.display();
    for args in [
        &["add", "hi"][..],
        &["reset"],
        &["start", "alcohol"],
        &["streak"],
        &["list"],
        &["share"],
        &["check"],
    ] {
        let stderr = journal.fails(1, args);
        one_line(
            &stderr,
            &[&format!(
                "error: the journal path {path} is a folder; point --journal at a file such as {path}/journal.toml"
            )],
        );
    }
    assert_eq!(
        fs::read_dir(&journal.path).unwrap().count(),
        0,
        "nothing written into the folder"
    );
}

#[test]
fn several_trackers_and_none_named_is_a_usage_error() {
    let journal = TestJournal::with(TWO_TRACKERS);
    let stderr = journal.fails(2, &["add", "hi"]);
    assert_eq!(
        stderr,
        "error: you have several trackers (alcohol, smoking); name one with --tracker NAME\n"
    );
    let stderr = journal.fails(2, &["add", "--win", "hi"]);
    one_line(&stderr, &["several trackers", "--tracker NAME"]);
    let stderr = journal.fails(2, &["reset"]);
    assert_eq!(
        stderr,
        "error: you have several trackers (alcohol, smoking); name one with `milestone reset NAME`\n"
    );
    // Naming one works.
    journal.ok(&["add", "hi", "--tracker", "smoking"]);
}

#[test]
fn clap_usage_errors_exit_2() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for (args, needle) in [
        (
            &["add", "hi", "--mood", "abc"][..],
            "invalid value 'abc' for '--mood <1-5>'",
        ),
        (&["add", "hi", "--mood", "4.5"], "invalid value '4.5'"),
        (&["add", "hi", "--bogus"], "unexpected argument '--bogus'"),
        (&["streak", "--bogus"], "unexpected argument '--bogus'"),
        (
            &["list", "--kind", "slip"],
            "possible values: checkin, win, reset",
        ),
        (&["list", "--format", "xml"], "invalid value 'xml'"),
        (&["list", "--limit", "many"], "invalid value 'many'"),
        (&["streak", "--format", "yaml"], "invalid value 'yaml'"),
        (&["share", "--style", "tweet"], "invalid value 'tweet'"),
        (
            &["--color", "sometimes", "list"],
            "invalid value 'sometimes'",
        ),
        (&["start"], "<NAME>"),
        (
            &["start", "x", "--cost-per-day", "abc"],
            "invalid value 'abc'",
        ),
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (&[], "requires a subcommand"),
        (&["completions", "tcsh"], "invalid value 'tcsh'"),
    ] {
        let stderr = journal.fails(2, args);
        usage(&stderr, needle);
    }
}

#[test]
fn a_garbage_milestone_today_is_refused() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for today in ["garbage", "2026-02-30", "", "25/11/2026"] {
        for args in [&["add", "hi"][..], &["streak"], &["list"], &["check"]] {
            let mut cmd = journal.cmd(args);
            cmd.env("MILESTONE_TODAY", today);
            let stderr = run_fails(cmd, 1);
            assert_eq!(
                stderr,
                format!(
                    "error: MILESTONE_TODAY is {today:?}; set it to a date as YYYY-MM-DD, or unset it\n"
                ),
                "{today:?} {args:?}"
            );
        }
    }
    assert_eq!(journal.text(), CONTRACT_EXAMPLE);
}

#[test]
fn other_bad_values_say_what_would_work() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let stderr = journal.fails(2, &["add", "hi", "--tag", "  "]);
    assert_eq!(
        stderr,
        "error: invalid value '  ' for '--tag <T>': a tag needs at least one visible character and no control characters, such as --tag meeting\n\nFor more information, try '--help'.\n"
    );
    let stderr = journal.fails(2, &["start", "smoking", "--cost-per-day=-3"]);
    assert_eq!(
        stderr,
        "error: invalid value '-3' for '--cost-per-day <N>': money not spent is a number of 0 or more, such as 12.5\n\nFor more information, try '--help'.\n"
    );
    let stderr = journal.fails(2, &["start", "smoking", "--cost-per-day", "NaN"]);
    assert!(stderr.contains("a number of 0 or more"), "{stderr}");
}

#[test]
fn a_journal_that_is_not_utf8_is_located_and_left_alone() {
    let journal = TestJournal::empty();
    fs::write(&journal.path, b"version = 1\n\xff\n").unwrap();
    for args in [&["add", "hi"][..], &["streak"], &["check"]] {
        let stderr = journal.fails(1, args);
        assert_eq!(
            stderr,
            format!(
                "error: {}:2:1: the journal is not UTF-8 text; fix or remove the bytes there (nothing was changed)\n",
                journal.path.display()
            ),
            "{args:?}"
        );
    }
}
