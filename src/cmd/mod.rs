//! One module per command; this file only dispatches.

mod add;
mod check;
mod circle;
mod completions;
mod contact;
mod edit;
mod export;
mod group;
mod import;
mod list;
mod merge_driver;
mod new_entry;
mod paths;
mod pledge;
mod prompt;
mod reading;
mod remind;
mod report;
mod reset;
mod rm;
mod share;
mod sos;
mod start;
mod streak;
mod tracker;
mod urge;
mod why;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::context::Context;

pub fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        // Completions need no journal, and must work even where there is no data folder.
        Command::Completions(args) => return completions::run(args),
        // git runs the driver on its own temporary files; no journal or settings are involved.
        Command::MergeDriver(args) => return merge_driver::run(args),
        // `paths` is how a person finds a broken settings file, so it must not need to read it.
        Command::Paths => return paths::run(&Context::without_settings(&cli)?),
        // `check` is how a person finds what is wrong: a broken settings file is said, and the
        // journal is still checked.
        Command::Check(args) => return check::run(args, &Context::settings_or_warning(&cli)?),
        // A prompt is one short line or nothing, and never an error, whatever is broken.
        Command::Prompt(args) => {
            prompt::run_quietly(args, &cli);
            return Ok(());
        }
        _ => {}
    }
    let ctx = Context::from_cli(&cli)?;
    let result = match cli.command {
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
        Command::Group(command) => group::run(command, &ctx),
        Command::Export(args) => export::run(args, &ctx),
        Command::Import(args) => import::run(args, &ctx),
        Command::Urge(args) => urge::run(args, &ctx),
        Command::Pledge(args) => pledge::run(args, &ctx),
        Command::Why(args) => why::run(args, &ctx),
        Command::Contact(args) => contact::run(args, &ctx),
        Command::Sos(args) => sos::run(args, &ctx),
        Command::Remind(args) => remind::run(args, &ctx),
        Command::Tracker(args) => tracker::run(args, &ctx),
        Command::Completions(_)
        | Command::Paths
        | Command::MergeDriver(_)
        | Command::Prompt(_)
        | Command::Check(_) => {
            unreachable!("handled above")
        }
    };
    result.map_err(|err| crate::error::explain_full_disk(err, &ctx.journal))
}
