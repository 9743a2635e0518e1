//! Hooks: `[hooks]` programs run after `add` and `reset`, with placeholders, `MILESTONE_*`
//! variables and the share card, never with entry text, never through a shell, and never
//! failing the command. The hook here is a real shell script that logs what it was given.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

use crate::common::{TestJournal, run_ok};

/// `alcohol` since 2026-03-14: 30 days on 2026-04-13.
pub const ALCOHOL: &str = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\n";

/// A journal with a settings file, a state folder and a logging hook script of its own.
pub struct Hooked {
    pub journal: TestJournal,
    pub dir: TempDir,
}

impl Hooked {
    /// `settings` is the settings file; `HOOK` in it stands for the logging script's path.
    pub fn new(journal: &str, settings: &str) -> Hooked {
        let hooked = Hooked {
            journal: TestJournal::with(journal),
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let log = hooked.dir.path().join("hook.log");
        hooked.script(
            "hook",
            &format!(
                // Hooks run side by side: each call takes the log's lock, so calls never mix.
                "exec 9>>'{}'\nflock 9\n{{\n  echo '--- call'\n  for a in \"$@\"; do printf 'arg: %s\\n' \"$a\"; done\n  env | grep '^MILESTONE_' | grep -v -e '^MILESTONE_TODAY=' -e '^MILESTONE_JOURNAL=' -e '^MILESTONE_CONFIG=' -e '^MILESTONE_CACHE_DIR=' | sort\n  echo 'stdin:'\n  cat\n}} >&9\n",
                log.display()
            ),
        );
        let settings = settings.replace("HOOK", &hooked.path("hook").display().to_string());
        fs::write(hooked.path("config.toml"), settings).expect("write settings");
        hooked
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes an executable shell script `name` with `body`.
    pub fn script(&self, name: &str, body: &str) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, format!("#!/bin/sh\n{body}")).expect("write script");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("chmod");
        path
    }

    /// `milestone ARGS` on `today`, with this settings file and state folder, run in the
    /// temporary folder (where a shell, if one ever saw a placeholder, would make its files).
    pub fn cmd(&self, today: &str, args: &[&str]) -> Command {
        let mut cmd = self.journal.cmd(args);
        cmd.env("MILESTONE_CONFIG", self.path("config.toml"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("MILESTONE_TODAY", today)
            .current_dir(self.dir.path());
        cmd
    }

    pub fn ok(&self, today: &str, args: &[&str]) -> String {
        run_ok(self.cmd(today, args))
    }

    /// Runs ARGS, requires exit 0, and returns (stdout, stderr).
    pub fn ok_with_stderr(&self, today: &str, args: &[&str]) -> (String, String) {
        let output = self.cmd(today, args).output().expect("run milestone");
        let stdout = String::from_utf8(output.stdout).expect("utf-8");
        let stderr = String::from_utf8(output.stderr).expect("utf-8");
        assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
        (stdout, stderr)
    }

    /// What the logging hook was given, every call.
    pub fn log(&self) -> String {
        fs::read_to_string(self.path("hook.log")).unwrap_or_default()
    }
}

/// The card `share --style json` writes for alcohol on 2026-04-13 (Sam, 30 days).
fn card_30_days() -> String {
    let share = TestJournal::with(ALCOHOL);
    let config = share.folder().join("config.toml");
    fs::write(&config, "name = \"Sam\"\n").unwrap();
    let mut cmd = share.cmd(&["share", "--style", "json"]);
    cmd.env("MILESTONE_CONFIG", &config)
        .env("MILESTONE_TODAY", "2026-04-13");
    run_ok(cmd)
}

const ALL_PLACEHOLDERS: &str =
    "\"{tracker}\", \"{days}\", \"{label}\", \"{date}\", \"{kind}\", \"{message}\"";

#[test]
fn on_milestone_fires_once_through_add_and_not_again_through_remind() {
    let hooked = Hooked::new(
        ALCOHOL,
        &format!("name = \"Sam\"\n[hooks]\non_milestone = [\"HOOK\", {ALL_PLACEHOLDERS}]\n"),
    );
    let out = hooked.ok("2026-04-13", &["add", "a good day"]);
    assert!(
        out.starts_with(
            "Logged a check-in for alcohol on 2026-04-13: day 30.\n🎉 30 days today!\n"
        ),
        "{out}"
    );
    let once = format!(
        "--- call\narg: alcohol\narg: 30\narg: 30 days\narg: 2026-04-13\narg: checkin\narg: 30 days alcohol-free today. Well done!\nMILESTONE_DATE=2026-04-13\nMILESTONE_DAYS=30\nMILESTONE_EVENT=milestone\nMILESTONE_KIND=checkin\nMILESTONE_LABEL=30 days\nMILESTONE_TRACKER=alcohol\nstdin:\n{}",
        card_30_days()
    );
    assert_eq!(hooked.log(), once);

    // remind still tells the person, but the hook has had its turn; so has a second entry.
    assert_eq!(
        hooked.ok("2026-04-13", &["remind"]),
        "🎉 Today: 30 days alcohol-free!\n"
    );
    hooked.ok("2026-04-13", &["add", "--win", "told my sister"]);
    hooked.ok("2026-04-14", &["remind"]);
    assert_eq!(hooked.log(), once);
}

#[test]
fn on_entry_and_on_reset_get_the_event_but_never_entry_text() {
    let hooked = Hooked::new(
        ALCOHOL,
        &format!(
            "[hooks]\non_milestone = [\"HOOK\", {ALL_PLACEHOLDERS}]\non_reset = [\"HOOK\", {ALL_PLACEHOLDERS}]\non_entry = [\"HOOK\", {ALL_PLACEHOLDERS}]\n"
        ),
    );
    hooked.ok(
        "2026-04-13",
        &[
            "add",
            "MARKERWORD in a note",
            "--tag",
            "MARKERTAG",
            "--mood",
            "4",
        ],
    );
    let mut piped = hooked.cmd("2026-04-13", &["add", "--private"]);
    piped.write_stdin("MARKERPIPE from stdin\n");
    run_ok(piped);
    hooked.ok(
        "2026-04-13",
        &["add", "--win", "MARKERWIN got my licence back"],
    );
    hooked.ok("2026-04-13", &["reset", "--note", "MARKERNOTE it was hard"]);

    let log = hooked.log();
    assert!(!log.contains("MARKER"), "entry text reached a hook:\n{log}");
    assert_eq!(log.matches("--- call").count(), 6, "{log}");
    assert_eq!(log.matches("MILESTONE_EVENT=milestone").count(), 1, "{log}");
    assert_eq!(log.matches("MILESTONE_EVENT=entry").count(), 4, "{log}");
    let reset_call = log
        .split("--- call\n")
        .find(|call| call.contains("MILESTONE_EVENT=reset"))
        .expect("an on_reset call");
    assert!(
        reset_call.starts_with("arg: alcohol\narg: 0\narg: \narg: 2026-04-13\narg: reset\narg: A fresh start with alcohol on 2026-04-13. Every day before it still counts.\n"),
        "{reset_call}"
    );
    assert!(
        log.contains("arg: A win for alcohol on 2026-04-13 (day 30).\n"),
        "{log}"
    );
}

#[test]
fn a_private_tracker_is_never_named_to_a_hook() {
    let journal = "version = 1\n\n[[tracker]]\nname = \"selfharm\"\nsince = 2026-03-14\nprivate = true\nphrase = \"selfharm-free\"\n";
    let hooked = Hooked::new(
        journal,
        &format!(
            "[hooks]\non_milestone = [\"HOOK\", {ALL_PLACEHOLDERS}]\non_reset = [\"HOOK\", {ALL_PLACEHOLDERS}]\non_entry = [\"HOOK\", {ALL_PLACEHOLDERS}]\n"
        ),
    );
    hooked.ok("2026-04-13", &["add"]);
    hooked.ok("2026-04-13", &["reset"]);
    let log = hooked.log();
    assert_eq!(log.matches("--- call").count(), 4, "{log}");
    assert!(!log.to_lowercase().contains("selfharm"), "{log}");
    assert!(log.contains("arg: 30 days today. Well done!\n"), "{log}");
    assert!(log.contains("MILESTONE_TRACKER=\n"), "{log}");
    assert!(log.contains("\"tracker\": null"), "{log}");
}

#[test]
fn placeholders_never_reach_a_shell() {
    let journal = "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-03-14\nphrase = \"free $(touch pwned1); touch pwned2\"\n";
    let hooked = Hooked::new(
        journal,
        "name = \"Sam`touch pwned3`; touch pwned4\"\n[hooks]\non_milestone = [\"HOOK\", \"{message}\", \"x; {tracker} $(touch pwned5)\"]\n",
    );
    hooked.ok("2026-04-13", &["add"]);
    let log = hooked.log();
    assert!(
        log.starts_with("--- call\narg: 30 days free $(touch pwned1); touch pwned2 today. Well done!\narg: x; alcohol $(touch pwned5)\n"),
        "{log}"
    );
    assert!(
        log.contains("\"name\": \"Sam`touch pwned3`; touch pwned4\""),
        "{log}"
    );
    let made: Vec<String> = fs::read_dir(hooked.dir.path())
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("pwned"))
        .collect();
    assert!(made.is_empty(), "a shell ran a placeholder: {made:?}");
}

#[test]
fn a_failing_hook_is_a_warning_and_the_entry_stays() {
    let hooked = Hooked::new(
        ALCOHOL,
        "[hooks]\non_reset = [\"false\"]\non_entry = [\"sh\", \"-c\", \"echo from the hook >&2; exit 3\"]\n",
    );
    let (out, err) = hooked.ok_with_stderr("2026-04-13", &["reset"]);
    assert!(
        out.contains("\nRecorded a reset for alcohol on 2026-04-13."),
        "{out}"
    );
    let mut lines: Vec<&str> = err.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            "from the hook",
            "warning: the on_entry hook \"sh\" exited with status 3",
            "warning: the on_reset hook \"false\" exited with status 1",
        ]
    );
    assert!(hooked.journal.text().contains("kind = \"reset\""));
}

#[test]
fn a_missing_and_a_sleeping_hook_leave_add_at_exit_0_within_seconds() {
    let hooked = Hooked::new(
        ALCOHOL,
        "[hooks]\non_milestone = [\"/nonexistent/bin/tell-sponsor\", \"{message}\"]\non_entry = [\"SLEEPER\"]\n",
    );
    // A script whose own child sleeps: stopping the script alone would leave `sleep` holding
    // standard error open, and the command's caller waiting for it.
    let sleeper = hooked.script("sleeper", "sleep 30\necho woke >&2\n");
    let settings = fs::read_to_string(hooked.path("config.toml")).unwrap();
    fs::write(
        hooked.path("config.toml"),
        settings.replace("SLEEPER", &sleeper.display().to_string()),
    )
    .unwrap();

    let started = Instant::now();
    let (out, err) = hooked.ok_with_stderr("2026-04-13", &["add", "steady"]);
    let took = started.elapsed();
    assert!(
        out.starts_with(
            "Logged a check-in for alcohol on 2026-04-13: day 30.\n🎉 30 days today!\n"
        ),
        "{out}"
    );
    assert_eq!(
        err,
        format!(
            "warning: the on_milestone hook could not run \"/nonexistent/bin/tell-sponsor\": no such program; check [hooks] in the settings file (`milestone paths` shows where)\nwarning: the on_entry hook {:?} was still running after 10 seconds and was stopped\n",
            sleeper.display().to_string()
        )
    );
    assert!(
        took >= Duration::from_secs(10) && took < Duration::from_secs(12),
        "took {took:?}"
    );
    assert!(hooked.journal.text().contains("text = \"steady\""));
}

#[test]
fn a_hook_can_run_milestone_itself() {
    let hooked = Hooked::new(
        ALCOHOL,
        "[hooks]\non_entry = [\"LISTER\"]\non_milestone = [\"HOOK\"]\n",
    );
    // The hook reads the journal, and even adds to it: the lock is free, and the hook's own
    // `milestone` runs no hooks (or an on_entry hook that adds an entry would never end).
    let lister = hooked.script(
        "lister",
        &format!(
            "'{bin}' list --format json > '{out}'\n'{bin}' add --win 'the hook wrote this' < /dev/null >> '{out}'\n",
            bin = env!("CARGO_BIN_EXE_milestone"),
            out = hooked.path("listed.json").display()
        ),
    );
    let settings = fs::read_to_string(hooked.path("config.toml")).unwrap();
    fs::write(
        hooked.path("config.toml"),
        settings.replace("LISTER", &lister.display().to_string()),
    )
    .unwrap();

    let started = Instant::now();
    hooked.ok("2026-04-13", &["add", "first"]);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let listed = fs::read_to_string(hooked.path("listed.json")).unwrap();
    assert!(listed.contains("\"text\": \"first\""), "{listed}");
    assert!(
        listed.contains("Logged a win for alcohol on 2026-04-13"),
        "{listed}"
    );
    assert!(hooked.journal.text().contains("the hook wrote this"));
    // One on_milestone call: the hook's own add on the milestone day ran no hooks.
    assert_eq!(
        hooked.log().matches("--- call").count(),
        1,
        "{}",
        hooked.log()
    );
}

#[test]
fn a_bad_hook_setting_is_located() {
    for (settings, at, message) in [
        (
            "[hooks]\non_milestone = \"notify-send\"\n",
            "2:16",
            "hook `on_milestone` must be a list of strings, the program first",
        ),
        (
            "[hooks]\non_entry = []\n",
            "2:12",
            "hook `on_entry` is an empty list",
        ),
        (
            "[hooks]\non_reset = [\"x\", 3]\n",
            "2:18",
            "hook `on_reset` must be a list of strings",
        ),
        (
            "[hooks]\non_slip = [\"x\"]\n",
            "2:1",
            "unknown hook `on_slip`",
        ),
        (
            "[hooks]\non_entry = [\"log\", \"{mesage}\"]\n",
            "2:20",
            "hook `on_entry`: {mesage} is not a placeholder",
        ),
        ("hooks = 1\n", "1:9", "`hooks` must be a table"),
    ] {
        let hooked = Hooked::new(ALCOHOL, settings);
        let before = hooked.journal.bytes();
        let err = crate::common::run_fails(hooked.cmd("2026-04-13", &["add"]), 1);
        let config = hooked.path("config.toml");
        assert!(
            err.starts_with(&format!("error: {}:{at}: {message}", config.display())),
            "{settings}: {err}"
        );
        assert_eq!(hooked.journal.bytes(), before);
    }
}
