//! `milestone`: a command-line journal for people in recovery.

use std::process::ExitCode;

use clap::Parser;
use milestone::{cli, cmd, complete, error};

fn main() -> ExitCode {
    // A Tab in a shell with milestone's completion runs this with COMPLETE=<shell>.
    complete::answer_if_asked();
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => error::report(&err),
    }
}
