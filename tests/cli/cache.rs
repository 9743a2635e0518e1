//! The derived cache and the append path never change an answer: every command says exactly
//! the same with the cache, without it (`MILESTONE_NO_CACHE=1`), cold and warm, after appends
//! by `add` and by hand, after edits in the middle, and with a damaged cache.

use crate::common::{TestJournal, run_ok};

const SAMPLE: &str = include_str!("../../examples/journal.toml");

const READS: &[&[&str]] = &[
    &["streak"],
    &["streak", "--format", "json"],
    &["report"],
    &["report", "--format", "markdown"],
    &["report", "--format", "json"],
    &["share", "--all"],
    &["share", "--all", "--style", "json"],
    &["share", "alcohol", "--with-notes", "--on", "2026-11-01"],
    &["list"],
    &["list", "--format", "json"],
    &["export", "--format", "csv"],
    &["export", "--format", "ics"],
    &["prompt"],
    &["check"],
];

fn without_cache(journal: &TestJournal, args: &[&str]) -> String {
    let mut cmd = journal.cmd(args);
    cmd.env("MILESTONE_NO_CACHE", "1");
    run_ok(cmd)
}

/// Every reading command, cold cache, warm cache and no cache, must agree.
fn assert_same_answers(journal: &TestJournal, when: &str) {
    for args in READS {
        let plain = without_cache(journal, args);
        let first = journal.ok(args);
        let second = journal.ok(args);
        assert_eq!(first, plain, "{when}: {args:?} differs with the cache");
        assert_eq!(second, plain, "{when}: {args:?} differs with a warm cache");
    }
}

#[test]
fn every_reading_command_answers_the_same_with_and_without_the_cache() {
    let journal = TestJournal::with(SAMPLE);
    assert_same_answers(&journal, "the sample journal");
}

#[test]
fn appends_by_add_and_by_hand_and_edits_in_the_middle_read_back_the_same() {
    let journal = TestJournal::with(SAMPLE);
    assert_same_answers(&journal, "start");
    journal.ok(&[
        "add",
        "-t",
        "alcohol",
        "first append",
        "--mood",
        "4",
        "--tag",
        "meeting",
    ]);
    journal.ok(&["add", "-t", "smoking", "--win", "second append"]);
    journal.ok(&["reset", "smoking", "--note", "a slip"]);
    assert_same_answers(&journal, "after add, add --win and reset");

    // An entry written by hand at the end, as a person would.
    let mut text = journal.text();
    text.push_str("\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"by hand\"\n");
    std::fs::write(&journal.path, &text).unwrap();
    assert_same_answers(&journal, "after a hand-written append");
    journal.ok(&["add", "-t", "alcohol", "after the hand edit"]);
    assert_same_answers(&journal, "after an add on top of it");

    // A change in the middle: the cache no longer describes the journal's beginning.
    let edited = journal.text().replacen("mood = 3", "mood = 1", 1);
    std::fs::write(&journal.path, edited).unwrap();
    assert_same_answers(&journal, "after an edit in the middle");

    // A key appended by hand belongs to the last entry: only a full read sees that.
    let mut text = journal.text();
    text.push_str("mood = 2\n");
    std::fs::write(&journal.path, text).unwrap();
    assert_same_answers(&journal, "after a key appended to the last entry");
}

#[test]
fn a_damaged_cache_is_never_believed() {
    let journal = TestJournal::with(SAMPLE);
    assert_same_answers(&journal, "start");
    let cache_files: Vec<_> = std::fs::read_dir(journal.cmd_cache_dir())
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    assert_eq!(
        cache_files.len(),
        2,
        "a head and a journal file: {cache_files:?}"
    );
    for file in &cache_files {
        let mut bytes = std::fs::read(file).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x55;
        std::fs::write(file, &bytes).unwrap();
    }
    assert_same_answers(&journal, "with flipped bits in the cache");
    for file in &cache_files {
        std::fs::write(file, b"garbage").unwrap();
    }
    assert_same_answers(&journal, "with garbage for a cache");
}

#[test]
fn errors_are_found_the_same_with_the_cache() {
    let journal = TestJournal::with(SAMPLE);
    journal.ok(&["streak"]);
    let mut text = journal.text();
    text.push_str(
        "\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"checkin\"\nmood = 9\n",
    );
    std::fs::write(&journal.path, &text).unwrap();
    let with = journal.fails(1, &["streak"]);
    let mut cmd = journal.cmd(&["streak"]);
    cmd.env("MILESTONE_NO_CACHE", "1");
    assert_eq!(crate::common::run_fails(cmd, 1), with);
    let mood_line = text.lines().count();
    assert!(
        with.contains(&format!(":{mood_line}:8: mood is on a scale of 1 to 5")),
        "{with}"
    );
}

#[test]
fn the_cache_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let journal = TestJournal::with(SAMPLE);
    journal.ok(&["streak"]);
    let folder = journal.cmd_cache_dir();
    for file in std::fs::read_dir(&folder).unwrap() {
        let mode = file.unwrap().metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
