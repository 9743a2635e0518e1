//! One module per command; this file only dispatches.

mod add;
mod check;
mod circle;
mod completions;
mod edit;
mod export;
mod import;
mod list;
mod merge_driver;
mod new_entry;
mod paths;
mod prompt;
mod remind;
mod report;
mod reset;
mod rm;
mod share;
mod start;
mod streak;
mod tracker;

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
        Command::Tracker(args) => tracker::run(args, &ctx),
        Command::Completions(_) | Command::Paths | Command::MergeDriver(_) => {
            unreachable!("handled above")
        }
    }
}
