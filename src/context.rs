//! What every command runs with, resolved once from the command line and the environment:
//! the journal's path, today's date, and whether to colour the output.

use std::env;
use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use crate::cli::{Cli, ColorChoice};
use crate::dates;
use crate::output::Counting;
use crate::settings::Settings;

/// Replaces today's date, for tests and for "what will it say on that day".
pub const TODAY_VAR: &str = "MILESTONE_TODAY";

pub struct Context {
    pub journal: PathBuf,
    pub config: Option<PathBuf>,
    pub settings: Settings,
    pub today: NaiveDate,
    pub color: bool,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Result<Context> {
        let mut ctx = Context::without_settings(cli)?;
        if let Some(path) = &ctx.config {
            ctx.settings = Settings::load(path)?;
        }
        Ok(ctx)
    }

    /// Everything but the settings file, which is left at the defaults.
    pub fn without_settings(cli: &Cli) -> Result<Context> {
        Ok(Context {
            journal: journal_path(cli.journal.clone())?,
            config: config_path(cli.config.clone())?,
            settings: Settings::default(),
            today: today()?,
            color: use_color(cli.color),
        })
    }

    /// The settings' `default_tracker`, with the file that sets it.
    pub fn default_tracker(&self) -> Option<crate::journal::select::DefaultTracker<'_>> {
        let name = self.settings.default_tracker.as_deref()?;
        Some(crate::journal::select::DefaultTracker {
            name,
            settings_file: self.config.as_deref().unwrap_or(std::path::Path::new("")),
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

fn journal_path(given: Option<PathBuf>) -> Result<PathBuf> {
    match given {
        Some(path) if path.as_os_str().is_empty() => bail!(
            "the journal path is empty; give a file with --journal PATH or MILESTONE_JOURNAL, or leave both unset for the default"
        ),
        Some(path) => Ok(path),
        None => dirs::data_dir()
            .map(|dir| dir.join("milestone").join("journal.toml"))
            .context("could not find your data folder (is HOME set?); give a journal with --journal PATH"),
    }
}

/// The settings file, `None` only when there is no config folder to look in.
fn config_path(given: Option<PathBuf>) -> Result<Option<PathBuf>> {
    match given {
        Some(path) if path.as_os_str().is_empty() => bail!(
            "the settings path is empty; give a file with --config PATH or MILESTONE_CONFIG, or leave both unset for the default"
        ),
        Some(path) => Ok(Some(path)),
        None => Ok(dirs::config_dir().map(|dir| dir.join("milestone").join("config.toml"))),
    }
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

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
        }
    }
}
