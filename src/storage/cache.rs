//! A derived cache of the parsed journal, so that reading a large journal does not mean
//! parsing all of its TOML every time, and `add` costs the same on a journal of any size.
//!
//! Two files per journal in the cache folder (`Context` finds it):
//! - the model (`KEY.journal`): the whole parsed journal of a start of the journal's bytes,
//!   and a summary of it that `add` needs (trackers, reset days, the hashes of entry ids);
//! - the head (`KEY.head`, small): the journal's path, the stamp of all its bytes when it was
//!   written (their length and the xxh3 of each 64 KiB block) with the stat data that vouches
//!   for them (`stat`), which start of them the model describes, and what the rest adds.
//!
//! A reader believes the head when the journal's stat data is the same (no byte is read), or
//! else when its bytes hash as the head says; it then reads the model and parses only what
//! follows it. `add` appends and writes a new head, so it never reads the whole journal. Every
//! file only ever describes bytes that were parsed or written, so it can never change an
//! answer; a cache that is missing, stale or damaged is simply rebuilt. A folder or file that
//! someone else owns or may write is never read (another user could plant answers), and nothing
//! is read past a bound. The caches of journals that are gone are removed.
//! `MILESTONE_NO_CACHE=1` turns it off (the tests compare every command with and without it),
//! `MILESTONE_CACHE_DIR` moves it.

use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::sidefile;
use super::stat::FileStat;
use crate::journal::{EntryKind, Journal, Tracker};

/// Bumped whenever what is stored changes shape; older files are then ignored (and removed).
const FORMAT: u32 = 4;

/// The journal is hashed in blocks of this size, so that a stamp can be extended by an append
/// from its last block alone.
const BLOCK: u64 = 64 * 1024;

/// Which journal bytes a cache file describes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    /// xxh3 of each `BLOCK` bytes, the last block perhaps shorter.
    blocks: Vec<u64>,
    /// Whether the bytes end a line, so that nothing appended can change what they mean.
    ends_line: bool,
}

impl Stamp {
    pub fn of(bytes: &[u8]) -> Stamp {
        let mut stamper = Stamper::default();
        stamper.update(bytes);
        stamper.stamp()
    }

    /// Where the last block of these bytes begins: an append is stamped from there on.
    pub fn last_block_start(&self) -> u64 {
        self.len - self.len % BLOCK
    }

    pub fn ends_line(&self) -> bool {
        self.ends_line
    }
}

/// Stamps bytes as they stream past.
#[derive(Clone)]
pub struct Stamper {
    len: u64,
    blocks: Vec<u64>,
    block: Xxh3,
    ends_line: bool,
}

impl Default for Stamper {
    fn default() -> Stamper {
        Stamper {
            len: 0,
            blocks: Vec::new(),
            block: Xxh3::new(),
            ends_line: true,
        }
    }
}

impl Stamper {
    pub fn update(&mut self, mut bytes: &[u8]) {
        if let Some(&last) = bytes.last() {
            self.ends_line = last == b'\n';
        }
        while !bytes.is_empty() {
            let room = (BLOCK - self.len % BLOCK) as usize;
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            self.block.update(now);
            self.len += now.len() as u64;
            if self.len.is_multiple_of(BLOCK) {
                self.blocks.push(self.block.digest());
                self.block.reset();
            }
            bytes = rest;
        }
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn stamp(&self) -> Stamp {
        let mut blocks = self.blocks.clone();
        if !self.len.is_multiple_of(BLOCK) {
            blocks.push(self.block.digest());
        }
        Stamp {
            len: self.len,
            blocks,
            ends_line: self.ends_line,
        }
    }

    /// Goes on stamping after the bytes `stamp` describes, from the last of them: those from
    /// `stamp.last_block_start()` on, which must be as the stamp says.
    pub fn resume(stamp: &Stamp, last_block: &[u8]) -> Option<Stamper> {
        let full = usize::try_from(stamp.len / BLOCK).ok()?;
        let mut stamper = Stamper {
            len: stamp.len - last_block.len() as u64,
            blocks: stamp.blocks.get(..full)?.to_vec(),
            block: Xxh3::new(),
            ends_line: stamp.ends_line,
        };
        stamper.update(last_block);
        stamper.ends_line = stamp.ends_line;
        (stamper.stamp() == *stamp).then_some(stamper)
    }
}

/// What `add` and `reset` need from a journal, without all of its entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub trackers: Vec<Tracker>,
    /// (tracker, day) of every reset.
    pub resets: Vec<(String, NaiveDate)>,
    /// xxh3 of every entry id, sorted.
    id_hashes: IdHashes,
    /// Those of a summary merged into this one (a few, sorted): looked up beside the others
    /// rather than merged into a hundred thousand on every add.
    #[serde(skip)]
    merged_ids: Vec<u64>,
}

/// Sorted hashes, kept as their little-endian bytes: the model file holds them as they are
/// here, so that a hundred thousand of them are read in one copy and searched where they lie.
#[derive(Debug, Clone, Default, PartialEq)]
struct IdHashes(Vec<u8>);

impl IdHashes {
    /// `None` unless `bytes` are whole hashes in order.
    fn from_bytes(bytes: Vec<u8>) -> Option<IdHashes> {
        let hashes = IdHashes(bytes);
        let (_, cut) = hashes.0.as_chunks::<8>();
        (cut.is_empty() && hashes.iter().is_sorted()).then_some(hashes)
    }

    fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        self.0
            .as_chunks::<8>()
            .0
            .iter()
            .map(|b| u64::from_le_bytes(*b))
    }

    fn contains(&self, hash: u64) -> bool {
        let (hashes, _) = self.0.as_chunks::<8>();
        hashes
            .binary_search_by_key(&hash, |b| u64::from_le_bytes(*b))
            .is_ok()
    }
}

impl Serialize for IdHashes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for IdHashes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Bytes;
        impl serde::de::Visitor<'_> for Bytes {
            type Value = IdHashes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("sorted 8-byte hashes")
            }
            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<IdHashes, E> {
                IdHashes::from_bytes(bytes.to_vec())
                    .ok_or_else(|| E::custom("hashes cut short or out of order"))
            }
        }
        deserializer.deserialize_bytes(Bytes)
    }
}

impl Summary {
    pub fn of(journal: &Journal) -> Summary {
        let mut summary = Summary::default();
        summary.extend(journal);
        summary
    }

    /// Adds what `added` (an appended tail) brings.
    pub fn extend(&mut self, added: &Journal) {
        self.trackers.extend(added.trackers.iter().cloned());
        let mut hashes = Vec::new();
        for entry in &added.entries {
            if entry.kind == EntryKind::Reset {
                self.resets.push((entry.tracker.to_string(), entry.date));
            }
            if let Some(id) = &entry.id {
                hashes.push(xxh3_64(id.as_bytes()));
            }
        }
        self.add_hashes(hashes);
    }

    /// Adds all that `more` (a summary of what follows) holds.
    pub fn merge(&mut self, more: &Summary) {
        self.trackers.extend(more.trackers.iter().cloned());
        self.resets.extend(more.resets.iter().cloned());
        self.merged_ids.extend(more.id_hashes.iter());
        self.merged_ids.extend(&more.merged_ids);
        self.merged_ids.sort_unstable();
    }

    fn add_hashes(&mut self, hashes: Vec<u64>) {
        if hashes.is_empty() {
            return;
        }
        // Only a whole journal's summary or a few appended ids come here (`merge` keeps the
        // ids of what follows the model apart), so sorting them all is cheap enough.
        let mut all: Vec<u64> = self.id_hashes.iter().chain(hashes).collect();
        all.sort_unstable();
        self.id_hashes = IdHashes(all.iter().flat_map(|h| h.to_le_bytes()).collect());
    }

    /// The trackers and their resets as a journal, enough to name trackers and count days.
    pub fn as_journal(&self) -> Journal {
        let entries = self
            .resets
            .iter()
            .map(|(tracker, date)| crate::journal::Entry {
                tracker: tracker.as_str().into(),
                ..crate::journal::Entry::draft(EntryKind::Reset, *date)
            })
            .collect();
        Journal {
            trackers: self.trackers.clone(),
            entries,
            ..Journal::default()
        }
    }

    /// Whether some entry may use `id` (a hash match: never a false "no").
    pub fn has_id(&self, id: &str) -> bool {
        let hash = xxh3_64(id.as_bytes());
        self.id_hashes.contains(hash) || self.merged_ids.binary_search(&hash).is_ok()
    }
}

/// What the head says of a journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    /// All the journal's bytes when the head was written.
    pub stamp: Stamp,
    /// The stat data that vouches for those bytes without reading them, if any could.
    pub stat: Option<FileStat>,
    /// The start of them that the model describes.
    pub model: Stamp,
    /// What the bytes after the model add.
    pub since_model: Summary,
}

#[derive(Serialize, Deserialize)]
struct HeadFile {
    format: u32,
    /// The journal's path (second, so that `head_journal` reads it from the file's start): a
    /// cache whose journal is gone can then be removed.
    journal: Vec<u8>,
    stamp: Stamp,
    stat: Option<FileStat>,
    model: Stamp,
    since_model: Summary,
}

/// The model file's first part, which with the id hashes after it (as they are, not through
/// postcard) is all `add` reads of it.
#[derive(Serialize, Deserialize)]
struct ModelStart {
    format: u32,
    stamp: Stamp,
    summary: Summary,
}

/// Where the cache may live, as the environment says (`Context` resolves it once): `Off` when
/// it is turned off or there is no cache folder on this system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheDir {
    Off,
    At(PathBuf),
}

/// The cache folder, if it may be used: ours, and writable by nobody else.
fn folder(place: &CacheDir) -> Option<PathBuf> {
    let CacheDir::At(folder) = place else {
        return None;
    };
    let meta = fs::metadata(folder).ok()?;
    (meta.is_dir() && sidefile::trusted(&meta, None)).then(|| folder.clone())
}

/// The cache folder, made (owner-only) if it is missing.
fn folder_to_write(place: &CacheDir) -> Option<PathBuf> {
    if let Some(folder) = folder(place) {
        return Some(folder);
    }
    let CacheDir::At(wanted) = place else {
        return None;
    };
    if fs::symlink_metadata(wanted).is_ok() {
        return None;
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(wanted)
        .ok()?;
    fs::set_permissions(wanted, fs::Permissions::from_mode(0o700)).ok()?;
    folder(place)
}

fn key(journal: &Path) -> (PathBuf, String) {
    let journal = fs::canonicalize(journal).unwrap_or_else(|_| journal.to_owned());
    let key = format!("{:016x}", xxh3_64(journal.as_os_str().as_encoded_bytes()));
    (journal, key)
}

fn files_in(folder: &Path, key: &str) -> (PathBuf, PathBuf) {
    (
        folder.join(format!("{key}.head")),
        folder.join(format!("{key}.journal")),
    )
}

/// The most a cache file for a journal of `journal_len` bytes can hold: its parsed form is
/// never larger than its text (no keys, no quotes), plus a margin.
fn bound(journal_len: u64) -> u64 {
    journal_len.saturating_mul(2).saturating_add(64 * 1024)
}

/// A cache file is a run of sections, each its length and xxh3, then its postcard payload.
struct Sections {
    file: std::io::BufReader<fs::File>,
    left: u64,
}

impl Sections {
    /// The sections of a trusted file of at most `limit` bytes.
    fn open(path: &Path, limit: u64) -> Option<Sections> {
        let file = sidefile::open(path, None).ok()??;
        let left = file.metadata().ok()?.len();
        (left <= limit).then(|| Sections {
            file: std::io::BufReader::new(file),
            left,
        })
    }

    /// The next section's payload, if its checksum holds.
    fn raw(&mut self) -> Option<Vec<u8>> {
        let mut header = [0u8; 16];
        self.file.read_exact(&mut header).ok()?;
        let len = u64::from_le_bytes(header[..8].try_into().ok()?);
        let sum = u64::from_le_bytes(header[8..].try_into().ok()?);
        self.left = self.left.checked_sub(16)?.checked_sub(len)?;
        let mut payload = vec![0; usize::try_from(len).ok()?];
        self.file.read_exact(&mut payload).ok()?;
        (xxh3_64(&payload) == sum).then_some(payload)
    }

    fn next<T: DeserializeOwned>(&mut self) -> Option<T> {
        postcard::from_bytes(&self.raw()?).ok()
    }
}

/// The head for `journal` (now `journal_len` bytes), when the cache has one.
pub fn read_head(place: &CacheDir, journal: &Path, journal_len: u64) -> Option<Head> {
    let (_, key) = key(journal);
    let (head_path, _) = files_in(&folder(place)?, &key);
    let head: HeadFile = Sections::open(&head_path, bound(journal_len))?.next()?;
    (head.format == FORMAT).then_some(Head {
        stamp: head.stamp,
        stat: head.stat,
        model: head.model,
        since_model: head.since_model,
    })
}

/// The model's summary, when the model describes exactly the bytes `model` does; and the
/// whole parsed journal too when `whole`.
pub fn read_model(
    place: &CacheDir,
    journal: &Path,
    model: &Stamp,
    whole: bool,
) -> Option<(Summary, Option<Journal>)> {
    let (_, key) = key(journal);
    let (_, model_path) = files_in(&folder(place)?, &key);
    let mut sections = Sections::open(&model_path, bound(model.len))?;
    let mut start: ModelStart = sections.next()?;
    if start.format != FORMAT || start.stamp != *model {
        return None;
    }
    start.summary.id_hashes = IdHashes::from_bytes(sections.raw()?)?;
    let journal = if whole {
        Some(sections.next::<Journal>()?)
    } else {
        None
    };
    Some((start.summary, journal))
}

/// Stores `parsed`, the journal read from exactly the bytes `stamp` describes (which `stat`
/// vouches for, if anything does), and removes the caches of journals that are gone. A cache
/// that cannot be written is no error: it is only ever a shortcut.
pub fn write(
    place: &CacheDir,
    journal: &Path,
    stamp: Stamp,
    stat: Option<FileStat>,
    parsed: &Journal,
) {
    super::ignore_file_size_signal();
    let Some(folder) = folder_to_write(place) else {
        return;
    };
    let (journal_path, key) = key(journal);
    let (_, model_path) = files_in(&folder, &key);
    let mut summary = Summary::of(parsed);
    let ids = std::mem::take(&mut summary.id_hashes);
    let start = ModelStart {
        format: FORMAT,
        stamp: stamp.clone(),
        summary,
    };
    // The model first: a head never points at a model that is not there yet.
    let written = write_sections(&folder, &model_path, |out| {
        out.section(&start)?;
        out.raw_section(&ids.0)?;
        out.section(parsed)
    });
    if written.is_some() {
        let head = Head {
            model: stamp.clone(),
            stamp,
            stat,
            since_model: Summary::default(),
        };
        write_head_file(&folder, &journal_path, &key, &head);
    }
    prune(&folder, &key);
}

/// Stores a new head for `journal`, whose model stays as it is.
pub fn write_head(place: &CacheDir, journal: &Path, head: &Head) {
    super::ignore_file_size_signal();
    let Some(folder) = folder_to_write(place) else {
        return;
    };
    let (journal_path, key) = key(journal);
    write_head_file(&folder, &journal_path, &key, head);
}

fn write_head_file(folder: &Path, journal: &Path, key: &str, head: &Head) {
    let (head_path, _) = files_in(folder, key);
    let file = HeadFile {
        format: FORMAT,
        journal: journal.as_os_str().as_encoded_bytes().to_vec(),
        stamp: head.stamp.clone(),
        stat: head.stat,
        model: head.model.clone(),
        since_model: head.since_model.clone(),
    };
    let _ = write_sections(folder, &head_path, |out| out.section(&file));
}

/// Writes a cache file whole: a private temporary file, renamed into place.
fn write_sections(
    folder: &Path,
    path: &Path,
    fill: impl FnOnce(&mut SectionWriter) -> Option<()>,
) -> Option<()> {
    // tempfile: created 0600 with O_EXCL, then renamed into place whole.
    let mut file = tempfile::Builder::new()
        .prefix(".cache-")
        .tempfile_in(folder)
        .ok()?;
    let mut out = SectionWriter {
        file: file.as_file_mut(),
        headers: Vec::new(),
        at: 0,
    };
    fill(&mut out)?;
    let headers = std::mem::take(&mut out.headers);
    for (at, len, sum) in headers {
        file.seek(SeekFrom::Start(at)).ok()?;
        file.write_all(&len.to_le_bytes()).ok()?;
        file.write_all(&sum.to_le_bytes()).ok()?;
    }
    file.persist(path).ok()?;
    Some(())
}

/// Writes sections, each payload streaming to the file through its hash (a long journal's
/// model is never held twice in memory); the headers are filled in once all is written.
struct SectionWriter<'a> {
    file: &'a mut fs::File,
    /// (offset, length, hash) of each section written.
    headers: Vec<(u64, u64, u64)>,
    at: u64,
}

impl SectionWriter<'_> {
    /// A section of these bytes as they are.
    fn raw_section(&mut self, bytes: &[u8]) -> Option<()> {
        self.file.write_all(&[0; 16]).ok()?;
        self.file.write_all(bytes).ok()?;
        let len = bytes.len() as u64;
        self.headers.push((self.at, len, xxh3_64(bytes)));
        self.at += 16 + len;
        Some(())
    }

    fn section<T: Serialize + ?Sized>(&mut self, value: &T) -> Option<()> {
        self.file.write_all(&[0; 16]).ok()?;
        // Buffered before the hash: postcard writes a field at a time, a few bytes each.
        let mut out = std::io::BufWriter::with_capacity(
            64 * 1024,
            Hashing {
                inner: &mut *self.file,
                hasher: Xxh3::new(),
                written: 0,
            },
        );
        postcard::to_io(value, &mut out).ok()?;
        let hashed = out.into_inner().ok()?;
        let (len, sum) = (hashed.written, hashed.hasher.digest());
        self.headers.push((self.at, len, sum));
        self.at += 16 + len;
        Some(())
    }
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: Xxh3,
    written: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        self.written += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Removes from our cache folder what no journal needs any more: the files of journals that
/// are gone (they hold their text, private entries included), of an older format, and
/// temporary files a killed write left.
fn prune(folder: &Path, keep: &str) {
    let Ok(listing) = fs::read_dir(folder) else {
        return;
    };
    let stale_temp = std::time::Duration::from_secs(600);
    for file in listing.flatten() {
        let name = file.file_name().to_string_lossy().into_owned();
        let path = file.path();
        if name.starts_with(".cache-") {
            let old = file
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > stale_temp));
            if old {
                let _ = fs::remove_file(&path);
            }
            continue;
        }
        let Some((key, kind)) = name.split_once('.') else {
            continue;
        };
        if key == keep || key.len() != 16 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        let (head_path, model_path) = files_in(folder, key);
        let needed = match kind {
            "head" => head_journal(&head_path).is_some_and(|j| j.exists()),
            "journal" => head_path.exists(),
            _ => true,
        };
        if !needed {
            let _ = fs::remove_file(&path);
            if kind == "head" {
                let _ = fs::remove_file(&model_path);
            }
        }
    }
}

/// The journal a head file is for, read from the start of the head alone (a head of an older
/// format, or a damaged one, is for none).
fn head_journal(head: &Path) -> Option<PathBuf> {
    let file = sidefile::open(head, None).ok()??;
    let mut start = Vec::new();
    file.take(64 * 1024).read_to_end(&mut start).ok()?;
    let (format, rest): (u32, _) = postcard::take_from_bytes(start.get(16..)?).ok()?;
    let (path, _): (Vec<u8>, _) = postcard::take_from_bytes(rest).ok()?;
    (format == FORMAT).then(|| {
        PathBuf::from(std::ffi::OsString::from(
            <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(&path),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_goes_on_from_its_last_block_as_if_made_whole() {
        let text: Vec<u8> = (0..200_000u32).map(|i| b"ab\n"[(i % 3) as usize]).collect();
        for cut in [0, 1, 65_535, 65_536, 65_537, 131_072, 150_000] {
            let (before, after) = text.split_at(cut);
            let stamp = Stamp::of(before);
            let from = stamp.last_block_start() as usize;
            let mut stamper = Stamper::resume(&stamp, &before[from..]).unwrap();
            stamper.update(after);
            assert_eq!(stamper.stamp(), Stamp::of(&text), "cut at {cut}");
        }
        // A last block other than the one stamped is refused.
        let stamp = Stamp::of(&text[..150_000]);
        let mut wrong = text[131_072..150_000].to_vec();
        wrong[5] ^= 1;
        assert!(Stamper::resume(&stamp, &wrong).is_none());
    }

    #[test]
    fn a_merged_summary_knows_the_ids_of_both() {
        let journal = |ids: &[&str]| Journal {
            entries: ids
                .iter()
                .map(|id| crate::journal::Entry {
                    id: Some((*id).into()),
                    ..crate::journal::Entry::draft(EntryKind::Checkin, NaiveDate::MIN)
                })
                .collect(),
            ..Journal::default()
        };
        let mut base = Summary::of(&journal(&["a", "b"]));
        let mut since = Summary::of(&journal(&["c"]));
        since.extend(&journal(&["d"]));
        base.merge(&since);
        for id in ["a", "b", "c", "d"] {
            assert!(base.has_id(id), "{id}");
        }
        assert!(!base.has_id("e"));
    }

    #[test]
    fn id_hashes_stay_sorted_and_round_trip() {
        let mut summary = Summary::default();
        summary.add_hashes(vec![9, 3, 7]);
        summary.add_hashes((100..200).rev().collect());
        summary.add_hashes(vec![5]);
        let bytes = postcard::to_stdvec(&summary).unwrap();
        let back: Summary = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, summary);
        let mut expected: Vec<u64> = vec![3, 5, 7, 9];
        expected.extend(100..200);
        assert_eq!(back.id_hashes.iter().collect::<Vec<_>>(), expected);
    }
}
