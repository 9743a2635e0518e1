//! `milestone reset`: record a slip. The streak restarts; history is never erased.

use std::io::Write;

use anyhow::Result;

use crate::cli::ResetArgs;
use crate::context::Context;
use crate::journal::{Entry, EntryKind, edit};
use crate::{storage, streak};

pub fn run(args: ResetArgs, ctx: &Context) -> Result<()> {
    let date = ctx.past_date("--date", args.date.as_deref())?;
    let note = args
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());

    let (tracker, standing) = storage::append_entry(&ctx.journal, ctx.today, |summary| {
        let journal = &summary.as_journal();
        let tracker = super::tracker_for_entry(
            journal,
            args.tracker.as_deref(),
            "`milestone reset NAME`",
            date,
            ctx,
        )?;
        let entry = Entry {
            id: Some(edit::new_entry_id(|id| summary.has_id(id))?.into()),
            date,
            tracker: tracker.name.as_str().into(),
            kind: EntryKind::Reset,
            text: note.clone(),
            mood: None,
            tags: Vec::new(),
            private: false,
        };
        let entries = journal.entries_for(&tracker.name).chain([&entry]);
        let standing = streak::standing(
            tracker,
            entries,
            ctx.today,
            ctx.settings.ladder_for(&tracker.name),
        );
        Ok((entry, (tracker.name.clone(), standing)))
    })?;

    let mut out = std::io::stdout().lock();
    writeln!(out, "Reset recorded for {tracker} on {date}.")?;
    if let Some(s) = standing {
        let (total, of) = ctx.counting().total_of(&s);
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
                crate::output::plural(ctx.counting().days(&s), "day")
            )?;
        }
    }
    Ok(())
}
