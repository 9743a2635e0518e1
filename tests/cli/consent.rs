//! Issue 13: consent per tracker, the wording of a count, share's choice of trackers, a reset
//! that asks, an `add` that celebrates, names in any case, and `day_one` in every human count.

use std::process::Command as Process;

use crate::common::{TestJournal, with_id_hidden};

/// `sober` (shareable, phrase "sober"), `no-smoking` and `self-harm` (private, phrase "safe"),
/// with a marker word in a note of each.
const THREE: &str = r#"version = 1

[[tracker]]
name = "no-smoking"
since = 2026-11-01
phrase = "smoke-free"

[[tracker]]
name = "sober"
since = 2026-10-26
phrase = "sober"

[[tracker]]
name = "self-harm"
since = 2026-05-01
private = true
phrase = "safe"

[[entry]]
date = 2026-11-25
tracker = "self-harm"
kind = "win"
text = "HIDDENWIN talked to my counsellor"

[[entry]]
date = 2026-11-25
tracker = "sober"
kind = "checkin"
text = "SOBERNOTE quiet day"
"#;

const STYLES: [&str; 6] = ["plain", "markdown", "slack", "discord", "sms", "json"];

fn settings(journal: &TestJournal, text: &str) -> String {
    let path = journal.folder().join("config.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_private_tracker_never_appears_in_any_style_with_or_without_all() {
    let journal = TestJournal::with(THREE);
    for style in STYLES {
        for extra in [
            &["--all"][..],
            &["--all", "--with-notes"],
            &["sober", "--with-notes"],
        ] {
            let mut args = vec!["share", "--style", style];
            args.extend_from_slice(extra);
            let out = journal.ok(&args);
            for secret in ["self-harm", "safe", "HIDDENWIN", "counsellor"] {
                assert!(!out.contains(secret), "{style} {extra:?}: {out}");
            }
        }
    }
    // --all speaks of both shareable trackers, in the journal's order.
    assert_eq!(
        journal.ok(&["share", "--all", "--no-emoji"]),
        "30 days sober today! Next up: 60 days on 25 Dec, 30 days to go.\n\
         24 days smoke-free. Next up: 30 days on 1 Dec, 6 days to go.\n"
    );
    // Naming it is refused, and says how to change the setting; nothing is printed.
    let err = journal.fails(1, &["share", "-t", "Self-Harm"]);
    assert_eq!(
        err,
        "error: self-harm is private, so it is never shared; to share it, make it shareable first with `milestone tracker self-harm --shareable`\n"
    );
    // The prompt leaves it out, unless asked.
    assert_eq!(
        journal.ok(&["prompt"]),
        "no-smoking 24d · sober 30d · 30d today!\n"
    );
    assert!(journal.ok(&["prompt", "--all"]).contains("self-harm 208d"));
}

#[test]
fn share_chooses_the_default_else_the_one_shareable_tracker_else_asks() {
    let journal = TestJournal::with(THREE);
    // Several shareable trackers and no default: a usage error that says what to do.
    let err = journal.fails(2, &["share"]);
    assert_eq!(
        err,
        "error: you have several trackers you could share (no-smoking, sober); name the one to share, such as `milestone share no-smoking`, or share them all with --all\n"
    );
    // The default tracker.
    let config = settings(&journal, "default_tracker = \"Sober\"\nemoji = false\n");
    assert_eq!(
        journal.ok(&["--config", &config, "share"]),
        "30 days sober today!\nNext up: 60 days on 25 Dec, 30 days to go.\n"
    );
    // The one tracker that is not private.
    let one = TestJournal::with(&THREE.replace(
        "name = \"no-smoking\"\nsince = 2026-11-01\nphrase = \"smoke-free\"\n",
        "name = \"no-smoking\"\nsince = 2026-11-01\nprivate = true\n",
    ));
    assert_eq!(
        one.ok(&["share", "--no-emoji"]),
        "30 days sober today!\nNext up: 60 days on 25 Dec, 30 days to go.\n"
    );
    // Only private trackers: nothing to share, and how to change that.
    let none = TestJournal::with(
        "version = 1\n[[tracker]]\nname = \"self-harm\"\nsince = 2026-05-01\nprivate = true\n",
    );
    assert_eq!(
        none.fails(2, &["share", "--all"]),
        "error: all your trackers are private, so there is nothing to share; to share one, make it shareable with `milestone tracker self-harm --shareable`\n"
    );
}

/// A tracker since 2026-11-01 with a reset on `reset`.
fn slipped(reset: &str) -> TestJournal {
    TestJournal::with(&format!(
        "version = 1\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-01-01\n[[entry]]\ndate = {reset}\ntracker = \"alcohol\"\nkind = \"reset\"\n"
    ))
}

#[test]
fn after_a_slip_share_speaks_of_the_current_streak_only_unless_asked() {
    // The day of the slip: a warm new start.
    assert_eq!(
        slipped("2026-11-25").ok(&["share"]),
        "💛 Starting again today: alcohol-free, one day at a time.\nNext up: 1 day, tomorrow.\n"
    );
    // The days after: the count, no "again", no total.
    let later = slipped("2026-11-19");
    assert_eq!(
        later.ok(&["share"]),
        "🌱 6 days alcohol-free.\nNext up: 1 week, tomorrow.\n"
    );
    // The total only when the person asks, by flag or setting.
    let with_total = "🌱 6 days alcohol-free. Every day still counts: 327 days since 2026-01-01.\nNext up: 1 week, tomorrow.\n";
    assert_eq!(later.ok(&["share", "--with-total"]), with_total);
    let config = settings(&later, "share_total = true\n");
    assert_eq!(later.ok(&["--config", &config, "share"]), with_total);
}

#[test]
fn a_phrase_replaces_name_free_everywhere_a_count_is_spoken() {
    let journal = TestJournal::empty();
    journal.ok(&[
        "start",
        "sober",
        "--since",
        "2026-10-26",
        "--phrase",
        "sober",
    ]);
    assert_eq!(
        journal.ok(&["share", "--no-emoji"]),
        "30 days sober today!\nNext up: 60 days on 25 Dec, 30 days to go.\n"
    );
    assert!(
        journal
            .ok(&["report"])
            .contains("\n30 days sober, since 2026-10-26.\n")
    );
    let card: serde_json::Value =
        serde_json::from_str(&journal.ok(&["share", "--style", "json"])).unwrap();
    assert_eq!(card["tracker"], "sober");
    // Back to "<name>-free" with an empty phrase.
    assert_eq!(
        journal.ok(&["tracker", "sober", "--phrase", ""]),
        "sober now reads \"30 days sober-free\".\n"
    );
    assert!(journal.ok(&["share"]).contains("30 days sober-free today!"));
    // Refused, and the escape sequence never reaches the terminal.
    assert_eq!(
        journal.fails(2, &["start", "x", "--phrase", "bad\u{1b}[31m"]),
        "error: invalid value 'bad' for '--phrase <P>': a phrase is a few words on one line, without control characters or spaces around it\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn tracker_lists_and_changes_trackers_and_a_rename_keeps_every_comment() {
    let journal = TestJournal::with(
        "version = 1\n\n# my first one\n[[tracker]]\nname = \"drinking\" # was a hard name\nsince = 2026-01-01\n\n[[entry]]\ndate = 2026-11-24\ntracker = \"Drinking\" # hand-written\nkind = \"checkin\"\n\n[[entry]]\ndate = 2026-11-25\ntracker = \"drinking\"\nkind = \"win\"\ntext = \"a whole month\"\n",
    );
    assert_eq!(
        journal.ok(&["tracker"]),
        "drinking  since 2026-01-01  \"drinking-free\"  shareable\n"
    );
    assert_eq!(
        journal.ok(&["tracker", "DRINKING", "--rename", "alcohol"]),
        "Renamed drinking to alcohol, with its 2 entries.\n"
    );
    assert_eq!(
        journal.text(),
        "version = 1\n\n# my first one\n[[tracker]]\nname = \"alcohol\" # was a hard name\nsince = 2026-01-01\n\n[[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\" # hand-written\nkind = \"checkin\"\n\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"win\"\ntext = \"a whole month\"\n"
    );
    assert_eq!(
        journal.ok(&["tracker", "alcohol", "--private", "--cost-per-day", "12.5"]),
        "alcohol: 12.5 a day no longer spent.\nalcohol is private now: it is never shared, posted to a group, drawn or given to a hook.\n"
    );
    assert_eq!(
        journal.ok(&["tracker"]),
        "alcohol  since 2026-01-01  \"alcohol-free\"  12.5 a day  private: never shared\n"
    );
    // A since after its first entry would hide the entry's day: refused, journal untouched.
    let before = journal.text();
    assert_eq!(
        journal.fails(1, &["tracker", "alcohol", "--since", "2026-11-25"]),
        "error: --since: alcohol has entries from 2026-11-24, before 2026-11-25; choose a day on or before 2026-11-24\n"
    );
    assert_eq!(journal.text(), before);
    assert!(
        journal
            .fails(2, &["tracker", "alcohol"])
            .starts_with("error: nothing to change")
    );
    journal.ok(&["tracker", "alcohol", "--shareable"]);
    assert!(journal.ok(&["share"]).contains("alcohol-free"));
}

#[test]
fn names_are_compared_without_regard_to_case_and_typos_get_suggestions() {
    let journal = TestJournal::empty();
    journal.ok(&["start", "Alcohol", "--since", "2026-11-01"]);
    assert_eq!(
        journal.fails(1, &["start", "ALCOHOL"]),
        "error: you already track \"Alcohol\" (names are the same whatever their case); see it with `milestone streak Alcohol`, or choose another name\n"
    );
    journal.ok(&["add", "-t", "alcohol", "fine"]);
    assert!(journal.text().contains("tracker = \"Alcohol\""));
    assert_eq!(
        journal.fails(1, &["streak", "alchohol"]),
        "error: there is no tracker named \"alchohol\"; did you mean Alcohol? (your trackers are Alcohol)\n"
    );
    // Every command that takes a tracker takes it both ways.
    for command in ["streak", "report", "share", "prompt"] {
        assert_eq!(
            journal.ok(&[command, "alcohol"]),
            journal.ok(&[command, "-t", "ALCOHOL"]),
            "{command}"
        );
    }
    journal.ok(&["reset", "--tracker", "alcohol", "--date", "2026-11-20"]);
    assert_eq!(
        journal
            .fails(2, &["streak", "alcohol", "-t", "alcohol"])
            .lines()
            .next(),
        Some("error: the argument '[TRACKER]' cannot be used with '--tracker <T>'")
    );
}

/// Runs `milestone ARGS` on a pseudo-terminal (util-linux `script`), typing `answer`.
fn on_a_terminal(journal: &TestJournal, args: &str, answer: &str) -> String {
    let command = format!(
        "\"{}\" --journal \"{}\" {args}",
        env!("CARGO_BIN_EXE_milestone"),
        journal.path.display()
    );
    let mut child = Process::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("MILESTONE_TODAY", crate::common::TODAY)
        .env("MILESTONE_NO_CACHE", "1")
        .env("XDG_CONFIG_HOME", journal.folder().join("no-config"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux `script` runs the command on a pseudo-terminal");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    // The terminal echoes the answer and ends lines with CR LF.
    String::from_utf8(output.stdout)
        .unwrap()
        .replace("\r\n", "\n")
}

const QUESTION: &str = "Record a reset for alcohol on 2026-11-25? Your streak starts again that day; every day before it stays in your history. [y/N] ";

#[test]
fn reset_asks_on_a_terminal_and_only_a_yes_records_it() {
    let journal = TestJournal::with(crate::common::CONTRACT_EXAMPLE);
    let before = journal.text();
    for answer in ["n\n", "\n", "maybe\n"] {
        // (The terminal echoes the answer somewhere around the question.)
        let out = on_a_terminal(&journal, "reset", answer);
        assert!(out.contains(QUESTION), "{out}");
        assert!(out.ends_with("Nothing was recorded.\n"), "{out}");
        assert_eq!(journal.text(), before, "{answer:?}");
    }
    let out = on_a_terminal(&journal, "reset", "y\n");
    assert!(out.contains(QUESTION), "{out}");
    assert!(
        with_id_hidden(&out).ends_with(
            "Thank you for being honest with yourself. A slip can be part of recovery.\n\
             Recorded a reset for alcohol on 2026-11-25. A new streak starts today: day one.\n\
             Every day before it still counts: 256 days since 2026-03-14.\n\
             To take it back: milestone rm ID\n"
        ),
        "{out}"
    );
    assert_eq!(journal.text().matches("kind = \"reset\"").count(), 1);
    // --yes skips the question.
    let out = on_a_terminal(&journal, "reset --yes --date yesterday", "");
    assert!(!out.contains("[y/N]"), "{out}");
    assert_eq!(journal.text().matches("kind = \"reset\"").count(), 2);
    // Piped (no terminal), it does not ask.
    let piped = TestJournal::with(crate::common::CONTRACT_EXAMPLE);
    let out = piped.ok(&["reset"]);
    assert!(!out.contains("[y/N]"));
    assert_eq!(piped.text().matches("kind = \"reset\"").count(), 1);
    // And what it printed is enough to take it back.
    let id = out.lines().last().unwrap().rsplit(' ').next().unwrap();
    piped.ok(&["rm", id, "--yes"]);
    assert_eq!(piped.text(), crate::common::CONTRACT_EXAMPLE);
}

#[test]
fn add_celebrates_the_milestone_of_the_day_and_announces_tomorrows() {
    let journal =
        TestJournal::with("version = 1\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-10-26\n");
    // 2026-11-25 is 30 days.
    assert_eq!(
        with_id_hidden(&journal.ok(&["add", "made it"])),
        "Logged a check-in for alcohol on 2026-11-25: day 30.\n🎉 30 days today!\nTo take it back: milestone rm ID\n"
    );
    // The eve of 1 week (2026-11-02 is day 7).
    assert_eq!(
        with_id_hidden(&journal.ok(&["add", "--date", "2026-11-01", "--no-edit"])),
        "Logged a check-in for alcohol on 2026-11-01: day 6.\nTomorrow: 1 week.\nTo take it back: milestone rm ID\n"
    );
    // An ordinary day says neither; day 0 is "day one".
    assert_eq!(
        with_id_hidden(&journal.ok(&["add", "--date", "2026-10-28", "--win", "two days"])),
        "Logged a win for alcohol on 2026-10-28: day 2.\nTomorrow: 3 days.\nTo take it back: milestone rm ID\n"
    );
    assert_eq!(
        with_id_hidden(&journal.ok(&["add", "--date", "2026-10-26", "first"])),
        "Logged a check-in for alcohol on 2026-10-26: day one.\nTomorrow: 1 day.\nTo take it back: milestone rm ID\n"
    );
    assert_eq!(
        with_id_hidden(&journal.ok(&["add", "--date", "2026-11-10", "mid"])),
        "Logged a check-in for alcohol on 2026-11-10: day 15.\nTo take it back: milestone rm ID\n"
    );
    // No emoji when the settings say so.
    let config = settings(&journal, "emoji = false\n");
    assert!(
        journal
            .ok(&["--config", &config, "add", "again"])
            .contains("\n30 days today!\n")
    );
}

#[test]
fn day_one_counts_from_one_in_every_human_count_and_never_in_json() {
    let journal =
        TestJournal::with("version = 1\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-11-15\n");
    let config = settings(&journal, "day_one = true\nemoji = false\n");
    let run = |args: &[&str]| {
        let mut all = vec!["--config", config.as_str()];
        all.extend_from_slice(args);
        journal.ok(&all)
    };
    assert!(
        run(&["streak"]).starts_with("alcohol  11 days\n"),
        "{}",
        run(&["streak"])
    );
    assert_eq!(run(&["prompt"]), "11d · 2w in 4d\n");
    assert!(run(&["share"]).starts_with("11 days alcohol-free."));
    assert!(
        run(&["report"]).contains("\n11 days alcohol-free"),
        "{}",
        run(&["report"])
    );
    assert!(run(&["add", "x"]).starts_with("Logged a check-in for alcohol on 2026-11-25: day 11."));
    // JSON keeps the contract's counts.
    let streak: serde_json::Value =
        serde_json::from_str(&run(&["streak", "--format", "json"])).unwrap();
    assert_eq!(streak[0]["days"], 10);
    let card: serde_json::Value =
        serde_json::from_str(&run(&["share", "--style", "json"])).unwrap();
    assert_eq!(card["days"], 10);
}
