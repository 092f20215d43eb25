#!/bin/sh
# A hostile corpus never crashes a loader and the error always names the file: truncated
# files, binary, 10 MB strings, deep nesting and invalid UTF-8, made here at run time (never
# committed), through `check`, a look-up, config.toml, `import` and the reminder state.
# Each must end with exit status 2, the file's name on stderr (or in check's report), and no
# crash or sanitizer report.
# Usage: hostile.sh BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

export XDG_STATE_HOME="$TMP/state" TZ=UTC
hostile="$TMP/hostile"
mkdir -p "$hostile"

# The corpus: one file per kind of hostility, each a few bytes to 10 MB.
python3 - "$hostile" "$SRC/content/supplements/iron.toml" <<'PY'
import random, sys
out, sample = sys.argv[1], open(sys.argv[2], "rb").read()
rng = random.Random(20261202)
big = 10 * 1024 * 1024
files = {
    "truncated": sample[: len(sample) // 2],                # cut mid-way, in a string
    "truncated-header": b'id = "iron"\n[[sec',
    "binary": bytes(rng.randrange(256) for _ in range(8192)),
    "nul": b'id = "ir\0on"\nname = "\0"\n\0\0\0',
    "string-10mb": b'id = "iron"\nname = "' + b"A" * big + b'"\n',
    "unterminated-10mb": b'name = "' + b"B" * big,
    "key-10mb": b"k" * big + b' = "x"\n',
    "lines-10mb": b"\n" * big,
    "nested-arrays": b"a = " + b"[" * 100000 + b"]" * 100000 + b"\n",
    "nested-tables": b"a = " + b"{b = " * 50000 + b"1" + b"}" * 50000 + b"\n",
    "deep-header": b"[" + b".".join([b"a"] * 100000) + b"]\n",
    "invalid-utf8": b'id = "iron"\nname = "Ir\xff\xfeon \xc3\x28"\n# \xed\xa0\x80\n\xc0\xaf = 1\n',
    "bom-and-cr": b"\xef\xbb\xbf" + sample.replace(b"\n", b"\r"),
}
for name, data in files.items():
    with open(f"{out}/{name}.toml", "wb") as f:
        f.write(data)
PY

# expect_named FILE: exit status 2, the file named on stderr or stdout, and no crash.
expect_named() {
    expect_status 2
    check
    grep -qF -- "$1" "$TMP/err" "$TMP/out" || fail "the error should name $1"
    expect_no_err "Sanitizer"
    expect_no_err "runtime error"
}

# Content: each hostile file in turn as a supplement, a routine, guide.toml and schedule.toml
# of a copy of the shipped content, through `check` and (for the supplement) a look-up. The
# 10 MB files go in one place only: the same reader takes them in all four.
content="$TMP/content"
for file in "$hostile"/*.toml; do
    for place in supplements/iron.toml routines/tonight.toml guide.toml schedule.toml; do
        case "$file" in *10mb.toml) [ "$place" = supplements/iron.toml ] || continue ;; esac
        rm -rf "$content"
        cp -R "$SRC/content" "$content"
        cp "$file" "$content/$place"
        run "$BIN" check "$content"
        expect_named "$content/$place"
        if [ "$place" = supplements/iron.toml ]; then
            run "$BIN" --content "$content" supplement iron
            expect_named "$content/$place"
        fi
    done
done

# config.toml, through --config and through CALMLEGS_CONFIG. 10 MB of blank lines is a sound
# (empty) config: plan check then says there is no [plan], as for any empty config.
for file in "$hostile"/*.toml; do
    [ "$file" = "$hostile/lines-10mb.toml" ] && continue
    run "$BIN" --config "$file" plan check
    expect_named "$file"
    run env CALMLEGS_CONFIG="$file" "$BIN" plan check
    expect_named "$file"
done

# import: random bytes as CSV and as JSON, and hostile exports, into an empty journal.
python3 - "$hostile" <<'PY'
import random, sys
out = sys.argv[1]
rng = random.Random(15)
big = 10 * 1024 * 1024
head = b'{"format": "calmlegs-journal", "version": 1, "nights": ['
night = b'{"date": "2026-03-08", "severity": 6, "note": '
files = {
    "random.csv": bytes(rng.randrange(256) for _ in range(65536)),
    "random.json": b"{" + bytes(rng.randrange(256) for _ in range(65536)),
    "random-text.csv": bytes(rng.choice(b'abc,;"\r\n\0\xff') for _ in range(65536)),
    "truncated.json": head + night + b'"cut',
    "truncated.csv": b"record,date,severity\nnight,2026-03-0",
    "nested.json": b"[" * 200000 + b"]" * 200000,
    "nested-objects.json": b'{"a":' * 100000 + b"1" + b"}" * 100000,
    "note-10mb.json": head + night + b'"' + b"n" * big + b'"}], "runs": []}',
    "note-10mb.csv": b"record,date,note\nnight,2026-03-08," + b"n" * big + b"\n",
    "invalid-utf8.json": head + night + b'"\xff\xfe\xc3\x28"}], "runs": []}',
    "invalid-utf8.csv": b"record,date,note\nnight,2026-03-08,\xff\xfe\xc3\x28\n",
    "binary.json": b"\0" * 4096,
}
for name, data in files.items():
    with open(f"{out}/{name}", "wb") as f:
        f.write(data)
PY
for file in "$hostile"/*.csv "$hostile"/*.json; do
    run "$BIN" import "$file"
    expect_named "$file"
done
check; [ ! -e "$XDG_STATE_HOME/calmlegs/journal.db" ] ||
    python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sys.exit(0 if db.execute("select count(*) from nights").fetchone()[0] == 0 else 1)' \
        "$XDG_STATE_HOME/calmlegs/journal.db" || fail "nothing should have been imported"

# The reminder state: set aside with its name said, whatever it holds.
config="$TMP/config.toml"
printf '[schedule]\nbedtime = "22:30"\n' >"$config"
state="$XDG_STATE_HOME/calmlegs/remind-state.toml"
for file in "$hostile"/*.toml; do
    rm -rf "$XDG_STATE_HOME/calmlegs"
    mkdir -p "$XDG_STATE_HOME/calmlegs"
    cp "$file" "$state"
    run "$BIN" remind --config "$config"
    expect_named "$state"
done

finish
