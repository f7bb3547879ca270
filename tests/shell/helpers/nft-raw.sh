# SPDX-License-Identifier: GPL-2.0-only
# Source me: raw_start runs nft-raw (next to this file) --serve as a
# coprocess, raw_send FAMILY TABLE CHAIN EXPR... sends one NEWRULE through
# it and leaves the kernel's answer ("ok" or "error: ENAME (message)") in $RAW_ANSWER.  One
# interpreter for all of a test's messages instead of one per message.
RAW_TOOL="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/nft-raw"

raw_start() {
	coproc RAW_CO { "$RAW_TOOL" --serve 2>&1; }
}

raw_send() {
	RAW_ANSWER=
	if [ -z "${RAW_CO_PID:-}" ]; then
		RAW_ANSWER="error: raw_start was not called"
		return 1
	fi
	echo "$*" >&"${RAW_CO[1]}"
	if ! IFS= read -r -t 60 RAW_ANSWER <&"${RAW_CO[0]}"; then
		RAW_ANSWER="error: no answer from nft-raw"
		return 1
	fi
	[ "$RAW_ANSWER" = ok ]
}
