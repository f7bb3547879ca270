# SPDX-License-Identifier: GPL-2.0-only
# requires: nftx
# seqadj needs conntrack: the kernel refuses it in the netdev family
:ingress;type filter hook ingress device lo priority 0

*netdev;test-netdev;ingress

seqadj;fail
seqadj offset 1000;fail
seqadj random;fail
