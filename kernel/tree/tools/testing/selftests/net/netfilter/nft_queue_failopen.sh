#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# This tests the queue fail-open flag of nft_queue:
# 1. a queue rule with "fail-open" accepts what a stalled listener cannot
#    take, drops nothing, and nfnetlink_queue counts those packets
#    (NFQNL_MSG_STATS, read with "nft list queues");
# 2. the same rule without the flag drops them;
# 3. fail-open is not bypass: with no listener at all the packets are
#    dropped;
# 4. /proc/net/netfilter/nfnetlink_queue keeps its nine columns.

source lib.sh
ret=0
DGRAMS=2000
[ "$KSFT_MACHINE_SLOW" = "yes" ] && DGRAMS=600
DGRAM_SIZE=1000
PROCFILE=/proc/self/net/netfilter/nfnetlink_queue

cleanup()
{
	ip netns pids "$ns1" | xargs kill 2>/dev/null
	ip netns pids "$ns2" | xargs kill 2>/dev/null
	ip netns pids "$nsrouter" | xargs kill 2>/dev/null

	cleanup_all_ns
	rm -f "$TMPFILE"
}

checktool "nft --version" "run test without nft tool"
checktool "socat -h" "run test without socat"

trap cleanup EXIT
setup_ns ns1 ns2 nsrouter
TMPFILE=$(mktemp)

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

if ! ip netns exec "$nsrouter" nft -f - <<EOF
table inet filter {
	chain forward {
		type filter hook forward priority 0; policy accept;
		udp dport 12345 queue flags fail-open to 0
	}
}
EOF
then
	echo "SKIP: nft does not support the queue fail-open flag"
	exit $ksft_skip
fi
if ! ip netns exec "$nsrouter" nft list queues > /dev/null; then
	echo "SKIP: nft cannot list queues"
	exit $ksft_skip
fi

set_rule()
{
	ip netns exec "$nsrouter" nft flush chain inet filter forward
	ip netns exec "$nsrouter" nft add rule inet filter forward udp dport 12345 counter "$@"
}

# packets that reached the queue rule
forwarded()
{
	ip netns exec "$nsrouter" nft list chain inet filter forward |
		sed -n 's/.*counter packets \([0-9]*\).*/\1/p'
}

nf_queue_wait()
{
	ip netns exec "$nsrouter" cat "$PROCFILE" 2>/dev/null | grep -q "^ *0 "
}

# field N of queue 0 in /proc
proc_field()
{
	ip netns exec "$nsrouter" cat "$PROCFILE" | awk -v n="$1" '$1 == 0 { print $n }'
}

# counter NAME of queue 0 in "nft list queues"
queue_counter()
{
	ip netns exec "$nsrouter" nft list queues |
		awk -v k="$1" '$1 == "queue" && $2 == 0 {
			for (i = 3; i < NF; i += 2) if ($i == k) print $(i + 1) }'
}

# a listener that accepts its first packets and then stalls for 60 s:
# what comes after overflows the socket buffer of the queue
start_listener()
{
	ip netns exec "$nsrouter" ./nf_queue -q 0 -d 60000 > /dev/null &
	LISTENER=$!
	busywait "$BUSYWAIT_TIMEOUT" nf_queue_wait
}

stop_listener()
{
	kill "$LISTENER" 2>/dev/null
	wait "$LISTENER" 2>/dev/null
}

# the receiver's buffer must hold every datagram: SO_RCVBUFFORCE (SOL_SOCKET
# 1, option 33), 16 MB, as a native-endian int
RCVBUF="sockopt-listen=1:33:x00000001"
[ "$(printf '\1\0' | od -An -tu2 | tr -d ' ')" = 1 ] || RCVBUF="sockopt-listen=1:33:x01000000"

# send DGRAMS datagrams from ns1 to ns2 at DADDR, print how many arrived
blast()
{
	local daddr=$1 rpid

	ip netns exec "$ns2" timeout 30 socat -u \
		UDP6-RECV:12345,ipv6only=0,"$RCVBUF" OPEN:"$TMPFILE",creat,trunc &
	rpid=$!
	busywait "$BUSYWAIT_TIMEOUT" udp_listener_ready
	dd if=/dev/zero bs=$DGRAM_SIZE count="$DGRAMS" status=none |
		ip netns exec "$ns1" socat -b $DGRAM_SIZE -u STDIN UDP:"$daddr":12345
	sleep 2
	kill "$rpid" 2>/dev/null
	wait "$rpid" 2>/dev/null
	echo $(($(stat -c %s "$TMPFILE") / DGRAM_SIZE))
}

udp_listener_ready()
{
	ip netns exec "$ns2" ss -uln | grep -q ":12345 "
}

check_proc_format()
{
	local lines bad

	lines=$(ip netns exec "$nsrouter" cat "$PROCFILE" | wc -l)
	bad=$(ip netns exec "$nsrouter" awk 'NF != 9' "$PROCFILE" | wc -l)
	if [ "$lines" -gt 0 ] && [ "$bad" -eq 0 ]; then
		echo "PASS: $PROCFILE has 9 fields on each of its $lines lines"
	else
		echo "FAIL: $PROCFILE: $bad of $lines lines do not have 9 fields" 1>&2
		ip netns exec "$nsrouter" cat "$PROCFILE" 1>&2
		ret=1
	fi
}

# every packet that reached the rule was delivered, or is held by the
# stalled listener; the overflow was counted, nothing dropped
test_failopen()
{
	local daddr=$1 got fwd failopen waiting dropped udropped

	set_rule queue flags fail-open to 0
	start_listener
	got=$(blast "$daddr")
	fwd=$(forwarded)
	failopen=$(queue_counter fail-open)
	waiting=$(queue_counter waiting)
	dropped=$(proc_field 6)
	udropped=$(proc_field 7)
	check_proc_format
	stop_listener

	if [ "$failopen" -gt 0 ] && [ "$failopen" -le "$got" ] &&
	   [ "$dropped" -eq 0 ] && [ "$udropped" -eq 0 ] &&
	   [ $((got + waiting)) -eq "$fwd" ]; then
		echo "PASS: $daddr: fail-open: $fwd queued, $got delivered" \
			"($failopen failed open), $waiting held, 0 dropped"
	else
		echo "FAIL: $daddr: fail-open: $fwd queued, $got delivered," \
			"fail-open $failopen, $waiting held, dropped $dropped/$udropped" 1>&2
		ret=1
	fi
}

# the same without the flag: the overflow is dropped
test_no_failopen()
{
	local daddr=$1 got fwd failopen waiting dropped

	set_rule queue to 0
	start_listener
	got=$(blast "$daddr")
	fwd=$(forwarded)
	failopen=$(queue_counter fail-open)
	waiting=$(queue_counter waiting)
	# queue full (field 6) or listener socket full (field 7)
	dropped=$(( $(proc_field 6) + $(proc_field 7) ))
	stop_listener

	if [ "$failopen" -eq 0 ] && [ "$dropped" -gt 0 ] &&
	   [ $((got + waiting + dropped)) -eq "$fwd" ]; then
		echo "PASS: $daddr: without fail-open: $fwd queued," \
			"$dropped dropped, $got delivered"
	else
		echo "FAIL: $daddr: without fail-open: $fwd queued, $got delivered," \
			"fail-open $failopen, $waiting held, dropped $dropped" 1>&2
		ret=1
	fi
}

# fail-open is not bypass
test_no_listener()
{
	local daddr=$1 got fwd

	set_rule queue flags fail-open to 0
	got=$(blast "$daddr")
	fwd=$(forwarded)
	if [ "$got" -eq 0 ] && [ "$fwd" -gt 0 ]; then
		echo "PASS: $daddr: fail-open without a listener drops all $fwd (it is not bypass)"
	else
		echo "FAIL: $daddr: fail-open without a listener: $fwd queued, $got delivered" 1>&2
		ret=1
	fi
}

for daddr in 10.0.2.99 "[dead:2::99]"; do
	test_no_failopen "$daddr"
	test_failopen "$daddr"
	test_no_listener "$daddr"
done

exit $ret
