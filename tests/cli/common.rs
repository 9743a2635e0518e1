//! The test harness: a temporary journal and a hermetic `milestone` command pointed at it.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The date every test runs on unless it says otherwise.
pub const TODAY: &str = "2026-11-25";

/// The contract's example: `alcohol` since 2026-03-14 with check-ins on the three days before today.
pub const CONTRACT_EXAMPLE: &str = r#"version = 1

[[tracker]]
name = "alcohol"
since = 2026-03-14

[[entry]]
id = "aaaaaa1"
date = 2026-11-22
tracker = "alcohol"
kind = "checkin"

[[entry]]
id = "aaaaaa2"
date = 2026-11-23
tracker = "alcohol"
kind = "checkin"
text = "Went to a meeting, felt strong"
mood = 4
tags = ["meeting"]

[[entry]]
id = "aaaaaa3"
date = 2026-11-24
tracker = "alcohol"
kind = "checkin"
text = "Argued with Dad"
private = true
"#;

/// A journal file in its own temporary folder (the file may not exist yet).
pub struct TestJournal {
    _dir: TempDir,
    /// Where this journal's derived cache goes, apart from the journal's own folder.
    cache: TempDir,
    pub path: PathBuf,
}

impl TestJournal {
    /// A folder with no journal in it yet.
    pub fn empty() -> TestJournal {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("journal.toml");
        let cache = tempfile::tempdir().expect("temp dir");
        TestJournal {
            _dir: dir,
            cache,
            path,
        }
    }

    /// A journal holding exactly `text`.
    pub fn with(text: &str) -> TestJournal {
        let journal = TestJournal::empty();
        fs::write(&journal.path, text).expect("write journal");
        journal
    }

    /// The folder this journal's cache is kept in.
    pub fn cmd_cache_dir(&self) -> PathBuf {
        self.cache.path().to_owned()
    }

    pub fn folder(&self) -> &Path {
        self._dir.path()
    }

    pub fn text(&self) -> String {
        fs::read_to_string(&self.path).expect("read journal")
    }

    pub fn bytes(&self) -> Vec<u8> {
        fs::read(&self.path).expect("read journal")
    }

    /// `milestone --journal <this> ARGS` on TODAY, with nothing from the environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = milestone();
        cmd.env_remove("MILESTONE_NO_CACHE")
            .env("MILESTONE_CACHE_DIR", self.cache.path());
        cmd.arg("--journal").arg(&self.path).args(args);
        cmd
    }

    /// Runs ARGS, requires success and no stderr, and returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        run_ok(self.cmd(args))
    }

    /// Runs ARGS, requires exit `code` and an `error:` line, checks the journal is byte-for-byte
    /// unchanged, and returns stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let before = fs::read(&self.path).ok();
        let stderr = run_fails(self.cmd(args), code);
        assert_eq!(
            fs::read(&self.path).ok(),
            before,
            "journal changed by a failed command"
        );
        stderr
    }
}

/// A hermetic `milestone`: no MILESTONE_* or colour settings leak in from the environment,
/// today is TODAY, and standard input is empty (never the test runner's terminal).
pub fn milestone() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_milestone"));
    for var in [
        "MILESTONE_JOURNAL",
        "MILESTONE_CONFIG",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "EDITOR",
        "VISUAL",
    ] {
        cmd.env_remove(var);
    }
    // A developer's own settings file must not change what the tests see, and no test writes
    // a cache into their home (TestJournal gives each journal a cache folder of its own).
    cmd.env("XDG_CONFIG_HOME", "/nonexistent/milestone-tests/config");
    cmd.env("MILESTONE_NO_CACHE", "1");
    cmd.env("MILESTONE_TODAY", TODAY).write_stdin("");
    cmd
}

pub fn run_ok(mut cmd: Command) -> String {
    let output = cmd.output().expect("run milestone");
    let stdout = String::from_utf8(output.stdout).expect("utf-8 stdout");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "failed: {:?}\nstdout: {stdout}\nstderr: {stderr}",
        output.status
    );
    assert_eq!(stderr, "", "unexpected stderr");
    stdout
}

pub fn run_fails(mut cmd: Command, code: i32) -> String {
    let output = cmd.output().expect("run milestone");
    let stderr = String::from_utf8(output.stderr).expect("utf-8 stderr");
    assert_eq!(
        output.status.code(),
        Some(code),
        "stderr: {stderr}\nstdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(
        stderr.starts_with("error: "),
        "stderr must start with `error: `: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// Parses JSON output, failing the test with the text when it is not JSON.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// `out` with the new entry's id (after "milestone rm ") replaced by `ID`, for exact comparisons
/// of confirmations whose ids are random.
pub fn with_id_hidden(out: &str) -> String {
    const MARK: &str = "milestone rm ";
    match out.find(MARK) {
        Some(at) => {
            let start = at + MARK.len();
            let end = out[start..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(out.len(), |n| start + n);
            format!("{}ID{}", &out[..start], &out[end..])
        }
        None => out.to_owned(),
    }
}
