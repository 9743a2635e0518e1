
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'milestone' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'milestone'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'milestone' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Begin tracking something: a new streak starts on --since (today by default)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Log a check-in (or, with --win, a win) for a day')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Record a slip: the streak starts again, and every day before it still counts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show journal entries, oldest first')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change one entry, or with no ID edit the whole journal in your editor')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one entry (asks first on a terminal)')
            [CompletionResult]::new('streak', 'streak', [CompletionResultType]::ParameterValue, 'Show current, longest and total days, check-ins, and the last and next milestone')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Print the milestone report: milestones and their dates, the next ones, wins, resets')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Print a short celebratory text for a group chat')
            [CompletionResult]::new('circle', 'circle', [CompletionResultType]::ParameterValue, 'Print one celebration for a group from its members'' share cards')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the whole journal as JSON, CSV or Markdown, or the coming milestones as a calendar')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add entries (and trackers) from an export, jrnl''s JSON or Loop Habit Tracker''s CSV')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the journal for mistakes, each shown as PATH:LINE:COL: message')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('paths', 'paths', [CompletionResultType]::ParameterValue, 'Show where the journal and the settings file are')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'Merge two clones'' journals entry by entry (a git merge driver; see the README)')
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Print one short line for a shell prompt or status bar (nothing when there is no journal)')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Print what is due today, each thing once a day (for cron or a systemd timer)')
            [CompletionResult]::new('tracker', 'tracker', [CompletionResultType]::ParameterValue, 'List your trackers, or change one: rename, re-date, re-price, its phrase or privacy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'milestone;start' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'The first day of the streak, such as 2026-03-14 or "3 weeks ago" [default: today]')
            [CompletionResult]::new('--cost-per-day', '--cost-per-day', [CompletionResultType]::ParameterName, 'Money no longer spent per day, in your own currency')
            [CompletionResult]::new('--phrase', '--phrase', [CompletionResultType]::ParameterName, 'What follows the count, such as "sober" or "clean" ("30 days sober") [default: NAME-free]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Keep this tracker private: it is never shared, posted to a group, drawn or hooked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;add' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The tracker (may be left out when you have only one)')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'The tracker (may be left out when you have only one)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The day, such as yesterday, friday or "nov 20" [default: today]')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day, such as yesterday, friday or "nov 20" [default: today]')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'How you feel, 1 (low) to 5 (great)')
            [CompletionResult]::new('--mood', '--mood', [CompletionResultType]::ParameterName, 'How you feel, 1 (low) to 5 (great)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag; repeat for several')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('--no-edit', '--no-edit', [CompletionResultType]::ParameterName, 'On a terminal with no text, log the check-in without opening the editor')
            [CompletionResult]::new('--win', '--win', [CompletionResultType]::ParameterName, 'Log a win: a milestone of your own, in your own words')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Keep the text private: it is never shared')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;reset' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The day of the slip [default: today]')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day of the slip [default: today]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for yourself about what happened')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask first (on a terminal, reset asks before it records anything)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask first (on a terminal, reset asks before it records anything)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;list' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only this tracker''s entries')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'Only this tracker''s entries')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries on or after this day')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only entries on or before this day')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only entries of this kind')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only entries with this tag')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Only the newest N entries (still shown oldest first)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'milestone;edit' {
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'New text')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'New day')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'New day')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'New mood, 1 (low) to 5 (great)')
            [CompletionResult]::new('--mood', '--mood', [CompletionResultType]::ParameterName, 'New mood, 1 (low) to 5 (great)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Replace the tags; repeat for several')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Keep the text private: it is never shared')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Let the text be shared again')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;rm' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;streak' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'Count as of this day instead of today')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;report' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'Report as of this day instead of today')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;share' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'Share as of this day instead of today')
            [CompletionResult]::new('--style', '--style', [CompletionResultType]::ParameterName, 'How to format the text [default: plain, or share_style from the settings]')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Use a share template from the settings file''s [templates] instead of a style')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Your name in the message [default: name from the settings]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('--anonymous', '--anonymous', [CompletionResultType]::ParameterName, 'Leave your name out, even if the settings have one')
            [CompletionResult]::new('--discreet', '--discreet', [CompletionResultType]::ParameterName, 'Never name what you track ("256 days strong")')
            [CompletionResult]::new('--no-emoji', '--no-emoji', [CompletionResultType]::ParameterName, 'Leave out emoji')
            [CompletionResult]::new('--with-notes', '--with-notes', [CompletionResultType]::ParameterName, 'Add that day''s notes and win (never the text of a private entry)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Share every tracker that is not private')
            [CompletionResult]::new('--with-total', '--with-total', [CompletionResultType]::ParameterName, 'After a slip, also say how many days still count in all [default: share_total from the settings]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'milestone;circle' {
            [CompletionResult]::new('--style', '--style', [CompletionResultType]::ParameterName, 'How to format the text')
            [CompletionResult]::new('--upcoming', '--upcoming', [CompletionResultType]::ParameterName, 'List the members'' anniversaries in the next span of days instead, such as 30d or 2w')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('--no-emoji', '--no-emoji', [CompletionResultType]::ParameterName, 'Leave out emoji')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'milestone;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'milestone;import' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The tracker for history from another app (jrnl, or a Loop file with one habit)')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'The tracker for history from another app (jrnl, or a Loop file with one habit)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be added, and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;check' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;completions' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;paths' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;merge-driver' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;prompt' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('--tracker', '--tracker', [CompletionResultType]::ParameterName, 'The tracker, as an option (the same as TRACKER)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include private trackers too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;remind' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Name private trackers too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;tracker' {
            [CompletionResult]::new('--rename', '--rename', [CompletionResultType]::ParameterName, 'A new name; every entry of the tracker follows')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'A new first day for the first streak')
            [CompletionResult]::new('--cost-per-day', '--cost-per-day', [CompletionResultType]::ParameterName, 'Money no longer spent per day (0 to forget it)')
            [CompletionResult]::new('--phrase', '--phrase', [CompletionResultType]::ParameterName, 'What follows the count ("30 days sober"); an empty phrase goes back to NAME-free')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal file [default: milestone/journal.toml in your data folder]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The settings file [default: milestone/config.toml in your config folder]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: only on a terminal (auto), always, or never')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Make the tracker private: never shared, posted, drawn or hooked')
            [CompletionResult]::new('--shareable', '--shareable', [CompletionResultType]::ParameterName, 'Let the tracker be shared again')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'milestone;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Begin tracking something: a new streak starts on --since (today by default)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Log a check-in (or, with --win, a win) for a day')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Record a slip: the streak starts again, and every day before it still counts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show journal entries, oldest first')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change one entry, or with no ID edit the whole journal in your editor')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one entry (asks first on a terminal)')
            [CompletionResult]::new('streak', 'streak', [CompletionResultType]::ParameterValue, 'Show current, longest and total days, check-ins, and the last and next milestone')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Print the milestone report: milestones and their dates, the next ones, wins, resets')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Print a short celebratory text for a group chat')
            [CompletionResult]::new('circle', 'circle', [CompletionResultType]::ParameterValue, 'Print one celebration for a group from its members'' share cards')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the whole journal as JSON, CSV or Markdown, or the coming milestones as a calendar')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add entries (and trackers) from an export, jrnl''s JSON or Loop Habit Tracker''s CSV')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the journal for mistakes, each shown as PATH:LINE:COL: message')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('paths', 'paths', [CompletionResultType]::ParameterValue, 'Show where the journal and the settings file are')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'Merge two clones'' journals entry by entry (a git merge driver; see the README)')
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Print one short line for a shell prompt or status bar (nothing when there is no journal)')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Print what is due today, each thing once a day (for cron or a systemd timer)')
            [CompletionResult]::new('tracker', 'tracker', [CompletionResultType]::ParameterValue, 'List your trackers, or change one: rename, re-date, re-price, its phrase or privacy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'milestone;help;start' {
            break
        }
        'milestone;help;add' {
            break
        }
        'milestone;help;reset' {
            break
        }
        'milestone;help;list' {
            break
        }
        'milestone;help;edit' {
            break
        }
        'milestone;help;rm' {
            break
        }
        'milestone;help;streak' {
            break
        }
        'milestone;help;report' {
            break
        }
        'milestone;help;share' {
            break
        }
        'milestone;help;circle' {
            break
        }
        'milestone;help;export' {
            break
        }
        'milestone;help;import' {
            break
        }
        'milestone;help;check' {
            break
        }
        'milestone;help;completions' {
            break
        }
        'milestone;help;paths' {
            break
        }
        'milestone;help;merge-driver' {
            break
        }
        'milestone;help;prompt' {
            break
        }
        'milestone;help;remind' {
            break
        }
        'milestone;help;tracker' {
            break
        }
        'milestone;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
