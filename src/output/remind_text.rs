//! The text of `milestone remind`: one line per thing due, ready for `notify-send`.

use crate::remind::Reminder;

pub fn render(due: &[Reminder]) -> String {
    due.iter()
        .map(|r| format!("{}\n", crate::output::terminal_safe(&r.text)))
        .collect()
}
