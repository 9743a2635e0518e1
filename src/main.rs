//! `milestone`: a command-line journal for people in recovery.

mod cli;
mod cmd;
mod context;
mod dates;
#[cfg(test)]
mod day_counting_oracle;
mod error;
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

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => error::report(&err),
    }
}
