//! The `milestone sos` screen: short lines, at most 80 columns, and for a journal of ordinary
//! size at most 23 lines, so that it fits a 24-line terminal with the prompt below it.

use std::fmt::Write as _;

use super::report_text::money_text;
use super::{Counting, Paint, terminal_safe};
use crate::sos::Sos;
use crate::words::sos as words;

const WIDTH: usize = 80;

pub fn screen(sos: &Sos, counting: Counting, paint: Paint) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.bold(words::TITLE));
    let several = sos.trackers.len() > 1;
    for t in &sos.trackers {
        let s = &t.standing;
        let phrase = terminal_safe(&t.phrase);
        let line = words::days(
            counting.days(s),
            &phrase,
            s.restarted(),
            counting.total_of(s).0,
        );
        let _ = writeln!(out, "{}", fit(&line, WIDTH));
    }
    if sos
        .trackers
        .iter()
        .any(|t| t.standing.restarted() && t.standing.days < 30)
    {
        let _ = writeln!(out, "{}", words::AFTER_A_SLIP);
    }
    if sos.urges > 0 {
        let _ = writeln!(out, "{}", words::urges(sos.urges));
    }
    for t in &sos.trackers {
        if let Some(amount) = t.money_not_spent.filter(|a| *a > 0.0) {
            let name = several.then_some(t.standing.tracker.as_str());
            let _ = writeln!(out, "{}", words::money(&money_text(amount), name));
        }
    }

    let reasons: Vec<&str> = sos
        .reasons
        .iter()
        .take(crate::sos::MAX_REASONS)
        .map(|r| r.text.as_str())
        .collect();
    let blocks = [(words::REASONS, reasons), (words::WINS, sos.wins.clone())];
    let mut first = true;
    for (title, lines) in blocks {
        if lines.is_empty() {
            continue;
        }
        if first {
            out.push('\n');
            first = false;
        }
        let _ = writeln!(out, "{}", paint.bold(title));
        for text in lines {
            let _ = writeln!(out, "  {}", fit(&one_line(text), WIDTH - 2));
        }
    }

    let _ = writeln!(out, "\n{}", paint.bold(words::PEOPLE));
    if sos.contacts.is_empty() {
        let _ = writeln!(out, "  {}", words::NO_PEOPLE);
    }
    let people: Vec<(String, String)> = sos
        .contacts
        .iter()
        .take(crate::sos::MAX_CONTACTS)
        .map(|c| (fit(&one_line(&c.name), 36), fit(&one_line(&c.phone), 36)))
        .collect();
    let widest = people
        .iter()
        .map(|(name, _)| name.chars().count())
        .max()
        .unwrap_or(0);
    for (name, phone) in &people {
        let pad = widest - name.chars().count();
        let _ = writeln!(out, "  {name}{}  {phone}", " ".repeat(pad));
    }

    out.push('\n');
    for way in words::WAYS {
        let _ = writeln!(out, "{way}");
    }
    let _ = writeln!(out, "\n{}", paint.bold(words::IN_DANGER));
    out
}

/// A person's words on one line, safe for the terminal.
fn one_line(text: &str) -> String {
    let joined: Vec<&str> = text.split_whitespace().collect();
    terminal_safe(&joined.join(" ")).into_owned()
}

/// `text` cut to `width` characters, with an ellipsis when it was longer.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let kept: String = text.chars().take(width - 1).collect();
    format!("{}…", kept.trim_end())
}
