//! Integration tests: the real `milestone` binary on temporary journals.
//!
//! One test binary (one link step) with a module per command or concern.

// A panic here is a failed test, never a user's stack trace: the helpers may unwrap.
#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stderr)]

mod common;

mod add;
mod adversarial;
mod cache;
mod check;
mod circle;
mod color;
mod completions;
mod consent;
mod crash;
mod daily;
mod dates;
mod edit_rm;
mod editor;
mod errors;
mod exchange;
mod git_sync;
mod group;
mod hard_moment;
mod hooks;
mod list;
mod package;
mod pictures;
mod prompt;
mod remind;
mod report;
mod settings;
mod share;
mod share_styles;
mod shells;
mod start_reset;
mod storage;
mod streak;
mod terminal_safety;

/// A file in tests/cli/ that is not declared above would never be compiled or run.
#[test]
fn every_file_here_is_a_declared_module() {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli");
    let declared: std::collections::BTreeSet<String> = include_str!("main.rs")
        .lines()
        .filter_map(|line| line.strip_prefix("mod ")?.strip_suffix(';'))
        .map(str::to_owned)
        .collect();
    let mut forgotten = Vec::new();
    for entry in std::fs::read_dir(&here).expect("read tests/cli") {
        let path = entry.expect("dir entry").path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "rs") && stem != "main" && !declared.contains(stem)
        {
            forgotten.push(stem.to_owned());
        }
    }
    assert_eq!(
        forgotten,
        Vec::<String>::new(),
        "add `mod NAME;` to tests/cli/main.rs"
    );
}
