#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nft_synproxy without the notrack recipe: one "synproxy" rule, the
# default nf_conntrack_tcp_loose, no "ct state" guard.  Checks that
# connections through the proxy carry data, that the SYNs leave no
# conntrack entry behind, that the expression's statistics count what it
# answered, that segments of no connection other than a handshake are
# dropped, that the ecn flag lets client and server negotiate ECN, that a
# 4-tuple conntrack still holds opens again, that a server's reset
# after data reaches the client, and that the rule protects a port
# forward (dnat in prerouting).

source lib.sh

ret=0

checktool "nft --version" "run test without nft tool"
checktool "socat -V" "run test without socat"
checktool "tcpdump --version" "run test without tcpdump"
checktool "conntrack -V" "run test without conntrack"
checktool "python3 -V" "run test without python3"

setup_ns nsr ns1 ns2

payload=$(mktemp)
pcap=$(mktemp)

cleanup() {
	ip netns pids "$ns1" | xargs kill 2>/dev/null
	ip netns pids "$ns2" | xargs kill 2>/dev/null

	cleanup_all_ns
	rm -f "$payload" "$pcap"
}

trap cleanup EXIT

ip link add veth0 netns "$nsr" type veth peer name eth0 netns "$ns1"
ip link add veth1 netns "$nsr" type veth peer name eth0 netns "$ns2"

for dev in veth0 veth1; do
	ip -net "$nsr" link set "$dev" up
done

ip -net "$nsr" addr add 10.0.1.1/24 dev veth0
ip -net "$nsr" addr add 10.0.2.1/24 dev veth1

ip netns exec "$nsr" sysctl -q net.ipv4.conf.veth0.forwarding=1
ip netns exec "$nsr" sysctl -q net.ipv4.conf.veth1.forwarding=1

for n in $ns1 $ns2; do
	ip -net "$n" link set eth0 up
	ip netns exec "$n" sysctl -q net.ipv4.tcp_ecn=1
done
ip -net "$ns1" addr add 10.0.1.99/24 dev eth0
ip -net "$ns2" addr add 10.0.2.99/24 dev eth0
ip -net "$ns1" route add default via 10.0.1.1
ip -net "$ns2" route add default via 10.0.2.1

if ! ip netns exec "$ns1" ping -c 1 -q 10.0.2.99 > /dev/null; then
	echo "ERROR: $ns1 cannot reach $ns2" 1>&2
	exit 1
fi

# port 8080 plain, port 8081 with ecn; a client's SYN the proxy did not
# take never reaches ns2
ip netns exec "$nsr" nft -f - <<EOF
table inet filter {
	chain forward {
		type filter hook forward priority 0; policy accept;
		tcp dport 8080 synproxy mss 1460 wscale 7 timestamp sack-perm
		tcp dport 8081 synproxy mss 1460 wscale 7 timestamp sack-perm ecn
		tcp flags & (syn | ack) == syn counter drop
	}
}
EOF
if [ $? -ne 0 ]; then
	echo "SKIP: Cannot add nft synproxy with ecn"
	exit $ksft_skip
fi

head -c 100000 /dev/urandom > "$payload"

# one connection from ns1 to PORT (or to ADDR:DPORT, forwarded to PORT),
# 100 kB each way; 0 if both arrived
transfer() {
	local port=$1 to=${2:-10.0.2.99:$1} got

	ip netns exec "$ns2" timeout 30 socat TCP-LISTEN:"$port",reuseaddr SYSTEM:cat &
	busywait 20000 sh -c "ip netns exec $ns2 ss -Htln 'sport = :$port' | grep -q ."
	got=$(ip netns exec "$ns1" timeout 30 \
		socat -t 5 STDIO TCP:"$to" < "$payload" | sha1sum)
	wait
	[ "$got" = "$(sha1sum < "$payload")" ]
}

if transfer 8080; then
	echo "PASS: one synproxy rule: data went through"
else
	echo "FAIL: one synproxy rule: transfer failed" 1>&2
	ret=1
fi

drops=$(ip netns exec "$nsr" nft list chain inet filter forward |
	sed -n 's/.* counter packets \([0-9]*\) .*drop$/\1/p')
if [ "$drops" = 0 ]; then
	echo "PASS: one synproxy rule: the proxy took every SYN"
else
	echo "FAIL: one synproxy rule: $drops SYNs passed the proxy rule" 1>&2
	ret=1
fi

# a flood of SYNs from addresses that never answer: no conntrack entry
ip netns exec "$ns1" ip addr add 10.0.1.2/24 dev eth0
ip netns exec "$ns1" nft -f - <<EOF
table ip mute {
	chain in {
		type filter hook input priority 0; policy accept;
		ip daddr 10.0.1.2 drop
	}
}
EOF
# 20 connects from 10.0.1.2 to ADDR:PORT that never complete; prints
# the conntrack entries they left
unanswered() {
	for i in $(seq 1 20); do
		ip netns exec "$ns1" timeout 30 socat -u /dev/null \
			TCP:"$1",bind=10.0.1.2,connect-timeout=3 2>/dev/null &
	done
	wait
	ip netns exec "$nsr" conntrack -L -s 10.0.1.2 2>/dev/null | grep -c .
}
entries=$(unanswered 10.0.2.99:8080)
if [ "$entries" = 0 ]; then
	echo "PASS: one synproxy rule: unanswered SYNs left no conntrack entry"
else
	echo "FAIL: one synproxy rule: $entries conntrack entries for unanswered SYNs" 1>&2
	ret=1
fi

if ip netns exec "$nsr" nft list ruleset | grep -q 'syn-answered'; then
	stats=$(ip netns exec "$nsr" nft list chain inet filter forward |
		sed -n 's/.*dport 8080 synproxy.* \(syn-answered.*\)$/\1/p')
	set -- $stats
	if [ "$#" = 6 ] && [ "$2" -ge 21 ] && [ "$4" -ge 1 ] && [ "$6" = 0 ]; then
		echo "PASS: statistics: $stats"
	else
		echo "FAIL: statistics: '$stats', expected >= 21 SYNs" \
			"answered, >= 1 valid cookie, none invalid" 1>&2
		ret=1
	fi
else
	echo "SKIP: statistics: nft does not list them"
fi

# Segments that belong to no connection and are no handshake (RST,
# RST/ACK, FIN, FIN/ACK, SYN/ACK, no flags) are dropped by the proxy
# rule, as the classic ruleset's "ct state invalid drop" would.  Port
# 8083 has no proxy: the same segments reach ns2 there.
forge() {
	ip netns exec "$ns1" python3 - "$1" <<'EOF'
import random, socket, struct, sys

port = int(sys.argv[1])
src, dst = "10.0.1.99", "10.0.2.99"
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP)


def csum(data):
    if len(data) % 2:
        data += b"\0"
    t = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while t >> 16:
        t = (t & 0xffff) + (t >> 16)
    return ~t & 0xffff


for flags in (0x04, 0x14, 0x01, 0x11, 0x12, 0x00):
    for i in range(10):
        th = struct.pack("!HHIIBBHHH", 30000 + i, port,
                         random.getrandbits(32), random.getrandbits(32),
                         5 << 4, flags, 1024, 0, 0)
        ph = socket.inet_aton(src) + socket.inet_aton(dst) + \
            struct.pack("!BBH", 0, socket.IPPROTO_TCP, len(th))
        th = th[:16] + struct.pack("!H", csum(ph + th)) + th[18:]
        s.sendto(th, (dst, 0))
EOF
}

ip netns exec "$ns2" nft -f - <<EOF
table ip forged {
	chain in {
		type filter hook prerouting priority -300; policy accept;
		tcp sport 30000-30009 tcp dport 8080 counter
		tcp sport 30000-30009 tcp dport 8083 counter
	}
}
EOF
forge 8080
forge 8083
proxied=$(ip netns exec "$ns2" nft list chain ip forged in |
	sed -n 's/.*dport 8080 counter packets \([0-9]*\) .*/\1/p')
plain=$(ip netns exec "$ns2" nft list chain ip forged in |
	sed -n 's/.*dport 8083 counter packets \([0-9]*\) .*/\1/p')
if [ "$proxied" = 0 ] && [ "$plain" = 60 ]; then
	echo "PASS: one synproxy rule: 0 of 60 forged segments reached the" \
		"server (60 of 60 without the proxy)"
else
	echo "FAIL: one synproxy rule: forged segments that reached the" \
		"server: $proxied of 60 (without the proxy: $plain)" 1>&2
	ret=1
fi

# ecn: both ends negotiate it through the proxy.  The server shows it
# by ECE on its SYN/ACK, the client by sending its data ECN-capable.
ip netns exec "$ns2" timeout 30 socat TCP-LISTEN:8081,reuseaddr SYSTEM:'sleep 2' &
busywait 20000 sh -c "ip netns exec $ns2 ss -Htln 'sport = :8081' | grep -q ."
ip netns exec "$ns2" timeout 30 tcpdump -U -ni eth0 -w "$pcap" -c 10 tcp port 8081 2>/dev/null &
busywait 20000 sh -c "test -s $pcap"
ip netns exec "$ns1" timeout 30 socat -u /dev/zero TCP:10.0.2.99:8081 2>/dev/null &
wait
s=$(tcpdump -nr "$pcap" 'tcp[13] & 0x52 == 0x52' 2>/dev/null | grep -c .)
c=$(tcpdump -nr "$pcap" 'src host 10.0.1.99 and ip[1] & 3 != 0' 2>/dev/null | grep -c .)
if [ "$s" -ge 1 ] && [ "$c" -ge 1 ]; then
	echo "PASS: ecn: client and server negotiated ECN through the proxy"
else
	echo "FAIL: ecn: server SYN/ACKs with ECE: $s, ECN-capable client segments: $c" 1>&2
	ret=1
fi

# A client opens a 4-tuple again while conntrack still holds its entry:
# both ends aborted the first connection and their resets were lost.
# The proxy must answer the new SYN and the connection must work.
for n in $ns1 $ns2; do
	ip netns exec "$n" nft -f - <<EOF
table ip lost {
	chain out {
		type filter hook output priority 0; policy accept;
		tcp sport 40001 tcp flags rst drop
		tcp dport 40001 tcp flags rst drop
	}
}
EOF
done
ip netns exec "$ns2" python3 - <<'EOF' &
import socket, struct

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.0.2.99", 8080))
s.listen()
s.settimeout(120)
for i in range(2):
    c, _ = s.accept()
    c.sendall(c.recv(100))
    if i == 0:
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                     struct.pack("ii", 1, 0))
    c.close()
EOF
busywait 20000 sh -c "ip netns exec $ns2 ss -Htln 'sport = :8080' | grep -q ."
reopen() {
	ip netns exec "$ns1" python3 - "$1" <<'EOF'
import socket, struct, sys

c = socket.socket()
c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
c.settimeout(10)
c.bind(("10.0.1.99", 40001))
try:
    c.connect(("10.0.2.99", 8080))
    c.sendall(b"ping\n")
    ok = c.recv(100) == b"ping\n"
except OSError:
    ok = False
if sys.argv[1] == "abort":
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
c.close()
sys.exit(0 if ok else 1)
EOF
}
reopen abort
sleep 1
held=$(ip netns exec "$nsr" conntrack -L -p tcp --sport 40001 2>/dev/null | grep -c ESTABLISHED)
if reopen close && [ "$held" = 1 ]; then
	echo "PASS: one synproxy rule: a 4-tuple conntrack still holds opens again"
else
	echo "FAIL: one synproxy rule: a 4-tuple conntrack still holds" \
		"(ESTABLISHED entries: $held) did not open again" 1>&2
	ret=1
fi
wait

# A server that aborts a proxied connection after sending data: its
# reset must reach the client, translated like the server's data.
ip netns exec "$ns2" python3 - <<'EOF' &
import socket, struct

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.0.2.99", 8080))
s.listen()
s.settimeout(120)
c, _ = s.accept()
c.sendall(b"x" * 20000)
c.recv(100)
c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
c.close()
EOF
busywait 20000 sh -c "ip netns exec $ns2 ss -Htln 'sport = :8080' | grep -q ."
if ip netns exec "$ns1" python3 - <<'EOF'; then
import socket, sys

c = socket.create_connection(("10.0.2.99", 8080), timeout=5)
got = 0
while got < 20000:
    got += len(c.recv(65536))
c.sendall(b"go")
try:
    c.recv(100)
except ConnectionResetError:
    sys.exit(0)
except OSError:
    pass
sys.exit(1)
EOF
	echo "PASS: one synproxy rule: the server's reset after data reaches the client"
else
	echo "FAIL: one synproxy rule: the server's reset after data did not reach the client" 1>&2
	ret=1
fi
wait

# A port forward: the router's address, port 80, goes to ns2's port 8082,
# and the synproxy rule in forward matches the translated port.  The
# cookie SYN/ACK must come from 10.0.1.1:80 and the connection to ns2
# must carry the binding; unanswered SYNs still leave no entry.
ip netns exec "$nsr" nft -f - <<EOF
table ip pf {
	chain pre {
		type nat hook prerouting priority dstnat; policy accept;
		ip daddr 10.0.1.1 tcp dport 80 dnat to 10.0.2.99:8082
	}
}
EOF
ip netns exec "$nsr" nft insert rule inet filter forward \
	tcp dport 8082 synproxy mss 1460 wscale 7 timestamp sack-perm
bound() {
	ip netns exec "$nsr" conntrack -L -p tcp -d 10.0.1.1 --dport 80 \
		--reply-src 10.0.2.99 --reply-port-src 8082 2>/dev/null | grep -c .
}
if transfer 8082 10.0.1.1:80 && [ "$(bound)" = 1 ]; then
	echo "PASS: one synproxy rule: a forwarded port carried data," \
		"the proxied entry holds the binding"
else
	echo "FAIL: one synproxy rule: transfer to a forwarded port failed" \
		"(entries with the binding: $(bound))" 1>&2
	ret=1
fi
entries=$(unanswered 10.0.1.1:80)
if [ "$entries" = 0 ]; then
	echo "PASS: one synproxy rule: unanswered SYNs to a forwarded port" \
		"left no conntrack entry"
else
	echo "FAIL: one synproxy rule: $entries conntrack entries for" \
		"unanswered SYNs to a forwarded port" 1>&2
	ret=1
fi

exit $ret
