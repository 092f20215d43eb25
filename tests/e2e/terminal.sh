#!/bin/sh
# End-to-end under a pseudo-terminal (script(1)): colour, NO_COLOR, width and the pager.
. "$(dirname "$0")/lib.sh" "$@"

esc=$(printf '\033')
expect_escapes() { check; grep -q "$esc\[" "$TMP/out" || fail "expected colour escape codes"; }

on_tty 50 100 "'$BIN' supplement iron --no-pager"
expect_status 0
expect_escapes
expect_out "Only if a blood test shows low ferritin"

on_tty 50 100 "NO_COLOR=1 '$BIN' supplement iron --no-pager"
expect_no_escapes
on_tty 50 100 "'$BIN' --no-color supplement iron --no-pager"
expect_no_escapes
on_tty 50 100 "TERM=dumb '$BIN' supplement iron --no-pager"
expect_no_escapes

# A routine on a dumb terminal (Emacs' shell, some IDE consoles) or one narrower than 20
# columns: plain lines, not one escape sequence, nor the bell.
on_tty 50 100 "TERM=dumb '$BIN' breathe 5-5 --cycles 1 --speed 50"
expect_status 0
expect_no_escapes
expect_out "Breathe in slowly"
check; ! grep -q "$(printf '\a')" "$TMP/out" || fail "no bell on a dumb terminal"
on_tty 50 12 "'$BIN' breathe 5-5 --cycles 1 --speed 50"
expect_status 0
check; ! grep -q "$esc\[?1049h" "$TMP/out" || fail "no full screen below 20 columns"
on_tty 50 100 "'$BIN' breathe 5-5 --cycles 1 --speed 50"
check; grep -q "$esc\[?1049h" "$TMP/out" || fail "the full screen on a terminal"
# With LANG=C, pages are ASCII, and fit 12 columns.
for command in "guide 8" "supplement iron" "tonight --dry-run" "routines"; do
    on_tty 50 12 "LANG=C LC_ALL= LC_CTYPE= '$BIN' $command --no-pager --no-color"
    expect_status 0
    check; ! LC_ALL=C grep -q "$(printf '[\200-\377]')" "$TMP/out" || fail "not ASCII"
    expect_max_width 12
done

# The page follows the terminal's width.
on_tty 50 60 "NO_COLOR=1 '$BIN' guide 2 --no-pager"
expect_max_width 60
on_tty 50 200 "NO_COLOR=1 '$BIN' guide 2 --no-pager"
expect_max_width 100 # prose stops at 100 columns even on a wide terminal

# A page taller than the terminal goes through $PAGER; a short one does not.
cat >"$TMP/pager" <<PAGER
#!/bin/sh
echo paged >>"$TMP/pager-ran"
cat
PAGER
chmod +x "$TMP/pager"
on_tty 10 80 "PAGER='$TMP/pager' '$BIN' supplement magnesium"
expect_status 0
check; [ -f "$TMP/pager-ran" ] || fail "a long page should go through the pager"
expect_out "Magnesium"
rm -f "$TMP/pager-ran"
on_tty 60 80 "PAGER='$TMP/pager' '$BIN' supplements --when morning"
check; [ ! -f "$TMP/pager-ran" ] || fail "a page shorter than the terminal should not be paged"
on_tty 10 80 "PAGER='$TMP/pager' '$BIN' supplement magnesium --no-pager"
check; [ ! -f "$TMP/pager-ran" ] || fail "--no-pager should not page"
on_tty 10 80 "PAGER='$TMP/pager' '$BIN' supplement magnesium --json"
check; [ ! -f "$TMP/pager-ran" ] || fail "JSON should never be paged"

# A pager that cannot run loses nothing: the page is printed directly.
on_tty 10 80 "NO_COLOR=1 PAGER=/nonexistent/pager '$BIN' supplement magnesium"
expect_status 0
expect_out "Dose        200–400 mg"
expect_out "prescription"

# Output that cannot be written is an error, never a silent success.
if [ -w /dev/full ]; then
    run sh -c "'$BIN' guide 1 > /dev/full"
    expect_status 74
    expect_err "calmlegs: could not write the output: No space left on device"
    run sh -c "'$BIN' supplement iron --json > /dev/full"
    expect_status 74
    run sh -c "'$BIN' breathe 2-2 --cycles 1 --speed 8 > /dev/full"
    expect_status 74
    expect_err "could not write the output"
    # A failure keeps its own status: problems found are still exit 2.
    run sh -c "'$BIN' check '$SRC/tests/data/broken' > /dev/full"
    expect_status 2
    expect_err "could not write the output"
fi
run sh -c "'$BIN' guide 1 >&-"
expect_status 74
expect_err "could not write the output"
# A reader that went away is no error worth a message, even with SIGPIPE ignored (as some
# parents leave it): the status is SIGPIPE's, 141, and stderr stays quiet.
run python3 -c '
import os, subprocess, sys
read, write = os.pipe()
os.close(read)
child = subprocess.run([sys.argv[1], "guide", "3"], stdout=write, stderr=subprocess.PIPE,
                       restore_signals=False)  # Python ignores SIGPIPE; the child inherits it
sys.stderr.buffer.write(child.stderr)
sys.exit(child.returncode)' "$BIN"
expect_status 141
check; [ ! -s "$TMP/err" ] || fail "stderr should be empty"

finish
