//! `milestone`: a command-line journal for people in recovery.

mod ask;
mod cli;
mod cmd;
mod complete;
mod context;
mod dates;
#[cfg(test)]
mod day_counting_oracle;
mod editor;
mod error;
mod exchange;
mod journal;
#[cfg(test)]
mod loader_fuzz;
mod milestones;
mod output;
mod report;
mod settings;
mod share;
mod storage;
mod streak;
mod words;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A Tab in a shell with milestone's completion runs this with COMPLETE=<shell>.
    complete::answer_if_asked();
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => error::report(&err),
    }
}
