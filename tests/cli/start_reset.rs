//! `milestone start` and `milestone reset`.

use crate::common::{TestJournal, json};

#[test]
fn start_creates_the_journal_with_a_header() {
    let journal = TestJournal::empty();
    assert_eq!(
        journal.ok(&[
            "start",
            "alcohol",
            "--since",
            "2026-03-14",
            "--cost-per-day",
            "12.5"
        ]),
        "Started tracking alcohol from 2026-03-14: 256 days already.\n"
    );
    assert_eq!(
        journal.text(),
        "# milestone journal: yours to read, edit by hand and keep in git.\n\
         # After a hand edit, `milestone check` tells you if anything needs fixing.\n\
         version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\ncost_per_day = 12.5\n"
    );
    let mut files: Vec<String> = std::fs::read_dir(journal.folder())
        .unwrap()
        .map(|f| f.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["journal.toml", "journal.toml.lock"],
        "no temporary file is left behind"
    );
}

#[test]
fn start_today_is_day_one_in_words_and_zero_in_numbers() {
    let journal = TestJournal::empty();
    assert_eq!(
        journal.ok(&["start", "smoking"]),
        "Started tracking smoking today. Day one of something good.\n"
    );
    let standing = json(&journal.ok(&["streak", "--format", "json"]));
    assert_eq!(standing[0]["days"], 0);
    assert_eq!(standing[0]["start"], "2026-11-25");
}

#[test]
fn reset_restarts_the_streak_and_keeps_the_total() {
    let journal = TestJournal::empty();
    journal.ok(&["start", "alcohol", "--since", "2025-11-20"]);
    assert_eq!(
        journal.ok(&[
            "reset",
            "--date",
            "2026-11-15",
            "--note",
            "cousin's wedding"
        ]),
        "Reset recorded for alcohol on 2026-11-15.\n\
         Every day still counts: 369 of 370 days alcohol-free since 2025-11-20.\n\
         Be gentle with yourself. Your new streak is already 10 days old.\n"
    );
    let s = &json(&journal.ok(&["streak", "--format", "json"]))[0];
    assert_eq!(
        (
            &s["start"],
            &s["days"],
            &s["longest_days"],
            &s["total_days"],
            &s["resets"]
        ),
        (
            &json("\"2026-11-15\""),
            &json("10"),
            &json("360"),
            &json("369"),
            &json("1")
        )
    );
}

#[test]
fn reset_today_starts_a_new_streak_today() {
    let journal = TestJournal::empty();
    journal.ok(&["start", "gambling", "--since", "2026-11-01"]);
    assert_eq!(
        journal.ok(&["reset", "gambling"]),
        "Reset recorded for gambling on 2026-11-25.\n\
         Every day still counts: 24 days gambling-free since 2026-11-01.\n\
         Be gentle with yourself. A new streak starts today.\n"
    );
}
