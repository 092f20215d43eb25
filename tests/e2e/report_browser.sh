#!/bin/sh
# The HTML report in a real browser: a 90-night journal (tests/e2e/journal90.py, read in with
# `calmlegs import`) gives a page that parses as HTML and as XML, has no script, shows a
# hostile note as text, prints on at most two pages of A4 and of Letter in headless Chromium
# with nothing logged to its console, and draws its chart's points where its SVG puts them.
# An empty journal gives a page that says how to start. .ci/deps installs Chromium's headless
# shell, xmllint and pdfinfo.
. "$(dirname "$0")/lib.sh" "$@"

export XDG_STATE_HOME="$TMP/state" TZ=UTC
unset CALMLEGS_JOURNAL
CHECK="python3 $SRC/tests/e2e/report_check.py"

chrome=$(command -v chromium-headless-shell || command -v chromium || true)
check
[ -n "$chrome" ] || { fail "no chromium-headless-shell or chromium (.ci/deps installs it)"; finish; }
for tool in xmllint pdfinfo; do
    check
    command -v $tool >/dev/null || { fail "no $tool (.ci/deps installs it)"; finish; }
done

# browser PAGE FLAG...: runs headless Chromium on PAGE with the FLAGs that say what to make;
# its log is in $TMP/browser.log. The other flags keep it off the network and the desktop.
browser() {
    page=$1
    shift
    last="$chrome $* $page"
    "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --disable-sync \
        --disable-background-networking --disable-component-update --disable-extensions \
        --user-data-dir="$TMP/profile" --enable-logging=stderr --v=0 \
        --force-device-scale-factor=1 --hide-scrollbars "$@" "file://$page" \
        >"$TMP/browser.log" 2>&1 </dev/null
    status=$?
    check
    [ $status -eq 0 ] || { fail "the browser failed on $page"; cat "$TMP/browser.log" >&2; }
    # A page with no script has nothing to say on the console: any line there is a blocked
    # load, a policy violation or a parse error.
    check
    ! grep -E ':CONSOLE|net::ERR_|Failed to load' "$TMP/browser.log" >&2 ||
        fail "the browser logged errors for $page"
}

# --- The empty journal: a page that says there is nothing yet and how to start.
run "$BIN" report --html "$TMP/empty.html"
expect_status 0
check; grep -qF 'calmlegs log' "$TMP/empty.html" || fail "the empty report should say: calmlegs log"
check; ! grep -q '<svg' "$TMP/empty.html" || fail "the empty report should have no chart"
run xmllint --noout "$TMP/empty.html"
expect_status 0
browser "$TMP/empty.html" --print-to-pdf="$TMP/empty.pdf"

# --- A 90-night journal with a plan of three supplements (iron never taken) and a trigger of
# the person's own.
mkdir -p "$XDG_CONFIG_HOME/calmlegs"
cat >"$XDG_CONFIG_HOME/calmlegs/config.toml" <<'EOF'
[plan]
supplements = ["magnesium", "valerian", "iron"]

[journal]
triggers = ["late <b>dinner</b>"]
EOF
tonight=$(date -u -d '12 hours ago' +%F)
python3 "$SRC/tests/e2e/journal90.py" "$tonight" >"$TMP/journal90.json"
run "$BIN" import "$TMP/journal90.json"
expect_status 0
expect_out "nights 80 added"

run "$BIN" report --html "$TMP/report.html"
expect_status 0
expect_out "report.html"
check; [ "$(stat -c %a "$TMP/report.html")" = 600 ] || fail "the report should be private (600)"
# Parsed three ways: as XML, by libxml2's HTML parser and by Python's (no script element, no
# event handler, nothing outside the page; the note and the trigger are text).
run xmllint --noout "$TMP/report.html"
expect_status 0
run xmllint --html --noout "$TMP/report.html"
expect_status 0
# libxml2 2.9's HTML parser knows only HTML 4: it calls HTML5's and SVG's elements invalid
# ("Tag svg invalid"). Any other error is the page's.
check
! grep -a 'error' "$TMP/err" | grep -av 'error : Tag [a-z]* invalid$' >&2 ||
    fail "xmllint --html found errors in the page"
run $CHECK parse "$TMP/report.html"
expect_status 0
check; ! grep -qi '<script' "$TMP/report.html" || fail "the report has a <script"
for words in 'Questions to raise with your doctor' 'Welch t-interval' 'cannot be told apart' \
    'left out'; do
    check; grep -qF "$words" "$TMP/report.html" || fail "the report should say: $words"
done

# Prints page NAME (the file $TMP/NAME.html) on A4 and on Letter, and checks each PDF has at
# most MAX pages of that size.
prints_on_at_most() {
    for size in A4 letter; do
        run $CHECK paper "$TMP/$1.html" "$TMP/$1-$size.html" "$size"
        expect_status 0
        browser "$TMP/$1-$size.html" --print-to-pdf="$TMP/$1-$size.pdf"
        run pdfinfo "$TMP/$1-$size.pdf"
        expect_status 0
        pages=$(awk '/^Pages:/ { print $2 }' "$TMP/out")
        echo "$1: $pages $size pages"
        check; [ -n "$pages" ] && [ "$pages" -ge 1 ] && [ "$pages" -le "$2" ] ||
            fail "$1 prints on ${pages:-?} $size pages; at most $2"
        check; grep -qi "^Page size:.*($size)" "$TMP/out" || fail "the PDF should be $size"
    done
}

# --- Printed on A4 and on Letter: at most two pages each.
prints_on_at_most report 2

# --- With a finished trial of magnesium (its 42 nights end the night before last): the trial's
# section with its result and block chart, still well-formed, with no script, on at most 3
# pages of each size. (The checks after this one read the pages already written.)
run "$BIN" trial start magnesium --start "$(date -u -d "$tonight - 43 days" +%F)" --seed 42 --yes
expect_status 0
run "$BIN" report --html "$TMP/trial.html"
expect_status 0
run xmllint --noout "$TMP/trial.html"
expect_status 0
run $CHECK parse "$TMP/trial.html"
expect_status 0
for words in 'Your trial of Magnesium' 'class="chart trial-chart"' 'In your trial, severity was' \
    'Method: ON minus OFF per pair'; do
    check; grep -qF "$words" "$TMP/trial.html" || fail "the trial's report should say: $words"
done
prints_on_at_most trial 3

# --- On screen: not blank; the chart's points are where the SVG puts them.
browser "$TMP/report.html" --screenshot="$TMP/report.png" --window-size=1000,1400
run $CHECK blank "$TMP/report.png"
expect_status 0
run $CHECK svg "$TMP/report.html" "$TMP/chart.html"
expect_status 0
size=$(tr ' ' , <"$TMP/out")
browser "$TMP/chart.html" --screenshot="$TMP/chart.png" --window-size="$size"
run $CHECK pixels "$TMP/chart.html" "$TMP/chart.png"
expect_status 0

finish
