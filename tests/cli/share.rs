//! `milestone share`: the exact words for each kind of day, and private text never leaving.

use crate::common::{CONTRACT_EXAMPLE, TestJournal};

#[test]
fn an_ordinary_day_names_the_count_and_the_next_milestone() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.ok(&["share"]),
        "🌱 256 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n"
    );
    assert_eq!(
        journal.ok(&["share", "--no-emoji"]),
        "256 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n"
    );
}

#[test]
fn a_milestone_day_is_celebrated_by_its_label() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.ok(&["share", "--on", "2026-09-14"]),
        "🎉 6 months alcohol-free today! That's 184 days, one day at a time.\nNext up: 9 months on 14 Dec, 91 days to go.\n"
    );
    assert_eq!(
        journal.ok(&["share", "--on", "2026-04-13"]),
        "🎉 30 days alcohol-free today!\nNext up: 60 days on 13 May, 30 days to go.\n"
    );
}

#[test]
fn day_zero_and_the_day_before_a_milestone() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.ok(&["share", "--on", "2026-03-14"]),
        "🌱 Day one of being alcohol-free.\nNext up: 1 day, tomorrow.\n"
    );
}

#[test]
fn after_a_reset_every_day_still_counts() {
    let text = format!(
        "{CONTRACT_EXAMPLE}\n[[entry]]\ndate = 2026-11-20\ntracker = \"alcohol\"\nkind = \"reset\"\ntext = \"rough night\"\n"
    );
    let journal = TestJournal::with(&text);
    assert_eq!(
        journal.ok(&["share"]),
        "🌱 5 days alcohol-free.\nNext up: 1 week on 27 Nov, 2 days to go.\n"
    );
    assert_eq!(
        journal.ok(&["share", "--on", "2026-11-20"]),
        "💛 Starting again today: alcohol-free, one day at a time.\nNext up: 1 day, tomorrow.\n"
    );
    let out = journal.ok(&["share", "--with-notes", "--on", "2026-11-20"]);
    assert!(
        !out.contains("rough night"),
        "a reset's note is for the journal, not the chat: {out}"
    );
}

#[test]
fn notes_only_with_the_flag_and_never_private_ones() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let plain = journal.ok(&["share", "--on", "2026-11-23"]);
    assert!(!plain.contains("meeting"), "{plain}");
    assert_eq!(
        journal.ok(&["share", "--on", "2026-11-23", "--with-notes"]),
        "🌱 254 days alcohol-free.\nNext up: 9 months on 14 Dec, 21 days to go.\n📝 Went to a meeting, felt strong\n"
    );
    // 2026-11-24's only note is private.
    let private_day = journal.ok(&["share", "--on", "2026-11-24", "--with-notes"]);
    assert_eq!(
        private_day,
        "🌱 255 days alcohol-free.\nNext up: 9 months on 14 Dec, 20 days to go.\n"
    );
}

#[test]
fn a_win_is_celebrated_and_its_words_shared_only_with_notes() {
    let text = format!(
        "{CONTRACT_EXAMPLE}\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"win\"\ntext = \"got my licence back\"\n\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"win\"\ntext = \"told my boss\"\nprivate = true\n"
    );
    let journal = TestJournal::with(&text);
    assert_eq!(
        journal.ok(&["share"]),
        "🌱 256 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n🏆 A win of my own today, too.\n"
    );
    assert_eq!(
        journal.ok(&["share", "--with-notes"]),
        "🌱 256 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n🏆 Today's win: got my licence back\n"
    );
}

#[test]
fn several_trackers_get_a_line_each() {
    let text = format!("{CONTRACT_EXAMPLE}\n[[tracker]]\nname = \"smoking\"\nsince = 2026-11-22\n");
    let journal = TestJournal::with(&text);
    assert_eq!(
        journal.ok(&["share", "--all"]),
        "🎉 3 days smoking-free today! Next up: 1 week on 29 Nov, 4 days to go.\n🌱 256 days alcohol-free. Next up: 9 months on 14 Dec, 19 days to go.\n"
    );
    assert_eq!(
        journal.ok(&["share", "smoking", "--no-emoji"]),
        "3 days smoking-free today!\nNext up: 1 week on 29 Nov, 4 days to go.\n"
    );
}

#[test]
fn control_characters_in_notes_never_reach_the_chat() {
    let text = format!(
        "{CONTRACT_EXAMPLE}\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"ok\\u001b[2J\\u0007 day\\nnext line\"\n"
    );
    let journal = TestJournal::with(&text);
    let out = journal.ok(&["share", "--with-notes"]);
    assert!(out.ends_with("📝 ok[2J day next line\n"), "{out:?}");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // The sample journal lists to far more than a pipe buffer, so `milestone` really meets EPIPE.
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/journal.toml");
    let script = format!(
        "set -o pipefail; \"{}\" --journal \"{sample}\" list --format json | head -c 1 >/dev/null",
        env!("CARGO_BIN_EXE_milestone"),
    );
    let output = crate::common::TestEnv::new()
        .command("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
}
