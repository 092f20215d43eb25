#!/bin/sh
# The layering the code relies on, checked on the sources:
# - one terminal probe: only src/cli/real_system.cpp reads the environment or asks whether a
#   descriptor is a terminal;
# - renderers and JSON writers (src/ui) are handed complete views, never the content store;
# - nothing below src/cli includes the command line.
# Usage: layers.sh BINARY SOURCE_DIR (the binary is not used).
set -u
SRC=$2
failed=0
fail() {
    echo "FAIL: $*"
    failed=1
}
hits=$(grep -rnE '\b(isatty|getenv|secure_getenv)[[:space:]]*\(' "$SRC/src" |
    grep -v "^$SRC/src/cli/real_system.cpp:")
[ -z "$hits" ] || fail "only src/cli/real_system.cpp may read the environment or call isatty:
$hits"
hits=$(grep -rn 'ContentStore' "$SRC/src/ui")
[ -z "$hits" ] || fail "src/ui renders views, not the content store:
$hits"
hits=$(grep -rn '#include "cli/' "$SRC/src/content" "$SRC/src/plan" "$SRC/src/run" "$SRC/src/ui")
[ -z "$hits" ] || fail "the core includes the command line:
$hits"
hits=$(grep -rn '#include "ui/' "$SRC/src/run" "$SRC/src/plan" "$SRC/src/content")
[ -z "$hits" ] || fail "a lower layer includes ui/:
$hits"
[ "$failed" = 0 ] && echo "ok: layers hold"
exit "$failed"
