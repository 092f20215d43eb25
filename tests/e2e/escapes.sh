#!/bin/sh
# Terminal hygiene end to end: a journal note, a trigger of the person's own, a config value and
# content strings holding an OSC title sequence with its BEL (\e]2;pwned\a) and a colour
# (\e[31m) never reach the terminal raw, through any command that can show them. Piped, every
# command's stdout and stderr must hold no control byte but the newline; with colour forced,
# none but our own colours, and the note is shown in caret notation; on a pty, the full-screen
# run shows the content's words in caret notation among its own cursor codes.
. "$(dirname "$0")/lib.sh" "$@"

export XDG_STATE_HOME="$TMP/state" TZ=UTC COLUMNS=100
unset CALMLEGS_JOURNAL CLICOLOR_FORCE

ESC=$(printf '\033')
BEL=$(printf '\007')
# In TOML, written with \u escapes (valid TOML 1.0); on the command line, as the bytes.
# (doubled for sed, whose replacement would read \u as "upper case")
T_EVIL='\\u001b]2;pwned\\u0007 \\u001b[31mred\\u001b[0m'
EVIL="${ESC}]2;pwned${BEL} ${ESC}[31mred${ESC}[0m"
SHOWN='^[]2;pwned^G ^[[31mred^[[0m'
# With colour on, the closing \e[0m is the very reset our own colours end with: it stays a
# code (harmless: it only ends a colour), so only what comes before it is checked.
SHOWN_IN_COLOUR='^[]2;pwned^G ^[[31mred'

# The person's own content: the iron entry, the bath routine, a breathing pattern and a
# reminder, each with the sequences in its words (the bath without steps that wait for Enter,
# so that it runs by itself on a pty); and a config with a trigger of their own.
C="$XDG_CONFIG_HOME/calmlegs"
mkdir -p "$C/content/supplements" "$C/content/routines" "$C/content/breathing"
sed -e "s/^name = \"Iron\"/name = \"Iron $T_EVIL\"/" \
    -e "s/^benefit = \"/benefit = \"$T_EVIL /" \
    "$SRC/content/supplements/iron.toml" >"$C/content/supplements/iron.toml"
sed -e "s/^name = \"Epsom salt bath\"/name = \"Bath $T_EVIL\"/" \
    -e "s/^title = \"Soak\"/title = \"Soak $T_EVIL\"/" \
    -e "s/^text = \"Lie back/text = \"$T_EVIL Lie back/" \
    -e "/^wait = true/d" \
    "$SRC/content/routines/bath.toml" >"$C/content/routines/bath.toml"
sed -e "s/^name = \"\(.*\)\"/name = \"\1 $T_EVIL\"/" \
    "$SRC/content/breathing/box.toml" >"$C/content/breathing/box.toml"
cat >"$C/config.toml" <<'EOF'
[journal]
triggers = ["Late pizza \u001b]2;pwned\u0007 \u001b[31mred\u001b[0m"]

[plan]
supplements = ["iron"]
EOF

# no_raw_controls: stdout and stderr hold no control byte but newlines (nor DEL).
no_raw_controls() {
    check
    python3 -c 'import sys
for name in sys.argv[1:]:
    data = open(name, "rb").read()
    bad = [b for b in data if (b < 0x20 and b != 0x0A) or b == 0x7F]
    if bad:
        print("raw control bytes in %s: %r" % (name, sorted(set(bad))))
        sys.exit(1)' "$TMP/out" "$TMP/err" || fail "a control byte reached the output raw"
}
# only_own_codes: as no_raw_controls, once our own colours (Style) are taken out.
only_own_codes() {
    check
    python3 -c 'import re, sys
for name in sys.argv[1:]:
    data = re.sub(rb"\x1b\[(1|36|1;33|2|32|0)m", b"", open(name, "rb").read())
    bad = [b for b in data if (b < 0x20 and b != 0x0A) or b == 0x7F]
    if bad:
        print("raw control bytes in %s: %r" % (name, sorted(set(bad))))
        sys.exit(1)' "$TMP/out" "$TMP/err" || fail "a control byte other than our colours reached the output"
}
# shown CMD...: runs a piped command that must succeed and show the sequences harmlessly.
shown() {
    run "$BIN" "$@"
    check
    [ "$status" -eq 0 ] || [ "$status" -eq 1 ] || fail "expected exit status 0 or 1"
    no_raw_controls
    expect_out "$SHOWN"
}

# --- The content loads, and check says nothing raw about it.
run "$BIN" check
no_raw_controls

# --- The journal: the note and the trigger are stored as typed, and echoed harmlessly.
# The last week's nights, each with the note, every other one with the trigger.
night() { date -u -d "-$1 days" +%F; }
run "$BIN" log --date "$(night 1)" --severity 6 --sleep 3 --took iron --trigger "late pizza" \
    --note "$EVIL"
expect_status 0
no_raw_controls
for n in 2 3 4 5 6 7; do
    trigger=""
    [ $((n % 2)) = 1 ] && trigger="late pizza"
    "$BIN" log --date "$(night $n)" --severity $((n % 5 + 2)) --sleep 4 --note "$EVIL" \
        ${trigger:+--trigger "$trigger"} >/dev/null 2>&1 || fail "could not log $(night $n)"
done
run "$BIN" history --json
expect_status 0
check
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
notes = [n["log"]["note"] for n in d["nights"] if n.get("log")]
sys.exit(0 if sys.argv[2] in notes else 1)' "$TMP/out" "$EVIL" ||
    fail "the note is stored as typed (JSON escapes it itself)"

shown history
run "$BIN" stats
no_raw_controls
run "$BIN" stats --chart
no_raw_controls
run "$BIN" compare "late pizza"
no_raw_controls
expect_out '^[]2;pwned^G'
run "$BIN" compare iron
no_raw_controls
run "$BIN" report
no_raw_controls
# The HTML report: no control character but tab and newline, which HTML does not allow.
run "$BIN" report --html -
expect_status 0
check
python3 -c 'import sys
data = open(sys.argv[1], "rb").read()
bad = [b for b in data if (b < 0x20 and b not in (0x09, 0x0A)) or b == 0x7F]
sys.exit(1 if bad else 0)' "$TMP/out" || fail "the HTML report holds a control character"
expect_out "pwned"

# --- Content words: supplements, routines, the guide, plans, reminders.
shown supplement iron
run "$BIN" supplements --all
no_raw_controls
shown routines
shown run bath --dry-run
shown plan check
shown breathe box --dry-run
run "$BIN" guide
no_raw_controls
run "$BIN" tonight --list
no_raw_controls
run "$BIN" schedule
no_raw_controls
run "$BIN" remind --at 08:05
no_raw_controls
shown config
# A routine run piped: one plain line an event.
run "$BIN" run bath --speed 1000 --no-journal
no_raw_controls
expect_out "$SHOWN"
run "$BIN" breathe box --cycles 1 --speed 100 --no-journal
no_raw_controls

# --- A trial of the hostile supplement: status, list, result.
run "$BIN" trial start iron --seed 7 --yes
no_raw_controls
run "$BIN" trial status
no_raw_controls
run "$BIN" trial list
no_raw_controls
run "$BIN" trial result --peek
no_raw_controls

# --- With colour forced, only our own colours are codes; the note is shown in caret notation.
export CLICOLOR_FORCE=1
run "$BIN" history
only_own_codes
expect_out "$SHOWN_IN_COLOUR"
check
grep -qF "${ESC}[1m" "$TMP/out" || fail "colour forced: the page keeps its own colours"
run "$BIN" supplement iron
only_own_codes
expect_out "$SHOWN_IN_COLOUR"
unset CLICOLOR_FORCE

# --- The full-screen run on a pty: our cursor codes, the content's words in caret notation.
on_tty 30 100 "'$BIN' run bath --speed 1000 --no-journal --no-bell"
check
! grep -qF "${ESC}]2;pwned" "$TMP/out" || fail "the full-screen run wrote the title sequence raw"
check
! grep -qF "${ESC}[31m" "$TMP/out" || fail "the full-screen run wrote the colour raw"
expect_out '^[]2;pwned^G'

finish
