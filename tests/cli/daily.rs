//! The small things of the daily flow (issue 14): a second reset on one day, clearing and
//! moving entries, dates that must be typos, a full disk, escape codes in shares, the lock file
//! and git, and "tomorrow" said the same everywhere.

use crate::common::{BIN, CONTRACT_EXAMPLE, TestJournal, run_ok};

#[test]
fn a_second_reset_on_the_same_day_is_not_added() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    journal.ok(&["reset", "--date", "yesterday"]);
    let err = journal.fails(1, &["reset", "--date", "yesterday", "--note", "again"]);
    assert_eq!(
        err,
        "error: a reset for alcohol on 2026-11-24 is already recorded, and the streak starts again from that day either way, so nothing was added (`milestone list --kind reset` shows it; `milestone edit ID --text ...` adds a note to it)\n"
    );
    // Another day's reset is still recorded.
    journal.ok(&["reset"]);
    assert_eq!(journal.text().matches("kind = \"reset\"").count(), 2);
}

#[test]
fn streak_help_says_whether_a_win_counts_as_a_check_in() {
    let help = run_ok({
        let mut cmd = TestJournal::empty().bare();
        cmd.args(["streak", "--help"]);
        cmd
    });
    assert!(
        help.contains("A win\nor a reset on its own does not count as checking in"),
        "{help}"
    );
    // And it is so: a day with only a win ends the check-in streak.
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    journal.ok(&["add", "--win", "a good day", "--date", "2026-11-25"]);
    let streak = crate::common::json(&journal.ok(&["streak", "--format", "json"]));
    assert_eq!(streak[0]["checkin_streak"], 3);
}

#[test]
fn edit_clears_text_mood_and_tags() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.ok(&["edit", "aaaaaa2", "--text", ""]),
        "Updated aaaaaa2 (2026-11-23 alcohol check-in).\n"
    );
    journal.ok(&["edit", "aaaaaa2", "--no-mood", "--no-tags"]);
    assert!(
        journal
            .text()
            .contains("[[entry]]\nid = \"aaaaaa2\"\ndate = 2026-11-23\ntracker = \"alcohol\"\nkind = \"checkin\"\n\n[[entry]]"),
        "{}",
        journal.text()
    );
    // Clearing and setting the same field at once is a usage error.
    journal.fails(2, &["edit", "aaaaaa2", "--mood", "3", "--no-mood"]);
    // A win keeps its words.
    journal.ok(&["add", "--win", "got my licence back"]);
    let id =
        crate::common::json(&journal.ok(&["list", "--format", "json", "--limit", "1"]))[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let err = journal.fails(1, &["edit", &id, "--text", ""]);
    assert_eq!(
        err,
        "error: --text: a win needs your words; give it some with --text \"...\"\n"
    );
}

const TWO_TRACKERS: &str = r#"version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14

[[tracker]]
name = "smoking"
since = 2026-11-01

[[entry]]
id = "aaaaaa1"
date = 2026-11-20
tracker = "alcohol"
kind = "checkin"
text = "no cigarettes either"

[[entry]]
id = "aaaaaa2"
date = 2026-10-20
tracker = "alcohol"
kind = "checkin"

[[entry]]
id = "aaaaaa3"
date = 2026-11-22
tracker = "smoking"
kind = "reset"

[[entry]]
id = "aaaaaa4"
date = 2026-11-22
tracker = "alcohol"
kind = "checkin"
"#;

#[test]
fn an_entry_moves_to_another_tracker_or_kind() {
    let journal = TestJournal::with(TWO_TRACKERS);
    assert_eq!(
        journal.ok(&["edit", "aaaaaa1", "--tracker", "Smoking", "--kind", "win"]),
        "Updated aaaaaa1 (2026-11-20 smoking win: no cigarettes either).\n"
    );
    assert!(journal.text().contains(
        "id = \"aaaaaa1\"\ndate = 2026-11-20\ntracker = \"smoking\"\nkind = \"win\"\ntext = \"no cigarettes either\"\n"
    ));
    // Checked like a new entry: the tracker must exist and have started by the entry's day...
    let err = journal.fails(1, &["edit", "aaaaaa2", "--tracker", "smoking"]);
    assert_eq!(
        err,
        "error: --tracker: 2026-10-20 is before smoking started (2026-11-01); choose a day on or after it\n"
    );
    let err = journal.fails(1, &["edit", "aaaaaa2", "--tracker", "gambling"]);
    assert!(
        err.starts_with("error: there is no tracker named \"gambling\""),
        "{err}"
    );
    // ...a win needs words, and a day has one reset at most.
    let err = journal.fails(1, &["edit", "aaaaaa2", "--kind", "win"]);
    assert!(err.contains("a win needs your words"), "{err}");
    let err = journal.fails(
        1,
        &["edit", "aaaaaa4", "--tracker", "smoking", "--kind", "reset"],
    );
    assert!(
        err.starts_with("error: a reset for smoking on 2026-11-22 is already recorded"),
        "{err}"
    );
    journal.fails(2, &["edit", "aaaaaa4", "--kind", "relapse"]);
}

#[test]
fn a_start_over_a_hundred_years_ago_is_a_typo() {
    let journal = TestJournal::empty();
    let err = journal.fails(1, &["start", "alcohol", "--since", "1900-01-01"]);
    assert_eq!(
        err,
        "error: --since: 1900-01-01 is more than 100 years ago, which looks like a typo; give the day your streak began, such as --since 2026-03-14\n"
    );
    assert!(!journal.path.exists());
    journal.ok(&["start", "alcohol", "--since", "1990-01-01"]);
}

/// Runs `milestone ARGS` where no file may grow past 2 KiB (`ulimit -f`, with SIGXFSZ ignored
/// so the write fails with EFBIG, as it would with ENOSPC on a full disk).
fn with_a_full_disk(journal: &TestJournal, args: &str) -> (i32, String) {
    let script = format!(
        "trap '' XFSZ; ulimit -f 2; exec \"{}\" --journal \"{}\" {args}",
        BIN,
        journal.path.display()
    );
    let output = journal
        .env()
        .command("sh")
        .args(["-c", &script])
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn a_full_disk_names_the_journal_and_what_to_do() {
    let mut text = CONTRACT_EXAMPLE.to_owned();
    for day in 1..=30 {
        text.push_str(&format!(
            "\n[[entry]]\ndate = 2026-10-{day:02}\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"a note long enough to fill the file\"\n"
        ));
    }
    let journal = TestJournal::with(&text);
    let before = journal.bytes();
    assert!(before.len() > 2048);
    let expected = format!(
        "error: no space left to write {}; free some space and try again; the journal is unchanged\n",
        journal.path.display()
    );
    // An append, and a whole rewrite.
    for args in ["add 'a new note'", "start smoking"] {
        let (code, err) = with_a_full_disk(&journal, args);
        assert_eq!((code, err.as_str()), (1, expected.as_str()), "{args}");
        assert_eq!(journal.bytes(), before, "{args}");
    }
    // Output to a full device is said too, without blaming the journal.
    let out = std::fs::File::create("/dev/full").expect("/dev/full");
    let output = journal
        .plain()
        .arg("--journal")
        .arg(&journal.path)
        .arg("list")
        .stdout(out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: no space left to write the output; free some space and try again\n"
    );
}

#[test]
fn escape_sequences_leave_nothing_behind_in_a_share() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    journal.ok(&[
        "add",
        "\u{1b}[31mred\u{1b}[0m day \u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\ ok",
    ]);
    for style in ["plain", "markdown", "slack", "discord", "sms"] {
        let text = journal.ok(&["share", "--with-notes", "--style", style]);
        assert!(text.contains("red day link ok"), "{style}: {text}");
        for junk in ["[31m", "[0m", "8;;", "evil"] {
            assert!(!text.contains(junk), "{style}: {junk} in {text}");
        }
    }
}

#[test]
fn the_readme_gitignore_keeps_the_lock_file_out_of_git() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let folder = journal.folder();
    let git = |args: &[&str]| {
        let output = journal
            .env()
            .command("git")
            .args(args)
            .current_dir(folder)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    git(&["init", "-q"]);
    // The line the README and `merge-driver --help` give, run as they say.
    let help = run_ok({
        let mut cmd = journal.bare();
        cmd.args(["merge-driver", "--help"]);
        cmd
    });
    let line = help
        .lines()
        .find(|l| l.contains(".gitignore"))
        .expect("merge-driver --help gives the .gitignore line")
        .trim();
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains(line),
        "the README gives the same line: {line}"
    );
    let status = journal
        .env()
        .command("sh")
        .args(["-c", line])
        .current_dir(folder)
        .status()
        .unwrap();
    assert!(status.success());
    journal.ok(&["add", "a day"]);
    assert!(journal.path.with_extension("toml.lock").exists());
    git(&["add", "-A"]);
    assert_eq!(
        git(&["diff", "--cached", "--name-only"]),
        ".gitignore\njournal.toml\n"
    );
}

#[test]
fn streak_says_tomorrow_as_share_does() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let streak = journal.ok(&["streak", "--on", "2026-12-13"]);
    assert!(
        streak.contains("9 months on 2026-12-14, tomorrow"),
        "{streak}"
    );
    let share = journal.ok(&["share", "--on", "2026-12-13"]);
    assert!(share.contains("Next up: 9 months, tomorrow."), "{share}");
    let report = journal.ok(&["report", "--on", "2026-12-13"]);
    assert!(report.contains("tomorrow"), "{report}");
}

const HAND_WRITTEN: &str = r#"version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14

# written by hand on the train
[[entry]]
date = 2026-11-20 # a friday
tracker = "alcohol"
kind = "checkin"
text = "by hand"

[[entry]]
id = "aaaaaa1"
date = 2026-11-21
tracker = "alcohol"
kind = "checkin"
"#;

#[test]
fn check_fix_gives_hand_written_entries_ids_and_edit_says_so() {
    let journal = TestJournal::with(HAND_WRITTEN);
    assert_eq!(
        journal.ok(&["check"]),
        format!(
            "{}: ok (1 tracker, 2 entries)\n1 entry written by hand has no id, so `milestone edit ID` and `milestone rm ID` cannot reach it; `milestone check --fix` gives it one.\n",
            journal.path.display()
        )
    );
    let err = journal.fails(1, &["rm", "--yes", "zzz"]);
    assert_eq!(
        err,
        "error: no entry has the id \"zzz\"; `milestone list` shows each entry's id; 1 entry written by hand has no id yet: `milestone check --fix` gives it one\n"
    );
    assert_eq!(
        journal.ok(&["check", "--fix"]),
        "Gave 1 entry an id; `milestone list` shows them.\n"
    );
    let text = journal.text();
    let id = text
        .lines()
        .find(|l| l.starts_with("id = ") && !l.contains("aaaaaa1"))
        .unwrap()
        .to_owned();
    // Only the id line is new: comments and everything else are as written.
    assert_eq!(
        text.replacen(&format!("{id}\n"), "", 1),
        HAND_WRITTEN,
        "{text}"
    );
    assert!(
        text.contains(&format!("[[entry]]\n{id}\ndate = 2026-11-20 # a friday")),
        "{text}"
    );
    let id = id.trim_start_matches("id = \"").trim_end_matches('"');
    journal.ok(&["edit", id, "--mood", "4"]);
    assert_eq!(
        journal.ok(&["check", "--fix"]),
        "Every entry has an id already; nothing was changed.\n"
    );
    // A journal with mistakes is not touched.
    let broken = TestJournal::with(
        &HAND_WRITTEN.replace("kind = \"checkin\"\ntext", "kind = \"chekin\"\ntext"),
    );
    broken.fails(1, &["check", "--fix"]);
}

/// The contract's example with one typo: an entry for "alchohol" (its tracker on line 33).
fn with_a_typo() -> TestJournal {
    TestJournal::with(&format!(
        "{CONTRACT_EXAMPLE}\n[[entry]]\nid = \"typo001\"\ndate = 2026-11-25\ntracker = \"alchohol\"\nkind = \"checkin\"\n"
    ))
}

#[test]
fn reading_commands_show_what_they_can_when_one_entry_has_a_typo() {
    let journal = with_a_typo();
    let before = journal.bytes();
    let warning = format!(
        "warning: {}:33:11: entry for unknown tracker \"alchohol\"; known trackers: alcohol\nwarning: what this mistake keeps from being read is left out above; fix it with `milestone check` (until then nothing is written to the journal)\n",
        journal.path.display()
    );
    for (args, shows) in [
        (&["streak"][..], "256 days"),
        (&["list"], "Argued with Dad"),
        (&["report"], "256"),
        (&["share"], "256 days alcohol-free"),
        (&["streak", "--format", "json"], "\"days\": 256"),
    ] {
        let output = journal.cmd(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            warning,
            "{args:?}"
        );
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(stdout.contains(shows), "{args:?}: {stdout}");
    }
    // The count itself is the one the journal without the typo gives.
    let clean = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.cmd(&["streak"]).output().unwrap().stdout,
        clean.cmd(&["streak"]).output().unwrap().stdout
    );
    // Writes still refuse, and check still reports.
    let err = journal.fails(1, &["add", "a day"]);
    assert!(
        err.contains(":33:11: entry for unknown tracker \"alchohol\""),
        "{err}"
    );
    journal.fails(1, &["check"]);
    // The prompt shows the count and says nothing else.
    assert_eq!(journal.ok(&["prompt"]), "256d · 9mo in 19d\n");
    assert_eq!(journal.bytes(), before);
}

#[test]
fn a_journal_that_is_not_toml_is_still_refused_by_reading_commands() {
    let journal = TestJournal::with("version = 1\n[[tracker]\n");
    let err = journal.fails(1, &["streak"]);
    assert!(err.contains("not valid TOML"), "{err}");
    assert_eq!(
        journal.ok(&["prompt"]),
        "milestone: run `milestone check`\n"
    );
}

#[test]
fn prompt_is_one_line_and_exit_0_even_with_broken_settings() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let settings = journal.folder().join("config.toml");
    std::fs::write(&settings, "name = \n[[[").unwrap();
    let settings = settings.display().to_string();
    assert_eq!(
        journal.ok(&["--config", &settings, "prompt"]),
        "256d · 9mo in 19d\n"
    );
    // Other commands still say what is wrong with the settings.
    journal.fails(1, &["--config", &settings, "streak"]);
    // No data folder, no journal: nothing, and still exit 0.
    let nowhere = TestJournal::empty();
    assert_eq!(nowhere.ok(&["prompt"]), "");
}

#[test]
fn check_still_checks_the_journal_when_the_settings_are_broken() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let settings = journal.folder().join("config.toml");
    std::fs::write(&settings, "name = \n").unwrap();
    let output = journal
        .cmd(&["--config", &settings.display().to_string(), "check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{}: ok (1 tracker, 3 entries)\n", journal.path.display())
    );
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "warning: {}:1:8: not valid TOML: string values must be quoted, expected literal string; fix the settings file (see `milestone --help` for --config); the journal is checked without the settings\n",
            settings.display()
        )
    );
}
