//! `milestone check`: every problem in the journal at once, as `PATH:LINE:COL: message`.

use std::io::Write;

use anyhow::{Result, bail};

use crate::context::Context;
use crate::journal::parse::Severity;
use crate::output::{plural, terminal_safe};
use crate::storage;

pub fn run(ctx: &Context) -> Result<()> {
    let Some(loaded) = storage::read(&ctx.journal, ctx.today)? else {
        bail!(
            "there is no journal at {} yet; begin one with `milestone start NAME`",
            ctx.journal.display()
        );
    };
    let mut problems: Vec<_> = loaded.parsed.problems.iter().collect();
    problems.sort_by_key(|p| p.span.start);

    let mut out = std::io::stdout().lock();
    let mut errors = 0;
    for problem in &problems {
        let mut located = problem.located(&loaded.path, &loaded.text);
        if problem.severity == Severity::Warning {
            // "PATH:LINE:COL: warning: message", as compilers write it.
            let at = located.len() - problem.message.len();
            located.insert_str(at, "warning: ");
        } else {
            errors += 1;
        }
        writeln!(out, "{}", terminal_safe(&located))?;
    }
    let journal = loaded.journal();
    if errors > 0 {
        bail!(
            "{} in {}; fix {} and run `milestone check` again",
            plural(errors, "problem"),
            loaded.path.display(),
            if errors == 1 { "it" } else { "them" }
        );
    }
    writeln!(
        out,
        "{}: ok ({}, {}{})",
        loaded.path.display(),
        plural(journal.trackers.len() as i64, "tracker"),
        plural(journal.entries.len() as i64, "entry").replace("entrys", "entries"),
        match problems.len() {
            0 => String::new(),
            n => format!(", {}", plural(n as i64, "warning")),
        }
    )?;
    Ok(())
}
