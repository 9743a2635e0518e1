//! What milestone remembers between runs, outside the journal: which milestones' hooks have
//! run (so `on_milestone` fires once, through `add` or `remind`) and what `remind` has said
//! today (so each reminder comes once a day).
//!
//! One small JSON file, `milestone/remembered.json` under the state folder (`$XDG_STATE_HOME`,
//! else `~/.local/state`), owner-only, bounded in size, changed under a lock and replaced whole.
//! Losing it costs at most a repeated reminder; it never holds entry text.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Milestones remembered; the oldest are forgotten first. A milestone is only ever due on its
/// day or the day after, so a short memory is enough.
const MAX_FIRED: usize = 200;
/// Reminders remembered for one day; more would mean a journal with hundreds of trackers.
const MAX_REMINDED: usize = 1000;

/// A milestone whose `on_milestone` hooks have run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fired {
    pub tracker: String,
    /// The first day of the streak it belongs to: a new streak's "1 day" is a new milestone.
    pub start: NaiveDate,
    pub label: String,
    pub date: NaiveDate,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    fired: Vec<Fired>,
    /// The day `reminded` is about; another day starts afresh.
    #[serde(default)]
    reminded_on: Option<NaiveDate>,
    #[serde(default)]
    reminded: Vec<String>,
}

impl State {
    /// Marks `milestone` as fired; false when it already was.
    pub fn claim_milestone(&mut self, milestone: Fired) -> bool {
        if self.fired.contains(&milestone) {
            return false;
        }
        self.fired.push(milestone);
        let extra = self.fired.len().saturating_sub(MAX_FIRED);
        self.fired.drain(..extra);
        true
    }

    /// Marks the reminder `key` as said on `today`; false when it already was.
    pub fn claim_reminder(&mut self, today: NaiveDate, key: &str) -> bool {
        if self.reminded_on != Some(today) {
            self.reminded_on = Some(today);
            self.reminded.clear();
        }
        if self.reminded.iter().any(|k| k == key) {
            return false;
        }
        if self.reminded.len() < MAX_REMINDED {
            self.reminded.push(key.to_owned());
        }
        true
    }
}

/// Reads the state, lets `change` see and change it, and writes it back, all under the state
/// lock so that two `milestone`s never both claim one milestone.
pub fn update<T>(change: impl FnOnce(&mut State) -> T) -> Result<T> {
    let folder = folder().context(
        "could not find a state folder to remember reminders in (is HOME set?); set XDG_STATE_HOME",
    )?;
    update_in(&folder, change)
}

fn folder() -> Option<PathBuf> {
    Some(
        dirs::state_dir()
            .or_else(dirs::data_local_dir)?
            .join("milestone"),
    )
}

fn update_in<T>(folder: &Path, change: impl FnOnce(&mut State) -> T) -> Result<T> {
    let context = || {
        format!(
            "could not remember what was said in {}; check that you may write there",
            folder.display()
        )
    };
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
        .with_context(context)?;
    let lock = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(folder.join("remembered.lock"))
        .with_context(context)?;
    lock.lock().with_context(context)?;

    let path = folder.join("remembered.json");
    // A damaged file is forgotten rather than fatal: at worst a reminder comes twice.
    let mut state: State = fs::read(&path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let result = change(&mut state);

    let mut temp = tempfile::Builder::new()
        .prefix(".remembered-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .with_context(context)?;
    temp.as_file()
        .set_permissions(fs::Permissions::from_mode(0o600))
        .with_context(context)?;
    serde_json::to_writer(&mut temp, &state).with_context(context)?;
    temp.write_all(b"\n").with_context(context)?;
    temp.as_file().sync_all().with_context(context)?;
    temp.persist(&path)
        .map_err(|e| e.error)
        .with_context(context)?;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn fired(n: usize) -> Fired {
        Fired {
            tracker: format!("t{n}"),
            start: day(1),
            label: "1 day".into(),
            date: day(2),
        }
    }

    #[test]
    fn a_milestone_is_claimed_once_and_memory_is_bounded() {
        let mut state = State::default();
        assert!(state.claim_milestone(fired(0)));
        assert!(!state.claim_milestone(fired(0)));
        for n in 1..=MAX_FIRED {
            assert!(state.claim_milestone(fired(n)));
        }
        assert_eq!(state.fired.len(), MAX_FIRED);
        assert_eq!(state.fired[0], fired(1), "the oldest is forgotten first");
    }

    #[test]
    fn reminders_are_once_a_day() {
        let mut state = State::default();
        assert!(state.claim_reminder(day(3), "a"));
        assert!(!state.claim_reminder(day(3), "a"));
        assert!(state.claim_reminder(day(3), "b"));
        assert!(state.claim_reminder(day(4), "a"), "a new day starts afresh");
        assert_eq!(state.reminded, ["a"]);
    }

    #[test]
    fn the_file_is_owner_only_and_survives_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("milestone");
        assert!(update_in(&folder, |s| s.claim_milestone(fired(7))).unwrap());
        assert!(!update_in(&folder, |s| s.claim_milestone(fired(7))).unwrap());
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&folder.join("remembered.json")), 0o600);
        fs::write(folder.join("remembered.json"), "not json").unwrap();
        assert!(update_in(&folder, |s| s.claim_milestone(fired(7))).unwrap());
    }
}
