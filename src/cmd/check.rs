//! `milestone check`: every problem in the journal at once, as `PATH:LINE:COL: message`.

use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::CheckArgs;
use crate::context::Context;
use crate::journal::edit;
use crate::journal::parse::Severity;
use crate::output::{plural, terminal_safe};
use crate::storage;
use crate::words::check as words;

pub fn run(args: &CheckArgs, ctx: &Context) -> Result<()> {
    if args.fix {
        return fix(ctx);
    }
    let Some(checked) = storage::read_for_check(&ctx.journal, ctx.today)? else {
        bail!(
            "there is no journal at {} yet; begin one with `milestone start NAME`",
            ctx.journal.display()
        );
    };
    let path = &ctx.journal;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut errors = 0;
    for (problem, (line, column)) in &checked.problems {
        // "PATH:LINE:COL: warning: message", as compilers write it.
        let severity = match problem.severity {
            Severity::Warning => "warning: ",
            Severity::Error => {
                errors += 1;
                ""
            }
        };
        let located = format!(
            "{}:{line}:{column}: {severity}{}",
            path.display(),
            problem.message
        );
        writeln!(out, "{}", terminal_safe(&located))?;
    }
    out.flush()?;
    let journal = &checked.journal;
    if errors > 0 {
        bail!(
            "{} in {}; fix {} and run `milestone check` again",
            plural(errors, "problem"),
            path.display(),
            if errors == 1 { "it" } else { "them" }
        );
    }
    writeln!(
        out,
        "{}: ok ({}, {}{})",
        path.display(),
        plural(journal.trackers.len() as i64, "tracker"),
        plural(journal.entries.len() as i64, "entry"),
        match checked.problems.len() {
            0 => String::new(),
            n => format!(", {}", plural(n as i64, "warning")),
        }
    )?;
    let without_id = journal.entries.iter().filter(|e| e.id.is_none()).count();
    if without_id > 0 {
        writeln!(out, "{}", words::without_ids(without_id))?;
    }
    Ok(())
}

/// Gives the hand-written entries ids, through the one write protocol (a journal with
/// mistakes is refused there, and comments and order are kept).
fn fix(ctx: &Context) -> Result<()> {
    if !ctx.journal.exists() {
        bail!(
            "there is no journal at {} yet; begin one with `milestone start NAME`",
            ctx.journal.display()
        );
    }
    let given = storage::modify(&ctx.journal, ctx.cache(), |journal, document| {
        edit::give_ids(document, |id| journal.has_id(id))
    })?;
    writeln!(std::io::stdout().lock(), "{}", words::ids_given(given))?;
    Ok(())
}
