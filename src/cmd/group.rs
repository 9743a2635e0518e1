//! `milestone group join|post|show|cheer|leave|list`: a circle that gathers itself in a shared
//! folder. Each subcommand resolves the group from the settings, syncs with git when the folder
//! is a repository, reads or writes only its own files, and says what happened.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use crate::cli::{
    GroupCheerArgs, GroupCommand, GroupJoinArgs, GroupLeaveArgs, GroupPostArgs, GroupShowArgs,
};
use crate::context::Context;
use crate::error::UsageError;
use crate::group::{
    self, CHEERS_DIR, Cheer, GroupSettings, MAX_CHEERS, MAX_MEMBERS, MEMBERS_DIR, MembersFile,
    config, folder, git,
};
use crate::journal::{Journal, Tracker, select};
use crate::output::{deliver, terminal_safe};
use crate::share::card::Card;
use crate::share::circle::{self, Seen};
use crate::share::{Line, Message, Part, ShareOptions, ShareStyle, styles};
use crate::storage;
use crate::streak;
use crate::words::group as words;

/// The most warnings about skipped files printed one by one; the rest are counted.
const MAX_WARNINGS: usize = 50;

pub fn run(command: GroupCommand, ctx: &Context) -> Result<()> {
    match command {
        GroupCommand::Join(args) => join(args, ctx),
        GroupCommand::Post(args) => post(args, ctx),
        GroupCommand::Show(args) => show(args, ctx),
        GroupCommand::Cheer(args) => cheer(args, ctx),
        GroupCommand::Leave(args) => leave(args, ctx),
        GroupCommand::List => list(ctx),
    }
}

/// After `add`, `reset`, `urge` or `pledge` wrote the journal: posts the card to every group with
/// `auto_post = true`. The entry is safe already, so a failure is only a warning.
pub fn auto_post(ctx: &Context) {
    let groups: Vec<(&String, &GroupSettings)> = ctx
        .settings
        .groups
        .iter()
        .filter(|(_, g)| g.auto_post)
        .collect();
    if groups.is_empty() {
        return;
    }
    let journal = match storage::load_journal(&ctx.journal, ctx.cache()) {
        Ok(journal) => journal,
        Err(err) => {
            crate::error::warn(&words::auto_post_failed("your groups", &format!("{err:#}")));
            return;
        }
    };
    for (name, group) in groups {
        if let Err(err) = post_one(ctx, &journal, name, group) {
            crate::error::warn(&words::auto_post_failed(name, &format!("{err:#}")));
        }
    }
}

fn settings_file(ctx: &Context) -> Result<&Path> {
    ctx.config
        .as_deref()
        .context("there is no settings folder to record the group in; give a settings file with --config PATH")
}

fn the_group<'c>(ctx: &'c Context, name: &str) -> Result<&'c GroupSettings> {
    ctx.settings
        .groups
        .get(name)
        .ok_or_else(|| UsageError(words::not_joined(name, &ctx.settings.groups)).into())
}

// ----- join -----

fn join(args: GroupJoinArgs, ctx: &Context) -> Result<()> {
    group::check_group_name(&args.name).map_err(UsageError)?;
    let settings_path = settings_file(ctx)?.to_path_buf();
    if ctx.settings.groups.contains_key(&args.name) {
        return Err(UsageError(words::already_joined(&args.name)).into());
    }
    let display = match (&args.display, args.anonymous) {
        (_, true) => None,
        (Some(display), false) => Some(check_display(display)?),
        (None, false) => match &ctx.settings.name {
            Some(name) => Some(check_display(name)?),
            None => return Err(UsageError(words::JOIN_NEEDS_NAME.into()).into()),
        },
    };
    let journal = storage::load_journal(&ctx.journal, ctx.cache())?;
    let defaults: Vec<String> = default_trackers(&journal, ctx)
        .map(|ts| ts.iter().map(|t| t.name.clone()).collect())
        .unwrap_or_default();
    let trackers = if args.trackers.is_empty() {
        // Checked now, so that a choice `post` could not make is refused before anything changes.
        default_trackers(&journal, ctx)?;
        None
    } else {
        let mut names = Vec::new();
        for named in &args.trackers {
            let tracker = select::find_tracker(&journal, named)
                .map_err(|e| UsageError(format!("--tracker: {e}")))?;
            if tracker.private {
                return Err(UsageError(words::private_tracker(&tracker.name)).into());
            }
            if !names.contains(&tracker.name) {
                names.push(tracker.name.clone());
            }
        }
        Some(names)
    };

    let (path, cloned) = place_folder(&args.name, &args.place)?;
    let settings = GroupSettings {
        path: path.clone(),
        member: group::random_word(group::MEMBER_ID_LEN)?,
        anonymous: display.is_none(),
        name: display,
        trackers,
        discreet: args.discreet,
        auto_post: args.auto_post,
    };
    config::edit(&settings_path, |text| {
        config::with_group(text, &args.name, &settings)
    })?;

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        words::joined(&args.name, &path, cloned, &settings)
    )?;
    let posted = post_one(ctx, &journal, &args.name, &settings);
    if let Ok(cards) = &posted {
        writeln!(out, "{}", words::posted(&args.name, *cards))?;
    }
    writeln!(
        out,
        "{}",
        words::what_is_shared(
            &settings,
            &defaults.iter().map(String::as_str).collect::<Vec<_>>(),
            git::is_repository(&path)
        )
    )?;
    posted
        .map(|_| ())
        .map_err(|e| e.context(words::card_waits(&args.name)))
}

fn check_display(display: &str) -> Result<String> {
    let clean = crate::output::chat_safe(display);
    if clean.is_empty() || clean.chars().count() > 64 {
        return Err(UsageError(
            "--as: a display name is 1 to 64 visible characters; or use --anonymous".into(),
        )
        .into());
    }
    Ok(clean)
}

/// Where the group lives: an existing folder as it is (a working clone or a synced folder), or
/// a clone of a git URL or bare repository under the data folder. True when it was cloned.
fn place_folder(name: &str, place: &str) -> Result<(PathBuf, bool)> {
    let given = Path::new(place);
    if given.is_dir() && !git::is_bare_repository(given) {
        let path = given
            .canonicalize()
            .with_context(|| format!("could not use the folder {place}"))?;
        return Ok((path, false));
    }
    let dest = crate::context::data_folder()
        .context("could not find your data folder (is HOME set?)")?
        .join("groups")
        .join(name);
    if dest.exists()
        && std::fs::read_dir(&dest)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        bail!(words::clone_target_taken(&dest));
    }
    git::clone(place, &dest).map_err(|e| anyhow::anyhow!(words::clone_failed(place, &e.0)))?;
    Ok((dest, true))
}

// ----- post -----

fn post(args: GroupPostArgs, ctx: &Context) -> Result<()> {
    let names: Vec<String> = if args.names.is_empty() {
        if ctx.settings.groups.is_empty() {
            return Err(UsageError(words::NO_GROUPS.into()).into());
        }
        ctx.settings.groups.keys().cloned().collect()
    } else {
        for name in &args.names {
            the_group(ctx, name)?;
        }
        args.names.clone()
    };
    let journal = storage::load_journal(&ctx.journal, ctx.cache())?;
    let mut failed = Vec::new();
    let mut out = std::io::stdout().lock();
    for name in &names {
        let group = the_group(ctx, name)?;
        match post_one(ctx, &journal, name, group) {
            Ok(cards) => writeln!(out, "{}", words::posted(name, cards))?,
            Err(err) => {
                if names.len() > 1 {
                    writeln!(
                        std::io::stderr().lock(),
                        "error: {}: {err:#}",
                        words::card_waits(name)
                    )?;
                }
                failed.push((name.clone(), err));
            }
        }
    }
    match failed.len() {
        0 => Ok(()),
        1 if names.len() == 1 => {
            let (name, err) = failed.remove(0);
            Err(err.context(words::card_waits(&name)))
        }
        _ => bail!(words::some_posts_failed(
            &failed.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>()
        )),
    }
}

/// The trackers a group sees when its settings name none: what `share` with no tracker would
/// share (the one rule, in `select`).
fn default_trackers<'j>(journal: &'j Journal, ctx: &Context) -> Result<Vec<&'j Tracker>> {
    select::shared_trackers(journal, None, ctx.default_tracker(), false)
}

/// The cards `group` may see today: only the trackers it names (or the default ones), never a
/// private one.
fn cards_for(
    ctx: &Context,
    journal: &Journal,
    name: &str,
    group: &GroupSettings,
) -> Result<Vec<Card>> {
    let trackers: Vec<&Tracker> = match &group.trackers {
        None => default_trackers(journal, ctx)?,
        Some(names) => {
            let mut chosen = Vec::new();
            for named in names {
                match journal.tracker(named) {
                    Some(t) if t.private => {
                        crate::error::warn(&words::not_posting_private(name, &t.name))
                    }
                    Some(t) => chosen.push(t),
                    None => crate::error::warn(&words::no_such_tracker(name, named)),
                }
            }
            chosen
        }
    };
    let standings = streak::standings(journal, &trackers, ctx.today, &ctx.settings)?;
    let options = ShareOptions {
        name: if group.anonymous {
            None
        } else {
            group.name.clone()
        },
        discreet: group.discreet,
        ..ShareOptions::default()
    };
    Ok(standings
        .iter()
        .map(|s| {
            let phrase = journal
                .tracker(&s.tracker)
                .map(Tracker::phrase)
                .unwrap_or_default();
            Card::new(s, &phrase, ctx.settings.ladder_for(&s.tracker), &options)
        })
        .collect())
}

/// Writes your members file for `name` and sends it; the number of cards posted. When sending
/// fails, the file stays in the folder and the error says git's reason.
fn post_one(ctx: &Context, journal: &Journal, name: &str, group: &GroupSettings) -> Result<usize> {
    let cards = cards_for(ctx, journal, name, group)?;
    let count = cards.len();
    let file = MembersFile {
        member: group.member.clone(),
        name: if group.anonymous {
            None
        } else {
            group.name.clone()
        },
        cards,
    };
    let mut text = serde_json::to_string_pretty(&file)?;
    text.push('\n');
    let relative = format!("{MEMBERS_DIR}/{}", group::members_file_name(&group.member));
    let dir = &group.path;
    if !dir.is_dir() {
        bail!(words::folder_missing(name, dir));
    }
    let repo = git::is_repository(dir);
    let pulled = if repo {
        git::pull(dir, &group.member)
    } else {
        Ok(())
    };
    let path = dir.join(&relative);
    let unchanged = std::fs::read(&path).is_ok_and(|old| old == text.as_bytes());
    if !unchanged {
        folder::write_atomically(&path, text.as_bytes())?;
    }
    if repo {
        let message = format!("milestone: card of {}", group.member);
        git::commit(dir, &[&relative], &group.member, &message)
            .map_err(|e| anyhow::anyhow!(words::git_failed(&e.0)))?;
        pulled.map_err(|e| anyhow::anyhow!(words::git_failed(&e.0)))?;
        git::push(dir, &group.member).map_err(|e| anyhow::anyhow!(words::git_failed(&e.0)))?;
    }
    Ok(count)
}

// ----- reading the folder -----

/// What the folder holds, read as untrusted input, with a warning for each file skipped.
struct Folder {
    members: Vec<MembersFile>,
    cheers: Vec<Cheer>,
    skipped: Vec<String>,
}

/// Reads the members files and the cheers that can matter on `on` (pass `None` to read none).
/// The two folders are read at once (listing ten thousand cheers costs as much as reading the
/// members); their warnings keep the order of one after the other.
fn read_folder(dir: &Path, cheers_on: Option<NaiveDate>) -> Result<Folder> {
    let (members, cheers) = std::thread::scope(|scope| {
        let cheers = cheers_on.map(|on| scope.spawn(move || read_cheers(dir, on)));
        let members = read_members(dir);
        let cheers = cheers.map(|job| job.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        (members, cheers)
    });
    let (members, mut skipped) = members?;
    let cheers = match cheers {
        Some(read) => {
            let (cheers, more) = read?;
            skipped.extend(more);
            cheers
        }
        None => Vec::new(),
    };
    Ok(Folder {
        members,
        cheers,
        skipped,
    })
}

/// The members files, and a warning for each file skipped.
fn read_members(dir: &Path) -> Result<(Vec<MembersFile>, Vec<String>)> {
    let mut skipped = Vec::new();
    let members_dir = dir.join(MEMBERS_DIR);
    let mut names = folder::list(&members_dir, &mut skipped)?;
    if names.len() > MAX_MEMBERS {
        skipped.push(words::too_many_members(names.len() - MAX_MEMBERS));
        names.truncate(MAX_MEMBERS);
    }
    let mut members = Vec::with_capacity(names.len());
    let members_folder = folder::OpenFolder::new(&members_dir);
    let read = folder::read_each(&names, |file_name| {
        let stem = file_name.trim_end_matches(".json");
        members_folder
            .read_untrusted(file_name)
            .and_then(|text| group::parse_members_file(&text, stem))
    });
    for (file_name, parsed) in names.iter().zip(read) {
        match parsed {
            Ok(file) => members.push(file),
            Err(why) => skipped.push(words::skipped_file(MEMBERS_DIR, file_name, &why)),
        }
    }
    Ok((members, skipped))
}

/// The cheers that can matter on `on`, and a warning for each file skipped.
fn read_cheers(dir: &Path, on: NaiveDate) -> Result<(Vec<Cheer>, Vec<String>)> {
    let mut skipped = Vec::new();
    let mut cheers = Vec::new();
    let cheers_dir = dir.join(CHEERS_DIR);
    let mut names = folder::list(&cheers_dir, &mut skipped)?;
    // Newest first: the names begin with the day.
    names.reverse();
    if names.len() > MAX_CHEERS {
        skipped.push(words::too_many_cheers(names.len() - MAX_CHEERS));
        names.truncate(MAX_CHEERS);
    }
    let mut wanted = Vec::new();
    for file_name in names {
        let Some(date) = group::cheer_file_date(&file_name) else {
            skipped.push(words::skipped_file(
                CHEERS_DIR,
                &file_name,
                "not named like a cheer",
            ));
            continue;
        };
        // A cheer's file is named for its day: old ones need not be opened.
        if group::cheer_date_matters(date, on) {
            wanted.push(file_name);
        }
    }
    let cheers_folder = folder::OpenFolder::new(&cheers_dir);
    let read = folder::read_each(&wanted, |file_name| {
        cheers_folder
            .read_untrusted(file_name)
            .and_then(|t| group::parse_cheer(&t))
    });
    for (file_name, parsed) in wanted.iter().zip(read) {
        match parsed {
            Ok(cheer) => cheers.push(cheer),
            Err(why) => skipped.push(words::skipped_file(CHEERS_DIR, file_name, &why)),
        }
    }
    Ok((cheers, skipped))
}

/// The members files in `dir` as they are, without git, and what was skipped: for `remind`,
/// which runs from cron and must neither wait on the network nor change the clone.
pub(super) fn members_as_they_are(dir: &Path) -> Result<(Vec<MembersFile>, Vec<String>)> {
    let Folder {
        members, skipped, ..
    } = read_folder(dir, None)?;
    Ok((members, skipped))
}

/// Pulls what the others posted; offline, says so and goes on with what the folder has.
fn refresh(name: &str, dir: &Path, member: &str) -> Result<()> {
    if !dir.is_dir() {
        bail!(words::folder_missing(name, dir));
    }
    if git::is_repository(dir)
        && let Err(e) = git::pull(dir, member)
    {
        crate::error::warn(&words::offline_showing_folder(name, &e.0));
    }
    Ok(())
}

/// `refresh`, then `read_folder` with the cheers of `on`. In a repository the folder is read
/// while git fetches (fetching changes nothing outside `.git`), and read again when `git pull`
/// ran after it.
fn refresh_and_read(name: &str, dir: &Path, member: &str, on: NaiveDate) -> Result<Folder> {
    if !dir.is_dir() {
        bail!(words::folder_missing(name, dir));
    }
    if !git::is_repository(dir) {
        return read_folder(dir, Some(on));
    }
    let (read, pulled) = std::thread::scope(|scope| {
        let read = scope.spawn(|| read_folder(dir, Some(on)));
        let (result, pulled) = git::pull_telling(dir, member);
        if let Err(e) = result {
            crate::error::warn(&words::offline_showing_folder(name, &e.0));
        }
        let read = read.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (read, pulled)
    });
    if pulled {
        read_folder(dir, Some(on))
    } else {
        read
    }
}

pub(super) fn print_warnings(skipped: &[String]) -> Result<()> {
    let mut err = std::io::stderr().lock();
    for problem in skipped.iter().take(MAX_WARNINGS) {
        writeln!(err, "warning: {}", terminal_safe(problem))?;
    }
    if skipped.len() > MAX_WARNINGS {
        writeln!(
            err,
            "warning: {}",
            words::more_skipped(skipped.len() - MAX_WARNINGS)
        )?;
    }
    Ok(())
}

// ----- show -----

fn show(args: GroupShowArgs, ctx: &Context) -> Result<()> {
    let on = ctx.on_date(args.on.as_deref())?;
    let window = args
        .upcoming
        .as_deref()
        .map(|w| circle::parse_window(w, on))
        .transpose()
        .map_err(UsageError)?;
    let output = args.output.as_deref();
    if args.style.is_picture() {
        if window.is_some() {
            return Err(UsageError(crate::words::picture::NO_UPCOMING_POSTER.into()).into());
        }
        deliver::check_picture_target(
            super::share::picture_name(args.style),
            output,
            ctx.stdout_is_terminal(),
        )?;
    }
    let name = match &args.name {
        Some(name) => name.clone(),
        None => only_group(ctx)?,
    };
    let group = the_group(ctx, &name)?;
    let Folder {
        members,
        cheers,
        mut skipped,
    } = refresh_and_read(&name, &group.path, &group.member, on)?;
    let mut cards: Vec<Card> = members.into_iter().flat_map(|m| m.cards).collect();
    circle::in_name_order(&mut cards);
    let seen = circle::view(cards, on, &mut skipped);
    let mine = group::cheers_for(&cheers, &group.member, on);
    print_warnings(&skipped)?;

    let emoji = ctx.settings.emoji && !args.no_emoji;
    let bytes = match args.style {
        ShareStyle::Json => show_json(&name, on, &seen, &mine)?.into_bytes(),
        // One line, or a poster: the circle alone, as `circle` draws it.
        style @ (ShareStyle::Sms | ShareStyle::Svg | ShareStyle::Png) => {
            super::circle::render(&seen, on, style, None, emoji)?
        }
        style => styles::render(&show_message(&name, on, &seen, &mine, window), style, emoji)
            .into_bytes(),
    };
    deliver::deliver(&bytes, output)
}

fn only_group(ctx: &Context) -> Result<String> {
    let names: Vec<&String> = ctx.settings.groups.keys().collect();
    match names.as_slice() {
        [] => Err(UsageError(words::NO_GROUPS.into()).into()),
        [one] => Ok((*one).clone()),
        several => Err(UsageError(words::name_a_group(several)).into()),
    }
}

/// The day's milestones, everyone by name, the cheers for you, and the anniversaries to come.
fn show_message(
    name: &str,
    on: NaiveDate,
    seen: &[Seen],
    mine: &[Cheer],
    window: Option<u64>,
) -> Message {
    let mut lines = vec![Line {
        emoji: "🤝",
        parts: vec![Part::Text(words::show_heading(name, on))],
    }];
    if seen.is_empty() {
        lines.push(Line {
            emoji: "",
            parts: vec![Part::Text(words::NO_CARDS_YET.into())],
        });
    }
    lines.extend(circle::member_lines(seen));
    if !mine.is_empty() {
        lines.push(Line {
            emoji: "💌",
            parts: vec![Part::Text(words::cheers_heading(mine.len()))],
        });
        for cheer in mine {
            let mut parts = vec![Part::Text(format!("- {} ", cheer.date))];
            match &cheer.from_name {
                Some(from) => parts.push(Part::User(from.clone())),
                None => parts.push(Part::Text("A friend".into())),
            }
            match &cheer.text {
                Some(text) if !text.trim().is_empty() => {
                    parts.push(Part::Text(": ".into()));
                    parts.push(Part::User(text.clone()));
                }
                _ => parts.push(Part::Text(words::CHEERED_YOU.into())),
            }
            lines.push(Line { emoji: "", parts });
        }
    }
    if let Some(days) = window {
        lines.push(circle::upcoming_heading(days));
        let coming = circle::upcoming_lines(seen, on, days);
        if coming.is_empty() {
            lines.push(Line {
                emoji: "",
                parts: vec![Part::Text("No anniversaries in that time.".into())],
            });
        }
        lines.extend(coming);
    }
    if !seen.is_empty() {
        lines.push(circle::thanks());
    }
    Message { lines }
}

fn show_json(name: &str, on: NaiveDate, seen: &[Seen], mine: &[Cheer]) -> Result<String> {
    let cards: Vec<&Card> = seen.iter().map(|s| &s.card).collect();
    let mut text = crate::output::json::to_string_pretty(&serde_json::json!({
        "group": name,
        "on": on,
        "cards": cards,
        "cheers": mine,
    }))?;
    text.push('\n');
    Ok(text)
}

// ----- cheer -----

fn cheer(args: GroupCheerArgs, ctx: &Context) -> Result<()> {
    let group = the_group(ctx, &args.name)?;
    let text = args.text.join(" ");
    let text = crate::output::chat_safe(&text);
    if text.chars().count() > group::MAX_CHEER_CHARS {
        return Err(UsageError(words::cheer_too_long(text.chars().count())).into());
    }
    refresh(&args.name, &group.path, &group.member)?;
    let Folder {
        members, skipped, ..
    } = read_folder(&group.path, None)?;
    print_warnings(&skipped)?;
    let to = group::find_member(&members, &args.member).map_err(UsageError)?;
    let cheer = Cheer {
        from: group.member.clone(),
        from_name: if group.anonymous {
            None
        } else {
            group.name.clone()
        },
        to: to.member.clone(),
        date: ctx.today,
        text: (!text.is_empty()).then_some(text),
    };
    let file_name = group::cheer_file_name(ctx.today, &group::random_word(12)?);
    let relative = format!("{CHEERS_DIR}/{file_name}");
    let mut json = serde_json::to_string_pretty(&cheer)?;
    json.push('\n');
    folder::write_atomically(&group.path.join(&relative), json.as_bytes())?;
    let who = to.name.clone().unwrap_or_else(|| "a friend".into());
    if git::is_repository(&group.path) {
        let sent = git::commit(
            &group.path,
            &[&relative],
            &group.member,
            &format!("milestone: a cheer from {}", group.member),
        )
        .and_then(|()| git::push(&group.path, &group.member));
        if let Err(e) = sent {
            bail!(
                "{}: {}",
                words::cheer_waits(&args.name),
                words::git_failed(&e.0)
            );
        }
    }
    writeln!(
        std::io::stdout().lock(),
        "{}",
        words::cheered(&terminal_safe(&who), &args.name)
    )?;
    Ok(())
}

// ----- leave -----

fn leave(args: GroupLeaveArgs, ctx: &Context) -> Result<()> {
    let settings_path = settings_file(ctx)?.to_path_buf();
    let group = the_group(ctx, &args.name)?;
    let relative = format!("{MEMBERS_DIR}/{}", group::members_file_name(&group.member));
    let repo = group.path.is_dir() && git::is_repository(&group.path);
    if group.path.is_dir() {
        if repo && let Err(e) = git::pull(&group.path, &group.member) {
            bail!(
                "{}: {}",
                words::leave_waits(&args.name),
                words::git_failed(&e.0)
            );
        }
        folder::remove(&group.path.join(&relative))?;
        if repo {
            let sent = git::commit(
                &group.path,
                &[&relative],
                &group.member,
                &format!("milestone: {} left", group.member),
            )
            .and_then(|()| git::push(&group.path, &group.member));
            if let Err(e) = sent {
                bail!(
                    "{}: {}",
                    words::leave_waits(&args.name),
                    words::git_failed(&e.0)
                );
            }
        }
    }
    config::edit(&settings_path, |text| {
        config::without_group(text, &args.name)
    })?;
    writeln!(
        std::io::stdout().lock(),
        "{}",
        words::left(&args.name, &group.path, repo)
    )?;
    Ok(())
}

// ----- list -----

fn list(ctx: &Context) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if ctx.settings.groups.is_empty() {
        writeln!(out, "{}", words::NO_GROUPS)?;
        return Ok(());
    }
    for (name, group) in &ctx.settings.groups {
        writeln!(out, "{}", terminal_safe(&words::list_line(name, group)))?;
    }
    Ok(())
}
