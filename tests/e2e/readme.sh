#!/bin/sh
# The README works as written: every line of its "Using it" block runs (a routine as its
# --dry-run plan) and exits 0 with some output, and its config example is read without a
# problem, from --config and from the default place. The lines are read from README.md each
# time, so a line added there is run too.
. "$(dirname "$0")/lib.sh" "$@"

# block HEADING LANGUAGE: the lines of the first ```LANGUAGE block under "## HEADING".
block() {
    awk -v heading="## $1" -v fence="\`\`\`$2" '
        /^## / { under = ($0 == heading) }
        under && !inside && $0 == fence { inside = 1; next }
        inside && /^```/ { exit }
        inside { print }' "$SRC/README.md"
}

# calmlegs ARGS...: what a README line calls; runs the binary, adding --dry-run to a command
# that runs a routine (one whose --help offers --dry-run), so that nothing waits on a timer.
calmlegs() {
    calls=$((calls + 1))
    command="" value_next=0 dry_run=0
    for word do
        if [ "$value_next" -eq 1 ]; then
            value_next=0
        else
            case $word in
            --content | --config) value_next=1 ;;
            --dry-run) dry_run=1 ;;
            -*) ;;
            *) [ -n "$command" ] || command=$word ;;
            esac
        fi
    done
    if [ "$dry_run" -eq 0 ] && [ -n "$command" ] &&
        "$BIN" "$command" --help </dev/null 2>/dev/null | grep -q -- '--dry-run'; then
        run "$BIN" "$@" --dry-run
    else
        run "$BIN" "$@"
    fi
}

# run_block HEADING: runs every line of the heading's ```sh block, each exactly one calmlegs
# call that exits 0 with some output.
run_block() {
    block "$1" sh >"$TMP/lines"
    check
    [ -s "$TMP/lines" ] || fail "README.md has no \`\`\`sh block under '## $1'"
    while IFS= read -r line; do
        case $line in "" | "#"*) continue ;; esac
        calls=0
        eval "$line"
        check; [ "$calls" -eq 1 ] || fail "this README line does not run calmlegs once: $line"
        expect_status 0
        check; [ -s "$TMP/out" ] || [ -s "$TMP/err" ] || fail "no output from the README line: $line"
    done <"$TMP/lines"
}

run_block "Using it"

# The reminder lines, as a new user runs them: in a fresh home, with a stand-in for crontab
# (it keeps the crontab in a file) and files written to a scratch directory.
mkdir -p "$TMP/bin" "$TMP/work"
cat >"$TMP/bin/crontab" <<'CRONTAB'
#!/bin/sh
store="$HOME/crontab.txt"
case $1 in
-l) [ -f "$store" ] || { echo "no crontab for $(id -un)" >&2; exit 1; }; cat "$store" ;;
-r) rm -f "$store" ;;
-) cat >"$store" ;;
*) exit 2 ;;
esac
CRONTAB
chmod +x "$TMP/bin/crontab"
(
    export PATH="$TMP/bin:$PATH" XDG_STATE_HOME="$TMP/state" TZ=Europe/Berlin
    cd "$TMP/work" || exit 1
    run_block "Reminders"
    check; grep -q "calmlegs remind" "$HOME/crontab.txt" 2>/dev/null ||
        fail "cron --install left no line that runs calmlegs remind"
    check; [ -s "$TMP/work/evening.ics" ] || fail "schedule --ics wrote no evening.ics"
    # The schedule example of the section is read without a problem.
    block "Reminders" toml >"$TMP/reminders.toml"
    run "$BIN" --config "$TMP/reminders.toml" schedule
    expect_status 0
    expect_out "A short evening walk."
    check; [ ! -s "$TMP/err" ] || fail "the README's schedule example has problems"
    exit "$failures"
) || failures=$((failures + $?))

# The config example, from --config and as the default config.toml: it is read by the commands
# that show or run routines, and a problem in it would be reported on stderr with status 2.
block "Your settings" toml >"$TMP/config.toml"
check
[ -s "$TMP/config.toml" ] || fail "README.md has no \`\`\`toml block under '## Your settings'"
run "$BIN" --config "$TMP/config.toml" tonight --dry-run
expect_status 0
check; [ ! -s "$TMP/err" ] || fail "the README's config example has problems"
# The plan in the example passes the plan review, and is listed by supplements --mine.
run "$BIN" --config "$TMP/config.toml" plan check
expect_status 0
expect_out "None of the cautions in calmlegs' content applies to this plan."
run "$BIN" --config "$TMP/config.toml" supplements --mine
expect_status 0
expect_out "Magnesium"
mkdir -p "$XDG_CONFIG_HOME/calmlegs"
cp "$TMP/config.toml" "$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" tonight --dry-run
expect_status 0
check; [ ! -s "$TMP/err" ] || fail "the README's config example has problems as config.toml"

finish
