//! `milestone edit` and `milestone rm`: one entry by its id, or the whole journal in the editor.

use crate::common::{CONTRACT_EXAMPLE, TestJournal, json, run_fails, run_ok};

fn entry(journal: &TestJournal, id: &str) -> serde_json::Value {
    json(&journal.ok(&["list", "--format", "json"]))
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .cloned()
        .unwrap_or(serde_json::Value::Null)
}

#[test]
fn edit_changes_only_the_fields_given() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.ok(&[
            "edit",
            "aaaaaa2",
            "--mood",
            "5",
            "--tag",
            "sponsor",
            "--private"
        ]),
        "Updated aaaaaa2 (2026-11-23 alcohol check-in: Went to a meeting, felt strong).\n"
    );
    assert_eq!(
        entry(&journal, "aaaaaa2"),
        json(
            r#"{"id": "aaaaaa2", "date": "2026-11-23", "tracker": "alcohol", "kind": "checkin",
                 "text": "Went to a meeting, felt strong", "mood": 5, "tags": ["sponsor"], "private": true}"#
        )
    );
    // Only that entry's lines changed.
    assert_eq!(
        journal.text(),
        CONTRACT_EXAMPLE.replace(
            "mood = 4\ntags = [\"meeting\"]\n",
            "mood = 5\ntags = [\"sponsor\"]\nprivate = true\n"
        )
    );
}

#[test]
fn edit_accepts_a_unique_beginning_of_an_id_and_moves_the_date() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    journal.ok(&[
        "edit",
        "aaaaaa3",
        "--public",
        "--date",
        "2026-11-20",
        "--text",
        "talked it through",
    ]);
    let e = entry(&journal, "aaaaaa3");
    assert_eq!(
        (&e["date"], &e["private"], &e["text"]),
        (
            &json("\"2026-11-20\""),
            &json("false"),
            &json("\"talked it through\"")
        )
    );
    let err = journal.fails(1, &["edit", "aaaaaa", "--mood", "3"]);
    assert_eq!(
        err,
        "error: \"aaaaaa\" is the beginning of several ids (aaaaaa1, aaaaaa2, aaaaaa3); give more of it\n"
    );
}

#[test]
fn edit_refuses_bad_changes_and_leaves_the_journal() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert!(
        journal
            .fails(2, &["edit", "aaaaaa2", "--mood", "7"])
            .contains("mood is on a scale of 1 to 5")
    );
    assert!(
        journal
            .fails(1, &["edit", "aaaaaa2", "--date", "2026-12-01"])
            .contains("is after today")
    );
    assert!(
        journal
            .fails(1, &["edit", "aaaaaa2", "--date", "2026-01-01"])
            .contains("is before alcohol started (2026-03-14)")
    );
    assert!(
        journal
            .fails(1, &["edit", "nope", "--mood", "3"])
            .contains("no entry has the id \"nope\"")
    );
    assert!(
        journal
            .fails(1, &["edit", "aaaaaa2"])
            .starts_with("error: nothing to change")
    );
    journal.fails(2, &["edit", "--mood", "3"]);
    journal.fails(2, &["edit", "aaaaaa2", "--private", "--public"]);
}

#[test]
fn rm_needs_a_yes_when_it_cannot_ask() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.fails(1, &["rm", "aaaaaa2"]),
        "error: not removing aaaaaa2 without a yes: run `milestone rm aaaaaa2 --yes` to remove it\n"
    );
    assert_eq!(
        journal.ok(&["rm", "aaaaaa2", "--yes"]),
        "Removed aaaaaa2 (2026-11-23 alcohol check-in: Went to a meeting, felt strong).\n"
    );
    assert_eq!(entry(&journal, "aaaaaa2"), serde_json::Value::Null);
    assert!(!journal.text().contains("Went to a meeting"));
    assert!(
        journal.text().contains("id = \"aaaaaa1\"") && journal.text().contains("id = \"aaaaaa3\"")
    );
    assert!(
        journal
            .fails(1, &["rm", "aaaaaa2", "--yes"])
            .contains("no entry has the id")
    );
}

/// Runs `milestone edit` with EDITOR set to a shell command that changes the file.
fn edit_with(journal: &TestJournal, editor: &str) -> assert_cmd::Command {
    let mut cmd = journal.cmd(&["edit"]);
    cmd.env("EDITOR", editor);
    cmd
}

#[test]
fn editing_the_whole_journal_saves_a_valid_edit() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let out = run_ok(edit_with(&journal, "sed -i 's/mood = 4/mood = 2/'"));
    assert_eq!(out, format!("Saved {}.\n", journal.path.display()));
    assert_eq!(
        journal.text(),
        CONTRACT_EXAMPLE.replace("mood = 4", "mood = 2")
    );
    assert_eq!(run_ok(edit_with(&journal, "true")), "No changes.\n");
}

#[test]
fn a_broken_edit_is_never_saved() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let err = run_fails(edit_with(&journal, "sed -i 's/mood = 4/mood = 9/'"), 1);
    let p = journal.path.display();
    assert_eq!(
        err,
        format!(
            "error: the edited journal has 1 problem, so it was not saved; the journal is unchanged\n  {p}:19:8: mood is on a scale of 1 to 5 (1 low, 5 great), not 9\n"
        )
    );
    assert_eq!(journal.text(), CONTRACT_EXAMPLE);
    let failing_editor = run_fails(edit_with(&journal, "false"), 1);
    assert!(
        failing_editor.contains("exited with an error, so nothing was changed"),
        "{failing_editor}"
    );
    assert_eq!(journal.text(), CONTRACT_EXAMPLE);
}

#[test]
fn an_edit_loses_to_a_write_made_meanwhile() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    // The "editor" adds an entry through milestone itself, then edits its copy.
    let bin = env!("CARGO_BIN_EXE_milestone");
    let editor = format!(
        "sh -c '\"{bin}\" --journal \"{}\" add meanwhile >/dev/null && sed -i s/mood\\ =\\ 4/mood\\ =\\ 1/ \"$1\"' sh",
        journal.path.display()
    );
    let err = run_fails(edit_with(&journal, &editor), 1);
    assert!(
        err.contains("the journal changed while you were editing it"),
        "{err}"
    );
    assert!(err.contains("your edited copy is kept at"), "{err}");
    assert!(journal.text().contains("text = \"meanwhile\""));
    assert!(journal.text().contains("mood = 4"));
}

/// Runs `milestone ARGS` with a terminal as standard input (through util-linux `script`).
fn on_a_terminal(journal: &TestJournal, editor: &str, args: &str) -> String {
    let command = format!(
        "\"{}\" --journal \"{}\" {args}",
        env!("CARGO_BIN_EXE_milestone"),
        journal.path.display()
    );
    let output = journal
        .env()
        .command("script")
        .args(["-qec", &command, "/dev/null"])
        .env("EDITOR", editor)
        .output()
        .expect("util-linux `script` runs the command on a pseudo-terminal");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn add_on_a_terminal_writes_the_note_in_the_editor() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let out = on_a_terminal(&journal, "sed -i '1s/^/called my sponsor/'", "add");
    assert!(
        out.starts_with("Logged a check-in for alcohol on 2026-11-25: day 256."),
        "{out}"
    );
    assert!(
        journal
            .text()
            .ends_with("kind = \"checkin\"\ntext = \"called my sponsor\"\n"),
        "{}",
        journal.text()
    );
    // Comment lines are left out; nothing written means a check-in without a note.
    on_a_terminal(&journal, "true", "add --date yesterday");
    assert!(
        journal
            .text()
            .ends_with("date = 2026-11-24\ntracker = \"alcohol\"\nkind = \"checkin\"\n"),
        "{}",
        journal.text()
    );
    // --no-edit skips the editor (which here would fail).
    on_a_terminal(&journal, "false", "add --no-edit --date '2 days ago'");
    assert!(
        journal
            .text()
            .ends_with("date = 2026-11-23\ntracker = \"alcohol\"\nkind = \"checkin\"\n")
    );
}
