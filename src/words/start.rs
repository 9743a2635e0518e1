//! What `milestone start` says.

/// The furthest back a streak may start.
pub const MAX_YEARS_AGO: u32 = 100;

pub fn too_long_ago(since: chrono::NaiveDate) -> String {
    format!(
        "--since: {since} is more than {MAX_YEARS_AGO} years ago, which looks like a typo; give the day your streak began, such as --since 2026-03-14"
    )
}
