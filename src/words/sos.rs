//! The words of a hard moment: `milestone sos`, and the reasons and people it shows (`why`,
//! `contact`). Read by someone struggling: short lines, plain words, no exclamation marks,
//! nothing that counts against them.

use crate::output::plural;

pub const TITLE: &str = "Take a breath. You are here, and that counts.";

/// How the days read: what they add up to, and that every day still counts.
pub fn days(days: i64, phrase: &str, restarted: bool, total: i64) -> String {
    match (days, restarted) {
        (0, false) => format!("Today is day one, {phrase}. It counts."),
        (0, true) => {
            format!("Starting again today, {phrase}. Every day still counts: {total} in all.")
        }
        (n, false) => format!("{} {phrase}. Every one of them counts.", plural(n, "day")),
        (n, true) => format!(
            "{} {phrase}. Every day still counts: {total} in all.",
            plural(n, "day")
        ),
    }
}

/// After a recent slip.
pub const AFTER_A_SLIP: &str = "A slip does not undo what you have built.";

pub fn urges(n: usize) -> String {
    format!(
        "You have got through {}. This one can pass too.",
        plural(n as i64, "urge")
    )
}

/// Money not spent; `tracker` is named only when there are several.
pub fn money(amount: &str, tracker: Option<&str>) -> String {
    match tracker {
        Some(name) => format!("{amount} not spent on {name} so far."),
        None => format!("{amount} not spent so far."),
    }
}

pub const REASONS: &str = "Your reasons";
pub const WINS: &str = "Your wins";
pub const PEOPLE: &str = "People to call";
pub const NO_PEOPLE: &str = "Think of one person you could call or text now.";

/// A few short ways through a craving.
pub const WAYS: [&str; 3] = [
    "Wait 15 minutes: a craving rises, peaks and passes.",
    "Breathe slowly: in for 4, out for 6.",
    "HALT: are you hungry, angry, lonely, tired? Then call someone.",
];

/// Never a country's number: the person knows theirs, and the program cannot.
pub const IN_DANGER: &str = "If you are in danger, call your local emergency number now.";

// `milestone why` and `milestone contact`.

pub const REASONS_LIST_TITLE: &str = "Your reasons:";
pub const NO_REASONS: &str =
    "You have not written down a reason yet. Add one with: milestone why \"to be there for Mia\"";

pub fn reason_added(count: usize) -> String {
    format!(
        "Kept your reason. You have {} now; `milestone sos` shows them when you need them.",
        plural(count as i64, "reason")
    )
}

pub const REASON_ALREADY_KEPT: &str = "That reason is already in your journal; nothing changed.";

pub const PEOPLE_LIST_TITLE: &str = "People to call:";
pub const NO_PEOPLE_YET: &str =
    "No one yet. Add someone with: milestone contact \"Jo (sponsor)\" \"+44 7700 900123\"";

pub fn contact_added(name: &str) -> String {
    format!("Added {name}. `milestone sos` shows them when you need them.")
}

pub const CONTACT_ALREADY_KEPT: &str = "That person is already in your journal; nothing changed.";

pub fn contact_has_other_number(name: &str, phone: &str) -> String {
    format!(
        "{name} is already in your journal, with the number {phone}; to change it, edit the [[contact]] in `milestone edit`"
    )
}
