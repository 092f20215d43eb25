#!/bin/sh
# The evening's commands follow a trial in the real journal file (SQLite): a trial put in its
# `trials` table by hand (the `trial` command has its own test), then `remind --at` at the
# wind-down's time and `log` on its nights, each checked against the
# calendar computed here, independently, from the seed (SplitMix64, one coin per pair).
. "$(dirname "$0")/lib.sh" "$@"

export XDG_STATE_HOME="$TMP/state" TZ=UTC
unset CALMLEGS_JOURNAL CALMLEGS_CONFIG
J="$XDG_STATE_HOME/calmlegs/journal.db"
mkdir -p "$XDG_CONFIG_HOME/calmlegs"
printf '[plan]\nsupplements = ["magnesium"]\n\n[schedule]\nbedtime = "22:30"\n' \
    >"$XDG_CONFIG_HOME/calmlegs/config.toml"

# No journal: the reminders as ever, and no journal made.
run "$BIN" remind --at 21:45 --date 2026-01-07
expect_status 0
expect_out "Magnesium: 200–400 mg"
expect_no_out " of 42"
check; [ ! -e "$J" ] || fail "remind --at should not make a journal"

# A journal (made by a log of a night long before), then the acceptance's trial.
run "$BIN" log --date 2025-12-01 --severity 3 --took none
expect_status 0
python3 - "$J" <<'PY' || fail "cannot add the trial"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO trials (kind, subject, pairs, block, washout, start, seed, created)"
           " VALUES ('supplement', 'magnesium', 3, 7, 2, '2026-01-05', 42, 0)")
db.commit()
PY

# The calendar from seed 42: night N (1-based) from 2026-01-05, ON or OFF.
python3 - >"$TMP/calendar" <<'PY'
import datetime
M = (1 << 64) - 1
state, orders = 42, []
for _ in range(3):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    z ^= z >> 31
    orders.append((z >> 63) == 1)  # the pair's ON block comes first
start = datetime.date(2026, 1, 5)
for i in range(42):
    block = i // 7
    on = orders[block // 2] != (block % 2 == 1)
    print(start + datetime.timedelta(days=i), i + 1, "ON" if on else "OFF")
PY
on_line=$(grep -m1 ' ON$' "$TMP/calendar")
off_line=$(grep -m1 ' OFF$' "$TMP/calendar")
on_date=${on_line%% *}; on_n=$(echo "$on_line" | cut -d' ' -f2)
off_date=${off_line%% *}; off_n=$(echo "$off_line" | cut -d' ' -f2)
# Night 3 (2026-01-07), as the issue's example asks.
n3=$(sed -n 3p "$TMP/calendar" | cut -d' ' -f3)

run "$BIN" remind --at 21:45 --date 2026-01-07
expect_status 0
expect_out "$n3 night 3 of 42"
run "$BIN" remind --at 21:45 --date "$on_date"
expect_status 0
expect_out "ON night $on_n of 42: take magnesium, 200–400 mg"
run "$BIN" remind --at 21:45 --date "$off_date"
expect_status 0
expect_out "OFF night $off_n of 42: no magnesium tonight"
expect_no_out "200–400 mg"
run "$BIN" remind --at 21:45 --date "$off_date" --json
expect_status 0
expect_json "all(r['trial']['line'] == 'OFF night $off_n of 42: no magnesium tonight' for r in d['due'])"
expect_json "len(d['due']) == 2"

# log: a new night of the trial without --took is refused, with the line to type.
run "$BIN" log --date "$on_date" --severity 5
expect_status 2
expect_err "If you took magnesium: calmlegs log --date $on_date --severity 5 --took magnesium"
run "$BIN" log --date "$on_date" --severity 5 --took magnesium
expect_status 0
expect_out "ON night $on_n of 42 of your magnesium trial: taken, as the schedule asks."

# Stopped on the OFF night: from then on the reminders are ordinary.
python3 - "$J" "$off_date" <<'PY' || fail "cannot stop the trial"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE trials SET stopped = ?", (sys.argv[2],))
db.commit()
PY
run "$BIN" remind --at 21:45 --date "$off_date"
expect_status 0
expect_no_out " of 42"
expect_out "Magnesium: 200–400 mg"

finish
