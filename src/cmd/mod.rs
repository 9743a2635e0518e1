//! One module per command; this file only dispatches, and holds what several commands share.

mod add;
mod check;
mod circle;
mod completions;
mod list;
mod paths;
mod prompt;
mod report;
mod reset;
mod share;
mod start;
mod streak;

use anyhow::{Result, bail};

use crate::cli::{Cli, Command};
use crate::context::Context;
use crate::error::UsageError;
use crate::journal::{Journal, Tracker};

pub fn run(cli: Cli) -> Result<()> {
    if let Command::Completions(args) = &cli.command {
        // Completions need no journal, and must work even where there is no data folder.
        return completions::run(args);
    }
    let ctx = Context::from_cli(&cli)?;
    match cli.command {
        Command::Start(args) => start::run(args, &ctx),
        Command::Add(args) => add::run(args, &ctx),
        Command::Reset(args) => reset::run(args, &ctx),
        Command::List(args) => list::run(args, &ctx),
        Command::Streak(args) => streak::run(args, &ctx),
        Command::Report(args) => report::run(args, &ctx),
        Command::Share(args) => share::run(args, &ctx),
        Command::Circle(args) => circle::run(args, &ctx),
        Command::Check => check::run(&ctx),
        Command::Paths => paths::run(&ctx),
        Command::Prompt(args) => prompt::run(args, &ctx),
        Command::Completions(_) => unreachable!("handled above"),
    }
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
