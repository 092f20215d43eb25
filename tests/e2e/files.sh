#!/bin/sh
# The files calmlegs makes, with the real binary: every file 0600 and every directory 0700
# under the umasks 000 and 022 (the systemd units, 0644, excepted), and a journal symlinked
# into another folder (a synced one) that keeps working, its -wal and -shm beside the real file.
# Usage: files.sh BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

# mode PATH: the permission bits of PATH, as stat prints them (600, 700...).
mode() { stat -c %a "$1"; }

# as_umask MASK COMMAND...: runs the command under that umask.
as_umask() (
    umask "$1"
    shift
    exec "$@"
)

for mask in 000 022; do
    root="$TMP/umask$mask"
    mkdir -p "$root/home" "$root/out"
    chmod 755 "$root/home" "$root/out"
    # None of calmlegs' own directories exists yet: it makes them all.
    export HOME="$root/home" XDG_CONFIG_HOME="$root/home/.config" \
        XDG_STATE_HOME="$root/home/.local/state" TZ=UTC
    cl() { as_umask "$mask" "$BIN" "$@"; }

    run cl config --init
    expect_status 0
    run cl log --severity 4 --took magnesium --note "umask $mask"
    expect_status 0
    run cl remind
    expect_status 0
    run env CALMLEGS_EVENT_LOG="$root/home/events.jsonl" sh -c \
        'umask "$1" && shift && exec "$@"' sh "$mask" "$BIN" breathe 2-2 --cycles 1 --speed 8
    expect_status 0
    run cl report --html "$root/out/report.html"
    expect_status 0
    run cl export --json -o "$root/out/export.json"
    expect_status 0
    run cl schedule --ics "$root/out/schedule.ics"
    expect_status 0
    run cl cron --systemd --install
    expect_status 0

    # What each command should have made, so that a file missing is a failure too.
    for file in .config/calmlegs/config.toml .local/state/calmlegs/journal.db \
        .local/state/calmlegs/remind-state.toml .local/state/calmlegs/remind.lock \
        .local/state/calmlegs/remind.next events.jsonl; do
        check; [ -f "$root/home/$file" ] || fail "umask $mask: $file was not made"
    done
    for file in report.html export.json schedule.ics; do
        check; [ "$(mode "$root/out/$file")" = 600 ] || fail "umask $mask: $file is not 0600"
    done
    check; [ "$(ls -A "$root/out" | wc -l)" -eq 3 ] || fail "umask $mask: a temporary file stayed"
    # Everything under the home it made: files 0600, directories 0700, the units 0644.
    find "$root/home" -mindepth 1 >"$TMP/made"
    while read -r path; do
        case $path in
        */systemd/user/calmlegs-remind.*) want=644 ;;
        *) if [ -d "$path" ]; then want=700; else want=600; fi ;;
        esac
        check; [ "$(mode "$path")" = $want ] ||
            fail "umask $mask: ${path#"$root/"} is $(mode "$path"), not $want"
    done <"$TMP/made"
    check; grep -q 'systemd/user/calmlegs-remind.timer$' "$TMP/made" ||
        fail "umask $mask: no timer unit among: $(cat "$TMP/made")"
    check; ! grep -q '\.tmp\|/\.[^/]*\.[A-Za-z0-9]\{6\}$' "$TMP/made" ||
        fail "umask $mask: a temporary file stayed: $(cat "$TMP/made")"
done

# --- A journal symlinked into a synced folder: made there through the link, written and read
# through it, its -wal and -shm beside the real file, and a writer through the real path seen
# through the link while another process holds the journal open.
mask=000
root="$TMP/linked"
sync="$TMP/Sync"
mkdir -p "$root/.local/state/calmlegs" "$sync"
export HOME="$root" XDG_CONFIG_HOME="$root/.config" XDG_STATE_HOME="$root/.local/state" TZ=UTC
link="$XDG_STATE_HOME/calmlegs/journal.db"
real="$sync/journal.db"
ln -s "$real" "$link"
cl() { as_umask "$mask" "$BIN" "$@"; }
# Two recent nights, within what history shows by default.
first=$(date -u -d '2 days ago' +%F)
second=$(date -u -d '1 day ago' +%F)

run cl log --date "$first" --severity 5 --took none --note "through the link"
expect_status 0
check; [ -L "$link" ] || fail "the link was replaced"
check; [ -f "$real" ] && [ "$(mode "$real")" = 600 ] || fail "the real journal is not a 0600 file"
run cl history --json
expect_status 0
expect_json "any(n['date'] == '$first' and n['log']['note'] == 'through the link' for n in d['nights'])"

# A routine holds the journal open (in write-ahead mode) from its start to its end.
# (sh execs it, so that $! is calmlegs itself.)
sh -c 'umask "$1" && shift && exec "$@"' sh "$mask" "$BIN" breathe 5-5 --cycles 6 \
    >"$TMP/run.out" 2>&1 &
pid=$!
tries=0
while [ ! -s "$TMP/run.out" ] && [ $tries -lt 200 ]; do sleep 0.05; tries=$((tries + 1)); done
last="breathe 5-5 --cycles 6 through the link, while it runs"
for suffix in wal shm; do
    check; [ -f "$real-$suffix" ] || fail "no journal.db-$suffix beside the real file"
    check; [ ! -e "$link-$suffix" ] || fail "journal.db-$suffix was made beside the link"
    check; [ "$(mode "$real-$suffix")" = 600 ] || fail "journal.db-$suffix is not 0600"
done
run cl --journal "$real" log --date "$second" --severity 3 --took none --note "the real path"
expect_status 0
run cl history --json
expect_status 0
expect_json "{'$first', '$second'} <= {n['date'] for n in d['nights']}"
kill -TERM $pid
wait $pid
status=$?
last="breathe 5-5 --cycles 6 through the link, then SIGTERM"
expect_status 143
# The run, recorded through the link as it ended, is read through the real path.
run cl --journal "$real" history --json
expect_json 'any(r["outcome"] == "interrupted" for n in d["nights"] for r in n["runs"])'
check; [ -L "$link" ] || fail "the link was replaced"
check; [ "$(ls -A "$XDG_STATE_HOME/calmlegs")" = journal.db ] ||
    fail "beside the link: $(ls -A "$XDG_STATE_HOME/calmlegs")"


# A file replaced through a link (export -o, as every file calmlegs replaces) writes the file the
# link points to, and keeps the link; no temporary file is left in either folder.
echo old >"$sync/export.json"
ln -s "$sync/export.json" "$root/export.json"
run cl export --json -o "$root/export.json"
expect_status 0
check; [ -L "$root/export.json" ] || fail "export -o replaced the link"
check; grep -q '"nights"' "$sync/export.json" || fail "the file the link points to was not written"
check; [ "$(mode "$sync/export.json")" = 600 ] || fail "the exported file is not 0600"
check; [ "$(ls -A "$sync" | grep -cv '^journal\.db')" -eq 1 ] ||
    fail "a temporary file stayed: $(ls -A "$sync")"

finish
