//! The `[group.NAME]` tables of the settings file: read into `GroupSettings`, and written back
//! with toml_edit so that the person's comments and layout are kept, all at once (a temporary
//! file renamed over, owner-only).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use toml_edit::{DocumentMut, Item, Table, value};

use super::GroupSettings;

/// The `group` item of the settings: every group, or where and what is wrong.
pub fn parse(item: &Item, at: usize) -> Result<BTreeMap<String, GroupSettings>, (usize, String)> {
    let table = item.as_table_like().ok_or_else(|| {
        (
            at,
            "`group` must be tables such as [group.tuesday] (`milestone group join` writes them)"
                .to_string(),
        )
    })?;
    let mut groups = BTreeMap::new();
    for (name, group) in table.iter() {
        let group_at = group.span().map_or(at, |s| s.start);
        super::check_group_name(name)
            .map_err(|why| (group_at, format!("[group.{name}]: {why}")))?;
        let group = group.as_table_like().ok_or_else(|| {
            (
                group_at,
                format!("`group.{name}` must be a table such as [group.{name}]"),
            )
        })?;
        let mut settings = GroupSettings::default();
        let mut has_path = false;
        for (key, item) in group.iter() {
            let item_at = item.span().map_or(group_at, |s| s.start);
            let string = || {
                item.as_str().map(str::to_owned).ok_or_else(|| {
                    (
                        item_at,
                        format!("group.{name}.{key} must be a string in quotes"),
                    )
                })
            };
            let boolean = || {
                item.as_bool()
                    .ok_or_else(|| (item_at, format!("group.{name}.{key} must be true or false")))
            };
            match key {
                "path" => {
                    settings.path = PathBuf::from(string()?);
                    has_path = true;
                }
                "member" => {
                    let member = string()?;
                    if !super::is_member_id(&member) {
                        return Err((
                            item_at,
                            format!("group.{name}.member must be lowercase letters and digits"),
                        ));
                    }
                    settings.member = member;
                }
                "name" => settings.name = Some(string()?).filter(|n| !n.trim().is_empty()),
                "anonymous" => settings.anonymous = boolean()?,
                "discreet" => settings.discreet = boolean()?,
                "auto_post" => settings.auto_post = boolean()?,
                "trackers" => {
                    let list = item.as_array().ok_or_else(|| {
                        (
                            item_at,
                            format!("group.{name}.trackers must be a list such as [\"alcohol\"]"),
                        )
                    })?;
                    let mut trackers = Vec::new();
                    for v in list.iter() {
                        let t = v.as_str().ok_or_else(|| {
                            (
                                item_at,
                                format!("group.{name}.trackers must be a list of names in quotes"),
                            )
                        })?;
                        trackers.push(t.to_owned());
                    }
                    settings.trackers = Some(trackers);
                }
                _ => {
                    return Err((
                        item_at,
                        format!(
                            "unknown setting `{key}` for group {name}; a group has path, member, name, anonymous, trackers, discreet and auto_post"
                        ),
                    ));
                }
            }
        }
        if !has_path || settings.member.is_empty() {
            return Err((
                group_at,
                format!(
                    "[group.{name}] needs `path` and `member`; `milestone group leave {name}` and `milestone group join` set them"
                ),
            ));
        }
        if settings.anonymous {
            settings.name = None;
        }
        groups.insert(name.to_owned(), settings);
    }
    Ok(groups)
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
        let doc: toml_edit::Document<String> = toml_edit::Document::parse(with.clone()).unwrap();
        let parsed = parse(&doc["group"], 0).unwrap();
        assert_eq!(parsed["tuesday"], group);
        assert_eq!(without_group(&with, "tuesday").unwrap(), text);
    }
}
