//! `milestone edit`: change one entry by its id, or edit the whole journal in the editor and
//! have it checked before it is saved (like `crontab -e`): a broken journal is never saved.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Result, bail};

use crate::cli::EditArgs;
use crate::context::Context;
use crate::journal::edit::{self, EntryChanges};
use crate::journal::{EntryKind, clean_tags, parse};
use crate::output::terminal_safe;
use crate::{editor, storage};

pub fn run(args: EditArgs, ctx: &Context) -> Result<()> {
    match args.id.clone() {
        Some(id) => edit_entry(&id, args, ctx),
        None => edit_whole_journal(ctx),
    }
}

fn edit_entry(given: &str, args: EditArgs, ctx: &Context) -> Result<()> {
    let changes = EntryChanges {
        text: args.text.map(|t| t.trim().to_owned()),
        date: args
            .date
            .as_deref()
            .map(|d| ctx.past_date("--date", Some(d)))
            .transpose()?,
        mood: args.mood,
        tags: (!args.tags.is_empty())
            .then(|| clean_tags(&args.tags))
            .transpose()
            .map_err(|why| anyhow::anyhow!("--tag: {why}"))?,
        private: match (args.private, args.public) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
    };
    if changes.is_empty() {
        bail!(
            "nothing to change; give --text, --date, --mood, --tag, --private or --public (or no id, to edit the whole journal)"
        );
    }

    let described = storage::modify(&ctx.journal, ctx.today, |journal, document| {
        let id = crate::journal::select::resolve_id(journal, given)?;
        let Some(entry) = journal
            .entries
            .iter()
            .find(|e| e.id.as_deref() == Some(id.as_str()))
        else {
            bail!("no entry has the id {id:?}");
        };
        if let (Some(date), Some(tracker)) = (changes.date, journal.tracker(&entry.tracker))
            && date < tracker.since
        {
            bail!(
                "--date: {date} is before {} started ({}); choose a day on or after it",
                tracker.name,
                tracker.since
            );
        }
        if entry.kind == EntryKind::Win && changes.text.as_deref() == Some("") {
            bail!("--text: a win needs your words");
        }
        edit::update_entry(document, &id, &changes);
        let mut changed = entry.clone();
        if let Some(text) = &changes.text {
            changed.text = Some(text.clone());
        }
        if let Some(date) = changes.date {
            changed.date = date;
        }
        Ok(format!(
            "{id} ({})",
            crate::words::entry::describe(&changed)
        ))
    })?;
    writeln!(std::io::stdout().lock(), "Updated {described}.")?;
    Ok(())
}

fn edit_whole_journal(ctx: &Context) -> Result<()> {
    let Some(original) = storage::read(&ctx.journal, ctx.today)?.map(|l| l.text) else {
        bail!(
            "there is no journal at {} yet; begin one with `milestone start NAME`",
            ctx.journal.display()
        );
    };
    let scratch = storage::scratch_copy(&ctx.journal, &original)?;
    let mut out = std::io::stdout().lock();
    loop {
        editor::edit_file(scratch.path())?;
        let edited = std::fs::read_to_string(scratch.path())?;
        if edited == original {
            writeln!(out, "No changes.")?;
            return Ok(());
        }
        let parsed = parse::parse(&edited, Some(ctx.today));
        let problems: Vec<String> = parsed
            .errors()
            .map(|p| terminal_safe(&p.located(&ctx.journal, &edited)).into_owned())
            .collect();
        if problems.is_empty() {
            if let Err(err) = storage::replace(&ctx.journal, &original, &edited, ctx.today) {
                let kept = scratch.keep().map(|(_, path)| path).ok();
                let kept = kept
                    .map(|p| format!("; your edited copy is kept at {}", p.display()))
                    .unwrap_or_default();
                return Err(err.context(format!("nothing was saved{kept}")));
            }
            writeln!(out, "Saved {}.", ctx.journal.display())?;
            return Ok(());
        }
        let report = format!(
            "the edited journal has {}, so it was not saved; the journal is unchanged\n  {}",
            crate::output::plural(problems.len() as i64, "problem"),
            problems.join("\n  ")
        );
        if !std::io::stdin().is_terminal() {
            bail!(report);
        }
        let mut err = std::io::stderr().lock();
        writeln!(err, "{report}")?;
        write!(err, "Edit again (e) or abort (a)? [e] ")?;
        err.flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if answer.trim().to_lowercase().starts_with('a') {
            writeln!(out, "Aborted; the journal is unchanged.")?;
            return Ok(());
        }
    }
}
