//! `milestone share`: a short celebratory text on stdout, ready to pipe into a chat.

use anyhow::{Result, bail};

use crate::cli::ShareArgs;
use crate::context::Context;
use crate::journal::select;
use crate::output::deliver;
use crate::picture::{self, ChipData};
use crate::share::card::{self, Card};
use crate::share::{self, ShareOptions, ShareStyle, TrackerDay, styles, template};
use crate::streak;

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
    let style = args
        .style
        .or(ctx.settings.share_style)
        .unwrap_or(ShareStyle::Plain);
    let output = args.output.as_deref();
    if template.is_none() && style.is_picture() {
        deliver::check_picture_target(picture_name(style), output, ctx.stdout_is_terminal())?;
    }

    let journal = super::reading::journal(ctx)?;
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
        let file = ctx.config.as_deref().unwrap_or(std::path::Path::new(""));
        template::render(name, source, file, &days, &options)?
    } else {
        match style {
            ShareStyle::Svg => {
                let svg = picture::chip(&ChipData::new(&days, &options));
                return deliver::deliver(svg.as_str().as_bytes(), output);
            }
            ShareStyle::Png => {
                let svg = picture::chip(&ChipData::new(&days, &options));
                return deliver::deliver(&picture::png(&svg)?, output);
            }
            ShareStyle::Json => {
                let cards: Vec<Card> = standings
                    .iter()
                    .map(|s| {
                        let phrase = journal
                            .tracker(&s.tracker)
                            .map(|t| t.phrase())
                            .unwrap_or_default();
                        Card::new(s, &phrase, ctx.settings.ladder_for(&s.tracker), &options)
                    })
                    .collect();
                card::to_json(&cards)?
            }
            // The full message when it fits one SMS, else ever more compact ones. With notes,
            // the message without them comes next: notes that do not fit never cost the news.
            ShareStyle::Sms => {
                let without_notes = ShareOptions {
                    with_notes: false,
                    ..options.clone()
                };
                let first_compact = if options.with_notes { 2 } else { 1 };
                styles::render_sms(
                    |level| match level {
                        0 => share::compose(&days, &options),
                        1 if options.with_notes => share::compose(&days, &without_notes),
                        _ => share::compose_compact(
                            &days,
                            &without_notes,
                            level.saturating_sub(first_compact),
                        ),
                    },
                    options.emoji,
                )
            }
            style => styles::render(&share::compose(&days, &options), style, options.emoji),
        }
    };
    deliver::deliver(text.as_bytes(), output)
}

/// "svg", "png": what the usage error calls the picture.
pub(super) fn picture_name(style: ShareStyle) -> &'static str {
    if style == ShareStyle::Png {
        "png"
    } else {
        "svg"
    }
}
