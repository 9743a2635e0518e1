//! Integration tests: the real `milestone` binary on temporary journals.
//!
//! One test binary (one link step) with a module per command or concern.

mod common;

mod dates;
mod streak;
