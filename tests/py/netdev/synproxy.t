# SPDX-License-Identifier: GPL-2.0-only
:ingress;type filter hook ingress device lo priority 0

*netdev;test-netdev;ingress

synproxy;fail
synproxy mss 1460 wscale 7;fail
