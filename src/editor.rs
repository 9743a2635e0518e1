//! Opening the person's editor on a file, as git does: `$VISUAL`, else `$EDITOR`, else the
//! system's default (`editor`, which Debian and Ubuntu point at the editor chosen for the
//! machine, as their git does), else `vi` (git's own default).
//!
//! A default editor is started only on a terminal: a terminal editor with no terminal would
//! draw escape codes into a pipe and wait for keys that never come. An editor the person named
//! is always run (it may be a window editor, `code --wait`, or a script). The command goes
//! through `sh -c` so editors with arguments work; its program is looked up first, so a missing
//! one is one clear error, not a shell's "not found" followed by a second error.

use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use crate::words::editor as words;

/// The editor to run, and where it came from (the variable's name, or `None` for a default).
pub struct Editor {
    pub command: String,
    pub from: Option<&'static str>,
}

/// The first editor the person named (`named` is each variable with its value, in order of
/// preference), else the system's default when `can_show_one` (there is a terminal, not a dumb
/// one).
pub fn choose(
    named: [(&'static str, Option<String>); 2],
    can_show_one: impl FnOnce() -> bool,
) -> Result<Editor> {
    let chosen = named.into_iter().find_map(|(var, value)| {
        let value = value?;
        let value = value.trim();
        (!value.is_empty()).then(|| Editor {
            command: value.to_owned(),
            from: Some(var),
        })
    });
    if let Some(chosen) = chosen {
        return Ok(chosen);
    }
    if !can_show_one() {
        bail!(words::no_terminal());
    }
    let command = ["editor", "vi"]
        .into_iter()
        .find(|name| on_path(name))
        .with_context(words::no_default)?;
    Ok(Editor {
        command: command.to_owned(),
        from: None,
    })
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

/// Runs `editor` (`Context::editor`) on `file` and waits for it to close.
pub fn edit_file(editor: &Editor, file: &Path) -> Result<()> {
    let command = &editor.command;
    if let Some(program) = program_of(command)
        && !found(program)
    {
        bail!(words::not_found(program, editor.from));
    }
    let _keyboard = EditorHasTheKeyboard::new();
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("sh")
        .arg(file)
        .status()
        .with_context(|| words::could_not_start(command, editor.from))?;
    if !status.success() {
        bail!(words::failed(command));
    }
    Ok(())
}

/// The program an editor command starts, when it is a plain word (not a shell expression that
/// only a shell can judge).
fn program_of(command: &str) -> Option<&str> {
    let first = command.split_whitespace().next()?;
    let plain = first
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | '+' | '~'));
    (plain && !first.contains('=')).then_some(first)
}

fn found(program: &str) -> bool {
    if program.contains('/') {
        is_executable(Path::new(program))
    } else {
        on_path(program)
    }
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| is_executable(&dir.join(program)))
    })
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_program_is_the_first_plain_word() {
        assert_eq!(program_of("code --wait"), Some("code"));
        assert_eq!(program_of("/usr/bin/vim -u NONE"), Some("/usr/bin/vim"));
        assert_eq!(program_of("  nano "), Some("nano"));
        // Shell expressions are left to the shell.
        assert_eq!(program_of("FOO=1 vim"), None);
        assert_eq!(program_of("$HOME/bin/ed"), None);
        assert_eq!(program_of("sh -c 'sed -i x \"$1\"' sh"), Some("sh"));
    }
}
