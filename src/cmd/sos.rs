//! `milestone sos [TRACKER]`: one calm screen for a hard moment. It only reads the journal.

use std::io::Write;

use anyhow::Result;

use crate::cli::SosArgs;
use crate::context::Context;
use crate::journal::{Journal, select};
use crate::output::{Paint, sos_text};

pub fn run(args: SosArgs, ctx: &Context) -> Result<()> {
    // The ways through and where to turn in danger are worth showing even before there is a
    // journal, or a tracker, to read.
    // In a hard moment above all, a typo in one entry must not hide the rest (issue 14).
    let journal = if ctx.journal.exists() {
        super::reading::journal(ctx)?
    } else {
        Journal::default()
    };
    let trackers = match args.tracker.name() {
        None if journal.trackers.is_empty() => Vec::new(),
        named => select::shown_trackers(&journal, named)?,
    };
    let sos = crate::sos::sos(&journal, &trackers, ctx.today, |name| {
        ctx.settings.ladder_for(name)
    });
    let screen = sos_text::screen(&sos, ctx.counting(), Paint { color: ctx.color });
    std::io::stdout().lock().write_all(screen.as_bytes())?;
    Ok(())
}
