//! Hooks: the person's own programs, named in `[hooks]` in the settings file (never in the
//! journal, which can arrive by `git pull`), run after a journal write has finished and its lock
//! is released. A hook can never fail the command: whatever goes wrong is a warning.
//!
//! `on_milestone` runs once per milestone, on its day or the day after (a late check-in, a
//! computer that was off), whether `add` or `remind` gets there first; older milestones never
//! fire, so logging past days does not flood a chat. What has fired is kept by `crate::state`.

pub mod event;
mod run;

use chrono::Days;

use crate::context::Context;
use crate::journal::{Entry, EntryKind, Journal, Tracker};
use crate::share::ShareOptions;
use crate::state::{self, Fired};
use crate::streak::Standing;
use crate::words::remind as words;
use event::{Event, Hook};

/// An event, and the milestone it fires when it is one (claimed before it runs).
type Due = (Event, Option<Fired>);

/// `[hooks]`: each an argv list, program first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HookSettings {
    pub on_milestone: Option<Vec<String>>,
    pub on_reset: Option<Vec<String>>,
    pub on_entry: Option<Vec<String>>,
}

impl HookSettings {
    fn argv(&self, hook: Hook) -> Option<&[String]> {
        match hook {
            Hook::Milestone => self.on_milestone.as_deref(),
            Hook::Reset => self.on_reset.as_deref(),
            Hook::Entry => self.on_entry.as_deref(),
        }
    }

    fn none(&self) -> bool {
        self.on_milestone.is_none() && self.on_reset.is_none() && self.on_entry.is_none()
    }
}

/// Runs the hooks due after `add`, `reset`, `urge` or `pledge` wrote `entry` (`standing`: its
/// tracker's, as the command computed it). Warnings go to standard error; it never fails.
pub fn after_entry(ctx: &Context, entry: &Entry, standing: Option<&Standing>) {
    let hooks = &ctx.settings.hooks;
    if hooks.none() || inside_a_hook() {
        return;
    }
    let journal = match crate::storage::load_journal(&ctx.journal, ctx.cache()) {
        Ok(journal) => journal,
        Err(err) => return warn(&[words::hooks_not_checked(&err)]),
    };
    let Some(tracker) = journal.tracker(&entry.tracker) else {
        return;
    };
    let options = share_options(ctx);
    let mut events = Vec::new();
    if hooks.on_milestone.is_some() {
        events.extend(
            due_milestones(ctx, &journal, tracker, &options, Some(entry))
                .into_iter()
                .filter(|(e, _)| e.date == entry.date)
                .map(|(e, fired)| (e, Some(fired))),
        );
    }
    let is_reset = entry.kind == EntryKind::Reset;
    for (hook, wanted) in [
        (Hook::Reset, is_reset && hooks.on_reset.is_some()),
        (Hook::Entry, hooks.on_entry.is_some()),
    ] {
        if wanted {
            let ladder = ctx.settings.ladder_for(&tracker.name);
            let card = event::entry(
                hook, tracker, entry.kind, entry.date, standing, ladder, &options,
            );
            events.push((card, None));
        }
    }
    fire(ctx, events);
}

/// Runs the `on_milestone` hooks of every milestone that is due and has not fired yet (for
/// `remind`). Warnings go to standard error; it never fails.
pub fn milestones_due(ctx: &Context, journal: &Journal) {
    if ctx.settings.hooks.on_milestone.is_none() || inside_a_hook() {
        return;
    }
    let options = share_options(ctx);
    let events: Vec<Due> = journal
        .trackers
        .iter()
        .flat_map(|t| due_milestones(ctx, journal, t, &options, None))
        .map(|(e, fired)| (e, Some(fired)))
        .collect();
    fire(ctx, events);
}

/// The milestones of `tracker`'s current streak dated today or yesterday that have not fired
/// yet, each claimed (so no other `milestone` fires it too) and made into an event.
fn due_milestones(
    ctx: &Context,
    journal: &Journal,
    tracker: &Tracker,
    options: &ShareOptions,
    entry: Option<&Entry>,
) -> Vec<(Event, Fired)> {
    let ladder = ctx.settings.ladder_for(&tracker.name);
    let entries = || journal.entries_for(&tracker.name);
    let Some(now) = crate::streak::standing(tracker, entries(), ctx.today, ladder) else {
        return Vec::new();
    };
    let yesterday = ctx
        .today
        .checked_sub_days(Days::new(1))
        .unwrap_or(ctx.today);
    let mut due = Vec::new();
    for m in ladder
        .milestones(now.start)
        .take_while(|m| m.date <= ctx.today)
        .filter(|m| m.date >= yesterday)
    {
        let Some(on_the_day) = crate::streak::standing(tracker, entries(), m.date, ladder) else {
            continue;
        };
        let fired = Fired {
            tracker: tracker.name.clone(),
            start: now.start,
            label: m.label.clone(),
            date: m.date,
        };
        let kind = entry.filter(|e| e.date == m.date).map(|e| e.kind);
        let event = event::milestone(tracker, &m, &on_the_day, kind, ctx.today, ladder, options);
        due.push((event, fired));
    }
    due
}

fn share_options(ctx: &Context) -> ShareOptions {
    ShareOptions {
        emoji: ctx.settings.emoji,
        with_notes: false,
        counting: ctx.counting(),
        name: ctx.settings.name.clone(),
        discreet: false,
        with_total: ctx.settings.share_total,
    }
}

/// Runs the events' hooks, after claiming each milestone in the state (a milestone that is
/// already claimed is dropped).
fn fire(ctx: &Context, events: Vec<Due>) {
    if events.is_empty() {
        return;
    }
    let mut warnings = Vec::new();
    let events = claim_milestones(events, &mut warnings);
    let env = vec![
        ("MILESTONE_JOURNAL", ctx.journal.clone().into_os_string()),
        (
            "MILESTONE_CONFIG",
            ctx.config.clone().unwrap_or_default().into_os_string(),
        ),
    ];
    let runs: Vec<run::Run> = events
        .iter()
        .filter_map(|e| {
            let template = ctx.settings.hooks.argv(e.hook)?;
            Some(run::Run {
                argv: e.argv(template),
                event: e,
                env: env.clone(),
            })
        })
        .collect();
    warnings.extend(run::run_all(&runs, run::TIME_LIMIT));
    warn(&warnings);
}

/// Keeps the events that may run: every entry event, and each milestone not fired before.
fn claim_milestones(events: Vec<Due>, warnings: &mut Vec<String>) -> Vec<Event> {
    if events.iter().all(|(_, fired)| fired.is_none()) {
        return events.into_iter().map(|(e, _)| e).collect();
    }
    let claimed = state::update(|s| {
        events
            .iter()
            .filter(|(_, fired)| fired.as_ref().is_none_or(|f| s.claim_milestone(f.clone())))
            .map(|(e, _)| e.clone())
            .collect::<Vec<Event>>()
    });
    claimed.unwrap_or_else(|err| {
        // Without a memory a milestone could fire on every command: better not at all.
        warnings.push(words::milestone_hooks_not_run(&err));
        events
            .into_iter()
            .filter(|(_, fired)| fired.is_none())
            .map(|(e, _)| e)
            .collect()
    })
}

/// True inside a hook's own `milestone` commands: their hooks do not run, so a hook that logs
/// an entry cannot set off itself, without end.
fn inside_a_hook() -> bool {
    std::env::var_os("MILESTONE_EVENT").is_some()
}

fn warn(warnings: &[String]) {
    for warning in warnings {
        crate::error::warn(warning);
    }
}
