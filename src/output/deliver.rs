//! Where a command's finished output goes: standard output, or with `--output` a file of its
//! own that only its owner may read (a share may name what someone is recovering from).
//! Pictures are bytes a terminal cannot show, so they never go to one.

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::error::UsageError;

/// Refuses, before any work is done, a picture headed for a terminal (`stdout_is_terminal`,
/// from `Context`).
pub fn check_picture_target(
    style: &str,
    output: Option<&Path>,
    stdout_is_terminal: bool,
) -> Result<()> {
    if output.is_none() && stdout_is_terminal {
        return Err(UsageError(crate::words::picture::not_on_a_terminal(style)).into());
    }
    Ok(())
}

/// Writes `bytes` to `output` (replacing it whole, mode 0600) or to standard output.
pub fn deliver(bytes: &[u8], output: Option<&Path>) -> Result<()> {
    let Some(path) = output else {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        return Ok(out.flush()?);
    };
    let context = || {
        format!(
            "could not write {}; check that its folder exists and that you may write there",
            path.display()
        )
    };
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    // A temp file beside it, made with O_EXCL (a planted symlink is never followed) and set
    // to 0600 whatever the umask, then renamed over the old file: no reader sees half of it.
    let mut temp = tempfile::Builder::new()
        .prefix(".milestone-output-")
        .tempfile_in(folder)
        .with_context(context)?;
    temp.as_file()
        .set_permissions(fs::Permissions::from_mode(0o600))
        .with_context(context)?;
    temp.write_all(bytes).with_context(context)?;
    temp.as_file().sync_all().with_context(context)?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(context)?;
    Ok(())
}
