//! `milestone report --format markdown`: the same page as the text report, as Markdown that
//! renders cleanly on GitHub and in chat clients. Journal text is escaped so it cannot break
//! the formatting.

use std::fmt::Write as _;

use super::report_text::{MOOD_MONTHS, calendar_grid, fact_lines, none_reached_yet, span_words};
use super::{Counting, Paint, markdown_escape, plural};
use crate::journal::Entry;
use crate::report::Report;

pub fn page(r: &Report, counting: Counting) -> String {
    let s = &r.standing;
    let mut out = String::new();
    let _ = writeln!(out, "# Milestone report: {}\n", s.tracker);
    let _ = writeln!(out, "*As of {}*\n", s.on);

    let headline = match (s.days, s.restarted()) {
        (0, false) => format!("**Day one:** {} starting today.", s.phrase),
        (0, true) => format!("**Starting again today**, {}.", s.phrase),
        (_, restarted) => format!(
            "**{} {}**{}, {} {}.",
            plural(counting.days(s), "day"),
            s.phrase,
            span_words(r.span())
                .map(|w| format!(" ({w})"))
                .unwrap_or_default(),
            if restarted {
                "started again on"
            } else {
                "since"
            },
            s.start
        ),
    };
    let _ = writeln!(out, "{headline}\n");
    let facts = fact_lines(r, counting);
    for fact in facts {
        let _ = writeln!(out, "- {fact}");
    }

    let _ = writeln!(out, "\n## Milestones reached in this streak\n");
    if r.reached.is_empty() {
        let _ = writeln!(out, "{}", none_reached_yet(r));
    } else {
        let _ = writeln!(out, "| Milestone | Date |\n| --- | --- |");
        for m in &r.reached {
            let _ = writeln!(out, "| {} | {} |", m.label, m.date);
        }
    }

    let _ = writeln!(out, "\n## Coming up\n");
    if r.upcoming.is_empty() {
        let _ = writeln!(
            out,
            "Your ladder has no more steps; every day is its own milestone."
        );
    } else {
        let _ = writeln!(
            out,
            "| Milestone | Date | Days left |\n| --- | --- | ---: |"
        );
        for m in &r.upcoming {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                m.label,
                m.date,
                (m.date - s.on).num_days()
            );
        }
    }

    if !r.wins.is_empty() {
        let _ = writeln!(out, "\n## Your wins\n");
        out.push_str(&entry_items(&r.wins));
    }
    if !r.resets.is_empty() {
        let _ = writeln!(out, "\n## Resets\n");
        let _ = writeln!(
            out,
            "Each one is part of the road, and the days before it still count.\n"
        );
        out.push_str(&entry_items(&r.resets));
    }
    if !s.past_runs.is_empty() {
        let _ = writeln!(out, "\n## Past streaks\n");
        let _ = writeln!(out, "| From | To | Days |\n| --- | --- | ---: |");
        for run in &s.past_runs {
            let _ = writeln!(out, "| {} | {} | {} |", run.start, run.end, run.days);
        }
        if let (Some(average), n @ 2..) = (s.average_of_last_three(), s.past_runs.len()) {
            let _ = writeln!(
                out,
                "\nAverage of the last {}: {average:.1} days.",
                n.min(3)
            );
        }
    }

    let _ = writeln!(out, "\n## Check-ins, last 12 weeks\n");
    let _ = writeln!(
        out,
        "```text\n{}```",
        calendar_grid(&r.calendar, Paint { color: false })
    );

    if !r.moods.is_empty() {
        let _ = writeln!(out, "\n## Mood by month\n");
        let _ = writeln!(
            out,
            "| Month | Average (1 low, 5 great) | Entries |\n| --- | ---: | ---: |"
        );
        for m in r.moods.iter().rev().take(MOOD_MONTHS).rev() {
            let _ = writeln!(
                out,
                "| {}-{:02} | {:.1} | {} |",
                m.year, m.month, m.average, m.entries
            );
        }
    }
    out
}

fn entry_items(entries: &[&Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        let text = match (&e.text, e.private) {
            (_, true) => "*(private)*".to_string(),
            (Some(text), false) => markdown_escape(text),
            (None, false) => String::new(),
        };
        let _ = writeln!(out, "{}", format!("- **{}** {text}", e.date).trim_end());
    }
    out
}
