//! The redo record that makes an append all-or-nothing.
//!
//! Before `add` appends an entry it writes, beside the journal, `<journal>.pending`: the offset
//! the entry goes at and its exact bytes, fsynced. After the append is fsynced the record is
//! removed. If a crash cuts the append short, the record says what was meant: a reader sees the
//! journal as if the append had finished (without touching the file), and the next writer, under
//! the lock, finishes it. A record that does not match the journal (it was hand-edited since)
//! is stale and ignored.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use xxhash_rust::xxh3::xxh3_64;

const MAGIC: &str = "milestone pending append v1";

pub fn path_for(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".pending");
    journal.with_file_name(name)
}

/// An append that was started: `bytes` go at `offset`.
#[derive(Debug, PartialEq, Eq)]
pub struct Pending {
    pub offset: usize,
    pub bytes: Vec<u8>,
}

/// What the journal's bytes say about a pending append.
#[derive(Debug, PartialEq, Eq)]
pub enum State {
    /// The append is all there.
    Complete,
    /// The append was cut short (or never began): the journal should end with it.
    Unfinished,
    /// The journal no longer matches; the record is out of date.
    Stale,
}

impl Pending {
    pub fn state(&self, journal: &[u8]) -> State {
        let end = self.offset + self.bytes.len();
        if journal.len() >= end && journal[self.offset..end] == self.bytes[..] {
            State::Complete
        } else if journal.len() >= self.offset && self.bytes.starts_with(&journal[self.offset..]) {
            State::Unfinished
        } else {
            State::Stale
        }
    }

    /// The journal as it is once the append has finished.
    pub fn finished(&self, mut journal: Vec<u8>) -> Vec<u8> {
        journal.truncate(self.offset);
        journal.extend_from_slice(&self.bytes);
        journal
    }

    fn encode(&self) -> Vec<u8> {
        let mut out =
            format!("{MAGIC}\n{}\n{:016x}\n", self.offset, xxh3_64(&self.bytes)).into_bytes();
        out.extend_from_slice(&self.bytes);
        out
    }

    fn decode(raw: &[u8]) -> Option<Pending> {
        let mut parts = raw.splitn(4, |b| *b == b'\n');
        let magic = parts.next()?;
        let offset = std::str::from_utf8(parts.next()?).ok()?.parse().ok()?;
        let hash = u64::from_str_radix(std::str::from_utf8(parts.next()?).ok()?, 16).ok()?;
        let bytes = parts.next()?.to_vec();
        (magic == MAGIC.as_bytes() && xxh3_64(&bytes) == hash).then_some(Pending { offset, bytes })
    }
}

/// The record beside `journal`, if there is a whole one (a torn record means the append it
/// announces never began).
pub fn read(journal: &Path) -> Result<Option<Pending>> {
    match fs::read(path_for(journal)) {
        Ok(raw) => Ok(Pending::decode(&raw)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err).with_context(|| {
            format!(
                "could not read {}; check its permissions",
                path_for(journal).display()
            )
        }),
    }
}

/// Writes the record durably (temp file, fsync, rename, fsync of the folder).
pub fn write(journal: &Path, pending: &Pending) -> Result<()> {
    super::write_atomically(&path_for(journal), &pending.encode())
}

pub fn remove(journal: &Path) -> Result<()> {
    match fs::remove_file(path_for(journal)) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => {
            Err(err).with_context(|| format!("could not remove {}", path_for(journal).display()))
        }
        _ => Ok(()),
    }
}

/// Appends `bytes` to the journal and makes them durable. The file must not be a link.
pub fn append(journal: &Path, bytes: &[u8]) -> Result<()> {
    let context = || {
        format!(
            "could not add to the journal {}; check free disk space and permissions",
            journal.display()
        )
    };
    let mut file = OpenOptions::new()
        .append(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(journal)
        .with_context(context)?;
    file.write_all(bytes).with_context(context)?;
    file.sync_data().with_context(context)
}

/// Cuts the journal back to `len` bytes (to undo an append that failed).
pub fn truncate(journal: &Path, len: usize) -> Result<()> {
    let file = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(journal)
        .with_context(|| format!("could not repair the journal {}", journal.display()))?;
    file.set_len(len as u64)?;
    file.sync_data()?;
    Ok(())
}

/// Under the write lock: finishes an interrupted append, or drops an out-of-date record.
pub fn recover(journal: &Path) -> Result<()> {
    let Some(pending) = read(journal)? else {
        // A torn record (or none): the append never began.
        return remove(journal);
    };
    let current = fs::read(journal).unwrap_or_default();
    if pending.state(&current) == State::Unfinished {
        truncate(journal, pending.offset)?;
        append(journal, &pending.bytes)?;
    }
    remove(journal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_torn_ones_are_refused() {
        let pending = Pending {
            offset: 12,
            bytes: b"\n[[entry]]\nid = \"x\"\n".to_vec(),
        };
        let raw = pending.encode();
        assert_eq!(
            Pending::decode(&raw),
            Some(Pending {
                offset: 12,
                bytes: pending.bytes.clone()
            })
        );
        for cut in 0..raw.len() {
            assert_eq!(Pending::decode(&raw[..cut]), None, "cut at {cut}");
        }
    }

    #[test]
    fn the_journal_tells_how_far_the_append_got() {
        let pending = Pending {
            offset: 3,
            bytes: b"def".to_vec(),
        };
        assert_eq!(pending.state(b"abcdef"), State::Complete);
        assert_eq!(pending.state(b"abcdefgh"), State::Complete);
        assert_eq!(pending.state(b"abcde"), State::Unfinished);
        assert_eq!(pending.state(b"abc"), State::Unfinished);
        assert_eq!(pending.state(b"abcx"), State::Stale);
        assert_eq!(pending.state(b"ab"), State::Stale);
        assert_eq!(pending.finished(b"abcd".to_vec()), b"abcdef");
    }
}
