//! Reading and writing a group folder. Everything in it but your own files is other people's
//! input: only regular files are read (opened with `O_NOFOLLOW | O_NONBLOCK`, so a symlink is
//! never followed and a FIFO never blocks), at most `MAX_FILE_BYTES` each, and at most so many of
//! them. What is skipped is reported, never silently dropped.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::MAX_FILE_BYTES;

/// The `.json` file names directly in `dir`, sorted; entries that are not regular files are
/// reported in `skipped`. A missing folder is empty; a folder that is itself a symlink is
/// refused (it could point anywhere).
pub fn list(dir: &Path, skipped: &mut Vec<String>) -> Result<Vec<String>> {
    match fs::symlink_metadata(dir) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => {
            return Err(err).with_context(|| format!("could not look at {}", dir.display()));
        }
        Ok(meta) if !meta.is_dir() => {
            skipped.push(crate::words::group::not_a_folder(dir));
            return Ok(Vec::new());
        }
        Ok(_) => {}
    }
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("could not read {}", dir.display()))? {
        let entry = entry.with_context(|| format!("could not read {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        entries.push((name, entry.file_type().ok()));
    }
    // A folder's names are distinct: the unstable sort gives the same order, cheaper.
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut names = Vec::new();
    let mut not_json = Vec::new();
    for (name, kind) in entries {
        if name.starts_with('.') {
            continue;
        }
        if !kind.is_some_and(|k| k.is_file()) {
            skipped.push(crate::words::group::not_a_regular_file(&name, kind));
            continue;
        }
        if !name.ends_with(".json") {
            not_json.push(name);
            continue;
        }
        names.push(name);
    }
    // Stray files are many or none: one warning for them all.
    if !not_json.is_empty() {
        skipped.push(crate::words::group::not_json_named(dir, &not_json));
    }
    Ok(names)
}

/// A folder of the group, opened once so that each file in it is opened by its name alone
/// (one path step in the kernel for each of thousands of files, not the whole path).
pub struct OpenFolder {
    path: PathBuf,
    /// `None` when the folder could not be opened: each file is then opened by its path, and
    /// says itself why it cannot be read.
    handle: Option<File>,
}

impl OpenFolder {
    pub fn new(path: &Path) -> OpenFolder {
        OpenFolder {
            path: path.to_path_buf(),
            handle: File::open(path).ok(),
        }
    }

    /// Reads `name` in this folder if it is a regular file of at most `MAX_FILE_BYTES` in UTF-8;
    /// else why not.
    pub fn read_untrusted(&self, name: &str) -> Result<String, String> {
        let opened = match &self.handle {
            Some(handle) => rustix::fs::openat(
                handle,
                name,
                rustix::fs::OFlags::RDONLY
                    | rustix::fs::OFlags::NOFOLLOW
                    | rustix::fs::OFlags::NONBLOCK
                    | rustix::fs::OFlags::NOCTTY
                    | rustix::fs::OFlags::CLOEXEC,
                rustix::fs::Mode::empty(),
            )
            .map(File::from)
            .map_err(std::io::Error::from),
            None => open_untrusted(&self.path.join(name)),
        };
        read_opened(opened)
    }
}

fn open_untrusted(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

/// The checks and the reading of `read_untrusted`, on the file as it was opened.
fn read_opened(opened: std::io::Result<File>) -> Result<String, String> {
    let file = opened.map_err(|e| {
        if e.raw_os_error() == Some(libc::ELOOP) {
            "a symlink; not followed".to_string()
        } else {
            format!("could not be opened ({e})")
        }
    })?;
    let meta = file
        .metadata()
        .map_err(|e| format!("could not be read ({e})"))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "larger than {} KiB ({} bytes)",
            MAX_FILE_BYTES / 1024,
            meta.len()
        ));
    }
    // Room for the whole file and the byte that shows it ended: two reads, not a probe and
    // doublings (a group folder is thousands of small files).
    let room = usize::try_from(meta.len().min(MAX_FILE_BYTES) + 1).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    // The size can change after the check: never read more than the limit either way.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("could not be read ({e})"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("larger than {} KiB", MAX_FILE_BYTES / 1024));
    }
    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())
}

/// `read(name)` for every name, on a few threads (a group folder is thousands of small files),
/// in the order of `names`.
pub fn read_each<T: Send>(names: &[String], read: impl Fn(&str) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    if threads == 1 || names.len() < 64 {
        return names.iter().map(|n| read(n)).collect();
    }
    let chunk = names.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = names
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(|n| read(n)).collect::<Vec<T>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Writes `text` to `path` all at once (a temporary file beside it, synced, then renamed over),
/// owner-only, creating its folder.
pub fn write_atomically(path: &Path, text: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    fs::create_dir_all(&dir).with_context(|| format!("could not create {}", dir.display()))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".milestone-")
        .tempfile_in(&dir)
        .with_context(|| format!("could not write in {}", dir.display()))?;
    temp.as_file()
        .set_permissions(fs::Permissions::from_mode(0o600))
        .with_context(|| format!("could not write in {}", dir.display()))?;
    temp.write_all(text)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("could not write {}", path.display()))?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("could not write {}", path.display()))?;
    if let Ok(dir) = File::open(&dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Removes `path`; a file already gone is fine.
pub fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            Err(err).with_context(|| format!("could not remove {}", path.display()))
        }
        _ => Ok(()),
    }
}
