# SPDX-License-Identifier: GPL-2.0-only
# requires: nftx
# queue fail-open (NFT_QUEUE_FLAG_FAILOPEN): every form of the queue
# statement takes it; it is listed last in the flags.
:output;type filter hook output priority 0
:forward;type filter hook forward priority 0

*ip;test-ip4;output,forward
*ip6;test-ip6;output,forward
*inet;test-inet;output,forward
*bridge;test-bridge;output,forward

queue fail-open;ok;queue flags fail-open to 0
queue num 0 fail-open;ok;queue flags fail-open to 0
queue num 2 bypass fail-open;ok;queue flags bypass,fail-open to 2
queue fail-open num 3;ok;queue flags fail-open to 3
queue num 65535 fail-open;ok;queue flags fail-open to 65535
queue num 0-3 fail-open;ok;queue flags fail-open to 0-3
queue num 0-3 fanout fail-open;ok;queue flags fanout,fail-open to 0-3
queue num 0-3 fanout bypass fail-open;ok;queue flags bypass,fanout,fail-open to 0-3
queue num 0-3 fanout,bypass,fail-open;ok;queue flags bypass,fanout,fail-open to 0-3
queue flags fail-open to 0;ok
queue flags bypass,fail-open to 0;ok
queue flags fail-open,bypass to 0;ok;queue flags bypass,fail-open to 0
queue flags fail-open to 0-3;ok
queue flags bypass,fanout,fail-open to 2-3;ok
queue flags fail-open num 2;ok;queue flags fail-open to 2
queue flags fail-open to symhash mod 2;ok
queue flags bypass,fail-open to symhash mod 2;ok
queue flags fail-open to jhash meta mark mod 32;ok
queue flags fail-open to numgen inc mod 65536;ok
queue flags bypass,fail-open to numgen random mod 4;ok
queue flags fail-open to meta mark map { 1 : 0, 2 : 1 };ok;queue flags fail-open to meta mark map { 0x00000001 : 0, 0x00000002 : 1 }
queue flags fail-open to oifname map { "eth0" : 0 };ok
meta mark 1 queue num 1 fail-open;ok;meta mark 0x00000001 queue flags fail-open to 1
queue num 0 fail-open fail-open;fail
queue flags fail-open,fail-open to 0;fail
queue num 0 fail-open,fail-open;fail
queue num 65536 fail-open;fail
queue num 3-2 fail-open;fail
queue flags fanout,fail-open to symhash mod 2;fail
queue flags fail-open to 0 accept;fail
queue num fail-open;fail
queue fail-open to 0;fail
