//! `milestone prompt`: one short line, and silence when there is nothing to say.

use crate::common::{CONTRACT_EXAMPLE, TestJournal};

#[test]
fn one_tracker_shows_days_and_the_next_milestone() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(journal.ok(&["prompt"]), "256d · 9mo in 19d\n");
    let mut on_the_day = journal.cmd(&["prompt"]);
    on_the_day.env("MILESTONE_TODAY", "2026-12-14");
    assert_eq!(crate::common::run_ok(on_the_day), "275d · 9mo today!\n");
}

#[test]
fn several_trackers_are_named() {
    let text = format!("{CONTRACT_EXAMPLE}\n[[tracker]]\nname = \"smoking\"\nsince = 2026-11-01\n");
    let journal = TestJournal::with(&text);
    assert_eq!(journal.ok(&["prompt"]), "alcohol 256d · smoking 24d\n");
    assert_eq!(journal.ok(&["prompt", "smoking"]), "24d · 30d in 6d\n");
}

#[test]
fn no_journal_prints_nothing() {
    let journal = TestJournal::empty();
    assert_eq!(journal.ok(&["prompt"]), "");
    assert!(!journal.path.exists());
}

#[test]
fn a_broken_journal_gets_a_short_hint_not_an_error() {
    let journal = TestJournal::with("version = 1\n[[tracker]\n");
    assert_eq!(
        journal.ok(&["prompt"]),
        "milestone: run `milestone check`\n"
    );
}
