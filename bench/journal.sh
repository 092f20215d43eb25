#!/bin/sh
# The journal's reading commands on a ten-year journal (3,650 nights, 20,000 runs): `stats`,
# `history --days 3650` and `compare magnesium`, whole process, median of many runs, against
# /bin/true. Targets: each under 10 ms and within 8x of /bin/true; the script fails when one
# is missed. Builds the bench preset (optimised as release) first.
#
#     bench/journal.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-200}
cmake --preset bench >/dev/null
cmake --build --preset bench >/dev/null
bin=$(pwd)/build/bench/calmlegs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" TZ=UTC
unset CALMLEGS_CONTENT CALMLEGS_CONFIG CALMLEGS_JOURNAL
mkdir -p "$HOME"
# The night now is in runs from noon to noon (UTC here).
tonight=$(date -u -d '12 hours ago' +%F)
build/bench/bench/calmlegs_make_journal "$XDG_STATE_HOME/calmlegs/journal.db" "$tonight" 3650 20000

echo "machine: $(nproc) cores, $(uname -sr); $($bin --version)"
# The store's reads alone, in process (no start-up): what the commands below are made of.
build/bench/bench/calmlegs_journal_bench "$XDG_STATE_HOME/calmlegs/journal.db" --runs 50
echo "journal: $(du -k "$XDG_STATE_HOME/calmlegs/journal.db" | cut -f1) KiB"
build/bench/bench/calmlegs_proc_bench --runs "$runs" --warmup 20 /bin/true "$bin stats" \
    "$bin history --days 3650" "$bin compare magnesium" | tee "$work/result"
echo
failed=0
for command in "stats" "history --days 3650" "compare magnesium"; do
    line=$(awk -v cmd="$bin $command" 'index($0, cmd " ") == 1' "$work/result")
    median=$(echo "$line" | awk '{ print $(NF - 4) }')
    ratio=$(echo "$line" | awk '{ print $(NF - 1) }' | tr -d x)
    if awk -v m="$median" -v r="$ratio" 'BEGIN { exit !(m < 10 && r <= 8) }'; then
        echo "calmlegs $command: median $median ms, ${ratio}x /bin/true (targets: < 10 ms, 8x)"
    else
        echo "calmlegs $command: median $median ms, ${ratio}x /bin/true: MISSES a target (10 ms, 8x)" >&2
        failed=1
    fi
done
exit $failed
