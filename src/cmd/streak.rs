//! `milestone streak`: where each tracker stands today (or `--on` a day).

use std::io::Write;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::cli::{StreakArgs, StreakFormat};
use crate::context::Context;
use crate::journal::{Journal, Tracker};
use crate::output::{Paint, json, streak_text};
use crate::settings::Settings;
use crate::storage;
use crate::streak::{self, Standing};

pub fn run(args: StreakArgs, ctx: &Context) -> Result<()> {
    let on = ctx.on_date(args.on.as_deref())?;
    let journal = storage::load_journal(&ctx.journal)?;
    let journal = &journal;
    let trackers = super::chosen_trackers(journal, args.tracker.as_deref())?;
    let standings = standings(journal, &trackers, on, &ctx.settings)?;

    let mut out = std::io::stdout().lock();
    match args.format {
        StreakFormat::Json => json::write_standings(&mut out, &standings)?,
        StreakFormat::Text => {
            let paint = Paint { color: ctx.color };
            let blocks: Vec<String> = standings
                .iter()
                .map(|s| streak_text::standing_block(s, ctx.counting(), paint))
                .collect();
            write!(out, "{}", blocks.join("\n"))?;
        }
    }
    Ok(())
}

/// The standing of each tracker on `on`, leaving out those that had not started yet.
pub fn standings(
    journal: &Journal,
    trackers: &[&Tracker],
    on: NaiveDate,
    settings: &Settings,
) -> Result<Vec<Standing>> {
    let standings: Vec<Standing> = trackers
        .iter()
        .filter_map(|t| {
            let ladder = settings.ladder_for(&t.name);
            streak::standing(t, journal.entries_for(&t.name), on, ladder)
        })
        .collect();
    if standings.is_empty() {
        match trackers {
            [one] => bail!(
                "{} starts on {}, after {on}; choose a day on or after it with --on",
                one.name,
                one.since
            ),
            _ => bail!("none of your trackers had started by {on}; choose a later day with --on"),
        }
    }
    Ok(standings)
}
