#!/bin/sh
# The journal end to end: routine runs recorded by themselves (finished, and interrupted by
# SIGTERM), `log` on the right night (07:00 is the night before), updates that do not
# duplicate, two processes logging at once, a process killed with SIGKILL mid-write, files
# that are not a calmlegs journal (left untouched), the export/import round trip and
# `compare` against figures computed here, independently.
. "$(dirname "$0")/lib.sh" "$@"

export XDG_STATE_HOME="$TMP/state" TZ=UTC
unset CALMLEGS_JOURNAL
J="$XDG_STATE_HOME/calmlegs/journal.db"

# --- A finished run, recorded by itself; the journal's file and directory are private.
run "$BIN" breathe 5-5 --cycles 1
expect_status 0
check; [ "$(stat -c %a "$J")" = 600 ] || fail "journal.db should be mode 600"
check; [ "$(stat -c %a "$XDG_STATE_HOME/calmlegs")" = 700 ] || fail "its directory should be 700"
run "$BIN" history --json
expect_status 0
# 5-5 is the coherent breathing pattern: the run is recorded under that routine's id.
expect_json 'any(r["routine"] == "coherent" and r["outcome"] == "finished" for n in d["nights"] for r in n["runs"])'

# --- A run stopped with SIGTERM is recorded as interrupted before the process exits. The
# signal is sent once the routine has printed its first line (its handlers are in place).
"$BIN" breathe 5-5 --cycles 6 >"$TMP/term.out" 2>&1 &
pid=$!
tries=0
while [ ! -s "$TMP/term.out" ] && [ $tries -lt 200 ]; do sleep 0.05; tries=$((tries + 1)); done
kill -TERM $pid
wait $pid
status=$?
last="breathe 5-5 --cycles 6, then SIGTERM"
expect_status 143
run "$BIN" history --json
expect_json 'any(r["outcome"] == "interrupted" and r["signal"] == 15 for n in d["nights"] for r in n["runs"])'
# --no-journal and previews at another --speed are not recorded.
run "$BIN" history --json
before=$(python3 -c 'import json,sys; print(sum(len(n["runs"]) for n in json.load(open(sys.argv[1]))["nights"]))' "$TMP/out")
run "$BIN" breathe 2-2 --cycles 1 --no-journal
expect_status 0
run "$BIN" breathe 2-2 --cycles 1 --speed 4
expect_status 0
run "$BIN" history --json
expect_json "sum(len(n['runs']) for n in d['nights']) == $before"

# --- log at 07:00 local time is about the night before. A POSIX zone makes it 07:xx now.
zone=$(python3 -c 'import time
t = time.gmtime(); now = t.tm_hour * 60 + t.tm_min
off = (7 * 60 + 30 - now) % 1440
if off > 720: off -= 1440
sign = "-" if off >= 0 else "+"   # POSIX: the sign is west of Greenwich
print("<LOG>%s%d:%02d" % (sign, abs(off) // 60, abs(off) % 60))')
night=$(TZ=$zone date -d 'yesterday' +%F)
run env TZ="$zone" "$BIN" log --severity 6 --took mag
expect_status 0
expect_out "night of"
expect_out "$night"
run env TZ="$zone" "$BIN" log --sleep 3 --note "woke twice"
expect_status 0
expect_out "Updated the night of"
run env TZ="$zone" "$BIN" history --json
expect_json "[n['log']['severity'] for n in d['nights'] if n['date'] == '$night'] == [6]"
expect_json "[n['log']['supplements'] for n in d['nights'] if n['date'] == '$night'] == [['magnesium']]"
expect_json "[n['log']['sleep'] for n in d['nights'] if n['date'] == '$night'] == [3]"
expect_json "len([n for n in d['nights'] if n['log'] is not None]) == 1"
# Nothing to log without answers or a terminal; a night still to come is refused.
run "$BIN" log
expect_status 2
expect_err "nothing to log"
run "$BIN" log --severity 3 --date 2999-01-01
expect_status 2
expect_err "still to come"
run "$BIN" log --severity 3 --took valerian,nesium
expect_status 2
expect_err "Did you mean: calmlegs log --severity 3 --took valerian,magnesium"

# --- Two processes logging 200 different nights each, at once, lose none.
export CALMLEGS_JOURNAL="$TMP/two.db"
writer() {
    i=0
    while [ $i -lt 200 ]; do
        "$BIN" log --date "$(date -u -d "2020-01-01 + $(($1 + i * 2)) days" +%F)" --severity $((i % 11)) --took none >/dev/null 2>>"$TMP/writers.err" || echo "log failed" >>"$TMP/writers.err"
        i=$((i + 1))
    done
}
: >"$TMP/writers.err"
writer 0 &
a=$!
writer 1 &
b=$!
wait $a
wait $b
last="two writers of 200 nights each"
check; [ ! -s "$TMP/writers.err" ] || fail "a writer failed: $(head -3 "$TMP/writers.err")"
run "$BIN" export --json
expect_json 'len(d["nights"]) == 400'

# --- A process killed with SIGKILL while it writes leaves a journal that opens and is whole.
"$BIN" export --json >"$TMP/big.json"
export CALMLEGS_JOURNAL="$TMP/killed.db"
"$BIN" log --severity 1 --took none >/dev/null
i=0
while [ $i -lt 5 ]; do
    "$BIN" import "$TMP/big.json" >/dev/null 2>&1 &
    pid=$!
    sleep 0.0$((i * 2))
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    i=$((i + 1))
done
run sqlite3 "$TMP/killed.db" 'PRAGMA integrity_check'
expect_out "ok"
run "$BIN" history --json
expect_status 0

# --- Files that are no calmlegs journal: exit 2, a clear error, and never written.
printf 'my notes, not a database\n' >"$TMP/notes.txt"
cp "$TMP/notes.txt" "$TMP/notes.copy"
for command in "history" "log --severity 2" "breathe 2-2 --cycles 1"; do
    # shellcheck disable=SC2086
    run "$BIN" --journal "$TMP/notes.txt" $command
    expect_status 2
    expect_err "notes.txt"
    check; cmp -s "$TMP/notes.txt" "$TMP/notes.copy" || fail "$command changed a file that is not a journal"
done
sqlite3 "$TMP/other.db" 'CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos VALUES (1, "x");'
cp "$TMP/other.db" "$TMP/other.copy"
run "$BIN" --journal "$TMP/other.db" log --severity 2
expect_status 2
check; cmp -s "$TMP/other.db" "$TMP/other.copy" || fail "another program's database was changed"
# A journal of a newer schema is refused, not damaged.
"$BIN" --journal "$TMP/newer.db" log --severity 2 --took none >/dev/null
sqlite3 "$TMP/newer.db" 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 999;' >/dev/null
cp "$TMP/newer.db" "$TMP/newer.copy"
run "$BIN" --journal "$TMP/newer.db" log --severity 3
expect_status 2
expect_err "newer"
check; cmp -s "$TMP/newer.db" "$TMP/newer.copy" || fail "a newer journal was changed"

# --- export --json, import into an empty journal: the same export, byte for byte; again:
# no duplicates. CSV too.
export CALMLEGS_JOURNAL="$J"
"$BIN" export --json >"$TMP/a.json"
run "$BIN" --journal "$TMP/copy.db" import "$TMP/a.json"
expect_status 0
"$BIN" --journal "$TMP/copy.db" export --json >"$TMP/b.json"
check; cmp -s "$TMP/a.json" "$TMP/b.json" || fail "the JSON round trip changed the export"
run "$BIN" --journal "$TMP/copy.db" import "$TMP/a.json"
expect_status 0
"$BIN" --journal "$TMP/copy.db" export --json >"$TMP/c.json"
check; cmp -s "$TMP/a.json" "$TMP/c.json" || fail "a second import changed the journal"
"$BIN" export --csv >"$TMP/a.csv"
run "$BIN" --journal "$TMP/csv.db" import "$TMP/a.csv"
expect_status 0
"$BIN" --journal "$TMP/csv.db" export --json >"$TMP/d.json"
check; cmp -s "$TMP/a.json" "$TMP/d.json" || fail "the CSV round trip changed the journal"

# --- compare: 14 nights without magnesium, then 20 with it (the first 7 after starting are
# left out). The counts, means and Welch interval are computed here.
export CALMLEGS_JOURNAL="$TMP/compare.db"
without="7 6 8 7 5 6 7 8 6 7 6 5 7 8"
with="6 7 5 6 7 6 5 4 5 4 6 5 4 5 3 5 4 6 4 5"
day=0
for s in $without; do
    "$BIN" log --date "$(date -u -d "2026-01-01 + $day days" +%F)" --severity "$s" --took none >/dev/null
    day=$((day + 1))
done
for s in $with; do
    "$BIN" log --date "$(date -u -d "2026-01-01 + $day days" +%F)" --severity "$s" --took magnesium >/dev/null
    day=$((day + 1))
done
run "$BIN" compare magnesium --json
expect_status 0
python3 - "$TMP/out" "$without" "$with" <<'PY' || { check; fail "compare magnesium: figures differ from the independent computation"; }
import json, math, sys
d = json.load(open(sys.argv[1]))
a = [int(x) for x in sys.argv[3].split()][7:]   # with, settling nights left out
b = [int(x) for x in sys.argv[2].split()]       # without
def mean(v): return sum(v) / len(v)
def var(v):
    m = mean(v); return sum((x - m) ** 2 for x in v) / (len(v) - 1)
se2 = var(a) / len(a) + var(b) / len(b)
df = se2 ** 2 / ((var(a) / len(a)) ** 2 / (len(a) - 1) + (var(b) / len(b)) ** 2 / (len(b) - 1))
def pdf(t): return math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi) * (1 + t * t / df) ** (-(df + 1) / 2)
def cdf(x, n=4000):   # Simpson's rule from 0
    h = x / n
    s = pdf(0) + pdf(x) + sum((4 if i % 2 else 2) * pdf(i * h) for i in range(1, n))
    return 0.5 + s * h / 3
lo, hi = 0.0, 50.0
for _ in range(80):
    mid = (lo + hi) / 2
    lo, hi = (mid, hi) if cdf(mid) < 0.975 else (lo, mid)
t = (lo + hi) / 2
diff = mean(a) - mean(b)
want = dict(with_n=len(a), without_n=len(b), with_mean=mean(a), without_mean=mean(b),
            low=diff - t * math.sqrt(se2), high=diff + t * math.sqrt(se2))
got = dict(with_n=d["with"]["nights"], without_n=d["without"]["nights"],
           with_mean=d["with"]["mean"], without_mean=d["without"]["mean"],
           low=d["low"], high=d["high"])
bad = [k for k in want if abs(want[k] - got[k]) > 0.01]
if bad:
    print("want", want, "\ngot ", got, file=sys.stderr)
    sys.exit(1)
PY
check
run "$BIN" compare magnesium
expect_out "Welch"
expect_out "13"
expect_no_out "works"
# Valerian started 5 days after magnesium: their effects cannot be told apart.
for i in 0 1 2 3 4 5 6 7 8 9; do
    "$BIN" log --date "$(date -u -d "2026-01-20 + $i days" +%F)" --took magnesium,valerian >/dev/null
done
run "$BIN" compare magnesium
expect_out "alerian"
expect_out "cannot be told apart"
# Too few nights on one side.
export CALMLEGS_JOURNAL="$TMP/few.db"
for i in 0 1 2; do "$BIN" log --date "2026-02-0$((i + 1))" --severity 5 --took none >/dev/null; done
for i in 4 5 6; do "$BIN" log --date "2026-02-0$i" --severity 4 --took magnesium >/dev/null; done
run "$BIN" compare magnesium
expect_status 0
expect_out "oo few nights to tell"

finish
