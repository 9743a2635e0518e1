//! `milestone export`: the whole journal in another format, or the coming milestones as a calendar.

use std::io::Write;

use anyhow::Result;

use crate::cli::{ExportArgs, ExportFormat};
use crate::context::Context;
use crate::exchange::{csv, ics, json, markdown};
use crate::{storage, streak};

pub fn run(args: ExportArgs, ctx: &Context) -> Result<()> {
    let journal = storage::load_journal(&ctx.journal, ctx.cache())?;
    let journal = &journal;
    let text = match args.format {
        ExportFormat::Json => json::export(journal)?,
        ExportFormat::Csv => csv::export(journal)?,
        ExportFormat::Markdown => markdown::export(journal),
        ExportFormat::Ics => {
            let standings: Vec<_> = journal
                .trackers
                .iter()
                .filter_map(|t| {
                    let ladder = ctx.settings.ladder_for(&t.name);
                    let s = streak::standing(t, journal.entries_for(&t.name), ctx.today, ladder)?;
                    Some((s, ladder))
                })
                .collect();
            ics::export(&standings, ctx.today)
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
