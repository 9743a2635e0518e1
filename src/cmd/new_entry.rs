//! What every command that logs a new entry (add, reset) shares: choose its tracker, give it
//! an id, append it under the storage guarantees, and say where the tracker stands after it.

use std::io::Write;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::context::Context;
use crate::journal::{Entry, EntryKind, select};
use crate::storage;
use crate::streak::{self, Standing};
use crate::words::{days, entry};

/// Appends `draft` (its id and tracker left empty) to the tracker named, the settings' default
/// or the only one; returns the entry as written and the tracker's standing on `on` after it.
pub fn append(
    ctx: &Context,
    named: Option<&str>,
    how_to_name: &str,
    draft: Entry,
    on: NaiveDate,
) -> Result<(Entry, Option<Standing>)> {
    storage::append_entry(&ctx.journal, ctx.cache(), |summary| {
        let journal = &summary.as_journal();
        let tracker = select::one_tracker(journal, named, ctx.default_tracker(), how_to_name)?;
        if draft.date < tracker.since {
            bail!(
                "--date: {} is before {} started ({}); choose a day on or after it, or move the tracker's `since` in the journal",
                draft.date,
                tracker.name,
                tracker.since
            );
        }
        if draft.kind == EntryKind::Reset
            && journal
                .entries_for(&tracker.name)
                .any(|e| e.kind == EntryKind::Reset && e.date == draft.date)
        {
            bail!(crate::words::reset::already_on(&tracker.name, draft.date));
        }
        let entry = Entry {
            id: Some(crate::journal::edit::new_entry_id(|id| summary.has_id(id))?.into()),
            tracker: tracker.name.as_str().into(),
            ..draft.clone()
        };
        let entries = journal.entries_for(&tracker.name).chain([&entry]);
        let standing =
            streak::standing(tracker, entries, on, ctx.settings.ladder_for(&tracker.name));
        Ok((entry.clone(), (entry, standing)))
    })
}

/// Says what was logged, celebrates the day's milestone and tomorrow's, and how to take it back.
pub fn confirm(ctx: &Context, entry: &Entry, standing: Option<&Standing>) -> Result<()> {
    confirm_with(ctx, entry, standing, None)
}

/// `confirm`, with a line of the kind's own (`urge`, `pledge`) after the first.
pub fn confirm_with(
    ctx: &Context,
    entry: &Entry,
    standing: Option<&Standing>,
    kind_line: Option<&str>,
) -> Result<()> {
    let count = standing.map(|s| days::day_number(s.days, ctx.counting().days(s)));
    let mut lines = vec![entry::logged(entry, count.as_deref())];
    lines.extend(kind_line.map(str::to_owned));
    if let Some(s) = standing {
        lines.extend(entry::celebrations(s, ctx.settings.emoji));
    }
    lines.push(entry::take_back(entry.id.as_deref().unwrap_or_default()));
    let mut out = std::io::stdout().lock();
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
