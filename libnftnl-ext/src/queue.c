// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * queue.c - the "queue" expression, with our fail-open flag
 * (NFT_QUEUE_FLAG_FAILOPEN).  Stock content serialises and prints
 * exactly as libnftnl 1.2.4 does.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "internal.h"

struct nftx_expr_queue {
	uint16_t	queuenum;
	uint16_t	queues_total;
	uint16_t	flags;
	uint32_t	sreg_qnum;
};

static const uint32_t queue_attr_len[] = {
	[NFTX_EXPR_QUEUE_NUM - NFTX_EXPR_QUEUE_NUM]		= sizeof(uint16_t),
	[NFTX_EXPR_QUEUE_TOTAL - NFTX_EXPR_QUEUE_NUM]		= sizeof(uint16_t),
	[NFTX_EXPR_QUEUE_FLAGS - NFTX_EXPR_QUEUE_NUM]		= sizeof(uint16_t),
	[NFTX_EXPR_QUEUE_SREG_QNUM - NFTX_EXPR_QUEUE_NUM]	= sizeof(uint32_t),
};

static void queue_set(struct nftx_expr *e, uint16_t type, const void *data)
{
	struct nftx_expr_queue *queue = nftx_expr_data(e);

	switch (type) {
	case NFTX_EXPR_QUEUE_NUM:
		memcpy(&queue->queuenum, data, sizeof(queue->queuenum));
		break;
	case NFTX_EXPR_QUEUE_TOTAL:
		memcpy(&queue->queues_total, data, sizeof(queue->queues_total));
		break;
	case NFTX_EXPR_QUEUE_FLAGS:
		memcpy(&queue->flags, data, sizeof(queue->flags));
		break;
	case NFTX_EXPR_QUEUE_SREG_QNUM:
		memcpy(&queue->sreg_qnum, data, sizeof(queue->sreg_qnum));
		break;
	}
}

static const void *queue_get(const struct nftx_expr *e, uint16_t type)
{
	struct nftx_expr_queue *queue = nftx_expr_data(e);

	switch (type) {
	case NFTX_EXPR_QUEUE_NUM:
		return &queue->queuenum;
	case NFTX_EXPR_QUEUE_TOTAL:
		return &queue->queues_total;
	case NFTX_EXPR_QUEUE_FLAGS:
		return &queue->flags;
	case NFTX_EXPR_QUEUE_SREG_QNUM:
		return &queue->sreg_qnum;
	}
	return NULL;
}

static void queue_build(struct nlmsghdr *nlh, const struct nftx_expr *e)
{
	struct nftx_expr_queue *queue = nftx_expr_data(e);

	if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_NUM))
		mnl_attr_put_u16(nlh, NFTA_QUEUE_NUM, htons(queue->queuenum));
	if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_TOTAL))
		mnl_attr_put_u16(nlh, NFTA_QUEUE_TOTAL,
				 htons(queue->queues_total));
	if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_FLAGS))
		mnl_attr_put_u16(nlh, NFTA_QUEUE_FLAGS, htons(queue->flags));
	if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_SREG_QNUM))
		mnl_attr_put_u32(nlh, NFTA_QUEUE_SREG_QNUM,
				 htonl(queue->sreg_qnum));
}

static int queue_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	int type = mnl_attr_get_type(attr);

	if (mnl_attr_type_valid(attr, NFTA_QUEUE_MAX) < 0)
		return MNL_CB_OK;

	switch (type) {
	case NFTA_QUEUE_NUM:
	case NFTA_QUEUE_TOTAL:
	case NFTA_QUEUE_FLAGS:
		if (mnl_attr_validate(attr, MNL_TYPE_U16) < 0)
			return MNL_CB_ERROR;
		break;
	case NFTA_QUEUE_SREG_QNUM:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) < 0)
			return MNL_CB_ERROR;
		break;
	}
	tb[type] = attr;
	return MNL_CB_OK;
}

static void queue_parse_u16(struct nftx_expr *e, uint16_t type,
			    const struct nlattr *attr)
{
	uint16_t val = ntohs(mnl_attr_get_u16(attr));

	nftx_expr_set_parsed(e, type, &val);
}

static int queue_parse(struct nftx_expr *e, const struct nlattr *data)
{
	const struct nlattr *tb[NFTA_QUEUE_MAX + 1] = { NULL };

	if (nftx_parse_nested(data, queue_cb, tb) < 0)
		return -1;

	if (tb[NFTA_QUEUE_NUM])
		queue_parse_u16(e, NFTX_EXPR_QUEUE_NUM, tb[NFTA_QUEUE_NUM]);
	if (tb[NFTA_QUEUE_TOTAL])
		queue_parse_u16(e, NFTX_EXPR_QUEUE_TOTAL, tb[NFTA_QUEUE_TOTAL]);
	if (tb[NFTA_QUEUE_FLAGS])
		queue_parse_u16(e, NFTX_EXPR_QUEUE_FLAGS, tb[NFTA_QUEUE_FLAGS]);
	if (tb[NFTA_QUEUE_SREG_QNUM]) {
		uint32_t sreg = ntohl(mnl_attr_get_u32(tb[NFTA_QUEUE_SREG_QNUM]));

		nftx_expr_set_parsed(e, NFTX_EXPR_QUEUE_SREG_QNUM, &sreg);
	}
	return 0;
}

static void queue_output(struct nftx_out *o, const struct nftx_expr *e)
{
	struct nftx_expr_queue *queue = nftx_expr_data(e);
	uint16_t last;

	if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_NUM)) {
		/* 16-bit arithmetic, as libnftnl prints it */
		last = queue->queuenum + queue->queues_total - 1;

		nftx_out_printf(o, "num %u", queue->queuenum);
		if (queue->queues_total && last != queue->queuenum)
			nftx_out_printf(o, "-%u", last);
		nftx_out_printf(o, " ");
	}
	if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_SREG_QNUM))
		nftx_out_printf(o, "sreg_qnum %u ", queue->sreg_qnum);
	if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_FLAGS)) {
		if (queue->flags & NFT_QUEUE_FLAG_BYPASS)
			nftx_out_printf(o, "bypass ");
		if (queue->flags & NFT_QUEUE_FLAG_CPU_FANOUT)
			nftx_out_printf(o, "fanout ");
		if (queue->flags & NFT_QUEUE_FLAG_FAILOPEN)
			nftx_out_printf(o, "fail-open ");
	}
}

/* What our kernel's nft_queue refuses (nft_queue_select_ops, _init and
 * _sreg_init), checked before sending.
 */
static int queue_validate(const struct nftx_expr *e)
{
	struct nftx_expr_queue *queue = nftx_expr_data(e);
	bool num = nftx_attr_is_set(e, NFTX_EXPR_QUEUE_NUM);
	bool sreg = nftx_attr_is_set(e, NFTX_EXPR_QUEUE_SREG_QNUM);
	uint32_t total = 1;

	if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_FLAGS) &&
	    (queue->flags & ~NFTX_QUEUE_FLAG_MASK)) {
		errno = EINVAL;
		return -1;
	}
	if (num == sreg) {
		/* both, or neither */
		errno = EINVAL;
		return -1;
	}
	if (num) {
		if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_TOTAL))
			total = queue->queues_total;
		if (total == 0) {
			errno = EINVAL;
			return -1;
		}
		if (queue->queuenum + total - 1 > UINT16_MAX) {
			errno = ERANGE;
			return -1;
		}
	} else if (nftx_attr_is_set(e, NFTX_EXPR_QUEUE_FLAGS) &&
		   (queue->flags & NFT_QUEUE_FLAG_CPU_FANOUT)) {
		/* fanout needs a range, a register gives one queue */
		errno = EOPNOTSUPP;
		return -1;
	}
	return 0;
}

const struct expr_ops nftx_expr_ops_queue = {
	.name		= "queue",
	.data_len	= sizeof(struct nftx_expr_queue),
	.attr_first	= NFTX_EXPR_QUEUE_NUM,
	.attr_last	= NFTX_EXPR_QUEUE_SREG_QNUM,
	.attr_len	= queue_attr_len,
	.set		= queue_set,
	.get		= queue_get,
	.build		= queue_build,
	.parse		= queue_parse,
	.output		= queue_output,
	.validate	= queue_validate,
};
