//! `milestone list`: filters, order, limit, table and JSON.

use crate::common::{CONTRACT_EXAMPLE, TestJournal, json, on_a_terminal};

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

/// The contract's example with a second, longer note in several lines.
fn a_longer_journal() -> TestJournal {
    TestJournal::with(&format!(
        "{CONTRACT_EXAMPLE}
[[entry]]
id = \"bbbbbb1\"
date = 2026-11-25
tracker = \"alcohol\"
kind = \"win\"
text = \"Went to the meeting and then for coffee with the group, and we talked about the first month\\nSecond line: slept well\"
tags = [\"meeting\", \"coffee with friends\"]
"
    ))
}

#[test]
fn a_terminal_120_columns_wide_gets_a_table_whose_text_has_the_room() {
    let journal = a_longer_journal();
    let (code, screen) = on_a_terminal(&journal, 120, &[], "list");
    assert_eq!(code, 0, "{screen}");
    assert_eq!(
        screen,
        "\
id       date        kind     mood  tags             text
───────────────────────────────────────────────────────────────────────────────────────────────────────────────────
aaaaaa1  2026-11-22  checkin
aaaaaa2  2026-11-23  checkin  4     meeting          Went to a meeting, felt strong
aaaaaa3  2026-11-24  checkin                         (private) Argued with Dad
bbbbbb1  2026-11-25  win            meeting, coffee  Went to the meeting and then for coffee with the group, and we
                                    with friends     talked about the first month
                                                     Second line: slept well
"
    );
}

#[test]
fn a_terminal_80_columns_wide_keeps_ids_and_dates_whole_and_tags_modest() {
    let journal = a_longer_journal();
    let (code, screen) = on_a_terminal(&journal, 80, &[], "list");
    assert_eq!(code, 0, "{screen}");
    assert_eq!(
        screen,
        "\
id       date        kind     mood  tags        text
────────────────────────────────────────────────────────────────────────────────
aaaaaa1  2026-11-22  checkin
aaaaaa2  2026-11-23  checkin  4     meeting     Went to a meeting, felt strong
aaaaaa3  2026-11-24  checkin                    (private) Argued with Dad
bbbbbb1  2026-11-25  win            meeting,    Went to the meeting and then for
                                    coffee      coffee with the group, and we
                                    with        talked about the first month
                                    friends     Second line: slept well
"
    );
    assert!(screen.lines().all(|l| l.chars().count() <= 80), "{screen}");
}

#[test]
fn a_terminal_40_columns_wide_shows_each_entry_as_a_block() {
    let journal = a_longer_journal();
    let (code, screen) = on_a_terminal(&journal, 40, &[], "list");
    assert_eq!(code, 0, "{screen}");
    assert_eq!(
        screen,
        "\
aaaaaa1  2026-11-22  checkin
  alcohol

aaaaaa2  2026-11-23  checkin
  alcohol · mood 4 · meeting
  Went to a meeting, felt strong

aaaaaa3  2026-11-24  checkin
  alcohol
  (private) Argued with Dad

bbbbbb1  2026-11-25  win
  alcohol · meeting, coffee with friends
  Went to the meeting and then for
  coffee with the group, and we talked
  about the first month
  Second line: slept well
"
    );
}

#[test]
fn a_terminal_shows_the_newest_twenty_and_says_how_to_see_all() {
    let mut text =
        String::from("version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-01-01\n");
    for day in 1..=25 {
        text.push_str(&format!(
            "\n[[entry]]\nid = \"d{day:05}\"\ndate = 2026-10-{day:02}\ntracker = \"alcohol\"\nkind = \"checkin\"\n"
        ));
    }
    let journal = TestJournal::with(&text);
    let (_, screen) = on_a_terminal(&journal, 80, &[], "list");
    let rows: Vec<&str> = screen.lines().filter(|l| l.starts_with('d')).collect();
    assert_eq!(rows.len(), 20, "{screen}");
    assert!(rows[0].starts_with("d00006  2026-10-06"), "{screen}");
    assert!(
        screen.ends_with(
            "Showing the newest 20 of 25 entries; `milestone list --all` shows every one (or narrow it with --since, --grep, --limit).\n"
        ),
        "{screen}"
    );
    let (_, all) = on_a_terminal(&journal, 80, &[], "list --all");
    assert_eq!(all.lines().filter(|l| l.starts_with('d')).count(), 25);
    assert!(!all.contains("Showing"), "{all}");
    // An explicit --limit is the person's own choice: no note about the rest.
    let (_, three) = on_a_terminal(&journal, 80, &[], "list --limit 3");
    assert_eq!(three.lines().count(), 5, "{three}");
    // Piped, every entry, as before.
    assert_eq!(journal.ok(&["list"]).lines().count(), 27);
}

#[test]
fn grep_finds_words_in_text_and_tags_in_any_case() {
    let journal = a_longer_journal();
    assert_eq!(
        ids(&journal, &["--grep", "MEETING"]),
        ["aaaaaa2", "bbbbbb1"]
    );
    assert_eq!(ids(&journal, &["--grep", "coffee with"]), ["bbbbbb1"]);
    assert_eq!(ids(&journal, &["--grep", "dad"]), ["aaaaaa3"]);
    assert_eq!(ids(&journal, &["--grep", "nowhere"]), Vec::<String>::new());
    assert_eq!(
        journal.ok(&["list", "--grep", "nowhere"]),
        "No entries match.\n"
    );
}

#[test]
fn since_after_until_says_why_nothing_matches() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.ok(&["list", "--since", "2026-11-24", "--until", "2026-11-20"]),
        "No entries match: --since 2026-11-24 is after --until 2026-11-20, so no day is in between (swap them?).\n"
    );
}

#[test]
fn piped_notes_stay_on_one_row() {
    let journal = a_longer_journal();
    let table = journal.ok(&["list", "--limit", "1"]);
    assert!(
        table.contains("the first month\\nSecond line: slept well |"),
        "{table}"
    );
}
