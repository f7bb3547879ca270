#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# This tests the nft_seqadj expression on a router, IPv4 and IPv6:
# 1. "seqadj offset N": the server sees the client's ISN shifted by N,
#    transfers in both directions arrive intact;
# 2. "seqadj random": a non-zero shift, different per connection;
# 3. "seqadj" with a queue listener that makes a payload longer: the
#    kernel records the length change (NFQA_CT in the verdict), the
#    server receives exactly the rewritten stream; without seqadj the
#    same rewrite breaks the stream.

source lib.sh
ret=0
UPLOAD_TIMEOUT=60
PREFIX=
SIZE=1
[ "$KSFT_MACHINE_SLOW" = "yes" ] && SIZE=0.25

cleanup()
{
	ip netns pids "$ns1" | xargs kill 2>/dev/null
	ip netns pids "$ns2" | xargs kill 2>/dev/null
	ip netns pids "$nsrouter" | xargs kill 2>/dev/null

	cleanup_all_ns
	rm -f "$DATA" "$OUT" "$WANT"
}

checktool "nft --version" "run test without nft tool"
checktool "socat -h" "run test without socat"

trap cleanup EXIT
setup_ns ns1 ns2 nsrouter
DATA=$(mktemp)
OUT=$(mktemp)
WANT=$(mktemp)
dd if=/dev/urandom of="$DATA" bs=1M count=$(awk "BEGIN { print int($SIZE * 4) }") status=none

if ! ip link add veth0 netns "$nsrouter" type veth peer name eth0 \
	netns "$ns1" > /dev/null 2>&1; then
	echo "SKIP: No virtual ethernet pair device support in kernel"
	exit $ksft_skip
fi
ip link add veth1 netns "$nsrouter" type veth peer name eth0 netns "$ns2"

ip -net "$nsrouter" link set veth0 up
ip -net "$nsrouter" addr add 10.0.1.1/24 dev veth0
ip -net "$nsrouter" addr add dead:1::1/64 dev veth0 nodad
ip -net "$nsrouter" link set veth1 up
ip -net "$nsrouter" addr add 10.0.2.1/24 dev veth1
ip -net "$nsrouter" addr add dead:2::1/64 dev veth1 nodad
ip netns exec "$nsrouter" sysctl -qw net.ipv4.ip_forward=1
ip netns exec "$nsrouter" sysctl -qw net.ipv6.conf.all.forwarding=1

for i in 1 2; do
	ns=ns$i
	ip -net "${!ns}" link set eth0 up
	ip -net "${!ns}" addr add 10.0.$i.99/24 dev eth0
	ip -net "${!ns}" addr add dead:$i::99/64 dev eth0 nodad
	ip -net "${!ns}" route add default via 10.0.$i.1
	ip -net "${!ns}" route add default via dead:$i::1
done

# the ISN of each SYN, by destination port: as sent by the client, and as
# received by the server
for ns in "$ns1" "$ns2"; do
	if [ "$ns" = "$ns1" ]; then hook=output; else hook=input; fi
	ip netns exec "$ns" nft -f - <<EOF
table inet isn {
	set syn {
		typeof tcp dport . tcp sequence
		flags dynamic
	}
	chain c {
		type filter hook $hook priority 0; policy accept;
		tcp flags & (syn | ack) == syn add @syn { tcp dport . tcp sequence }
	}
}
EOF
done

if ! ip netns exec "$nsrouter" nft -f - <<EOF
table inet t {
	chain forward {
		type filter hook forward priority 0; policy accept;
		seqadj offset 1
	}
}
EOF
then
	echo "SKIP: nft does not support the seqadj statement"
	exit $ksft_skip
fi

set_rules()
{
	ip netns exec "$nsrouter" nft flush chain inet t forward
	for r in "$@"; do
		ip netns exec "$nsrouter" nft add rule inet t forward "$r"
	done
}

isn()
{
	ip netns exec "$1" nft list set inet isn syn |
		grep -o "$2 \. [0-9]*" | head -n 1 | cut -d' ' -f3
}

# the server's ISN of the connection to PORT minus the client's, mod 2^32
isn_shift()
{
	local a b

	a=$(isn "$ns1" "$1")
	b=$(isn "$ns2" "$1")
	if [ -z "$a" ] || [ -z "$b" ]; then
		echo none
		return
	fi
	echo $(((b - a + 4294967296) % 4294967296))
}

listener_ready()
{
	ip netns exec "$ns2" ss -ltn | grep -q ":$1 "
}

# upload FILE to the server at ADDR:PORT; true if it arrived intact.
# With PREFIX set, the client sends PREFIX in a segment of its own first.
upload()
{
	local file=$1 addr=$2 port=$3 spid

	ip netns exec "$ns2" timeout "$UPLOAD_TIMEOUT" socat -u \
		TCP6-LISTEN:"$port",reuseaddr,ipv6only=0 OPEN:"$OUT",creat,trunc &
	spid=$!
	busywait "$BUSYWAIT_TIMEOUT" listener_ready "$port"
	{ [ -z "$PREFIX" ] || { printf '%s' "$PREFIX"; sleep 1; }; cat "$file"; } |
		ip netns exec "$ns1" timeout "$UPLOAD_TIMEOUT" socat -u STDIN TCP:"$addr":"$port"
	wait "$spid"
	{ printf '%s' "$PREFIX"; cat "$file"; } | cmp -s - "$OUT"
}

# download DATA from the server at ADDR:PORT; true if it arrived intact
download()
{
	local addr=$1 port=$2 spid

	ip netns exec "$ns2" timeout 60 socat -u OPEN:"$DATA" \
		TCP6-LISTEN:"$port",reuseaddr,ipv6only=0 &
	spid=$!
	busywait "$BUSYWAIT_TIMEOUT" listener_ready "$port"
	ip netns exec "$ns1" timeout 60 socat -u TCP:"$addr":"$port" OPEN:"$OUT",creat,trunc
	wait "$spid"
	cmp -s "$DATA" "$OUT"
}

check()
{
	if [ "$1" = 0 ]; then
		echo "PASS: $2"
	else
		echo "FAIL: $2" 1>&2
		ret=1
	fi
}

test_offset()
{
	local addr=$1 port=$2 shift

	set_rules "seqadj offset 1000"
	upload "$DATA" "$addr" "$port"
	check $? "$addr: seqadj offset 1000: upload intact"
	shift=$(isn_shift "$port")
	[ "$shift" = 1000 ]
	check $? "$addr: seqadj offset 1000: the server sees the ISN shifted by $shift"
	download "$addr" $((port + 1))
	check $? "$addr: seqadj offset 1000: download intact"

	set_rules "seqadj offset -5"
	upload "$DATA" "$addr" $((port + 2))
	check $? "$addr: seqadj offset -5: upload intact"
	shift=$(isn_shift $((port + 2)))
	[ "$shift" = 4294967291 ]
	check $? "$addr: seqadj offset -5: ISN shifted by $shift"

	set_rules
	upload "$DATA" "$addr" $((port + 3))
	shift=$(isn_shift $((port + 3)))
	[ "$shift" = 0 ]
	check $? "$addr: without seqadj the ISN is unchanged (shift $shift)"
}

test_random()
{
	local addr=$1 port=$2 s1 s2

	set_rules "seqadj random"
	upload "$DATA" "$addr" "$port"
	check $? "$addr: seqadj random: upload intact"
	download "$addr" $((port + 1))
	check $? "$addr: seqadj random: download intact"
	s1=$(isn_shift "$port")
	upload "$DATA" "$addr" $((port + 2))
	s2=$(isn_shift $((port + 2)))
	[ "$s1" != none ] && [ "$s1" != 0 ] && [ "$s2" != none ] &&
		[ "$s2" != 0 ] && [ "$s1" != "$s2" ]
	check $? "$addr: seqadj random: non-zero shifts, one per connection ($s1, $s2)"
}

# the listener rewrites MAGIC-A into MAGIC-LONGER-B (7 more bytes) in the
# first segment that holds it; the client sends MAGIC-A in a segment of its
# own (a full-sized one made longer would no longer fit the path's MTU)
mangled_upload()
{
	local addr=$1 port=$2 lpid rc

	{ printf 'MAGIC-LONGER-B'; cat "$DATA"; } > "$WANT"
	ip netns exec "$nsrouter" ./nf_queue_mangle -q 0 -t 60 \
		MAGIC-A MAGIC-LONGER-B > "$WANT.log" &
	lpid=$!
	busywait "$BUSYWAIT_TIMEOUT" nf_queue_wait
	PREFIX=MAGIC-A upload "$DATA" "$addr" "$port"
	cmp -s "$WANT" "$OUT"
	rc=$?
	kill "$lpid"
	wait "$lpid"
	grep -q "^mangled 1$" "$WANT.log" || rc=2
	rm -f "$WANT.log"
	return $rc
}

nf_queue_wait()
{
	ip netns exec "$nsrouter" cat /proc/self/net/netfilter/nfnetlink_queue 2>/dev/null |
		grep -q "^ *0 "
}

test_mangle()
{
	local addr=$1 port=$2 rc

	set_rules "tcp dport $port seqadj" "tcp dport $port queue to 0"
	mangled_upload "$addr" "$port"
	check $? "$addr: seqadj: a payload made 7 bytes longer by a queue listener, stream intact"

	port=$((port + 1))
	set_rules "tcp dport $port queue to 0"
	UPLOAD_TIMEOUT=15 mangled_upload "$addr" "$port"
	rc=$?
	[ $rc = 1 ]
	check $? "$addr: without seqadj the same rewrite breaks the stream (rc $rc)"
}

test_offset 10.0.2.99 12000
test_offset "[dead:2::99]" 12100
test_random 10.0.2.99 12200
test_random "[dead:2::99]" 12300
test_mangle 10.0.2.99 12400
test_mangle "[dead:2::99]" 12500

exit $ret
