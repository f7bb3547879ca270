/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nftx/uapi.h - netlink constants of our new and extended nf_tables
 * expressions.
 *
 * Every constant is guarded, so this header works both with the stock
 * system headers and with headers exported from our kernel.
 */
#ifndef _NFTX_UAPI_H_
#define _NFTX_UAPI_H_

#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_synproxy.h>

/* queue: fail-open flag */
#ifndef NFT_QUEUE_FLAG_BYPASS
#define NFT_QUEUE_FLAG_BYPASS		0x01
#endif
#ifndef NFT_QUEUE_FLAG_CPU_FANOUT
#define NFT_QUEUE_FLAG_CPU_FANOUT	0x02
#endif
#ifndef NFT_QUEUE_FLAG_FAILOPEN
#define NFT_QUEUE_FLAG_FAILOPEN		0x04 /* accept when the queue is overloaded */
#endif
/* stock headers say 0x03: our kernel's mask includes fail-open */
#if defined(NFT_QUEUE_FLAG_MASK) && NFT_QUEUE_FLAG_MASK == 0x03
#undef NFT_QUEUE_FLAG_MASK
#endif
#ifndef NFT_QUEUE_FLAG_MASK
#define NFT_QUEUE_FLAG_MASK		0x07
#endif
#define NFTX_QUEUE_FLAG_MASK		(NFT_QUEUE_FLAG_BYPASS | \
					 NFT_QUEUE_FLAG_CPU_FANOUT | \
					 NFT_QUEUE_FLAG_FAILOPEN)

/* seqadj: a new expression */
#ifndef NFT_SEQADJ_F_MASK
enum nft_seqadj_flags {
	NFT_SEQADJ_F_RANDOM	= (1 << 0),
};
#define NFT_SEQADJ_F_MASK	(NFT_SEQADJ_F_RANDOM)
#endif
#define NFTX_SEQADJ_F_MASK	(NFT_SEQADJ_F_RANDOM)

#ifndef NFTA_SEQADJ_MAX
enum nft_seqadj_attributes {
	NFTA_SEQADJ_UNSPEC,
	NFTA_SEQADJ_OFFSET,	/* be32: signed offset, never 0 */
	NFTA_SEQADJ_FLAGS,	/* be32: enum nft_seqadj_flags */
	__NFTA_SEQADJ_MAX
};
#define NFTA_SEQADJ_MAX		(__NFTA_SEQADJ_MAX - 1)
#endif

/* synproxy: ECN is accepted by our kernel (stock NF_SYNPROXY_OPT_MASK
 * leaves it out, so we keep our own mask).
 */
#ifndef NF_SYNPROXY_OPT_ECN
#define NF_SYNPROXY_OPT_ECN		0x10
#endif
#define NFTX_SYNPROXY_OPT_MASK		(NF_SYNPROXY_OPT_MSS | \
					 NF_SYNPROXY_OPT_WSCALE | \
					 NF_SYNPROXY_OPT_SACK_PERM | \
					 NF_SYNPROXY_OPT_TIMESTAMP | \
					 NF_SYNPROXY_OPT_ECN)
#define NFTX_SYNPROXY_WSCALE_MAX	14

/* synproxy statistics: our kernel dumps them in a nested attribute after
 * the stock ones (refused on input); 64-bit big-endian counters.
 */
#define NFTX_NFTA_SYNPROXY_STATS	4
#define NFTX_NFTA_SYNPROXY_MAX		NFTX_NFTA_SYNPROXY_STATS
enum nftx_synproxy_stat_attributes {
	NFTX_NFTA_SYNPROXY_STAT_UNSPEC,
	NFTX_NFTA_SYNPROXY_STAT_SYN_ANSWERED,
	NFTX_NFTA_SYNPROXY_STAT_COOKIE_VALID,
	NFTX_NFTA_SYNPROXY_STAT_COOKIE_INVALID,
	NFTX_NFTA_SYNPROXY_STAT_PAD,
	__NFTX_NFTA_SYNPROXY_STAT_MAX
};
#define NFTX_NFTA_SYNPROXY_STAT_MAX	(__NFTX_NFTA_SYNPROXY_STAT_MAX - 1)
#define NFTX_SYNPROXY_NSTATS		3

/* since Linux 6.5 (older headers lack it): get rules and reset them */
#define NFTX_NFT_MSG_GETRULE_RESET	25

#endif /* _NFTX_UAPI_H_ */
