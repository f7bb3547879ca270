# SPDX-License-Identifier: GPL-2.0-only
# requires: nftx
# fail-open is refused in netdev like every queue
:ingress;type filter hook ingress device lo priority 0
*netdev;test-netdev;ingress

queue num 0 fail-open;fail
queue flags bypass,fail-open to 2;fail
queue flags fail-open to symhash mod 2;fail
