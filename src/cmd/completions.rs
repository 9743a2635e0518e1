//! `milestone completions SHELL`: the completion script, which asks the binary what to offer.

use anyhow::Result;

use crate::cli::CompletionsArgs;

pub fn run(args: &CompletionsArgs) -> Result<()> {
    let script = crate::complete::script(args.shell)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &script)?;
    Ok(())
}
