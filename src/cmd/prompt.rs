//! `milestone prompt`: one short line for a shell prompt, tmux or a status bar.
//!
//! It runs on every prompt, so it never complains at length: no journal prints nothing, and a
//! journal with a mistake still shows what can be read (one that is not TOML at all gets a
//! short hint), and a broken settings file is passed over; it always exits 0.

use std::io::Write;

use anyhow::Result;

use crate::cli::PromptArgs;
use crate::context::{Context, Globals};
use crate::storage;
use crate::streak::Standing;

/// Runs before every shell prompt, so it never fails: a settings file that cannot be read is
/// left out (the defaults serve), and anything else that goes wrong prints nothing. Exit 0.
pub fn run_quietly(args: &PromptArgs, globals: &Globals) {
    let ctx = Context::new(globals).or_else(|_| Context::without_settings(globals));
    if let Ok(ctx) = ctx {
        let _ = run(args, &ctx);
    }
}

fn run(args: &PromptArgs, ctx: &Context) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if !ctx.journal.exists() {
        return Ok(());
    }
    // A journal with a mistake still shows its count here; `streak` and `check` say where the
    // mistake is. Only one that cannot be read at all gets the short hint.
    let Ok((journal, _mistakes)) =
        storage::load_journal_leniently(&ctx.journal, ctx.cache(), ctx.today)
    else {
        writeln!(out, "milestone: run `milestone check`")?;
        return Ok(());
    };
    let journal = &journal;
    let named = args
        .tracker
        .name()
        .or(ctx.settings.default_tracker.as_deref());
    let Ok(mut trackers) = crate::journal::select::shown_trackers(journal, named) else {
        return Ok(());
    };
    if !args.all {
        trackers.retain(|t| !t.private);
    }
    if trackers.is_empty() {
        return Ok(());
    }
    let Ok(standings) = crate::streak::standings(journal, &trackers, ctx.today, &ctx.settings)
    else {
        return Ok(());
    };
    let counting = ctx.counting();
    let parts: Vec<String> = match standings.as_slice() {
        [one] => vec![segment(one, counting.days(one), false)],
        several => several
            .iter()
            .map(|s| segment(s, counting.days(s), true))
            .collect(),
    };
    writeln!(out, "{}", parts.join(" · "))?;
    Ok(())
}

/// `256d · 9mo in 19d`, or `alcohol 256d` when several trackers share the line.
fn segment(s: &Standing, days: i64, with_name: bool) -> String {
    let name = if with_name {
        format!("{} ", s.tracker)
    } else {
        String::new()
    };
    if let Some(m) = s.milestone_today() {
        return format!("{name}{days}d · {} today!", short_label(&m.label));
    }
    match (&s.next_milestone, s.days_left(), with_name) {
        (Some(m), Some(left), false) => format!("{days}d · {} in {left}d", short_label(&m.label)),
        _ => format!("{name}{days}d"),
    }
}

/// "9 months" → "9mo", "1 year" → "1y", "30 days" → "30d", "2 weeks" → "2w".
fn short_label(label: &str) -> String {
    let mut words = label.split_whitespace();
    let (Some(n), Some(unit)) = (words.next(), words.next()) else {
        return label.to_owned();
    };
    let unit = match unit.trim_end_matches('s') {
        "day" => "d",
        "week" => "w",
        "month" => "mo",
        "year" => "y",
        other => other,
    };
    format!("{n}{unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_shorten() {
        assert_eq!(short_label("9 months"), "9mo");
        assert_eq!(short_label("1 year"), "1y");
        assert_eq!(short_label("1000 days"), "1000d");
        assert_eq!(short_label("2 weeks"), "2w");
    }
}
