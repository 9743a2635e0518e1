//! Opening the files that sit beside a journal (its redo record, its lock) and the cache's
//! files, which someone else may have planted: never through a link, never waiting on a FIFO,
//! only a regular file of ours that nobody else may write, and never more than a bound.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

use anyhow::{Result, anyhow};

/// Why a side file cannot be trusted.
#[derive(Debug)]
pub enum Refused {
    /// A link, a FIFO, a device, a socket or a folder.
    NotRegular,
    /// Someone else's file, or one others may write.
    Foreign,
    /// Larger than anything milestone writes there.
    TooLarge,
    Io(io::Error),
}

impl Refused {
    /// The error a person sees for the side file at `path`.
    pub fn error(self, path: &Path) -> anyhow::Error {
        let path = path.display();
        match self {
            Refused::NotRegular => anyhow!(
                "{path} is not a regular file, so milestone will not read it; remove it (it is not part of your journal)"
            ),
            Refused::Foreign => anyhow!(
                "{path} belongs to another user, so milestone will not use it; ask them (or an administrator) to remove it"
            ),
            Refused::TooLarge => anyhow!(
                "{path} is larger than anything milestone writes there; remove it (it is not part of your journal)"
            ),
            Refused::Io(err) => anyhow!(err).context(format!("could not read {path}")),
        }
    }
}

/// The user whose files are trusted: the one running milestone.
pub fn me() -> u32 {
    // SAFETY: geteuid() cannot fail and touches no memory.
    unsafe { libc::geteuid() }
}

/// True when `meta` is owned by `owner` (or by us) and no one else may write it.
pub fn trusted(meta: &std::fs::Metadata, owner: Option<u32>) -> bool {
    let uid = meta.uid();
    (uid == me() || Some(uid) == owner) && meta.mode() & 0o022 == 0
}

/// Opens `path` for reading if it is a regular file `owner` (or we) may trust; `Ok(None)` when
/// there is none.
pub fn open(path: &Path, owner: Option<u32>) -> Result<Option<File>, Refused> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path);
    let file = match file {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) if err.raw_os_error() == Some(libc::ELOOP) => return Err(Refused::NotRegular),
        Err(err) => return Err(Refused::Io(err)),
    };
    let meta = file.metadata().map_err(Refused::Io)?;
    if !meta.is_file() {
        return Err(Refused::NotRegular);
    }
    if !trusted(&meta, owner) {
        return Err(Refused::Foreign);
    }
    Ok(Some(file))
}

/// The whole of `path`, read as `open` allows, if it is at most `limit` bytes.
pub fn read(path: &Path, owner: Option<u32>, limit: u64) -> Result<Option<Vec<u8>>, Refused> {
    let Some(file) = open(path, owner)? else {
        return Ok(None);
    };
    let len = file.metadata().map_err(Refused::Io)?.len();
    if len > limit {
        return Err(Refused::TooLarge);
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // One byte past the limit tells a file that grew meanwhile.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Refused::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge);
    }
    Ok(Some(bytes))
}
