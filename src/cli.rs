//! The command line, and only the command line: every flag of every command, with its help.
//!
//! Values that need the journal or today's date to make sense (dates, moods, tracker names) are
//! taken as plain text here and checked by the commands, so that a bad one is a runtime error
//! (exit 1) with a helpful message rather than a usage error.

use std::path::PathBuf;

use clap::builder::{OsStringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

use crate::journal::EntryKind;
use crate::share::ShareStyle;

/// A journal for your recovery: log your days, see your streaks, share your milestones.
///
/// Your journal is one plain TOML file that you own, can read, edit by hand and keep in git.
///
/// Dates can be written 2026-11-20, today, yesterday, tomorrow, "3 days ago", "2 weeks ago",
/// friday, "last friday" or "nov 20" (a weekday or a day without a year means the most recent).
#[derive(Debug, Parser)]
#[command(name = "milestone", version, max_term_width = 100)]
#[command(after_help = "Examples:
  milestone start alcohol --since 2026-03-14
  milestone add \"went to a meeting\" --mood 4
  milestone streak
  milestone share | wl-copy
  milestone report > report.txt")]
pub struct Cli {
    /// The journal file [default: milestone/journal.toml in your data folder]
    // An empty path is let through to be refused with a helpful message (exit 1), not a usage error.
    #[arg(long, global = true, env = "MILESTONE_JOURNAL", hide_env_values = true, value_name = "PATH", value_hint = ValueHint::FilePath,
          value_parser = OsStringValueParser::new().map(PathBuf::from))]
    pub journal: Option<PathBuf>,

    /// The settings file [default: milestone/config.toml in your config folder]
    #[arg(long, global = true, env = "MILESTONE_CONFIG", hide_env_values = true, value_name = "PATH", value_hint = ValueHint::FilePath,
          value_parser = OsStringValueParser::new().map(PathBuf::from))]
    pub config: Option<PathBuf>,

    /// When to use colour: only on a terminal (auto), always, or never
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Begin tracking something: a new streak starts on --since (today by default)
    Start(StartArgs),
    /// Log a check-in (or, with --win, a win) for a day
    Add(AddArgs),
    /// Record a slip: the streak starts again, and every day before it still counts
    Reset(ResetArgs),
    /// Show journal entries, oldest first
    List(ListArgs),
    /// Change one entry, or with no ID edit the whole journal in your editor
    Edit(EditArgs),
    /// Remove one entry (asks first on a terminal)
    Rm(RmArgs),
    /// Show current, longest and total days, check-ins, and the last and next milestone
    Streak(StreakArgs),
    /// Print the milestone report: milestones and their dates, the next ones, wins, resets
    Report(ReportArgs),
    /// Print a short celebratory text for a group chat
    Share(ShareArgs),
    /// Print one celebration for a group from its members' share cards
    Circle(CircleArgs),
    /// Share your card with a group through a shared folder or git repository, and see the circle
    #[command(subcommand)]
    Group(GroupCommand),
    /// Write the whole journal as JSON, CSV or Markdown, or the coming milestones as a calendar
    Export(ExportArgs),
    /// Add entries (and trackers) from an export, jrnl's JSON or Loop Habit Tracker's CSV
    Import(ImportArgs),
    /// Check the journal for mistakes, each shown as PATH:LINE:COL: message
    #[command(
        after_help = "Run it after editing the journal by hand. Mistakes stop every command that writes;\nwarnings (an unknown key, a date in the future) are only shown here. Entries written by hand\nwithout an id cannot be changed with `milestone edit ID` or removed with `milestone rm ID`:\n`milestone check --fix` gives each one (and changes nothing else).\n\nExamples:\n  milestone check\n  milestone check --fix"
    )]
    Check(CheckArgs),
    /// Print a shell completion script that knows your trackers, tags and entry ids
    Completions(CompletionsArgs),
    /// Show where the journal and the settings file are
    #[command(
        after_help = "Example:\n  cd \"$(dirname \"$(milestone paths | awk '/^journal/ {print $2}')\")\""
    )]
    Paths,
    /// Merge two clones' journals entry by entry (a git merge driver; see the README)
    #[command(name = "merge-driver")]
    MergeDriver(MergeDriverArgs),
    /// Print one short line for a shell prompt or status bar (nothing when there is no journal)
    Prompt(PromptArgs),
    /// Log an urge you rode out: a craving that came and passed
    Urge(UrgeArgs),
    /// Make a pledge for today: just for today
    Pledge(PledgeArgs),
    /// Add one of your reasons for your recovery; with no text, list them
    Why(WhyArgs),
    /// Add someone to call in a hard moment; with no name, list them
    Contact(ContactArgs),
    /// One calm screen for a hard moment: your days, your reasons, your people (writes nothing)
    Sos(SosArgs),
    /// Print what is due today, each thing once a day (for cron or a systemd timer)
    Remind(RemindArgs),
    /// List your trackers, or change one: rename, re-date, re-price, its phrase or privacy
    Tracker(TrackerArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "With no NAME, lists your trackers.\n\nExamples:\n  milestone tracker\n  milestone tracker no-smoking --phrase \"smoke-free\"\n  milestone tracker self-harm --private\n  milestone tracker drinking --rename alcohol"
)]
pub struct TrackerArgs {
    /// The tracker to change
    #[arg(value_name = "NAME", add = crate::complete::trackers())]
    pub name: Option<String>,
    /// A new name; every entry of the tracker follows
    #[arg(long, value_name = "NEW", requires = "name")]
    pub rename: Option<String>,
    /// A new first day for the first streak
    #[arg(long, value_name = "DATE", requires = "name")]
    pub since: Option<String>,
    /// Money no longer spent per day (0 to forget it)
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = cost, requires = "name")]
    pub cost_per_day: Option<f64>,
    /// What follows the count ("30 days sober"); an empty phrase goes back to NAME-free
    #[arg(long, value_name = "P", requires = "name")]
    pub phrase: Option<String>,
    /// Make the tracker private: never shared, posted, drawn or hooked
    #[arg(long, conflicts_with = "shareable", requires = "name")]
    pub private: bool,
    /// Let the tracker be shared again
    #[arg(long, requires = "name")]
    pub shareable: bool,
}

/// A tracker, given either way every command that takes one accepts: `TRACKER` or
/// `-t/--tracker T` (names in any case).
#[derive(Debug, Args)]
pub struct TrackerArg {
    /// The tracker, by name (any case); see above for which is used when it is left out
    #[arg(id = "tracker_name", value_name = "TRACKER", add = crate::complete::trackers())]
    positional: Option<String>,
    /// The tracker, as an option (the same as TRACKER)
    #[arg(id = "tracker", short = 't', long = "tracker", value_name = "T", conflicts_with = "tracker_name", add = crate::complete::trackers())]
    option: Option<String>,
}

impl TrackerArg {
    pub fn name(&self) -> Option<&str> {
        self.positional.as_deref().or(self.option.as_deref())
    }
}

/// The tracker a new entry is for, as `-t/--tracker T` only (the text takes the positional
/// words).
#[derive(Debug, Args)]
pub struct TrackerOption {
    /// The tracker (may be left out when you have only one)
    #[arg(short, long, value_name = "T", add = crate::complete::trackers())]
    tracker: Option<String>,
}

impl TrackerOption {
    pub fn name(&self) -> Option<&str> {
        self.tracker.as_deref()
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  milestone start alcohol                       (from today)\n  milestone start smoking --since 2026-02-01 --cost-per-day 9\n  milestone start gambling --since \"3 weeks ago\""
)]
pub struct StartArgs {
    /// A name for what you are tracking: letters, digits, '-' and '_' (e.g. alcohol, smoking)
    pub name: String,
    /// The first day of the streak, such as 2026-03-14 or "3 weeks ago" [default: today]
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Money no longer spent per day, in your own currency
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = cost)]
    pub cost_per_day: Option<f64>,
    /// Keep this tracker private: it is never shared, posted to a group, drawn or hooked
    #[arg(long)]
    pub private: bool,
    /// What follows the count, such as "sober" or "clean" ("30 days sober") [default: NAME-free]
    #[arg(long, value_name = "P", value_parser = phrase)]
    pub phrase: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  milestone add \"went to a meeting\" --mood 4 --tag meeting\n  milestone add --win \"got my licence back\"\n  echo \"quiet day\" | milestone add --date yesterday"
)]
pub struct AddArgs {
    /// What happened; read from standard input when piped, or written in your editor on a
    /// terminal, when no text is given (leaving the note empty there logs nothing, as an empty
    /// commit message does in git; the editor is $VISUAL, else $EDITOR, else the system's)
    pub text: Vec<String>,
    /// On a terminal with no text, log the check-in without opening the editor
    #[arg(long)]
    pub no_edit: bool,
    #[command(flatten)]
    pub tracker: TrackerOption,
    /// The day, such as yesterday, friday or "nov 20" [default: today]
    #[arg(short, long, value_name = "D")]
    pub date: Option<String>,
    /// How you feel, 1 (low) to 5 (great)
    #[arg(short, long, value_name = "1-5", allow_negative_numbers = true, value_parser = mood)]
    pub mood: Option<u8>,
    /// A tag; repeat for several
    #[arg(long = "tag", value_name = "T", add = crate::complete::tags(), value_parser = tag)]
    pub tags: Vec<String>,
    /// Log a win: a milestone of your own, in your own words
    #[arg(long)]
    pub win: bool,
    /// Keep the text private: it is never shared
    #[arg(long)]
    pub private: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "An urge you rode out is something to be proud of: logging it counts it, and nothing\ncounts against you (an urge acted on is a slip: `milestone reset`).\n\nExamples:\n  milestone urge \"after the call with the bank\" --intensity 4 --trigger stress\n  milestone urge --trigger party --trigger friends --date yesterday"
)]
pub struct UrgeArgs {
    /// What it was like (optional); read from standard input when piped and no text is given
    pub text: Vec<String>,
    #[command(flatten)]
    pub tracker: TrackerOption,
    /// How strong it was, 1 (mild) to 5 (overwhelming)
    #[arg(short, long, value_name = "1-5", allow_negative_numbers = true, value_parser = intensity)]
    pub intensity: Option<u8>,
    /// What set it off; repeat for several
    #[arg(long = "trigger", value_name = "T", add = crate::complete::triggers(), value_parser = trigger)]
    pub triggers: Vec<String>,
    /// The day, such as yesterday, friday or "nov 20" [default: today]
    #[arg(short, long, value_name = "D")]
    pub date: Option<String>,
    /// Keep the text private: it is never shared
    #[arg(long)]
    pub private: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  milestone pledge\n  milestone pledge \"no drinking today, whatever happens\""
)]
pub struct PledgeArgs {
    /// Your pledge in your own words (optional)
    pub text: Vec<String>,
    #[command(flatten)]
    pub tracker: TrackerOption,
    /// The day [default: today]
    #[arg(short, long, value_name = "D")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Your reasons are shown by `milestone sos`, and never shared.\n\nExamples:\n  milestone why \"to be there for Mia\"\n  milestone why"
)]
pub struct WhyArgs {
    /// The reason, in your own words; leave it out to list your reasons
    pub text: Vec<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Your people are shown by `milestone sos`, and never shared.\n\nExamples:\n  milestone contact \"Jo (sponsor)\" \"+44 7700 900123\"\n  milestone contact"
)]
pub struct ContactArgs {
    /// Their name, as you want to see it; leave it and the number out to list your people
    #[arg(requires = "phone")]
    pub name: Option<String>,
    /// Their phone number
    pub phone: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "It only reads your journal, and shows your private wins too: this screen is yours.\n\nExamples:\n  milestone sos\n  milestone sos alcohol"
)]
pub struct SosArgs {
    #[command(flatten)]
    pub tracker: TrackerArg,
}

#[derive(Debug, Args)]
#[command(
    after_help = "A slip is part of many recoveries. The streak starts again on its day; every day before\nit still counts, and nothing is erased.\n\nExamples:\n  milestone reset\n  milestone reset alcohol --date yesterday --note \"cousin's wedding\""
)]
pub struct ResetArgs {
    #[command(flatten)]
    pub tracker: TrackerArg,
    /// The day of the slip [default: today]
    #[arg(short, long, value_name = "D")]
    pub date: Option<String>,
    /// A note for yourself about what happened
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Do not ask first (on a terminal, reset asks before it records anything)
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  milestone edit k3f9a2c --mood 4 --text \"went to a meeting after all\"
  milestone edit k3f9a2c --private
  milestone edit k3f9a2c --no-mood --no-tags
  milestone edit k3f9a2c --tracker smoking --kind win
  milestone edit                      (the whole journal in $VISUAL / $EDITOR, checked before saving)")]
pub struct EditArgs {
    /// The entry's id, as `milestone list` shows it (a unique beginning is enough)
    #[arg(add = crate::complete::entry_ids())]
    pub id: Option<String>,
    /// New text (`--text ""` removes the note; a win keeps its words)
    #[arg(long, value_name = "T", requires = "id")]
    pub text: Option<String>,
    /// Move the entry to another tracker
    #[arg(short, long, value_name = "T", requires = "id", add = crate::complete::trackers())]
    pub tracker: Option<String>,
    /// Make the entry another kind: checkin, win, reset, urge or pledge
    #[arg(long, value_name = "K", requires = "id")]
    pub kind: Option<EntryKind>,
    /// New day
    #[arg(short, long, value_name = "D", requires = "id")]
    pub date: Option<String>,
    /// New mood, 1 (low) to 5 (great)
    #[arg(
        short,
        long,
        value_name = "1-5",
        allow_negative_numbers = true,
        requires = "id",
        value_parser = mood,
        conflicts_with = "no_mood"
    )]
    pub mood: Option<u8>,
    /// Remove the mood
    #[arg(long, requires = "id")]
    pub no_mood: bool,
    /// Replace the tags; repeat for several
    #[arg(long = "tag", value_name = "T", requires = "id", conflicts_with = "no_tags", add = crate::complete::tags(), value_parser = tag)]
    pub tags: Vec<String>,
    /// Remove every tag
    #[arg(long, requires = "id")]
    pub no_tags: bool,
    /// Keep the text private: it is never shared
    #[arg(long, conflicts_with = "public", requires = "id")]
    pub private: bool,
    /// Let the text be shared again
    #[arg(long, requires = "id")]
    pub public: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Give every entry written without an id one, keeping everything else as written
    #[arg(long)]
    pub fix: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Example:\n  milestone rm k3f9a2c")]
pub struct RmArgs {
    /// The entry's id, as `milestone list` shows it (a unique beginning is enough)
    #[arg(add = crate::complete::entry_ids())]
    pub id: String,
    /// Remove without asking
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "On a terminal, list shows the newest 20 entries and says how many more there are (a year\nof check-ins would fill many screens); --all or --limit N shows more. Piped, or as JSON, it\nprints every entry. On a terminal the table fits its width: ids and dates are never broken,\ncolumns with nothing to tell are left out (the tracker, when every entry is of one), and on a\nnarrow screen each entry is a short block.\n\nExamples:\n  milestone list --since \"2 weeks ago\"\n  milestone list --kind win\n  milestone list --grep sponsor\n  milestone list --tag meeting --format json | jq length"
)]
pub struct ListArgs {
    /// Only this tracker's entries
    #[arg(short, long, value_name = "T", add = crate::complete::trackers())]
    pub tracker: Option<String>,
    /// Only entries on or after this day
    #[arg(long, value_name = "D")]
    pub since: Option<String>,
    /// Only entries on or before this day
    #[arg(long, value_name = "D")]
    pub until: Option<String>,
    /// Only entries of this kind
    #[arg(long, value_name = "K")]
    pub kind: Option<EntryKind>,
    /// Only entries with this tag
    #[arg(long, value_name = "T", add = crate::complete::tags())]
    pub tag: Option<String>,
    /// Only entries whose text or tags contain WORD (upper and lower case alike)
    #[arg(long, value_name = "WORD")]
    pub grep: Option<String>,
    /// Only the newest N entries (still shown oldest first) [default on a terminal: 20]
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub limit: Option<usize>,
    /// Every entry, also on a terminal
    #[arg(long)]
    pub all: bool,
    /// Output format
    #[arg(long, default_value = "table")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "The check-in streak counts the days in a row with a check-in (`milestone add`). A win\nor a reset on its own does not count as checking in: a win is a moment to remember, not a\nroll call; log a check-in as well to keep the streak.\n\nExamples:\n  milestone streak\n  milestone streak alcohol --on 2026-12-31\n  milestone streak --format json"
)]
pub struct StreakArgs {
    #[command(flatten)]
    pub tracker: TrackerArg,
    /// Count as of this day instead of today
    #[arg(long, value_name = "D")]
    pub on: Option<String>,
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: StreakFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  milestone report --on 2026-12-31\n  milestone report alcohol --format markdown > report.md"
)]
pub struct ReportArgs {
    #[command(flatten)]
    pub tracker: TrackerArg,
    /// Report as of this day instead of today
    #[arg(long, value_name = "D")]
    pub on: Option<String>,
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  milestone share | wl-copy
  milestone share --style slack --name Sam
  milestone share --discreet --style sms
  milestone share --style json > my-card.json      (for `milestone circle`)
  milestone share --style png --output chip.png    (a picture of your chip, for a group chat)
  milestone share --template meeting               (a template from the settings file)")]
#[command(
    after_help = "Which trackers: the one named; else default_tracker from the settings; else your one tracker\nthat is not private. --all shares every tracker that is not private. A private tracker is never\nshared (`milestone tracker NAME --shareable` changes that)."
)]
pub struct ShareArgs {
    #[command(flatten)]
    pub tracker: TrackerArg,
    /// Share as of this day instead of today
    #[arg(long, value_name = "D")]
    pub on: Option<String>,
    /// How to format the text [default: plain, or share_style from the settings]
    #[arg(long, value_name = "STYLE")]
    pub style: Option<ShareStyle>,
    /// Use a share template from the settings file's [templates] instead of a style
    #[arg(long, value_name = "NAME", conflicts_with = "style")]
    pub template: Option<String>,
    /// Your name in the message [default: name from the settings]
    #[arg(long, value_name = "NAME", conflicts_with = "anonymous")]
    pub name: Option<String>,
    /// Leave your name out, even if the settings have one
    #[arg(long)]
    pub anonymous: bool,
    /// Never name what you track ("256 days strong")
    #[arg(long)]
    pub discreet: bool,
    /// Leave out emoji
    #[arg(long)]
    pub no_emoji: bool,
    /// Add that day's notes and win (never the text of a private entry)
    #[arg(long)]
    pub with_notes: bool,
    /// Write to this file (owner-only) instead of standard output; pictures need it on a terminal
    #[arg(long, short = 'o', value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Share every tracker that is not private
    #[arg(long, conflicts_with = "tracker_name", conflicts_with = "tracker")]
    pub all: bool,
    /// After a slip, also say how many days still count in all [default: share_total from the settings]
    #[arg(long)]
    pub with_total: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Each member runs `milestone share --style json` and sends the card; then:
  cat cards/*.json | milestone circle
  milestone circle sam.json ana.json --style markdown
  milestone circle cards/*.json --upcoming 30d      (anniversaries coming up, for the chips)
  milestone circle cards/*.json --style png -o circle.png   (a poster of everyone)"
)]
pub struct CircleArgs {
    /// Files of share cards; `-` or none reads standard input
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
    /// How to format the text
    #[arg(long, value_name = "STYLE", default_value = "plain")]
    pub style: ShareStyle,
    /// List the members' anniversaries in the next span of days instead, such as 30d or 2w
    #[arg(long, value_name = "SPAN")]
    pub upcoming: Option<String>,
    /// The day to view the circle on (default today): each member's days are counted to it
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Leave out emoji
    #[arg(long)]
    pub no_emoji: bool,
    /// Write to this file (owner-only) instead of standard output; pictures need it on a terminal
    #[arg(long, short = 'o', value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  PS1='$(milestone prompt) \\$ '                       (bash)
  set -g status-right '#(milestone prompt)'          (tmux)

A prompt is seen by anyone looking at the screen, so private trackers are left out unless
you pass --all.")]
pub struct PromptArgs {
    #[command(flatten)]
    pub tracker: TrackerArg,
    /// Include private trackers too
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "What is due: your milestones today and tomorrow, and \"no check-in yet today\" for a
tracker with check-ins on at least 3 of the last 7 days. Each is said once a day; with
nothing (more) to say it prints nothing, so cron sends no mail and xargs -r runs nothing.
It also runs the on_milestone hooks that are due (see [hooks] in the README).

A notification is seen by anyone looking at the screen, so a private tracker is spoken of
without its name (\"30 days on a private tracker\"); --all names it.

Examples:
  milestone remind | xargs -r -d '\\n' -n 1 notify-send Milestone
  0 19 * * * $HOME/.cargo/bin/milestone remind       (crontab: cron mails what is due)
  milestone remind --format json"
)]
pub struct RemindArgs {
    /// Name private trackers too
    #[arg(long)]
    pub all: bool,
    /// Output format
    #[arg(long, default_value = "text")]
    pub format: RemindFormat,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  milestone export > backup.json
  milestone export --format ics > milestones.ics")]
pub struct ExportArgs {
    /// Output format
    #[arg(long, default_value = "json")]
    pub format: ExportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The whole journal, for backups and other programs
    Json,
    /// The whole journal, for spreadsheets
    Csv,
    /// The whole journal, to read or print
    Markdown,
    /// The coming milestones as calendar events
    Ics,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  milestone import backup.json --dry-run
  jrnl --export json > jrnl.json && milestone import jrnl.json --tracker alcohol
  milestone import Checkmarks.csv                 (Loop Habit Tracker)")]
pub struct ImportArgs {
    /// The file to import; `-` reads standard input
    #[arg(value_hint = ValueHint::FilePath)]
    pub file: PathBuf,
    /// The tracker for history from another app (jrnl, or a Loop file with one habit)
    #[arg(short, long, value_name = "T", add = crate::complete::trackers())]
    pub tracker: Option<String>,
    /// Show what would be added, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Set-up, once per clone:
  echo 'journal.toml merge=milestone' >> .gitattributes
  git config merge.milestone.driver 'milestone merge-driver %O %A %B'
  printf '%s\\n' journal.toml.lock journal.toml.pending '.milestone-*' >> .gitignore

The lock, the redo record and the temporary files beside the journal belong to one machine;
committing them (`git add -A`) would only bring another machine's into yours.")]
pub struct MergeDriverArgs {
    /// The common ancestor (git's %O)
    #[arg(value_hint = ValueHint::FilePath)]
    pub base: PathBuf,
    /// Our version, where the merge is written (git's %A)
    #[arg(value_hint = ValueHint::FilePath)]
    pub ours: PathBuf,
    /// Their version (git's %B)
    #[arg(value_hint = ValueHint::FilePath)]
    pub theirs: PathBuf,
}

#[derive(Debug, Args)]
#[command(
    after_help = "At each Tab the script asks milestone what fits, so it knows your trackers, tags and entry ids.
The .deb package installs it for bash, zsh and fish. Otherwise:
  milestone completions bash > ~/.local/share/bash-completion/completions/milestone
  milestone completions zsh > ~/.zfunc/_milestone     (a folder in $fpath, before compinit)
  milestone completions fish > ~/.config/fish/completions/milestone.fish"
)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RemindFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StreakFormat {
    Text,
    Json,
}

/// `--mood`, checked by the journal's own rule: a bad one is a usage error (exit 2).
fn mood(value: &str) -> Result<u8, String> {
    let number: i64 = value
        .trim()
        .parse()
        .map_err(|_| format!("mood is a whole number from 1 (low) to 5 (great), not {value:?}"))?;
    crate::journal::check_mood(number)
}

/// `--cost-per-day`, checked by the journal's own rule.
fn cost(value: &str) -> Result<f64, String> {
    // What is not a number is refused by the same rule, with the same words, as NaN.
    crate::journal::check_cost(value.trim().parse().unwrap_or(f64::NAN))
}

/// `--phrase`, checked by the journal's own rule.
fn phrase(value: &str) -> Result<String, String> {
    crate::journal::check_phrase(value).map(|()| value.to_owned())
}

/// `--intensity`, checked by the journal's own rule.
fn intensity(value: &str) -> Result<u8, String> {
    let number: i64 = value.trim().parse().map_err(|_| {
        format!("intensity is a whole number from 1 (mild) to 5 (overwhelming), not {value:?}")
    })?;
    crate::journal::check_intensity(number)
}

/// `--trigger`: the rule for tags, in a trigger's words.
fn trigger(value: &str) -> Result<String, String> {
    crate::journal::check_tag(value).map_err(|why| {
        why.replace("a tag", "a trigger")
            .replace("--tag meeting", "--trigger stress")
    })
}

/// `--tag`, checked by the journal's own rule.
fn tag(value: &str) -> Result<String, String> {
    crate::journal::check_tag(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// The man pages in `man/` are generated from this command line; refresh them with
    /// `scripts/refresh-generated`, which sets MILESTONE_BLESS.
    #[test]
    fn man_pages_are_up_to_date() {
        let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
        let fresh = tempfile::tempdir().unwrap();
        clap_mangen::generate_to(Cli::command(), fresh.path()).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(fresh.path())
            .unwrap()
            .map(|f| f.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        if std::env::var_os("MILESTONE_BLESS").is_some() {
            let _ = std::fs::remove_dir_all(&committed);
            std::fs::create_dir_all(&committed).unwrap();
            for name in &names {
                std::fs::copy(fresh.path().join(name), committed.join(name)).unwrap();
            }
        }
        let mut committed_names: Vec<String> = std::fs::read_dir(&committed)
            .map(|dir| {
                dir.map(|f| f.unwrap().file_name().into_string().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        committed_names.sort();
        assert_eq!(
            committed_names, names,
            "man/ is out of date: run scripts/refresh-generated"
        );
        for name in &names {
            assert!(
                std::fs::read(fresh.path().join(name)).unwrap()
                    == std::fs::read(committed.join(name)).unwrap(),
                "man/{name} is out of date: run scripts/refresh-generated"
            );
        }
        let main = std::fs::read_to_string(committed.join("milestone.1")).unwrap();
        assert!(main.starts_with(".ie \\n(.g .ds Aq \\(aq\n"), "{main}");
        assert!(main.contains(".TH milestone 1"), "{main}");
    }
}

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Join a group: PLACE is a shared folder, or a git URL or path (cloned); posts your card
    #[command(
        after_help = "Examples:\n  milestone group join tuesday git@example.org:tuesday/circle.git --as Sam\n  milestone group join tuesday ~/Sync/tuesday --anonymous --tracker alcohol --auto-post\n\nWhat reaches the group: the card of each tracker named (never a private one): day counts,\nmilestone labels and dates, and your display name. Never the text of an entry. A git\nrepository's history keeps what was posted, even after you leave."
    )]
    Join(GroupJoinArgs),
    /// Post (or refresh) your card; no NAME: every group you joined
    Post(GroupPostArgs),
    /// Show the group's circle: the day's milestones, everyone, and the cheers for you
    Show(GroupShowArgs),
    /// Send a member a cheer (MEMBER: a display name or a member id)
    Cheer(GroupCheerArgs),
    /// Leave a group: your card is removed from the folder and the group from your settings
    Leave(GroupLeaveArgs),
    /// List the groups you joined
    List,
}

#[derive(Debug, Args)]
pub struct GroupJoinArgs {
    /// A name for the group here: letters, digits, '-' and '_'
    pub name: String,
    /// A shared folder, or a git URL or path to clone
    pub place: String,
    /// The name the group sees (default: `name` from the settings)
    #[arg(long = "as", value_name = "DISPLAY", conflicts_with = "anonymous")]
    pub display: Option<String>,
    /// The group sees no name
    #[arg(long)]
    pub anonymous: bool,
    /// A tracker the group may see (repeat for more; default: what `share` would share)
    #[arg(short = 't', long = "tracker", value_name = "TRACKER")]
    pub trackers: Vec<String>,
    /// The cards never name what you track
    #[arg(long)]
    pub discreet: bool,
    /// Post your card after every add, reset, urge and pledge
    #[arg(long)]
    pub auto_post: bool,
}

#[derive(Debug, Args)]
pub struct GroupPostArgs {
    /// The groups to post to (default: every group you joined)
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GroupShowArgs {
    /// The group (may be left out when you joined one)
    pub name: Option<String>,
    /// How to format the text
    #[arg(long, value_name = "STYLE", default_value = "plain")]
    pub style: ShareStyle,
    /// Also list the members' anniversaries in the next span of days, such as 30d or 2w
    #[arg(long, value_name = "SPAN")]
    pub upcoming: Option<String>,
    /// The day to view the circle on (default today)
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Write to this file (owner-only) instead of standard output; pictures need it on a terminal
    #[arg(long, short = 'o', value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Leave out emoji
    #[arg(long)]
    pub no_emoji: bool,
}

#[derive(Debug, Args)]
pub struct GroupCheerArgs {
    /// The group
    pub name: String,
    /// Who to cheer: their display name, or their member id
    pub member: String,
    /// A few words (optional; at most 200 characters)
    #[arg(num_args = 0..)]
    pub text: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GroupLeaveArgs {
    /// The group
    pub name: String,
}
