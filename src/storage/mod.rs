//! The journal on disk: reading it, and changing it so that nothing is ever lost.
//!
//! Every change runs under an advisory lock on `<journal>.lock` (a separate file, never deleted:
//! a lock on the journal itself would protect nothing once a rename replaced it), re-reads the
//! journal inside the lock, refuses to touch a journal with errors, checks that the new text
//! still loads, then writes a temporary file beside it, fsyncs it, renames it over the journal
//! and fsyncs the folder. A crash at any moment leaves either the old journal or the new one.
//!
//! Adding an entry is the exception, so that it costs the same on a journal of any size: the
//! entry is appended, announced first in a redo record (`pending`) that finishes or explains a
//! cut-short append. Reading goes through a cache of the parsed journal (`cache`), checked
//! against the journal's bytes, and reads only what was appended since.

mod cache;
mod pending;

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use toml_edit::DocumentMut;

use crate::journal::edit::NEW_JOURNAL;
use crate::journal::parse::{Parsed, Seed, parse, parse_tail};
use crate::journal::{Entry, Journal};

use cache::Stamp;
pub use cache::Summary;

/// A UTF-8 byte-order mark, which some Windows editors put at the start of a file.
const BOM: &str = "\u{feff}";

/// Past this much appended text, reading the journal refreshes the cache.
const TAIL_REFRESH_BYTES: usize = 32 * 1024;

const FILE_MODE: u32 = 0o600;
const DIR_MODE: u32 = 0o700;

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

/// Reads and parses the journal at `path`; `Ok(None)` when there is no file there yet.
/// Does not refuse a journal with problems: `check` wants to see them all.
pub fn read(path: &Path, today: NaiveDate) -> Result<Option<Loaded>> {
    let Some(text) = read_text(path)? else {
        return Ok(None);
    };
    let parsed = parse(&text, Some(today));
    Ok(Some(Loaded {
        path: path.to_owned(),
        text,
        parsed,
    }))
}

/// Changes the journal at `path` (creating it when missing) under the write lock. `change`
/// sees the journal as it is now, inside the lock, and edits its document; when it returns an
/// error nothing is written.
pub fn modify<T>(
    path: &Path,
    today: NaiveDate,
    mut change: impl FnMut(&Journal, &mut DocumentMut) -> Result<T>,
) -> Result<T> {
    let path = resolve_symlink(path)?;
    // Before creating anything (folder, lock file): a path that cannot be a journal is refused,
    // and a first write that would be refused anyway leaves no trace.
    if read_text(&path)?.is_none() {
        let (journal, mut document) = editable(&path, NEW_JOURNAL.to_owned(), today)?;
        change(&journal, &mut document)?;
    }
    refuse_read_only(&path)?;
    let folder = parent_folder(&path);
    create_private_folder(folder)?;
    let _lock = lock_beside(&path)?;
    pending::recover(&path)?;
    remove_leftovers(&path);

    let original = read_text(&path)?;
    let created = original.is_none();
    // An empty file is a journal not begun yet; a byte-order mark is kept, outside the TOML.
    let text = original
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| NEW_JOURNAL.to_owned());
    let (framing, toml) = Framing::of(&text);
    let (journal, mut document) = editable(&path, toml.to_owned(), today)?;
    let result = change(&journal, &mut document)?;

    let new_text = framing.render(&document);
    let checked = parse(&new_text, None);
    if let Some(problem) = checked.errors().next() {
        bail!(
            "this change would have made the journal invalid ({}), so nothing was written; please report this as a bug",
            problem.message
        );
    }
    write_atomically(&path, new_text.as_bytes())?;
    cache::write(&path, Stamp::of(new_text.as_bytes()), &checked.journal);
    if created {
        // Make sure a brand-new journal is private even if the platform ignored the mode.
        fs::set_permissions(&path, fs::Permissions::from_mode(FILE_MODE))
            .with_context(|| format!("could not make {} private", path.display()))?;
    }
    Ok(result)
}

/// Replaces the whole journal with `new_text` (a hand edit in the editor), but only if it
/// still holds `expected`: a change another `milestone` made meanwhile is never overwritten.
/// `new_text` must load without errors.
pub fn replace(path: &Path, expected: &str, new_text: &str, today: NaiveDate) -> Result<()> {
    let path = resolve_symlink(path)?;
    refuse_read_only(&path)?;
    let _lock = lock_beside(&path)?;
    pending::recover(&path)?;
    remove_leftovers(&path);
    let current = read_text(&path)?.unwrap_or_default();
    if current != expected {
        bail!("the journal changed while you were editing it (another milestone wrote to it)");
    }
    let loaded = Loaded {
        path: path.clone(),
        parsed: parse(new_text, Some(today)),
        text: new_text.to_owned(),
    };
    refuse_errors(&loaded)?;
    write_atomically(&path, new_text.as_bytes())?;
    cache::write(&path, Stamp::of(new_text.as_bytes()), loaded.journal());
    Ok(())
}

/// The journal in `text` as a model and an editable document, refusing one with errors.
fn editable(path: &Path, text: String, today: NaiveDate) -> Result<(Journal, DocumentMut)> {
    let loaded = Loaded {
        path: path.to_owned(),
        parsed: parse(&text, Some(today)),
        text,
    };
    refuse_errors(&loaded)?;
    let Parsed {
        journal, document, ..
    } = loaded.parsed;
    let document = document
        .ok_or_else(|| anyhow!("journal parsed without a document"))?
        .into_mut();
    Ok((journal, document))
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

/// The journal's text, `None` when it does not exist.
fn read_text(path: &Path) -> Result<Option<String>> {
    let Some(bytes) = read_bytes(path)? else {
        return Ok(None);
    };
    utf8(path, bytes).map(Some)
}

fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&err.as_bytes()[..offset]);
            let (line, col) = crate::journal::parse::line_col(&valid, offset);
            bail!(
                "{}:{line}:{col}: the journal is not UTF-8 text; fix or remove the bytes there (nothing was changed)",
                path.display()
            )
        }
    }
}

/// The journal's bytes as they are once any interrupted append has finished (the file
/// itself is left alone: only a writer, under the lock, finishes it); `None` when there is no
/// journal.
fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>> {
    // A FIFO would wait forever and a device never end: only a plain file can be a journal.
    if let Ok(meta) = fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        bail!(
            "{} is not a regular file (it is a device, a pipe or a socket); point --journal at a journal file",
            path.display()
        );
    }
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) if path.is_dir() => {
            return Err(err).with_context(|| {
                format!(
                    "the journal path {} is a folder; point --journal at a file such as {}",
                    path.display(),
                    path.join("journal.toml").display()
                )
            });
        }
        Err(err) => {
            return Err(err).with_context(|| {
                format!(
                    "could not read the journal {}; check that it exists and that you may read it",
                    path.display()
                )
            });
        }
    };
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    match pending::read(&real)? {
        Some(record) if record.state(&bytes) == pending::State::Unfinished => {
            Ok(Some(record.finished(bytes)))
        }
        _ => Ok(Some(bytes)),
    }
}

/// The journal for a command that only reads it: it must exist and have no errors. Answers
/// from the cache when the cache describes these bytes (reading only what was appended
/// since), else parses the whole journal and refreshes the cache.
pub fn load_journal(path: &Path, today: NaiveDate) -> Result<Journal> {
    if let Some(journal) = from_cache(path) {
        return Ok(journal);
    }
    let Some(bytes) = read_bytes(path)? else {
        bail!(
            "there is no journal at {} yet; begin one with `milestone start NAME` (for example `milestone start alcohol`)",
            path.display()
        );
    };
    Ok(parse_whole(path, bytes, today)?.parsed.journal)
}

/// The whole journal read from `bytes`, which must have no errors; the cache is refreshed
/// for next time.
fn parse_whole(path: &Path, bytes: Vec<u8>, today: NaiveDate) -> Result<Loaded> {
    let text = utf8(path, bytes)?;
    let loaded = Loaded {
        path: path.to_owned(),
        parsed: parse(&text, Some(today)),
        text,
    };
    refuse_errors(&loaded)?;
    cache::write(path, Stamp::of(loaded.text.as_bytes()), loaded.journal());
    Ok(loaded)
}

/// What the cache knows of a journal that still begins with the bytes it describes: its stamp
/// and summary, the text appended since, and what that text adds.
struct CachedStart {
    stamp: Stamp,
    summary: Summary,
    file: File,
    tail: String,
    added: Journal,
}

/// `None` when there is no cache for `path`, the journal no longer begins with what it
/// describes, or what was appended since cannot be read on its own. The described part is
/// hashed as it streams past, never held, so a long journal costs little memory.
fn cached_start(path: &Path) -> Option<CachedStart> {
    let (stamp, summary) = cache::read_head(path)?;
    let mut file = File::open(path).ok()?;
    if !stamp.matches_start_of(&mut file) {
        return None;
    }
    let mut tail = String::new();
    file.read_to_string(&mut tail).ok()?;
    let added = read_tail(&tail, &summary)?;
    Some(CachedStart {
        stamp,
        summary,
        file,
        tail,
        added,
    })
}

/// The journal from the cache, plus whatever was appended since it was made; `None` sends the
/// caller to read the whole journal.
fn from_cache(path: &Path) -> Option<Journal> {
    let real = fs::canonicalize(path).ok()?;
    if pending::path_for(&real).exists() {
        return None;
    }
    let CachedStart {
        stamp, tail, added, ..
    } = cached_start(&real)?;
    let mut journal = cache::read_journal(path, stamp)?;
    journal.trackers.extend(added.trackers);
    journal.entries.extend(added.entries);
    if tail.len() > TAIL_REFRESH_BYTES
        && let Ok(bytes) = fs::read(&real)
    {
        cache::write(path, Stamp::of(&bytes), &journal);
    }
    Some(journal)
}

fn read_tail(tail: &str, summary: &Summary) -> Option<Journal> {
    if tail.trim().is_empty() {
        return Some(Journal::default());
    }
    let has_id = |id: &str| summary.has_id(id);
    parse_tail(
        tail,
        Seed {
            trackers: &summary.trackers,
            has_id: &has_id,
        },
    )
}

/// Adds one entry to the journal by appending it: under the write lock, `make` sees a summary
/// of the journal as it is and returns the entry (or an error, and nothing is written).
/// A journal that does not exist yet, or one the cache cannot vouch for, takes the slower road
/// of `modify` (a whole rewrite, which also refreshes the cache).
pub fn append_entry<T>(
    path: &Path,
    today: NaiveDate,
    mut make: impl FnMut(&Summary) -> Result<(Entry, T)>,
) -> Result<T> {
    let path = resolve_symlink(path)?;
    if !path.is_file() {
        // The first write creates the journal; `modify` knows how.
        return append_by_rewrite(&path, today, make);
    }
    File::open(&path).with_context(|| {
        format!(
            "could not read the journal {}; check that it exists and that you may read it",
            path.display()
        )
    })?;
    refuse_read_only(&path)?;
    let _lock = lock_beside(&path)?;
    pending::recover(&path)?;
    remove_leftovers(&path);
    let (len, ending, summary) = match summary_for_append(&path) {
        Some(known) => known,
        None => summary_by_parsing(&path, today)?,
    };
    let (entry, result) = make(&summary)?;
    let fragment = ending.fragment(&entry);
    // Never append what would not read back as exactly this entry.
    let check = read_tail(&fragment, &summary);
    if check.as_ref().map(|j| j.entries.as_slice()) != Some(std::slice::from_ref(&entry)) {
        bail!(
            "this entry would not have read back as written, so nothing was written; please report this as a bug"
        );
    }
    let record = pending::Pending {
        offset: len,
        bytes: fragment.into_bytes(),
    };
    let context = || {
        format!(
            "could not write the journal {} (it is unchanged); check free disk space and permissions",
            path.display()
        )
    };
    pending::write(&path, &record).with_context(context)?;
    if let Err(err) = pending::append(&path, &record.bytes) {
        // Undo what part of the entry got in. Only once that worked may the record go: while
        // it stays, every reader sees the entry whole, never half of it.
        if pending::truncate(&path, record.offset).is_ok() {
            let _ = pending::remove(&path);
        }
        return Err(err).with_context(context);
    }
    pending::remove(&path)?;
    // A journal holds health notes: owner-only after every write, as a rewrite leaves it.
    if fs::metadata(&path).is_ok_and(|m| m.permissions().mode() & 0o777 != FILE_MODE) {
        fs::set_permissions(&path, fs::Permissions::from_mode(FILE_MODE))
            .with_context(|| format!("could not make {} private", path.display()))?;
    }
    Ok(result)
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

    /// The text appended for `entry`: a blank line and the entry, in the journal's line ends.
    fn fragment(self, entry: &Entry) -> String {
        let crlf = self == Ending::CrLf;
        let fragment = format!(
            "{}\n{}",
            self.separator(),
            crate::journal::edit::entry_fragment(entry, crlf)
        );
        if crlf {
            fragment.replace('\n', "\r\n")
        } else {
            fragment
        }
    }
}

/// What `add` appends for `entry` to a journal whose text ends with `end` (its last two bytes
/// are enough).
#[cfg(test)]
pub(crate) fn appended(end: &[u8], entry: &Entry) -> String {
    Ending::of(end).fragment(entry)
}

/// What reading through the cache makes of text appended to a journal it summarised.
#[cfg(test)]
pub(crate) fn read_appended(tail: &str, summary: &Summary) -> Option<Journal> {
    read_tail(tail, summary)
}

/// For an append without a usable cache: the whole journal read (it must have no errors), and
/// the cache refreshed for next time.
fn summary_by_parsing(path: &Path, today: NaiveDate) -> Result<(usize, Ending, Summary)> {
    let bytes = read_bytes(path)?.unwrap_or_default();
    let (len, ending) = (bytes.len(), Ending::of(&bytes));
    let loaded = parse_whole(path, bytes, today)?;
    Ok((len, ending, Summary::of(loaded.journal())))
}

/// For an append: the journal's length, how it ends, and its summary, all from the cache and
/// the text appended since, when the cache describes the journal; `None` otherwise.
fn summary_for_append(path: &Path) -> Option<(usize, Ending, Summary)> {
    let CachedStart {
        stamp,
        mut summary,
        file,
        tail,
        added,
    } = cached_start(path)?;
    summary.extend(&added);
    let len = usize::try_from(stamp.len).ok()? + tail.len();
    let mut last_two = [0u8; 2];
    let ending = if len >= 2 {
        std::os::unix::fs::FileExt::read_exact_at(&file, &mut last_two, (len - 2) as u64).ok()?;
        Ending::of(&last_two)
    } else {
        Ending::of(tail.as_bytes())
    };
    Some((len, ending, summary))
}

/// `append_entry` the slow way: through `modify`, which reads and rewrites the whole journal.
fn append_by_rewrite<T>(
    path: &Path,
    today: NaiveDate,
    mut make: impl FnMut(&Summary) -> Result<(Entry, T)>,
) -> Result<T> {
    modify(path, today, |journal, document| {
        let (entry, result) = make(&Summary::of(journal))?;
        crate::journal::edit::append_entry(document, &entry);
        Ok(result)
    })
}

/// Refuses a journal the person may not write (a read-only file is a choice to respect).
fn refuse_read_only(path: &Path) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return Ok(());
    };
    // SAFETY: access() only reads the NUL-terminated path it is given.
    let writable = unsafe { libc::access(c_path.as_ptr(), libc::W_OK) } == 0;
    if path.exists() && !writable {
        bail!(
            "the journal {} is read-only for you, so nothing was changed; make it writable (chmod u+w) to add to it",
            path.display()
        );
    }
    Ok(())
}

/// Writes go to the file a symlinked journal points at, so the link (into a dotfiles repo,
/// say) keeps working instead of being replaced by a plain file.
fn resolve_symlink(path: &Path) -> Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).with_context(|| {
            format!(
                "the journal {} is a link to a file that does not exist; fix or remove the link",
                path.display()
            )
        }),
        _ => Ok(path.to_owned()),
    }
}

fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn create_private_folder(folder: &Path) -> Result<()> {
    // Every folder made here is owner-only, whatever the umask takes away: each missing one,
    // from the outermost in, is made and then given exactly 0700.
    let missing: Vec<&Path> = folder
        .ancestors()
        .take_while(|f| !f.as_os_str().is_empty() && !f.is_dir())
        .collect();
    for folder in missing.into_iter().rev() {
        let context = || {
            format!(
                "could not create the folder {} for the journal; check the path and your permissions",
                folder.display()
            )
        };
        match fs::DirBuilder::new().mode(DIR_MODE).create(folder) {
            Err(err) if err.kind() != io::ErrorKind::AlreadyExists => {
                return Err(err).with_context(context);
            }
            _ => {}
        }
        fs::set_permissions(folder, fs::Permissions::from_mode(DIR_MODE))
            .with_context(|| format!("could not make the folder {} private", folder.display()))?;
    }
    Ok(())
}

/// Holds the advisory write lock until dropped.
struct WriteLock(#[allow(dead_code)] File);

fn lock_beside(journal: &Path) -> Result<WriteLock> {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let lock_path = journal.with_file_name(name);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&lock_path)
        .with_context(|| {
            format!(
                "could not open the lock file {}; check that you may write to its folder",
                lock_path.display()
            )
        })?;
    // Owner-only, whatever the umask took away when it was created.
    if file
        .metadata()
        .is_ok_and(|m| m.permissions().mode() & 0o777 != FILE_MODE)
    {
        let _ = file.set_permissions(fs::Permissions::from_mode(FILE_MODE));
    }
    file.lock()
        .with_context(|| format!("could not lock {}", lock_path.display()))?;
    Ok(WriteLock(file))
}

/// A private temporary file beside the journal holding `text`, for the editor; removed when
/// dropped. It sits beside the journal (not in /tmp) so health notes stay where they live.
pub fn scratch_copy(journal: &Path, text: &str) -> Result<tempfile::NamedTempFile> {
    let journal = resolve_symlink(journal)?;
    let mut file = tempfile::Builder::new()
        .prefix(".milestone-edit-")
        .suffix(".toml")
        .tempfile_in(parent_folder(&journal))
        .with_context(|| {
            format!(
                "could not make a private copy of {} to edit",
                journal.display()
            )
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| {
            format!(
                "could not make a private copy of {} to edit",
                journal.display()
            )
        })?;
    Ok(file)
}

/// Temporary files for `path` are named `.milestone-<file name>-<random>.tmp`, so that the
/// ones a killed write left behind can be told apart from any other file's.
fn temp_prefix(path: &Path) -> String {
    format!(
        ".milestone-{}-",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Removes what writes to `journal` (and to its redo record) that were killed midway left
/// behind. Only under the journal's lock: then no write of it is under way.
fn remove_leftovers(journal: &Path) {
    let prefixes = [
        temp_prefix(journal),
        temp_prefix(&pending::path_for(journal)),
    ];
    let Ok(folder) = fs::read_dir(parent_folder(journal)) else {
        return;
    };
    for file in folder.flatten() {
        let name = file.file_name().to_string_lossy().into_owned();
        let ours = prefixes.iter().any(|prefix| {
            name.strip_prefix(prefix.as_str())
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .is_some_and(|random| random.chars().all(|c| c.is_ascii_alphanumeric()))
        });
        if ours && file.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(file.path());
        }
    }
}

/// Replaces `path` with `bytes` all at once: temp file beside it, fsync, rename, fsync folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = parent_folder(path);
    let context = || {
        format!(
            "could not write the journal {} (it is unchanged); check free disk space and permissions",
            path.display()
        )
    };
    // tempfile creates the file with O_EXCL, so a planted symlink is never followed; the mode
    // is set to 0600 outright, whatever the umask took away.
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(folder)
        .with_context(context)?;
    temp.as_file()
        .set_permissions(fs::Permissions::from_mode(FILE_MODE))
        .with_context(context)?;
    // The file keeps its owner when someone else (root, say) writes it for them.
    if let Ok(old) = fs::metadata(path) {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(temp.as_file(), Some(old.uid()), Some(old.gid()));
    }
    temp.write_all(bytes).with_context(context)?;
    temp.as_file().sync_all().with_context(context)?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(context)?;
    File::open(folder)
        .and_then(|dir| dir.sync_all())
        .with_context(context)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_new_journal_and_its_folder_are_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/journal.toml");
        modify(&path, today(), |_, _| Ok(())).unwrap();
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
        let err: Result<()> = modify(&path, today(), |_, doc| {
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

    const ONE_TRACKER: &str = "version = 1\n\n[[tracker]]\nname = \"a\"\nsince = 2026-01-01\n";

    #[test]
    fn an_interrupted_append_is_seen_finished_and_then_finished_by_the_next_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.toml");
        fs::write(&path, ONE_TRACKER).unwrap();
        // An append that got three bytes in before the crash.
        let fragment = format!(
            "\n{}",
            crate::journal::edit::entry_fragment(&entry("first"), false)
        );
        let record = pending::Pending {
            offset: ONE_TRACKER.len(),
            bytes: fragment.clone().into_bytes(),
        };
        pending::write(&path, &record).unwrap();
        fs::write(&path, format!("{ONE_TRACKER}{}", &fragment[..3])).unwrap();

        // A reader sees the entry, and leaves the file as it is.
        let journal = load_journal(&path, today()).unwrap();
        assert_eq!(journal.entries, vec![entry("first")]);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            format!("{ONE_TRACKER}{}", &fragment[..3])
        );

        // The next writer finishes it first, then adds its own.
        append_entry(&path, today(), |_| Ok((entry("second"), ()))).unwrap();
        let journal = load_journal(&path, today()).unwrap();
        assert_eq!(journal.entries, vec![entry("first"), entry("second")]);
        assert!(!pending::path_for(&path).exists());
        assert!(
            fs::read_to_string(&path)
                .unwrap()
                .starts_with(&format!("{ONE_TRACKER}{fragment}"))
        );
    }

    #[test]
    fn a_stale_or_torn_record_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.toml");
        fs::write(&path, ONE_TRACKER).unwrap();
        let record = pending::Pending {
            offset: 5,
            bytes: b"not what is there".to_vec(),
        };
        pending::write(&path, &record).unwrap();
        assert_eq!(load_journal(&path, today()).unwrap().entries, vec![]);
        fs::write(
            pending::path_for(&path),
            b"milestone pending append v1\n12\n",
        )
        .unwrap();
        assert_eq!(load_journal(&path, today()).unwrap().entries, vec![]);
        append_entry(&path, today(), |_| Ok((entry("x"), ()))).unwrap();
        assert_eq!(
            load_journal(&path, today()).unwrap().entries,
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
        ];
        let others = [
            ".milestone-journal.toml.bak-Ab12Cd.tmp",
            ".milestone-other.toml-Ab12Cd.tmp",
            "notes.tmp",
        ];
        for name in left.iter().chain(&others) {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        append_entry(&path, today(), |_| Ok((entry("x"), ()))).unwrap();
        for name in left {
            assert!(!dir.path().join(name).exists(), "{name} should be gone");
        }
        for name in others {
            assert!(dir.path().join(name).exists(), "{name} is not ours");
        }
    }

    #[test]
    fn writing_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        fs::write(&real, "version = 1\n").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        modify(&link, today(), |_, doc| {
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
