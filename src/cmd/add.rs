//! `milestone add`: log a check-in or a win.

use std::io::{Read, Write};

use anyhow::{Context as _, Result, bail};

use crate::cli::AddArgs;
use crate::context::Context;
use crate::journal::{Entry, EntryKind, clean_tags};
use crate::storage;
use crate::words::{add as add_words, editor as editor_words};

pub fn run(args: AddArgs, ctx: &Context) -> Result<()> {
    let date = ctx.past_date("--date", args.date.as_deref())?;
    let mood = args.mood;
    let tags = clean_tags(args.tags).map_err(|why| anyhow::anyhow!("--tag: {why}"))?;
    let Some(text) = entry_text(args.text, !args.no_edit, ctx)? else {
        writeln!(std::io::stdout().lock(), "{}", editor_words::empty_note())?;
        return Ok(());
    };
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
        tags: tags.into_iter().map(Into::into).collect(),
        private: args.private,
        ..Entry::draft(kind, date)
    };
    let (entry, standing) =
        super::new_entry::append(ctx, args.tracker.name(), "--tracker NAME", draft, date)?;

    super::new_entry::confirm(ctx, &entry, standing.as_ref())?;
    super::group::auto_post(ctx);
    crate::hooks::after_entry(ctx, &entry, standing.as_ref());
    Ok(())
}

/// The note: the words given, else standard input when it is piped, else (on a terminal)
/// whatever the person writes in their editor, as `git commit` does. `None` when the person
/// cancelled by leaving the editor's note empty.
pub(super) fn entry_text(
    words: Vec<String>,
    may_edit: bool,
    ctx: &Context,
) -> Result<Option<Option<String>>> {
    let text = if !words.is_empty() {
        if stdin_has_data(ctx) {
            crate::error::warn(add_words::arguments_over_stdin());
        }
        words.join(" ")
    } else if !ctx.stdin_is_terminal() {
        let mut piped = String::new();
        std::io::stdin()
            .read_to_string(&mut piped)
            .context("could not read the note from standard input (is it UTF-8 text?)")?;
        piped
    } else if may_edit && ctx.journal.exists() {
        let note = note_from_editor(ctx)?;
        if note.trim().is_empty() {
            return Ok(None);
        }
        note
    } else {
        String::new()
    };
    let text = text.trim();
    Ok(Some((!text.is_empty()).then(|| text.to_owned())))
}

/// Whether standard input, not a terminal, has something to read right now. Never waits: a
/// pipe nobody writes to (a cron job's, a GUI's) is not something the person gave.
fn stdin_has_data(ctx: &Context) -> bool {
    use std::os::fd::AsRawFd;
    if ctx.stdin_is_terminal() {
        return false;
    }
    let stdin = std::io::stdin();
    let mut poll = libc::pollfd {
        fd: stdin.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, and a zero timeout.
    let ready = unsafe { libc::poll(&mut poll, 1, 0) };
    if ready <= 0 || poll.revents & libc::POLLIN == 0 {
        return false;
    }
    let mut first = [0u8; 256];
    stdin
        .lock()
        .read(&mut first)
        .is_ok_and(|n| first[..n].iter().any(|b| !b.is_ascii_whitespace()))
}

fn note_from_editor(ctx: &Context) -> Result<String> {
    let scratch = storage::scratch_copy(&ctx.journal, editor_words::NOTE_TEMPLATE, ".md")?;
    crate::editor::edit_file(&ctx.editor()?, scratch.path())?;
    let written = std::fs::read_to_string(scratch.path())
        .context("could not read the note back from the editor")?;
    let kept: Vec<&str> = written
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .collect();
    Ok(kept.join("\n"))
}
