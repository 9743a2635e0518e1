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
mod dates;
mod edit_rm;
mod errors;
mod exchange;
mod git_sync;
mod list;
mod package;
mod prompt;
mod report;
mod settings;
mod share;
mod share_styles;
mod shells;
mod start_reset;
mod storage;
mod streak;
mod terminal_safety;
