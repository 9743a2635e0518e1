//! The write protocol: how every change reaches the journal.
//!
//! 1. `WriteGuard::acquire` does what every writer needs first: follow a symlinked journal to
//!    its file, refuse a read-only one, make its folder (owner-only), take the advisory lock on
//!    `<journal>.lock` (a separate file, never deleted: a lock on the journal itself would
//!    protect nothing once a rename replaced it) within a bounded wait, roll back an append a
//!    crash cut short (`pending`), and remove what killed writes left behind (temporary files,
//!    an editor's copy of the journal). Side files of another user are refused.
//! 2. Under the guard the writer re-reads the journal and refuses one with errors (the callers
//!    in `storage` do that; an append whose journal the cache can vouch for reads only the
//!    cache's summary and the journal's last block), then either
//!    - `rewrite`s it: a temporary file beside it, fsync, rename over it, fsync of the folder;
//!      a crash leaves the old journal or the new one; or
//!    - `append`s to it: the redo record first, then the bytes, fsync, and the record removed;
//!      a crash leaves the old journal or the new one once the next writer has rolled back.
//!
//! A write that fails (a full disk, a file size limit) leaves the journal as it was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};

use super::{fault, pending, sidefile};

pub const FILE_MODE: u32 = 0o600;
const DIR_MODE: u32 = 0o700;

/// How long a writer waits for another one to finish: far longer than any write takes.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// The journal's lock, held until dropped, with the journal's leftovers cleared.
pub struct WriteGuard {
    pub path: PathBuf,
    _lock: File,
}

impl WriteGuard {
    pub fn acquire(path: &Path) -> Result<WriteGuard> {
        super::ignore_file_size_signal();
        let path = resolve_symlink(path)?;
        refuse_read_only(&path)?;
        create_private_folder(parent_folder(&path))?;
        // A root-run milestone writes the person's files as theirs, and trusts their side files.
        let owner = fs::metadata(&path).ok().map(|m| m.uid());
        let lock = lock_beside(&path, owner)?;
        pending::recover(&path, owner)?;
        remove_leftovers(&path);
        Ok(WriteGuard { path, _lock: lock })
    }

    /// Replaces the journal with `bytes` all at once.
    pub fn rewrite(&self, bytes: &[u8]) -> Result<()> {
        let created = !self.path.exists();
        write_atomically(&self.path, bytes)?;
        if created {
            // A brand-new journal is private even if the platform ignored the mode.
            fs::set_permissions(&self.path, fs::Permissions::from_mode(FILE_MODE))
                .with_context(|| format!("could not make {} private", self.path.display()))?;
        }
        Ok(())
    }

    /// Appends `bytes` to the journal, which is `len` bytes long now; the journal, open.
    pub fn append(&self, len: u64, bytes: Vec<u8>) -> Result<File> {
        let context = || unchanged(&self.path);
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&self.path)
            .map_err(explain)
            .with_context(context)?;
        if file.metadata().map(|m| m.len()).ok() != Some(len) {
            bail!(
                "the journal {} changed while it was being read (was it edited by hand just now?); nothing was written, try again",
                self.path.display()
            );
        }
        let record = pending::Pending::new(&file, len, bytes)
            .map_err(explain)
            .with_context(context)?;
        pending::write(&self.path, &record).with_context(context)?;
        fault::point("after-record");
        let written = (&file)
            .write_all(&record.bytes)
            .and_then(|()| file.sync_data());
        if let Err(err) = written {
            // Undo what part of it got in. Only once that worked may the record go: while it
            // stays, every reader reads the journal without the part.
            if pending::truncate(&self.path, record.offset).is_ok() {
                let _ = pending::remove(&self.path);
            }
            return Err(explain(err)).with_context(context);
        }
        fault::point("after-append");
        pending::remove(&self.path)?;
        // A journal holds health notes: owner-only after every write, as a rewrite leaves it.
        if file
            .metadata()
            .is_ok_and(|m| m.permissions().mode() & 0o777 != FILE_MODE)
        {
            file.set_permissions(fs::Permissions::from_mode(FILE_MODE))
                .with_context(|| format!("could not make {} private", self.path.display()))?;
        }
        Ok(file)
    }
}

fn unchanged(path: &Path) -> String {
    format!(
        "could not write the journal {} (it is unchanged); check free disk space and permissions",
        path.display()
    )
}

/// A write error, kept as the I/O error it is (the error report says what to do about a full
/// disk or a file size limit).
pub fn explain(err: io::Error) -> anyhow::Error {
    anyhow!(err)
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
pub fn resolve_symlink(path: &Path) -> Result<PathBuf> {
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

pub fn parent_folder(path: &Path) -> &Path {
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

fn lock_beside(journal: &Path, owner: Option<u32>) -> Result<File> {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let lock_path = journal.with_file_name(name);
    let opened = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(&lock_path);
    let file = match opened {
        Ok(file) => file,
        Err(err) => {
            return Err(err).with_context(|| {
                format!(
                    "could not open the lock file {}; check that you may write to its folder",
                    lock_path.display()
                )
            });
        }
    };
    let meta = file
        .metadata()
        .with_context(|| format!("could not lock {}", lock_path.display()))?;
    if !meta.is_file() {
        return Err(sidefile::Refused::NotRegular.error(&lock_path));
    }
    if meta.uid() != sidefile::me() && Some(meta.uid()) != owner {
        return Err(sidefile::Refused::Foreign.error(&lock_path));
    }
    // Owner-only, whatever the umask took away when it was created.
    if meta.permissions().mode() & 0o777 != FILE_MODE {
        let _ = file.set_permissions(fs::Permissions::from_mode(FILE_MODE));
    }
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(fs::TryLockError::WouldBlock) => bail!(
                "another milestone has been changing {} for {} seconds (it holds {}); try again when it is done",
                journal.display(),
                LOCK_WAIT.as_secs(),
                lock_path.display()
            ),
            Err(fs::TryLockError::Error(err)) => {
                return Err(err).with_context(|| format!("could not lock {}", lock_path.display()));
            }
        }
    }
}

/// Temporary files for `path` are named `.milestone-<file name>-<random>.tmp`, so that the
/// ones a killed write left behind can be told apart from any other file's.
pub fn temp_prefix(path: &Path) -> String {
    format!(
        ".milestone-{}-",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// The prefix and the suffixes of an editor's copy (`milestone edit`, a note in the editor).
pub const SCRATCH: (&str, [&str; 2]) = (".milestone-edit-", [".toml", ".md"]);

/// Removes what writes to `journal` (and to its redo record) that were killed midway left
/// behind, and editors' copies no running milestone holds (each holds a lock on its own).
/// Only under the journal's lock: then no write of it is under way. Only our own files.
fn remove_leftovers(journal: &Path) {
    let prefixes = [
        (temp_prefix(journal), ".tmp"),
        (temp_prefix(&pending::path_for(journal)), ".tmp"),
        (SCRATCH.0.to_owned(), SCRATCH.1[0]),
        (SCRATCH.0.to_owned(), SCRATCH.1[1]),
    ];
    let Ok(folder) = fs::read_dir(parent_folder(journal)) else {
        return;
    };
    for file in folder.flatten() {
        let name = file.file_name().to_string_lossy().into_owned();
        let ours = prefixes.iter().any(|(prefix, suffix)| {
            name.strip_prefix(prefix.as_str())
                .and_then(|rest| rest.strip_suffix(suffix))
                .is_some_and(|random| {
                    !random.is_empty() && random.chars().all(|c| c.is_ascii_alphanumeric())
                })
        });
        if !ours {
            continue;
        }
        let Ok(Some(opened)) = sidefile::open(&file.path(), None) else {
            continue;
        };
        // A copy still open in an editor is locked by the milestone waiting for it.
        if opened.try_lock().is_ok() {
            let _ = fs::remove_file(file.path());
        }
    }
}

/// Replaces `path` with `bytes` all at once: temp file beside it, fsync, rename, fsync folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    super::ignore_file_size_signal();
    let folder = parent_folder(path);
    let context = || unchanged(path);
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
        let _ = std::os::unix::fs::fchown(temp.as_file(), Some(old.uid()), Some(old.gid()));
    }
    temp.write_all(bytes)
        .map_err(explain)
        .with_context(context)?;
    temp.as_file()
        .sync_all()
        .map_err(explain)
        .with_context(context)?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(context)?;
    File::open(folder)
        .and_then(|dir| dir.sync_all())
        .with_context(context)
}
