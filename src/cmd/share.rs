//! `milestone share`: a short celebratory text on stdout, ready to pipe into a chat.

use std::io::Write;

use anyhow::Result;

use crate::cli::ShareArgs;
use crate::context::Context;
use crate::output::share::{self, ShareOptions, ShareStyle, TrackerDay};
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
    let named = args
        .tracker
        .as_deref()
        .or(ctx.settings.default_tracker.as_deref());
    let trackers = super::chosen_trackers(journal, named)?;
    let standings = super::streak::standings(journal, &trackers, on, &ctx.settings)?;
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
        emoji: ctx.settings.emoji && !args.no_emoji,
        with_notes: args.with_notes,
        counting: ctx.counting(),
    };
    let style = args
        .style
        .or(ctx.settings.share_style)
        .unwrap_or(ShareStyle::Plain);
    let text = match style {
        ShareStyle::Plain => share::plain(&days, &options),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
