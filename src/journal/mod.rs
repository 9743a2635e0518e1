//! The journal model: trackers and the entries logged against them.
//!
//! Plain data and the rules a journal must keep (valid names, moods 1..5). No I/O lives here:
//! `parse` turns text into this model with located problems, `edit` turns model values back
//! into TOML, and `crate::storage` moves bytes to and from disk.

pub mod date_text;
pub mod edit;
pub mod merge;
pub mod parse;
pub mod select;
pub mod tree;

use chrono::NaiveDate;

/// The file format version this build reads and writes.
pub const FORMAT_VERSION: i64 = 1;

/// Longest tracker name accepted; long enough for "alcohol-and-cannabis", short enough for a chat line.
const MAX_TRACKER_NAME: usize = 40;

/// A short string (an id, a tracker's name) kept inline, without an allocation of its own:
/// a long journal holds hundreds of thousands of them.
pub type Name = compact_str::CompactString;

/// Everything a journal holds, in file order.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Journal {
    pub trackers: Vec<Tracker>,
    pub entries: Vec<Entry>,
    /// The person's own reasons for their recovery ("my why"), for a hard moment.
    pub reasons: Vec<Reason>,
    /// People to call in a hard moment.
    pub contacts: Vec<Contact>,
}

/// One habit being tracked, from the first day of its first streak.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tracker {
    pub name: String,
    #[serde(with = "date_text")]
    pub since: NaiveDate,
    /// Money no longer spent per day, in the person's own currency.
    pub cost_per_day: Option<f64>,
    /// A private tracker is never shared: not in `share`, a card, a group, a picture or a hook.
    pub private: bool,
    /// What follows the count ("30 days sober"); `None` means "<name>-free".
    pub phrase: Option<String>,
}

impl Tracker {
    /// A tracker starting on `since` with nothing else set.
    pub fn new(name: impl Into<String>, since: NaiveDate) -> Tracker {
        Tracker {
            name: name.into(),
            since,
            cost_per_day: None,
            private: false,
            phrase: None,
        }
    }

    /// What follows a day count: the tracker's own phrase, or "<name>-free".
    pub fn phrase(&self) -> String {
        self.phrase
            .clone()
            .unwrap_or_else(|| format!("{}-free", self.name))
    }
}

/// One of the person's reasons for their recovery.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Reason {
    pub text: String,
}

/// Someone to call in a hard moment.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Contact {
    pub name: String,
    pub phone: String,
}

/// One line of the journal: a check-in, a win, or a reset.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// Written by the program; hand-written entries may have none.
    pub id: Option<Name>,
    #[serde(with = "date_text")]
    pub date: NaiveDate,
    pub tracker: Name,
    pub kind: EntryKind,
    pub text: Option<String>,
    pub mood: Option<u8>,
    pub tags: Vec<Name>,
    /// A private entry's text never leaves the journal through `share`.
    pub private: bool,
    /// How strong an urge was, 1..5 (urges only).
    pub intensity: Option<u8>,
    /// What set an urge off (urges only).
    pub triggers: Vec<String>,
}

impl Entry {
    /// A new entry of `kind` on `date` with nothing else set; the id and tracker are filled in
    /// when it is appended.
    pub fn draft(kind: EntryKind, date: NaiveDate) -> Entry {
        Entry {
            id: None,
            date,
            tracker: Name::default(),
            kind,
            text: None,
            mood: None,
            tags: Vec::new(),
            private: false,
            intensity: None,
            triggers: Vec::new(),
        }
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum EntryKind {
    Checkin,
    Win,
    Reset,
    /// A craving ridden out (one acted on is a reset).
    Urge,
    /// A promise for the day, just for today.
    Pledge,
}

impl EntryKind {
    pub const ALL: [EntryKind; 5] = [
        EntryKind::Checkin,
        EntryKind::Win,
        EntryKind::Reset,
        EntryKind::Urge,
        EntryKind::Pledge,
    ];

    /// The spelling used in the file and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Checkin => "checkin",
            EntryKind::Win => "win",
            EntryKind::Reset => "reset",
            EntryKind::Urge => "urge",
            EntryKind::Pledge => "pledge",
        }
    }

    /// How the kind reads in a sentence ("a check-in", "an urge ridden out").
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Checkin => "check-in",
            EntryKind::Win => "win",
            EntryKind::Reset => "reset",
            EntryKind::Urge => "urge ridden out",
            EntryKind::Pledge => "pledge",
        }
    }

    pub fn from_name(name: &str) -> Option<EntryKind> {
        EntryKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }
}

impl Journal {
    /// The tracker called `name`, compared without regard to case (`Alcohol` is `alcohol`).
    pub fn tracker(&self, name: &str) -> Option<&Tracker> {
        self.trackers
            .iter()
            .find(|tracker| same_tracker_name(&tracker.name, name))
    }

    /// The entries logged for one tracker, in file order.
    pub fn entries_for<'a>(&'a self, tracker: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries
            .iter()
            .filter(move |entry| same_tracker_name(&entry.tracker, tracker))
    }

    pub fn tracker_names(&self) -> Vec<&str> {
        self.trackers.iter().map(|t| t.name.as_str()).collect()
    }

    pub fn has_id(&self, id: &str) -> bool {
        self.entries.iter().any(|e| e.id.as_deref() == Some(id))
    }
}

/// Why a tracker name is refused, or `Ok` when it can be used.
pub fn check_tracker_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("a tracker name cannot be empty".into());
    }
    if name.chars().count() > MAX_TRACKER_NAME {
        return Err(format!(
            "a tracker name can be at most {MAX_TRACKER_NAME} characters"
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        let shown = if bad == ' ' {
            "a space".to_string()
        } else {
            format!("{:?}", bad)
        };
        return Err(format!(
            "a tracker name may use only letters, digits, '-' and '_', not {shown}"
        ));
    }
    Ok(())
}

/// Why an entry id is refused, or `Ok` when it can be used. Ids are printed by `list`, `edit`
/// and `rm` and typed back by people: a control character (an escape sequence that a terminal
/// would obey) or a character that reorders text has no place in one.
pub fn check_entry_id(id: &str) -> Result<(), String> {
    // Printable ASCII (every id milestone writes) holds none: no need to look at characters.
    if id.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Ok(());
    }
    match id.chars().find(|c| crate::output::is_unsafe_char(*c)) {
        Some(bad) => Err(format!(
            "an entry id cannot hold control or text-direction characters (it holds {bad:?}); give the entry a plain id such as \"k3f9a2c\""
        )),
        None => Ok(()),
    }
}

/// Tracker names are compared without regard to case, and keep the spelling they were started
/// with. (Names are ASCII, so ASCII case is all there is.)
pub fn same_tracker_name(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Longest phrase accepted ("alcohol-free", "safe", "clean and serene").
const MAX_PHRASE: usize = 40;

/// Why a tracker's phrase is refused, or `Ok` when it can follow a day count.
pub fn check_phrase(phrase: &str) -> Result<(), String> {
    if phrase.trim().is_empty() {
        return Err("a phrase cannot be empty (leave it out for \"<name>-free\")".into());
    }
    if phrase.chars().count() > MAX_PHRASE {
        return Err(format!("a phrase can be at most {MAX_PHRASE} characters"));
    }
    if phrase.chars().any(char::is_control) || phrase != phrase.trim() {
        return Err(
            "a phrase is a few words on one line, without control characters or spaces around it"
                .into(),
        );
    }
    Ok(())
}

/// Why an urge's intensity is refused, or `Ok` when it is on the 1..5 scale.
pub fn check_intensity(intensity: i64) -> Result<u8, String> {
    match u8::try_from(intensity) {
        Ok(i @ 1..=5) => Ok(i),
        _ => Err(format!(
            "intensity is on a scale of 1 to 5 (1 mild, 5 overwhelming), not {intensity}"
        )),
    }
}

/// Longest reason, contact name or phone number accepted: a line of a screen.
const MAX_LINE: usize = 200;

/// Why a reason (`[[reason]]` text) is refused, or the reason as it is kept (trimmed).
pub fn check_reason(text: &str) -> Result<String, String> {
    one_line_text(text, "a reason")
}

/// Why a contact is refused, or the name and number as they are kept (trimmed).
pub fn check_contact(name: &str, phone: &str) -> Result<(String, String), String> {
    let name = one_line_text(name, "a contact's name")?;
    let phone = one_line_text(phone, "a phone number")?;
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
    if !phone.chars().any(|c| c.is_ascii_digit()) || !phone.chars().all(allowed) {
        return Err(format!(
            "a phone number is digits, with spaces, '+', '-', '(', ')' or '.' if you like, such as \"+44 7700 900123\"; not {phone:?}"
        ));
    }
    Ok((name, phone))
}

fn one_line_text(text: &str, what: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("{what} needs at least one visible character"));
    }
    if text.chars().any(char::is_control) {
        return Err(format!("{what} is one line, without control characters"));
    }
    if text.chars().count() > MAX_LINE {
        return Err(format!("{what} can be at most {MAX_LINE} characters"));
    }
    Ok(text.to_owned())
}

/// Money no longer spent per day, or why it is refused.
pub fn check_cost(cost: f64) -> Result<f64, String> {
    if cost.is_finite() && cost >= 0.0 {
        Ok(cost)
    } else {
        Err("money not spent is a number of 0 or more, such as 12.5".into())
    }
}

/// Longest tag accepted.
const MAX_TAG: usize = 40;

/// A tag as it is stored (trimmed), or why it is refused.
pub fn check_tag(tag: &str) -> Result<String, String> {
    let tag = tag.trim();
    if tag.is_empty() || tag.chars().any(char::is_control) {
        return Err(
            "a tag needs at least one visible character and no control characters, such as --tag meeting"
                .into(),
        );
    }
    if tag.chars().count() > MAX_TAG {
        return Err(format!("a tag can be at most {MAX_TAG} characters"));
    }
    Ok(tag.to_owned())
}

/// Tags as an entry keeps them: each checked, the first of any repeats kept, in order.
pub fn clean_tags<S: AsRef<str>>(tags: impl IntoIterator<Item = S>) -> Result<Vec<String>, String> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let tag = check_tag(tag.as_ref())?;
        if !clean.contains(&tag) {
            clean.push(tag);
        }
    }
    Ok(clean)
}

/// Why a mood is refused, or `Ok` when it is on the 1..5 scale.
pub fn check_mood(mood: i64) -> Result<u8, String> {
    match u8::try_from(mood) {
        Ok(m @ 1..=5) => Ok(m),
        _ => Err(format!(
            "mood is on a scale of 1 to 5 (1 low, 5 great), not {mood}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracker_names_allow_letters_digits_dash_underscore() {
        assert!(check_tracker_name("alcohol").is_ok());
        assert!(check_tracker_name("no-smoking_2").is_ok());
        assert_eq!(
            check_tracker_name("no smoking").unwrap_err(),
            "a tracker name may use only letters, digits, '-' and '_', not a space"
        );
        assert!(check_tracker_name("").is_err());
        assert!(check_tracker_name("café").is_err());
        assert!(check_tracker_name(&"a".repeat(41)).is_err());
    }

    #[test]
    fn moods_are_one_to_five() {
        assert_eq!(check_mood(1), Ok(1));
        assert_eq!(check_mood(5), Ok(5));
        assert!(check_mood(0).is_err());
        assert!(check_mood(6).is_err());
        assert!(check_mood(-1).is_err());
        assert!(check_mood(300).is_err());
    }

    #[test]
    fn reasons_and_contacts_are_one_line_and_numbers_look_like_numbers() {
        assert_eq!(
            check_reason("  to be there for Mia "),
            Ok("to be there for Mia".into())
        );
        assert!(check_reason(" ").is_err());
        assert!(check_reason("a\nb").is_err());
        assert_eq!(
            check_contact("Jo (sponsor)", "+44 7700 900123"),
            Ok(("Jo (sponsor)".into(), "+44 7700 900123".into()))
        );
        assert!(check_contact("Jo", "call me").is_err());
        assert!(check_contact("Jo", "+ -").is_err());
        assert!(check_contact("", "123").is_err());
    }

    #[test]
    fn entry_kinds_round_trip_their_names() {
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::from_name(kind.as_str()), Some(kind));
        }
        assert_eq!(EntryKind::from_name("relapse"), None);
    }
}
