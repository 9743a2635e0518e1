//! The derived cache and the append path never change an answer: every command says exactly
//! the same with the cache, without it (`MILESTONE_NO_CACHE=1`), cold and warm, after appends
//! by `add` and by hand, after edits in the middle, and with a damaged cache.

use crate::common::{TestJournal, run_ok};

const SAMPLE: &str = include_str!("../../examples/journal.toml");

const READS: &[&[&str]] = &[
    &["streak"],
    &["streak", "--format", "json"],
    &["report"],
    &["report", "--format", "markdown"],
    &["report", "--format", "json"],
    &["share", "--all"],
    &["share", "--all", "--style", "json"],
    &["share", "alcohol", "--with-notes", "--on", "2026-11-01"],
    &["list"],
    &["list", "--format", "json"],
    &["export", "--format", "csv"],
    &["export", "--format", "ics"],
    &["prompt"],
    &["check"],
];

fn without_cache(journal: &TestJournal, args: &[&str]) -> String {
    let mut cmd = journal.cmd(args);
    cmd.env("MILESTONE_NO_CACHE", "1");
    run_ok(cmd)
}

/// Every reading command, cold cache, warm cache and no cache, must agree.
fn assert_same_answers(journal: &TestJournal, when: &str) {
    for args in READS {
        let plain = without_cache(journal, args);
        let first = journal.ok(args);
        let second = journal.ok(args);
        assert_eq!(first, plain, "{when}: {args:?} differs with the cache");
        assert_eq!(second, plain, "{when}: {args:?} differs with a warm cache");
    }
}

#[test]
fn every_reading_command_answers_the_same_with_and_without_the_cache() {
    let journal = TestJournal::with(SAMPLE);
    assert_same_answers(&journal, "the sample journal");
}

#[test]
fn appends_by_add_and_by_hand_and_edits_in_the_middle_read_back_the_same() {
    let journal = TestJournal::with(SAMPLE);
    assert_same_answers(&journal, "start");
    journal.ok(&[
        "add",
        "-t",
        "alcohol",
        "first append",
        "--mood",
        "4",
        "--tag",
        "meeting",
    ]);
    journal.ok(&["add", "-t", "smoking", "--win", "second append"]);
    journal.ok(&["reset", "smoking", "--note", "a slip"]);
    assert_same_answers(&journal, "after add, add --win and reset");

    // An entry written by hand at the end, as a person would.
    let mut text = journal.text();
    text.push_str("\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"by hand\"\n");
    std::fs::write(&journal.path, &text).unwrap();
    assert_same_answers(&journal, "after a hand-written append");
    journal.ok(&["add", "-t", "alcohol", "after the hand edit"]);
    assert_same_answers(&journal, "after an add on top of it");

    // A change in the middle: the cache no longer describes the journal's beginning.
    let edited = journal.text().replacen("mood = 3", "mood = 1", 1);
    std::fs::write(&journal.path, edited).unwrap();
    assert_same_answers(&journal, "after an edit in the middle");

    // A key appended by hand belongs to the last entry: only a full read sees that.
    let mut text = journal.text();
    text.push_str("mood = 2\n");
    std::fs::write(&journal.path, text).unwrap();
    assert_same_answers(&journal, "after a key appended to the last entry");
}

#[test]
fn a_damaged_cache_is_never_believed() {
    let journal = TestJournal::with(SAMPLE);
    assert_same_answers(&journal, "start");
    let cache_files: Vec<_> = std::fs::read_dir(journal.cmd_cache_dir())
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    assert_eq!(
        cache_files.len(),
        2,
        "a head and a journal file: {cache_files:?}"
    );
    for file in &cache_files {
        let mut bytes = std::fs::read(file).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x55;
        std::fs::write(file, &bytes).unwrap();
    }
    assert_same_answers(&journal, "with flipped bits in the cache");
    for file in &cache_files {
        std::fs::write(file, b"garbage").unwrap();
    }
    assert_same_answers(&journal, "with garbage for a cache");
}

#[test]
fn errors_are_found_the_same_with_the_cache() {
    let journal = TestJournal::with(SAMPLE);
    journal.ok(&["streak"]);
    let mut text = journal.text();
    text.push_str(
        "\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"checkin\"\nmood = 9\n",
    );
    std::fs::write(&journal.path, &text).unwrap();
    // streak still shows the count, with a warning locating the mistake (issue 14).
    let with = journal.cmd(&["streak"]).output().unwrap();
    let mut cmd = journal.cmd(&["streak"]);
    cmd.env("MILESTONE_NO_CACHE", "1");
    let without = cmd.output().unwrap();
    assert_eq!(with.status.code(), Some(0));
    assert_eq!(
        (with.stdout, &with.stderr),
        (without.stdout, &without.stderr)
    );
    let with = String::from_utf8(with.stderr).unwrap();
    assert!(with.starts_with("warning: "), "{with}");
    let mood_line = text.lines().count();
    assert!(
        with.contains(&format!(":{mood_line}:8: mood is on a scale of 1 to 5")),
        "{with}"
    );
}

#[test]
fn the_cache_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let journal = TestJournal::with(SAMPLE);
    journal.ok(&["streak"]);
    let folder = journal.cmd_cache_dir();
    for file in std::fs::read_dir(&folder).unwrap() {
        let mode = file.unwrap().metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

// ---------------------------------------------------------------------------------------------
// A cache no race, stray character or other user can fool (issue 11)

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::Duration;

fn cache_files(journal: &TestJournal) -> Vec<PathBuf> {
    let mut files: Vec<_> = fs::read_dir(journal.cmd_cache_dir())
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    files.sort();
    files
}

fn plain(journal: &TestJournal, args: &[&str]) -> std::process::Command {
    let mut cmd = journal.plain();
    cmd.arg("--journal").arg(&journal.path).args(args);
    cmd
}

/// Finding 1: a reader racing a writer must never stamp the cache with bytes it did not
/// parse: from then on every cached read would hide the writer's entry.
#[test]
fn a_reader_racing_a_writer_never_poisons_the_cache() {
    let mut big_tail = String::new();
    for i in 0..400 {
        big_tail.push_str(&format!(
            "\n[[entry]]\ndate = 2026-11-20\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"hand-written note number {i}, long enough to make the tail big\"\n"
        ));
    }
    assert!(big_tail.len() > 40 * 1024);
    let mut poisoned = 0;
    for round in 0..12 {
        let journal = TestJournal::with(SAMPLE);
        journal.ok(&["streak"]);
        fs::write(&journal.path, format!("{SAMPLE}{big_tail}")).unwrap();
        let mut reader = plain(&journal, &["list"]);
        reader.stdout(std::process::Stdio::null());
        let mut reader = reader.spawn().unwrap();
        // Another writer appends whole entries while the reader reads (as `add` or a sync does).
        let mut n = 0;
        let status = loop {
            if let Some(status) = reader.try_wait().unwrap() {
                break status;
            }
            let mut file = fs::OpenOptions::new()
                .append(true)
                .open(&journal.path)
                .unwrap();
            std::io::Write::write_all(
                &mut file,
                format!("\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"win\"\ntext = \"raced {round}.{n}\"\n").as_bytes(),
            )
            .unwrap();
            n += 1;
            std::thread::sleep(Duration::from_micros(300));
        };
        assert!(status.success());
        let cached = journal.ok(&["export", "--format", "json"]);
        if cached != without_cache(&journal, &["export", "--format", "json"]) {
            poisoned += 1;
        }
    }
    assert_eq!(poisoned, 0, "rounds whose cache hid acknowledged entries");
}

/// Finding 2: characters TOML does not allow, appended after the cache was made, are refused
/// by cached commands exactly as by a full read, and `add` does not append after them.
#[test]
fn stray_characters_after_the_cached_part_are_refused_as_a_full_read_refuses_them() {
    for stray in [
        "\x0c", "\x0b", "\r", "\u{85}", "\u{a0}", "\u{3000}", "\u{2028}", "\u{feff}",
    ] {
        let journal = TestJournal::with(SAMPLE);
        journal.ok(&["streak"]);
        // A lone carriage return: followed by a line feed it would be a valid line end.
        let text = match stray {
            "\r" => format!("{SAMPLE}\r"),
            _ => format!("{SAMPLE}{stray}\n"),
        };
        fs::write(&journal.path, &text).unwrap();
        let mut cmd = journal.cmd(&["streak"]);
        cmd.env("MILESTONE_NO_CACHE", "1");
        let full = crate::common::run_fails(cmd, 1);
        assert!(full.contains("not valid TOML"), "{stray:?}: {full}");
        assert_eq!(journal.fails(1, &["streak"]), full, "{stray:?}");
        assert_eq!(
            journal.fails(1, &["list", "--format", "json"]),
            full.replace("streak", "list"),
            "{stray:?}"
        );
        journal.fails(1, &["add", "-t", "alcohol", "after the stray character"]);
        assert_eq!(journal.text(), text);
    }
}

/// A cache file's payload rewritten as another user could: same length, checksum fixed.
fn tamper(file: &PathBuf, from: &str, to: &str) {
    // A cache file is sections: each its length and xxh3 (8 bytes each), then its payload.
    let mut raw = fs::read(file).unwrap();
    let mut at = 0;
    while at < raw.len() {
        let len = u64::from_le_bytes(raw[at..at + 8].try_into().unwrap()) as usize;
        let payload = at + 16..at + 16 + len;
        if let Some(found) = raw[payload.clone()]
            .windows(from.len())
            .position(|w| w == from.as_bytes())
        {
            let start = payload.start + found;
            raw[start..start + to.len()].copy_from_slice(to.as_bytes());
            let sum = xxhash_rust::xxh3::xxh3_64(&raw[payload]);
            raw[at + 8..at + 16].copy_from_slice(&sum.to_le_bytes());
            fs::write(file, raw).unwrap();
            return;
        }
        at = payload.end;
    }
    panic!("{from:?} is not in the cache");
}

/// Finding 3: a cache folder or file that someone else owns or may write is never believed.
#[test]
fn a_cache_another_user_could_have_written_is_never_believed() {
    let journal = TestJournal::with(SAMPLE);
    let honest = without_cache(&journal, &["list", "--format", "json"]);
    assert!(honest.contains("Argued with Dad"));
    journal.ok(&["list"]);
    let model = cache_files(&journal)
        .into_iter()
        .find(|f| f.extension().is_some_and(|e| e == "journal"))
        .unwrap();
    tamper(&model, "Argued with Dad", "Argued with Mum");
    let folder = journal.cmd_cache_dir();
    // Group- or world-writable folder (a shared cache), then files of another user.
    for mode in [0o777, 0o770, 0o1777] {
        fs::set_permissions(&folder, fs::Permissions::from_mode(mode)).unwrap();
        assert_eq!(
            journal.ok(&["list", "--format", "json"]),
            honest,
            "folder mode {mode:o}"
        );
    }
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
    for file in cache_files(&journal) {
        std::os::unix::fs::lchown(&file, Some(4242), Some(4242)).unwrap();
    }
    assert_eq!(
        journal.ok(&["list", "--format", "json"]),
        honest,
        "files of another user"
    );
    std::os::unix::fs::lchown(&folder, Some(4242), Some(4242)).unwrap();
    assert_eq!(
        journal.ok(&["list", "--format", "json"]),
        honest,
        "a folder of another user"
    );
}

/// Finding 3 and 4: a cache file that is a link to a device, or a FIFO, costs nothing.
#[test]
fn a_cache_file_that_is_a_device_or_a_fifo_is_skipped_quickly() {
    for plant in ["/dev/zero", "fifo"] {
        let journal = TestJournal::with(SAMPLE);
        let expected = without_cache(&journal, &["prompt"]);
        journal.ok(&["prompt"]);
        for file in cache_files(&journal) {
            fs::remove_file(&file).unwrap();
            if plant == "fifo" {
                let c = std::ffi::CString::new(file.as_os_str().as_encoded_bytes()).unwrap();
                // SAFETY: a NUL-terminated path.
                assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            } else {
                std::os::unix::fs::symlink(plant, &file).unwrap();
            }
        }
        for args in [&["prompt"][..], &["list"], &["add", "-t", "alcohol", "x"]] {
            let ran = crate::common::run_with_deadline(
                plain(&journal, args),
                b"",
                Duration::from_secs(20),
            );
            assert_eq!(ran.code, Some(0), "{plant} {args:?}: {}", ran.stderr());
            if args == ["prompt"] {
                assert_eq!(ran.stdout(), expected, "{plant}");
            }
        }
    }
}

/// Finding 11: the cache of a journal that was deleted goes with it (it held its text,
/// private entries included).
#[test]
fn the_cache_of_a_deleted_journal_is_removed() {
    let gone = TestJournal::with(SAMPLE);
    gone.ok(&["streak"]);
    assert_eq!(cache_files(&gone).len(), 2);
    fs::remove_file(&gone.path).unwrap();
    let other = TestJournal::with(SAMPLE);
    let mut cmd = other.cmd(&["streak"]);
    cmd.env("MILESTONE_CACHE_DIR", gone.cmd_cache_dir());
    run_ok(cmd);
    let left = cache_files(&gone);
    assert_eq!(left.len(), 2, "only the other journal's cache: {left:?}");
    let all = left
        .iter()
        .map(|f| fs::read(f).unwrap())
        .collect::<Vec<_>>()
        .concat();
    let needle = gone.path.as_os_str().as_encoded_bytes();
    assert!(
        !all.windows(needle.len()).any(|w| w == needle),
        "a file of the deleted journal's cache is left"
    );
}

/// Reasons and contacts appended after the cached part (by `import`, a merge or by hand) are
/// read through the cache as a full read reads them.
#[test]
fn reasons_and_contacts_appended_after_the_cache_read_back_the_same() {
    let journal = TestJournal::with(SAMPLE);
    journal.ok(&["streak"]);
    let mut text = journal.text();
    text.push_str("\n[[reason]]\ntext = \"to be there for Mia\"\n\n[[contact]]\nname = \"Jo\"\nphone = \"+44 7700 900123\"\n");
    fs::write(&journal.path, text).unwrap();
    for args in [&["why"][..], &["contact"]] {
        let plain = without_cache(&journal, args);
        assert!(plain.contains("Mia") || plain.contains("Jo"), "{plain}");
        assert_eq!(journal.ok(args), plain, "{args:?}");
        assert_eq!(journal.ok(args), plain, "{args:?} warm");
    }
}

// ---------------------------------------------------------------------------------------------
// Stat data vouching for the cache (issue 11: `add` without reading the journal)

/// Waits until the clock files are stamped with has moved on, so that the journal's stat data
/// can vouch for the bytes the next command reads or writes.
fn let_the_clock_move() {
    std::thread::sleep(Duration::from_millis(30));
}

/// Rewrites `from` as `to` (same length) in place: same inode, same size, and the mtime put
/// back as it was; only the ctime, which nobody can set, tells the change.
fn edit_in_place_keeping_the_mtime(path: &std::path::Path, from: &str, to: &str) {
    use std::io::{Seek, SeekFrom, Write};
    assert_eq!(from.len(), to.len());
    let text = fs::read_to_string(path).unwrap();
    let at = text.find(from).expect("the text is in the journal") as u64;
    let mtime = fs::metadata(path).unwrap().modified().unwrap();
    let mut file = fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(at)).unwrap();
    file.write_all(to.as_bytes()).unwrap();
    file.set_times(fs::FileTimes::new().set_modified(mtime))
        .unwrap();
    drop(file);
    assert_eq!(fs::metadata(path).unwrap().modified().unwrap(), mtime);
}

#[test]
fn an_edit_that_keeps_size_and_mtime_is_seen_after_the_stat_data_vouched() {
    let journal = TestJournal::with(SAMPLE);
    let_the_clock_move();
    // A read, then adds: each leaves a head whose stat data vouches for the journal.
    assert_same_answers(&journal, "start");
    journal.ok(&["add", "-t", "alcohol", "one"]);
    journal.ok(&["add", "-t", "alcohol", "two"]);
    let_the_clock_move();
    assert_same_answers(&journal, "after two adds");
    edit_in_place_keeping_the_mtime(&journal.path, "Argued with Dad", "Argued with Mum");
    assert!(without_cache(&journal, &["list"]).contains("Argued with Mum"));
    assert_same_answers(&journal, "after an edit in place");
    // And one in what the adds appended, which only the head describes.
    let_the_clock_move();
    journal.ok(&["list"]);
    edit_in_place_keeping_the_mtime(&journal.path, "\"two\"", "\"owt\"");
    assert_same_answers(&journal, "after an edit of an added entry");
    journal.ok(&["add", "-t", "alcohol", "three"]);
    let list = journal.ok(&["list", "--format", "json"]);
    assert!(
        list.contains("\"owt\"") && list.contains("\"three\""),
        "{list}"
    );
    assert_same_answers(&journal, "after an add on the edited journal");
}

#[test]
fn a_journal_replaced_by_one_of_the_same_size_and_mtime_is_seen() {
    let journal = TestJournal::with(SAMPLE);
    let_the_clock_move();
    journal.ok(&["add", "-t", "alcohol", "one"]);
    let_the_clock_move();
    assert_same_answers(&journal, "start");
    // As a sync tool or `git checkout` does: a new file renamed over the journal.
    let mtime = fs::metadata(&journal.path).unwrap().modified().unwrap();
    let other = journal.path.with_extension("new");
    fs::write(&other, journal.text().replace("\"one\"", "\"eno\"")).unwrap();
    fs::File::options()
        .write(true)
        .open(&other)
        .unwrap()
        .set_times(fs::FileTimes::new().set_modified(mtime))
        .unwrap();
    fs::rename(&other, &journal.path).unwrap();
    assert!(journal.ok(&["list"]).contains("eno"));
    assert_same_answers(&journal, "after the journal was replaced");
}

#[test]
fn adds_one_after_another_read_back_the_same() {
    let journal = TestJournal::with(SAMPLE);
    assert_same_answers(&journal, "start");
    for i in 0..6 {
        journal.ok(&["add", "-t", "alcohol", &format!("add number {i}")]);
    }
    // A hand append right after, in the same tick of the clock as the last add perhaps.
    let mut text = journal.text();
    text.push_str("\n[[entry]]\ndate = 2026-11-20\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"by hand\"\n");
    fs::write(&journal.path, &text).unwrap();
    journal.ok(&["add", "-t", "alcohol", "after the hand append"]);
    let list = journal.ok(&["list", "--format", "json"]);
    for text in [
        "add number 0",
        "add number 5",
        "by hand",
        "after the hand append",
    ] {
        assert!(list.contains(text), "{text} is missing: {list}");
    }
    assert_same_answers(&journal, "after adds one after another");
    // Put back as it was before the adds (a `git checkout`, a restored backup): the model of
    // that older journal is still of use, the head describing the adds is not.
    fs::write(&journal.path, SAMPLE).unwrap();
    assert_same_answers(&journal, "after the journal was put back");
    journal.ok(&["add", "-t", "alcohol", "after the journal was put back"]);
    let text = journal.text();
    assert!(
        text.starts_with(SAMPLE) && text.ends_with("text = \"after the journal was put back\"\n"),
        "{text}"
    );
    assert!(!journal.text().contains("add number 0"));
    assert_same_answers(&journal, "after an add on the journal put back");
}
