//! `milestone pledge`: a promise for today, appended like `add`.

use std::io::Write;

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
        super::append_new_entry(ctx, args.tracker.as_deref(), "--tracker NAME", draft, date)?;

    let id = entry.id.as_deref().unwrap_or("");
    let day = standing.as_ref().map(|s| ctx.counting().days(s));
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        words::pledge_logged(&entry.tracker, entry.date, day, id)
    )?;
    writeln!(out, "{}", words::PLEDGE_ENCOURAGEMENT)?;
    writeln!(out, "{}", words::take_back(id))?;
    Ok(())
}
