//! Colour only on a terminal: never when piped, with NO_COLOR, or with --color never.

use crate::common::{CONTRACT_EXAMPLE, TestJournal, run_ok};

const ESC: char = '\u{1b}';

/// `milestone ARGS` with a terminal as standard output (through util-linux `script`).
fn on_a_terminal(journal: &TestJournal, no_color: bool, args: &str) -> String {
    let command = format!(
        "\"{}\" --journal \"{}\" {args}",
        env!("CARGO_BIN_EXE_milestone"),
        journal.path.display()
    );
    let mut cmd = journal.env().command("script");
    cmd.args(["-qec", &command, "/dev/null"]);
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let output = cmd
        .output()
        .expect("util-linux `script` runs the command on a pseudo-terminal");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_terminal_gets_colour_and_no_color_turns_it_off() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert!(on_a_terminal(&journal, false, "streak").contains(ESC));
    assert!(!on_a_terminal(&journal, true, "streak").contains(ESC));
    assert!(!on_a_terminal(&journal, false, "streak --color never").contains(ESC));
}

#[test]
fn a_pipe_gets_no_colour_unless_asked() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for args in [&["streak"][..], &["report"], &["share"], &["list"]] {
        assert!(!journal.ok(args).contains(ESC), "{args:?}");
    }
    let mut always = journal.cmd(&["streak", "--color", "always"]);
    always.env("NO_COLOR", "1");
    assert!(
        run_ok(always).contains("\u{1b}[1m"),
        "--color always wins over NO_COLOR"
    );
    // Share text never carries colour codes, whatever is asked.
    assert!(!journal.ok(&["share", "--color", "always"]).contains(ESC));
}

#[test]
fn a_terminal_that_reports_no_width_still_gets_a_readable_table() {
    // util-linux `script` gives a pseudo-terminal of 0 columns.
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let table = on_a_terminal(&journal, true, "list --limit 1");
    assert!(
        table.contains("│ id      ┆ date       ┆ tracker ┆ kind    ┆ mood ┆ tags ┆ text"),
        "{table}"
    );
}
