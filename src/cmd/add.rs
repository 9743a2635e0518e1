//! `milestone add`: log a check-in or a win.

use std::io::{IsTerminal, Read};

use anyhow::{Context as _, Result, bail};

use crate::cli::AddArgs;
use crate::context::Context;
use crate::journal::{Entry, EntryKind, clean_tags};
use crate::storage;

pub fn run(args: AddArgs, ctx: &Context) -> Result<()> {
    let date = ctx.past_date("--date", args.date.as_deref())?;
    let mood = args.mood;
    let tags = clean_tags(args.tags).map_err(|why| anyhow::anyhow!("--tag: {why}"))?;
    let text = entry_text(args.text, !args.no_edit, ctx)?;
    let kind = if args.win {
        EntryKind::Win
    } else {
        EntryKind::Checkin
    };
    if kind == EntryKind::Win && text.is_none() {
        bail!("a win needs your words; for example: milestone add --win \"got my licence back\"");
    }

    let draft = Entry {
        text,
        mood,
        tags,
        private: args.private,
        ..Entry::draft(kind, date)
    };
    let (entry, standing) =
        super::new_entry::append(ctx, args.tracker.as_deref(), "--tracker NAME", draft, date)?;

    super::new_entry::confirm(ctx, &entry, standing.as_ref())?;
    crate::hooks::after_entry(ctx, &entry, standing.as_ref());
    Ok(())
}

/// The note: the words given, or standard input when it is piped and no words were given.
/// The note: the words given, else standard input when it is piped, else (on a terminal)
/// whatever the person writes in their editor, as `git commit` does.
fn entry_text(words: Vec<String>, may_edit: bool, ctx: &Context) -> Result<Option<String>> {
    let text = if !words.is_empty() {
        words.join(" ")
    } else if !std::io::stdin().is_terminal() {
        let mut piped = String::new();
        std::io::stdin()
            .read_to_string(&mut piped)
            .context("could not read the note from standard input (is it UTF-8 text?)")?;
        piped
    } else if may_edit && ctx.journal.exists() {
        note_from_editor(ctx)?
    } else {
        String::new()
    };
    let text = text.trim();
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

const NOTE_TEMPLATE: &str = "
# How was today? Write your note above.
# Lines starting with '#' are left out; an empty note logs a check-in without one.
";

fn note_from_editor(ctx: &Context) -> Result<String> {
    let scratch = storage::scratch_copy(&ctx.journal, NOTE_TEMPLATE)?;
    crate::editor::edit_file(scratch.path())?;
    let written = std::fs::read_to_string(scratch.path())
        .context("could not read the note back from the editor")?;
    let kept: Vec<&str> = written
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .collect();
    Ok(kept.join("\n"))
}
