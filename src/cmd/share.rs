//! `milestone share`: a short celebratory text on stdout, ready to pipe into a chat.

use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::ShareArgs;
use crate::context::Context;
use crate::journal::select;
use crate::share::card::{self, Card};
use crate::share::{self, ShareOptions, ShareStyle, TrackerDay, styles, template};
use crate::{storage, streak};

pub fn run(args: ShareArgs, ctx: &Context) -> Result<()> {
    let on = ctx.on_date(args.on.as_deref())?;
    let template = match &args.template {
        Some(name) => Some(ctx.settings.templates.get(name).map(|t| (name, t)).ok_or_else(|| {
            let known: Vec<&str> = ctx.settings.templates.keys().map(String::as_str).collect();
            if known.is_empty() {
                anyhow::anyhow!("--template: there are no templates yet; add one under [templates] in the settings file (`milestone paths` shows where)")
            } else {
                anyhow::anyhow!("--template: no template named {name:?}; the settings file has {}", known.join(", "))
            }
        })?),
        None => None,
    };
    let name = match (&args.name, args.anonymous) {
        (_, true) => None,
        (Some(name), false) => Some(name.trim().to_owned()),
        (None, false) => ctx.settings.name.clone(),
    };
    if name.as_deref() == Some("") {
        bail!("--name: a name needs at least one visible character; or use --anonymous");
    }

    let journal = storage::load_journal(&ctx.journal, ctx.today)?;
    let journal = &journal;
    let trackers = select::shared_trackers(
        journal,
        args.tracker.name(),
        ctx.default_tracker(),
        args.all,
    )?;
    let standings = streak::standings(journal, &trackers, on, &ctx.settings)?;
    let days: Vec<TrackerDay> = standings
        .iter()
        .map(|standing| TrackerDay {
            standing,
            entries: journal
                .entries_for(&standing.tracker)
                .filter(|e| e.date == on)
                .collect(),
        })
        .collect();
    let options = ShareOptions {
        emoji: ctx.settings.emoji && !args.no_emoji,
        with_notes: args.with_notes,
        counting: ctx.counting(),
        name,
        discreet: args.discreet,
        with_total: args.with_total || ctx.settings.share_total,
    };

    let text = if let Some((name, source)) = template {
        template::render(name, source, &days, &options)?
    } else {
        match args
            .style
            .or(ctx.settings.share_style)
            .unwrap_or(ShareStyle::Plain)
        {
            ShareStyle::Json => {
                let cards: Vec<Card> = standings.iter().map(|s| Card::new(s, &options)).collect();
                card::to_json(&cards)?
            }
            // The full message when it fits one SMS, else ever more compact ones.
            ShareStyle::Sms => styles::render_sms(
                |level| match level {
                    0 => share::compose(&days, &options),
                    _ => share::compose_compact(&days, &options, level - 1),
                },
                options.emoji,
            ),
            style => styles::render(&share::compose(&days, &options), style, options.emoji),
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
