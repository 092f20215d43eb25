#!/bin/sh
# calmlegs config and config --init as a real process: under cron's bare environment
# (env -i), with CALMLEGS_CONFIG, and with the modes the files get on disk whatever the umask.
# Usage: config.sh BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
BARE="env -i PATH=/usr/bin:/bin"

# No HOME and no XDG_*: the defaults are shown; --init cannot tell where to write.
run $BARE "$BIN" config
expect_status 0
expect_out "Config      none: neither HOME nor XDG_CONFIG_HOME is set (the defaults apply)"
expect_out "State       none: neither HOME nor XDG_STATE_HOME is set"
run $BARE "$BIN" config --init
expect_status 2
expect_empty_out
expect_err "calmlegs: cannot tell where your config goes: neither HOME nor XDG_CONFIG_HOME is set"
check; [ "$(wc -l <"$TMP/err")" -eq 2 ] || fail "expected one error line and its hint"

# --config names the place: the file is 0600, the directories created 0700, whatever the umask.
for mask in 000 022 077; do
    file="$TMP/umask$mask/calmlegs/config.toml"
    run $BARE sh -c 'umask "$1" && exec "$2" --config "$3" config --init' sh "$mask" "$BIN" "$file"
    expect_status 0
    expect_out "Wrote a starter config: $file"
    check; [ "$(stat -c %a "$file")" = 600 ] || fail "umask $mask: the file is not 0600"
    check; [ "$(stat -c %a "$TMP/umask$mask/calmlegs")" = 700 ] || fail "umask $mask: not 0700"
    check; [ "$(stat -c %a "$TMP/umask$mask")" = 700 ] || fail "umask $mask: parent not 0700"
done

# CALMLEGS_CONFIG names it as --config does; a second --init leaves it as it is.
file="$TMP/umask022/calmlegs/config.toml"
cp "$file" "$TMP/before"
run $BARE CALMLEGS_CONFIG="$file" "$BIN" --json config
expect_status 0
expect_json 'd["config"] == {"path": "'"$file"'", "source": "CALMLEGS_CONFIG", "exists": True}'
expect_json 'd["schedule"]["bedtime_default"] and d["plan"]["supplements"] is None'
run $BARE CALMLEGS_CONFIG="$file" "$BIN" config --init
expect_status 1
expect_err "calmlegs: there is a config at $file already; --init never writes over one"
check; cmp -s "$file" "$TMP/before" || fail "--init changed a config that exists"

# The starter with its settings switched on (as man_check.py and the unit tests do) is a valid
# config for the shipped content, in a real zone.
sed -E 's/^# (\[.*\]|[a-z_]+ = .*)$/\1/' "$file" >"$TMP/all.toml"
run env TZ=Europe/Berlin "$BIN" --config "$TMP/all.toml" --json config
expect_status 0
expect_json 'd["time_zone"] == {"name": "Europe/Berlin", "source": "TZ=Europe/Berlin"}'
expect_json 'd["plan"]["ids"] == ["magnesium", "vitamin-d", "ashwagandha", "valerian"]'
expect_json '[r["id"] for r in d["reminders"]["own"]] == ["walk", "chamomile-tea", "morning-stretch"]'
expect_json 'd["schedule"]["weekend"]["days"] == ["friday", "saturday"]'

finish
