#!/bin/sh
# End-to-end: the routine commands, their plans (--dry-run), their plain and JSON runs, and
# what they say to bad input.
. "$(dirname "$0")/lib.sh" "$@"

# 4-7-8: four cycles of inhale 4 s, hold 7 s, exhale 8 s; 76 s.
run "$BIN" breathe 4-7-8 --dry-run --json
expect_status 0
expect_json 'd["total"] == 76 and d["routine"] == "4-7-8"'
expect_json '[(c["phase"], c["seconds"]) for c in d["cues"] if c["event"] == "phase"] == [("inhale", 4), ("hold", 7), ("exhale", 8)] * 4'
expect_json '[c["cycle"] for c in d["cues"] if c["event"] == "phase"] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]'
expect_json '[c["offset"] for c in d["cues"] if c["event"] == "phase"][:4] == [0, 4, 11, 19]'
expect_json '"light-headed" in d["steps"][0]["notes"][0]'
run "$BIN" breathe --dry-run --json
expect_json 'd["total"] == 76' # 4-7-8 is the default

# Coherent: 5 minutes of 5 s in, 5 s out.
run "$BIN" breathe coherent --dry-run
expect_status 0
expect_out "Coherent breathing · 5 min · 1 step"
expect_out "30 cycles: in 5 s · out 5 s"
expect_out "5:00  End · total 5 min"
expect_no_out "light-headed" # no holds, no hold caution
run "$BIN" breathe coherent --dry-run --json
expect_json 'd["total"] == 300 and {(c["phase"], c["seconds"]) for c in d["cues"] if c["event"] == "phase"} == {("inhale", 5), ("exhale", 5)}'

# Custom patterns, --cycles and --minutes.
run "$BIN" breathe 6-6 --minutes 2 --dry-run --json
expect_json 'd["total"] == 120'
run "$BIN" breathe 4-4-4-4 --dry-run --json
expect_json 'd["routine"] == "box" and d["total"] == 64'
run "$BIN" breathe 3-2-5 --cycles 3 --dry-run --json
expect_json 'd["total"] == 30 and d["steps"][0]["rhythm"]["description"] == "3 cycles: in 3 s · hold 2 s · out 5 s"'

# Bad patterns and options: a clear error and what to type instead.
run "$BIN" breathe 4-7-8-1-2
expect_status 2
expect_err "'4-7-8-1-2' is not a breathing pattern: expected a named pattern, or 2 to 4 numbers of seconds"
expect_err "Try: calmlegs breathe 6-6 --minutes 5"
run "$BIN" breathe 0-4
expect_status 2
run "$BIN" breathe wobbly
expect_status 1
expect_err "there is no breathing pattern named 'wobbly'."
run "$BIN" breathe coherant --dry-run
expect_status 0
expect_err "(breathing Coherent breathing for 'coherant')"
run "$BIN" breathe --cycles 2 --minutes 3
expect_status 2
expect_err "excludes"
run "$BIN" breathe --cycles 0
expect_status 2
run "$BIN" breathe --speed 0
expect_status 2

# Tonight: the step-9 ritual in order, with the four stretches, the magnesium dose and 4-7-8.
run "$BIN" tonight --dry-run
expect_status 0
expect_out "Nightly wind-down · 14 min 36 s · 10 steps"
check
python3 - "$TMP/out" <<'PY' || fail "tonight --dry-run is not the ritual in order"
import sys
text = open(sys.argv[1], encoding="utf-8").read()
order = ["Herbal tea", "Five-minute stretch", "Calf raises", "Leg extensions", "Forward folds",
         "Ankle circles", "Magnesium", "200–400 mg", "Lavender", "Lie down", "4-7-8 breathing",
         "4 cycles: in 4 s · hold 7 s · out 8 s", "Warmth in your legs", "End · total"]
positions = [text.find(item) for item in order]
sys.exit(0 if -1 not in positions and positions == sorted(positions) else 1)
PY
expect_out "! Introduce one new supplement at a time." # the supplement's caution
# The tea waits for Enter; its five minutes are only for a run without a keyboard.
expect_out "Herbal tea · until you press Enter (5 min without a keyboard)"
# A narrow terminal: every line of the plan fits, the rhythms too.
for routine in tonight "run bath"; do
    for columns in 20 40; do
        run env COLUMNS=$columns "$BIN" $routine --dry-run
        expect_status 0
        expect_max_width $columns
    done
done
run env COLUMNS=40 "$BIN" breathe 4.5-4.5-4.5-4.5 --dry-run
expect_max_width 40
# Counts are decimal, whatever zeros lead them (CLI11 alone would read 010 as octal 8).
run "$BIN" breathe 4-7-8 --cycles 010 --dry-run --json
expect_json 'd["steps"][0]["rhythm"]["repeats"] == 10'
run "$BIN" breathe 4-7-8 --cycles 09 --dry-run
expect_status 0
expect_out "9 cycles"
run "$BIN" tonight --dry-run --json
expect_json '[s["title"] for s in d["steps"]][:6] == ["Herbal tea", "Calf raises", "Leg extensions", "Forward folds", "Ankle circles", "Magnesium"]'
expect_json 'd["steps"][0]["waits"] is True and d["total"] == 876'

# A plan of one's own (config.toml): never told to take what is not in it.
mkdir -p "$XDG_CONFIG_HOME/calmlegs"
printf '[plan]\nsupplements = ["iron"]\n' >"$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" tonight --dry-run
expect_status 0
expect_no_out "200–400 mg"
expect_out "Left out: Magnesium is not in your plan"
printf '[plan]\nsupplements = ["magnesum"]\n' >"$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" tonight --dry-run
expect_status 2
expect_err "config.toml:2:16: 'supplements' refers to supplement \"magnesum\", which does not exist; did you mean \"magnesium\"?"
# The plan takes names as a look-up does (an alias, a name in any case) and plans by their ids.
printf '[plan]\nsupplements = ["mag", "Vitamin D"]\n' >"$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" tonight --dry-run --json
expect_status 0
expect_json '[s["ref"] for s in d["steps"] if s["kind"] == "supplement"] == ["magnesium"]'
expect_json 'd["left_out"] == []'
# ... but not a prefix, which could come to mean another entry, nor a name of two.
printf '[plan]\nsupplements = ["magn", "Valerian or Passionflower"]\n' \
    >"$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" tonight --dry-run
expect_status 2
expect_err "config.toml:2:16: 'supplements' refers to supplement \"magn\", which does not exist; did you mean \"magnesium\"?"
expect_err "config.toml:2:24: 'supplements': \"Valerian or Passionflower\" names more than one supplement: \"valerian\", \"passionflower\""
printf '[cues]\nbel = true\n' >"$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" tonight --dry-run
expect_status 2
expect_err "config.toml:2:1: unknown key 'bel'; did you mean 'bell'?"
# The bell takes the kinds of cue to ring at; a name that is none is an error where it is.
printf '[cues]\nbell = ["step", "reps"]\n' >"$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" stretch --dry-run
expect_status 2
expect_err "config.toml:2:17: 'bell': expected each of step, side, breath, rep, found \"reps\"; did you mean \"rep\"?"
printf '[cues]\nbell = ["step", "rep"]\n' >"$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" stretch --dry-run
expect_status 0
run "$BIN" --config "$TMP/none.toml" tonight --dry-run
expect_status 2
expect_err "cannot read the config $TMP/none.toml"
rm -f "$XDG_CONFIG_HOME/calmlegs/config.toml"

# The routines and their lengths.
run "$BIN" routines
expect_status 0
for routine in tonight stretch coherent 478 urge bath compress contrast body-scan; do
    expect_out "$routine"
done
expect_out "14:36"
run "$BIN" routines --json
expect_json '{r["id"]: r["seconds"] for r in d["routines"]}["stretch"] == 300'
run "$BIN" run urgr --dry-run
expect_status 0
expect_err "(running When the urge strikes for 'urgr')"
run "$BIN" run nothing-like-it --dry-run
expect_status 1
expect_err "there is no routine named 'nothing-like-it'."
expect_err "See them all: calmlegs routines"
run "$BIN" stretch --dry-run
expect_out "Five-minute stretch · 5 min · 4 steps"

# A real run when piped: one plain line per step and phase, flushed, no escape codes.
run "$BIN" breathe 2-2 --cycles 2 --speed 4
expect_status 0
expect_no_escapes
expect_out "0:00 Step 1 of 1: 2-2 breathing (8 s)"
expect_out "0:00   Breathe in (2 s) · 1 of 2"
expect_out "Done: 2-2 breathing, 1 of 1 step in"
# ... and with --json, one event per line with planned and measured times.
run "$BIN" breathe 2-2 --cycles 2 --speed 4 --json
expect_status 0
check
python3 - "$TMP/out" <<'PY' || fail "the JSON events are not right"
import json, sys
events = [json.loads(line) for line in open(sys.argv[1])]
kinds = [e["event"] for e in events]
assert kinds[0] == "start" and kinds[-1] == "end", kinds
assert kinds.count("phase") == 4, kinds
# How late each event fires depends on the machine's load, and is measured by
# bench/routine.sh; here only what no load can change: planned offsets as the plan says
# (2 s cycles at --speed 4: a phase every 0.5 s), never early, in order.
phases = [e["offset"] for e in events if e["event"] == "phase"]
assert phases == [0, 0.5, 1, 1.5], phases
elapsed = [e["elapsed"] for e in events]
assert elapsed == sorted(elapsed), elapsed
for e in events:
    assert e["elapsed"] >= e["offset"], e  # a cue never fires before its time
assert events[-1]["outcome"] == "completed" and events[-1]["offset"] == 2
PY
# The event log works beside any display.
run env CALMLEGS_EVENT_LOG="$TMP/events.jsonl" "$BIN" breathe 2-2 --cycles 1 --speed 8
expect_status 0
check; grep -q '"event":"end"' "$TMP/events.jsonl" || fail "no end event in CALMLEGS_EVENT_LOG"

run env CALMLEGS_EVENT_LOG=/nonexistent/dir/events "$BIN" breathe 2-2 --cycles 1 --speed 8
expect_status 2
expect_err "cannot open CALMLEGS_EVENT_LOG=/nonexistent/dir/events"
expect_empty_out # told before anything ran

# A cue command that cannot run is reported, and the routine still runs.
printf '[cues]\ncommand = ["/nonexistent/say"]\n' >"$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" breathe 2-2 --cycles 1 --speed 8
expect_status 0
expect_err "the cue command '/nonexistent/say' was not found, so this routine has no spoken cues"
# A working one gets each cue's text as its last argument, not through a shell.
cat >"$TMP/say" <<SAY
#!/bin/sh
printf '%s\n' "\$*" >>"$TMP/said"
SAY
chmod +x "$TMP/say"
printf '[cues]\ncommand = ["%s", "--voice", "a b"]\n' "$TMP/say" >"$XDG_CONFIG_HOME/calmlegs/config.toml"
run "$BIN" breathe 4-4 --cycles 1 --speed 2
expect_status 0
# The cue command is never waited for: give the last one time to write (up to 20 s, polled),
# rather than a fixed sleep that a loaded machine can outrun.
for _ in $(seq 200); do
    grep -q 'Breathe out' "$TMP/said" 2>/dev/null && break
    sleep 0.1
done
# The step and its first phase start together: one utterance says both.
check; grep -qx -- '--voice a b 4-4 breathing. Breathe in' "$TMP/said" || fail "the cue command did not say the step and 'Breathe in'"
check; grep -qx -- '--voice a b Breathe out' "$TMP/said" || fail "the cue command did not say 'Breathe out'"
run "$BIN" breathe 4-4 --cycles 1 --speed 2 --quiet
check; [ "$(grep -c 'Breathe in' "$TMP/said")" -eq 1 ] || fail "--quiet should not run the cue command"
rm -f "$XDG_CONFIG_HOME/calmlegs/config.toml"

finish
