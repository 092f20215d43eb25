#!/bin/sh
# calmlegs remind, the real binary where the real process matters: cron's bare environment
# (env -i), TZ, the state file's modes, and several processes at once delivering each
# reminder once (the lock).
# Usage: remind.sh BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

config="$TMP/config.toml"
cat >"$config" <<'EOF'
[plan]
supplements = ["magnesium"]

[schedule]
bedtime = "22:30"
EOF

# Cron's bare environment: no HOME, no XDG_*, no TZ, no terminal. --at works from --config.
run env -i PATH=/usr/bin:/bin "$BIN" remind --config "$config" --at 21:45
expect_status 0
expect_out "21:45  Wind-down"
expect_out "21:45  Magnesium"
expect_out "Run: calmlegs tonight"
check; [ ! -s "$TMP/err" ] || fail "stderr should be empty"
run env -i PATH=/usr/bin:/bin "$BIN" remind --config "$config" --at 21:47
expect_status 0
expect_empty_out
check; [ ! -s "$TMP/err" ] || fail "stderr should be empty"
# Without --at it needs a place for its state: one line on stderr, and 2.
run env -i PATH=/usr/bin:/bin "$BIN" remind --config "$config"
expect_status 2
expect_empty_out
check; [ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "stderr should be exactly one line"
expect_err "XDG_STATE_HOME"
expect_err "calmlegs cron"

# TZ is honoured: the same --at in two zones gives the same reminders at the same clock time,
# at instants that differ by the zones' offsets (UTC+0 and EST, UTC-5, in January).
run env TZ=UTC "$BIN" remind --config "$config" --at 21:45 --date 2026-01-15 --json
expect_status 0
cp "$TMP/out" "$TMP/utc.json"
run env TZ=America/New_York "$BIN" remind --config "$config" --at 21:45 --date 2026-01-15 --json
expect_status 0
check
python3 - "$TMP/utc.json" "$TMP/out" <<'EOF' || fail "the two zones' JSON should differ only by zone"
import json, sys
utc, ny = (json.load(open(path)) for path in sys.argv[1:3])
assert utc["zone"] == "UTC" and ny["zone"] == "America/New_York", (utc["zone"], ny["zone"])
assert [r["id"] for r in utc["due"]] == ["wind-down", "magnesium"], utc["due"]
assert [r["at"] for r in utc["due"]] == ["2026-01-15T21:45:00Z"] * 2
assert [r["at"] for r in ny["due"]] == ["2026-01-16T02:45:00Z"] * 2
assert [r["local"] for r in ny["due"]] == ["2026-01-15T21:45:00-05:00"] * 2
def zone_free(d):
    return {k: v if k != "due" else [{f: x for f, x in r.items() if f not in ("at", "local")}
                                     for r in v] for k, v in d.items() if k != "zone"}
assert zone_free(utc) == zone_free(ny)
EOF
run env TZ=Nowhere/Atlantis "$BIN" remind --config "$config" --at 21:45
expect_status 2
expect_err "Nowhere/Atlantis"

# Several processes at once deliver a reminder once. The only reminder is one of the
# person's own at this minute (UTC); should the minute turn before they run, it is a minute
# late, well within the grace.
i=0
while [ "$i" -lt 8 ]; do
    i=$((i + 1))
    now=$(TZ=UTC date +%H:%M)
    cat >"$TMP/race.toml" <<EOF
[reminders]
off = ["caffeine", "screens", "wind-down", "cool-room", "lights-out"]

[[reminders.own]]
id = "race"
title = "Race $i"
at = "$now"
text = "Once, however many run."
EOF
    state="$TMP/state$i"
    for n in 1 2 3 4; do
        XDG_STATE_HOME="$state" TZ=UTC "$BIN" remind --config "$TMP/race.toml" \
            >"$TMP/race$n.out" 2>"$TMP/race$n.err" &
    done
    wait
    last="4 x remind at $now, round $i"
    status=0
    check
    count=$(cat "$TMP"/race[1-4].out | grep -c "  Race $i\$")
    [ "$count" -eq 1 ] || fail "round $i: 'Race $i' was printed $count times, not once"
    check
    [ -z "$(cat "$TMP"/race[1-4].err)" ] || fail "round $i: stderr: $(cat "$TMP"/race[1-4].err)"
done
# The state: 0600 in a 0700 directory; another run delivers nothing.
check; [ "$(stat -c %a "$state/calmlegs")" = 700 ] || fail "the state directory should be 0700"
check
[ "$(stat -c %a "$state/calmlegs/remind-state.toml")" = 600 ] || fail "the state should be 0600"
run env XDG_STATE_HOME="$state" TZ=UTC "$BIN" remind --config "$TMP/race.toml"
expect_status 0
expect_empty_out
check; [ ! -s "$TMP/err" ] || fail "stderr should be empty"

finish
