//! `milestone reset`: record a slip. The streak restarts; history is never erased.

use std::io::Write;

use anyhow::Result;

use crate::ask;
use crate::cli::ResetArgs;
use crate::context::Context;
use crate::journal::{Entry, EntryKind, select};
use crate::storage;
use crate::words::entry;

const HOW_TO_NAME: &str = "`milestone reset NAME`";

pub fn run(args: ResetArgs, ctx: &Context) -> Result<()> {
    let date = ctx.past_date("--date", args.date.as_deref())?;
    let note = args
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());

    // One exploratory `reset` must not end a long streak: on a terminal, ask first.
    let mut named = args.tracker.name().map(str::to_owned);
    if !args.yes && ctx.stdin_is_terminal() {
        let journal = storage::load_journal(&ctx.journal, ctx.cache())?;
        let tracker = select::one_tracker(
            &journal,
            named.as_deref(),
            ctx.default_tracker(),
            HOW_TO_NAME,
        )?;
        if !ask::yes_or_no(&entry::reset_question(&tracker.name, date))? {
            writeln!(std::io::stdout().lock(), "{}", entry::RESET_DECLINED)?;
            return Ok(());
        }
        named = Some(tracker.name.clone());
    }

    let draft = Entry {
        text: note,
        ..Entry::draft(EntryKind::Reset, date)
    };
    let (written, standing) =
        super::new_entry::append(ctx, named.as_deref(), HOW_TO_NAME, draft, ctx.today)?;

    let mut out = std::io::stdout().lock();
    for line in entry::reset_recorded(&written, standing.as_ref(), ctx.counting()) {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{}",
        entry::take_back(written.id.as_deref().unwrap_or_default())
    )?;
    drop(out);
    super::group::auto_post(ctx);
    crate::hooks::after_entry(ctx, &written, standing.as_ref());
    Ok(())
}
