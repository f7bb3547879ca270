// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-uapi.c - the public headers stand alone, and nftx/uapi.h gives
 * the same constants with the stock system headers and with headers
 * that already carry our kernel's additions (built twice: test-uapi
 * and test-uapi-new, see the Makefile).
 */
#include <nftx/expr.h>	/* first: must need nothing before it */
#include <nftx/uapi.h>

#include "test.h"

#ifndef UAPI_VARIANT
#define UAPI_VARIANT	"uapi"
#endif

_Static_assert(NFT_QUEUE_FLAG_BYPASS == 0x01, "bypass");
_Static_assert(NFT_QUEUE_FLAG_CPU_FANOUT == 0x02, "fanout");
_Static_assert(NFT_QUEUE_FLAG_FAILOPEN == 0x04, "fail-open");
_Static_assert(NFT_QUEUE_FLAG_MASK == 0x07, "queue mask");
_Static_assert(NFTX_QUEUE_FLAG_MASK == 0x07, "nftx queue mask");
_Static_assert(NFTA_SEQADJ_UNSPEC == 0, "seqadj unspec");
_Static_assert(NFTA_SEQADJ_OFFSET == 1, "seqadj offset");
_Static_assert(NFTA_SEQADJ_FLAGS == 2, "seqadj flags");
_Static_assert(NFTA_SEQADJ_MAX == 2, "seqadj max");
_Static_assert(NFT_SEQADJ_F_RANDOM == 0x1, "seqadj random");
_Static_assert(NFT_SEQADJ_F_MASK == 0x1, "seqadj mask");
_Static_assert(NFTX_SEQADJ_F_MASK == 0x1, "nftx seqadj mask");
_Static_assert(NF_SYNPROXY_OPT_ECN == 0x10, "synproxy ecn");
_Static_assert(NFTX_SYNPROXY_OPT_MASK == 0x1f, "synproxy mask");
_Static_assert(NFTA_QUEUE_NUM == 1 && NFTA_QUEUE_TOTAL == 2 &&
	       NFTA_QUEUE_FLAGS == 3 && NFTA_QUEUE_SREG_QNUM == 4, "queue");
_Static_assert(NFTA_SYNPROXY_MSS == 1 && NFTA_SYNPROXY_WSCALE == 2 &&
	       NFTA_SYNPROXY_FLAGS == 3, "synproxy");

static void attr_enum(void)
{
	CHECK_INT(NFTX_EXPR_QUEUE_NUM, 0);
	CHECK_INT(NFTX_EXPR_QUEUE_TOTAL, 1);
	CHECK_INT(NFTX_EXPR_QUEUE_FLAGS, 2);
	CHECK_INT(NFTX_EXPR_QUEUE_SREG_QNUM, 3);
	CHECK_INT(NFTX_EXPR_SEQADJ_OFFSET, 4);
	CHECK_INT(NFTX_EXPR_SEQADJ_FLAGS, 5);
	CHECK_INT(NFTX_EXPR_SYNPROXY_MSS, 6);
	CHECK_INT(NFTX_EXPR_SYNPROXY_WSCALE, 7);
	CHECK_INT(NFTX_EXPR_SYNPROXY_FLAGS, 8);
	CHECK_INT(NFTX_EXPR_SYNPROXY_SYN_ANSWERED, 9);
	CHECK_INT(NFTX_EXPR_SYNPROXY_COOKIE_INVALID, 11);
	CHECK_INT(__NFTX_EXPR_MAX, 12);
}

static void constants(void)
{
	CHECK_INT(NFT_QUEUE_FLAG_MASK, 0x07);
	CHECK_INT(NFTA_SEQADJ_MAX, 2);
	CHECK_INT(NFT_SEQADJ_F_RANDOM, 1);
	CHECK_INT(NF_SYNPROXY_OPT_ECN, 0x10);
	CHECK_INT(NFTX_NFTA_SYNPROXY_STATS, 4);
	CHECK_INT(NFTX_NFTA_SYNPROXY_STAT_SYN_ANSWERED, 1);
	CHECK_INT(NFTX_NFTA_SYNPROXY_STAT_COOKIE_INVALID, 3);
	CHECK_INT(NFTX_NFTA_SYNPROXY_STAT_PAD, 4);
}

int main(void)
{
	test_main(UAPI_VARIANT);
	RUN(attr_enum);
	RUN(constants);
	return TEST_END();
}
