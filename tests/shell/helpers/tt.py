# SPDX-License-Identifier: GPL-2.0-only
# Traffic helper of reliability/0005 and 0006 (paced streams, checksummed
# echo connections, conntrack sampler): see its usage below.
"""checksummed TCP transfers (tests/shell/helpers/tt.py, copied by the reliability traffic tests)

  tt.py server PORT
      listen on [::]:PORT (IPv4 too), one thread per connection.  The
      client's first line says what to do:
        E SIZE                     read SIZE bytes, send back their sha256
                                   (32 bytes) and the bytes themselves
        U SEED SIZE                read to EOF, compare with gen(SEED, SIZE),
                                   answer "OK N" or "BAD N"
        D SEED SIZE CHUNK GAP      send gen(SEED, SIZE), CHUNK bytes every
                                   GAP seconds
  tt.py conns ADDR[,ADDR...] PORT[,PORT...] MIN MAX SIZE TIMEOUT GAP [PID]
      sequential echo connections (E SIZE, random data), going round the
      addresses and ports: at least MIN, then on while process PID lives,
      at most MAX, none started after $TT_DEADLINE seconds.  One line per
      connection:
        conn I START END ADDR RESULT DETAIL port=PORT
      (RESULT: ok, refused, reset, short, corrupt, timeout, error-ERRNO)
      and a summary "conns total=N RESULT=N..."
  tt.py streams SIZE CHUNK GAP TIMEOUT ID,ADDR,PORT,up|down ...
      paced streams, all at once, one thread each; "connected ID TIME" as
      each is established, and at the end one line per stream (with
      $TT_STOP set: streams of CHUNK-byte frames that go on until the file
      $TT_STOP exists and $TT_DUR seconds have passed, SIZE unused):
        stream ID ADDR PORT DIR RESULT GOT WANT T_CONNECTED T_END DETAIL
  tt.py sample PATH INTERVAL STOPFILE
      read the number in PATH every INTERVAL seconds until STOPFILE exists;
      print "max N samples M last L"
"""
import errno
import hashlib
import os
import random
import socket
import struct
import sys
import threading
import time


def gen(seed, size):
    return random.Random(seed).randbytes(size)


def recv_line(s):
    b = b""
    while not b.endswith(b"\n"):
        c = s.recv(1)
        if not c:
            raise EOFError("eof in header")
        b += c
        if len(b) > 200:
            raise ValueError("header too long")
    return b.decode().split()


def recv_to_eof(s, h=None):
    """read until EOF; returns bytes (or, with a hash object h, a count)"""
    parts, n = [], 0
    while True:
        b = s.recv(65536)
        if not b:
            break
        n += len(b)
        if h is not None:
            h.update(b)
        else:
            parts.append(b)
    return n if h is not None else b"".join(parts)


def recv_exact(s, n):
    b = b""
    while len(b) < n:
        x = s.recv(n - len(b))
        if not x:
            raise EOFError("eof after %d of %d bytes" % (len(b), n))
        b += x
    return b


def handle(c):
    try:
        c.settimeout(300)
        hdr = recv_line(c)
        if hdr[0] == "E":
            n = int(hdr[1])
            data = b""
            while len(data) < n:
                b = c.recv(min(65536, n - len(data)))
                if not b:
                    return
                data += b
            c.sendall(hashlib.sha256(data).digest() + data)
        elif hdr[0] == "U":
            seed, size = int(hdr[1]), int(hdr[2])
            h = hashlib.sha256()
            got = recv_to_eof(c, h)
            ok = got == size and h.digest() == hashlib.sha256(gen(seed, size)).digest()
            c.sendall(b"%s %d\n" % (b"OK" if ok else b"BAD", got))
        elif hdr[0] == "UF":
            # framed upload until the client stops: 4-byte lengths, 0 ends
            h, got = hashlib.sha256(), 0
            while True:
                n = struct.unpack("!I", recv_exact(c, 4))[0]
                if n == 0:
                    break
                b = recv_exact(c, n)
                h.update(b)
                got += n
            c.sendall(b"%d %s\n" % (got, h.hexdigest().encode()))
        elif hdr[0] == "DF":
            # framed download until STOPFILE exists and DUR s have passed
            seed, chunk, gap, stop, dur = int(hdr[1]), int(hdr[2]), float(hdr[3]), hdr[4], float(hdr[5])
            rnd, h, t0 = random.Random(seed), hashlib.sha256(), time.time()
            while not (os.path.exists(stop) and time.time() - t0 >= dur):
                b = rnd.randbytes(chunk)
                h.update(b)
                c.sendall(struct.pack("!I", len(b)) + b)
                time.sleep(gap)
            c.sendall(struct.pack("!I", 0) + h.digest())
        elif hdr[0] == "D":
            seed, size, chunk, gap = int(hdr[1]), int(hdr[2]), int(hdr[3]), float(hdr[4])
            data = gen(seed, size)
            for i in range(0, size, chunk):
                c.sendall(data[i:i + chunk])
                time.sleep(gap)
        c.shutdown(socket.SHUT_WR)
        # wait for the client's close, so that the client closes last
        # and the server never resets a connection with unread data
        c.settimeout(30)
        while c.recv(65536):
            pass
    except Exception:
        pass
    finally:
        c.close()


def server(port):
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.bind(("::", port))
    s.listen(256)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c,), daemon=True).start()


def classify(e):
    if isinstance(e, ConnectionRefusedError):
        return "refused"
    if isinstance(e, (ConnectionResetError, BrokenPipeError)):
        return "reset"
    if isinstance(e, (socket.timeout, TimeoutError)):
        return "timeout"
    if isinstance(e, OSError) and e.errno:
        return "error-" + errno.errorcode.get(e.errno, str(e.errno))
    return "error-" + type(e).__name__


def echo_once(addr, port, size, timeout):
    at = "connect"
    s = None
    try:
        s = socket.create_connection((addr, port), timeout=timeout)
        at = "send"
        data = os.urandom(size)
        s.sendall(b"E %d\n" % size + data)
        at = "recv"
        reply = recv_to_eof(s)
        if len(reply) < 32 + size:
            return "short", "got=%d" % len(reply)
        if reply[:32] != hashlib.sha256(data).digest() or reply[32:] != data:
            return "corrupt", "got=%d" % len(reply)
        return "ok", "bytes=%d" % size
    except Exception as e:      # noqa: BLE001
        return classify(e), "at=" + at
    finally:
        if s is not None:
            s.close()


def alive(pid):
    """PID exists and is not a zombie"""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def conns(addrs, ports, nmin, nmax, size, timeout, gap, pid=0):
    dst = [(a, int(p)) for p in ports.split(",") for a in addrs.split(",")]
    tally = {}
    i = 0
    # TT_DEADLINE: start no connection after that many seconds
    end = time.time() + float(os.environ.get("TT_DEADLINE", "1e9"))
    while (i < nmin or (pid and alive(pid) and i < nmax)) and time.time() < end:
        addr, port = dst[i % len(dst)]
        t0 = time.time()
        res, detail = echo_once(addr, port, size, timeout)
        t1 = time.time()
        tally[res] = tally.get(res, 0) + 1
        print("conn %d %.3f %.3f %s %s %s port=%d" % (i, t0, t1, addr, res, detail, port),
              flush=True)
        i += 1
        time.sleep(gap)
    print("conns total=%d %s" % (i, " ".join("%s=%d" % kv for kv in sorted(tally.items()))),
          flush=True)


def stream(spec, size, chunk, gap, timeout, out, lock):
    sid, addr, port, way = spec.split(",")
    seed = int(sid) * 7919 + 17
    want = size
    got, res, detail, tc = 0, "?", "", 0.0
    s = None
    stop = os.environ.get("TT_STOP")    # framed streams until this file exists
    dur = float(os.environ.get("TT_DUR", "0"))
    try:
        s = socket.create_connection((addr, int(port)), timeout=timeout)
        tc = time.time()
        with lock:
            print("connected %s %.3f" % (sid, tc), flush=True)
        if stop and way == "up":
            s.sendall(b"UF\n")
            rnd, h, want = random.Random(seed), hashlib.sha256(), 0
            while not (os.path.exists(stop) and time.time() - tc >= dur):
                b = rnd.randbytes(chunk)
                h.update(b)
                want += len(b)
                s.sendall(struct.pack("!I", len(b)) + b)
                time.sleep(gap)
            s.sendall(struct.pack("!I", 0))
            ans = recv_to_eof(s).decode().split()
            got = int(ans[0]) if len(ans) == 2 else 0
            res = "ok" if ans == [str(want), h.hexdigest()] else "bad"
            detail = "server=" + "/".join(ans)[:20]
            data = None
        elif stop:
            s.sendall(b"DF %d %d %s %s %s\n" % (seed, chunk, str(gap).encode(), stop.encode(),
                                                 str(dur).encode()))
            rnd, h, want = random.Random(seed), hashlib.sha256(), 0
            good = True
            while True:
                n = struct.unpack("!I", recv_exact(s, 4))[0]
                if n == 0:
                    break
                b = recv_exact(s, n)
                got += n
                h.update(b)
                good = good and b == rnd.randbytes(n)
            want = got if good else -1
            digest = recv_exact(s, 32)
            res = "ok" if good and digest == h.digest() else "bad"
            detail = "sha256=%s" % ("match" if res == "ok" else "differs")
            data = None
        else:
            data = gen(seed, size)
        if data is None:
            pass
        elif way == "up":
            s.sendall(b"U %d %d\n" % (seed, size))
            for i in range(0, size, chunk):
                s.sendall(data[i:i + chunk])
                time.sleep(gap)
            s.shutdown(socket.SHUT_WR)
            ans = recv_to_eof(s).decode().split()
            got = int(ans[1]) if len(ans) == 2 else 0
            res = "ok" if ans[:1] == ["OK"] and got == size else "bad"
            detail = "server=" + "/".join(ans)
        else:
            s.sendall(b"D %d %d %d %s\n" % (seed, size, chunk, str(gap).encode()))
            h = hashlib.sha256()
            got = recv_to_eof(s, h)
            ok = got == size and h.digest() == hashlib.sha256(data).digest()
            res = "ok" if ok else "bad"
            detail = "sha256=%s" % ("match" if ok else "differs")
    except Exception as e:      # noqa: BLE001
        res, detail = classify(e), "exception=%s" % type(e).__name__
    finally:
        if s is not None:
            s.close()
    with lock:
        out.append("stream %s %s %s %s %s %d %d %.3f %.3f %s" %
                   (sid, addr, port, way, res, got, want, tc, time.time(), detail))


def streams(size, chunk, gap, timeout, specs):
    out, lock, th = [], threading.Lock(), []
    for sp in specs:
        t = threading.Thread(target=stream, args=(sp, size, chunk, gap, timeout, out, lock))
        t.start()
        th.append(t)
    for t in th:
        t.join()
    for line in sorted(out, key=lambda x: int(x.split()[1])):
        print(line, flush=True)


def sample(path, interval, stopfile):
    """the highest value of the number in PATH until STOPFILE exists"""
    hi, n, last = -1, 0, -1
    while not os.path.exists(stopfile):
        with open(path) as f:
            last = int(f.read().split()[0])
        hi = max(hi, last)
        n += 1
        time.sleep(interval)
    print("max %d samples %d last %d" % (hi, n, last), flush=True)


def main():
    a = sys.argv[1:]
    if a[0] == "server":
        server(int(a[1]))
    elif a[0] == "conns":
        conns(a[1], a[2], int(a[3]), int(a[4]), int(a[5]), float(a[6]), float(a[7]),
              int(a[8]) if len(a) > 8 else 0)
    elif a[0] == "streams":
        streams(int(a[1]), int(a[2]), float(a[3]), float(a[4]), a[5:])
    elif a[0] == "sample":
        sample(a[1], float(a[2]), a[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
