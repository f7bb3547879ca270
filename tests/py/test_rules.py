# SPDX-License-Identifier: GPL-2.0-only
"""pytest runner for nftables' tests/py .t format.

For every table of every .t file, every rule is added to each chain of the
table with --debug=netlink and --echo; then the table is listed (text and
JSON, stateless (-s) as upstream's nft-test.py lists it) and each rule's
listing, netlink payload and JSON are compared with the expected ones; then the rule is loaded again from its JSON form and
listed back.  A "fail" rule must be refused.  The work for one table is
done once (few nft processes: they are slow under TCG) and each rule is a
test item of its own.

Select .t files with NFTT_FILES (space-separated paths, relative to
tests/py) or pytest's -k.  Mismatches are written for review to
build/logs/py/DIR/FILE.t.payload.got / FILE.t.json.got.
"""

import glob
import json
import os
import re

import pytest

import nftt

HERE = os.path.dirname(os.path.abspath(__file__))
_tfiles = {}
_results = {}


def tfiles():
    sel = os.environ.get("NFTT_FILES")
    if sel:
        paths = [os.path.join(HERE, p) for p in sel.split()]
    else:
        paths = sorted(glob.glob(os.path.join(HERE, "*", "*.t")))
    return paths


def tfile(path):
    if path not in _tfiles:
        _tfiles[path] = nftt.TFile(path)
    return _tfiles[path]


def pytest_generate_tests(metafunc):
    if "case" not in metafunc.fixturenames:
        return
    cases, ids = [], []
    for path in tfiles():
        tf = tfile(path)
        rel = os.path.relpath(path, HERE)
        for ti, (fam, _table, _chains) in enumerate(tf.tables):
            for ri, rule in enumerate(tf.rules):
                cases.append((path, ti, ri))
                ids.append("%s:%d:%s:%s" % (rel, rule.lineno, fam,
                                           rule.text))
    metafunc.parametrize("case", cases, ids=ids)


def chain_decl(fam, table, name, spec):
    if spec:
        return "add chain %s %s %s { %s; }" % (fam, table, name, spec)
    return "add chain %s %s %s" % (fam, table, name)


def setup_table(tf, fam, table, chains):
    cmds = ["flush ruleset", "add table %s %s" % (fam, table)]
    for c in chains:
        if c not in tf.chains:
            return "chain %s is not declared with ':%s;...'" % (c, c)
        cmds.append(chain_decl(fam, table, c, tf.chains[c]))
    for name, spec, verdict in tf.sets:
        kind = "map" if " : " in spec else "set"
        cmds.append("add %s %s %s %s { %s; }" % (kind, fam, table, name,
                                                 spec))
    for name, otype, args, verdict in tf.objects:
        cmds.append("add %s %s %s %s { %s }" % (otype, fam, table, name,
                                                args))
    rc, out, err = nftt.run(["-f", "-"], stdin="\n".join(cmds) + "\n")
    if rc != 0:
        return "table setup failed:\n%s\n%s" % ("\n".join(cmds), err)
    return None


def table_results(path, ti):
    key = (path, ti)
    if key in _results:
        return _results[key]
    tf = tfile(path)
    fam, table, chains = tf.tables[ti]
    res = {"setup": setup_table(tf, fam, table, chains), "rules": {}}
    _results[key] = res
    if res["setup"]:
        return res

    # text: add every rule to every chain, with payload and handle.  The
    # rules that must load go in one batch (nft processes are slow under
    # TCG); if the batch is refused, each rule goes on its own.
    jobs = [(ri, c) for ri, rule in enumerate(tf.rules) for c in chains]
    single = [j for j in jobs if tf.rules[j[0]].verdict != "ok" or
              re.search(r"[;#\n]", tf.rules[j[0]].text)]
    batch = [j for j in jobs if j not in single]
    if batch:
        text = "".join("add rule %s %s %s %s\n" % (fam, table, c,
                                                   tf.rules[ri].text)
                       for ri, c in batch)
        rc, out, err = nftt.run(["--debug=netlink", "-e", "-a", "-f", "-"],
                                stdin=text)
        blocks = nftt.debug_blocks(out)
        handles = nftt.echo_handles(out)
        if rc == 0 and len(blocks) == len(batch) == len(handles):
            for (ri, c), blk, h in zip(batch, blocks, handles):
                res["rules"][(ri, c)] = {"rc": 0, "err": "",
                                         "payload": blk, "handle": h}
        else:
            nftt.run(["-f", "-"], stdin="".join(
                "flush chain %s %s %s\n" % (fam, table, c) for c in chains))
            single = jobs
    for ri, c in single:
        rc, out, err = nftt.run(["--debug=netlink", "-e", "-a", "add",
                                 "rule", fam, table, c, tf.rules[ri].text])
        res["rules"][(ri, c)] = {
            "rc": rc, "err": err, "payload": nftt.debug_lines(out),
            "handle": nftt.echo_handle(out)}
    rc, out, err = nftt.run(["-s", "-a", "list", "table", fam, table])
    res["listing"] = nftt.listing_by_handle(out) if rc == 0 else {}
    res["listing_err"] = err if rc else None
    rc, out, err = nftt.run(["-s", "-j", "-a", "list", "table", fam, table])
    res["json"] = nftt.json_rules(out) if rc == 0 else {}
    res["json_err"] = err if rc else None

    # JSON input: load each ok rule from its JSON form, list it back
    if tf.has_json:
        flush = "\n".join("flush chain %s %s %s" % (fam, table, c)
                          for c in chains)
        nftt.run(["-f", "-"], stdin=flush + "\n")
        jjobs = [(ri, c) for ri, rule in enumerate(tf.rules)
                 if rule.verdict == "ok" and tf.json.get(rule.text)
                 for c in chains]

        def jadd(jobs):
            doc = {"nftables": [{"add": {"rule": {
                "family": fam, "table": table, "chain": c,
                "expr": tf.json[tf.rules[ri].text][0]}}} for ri, c in jobs]}
            rc, out, err = nftt.run(["-j", "-e", "-a", "-f", "-"],
                                    stdin=json.dumps(doc))
            handles = []
            try:
                for o in json.loads(out)["nftables"]:
                    r = o.get("add", {}).get("rule")
                    if r:
                        handles.append(r.get("handle"))
            except (ValueError, KeyError, TypeError):
                pass
            return rc, err, handles

        rc, err, handles = jadd(jjobs) if jjobs else (0, "", [])
        if rc == 0 and len(handles) == len(jjobs):
            for j, h in zip(jjobs, handles):
                res["rules"][j].update({"jrc": 0, "jerr": "", "jhandle": h})
        else:
            for j in jjobs:
                rc, err, handles = jadd([j])
                res["rules"][j].update({"jrc": rc, "jerr": err,
                                        "jhandle": (handles or [None])[0]})
        rc, out, err = nftt.run(["-s", "-a", "list", "table", fam, table])
        res["jlisting"] = nftt.listing_by_handle(out) if rc == 0 else {}
    return res


_written = set()


GOT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "build", "logs",
                   "py")


def write_got(path, rule, fam, body):
    """Record what we got for review, once per rule and family, under
    build/logs/py/ (path: the .t file's, plus .payload.got or .json.got)."""
    path = os.path.join(GOT, os.path.relpath(path, HERE))
    if (path, rule.text, fam) in _written:
        return
    if not _written:
        # a new run: the records of the last one go
        for old in glob.glob(os.path.join(GOT, "*", "*.got")):
            os.unlink(old)
    _written.add((path, rule.text, fam))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "a") as f:
        f.write("# %s\n%s\n\n" % (rule.text, body))


FAMILIES = ("ip", "ip6", "inet", "arp", "bridge", "netdev")


def split_header(lines):
    """(family, table, chain) of a payload record and its other lines."""
    for i, line in enumerate(lines):
        w = line.split()
        if len(w) == 3 and w[0] in FAMILIES and not line[0].isspace():
            return tuple(w), [x.rstrip() for x in lines[:i] + lines[i + 1:]]
    return None, [x.rstrip() for x in lines]


def payload_problem(tf, fam, table, chain, rule, got):
    recs = tf.payload_for(fam).get(rule.text, [])
    cands = [split_header(r) for r in recs]
    cands = [c for c in cands if c[0] and c[0][:2] == (fam, table)]
    if not cands:
        return "no payload record for %s %s in %s.payload" % (fam, table,
                                                             tf.path)
    ghdr, gbody = split_header(got)
    if ghdr != (fam, table, chain):
        return "payload header %r, expected %r" % (ghdr, (fam, table, chain))
    for _hdr, body in cands:
        if body == gbody:
            return None
    return "payload differs:\n  expected:\n    %s\n  got:\n    %s" % (
        "\n    ".join(cands[0][1]), "\n    ".join(gbody))


def requires_nftx(path):
    """A .t file with a '# requires: nftx' line holds syntax that only nftx
    parses; unless the nft under test is nftx (nftt.have_nftx()) its rules
    are skipped (and reported so)."""
    with open(path) as f:
        return any(l.strip() == "# requires: nftx" for l in f)


def test_rule(case):
    path, ti, ri = case
    if requires_nftx(path) and not nftt.have_nftx():
        pytest.skip("%s needs nftx (NFT=%s)" %
                    (os.path.relpath(path, HERE), nftt.nft_binary()))
    tf = tfile(path)
    fam, table, chains = tf.tables[ti]
    rule = tf.rules[ri]
    res = table_results(path, ti)
    assert res["setup"] is None, res["setup"]
    problems = []
    for c in chains:
        r = res["rules"][(ri, c)]
        where = "%s %s %s" % (fam, table, c)
        if rule.verdict == "fail":
            if r["rc"] == 0:
                problems.append("%s: accepted a rule that must be refused"
                                % where)
            continue
        if r["rc"] != 0:
            problems.append("%s: refused: %s" % (where, r["err"].strip()))
            continue
        got = res["listing"].get(r["handle"])
        if got != rule.listing:
            problems.append("%s: listed as %r, expected %r" %
                            (where, got, rule.listing))
        p = payload_problem(tf, fam, table, c, rule, r["payload"])
        if p:
            problems.append("%s: %s" % (where, p))
            write_got(path + ".payload.got", rule, fam,
                      "\n".join(r["payload"]))
        jgot = res["json"].get(r["handle"])
        if not tf.has_json:
            if os.environ.get("NFTT_RECORD"):
                write_got(path + ".json.got", rule, fam,
                          json.dumps(jgot, indent=4))
            continue
        jexp = (tf.json_output.get(rule.text) or
                tf.json.get(rule.text) or [None])[0]
        if jexp is None:
            problems.append("%s: no JSON record in %s.json" %
                            (where, tf.path))
        elif jgot != jexp:
            problems.append("%s: JSON listing %s, expected %s" % (
                where, json.dumps(jgot), json.dumps(jexp)))
            write_got(path + ".json.got", rule, fam,
                      json.dumps(jgot, indent=4))
        if "jrc" in r:
            if r["jrc"] != 0:
                problems.append("%s: JSON input refused: %s" %
                                (where, r["jerr"].strip()))
            else:
                back = res["jlisting"].get(r["jhandle"])
                if back != rule.listing:
                    problems.append("%s: JSON input listed as %r, "
                                    "expected %r" % (where, back,
                                                     rule.listing))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
