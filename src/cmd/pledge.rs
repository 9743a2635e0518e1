//! `milestone pledge`: a promise for today, appended like `add`.

use anyhow::Result;

use crate::cli::PledgeArgs;
use crate::context::Context;
use crate::journal::{Entry, EntryKind};
use crate::words::urge as words;

pub fn run(args: PledgeArgs, ctx: &Context) -> Result<()> {
    let date = ctx.past_date("--date", args.date.as_deref())?;
    // A pledge needs no words: it never opens the editor or waits for standard input.
    let text = args.text.join(" ");
    let text = text.trim();
    let draft = Entry {
        text: (!text.is_empty()).then(|| text.to_owned()),
        ..Entry::draft(EntryKind::Pledge, date)
    };
    let (entry, standing) =
        super::new_entry::append(ctx, args.tracker.name(), "--tracker NAME", draft, date)?;

    super::new_entry::confirm_with(
        ctx,
        &entry,
        standing.as_ref(),
        Some(words::PLEDGE_ENCOURAGEMENT),
    )?;
    super::group::auto_post(ctx);
    crate::hooks::after_entry(ctx, &entry, standing.as_ref());
    Ok(())
}
