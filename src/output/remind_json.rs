//! `milestone remind --format json`: an array of what is due, for scripts.

use crate::remind::Reminder;

pub fn render(due: &[Reminder]) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(due)?;
    text.push('\n');
    Ok(text)
}
