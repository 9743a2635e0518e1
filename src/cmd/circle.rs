//! `milestone circle`: one celebration for a group from its members' share cards.

use std::io::{Read, Write};

use anyhow::{Context as _, Result};

use crate::cli::CircleArgs;
use crate::context::Context;
use crate::error::UsageError;
use crate::output::{deliver, terminal_safe};
use crate::picture::{self, PosterData};
use crate::share::card::Card;
use crate::share::circle::{self, Gathered, Seen};
use crate::share::{ShareStyle, card, styles};
use crate::words;

pub fn run(args: CircleArgs, ctx: &Context) -> Result<()> {
    let window = args
        .upcoming
        .as_deref()
        .map(|w| circle::parse_window(w, ctx.today))
        .transpose()
        .map_err(UsageError)?;
    let today = ctx.on_date(args.on.as_deref())?;
    if args.files.is_empty() && ctx.stdin_is_terminal() {
        return Err(UsageError(words::group::CIRCLE_USAGE.into()).into());
    }
    let output = args.output.as_deref();
    if args.style.is_picture() {
        if window.is_some() {
            return Err(UsageError(words::picture::NO_UPCOMING_POSTER.into()).into());
        }
        deliver::check_picture_target(
            super::share::picture_name(args.style),
            output,
            ctx.stdout_is_terminal(),
        )?;
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
    let seen = circle::view(cards, today, &mut skipped);

    let mut err = std::io::stderr().lock();
    for problem in &skipped {
        writeln!(err, "warning: {}", terminal_safe(problem))?;
    }
    let emoji = ctx.settings.emoji && !args.no_emoji;
    let bytes = render(&seen, today, args.style, window, emoji)?;
    deliver::deliver(&bytes, output)
}

/// The circle (or with a window, its coming anniversaries) in `style`, pictures included.
pub fn render(
    seen: &[Seen],
    today: chrono::NaiveDate,
    style: ShareStyle,
    window: Option<u64>,
    emoji: bool,
) -> Result<Vec<u8>> {
    Ok(match (style, window) {
        (ShareStyle::Svg, _) => picture::poster(&PosterData::from_seen(seen, today))
            .as_str()
            .as_bytes()
            .to_vec(),
        (ShareStyle::Png, _) => {
            picture::png(&picture::poster(&PosterData::from_seen(seen, today)))?
        }
        (ShareStyle::Json, _) => {
            let cards: Vec<Card> = seen.iter().map(|s| s.card.clone()).collect();
            card::to_json_array(&cards)?.into_bytes()
        }
        (ShareStyle::Sms, None) => styles::render_sms_levels(
            |level| match level {
                0 => circle::celebration(seen, today),
                _ => circle::compact(seen, today, level - 1, emoji),
            },
            circle::compact_levels(seen) + 1,
            emoji,
        )
        .into_bytes(),
        (style, Some(days)) => {
            styles::render(&circle::upcoming(seen, today, days), style, emoji).into_bytes()
        }
        (style, None) => {
            styles::render(&circle::celebration(seen, today), style, emoji).into_bytes()
        }
    })
}
