//! The journal on disk: concurrent writers, refusing broken journals, permissions, hand edits
//! kept byte-for-byte, symlinks, and no stray files.

use std::collections::HashSet;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{BIN, CONTRACT_EXAMPLE, TODAY, TestEnv, TestJournal, json, run_fails};

/// `sh -c SCRIPT` sealed in `env`; `$0` is the milestone binary.
fn sh(env: &TestEnv, script: &str, extra_args: &[&str]) -> Command {
    let mut cmd = env.command("sh");
    cmd.arg("-c").arg(script).arg(BIN).args(extra_args);
    cmd
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("stat {}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The names in a folder, sorted.
fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("read folder")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn lock_path(journal: &Path) -> std::path::PathBuf {
    let mut name = journal.file_name().unwrap().to_os_string();
    name.push(".lock");
    journal.with_file_name(name)
}

/// The id `add` prints in its last line: `To take it back: milestone rm abc1234`.
fn printed_id(stdout: &str) -> String {
    let line = stdout.trim_end().lines().last().unwrap_or_default();
    let id = line
        .strip_prefix("To take it back: milestone rm ")
        .expect("the id in add's last line");
    id.to_owned()
}

// ---------------------------------------------------------------------------------------------
// Concurrency

#[test]
fn twenty_processes_adding_at_once_lose_nothing() {
    let journal = TestJournal::empty();
    journal.ok(&["start", "alcohol", "--since", "2026-03-14"]);
    let path = journal.path.to_str().expect("utf-8 temp path");

    // 20 writers at once, each adding 10 check-ins one after the other.
    let script = r#"i=1
while [ "$i" -le 10 ]; do
  "$0" --journal "$1" add "writer $2 note $i" || exit 1
  i=$((i + 1))
done"#;
    let children: Vec<_> = (0..20)
        .map(|writer| {
            sh(journal.env(), script, &[path, &writer.to_string()])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn writer")
        })
        .collect();
    for (writer, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().expect("wait for writer");
        assert!(
            out.status.success(),
            "writer {writer} failed: {:?}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter(|line| line.starts_with("Logged"))
                .count(),
            10,
            "writer {writer} should have logged 10 entries"
        );
    }

    let entries = json(&journal.ok(&["list", "--format", "json"]));
    let entries = entries.as_array().expect("a JSON array");
    assert_eq!(entries.len(), 200);
    let ids: HashSet<&str> = entries
        .iter()
        .map(|e| e["id"].as_str().expect("every written entry has an id"))
        .collect();
    assert_eq!(ids.len(), 200, "entry ids must be distinct");
    let texts: HashSet<&str> = entries
        .iter()
        .map(|e| e["text"].as_str().expect("text"))
        .collect();
    assert_eq!(texts.len(), 200, "every note arrived exactly once");
    for writer in 0..20 {
        for i in 1..=10 {
            let text = format!("writer {writer} note {i}");
            assert!(texts.contains(text.as_str()), "lost {text:?}");
        }
    }

    assert_eq!(
        journal.ok(&["check"]),
        format!("{}: ok (1 tracker, 200 entries)\n", journal.path.display())
    );
    assert_eq!(
        names_in(journal.folder()),
        ["journal.toml", "journal.toml.lock"],
        "no temp files left behind"
    );
}

// ---------------------------------------------------------------------------------------------
// A broken journal is refused, located, and left alone

#[test]
fn a_toml_syntax_error_is_refused_and_located() {
    let text = "version = 1\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n[[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"checkin\n";
    let journal = TestJournal::with(text);
    let before = journal.bytes();
    for args in [
        &["add", "a note"][..],
        &["reset"],
        &["start", "smoking"],
        &["streak"],
        &["list"],
        &["share"],
    ] {
        let stderr = journal.fails(1, args);
        let at = format!("error: {}:8:16: not valid TOML", journal.path.display());
        assert!(stderr.starts_with(&at), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
    assert_eq!(journal.bytes(), before);
    assert_eq!(
        names_in(journal.folder())
            .iter()
            .filter(|n| n.ends_with(".tmp") || n.starts_with(".milestone"))
            .count(),
        0
    );
}

const ALCOHOL_HEADER: &str =
    "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n\n";

/// One contract-breaking value per journal: what it is, the journal, and `LINE:COL: message`
/// for the bad value.
fn broken_journals() -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "unknown kind",
            format!(
                "{ALCOHOL_HEADER}[[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"slip\"\n"
            ),
            "10:8: unknown kind \"slip\"; use \"checkin\", \"win\", \"reset\", \"urge\" or \"pledge\"",
        ),
        (
            "mood 9",
            format!(
                "{ALCOHOL_HEADER}[[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"checkin\"\nmood = 9\n"
            ),
            "11:8: mood is on a scale of 1 to 5 (1 low, 5 great), not 9",
        ),
        (
            "entry for an unknown tracker",
            format!(
                "{ALCOHOL_HEADER}[[entry]]\ndate = 2026-11-24\ntracker = \"smoking\"\nkind = \"checkin\"\n"
            ),
            "9:11: entry for unknown tracker \"smoking\"; known trackers: alcohol",
        ),
    ]
}

#[test]
fn a_journal_that_breaks_the_contract_is_refused_by_every_command_at_the_bad_value() {
    for (what, text, located) in broken_journals() {
        let journal = TestJournal::with(&text);
        for args in [
            &["add", "a note"][..],
            &["add", "--win", "a win"],
            &["reset"],
            &["start", "smoking"],
            &["streak"],
            &["streak", "--format", "json"],
            &["list"],
            &["list", "--format", "json"],
            &["share"],
        ] {
            let stderr = journal.fails(1, args);
            assert_eq!(
                stderr,
                format!(
                    "error: {}:{located}; fix this in the journal (nothing was changed), then run `milestone check`\n",
                    journal.path.display()
                ),
                "{what}, {args:?}"
            );
        }
        assert_eq!(journal.text(), text, "{what}: journal changed");
    }
}

#[test]
fn check_locates_a_single_contract_break() {
    for (what, text, located) in broken_journals() {
        let journal = TestJournal::with(&text);
        let out = journal.cmd(&["check"]).output().expect("run check");
        assert_eq!(out.status.code(), Some(1), "{what}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!("{}:{located}\n", journal.path.display()),
            "{what}"
        );
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!(
                "error: 1 problem in {}; fix it and run `milestone check` again\n",
                journal.path.display()
            ),
            "{what}"
        );
        assert_eq!(journal.text(), text);
    }
}

#[test]
fn check_lists_every_problem_at_once() {
    let text = format!(
        "{ALCOHOL_HEADER}[[entry]]\ndate = 2026-11-22\ntracker = \"alcohol\"\nkind = \"slip\"\n\n\
         [[entry]]\ndate = 2026-11-23\ntracker = \"alcohol\"\nkind = \"checkin\"\nmood = 9\n\n\
         [[entry]]\ndate = 2026-11-24\ntracker = \"smoking\"\nkind = \"checkin\"\n"
    );
    let journal = TestJournal::with(&text);
    let out = journal.cmd(&["check"]).output().expect("run check");
    assert_eq!(out.status.code(), Some(1));
    let p = journal.path.display();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "{p}:10:8: unknown kind \"slip\"; use \"checkin\", \"win\", \"reset\", \"urge\" or \"pledge\"\n\
             {p}:16:8: mood is on a scale of 1 to 5 (1 low, 5 great), not 9\n\
             {p}:20:11: entry for unknown tracker \"smoking\"; known trackers: alcohol\n"
        )
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("error: 3 problems in {p}; fix them and run `milestone check` again\n")
    );
    assert_eq!(journal.text(), text);

    // The other commands name the first problem and say how many more there are.
    let stderr = journal.fails(1, &["add", "a note"]);
    assert_eq!(
        stderr,
        format!(
            "error: {p}:10:8: unknown kind \"slip\"; use \"checkin\", \"win\", \"reset\", \"urge\" or \"pledge\"; \
             and 2 more problems: run `milestone check` to see them all (nothing was changed)\n"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Permissions and stray files

#[test]
fn start_creates_a_private_journal_in_a_private_nested_folder() {
    let journal = TestJournal::empty();
    let nested = journal.folder().join("a/b/journal.toml");
    let mut cmd = journal.bare();
    cmd.arg("--journal").arg(&nested).args(["start", "alcohol"]);
    crate::common::run_ok(cmd);
    assert_eq!(mode(&nested), 0o600);
    assert_eq!(mode(&journal.folder().join("a/b")), 0o700);
    assert_eq!(mode(&journal.folder().join("a")), 0o700);
    assert_eq!(mode(&lock_path(&nested)), 0o600);
    assert_eq!(
        names_in(&journal.folder().join("a/b")),
        ["journal.toml", "journal.toml.lock"]
    );
}

#[test]
fn start_under_umask_000_still_creates_owner_only_files_and_folders() {
    let journal = TestJournal::empty();
    let nested = journal.folder().join("x/y/journal.toml");
    let nested_str = nested.to_str().expect("utf-8 temp path");
    let out = sh(
        journal.env(),
        r#"umask 000; exec "$0" "$@""#,
        &[
            "--journal",
            nested_str,
            "start",
            "alcohol",
            "--since",
            "2026-03-14",
        ],
    )
    .output()
    .expect("run milestone under sh");
    assert!(
        out.status.success(),
        "{:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&nested), 0o600);
    assert_eq!(mode(&journal.folder().join("x/y")), 0o700);
    assert_eq!(mode(&journal.folder().join("x")), 0o700);
    assert_eq!(mode(&lock_path(&nested)), 0o600);

    // A later add under umask 000 keeps everything private too.
    let out = sh(
        journal.env(),
        r#"umask 000; exec "$0" "$@""#,
        &["--journal", nested_str, "add", "still here"],
    )
    .output()
    .expect("run milestone under sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&nested), 0o600);
    assert_eq!(mode(&lock_path(&nested)), 0o600);
    assert_eq!(
        names_in(&journal.folder().join("x/y")),
        ["journal.toml", "journal.toml.lock"]
    );
}

#[test]
fn writing_to_a_world_readable_journal_makes_it_private() {
    for args in [
        &["add", "a note"][..],
        &["reset", "--date", "2026-11-20"],
        &["start", "smoking"],
    ] {
        let journal = TestJournal::with(CONTRACT_EXAMPLE);
        fs::set_permissions(&journal.path, fs::Permissions::from_mode(0o644)).unwrap();
        journal.ok(args);
        assert_eq!(mode(&journal.path), 0o600, "{args:?}");
        assert_eq!(mode(&lock_path(&journal.path)), 0o600, "{args:?}");
        let text = journal.text();
        if args[0] == "start" {
            assert!(text.contains("name = \"smoking\""), "{text}");
        } else {
            assert!(text.starts_with(CONTRACT_EXAMPLE), "{args:?}: {text}");
        }
    }
}

#[test]
fn reading_never_changes_a_journals_mode_or_creates_files() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    fs::set_permissions(&journal.path, fs::Permissions::from_mode(0o644)).unwrap();
    for args in [&["streak"][..], &["list"], &["share"], &["check"]] {
        journal.ok(args);
    }
    assert_eq!(mode(&journal.path), 0o644);
    assert_eq!(journal.text(), CONTRACT_EXAMPLE);
    assert_eq!(names_in(journal.folder()), ["journal.toml"]);
}

#[test]
fn writes_leave_no_temp_files_behind() {
    let journal = TestJournal::empty();
    journal.ok(&["start", "alcohol", "--since", "2026-03-14"]);
    journal.ok(&["add", "one"]);
    journal.ok(&["add", "--win", "two"]);
    journal.ok(&["reset", "--date", "2026-11-01"]);
    journal.ok(&["start", "smoking"]);
    // Refused writes too.
    journal.fails(1, &["start", "smoking"]);
    journal.fails(1, &["add", "x", "--tracker", "gambling"]);
    assert_eq!(
        names_in(journal.folder()),
        ["journal.toml", "journal.toml.lock"]
    );
}

#[test]
fn a_failed_write_with_no_journal_creates_nothing() {
    // The contract: the journal is "created, with its folder, on the first write; never needed
    // before it". A refused `add` is not a write.
    let journal = TestJournal::empty();
    let nested = journal.folder().join("not/yet/journal.toml");
    for args in [&["add", "a note"][..], &["reset"]] {
        let mut cmd = journal.bare();
        cmd.arg("--journal").arg(&nested).args(args);
        run_fails(cmd, 1);
        assert!(!nested.exists(), "{args:?}");
        assert_eq!(names_in(journal.folder()), Vec::<String>::new(), "{args:?}");
    }
    // Same in an existing folder: no lock file appears.
    for args in [&["add", "a note"][..], &["reset"]] {
        journal.fails(1, args);
        assert_eq!(names_in(journal.folder()), Vec::<String>::new(), "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Hand edits survive byte-for-byte

const HAND_EDITED: &str = r#"# My journal, kept in git. Please don't reformat me.
version = 1   # the format

  [[tracker]]   # the big one
since = 2026-03-14
name = "alcohol"
colour = "blue"        # not a key milestone knows

# --- the first week ---
[[entry]]
kind = "checkin"
tracker = "alcohol"
date = 2026-11-20
weather = { sky = "grey", wind = 3 }


[[entry]]
tracker="alcohol"
date=2026-11-21
kind='win'
text = '''
got my
licence back'''
"#;

fn assert_appended(old: &str, new: &str, expected_entry: &str) {
    assert!(
        new.starts_with(old),
        "the old bytes must come first, untouched:\n--- old\n{old}\n--- new\n{new}"
    );
    // One blank line between the old text and the new table; a missing final newline is added.
    let separator = if old.ends_with('\n') { "\n" } else { "\n\n" };
    assert_eq!(
        &new[old.len()..],
        format!("{separator}{expected_entry}"),
        "what was appended"
    );
}

#[test]
fn add_keeps_a_hand_edited_journal_byte_for_byte_and_appends() {
    let journal = TestJournal::with(HAND_EDITED);
    let out = journal.ok(&["add", "hello", "there", "--mood", "4", "--tag", "meeting"]);
    let id = printed_id(&out);
    assert_appended(
        HAND_EDITED,
        &journal.text(),
        &format!(
            "[[entry]]\nid = \"{id}\"\ndate = {TODAY}\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"hello there\"\nmood = 4\ntags = [\"meeting\"]\n"
        ),
    );

    // And again: each write only appends.
    let after_first = journal.text();
    let out = journal.ok(&["reset", "--date", "2026-11-24", "--note", "hard night"]);
    assert!(
        out.contains("\nRecorded a reset for alcohol on 2026-11-24."),
        "{out}"
    );
    let text = journal.text();
    assert!(text.starts_with(&after_first), "{text}");
    assert!(
        text.ends_with(
            "date = 2026-11-24\ntracker = \"alcohol\"\nkind = \"reset\"\ntext = \"hard night\"\n"
        ),
        "{text}"
    );

    // The unknown keys are still there, and check reports them without failing.
    let check = journal.ok(&["check"]);
    assert!(
        check.contains(":7:1: warning: unknown key `colour` in [[tracker]]"),
        "{check}"
    );
    assert!(
        check.contains(":14:1: warning: unknown key `weather` in [[entry]]"),
        "{check}"
    );
    assert!(
        check.ends_with(": ok (1 tracker, 4 entries, 2 warnings)\n"),
        "{check}"
    );
}

#[test]
fn add_to_a_journal_without_a_final_newline_only_appends() {
    let old = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14";
    let journal = TestJournal::with(old);
    let id = printed_id(&journal.ok(&["add", "--win", "a year of Sundays"]));
    assert_appended(
        old,
        &journal.text(),
        &format!(
            "[[entry]]\nid = \"{id}\"\ndate = {TODAY}\ntracker = \"alcohol\"\nkind = \"win\"\ntext = \"a year of Sundays\"\n"
        ),
    );
}

#[test]
fn start_keeps_a_hand_edited_journal_byte_for_byte() {
    let journal = TestJournal::with(HAND_EDITED);
    journal.ok(&["start", "smoking", "--since", "2026-11-01"]);
    let text = journal.text();
    // A new tracker is added; every byte a person wrote is still there, in order.
    let mut rest = text.as_str();
    for line in HAND_EDITED.lines() {
        let at = rest
            .find(line)
            .unwrap_or_else(|| panic!("lost or moved {line:?}:\n{text}"));
        rest = &rest[at + line.len()..];
    }
    assert!(
        text.contains("[[tracker]]\nname = \"smoking\"\nsince = 2026-11-01\n"),
        "{text}"
    );
    journal.ok(&["add", "--tracker", "smoking", "first"]);
    assert!(
        journal
            .ok(&["check"])
            .contains("ok (2 trackers, 3 entries, 2 warnings)")
    );
}

#[test]
fn add_appends_after_a_trailing_comment() {
    let old = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n\n# keep going, one day at a time\n";
    let journal = TestJournal::with(old);
    let id = printed_id(&journal.ok(&["add", "hi"]));
    assert_appended(
        old,
        &journal.text(),
        &format!(
            "[[entry]]\nid = \"{id}\"\ndate = {TODAY}\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"hi\"\n"
        ),
    );
}

#[test]
fn add_appends_when_the_file_ends_with_a_tracker() {
    let old = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n\n\
               [[entry]]\ndate = 2026-11-20\ntracker = \"alcohol\"\nkind = \"checkin\"\n\n\
               [[tracker]]\nname = \"smoking\"\nsince = 2026-11-01\n";
    let journal = TestJournal::with(old);
    let id = printed_id(&journal.ok(&["add", "hi", "--tracker", "alcohol"]));
    assert_appended(
        old,
        &journal.text(),
        &format!(
            "[[entry]]\nid = \"{id}\"\ndate = {TODAY}\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"hi\"\n"
        ),
    );
}

// ---------------------------------------------------------------------------------------------
// Symlinks

#[test]
fn a_symlinked_journal_stays_a_link_and_its_target_gets_the_entry() {
    let journal = TestJournal::empty();
    let data = journal.folder().join("dotfiles");
    fs::create_dir(&data).unwrap();
    let target = data.join("journal.toml");
    fs::write(&target, CONTRACT_EXAMPLE).unwrap();
    // A relative link, as a dotfiles manager would make it.
    std::os::unix::fs::symlink("dotfiles/journal.toml", &journal.path).unwrap();

    let id = printed_id(&journal.ok(&["add", "through the link"]));
    let link = fs::symlink_metadata(&journal.path).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(
        fs::read_link(&journal.path).unwrap(),
        Path::new("dotfiles/journal.toml")
    );
    let text = fs::read_to_string(&target).unwrap();
    assert!(text.starts_with(CONTRACT_EXAMPLE), "{text}");
    assert!(
        text.ends_with(&format!(
            "[[entry]]\nid = \"{id}\"\ndate = {TODAY}\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"through the link\"\n"
        )),
        "{text}"
    );
    assert_eq!(mode(&target), 0o600);

    // Reading through the link sees it; nothing but the lock file appears beside the target.
    let entries = json(&journal.ok(&["list", "--format", "json"]));
    assert_eq!(entries.as_array().unwrap().len(), 4);
    assert_eq!(entries[3]["id"], id.as_str());
    assert_eq!(names_in(&data), ["journal.toml", "journal.toml.lock"]);
    assert_eq!(names_in(journal.folder()), ["dotfiles", "journal.toml"]);
}
