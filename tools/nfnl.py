# SPDX-License-Identifier: GPL-2.0-only
"""Netlink helpers shared by tools/nft-synproxy-stats and the test helper
tests/shell/helpers/nft-raw: nf_tables constants, attribute and message
packing, typed values, errno names.  Not a tool of its own."""
import errno
import socket
import struct

NETLINK_NETFILTER = 12
NFNL_SUBSYS_NFTABLES = 10
NFNL_MSG_BATCH_BEGIN, NFNL_MSG_BATCH_END = 0x10, 0x11
NFT_MSG_NEWRULE, NFT_MSG_GETRULE, NFT_MSG_GETRULE_RESET = 6, 7, 25
NFT_MSG_NEWOBJ, NFT_MSG_GETOBJ, NFT_MSG_GETOBJ_RESET = 18, 19, 21
NLM_F_REQUEST, NLM_F_MULTI, NLM_F_ACK = 1, 2, 4
NLM_F_DUMP, NLM_F_CREATE, NLM_F_APPEND = 0x300, 0x400, 0x800
NLMSG_ERROR, NLMSG_DONE = 2, 3
NLA_F_NESTED = 0x8000
NLA_TYPE_MASK = 0x3fff
FAMILIES = {"ip": 2, "ip6": 10, "inet": 1, "bridge": 7, "netdev": 5,
            "arp": 3}


def attr(atype, payload):
    hdr = struct.pack("=HH", 4 + len(payload), atype)
    return hdr + payload + b"\0" * (-len(payload) % 4)


def nest(atype, payload):
    return attr(atype | NLA_F_NESTED, payload)


def strattr(atype, text):
    return attr(atype, text.encode() + b"\0")


def attrs(data):
    """{type: [payload, ...]} of a netlink attribute stream"""
    out, off = {}, 0
    while off + 4 <= len(data):
        ln, atype = struct.unpack_from("=HH", data, off)
        if ln < 4:
            break
        out.setdefault(atype & NLA_TYPE_MASK, []).append(
            data[off + 4:off + ln])
        off += (ln + 3) & ~3
    return out


def value(vtype, text):
    """TYPE:VALUE of the command lines: u8, be16, be32, s32 (big endian),
    str (NUL-terminated), hex (raw bytes)"""
    if vtype == "str":
        return text.encode() + b"\0"
    if vtype == "hex":
        return bytes.fromhex(text)
    fmt = {"u8": "B", "be16": ">H", "be32": ">I", "s32": ">i"}[vtype]
    return struct.pack(fmt, int(text, 0))


def specs(items):
    """ATTR=TYPE:VALUE items -> the packed attributes"""
    data = b""
    for item in items:
        num, _, tv = item.partition("=")
        vtype, _, text = tv.partition(":")
        data += attr(int(num, 0), value(vtype, text))
    return data


def message(mtype, flags, seq, family, payload, res_id=0):
    nfgen = struct.pack("=BBH", family, 0, socket.htons(res_id))
    body = nfgen + payload
    return struct.pack("=IHHII", 16 + len(body), mtype, flags, seq, 0) + body


def nft(mtype):
    return (NFNL_SUBSYS_NFTABLES << 8) | mtype


def batch(mtype, flags, seq, family, payload):
    """one nf_tables message in a batch: BEGIN (seq), it (seq + 1), END"""
    return (message(NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, seq, 0, b"",
                    NFNL_SUBSYS_NFTABLES) +
            message(nft(mtype), flags, seq + 1, family, payload) +
            message(NFNL_MSG_BATCH_END, NLM_F_REQUEST, seq + 2, 0, b"",
                    NFNL_SUBSYS_NFTABLES))


def errname(err):
    if err == errno.EOPNOTSUPP:     # python names 95 ENOTSUP
        return "EOPNOTSUPP"
    return errno.errorcode.get(err, str(err))
