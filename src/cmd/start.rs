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
    if let Some(cost) = args.cost_per_day
        && !(cost.is_finite() && cost >= 0.0)
    {
        bail!("--cost-per-day must be a number of 0 or more, such as 12.5");
    }
    let tracker = Tracker {
        cost_per_day: args.cost_per_day,
        ..Tracker::new(args.name, since)
    };
    storage::modify(&ctx.journal, |journal, document| {
        if journal.tracker(&tracker.name).is_some() {
            bail!(
                "you already track {:?}; see it with `milestone streak {}`, or choose another name",
                tracker.name,
                tracker.name
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
