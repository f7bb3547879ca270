#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Paced TCP streams and connection probes for the failover tests.

  ha-stream.py server PORT...
      listens on each PORT (IPv4 and IPv6) and serves every connection:
      the client's first line is "up N RATE SEED" (the client sends N
      bytes) or "down N RATE SEED" (the server sends them, RATE bytes/s);
      the receiving side checks the bytes against the pattern SEED makes.

  ha-stream.py client [--deadline S] STREAM... [--probe PROBE...]
                     [--reset RESET...]
      STREAM is NAME,ADDR,PORT,up|down,BYTES,RATE; PROBE is
      NAME,ADDR,PORT,INTERVAL (a new connection that moves 4 kB every
      INTERVAL seconds while the streams run; each has 60 s, as a client
      that retries its SYN would have; a failure is listed as
      ERROR:LOCALPORT@START, START the wall clock time it began).  Prints per stream
      "stream NAME ok|FAILED bytes=N stall=S error=... stalls=D@T,... end=T"
      (stall: the longest time the receiving side waited for data; stalls:
      each wait of more than a second, D seconds ending at wall clock
      time T; end: when the stream ended), per probe
      "probe NAME ok=N failed=M longest=S", and "streams done" at the end.  RESET
      is NAME,ADDR,PORT,FILE: a connection the server sends 20 kB on and
      aborts once FILE exists; "reset NAME ok after=S" when the client saw the reset
      within 3 s (HA_RESET_WITHIN).  Exit
      status 0 when every stream and every probe connection succeeded.

"""
import hashlib
import os
import random
import socket
import struct
import sys
import threading
import time

CHUNK = 1024


def pattern(seed, n):
    """The n bytes a stream with this seed carries (deterministic)."""
    rnd = random.Random(seed)
    out = bytearray()
    while len(out) < n:
        out += rnd.getrandbits(8 * 4096).to_bytes(4096, "little")
    return bytes(out[:n])


# HA_STREAM_HURRY=FILE: a paced sender keeps its last ten seconds' worth
# of bytes back, trickling them (64 bytes a second) until FILE exists,
# then sends the rest at full speed; so a stream lasts until the test says
# it is done, however long its failovers took
HURRY = os.environ.get("HA_STREAM_HURRY")
# HA_RESET_WITHIN: how soon a RESET connection's client must see the reset
RESET_WITHIN = float(os.environ.get("HA_RESET_WITHIN", "3"))
TRICKLE = 32


def send_paced(sk, data, rate):
    start = time.monotonic()
    sent = 0
    looked = 0.0
    hurry = not HURRY
    reserve = int(rate * 10)
    while sent < len(data):
        now = time.monotonic()
        if not hurry and now - looked > 0.2:
            hurry, looked = os.path.exists(HURRY), now
        if not hurry and len(data) - sent <= reserve:
            sent += sk.send(data[sent:sent + TRICKLE])
            time.sleep(0.5)
            continue
        n = sk.send(data[sent:sent + CHUNK])
        sent += n
        due = start + sent / rate
        if due > now and not hurry:
            time.sleep(due - now)


STALLS = {}


def recv_all(sk, n, name):
    """Receive n bytes; return (data, longest gap between reads).  Gaps of
    more than a second are recorded in STALLS[name] as (wall clock time
    the gap ended, seconds)."""
    buf = bytearray()
    last = time.monotonic()
    stall = 0.0
    while len(buf) < n:
        d = sk.recv(min(65536, n - len(buf)))
        if not d:
            raise ConnectionError("closed after %d of %d bytes" % (len(buf), n))
        now = time.monotonic()
        if now - last > 1.0:
            STALLS.setdefault(name, []).append((time.time(), now - last))
        stall = max(stall, now - last)
        last = now
        buf += d
    return bytes(buf), stall


def stalls_text(name):
    return ",".join("%.1f@%.1f" % (d, t) for t, d in STALLS.get(name, [])) or "-"


def readline(sk):
    line = b""
    while not line.endswith(b"\n"):
        d = sk.recv(1)
        if not d:
            raise ConnectionError("closed before the header")
        line += d
    return line.decode().split()


def serve_one(sk):
    try:
        sk.settimeout(300)
        kind, n, rate, seed = readline(sk)
        if kind == "reset":
            # send 20 kB, hold the connection until the file named by
            # seed exists, then abort it (RST)
            sk.sendall(b"r" * 20000)
            while not os.path.exists(seed):
                time.sleep(0.1)
            sk.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return
        n, rate = int(n), float(rate)
        data = pattern(seed, n)
        if kind == "up":
            got, stall = recv_all(sk, n, seed)
            ok = hashlib.sha256(got).digest() == hashlib.sha256(data).digest()
            sk.sendall(("%s %d %.3f %s\n" % ("ok" if ok else "bad", len(got), stall,
                                              stalls_text(seed))).encode())
        else:
            send_paced(sk, data, rate)
            readline(sk)	# the client's verdict, then close
    except (OSError, ValueError, ConnectionError):
        pass
    finally:
        sk.close()


def server(ports):
    socks = []
    for p in ports:
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.bind(("::", int(p)))
        s.listen(128)
        socks.append(s)

    def accept_loop(s):
        while True:
            c, _ = s.accept()
            threading.Thread(target=serve_one, args=(c,), daemon=True).start()
    for s in socks:
        threading.Thread(target=accept_loop, args=(s,), daemon=True).start()
    print("listening", flush=True)
    while True:
        time.sleep(3600)


def connect(addr, port, timeout):
    fam = socket.AF_INET6 if ":" in addr else socket.AF_INET
    sk = socket.socket(fam, socket.SOCK_STREAM)
    sk.settimeout(timeout)
    sk.connect((addr, port))
    return sk


class Stream:
    def __init__(self, spec, deadline):
        name, addr, port, kind, n, rate = spec.split(",")
        self.name, self.addr, self.port, self.kind = name, addr, int(port), kind
        self.n, self.rate, self.deadline = int(n), float(rate), deadline
        self.result = "FAILED bytes=0 stall=0.000 error=not-run"

    def run(self):
        seed = "%s-%d" % (self.name, random.getrandbits(32))
        data = pattern(seed, self.n)
        moved, stall, stalls = 0, 0.0, "-"
        try:
            sk = connect(self.addr, self.port, 30)
            sk.settimeout(self.deadline)
            sk.sendall(("%s %d %.0f %s\n" % (self.kind, self.n, self.rate, seed)).encode())
            if self.kind == "up":
                send_paced(sk, data, self.rate)
                st, got, stall, stalls = readline(sk)
                moved, stall = int(got), float(stall)
                ok = st == "ok" and moved == self.n
            else:
                got, stall = recv_all(sk, self.n, seed)
                stalls = stalls_text(seed)
                moved = len(got)
                ok = got == data
                sk.sendall(b"done\n")
            sk.close()
            err = "none" if ok else "data-differs"
        except (OSError, ValueError, ConnectionError) as e:
            ok, err = False, type(e).__name__
        self.result = "%s bytes=%d stall=%.3f error=%s stalls=%s end=%.1f" % (
            "ok" if ok else "FAILED", moved, stall, err, stalls, time.time())
        self.ok = ok


class Reset:
    """A connection on which the server sends 20 kB, then aborts it (RST)
    once the file TRIGGER exists: the client must see the reset within
    RESET_WITHIN seconds of the trigger."""
    def __init__(self, spec):
        self.name, self.addr, port, self.trigger = spec.split(",")
        self.port = int(port)
        self.result = "FAILED error=not-run"

    def run(self):
        try:
            sk = connect(self.addr, self.port, 30)
            sk.sendall(("reset 0 0 %s\n" % self.trigger).encode())
            recv_all(sk, 20000, None)
            sk.settimeout(0.2)
            seen = None
            end = None
            while True:
                if seen is None and os.path.exists(self.trigger):
                    seen = time.monotonic()
                    end = seen + 30
                if end is not None and time.monotonic() > end:
                    self.result = "FAILED error=no-reset-within-30s"
                    return
                try:
                    d = sk.recv(100)
                except socket.timeout:
                    continue
                if not d:
                    self.result = "FAILED error=closed-without-reset"
                    return
        except ConnectionResetError:
            if seen is None and os.path.exists(self.trigger):
                seen = time.monotonic()
            after = time.monotonic() - seen if seen is not None else -1
            ok = 0 <= after < RESET_WITHIN
            self.result = "%s after=%.2f" % ("ok" if ok else "FAILED", after)
        except (OSError, ValueError) as e:
            self.result = "FAILED error=%s" % type(e).__name__


class Probe:
    def __init__(self, spec):
        name, addr, port, interval = spec.split(",")
        self.name, self.addr, self.port, self.interval = name, addr, int(port), float(interval)
        self.good = self.bad = 0
        self.longest = 0.0
        self.errors = []

    def run(self, stop):
        while not stop.is_set():
            t0 = time.monotonic()
            start = time.time()
            seed = "%s-%d" % (self.name, random.getrandbits(32))
            n = 4096
            sk = None
            lport = 0
            try:
                sk = connect(self.addr, self.port, 60)
                lport = sk.getsockname()[1]	# gone after a reset
                sk.sendall(("up %d 1000000 %s\n" % (n, seed)).encode())
                sk.sendall(pattern(seed, n))
                st, got = readline(sk)[:2]
                sk.close()
                if st == "ok" and int(got) == n:
                    self.good += 1
                    self.longest = max(self.longest, time.monotonic() - t0)
                else:
                    self.bad += 1
                    self.errors.append("data:0@%.1f" % start)
            except (OSError, ValueError, ConnectionError) as e:
                self.bad += 1
                self.errors.append("%s:%d@%.1f" % (type(e).__name__, lport, start))
                if sk is not None:
                    sk.close()
            stop.wait(max(0.0, self.interval - (time.monotonic() - t0)))


def client(args):
    deadline = 600.0
    streams, probes, resets = [], [], []
    i = 0
    target = streams
    while i < len(args):
        a = args[i]
        if a == "--deadline":
            deadline = float(args[i + 1])
            i += 2
            continue
        if a == "--probe":
            target = probes
        elif a == "--reset":
            target = resets
        elif target is resets:
            resets.append(Reset(a))
        elif target is streams:
            streams.append(Stream(a, deadline))
        else:
            probes.append(Probe(a))
        i += 1
    stop = threading.Event()
    th = [threading.Thread(target=s.run) for s in streams + resets]
    pth = [threading.Thread(target=p.run, args=(stop,)) for p in probes]
    for t in th + pth:
        t.start()
    for t in th:
        t.join()
    stop.set()
    for t in pth:
        t.join()
    ok = True
    for s in streams:
        print("stream %s %s" % (s.name, s.result))
        ok = ok and s.result.startswith("ok")
    for r in resets:
        print("reset %s %s" % (r.name, r.result))
        ok = ok and r.result.startswith("ok")
    for p in probes:
        print("probe %s ok=%d failed=%d longest=%.1f%s" % (p.name, p.good, p.bad, p.longest,
                                                       (" errors=" + ",".join(p.errors)) if p.errors else ""))
        ok = ok and p.bad == 0 and p.good > 0
    print("streams done", flush=True)
    return 0 if ok else 1


def burst(addr, port, count, conc):
    """count short connections (100 bytes up, the verdict back), conc at
    a time; prints "burst ok=N failed=M"."""
    lock = threading.Lock()
    res = {"ok": 0, "failed": 0, "next": 0}

    def worker():
        while True:
            with lock:
                if res["next"] >= count:
                    return
                res["next"] += 1
            seed = "b-%d" % random.getrandbits(32)
            try:
                sk = connect(addr, port, 30)
                sk.sendall(("up 100 1000000 %s\n" % seed).encode() + pattern(seed, 100))
                st = readline(sk)[0]
                sk.close()
                good = st == "ok"
            except (OSError, ValueError, ConnectionError):
                good = False
            with lock:
                res["ok" if good else "failed"] += 1
    th = [threading.Thread(target=worker) for _ in range(conc)]
    for t in th:
        t.start()
    for t in th:
        t.join()
    print("burst ok=%d failed=%d" % (res["ok"], res["failed"]), flush=True)
    return 0 if res["failed"] == 0 else 1


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "server":
        server(sys.argv[2:])
        return 0
    if sys.argv[1] == "client":
        return client(sys.argv[2:])
    if sys.argv[1] == "burst":
        return burst(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
