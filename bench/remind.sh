#!/bin/sh
# The path cron takes every minute: `calmlegs remind` with its state present and nothing due,
# whole process, median of many runs, against /bin/true. Target: within 2x of /bin/true; the
# script fails when it is missed. Builds the bench preset (optimised as release) first.
#
#     bench/remind.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-500}
cmake --preset bench >/dev/null
cmake --build --preset bench >/dev/null
bin=$(pwd)/build/bench/calmlegs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A person's setup as `calmlegs cron` would run it: their config (bedtime, a plan), their
# state directory, the system's zone (/etc/localtime, as cron leaves TZ unset).
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
unset TZ CALMLEGS_CONTENT CALMLEGS_CONFIG
mkdir -p "$HOME" "$XDG_CONFIG_HOME/calmlegs"
cat >"$XDG_CONFIG_HOME/calmlegs/config.toml" <<'EOF'
[plan]
supplements = ["magnesium", "vitamin-d"]

[schedule]
bedtime = "22:30"
wake = "07:00"
EOF
# The first run records what fell due in the last day; after it, nothing is due (unless a
# reminder's minute comes during the benchmark: then it is delivered once, in one run).
"$bin" remind >/dev/null
[ -z "$("$bin" remind)" ] || echo "note: a reminder fell due as the benchmark started"

echo "machine: $(nproc) cores, $(uname -sr); $($bin --version)"
echo "state: $(wc -c <"$XDG_STATE_HOME/calmlegs/remind-state.toml") bytes; zone: $(readlink /etc/localtime || echo /etc/localtime)"
build/bench/bench/calmlegs_proc_bench --runs "$runs" --warmup 30 \
    /bin/true "$bin remind" "$bin remind --at 21:47" | tee "$work/result"
ratio=$(awk -v cmd="$bin remind" 'index($0, cmd " ") == 1 && $0 !~ /--at/ { print $(NF - 1) }' \
    "$work/result" | tr -d x)
echo
if awk -v r="$ratio" 'BEGIN { exit !(r <= 2.0) }'; then
    echo "calmlegs remind, nothing due: ${ratio}x /bin/true (target: 2x at most)"
else
    echo "calmlegs remind, nothing due: ${ratio}x /bin/true: MISSES the target of 2x" >&2
    exit 1
fi
