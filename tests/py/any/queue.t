# SPDX-License-Identifier: GPL-2.0-only
:output;type filter hook output priority 0
:forward;type filter hook forward priority 0

*ip;test-ip4;output,forward
*ip6;test-ip6;output,forward
*inet;test-inet;output,forward
*bridge;test-bridge;output,forward

queue;ok;queue to 0
queue num 0;ok;queue to 0
queue num 2;ok;queue to 2
queue num 65535;ok;queue to 65535
queue num 65536;fail
queue num 2-3;ok;queue to 2-3
queue num 1-65535;ok;queue to 1-65535
queue num 3-2;fail
queue num 4-5 fanout bypass;ok;queue flags bypass,fanout to 4-5
queue num 4-5 fanout;ok;queue flags fanout to 4-5
queue num 4-5 bypass;ok;queue flags bypass to 4-5
queue num 4 bypass;ok;queue flags bypass to 4
queue bypass;ok;queue flags bypass to 0
queue to 2;ok
queue to 2-3;ok
queue flags bypass to 2;ok
queue flags bypass,fanout to 2-3;ok
queue flags fanout to 2-3;ok
queue flags bypass to 2-3;ok
queue to symhash mod 2;ok
queue flags bypass to symhash mod 2;ok
queue to jhash meta mark mod 32;ok
queue flags bypass to numgen inc mod 65536;ok
queue to numgen random mod 4;ok
queue to meta mark map { 1 : 0, 2 : 1 };ok;queue to meta mark map { 0x00000001 : 0, 0x00000002 : 1 }
queue flags bypass to oifname map { "eth0" : 0 };ok
queue flags fanout to symhash mod 2;fail
queue flags bypuss to 2;fail
