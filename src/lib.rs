//! `milestone`: a command-line journal for people in recovery.
//!
//! The binary (`main.rs`) is all there is to use; the library exists so that `fuzz/` and the
//! property tests reach the real modules. Only what they and `main.rs` need is public.

mod ask;
pub mod cli;
pub mod cmd;
pub mod complete;
mod context;
pub mod dates;
mod editor;
pub mod error;
mod exchange;
mod group;
mod hooks;
pub mod journal;
mod milestones;
mod output;
mod picture;
mod remind;
mod report;
mod settings;
mod share;
mod sos;
mod state;
mod storage;
mod streak;
#[cfg(test)]
mod testing;
mod urges;
mod words;
