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
use crate::context::{Context, Globals};

pub fn run(cli: Cli) -> Result<()> {
    let (globals, command) = Globals::split(cli);
    let all = || Context::new(&globals);
    match command {
        // Completions need no journal, and must work even where there is no data folder.
        Command::Completions(args) => completions::run(&args),
        // git runs the driver on its own temporary files; no journal or settings are involved.
        Command::MergeDriver(args) => merge_driver::run(&args),
        // `paths` is how a person finds a broken settings file, so it must not need to read it.
        Command::Paths => paths::run(&Context::without_settings(&globals)?),
        // `check` is how a person finds what is wrong: a broken settings file is said, and the
        // journal is still checked.
        Command::Check(args) => with_journal(Context::settings_or_warning(&globals)?, |ctx| {
            check::run(&args, ctx)
        }),
        // A prompt is one short line or nothing, and never an error, whatever is broken.
        Command::Prompt(args) => {
            prompt::run_quietly(&args, &globals);
            Ok(())
        }
        Command::Start(args) => with_journal(all()?, |ctx| start::run(args, ctx)),
        Command::Add(args) => with_journal(all()?, |ctx| add::run(args, ctx)),
        Command::Reset(args) => with_journal(all()?, |ctx| reset::run(args, ctx)),
        Command::List(args) => with_journal(all()?, |ctx| list::run(args, ctx)),
        Command::Edit(args) => with_journal(all()?, |ctx| edit::run(args, ctx)),
        Command::Rm(args) => with_journal(all()?, |ctx| rm::run(args, ctx)),
        Command::Streak(args) => with_journal(all()?, |ctx| streak::run(args, ctx)),
        Command::Report(args) => with_journal(all()?, |ctx| report::run(args, ctx)),
        Command::Share(args) => with_journal(all()?, |ctx| share::run(args, ctx)),
        Command::Circle(args) => with_journal(all()?, |ctx| circle::run(args, ctx)),
        Command::Group(command) => with_journal(all()?, |ctx| group::run(command, ctx)),
        Command::Export(args) => with_journal(all()?, |ctx| export::run(args, ctx)),
        Command::Import(args) => with_journal(all()?, |ctx| import::run(args, ctx)),
        Command::Urge(args) => with_journal(all()?, |ctx| urge::run(args, ctx)),
        Command::Pledge(args) => with_journal(all()?, |ctx| pledge::run(args, ctx)),
        Command::Why(args) => with_journal(all()?, |ctx| why::run(args, ctx)),
        Command::Contact(args) => with_journal(all()?, |ctx| contact::run(args, ctx)),
        Command::Sos(args) => with_journal(all()?, |ctx| sos::run(args, ctx)),
        Command::Remind(args) => with_journal(all()?, |ctx| remind::run(args, ctx)),
        Command::Tracker(args) => with_journal(all()?, |ctx| tracker::run(args, ctx)),
    }
}

/// Runs a command that reads or writes the journal: a write that failed for want of space is
/// said as such, naming the journal when it was the journal's write.
fn with_journal(ctx: Context, run: impl FnOnce(&Context) -> Result<()>) -> Result<()> {
    run(&ctx).map_err(|err| crate::error::explain_full_disk(err, &ctx.journal))
}
