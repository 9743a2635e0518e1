//! The optional settings file: display name, default tracker, emoji, share style, where the
//! count starts, milestone ladders, share templates, hooks and groups.
//!
//! A missing file means the defaults. A file with a mistake is refused with `PATH:LINE:COL`,
//! like the journal, rather than half-applied. The file is parsed by the `toml` crate into its
//! spanned tree; each value is read through serde, and each mistake is told in this program's
//! words (serde's would name Rust types) at the value, or the key, at fault.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

use anyhow::{Context as _, Result};
use clap::ValueEnum;
use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::hooks::HookSettings;
use crate::hooks::event::{Hook, check_placeholders};
use crate::journal::parse::line_col;
use crate::milestones::Ladder;
use crate::share::ShareStyle;
use crate::share::template::Template;
use crate::words::settings as words;

/// A mistake in the settings: the byte offset it is at, and what is wrong.
pub type Problem = (usize, String);

/// A value of the settings file and where it is.
pub type Value<'i> = Spanned<DeValue<'i>>;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Display name for `share`.
    pub name: Option<String>,
    /// The tracker `add`, `reset` and `share` use when none is named and there are several.
    pub default_tracker: Option<String>,
    pub emoji: bool,
    pub share_style: Option<ShareStyle>,
    /// Human text calls the start date "day 1" instead of day 0 (JSON keeps the contract's counts).
    pub day_one: bool,
    /// After a slip, also share the days that still count (`share --with-total`).
    pub share_total: bool,
    pub ladder: Ladder,
    pub tracker_ladders: BTreeMap<String, Ladder>,
    /// Named share templates, checked when used.
    pub templates: BTreeMap<String, Template>,
    /// The groups joined, by name (`[group.NAME]`).
    pub groups: BTreeMap<String, crate::group::GroupSettings>,
    /// Programs to run after a milestone, a reset or any entry.
    pub hooks: HookSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            name: None,
            default_tracker: None,
            emoji: true,
            share_style: None,
            day_one: false,
            share_total: false,
            ladder: Ladder::default(),
            tracker_ladders: BTreeMap::new(),
            templates: BTreeMap::new(),
            groups: BTreeMap::new(),
            hooks: HookSettings::default(),
        }
    }
}

impl Settings {
    /// The ladder of `tracker` (named in any case), else the general one.
    pub fn ladder_for(&self, tracker: &str) -> &Ladder {
        self.tracker_ladders
            .iter()
            .find(|(name, _)| crate::journal::same_tracker_name(name, tracker))
            .map_or(&self.ladder, |(_, ladder)| ladder)
    }

    /// Whether a `[tracker.NAME]` table names `tracker`.
    pub fn names_tracker(&self, tracker: &str) -> bool {
        self.tracker_ladders
            .keys()
            .any(|name| crate::journal::same_tracker_name(name, tracker))
    }

    /// Reads the settings at `path`; the defaults when there is no file there.
    pub fn load(path: &Path) -> Result<Settings> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(err) => {
                return Err(err).with_context(|| {
                    format!(
                        "could not read the settings file {}; check it is a readable UTF-8 file, or point --config elsewhere",
                        path.display()
                    )
                });
            }
        };
        Settings::parse(&text).map_err(|(offset, message)| {
            let (line, column) = line_col(&text, offset);
            anyhow::anyhow!(words::located(path, line, column, &message))
        })
    }

    /// Settings from TOML text; the first mistake (in the order of the file) if there is one.
    pub fn parse(text: &str) -> Result<Settings, Problem> {
        let root = DeTable::parse(text).map_err(|e| {
            (
                e.span().map_or(0, |s| s.start),
                words::not_toml(e.message()),
            )
        })?;
        let mut settings = Settings::default();
        for (key, value) in root.get_ref() {
            let (key, key_at) = (&**key.get_ref(), key.span().start);
            match key {
                "name" => {
                    let name: String = read(value, || words::not_text(key))?;
                    settings.name = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
                }
                "default_tracker" => {
                    settings.default_tracker = Some(read(value, || words::not_text(key))?)
                }
                "emoji" => settings.emoji = read(value, || words::not_flag(key))?,
                "day_one" => settings.day_one = read(value, || words::not_flag(key))?,
                "share_total" => settings.share_total = read(value, || words::not_flag(key))?,
                "share_style" => {
                    let name: String = read(value, || words::not_text(key))?;
                    let style = ShareStyle::from_str(&name, false).map_err(|_| {
                        (
                            at(value),
                            words::unknown_share_style(&name, &ShareStyle::names()),
                        )
                    })?;
                    settings.share_style = Some(style);
                }
                "ladder" => settings.ladder = ladder(value)?,
                "tracker" => settings.tracker_ladders = tracker_ladders(text, value)?,
                "templates" => settings.templates = templates(text, value)?,
                "hooks" => settings.hooks = hooks(value)?,
                "group" => settings.groups = crate::group::config::parse(value)?,
                _ => return Err((key_at, words::unknown_setting(key))),
            }
        }
        Ok(settings)
    }
}

/// Where `value` starts.
pub fn at(value: &Value) -> usize {
    value.span().start
}

/// `value` read through serde as a `T`; else `wrong` at the innermost part that does not fit.
pub fn read<'i, T: Deserialize<'i>>(
    value: &Value<'i>,
    wrong: impl FnOnce() -> String,
) -> Result<T, Problem> {
    T::deserialize(value.clone().into_deserializer())
        .map_err(|e| (e.span().map_or(at(value), |s| s.start), wrong()))
}

/// The entries of `value` when it is a table (written inline or not).
pub fn table<'a, 'i>(value: &'a Value<'i>) -> Option<&'a DeTable<'i>> {
    value.get_ref().as_table()
}

fn ladder(value: &Value) -> Result<Ladder, Problem> {
    if let Some(name) = value.get_ref().as_str() {
        return Ladder::preset(name).ok_or_else(|| (at(value), words::unknown_ladder(name)));
    }
    if !value.get_ref().is_array() {
        return Err((at(value), words::NOT_A_LADDER.into()));
    }
    let steps: Vec<Spanned<String>> = read(value, || words::NOT_A_STEP.into())?;
    let words: Vec<&String> = steps.iter().map(Spanned::get_ref).collect();
    Ladder::from_steps(&words)
        .map_err(|(i, why)| (i.map_or(at(value), |i| steps[i].span().start), why))
}

fn tracker_ladders(text: &str, value: &Value) -> Result<BTreeMap<String, Ladder>, Problem> {
    // `tracker = { ... }` written inline was never taken: the contract's form is [tracker.NAME].
    let trackers = table(value)
        .filter(|_| !text[value.span()].starts_with('{'))
        .ok_or_else(|| (at(value), words::NOT_TRACKERS.into()))?;
    let mut ladders = BTreeMap::new();
    for (name, tracker) in trackers {
        let name = &**name.get_ref();
        let settings = table(tracker).ok_or_else(|| (at(tracker), words::not_a_tracker(name)))?;
        for (key, value) in settings {
            if &**key.get_ref() != "ladder" {
                return Err((
                    at(value),
                    words::unknown_tracker_setting(key.get_ref(), name),
                ));
            }
            ladders.insert(name.to_owned(), ladder(value)?);
        }
    }
    Ok(ladders)
}

fn templates(text: &str, value: &Value) -> Result<BTreeMap<String, Template>, Problem> {
    let templates = table(value).ok_or_else(|| (at(value), words::NOT_TEMPLATES.into()))?;
    templates
        .iter()
        .map(|(name, value)| {
            let source = read(value, || words::not_a_template(name.get_ref()))?;
            let written = &text[value.span()];
            let template = Template::new(source, written, line_col(text, at(value)));
            Ok((name.get_ref().to_string(), template))
        })
        .collect()
}

fn hooks(value: &Value) -> Result<HookSettings, Problem> {
    let table = table(value).ok_or_else(|| (at(value), words::not_hooks()))?;
    let mut hooks = HookSettings::default();
    for (key, value) in table {
        let key_at = key.span().start;
        let key = &**key.get_ref();
        let hook = Hook::from_str(key, false).map_err(|_| (key_at, words::unknown_hook(key)))?;
        let list = value
            .get_ref()
            .as_array()
            .ok_or_else(|| (at(value), words::not_a_hook(key)))?;
        let mut argv = Vec::new();
        for (i, word) in list.iter().enumerate() {
            let text: String = read(word, || words::not_a_hook(key))?;
            if i == 0 && text.trim().is_empty() {
                return Err((at(word), words::hook_without_program(key)));
            }
            check_placeholders(&text).map_err(|why| (at(word), words::bad_hook_word(key, &why)))?;
            argv.push(text);
        }
        if argv.is_empty() {
            return Err((at(value), words::empty_hook(key)));
        }
        let slot = match hook {
            Hook::Milestone => &mut hooks.on_milestone,
            Hook::Reset => &mut hooks.on_reset,
            Hook::Entry => &mut hooks.on_entry,
        };
        *slot = Some(argv);
    }
    Ok(hooks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_example_reads() {
        let text = r#"
name = "Sam"
default_tracker = "alcohol"
emoji = false
share_style = "plain"
day_one = true
ladder = ["1d", "1w", "30d", "6m", "1y", "every 1y"]
[tracker.smoking]
ladder = "na"
[templates]
meeting = "{{ name }}: {{ days }} days {{ tracker }}-free"
"#;
        let settings = Settings::parse(text).unwrap();
        assert_eq!(settings.name.as_deref(), Some("Sam"));
        assert_eq!(settings.default_tracker.as_deref(), Some("alcohol"));
        assert!(!settings.emoji);
        assert!(settings.day_one);
        assert_eq!(settings.share_style, Some(ShareStyle::Plain));
        assert_eq!(
            settings.ladder_for("smoking"),
            &Ladder::preset("na").unwrap()
        );
        assert_eq!(
            settings.ladder_for("alcohol"),
            &Ladder::from_steps(&["1d", "1w", "30d", "6m", "1y", "every 1y"]).unwrap()
        );
        assert_eq!(
            settings.templates["meeting"].source,
            "{{ name }}: {{ days }} days {{ tracker }}-free"
        );
    }

    #[test]
    fn mistakes_are_located() {
        let at = |text: &str| {
            let (offset, message) = Settings::parse(text).unwrap_err();
            (line_col(text, offset), message)
        };
        assert_eq!(at("emoji = \"no\"\n").0, (1, 9));
        assert_eq!(at("\nladder = \"cma\"\n").0, (2, 10));
        assert_eq!(at("name = \"x\"\nemjoi = false\n").0, (2, 1));
        assert!(
            at("ladder = [\"1d\", \"3q\"]")
                .1
                .contains("\"3q\" is not a ladder step")
        );
        assert_eq!(at("[tracker.smoking]\nladder = 3\n").0, (2, 10));
        assert!(at("x = [").1.starts_with("not valid TOML"));
    }

    #[test]
    fn empty_settings_are_the_defaults() {
        assert_eq!(Settings::parse("").unwrap(), Settings::default());
    }
}
