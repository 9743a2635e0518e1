//! The product's words: every sentence a person reads, kept together so they can be read (and
//! one day translated) as one text. One submodule per area; the code that composes output calls
//! these instead of writing its own phrasing.
//!
//! What they must all do: celebrate small wins, never rank anyone, and speak of a slip with
//! compassion.

pub mod add;
pub mod check;
pub mod days;
pub mod disk;
pub mod edit;
pub mod editor;
pub mod entry;
pub mod group;
pub mod import;
pub mod list;
pub mod picture;
pub mod reading;
pub mod remind;
pub mod reset;
pub mod settings;
pub mod sos;
pub mod start;
pub mod tracker;
pub mod urge;
