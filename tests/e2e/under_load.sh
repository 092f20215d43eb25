#!/bin/sh
# Runs the timing-sensitive end-to-end tests again and again while two busy processes keep
# both cores loaded, to show they do not flake. Not part of CI (20 runs take minutes); run it
# after changing a test that waits on the program.
# Usage: tests/e2e/under_load.sh [RUNS] [BUILD_DIR]   (defaults: 20 build/dev)
set -u
runs=${1:-20}
build=${2:-build/dev}
src=$(cd "$(dirname "$0")/../.." && pwd)
bin="$build/calmlegs"
[ -x "$bin" ] || { echo "under_load: no $bin (build it first)" >&2; exit 2; }

# Two processes that never sleep: as many as the machine has cores here (2).
busy() { while :; do :; done; }
busy &
load1=$!
busy &
load2=$!
trap 'kill $load1 $load2 2>/dev/null' EXIT INT TERM

failed=0
for i in $(seq "$runs"); do
    for test in pty_control routines; do
        log=$(mktemp)
        if [ "$test" = pty_control ]; then
            python3 "$src/tests/e2e/pty_control.py" "$bin" "$src" >"$log" 2>&1
        else
            sh "$src/tests/e2e/routines.sh" "$bin" "$src" >"$log" 2>&1
        fi
        status=$?
        if [ "$status" -eq 0 ]; then
            echo "run $i $test: ok"
        else
            failed=$((failed + 1))
            echo "run $i $test: FAILED (exit $status)"
            sed 's/^/  | /' "$log"
        fi
        rm -f "$log"
    done
done
echo "$failed failed of $((runs * 2)) runs, both cores busy"
[ "$failed" -eq 0 ]
