# SPDX-License-Identifier: GPL-2.0-only
"""A client's SYN for a 4-tuple conntrack already holds an entry of
(tests/shell/helpers/syn-on-entry.py, run in the client's namespace by
synproxy/0014).

  syn-on-entry.py ROUTER-NS SERVER-NS SERVER-ADDR PORT-BASE CASE...

For each CASE the entry of one client port is brought into a state with
forged segments (scapy) and drop rules in the namespaces, then a real
client connects from that port.  A case passes when the proxy answered the
real client's SYN with its cookie SYN/ACK (the synproxy rule's MSS 1400 and
wscale 5, which the server does not use) and a line echoed through the
connection came back (syn-sent: see below).  Cases:

  syn-sent     the server does not answer the proxy's SYN yet (entry
               SYN_SENT) and the client's first SYN comes again, late: the
               proxy answers it, and the connection opens at the server
               when it answers (the client's keep-alive makes the proxy
               send its SYN again)
  close-rst    the server aborts the proxied connection with a reset
               (CLOSE, last reset from the server: the tracker ignores
               a new SYN)
  established  the server aborts the connection, its reset dropped on the
               way (ESTABLISHED, both ends forgot it)
  syn-recv     the proxy's ACK to the server is dropped before conntrack
               sees it and the server restarts (SYN_RECV)
  reuse        a connection the server closed first (TIME_WAIT), the same
               4-tuple opened again at once

One line per case:
  case NAME state=STATE cookie=yes|no works=ok|FAIL secs=S [first=ok|FAIL]
"""
import os
import random
import socket
import subprocess
import sys
import threading
import time

from scapy.all import (IP, IPv6, TCP, AsyncSniffer, conf, send, sr1)

conf.verb = 0
RNS, SNS, SADDR, BASE = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
CASES = sys.argv[5:]
V6 = ":" in SADDR
CADDR = "fd01::1" if V6 else "10.0.1.1"
FAM = socket.AF_INET6 if V6 else socket.AF_INET
NFT = os.environ.get("NFT", "nft").split()
SERVER = r'''
import socket, struct, sys, threading
s = socket.socket(socket.AF_INET6)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
s.bind(("::", 80)); s.listen(64)
def serve(c):
    line = c.makefile("rb").readline()
    if line.startswith(b"ABORT"):
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    else:
        c.sendall(line)
    c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
'''


def ns(name, *cmd, check=True):
    return subprocess.run(["ip", "netns", "exec", name, *cmd], check=check,
                          capture_output=True, text=True).stdout


def nft(name, text):
    subprocess.run(["ip", "netns", "exec", name, *NFT, "-f", "-"], check=True,
                   input=text, text=True)


def hold(server_in="", server_out="", router_rules=""):
    """drop rules: the server's input and output, the router's output
    before conntrack; empty strings remove them"""
    nft(SNS, "table inet hold\ndelete table inet hold\n"
        "table inet hold {\n"
        " chain in { type filter hook input priority -500; %s;}\n"
        " chain out { type filter hook output priority -500; %s;}\n}\n"
        % (server_in, server_out))
    nft(RNS, "table inet hold\ndelete table inet hold\n"
        "table inet hold {\n"
        " chain out { type filter hook output priority -500; %s;}\n}\n"
        % router_rules)


def start_server():
    p = subprocess.Popen(["ip", "netns", "exec", SNS, "/usr/bin/python3",
                          "-c", SERVER], stdout=subprocess.DEVNULL)
    for _ in range(100):
        if ns(SNS, "ss", "-ltnH", "sport = :80").strip():
            return p
        time.sleep(0.1)
    raise SystemExit("server does not listen")


def ct_state(port):
    out = ns(RNS, "conntrack", "-L", "-f", "ipv6" if V6 else "ipv4",
             "-p", "tcp", "--sport", str(port), check=False)
    for word in out.split():
        if word.isupper() and "_" in word or word in ("ESTABLISHED", "CLOSE"):
            return word
    return "none"


def l3():
    return IPv6(src=CADDR, dst=SADDR) if V6 else IP(src=CADDR, dst=SADDR)


def ts_of(pkt):
    for name, val in pkt[TCP].options:
        if name == "Timestamp":
            return val
    return None


def proxy_synack(pkt):
    """the cookie SYN/ACK: the synproxy rule's MSS and window scale"""
    opts = dict((n, v) for n, v in pkt[TCP].options
                if n in ("MSS", "WScale"))
    return pkt[TCP].flags == "SA" and opts.get("MSS") == 1400 and \
        opts.get("WScale") == 5


def syn(port, seq, tsval):
    return l3() / TCP(sport=port, dport=80, flags="S", seq=seq, window=64240,
                      options=[("MSS", 1460), ("SAckOK", b""),
                               ("Timestamp", (tsval, 0)), ("WScale", 7)])


def handshake(port, data=None):
    """the client's side of a proxied handshake, forged; returns the SYN
    and the proxy's SYN/ACK"""
    seq = random.getrandbits(32)
    s = syn(port, seq, 1000)
    sa = sr1(s, timeout=3)
    if sa is None or not proxy_synack(sa):
        raise SystemExit("no cookie SYN/ACK for the forged handshake")
    ts = ts_of(sa)
    ack = l3() / TCP(sport=port, dport=80, flags="A", seq=seq + 1,
                     ack=sa[TCP].seq + 1, window=502,
                     options=[("NOP", None), ("NOP", None),
                              ("Timestamp", (1001, ts[0]))])
    send(ack)
    if data:
        time.sleep(0.5)
        send(l3() / TCP(sport=port, dport=80, flags="PA", seq=seq + 1,
                        ack=sa[TCP].seq + 1, window=502,
                        options=[("NOP", None), ("NOP", None),
                                 ("Timestamp", (1002, ts[0]))]) / data)
    return s, sa


def connect(port):
    """a real connection from PORT: echo a line; (cookie, ok, secs)"""
    started = threading.Event()
    sniff = AsyncSniffer(iface="c0", store=True, started_callback=started.set,
                         filter="tcp and src port 80 and dst port %d" % port)
    sniff.start()
    started.wait(10)
    token = b"line %d\n" % random.getrandbits(32)
    t0 = time.monotonic()
    ok = False
    try:
        c = socket.socket(FAM)
        c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        c.settimeout(8)
        c.bind((CADDR, port))
        c.connect((SADDR, 80))
        c.sendall(token)
        got = b""
        while not got.endswith(b"\n"):
            b = c.recv(100)
            if not b:
                break
            got += b
        ok = got == token
        c.close()
    except OSError as e:
        print("  port %d: %s" % (port, e), file=sys.stderr)
    secs = time.monotonic() - t0
    time.sleep(0.3)
    pkts = sniff.stop()
    synacks = [p for p in pkts if TCP in p and p[TCP].flags == "SA"]
    cookie = bool(synacks) and proxy_synack(synacks[0])
    if os.environ.get("SYN_ON_ENTRY_DEBUG"):
        for p in pkts:
            print("  seen: %s %s" % (p[TCP].flags, p[TCP].options),
                  file=sys.stderr)
    return cookie, ok, secs


def main():
    # the client's TCP answers forged handshakes with resets: not here
    subprocess.run([*NFT, "-f", "-"], check=True, text=True, input=
                   "table inet quiet {\n chain out { type filter hook output "
                   "priority 0; tcp sport %d-%d tcp flags rst drop; }\n}\n"
                   % (BASE, BASE + 99))
    server = start_server()
    try:
        run(server)
    finally:
        SERVERS[-1].kill()


SERVERS = []


def run(server):
    SERVERS.append(server)
    for i, case in enumerate(CASES):
        port = BASE + i
        extra = ""
        if case == "syn-sent":
            # the retransmission of a SYN whose handshake the proxy has
            # taken over: answered again, and the held connection opens
            # once the server answers (the client's keep-alive makes the
            # proxy send its SYN again)
            hold(server_in="tcp sport %d tcp flags syn drop" % port)
            s, sa = handshake(port)
            time.sleep(0.5)
            state = ct_state(port)
            t0 = time.monotonic()
            again = sr1(s, timeout=3)
            cookie = again is not None and proxy_synack(again)
            hold()
            ts = ts_of(sa)
            send(l3() / TCP(sport=port, dport=80, flags="A", seq=s[TCP].seq,
                            ack=sa[TCP].seq + 1, window=502,
                            options=[("NOP", None), ("NOP", None),
                                     ("Timestamp", (1003, ts[0]))]))
            ok = False
            for _ in range(30):
                time.sleep(0.2)
                if ns(SNS, "ss", "-tnH", "state", "established",
                      "dport = :%d" % port).strip():
                    ok = True
                    break
            secs = time.monotonic() - t0
            print("case %s state=%s cookie=%s works=%s secs=%.2f" %
                  (case, state, "yes" if cookie else "no",
                   "ok" if ok else "FAIL", secs), flush=True)
            continue
        elif case == "close-rst":
            hold()
            handshake(port, data=b"ABORT\n")
            time.sleep(0.5)
            state = ct_state(port)
        elif case == "established":
            hold(server_out="tcp dport %d tcp flags rst drop" % port)
            handshake(port, data=b"ABORT\n")
            time.sleep(0.5)
            state = ct_state(port)
        elif case == "syn-recv":
            hold(router_rules="tcp sport %d tcp flags == ack drop" % port)
            handshake(port)
            time.sleep(0.5)
            state = ct_state(port)
            server.kill()
            server.wait()
            server = start_server()
            SERVERS.append(server)
        elif case == "reuse":
            hold()
            cookie, ok, secs = connect(port)
            state = ct_state(port)
            extra = " first=%s" % ("ok" if ok else "FAIL")
        else:
            raise SystemExit("unknown case " + case)
        hold()
        cookie, ok, secs = connect(port)
        print("case %s state=%s cookie=%s works=%s secs=%.2f%s" %
              (case, state, "yes" if cookie else "no", "ok" if ok else "FAIL",
               secs, extra), flush=True)


main()
