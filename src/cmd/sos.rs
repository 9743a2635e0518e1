//! `milestone sos [TRACKER]`: one calm screen for a hard moment. It only reads the journal.

use std::io::Write;

use anyhow::Result;

use crate::cli::SosArgs;
use crate::context::Context;
use crate::journal::select;
use crate::output::{Paint, sos_text};
use crate::storage;

pub fn run(args: SosArgs, ctx: &Context) -> Result<()> {
    let journal = storage::load_journal(&ctx.journal, ctx.today)?;
    let trackers = select::shown_trackers(&journal, args.tracker.name())?;
    let sos = crate::sos::sos(&journal, &trackers, ctx.today, |name| {
        ctx.settings.ladder_for(name)
    });
    let screen = sos_text::screen(&sos, ctx.counting(), Paint { color: ctx.color });
    std::io::stdout().lock().write_all(screen.as_bytes())?;
    Ok(())
}
