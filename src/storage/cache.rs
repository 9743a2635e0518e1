//! A derived cache of the parsed journal, so that reading a large journal does not mean
//! parsing all of its TOML every time.
//!
//! Two files per journal under `dirs::cache_dir()/milestone/` (owner-only): a small head (the
//! length and hash of the journal bytes it describes, and a summary that `add` needs: trackers,
//! reset days, entry ids) and the whole parsed journal. Each is checked against the journal's
//! bytes before use (xxh3 of every byte), so it can never change an answer; a cache that is
//! missing, stale or damaged is simply rebuilt. `MILESTONE_NO_CACHE=1` turns it off (the tests
//! compare every command with and without it), `MILESTONE_CACHE_DIR` moves it.

use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::journal::{EntryKind, Journal, Tracker};

/// Bumped whenever what is stored changes shape; older files are then ignored.
const FORMAT: u32 = 2;

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

    /// Reads from `source` exactly the bytes this stamp describes, hashing them as they pass,
    /// and says whether they are those bytes and end a line (so that nothing appended after
    /// them can change what they mean). `source` is left just after them.
    pub fn matches_start_of(&self, source: &mut impl std::io::Read) -> bool {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut buffer = vec![0u8; 64 * 1024];
        let mut left = self.len;
        let mut last = b'\n';
        while left > 0 {
            let want = buffer
                .len()
                .min(usize::try_from(left).unwrap_or(usize::MAX));
            match source.read(&mut buffer[..want]) {
                Ok(0) | Err(_) => return false,
                Ok(n) => {
                    hasher.update(&buffer[..n]);
                    last = buffer[n - 1];
                    left -= n as u64;
                }
            }
        }
        last == b'\n' && hasher.digest() == self.hash
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

fn folder() -> Option<PathBuf> {
    // Unit tests run in the developer's own environment: they must never write a cache into
    // their home (the integration tests give every run a cache folder of its own).
    if cfg!(test) {
        return None;
    }
    if std::env::var_os("MILESTONE_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0") {
        return None;
    }
    match std::env::var_os("MILESTONE_CACHE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => Some(dirs::cache_dir()?.join("milestone")),
    }
}

fn files(journal: &Path) -> Option<(PathBuf, PathBuf)> {
    let folder = folder()?;
    let journal = fs::canonicalize(journal).unwrap_or_else(|_| journal.to_owned());
    let key = format!("{:016x}", xxh3_64(journal.as_os_str().as_encoded_bytes()));
    Some((
        folder.join(format!("{key}.head")),
        folder.join(format!("{key}.journal")),
    ))
}

/// A file's payload, if its checksum holds.
fn read_checked<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let raw = fs::read(path).ok()?;
    let (sum, payload) = raw.split_at_checked(8)?;
    (u64::from_le_bytes(sum.try_into().ok()?) == xxh3_64(payload)).then_some(())?;
    postcard::from_bytes(payload).ok()
}

/// The head and summary for `journal`, when the cache has one.
pub fn read_head(journal: &Path) -> Option<(Stamp, Summary)> {
    let head: Head = read_checked(&files(journal)?.0)?;
    (head.format == FORMAT).then_some((head.stamp, head.summary))
}

/// The whole parsed journal for exactly the bytes `stamp` describes.
pub fn read_journal(journal: &Path, stamp: Stamp) -> Option<Journal> {
    let model: Model = read_checked(&files(journal)?.1)?;
    (model.format == FORMAT && model.stamp == stamp).then_some(model.journal)
}

/// Stores `parsed`, the journal read from bytes with `stamp`. A cache that cannot be written
/// is no error: it is only ever a shortcut.
pub fn write(journal: &Path, stamp: Stamp, parsed: &Journal) {
    let Some((head_path, model_path)) = files(journal) else {
        return;
    };
    let Some(folder) = head_path.parent() else {
        return;
    };
    if !folder.is_dir()
        && (fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder)
            .is_err()
            || fs::set_permissions(folder, fs::Permissions::from_mode(0o700)).is_err())
    {
        return;
    }
    let model = ModelRef {
        format: FORMAT,
        stamp,
        journal: parsed,
    };
    let head = Head {
        format: FORMAT,
        stamp,
        summary: Summary::of(parsed),
    };
    // The journal first: a head never points at a journal file that is not there yet.
    let _ = write_checked(&model_path, &model).and_then(|()| write_checked(&head_path, &head));
}

fn write_checked<T: Serialize>(path: &Path, value: &T) -> Option<()> {
    let payload = postcard::to_stdvec(value).ok()?;
    let mut raw = xxh3_64(&payload).to_le_bytes().to_vec();
    raw.extend_from_slice(&payload);
    let folder = path.parent()?;
    // tempfile: created 0600 with O_EXCL, then renamed into place whole.
    let mut file = tempfile::Builder::new()
        .prefix(".cache-")
        .tempfile_in(folder)
        .ok()?;
    std::io::Write::write_all(&mut file, &raw).ok()?;
    file.persist(path).ok()?;
    Some(())
}
