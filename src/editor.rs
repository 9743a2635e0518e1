//! Opening the person's editor on a file, as git does: `$VISUAL`, else `$EDITOR`, else the
//! system's default (`editor`, which Debian and Ubuntu point at the editor chosen for the
//! machine, as their git does), else `vi` (git's own default).
//!
//! A default editor is started only on a terminal: a terminal editor with no terminal would
//! draw escape codes into a pipe and wait for keys that never come. An editor the person named
//! is always run (it may be a window editor, `code --wait`, or a script). The command goes
//! through `sh -c` so editors with arguments work; its program is looked up first, so a missing
//! one is one clear error, not a shell's "not found" followed by a second error.

use std::io::IsTerminal;
use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use crate::words::editor as words;

/// The editor to run, and where it came from (the variable's name, or `None` for a default).
pub struct Editor {
    pub command: String,
    pub from: Option<&'static str>,
}

/// The editor command the person chose, else the system's default when there is a terminal.
pub fn editor() -> Result<Editor> {
    let chosen = ["VISUAL", "EDITOR"].into_iter().find_map(|var| {
        let value = std::env::var(var).ok()?;
        let value = value.trim();
        (!value.is_empty()).then(|| Editor {
            command: value.to_owned(),
            from: Some(var),
        })
    });
    if let Some(chosen) = chosen {
        return Ok(chosen);
    }
    let on_a_terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if !on_a_terminal || dumb {
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

/// Runs the editor on `file` and waits for it to close.
pub fn edit_file(file: &Path) -> Result<()> {
    let editor = editor()?;
    let command = &editor.command;
    if let Some(program) = program_of(command)
        && !found(program)
    {
        bail!(words::not_found(program, editor.from));
    }
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
