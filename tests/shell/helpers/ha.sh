# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the high-availability tests and the demo: a firewall pair.
#
#   client ---- [ lan switch ] ---- fw1 a0   fw1 b0 ---- [ dmz switch ] ---- server
#   10.0.1.1                   ---- fw2 a0   fw2 b0 ----             10.0.2.2
#   fd01::1                          fw1 y0 == fw2 y0 (sync link)     fd02::2
#
# The client's gateway 10.0.1.254 / fd01::fe and the server's 10.0.2.254 /
# fd02::fe are held by keepalived (VRRP, use_vmac: the gateway's MAC moves
# with it); conntrackd (FTFW over UDP on the sync link, external cache)
# replicates the conntrack table, and keepalived's notify script does what
# conntrackd's primary-backup.sh does (commit the external cache on
# takeover, request a resync on becoming backup).  The switches are bridges
# in a namespace of their own.  Every daemon has its own configuration,
# sockets, pid and lock files under $HA_DIR; all of it goes on exit.
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
HA_C=hc$$ HA_S=hs$$ HA_SW=hw$$ HA_F1=hf1$$ HA_F2=hf2$$
HA_DIR=${HA_DIR:-/run/nftx-ha.$$}
PY=/usr/bin/python3

ha_ns() {	# ha_ns 1|2: the namespace of fw1 / fw2
	if [ "$1" = 1 ]; then echo "$HA_F1"; else echo "$HA_F2"; fi
}

ha_cleanup() {
	local ns n
	for n in 1 2; do
		ha_stop_daemons "$n" 2>/dev/null
	done
	for ns in "$HA_C" "$HA_S" "$HA_F1" "$HA_F2" "$HA_SW"; do
		ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null
		ip netns del "$ns" 2>/dev/null
	done
	# HA_KEEP=DIR keeps the daemons' configurations and logs there
	[ -n "${HA_KEEP:-}" ] && rm -rf "$HA_KEEP" && cp -r "$HA_DIR" "$HA_KEEP"
	rm -rf "$HA_DIR"
	return 0
}

# ha_link NS1 IF1 NS2 IF2 [BRIDGE]: a veth; with BRIDGE, IF2 is a port of it
ha_link() {
	ip link add "$2" netns "$1" type veth peer name "$4" netns "$3" || return 1
	ip -n "$1" link set "$2" up
	[ -n "${5:-}" ] && ip -n "$3" link set "$4" master "$5"
	ip -n "$3" link set "$4" up
}

ha_conf_conntrackd() {	# ha_conf_conntrackd N PEER
	local n=$1 peer=$2
	cat > "$HA_DIR/fw$n-conntrackd.conf" <<EOF
Sync {
	Mode FTFW {
		DisableExternalCache Off
		CommitTimeout 1800
		PurgeTimeout 5
	}
	Options {
		TCPWindowTracking ${HA_TCP_WINDOW_TRACKING:-On}
	}
	UDP {
		IPv4_address 192.168.100.$n
		IPv4_Destination_Address 192.168.100.$peer
		Port 3780
		Interface y0
		SndSocketBuffer 1249280
		RcvSocketBuffer 1249280
		Checksum on
	}
}
General {
	Systemd off
	HashSize 8192
	HashLimit 65535
	LogFile $HA_DIR/fw$n-conntrackd.log
	Syslog off
	LockFile $HA_DIR/fw$n-conntrackd.lock
	UNIX {
		Path $HA_DIR/fw$n-conntrackd.ctl
	}
	NetlinkBufferSize ${HA_NL_BUFFER:-2097152}
	NetlinkBufferSizeMaxGrowth ${HA_NL_BUFFER_MAX:-8388608}
	NetlinkEventsReliable ${HA_NL_RELIABLE:-On}
	NetlinkOverrunResync ${HA_NL_OVERRUN_RESYNC:-Off}
	Filter From Userspace {
		Protocol Accept {
			TCP
		}
		Address Ignore {
			IPv4_address 127.0.0.1
			IPv6_address ::1
			IPv4_address 192.168.100.0/24
		}
	}
}
EOF
}

ha_conf_keepalived() {	# ha_conf_keepalived N PRIORITY
	local n=$1 prio=$2
	cat > "$HA_DIR/fw$n-keepalived.conf" <<EOF
global_defs {
	router_id fw$n
	script_user root
	vrrp_garp_master_repeat 2
	vrrp_garp_master_refresh 2
}
vrrp_sync_group gw {
	group {
		lan
		dmz
	}
	notify_master "$TOP/tests/shell/helpers/ha-notify $HA_DIR/fw$n-conntrackd.conf master"
	notify_backup "$TOP/tests/shell/helpers/ha-notify $HA_DIR/fw$n-conntrackd.conf backup"
	notify_fault "$TOP/tests/shell/helpers/ha-notify $HA_DIR/fw$n-conntrackd.conf fault"
}
vrrp_instance lan {
	state BACKUP
	interface a0
	use_vmac vrrp.51
	virtual_router_id 51
	priority $prio
	advert_int 1
	preempt_delay 2
	virtual_ipaddress {
		10.0.1.254/24
	}
	virtual_ipaddress_excluded {
		fd01::fe/64
	}
}
vrrp_instance dmz {
	state BACKUP
	interface b0
	use_vmac vrrp.52
	virtual_router_id 52
	priority $prio
	advert_int 1
	preempt_delay 2
	virtual_ipaddress {
		10.0.2.254/24
	}
	virtual_ipaddress_excluded {
		fd02::fe/64
	}
}
EOF
}

ha_start_conntrackd() {	# ha_start_conntrackd N
	local n=$1
	rm -f "$HA_DIR/fw$n-conntrackd.lock" "$HA_DIR/fw$n-conntrackd.ctl"
	ip netns exec "$(ha_ns "$n")" conntrackd -C "$HA_DIR/fw$n-conntrackd.conf" -d || return 1
	for _ in $(seq 50); do
		[ -S "$HA_DIR/fw$n-conntrackd.ctl" ] && return 0
		sleep 0.1
	done
	echo "conntrackd on fw$n did not start" >&2
	return 1
}

ha_start_keepalived() {	# ha_start_keepalived N
	local n=$1
	ip netns exec "$(ha_ns "$n")" keepalived --vrrp -n -l -D \
		-f "$HA_DIR/fw$n-keepalived.conf" \
		-p "$HA_DIR/fw$n-keepalived.pid" -r "$HA_DIR/fw$n-vrrp.pid" \
		-c "$HA_DIR/fw$n-checkers.pid" \
		>> "$HA_DIR/fw$n-keepalived.log" 2>&1 &
	echo $! > "$HA_DIR/fw$n-keepalived.main"
}

ha_stop_keepalived() {	# ha_stop_keepalived N [SIGNAL]
	local n=$1 sig=${2:-TERM} pid
	pid=$(cat "$HA_DIR/fw$n-keepalived.main" 2>/dev/null) || return 0
	kill -"$sig" "$pid" 2>/dev/null
	[ "$sig" = KILL ] && kill -KILL "$(cat "$HA_DIR/fw$n-vrrp.pid" 2>/dev/null)" 2>/dev/null
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	rm -f "$HA_DIR/fw$n-keepalived.main"
}

ha_stop_daemons() {	# ha_stop_daemons N [SIGNAL]
	local n=$1 sig=${2:-TERM}
	ha_stop_keepalived "$n" "$sig"
	if [ "$sig" = KILL ]; then
		pkill -KILL -f "conntrackd -C $HA_DIR/fw$n-conntrackd.conf" 2>/dev/null
	else
		conntrackd -C "$HA_DIR/fw$n-conntrackd.conf" -k 2>/dev/null
	fi
	for _ in $(seq 50); do
		pgrep -f "conntrackd -C $HA_DIR/fw$n-conntrackd.conf -d" > /dev/null || return 0
		sleep 0.1
	done
}

# ha_master: which firewall holds the client's gateway now (1, 2 or "")
ha_master() {
	local n
	for n in 1 2; do
		ip -n "$(ha_ns "$n")" -4 addr show dev vrrp.51 2>/dev/null | grep -q '10\.0\.1\.254/' &&
			ip -n "$(ha_ns "$n")" -4 addr show dev vrrp.52 2>/dev/null | grep -q '10\.0\.2\.254/' &&
			{ echo "$n"; return 0; }
	done
	echo ""
}

# ha_wait_master N [SECONDS]: until fw N holds both gateways and its
# notify script has run (the external cache is committed)
ha_wait_master() {
	local n=$1 i
	for i in $(seq $((${2:-30} * 10))); do
		[ "$(ha_master)" = "$n" ] && grep -q "^master done" "$HA_DIR/fw$n-notify.state" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "fw$n did not become master" >&2
	return 1
}

ha_up() {
	local n ns
	trap ha_cleanup EXIT
	mkdir -p "$HA_DIR"
	for ns in "$HA_C" "$HA_S" "$HA_F1" "$HA_F2" "$HA_SW"; do
		ip netns add "$ns" && ip -n "$ns" link set lo up || return 1
	done
	ip -n "$HA_SW" link add lan type bridge
	ip -n "$HA_SW" link add dmz type bridge
	ip -n "$HA_SW" link set lan up
	ip -n "$HA_SW" link set dmz up
	ha_link "$HA_C" c0 "$HA_SW" pc lan
	ha_link "$HA_S" s0 "$HA_SW" ps dmz
	for n in 1 2; do
		ns=$(ha_ns "$n")
		ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.forwarding=1
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.accept_dad=0
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0
		ha_link "$ns" a0 "$HA_SW" "p${n}a" lan
		ha_link "$ns" b0 "$HA_SW" "p${n}b" dmz
		ip -n "$ns" addr add "10.0.1.$((n + 1))/24" dev a0
		ip -n "$ns" addr add "fd01::$((n + 1))/64" dev a0 nodad
		ip -n "$ns" addr add "10.0.2.$((n + 251))/24" dev b0
		ip -n "$ns" addr add "fd02::$((n + 251))/64" dev b0 nodad
	done
	ip link add y0 netns "$HA_F1" type veth peer name y0 netns "$HA_F2"
	for n in 1 2; do
		ns=$(ha_ns "$n")
		ip -n "$ns" addr add "192.168.100.$n/24" dev y0
		ip -n "$ns" link set y0 up
	done
	ip -n "$HA_C" addr add 10.0.1.1/24 dev c0
	ip -n "$HA_C" addr add fd01::1/64 dev c0 nodad
	ip -n "$HA_S" addr add 10.0.2.2/24 dev s0
	ip -n "$HA_S" addr add fd02::2/64 dev s0 nodad
	ip -n "$HA_C" route add default via 10.0.1.254
	ip -n "$HA_C" -6 route add default via fd01::fe
	ip -n "$HA_S" route add default via 10.0.2.254
	ip -n "$HA_S" -6 route add default via fd02::fe
	ha_conf_conntrackd 1 2
	ha_conf_conntrackd 2 1
	ha_conf_keepalived 1 150
	ha_conf_keepalived 2 100
}

# ha_start: conntrackd on both, then keepalived; waits for fw1 as master
ha_start() {
	ha_start_conntrackd 1 && ha_start_conntrackd 2 || return 1
	ha_start_keepalived 1
	ha_start_keepalived 2
	ha_wait_master 1 40
}

# ha_entries NS PORT: each TCP entry to PORT in NS with its seqadj and
# synproxy state (tools/ct-seqadj), sorted, one line each
ha_entries() {	# ha_entries NS PORT
	ip netns exec "$1" $PY "$TOP/tools/ct-seqadj" "$2" | sort
}
