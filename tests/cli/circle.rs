//! `milestone circle`: one celebration for a group from its members' share cards. Everyone is
//! named (or "A friend"), milestones come first, the rest by name and never by days; bad and
//! duplicate cards are warned about and skipped; `--upcoming` lists anniversaries by date.
//!
//! Cards come from real `share --style json` runs on temporary journals, and by hand.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

use crate::common::{CONTRACT_EXAMPLE, TestEnv, TestJournal, json, run_fails, run_ok};

const STYLES: [&str; 6] = ["plain", "markdown", "slack", "discord", "sms", "json"];

const ZWSP: char = '\u{200b}';

/// `milestone share --style json ARGS` on a journal holding `journal_text`, with no settings.
fn share_card(journal_text: &str, args: &[&str]) -> String {
    let journal = TestJournal::with(journal_text);
    let config = journal.folder().join("no-settings.toml");
    let mut all = vec![
        "--config",
        config.to_str().unwrap(),
        "share",
        "--style",
        "json",
    ];
    all.extend_from_slice(args);
    // With no tracker named, a card for every tracker (all are shareable here).
    if !args
        .iter()
        .any(|a| ["alcohol", "smoking", "gambling"].contains(a))
    {
        all.push("--all");
    }
    journal.ok(&all)
}

fn tracker_since(name: &str, since: &str) -> String {
    format!("version = 1\n\n[[tracker]]\nname = \"{name}\"\nsince = {since}\n")
}

/// A hand-written card dated today (2026-11-25).
fn hand_card(
    name: Option<&str>,
    tracker: Option<&str>,
    days: u32,
    milestone: Option<&str>,
    next: Option<(&str, &str, u32)>,
) -> serde_json::Value {
    serde_json::json!({
        "name": name,
        "tracker": tracker,
        "date": "2026-11-25",
        "days": days,
        "milestone": milestone,
        "next_milestone": next.map(|(label, date, left)| serde_json::json!({
            "label": label, "date": date, "days_left": left
        })),
    })
}

/// A folder of card files and a hermetic `milestone circle` run inside it.
struct Circle {
    dir: TempDir,
    env: TestEnv,
}

impl Circle {
    fn new() -> Circle {
        Circle {
            dir: tempfile::tempdir().expect("temp dir"),
            env: TestEnv::new(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path().join(name);
        fs::write(&path, text).expect("write card file");
        path
    }

    fn settings(&self, text: &str) {
        fs::write(self.path().join("config.toml"), text).expect("write settings");
    }

    /// `milestone --config <folder>/config.toml circle ARGS`, run in the folder.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = self.env.milestone();
        cmd.current_dir(self.path())
            .arg("--journal")
            .arg(self.path().join("journal.toml"))
            .arg("--config")
            .arg(self.path().join("config.toml"))
            .arg("circle")
            .args(args);
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = run_ok(self.cmd(args));
        assert!(
            !self.path().join("journal.toml").exists(),
            "circle never writes a journal"
        );
        out
    }
}

/// The group: real cards from `share` and hand-written ones.
///
/// | who       | card                     | days | milestone today | next                |
/// |-----------|--------------------------|------|-----------------|---------------------|
/// | Sam       | share (contract example)  | 256  | -               | 9 months 2026-12-14 |
/// | Ana       | share, gambling          | 184  | 6 months        | 9 months 2027-02-25 |
/// | A friend  | share --anonymous        | 24   | -               | 30 days 2026-12-01  |
/// | Cam       | share --discreet         | 30   | 30 days         | 60 days 2026-12-25  |
/// | Bea       | by hand                  | 40   | -               | 60 days 2026-12-15  |
/// | Eli       | by hand                  | 152  | -               | 6 months 2026-12-26 |
/// | zed       | by hand                  | 12   | -               | 2 weeks 2026-11-27  |
fn group() -> (Circle, Vec<&'static str>) {
    let circle = Circle::new();
    circle.file(
        "sam.json",
        &share_card(CONTRACT_EXAMPLE, &["--name", "Sam"]),
    );
    circle.file(
        "ana.json",
        &share_card(&tracker_since("gambling", "2026-05-25"), &["--name", "Ana"]),
    );
    circle.file(
        "friend.json",
        &share_card(&tracker_since("smoking", "2026-11-01"), &["--anonymous"]),
    );
    circle.file(
        "cam.json",
        &share_card(
            &tracker_since("alcohol", "2026-10-26"),
            &["--name", "Cam", "--discreet"],
        ),
    );
    let bea = hand_card(
        Some("Bea"),
        Some("alcohol"),
        40,
        None,
        Some(("60 days", "2026-12-15", 20)),
    );
    let eli = hand_card(
        Some("Eli"),
        Some("smoking"),
        152,
        None,
        Some(("6 months", "2026-12-26", 31)),
    );
    let zed = hand_card(
        Some("zed"),
        Some("gambling"),
        12,
        None,
        Some(("2 weeks", "2026-11-27", 2)),
    );
    // One object, then an array of two, one after the other in one file.
    circle.file(
        "hand.json",
        &format!("{bea}\n{}\n", serde_json::json!([eli, zed])),
    );
    (
        circle,
        vec![
            "sam.json",
            "ana.json",
            "friend.json",
            "cam.json",
            "hand.json",
        ],
    )
}

const GROUP_PLAIN: &str = "\
🤝 Our circle, 2026-11-25
🎉 Ana: 6 months gambling-free today!
🎉 Cam: 30 days strong today!
🌱 Bea: 40 days alcohol-free, next up: 60 days.
🌱 Eli: 152 days smoking-free, next up: 6 months.
🌱 Sam: 256 days alcohol-free, next up: 9 months.
🌱 zed: 12 days gambling-free, next up: 2 weeks.
🌱 A friend: 24 days smoking-free, next up: 30 days.
💛 Every day counts. Thank you for being here.
";

#[test]
fn several_members_exact_plain_output() {
    let (circle, files) = group();
    assert_eq!(circle.ok(&files), GROUP_PLAIN);
}

#[test]
fn the_order_is_by_name_never_by_days_whatever_the_order_of_the_files() {
    let (circle, mut files) = group();
    files.reverse();
    assert_eq!(circle.ok(&files), GROUP_PLAIN);
    files.swap(0, 2);
    assert_eq!(circle.ok(&files), GROUP_PLAIN);
    // Names ascend (case aside) within each part; days do not.
    let out = circle.ok(&files);
    let lines: Vec<&str> = out.lines().collect();
    let named: Vec<&str> = lines[3..7]
        .iter()
        .map(|l| l.trim_start_matches("🌱 ").split(':').next().unwrap())
        .collect();
    assert_eq!(named, ["Bea", "Eli", "Sam", "zed"]);
}

#[test]
fn milestones_come_first() {
    let (circle, files) = group();
    let out = circle.ok(&files);
    let firsts: Vec<bool> = out
        .lines()
        .filter(|l| l.starts_with("🎉") || l.starts_with("🌱"))
        .map(|l| l.starts_with("🎉"))
        .collect();
    assert_eq!(firsts, [true, true, false, false, false, false, false]);
}

#[test]
fn an_anonymous_card_is_a_friend_and_a_discreet_one_is_strong() {
    let (circle, files) = group();
    for style in ["plain", "markdown", "slack", "discord"] {
        let out = circle.ok(&[&files[..], &["--style", style]].concat());
        assert!(out.contains("A friend: "), "{style}: {out}");
        assert!(out.contains("strong today!"), "{style}: {out}");
        let cam = out.lines().find(|l| l.contains("Cam")).unwrap();
        assert!(!cam.contains("-free"), "{style}: {cam}");
        assert!(!cam.contains("alcohol"), "{style}: {cam}");
    }
}

#[test]
fn snapshot_every_style() {
    let (circle, files) = group();
    let mut out = String::new();
    for style in STYLES {
        let text = circle.ok(&[&files[..], &["--style", style]].concat());
        out.push_str(&format!("----- {style} -----\n{text}"));
    }
    insta::assert_snapshot!("circle_every_style", out);
}

#[test]
fn snapshot_every_style_without_emoji_and_upcoming() {
    let (circle, files) = group();
    let mut out = String::new();
    for style in ["plain", "markdown", "slack", "discord", "sms"] {
        let text = circle.ok(&[&files[..], &["--style", style, "--no-emoji"]].concat());
        out.push_str(&format!("----- {style} --no-emoji -----\n{text}"));
        let text = circle.ok(&[&files[..], &["--style", style, "--upcoming", "30d"]].concat());
        out.push_str(&format!("----- {style} --upcoming 30d -----\n{text}"));
    }
    insta::assert_snapshot!("circle_no_emoji_and_upcoming", out);
}

#[test]
fn every_text_style_is_clean_and_sms_is_one_short_line() {
    let (circle, files) = group();
    for style in ["plain", "markdown", "slack", "discord", "sms"] {
        let out = circle.ok(&[&files[..], &["--style", style]].concat());
        assert!(out.ends_with('\n'));
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{style}: {out:?}"
        );
        if style == "sms" {
            assert_eq!(out.lines().count(), 1, "{out:?}");
            assert!(out.trim_end().chars().count() <= 160, "{out:?}");
        }
    }
}

#[test]
fn the_settings_can_turn_emoji_off() {
    let (circle, files) = group();
    circle.settings("emoji = false\n");
    let out = circle.ok(&files);
    assert!(
        out.starts_with("Our circle, 2026-11-25\nAna: 6 months"),
        "{out}"
    );
    assert!(!out.contains('🎉'), "{out}");
}

#[test]
fn cards_from_standard_input_with_a_dash_or_no_files() {
    let (circle, files) = group();
    let all: String = files
        .iter()
        .map(|f| fs::read_to_string(circle.path().join(f)).unwrap())
        .collect();
    // No files: standard input.
    let mut cmd = circle.cmd(&[]);
    cmd.write_stdin(all.clone());
    assert_eq!(run_ok(cmd), GROUP_PLAIN);
    // `-` alone.
    let mut cmd = circle.cmd(&["-"]);
    cmd.write_stdin(all);
    assert_eq!(run_ok(cmd), GROUP_PLAIN);
    // `-` among files.
    let stdin = fs::read_to_string(circle.path().join("hand.json")).unwrap();
    let mut cmd = circle.cmd(&["sam.json", "ana.json", "-", "friend.json", "cam.json"]);
    cmd.write_stdin(stdin);
    assert_eq!(run_ok(cmd), GROUP_PLAIN);
}

#[test]
fn concatenated_cards_and_arrays_are_all_read() {
    let circle = Circle::new();
    let a = hand_card(Some("Ann"), Some("alcohol"), 10, None, None);
    let b = hand_card(Some("Ben"), Some("alcohol"), 11, None, None);
    let c = hand_card(Some("Cat"), Some("alcohol"), 12, None, None);
    let d = hand_card(Some("Dot"), Some("alcohol"), 13, None, None);
    // Compact and pretty, objects and arrays, with and without whitespace between them.
    let stream = format!(
        "{a}{}\n\n[{c}]{}",
        serde_json::to_string_pretty(&b).unwrap(),
        serde_json::json!([d])
    );
    circle.file("stream.json", &stream);
    assert_eq!(
        circle.ok(&["stream.json"]),
        "🤝 Our circle, 2026-11-25\n\
         🌱 Ann: 10 days alcohol-free.\n\
         🌱 Ben: 11 days alcohol-free.\n\
         🌱 Cat: 12 days alcohol-free.\n\
         🌱 Dot: 13 days alcohol-free.\n\
         💛 Every day counts. Thank you for being here.\n"
    );
    // A share of several trackers is an array, and reads as such.
    let several = format!(
        "{}\n[[tracker]]\nname = \"smoking\"\nsince = 2026-11-22\n",
        CONTRACT_EXAMPLE
    );
    circle.file("sam.json", &share_card(&several, &["--name", "Sam"]));
    assert_eq!(
        circle.ok(&["sam.json"]),
        "🤝 Our circle, 2026-11-25\n\
         🎉 Sam: 3 days smoking-free today!\n\
         🌱 Sam: 256 days alcohol-free, next up: 9 months.\n\
         💛 Every day counts. Thank you for being here.\n"
    );
}

/// Runs circle, expecting success with warnings: (stdout, stderr).
fn with_warnings(mut cmd: Command) -> (String, String) {
    let output = cmd.output().expect("run milestone");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    (stdout, stderr)
}

#[test]
fn bad_and_duplicate_cards_are_warned_about_and_skipped() {
    let (circle, mut files) = group();
    let sam = fs::read_to_string(circle.path().join("sam.json")).unwrap();
    // Sam's card again, and an older one of Sam's for the same tracker.
    let mut older = json(&sam);
    older["date"] = "2026-11-20".into();
    older["days"] = 251.into();
    circle.file("again.json", &format!("{sam}\n{older}\n"));
    // A card of the wrong shape, one missing a field, then something that is not JSON.
    circle.file(
        "bad.json",
        "{\"name\": 3}\n{\"name\": \"Dee\", \"tracker\": \"alcohol\", \"days\": 9}\n{not json",
    );
    files.extend(["again.json", "bad.json"]);
    let (stdout, stderr) = with_warnings(circle.cmd(&files));
    assert_eq!(stdout, GROUP_PLAIN, "the rest still prints");
    let warnings: Vec<&str> = stderr.lines().collect();
    assert!(
        warnings.iter().all(|w| w.starts_with("warning: ")),
        "{stderr}"
    );
    assert_eq!(warnings.len(), 5, "{stderr}");
    assert_eq!(
        warnings
            .iter()
            .filter(|w| w.contains("bad.json") && w.contains("card"))
            .count(),
        2,
        "{stderr}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("bad.json") && w.contains("not JSON")),
        "{stderr}"
    );
    assert_eq!(
        warnings.iter().filter(|w| w.contains("Sam")).count(),
        2,
        "{stderr}"
    );
}

#[test]
fn the_newest_of_a_members_cards_is_kept() {
    let circle = Circle::new();
    let new = hand_card(Some("Sam"), Some("alcohol"), 256, None, None);
    let mut old = new.clone();
    old["date"] = "2026-11-01".into();
    old["days"] = 232.into();
    circle.file("cards.json", &format!("{new}{old}"));
    let (stdout, stderr) = with_warnings(circle.cmd(&["cards.json"]));
    assert!(stdout.contains("Sam: 256 days alcohol-free."), "{stdout}");
    assert!(!stdout.contains("232"), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("warning: "), "{stderr}");
    // The same order the other way round keeps the same card.
    circle.file("cards.json", &format!("{old}{new}"));
    let (again, _) = with_warnings(circle.cmd(&["cards.json"]));
    assert_eq!(again, stdout);
}

#[test]
fn a_warning_cannot_carry_control_characters() {
    let circle = Circle::new();
    let card = hand_card(Some("Sam\u{1b}[2J\u{7}"), Some("alcohol"), 5, None, None);
    circle.file("twice.json", &format!("{card}{card}"));
    let (stdout, stderr) = with_warnings(circle.cmd(&["twice.json"]));
    assert!(stderr.starts_with("warning: "), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
}

#[test]
fn an_older_card_says_which_day_it_speaks_of() {
    let circle = Circle::new();
    let mut kim = hand_card(
        Some("Kim"),
        Some("alcohol"),
        7,
        Some("1 week"),
        Some(("2 weeks", "2026-11-27", 7)),
    );
    kim["date"] = "2026-11-20".into();
    let mut lee = hand_card(Some("Lee"), None, 50, None, None);
    lee["date"] = "2026-11-24".into();
    circle.file("cards.json", &format!("{kim}{lee}"));
    assert_eq!(
        circle.ok(&["cards.json", "--no-emoji"]),
        "Our circle, 2026-11-25\n\
         Kim: 1 week alcohol-free (on 2026-11-20).\n\
         Lee: 50 days strong (as of 2026-11-24).\n\
         Every day counts. Thank you for being here.\n"
    );
}

#[test]
fn no_usable_cards_still_prints_a_kind_word() {
    let circle = Circle::new();
    circle.file("empty.json", "");
    assert_eq!(
        circle.ok(&["empty.json"]),
        "🤝 Our circle, 2026-11-25\nNo cards yet. Share yours with `milestone share --style json`.\n"
    );
}

#[test]
fn a_missing_file_is_an_error() {
    let (circle, mut files) = group();
    files.push("nobody.json");
    let stderr = run_fails(circle.cmd(&files), 1);
    assert!(stderr.contains("nobody.json"), "{stderr}");
}

#[test]
fn upcoming_lists_only_the_next_30_days_by_date() {
    let (circle, files) = group();
    let out = circle.ok(&[&files[..], &["--upcoming", "30d"]].concat());
    assert_eq!(
        out,
        "📅 Coming up in the next 30 days\n\
         - 2026-11-27 zed: 2 weeks (gambling)\n\
         - 2026-12-01 A friend: 30 days (smoking)\n\
         - 2026-12-14 Sam: 9 months (alcohol)\n\
         - 2026-12-15 Bea: 60 days (alcohol)\n\
         - 2026-12-25 Cam: 60 days\n"
    );
    // Ana (2027-02-25) and Eli (2026-12-26, 31 days away) are left out.
    assert!(!out.contains("Ana") && !out.contains("Eli"), "{out}");
    // Weeks and bare numbers are days too.
    assert_eq!(
        circle.ok(&[&files[..], &["--upcoming", "2w"]].concat()),
        "📅 Coming up in the next 14 days\n\
         - 2026-11-27 zed: 2 weeks (gambling)\n\
         - 2026-12-01 A friend: 30 days (smoking)\n"
    );
    assert_eq!(
        circle.ok(&[&files[..], &["--upcoming", "1", "--no-emoji"]].concat()),
        "Coming up by tomorrow\nNo anniversaries in that time.\n"
    );
}

#[test]
fn a_bad_upcoming_span_is_an_error() {
    let (circle, files) = group();
    for span in ["soon", "-3d", "30x", "", "d", "1.5w", "99999d"] {
        let flag = format!("--upcoming={span}");
        let stderr = run_fails(circle.cmd(&[&files[..], &[flag.as_str()]].concat()), 1);
        assert!(stderr.contains("--upcoming"), "{span:?}: {stderr}");
        assert!(stderr.contains("30d"), "says what to write: {stderr}");
    }
}

#[test]
fn json_gives_an_array_of_the_kept_cards() {
    let (circle, mut files) = group();
    circle.file(
        "again.json",
        &fs::read_to_string(circle.path().join("sam.json")).unwrap(),
    );
    circle.file("bad.json", "{\"name\": 3}");
    files.extend(["again.json", "bad.json"]);
    let (stdout, stderr) = with_warnings(circle.cmd(&[&files[..], &["--style", "json"]].concat()));
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let cards = json(&stdout);
    let cards = cards.as_array().expect("an array");
    let names: Vec<Option<&str>> = cards.iter().map(|c| c["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            Some("Ana"),
            Some("Bea"),
            Some("Cam"),
            Some("Eli"),
            Some("Sam"),
            Some("zed"),
            None
        ]
    );
    // Each card is exactly as its member shared it.
    let sam = json(&fs::read_to_string(circle.path().join("sam.json")).unwrap());
    assert!(cards.contains(&sam), "{stdout}");
    // A single card still comes back as an array.
    let one = circle.ok(&["sam.json", "--style", "json"]);
    assert_eq!(json(&one), serde_json::json!([sam]));
}

#[test]
fn member_names_and_trackers_from_cards_are_made_harmless() {
    let circle = Circle::new();
    let card = hand_card(
        Some("\u{1b}[31m@everyone [x](http://evil.example) **B** <!here>"),
        Some("alcohol"),
        5,
        None,
        None,
    );
    circle.file("evil.json", &card.to_string());
    for style in ["plain", "markdown", "slack", "discord", "sms"] {
        let out = circle.ok(&["evil.json", "--style", style]);
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{style}: {out:?}"
        );
        match style {
            "markdown" => assert!(!out.contains("[x]") && !out.contains("**B**"), "{out}"),
            "discord" => {
                assert!(!out.contains("@everyone"), "{out}");
                assert!(out.contains(&format!("@{ZWSP}everyone")), "{out}");
                assert!(!out.contains("[x]") && !out.contains("**B**"), "{out}");
            }
            "slack" => assert!(!out.contains("<!here>"), "{out}"),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bugs.

#[test]
fn milestone_labels_from_cards_are_made_harmless() {
    let circle = Circle::new();
    let evil = "[win](http://evil.example) \u{1b}[31m @everyone \u{1b}]52;c;aGk=\u{7} <!channel>";
    let card = hand_card(
        Some("Eve"),
        Some("alcohol"),
        5,
        Some(evil),
        Some((evil, "2026-11-26", 1)),
    );
    let other = hand_card(
        Some("Fay"),
        Some("alcohol"),
        5,
        None,
        Some((evil, "2026-11-26", 1)),
    );
    circle.file("evil.json", &format!("{card}{other}"));
    for style in ["plain", "markdown", "slack", "discord", "sms"] {
        for extra in [&[][..], &["--upcoming", "7d"][..]] {
            let out = circle.ok(&[&["evil.json", "--style", style][..], extra].concat());
            assert!(
                !out.chars().any(|c| c.is_control() && c != '\n'),
                "{style} {extra:?}: control characters in {out:?}"
            );
            match style {
                "markdown" | "discord" => {
                    assert!(!out.contains("[win]"), "{style} {extra:?}: link in {out}");
                    assert!(!out.contains("]("), "{style} {extra:?}: link in {out}");
                }
                "slack" => assert!(!out.contains("<!channel>"), "{style} {extra:?}: {out}"),
                _ => {}
            }
            if style == "discord" || style == "slack" {
                assert!(
                    !out.contains("@everyone"),
                    "{style} {extra:?}: ping in {out}"
                );
            }
        }
    }
}

#[test]
fn a_discreet_members_cards_for_several_trackers_are_all_kept() {
    let circle = Circle::new();
    let journal = format!(
        "{}\n[[tracker]]\nname = \"gambling\"\nsince = 2026-05-25\n",
        CONTRACT_EXAMPLE
    );
    let cards = share_card(&journal, &["--name", "Sam", "--discreet"]);
    assert_eq!(json(&cards).as_array().map(Vec::len), Some(2));
    circle.file("sam.json", &cards);
    // Both cards come from one `share` on one day: neither is a duplicate of the other.
    assert_eq!(
        circle.ok(&["sam.json"]),
        "🤝 Our circle, 2026-11-25\n\
         🎉 Sam: 6 months strong today!\n\
         🌱 Sam: 256 days strong, next up: 9 months.\n\
         💛 Every day counts. Thank you for being here.\n"
    );
}

#[test]
fn day_zero_is_spoken_of_as_a_beginning_not_as_zero() {
    let circle = Circle::new();
    let reset = format!(
        "{CONTRACT_EXAMPLE}\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"reset\"\n"
    );
    circle.file("sam.json", &share_card(&reset, &["--name", "Sam"]));
    circle.file(
        "ana.json",
        &share_card(
            &tracker_since("smoking", "2026-11-25"),
            &["--discreet", "--name", "Ana"],
        ),
    );
    for style in ["plain", "markdown", "slack", "discord", "sms"] {
        let out = circle.ok(&["sam.json", "ana.json", "--style", style]);
        assert!(out.contains("Sam") && out.contains("Ana"), "{out}");
        assert!(
            !out.contains(" 0 days") && !out.contains("*0 days"),
            "{style}: {out}"
        );
    }
}

#[test]
fn sms_names_everyone_in_the_circle() {
    let (circle, files) = group();
    let out = circle.ok(&[&files[..], &["--style", "sms"]].concat());
    assert_eq!(out.lines().count(), 1, "{out:?}");
    assert!(out.trim_end().chars().count() <= 160, "{out:?}");
    for name in ["Ana", "Cam", "Bea", "Eli", "Sam", "zed", "friend"] {
        assert!(out.contains(name), "{name} left out of {out:?}");
    }
}
