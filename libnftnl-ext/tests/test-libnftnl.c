// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-libnftnl.c - stock content must look exactly as the installed
 * libnftnl makes it: the same payload bytes from nftnl_expr_build_payload(),
 * the same debug text from nftnl_expr_snprintf() and nftnl_rule_snprintf().
 * Our additions (queue fail-open, synproxy ecn) only append to the text.
 */
#include <stdio.h>
#include <linux/netfilter.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>

#include "test.h"

#define UNSET	-1

struct pair {
	struct nftx_expr	*ours;
	struct nftnl_expr	*stock;
};

static void pair_free(struct pair *p)
{
	nftx_expr_free(p->ours);
	if (p->stock)	/* libnftnl does not take NULL */
		nftnl_expr_free(p->stock);
}

static struct pair queue_pair(long num, long total, long flags, long sreg)
{
	struct pair p = {
		.ours = nftx_expr_alloc("queue"),
		.stock = nftnl_expr_alloc("queue"),
	};

	if (num != UNSET) {
		nftx_expr_set_u16(p.ours, NFTX_EXPR_QUEUE_NUM, num);
		nftnl_expr_set_u16(p.stock, NFTNL_EXPR_QUEUE_NUM, num);
	}
	if (total != UNSET) {
		nftx_expr_set_u16(p.ours, NFTX_EXPR_QUEUE_TOTAL, total);
		nftnl_expr_set_u16(p.stock, NFTNL_EXPR_QUEUE_TOTAL, total);
	}
	if (flags != UNSET) {
		nftx_expr_set_u16(p.ours, NFTX_EXPR_QUEUE_FLAGS, flags);
		nftnl_expr_set_u16(p.stock, NFTNL_EXPR_QUEUE_FLAGS, flags);
	}
	if (sreg != UNSET) {
		nftx_expr_set_u32(p.ours, NFTX_EXPR_QUEUE_SREG_QNUM, sreg);
		nftnl_expr_set_u32(p.stock, NFTNL_EXPR_QUEUE_SREG_QNUM, sreg);
	}
	return p;
}

static struct pair synproxy_pair(long mss, long wscale, long long flags)
{
	struct pair p = {
		.ours = nftx_expr_alloc("synproxy"),
		.stock = nftnl_expr_alloc("synproxy"),
	};

	if (mss != UNSET) {
		nftx_expr_set_u16(p.ours, NFTX_EXPR_SYNPROXY_MSS, mss);
		nftnl_expr_set_u16(p.stock, NFTNL_EXPR_SYNPROXY_MSS, mss);
	}
	if (wscale != UNSET) {
		nftx_expr_set_u8(p.ours, NFTX_EXPR_SYNPROXY_WSCALE, wscale);
		nftnl_expr_set_u8(p.stock, NFTNL_EXPR_SYNPROXY_WSCALE, wscale);
	}
	if (flags != UNSET) {
		nftx_expr_set_u32(p.ours, NFTX_EXPR_SYNPROXY_FLAGS, flags);
		nftnl_expr_set_u32(p.stock, NFTNL_EXPR_SYNPROXY_FLAGS, flags);
	}
	return p;
}

/* the same bytes inside an NFTA_LIST_ELEM, as libnftables writes them */
static void check_same_payload(const struct pair *p)
{
	static struct test_msg ours, stock;
	struct nlattr *nest;

	test_build(&ours, p->ours);
	test_msg_init(&stock);
	nest = mnl_attr_nest_start(stock.nlh, NFTA_LIST_ELEM);
	nftnl_expr_build_payload(stock.nlh, p->stock);
	mnl_attr_nest_end(stock.nlh, nest);
	CHECK_MEM(ours.buf, ours.nlh->nlmsg_len, stock.buf, stock.nlh->nlmsg_len);
}

/* our body is libnftnl's body followed by extra */
static void check_text(const struct pair *p, const char *extra)
{
	char ours[256], stock[256], want[520], full[600];

	nftx_expr_snprintf(ours, sizeof(ours), p->ours);
	nftnl_expr_snprintf(stock, sizeof(stock), p->stock,
			    NFTNL_OUTPUT_DEFAULT, 0);
	snprintf(want, sizeof(want), "%s%s", stock, extra);
	CHECK_STR(ours, want);
	snprintf(full, sizeof(full), "[ %s %s]", nftx_expr_get_name(p->ours),
		 want);
	CHECK_STR(test_full(p->ours), full);
}

static const long queue_nums[] = { UNSET, 0, 1, 2, 100, 65534, 65535 };
static const long queue_totals[] = { UNSET, 0, 1, 2, 4, 65535 };
static const long queue_sregs[] = { UNSET, NFT_REG_1, NFT_REG32_00, 0xdeadbeef };

#define N(a)	(sizeof(a) / sizeof((a)[0]))

static void queue_same_as_stock(void)
{
	unsigned int i, j, k, l;

	for (i = 0; i < N(queue_nums); i++)
	for (j = 0; j < N(queue_totals); j++)
	for (k = 0; k < 5; k++)
	for (l = 0; l < N(queue_sregs); l++) {
		long flags = k == 4 ? UNSET : (long)k;	/* 0..3 */
		struct pair p = queue_pair(queue_nums[i], queue_totals[j],
					   flags, queue_sregs[l]);

		check_text(&p, "");
		check_same_payload(&p);
		pair_free(&p);
	}
}

/* with fail-open: the same bytes, and the text gains "fail-open " */
static void queue_failopen_vs_stock(void)
{
	unsigned int i, j, l;
	long flags;

	for (i = 0; i < N(queue_nums); i++)
	for (j = 0; j < N(queue_totals); j++)
	for (flags = 4; flags < 8; flags++)
	for (l = 0; l < N(queue_sregs); l++) {
		struct pair p = queue_pair(queue_nums[i], queue_totals[j],
					   flags, queue_sregs[l]);

		check_text(&p, "fail-open ");
		check_same_payload(&p);
		pair_free(&p);
	}
}

static const long syn_mss[] = { UNSET, 0, 536, 1460, 65535 };
static const long syn_wscale[] = { UNSET, 0, 7, 14, 255 };
static const long long syn_flags[] = { UNSET, 0, 0x01, 0x03, 0x0f, 0x0c };

static void synproxy_same_as_stock(void)
{
	unsigned int i, j, k;

	for (i = 0; i < N(syn_mss); i++)
	for (j = 0; j < N(syn_wscale); j++)
	for (k = 0; k < N(syn_flags); k++) {
		struct pair p = synproxy_pair(syn_mss[i], syn_wscale[j],
					      syn_flags[k]);

		check_text(&p, "");
		check_same_payload(&p);
		pair_free(&p);
	}
}

static void synproxy_ecn_vs_stock(void)
{
	unsigned int i, j, k;

	for (i = 0; i < N(syn_mss); i++)
	for (j = 0; j < N(syn_wscale); j++)
	for (k = 1; k < N(syn_flags); k++) {
		struct pair p = synproxy_pair(syn_mss[i], syn_wscale[j],
					      syn_flags[k] | NF_SYNPROXY_OPT_ECN);

		check_text(&p, "ecn ");
		check_same_payload(&p);
		pair_free(&p);
	}
}

/* the exact strings of the README, and libnftnl's for the stock ones */
static void documented_forms(void)
{
	struct pair p;
	char buf[256];

	p = queue_pair(0, UNSET, 1, UNSET);
	CHECK_STR(test_full(p.ours), "[ queue num 0 bypass ]");
	nftnl_expr_snprintf(buf, sizeof(buf), p.stock, NFTNL_OUTPUT_DEFAULT, 0);
	CHECK_STR(buf, "num 0 bypass ");
	pair_free(&p);

	p = queue_pair(2, 2, 3, UNSET);
	CHECK_STR(test_full(p.ours), "[ queue num 2-3 bypass fanout ]");
	nftnl_expr_snprintf(buf, sizeof(buf), p.stock, NFTNL_OUTPUT_DEFAULT, 0);
	CHECK_STR(buf, "num 2-3 bypass fanout ");
	pair_free(&p);

	p = queue_pair(UNSET, UNSET, 1, 1);
	CHECK_STR(test_full(p.ours), "[ queue sreg_qnum 1 bypass ]");
	pair_free(&p);

	p = queue_pair(0, UNSET, 5, UNSET);
	CHECK_STR(test_full(p.ours), "[ queue num 0 bypass fail-open ]");
	pair_free(&p);
	p = queue_pair(0, 4, 7, UNSET);
	CHECK_STR(test_full(p.ours), "[ queue num 0-3 bypass fanout fail-open ]");
	pair_free(&p);
	p = queue_pair(UNSET, UNSET, 4, 1);
	CHECK_STR(test_full(p.ours), "[ queue sreg_qnum 1 fail-open ]");
	pair_free(&p);

	p = synproxy_pair(1460, 7, 0x0c);
	CHECK_STR(test_full(p.ours), "[ synproxy mss 1460 wscale 7 ]");
	nftnl_expr_snprintf(buf, sizeof(buf), p.stock, NFTNL_OUTPUT_DEFAULT, 0);
	CHECK_STR(buf, "mss 1460 wscale 7 ");
	pair_free(&p);
	p = synproxy_pair(1460, 7, 0x1c);
	CHECK_STR(test_full(p.ours), "[ synproxy mss 1460 wscale 7 ecn ]");
	pair_free(&p);
}

/* libnftnl's rule printer: "  [ " name " " body "]\n" per expression */
static void rule_printer(void)
{
	struct pair p = queue_pair(2, 2, 3, UNSET);
	struct nftnl_rule *r = nftnl_rule_alloc();
	char buf[512], want[300];

	nftnl_rule_set_u32(r, NFTNL_RULE_FAMILY, NFPROTO_IPV4);
	nftnl_rule_set_str(r, NFTNL_RULE_TABLE, "t");
	nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, "c");
	nftnl_rule_add_expr(r, p.stock);	/* the rule owns it now */
	p.stock = NULL;
	nftnl_rule_snprintf(buf, sizeof(buf), r, NFTNL_OUTPUT_DEFAULT, 0);
	snprintf(want, sizeof(want), "  %s\n", test_full(p.ours));
	CHECK(strstr(buf, want) != NULL);
	if (!strstr(buf, want))
		fprintf(stderr, "  rule text: \"%s\", want \"%s\"\n", buf, want);
	CHECK_STR(want, "  [ queue num 2-3 bypass fanout ]\n");
	nftnl_rule_free(r);
	pair_free(&p);
}

/* truncation: the same bytes as libnftnl for every buffer size */
static void truncation_as_stock(void)
{
	struct pair p = queue_pair(1, 4, 3, UNSET);
	char ours[64], stock[64];
	size_t size;
	int r1, r2;

	for (size = 0; size < 32; size++) {
		memset(ours, 'X', sizeof(ours));
		memset(stock, 'X', sizeof(stock));
		r1 = nftx_expr_snprintf(ours, size, p.ours);
		r2 = nftnl_expr_snprintf(stock, size, p.stock,
					 NFTNL_OUTPUT_DEFAULT, 0);
		CHECK_INT(r1, r2);
		CHECK_MEM(ours, sizeof(ours), stock, sizeof(stock));
	}
	pair_free(&p);
}

/* stock libnftnl has no seqadj: the reason this library exists */
static void stock_lacks_seqadj(void)
{
	struct nftnl_expr *e = nftnl_expr_alloc("seqadj");

	CHECK(e == NULL);
	if (e)
		nftnl_expr_free(e);
}

int main(void)
{
	test_main("libnftnl");
	RUN(queue_same_as_stock);
	RUN(queue_failopen_vs_stock);
	RUN(synproxy_same_as_stock);
	RUN(synproxy_ecn_vs_stock);
	RUN(documented_forms);
	RUN(rule_printer);
	RUN(truncation_as_stock);
	RUN(stock_lacks_seqadj);
	return TEST_END();
}
