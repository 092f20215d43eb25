#!/bin/sh
# End-to-end: `calmlegs schedule --ics` read by a real iCalendar parser, Debian's
# python3-icalendar (installed by .ci/deps), in New York, Berlin and Sydney: one recurring
# event per reminder at its local time, TZIDs that match the VTIMEZONE, a VTIMEZONE that
# gives the tz database's offsets, and UIDs that stay the same from one run to the next.
# The system's /usr/bin/python3 runs the checker: the `python3` on PATH may be another
# interpreter, without Debian's packages.
. "$(dirname "$0")/lib.sh" "$@"
PY=/usr/bin/python3
CHECKER="$(dirname "$0")/ics_check.py"

run "$PY" -c "import icalendar"
expect_status 0
[ "$status" -eq 0 ] || { echo "install python3-icalendar (.ci/deps does)" >&2; finish; }

cat >"$TMP/config.toml" <<'EOF'
[schedule]
bedtime = "22:30"

[plan]
supplements = ["magnesium"]
EOF
cat >"$TMP/weekend.toml" <<'EOF'
[schedule]
bedtime = "22:30"

[schedule.weekend]
bedtime = "00:30"
days = ["friday", "saturday"]

[plan]
supplements = ["magnesium"]
EOF

# uids FILE: the UIDs of a calendar file, sorted.
uids() { tr -d '\r' <"$1" | sed -n 's/^UID://p' | sort; }

for zone in America/New_York Europe/Berlin Australia/Sydney; do
    export TZ="$zone"
    run "$BIN" --config "$TMP/config.toml" --json schedule --date 2026-03-08
    expect_status 0
    expect_json 'any(r["id"] == "wind-down" and r["time"] == "21:45" for r in d["reminders"])'
    expect_json 'd["zone"] == "'"$zone"'" and len(d["reminders"]) == 6'
    cp "$TMP/out" "$TMP/day.json"

    run "$BIN" --config "$TMP/config.toml" schedule --date 2026-03-08 --ics "$TMP/first.ics"
    expect_status 0
    expect_out "Wrote 6 events of 6 reminders to $TMP/first.ics"
    check; grep -q "^DTSTART;TZID=$zone:20260308T214500" "$TMP/first.ics" ||
        fail "$zone: the wind-down should start at 21:45 local, with bedtime 22:30"
    run "$PY" "$CHECKER" "$TMP/first.ics" "$zone" "$TMP/day.json"
    expect_status 0

    # Written again (another day): the same UIDs, so a calendar updates its events.
    run "$BIN" --config "$TMP/config.toml" schedule --date 2026-07-01 --ics "$TMP/again.ics"
    expect_status 0
    check; [ "$(uids "$TMP/first.ics")" = "$(uids "$TMP/again.ics")" ] ||
        fail "$zone: the UIDs changed between two runs"
    check; [ "$(uids "$TMP/first.ics" | wc -l)" -eq 6 ] || fail "$zone: not 6 UIDs"

    # Weekend nights with bedtime 00:30: the reminders counted from bedtime are two weekly
    # events each, the weekend's lights-out on Saturday and Sunday mornings.
    run "$BIN" --config "$TMP/weekend.toml" --json schedule --date 2026-03-09
    expect_status 0
    cp "$TMP/out" "$TMP/week.json"
    run "$BIN" --config "$TMP/weekend.toml" schedule --date 2026-03-09 --ics "$TMP/weekend.ics"
    expect_status 0
    run "$PY" "$CHECKER" "$TMP/weekend.ics" "$zone" "$TMP/week.json" 00:30 FR,SA
    expect_status 0
    check; tr -d '\r' <"$TMP/weekend.ics" | grep -A3 '^UID:lights-out-weekend@calmlegs' |
        grep -q "^DTSTART;TZID=$zone:20260314T003000" ||
        fail "$zone: the weekend's lights-out should start on Saturday 2026-03-14 at 00:30"
done

# --json's instants are UTC whatever TZ is: 21:45 EDT on 2026-03-08 is 01:45 UTC the next day.
export TZ=America/New_York
run "$BIN" --config "$TMP/config.toml" --json schedule --date 2026-03-08
expect_json 'any(r["id"] == "wind-down" and r["at"] == "2026-03-09T01:45:00Z"
                 and r["local"] == "2026-03-08T21:45:00-04:00" for r in d["reminders"])'

# The calendar on standard output is the same file.
run "$BIN" --config "$TMP/config.toml" schedule --date 2026-03-08 --ics -
expect_status 0
check; [ "$(uids "$TMP/out")" = "$(uids "$TMP/first.ics")" ] || fail "--ics - differs"

# A bare POSIX rule names no zone a calendar knows: refused, saying what to set instead.
export TZ="CET-1CEST,M3.5.0,M10.5.0/3"
run "$BIN" --config "$TMP/config.toml" schedule --ics "$TMP/unnamed.ics"
expect_status 2
expect_err "it has no name (such as Europe/Berlin)"
expect_err "TZ=Europe/Berlin calmlegs schedule --ics"
check; [ ! -e "$TMP/unnamed.ics" ] || fail "nothing should be written in an unnamed zone"

finish
