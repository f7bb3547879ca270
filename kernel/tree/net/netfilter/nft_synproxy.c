// SPDX-License-Identifier: GPL-2.0
/*
 * The nf_tables synproxy expression and object.
 *
 * A client's first SYN is answered with a SYN/ACK whose sequence number
 * is a cookie, and dropped; the client's ACK that returns a valid cookie
 * makes the core open the connection to the server, and from then on the
 * core's hooks translate sequence numbers and timestamps.  Each
 * expression and each object counts what it did; the connections it
 * opened report back to it through the core's owner id.
 */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/netfilter/nf_synproxy.h>
#include <linux/netfilter/nf_tables.h>
#include <net/netlink.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_core.h>
#include <net/netfilter/nf_conntrack_synproxy.h>
#include <net/netfilter/nf_conntrack_zones.h>
#include <net/netfilter/nf_synproxy.h>
#include <net/netfilter/nf_tables.h>

/* what userspace may ask for: upstream's mask plus ECN */
#define NFT_SP_OPTIONS		(NF_SYNPROXY_OPT_MASK | NF_SYNPROXY_OPT_ECN)

/* what the client's ACK can only bring back inside a timestamp cookie */
#define NFT_SP_TS_ONLY		(NF_SYNPROXY_OPT_WSCALE | \
				 NF_SYNPROXY_OPT_SACK_PERM | \
				 NF_SYNPROXY_OPT_ECN)

enum nft_sp_counter {
	NFT_SP_SYN_ANSWERED,
	NFT_SP_COOKIE_VALID,
	NFT_SP_COOKIE_INVALID,
	NFT_SP_COOKIE_RETRANS,
	NFT_SP_CONN_OPENED,
	NFT_SP_CONN_REOPENED,
	NFT_SP_NUM_COUNTERS
};

static const u16 nft_sp_counter_attr[NFT_SP_NUM_COUNTERS] = {
	[NFT_SP_SYN_ANSWERED]	= NFTA_SYNPROXY_STAT_SYN_ANSWERED,
	[NFT_SP_COOKIE_VALID]	= NFTA_SYNPROXY_STAT_COOKIE_VALID,
	[NFT_SP_COOKIE_INVALID]	= NFTA_SYNPROXY_STAT_COOKIE_INVALID,
	[NFT_SP_COOKIE_RETRANS]	= NFTA_SYNPROXY_STAT_COOKIE_RETRANS,
	[NFT_SP_CONN_OPENED]	= NFTA_SYNPROXY_STAT_CONN_OPENED,
	[NFT_SP_CONN_REOPENED]	= NFTA_SYNPROXY_STAT_CONN_REOPENED,
};

struct nft_sp_cpu {
	u64	cnt[NFT_SP_NUM_COUNTERS];
};

/*
 * The statistics of one expression or object.  The core's hooks find them
 * by owner id, so they are freed an RCU grace period after the owner is
 * unregistered.
 */
struct nft_sp_tally {
	struct synproxy_owner		owner;
	struct nft_sp_cpu __percpu	*cpu;
	struct rcu_head			rcu;
};

struct nft_synproxy {
	struct nf_synproxy_info	info;
	struct nft_sp_tally	*tally;
};

static void nft_sp_count(struct nft_sp_tally *tally, enum nft_sp_counter c)
{
	this_cpu_inc(tally->cpu->cnt[c]);
}

static void nft_sp_owner_event(struct synproxy_owner *owner,
			       enum synproxy_event ev)
{
	struct nft_sp_tally *tally;

	tally = container_of(owner, struct nft_sp_tally, owner);
	switch (ev) {
	case SYNPROXY_EV_COOKIE_INVALID:
		nft_sp_count(tally, NFT_SP_COOKIE_INVALID);
		break;
	case SYNPROXY_EV_COOKIE_RETRANS:
		nft_sp_count(tally, NFT_SP_COOKIE_VALID);
		nft_sp_count(tally, NFT_SP_COOKIE_RETRANS);
		break;
	case SYNPROXY_EV_CONN_REOPENED:
		nft_sp_count(tally, NFT_SP_CONN_REOPENED);
		break;
	}
}

static struct nft_sp_tally *nft_sp_tally_create(struct net *net)
{
	struct nft_sp_tally *tally;

	tally = kzalloc(sizeof(*tally), GFP_KERNEL_ACCOUNT);
	if (!tally)
		return NULL;

	tally->cpu = alloc_percpu_gfp(struct nft_sp_cpu, GFP_KERNEL_ACCOUNT);
	if (!tally->cpu)
		goto err_free;

	tally->owner.event = nft_sp_owner_event;
	if (synproxy_owner_register(net, &tally->owner))
		goto err_free_cpu;

	return tally;

err_free_cpu:
	free_percpu(tally->cpu);
err_free:
	kfree(tally);
	return NULL;
}

static void nft_sp_tally_free_rcu(struct rcu_head *head)
{
	struct nft_sp_tally *tally = container_of(head, struct nft_sp_tally,
						  rcu);

	free_percpu(tally->cpu);
	kfree(tally);
}

static void nft_sp_tally_release(struct net *net, struct nft_sp_tally *tally)
{
	synproxy_owner_unregister(net, &tally->owner);
	call_rcu(&tally->rcu, nft_sp_tally_free_rcu);
}

static void nft_sp_tally_sum(const struct nft_sp_tally *tally,
			     u64 sum[NFT_SP_NUM_COUNTERS])
{
	int cpu, c;

	memset(sum, 0, sizeof(u64) * NFT_SP_NUM_COUNTERS);
	for_each_possible_cpu(cpu) {
		const struct nft_sp_cpu *pcpu = per_cpu_ptr(tally->cpu, cpu);

		for (c = 0; c < NFT_SP_NUM_COUNTERS; c++)
			sum[c] += READ_ONCE(pcpu->cnt[c]);
	}
}

/* what was counted since the sum was taken stays counted */
static void nft_sp_tally_sub(struct nft_sp_tally *tally,
			     const u64 sum[NFT_SP_NUM_COUNTERS])
{
	int c;

	for (c = 0; c < NFT_SP_NUM_COUNTERS; c++)
		this_cpu_sub(tally->cpu->cnt[c], sum[c]);
}

/*
 * Tag the connection the core has just opened towards the server (the
 * SYN went out synchronously, so it is in the table by now) with our
 * owner id, for the hooks to report retransmissions and reopenings.
 * False if the connection was opened before: the client sent the cookie
 * again (data or a retransmitted ACK while the server has not answered).
 */
static bool nft_sp_claim(struct net *net, const struct sk_buff *skb, u8 pf,
			 const struct nft_sp_tally *tally)
{
	const struct nf_conntrack_tuple_hash *h;
	struct nf_conntrack_tuple tuple;
	struct nf_conn_synproxy *sp;
	struct nf_conn *ct;
	bool fresh = true;

	if (!nf_ct_get_tuplepr(skb, skb_network_offset(skb), pf, net, &tuple))
		return true;

	h = nf_conntrack_find_get(net, &nf_ct_zone_dflt, &tuple);
	if (!h)
		return true;

	ct = nf_ct_tuplehash_to_ctrack(h);
	sp = nfct_synproxy(ct);
	if (sp && NF_CT_DIRECTION(h) == IP_CT_DIR_ORIGINAL)
		fresh = !xchg(&sp->owner, tally->owner.id);
	nf_ct_put(ct);
	return fresh;
}

static void nft_sp_send_cookie(struct net *net, u8 pf,
			       const struct sk_buff *skb,
			       const struct tcphdr *th,
			       const struct synproxy_options *opts)
{
#if IS_ENABLED(CONFIG_NF_TABLES_IPV6)
	if (pf == NFPROTO_IPV6) {
		synproxy_send_client_synack_ipv6(net, skb, th, opts);
		return;
	}
#endif
	synproxy_send_client_synack(net, skb, th, opts);
}

/*
 * The sequence number of the client's SYN, plus one: a handshake ACK
 * carries it, a keep-alive or zero-window probe (SEG.SEQ = SND.NXT - 1)
 * one less.  Conntrack hands a keep-alive of a connection the core is
 * opening to the core's hook only while the last segment it saw came
 * from the client; after the server has answered our SYN with something
 * else than a SYN/ACK (the challenge ACK of a stale connection, which
 * the hook resets) it is invalid and comes here.  It then still brings
 * the cookie back, and the SYN goes to the server again.
 */
static u32 nft_sp_recv_seq(struct net *net, const struct sk_buff *skb,
			   u8 pf, const struct tcphdr *th)
{
	const struct nf_conntrack_tuple_hash *h;
	struct nf_conntrack_tuple tuple;
	u32 seq = ntohl(th->seq);
	const struct ip_ct_tcp *tcp;
	struct nf_conn *ct;

	if (!nf_ct_get_tuplepr(skb, skb_network_offset(skb), pf, net, &tuple))
		return seq;

	h = nf_conntrack_find_get(net, &nf_ct_zone_dflt, &tuple);
	if (!h)
		return seq;

	ct = nf_ct_tuplehash_to_ctrack(h);
	if (NF_CT_DIRECTION(h) == IP_CT_DIR_ORIGINAL && nfct_synproxy(ct) &&
	    nf_ct_protonum(ct) == IPPROTO_TCP) {
		tcp = &ct->proto.tcp;
		spin_lock_bh(&ct->lock);
		if (tcp->state == TCP_CONNTRACK_SYN_SENT &&
		    tcp->seen[IP_CT_DIR_ORIGINAL].td_end - 1 == seq)
			seq++;
		spin_unlock_bh(&ct->lock);
	}
	nf_ct_put(ct);
	return seq;
}

static bool nft_sp_check_cookie(struct net *net, u8 pf,
				const struct sk_buff *skb,
				const struct tcphdr *th,
				struct synproxy_options *opts)
{
	u32 recv_seq = nft_sp_recv_seq(net, skb, pf, th);

#if IS_ENABLED(CONFIG_NF_TABLES_IPV6)
	if (pf == NFPROTO_IPV6)
		return synproxy_recv_client_ack_ipv6(net, skb, th, opts,
						     recv_seq);
#endif
	return synproxy_recv_client_ack(net, skb, th, opts, recv_seq);
}

/* the options of our SYN/ACK: what the client offered and we allow */
static void nft_sp_synack_options(const struct nf_synproxy_info *info,
				  const struct tcphdr *th,
				  struct synproxy_options *opts)
{
	/* an ECN-setup SYN (RFC 3168 6.1.1) */
	if (th->ece && th->cwr)
		opts->options |= NF_SYNPROXY_OPT_ECN;

	opts->options &= info->options;
	/* stock nft sends mss 0 with "wscale N": offer no MSS then */
	if (!info->mss)
		opts->options &= ~NF_SYNPROXY_OPT_MSS;

	opts->mss_encode = opts->mss_option;
	opts->mss_option = info->mss;

	if (opts->options & NF_SYNPROXY_OPT_TIMESTAMP)
		synproxy_init_timestamp_cookie(info, opts);
	else
		opts->options &= ~NFT_SP_TS_ONLY;
}

/*
 * Is this handshake segment the proxy's to answer?  With the classic
 * recipe conntrack has already kept out of the way: the SYN was marked
 * untracked by a notrack rule, and the final ACK, which
 * nf_conntrack_tcp_loose=0 does not let conntrack pick up, is invalid.
 *
 * Without that recipe (one synproxy rule, the default sysctls) conntrack
 * has made a new entry for the SYN, or picked the connection up from the
 * final ACK, and that entry is not in the table yet: the proxy takes the
 * packet away from conntrack, releasing the entry before it can be
 * confirmed and marking the packet untracked as the recipe would have.
 * So a SYN flood and forged ACKs leave no entry behind.
 *
 * A packet of a connection conntrack already holds (confirmed) is not a
 * handshake the proxy answers: an established connection, the client's
 * segments while the core opens the connection to the server.
 */
static bool nft_sp_take(struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;

	ct = nf_ct_get(skb, &ctinfo);
	if (!ct || ctinfo == IP_CT_UNTRACKED)
		return true;
	if (ctinfo != IP_CT_NEW || nf_ct_is_confirmed(ct))
		return false;

	nf_conntrack_put(skb_nfct(skb));
	nf_ct_set(skb, NULL, IP_CT_UNTRACKED);
	return true;
}

static void nft_sp_eval(const struct nft_synproxy *priv,
			struct nft_regs *regs,
			const struct nft_pktinfo *pkt)
{
	struct nf_synproxy_info info = READ_ONCE(priv->info);
	struct nft_sp_tally *tally = priv->tally;
	unsigned int thoff = nft_thoff(pkt);
	struct synproxy_options opts = {};
	struct sk_buff *skb = pkt->skb;
	struct net *net = nft_net(pkt);
	const struct tcphdr *th;
	u8 pf = nft_pf(pkt);
	struct tcphdr _th;

	if (pkt->tprot != IPPROTO_TCP || pkt->fragoff ||
	    (pf != NFPROTO_IPV4 && pf != NFPROTO_IPV6)) {
		regs->verdict.code = NFT_BREAK;
		return;
	}

	th = skb_header_pointer(skb, thoff, sizeof(_th), &_th);
	if (!th) {
		regs->verdict.code = NF_DROP;
		return;
	}
	/* no handshake segment of a client: the rule goes on, unchecked */
	if (th->rst || th->fin || th->syn == th->ack)
		return;
	/* a segment of a connection conntrack holds: the rule goes on */
	if (!nft_sp_take(skb))
		return;
	if (nf_checksum(skb, nft_hook(pkt), thoff, IPPROTO_TCP, pf) ||
	    !synproxy_parse_options(skb, thoff, th, &opts)) {
		regs->verdict.code = NF_DROP;
		return;
	}

	if (th->syn) {
		nft_sp_synack_options(&info, th, &opts);
		this_cpu_inc(synproxy_pernet(net)->stats->syn_received);
		nft_sp_send_cookie(net, pf, skb, th, &opts);
		nft_sp_count(tally, NFT_SP_SYN_ANSWERED);
		consume_skb(skb);
		regs->verdict.code = NF_STOLEN;
	} else {
		if (!nft_sp_check_cookie(net, pf, skb, th, &opts)) {
			nft_sp_count(tally, NFT_SP_COOKIE_INVALID);
			regs->verdict.code = NF_DROP;
			return;
		}
		nft_sp_count(tally, NFT_SP_COOKIE_VALID);
		if (nft_sp_claim(net, skb, pf, tally))
			nft_sp_count(tally, NFT_SP_CONN_OPENED);
		else
			nft_sp_count(tally, NFT_SP_COOKIE_RETRANS);
		consume_skb(skb);
		regs->verdict.code = NF_STOLEN;
	}
}

static int nft_sp_hooks_get(struct net *net, u8 family)
{
	struct synproxy_net *snet = synproxy_pernet(net);
	int err;

	if (family != NFPROTO_IPV6) {
		err = nf_synproxy_ipv4_init(snet, net);
		if (err)
			return err;
	}
	if (family != NFPROTO_IPV4) {
		err = nf_synproxy_ipv6_init(snet, net);
		if (err) {
			if (family == NFPROTO_INET)
				nf_synproxy_ipv4_fini(snet, net);
			return err;
		}
	}
	return 0;
}

static void nft_sp_hooks_put(struct net *net, u8 family)
{
	struct synproxy_net *snet = synproxy_pernet(net);

	if (family != NFPROTO_IPV6)
		nf_synproxy_ipv4_fini(snet, net);
	if (family != NFPROTO_IPV4)
		nf_synproxy_ipv6_fini(snet, net);
}

static const struct nla_policy nft_synproxy_policy[NFTA_SYNPROXY_MAX + 1] = {
	[NFTA_SYNPROXY_MSS]	= { .type = NLA_BE16 },
	[NFTA_SYNPROXY_WSCALE]	= NLA_POLICY_MAX(NLA_U8, TCP_MAX_WSCALE),
	[NFTA_SYNPROXY_FLAGS]	= NLA_POLICY_MASK(NLA_BE32, NFT_SP_OPTIONS),
	/* dumped, ignored on input */
	[NFTA_SYNPROXY_STATS]	= { .type = NLA_NESTED },
};

static int nft_sp_setup(const struct nft_ctx *ctx,
			const struct nlattr * const tb[],
			struct nft_synproxy *priv)
{
	int err;

	switch (ctx->family) {
	case NFPROTO_IPV4:
	case NFPROTO_IPV6:
	case NFPROTO_INET:
		break;
	default:
		return -EOPNOTSUPP;
	}

	if (tb[NFTA_SYNPROXY_MSS])
		priv->info.mss = ntohs(nla_get_be16(tb[NFTA_SYNPROXY_MSS]));
	if (tb[NFTA_SYNPROXY_WSCALE])
		priv->info.wscale = nla_get_u8(tb[NFTA_SYNPROXY_WSCALE]);
	if (tb[NFTA_SYNPROXY_FLAGS])
		priv->info.options = ntohl(nla_get_be32(tb[NFTA_SYNPROXY_FLAGS]));

	priv->tally = nft_sp_tally_create(ctx->net);
	if (!priv->tally)
		return -ENOMEM;

	err = nf_ct_netns_get(ctx->net, ctx->family);
	if (err)
		goto err_tally;

	err = nft_sp_hooks_get(ctx->net, ctx->family);
	if (err)
		goto err_netns;

	return 0;

err_netns:
	nf_ct_netns_put(ctx->net, ctx->family);
err_tally:
	nft_sp_tally_release(ctx->net, priv->tally);
	return err;
}

static void nft_sp_teardown(const struct nft_ctx *ctx,
			    struct nft_synproxy *priv)
{
	nft_sp_hooks_put(ctx->net, ctx->family);
	nf_ct_netns_put(ctx->net, ctx->family);
	nft_sp_tally_release(ctx->net, priv->tally);
}

static int nft_sp_dump_stats(struct sk_buff *skb, struct nft_sp_tally *tally,
			     bool reset)
{
	u64 sum[NFT_SP_NUM_COUNTERS];
	struct nlattr *nest;
	int c;

	nft_sp_tally_sum(tally, sum);

	nest = nla_nest_start(skb, NFTA_SYNPROXY_STATS);
	if (!nest)
		return -1;
	for (c = 0; c < NFT_SP_NUM_COUNTERS; c++) {
		if (nla_put_be64(skb, nft_sp_counter_attr[c],
				 cpu_to_be64(sum[c]), NFTA_SYNPROXY_STAT_PAD)) {
			nla_nest_cancel(skb, nest);
			return -1;
		}
	}
	nla_nest_end(skb, nest);

	if (reset)
		nft_sp_tally_sub(tally, sum);
	return 0;
}

static int nft_sp_dump(struct sk_buff *skb, const struct nft_synproxy *priv,
		       bool reset)
{
	struct nf_synproxy_info info = READ_ONCE(priv->info);

	if (nla_put_be16(skb, NFTA_SYNPROXY_MSS, htons(info.mss)) ||
	    nla_put_u8(skb, NFTA_SYNPROXY_WSCALE, info.wscale) ||
	    nla_put_be32(skb, NFTA_SYNPROXY_FLAGS, htonl(info.options)))
		return -1;

	return nft_sp_dump_stats(skb, priv->tally, reset);
}

/* the expression: the same state, inline in the rule */

static struct nft_synproxy *nft_sp_expr(const struct nft_expr *expr)
{
	return nft_expr_priv(expr);
}

static void nft_sp_expr_eval(const struct nft_expr *expr,
			     struct nft_regs *regs,
			     const struct nft_pktinfo *pkt)
{
	nft_sp_eval(nft_sp_expr(expr), regs, pkt);
}

/* cookies need conntrack's view of the packet: ip, ip6 and inet only */
static int nft_sp_expr_validate(const struct nft_ctx *ctx,
				const struct nft_expr *expr)
{
	unsigned int hooks = (1 << NF_INET_LOCAL_IN) | (1 << NF_INET_FORWARD);

	if (ctx->family == NFPROTO_IPV4 || ctx->family == NFPROTO_IPV6 ||
	    ctx->family == NFPROTO_INET)
		return nft_chain_validate_hooks(ctx->chain, hooks);
	return -EOPNOTSUPP;
}

static int nft_sp_expr_init(const struct nft_ctx *ctx,
			    const struct nft_expr *expr,
			    const struct nlattr * const tb[])
{
	return nft_sp_setup(ctx, tb, nft_sp_expr(expr));
}

static void nft_sp_expr_destroy(const struct nft_ctx *ctx,
				const struct nft_expr *expr)
{
	nft_sp_teardown(ctx, nft_sp_expr(expr));
}

static int nft_sp_expr_dump(struct sk_buff *skb, const struct nft_expr *expr,
			    bool reset)
{
	return nft_sp_dump(skb, nft_sp_expr(expr), reset);
}

static struct nft_expr_type nft_synproxy_type;
static const struct nft_expr_ops nft_sp_expr_ops = {
	.type		= &nft_synproxy_type,
	.size		= NFT_EXPR_SIZE(sizeof(struct nft_synproxy)),
	.init		= nft_sp_expr_init,
	.validate	= nft_sp_expr_validate,
	.eval		= nft_sp_expr_eval,
	.dump		= nft_sp_expr_dump,
	.destroy	= nft_sp_expr_destroy,
};

static struct nft_expr_type nft_synproxy_type __read_mostly = {
	.name		= "synproxy",
	.owner		= THIS_MODULE,
	.ops		= &nft_sp_expr_ops,
	.maxattr	= NFTA_SYNPROXY_MAX,
	.policy		= nft_synproxy_policy,
};

/* the named object: the same state, reached through nft_obj_data() */

static struct nft_synproxy *nft_sp_obj(struct nft_object *obj)
{
	return nft_obj_data(obj);
}

static void nft_sp_obj_eval(struct nft_object *obj, struct nft_regs *regs,
			    const struct nft_pktinfo *pkt)
{
	nft_sp_eval(nft_sp_obj(obj), regs, pkt);
}

static int nft_sp_obj_init(const struct nft_ctx *ctx,
			   const struct nlattr * const tb[],
			   struct nft_object *obj)
{
	return nft_sp_setup(ctx, tb, nft_sp_obj(obj));
}

static void nft_sp_obj_destroy(const struct nft_ctx *ctx,
			       struct nft_object *obj)
{
	nft_sp_teardown(ctx, nft_sp_obj(obj));
}

static int nft_sp_obj_dump(struct sk_buff *skb, struct nft_object *obj,
			   bool reset)
{
	return nft_sp_dump(skb, nft_sp_obj(obj), reset);
}

/*
 * An update takes the new options only: the counters (and the hooks the
 * old object holds) stay with the object, and the new one, with its own
 * fresh tally, is destroyed by the core afterwards.
 */
static void nft_sp_obj_update(struct nft_object *obj,
			      struct nft_object *newobj)
{
	WRITE_ONCE(nft_sp_obj(obj)->info, nft_sp_obj(newobj)->info);
}

static struct nft_object_type nft_sp_obj_type;
static const struct nft_object_ops nft_sp_obj_ops = {
	.type		= &nft_sp_obj_type,
	.size		= sizeof(struct nft_synproxy),
	.init		= nft_sp_obj_init,
	.update		= nft_sp_obj_update,
	.eval		= nft_sp_obj_eval,
	.dump		= nft_sp_obj_dump,
	.destroy	= nft_sp_obj_destroy,
};

static struct nft_object_type nft_sp_obj_type __read_mostly = {
	.type		= NFT_OBJECT_SYNPROXY,
	.owner		= THIS_MODULE,
	.ops		= &nft_sp_obj_ops,
	.maxattr	= NFTA_SYNPROXY_MAX,
	.policy		= nft_synproxy_policy,
};

/* the object first: a rule may name an object as soon as rules exist */
static int __init nft_sp_module_init(void)
{
	int err = nft_register_obj(&nft_sp_obj_type);

	if (err)
		return err;
	err = nft_register_expr(&nft_synproxy_type);
	if (err)
		nft_unregister_obj(&nft_sp_obj_type);
	return err;
}

static void __exit nft_sp_module_exit(void)
{
	nft_unregister_expr(&nft_synproxy_type);
	nft_unregister_obj(&nft_sp_obj_type);
	/* the statistics still waiting for their grace period */
	rcu_barrier();
}

module_init(nft_sp_module_init);
module_exit(nft_sp_module_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("nftx developers <dev@nftx.invalid>");
MODULE_DESCRIPTION("nftables synproxy expression and object, with statistics");
MODULE_ALIAS_NFT_EXPR("synproxy");
MODULE_ALIAS_NFT_OBJ(NFT_OBJECT_SYNPROXY);
