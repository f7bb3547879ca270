// SPDX-License-Identifier: GPL-2.0-only
/*
 * test-hooks.c - the libnftnl hooks of interpose.c on hand-built messages,
 * without a kernel: the incoming rewrite (our expressions -> log
 * markers) and the outgoing path (markers -> our expressions, the queue
 * fail-open fold).  One "PASS: name" / "FAIL: name" line per check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <endian.h>
#include <linux/netfilter.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

#include "marker.h"
#include "xalloc.h"

#include "test.h"

/* a check, with what was got shown if it fails */
static void check(bool ok, const char *name, const char *got)
{
	test_check(ok, name, got, NULL);
}

static void put_nftx(struct nlmsghdr *nlh, struct nftx_expr *e)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);

	nftx_expr_build_payload(nlh, e);
	mnl_attr_nest_end(nlh, nest);
	nftx_expr_free(e);
}

static void put_log(struct nlmsghdr *nlh, const char *prefix, bool level)
{
	struct nlattr *elem, *data;

	elem = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);
	mnl_attr_put_strz(nlh, NFTA_EXPR_NAME, "log");
	data = mnl_attr_nest_start(nlh, NFTA_EXPR_DATA);
	mnl_attr_put_strz(nlh, NFTA_LOG_PREFIX, prefix);
	if (level)
		mnl_attr_put_u32(nlh, NFTA_LOG_LEVEL, htonl(6));
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, elem);
}

/* what the kernel sends for a rule with our expressions */
static struct nlmsghdr *kernel_rule(char *buf)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct nfgenmsg *nfg;
	struct nlattr *exprs, *elem;
	struct nftx_expr *e;

	nlh->nlmsg_type = (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_NEWRULE;
	nfg = mnl_nlmsg_put_extra_header(nlh, sizeof(*nfg));
	nfg->nfgen_family = NFPROTO_INET;
	mnl_attr_put_strz(nlh, NFTA_RULE_TABLE, "t");
	mnl_attr_put_strz(nlh, NFTA_RULE_CHAIN, "c");
	mnl_attr_put_u64(nlh, NFTA_RULE_HANDLE, htobe64(7));
	exprs = mnl_attr_nest_start(nlh, NFTA_RULE_EXPRESSIONS);

	elem = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);
	mnl_attr_put_strz(nlh, NFTA_EXPR_NAME, "counter");
	mnl_attr_nest_end(nlh, elem);

	e = nftx_expr_alloc("seqadj");
	nftx_expr_set_s32(e, NFTX_EXPR_SEQADJ_OFFSET, -5);
	put_nftx(nlh, e);

	e = nftx_expr_alloc("queue");
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, 2);
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_TOTAL, 1);
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS,
			  NFT_QUEUE_FLAG_BYPASS | NFT_QUEUE_FLAG_FAILOPEN);
	put_nftx(nlh, e);

	e = nftx_expr_alloc("synproxy");
	nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, 1460);
	nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_WSCALE, 7);
	nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS, 0x1f);
	put_nftx(nlh, e);

	put_log(nlh, "nftx-1313166424-1", true);

	e = nftx_expr_alloc("queue");
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, 0);
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_TOTAL, 1);
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS, NFT_QUEUE_FLAG_BYPASS);
	put_nftx(nlh, e);

	mnl_attr_nest_end(nlh, exprs);
	return nlh;
}

static const struct nx_marker *log_marker(struct nftnl_expr *e)
{
	const char *p = nftnl_expr_get_str(e, NFTNL_EXPR_LOG_PREFIX);
	uint32_t id;
	size_t len;

	if (!p)
		return NULL;
	id = nx_marker_parse_prefix(p, &len);
	return id && !p[len] ? nx_marker_get(id) : NULL;
}

static void test_incoming(void)
{
	char *buf = xzalloc(8192), text[512] = "";
	struct nlmsghdr *nlh = kernel_rule(buf);
	struct nftnl_rule *r = nftnl_rule_alloc();
	struct nftnl_expr_iter *it;
	struct nftnl_expr *e;
	const struct nx_marker *m;
	int ret, n = 0;
	char one[128];

	ret = nftnl_rule_nlmsg_parse(nlh, r);
	check(ret == 0, "incoming: libnftnl parses the rewritten rule", NULL);
	check(nftnl_rule_get_u64(r, NFTNL_RULE_HANDLE) == 7 &&
	      !strcmp(nftnl_rule_get_str(r, NFTNL_RULE_TABLE), "t"),
	      "incoming: rule attributes kept", NULL);

	it = nftnl_expr_iter_create(r);
	while ((e = nftnl_expr_iter_next(it))) {
		const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);

		m = !strcmp(name, "log") ? log_marker(e) : NULL;
		if (m && !m->outgoing) {
			switch (m->kind) {
			case NX_K_SEQADJ:
				snprintf(one, sizeof(one), "[seqadj %d]",
					 nftx_expr_get_s32(m->expr,
						NFTX_EXPR_SEQADJ_OFFSET));
				break;
			case NX_K_SYNPROXY:
				snprintf(one, sizeof(one), "[synproxy %x]",
					 nftx_expr_get_u32(m->expr,
						NFTX_EXPR_SYNPROXY_FLAGS));
				break;
			case NX_K_QUEUE_FO:
				snprintf(one, sizeof(one), "[fail-open]");
				break;
			case NX_K_LOG_ESCAPE:
				snprintf(one, sizeof(one), "[log %s level %u]",
					 m->str, nftnl_expr_get_u32(e,
						NFTNL_EXPR_LOG_LEVEL));
				break;
			default:
				snprintf(one, sizeof(one), "[?]");
			}
		} else if (!strcmp(name, "queue")) {
			snprintf(one, sizeof(one), "[queue %u flags %u]",
				 nftnl_expr_get_u16(e, NFTNL_EXPR_QUEUE_NUM),
				 nftnl_expr_get_u16(e, NFTNL_EXPR_QUEUE_FLAGS));
		} else {
			snprintf(one, sizeof(one), "[%s]", name);
		}
		strcat(text, one);
		n++;
	}
	nftnl_expr_iter_destroy(it);
	check(!strcmp(text, "[counter][seqadj -5][queue 2 flags 1][fail-open]"
		      "[synproxy 1f][log nftx-1313166424-1 level 6][queue 0 flags 1]"),
	      "incoming: our expressions become log markers", text);
	nftnl_rule_free(r);
	free(buf);
}

static int build_cb(struct nftnl_expr *e, void *data)
{
	struct nlmsghdr *nlh = data;
	struct nlattr *nest = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);

	nftnl_expr_build_payload(nlh, e);
	mnl_attr_nest_end(nlh, nest);
	return 0;
}

static struct nftnl_expr *counter(uint64_t p, uint64_t b)
{
	struct nftnl_expr *e = nftnl_expr_alloc("counter");

	nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_PACKETS, p);
	nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_BYTES, b);
	return e;
}

static void test_outgoing(void)
{
	struct nftnl_rule *r = nftnl_rule_alloc();
	struct nftx_expr *x = nftx_expr_alloc("seqadj");
	char *buf = xzalloc(8192), text[512] = "", one[128];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	const struct nlattr *exprs, *elem;
	uint32_t sid, qid;
	struct nftnl_expr *e;

	nftx_expr_set_u32(x, NFTX_EXPR_SEQADJ_FLAGS, NFT_SEQADJ_F_RANDOM);
	sid = nx_marker_add(NX_K_SEQADJ, true, x, NULL);
	qid = nx_marker_add(NX_K_QUEUE_FO, true, NULL, NULL);

	nftnl_rule_add_expr(r, counter(NFTX_MAGIC, sid));
	nftnl_rule_add_expr(r, counter(NFTX_MAGIC, 999999));	/* not ours */
	nftnl_rule_add_expr(r, counter(NFTX_MAGIC, qid));
	e = nftnl_expr_alloc("hash");
	nftnl_expr_set_u32(e, NFTNL_EXPR_HASH_DREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_HASH_MODULUS, 2);
	nftnl_expr_set_u32(e, NFTNL_EXPR_HASH_TYPE, NFT_HASH_SYM);
	nftnl_rule_add_expr(r, e);
	e = nftnl_expr_alloc("queue");
	nftnl_expr_set_u32(e, NFTNL_EXPR_QUEUE_SREG_QNUM, NFT_REG_1);
	nftnl_expr_set_u16(e, NFTNL_EXPR_QUEUE_FLAGS, NFT_QUEUE_FLAG_BYPASS);
	nftnl_rule_add_expr(r, e);

	nlh->nlmsg_type = (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_NEWRULE;
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct nfgenmsg));
	{
		struct nlattr *nest;

		nest = mnl_attr_nest_start(nlh, NFTA_RULE_EXPRESSIONS);
		nftnl_expr_foreach(r, build_cb, nlh);
		mnl_attr_nest_end(nlh, nest);
	}
	exprs = mnl_nlmsg_get_payload_offset(nlh, sizeof(struct nfgenmsg));
	mnl_attr_for_each_nested(elem, exprs) {
		struct nftx_expr *p = nftx_expr_parse(elem);

		if (!p) {
			const struct nlattr *a;

			mnl_attr_for_each_nested(a, elem) {
				if (mnl_attr_get_type(a) == NFTA_EXPR_NAME)
					snprintf(one, sizeof(one), "[%s]",
						 mnl_attr_get_str(a));
			}
		} else {
			nftx_expr_snprintf_full(one, sizeof(one), p);
			nftx_expr_free(p);
		}
		strcat(text, one);
	}
	check(!strcmp(text, "[ seqadj random ][counter][hash]"
		      "[ queue sreg_qnum 1 bypass fail-open ]"),
	      "outgoing: markers become our expressions, fail-open folded",
	      text);
	nftnl_rule_free(r);
	free(buf);
}

int main(void)
{
	test_incoming();
	test_outgoing();
	return test_summary();
}
