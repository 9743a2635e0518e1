//! `milestone list`: filters, order, limit, table and JSON.

use crate::common::{CONTRACT_EXAMPLE, TestJournal, json};

const TWO_TRACKERS: &str = r#"version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14

[[tracker]]
name = "smoking"
since = 2026-10-01

[[entry]]
id = "e3"
date = 2026-11-20
tracker = "smoking"
kind = "win"
text = "climbed the stairs"

[[entry]]
id = "e1"
date = 2026-11-01
tracker = "alcohol"
kind = "checkin"
tags = ["meeting"]

[[entry]]
id = "e4"
date = 2026-11-24
tracker = "alcohol"
kind = "reset"

[[entry]]
id = "e2"
date = 2026-11-10
tracker = "alcohol"
kind = "checkin"
text = "\u001b[31mred"
"#;

fn ids(journal: &TestJournal, args: &[&str]) -> Vec<String> {
    let mut full = vec!["list", "--format", "json"];
    full.extend_from_slice(args);
    json(&journal.ok(&full))
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn entries_come_oldest_first_whatever_the_file_order() {
    let journal = TestJournal::with(TWO_TRACKERS);
    assert_eq!(ids(&journal, &[]), ["e1", "e2", "e3", "e4"]);
}

#[test]
fn filters_combine() {
    let journal = TestJournal::with(TWO_TRACKERS);
    assert_eq!(ids(&journal, &["--tracker", "alcohol"]), ["e1", "e2", "e4"]);
    assert_eq!(ids(&journal, &["--kind", "checkin"]), ["e1", "e2"]);
    assert_eq!(ids(&journal, &["--tag", "meeting"]), ["e1"]);
    assert_eq!(
        ids(
            &journal,
            &["--since", "2026-11-10", "--until", "2026-11-20"]
        ),
        ["e2", "e3"]
    );
    assert_eq!(ids(&journal, &["--since", "5 days ago"]), ["e3", "e4"]);
    assert_eq!(ids(&journal, &["--limit", "2"]), ["e3", "e4"]);
    assert_eq!(ids(&journal, &["--limit", "0"]), Vec::<String>::new());
    assert_eq!(
        ids(&journal, &["--tracker", "smoking", "--kind", "reset"]),
        Vec::<String>::new()
    );
}

#[test]
fn json_has_the_contract_fields() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let entries = json(&journal.ok(&["list", "--format", "json", "--limit", "2"]));
    assert_eq!(
        entries,
        json(
            r#"[{"id": "aaaaaa2", "date": "2026-11-23", "tracker": "alcohol", "kind": "checkin",
                 "text": "Went to a meeting, felt strong", "mood": 4, "tags": ["meeting"], "private": false},
                {"id": "aaaaaa3", "date": "2026-11-24", "tracker": "alcohol", "kind": "checkin",
                 "text": "Argued with Dad", "mood": null, "tags": [], "private": true}]"#
        )
    );
}

#[test]
fn piped_table_is_plain_and_escapes_terminal_codes() {
    let journal = TestJournal::with(TWO_TRACKERS);
    assert_eq!(
        journal.ok(&["list", "--tracker", "alcohol"]),
        "\
| id | date       | tracker | kind    | mood | tags    | text          |
|----|------------|---------|---------|------|---------|---------------|
| e1 | 2026-11-01 | alcohol | checkin |      | meeting |               |
| e2 | 2026-11-10 | alcohol | checkin |      |         | \\u{1b}[31mred |
| e4 | 2026-11-24 | alcohol | reset   |      |         |               |
"
    );
}

#[test]
fn private_entries_are_marked_in_the_owners_table() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let table = journal.ok(&["list", "--limit", "1"]);
    assert!(table.contains("| (private) Argued with Dad |"), "{table}");
}

#[test]
fn an_empty_result_says_so() {
    let journal = TestJournal::with("version = 1\n[[tracker]]\nname = \"a\"\nsince = 2026-01-01\n");
    assert_eq!(
        journal.ok(&["list"]),
        "No entries yet. Log your first with `milestone add \"how today went\"`.\n"
    );
    assert_eq!(journal.ok(&["list", "--format", "json"]), "[]\n");
}
