# SPDX-License-Identifier: GPL-2.0-only
:ingress;type filter hook ingress device lo priority 0

*netdev;test-netdev;ingress

queue;fail
queue num 2;fail
queue num 2-3 bypass;fail
