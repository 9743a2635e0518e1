//! `milestone share`: a short celebratory text on stdout, ready to pipe into a chat.

use std::io::Write;

use anyhow::Result;

use crate::cli::{ShareArgs, ShareStyle};
use crate::context::Context;
use crate::output::share::{self, ShareOptions, TrackerDay};
use crate::storage;

pub fn run(args: ShareArgs, ctx: &Context) -> Result<()> {
    let on = args
        .on
        .as_deref()
        .map(|d| ctx.date("--on", d))
        .transpose()?
        .unwrap_or(ctx.today);
    let loaded = storage::load(&ctx.journal, ctx.today)?;
    let journal = loaded.journal();
    let trackers = super::chosen_trackers(journal, args.tracker.as_deref())?;
    let standings = super::streak::standings(journal, &trackers, on)?;
    let days: Vec<TrackerDay> = standings
        .iter()
        .map(|standing| TrackerDay {
            standing,
            entries: journal
                .entries_for(&standing.tracker)
                .filter(|e| e.date == on)
                .collect(),
        })
        .collect();
    let options = ShareOptions {
        emoji: !args.no_emoji,
        with_notes: args.with_notes,
    };
    let text = match args.style {
        ShareStyle::Plain => share::plain(&days, &options),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
