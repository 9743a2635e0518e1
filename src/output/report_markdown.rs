//! `milestone report --format markdown`: the same page as the text report, as Markdown that
//! renders cleanly on GitHub and in chat clients. Journal text is escaped so it cannot break
//! the formatting.

use std::fmt::Write as _;

use super::report_text::{
    MOOD_MONTHS, calendar_grid, fact_lines, headline, none_reached_yet, weekday,
};
use super::{Counting, Paint, markdown_escape};
use crate::journal::Entry;
use crate::report::Report;
use crate::words::urge as words;

pub fn page(r: &Report, counting: Counting) -> String {
    let s = &r.standing;
    let mut out = String::new();
    let _ = writeln!(out, "# Milestone report: {}\n", s.tracker);
    let _ = writeln!(out, "*As of {}*\n", s.on);

    let headline = headline(r, counting, |words| format!("**{words}**"));
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
    if !r.urges.is_empty() {
        let u = &r.urges;
        let _ = writeln!(out, "\n## {}\n", words::REPORT_TITLE);
        let _ = writeln!(out, "- {}", words::report_ridden_out(u.ridden_out));
        if u.pledges > 0 {
            let _ = writeln!(out, "- {}", words::report_pledges(u.pledges));
        }
        if !u.triggers.is_empty() {
            let list: Vec<String> = u
                .triggers
                .iter()
                .map(|(t, n)| format!("{} ({n})", markdown_escape(t)))
                .collect();
            let _ = writeln!(out, "- {}: {}", words::REPORT_TRIGGERS, list.join(", "));
        }
        if !u.by_month.is_empty() {
            let _ = writeln!(out, "\n| Month | Urges ridden out |\n| --- | ---: |");
            for (year, month, n) in u.by_month.iter().rev().take(MOOD_MONTHS).rev() {
                let _ = writeln!(out, "| {year}-{month:02} | {n} |");
            }
        }
        if u.ridden_out > 0 {
            let head: Vec<String> = (0..7).map(|i| weekday(i).to_string()).collect();
            let counts: Vec<String> = u.by_weekday.iter().map(|n| n.to_string()).collect();
            let _ = writeln!(
                out,
                "\n| {} |\n|{}\n| {} |",
                head.join(" | "),
                " ---: |".repeat(7),
                counts.join(" | ")
            );
        }
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
