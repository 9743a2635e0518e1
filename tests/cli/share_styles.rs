//! `milestone share` in every style (plain, markdown, slack, discord, sms, json) for every kind
//! of day, pinned as snapshots; private text never leaving in any style or template; hostile
//! note text made harmless for each destination; `--discreet`; share templates.
//!
//! Every test runs on 2026-11-25 (see `common::TODAY`) with `--config` pointing at
//! `config.toml` beside the journal, which exists only when the test writes one.

use std::fmt::Write as _;
use std::fs;

use crate::common::{CONTRACT_EXAMPLE, TestJournal, json, run_fails};

/// Every style `share --style` takes, in the order the snapshots list them.
const STYLES: [&str; 6] = ["plain", "markdown", "slack", "discord", "sms", "json"];

/// `share`'s cap on a person's note (`src/share/mod.rs` MAX_NOTE_CHARS).
const MAX_NOTE_CHARS: usize = 200;

/// The zero-width space the chat styles put after `@` and formatting characters.
const ZWSP: char = '\u{200b}';

/// `text` as a TOML basic string, quotes included.
fn toml_str(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                write!(out, "\\u{:04X}", c as u32).unwrap();
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One `[[entry]]` table.
fn entry(date: &str, tracker: &str, kind: &str, text: Option<&str>, private: bool) -> String {
    let mut out =
        format!("\n[[entry]]\ndate = {date}\ntracker = \"{tracker}\"\nkind = \"{kind}\"\n");
    if let Some(text) = text {
        writeln!(out, "text = {}", toml_str(text)).unwrap();
    }
    if private {
        out.push_str("private = true\n");
    }
    out
}

/// A journal with `trackers` (name, since) and then `entries`.
fn journal(trackers: &[(&str, &str)], entries: &[String]) -> TestJournal {
    let mut text = String::from("version = 1\n");
    for (name, since) in trackers {
        write!(text, "\n[[tracker]]\nname = \"{name}\"\nsince = {since}\n").unwrap();
    }
    for e in entries {
        text.push_str(e);
    }
    TestJournal::with(&text)
}

/// CONTRACT_EXAMPLE plus `entries`.
fn example_with(entries: &[String]) -> TestJournal {
    let mut text = CONTRACT_EXAMPLE.to_owned();
    for e in entries {
        text.push_str(e);
    }
    TestJournal::with(&text)
}

/// Writes the settings file the journal's commands read.
fn settings(journal: &TestJournal, text: &str) {
    let path = journal.env().settings_file();
    fs::create_dir_all(path.parent().unwrap()).expect("make the settings folder");
    fs::write(path, text).expect("write settings");
}

/// The trackers of this file's journals.
const NAMES: [&str; 3] = ["alcohol", "smoking", "gambling"];

/// `milestone share ARGS` with the settings in their default place: success, no stderr; stdout.
fn share(journal: &TestJournal, args: &[&str]) -> String {
    let mut all = vec!["share"];
    all.extend_from_slice(args);
    // These journals' trackers are all shareable: with none named, share every one of them.
    if !args.iter().any(|a| NAMES.contains(a)) {
        all.push("--all");
    }
    journal.ok(&all)
}

/// `share --style S ARGS` for every style, each under a heading, for one snapshot.
fn every_style(journal: &TestJournal, args: &[&str]) -> String {
    let mut out = String::new();
    for style in STYLES {
        let mut all = vec!["--style", style];
        all.extend_from_slice(args);
        let text = share(journal, &all);
        write!(out, "----- {style} -----\n{text}").unwrap();
    }
    out
}

/// Each style's output on its own, for assertions.
fn styles(journal: &TestJournal, args: &[&str]) -> Vec<(&'static str, String)> {
    STYLES
        .iter()
        .map(|style| {
            let mut all = vec!["--style", style];
            all.extend_from_slice(args);
            (*style, share(journal, &all))
        })
        .collect()
}

/// Asserts the invariants every share text keeps: ends with a newline, no control characters
/// but line breaks, and sms is one line of at most 160 characters.
#[track_caller]
fn well_formed(style: &str, text: &str) {
    assert!(text.ends_with('\n'), "{style}: no final newline: {text:?}");
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(
        bad.is_empty(),
        "{style}: control characters {bad:?} in {text:?}"
    );
    if style == "sms" {
        assert_eq!(text.lines().count(), 1, "sms: one line: {text:?}");
        assert!(fits_one_sms(text), "sms: more than one message: {text:?}");
    }
    if style == "json" {
        json(text);
    }
}

// ---------------------------------------------------------------------------------------------
// The journals: one for each kind of day, all seen on 2026-11-25.

/// 6 months (184 days) today: alcohol since 2026-05-25, with a public check-in today.
fn milestone_today() -> TestJournal {
    journal(
        &[("alcohol", "2026-05-25")],
        &[entry(
            "2026-11-25",
            "alcohol",
            "checkin",
            Some("Cake at the meeting"),
            false,
        )],
    )
}

/// 256 days, nothing special: the contract's example.
fn ordinary_day() -> TestJournal {
    TestJournal::with(CONTRACT_EXAMPLE)
}

/// An ordinary day with a win and a check-in logged today.
fn win_today() -> TestJournal {
    example_with(&[
        entry(
            "2026-11-25",
            "alcohol",
            "win",
            Some("Got my licence back"),
            false,
        ),
        entry(
            "2026-11-25",
            "alcohol",
            "checkin",
            Some("Coffee with my sponsor"),
            false,
        ),
    ])
}

/// A reset 3 days ago (2026-11-22), which makes today the "3 days" milestone.
fn three_days_after_reset() -> TestJournal {
    example_with(&[entry(
        "2026-11-22",
        "alcohol",
        "reset",
        Some("rough night"),
        false,
    )])
}

/// A reset 4 days ago (2026-11-21): no milestone today.
fn four_days_after_reset() -> TestJournal {
    example_with(&[entry(
        "2026-11-21",
        "alcohol",
        "reset",
        Some("rough night"),
        false,
    )])
}

/// A reset today: day 0 of the new streak.
fn reset_today() -> TestJournal {
    example_with(&[entry(
        "2026-11-25",
        "alcohol",
        "reset",
        Some("rough night"),
        false,
    )])
}

/// A tracker started today: day 0.
fn new_tracker() -> TestJournal {
    journal(&[("smoking", "2026-11-25")], &[])
}

/// Three trackers: an ordinary day (alcohol, 256 days), a milestone (gambling, 6 months) and
/// day 0 (smoking).
fn several_trackers() -> TestJournal {
    journal(
        &[
            ("alcohol", "2026-03-14"),
            ("gambling", "2026-05-25"),
            ("smoking", "2026-11-25"),
        ],
        &[],
    )
}

// ---------------------------------------------------------------------------------------------
// Every style for every kind of day.

#[test]
fn snapshot_milestone_today() {
    insta::assert_snapshot!("milestone_today", every_style(&milestone_today(), &[]));
}

#[test]
fn snapshot_milestone_today_without_emoji() {
    insta::assert_snapshot!(
        "milestone_today_no_emoji",
        every_style(&milestone_today(), &["--no-emoji"])
    );
}

#[test]
fn snapshot_ordinary_day() {
    insta::assert_snapshot!("ordinary_day", every_style(&ordinary_day(), &[]));
}

#[test]
fn snapshot_win_today_without_notes() {
    insta::assert_snapshot!("win_today", every_style(&win_today(), &[]));
}

#[test]
fn snapshot_win_today_with_notes() {
    insta::assert_snapshot!(
        "win_today_with_notes",
        every_style(&win_today(), &["--with-notes"])
    );
}

#[test]
fn snapshot_three_days_after_a_reset() {
    insta::assert_snapshot!(
        "three_days_after_reset",
        every_style(&three_days_after_reset(), &[])
    );
}

#[test]
fn snapshot_four_days_after_a_reset() {
    insta::assert_snapshot!(
        "four_days_after_reset",
        every_style(&four_days_after_reset(), &[])
    );
}

#[test]
fn snapshot_reset_today() {
    insta::assert_snapshot!("reset_today", every_style(&reset_today(), &[]));
}

#[test]
fn snapshot_day_zero_of_a_new_tracker() {
    insta::assert_snapshot!("new_tracker_day_zero", every_style(&new_tracker(), &[]));
}

#[test]
fn snapshot_several_trackers() {
    insta::assert_snapshot!("several_trackers", every_style(&several_trackers(), &[]));
}

#[test]
fn snapshot_several_trackers_named_without_emoji_from_settings() {
    let journal = several_trackers();
    settings(&journal, "emoji = false\n");
    insta::assert_snapshot!(
        "several_trackers_named_no_emoji_setting",
        every_style(&journal, &["--name", "Sam"])
    );
}

#[test]
fn snapshot_discreet_days() {
    let mut out = String::new();
    for (day, journal) in [
        ("milestone today", milestone_today()),
        ("3 days after a reset", three_days_after_reset()),
        ("reset today", reset_today()),
        ("day 0 of a new tracker", new_tracker()),
        ("several trackers", several_trackers()),
    ] {
        write!(
            out,
            "===== {day} =====\n{}",
            every_style(&journal, &["--discreet", "--name", "Sam"])
        )
        .unwrap();
    }
    insta::assert_snapshot!("discreet", out);
}

#[test]
fn snapshot_named_ordinary_day() {
    insta::assert_snapshot!(
        "ordinary_day_named",
        every_style(&ordinary_day(), &["--name", "Sam"])
    );
}

#[test]
fn snapshot_named_day_zero_and_reset_today() {
    let mut out = every_style(&new_tracker(), &["--name", "Sam"]);
    out.push_str(&every_style(&reset_today(), &["--name", "Sam"]));
    insta::assert_snapshot!("day_zero_and_reset_today_named", out);
}

// ---------------------------------------------------------------------------------------------
// Names: --name, the settings name, --anonymous.

#[test]
fn the_settings_name_is_used_and_anonymous_leaves_it_out_in_every_style() {
    let journal = ordinary_day();
    settings(&journal, "name = \"Robin\"\n");
    assert_eq!(
        share(&journal, &[]),
        "🌱 Robin: 256 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n"
    );
    assert_eq!(
        share(&journal, &["--name", "Sam"]),
        "🌱 Sam: 256 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n",
        "--name wins over the settings"
    );
    assert_eq!(
        json(&share(&journal, &["--style", "json"]))["name"],
        "Robin"
    );
    for (style, text) in styles(&journal, &["--anonymous"]) {
        well_formed(style, &text);
        assert!(!text.contains("Robin"), "{style}: {text}");
        if style == "json" {
            assert!(json(&text)["name"].is_null(), "{text}");
        }
    }
    insta::assert_snapshot!(
        "ordinary_day_anonymous_with_settings_name",
        every_style(&journal, &["--anonymous"])
    );
}

#[test]
fn a_blank_name_is_refused() {
    let journal = ordinary_day();
    let stderr = run_fails(journal.cmd(&["share", "--name", "   "]), 1);
    assert!(stderr.contains("--anonymous"), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// Exact texts for the words that matter most.

#[test]
fn exact_plain_texts_for_each_kind_of_day() {
    assert_eq!(
        share(&milestone_today(), &[]),
        "🎉 6 months alcohol-free today! That's 184 days, one day at a time.\n\
         Next up: 9 months on 25 Feb 2027, 92 days to go.\n"
    );
    assert_eq!(
        share(&three_days_after_reset(), &[]),
        "🎉 3 days alcohol-free today!\n\
         Next up: 1 week on 29 Nov, 4 days to go.\n"
    );
    // After a slip, the days that still count only when asked for.
    assert_eq!(
        share(&three_days_after_reset(), &["--with-total"]),
        "🎉 3 days alcohol-free today! Every day still counts: 255 days since 2026-03-14.\n\
         Next up: 1 week on 29 Nov, 4 days to go.\n"
    );
    assert_eq!(
        share(&four_days_after_reset(), &[]),
        "🌱 4 days alcohol-free.\n\
         Next up: 1 week on 28 Nov, 3 days to go.\n"
    );
    assert_eq!(
        share(&new_tracker(), &["--style", "sms"]),
        "Day one of being smoking-free. Next up: 1 day, tomorrow.\n"
    );
    let card = json(&share(
        &milestone_today(),
        &["--style", "json", "--name", "Sam"],
    ));
    assert_eq!(
        card,
        serde_json::json!({
            "version": 2,
            "name": "Sam", "tracker": "alcohol", "date": "2026-11-25", "days": 184,
            "milestone": "6 months",
            "next_milestone": {"label": "9 months", "date": "2027-02-25", "days_left": 92},
            "start": "2026-05-25", "phrase": "alcohol-free",
            // Every milestone in the 366 days after the card's date, oldest first.
            "upcoming": [
                {"label": "9 months", "date": "2027-02-25"},
                {"label": "1 year", "date": "2027-05-25"},
                {"label": "18 months", "date": "2027-11-25"}
            ]
        })
    );
}

#[test]
fn a_reset_today_says_every_day_counts_with_the_total_in_every_text_style() {
    for (style, text) in styles(&reset_today(), &["--with-total"]) {
        well_formed(style, &text);
        if style == "json" {
            let card = json(&text);
            assert_eq!(card["days"], 0);
            assert!(card["milestone"].is_null());
            continue;
        }
        assert!(text.contains("Starting again today"), "{style}: {text}");
        assert!(text.contains("Every day still counts"), "{style}: {text}");
        assert!(
            text.contains("256 days since 2026-03-14"),
            "{style}: {text}"
        );
        assert!(!text.contains("0 days"), "{style}: {text}");
        assert!(
            !text.contains("rough night"),
            "a reset's note: {style}: {text}"
        );
    }
}

#[test]
fn emoji_are_on_by_default_and_off_with_the_flag_or_the_setting() {
    let journal = milestone_today();
    assert!(share(&journal, &[]).starts_with("🎉 "));
    for (style, text) in styles(&journal, &["--no-emoji"]) {
        assert!(
            !text.contains('🎉') && !text.contains('🌱'),
            "{style}: {text}"
        );
    }
    settings(&journal, "emoji = false\n");
    for (style, text) in styles(&journal, &["--with-notes"]) {
        assert!(
            !text.contains('🎉') && !text.contains('📝'),
            "{style}: {text}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Private entries never leave the journal.

const SECRET: &str = "ZEBRAQUARTZ";

/// A milestone day with a private check-in and a private win carrying SECRET, beside public ones.
fn private_day() -> TestJournal {
    journal(
        &[("alcohol", "2026-05-25"), ("smoking", "2026-11-01")],
        &[
            entry(
                "2026-11-25",
                "alcohol",
                "checkin",
                Some(&format!("{SECRET} checkin: argued with Dad")),
                true,
            ),
            entry(
                "2026-11-25",
                "alcohol",
                "win",
                Some(&format!("{SECRET} win: told my boss")),
                true,
            ),
            entry(
                "2026-11-25",
                "smoking",
                "checkin",
                Some(&format!("{} checkin", SECRET.to_lowercase())),
                true,
            ),
            entry(
                "2026-11-25",
                "alcohol",
                "checkin",
                Some("Public words"),
                false,
            ),
            entry("2026-11-25", "smoking", "win", Some("A public win"), false),
        ],
    )
}

#[test]
fn a_private_entry_never_appears_in_any_style() {
    let journal = private_day();
    let mut runs = 0;
    for tracker in [None, Some("alcohol"), Some("smoking")] {
        for flags in [
            &[][..],
            &["--with-notes"][..],
            &["--with-notes", "--discreet"][..],
            &["--with-notes", "--name", "Sam", "--no-emoji"][..],
        ] {
            let mut args: Vec<&str> = flags.to_vec();
            args.extend(tracker);
            for (style, text) in styles(&journal, &args) {
                runs += 1;
                well_formed(style, &text);
                assert!(
                    !text.to_lowercase().contains(&SECRET.to_lowercase()),
                    "{style} {args:?} leaked a private entry: {text}"
                );
                assert!(!text.contains("Dad") && !text.contains("boss"), "{text}");
            }
        }
    }
    assert_eq!(runs, 3 * 4 * 6);
    // Not vacuous: the public words are there with --with-notes.
    let plain = share(&journal, &["--with-notes"]);
    assert!(plain.contains("Public words"), "{plain}");
    assert!(plain.contains("A public win"), "{plain}");
}

#[test]
fn a_private_entry_never_appears_in_a_template() {
    let journal = private_day();
    settings(
        &journal,
        "[templates]\n\
         notes = \"{{ days }} {{ win }} {{ notes }} {% for n in notes %}<{{ n }}>{% endfor %}\"\n\
         dump = \"{{ win|string }} {{ notes|string }} {{ notes|join(', ') }}\"\n",
    );
    for template in ["notes", "dump"] {
        for extra in [&[][..], &["--with-notes"][..]] {
            let mut args = vec!["--template", template];
            args.extend_from_slice(extra);
            let text = share(&journal, &args);
            well_formed("template", &text);
            assert!(
                !text.to_lowercase().contains(&SECRET.to_lowercase()),
                "template {template} {extra:?} leaked: {text}"
            );
            if !extra.is_empty() {
                assert!(text.contains("Public words"), "{text}");
            } else {
                assert!(
                    !text.contains("Public words"),
                    "notes without --with-notes: {text}"
                );
            }
        }
    }
}

#[test]
fn a_private_win_is_not_shown_even_when_it_is_the_only_win() {
    let journal = example_with(&[entry(
        "2026-11-25",
        "alcohol",
        "win",
        Some(&format!("{SECRET} quietly proud")),
        true,
    )]);
    for (style, text) in styles(&journal, &["--with-notes"]) {
        well_formed(style, &text);
        assert!(!text.contains(SECRET), "{style}: {text}");
        assert!(!text.contains("quietly"), "{style}: {text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile text from the journal.

const HOSTILE: &str = "\u{1b}[31mred\u{1b}[0m \u{1b}]52;c;SGVsbG8=\u{7} \
[click](http://evil.example) **bold** @everyone @here <@123> <!channel> <http://x|y> \
`code` # heading\nline two\r\n- item\u{202e}";

fn hostile_day() -> TestJournal {
    example_with(&[
        entry("2026-11-25", "alcohol", "checkin", Some(HOSTILE), false),
        entry("2026-11-25", "alcohol", "win", Some(HOSTILE), false),
    ])
}

#[track_caller]
fn no_raw(style: &str, text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(
            !text.contains(needle),
            "{style}: {needle:?} got through: {text:?}"
        );
    }
}

#[track_caller]
fn has(style: &str, text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(
            text.contains(needle),
            "{style}: expected {needle:?} in {text:?}"
        );
    }
}

#[test]
fn hostile_notes_are_made_harmless_in_every_style() {
    let journal = hostile_day();
    for (style, text) in styles(&journal, &["--with-notes"]) {
        well_formed(style, &text);
        assert!(
            !text.contains('\u{202e}'),
            "{style}: bidi override: {text:?}"
        );
        // The note's line breaks are folded: it never starts a line of its own.
        for line in text.lines() {
            assert!(
                !line.starts_with("line two") && !line.starts_with("- item"),
                "{style}: {text:?}"
            );
        }
        match style {
            "plain" => {
                // Plain text is shown as written, minus the control characters.
                has(
                    style,
                    &text,
                    &["🏆 Today's win: red [click](http://evil.example)"],
                );
                has(style, &text, &["# heading line two - item"]);
            }
            "markdown" => {
                has(
                    style,
                    &text,
                    &[
                        r"\[click\]\(http://evil.example\)",
                        r"\*\*bold\*\*",
                        r"\`code\`",
                        r"\<\@123\>",
                        r"\<!channel\>",
                        // Folded into one line, a '#' is no longer at a line start.
                        "# heading line two - item",
                    ],
                );
                no_raw(
                    style,
                    &text,
                    &["[click]", "](", "**bold**", "`code`", "<@123>"],
                );
            }
            "discord" => {
                has(
                    style,
                    &text,
                    &[
                        r"\[click\]\(http://evil.example\)",
                        r"\*\*bold\*\*",
                        &format!("@{ZWSP}everyone"),
                        &format!("@{ZWSP}here"),
                        &format!(r"\<\@{ZWSP}123\>"),
                    ],
                );
                no_raw(
                    style,
                    &text,
                    &[
                        "@everyone",
                        "@here",
                        "<@123>",
                        "[click]",
                        "](",
                        "**bold**",
                        "`code`",
                    ],
                );
            }
            "slack" => {
                has(
                    style,
                    &text,
                    &[
                        "&lt;!channel&gt;",
                        "&lt;http://x|y&gt;",
                        &format!("&lt;@{ZWSP}123&gt;"),
                        &format!("@{ZWSP}everyone"),
                        &format!("`{ZWSP}code`{ZWSP}"),
                    ],
                );
                assert!(
                    !text.contains('<') && !text.contains('>'),
                    "slack: {text:?}"
                );
                no_raw(style, &text, &["@everyone", "@here", "**", "`code`"]);
            }
            "sms" => {
                // One line, at most 160 characters: checked by well_formed.
            }
            "json" => {
                // A card carries no notes at all.
                no_raw(style, &text, &["evil", "click", "everyone", "red"]);
            }
            _ => unreachable!(),
        }
    }
}

#[test]
fn a_hostile_name_is_made_harmless_in_every_style() {
    let journal = ordinary_day();
    let name = "\u{1b}[2J**Sam** @everyone [x](http://evil.example)\n# big";
    for (style, text) in styles(&journal, &["--name", name]) {
        well_formed(style, &text);
        match style {
            "markdown" | "discord" => no_raw(style, &text, &["**Sam**", "[x]", "](", "\n# big"]),
            "slack" => no_raw(style, &text, &["**Sam**", "@everyone"]),
            _ => {}
        }
        if style == "discord" {
            no_raw(style, &text, &["@everyone"]);
        }
    }
}

#[test]
fn a_long_note_and_win_are_capped_in_every_style() {
    let long = "q".repeat(10_000);
    let words = "word ".repeat(2_000);
    let journal = example_with(&[
        entry("2026-11-25", "alcohol", "checkin", Some(&long), false),
        entry("2026-11-25", "alcohol", "win", Some(&words), false),
    ]);
    for (style, text) in styles(&journal, &["--with-notes"]) {
        well_formed(style, &text);
        let qs = text.chars().filter(|c| *c == 'q').count();
        assert!(
            qs <= MAX_NOTE_CHARS,
            "{style}: {qs} of the note's characters"
        );
        let words = text.matches("word").count();
        assert!(
            words * 5 <= MAX_NOTE_CHARS + 5,
            "{style}: {words} words of the win"
        );
        assert!(
            text.chars().count() < 1_000,
            "{style}: {} chars",
            text.len()
        );
        if style != "json" && style != "sms" {
            assert!(
                text.contains('…'),
                "{style}: a cut note ends with …: {text}"
            );
        }
    }
    let plain = share(&journal, &["--with-notes"]);
    // The note shares the win's line (one tracker's message is at most three lines).
    assert_eq!(plain.lines().count(), 3, "{plain}");
    let win_line = plain.lines().find(|l| l.starts_with("🏆")).unwrap();
    assert!(
        win_line.ends_with(&format!(" · Notes: {}…", "q".repeat(MAX_NOTE_CHARS - 1))),
        "{win_line}"
    );
}

#[test]
fn a_template_cannot_carry_control_characters_or_line_breaks_from_a_note() {
    let journal = hostile_day();
    settings(
        &journal,
        "[templates]\nnotes = \"{{ win }} | {% for n in notes %}{{ n }}{% endfor %}\"\n",
    );
    let text = share(&journal, &["--template", "notes", "--with-notes"]);
    well_formed("template", &text);
    assert_eq!(text.lines().count(), 1, "{text:?}");
}

// ---------------------------------------------------------------------------------------------
// --discreet never names what is tracked.

#[test]
fn discreet_never_names_what_is_tracked_in_any_style() {
    let notes = [
        entry(
            "2026-11-25",
            "alcohol",
            "checkin",
            Some("A good day"),
            false,
        ),
        entry("2026-11-25", "alcohol", "win", Some("Slept well"), false),
    ];
    let days = [
        (
            "milestone today",
            journal(&[("alcohol", "2026-05-25")], &notes),
        ),
        ("ordinary day", example_with(&notes)),
        ("3 days after a reset", {
            let mut e = notes.to_vec();
            e.push(entry("2026-11-22", "alcohol", "reset", None, false));
            example_with(&e)
        }),
        ("reset today", {
            let mut e = notes.to_vec();
            e.push(entry("2026-11-25", "alcohol", "reset", None, false));
            example_with(&e)
        }),
        ("new tracker", new_tracker()),
        ("several trackers", several_trackers()),
    ];
    for (day, journal) in &days {
        for flags in [
            &["--discreet"][..],
            &["--discreet", "--with-notes", "--name", "Sam"][..],
            &["--discreet", "--no-emoji", "--anonymous"][..],
        ] {
            for (style, text) in styles(journal, flags) {
                well_formed(style, &text);
                let lower = text.to_lowercase();
                for tracker in ["alcohol", "gambling", "smoking", "-free"] {
                    assert!(
                        !lower.contains(tracker),
                        "{day}, {style} {flags:?} names {tracker:?}: {text}"
                    );
                }
                if style == "json" {
                    let value = json(&text);
                    let cards = match value.as_array() {
                        Some(cards) => cards.clone(),
                        None => vec![value],
                    };
                    for card in cards {
                        assert!(card["tracker"].is_null(), "{day}: {card}");
                        assert!(card["days"].is_number(), "{day}: {card}");
                    }
                }
            }
        }
    }
    assert_eq!(
        share(&ordinary_day(), &["--discreet"]),
        "🌱 256 days strong.\nNext up: 9 months on 14 Dec, 19 days to go.\n"
    );
}

// ---------------------------------------------------------------------------------------------
// Templates.

const TEMPLATES: &str = r#"[templates]
meeting = "{{ name }}: {{ days }} days {{ tracker }}-free"
all = "{{ name }}|{{ tracker }}|{{ days }}|{{ total_days }}|{{ elapsed_days }}|{{ longest_days }}|{{ resets }}|{{ checkin_streak }}|{{ date }}|{{ start }}|{{ since }}|{{ milestone }}|{{ next_milestone }}|{{ next_milestone_date }}|{{ days_left }}|{{ win }}|{{ notes|join('; ') }}"
typo = "{{ name }} {{ dayz }}"
broken = "{{ name "
tracked = "{{ days }} days {{ tracker }}-free"
"#;

fn templated(journal: TestJournal) -> TestJournal {
    settings(&journal, TEMPLATES);
    journal
}

#[test]
fn the_contracts_example_template() {
    let journal = templated(ordinary_day());
    assert_eq!(
        share(&journal, &["--template", "meeting", "--name", "Sam"]),
        "Sam: 256 days alcohol-free\n"
    );
}

#[test]
fn the_contracts_example_template_reads_well_without_a_name() {
    let journal = ordinary_day();
    settings(
        &journal,
        &format!(
            "name = \"Sam\"\n{TEMPLATES}greet = \"{{% if name %}}Hi from {{{{ name }}}}. {{% endif %}}{{{{ days }}}} days\"\n"
        ),
    );
    assert_eq!(
        share(&journal, &["--template", "meeting"]),
        "Sam: 256 days alcohol-free\n"
    );
    assert_eq!(
        share(&journal, &["--template", "meeting", "--anonymous"]),
        "256 days alcohol-free\n"
    );
    assert_eq!(
        share(&journal, &["--template", "greet"]),
        "Hi from Sam. 256 days\n"
    );
    assert_eq!(
        share(&journal, &["--template", "greet", "--anonymous"]),
        "256 days\n"
    );
}

#[test]
fn a_template_with_every_variable_renders_exactly() {
    // Three days after a reset (the "3 days" milestone), with a win and a check-in today.
    let journal = templated(example_with(&[
        entry("2026-11-22", "alcohol", "reset", Some("rough night"), false),
        entry(
            "2026-11-25",
            "alcohol",
            "win",
            Some("Got my licence back"),
            false,
        ),
        entry(
            "2026-11-25",
            "alcohol",
            "checkin",
            Some("Called my sponsor"),
            false,
        ),
        entry("2026-11-25", "alcohol", "checkin", Some("Walked"), false),
    ]));
    assert_eq!(
        share(
            &journal,
            &["--template", "all", "--name", "Sam", "--with-notes"]
        ),
        "Sam|alcohol|3|255|256|253|1|4|2026-11-25|2026-11-22|2026-03-14|3 days|1 week|\
         2026-11-29|4|Got my licence back|Called my sponsor; Walked\n"
    );
}

#[test]
fn a_template_is_rendered_once_per_tracker() {
    let journal = templated(several_trackers());
    assert_eq!(
        share(&journal, &["--template", "tracked"]),
        "256 days alcohol-free\n184 days gambling-free\n0 days smoking-free\n"
    );
}

#[test]
fn an_undefined_variable_is_an_error_naming_the_template() {
    let journal = templated(ordinary_day());
    let stderr = journal.fails(1, &["share", "--template", "typo"]);
    assert!(stderr.contains("`typo`"), "{stderr}");
    assert!(stderr.contains("dayz"), "{stderr}");
    assert!(
        stderr.contains("days_left"),
        "lists the variables: {stderr}"
    );
}

#[test]
fn a_mistake_in_a_template_is_located_at_its_line_of_the_settings_file() {
    let journal = ordinary_day();
    settings(
        &journal,
        "name = \"Sam\"\n\n# Templates for the Tuesday meeting.\n\n[templates]\n\
         tracked = \"{{ days }} days {{ tracker }}-free\"\n\
         later = \"\"\"\nfirst line\n  then {{ dayz }}\"\"\"\n",
    );
    let file = journal.env().settings_file();
    let variables = "the variables are name, tracker, phrase, days, total_days, elapsed_days, \
        longest_days, resets, checkin_streak, date, start, since, milestone, next_milestone, \
        next_milestone_date, days_left, win, notes";
    assert_eq!(
        journal.fails(1, &["share", "--template", "tracked", "--discreet"]),
        format!(
            "error: {}:6:31: share template `tracked`: `tracker` is undefined; with --discreet \
             `tracker` and `phrase` are not available; {variables}\n",
            file.display()
        )
    );
    // In a multi-line string, the line within the template counts too.
    assert_eq!(
        journal.fails(1, &["share", "--template", "later"]),
        format!(
            "error: {}:9:11: share template `later`: `dayz` is undefined; {variables}\n",
            file.display()
        )
    );
}

#[test]
fn a_syntax_error_is_an_error_naming_the_template() {
    let journal = templated(ordinary_day());
    let stderr = journal.fails(1, &["share", "--template", "broken"]);
    assert!(stderr.contains("`broken`"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn tracker_in_a_template_is_an_error_when_discreet() {
    let journal = templated(ordinary_day());
    let stderr = journal.fails(1, &["share", "--template", "tracked", "--discreet"]);
    assert!(stderr.contains("`tracked`"), "{stderr}");
    assert!(stderr.contains("--discreet"), "{stderr}");
    assert!(!stderr.contains("alcohol"), "{stderr}");
}

#[test]
fn an_unknown_template_lists_the_known_ones() {
    let journal = templated(ordinary_day());
    let stderr = journal.fails(1, &["share", "--template", "nope"]);
    assert!(stderr.contains("nope"), "{stderr}");
    for known in ["meeting", "all", "typo", "broken", "tracked"] {
        assert!(stderr.contains(known), "{known} missing: {stderr}");
    }
    // With no templates at all, it says how to add one.
    let bare = ordinary_day();
    let stderr = bare.fails(1, &["share", "--template", "meeting"]);
    assert!(stderr.contains("[templates]"), "{stderr}");
}

#[test]
fn template_and_style_together_are_a_usage_error() {
    let journal = templated(ordinary_day());
    let stderr = journal.fails(2, &["share", "--template", "meeting", "--style", "slack"]);
    assert!(stderr.contains("--style"), "{stderr}");
}

#[test]
fn a_runaway_template_is_stopped_with_an_error_naming_it() {
    let journal = ordinary_day();
    settings(
        &journal,
        "[templates]\nspin = \"{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}\"\n",
    );
    let stderr = journal.fails(1, &["share", "--template", "spin"]);
    assert!(stderr.contains("`spin`"), "{stderr}");
}

#[test]
fn a_template_without_a_name_never_prints_none() {
    let journal = templated(ordinary_day());
    let text = share(&journal, &["--template", "meeting", "--anonymous"]);
    assert!(
        !text.contains("None") && !text.contains("none"),
        "the contract's own template printed {text:?}"
    );
}

#[test]
fn sms_with_several_trackers_gives_each_trackers_news_and_ends_cleanly() {
    let journal = several_trackers();
    let plain = share(&journal, &["--style", "sms"]);
    let discreet = share(&journal, &["--style", "sms", "--discreet", "--name", "Sam"]);
    for text in [&plain, &discreet] {
        well_formed("sms", text);
        let line = text.trim_end();
        assert!(
            !line.ends_with('…'),
            "three trackers' news fits in 160 characters without cutting a sentence: {line:?}"
        );
        for news in ["256 days", "6 months", "Day one"] {
            assert!(line.contains(news), "{news:?} left out: {line:?}");
        }
    }
    for tracker in ["alcohol", "gambling", "smoking"] {
        assert!(plain.contains(tracker), "{tracker} left out: {plain:?}");
    }
}

/// One SMS, as a phone counts it: 160 characters of plain ASCII (a safe stand-in for GSM-7
/// here), else 70 UTF-16 units.
fn fits_one_sms(text: &str) -> bool {
    let text = text.trim_end_matches('\n');
    let forbidden_in_gsm = ['`', '\u{a0}'];
    if text.is_ascii() && !text.contains(forbidden_in_gsm) {
        text.len() <= 160
    } else {
        text.encode_utf16().count() <= 70
    }
}

#[test]
fn sms_fits_one_message_as_a_phone_counts_it() {
    // No emoji: one would make the phone send UCS-2, 70 characters instead of 160.
    let ordinary = share(&ordinary_day(), &["--style", "sms"]);
    assert_eq!(
        ordinary,
        "256 days alcohol-free. Next up: 9 months on 14 Dec, 19 days to go.\n"
    );
    let several = share(&several_trackers(), &["--style", "sms", "--name", "Sam"]);
    assert_eq!(
        several,
        "Sam: 6 months gambling-free today! - 256 days alcohol-free (next: 9 months in 19d) - Day one of being smoking-free (next: 1 day tomorrow)\n"
    );
    assert_eq!(several.trim_end().len(), 137);
    // A name outside GSM-7 makes the message UCS-2: it must fit 70 units, so it says less.
    let polish = share(&several_trackers(), &["--style", "sms", "--name", "Łucja"]);
    assert_eq!(
        polish,
        "Łucja: 6 months gambling-free today! - 256 days alcohol-free...\n"
    );
    assert_eq!(polish.trim_end().encode_utf16().count(), 63);
    for text in [&ordinary, &several, &polish] {
        well_formed("sms", text);
    }
}

#[test]
fn sms_with_notes_never_says_less_than_without() {
    let long_note = "A long talk with my sponsor about the months ahead, the wedding in June, and how to say no to a drink without making a scene";
    let journal = example_with(&[entry(
        "2026-11-25",
        "alcohol",
        "checkin",
        Some(long_note),
        false,
    )]);
    let without = share(&journal, &["--style", "sms"]);
    let with = share(&journal, &["--style", "sms", "--with-notes"]);
    assert_eq!(
        without,
        "256 days alcohol-free. Next up: 9 months on 14 Dec, 19 days to go.\n"
    );
    // The note does not fit one message, so the news goes alone rather than shortened.
    assert_eq!(with, without);
    // A short note fits and is added.
    let journal = example_with(&[entry(
        "2026-11-25",
        "alcohol",
        "checkin",
        Some("Quiet day"),
        false,
    )]);
    assert_eq!(
        share(&journal, &["--style", "sms", "--with-notes"]),
        "256 days alcohol-free. Next up: 9 months on 14 Dec, 19 days to go. Quiet day\n"
    );
}
