//! `milestone group`: members in their own homes, with real git against a bare repository (or a
//! plain shared folder), real processes at the same moment, and a hostile member's files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

use crate::common::TestEnv;

/// Where the group's remote lives, and the sealed environment for git run by the test itself.
pub(crate) struct World {
    dir: TempDir,
    env: TestEnv,
}

/// One person: their own sealed home (data, state, cache), settings, journal and git
/// configuration.
pub(crate) struct Member {
    env: TestEnv,
    pub(crate) home: PathBuf,
    world: PathBuf,
    pub(crate) today: String,
}

impl World {
    pub(crate) fn new() -> World {
        World {
            dir: tempfile::tempdir().unwrap(),
            env: TestEnv::new(),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, dir: &Path, args: &[&str]) -> Output {
        self.env
            .command("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .expect("git is installed")
    }

    /// A bare repository as the group's remote.
    pub(crate) fn bare_remote(&self) -> PathBuf {
        let remote = self.path().join("remote.git");
        let out = self.git(
            self.path(),
            &[
                "init",
                "--quiet",
                "--bare",
                "--initial-branch=main",
                "remote.git",
            ],
        );
        assert!(out.status.success(), "{out:?}");
        remote
    }

    /// Someone whose journal is `journal` and whose settings file is `settings`.
    pub(crate) fn member(&self, who: &str, journal: &str, settings: &str) -> Member {
        let env = TestEnv::new();
        let home = env.home();
        fs::create_dir_all(home.join("config")).unwrap();
        fs::write(home.join("journal.toml"), journal).unwrap();
        fs::write(home.join("config/milestone.toml"), settings).unwrap();
        // The person's own git identity: it must never reach the group.
        fs::write(
            home.join("gitconfig"),
            format!(
                "[user]\n\tname = Real Name Of {who}\n\temail = {who}.realname@example.com\n[init]\n\tdefaultBranch = main\n"
            ),
        )
        .unwrap();
        Member {
            env,
            home,
            world: self.path().to_path_buf(),
            today: crate::common::TODAY.to_string(),
        }
    }

    /// Every byte the remote's history ever held.
    fn remote_history(&self, remote: &Path) -> String {
        let out = self.git(remote, &["log", "-p", "--all", "--format=fuller"]);
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The files of a fresh clone of the remote.
    fn clone_of(&self, remote: &Path, name: &str) -> PathBuf {
        let out = self.git(
            self.path(),
            &["clone", "--quiet", remote.to_str().unwrap(), name],
        );
        assert!(out.status.success(), "{out:?}");
        self.path().join(name)
    }
}

impl Member {
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::from_std(self.plain());
        cmd.write_stdin("");
        cmd.args(args);
        cmd
    }

    /// `milestone` sealed in this member's home, as a plain process.
    fn plain(&self) -> std::process::Command {
        let mut cmd = self.env.plain();
        cmd.current_dir(&self.world)
            .env("MILESTONE_JOURNAL", self.home.join("journal.toml"))
            .env("MILESTONE_CONFIG", self.settings_path())
            .env("MILESTONE_TODAY", &self.today)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.home.join("gitconfig"))
            .env("MILESTONE_GIT_TIMEOUT", "30");
        cmd
    }

    fn settings_path(&self) -> PathBuf {
        self.home.join("config/milestone.toml")
    }

    fn settings(&self) -> String {
        fs::read_to_string(self.settings_path()).unwrap()
    }

    pub(crate) fn output(&self, args: &[&str]) -> (i32, String, String) {
        let out = self
            .cmd(args)
            .timeout(Duration::from_secs(120))
            .output()
            .expect("run milestone");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!stderr.contains("panicked"), "{stderr}");
        (out.status.code().unwrap_or(-1), stdout, stderr)
    }

    /// Runs and expects exit 0 and no warnings.
    pub(crate) fn ok(&self, args: &[&str]) -> String {
        let (code, stdout, stderr) = self.output(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}: unexpected stderr");
        stdout
    }

    fn fails(&self, code: i32, args: &[&str]) -> String {
        let (got, _, stderr) = self.output(args);
        assert_eq!(got, code, "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        stderr
    }

    /// The member id `join` picked, from the settings.
    fn member_id(&self, group: &str) -> String {
        let settings = self.settings();
        let table = settings
            .split(&format!("[group.{group}]"))
            .nth(1)
            .expect("a group table");
        let line = table
            .lines()
            .find(|l| l.starts_with("member = "))
            .expect("a member line");
        line.trim_start_matches("member = ")
            .trim_matches('"')
            .to_string()
    }

    pub(crate) fn group_folder(&self, group: &str) -> PathBuf {
        self.env.data_home().join("milestone/groups").join(group)
    }
}

fn tracker(name: &str, since: &str) -> String {
    format!("[[tracker]]\nname = \"{name}\"\nsince = {since}\n\n")
}

pub(crate) fn journal(trackers: &[(&str, &str)]) -> String {
    let mut text = "version = 1\n\n".to_string();
    for (name, since) in trackers {
        text.push_str(&tracker(name, since));
    }
    text
}

#[test]
fn six_members_join_post_show_cheer_and_leave_through_a_bare_repository() {
    let world = World::new();
    let remote = world.bare_remote();
    let place = remote.to_str().unwrap();
    let people = [
        ("sam", "Sam", "alcohol", "2026-03-14"),
        ("ana", "Ana", "smoking", "2026-10-26"),
        ("bo", "Bo", "alcohol", "2026-11-18"),
        ("cy", "Cy", "gambling", "2026-05-25"),
        ("di", "Di", "drinking", "2026-11-20"),
        ("ed", "Ed", "sugar", "2026-11-01"),
    ];
    let members: Vec<Member> = people
        .iter()
        .map(|(who, _, t, since)| {
            world.member(
                who,
                &journal(&[(t, since)]),
                "# my settings\nemoji = false\n",
            )
        })
        .collect();
    for (m, (_, display, _, _)) in members.iter().zip(&people) {
        let out = m.ok(&["group", "join", "tuesday", place, "--as", display]);
        let id = m.member_id("tuesday");
        assert!(
            out.starts_with(&format!(
                "You joined tuesday as {display} (your member id is {id}), cloned into {}.\nPosted your card to tuesday.\n",
                m.group_folder("tuesday").display()
            )),
            "{out}"
        );
        assert!(
            out.contains("stays in the repository's history, even after you leave"),
            "{out}"
        );
        // The settings keep the person's comment, and gain the group's table.
        assert!(
            m.settings().starts_with("# my settings\nemoji = false\n"),
            "{}",
            m.settings()
        );
        assert!(m.settings().contains(&format!("[group.tuesday]\npath = \"{}\"\nmember = \"{id}\"\nname = \"{display}\"\ndiscreet = false\nauto_post = false\n", m.group_folder("tuesday").display())), "{}", m.settings());
    }
    let mode = fs::metadata(members[0].settings_path())
        .unwrap()
        .permissions();
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&mode) & 0o777,
        0o600
    );

    // Sam cheers Ana (by name) and Bo (by member id).
    let bo_id = members[2].member_id("tuesday");
    assert_eq!(
        members[0].ok(&[
            "group",
            "cheer",
            "tuesday",
            "ana",
            "30 days, so proud of you"
        ]),
        "Sent a cheer to Ana in tuesday.\n"
    );
    assert_eq!(
        members[0].ok(&["group", "cheer", "tuesday", &bo_id]),
        "Sent a cheer to Bo in tuesday.\n"
    );
    // Ana sees everyone: the day's milestones first, then everyone by name, her cheer, and the
    // anniversaries coming up.
    assert_eq!(
        members[1].ok(&["group", "show", "--upcoming", "7d"]),
        "tuesday, 2026-11-25\n\
         Ana: 30 days smoking-free today!\n\
         Bo: 1 week alcohol-free today!\n\
         Cy: 6 months gambling-free today!\n\
         Di: 5 days drinking-free, next up: 1 week.\n\
         Ed: 24 days sugar-free, next up: 30 days.\n\
         Sam: 256 days alcohol-free, next up: 9 months.\n\
         A cheer for you\n\
         - 2026-11-25 Sam: 30 days, so proud of you\n\
         Coming up in the next 7 days\n\
         - 2026-11-25 Ana: 30 days (smoking)\n\
         - 2026-11-25 Bo: 1 week (alcohol)\n\
         - 2026-11-25 Cy: 6 months (gambling)\n\
         - 2026-11-27 Di: 1 week (drinking)\n\
         - 2026-12-01 Ed: 30 days (sugar)\n\
         - 2026-12-02 Bo: 2 weeks (alcohol)\n\
         Every day counts. Thank you for being here.\n"
    );
    let bo = members[2].ok(&["group", "show", "tuesday"]);
    assert!(
        bo.contains("A cheer for you\n- 2026-11-25 Sam cheered you on.\n"),
        "{bo}"
    );
    // Days go on counting: two days later, from the same cards.
    let later = members[1].ok(&["group", "show", "--on", "2026-11-27"]);
    assert!(
        later.contains("Di: 1 week drinking-free today!\n"),
        "{later}"
    );
    assert!(later.contains("Ana: 32 days smoking-free"), "{later}");

    // Ed leaves: his card is gone for everyone, his settings forget the group.
    let ed = &members[5];
    let out = ed.ok(&["group", "leave", "tuesday"]);
    assert!(out.starts_with("You left tuesday: your card is gone from the folder and tuesday from your settings. The repository's history still keeps what you posted before"), "{out}");
    assert_eq!(ed.settings(), "# my settings\nemoji = false\n");
    let after = members[1].ok(&["group", "show"]);
    assert!(!after.contains("Ed:"), "{after}");
    assert!(after.contains("Sam: 256 days"), "{after}");
    assert_eq!(
        ed.ok(&["group", "list"]),
        "you have not joined a group yet; join one with `milestone group join NAME PLACE` (PLACE: a shared folder, or a git URL)\n"
    );

    // Everyone's files arrived, and only these files; commits are made as member ids.
    let clone = world.clone_of(&remote, "check");
    let mut files: Vec<String> = fs::read_dir(clone.join("members"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut ids: Vec<String> = members[..5]
        .iter()
        .map(|m| format!("{}.json", m.member_id("tuesday")))
        .collect();
    ids.sort();
    assert_eq!(files, ids);
    assert_eq!(fs::read_dir(clone.join("cheers")).unwrap().count(), 2);
    let history = world.remote_history(&remote);
    assert!(
        !history.contains("Real Name Of"),
        "the person's git identity stays theirs"
    );
    assert!(!history.contains("realname@example.com"));
}

#[test]
fn six_members_posting_at_the_same_moment_all_arrive() {
    let world = World::new();
    let remote = world.bare_remote();
    let place = remote.to_str().unwrap();
    let members: Vec<Member> = (0..6)
        .map(|i| world.member(&format!("m{i}"), &journal(&[("alcohol", "2026-11-01")]), ""))
        .collect();
    for (i, m) in members.iter().enumerate() {
        m.ok(&["group", "join", "g", place, "--as", &format!("M{i}")]);
    }
    // A new day: every card changes, and everyone posts at once.
    let children: Vec<std::process::Child> = members
        .iter()
        .map(|m| {
            let mut cmd = m.plain();
            cmd.env("MILESTONE_TODAY", "2026-11-26")
                .args(["group", "post"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "Posted your card to g.\n"
        );
    }
    let clone = world.clone_of(&remote, "check");
    for m in &members {
        let file = clone
            .join("members")
            .join(format!("{}.json", m.member_id("g")));
        let card: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(card["cards"][0]["date"], "2026-11-26", "{file:?}");
        assert_eq!(card["cards"][0]["days"], 25);
    }
}

#[test]
fn the_remote_history_holds_no_private_or_unshared_tracker_no_entry_text_and_no_discreet_tracker() {
    let world = World::new();
    let remote = world.bare_remote();
    let place = remote.to_str().unwrap();
    let entries = "[[entry]]\ndate = 2026-11-24\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"NOTEMARKER at the meeting\"\n\n\
        [[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"win\"\ntext = \"WINMARKER\"\n\n\
        [[entry]]\ndate = 2026-11-25\ntracker = \"alcohol\"\nkind = \"checkin\"\ntext = \"PRIVATEMARKER\"\nprivate = true\n\n";
    let sam_journal = format!(
        "version = 1\n\n{}[[tracker]]\nname = \"selfharmzq\"\nsince = 2026-06-01\nprivate = true\n\n{}{}",
        tracker("alcohol", "2026-03-14"),
        tracker("gamblingzq", "2026-04-01"),
        entries
    );
    let sam = world.member("sam", &sam_journal, "name = \"Sam\"\n");
    // Only alcohol is named; a private tracker is refused by name.
    let err = sam.fails(2, &["group", "join", "g", place, "--tracker", "selfharmzq"]);
    assert!(
        err.contains("selfharmzq is private, so it never reaches a group"),
        "{err}"
    );
    sam.ok(&[
        "group",
        "join",
        "g",
        place,
        "--tracker",
        "alcohol",
        "--auto-post",
    ]);
    sam.ok(&["add", "NOTEMARKER2 again", "--tracker", "alcohol"]);
    sam.ok(&["add", "--win", "WINMARKER2", "--tracker", "gamblingzq"]);
    sam.ok(&[
        "add",
        "--private",
        "PRIVATEMARKER2",
        "--tracker",
        "selfharmzq",
    ]);
    // A discreet member: their tracker's name never goes out.
    let di = world.member("di", &journal(&[("discreettrackzq", "2026-10-01")]), "");
    di.ok(&["group", "join", "g", place, "--anonymous", "--discreet"]);
    di.ok(&["group", "post"]);
    // With several shareable trackers and none named, join asks which (as share would).
    let two = world.member(
        "two",
        &journal(&[("alcohol", "2026-10-01"), ("smoking", "2026-10-01")]),
        "",
    );
    let err = two.fails(2, &["group", "join", "g", place, "--as", "Two"]);
    assert!(err.contains("several trackers you could share"), "{err}");

    let history = world.remote_history(&remote);
    for marker in [
        "selfharmzq",
        "gamblingzq",
        "NOTEMARKER",
        "WINMARKER",
        "PRIVATEMARKER",
        "discreettrackzq",
        "Real Name Of",
        "realname@example.com",
    ] {
        assert!(
            !history.contains(marker),
            "{marker} reached the group's history"
        );
    }
    // What did go out: Sam's alcohol card, Di's anonymous discreet one.
    assert!(history.contains("\"tracker\": \"alcohol\""), "{history}");
    assert!(history.contains("\"phrase\": null"), "{history}");
}

#[test]
fn an_unreachable_remote_keeps_the_card_and_delivers_it_once_back() {
    let world = World::new();
    let remote = world.bare_remote();
    let place = remote.to_str().unwrap();
    let mut sam = world.member(
        "sam",
        &journal(&[("alcohol", "2026-03-14")]),
        "name = \"Sam\"\n",
    );
    sam.ok(&["group", "join", "g", place, "--auto-post"]);
    let away = world.path().join("away.git");
    fs::rename(&remote, &away).unwrap();
    sam.today = "2026-11-26".into();
    // The entry is safe: add exits 0 and only warns.
    let (code, stdout, stderr) = sam.output(&["add", "a quiet day"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("Logged a check-in for alcohol on 2026-11-26"),
        "{stdout}"
    );
    assert!(
        stderr.starts_with("warning: your entry is saved; posting your card to g did not work"),
        "{stderr}"
    );
    assert!(stderr.contains("git said:"), "{stderr}");
    // group post says so and exits 1, naming git's reason.
    let err = sam.fails(1, &["group", "post"]);
    assert!(
        err.contains("your card for g is saved in the folder but was not sent"),
        "{err}"
    );
    assert!(err.contains("git said: fatal:"), "{err}");
    // The card is in the folder meanwhile.
    let local = fs::read_to_string(
        sam.group_folder("g")
            .join("members")
            .join(format!("{}.json", sam.member_id("g"))),
    )
    .unwrap();
    assert!(local.contains("\"date\": \"2026-11-26\""), "{local}");
    // show still works from the folder, with a warning.
    let (code, stdout, stderr) = sam.output(&["group", "show"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Sam: 257 days alcohol-free"), "{stdout}");
    assert!(stderr.contains("showing what the folder has"), "{stderr}");
    // Back online: the card goes.
    fs::rename(&away, &remote).unwrap();
    assert_eq!(sam.ok(&["group", "post"]), "Posted your card to g.\n");
    let clone = world.clone_of(&remote, "check");
    let delivered = fs::read_to_string(
        clone
            .join("members")
            .join(format!("{}.json", sam.member_id("g"))),
    )
    .unwrap();
    assert!(
        delivered.contains("\"date\": \"2026-11-26\""),
        "{delivered}"
    );
}

#[test]
fn a_plain_shared_folder_works_without_git() {
    let world = World::new();
    let shared = world.path().join("Sync/tuesday");
    fs::create_dir_all(&shared).unwrap();
    let place = shared.to_str().unwrap();
    let sam = world.member("sam", &journal(&[("alcohol", "2026-03-14")]), "");
    let ana = world.member("ana", &journal(&[("smoking", "2026-10-26")]), "");
    let out = sam.ok(&["group", "join", "tuesday", place, "--as", "Sam"]);
    assert!(
        out.contains(&format!(", in {}.", shared.display())),
        "{out}"
    );
    assert!(
        !out.contains("history"),
        "a plain folder has no history: {out}"
    );
    ana.ok(&["group", "join", "tuesday", place, "--anonymous"]);
    sam.ok(&[
        "group",
        "cheer",
        "tuesday",
        &ana.member_id("tuesday"),
        "well done",
    ]);
    assert_eq!(
        ana.ok(&["group", "show", "--no-emoji"]),
        "tuesday, 2026-11-25\n\
         A friend: 30 days smoking-free today!\n\
         Sam: 256 days alcohol-free, next up: 9 months.\n\
         A cheer for you\n\
         - 2026-11-25 Sam: well done\n\
         Every day counts. Thank you for being here.\n"
    );
    assert!(!shared.join(".git").exists());
    let sms = ana.ok(&["group", "show", "--style", "sms"]);
    assert_eq!(
        sms,
        "Our circle, 2026-11-25 - A friend: 30 days smoking-free today! Sam: 256 days alcohol-free, next up: 9 months. Every day counts. Thank you for being here.\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ana.ok(&["group", "show", "--style", "json"])).unwrap();
    assert_eq!(json["cards"].as_array().unwrap().len(), 2);
    assert_eq!(json["cheers"][0]["text"], "well done");
}

#[test]
fn a_hostile_member_cannot_hang_show_leak_a_file_or_reach_the_terminal() {
    let world = World::new();
    let shared = world.path().join("shared");
    fs::create_dir_all(&shared).unwrap();
    let victim = world.member("victim", &journal(&[("alcohol", "2026-03-14")]), "");
    victim.ok(&[
        "group",
        "join",
        "g",
        shared.to_str().unwrap(),
        "--as",
        "Vic",
    ]);
    let members = shared.join("members");
    let cheers = shared.join("cheers");
    fs::create_dir_all(&cheers).unwrap();
    // A secret in the victim's home, and a members file that points at it.
    fs::write(
        victim.home.join("secret.json"),
        "{\"member\": \"secretzz\", \"name\": \"SECRETWORD\", \"cards\": []}",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        victim.home.join("secret.json"),
        members.join("secretzz.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        victim.home.join("secret.json"),
        cheers.join("2026-11-25-link.json"),
    )
    .unwrap();
    // A FIFO nobody writes to: opening it for reading would wait forever.
    let fifo = members.join("fifozz.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: `c` is a NUL-terminated path that outlives the call; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    fs::write(members.join("bigzz.json"), vec![b' '; 10 * 1024 * 1024]).unwrap();
    fs::write(members.join("badzz.json"), "{not json").unwrap();
    let evil = serde_json::json!({
        "member": "evilzz",
        "name": "\u{1b}[2J\u{1b}]0;pwned\u{7}@everyone",
        "cards": [{"name": "\u{1b}[31m@everyone <!here>", "tracker": "x\u{1b}[0m", "date": "2026-11-25", "days": 3,
                   "milestone": "3 days\u{9b}31m", "next_milestone": null}]
    });
    fs::write(members.join("evilzz.json"), evil.to_string()).unwrap();
    for i in 0..2000 {
        let dir = if i % 2 == 0 { &members } else { &cheers };
        fs::write(dir.join(format!("junk{i:04}.txt")), "junk").unwrap();
    }
    for style in ["plain", "discord", "slack", "markdown", "sms", "json"] {
        let start = std::time::Instant::now();
        let (code, stdout, stderr) = victim.output(&["group", "show", "--style", style]);
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "show took {:?}",
            start.elapsed()
        );
        assert_eq!(code, 0, "{stderr}");
        for text in [&stdout, &stderr] {
            assert!(!text.contains("SECRETWORD"), "{style}: the secret leaked");
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{9b}'),
                "{style}: a raw escape: {text:?}"
            );
        }
        assert!(stdout.contains("Vic"), "{style}: {stdout}");
        if style == "discord" {
            assert!(!stdout.contains("@everyone"), "{stdout}");
        }
        if style == "slack" {
            assert!(!stdout.contains("<!here>"), "{stdout}");
        }
        if style == "plain" {
            assert!(
                stderr.contains("warning: skipped secretzz.json: a symlink; not followed"),
                "{stderr}"
            );
            assert!(
                stderr.contains("warning: skipped fifozz.json: a FIFO, not a file"),
                "{stderr}"
            );
            assert!(
                stderr.contains("warning: skipped members/bigzz.json: larger than 64 KiB"),
                "{stderr}"
            );
            assert!(
                stderr.contains("warning: skipped members/badzz.json: not a members file"),
                "{stderr}"
            );
            assert!(
                stderr.contains("warning: skipped 2026-11-25-link.json: a symlink; not followed"),
                "{stderr}"
            );
            assert!(stderr.contains("warning: skipped 1000 files in members/ that are not .json: junk0000.txt, junk0002.txt, junk0004.txt and 997 more\n"), "{stderr}");
            assert!(
                stderr.contains(
                    "warning: skipped 1000 files in cheers/ that are not .json: junk0001.txt"
                ),
                "{stderr}"
            );
        }
    }
}

#[test]
fn group_show_draws_the_poster_too() {
    let world = World::new();
    let shared = world.path().join("shared");
    fs::create_dir_all(&shared).unwrap();
    let sam = world.member("sam", &journal(&[("alcohol", "2026-03-14")]), "");
    sam.ok(&[
        "group",
        "join",
        "g",
        shared.to_str().unwrap(),
        "--as",
        "Sam",
    ]);
    let file = world.path().join("poster.svg");
    sam.ok(&[
        "group",
        "show",
        "--style",
        "svg",
        "--output",
        file.to_str().unwrap(),
    ]);
    let svg = fs::read_to_string(&file).unwrap();
    assert!(svg.contains("<svg"), "{svg}");
    assert!(svg.contains("Sam"), "{svg}");
    assert!(svg.contains("256"), "{svg}");
    let err = sam.fails(2, &["group", "show", "--style", "png", "--upcoming", "7d"]);
    assert!(err.starts_with("error: "), "{err}");
}
