//! Share texts the person writes themselves, as minijinja templates in the settings file:
//!
//! ```toml
//! [templates]
//! meeting = "{{ name }}: {{ days }} days {{ tracker }}-free"
//! ```
//!
//! A template is rendered once per tracker. Undefined variables are errors (a typo should not
//! silently print nothing), `tracker` is undefined under `--discreet`, and notes are only
//! there with `--with-notes` and never private.

use anyhow::{Result, anyhow};
use minijinja::{Environment, UndefinedBehavior, context};

use super::{ShareOptions, TrackerDay};

/// Enough for any real message, and a bound on a template that loops forever.
const FUEL: u64 = 50_000;

/// The variables a template can use, for documentation and error messages.
pub const VARIABLES: &str = "name, tracker, phrase, days, total_days, elapsed_days, longest_days, resets, \
checkin_streak, date, start, since, milestone, next_milestone, next_milestone_date, days_left, win, notes";

pub fn render(
    name: &str,
    source: &str,
    days: &[TrackerDay],
    options: &ShareOptions,
) -> Result<String> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    // An absent value prints as nothing (never "none"), and a list as "a; b".
    env.set_formatter(|out, state, value| {
        if value.is_undefined() || value.is_none() {
            return Ok(());
        }
        if value.kind() == minijinja::value::ValueKind::Seq {
            let items: Vec<String> = value.try_iter()?.map(|item| item.to_string()).collect();
            return out
                .write_str(&items.join("; "))
                .map_err(minijinja::Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    let problem = |err: minijinja::Error| {
        let line = err
            .line()
            .map(|l| format!(" (line {l})"))
            .unwrap_or_default();
        if err.kind() == minijinja::ErrorKind::OutOfFuel {
            return anyhow!(
                "share template `{name}` in the settings file does too much work (a loop that never ends?); simplify it"
            );
        }
        let hint = if err.kind() == minijinja::ErrorKind::UndefinedError {
            if options.discreet {
                format!(
                    "; with --discreet `tracker` and `phrase` are not available; the variables are {VARIABLES}"
                )
            } else {
                format!("; the variables are {VARIABLES}")
            }
        } else {
            String::new()
        };
        anyhow!(
            "share template `{name}` in the settings file{line}: {}{hint}",
            err.detail().unwrap_or(&err.kind().to_string())
        )
    };
    let template = env.template_from_str(source).map_err(problem)?;
    let counting = options.counting;
    let mut lines = Vec::new();
    for day in days {
        let s = day.standing;
        let (total, of) = counting.total_of(s);
        let notes: Vec<String> = if options.with_notes {
            day.public_notes()
        } else {
            Vec::new()
        };
        let win = day
            .public_win()
            .filter(|w| options.with_notes && !w.is_empty());
        let next = s.next_milestone.as_ref();
        let values = context! {
            name => options.name.clone(),
            days => counting.days(s),
            total_days => total,
            elapsed_days => of,
            longest_days => counting.longest(s),
            resets => s.resets,
            checkin_streak => s.checkin_streak,
            date => s.on.to_string(),
            start => s.start.to_string(),
            since => s.since.to_string(),
            milestone => s.milestone_today().map(|m| m.label.clone()),
            next_milestone => next.map(|m| m.label.clone()),
            next_milestone_date => next.map(|m| m.date.to_string()),
            days_left => s.days_left(),
            win => win,
            notes => notes,
        };
        let values = if options.discreet {
            values
        } else {
            context! { tracker => s.tracker.clone(), phrase => s.phrase.clone(), ..values }
        };
        let rendered = template.render(values).map_err(problem)?;
        let clean: Vec<String> = rendered.lines().map(crate::output::chat_safe).collect();
        lines.push(clean.join("\n"));
    }
    let mut out = lines.join("\n");
    out.push('\n');
    Ok(out)
}
