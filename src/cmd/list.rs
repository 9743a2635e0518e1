//! `milestone list`: the journal's entries, oldest first, filtered.

use std::io::{IsTerminal, Write};

use anyhow::Result;

use crate::cli::{ListArgs, ListFormat};
use crate::context::Context;
use crate::journal::Entry;
use crate::output::{json, table};
use crate::storage;

pub fn run(args: ListArgs, ctx: &Context) -> Result<()> {
    let since = args
        .since
        .as_deref()
        .map(|d| ctx.date("--since", d))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|d| ctx.date("--until", d))
        .transpose()?;
    let journal = storage::load_journal(&ctx.journal, ctx.today)?;
    let journal = &journal;
    let tracker = args
        .tracker
        .as_deref()
        .map(|name| crate::journal::select::find_tracker(journal, name))
        .transpose()?;

    let mut entries: Vec<&Entry> = journal
        .entries
        .iter()
        .filter(|e| tracker.is_none_or(|t| e.tracker == t.name))
        .filter(|e| since.is_none_or(|d| e.date >= d))
        .filter(|e| until.is_none_or(|d| e.date <= d))
        .filter(|e| args.kind.is_none_or(|k| e.kind == k))
        .filter(|e| args.tag.as_ref().is_none_or(|t| e.tags.contains(t)))
        .collect();
    // Stable: entries of one day keep the order they were written in.
    entries.sort_by_key(|e| e.date);
    if let Some(limit) = args.limit {
        entries.drain(..entries.len().saturating_sub(limit));
    }

    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Json => json::write_entries(&mut out, entries)?,
        ListFormat::Table if entries.is_empty() => {
            let why = if journal.entries.is_empty() {
                "No entries yet. Log your first with `milestone add \"how today went\"`."
            } else {
                "No entries match."
            };
            writeln!(out, "{why}")?;
        }
        ListFormat::Table => {
            let terminal = std::io::stdout().is_terminal();
            writeln!(out, "{}", table::entries_table(entries, terminal))?;
        }
    }
    Ok(())
}
