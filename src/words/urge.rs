//! Urges ridden out and pledges. An urge ridden out is something to be proud of, never a mark
//! against anyone; a pledge is for today only, so a day without one is simply a new day.

use crate::output::plural;

/// What follows: riding it out is something to be proud of.
pub const URGE_PRAISE: &str = "You rode it out. That is something to be proud of.";

/// What follows a pledge. (`streak` counts the days in a row: an append does not read the
/// whole journal, so it cannot.)
pub const PLEDGE_ENCOURAGEMENT: &str = "Just for today. That is all it takes.";

/// `streak`: the pledge line.
pub fn streak_pledges(pledge_streak: i64) -> String {
    match pledge_streak {
        0 => "none yesterday or today; `milestone pledge` makes one".to_owned(),
        n => format!("{} in a row", plural(n, "day")),
    }
}

/// `streak`: the urges line (shown only when there were some).
pub fn streak_urges(urges_30_days: usize) -> String {
    format!(
        "{} ridden out in the last 30 days",
        plural(urges_30_days as i64, "urge")
    )
}

/// `report`: the section's title.
pub const REPORT_TITLE: &str = "Urges ridden out and pledges";

/// `report`: the first line of the section.
pub fn report_ridden_out(n: usize) -> String {
    match n {
        0 => "No urges logged; `milestone urge` counts the ones you ride out.".to_owned(),
        n => format!(
            "{} ridden out, each one something to be proud of.",
            plural(n as i64, "urge")
        ),
    }
}

pub fn report_pledges(n: usize) -> String {
    format!("{} made, one day at a time.", plural(n as i64, "pledge"))
}

pub const REPORT_BY_MONTH: &str = "By month";
pub const REPORT_TRIGGERS: &str = "Most frequent triggers";
pub const REPORT_BY_WEEKDAY: &str = "By weekday";
