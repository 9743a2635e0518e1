//! `milestone why [TEXT]`: keep one of the person's reasons, or list them.

use std::io::Write;

use anyhow::{Result, anyhow, bail};

use crate::cli::WhyArgs;
use crate::context::Context;
use crate::journal::{Reason, check_reason, edit};
use crate::output::terminal_safe;
use crate::storage;
use crate::words::sos as words;

pub fn run(args: WhyArgs, ctx: &Context) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if args.text.is_empty() {
        let journal = storage::load_journal(&ctx.journal, ctx.cache())?;
        if journal.reasons.is_empty() {
            writeln!(out, "{}", words::NO_REASONS)?;
            return Ok(());
        }
        writeln!(out, "{}", words::REASONS_LIST_TITLE)?;
        for reason in &journal.reasons {
            writeln!(out, "  {}", terminal_safe(&reason.text))?;
        }
        return Ok(());
    }
    let reason = Reason {
        text: check_reason(&args.text.join(" ")).map_err(|why| anyhow!("{why}"))?,
    };
    // Known already: say so, and leave the journal as it is.
    let known = storage::load_journal_if_any(&ctx.journal, ctx.cache())?
        .is_some_and(|journal| journal.reasons.contains(&reason));
    if known {
        writeln!(out, "{}", words::REASON_ALREADY_KEPT)?;
        return Ok(());
    }
    let count = storage::modify(&ctx.journal, ctx.cache(), |journal, document| {
        if journal.reasons.contains(&reason) {
            bail!("{}", words::REASON_ALREADY_KEPT);
        }
        edit::append_reason(document, &reason);
        Ok(journal.reasons.len() + 1)
    })?;
    writeln!(out, "{}", words::reason_added(count))?;
    Ok(())
}
