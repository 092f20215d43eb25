#!/bin/sh
# End-to-end: install to a fresh prefix and run from elsewhere; the binary finds its content.
# Arguments: BINARY SOURCE_DIR BUILD_DIR CMAKE
. "$(dirname "$0")/lib.sh" "$@"
BUILD=${3:?}
CMAKE=${4:-cmake}

run "$CMAKE" --install "$BUILD" --prefix "$TMP/prefix"
expect_status 0
installed="$TMP/prefix/bin/calmlegs"
check; [ -x "$installed" ] || fail "calmlegs was not installed to bin/"
check; [ -f "$TMP/prefix/share/calmlegs/content/supplements/iron.toml" ] || fail "content not installed"
check; [ -f "$TMP/prefix/share/man/man1/calmlegs.1" ] || fail "calmlegs.1 not installed"
check; [ -f "$TMP/prefix/share/man/man5/calmlegs-content.5" ] || fail "calmlegs-content.5 not installed"
check; [ -f "$TMP/prefix/share/man/man5/calmlegs-config.5" ] || fail "calmlegs-config.5 not installed"
# The completion scripts, each where its shell looks, and the same as the binary prints.
for pair in bash:bash-completion/completions/calmlegs zsh:zsh/vendor-completions/_calmlegs \
    fish:fish/vendor_completions.d/calmlegs.fish; do
    script="$TMP/prefix/share/${pair#*:}"
    check; [ -f "$script" ] || fail "the ${pair%%:*} completion is not installed as $script"
    run "$TMP/prefix/bin/calmlegs" completions "${pair%%:*}"
    expect_status 0
    check; cmp -s "$TMP/out" "$script" || fail "calmlegs completions ${pair%%:*} differs from $script"
done

# Moved away from the build tree, the installed binary uses the installed content.
mkdir -p "$TMP/elsewhere"
cd "$TMP/elsewhere" || exit 1
run "$installed" supplement iron
expect_status 0
expect_out "Iron · mineral"
run "$installed" check
expect_status 0
expect_err "$TMP/prefix/share/calmlegs/content"
run "$installed" tonight --dry-run
expect_status 0
expect_out "Nightly wind-down"

finish
