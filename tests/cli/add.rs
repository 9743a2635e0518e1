//! `milestone add`: what it writes, and what it says.

use crate::common::{CONTRACT_EXAMPLE, TestJournal, json};

fn one_tracker() -> TestJournal {
    TestJournal::with("version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n")
}

/// The entry the last `add` appended, as `list --format json` shows it (id removed: it is random).
fn last_entry(journal: &TestJournal) -> serde_json::Value {
    let mut entries = json(&journal.ok(&["list", "--format", "json"]));
    let mut last = entries.as_array_mut().unwrap().pop().expect("an entry");
    let id = last["id"].take();
    assert_eq!(
        id.as_str().map(str::len),
        Some(7),
        "ids are 7 characters: {id}"
    );
    last
}

#[test]
fn add_logs_a_checkin_for_today_with_every_field() {
    let journal = one_tracker();
    let out = journal.ok(&[
        "add",
        "went",
        "to a meeting",
        "--mood",
        "4",
        "--tag",
        "meeting",
        "--tag",
        "sponsor",
        "--private",
    ]);
    assert!(
        out.starts_with(
            "Logged a check-in for alcohol on 2026-11-25: day 256.\nTo take it back: milestone rm "
        ),
        "{out}"
    );
    assert_eq!(
        last_entry(&journal),
        json(
            r#"{"id": null, "date": "2026-11-25", "tracker": "alcohol", "kind": "checkin", "text": "went to a meeting", "mood": 4, "tags": ["meeting", "sponsor"], "private": true}"#
        )
    );
}

#[test]
fn add_appends_without_touching_what_was_there() {
    let journal = one_tracker();
    journal.ok(&["add", "quiet day"]);
    let text = journal.text();
    let id = &text[text.find("id = \"").unwrap() + 6..][..7];
    assert_eq!(
        text,
        format!(
            "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n\n[[entry]]\nid = \"{id}\"\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"quiet day\"\n"
        )
    );
}

#[test]
fn add_reads_the_note_from_a_pipe() {
    let journal = one_tracker();
    let mut cmd = journal.cmd(&["add", "--date", "yesterday"]);
    cmd.write_stdin("a calm evening\n");
    crate::common::run_ok(cmd);
    let entry = last_entry(&journal);
    assert_eq!(entry["text"], "a calm evening");
    assert_eq!(entry["date"], "2026-11-24");
}

#[test]
fn add_without_text_logs_a_bare_checkin() {
    let journal = one_tracker();
    journal.ok(&["add", "--date", "3 days ago"]);
    assert_eq!(
        last_entry(&journal),
        json(
            r#"{"id": null, "date": "2026-11-22", "tracker": "alcohol", "kind": "checkin", "text": null, "mood": null, "tags": [], "private": false}"#
        )
    );
}

#[test]
fn add_win_records_a_win() {
    let journal = one_tracker();
    let out = journal.ok(&["add", "--win", "got my licence back"]);
    assert!(
        out.starts_with("Logged a win for alcohol on 2026-11-25: day 256."),
        "{out}"
    );
    assert_eq!(last_entry(&journal)["kind"], "win");
}

#[test]
fn add_names_the_tracker_when_there_are_several() {
    let journal = TestJournal::with(&format!(
        "{CONTRACT_EXAMPLE}\n[[tracker]]\nname = \"smoking\"\nsince = 2026-11-01\n"
    ));
    let err = journal.fails(2, &["add", "hello"]);
    assert_eq!(
        err,
        "error: you have several trackers (alcohol, smoking); name one with --tracker NAME\n"
    );
    let out = journal.ok(&["add", "-t", "smoking", "hello"]);
    assert!(
        out.starts_with("Logged a check-in for smoking on 2026-11-25: day 24."),
        "{out}"
    );
}
