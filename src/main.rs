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
mod hooks;
mod journal;
#[cfg(test)]
mod loader_fuzz;
mod milestones;
mod output;
mod remind;
mod report;
mod settings;
mod share;
mod state;
mod storage;
mod streak;
mod words;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // With COMPLETE=<shell> set, answer the shell's completion request (or print the script
    // that registers it) and exit; otherwise do nothing.
    clap_complete::CompleteEnv::with_factory(<cli::Cli as clap::CommandFactory>::command)
        .complete();
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => error::report(&err),
    }
}
