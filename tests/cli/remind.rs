//! `milestone remind`: what is due on a day, each thing once a day, silent when nothing is,
//! and the `on_milestone` hooks it runs.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use crate::common::{TestJournal, json, milestone, run_ok};
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
    let mut cmd = milestone();
    cmd.args(["remind", "--help"]);
    let help = run_ok(cmd);
    assert!(help.contains("--all"), "{help}");
    assert!(help.contains("private tracker"), "{help}");
    assert!(help.contains("notify-send"), "{help}");
}
