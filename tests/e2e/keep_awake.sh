#!/bin/sh
# End-to-end: a full-screen routine holds off the desktop's idle blanking with
# `systemd-inhibit --what=idle` while it runs, and lets go when it ends, even when it is killed
# outright; piped output and `[cues] keep_awake = false` never start it. A stand-in
# systemd-inhibit on $PATH (this machine need not have a desktop session) logs what it is asked
# and runs its command as the real one does, and a session bus address is set.
. "$(dirname "$0")/lib.sh" "$@"

LOG="$TMP/inhibit.log"
mkdir -p "$TMP/bin" "$XDG_CONFIG_HOME/calmlegs"
cat >"$TMP/bin/systemd-inhibit" <<EOF
#!/bin/sh
# The stand-in: logs its arguments and whether --pid= names its parent (calmlegs), runs the
# command after the options, and logs how it ended. Deaf to the SIGHUP of the pseudo-terminal
# closing (as is its command), so that only calmlegs's SIGTERM, or the command ending, ends it.
trap '' HUP
trap '[ -n "\$child" ] && kill \$child; echo "stopped" >>"$LOG"; exit 0' TERM
child=
args="\$*"
watched=\$(printf '%s\n' "\$@" | sed -n 's/^--pid=//p')
echo "started \$PPID \$args" >>"$LOG"
[ "\$watched" = "\$PPID" ] && echo "watches calmlegs" >>"$LOG"
while [ "\${1#--}" != "\$1" ]; do shift; done
"\$@" &
child=\$!
wait \$child
echo "child ended" >>"$LOG"
EOF
chmod +x "$TMP/bin/systemd-inhibit"
export PATH="$TMP/bin:$PATH" DBUS_SESSION_BUS_ADDRESS="unix:path=$TMP/bus"
unset XDG_RUNTIME_DIR

# wait_for_log TEXT: polls the log for TEXT, up to 20 s (what the stand-in writes comes a
# moment after calmlegs acts): true when it is there.
wait_for_log() {
    for _ in $(seq 200); do
        grep -qF -- "$1" "$LOG" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# A full-screen routine: started with the idle lock's arguments, and stopped at the end.
on_tty 24 80 "$BIN" breathe 2-2 --cycles 1 --speed 8 --no-journal
expect_status 0
expect_out "$(printf '\033[?1049h')"
check; wait_for_log "stopped" || fail "systemd-inhibit was not stopped at the end of the routine"
check; grep -qF -- "--what=idle --who=calmlegs --why=a routine is running --mode=block tail" "$LOG" ||
    fail "systemd-inhibit was not asked for the idle lock: $(cat "$LOG")"
check; grep -qx "watches calmlegs" "$LOG" || fail "its command does not watch calmlegs's pid"
check; [ "$(grep -c '^started' "$LOG")" -eq 1 ] || fail "started more than once: $(cat "$LOG")"
expect_no_err "inhibit"

# start_long: a long routine on a pseudo-terminal, in the background; once the stand-in has
# started, `calmlegs_pid` is calmlegs's pid (the stand-in's parent).
start_long() {
    rm -f "$LOG"
    script -qec "stty rows 24 cols 80; exec '$BIN' breathe 2-2 --cycles 30 --no-journal" \
        /dev/null </dev/null >/dev/null 2>&1 &
    wait_for_log "started" || return 1
    calmlegs_pid=$(sed -n 's/^started \([0-9]*\) .*/\1/p' "$LOG")
}

# SIGTERM (as when the session ends): the run ends through its terminal restore path, and the
# hold is stopped on the way.
check
if start_long; then
    kill -TERM "$calmlegs_pid"
    wait_for_log "stopped" || fail "systemd-inhibit was not stopped after SIGTERM: $(cat "$LOG")"
else
    fail "systemd-inhibit was not started for a long run"
fi
wait

# Killed outright (SIGKILL: no chance to stop it): its command, watching calmlegs's pid, ends
# by itself within a second or two, and the lock with it.
check
if start_long; then
    kill -KILL "$calmlegs_pid"
    wait_for_log "child ended" || fail "the hold outlived a killed calmlegs: $(cat "$LOG")"
else
    fail "systemd-inhibit was not started for a long run"
fi
wait

# Never with piped output, nor with keep_awake = false.
rm -f "$LOG"
run "$BIN" breathe 2-2 --cycles 1 --speed 8 --no-journal
expect_status 0
printf '[cues]\nkeep_awake = false\n' >"$XDG_CONFIG_HOME/calmlegs/config.toml"
on_tty 24 80 "$BIN" breathe 2-2 --cycles 1 --speed 8 --no-journal
expect_status 0
expect_out "$(printf '\033[?1049h')"
# A stand-in started by mistake would have logged at once, half a second before the end.
check; [ ! -e "$LOG" ] || fail "systemd-inhibit started where it should not be: $(cat "$LOG")"

finish
