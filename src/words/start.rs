//! What `milestone start` says.

/// The furthest back a streak may start.
pub const MAX_YEARS_AGO: u32 = 100;

pub fn too_long_ago(since: chrono::NaiveDate) -> String {
    format!(
        "--since: {since} is more than {MAX_YEARS_AGO} years ago, which looks like a typo; give the day your streak began, such as --since 2026-03-14"
    )
}

/// "Started tracking alcohol today. Day one of something good."
pub fn started(name: &str, since: chrono::NaiveDate, days: i64) -> String {
    match days {
        0 => format!("Started tracking {name} today. Day one of something good."),
        _ => format!(
            "Started tracking {name} from {since}: {} already.",
            crate::output::plural(days, "day")
        ),
    }
}

/// Said when a tracker starts private, so the person knows what that means.
pub const PRIVATE: &str = "It is private: it is never shared, posted to a group, drawn or given to a hook (`milestone prompt --all` shows it on your prompt).";
