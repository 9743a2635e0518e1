//! The words of hooks and `milestone remind`: the `{message}` handed to a hook, the lines of a
//! reminder, and the warnings when a hook goes wrong.
//!
//! A hook's message never names a private tracker (`name` is `None` then), and a reminder names
//! one only when the person asked with `--all`.

use chrono::NaiveDate;

use crate::journal::EntryKind;

/// When a milestone falls, relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Today,
    Yesterday,
    Tomorrow,
}

impl When {
    pub fn word(self) -> &'static str {
        match self {
            When::Today => "today",
            When::Yesterday => "yesterday",
            When::Tomorrow => "tomorrow",
        }
    }
}

/// "30 days alcohol-free", or just "30 days" when the tracker must not be named.
fn count(label: &str, phrase: Option<&str>) -> String {
    match phrase {
        Some(phrase) => format!("{label} {phrase}"),
        None => label.to_owned(),
    }
}

/// `{message}` for `on_milestone`: "30 days alcohol-free today. Well done!"
pub fn hook_milestone(label: &str, phrase: Option<&str>, when: When) -> String {
    format!("{} {}. Well done!", count(label, phrase), when.word())
}

/// `{message}` for `on_reset`: a fresh start, spoken of gently.
pub fn hook_reset(name: Option<&str>, date: NaiveDate) -> String {
    match name {
        Some(name) => {
            format!("A fresh start with {name} on {date}. Every day before it still counts.")
        }
        None => format!("A fresh start on {date}. Every day before it still counts."),
    }
}

/// `{message}` for `on_entry`: "A check-in for alcohol on 2026-11-25 (day 256)."
pub fn hook_entry(
    kind: EntryKind,
    name: Option<&str>,
    date: NaiveDate,
    day: Option<i64>,
) -> String {
    let what = super::entry::with_article(kind);
    let whose = name.map(|n| format!(" for {n}")).unwrap_or_default();
    let day = day.map(|d| format!(" (day {d})")).unwrap_or_default();
    let mut message = format!("{what}{whose} on {date}{day}.");
    message[..1].make_ascii_uppercase();
    message
}

/// A reminder of one of your milestones, today or tomorrow.
pub fn remind_milestone(label: &str, phrase: Option<&str>, when: When, emoji: bool) -> String {
    let what = match phrase {
        Some(_) => count(label, phrase),
        None => format!("{label} on a private tracker"),
    };
    match when {
        When::Tomorrow => format!("Tomorrow: {what}."),
        _ if emoji => format!("🎉 Today: {what}!"),
        _ => format!("Today: {what}!"),
    }
}

/// A reminder that a tracker you check in on most days has none today.
pub fn remind_checkin(name: Option<&str>) -> String {
    let which = name.unwrap_or("a private tracker");
    format!("No check-in yet today for {which}. How are you doing?")
}

/// A reminder of a group member's anniversary, today or tomorrow; `None`: an anonymous member.
pub fn remind_member(member: Option<&str>, label: &str, when: When, emoji: bool) -> String {
    let member = member.unwrap_or("A friend");
    match when {
        When::Tomorrow => format!("Tomorrow: {member} reaches {label}."),
        _ if emoji => format!("🎉 Today: {member} reaches {label}!"),
        _ => format!("Today: {member} reaches {label}!"),
    }
}

pub fn hook_missing(hook: &str, program: &str) -> String {
    format!(
        "the {hook} hook could not run {program:?}: no such program; check [hooks] in the settings file (`milestone paths` shows where)"
    )
}

pub fn hook_not_started(hook: &str, program: &str, why: &std::io::Error) -> String {
    format!(
        "the {hook} hook could not run {program:?}: {why}; check [hooks] in the settings file (`milestone paths` shows where)"
    )
}

pub fn hook_failed(hook: &str, program: &str, status: std::process::ExitStatus) -> String {
    let how = match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => "was stopped by a signal".to_owned(),
    };
    format!("the {hook} hook {program:?} {how}")
}

pub fn hook_timed_out(hook: &str, program: &str, seconds: u64) -> String {
    format!("the {hook} hook {program:?} was still running after {seconds} seconds and was stopped")
}

pub fn hooks_not_checked(why: &anyhow::Error) -> String {
    format!("hooks did not run: {why:#}")
}

/// `on_milestone` hooks are skipped when what fired cannot be remembered: they would run again
/// on every command.
pub fn milestone_hooks_not_run(why: &anyhow::Error) -> String {
    format!("the on_milestone hooks did not run: {why:#} (they would run again every time)")
}

/// A group whose folder could not be read: its members' milestones are not said this time.
pub fn group_not_read(group: &str, why: &anyhow::Error) -> String {
    format!("{why:#}; the milestones of {group}'s members were not checked")
}

pub fn not_remembered(why: &anyhow::Error) -> String {
    format!("{why:#} (so this may be said again)")
}
