//! `milestone remind`: what is due on a day, each thing once a day, silent when nothing is,
//! and the `on_milestone` hooks it runs.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::{TestEnv, TestJournal, json, run_ok};
use crate::group::{Member, World, journal as group_journal};
use crate::hooks::{ALCOHOL, Hooked};

/// alcohol since 2026-03-14 (30 days on 2026-04-13) with check-ins on three of the seven
/// days before 2026-04-13.
const HABIT: &str = r#"version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14

[[entry]]
date = 2026-04-06
tracker = "alcohol"
kind = "checkin"

[[entry]]
date = 2026-04-09
tracker = "alcohol"
kind = "checkin"
text = "MARKERTEXT"

[[entry]]
date = 2026-04-12
tracker = "alcohol"
kind = "checkin"
"#;

#[test]
fn remind_over_three_days() {
    let hooked = Hooked::new(HABIT, "");
    let journal = hooked.journal.bytes();
    // The eve: tomorrow's milestone, and a check-in not made yet today.
    assert_eq!(
        hooked.ok("2026-04-12", &["remind"]),
        "Tomorrow: 30 days alcohol-free.\n"
    );
    assert_eq!(hooked.ok("2026-04-12", &["remind"]), "", "said once a day");
    // The day itself: the milestone, and a gap (the last check-in was yesterday).
    assert_eq!(
        hooked.ok("2026-04-13", &["remind"]),
        "🎉 Today: 30 days alcohol-free!\nNo check-in yet today for alcohol. How are you doing?\n"
    );
    assert_eq!(hooked.ok("2026-04-13", &["remind"]), "");
    assert_eq!(
        hooked.journal.bytes(),
        journal,
        "remind only reads the journal"
    );
    // The day after, with a check-in made: nothing due.
    hooked.ok("2026-04-14", &["add"]);
    assert_eq!(hooked.ok("2026-04-14", &["remind"]), "");
}

#[test]
fn a_checkin_made_before_remind_leaves_only_the_milestone() {
    let hooked = Hooked::new(HABIT, "emoji = false\n");
    hooked.ok("2026-04-13", &["add", "done"]);
    assert_eq!(
        hooked.ok("2026-04-13", &["remind"]),
        "Today: 30 days alcohol-free!\n"
    );
}

#[test]
fn a_gap_is_nagged_after_three_of_seven_days_and_not_after_two() {
    let journal = format!(
        "{ALCOHOL}{}",
        ["2026-04-01", "2026-04-03", "2026-04-05"]
            .map(|d| format!(
                "\n[[entry]]\ndate = {d}\ntracker = \"alcohol\"\nkind = \"checkin\"\n"
            ))
            .concat()
    );
    let hooked = Hooked::new(&journal, "");
    // On 2026-04-08 the seven days before hold all three.
    assert_eq!(
        hooked.ok("2026-04-08", &["remind"]),
        "No check-in yet today for alcohol. How are you doing?\n"
    );
    // On 2026-04-09 they hold two.
    assert_eq!(hooked.ok("2026-04-09", &["remind"]), "");
}

#[test]
fn nothing_due_prints_nothing() {
    let hooked = Hooked::new(ALCOHOL, "");
    let (out, err) = hooked.ok_with_stderr("2026-04-20", &["remind"]);
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    let (out, _) = hooked.ok_with_stderr("2026-04-20", &["remind", "--format", "json"]);
    assert_eq!(out, "");
    // Nothing said, nothing remembered.
    assert!(!hooked.path("state").exists());
}

#[test]
fn no_journal_is_nothing_due() {
    let journal = TestJournal::empty();
    assert_eq!(journal.ok(&["remind"]), "");
    assert!(!journal.path.exists());
}

#[test]
fn remind_json_lists_what_is_due() {
    let hooked = Hooked::new(HABIT, "");
    let due = json(&hooked.ok("2026-04-13", &["remind", "--format", "json"]));
    assert_eq!(
        due,
        json(
            r#"[
  {"kind": "milestone", "date": "2026-04-13", "when": "today", "tracker": "alcohol",
   "label": "30 days", "days": 30, "member": null, "group": null,
   "text": "🎉 Today: 30 days alcohol-free!"},
  {"kind": "checkin", "date": "2026-04-13", "when": "today", "tracker": "alcohol",
   "label": null, "days": 30, "member": null, "group": null,
   "text": "No check-in yet today for alcohol. How are you doing?"}
]"#
        )
    );
    // The same things, already said today in another format.
    assert_eq!(hooked.ok("2026-04-13", &["remind"]), "");
}

#[test]
fn a_private_tracker_is_named_only_with_all() {
    let journal = HABIT.replace(
        "since = 2026-03-14\n",
        "since = 2026-03-14\nprivate = true\n",
    );
    let hooked = Hooked::new(&journal, "");
    assert_eq!(
        hooked.ok("2026-04-12", &["remind"]),
        "Tomorrow: 30 days on a private tracker.\n"
    );
    let hooked = Hooked::new(&journal, "");
    assert_eq!(
        hooked.ok("2026-04-12", &["remind", "--all"]),
        "Tomorrow: 30 days alcohol-free.\n"
    );
}

#[test]
fn remind_runs_the_milestone_hook_once_and_add_does_not_repeat_it() {
    let hooked = Hooked::new(
        HABIT,
        "[hooks]\non_milestone = [\"HOOK\", \"{message}\", \"{kind}\"]\n",
    );
    hooked.ok("2026-04-12", &["remind"]);
    assert_eq!(hooked.log(), "", "the eve fires nothing");
    hooked.ok("2026-04-13", &["remind"]);
    let log = hooked.log();
    assert!(
        log.starts_with("--- call\narg: 30 days alcohol-free today. Well done!\narg: \nMILESTONE_DATE=2026-04-13\n"),
        "{log}"
    );
    assert!(!log.contains("MARKERTEXT"), "{log}");
    hooked.ok("2026-04-13", &["remind"]);
    hooked.ok("2026-04-13", &["add", "late"]);
    assert_eq!(hooked.log(), log, "fired once");
}

#[test]
fn what_a_hook_prints_stays_out_of_the_reminders() {
    let hooked = Hooked::new(
        ALCOHOL,
        "[hooks]\non_milestone = [\"sh\", \"-c\", \"echo from the hook\"]\n",
    );
    let (out, err) = hooked.ok_with_stderr("2026-04-13", &["remind"]);
    assert_eq!(out, "🎉 Today: 30 days alcohol-free!\n");
    assert_eq!(err, "from the hook\n");
}

#[test]
fn a_milestone_missed_yesterday_fires_the_next_day_and_older_ones_never() {
    let hooked = Hooked::new(
        ALCOHOL,
        "[hooks]\non_milestone = [\"HOOK\", \"{message}\"]\n",
    );
    // The computer was off on 2026-04-13 (30 days); on 2026-04-14 the hook still runs.
    hooked.ok("2026-04-14", &["remind"]);
    let log = hooked.log();
    assert!(
        log.starts_with("--- call\narg: 30 days alcohol-free yesterday. Well done!\n"),
        "{log}"
    );
    // Logging days long past (1 week, 2 weeks) fires nothing.
    hooked.ok("2026-04-14", &["add", "--date", "2026-03-21"]);
    hooked.ok("2026-04-14", &["add", "--date", "2026-03-28"]);
    assert_eq!(hooked.log(), log);
}

#[test]
fn what_remind_remembers_is_owner_only() {
    let hooked = Hooked::new(HABIT, "");
    hooked.ok("2026-04-13", &["remind"]);
    let mode = |name: &str| {
        fs::metadata(hooked.path(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("state/milestone"), 0o700);
    assert_eq!(mode("state/milestone/remembered.json"), 0o600);
    let remembered = fs::read_to_string(hooked.path("state/milestone/remembered.json")).unwrap();
    assert!(!remembered.contains("MARKERTEXT"), "{remembered}");
}

#[test]
fn remind_is_documented_for_cron() {
    let mut cmd = TestEnv::new().milestone();
    cmd.args(["remind", "--help"]);
    let help = run_ok(cmd);
    assert!(help.contains("--all"), "{help}");
    assert!(help.contains("private tracker"), "{help}");
    assert!(help.contains("notify-send"), "{help}");
}

/// A folder of stand-in programs, first on PATH: `notify-send` and `curl` that log their
/// arguments (one line each, `|` between them) to `calls.log`, and the real `milestone` where
/// `cargo install` puts it, in `home/.cargo/bin`.
struct FakeDesktop {
    dir: tempfile::TempDir,
}

impl FakeDesktop {
    fn new() -> FakeDesktop {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        fs::create_dir_all(&bin).unwrap();
        let log = dir.path().join("calls.log");
        for name in ["notify-send", "curl"] {
            let path = bin.join(name);
            fs::write(
                &path,
                format!(
                    "#!/bin/sh\n{{ printf '{name}'; for a in \"$@\"; do printf '|%s' \"$a\"; done; echo; }} >> '{}'\n",
                    log.display()
                ),
            )
            .unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        }
        let cargo_bin = dir.path().join("home/.cargo/bin");
        fs::create_dir_all(&cargo_bin).unwrap();
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_milestone"), cargo_bin.join("milestone"))
            .unwrap();
        FakeDesktop { dir }
    }

    /// The stand-ins, and the system's programs (sh, xargs, jq), but not `milestone`.
    fn path_var(&self) -> String {
        format!("{}:/usr/bin:/bin", self.dir.path().join("bin").display())
    }

    fn calls(&self) -> String {
        fs::read_to_string(self.dir.path().join("calls.log")).unwrap_or_default()
    }

    /// `sh -c LINE` as cron or systemd would run it, on 2026-04-13, for `hooked`'s journal.
    fn run(&self, hooked: &Hooked, line: &str) -> String {
        self.run_with_path(hooked, line, &self.path_var())
    }

    fn run_with_path(&self, hooked: &Hooked, line: &str, path: &str) -> String {
        // A fresh memory each time: each line is its own first run of the day.
        let state = tempfile::tempdir_in(self.dir.path()).unwrap();
        let mut sh = hooked.journal.env().command("/bin/sh");
        sh.arg("-c")
            .arg(line)
            .env("HOME", self.dir.path().join("home"))
            .env("PATH", path)
            .env("MILESTONE_JOURNAL", &hooked.journal.path)
            .env("MILESTONE_CONFIG", hooked.path("config.toml"))
            .env("MILESTONE_NO_CACHE", "1")
            .env("XDG_STATE_HOME", state.path())
            .env("MILESTONE_TODAY", "2026-04-13");
        run_ok(assert_cmd::Command::from_std(sh))
    }
}

const CRONTAB: &str = include_str!("../../contrib/cron/milestone.crontab");
const SERVICE: &str = include_str!("../../contrib/systemd/milestone-remind.service");

#[test]
fn the_crontab_lines_work() {
    let lines: Vec<&str> = CRONTAB
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert_eq!(lines.len(), 2, "{CRONTAB}");
    for line in &lines {
        assert!(line.starts_with("0 19 * * * "), "{line}");
        assert!(!line.contains('%'), "cron turns % into a new line: {line}");
    }
    let desktop = FakeDesktop::new();
    let hooked = Hooked::new(HABIT, "");
    let mailed = desktop.run(&hooked, &lines[0]["0 19 * * * ".len()..]);
    assert_eq!(
        mailed,
        "🎉 Today: 30 days alcohol-free!\nNo check-in yet today for alcohol. How are you doing?\n"
    );
    let shown = desktop.run(&hooked, &lines[1]["0 19 * * * ".len()..]);
    assert_eq!(shown, "");
    assert_eq!(
        desktop.calls(),
        "notify-send|Milestone|🎉 Today: 30 days alcohol-free!\nnotify-send|Milestone|No check-in yet today for alcohol. How are you doing?\n"
    );
}

#[test]
fn the_systemd_units_are_valid_and_the_service_notifies() {
    let contrib = concat!(env!("CARGO_MANIFEST_DIR"), "/contrib/systemd");
    let mut verify = TestEnv::new().command("systemd-analyze");
    verify
        .arg("verify")
        .arg(format!("{contrib}/milestone-remind.service"))
        .arg(format!("{contrib}/milestone-remind.timer"));
    assert_eq!(run_ok(assert_cmd::Command::from_std(verify)), "");
    let timer = include_str!("../../contrib/systemd/milestone-remind.timer");
    assert!(timer.contains("\nOnCalendar=*-*-* 19:00\n"), "{timer}");
    assert!(timer.contains("\nPersistent=true\n"), "{timer}");

    let exec = SERVICE
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart=/bin/sh -c '"))
        .and_then(|l| l.strip_suffix('\''))
        .expect("ExecStart=/bin/sh -c '...'");
    let desktop = FakeDesktop::new();
    let home = desktop.dir.path().join("home").display().to_string();
    // The service's own PATH, where it finds milestone; the stand-in notify-send first.
    let path = SERVICE
        .lines()
        .find_map(|l| l.strip_prefix("Environment=PATH="))
        .expect("Environment=PATH=")
        .replace("%h", &home);
    let hooked = Hooked::new(HABIT, "");
    let dirs = format!("{}:{path}", desktop.dir.path().join("bin").display());
    assert_eq!(desktop.run_with_path(&hooked, exec, &dirs), "");
    assert_eq!(desktop.calls().lines().count(), 2, "{}", desktop.calls());
}

#[test]
fn the_chat_hook_example_posts_the_message_as_json() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/contrib/hooks/post-to-chat");
    let journal = ALCOHOL.replace(
        "since = 2026-03-14\n",
        "since = 2026-03-14\nphrase = \"\\\"free\\\" $(touch pwned)\"\n",
    );
    let hooked = Hooked::new(
        &journal,
        &format!("[hooks]\non_milestone = [\"{script}\", \"{{message}}\"]\n"),
    );
    let desktop = FakeDesktop::new();
    let mut add = hooked.cmd("2026-04-13", &["add"]);
    add.env("PATH", desktop.path_var());
    run_ok(add);
    let calls = desktop.calls();
    let args: Vec<&str> = calls.trim_end().split('|').collect();
    assert_eq!(args[0], "curl", "{calls}");
    assert_eq!(
        args.last(),
        Some(&"https://chat.example.org/hooks/REPLACE-WITH-YOUR-OWN")
    );
    let body = args[args.iter().position(|a| *a == "--data").unwrap() + 1];
    assert_eq!(
        json(body),
        json(r#"{"text": "30 days \"free\" $(touch pwned) today. Well done!"}"#)
    );
    assert!(!hooked.path("pwned").exists());
}

#[test]
fn a_state_folder_that_cannot_be_written_repeats_rather_than_hides() {
    let hooked = Hooked::new(HABIT, "[hooks]\non_milestone = [\"HOOK\"]\n");
    fs::write(hooked.path("state"), "a file where the folder should be").unwrap();
    let (out, err) = hooked.ok_with_stderr("2026-04-13", &["remind"]);
    assert_eq!(
        out,
        "🎉 Today: 30 days alcohol-free!\nNo check-in yet today for alcohol. How are you doing?\n"
    );
    let folder = hooked.path("state/milestone");
    let why = format!(
        "could not remember what was said in {}; check that you may write there: Not a directory (os error 20)",
        folder.display()
    );
    // The reminders are all shown; the hook is not run, or it would run on every command.
    assert_eq!(
        err,
        format!(
            "warning: {why} (so this may be said again)\nwarning: the on_milestone hooks did not run: {why} (they would run again every time)\n"
        )
    );
    assert_eq!(hooked.log(), "");
}

// ----- your groups' members -----

/// Sam (29 days on TODAY, 30 tomorrow) joins `tuesday` through a bare repository first, so his
/// clone holds only his own card until he pulls; then Ana (30 days today), Bo (1 week tomorrow)
/// and Cy (1 week in 3 days) join.
fn tuesday(world: &World) -> [Member; 4] {
    let remote = world.bare_remote();
    let place = remote.to_str().unwrap();
    let people = [
        ("Sam", "alcohol", "2026-10-27"),
        ("Ana", "smoking", "2026-10-26"),
        ("Bo", "alcohol", "2026-11-19"),
        ("Cy", "gambling", "2026-11-21"),
    ];
    people.map(|(display, tracker, since)| {
        let member = world.member(display, &group_journal(&[(tracker, since)]), "");
        member.ok(&["group", "join", "tuesday", place, "--as", display]);
        member
    })
}

#[test]
fn remind_tells_of_group_members_milestones_from_the_clone_as_it_is() {
    let world = World::new();
    let [sam, ana, _bo, cy] = tuesday(&world);
    // Remind never pulls: Sam's clone has only his own card, which is not said twice.
    assert_eq!(sam.ok(&["remind"]), "Tomorrow: 30 days alcohol-free.\n");
    sam.ok(&["group", "show"]);
    let before = folder_files(&sam.group_folder("tuesday"));
    assert_eq!(before.len(), 4, "{before:?}");
    // Ana's 30 days today and Bo's week tomorrow; Cy's week is 3 days away.
    assert_eq!(
        sam.ok(&["remind"]),
        "🎉 Today: Ana reaches 30 days!\nTomorrow: Bo reaches 1 week.\n"
    );
    assert_eq!(sam.ok(&["remind"]), "", "said once a day");
    assert_eq!(
        sam.ok(&["remind", "--format", "json"]),
        "",
        "said once a day, in any format"
    );
    // Cy joined last: his clone holds everyone. Sam is among the members now.
    assert_eq!(
        json(&cy.ok(&["remind", "--format", "json"])),
        serde_json::json!([
            member_reminder(
                ("2026-11-25", "today"),
                "30 days",
                30,
                Some("Ana"),
                "tuesday",
                "🎉 Today: Ana reaches 30 days!"
            ),
            member_reminder(
                ("2026-11-26", "tomorrow"),
                "1 week",
                7,
                Some("Bo"),
                "tuesday",
                "Tomorrow: Bo reaches 1 week."
            ),
            member_reminder(
                ("2026-11-26", "tomorrow"),
                "30 days",
                30,
                Some("Sam"),
                "tuesday",
                "Tomorrow: Sam reaches 30 days."
            ),
        ])
    );
    // The next day, counted on from the same cards: yours and Bo's, today.
    let mut sam = sam;
    sam.today = "2026-11-26".into();
    assert_eq!(
        sam.ok(&["remind"]),
        "🎉 Today: 30 days alcohol-free!\n🎉 Today: Bo reaches 1 week!\n"
    );
    // Remind only reads: the clone is as `group show` left it, nothing posted or pulled.
    assert_eq!(folder_files(&sam.group_folder("tuesday")), before);
    assert_eq!(folder_files(&ana.group_folder("tuesday")).len(), 2);
}

/// What `remind --format json` says of a group member's milestone.
fn member_reminder(
    (date, when): (&str, &str),
    label: &str,
    days: i64,
    member: Option<&str>,
    group: &str,
    text: &str,
) -> serde_json::Value {
    serde_json::json!({
        "kind": "member_milestone", "date": date, "when": when, "tracker": null, "label": label,
        "days": days, "member": member, "group": group, "text": text,
    })
}

/// Every file under `dir` but git's own, with its bytes.
fn folder_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with(".git") {
                    todo.push(path);
                }
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_missing_group_folder_is_a_warning_and_a_hostile_name_is_made_safe() {
    let world = World::new();
    let shared = world.path().join("shared");
    let gone = world.path().join("gone");
    fs::create_dir_all(&shared).unwrap();
    fs::create_dir_all(&gone).unwrap();
    let vic = world.member(
        "vic",
        &group_journal(&[("alcohol", "2026-03-14")]),
        "emoji = false\n",
    );
    for (name, place) in [("circle", &shared), ("gone", &gone)] {
        vic.ok(&[
            "group",
            "join",
            name,
            place.to_str().unwrap(),
            "--as",
            "Vic",
        ]);
    }
    fs::remove_dir_all(&gone).unwrap();
    let evil = serde_json::json!({
        "member": "evilzz",
        "name": "\u{1b}[2J\u{1b}]0;pwned\u{7}Eve\u{9b}31m",
        "cards": [
            {"name": "\u{1b}[2J\u{1b}]0;pwned\u{7}Eve\u{9b}31m", "tracker": "x", "date": "2026-11-25",
             "days": 6, "milestone": null,
             "next_milestone": {"label": "1 week\u{1b}[5m", "date": "2026-11-26", "days_left": 1}},
            {"name": null, "tracker": null, "date": "2026-11-24", "days": 29, "milestone": null,
             "next_milestone": {"label": "30 days", "date": "2026-11-25", "days_left": 1}}
        ]
    });
    fs::write(shared.join("members/evilzz.json"), evil.to_string()).unwrap();
    let warning = format!(
        "warning: the folder of gone ({}) is not there; is the drive mounted? Fix `path` in [group.gone], or leave and join again\n",
        gone.display()
    );
    let (code, out, err) = vic.output(&["remind", "--format", "json"]);
    assert_eq!((code, err.as_str()), (0, warning.as_str()));
    assert_eq!(
        json(&out),
        serde_json::json!([
            member_reminder(
                ("2026-11-26", "tomorrow"),
                "1 week",
                7,
                Some("Eve"),
                "circle",
                "Tomorrow: Eve reaches 1 week."
            ),
            member_reminder(
                ("2026-11-25", "today"),
                "30 days",
                30,
                None,
                "circle",
                "Today: A friend reaches 30 days!"
            ),
        ])
    );
    assert!(!out.contains('\u{1b}') && !out.contains("\\u001b"), "{out}");
    // The same day again: nothing to say, the same warning, still exit 0.
    assert_eq!(vic.output(&["remind"]), (0, String::new(), warning.clone()));
    let mut vic = vic;
    vic.today = "2026-11-26".into();
    assert_eq!(
        vic.output(&["remind"]),
        (0, "Today: Eve reaches 1 week!\n".to_string(), warning)
    );
}
