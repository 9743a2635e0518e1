//! `milestone check`: every problem in the journal at once, as `PATH:LINE:COL: message`.

use std::io::Write;

use anyhow::{Result, bail};

use crate::context::Context;
use crate::journal::parse::{LineIndex, Severity};
use crate::output::{plural, terminal_safe};
use crate::storage;

pub fn run(ctx: &Context) -> Result<()> {
    let Some(loaded) = storage::read_for_check(&ctx.journal, ctx.today)? else {
        bail!(
            "there is no journal at {} yet; begin one with `milestone start NAME`",
            ctx.journal.display()
        );
    };
    let mut problems: Vec<_> = loaded.parsed.problems.iter().collect();
    problems.sort_by_key(|p| p.span.start);

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let lines = LineIndex::new(&loaded.text);
    let mut errors = 0;
    for problem in &problems {
        let (line, column) = lines.line_col(problem.span.start);
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
            loaded.path.display(),
            problem.message
        );
        writeln!(out, "{}", terminal_safe(&located))?;
    }
    out.flush()?;
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
        plural(journal.entries.len() as i64, "entry"),
        match problems.len() {
            0 => String::new(),
            n => format!(", {}", plural(n as i64, "warning")),
        }
    )?;
    Ok(())
}
