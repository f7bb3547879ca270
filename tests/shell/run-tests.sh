#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/shell/run-tests.sh [TESTCASE...] - nftables' shell test format.
#
# Every executable file under testcases/ is a test.  It runs with $NFT set
# to the nft under test (default: nftx once built, else /usr/sbin/nft), in
# a network namespace of its own.  $NFT is a command with arguments, used
# unquoted as nftables' tests/shell does: NFT="valgrind
# --error-exitcode=1 build/nftx" runs every nft of the tests under
# valgrind (a relative path in it is made absolute).  Exit 0 is a pass, 77
# a skip, anything else a failure.  Where testcases/DIR/dumps/NAME.nft
# exists, "$NFT list ruleset" in the test's namespace afterwards must equal
# it.  Runs inside the guest (vm/vm-run).  One "PASS: name" /
# "FAIL: name" / "SKIP: name" line per test, and a failure's last 30
# lines of output; VERBOSE=1 shows all of every test's output; DUMPGEN=1
# writes the dump of a passing test that has none (or an empty one), for
# review.
#
# Tags, in a testcase's first 20 lines, as in nftables' tests/shell:
#   # NFT_TEST_REQUIRES(NFT_TEST_HAVE_nftx)
# skips the testcase unless $NFT_TEST_HAVE_nftx is y.  The runner sets
# NFT_TEST_HAVE_nftx (unless it is set already) to y when "$NFT -V" names
# nftx, and exports it to the testcases.
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
if [ -z "$NFT" ]; then
	if [ -x "$TOP/build/nftx" ]; then NFT="$TOP/build/nftx"; else NFT=$(command -v nft || echo /usr/sbin/nft); fi
fi
# the command's words; a relative path among them made absolute, since
# testcases change directories
read -r -a words <<< $NFT
for i in "${!words[@]}"; do
	w=${words[i]}
	case $w in
	/*|-*) ;;
	*/*) [ ! -e "$w" ] || words[i]="$(cd "$(dirname "$w")" && pwd)/$(basename "$w")" ;;
	esac
done
NFT="${words[*]}"
export NFT
# a valgrind in $NFT also reads tests/valgrind.supp: the reports the
# installed libnftables makes under the stock nft too
export VALGRIND_OPTS="${VALGRIND_OPTS:+$VALGRIND_OPTS }--suppressions=$TOP/tests/valgrind.supp"
if [ -z "${NFT_TEST_HAVE_nftx:-}" ]; then
	if $NFT -V 2> /dev/null | grep -q '^[[:space:]]*nftx:'; then
		NFT_TEST_HAVE_nftx=y
	else
		NFT_TEST_HAVE_nftx=n
	fi
fi
export NFT_TEST_HAVE_nftx
[ -n "$NFTX_GUEST" ] || echo "warning: not in the nftx guest (use vm/vm-run)" >&2
[ "$(id -u)" = 0 ] || { echo "FAIL: must run as root"; exit 1; }
echo "nft under test: $NFT (NFT_TEST_HAVE_nftx=$NFT_TEST_HAVE_nftx)"

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
	# NFT_TEST_REQUIRES(VAR) tags: every VAR must be y
	missing=
	for r in $(head -n 20 "$t" | sed -n 's/^# NFT_TEST_REQUIRES(\([A-Za-z0-9_]*\)).*/\1/p'); do
		[ "${!r:-n}" = y ] || missing="$missing $r"
	done
	if [ -n "$missing" ]; then
		echo "SKIP: $name (requires$missing)"
		continue
	fi
	t0=$(date +%s)
	# the test and the listing of what it left behind share one netns
	unshare -n bash -c '
		ip link set lo up
		"$1" > "$2/out" 2>&1
		rc=$?
		$NFT list ruleset > "$2/ruleset" 2>> "$2/out"
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
