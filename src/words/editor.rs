//! What is said about the person's editor and the notes written in it.

fn which(from: Option<&str>) -> String {
    match from {
        Some(var) => format!(" (from ${var})"),
        None => String::new(),
    }
}

pub fn no_terminal() -> &'static str {
    "there is no terminal to open an editor in, and neither VISUAL nor EDITOR names one; set EDITOR (for example EDITOR=nano), or give the text on the command line"
}

pub fn no_default() -> &'static str {
    "no editor was found (neither `editor` nor `vi` is installed); set EDITOR to the one you use, for example EDITOR=nano"
}

pub fn not_found(program: &str, from: Option<&str>) -> String {
    format!(
        "your editor `{program}`{} was not found; nothing was changed. Set VISUAL or EDITOR to an editor you have, for example EDITOR=nano",
        which(from)
    )
}

pub fn could_not_start(command: &str, from: Option<&str>) -> String {
    format!(
        "could not start your editor ({command}){}; set VISUAL or EDITOR to one that works",
        which(from)
    )
}

pub fn failed(command: &str) -> String {
    format!("your editor ({command}) exited with an error, so nothing was changed")
}

/// The comment below an empty note in the editor.
pub const NOTE_TEMPLATE: &str = "
# How was today? Write your note above.
# Lines starting with '#' are left out. An empty note logs nothing (as an empty commit message
# does in git); `milestone add --no-edit` logs a check-in without a note.
";

/// When the note came back empty: nothing is logged.
pub fn empty_note() -> &'static str {
    "Nothing logged: the note was empty. (`milestone add --no-edit` logs a check-in without a note.)"
}
