//! The words of `circle` and `group`: what a member reads about their group.

use chrono::NaiveDate;

/// A card from a day that has not come yet (a clock set wrong, or `--on` in the past).
pub fn future_card(who: &str, date: NaiveDate, today: NaiveDate) -> String {
    format!("{who}'s card is dated {date}, after {today}; skipped (is a clock set wrong?)")
}

/// After a member's line, when their card is more than a week old.
pub fn shared_on(date: NaiveDate) -> String {
    format!("(shared {date}).")
}

/// The end of a one-line circle that could not name everyone.
pub fn and_more(n: usize) -> String {
    if n == 1 {
        "and 1 more".to_string()
    } else {
        format!("and {n} more")
    }
}

/// `circle` run on a terminal with no file: it would wait for input nobody is typing.
pub const CIRCLE_USAGE: &str = "circle reads share cards: give it files (`milestone circle sam.json ana.json`) or pipe them in (`cat cards/*.json | milestone circle`); each member makes theirs with `milestone share --style json`";

use std::collections::BTreeMap;
use std::path::Path;

use crate::group::{GroupSettings, MembersFile};
use crate::output::terminal_safe;

pub const NO_GROUPS: &str = "you have not joined a group yet; join one with `milestone group join NAME PLACE` (PLACE: a shared folder, or a git URL)";
pub const JOIN_NEEDS_NAME: &str = "say how the group should see you: --as NAME, or --anonymous (or set `name` in the settings file)";
pub const NO_CARDS_YET: &str = "No cards yet. Post yours with `milestone group post`.";
pub const CHEERED_YOU: &str = " cheered you on.";
/// What closes a circle, in text and on the poster.
pub const THANKS: &str = "Every day counts. Thank you for being here.";

pub fn not_joined(name: &str, groups: &BTreeMap<String, GroupSettings>) -> String {
    if groups.is_empty() {
        format!("you have not joined a group called {name:?}; {NO_GROUPS}")
    } else {
        let names: Vec<&str> = groups.keys().map(String::as_str).collect();
        format!(
            "you have not joined a group called {name:?}; your groups are {}",
            names.join(", ")
        )
    }
}

pub fn already_joined(name: &str) -> String {
    format!(
        "you are already in {name}; post your card with `milestone group post {name}`, or leave first with `milestone group leave {name}`"
    )
}

pub fn name_a_group(names: &[&String]) -> String {
    let names: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
    format!(
        "you are in several groups ({}); name one, such as `milestone group show {}`",
        names.join(", "),
        names[0]
    )
}

pub fn private_tracker(tracker: &str) -> String {
    format!(
        "--tracker: {tracker} is private, so it never reaches a group; make it shareable first with `milestone tracker {tracker} --shareable`, or choose another"
    )
}

pub fn joined(name: &str, path: &Path, cloned: bool, group: &GroupSettings) -> String {
    let shown = match &group.name {
        Some(display) if !group.anonymous => format!("as {}", terminal_safe(display)),
        _ => "anonymously".to_string(),
    };
    let how = if cloned { "cloned into" } else { "in" };
    format!(
        "You joined {name} {shown} (your member id is {}), {how} {}.",
        group.member,
        terminal_safe(&path.display().to_string())
    )
}

/// `defaults`: the trackers `share` would share today, for a group that names none.
pub fn what_is_shared(group: &GroupSettings, defaults: &[&str], git: bool) -> String {
    let trackers = match &group.trackers {
        Some(list) => list.join(", "),
        None => format!("{} (what `milestone share` shares)", defaults.join(", ")),
    };
    let what = if group.discreet {
        "day counts and milestones, without naming what you track"
    } else {
        "day counts, milestones and what you track"
    };
    let mut text = format!(
        "The group sees {what} for: {trackers}; never a private tracker, never the words of an entry."
    );
    if git {
        text.push_str(
            " Whatever is posted stays in the repository's history, even after you leave.",
        );
    }
    if group.auto_post {
        text.push_str(" Your card is posted after each add, reset, urge and pledge.");
    }
    text
}

pub fn posted(name: &str, cards: usize) -> String {
    match cards {
        0 => format!("Posted to {name}: no card to share yet."),
        1 => format!("Posted your card to {name}."),
        n => format!("Posted your {n} cards to {name}."),
    }
}

pub fn card_waits(name: &str) -> String {
    format!(
        "your card for {name} is saved in the folder but was not sent; it goes with `milestone group post {name}` once the group's remote can be reached"
    )
}

pub fn some_posts_failed(names: &[&str]) -> String {
    format!(
        "your cards for {} were not sent (see above); they are saved in the folders and go with the next `milestone group post`",
        names.join(", ")
    )
}

pub fn auto_post_failed(name: &str, why: &str) -> String {
    format!(
        "your entry is saved; posting your card to {name} did not work ({why}); run `milestone group post` later"
    )
}

pub fn not_posting_private(group: &str, tracker: &str) -> String {
    format!("{tracker} is private now, so it is not posted to {group}")
}

pub fn no_such_tracker(group: &str, tracker: &str) -> String {
    format!(
        "the settings name a tracker {tracker:?} for {group}, and there is none; fix `trackers` in [group.{group}]"
    )
}

pub fn folder_missing(name: &str, dir: &Path) -> String {
    format!(
        "the folder of {name} ({}) is not there; is the drive mounted? Fix `path` in [group.{name}], or leave and join again",
        terminal_safe(&dir.display().to_string())
    )
}

pub fn git_failed(reason: &str) -> String {
    format!("git said: {reason}")
}

pub fn offline_showing_folder(name: &str, reason: &str) -> String {
    format!(
        "could not fetch what is new in {name} (git said: {reason}); showing what the folder has"
    )
}

pub fn clone_target_taken(dest: &Path) -> String {
    format!(
        "{} already holds something; remove it, or join with another group name",
        terminal_safe(&dest.display().to_string())
    )
}

pub fn clone_failed(place: &str, reason: &str) -> String {
    format!(
        "could not clone {} (git said: {reason}); check the address, and that you can reach it with `git clone`",
        terminal_safe(place)
    )
}

pub fn too_many_members(n: usize) -> String {
    format!("the group folder holds more than 1,000 members files; {n} were not read")
}

pub fn too_many_cheers(n: usize) -> String {
    format!("the group folder holds more than 10,000 cheers; the {n} oldest were not read")
}

pub fn skipped_file(dir: &str, file: &str, why: &str) -> String {
    format!("skipped {dir}/{}: {why}", terminal_safe(file))
}

pub fn not_a_folder(dir: &Path) -> String {
    format!(
        "skipped {}: not a plain folder (a symlink is never followed)",
        terminal_safe(&dir.display().to_string())
    )
}

pub fn not_a_regular_file(name: &str, kind: Option<std::fs::FileType>) -> String {
    use std::os::unix::fs::FileTypeExt;
    let what = match kind {
        Some(k) if k.is_symlink() => "a symlink; not followed",
        Some(k) if k.is_fifo() => "a FIFO, not a file",
        Some(k) if k.is_dir() => "a folder, not a file",
        _ => "not a regular file",
    };
    format!("skipped {}: {what}", terminal_safe(name))
}

pub fn not_json_named(dir: &Path, names: &[String]) -> String {
    let folder = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let shown: Vec<String> = names
        .iter()
        .take(3)
        .map(|n| terminal_safe(n).into_owned())
        .collect();
    let more = if names.len() > 3 {
        format!(" and {} more", names.len() - 3)
    } else {
        String::new()
    };
    format!(
        "skipped {} in {folder}/ that {} not .json: {}{more}",
        if names.len() == 1 {
            "1 file".to_string()
        } else {
            format!("{} files", names.len())
        },
        if names.len() == 1 { "is" } else { "are" },
        shown.join(", ")
    )
}

pub fn more_skipped(n: usize) -> String {
    format!("and {n} more files were skipped")
}

pub fn show_heading(name: &str, on: chrono::NaiveDate) -> String {
    format!("{name}, {on}")
}

pub fn cheers_heading(n: usize) -> String {
    if n == 1 {
        "A cheer for you".to_string()
    } else {
        format!("{n} cheers for you")
    }
}

pub fn cheer_too_long(n: usize) -> String {
    format!("a cheer is at most 200 characters; this one has {n}")
}

pub fn cheer_waits(name: &str) -> String {
    format!(
        "your cheer is saved in the folder of {name} but was not sent; it goes with your next `milestone group post {name}`"
    )
}

pub fn cheered(who: &str, group: &str) -> String {
    format!("Sent a cheer to {who} in {group}.")
}

pub fn leave_waits(name: &str) -> String {
    format!(
        "could not tell {name} you are leaving, so you are still in it; try `milestone group leave {name}` again once the remote can be reached"
    )
}

pub fn left(name: &str, path: &Path, git: bool) -> String {
    let mut text = format!(
        "You left {name}: your card is gone from the folder and {name} from your settings."
    );
    if git {
        text.push_str(" The repository's history still keeps what you posted before; only whoever runs the repository can erase it.");
    }
    text.push_str(&format!(
        " The folder is still at {}; delete it if you like.",
        terminal_safe(&path.display().to_string())
    ));
    text
}

pub fn list_line(name: &str, group: &GroupSettings) -> String {
    let who = match &group.name {
        Some(display) if !group.anonymous => format!("as {display}"),
        _ => "anonymously".into(),
    };
    let trackers = match &group.trackers {
        Some(list) => list.join(", "),
        None => "what share would share".into(),
    };
    let mut flags = Vec::new();
    if group.discreet {
        flags.push("discreet");
    }
    if group.auto_post {
        flags.push("auto-post");
    }
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!(", {}", flags.join(", "))
    };
    format!(
        "{name}: {who} (member {}), {trackers}{flags}, in {}",
        group.member,
        group.path.display()
    )
}

pub fn no_such_member(who: &str, members: &[MembersFile]) -> String {
    let names: Vec<String> = members
        .iter()
        .map(|m| match &m.name {
            Some(n) => terminal_safe(n).into_owned(),
            None => m.member.clone(),
        })
        .take(20)
        .collect();
    if names.is_empty() {
        format!(
            "nobody called {:?} has posted to this group yet",
            terminal_safe(who)
        )
    } else {
        format!(
            "nobody called {:?} in this group; the members are {}",
            terminal_safe(who),
            names.join(", ")
        )
    }
}

pub fn several_members(who: &str, several: &[&MembersFile]) -> String {
    let ids: Vec<&str> = several.iter().map(|m| m.member.as_str()).collect();
    format!(
        "several members are called {:?}; name one by member id: {}",
        terminal_safe(who),
        ids.join(", ")
    )
}
