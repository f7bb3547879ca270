# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the traffic tests: three network namespaces
#
#   client 10.0.1.1 / fd01::1 --- router --- server 10.0.2.2 / fd02::2
#
# named after the test's PID ($C, $R, $S), removed on exit.  The router
# forwards IPv4 and IPv6; nothing filters yet.
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
C=cl$$ R=rt$$ S=sv$$

topo_cleanup() {
	local ns
	for ns in "$C" "$R" "$S"; do
		ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null
		ip netns del "$ns" 2>/dev/null
	done
	return 0
}

topo_up() {
	local ns
	trap topo_cleanup EXIT
	for ns in "$C" "$R" "$S"; do
		ip netns add "$ns" && ip -n "$ns" link set lo up || return 1
	done
	ip link add c0 netns "$C" type veth peer name r0 netns "$R"
	ip link add s0 netns "$S" type veth peer name r1 netns "$R"
	ip -n "$C" addr add 10.0.1.1/24 dev c0
	ip -n "$C" addr add fd01::1/64 dev c0 nodad
	ip -n "$R" addr add 10.0.1.254/24 dev r0
	ip -n "$R" addr add fd01::fe/64 dev r0 nodad
	ip -n "$R" addr add 10.0.2.254/24 dev r1
	ip -n "$R" addr add fd02::fe/64 dev r1 nodad
	ip -n "$S" addr add 10.0.2.2/24 dev s0
	ip -n "$S" addr add fd02::2/64 dev s0 nodad
	ip -n "$C" link set c0 up
	ip -n "$R" link set r0 up
	ip -n "$R" link set r1 up
	ip -n "$S" link set s0 up
	ip -n "$C" route add default via 10.0.1.254
	ip -n "$C" -6 route add default via fd01::fe
	ip -n "$S" route add default via 10.0.2.254
	ip -n "$S" -6 route add default via fd02::fe
	ip netns exec "$R" sysctl -qw net.ipv4.ip_forward=1
	ip netns exec "$R" sysctl -qw net.ipv6.conf.all.forwarding=1
}

# wait until something listens on TCP port $2 in namespace $1
wait_listen() {
	local i
	for i in $(seq 100); do
		ip netns exec "$1" ss -ltnH "sport = :$2" | grep -q . && return 0
		sleep 0.1
	done
	echo "nothing listens on port $2 in $1" >&2
	return 1
}

# transfer FILE from the client to the server's ADDR:PORT within SECONDS;
# succeeds when the server received the same bytes (sha256)
transfer() {	# transfer FILE ADDR PORT SECONDS
	local file=$1 addr=$2 port=$3 secs=$4 out rc
	out=$(mktemp)
	ip netns exec "$S" timeout "$secs" socat -u TCP6-LISTEN:"$port",reuseaddr,ipv6only=0 OPEN:"$out",creat,trunc &
	local srv=$!
	wait_listen "$S" "$port" || return 1
	ip netns exec "$C" timeout "$secs" socat -u OPEN:"$file" TCP:"$addr":"$port"
	rc=$?
	wait "$srv" || rc=1
	if [ $rc = 0 ] && [ "$(sha256sum < "$file")" != "$(sha256sum < "$out")" ]; then
		echo "transfer: received $(stat -c %s "$out") bytes, checksum differs" >&2
		rc=1
	fi
	rm -f "$out"
	return $rc
}

# field N (1-based) of queue Q's line in /proc/net/netfilter/nfnetlink_queue
# in namespace NS; 0 when the queue is not bound
nfq_field() {	# nfq_field NS Q N
	ip netns exec "$1" awk -v q="$2" -v n="$3" '$1 == q { print $n; f = 1 } END { if (!f) print 0 }' \
		/proc/net/netfilter/nfnetlink_queue
}

# counter NAME of queue Q in "nftx list queues" in namespace NS (listener,
# waiting, maxlen, dropped, user-dropped, fail-open, last-id); 0 when the
# queue is not bound
nfq_stat() {	# nfq_stat NS Q NAME
	ip netns exec "$1" $NFT list queues |
		awk -v q="$2" -v k="$3" '$1 == "queue" && $2 == q {
			for (i = 3; i < NF; i += 2) if ($i == k) { print $(i + 1); f = 1 } }
			END { if (!f) print 0 }'
}

# true if every line of /proc/net/netfilter/nfnetlink_queue in NS has
# upstream's nine fields (and there is at least one line)
nfq_proc_9_fields() {	# nfq_proc_9_fields NS
	ip netns exec "$1" awk 'NF != 9 { bad = 1 } END { exit bad || NR == 0 }' \
		/proc/net/netfilter/nfnetlink_queue
}
