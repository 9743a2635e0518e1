//! The upcoming milestones as an iCalendar file: one all-day event per milestone, to import
//! into a calendar app (or share with a sponsor). Stable UIDs let a re-import update, not
//! duplicate.

use chrono::NaiveDate;
use icalendar::{Calendar, Component, Event, EventLike};

use crate::milestones::Ladder;
use crate::streak::Standing;

/// How many upcoming milestones each tracker contributes.
pub const UPCOMING_PER_TRACKER: usize = 6;

pub fn export(standings: &[(Standing, &Ladder)], today: NaiveDate) -> String {
    let mut calendar = Calendar::new();
    calendar.name("Milestones");
    let stamp = today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    for (s, ladder) in standings {
        for m in ladder.upcoming(s.start, s.on, UPCOMING_PER_TRACKER) {
            let slug: String = m.label.replace(' ', "-");
            let event = Event::new()
                .uid(&format!("{}-{}-{slug}@milestone", s.tracker, m.date))
                .summary(&format!("{} {}", m.label, s.phrase))
                .description(&format!(
                    "A milestone of the streak that began on {}. Every day counts.",
                    s.start
                ))
                // DTEND is exclusive: an all-day event ends the next day.
                .starts(m.date)
                .ends(m.date.succ_opt().unwrap_or(m.date))
                .timestamp(stamp)
                .done();
            calendar.push(event);
        }
    }
    calendar.done().to_string()
}
