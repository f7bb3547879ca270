# SPDX-License-Identifier: GPL-2.0-only
# requires: nftx
# synproxy ecn (nftx, issue 6): the proxy negotiates ECN with a client that
# asks for it (ECE on the cookie SYN/ACK, ECE|CWR on the SYN to the
# server); like wscale and sack-perm it travels in the timestamp cookie.
:input;type filter hook input priority 0
:forward;type filter hook forward priority 0

*ip;synproxyip;input,forward
*ip6;synproxyip6;input,forward
*inet;synproxyinet;input,forward

synproxy mss 1460 wscale 7 timestamp ecn;ok
synproxy mss 1460 wscale 7 timestamp sack-perm ecn;ok
synproxy timestamp ecn;ok
tcp dport 80 synproxy mss 1460 wscale 7 timestamp sack-perm ecn;ok
