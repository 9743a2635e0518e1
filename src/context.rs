//! What every command runs with, resolved once from the command line and the environment:
//! the journal's and the settings' paths, today's date, whether to colour the output; and, when
//! a command asks, the cache folder, whether stdin and stdout are terminals, and the editor.
//! This is the one place that reads them, so that what a command sees can be told from here.

use std::cell::OnceCell;
use std::env;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use crate::cli::{Cli, ColorChoice};
use crate::dates;
use crate::editor::Editor;
use crate::output::Counting;
use crate::settings::Settings;
use crate::storage::CacheDir;

/// Replaces today's date, for tests and for "what will it say on that day".
pub const TODAY_VAR: &str = "MILESTONE_TODAY";

pub struct Context {
    pub journal: PathBuf,
    pub config: Option<PathBuf>,
    pub settings: Settings,
    pub today: NaiveDate,
    pub color: bool,
    cache: OnceCell<CacheDir>,
    terminals: Terminals,
}

/// The command line's global options, apart from the command: each command resolves from them
/// the Context it needs (`new`, `settings_or_warning`, `without_settings`), or none at all.
pub struct Globals {
    pub journal: Option<PathBuf>,
    pub config: Option<PathBuf>,
    pub color: ColorChoice,
}

impl Globals {
    /// The global options, and the command they go with.
    pub fn split(cli: Cli) -> (Globals, crate::cli::Command) {
        let Cli {
            journal,
            config,
            color,
            command,
        } = cli;
        (
            Globals {
                journal,
                config,
                color,
            },
            command,
        )
    }
}

impl Context {
    /// Everything, the settings file included: what most commands run with.
    pub fn new(globals: &Globals) -> Result<Context> {
        let mut ctx = Context::without_settings(globals)?;
        ctx.settings = settings(globals, ctx.config.as_deref())?;
        Ok(ctx)
    }

    /// Like `new`, but a settings file that cannot be read is only a warning (the
    /// defaults are used): `check` must still check the journal.
    pub fn settings_or_warning(globals: &Globals) -> Result<Context> {
        let mut ctx = Context::without_settings(globals)?;
        match settings(globals, ctx.config.as_deref()) {
            Ok(settings) => ctx.settings = settings,
            Err(err) => crate::error::warn(&crate::words::check::settings_skipped(&err)),
        }
        Ok(ctx)
    }

    /// Everything but the settings file, which is left at the defaults.
    pub fn without_settings(globals: &Globals) -> Result<Context> {
        let journal = journal_path(globals.journal.clone())?;
        let config = config_path(globals.config.clone())?;
        let today = today()?;
        let terminals = Terminals::default();
        Ok(Context {
            journal,
            config,
            settings: Settings::default(),
            today,
            color: use_color(globals.color, &terminals),
            cache: OnceCell::new(),
            terminals,
        })
    }

    /// Where the parsed journal may be cached, which every storage function is given.
    pub fn cache(&self) -> &CacheDir {
        self.cache.get_or_init(cache_dir)
    }

    pub fn stdin_is_terminal(&self) -> bool {
        self.terminals.stdin()
    }

    pub fn stdout_is_terminal(&self) -> bool {
        self.terminals.stdout()
    }

    /// The editor the person chose, else the system's default when there is a terminal.
    pub fn editor(&self) -> Result<Editor> {
        let named = ["VISUAL", "EDITOR"].map(|var| (var, env::var(var).ok()));
        crate::editor::choose(named, || {
            let dumb = env::var("TERM").is_ok_and(|t| t == "dumb");
            self.stdin_is_terminal() && self.stdout_is_terminal() && !dumb
        })
    }

    /// The settings' `default_tracker`, with the file that sets it.
    pub fn default_tracker(&self) -> Option<crate::journal::select::DefaultTracker<'_>> {
        let name = self.settings.default_tracker.as_deref()?;
        Some(crate::journal::select::DefaultTracker {
            name,
            settings_file: self.config.as_deref().unwrap_or(Path::new("")),
        })
    }

    /// How human text counts days, from the settings.
    pub fn counting(&self) -> Counting {
        Counting {
            day_one: self.settings.day_one,
        }
    }

    /// Reads a date option (`--date`, `--on`, ...) relative to today; one that does not read
    /// as a date is a usage error, like every malformed option value.
    pub fn date(&self, flag: &str, input: &str) -> Result<NaiveDate> {
        dates::parse_date(input, self.today)
            .map_err(|why| crate::error::UsageError(format!("{flag}: {why}")).into())
    }

    /// The day `--on` names, or today.
    pub fn on_date(&self, on: Option<&str>) -> Result<NaiveDate> {
        on.map(|d| self.date("--on", d))
            .transpose()
            .map(|d| d.unwrap_or(self.today))
    }

    /// Like `date`, but refuses days after today, as `add`, `reset` and `start` must.
    pub fn past_date(&self, flag: &str, input: Option<&str>) -> Result<NaiveDate> {
        let Some(input) = input else {
            return Ok(self.today);
        };
        let date = self.date(flag, input)?;
        if date > self.today {
            bail!(
                "{flag}: {date} is after today ({}); a day can be logged once it has begun",
                self.today
            );
        }
        Ok(date)
    }
}

/// The settings at `path`. The default place may have no file (the defaults then); a file named
/// by hand must be there, so that a typo in its name is not silently ignored.
fn settings(globals: &Globals, path: Option<&Path>) -> Result<Settings> {
    let Some(path) = path else {
        return Ok(Settings::default());
    };
    if globals.config.is_some() && !path.exists() {
        bail!(
            "there is no settings file at {}; create it, or leave out --config and MILESTONE_CONFIG to use the default place (`milestone paths` shows it)",
            path.display()
        );
    }
    Settings::load(path)
}

fn journal_path(given: Option<PathBuf>) -> Result<PathBuf> {
    match given {
        Some(path) if path.as_os_str().is_empty() => bail!(
            "the journal path is empty; give a file with --journal PATH or MILESTONE_JOURNAL, or leave both unset for the default"
        ),
        Some(path) => Ok(path),
        None => default_journal().context(
            "could not find your data folder (is HOME set?); give a journal with --journal PATH",
        ),
    }
}

/// milestone's own folder in the data folder (`~/.local/share/milestone`): the default
/// journal, and the groups cloned for it.
pub fn data_folder() -> Option<PathBuf> {
    Some(dirs::data_dir()?.join("milestone"))
}

fn default_journal() -> Option<PathBuf> {
    Some(data_folder()?.join("journal.toml"))
}

/// The journal the completer reads, which cannot see `--journal` on the line being completed:
/// `MILESTONE_JOURNAL`, else the default place (an empty one counts as unset there, since any
/// problem only means no suggestions).
pub fn journal_for_completion() -> Option<PathBuf> {
    match env::var_os("MILESTONE_JOURNAL") {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => default_journal(),
    }
}

/// The settings file, `None` only when there is no config folder to look in.
fn config_path(given: Option<PathBuf>) -> Result<Option<PathBuf>> {
    match given {
        Some(path) if path.as_os_str().is_empty() => bail!(
            "the settings path is empty; give a file with --config PATH or MILESTONE_CONFIG, or leave both unset for the default"
        ),
        Some(path) => Ok(Some(path)),
        None => Ok(default_config()),
    }
}

fn default_config() -> Option<PathBuf> {
    Some(dirs::config_dir()?.join("milestone").join("config.toml"))
}

/// `MILESTONE_NO_CACHE` (set, and not `0`) turns the cache off; `MILESTONE_CACHE_DIR` moves it
/// from the default place.
fn cache_dir() -> CacheDir {
    // Unit tests run in the developer's own environment: they must never write a cache into
    // their home (the integration tests give every run a cache folder of its own).
    if cfg!(test) || env::var_os("MILESTONE_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0") {
        return CacheDir::Off;
    }
    match env::var_os("MILESTONE_CACHE_DIR") {
        Some(dir) if !dir.is_empty() => CacheDir::At(PathBuf::from(dir)),
        _ => default_cache().map_or(CacheDir::Off, CacheDir::At),
    }
}

fn default_cache() -> Option<PathBuf> {
    Some(dirs::cache_dir()?.join("milestone"))
}

/// The local calendar date (`TZ` honoured), or `MILESTONE_TODAY` when set.
fn today() -> Result<NaiveDate> {
    match env::var(TODAY_VAR) {
        Ok(value) => dates::parse_iso_date(value.trim()).with_context(|| {
            format!("{TODAY_VAR} is {value:?}; set it to a date as YYYY-MM-DD, or unset it")
        }),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}

fn use_color(choice: ColorChoice, terminals: &Terminals) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminals.stdout()
        }
    }
}

/// Whether stdin and stdout are terminals, each asked once and only when wanted.
#[derive(Default)]
struct Terminals {
    stdin: OnceCell<bool>,
    stdout: OnceCell<bool>,
}

impl Terminals {
    fn stdin(&self) -> bool {
        *self.stdin.get_or_init(|| std::io::stdin().is_terminal())
    }

    fn stdout(&self) -> bool {
        *self.stdout.get_or_init(|| std::io::stdout().is_terminal())
    }
}
