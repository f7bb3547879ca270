# SPDX-License-Identifier: GPL-2.0-only
"""Bad input over ctnetlink: sequence adjustment and synproxy state
(tests/shell/helpers/ctfuzz.py, run by reliability/0010).

  ctfuzz.py COUNT SEED [LIVE-TUPLE]

Sends COUNT IPCTNL_MSG_CT_NEW messages, each with a random mix of
CTA_SEQ_ADJ_ORIG, CTA_SEQ_ADJ_REPLY and CTA_SYNPROXY: boundary and random
values, fields left out, attributes of the wrong size, nests that hold
garbage.  Half of them create a new entry (NLM_F_CREATE, a fresh tuple in
10.99.0.0/16), half update an existing one: one of those created, or the
live connection LIVE-TUPLE ("SRC:SPORT-DST:DPORT", IPv4 TCP) if given.
Every message asks for an acknowledgment; prints a line

  sent N applied A refused R (errno: count ...) timeouts T

where a timeout is a message the kernel never answered.  Exits 1 if any
message went unanswered.
"""
import errno
import random
import socket
import struct
import sys

NETLINK_NETFILTER = 12
NFNL_SUBSYS_CTNETLINK = 1
IPCTNL_MSG_CT_NEW = 0
NLM_F_REQUEST, NLM_F_ACK, NLM_F_EXCL, NLM_F_CREATE = 1, 4, 0x200, 0x400
NLMSG_ERROR = 2
NLA_F_NESTED = 0x8000
CTA_TUPLE_ORIG, CTA_TUPLE_REPLY, CTA_STATUS, CTA_PROTOINFO, CTA_TIMEOUT = 1, 2, 3, 4, 7
CTA_SEQ_ADJ_ORIG, CTA_SEQ_ADJ_REPLY, CTA_SYNPROXY = 15, 16, 26
CTA_TUPLE_IP, CTA_TUPLE_PROTO = 1, 2
CTA_IP_V4_SRC, CTA_IP_V4_DST = 1, 2
CTA_PROTO_NUM, CTA_PROTO_SRC_PORT, CTA_PROTO_DST_PORT = 1, 2, 3
CTA_PROTOINFO_TCP, CTA_PROTOINFO_TCP_STATE = 1, 1
IPS_SEQ_ADJUST = 1 << 6
BOUNDARY = [0, 1, 2, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe,
            0xffffffff, 1000, 0xfffffc18]


def attr(atype, payload):
    return struct.pack("=HH", 4 + len(payload), atype) + payload + \
        b"\0" * ((4 - len(payload) % 4) % 4)


def nest(atype, payload):
    return attr(atype | NLA_F_NESTED, payload)


def tup(src, dst, sport, dport):
    ip = attr(CTA_IP_V4_SRC, socket.inet_aton(src)) + \
        attr(CTA_IP_V4_DST, socket.inet_aton(dst))
    proto = attr(CTA_PROTO_NUM, bytes([6])) + \
        attr(CTA_PROTO_SRC_PORT, struct.pack(">H", sport)) + \
        attr(CTA_PROTO_DST_PORT, struct.pack(">H", dport))
    return nest(CTA_TUPLE_IP, ip) + nest(CTA_TUPLE_PROTO, proto)


def value(rng):
    return rng.choice(BOUNDARY) if rng.random() < 0.6 else rng.getrandbits(32)


def field(rng, ftype):
    """a u32 field, now and then of the wrong size"""
    r = rng.random()
    if r < 0.08:
        return attr(ftype, b"\x01\x02")
    if r < 0.12:
        return attr(ftype, struct.pack(">Q", rng.getrandbits(64)))
    return attr(ftype, struct.pack(">I", value(rng)))


def triple(rng):
    """three u32 fields (seqadj: pos/before/after, synproxy:
    isn/its/tsoff), each left out now and then, or garbage"""
    if rng.random() < 0.05:
        return bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 24)))
    return b"".join(field(rng, t) for t in (1, 2, 3) if rng.random() > 0.15)


def body(rng):
    out = b""
    if rng.random() < 0.7:
        out += nest(CTA_SEQ_ADJ_ORIG, triple(rng))
    if rng.random() < 0.7:
        out += nest(CTA_SEQ_ADJ_REPLY, triple(rng))
    if rng.random() < 0.6:
        out += nest(CTA_SYNPROXY, triple(rng))
    if rng.random() < 0.3:
        out += attr(CTA_STATUS, struct.pack(">I", IPS_SEQ_ADJUST |
                                            (8 if rng.random() < 0.5 else 0)))
    return out


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    live = None
    if len(sys.argv) > 3:
        a, b = sys.argv[3].split("-")
        s, sp = a.rsplit(":", 1)
        d, dp = b.rsplit(":", 1)
        live = (s, d, int(sp), int(dp))
    rng = random.Random(seed)
    sk = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    sk.bind((0, 0))
    sk.settimeout(5)
    created = []
    applied = refused = timeouts = 0
    errs = {}
    for seq in range(1, count + 1):
        nfgen = struct.pack("=BBH", socket.AF_INET, 0, 0)
        if rng.random() < 0.5 or not (created or live):
            t = ("10.99.%d.%d" % (rng.randrange(256), rng.randrange(1, 255)),
                 "10.99.0.1", rng.randrange(1024, 65535), 80)
            flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL
            extra = attr(CTA_TIMEOUT, struct.pack(">I", rng.choice([1, 5, 30]))) + \
                nest(CTA_PROTOINFO, nest(CTA_PROTOINFO_TCP, attr(
                    CTA_PROTOINFO_TCP_STATE, bytes([rng.choice([1, 3, 7])]))))
            new = True
        else:
            t = live if live and (not created or rng.random() < 0.5) else rng.choice(created)
            flags = NLM_F_REQUEST | NLM_F_ACK
            extra = b""
            new = False
        payload = nfgen + nest(CTA_TUPLE_ORIG, tup(*t)) + \
            nest(CTA_TUPLE_REPLY, tup(t[1], t[0], t[3], t[2])) + extra + body(rng)
        msg = struct.pack("=IHHII", 16 + len(payload),
                          (NFNL_SUBSYS_CTNETLINK << 8) | IPCTNL_MSG_CT_NEW,
                          flags, seq, 0) + payload
        sk.send(msg)
        try:
            while True:
                data = sk.recv(65536)
                ln, mtype, _, rseq = struct.unpack_from("=IHHI", data, 0)
                if mtype == NLMSG_ERROR and rseq == seq:
                    err = -struct.unpack_from("=i", data, 16)[0]
                    break
        except socket.timeout:
            timeouts += 1
            continue
        if err == 0:
            applied += 1
            if new:
                created.append(t)
        else:
            refused += 1
            name = errno.errorcode.get(err, str(err))
            errs[name] = errs.get(name, 0) + 1
    print("sent %d applied %d refused %d (%s) timeouts %d" % (
        count, applied, refused,
        " ".join("%s: %d" % kv for kv in sorted(errs.items())), timeouts))
    return 1 if timeouts else 0


if __name__ == "__main__":
    sys.exit(main())
