//! The one place errors become messages and exit codes.
//!
//! 0 success; 1 a runtime error (bad input, bad journal, I/O); 2 a usage error. A closed pipe
//! (`milestone list | head -1`) is not an error: the reader simply had enough.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

/// A command line that parsed but cannot be run as given (exit 2, like clap's own errors).
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// A full disk (or quota, or file size limit) said as what it means and what to do, in place
/// of the system's "No space left on device (os error 28)". `journal` names the file when the
/// failed write was the journal's (every journal write leaves it unchanged when it fails).
pub fn explain_full_disk(err: anyhow::Error, journal: &std::path::Path) -> anyhow::Error {
    let full = err.chain().any(|cause| {
        // By kind too: tempfile wraps the system's error with the file's path, and no code.
        cause.downcast_ref::<io::Error>().is_some_and(|e| {
            matches!(
                e.kind(),
                io::ErrorKind::StorageFull
                    | io::ErrorKind::QuotaExceeded
                    | io::ErrorKind::FileTooLarge
            ) || e
                .raw_os_error()
                .is_some_and(|code| [libc::ENOSPC, libc::EDQUOT, libc::EFBIG].contains(&code))
        })
    });
    if !full {
        return err;
    }
    let shown = journal.display().to_string();
    let about_journal = err.chain().any(|cause| cause.to_string().contains(&shown));
    anyhow::anyhow!(if about_journal {
        crate::words::disk::no_space_for_journal(journal)
    } else {
        crate::words::disk::no_space_for_output().to_owned()
    })
}

/// A warning on stderr, made safe for the terminal. A warning that cannot be written (stderr
/// closed) is dropped: it must never turn a success into a failure.
pub fn warn(message: &str) {
    let _ = writeln!(
        io::stderr().lock(),
        "warning: {}",
        crate::output::terminal_safe(message)
    );
}

pub fn report(err: &anyhow::Error) -> ExitCode {
    let broken_pipe = err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    // `{:#}` puts the whole cause chain on one line.
    let message: Vec<String> = format!("{err:#}")
        .lines()
        .map(|line| crate::output::terminal_safe(line).into_owned())
        .collect();
    let message = message.join("\n");
    let _ = writeln!(io::stderr().lock(), "error: {message}");
    if err.downcast_ref::<UsageError>().is_some() {
        ExitCode::from(2)
    } else {
        ExitCode::FAILURE
    }
}
