//! `milestone edit`: change one entry by its id, or edit the whole journal in the editor and
//! have it checked before it is saved (like `crontab -e`): a broken journal is never saved.

use std::io::{BufRead, Write};

use anyhow::{Result, bail};

use crate::cli::EditArgs;
use crate::context::Context;
use crate::journal::edit::{self, EntryChanges};
use crate::journal::{EntryKind, clean_tags, parse};
use crate::output::terminal_safe;
use crate::words::edit as words;
use crate::{editor, storage};

pub fn run(args: EditArgs, ctx: &Context) -> Result<()> {
    match args.id.clone() {
        Some(id) => edit_entry(&id, args, ctx),
        None => edit_whole_journal(ctx),
    }
}

fn edit_entry(given: &str, args: EditArgs, ctx: &Context) -> Result<()> {
    let mood = match (args.mood, args.no_mood) {
        (_, true) => Some(None),
        (mood, false) => mood.map(Some),
    };
    let tags = match (args.no_tags, args.tags.is_empty()) {
        (true, _) => Some(Vec::new()),
        (false, false) => {
            Some(clean_tags(&args.tags).map_err(|why| anyhow::anyhow!("--tag: {why}"))?)
        }
        (false, true) => None,
    };
    let mut changes = EntryChanges {
        text: args.text.map(|t| t.trim().to_owned()),
        date: args
            .date
            .as_deref()
            .map(|d| ctx.past_date("--date", Some(d)))
            .transpose()?,
        mood,
        tracker: None,
        kind: args.kind,
        tags,
        private: match (args.private, args.public) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
    };
    if changes.is_empty() && args.tracker.is_none() {
        bail!(words::nothing_to_change());
    }

    let described = storage::modify(&ctx.journal, ctx.cache(), |journal, document| {
        let id = crate::journal::select::resolve_id(journal, given)?;
        let Some(entry) = journal
            .entries
            .iter()
            .find(|e| e.id.as_deref() == Some(id.as_str()))
        else {
            bail!("no entry has the id {id:?}");
        };
        // The tracker as it was started, whatever case it was given in.
        let tracker = match &args.tracker {
            Some(name) => Some(crate::journal::select::find_tracker(journal, name)?),
            None => journal.tracker(&entry.tracker),
        };
        changes.tracker = args
            .tracker
            .as_ref()
            .and(tracker)
            .map(|t| t.name.to_string());
        let mut changed = entry.clone();
        if let Some(text) = &changes.text {
            changed.text = (!text.is_empty()).then(|| text.clone());
        }
        if let Some(date) = changes.date {
            changed.date = date;
        }
        if let Some(tracker) = &changes.tracker {
            changed.tracker = tracker.as_str().into();
        }
        if let Some(kind) = changes.kind {
            changed.kind = kind;
        }
        if let Some(tracker) = tracker
            && changed.date < tracker.since
        {
            let flag = if changes.date.is_some() {
                "--date"
            } else {
                "--tracker"
            };
            bail!(
                "{flag}: {} is before {} started ({}); choose a day on or after it",
                changed.date,
                tracker.name,
                tracker.since
            );
        }
        if changed.kind == EntryKind::Win && changed.text.is_none() {
            bail!(words::win_needs_words());
        }
        if changed.kind == EntryKind::Reset
            && journal.entries.iter().any(|e| {
                e.id != changed.id
                    && e.kind == EntryKind::Reset
                    && e.tracker == changed.tracker
                    && e.date == changed.date
            })
        {
            bail!(crate::words::reset::already_on(
                &changed.tracker,
                changed.date
            ));
        }
        edit::update_entry(document, &id, &changes);
        Ok(format!(
            "{id} ({})",
            crate::words::entry::describe(&changed)
        ))
    })?;
    writeln!(std::io::stdout().lock(), "Updated {described}.")?;
    Ok(())
}

fn edit_whole_journal(ctx: &Context) -> Result<()> {
    let Some(original) = storage::read_text(&ctx.journal)? else {
        bail!(
            "there is no journal at {} yet; begin one with `milestone start NAME`",
            ctx.journal.display()
        );
    };
    let scratch = storage::scratch_copy(&ctx.journal, &original, ".toml")?;
    let mut out = std::io::stdout().lock();
    loop {
        editor::edit_file(&ctx.editor()?, scratch.path())?;
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
            if let Err(err) = storage::replace(&ctx.journal, ctx.cache(), &original, &edited) {
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
        if !ctx.stdin_is_terminal() {
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
