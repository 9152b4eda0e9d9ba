# fish completion for gdprctl: commands, verbs, options, option values and the
# record ids of the repository found from the current directory or -C.

# The words before the cursor without the options and their values: the
# command, its verb and the positional arguments.
function __gdprctl_args
    set -l toks (commandline -opc)
    set -e toks[1]
    set -l valopts -C --today --color --format --status --year --stdin-filename --id --name \
        --country --locale --purpose --processor --title --discovered --risk \
        --type --received --case --date --outcome --within --percent \
        --priority --note --quarter -o --at --changed-since -j
    set -l skip 0
    for t in $toks
        if test $skip -eq 1
            set skip 0
            continue
        end
        if contains -- $t $valopts
            set skip 1
            continue
        end
        string match -q -- '-*' $t; and continue
        echo $t
    end
end

# True when the words so far (see __gdprctl_args) are exactly the arguments.
function __gdprctl_at
    set -l args (__gdprctl_args)
    test "$args" = "$argv"
end

# True when the words so far start with the arguments.
function __gdprctl_in
    set -l args (__gdprctl_args)
    test (count $args) -ge (count $argv); or return 1
    for i in (seq (count $argv))
        test "$args[$i]" = "$argv[$i]"; or return 1
    end
end

# The values given to option $argv[1] before the cursor.
function __gdprctl_opt -a name
    set -l toks (commandline -opc)
    set -l n (count $toks)
    for i in (seq $n)
        if test "$toks[$i]" = $name
            if test $i -lt $n
                echo $toks[(math $i + 1)]
            end
        else if string match -q -- "$name=*" $toks[$i]
            string replace -- "$name=" '' $toks[$i]
        else if test $name = -C; and string match -q -- '-C?*' $toks[$i]
            string sub -s 3 -- $toks[$i]
        end
    end
end

# The repository root: from -C (or .) upwards, the first directory that holds
# gdprctl.yaml.
function __gdprctl_root
    set -l ds (__gdprctl_opt -C)
    set -l d $ds[-1]
    test -n "$d"; or set d .
    set d (string replace -r '^~(?=/|$)' $HOME -- $d)
    string match -q -- '/*' $d; or set d $PWD/$d
    while true
        if test -f $d/gdprctl.yaml
            echo $d
            return 0
        end
        test "$d" = /; and return 1
        set d (string replace -r '/[^/]*$' '' -- $d)
        test -n "$d"; or set d /
    end
end

# The ids of the records in the directories named, from their file names.
function __gdprctl_ids
    set -l root (__gdprctl_root); or return 0
    for dir in $argv
        for f in $root/$dir/*.yaml
            test -f $f; or continue
            string replace -r '^.*/(.*)\.yaml$' '$1' -- $f
        end
    end
end

# The task ids of the plan of --year, or of the year of --today, or of the
# current year (UTC), as gdprctl itself defaults.
function __gdprctl_tasks
    set -l root (__gdprctl_root); or return 0
    set -l years (__gdprctl_opt --year)
    set -l year $years[-1]
    if test -z "$year"
        set -l todays (__gdprctl_opt --today)
        set year (string split -m 1 -- - "$todays[-1]")[1]
    end
    test -n "$year"; or set year (date -u +%Y)
    set -l plan $root/plan/PLAN-$year.yaml
    test -f $plan; or return 0
    string replace -rf '^\s*-\s+id:\s*["\']?([A-Za-z0-9_.-]+).*$' '$1' <$plan
end

# Branches and tags, for --changed-since and --at.
function __gdprctl_revs
    set -l root (__gdprctl_root); or set root .
    echo HEAD
    git -C $root for-each-ref --format='%(refname:short)' refs/heads \
        refs/tags refs/remotes 2>/dev/null
end

set -l kinds register dpa incident dpia ros request

complete -c gdprctl -f

# Global options: -C and --version before the command, the others before
# or after it.
complete -c gdprctl -n __gdprctl_at -s C -x -d 'Run as if started in DIR' \
    -a '(__fish_complete_directories (commandline -ct))'
complete -c gdprctl -l today -x -d 'Use DATE as today'
complete -c gdprctl -l color -x -a 'auto always never' \
    -d 'When to colour output'
complete -c gdprctl -s q -d 'Print no informational messages'
complete -c gdprctl -l no-pager -d 'Do not page long output'
complete -c gdprctl -n __gdprctl_at -l version -d 'Print the version'
complete -c gdprctl -s h -l help -d 'Print usage and exit'

# Commands.
complete -c gdprctl -n __gdprctl_at -a help -d 'Print the usage of a command'
complete -c gdprctl -n __gdprctl_at -a init -d 'Create a records repository'
complete -c gdprctl -n __gdprctl_at -a validate -d 'Check the records'
complete -c gdprctl -n __gdprctl_at -a rules -d 'List the rules and their severities'
complete -c gdprctl -n __gdprctl_at -a explain -d 'Explain a rule'
complete -c gdprctl -n __gdprctl_at -a schema -d 'Export or use the schemas'
complete -c gdprctl -n __gdprctl_at -a register -d 'Processing activities'
complete -c gdprctl -n __gdprctl_at -a dpa -d 'Data processing agreements'
complete -c gdprctl -n __gdprctl_at -a incident -d 'Personal-data breaches'
complete -c gdprctl -n __gdprctl_at -a dpia -d 'Impact assessments'
complete -c gdprctl -n __gdprctl_at -a ros -d 'Risk and vulnerability analyses'
complete -c gdprctl -n __gdprctl_at -a request -d 'Data-subject requests'
complete -c gdprctl -n __gdprctl_at -a plan -d 'The compliance plan of a year'
complete -c gdprctl -n __gdprctl_at -a report -d 'Write a report'
complete -c gdprctl -n __gdprctl_at -a history -d 'Commits that changed a record'
complete -c gdprctl -n __gdprctl_at -a scan -d 'Look for national identity numbers'

# help
complete -c gdprctl -n '__gdprctl_at help' \
    -a 'help init validate rules explain schema register dpa incident dpia ros request plan report history scan'

# init
complete -c gdprctl -n '__gdprctl_at init' \
    -a '(__fish_complete_directories (commandline -ct))'
complete -c gdprctl -n '__gdprctl_in init' -l name -x -d 'Organisation name'
complete -c gdprctl -n '__gdprctl_in init' -l country -x -d 'Organisation country'
complete -c gdprctl -n '__gdprctl_in init' -l locale -x -a 'en nb sv' \
    -d 'Language of the labels'

# validate and scan
complete -c gdprctl -n '__gdprctl_in validate' -F
complete -c gdprctl -n '__gdprctl_in scan' -F
complete -c gdprctl -n '__gdprctl_in validate; or __gdprctl_in scan' -l format -x \
    -a 'text json github sarif codequality' -d 'Output format'
complete -c gdprctl -n '__gdprctl_in validate' -l strict -d 'Count warnings as errors'
complete -c gdprctl -n '__gdprctl_in validate' -l changed-since -x \
    -a '(__gdprctl_revs)' -d 'Only records changed since REV'
complete -c gdprctl -n '__gdprctl_in validate' -s j -x -d 'Parallel jobs'
complete -c gdprctl -n '__gdprctl_in validate' -l stdin-filename -r -F \
    -d 'Check standard input as the record PATH'

# rules and explain: the rule names with their summaries, as gdprctl lists
# them outside any repository.
function __gdprctl_rules
    command gdprctl -C / rules 2>/dev/null | awk '
        NR > 2 && !/^ / { id = $1; next }
        NR > 2 { sub(/^ +/, ""); print id "\t" $0 }'
end
complete -c gdprctl -n '__gdprctl_in rules' -l format -x -a 'text json' \
    -d 'Output format'
complete -c gdprctl -n '__gdprctl_at explain' -x -a '(__gdprctl_rules)'

# schema
complete -c gdprctl -n '__gdprctl_at schema' -a export -d 'Write the schemas into DIR'
complete -c gdprctl -n '__gdprctl_at schema' -a validate -d 'Validate files against a schema'
complete -c gdprctl -n '__gdprctl_at schema export' \
    -a '(__fish_complete_directories (commandline -ct))'
complete -c gdprctl -n '__gdprctl_in schema validate' -F

# The record kinds: list, show, new and their own verbs.
for kind in $kinds
    complete -c gdprctl -n "__gdprctl_at $kind" -a list -d 'List the records'
    complete -c gdprctl -n "__gdprctl_at $kind" -a show -d 'Print one record'
    complete -c gdprctl -n "__gdprctl_at $kind" -a new -d 'Write a new record'
    complete -c gdprctl -n "__gdprctl_in $kind list" -l format -x \
        -a 'table csv json md' -d 'Output format'
    complete -c gdprctl -n "__gdprctl_in $kind list" -l year -x -d 'Only records of this year'
    complete -c gdprctl -n "__gdprctl_at $kind show" -a "(__gdprctl_ids $kind)"
    complete -c gdprctl -n "__gdprctl_in $kind show" -l format -x \
        -a 'text json' -d 'Output format'
    complete -c gdprctl -n "__gdprctl_in $kind new" -l id -x -d 'Id of the new record'
    complete -c gdprctl -n "__gdprctl_in $kind new" -l edit -d 'Open the editor'
    complete -c gdprctl -n "__gdprctl_in $kind new" -l no-edit -d 'Do not open the editor'
end
complete -c gdprctl -n '__gdprctl_in register list' -l status -x -a 'planned active retired'
complete -c gdprctl -n '__gdprctl_in dpa list' -l status -x -a 'draft signed terminated'
complete -c gdprctl -n '__gdprctl_in incident list' -l status -x -a 'open closed'
complete -c gdprctl -n '__gdprctl_in dpia list' -l status -x -a 'draft completed approved'
complete -c gdprctl -n '__gdprctl_in ros list' -l status -x -a 'draft approved'
complete -c gdprctl -n '__gdprctl_in request list' -l status -x -a 'open responded'

complete -c gdprctl -n '__gdprctl_in register new' -l name -x -d Name
complete -c gdprctl -n '__gdprctl_in register new' -l purpose -x -d Purpose
complete -c gdprctl -n '__gdprctl_in dpa new' -l processor -x -d 'Processor name'
complete -c gdprctl -n '__gdprctl_in dpa new' -l country -x -d 'Processor country'
complete -c gdprctl -n '__gdprctl_in incident new' -l title -x -d Title
complete -c gdprctl -n '__gdprctl_in incident new' -l discovered -x -a now \
    -d 'When it was discovered'
complete -c gdprctl -n '__gdprctl_in incident new' -l risk -x -a 'none risk high' \
    -d 'Risk to the data subjects'
complete -c gdprctl -n '__gdprctl_in dpia new; or __gdprctl_in ros new' -l title -x -d Title
complete -c gdprctl -n '__gdprctl_in dpia new; or __gdprctl_in ros new' -l date -x -d Date
complete -c gdprctl -n '__gdprctl_in request new' -l type -x \
    -a 'access rectification erasure restriction portability objection' -d 'Type of request'
complete -c gdprctl -n '__gdprctl_in request new' -l received -x -a today -d 'Date received'
complete -c gdprctl -n '__gdprctl_in request new' -l case -x -d 'Archive case number'

complete -c gdprctl -n '__gdprctl_at incident' -a deadlines -d 'Notification deadlines'
complete -c gdprctl -n '__gdprctl_at incident' -a close -d 'Close a breach'
complete -c gdprctl -n '__gdprctl_at incident close' -a '(__gdprctl_ids incident)'
complete -c gdprctl -n '__gdprctl_in incident close' -l date -x -d 'Date closed'
complete -c gdprctl -n '__gdprctl_at dpia' -a screen -d 'The WP248 screening'
complete -c gdprctl -n '__gdprctl_at dpia screen' -a '(__gdprctl_ids dpia)'
complete -c gdprctl -n '__gdprctl_at ros' -a matrix -d 'Likelihood x consequence matrix'
complete -c gdprctl -n '__gdprctl_at ros matrix' -a '(__gdprctl_ids ros)'
complete -c gdprctl -n '__gdprctl_at request' -a due -d 'Open requests and deadlines'
complete -c gdprctl -n '__gdprctl_at request' -a respond -d 'Record the response'
complete -c gdprctl -n '__gdprctl_at request respond' -a '(__gdprctl_ids request)'
complete -c gdprctl -n '__gdprctl_in request respond' -l date -x -d 'Date responded'
complete -c gdprctl -n '__gdprctl_in request respond' -l outcome -x \
    -a 'granted partially-granted refused withdrawn' -d Outcome
complete -c gdprctl -n '__gdprctl_at dpa' -a expiring -d 'Agreements expiring soon'
complete -c gdprctl -n '__gdprctl_in dpa expiring' -l within -x -d 'Days ahead'

# plan
complete -c gdprctl -n '__gdprctl_at plan' -a list -d 'The tasks of a year'
complete -c gdprctl -n '__gdprctl_at plan' -a new -d 'Write the plan of a year'
complete -c gdprctl -n '__gdprctl_at plan' -a set -d 'Change a task'
complete -c gdprctl -n '__gdprctl_in plan list' -l year -x -d Year
complete -c gdprctl -n '__gdprctl_in plan list' -l format -x -a 'table csv json md' -d 'Output format'
complete -c gdprctl -n '__gdprctl_in plan new' -l copy-tasks \
    -d 'Copy the tasks of the previous year'
complete -c gdprctl -n '__gdprctl_at plan set' -a '(__gdprctl_tasks)'
complete -c gdprctl -n '__gdprctl_in plan set' -l year -x -d 'Year of the plan'
complete -c gdprctl -n '__gdprctl_in plan set' -l percent -x -d 'Percent complete'
complete -c gdprctl -n '__gdprctl_in plan set' -l status -x \
    -a 'not-started ongoing done cancelled' -d Status
complete -c gdprctl -n '__gdprctl_in plan set' -l priority -x -a 'high normal low' -d Priority
complete -c gdprctl -n '__gdprctl_in plan set' -l date -x -d 'Date of the update'
complete -c gdprctl -n '__gdprctl_in plan set' -l note -x -d Notes

# report
complete -c gdprctl -n '__gdprctl_at report' -a status -d 'Completion of the plan'
complete -c gdprctl -n '__gdprctl_at report' -a register -d 'The Art. 30 record'
complete -c gdprctl -n '__gdprctl_at report' -a incidents -d 'The breach log'
complete -c gdprctl -n '__gdprctl_at report' -a risks -d 'Threats and risks'
complete -c gdprctl -n '__gdprctl_at report' -a annual -d 'The October self-check'
complete -c gdprctl -n '__gdprctl_in report' -l year -x -d Year
complete -c gdprctl -n '__gdprctl_in report' -l quarter -x -a 'Q1 Q2 Q3 Q4' -d Quarter
complete -c gdprctl -n '__gdprctl_in report' -l format -x -a 'md csv json' -d 'Output format'
complete -c gdprctl -n '__gdprctl_in report' -s o -r -F -d 'Write to FILE'
complete -c gdprctl -n '__gdprctl_in report' -l at -x -a '(__gdprctl_revs)' \
    -d 'Compute from the records of a revision'
complete -c gdprctl -n '__gdprctl_in report' -l locale -x -a 'en nb sv' \
    -d 'Language of the labels'

# history
complete -c gdprctl -n '__gdprctl_at history' \
    -a "(__gdprctl_ids $kinds plan)"
complete -c gdprctl -n '__gdprctl_in history' -l format -x -a 'text json' \
    -d 'Output format'
