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
