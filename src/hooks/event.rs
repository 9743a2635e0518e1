//! What a hook is told: the values of one event, as placeholders, environment and a share card.
//! Pure: no processes here, so what can reach a hook is tested on its own.
//!
//! Nothing here ever reads an entry's text or notes. A private tracker's name is left out
//! (`{tracker}` empty, the card discreet) and the message speaks of it without naming it.

use chrono::NaiveDate;

use crate::journal::{EntryKind, Tracker};
use crate::milestones::{Ladder, Milestone};
use crate::share::ShareOptions;
use crate::share::card::{self, Card};
use crate::streak::Standing;
use crate::words::remind::{self as words, When};

/// The hooks a settings file can name, by their key in `[hooks]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Hook {
    #[value(name = "on_milestone")]
    Milestone,
    #[value(name = "on_reset")]
    Reset,
    #[value(name = "on_entry")]
    Entry,
}

impl Hook {
    /// The key in `[hooks]`.
    pub fn setting(self) -> String {
        clap::ValueEnum::to_possible_value(&self)
            .map(|value| value.get_name().to_owned())
            .unwrap_or_default()
    }

    /// `MILESTONE_EVENT`.
    fn event(self) -> &'static str {
        match self {
            Hook::Milestone => "milestone",
            Hook::Reset => "reset",
            Hook::Entry => "entry",
        }
    }
}

/// The placeholders a hook's arguments may hold.
pub const PLACEHOLDERS: [&str; 6] = ["tracker", "days", "label", "date", "kind", "message"];

/// One event, with every value a hook may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub hook: Hook,
    /// Empty for a private tracker.
    pub tracker: String,
    pub days: i64,
    /// The milestone's label (a milestone, or an entry on a milestone day), else empty.
    pub label: String,
    pub date: NaiveDate,
    /// The kind of the entry behind the event; empty when `remind` found the milestone.
    pub kind: String,
    pub message: String,
    /// The share card, as `share --style json` writes it, for standard input.
    pub card: String,
}

/// The name a hook may see: none for a private tracker.
fn shown_name(tracker: &Tracker) -> Option<&str> {
    (!tracker.private).then_some(tracker.name.as_str())
}

/// A share card that never names a private tracker.
fn card_for(
    tracker: &Tracker,
    standing: &Standing,
    ladder: &Ladder,
    options: &ShareOptions,
) -> String {
    let options = ShareOptions {
        discreet: options.discreet || tracker.private,
        ..options.clone()
    };
    let phrase = tracker.phrase();
    card::to_json(&[Card::new(standing, &phrase, ladder, &options)]).unwrap_or_default()
}

/// `on_milestone`: `milestone` reached (on its own day, `standing` as of that day).
pub fn milestone(
    tracker: &Tracker,
    milestone: &Milestone,
    standing: &Standing,
    kind: Option<EntryKind>,
    today: NaiveDate,
    ladder: &Ladder,
    options: &ShareOptions,
) -> Event {
    let when = if milestone.date == today {
        When::Today
    } else {
        When::Yesterday
    };
    let phrase = (!tracker.private).then(|| tracker.phrase());
    Event {
        hook: Hook::Milestone,
        tracker: shown_name(tracker).unwrap_or_default().to_owned(),
        days: standing.days,
        label: milestone.label.clone(),
        date: milestone.date,
        kind: kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        message: words::hook_milestone(&milestone.label, phrase.as_deref(), when),
        card: card_for(tracker, standing, ladder, options),
    }
}

/// `on_entry` or `on_reset`: an entry of `kind` on `date` was written; `standing` as `add` or
/// `reset` computed it.
pub fn entry(
    hook: Hook,
    tracker: &Tracker,
    kind: EntryKind,
    date: NaiveDate,
    standing: Option<&Standing>,
    ladder: &Ladder,
    options: &ShareOptions,
) -> Event {
    let name = shown_name(tracker);
    let message = match hook {
        Hook::Reset => words::hook_reset(name, date),
        _ => words::hook_entry(kind, name, date, standing.map(|s| options.counting.days(s))),
    };
    Event {
        hook,
        tracker: name.unwrap_or_default().to_owned(),
        days: standing.map_or(0, |s| s.days),
        label: standing
            .and_then(|s| s.milestone_today())
            .map(|m| m.label.clone())
            .unwrap_or_default(),
        date,
        kind: kind.as_str().to_owned(),
        message,
        card: standing
            .map(|s| card_for(tracker, s, ladder, options))
            .unwrap_or_default(),
    }
}

impl Event {
    fn value(&self, placeholder: &str) -> Option<String> {
        Some(match placeholder {
            "tracker" => self.tracker.clone(),
            "days" => self.days.to_string(),
            "label" => self.label.clone(),
            "date" => self.date.to_string(),
            "kind" => self.kind.clone(),
            "message" => self.message.clone(),
            _ => return None,
        })
    }

    /// The program and its arguments, placeholders filled in. Each value stays inside the one
    /// argument it was written in: no shell ever sees it, so `$(...)` or `;` is only text.
    pub fn argv(&self, template: &[String]) -> Vec<String> {
        let mut argv = template.to_vec();
        for arg in argv.iter_mut().skip(1) {
            *arg = expand(arg, |name| self.value(name));
        }
        argv
    }

    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("MILESTONE_EVENT", self.hook.event().to_owned()),
            ("MILESTONE_TRACKER", self.tracker.clone()),
            ("MILESTONE_DAYS", self.days.to_string()),
            ("MILESTONE_LABEL", self.label.clone()),
            ("MILESTONE_DATE", self.date.to_string()),
            ("MILESTONE_KIND", self.kind.clone()),
        ]
    }
}

/// `arg` with each `{name}` that `value` knows replaced, in one pass: a value that itself
/// holds `{label}` is left as it is.
fn expand(arg: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(arg.len());
    let mut rest = arg;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, value(&after[..close])?)))
        {
            Some((close, v)) => {
                out.push_str(&v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Why an argument is refused: a `{word}` that is no placeholder (a typo such as `{mesage}`
/// would otherwise reach the program as it is).
pub fn check_placeholders(arg: &str) -> Result<(), String> {
    let mut rest = arg;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            let word = &after[..close];
            let looks_like_one =
                !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            if looks_like_one && !PLACEHOLDERS.contains(&word) {
                return Err(format!(
                    "{{{word}}} is not a placeholder; use {}",
                    PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(" ")
                ));
            }
        }
        rest = after;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::milestones::Ladder;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn tracker(private: bool) -> Tracker {
        Tracker {
            private,
            ..Tracker::new("alcohol", date("2026-03-14"))
        }
    }

    fn standing_on(tracker: &Tracker, on: &str) -> Standing {
        crate::streak::standing(tracker, [], date(on), &Ladder::default()).unwrap()
    }

    #[test]
    fn placeholders_are_filled_in_one_pass() {
        let value = |name: &str| match name {
            "label" => Some("{message}".to_owned()),
            "message" => Some("never".to_owned()),
            _ => None,
        };
        assert_eq!(expand("{label}", value), "{message}");
        assert_eq!(expand("a{label}b{x}{", value), "a{message}b{x}{");
        assert_eq!(
            expand("{\"text\": \"{message}\"}", value),
            "{\"text\": \"never\"}"
        );
    }

    #[test]
    fn unknown_placeholders_are_refused() {
        assert!(check_placeholders("{message} on {date}").is_ok());
        assert!(check_placeholders("{\"json\": 1}").is_ok());
        let why = check_placeholders("{mesage}").unwrap_err();
        assert!(
            why.starts_with("{mesage} is not a placeholder; use {tracker}"),
            "{why}"
        );
    }

    #[test]
    fn a_milestone_event_names_a_shared_tracker() {
        let t = tracker(false);
        let m = Milestone {
            label: "30 days".into(),
            date: date("2026-04-13"),
        };
        let s = standing_on(&t, "2026-04-13");
        let e = milestone(
            &t,
            &m,
            &s,
            None,
            date("2026-04-13"),
            &Ladder::default(),
            &ShareOptions::default(),
        );
        assert_eq!(e.tracker, "alcohol");
        assert_eq!(e.days, 30);
        assert_eq!(e.message, "30 days alcohol-free today. Well done!");
        assert!(e.card.contains("\"tracker\": \"alcohol\""), "{}", e.card);
        let argv = e.argv(&[
            "notify-send".into(),
            "{message}".into(),
            "{tracker};{days}".into(),
        ]);
        assert_eq!(
            argv,
            [
                "notify-send",
                "30 days alcohol-free today. Well done!",
                "alcohol;30"
            ]
        );
    }

    #[test]
    fn a_private_tracker_is_never_named() {
        let t = Tracker {
            phrase: Some("alcohol-free".into()),
            ..tracker(true)
        };
        let m = Milestone {
            label: "30 days".into(),
            date: date("2026-04-13"),
        };
        let s = standing_on(&t, "2026-04-13");
        let events = [
            milestone(
                &t,
                &m,
                &s,
                None,
                date("2026-04-14"),
                &Ladder::default(),
                &ShareOptions::default(),
            ),
            entry(
                Hook::Reset,
                &t,
                EntryKind::Reset,
                m.date,
                Some(&s),
                &Ladder::default(),
                &ShareOptions::default(),
            ),
            entry(
                Hook::Entry,
                &t,
                EntryKind::Checkin,
                m.date,
                Some(&s),
                &Ladder::default(),
                &ShareOptions::default(),
            ),
        ];
        for e in &events {
            assert_eq!(e.tracker, "");
            assert!(!e.message.contains("alcohol"), "{}", e.message);
            assert!(!e.card.contains("alcohol"), "{}", e.card);
            assert!(e.env().iter().all(|(_, v)| !v.contains("alcohol")));
        }
        assert_eq!(events[0].message, "30 days yesterday. Well done!");
        assert_eq!(events[2].message, "A check-in on 2026-04-13 (day 30).");
    }
}
