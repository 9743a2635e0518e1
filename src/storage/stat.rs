//! Telling that a journal is unchanged from its stat data, as git tells a file is unchanged
//! from its index entry, without reading it.
//!
//! A file's ctime changes on every write and cannot be set back by anyone but the clock's
//! owner, so the same device, inode, size, mtime and ctime mean the same bytes, with one
//! exception: a write in the same tick of the clock the kernel stamps files with, which can
//! leave the ctime as it was ("racily clean", in git's words). So stat data only vouches for
//! bytes when the ctime was already in the past (by the file system's granularity) before those
//! bytes were read, or, for a writer's own bytes, once the clock has moved past it; and only on
//! local file systems, whose timestamps come from this kernel's clock.

use std::fs::{File, Metadata};
use std::os::unix::fs::MetadataExt;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// What stat says of a file, all that changes when its bytes do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStat {
    dev: u64,
    ino: u64,
    len: u64,
    mtime_ns: i128,
    ctime_ns: i128,
}

impl FileStat {
    pub fn of(meta: &Metadata) -> FileStat {
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        FileStat {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime_ns: ns(meta.mtime(), meta.mtime_nsec()),
            ctime_ns: ns(meta.ctime(), meta.ctime_nsec()),
        }
    }

    /// Whether a write at clock time `now` or later is sure to give the file another ctime.
    /// A file system that keeps whole seconds (both times without nanoseconds) may round a
    /// later write down to this ctime for up to two seconds (FAT keeps two).
    fn settled_by(&self, now: i128) -> bool {
        let granularity = if self.whole_seconds() {
            2_000_000_000
        } else {
            1
        };
        now >= self.ctime_ns + granularity
    }

    fn whole_seconds(&self) -> bool {
        self.ctime_ns % 1_000_000_000 == 0 && self.mtime_ns % 1_000_000_000 == 0
    }
}

/// The clock the kernel stamps files with (the coarse real-time clock; a file system with
/// fine-grained timestamps stamps at or after it), in nanoseconds since the epoch.
fn coarse_now() -> i128 {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::RealtimeCoarse);
    i128::from(now.tv_sec) * 1_000_000_000 + i128::from(now.tv_nsec)
}

/// Whether `file` lives on a local file system whose timestamps this kernel sets from its
/// clock (a network or FUSE file system may report anything).
fn local(file: &File) -> bool {
    const LOCAL: [i64; 8] = [
        0xEF53,      // ext2, ext3, ext4
        0x5846_5342, // xfs
        0x9123_683E, // btrfs
        0x0102_1994, // tmpfs
        0xF2F5_2010, // f2fs
        0xCA45_1A4E, // bcachefs
        0x794C_7630, // overlayfs (the upper layer's times)
        0x6165_6673, // aufs
    ];
    #[allow(clippy::unnecessary_cast, clippy::useless_conversion)]
    rustix::fs::fstatfs(file).is_ok_and(|info| LOCAL.contains(&(info.f_type as i64)))
}

/// Whether stat data just taken vouches for the bytes the file holds now: the ctime was
/// already in the past (`clock_before` was read before the stat), or it is later than the
/// coarse clock (`clock_after`, read after), which only a multigrain file system (Linux 6.13
/// and later) gives; having been queried, such a ctime changes with the next write, even
/// within the same tick.
fn vouches(stat: &FileStat, clock_before: i128, clock_after: i128) -> bool {
    stat.settled_by(clock_before) || stat.ctime_ns > clock_after
}

/// Taken just before a reader reads a file's bytes: the stat data that will vouch for them,
/// if nothing changes while they are read.
pub struct BeforeReading {
    stat: Option<FileStat>,
}

impl BeforeReading {
    pub fn of(file: &File) -> BeforeReading {
        let before = coarse_now();
        let stat = file.metadata().ok().map(|meta| FileStat::of(&meta));
        let after = coarse_now();
        let stat = stat.filter(|stat| vouches(stat, before, after) && local(file));
        BeforeReading { stat }
    }

    /// The stat data that vouches for the bytes just read from `file`: `None` when it changed
    /// meanwhile, or was too fresh to vouch for anything.
    pub fn confirm(self, file: &File) -> Option<FileStat> {
        let stat = self.stat?;
        let after = FileStat::of(&file.metadata().ok()?);
        (after == stat).then_some(stat)
    }
}

/// How long a writer waits for the clock to pass its write: a few ticks of it (4 ms at the
/// common 250 Hz), far less than anyone notices.
const SETTLE_WAIT: Duration = Duration::from_millis(25);

/// The stat data that vouches for the bytes a writer just wrote to `file` (holding the lock),
/// taken so that any later write changes it: once the clock has moved past the write, or at
/// once on a multigrain file system. `None` on a file system that cannot vouch, or when the
/// clock did not move in time.
///
/// The one write this cannot tell apart is one by a program that ignores the journal's lock,
/// in place, keeping the size, before the stat is taken (in the same tick, without multigrain
/// timestamps): the README already asks hand edits to take the lock, since such a writer can
/// lose entries anyway.
pub fn settled_after_write(file: &File) -> Option<FileStat> {
    if !local(file) {
        return None;
    }
    let start = Instant::now();
    let mut asked = false;
    loop {
        let before = coarse_now();
        let stat = FileStat::of(&file.metadata().ok()?);
        let after = coarse_now();
        if vouches(&stat, before, after) {
            return Some(stat);
        }
        if !asked {
            // Which kind of file system? After the query above, a change of nothing (the same
            // mode) gets a fine-grained ctime on a multigrain one, and none in this tick on
            // another.
            asked = true;
            let _ = file.set_permissions(file.metadata().ok()?.permissions());
            continue;
        }
        // Whole seconds: two of them are not worth waiting for.
        if stat.whole_seconds() || start.elapsed() > SETTLE_WAIT {
            return None;
        }
        std::thread::sleep(Duration::from_micros(250));
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::FileExt;

    use super::*;

    fn stat(ctime_ns: i128, mtime_ns: i128) -> FileStat {
        FileStat {
            dev: 1,
            ino: 2,
            len: 3,
            mtime_ns,
            ctime_ns,
        }
    }

    #[test]
    fn a_ctime_vouches_only_once_the_clock_has_passed_it() {
        let fine = stat(1_000_000_123, 1_000_000_123);
        assert!(!fine.settled_by(1_000_000_122));
        assert!(!fine.settled_by(1_000_000_123));
        assert!(fine.settled_by(1_000_000_124));
        // Whole seconds: a later write may be rounded down to the same second.
        let coarse = stat(5_000_000_000, 4_000_000_000);
        assert!(!coarse.settled_by(6_999_999_999));
        assert!(coarse.settled_by(7_000_000_000));
    }

    #[test]
    fn any_write_after_a_writer_took_its_stat_changes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "x").unwrap();
        let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        for round in 0..200 {
            // Written and vouched for, then written again at once, keeping the size.
            file.write_all_at(b"y", 0).unwrap();
            let written = settled_after_write(&file).expect("a local file system vouches");
            assert_eq!(written, FileStat::of(&file.metadata().unwrap()));
            file.write_all_at(b"z", 0).unwrap();
            let again = FileStat::of(&file.metadata().unwrap());
            assert_ne!(again, written, "round {round}");
        }
        // Read now, its stat vouches for what was read.
        let written = settled_after_write(&file).unwrap();
        let before = BeforeReading::of(&file);
        assert_eq!(before.confirm(&file), Some(written));
    }

    #[test]
    fn a_write_while_reading_vouches_for_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "x").unwrap();
        let file = File::open(&path).unwrap();
        settled_after_write(&file).unwrap();
        let before = BeforeReading::of(&file);
        std::fs::write(&path, "y").unwrap();
        assert_eq!(before.confirm(&file), None);
    }
}
