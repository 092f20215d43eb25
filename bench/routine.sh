#!/bin/sh
# Timing accuracy, CPU and memory of a real routine: 40 s of breathing (8 cycles of in 2 s,
# hold 1 s, out 2 s), run in real time twice: with the full-screen display on a 100x30
# pseudo-terminal, and with --json. Builds the bench preset (optimised as release) first. Each
# run states its targets (end 2 ms late at most, events 1 ms median and 50 ms worst, 120 ms of
# CPU per minute, 8 MiB) and the script fails when one is missed.
#
#     bench/routine.sh [PATTERN CYCLES]
set -eu
cd "$(dirname "$0")/.."
pattern=${1:-2-1-2}
cycles=${2:-8}
cmake --preset bench >/dev/null
cmake --build --preset bench >/dev/null
bin=build/bench/calmlegs
export XDG_CONFIG_HOME="$(mktemp -d)" # no personal config or content
# A benchmark is not a night's routine: --no-journal keeps it out of the person's journal.
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

echo "machine: $(nproc) cores, $(uname -sr); $($bin --version)"
echo "routine: calmlegs breathe $pattern --cycles $cycles"
echo
LANG=C.UTF-8 TERM=xterm-256color build/bench/bench/calmlegs_run_bench --pty 100x30 -- \
    "$bin" breathe "$pattern" --cycles "$cycles" --no-bell --no-journal
echo
build/bench/bench/calmlegs_run_bench -- "$bin" breathe "$pattern" --cycles "$cycles" --json \
    --no-journal
