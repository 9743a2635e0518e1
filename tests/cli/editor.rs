//! The editor flows of `add` and `edit`, on a real pseudo-terminal (util-linux `script`):
//! which editor starts, an empty note cancels, a missing editor is one clear error, and no
//! editor is started without a terminal.

use std::os::unix::fs::PermissionsExt;

use crate::common::{CONTRACT_EXAMPLE, TestJournal, on_a_terminal};

/// A folder holding one executable `name` that runs `body`, for PATH.
fn fake_program(name: &str, body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn path_with(dir: &tempfile::TempDir) -> String {
    format!("{}:/usr/bin:/bin", dir.path().display())
}

#[test]
fn an_empty_note_logs_nothing() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let before = journal.bytes();
    // The editor closes without writing: only the comment lines are left (vi's `:q!`).
    let (code, screen) = on_a_terminal(&journal, 80, &[("EDITOR", "true")], "add");
    assert_eq!(code, 0, "{screen}");
    assert_eq!(
        screen,
        "Nothing logged: the note was empty. (`milestone add --no-edit` logs a check-in without a note.)\n"
    );
    assert_eq!(journal.bytes(), before);
    // Blank lines and comments only count as empty too.
    let (_, screen) = on_a_terminal(
        &journal,
        80,
        &[(
            "EDITOR",
            "sh -c 'printf \"\\n   \\n# a thought\\n\" > \"$1\"' sh",
        )],
        "add --win",
    );
    assert!(screen.starts_with("Nothing logged"), "{screen}");
    assert_eq!(journal.bytes(), before);
}

#[test]
fn with_no_editor_set_the_systems_default_editor_is_used() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let editor = fake_program("editor", "printf 'from the default editor\\n' > \"$1\"");
    let path = path_with(&editor);
    let (code, screen) = on_a_terminal(&journal, 80, &[("PATH", &path)], "add");
    assert_eq!(code, 0, "{screen}");
    assert!(screen.starts_with("Logged a check-in"), "{screen}");
    assert!(
        journal
            .text()
            .ends_with("text = \"from the default editor\"\n"),
        "{}",
        journal.text()
    );
}

#[test]
fn no_editor_starts_without_a_terminal() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let marker = tempfile::tempdir().unwrap();
    let started = marker.path().join("started");
    let body = format!("touch '{}'", started.display());
    let vi = fake_program("vi", &body);
    let editor = fake_program("editor", &body);
    let path = format!(
        "{}:{}:/usr/bin:/bin",
        vi.path().display(),
        editor.path().display()
    );
    // `milestone edit < /dev/null`: no VISUAL, no EDITOR, no terminal.
    let mut cmd = journal.cmd(&["edit"]);
    cmd.env("PATH", &path);
    let err = crate::common::run_fails(cmd, 1);
    assert_eq!(
        err,
        "error: there is no terminal to open an editor in, and neither VISUAL nor EDITOR names one; set EDITOR (for example EDITOR=nano), or give the text on the command line\n"
    );
    assert!(
        !started.exists(),
        "an editor was started without a terminal"
    );
}

#[test]
fn a_missing_editor_is_one_clear_error() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let before = journal.bytes();
    let (code, screen) = on_a_terminal(
        &journal,
        80,
        &[("EDITOR", "no-such-editor-here --wait")],
        "add",
    );
    assert_eq!(code, 1, "{screen}");
    assert_eq!(
        screen,
        "error: your editor `no-such-editor-here` (from $EDITOR) was not found; nothing was changed. Set VISUAL or EDITOR to an editor you have, for example EDITOR=nano\n"
    );
    assert_eq!(journal.bytes(), before);
    let mut cmd = journal.cmd(&["edit"]);
    cmd.env("VISUAL", "/no/such/editor");
    let err = crate::common::run_fails(cmd, 1);
    assert_eq!(
        err,
        "error: your editor `/no/such/editor` (from $VISUAL) was not found; nothing was changed. Set VISUAL or EDITOR to an editor you have, for example EDITOR=nano\n"
    );
}

#[test]
fn a_note_is_edited_as_markdown_and_the_journal_as_toml() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let seen = tempfile::tempdir().unwrap();
    let names = seen.path().join("names");
    let editor = format!(
        "sh -c 'basename \"$1\" >> \"{}\"; echo walked > \"$1\"' sh",
        names.display()
    );
    let (code, screen) = on_a_terminal(&journal, 80, &[("EDITOR", &editor)], "add");
    assert_eq!(code, 0, "{screen}");
    let mut cmd = journal.cmd(&["edit"]);
    cmd.env(
        "EDITOR",
        format!("sh -c 'basename \"$1\" >> \"{}\"' sh", names.display()),
    );
    crate::common::run_ok(cmd);
    let names = std::fs::read_to_string(names).unwrap();
    let suffixes: Vec<&str> = names
        .lines()
        .map(|n| n.rsplit_once('.').unwrap().1)
        .collect();
    assert_eq!(suffixes, ["md", "toml"], "{names}");
}

#[test]
fn text_given_as_arguments_says_the_piped_text_was_left_out() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    // A file on standard input (`< note.txt`) is ready at once, unlike a pipe's writer.
    let piped = journal.folder().join("note.txt");
    std::fs::write(&piped, "from the pipe\n").unwrap();
    // std's Command, so that the file itself is standard input (assert_cmd would pipe it).
    let output = journal
        .plain()
        .arg("--journal")
        .arg(&journal.path)
        .args(["add", "from", "arguments"])
        .stdin(std::fs::File::open(&piped).unwrap())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "warning: the note given as arguments was used; what was piped to standard input was left out (leave out the arguments to use the piped text)\n"
    );
    assert!(journal.text().ends_with("text = \"from arguments\"\n"));
    // An empty pipe (cron, a script) is nothing given: no warning.
    journal.ok(&["add", "again", "--date", "yesterday"]);
}
