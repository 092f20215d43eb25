#!/bin/sh
# The shell completions, driven in each shell for real with the script `calmlegs completions
# SHELL` prints: bash through bash-completion (COMP_WORDS/COMP_CWORD and the registered
# function), zsh under compinit in a pseudo-terminal (completions_zsh.zsh), fish with
# `complete -C`. Each completes supplement names, routine ids, options, subcommands and a
# person's own content. A missing shell fails: the test command installs them (.ci/deps).
# Usage: completions.sh BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
HERE=$(cd "$(dirname "$0")" && pwd)

for shell in bash zsh fish; do
    check; command -v "$shell" >/dev/null || fail "$shell is missing (install it: .ci/deps)"
done
bash_completion=/usr/share/bash-completion/bash_completion
check; [ -f "$bash_completion" ] || fail "bash-completion is missing (install it: .ci/deps)"

# calmlegs on the PATH, as a person types it.
mkdir -p "$TMP/bin"
ln -s "$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")" "$TMP/bin/calmlegs"
PATH="$TMP/bin:$PATH"
export PATH
for shell in bash zsh fish; do
    run calmlegs completions "$shell"
    expect_status 0
    cp "$TMP/out" "$TMP/script.$shell"
done
mkdir -p "$TMP/zsh"
cp "$TMP/script.zsh" "$TMP/zsh/_calmlegs"

# The routine ids of the shipped content: each file's id is its name (calmlegs-content(5)).
routines=$(cd "$SRC/content/routines" && ls -- *.toml | sed 's/\.toml$//' | LC_ALL=C sort)
# A person's own content: their layer adds a routine ("lullaby"); a whole directory given with
# --content or CALMLEGS_CONTENT adds another ("unwind").
mkdir -p "$TMP/content"
cp -R "$SRC/content/." "$TMP/content"
sed 's/^id = "urge"/id = "unwind"/' "$SRC/content/routines/urge.toml" \
    >"$TMP/content/routines/unwind.toml"

# complete_bash WORD...: the COMPREPLY of the registered function for the last WORD.
complete_bash() {
    bash -c '
        . "$1" && . "$2" || exit 2
        shift 2
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        function=$(complete -p calmlegs | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
        [ -n "$function" ] || exit 3
        "$function" calmlegs "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' complete_bash "$bash_completion" "$TMP/script.bash" "$@"
}
# complete_zsh LINE, complete_fish LINE: the candidates for the end of LINE.
complete_zsh() { zsh "$HERE/completions_zsh.zsh" "$TMP/zsh" "$1"; }
complete_fish() {
    fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$TMP/script.fish" "$1" |
        cut -f1
}

# candidates SHELL LINE: the candidates as sorted lines in $TMP/out.
candidates() {
    last="$1: complete '$2'"
    case $1 in
    bash)
        # The line's words; after a space, a new empty word is completed.
        # shellcheck disable=SC2086
        if [ "${2% }" = "$2" ]; then
            complete_bash $2 >"$TMP/raw" 2>"$TMP/err"
        else
            complete_bash $2 '' >"$TMP/raw" 2>"$TMP/err"
        fi
        ;;
    zsh) complete_zsh "$2" >"$TMP/raw" 2>"$TMP/err" ;;
    fish) complete_fish "$2" >"$TMP/raw" 2>"$TMP/err" ;;
    esac
    status=$?
    LC_ALL=C sort -u "$TMP/raw" | sed '/^$/d' >"$TMP/out"
}
expect_lines() {
    check
    printf '%s\n' "$1" | LC_ALL=C sort -u >"$TMP/want"
    cmp -s "$TMP/want" "$TMP/out" || fail "expected exactly: $(printf '%s' "$1" | tr '\n' ' ')"
}
expect_line() { check; grep -qxF -- "$1" "$TMP/out" || fail "no candidate $1"; }
expect_no_line() { check; ! grep -qxF -- "$1" "$TMP/out" || fail "a candidate $1"; }
expect_all_start() {
    check
    ! grep -v "^$1" "$TMP/out" >/dev/null || fail "a candidate does not start with $1"
}

for shell in bash zsh fish; do
    # bash and zsh escape a space in what they insert; fish, the candidate itself.
    space='\ '
    [ "$shell" = fish ] && space=' '

    candidates "$shell" "calmlegs supplement mag"
    expect_status 0
    expect_lines "mag
magnesium
magnesium${space}glycinate
magnesium${space}threonate"
    expect_all_start mag

    candidates "$shell" "calmlegs run "
    expect_status 0
    expect_lines "$routines"

    # A name of several words, typed as words.
    candidates "$shell" "calmlegs supplement magnesium gl"
    expect_lines "glycinate"

    candidates "$shell" "calmlegs breathe --"
    expect_line --minutes
    expect_line --cycles
    expect_line --content # a global option works after the command too
    expect_all_start --

    candidates "$shell" "calmlegs trial "
    expect_lines "list
result
start
status
stop"

    candidates "$shell" "calmlegs tri"
    expect_lines "trial"

    candidates "$shell" "calmlegs supplement benad"
    expect_lines "benadryl"

    candidates "$shell" "calmlegs supplements --when bed"
    expect_lines "bedtime"

    candidates "$shell" "calmlegs guide sle"
    expect_lines "sleep"

    # A person's own content completes: their layer, and a directory given on the line.
    mkdir -p "$XDG_CONFIG_HOME/calmlegs/content/routines"
    sed 's/^id = "urge"/id = "lullaby"/' "$SRC/content/routines/urge.toml" \
        >"$XDG_CONFIG_HOME/calmlegs/content/routines/lullaby.toml"
    candidates "$shell" "calmlegs run lu"
    expect_lines "lullaby"
    rm -r "$XDG_CONFIG_HOME/calmlegs"
    candidates "$shell" "calmlegs --content $TMP/content run un"
    expect_lines "unwind"
    candidates "$shell" "calmlegs run un"
    expect_empty_out
    CALMLEGS_CONTENT="$TMP/content"
    export CALMLEGS_CONTENT
    candidates "$shell" "calmlegs run "
    expect_lines "$routines
unwind"
    unset CALMLEGS_CONTENT
done

finish
