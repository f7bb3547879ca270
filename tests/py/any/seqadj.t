# SPDX-License-Identifier: GPL-2.0-only
# requires: nftx
# seqadj: TCP sequence number adjustment, with an optional fixed or
# random offset.  Not a terminal statement.  ip, ip6 and inet only.
:output;type filter hook output priority 0
:forward;type filter hook forward priority 0
:prerouting;type filter hook prerouting priority 0

*ip;test-ip4;output,forward,prerouting
*ip6;test-ip6;output,forward,prerouting
*inet;test-inet;output,forward,prerouting

seqadj;ok
seqadj offset 1000;ok
seqadj offset 1;ok
seqadj offset -5;ok
seqadj offset 2147483647;ok
seqadj offset -2147483648;ok
seqadj offset 0x10;ok;seqadj offset 16
seqadj random;ok
tcp dport 80 seqadj offset 1000 accept;ok
tcp dport 80 seqadj random counter;ok
ct state new seqadj;ok
ct state new seqadj offset -1000 accept;ok
seqadj offset 5 log prefix "seqadj";ok
seqadj offset 0;fail
seqadj offset -0;fail
seqadj offset 2147483648;fail
seqadj offset -2147483649;fail
seqadj random offset 5;fail
seqadj offset 5 random;fail
seqadj offset;fail
seqadj offset foo;fail
seqadj random random;fail
seqadj offset 1 offset 2;fail
accept seqadj;fail
