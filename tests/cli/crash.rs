//! Writes under stress: `milestone add` killed (SIGKILL) at random moments, many processes
//! adding, resetting and starting at once, and what appears in the folder meanwhile.
//!
//! The contract: a crash or a second `milestone` running at the same moment never loses or
//! corrupts an entry, and every file the program creates is owner-only.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::adversarial::{sample_journal, with_umask};
use crate::common::{TestJournal, json, run_with_deadline};

/// xorshift64*: enough randomness for delays, and a seed to replay a failure with.
struct Rng(u64);

impl Rng {
    fn from_env_or_clock() -> Rng {
        let seed = std::env::var("MILESTONE_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("crash test seed: MILESTONE_CRASH_SEED={seed}");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The notes (`text = "..."` lines) that start with `prefix`, with how often each appears.
fn notes_in(text: &str, prefix: &str) -> HashMap<String, usize> {
    let mut found = HashMap::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("text = \"")
            && rest.starts_with(prefix)
        {
            *found
                .entry(rest.trim_end_matches('"').to_owned())
                .or_default() += 1;
        }
    }
    found
}

fn temp_files_in(folder: &Path) -> Vec<PathBuf> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(".milestone-") && name.ends_with(".tmp")
        })
        .collect()
}

fn check_exits_0(journal: &TestJournal) {
    let mut cmd = journal.plain();
    cmd.arg("--journal").arg(&journal.path).arg("check");
    let ran = run_with_deadline(cmd, b"", Duration::from_secs(30));
    assert_eq!(
        ran.code,
        Some(0),
        "the journal no longer checks: {}{}",
        ran.stdout(),
        ran.stderr()
    );
}

/// SIGKILL a writing `milestone add` at a random moment, again and again (300 times, or
/// MILESTONE_CRASH_ITERATIONS). After every kill the journal must still check cleanly and hold
/// every entry whose `add` had returned success, exactly once.
///
/// The journal is the 48 KB sample, so a write takes a moment; the kill delays are spread over
/// the whole run of one `add` (measured first), not just its start-up, so kills land while
/// the temporary file is being written, synced and renamed (leftover temporary files prove it).
#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_entry() {
    let iterations: usize = std::env::var("MILESTONE_CRASH_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let journal = TestJournal::with(&sample_journal());
    let mut rng = Rng::from_env_or_clock();

    // How long one `add` takes here, start to finish.
    let mut timings = Vec::new();
    for i in 0..5 {
        // Timed exactly as the killed runs are started.
        let mut cmd = journal.plain();
        cmd.arg("--journal")
            .arg(&journal.path)
            .args(["add", "--tracker", "alcohol", &format!("warm-up {i}")])
            .stdin(Stdio::null());
        let start = Instant::now();
        let out = cmd.output().expect("add runs");
        timings.push(start.elapsed());
        assert!(out.status.success(), "{out:?}");
    }
    timings.sort();
    // Capped, so a slow or busy machine cannot stretch the test past half a minute.
    let window = timings[2]
        .mul_f64(1.2)
        .clamp(Duration::from_millis(5), Duration::from_millis(40));

    let started = Instant::now();
    let mut acknowledged: Vec<String> = Vec::new();
    let mut killed = 0;
    for i in 0..iterations {
        let note = format!("crash {i}");
        let mut cmd = journal.plain();
        cmd.arg("--journal")
            .arg(&journal.path)
            .args(["add", "--tracker", "alcohol", &note])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn add");
        std::thread::sleep(Duration::from_micros(rng.below(window.as_micros() as u64)));
        let _ = child.kill(); // SIGKILL; a no-op if it already exited
        let out = child.wait_with_output().unwrap();
        match out.status.code() {
            Some(0) => acknowledged.push(note),
            None => killed += 1,
            Some(code) => panic!(
                "add exited {code} without being killed: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
        }

        check_exits_0(&journal);
        let found = notes_in(&journal.text(), "crash ");
        for note in &acknowledged {
            assert_eq!(
                found.get(note),
                Some(&1),
                "iteration {i}: acknowledged {note:?} is missing or doubled"
            );
        }
        assert!(found.values().all(|&n| n == 1), "an entry was doubled");
    }
    let elapsed = started.elapsed();

    // The whole journal, through the program: every acknowledged entry once.
    let entries = json(&journal.ok(&["list", "--format", "json"]));
    let texts: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["text"].as_str())
        .filter(|t| t.starts_with("crash "))
        .collect();
    let unique: HashSet<&str> = texts.iter().copied().collect();
    assert_eq!(unique.len(), texts.len(), "no entry twice");
    for note in &acknowledged {
        assert!(unique.contains(note.as_str()), "lost {note:?}");
    }
    // What a kill between "temp file written" and "renamed" leaves: owner-only, never junk
    // that the journal depends on.
    let leftovers = temp_files_in(journal.folder());
    for temp in &leftovers {
        let mode = fs::metadata(temp).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", temp.display());
    }
    eprintln!(
        "crash test: {iterations} iterations in {elapsed:?} (kill window {window:?}): \
         {} acknowledged, {killed} killed, {} more entries written by killed runs, \
         {} temporary files left by kills",
        acknowledged.len(),
        unique.len() - acknowledged.len(),
        leftovers.len()
    );
    assert!(
        killed > 0 && !acknowledged.is_empty(),
        "the kills should land both before and after some writes finished"
    );
}

/// Many processes at once: check-ins, resets on varied days, new trackers started and written
/// to. Every write that reported success is in the journal, the journal checks cleanly, and
/// no temporary file is left.
#[test]
fn many_processes_adding_resetting_and_starting_at_once_lose_nothing() {
    const WORKERS: usize = 12;
    const ROUNDS: usize = 6;
    let journal = Arc::new(TestJournal::with(
        "version = 1\n\n[[tracker]]\nname = \"alcohol\"\nsince = 2026-01-01\n",
    ));
    let barrier = Arc::new(Barrier::new(WORKERS));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..WORKERS)
        .map(|w| {
            let journal = Arc::clone(&journal);
            let barrier = Arc::clone(&barrier);
            let failures = Arc::clone(&failures);
            std::thread::spawn(move || {
                barrier.wait();
                let mut done = Vec::new();
                for r in 0..ROUNDS {
                    let own = format!("w{w}-r{r}");
                    let day = format!("2026-11-{:02}", 1 + (w * ROUNDS + r) % 25);
                    let steps: [Vec<String>; 4] = [
                        vec![
                            "add".into(),
                            "-t".into(),
                            "alcohol".into(),
                            format!("{own} checkin"),
                        ],
                        vec![
                            "reset".into(),
                            "alcohol".into(),
                            "--date".into(),
                            day,
                            "--note".into(),
                            format!("{own} reset"),
                        ],
                        vec![
                            "start".into(),
                            own.clone(),
                            "--since".into(),
                            "2026-11-01".into(),
                        ],
                        vec![
                            "add".into(),
                            "--win".into(),
                            "-t".into(),
                            own.clone(),
                            format!("{own} win"),
                        ],
                    ];
                    for args in steps {
                        let mut cmd = journal.plain();
                        cmd.arg("--journal").arg(&journal.path).args(&args);
                        let ran = run_with_deadline(cmd, b"", Duration::from_secs(60));
                        if ran.code == Some(0) {
                            done.push(args);
                        } else {
                            failures
                                .lock()
                                .unwrap()
                                .push(format!("{args:?}: {}", ran.stderr()));
                        }
                    }
                }
                done
            })
        })
        .collect();
    let done: Vec<Vec<String>> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let failures = failures.lock().unwrap();
    assert!(failures.is_empty(), "writes failed: {failures:#?}");
    assert_eq!(done.len(), WORKERS * ROUNDS * 4);

    check_exits_0(&journal);
    let entries = json(&journal.ok(&["list", "--format", "json"]));
    let texts: HashMap<&str, usize> =
        entries
            .as_array()
            .unwrap()
            .iter()
            .fold(HashMap::new(), |mut acc, e| {
                *acc.entry(e["text"].as_str().unwrap_or("")).or_default() += 1;
                acc
            });
    let streaks = json(&journal.ok(&["streak", "--format", "json"]));
    let trackers: HashSet<&str> = streaks
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["tracker"].as_str().unwrap())
        .collect();
    for w in 0..WORKERS {
        for r in 0..ROUNDS {
            let own = format!("w{w}-r{r}");
            assert!(trackers.contains(own.as_str()), "lost tracker {own}");
            for what in ["checkin", "reset", "win"] {
                let text = format!("{own} {what}");
                assert_eq!(texts.get(text.as_str()), Some(&1), "{text}");
            }
        }
    }
    assert_eq!(entries.as_array().unwrap().len(), WORKERS * ROUNDS * 3);
    assert_eq!(trackers.len(), 1 + WORKERS * ROUNDS);
    assert!(
        temp_files_in(journal.folder()).is_empty(),
        "temp files left"
    );
}

/// 50 writers at once under umask 000, while a watcher lists the folder as fast as it can:
/// no file or folder with any group or other permission bit may ever appear in it, not even
/// the temporary file for the instant before its rename.
#[test]
fn nothing_readable_by_others_appears_during_fifty_concurrent_writes() {
    let root = TestJournal::empty();
    let folder = root.folder().join("private");
    let path = folder.join("journal.toml");
    let mut cmd = root.plain();
    cmd.arg("--journal")
        .arg(&path)
        .args(["start", "alcohol", "--since", "2026-03-14"]);
    with_umask(&mut cmd, 0o000);
    assert_eq!(
        run_with_deadline(cmd, b"", Duration::from_secs(30)).code,
        Some(0)
    );
    // Make each write take a moment: the 48 KB sample, in the file `start` made (still 0600).
    fs::write(&path, sample_journal()).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let looks = Arc::new(AtomicUsize::new(0));
    let temp_sightings = Arc::new(AtomicUsize::new(0));
    let watcher = {
        let (folder, stop, looks, sightings) = (
            folder.clone(),
            Arc::clone(&stop),
            Arc::clone(&looks),
            Arc::clone(&temp_sightings),
        );
        std::thread::spawn(move || {
            let mut bad = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                looks.fetch_add(1, Ordering::Relaxed);
                let Ok(entries) = fs::read_dir(&folder) else {
                    continue;
                };
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    // The file may be renamed away between the listing and the stat.
                    let Ok(meta) = fs::symlink_metadata(entry.path()) else {
                        continue;
                    };
                    if name.ends_with(".tmp") {
                        sightings.fetch_add(1, Ordering::Relaxed);
                    }
                    let mode = meta.permissions().mode() & 0o7777;
                    if mode & 0o077 != 0 || !meta.is_file() {
                        bad.push(format!("{name} {mode:o}"));
                    }
                }
            }
            bad
        })
    };
    let writers: Vec<_> = (0..50)
        .map(|i| {
            let mut cmd = root.plain();
            cmd.arg("--journal").arg(&path).args([
                "add",
                "--tracker",
                "alcohol",
                &format!("write {i}"),
            ]);
            with_umask(&mut cmd, 0o000);
            cmd.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in writers {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    stop.store(true, Ordering::Relaxed);
    let bad = watcher.join().unwrap();
    assert!(bad.is_empty(), "seen with open permissions: {bad:?}");
    eprintln!(
        "permission watch: {} listings, {} sightings of a temporary file",
        looks.load(Ordering::Relaxed),
        temp_sightings.load(Ordering::Relaxed)
    );
    assert_eq!(
        fs::metadata(&folder).unwrap().permissions().mode() & 0o777,
        0o700
    );
    let written = fs::read_to_string(&path).unwrap();
    assert_eq!(notes_in(&written, "write ").len(), 50);
}
