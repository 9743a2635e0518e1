//! `milestone circle`: one celebration for a group from its members' share cards.

use std::io::{IsTerminal, Read, Write};

use anyhow::{Context as _, Result};

use crate::cli::CircleArgs;
use crate::context::Context;
use crate::error::UsageError;
use crate::output::terminal_safe;
use crate::share::card::Card;
use crate::share::circle::{self, Gathered, Seen};
use crate::share::{ShareStyle, card, styles};

pub fn run(args: CircleArgs, ctx: &Context) -> Result<()> {
    let window = args
        .upcoming
        .as_deref()
        .map(circle::parse_window)
        .transpose()
        .map_err(UsageError)?;
    let today = ctx.on_date(args.on.as_deref())?;
    if args.files.is_empty() && std::io::stdin().is_terminal() {
        return Err(UsageError(crate::words::group::CIRCLE_USAGE.into()).into());
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
    let text = render(&seen, today, args.style, window, emoji)?;
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// The circle (or with a window, its coming anniversaries) in `style`.
pub fn render(
    seen: &[Seen],
    today: chrono::NaiveDate,
    style: ShareStyle,
    window: Option<u64>,
    emoji: bool,
) -> Result<String> {
    Ok(match (style, window) {
        (ShareStyle::Json, _) => {
            let cards: Vec<Card> = seen.iter().map(|s| s.card.clone()).collect();
            card::to_json_array(&cards)?
        }
        (ShareStyle::Sms, None) => styles::render_sms_levels(
            |level| match level {
                0 => circle::celebration(seen, today),
                _ => circle::compact(seen, today, level - 1, emoji),
            },
            circle::compact_levels(seen) + 1,
            emoji,
        ),
        (style, Some(days)) => styles::render(&circle::upcoming(seen, today, days), style, emoji),
        (style, None) => styles::render(&circle::celebration(seen, today), style, emoji),
    })
}
