//! Completion in the real shells (Debian's bash with bash-completion, zsh and fish; `.ci/run`
//! installs them), set up as the package installs it: the committed scripts in `completions/`
//! are put where bash-completion, zsh's compinit and fish look for them, `milestone` is the one
//! on PATH, and nothing else from the test runner's environment gets in. Keys are typed on a
//! terminal (util-linux `script`), so the first Tab of a fresh shell is what is tested.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{BIN, TestEnv};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/journal.toml");
const BASH_COMPLETION: &str = "/usr/share/bash-completion/bash_completion";

/// What each shell's Tab should make of a line: the journal's trackers, a subcommand, a tag and
/// an entry id of the sample journal (each the only one that fits).
const LINES: [(&str, &str); 4] = [
    ("milestone streak alc\t", "milestone streak alcohol "),
    ("milestone sh\t", "milestone share "),
    ("milestone add --tag spo\t", "milestone add --tag sponsor "),
    ("milestone rm 5m\t", "milestone rm 5mmgygr "),
];

/// The sealed test environment, with the completion script where a shell finds an installed one.
struct Home {
    env: TestEnv,
}

impl Home {
    fn new() -> Home {
        Home {
            env: TestEnv::new(),
        }
    }

    /// A path inside the home folder.
    fn path(&self, relative: &str) -> PathBuf {
        self.env.home().join(relative)
    }

    /// Puts the committed script `completions/NAME` at `relative` in the home folder.
    fn install(&self, name: &str, relative: &str) {
        let to = self.path(relative);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("completions")
            .join(name);
        std::fs::copy(script, to).unwrap();
    }

    /// `program` sealed in the test environment, run from the home folder, with the milestone
    /// under test first on PATH (the scripts call `milestone`), no system-wide completions, and
    /// the sample journal.
    fn command(&self, program: &str) -> Command {
        let bin_dir = Path::new(BIN).parent().unwrap();
        let path = std::env::var("PATH").unwrap_or_default();
        let mut cmd = self.env.command(program);
        cmd.current_dir(self.env.home())
            .env("PATH", format!("{}:{path}", bin_dir.display()))
            .env("XDG_DATA_DIRS", self.path("nothing-installed"))
            .env("TERM", "xterm")
            .env("LANG", "C.UTF-8")
            .env("MILESTONE_JOURNAL", SAMPLE);
        cmd
    }

    /// Runs `script` non-interactively in `shell`, requiring success and no stderr.
    fn run(&self, shell: &str, args: &[&str], script: &str) -> String {
        let output = self
            .command(shell)
            .args(args)
            .arg(script)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| {
                panic!("{shell} must be installed for these tests (.ci/run installs it): {e}")
            });
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{shell} failed: {stderr}");
        assert_eq!(stderr, "", "{shell} printed errors");
        String::from_utf8(output.stdout).unwrap()
    }

    /// Starts `shell_command` interactively on a terminal; once its prompt (`READY> `) shows,
    /// types each line's keys followed by ^T, which the shell's rc file binds to append the
    /// command line to the file `lines` and clear it. Returns those lines.
    fn type_lines(&self, shell_command: &str, keys: &[&str]) -> Vec<String> {
        let mut child = self
            .command("script")
            .args(["-qfec", shell_command, "/dev/null"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("util-linux `script` must be installed: {e}"));
        let screen = Arc::new(Mutex::new(Vec::new()));
        let mut stdout = child.stdout.take().unwrap();
        let reader = {
            let screen = Arc::clone(&screen);
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n @ 1..) = stdout.read(&mut buf) {
                    screen.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            })
        };
        let seen = || String::from_utf8_lossy(&screen.lock().unwrap()).into_owned();
        let deadline = Instant::now() + Duration::from_secs(30);
        while !seen().contains("READY> ") {
            assert!(
                Instant::now() < deadline && child.try_wait().unwrap().is_none(),
                "{shell_command} showed no prompt; the terminal showed:\n{}",
                seen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let mut stdin = child.stdin.take().unwrap();
        for line in keys {
            stdin.write_all(line.as_bytes()).unwrap();
            stdin.write_all(b"\x14").unwrap();
        }
        stdin.write_all(b"exit\n").unwrap();
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                child.kill().unwrap();
                panic!(
                    "{shell_command} did not exit; the terminal showed:\n{}",
                    seen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(stdin);
        reader.join().unwrap();
        let lines = std::fs::read_to_string(self.path("lines")).unwrap_or_else(|e| {
            panic!(
                "no command line was recorded ({e}); the terminal showed:\n{}",
                seen()
            )
        });
        lines.lines().map(str::to_owned).collect()
    }
}

/// Asserts that each line of LINES, typed with a Tab, became what it should.
fn assert_completed(typed: &[String]) {
    let expected: Vec<&str> = LINES.iter().map(|(_, completed)| *completed).collect();
    assert_eq!(typed, expected);
}

fn keys() -> Vec<&'static str> {
    LINES.iter().map(|(keys, _)| *keys).collect()
}

#[test]
fn bash_completion_finds_the_script_and_completes_from_the_journal_on_the_first_tab() {
    assert!(
        Path::new(BASH_COMPLETION).is_file(),
        "bash-completion must be installed for this test (.ci/run installs it)"
    );
    let home = Home::new();
    // Where bash-completion looks for a person's own scripts, loaded on the first Tab.
    home.install(
        "milestone.bash",
        ".local/share/bash-completion/completions/milestone",
    );
    let rc = format!(
        r#"source {BASH_COMPLETION}
record() {{ printf '%s\n' "$READLINE_LINE" >> lines; READLINE_LINE=; READLINE_POINT=0; }}
bind -x '"\C-t": record'
PS1='READY> '
"#
    );
    std::fs::write(home.path("rc.bash"), rc).unwrap();
    let typed = home.type_lines("bash --noprofile --rcfile rc.bash -i", &keys());
    assert_completed(&typed);
}

#[test]
fn zsh_autoloads_the_script_from_fpath_and_completes_from_the_journal_on_the_first_tab() {
    let home = Home::new();
    home.install("_milestone", "zfunc/_milestone");
    let zshrc = r#"fpath=(~/zfunc $fpath)
autoload -Uz compinit && compinit -u -D
record() { print -r -- "$BUFFER" >> lines; BUFFER= }
zle -N record
bindkey '^T' record
PS1='READY> '
"#;
    std::fs::write(home.path(".zshrc"), zshrc).unwrap();
    // -d: no /etc/zsh/zshrc, which could run a compinit of its own first.
    let typed = home.type_lines("zsh -d -i", &keys());
    assert_completed(&typed);
}

#[test]
fn zsh_can_also_source_the_script() {
    let home = Home::new();
    home.install("_milestone", "zfunc/_milestone");
    // Sourced after compinit (as from .zshrc) it registers the completer and completes nothing.
    let out = home.run(
        "zsh",
        &["-f", "-c"],
        r#"autoload -Uz compinit && compinit -u -D
source zfunc/_milestone
print -r -- $_comps[milestone]"#,
    );
    assert_eq!(out, "_clap_dynamic_completer_milestone\n");
}

#[test]
fn fish_finds_the_script_and_completes_from_the_journal() {
    let home = Home::new();
    home.install("milestone.fish", "fish/completions/milestone.fish");
    let complete = |line: &str| {
        home.run(
            "fish",
            &["--no-config", "-c"],
            &format!("set -p fish_complete_path ~/fish/completions; complete -C '{line}'"),
        )
    };
    for (keys, completed) in LINES {
        let line = keys.trim_end_matches('\t');
        let word = completed.trim_end().rsplit(' ').next().unwrap();
        let offered: Vec<String> = complete(line)
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect();
        assert_eq!(offered, [word], "{line}");
    }
    // With the help fish shows beside each; the options of streak follow.
    let streak = complete("milestone streak ");
    let (trackers, options) = streak.split_at(streak.find("--").unwrap_or(streak.len()));
    assert_eq!(
        trackers,
        "alcohol\tsince 2025-11-20\nsmoking\tsince 2026-02-01\n"
    );
    assert!(options.contains("--journal\t"), "{streak}");
    assert!(options.lines().all(|l| l.starts_with("--")), "{streak}");
    assert_eq!(
        complete("milestone add --tag "),
        "exercise\nmeeting\nsponsor\n"
    );
    let ids = complete("milestone rm ");
    let first = ids.lines().next().unwrap_or_default();
    assert_eq!(first, "5mmgygr\t2026-11-24 alcohol checkin", "newest first");
    let entry_lines = ids
        .lines()
        .filter(|l| l.split('\t').next().is_some_and(|id| id.len() == 7) && l.contains("\t20"));
    assert_eq!(
        entry_lines.count(),
        451,
        "every entry of the sample journal: {ids}"
    );
}

#[test]
fn bash_offers_every_tracker_of_the_journal() {
    let home = Home::new();
    let out = home.run(
        "bash",
        &["--norc", "-c"],
        &format!(
            r#"source {}/completions/milestone.bash
COMP_WORDS=(milestone add --tracker ''); COMP_CWORD=3; COMP_TYPE=9
_clap_complete_milestone milestone '' --tracker
printf '%s\n' "${{COMPREPLY[@]}}""#,
            env!("CARGO_MANIFEST_DIR")
        ),
    );
    assert_eq!(out, "alcohol\nsmoking\n");
}

#[test]
fn without_a_journal_completion_offers_the_options_and_says_nothing() {
    let home = Home::new();
    home.install("milestone.fish", "fish/completions/milestone.fish");
    let out = home.run(
        "fish",
        &["--no-config", "-c"],
        "set -x MILESTONE_JOURNAL ~/no-such-journal.toml
set -p fish_complete_path ~/fish/completions
complete -C 'milestone streak ' | string replace -r '\\t.*' ''",
    );
    assert!(out.contains("--journal\n"), "{out}");
    assert!(out.lines().all(|l| l.starts_with("--")), "{out}");
}
