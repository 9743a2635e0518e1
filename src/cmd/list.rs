//! `milestone list`: the journal's entries, oldest first, filtered.

use std::io::Write;

use anyhow::Result;

use crate::cli::{ListArgs, ListFormat};
use crate::context::Context;
use crate::journal::Entry;
use crate::output::{json_entries, table};
use crate::words::list as words;

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
    let journal = super::reading::journal(ctx)?;
    let journal = &journal;
    let tracker = args
        .tracker
        .as_deref()
        .map(|name| crate::journal::select::find_tracker(journal, name))
        .transpose()?;
    let grep = args.grep.as_deref().map(str::to_lowercase);

    let mut entries: Vec<&Entry> = journal
        .entries
        .iter()
        .filter(|e| tracker.is_none_or(|t| e.tracker == t.name))
        .filter(|e| since.is_none_or(|d| e.date >= d))
        .filter(|e| until.is_none_or(|d| e.date <= d))
        .filter(|e| args.kind.is_none_or(|k| e.kind == k))
        .filter(|e| {
            args.tag
                .as_ref()
                .is_none_or(|t| e.tags.iter().any(|tag| tag == t))
        })
        .filter(|e| grep.as_deref().is_none_or(|word| mentions(e, word)))
        .collect();
    // Stable: entries of one day keep the order they were written in.
    entries.sort_by_key(|e| e.date);
    let terminal = ctx.stdout_is_terminal();
    let table_on_terminal = terminal && args.format == ListFormat::Table;
    let limit = match args.limit {
        Some(limit) => Some(limit),
        None if table_on_terminal && !args.all => Some(words::RECENT),
        None => None,
    };
    let total = entries.len();
    if let Some(limit) = limit {
        entries.drain(..entries.len().saturating_sub(limit));
    }

    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Json => json_entries::write(&mut out, entries)?,
        ListFormat::Table if entries.is_empty() => {
            match (since, until) {
                _ if journal.entries.is_empty() => writeln!(out, "{}", words::no_entries_yet())?,
                (Some(since), Some(until)) if since > until => {
                    writeln!(out, "{}", words::empty_range(since, until))?
                }
                _ => writeln!(out, "{}", words::none_match())?,
            };
        }
        ListFormat::Table => {
            let width = terminal.then(table::terminal_width).flatten();
            writeln!(out, "{}", table::entries_table(&entries, terminal, width))?;
            // Said only when the default cut entries off; an explicit --limit is the person's.
            if args.limit.is_none() && entries.len() < total {
                writeln!(out, "{}", words::more_entries(entries.len(), total))?;
            }
        }
    }
    Ok(())
}

/// Whether the entry's text or one of its tags contains `word` (already lower case).
fn mentions(entry: &Entry, word: &str) -> bool {
    entry
        .text
        .as_deref()
        .into_iter()
        .chain(entry.tags.iter().map(|t| t.as_str()))
        .any(|t| t.to_lowercase().contains(word))
}
