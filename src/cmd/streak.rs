//! `milestone streak`: where each tracker stands today (or `--on` a day).

use std::io::Write;

use anyhow::Result;

use crate::cli::{StreakArgs, StreakFormat};
use crate::context::Context;
use crate::journal::select;
use crate::output::{Paint, json, streak_text};
use crate::storage;
use crate::streak;

pub fn run(args: StreakArgs, ctx: &Context) -> Result<()> {
    let on = ctx.on_date(args.on.as_deref())?;
    let journal = storage::load_journal(&ctx.journal, ctx.today)?;
    let journal = &journal;
    let trackers = select::shown_trackers(journal, args.tracker.name())?;
    let standings = streak::standings(journal, &trackers, on, &ctx.settings)?;

    let mut out = std::io::stdout().lock();
    match args.format {
        StreakFormat::Json => json::write_standings(&mut out, &standings)?,
        StreakFormat::Text => {
            let paint = Paint { color: ctx.color };
            let blocks: Vec<String> = standings
                .iter()
                .map(|s| streak_text::standing_block(s, ctx.counting(), paint, ctx.today))
                .collect();
            write!(out, "{}", blocks.join("\n"))?;
        }
    }
    Ok(())
}
