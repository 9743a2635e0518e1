//! `milestone remind`: what is due today, each thing once a day, and the `on_milestone` hooks
//! that are due. Nothing due prints nothing, so cron and `xargs -r` stay quiet.

use std::io::Write;

use anyhow::Result;

use crate::cli::{RemindArgs, RemindFormat};
use crate::context::Context;
use crate::remind::{self, Reminder};
use crate::{hooks, output, state, storage};

pub fn run(args: RemindArgs, ctx: &Context) -> Result<()> {
    if !ctx.journal.exists() {
        return Ok(());
    }
    let journal = storage::load_journal(&ctx.journal, ctx.cache())?;
    let mut due = remind::due(&journal, ctx.today, &ctx.settings, args.all);
    due.extend(group_anniversaries(ctx));
    let due = not_said_today(ctx, due);

    if !due.is_empty() {
        let text = match args.format {
            RemindFormat::Text => output::remind_text::render(&due),
            RemindFormat::Json => output::remind_json::render(&due)?,
        };
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
    }
    hooks::milestones_due(ctx, &journal);
    Ok(())
}

/// Your groups' members' milestones today and tomorrow, from the group folders.
// Group folders are not on main yet: until they are, there is nothing to gather.
fn group_anniversaries(_ctx: &Context) -> Vec<Reminder> {
    Vec::new()
}

/// The reminders not said before today, now remembered as said. When the state cannot be
/// kept, everything is said (a repeat is better than a silence) with a warning.
fn not_said_today(ctx: &Context, due: Vec<Reminder>) -> Vec<Reminder> {
    if due.is_empty() {
        return due;
    }
    let kept = state::update(|s| {
        due.iter()
            .filter(|r| s.claim_reminder(ctx.today, &r.key))
            .cloned()
            .collect::<Vec<_>>()
    });
    kept.unwrap_or_else(|err| {
        crate::error::warn(&crate::words::remind::not_remembered(&err));
        due
    })
}
