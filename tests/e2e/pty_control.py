#!/usr/bin/env python3
"""End-to-end under a pseudo-terminal: quitting a routine with q, Ctrl-C, SIGTERM and SIGHUP,
and suspending it with Ctrl-Z, always leaves the terminal exactly as it was (`stty -a`) with
the cursor visible, and exits with 130, 130, 143 and 129.

Usage: pty_control.py BINARY SOURCE_DIR
"""
import os
import pty
import select
import signal
import sys
import tempfile
import termios
import time

BIN, SRC = sys.argv[1], sys.argv[2]
failures = []
checks = 0


def check(ok, message):
    global checks
    checks += 1
    if not ok:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def read_until(fd, wanted, buffer, timeout=10.0):
    """Reads from the pty until `wanted` (bytes) has appeared, or the time is up."""
    end = time.monotonic() + timeout
    while wanted not in buffer and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buffer.extend(chunk)
    return wanted in buffer


def child_of(pid, name="calmlegs"):
    """The pid of the process named `name` whose parent is `pid`, if any."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        if int(fields[1]) == pid and comm == name:
            return int(entry)
    return None


def state_of(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0]


def scenario(name, action):
    """Runs a routine in a fresh pty from a small shell script, does `action` once the display
    is up, and checks the terminal afterwards."""
    work = tempfile.mkdtemp()
    # The script runs with job control (set -m), as an interactive shell would, so that Ctrl-Z
    # really stops calmlegs and `fg` brings it back.
    script = (
        "set -m\n"
        f"stty -a > {work}/before\n"
        f"LANG=C.UTF-8 TERM=xterm XDG_CONFIG_HOME={work} '{BIN}' breathe coherent --no-bell\n"
        "s=$?\n"
        f"if [ \"$s\" = 148 ]; then stty -a > {work}/during; fg; s=$?; fi\n"
        "echo \"status=$s\"\n"
        f"stty -a > {work}/after\n"
    )
    global current_work
    current_work = work
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("sh", ["sh", "-c", script])
    buffer = bytearray()
    try:
        started = read_until(fd, b"\x1b[?1049h", buffer) and read_until(fd, b"Breathe in", buffer)
        check(started, f"{name}: the display did not start")
        settings = termios.tcgetattr(fd)  # the pty's settings while the routine runs
        check(not (settings[3] & termios.ICANON), f"{name}: the routine did not take raw mode")
        action(pid, fd, buffer)
        read_until(fd, b"status=", buffer)
        read_until(fd, b"\n", buffer[buffer.find(b"status="):] if b"status=" in buffer else buffer, 2)
        time.sleep(0.2)
        read_until(fd, b"\x00", buffer, 0.3)  # drain what is left
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    text = buffer.decode("utf-8", "replace")
    status = text.split("status=")[1].split()[0] if "status=" in text else None
    try:
        before = open(f"{work}/before").read()
        after = open(f"{work}/after").read()
    except OSError:
        before, after = "before", "missing"
    check(before == after, f"{name}: stty -a changed:\n--- before\n{before}--- after\n{after}")
    hidden = text.rfind("\x1b[?25l")
    shown = text.rfind("\x1b[?25h")
    check(hidden != -1 and shown > hidden, f"{name}: the cursor was not shown again")
    left = text.rfind("\x1b[?1049l")
    check(left > text.rfind("\x1b[?1049h"), f"{name}: the alternate screen was not left")
    return status, text


def press(key):
    def action(pid, fd, buffer):
        time.sleep(0.3)
        os.write(fd, key)
    return action


def send(signal_number):
    def action(pid, fd, buffer):
        time.sleep(0.3)
        target = child_of(pid)
        check(target is not None, "could not find the calmlegs process")
        if target:
            os.kill(target, signal_number)
    return action


def suspend_and_quit(pid, fd, buffer):
    """Ctrl-Z: the terminal is given back while stopped (the shell's `stty -a` then matches the
    one before the run); `fg` takes it again; q quits."""
    time.sleep(0.3)
    mark = len(buffer)
    os.write(fd, b"\x1a")
    during = os.path.join(current_work, "during")
    deadline = time.monotonic() + 5
    while not os.path.exists(during) and time.monotonic() < deadline:
        read_until(fd, b"\x00", buffer, 0.05)
    check(os.path.exists(during), "Ctrl-Z did not stop calmlegs (the shell never saw it stop)")
    read_until(fd, b"\x00", buffer, 0.2)  # what was written before the stop may still be in transit
    check(buffer.rfind(b"\x1b[?1049l") > mark, "on Ctrl-Z the alternate screen was not left")
    time.sleep(0.2)
    before = open(os.path.join(current_work, "before")).read()
    check(os.path.exists(during) and open(during).read() == before,
          "while stopped, stty -a differs from before the run")
    left_at = buffer.rfind(b"\x1b[?1049l")
    deadline = time.monotonic() + 5
    while buffer.rfind(b"\x1b[?1049h") < left_at and time.monotonic() < deadline:
        read_until(fd, b"\x00", buffer, 0.05)
    check(buffer.rfind(b"\x1b[?1049h") > left_at, "after fg the display did not come back")
    time.sleep(0.3)
    check(not (termios.tcgetattr(fd)[3] & termios.ICANON), "after fg raw mode was not back")
    os.write(fd, b"q")


current_work = ""


for name, action, expected in [
    ("q", press(b"q"), "130"),
    ("Ctrl-C", press(b"\x03"), "130"),
    ("SIGTERM", send(signal.SIGTERM), "143"),
    ("SIGHUP", send(signal.SIGHUP), "129"),
    ("Ctrl-Z then q", suspend_and_quit, "130"),
]:
    status, text = scenario(name, action)
    check(status == expected, f"{name}: exit status {status}, expected {expected}")
    check("Stopped: Coherent breathing" in text or "Interrupted: Coherent breathing" in text,
          f"{name}: no summary after the run")

# The reader of the output goes away (`| head -3`) while keys are read from the terminal: the
# run stops, and the terminal is given back all the same.
def piped_scenario():
    work = tempfile.mkdtemp()
    script = (
        f"stty -a > {work}/before\n"
        f"LANG=C.UTF-8 XDG_CONFIG_HOME={work} '{BIN}' breathe 1-1 --cycles 30 --no-bell | head -3\n"
        "echo \"status=$?\"\n"
        f"stty -a > {work}/after\n"
    )
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("sh", ["sh", "-c", script])
    buffer = bytearray()
    read_until(fd, b"status=", buffer, 20)
    read_until(fd, b"\x00", buffer, 0.5)
    os.waitpid(pid, 0)
    os.close(fd)
    check(b"status=" in buffer, "| head: the pipeline did not end")
    check(open(f"{work}/before").read() == open(f"{work}/after").read(),
          "| head: stty -a changed")


piped_scenario()

# Pause and resume with space, then skip with n: the routine ends normally.
def pause_skip(pid, fd, buffer):
    time.sleep(0.2)
    os.write(fd, b" ")
    check(read_until(fd, b"Paused", buffer), "space did not pause")
    os.write(fd, b" ")
    time.sleep(0.2)
    os.write(fd, b"n")


status, text = scenario("space and n", pause_skip)
check(status == "0", f"space and n: exit status {status}, expected 0")
check("Done: Coherent breathing, 0 of 1 step (1 skipped)" in text, "space and n: no summary")

if failures:
    print(f"{len(failures)} of {checks} checks failed", file=sys.stderr)
    sys.exit(1)
print(f"ok: {checks} checks")
