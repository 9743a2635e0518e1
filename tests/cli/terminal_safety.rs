//! Terminal safety: journal text may hold escape sequences (TOML allows `\u001b` in strings):
//! colour codes, OSC 52 clipboard writes, screen clears, bidi overrides. Whatever shows that
//! text on a terminal shows it escaped, never raw; the journal keeps it exactly as written.

use crate::common::{TestJournal, run_with_deadline};

use std::time::Duration;

/// Everything nasty, as a TOML basic string body: CSI colour, OSC 52 (set the clipboard),
/// a screen clear, the C1 single-byte CSI, BEL, CR, backspace, DEL, NUL, and the bidi
/// override and isolate that reorder what is displayed.
const NASTY: &str = r"red \u001b[31mRED\u001b[0m clip \u001b]52;c;cm0gLXJmIH4=\u0007 clear \u001b[2J c1 \u009b6n bell \u0007 cr \r bs \b del \u007f nul \u0000 bidi \u202Eevil\u202C iso \u2066x\u2069 end";

/// The same, as the program shows it escaped (Rust's `\u{..}` form).
const NASTY_SHOWN: &[&str] = &[
    r"\u{1b}[31mRED\u{1b}[0m",
    r"\u{1b}]52;c;cm0gLXJmIH4=\u{7}",
    r"\u{1b}[2J",
    r"\u{9b}6n",
    r"\u{202e}evil\u{202c}",
    r"\u{2066}x\u{2069}",
    r"nul \u{0}",
];

fn nasty_journal() -> String {
    format!(
        r#"version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14

[[entry]]
id = "win1"
date = 2026-11-20
tracker = "alcohol"
kind = "win"
text = "{NASTY}"
tags = ["\u001b[5mblink", "\u202Etag"]

[[entry]]
id = "reset1"
date = 2026-11-21
tracker = "alcohol"
kind = "reset"
text = "slip {NASTY}"

[[entry]]
id = "chk1"
date = 2026-11-25
tracker = "alcohol"
kind = "checkin"
text = "today {NASTY}"
"#
    )
}

/// A character a terminal could act on: C0/C1 controls (but the line feed that ends lines)
/// and the bidi controls.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[track_caller]
fn assert_no_raw_controls(what: &str, out: &str) {
    if let Some((at, c)) = out.char_indices().find(|(_, c)| is_unsafe(*c)) {
        panic!(
            "{what}: raw {c:?} at byte {at}: {:?}",
            &out[at.saturating_sub(40)..(at + 40).min(out.len())]
        );
    }
}

/// Output with `--color always`: the program's own SGR sequences (ESC [ digits ; m) are
/// allowed; anything else that a terminal would obey is not.
#[track_caller]
fn assert_only_own_colour(what: &str, out: &str) {
    let mut rest = out;
    let mut cleaned = String::new();
    while let Some(at) = rest.find('\u{1b}') {
        cleaned.push_str(&rest[..at]);
        let seq = &rest[at + 1..];
        let body_len = seq
            .strip_prefix('[')
            .and_then(|s| s.find(|c: char| !(c.is_ascii_digit() || c == ';')))
            .unwrap_or(0);
        assert!(
            seq.starts_with('[') && seq[1 + body_len..].starts_with('m'),
            "{what}: an escape sequence that is not the program's colour: {:?}",
            &rest[at..(at + 20).min(rest.len())]
        );
        let sgr = &seq[..body_len + 2];
        assert!(
            !["[31m", "[5m"].contains(&sgr),
            "{what}: the journal's own sequence {sgr:?} came through"
        );
        rest = &seq[body_len + 2..];
    }
    cleaned.push_str(rest);
    assert_no_raw_controls(what, &cleaned);
}

fn run(journal: &TestJournal, args: &[&str]) -> (String, String, Option<i32>) {
    let mut cmd = journal.plain();
    cmd.arg("--journal").arg(&journal.path).args(args);
    let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
    (ran.stdout(), ran.stderr(), ran.code)
}

#[test]
fn reading_commands_show_escapes_never_raw_and_leave_the_journal_byte_identical() {
    let text = nasty_journal();
    let journal = TestJournal::with(&text);
    for args in [
        &["list"][..],
        &["list", "--kind", "win"],
        &["report"],
        &["report", "--format", "markdown"],
        &["streak"],
        &["share", "--with-notes"],
        &["share", "--with-notes", "--style", "markdown"],
        &["share", "--with-notes", "--style", "slack"],
        &["share", "--with-notes", "--style", "discord"],
        &["share", "--with-notes", "--style", "sms"],
        &["check"],
    ] {
        let (stdout, stderr, code) = run(&journal, args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
        assert_no_raw_controls(&format!("{args:?}"), &stdout);
        assert_eq!(journal.text(), text, "{args:?} changed the journal");
    }
    for args in [&["report"][..], &["streak"], &["share", "--with-notes"]] {
        let mut with_colour = vec!["--color", "always"];
        with_colour.extend_from_slice(args);
        let (stdout, _, code) = run(&journal, &with_colour);
        assert_eq!(code, Some(0));
        assert_only_own_colour(&format!("{with_colour:?}"), &stdout);
    }
    assert_eq!(journal.bytes(), text.as_bytes());
}

#[test]
fn list_shows_every_escape_spelled_out() {
    let journal = TestJournal::with(&nasty_journal());
    let table = journal.ok(&["list"]);
    for shown in NASTY_SHOWN {
        assert!(table.contains(shown), "{shown} missing from:\n{table}");
    }
    assert!(table.contains(r"\u{1b}[5mblink, \u{202e}tag"), "{table}");
    assert_eq!(table.lines().count(), 5, "one line per entry: {table}");
}

#[test]
fn the_text_report_shows_wins_and_resets_escaped() {
    let journal = TestJournal::with(&nasty_journal());
    // Long notes wrap onto indented lines; join them back to read each note whole.
    let report = journal.ok(&["report"]).replace("\n              ", " ");
    let win_line = report
        .lines()
        .find(|l| l.contains("2026-11-20") && l.contains("red"))
        .unwrap_or_else(|| panic!("no win line in:\n{report}"));
    let reset_line = report
        .lines()
        .find(|l| l.contains("2026-11-21") && l.contains("slip"))
        .unwrap_or_else(|| panic!("no reset line in:\n{report}"));
    for shown in NASTY_SHOWN {
        assert!(
            win_line.contains(shown),
            "{shown} missing from {win_line:?}"
        );
        assert!(
            reset_line.contains(shown),
            "{shown} missing from {reset_line:?}"
        );
    }
}

#[test]
fn the_markdown_report_neutralises_escapes_and_keeps_the_words() {
    let journal = TestJournal::with(&nasty_journal());
    let report = journal.ok(&["report", "--format", "markdown"]);
    assert_no_raw_controls("markdown report", &report);
    let win_line = report
        .lines()
        .find(|l| l.contains("2026-11-20"))
        .unwrap_or_else(|| panic!("no win line in:\n{report}"));
    // Controls are dropped (a Markdown viewer would show `\u{1b}` as noise); the words and
    // the harmless bytes of the sequences remain, Markdown-escaped.
    for word in ["red", "RED", "clip", "clear", "bell", "evil", "end"] {
        assert!(win_line.contains(word), "{word} missing from {win_line:?}");
    }
    assert!(!win_line.contains("\u{1b}"), "{win_line:?}");
}

#[test]
fn errors_about_the_journal_show_escapes_never_raw() {
    // An unknown kind and an unknown tracker spelled with escape codes, and an unknown key.
    let text = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n\n\
                [[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"\\u001b]52;c;cm0gLXJmIH4=\\u0007\"\n\n\
                [[entry]]\ndate = 2026-11-24\ntracker = \"\\u202Eevil\\u001b[2J\"\nkind = \"checkin\"\n\
                \"\\u001b[31mcolour\" = 1\n";
    let journal = TestJournal::with(text);
    let p = journal.path.display();

    let stderr = journal.fails(1, &["list"]);
    assert_eq!(
        stderr,
        format!(
            "error: {p}:10:8: unknown kind \"\\u{{1b}}]52;c;cm0gLXJmIH4=\\u{{7}}\"; use \"checkin\", \"win\", \"reset\", \"urge\" or \"pledge\"; \
             and 1 more problem: run `milestone check` to see them all (nothing was changed)\n"
        )
    );

    let (stdout, stderr, code) = run(&journal, &["check"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stdout,
        format!(
            "{p}:10:8: unknown kind \"\\u{{1b}}]52;c;cm0gLXJmIH4=\\u{{7}}\"; use \"checkin\", \"win\", \"reset\", \"urge\" or \"pledge\"\n\
             {p}:14:11: entry for unknown tracker \"\\u{{202e}}evil\\u{{1b}}[2J\"; known trackers: alcohol\n\
             {p}:16:1: warning: unknown key `\\u{{1b}}[31mcolour` in [[entry]] (kept as is; check its spelling)\n"
        )
    );
    assert_no_raw_controls("check stderr", &stderr);
    assert_eq!(journal.text(), text);

    // A tracker named with escape codes on the command line.
    let stderr = journal.fails(1, &["start", "\u{1b}]52;c;aGk=\u{7}"]);
    assert!(stderr.contains(r"not '\u{1b}'"), "{stderr}");
    assert_eq!(journal.text(), text);
}

#[test]
fn an_add_keeps_the_escaped_text_exactly_as_written() {
    let text = nasty_journal();
    let journal = TestJournal::with(&text);
    journal.ok(&["add", "plain words"]);
    let after = journal.text();
    assert!(after.starts_with(&text), "the old bytes must stay a prefix");
    // The lower-case `\u001b` and upper-case `\u202E` spellings are kept as they were.
    assert_eq!(after.matches(r"\u001b[31m").count(), 3);
    assert_eq!(after.matches(r"\u202E").count(), 4);
}

#[test]
fn escapes_typed_on_the_command_line_are_stored_escaped_and_shown_escaped() {
    let journal =
        TestJournal::with("version = 1\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n");
    let raw = "a \u{1b}]52;c;aGk=\u{7} b \u{202e}c\u{9b}2J d\u{0}e";
    // Through an argument (no NUL possible there) and through stdin (NUL possible).
    journal.ok(&["add", &raw.replace('\u{0}', "")]);
    let mut cmd = journal.cmd(&["add", "--win"]);
    cmd.write_stdin(raw);
    crate::common::run_ok(cmd);

    let bytes = journal.bytes();
    assert!(
        !bytes.iter().any(|&b| (b < 0x20 && b != b'\n') || b == 0x7f),
        "the journal must hold the controls as TOML escapes, not raw bytes"
    );
    let listed = crate::common::json(&journal.ok(&["list", "--format", "json"]));
    assert_eq!(listed[0]["text"], raw.replace('\u{0}', ""));
    assert_eq!(listed[1]["text"], raw);
    let table = journal.ok(&["list"]);
    assert_no_raw_controls("list", &table);
    assert!(
        table.contains(r"\u{1b}]52;c;aGk=\u{7} b \u{202e}c\u{9b}2J d\u{0}e"),
        "{table}"
    );
}
