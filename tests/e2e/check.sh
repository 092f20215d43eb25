#!/bin/sh
# End-to-end: calmlegs check, on good and broken content, and a person's own layer.
. "$(dirname "$0")/lib.sh" "$@"

run "$BIN" check "$SRC/content"
expect_status 0
expect_empty_out
expect_err "No problems found"

run "$BIN" check
expect_status 0

# The broken fixture: one problem per kind, one line per problem, each file:line:col.
broken="$SRC/tests/data/broken"
run "$BIN" check "$broken"
expect_status 2
check; [ "$(wc -l <"$TMP/out")" -eq 6 ] || fail "expected 6 problem lines"
check; grep -vqE '^[^:]+:[0-9]+:[0-9]+: ' "$TMP/out" && fail "every line should start with file:line:col"
expect_out "$broken/references.toml:10:6: duplicate id \"smith-2020\""
expect_out "$broken/steps/11-extra.toml:5:15: 'references' refers to reference \"jones-1999\""
expect_out "$broken/supplements/dangling.toml:6:15: 'pairs_with' refers to supplement \"glycin\", which does not exist; did you mean \"glycine\"?"
expect_out "$broken/supplements/syntax.toml:4:"
expect_out "$broken/supplements/typo.toml:6:1: unknown key 'timming'; did you mean 'timing'?"
expect_out "$broken/supplements/wrong-type.toml:5:8: 'dose': expected an array of strings, found an integer"
expect_err "6 problems"

run "$BIN" check "$broken" --json
expect_status 2
expect_json 'd["ok"] is False and len(d["problems"]) == 6'
expect_json 'all(set(p) == {"file", "line", "column", "message"} for p in d["problems"])'

run "$BIN" check "$TMP/does-not-exist"
expect_status 2
expect_out "does-not-exist:1:1: not a content directory"

# A person's own layer: overrides by id, adds entries, and a look-up uses it.
mine="$XDG_CONFIG_HOME/calmlegs/content"
mkdir -p "$mine/supplements"
sed 's/^name = "Magnesium"/name = "My magnesium"/' "$SRC/content/supplements/magnesium.toml" \
    >"$mine/supplements/magnesium.toml"
cat >"$mine/supplements/zinc.toml" <<'TOML'
id = "zinc"
name = "Zinc"
kind = "mineral"
benefit = "Added by me."
dose = []
caution = [{ text = "Ask my doctor first.", who = ["everyone"], source = "guide" }]
TOML
run "$BIN" supplement magnesium
expect_status 0
expect_out "My magnesium · mineral"
run "$BIN" supplement zinc
expect_status 0
expect_out "Added by me."
run "$BIN" check
expect_status 0

# A broken file in the person's layer: the look-up says where, and exits 2.
printf 'id = "zinc"\nname = 5\n' >"$mine/supplements/zinc.toml"
run "$BIN" supplement zinc
expect_status 2
expect_err "$mine/supplements/zinc.toml:2:8: 'name': expected a string, found an integer"
expect_err "then run: calmlegs check"
# ... but does not stop look-ups that do not read it.
run "$BIN" supplement iron
expect_status 0
rm "$mine/supplements/zinc.toml"

# A broken file of one's own that overrides a shipped entry blocks neither a look-up nor a
# routine: the shipped entry stands in. Only check exits 2 for it.
sed 's/^timing =/timming =/' "$SRC/content/supplements/magnesium.toml" \
    >"$mine/supplements/magnesium.toml"
line=$(grep -n '^timing =' "$SRC/content/supplements/magnesium.toml" | cut -d: -f1)
where="$mine/supplements/magnesium.toml:$line:1: unknown key 'timming'"
run "$BIN" supplement magnesium
expect_status 0
expect_out "Magnesium · mineral"
expect_out "Before bed"
expect_err "calmlegs: warning: $where"
expect_err "run: calmlegs check"
run "$BIN" tonight --dry-run
expect_status 0
expect_out "200–400 mg"
expect_err "calmlegs: warning: $where"
expect_no_err "tonight.toml"
check; [ "$(grep -c 'warning' "$TMP/err")" = 1 ] || fail "one warning, not $(grep -c warning "$TMP/err")"
run "$BIN" check
expect_status 2
expect_out "$where; did you mean 'timing'?"

# --content and CALMLEGS_CONTENT replace the shipped content.
run "$BIN" --content "$TMP/nowhere" supplement iron
expect_status 2
expect_err "--content $TMP/nowhere: no such directory"
mkdir -p "$TMP/alt/supplements"
cp "$SRC/content/supplements/iron.toml" "$TMP/alt/supplements/"
rm -rf "$mine"
run env CALMLEGS_CONTENT="$TMP/alt" "$BIN" supplements --all --json
expect_json '[s["id"] for s in d["supplements"]] == ["iron"]'

# A part of a content directory, or a file in it, is not one: the directory to check is named.
content=$(cd "$SRC/content" && pwd -P)
run "$BIN" check "$SRC/content/supplements"
expect_status 2
expect_err "is a part of a content directory"
expect_err "Try: calmlegs check $content"
run "$BIN" check "$SRC/content/supplements/iron.toml"
expect_status 2
expect_err "is not a directory"
expect_err "Try: calmlegs check $content"
# The same from inside it, with relative paths.
run sh -c "cd '$content/supplements' && '$BIN' check iron.toml"
expect_err "Try: calmlegs check $content"
run sh -c "cd '$content/supplements' && '$BIN' check ."
expect_err "Try: calmlegs check $content"
# A path that does not exist, or a file outside any content, is only said not to be one.
for path in "$TMP/nowhere/supplements" /dev/null; do
    run "$BIN" check "$path"
    expect_status 2
    expect_out "$path:1:1: not a content directory"
    expect_no_err "Try:"
done
# A content directory of one's own may be named like a part: it holds parts of its own.
mkdir -p "$TMP/routines/routines"
cp "$SRC/content/routines/urge.toml" "$TMP/routines/routines/"
run "$BIN" check "$TMP/routines"
expect_status 0
run "$BIN" check ""
expect_status 2
expect_err "DIR: expects a directory, not an empty word"

finish
