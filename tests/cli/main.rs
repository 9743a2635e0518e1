//! Integration tests: the real `milestone` binary on temporary journals.
//!
//! One test binary (one link step) with a module per command or concern.

mod common;

mod add;
mod adversarial;
mod check;
mod completions;
mod crash;
mod dates;
mod errors;
mod list;
mod share;
mod start_reset;
mod storage;
mod streak;
mod terminal_safety;
