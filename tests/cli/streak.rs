//! `milestone streak`: exact numbers, in text and in the contract's JSON.

use crate::common::{CONTRACT_EXAMPLE, TestJournal, json};

#[test]
fn json_matches_the_contract_example() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let out = journal.ok(&["streak", "--format", "json"]);
    assert_eq!(
        json(&out),
        json(
            r#"[{"tracker": "alcohol", "start": "2026-03-14", "on": "2026-11-25", "days": 256,
                "longest_days": 256, "total_days": 256, "resets": 0, "checkin_streak": 3, "pledge_streak": 0, "urges_30_days": 0,
                "last_milestone": {"label": "6 months", "date": "2026-09-14"},
                "next_milestone": {"label": "9 months", "date": "2026-12-14", "days_left": 19}}]"#
        )
    );
}

#[test]
fn text_shows_every_figure() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.ok(&["streak"]),
        "\
alcohol  256 days
  current streak  256 days, since 2026-03-14
  longest streak  256 days
  total           256 days since 2026-03-14
  check-ins       3 days in a row
  last milestone  6 months, reached 2026-09-14
  next milestone  9 months on 2026-12-14, in 19 days
"
    );
}

#[test]
fn reading_leaves_the_journal_byte_for_byte() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let before = journal.bytes();
    for args in [
        &["streak"][..],
        &["streak", "--format", "json"],
        &["list"],
        &["share"],
        &["check"],
    ] {
        journal.ok(args);
        assert_eq!(journal.bytes(), before, "{args:?} changed the journal");
    }
}
