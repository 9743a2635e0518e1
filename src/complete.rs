//! Completions that know the journal: tracker names, tags and entry ids, offered by
//! clap_complete's dynamic completion (`source <(COMPLETE=bash milestone)`).
//!
//! The completer cannot see `--journal` on the line being completed, so it reads the journal
//! that `MILESTONE_JOURNAL` or the default location names. Any problem means no suggestions,
//! never an error in the middle of someone's typing.

use std::ffi::OsStr;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::journal::{Journal, parse};

fn journal() -> Option<Journal> {
    let path = match std::env::var_os("MILESTONE_JOURNAL") {
        Some(path) if !path.is_empty() => std::path::PathBuf::from(path),
        _ => dirs::data_dir()?.join("milestone").join("journal.toml"),
    };
    let text = std::fs::read_to_string(path).ok()?;
    Some(parse::parse(&text, None).journal)
}

fn candidates(
    current: &OsStr,
    values: impl IntoIterator<Item = (String, Option<String>)>,
) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    let mut seen = std::collections::HashSet::new();
    values
        .into_iter()
        .filter(|(value, _)| value.starts_with(current.as_ref()) && seen.insert(value.clone()))
        .map(|(value, help)| CompletionCandidate::new(value).help(help.map(Into::into)))
        .collect()
}

pub fn trackers() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let Some(journal) = journal() else {
            return Vec::new();
        };
        candidates(
            current,
            journal
                .trackers
                .iter()
                .map(|t| (t.name.clone(), Some(format!("since {}", t.since)))),
        )
    })
}

pub fn tags() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let Some(journal) = journal() else {
            return Vec::new();
        };
        let tags: std::collections::BTreeSet<&String> =
            journal.entries.iter().flat_map(|e| &e.tags).collect();
        candidates(current, tags.into_iter().map(|t| (t.clone(), None)))
    })
}

pub fn triggers() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let Some(journal) = journal() else {
            return Vec::new();
        };
        let triggers: std::collections::BTreeSet<&String> =
            journal.entries.iter().flat_map(|e| &e.triggers).collect();
        candidates(current, triggers.into_iter().map(|t| (t.clone(), None)))
    })
}

pub fn entry_ids() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let Some(journal) = journal() else {
            return Vec::new();
        };
        // Newest first: the entry to fix is usually a recent one.
        let mut entries: Vec<_> = journal.entries.iter().filter(|e| e.id.is_some()).collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.date));
        candidates(
            current,
            entries.into_iter().map(|e| {
                let text: String = e.text.as_deref().unwrap_or("").chars().take(40).collect();
                let help = format!(
                    "{} {} {} {}",
                    e.date,
                    e.tracker,
                    e.kind.as_str(),
                    crate::output::chat_safe(&text)
                );
                (
                    e.id.as_deref().unwrap_or_default().to_owned(),
                    Some(help.trim_end().to_owned()),
                )
            }),
        )
    })
}
