# SPDX-License-Identifier: GPL-2.0-only
"""Reader of nftables' tests/py formats and the nft driver used by the
pytest runner (test_rules.py).

A .t file:
    :NAME;type filter hook input priority 0     a chain (base or regular)
    *FAMILY;TABLE;CHAIN[,CHAIN...]              a table the rules go into
    !NAME type ipv4_addr;ok                     a set or map, declared in
                                                every table
    %NAME type synproxy mss 1460;ok             a named object
    RULE;ok                                     must load and list as RULE
    RULE;ok;LISTING                             must load and list as LISTING
    RULE;fail                                   must be refused
    - RULE;ok                                   disabled
Lines starting with # are comments.

Next to it: FILE.t.payload[.FAMILY] holds "# RULE" followed by the expected
--debug=netlink lines; FILE.t.json holds "# RULE" followed by the rule's
JSON statements; FILE.t.json.output the same where the listing differs.
"""

import json
import os
import re
import shlex
import shutil
import subprocess

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def nft_binary():
    """The nft under test: $NFT, a command with arguments (as nftables'
    tests take it: NFT="valgrind --error-exitcode=1 build/nftx"), else nftx
    once built, else the system's nft."""
    nft = os.environ.get("NFT")
    if nft:
        return nft
    nftx = os.path.join(TOP, "build", "nftx")
    if os.access(nftx, os.X_OK):
        return nftx
    return shutil.which("nft") or "/usr/sbin/nft"


def nft_command():
    """nft_binary() as an argv prefix"""
    return shlex.split(nft_binary())


_have_nftx = None


def have_nftx():
    """Whether the nft under test is nftx: $NFT_TEST_HAVE_nftx (y or n) if
    the runner set it, else whether "nft -V" names nftx."""
    global _have_nftx
    if _have_nftx is None:
        env = os.environ.get("NFT_TEST_HAVE_nftx")
        if env:
            _have_nftx = env == "y"
        else:
            p = subprocess.run(nft_command() + ["-V"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
            _have_nftx = any(l.strip().startswith("nftx:")
                             for l in p.stdout.splitlines())
    return _have_nftx


class Rule:
    def __init__(self, path, lineno, text, verdict, listing):
        self.path, self.lineno = path, lineno
        self.text, self.verdict = text, verdict
        self.listing = listing if listing is not None else text


class TFile:
    def __init__(self, path):
        self.path = path
        self.chains = {}        # name -> spec ("type filter hook ...") or ""
        self.tables = []        # (family, table, [chains])
        self.sets = []          # (name, spec, verdict)
        self.objects = []       # (name, type, args, verdict)
        self.rules = []
        self._parse()
        self.payload = {}
        self.json = read_records(path + ".json", json_records=True)
        self.json_output = read_records(path + ".json.output",
                                        json_records=True)
        self.has_json = os.path.exists(path + ".json")

    def _parse(self):
        with open(self.path) as f:
            for n, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if line.startswith("- "):
                    continue
                if line.startswith(":"):
                    name, _, spec = line[1:].partition(";")
                    self.chains[name.strip()] = spec.strip()
                elif line.startswith("*"):
                    fam, table, chains = line[1:].split(";")
                    self.tables.append((fam.strip(), table.strip(),
                                        [c.strip() for c in
                                         chains.split(",")]))
                elif line.startswith("!"):
                    body, verdict = line[1:].rsplit(";", 1)
                    name, spec = body.split(None, 1)
                    self.sets.append((name, spec, verdict.strip()))
                elif line.startswith("%"):
                    body, verdict = line[1:].rsplit(";", 1)
                    name, _type, otype, args = (body.split(None, 3) + [""])[:4]
                    self.objects.append((name, otype, args, verdict.strip()))
                else:
                    parts = line.split(";")
                    if len(parts) < 2 or parts[1].strip() not in ("ok",
                                                                  "fail"):
                        raise ValueError("%s:%d: cannot parse %r" %
                                         (self.path, n, line))
                    listing = ";".join(parts[2:]) if len(parts) > 2 else None
                    self.rules.append(Rule(self.path, n, parts[0],
                                           parts[1].strip(), listing))

    def payload_for(self, family):
        if family not in self.payload:
            p = "%s.payload.%s" % (self.path, family)
            if not os.path.exists(p):
                p = self.path + ".payload"
            self.payload[family] = read_records(p)
        return self.payload[family]


def read_records(path, json_records=False):
    """Read "# RULE" records: returns {rule: [record, ...]}; a record is a
    list of lines (payload) or a parsed JSON value."""
    out = {}
    if not os.path.exists(path):
        return out
    key, buf = None, []

    def flush():
        if key is None:
            return
        lines = buf[:]
        while lines and not lines[-1].strip():
            lines.pop()
        if json_records:
            out.setdefault(key, []).append(json.loads("\n".join(lines)))
        else:
            out.setdefault(key, []).append(lines)

    with open(path) as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("# "):
                flush()
                key, buf = line[2:], []
            elif key is not None:
                if not json_records and not line.strip():
                    flush()
                    key, buf = None, []
                else:
                    buf.append(line)
    flush()
    return out


def run(args, stdin=None):
    p = subprocess.run(nft_command() + args, input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    return p.returncode, p.stdout, p.stderr


HANDLE = re.compile(r" # handle (\d+)$")


NOISE = re.compile(r"^((add|insert) rule |netlink event: |# new generation )")


def debug_lines(out):
    """--debug=netlink output of one add rule, without --echo's lines."""
    return [line.rstrip() for line in out.splitlines()
            if line.strip() and not NOISE.match(line)]


def debug_blocks(out):
    """--debug=netlink output of a batch of add rules: one list of lines
    per rule, in order (a rule's anonymous sets come before its header)."""
    blocks, cur = [], []
    for line in out.splitlines():
        if NOISE.match(line):
            continue
        if not line.strip():
            if cur:
                blocks.append(cur)
            cur = []
            continue
        cur.append(line.rstrip())
    if cur:
        blocks.append(cur)
    return blocks


def echo_handles(out):
    """Handles of the rules --echo printed, in order."""
    hs = []
    for line in out.splitlines():
        m = HANDLE.search(line)
        if m and re.match(r"^(add|insert) rule ", line):
            hs.append(int(m.group(1)))
    return hs


def echo_handle(out):
    hs = echo_handles(out)
    return hs[0] if hs else None


def listing_by_handle(text):
    """Rules of "nft -a list table": {handle: rule text}."""
    rules = {}
    for line in text.splitlines():
        m = HANDLE.search(line)
        if not m:
            continue
        body = line[:m.start()].strip()
        if body.startswith(("chain ", "table ", "set ", "map ")) or \
                body.endswith("{"):
            continue
        rules[int(m.group(1))] = body
    return rules


def json_rules(text):
    """Rules of "nft -j -a list table": {handle: expr list}."""
    data = json.loads(text)
    out = {}
    for obj in data.get("nftables", []):
        r = obj.get("rule")
        if r is not None:
            out[r["handle"]] = r["expr"]
    return out
