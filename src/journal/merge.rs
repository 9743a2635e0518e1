//! A three-way merge of journals, entry by entry, for `milestone merge-driver` (git).
//!
//! Entries are matched by `id` (or, for hand-written entries without one, by their whole
//! content), trackers by name. Everything either side added is kept; an edit or a removal made
//! on one side is applied; only the same entry changed differently on both sides is a
//! conflict, and then our version is kept and the entry named. The result starts from our
//! document, so our comments and layout survive.

use std::collections::{BTreeMap, HashMap, HashSet};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// The same entry (or tracker) changed differently on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// What it is, for a person: `entry k3f9a2c (2026-11-24 alcohol checkin)`.
    pub what: String,
    pub why: &'static str,
}

/// A table as comparable data: every key with its value written the same way whatever the
/// spacing or comments around it.
type Canonical = BTreeMap<String, String>;

fn canonical(table: &Table) -> Canonical {
    table
        .iter()
        .map(|(key, item)| {
            let text = match item {
                Item::Value(value) => {
                    let mut value = value.clone();
                    value.decor_mut().clear();
                    if let Some(array) = value.as_array_mut() {
                        array.fmt();
                    }
                    value.to_string()
                }
                other => other.to_string(),
            };
            (key.to_owned(), text.trim().to_owned())
        })
        .collect()
}

/// How an entry is known across the three versions: its id, else its whole content.
fn entry_key(table: &Table) -> String {
    match table.get("id").and_then(Item::as_str) {
        Some(id) => format!("id:{id}"),
        None => format!("content:{:?}", canonical(table)),
    }
}

fn tracker_key(table: &Table) -> String {
    string_key(table, "name")
}

fn string_key(table: &Table, key: &str) -> String {
    format!(
        "{key}:{}",
        table.get(key).and_then(Item::as_str).unwrap_or_default()
    )
}

fn describe_entry(table: &Table) -> String {
    let field = |key: &str| {
        table
            .get(key)
            .map(|i| i.to_string().trim().trim_matches('"').to_owned())
            .unwrap_or_default()
    };
    let id = table
        .get("id")
        .and_then(Item::as_str)
        .map(|id| format!("{id} "))
        .unwrap_or_default();
    format!(
        "entry {id}({} {} {})",
        field("date"),
        field("tracker"),
        field("kind")
    )
}

fn tables<'d>(document: &'d DocumentMut, key: &str) -> Vec<&'d Table> {
    document
        .get(key)
        .and_then(Item::as_array_of_tables)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// Merges `theirs` into `ours` given their common `base`; returns the merged document and
/// the conflicts (where ours was kept).
pub fn merge(
    base: &DocumentMut,
    ours: &DocumentMut,
    theirs: &DocumentMut,
) -> (DocumentMut, Vec<Conflict>) {
    let mut merged = ours.clone();
    let mut conflicts = Vec::new();
    // A reason is known by its words; a contact by the name, so a changed number merges as
    // an edit.
    let arrays: [(&str, Naming, Naming); 4] = [
        ("tracker", tracker_key, |t| {
            format!("tracker {}", shown(t, "name"))
        }),
        ("entry", entry_key, describe_entry),
        (
            "reason",
            |t| string_key(t, "text"),
            |t| format!("reason {:?}", shown(t, "text")),
        ),
        (
            "contact",
            |t| string_key(t, "name"),
            |t| format!("contact {}", shown(t, "name")),
        ),
    ];
    for (key, identify, describe) in arrays {
        merge_array(
            &mut merged,
            key,
            base,
            ours,
            theirs,
            identify,
            describe,
            &mut conflicts,
        );
    }
    (merged, conflicts)
}

/// How a table of one array is told apart from the others (for matching), or described (in a
/// conflict).
type Naming = fn(&Table) -> String;

/// A table's `field` as a conflict names it.
fn shown<'a>(table: &'a Table, field: &str) -> &'a str {
    table.get(field).and_then(Item::as_str).unwrap_or("?")
}

#[allow(clippy::too_many_arguments)]
fn merge_array(
    merged: &mut DocumentMut,
    key: &str,
    base: &DocumentMut,
    ours: &DocumentMut,
    theirs: &DocumentMut,
    identify: fn(&Table) -> String,
    describe: impl Fn(&Table) -> String,
    conflicts: &mut Vec<Conflict>,
) {
    let index = |document: &DocumentMut| -> HashMap<String, Canonical> {
        tables(document, key)
            .into_iter()
            .map(|t| (identify(t), canonical(t)))
            .collect()
    };
    let (base_index, ours_index) = (index(base), index(ours));
    let mut replace: HashMap<String, Table> = HashMap::new();
    let mut remove: HashSet<String> = HashSet::new();
    let mut add: Vec<Table> = Vec::new();

    for their in tables(theirs, key) {
        let id = identify(their);
        let their_canon = canonical(their);
        match (base_index.get(&id), ours_index.get(&id)) {
            // Added on their side only, or the same addition on both.
            (None, None) => add.push(their.clone()),
            (None, Some(our)) if *our == their_canon => {}
            (None, Some(_)) => conflicts.push(Conflict {
                what: describe(their),
                why: "was added on both sides with different contents",
            }),
            (Some(base), Some(our)) => {
                if *our == their_canon || *base == their_canon {
                    // Nothing new from them.
                } else if our == base {
                    replace.insert(id, their.clone());
                } else {
                    conflicts.push(Conflict {
                        what: describe(their),
                        why: "was changed differently on both sides",
                    });
                }
            }
            // We removed it; they left it alone (removal wins) or changed it (conflict: keep theirs
            // rather than lose their words).
            (Some(base), None) => {
                if *base != their_canon {
                    conflicts.push(Conflict {
                        what: describe(their),
                        why: "was removed on our side and changed on theirs (their version is kept)",
                    });
                    add.push(their.clone());
                }
            }
        }
    }
    let their_ids: HashSet<String> = tables(theirs, key).into_iter().map(identify).collect();
    for (id, our) in &ours_index {
        if let Some(base) = base_index.get(id)
            && !their_ids.contains(id)
        {
            if our == base {
                remove.insert(id.clone());
            } else {
                let table = tables(ours, key).into_iter().find(|t| identify(t) == *id);
                if let Some(table) = table {
                    conflicts.push(Conflict {
                        what: describe(table),
                        why: "was removed on their side and changed on ours (our version is kept)",
                    });
                }
            }
        }
    }

    if replace.is_empty() && remove.is_empty() && add.is_empty() {
        return;
    }
    let last_position = merged
        .iter()
        .flat_map(|(_, item)| match item {
            Item::Table(t) => vec![t.position().unwrap_or(0)],
            Item::ArrayOfTables(a) => a.iter().map(|t| t.position().unwrap_or(0)).collect(),
            _ => vec![],
        })
        .max()
        .unwrap_or(0);
    let array = merged
        .entry(key)
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    let Some(array) = array.as_array_of_tables_mut() else {
        return;
    };
    let mut kept = ArrayOfTables::new();
    for table in array.iter() {
        let id = identify(table);
        if remove.contains(&id) {
            continue;
        }
        match replace.get(&id) {
            Some(their) => {
                let mut their = their.clone();
                their.set_position(table.position());
                their.decor_mut().clone_from(table.decor());
                kept.push(their);
            }
            None => kept.push(table.clone()),
        }
    }
    for (offset, mut table) in (1..).zip(add) {
        table.set_position(Some(last_position + offset));
        kept.push(table);
    }
    *array = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "version = 1\n\n[[tracker]]\nname = \"a\"\nsince = 2026-01-01\n\n[[entry]]\nid = \"e1\"\ndate = 2026-01-02\ntracker = \"a\"\nkind = \"checkin\"\nmood = 3\n\n[[entry]]\nid = \"e2\"\ndate = 2026-01-03\ntracker = \"a\"\nkind = \"checkin\"\n";

    fn doc(text: &str) -> DocumentMut {
        text.parse().unwrap()
    }

    fn entry(id: &str, day: u32) -> String {
        format!(
            "\n[[entry]]\nid = \"{id}\"\ndate = 2026-01-{day:02}\ntracker = \"a\"\nkind = \"checkin\"\n"
        )
    }

    #[test]
    fn both_sides_additions_are_kept() {
        let ours = format!("{BASE}{}", entry("o1", 4));
        let theirs = format!("{BASE}{}{}", entry("t1", 5), entry("t2", 6));
        let (merged, conflicts) = merge(&doc(BASE), &doc(&ours), &doc(&theirs));
        assert_eq!(conflicts, vec![]);
        assert_eq!(
            merged.to_string(),
            format!("{ours}{}{}", entry("t1", 5), entry("t2", 6))
        );
    }

    #[test]
    fn one_sided_edits_and_removals_apply() {
        let ours = BASE.replace("mood = 3", "mood = 5 # better");
        let theirs = BASE.replace(&entry("e2", 3), "");
        let (merged, conflicts) = merge(&doc(BASE), &doc(&ours), &doc(&theirs));
        assert_eq!(conflicts, vec![]);
        assert_eq!(merged.to_string(), ours.replace(&entry("e2", 3), ""));
        // And the other way round: their edit reaches us.
        let (merged, _) = merge(&doc(BASE), &doc(&theirs), &doc(&ours));
        assert!(merged.to_string().contains("mood = 5 # better"), "{merged}");
        assert!(!merged.to_string().contains("id = \"e2\""));
    }

    #[test]
    fn the_same_entry_changed_differently_is_a_conflict_and_ours_is_kept() {
        let ours = BASE.replace("mood = 3", "mood = 4");
        let theirs = BASE.replace("mood = 3", "mood = 2");
        let (merged, conflicts) = merge(&doc(BASE), &doc(&ours), &doc(&theirs));
        assert_eq!(merged.to_string(), ours);
        assert_eq!(
            conflicts,
            vec![Conflict {
                what: "entry e1 (2026-01-02 a checkin)".into(),
                why: "was changed differently on both sides",
            }]
        );
        // The same change on both sides is no conflict; nor is a difference in spacing only.
        let spaced = BASE.replace("mood = 3", "mood    =   4");
        let (_, conflicts) = merge(&doc(BASE), &doc(&ours), &doc(&spaced));
        assert_eq!(conflicts, vec![]);
    }

    #[test]
    fn reasons_and_contacts_merge_like_entries() {
        let base = format!("{BASE}\n[[contact]]\nname = \"Jo\"\nphone = \"1\"\n");
        let ours = format!("{base}\n[[reason]]\ntext = \"for Mia\"\n");
        let theirs = format!(
            "{}\n[[reason]]\ntext = \"to sleep well\"\n\n[[contact]]\nname = \"Sam\"\nphone = \"2\"\n",
            base.replace("phone = \"1\"", "phone = \"3\"")
        );
        let (merged, conflicts) = merge(&doc(&base), &doc(&ours), &doc(&theirs));
        assert_eq!(conflicts, vec![]);
        let merged = merged.to_string();
        let journal = crate::journal::parse::parse(&merged, None).journal;
        let reasons: Vec<&str> = journal.reasons.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(reasons, ["for Mia", "to sleep well"], "{merged}");
        let contacts: Vec<(&str, &str)> = journal
            .contacts
            .iter()
            .map(|c| (c.name.as_str(), c.phone.as_str()))
            .collect();
        assert_eq!(contacts, [("Jo", "3"), ("Sam", "2")], "{merged}");
    }

    #[test]
    fn hand_written_entries_without_ids_merge_by_content() {
        let plain =
            "\n[[entry]]\ndate = 2026-01-09\ntracker = \"a\"\nkind = \"win\"\ntext = \"x\"\n";
        let theirs = format!("{BASE}{plain}");
        let (merged, conflicts) = merge(&doc(BASE), &doc(BASE), &doc(&theirs));
        assert_eq!((merged.to_string(), conflicts), (theirs.clone(), vec![]));
        let (merged, _) = merge(&doc(&theirs), &doc(&theirs), &doc(BASE));
        assert_eq!(merged.to_string(), BASE);
    }
}
