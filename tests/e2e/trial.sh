#!/bin/sh
# A personal trial end to end, as the issue's acceptance types it: the 42-night calendar from a
# seed (the same seed, the same calendar; another seed, another), 42 nights logged following
# it with severity 2 points lower on ON nights plus noise, and `trial result --json` checked
# against the per-pair differences and the exact randomisation test over all 8 orders computed
# here, independently. Then the refusals (iron, a second trial) and a status that shows no
# effect unless --peek.
. "$(dirname "$0")/lib.sh" "$@"

export TZ=UTC CALMLEGS_JOURNAL="$TMP/journal.db"
START="trial start magnesium --pairs 3 --block 7 --start 2026-01-05 --yes"

# The week rows of a calendar: the lines that start with a date, up to "Started".
calendar() { sed -n '/^Started/q;/^[0-9][0-9][0-9][0-9]-/p' "$TMP/out"; }

# --- The calendar: 42 nights, ON and OFF, 2 washout nights a block; reproducible by seed.
run "$BIN" $START --seed 42
expect_status 0
expect_out "Trial of Magnesium"
expect_out "42 nights"
expect_max_width 80
calendar >"$TMP/cal42"
check; [ "$(grep -oE '[0-9] (ON|OFF)' "$TMP/cal42" | wc -l)" -eq 42 ] \
    || fail "the calendar should show 42 nights"
check; [ "$(grep -o '\*' "$TMP/cal42" | wc -l)" -eq 12 ] || fail "12 washout nights expected"
expect_out "log --date"
CALMLEGS_JOURNAL="$TMP/other.db" run "$BIN" $START --seed 42
calendar >"$TMP/again42"
check; cmp -s "$TMP/cal42" "$TMP/again42" || fail "the same seed should give the same calendar"
# Seed 3's coins differ from seed 42's (pair_orders of both, by SplitMix64).
CALMLEGS_JOURNAL="$TMP/third.db" run "$BIN" $START --seed 3
expect_status 0
calendar >"$TMP/cal3"
check; ! cmp -s "$TMP/cal42" "$TMP/cal3" || fail "seed 3 should give another calendar"

# --- 42 nights logged following the schedule: 2 points lower on ON nights, plus noise.
run "$BIN" --json trial status
expect_status 0
python3 - "$TMP/out" "$TMP/nights" <<'EOF'
import json, random, sys
d = json.load(open(sys.argv[1]))
rng = random.Random(7)
with open(sys.argv[2], "w") as out:
    for night in d["trial"]["design"]["schedule"]:
        severity = 6 - (2 if night["on"] else 0) + rng.choice([-1, 0, 0, 1])
        out.write(f'{night["date"]} {severity} {"magnesium" if night["on"] else "none"}\n')
EOF
while read -r date severity took; do
    "$BIN" log --date "$date" --severity "$severity" --took "$took" >/dev/null 2>"$TMP/err" \
        || fail "log --date $date failed: $(cat "$TMP/err")"
done <"$TMP/nights"
run "$BIN" --json trial result
expect_status 0
expect_json 'd["state"] == "finished" and d["logged"] == 42 and d["missing"] == 0'
expect_json 'd["severity"]["low"] <= d["severity"]["effect"] <= d["severity"]["high"]'
expect_json 'd["severity"]["low"] <= -2 <= d["severity"]["high"]'
expect_json 'd["adherence"]["on_kept"] == 21 and d["adherence"]["off_kept"] == 21'
# The exact randomisation test, independently: the per-pair differences from the nights as
# logged (washout nights left out), then all 2^3 sign assignments.
check
python3 - "$TMP/out" "$TMP/nights" <<'EOF' || fail "the result differs from the independent computation"
import itertools, json, sys
d = json.load(open(sys.argv[1]))
severity = {}
for line in open(sys.argv[2]):
    date, s, _ = line.split()
    severity[date] = int(s)
blocks = {}
for night in d["trial"]["design"]["schedule"]:
    if not night["washout"]:
        blocks.setdefault((night["pair"], night["on"]), []).append(severity[night["date"]])
pairs = d["trial"]["design"]["pairs"]
diffs = [sum(blocks[(p, True)]) / len(blocks[(p, True)]) -
         sum(blocks[(p, False)]) / len(blocks[(p, False)]) for p in range(1, pairs + 1)]
mean = sum(diffs) / pairs
hits = sum(1 for signs in itertools.product([1, -1], repeat=pairs)
           if abs(sum(s * x for s, x in zip(signs, diffs)) / pairs) >= abs(mean) - 1e-9)
p = hits / 2 ** pairs
got = d["severity"]
ok = (abs(got["effect"] - mean) < 1e-6 and abs(got["p"] - p) < 1e-9 and got["orders"] == 8
      and all(abs(a - b) < 1e-6 for a, b in zip(got["pair_differences"], diffs)))
if not ok:
    print("expected effect", mean, "p", p, "diffs", diffs, file=sys.stderr)
    print("got", got, file=sys.stderr)
sys.exit(0 if ok else 1)
EOF
run "$BIN" trial result
expect_status 0
expect_out "In your trial, severity was"
expect_out "points lower on magnesium nights"
expect_no_out "works"

# --- Refusals: iron names blood tests; a second trial while one is planned.
run "$BIN" trial start iron --yes
expect_status 2
expect_err "blood tests"
run "$BIN" trial start magnesium --yes
expect_status 0
run "$BIN" trial start valerian --yes
expect_status 2
expect_err "trial"

# --- A trial that began 5 nights ago: status shows no effect unless --peek.
export CALMLEGS_JOURNAL="$TMP/running.db"
begun=$(date -u -d '5 days ago' +%F)
run "$BIN" trial start magnesium --start "$begun" --seed 5 --yes
expect_status 0
expect_out "calmlegs log --date $begun"
run "$BIN" trial status
expect_status 0
expect_out "running"
expect_no_out "points lower"
expect_no_out "points higher"
run "$BIN" --json trial status
expect_json '"interim" not in d and d["peek"] is False'
run "$BIN" --json trial status --peek
expect_json 'd["peek"] is True and "effect" in d["interim"]["severity"]'
run "$BIN" trial result
expect_status 2
expect_err "--now"

finish
