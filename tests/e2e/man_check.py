#!/usr/bin/env python3
"""The man pages and the program agree, both ways:

- calmlegs(1) documents exactly the commands of calmlegs' CLI11 model, and for each command
  exactly the options the model gives it (and names its positional argument); the model is
  printed by the test tool calmlegs_cli_model, built from the same setup functions;
- calmlegs-content(5) documents, for each kind of content file, exactly the keys the parsers
  accept in each of its tables, and calmlegs-config(5) those of config.toml. The accepted keys
  are read from the program: a key it does not know, put into every table, is answered with
  "unknown key ...; expected one of: ...", the list the parser itself checks against.

Usage: man_check.py BINARY SOURCE_DIR CLI_MODEL_TOOL
Prints each mismatch as a FAIL line and exits 1 when there is any.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

BIN, SRC, MODEL_TOOL = sys.argv[1], sys.argv[2], sys.argv[3]
MAN = os.path.join(SRC, "man")
WORK = tempfile.mkdtemp()
failures = []
checks = 0


def check(ok, message):
    global checks
    checks += 1
    if not ok:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


# --- Reading a man page ---------------------------------------------------------------------


def unescape(text):
    """The text of a roff string: font changes dropped, \\- as -, special characters as '?'."""
    text = re.sub(r"\\f(\(..|\[[^]]*\]|.)|\\&|\\c", "", text)
    text = re.sub(r"\\\(..|\\\[[^]]*\]", "?", text)
    return text.replace("\\-", "-").replace("\\e", "\\")


def macro_args(line):
    """The arguments of a macro line, grouped by roff's double quotes."""
    rest = line.split(None, 1)[1] if len(line.split(None, 1)) > 1 else ""
    args, i = [], 0
    while i < len(rest):
        if rest[i] == " ":
            i += 1
        elif rest[i] == '"':
            j, arg = i + 1, ""
            while j < len(rest):
                if rest[j] == '"' and rest[j + 1 : j + 2] == '"':
                    arg, j = arg + '"', j + 2
                elif rest[j] == '"':
                    break
                else:
                    arg, j = arg + rest[j], j + 1
            args.append(arg)
            i = j + 1
        else:
            j = rest.find(" ", i)
            j = len(rest) if j == -1 else j
            args.append(rest[i:j])
            i = j
    return args


def parts(line):
    """A text line as (text, bold) parts: .B and the bold halves of .BR/.BI/.RB/.IB are bold."""
    if not line.startswith("."):
        return [(unescape(line), False)]
    name = line.split(None, 1)[0][1:]
    args = [unescape(a) for a in macro_args(line)]
    if name == "B":
        return [(" ".join(args), True)]
    if name in ("BR", "BI", "RB", "IB"):
        first_bold = name[0] == "B"
        return [(a, (k % 2 == 0) == first_bold) for k, a in enumerate(args)]
    return [(" ".join(args), False)]


class Entry:
    """A .TP entry: its term (as parts), the lines of its body, where it is, and the entry that
    owns the .RS it is in, if any."""

    def __init__(self, section, depth, term, owner):
        self.section, self.depth, self.term, self.owner = section, depth, term, owner
        self.body = []

    def bold(self):
        return [text for text, bold in self.term if bold]

    def text(self):
        return "".join(text for text, _ in self.term)


def read_man(path):
    """The .TP entries of a man page, and the lines of each section before its first entry."""
    lines = open(path, encoding="utf-8").read().split("\n")
    entries, intro = [], {}
    section, last, owners, body = "", None, [], None
    entries_in_section = False
    i = 0
    while i < len(lines):
        line = lines[i]
        word = line.split(None, 1)[0] if line.strip() else ""
        if word in (".SH", ".SS"):
            if word == ".SH":
                section = unescape(" ".join(macro_args(line)))
                intro[section] = []
                entries_in_section = False
            last, body = None, None
        elif word == ".TP":
            i += 1
            owner = next((o for o in reversed(owners) if o is not None), None)
            last = Entry(section, len(owners), parts(lines[i]), owner)
            entries.append(last)
            entries_in_section = True
            body = last.body
        elif word == ".RS":
            owners.append(last)
            last, body = None, None
        elif word == ".RE":
            last = owners.pop() if owners else None
            body = None
        elif word in (".PP", ".P", ".LP"):
            last, body = None, None
        elif body is not None:
            body.append(line)
        elif not entries_in_section and section in intro:
            intro[section].append(line)
        i += 1
    return entries, intro


def bold_words(lines):
    words = []
    for line in lines:
        for text, bold in parts(line):
            if bold:
                words.extend(text.split())
    return words


# --- calmlegs(1) against the CLI11 model --------------------------------------------------


def option_words(texts):
    """The option names in some text: --speed, -a (from "-a|--all", "guide --search")."""
    return {w for t in texts for w in re.split(r"[\s|,\[\]]+", t) if re.match(r"^--?[a-z]", w)}


def check_commands():
    model = subprocess.run([MODEL_TOOL], capture_output=True, text=True, check=True).stdout
    commands, options, helps, positionals = [], {}, {}, {}
    root = None
    for line in model.splitlines():
        kind, command, *names = line.split()
        root = root or command
        if kind == "command":
            commands.append(command)
            continue
        table = {"option": options, "help": helps, "positional": positionals}[kind]
        table.setdefault(command, set()).update(names)
    check(root == "calmlegs" and commands, "calmlegs_cli_model printed no model: " + model[:200])

    entries, intro = read_man(os.path.join(MAN, "calmlegs.1"))
    documented, terms, man_options = [], {}, {}
    current = None
    for entry in entries:
        if entry.section == "COMMANDS" and entry.depth == 0:
            current = entry.bold()[0].split()[0] if entry.bold() else None
            if current is not None and current != root:
                if current not in documented:
                    documented.append(current)
                terms.setdefault(current, []).append(entry.text())
        if entry.section == "COMMANDS" and current is not None:
            man_options.setdefault(current, set()).update(option_words(entry.bold()))
        if entry.section == "GLOBAL OPTIONS":
            man_options.setdefault(root, set()).update(option_words(entry.bold()))
    routine_commands = [w for w in bold_words(intro.get("ROUTINE OPTIONS", [])) if w in commands]
    check(routine_commands, "calmlegs.1: ROUTINE OPTIONS names no command it applies to")
    routine_options = set()
    for entry in entries:
        if entry.section == "ROUTINE OPTIONS":
            routine_options |= option_words(entry.bold())
    for command in routine_commands:
        man_options.setdefault(command, set()).update(routine_options)

    for command in commands:
        check(command in documented, f"calmlegs.1 does not document the command {command}")
    for command in documented:
        check(command in commands, f"calmlegs.1 documents a command '{command}' calmlegs lacks")
    # The help flag of every command is documented once, under GLOBAL OPTIONS.
    for command in [root] + commands:
        have = options.get(command, set())
        if command == root:
            have = have | helps.get(command, set())
        man = man_options.get(command, set())
        where = "GLOBAL OPTIONS" if command == root else f"the command {command}"
        check(not have - man, f"calmlegs.1 does not document {sorted(have - man)} for {where}")
        check(not man - have, f"calmlegs.1 documents {sorted(man - have)} for {where}, which "
              "calmlegs does not take")
        for option in sorted(helps.get(command, set())):
            check(option in man_options.get(root, set()),
                  f"calmlegs.1 does not document the help flag {option} under GLOBAL OPTIONS")
        for name in sorted(positionals.get(command, set())):
            check(any(re.search(rf"\b{re.escape(name)}\b", t) for t in terms.get(command, [])),
                  f"calmlegs.1 does not name {name} in the entry of the command {command}")
    return commands


# --- calmlegs-content(5) and calmlegs-config(5) against the parsers -------------------------


def documented_keys(page, kind_of_section):
    """{kind: set of key paths} that a page documents: each .TP entry whose term is bold key
    names followed by their type in brackets ("bell (boolean, default true)"), nested under
    the table entry whose .RS it is in; the keys of a table described in its entry's text
    (".B name" then "(required string)"); and a section's own table ("[[note]] tables")."""
    entries, intro = read_man(os.path.join(MAN, page))
    keys, base_of, path_of = {}, {}, {}
    for section, lines in intro.items():
        kind = kind_of_section(section)
        if kind is None:
            continue
        base = re.match(r"^\[+([a-z_.]+)\]+$", section)
        named = [w for w in bold_words(lines) if re.match(r"^\[+[a-z_.]+\]+$", w)]
        base = base.group(1) if base else (named[0].strip("[]") if named else "")
        keys.setdefault(kind, set())
        if base:
            keys[kind].add(base)
        base_of[section] = base
    for entry in entries:
        kind = kind_of_section(entry.section)
        typed = any(not bold and text.strip().startswith("(") for text, bold in entry.term)
        if kind is None or not typed:
            continue
        prefix = path_of.get(entry.owner, base_of[entry.section])
        names = [name.strip("[]") for name in entry.bold()]
        paths = [n if "." in n else ".".join(p for p in (prefix, n) if p) for n in names]
        keys[kind].update(paths)
        path_of[entry] = paths[0]
        if "table" in entry.text():
            # Keys described in the table's text: ".B name" followed by "(required string)".
            for k in range(len(entry.body) - 1):
                line, after = entry.body[k], entry.body[k + 1]
                if line.startswith(".B ") and after.startswith("("):
                    for path in paths:
                        keys[kind].add(path + "." + unescape(" ".join(macro_args(line))))
    return keys


def toml_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_text(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


class Prober:
    """Writes TOML with a key no parser knows in every table, and reads back, for each table,
    the keys the parser listed as the ones it expects."""

    def __init__(self):
        self.tables = {}  # the unknown key put into a table -> that table's path

    def unknown(self, path):
        name = f"zzqq{len(self.tables)}"
        self.tables[name] = path
        return name

    def inline(self, value, path):
        if isinstance(value, dict):
            items = [f"{json.dumps(k)} = {self.inline(v, path + [k])}" for k, v in value.items()]
            return "{ " + ", ".join(items + [f"{self.unknown(path)} = 0"]) + " }"
        if isinstance(value, list) and value and isinstance(value[0], dict):
            return "[" + ", ".join(self.inline(v, path) for v in value) + "]"
        return toml_text(value)

    def document(self, data):
        lines = [f"{json.dumps(k)} = {self.inline(v, [k])}" for k, v in data.items()]
        return "\n".join(lines + [f"{self.unknown([])} = 0", ""])

    def known(self, messages, kind_of, where):
        """{kind: accepted key paths} from the "unknown key" messages, by the file they are
        about; every table given an unknown key must have been answered."""
        keys, answered = {}, set()
        for file, message in messages:
            found = re.match(r"^unknown key '(zzqq\d+)'; expected one of: (.*)$", message)
            if not found:
                continue
            path = self.tables[found.group(1)]
            answered.add(found.group(1))
            prefix = ".".join(path)
            kind = kind_of(file)
            keys.setdefault(kind, set())
            if prefix:
                keys[kind].add(prefix)
            for key in found.group(2).split(", "):
                keys[kind].add(prefix + "." + key if prefix else key)
        for name, path in self.tables.items():
            check(name in answered,
                  f"{where}: no list of known keys for the table '{'.'.join(path)}'")
        return keys


def run_calmlegs(*args):
    env = dict(os.environ, HOME=os.path.join(WORK, "home"),
               XDG_CONFIG_HOME=os.path.join(WORK, "config"), LC_ALL="C.UTF-8")
    env.pop("CALMLEGS_CONTENT", None)
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL)


def content_kind(relative):
    """The kind of a content file, as its section in calmlegs-content(5) names it."""
    return relative.split("/")[0].removesuffix(".toml")


def accepted_content_keys():
    """The keys the content parsers accept, from every shipped file with an unknown key in
    each of its tables, checked with calmlegs check."""
    copy = os.path.join(WORK, "content")
    prober = Prober()
    # tests/data/keys holds entries with the optional tables no shipped entry has yet.
    for shipped, top, files in [(root, top, files)
                                for root in (os.path.join(SRC, "content"),
                                             os.path.join(SRC, "tests", "data", "keys"))
                                for top, _, files in os.walk(root)]:
        for name in sorted(f for f in files if f.endswith(".toml")):
            relative = os.path.relpath(os.path.join(top, name), shipped)
            with open(os.path.join(shipped, relative), "rb") as file:
                data = tomllib.load(file)
            os.makedirs(os.path.dirname(os.path.join(copy, relative)), exist_ok=True)
            with open(os.path.join(copy, relative), "w", encoding="utf-8") as file:
                file.write(prober.document(data))
    result = run_calmlegs("--content", copy, "--json", "check")
    problems = json.loads(result.stdout)["problems"]
    messages = [(os.path.relpath(p["file"], copy), p["message"]) for p in problems]
    others = [f"{f}: {m}" for f, m in messages if not m.startswith("unknown key 'zzqq")]
    check(not others, "the probed content has other problems: " + "; ".join(others[:5]))
    return prober.known(messages, content_kind, "calmlegs check")


def starter_config():
    """The starter of `calmlegs config --init` with its settings switched on (the "# " taken
    off each "# key = value" and "# [table]" line, as tests/support/starter.h does): every
    table the config takes, nested ones included, with example values."""
    path = os.path.join(WORK, "starter.toml")
    result = run_calmlegs("--config", path, "config", "--init")
    check(result.returncode == 0, "calmlegs config --init failed: " + result.stderr[:200])
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as file:
        text = re.sub(r"^# (\[.*\]|[a-z_]+ = .*)$", r"\1", file.read(), flags=re.M)
    return tomllib.loads(text)


def accepted_config_keys():
    """The keys the config parser accepts: those of every table of the starter config, then
    of any other top-level table the parser names, probed from the top down."""
    keys, data = set(), starter_config()
    probed = set(data)
    while True:
        prober = Prober()
        path = os.path.join(WORK, "config.toml")
        with open(path, "w", encoding="utf-8") as file:
            file.write(prober.document(data))
        result = run_calmlegs("--config", path, "tonight", "--dry-run")
        messages = [("config", m.split(": ", 1)[1]) for m in result.stderr.splitlines()
                    if m.startswith(path + ":") and ": " in m]
        found = prober.known(messages, lambda _: "config", "the config").get("config", set())
        keys |= found
        # Give every top-level key not yet probed a table of its own, to learn its keys.
        new = sorted(k for k in found if "." not in k and k not in probed)
        if not new:
            return {"config": keys}
        for key in new:
            probed.add(key)
            data.setdefault(key, {})


def compare_keys(page, documented, accepted):
    for kind in sorted(set(accepted) | set(documented)):
        have, man = accepted.get(kind, set()), documented.get(kind, set())
        check(kind in documented, f"{page} has no section for the {kind} files")
        check(kind in accepted, f"{page} documents {kind} files, which nothing reads")
        check(not have - man, f"{page} does not document the keys {sorted(have - man)} of {kind}")
        check(not man - have,
              f"{page} documents keys of {kind} the parser refuses: {sorted(man - have)}")


def content_section(section):
    kind = content_kind(section)
    return kind if re.match(r"^[a-z]+(/|\.toml$)", section) else None


def config_section(section):
    return "config" if re.match(r"^\[[a-z_]+\]$", section) else None


try:
    check_commands()
    compare_keys("calmlegs-content(5)", documented_keys("calmlegs-content.5", content_section),
                 accepted_content_keys())
    compare_keys("calmlegs-config(5)", documented_keys("calmlegs-config.5", config_section),
                 accepted_config_keys())
finally:
    shutil.rmtree(WORK, ignore_errors=True)
if failures:
    print(f"{len(failures)} of {checks} checks failed", file=sys.stderr)
    sys.exit(1)
print(f"ok: {checks} checks")
