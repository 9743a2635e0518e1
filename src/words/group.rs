//! The words of `circle` and `group`: what a member reads about their group.

use chrono::NaiveDate;

/// A card from a day that has not come yet (a clock set wrong, or `--on` in the past).
pub fn future_card(who: &str, date: NaiveDate, today: NaiveDate) -> String {
    format!("{who}'s card is dated {date}, after {today}; skipped (is a clock set wrong?)")
}

/// After a member's line, when their card is more than a week old.
pub fn shared_on(date: NaiveDate) -> String {
    format!("(shared {date}).")
}

/// The end of a one-line circle that could not name everyone.
pub fn and_more(n: usize) -> String {
    if n == 1 {
        "and 1 more".to_string()
    } else {
        format!("and {n} more")
    }
}

/// `circle` run on a terminal with no file: it would wait for input nobody is typing.
pub const CIRCLE_USAGE: &str = "circle reads share cards: give it files (`milestone circle sam.json ana.json`) or pipe them in (`cat cards/*.json | milestone circle`); each member makes theirs with `milestone share --style json`";
