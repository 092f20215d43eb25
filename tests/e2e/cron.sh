#!/bin/sh
# End-to-end: calmlegs cron with a fake crontab program on PATH that keeps the crontab in a
# file (install twice leaves one block, uninstall restores the file byte for byte); the line
# run as cron runs it (cron's '%' handling, then /bin/sh in a bare environment); and the
# systemd units checked by systemd-analyze verify.
# Arguments: BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

# The fake crontab: -l prints the file ("no crontab for" when there is none), - replaces it
# with stdin, -r removes it. Never the real crontab: it comes first on PATH.
mkdir -p "$TMP/bin" "$TMP/nothing"
cat >"$TMP/bin/crontab" <<'EOF'
#!/bin/sh
case "$1" in
-l) [ -f "$CRONTAB_FILE" ] || { echo "no crontab for tester" >&2; exit 1; }
    cat "$CRONTAB_FILE" ;;
-) cat >"$CRONTAB_FILE.new" && mv "$CRONTAB_FILE.new" "$CRONTAB_FILE" ;;
-r) [ -f "$CRONTAB_FILE" ] || { echo "no crontab for tester" >&2; exit 1; }
    rm "$CRONTAB_FILE" ;;
*) echo "usage: crontab [-l|-r|-]" >&2; exit 1 ;;
esac
EOF
chmod +x "$TMP/bin/crontab"
export PATH="$TMP/bin:$PATH" CRONTAB_FILE="$TMP/crontab" TZ=Europe/Berlin
# The lines name the binary by its real, absolute path.
exe=$(readlink -f "$BIN")

# blocks: how many calmlegs blocks the crontab file holds.
blocks() { grep -c '^# END calmlegs reminders$' "$CRONTAB_FILE"; }

# --- install twice, uninstall: byte for byte, for several crontabs ---------------------------
printf 'MAILTO=tester@example.org\n# backups\n0 3 * * * backup --quiet 2>&1 | logger\n' \
    >"$TMP/with-lines"
printf '0 3 * * * backup' >"$TMP/no-newline"
printf '# BEGIN calmlegs reminders\n0 1 * * * mine\n' >"$TMP/marker-typed"
for original in with-lines no-newline marker-typed; do
    cp "$TMP/$original" "$CRONTAB_FILE"
    run "$BIN" cron --install
    expect_status 0
    expect_out "installed: calmlegs remind runs every 5 minutes from your crontab"
    run "$BIN" cron --install --every 10
    expect_status 0
    expect_out "updated: calmlegs remind runs every 10 minutes"
    run "$BIN" cron --install --every 10
    expect_status 0
    expect_out "already installed"
    check; [ "$(blocks)" -eq 1 ] || fail "$original: one block expected, found $(blocks)"
    check; head -c "$(wc -c <"$TMP/$original")" "$CRONTAB_FILE" | cmp -s - "$TMP/$original" ||
        fail "$original: install changed the person's lines"
    run "$BIN" cron --uninstall
    expect_status 0
    expect_out "uninstalled: the calmlegs block is out of your crontab."
    check; cmp "$TMP/$original" "$CRONTAB_FILE" || fail "$original: not restored byte for byte"
done

# No crontab at all: none again afterwards.
rm -f "$CRONTAB_FILE"
run "$BIN" cron --install
expect_status 0
check; [ "$(blocks)" -eq 1 ] || fail "no crontab: one block expected"
run "$BIN" cron --uninstall
expect_status 0
check; [ ! -e "$CRONTAB_FILE" ] || fail "no crontab: one was left behind"
run "$BIN" cron --uninstall
expect_status 0
expect_out "nothing to remove"

# No crontab program: a clear error, and the crontab file untouched.
run env PATH="$TMP/nothing" "$BIN" cron --install
expect_status 2
expect_err "the crontab program is not installed"
expect_err "sudo apt install cron"
expect_empty_out

# --- the line, run as cron runs it -------------------------------------------------------
# Paths with a space, a quote and a '%': the shell's quoting and cron's '%' both matter.
home="$TMP/my home"
state="$TMP/state's 100% dir"
config="$TMP/calm 50%.toml"
mkdir -p "$home"
printf '[schedule]\nbedtime = "22:30"\n' >"$config"
run env HOME="$home" XDG_STATE_HOME="$state" XDG_RUNTIME_DIR=/run/user/4242 DISPLAY=:7 \
    "$BIN" cron --notify --every 7 --config "$config"
expect_status 0
expect_out "*/7 * * * * "
# A stand-in for calmlegs that shows what it was given.
cat >"$TMP/bin/show-job" <<'EOF'
#!/bin/sh
env >"$JOB_OUT.env"
printf '%s\n' "$@" >"$JOB_OUT.args"
EOF
chmod +x "$TMP/bin/show-job"
grep '^\*/7 ' "$TMP/out" >"$TMP/line"
# Cron's own reading of a line: five fields, then the command up to the first unescaped '%'
# (with "\%" taken to '%'), handed to /bin/sh -c.
python3 - "$TMP/line" "$exe" "$TMP/bin/show-job" >"$TMP/command" <<'EOF' || fail "no command"
import sys
line = open(sys.argv[1]).read().rstrip("\n")
command = line.split(None, 5)[5]
out, escaped = "", False
for c in command:
    if escaped:
        out = out[:-1] + c if c == "%" else out + c
        escaped = False
        continue
    if c == "%":
        break
    escaped = c == "\\"
    out += c
binary = " " + sys.argv[2] + " remind "
if binary not in out:
    sys.exit("the binary's path is not in the line: " + out)
print(out.replace(binary, " " + sys.argv[3] + " remind ", 1))
EOF
run env -i PATH=/usr/bin:/bin JOB_OUT="$TMP/job" /bin/sh -c "$(cat "$TMP/command")"
expect_status 0
printf 'remind\n--notify\n--config\n%s\n' "$config" >"$TMP/args-expected"
check; cmp -s "$TMP/args-expected" "$TMP/job.args" || fail "the job's arguments: $(cat "$TMP/job.args")"
for setting in "HOME=$home" "XDG_CONFIG_HOME=$TMP/config" "XDG_STATE_HOME=$state" \
    "TZ=Europe/Berlin" "PATH=/usr/local/bin:/usr/bin:/bin" "XDG_RUNTIME_DIR=/run/user/4242" \
    "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/4242/bus" "DISPLAY=:7"; do
    check; grep -qxF -- "$setting" "$TMP/job.env" || fail "the job's environment lacks $setting"
done

# Cron's bare environment: no HOME, no XDG_*, still a line (cron sets HOME itself).
run env -i PATH=/usr/bin:/bin "$BIN" cron
expect_status 0
expect_out "*/5 * * * * PATH=/usr/local/bin:/usr/bin:/bin $exe remind"
expect_no_out "HOME="

# --- systemd units, checked by systemd-analyze verify (offline) --------------------------
check; command -v systemd-analyze >/dev/null 2>&1 ||
    fail "systemd-analyze is missing: run .ci/deps (it installs the systemd package)"
# verify --user needs a runtime dir; no MANPATH: the units must pass with no man page installed.
mkdir -p "$TMP/run"
chmod 700 "$TMP/run"
units="$XDG_CONFIG_HOME/systemd/user"
for every in 5 1 13; do
    run env XDG_STATE_HOME="$state" "$BIN" cron --systemd --install --notify --every "$every" \
        --config "$config"
    expect_status 0
    expect_out "Now run: systemctl --user daemon-reload && systemctl --user enable --now calmlegs-remind.timer"
    check; [ -f "$units/calmlegs-remind.service" ] && [ -f "$units/calmlegs-remind.timer" ] ||
        fail "the units are not in $units"
    # systemd takes '%' for a specifier: "%%" is one '%' (verify does not catch a lone one).
    check; grep -qF -- '--config "'"$TMP"'/calm 50%%.toml"' "$units/calmlegs-remind.service" ||
        fail "the --config path is not quoted for systemd"
    check; grep -qxF "OnCalendar=*:0/$every" "$units/calmlegs-remind.timer" ||
        fail "the timer does not run every $every minutes"
    run env XDG_RUNTIME_DIR="$TMP/run" systemd-analyze verify --user \
        "$units/calmlegs-remind.service" "$units/calmlegs-remind.timer"
    expect_status 0
    # verify passes unknown keys and bad values with a warning: none is allowed.
    check; [ ! -s "$TMP/err" ] || fail "systemd-analyze verify warns"
done
# The calendar spec is systemd's every 13 minutes of each hour.
run systemd-analyze calendar '*:0/13'
expect_status 0
expect_out "Normalized form: *-*-* *:00/13:00"

run "$BIN" cron --systemd --uninstall
expect_status 0
expect_out "uninstalled: removed $units/calmlegs-remind.service and $units/calmlegs-remind.timer."
check; [ ! -e "$units/calmlegs-remind.service" ] && [ ! -e "$units/calmlegs-remind.timer" ] ||
    fail "a unit was left behind"

finish
