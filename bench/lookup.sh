#!/bin/sh
# Look-up speed and memory: whole-process median time of `calmlegs supplement magnesium`,
# `calmlegs guide 9` and the shell completions' `calmlegs complete` (a supplement's names; every
# name `compare` takes) against /bin/true, their peak memory, and the in-process time to load all
# of the shipped content. Builds the bench preset (optimised as release) first.
#
#     bench/lookup.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-300}
cmake --preset bench >/dev/null
cmake --build --preset bench >/dev/null
bin=build/bench/calmlegs
export XDG_CONFIG_HOME="$(mktemp -d)" # no personal content layer
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

echo "machine: $(nproc) cores, $(uname -sr); $($bin --version)"
build/bench/bench/calmlegs_proc_bench --runs "$runs" --warmup 30 \
    /bin/true \
    "$bin supplement magnesium" \
    "$bin guide 9" \
    "$bin supplement mag" \
    "$bin supplements" \
    "$bin complete 2 calmlegs supplement mag" \
    "$bin complete 2 calmlegs compare"
echo
build/bench/bench/calmlegs_load_bench content --runs 300
