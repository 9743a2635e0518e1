//! The human-readable `milestone streak`.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{Counting, Paint, plural};
use crate::streak::Standing;
use crate::words::days;

/// One block per tracker: the headline count, then one labelled line per figure.
/// `today` is the real today: a milestone is "reached today!" only then, not on an `--on` day.
pub fn standing_block(s: &Standing, counting: Counting, paint: Paint, today: NaiveDate) -> String {
    // The first day is "day one", never "0 days".
    let days = match s.days {
        0 => "day one".to_string(),
        _ => plural(counting.days(s), "day"),
    };
    let total = counting.total_of(s).0;
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", paint.bold(&s.tracker), paint.green(&days));
    let mut line = |label: &str, value: String| {
        let _ = writeln!(out, "  {label:<15} {value}");
    };
    let started = if s.restarted() {
        format!("started again {}", s.start)
    } else {
        format!("since {}", s.start)
    };
    line("current streak", format!("{days}, {started}"));
    line("longest streak", plural(counting.longest(s), "day"));
    if s.resets == 0 {
        line(
            "total",
            format!("{} since {}", plural(total, "day"), s.since),
        );
    } else {
        line("total", days::still_counts(total, s.since));
        line("resets", s.resets.to_string());
    }
    line(
        "check-ins",
        match s.checkin_streak {
            0 => "none yesterday or today; `milestone add` logs one".to_string(),
            n => format!("{} in a row", plural(n, "day")),
        },
    );
    if let Some(m) = &s.last_milestone {
        let when = if m.date == s.on && s.on == today {
            "today!".to_string()
        } else {
            m.date.to_string()
        };
        line("last milestone", format!("{}, reached {when}", m.label));
    }
    if let (Some(m), Some(left)) = (&s.next_milestone, s.days_left()) {
        line(
            "next milestone",
            format!("{} on {}, {}", m.label, m.date, days::when(left)),
        );
    }
    out
}
