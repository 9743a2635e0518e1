//! `milestone start NAME`: begin tracking something.

use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::StartArgs;
use crate::context::Context;
use crate::journal::{Tracker, check_tracker_name, edit};
use crate::storage;
use crate::words::start as words;

pub fn run(args: StartArgs, ctx: &Context) -> Result<()> {
    if let Err(why) = check_tracker_name(&args.name) {
        bail!("{why}; try a name such as \"alcohol\" or \"no-smoking\"");
    }
    let since = ctx.past_date("--since", args.since.as_deref())?;
    // No one's streak began a century ago: a year like 1900 or 1026 is a slip of the keyboard.
    if ctx
        .today
        .checked_sub_months(chrono::Months::new(12 * words::MAX_YEARS_AGO))
        .is_none_or(|limit| since < limit)
    {
        bail!(words::too_long_ago(since));
    }
    let tracker = Tracker {
        cost_per_day: args.cost_per_day,
        private: args.private,
        phrase: args.phrase,
        ..Tracker::new(args.name, since)
    };
    storage::modify(&ctx.journal, ctx.cache(), |journal, document| {
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
    writeln!(out, "{}", words::started(&tracker.name, since, days))?;
    if tracker.private {
        writeln!(out, "{}", words::PRIVATE)?;
    }
    Ok(())
}
