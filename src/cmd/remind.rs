//! `milestone remind`: what is due today, each thing once a day, and the `on_milestone` hooks
//! that are due. Nothing due prints nothing, so cron and `xargs -r` stay quiet.

use std::io::Write;

use anyhow::Result;

use crate::cli::{RemindArgs, RemindFormat};
use crate::context::Context;
use crate::remind::{self, Reminder};
use crate::share::card::Card;
use crate::share::circle;
use crate::{hooks, output, state, storage};

pub fn run(args: RemindArgs, ctx: &Context) -> Result<()> {
    // Without a journal there is nothing of yours due, but your groups' news still is.
    let journal = if ctx.journal.exists() {
        Some(storage::load_journal(&ctx.journal, ctx.cache())?)
    } else {
        None
    };
    let mut due = match &journal {
        Some(journal) => remind::due(journal, ctx.today, &ctx.settings, args.all),
        None => Vec::new(),
    };
    due.extend(group_anniversaries(ctx));
    let due = not_said_today(ctx, due);

    if !due.is_empty() {
        let text = match args.format {
            RemindFormat::Text => output::remind_text::render(&due),
            RemindFormat::Json => output::remind_json::render(&due)?,
        };
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
    }
    if let Some(journal) = &journal {
        hooks::milestones_due(ctx, journal);
    }
    Ok(())
}

/// Your groups' members' milestones today and tomorrow, from the group folders as they are:
/// remind runs from cron, so it never pulls (a clone is read as it was last brought up to date)
/// and a folder it cannot read is a warning, never the end of the reminders. Your own card is
/// left out: your milestones come from your journal.
fn group_anniversaries(ctx: &Context) -> Vec<Reminder> {
    let mut due = Vec::new();
    let mut skipped = Vec::new();
    for (name, group) in &ctx.settings.groups {
        if !group.path.is_dir() {
            crate::error::warn(&crate::words::group::folder_missing(name, &group.path));
            continue;
        }
        let members = match super::group::members_as_they_are(&group.path) {
            Ok((members, mut why)) => {
                skipped.append(&mut why);
                members
            }
            Err(err) => {
                crate::error::warn(&crate::words::remind::group_not_read(name, &err));
                continue;
            }
        };
        let mut cards: Vec<(String, Card)> = members
            .into_iter()
            .filter(|m| m.member != group.member)
            .flat_map(|m| {
                let id = m.member;
                m.cards.into_iter().map(move |card| (id.clone(), card))
            })
            .collect();
        cards.sort_by_key(|(_, card)| circle::by_name(card));
        for (id, card) in cards {
            for seen in circle::view(vec![card], ctx.today, &mut skipped) {
                due.extend(remind::member_due(
                    name,
                    &id,
                    &seen,
                    ctx.today,
                    ctx.settings.emoji,
                ));
            }
        }
    }
    // Warnings on stderr cannot fail the reminders on stdout.
    let _ = super::group::print_warnings(&skipped);
    due
}

/// The reminders not said before today, now remembered as said. When the state cannot be
/// kept, everything is said (a repeat is better than a silence) with a warning.
fn not_said_today(ctx: &Context, due: Vec<Reminder>) -> Vec<Reminder> {
    if due.is_empty() {
        return due;
    }
    let kept = state::update(|s| {
        due.iter()
            .filter(|r| s.claim_reminder(ctx.today, &r.key))
            .cloned()
            .collect::<Vec<_>>()
    });
    kept.unwrap_or_else(|err| {
        crate::error::warn(&crate::words::remind::not_remembered(&err));
        due
    })
}
