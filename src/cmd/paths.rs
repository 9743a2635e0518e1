//! `milestone paths`: where the journal and the settings file are.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::context::Context;

pub fn run(ctx: &Context) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "journal   {}", described(&ctx.journal))?;
    match &ctx.config {
        Some(config) => writeln!(out, "settings  {}", described(config))?,
        None => writeln!(
            out,
            "settings  (no config folder on this system; use --config PATH)"
        )?,
    }
    Ok(())
}

fn described(path: &Path) -> String {
    if path.exists() {
        path.display().to_string()
    } else {
        format!("{} (not created yet)", path.display())
    }
}
