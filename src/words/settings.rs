//! What a mistake in the settings file is called (each shown after `PATH:LINE:COL: `).

const HOOK_EXAMPLE: &str = "such as on_milestone = [\"notify-send\", \"Milestone\", \"{message}\"]";

pub fn not_toml(why: &str) -> String {
    format!("not valid TOML: {}", why.trim_end().trim_end_matches('.'))
}

pub fn unknown_setting(key: &str) -> String {
    format!(
        "unknown setting `{key}`; the settings are name, default_tracker, emoji, share_style, day_one, share_total, ladder, [tracker.NAME], [templates], [hooks] and [group.NAME]"
    )
}

pub fn not_text(key: &str) -> String {
    format!("`{key}` must be a string in quotes")
}

pub fn not_flag(key: &str) -> String {
    format!("`{key}` must be true or false")
}

pub fn unknown_share_style(name: &str, names: &str) -> String {
    format!("unknown share_style {name:?}; use one of {names}")
}

pub fn unknown_ladder(name: &str) -> String {
    format!(
        "unknown ladder {name:?}; use \"default\", \"aa\", \"na\" or a list such as [\"30d\", \"1y\", \"every 1y\"]"
    )
}

pub const NOT_A_LADDER: &str = "`ladder` must be \"default\", \"aa\", \"na\" or a list of steps such as [\"30d\", \"1y\", \"every 1y\"]";
pub const NOT_A_STEP: &str = "a ladder step must be a string such as \"30d\"";
pub const NOT_TRACKERS: &str = "`tracker` must be tables such as [tracker.smoking]";

pub fn not_a_tracker(name: &str) -> String {
    format!("`tracker.{name}` must be a table such as [tracker.{name}]")
}

pub fn unknown_tracker_setting(key: &str, name: &str) -> String {
    format!("unknown setting `{key}` for tracker {name}; only `ladder` can be set per tracker")
}

pub const NOT_TEMPLATES: &str = "`templates` must be a table: [templates] then name = \"text\"";

pub fn not_a_template(name: &str) -> String {
    format!("template `{name}` must be a string in quotes")
}

pub fn not_hooks() -> String {
    format!("`hooks` must be a table: [hooks] then a program and its arguments {HOOK_EXAMPLE}")
}

pub fn unknown_hook(key: &str) -> String {
    format!("unknown hook `{key}`; the hooks are on_milestone, on_reset and on_entry")
}

pub fn not_a_hook(key: &str) -> String {
    format!("hook `{key}` must be a list of strings, the program first, {HOOK_EXAMPLE}")
}

pub fn hook_without_program(key: &str) -> String {
    format!("hook `{key}` needs a program to run first, {HOOK_EXAMPLE}")
}

pub fn bad_hook_word(key: &str, why: &str) -> String {
    format!("hook `{key}`: {why}")
}

pub fn empty_hook(key: &str) -> String {
    format!("hook `{key}` is an empty list; name a program to run, {HOOK_EXAMPLE}, or leave it out")
}

pub const NOT_GROUPS: &str =
    "`group` must be tables such as [group.tuesday] (`milestone group join` writes them)";

pub fn bad_group_name(name: &str, why: &str) -> String {
    format!("[group.{name}]: {why}")
}

pub fn not_a_group(name: &str) -> String {
    format!("`group.{name}` must be a table such as [group.{name}]")
}

pub fn not_group_text(name: &str, key: &str) -> String {
    format!("group.{name}.{key} must be a string in quotes")
}

pub fn not_group_flag(name: &str, key: &str) -> String {
    format!("group.{name}.{key} must be true or false")
}

pub fn bad_member(name: &str) -> String {
    format!("group.{name}.member must be lowercase letters and digits")
}

pub fn not_group_trackers(name: &str) -> String {
    format!("group.{name}.trackers must be a list such as [\"alcohol\"]")
}

pub fn not_group_tracker_names(name: &str) -> String {
    format!("group.{name}.trackers must be a list of names in quotes")
}

pub fn unknown_group_setting(key: &str, name: &str) -> String {
    format!(
        "unknown setting `{key}` for group {name}; a group has path, member, name, anonymous, trackers, discreet and auto_post"
    )
}

pub fn group_needs_path_and_member(name: &str) -> String {
    format!(
        "[group.{name}] needs `path` and `member`; `milestone group leave {name}` and `milestone group join` set them"
    )
}

/// The whole message: where, what, and what to do.
pub fn located(path: &std::path::Path, line: usize, column: usize, message: &str) -> String {
    format!(
        "{}:{line}:{column}: {message}; fix the settings file (see `milestone --help` for --config)",
        path.display()
    )
}
