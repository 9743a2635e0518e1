//! The journal loader on arbitrary bytes: no panic, every problem's span within the text and
//! on a character boundary, and a journal without errors still has none once a rewrite (its
//! document) takes one more entry. `src/testing/loader_fuzz.rs` checks more, in the test run.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use milestone::journal;
use milestone::journal::parse::{line_col, parse};
use milestone::journal::{Entry, EntryKind};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let parsed = parse(text, Some(today));
    for problem in &parsed.problems {
        let span = &problem.span;
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        assert!(text.is_char_boundary(span.start), "{span:?}");
        let _ = line_col(text, span.start);
        let _ = problem.located(std::path::Path::new("j.toml"), text);
    }
    if parsed.errors().next().is_some() {
        return;
    }
    let Some(tracker) = parsed.journal.trackers.first().cloned() else {
        return;
    };
    // The loader does not keep toml_edit's document (edits parse it themselves): a journal
    // without errors must be one.
    let mut document: toml_edit::DocumentMut =
        text.parse().expect("a journal without errors is TOML");
    let entry = Entry {
        id: Some("fuzz234".into()),
        date: today,
        tracker: tracker.name.into(),
        kind: EntryKind::Checkin,
        text: Some("a \"note\"\n''' \\ \u{1b}[31m".into()),
        mood: Some(3),
        tags: vec!["t".into()],
        private: false,
        intensity: None,
        triggers: Vec::new(),
    };
    journal::edit::append_entry(&mut document, &entry);
    let new_text = document.to_string();
    let reparsed = parse(&new_text, Some(today));
    assert!(
        reparsed.errors().next().is_none(),
        "appending made the journal invalid:\n{new_text}"
    );
});
