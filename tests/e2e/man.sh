#!/bin/sh
# The man pages render without a single groff warning; every command's --help works; and the
# pages and the program agree both ways (man_check.py): calmlegs(1) documents exactly the
# commands and options of calmlegs' CLI11 model, and calmlegs-content(5) and calmlegs-config(5)
# exactly the keys the parsers accept.
# Usage: man.sh BINARY SOURCE_DIR CLI_MODEL_TOOL (tests/tools/cli_model.cpp)
. "$(dirname "$0")/lib.sh" "$@"
MODEL=${3:?usage: $0 BINARY SOURCE_DIR CLI_MODEL_TOOL}

for page in "$SRC/man/calmlegs.1" "$SRC/man/calmlegs-content.5" "$SRC/man/calmlegs-config.5"; do
    run groff -ww -man -Tutf8 -z "$page"
    expect_status 0
    check; [ ! -s "$TMP/err" ] || fail "groff warns about $page"
done

# The commands, from the model the binary parses with, not from its wrapped help text.
run "$MODEL"
expect_status 0
commands=$(awk '$1 == "command" { print $2 }' "$TMP/out")
check; [ -n "$commands" ] || fail "the CLI model has no commands"
run "$BIN" --help
expect_status 0
expect_out "Usage:"
for command in $commands; do
    run "$BIN" "$command" --help
    expect_status 0
    expect_out "calmlegs $command"
    run "$BIN" help "$command"
    expect_status 0
    expect_out "calmlegs $command"
done

run python3 "$(dirname "$0")/man_check.py" "$BIN" "$SRC" "$MODEL"
expect_status 0
# fail shows the first 15 lines of what it found; the rest follow.
[ "$status" -eq 0 ] || tail -n +16 "$TMP/err" | sed 's/^/  | /' >&2

finish
