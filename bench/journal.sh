#!/bin/sh
# The journal's reading commands on a ten-year journal (3,650 nights, 20,000 runs): `stats`,
# `history --days 3650`, `compare magnesium`, `history --chart --days 3650`, `report --html`
# (with a [plan] of magnesium and valerian), and with a trial of magnesium running (its night
# 21 of 42 tonight) `trial status`, `trial result --now` and `remind --at 21:45`; whole
# process, median of many runs, against /bin/true. Targets: the look-ups under 10 ms and
# within 8x of /bin/true, the report under 100 ms; the script fails when one is missed.
# Builds the bench preset (optimised as release) first.
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
mkdir -p "$HOME" "$XDG_CONFIG_HOME/calmlegs"
printf '[plan]\nsupplements = ["magnesium", "valerian"]\n' >"$XDG_CONFIG_HOME/calmlegs/config.toml"
# The night now is in runs from noon to noon (UTC here).
tonight=$(date -u -d '12 hours ago' +%F)
build/bench/bench/calmlegs_make_journal "$XDG_STATE_HOME/calmlegs/journal.db" "$tonight" 3650 20000
"$bin" trial start magnesium --start "$(date -u -d "$tonight - 20 days" +%F)" --seed 7 --yes \
    >/dev/null

echo "machine: $(nproc) cores, $(uname -sr); $($bin --version)"
# The store's reads alone, in process (no start-up): what the commands below are made of.
build/bench/bench/calmlegs_journal_bench "$XDG_STATE_HOME/calmlegs/journal.db" --runs 50
echo "journal: $(du -k "$XDG_STATE_HOME/calmlegs/journal.db" | cut -f1) KiB"
build/bench/bench/calmlegs_proc_bench --runs "$runs" --warmup 20 /bin/true "$bin stats" \
    "$bin history --days 3650" "$bin compare magnesium" "$bin history --chart --days 3650" \
    "$bin report --html $work/report.html" "$bin trial status" "$bin trial result --now" \
    "$bin remind --at 21:45" | tee "$work/result"
echo
failed=0
# COMMAND MAX-MS MAX-RATIO for each (a ratio of 0: none).
while read -r ms most command; do
    line=$(awk -v cmd="$bin $command" 'index($0, cmd " ") == 1' "$work/result")
    median=$(echo "$line" | awk '{ print $(NF - 4) }')
    ratio=$(echo "$line" | awk '{ print $(NF - 1) }' | tr -d x)
    targets="< $ms ms$([ "$most" = 0 ] || echo ", ${most}x")"
    if awk -v m="$median" -v r="$ratio" -v ms="$ms" -v most="$most" \
        'BEGIN { exit !(m < ms && (most == 0 || r <= most)) }'; then
        echo "calmlegs $command: median $median ms, ${ratio}x /bin/true (targets: $targets)"
    else
        echo "calmlegs $command: median $median ms, ${ratio}x /bin/true: MISSES a target ($targets)" >&2
        failed=1
    fi
done <<EOF
10 8 stats
10 8 history --days 3650
10 8 compare magnesium
10 8 history --chart --days 3650
100 0 report --html $work/report.html
10 8 trial status
10 8 trial result --now
10 8 remind --at 21:45
EOF
exit $failed
