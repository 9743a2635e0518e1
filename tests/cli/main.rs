//! Integration tests: the real `milestone` binary on temporary journals.
//!
//! One test binary (one link step) with a module per command or concern.

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
mod dates;
mod edit_rm;
mod errors;
mod exchange;
mod git_sync;
mod hooks;
mod list;
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
