//! Which trackers and entries a command is about: the one named (in any case), the settings'
//! default, the only one, or every one; and which of them may be shared.
//!
//! Every command that takes a tracker or an id goes through here, so that the rules (and the
//! words when a name does not fit) are the same everywhere.

use anyhow::{Result, bail};

use super::{Journal, Tracker, check_tracker_name};
use crate::error::UsageError;

/// The settings' `default_tracker`, with where it was set, so that a stale setting is blamed on
/// the settings file and not on the journal.
#[derive(Debug, Clone, Copy)]
pub struct DefaultTracker<'a> {
    pub name: &'a str,
    pub settings_file: &'a std::path::Path,
}

/// The tracker named on the command line, else the default, checked against the journal.
fn named_or_default<'a>(
    journal: &Journal,
    named: Option<&'a str>,
    default: Option<DefaultTracker<'a>>,
) -> Result<Option<&'a str>> {
    if named.is_some() {
        return Ok(named);
    }
    let Some(default) = default else {
        return Ok(None);
    };
    if journal.tracker(default.name).is_none() {
        bail!(
            "the settings file {} sets default_tracker = {:?}, and there is no such tracker; your trackers are {} (fix default_tracker, or name a tracker on the command line)",
            default.settings_file.display(),
            default.name,
            journal.tracker_names().join(", ")
        );
    }
    Ok(Some(default.name))
}

/// The one tracker a command is about: the one named, the default, or the only one there is.
/// `how_to_name` says how to name one, for the message when there are several.
pub fn one_tracker<'j>(
    journal: &'j Journal,
    named: Option<&str>,
    default: Option<DefaultTracker>,
    how_to_name: &str,
) -> Result<&'j Tracker> {
    if let Some(name) = named_or_default(journal, named, default)? {
        return find_tracker(journal, name);
    }
    match journal.trackers.as_slice() {
        [] => bail!(no_trackers_yet()),
        [only] => Ok(only),
        _ => Err(UsageError(format!(
            "you have several trackers ({}); name one with {how_to_name}",
            journal.tracker_names().join(", ")
        ))
        .into()),
    }
}

/// The trackers a reading command shows: the one named, or all of them.
pub fn shown_trackers<'j>(journal: &'j Journal, named: Option<&str>) -> Result<Vec<&'j Tracker>> {
    match named {
        Some(name) => Ok(vec![find_tracker(journal, name)?]),
        None if journal.trackers.is_empty() => bail!(no_trackers_yet()),
        None => Ok(journal.trackers.iter().collect()),
    }
}

/// Which trackers `share` (and a group card) speaks of, as the contract states: the one
/// named, or with `all` every tracker that is not private, else the default tracker, else the
/// one tracker that is not private. A private tracker is never chosen, even by name.
pub fn shared_trackers<'j>(
    journal: &'j Journal,
    named: Option<&str>,
    default: Option<DefaultTracker>,
    all: bool,
) -> Result<Vec<&'j Tracker>> {
    if journal.trackers.is_empty() {
        bail!(no_trackers_yet());
    }
    let shareable: Vec<&Tracker> = journal.trackers.iter().filter(|t| !t.private).collect();
    if all {
        if shareable.is_empty() {
            return Err(UsageError(nothing_shareable(journal)).into());
        }
        return Ok(shareable);
    }
    if let Some(name) = named_or_default(journal, named, default)? {
        let tracker = find_tracker(journal, name)?;
        if tracker.private {
            bail!(
                "{} is private, so it is never shared; to share it, make it shareable first with `milestone tracker {} --shareable`",
                tracker.name,
                tracker.name
            );
        }
        return Ok(vec![tracker]);
    }
    match shareable.as_slice() {
        [] => Err(UsageError(nothing_shareable(journal)).into()),
        [only] => Ok(vec![*only]),
        several => Err(UsageError(format!(
            "you have several trackers you could share ({}); name the one to share, such as `milestone share {}`, or share them all with --all",
            names(several),
            several[0].name
        ))
        .into()),
    }
}

fn nothing_shareable(journal: &Journal) -> String {
    let first = &journal.trackers[0].name;
    format!(
        "all your trackers are private, so there is nothing to share; to share one, make it shareable with `milestone tracker {first} --shareable`"
    )
}

/// The tracker called `name` (in any case), or an error suggesting the closest names.
pub fn find_tracker<'j>(journal: &'j Journal, name: &str) -> Result<&'j Tracker> {
    if let Some(tracker) = journal.tracker(name) {
        return Ok(tracker);
    }
    if journal.trackers.is_empty() {
        bail!(
            "there is no tracker named {name:?}; begin one with `milestone start {}`",
            shell_word(name)
        )
    }
    let close = closest_names(journal, name);
    if close.is_empty() {
        bail!(
            "there is no tracker named {name:?}; your trackers are {} (or begin a new one with `milestone start NAME`)",
            journal.tracker_names().join(", ")
        )
    }
    bail!(
        "there is no tracker named {name:?}; did you mean {}? (your trackers are {})",
        close.join(" or "),
        journal.tracker_names().join(", ")
    )
}

/// Names within a small edit distance of `name`, closest first: "alchohol" finds "alcohol".
fn closest_names<'j>(journal: &'j Journal, name: &str) -> Vec<&'j str> {
    let wanted = name.to_ascii_lowercase();
    let mut scored: Vec<(usize, &str)> = journal
        .trackers
        .iter()
        .map(|t| {
            let distance = strsim::damerau_levenshtein(&wanted, &t.name.to_ascii_lowercase());
            (distance, t.name.as_str())
        })
        .filter(|(distance, known)| *distance <= (known.len() / 3).max(2))
        .collect();
    scored.sort();
    scored.into_iter().take(2).map(|(_, name)| name).collect()
}

/// The full id of the entry `given` names: exactly, or by a unique beginning.
pub fn resolve_id(journal: &Journal, given: &str) -> Result<String> {
    if journal.has_id(given) {
        return Ok(given.to_owned());
    }
    let matches: Vec<&str> = journal
        .entries
        .iter()
        .filter_map(|e| e.id.as_deref())
        .filter(|id| !given.is_empty() && id.starts_with(given))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).to_owned()),
        [] => bail!(
            "no entry has the id {given:?}; `milestone list` shows each entry's id (entries written by hand get one with `milestone edit` only once they have an `id = \"...\"` line)"
        ),
        several => bail!(
            "{given:?} is the beginning of several ids ({}); give more of it",
            several.join(", ")
        ),
    }
}

pub fn no_trackers_yet() -> String {
    "you are not tracking anything yet; begin with `milestone start NAME` (for example `milestone start alcohol`)".into()
}

fn names(trackers: &[&Tracker]) -> String {
    trackers
        .iter()
        .map(|t| t.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A name as it can be pasted into a shell; tracker names need no quoting once valid.
fn shell_word(name: &str) -> String {
    if !name.is_empty() && check_tracker_name(name).is_ok() {
        name.to_owned()
    } else {
        "NAME".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn journal(trackers: &[(&str, bool)]) -> Journal {
        let since = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        Journal {
            trackers: trackers
                .iter()
                .map(|(name, private)| Tracker {
                    private: *private,
                    ..Tracker::new(*name, since)
                })
                .collect(),
            ..Journal::default()
        }
    }

    fn shared(
        j: &Journal,
        named: Option<&str>,
        default: Option<&str>,
        all: bool,
    ) -> Result<Vec<String>> {
        let default = default.map(|name| DefaultTracker {
            name,
            settings_file: std::path::Path::new("config.toml"),
        });
        shared_trackers(j, named, default, all)
            .map(|ts| ts.iter().map(|t| t.name.clone()).collect())
    }

    fn is_usage(err: &anyhow::Error) -> bool {
        err.downcast_ref::<UsageError>().is_some()
    }

    #[test]
    fn share_picks_the_default_else_the_one_shareable_tracker() {
        let j = journal(&[("no-smoking", false), ("sober", false), ("self-harm", true)]);
        assert_eq!(shared(&j, None, Some("sober"), false).unwrap(), ["sober"]);
        assert_eq!(
            shared(&j, None, None, true).unwrap(),
            ["no-smoking", "sober"]
        );
        let err = shared(&j, None, None, false).unwrap_err();
        assert!(is_usage(&err), "{err}");
        assert_eq!(
            err.to_string(),
            "you have several trackers you could share (no-smoking, sober); name the one to share, such as `milestone share no-smoking`, or share them all with --all"
        );
        let one = journal(&[("sober", false), ("self-harm", true)]);
        assert_eq!(shared(&one, None, None, false).unwrap(), ["sober"]);
    }

    #[test]
    fn a_private_tracker_is_never_shared_even_by_name() {
        let j = journal(&[("sober", false), ("self-harm", true)]);
        let err = shared(&j, Some("Self-Harm"), None, false).unwrap_err();
        assert!(!is_usage(&err));
        assert_eq!(
            err.to_string(),
            "self-harm is private, so it is never shared; to share it, make it shareable first with `milestone tracker self-harm --shareable`"
        );
        assert!(shared(&j, None, Some("self-harm"), false).is_err());
        let only_private = journal(&[("self-harm", true)]);
        assert!(is_usage(
            &shared(&only_private, None, None, false).unwrap_err()
        ));
        assert!(is_usage(
            &shared(&only_private, None, None, true).unwrap_err()
        ));
    }

    #[test]
    fn names_are_found_in_any_case_and_typos_get_suggestions() {
        let j = journal(&[("alcohol", false), ("smoking", false)]);
        assert_eq!(find_tracker(&j, "ALCOHOL").unwrap().name, "alcohol");
        assert_eq!(
            find_tracker(&j, "alchohol").unwrap_err().to_string(),
            "there is no tracker named \"alchohol\"; did you mean alcohol? (your trackers are alcohol, smoking)"
        );
        assert_eq!(
            find_tracker(&j, "gambling").unwrap_err().to_string(),
            "there is no tracker named \"gambling\"; your trackers are alcohol, smoking (or begin a new one with `milestone start NAME`)"
        );
    }

    #[test]
    fn several_trackers_and_none_named_is_a_usage_error() {
        let j = journal(&[("alcohol", false), ("smoking", false)]);
        let err = one_tracker(&j, None, None, "-t NAME").unwrap_err();
        assert!(is_usage(&err));
        assert_eq!(
            err.to_string(),
            "you have several trackers (alcohol, smoking); name one with -t NAME"
        );
        assert_eq!(
            one_tracker(&j, Some("Smoking"), None, "").unwrap().name,
            "smoking"
        );
    }
}
