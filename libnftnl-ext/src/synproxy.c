// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * synproxy.c - the "synproxy" expression, with the ECN option our
 * kernel accepts.  Stock content serialises and prints exactly as
 * libnftnl 1.2.4 does (which prints no flags at all).  The statistics
 * our kernel dumps (NFTA_SYNPROXY_STATS) are parsed and printed, never
 * built: the kernel ignores them on input.
 */
#include <arpa/inet.h>
#include <endian.h>
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "internal.h"

struct nftx_expr_synproxy {
	uint16_t	mss;
	uint8_t		wscale;
	uint32_t	flags;
	uint64_t	stats[NFTX_SYNPROXY_NSTATS];
};

const char *const nftx_synproxy_stat_names[NFTX_SYNPROXY_NSTATS] = {
	"syn-answered", "cookie-valid", "cookie-invalid",
};

#define SP_STAT(attr)	((attr) - NFTX_EXPR_SYNPROXY_SYN_ANSWERED)

static const uint32_t synproxy_attr_len[] = {
	[NFTX_EXPR_SYNPROXY_MSS - NFTX_EXPR_SYNPROXY_MSS]	= sizeof(uint16_t),
	[NFTX_EXPR_SYNPROXY_WSCALE - NFTX_EXPR_SYNPROXY_MSS]	= sizeof(uint8_t),
	[NFTX_EXPR_SYNPROXY_FLAGS - NFTX_EXPR_SYNPROXY_MSS]	= sizeof(uint32_t),
	[NFTX_EXPR_SYNPROXY_SYN_ANSWERED - NFTX_EXPR_SYNPROXY_MSS] =
		sizeof(uint64_t),
	[NFTX_EXPR_SYNPROXY_COOKIE_VALID - NFTX_EXPR_SYNPROXY_MSS] =
		sizeof(uint64_t),
	[NFTX_EXPR_SYNPROXY_COOKIE_INVALID - NFTX_EXPR_SYNPROXY_MSS] =
		sizeof(uint64_t),
};

static void synproxy_set(struct nftx_expr *e, uint16_t type, const void *data)
{
	struct nftx_expr_synproxy *synproxy = nftx_expr_data(e);

	switch (type) {
	case NFTX_EXPR_SYNPROXY_MSS:
		memcpy(&synproxy->mss, data, sizeof(synproxy->mss));
		break;
	case NFTX_EXPR_SYNPROXY_WSCALE:
		memcpy(&synproxy->wscale, data, sizeof(synproxy->wscale));
		break;
	case NFTX_EXPR_SYNPROXY_FLAGS:
		memcpy(&synproxy->flags, data, sizeof(synproxy->flags));
		break;
	case NFTX_EXPR_SYNPROXY_SYN_ANSWERED ... NFTX_EXPR_SYNPROXY_COOKIE_INVALID:
		memcpy(&synproxy->stats[SP_STAT(type)], data, sizeof(uint64_t));
		break;
	}
}

static const void *synproxy_get(const struct nftx_expr *e, uint16_t type)
{
	struct nftx_expr_synproxy *synproxy = nftx_expr_data(e);

	switch (type) {
	case NFTX_EXPR_SYNPROXY_MSS:
		return &synproxy->mss;
	case NFTX_EXPR_SYNPROXY_WSCALE:
		return &synproxy->wscale;
	case NFTX_EXPR_SYNPROXY_FLAGS:
		return &synproxy->flags;
	case NFTX_EXPR_SYNPROXY_SYN_ANSWERED ... NFTX_EXPR_SYNPROXY_COOKIE_INVALID:
		return &synproxy->stats[SP_STAT(type)];
	}
	return NULL;
}

static void synproxy_build(struct nlmsghdr *nlh, const struct nftx_expr *e)
{
	struct nftx_expr_synproxy *synproxy = nftx_expr_data(e);

	if (nftx_attr_is_set(e, NFTX_EXPR_SYNPROXY_MSS))
		mnl_attr_put_u16(nlh, NFTA_SYNPROXY_MSS, htons(synproxy->mss));
	if (nftx_attr_is_set(e, NFTX_EXPR_SYNPROXY_WSCALE))
		mnl_attr_put_u8(nlh, NFTA_SYNPROXY_WSCALE, synproxy->wscale);
	if (nftx_attr_is_set(e, NFTX_EXPR_SYNPROXY_FLAGS))
		mnl_attr_put_u32(nlh, NFTA_SYNPROXY_FLAGS,
				 htonl(synproxy->flags));
}

static int synproxy_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	int type = mnl_attr_get_type(attr);

	if (mnl_attr_type_valid(attr, NFTX_NFTA_SYNPROXY_MAX) < 0)
		return MNL_CB_OK;

	switch (type) {
	case NFTA_SYNPROXY_MSS:
		if (mnl_attr_validate(attr, MNL_TYPE_U16) < 0)
			return MNL_CB_ERROR;
		break;
	case NFTA_SYNPROXY_WSCALE:
		if (mnl_attr_validate(attr, MNL_TYPE_U8) < 0)
			return MNL_CB_ERROR;
		break;
	case NFTA_SYNPROXY_FLAGS:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) < 0)
			return MNL_CB_ERROR;
		break;
	case NFTX_NFTA_SYNPROXY_STATS:
		if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0)
			return MNL_CB_ERROR;
		break;
	}
	tb[type] = attr;
	return MNL_CB_OK;
}

static int synproxy_stat_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	int type = mnl_attr_get_type(attr);

	if (mnl_attr_type_valid(attr, NFTX_NFTA_SYNPROXY_STAT_MAX) < 0 ||
	    type == NFTX_NFTA_SYNPROXY_STAT_PAD)
		return MNL_CB_OK;
	if (mnl_attr_validate(attr, MNL_TYPE_U64) < 0)
		return MNL_CB_ERROR;
	tb[type] = attr;
	return MNL_CB_OK;
}

int nftx_synproxy_stats_parse(const struct nlattr *nest, uint64_t *vals)
{
	const struct nlattr *tb[NFTX_NFTA_SYNPROXY_STAT_MAX + 1] = { NULL };
	int i;

	if (nftx_parse_nested(nest, synproxy_stat_cb, tb) < 0)
		return -1;
	for (i = 0; i < NFTX_SYNPROXY_NSTATS; i++) {
		const struct nlattr *a = tb[NFTX_NFTA_SYNPROXY_STAT_SYN_ANSWERED + i];

		vals[i] = a ? be64toh(mnl_attr_get_u64(a)) : 0;
	}
	return 0;
}

static int synproxy_parse(struct nftx_expr *e, const struct nlattr *data)
{
	const struct nlattr *tb[NFTX_NFTA_SYNPROXY_MAX + 1] = { NULL };

	if (nftx_parse_nested(data, synproxy_cb, tb) < 0)
		return -1;

	if (tb[NFTA_SYNPROXY_MSS]) {
		uint16_t mss = ntohs(mnl_attr_get_u16(tb[NFTA_SYNPROXY_MSS]));

		nftx_expr_set_parsed(e, NFTX_EXPR_SYNPROXY_MSS, &mss);
	}
	if (tb[NFTA_SYNPROXY_WSCALE]) {
		uint8_t wscale = mnl_attr_get_u8(tb[NFTA_SYNPROXY_WSCALE]);

		nftx_expr_set_parsed(e, NFTX_EXPR_SYNPROXY_WSCALE, &wscale);
	}
	if (tb[NFTA_SYNPROXY_FLAGS]) {
		uint32_t flags = ntohl(mnl_attr_get_u32(tb[NFTA_SYNPROXY_FLAGS]));

		nftx_expr_set_parsed(e, NFTX_EXPR_SYNPROXY_FLAGS, &flags);
	}
	if (tb[NFTX_NFTA_SYNPROXY_STATS]) {
		uint64_t vals[NFTX_SYNPROXY_NSTATS];
		int i;

		if (nftx_synproxy_stats_parse(tb[NFTX_NFTA_SYNPROXY_STATS],
					      vals) < 0)
			return -1;
		for (i = 0; i < NFTX_SYNPROXY_NSTATS; i++)
			nftx_expr_set_parsed(e,
					     NFTX_EXPR_SYNPROXY_SYN_ANSWERED + i,
					     &vals[i]);
	}
	return 0;
}

static void synproxy_output(struct nftx_out *o, const struct nftx_expr *e)
{
	struct nftx_expr_synproxy *synproxy = nftx_expr_data(e);

	/* libnftnl prints mss and wscale only when both are set */
	if (nftx_attr_is_set(e, NFTX_EXPR_SYNPROXY_MSS) &&
	    nftx_attr_is_set(e, NFTX_EXPR_SYNPROXY_WSCALE))
		nftx_out_printf(o, "mss %u wscale %u ", synproxy->mss,
				synproxy->wscale);
	if (nftx_attr_is_set(e, NFTX_EXPR_SYNPROXY_FLAGS) &&
	    (synproxy->flags & NF_SYNPROXY_OPT_ECN))
		nftx_out_printf(o, "ecn ");
	if (nftx_attr_is_set(e, NFTX_EXPR_SYNPROXY_SYN_ANSWERED)) {
		int i;

		for (i = 0; i < NFTX_SYNPROXY_NSTATS; i++)
			nftx_out_printf(o, "%s %" PRIu64 " ",
					nftx_synproxy_stat_names[i],
					synproxy->stats[i]);
	}
}

static int synproxy_validate(const struct nftx_expr *e)
{
	struct nftx_expr_synproxy *synproxy = nftx_expr_data(e);

	if (nftx_attr_is_set(e, NFTX_EXPR_SYNPROXY_FLAGS) &&
	    (synproxy->flags & ~NFTX_SYNPROXY_OPT_MASK)) {
		errno = EINVAL;
		return -1;
	}
	if (nftx_attr_is_set(e, NFTX_EXPR_SYNPROXY_WSCALE) &&
	    synproxy->wscale > NFTX_SYNPROXY_WSCALE_MAX) {
		errno = ERANGE;
		return -1;
	}
	return 0;
}

const struct expr_ops nftx_expr_ops_synproxy = {
	.name		= "synproxy",
	.data_len	= sizeof(struct nftx_expr_synproxy),
	.attr_first	= NFTX_EXPR_SYNPROXY_MSS,
	.attr_last	= NFTX_EXPR_SYNPROXY_COOKIE_INVALID,
	.attr_len	= synproxy_attr_len,
	.set		= synproxy_set,
	.get		= synproxy_get,
	.build		= synproxy_build,
	.parse		= synproxy_parse,
	.output		= synproxy_output,
	.validate	= synproxy_validate,
};
