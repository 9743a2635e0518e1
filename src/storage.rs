//! The journal on disk: reading it, and changing it so that nothing is ever lost.
//!
//! Every change runs under an advisory lock on `<journal>.lock` (a separate file, never deleted:
//! a lock on the journal itself would protect nothing once a rename replaced it), re-reads the
//! journal inside the lock, refuses to touch a journal with errors, checks that the new text
//! still loads, then writes a temporary file beside it, fsyncs it, renames it over the journal
//! and fsyncs the folder. A crash at any moment leaves either the old journal or the new one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use toml_edit::DocumentMut;

use crate::journal::Journal;
use crate::journal::edit::NEW_JOURNAL;
use crate::journal::parse::{Parsed, parse};

const FILE_MODE: u32 = 0o600;
const DIR_MODE: u32 = 0o700;

/// A journal read from disk, with the text it came from.
pub struct Loaded {
    pub path: PathBuf,
    pub text: String,
    pub parsed: Parsed,
}

impl Loaded {
    pub fn journal(&self) -> &Journal {
        &self.parsed.journal
    }
}

/// Reads and parses the journal at `path`; `Ok(None)` when there is no file there yet.
/// Does not refuse a journal with problems: `check` wants to see them all.
pub fn read(path: &Path, today: NaiveDate) -> Result<Option<Loaded>> {
    let Some(text) = read_text(path)? else {
        return Ok(None);
    };
    let parsed = parse(&text, Some(today));
    Ok(Some(Loaded {
        path: path.to_owned(),
        text,
        parsed,
    }))
}

/// Reads the journal for a command that needs a usable one: it must exist and have no errors.
pub fn load(path: &Path, today: NaiveDate) -> Result<Loaded> {
    let Some(loaded) = read(path, today)? else {
        bail!(
            "there is no journal at {} yet; begin one with `milestone start NAME` (for example `milestone start alcohol`)",
            path.display()
        );
    };
    refuse_errors(&loaded)?;
    Ok(loaded)
}

/// Changes the journal at `path` (creating it when missing) under the write lock. `change`
/// sees the journal as it is now, inside the lock, and edits its document; when it returns an
/// error nothing is written.
pub fn modify<T>(
    path: &Path,
    today: NaiveDate,
    mut change: impl FnMut(&Journal, &mut DocumentMut) -> Result<T>,
) -> Result<T> {
    let path = resolve_symlink(path)?;
    // Before creating anything (folder, lock file): a path that cannot be a journal is refused,
    // and a first write that would be refused anyway leaves no trace.
    if read_text(&path)?.is_none() {
        let (journal, mut document) = editable(&path, NEW_JOURNAL.to_owned(), today)?;
        change(&journal, &mut document)?;
    }
    let folder = parent_folder(&path);
    create_private_folder(folder)?;
    let _lock = lock_beside(&path)?;

    let original = read_text(&path)?;
    let created = original.is_none();
    let text = original.unwrap_or_else(|| NEW_JOURNAL.to_owned());
    let crlf = uses_crlf(&text);
    let (journal, mut document) = editable(&path, text, today)?;
    let result = change(&journal, &mut document)?;

    let mut new_text = document.to_string();
    if crlf {
        // Keep a Windows-edited journal's line endings consistent.
        new_text = new_text.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    if let Some(problem) = parse(&new_text, None).errors().next() {
        bail!(
            "this change would have made the journal invalid ({}), so nothing was written; please report this as a bug",
            problem.message
        );
    }
    write_atomically(&path, new_text.as_bytes())?;
    if created {
        // Make sure a brand-new journal is private even if the platform ignored the mode.
        fs::set_permissions(&path, fs::Permissions::from_mode(FILE_MODE))
            .with_context(|| format!("could not make {} private", path.display()))?;
    }
    Ok(result)
}

/// Replaces the whole journal with `new_text` (a hand edit in the editor), but only if it
/// still holds `expected`: a change another `milestone` made meanwhile is never overwritten.
/// `new_text` must load without errors.
pub fn replace(path: &Path, expected: &str, new_text: &str, today: NaiveDate) -> Result<()> {
    let path = resolve_symlink(path)?;
    let _lock = lock_beside(&path)?;
    let current = read_text(&path)?.unwrap_or_default();
    if current != expected {
        bail!("the journal changed while you were editing it (another milestone wrote to it)");
    }
    let loaded = Loaded {
        path: path.clone(),
        parsed: parse(new_text, Some(today)),
        text: new_text.to_owned(),
    };
    refuse_errors(&loaded)?;
    write_atomically(&path, new_text.as_bytes())
}

/// The journal in `text` as a model and an editable document, refusing one with errors.
fn editable(path: &Path, text: String, today: NaiveDate) -> Result<(Journal, DocumentMut)> {
    let loaded = Loaded {
        path: path.to_owned(),
        parsed: parse(&text, Some(today)),
        text,
    };
    refuse_errors(&loaded)?;
    let Parsed {
        journal, document, ..
    } = loaded.parsed;
    let document = document
        .ok_or_else(|| anyhow!("journal parsed without a document"))?
        .into_mut();
    Ok((journal, document))
}

/// True when every line ends in CRLF.
fn uses_crlf(text: &str) -> bool {
    text.contains("\r\n") && text.matches('\n').count() == text.matches("\r\n").count()
}

fn refuse_errors(loaded: &Loaded) -> Result<()> {
    let mut errors = loaded.parsed.errors();
    let Some(first) = errors.next() else {
        return Ok(());
    };
    let more = errors.count();
    let located = first.located(&loaded.path, &loaded.text);
    if more == 0 {
        bail!(
            "{located}; fix this in the journal (nothing was changed), then run `milestone check`"
        )
    }
    bail!(
        "{located}; and {more} more problem{}: run `milestone check` to see them all (nothing was changed)",
        if more == 1 { "" } else { "s" }
    )
}

/// The journal's text, `None` when it does not exist.
fn read_text(path: &Path) -> Result<Option<String>> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) if path.is_dir() => {
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
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
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

/// Writes go to the file a symlinked journal points at, so the link (into a dotfiles repo,
/// say) keeps working instead of being replaced by a plain file.
fn resolve_symlink(path: &Path) -> Result<PathBuf> {
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

fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn create_private_folder(folder: &Path) -> Result<()> {
    if folder.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(folder)
        .with_context(|| {
            format!(
                "could not create the folder {} for the journal; check the path and your permissions",
                folder.display()
            )
        })?;
    // The umask may have taken bits away; put back exactly owner-only.
    fs::set_permissions(folder, fs::Permissions::from_mode(DIR_MODE))
        .with_context(|| format!("could not make the folder {} private", folder.display()))
}

/// Holds the advisory write lock until dropped.
struct WriteLock(#[allow(dead_code)] File);

fn lock_beside(journal: &Path) -> Result<WriteLock> {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let lock_path = journal.with_file_name(name);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&lock_path)
        .with_context(|| {
            format!(
                "could not open the lock file {}; check that you may write to its folder",
                lock_path.display()
            )
        })?;
    file.lock()
        .with_context(|| format!("could not lock {}", lock_path.display()))?;
    Ok(WriteLock(file))
}

/// A private temporary file beside the journal holding `text`, for the editor; removed when
/// dropped. It sits beside the journal (not in /tmp) so health notes stay where they live.
pub fn scratch_copy(journal: &Path, text: &str) -> Result<tempfile::NamedTempFile> {
    let journal = resolve_symlink(journal)?;
    let mut file = tempfile::Builder::new()
        .prefix(".milestone-edit-")
        .suffix(".toml")
        .tempfile_in(parent_folder(&journal))
        .with_context(|| {
            format!(
                "could not make a private copy of {} to edit",
                journal.display()
            )
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| {
            format!(
                "could not make a private copy of {} to edit",
                journal.display()
            )
        })?;
    Ok(file)
}

/// Replaces `path` with `bytes` all at once: temp file beside it, fsync, rename, fsync folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = parent_folder(path);
    let context = || {
        format!(
            "could not write the journal {} (it is unchanged); check free disk space and permissions",
            path.display()
        )
    };
    // tempfile creates the file with O_EXCL and mode 0600, so a planted symlink is never followed.
    let mut temp = tempfile::Builder::new()
        .prefix(".milestone-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .with_context(context)?;
    temp.write_all(bytes).with_context(context)?;
    temp.as_file().sync_all().with_context(context)?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(context)?;
    File::open(folder)
        .and_then(|dir| dir.sync_all())
        .with_context(context)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_new_journal_and_its_folder_are_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/journal.toml");
        modify(&path, today(), |_, _| Ok(())).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(mode(&dir.path().join("deep/er/journal.toml.lock")), 0o600);
        assert_eq!(fs::read_to_string(&path).unwrap(), NEW_JOURNAL);
    }

    #[test]
    fn a_failed_change_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.toml");
        fs::write(&path, "version = 1\n# mine\n").unwrap();
        let err: Result<()> = modify(&path, today(), |_, doc| {
            doc.insert("x", toml_edit::value(1));
            bail!("no thanks")
        });
        assert_eq!(err.unwrap_err().to_string(), "no thanks");
        assert_eq!(fs::read_to_string(&path).unwrap(), "version = 1\n# mine\n");
    }

    #[test]
    fn writing_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        fs::write(&real, "version = 1\n").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        modify(&link, today(), |_, doc| {
            doc.insert("extra", toml_edit::value(1));
            Ok(())
        })
        .unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(&real).unwrap(),
            "version = 1\nextra = 1\n"
        );
    }
}
