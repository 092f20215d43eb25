#!/bin/sh
# `history --chart` and `stats --chart` with the real binary on a generated 90-night journal
# (tests/e2e/journal90.py, read in with `calmlegs import`: every ninth night not logged,
# magnesium from night 30 on, valerian from night 38 to 69, both in the [plan]): at 80 columns
# it fits and shows the moving mean and the plan's markers; at 40 it bins the nights and says
# so; piped or with LANG=C it is pure ASCII; under a pseudo-terminal with a UTF-8 locale it
# draws in Unicode, in colour unless NO_COLOR; however wide COLUMNS says, it stays the chart's
# size.
# Usage: chart.sh BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

export XDG_STATE_HOME="$TMP/state" TZ=UTC
unset CALMLEGS_JOURNAL CALMLEGS_CONFIG
mkdir -p "$XDG_CONFIG_HOME/calmlegs"
# The journal holds the person's own trigger: the config must name it for the import.
cat >"$XDG_CONFIG_HOME/calmlegs/config.toml" <<'END'
[plan]
supplements = ["magnesium", "valerian"]

[journal]
triggers = ["late <b>dinner</b>"]
END

# The night now is in, as calmlegs tells it (noon to noon); the journal's 90 nights end there.
tonight=$("$BIN" history --json --days 1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["to"])')
python3 "$SRC/tests/e2e/journal90.py" "$tonight" >"$TMP/journal90.json"
run "$BIN" import "$TMP/journal90.json"
expect_status 0
first=$(date -u -d "$tonight - 89 days" +%F)
magnesium=$(date -u -d "$first + 30 days" +%F)
valerian=$(date -u -d "$first + 38 days" +%F)
valerian_stop=$(date -u -d "$first + 70 days" +%F)

# expect_ascii: every byte of stdout is ASCII.
expect_ascii() {
    check
    ! LC_ALL=C grep -q "$(printf '[\200-\377]')" "$TMP/out" || fail "stdout is not pure ASCII"
}
# expect_line REGEX: a line of stdout matches the extended regular expression.
expect_line() { check; grep -qE -- "$1" "$TMP/out" || fail "no line of stdout matches: $1"; }


# --- 80 columns, piped: fits, in ASCII, with the 7-night mean and the plan's markers.
run env COLUMNS=80 "$BIN" history --chart --days 90
expect_status 0
expect_out "Severity, night by night: $first to $tonight (90 nights)"
expect_max_width 80
expect_ascii
expect_no_escapes
expect_out "Each column is 2 nights" # 90 nights beside a 4-column margin
# The scale is labelled 0 to 10, and the mean (=) is drawn over the bars (:) in the plot.
expect_line '^10 \|'
expect_line '^ 0 \|:+'
expect_line '^(10| [0-9]|  ) \|.*='
expect_out " =  the mean of the 7 nights up to each"
# Magnesium's start, valerian's start and stop: markers in their rows (2 nights a column:
# columns 15, 19 and 35), and their dates in the legend.
expect_line '^ 1  {16}\^$'
expect_line '^ 2  {20}\^ {15}v$'
expect_out "Magnesium: ^ started $magnesium"
expect_out "Valerian: ^ started $valerian, v stopped $valerian_stop"
expect_no_out "taken" # the journal begins with the period: nothing taken before it
expect_line '^ T +\*'
expect_out "late <b>dinner</b>"
# The dates under the axis: the first night's, MM-DD.
expect_line "^    $(echo "$first" | cut -c6-)  "

# --- 40 columns: three nights a column, said.
run env COLUMNS=40 "$BIN" history --chart --days 90
expect_status 0
expect_max_width 40
expect_out "Each column is 3 nights"
expect_line '^ 0 \|:{30}$'

# --- LANG=C: pure ASCII.
run env LC_ALL= LANG=C COLUMNS=80 "$BIN" history --chart --days 90
expect_status 0
expect_ascii
expect_out "Magnesium: ^ started $magnesium"

# --- --json: the progress of the 90 nights.
run "$BIN" history --chart --days 90 --json
expect_status 0
expect_json 'd["nights_logged"] == 80 and len(d["nights"]) == 90'
expect_json "[(c['supplement'], c['night'], c['change']) for c in d['changes']] == [('magnesium', '$magnesium', 'started'), ('valerian', '$valerian', 'started'), ('valerian', '$valerian_stop', 'stopped')]"
expect_json "d['taken_at_start'] == [] and d['start_night'] == '$first'"

# --- The last 30 nights (from night 60): both were taken when they began; valerian stopped.
run env COLUMNS=80 "$BIN" history --chart --days 30
expect_status 0
expect_out "Valerian: taken when these nights began, v stopped $valerian_stop"
expect_out "taken throughout these nights: Magnesium"

# --- However wide COLUMNS says: the chart's own size (prose at 100 columns), at once.
run env COLUMNS=2147483647 "$BIN" history --chart --days 90
expect_status 0
expect_max_width 100

# --- A UTF-8 terminal: Unicode, in colour; NO_COLOR: none; LANG=C on a terminal: ASCII.
on_tty 60 80 "'$BIN' history --chart --days 90 --no-pager"
expect_status 0
expect_out "┤"
expect_out "░"
expect_out "━"
expect_out "▲ started $magnesium"
check; grep -q "$(printf '\033')\[" "$TMP/out" || fail "expected colour on a terminal"
on_tty 60 80 "NO_COLOR=1 '$BIN' history --chart --days 90 --no-pager"
expect_no_escapes
expect_max_width 80
expect_line '^ 0 ┤░+$'
on_tty 60 40 "NO_COLOR=1 '$BIN' history --chart --days 90 --no-pager"
expect_max_width 40
expect_out "Each column is 3 nights"
on_tty 60 80 "LC_ALL= LANG=C NO_COLOR=1 '$BIN' history --chart --days 90 --no-pager"
expect_status 0
expect_ascii

# --- stats --chart: the statistics, then the whole journal's chart.
run env COLUMNS=80 "$BIN" stats --chart
expect_status 0
expect_out "Journal statistics"
expect_out "Severity, night by night: $first to $tonight (90 nights)"
expect_max_width 80

# --- An empty journal: a sentence and how to start, no chart; status 0.
run "$BIN" --journal "$TMP/none.db" history --chart
expect_status 0
expect_out "Nothing is logged for these nights"
expect_out "calmlegs log"
expect_no_out "+--"

finish
