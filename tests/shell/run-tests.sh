#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/shell/run-tests.sh [TESTCASE...] - nftables' shell test format.
#
# Every executable file under testcases/ is a test.  It runs with $NFT set
# to the nft binary under test (default: nftx once built, else
# /usr/sbin/nft), in a network namespace of its own.  Exit 0 is a pass, 77
# a skip, anything else a failure.  Where testcases/DIR/dumps/NAME.nft
# exists, "$NFT list ruleset" in the test's namespace afterwards must equal
# it.  Runs inside the guest (vm/vm-run).  One "PASS: name" /
# "FAIL: name" / "SKIP: name" line per test, and a failure's last 30
# lines of output; VERBOSE=1 shows all of every test's output; DUMPGEN=1
# writes the dump of a passing test that has none (or an empty one), for
# review.
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
if [ -z "$NFT" ]; then
	if [ -x "$TOP/build/nftx" ]; then NFT="$TOP/build/nftx"; else NFT=$(command -v nft || echo /usr/sbin/nft); fi
fi
export NFT
[ -n "$NFTX_GUEST" ] || echo "warning: not in the nftx guest (use vm/vm-run)" >&2
[ "$(id -u)" = 0 ] || { echo "FAIL: must run as root"; exit 1; }
echo "nft under test: $NFT"

if [ $# -gt 0 ]; then
	TESTS=()
	for t in "$@"; do
		case "$t" in /*) TESTS+=("$t") ;; *) TESTS+=("$(cd "$(dirname "$t")" && pwd)/$(basename "$t")") ;; esac
	done
else
	mapfile -t TESTS < <(find "$HERE/testcases" -type f -perm -u+x ! -path '*/dumps/*' | sort)
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
rc_all=0
for t in "${TESTS[@]}"; do
	name=${t#"$HERE"/testcases/}
	dump="$(dirname "$t")/dumps/$(basename "$t").nft"
	t0=$(date +%s)
	# the test and the listing of what it left behind share one netns
	unshare -n bash -c '
		ip link set lo up
		"$1" > "$2/out" 2>&1
		rc=$?
		"$NFT" list ruleset > "$2/ruleset" 2>> "$2/out"
		exit $rc' _ "$t" "$WORK"
	rc=$?
	dt=$(( $(date +%s) - t0 ))
	why=
	if [ $rc = 77 ]; then
		echo "SKIP: $name"
		continue
	elif [ $rc != 0 ]; then
		why="exit $rc"
	elif [ -n "$DUMPGEN" ] && [ ! -s "$dump" ]; then
		mkdir -p "$(dirname "$dump")"
		cp "$WORK/ruleset" "$dump"
		echo "    wrote dumps/$(basename "$dump")"
	elif [ -f "$dump" ] && ! diff -u "$dump" "$WORK/ruleset" > "$WORK/diff"; then
		why="ruleset differs from dumps/$(basename "$dump")"
	fi
	if [ -z "$why" ]; then
		echo "PASS: $name (${dt} s)"
		[ -z "$VERBOSE" ] || sed 's/^/    /' "$WORK/out"
	else
		echo "FAIL: $name: $why"
		if [ -n "$VERBOSE" ]; then
			sed 's/^/    /' "$WORK/out"
		else
			sed 's/^/    /' "$WORK/out" | tail -30
		fi
		[ ! -s "$WORK/diff" ] || sed 's/^/    /' "$WORK/diff" | head -60
		rc_all=1
	fi
	rm -f "$WORK/diff"
done
exit $rc_all
