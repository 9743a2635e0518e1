//! The "toml crate alone" floor of bench/run: read a milestone journal and deserialize the whole
//! of it with `toml::from_str` into plain serde structs, then print the number of entries (so
//! the work cannot be optimised away). Anything milestone does on top of this is its own cost.

use serde::Deserialize;

#[allow(dead_code)]
#[derive(Deserialize)]
struct Journal {
    version: i64,
    #[serde(default)]
    tracker: Vec<Tracker>,
    #[serde(default)]
    entry: Vec<Entry>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Tracker {
    name: String,
    since: toml::value::Datetime,
    cost_per_day: Option<f64>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Entry {
    id: Option<String>,
    date: toml::value::Datetime,
    tracker: String,
    kind: String,
    text: Option<String>,
    mood: Option<u8>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    private: bool,
}

fn main() {
    let path = std::env::args_os().nth(1).expect("usage: toml-parse JOURNAL.toml");
    let text = std::fs::read_to_string(&path).expect("read the journal");
    let journal: Journal = toml::from_str(&text).expect("parse the journal");
    println!("{} trackers, {} entries", journal.tracker.len(), journal.entry.len());
}
