# SPDX-License-Identifier: GPL-2.0-only
"""The cases of the differential suite (see run-tests and README.md).

A case is {"name": ..., "steps": [...], "files": {src: name}}.  A step is
{"argv": ["nft", ARGS...], "stdin": TEXT, "cwd": DIR, "save": NAME, ...}:
argv[0] stays "nft" for both binaries.  "@CASE@" in argv or stdin is the
per-case directory (also the default cwd); "files" are copied there before
each run.  {"netns": True} switches to a fresh network namespace.  A step
with "gate" that fails with nft skips the "if_loaded" steps, on both runs.
Steps with "nft": False run a helper program (ip), "compare": False keeps
their output out of the comparison.
"""

import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.realpath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")
EXAMPLES = "/usr/share/doc/nftables/examples"
PYDIR = os.path.join(TOP, "tests", "py")
NETNS = {"netns": True}

sys.path.insert(0, HERE)
import cli  # noqa: E402


def nft(*args, **kw):
    step = {"argv": ["nft"] + list(args)}
    step.update(kw)
    return step


def helper(*args, **kw):
    step = {"argv": list(args), "nft": False, "compare": False}
    step.update(kw)
    return step


def ifaces(*names):
    """Setup step: interfaces NAMES, up (veth pairs: the host kernel has
    no dummy driver)."""
    names = list(names)
    if len(names) % 2:
        names.append("nftxpeer")
    cmds = "".join("link add %s type veth peer name %s\n" % (a, b)
                   for a, b in zip(names[::2], names[1::2]))
    cmds += "".join("link set %s up\n" % n for n in names)
    return helper("ip", "-batch", "-", stdin=cmds)


def load_steps(path, cwd=None, setup=(), full=True, echo=True):
    """Load PATH and compare everything about it:
    --debug=netlink -c (payloads, no commit), -e -f (the load, echoed),
    the listings (text, -a, -s, -t, -n, -y, -j), -j -e -f in a fresh
    namespace, and -j -f of the JSON listing in another, listed again.
    full=False leaves out -s/-t/-n/-y; echo=False loads without -e and
    leaves out -j -e."""
    setup = list(setup)
    ifl = {"if_loaded": True, "cwd": cwd}
    steps = setup + [
        nft("--debug=netlink", "-c", "-f", path, cwd=cwd),
        nft(*(["-e"] if echo else []) + ["-f", path], cwd=cwd, gate=True),
        nft("list", "ruleset", **ifl),
        nft("-a", "list", "ruleset", **ifl),
    ]
    if full:
        steps += [nft("-s", "list", "ruleset", **ifl),
                  nft("-t", "list", "ruleset", **ifl),
                  nft("-n", "list", "ruleset", **ifl),
                  nft("-y", "list", "ruleset", **ifl)]
    steps.append(nft("-j", "list", "ruleset", save="listing.json", **ifl))
    if echo:
        steps += [NETNS] + setup + [nft("-j", "-e", "-f", path, **ifl)]
    steps += [NETNS] + setup + [
              nft("-j", "-f", "@CASE@/listing.json", **ifl),
              nft("list", "ruleset", **ifl)]
    return steps


# ---------------------------------------------------------------- examples

def example_cases():
    out = []
    with open(os.path.join(EXAMPLES, "all-in-one.nft")) as f:
        included = set(re.findall(r'^include "\./([^"]+)"', f.read(), re.M))
    for path in sorted(glob.glob(os.path.join(EXAMPLES, "*.nft"))):
        base = os.path.basename(path)
        # run from the examples directory, as documented: all-in-one.nft
        # includes "./inet-filter.nft" and so on
        # -s/-t/-n/-y (a process each) only for all-in-one.nft, which
        # includes most of the others: the guest is slow
        full = base == "all-in-one.nft"
        if base in included:
            # all-in-one.nft loads it with everything else: here only the
            # load, echoed, and two listings
            steps = [nft("-e", "-f", base, cwd=EXAMPLES, gate=True),
                     nft("-a", "list", "ruleset", if_loaded=True),
                     nft("-j", "list", "ruleset", if_loaded=True)]
        else:
            steps = load_steps(base, cwd=EXAMPLES, full=full)
        out.append({"name": "examples/" + base, "steps": steps})
        with open(path) as f:
            text = f.read()
        ifs = sorted(set(re.findall(r"\b((?:eth|bond)[0-9]+)\b", text)))
        if ifs:
            # the same file with the interfaces it names present
            out.append({"name": "examples/%s+ifaces(%s)" % (base,
                                                           ",".join(ifs)),
                        "steps": load_steps(base, cwd=EXAMPLES, full=False,
                                            setup=[ifaces(*ifs)])})
    # by absolute path from another directory: its relative includes
    # are not found
    out.append({"name": "examples/all-in-one.nft(cwd=/)",
                "steps": [nft("-c", "-f",
                              os.path.join(EXAMPLES, "all-in-one.nft"),
                              cwd="/"),
                          nft("-f", os.path.join(EXAMPLES,
                                                 "all-in-one.nft"), cwd="/")]})
    return out


# ---------------------------------------------------------------- tests/py

def parse_t(path):
    """A .t file: chains {name: spec}, tables [(fam, table, [chains])],
    sets/objects, rules [(lineno, text, verdict)].  None if the file
    needs nftx."""
    chains, tables, sets, objects, rules = {}, [], [], [], []
    with open(path) as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        if re.match(r"#\s*requires:\s*nftx\b", line.strip()):
            return None
        if not line.strip() or line.lstrip().startswith("#") or \
                line.startswith("- "):
            continue
        if line.startswith(":"):
            name, _, spec = line[1:].partition(";")
            chains[name.strip()] = spec.strip()
        elif line.startswith("*"):
            fam, table, chs = line[1:].split(";")
            tables.append((fam.strip(), table.strip(),
                           [c.strip() for c in chs.split(",")]))
        elif line.startswith("!"):
            body, verdict = line[1:].rsplit(";", 1)
            name, spec = body.split(None, 1)
            sets.append((n, name, spec, verdict.strip()))
        elif line.startswith("%"):
            body, verdict = line[1:].rsplit(";", 1)
            name, _type, otype, args = (body.split(None, 3) + [""])[:4]
            objects.append((n, name, otype, args, verdict.strip()))
        else:
            parts = line.split(";")
            if len(parts) >= 2 and parts[1].strip() in ("ok", "fail"):
                rules.append((n, parts[0], parts[1].strip()))
    return chains, tables, sets, objects, rules


def t_table(fam, table, chains, spec, sets, objects):
    """Text declaring a .t table: its chains, the sets and objects that
    must load."""
    out = ["table %s %s {" % (fam, table)]
    for c in chains:
        out.append("\tchain %s {" % c)
        if spec.get(c):
            out.append("\t\t%s;" % spec[c])
        out.append("\t}")
    out.append("}")
    for _n, name, sspec, verdict in sets:
        if verdict == "ok":
            kind = "map" if " : " in sspec else "set"
            out.append("add %s %s %s %s { %s; }" % (kind, fam, table, name,
                                                    sspec))
    for _n, name, otype, args, verdict in objects:
        if verdict == "ok":
            out.append("add %s %s %s %s { %s }" % (otype, fam, table, name,
                                                   args))
    return out


# nftx's new syntax (nft-ext/README.md): a stock .t file may hold a rule
# that uses it as a ";fail" case (inet/synproxy.t: "synproxy ... ecn").
# nft refuses it with a syntax error, nftx parses it, by design: such
# rules are not stock input and are left out here.
NFTX_SYNTAX = re.compile(r"\bseqadj\b|\bfail-open\b|\bsynproxy\b.*\becn\b")


def py_cases(gen):
    out = []
    d = os.path.join(gen, "py")
    os.makedirs(d, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(PYDIR, "*", "*.t"))):
        rel = os.path.relpath(path, PYDIR)
        t = parse_t(path)
        if t is None:
            continue
        chains, tables, sets, objects, rules = t
        stem = rel.replace("/", "-")[:-2]
        ok_text = []
        for fam, table, chs in tables:
            ok_text += t_table(fam, table, chs, chains, sets, objects)
            for _n, text, verdict in rules:
                if verdict == "ok" and not NFTX_SYNTAX.search(text):
                    ok_text += ["add rule %s %s %s %s" % (fam, table, c, text)
                                for c in chs]
        if any(v == "ok" for _n, _t, v in rules):
            f = os.path.join(d, stem + ".nft")
            with open(f, "w") as fh:
                fh.write("\n".join(ok_text) + "\n")
            out.append({"name": "py/%s" % rel, "steps": load_steps(f)})
        # every rule, set and object that must fail: one file each (nft
        # does not go on to the kernel after an evaluation error), in every
        # table of the .t file (each error is reported)
        bad = [(n, "rule", text) for n, text, v in rules
               if v == "fail" and not NFTX_SYNTAX.search(text)]
        bad += [(n, "set", (name, spec)) for n, name, spec, v in sets
                if v == "fail"]
        bad += [(n, "obj", (name, ot, args)) for n, name, ot, args, v
                in objects if v == "fail"]
        for n, kind, what in bad:
            text = []
            for fam, table, chs in tables:
                text += t_table(fam, table, chs, chains, sets, objects)
                if kind == "rule":
                    text += ["add rule %s %s %s %s" % (fam, table, c, what)
                             for c in chs]
                    label = what
                elif kind == "set":
                    k = "map" if " : " in what[1] else "set"
                    text.append("add %s %s %s %s { %s; }" % (
                        k, fam, table, what[0], what[1]))
                    label = "set " + what[0]
                else:
                    text.append("add %s %s %s %s { %s }" % (
                        what[1], fam, table, what[0], what[2]))
                    label = "object " + what[0]
            f = os.path.join(d, "%s-%d.nft" % (stem, n))
            with open(f, "w") as fh:
                fh.write("\n".join(text) + "\n")
            out.append({"name": "py/%s:%d: %s;fail" % (rel, n, label),
                        "steps": [nft("-f", f)]})
    return out


# ---------------------------------------------------------------- corpus

def corpus_cases():
    out = []
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.nft"))):
        base = os.path.basename(path)
        with open(path) as f:
            head = f.read(200)
        # "# diff: noecho" in a file: see concat-intervals.nft
        echo = not re.search(r"^# diff:.*\bnoecho\b", head, re.M)
        out.append({"name": "corpus/" + base,
                    "steps": load_steps(base, cwd=CORPUS, echo=echo)})
    # broken inputs: the error output is compared.  A file's first line
    # may say "# args: ..." (the options before -f) and "# setup: FILE"
    # (a ruleset loaded first, in the same namespace).
    for path in sorted(glob.glob(os.path.join(CORPUS, "errors", "*.nft"))):
        rel = os.path.relpath(path, CORPUS)
        args, setup = [], []
        with open(path) as f:
            for line in f.read().split("\n")[:3]:
                m = re.match(r"#\s*args:\s*(.*)", line)
                if m:
                    args = m.group(1).split()
                m = re.match(r"#\s*setup:\s*(\S+)", line)
                if m:
                    setup = [nft("-f", m.group(1), cwd=CORPUS)]
        steps = setup + [nft(*(args + ["-f", rel]), cwd=CORPUS)]
        if setup:
            # the failed transaction changed nothing
            steps.append(nft("list", "ruleset"))
        out.append({"name": "errors/" + os.path.basename(path),
                    "steps": steps})
    return out


def all_cases(gen):
    os.makedirs(gen, exist_ok=True)
    return (cli.cases(nft, helper, NETNS, CORPUS) + example_cases() +
            py_cases(gen) + corpus_cases())
