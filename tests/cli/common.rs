//! The test harness, used by every test: a sealed environment for each run of `milestone` (and of
//! any shell, `script` or git that runs it), a temporary journal, and the checks most tests make.
//!
//! Every process a test starts gets an empty environment but `PATH`, then HOME, every XDG folder,
//! the settings file and the cache inside its own temporary folder, so nothing a developer has
//! set (a settings file, EDITOR, NO_COLOR, TZ, MILESTONE_*, COLUMNS) changes what a test sees,
//! and no run leaves anything outside its folders.

use std::ffi::OsStr;
use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_milestone");

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

/// What is passed on from the test runner's own environment: where programs are, and where
/// coverage tools collect their counts. Everything else starts empty.
const PASSED_ON: &[&str] = &["PATH", "LLVM_PROFILE_FILE"];

/// A home folder of its own, with every XDG folder in it, for the processes of one test.
pub struct TestEnv {
    root: TempDir,
}

impl Default for TestEnv {
    fn default() -> Self {
        TestEnv::new()
    }
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let root = tempfile::tempdir().expect("temp dir");
        let env = TestEnv { root };
        fs::create_dir(env.home()).expect("make home");
        // The XDG spec wants the runtime folder to exist and be owner-only.
        fs::DirBuilder::new()
            .mode(0o700)
            .create(env.runtime_dir())
            .expect("make runtime dir");
        env
    }

    /// The whole sandbox: the home folder and the runtime folder.
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    pub fn home(&self) -> PathBuf {
        self.root().join("home")
    }

    pub fn config_home(&self) -> PathBuf {
        self.home().join(".config")
    }

    pub fn data_home(&self) -> PathBuf {
        self.home().join(".local/share")
    }

    pub fn cache_home(&self) -> PathBuf {
        self.home().join(".cache")
    }

    pub fn state_home(&self) -> PathBuf {
        self.home().join(".local/state")
    }

    pub fn runtime_dir(&self) -> PathBuf {
        self.root().join("run")
    }

    /// Where `milestone` looks for its settings when no `--config` is given.
    pub fn settings_file(&self) -> PathBuf {
        self.config_home().join("milestone/config.toml")
    }

    /// Where `milestone` keeps its derived cache.
    pub fn cache_dir(&self) -> PathBuf {
        self.cache_home().join("milestone")
    }

    /// Seals `cmd` inside this environment: nothing from the test runner's environment but
    /// `PATH`, today is TODAY in UTC, and standard input is empty (never the runner's terminal).
    /// A test may still set or remove any variable afterwards.
    pub fn isolate<'c>(&self, cmd: &'c mut StdCommand) -> &'c mut StdCommand {
        cmd.env_clear();
        for var in PASSED_ON {
            if let Some(value) = std::env::var_os(var) {
                cmd.env(var, value);
            }
        }
        cmd.env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.config_home())
            .env("XDG_DATA_HOME", self.data_home())
            .env("XDG_CACHE_HOME", self.cache_home())
            .env("XDG_STATE_HOME", self.state_home())
            .env("XDG_RUNTIME_DIR", self.runtime_dir())
            .env("TMPDIR", std::env::temp_dir())
            .env("TZ", "UTC")
            .env("MILESTONE_TODAY", TODAY)
            .stdin(Stdio::null())
    }

    /// Any program (a shell, `script`, git), sealed in this environment.
    pub fn command(&self, program: impl AsRef<OsStr>) -> StdCommand {
        let mut cmd = StdCommand::new(program);
        self.isolate(&mut cmd);
        cmd
    }

    /// `milestone` with no arguments, sealed in this environment, as a plain
    /// `std::process::Command` (for deadlines, signals and `pre_exec`).
    pub fn plain(&self) -> StdCommand {
        self.command(BIN)
    }

    /// `milestone` with no arguments, sealed in this environment.
    pub fn milestone(&self) -> Command {
        let mut cmd = Command::from_std(self.plain());
        cmd.write_stdin("");
        cmd
    }

    /// Every file and folder in the sandbox, relative to it, sorted.
    pub fn contents(&self) -> Vec<PathBuf> {
        fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
            for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                out.push(path.strip_prefix(root).unwrap().to_owned());
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    walk(root, &path, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(self.root(), self.root(), &mut out);
        out.sort();
        out
    }
}

/// A journal file in its own temporary folder (the file may not exist yet), and the
/// environment its commands run in.
pub struct TestJournal {
    env: TestEnv,
    dir: TempDir,
    pub path: PathBuf,
}

impl TestJournal {
    /// A folder with no journal in it yet.
    pub fn empty() -> TestJournal {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("journal.toml");
        TestJournal {
            env: TestEnv::new(),
            dir,
            path,
        }
    }

    /// A journal holding exactly `text`.
    pub fn with(text: &str) -> TestJournal {
        let journal = TestJournal::empty();
        fs::write(&journal.path, text).expect("write journal");
        journal
    }

    pub fn env(&self) -> &TestEnv {
        &self.env
    }

    /// The folder this journal's cache is kept in.
    pub fn cmd_cache_dir(&self) -> PathBuf {
        self.env.cache_dir()
    }

    pub fn folder(&self) -> &Path {
        self.dir.path()
    }

    pub fn text(&self) -> String {
        fs::read_to_string(&self.path).expect("read journal")
    }

    pub fn bytes(&self) -> Vec<u8> {
        fs::read(&self.path).expect("read journal")
    }

    /// `milestone` in this journal's environment, with no arguments (not even `--journal`).
    pub fn bare(&self) -> Command {
        self.env.milestone()
    }

    /// `milestone` in this journal's environment as a plain `std::process::Command`, with no
    /// arguments (not even `--journal`).
    pub fn plain(&self) -> StdCommand {
        self.env.plain()
    }

    /// `milestone --journal <this> ARGS` on TODAY, with nothing from the environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare();
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

/// What a finished run left: its exit code (None when killed by a signal) and output.
pub struct Ran {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Ran {
    pub fn stderr(&self) -> String {
        String::from_utf8(self.stderr.clone()).expect("stderr must be UTF-8")
    }
    pub fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout must be UTF-8")
    }
}

/// Runs `cmd` with `stdin`, killing it after `limit` (then the test fails with "hung").
pub fn run_with_deadline(mut cmd: StdCommand, stdin: &[u8], limit: Duration) -> Ran {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn milestone");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let _ = feeder.join();
    let stdout = out_reader.join().unwrap();
    let stderr = err_reader.join().unwrap();
    assert!(
        status.is_some(),
        "milestone hung for {limit:?} and was killed; stderr so far: {}",
        String::from_utf8_lossy(&stderr)
    );
    Ran {
        code: status.unwrap().code(),
        stdout,
        stderr,
    }
}

// ---------------------------------------------------------------------------------------------
// The harness itself

#[test]
fn a_sealed_run_sees_only_its_own_folders() {
    let env = TestEnv::new();
    let out = env
        .command("sh")
        .args(["-c", "env | LC_ALL=C sort"])
        .env("EXTRA", "set by the test")
        .output()
        .expect("sh runs");
    let root = env.root().display();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "EXTRA=set by the test\nHOME={root}/home\nMILESTONE_TODAY={TODAY}\n{}PATH={}\nPWD={}\n\
             TMPDIR={}\nTZ=UTC\nXDG_CACHE_HOME={root}/home/.cache\n\
             XDG_CONFIG_HOME={root}/home/.config\nXDG_DATA_HOME={root}/home/.local/share\n\
             XDG_RUNTIME_DIR={root}/run\nXDG_STATE_HOME={root}/home/.local/state\n",
            std::env::var("LLVM_PROFILE_FILE")
                .map(|v| format!("LLVM_PROFILE_FILE={v}\n"))
                .unwrap_or_default(),
            std::env::var("PATH").unwrap(),
            std::env::current_dir().unwrap().display(),
            std::env::temp_dir().display(),
        )
    );
    assert_eq!(
        fs::metadata(env.runtime_dir())
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o700
    );
}

#[test]
fn the_settings_and_the_cache_stay_in_the_sandbox() {
    let journal = TestJournal::with(CONTRACT_EXAMPLE);
    fs::create_dir_all(journal.env().settings_file().parent().unwrap()).unwrap();
    fs::write(
        journal.env().settings_file(),
        "day_one = true\nemoji = false\n",
    )
    .unwrap();
    assert_eq!(
        journal.ok(&["share"]),
        "257 days alcohol-free.\nNext up: 9 months on 14 Dec, 19 days to go.\n",
        "the sandbox's settings file is the one read"
    );
    let paths = journal.ok(&["paths"]);
    assert!(
        paths.contains(&journal.env().settings_file().display().to_string()),
        "{paths}"
    );
    let cache: Vec<_> = fs::read_dir(journal.cmd_cache_dir())
        .expect("the cache is written in the sandbox")
        .collect();
    assert_eq!(cache.len(), 2, "a head and a journal file");
}
