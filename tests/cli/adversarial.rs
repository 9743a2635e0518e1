//! Adversarial input: every way a journal, an argument or the file system around the journal
//! can be wrong. Each case asserts the exit code, that stderr starts with `error:` and names
//! the problem (with `PATH:LINE:COL` when the journal itself is bad), and that the journal, and
//! everything beside it, is byte-for-byte what it was.
//!
//! A case that shows a bug states the correct behaviour and is `#[ignore = "BUG: ..."]`.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{BIN, CONTRACT_EXAMPLE, Ran, TestEnv, TestJournal, run_with_deadline};

// ---------------------------------------------------------------------------------------------
// A snapshot of the journal's folder, and running as an ordinary user.

/// One thing in the journal's folder, as much as matters for "untouched".
#[derive(Debug, PartialEq, Eq)]
enum Node {
    File { mode: u32, bytes: Vec<u8> },
    Link(PathBuf),
    Dir { mode: u32 },
    Other { mode: u32, rdev: u64 },
}

/// Everything under `folder` (two levels down), except a lock file that a refused write may
/// leave (empty, owner-only: it holds nothing).
fn snapshot(folder: &Path) -> Vec<(PathBuf, Node)> {
    fn walk(root: &Path, dir: &Path, depth: usize, out: &mut Vec<(PathBuf, Node)>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let name = path.strip_prefix(root).unwrap().to_owned();
            let mode = meta.permissions().mode() & 0o7777;
            let file_type = meta.file_type();
            let node = if file_type.is_symlink() {
                Node::Link(fs::read_link(&path).unwrap())
            } else if file_type.is_dir() {
                if depth > 0 && mode & 0o500 == 0o500 {
                    walk(root, &path, depth - 1, out);
                }
                Node::Dir { mode }
            } else if file_type.is_file() {
                if path.extension() == Some(OsStr::new("lock")) && meta.len() == 0 {
                    continue;
                }
                // An unreadable file (chmod 000, not root) is compared by its metadata alone.
                let bytes = fs::read(&path).unwrap_or_else(|_| meta.len().to_le_bytes().to_vec());
                Node::File { mode, bytes }
            } else {
                Node::Other {
                    mode,
                    rdev: meta.rdev(),
                }
            };
            out.push((name, node));
        }
    }
    let mut out = Vec::new();
    walk(folder, folder, 2, &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The effective user id: tests may run as root, where permission bits do not stop reads.
pub fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// The uid/gid the root-only checks drop to, to see what an ordinary user would get.
const NOBODY: u32 = 65534;

/// Makes `cmd` run as an ordinary user: itself when the tests are not root, `nobody` (with
/// the journal's folder and its environment handed over to it) when they are. `None` when that
/// user cannot even run the binary (a checkout it may not enter): the caller then skips the
/// unprivileged half.
fn as_ordinary_user(cmd: &mut Command, journal: &TestJournal) -> Option<()> {
    if euid() != 0 {
        return Some(());
    }
    chown_tree(journal.folder(), NOBODY);
    chown_tree(journal.env().root(), NOBODY);
    let mut probe = journal.plain();
    probe.arg("--version");
    drop_to_nobody(&mut probe);
    let runs = probe.output().map(|o| o.status.success()).unwrap_or(false);
    if !runs {
        eprintln!("note: `nobody` cannot run {BIN}; skipping the unprivileged half");
        return None;
    }
    drop_to_nobody(cmd);
    Some(())
}

fn drop_to_nobody(cmd: &mut Command) {
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setgroups(0, std::ptr::null()) != 0
                || libc::setgid(NOBODY) != 0
                || libc::setuid(NOBODY) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

fn chown_tree(path: &Path, uid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), Some(uid)).unwrap();
    if fs::symlink_metadata(path).unwrap().is_dir() {
        for entry in fs::read_dir(path).unwrap() {
            chown_tree(&entry.unwrap().path(), uid);
        }
    }
}

/// Sets the umask of the child to `mask` before it starts.
pub fn with_umask(cmd: &mut Command, mask: u32) {
    // SAFETY: umask is async-signal-safe and cannot fail.
    unsafe {
        cmd.pre_exec(move || {
            libc::umask(mask as libc::mode_t);
            Ok(())
        });
    }
}

// ---------------------------------------------------------------------------------------------
// A case: a journal (or something in its place), a command line, and the error it must give.

enum Setup {
    Text(String),
    Bytes(Vec<u8>),
    Nothing,
    Custom(Box<dyn Fn(&TestJournal)>),
}

pub struct Case {
    setup: Setup,
    args: Vec<OsString>,
    stdin: Vec<u8>,
    code: i32,
    says: Vec<String>,
    at: Option<(usize, usize)>,
}

fn case(setup: Setup) -> Case {
    Case {
        setup,
        args: Vec::new(),
        stdin: Vec::new(),
        code: 1,
        says: Vec::new(),
        at: None,
    }
}

/// A journal holding `text`.
fn journal(text: impl Into<String>) -> Case {
    case(Setup::Text(text.into()))
}

/// A journal holding `bytes`, UTF-8 or not.
fn bytes(bytes: impl Into<Vec<u8>>) -> Case {
    case(Setup::Bytes(bytes.into()))
}

/// No journal file yet.
fn nothing() -> Case {
    case(Setup::Nothing)
}

/// The folder and journal path prepared by `f`.
fn custom(f: impl Fn(&TestJournal) + 'static) -> Case {
    case(Setup::Custom(Box::new(f)))
}

impl Case {
    /// The command line after `--journal PATH`.
    fn run(mut self, args: &[&str]) -> Case {
        self.args = args.iter().map(OsString::from).collect();
        self
    }

    /// A command line with raw bytes in it (not UTF-8).
    fn run_raw(mut self, args: &[&[u8]]) -> Case {
        self.args = args
            .iter()
            .map(|a| OsString::from_vec(a.to_vec()))
            .collect();
        self
    }

    fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Case {
        self.stdin = bytes.into();
        self
    }

    fn exits(mut self, code: i32) -> Case {
        self.code = code;
        self
    }

    /// stderr must name the problem: contain `needle`.
    fn says(mut self, needle: impl Into<String>) -> Case {
        self.says.push(needle.into());
        self
    }

    /// stderr must locate the problem at `PATH:LINE:COL: `.
    fn at(mut self, line: usize, col: usize) -> Case {
        self.at = Some((line, col));
        self
    }
}

/// Runs a case and asserts the three things every case must: the exit code, an `error:` that
/// names the problem (and where), and a folder left exactly as it was.
fn check(case: Case) {
    let journal = TestJournal::empty();
    match &case.setup {
        Setup::Text(text) => fs::write(&journal.path, text).unwrap(),
        Setup::Bytes(bytes) => fs::write(&journal.path, bytes).unwrap(),
        Setup::Nothing => {}
        Setup::Custom(f) => f(&journal),
    }
    let before = snapshot(journal.folder());
    let mut cmd = journal.plain();
    cmd.arg("--journal").arg(&journal.path).args(&case.args);
    let ran = run_with_deadline(cmd, &case.stdin, Duration::from_secs(60));
    let stderr = ran.stderr();
    // Commands that only read show what they can of a journal that parses but has mistakes,
    // with a warning locating each (issue 14); they fail only when nothing is left to show.
    let reading = ["streak", "list", "report", "share"]
        .iter()
        .any(|verb| case.args.first().is_some_and(|a| a == verb));
    if reading && case.code == 1 && ran.code == Some(0) {
        assert!(stderr.starts_with("warning: "), "stderr: {stderr:?}");
        assert!(
            stderr.ends_with("(until then nothing is written to the journal)\n"),
            "stderr: {stderr:?}"
        );
    } else {
        assert_eq!(
            ran.code,
            Some(case.code),
            "exit code; stderr: {stderr}\nstdout: {}",
            String::from_utf8_lossy(&ran.stdout)
        );
        let first_error = if reading { "error: " } else { "" };
        assert!(
            stderr.starts_with("error: ")
                || (reading && stderr.starts_with("warning: ") && stderr.contains(first_error)),
            "stderr: {stderr:?}"
        );
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "raw control characters on stderr: {stderr:?}"
    );
    for needle in &case.says {
        assert!(
            stderr.contains(needle.as_str()),
            "expected {needle:?} in stderr: {stderr}"
        );
    }
    if let Some((line, col)) = case.at {
        let located = format!("{}:{line}:{col}: ", journal.path.display());
        assert!(
            stderr.contains(&located),
            "expected {located:?} in stderr: {stderr}"
        );
    }
    assert_eq!(
        snapshot(journal.folder()),
        before,
        "the journal or its folder changed"
    );
}

/// One `#[test]` per case, so each is reported (and can be ignored) on its own.
macro_rules! cases {
    ($( $(#[$meta:meta])* $name:ident: $case:expr; )+) => {
        $( $(#[$meta])* #[test] fn $name() { check($case) } )+
    };
}

// ---------------------------------------------------------------------------------------------
// Journal text builders with known positions.

/// Lines 1-5: version, blank, [[tracker]], name (value at column 8), since (column 9).
fn tracker(name: &str, since: &str, extra: &str) -> String {
    format!("version = 1\n\n[[tracker]]\nname = {name}\nsince = {since}\n{extra}\n")
}

/// The tracker above, then line 6 blank, 7 [[entry]], 8 date (value at column 8),
/// 9 tracker (column 11), 10 kind (column 8), 11 `extra`.
fn entry_with(date: &str, tracker_name: &str, kind: &str, extra: &str) -> String {
    format!(
        "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n\n[[entry]]\ndate = {date}\ntracker = {tracker_name}\nkind = {kind}\n{extra}\n"
    )
}

/// An otherwise good check-in with `extra` on line 11 (`mood = ` values start at column 8).
fn entry(extra: &str) -> String {
    entry_with("2026-11-24", "\"alcohol\"", "\"checkin\"", extra)
}

fn alcohol(extra: &str) -> String {
    tracker("\"alcohol\"", "2026-03-14", extra)
}

const PLAIN_DATE: &str = "must be a plain date without quotes";

// ---------------------------------------------------------------------------------------------
// Every field with the wrong type

cases! {
    version_is_a_string: journal("version = \"1\"\n").run(&["streak"])
        .at(1, 11).says("`version` must be the number 1");
    version_is_a_float: journal(alcohol("").replace("version = 1", "version = 1.0")).run(&["add", "hi"])
        .at(1, 11).says("`version` must be the number 1");
    version_is_2: journal(alcohol("").replace("version = 1", "version = 2")).run(&["add", "hi"])
        .at(1, 11).says("this journal is version 2").says("install a newer milestone");
    version_overflows: journal("version = 99999999999999999999\n").run(&["streak"])
        .at(1, 11).says("not valid TOML").says("overflow");
    tracker_name_is_a_number: journal(tracker("42", "2026-03-14", "")).run(&["streak"])
        .at(4, 8).says("`name` must be a string in quotes, found integer");
    tracker_name_is_a_list: journal(tracker("[\"alcohol\"]", "2026-03-14", "")).run(&["add", "hi"])
        .at(4, 8).says("`name` must be a string in quotes, found array");
    since_is_a_string: journal(tracker("\"alcohol\"", "\"2026-03-14\"", "")).run(&["streak"])
        .at(5, 9).says(PLAIN_DATE);
    since_is_an_integer: journal(tracker("\"alcohol\"", "20260314", "")).run(&["streak"])
        .at(5, 9).says(PLAIN_DATE);
    since_is_a_boolean: journal(tracker("\"alcohol\"", "true", "")).run(&["list"])
        .at(5, 9).says(PLAIN_DATE);
    since_is_a_time_of_day: journal(tracker("\"alcohol\"", "08:30:00", "")).run(&["streak"])
        .at(5, 9).says(PLAIN_DATE);
    cost_per_day_is_a_string: journal(alcohol("cost_per_day = \"12.5\"")).run(&["report"])
        .at(6, 16).says("`cost_per_day` must be a number of 0 or more");
    cost_per_day_is_negative: journal(alcohol("cost_per_day = -1")).run(&["report"])
        .at(6, 16).says("`cost_per_day` must be a number of 0 or more");
    cost_per_day_is_nan: journal(alcohol("cost_per_day = nan")).run(&["report"])
        .at(6, 16).says("`cost_per_day` must be a number of 0 or more");
    cost_per_day_is_infinite: journal(alcohol("cost_per_day = inf")).run(&["report"])
        .at(6, 16).says("`cost_per_day` must be a number of 0 or more");
    cost_per_day_overflows: journal(alcohol("cost_per_day = 1e400")).run(&["report"])
        .at(6, 16).says("not valid TOML").says("overflow");
    entry_id_is_a_number: journal(entry("id = 7")).run(&["list"])
        .at(11, 6).says("`id` must be a string in quotes, found integer");
    entry_date_is_a_string: journal(entry_with("\"2026-11-24\"", "\"alcohol\"", "\"checkin\"", "")).run(&["add", "hi"])
        .at(8, 8).says(PLAIN_DATE);
    entry_tracker_is_a_number: journal(entry_with("2026-11-24", "1", "\"checkin\"", "")).run(&["list"])
        .at(9, 11).says("`tracker` must be a string in quotes, found integer");
    entry_kind_is_a_number: journal(entry_with("2026-11-24", "\"alcohol\"", "1", "")).run(&["list"])
        .at(10, 8).says("`kind` must be a string in quotes, found integer");
    entry_kind_in_capitals: journal(entry_with("2026-11-24", "\"alcohol\"", "\"Checkin\"", "")).run(&["add", "hi"])
        .at(10, 8).says("unknown kind \"Checkin\"");
    entry_text_is_a_number: journal(entry("text = 5")).run(&["list"])
        .at(11, 8).says("`text` must be a string in quotes, found integer");
    entry_text_is_a_table: journal(entry("text = { words = \"hi\" }")).run(&["list"])
        .at(11, 8).says("`text` must be a string in quotes, found inline table");
    mood_is_a_string: journal(entry("mood = \"4\"")).run(&["streak"])
        .at(11, 8).says("`mood` must be a whole number from 1 to 5, found string");
    mood_is_a_float: journal(entry("mood = 4.0")).run(&["streak"])
        .at(11, 8).says("`mood` must be a whole number from 1 to 5, found float");
    mood_is_zero: journal(entry("mood = 0")).run(&["add", "hi"])
        .at(11, 8).says("not 0");
    tags_is_a_string: journal(entry("tags = \"meeting\"")).run(&["list"])
        .at(11, 8).says("`tags` must be a list of strings");
    tags_holds_a_number: journal(entry("tags = [\"meeting\", 1]")).run(&["list"])
        .at(11, 8).says("`tags` must be a list of strings");
    private_is_a_string: journal(entry("private = \"yes\"")).run(&["share"])
        .at(11, 11).says("`private` must be true or false");
    private_is_a_number: journal(entry("private = 1")).run(&["share"])
        .at(11, 11).says("`private` must be true or false");
    tracker_is_a_plain_key: journal("version = 1\ntracker = \"alcohol\"\n").run(&["add", "hi"])
        .at(2, 11).says("`tracker` must be written as [[tracker]] tables");
    tracker_is_a_single_table: journal("version = 1\n[tracker]\nname = \"alcohol\"\nsince = 2026-03-14\n").run(&["streak"])
        .at(2, 1).says("`tracker` must be written as [[tracker]] tables");
    entry_is_a_list_of_numbers: journal(alcohol("").replace("version = 1\n", "version = 1\nentry = [1, 2]\n")).run(&["list"])
        .at(2, 9).says("`entry` must be written as [[entry]] tables");
    entry_without_kind: journal(entry_with("2026-11-24", "\"alcohol\"", "\"checkin\"", "").replace("kind = \"checkin\"\n", "")).run(&["list"])
        .at(7, 1).says("[[entry]] is missing `kind`");
    tracker_without_since: journal("version = 1\n\n[[tracker]]\nname = \"alcohol\"\n").run(&["add", "hi"])
        .at(3, 1).says("[[tracker]] is missing `since`");
}

// ---------------------------------------------------------------------------------------------
// Huge numbers

cases! {
    mood_is_i64_max: journal(entry("mood = 9223372036854775807")).run(&["streak"])
        .at(11, 8).says("not 9223372036854775807");
    mood_is_i64_min: journal(entry("mood = -9223372036854775808")).run(&["streak"])
        .at(11, 8).says("not -9223372036854775808");
    mood_overflows_i64: journal(entry("mood = 99999999999999999999")).run(&["add", "hi"])
        .at(11, 8).says("not valid TOML: integer number overflowed");
    mood_arg_overflows_i64: journal(CONTRACT_EXAMPLE).run(&["add", "hi", "--mood", "99999999999999999999"])
        .exits(2).says("invalid value '99999999999999999999'");
    mood_arg_is_i64_max: journal(CONTRACT_EXAMPLE).run(&["add", "hi", "--mood", "9223372036854775807"])
        .exits(2).says("'--mood <1-5>': mood is on a scale of 1 to 5").says("not 9223372036854775807");
    limit_arg_overflows: journal(CONTRACT_EXAMPLE).run(&["list", "--limit", "99999999999999999999999"])
        .exits(2).says("invalid value '99999999999999999999999'");
    cost_per_day_arg_overflows: journal(CONTRACT_EXAMPLE).run(&["start", "smoking", "--cost-per-day", "1e999"])
        .exits(2).says("money not spent is a number of 0 or more");
    days_ago_overflows_u64: journal(CONTRACT_EXAMPLE).run(&["add", "hi", "--date", "99999999999999999999 days ago"])
        .exits(2).says("--date: \"99999999999999999999 days ago\" is not a date I understand");
    days_ago_overflows_the_calendar: journal(CONTRACT_EXAMPLE).run(&["streak", "--on", "18446744073709551615 days ago"])
        .exits(2).says("--on: \"18446744073709551615 days ago\" is not a date I understand");
    /// "1000000 days ago" is in the year -712; `start` wrote `since = 0000-12-28` (the year
    /// clamped to 0, the month and day kept) and said "from -0712-12-28". A date the journal
    /// cannot hold must be refused, not silently moved by 713 years.
    days_ago_before_year_0_for_start: journal(CONTRACT_EXAMPLE).run(&["start", "smoking", "--since", "1000000 days ago"])
        .exits(2).says("--since");
}

// ---------------------------------------------------------------------------------------------
// Dates: year 0, year 9999, days that do not exist, datetimes where a date belongs

cases! {
    since_is_feb_30: journal(tracker("\"alcohol\"", "2026-02-30", "")).run(&["streak"])
        .at(5, 9).says("not valid TOML: invalid date");
    since_is_feb_29_in_a_common_year: journal(tracker("\"alcohol\"", "2025-02-29", "")).run(&["streak"])
        .at(5, 9).says("not valid TOML: invalid date");
    since_is_month_13: journal(tracker("\"alcohol\"", "2026-13-01", "")).run(&["streak"])
        .at(5, 9).says("month between 01 and 12");
    since_is_year_10000: journal(tracker("\"alcohol\"", "10000-01-01", "")).run(&["streak"])
        .at(5, 9).says("four-digit year");
    since_is_an_offset_datetime: journal(tracker("\"alcohol\"", "2026-03-14T00:00:00+02:00", "")).run(&["add", "hi"])
        .at(5, 9).says(PLAIN_DATE);
    since_is_a_utc_datetime: journal(tracker("\"alcohol\"", "2026-03-14T00:00:00Z", "")).run(&["streak"])
        .at(5, 9).says(PLAIN_DATE);
    since_is_a_local_datetime: journal(tracker("\"alcohol\"", "2026-03-14 08:00:00", "")).run(&["streak"])
        .at(5, 9).says(PLAIN_DATE);
    entry_date_is_an_offset_datetime: journal(entry_with("2026-11-24T08:00:00-05:00", "\"alcohol\"", "\"checkin\"", "")).run(&["list"])
        .at(8, 8).says(PLAIN_DATE);
    entry_date_is_an_offset_datetime_with_a_space: journal(entry_with("2026-11-24 23:30:00+14:00", "\"alcohol\"", "\"checkin\"", "")).run(&["add", "hi"])
        .at(8, 8).says(PLAIN_DATE);
    entry_date_is_feb_30: journal(entry_with("2026-02-30", "\"alcohol\"", "\"checkin\"", "")).run(&["list"])
        .at(8, 8).says("not valid TOML: invalid date");
    cli_date_with_an_offset: journal(CONTRACT_EXAMPLE).run(&["add", "hi", "--date", "2026-11-24T00:00:00+01:00"])
        .exits(2).says("--date: \"2026-11-24T00:00:00+01:00\" is not a date I understand");
    cli_date_year_0_is_before_the_tracker: journal(CONTRACT_EXAMPLE).run(&["add", "hi", "--date", "0000-01-01"])
        .says("--date: 0000-01-01 is before alcohol started (2026-03-14)");
    cli_date_year_9999_is_after_today: journal(CONTRACT_EXAMPLE).run(&["reset", "--date", "9999-12-31"])
        .says("--date: 9999-12-31 is after today");
    cli_on_year_0_is_before_the_tracker: journal(CONTRACT_EXAMPLE).run(&["streak", "--on", "0000-01-01"])
        .says("alcohol starts on 2026-03-14, after 0000-01-01");
    cli_date_year_5_digits: journal(CONTRACT_EXAMPLE).run(&["streak", "--on", "10000-01-01"])
        .exits(2).says("--on: \"10000-01-01\" is not a date I understand");
}

// ---------------------------------------------------------------------------------------------
// Files that are not journals: empty, binary, not UTF-8, NUL bytes, huge

/// A note of 10 MB on line 11, then a bad mood on line 12.
fn huge_note_then_bad_mood() -> String {
    let note = "sober and steady ".repeat(10 * 1024 * 1024 / 17);
    entry(&format!("text = \"{note}\"\nmood = 9"))
}

cases! {
    empty_file_has_nothing_to_log_against: journal("").run(&["add", "hi"])
        .says("you are not tracking anything yet");
    empty_file_has_nothing_to_show: journal("").run(&["streak"])
        .says("you are not tracking anything yet");
    no_journal_yet_for_a_report: nothing().run(&["report"])
        .says("there is no journal at").says("begin one with `milestone start NAME`");
    comments_only_has_nothing_to_show: journal("# just me\n\n   \n").run(&["report"])
        .says("you are not tracking anything yet");
    binary_garbage: bytes(*b"\x7fELF\x02\x01\x01\x00\x00\xff\xfe\x00\x13").run(&["streak"])
        .at(1, 10).says("the journal is not UTF-8 text");
    binary_garbage_for_a_write: bytes(*b"\x89PNG\r\n\x1a\n\x00\x00").run(&["add", "hi"])
        .at(1, 1).says("the journal is not UTF-8 text");
    utf16_with_byte_order_mark: bytes(*b"\xff\xfev\x00e\x00r\x00").run(&["streak"])
        .at(1, 1).says("the journal is not UTF-8 text");
    overlong_utf8: bytes(*b"version = 1\n# \xc0\xaf\n").run(&["check"])
        .at(2, 3).says("the journal is not UTF-8 text");
    invalid_utf8_in_a_note: bytes([entry("text = \"caf").as_bytes().trim_ascii_end(), b"\xe9\"\n"].concat()).run(&["add", "hi"])
        .at(11, 12).says("the journal is not UTF-8 text");
    control_characters_that_are_not_toml: bytes(*b"\x01\x02garbage {{{").run(&["streak"])
        .at(1, 11).says("not valid TOML");
    a_nul_byte_in_a_string: bytes(entry("text = \"a\0b\"")).run(&["add", "hi"])
        .at(11, 10).says("not valid TOML");
    a_nul_byte_alone: bytes(*b"version = 1\n\0\n").run(&["streak"])
        .says("not valid TOML").says(":2:");
    bare_carriage_returns: journal("version = 1\r[[tracker]]\rname = \"a\"\r").run(&["streak"])
        .at(1, 13).says("not valid TOML: carriage return must be followed by newline");
    ten_megabyte_note_then_bad_mood: journal(huge_note_then_bad_mood()).run(&["add", "hi"])
        .at(12, 8).says("not 9");
    nested_arrays_100000_deep: journal(format!("version = 1\nx = {}{}\n", "[".repeat(100_000), "]".repeat(100_000))).run(&["streak"])
        .says("not valid TOML").says(":2:").says("recurs");
    nested_inline_tables_5000_deep: journal(format!("version = 1\nx = {}1{}\n", "{a=".repeat(5_000), "}".repeat(5_000))).run(&["streak"])
        .says("not valid TOML").says(":2:").says("recurs");
    /// toml_edit reports this without a position: milestone finds the key itself.
    dotted_key_100000_deep: journal(format!("version = 1\n{} = 1\n", vec!["a"; 100_000].join("."))).run(&["streak"])
        .at(2, 1).says("not valid TOML: recursion limit");
    dotted_key_81_parts_after_a_short_one: journal(format!("version = 1\nx.y = 2\n\n[t]\n  {} = 1\n", vec!["a"; 81].join("."))).run(&["streak"])
        .at(5, 3).says("not valid TOML: recursion limit");
}

// ---------------------------------------------------------------------------------------------
// Tracker names and entries that do not fit together

const NAME_RULE: &str = "a tracker name may use only letters, digits, '-' and '_'";

cases! {
    tracker_name_with_a_space: journal(tracker("\"no smoking\"", "2026-03-14", "")).run(&["streak"])
        .at(4, 8).says(NAME_RULE).says("not a space");
    tracker_name_in_unicode: journal(tracker("\"café\"", "2026-03-14", "")).run(&["streak"])
        .at(4, 8).says(NAME_RULE).says("not 'é'");
    tracker_name_with_an_escape_code: journal(tracker("\"red\\u001b[31m\"", "2026-03-14", "")).run(&["add", "hi"])
        .at(4, 8).says(NAME_RULE).says("not '\\u{1b}'");
    tracker_name_with_a_bidi_override: journal(tracker("\"\\u202Eevil\"", "2026-03-14", "")).run(&["streak"])
        .at(4, 8).says(NAME_RULE).says("\\u{202e}");
    tracker_name_empty: journal(tracker("\"\"", "2026-03-14", "")).run(&["streak"])
        .at(4, 8).says("a tracker name cannot be empty");
    tracker_name_too_long: journal(tracker(&format!("\"{}\"", "a".repeat(41)), "2026-03-14", "")).run(&["streak"])
        .at(4, 8).says("at most 40 characters");
    duplicate_tracker: journal(format!("{}\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-11-01\n", alcohol(""))).run(&["add", "hi"])
        .at(9, 8).says("a tracker named \"alcohol\" is already defined above");
    entry_for_an_unknown_tracker: journal(entry_with("2026-11-24", "\"smoking\"", "\"checkin\"", "")).run(&["add", "hi"])
        .at(9, 11).says("entry for unknown tracker \"smoking\"; known trackers: alcohol");
    entry_for_a_tracker_with_a_trailing_space: journal(entry_with("2026-11-24", "\"alcohol \"", "\"checkin\"", "")).run(&["streak"])
        .at(9, 11).says("entry for unknown tracker \"alcohol \"");
    entry_for_an_escape_code_tracker: journal(entry_with("2026-11-24", "\"\\u001b]52;c;aGk=\\u0007\"", "\"checkin\"", "")).run(&["list"])
        .at(9, 11).says("entry for unknown tracker \"\\u{1b}]52;c;aGk=\\u{7}\"");
    entry_with_no_trackers_at_all: journal("version = 1\n[[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"checkin\"\n").run(&["streak"])
        .at(4, 11).says("add a [[tracker]] for it");
    duplicate_entry_ids: journal(format!("{}\n[[entry]]\nid = \"abc\"\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"checkin\"\n", entry("id = \"abc\""))).run(&["add", "hi"])
        .at(14, 6).says("entry id \"abc\" is used twice");
    duplicate_key_in_an_entry: journal(entry("mood = 3\nmood = 4")).run(&["add", "hi"])
        .at(12, 1).says("not valid TOML: duplicate key");
    unknown_kind_with_an_escape_code: journal(entry_with("2026-11-24", "\"alcohol\"", "\"\\u001b[2J\"", "")).run(&["streak"])
        .at(10, 8).says("unknown kind \"\\u{1b}[2J\"");
}

// ---------------------------------------------------------------------------------------------
// Arguments: invalid UTF-8, control characters, NUL

cases! {
    invalid_utf8_in_the_note: journal(CONTRACT_EXAMPLE).run_raw(&[b"add", b"caf\xe9"])
        .exits(2).says("invalid UTF-8");
    invalid_utf8_in_a_tag: journal(CONTRACT_EXAMPLE).run_raw(&[b"add", b"hi", b"--tag", b"\xff"])
        .exits(2).says("invalid UTF-8");
    invalid_utf8_in_a_date: journal(CONTRACT_EXAMPLE).run_raw(&[b"reset", b"--date", b"2026-11-2\xb4"])
        .exits(2).says("invalid UTF-8");
    invalid_utf8_in_a_tracker_name: journal(CONTRACT_EXAMPLE).run_raw(&[b"start", b"\xc3\x28"])
        .exits(2).says("invalid UTF-8");
    invalid_utf8_in_a_reset_note: journal(CONTRACT_EXAMPLE).run_raw(&[b"reset", b"--note", b"\xed\xa0\x80"])
        .exits(2).says("invalid UTF-8");
    invalid_utf8_on_stdin: journal(CONTRACT_EXAMPLE).run(&["add"]).stdin(*b"caf\xe9\n")
        .says("could not read the note from standard input (is it UTF-8 text?)");
    an_escape_code_as_a_tracker_name: journal(CONTRACT_EXAMPLE).run(&["start", "\u{1b}[31mred"])
        .says(NAME_RULE).says("not '\\u{1b}'");
    a_newline_in_a_tracker_name: journal(CONTRACT_EXAMPLE).run(&["start", "a\nb"])
        .says(NAME_RULE).says("not '\\n'");
    an_escape_code_as_a_tag: journal(CONTRACT_EXAMPLE).run(&["add", "hi", "--tag", "\u{1b}[5m"])
        .exits(2).says("a tag needs at least one visible character");
    an_escape_code_naming_a_tracker: journal(CONTRACT_EXAMPLE).run(&["streak", "\u{1b}]52;c;aGk=\u{7}"])
        .says("there is no tracker named \"\\u{1b}]52;c;aGk=\\u{7}\"");
}

/// A NUL cannot reach milestone through argv at all: the OS takes C strings. (Through stdin
/// and in the journal as `\u0000` it can; see terminal_safety.rs.)
#[test]
fn a_nul_byte_in_an_argument_never_reaches_milestone() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let mut cmd = journal.plain();
    cmd.arg("--journal")
        .arg(&journal.path)
        .args(["add", "a\0b"]);
    let err = cmd
        .output()
        .expect_err("argv with NUL must be refused by the OS layer");
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert_eq!(journal.text(), CONTRACT_EXAMPLE);
}

// ---------------------------------------------------------------------------------------------
// The journal path: symlinks, folders, files in the way

cases! {
    a_dangling_symlink_for_a_write: custom(|j| symlink("gone.toml", &j.path).unwrap()).run(&["add", "hi"])
        .says("is a link to a file that does not exist; fix or remove the link");
    a_dangling_symlink_for_start: custom(|j| symlink("gone.toml", &j.path).unwrap()).run(&["start", "alcohol"])
        .says("is a link to a file that does not exist; fix or remove the link");
    a_symlink_loop_for_a_read: custom(|j| symlink("journal.toml", &j.path).unwrap()).run(&["streak"])
        .says("could not read the journal").says("symbolic links");
    a_symlink_loop_for_a_write: custom(|j| symlink("journal.toml", &j.path).unwrap()).run(&["add", "hi"])
        .says("symbolic links");
    a_symlink_to_a_folder: custom(|j| {
        fs::create_dir(j.folder().join("data")).unwrap();
        symlink("data", &j.path).unwrap();
    }).run(&["add", "hi"]).says("is a folder; point --journal at a file");
    the_lock_path_is_a_folder: custom(|j| {
        fs::write(&j.path, CONTRACT_EXAMPLE).unwrap();
        fs::create_dir(j.folder().join("journal.toml.lock")).unwrap();
    }).run(&["add", "hi"]).says("could not open the lock file");
    /// O_NOFOLLOW: a symlink planted at the lock path is refused, and its target untouched.
    a_symlink_planted_at_the_lock: custom(|j| {
        fs::write(&j.path, CONTRACT_EXAMPLE).unwrap();
        fs::write(j.folder().join("precious"), "do not touch").unwrap();
        fs::set_permissions(j.folder().join("precious"), fs::Permissions::from_mode(0o644)).unwrap();
        symlink(j.folder().join("precious"), j.folder().join("journal.toml.lock")).unwrap();
    }).run(&["add", "hi"]).says("could not open the lock file").says("symbolic links");
    a_dangling_symlink_planted_at_the_lock: custom(|j| {
        fs::write(&j.path, CONTRACT_EXAMPLE).unwrap();
        symlink(j.folder().join("would-be-created"), j.folder().join("journal.toml.lock")).unwrap();
    }).run(&["reset"]).says("could not open the lock file").says("symbolic links");
}

/// A journal path under a regular file (`notes.txt/journal.toml`): ENOTDIR, named as such.
#[test]
fn a_journal_path_under_a_file_really_points_under_the_file() {
    let journal = TestJournal::empty();
    fs::write(journal.folder().join("notes.txt"), "mine").unwrap();
    let inner = journal.folder().join("notes.txt/journal.toml");
    for args in [&["start", "alcohol"][..], &["streak"], &["add", "hi"]] {
        let mut cmd = journal.plain();
        cmd.arg("--journal").arg(&inner).args(args);
        let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
        assert_eq!(ran.code, Some(1), "{args:?}");
        let stderr = ran.stderr();
        assert!(
            stderr.starts_with(&format!(
                "error: could not read the journal {}",
                inner.display()
            )),
            "{stderr}"
        );
        assert!(stderr.contains("Not a directory"), "{stderr}");
    }
    assert_eq!(
        fs::read_to_string(journal.folder().join("notes.txt")).unwrap(),
        "mine"
    );
}

/// A journal path with bytes that are not UTF-8 works as a path, and is named (lossily) in
/// errors.
#[test]
fn a_journal_path_that_is_not_utf8() {
    let journal = TestJournal::empty();
    let odd = journal.folder().join(OsStr::from_bytes(b"journ\xe9l.toml"));
    let mut cmd = journal.plain();
    cmd.arg("--journal").arg(&odd).arg("streak");
    let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
    assert_eq!(ran.code, Some(1));
    let stderr = ran.stderr();
    assert!(
        stderr.starts_with("error: there is no journal at "),
        "{stderr}"
    );
    assert!(stderr.contains("journ\u{fffd}l.toml"), "{stderr}");

    // And it can be written and read back.
    let mut cmd = journal.plain();
    cmd.arg("--journal")
        .arg(&odd)
        .args(["start", "alcohol", "--since", "2026-03-14"]);
    let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr());
    assert!(
        fs::read_to_string(&odd)
            .unwrap()
            .contains("name = \"alcohol\"")
    );
}

// ---------------------------------------------------------------------------------------------
// Permissions that depend on who runs the tests

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Runs `args` on `journal` as an ordinary user (see `as_ordinary_user`); `None` when not
/// possible here.
fn run_as_ordinary_user(journal: &TestJournal, args: &[&str]) -> Option<Ran> {
    let mut cmd = journal.plain();
    cmd.arg("--journal").arg(&journal.path).args(args);
    as_ordinary_user(&mut cmd, journal)?;
    Some(run_with_deadline(cmd, b"", Duration::from_secs(30)))
}

#[test]
fn an_unreadable_journal_is_refused_for_whoever_cannot_read_it() {
    // As root, chmod 000 does not stop a read: root gets its journal, and nothing changes.
    if euid() == 0 {
        let journal = TestJournal::with(CONTRACT_EXAMPLE);
        fs::set_permissions(&journal.path, fs::Permissions::from_mode(0o000)).unwrap();
        let out = journal.ok(&["streak", "--format", "json"]);
        assert!(out.contains("\"days\": 256"), "{out}");
        assert_eq!(
            mode(&journal.path),
            0o000,
            "a read must not change the mode"
        );
        assert_eq!(journal.bytes(), CONTRACT_EXAMPLE.as_bytes());
    }
    // An ordinary user is told, and nothing changes (for a read or a write).
    for args in [&["streak"][..], &["add", "hi"], &["check"]] {
        let journal = TestJournal::with(CONTRACT_EXAMPLE);
        fs::set_permissions(&journal.path, fs::Permissions::from_mode(0o000)).unwrap();
        let before = snapshot(journal.folder());
        let Some(ran) = run_as_ordinary_user(&journal, args) else {
            return;
        };
        assert_eq!(ran.code, Some(1), "{args:?}: {}", ran.stderr());
        let stderr = ran.stderr();
        assert!(
            stderr.starts_with(&format!(
                "error: could not read the journal {}; check that it exists and that you may read it",
                journal.path.display()
            )),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("Permission denied"), "{stderr}");
        assert_eq!(snapshot(journal.folder()), before, "{args:?}");
    }
}

/// An ordinary user's read-only (0444) journal was silently replaced by a writable 0600 copy:
/// the rename beside it needs only the folder to be writable. A journal its owner made
/// read-only must be refused for writing, untouched, with an error naming it.
#[test]
fn a_read_only_journal_is_refused_for_a_user_who_cannot_write_it() {
    for args in [&["add", "hi"][..], &["reset"], &["start", "smoking"]] {
        let journal = TestJournal::with(CONTRACT_EXAMPLE);
        fs::set_permissions(&journal.path, fs::Permissions::from_mode(0o444)).unwrap();
        let before = snapshot(journal.folder());
        let Some(ran) = run_as_ordinary_user(&journal, args) else {
            return;
        };
        let stderr = ran.stderr();
        assert_eq!(ran.code, Some(1), "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(
            stderr.contains(&journal.path.display().to_string()),
            "{stderr}"
        );
        assert!(stderr.contains("read-only"), "{stderr}");
        assert_eq!(snapshot(journal.folder()), before, "{args:?}");
    }
}

#[test]
fn a_read_only_journal_stays_readable_for_reading_commands() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    fs::set_permissions(&journal.path, fs::Permissions::from_mode(0o444)).unwrap();
    for args in [&["streak"][..], &["list"], &["check"], &["report"]] {
        journal.ok(args);
    }
    assert_eq!(mode(&journal.path), 0o444);
    assert_eq!(journal.bytes(), CONTRACT_EXAMPLE.as_bytes());
}

#[test]
fn a_read_only_folder_refuses_a_write_and_leaves_the_journal() {
    // With and without a lock file already there: the two fail at different steps.
    for lock_exists in [false, true] {
        for args in [&["add", "hi"][..], &["reset"], &["start", "smoking"]] {
            let journal = TestJournal::with(CONTRACT_EXAMPLE);
            if lock_exists {
                fs::write(journal.folder().join("journal.toml.lock"), "").unwrap();
            }
            let mut cmd = journal.plain();
            cmd.arg("--journal").arg(&journal.path).args(args);
            let Some(()) = as_ordinary_user(&mut cmd, &journal) else {
                return;
            };
            fs::set_permissions(journal.folder(), fs::Permissions::from_mode(0o500)).unwrap();
            let before = snapshot(journal.folder());
            let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
            let after = snapshot(journal.folder());
            fs::set_permissions(journal.folder(), fs::Permissions::from_mode(0o700)).unwrap();
            let stderr = ran.stderr();
            assert_eq!(ran.code, Some(1), "{lock_exists} {args:?}: {stderr}");
            let expected = if lock_exists {
                format!(
                    "error: could not write the journal {} (it is unchanged); check free disk space and permissions",
                    journal.path.display()
                )
            } else {
                "error: could not open the lock file".to_owned()
            };
            assert!(stderr.starts_with(&expected), "{stderr}");
            assert!(stderr.contains("Permission denied"), "{stderr}");
            assert_eq!(after, before, "{lock_exists} {args:?}");
        }
    }
}

#[test]
fn root_may_write_a_journal_in_a_read_only_folder() {
    if euid() != 0 {
        return; // Only root can; ordinary users are covered above.
    }
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    fs::set_permissions(journal.folder(), fs::Permissions::from_mode(0o500)).unwrap();
    journal.ok(&["add", "as root"]);
    fs::set_permissions(journal.folder(), fs::Permissions::from_mode(0o700)).unwrap();
    assert!(journal.text().starts_with(CONTRACT_EXAMPLE));
    assert!(journal.text().contains("text = \"as root\""));
}

/// `sudo milestone add` on someone's journal: the write replaces the file with one owned by
/// root (0600), so its owner can no longer read their own journal. The new file must keep the
/// owner (and group) of the one it replaces.
#[test]
fn a_write_by_root_keeps_the_journals_owner() {
    if euid() != 0 {
        return;
    }
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    chown_tree(journal.folder(), NOBODY);
    journal.ok(&["add", "written with sudo"]);
    let meta = fs::metadata(&journal.path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (NOBODY, NOBODY));
    assert!(journal.text().contains("written with sudo"));
}

// ---------------------------------------------------------------------------------------------
// Special files where the journal should be: FIFOs, devices

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// A FIFO at the journal path: reading it blocks until a writer comes, forever. A journal
/// must be a regular file; anything else is refused at once, untouched.
#[test]
fn a_fifo_as_the_journal_is_refused_not_waited_on() {
    for args in [&["streak"][..], &["add", "hi"], &["check"]] {
        let journal = TestJournal::empty();
        mkfifo(&journal.path);
        let before = snapshot(journal.folder());
        let mut cmd = journal.plain();
        cmd.arg("--journal").arg(&journal.path).args(args);
        let ran = run_with_deadline(cmd, b"", Duration::from_secs(5));
        assert_eq!(ran.code, Some(1), "{args:?}");
        let stderr = ran.stderr();
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains("not a regular file"), "{stderr}");
        assert_eq!(snapshot(journal.folder()), before);
    }
}

/// `--journal /dev/zero` (or `/dev/full`, `/dev/urandom`): the read never ends and eats all the
/// memory there is (here capped at 512 MB, where it fails "out of memory" after seconds).
/// A character device is not a journal: refuse it at once.
#[test]
fn an_endless_device_as_the_journal_is_refused_at_once() {
    let env = TestEnv::new();
    for device in ["/dev/zero", "/dev/full"] {
        let mut cmd = env.plain();
        cmd.arg("--journal").arg(device).arg("streak");
        // SAFETY: setrlimit is async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 512 << 20,
                    rlim_max: 512 << 20,
                };
                libc::setrlimit(libc::RLIMIT_AS, &limit);
                Ok(())
            });
        }
        let start = Instant::now();
        let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
        let stderr = ran.stderr();
        assert_eq!(ran.code, Some(1), "{device}: {stderr}");
        assert!(stderr.contains("not a regular file"), "{device}: {stderr}");
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{device}: took {:?}",
            start.elapsed()
        );
    }
}

/// A device node at the journal path (root can make one with mknod; `/dev/null` itself is the
/// real-world case): `start` renamed a regular file over it. With `--journal /dev/null` as
/// root that would replace the system's /dev/null. Refuse non-regular files.
#[test]
fn a_device_node_as_the_journal_is_never_replaced() {
    if euid() != 0 {
        return; // mknod needs root.
    }
    let journal = TestJournal::empty();
    let c = std::ffi::CString::new(journal.path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid path; makes a copy of /dev/null's node (char 1,3) in the temp folder.
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
    if made != 0 {
        eprintln!("note: mknod not permitted here; skipped");
        return;
    }
    let before = snapshot(journal.folder());
    let mut cmd = journal.plain();
    cmd.arg("--journal")
        .arg(&journal.path)
        .args(["start", "alcohol"]);
    let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
    let stderr = ran.stderr();
    let is_device = fs::symlink_metadata(&journal.path)
        .map(|m| !m.file_type().is_file())
        .unwrap_or(false);
    assert!(is_device, "the device node was replaced by a regular file");
    assert_eq!(ran.code, Some(1), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
    assert_eq!(snapshot(journal.folder()), before);
}

// ---------------------------------------------------------------------------------------------
// A full disk

/// The sample journal: 48 KB, so a write needs real space.
pub fn sample_journal() -> String {
    fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/journal.toml"
    ))
    .unwrap()
}

/// No room for the new file, simulated with RLIMIT_FSIZE (works for any user, in any
/// container): every write past 16 KB fails with EFBIG, as a full disk fails with ENOSPC.
/// The journal is unchanged, no temporary file is left, and the error says what to check.
#[test]
fn no_room_for_the_new_journal_leaves_the_old_one() {
    let sample = sample_journal();
    for args in [
        &["add", "--tracker", "alcohol", "a note that will not fit"][..],
        &["reset", "smoking"],
        &["start", "gambling"],
    ] {
        let journal = TestJournal::with(&sample);
        fs::write(journal.folder().join("journal.toml.lock"), "").unwrap();
        let before = snapshot(journal.folder());
        let mut cmd = journal.plain();
        cmd.arg("--journal").arg(&journal.path).args(args);
        // SAFETY: signal and setrlimit are async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let limit = libc::rlimit {
                    rlim_cur: 16 << 10,
                    rlim_max: 16 << 10,
                };
                libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
                Ok(())
            });
        }
        let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
        let stderr = ran.stderr();
        assert_eq!(ran.code, Some(1), "{args:?}: {stderr}");
        assert_eq!(
            stderr,
            format!(
                "error: no space left to write {}; free some space and try again; the journal is unchanged\n",
                journal.path.display()
            ),
        );
        assert_eq!(snapshot(journal.folder()), before, "{args:?}");
    }
}

/// A real full disk: a 128 KB tmpfs, mounted in a private mount namespace (`unshare -m`, so
/// nothing outside the test sees it). Needs root or user namespaces; skipped (with a note)
/// where it cannot be mounted, as in most CI containers.
#[test]
fn a_full_disk_leaves_the_journal_and_no_temp_file() {
    let sample = sample_journal();
    let dir = tempfile::tempdir().unwrap();
    let orig = dir.path().join("orig.toml");
    fs::write(&orig, &sample).unwrap();
    let mnt = dir.path().join("mnt");
    fs::create_dir(&mnt).unwrap();
    // Inside the namespace: mount, copy the journal in, fill the disk to within 8 KB, try
    // an add, then report what is there. The mount dies with the namespace.
    let script = r#"
set -u
mount -t tmpfs -o size=128k tmpfs "$2" 2>/dev/null || { echo CANNOT-MOUNT; exit 0; }
cp "$3" "$2/journal.toml" && chmod 600 "$2/journal.toml"
: > "$2/journal.toml.lock"
dd if=/dev/zero of="$2/filler" bs=1024 2>/dev/null
"$1" --journal "$2/journal.toml" add --tracker alcohol "no room at all" 2>"$2.stderr"
echo "rc=$?"
cmp -s "$2/journal.toml" "$3" && echo SAME
ls -A "$2"
"#;
    let env = TestEnv::new();
    let out = env
        .command("unshare")
        .args(["-m", "sh", "-c", script, "sh"])
        .arg(BIN)
        .arg(&mnt)
        .arg(&orig)
        .output();
    let stdout = match out {
        Ok(out) => String::from_utf8_lossy(&out.stdout).into_owned(),
        Err(_) => String::from("CANNOT-MOUNT"),
    };
    if stdout.trim().is_empty() || stdout.contains("CANNOT-MOUNT") {
        eprintln!("note: cannot mount a tmpfs here; the RLIMIT_FSIZE test covers a full disk");
        return;
    }
    let stderr = fs::read_to_string(dir.path().join("mnt.stderr")).unwrap();
    assert!(stdout.contains("rc=1\n"), "{stdout}\n{stderr}");
    assert!(stdout.contains("SAME\n"), "journal changed: {stdout}");
    assert!(
        stderr.starts_with("error: no space left to write ")
            && stderr.ends_with(
                "journal.toml; free some space and try again; the journal is unchanged\n"
            ),
        "{stderr}"
    );
    let names: Vec<&str> = stdout
        .lines()
        .filter(|l| !l.starts_with("rc=") && *l != "SAME")
        .collect();
    assert_eq!(
        names,
        ["filler", "journal.toml", "journal.toml.lock"],
        "no temp file may be left on the full disk"
    );
}

// ---------------------------------------------------------------------------------------------
// Permissions under any umask, and planted symlinks

/// Starts, adds, resets and starts again under `umask`, checking after each write that the
/// journal and its lock are 0600 and the folders the program made 0700.
fn writes_under_umask(umask: u32) {
    let journal = TestJournal::empty();
    let folder_mode = mode(journal.folder());
    let nested = journal.folder().join("new/deeper/journal.toml");
    for args in [
        &["start", "alcohol", "--since", "2026-03-14"][..],
        &["add", "one"],
        &["reset", "--date", "2026-11-01"],
        &["start", "smoking"],
    ] {
        let mut cmd = journal.plain();
        cmd.arg("--journal").arg(&nested).args(args);
        with_umask(&mut cmd, umask);
        let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
        assert_eq!(
            ran.code,
            Some(0),
            "umask {umask:o} {args:?}: {}",
            ran.stderr()
        );
        assert_eq!(
            mode(&nested),
            0o600,
            "journal, umask {umask:o} after {args:?}"
        );
        assert_eq!(
            mode(&journal.folder().join("new/deeper/journal.toml.lock")),
            0o600,
            "lock, umask {umask:o} after {args:?}"
        );
        assert_eq!(
            mode(&journal.folder().join("new/deeper")),
            0o700,
            "umask {umask:o}"
        );
        assert_eq!(
            mode(&journal.folder().join("new")),
            0o700,
            "umask {umask:o}"
        );
    }
    let mut names: Vec<_> = fs::read_dir(journal.folder().join("new/deeper"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["journal.toml", "journal.toml.lock"],
        "umask {umask:o}"
    );
    // The test folder it was created in is not the program's to change.
    assert_eq!(mode(journal.folder()), folder_mode, "umask {umask:o}");
}

#[test]
fn files_stay_owner_only_under_the_usual_umasks() {
    for umask in [0o000, 0o002, 0o022, 0o077] {
        writes_under_umask(umask);
    }
}

/// Under a umask that takes the owner's own bits (0277, 0777), the journal rewritten by `add`
/// comes out 0400 / 0000 (the temporary file is created 0600 & !umask and renamed in; only a
/// brand-new journal gets an explicit chmod), and so does the lock file. For an ordinary user
/// the next write then fails to open the lock, and with 0777 the journal cannot be read.
/// The contract says 0600 whatever the umask.
#[test]
fn files_stay_owner_only_even_when_the_umask_takes_the_owners_bits() {
    for umask in [0o277, 0o777] {
        writes_under_umask(umask);
    }
}

/// Symlinks named like the temporary file (`.milestone-XXXXXX.tmp`), pointing at a file
/// outside: the temporary name is random and created with O_EXCL, so none is ever followed.
#[test]
fn symlinks_planted_as_temp_files_are_never_followed() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("precious");
    fs::write(&target, "do not touch").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut planted = Vec::new();
    for _ in 0..500 {
        let mut name = String::from(".milestone-");
        for _ in 0..6 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            name.push(char::from(
                alphabet[(seed % alphabet.len() as u64) as usize],
            ));
        }
        name.push_str(".tmp");
        let link = journal.folder().join(&name);
        if symlink(&target, &link).is_ok() {
            planted.push(link);
        }
    }
    for i in 0..20 {
        journal.ok(&["add", &format!("note {i}")]);
    }
    journal.ok(&["reset", "--date", "2026-11-24"]);
    assert!(journal.text().starts_with(CONTRACT_EXAMPLE));
    journal.ok(&["start", "smoking"]);
    assert_eq!(fs::read_to_string(&target).unwrap(), "do not touch");
    assert_eq!(mode(&target), 0o644);
    for link in &planted {
        assert_eq!(
            fs::read_link(link).unwrap(),
            target,
            "a planted link changed"
        );
    }
    assert_eq!(journal.text().matches("text = \"note ").count(), 20);
    assert!(
        journal
            .ok(&["check"])
            .contains("ok (2 trackers, 24 entries)")
    );
}

/// The lock file is opened with O_NOFOLLOW: even a symlink to the journal itself is refused.
#[test]
fn a_lock_symlink_to_the_journal_itself_is_refused() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    symlink(&journal.path, journal.folder().join("journal.toml.lock")).unwrap();
    let stderr = journal.fails(1, &["add", "hi"]);
    assert!(stderr.contains("could not open the lock file"), "{stderr}");
    assert_eq!(journal.bytes(), CONTRACT_EXAMPLE.as_bytes());
}

// ---------------------------------------------------------------------------------------------
// Dates at the edges that are valid: year 0 and 9999 load, count and are kept

#[test]
fn year_0_and_year_9999_dates_load_and_are_kept_byte_for_byte() {
    let text = "version = 1\n\n[[tracker]]\nname = \"ancient\"\nsince = 0000-01-01\n\n\
                [[entry]]\ndate = 0000-01-01\ntracker = \"ancient\"\nkind = \"checkin\"\n\n\
                [[entry]]\ndate = 9999-12-31\ntracker = \"ancient\"\nkind = \"checkin\"\n";
    let journal = TestJournal::with(text);
    let p = journal.path.display();
    assert_eq!(
        journal.ok(&["check"]),
        format!(
            "{p}:13:8: warning: entry dated 9999-12-31, after today (2026-11-25); it counts from that day on\n\
             {p}: ok (1 tracker, 2 entries, 1 warning)\n\
             2 entries written by hand have no id, so `milestone edit ID` and `milestone rm ID` cannot reach them; `milestone check --fix` gives each one.\n"
        )
    );
    let streak = crate::common::json(&journal.ok(&["streak", "--format", "json"]));
    assert_eq!(streak[0]["start"], "0000-01-01");
    assert_eq!(streak[0]["days"], 740_310);
    journal.ok(&["report"]);
    journal.ok(&["list"]);
    assert_eq!(journal.text(), text);
    journal.ok(&["add", "still here"]);
    assert!(journal.text().starts_with(text));
}

#[test]
fn a_ten_megabyte_note_is_kept_whole() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let note = "one day at a time. ".repeat(10 * 1024 * 1024 / 19);
    let mut cmd = journal.cmd(&["add"]);
    cmd.write_stdin(note.clone());
    crate::common::run_ok(cmd);
    let text = journal.text();
    assert!(text.starts_with(CONTRACT_EXAMPLE));
    assert!(text.contains(note.trim()), "the note was cut");
    let listed = crate::common::json(&journal.ok(&["list", "--format", "json", "--limit", "1"]));
    assert_eq!(listed[0]["text"].as_str().unwrap(), note.trim());
}

// ---------------------------------------------------------------------------------------------
// `milestone check`: every kind of warning and error at its exact PATH:LINE:COL

/// Unknown keys (top level, tracker, entry), a reset before `since`, a duplicate entry (with a
/// comment before it, which is not where it starts), a date in the future, and an entry for an
/// unknown tracker.
const EVERY_WARNING: &str = r#"version = 1
mood = 3

[[tracker]]
name = "alcohol"
since = 2026-03-14
colour = "blue"

[[entry]]
date = 2026-03-01
tracker = "alcohol"
kind = "reset"

[[entry]]
date = 2026-11-20
tracker = "alcohol"
kind = "checkin"
text = "same"
weather = "grey"

# the same again, by mistake
[[entry]]
date = 2026-11-20
tracker = "alcohol"
kind = "checkin"
text = "same"

[[entry]]
date = 2026-12-01
tracker = "alcohol"
kind = "win"
text = "planned"
"#;

const UNKNOWN_TRACKER_ENTRY: &str =
    "\n[[entry]]\ndate = 2026-11-21\ntracker = \"smoking\"\nkind = \"checkin\"\n";

fn every_warning_listed(p: &str) -> String {
    format!(
        "{p}:2:1: warning: unknown key `mood` at the top level (kept as is; check its spelling)\n\
         {p}:7:1: warning: unknown key `colour` in [[tracker]] (kept as is; check its spelling)\n\
         {p}:10:8: warning: reset on 2026-03-01 is before alcohol started on 2026-03-14; it is not counted\n\
         {p}:19:1: warning: unknown key `weather` in [[entry]] (kept as is; check its spelling)\n\
         {p}:22:1: warning: this entry repeats an earlier one word for word (same date, tracker, kind and text)\n\
         {p}:29:8: warning: entry dated 2026-12-01, after today (2026-11-25); it counts from that day on\n"
    )
}

#[test]
fn check_locates_every_warning_exactly() {
    let journal = TestJournal::with(EVERY_WARNING);
    let p = journal.path.display().to_string();
    assert_eq!(
        journal.ok(&["check"]),
        format!(
            "{}{p}: ok (1 tracker, 4 entries, 6 warnings)\n4 entries written by hand have no id, so `milestone edit ID` and `milestone rm ID` cannot reach them; `milestone check --fix` gives each one.\n",
            every_warning_listed(&p)
        )
    );
    assert_eq!(journal.text(), EVERY_WARNING);
}

#[test]
fn check_locates_warnings_and_an_error_together() {
    let text = format!("{EVERY_WARNING}{UNKNOWN_TRACKER_ENTRY}");
    let journal = TestJournal::with(&text);
    let p = journal.path.display().to_string();
    let mut cmd = journal.plain();
    cmd.arg("--journal").arg(&journal.path).arg("check");
    let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
    assert_eq!(ran.code, Some(1));
    assert_eq!(
        ran.stdout(),
        format!(
            "{}{p}:36:11: entry for unknown tracker \"smoking\"; known trackers: alcohol\n",
            every_warning_listed(&p)
        )
    );
    assert_eq!(
        ran.stderr(),
        format!("error: 1 problem in {p}; fix it and run `milestone check` again\n")
    );
    assert_eq!(journal.text(), text);
    // Every other command names the error, not the warnings.
    let stderr = journal.fails(1, &["add", "hi", "-t", "alcohol"]);
    assert!(
        stderr.starts_with(&format!("error: {p}:36:11: entry for unknown tracker")),
        "{stderr}"
    );
}

#[test]
fn check_positions_are_the_same_in_a_crlf_journal() {
    let text = EVERY_WARNING.replace('\n', "\r\n");
    let journal = TestJournal::with(&text);
    let p = journal.path.display().to_string();
    assert_eq!(
        journal.ok(&["check"]),
        format!(
            "{}{p}: ok (1 tracker, 4 entries, 6 warnings)\n4 entries written by hand have no id, so `milestone edit ID` and `milestone rm ID` cannot reach them; `milestone check --fix` gives each one.\n",
            every_warning_listed(&p)
        )
    );
    assert_eq!(journal.text(), text);
}

/// A tracker whose `since` is after today passes `check` ("ok") but every counting command
/// then fails ("alcohol starts on 2026-12-01, after 2026-11-25"). `check` should say so, at
/// the date: it is a date in the future like an entry's.
#[test]
fn check_reports_a_tracker_that_starts_in_the_future() {
    let journal = TestJournal::with(&tracker("\"alcohol\"", "2026-12-01", ""));
    let mut cmd = journal.plain();
    cmd.arg("--journal").arg(&journal.path).arg("check");
    let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
    let stdout = ran.stdout();
    assert!(
        stdout.contains(&format!("{}:5:9: ", journal.path.display())),
        "{stdout}"
    );
    assert!(stdout.contains("2026-12-01"), "{stdout}");
}

/// An empty (0-byte) journal file, as `touch` makes it, is not a journal yet: the first write
/// should lay it out as a new one. `start` wrote only the tracker, so the file has no
/// `version = 1` and `check` warns about it from then on.
#[test]
fn start_in_an_empty_file_writes_a_complete_journal() {
    let journal = TestJournal::with("");
    journal.ok(&["start", "alcohol", "--since", "2026-03-14"]);
    assert!(
        journal.text().contains("version = 1\n"),
        "{}",
        journal.text()
    );
    assert_eq!(
        journal.ok(&["check"]),
        format!("{}: ok (1 tracker, 0 entries)\n", journal.path.display())
    );
}

// ---------------------------------------------------------------------------------------------
// Line endings

/// A journal edited on Windows by an editor that keeps each line's ending: some lines LF, some
/// CRLF. `add` rewrote the CRLF lines as LF, so the hand-written bytes were no longer a prefix
/// of the file. Every byte the person wrote must stay as it was.
#[test]
fn add_keeps_a_journal_with_mixed_line_endings_byte_for_byte() {
    let text = "version = 1\n[[tracker]]\r\nname = \"alcohol\"\r\nsince = 2026-03-14\n";
    let journal = TestJournal::with(text);
    journal.ok(&["add", "hi"]);
    let after = journal.text();
    assert!(after.starts_with(text), "{after:?}");
}

/// In a CRLF journal, a note with a line break (typed through stdin) is written as a
/// multi-line TOML string and then every LF becomes CRLF, inside the string too: the note
/// reads back as "line one\r\nline two" and `list` shows `line one\u{d}\nline two`.
#[test]
fn a_multi_line_note_in_a_crlf_journal_reads_back_as_typed() {
    let text = "version = 1\r\n[[tracker]]\r\nname = \"alcohol\"\r\nsince = 2026-03-14\r\n";
    let journal = TestJournal::with(text);
    let mut cmd = journal.cmd(&["add"]);
    cmd.write_stdin("line one\nline two\n");
    crate::common::run_ok(cmd);
    let after = journal.text();
    assert!(after.starts_with(text), "{after:?}");
    let listed = crate::common::json(&journal.ok(&["list", "--format", "json"]));
    assert_eq!(listed[0]["text"], "line one\nline two");
}

/// The same for a rewrite: `edit --text` with a line break in a CRLF journal writes a
/// multi-line TOML string, then every LF becomes CRLF, inside the string too, so the note reads
/// back as "line one\r\nline two". (`add` writes such a note as one escaped string.)
#[test]
fn edit_of_a_note_with_a_line_break_in_a_crlf_journal_reads_back_as_typed() {
    let text = CONTRACT_EXAMPLE.replace('\n', "\r\n");
    let journal = TestJournal::with(&text);
    journal.ok(&["edit", "aaaaaa1", "--text", "line one\nline two"]);
    let listed = crate::common::json(&journal.ok(&["list", "--format", "json"]));
    assert_eq!(listed[0]["text"], "line one\nline two");
}

/// A hand-written array of tables under a dotted name (`[[notes.daily]]`) at the end of the
/// journal: `add` put the new entry before it instead of after it, so the old text was no
/// longer an untouched prefix (nothing is lost, but the diff is no longer an append).
#[test]
fn add_appends_after_a_trailing_dotted_array_of_tables() {
    let text = format!("{}\n[[notes.daily]]\nmine = \"kept\"\n", entry(""));
    let journal = TestJournal::with(&text);
    journal.ok(&["add", "hi"]);
    let after = journal.text();
    assert!(after.starts_with(&text), "{after}");
}

/// Hand-written `[[entry]]` headers spelled two ways (`[[ entry ]]` with spaces, or
/// `[["entry"]]` quoted, then a plain `[[entry]]`): `add` respelled every header of the array
/// like the first, rewriting lines the person wrote. (`start`, which rewrites the journal to put
/// the new tracker after the others, still respells `[[ tracker ]]` headers.)
#[test]
fn add_keeps_hand_spelled_table_headers() {
    for first in ["[[ entry ]]", "[[\"entry\"]]", "[[\tentry]]"] {
        let text = format!(
            "{ALCOHOL}\n{first}\ndate = 2026-11-23\ntracker = \"alcohol\"\nkind = \"checkin\"\n\n\
             [[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"checkin\"\n"
        );
        let journal = TestJournal::with(&text);
        journal.ok(&["add", "hi"]);
        let after = journal.text();
        assert!(after.starts_with(&text), "{first}: {after}");
    }
}

const ALCOHOL: &str = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n";

/// A journal saved with a UTF-8 byte-order mark (Windows Notepad does this): it loads, but
/// `add` dropped the mark, so the first bytes of the file changed.
#[test]
fn add_keeps_a_byte_order_mark() {
    let text = format!("\u{feff}{ALCOHOL}");
    let journal = TestJournal::with(&text);
    journal.ok(&["add", "hi"]);
    let after = journal.text();
    assert!(after.starts_with(&text), "{after:?}");
}
