
use builtin;
use str;

set edit:completion:arg-completer[milestone] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'milestone'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'milestone'= {
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Begin tracking something: a new streak starts on --since (today by default)'
            cand add 'Log a check-in (or, with --win, a win) for a day'
            cand reset 'Record a slip: the streak starts again, and every day before it still counts'
            cand list 'Show journal entries, oldest first'
            cand edit 'Change one entry, or with no ID edit the whole journal in your editor'
            cand rm 'Remove one entry (asks first on a terminal)'
            cand streak 'Show current, longest and total days, check-ins, and the last and next milestone'
            cand report 'Print the milestone report: milestones and their dates, the next ones, wins, resets'
            cand share 'Print a short celebratory text for a group chat'
            cand circle 'Print one celebration for a group from its members'' share cards'
            cand export 'Write the whole journal as JSON, CSV or Markdown, or the coming milestones as a calendar'
            cand import 'Add entries (and trackers) from an export, jrnl''s JSON or Loop Habit Tracker''s CSV'
            cand check 'Check the journal for mistakes, each shown as PATH:LINE:COL: message'
            cand completions 'Print a shell completion script'
            cand paths 'Show where the journal and the settings file are'
            cand merge-driver 'Merge two clones'' journals entry by entry (a git merge driver; see the README)'
            cand prompt 'Print one short line for a shell prompt or status bar (nothing when there is no journal)'
            cand remind 'Print what is due today, each thing once a day (for cron or a systemd timer)'
            cand tracker 'List your trackers, or change one: rename, re-date, re-price, its phrase or privacy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'milestone;start'= {
            cand --since 'The first day of the streak, such as 2026-03-14 or "3 weeks ago" [default: today]'
            cand --cost-per-day 'Money no longer spent per day, in your own currency'
            cand --phrase 'What follows the count, such as "sober" or "clean" ("30 days sober") [default: NAME-free]'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand --private 'Keep this tracker private: it is never shared, posted to a group, drawn or hooked'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;add'= {
            cand -t 'The tracker (may be left out when you have only one)'
            cand --tracker 'The tracker (may be left out when you have only one)'
            cand -d 'The day, such as yesterday, friday or "nov 20" [default: today]'
            cand --date 'The day, such as yesterday, friday or "nov 20" [default: today]'
            cand -m 'How you feel, 1 (low) to 5 (great)'
            cand --mood 'How you feel, 1 (low) to 5 (great)'
            cand --tag 'A tag; repeat for several'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand --no-edit 'On a terminal with no text, log the check-in without opening the editor'
            cand --win 'Log a win: a milestone of your own, in your own words'
            cand --private 'Keep the text private: it is never shared'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;reset'= {
            cand -t 'The tracker, as an option (the same as TRACKER)'
            cand --tracker 'The tracker, as an option (the same as TRACKER)'
            cand -d 'The day of the slip [default: today]'
            cand --date 'The day of the slip [default: today]'
            cand --note 'A note for yourself about what happened'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -y 'Do not ask first (on a terminal, reset asks before it records anything)'
            cand --yes 'Do not ask first (on a terminal, reset asks before it records anything)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;list'= {
            cand -t 'Only this tracker''s entries'
            cand --tracker 'Only this tracker''s entries'
            cand --since 'Only entries on or after this day'
            cand --until 'Only entries on or before this day'
            cand --kind 'Only entries of this kind'
            cand --tag 'Only entries with this tag'
            cand --limit 'Only the newest N entries (still shown oldest first)'
            cand --format 'Output format'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'milestone;edit'= {
            cand --text 'New text'
            cand -d 'New day'
            cand --date 'New day'
            cand -m 'New mood, 1 (low) to 5 (great)'
            cand --mood 'New mood, 1 (low) to 5 (great)'
            cand --tag 'Replace the tags; repeat for several'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand --private 'Keep the text private: it is never shared'
            cand --public 'Let the text be shared again'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;rm'= {
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -y 'Remove without asking'
            cand --yes 'Remove without asking'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;streak'= {
            cand -t 'The tracker, as an option (the same as TRACKER)'
            cand --tracker 'The tracker, as an option (the same as TRACKER)'
            cand --on 'Count as of this day instead of today'
            cand --format 'Output format'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;report'= {
            cand -t 'The tracker, as an option (the same as TRACKER)'
            cand --tracker 'The tracker, as an option (the same as TRACKER)'
            cand --on 'Report as of this day instead of today'
            cand --format 'Output format'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;share'= {
            cand -t 'The tracker, as an option (the same as TRACKER)'
            cand --tracker 'The tracker, as an option (the same as TRACKER)'
            cand --on 'Share as of this day instead of today'
            cand --style 'How to format the text [default: plain, or share_style from the settings]'
            cand --template 'Use a share template from the settings file''s [templates] instead of a style'
            cand --name 'Your name in the message [default: name from the settings]'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand --anonymous 'Leave your name out, even if the settings have one'
            cand --discreet 'Never name what you track ("256 days strong")'
            cand --no-emoji 'Leave out emoji'
            cand --with-notes 'Add that day''s notes and win (never the text of a private entry)'
            cand --all 'Share every tracker that is not private'
            cand --with-total 'After a slip, also say how many days still count in all [default: share_total from the settings]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'milestone;circle'= {
            cand --style 'How to format the text'
            cand --upcoming 'List the members'' anniversaries in the next span of days instead, such as 30d or 2w'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand --no-emoji 'Leave out emoji'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'milestone;export'= {
            cand --format 'Output format'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'milestone;import'= {
            cand -t 'The tracker for history from another app (jrnl, or a Loop file with one habit)'
            cand --tracker 'The tracker for history from another app (jrnl, or a Loop file with one habit)'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand --dry-run 'Show what would be added, and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;check'= {
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;completions'= {
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;paths'= {
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;merge-driver'= {
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;prompt'= {
            cand -t 'The tracker, as an option (the same as TRACKER)'
            cand --tracker 'The tracker, as an option (the same as TRACKER)'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand --all 'Include private trackers too'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;remind'= {
            cand --format 'Output format'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand --all 'Name private trackers too'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;tracker'= {
            cand --rename 'A new name; every entry of the tracker follows'
            cand --since 'A new first day for the first streak'
            cand --cost-per-day 'Money no longer spent per day (0 to forget it)'
            cand --phrase 'What follows the count ("30 days sober"); an empty phrase goes back to NAME-free'
            cand --journal 'The journal file [default: milestone/journal.toml in your data folder]'
            cand --config 'The settings file [default: milestone/config.toml in your config folder]'
            cand --color 'When to use colour: only on a terminal (auto), always, or never'
            cand --private 'Make the tracker private: never shared, posted, drawn or hooked'
            cand --shareable 'Let the tracker be shared again'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'milestone;help'= {
            cand start 'Begin tracking something: a new streak starts on --since (today by default)'
            cand add 'Log a check-in (or, with --win, a win) for a day'
            cand reset 'Record a slip: the streak starts again, and every day before it still counts'
            cand list 'Show journal entries, oldest first'
            cand edit 'Change one entry, or with no ID edit the whole journal in your editor'
            cand rm 'Remove one entry (asks first on a terminal)'
            cand streak 'Show current, longest and total days, check-ins, and the last and next milestone'
            cand report 'Print the milestone report: milestones and their dates, the next ones, wins, resets'
            cand share 'Print a short celebratory text for a group chat'
            cand circle 'Print one celebration for a group from its members'' share cards'
            cand export 'Write the whole journal as JSON, CSV or Markdown, or the coming milestones as a calendar'
            cand import 'Add entries (and trackers) from an export, jrnl''s JSON or Loop Habit Tracker''s CSV'
            cand check 'Check the journal for mistakes, each shown as PATH:LINE:COL: message'
            cand completions 'Print a shell completion script'
            cand paths 'Show where the journal and the settings file are'
            cand merge-driver 'Merge two clones'' journals entry by entry (a git merge driver; see the README)'
            cand prompt 'Print one short line for a shell prompt or status bar (nothing when there is no journal)'
            cand remind 'Print what is due today, each thing once a day (for cron or a systemd timer)'
            cand tracker 'List your trackers, or change one: rename, re-date, re-price, its phrase or privacy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'milestone;help;start'= {
        }
        &'milestone;help;add'= {
        }
        &'milestone;help;reset'= {
        }
        &'milestone;help;list'= {
        }
        &'milestone;help;edit'= {
        }
        &'milestone;help;rm'= {
        }
        &'milestone;help;streak'= {
        }
        &'milestone;help;report'= {
        }
        &'milestone;help;share'= {
        }
        &'milestone;help;circle'= {
        }
        &'milestone;help;export'= {
        }
        &'milestone;help;import'= {
        }
        &'milestone;help;check'= {
        }
        &'milestone;help;completions'= {
        }
        &'milestone;help;paths'= {
        }
        &'milestone;help;merge-driver'= {
        }
        &'milestone;help;prompt'= {
        }
        &'milestone;help;remind'= {
        }
        &'milestone;help;tracker'= {
        }
        &'milestone;help;help'= {
        }
    ]
    $completions[$command]
}
