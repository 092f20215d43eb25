# Shared helpers for the end-to-end tests: each test script runs the real binary.
# Usage in a script: . "$(dirname "$0")/lib.sh" "$@"   (arguments: BINARY SOURCE_DIR)
set -u

BIN=${1:?usage: $0 BINARY SOURCE_DIR}
SRC=${2:?usage: $0 BINARY SOURCE_DIR}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# A clean, predictable environment: no user content, no colour preference, no pager.
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" TERM=xterm LC_ALL=C.UTF-8
unset CALMLEGS_CONTENT NO_COLOR PAGER LESS COLUMNS
mkdir -p "$HOME"

failures=0
checks=0
last=""

# run CMD...: runs a command, keeping its stdout, stderr and exit status.
run() {
    last="$*"
    "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    status=$?
}

# on_tty ROWS COLS COMMAND...: runs a command on a pty of that size; its output, without the
# carriage returns the pty adds, becomes stdout.
on_tty() {
    rows=$1 cols=$2
    shift 2
    last="(tty ${rows}x$cols) $*"
    script -qec "stty rows $rows cols $cols; $*" /dev/null </dev/null >"$TMP/raw" 2>"$TMP/err"
    status=$?
    tr -d '\r' <"$TMP/raw" >"$TMP/out"
}

fail() {
    failures=$((failures + 1))
    {
        echo "FAIL: $*"
        echo "  command: $last"
        echo "  exit status: ${status:-?}"
        echo "  --- stdout (first 15 lines)"
        head -n 15 "$TMP/out" | sed 's/^/  | /'
        echo "  --- stderr (first 15 lines)"
        head -n 15 "$TMP/err" | sed 's/^/  | /'
    } >&2
}

check() { checks=$((checks + 1)); }

expect_status() { check; [ "$status" -eq "$1" ] || fail "expected exit status $1"; }
expect_out() { check; grep -qF -- "$1" "$TMP/out" || fail "stdout should contain: $1"; }
expect_no_out() { check; ! grep -qF -- "$1" "$TMP/out" || fail "stdout should not contain: $1"; }
expect_err() { check; grep -qF -- "$1" "$TMP/err" || fail "stderr should contain: $1"; }
expect_no_err() { check; ! grep -qF -- "$1" "$TMP/err" || fail "stderr should not contain: $1"; }
expect_empty_out() { check; [ ! -s "$TMP/out" ] || fail "stdout should be empty"; }
expect_no_escapes() {
    check
    ! grep -q "$(printf '\033')" "$TMP/out" "$TMP/err" || fail "output should have no escape codes"
}
# expect_json PYTHON_EXPRESSION: stdout is JSON and the expression (over `d`) is true.
expect_json() {
    check
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$TMP/out" "$1" || fail "JSON check failed: $1"
}
# expect_max_width N: no line of stdout is wider than N columns.
expect_max_width() {
    check
    python3 -c 'import sys
w = max((len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")), default=0)
sys.exit(0 if w <= int(sys.argv[2]) else 1)' "$TMP/out" "$1" || fail "a line is wider than $1"
}

finish() {
    if [ "$failures" -eq 0 ]; then
        echo "ok: $checks checks"
        exit 0
    fi
    echo "$failures of $checks checks failed" >&2
    exit 1
}
