//! `milestone reset`: record a slip. The streak restarts; history is never erased.

use std::io::Write;

use anyhow::Result;

use crate::cli::ResetArgs;
use crate::context::Context;
use crate::journal::{Entry, EntryKind};

pub fn run(args: ResetArgs, ctx: &Context) -> Result<()> {
    let date = ctx.past_date("--date", args.date.as_deref())?;
    let note = args
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());

    let draft = Entry {
        text: note,
        ..Entry::draft(EntryKind::Reset, date)
    };
    let (entry, standing) = super::append_new_entry(
        ctx,
        args.tracker.as_deref(),
        "`milestone reset NAME`",
        draft,
        ctx.today,
    )?;
    let tracker = &entry.tracker;

    let mut out = std::io::stdout().lock();
    writeln!(out, "Reset recorded for {tracker} on {date}.")?;
    if let Some(s) = &standing {
        let (total, of) = ctx.counting().total_of(s);
        if total == of {
            writeln!(
                out,
                "Every day still counts: {total} days {tracker}-free since {}.",
                s.since
            )?;
        } else {
            writeln!(
                out,
                "Every day still counts: {total} of {of} days {tracker}-free since {}.",
                s.since
            )?;
        }
        if s.start == date && s.days == 0 {
            writeln!(out, "Be gentle with yourself. A new streak starts today.")?;
        } else if s.start == date {
            writeln!(
                out,
                "Be gentle with yourself. Your new streak is already {} old.",
                crate::output::plural(ctx.counting().days(s), "day")
            )?;
        }
    }
    crate::hooks::after_entry(ctx, &entry, standing.as_ref());
    Ok(())
}
