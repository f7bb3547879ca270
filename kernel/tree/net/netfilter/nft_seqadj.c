// SPDX-License-Identifier: GPL-2.0-only
/*
 * nft_seqadj: TCP sequence number adjustment for a connection, from the
 * ruleset.
 *
 * The conntrack seqadj extension translates sequence numbers, acks and
 * SACK blocks of a connection whose segments changed length, but it can
 * only be attached before the connection is confirmed, and until now only
 * NAT helpers, ctnetlink, synproxy, ipvs and openvswitch attached it.
 * This expression attaches it to the connection of the packet it sees,
 * and may also move the initiator's sequence space by a fixed or a random
 * offset (what OpenBSD's pf calls "modulate state").
 */

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include <linux/random.h>
#include <linux/tcp.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <net/netfilter/nf_tables.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_seqadj.h>

struct nft_seqadj {
	s32	offset;
	u32	flags;
};

static bool nft_seqadj_wants_offset(const struct nft_seqadj *priv)
{
	return priv->offset || (priv->flags & NFT_SEQADJ_F_RANDOM);
}

/* The initiator's first SYN: the only packet whose direction has no
 * sequence numbers on the wire yet, so the only safe point to move them.
 */
static bool nft_seqadj_opening_syn(const struct nft_pktinfo *pkt,
				   enum ip_conntrack_info ctinfo)
{
	const struct tcphdr *th;
	struct tcphdr _th;

	if (ctinfo != IP_CT_NEW || !(pkt->flags & NFT_PKTINFO_L4PROTO) ||
	    pkt->tprot != IPPROTO_TCP || pkt->fragoff)
		return false;

	th = skb_header_pointer(pkt->skb, nft_thoff(pkt), sizeof(_th), &_th);

	return th && th->syn && !th->ack;
}

static s32 nft_seqadj_offset(const struct nft_seqadj *priv)
{
	s32 offset;

	if (!(priv->flags & NFT_SEQADJ_F_RANDOM))
		return priv->offset;

	do {
		offset = get_random_u32();
	} while (!offset);

	return offset;
}

static void nft_seqadj_eval(const struct nft_expr *expr,
			    struct nft_regs *regs,
			    const struct nft_pktinfo *pkt)
{
	const struct nft_seqadj *priv = nft_expr_priv(expr);
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;

	ct = nf_ct_get(pkt->skb, &ctinfo);
	if (!ct || ctinfo == IP_CT_UNTRACKED || nf_ct_is_template(ct))
		goto out_break;

	/* Nothing to adjust outside TCP: the rule goes on. */
	if (nf_ct_protonum(ct) != IPPROTO_TCP)
		return;

	if (nf_ct_is_confirmed(ct)) {
		/* Too late to add the extension; a connection that has it
		 * already keeps its state untouched.
		 */
		if (!nfct_seqadj(ct))
			goto out_break;
		return;
	}

	if (!nfct_seqadj(ct) && !nfct_seqadj_ext_add(ct))
		goto out_break;

	if (nft_seqadj_wants_offset(priv) &&
	    nft_seqadj_opening_syn(pkt, ctinfo))
		nf_ct_seqadj_init(ct, ctinfo, nft_seqadj_offset(priv));

	return;

out_break:
	regs->verdict.code = NFT_BREAK;
}

static const struct nla_policy nft_seqadj_policy[NFTA_SEQADJ_MAX + 1] = {
	[NFTA_SEQADJ_OFFSET]	= { .type = NLA_BE32 },
	[NFTA_SEQADJ_FLAGS]	= NLA_POLICY_MASK(NLA_BE32, NFT_SEQADJ_F_MASK),
};

static int nft_seqadj_init(const struct nft_ctx *ctx,
			   const struct nft_expr *expr,
			   const struct nlattr * const tb[])
{
	struct nft_seqadj *priv = nft_expr_priv(expr);

	switch (ctx->family) {
	case NFPROTO_IPV4:
	case NFPROTO_IPV6:
	case NFPROTO_INET:
		break;
	default:
		/* no conntrack for this family */
		return -EOPNOTSUPP;
	}

	if (tb[NFTA_SEQADJ_FLAGS])
		priv->flags = ntohl(nla_get_be32(tb[NFTA_SEQADJ_FLAGS]));

	if (tb[NFTA_SEQADJ_OFFSET]) {
		/* a random offset and a fixed one exclude each other */
		if (priv->flags & NFT_SEQADJ_F_RANDOM)
			return -EINVAL;

		priv->offset = (s32)ntohl(nla_get_be32(tb[NFTA_SEQADJ_OFFSET]));
		if (!priv->offset)
			return -ERANGE;
	}

	return nf_ct_netns_get(ctx->net, ctx->family);
}

static void nft_seqadj_destroy(const struct nft_ctx *ctx,
			       const struct nft_expr *expr)
{
	nf_ct_netns_put(ctx->net, ctx->family);
}

static int nft_seqadj_dump(struct sk_buff *skb,
			   const struct nft_expr *expr, bool reset)
{
	const struct nft_seqadj *priv = nft_expr_priv(expr);

	if (priv->offset &&
	    nla_put_be32(skb, NFTA_SEQADJ_OFFSET, htonl((u32)priv->offset)))
		return -1;
	if (priv->flags &&
	    nla_put_be32(skb, NFTA_SEQADJ_FLAGS, htonl(priv->flags)))
		return -1;

	return 0;
}

static int nft_seqadj_validate(const struct nft_ctx *ctx,
			       const struct nft_expr *expr)
{
	/* every hook where conntrack has run, none before it (ingress) */
	return nft_chain_validate_hooks(ctx->chain,
					(1 << NF_INET_PRE_ROUTING) |
					(1 << NF_INET_LOCAL_IN) |
					(1 << NF_INET_FORWARD) |
					(1 << NF_INET_LOCAL_OUT) |
					(1 << NF_INET_POST_ROUTING));
}

static struct nft_expr_type nft_seqadj_type;
static const struct nft_expr_ops nft_seqadj_ops = {
	.type		= &nft_seqadj_type,
	.size		= NFT_EXPR_SIZE(sizeof(struct nft_seqadj)),
	.eval		= nft_seqadj_eval,
	.init		= nft_seqadj_init,
	.destroy	= nft_seqadj_destroy,
	.dump		= nft_seqadj_dump,
	.validate	= nft_seqadj_validate,
};

static struct nft_expr_type nft_seqadj_type __read_mostly = {
	.name		= "seqadj",
	.ops		= &nft_seqadj_ops,
	.policy		= nft_seqadj_policy,
	.maxattr	= NFTA_SEQADJ_MAX,
	.owner		= THIS_MODULE,
};

static int __init nft_seqadj_module_init(void)
{
	return nft_register_expr(&nft_seqadj_type);
}

static void __exit nft_seqadj_module_exit(void)
{
	nft_unregister_expr(&nft_seqadj_type);
}

module_init(nft_seqadj_module_init);
module_exit(nft_seqadj_module_exit);

MODULE_LICENSE("GPL");
MODULE_ALIAS_NFT_EXPR("seqadj");
MODULE_DESCRIPTION("nftables TCP sequence number adjustment");
