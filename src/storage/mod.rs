//! The journal on disk: reading it, and changing it so that nothing is ever lost.
//!
//! Every change goes through the one write protocol in `guard` (lock, recover, then a whole
//! rewrite or an append). Adding entries appends, so that it costs the same on a journal of
//! any size; `add` and `import` append the same bytes. Reading (`read`) goes through a cache of
//! the parsed journal (`cache`), which the journal's stat data (`stat`) or its bytes must vouch
//! for, and reads only what was appended since.

mod cache;
mod fault;
mod guard;
mod pending;
mod read;
mod sidefile;
mod stat;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use toml_edit::DocumentMut;

use crate::journal::edit::NEW_JOURNAL;
use crate::journal::parse::{Parsed, parse};
use crate::journal::{Entry, Journal};

pub use cache::{CacheDir, Summary};
use cache::{Head, Stamp, Stamper};
use guard::WriteGuard;
pub use guard::write_atomically;
use read::{
    Vouched, journal_exists, open_plain, parse_whole, read_at, read_bytes, read_tail, vouched,
};
pub use read::{
    load_journal, load_journal_if_any, load_journal_leniently, read_for_check, read_text,
};

/// A UTF-8 byte-order mark, which some Windows editors put at the start of a file.
const BOM: &str = "\u{feff}";

/// A journal read from disk, with the text it came from.
pub struct Loaded {
    pub path: PathBuf,
    pub text: String,
    pub parsed: Parsed,
}

impl Loaded {
    pub fn journal(&self) -> &Journal {
        &self.parsed.journal
    }
}

/// A file size limit (`ulimit -f`) must be an error a write can report and undo, not a
/// SIGXFSZ that kills it midway.
fn ignore_file_size_signal() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: setting a signal's disposition to SIG_IGN has no memory effects.
    ONCE.call_once(|| unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    });
}

fn refuse_errors(loaded: &Loaded) -> Result<()> {
    let mut errors = loaded.parsed.errors();
    let Some(first) = errors.next() else {
        return Ok(());
    };
    let more = errors.count();
    let located = first.located(&loaded.path, &loaded.text);
    if more == 0 {
        bail!(
            "{located}; fix this in the journal (nothing was changed), then run `milestone check`"
        )
    }
    bail!(
        "{located}; and {more} more problem{}: run `milestone check` to see them all (nothing was changed)",
        if more == 1 { "" } else { "s" }
    )
}

/// The journal in `text` as a model and an editable document, refusing one with errors.
fn editable(path: &Path, text: String) -> Result<(Journal, DocumentMut)> {
    let loaded = Loaded {
        path: path.to_owned(),
        parsed: parse(&text, None),
        text,
    };
    refuse_errors(&loaded)?;
    // The loader reads without toml_edit's document (most commands never edit); an edit
    // parses it here, keeping every byte.
    let document = loaded.text.parse::<DocumentMut>().map_err(|err| {
        anyhow!(
            "{}: not valid TOML: {}; fix this in the journal (nothing was changed)",
            path.display(),
            err.message().trim_end().trim_end_matches('.')
        )
    })?;
    Ok((loaded.parsed.journal, document))
}

/// What a rewrite keeps of a journal's text around its TOML: a leading byte-order mark, and
/// CRLF line ends when every line has one (a journal mixing both comes out LF).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Framing {
    bom: bool,
    crlf: bool,
}

impl Framing {
    /// How `text` is framed, and the TOML inside.
    pub(crate) fn of(text: &str) -> (Framing, &str) {
        let (bom, toml) = match text.strip_prefix(BOM) {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let crlf =
            toml.contains("\r\n") && toml.matches('\n').count() == toml.matches("\r\n").count();
        (Framing { bom, crlf }, toml)
    }

    /// The text a rewrite writes for `document`, framed as the journal was.
    pub(crate) fn render(self, document: &DocumentMut) -> String {
        let bom = if self.bom { BOM } else { "" };
        let text = format!("{bom}{document}");
        if self.crlf {
            // Keep a Windows-edited journal's line endings consistent.
            text.replace("\r\n", "\n").replace('\n', "\r\n")
        } else {
            text
        }
    }
}

/// Changes the journal at `path` (creating it when missing) under the write lock. `change`
/// sees the journal as it is now, inside the lock, and edits its document; when it returns an
/// error nothing is written.
pub fn modify<T>(
    path: &Path,
    cache: &CacheDir,
    mut change: impl FnMut(&Journal, &mut DocumentMut) -> Result<T>,
) -> Result<T> {
    // Before creating anything (folder, lock file): a path that cannot be a journal is refused,
    // and a first write that would be refused anyway leaves no trace.
    if !journal_exists(path)? {
        let (journal, mut document) = editable(path, NEW_JOURNAL.to_owned())?;
        change(&journal, &mut document)?;
    }
    let guard = WriteGuard::acquire(path)?;
    let path = guard.path.as_path();
    // An empty file is a journal not begun yet; a byte-order mark is kept, outside the TOML.
    let text = read_text(path)?
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| NEW_JOURNAL.to_owned());
    let (framing, toml) = Framing::of(&text);
    let (journal, mut document) = editable(path, toml.to_owned())?;
    let result = change(&journal, &mut document)?;
    rewrite(&guard, cache, &framing.render(&document))?;
    Ok(result)
}

/// Rewrites the journal under `guard` with `new_text`, which must load without errors, and
/// refreshes the cache.
fn rewrite(guard: &WriteGuard, cache: &CacheDir, new_text: &str) -> Result<()> {
    let checked = parse(new_text, None);
    if let Some(problem) = checked.errors().next() {
        bail!(
            "this change would have made the journal invalid ({}), so nothing was written; please report this as a bug",
            problem.message
        );
    }
    guard.rewrite(new_text.as_bytes())?;
    let stat = open_plain(&guard.path)
        .ok()
        .and_then(|file| stat::settled_after_write(&file));
    cache::write(
        cache,
        &guard.path,
        Stamp::of(new_text.as_bytes()),
        stat,
        &checked.journal,
    );
    Ok(())
}

/// Replaces the whole journal with `new_text` (a hand edit in the editor), but only if it
/// still holds `expected`: a change another `milestone` made meanwhile is never overwritten.
/// `new_text` must load without errors.
pub fn replace(path: &Path, cache: &CacheDir, expected: &str, new_text: &str) -> Result<()> {
    let guard = WriteGuard::acquire(path)?;
    let current = read_text(&guard.path)?.unwrap_or_default();
    if current != expected {
        bail!("the journal changed while you were editing it (another milestone wrote to it)");
    }
    refuse_errors(&Loaded {
        path: guard.path.clone(),
        parsed: parse(new_text, None),
        text: new_text.to_owned(),
    })?;
    rewrite(&guard, cache, new_text)
}

/// Adds one entry to the journal by appending it: under the write lock, `make` sees a summary
/// of the journal as it is and returns the entry (or an error, and nothing is written).
pub fn append_entry<T>(
    path: &Path,
    cache: &CacheDir,
    mut make: impl FnMut(&Summary) -> Result<(Entry, T)>,
) -> Result<T> {
    append(path, cache, false, |_, summary| {
        let (entry, result) = make(summary)?;
        let additions = Journal {
            entries: vec![entry],
            ..Journal::default()
        };
        Ok((additions, result))
    })
}

/// Adds trackers, entries, reasons and contacts (an import) by appending them, as
/// `append_entry` does; `make` sees the whole journal and returns what to add.
pub fn append_items<T>(
    path: &Path,
    cache: &CacheDir,
    mut make: impl FnMut(&Journal) -> Result<(Journal, T)>,
) -> Result<T> {
    append(path, cache, true, |journal, _| {
        make(journal.ok_or_else(|| anyhow!("the journal was not read"))?)
    })
}

/// The one append path. A journal the cache cannot vouch for is parsed whole (it must have
/// no errors); one that does not exist yet (or is empty) is written whole, as the new
/// journal's text followed by exactly what an append would add.
fn append<T>(
    path: &Path,
    cache: &CacheDir,
    whole: bool,
    mut make: impl FnMut(Option<&Journal>, &Summary) -> Result<(Journal, T)>,
) -> Result<T> {
    if !journal_exists(path)? {
        // Refused on an empty journal anyway? Then leave no trace (no folder, no lock file).
        make(Some(&Journal::default()), &Summary::default())?;
    }
    let guard = WriteGuard::acquire(path)?;
    let path = guard.path.as_path();
    let cached = if whole { None } else { appendable(path, cache) };
    let (base, journal) = match cached {
        Some(base) => (base, None),
        None => {
            let (bytes, stat) = read_bytes(path)?.unwrap_or_default();
            if String::from_utf8_lossy(&bytes).trim().is_empty() {
                (Appendable::empty(), Some(Journal::default()))
            } else {
                let mut stamper = Stamper::default();
                stamper.update(&bytes);
                let ending = Ending::of(&bytes);
                let stamp = stamper.stamp();
                let loaded = parse_whole(path, cache, bytes, stamp.clone(), stat)?;
                let journal = loaded.parsed.journal;
                let base = Appendable {
                    ending,
                    summary: Summary::of(&journal),
                    stamper,
                    model: stamp,
                    since_model: Summary::default(),
                };
                (base, Some(journal))
            }
        }
    };
    let (additions, result) = make(journal.as_ref(), &base.summary)?;
    let fragment = fragment(base.ending, &additions);
    // Never append what would not read back as exactly what was meant.
    if read_tail(&fragment, &base.summary).as_ref() != Some(&additions) {
        bail!(
            "this would not have read back as written, so nothing was written; please report this as a bug"
        );
    }
    if base.stamper.len() == 0 {
        rewrite(&guard, cache, &format!("{NEW_JOURNAL}{fragment}"))?;
        return Ok(result);
    }
    let Appendable {
        mut stamper,
        model,
        mut since_model,
        ..
    } = base;
    let file = guard.append(stamper.len(), fragment.as_bytes().to_vec())?;
    // The cache's head follows the append, so the next command reads none of the journal.
    stamper.update(fragment.as_bytes());
    since_model.extend(&additions);
    let head = Head {
        stamp: stamper.stamp(),
        stat: stat::settled_after_write(&file),
        model,
        since_model,
    };
    cache::write_head(cache, path, &head);
    Ok(result)
}

/// What an append needs to know of the journal: how it ends, its summary, its stamp so far
/// (`stamper`: its length, and what the appended bytes are stamped after), and the cache's
/// model with what the journal adds after it, for the head the append writes.
struct Appendable {
    ending: Ending,
    summary: Summary,
    stamper: Stamper,
    model: Stamp,
    since_model: Summary,
}

impl Appendable {
    /// A journal not begun yet.
    fn empty() -> Appendable {
        Appendable {
            ending: Ending::Lf,
            summary: Summary::default(),
            stamper: Stamper::default(),
            model: Stamp::default(),
            since_model: Summary::default(),
        }
    }
}

/// The text that appending `additions` adds to a journal ending as `ending`: each table after
/// a blank line, in the journal's line ends.
fn fragment(ending: Ending, additions: &Journal) -> String {
    use crate::journal::edit::{entry_fragment, tables_fragment};
    let crlf = ending == Ending::CrLf;
    let mut text = ending.separator().to_owned();
    text.push_str(&tables_fragment(&additions.trackers, &[], &[]));
    for entry in &additions.entries {
        text.push('\n');
        text.push_str(&entry_fragment(entry));
    }
    text.push_str(&tables_fragment(
        &[],
        &additions.reasons,
        &additions.contacts,
    ));
    if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    }
}

/// How the journal's last line ends, which decides how an appended entry begins and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// Empty, or ending with "\n".
    Lf,
    CrLf,
    /// The last line has no line end yet.
    Open,
}

impl Ending {
    fn of(bytes: &[u8]) -> Ending {
        if bytes.ends_with(b"\r\n") {
            Ending::CrLf
        } else if bytes.is_empty() || bytes.ends_with(b"\n") {
            Ending::Lf
        } else {
            Ending::Open
        }
    }

    /// What goes before the blank line that separates an appended entry.
    fn separator(self) -> &'static str {
        if self == Ending::Open { "\n" } else { "" }
    }
}

/// What `add` appends for `entry` to a journal whose text ends with `end` (its last two bytes
/// are enough).
#[cfg(test)]
pub(crate) fn appended(end: &[u8], entry: &Entry) -> String {
    let additions = Journal {
        entries: vec![entry.clone()],
        ..Journal::default()
    };
    fragment(Ending::of(end), &additions)
}

/// What reading through the cache makes of text appended to a journal it summarised.
#[cfg(test)]
pub(crate) fn read_appended(tail: &str, summary: &Summary) -> Option<Journal> {
    read_tail(tail, summary)
}

/// What an append needs, from the cache when it can vouch for the journal: then only the
/// journal's last block is read when its stat data vouches, else the journal is hashed and
/// what follows the model parsed. `None` sends the caller to parse the whole journal.
fn appendable(path: &Path, cache: &CacheDir) -> Option<Appendable> {
    let mut file = open_plain(path).ok()?;
    let Vouched {
        head,
        mut summary,
        tail,
        stamper,
        stamp,
        ..
    } = vouched(&mut file, path, cache, false)?;
    let (stamper, since_model) = match (stamper, tail) {
        (Some(stamper), Some(tail)) => {
            if !tail.is_empty() && !head.model.ends_line() {
                return None;
            }
            (stamper, Summary::of(&read_tail(&tail, &summary)?))
        }
        _ => {
            let from = stamp.last_block_start();
            let stamper = Stamper::resume(&stamp, &read_at(&file, from, stamp.len - from)?)?;
            (stamper, head.since_model)
        }
    };
    summary.merge(&since_model);
    let len = stamp.len;
    let from = len.saturating_sub(2);
    let ending = Ending::of(&read_at(&file, from, len - from)?);
    Some(Appendable {
        ending,
        summary,
        stamper,
        model: head.model,
        since_model,
    })
}

/// A private temporary file beside the journal holding `text`, for the editor; removed when
/// dropped, and by the next write if this process is killed (it holds a lock on the file
/// meanwhile, so that no write removes it while the editor is open). It sits beside the
/// journal (not in /tmp) so health notes stay where they live.
/// `suffix` tells the editor what it holds (`.toml` for the journal, `.md` for a note).
pub fn scratch_copy(journal: &Path, text: &str, suffix: &str) -> Result<tempfile::NamedTempFile> {
    ignore_file_size_signal();
    let journal = guard::resolve_symlink(journal)?;
    let context = || {
        format!(
            "could not make a private copy of {} to edit",
            journal.display()
        )
    };
    let mut file = tempfile::Builder::new()
        .prefix(guard::SCRATCH.0)
        .suffix(suffix)
        .tempfile_in(guard::parent_folder(&journal))
        .with_context(context)?;
    let _ = file.as_file().try_lock();
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .map_err(guard::explain)
        .with_context(context)?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use std::fs::{self, File};
    use std::os::unix::fs::PermissionsExt;

    use chrono::NaiveDate;

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_new_journal_and_its_folder_are_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/journal.toml");
        modify(&path, &CacheDir::Off, |_, _| Ok(())).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(mode(&dir.path().join("deep/er/journal.toml.lock")), 0o600);
        assert_eq!(fs::read_to_string(&path).unwrap(), NEW_JOURNAL);
    }

    #[test]
    fn a_failed_change_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.toml");
        fs::write(&path, "version = 1\n# mine\n").unwrap();
        let err: Result<()> = modify(&path, &CacheDir::Off, |_, doc| {
            doc.insert("x", toml_edit::value(1));
            bail!("no thanks")
        });
        assert_eq!(err.unwrap_err().to_string(), "no thanks");
        assert_eq!(fs::read_to_string(&path).unwrap(), "version = 1\n# mine\n");
    }

    fn entry(text: &str) -> Entry {
        Entry {
            id: Some(text.into()),
            date: today(),
            tracker: "a".into(),
            kind: crate::journal::EntryKind::Checkin,
            text: Some(text.into()),
            mood: None,
            tags: vec![],
            private: false,
            intensity: None,
            triggers: vec![],
        }
    }

    fn entries(texts: &[&str]) -> Journal {
        Journal {
            entries: texts.iter().map(|t| entry(t)).collect(),
            ..Journal::default()
        }
    }

    const ONE_TRACKER: &str = "version = 1\n\n[[tracker]]\nname = \"a\"\nsince = 2026-01-01\n";

    #[test]
    fn an_append_cut_short_is_read_without_it_and_rolled_back_by_the_next_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.toml");
        fs::write(&path, ONE_TRACKER).unwrap();
        // An append that got three bytes in before the crash.
        let first = fragment(Ending::Lf, &entries(&["first"]));
        let file = File::open(&path).unwrap();
        let record =
            pending::Pending::new(&file, ONE_TRACKER.len() as u64, first.clone().into_bytes())
                .unwrap();
        pending::write(&path, &record).unwrap();
        fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(&first.as_bytes()[..3])
            .unwrap();
        let cut = format!("{ONE_TRACKER}{}", &first[..3]);

        // A reader sees the journal without it, and leaves the file as it is.
        assert_eq!(load_journal(&path, &CacheDir::Off).unwrap().entries, vec![]);
        assert_eq!(fs::read_to_string(&path).unwrap(), cut);

        // The next writer rolls it back first, then adds its own.
        append_entry(&path, &CacheDir::Off, |_| Ok((entry("second"), ()))).unwrap();
        assert_eq!(
            load_journal(&path, &CacheDir::Off).unwrap().entries,
            vec![entry("second")]
        );
        assert!(!pending::path_for(&path).exists());
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            format!(
                "{ONE_TRACKER}{}",
                fragment(Ending::Lf, &entries(&["second"]))
            )
        );
    }

    #[test]
    fn a_stale_or_torn_record_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.toml");
        fs::write(&path, "version = 1\n").unwrap();
        let file = File::open(&path).unwrap();
        let record = pending::Pending::new(&file, 12, b"not what is there".to_vec()).unwrap();
        pending::write(&path, &record).unwrap();
        fs::write(&path, ONE_TRACKER).unwrap();
        assert_eq!(
            load_journal(&path, &CacheDir::Off).unwrap().trackers.len(),
            1
        );
        fs::write(
            pending::path_for(&path),
            b"milestone pending append v2\n12\n",
        )
        .unwrap();
        assert_eq!(load_journal(&path, &CacheDir::Off).unwrap().entries, vec![]);
        append_entry(&path, &CacheDir::Off, |_| Ok((entry("x"), ()))).unwrap();
        assert_eq!(
            load_journal(&path, &CacheDir::Off).unwrap().entries,
            vec![entry("x")]
        );
        assert!(!pending::path_for(&path).exists());
    }

    #[test]
    fn the_next_write_clears_what_killed_writes_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.toml");
        fs::write(&path, ONE_TRACKER).unwrap();
        let left = [
            ".milestone-journal.toml-Ab12Cd.tmp",
            ".milestone-journal.toml.pending-x9Y8z7.tmp",
            ".milestone-edit-Qw12Er.toml",
        ];
        let others = [
            ".milestone-journal.toml.bak-Ab12Cd.tmp",
            ".milestone-other.toml-Ab12Cd.tmp",
            ".milestone-edit-.toml",
            "notes.tmp",
        ];
        for name in left.iter().chain(&others) {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        // An editor's copy that a running milestone still holds stays.
        let open = scratch_copy(&path, "being edited", ".toml").unwrap();
        append_entry(&path, &CacheDir::Off, |_| Ok((entry("x"), ()))).unwrap();
        for name in left {
            assert!(!dir.path().join(name).exists(), "{name} should be gone");
        }
        for name in others {
            assert!(dir.path().join(name).exists(), "{name} is not ours");
        }
        assert!(open.path().exists());
    }

    #[test]
    fn add_and_import_append_the_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let (one, other) = (dir.path().join("one.toml"), dir.path().join("other.toml"));
        fs::write(&one, ONE_TRACKER).unwrap();
        fs::write(&other, ONE_TRACKER).unwrap();
        append_entry(&one, &CacheDir::Off, |_| Ok((entry("x"), ()))).unwrap();
        append_items(&other, &CacheDir::Off, |_| Ok((entries(&["x"]), ()))).unwrap();
        assert_eq!(fs::read(&one).unwrap(), fs::read(&other).unwrap());
    }

    #[test]
    fn writing_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        fs::write(&real, "version = 1\n").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        modify(&link, &CacheDir::Off, |_, doc| {
            doc.insert("extra", toml_edit::value(1));
            Ok(())
        })
        .unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(&real).unwrap(),
            "version = 1\nextra = 1\n"
        );
    }
}
