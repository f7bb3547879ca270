#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Does a server's reset reach the client?

  server-reset.py server PORT...
      on each PORT (IPv4 and IPv6): send 20000 bytes to every client,
      wait for its "go", then abort the connection (RST)
  server-reset.py client ADDR PORT
      connect, read the 20000 bytes, send "go" and print "reset S" (the
      reset arrived S seconds later), "closed", "data" or "timeout"
      (nothing within 10 s); "refused S" when the reset came before any
      data, S seconds after connect() began (through a SYN proxy the
      handshake completes first and the reset follows)
"""
import socket
import struct
import sys
import threading
import time


def serve(s):
    while True:
        c, _ = s.accept()
        try:
            c.sendall(b"x" * 20000)
            c.recv(100)
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        finally:
            c.close()


def main():
    if sys.argv[1] == "server":
        for p in sys.argv[2:]:
            s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            s.bind(("::", int(p)))
            s.listen(16)
            threading.Thread(target=serve, args=(s,), daemon=True).start()
        print("listening", flush=True)
        while True:
            time.sleep(3600)
    addr, port = sys.argv[2], int(sys.argv[3])
    c = socket.socket(socket.AF_INET6 if ":" in addr else socket.AF_INET, socket.SOCK_STREAM)
    c.settimeout(10)
    got = 0
    t0 = time.monotonic()
    try:
        c.connect((addr, port))
        while got < 20000:
            d = c.recv(65536)
            if not d:
                print("closed")
                return 0
            got += len(d)
        c.sendall(b"go")
        t0 = time.monotonic()
        d = c.recv(100)
        print("data" if d else "closed")
    except (ConnectionResetError, ConnectionRefusedError):
        print("%s %.2f" % ("reset" if got else "refused", time.monotonic() - t0))
    except socket.timeout:
        print("timeout")
    return 0


if __name__ == "__main__":
    sys.exit(main())
