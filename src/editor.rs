//! Opening the person's editor on a file, as git and crontab do: `$VISUAL`, else `$EDITOR`,
//! else `vi`. The command goes through `sh -c` so editors with arguments (`code --wait`) work.

use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, Result, bail};

/// The editor command the person chose.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .map(|value| value.trim().to_owned())
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// Runs the editor on `file` and waits for it to close.
pub fn edit_file(file: &Path) -> Result<()> {
    let editor = editor_command();
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file)
        .status()
        .with_context(|| {
            format!(
                "could not start your editor ({editor}); set VISUAL or EDITOR to one that works"
            )
        })?;
    if !status.success() {
        bail!("your editor ({editor}) exited with an error, so nothing was changed");
    }
    Ok(())
}
