# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the synproxy traffic tests (after topology.sh): the option
# matrix and the flood of 0011, for either way of setting the proxy up:
#
#   SP_MODE=recipe    the documented recipe: notrack the SYN in raw
#                     prerouting, nf_conntrack_tcp_loose=0,
#                     "ct state invalid,untracked synproxy ..." in forward
#   SP_MODE=one-rule  nothing but "tcp dport 80 synproxy ..." in forward,
#                     the default sysctls
#
# sp_setup, then sp_matrix and sp_flood; failures set $fail.  SP_MATRIX=short
# runs four of sp_matrix's nine option sets.
SP_MODE=${SP_MODE:-recipe}
STATS=$TOP/tools/nft-synproxy-stats
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
r() { ip netns exec "$R" "$@"; }

sp_setup() {
	topo_up || return 1
	DATA=$(mktemp)
	head -c 200000 /dev/urandom > "$DATA"
	CAP=$(mktemp -d)
	if [ "$SP_MODE" = recipe ]; then
		r sysctl -qw net.netfilter.nf_conntrack_tcp_loose=0
	fi
}

sp_cleanup() { rm -rf "$DATA" "$CAP"; }

# download FILE ADDR PORT SECONDS: the server sends FILE to the client
download() {
	local file=$1 addr=$2 port=$3 secs=$4 out rc srv
	out=$(mktemp)
	ip netns exec "$S" timeout "$secs" socat -u OPEN:"$file" TCP6-LISTEN:"$port",reuseaddr,ipv6only=0 &
	srv=$!
	wait_listen "$S" "$port" || return 1
	ip netns exec "$C" timeout "$secs" socat -u TCP:"$addr":"$port" CREATE:"$out"
	rc=$?
	wait "$srv" || rc=1
	if [ $rc = 0 ] && ! cmp -s "$file" "$out"; then
		echo "download: received $(stat -c %s "$out") bytes, they differ" >&2
		rc=1
	fi
	rm -f "$out"
	return $rc
}

# load STATEMENT [OBJECT-BODY]: the proxy set up around one synproxy
# statement, the SP_MODE way (the recipe adds the notrack chain, the
# ct state guard and the invalid drop)
load() {
	local obj="" pre="" guard="" drop=""
	[ $# -gt 1 ] && obj="synproxy o { $2 }"
	if [ "$SP_MODE" = recipe ]; then
		pre="chain pre {
		type filter hook prerouting priority raw; policy accept;
		tcp dport 80 tcp flags syn notrack
	}"
		guard="ct state invalid,untracked"
		drop="ct state invalid drop"
	fi
	r $NFT -f - <<EOF
flush ruleset
table inet sp {
	$obj
	$pre
	chain fw {
		type filter hook forward priority filter; policy accept;
		tcp dport 80 $guard $1
		$drop
	}
}
EOF
}

# --- 1. the matrix ----------------------------------------------------
sp_matrix() {
	local c stmt body want addr name td up down opts got o
	# statement | object body | options of the cookie SYN/ACK ("-" none)
	cases=(
		"synproxy|-|-"
		"synproxy mss 1460 wscale 7|-|-"
		"synproxy mss 1460 wscale 7 sack-perm|-|-"
		"synproxy mss 1460 wscale 7 timestamp|-|TS wscale"
		"synproxy mss 1460 timestamp sack-perm|-|TS sackOK"
		"synproxy mss 1460 wscale 7 timestamp sack-perm|-|TS wscale sackOK"
		"synproxy mss 1400 wscale 5 timestamp sack-perm ecn|-|TS wscale sackOK"
		"synproxy name \"o\"|mss 1460; wscale 7; timestamp sack-perm;|TS wscale sackOK"
		"synproxy name \"o\"|mss 1460; wscale 7;|-"
	)
	# SP_MATRIX=short: four of them (none, all but ecn, ecn, an object);
	# 0012 runs those in make check, where 0011 has run them all
	[ "${SP_MATRIX:-full}" = short ] &&
		cases=("${cases[0]}" "${cases[5]}" "${cases[6]}" "${cases[7]}")
	for c in "${cases[@]}"; do
		IFS='|' read -r stmt body want <<< "$c"
		if [ "$body" = - ]; then load "$stmt"; else load "$stmt" "$body"; fi || {
			echo "FAILED: load: $stmt"; fail=1; continue; }
		for addr in 10.0.2.2 '[fd02::2]'; do
			name="$stmt${body:+ ($body)} to $addr"
			[ "$body" = - ] && name="$stmt to $addr"
			r tcpdump -l -n -i r0 "(ip and tcp src port 80 and tcp[tcpflags] & tcp-syn != 0) or (ip6 and tcp src port 80 and ip6[53] & 2 != 0)" > "$CAP/synack" 2>/dev/null &
			td=$!
			sleep 2
			up=0 down=0
			transfer "$DATA" "$addr" 80 30 && up=1
			download "$DATA" "$addr" 80 30 && down=1
			sleep 1
			kill $td; wait $td 2>/dev/null
			check "$name: upload intact" '[ $up = 1 ]'
			check "$name: download intact" '[ $down = 1 ]'
			# the proxy's SYN/ACKs (window 0: the cookie's), options as allowed
			opts=$(grep -a -m1 "Flags \[S\.E*\].* win 0," "$CAP/synack" | sed -n 's/.*options \[\([^]]*\)\].*/\1/p')
			echo "    $name: cookie SYN/ACK options [$opts]"
			got=""
			for o in TS wscale sackOK; do
				case ",$opts," in *",$o "*|*",$o,"*) got="$got $o" ;; esac
			done
			got=${got# }
			[ -n "$got" ] || got=-
			check "$name: the cookie SYN/ACK offers $want" '[ "$got" = "$want" ]'
		done
	done
}

# --- 2. a flood while real connections are opened ------------------------
sp_flood() {
	local ct0 ct1 FLOOD fl ok n s
	load "synproxy mss 1460 wscale 7 timestamp sack-perm"
	r conntrack -F 2>/dev/null
	sleep 1
	ct0=$(r conntrack -C)
	FLOOD=3000
	ip netns exec "$C" "$TOP/tests/shell/helpers/synflood" 10.0.2.2 80 $FLOOD --src-net 10.0.1.0/24 > "$CAP/flood" &
	fl=$!
	ok=0 n=0
	while kill -0 $fl 2>/dev/null || [ $n -lt 4 ]; do
		n=$((n + 1))
		transfer "$DATA" 10.0.2.2 80 30 && ok=$((ok + 1))
		[ $n -ge 12 ] && break
	done
	wait $fl
	sleep 1
	ct1=$(r conntrack -C)
	s=$(r "$STATS" rules inet sp fw)
	echo "    flood: $(cat "$CAP/flood"); $ok of $n real connections; conntrack $ct0 -> $ct1; $s"
	val() { echo "$s" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
	check "every real connection during the flood succeeded ($ok of $n)" '[ $ok = $n ] && [ $n -ge 4 ]'
	check "conntrack grew by the real connections only ($ct0 -> $ct1, $n connections)" \
		'[ $((ct1 - ct0)) -le $n ]'
	check "SYNs answered: the flood and the real ones ($(val syn_answered) >= $FLOOD + $n)" \
		'[ "$(val syn_answered)" -ge $((FLOOD + n)) ] && [ "$(val syn_answered)" -le $((FLOOD + 2 * n)) ]'
	check "valid cookies: the real connections ($(val cookie_valid) = $n)" '[ "$(val cookie_valid)" = $n ]'
	check "no invalid cookie" '[ "$(val cookie_invalid)" = 0 ]'
}
