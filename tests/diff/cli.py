# SPDX-License-Identifier: GPL-2.0-only
"""Command-line behaviour cases of the differential suite.  Their files
are in corpus/cli/ (the working directory of every step here)."""

import os

NEG_CHAIN = ["add", "chain", "x", "y", "{", "type", "filter", "hook", "input",
             "priority", "-30", ";", "}"]

JSON_TABLE = '{"nftables": [{"add": {"table": {"family": "ip", "name": "jt"}}}]}'
JSON_RULES = ('{"nftables": [{"add": {"chain": {"family": "ip", "table": "jt",'
              ' "name": "c"}}}, {"add": {"rule": {"family": "ip", "table": '
              '"jt", "chain": "c", "expr": [{"match": {"op": "==", "left": '
              '{"payload": {"protocol": "tcp", "field": "dport"}}, "right": '
              '22}}, {"accept": null}]}}}]}')

STDIN_RULESET = """table ip t {
	chain c {
		type filter hook input priority 0; policy accept;
		tcp dport 22 counter accept
		ip saddr { 10.0.0.1, 10.0.0.2 } drop
	}
}
"""

STDIN_BROKEN = """table ip t {
	chain c {
		tcp dport 22 acept
		ip saddr 10.0.0.300 drop
	}
}
"""

SESSION = """add table ip t
add chain ip t c { type filter hook input priority 0; }
add rule ip t c tcp dport 22 accept
list ruleset
add rule ip t nosuch accept
add rule ip t c tcp dport 99999 accept
this is not a command
list table ip t
delete table ip t
list ruleset
quit
"""


def cases(nft, helper, NETNS, corpus):
    d = os.path.join(corpus, "cli")

    def c(name, *steps):
        for s in steps:
            if "argv" in s and not s.get("cwd"):
                s["cwd"] = d
        return {"name": "cli/" + name, "steps": list(steps)}

    return [
        c("help", nft("-h"), nft("--help")),
        c("version", nft("-v"), nft("--version")),
        # -V: nftx adds one line naming itself (documented in nftx(8))
        c("version-extended",
          dict(nft("-V"), nftx_extra_line=r"  nftx:\t\t\S+ \(seqadj, queue fail-open, synproxy ecn\)")),
        c("no-command", nft()),
        c("empty-command", nft(""), nft(";")),
        c("unknown-option", nft("--bogus"), nft("-x"),
          nft("-Z", "list", "ruleset")),
        c("f-missing-arg", nft("-f"), nft("--file")),
        c("f-nonexistent", nft("-f", "/nonexistent"),
          nft("-c", "-f", "/nonexistent/x.nft")),
        c("f-directory", nft("-f", "/")),
        c("f-twice", nft("-f", "small.nft", "-f", "optimize.nft"),
          nft("list", "ruleset")),
        c("f-and-command", nft("-f", "small.nft", "list", "ruleset")),
        c("f-stdin", nft("-f", "-", stdin=STDIN_RULESET),
          nft("-a", "list", "ruleset"),
          nft("--file", "-", stdin="list ruleset\n")),
        c("f-stdin-errors", nft("-f", "-", stdin=STDIN_BROKEN),
          nft("-c", "-f", "-", stdin="add rule ip nosuch c accept\n")),
        c("define", nft("-D", "port=22", "-D", 'ifs={ "lo", "eth0" }',
                        "-D", "net=10.0.0.0/8", "-f", "defines.nft"),
          nft("list", "ruleset")),
        c("define-long", nft("--define", "port={ 22, 80 }", "--define",
                             "ifs=lo", "--define=net=192.168.0.0/16",
                             "-c", "--debug=netlink", "-f", "defines.nft")),
        c("define-missing", nft("-D", "port=22", "-f", "defines.nft")),
        c("define-twice", nft("-D", "port=22", "-f", "define-twice.nft"),
          nft("list", "ruleset")),
        c("define-without-f", nft("-D", "a=b", "list", "ruleset")),
        c("define-bad", nft("-D", "foo", "-f", "small.nft"),
          nft("-D", "=1", "-f", "small.nft"), nft("-D")),
        c("include-I", nft("-I", "inc", "-f", "include.nft"),
          nft("list", "ruleset")),
        c("include-includepath", nft("--includepath", "inc", "-c", "-f",
                                     "include.nft"),
          nft("--includepath=inc", "-c", "-f", "include.nft")),
        c("include-missing", nft("-f", "include.nft"),
          nft("-I", "/nonexistent", "-f", "include.nft"), nft("-I")),
        c("interactive", nft("-i", stdin="list ruleset\nquit\n")),
        c("interactive-session", nft("-i", stdin=SESSION)),
        c("interactive-eof", nft("--interactive",
                                 stdin="add table ip t\nlist tables\n")),
        c("interactive-echo-json", nft("-e", "-a", "-i", stdin=SESSION),
          nft("-j", "-i", stdin=SESSION)),
        c("argv-words", nft("add", "table", "ip", "t"),
          nft("add", "chain", "ip", "t", "c"),
          nft("add", "rule", "ip", "t", "c", "tcp", "dport", "22", "accept"),
          nft("add", "rule", "ip", "t", "c", "ip saddr 1.2.3.4", "drop"),
          nft("list", "ruleset"), nft("-a", "list", "chain", "ip", "t", "c")),
        c("argv-one-word",
          nft("add table ip t; add chain ip t c { type filter hook input "
              "priority 0; }; add rule ip t c udp dport 53 counter accept"),
          nft("list ruleset")),
        c("argv-errors", nft("delete", "table", "ip", "nosuch"),
          nft("list", "table", "ip", "nosuch"),
          nft("add", "rule", "ip", "nosuch", "c", "accept"),
          nft("add", "table", "ip", "t", "extra"),
          nft("add", "rule", "ip", "t", "c", "tcp", "dport", "70000")),
        c("negative-priority", nft("add", "table", "x"), nft(*NEG_CHAIN),
          nft("--", *NEG_CHAIN), nft("list", "ruleset"),
          nft("-y", "list", "ruleset")),
        c("options-after-command", nft("list", "ruleset", "-a"),
          nft("add", "table", "ip", "t", "-e"), nft("list", "ruleset")),
        c("echo-argv", nft("-e", "add", "table", "ip", "t"),
          nft("-e", "-a", "add", "chain", "ip", "t", "c"),
          nft("--echo", "--handle", "add", "rule", "ip", "t", "c",
              "counter", "accept"),
          nft("-j", "-e", "add", "rule", "ip", "t", "c", "tcp", "dport",
              "{", "1,", "2", "}", "drop"),
          nft("-e", "insert", "rule", "ip", "t", "c", "position", "2",
              "ip", "daddr", "1.1.1.1")),
        c("check-argv", nft("-c", "add", "table", "ip", "t"),
          nft("--check", "add", "chain", "ip", "t", "c"),
          nft("list", "ruleset")),
        c("debug-netlink-argv", nft("--debug=netlink", "add", "table", "ip",
                                    "t"),
          nft("-d", "netlink", "add", "chain", "ip", "t", "c"),
          nft("--debug", "netlink", "add", "rule", "ip", "t", "c", "ip",
              "saddr", "{ 1.2.3.4, 5.6.7.0/24 }", "drop"),
          nft("--debug=netlink", "list", "ruleset"),
          nft("--debug=bogus", "list", "ruleset"),
          nft("--debug=netlink,proto-ctx,segtree,eval", "-c", "add", "rule",
              "ip", "t", "c", "tcp dport 22-25 ip saddr 10.0.0.0/8 accept")),
        c("json-argv", nft("-j", JSON_TABLE), nft("-j", JSON_RULES),
          nft("-j", "list", "ruleset"), nft("-j", "-a", "list", "ruleset"),
          nft("-j", "not json"), nft("-j", "list", "table", "ip", "nosuch")),
        c("json-file", nft("-j", "-f", "json-in.json"),
          nft("list", "ruleset"), nft("-j", "-f", "json-bad.json"),
          nft("-j", "-f", "json-syntax.json"), nft("-f", "json-in.json")),
        c("json-stdin", nft("-j", "-e", "-f", "-", stdin=JSON_TABLE),
          nft("-j", "-c", "-f", "-", stdin=JSON_RULES),
          nft("-j", "-f", "-", stdin=JSON_RULES),
          nft("-j", "-s", "-a", "list", "ruleset")),
        c("output-flags", nft("-f", "small.nft"),
          nft("-S", "list", "ruleset"), nft("-u", "list", "ruleset"),
          nft("-p", "list", "ruleset"), nft("-T", "list", "ruleset"),
          nft("-N", "list", "ruleset"), nft("-nn", "list", "ruleset"),
          nft("-nnn", "-a", "-s", "list", "ruleset"),
          nft("--service", "--guid", "--numeric-protocol",
              "--numeric-time", "--numeric-priority", "--stateless",
              "--terse", "list", "ruleset")),
        c("list-commands", nft("-f", "small.nft"), nft("-f", "lists.nft"),
          nft("-a", "-f", "lists.nft"), nft("-j", "-f", "lists.nft"),
          nft("-t", "list", "set", "inet", "small", "s4")),
        c("optimize", nft("-o", "-c", "-f", "optimize.nft"),
          nft("--optimize", "-f", "optimize.nft"), nft("list", "ruleset")),
        c("commands-handles", nft("-f", "../commands.nft"),
          nft("-f", "commands-2.nft"), nft("-a", "list", "chain", "ip",
                                           "cmd", "in"),
          nft("-e", "-a", "-f", "commands-3.nft"),
          nft("-a", "list", "ruleset"),
          nft("-e", "delete", "rule", "ip", "cmd", "in", "handle", "7"),
          nft("list", "counters"), nft("reset", "counters"),
          nft("-j", "reset", "quotas"), nft("-j", "list", "counters"),
          nft("list", "set", "ip", "cmd", "s"),
          nft("list", "map", "ip", "cmd", "m"),
          nft("-j", "-a", "list", "chain", "ip", "cmd", "in"),
          nft("delete", "table", "ip", "cmd"), nft("list", "ruleset")),
        c("check-file", nft("-c", "-f", "optimize.nft"),
          nft("list", "ruleset")),
    ]
