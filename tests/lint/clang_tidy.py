#!/usr/bin/env python3
"""Runs clang-tidy (the checks in /.clang-tidy, every finding an error) on each source of src/,
skipping only the sources whose analysis could not come out differently from one already found
clean.

Usage: clang_tidy.py SOURCE_DIR BUILD_DIR CLANG_TIDY [--update] [--all]

A source's key is a SHA-256 of everything clang-tidy's answer depends on: clang-tidy's version,
/.clang-tidy, the source's compile command and the source as the compiler sees it, preprocessed
with every header it includes, ours and the system's, their names, their comments (where the
NOLINTs are) and their macro definitions (`clang++ -E -C -dD`; the source
and build directories are written as placeholders so that a clone elsewhere has the same keys).
Editing a header changes the key of every source that includes it; a new compiler, library
header, flag or check changes them all. The keys of sources found clean are kept in
tests/lint/clean-keys; a source whose key is there was analysed clean with the same inputs and
is skipped (so CI, on a fresh machine, analyses what changed since the last clean run).

--update writes the keys of the sources clean in this run to tests/lint/clean-keys (commit it);
--all (or CALMLEGS_LINT_ALL=1) analyses every source whatever the keys say.
"""
import concurrent.futures
import hashlib
import json
import os
import shlex
import subprocess
import sys

source, build, clang_tidy = (os.path.realpath(p) if i < 2 else p
                             for i, p in enumerate(sys.argv[1:4]))
update = "--update" in sys.argv[4:]
every = "--all" in sys.argv[4:] or os.environ.get("CALMLEGS_LINT_ALL") == "1"
keys_path = os.path.join(source, "tests", "lint", "clean-keys")
src = os.path.join(source, "src") + os.sep


def neutral(text):
    """`text` with the source and build directories as placeholders."""
    return text.replace(build, "@BUILD@").replace(source, "@SOURCE@")


def key_of(unit, version, config):
    """The key of one compile command, or None when it cannot be preprocessed."""
    words = shlex.split(unit["command"]) if "command" in unit else unit["arguments"]
    if "-o" in words:
        at = words.index("-o")
        words = words[:at] + words[at + 2:]
    # -C keeps the comments (NOLINT, argument comments), -dD the macro definitions.
    preprocess = words + ["-E", "-C", "-dD", "-o", "-"]
    done = subprocess.run(preprocess, cwd=unit["directory"], capture_output=True, text=True,
                          errors="replace")
    if done.returncode != 0:
        return None
    digest = hashlib.sha256()
    for part in (version, config, neutral(" ".join(words)), neutral(done.stdout)):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def tidy(unit):
    """clang-tidy's findings on one source ("" when it is clean)."""
    done = subprocess.run([clang_tidy, "--quiet", "-p", build, unit["file"]],
                          capture_output=True, text=True, errors="replace")
    if done.returncode == 0:
        return ""
    return (done.stdout + done.stderr).strip() or f"clang-tidy exited {done.returncode}"


def main():
    with open(os.path.join(build, "compile_commands.json")) as f:
        units = [u for u in json.load(f) if os.path.realpath(u["file"]).startswith(src)]
    if not units:
        print("clang-tidy: no source of src/ in the compile commands", file=sys.stderr)
        return 1
    version = subprocess.run([clang_tidy, "--version"], capture_output=True,
                             text=True).stdout
    # The root's .clang-tidy, and any a directory of src/ adds.
    config = ""
    for root, _, names in sorted(os.walk(source)):
        if ".clang-tidy" in names and (root == source or root.startswith(src)):
            with open(os.path.join(root, ".clang-tidy")) as f:
                config += os.path.relpath(root, source) + "\n" + f.read()
    clean = set()
    if os.path.exists(keys_path) and not every:
        with open(keys_path) as f:
            clean = {line.split()[0] for line in f if line.strip() and not line.startswith("#")}

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        keys = list(pool.map(lambda u: key_of(u, version, config), units))
        todo = [u for u, k in zip(units, keys) if k is None or k not in clean]
        findings = dict(zip((u["file"] for u in todo), pool.map(tidy, todo)))

    failed = {f: text for f, text in findings.items() if text}
    for name, text in sorted(failed.items()):
        print(f"== {os.path.relpath(name, source)}\n{text}\n")
    print(f"clang-tidy: {len(units)} sources of src/: {len(units) - len(todo)} unchanged since "
          f"a clean analysis (tests/lint/clean-keys), {len(todo)} analysed, "
          f"{len(failed)} with findings")
    if update:
        lines = sorted(f"{k} {os.path.relpath(u['file'], source)}\n"
                       for u, k in zip(units, keys) if k and u["file"] not in failed)
        with open(keys_path, "w") as f:
            f.write("# Keys of the sources of src/ that clang-tidy found clean: written by\n"
                    "# tests/lint/clang_tidy.py --update (see its docstring); commit it.\n")
            f.writelines(lines)
        print(f"clang-tidy: {len(lines)} keys written to {os.path.relpath(keys_path, source)}")
    return 1 if failed else 0


sys.exit(main())
