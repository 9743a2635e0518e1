//! Running the `git` program found on PATH for a group folder: never through a shell, never
//! asking for a password on the terminal (`GIT_TERMINAL_PROMPT=0`), and killed after a time
//! limit. The person's own git configuration and credentials are used; this program never
//! opens a socket itself.
//!
//! Commits are made as the member id (never the person's own git identity), so the group's
//! history knows no more of a member than their card does.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one git command may run, unless `MILESTONE_GIT_TIMEOUT` (seconds) says otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// How many times a push rejected because another member pushed first is retried.
pub const PUSH_ATTEMPTS: usize = 10;

/// Why git failed: its own words, trimmed to the lines that say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitError(pub String);

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn timeout() -> Duration {
    std::env::var("MILESTONE_GIT_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_TIMEOUT)
}

/// Runs `git ARGS` in `dir`; its standard output on success.
pub fn run(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    run_as(dir, args, None)
}

/// `run`, with `member` as the author and committer whatever the person's git identity is.
fn run_as(dir: &Path, args: &[&str], member: Option<&str>) -> Result<String, GitError> {
    let done = exec(dir, args, member)?;
    if done.code == Some(0) {
        Ok(done.stdout)
    } else {
        Err(GitError(reason(&done.stderr, &done.stdout)))
    }
}

/// What a git command that ran to its end said.
struct Done {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `git ARGS` in `dir` to its end (or its time limit).
fn exec(dir: &Path, args: &[&str], member: Option<&str>) -> Result<Done, GitError> {
    let mut command = Command::new("git");
    if let Some(member) = member {
        let email = format!("{member}@members.milestone.invalid");
        for (var, value) in [
            ("GIT_AUTHOR_NAME", member),
            ("GIT_COMMITTER_NAME", member),
            ("GIT_AUTHOR_EMAIL", &email),
            ("GIT_COMMITTER_EMAIL", &email),
        ] {
            command.env(var, value);
        }
    }
    let mut child = command
        .args(args)
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_ASKPASS", "")
        .env("SSH_ASKPASS", "")
        // ssh must not ask either (a host key, a passphrase): fail instead.
        .env(
            "GIT_SSH_COMMAND",
            std::env::var("GIT_SSH_COMMAND").unwrap_or_else(|_| "ssh -o BatchMode=yes".into()),
        )
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            GitError(if e.kind() == std::io::ErrorKind::NotFound {
                "git is not installed (no `git` on PATH); install git, or use a plain synced folder"
                    .into()
            } else {
                format!("could not run git: {e}")
            })
        })?;
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    // Each reader says when its pipe closed, which is when git is about to exit: the wait
    // below wakes then instead of at its next tick (a `show` runs git twice).
    let (closed, pipe_closed) = std::sync::mpsc::channel::<()>();
    let closed_err = closed.clone();
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(out) = out.as_mut() {
            let _ = out.read_to_end(&mut text);
        }
        let _ = closed.send(());
        text
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(err) = err.as_mut() {
            let _ = err.read_to_end(&mut text);
        }
        let _ = closed_err.send(());
        text
    });
    let limit = timeout();
    let started = Instant::now();
    let mut open_pipes = 2;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) if open_pipes > 0 => {
                match pipe_closed.recv_timeout(Duration::from_millis(5)) {
                    Ok(()) => open_pipes -= 1,
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => open_pipes = 0,
                }
            }
            // Both pipes closed: git is exiting (or a child of it held them and is gone).
            Ok(None) => std::thread::sleep(Duration::from_millis(1)),
            Err(e) => return Err(GitError(format!("could not wait for git: {e}"))),
        }
    };
    // A killed git may leave a child (ssh) holding the pipes: do not wait for them then.
    let Some(status) = status else {
        return Err(GitError(format!(
            "git {} took longer than {} seconds and was stopped",
            args.first().unwrap_or(&""),
            limit.as_secs()
        )));
    };
    let stdout = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    Ok(Done {
        code: status.code(),
        stdout,
        stderr,
    })
}

/// git's reason in a line or two: its `fatal:`/`error:` lines, else its last line.
fn reason(stderr: &str, stdout: &str) -> String {
    let text = if stderr.trim().is_empty() {
        stdout
    } else {
        stderr
    };
    let said: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("fatal:") || l.starts_with("error:") || l.contains("rejected"))
        .take(3)
        .collect();
    let said = if said.is_empty() {
        text.lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty())
            .unwrap_or("git failed")
            .to_string()
    } else {
        said.join(" / ")
    };
    crate::output::terminal_safe(&said).into_owned()
}

/// Whether `dir` is a git working folder (its own, not a parent's).
pub fn is_repository(dir: &Path) -> bool {
    dir.join(".git").exists()
}

/// Whether `place` is a bare repository on this machine.
pub fn is_bare_repository(place: &Path) -> bool {
    place.join("HEAD").is_file() && place.join("objects").is_dir() && place.join("refs").is_dir()
}

/// `git clone PLACE DEST`.
pub fn clone(place: &str, dest: &Path) -> Result<(), GitError> {
    let parent = dest.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| GitError(format!("could not create {}: {e}", parent.display())))?;
    let dest = dest.to_string_lossy();
    run(parent, &["clone", "--quiet", "--", place, &dest]).map(|_| ())
}

/// Whether the current branch has a commit at all (a fresh clone of an empty repository has not).
fn has_commits(dir: &Path) -> bool {
    run(dir, &["rev-parse", "--verify", "--quiet", "HEAD"]).is_ok()
}

/// `git pull --rebase`: what the others posted. An empty remote has nothing to pull. Your
/// commits replayed on top keep `member` as their committer.
pub fn pull(dir: &Path, member: &str) -> Result<(), GitError> {
    pull_telling(dir, member).0
}

/// `pull`, and whether it got as far as `git pull` (which can change the folder's files): when
/// not, git only fetched, and every file outside `.git` is as it was.
pub fn pull_telling(dir: &Path, member: &str) -> (Result<(), GitError>, bool) {
    let branch = match current_branch(dir) {
        Ok(branch) => branch,
        Err(e) => return (Err(e), false),
    };
    // What `pull` runs first. When the branch is then exactly what was fetched, `pull` would
    // only run a fast-forward merge that finds nothing to do (and refreshes the index of
    // thousands of files on the way): that is the usual `show`, so stop here.
    let fetched = match exec(
        dir,
        &["fetch", "--update-head-ok", "--quiet", "origin", &branch],
        None,
    ) {
        Ok(fetched) => fetched,
        Err(e) => return (Err(e), false),
    };
    if fetched.code != Some(0) {
        if fetched.stderr.contains("couldn't find remote ref") {
            return (Ok(()), false);
        }
        return (
            Err(GitError(reason(&fetched.stderr, &fetched.stdout))),
            false,
        );
    }
    if head_is_fetched(dir, &branch) {
        return (Ok(()), false);
    }
    (full_pull(dir, member, &branch), true)
}

/// Whether the branch points at the commit just fetched: read from the files when they are
/// plain (a loose ref wins over packed ones), else asked of git.
fn head_is_fetched(dir: &Path, branch: &str) -> bool {
    let git_dir = dir.join(".git");
    let first_word = |path: std::path::PathBuf| {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| text.split_whitespace().next().map(str::to_string))
            .filter(|id| id.len() >= 40 && id.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    if let (Some(head), Some(fetched)) = (
        first_word(git_dir.join("refs").join("heads").join(branch)),
        first_word(git_dir.join("FETCH_HEAD")),
    ) && head == fetched
    {
        return true;
    }
    // `--`: both are revisions even if a file has their name (it is printed back).
    run(dir, &["rev-parse", "HEAD", "FETCH_HEAD", "--"]).is_ok_and(|heads| {
        matches!(heads.lines().collect::<Vec<_>>()[..], [head, fetched, "--"] if head == fetched)
    })
}

/// `git pull --rebase` itself; after a failed rebase, the folder as it was.
fn full_pull(dir: &Path, member: &str, branch: &str) -> Result<(), GitError> {
    let done = exec(
        dir,
        &[
            "-c",
            "rebase.autoStash=true",
            "pull",
            "--rebase",
            "--quiet",
            "origin",
            branch,
        ],
        Some(member),
    )?;
    // An empty remote (nobody has posted yet) has no branch to pull: nothing to do.
    if done.code != Some(0) && done.stderr.contains("couldn't find remote ref") {
        return Ok(());
    }
    let result = if done.code == Some(0) {
        Ok(())
    } else {
        Err(GitError(reason(&done.stderr, &done.stdout)))
    };
    let git_dir = dir.join(".git");
    if result.is_err()
        && (git_dir.join("rebase-merge").exists() || git_dir.join("rebase-apply").exists())
    {
        let _ = run(dir, &["rebase", "--abort"]);
    }
    result
}

/// The branch checked out, read from `.git/HEAD` (one git process fewer on every show).
fn current_branch(dir: &Path) -> Result<String, GitError> {
    let head = std::fs::read_to_string(dir.join(".git").join("HEAD")).unwrap_or_default();
    if let Some(branch) = head.trim().strip_prefix("ref: refs/heads/") {
        return Ok(branch.to_string());
    }
    let name = run(dir, &["symbolic-ref", "--quiet", "--short", "HEAD"])?;
    Ok(name.trim().to_string())
}

/// Commits `paths` (added, changed or removed) as `member`; nothing to commit is fine.
pub fn commit(dir: &Path, paths: &[&str], member: &str, message: &str) -> Result<(), GitError> {
    let mut add = vec!["add", "--all", "--"];
    add.extend_from_slice(paths);
    run(dir, &add)?;
    let mut staged = vec!["diff", "--cached", "--quiet", "--"];
    staged.extend_from_slice(paths);
    if has_commits(dir) && run(dir, &staged).is_ok() {
        return Ok(());
    }
    let mut commit = vec![
        "-c",
        "commit.gpgSign=false",
        "commit",
        "--quiet",
        "--no-verify",
        "-m",
        message,
        "--",
    ];
    commit.extend_from_slice(paths);
    run_as(dir, &commit, Some(member)).map(|_| ())
}

/// `git push`, and when another member pushed first, `git pull --rebase` and push again, at most
/// `PUSH_ATTEMPTS` times.
pub fn push(dir: &Path, member: &str) -> Result<(), GitError> {
    let branch = current_branch(dir)?;
    let mut last = GitError("git push failed".into());
    for attempt in 0..PUSH_ATTEMPTS {
        match run(
            dir,
            &[
                "push",
                "--quiet",
                "origin",
                &format!("HEAD:refs/heads/{branch}"),
            ],
        ) {
            Ok(_) => {
                let _ = run(
                    dir,
                    &[
                        "branch",
                        "--quiet",
                        "--set-upstream-to",
                        &format!("origin/{branch}"),
                    ],
                );
                return Ok(());
            }
            Err(e) => last = e,
        }
        // Another member pushed first (or the remote is gone: then the pull says so).
        pull(dir, member)?;
        // Spread the retries of members who all pushed at once.
        std::thread::sleep(Duration::from_millis(20 + 30 * attempt as u64 + jitter()));
    }
    Err(last)
}

fn jitter() -> u64 {
    let mut b = [0u8; 1];
    let _ = getrandom::fill(&mut b);
    u64::from(b[0] % 64)
}
