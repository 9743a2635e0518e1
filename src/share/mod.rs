//! What `milestone share` says: a short, warm message about where each tracker stands today,
//! composed once as plain parts and then written in the style of its destination.
//!
//! Private entries are dropped here, before any text is composed, so no style can leak them.
//! Words from the journal or the command line are marked as the person's own (`Part::User`),
//! so each style can make them safe for its destination. The phrases celebrate; they never
//! compare people or shame a reset.

pub mod card;
pub mod circle;
pub mod styles;
pub mod template;

use crate::journal::{Entry, EntryKind};
use crate::output::{Counting, plural};
use crate::streak::Standing;
use crate::words::days;
/// The most characters of a person's note a chat message carries.
pub const MAX_NOTE_CHARS: usize = 200;

/// The formats `share` (and `circle`) can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShareStyle {
    /// Plain text, for any chat
    Plain,
    /// Markdown, as GitHub, Mattermost, Element and most chats read it
    Markdown,
    /// Slack's mrkdwn
    Slack,
    /// Discord's Markdown, with @-mentions defused
    Discord,
    /// One line of at most 160 characters
    Sms,
    /// A share card, the JSON that `milestone circle` reads
    Json,
}

impl ShareStyle {
    /// "plain, markdown, ..." for messages.
    pub fn names() -> String {
        use clap::ValueEnum;
        ShareStyle::value_variants()
            .iter()
            .filter_map(|s| s.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Who is speaking and how much they want said.
#[derive(Debug, Clone, Default)]
pub struct ShareOptions {
    pub emoji: bool,
    pub with_notes: bool,
    pub counting: Counting,
    /// Display name; `None` when anonymous or unset.
    pub name: Option<String>,
    /// Never name what is tracked.
    pub discreet: bool,
    /// After a slip, also say how many days still count in all.
    pub with_total: bool,
}

/// What one tracker contributes to the message: its standing and that day's entries.
pub struct TrackerDay<'a> {
    pub standing: &'a Standing,
    pub entries: Vec<&'a Entry>,
}

impl TrackerDay<'_> {
    /// That day's entries that may be shared: never a private one.
    pub fn public_entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().copied().filter(|e| !e.private)
    }

    /// The texts of that day's public check-ins.
    pub fn public_notes(&self) -> Vec<String> {
        self.public_entries()
            .filter(|e| e.kind == EntryKind::Checkin)
            .filter_map(|e| e.text.as_deref())
            .map(clean_note)
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// The words of that day's first public win, if there was one ("" when it has none).
    pub fn public_win(&self) -> Option<String> {
        self.public_entries()
            .find(|e| e.kind == EntryKind::Win)
            .map(|e| e.text.as_deref().map(clean_note).unwrap_or_default())
    }
}

/// A person's words, on one line, without control characters, and not too long for a chat.
pub fn clean_note(text: &str) -> String {
    let clean = crate::output::chat_safe(text);
    if clean.chars().count() <= MAX_NOTE_CHARS {
        return clean;
    }
    let mut cut: String = clean.chars().take(MAX_NOTE_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// A piece of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// The program's own words.
    Text(String),
    /// The program's own words, emphasised (the count, the milestone).
    Strong(String),
    /// Words that came from the person (name, tracker, notes): escaped by every style.
    User(String),
    /// Words from someone else, emphasised (a milestone label on a member's card): escaped.
    StrongUser(String),
}

/// One line of the message, with the emoji that opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub emoji: &'static str,
    pub parts: Vec<Part>,
}

/// A whole message, before it is given a style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub lines: Vec<Line>,
}

fn text(s: impl Into<String>) -> Part {
    Part::Text(s.into())
}

/// Composes the message for `days` (one entry per tracker).
pub fn compose(days: &[TrackerDay], options: &ShareOptions) -> Message {
    let mut lines = Vec::new();
    let single = days.len() == 1;
    for (i, day) in celebrations_first(days).into_iter().enumerate() {
        let s = day.standing;
        let (emoji, mut parts) = headline(s, options);
        if i == 0
            && let Some(name) = &options.name
        {
            parts.splice(0..0, [Part::User(name.clone()), text(": ")]);
        }
        let next = next_milestone(s);
        if single {
            lines.push(Line { emoji, parts });
            if let Some(next) = next {
                lines.push(Line {
                    emoji: "",
                    parts: next,
                });
            }
        } else {
            if let Some(next) = next {
                parts.push(text(" "));
                parts.extend(next);
            }
            lines.push(Line { emoji, parts });
        }
    }
    let win = days.iter().find_map(TrackerDay::public_win);
    if let Some(words) = win {
        let parts = if options.with_notes && !words.is_empty() {
            vec![text("Today's win: "), Part::User(words)]
        } else {
            vec![text("A win of my own today, too.")]
        };
        lines.push(Line {
            emoji: "🏆", parts
        });
    }
    if options.with_notes {
        let notes: Vec<String> = days.iter().flat_map(TrackerDay::public_notes).collect();
        if !notes.is_empty() {
            lines.push(Line {
                emoji: "📝",
                parts: vec![Part::User(notes.join("; "))],
            });
        }
    }
    Message { lines }
}

/// The trackers with a milestone today lead; the rest keep their order.
fn celebrations_first<'d, 'a>(days: &'d [TrackerDay<'a>]) -> Vec<&'d TrackerDay<'a>> {
    let mut ordered: Vec<&TrackerDay> = days.iter().collect();
    ordered.sort_by_key(|d| d.standing.milestone_today().is_none());
    ordered
}

/// The whole message on one short line, for `--style sms`. `level` 0 says the most; each
/// level up leaves out more (the next milestone, then the win), so everyone's news still fits.
pub fn compose_compact(days: &[TrackerDay], options: &ShareOptions, level: u8) -> Message {
    let mut parts = Vec::new();
    if let Some(name) = &options.name {
        parts.extend([Part::User(name.clone()), text(": ")]);
    }
    for (i, day) in celebrations_first(days).into_iter().enumerate() {
        let s = day.standing;
        if i > 0 {
            parts.push(text(" · "));
        }
        let what = |parts: &mut Vec<Part>| {
            if !options.discreet {
                parts.extend([text(" "), Part::User(s.phrase.clone())]);
            } else if s.days > 0 {
                parts.push(text(" strong"));
            }
        };
        let emoji = |symbol: &str| {
            if options.emoji {
                format!("{symbol} ")
            } else {
                String::new()
            }
        };
        if let Some(m) = s.milestone_today() {
            parts.push(text(format!("{}{}", emoji("🎉"), m.label)));
            what(&mut parts);
            parts.push(text(" today!"));
            continue;
        }
        match (s.days, s.restarted()) {
            (0, false) if options.discreet => parts.push(text(format!("{}Day one", emoji("🌱")))),
            (0, true) if options.discreet => {
                parts.push(text(format!("{}Starting again", emoji("💛"))))
            }
            (0, false) => parts.push(text(format!("{}Day one of being", emoji("🌱")))),
            (0, true) => parts.push(text(format!("{}Starting again,", emoji("💛")))),
            _ => {
                parts.push(text(format!(
                    "{}{}",
                    emoji("🌱"),
                    plural(options.counting.days(s), "day")
                )));
            }
        }
        what(&mut parts);
        if level == 0
            && let (Some(m), Some(left)) = (&s.next_milestone, s.days_left())
        {
            let when = if left == 1 {
                "tomorrow".to_string()
            } else {
                format!("in {left}d")
            };
            parts.push(text(format!(" (next: {} {when})", m.label)));
        }
    }
    if level <= 1 && days.iter().any(|d| d.public_win().is_some()) {
        parts.push(text(format!(
            " · {}a win today!",
            if options.emoji { "🏆 " } else { "" }
        )));
    }
    Message {
        lines: vec![Line { emoji: "", parts }],
    }
}

/// The opening sentence for one tracker, and the emoji that goes with it. After a slip it
/// speaks of the current streak only: the day of the reset is a warm new start, later days
/// just count (no "again", no earlier total unless the person asks for it).
fn headline(s: &Standing, options: &ShareOptions) -> (&'static str, Vec<Part>) {
    let counting = options.counting;
    // "alcohol-free" (or the tracker's own phrase), or for a discreet message, "strong".
    let phrase = || {
        if options.discreet {
            text("strong")
        } else {
            Part::User(s.phrase.clone())
        }
    };
    let still_counts = (options.with_total && s.restarted()).then(|| {
        let total = counting.total_of(s).0;
        text(format!(
            " {}.",
            capitalized(&days::still_counts(total, s.since))
        ))
    });
    let shown_days = plural(counting.days(s), "day");

    let (emoji, mut parts) = if let Some(m) = s.milestone_today() {
        let mut parts = vec![
            Part::Strong(m.label.clone()),
            text(" "),
            phrase(),
            text(" today!"),
        ];
        // Counting from day 1, "30 days" falls on day 31: saying so would only confuse.
        let counted_in_days = m.label.ends_with("day")
            || m.label.ends_with("days")
            || m.label.ends_with("week")
            || m.label.ends_with("weeks");
        if m.label != shown_days && !(counting.day_one && counted_in_days) {
            parts.push(text(format!(" That's {shown_days}, one day at a time.")));
        }
        ("🎉", parts)
    } else {
        match (s.days, s.restarted(), options.discreet) {
            (0, false, false) => ("🌱", vec![text("Day one of being "), phrase(), text(".")]),
            (0, false, true) => ("🌱", vec![text("Day one starts today.")]),
            (0, true, false) => (
                "💛",
                vec![
                    text("Starting again today: "),
                    phrase(),
                    text(", one day at a time."),
                ],
            ),
            (0, true, true) => ("💛", vec![text("Starting again today, one day at a time.")]),
            _ => (
                "🌱",
                vec![Part::Strong(shown_days), text(" "), phrase(), text(".")],
            ),
        }
    };
    parts.extend(still_counts);
    (emoji, parts)
}

/// "Next up: 60 days on 15 Apr, 30 days to go."
fn next_milestone(s: &Standing) -> Option<Vec<Part>> {
    let m = s.next_milestone.as_ref()?;
    let left = s.days_left()?;
    Some(vec![
        text("Next up: "),
        Part::Strong(m.label.clone()),
        text(format!("{}.", days::next_up_when(m.date, s.on, left))),
    ])
}

fn capitalized(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
