# SPDX-License-Identifier: GPL-2.0-only
# requires: nftx
# seqadj: ip, ip6 and inet only; the kernel refuses it in bridge
:forward;type filter hook forward priority 0

*bridge;test-bridge;forward

seqadj;fail
seqadj offset 1000;fail
seqadj random;fail
