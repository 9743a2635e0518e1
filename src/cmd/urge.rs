//! `milestone urge`: log a craving ridden out, appended like `add`.

use anyhow::Result;

use crate::cli::UrgeArgs;
use crate::context::Context;
use crate::error::UsageError;
use crate::journal::{Entry, EntryKind, clean_tags};
use crate::words::urge as words;

pub fn run(args: UrgeArgs, ctx: &Context) -> Result<()> {
    let date = ctx.past_date("--date", args.date.as_deref())?;
    // Each trigger was checked on the command line; repeats are dropped as for tags.
    let triggers = clean_tags(args.triggers).map_err(UsageError)?;
    // Never the editor: in the middle of a craving, logging it must take one line.
    let text = super::add::entry_text(args.text, false, ctx)?.flatten();
    let draft = Entry {
        text,
        intensity: args.intensity,
        triggers,
        private: args.private,
        ..Entry::draft(EntryKind::Urge, date)
    };
    let (entry, standing) =
        super::new_entry::append(ctx, args.tracker.name(), "--tracker NAME", draft, date)?;

    super::new_entry::confirm_with(ctx, &entry, standing.as_ref(), Some(words::URGE_PRAISE))?;
    super::group::auto_post(ctx);
    crate::hooks::after_entry(ctx, &entry, standing.as_ref());
    Ok(())
}
