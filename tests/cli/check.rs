//! `milestone check`: every problem at once, each at PATH:LINE:COL.

use crate::common::{CONTRACT_EXAMPLE, TestJournal};

#[test]
fn a_good_journal_is_ok() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        journal.ok(&["check"]),
        format!("{}: ok (1 tracker, 3 entries)\n", journal.path.display())
    );
}

#[test]
fn every_problem_is_listed_with_its_position() {
    let text = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\ncolour = \"blue\"\n\n[[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"relapse\"\n\n[[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"checkin\"\nmood = 9\n\n[[entry]]\ndate = 2026-11-24\ntracker = \"booze\"\nkind = \"checkin\"\n";
    let journal = TestJournal::with(text);
    let output = journal.cmd(&["check"]).output().unwrap();
    let p = journal.path.display();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "{p}:6:1: warning: unknown key `colour` in [[tracker]] (kept as is; check its spelling)\n\
             {p}:11:8: unknown kind \"relapse\"; use \"checkin\", \"win\", \"reset\", \"urge\" or \"pledge\"\n\
             {p}:17:8: mood is on a scale of 1 to 5 (1 low, 5 great), not 9\n\
             {p}:21:11: entry for unknown tracker \"booze\"; known trackers: alcohol\n"
        )
    );
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("error: 3 problems in {p}; fix them and run `milestone check` again\n")
    );
    assert_eq!(journal.text(), text);
}

#[test]
fn warnings_alone_pass() {
    let text = format!("note = \"mine\"\n{CONTRACT_EXAMPLE}");
    let journal = TestJournal::with(&text);
    let out = journal.ok(&["check"]);
    assert!(
        out.contains(":1:1: warning: unknown key `note` at the top level"),
        "{out}"
    );
    assert!(
        out.ends_with("ok (1 tracker, 3 entries, 1 warning)\n"),
        "{out}"
    );
}

#[test]
fn a_syntax_error_points_at_the_line() {
    let journal = TestJournal::with("version = 1\n\n[[tracker]\nname = \"a\"\n");
    let err = journal.fails(1, &["streak"]);
    let p = journal.path.display();
    assert!(err.starts_with(&format!("error: {p}:3:")), "{err}");
    assert!(err.contains("not valid TOML"), "{err}");
    assert!(
        err.ends_with(
            "fix this in the journal (nothing was changed), then run `milestone check`\n"
        ),
        "{err}"
    );
}
