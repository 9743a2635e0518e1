//! The record that makes an append all-or-nothing.
//!
//! Before an append, `<journal>.pending` is written (fsynced): where the bytes go, how the
//! journal looked just there (its file identity and a hash of the bytes before that offset), and
//! the bytes. Once the append is fsynced the record is removed. A crash in between leaves it,
//! and what it means depends on what the journal holds at the offset:
//! - part of the bytes: the append was cut short, and nobody was told it worked: it is rolled
//!   back (readers read the journal without it, the next writer truncates it);
//! - none or all of them: there is nothing to do;
//! - anything else, or a journal that no longer looks as it did there (a hand edit, a rename):
//!   the record is out of date and only removed.
//!
//! Nothing is ever replayed, so a record can never bring back an entry someone deleted, nor
//! write one twice.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use xxhash_rust::xxh3::xxh3_64;

use super::sidefile;

const MAGIC: &str = "milestone pending append v2";

/// How much of the journal before the offset identifies it (the whole of it on a journal this
/// small): a hash of every byte would make each append cost the journal's size.
const WINDOW: u64 = 64 * 1024;

/// No record milestone writes is larger (the longest import it appends in one go).
pub const MAX_BYTES: u64 = 256 << 20;

pub fn path_for(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".pending");
    journal.with_file_name(name)
}

/// Which file a record was made for: an editor or `git pull` that replaced the journal made a
/// new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    dev: u64,
    ino: u64,
}

impl Identity {
    pub fn of(meta: &std::fs::Metadata) -> Identity {
        Identity {
            dev: meta.dev(),
            ino: meta.ino(),
        }
    }
}

/// An append about to be made: `bytes` go at `offset` of the file `identity`, whose bytes
/// just before `offset` hash to `before`.
#[derive(Debug, PartialEq, Eq)]
pub struct Pending {
    pub offset: u64,
    identity: Identity,
    before: u64,
    pub bytes: Vec<u8>,
}

/// What the journal says about a record.
#[derive(Debug, PartialEq, Eq)]
pub enum State {
    /// The journal holds part of the bytes at the offset: roll them back.
    CutShort,
    /// None or all of them: nothing to do.
    Settled,
    /// The journal is not the one the record was made for.
    Stale,
}

/// The part of a journal a record looks at: the window before an offset and what follows it.
fn window_start(offset: u64) -> u64 {
    offset.saturating_sub(WINDOW)
}

impl Pending {
    /// The record for appending `bytes` to `journal` (open, `len` bytes long).
    pub fn new(journal: &File, len: u64, bytes: Vec<u8>) -> io::Result<Pending> {
        let meta = journal.metadata()?;
        let mut window = vec![0; (len - window_start(len)) as usize];
        journal.read_exact_at(&mut window, window_start(len))?;
        Ok(Pending {
            offset: len,
            identity: Identity::of(&meta),
            before: xxh3_64(&window),
            bytes,
        })
    }

    /// The record's state for a journal with `identity` and these bytes from `start` on
    /// (at least from the window's start to the end, or the end of the bytes).
    fn state(&self, identity: Identity, start: u64, tail: &[u8], len: u64) -> State {
        let from = window_start(self.offset);
        if identity != self.identity || len < self.offset || start > from {
            return State::Stale;
        }
        let at = |offset: u64| (offset - start) as usize;
        let Some(window) = tail.get(at(from)..at(self.offset)) else {
            return State::Stale;
        };
        if xxh3_64(window) != self.before {
            return State::Stale;
        }
        let after = &tail[at(self.offset)..];
        let shown = after.len().min(self.bytes.len());
        if after[..shown] != self.bytes[..shown] {
            State::Stale
        } else if shown == 0 || shown == self.bytes.len() {
            State::Settled
        } else {
            State::CutShort
        }
    }

    /// The state for a journal read whole into `bytes` from a file with `identity`.
    pub fn state_of(&self, identity: Identity, bytes: &[u8]) -> State {
        self.state(identity, 0, bytes, bytes.len() as u64)
    }

    fn state_of_file(&self, journal: &File) -> io::Result<State> {
        let meta = journal.metadata()?;
        let from = window_start(self.offset);
        let want = (self.offset - from) as usize + self.bytes.len() + 1;
        let mut tail = vec![0; want];
        let mut got = 0;
        while got < want {
            match journal.read_at(&mut tail[got..], from + got as u64)? {
                0 => break,
                n => got += n,
            }
        }
        tail.truncate(got);
        Ok(self.state(Identity::of(&meta), from, &tail, meta.len()))
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = format!(
            "{MAGIC}\n{}\n{}:{}\n{:016x}\n{:016x}\n",
            self.offset,
            self.identity.dev,
            self.identity.ino,
            self.before,
            xxh3_64(&self.bytes)
        )
        .into_bytes();
        out.extend_from_slice(&self.bytes);
        out
    }

    fn decode(raw: &[u8]) -> Option<Pending> {
        let mut parts = raw.splitn(6, |b| *b == b'\n');
        let mut line = || std::str::from_utf8(parts.next()?).ok();
        (line()? == MAGIC).then_some(())?;
        let offset = line()?.parse().ok()?;
        let (dev, ino) = line()?.split_once(':')?;
        let identity = Identity {
            dev: dev.parse().ok()?,
            ino: ino.parse().ok()?,
        };
        let before = u64::from_str_radix(line()?, 16).ok()?;
        let hash = u64::from_str_radix(line()?, 16).ok()?;
        let bytes = parts.next()?.to_vec();
        (xxh3_64(&bytes) == hash).then_some(Pending {
            offset,
            identity,
            before,
            bytes,
        })
    }
}

/// The record beside `journal`, if there is a whole one (a torn record announces an append
/// that never began). `owner` is the journal's owner, whose record it may also be.
pub fn read(journal: &Path, owner: Option<u32>) -> Result<Option<Pending>> {
    let path = path_for(journal);
    match sidefile::read(&path, owner, MAX_BYTES + 4096) {
        Ok(Some(raw)) => Ok(Pending::decode(&raw)),
        Ok(None) => Ok(None),
        Err(refused) => Err(refused.error(&path)),
    }
}

/// Whether there is a record (or something in its place) beside `journal`.
pub fn exists(journal: &Path) -> bool {
    std::fs::symlink_metadata(path_for(journal)).is_ok()
}

/// Writes the record durably (temp file, fsync, rename, fsync of the folder).
pub fn write(journal: &Path, pending: &Pending) -> Result<()> {
    super::write_atomically(&path_for(journal), &pending.encode())
}

pub fn remove(journal: &Path) -> Result<()> {
    match std::fs::remove_file(path_for(journal)) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => {
            Err(err).with_context(|| format!("could not remove {}", path_for(journal).display()))
        }
        _ => Ok(()),
    }
}

fn open_journal(journal: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(journal)
}

/// Cuts the journal back to `len` bytes, durably (to undo an append).
pub fn truncate(journal: &Path, len: u64) -> io::Result<()> {
    let file = open_journal(journal)?;
    file.set_len(len)?;
    file.sync_data()
}

/// Under the write lock: rolls back an append that was cut short, and removes the record.
pub fn recover(journal: &Path, owner: Option<u32>) -> Result<()> {
    let Some(pending) = read(journal, owner)? else {
        return remove(journal);
    };
    let repair = || -> io::Result<()> {
        let file = open_journal(journal)?;
        if pending.state_of_file(&file)? == State::CutShort {
            file.set_len(pending.offset)?;
            file.sync_data()?;
        }
        Ok(())
    };
    match repair() {
        Err(err) if err.kind() != io::ErrorKind::NotFound => {
            return Err(err).with_context(|| {
                format!(
                    "could not repair the journal {} after an interrupted add",
                    journal.display()
                )
            });
        }
        _ => {}
    }
    remove(journal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(offset: u64, before: &[u8], bytes: &[u8]) -> Pending {
        Pending {
            offset,
            identity: Identity { dev: 1, ino: 2 },
            before: xxh3_64(before),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn records_round_trip_and_torn_ones_are_refused() {
        let pending = record(12, b"x", b"\n[[entry]]\nid = \"x\"\n");
        let raw = pending.encode();
        assert_eq!(
            Pending::decode(&raw),
            Some(record(12, b"x", &pending.bytes))
        );
        for cut in 0..raw.len() {
            assert_eq!(Pending::decode(&raw[..cut]), None, "cut at {cut}");
        }
    }

    #[test]
    fn the_journal_tells_how_far_the_append_got() {
        let same = Identity { dev: 1, ino: 2 };
        let pending = record(3, b"abc", b"def");
        assert_eq!(pending.state_of(same, b"abcdef"), State::Settled);
        assert_eq!(pending.state_of(same, b"abcdefgh"), State::Settled);
        assert_eq!(pending.state_of(same, b"abc"), State::Settled);
        assert_eq!(pending.state_of(same, b"abcde"), State::CutShort);
        assert_eq!(pending.state_of(same, b"abcx"), State::Stale);
        assert_eq!(pending.state_of(same, b"ab"), State::Stale);
        // Another journal of the same length, or another file.
        assert_eq!(pending.state_of(same, b"xbcde"), State::Stale);
        let other = Identity { dev: 1, ino: 3 };
        assert_eq!(pending.state_of(other, b"abcde"), State::Stale);
    }
}
