//! `milestone import FILE`: add what a file holds that the journal does not have yet.

use std::io::{Read, Write};

use anyhow::{Context as _, Result, bail};

use crate::cli::ImportArgs;
use crate::context::Context;
use crate::exchange::{self, Source, csv, jrnl, json, loop_habit};
use crate::journal::edit;
use crate::output::plural;
use crate::storage;

pub fn run(args: ImportArgs, ctx: &Context) -> Result<()> {
    let text = if args.file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("could not read the import from standard input (is it UTF-8 text?)")?;
        text
    } else {
        std::fs::read_to_string(&args.file).with_context(|| {
            format!(
                "could not read {}; check the file name",
                args.file.display()
            )
        })?
    };
    let Some(source) = exchange::detect(&text) else {
        bail!(
            "{} is not a format milestone imports; it reads its own JSON and CSV exports, jrnl's JSON export and Loop Habit Tracker's CSV",
            args.file.display()
        );
    };
    let batch = match source {
        Source::MilestoneJson => json::import(&text)?,
        Source::MilestoneCsv => csv::import(&text)?,
        Source::LoopHabit => loop_habit::import(&text, args.tracker.as_deref())?,
        Source::Jrnl => {
            let Some(tracker) = args.tracker.as_deref() else {
                bail!("jrnl entries need a tracker to belong to; add --tracker NAME");
            };
            jrnl::import(&text, tracker)?
        }
    };

    let summary = |plan: &exchange::Plan| {
        let mut kept = String::new();
        for (n, what) in [
            (plan.new_reasons.len(), "reason"),
            (plan.new_contacts.len(), "contact"),
        ] {
            if n > 0 {
                kept.push_str(&format!(", {}", plural(n as i64, what)));
            }
        }
        format!(
            "{}{kept} and {} from {}{}",
            plural(plan.new_trackers.len() as i64, "tracker"),
            plural(plan.new_entries.len() as i64, "entry"),
            source.describe(),
            match plan.duplicates {
                0 => String::new(),
                n => format!(
                    " ({} already in the journal, skipped)",
                    plural(n as i64, "duplicate")
                ),
            }
        )
    };
    let mut out = std::io::stdout().lock();
    if args.dry_run {
        let journal = storage::load_journal_if_any(&ctx.journal, ctx.cache())?.unwrap_or_default();
        let plan = exchange::plan(&journal, batch, ctx.today, |_| Ok(String::new()))?;
        warn_other_since(&plan, source)?;
        writeln!(out, "Would add {}. Nothing was changed.", summary(&plan))?;
        for t in &plan.new_trackers {
            writeln!(out, "  tracker {} since {}", t.name, t.since)?;
        }
        for entry in &plan.new_entries {
            writeln!(out, "  {}", crate::words::entry::describe(entry))?;
        }
        return Ok(());
    }
    let added = storage::append_items(&ctx.journal, ctx.cache(), |journal| {
        let plan = exchange::plan(journal, batch.clone(), ctx.today, |taken| {
            loop {
                let id = edit::new_entry_id(|id| journal.has_id(id))?;
                if !taken.contains(&id) {
                    return Ok(id);
                }
            }
        })?;
        let described = summary(&plan);
        let additions = crate::journal::Journal {
            trackers: plan.new_trackers.clone(),
            entries: plan.new_entries.clone(),
            reasons: plan.new_reasons.clone(),
            contacts: plan.new_contacts.clone(),
        };
        Ok((additions, (described, plan)))
    })?;
    let (added, plan) = added;
    warn_other_since(&plan, source)?;
    writeln!(out, "Added {added}.")?;
    Ok(())
}

/// Only milestone's own exports say when a tracker began; jrnl and Loop files only have the
/// first day of their history, which is expected to differ.
fn warn_other_since(plan: &exchange::Plan, source: Source) -> Result<()> {
    if !matches!(source, Source::MilestoneJson | Source::MilestoneCsv) {
        return Ok(());
    }
    let mut err = std::io::stderr().lock();
    for (name, kept, theirs) in &plan.other_since {
        writeln!(
            err,
            "warning: {}",
            crate::words::import::other_since(name, *kept, *theirs)
        )?;
    }
    Ok(())
}
