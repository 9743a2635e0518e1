//! `milestone rm ID`: remove one entry, after asking on a terminal.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Result, bail};

use crate::cli::RmArgs;
use crate::context::Context;
use crate::journal::edit;
use crate::storage;

pub fn run(args: RmArgs, ctx: &Context) -> Result<()> {
    let journal = storage::load_journal(&ctx.journal)?;
    let id = super::resolve_id(&journal, &args.id)?;
    let entry = journal
        .entries
        .iter()
        .find(|e| e.id.as_deref() == Some(id.as_str()))
        .map(super::describe_entry)
        .unwrap_or_default();

    if !args.yes {
        if !std::io::stdin().is_terminal() {
            bail!("not removing {id} without a yes: run `milestone rm {id} --yes` to remove it");
        }
        let mut err = std::io::stderr().lock();
        write!(err, "Remove {id} ({entry})? [y/N] ")?;
        err.flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            writeln!(std::io::stdout().lock(), "Kept {id}; nothing was removed.")?;
            return Ok(());
        }
    }

    storage::modify(&ctx.journal, |_, document| {
        if !edit::remove_entry(document, &id) {
            bail!("the entry {id} is no longer in the journal; nothing was removed");
        }
        Ok(())
    })?;
    writeln!(std::io::stdout().lock(), "Removed {id} ({entry}).")?;
    Ok(())
}
