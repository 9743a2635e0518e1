//! Pictures: `share --style svg|png` (a milestone chip) and `circle --style svg|png` (a poster
//! of everyone). The PNG is decoded, the SVG parsed as XML; the same input gives the same bytes
//! whatever fonts the machine has; what share text keeps private stays out of the picture.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::{CONTRACT_EXAMPLE, TestJournal, run_fails, run_ok};

/// `milestone --config <none> ARGS` on `journal`, as raw stdout bytes.
fn bytes(journal: &TestJournal, args: &[&str]) -> Vec<u8> {
    let output = with_config(journal, args).output().expect("run milestone");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    output.stdout
}

fn with_config(journal: &TestJournal, args: &[&str]) -> assert_cmd::Command {
    let config = journal.folder().join("config.toml");
    let mut all = vec!["--config", config.to_str().unwrap()];
    all.extend_from_slice(args);
    journal.cmd(&all)
}

fn settings(journal: &TestJournal, text: &str) {
    fs::write(journal.folder().join("config.toml"), text).expect("write settings");
}

fn svg(journal: &TestJournal, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--style", "svg"]);
    String::from_utf8(bytes(journal, &all)).expect("SVG is UTF-8")
}

/// Every text of the SVG (title and text elements), in document order; fails unless it is XML.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML ({e}): {svg}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert_eq!(doc.root_element().attribute("width"), Some("1200"));
    assert_eq!(doc.root_element().attribute("height"), Some("630"));
    let elements: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    for name in &elements {
        assert!(
            ["svg", "title", "rect", "circle", "line", "polygon", "text"].contains(name),
            "unexpected element <{name}> in {svg}"
        );
    }
    doc.descendants()
        .filter(|n| n.is_element() && matches!(n.tag_name().name(), "title" | "text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

/// Decodes a PNG: its size, and how many distinct colours it has.
fn decode(png_bytes: &[u8]) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buffer).expect("a PNG frame");
    let pixels = &buffer[..info.buffer_size()];
    let channels = info.color_type.samples();
    let colours: std::collections::HashSet<&[u8]> = pixels.chunks(channels).collect();
    (info.width, info.height, colours.len())
}

#[test]
fn a_chip_card_says_what_the_plain_style_says() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    assert_eq!(
        texts(&svg(&journal, &["share"])),
        [
            "256 days alcohol-free",
            "256",
            "days",
            "256 days",
            "alcohol-free",
            "Next up: 9 months on 14 Dec, 19 days to go"
        ]
    );
    // A milestone day: the label on the chip's ribbon and beside it.
    assert_eq!(
        texts(&svg(
            &journal,
            &["share", "--on", "2026-09-14", "--name", "Sam"]
        )),
        [
            "6 months alcohol-free today!",
            "184",
            "days",
            "6 months",
            "Sam",
            "6 months",
            "alcohol-free today!",
            "Next up: 9 months on 14 Dec, 91 days to go"
        ]
    );
    // The first day reads as the plain style's "Day one of being alcohol-free".
    assert_eq!(
        texts(&svg(&journal, &["share", "--on", "2026-03-14"])),
        [
            "Day one of being alcohol-free",
            "Day",
            "one",
            "Day one",
            "of being alcohol-free",
            "Next up: 1 day, tomorrow"
        ]
    );
}

#[test]
fn day_one_counting_shifts_the_picture_as_it_shifts_the_text() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    settings(&journal, "day_one = true\n");
    let plain = String::from_utf8(bytes(&journal, &["share"])).unwrap();
    assert!(plain.starts_with("🌱 257 days alcohol-free."), "{plain}");
    let texts = texts(&svg(&journal, &["share"]));
    assert_eq!(texts[1], "257");
    assert_eq!(texts[3], "257 days");
}

#[test]
fn a_png_is_1200_by_630_drawn_and_the_same_bytes_on_every_machine() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let png = bytes(&journal, &["share", "--style", "png", "--name", "Sam"]);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let (width, height, colours) = decode(&png);
    assert_eq!((width, height), (1200, 630));
    assert!(
        colours > 100,
        "a drawn card has many colours, not {colours}"
    );
    assert_eq!(
        bytes(&journal, &["share", "--style", "png", "--name", "Sam"]),
        png,
        "two runs, two different pictures"
    );
    // No font the machine has (or lacks) changes a pixel: the font is the bundled one.
    let mut cmd = with_config(&journal, &["share", "--style", "png", "--name", "Sam"]);
    let nowhere = journal.folder().join("no-fonts-here");
    for var in [
        "FONTCONFIG_FILE",
        "FONTCONFIG_PATH",
        "FONTCONFIG_SYSROOT",
        "XDG_DATA_DIRS",
        "XDG_DATA_HOME",
        "HOME",
    ] {
        cmd.env(var, &nowhere);
    }
    let output = cmd.output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        output.stdout, png,
        "the fonts of the machine changed the picture"
    );
    // A different day is a different picture (the test above could not pass by accident).
    assert_ne!(
        bytes(
            &journal,
            &[
                "share",
                "--style",
                "png",
                "--name",
                "Sam",
                "--on",
                "2026-09-14"
            ]
        ),
        png
    );
}

#[test]
fn discreet_anonymous_and_private_words_stay_out_of_the_picture() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    settings(&journal, "name = \"Robin\"\n");
    // On 2026-11-24 the only note is a private one.
    let args = ["share", "--on", "2026-11-24", "--with-notes"];
    let named = svg(&journal, &args);
    assert!(named.contains(">Robin</text>"), "{named}");
    assert!(
        !named.contains("Argued"),
        "a private note reached the picture: {named}"
    );
    let discreet = svg(
        &journal,
        &[&args[..], &["--discreet", "--anonymous"]].concat(),
    );
    for marker in ["alcohol", "Robin", "Argued"] {
        assert!(!discreet.contains(marker), "{marker} in {discreet}");
    }
    assert_eq!(
        texts(&discreet),
        [
            "255 days strong",
            "255",
            "days",
            "255 days",
            "strong",
            "Next up: 9 months on 14 Dec, 20 days to go"
        ]
    );
    // The public note of 2026-11-23 is shared only when asked.
    let quiet = svg(&journal, &["share", "--on", "2026-11-23"]);
    assert!(!quiet.contains("meeting"), "{quiet}");
    let with_notes = texts(&svg(
        &journal,
        &["share", "--on", "2026-11-23", "--with-notes"],
    ));
    assert_eq!(with_notes.last().unwrap(), "Went to a meeting, felt strong");
}

#[test]
fn a_private_tracker_never_reaches_a_picture_and_a_phrase_does() {
    let text = CONTRACT_EXAMPLE.replace(
        "since = 2026-03-14\n",
        "since = 2026-03-14\nphrase = \"sober\"\n\n[[tracker]]\nname = \"self-harm\"\nsince = 2026-05-01\nprivate = true\n",
    );
    let journal = TestJournal::with(&text);
    for args in [&["share"][..], &["share", "--all"]] {
        let picture = svg(&journal, args);
        assert!(!picture.contains("self-harm"), "{args:?}: {picture}");
        assert_eq!(
            texts(&picture),
            [
                "256 days sober",
                "256",
                "days",
                "256 days",
                "sober",
                "Next up: 9 months on 14 Dec, 19 days to go"
            ]
        );
    }
    // Refused as the plain style refuses it, before any picture is drawn.
    let stderr = run_fails(
        with_config(&journal, &["share", "self-harm", "--style", "png"]),
        1,
    );
    assert!(stderr.contains("self-harm is private"), "{stderr}");
}

#[test]
fn hostile_words_stay_text() {
    // As TOML: quotes escaped, and an escape character that would colour a terminal.
    let hostile = r#""</text><script>alert(1)</script><text>& \"quoted\" 'x' \u001b[31m""#;
    let text = format!(
        "{CONTRACT_EXAMPLE}\n[[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"win\"\ntext = {hostile}\n"
    );
    let journal = TestJournal::with(&text);
    let picture = svg(&journal, &["share", "--with-notes", "--name", "<b>Sam</b>"]);
    assert!(!picture.contains("<script"), "{picture}");
    assert!(!picture.contains("<b>"), "{picture}");
    let shown = texts(&picture);
    assert!(shown.contains(&"<b>Sam</b>".to_string()), "{shown:?}");
    // The win wraps onto lines of its own after the next milestone.
    let at = shown
        .iter()
        .position(|t| t.starts_with("Today's win"))
        .unwrap();
    assert_eq!(
        shown[at..].concat().replace(' ', ""),
        // The escape sequence goes whole: no "[31m" left behind (issue 14).
        "Today'swin:</text><script>alert(1)</script><text>&\"quoted\"'x'",
        "{shown:?}"
    );
    // Without --with-notes the win is celebrated, its words kept back.
    let quiet = texts(&svg(&journal, &["share"]));
    assert_eq!(quiet.last().unwrap(), "And a win of my own today!");
}

/// A card written by hand, dated today.
fn card(
    name: Option<&str>,
    tracker: Option<&str>,
    days: u32,
    milestone: Option<&str>,
) -> serde_json::Value {
    serde_json::json!({
        "name": name, "tracker": tracker, "date": crate::common::TODAY, "days": days,
        "milestone": milestone, "next_milestone": null,
    })
}

fn poster(cards: &[serde_json::Value], style: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cards.json");
    fs::write(&file, serde_json::to_string(cards).unwrap()).unwrap();
    let env = crate::common::TestEnv::new();
    let mut cmd = env.milestone();
    cmd.args(["circle", file.to_str().unwrap(), "--style", style]);
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn a_poster_of_one() {
    let cards = [card(Some("Sam"), Some("alcohol"), 365, Some("1 year"))];
    let svg = String::from_utf8(poster(&cards, "svg")).unwrap();
    assert_eq!(
        texts(&svg),
        [
            "Our circle, 2026-11-25",
            "Our circle",
            "November 25, 2026",
            "Every day counts. Thank you for being here.",
            "365",
            "days",
            "1 year",
            "Sam",
            "1 year alcohol-free today!"
        ]
    );
    let (width, height, colours) = decode(&poster(&cards, "png"));
    assert_eq!((width, height), (1200, 630));
    assert!(colours > 100, "{colours}");
}

#[test]
fn a_poster_of_five_puts_the_day_s_milestones_first_then_everyone_by_name() {
    let cards = [
        card(Some("Zoe"), Some("smoking"), 12, None),
        card(Some("Ana"), Some("alcohol"), 1000, None),
        card(None, Some("gambling"), 40, None),
        card(Some("Mia"), None, 30, Some("30 days")),
        card(Some("Jo"), Some("sugar"), 0, None),
    ];
    let texts = texts(&String::from_utf8(poster(&cards, "svg")).unwrap());
    // Each cell: the count in its chip, the name, what the plain style says of them.
    assert_eq!(
        texts[4..],
        [
            "30",
            "Mia",
            "30 days strong today!",
            "1000",
            "Ana",
            "1000 days alcohol-free",
            "new",
            "Jo",
            "day one, sugar-free",
            "12",
            "Zoe",
            "12 days smoking-free",
            "40",
            "A friend",
            "40 days gambling-free"
        ]
    );
    let (width, height, _) = decode(&poster(&cards, "png"));
    assert_eq!((width, height), (1200, 630));
}

#[test]
fn a_poster_of_forty_shows_thirty_and_counts_the_rest() {
    let cards: Vec<serde_json::Value> = (0..40)
        .map(|i| {
            card(
                Some(&format!("Member {i:02}")),
                Some("alcohol"),
                100 + i,
                None,
            )
        })
        .collect();
    let texts = texts(&String::from_utf8(poster(&cards, "svg")).unwrap());
    let names: Vec<&String> = texts.iter().filter(|t| t.starts_with("Member ")).collect();
    let expected: Vec<String> = (0..30).map(|i| format!("Member {i:02}")).collect();
    assert_eq!(
        names,
        expected.iter().collect::<Vec<_>>(),
        "by name, the first 30"
    );
    assert!(texts.contains(&"and 10 more".to_string()), "{texts:?}");
    assert!(
        texts.contains(&"100 days alcohol-free".to_string()),
        "{texts:?}"
    );
    let (width, height, colours) = decode(&poster(&cards, "png"));
    assert_eq!((width, height), (1200, 630));
    assert!(colours > 100, "{colours}");
}

#[test]
fn a_poster_shows_the_day_not_the_upcoming_list() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cards.json");
    fs::write(
        &file,
        serde_json::to_string(&[card(Some("Sam"), Some("alcohol"), 3, None)]).unwrap(),
    )
    .unwrap();
    let env = crate::common::TestEnv::new();
    let mut cmd = env.milestone();
    cmd.args([
        "circle",
        file.to_str().unwrap(),
        "--style",
        "png",
        "--upcoming",
        "30d",
    ]);
    let stderr = run_fails(cmd, 2);
    assert!(
        stderr.contains("--upcoming lists the anniversaries as text"),
        "{stderr}"
    );
}

/// `milestone ARGS` with a terminal for standard output (util-linux `script`): exit code and
/// what the terminal showed.
fn on_a_terminal(journal: &TestJournal, args: &str) -> (i32, String) {
    let command = format!(
        "\"{}\" --journal \"{}\" --config \"{}\" {args}",
        env!("CARGO_BIN_EXE_milestone"),
        journal.path.display(),
        journal.folder().join("config.toml").display(),
    );
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(journal.folder())
        .env("MILESTONE_TODAY", crate::common::TODAY)
        .env("MILESTONE_NO_CACHE", "1")
        .output()
        .expect("util-linux `script` runs the command on a pseudo-terminal");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn a_picture_never_goes_to_a_terminal_but_to_a_file() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for style in ["png", "svg"] {
        let (code, shown) = on_a_terminal(&journal, &format!("share --style {style}"));
        assert_eq!(code, 2, "{shown}");
        assert!(
            shown.starts_with(&format!("error: a {style} picture is not for the terminal; write it to a file with --output FILE")),
            "{shown}"
        );
        let (code, shown) = on_a_terminal(&journal, &format!("circle --style {style}"));
        assert_eq!(
            code, 2,
            "circle waits for no input before refusing: {shown}"
        );
    }
    let (code, shown) = on_a_terminal(&journal, "share --style png --output chip.png");
    assert_eq!((code, shown.as_str()), (0, ""));
    let (width, height, _) = decode(&fs::read(journal.folder().join("chip.png")).unwrap());
    assert_eq!((width, height), (1200, 630));
    // Text styles still print on a terminal.
    let (code, shown) = on_a_terminal(&journal, "share --no-emoji");
    assert_eq!(
        (code, shown.as_str()),
        (
            0,
            "256 days alcohol-free.\r\nNext up: 9 months on 14 Dec, 19 days to go.\r\n"
        )
    );
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn output_files_are_owner_only_and_hold_what_stdout_would() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    for style in ["png", "svg", "plain", "json"] {
        let file = journal.folder().join(format!("out.{style}"));
        // An existing, world-readable file is replaced, not left readable.
        fs::write(&file, "old").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        let printed = bytes(
            &journal,
            &[
                "share",
                "--style",
                style,
                "--output",
                file.to_str().unwrap(),
            ],
        );
        assert_eq!(printed, b"", "{style}: --output prints nothing");
        assert_eq!(mode(&file), 0o600, "{style}");
        assert_eq!(
            fs::read(&file).unwrap(),
            bytes(&journal, &["share", "--style", style]),
            "{style}"
        );
    }
    let cards = journal.folder().join("cards.json");
    fs::write(&cards, bytes(&journal, &["share", "--style", "json"])).unwrap();
    let file = journal.folder().join("poster.png");
    run_ok({
        let env = crate::common::TestEnv::new();
        let mut cmd = env.milestone();
        cmd.args([
            "circle",
            cards.to_str().unwrap(),
            "--style",
            "png",
            "-o",
            file.to_str().unwrap(),
        ]);
        cmd
    });
    assert_eq!(mode(&file), 0o600);
    assert_eq!(decode(&fs::read(&file).unwrap()).0, 1200);
    // A folder that does not exist is an error that says what to check, and nothing is printed.
    let missing = journal.folder().join("no/such/folder/chip.png");
    let stderr = run_fails(
        with_config(
            &journal,
            &["share", "--style", "png", "-o", missing.to_str().unwrap()],
        ),
        1,
    );
    assert!(stderr.contains("check that its folder exists"), "{stderr}");
}

/// The README's two pictures are the program's own: drawn again here, byte for byte. After a
/// change to the drawing, refresh them with `MILESTONE_BLESS=1 cargo test --test cli pictures`.
#[test]
fn the_readme_pictures_are_what_the_program_draws() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    let chip = bytes(
        &journal,
        &[
            "share",
            "--name",
            "Sam",
            "--on",
            "2026-09-14",
            "--style",
            "png",
        ],
    );
    let env = crate::common::TestEnv::new();
    let mut cmd = env.milestone();
    cmd.args([
        "circle",
        docs.join("circle-cards.json").to_str().unwrap(),
        "--style",
        "png",
    ]);
    let poster = cmd.output().unwrap().stdout;
    for (name, drawn) in [("share-chip.png", chip), ("circle-poster.png", poster)] {
        let path = docs.join(name);
        if std::env::var_os("MILESTONE_BLESS").is_some() {
            fs::write(&path, &drawn).unwrap();
        }
        assert!(
            fs::read(&path).unwrap() == drawn,
            "docs/{name} is not what the program draws now; refresh it with MILESTONE_BLESS=1 cargo test --test cli pictures"
        );
    }
}
