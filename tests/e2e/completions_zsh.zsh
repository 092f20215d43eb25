#!/usr/bin/env zsh
# Prints the candidates zsh's completion offers for a command line, one a line, as a person
# pressing Tab at its end would get them: an interactive zsh in a pseudo-terminal (zpty), with
# compinit and FPATH_DIR on its fpath, compadd wrapped to print each match it adds.
# Usage: zsh completions_zsh.zsh FPATH_DIR 'calmlegs supplement mag'
# (after the approach of github.com/Valodim/zsh-capture-completion)
zmodload zsh/zpty || { print -u2 'completions_zsh: no zsh/zpty'; exit 2 }
zpty z zsh -f -i || exit 2
local setup=$(mktemp) line
trap 'rm -f $setup' EXIT
<<'SETUP' >$setup
PROMPT=
fpath=($CAPTURE_FPATH $fpath)
autoload -U compinit
compinit -u -D
bindkey '^M' undefined
bindkey '^J' undefined
bindkey '^I' complete-word
# A line with a NUL byte before and after the matches; then the shell exits.
capture_mark() { echo -E - $'\0' }
compprefuncs=(capture_mark)
comppostfuncs=(capture_mark exit)
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
compadd() {
    # Calls that only ask for the matches are passed on.
    if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
        builtin compadd "$@"
        return $?
    fi
    typeset -a __hits
    builtin compadd -A __hits "$@"
    local __hit
    for __hit in $__hits; do
        echo -E - "<match>$IPREFIX$__hit"
    done
    builtin compadd "$@"
}
echo ok
SETUP
zpty -w z "CAPTURE_FPATH=${(q)1}; source ${(q)setup}"
repeat 20; do
    zpty -r z line
    [[ $line == ok* ]] && break
done
[[ $line == ok* ]] || { print -u2 'completions_zsh: zsh did not start'; exit 2 }
zpty -w -n z "$2"$'\t'
# The matches, between the two NUL lines; the shell exits after the second.
while zpty -r z; do :; done | while IFS= read -r line; do
    line=${line%$'\r'}
    [[ $line == *'<match>'* ]] && print -r -- ${line#*'<match>'}
done
exit 0
