//! How the commands that only read (streak, list, report, share) get their journal: as much of
//! it as can be read, with a warning naming each mistake, so that one typo never hides a
//! person's count from them. Writing commands still refuse a journal with mistakes.

use std::io::Write;

use anyhow::Result;

use crate::context::Context;
use crate::journal::Journal;
use crate::output::terminal_safe;
use crate::storage;
use crate::words::reading as words;

/// The journal, after a warning on stderr for each mistake in it.
pub fn journal(ctx: &Context) -> Result<Journal> {
    let (journal, mistakes) =
        storage::load_journal_leniently(&ctx.journal, ctx.cache(), ctx.today)?;
    let mut err = std::io::stderr().lock();
    for mistake in &mistakes {
        writeln!(err, "warning: {}", terminal_safe(mistake))?;
    }
    if !mistakes.is_empty() {
        writeln!(err, "warning: {}", words::shown_without(mistakes.len()))?;
    }
    Ok(journal)
}
