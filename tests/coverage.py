#!/usr/bin/env python3
"""Runs every test of a coverage build, then prints line and branch coverage per directory of
src/ and fails when a directory is below its floor.

Usage: coverage.py SOURCE_DIR BUILD_DIR CTEST

Registered as the one test of the `coverage` test preset (see tests/CMakeLists.txt), so that
`cmake --workflow --preset coverage` configures, builds, runs the suite once with fresh
counters and reports. Branches that only exception handling or unreachable compiler-made code
can take are left out (gcovr --exclude-throw-branches --exclude-unreachable-branches): they
are not decisions of ours.
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

# The floors, in percent of lines and of branches. Every directory of src/ has one; a new
# directory (remind/, journal/) must be added here when it lands, or the report fails.
FLOORS = {
    "src/content": (90.0, 75.0),
    "src/plan": (90.0, 75.0),
    "src/remind": (90.0, 75.0),
    "src/run": (90.0, 75.0),
    "src/ui": (90.0, 75.0),
    "src/cli": (90.0, 75.0),
    "src/journal": (90.0, 75.0),
    "src": (90.0, 75.0),  # main.cpp
}

source, build, ctest = sys.argv[1:4]

# Fresh counters: only this run is counted. Notes (.gcno) of objects the build no longer makes
# (a source moved to another target) would be read against today's sources and break gcovr:
# every object the build makes is in compile_commands.json, and any other notes go.
with open(os.path.join(build, "compile_commands.json")) as f:
    objects = set()
    for unit in json.load(f):
        words = unit["command"].split()
        if "-o" in words:
            objects.add(os.path.normpath(os.path.join(unit["directory"], words[words.index("-o") + 1])))
for root, _, files in os.walk(build):
    for name in files:
        path = os.path.join(root, name)
        stem, extension = os.path.splitext(path)
        if extension in (".gcda", ".gcov"):
            os.remove(path)
        elif extension == ".gcno" and stem + ".o" not in objects:
            os.remove(path)

tests = subprocess.run([ctest, "--test-dir", build, "--exclude-regex", "^coverage$",
                        "--output-on-failure", "--parallel", "2"])
if tests.returncode != 0:
    print("coverage: the tests failed; no report", file=sys.stderr)
    sys.exit(1)

summary = os.path.join(build, "coverage-summary.json")
subprocess.run(["gcovr", "--root", source, "--object-directory", build,
                "--filter", os.path.join(source, "src") + "/",
                "--exclude-throw-branches", "--exclude-unreachable-branches",
                "--json-summary", summary], check=True, stdout=subprocess.DEVNULL)
with open(summary) as f:
    files = json.load(f)["files"]

totals = defaultdict(lambda: [0, 0, 0, 0])  # lines covered, lines, branches covered, branches
for entry in files:
    directory = os.path.dirname(entry["filename"])
    row = totals[directory]
    row[0] += entry["line_covered"]
    row[1] += entry["line_total"]
    row[2] += entry["branch_covered"]
    row[3] += entry["branch_total"]


def percent(covered, total):
    return 100.0 * covered / total if total else 100.0


failures = []
print(f"{'directory':<14}{'lines':>20}{'branches':>20}   floor (lines / branches)")
for directory in sorted(set(totals) | set(FLOORS)):
    lines_covered, lines, branches_covered, branches = totals.get(directory, [0, 0, 0, 0])
    line_pct = percent(lines_covered, lines)
    branch_pct = percent(branches_covered, branches)
    floor = FLOORS.get(directory)
    mark = ""
    if floor is None:
        failures.append(f"{directory} has no floor in tests/coverage.py")
        mark = "  <- no floor"
    elif lines == 0:
        failures.append(f"{directory}: nothing measured (is it built with --coverage?)")
        mark = "  <- nothing measured"
    elif line_pct < floor[0] or branch_pct < floor[1]:
        failures.append(f"{directory}: {line_pct:.1f}% of lines and {branch_pct:.1f}% of "
                        f"branches, below the floor of {floor[0]:.0f}% / {floor[1]:.0f}%")
        mark = "  <- below"
    floor_text = f"{floor[0]:.0f}% / {floor[1]:.0f}%" if floor else "-"
    print(f"{directory:<14}{line_pct:6.1f}% {lines_covered:5}/{lines:<5}"
          f"{branch_pct:6.1f}% {branches_covered:5}/{branches:<5}   {floor_text}{mark}")
all_rows = list(totals.values())
print(f"{'all':<14}{percent(sum(r[0] for r in all_rows), sum(r[1] for r in all_rows)):6.1f}%"
      f"{'':13}{percent(sum(r[2] for r in all_rows), sum(r[3] for r in all_rows)):6.1f}%")
for failure in failures:
    print("coverage: " + failure, file=sys.stderr)
sys.exit(1 if failures else 0)
