//! `milestone`: a command-line journal for people in recovery.

use std::process::ExitCode;

use clap::Parser;
use milestone::{cli, cmd, error};

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
