//! The words on pictures: the chip card of `share` and the poster of `circle`.
//!
//! A picture is read at a glance in a busy chat, so its sentences are short; they say what the
//! plain style says, in fewer words.

use chrono::NaiveDate;

use crate::output::plural;

/// What follows a count: the tracker's phrase ("alcohol-free", "safe"), or "strong" when the
/// picture must not name what is tracked (`phrase` is `None`).
pub fn free(phrase: Option<&str>) -> String {
    phrase.unwrap_or("strong").to_string()
}

/// The phrase a version-1 share card implies: it names only the tracker.
pub fn card_phrase(tracker: &str) -> String {
    format!("{tracker}-free")
}

/// The count as words under a chip's number: "day", "days".
pub fn day_unit(count: i64) -> &'static str {
    if count == 1 { "day" } else { "days" }
}

/// "365 days".
pub fn days(count: i64) -> String {
    plural(count, "day")
}

/// The centre of a chip on the first day of a streak.
pub const DAY_ONE: &str = "Day one";

/// Beside a chip on a milestone day, under its label: "alcohol-free today!".
pub fn milestone_phrase(phrase: Option<&str>) -> String {
    format!("{} today!", free(phrase))
}

/// Beside a first day's chip: "of being alcohol-free", or for a discreet card, "starts today".
pub fn day_one_phrase(phrase: Option<&str>) -> String {
    match phrase {
        Some(phrase) => format!("of being {phrase}"),
        None => "starts today".to_string(),
    }
}

/// Beside a chip on the day of a reset.
pub const STARTING_AGAIN: &str = "Starting again";

/// Under "Starting again": "alcohol-free, one day at a time".
pub fn starting_again_phrase(phrase: Option<&str>) -> String {
    match phrase {
        Some(phrase) => format!("{phrase}, one day at a time"),
        None => "one day at a time".to_string(),
    }
}

/// "Next up: 9 months on 14 Dec, 19 days to go", as the plain style says it.
pub fn next_milestone(label: &str, date: NaiveDate, on: NaiveDate, days_left: i64) -> String {
    format!(
        "Next up: {label}{}",
        super::days::next_up_when(date, on, days_left)
    )
}

/// A day's win on a chip card, with its words when the person shares them.
pub fn win(words: Option<&str>) -> String {
    match words {
        Some(words) if !words.is_empty() => format!("Today's win: {words}"),
        _ => "And a win of my own today!".to_string(),
    }
}

/// More trackers than fit on one card, or more members than fit on one poster.
pub fn and_more(n: usize) -> String {
    format!("and {n} more")
}

/// The poster's title and the day it speaks of.
pub const POSTER_TITLE: &str = "Our circle";

/// An anonymous member.
pub const A_FRIEND: &str = "A friend";

/// A member's first day, on the poster.
pub const POSTER_DAY_ONE: &str = "day one";

/// The word in a first day's medallion.
pub const MEDALLION_DAY_ONE: &str = "new";

/// On a poster, a card shared before the viewing day.
pub fn as_of(detail: &str, date: NaiveDate) -> String {
    format!("{detail} (as of {date})")
}

/// A member's milestone of the day, on the poster: "1 year alcohol-free today!".
pub fn member_milestone(label: &str, what: &str) -> String {
    format!("{label} {what} today!")
}

/// A member's days on the poster: "40 days strong, next up: 60 days".
pub fn member_days(days: i64, what: &str, next: Option<&str>) -> String {
    match next {
        Some(next) => format!("{} {what}, next up: {next}", plural(days, "day")),
        None => format!("{} {what}", plural(days, "day")),
    }
}

/// The poster's last line.
pub const POSTER_THANKS: &str = super::group::THANKS;

/// A poster with no cards.
pub const POSTER_EMPTY: &str = "No cards yet. Share yours with `milestone share --style json`.";

/// `--style png|svg` on a terminal with no `--output`.
pub fn not_on_a_terminal(style: &str) -> String {
    format!(
        "a {style} picture is not for the terminal; write it to a file with --output FILE, or pipe it (milestone ... --style {style} > picture.{style})"
    )
}

/// `circle --upcoming` with a picture style: the poster shows the day, the list is text.
pub const NO_UPCOMING_POSTER: &str = "--upcoming lists the anniversaries as text; leave it out for a poster of the day, or pick a text style";

/// `--style png` from a build without the `png` feature.
#[cfg_attr(feature = "png", allow(dead_code))]
pub const NO_PNG_IN_THIS_BUILD: &str = "this milestone was built without PNG pictures (the `png` cargo feature); use --style svg, or rebuild with default features";
