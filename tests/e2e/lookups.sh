#!/bin/sh
# End-to-end: the look-up commands, as a new user would type them.
. "$(dirname "$0")/lib.sh" "$@"

run "$BIN" supplement magnesium
expect_status 0
expect_out "Magnesium · mineral"
expect_out "glycinate — for calm and sleep"
expect_out "threonate — the guide says it crosses the blood-brain barrier"
expect_out "Dose        200–400 mg"
expect_out "Timing      Before bed"
expect_out "Glycine — "
expect_out "Taurine — "
expect_no_escapes
# Every page ends with the safety note.
check; tail -n 3 "$TMP/out" | grep -q "prescription" || fail "the page should end with the safety note"

run "$BIN" supplement iron --json
expect_status 0
expect_json 'd["id"] == "iron" and "ferritin" in d["condition"]'
expect_json 'd["tests"] == ["ferritin", "iron", "TIBC", "transferrin saturation"]'
expect_json '"75–100 µg/L" in d["target"]'
expect_json '[p["name"] for p in d["pairs_with"]] == ["vitamin C"]'
expect_json '[p["name"] for p in d["avoid_with"]] == ["Calcium", "tea", "coffee"]'
expect_json 'd["avoid_with"][0]["id"] == "calcium" and d["avoid_with"][1]["id"] is None'
expect_json 'd["dose"] == ["25–65 mg"] and d["safety_note"]'

# Names, aliases and misspellings.
for name in mag "vit d" melissa MAGNESIUM magnesuim "lemon balm" b12; do
    run "$BIN" supplement "$name"
    expect_status 0
done
run "$BIN" supplement vit d
expect_status 0
expect_out "Vitamin D · vitamin"
run "$BIN" supplement melissa
expect_out "Lemon balm"
run "$BIN" supplement magnesuim
expect_out "Magnesium · mineral"
expect_err "showing Magnesium for 'magnesuim'"
run "$BIN" supplement magnesuim --json
expect_json 'd["id"] == "magnesium" and d["query"] == "magnesuim" and d["match"] == "close"'
run "$BIN" guide iron --json
expect_json 'd["number"] == 1 and d["query"] == "iron" and d["match"] == "exact"'

# The names on bottles: a form finds its entry, and the page says which form it is.
run "$BIN" supplement "magnesium oxide"
expect_status 0
expect_out "Magnesium · mineral"
expect_out "Form: oxide — the guide does not discuss this form; it names glycinate and"
expect_no_err "showing"
run "$BIN" supplement "ferrous sulfate"
expect_status 0
expect_out "Iron · mineral"
expect_out "Form: ferrous sulfate — the guide names no particular form"
expect_out "! Only if a blood test shows low ferritin."
run "$BIN" supplement Magnesium Citrate
expect_status 0
expect_out "Form: citrate"
run "$BIN" supplement "ferrous bisglycinate" --json
expect_status 0
expect_json 'd["id"] == "iron" and d["match"] == "exact"'
expect_json 'd["form"] == {"name": "ferrous bisglycinate", "note": None, "in_guide": False}'
run "$BIN" supplement "magnesium glycinate" --json
expect_json 'd["form"] == {"name": "glycinate", "note": "for calm and sleep", "in_guide": True}'
run "$BIN" supplement magnesium --json
expect_json 'd["form"] is None and d["other_forms"] == ["citrate", "oxide"]'

run "$BIN" supplement vitamin
expect_status 1
expect_err "'vitamin' matches more than one entry."
expect_err "calmlegs supplement vitamin-d"
expect_err "calmlegs supplement b-vitamins"
expect_empty_out

run "$BIN" supplement melatonin
expect_status 1
expect_err "the guide has no entry named 'melatonin'."
expect_no_err "Did you mean"
expect_err "See them all: calmlegs supplements --all"
expect_empty_out
# Vitamin C is no entry (and no misspelling of D), but the iron entry pairs with it.
run "$BIN" supplement vitamin c
expect_status 1
expect_err "the guide has no entry named 'vitamin c'."
expect_no_err "matches more than one"
expect_err "It is mentioned in:"
expect_err "  calmlegs supplement iron  # Iron"
run "$BIN" supplement "vitamin c" --json
expect_status 1
expect_json 'd["status"] == "not_found" and d["suggestion"] is None and [e["id"] for e in d["mentioned_in"]] == ["iron"]'
# Too short for a prefix, but only one entry's names contain it.
run "$BIN" supplement ir
expect_status 1
expect_err "Did you mean: calmlegs supplement iron  # Iron"
run "$BIN" supplement k2
expect_status 1
expect_err "Did you mean: calmlegs supplement vitamin-d  # Vitamin D"
run "$BIN" supplement vlrian
expect_status 1
expect_err "Did you mean: calmlegs supplement valerian"
# Something the guide talks about but has no entry for: no far-fetched spelling, a search.
run "$BIN" supplement sugar
expect_status 1
expect_no_err "Did you mean"
expect_err "Search the guide: calmlegs guide --search sugar"
# A medicine or substance that can make RLS worse is no supplement, but is answered.
run "$BIN" supplement diphenhydramine
expect_status 0
expect_out "Diphenhydramine · Sedating antihistamines"
expect_out "can make RLS worse"
expect_out "ask the prescriber"
for name in benadryl unisom metoclopramide caffeine; do
  run "$BIN" supplement "$name"
  expect_status 0
  expect_out "ask the prescriber"
done
run "$BIN" supplement Benadryl --json
expect_status 0
expect_json 'd["kind"] == "medicine" and d["id"] == "diphenhydramine" and d["source"]["id"] == "aasm-2024" and "prescriber" in d["ask_prescriber"]'
run "$BIN" supplement benadril
expect_status 0
expect_err "(showing Diphenhydramine for 'benadril')"
run "$BIN" guide 4
expect_status 0
expect_out "Medicines and substances that can make RLS worse"
run "$BIN" supplement vitamin-c --json
expect_status 1
expect_json '[e["id"] for e in d["mentioned_in"]] == ["iron"] and d["search"] == "calmlegs guide --search \x27vitamin c\x27"'
run "$BIN" supplement xyzzy --json
expect_json 'd["search"] is None'
# A name copied from the stack table.
run "$BIN" supplement "Valerian or Passionflower"
expect_status 1
expect_err "'Valerian or Passionflower' matches more than one entry."
expect_err "  calmlegs supplement valerian       # Valerian"
expect_err "  calmlegs supplement passionflower  # Passionflower"
run "$BIN" supplement "iron (if low ferritin)"
expect_status 0
expect_out "Only if a blood test shows low ferritin"
# What was typed is echoed without its control characters.
run "$BIN" supplement "$(printf '\033[31mred')"
expect_status 1
expect_err "no entry named '^[[31mred'"
# ... in every message: a pattern, a search, a path.
run "$BIN" breathe "$(printf '4-\033[31m4')"
expect_status 2
expect_no_escapes
run "$BIN" guide --search "$(printf '\033[31mx')"
expect_status 1
expect_no_escapes
run "$BIN" check "$(printf '/nowhere\033[1m')"
expect_status 2
expect_no_escapes
run "$BIN" supplement "$(printf 'magnesuim\033[0m')"
expect_no_escapes

run "$BIN" supplement melatonin --json
expect_status 1
expect_json 'd["status"] == "not_found" and d["query"] == "melatonin" and d["suggestion"] is None and d["mentioned_in"] == []'

# The stack: every cell whole on a wide terminal, and within 80 columns when piped.
run env COLUMNS=100 "$BIN" supplements
expect_status 0
for cell in "Magnesium glycinate" "200–400 mg" "Evening" "Iron*" "25–65 mg" "Morning + vitamin C" \
            "Vitamin D3 + K2" "2000–4000 IU" "Ashwagandha" "300 mg" "400 mg / 300 mg" "Bedtime" \
            "Muscle and nerve calm" "Natural sleep aid" "* Only if a blood test shows low ferritin"; do
    expect_out "$cell"
done
run "$BIN" supplements
expect_max_width 80
# Too narrow for columns: one block per row, still within the width, and no word cut.
for width in 20 30; do
    run env COLUMNS=$width "$BIN" supplements
    expect_status 0
    expect_max_width $width
    for word in Dopamine regulation Neuromuscular function "Magnesium glycinate"; do
        expect_out "$word"
    done
done
run "$BIN" supplements --when morning --json
expect_json '[r["id"] for r in d["stack"]] == ["iron", "vitamin-d"] and d["when"] == "morning"'
run "$BIN" supplements --all
expect_status 0
expect_out "16 entries"
expect_out "Reishi"
run "$BIN" supplements --all --when bedtime --json
expect_json 'all("bedtime" in s["when"] for s in d["supplements"]) and len(d["supplements"]) > 3'
# Times in any case, as typed; the JSON says the canonical one.
run "$BIN" supplements --when Morning --json
expect_status 0
expect_json '[r["id"] for r in d["stack"]] == ["iron", "vitamin-d"] and d["when"] == "morning"'
run "$BIN" supplements --all -w BEDTIME
expect_status 0
expect_out "Magnesium"
run "$BIN" supplements --when noon
expect_status 2
expect_err "--when: expects morning, evening or bedtime, not 'noon'"
expect_err "Usage: calmlegs supplements [OPTIONS]"
# Enumerated values take any case.
run "$BIN" supplements --when Bedtime --json
expect_status 0
expect_json 'd["when"] == "bedtime"'


# Every step of the guide.
for n in 1 2 3 4 5 6 7 8 9 10; do
    run "$BIN" guide "$n"
    expect_status 0
    expect_out "step $n of 10"
done
run "$BIN" guide breathwork
expect_status 0
expect_out "step 4 of 10"
expect_out "Breathwork for calm legs"
run "$BIN" guide intro
expect_out "Willis-Ekbom"
run "$BIN" guide
expect_status 0
expect_out "10       When to seek professional help"
run "$BIN" guide 11
expect_status 1
expect_err "the guide has no step named '11'."
expect_err "Its steps are numbered 1–10; there are also intro and closing."
# A section's title opens its step; a name the guide only mentions gets a search to type.
run "$BIN" guide iron
expect_status 0
expect_out "step 1 of 10"
run "$BIN" guide "step 4"
expect_status 0
expect_out "step 4 of 10"
run "$BIN" guide "vitamin c"
expect_status 1
expect_err "the guide has no step named 'vitamin c'."
expect_err "Search the guide: calmlegs guide --search 'vitamin c'"
run "$BIN" guide breathwrok
expect_status 0
expect_err "(showing step 4, Sleep and nervous system reset for 'breathwrok')"
run "$BIN" guide --search zzzyx --json
expect_status 1
expect_json 'd == {"query": "zzzyx", "matches": []}'
expect_err "nothing in the guide mentions all of 'zzzyx'."
run "$BIN" guide 4 --json
expect_json 'd["number"] == 4 and d["id"] == "sleep" and len(d["sections"]) == 4'
# Step 10's red flags are marked for the report's questions to raise with a doctor.
run "$BIN" guide 10 --json
expect_json '[s["title"] for s in d["sections"] if s["doctor_questions"]] == ["See a doctor first, or soon, when", "Urgent: one swollen, painful leg"]'
run "$BIN" guide --search epsom magnesium
expect_status 0
expect_out "Step 3"
expect_out "calmlegs guide 3"
run "$BIN" guide --search ferritin --json
expect_json 'any(m["kind"] == "supplement" and m["id"] == "iron" for m in d["matches"])'
run "$BIN" guide --search zzzyx
expect_status 1
# A quoted argument is a phrase; a phrase found nowhere is searched for word by word.
run "$BIN" guide --search "caffeine noon"
expect_status 0
expect_out "Search: caffeine noon · 1 match"
expect_out "Caffeine after noon."
expect_out "calmlegs guide 4"
expect_err "(nothing says 'caffeine noon' as written; showing what mentions each word)"
run "$BIN" guide --search "epsom salt" --json
expect_status 0
expect_json 'all("epsom salt" in m["text"].lower() for m in d["matches"]) and len(d["matches"]) >= 1'
expect_no_err "as written"
run "$BIN" guide --search ""
expect_status 2
expect_err "--search needs at least one word."
expect_err "Try: calmlegs guide --search magnesium"
run "$BIN" guide " 2 "
expect_status 0
expect_out "step 2 of 10"

# Piped output: no escape codes, wrapped to $COLUMNS.
run env COLUMNS=50 "$BIN" guide 3
expect_no_escapes
expect_max_width 50

# Usage errors say what to type instead, and exit 2.
run "$BIN" supplement
expect_status 2
expect_err "'supplement' needs NAME"
expect_err "Try: calmlegs supplement magnesium"
run "$BIN" supplment iron
expect_status 2
expect_err "unknown command 'supplment'"
expect_err "Did you mean: calmlegs supplement iron"
run "$BIN" supplment
expect_status 2
expect_err "Did you mean: calmlegs supplement magnesium"
run "$BIN" xyz
expect_status 2
expect_err "unknown command 'xyz'"
expect_no_err "Did you mean"
expect_err "Commands: tonight, run,"
run "$BIN" --frobnicate
expect_status 2
expect_err "unknown option '--frobnicate'"
# Words a command does not take: what was probably meant.
run "$BIN" supplements magnesium
expect_status 2
expect_err "Did you mean: calmlegs supplement magnesium"
run "$BIN" routines urge
expect_status 2
expect_err "Did you mean: calmlegs run urge"
run "$BIN" run coherent --cycles 3
expect_status 2
expect_err "unknown option '--cycles' for 'run'; it is an option of breathe"
expect_no_err "Did you mean"
run "$BIN" supplement -x
expect_status 2
expect_err "unknown option '-x' for 'supplement'"
# ... only when the other command takes every option typed, and the name fits it.
run "$BIN" routines urge --dry-run
expect_status 2
expect_err "Did you mean: calmlegs run urge --dry-run"
run "$BIN" supplements iron --when bedtime
expect_status 2
expect_no_err "Did you mean"
run "$BIN" run urge --cycles 3
expect_status 2
expect_no_err "Did you mean"
run "$BIN" supplements "vitamin c"
expect_err "'supplements' does not take 'vitamin c'"
# An option no command takes, before the command, is not moved after it.
run "$BIN" --frob breathe
expect_status 2
expect_err "unknown option '--frob'"
expect_no_err "must come after"
run "$BIN" --speed 2 --frob breathe
expect_err "unknown option '--frob'"
expect_no_err "--speed --frob"
# An option of another command is named with it; no line is guessed for it.
run "$BIN" run 6-6 --cycles 3
expect_err "it is an option of breathe"
expect_no_err "Did you mean"
run "$BIN" --cycles 3 run coherent
expect_status 2
expect_no_err "Did you mean"
# A hint never reports on the content: a missing --content is said once, when it is used.
run "$BIN" --content "$TMP/nowhere" run coherent --cycles 3
expect_status 2
expect_no_err "no such directory"
# After "--" nothing is an option.
run "$BIN" routines urge -- --dry-run
expect_no_err "Did you mean"
run "$BIN" -- supplment
expect_err "unknown command 'supplment'"
# A command's option typed before the command, in the order typed.
run "$BIN" --speed 2 breathe
expect_status 2
expect_err "'--speed 2' must come after the command 'breathe'."
expect_err "Try: calmlegs breathe --speed 2"
# The move keeps every other word where it was, values of global options too.
run "$BIN" --speed 2 --config 2 breathe
expect_err "Try: calmlegs --config 2 breathe --speed 2"
run "$BIN" --content supplment supplment iron
expect_err "Did you mean: calmlegs --content supplment supplement iron"
run "$BIN" --content= supplement mag
expect_status 2
expect_err "'--content=' has no value after '='."
# A value that does not fit says what does, and how to type it.
run "$BIN" breathe --cycles 2.5
expect_status 2
expect_err "--cycles: expects a whole number from 1 to 1000, not '2.5'"
expect_err "Usage: calmlegs breathe [OPTIONS] [PATTERN]"
expect_err "Help: calmlegs breathe --help"
for speed in nan inf 0 -1 1e3 1001; do
    run "$BIN" breathe --speed "$speed" --dry-run
    expect_status 2
    expect_err "--speed: expects a number from 0.1 to 1000, not '$speed'"
done
run "$BIN" breathe --minutes nan
expect_status 2
run "$BIN" guide --search
expect_status 2
expect_err "Usage: calmlegs guide"
# Nothing that could be a name is a usage error, not a miss.
for command in supplement guide run breathe; do
    run "$BIN" $command " "
    expect_status 2
    expect_err "expects a name, not ' '"
done
run "$BIN" supplement "..."
expect_status 2
expect_err "NAME: expects a name, not '...'"
run "$BIN" --content "" supplement mag
expect_status 2
expect_err "--content: expects a directory, not an empty word"
# "help COMMAND" is the command's --help.
run "$BIN" help supplement
expect_status 0
expect_out "Usage: calmlegs supplement"
run "$BIN" --json help supplement
expect_status 0
expect_out "Usage: calmlegs supplement"
run "$BIN" help help
expect_status 0
expect_out "Usage: calmlegs"
run "$BIN" help supplment
expect_status 2
expect_err "unknown command 'supplment'"
expect_err "Did you mean: calmlegs help supplement"
expect_empty_out
# Help fits a narrow terminal, whole words in their columns.
for command in "" breathe guide supplements; do
    run env COLUMNS=40 "$BIN" $command --help
    expect_status 0
    expect_max_width 40
done
run "$BIN" guide 4 --search sleep
expect_status 2

# Help and version on every command.
for command in "" guide supplement supplements check; do
    run "$BIN" $command --help
    expect_status 0
    expect_out "Usage"
done
# --version prints the name and the project's version from CMakeLists.txt, and nothing else.
version=$(sed -n 's/^project(calmlegs VERSION \([0-9.]*\) .*/\1/p' "$SRC/CMakeLists.txt")
run "$BIN" --version
expect_status 0
check; [ -n "$version" ] && [ "$(cat "$TMP/out")" = "calmlegs $version" ] ||
    fail "--version should print exactly 'calmlegs $version' (the VERSION in CMakeLists.txt)"

# No command: the overview.
run "$BIN"
expect_status 0
expect_out "calmlegs supplement magnesium"
run "$BIN" --json
expect_json 'any(c["name"] == "guide" for c in d["commands"])'

finish
