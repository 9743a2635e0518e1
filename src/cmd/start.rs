//! `milestone start NAME`: begin tracking something.

use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::StartArgs;
use crate::context::Context;
use crate::journal::{Tracker, check_tracker_name, edit};
use crate::storage;

pub fn run(args: StartArgs, ctx: &Context) -> Result<()> {
    if let Err(why) = check_tracker_name(&args.name) {
        bail!("{why}; try a name such as \"alcohol\" or \"no-smoking\"");
    }
    let since = ctx.past_date("--since", args.since.as_deref())?;
    let tracker = Tracker {
        cost_per_day: args.cost_per_day,
        private: args.private,
        phrase: args.phrase,
        ..Tracker::new(args.name, since)
    };
    storage::modify(&ctx.journal, ctx.today, |journal, document| {
        if let Some(known) = journal.tracker(&tracker.name) {
            bail!(
                "you already track {:?} (names are the same whatever their case); see it with `milestone streak {}`, or choose another name",
                known.name,
                known.name
            );
        }
        edit::append_tracker(document, &tracker);
        Ok(())
    })?;

    let days = (ctx.today - since).num_days();
    let mut out = std::io::stdout().lock();
    if days == 0 {
        writeln!(
            out,
            "Started tracking {} today. Day one of something good.",
            tracker.name
        )?;
    } else {
        writeln!(
            out,
            "Started tracking {} from {since}: {} already.",
            tracker.name,
            crate::output::plural(days, "day")
        )?;
    }
    Ok(())
}
