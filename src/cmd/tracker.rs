//! `milestone tracker [NAME ...]`: list the trackers, or change one of them.

use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::TrackerArgs;
use crate::context::Context;
use crate::journal::edit::{self, TrackerChanges};
use crate::journal::{check_phrase, check_tracker_name, select};
use crate::storage;
use crate::words::tracker as words;

pub fn run(args: TrackerArgs, ctx: &Context) -> Result<()> {
    let Some(name) = args.name else {
        let journal = storage::load_journal(&ctx.journal, ctx.cache())?;
        write!(
            std::io::stdout().lock(),
            "{}",
            words::listing(&journal.trackers)
        )?;
        return Ok(());
    };
    let changes = TrackerChanges {
        rename: args
            .rename
            .map(|new| match check_tracker_name(&new) {
                Ok(()) => Ok(new),
                Err(why) => Err(crate::error::UsageError(format!("--rename: {why}"))),
            })
            .transpose()?,
        since: args
            .since
            .as_deref()
            .map(|d| ctx.past_date("--since", Some(d)))
            .transpose()?,
        cost_per_day: args.cost_per_day.map(|c| (c > 0.0).then_some(c)),
        phrase: args
            .phrase
            .map(|p| match p.trim() {
                "" => Ok(None),
                p => check_phrase(p)
                    .map(|()| Some(p.to_owned()))
                    .map_err(|why| crate::error::UsageError(format!("--phrase: {why}"))),
            })
            .transpose()?,
        private: match (args.private, args.shareable) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
    };
    if changes.is_empty() {
        return Err(crate::error::UsageError(words::NOTHING_TO_CHANGE.into()).into());
    }

    let (before, renamed) = storage::modify(&ctx.journal, ctx.cache(), |journal, document| {
        let tracker = select::find_tracker(journal, &name)?.clone();
        if let Some(new) = &changes.rename
            && let Some(other) = journal.tracker(new)
            && other.name != tracker.name
        {
            bail!(
                "there is already a tracker named {:?}; choose another name",
                other.name
            );
        }
        if let Some(since) = changes.since
            && let Some(first) = journal
                .entries_for(&tracker.name)
                .map(|e| e.date)
                .min()
                .filter(|first| *first < since)
        {
            bail!(
                "--since: {} has entries from {first}, before {since}; choose a day on or before {first}",
                tracker.name
            );
        }
        // The journal cannot be wrong here: it loaded without errors and the tracker exists.
        let renamed = edit::update_tracker(document, &tracker.name, &changes).unwrap_or(0);
        Ok((tracker, renamed))
    })?;

    let mut out = std::io::stdout().lock();
    for line in words::changed(&before, &changes, renamed) {
        writeln!(out, "{line}")?;
    }
    // Settings name trackers too; they are the person's own file, so say so rather than edit it.
    if let Some(new) = &changes.rename {
        let settings = &ctx.settings;
        let named_in_settings = settings
            .default_tracker
            .as_deref()
            .is_some_and(|d| crate::journal::same_tracker_name(d, &before.name))
            || settings.names_tracker(&before.name);
        if named_in_settings {
            writeln!(out, "{}", words::settings_still_name(&before.name, new))?;
        }
    }
    Ok(())
}
