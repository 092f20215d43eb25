#!/usr/bin/env python3
"""End-to-end under a pseudo-terminal: quitting a routine with q, Ctrl-C, SIGTERM and SIGHUP,
and suspending it with Ctrl-Z, always leaves the terminal exactly as it was (`stty -a`) with
the cursor visible, and exits with 130, 130, 143 and 129.

Usage: pty_control.py BINARY SOURCE_DIR
"""
import atexit
import os
import pty
import select
import shutil
import signal
import sys
import tempfile
import termios
import time

BIN, SRC = sys.argv[1], sys.argv[2]
# Every scenario's files (stty -a before, during, after) in one directory, removed at the end.
WORK = tempfile.mkdtemp()
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
failures = []
checks = 0


def check(ok, message):
    global checks
    checks += 1
    if not ok:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def read_until(fd, wanted, buffer, start=0, timeout=30.0):
    """Reads from the pty into `buffer` (in place) until `wanted` (bytes) appears at or after
    `start`, the pty closes, or `timeout` seconds pass. The timeout only bounds a failing run:
    every wait here is for something the program or the shell prints, never for a time."""
    end = time.monotonic() + timeout
    while buffer.find(wanted, start) == -1 and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the shell and all it ran have closed the pty
                break
            if not chunk:
                break
            buffer.extend(chunk)
    return buffer.find(wanted, start) != -1


def read_to_end(fd, buffer, timeout=30.0):
    """Reads until the pty closes (the shell exited); False if it did not within `timeout`."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return True
            if not chunk:
                return True
            buffer.extend(chunk)
    return False


def wait_for_exit(pid, timeout=30.0):
    """Waits for the shell to exit; kills it only if it has not within `timeout`."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return True
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return False


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
    work = tempfile.mkdtemp(dir=WORK)
    # The script runs with job control (set -m), as an interactive shell would, so that Ctrl-Z
    # really stops calmlegs and `fg` brings it back. Each `stty -a` is written before the
    # marker that says so is printed, and the harness waits for the markers, never for a time.
    script = (
        "set -m\n"
        f"stty -a > {work}/before\n"
        f"LANG=C.UTF-8 TERM=xterm XDG_CONFIG_HOME={work} '{BIN}' breathe coherent --no-bell\n"
        "s=$?\n"
        f"if [ \"$s\" = 148 ]; then stty -a > {work}/during; echo during-saved; fg; s=$?; fi\n"
        f"stty -a > {work}/after\n"
        "echo \"status=$s\"\n"
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
        check(read_to_end(fd, buffer), f"{name}: the shell did not finish")
    finally:
        exited = wait_for_exit(pid)
        os.close(fd)
    check(exited, f"{name}: the shell did not exit")
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


# The display is up and raw mode is on (checked before each action), so a key is read and a
# signal is caught from here on: no action needs to wait first.
def press(key):
    def action(pid, fd, buffer):
        os.write(fd, key)
    return action


def send(signal_number):
    def action(pid, fd, buffer):
        target = child_of(pid)
        check(target is not None, "could not find the calmlegs process")
        if target:
            os.kill(target, signal_number)
    return action


def suspend_and_quit(pid, fd, buffer):
    """Ctrl-Z: the terminal is given back while stopped (the shell's `stty -a` then matches the
    one before the run); `fg` takes it again; q quits."""
    mark = len(buffer)
    os.write(fd, b"\x1a")
    # The shell saw calmlegs stop (exit status 148) and saved `stty -a` before saying so.
    check(read_until(fd, b"during-saved", buffer, mark),
          "Ctrl-Z did not stop calmlegs (the shell never saw it stop)")
    saved = buffer.find(b"during-saved", mark)
    check(buffer.rfind(b"\x1b[?1049l", mark, max(saved, mark)) != -1,
          "on Ctrl-Z the alternate screen was not left before the stop")
    before = open(os.path.join(current_work, "before")).read()
    during = os.path.join(current_work, "during")
    check(os.path.exists(during) and open(during).read() == before,
          "while stopped, stty -a differs from before the run")
    # fg: calmlegs takes raw mode back, then redraws on the alternate screen.
    check(read_until(fd, b"\x1b[?1049h", buffer, max(saved, mark)),
          "after fg the display did not come back")
    check(not (termios.tcgetattr(fd)[3] & termios.ICANON), "after fg raw mode was not back")
    os.write(fd, b"q")


current_work = ""


# q is the person's own choice (Stopped); a signal is an interruption (Interrupted).
for name, action, expected, summary in [
    ("q", press(b"q"), "130", "Stopped: Coherent breathing, 0 of 1 step done in"),
    ("Ctrl-C", press(b"\x03"), "130", "Interrupted: Coherent breathing, 0 of 1 step done in"),
    ("SIGTERM", send(signal.SIGTERM), "143", "Interrupted: Coherent breathing, 0 of 1 step done in"),
    ("SIGHUP", send(signal.SIGHUP), "129", "Interrupted: Coherent breathing, 0 of 1 step done in"),
    ("Ctrl-Z then q", suspend_and_quit, "130", "Stopped: Coherent breathing, 0 of 1 step done in"),
]:
    status, text = scenario(name, action)
    check(status == expected, f"{name}: exit status {status}, expected {expected}")
    check(summary in text, f"{name}: the summary should read '{summary} ...'")

# The reader of the output goes away (`| head -3`) while keys are read from the terminal: the
# run stops, and the terminal is given back all the same.
def piped_scenario():
    work = tempfile.mkdtemp(dir=WORK)
    script = (
        f"stty -a > {work}/before\n"
        f"LANG=C.UTF-8 XDG_CONFIG_HOME={work} '{BIN}' breathe 1-1 --cycles 30 --no-bell | head -3\n"
        "s=$?\n"
        f"stty -a > {work}/after\n"
        "echo \"status=$s\"\n"
    )
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("sh", ["sh", "-c", script])
    buffer = bytearray()
    check(read_to_end(fd, buffer), "| head: the shell did not finish")
    check(wait_for_exit(pid), "| head: the shell did not exit")
    os.close(fd)
    check(b"status=" in buffer, "| head: the pipeline did not end")
    check(open(f"{work}/before").read() == open(f"{work}/after").read(),
          "| head: stty -a changed")


piped_scenario()

# Pause and resume with space, then skip with n: the routine ends normally.
def pause_skip(pid, fd, buffer):
    mark = len(buffer)
    os.write(fd, b" ")
    check(read_until(fd, b"Paused", buffer, mark), "space did not pause")
    os.write(fd, b" ")
    os.write(fd, b"n")


status, text = scenario("space and n", pause_skip)
check(status == "0", f"space and n: exit status {status}, expected 0")
check("Done: Coherent breathing, 0 of 1 step (1 skipped)" in text, "space and n: no summary")

if failures:
    print(f"{len(failures)} of {checks} checks failed", file=sys.stderr)
    sys.exit(1)
print(f"ok: {checks} checks")
