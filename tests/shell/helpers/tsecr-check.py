#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""tsecr-check CLIENT_CAP ROUTER_CAP SERVER_CAP SERVER_PORT

Reads three "tcpdump -n -S -tt" captures of connections through a SYN proxy
(taken on the client's link, on the router's server-side link and on the
server's link) and checks the timestamps:
 1. on the router's server-side link, the TSecr of the proxy's ACK that
    completes the server-side handshake equals the TSval of the server's
    SYN/ACK, for every connection;
 2. the client never sees one of the server's raw TSvals;
 3. every TSecr the server receives (after its SYN/ACK) is one of its own
    TSvals, and every TSecr the client receives is one of its own.
Prints one line per finding; exit 1 if any check failed.
"""
import re
import sys

PKT = re.compile(r"(?P<src>\S+)\.(?P<sport>\d+) > (?P<dst>\S+)\.(?P<dport>\d+): "
                 r"Flags \[(?P<flags>[^\]]*)\].*?TS val (?P<val>\d+) ecr (?P<ecr>\d+)")


def read(path, port):
    out = []
    for line in open(path, errors="replace"):
        m = PKT.search(line)
        if not m:
            continue
        d = m.groupdict()
        d["to_server"] = int(d["dport"]) == port
        d["conn"] = d["sport"] if d["to_server"] else d["dport"]
        d["val"], d["ecr"] = int(d["val"]), int(d["ecr"])
        out.append(d)
    return out


def main():
    cli, rtr, srv = (read(p, int(sys.argv[4])) for p in sys.argv[1:4])
    bad = 0
    # 1. the proxy's ACK after each server SYN/ACK, on the router's link
    synack = {}
    acks = 0
    for p in rtr:
        if not p["to_server"] and p["flags"] == "S.":
            synack[p["conn"]] = p["val"]
        elif p["to_server"] and p["flags"] == "." and p["conn"] in synack:
            want = synack.pop(p["conn"])
            acks += 1
            if p["ecr"] == want:
                print("ok: port %s: proxy ACK TSecr %d = server SYN/ACK TSval" % (p["conn"], p["ecr"]))
            else:
                print("FAILED: port %s: proxy ACK TSecr %d, server SYN/ACK TSval %d (2*val-ecr would be %d)"
                      % (p["conn"], p["ecr"], want, 2 * want))
                bad = 1
    if acks == 0:
        print("FAILED: no proxy ACK found on the router's server-side link")
        bad = 1
    # 2./3. views of both ends
    srv_vals = {p["val"] for p in srv if not p["to_server"]}
    cli_vals = {p["val"] for p in cli if p["to_server"]}
    leaked = [p for p in cli if not p["to_server"] and p["val"] in srv_vals]
    if leaked:
        print("FAILED: the client saw %d raw server TSvals (first %d)" % (len(leaked), leaked[0]["val"]))
        bad = 1
    else:
        print("ok: the client saw none of %d raw server TSvals" % len(srv_vals))
    wrong = [p for p in srv if p["to_server"] and "S" not in p["flags"] and p["ecr"] not in srv_vals]
    if wrong:
        print("FAILED: the server got %d TSecr values it never sent (first %d)" % (len(wrong), wrong[0]["ecr"]))
        bad = 1
    else:
        print("ok: every TSecr the server got (%d packets) is its own" %
              sum(1 for p in srv if p["to_server"]))
    wrong = [p for p in cli if not p["to_server"] and p["ecr"] not in cli_vals]
    if wrong:
        print("FAILED: the client got %d TSecr values it never sent (first %d)" % (len(wrong), wrong[0]["ecr"]))
        bad = 1
    else:
        print("ok: every TSecr the client got (%d packets) is its own" %
              sum(1 for p in cli if not p["to_server"]))
    return bad


if __name__ == "__main__":
    sys.exit(main())
