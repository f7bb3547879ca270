// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * seqadj.c - the "seqadj" expression (new): TCP sequence number
 * adjustment, optionally with a fixed or a random offset.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "internal.h"

struct nftx_expr_seqadj {
	int32_t		offset;
	uint32_t	flags;
};

static const uint32_t seqadj_attr_len[] = {
	[NFTX_EXPR_SEQADJ_OFFSET - NFTX_EXPR_SEQADJ_OFFSET]	= sizeof(int32_t),
	[NFTX_EXPR_SEQADJ_FLAGS - NFTX_EXPR_SEQADJ_OFFSET]	= sizeof(uint32_t),
};

static void seqadj_set(struct nftx_expr *e, uint16_t type, const void *data)
{
	struct nftx_expr_seqadj *seqadj = nftx_expr_data(e);

	switch (type) {
	case NFTX_EXPR_SEQADJ_OFFSET:
		memcpy(&seqadj->offset, data, sizeof(seqadj->offset));
		break;
	case NFTX_EXPR_SEQADJ_FLAGS:
		memcpy(&seqadj->flags, data, sizeof(seqadj->flags));
		break;
	}
}

static const void *seqadj_get(const struct nftx_expr *e, uint16_t type)
{
	struct nftx_expr_seqadj *seqadj = nftx_expr_data(e);

	switch (type) {
	case NFTX_EXPR_SEQADJ_OFFSET:
		return &seqadj->offset;
	case NFTX_EXPR_SEQADJ_FLAGS:
		return &seqadj->flags;
	}
	return NULL;
}

static void seqadj_build(struct nlmsghdr *nlh, const struct nftx_expr *e)
{
	struct nftx_expr_seqadj *seqadj = nftx_expr_data(e);

	if (nftx_attr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET))
		mnl_attr_put_u32(nlh, NFTA_SEQADJ_OFFSET,
				 htonl((uint32_t)seqadj->offset));
	if (nftx_attr_is_set(e, NFTX_EXPR_SEQADJ_FLAGS))
		mnl_attr_put_u32(nlh, NFTA_SEQADJ_FLAGS, htonl(seqadj->flags));
}

static int seqadj_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	int type = mnl_attr_get_type(attr);

	if (mnl_attr_type_valid(attr, NFTA_SEQADJ_MAX) < 0)
		return MNL_CB_OK;

	switch (type) {
	case NFTA_SEQADJ_OFFSET:
	case NFTA_SEQADJ_FLAGS:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) < 0)
			return MNL_CB_ERROR;
		break;
	}
	tb[type] = attr;
	return MNL_CB_OK;
}

static int seqadj_parse(struct nftx_expr *e, const struct nlattr *data)
{
	const struct nlattr *tb[NFTA_SEQADJ_MAX + 1] = { NULL };

	if (nftx_parse_nested(data, seqadj_cb, tb) < 0)
		return -1;

	if (tb[NFTA_SEQADJ_OFFSET]) {
		int32_t offset;

		offset = (int32_t)ntohl(mnl_attr_get_u32(tb[NFTA_SEQADJ_OFFSET]));
		nftx_expr_set_parsed(e, NFTX_EXPR_SEQADJ_OFFSET, &offset);
	}
	if (tb[NFTA_SEQADJ_FLAGS]) {
		uint32_t flags = ntohl(mnl_attr_get_u32(tb[NFTA_SEQADJ_FLAGS]));

		nftx_expr_set_parsed(e, NFTX_EXPR_SEQADJ_FLAGS, &flags);
	}
	return 0;
}

static void seqadj_output(struct nftx_out *o, const struct nftx_expr *e)
{
	struct nftx_expr_seqadj *seqadj = nftx_expr_data(e);

	if (nftx_attr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET))
		nftx_out_printf(o, "offset %d ", seqadj->offset);
	if (nftx_attr_is_set(e, NFTX_EXPR_SEQADJ_FLAGS) &&
	    (seqadj->flags & NFT_SEQADJ_F_RANDOM))
		nftx_out_printf(o, "random ");
}

/* in the kernel's order: policy mask, then nft_seqadj_init */
static int seqadj_validate(const struct nftx_expr *e)
{
	struct nftx_expr_seqadj *seqadj = nftx_expr_data(e);
	uint32_t flags = 0;

	if (nftx_attr_is_set(e, NFTX_EXPR_SEQADJ_FLAGS))
		flags = seqadj->flags;
	if (flags & ~NFTX_SEQADJ_F_MASK) {
		errno = EINVAL;
		return -1;
	}
	if (nftx_attr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET)) {
		if (flags & NFT_SEQADJ_F_RANDOM) {
			errno = EINVAL;
			return -1;
		}
		if (seqadj->offset == 0) {
			errno = ERANGE;
			return -1;
		}
	}
	return 0;
}

const struct expr_ops nftx_expr_ops_seqadj = {
	.name		= "seqadj",
	.data_len	= sizeof(struct nftx_expr_seqadj),
	.attr_first	= NFTX_EXPR_SEQADJ_OFFSET,
	.attr_last	= NFTX_EXPR_SEQADJ_FLAGS,
	.attr_len	= seqadj_attr_len,
	.set		= seqadj_set,
	.get		= seqadj_get,
	.build		= seqadj_build,
	.parse		= seqadj_parse,
	.output		= seqadj_output,
	.validate	= seqadj_validate,
};
