//! The `[group.NAME]` tables of the settings file: read into `GroupSettings` (as the rest of
//! `crate::settings`), and written back with toml_edit so that the person's comments and layout
//! are kept, all at once (a temporary file renamed over, owner-only).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use toml_edit::{DocumentMut, Item, Table, value};

use super::GroupSettings;
use crate::settings::{Problem, Value, at, read, table};
use crate::words::settings as words;

/// The `group` value of the settings: every group, or where and what is wrong.
pub fn parse(value: &Value) -> Result<BTreeMap<String, GroupSettings>, Problem> {
    let groups = table(value).ok_or_else(|| (at(value), words::NOT_GROUPS.into()))?;
    let mut all = BTreeMap::new();
    for (name, group) in groups {
        let name = &**name.get_ref();
        super::check_group_name(name)
            .map_err(|why| (at(group), words::bad_group_name(name, &why)))?;
        let entries = table(group).ok_or_else(|| (at(group), words::not_a_group(name)))?;
        let mut settings = GroupSettings::default();
        let mut has_path = false;
        for (key, item) in entries {
            let key = &**key.get_ref();
            let text = || read::<String>(item, || words::not_group_text(name, key));
            let flag = || read::<bool>(item, || words::not_group_flag(name, key));
            match key {
                "path" => {
                    settings.path = PathBuf::from(text()?);
                    has_path = true;
                }
                "member" => {
                    settings.member = text()?;
                    if !super::is_member_id(&settings.member) {
                        return Err((at(item), words::bad_member(name)));
                    }
                }
                "name" => settings.name = Some(text()?).filter(|n| !n.trim().is_empty()),
                "anonymous" => settings.anonymous = flag()?,
                "discreet" => settings.discreet = flag()?,
                "auto_post" => settings.auto_post = flag()?,
                "trackers" => {
                    if !item.get_ref().is_array() {
                        return Err((at(item), words::not_group_trackers(name)));
                    }
                    // Shown at the list, not at the item that is no name.
                    let trackers = read(item, || words::not_group_tracker_names(name))
                        .map_err(|(_, why)| (at(item), why))?;
                    settings.trackers = Some(trackers);
                }
                _ => return Err((at(item), words::unknown_group_setting(key, name))),
            }
        }
        if !has_path || settings.member.is_empty() {
            return Err((at(group), words::group_needs_path_and_member(name)));
        }
        if settings.anonymous {
            settings.name = None;
        }
        all.insert(name.to_owned(), settings);
    }
    Ok(all)
}

/// The settings text with `[group.NAME]` set to `group` (everything else kept as written).
pub fn with_group(text: &str, name: &str, group: &GroupSettings) -> Result<String> {
    let mut doc: DocumentMut = text
        .parse()
        .context("the settings file is not valid TOML; fix it first")?;
    let groups = doc
        .entry("group")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .context("`group` in the settings file is not a table; fix it first")?;
    let mut table = Table::new();
    table.insert("path", value(group.path.to_string_lossy().into_owned()));
    table.insert("member", value(group.member.clone()));
    match (&group.name, group.anonymous) {
        (Some(display), false) => {
            table.insert("name", value(display.clone()));
        }
        _ => {
            table.insert("anonymous", value(true));
        }
    }
    if let Some(trackers) = &group.trackers {
        let mut list = toml_edit::Array::new();
        for t in trackers {
            list.push(t.as_str());
        }
        table.insert("trackers", value(list));
    }
    table.insert("discreet", value(group.discreet));
    table.insert("auto_post", value(group.auto_post));
    groups.insert(name, Item::Table(table));
    Ok(doc.to_string())
}

/// The settings text without `[group.NAME]`.
pub fn without_group(text: &str, name: &str) -> Result<String> {
    let mut doc: DocumentMut = text
        .parse()
        .context("the settings file is not valid TOML; fix it first")?;
    if let Some(groups) = doc.get_mut("group").and_then(Item::as_table_like_mut) {
        groups.remove(name);
        if groups.is_empty() {
            doc.remove("group");
        }
    }
    Ok(doc.to_string())
}

/// Reads the settings file (empty when there is none), changes it with `change`, and writes it
/// back all at once, owner-only.
pub fn edit(path: &Path, change: impl FnOnce(&str) -> Result<String>) -> Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(err) => {
            return Err(err)
                .with_context(|| format!("could not read the settings file {}", path.display()));
        }
    };
    let changed = change(&text)?;
    super::folder::write_atomically(path, changed.as_bytes())
        .with_context(|| format!("the settings file {} is unchanged", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_added_and_removed_with_comments_kept() {
        let text = "# my settings\nname = \"Sam\" # me\n\n[templates]\n# a note\nmeeting = \"x\"\n";
        let group = GroupSettings {
            path: "/home/sam/g".into(),
            member: "k3j9x2a0pq".into(),
            name: Some("Sam".into()),
            trackers: Some(vec!["alcohol".into()]),
            ..GroupSettings::default()
        };
        let with = with_group(text, "tuesday", &group).unwrap();
        assert!(with.starts_with(text), "{with}");
        assert!(with.ends_with("[group.tuesday]\npath = \"/home/sam/g\"\nmember = \"k3j9x2a0pq\"\nname = \"Sam\"\ntrackers = [\"alcohol\"]\ndiscreet = false\nauto_post = false\n"), "{with}");
        let parsed = crate::settings::Settings::parse(&with).unwrap();
        assert_eq!(parsed.groups["tuesday"], group);
        assert_eq!(without_group(&with, "tuesday").unwrap(), text);
    }
}
