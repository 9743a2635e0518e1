//! `milestone start` and `milestone reset`.

use crate::common::{TestJournal, json, with_id_hidden};

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
        with_id_hidden(&journal.ok(&[
            "reset",
            "--date",
            "2026-11-15",
            "--note",
            "cousin's wedding"
        ])),
        "Thank you for being honest with yourself. A slip can be part of recovery.\n\
         Recorded a reset for alcohol on 2026-11-15. Your new streak is already 10 days old.\n\
         Every day before it still counts: 369 days since 2025-11-20.\n\
         To take it back: milestone rm ID\n"
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
        with_id_hidden(&journal.ok(&["reset", "gambling"])),
        "Thank you for being honest with yourself. A slip can be part of recovery.\n\
         Recorded a reset for gambling on 2026-11-25. A new streak starts today: day one.\n\
         Every day before it still counts: 24 days since 2026-11-01.\n\
         To take it back: milestone rm ID\n"
    );
}
