//! The committed scripts in `completions/` match what the command line generates today.

use crate::common::{TestEnv, run_ok};

/// (shell, committed file)
const SCRIPTS: [(&str, &str, &str); 5] = [
    (
        "bash",
        "completions/milestone.bash",
        include_str!("../../completions/milestone.bash"),
    ),
    (
        "zsh",
        "completions/_milestone",
        include_str!("../../completions/_milestone"),
    ),
    (
        "fish",
        "completions/milestone.fish",
        include_str!("../../completions/milestone.fish"),
    ),
    (
        "elvish",
        "completions/milestone.elv",
        include_str!("../../completions/milestone.elv"),
    ),
    (
        "powershell",
        "completions/_milestone.ps1",
        include_str!("../../completions/_milestone.ps1"),
    ),
];

#[test]
fn committed_completions_are_up_to_date() {
    let env = TestEnv::new();
    for (shell, file, committed) in SCRIPTS {
        let mut cmd = env.milestone();
        cmd.args(["completions", shell]);
        let generated = run_ok(cmd);
        assert!(
            generated == committed,
            "{file} is out of date with the command line; refresh them with:\n  scripts/refresh-generated"
        );
    }
}

#[test]
fn completions_need_no_journal_or_data_folder() {
    let env = TestEnv::new();
    let mut cmd = env.milestone();
    cmd.env_remove("HOME")
        .env_remove("XDG_DATA_HOME")
        .args(["completions", "bash"]);
    assert!(run_ok(cmd).contains("_milestone()"));
}
