//! Syncing a journal between two clones with git and `milestone merge-driver`.

use std::path::{Path, PathBuf};

use crate::common::{CONTRACT_EXAMPLE, TestEnv, json};

/// git in `dir`, sealed in `env` (no system or personal git configuration).
fn git(env: &TestEnv, dir: &Path, args: &[&str]) -> std::process::Output {
    env.command("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs")
}

fn git_ok(env: &TestEnv, dir: &Path, args: &[&str]) {
    let output = git(env, dir, args);
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn milestone(env: &TestEnv, clone: &Path, args: &[&str]) -> String {
    let mut cmd = env.milestone();
    cmd.arg("--journal")
        .arg(clone.join("journal.toml"))
        .args(args);
    crate::common::run_ok(cmd)
}

/// An origin with the journal committed, and two clones set up as the README says.
fn two_clones() -> (TestEnv, tempfile::TempDir, PathBuf, PathBuf) {
    let sealed = TestEnv::new();
    let env = &sealed;
    let root = tempfile::tempdir().unwrap();
    let origin = root.path().join("origin");
    std::fs::create_dir(&origin).unwrap();
    git_ok(env, &origin, &["init", "-q", "-b", "main"]);
    std::fs::write(origin.join("journal.toml"), CONTRACT_EXAMPLE).unwrap();
    std::fs::write(
        origin.join(".gitattributes"),
        "journal.toml merge=milestone\n",
    )
    .unwrap();
    git_ok(env, &origin, &["add", "."]);
    git_ok(env, &origin, &["commit", "-q", "-m", "journal"]);
    git_ok(
        env,
        &origin,
        &["config", "receive.denyCurrentBranch", "ignore"],
    );
    let driver = format!(
        "\"{}\" merge-driver %O %A %B",
        env!("CARGO_BIN_EXE_milestone")
    );
    let mut clones = Vec::new();
    for name in ["laptop", "phone"] {
        git_ok(env, root.path(), &["clone", "-q", "origin", name]);
        let clone = root.path().join(name);
        git_ok(env, &clone, &["config", "merge.milestone.driver", &driver]);
        git_ok(env, &clone, &["config", "pull.rebase", "false"]);
        clones.push(clone);
    }
    let phone = clones.pop().unwrap();
    let laptop = clones.pop().unwrap();
    (sealed, root, laptop, phone)
}

fn commit_and_push(env: &TestEnv, clone: &Path) {
    git_ok(env, clone, &["commit", "-q", "-am", "days"]);
    git_ok(env, clone, &["push", "-q", "origin", "main"]);
}

#[test]
fn two_clones_that_each_logged_days_merge_into_one_journal() {
    let (env, _root, laptop, phone) = two_clones();
    let env = &env;
    milestone(env, &laptop, &["add", "from the laptop"]);
    milestone(env, &laptop, &["edit", "aaaaaa2", "--mood", "5"]);
    commit_and_push(env, &laptop);
    milestone(
        env,
        &phone,
        &["add", "from the phone", "--date", "yesterday"],
    );
    milestone(env, &phone, &["add", "--win", "a win on the phone"]);
    milestone(env, &phone, &["rm", "aaaaaa1", "--yes"]);
    git_ok(env, &phone, &["commit", "-q", "-am", "days"]);
    git_ok(env, &phone, &["pull", "-q", "--no-edit", "origin", "main"]);

    let entries = json(&milestone(env, &phone, &["list", "--format", "json"]));
    let texts: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["text"].as_str())
        .collect();
    for text in [
        "from the laptop",
        "from the phone",
        "a win on the phone",
        "Went to a meeting, felt strong",
    ] {
        assert!(texts.contains(&text), "{text} missing: {texts:?}");
    }
    let ids: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"aaaaaa1"), "the phone's removal applies");
    let edited = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "aaaaaa2")
        .unwrap();
    assert_eq!(edited["mood"], 5, "the laptop's edit applies");
    assert_eq!(entries.as_array().unwrap().len(), 5);
    assert!(milestone(env, &phone, &["check"]).contains(": ok (1 tracker, 5 entries)"));
}

#[test]
fn the_same_entry_changed_on_both_sides_is_a_conflict_naming_it() {
    let (env, _root, laptop, phone) = two_clones();
    let env = &env;
    milestone(env, &laptop, &["edit", "aaaaaa2", "--mood", "5"]);
    milestone(env, &laptop, &["add", "kept anyway"]);
    commit_and_push(env, &laptop);
    milestone(env, &phone, &["edit", "aaaaaa2", "--mood", "1"]);
    git_ok(env, &phone, &["commit", "-q", "-am", "days"]);
    let pull = git(env, &phone, &["pull", "--no-edit", "origin", "main"]);
    assert!(!pull.status.success(), "a true conflict stops the merge");
    let said =
        String::from_utf8_lossy(&pull.stderr).into_owned() + &String::from_utf8_lossy(&pull.stdout);
    assert!(said.contains("error: 1 conflict in the journal"), "{said}");
    assert!(
        said.contains(
            "  entry aaaaaa2 (2026-11-23 alcohol checkin) was changed differently on both sides\n"
        ),
        "{said}"
    );
    // The journal in the work tree is valid: ours kept, their addition merged in.
    assert!(milestone(env, &phone, &["check"]).contains(": ok"));
    let entries = json(&milestone(env, &phone, &["list", "--format", "json"]));
    let edited = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "aaaaaa2")
        .unwrap();
    assert_eq!(edited["mood"], 1);
    assert!(
        entries
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["text"] == "kept anyway")
    );
}
