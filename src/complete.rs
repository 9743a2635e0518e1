//! Completions that know the journal: tracker names, tags and entry ids.
//!
//! There is one kind of completion script, for every shell: `milestone completions SHELL`
//! prints it, `completions/` holds it, the package installs it. On each Tab it asks the binary
//! (`COMPLETE=SHELL milestone -- WORDS`, clap_complete's dynamic completion) what fits, so it is
//! never out of date with the command line and knows the person's own trackers, tags and ids.
//!
//! The completer cannot see `--journal` on the line being completed, so it reads the journal
//! that `MILESTONE_JOURNAL` or the default location names. Any problem means no suggestions,
//! never an error in the middle of someone's typing.

use std::ffi::OsStr;

use anyhow::{Context as _, Result};
use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{CompleteEnv, Shells};

use crate::cli::Cli;
use crate::journal::{Journal, parse};

/// The environment variable that turns a run into a completion request.
const VAR: &str = "COMPLETE";

/// What the scripts call back: `milestone` as the shell finds it, the very program being
/// completed, so that an installed script never names the folder it was generated in.
const COMPLETER: &str = "milestone";

/// Compinit autoloads a `#compdef` file from `$fpath` as the function `_milestone` and calls it
/// on the first Tab; clap's script only registers its completer then, so that Tab would offer
/// nothing. When sourced instead, `funcstack[1]` is not `_milestone` and this does nothing.
const ZSH_AUTOLOAD: &str = r#"if [[ ${funcstack[1]} == _milestone ]]; then
    _clap_dynamic_completer_milestone "$@"
fi
"#;

/// With `COMPLETE=SHELL` set, answers the shell's request (or prints the registration script)
/// and exits; otherwise returns and the command runs.
pub fn answer_if_asked() {
    CompleteEnv::with_factory(Cli::command)
        .var(VAR)
        .completer(COMPLETER)
        .complete();
}

/// The completion script for `shell`.
pub fn script(shell: clap_complete::Shell) -> Result<Vec<u8>> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer = shells
        .completer(&name)
        .with_context(|| format!("no completion script for {name}"))?;
    let mut script = Vec::new();
    completer.write_registration(VAR, "milestone", "milestone", COMPLETER, &mut script)?;
    if shell == clap_complete::Shell::Zsh {
        script.extend_from_slice(ZSH_AUTOLOAD.as_bytes());
    }
    Ok(script)
}

fn journal() -> Option<Journal> {
    let path = crate::context::journal_for_completion()?;
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
        let tags: std::collections::BTreeSet<&str> = journal
            .entries
            .iter()
            .flat_map(|e| e.tags.iter().map(|t| t.as_str()))
            .collect();
        candidates(current, tags.into_iter().map(|t| (t.to_owned(), None)))
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
