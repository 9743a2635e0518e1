//! `milestone rm ID`: remove one entry, after asking on a terminal.

use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::RmArgs;
use crate::context::Context;
use crate::journal::edit;
use crate::storage;

pub fn run(args: RmArgs, ctx: &Context) -> Result<()> {
    let journal = storage::load_journal(&ctx.journal, ctx.cache())?;
    let id = crate::journal::select::resolve_id(&journal, &args.id)?;
    let entry = journal
        .entries
        .iter()
        .find(|e| e.id.as_deref() == Some(id.as_str()))
        .map(crate::words::entry::describe)
        .unwrap_or_default();

    if !args.yes {
        if !ctx.stdin_is_terminal() {
            bail!("not removing {id} without a yes: run `milestone rm {id} --yes` to remove it");
        }
        if !crate::ask::yes_or_no(&format!("Remove {id} ({entry})?"))? {
            writeln!(std::io::stdout().lock(), "Kept {id}; nothing was removed.")?;
            return Ok(());
        }
    }

    storage::modify(&ctx.journal, ctx.cache(), |_, document| {
        if !edit::remove_entry(document, &id) {
            bail!("the entry {id} is no longer in the journal; nothing was removed");
        }
        Ok(())
    })?;
    writeln!(std::io::stdout().lock(), "Removed {id} ({entry}).")?;
    Ok(())
}
