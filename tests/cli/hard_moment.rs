//! A hard moment: urges ridden out, pledges, reasons, people to call, and `sos`.

use crate::common::{TestJournal, json};

/// `alcohol` since 2026-03-14 at 12 a day; two wins (one private), five urges ridden out,
/// three pledges, two reasons and two people. Today (2026-11-25) is a Wednesday.
const HARD: &str = r#"# my journal
version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14
cost_per_day = 12

[[entry]]
id = "win0001"
date = 2026-06-14
tracker = "alcohol"
kind = "win"
text = "ran 5 km"

[[entry]]
id = "win0002"
date = 2026-10-02
tracker = "alcohol"
kind = "win"
text = "got my licence back"
private = true

[[entry]]
id = "urge001"
date = 2026-10-05
tracker = "alcohol"
kind = "urge"
intensity = 4
triggers = ["stress", "bank"]
text = "after the call with the bank"

[[entry]]
id = "urge002"
date = 2026-10-06
tracker = "alcohol"
kind = "urge"
triggers = ["Stress"]

[[entry]]
id = "urge003"
date = 2026-11-02
tracker = "alcohol"
kind = "urge"
triggers = ["party"]

[[entry]]
id = "urge004"
date = 2026-11-20
tracker = "alcohol"
kind = "urge"
intensity = 2

[[entry]]
id = "urge005"
date = 2026-11-24
tracker = "alcohol"
kind = "urge"
triggers = ["stress"]
text = "walked it off"

[[entry]]
id = "plg0001"
date = 2026-11-22
tracker = "alcohol"
kind = "pledge"

[[entry]]
id = "plg0002"
date = 2026-11-23
tracker = "alcohol"
kind = "pledge"

[[entry]]
id = "plg0003"
date = 2026-11-24
tracker = "alcohol"
kind = "pledge"
text = "just for today"

[[reason]]
text = "to be there for Mia"

[[reason]]
text = "to wake up clear"

[[contact]]
name = "Jo (sponsor)"
phone = "+44 7700 900123"

[[contact]]
name = "Mum"
phone = "+44 7700 900456"
"#;

/// HARD with a slip yesterday.
fn with_slip() -> String {
    format!(
        "{HARD}\n[[entry]]\nid = \"rst0001\"\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"reset\"\n"
    )
}

/// The id in a confirmation's last line: `To take it back: milestone rm ID`.
fn id_of(confirmation: &str) -> String {
    let last = confirmation.lines().last().unwrap();
    last.strip_prefix("To take it back: milestone rm ")
        .unwrap()
        .to_owned()
}

#[test]
fn urge_and_pledge_are_appended_listed_and_counted() {
    let j = TestJournal::empty();
    j.ok(&["start", "alcohol", "--since", "2026-03-14"]);
    let before = j.text();
    let out = j.ok(&[
        "urge",
        "after the call with the bank",
        "--intensity",
        "4",
        "--trigger",
        "stress",
        "--trigger",
        "bank",
        "--trigger",
        "stress",
    ]);
    let urge = id_of(&out);
    assert_eq!(
        out,
        format!(
            "Logged an urge ridden out for alcohol on 2026-11-25: day 256.\n\
             You rode it out. That is something to be proud of.\n\
             To take it back: milestone rm {urge}\n"
        )
    );
    // Appended: what was there stays an untouched prefix.
    assert!(j.text().starts_with(&before), "{}", j.text());
    assert!(
        j.text().ends_with(&format!(
            "\n[[entry]]\nid = \"{urge}\"\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"urge\"\ntext = \"after the call with the bank\"\nintensity = 4\ntriggers = [\"stress\", \"bank\"]\n"
        )),
        "{}",
        j.text()
    );
    let second = j.ok(&["urge", "--date", "yesterday", "-t", "Alcohol"]);
    assert_eq!(
        second.lines().nth(1),
        Some("You rode it out. That is something to be proud of.")
    );
    let third = j.ok(&["urge", "--private", "--trigger", "party", "a third one"]);
    assert_eq!(
        third.lines().nth(1),
        Some("You rode it out. That is something to be proud of.")
    );

    let out = j.ok(&["pledge", "--date", "yesterday"]);
    assert_eq!(
        out.lines().nth(1),
        Some("Just for today. That is all it takes.")
    );
    let out = j.ok(&["pledge", "no drinking today"]);
    let pledge = id_of(&out);
    assert_eq!(
        out,
        format!(
            "Logged a pledge for alcohol on 2026-11-25: day 256.\n\
             Just for today. That is all it takes.\n\
             To take it back: milestone rm {pledge}\n"
        )
    );

    let urges = json(&j.ok(&["list", "--kind", "urge", "--format", "json"]));
    assert_eq!(urges.as_array().unwrap().len(), 3);
    assert_eq!(
        urges[1],
        json(&format!(
            r#"{{"id": "{urge}", "date": "2026-11-25", "tracker": "alcohol", "kind": "urge",
                "text": "after the call with the bank", "mood": null, "tags": [],
                "private": false, "intensity": 4, "triggers": ["stress", "bank"]}}"#
        ))
    );
    let pledges = json(&j.ok(&["list", "--kind", "pledge", "--format", "json"]));
    let days: Vec<&str> = pledges
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["date"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2026-11-24", "2026-11-25"]);
    assert_eq!(pledges[1]["text"], "no drinking today");

    let streak = json(&j.ok(&["streak", "--format", "json"]));
    assert_eq!(
        (&streak[0]["pledge_streak"], &streak[0]["urges_30_days"]),
        (&json("2"), &json("3"))
    );
    assert!(j.ok(&["check"]).ends_with(": ok (1 tracker, 5 entries)\n"));
}

#[test]
fn a_bad_intensity_or_trigger_is_refused_and_nothing_is_written() {
    let j = TestJournal::with(HARD);
    let stderr = j.fails(2, &["urge", "--intensity", "7"]);
    assert!(
        stderr.starts_with(
            "error: invalid value '7' for '--intensity <1-5>': intensity is on a scale of 1 to 5 (1 mild, 5 overwhelming), not 7\n"
        ),
        "{stderr}"
    );
    let stderr = j.fails(2, &["urge", "--intensity", "x"]);
    assert!(
        stderr.contains("intensity is a whole number from 1 (mild) to 5 (overwhelming), not \"x\""),
        "{stderr}"
    );
    let stderr = j.fails(2, &["urge", "--trigger", " "]);
    assert!(
        stderr.starts_with(
            "error: invalid value ' ' for '--trigger <T>': a trigger needs at least one visible character and no control characters, such as --trigger stress\n"
        ),
        "{stderr}"
    );
    let stderr = j.fails(1, &["pledge", "--date", "2026-03-01"]);
    assert!(stderr.contains("is before alcohol started"), "{stderr}");
}

#[test]
fn check_reports_a_bad_intensity_at_its_line() {
    let text = HARD.replace("intensity = 2", "intensity = 9");
    let j = TestJournal::with(&text);
    let output = j.cmd(&["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let line = text.lines().position(|l| l == "intensity = 9").unwrap() + 1;
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "{}:{line}:13: intensity is on a scale of 1 to 5 (1 mild, 5 overwhelming), not 9\n",
            j.path.display()
        )
    );
    assert_eq!(j.text(), text);
    // Every writing command refuses it, too.
    j.fails(1, &["urge", "one more"]);
}

#[test]
fn streak_shows_the_pledge_streak_and_the_urges_of_the_last_30_days() {
    let j = TestJournal::with(HARD);
    assert_eq!(
        j.ok(&["streak"]),
        "\
alcohol  256 days
  current streak  256 days, since 2026-03-14
  longest streak  256 days
  total           256 days since 2026-03-14
  check-ins       none yesterday or today; `milestone add` logs one
  pledges         3 days in a row
  urges           3 urges ridden out in the last 30 days
  last milestone  6 months, reached 2026-09-14
  next milestone  9 months on 2026-12-14, in 19 days
"
    );
    let s = json(&j.ok(&["streak", "--format", "json"]));
    assert_eq!(s[0]["pledge_streak"], 3);
    // 27 Oct to 25 Nov: the urges of 2 Nov, 20 Nov and 24 Nov.
    assert_eq!(s[0]["urges_30_days"], 3);
    // 6 Oct to 4 Nov: the urges of 6 Oct and 2 Nov.
    let s = json(&j.ok(&["streak", "--format", "json", "--on", "2026-11-04"]));
    assert_eq!(
        (&s[0]["pledge_streak"], &s[0]["urges_30_days"]),
        (&json("0"), &json("2"))
    );
}

#[test]
fn report_counts_urges_by_month_weekday_and_trigger_and_the_pledges() {
    let j = TestJournal::with(HARD);
    let r = json(&j.ok(&["report", "--format", "json"]));
    assert_eq!(r[0]["urges_ridden_out"], 5);
    assert_eq!(r[0]["pledges"], 3);
    assert_eq!(
        r[0]["urges_by_month"],
        json(r#"[{"month": "2026-10", "urges": 2}, {"month": "2026-11", "urges": 3}]"#)
    );
    assert_eq!(
        r[0]["top_triggers"],
        json(
            r#"[{"trigger": "stress", "urges": 3}, {"trigger": "bank", "urges": 1},
                {"trigger": "party", "urges": 1}]"#
        )
    );
    let weekdays: Vec<(&str, u64)> = r[0]["urges_by_weekday"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["weekday"].as_str().unwrap(), d["urges"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        weekdays,
        [
            ("mon", 2),
            ("tue", 2),
            ("wed", 0),
            ("thu", 0),
            ("fri", 1),
            ("sat", 0),
            ("sun", 0)
        ]
    );

    let text = j.ok(&["report"]);
    let section = "\nUrges ridden out and pledges\n  5 urges ridden out, each one something to be proud of.\n  3 pledges made, one day at a time.\n  By month:\n    2026-10  2\n    2026-11  3\n  Most frequent triggers: stress (3), bank (1), party (1)\n  By weekday: Mon 2  Tue 2  Wed 0  Thu 0  Fri 1  Sat 0  Sun 0\n";
    assert!(text.contains(section), "{text}");
    let markdown = j.ok(&["report", "--format", "markdown"]);
    let section = "\n## Urges ridden out and pledges\n\n- 5 urges ridden out, each one something to be proud of.\n- 3 pledges made, one day at a time.\n- Most frequent triggers: stress (3), bank (1), party (1)\n\n| Month | Urges ridden out |\n| --- | ---: |\n| 2026-10 | 2 |\n| 2026-11 | 3 |\n\n| Mon | Tue | Wed | Thu | Fri | Sat | Sun |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n| 2 | 2 | 0 | 0 | 1 | 0 | 0 |\n";
    assert!(markdown.contains(section), "{markdown}");
    // A journal without urges or pledges reads as it always did.
    let plain = TestJournal::with(crate::common::CONTRACT_EXAMPLE);
    assert!(!plain.ok(&["report"]).contains("Urges"));
}

#[test]
fn share_never_mentions_urges_or_their_triggers() {
    let j = TestJournal::with(HARD);
    for style in ["plain", "markdown", "slack", "discord", "sms", "json"] {
        for on in ["2026-11-24", "2026-10-05"] {
            let out = j.ok(&["share", "--with-notes", "--style", style, "--on", on]);
            for secret in ["urge", "walked it off", "stress", "bank", "Stress"] {
                assert!(
                    !out.contains(secret),
                    "{style} on {on} says {secret:?}: {out}"
                );
            }
        }
    }
}

#[test]
fn export_and_import_carry_urges_pledges_reasons_and_contacts() {
    let j = TestJournal::with(HARD);
    let exported = j.ok(&["export"]);
    let value = json(&exported);
    assert_eq!(
        value["reasons"],
        json(r#"[{"text": "to be there for Mia"}, {"text": "to wake up clear"}]"#)
    );
    assert_eq!(
        value["contacts"][0],
        json(r#"{"name": "Jo (sponsor)", "phone": "+44 7700 900123"}"#)
    );
    assert_eq!(
        value["entries"][2]["triggers"],
        json(r#"["stress", "bank"]"#)
    );

    let copy = TestJournal::empty();
    let file = copy.folder().join("export.json");
    std::fs::write(&file, &exported).unwrap();
    assert_eq!(
        copy.ok(&["import", file.to_str().unwrap()]),
        "Added 1 tracker, 2 reasons, 2 contacts and 10 entries from a milestone JSON export.\n"
    );
    assert_eq!(copy.ok(&["export"]), exported);
    // Again: nothing new.
    assert_eq!(
        copy.ok(&["import", file.to_str().unwrap()]),
        "Added 0 trackers and 0 entries from a milestone JSON export (10 duplicates already in the journal, skipped).\n"
    );

    // CSV carries the urges' intensity and triggers (reasons and contacts live in JSON).
    let csv = j.ok(&["export", "--format", "csv"]);
    assert!(
        csv.starts_with(
            "kind,date,tracker,id,text,mood,tags,private,cost_per_day,intensity,triggers\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("\nurge,2026-10-05,alcohol,urge001,after the call with the bank,,,false,,4,stress;bank\n"),
        "{csv}"
    );
    let from_csv = TestJournal::empty();
    let file = from_csv.folder().join("export.csv");
    std::fs::write(&file, &csv).unwrap();
    from_csv.ok(&["import", file.to_str().unwrap()]);
    let mut without_people = value.clone();
    without_people["reasons"] = json("[]");
    without_people["contacts"] = json("[]");
    assert_eq!(json(&from_csv.ok(&["export"])), without_people);

    let markdown = j.ok(&["export", "--format", "markdown"]);
    for line in [
        "- 2026-10-05 urge ridden out (intensity 4) (triggers: stress, bank): after the call with the bank\n",
        "- 2026-11-24 pledge: just for today\n",
        "\n## My reasons\n\n- to be there for Mia\n- to wake up clear\n",
        "\n## People to call\n\n- Jo \\(sponsor\\): \\+44 7700 900123\n- Mum: \\+44 7700 900456\n",
    ] {
        assert!(markdown.contains(line), "{line:?} missing:\n{markdown}");
    }
}

#[test]
fn why_and_contact_add_and_list_keeping_the_rest_of_the_journal() {
    let j = TestJournal::with(crate::common::CONTRACT_EXAMPLE);
    assert_eq!(
        j.ok(&["why"]),
        "You have not written down a reason yet. Add one with: milestone why \"to be there for Mia\"\n"
    );
    assert_eq!(
        j.ok(&["contact"]),
        "No one yet. Add someone with: milestone contact \"Jo (sponsor)\" \"+44 7700 900123\"\n"
    );
    let before = j.text();
    assert_eq!(
        j.ok(&["why", "to", "be", "there", "for", "Mia"]),
        "Kept your reason. You have 1 reason now; `milestone sos` shows them when you need them.\n"
    );
    j.ok(&["why", "to wake up clear"]);
    let same = j.bytes();
    assert_eq!(
        j.ok(&["why", "to wake up clear"]),
        "That reason is already in your journal; nothing changed.\n"
    );
    assert_eq!(j.bytes(), same);
    assert_eq!(
        j.ok(&["contact", "Jo (sponsor)", "+44 7700 900123"]),
        "Added Jo (sponsor). `milestone sos` shows them when you need them.\n"
    );
    j.ok(&["contact", "Mum", "+44 7700 900456"]);
    assert_eq!(
        j.text(),
        format!(
            "{before}\n[[reason]]\ntext = \"to be there for Mia\"\n\n[[reason]]\ntext = \"to wake up clear\"\n\n[[contact]]\nname = \"Jo (sponsor)\"\nphone = \"+44 7700 900123\"\n\n[[contact]]\nname = \"Mum\"\nphone = \"+44 7700 900456\"\n"
        )
    );
    assert_eq!(
        j.ok(&["why"]),
        "Your reasons:\n  to be there for Mia\n  to wake up clear\n"
    );
    assert_eq!(
        j.ok(&["contact"]),
        "People to call:\n  Jo (sponsor)  +44 7700 900123\n  Mum           +44 7700 900456\n"
    );
    let stderr = j.fails(1, &["contact", "Mum", "+44 1"]);
    assert!(
        stderr.contains("Mum is already in your journal, with the number +44 7700 900456"),
        "{stderr}"
    );
    let stderr = j.fails(1, &["contact", "Sam", "call me"]);
    assert!(stderr.contains("a phone number is digits"), "{stderr}");
    j.fails(2, &["contact", "Sam"]);
    j.fails(1, &["why", " "]);
    // An entry appended after them still reads back (arrays of tables may interleave).
    j.ok(&["add", "after the reasons"]);
    assert!(j.ok(&["check"]).ends_with(": ok (1 tracker, 4 entries)\n"));
    assert_eq!(
        json(&j.ok(&["export"]))["reasons"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// Runs `sos` and checks what every sos screen must be: it writes nothing, fits 80x24, and
/// has no exclamation mark.
fn sos(j: &TestJournal, args: &[&str]) -> String {
    let before = j.bytes();
    let files = || {
        let mut names: Vec<_> = std::fs::read_dir(j.folder())
            .unwrap()
            .map(|f| f.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let files_before = files();
    let out = j.ok(&[&["sos"], args].concat());
    assert_eq!(j.bytes(), before, "sos changed the journal");
    assert_eq!(files(), files_before, "sos wrote beside the journal");
    assert!(
        out.lines().count() <= 23,
        "{} lines:\n{out}",
        out.lines().count()
    );
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    assert!(!out.contains('!'), "{out}");
    out
}

#[test]
fn sos_with_no_slip() {
    let j = TestJournal::with(HARD);
    let out = sos(&j, &[]);
    insta::assert_snapshot!("sos_no_slip", out);
    assert!(
        out.contains("got my licence back"),
        "the private win is shown: {out}"
    );
    assert!(out.contains("You have got through 5 urges."), "{out}");
    assert_eq!(sos(&j, &["alcohol"]), out);
    assert_eq!(sos(&j, &["-t", "ALCOHOL"]), out);
}

#[test]
fn sos_after_a_slip_yesterday() {
    let j = TestJournal::with(&with_slip());
    let out = sos(&j, &[]);
    insta::assert_snapshot!("sos_slip_yesterday", out);
}

#[test]
fn sos_on_a_bare_journal_still_offers_the_ways_through() {
    let j = TestJournal::with(
        "version = 1\n\n[[tracker]]\nname = \"self-harm\"\nsince = 2026-11-25\nphrase = \"safe\"\n",
    );
    assert_eq!(
        sos(&j, &[]),
        "\
Take a breath. You are here, and that counts.
Today is day one, safe. It counts.

People to call
  Think of one person you could call or text now.

Wait 15 minutes: a craving rises, peaks and passes.
Breathe slowly: in for 4, out for 6.
HALT: are you hungry, angry, lonely, tired? Then call someone.

If you are in danger, call your local emergency number now.
"
    );
}

#[test]
fn sos_with_no_journal_yet_still_offers_the_ways_through() {
    let j = TestJournal::empty();
    assert_eq!(
        sos_without_journal(&j),
        "\
Take a breath. You are here, and that counts.

People to call
  Think of one person you could call or text now.

Wait 15 minutes: a craving rises, peaks and passes.
Breathe slowly: in for 4, out for 6.
HALT: are you hungry, angry, lonely, tired? Then call someone.

If you are in danger, call your local emergency number now.
"
    );
    assert!(!j.path.exists(), "sos created a journal");
}

fn sos_without_journal(j: &TestJournal) -> String {
    let out = j.ok(&["sos"]);
    assert!(
        std::fs::read_dir(j.folder()).unwrap().next().is_none(),
        "sos wrote a file"
    );
    out
}

#[test]
fn completions_and_man_pages_know_the_new_commands() {
    // The scripts ask milestone at each Tab; ask it as fish's script does.
    let env = crate::common::TestEnv::new();
    let ask = |words: &[&str]| {
        let mut cmd = env.milestone();
        cmd.env("COMPLETE", "fish").arg("--").args(words);
        crate::common::run_ok(cmd)
    };
    let commands = ask(&["milestone", ""]);
    for command in ["urge", "pledge", "why", "contact", "sos"] {
        assert!(
            commands
                .lines()
                .any(|l| l.split('\t').next() == Some(command)),
            "{command} missing: {commands}"
        );
        let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("man")
            .join(format!("milestone-{command}.1"));
        assert!(page.is_file(), "{} missing", page.display());
    }
    let urge = ask(&["milestone", "urge", "--"]);
    assert!(
        urge.contains("--intensity") && urge.contains("--trigger"),
        "urge's options: {urge}"
    );
}

#[test]
fn an_urge_on_a_milestone_day_celebrates_it_and_reads_a_piped_note() {
    let j =
        TestJournal::with("version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-10-26\n");
    let out = crate::common::run_ok({
        let mut cmd = j.cmd(&["urge", "--trigger", "stress"]);
        cmd.write_stdin("walked it off\n");
        cmd
    });
    let id = id_of(&out);
    assert_eq!(
        out,
        format!(
            "Logged an urge ridden out for alcohol on 2026-11-25: day 30.\n\
             You rode it out. That is something to be proud of.\n\
             🎉 30 days today!\n\
             To take it back: milestone rm {id}\n"
        )
    );
    let urges = json(&j.ok(&["list", "--kind", "urge", "--format", "json"]));
    assert_eq!(urges[0]["text"], "walked it off");
}
