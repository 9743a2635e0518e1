//! One module per command; this file only dispatches, and holds what several commands share.

mod add;
mod check;
mod circle;
mod completions;
mod edit;
mod export;
mod import;
mod list;
mod merge_driver;
mod paths;
mod prompt;
mod remind;
mod report;
mod reset;
mod rm;
mod share;
mod start;
mod streak;

use anyhow::{Result, bail};

use crate::cli::{Cli, Command};
use crate::context::Context;
use crate::error::UsageError;
use crate::journal::{Journal, Tracker};

pub fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        // Completions need no journal, and must work even where there is no data folder.
        Command::Completions(args) => return completions::run(args),
        // git runs the driver on its own temporary files; no journal or settings are involved.
        Command::MergeDriver(args) => return merge_driver::run(args),
        // `paths` is how a person finds a broken settings file, so it must not need to read it.
        Command::Paths => return paths::run(&Context::without_settings(&cli)?),
        _ => {}
    }
    let ctx = Context::from_cli(&cli)?;
    match cli.command {
        Command::Start(args) => start::run(args, &ctx),
        Command::Add(args) => add::run(args, &ctx),
        Command::Reset(args) => reset::run(args, &ctx),
        Command::List(args) => list::run(args, &ctx),
        Command::Edit(args) => edit::run(args, &ctx),
        Command::Rm(args) => rm::run(args, &ctx),
        Command::Streak(args) => streak::run(args, &ctx),
        Command::Report(args) => report::run(args, &ctx),
        Command::Share(args) => share::run(args, &ctx),
        Command::Circle(args) => circle::run(args, &ctx),
        Command::Export(args) => export::run(args, &ctx),
        Command::Import(args) => import::run(args, &ctx),
        Command::Check => check::run(&ctx),
        Command::Prompt(args) => prompt::run(args, &ctx),
        Command::Remind(args) => remind::run(args, &ctx),
        Command::Completions(_) | Command::Paths | Command::MergeDriver(_) => {
            unreachable!("handled above")
        }
    }
}

/// The tracker named on the command line, else the settings' `default_tracker`, checked
/// against the journal so that a stale setting is blamed on the settings file.
fn named_or_default<'a>(
    journal: &Journal,
    named: Option<&'a str>,
    ctx: &'a Context,
) -> Result<Option<&'a str>> {
    if named.is_some() {
        return Ok(named);
    }
    let Some(default) = ctx.settings.default_tracker.as_deref() else {
        return Ok(None);
    };
    if journal.tracker(default).is_none() {
        let config = ctx
            .config
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        bail!(
            "the settings file {config} sets default_tracker = {default:?}, and there is no such tracker; your trackers are {} (fix default_tracker, or name a tracker on the command line)",
            journal.tracker_names().join(", ")
        );
    }
    Ok(Some(default))
}

/// Appends `draft` (its id and tracker left empty) to the tracker named, the settings' default or
/// the only one; returns the entry as written and the tracker's standing on `on` after it.
fn append_new_entry(
    ctx: &Context,
    named: Option<&str>,
    how_to_name: &str,
    draft: crate::journal::Entry,
    on: chrono::NaiveDate,
) -> Result<(crate::journal::Entry, Option<crate::streak::Standing>)> {
    crate::storage::append_entry(&ctx.journal, ctx.today, |summary| {
        let journal = &summary.as_journal();
        let tracker = tracker_for_entry(journal, named, how_to_name, draft.date, ctx)?;
        let entry = crate::journal::Entry {
            id: Some(crate::journal::edit::new_entry_id(|id| summary.has_id(id))?.into()),
            tracker: tracker.name.as_str().into(),
            ..draft.clone()
        };
        let entries = journal.entries_for(&tracker.name).chain([&entry]);
        let standing =
            crate::streak::standing(tracker, entries, on, ctx.settings.ladder_for(&tracker.name));
        Ok((entry.clone(), (entry, standing)))
    })
}

/// The tracker a new entry on `date` belongs to (named, the settings' default, or the only
/// one), which must have started by then.
fn tracker_for_entry<'j>(
    journal: &'j Journal,
    named: Option<&str>,
    how_to_name: &str,
    date: chrono::NaiveDate,
    ctx: &Context,
) -> Result<&'j Tracker> {
    let named = named_or_default(journal, named, ctx)?;
    let tracker = pick_tracker(journal, named, how_to_name)?;
    if date < tracker.since {
        bail!(
            "--date: {date} is before {} started ({}); choose a day on or after it, or move the tracker's `since` in the journal",
            tracker.name,
            tracker.since
        );
    }
    Ok(tracker)
}

/// The tracker a command is about: the one named, or the only one there is.
/// `how_to_name` says how to name one, for the message when there are several.
fn pick_tracker<'j>(
    journal: &'j Journal,
    named: Option<&str>,
    how_to_name: &str,
) -> Result<&'j Tracker> {
    if let Some(name) = named {
        return find_tracker(journal, name);
    }
    match journal.trackers.as_slice() {
        [] => bail!(no_trackers_yet()),
        [only] => Ok(only),
        several => {
            let names: Vec<&str> = several.iter().map(|t| t.name.as_str()).collect();
            Err(UsageError(format!(
                "you have several trackers ({}); name one with {how_to_name}",
                names.join(", ")
            ))
            .into())
        }
    }
}

/// The trackers a reading command shows: the one named, or all of them.
fn chosen_trackers<'j>(journal: &'j Journal, named: Option<&str>) -> Result<Vec<&'j Tracker>> {
    match named {
        Some(name) => Ok(vec![find_tracker(journal, name)?]),
        None if journal.trackers.is_empty() => bail!(no_trackers_yet()),
        None => Ok(journal.trackers.iter().collect()),
    }
}

fn find_tracker<'j>(journal: &'j Journal, name: &str) -> Result<&'j Tracker> {
    if let Some(tracker) = journal.tracker(name) {
        return Ok(tracker);
    }
    let known = journal.tracker_names();
    if known.is_empty() {
        bail!(
            "there is no tracker named {name:?}; begin one with `milestone start {}`",
            shell_word(name)
        )
    }
    bail!(
        "there is no tracker named {name:?}; your trackers are {} (or begin a new one with `milestone start NAME`)",
        known.join(", ")
    )
}

/// The full id of the entry `given` names: exactly, or by a unique beginning.
fn resolve_id(journal: &Journal, given: &str) -> Result<String> {
    if journal.has_id(given) {
        return Ok(given.to_owned());
    }
    let matches: Vec<&str> = journal
        .entries
        .iter()
        .filter_map(|e| e.id.as_deref())
        .filter(|id| !given.is_empty() && id.starts_with(given))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).to_owned()),
        [] => bail!(
            "no entry has the id {given:?}; `milestone list` shows each entry's id (entries written by hand get one with `milestone edit` only once they have an `id = \"...\"` line)"
        ),
        several => bail!(
            "{given:?} is the beginning of several ids ({}); give more of it",
            several.join(", ")
        ),
    }
}

/// "2026-11-24 alcohol check-in: went to a meeting", for confirmations.
fn describe_entry(entry: &crate::journal::Entry) -> String {
    let kind = entry.kind.label();
    let text = entry
        .text
        .as_deref()
        .map(|t| {
            let short: String = t.chars().take(60).collect();
            let more = if t.chars().count() > 60 { "…" } else { "" };
            format!(": {}{more}", crate::output::terminal_safe(&short))
        })
        .unwrap_or_default();
    format!("{} {} {kind}{text}", entry.date, entry.tracker)
}

fn no_trackers_yet() -> String {
    "you are not tracking anything yet; begin with `milestone start NAME` (for example `milestone start alcohol`)".into()
}

/// A name as it can be pasted into a shell; tracker names need no quoting once valid.
fn shell_word(name: &str) -> String {
    if !name.is_empty() && crate::journal::check_tracker_name(name).is_ok() {
        name.to_owned()
    } else {
        "NAME".to_owned()
    }
}
