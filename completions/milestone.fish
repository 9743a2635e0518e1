# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_milestone_global_optspecs
    string join \n journal= config= color= h/help V/version
end

function __fish_milestone_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_milestone_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_milestone_using_subcommand
    set -l cmd (__fish_milestone_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c milestone -n "__fish_milestone_needs_command" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_needs_command" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_needs_command" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c milestone -n "__fish_milestone_needs_command" -s V -l version -d 'Print version'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "start" -d 'Begin tracking something: a new streak starts on --since (today by default)'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "add" -d 'Log a check-in (or, with --win, a win) for a day'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "reset" -d 'Record a slip: the streak starts again, and every day before it still counts'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "list" -d 'Show journal entries, oldest first'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "edit" -d 'Change one entry, or with no ID edit the whole journal in your editor'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "rm" -d 'Remove one entry (asks first on a terminal)'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "streak" -d 'Show current, longest and total days, check-ins, and the last and next milestone'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "report" -d 'Print the milestone report: milestones and their dates, the next ones, wins, resets'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "share" -d 'Print a short celebratory text for a group chat'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "circle" -d 'Print one celebration for a group from its members\' share cards'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "export" -d 'Write the whole journal as JSON, CSV or Markdown, or the coming milestones as a calendar'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "import" -d 'Add entries (and trackers) from an export, jrnl\'s JSON or Loop Habit Tracker\'s CSV'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "check" -d 'Check the journal for mistakes, each shown as PATH:LINE:COL: message'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "paths" -d 'Show where the journal and the settings file are'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "merge-driver" -d 'Merge two clones\' journals entry by entry (a git merge driver; see the README)'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "prompt" -d 'Print one short line for a shell prompt or status bar (nothing when there is no journal)'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "remind" -d 'Print what is due today, each thing once a day (for cron or a systemd timer)'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "tracker" -d 'List your trackers, or change one: rename, re-date, re-price, its phrase or privacy'
complete -c milestone -n "__fish_milestone_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c milestone -n "__fish_milestone_using_subcommand start" -l since -d 'The first day of the streak, such as 2026-03-14 or "3 weeks ago" [default: today]' -r
complete -c milestone -n "__fish_milestone_using_subcommand start" -l cost-per-day -d 'Money no longer spent per day, in your own currency' -r
complete -c milestone -n "__fish_milestone_using_subcommand start" -l phrase -d 'What follows the count, such as "sober" or "clean" ("30 days sober") [default: NAME-free]' -r
complete -c milestone -n "__fish_milestone_using_subcommand start" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand start" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand start" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand start" -l private -d 'Keep this tracker private: it is never shared, posted to a group, drawn or hooked'
complete -c milestone -n "__fish_milestone_using_subcommand start" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand add" -s t -l tracker -d 'The tracker (may be left out when you have only one)' -r
complete -c milestone -n "__fish_milestone_using_subcommand add" -s d -l date -d 'The day, such as yesterday, friday or "nov 20" [default: today]' -r
complete -c milestone -n "__fish_milestone_using_subcommand add" -s m -l mood -d 'How you feel, 1 (low) to 5 (great)' -r
complete -c milestone -n "__fish_milestone_using_subcommand add" -l tag -d 'A tag; repeat for several' -r
complete -c milestone -n "__fish_milestone_using_subcommand add" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand add" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand add" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand add" -l no-edit -d 'On a terminal with no text, log the check-in without opening the editor'
complete -c milestone -n "__fish_milestone_using_subcommand add" -l win -d 'Log a win: a milestone of your own, in your own words'
complete -c milestone -n "__fish_milestone_using_subcommand add" -l private -d 'Keep the text private: it is never shared'
complete -c milestone -n "__fish_milestone_using_subcommand add" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand reset" -s t -l tracker -d 'The tracker, as an option (the same as TRACKER)' -r
complete -c milestone -n "__fish_milestone_using_subcommand reset" -s d -l date -d 'The day of the slip [default: today]' -r
complete -c milestone -n "__fish_milestone_using_subcommand reset" -l note -d 'A note for yourself about what happened' -r
complete -c milestone -n "__fish_milestone_using_subcommand reset" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand reset" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand reset" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand reset" -s y -l yes -d 'Do not ask first (on a terminal, reset asks before it records anything)'
complete -c milestone -n "__fish_milestone_using_subcommand reset" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand list" -s t -l tracker -d 'Only this tracker\'s entries' -r
complete -c milestone -n "__fish_milestone_using_subcommand list" -l since -d 'Only entries on or after this day' -r
complete -c milestone -n "__fish_milestone_using_subcommand list" -l until -d 'Only entries on or before this day' -r
complete -c milestone -n "__fish_milestone_using_subcommand list" -l kind -d 'Only entries of this kind' -r -f -a "checkin\t''
win\t''
reset\t''
urge\t'A craving ridden out (one acted on is a reset)'
pledge\t'A promise for the day, just for today'"
complete -c milestone -n "__fish_milestone_using_subcommand list" -l tag -d 'Only entries with this tag' -r
complete -c milestone -n "__fish_milestone_using_subcommand list" -l limit -d 'Only the newest N entries (still shown oldest first)' -r
complete -c milestone -n "__fish_milestone_using_subcommand list" -l format -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c milestone -n "__fish_milestone_using_subcommand list" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand list" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand list" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c milestone -n "__fish_milestone_using_subcommand edit" -l text -d 'New text' -r
complete -c milestone -n "__fish_milestone_using_subcommand edit" -s d -l date -d 'New day' -r
complete -c milestone -n "__fish_milestone_using_subcommand edit" -s m -l mood -d 'New mood, 1 (low) to 5 (great)' -r
complete -c milestone -n "__fish_milestone_using_subcommand edit" -l tag -d 'Replace the tags; repeat for several' -r
complete -c milestone -n "__fish_milestone_using_subcommand edit" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand edit" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand edit" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand edit" -l private -d 'Keep the text private: it is never shared'
complete -c milestone -n "__fish_milestone_using_subcommand edit" -l public -d 'Let the text be shared again'
complete -c milestone -n "__fish_milestone_using_subcommand edit" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand rm" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand rm" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand rm" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand rm" -s y -l yes -d 'Remove without asking'
complete -c milestone -n "__fish_milestone_using_subcommand rm" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand streak" -s t -l tracker -d 'The tracker, as an option (the same as TRACKER)' -r
complete -c milestone -n "__fish_milestone_using_subcommand streak" -l on -d 'Count as of this day instead of today' -r
complete -c milestone -n "__fish_milestone_using_subcommand streak" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c milestone -n "__fish_milestone_using_subcommand streak" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand streak" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand streak" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand streak" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand report" -s t -l tracker -d 'The tracker, as an option (the same as TRACKER)' -r
complete -c milestone -n "__fish_milestone_using_subcommand report" -l on -d 'Report as of this day instead of today' -r
complete -c milestone -n "__fish_milestone_using_subcommand report" -l format -d 'Output format' -r -f -a "text\t''
markdown\t''
json\t''"
complete -c milestone -n "__fish_milestone_using_subcommand report" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand report" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand report" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand report" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand share" -s t -l tracker -d 'The tracker, as an option (the same as TRACKER)' -r
complete -c milestone -n "__fish_milestone_using_subcommand share" -l on -d 'Share as of this day instead of today' -r
complete -c milestone -n "__fish_milestone_using_subcommand share" -l style -d 'How to format the text [default: plain, or share_style from the settings]' -r -f -a "plain\t'Plain text, for any chat'
markdown\t'Markdown, as GitHub, Mattermost, Element and most chats read it'
slack\t'Slack\'s mrkdwn'
discord\t'Discord\'s Markdown, with @-mentions defused'
sms\t'One line of at most 160 characters'
json\t'A share card, the JSON that `milestone circle` reads'"
complete -c milestone -n "__fish_milestone_using_subcommand share" -l template -d 'Use a share template from the settings file\'s [templates] instead of a style' -r
complete -c milestone -n "__fish_milestone_using_subcommand share" -l name -d 'Your name in the message [default: name from the settings]' -r
complete -c milestone -n "__fish_milestone_using_subcommand share" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand share" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand share" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand share" -l anonymous -d 'Leave your name out, even if the settings have one'
complete -c milestone -n "__fish_milestone_using_subcommand share" -l discreet -d 'Never name what you track ("256 days strong")'
complete -c milestone -n "__fish_milestone_using_subcommand share" -l no-emoji -d 'Leave out emoji'
complete -c milestone -n "__fish_milestone_using_subcommand share" -l with-notes -d 'Add that day\'s notes and win (never the text of a private entry)'
complete -c milestone -n "__fish_milestone_using_subcommand share" -l all -d 'Share every tracker that is not private'
complete -c milestone -n "__fish_milestone_using_subcommand share" -l with-total -d 'After a slip, also say how many days still count in all [default: share_total from the settings]'
complete -c milestone -n "__fish_milestone_using_subcommand share" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c milestone -n "__fish_milestone_using_subcommand circle" -l style -d 'How to format the text' -r -f -a "plain\t'Plain text, for any chat'
markdown\t'Markdown, as GitHub, Mattermost, Element and most chats read it'
slack\t'Slack\'s mrkdwn'
discord\t'Discord\'s Markdown, with @-mentions defused'
sms\t'One line of at most 160 characters'
json\t'A share card, the JSON that `milestone circle` reads'"
complete -c milestone -n "__fish_milestone_using_subcommand circle" -l upcoming -d 'List the members\' anniversaries in the next span of days instead, such as 30d or 2w' -r
complete -c milestone -n "__fish_milestone_using_subcommand circle" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand circle" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand circle" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand circle" -l no-emoji -d 'Leave out emoji'
complete -c milestone -n "__fish_milestone_using_subcommand circle" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c milestone -n "__fish_milestone_using_subcommand export" -l format -d 'Output format' -r -f -a "json\t'The whole journal, for backups and other programs'
csv\t'The whole journal, for spreadsheets'
markdown\t'The whole journal, to read or print'
ics\t'The coming milestones as calendar events'"
complete -c milestone -n "__fish_milestone_using_subcommand export" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand export" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand export" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c milestone -n "__fish_milestone_using_subcommand import" -s t -l tracker -d 'The tracker for history from another app (jrnl, or a Loop file with one habit)' -r
complete -c milestone -n "__fish_milestone_using_subcommand import" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand import" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand import" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand import" -l dry-run -d 'Show what would be added, and change nothing'
complete -c milestone -n "__fish_milestone_using_subcommand import" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand check" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand check" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand check" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand check" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand completions" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand completions" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand completions" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand completions" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand paths" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand paths" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand paths" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand paths" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand merge-driver" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand merge-driver" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand merge-driver" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand merge-driver" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand prompt" -s t -l tracker -d 'The tracker, as an option (the same as TRACKER)' -r
complete -c milestone -n "__fish_milestone_using_subcommand prompt" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand prompt" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand prompt" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand prompt" -l all -d 'Include private trackers too'
complete -c milestone -n "__fish_milestone_using_subcommand prompt" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand remind" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c milestone -n "__fish_milestone_using_subcommand remind" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand remind" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand remind" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand remind" -l all -d 'Name private trackers too'
complete -c milestone -n "__fish_milestone_using_subcommand remind" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -l rename -d 'A new name; every entry of the tracker follows' -r
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -l since -d 'A new first day for the first streak' -r
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -l cost-per-day -d 'Money no longer spent per day (0 to forget it)' -r
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -l phrase -d 'What follows the count ("30 days sober"); an empty phrase goes back to NAME-free' -r
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -l journal -d 'The journal file [default: milestone/journal.toml in your data folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -l config -d 'The settings file [default: milestone/config.toml in your config folder]' -r -F
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -l color -d 'When to use colour: only on a terminal (auto), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -l private -d 'Make the tracker private: never shared, posted, drawn or hooked'
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -l shareable -d 'Let the tracker be shared again'
complete -c milestone -n "__fish_milestone_using_subcommand tracker" -s h -l help -d 'Print help'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "start" -d 'Begin tracking something: a new streak starts on --since (today by default)'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "add" -d 'Log a check-in (or, with --win, a win) for a day'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "reset" -d 'Record a slip: the streak starts again, and every day before it still counts'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "list" -d 'Show journal entries, oldest first'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "edit" -d 'Change one entry, or with no ID edit the whole journal in your editor'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "rm" -d 'Remove one entry (asks first on a terminal)'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "streak" -d 'Show current, longest and total days, check-ins, and the last and next milestone'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "report" -d 'Print the milestone report: milestones and their dates, the next ones, wins, resets'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "share" -d 'Print a short celebratory text for a group chat'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "circle" -d 'Print one celebration for a group from its members\' share cards'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "export" -d 'Write the whole journal as JSON, CSV or Markdown, or the coming milestones as a calendar'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "import" -d 'Add entries (and trackers) from an export, jrnl\'s JSON or Loop Habit Tracker\'s CSV'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "check" -d 'Check the journal for mistakes, each shown as PATH:LINE:COL: message'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "completions" -d 'Print a shell completion script'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "paths" -d 'Show where the journal and the settings file are'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "merge-driver" -d 'Merge two clones\' journals entry by entry (a git merge driver; see the README)'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "prompt" -d 'Print one short line for a shell prompt or status bar (nothing when there is no journal)'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "remind" -d 'Print what is due today, each thing once a day (for cron or a systemd timer)'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "tracker" -d 'List your trackers, or change one: rename, re-date, re-price, its phrase or privacy'
complete -c milestone -n "__fish_milestone_using_subcommand help; and not __fish_seen_subcommand_from start add reset list edit rm streak report share circle export import check completions paths merge-driver prompt remind tracker help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
