//! Completions in the real shells (Debian's bash, zsh and fish; `.ci/run` installs them): the
//! committed scripts load and complete a subcommand, and the dynamic completion offers the
//! journal's own tracker names, tags and entry ids.

use crate::common::{BIN, TestEnv};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/journal.toml");

/// Runs `script` in `shell`, failing the test when the shell is missing or the script fails.
fn shell(shell: &str, args: &[&str], script: &str) -> String {
    let env = TestEnv::new();
    let output = env
        .command(shell)
        .args(args)
        .arg(script)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("MILESTONE_JOURNAL", SAMPLE)
        .output()
        .unwrap_or_else(|e| {
            panic!("{shell} must be installed for these tests (.ci/run installs it): {e}")
        });
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{shell} failed: {stderr}");
    assert_eq!(stderr, "", "{shell} printed errors");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn bash_loads_the_script_and_completes_a_subcommand() {
    let out = shell(
        "bash",
        &["--norc", "-c"],
        r#"source completions/milestone.bash
COMP_WORDS=(milestone sh); COMP_CWORD=1
_milestone milestone sh milestone
printf '%s\n' "${COMPREPLY[@]}""#,
    );
    assert_eq!(out, "share\n");
}

#[test]
fn zsh_loads_the_script_and_completes_a_subcommand() {
    // _describe is zsh's own; standing in for it shows what the script would offer.
    let out = shell(
        "zsh",
        &["-f", "-c"],
        r#"autoload -Uz compinit && compinit -u -D
source completions/_milestone
(( $+functions[_milestone] )) || exit 1
_describe() { print -l -- ${(P)4} }
_milestone_commands | grep '^sh'"#,
    );
    assert_eq!(
        out,
        "share:Print a short celebratory text for a group chat\n"
    );
}

#[test]
fn fish_loads_the_script_and_completes_a_subcommand() {
    let out = shell(
        "fish",
        &["--no-config", "-c"],
        "source completions/milestone.fish; complete -C 'milestone sh'",
    );
    assert_eq!(
        out,
        "share\tPrint a short celebratory text for a group chat\n"
    );
}

#[test]
fn bash_completes_tracker_names_from_the_journal() {
    let out = shell(
        "bash",
        &["--norc", "-c"],
        &format!(
            r#"source <(COMPLETE=bash "{BIN}")
COMP_WORDS=(milestone add --tracker ''); COMP_CWORD=3; COMP_TYPE=9
_clap_complete_milestone milestone '' --tracker
printf '%s\n' "${{COMPREPLY[@]}}""#
        ),
    );
    assert_eq!(out, "alcohol\nsmoking\n");
}

#[test]
fn zsh_completes_tracker_names_from_the_journal() {
    let out = shell(
        "zsh",
        &["-f", "-c"],
        &format!(
            r#"autoload -Uz compinit && compinit -u -D
source <(COMPLETE=zsh "{BIN}")
_describe() {{ print -l -- ${{(P)${{@[-1]}}}} }}
words=(milestone streak ''); CURRENT=3
_clap_dynamic_completer_milestone"#
        ),
    );
    // The journal's trackers come first; the options follow.
    assert!(
        out.starts_with("alcohol:since 2025-11-20\nsmoking:since 2026-02-01\n--"),
        "{out}"
    );
}

#[test]
fn fish_completes_tags_and_entry_ids_from_the_journal() {
    let tags = shell(
        "fish",
        &["--no-config", "-c"],
        &format!("COMPLETE=fish '{BIN}' | source; complete -C 'milestone add --tag '"),
    );
    assert_eq!(tags, "exercise\nmeeting\nsponsor\n");
    let ids = shell(
        "fish",
        &["--no-config", "-c"],
        &format!("COMPLETE=fish '{BIN}' | source; complete -C 'milestone rm '"),
    );
    let first = ids.lines().next().unwrap_or_default();
    assert!(
        first.contains("\t2026-11-24 "),
        "the newest entry first: {ids}"
    );
    let entry_lines = ids
        .lines()
        .filter(|l| l.split('\t').next().is_some_and(|id| id.len() == 7) && l.contains("\t20"));
    assert_eq!(
        entry_lines.count(),
        451,
        "every entry of the sample journal: {ids}"
    );
}
