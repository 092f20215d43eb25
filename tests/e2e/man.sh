#!/bin/sh
# The man pages render without a single groff warning, and name every command and option
# that the program's --help shows.
. "$(dirname "$0")/lib.sh" "$@"

for page in "$SRC/man/calmlegs.1" "$SRC/man/calmlegs-content.5" "$SRC/man/calmlegs-config.5"; do
    run groff -ww -man -Tutf8 -z "$page"
    expect_status 0
    check; [ ! -s "$TMP/err" ] || fail "groff warns about $page"
done

# Every command and every long option in any --help is documented in calmlegs.1.
man_text=$(groff -man -Tutf8 "$SRC/man/calmlegs.1" 2>/dev/null | sed 's/.\x08//g')
commands=$("$BIN" --help | awk '/^Subcommands:/ {on = 1; next} on && !NF {exit} on {print $1}')
check; [ -n "$commands" ] || fail "could not read the commands from --help"
for command in "" $commands; do
    for option in $("$BIN" $command --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
        check
        printf '%s\n' "$man_text" | grep -qF -- "$option" ||
            fail "calmlegs.1 does not mention $option (from calmlegs $command --help)"
    done
    [ -z "$command" ] && continue
    check
    printf '%s\n' "$man_text" | grep -qE "^ +calmlegs $command|^ +$command( |$)" ||
        fail "calmlegs.1 does not document the command $command"
done

finish
