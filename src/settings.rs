//! The optional settings file: display name, default tracker, emoji, share style, where the
//! count starts, milestone ladders and share templates.
//!
//! A missing file means the defaults. A file with a mistake is refused with `PATH:LINE:COL`,
//! like the journal, rather than half-applied.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

use anyhow::{Context as _, Result};
use toml_edit::{Document, Item, Table};

use crate::hooks::HookSettings;
use crate::hooks::event::check_placeholders;
use crate::journal::parse::line_col;
use crate::milestones::Ladder;
use crate::share::ShareStyle;

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
    pub templates: BTreeMap<String, String>,
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
            let (line, col) = line_col(&text, offset);
            anyhow::anyhow!(
                "{}:{line}:{col}: {message}; fix the settings file (see `milestone --help` for --config)",
                path.display()
            )
        })
    }

    /// Settings from TOML text; on a mistake, its byte offset and what is wrong.
    pub fn parse(text: &str) -> Result<Settings, (usize, String)> {
        let document = Document::parse(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            (
                at,
                format!(
                    "not valid TOML: {}",
                    e.message().trim_end().trim_end_matches('.')
                ),
            )
        })?;
        let root = document.as_table();
        let mut settings = Settings::default();
        for (key, item) in root.iter() {
            let at = item.span().map_or(0, |s| s.start);
            let key_at = root.key(key).and_then(|k| k.span()).map_or(at, |s| s.start);
            match key {
                "name" => {
                    settings.name =
                        Some(string(item, key, at)?.trim().to_owned()).filter(|n| !n.is_empty())
                }
                "default_tracker" => {
                    settings.default_tracker = Some(string(item, key, at)?.to_owned())
                }
                "emoji" => settings.emoji = boolean(item, key, at)?,
                "day_one" => settings.day_one = boolean(item, key, at)?,
                "share_total" => settings.share_total = boolean(item, key, at)?,
                "share_style" => {
                    let name = string(item, key, at)?;
                    let style =
                        <ShareStyle as clap::ValueEnum>::from_str(name, false).map_err(|_| {
                            (
                                at,
                                format!(
                                    "unknown share_style {name:?}; use one of {}",
                                    ShareStyle::names()
                                ),
                            )
                        })?;
                    settings.share_style = Some(style);
                }
                "ladder" => settings.ladder = ladder(item, at)?,
                "tracker" => settings.tracker_ladders = tracker_ladders(item, at)?,
                "templates" => settings.templates = templates(item, at)?,
                "group" => settings.groups = crate::group::config::parse(item, at)?,
                "hooks" => settings.hooks = hooks(item, at)?,
                _ => {
                    return Err((
                        key_at,
                        format!(
                            "unknown setting `{key}`; the settings are name, default_tracker, emoji, share_style, day_one, share_total, ladder, [tracker.NAME], [templates], [hooks] and [group.NAME]"
                        ),
                    ));
                }
            }
        }
        Ok(settings)
    }
}

fn string<'i>(item: &'i Item, key: &str, at: usize) -> Result<&'i str, (usize, String)> {
    item.as_str()
        .ok_or_else(|| (at, format!("`{key}` must be a string in quotes")))
}

fn boolean(item: &Item, key: &str, at: usize) -> Result<bool, (usize, String)> {
    item.as_bool()
        .ok_or_else(|| (at, format!("`{key}` must be true or false")))
}

fn ladder(item: &Item, at: usize) -> Result<Ladder, (usize, String)> {
    if let Some(name) = item.as_str() {
        return Ladder::preset(name).ok_or_else(|| {
            (at, format!("unknown ladder {name:?}; use \"default\", \"aa\", \"na\" or a list such as [\"30d\", \"1y\", \"every 1y\"]"))
        });
    }
    let Some(array) = item.as_array() else {
        return Err((at, "`ladder` must be \"default\", \"aa\", \"na\" or a list of steps such as [\"30d\", \"1y\", \"every 1y\"]".into()));
    };
    let step_at = |i: usize| array.get(i).and_then(|v| v.span()).map_or(at, |s| s.start);
    let mut steps = Vec::new();
    for (i, value) in array.iter().enumerate() {
        let step = value.as_str().ok_or_else(|| {
            (
                step_at(i),
                "a ladder step must be a string such as \"30d\"".to_string(),
            )
        })?;
        steps.push(step);
    }
    Ladder::from_steps(&steps).map_err(|(index, why)| (index.map_or(at, step_at), why))
}

fn tracker_ladders(item: &Item, at: usize) -> Result<BTreeMap<String, Ladder>, (usize, String)> {
    let table: &Table = item.as_table().ok_or_else(|| {
        (
            at,
            "`tracker` must be tables such as [tracker.smoking]".to_string(),
        )
    })?;
    let mut ladders = BTreeMap::new();
    for (name, tracker) in table.iter() {
        let tracker_at = tracker.span().map_or(at, |s| s.start);
        let tracker = tracker.as_table_like().ok_or_else(|| {
            (
                tracker_at,
                format!("`tracker.{name}` must be a table such as [tracker.{name}]"),
            )
        })?;
        for (key, value) in tracker.iter() {
            let value_at = value.span().map_or(tracker_at, |s| s.start);
            if key != "ladder" {
                return Err((
                    value_at,
                    format!(
                        "unknown setting `{key}` for tracker {name}; only `ladder` can be set per tracker"
                    ),
                ));
            }
            ladders.insert(name.to_owned(), ladder(value, value_at)?);
        }
    }
    Ok(ladders)
}

fn templates(item: &Item, at: usize) -> Result<BTreeMap<String, String>, (usize, String)> {
    let table = item.as_table_like().ok_or_else(|| {
        (
            at,
            "`templates` must be a table: [templates] then name = \"text\"".to_string(),
        )
    })?;
    table
        .iter()
        .map(|(name, value)| {
            let value_at = value.span().map_or(at, |s| s.start);
            let text = value.as_str().ok_or_else(|| {
                (
                    value_at,
                    format!("template `{name}` must be a string in quotes"),
                )
            })?;
            Ok((name.to_owned(), text.to_owned()))
        })
        .collect()
}

fn hooks(item: &Item, at: usize) -> Result<HookSettings, (usize, String)> {
    const EXAMPLE: &str = "such as on_milestone = [\"notify-send\", \"Milestone\", \"{message}\"]";
    let table = item.as_table_like().ok_or_else(|| {
        (
            at,
            format!("`hooks` must be a table: [hooks] then a program and its arguments {EXAMPLE}"),
        )
    })?;
    let mut hooks = HookSettings::default();
    for (key, value) in table.iter() {
        let value_at = value.span().map_or(at, |s| s.start);
        let slot = match key {
            "on_milestone" => &mut hooks.on_milestone,
            "on_reset" => &mut hooks.on_reset,
            "on_entry" => &mut hooks.on_entry,
            _ => {
                let key_at = table
                    .key(key)
                    .and_then(|k| k.span())
                    .map_or(value_at, |s| s.start);
                return Err((
                    key_at,
                    format!(
                        "unknown hook `{key}`; the hooks are on_milestone, on_reset and on_entry"
                    ),
                ));
            }
        };
        let not_a_list = |at: usize| {
            (
                at,
                format!("hook `{key}` must be a list of strings, the program first, {EXAMPLE}"),
            )
        };
        let array = value.as_array().ok_or_else(|| not_a_list(value_at))?;
        let mut argv = Vec::new();
        for (i, word) in array.iter().enumerate() {
            let word_at = word.span().map_or(value_at, |s| s.start);
            let word = word.as_str().ok_or_else(|| not_a_list(word_at))?;
            if i == 0 && word.trim().is_empty() {
                return Err((
                    word_at,
                    format!("hook `{key}` needs a program to run first, {EXAMPLE}"),
                ));
            }
            check_placeholders(word).map_err(|why| (word_at, format!("hook `{key}`: {why}")))?;
            argv.push(word.to_owned());
        }
        if argv.is_empty() {
            return Err((
                value_at,
                format!(
                    "hook `{key}` is an empty list; name a program to run, {EXAMPLE}, or leave it out"
                ),
            ));
        }
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
            settings.templates["meeting"],
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
