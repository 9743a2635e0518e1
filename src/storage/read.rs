//! Reading the journal: through the cache when the journal's stat data or its bytes vouch for
//! it (reading only what follows the cache's model), else a piece at a time, else whole (a
//! crash's cut-short append left out); and for `check`, every problem placed.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use super::cache::{self, CacheDir, Head, Stamp, Stamper, Summary};
use super::stat::{BeforeReading, FileStat};
use super::{Loaded, guard, pending, refuse_errors};
use crate::journal::Journal;
use crate::journal::parse::{LineIndex, Locator, Problem, Seed, parse, parse_tail};

/// Past this much appended text, reading the journal refreshes the cache.
const TAIL_REFRESH_BYTES: usize = 32 * 1024;

/// A journal read for `milestone check`: its model (as much as could be read) and every
/// problem with its 1-based (line, column), in the order of the text.
pub struct Checked {
    pub journal: Journal,
    pub problems: Vec<(Problem, (usize, usize))>,
}

/// Reads and parses the journal at `path` for `milestone check`, with the warnings that depend
/// on `today`; `Ok(None)` when there is no file there yet. Does not refuse a journal with
/// problems: `check` wants to see them all.
pub fn read_for_check(path: &Path, today: NaiveDate) -> Result<Option<Checked>> {
    if let Some((journal, problems, stamp, _)) = read_in_pieces(path, Some(today), true) {
        // Warnings are placed by a second pass over the same bytes, never held whole.
        let offsets: Vec<usize> = problems.iter().map(|p| p.span.start).collect();
        if let Some(places) = locate(path, &offsets, &stamp) {
            return Ok(Some(Checked::new(journal, problems, places)));
        }
    }
    let Some(text) = read_text(path)? else {
        return Ok(None);
    };
    let parsed = parse(&text, Some(today));
    let lines = LineIndex::new(&text);
    let places = parsed
        .problems
        .iter()
        .map(|p| lines.line_col(p.span.start))
        .collect();
    Ok(Some(Checked::new(parsed.journal, parsed.problems, places)))
}

impl Checked {
    fn new(journal: Journal, problems: Vec<Problem>, places: Vec<(usize, usize)>) -> Checked {
        let mut problems: Vec<_> = problems.into_iter().zip(places).collect();
        problems.sort_by_key(|(problem, _)| problem.span.start);
        Checked { journal, problems }
    }
}

/// The (line, column) of each of `offsets` in the journal at `path`, read a piece at a time;
/// `None` unless its bytes are still those `stamp` describes.
fn locate(path: &Path, offsets: &[usize], stamp: &Stamp) -> Option<Vec<(usize, usize)>> {
    let mut locator = Locator::new(offsets);
    if offsets.is_empty() {
        return Some(locator.places());
    }
    let mut file = open_plain(&fs::canonicalize(path).ok()?).ok()?;
    let mut stamper = Stamper::default();
    let mut buffer = vec![0u8; PIECE];
    loop {
        let n = match file.read(&mut buffer) {
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        stamper.update(&buffer[..n]);
        locator.feed(&buffer[..n], n == 0);
        if n == 0 {
            break;
        }
    }
    (stamper.stamp() == *stamp).then(|| locator.places())
}

/// The journal's text, `None` when it does not exist.
pub fn read_text(path: &Path) -> Result<Option<String>> {
    let Some((bytes, _)) = read_bytes(path)? else {
        return Ok(None);
    };
    utf8(path, bytes).map(Some)
}

pub(super) fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
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

/// The journal's bytes, without the part of an append a crash cut short (the file itself is
/// left alone: only a writer, under the lock, rolls it back), and the stat data that vouches
/// for them if any does; `None` when there is no journal.
pub(super) fn read_bytes(path: &Path) -> Result<Option<(Vec<u8>, Option<FileStat>)>> {
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
    let read = open_plain(path).and_then(|mut file| {
        let before = BeforeReading::of(&file);
        let meta = file.metadata()?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.read_to_end(&mut bytes)?;
        Ok((meta, bytes, before.confirm(&file)))
    });
    let (meta, mut bytes, mut stat) = match read {
        Ok(read) => read,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) if path.is_dir() || err.raw_os_error() == Some(libc::EISDIR) => {
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
    if pending::exists(&real) {
        use std::os::unix::fs::MetadataExt;
        if let Some(record) = pending::read(&real, Some(meta.uid()))?
            && record.state_of(pending::Identity::of(&meta), &bytes) == pending::State::CutShort
        {
            bytes.truncate(record.offset as usize);
            stat = None;
        }
    }
    Ok(Some((bytes, stat)))
}

/// Whether there is a journal at `path` (through a link), without reading it: a path that
/// cannot be a journal (a folder, a FIFO, a dangling link) is the error reading it gives.
pub(super) fn journal_exists(path: &Path) -> Result<bool> {
    let path = guard::resolve_symlink(path)?;
    match fs::metadata(&path) {
        Ok(meta) if meta.is_file() => {
            // One the person may not read is said to be so before anything else.
            open_plain(&path).with_context(|| {
                format!(
                    "could not read the journal {}; check that it exists and that you may read it",
                    path.display()
                )
            })?;
            Ok(true)
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
        _ => Ok(read_bytes(&path)?.is_some()),
    }
}

/// Opens the journal for reading without waiting on it, should it be a FIFO.
pub(super) fn open_plain(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
}

/// The journal for a command that only reads it: it must exist and have no errors. Answers
/// from the cache when the cache describes these bytes (reading only what was appended
/// since), else parses the whole journal and refreshes the cache.
pub fn load_journal(path: &Path, cache: &CacheDir) -> Result<Journal> {
    match load_journal_if_any(path, cache)? {
        Some(journal) => Ok(journal),
        None => bail!(
            "there is no journal at {} yet; begin one with `milestone start NAME` (for example `milestone start alcohol`)",
            path.display()
        ),
    }
}

/// As `load_journal`, `None` when there is no journal yet.
pub fn load_journal_if_any(path: &Path, cache: &CacheDir) -> Result<Option<Journal>> {
    if let Some(journal) = from_cache(path, cache) {
        return Ok(Some(journal));
    }
    if let Some((journal, _, stamp, stat)) = read_in_pieces(path, None, false) {
        cache::write(cache, path, stamp, stat, &journal);
        return Ok(Some(journal));
    }
    let Some((bytes, stat)) = read_bytes(path)? else {
        return Ok(None);
    };
    let stamp = Stamp::of(&bytes);
    Ok(Some(
        parse_whole(path, cache, bytes, stamp, stat)?.parsed.journal,
    ))
}

/// For commands that only read: the journal as far as it can be read, and its mistakes located
/// as `PATH:LINE:COL: message`. A journal that is valid TOML but has mistakes (an entry naming
/// an unknown tracker, a mood of 7) is returned without what could not be read, so a person can
/// still see their count; one that is not TOML is refused as `load_journal` does. Only a
/// journal without mistakes goes into the cache.
pub fn load_journal_leniently(
    path: &Path,
    cache: &CacheDir,
    today: NaiveDate,
) -> Result<(Journal, Vec<String>)> {
    if let Some(journal) = from_cache(path, cache) {
        return Ok((journal, Vec::new()));
    }
    if let Some((journal, _, stamp, stat)) = read_in_pieces(path, Some(today), false) {
        cache::write(cache, path, stamp, stat, &journal);
        return Ok((journal, Vec::new()));
    }
    let Some((bytes, stat)) = read_bytes(path)? else {
        return load_journal(path, cache).map(|journal| (journal, Vec::new()));
    };
    let stamp = Stamp::of(&bytes);
    let text = utf8(path, bytes)?;
    let loaded = Loaded {
        path: path.to_owned(),
        parsed: parse(&text, Some(today)),
        text,
    };
    if !loaded.parsed.is_toml {
        refuse_errors(&loaded)?;
    }
    let mistakes: Vec<String> = loaded
        .parsed
        .errors()
        .map(|p| p.located(&loaded.path, &loaded.text))
        .collect();
    if mistakes.is_empty() {
        cache::write(cache, path, stamp, stat, loaded.journal());
    }
    Ok((loaded.parsed.journal, mistakes))
}

/// How much of the journal is read at a time when it is read in pieces.
const PIECE: usize = 256 * 1024;

/// The journal read a piece at a time, its text never held whole (a long journal then costs
/// little more memory than its model): the journal, its warnings, the stamp of the
/// bytes read and the stat data that vouches for them, if any does. `None` for anything but the everyday case, which the caller then reads
/// whole: no journal or not a plain file, a redo record left by a crash, text that is not
/// UTF-8, a shape the fast path leaves to toml_edit, or an error in the journal.
fn read_in_pieces(
    path: &Path,
    today: Option<NaiveDate>,
    warnings: bool,
) -> Option<(Journal, Vec<Problem>, Stamp, Option<FileStat>)> {
    let real = fs::canonicalize(path).ok()?;
    if pending::exists(&real) {
        return None;
    }
    let mut file = open_plain(&real).ok()?;
    let before = BeforeReading::of(&file);
    let meta = file.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    let length = usize::try_from(meta.len()).ok()?;
    let mut reading = crate::journal::parse::Incremental::new(today, length, warnings);
    let mut stamper = Stamper::default();
    let mut buffer: Vec<u8> = Vec::with_capacity(PIECE);
    let mut want = PIECE;
    let mut ended = false;
    loop {
        while !ended && buffer.len() < want {
            let start = buffer.len();
            buffer.resize(want, 0);
            match file.read(&mut buffer[start..]) {
                Ok(0) => {
                    buffer.truncate(start);
                    ended = true;
                }
                Ok(n) => {
                    stamper.update(&buffer[start..start + n]);
                    buffer.truncate(start + n);
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => buffer.truncate(start),
                Err(_) => return None,
            }
        }
        let text = match std::str::from_utf8(&buffer) {
            Ok(text) => text,
            // A character cut by the end of the piece comes whole with the next one.
            Err(err) if err.error_len().is_none() && !ended => {
                std::str::from_utf8(&buffer[..err.valid_up_to()]).ok()?
            }
            Err(_) => return None,
        };
        let last = ended && text.len() == buffer.len();
        let read = reading.feed(text, last)?;
        if last {
            break;
        }
        buffer.drain(..read);
        // A piece with no place to cut (one very long table) is read again, longer.
        want = if read == 0 { buffer.len() * 2 } else { PIECE };
    }
    // A writer that began while this read (its redo record is there) may have been read half
    // way: then the whole read, which knows how to leave such an append out.
    if pending::exists(&real) {
        return None;
    }
    let stat = before.confirm(&file);
    let (journal, warnings) = reading.finish()?;
    Some((journal, warnings, stamper.stamp(), stat))
}

/// The whole journal read from `bytes` (`stamp` and `stat` describe them), which must have no
/// errors; the cache is refreshed for next time, for exactly these bytes.
pub(super) fn parse_whole(
    path: &Path,
    cache: &CacheDir,
    bytes: Vec<u8>,
    stamp: Stamp,
    stat: Option<FileStat>,
) -> Result<Loaded> {
    let text = utf8(path, bytes)?;
    let loaded = Loaded {
        path: path.to_owned(),
        parsed: parse(&text, None),
        text,
    };
    refuse_errors(&loaded)?;
    cache::write(cache, path, stamp, stat, loaded.journal());
    Ok(loaded)
}

/// The journal's bytes after those `start` describes, when it still begins with them, and the
/// stamper that has seen all of it. The journal is read (and hashed) whole, but only what
/// follows `start` is kept, so a long journal costs little memory.
fn read_checking_start(file: &mut File, start: &Stamp) -> Option<(Vec<u8>, Stamper)> {
    let from = start.len;
    let mut stamper = Stamper::default();
    let mut kept = Vec::new();
    let mut buffer = vec![0u8; 256 * 1024];
    let mut checked = start.len == 0;
    loop {
        let n = match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        let chunk = &buffer[..n];
        let at = stamper.len();
        // Stamped up to exactly the start's end, and compared there.
        let (before, after) = if !checked && at + n as u64 >= start.len {
            chunk.split_at((start.len - at) as usize)
        } else {
            (chunk, &[][..])
        };
        stamper.update(before);
        keep_after(&mut kept, before, at, from);
        if !checked && stamper.len() == start.len {
            if stamper.stamp() != *start {
                return None;
            }
            checked = true;
        }
        let at = stamper.len();
        stamper.update(after);
        keep_after(&mut kept, after, at, from);
    }
    checked.then_some((kept, stamper))
}

/// Keeps the part of `chunk` (which begins at offset `at`) that lies at or after `from`.
fn keep_after(kept: &mut Vec<u8>, chunk: &[u8], at: u64, from: u64) {
    let skip = from.saturating_sub(at).min(chunk.len() as u64) as usize;
    kept.extend_from_slice(&chunk[skip..]);
}

/// `len` bytes of `file` from `offset`.
pub(super) fn read_at(file: &File, offset: u64, len: u64) -> Option<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    std::os::unix::fs::FileExt::read_exact_at(file, &mut bytes, offset).ok()?;
    Some(bytes)
}

/// What the cache knows of the journal open as `file`, when the journal's stat data or its
/// bytes vouch for the cache's head: the head, the model's summary (and the whole model if
/// `whole`), the journal's bytes after the model (all of them, or only a head's stat vouched
/// for them, none when `!whole`: `add` then goes by the head's summary of them), and the stamp
/// and stat data of all its bytes now.
pub(super) struct Vouched {
    pub(super) head: Head,
    pub(super) summary: Summary,
    pub(super) model: Option<Journal>,
    /// `None` when the head's stat vouched and the bytes after the model were not read.
    pub(super) tail: Option<String>,
    pub(super) stamper: Option<Stamper>,
    pub(super) stamp: Stamp,
    pub(super) stat: Option<FileStat>,
}

pub(super) fn vouched(
    file: &mut File,
    path: &Path,
    cache: &CacheDir,
    whole: bool,
) -> Option<Vouched> {
    // Before any byte is read: the stat data that may vouch for them.
    let before = BeforeReading::of(file);
    let meta = file.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    let head = cache::read_head(cache, path, meta.len())?;
    let (summary, model) = cache::read_model(cache, path, &head.model, whole)?;
    let after_model = head.stamp.len.checked_sub(head.model.len)?;
    if head.stat.is_some() && head.stat == Some(FileStat::of(&meta)) {
        let tail = if whole {
            Some(String::from_utf8(read_at(file, head.model.len, after_model)?).ok()?)
        } else {
            None
        };
        return Some(Vouched {
            stamp: head.stamp.clone(),
            stat: head.stat,
            head,
            summary,
            model,
            tail,
            stamper: None,
        });
    }
    // Read whole, only the model's start must still be there: what follows it is parsed
    // anyway (the journal may have been put back to an older state since the head was written).
    let (tail, stamper) = read_checking_start(file, &head.model)?;
    Some(Vouched {
        stamp: stamper.stamp(),
        stat: before.confirm(file),
        head,
        summary,
        model,
        tail: Some(String::from_utf8(tail).ok()?),
        stamper: Some(stamper),
    })
}

/// The journal from the cache, plus whatever was appended after the model; `None` sends the
/// caller to read the whole journal.
fn from_cache(path: &Path, cache: &CacheDir) -> Option<Journal> {
    let real = fs::canonicalize(path).ok()?;
    if pending::exists(&real) {
        return None;
    }
    let mut file = open_plain(&real).ok()?;
    let Vouched {
        head,
        summary,
        model,
        tail,
        stamp,
        stat,
        ..
    } = vouched(&mut file, &real, cache, true)?;
    let (mut journal, tail) = (model?, tail?);
    if !tail.is_empty() && !head.model.ends_line() {
        return None;
    }
    let added = read_tail(&tail, &summary)?;
    // A writer that began while this read may have been read half way: then the whole read,
    // which knows how to leave such an append out.
    if pending::exists(&real) {
        return None;
    }
    let since_model = Summary::of(&added);
    journal.trackers.extend(added.trackers);
    journal.entries.extend(added.entries);
    journal.reasons.extend(added.reasons);
    journal.contacts.extend(added.contacts);
    // Stamped with the bytes just read and parsed, never with a second read of the file (a
    // writer may have appended in between).
    if tail.len() > TAIL_REFRESH_BYTES {
        cache::write(cache, path, stamp, stat, &journal);
    } else if stat.is_some() && (stat != head.stat || stamp != head.stamp) {
        // Vouched for by its stat data from now on, the next read reads no more than this.
        let head = Head {
            stamp,
            stat,
            model: head.model,
            since_model,
        };
        cache::write_head(cache, path, &head);
    }
    Some(journal)
}

/// Whether `tail` is only what TOML counts as blank: spaces, tabs and line ends.
fn is_blank(tail: &str) -> bool {
    let bytes = tail.as_bytes();
    bytes.iter().enumerate().all(|(i, b)| match b {
        b' ' | b'\t' | b'\n' => true,
        b'\r' => bytes.get(i + 1) == Some(&b'\n'),
        _ => false,
    })
}

pub(super) fn read_tail(tail: &str, summary: &Summary) -> Option<Journal> {
    if is_blank(tail) {
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
