# bash completion for gdprctl: commands, verbs, options, option values and
# the record ids of the repository found from the current directory or -C.

# Print the repository root: from $1 (or .) upwards, the first directory that
# holds gdprctl.yaml.
_gdprctl_root()
{
	local d=${1:-.}
	case $d in
	"~") d=$HOME ;;
	"~/"*) d=$HOME/${d#"~/"} ;;
	esac
	[[ $d == /* ]] || d=$PWD/$d
	while :; do
		if [[ -f $d/gdprctl.yaml ]]; then
			printf '%s\n' "$d"
			return 0
		fi
		[[ -z $d || $d == / ]] && return 1
		d=${d%/*}
		[[ -n $d ]] || d=/
	done
}

# Print the ids of the records in the directories named, from their file
# names.
_gdprctl_ids()
{
	local root dir f
	root=$(_gdprctl_root "$_gdprctl_dir") || return 0
	for dir in "$@"; do
		for f in "$root/$dir"/*.yaml; do
			[[ -f $f ]] || continue
			f=${f##*/}
			printf '%s\n' "${f%.yaml}"
		done
	done
}

# Print the task ids of the plan of the year given, or of the year of
# --today, or of the current year (UTC), as gdprctl itself defaults.
_gdprctl_tasks()
{
	local root year=$1 line re
	re='^[[:space:]]*-[[:space:]]+id:[[:space:]]*["'\'']?([A-Za-z0-9_.-]+)'
	root=$(_gdprctl_root "$_gdprctl_dir") || return 0
	if [[ -z $year ]]; then
		year=${_gdprctl_today%%-*}
		[[ -n $year ]] || year=$(date -u +%Y)
	fi
	[[ -f $root/plan/PLAN-$year.yaml ]] || return 0
	while IFS= read -r line || [[ -n $line ]]; do
		[[ $line =~ $re ]] && printf '%s\n' "${BASH_REMATCH[1]}"
	done < "$root/plan/PLAN-$year.yaml"
}

# Print the branches and tags of the repository, for --changed-since and --at.
_gdprctl_revs()
{
	local root
	root=$(_gdprctl_root "$_gdprctl_dir") || root=.
	command -v git > /dev/null 2>&1 || return 0
	printf '%s\n' HEAD
	git -C "$root" for-each-ref --format='%(refname:short)' \
		refs/heads refs/tags refs/remotes 2> /dev/null
}

# Print the rule names, as gdprctl lists them outside any repository.
_gdprctl_rules()
{
	command gdprctl -C / rules 2> /dev/null |
		awk 'NR > 2 && !/^ / { print $1 }'
}

# Set COMPREPLY to the words of $1 (separated by blanks or newlines) that
# start with $cur.
_gdprctl_words()
{
	mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

_gdprctl_files()
{
	compopt -o filenames 2> /dev/null
	mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_gdprctl_dirs()
{
	compopt -o filenames 2> /dev/null
	mapfile -t COMPREPLY < <(compgen -d -- "$cur")
}

_gdprctl()
{
	local cur=${COMP_WORDS[COMP_CWORD]} cword=$COMP_CWORD
	local -a words=("${COMP_WORDS[@]}")
	local commands='help init validate rules explain schema register dpa incident dpia ros request plan report history scan'
	local kinds='register dpa incident dpia ros request'
	local valopts=' -C --today --color --format --status --year --stdin-filename --id --name --country --locale --purpose --processor --title --discovered --risk --type --received --case --date --outcome --within --percent --priority --note --quarter -o --at --changed-since -j '
	local _gdprctl_dir= _gdprctl_today= year= cmd= verb= opt= w v i=1
	local -a pos=()
	COMPREPLY=()

	# The option whose value is being completed: "--opt VALUE", or
	# "--opt=VALUE", which bash splits at the '='.
	if [[ $cur == = && ${words[cword - 1]} == --* ]]; then
		opt=${words[cword - 1]}
		cur=
	elif [[ ${words[cword - 1]} == = && ${words[cword - 2]} == --* ]]; then
		opt=${words[cword - 2]}
	elif [[ $valopts == *" ${words[cword - 1]} "* ]]; then
		opt=${words[cword - 1]}
	fi

	# Walk the words before the cursor: options with their values, the
	# command, its verb and the positional arguments.
	while ((i < cword)); do
		w=${words[i]}
		if [[ $valopts == *" $w "* ]]; then
			if [[ ${words[i + 1]} == = ]]; then
				v=${words[i + 2]}
				((i += 3))
			else
				v=${words[i + 1]}
				((i += 2))
			fi
			case $w in
			-C) _gdprctl_dir=$v ;;
			--today) _gdprctl_today=$v ;;
			--year) year=$v ;;
			esac
			continue
		fi
		case $w in
		-C?*) _gdprctl_dir=${w#-C} ;;
		-*) ;;
		*)
			if [[ -z $cmd ]]; then
				cmd=$w
			elif [[ -z $verb && " schema $kinds plan report " == *" $cmd "* ]]; then
				verb=$w
			else
				pos+=("$w")
			fi
			;;
		esac
		((i++))
	done

	if [[ -n $opt ]]; then
		case $opt in
		-C) _gdprctl_dirs ;;
		-o | --stdin-filename) _gdprctl_files ;;
		--color) _gdprctl_words 'auto always never' ;;
		--locale) _gdprctl_words 'en nb sv' ;;
		--risk) _gdprctl_words 'none risk high' ;;
		--discovered) _gdprctl_words now ;;
		--received) _gdprctl_words today ;;
		--outcome) _gdprctl_words 'granted partially-granted refused withdrawn' ;;
		--type) _gdprctl_words 'access rectification erasure restriction portability objection' ;;
		--quarter) _gdprctl_words 'Q1 Q2 Q3 Q4' ;;
		--priority) _gdprctl_words 'high normal low' ;;
		--changed-since | --at) _gdprctl_words "$(_gdprctl_revs)" ;;
		--format)
			case $cmd:$verb in
			validate:* | scan:*) _gdprctl_words 'text json github sarif codequality' ;;
			report:*) _gdprctl_words 'md csv json' ;;
			*:list) _gdprctl_words 'table csv json md' ;;
			*:show | history:* | rules:*) _gdprctl_words 'text json' ;;
			esac
			;;
		--status)
			case $cmd in
			register) _gdprctl_words 'planned active retired' ;;
			dpa) _gdprctl_words 'draft signed terminated' ;;
			incident) _gdprctl_words 'open closed' ;;
			dpia) _gdprctl_words 'draft completed approved' ;;
			ros) _gdprctl_words 'draft approved' ;;
			request) _gdprctl_words 'open responded' ;;
			plan) _gdprctl_words 'not-started ongoing done cancelled' ;;
			esac
			;;
		esac
		return 0
	fi

	if [[ $cur == -* ]]; then
		local o='-h --help'
		case $cmd:$verb in
		:) o='-C --today --color -q --no-pager -h --help --version' ;;
		init:*) o+=' --name --country --locale' ;;
		validate:*) o+=' --format --strict --changed-since -j --stdin-filename' ;;
		scan:* | history:* | rules:*) o+=' --format' ;;
		report:*) o+=' --year --quarter --format -o --at --locale' ;;
		plan:list) o+=' --year --format' ;;
		plan:new) o+=' --copy-tasks' ;;
		plan:set) o+=' --year --percent --status --priority --date --note' ;;
		*:list) o+=' --format --status --year' ;;
		*:show) o+=' --format' ;;
		register:new) o+=' --id --name --purpose --edit --no-edit' ;;
		dpa:new) o+=' --id --processor --country --edit --no-edit' ;;
		incident:new) o+=' --id --title --discovered --risk --edit --no-edit' ;;
		dpia:new | ros:new) o+=' --id --title --date --edit --no-edit' ;;
		request:new) o+=' --id --type --received --case --edit --no-edit' ;;
		incident:close) o+=' --date' ;;
		request:respond) o+=' --date --outcome' ;;
		dpa:expiring) o+=' --within' ;;
		esac
		# The global options may follow the command too.
		[[ -n $cmd ]] && o+=' --today --color -q --no-pager'
		_gdprctl_words "$o"
		return 0
	fi

	if [[ -z $cmd ]]; then
		_gdprctl_words "$commands"
		return 0
	fi
	local verbs=
	case $cmd in
	schema) verbs='export validate' ;;
	register | dpia | ros) verbs='list show new' ;;
	dpa) verbs='list show new expiring' ;;
	incident) verbs='list show new deadlines close' ;;
	request) verbs='list show new due respond' ;;
	plan) verbs='list new set' ;;
	report) verbs='status register incidents risks annual' ;;
	esac
	# dpia and ros are both a kind and (via screen and matrix) verbs.
	case $cmd in
	dpia) verbs+=' screen' ;;
	ros) verbs+=' matrix' ;;
	esac
	if [[ -n $verbs && -z $verb ]]; then
		_gdprctl_words "$verbs"
		return 0
	fi

	local n=${#pos[@]}
	case $cmd:$verb in
	help:) ((n == 0)) && _gdprctl_words "$commands" ;;
	init:) ((n == 0)) && _gdprctl_dirs ;;
	validate: | scan:) _gdprctl_files ;;
	explain:) ((n == 0)) && _gdprctl_words "$(_gdprctl_rules)" ;;
	schema:export) ((n == 0)) && _gdprctl_dirs ;;
	schema:validate) _gdprctl_files ;;
	history:) ((n == 0)) && _gdprctl_words "$(_gdprctl_ids $kinds plan)" ;;
	plan:set) ((n == 0)) && _gdprctl_words "$(_gdprctl_tasks "$year")" ;;
	plan:new)
		if ((n == 0)); then
			v=${_gdprctl_today%%-*}
			[[ $v =~ ^[0-9]{4}$ ]] || v=$(date -u +%Y)
			_gdprctl_words "$v $((10#$v + 1))"
		fi
		;;
	register:show | dpa:show | incident:show | dpia:show | ros:show | \
		request:show | incident:close | dpia:screen | ros:matrix | \
		request:respond)
		((n == 0)) && _gdprctl_words "$(_gdprctl_ids "$cmd")"
		;;
	esac
	return 0
}

complete -F _gdprctl gdprctl
