// SPDX-License-Identifier: GPL-2.0-only
/*
 * probe.c - does the running kernel have what a new statement needs?
 *
 * One batch: a scratch table (inet, with an input chain) and a rule
 * holding just the expression in question, sent without the batch's end
 * message.  The kernel checks every message, answers each, then aborts
 * the whole batch, as it does for "nft -c": nothing is changed.  nftx
 * asks only after the kernel refused a rule with one of the new
 * statements, to tell a kernel without the nftx patches from a rule that
 * is wrong for other reasons.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

#include "probe.h"
#include "xalloc.h"

static struct nlmsghdr *put_msg(struct mnl_nlmsg_batch *b, uint16_t type,
				uint16_t flags, uint32_t seq, uint16_t res_id)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(mnl_nlmsg_batch_current(b));
	struct nfgenmsg *nfg;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = seq;
	nfg = mnl_nlmsg_put_extra_header(nlh, sizeof(*nfg));
	nfg->nfgen_family = type == NFNL_MSG_BATCH_BEGIN ? AF_UNSPEC :
							    NFPROTO_INET;
	nfg->version = NFNETLINK_V0;
	nfg->res_id = htons(res_id);
	return nlh;
}

#define NFT_TYPE(msg)	((NFNL_SUBSYS_NFTABLES << 8) | (msg))

/* the expression a statement of kind needs, in its simplest form */
static struct nftx_expr *probe_expr(enum nx_kind kind)
{
	struct nftx_expr *e;

	switch (kind) {
	case NX_K_SEQADJ:
		return xcheck(nftx_expr_alloc("seqadj"));
	case NX_K_QUEUE_FO:
		e = xcheck(nftx_expr_alloc("queue"));
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, 0);
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_TOTAL, 1);
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS,
				  NFT_QUEUE_FLAG_FAILOPEN);
		return e;
	case NX_K_SYNPROXY:
		e = xcheck(nftx_expr_alloc("synproxy"));
		nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, 1460);
		nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_WSCALE, 7);
		nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS,
				  NF_SYNPROXY_OPT_MSS | NF_SYNPROXY_OPT_WSCALE |
				  NF_SYNPROXY_OPT_TIMESTAMP |
				  NF_SYNPROXY_OPT_SACK_PERM |
				  NF_SYNPROXY_OPT_ECN);
		return e;
	default:
		return NULL;
	}
}

/* table, chain and rule messages of the probe; returns the rule's seq */
static uint32_t build_probe(struct mnl_nlmsg_batch *b, uint32_t seq,
			    const char *table, struct nftx_expr *e)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest, *elem;

	put_msg(b, NFNL_MSG_BATCH_BEGIN, 0, seq++, NFNL_SUBSYS_NFTABLES);
	mnl_nlmsg_batch_next(b);

	nlh = put_msg(b, NFT_TYPE(NFT_MSG_NEWTABLE), NLM_F_CREATE | NLM_F_ACK,
		      seq++, 0);
	mnl_attr_put_strz(nlh, NFTA_TABLE_NAME, table);
	mnl_nlmsg_batch_next(b);

	nlh = put_msg(b, NFT_TYPE(NFT_MSG_NEWCHAIN), NLM_F_CREATE | NLM_F_ACK,
		      seq++, 0);
	mnl_attr_put_strz(nlh, NFTA_CHAIN_TABLE, table);
	mnl_attr_put_strz(nlh, NFTA_CHAIN_NAME, "c");
	nest = mnl_attr_nest_start(nlh, NFTA_CHAIN_HOOK);
	mnl_attr_put_u32(nlh, NFTA_HOOK_HOOKNUM, htonl(NF_INET_LOCAL_IN));
	mnl_attr_put_u32(nlh, NFTA_HOOK_PRIORITY, htonl(0));
	mnl_attr_nest_end(nlh, nest);
	mnl_attr_put_strz(nlh, NFTA_CHAIN_TYPE, "filter");
	mnl_nlmsg_batch_next(b);

	nlh = put_msg(b, NFT_TYPE(NFT_MSG_NEWRULE),
		      NLM_F_CREATE | NLM_F_APPEND | NLM_F_ACK, seq, 0);
	mnl_attr_put_strz(nlh, NFTA_RULE_TABLE, table);
	mnl_attr_put_strz(nlh, NFTA_RULE_CHAIN, "c");
	nest = mnl_attr_nest_start(nlh, NFTA_RULE_EXPRESSIONS);
	elem = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);
	nftx_expr_build_payload(nlh, e);
	mnl_attr_nest_end(nlh, elem);
	mnl_attr_nest_end(nlh, nest);
	mnl_nlmsg_batch_next(b);
	/* no NFNL_MSG_BATCH_END: the kernel aborts the batch */
	return seq;
}

/* the answers to the probe: 1, 0 or -1 as nx_kernel_has() */
static int read_answers(struct mnl_socket *nl, uint32_t rule_seq)
{
	char buf[16384];
	const struct nlmsghdr *nlh;
	ssize_t n;
	int len;

	/* netlink answers before sendto() returns: what is not queued by
	 * now is not coming
	 */
	while ((n = recv(mnl_socket_get_fd(nl), buf, sizeof(buf),
			 MSG_DONTWAIT)) > 0) {
		len = n;
		for (nlh = (struct nlmsghdr *)buf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len)) {
			const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);

			if (nlh->nlmsg_type != NLMSG_ERROR ||
			    nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*err)))
				continue;
			/* the table or the chain refused: no answer */
			if (err->error && err->msg.nlmsg_seq != rule_seq)
				return -1;
			if (err->msg.nlmsg_seq == rule_seq)
				return err->error == 0;
		}
	}
	return -1;
}

static int probe(enum nx_kind kind)
{
	static char buf[8192];	/* the probe takes well under 1 KiB */
	struct nftx_expr *e = probe_expr(kind);
	struct mnl_nlmsg_batch *b;
	struct mnl_socket *nl;
	uint32_t seq = time(NULL), rule_seq;
	char table[64];
	int ret = -1;

	if (!e)
		return -1;
	nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!nl)
		goto out;
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		goto out_close;
	snprintf(table, sizeof(table), "nftx-probe-%d", (int)getpid());
	b = mnl_nlmsg_batch_start(buf, sizeof(buf));
	rule_seq = build_probe(b, seq, table, e);
	if (mnl_socket_sendto(nl, mnl_nlmsg_batch_head(b),
			      mnl_nlmsg_batch_size(b)) >= 0)
		ret = read_answers(nl, rule_seq);
	mnl_nlmsg_batch_stop(b);
out_close:
	mnl_socket_close(nl);
out:
	nftx_expr_free(e);
	return ret;
}

static int kernel_has(enum nx_kind kind)
{
	static int known[NX_K_LOG_ESCAPE + 1];	/* 0: not asked, else ret + 2 */

	if ((unsigned int)kind >= sizeof(known) / sizeof(known[0]))
		return -1;
	if (!known[kind])
		known[kind] = probe(kind) + 2;
	return known[kind] - 2;
}

int (*nx_kernel_has)(enum nx_kind kind) = kernel_has;
