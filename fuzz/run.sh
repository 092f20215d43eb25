#!/bin/sh
# Runs one fuzz target for a while: the seed corpus and the regressions (replayed first, as
# every input libFuzzer is given is), then new inputs. Fails on any crash, sanitizer report,
# broken invariant, leak or input slower than 10 s; the input is kept in WORK/artifacts/.
# Usage: run.sh TARGET_BINARY FUZZ_SOURCE_DIR WORK_DIR NAME SECONDS
set -eu
binary=$1 source=$2 work=$3 name=$4 seconds=$5

# A fresh copy each run: the source tree is never written to.
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
inputs="$work/corpus $source/corpus/$name"
[ -d "$source/regressions/$name" ] && inputs="$inputs $source/regressions/$name"

# shellcheck disable=SC2086
exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$source/toml.dict" -artifact_prefix="$work/artifacts/" $inputs
