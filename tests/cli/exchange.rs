//! `milestone export` and `milestone import`: round trips, other tools' files, duplicates.

use crate::common::{CONTRACT_EXAMPLE, TestJournal, json};

const SAMPLE: &str = include_str!("../../examples/journal.toml");

fn write(journal: &TestJournal, name: &str, text: &str) -> String {
    let path = journal.folder().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn export_then_import_into_an_empty_journal_gives_the_same_entries() {
    let sample = TestJournal::with(SAMPLE);
    let entries = sample.ok(&["list", "--format", "json"]);
    let streaks = sample.ok(&["streak", "--format", "json"]);
    for format in ["json", "csv"] {
        let exported = sample.ok(&["export", "--format", format]);
        let fresh = TestJournal::empty();
        let file = write(&fresh, &format!("export.{format}"), &exported);
        let kind = if format == "json" { "JSON" } else { "CSV" };
        assert_eq!(
            fresh.ok(&["import", &file]),
            format!("Added 2 trackers and 451 entries from a milestone {kind} export.\n")
        );
        assert_eq!(
            json(&fresh.ok(&["list", "--format", "json"])),
            json(&entries),
            "{format}"
        );
        assert_eq!(
            json(&fresh.ok(&["streak", "--format", "json"])),
            json(&streaks),
            "{format}"
        );
        // A second import finds nothing new.
        assert_eq!(
            fresh.ok(&["import", &file]),
            format!(
                "Added 0 trackers and 0 entries from a milestone {kind} export (451 duplicates already in the journal, skipped).\n"
            )
        );
    }
}

#[test]
fn dry_run_changes_nothing() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let other = TestJournal::with(SAMPLE);
    let file = write(&journal, "sample.json", &other.ok(&["export"]));
    let output = journal
        .cmd(&["import", &file, "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    // Every entry it would add is shown, one a line.
    assert!(
        stdout.starts_with(
            "Would add 1 tracker and 451 entries from a milestone JSON export. Nothing was changed.\n  tracker smoking since 2026-02-01\n  2025-11-20 alcohol check-in: Called my sponsor\n  2025-11-21 alcohol check-in: Bad dream about drinking\n  2025-11-22 alcohol check-in\n"
        ),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 2 + 451);
    // The sample's alcohol began on another day than this journal's.
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "warning: the import says alcohol started on 2025-11-20, and your journal says 2026-03-14; the journal's 2026-03-14 is kept (change `since` in the journal with `milestone edit` if the import is right)\n"
    );
    assert_eq!(journal.text(), CONTRACT_EXAMPLE);
}

#[test]
fn jrnl_entries_become_checkins_for_the_named_tracker() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let jrnl = r#"{"tags": {"@meeting": 1}, "entries": [
        {"title": "Went to the Tuesday group.", "body": "Felt heard.", "date": "2026-11-10", "time": "20:15", "tags": ["@meeting"], "starred": false},
        {"title": "Quiet day", "body": "", "date": "2026-11-11", "time": "09:00", "tags": [], "starred": true}
    ]}"#;
    let file = write(&journal, "jrnl.json", jrnl);
    assert!(
        journal
            .fails(1, &["import", &file])
            .contains("add --tracker NAME")
    );
    assert_eq!(
        journal.ok(&["import", &file, "--tracker", "alcohol"]),
        "Added 0 trackers and 2 entries from a jrnl JSON export.\n"
    );
    let entries = json(&journal.ok(&[
        "list",
        "--format",
        "json",
        "--since",
        "2026-11-10",
        "--until",
        "2026-11-11",
    ]));
    assert_eq!(
        entries[0]["text"],
        "Went to the Tuesday group.\nFelt heard."
    );
    assert_eq!(entries[0]["tags"], json(r#"["meeting"]"#));
    assert_eq!(entries[1]["text"], "Quiet day");
    assert!(
        entries
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["kind"] == "checkin")
    );
}

#[test]
fn loop_history_never_becomes_a_fake_reset() {
    let journal = TestJournal::empty();
    let checkmarks =
        "Date,No alcohol\n2026-11-24,2\n2026-11-23,0\n2026-11-22,-1\n2026-11-21,2\n2026-11-20,1\n";
    let file = write(&journal, "Checkmarks.csv", checkmarks);
    assert_eq!(
        journal.ok(&["import", &file]),
        "Added 1 tracker and 3 entries from a Loop Habit Tracker CSV export.\n"
    );
    let s = &json(&journal.ok(&["streak", "--format", "json"]))[0];
    assert_eq!(
        (&s["tracker"], &s["start"], &s["days"], &s["resets"]),
        (
            &json("\"no-alcohol\""),
            &json("\"2026-11-20\""),
            &json("5"),
            &json("0")
        )
    );
    assert_eq!(s["checkin_streak"], 1);
}

#[test]
fn a_file_milestone_cannot_read_is_refused_and_nothing_changes() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let file = write(&journal, "notes.txt", "just some notes\n");
    let err = journal.fails(1, &["import", &file]);
    assert!(err.contains("is not a format milestone imports"), "{err}");
    let future = write(
        &journal,
        "future.json",
        r#"{"version": 1, "trackers": [], "entries": [{"date": "2027-01-01", "tracker": "alcohol", "kind": "checkin"}]}"#,
    );
    assert!(
        journal
            .fails(1, &["import", &future])
            .contains("after today")
    );
    let unknown = write(
        &journal,
        "unknown.json",
        r#"{"version": 1, "trackers": [], "entries": [{"date": "2026-01-01", "tracker": "cards", "kind": "checkin"}]}"#,
    );
    assert!(
        journal
            .fails(1, &["import", &unknown])
            .contains("no such tracker")
    );
}

#[test]
fn markdown_export_is_the_readable_journal() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.ok(&["export", "--format", "markdown"]),
        "# My milestone journal\n\n## alcohol (since 2026-03-14)\n\n\
         - 2026-11-22 check-in\n\
         - 2026-11-23 check-in (mood 4) #meeting: Went to a meeting, felt strong\n\
         - 2026-11-24 check-in: *(private)* Argued with Dad\n"
    );
}

#[test]
fn ics_export_has_the_coming_milestones_as_all_day_events() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let ics = journal.ok(&["export", "--format", "ics"]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 6);
    assert!(ics.contains("DTSTART;VALUE=DATE:20261214\r\nSUMMARY:9 months alcohol-free\r\nUID:alcohol-2026-12-14-9-months@milestone\r\n"), "{ics}");
    assert!(ics.contains("DTEND;VALUE=DATE:20261215\r\n"));
    assert!(ics.contains("SUMMARY:1 year alcohol-free"));
}
