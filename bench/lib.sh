# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the benchmarks (they run inside the guest, see bench/README.md).
# The client -- router -- server topology of the traffic tests, plus
# measurement helpers.  Every figure is a ratio against a peer measured in
# the same run, repetitions interleaved (A B A B ...) so that drifts of the
# emulated machine hit both sides alike.
. "$(dirname "${BASH_SOURCE[0]}")/../tests/shell/helpers/topology.sh"
REPS=${REPS:-3}
SECS=${SECS:-8}
NFT=${NFT:-nft}
[ -x "$TOP/build/nftx" ] && [ "$NFT" = nft ] && NFT="$TOP/build/nftx"
RESULTS=${RESULTS:-$TOP/build/bench}
mkdir -p "$RESULTS"

# TCP throughput client -> server in Mbit/s (iperf3, SECS seconds)
iperf() {	# iperf ADDR [PORT]
	local port=${2:-5201} json
	ip netns exec "$S" iperf3 -s -1 -p "$port" > /dev/null 2>&1 &
	local spid=$!
	wait_listen "$S" "$port" || return 1
	json=$(ip netns exec "$C" timeout $((SECS + 30)) iperf3 -c "$1" -p "$port" -t "$SECS" -J 2>/dev/null)
	wait "$spid" 2>/dev/null
	echo "$json" | /usr/bin/python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
    print("%.2f" % (d["end"]["sum_received"]["bits_per_second"] / 1e6))
except Exception:
    print("0")'
}

# statistics of numbers on stdin: "median min max"
stats() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "0 0 0"; exit }
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		print m, v[1], v[NR] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "inf"; else printf "%.3f\n", a / b }'; }

# median [min max] of the per-run ratios B_i / A_i of two interleaved series
# (pairs measured back to back: robust against the drift of the guest)
pair_ratios() {	# pair_ratios "A1 A2 ..." "B1 B2 ..."
	local -a a=($1) b=($2)
	local i
	for i in "${!a[@]}"; do ratio "${b[i]}" "${a[i]}"; done | grep -v inf | stats |
		awk '{ printf "%.3f [%.3f-%.3f]\n", $1, $2, $3 }'
}
