//! `milestone merge-driver BASE OURS THEIRS`: git's merge driver for a journal kept in git.
//!
//! git calls it with three temporary files and expects the result in OURS; a non-zero exit
//! tells git the merge has a conflict. OURS is always left a valid journal.

use std::path::Path;

use anyhow::{Context as _, Result, bail};
use toml_edit::DocumentMut;

use crate::cli::MergeDriverArgs;
use crate::journal::merge::merge;
use crate::journal::parse::parse;
use crate::output::plural;
use crate::storage;

pub fn run(args: &MergeDriverArgs) -> Result<()> {
    let base = document(&args.base, "the common ancestor")?;
    let ours = document(&args.ours, "our version")?;
    let theirs = document(&args.theirs, "their version")?;
    let (merged, conflicts) = merge(&base, &ours, &theirs);
    let text = merged.to_string();
    if let Some(problem) = parse(&text, None).errors().next() {
        bail!(
            "the merged journal would not be valid ({}); resolve the merge by hand, then run `milestone check`",
            problem.message
        );
    }
    storage::write_atomically(&args.ours, text.as_bytes())?;
    if !conflicts.is_empty() {
        let lines: Vec<String> = conflicts
            .iter()
            .map(|c| format!("  {} {}", c.what, c.why))
            .collect();
        bail!(
            "{} in the journal; the merged journal is valid, with our version kept where both sides differ:\n{}\nfix those entries by hand if needed (`milestone edit ID`), then `git add` the journal",
            plural(conflicts.len() as i64, "conflict"),
            lines.join("\n")
        );
    }
    Ok(())
}

/// One side of the merge, which must be a journal without errors (an empty file is an empty one).
fn document(path: &Path, which: &str) -> Result<DocumentMut> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("could not read {which} ({})", path.display()))?;
    if let Some(problem) = parse(&text, None).errors().next() {
        bail!(
            "{which} of the journal has a problem, so it cannot be merged entry by entry: {}",
            problem.located(path, &text)
        );
    }
    text.parse::<DocumentMut>()
        .with_context(|| format!("could not read {which} ({}) as TOML", path.display()))
}
