//! What gets installed: the Debian package's assets (`[package.metadata.deb]` in Cargo.toml)
//! name files that exist and leave nothing out, and the version is said the same way by
//! `--version`, Cargo.toml and the changelog. `.ci/run` builds the package and runs it.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{TestEnv, run_ok};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The one asset that is built rather than committed.
const BINARY: &str = "target/release/milestone";

/// Cargo.toml's `[package.metadata.deb] assets`, as (source, destination, mode).
fn assets() -> Vec<(String, String, String)> {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let manifest: toml_edit::DocumentMut = manifest.parse().unwrap();
    let assets = manifest["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .expect("[package.metadata.deb] assets is an array");
    assets
        .iter()
        .map(|asset| {
            let fields: Vec<String> = asset
                .as_array()
                .expect("each asset is [source, destination, mode]")
                .iter()
                .map(|f| f.as_str().unwrap().to_owned())
                .collect();
            assert_eq!(fields.len(), 3, "{fields:?}");
            (fields[0].clone(), fields[1].clone(), fields[2].clone())
        })
        .collect()
}

/// The files of the repository folder `folder` (relative to the root), sorted; none when it
/// does not exist.
fn files_in(folder: &str) -> Vec<String> {
    let mut names = Vec::new();
    collect_files(&Path::new(ROOT).join(folder), "", &mut names);
    names.sort();
    names
}

/// The files under `dir`, as paths relative to it (contrib/ has a folder per kind of example).
fn collect_files(dir: &Path, prefix: &str, names: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.map(|e| e.unwrap()) {
        let name = format!("{prefix}{}", entry.file_name().into_string().unwrap());
        if entry.file_type().unwrap().is_dir() {
            collect_files(&entry.path(), &format!("{name}/"), names);
        } else {
            names.push(name);
        }
    }
}

/// The committed files a source names: itself, or what a `folder/*.ext` pattern matches.
fn matches(source: &str) -> Vec<String> {
    let (folder, name) = source.rsplit_once('/').unwrap_or(("", source));
    match name.split_once('*') {
        None if Path::new(ROOT).join(source).is_file() => vec![source.to_owned()],
        None => Vec::new(),
        Some((before, after)) => {
            assert!(
                !folder.contains('*'),
                "{source}: only the file name may hold a *"
            );
            files_in(folder)
                .into_iter()
                .filter(|f| f.starts_with(before) && f.ends_with(after))
                .map(|f| format!("{folder}/{f}"))
                .collect()
        }
    }
}

#[test]
fn every_asset_of_the_package_names_files_that_exist() {
    for (source, destination, mode) in assets() {
        assert!(
            !destination.starts_with('/'),
            "{destination}: relative to /"
        );
        let expected_mode = if source == BINARY { "755" } else { "644" };
        assert_eq!(mode, expected_mode, "{source}");
        if source != BINARY {
            assert!(
                !matches(&source).is_empty(),
                "the package's asset {source} (Cargo.toml, [package.metadata.deb]) names no file"
            );
        }
    }
}

#[test]
fn the_package_installs_the_binary_man_pages_completions_and_docs() {
    let mut installed = BTreeSet::new();
    for (source, destination, _) in assets() {
        let sources = if source == BINARY {
            vec![source]
        } else {
            matches(&source)
        };
        for source in sources {
            let name = source.rsplit('/').next().unwrap();
            let path = match destination.strip_suffix('/') {
                Some(folder) => format!("{folder}/{name}"),
                None => destination.clone(),
            };
            assert!(installed.insert(path.clone()), "{path} is installed twice");
        }
    }
    let doc = "usr/share/doc/milestone";
    let mut expected: BTreeSet<String> = [
        "usr/bin/milestone",
        "usr/share/bash-completion/completions/milestone",
        "usr/share/zsh/vendor-completions/_milestone",
        "usr/share/fish/vendor_completions.d/milestone.fish",
    ]
    .map(str::to_owned)
    .into();
    for name in ["README.md", "CHANGELOG.md", "LICENSE-MIT", "LICENSE-APACHE"] {
        expected.insert(format!("{doc}/{name}"));
    }
    let man = files_in("man");
    assert!(man.contains(&"milestone.1".to_owned()), "{man:?}");
    for page in man {
        expected.insert(format!("usr/share/man/man1/{page}"));
    }
    // Every example and every contrib file (a systemd timer, a crontab line) goes along.
    for folder in ["examples", "contrib"] {
        for name in files_in(folder) {
            expected.insert(format!("{doc}/{folder}/{name}"));
        }
    }
    assert_eq!(
        installed, expected,
        "the package's assets (Cargo.toml, [package.metadata.deb]) leave out or add files"
    );
}

#[test]
fn version_says_the_version_of_cargo_toml() {
    let expected = format!("milestone {}\n", env!("CARGO_PKG_VERSION"));
    let env = TestEnv::new();
    for flag in ["--version", "-V"] {
        let mut cmd = env.milestone();
        cmd.arg(flag);
        assert_eq!(run_ok(cmd), expected, "{flag}");
    }
}

#[test]
fn the_changelog_keeps_a_changelog_with_this_version() {
    let changelog = std::fs::read_to_string(Path::new(ROOT).join("CHANGELOG.md")).unwrap();
    let releases: Vec<&str> = changelog
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .collect();
    assert_eq!(releases.first(), Some(&"[Unreleased]"), "{releases:?}");
    let this = format!("[{}] - ", env!("CARGO_PKG_VERSION"));
    let release = releases
        .iter()
        .find(|r| r.starts_with(&this))
        .unwrap_or_else(|| panic!("CHANGELOG.md has no section {this}YYYY-MM-DD"));
    let date = &release[this.len()..];
    assert!(
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
        "{release}"
    );
    for heading in changelog.lines().filter_map(|l| l.strip_prefix("### ")) {
        assert!(
            [
                "Added",
                "Changed",
                "Deprecated",
                "Removed",
                "Fixed",
                "Security"
            ]
            .contains(&heading),
            "Keep a Changelog has no kind of change called {heading}"
        );
    }
}
