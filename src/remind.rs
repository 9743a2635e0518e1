//! What `milestone remind` has to say on a day: your milestones today and tomorrow, and a
//! nudge for a tracker you check in on most days that has no check-in yet. Pure: which of
//! these were already said today is `crate::state`'s to know; group members' cards are the
//! command's to gather (without the network), their milestones this module's to find.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::journal::{EntryKind, Journal, Tracker};
use crate::settings::Settings;
use crate::share::circle::Seen;
use crate::words::remind::{self as words, When};

/// Check-ins on at least this many of the last `HABIT_WINDOW` days make a habit worth a nudge.
const HABIT_DAYS: usize = 3;
const HABIT_WINDOW: u64 = 7;

/// One thing due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// "milestone", "checkin" or "member_milestone".
    pub kind: &'static str,
    pub date: NaiveDate,
    /// "today" or "tomorrow".
    pub when: &'static str,
    /// `None` for a private tracker (unless asked for with `--all`) and for a member's news.
    pub tracker: Option<String>,
    pub label: Option<String>,
    /// The count on `date` (the contract's count, from 0).
    pub days: Option<i64>,
    /// A group member's display name (`None` when anonymous), and the group.
    pub member: Option<String>,
    pub group: Option<String>,
    pub text: String,
    /// What makes it the same reminder on another run today.
    #[serde(skip)]
    pub key: String,
}

/// Everything due on `today` for the person's own trackers. `all`: name private trackers too.
pub fn due(journal: &Journal, today: NaiveDate, settings: &Settings, all: bool) -> Vec<Reminder> {
    let tomorrow = today.checked_add_days(Days::new(1));
    let mut due = Vec::new();
    for tracker in &journal.trackers {
        let ladder = settings.ladder_for(&tracker.name);
        let entries = journal.entries_for(&tracker.name);
        let Some(now) = crate::streak::standing(tracker, entries, today, ladder) else {
            continue;
        };
        let named = all || !tracker.private;
        let phrase = named.then(|| tracker.phrase());
        let milestone = |m: &crate::milestones::Milestone, when: When| Reminder {
            kind: "milestone",
            date: m.date,
            when: when.word(),
            tracker: named.then(|| tracker.name.clone()),
            label: Some(m.label.clone()),
            days: Some((m.date - now.start).num_days()),
            member: None,
            group: None,
            text: words::remind_milestone(&m.label, phrase.as_deref(), when, settings.emoji),
            key: format!("milestone {} {} {}", tracker.name, now.start, m.label),
        };
        if let Some(m) = now.milestone_today() {
            due.push(milestone(m, When::Today));
        }
        if let Some(m) = now
            .next_milestone
            .as_ref()
            .filter(|m| Some(m.date) == tomorrow)
        {
            due.push(milestone(m, When::Tomorrow));
        }
        if needs_a_checkin(journal, tracker, today) {
            due.push(Reminder {
                kind: "checkin",
                date: today,
                when: When::Today.word(),
                tracker: named.then(|| tracker.name.clone()),
                label: None,
                days: Some(now.days),
                member: None,
                group: None,
                text: words::remind_checkin(named.then_some(tracker.name.as_str())),
                key: format!("checkin {}", tracker.name),
            });
        }
    }
    due
}

/// A group member's milestone today or tomorrow, from their card as `circle` sees it today
/// (`seen`, from `circle::view`). `member_id` tells two members with one display name apart.
/// Their name and labels are other people's input: made as safe as `group show` makes them.
pub fn member_due(
    group: &str,
    member_id: &str,
    seen: &Seen,
    today: NaiveDate,
    emoji: bool,
) -> Vec<Reminder> {
    let tomorrow = today.checked_add_days(Days::new(1));
    let card = &seen.card;
    let name = card
        .name
        .as_deref()
        .map(crate::share::clean_note)
        .filter(|n| !n.is_empty());
    let today_one = seen
        .milestone
        .clone()
        .map(|label| (label, today, When::Today));
    let tomorrow_one = seen
        .next
        .as_ref()
        .filter(|next| Some(next.date) == tomorrow)
        .map(|next| (next.label.clone(), next.date, When::Tomorrow));
    today_one
        .into_iter()
        .chain(tomorrow_one)
        .map(|(label, date, when)| {
            let label = crate::share::clean_note(&label);
            Reminder {
                kind: "member_milestone",
                date,
                when: when.word(),
                tracker: None,
                days: Some((date - card.streak_start()).num_days()),
                text: words::remind_member(name.as_deref(), &label, when, emoji),
                member: name.clone(),
                group: Some(group.to_owned()),
                // One member's two trackers reaching one label on one day are said once.
                key: format!("member_milestone {group} {member_id} {date} {label}"),
                label: Some(label),
            }
        })
        .collect()
}

/// True when `tracker` has check-ins on at least 3 of the 7 days before `today`, and none today.
fn needs_a_checkin(journal: &Journal, tracker: &Tracker, today: NaiveDate) -> bool {
    let first = today
        .checked_sub_days(Days::new(HABIT_WINDOW))
        .unwrap_or(today);
    let mut days = BTreeSet::new();
    for entry in journal.entries_for(&tracker.name) {
        if entry.kind != EntryKind::Checkin || entry.date < first || entry.date > today {
            continue;
        }
        if entry.date == today {
            return false;
        }
        days.insert(entry.date);
    }
    days.len() >= HABIT_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Entry;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn journal(checkins: &[&str], private: bool) -> Journal {
        Journal {
            trackers: vec![Tracker {
                private,
                ..Tracker::new("alcohol", date("2026-03-14"))
            }],
            entries: checkins
                .iter()
                .map(|d| Entry {
                    tracker: "alcohol".into(),
                    ..Entry::draft(EntryKind::Checkin, date(d))
                })
                .collect(),
            ..Journal::default()
        }
    }

    fn texts(journal: &Journal, today: &str, all: bool) -> Vec<String> {
        due(journal, date(today), &Settings::default(), all)
            .into_iter()
            .map(|r| r.text)
            .collect()
    }

    #[test]
    fn milestones_today_and_tomorrow() {
        let j = journal(&[], false);
        assert_eq!(
            texts(&j, "2026-04-12", false),
            ["Tomorrow: 30 days alcohol-free."]
        );
        assert_eq!(
            texts(&j, "2026-04-13", false),
            ["🎉 Today: 30 days alcohol-free!"]
        );
        assert!(texts(&j, "2026-04-14", false).is_empty());
        assert_eq!(
            texts(&j, "2026-03-15", false),
            ["🎉 Today: 1 day alcohol-free!"]
        );
        assert_eq!(
            texts(&j, "2026-03-16", false),
            ["Tomorrow: 3 days alcohol-free."]
        );
    }

    #[test]
    fn a_checkin_is_due_after_three_of_the_last_seven_days() {
        let two = journal(&["2026-11-20", "2026-11-23"], false);
        assert!(texts(&two, "2026-11-25", false).is_empty());
        let three = journal(&["2026-11-18", "2026-11-20", "2026-11-24"], false);
        assert_eq!(
            texts(&three, "2026-11-25", false),
            ["No check-in yet today for alcohol. How are you doing?"]
        );
        let eight_days_ago = journal(&["2026-11-17", "2026-11-20", "2026-11-24"], false);
        assert!(texts(&eight_days_ago, "2026-11-25", false).is_empty());
        let done = journal(
            &["2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25"],
            false,
        );
        assert!(texts(&done, "2026-11-25", false).is_empty());
    }

    #[test]
    fn a_members_milestones_are_counted_on_from_an_older_card() {
        let card = |tracker: &str| crate::share::card::Card {
            version: 2,
            name: Some("Ana".into()),
            tracker: Some(tracker.into()),
            date: date("2026-11-20"),
            days: 25,
            milestone: None,
            next_milestone: None,
            start: Some(date("2026-10-26")),
            phrase: None,
            upcoming: Some(vec![crate::share::card::Upcoming {
                label: "30 days".into(),
                date: date("2026-11-25"),
            }]),
        };
        let on = |today: &str, tracker: &str| {
            let seen = crate::share::circle::view(vec![card(tracker)], date(today), &mut vec![]);
            member_due("g", "anaid", &seen[0], date(today), false)
        };
        let eve = on("2026-11-24", "smoking");
        assert_eq!(
            (eve[0].text.as_str(), eve[0].days),
            ("Tomorrow: Ana reaches 30 days.", Some(30))
        );
        let day = on("2026-11-25", "smoking");
        assert_eq!(day[0].text, "Today: Ana reaches 30 days!");
        assert_eq!(day.len(), 1);
        // Two trackers of one member, one label on one day: one reminder to say.
        assert_eq!(day[0].key, on("2026-11-25", "sugar")[0].key);
        assert!(on("2026-11-22", "smoking").is_empty());
    }

    #[test]
    fn a_private_tracker_is_named_only_when_asked() {
        let j = journal(&["2026-04-10", "2026-04-11", "2026-04-12"], true);
        assert_eq!(
            texts(&j, "2026-04-13", false),
            [
                "🎉 Today: 30 days on a private tracker!",
                "No check-in yet today for a private tracker. How are you doing?"
            ]
        );
        let reminders = due(&j, date("2026-04-13"), &Settings::default(), false);
        assert!(reminders.iter().all(|r| r.tracker.is_none()));
        assert_eq!(
            texts(&j, "2026-04-13", true)[0],
            "🎉 Today: 30 days alcohol-free!"
        );
    }
}
