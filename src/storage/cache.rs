//! A derived cache of the parsed journal, so that reading a large journal does not mean
//! parsing all of its TOML every time.
//!
//! Two files per journal in the cache folder (`Context` finds it): a small head (the journal's
//! path, the length and hash of the journal bytes it describes, and a summary that `add`
//! needs: trackers, reset days, entry ids) and the whole parsed journal. Each is checked
//! against the journal's bytes before use (xxh3 of every byte), and only ever describes bytes
//! that were parsed, so it can never change an answer; a cache that is missing, stale or
//! damaged is simply rebuilt. A folder or file that someone else owns or may write is never
//! read (another user could plant answers), and nothing is read past a bound. The caches of
//! journals that are gone are removed. `MILESTONE_NO_CACHE=1` turns it off (the tests compare
//! every command with and without it), `MILESTONE_CACHE_DIR` moves it.

use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::sidefile;
use crate::journal::{EntryKind, Journal, Tracker};

/// Bumped whenever what is stored changes shape; older files are then ignored (and removed).
const FORMAT: u32 = 3;

/// Which journal bytes a cache file describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub hash: u64,
}

impl Stamp {
    pub fn of(bytes: &[u8]) -> Stamp {
        Stamp {
            len: bytes.len() as u64,
            hash: xxh3_64(bytes),
        }
    }

    /// Reads from `source` exactly the bytes this stamp describes, hashing them as they pass;
    /// `Some` (the hash so far, to go on with what follows) when they are those bytes and end
    /// a line, so that nothing appended after them can change what they mean. `source` is left
    /// just after them.
    pub fn matches_start_of(&self, source: &mut impl std::io::Read) -> Option<Xxh3> {
        let mut hasher = Xxh3::new();
        let mut buffer = vec![0u8; 64 * 1024];
        let mut left = self.len;
        let mut last = b'\n';
        while left > 0 {
            let want = buffer
                .len()
                .min(usize::try_from(left).unwrap_or(usize::MAX));
            match source.read(&mut buffer[..want]) {
                Ok(0) | Err(_) => return None,
                Ok(n) => {
                    hasher.update(&buffer[..n]);
                    last = buffer[n - 1];
                    left -= n as u64;
                }
            }
        }
        (last == b'\n' && hasher.digest() == self.hash).then_some(hasher)
    }

    /// The stamp of the bytes this one describes followed by `tail`, from the hash so far.
    pub fn followed_by(&self, mut hasher: Xxh3, tail: &[u8]) -> Stamp {
        hasher.update(tail);
        Stamp {
            len: self.len + tail.len() as u64,
            hash: hasher.digest(),
        }
    }
}

/// What `add` and `reset` need from a journal, without all of its entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub trackers: Vec<Tracker>,
    /// (tracker, day) of every reset.
    pub resets: Vec<(String, NaiveDate)>,
    /// xxh3 of every entry id, sorted.
    pub id_hashes: Vec<u64>,
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
        for entry in &added.entries {
            if entry.kind == EntryKind::Reset {
                self.resets.push((entry.tracker.to_string(), entry.date));
            }
            if let Some(id) = &entry.id {
                self.id_hashes.push(xxh3_64(id.as_bytes()));
            }
        }
        self.id_hashes.sort_unstable();
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
        self.id_hashes
            .binary_search(&xxh3_64(id.as_bytes()))
            .is_ok()
    }
}

#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    /// The journal's path, so that a cache whose journal is gone can be removed.
    journal: Vec<u8>,
    stamp: Stamp,
    summary: Summary,
}

#[derive(Deserialize)]
struct Model {
    format: u32,
    stamp: Stamp,
    journal: Journal,
}

/// What `Model` reads, written without copying the journal.
#[derive(Serialize)]
struct ModelRef<'a> {
    format: u32,
    stamp: Stamp,
    journal: &'a Journal,
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

/// A file's payload, if it is a trusted file of at most `limit` bytes and its checksum holds.
fn read_checked<T: DeserializeOwned>(path: &Path, limit: u64) -> Option<T> {
    let raw = sidefile::read(path, None, limit).ok()??;
    let (sum, payload) = raw.split_at_checked(8)?;
    (u64::from_le_bytes(sum.try_into().ok()?) == xxh3_64(payload)).then_some(())?;
    postcard::from_bytes(payload).ok()
}

/// The most a cache file for a journal of `journal_len` bytes can hold: its parsed form is
/// never larger than its text (no keys, no quotes), plus a margin.
fn bound(journal_len: u64) -> u64 {
    journal_len.saturating_mul(2).saturating_add(64 * 1024)
}

/// The head and summary for `journal` (now `journal_len` bytes), when the cache has one.
pub fn read_head(place: &CacheDir, journal: &Path, journal_len: u64) -> Option<(Stamp, Summary)> {
    let (_, key) = key(journal);
    let head: Head = read_checked(&files_in(&folder(place)?, &key).0, bound(journal_len))?;
    (head.format == FORMAT).then_some((head.stamp, head.summary))
}

/// The whole parsed journal for exactly the bytes `stamp` describes.
pub fn read_journal(place: &CacheDir, journal: &Path, stamp: Stamp) -> Option<Journal> {
    let (_, key) = key(journal);
    let model: Model = read_checked(&files_in(&folder(place)?, &key).1, bound(stamp.len))?;
    (model.format == FORMAT && model.stamp == stamp).then_some(model.journal)
}

/// Stores `parsed`, the journal read from exactly the bytes `stamp` describes, and removes
/// the caches of journals that are gone. A cache that cannot be written is no error: it is
/// only ever a shortcut.
pub fn write(place: &CacheDir, journal: &Path, stamp: Stamp, parsed: &Journal) {
    super::ignore_file_size_signal();
    let Some(folder) = folder_to_write(place) else {
        return;
    };
    let (journal, key) = key(journal);
    let (head_path, model_path) = files_in(&folder, &key);
    let model = ModelRef {
        format: FORMAT,
        stamp,
        journal: parsed,
    };
    let head = Head {
        format: FORMAT,
        journal: journal.as_os_str().as_encoded_bytes().to_vec(),
        stamp,
        summary: Summary::of(parsed),
    };
    // The journal first: a head never points at a journal file that is not there yet.
    let _ = write_checked(&folder, &model_path, &model)
        .and_then(|()| write_checked(&folder, &head_path, &head));
    prune(&folder, &key);
}

fn write_checked<T: Serialize>(folder: &Path, path: &Path, value: &T) -> Option<()> {
    use std::io::{Seek, SeekFrom, Write};
    // tempfile: created 0600 with O_EXCL, then renamed into place whole.
    let mut file = tempfile::Builder::new()
        .prefix(".cache-")
        .tempfile_in(folder)
        .ok()?;
    // The payload streams to the file through the hash (a long journal's model is never held
    // twice in memory); the hash goes in front once it is known.
    file.write_all(&[0; 8]).ok()?;
    let mut out = Hashing {
        inner: std::io::BufWriter::new(file.as_file_mut()),
        hasher: Xxh3::new(),
    };
    postcard::to_io(value, &mut out).ok()?;
    out.inner.flush().ok()?;
    let sum = out.hasher.digest();
    drop(out);
    file.seek(SeekFrom::Start(0)).ok()?;
    file.write_all(&sum.to_le_bytes()).ok()?;
    file.persist(path).ok()?;
    Some(())
}

/// A writer that hashes what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: Xxh3,
}

impl<W: std::io::Write> std::io::Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..written]);
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
    use std::io::Read;
    let file = sidefile::open(head, None).ok()??;
    let mut start = Vec::new();
    file.take(64 * 1024).read_to_end(&mut start).ok()?;
    let (format, rest): (u32, _) = postcard::take_from_bytes(start.get(8..)?).ok()?;
    let (path, _): (Vec<u8>, _) = postcard::take_from_bytes(rest).ok()?;
    (format == FORMAT).then(|| {
        PathBuf::from(std::ffi::OsString::from(
            <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(&path),
        ))
    })
}
