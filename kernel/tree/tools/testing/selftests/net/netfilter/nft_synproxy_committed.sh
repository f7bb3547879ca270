#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The classic synproxy ruleset on a firewall that holds a closed entry it
# did not see the traffic of: a backup firewall after conntrackd committed
# its copy of the primary's table through ctnetlink.  Such an entry has no
# window data.  A client that opens a new connection from the same port
# must get through the proxy: its ACK to the cookie must be left to the
# proxy, not passed to the server as a segment of the old connection.
# Checked for a TIME_WAIT and a CLOSE entry that carry the synproxy
# extension, as conntrackd replicates them.

source lib.sh

ret=0

checktool "nft --version" "run test without nft tool"
checktool "socat -V" "run test without socat"
checktool "python3 -V" "run test without python3"

setup_ns nsr ns1 ns2

cleanup() {
	ip netns pids "$ns1" | xargs kill 2>/dev/null
	ip netns pids "$ns2" | xargs kill 2>/dev/null

	cleanup_all_ns
}

trap cleanup EXIT

ip link add veth0 netns "$nsr" type veth peer name eth0 netns "$ns1"
ip link add veth1 netns "$nsr" type veth peer name eth0 netns "$ns2"
ip -net "$nsr" link set veth0 up
ip -net "$nsr" link set veth1 up
ip -net "$nsr" addr add 10.0.1.1/24 dev veth0
ip -net "$nsr" addr add 10.0.2.1/24 dev veth1
ip netns exec "$nsr" sysctl -q net.ipv4.conf.veth0.forwarding=1
ip netns exec "$nsr" sysctl -q net.ipv4.conf.veth1.forwarding=1
ip netns exec "$nsr" sysctl -q net.netfilter.nf_conntrack_tcp_loose=0

for n in $ns1 $ns2; do
	ip -net "$n" link set eth0 up
done
ip -net "$ns1" addr add 10.0.1.99/24 dev eth0
ip -net "$ns2" addr add 10.0.2.99/24 dev eth0
ip -net "$ns1" route add default via 10.0.1.1
ip -net "$ns2" route add default via 10.0.2.1

ip netns exec "$nsr" nft -f - <<EOF
table inet filter {
	chain prerouting {
		type filter hook prerouting priority raw; policy accept;
		tcp dport 8080 tcp flags syn notrack
	}
	chain forward {
		type filter hook forward priority 0; policy accept;
		tcp dport 8080 ct state invalid,untracked \
			synproxy mss 1460 wscale 7 timestamp sack-perm
		ct state invalid drop
	}
}
EOF
if [ $? -ne 0 ]; then
	echo "SKIP: Cannot add nft synproxy"
	exit $ksft_skip
fi

# IPCTNL_MSG_CT_NEW for 10.0.1.99:SPORT -> 10.0.2.99:8080 in TCP state
# STATE, with CTA_SYNPROXY, as conntrackd commits it
ct_new() {
	ip netns exec "$nsr" python3 - "$1" "$2" <<'EOF'
import socket, struct, sys

sport, state = int(sys.argv[1]), int(sys.argv[2])
NESTED = 0x8000


def nla(t, data):
    n = struct.pack("=HH", 4 + len(data), t) + data
    return n + b"\0" * (-len(n) % 4)


def tuple_(t, src, dst, sp, dp):
    ip = nla(1, socket.inet_aton(src)) + nla(2, socket.inet_aton(dst))
    proto = (nla(1, struct.pack("B", socket.IPPROTO_TCP)) +
             nla(2, struct.pack("!H", sp)) + nla(3, struct.pack("!H", dp)))
    return nla(t | NESTED, nla(1 | NESTED, ip) + nla(2 | NESTED, proto))


body = struct.pack("=BBH", socket.AF_INET, 0, 0)
body += tuple_(1, "10.0.1.99", "10.0.2.99", sport, 8080)	# CTA_TUPLE_ORIG
body += tuple_(2, "10.0.2.99", "10.0.1.99", 8080, sport)	# CTA_TUPLE_REPLY
body += nla(4 | NESTED, nla(1 | NESTED, nla(1, struct.pack("B", state))))
body += nla(7, struct.pack("!I", 120))			# CTA_TIMEOUT
body += nla(24 | NESTED, nla(1, struct.pack("!I", 1000)) +	# CTA_SYNPROXY
            nla(2, struct.pack("!I", 0)) + nla(3, struct.pack("!I", 0)))
# IPCTNL_MSG_CT_NEW, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
msg = struct.pack("=IHHII", 16 + len(body), (1 << 8) | 0, 0x1 | 0x4 | 0x200 | 0x400,
                  1, 0) + body
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 12)
s.send(msg)
err = struct.unpack("=i", s.recv(4096)[16:20])[0]
sys.exit(0 if err == 0 else 1)
EOF
}

ip netns exec "$ns2" timeout 300 socat TCP-LISTEN:8080,reuseaddr,fork SYSTEM:cat &
busywait 20000 sh -c "ip netns exec $ns2 ss -Htln 'sport = :8080' | grep -q ."

# one line echoed through a connection from client port SPORT
echo_from() {
	ip netns exec "$ns1" python3 - "$1" <<'EOF'
import socket, sys

c = socket.socket()
c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
c.settimeout(10)
c.bind(("10.0.1.99", int(sys.argv[1])))
try:
    c.connect(("10.0.2.99", 8080))
    c.sendall(b"ping\n")
    ok = c.recv(100) == b"ping\n"
except OSError:
    ok = False
sys.exit(0 if ok else 1)
EOF
}

# TCP_CONNTRACK_TIME_WAIT 7, TCP_CONNTRACK_CLOSE 8
for c in "40100 7 TIME_WAIT" "40101 8 CLOSE"; do
	set -- $c
	if ! ct_new "$1" "$2"; then
		echo "FAIL: cannot create a $3 entry with CTA_SYNPROXY" 1>&2
		ret=1
		continue
	fi
	if echo_from "$1"; then
		echo "PASS: a client port of a committed $3 synproxy entry opens again"
	else
		echo "FAIL: a client port of a committed $3 synproxy entry did not open again" 1>&2
		ret=1
	fi
done

exit $ret
