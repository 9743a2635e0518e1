//! JSON output, with the contract's stable field names.

use std::io::Write;

use anyhow::Result;
use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::journal::Entry;
use crate::milestones::Milestone;
use crate::report::Report;
use crate::streak::Standing;

/// An entry in JSON, the one shape `list --format json`, `export` and `import` share (the
/// contract's field names): borrowed from the journal when written, owned when read back.
#[derive(Serialize, Deserialize)]
pub struct EntryJson<'a> {
    #[serde(default)]
    pub id: Option<Cow<'a, str>>,
    #[serde(serialize_with = "crate::journal::date_text::serialize")]
    pub date: NaiveDate,
    pub tracker: Cow<'a, str>,
    pub kind: Cow<'a, str>,
    #[serde(default)]
    pub text: Option<Cow<'a, str>>,
    #[serde(default)]
    pub mood: Option<u8>,
    #[serde(default)]
    pub tags: Cow<'a, [crate::journal::Name]>,
    #[serde(default)]
    pub private: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity: Option<u8>,
    #[serde(default, skip_serializing_if = "<[String]>::is_empty")]
    pub triggers: Cow<'a, [String]>,
}

impl<'a> From<&'a Entry> for EntryJson<'a> {
    fn from(entry: &'a Entry) -> Self {
        EntryJson {
            id: entry.id.as_deref().map(Cow::Borrowed),
            date: entry.date,
            tracker: Cow::Borrowed(&entry.tracker),
            kind: Cow::Borrowed(entry.kind.as_str()),
            text: entry.text.as_deref().map(Cow::Borrowed),
            mood: entry.mood,
            tags: Cow::Borrowed(&entry.tags),
            private: entry.private,
            intensity: entry.intensity,
            triggers: Cow::Borrowed(&entry.triggers),
        }
    }
}

#[derive(Serialize)]
struct MilestoneJson<'a> {
    label: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    days_left: Option<i64>,
}

#[derive(Serialize)]
struct StandingJson<'a> {
    tracker: &'a str,
    start: String,
    on: String,
    days: i64,
    longest_days: i64,
    total_days: i64,
    resets: usize,
    checkin_streak: i64,
    pledge_streak: i64,
    urges_30_days: usize,
    last_milestone: Option<MilestoneJson<'a>>,
    next_milestone: Option<MilestoneJson<'a>>,
}

fn milestone(m: &Milestone, days_left: Option<i64>) -> MilestoneJson<'_> {
    MilestoneJson {
        label: &m.label,
        date: m.date.to_string(),
        days_left,
    }
}

impl<'a> From<&'a Standing> for StandingJson<'a> {
    fn from(s: &'a Standing) -> Self {
        StandingJson {
            tracker: &s.tracker,
            start: s.start.to_string(),
            on: s.on.to_string(),
            days: s.days,
            longest_days: s.longest_days,
            total_days: s.total_days,
            resets: s.resets,
            checkin_streak: s.checkin_streak,
            pledge_streak: s.pledge_streak,
            urges_30_days: s.urges_30_days,
            last_milestone: s.last_milestone.as_ref().map(|m| milestone(m, None)),
            next_milestone: s
                .next_milestone
                .as_ref()
                .map(|m| milestone(m, s.days_left())),
        }
    }
}

#[derive(Serialize)]
struct RunJson {
    start: String,
    end: String,
    days: i64,
}

#[derive(Serialize)]
struct MonthMoodJson {
    month: String,
    average: f64,
    entries: usize,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    tracker: &'a str,
    start: String,
    on: String,
    days: i64,
    reached: Vec<MilestoneJson<'a>>,
    upcoming: Vec<MilestoneJson<'a>>,
    wins: Vec<EntryJson<'a>>,
    resets: Vec<EntryJson<'a>>,
    since: String,
    longest_days: i64,
    total_days: i64,
    elapsed_days: i64,
    checkin_streak: i64,
    past_streaks: Vec<RunJson>,
    average_of_last_three: Option<f64>,
    cost_per_day: Option<f64>,
    money_not_spent: Option<f64>,
    /// Days with at least one check-in in the calendar's 12 weeks.
    checkin_days: Vec<String>,
    mood_by_month: Vec<MonthMoodJson>,
    urges_ridden_out: usize,
    urges_by_month: Vec<MonthCountJson>,
    /// Monday first.
    urges_by_weekday: Vec<WeekdayCountJson>,
    top_triggers: Vec<TriggerCountJson<'a>>,
    pledges: usize,
}

#[derive(Serialize)]
struct MonthCountJson {
    month: String,
    urges: usize,
}

#[derive(Serialize)]
struct WeekdayCountJson {
    weekday: String,
    urges: usize,
}

#[derive(Serialize)]
struct TriggerCountJson<'a> {
    trigger: &'a str,
    urges: usize,
}

impl<'a> From<&'a Report<'a>> for ReportJson<'a> {
    fn from(r: &'a Report<'a>) -> Self {
        let s = &r.standing;
        let c = &r.calendar;
        ReportJson {
            tracker: &s.tracker,
            start: s.start.to_string(),
            on: s.on.to_string(),
            days: s.days,
            reached: r.reached.iter().map(|m| milestone(m, None)).collect(),
            upcoming: r
                .upcoming
                .iter()
                .map(|m| milestone(m, Some((m.date - s.on).num_days())))
                .collect(),
            wins: r.wins.iter().map(|e| EntryJson::from(*e)).collect(),
            resets: r.resets.iter().map(|e| EntryJson::from(*e)).collect(),
            since: s.since.to_string(),
            longest_days: s.longest_days,
            total_days: s.total_days,
            elapsed_days: s.elapsed_days,
            checkin_streak: s.checkin_streak,
            past_streaks: s
                .past_runs
                .iter()
                .map(|run| RunJson {
                    start: run.start.to_string(),
                    end: run.end.to_string(),
                    days: run.days,
                })
                .collect(),
            average_of_last_three: s.average_of_last_three(),
            cost_per_day: r.cost_per_day,
            money_not_spent: r.money_not_spent(),
            checkin_days: c
                .counts
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(i, _)| (c.first + chrono::Days::new(i as u64)).to_string())
                .collect(),
            mood_by_month: r
                .moods
                .iter()
                .map(|m| MonthMoodJson {
                    month: format!("{}-{:02}", m.year, m.month),
                    average: m.average,
                    entries: m.entries,
                })
                .collect(),
            urges_ridden_out: r.urges.ridden_out,
            urges_by_month: r
                .urges
                .by_month
                .iter()
                .map(|(year, month, n)| MonthCountJson {
                    month: format!("{year}-{month:02}"),
                    urges: *n,
                })
                .collect(),
            urges_by_weekday: r
                .urges
                .by_weekday
                .iter()
                .enumerate()
                .map(|(i, n)| WeekdayCountJson {
                    weekday: super::report_text::weekday(i).to_string().to_lowercase(),
                    urges: *n,
                })
                .collect(),
            top_triggers: r
                .urges
                .triggers
                .iter()
                .map(|(t, n)| TriggerCountJson {
                    trigger: t,
                    urges: *n,
                })
                .collect(),
            pledges: r.urges.pledges,
        }
    }
}

/// The report array as JSON text.
pub fn reports(reports: &[Report]) -> Result<String> {
    let reports: Vec<ReportJson> = reports.iter().map(ReportJson::from).collect();
    let mut text = to_string_pretty(&reports)?;
    text.push('\n');
    Ok(text)
}

pub fn write_standings(out: &mut impl Write, standings: &[Standing]) -> Result<()> {
    let standings: Vec<StandingJson> = standings.iter().map(StandingJson::from).collect();
    write_pretty(out, &standings)
}

fn write_pretty(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    // Rendered whole first, so that a closed pipe surfaces as the plain I/O error it is.
    let mut text = to_string_pretty(value)?;
    text.push('\n');
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// A pretty JSON formatter that also escapes what serde_json leaves raw but a terminal would
/// act on (C1 controls such as U+009B, DEL, bidi overrides): the same strings for any JSON
/// reader, and nothing a terminal obeys when the output is just shown.
struct TerminalSafe<'a>(serde_json::ser::PrettyFormatter<'a>);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $name<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            self.0.$name(writer $(, $arg)*)
        }
    )*};
}

impl serde_json::ser::Formatter for TerminalSafe<'_> {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Most text is ASCII without DEL, which is all safe (serde_json has escaped the
        // controls below space already): one check of its bytes, no character walk.
        if fragment.bytes().all(|b| b < 0x7f) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|(_, c)| super::is_unsafe_char(*c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

/// `value` as pretty JSON on `writer`, terminal-safe (see `TerminalSafe`).
pub fn to_writer_pretty<T: Serialize + ?Sized>(
    writer: &mut impl Write,
    value: &T,
) -> serde_json::Result<()> {
    let formatter = TerminalSafe(serde_json::ser::PrettyFormatter::new());
    value.serialize(&mut serde_json::Serializer::with_formatter(
        writer, formatter,
    ))
}

/// `value` as pretty JSON text, terminal-safe (see `TerminalSafe`).
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    to_writer_pretty(&mut out, value)?;
    // Only whole UTF-8 strings and ASCII went in.
    Ok(String::from_utf8(out).unwrap_or_default())
}
