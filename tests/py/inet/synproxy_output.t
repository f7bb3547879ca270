# SPDX-License-Identifier: GPL-2.0-only
# synproxy answers SYNs that arrive: it is refused in output (and
# prerouting/postrouting) chains.
:output;type filter hook output priority 0
:prerouting;type filter hook prerouting priority 0

*ip;synproxyip;output,prerouting
*ip6;synproxyip6;output,prerouting
*inet;synproxyinet;output,prerouting

synproxy;fail
synproxy mss 1460 wscale 7 timestamp sack-perm;fail
