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

/// A journal long enough to be read in several pieces: its warnings are placed by a second
/// pass over the file, at exactly the lines and columns a whole read gives.
#[test]
fn warnings_in_a_long_journal_are_placed_exactly() {
    let mut text =
        String::from("version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2020-01-01\n\n");
    let mut expected = Vec::new();
    let entries = 9000;
    for i in 0..entries {
        let header = 7 + 6 * i;
        let future = i % 1000 == 500;
        let repeat = i == 6001;
        let date = if future { "2027-01-05" } else { "2026-03-01" };
        // Characters of two, three and four bytes before every line end.
        let n = if repeat { i - 1 } else { i };
        text.push_str(&format!(
            "[[entry]]\ndate = {date}\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"día {n} ☕ 🌱\"\n\n"
        ));
        if future {
            expected.push(format!(
                "{}:8: warning: entry dated 2027-01-05, after today (2026-11-25); it counts from that day on",
                header + 1
            ));
        }
        if repeat {
            expected.push(format!(
                "{header}:1: warning: this entry repeats an earlier one word for word (same date, tracker, kind and text)"
            ));
        }
    }
    assert!(text.len() > 3 * 256 * 1024, "{} bytes", text.len());
    let journal = TestJournal::with(&text);
    let p = journal.path.display();
    let mut want: String = expected
        .iter()
        .map(|line| format!("{p}:{line}\n"))
        .collect();
    want.push_str(&format!(
        "{p}: ok (1 tracker, 9000 entries, {} warnings)\n\
         9000 entries written by hand have no id, so `milestone edit ID` and `milestone rm ID` cannot reach them; `milestone check --fix` gives each one.\n",
        expected.len()
    ));
    assert_eq!(journal.ok(&["check"]), want);
}
