# bash completion for calmlegs                                      -*- shell-script -*-
# Installed as share/bash-completion/completions/calmlegs; or, for this shell only:
#     source <(calmlegs completions bash)
# The candidates come from the program itself (`calmlegs complete INDEX WORDS...`): its commands
# and options, and the names in the content in use, so that your own content completes too.

_calmlegs() {
    # shellcheck disable=SC2034 # prev is set by _init_completion, and kept local here
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        # "--took=mag" and "a:b" stay one word, as calmlegs sees them.
        _init_completion -n =: || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
    fi

    # A word begun with a quote is completed inside the quote, as typed.
    local quote=""
    case $cur in
        \'* | \"*) quote=${cur:0:1} cur=${cur:1} words[cword]=$cur ;;
    esac
    local program=${words[0]}
    # shellcheck disable=SC2088 # a "~/" typed, not expanded in the words
    [[ $program == "~/"* ]] && program=$HOME/${program#"~/"}

    local -a lines
    mapfile -t lines < <("$program" complete "$cword" "${words[@]}" 2>/dev/null)
    COMPREPLY=()
    case ${lines[0]-} in
    :files | :directories)
        if declare -F _filedir >/dev/null; then
            if [[ ${lines[0]} == :files ]]; then _filedir; else _filedir -d; fi
        else
            local flag=-f
            [[ ${lines[0]} == :directories ]] && flag=-d
            mapfile -t COMPREPLY < <(compgen "$flag" -- "$cur")
        fi
        return
        ;;
    esac

    # bash replaces only the part after the last '=' of COMP_WORDBREAKS: "--took=magnesium"
    # is offered as "magnesium".
    local lead=""
    [[ $cur == *=* && $COMP_WORDBREAKS == *=* ]] && lead=${cur%"${cur##*=}"}
    local line
    for line in "${lines[@]}"; do
        line=${line#"$lead"}
        if [[ -n $quote ]]; then
            COMPREPLY+=("$line")
        else
            COMPREPLY+=("$(printf '%q' "$line")")
        fi
    done
}
complete -F _calmlegs calmlegs
