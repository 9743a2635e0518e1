//! `milestone report`: the page that tells the story of a recovery, per tracker.

use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::{ReportArgs, ReportFormat};
use crate::context::Context;
use crate::journal::Entry;
use crate::output::{Paint, json, report_markdown, report_text};
use crate::report::{self, Report};
use crate::storage;

pub fn run(args: ReportArgs, ctx: &Context) -> Result<()> {
    let on = ctx.on_date(args.on.as_deref())?;
    let journal = storage::load_journal(&ctx.journal, ctx.today)?;
    let journal = &journal;
    let trackers = crate::journal::select::shown_trackers(journal, args.tracker.name())?;
    let reports: Vec<Report> = trackers
        .iter()
        .filter_map(|t| {
            let entries: Vec<&Entry> = journal.entries_for(&t.name).collect();
            report::report(t, &entries, on, ctx.settings.ladder_for(&t.name))
        })
        .collect();
    if reports.is_empty() {
        // The same words `streak` uses for a day before every tracker began.
        crate::streak::standings(journal, &trackers, on, &ctx.settings)?;
        bail!("nothing to report on {on}");
    }

    let counting = ctx.counting();
    let text = match args.format {
        ReportFormat::Json => json::reports(&reports)?,
        ReportFormat::Markdown => reports
            .iter()
            .map(|r| report_markdown::page(r, counting))
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
        ReportFormat::Text => {
            let paint = Paint { color: ctx.color };
            reports
                .iter()
                .map(|r| report_text::page(r, counting, paint))
                .collect::<Vec<_>>()
                .join("\n\n")
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
