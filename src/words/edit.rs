//! What `milestone edit` says.

pub fn nothing_to_change() -> &'static str {
    "nothing to change; give --text, --date, --mood or --no-mood, --tag or --no-tags, --tracker, --kind, --private or --public (or no id, to edit the whole journal)"
}

pub fn win_needs_words() -> &'static str {
    "--text: a win needs your words; give it some with --text \"...\""
}
