//! Asking the person a yes-or-no question on their terminal, before a weighty change.

use std::io::{BufRead, Write};

use anyhow::Result;

/// Puts `question` on stderr (stdout may be piped) and reads one line from stdin; only an
/// explicit yes is a yes. The caller decides what to do when stdin is not a terminal.
pub fn yes_or_no(question: &str) -> Result<bool> {
    let mut err = std::io::stderr().lock();
    write!(err, "{question} [y/N] ")?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}
