# SPDX-License-Identifier: GPL-2.0-only
:input;type filter hook input priority 0
:forward;type filter hook forward priority 0

*ip;synproxyip;input,forward
*ip6;synproxyip6;input,forward
*inet;synproxyinet;input,forward

%synproxy1 type synproxy mss 1460 wscale 7 timestamp sack-perm;ok
%synproxy2 type synproxy mss 1260 wscale 5;ok

synproxy;ok
synproxy mss 1460 wscale 7;ok
synproxy mss 1460 wscale 5 timestamp sack-perm;ok
synproxy mss 1460 wscale 7 timestamp;ok
synproxy timestamp sack-perm;ok
synproxy timestamp;ok
synproxy sack-perm;ok
synproxy mss 1460;ok;synproxy mss 1460 wscale 0
synproxy wscale 7;ok;synproxy mss 0 wscale 7
synproxy mss 65535 wscale 14;ok
synproxy mss 536;ok;synproxy mss 536 wscale 0
synproxy mss 1460 wscale 15;fail
synproxy name "synproxy1";ok
synproxy name "synproxy2";ok
synproxy name "nosuchobject";fail
synproxy name tcp dport map { 443 : "synproxy1", 80 : "synproxy2" };ok;synproxy name tcp dport map { 80 : "synproxy2", 443 : "synproxy1" }
tcp dport 80 synproxy mss 1460 wscale 7 timestamp sack-perm;ok
ct state invalid,untracked synproxy mss 1460 wscale 7 timestamp sack-perm;ok
