//! `milestone circle`: one celebration for a group from its members' share cards.

use std::io::{Read, Write};

use anyhow::{Context as _, Result};

use crate::cli::CircleArgs;
use crate::context::Context;
use crate::error::UsageError;
use crate::output::{deliver, terminal_safe};
use crate::picture::{self, PosterData};
use crate::share::circle::{self, Gathered};
use crate::share::{ShareStyle, card, styles};
use crate::words;

pub fn run(args: CircleArgs, ctx: &Context) -> Result<()> {
    let window = args
        .upcoming
        .as_deref()
        .map(|w| circle::parse_window(w, ctx.today))
        .transpose()
        .map_err(UsageError)?;
    let output = args.output.as_deref();
    if args.style.is_picture() {
        if window.is_some() {
            return Err(UsageError(words::picture::NO_UPCOMING_POSTER.into()).into());
        }
        deliver::check_picture_target(super::share::picture_name(args.style), output)?;
    }
    let mut gathered = Gathered::default();
    let stdin_only = [std::path::PathBuf::from("-")];
    let files = if args.files.is_empty() {
        &stdin_only[..]
    } else {
        &args.files[..]
    };
    for file in files {
        if file.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("could not read share cards from standard input (are they UTF-8 JSON?)")?;
            circle::gather(&text, "standard input", &mut gathered);
        } else {
            let text = std::fs::read_to_string(file).with_context(|| {
                format!(
                    "could not read the share cards in {}; check the file name",
                    file.display()
                )
            })?;
            circle::gather(&text, &file.display().to_string(), &mut gathered);
        }
    }
    let Gathered { cards, mut skipped } = gathered;
    let cards = circle::roll_call(cards, &mut skipped);

    let mut err = std::io::stderr().lock();
    for problem in &skipped {
        writeln!(err, "warning: {}", terminal_safe(problem))?;
    }
    let emoji = ctx.settings.emoji && !args.no_emoji;
    let text = match (args.style, window) {
        (ShareStyle::Svg, _) => {
            let svg = picture::poster(&PosterData::from_cards(&cards, ctx.today));
            return deliver::deliver(svg.as_str().as_bytes(), output);
        }
        (ShareStyle::Png, _) => {
            let svg = picture::poster(&PosterData::from_cards(&cards, ctx.today));
            return deliver::deliver(&picture::png(&svg)?, output);
        }
        (ShareStyle::Json, _) => card::to_json_array(&cards)?,
        (ShareStyle::Sms, None) => styles::render_sms(
            |level| match level {
                0 => circle::celebration(&cards, ctx.today),
                _ => circle::compact(&cards, ctx.today, level - 1, emoji),
            },
            emoji,
        ),
        (style, Some(days)) => {
            styles::render(&circle::upcoming(&cards, ctx.today, days), style, emoji)
        }
        (style, None) => styles::render(&circle::celebration(&cards, ctx.today), style, emoji),
    };
    deliver::deliver(text.as_bytes(), output)
}
