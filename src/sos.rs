//! What `milestone sos` shows in a hard moment: the days, the person's reasons, their wins
//! (private ones too: the screen is theirs), the urges already ridden out, the money not spent
//! and the people to call. Pure data from the journal; `output::sos_text` lays it out.

use chrono::NaiveDate;

use crate::journal::{Contact, EntryKind, Journal, Reason, Tracker};
use crate::milestones::Ladder;
use crate::streak::{self, Standing};

/// At most this many of each, so that the screen fits 80x24 for a journal of ordinary size.
pub const MAX_REASONS: usize = 3;
pub const MAX_WINS: usize = 2;
pub const MAX_CONTACTS: usize = 3;

pub struct Sos<'j> {
    /// One per tracker shown, with its phrase and money not spent.
    pub trackers: Vec<TrackerDays>,
    pub reasons: &'j [Reason],
    /// Newest first, the words of each win.
    pub wins: Vec<&'j str>,
    /// Every urge ridden out, on or before the day.
    pub urges: usize,
    pub contacts: &'j [Contact],
}

pub struct TrackerDays {
    pub standing: Standing,
    pub phrase: String,
    pub money_not_spent: Option<f64>,
}

/// The screen's contents for `trackers` on `on`; trackers not started by then are left out.
pub fn sos<'j>(
    journal: &'j Journal,
    trackers: &[&Tracker],
    on: NaiveDate,
    ladder_for: impl Fn(&str) -> &'j Ladder,
) -> Sos<'j> {
    let shown = |name: &str| {
        trackers
            .iter()
            .any(|t| crate::journal::same_tracker_name(&t.name, name))
    };
    let days = trackers
        .iter()
        .filter_map(|t| {
            let standing =
                streak::standing(t, journal.entries_for(&t.name), on, ladder_for(&t.name))?;
            Some(TrackerDays {
                phrase: t.phrase(),
                money_not_spent: crate::report::money_not_spent(t.cost_per_day, &standing),
                standing,
            })
        })
        .collect();
    let mine = journal
        .entries
        .iter()
        .filter(|e| e.date <= on && shown(&e.tracker));
    let mut wins: Vec<_> = mine
        .clone()
        .filter(|e| e.kind == EntryKind::Win)
        .filter_map(|e| Some((e.date, e.text.as_deref()?)))
        .collect();
    // Newest first; among wins of one day, the one written last.
    wins.reverse();
    wins.sort_by_key(|(date, _)| std::cmp::Reverse(*date));
    Sos {
        trackers: days,
        reasons: &journal.reasons,
        wins: wins
            .into_iter()
            .map(|(_, text)| text)
            .take(MAX_WINS)
            .collect(),
        urges: mine.filter(|e| e.kind == EntryKind::Urge).count(),
        contacts: &journal.contacts,
    }
}
