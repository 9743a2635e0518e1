//! How a day to come is spoken of, the same in every command: "today", "tomorrow", "in 3 days".

use crate::output::plural;

/// A day `days` from now.
pub fn in_days(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        n => format!("in {}", plural(n, "day")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_to_come() {
        assert_eq!(super::in_days(0), "today");
        assert_eq!(super::in_days(1), "tomorrow");
        assert_eq!(super::in_days(19), "in 19 days");
    }
}
