//! Groups: a shared folder (a git clone or a synced folder) where each member keeps one card
//! file and drops cheers, and from which anyone sees the whole circle.
//!
//! This module is the domain: the settings of a group, the folder's layout, what a members file
//! and a cheer hold, and how untrusted files from other members are checked. Reading and writing
//! the folder is `folder`, running git is `git`, editing the settings file is `config`.

pub mod config;
pub mod folder;
pub mod git;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::share::card::Card;

/// The folder of members files, inside the group folder.
pub const MEMBERS_DIR: &str = "members";
/// The folder of cheers, inside the group folder.
pub const CHEERS_DIR: &str = "cheers";
/// The most bytes a file from the folder may have.
pub const MAX_FILE_BYTES: u64 = 64 * 1024;
/// The most members files read.
pub const MAX_MEMBERS: usize = 1_000;
/// The most cheers files read (the newest, by name).
pub const MAX_CHEERS: usize = 10_000;
/// Cheers addressed to you are shown for this many days.
pub const CHEER_DAYS: u64 = 30;
/// The most characters of a cheer's text.
pub const MAX_CHEER_CHARS: usize = 200;
/// The length of a member id.
pub const MEMBER_ID_LEN: usize = 10;

/// One `[group.NAME]` table of the settings file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupSettings {
    pub path: std::path::PathBuf,
    pub member: String,
    /// The display name; `None` with `anonymous = true`.
    pub name: Option<String>,
    pub anonymous: bool,
    /// The trackers the group may see; `None`: what `share` with no tracker would share.
    pub trackers: Option<Vec<String>>,
    pub discreet: bool,
    pub auto_post: bool,
}

/// A member's file: `members/<member>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembersFile {
    pub member: String,
    pub name: Option<String>,
    pub cards: Vec<Card>,
}

/// A cheer: `cheers/<YYYY-MM-DD>-<random>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cheer {
    pub from: String,
    pub from_name: Option<String>,
    pub to: String,
    pub date: NaiveDate,
    pub text: Option<String>,
}

/// A group's name: letters, digits, `-` and `_`, so it is a safe folder and table name.
pub fn check_group_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > 64 {
        return Err(format!(
            "a group name is 1 to 64 letters, digits, '-' or '_'; {name:?} is not"
        ));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(format!(
            "a group name is letters, digits, '-' and '_' (such as tuesday or north_side); {name:?} is not"
        ));
    }
    Ok(())
}

/// A member id as this program makes them: lowercase letters and digits.
pub fn is_member_id(id: &str) -> bool {
    (4..=32).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// `count` random lowercase letters and digits (for member ids and cheer file names).
pub fn random_word(count: usize) -> anyhow::Result<String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut bytes = vec![0u8; count];
    getrandom::fill(&mut bytes)
        .map_err(|e| anyhow::anyhow!("could not get random bytes for an id: {e}"))?;
    // 252 is the largest multiple of 36 below 256: redraw above it to keep letters uniform.
    let mut out = String::with_capacity(count);
    let mut i = 0;
    while out.len() < count {
        if i == bytes.len() {
            getrandom::fill(&mut bytes)
                .map_err(|e| anyhow::anyhow!("could not get random bytes for an id: {e}"))?;
            i = 0;
        }
        let b = bytes[i];
        i += 1;
        if b < 252 {
            out.push(ALPHABET[usize::from(b % 36)] as char);
        }
    }
    Ok(out)
}

/// The file name of a member's card file.
pub fn members_file_name(member: &str) -> String {
    format!("{member}.json")
}

/// The file name of a new cheer on `date`.
pub fn cheer_file_name(date: NaiveDate, random: &str) -> String {
    format!("{date}-{random}.json")
}

/// The date a cheer file's name starts with, when it has the right shape.
pub fn cheer_file_date(file_name: &str) -> Option<NaiveDate> {
    let stem = file_name.strip_suffix(".json")?;
    let date = stem.get(..10)?;
    let rest = stem.get(10..)?;
    let random = rest.strip_prefix('-')?;
    if random.is_empty()
        || !random
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        return None;
    }
    crate::dates::parse_iso_date(date)
}

/// A members file from the folder, checked: it must parse, name itself as its file does, and
/// hold cards. `file_member` is the file's name without `.json`.
pub fn parse_members_file(text: &str, file_member: &str) -> Result<MembersFile, String> {
    let file: MembersFile =
        serde_json::from_str(text).map_err(|e| format!("not a members file ({e})"))?;
    if file.member != file_member {
        return Err(format!(
            "it says it is member {:?}, but is named {file_member:?}",
            crate::output::terminal_safe(&file.member)
        ));
    }
    if !is_member_id(&file.member) {
        return Err("its member id is not letters and digits".into());
    }
    Ok(file)
}

/// A cheer from the folder, checked.
pub fn parse_cheer(text: &str) -> Result<Cheer, String> {
    let cheer: Cheer = serde_json::from_str(text).map_err(|e| format!("not a cheer ({e})"))?;
    if !is_member_id(&cheer.from) || !is_member_id(&cheer.to) {
        return Err("its member ids are not letters and digits".into());
    }
    Ok(cheer)
}

/// The cheers for `member` from the 30 days up to `on`, oldest first.
pub fn cheers_for(cheers: &[Cheer], member: &str, on: NaiveDate) -> Vec<Cheer> {
    let from = on
        .checked_sub_days(Days::new(CHEER_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let mut mine: Vec<Cheer> = cheers
        .iter()
        .filter(|c| c.to == member && c.date >= from && c.date <= on)
        .cloned()
        .collect();
    mine.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.from.cmp(&b.from)));
    mine
}

/// Whether a cheer file named for `date` can matter on `on` (a cheer's file is named for its
/// day, so old ones need not be opened).
pub fn cheer_date_matters(date: NaiveDate, on: NaiveDate) -> bool {
    let from = on
        .checked_sub_days(Days::new(CHEER_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    date >= from && date <= on
}

/// The member a `cheer` is for: a member id, or a display name that only one member has.
pub fn find_member<'m>(members: &'m [MembersFile], who: &str) -> Result<&'m MembersFile, String> {
    if let Some(m) = members.iter().find(|m| m.member == who) {
        return Ok(m);
    }
    let wanted = who.trim().to_lowercase();
    let named: Vec<&MembersFile> = members
        .iter()
        .filter(|m| m.name.as_deref().map(|n| n.trim().to_lowercase()) == Some(wanted.clone()))
        .collect();
    match named.as_slice() {
        [one] => Ok(one),
        [] => Err(crate::words::group::no_such_member(who, members)),
        several => Err(crate::words::group::several_members(who, several)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_ids() {
        assert!(check_group_name("tuesday").is_ok());
        assert!(check_group_name("north_side-2").is_ok());
        for bad in ["", "a b", "../x", "a.b", "ä"] {
            assert!(check_group_name(bad).is_err(), "{bad:?}");
        }
        let id = random_word(MEMBER_ID_LEN).unwrap();
        assert_eq!(id.len(), MEMBER_ID_LEN);
        assert!(is_member_id(&id), "{id}");
        assert_ne!(id, random_word(MEMBER_ID_LEN).unwrap());
        assert!(!is_member_id("../x"));
        assert!(!is_member_id("ABCDEF"));
    }

    #[test]
    fn cheer_files_carry_their_day() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(cheer_file_date(&cheer_file_name(d, "abc123")), Some(d));
        assert_eq!(cheer_file_date("2026-11-25.json"), None);
        assert_eq!(cheer_file_date("2026-11-25-AB.json"), None);
        assert_eq!(cheer_file_date("junk.json"), None);
        assert!(cheer_date_matters(d, d));
        assert!(cheer_date_matters(d - Days::new(29), d));
        assert!(!cheer_date_matters(d - Days::new(30), d));
        assert!(!cheer_date_matters(d + Days::new(1), d));
    }
}
