//! Share texts the person writes themselves, as minijinja templates in the settings file:
//!
//! ```toml
//! [templates]
//! meeting = "{{ name }}: {{ days }} days {{ tracker }}-free"
//! ```
//!
//! With no name (`--anonymous`, or none set) `name` is false in `{% if name %}` and prints as
//! nothing, taking the separator after it along (`{{ name }}: ` or `{{ name }}, `), so the
//! example above reads "30 days alcohol-free" rather than ": 30 days alcohol-free".
//!
//! A template is rendered once per tracker. Undefined variables are errors (a typo should not
//! silently print nothing), `tracker` is undefined under `--discreet`, and notes are only
//! there with `--with-notes` and never private.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, anyhow};
use minijinja::value::{Object, ObjectRepr, Value};
use minijinja::{Environment, UndefinedBehavior, context};

use super::{ShareOptions, TrackerDay};

/// Enough for any real message, and a bound on a template that loops forever.
const FUEL: u64 = 50_000;

/// The variables a template can use, for documentation and error messages.
pub const VARIABLES: &str = "name, tracker, phrase, days, total_days, elapsed_days, longest_days, resets, \
checkin_streak, date, start, since, milestone, next_milestone, next_milestone_date, days_left, win, notes";

/// Where the name would be when there is none; removed, with its separator, after rendering.
const NO_NAME: char = '\u{e000}';

/// `name` when there is none: false in a condition, and printed as `NO_NAME`.
#[derive(Debug)]
struct NoName;

impl Object for NoName {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn is_true(self: &Arc<Self>) -> bool {
        false
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        f.write_char(NO_NAME)
    }
}

/// A rendered line with the missing name taken out: with the separator after it when the name
/// began a phrase ("{{ name }}: 30 days"), else with the space before it ("by {{ name }}").
fn without_missing_name(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(NO_NAME) {
        out.push_str(&rest[..at]);
        rest = &rest[at + NO_NAME.len_utf8()..];
        let followed = [": ", ", ", " - ", ":", ","]
            .iter()
            .find(|sep| rest.starts_with(**sep));
        match followed {
            Some(sep) => rest = &rest[sep.len()..],
            None => {
                let trimmed = out.trim_end_matches([' ', ',', ':', '-']).len();
                out.truncate(trimmed);
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// A template from the settings file, and where it is written there, so that a mistake in it
/// is shown at its own line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub source: String,
    /// The TOML string as written: quotes, escapes and line breaks included.
    written: String,
    /// The 1-based line and column where `written` starts.
    start: (usize, usize),
}

impl Template {
    pub fn new(source: String, written: &str, start: (usize, usize)) -> Template {
        Template {
            source,
            written: written.to_owned(),
            start,
        }
    }

    /// The line and column in the settings file of byte `at` of the source.
    fn place(&self, at: usize) -> (usize, usize) {
        let before = &self.written[..written_offset(&self.written, at)];
        match before.rfind('\n') {
            Some(break_at) => (
                self.start.0 + before.matches('\n').count(),
                before[break_at + 1..].chars().count() + 1,
            ),
            None => (self.start.0, self.start.1 + before.chars().count()),
        }
    }
}

/// The byte of the TOML string `written` (quotes included) that byte `at` of its value comes
/// from: escapes are undone as TOML does, and a multi-line string's first line break skipped.
fn written_offset(written: &str, at: usize) -> usize {
    let bytes = written.as_bytes();
    let quotes = if written.starts_with("\"\"\"") || written.starts_with("'''") {
        3
    } else {
        1
    };
    let basic = bytes.first() == Some(&b'"');
    let mut i = quotes;
    if quotes == 3 {
        i += [&b"\r\n"[..], b"\n"]
            .iter()
            .find(|eol| bytes[i..].starts_with(eol))
            .map_or(0, |eol| eol.len());
    }
    let mut value_at = 0;
    while let Some(c) = written[i..].chars().next() {
        let escape = if basic && c == '\\' {
            bytes.get(i + 1).copied()
        } else {
            None
        };
        if let Some(b' ' | b'\t' | b'\r' | b'\n') = escape {
            // A line-ending backslash: the break and the blanks after it are no part of the value.
            i += 1 + written[i + 1..].len() - written[i + 1..].trim_start().len();
            continue;
        }
        if value_at >= at {
            break;
        }
        let hex = match escape {
            None => {
                i += c.len_utf8();
                value_at += c.len_utf8();
                continue;
            }
            Some(b'x') => 2,
            Some(b'u') => 4,
            Some(b'U') => 8,
            Some(_) => 0,
        };
        let decoded = written
            .get(i + 2..i + 2 + hex)
            .and_then(|digits| u32::from_str_radix(digits, 16).ok())
            .and_then(char::from_u32)
            .map_or(1, char::len_utf8);
        i += 2 + hex;
        value_at += decoded;
    }
    i.min(written.len())
}

/// `template` for each of `days`; a mistake in it is told at its place in the settings file
/// `file`.
pub fn render(
    name: &str,
    template: &Template,
    file: &Path,
    days: &[TrackerDay],
    options: &ShareOptions,
) -> Result<String> {
    let source = template.source.as_str();
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // minijinja names an undefined variable only in its debug mode, which otherwise follows
    // debug_assertions: the shipped (release) binary would leave the name out.
    env.set_debug(true);
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
        let line_start = |line: usize| {
            source
                .split_inclusive('\n')
                .take(line.saturating_sub(1))
                .map(str::len)
                .sum()
        };
        let at = err
            .range()
            .map(|range| range.start)
            .or_else(|| err.line().map(line_start))
            .unwrap_or(0);
        let (line, column) = template.place(at);
        let place = format!("{}:{line}:{column}", file.display());
        if err.kind() == minijinja::ErrorKind::OutOfFuel {
            return anyhow!(
                "{place}: share template `{name}` does too much work (a loop that never ends?); simplify it"
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
            "{place}: share template `{name}`: {}{hint}",
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
        let name = match &options.name {
            Some(name) => Value::from(name.clone()),
            None => Value::from_object(NoName),
        };
        let values = context! {
            name => name,
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
        let clean: Vec<String> = rendered
            .lines()
            .map(|line| crate::output::chat_safe(&without_missing_name(line)))
            .collect();
        lines.push(clean.join("\n"));
    }
    let mut out = lines.join("\n");
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_in_a_template_is_found_through_escapes_and_line_breaks() {
        let template = |written: &str, source: &str| Template::new(source.into(), written, (6, 8));
        // `\u00e9` is two bytes of the value and six of the file.
        let escaped = template(r#""\u00e9\t{{ x }}""#, "é\t{{ x }}");
        assert_eq!(escaped.place(3), (6, 17));
        // A multi-line string's first line break is not in the value.
        let literal = template("'''\nab\n  {{ x }}'''", "ab\n  {{ x }}");
        assert_eq!(literal.place(0), (7, 1));
        assert_eq!(literal.place(5), (8, 3));
        // A line-ending backslash takes the break and the blanks after it out.
        let folded = template("\"\"\"a \\\n   b{{ x }}\"\"\"", "a b{{ x }}");
        assert_eq!(folded.place(2), (7, 4));
    }

    #[test]
    fn a_missing_name_leaves_no_stray_separator() {
        let gone = |text: &str| without_missing_name(&text.replace('@', &NO_NAME.to_string()));
        assert_eq!(gone("@: 30 days alcohol-free"), "30 days alcohol-free");
        assert_eq!(gone("@, 30 days"), "30 days");
        assert_eq!(gone("30 days - @"), "30 days");
        assert_eq!(gone("30 days, from @!"), "30 days, from!");
        assert_eq!(gone("no name here: ok"), "no name here: ok");
    }
}
