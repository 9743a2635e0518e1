//! Running hooks: each program started directly (never through a shell), in a process group of
//! its own, the share card on its standard input and its output on our standard error (standard
//! output is data: `milestone remind | xargs notify-send` must see only the reminders).
//!
//! All of one command's hooks run side by side and share one time limit; whatever is still
//! running then is stopped, with everything it started.

use std::io::Write;
use std::os::fd::AsFd;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::event::Event;
use crate::words::remind as words;

/// How long hooks may run before they are stopped.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);
/// How long a stopped hook has to tidy up before it is killed.
const GRACE: Duration = Duration::from_millis(300);

/// One hook to run: which setting it came from, its argv (placeholders filled in) and event.
pub struct Run<'a> {
    pub argv: Vec<String>,
    pub event: &'a Event,
    /// Extra environment: where the journal and settings are, so that a hook's own `milestone`
    /// reads the same journal.
    pub env: Vec<(&'static str, std::ffi::OsString)>,
}

struct Running {
    hook: String,
    program: String,
    child: Child,
}

/// Runs every hook in `runs`; returns the warnings (a hook that could not start, failed, or
/// was stopped at the time limit). Never fails.
pub fn run_all(runs: &[Run], limit: Duration) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut running = Vec::new();
    for run in runs {
        let hook = run.event.hook.setting();
        let program = run.argv[0].clone();
        match start(run) {
            Ok(child) => running.push(Running {
                hook,
                program,
                child,
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                warnings.push(words::hook_missing(&hook, &program));
            }
            Err(err) => warnings.push(words::hook_not_started(&hook, &program, &err)),
        }
    }

    let deadline = Instant::now() + limit;
    let mut pause = Duration::from_millis(1);
    while !running.is_empty() {
        running.retain_mut(|r| match r.child.try_wait() {
            Ok(Some(status)) => {
                if !status.success() {
                    warnings.push(words::hook_failed(&r.hook, &r.program, status));
                }
                false
            }
            Ok(None) => true,
            Err(_) => false,
        });
        if running.is_empty() {
            break;
        }
        if Instant::now() >= deadline {
            for r in &mut running {
                stop(&mut r.child);
                warnings.push(words::hook_timed_out(&r.hook, &r.program, limit.as_secs()));
            }
            break;
        }
        std::thread::sleep(pause.min(deadline.saturating_duration_since(Instant::now())));
        pause = (pause * 2).min(Duration::from_millis(50));
    }
    warnings
}

fn start(run: &Run) -> std::io::Result<Child> {
    let stderr = std::io::stderr().as_fd().try_clone_to_owned()?;
    let mut child = Command::new(&run.argv[0])
        .args(&run.argv[1..])
        .envs(run.event.env())
        .envs(run.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::piped())
        .stdout(Stdio::from(stderr))
        .process_group(0)
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // A card is far smaller than a pipe's buffer, so this never waits on the hook; a hook
        // that exits without reading it is no error.
        let _ = stdin.write_all(run.event.card.as_bytes());
    }
    Ok(child)
}

/// Stops a hook and everything it started (its process group): asked first, then killed.
fn stop(child: &mut Child) {
    let Ok(group) = i32::try_from(child.id()) else {
        let _ = child.kill();
        let _ = child.wait();
        return;
    };
    // SAFETY: kill(2) on a process group we created; no memory is involved.
    unsafe { libc::kill(-group, libc::SIGTERM) };
    let asked = Instant::now();
    while asked.elapsed() < GRACE {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    // The group may outlive its leader (a script's `sleep`): kill whatever is left of it.
    // SAFETY: as above.
    unsafe { libc::kill(-group, libc::SIGKILL) };
    let _ = child.wait();
}
