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

/// While the editor runs, Ctrl-C (sent to the whole foreground group) is the editor's to
/// handle: milestone waits on, so that it can remove its copy of the journal and say what
/// happened. A handler, unlike SIG_IGN, is not inherited: the editor gets the default.
struct EditorHasTheKeyboard {
    previous: [libc::sighandler_t; 2],
}

const PASSED_ON: [libc::c_int; 2] = [libc::SIGINT, libc::SIGQUIT];

extern "C" fn wait_for_the_editor(_: libc::c_int) {}

impl EditorHasTheKeyboard {
    fn new() -> Self {
        let handler = wait_for_the_editor as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: the handler does nothing, so it is async-signal-safe.
        let previous = PASSED_ON.map(|signal| unsafe { libc::signal(signal, handler) });
        EditorHasTheKeyboard { previous }
    }
}

impl Drop for EditorHasTheKeyboard {
    fn drop(&mut self) {
        for (signal, previous) in PASSED_ON.into_iter().zip(self.previous) {
            // SAFETY: restores the disposition saved above.
            unsafe {
                libc::signal(signal, previous);
            }
        }
    }
}

/// Runs the editor on `file` and waits for it to close.
pub fn edit_file(file: &Path) -> Result<()> {
    let editor = editor_command();
    let _keyboard = EditorHasTheKeyboard::new();
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
