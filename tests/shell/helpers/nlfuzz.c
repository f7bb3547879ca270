// SPDX-License-Identifier: GPL-2.0-only
/*
 * nlfuzz - fuzz the netlink interface of the new nf_tables expressions.
 *
 *   nlfuzz [--seed N] [--count N] [--repro-dir DIR] [--verbose]
 *   nlfuzz --genid
 *
 * --genid only prints nf_tables' generation id (NFT_MSG_GETGEN), which
 * every successful commit bumps: the tests use it to see, for the price
 * of a small exec, that a refused input left the ruleset alone.
 *
 * Creates a table "nlfuzz" in every family (ip, ip6, inet, arp, bridge,
 * netdev) with a base chain on every hook of the family and a regular
 * chain, and valid synproxy objects "ref" where synproxy exists.  It then
 * sends, first, a fixed list of messages whose answer is known (valid but
 * extreme values that must be accepted, values that must be refused with
 * a given errno), then COUNT messages drawn from a PRNG seeded with SEED:
 * NEWRULE with a synproxy, queue, seqadj or objref (to a synproxy object)
 * expression and NEWOBJ of a synproxy object, with random, boundary and
 * malformed attributes (wrong lengths, missing, extra, unknown and
 * duplicated attributes, out-of-range values, unknown flag bits, nested
 * garbage, truncated nests, bad names), on every chain of every family.
 * Each message travels alone in an nfnetlink batch (BATCH_BEGIN, the
 * message with NLM_F_ACK, BATCH_END) and must be answered.
 *
 * A generated message that is well formed (only the values and the
 * presence of attributes are random) has an answer this program can
 * predict from the policy, the families and hooks of each expression, and
 * the objects that exist; it is checked.  A malformed one only has to be
 * answered.  Every 400 messages the tables are deleted and created again
 * (the rules and objects that were accepted go through their destroy
 * path).  At the end the tables are deleted.
 *
 * Last line: "nlfuzz: seed S count N: sent N, accepted A, refused R
 * (EINVAL x, ...), unanswered U; predicted P, mismatches M; checks C,
 * failed F".  Exit 0 only if nothing went unanswered, no prediction or
 * check failed and no unexpected netlink error came back.  A failing
 * message is printed in hex (and written to DIR/nlfuzz-SEED-INDEX.hex
 * with --repro-dir).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <libmnl/libmnl.h>

/* nf_tables uapi numbers (include/uapi/linux/netfilter/nf_tables.h, and
 * kernel/patches/ for the new ones) */
enum {
	MSG_NEWTABLE = 0, MSG_DELTABLE = 2, MSG_NEWCHAIN = 3, MSG_NEWRULE = 6,
	MSG_NEWOBJ = 18,
};
enum { TABLE_NAME = 1 };
enum { CHAIN_TABLE = 1, CHAIN_NAME = 3, CHAIN_HOOK = 4, CHAIN_TYPE = 7 };
enum { HOOK_HOOKNUM = 1, HOOK_PRIORITY = 2, HOOK_DEV = 3 };
enum { RULE_TABLE = 1, RULE_CHAIN = 2, RULE_EXPRESSIONS = 4, RULE_POSITION = 6 };
enum { LIST_ELEM = 1 };
enum { EXPR_NAME = 1, EXPR_DATA = 2 };
enum { OBJ_TABLE = 1, OBJ_NAME = 2, OBJ_TYPE = 3, OBJ_DATA = 4 };
enum { OBJECT_SYNPROXY = 10 };
enum { SP_MSS = 1, SP_WSCALE = 2, SP_FLAGS = 3, SP_STATS = 4, SP_MAX = 4 };
#define SP_FLAGS_KNOWN	0x1fu	/* mss, wscale, sack-perm, timestamp, ecn */
#define SP_WSCALE_MAX	14
enum { Q_NUM = 1, Q_TOTAL = 2, Q_FLAGS = 3, Q_SREG = 4, Q_MAX = 4 };
#define Q_FLAGS_KNOWN	0x07u	/* bypass, fanout, fail-open */
enum { SA_OFFSET = 1, SA_FLAGS = 2, SA_MAX = 2 };
#define SA_F_RANDOM	0x1u
enum { OR_IMM_TYPE = 1, OR_IMM_NAME = 2, OR_MAX = 5 };
enum { IMM_DREG = 1, IMM_DATA = 2 };
enum { DATA_VALUE = 1 };
#define NFPROTO_INET_	1
#define NFPROTO_NETDEV_	5

/* ---- PRNG: splitmix64, deterministic for a seed ---- */
static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned int below(unsigned int n)
{
	return n ? (unsigned int)(rnd() % n) : 0;
}

static bool chance(unsigned int percent)
{
	return below(100) < percent;
}

#define PICK(a) ((a)[below(sizeof(a) / sizeof((a)[0]))])

/* ---- families and chains ---- */
struct chainspec {
	const char *name;
	int hook;		/* -1: a regular chain */
	const char *dev;
	bool optional;		/* may be missing from the kernel config */
	bool present;
};

struct family {
	const char *name;
	int nfproto;
	bool l3;		/* ip, ip6, inet: synproxy and seqadj exist */
	bool queue;		/* ip, ip6, inet, bridge: queue's hooks */
	struct chainspec chains[8];
	int nchains;
};

/* hook numbers: NF_INET_* (bridge's NF_BR_* are the same 0-4),
 * NF_INET_INGRESS 5; NF_ARP_IN 0, NF_ARP_OUT 1, NF_ARP_FORWARD 2;
 * NF_NETDEV_INGRESS 0, NF_NETDEV_EGRESS 1 */
#define CH(n, h) { .name = n, .hook = h }
#define CHD(n, h, d, o) { .name = n, .hook = h, .dev = d, .optional = o }
#define INET_CHAINS \
	CH("prerouting", 0), CH("input", 1), CH("forward", 2), \
	CH("output", 3), CH("postrouting", 4), CH("plain", -1)
#define FAM(n, p, x, q) .name = n, .nfproto = p, .l3 = x, .queue = q
static struct family families[] = {
	{ FAM("ip", NFPROTO_IPV4, true, true), { INET_CHAINS }, 6 },
	{ FAM("ip6", NFPROTO_IPV6, true, true), { INET_CHAINS }, 6 },
	{ FAM("inet", NFPROTO_INET_, true, true), { INET_CHAINS,
		CHD("ingress", 5, "lo", true) }, 7 },
	{ FAM("arp", NFPROTO_ARP, false, false), { CH("input", 0), CH("output", 1),
		CHD("forward", 2, NULL, true), CH("plain", -1) }, 4 },
	{ FAM("bridge", NFPROTO_BRIDGE, false, true), { INET_CHAINS }, 6 },
	{ FAM("netdev", NFPROTO_NETDEV_, false, false), { CHD("ingress", 0, "lo", false),
		CHD("egress", 1, "lo", true), CH("plain", -1) }, 3 },
};
#define NFAM (int)(sizeof(families) / sizeof(families[0]))
#define TABLE "nlfuzz"

/* synproxy objects that exist: "ref" and a small pool, per family */
#define NPOOL 8
static const char *const pool[NPOOL + 1] = {
	"o0", "o1", "o2", "o3", "o4", "o5", "o6", "o7", "ref"
};
static bool obj_exists[6][NPOOL + 1];

/* ---- message building ---- */
struct buf {
	uint8_t d[16384];
	size_t n;
};

static void put(struct buf *b, const void *p, size_t len)
{
	if (b->n + len > sizeof(b->d))
		len = sizeof(b->d) - b->n;
	memcpy(b->d + b->n, p, len);
	b->n += len;
}

static void pad(struct buf *b)
{
	static const uint8_t z[4];

	put(b, z, (4 - b->n % 4) % 4);
}

/* an attribute with its payload; declared length = 4 + len */
static void attr(struct buf *b, uint16_t type, const void *p, size_t len)
{
	struct nlattr a = { .nla_len = (uint16_t)(NLA_HDRLEN + len), .nla_type = type };

	put(b, &a, sizeof(a));
	put(b, p, len);
	pad(b);
}

static size_t nest_start(struct buf *b, uint16_t type)
{
	struct nlattr a = { .nla_len = 0, .nla_type = type | NLA_F_NESTED };
	size_t at = b->n;

	put(b, &a, sizeof(a));
	return at;
}

static void nest_end(struct buf *b, size_t at)
{
	uint16_t len = (uint16_t)(b->n - at);

	memcpy(b->d + at, &len, sizeof(len));
}

static void attr_str(struct buf *b, uint16_t type, const char *s)
{
	attr(b, type, s, strlen(s) + 1);
}

static void attr_be32(struct buf *b, uint16_t type, uint32_t v)
{
	v = htonl(v);
	attr(b, type, &v, 4);
}

static void attr_be16(struct buf *b, uint16_t type, uint16_t v)
{
	v = htons(v);
	attr(b, type, &v, 2);
}

/* one expression's attributes, as a list that the mutations work on */
struct fattr {
	uint16_t type;		/* with NLA_F_NESTED possibly */
	uint16_t len;
	uint8_t v[96];
	int16_t declared;	/* >= 0: nla_len written instead of the real one */
};

struct fexpr {
	char name[40];
	int namelen;		/* bytes of name sent (NUL included when wanted) */
	bool data;		/* NFTA_EXPR_DATA present */
	bool data_flat;		/* ... without NLA_F_NESTED */
	struct fattr a[12];
	int na;
	uint8_t tail[32];	/* garbage after the attributes, in the nest */
	int ntail;
};

static void fa_add(struct fexpr *e, uint16_t type, const void *v, uint16_t len)
{
	struct fattr *a;

	if (e->na >= (int)(sizeof(e->a) / sizeof(e->a[0])))
		return;
	a = &e->a[e->na++];
	a->type = type;
	a->len = len;
	a->declared = -1;
	memcpy(a->v, v, len);
}

static void fa_be32(struct fexpr *e, uint16_t type, uint32_t v)
{
	v = htonl(v);
	fa_add(e, type, &v, 4);
}

static void fa_be16(struct fexpr *e, uint16_t type, uint16_t v)
{
	v = htons(v);
	fa_add(e, type, &v, 2);
}

static void fa_u8(struct fexpr *e, uint16_t type, uint8_t v)
{
	fa_add(e, type, &v, 1);
}

static void fe_name(struct fexpr *e, const char *name)
{
	snprintf(e->name, sizeof(e->name), "%s", name);
	e->namelen = (int)strlen(name) + 1;
	e->data = true;
}

static void put_expr(struct buf *b, const struct fexpr *e)
{
	size_t elem = nest_start(b, LIST_ELEM), data;
	int i;

	attr(b, EXPR_NAME, e->name, e->namelen);
	if (e->data) {
		data = nest_start(b, EXPR_DATA);
		if (e->data_flat)
			((struct nlattr *)(b->d + data))->nla_type = EXPR_DATA;
		for (i = 0; i < e->na; i++) {
			const struct fattr *a = &e->a[i];
			size_t at = b->n;

			attr(b, a->type, a->v, a->len);
			if (a->declared >= 0) {
				uint16_t l = (uint16_t)a->declared;

				memcpy(b->d + at, &l, 2);
			}
		}
		put(b, e->tail, e->ntail);
		nest_end(b, data);
		pad(b);
	}
	nest_end(b, elem);
}

/* ---- the socket and the batches ---- */
static struct mnl_socket *nl;
static uint32_t seq = 1000;
static unsigned int portid;

struct answer {
	bool got;
	int err;		/* 0: accepted, else errno */
	char msg[256];		/* extended ACK message */
	int unexpected;		/* other errors received meanwhile */
};

static size_t msg_start(struct buf *b, uint16_t type, uint16_t flags,
			uint32_t s, uint8_t family, uint16_t res_id)
{
	struct nlmsghdr h = { .nlmsg_type = type, .nlmsg_flags = flags, .nlmsg_seq = s };
	struct nfgenmsg g = { .nfgen_family = family, .version = NFNETLINK_V0,
			      .res_id = htons(res_id) };
	size_t at = b->n;

	put(b, &h, sizeof(h));
	put(b, &g, sizeof(g));
	return at;
}

static void msg_end(struct buf *b, size_t at)
{
	uint32_t len = (uint32_t)(b->n - at);

	memcpy(b->d + at, &len, 4);
	pad(b);
}

static uint16_t nft(uint16_t t)
{
	return (NFNL_SUBSYS_NFTABLES << 8) | t;
}

/* The message body (everything after nfgenmsg) in body; sends BEGIN,
 * message, END; waits for the message's ACK. */
static int unexpected_total;

static void send_batch(uint16_t type, uint16_t flags, uint8_t family,
		       const struct buf *body, struct buf *whole,
		       struct answer *ans)
{
	uint8_t rx[MNL_SOCKET_BUFFER_SIZE * 4];
	uint32_t s = seq;
	size_t at;

	seq += 3;
	memset(ans, 0, sizeof(*ans));
	whole->n = 0;
	at = msg_start(whole, NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, s, AF_UNSPEC,
		       NFNL_SUBSYS_NFTABLES);
	msg_end(whole, at);
	at = msg_start(whole, nft(type), flags | NLM_F_REQUEST | NLM_F_ACK, s + 1,
		       family, 0);
	put(whole, body->d, body->n);
	msg_end(whole, at);
	at = msg_start(whole, NFNL_MSG_BATCH_END, NLM_F_REQUEST, s + 2, AF_UNSPEC,
		       NFNL_SUBSYS_NFTABLES);
	msg_end(whole, at);

	if (mnl_socket_sendto(nl, whole->d, whole->n) < 0) {
		fprintf(stderr, "nlfuzz: send: %s\n", strerror(errno));
		ans->unexpected++;
		unexpected_total++;
		return;
	}
	while (!ans->got) {
		struct pollfd p = { .fd = mnl_socket_get_fd(nl), .events = POLLIN };
		const struct nlmsghdr *h;
		ssize_t n;
		int len;

		if (poll(&p, 1, 20000) <= 0)
			return;			/* unanswered */
		n = mnl_socket_recvfrom(nl, rx, sizeof(rx));
		if (n < 0) {
			fprintf(stderr, "nlfuzz: recv: %s\n", strerror(errno));
			ans->unexpected++;
			unexpected_total++;
			return;
		}
		len = (int)n;
		for (h = (const struct nlmsghdr *)rx; mnl_nlmsg_ok(h, len);
		     h = mnl_nlmsg_next(h, &len)) {
			const struct nlmsgerr *e = mnl_nlmsg_get_payload(h);

			if (h->nlmsg_type != NLMSG_ERROR) {
				fprintf(stderr, "nlfuzz: unexpected message type %u seq %u\n",
					h->nlmsg_type, h->nlmsg_seq);
				ans->unexpected++;
				unexpected_total++;
				continue;
			}
			if (h->nlmsg_seq != s + 1) {
				fprintf(stderr, "nlfuzz: unexpected error %d for seq %u (message %u)\n",
					-e->error, h->nlmsg_seq, s + 1);
				ans->unexpected++;
				unexpected_total++;
				continue;
			}
			ans->got = true;
			ans->err = -e->error;
			if (h->nlmsg_flags & NLM_F_ACK_TLVS) {
				size_t off = sizeof(*e), plen = mnl_nlmsg_get_payload_len(h);

				if (!(h->nlmsg_flags & NLM_F_CAPPED))
					off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
				while (off + NLA_HDRLEN <= plen) {
					const struct nlattr *a = (const void *)((const char *)e + off);

					if (a->nla_len < NLA_HDRLEN || off + a->nla_len > plen)
						break;
					if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG)
						snprintf(ans->msg, sizeof(ans->msg), "%.*s",
							 (int)(a->nla_len - NLA_HDRLEN),
							 (const char *)(a + 1));
					off += NLA_ALIGN(a->nla_len);
				}
			}
		}
	}
}

static const char *ename(int err)
{
	const char *n = err ? strerrorname_np(err) : "ok";
	static char num[16];

	if (n)
		return n;
	snprintf(num, sizeof(num), "errno%d", err);
	return num;
}

/* ---- setup ---- */
static int setup_errors;

static int setup_msg(uint16_t type, uint16_t flags, uint8_t family,
		     const struct buf *body, const char *what)
{
	static struct buf whole;
	struct answer ans;

	send_batch(type, flags, family, body, &whole, &ans);
	if (!ans.got) {
		fprintf(stderr, "nlfuzz: setup: %s: no answer\n", what);
		setup_errors++;
		return -ETIMEDOUT;
	}
	return ans.err;
}

static void make_ref_obj(int f, const char *name)
{
	struct buf b = { .n = 0 };
	size_t d;

	attr_str(&b, OBJ_TABLE, TABLE);
	attr_str(&b, OBJ_NAME, name);
	attr_be32(&b, OBJ_TYPE, OBJECT_SYNPROXY);
	d = nest_start(&b, OBJ_DATA);
	attr_be16(&b, SP_MSS, 1460);
	attr(&b, SP_WSCALE, (uint8_t[]){ 7 }, 1);
	attr_be32(&b, SP_FLAGS, 0x0f);
	nest_end(&b, d);
	if (setup_msg(MSG_NEWOBJ, NLM_F_CREATE | NLM_F_EXCL, (uint8_t)families[f].nfproto,
		      &b, "object") == 0)
		obj_exists[f][NPOOL] = true;
	else {
		fprintf(stderr, "nlfuzz: setup: %s object %s refused\n",
			families[f].name, name);
		setup_errors++;
	}
}

static void setup(bool verbose)
{
	int f, c, err;

	for (f = 0; f < NFAM; f++) {
		struct family *fam = &families[f];
		struct buf b = { .n = 0 };

		memset(obj_exists[f], 0, sizeof(obj_exists[f]));
		attr_str(&b, TABLE_NAME, TABLE);
		err = setup_msg(MSG_NEWTABLE, NLM_F_CREATE, (uint8_t)fam->nfproto, &b, "table");
		if (err) {
			fprintf(stderr, "nlfuzz: setup: table %s: %s\n", fam->name, ename(err));
			setup_errors++;
			continue;
		}
		for (c = 0; c < fam->nchains; c++) {
			struct chainspec *cs = &fam->chains[c];
			size_t h;

			b.n = 0;
			attr_str(&b, CHAIN_TABLE, TABLE);
			attr_str(&b, CHAIN_NAME, cs->name);
			if (cs->hook >= 0) {
				h = nest_start(&b, CHAIN_HOOK);
				attr_be32(&b, HOOK_HOOKNUM, (uint32_t)cs->hook);
				attr_be32(&b, HOOK_PRIORITY, 0);
				if (cs->dev)
					attr_str(&b, HOOK_DEV, cs->dev);
				nest_end(&b, h);
				attr_str(&b, CHAIN_TYPE, "filter");
			}
			err = setup_msg(MSG_NEWCHAIN, NLM_F_CREATE, (uint8_t)fam->nfproto, &b, "chain");
			cs->present = !err;
			if (err && !cs->optional) {
				fprintf(stderr, "nlfuzz: setup: chain %s %s: %s\n",
					fam->name, cs->name, ename(err));
				setup_errors++;
			} else if (err && verbose) {
				fprintf(stderr, "nlfuzz: chain %s %s not available: %s\n",
					fam->name, cs->name, ename(err));
			}
		}
		if (fam->l3)
			make_ref_obj(f, "ref");
	}
}

static void teardown(void)
{
	int f, err;

	for (f = 0; f < NFAM; f++) {
		struct buf b = { .n = 0 };

		attr_str(&b, TABLE_NAME, TABLE);
		err = setup_msg(MSG_DELTABLE, 0, (uint8_t)families[f].nfproto, &b, "deltable");
		if (err && err != ENOENT) {
			fprintf(stderr, "nlfuzz: delete table %s: %s\n",
				families[f].name, ename(err));
			setup_errors++;
		}
	}
}

/* ---- the cases ---- */
enum kind { K_SYNPROXY, K_QUEUE, K_SEQADJ, K_OBJREF, K_OBJ, K_NR };
static const char *const kind_name[K_NR] = {
	"synproxy", "queue", "seqadj", "objref", "obj"
};

struct fcase {
	enum kind kind;
	int fam;
	int chain;		/* index into the family's chains */
	struct fexpr e;		/* the expression (or the object's data) */
	struct fexpr pre;	/* an expression before it (immediate) */
	bool has_pre;
	struct fexpr extra;	/* one more after it */
	bool has_extra;
	/* outer */
	bool no_table, no_chain, bad_position, replace;
	int objname;		/* pool index; -1: objname_raw */
	char objname_raw[300];
	uint32_t objtype;
	bool no_objtype, excl;
	bool malformed;		/* no prediction */
	int predict;		/* expected errno, 0 accepted, -1 unknown */
};

static const struct chainspec *case_chain(const struct fcase *c)
{
	return &families[c->fam].chains[c->chain];
}

static void build(const struct fcase *c, struct buf *b, uint16_t *type, uint16_t *flags)
{
	const struct family *fam = &families[c->fam];

	b->n = 0;
	if (c->kind == K_OBJ) {
		*type = MSG_NEWOBJ;
		*flags = NLM_F_CREATE | (c->excl ? NLM_F_EXCL : 0);
		if (!c->no_table)
			attr_str(b, OBJ_TABLE, TABLE);
		if (c->objname >= 0)
			attr_str(b, OBJ_NAME, pool[c->objname]);
		else
			attr_str(b, OBJ_NAME, c->objname_raw);
		if (!c->no_objtype)
			attr_be32(b, OBJ_TYPE, c->objtype);
		if (c->e.data) {
			size_t d = nest_start(b, OBJ_DATA);
			int i;

			if (c->e.data_flat)
				((struct nlattr *)(b->d + d))->nla_type = OBJ_DATA;
			for (i = 0; i < c->e.na; i++) {
				size_t at = b->n;

				attr(b, c->e.a[i].type, c->e.a[i].v, c->e.a[i].len);
				if (c->e.a[i].declared >= 0) {
					uint16_t l = (uint16_t)c->e.a[i].declared;

					memcpy(b->d + at, &l, 2);
				}
			}
			put(b, c->e.tail, c->e.ntail);
			nest_end(b, d);
			pad(b);
		}
		return;
	}
	*type = MSG_NEWRULE;
	*flags = NLM_F_CREATE | NLM_F_APPEND | (c->replace ? NLM_F_REPLACE : 0);
	if (!c->no_table)
		attr_str(b, RULE_TABLE, TABLE);
	if (!c->no_chain)
		attr_str(b, RULE_CHAIN, fam->chains[c->chain].name);
	if (c->bad_position)
		attr(b, RULE_POSITION, (uint64_t[]){ 0x7fffffffffffffffULL }, 8);
	{
		size_t l = nest_start(b, RULE_EXPRESSIONS);

		if (c->has_pre)
			put_expr(b, &c->pre);
		put_expr(b, &c->e);
		if (c->has_extra)
			put_expr(b, &c->extra);
		nest_end(b, l);
	}
}

/* boundary values */
static const uint16_t mss_v[] = { 0, 1, 88, 536, 1220, 1460, 9000, 65534, 65535 };
static const uint8_t ws_v[] = { 0, 1, 7, 13, 14, 15, 16, 127, 128, 255 };
static const uint32_t spf_v[] = {
	0, 0x01, 0x02, 0x03, 0x04, 0x08, 0x0f, 0x10, 0x18, 0x1f, 0x20, 0x3f,
	0x40, 0x100, 0x80000000, 0xffffffff,
};
static const uint16_t qnum_v[] = { 0, 1, 2, 3, 100, 32767, 32768, 65533, 65534, 65535 };
static const uint16_t qtot_v[] = { 0, 1, 2, 3, 4, 16, 32768, 65534, 65535 };
static const uint16_t qf_v[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0f, 0x80, 0x8000, 0xffff };
static const uint32_t off_v[] = {
	0, 1, 2, 1000, 0x7ffffffe, 0x7fffffff, 0x80000000, 0x80000001,
	0xfffffc18, 0xffffffff,
};
static const uint32_t saf_v[] = { 0, 1, 2, 3, 0x80000000, 0xffffffff };

static uint32_t r32(const uint32_t *set, size_t n)
{
	return chance(80) ? set[below((unsigned int)n)] : (uint32_t)rnd();
}

/* a well-formed expression with random values */
static void gen_clean(struct fcase *c)
{
	struct fexpr *e = &c->e;
	int order[4], n = 0, i, j, t;

	memset(e, 0, sizeof(*e));
	switch (c->kind) {
	case K_SYNPROXY:
	case K_OBJ:
		fe_name(e, "synproxy");
		if (chance(80)) order[n++] = SP_MSS;
		if (chance(80)) order[n++] = SP_WSCALE;
		if (chance(80)) order[n++] = SP_FLAGS;
		break;
	case K_QUEUE:
		fe_name(e, "queue");
		if (chance(92)) order[n++] = Q_NUM;
		if (chance(50)) order[n++] = Q_TOTAL;
		if (chance(70)) order[n++] = Q_FLAGS;
		break;
	case K_SEQADJ:
		fe_name(e, "seqadj");
		if (chance(60)) order[n++] = SA_OFFSET;
		if (chance(50)) order[n++] = SA_FLAGS;
		break;
	case K_OBJREF:
		fe_name(e, "objref");
		order[n++] = OR_IMM_TYPE;
		order[n++] = OR_IMM_NAME;
		break;
	default:
		break;
	}
	/* attribute order varies (the policy checks them in stream order) */
	if (chance(30)) {
		for (i = n - 1; i > 0; i--) {
			j = (int)below((unsigned int)i + 1);
			t = order[i]; order[i] = order[j]; order[j] = t;
		}
	}
	for (i = 0; i < n; i++) {
		switch (c->kind) {
		case K_SYNPROXY:
		case K_OBJ:
			if (order[i] == SP_MSS)
				fa_be16(e, SP_MSS, chance(85) ? PICK(mss_v) : (uint16_t)rnd());
			else if (order[i] == SP_WSCALE)
				fa_u8(e, SP_WSCALE, chance(85) ? PICK(ws_v) : (uint8_t)rnd());
			else
				fa_be32(e, SP_FLAGS, chance(85) ? PICK(spf_v) : (uint32_t)rnd());
			break;
		case K_QUEUE:
			if (order[i] == Q_NUM)
				fa_be16(e, Q_NUM, chance(85) ? PICK(qnum_v) : (uint16_t)rnd());
			else if (order[i] == Q_TOTAL)
				fa_be16(e, Q_TOTAL, chance(85) ? PICK(qtot_v) : (uint16_t)rnd());
			else
				fa_be16(e, Q_FLAGS, chance(85) ? PICK(qf_v) : (uint16_t)rnd());
			break;
		case K_SEQADJ:
			if (order[i] == SA_OFFSET)
				fa_be32(e, SA_OFFSET, r32(off_v, sizeof(off_v) / 4));
			else
				fa_be32(e, SA_FLAGS, r32(saf_v, sizeof(saf_v) / 4));
			break;
		case K_OBJREF:
			if (order[i] == OR_IMM_TYPE) {
				fa_be32(e, OR_IMM_TYPE, OBJECT_SYNPROXY);
			} else {
				static const char *const nm[] = {
					"ref", "ref", "o0", "o1", "o2", "nosuch",
				};
				const char *s = PICK(nm);

				fa_add(e, OR_IMM_NAME, s, (uint16_t)strlen(s) + 1);
			}
			break;
		default:
			break;
		}
	}
}

static const struct fattr *find_last(const struct fexpr *e, uint16_t type)
{
	const struct fattr *r = NULL;
	int i;

	for (i = 0; i < e->na; i++)
		if ((e->a[i].type & NLA_TYPE_MASK) == type)
			r = &e->a[i];
	return r;
}

static uint32_t get_be(const struct fattr *a)
{
	if (a->len == 1)
		return a->v[0];
	if (a->len == 2)
		return ntohs(*(const uint16_t *)a->v);
	return ntohl(*(const uint32_t *)a->v);
}

static int pool_index(const char *s)
{
	int i;

	for (i = 0; i <= NPOOL; i++)
		if (!strcmp(s, pool[i]))
			return i;
	return -1;
}

/* What the kernel must answer to a well-formed case */
static int predict(const struct fcase *c)
{
	const struct family *fam = &families[c->fam];
	const struct chainspec *cs = case_chain(c);
	const struct fexpr *e = &c->e;
	int hook = cs->hook;	/* -1: regular chain, never validated here */
	const struct fattr *a;
	int i;

	if (c->kind == K_OBJ && c->objname >= 0 && obj_exists[c->fam][c->objname] &&
	    c->excl)
		return EEXIST;
	/* the policy, attribute by attribute in stream order */
	for (i = 0; i < e->na; i++) {
		uint32_t v = get_be(&e->a[i]);

		switch (c->kind) {
		case K_SYNPROXY:
		case K_OBJ:
			if (e->a[i].type == SP_WSCALE && v > SP_WSCALE_MAX)
				return ERANGE;
			if (e->a[i].type == SP_FLAGS && (v & ~SP_FLAGS_KNOWN))
				return EINVAL;
			break;
		case K_QUEUE:
			if (e->a[i].type == Q_FLAGS && (v & ~Q_FLAGS_KNOWN))
				return EINVAL;
			break;
		case K_SEQADJ:
			if (e->a[i].type == SA_FLAGS && (v & ~SA_F_RANDOM))
				return EINVAL;
			break;
		default:
			break;
		}
	}
	switch (c->kind) {
	case K_SYNPROXY:
	case K_OBJ:
		if (!fam->l3)
			return EOPNOTSUPP;
		if (c->kind == K_OBJ)
			return 0;
		if (hook >= 0 && hook != 1 && hook != 2)
			return EOPNOTSUPP;
		return 0;
	case K_QUEUE: {
		uint32_t num, total = 1;

		a = find_last(e, Q_NUM);
		if (!a)
			return EINVAL;
		num = get_be(a);
		if ((a = find_last(e, Q_TOTAL)))
			total = get_be(a);
		if (total == 0)
			return EINVAL;
		if (num + total - 1 > 65535)
			return ERANGE;
		if (hook >= 0 && (!fam->queue || hook > 4))
			return EOPNOTSUPP;
		return 0;
	}
	case K_SEQADJ: {
		uint32_t flags = 0;

		if (!fam->l3)
			return EOPNOTSUPP;
		if ((a = find_last(e, SA_FLAGS)))
			flags = get_be(a);
		if ((a = find_last(e, SA_OFFSET))) {
			if (flags & SA_F_RANDOM)
				return EINVAL;
			if (get_be(a) == 0)
				return ERANGE;
		}
		if (hook > 4)
			return EOPNOTSUPP;
		return 0;
	}
	case K_OBJREF: {
		int p;

		a = find_last(e, OR_IMM_NAME);
		p = a ? pool_index((const char *)a->v) : -1;
		if (p < 0 || !obj_exists[c->fam][p])
			return ENOENT;
		if (hook >= 0 && hook != 1 && hook != 2)
			return EOPNOTSUPP;
		return 0;
	}
	default:
		return -1;
	}
}

/* ---- mutations: the case stops being predictable ---- */
static void rand_bytes(uint8_t *p, int n)
{
	while (n-- > 0)
		*p++ = (uint8_t)rnd();
}

static int maxattr(enum kind k)
{
	switch (k) {
	case K_SYNPROXY: case K_OBJ: return SP_MAX;
	case K_QUEUE: return Q_MAX;
	case K_SEQADJ: return SA_MAX;
	case K_OBJREF: return OR_MAX;
	default: return 4;
	}
}

static void mutate(struct fcase *c)
{
	struct fexpr *e = &c->e;
	int i = e->na ? (int)below((unsigned int)e->na) : -1;
	struct fattr *a = i >= 0 ? &e->a[i] : NULL;
	uint8_t tmp[64];
	int n;

	c->malformed = true;
	switch (below(20)) {
	case 0:		/* attribute too short */
		if (a)
			a->len = (uint16_t)below(a->len);
		break;
	case 1:		/* attribute too long */
		if (a) {
			n = 1 + (int)below(12);
			rand_bytes(a->v + a->len, n);
			a->len = (uint16_t)(a->len + n);
		}
		break;
	case 2:		/* duplicated, with another value */
		if (a && e->na < 12) {
			e->a[e->na] = *a;
			rand_bytes(e->a[e->na].v, e->a[e->na].len);
			e->na++;
		}
		break;
	case 3:		/* unknown attribute (ignored by the liberal parser) */
		n = 1 + (int)below(8);
		rand_bytes(tmp, n);
		fa_add(e, (uint16_t)(maxattr(c->kind) + 1 + below(4)), tmp, (uint16_t)n);
		break;
	case 4:		/* type 0 or the largest type */
		fa_be32(e, chance(50) ? 0 : NLA_TYPE_MASK, (uint32_t)rnd());
		break;
	case 5:		/* the nested flag on a scalar */
		if (a)
			a->type |= NLA_F_NESTED;
		break;
	case 6: {	/* nested garbage: attributes inside attributes */
		struct buf g = { .n = 0 };
		size_t o = nest_start(&g, (uint16_t)(1 + below(3)));

		attr_be32(&g, (uint16_t)below(8), (uint32_t)rnd());
		n = (int)below(9);
		rand_bytes(tmp, n);
		attr(&g, (uint16_t)below(8), tmp, n);
		nest_end(&g, o);
		fa_add(e, (uint16_t)((1 + below((unsigned int)maxattr(c->kind))) | NLA_F_NESTED),
		       g.d, (uint16_t)g.n);
		break;
	}
	case 7:		/* statistics on input (synproxy: NLA_NESTED, ignored) */
		n = (int)below(40);
		rand_bytes(tmp, n);
		fa_add(e, (uint16_t)(SP_STATS | (chance(50) ? NLA_F_NESTED : 0)), tmp, (uint16_t)n);
		break;
	case 8:		/* truncated: the last attribute claims more than the nest holds */
		if (a) {
			a = &e->a[e->na - 1];
			a->declared = (int16_t)(NLA_HDRLEN + a->len + 1 + below(64));
		}
		break;
	case 9:		/* nla_len below the header */
		if (a)
			a->declared = (int16_t)below(NLA_HDRLEN);
		break;
	case 10:	/* garbage after the attributes */
		e->ntail = 1 + (int)below(sizeof(e->tail));
		rand_bytes(e->tail, e->ntail);
		break;
	case 11: {	/* the expression's name */
		static const char *const names[] = {
			"synproxz", "SYNPROXY", "queue\x01", "seqad", "seqadjseqadjseqadj",
			"", "synproxy ", "objrefobjrefobjref", "nosuchexpression",
		};
		const char *s = PICK(names);

		snprintf(e->name, sizeof(e->name), "%s", s);
		e->namelen = (int)strlen(e->name) + (chance(70) ? 1 : 0);
		if (chance(20))		/* bytes after the NUL */
			e->namelen = (int)strlen(e->name) + 1 + (int)below(3);
		break;
	}
	case 12:	/* name without its NUL */
		e->namelen = (int)strlen(e->name);
		break;
	case 13:	/* no data at all */
		e->data = false;
		break;
	case 14:	/* data without the nested flag */
		e->data_flat = true;
		break;
	case 15:	/* a zero-length attribute */
		if (a)
			a->len = 0;
		break;
	case 16:	/* drop every attribute, random bytes instead */
		e->na = 0;
		e->ntail = (int)below(sizeof(e->tail));
		rand_bytes(e->tail, e->ntail);
		break;
	case 17:	/* the outer message */
		if (c->kind == K_OBJ) {
			switch (below(5)) {
			case 0: c->no_table = true; break;
			case 1: c->no_objtype = true; break;
			case 2: {
				static const uint32_t t[] = { 0, 11, 12, 255, 0xffffffff };

				c->objtype = PICK(t);
				break;
			}
			case 3:
				c->objname = -1;
				n = chance(50) ? 255 : 256 + (int)below(20);
				memset(c->objname_raw, 'n', n);
				c->objname_raw[n] = 0;
				break;
			default:
				c->objname = -1;
				c->objname_raw[0] = 0;
				break;
			}
		} else {
			switch (below(4)) {
			case 0: c->no_table = true; break;
			case 1: c->no_chain = true; break;
			case 2: c->bad_position = true; break;
			default: c->replace = true; break;
			}
		}
		break;
	case 18:	/* a second new expression after it */
		if (c->kind != K_OBJ) {
			struct fcase o = *c;

			o.kind = (enum kind)below(3);
			gen_clean(&o);
			c->extra = o.e;
			c->has_extra = true;
		}
		break;
	default:	/* a random value in a random attribute */
		if (a)
			rand_bytes(a->v, a->len);
		else
			fa_be32(e, (uint16_t)(1 + below((unsigned int)maxattr(c->kind))), (uint32_t)rnd());
		break;
	}
}

/* queue's register form: an immediate loads register 1 (or not) */
static void gen_sreg(struct fcase *c)
{
	static const uint32_t regs[] = { 0, 1, 2, 4, 5, 8, 9, 22, 23, 24, 0xffffffff };
	struct fexpr *p = &c->pre;
	uint32_t reg = PICK(regs);
	struct buf d = { .n = 0 };
	size_t o;

	c->malformed = true;
	if (chance(70)) {
		memset(p, 0, sizeof(*p));
		fe_name(p, "immediate");
		fa_be32(p, IMM_DREG, chance(50) ? 1 : 8);
		o = nest_start(&d, DATA_VALUE);
		((struct nlattr *)(d.d + o))->nla_type = DATA_VALUE;
		put(&d, (uint32_t[]){ htonl((uint32_t)rnd() & 0xffff) }, 4);
		nest_end(&d, o);
		fa_add(p, IMM_DATA | NLA_F_NESTED, d.d, (uint16_t)d.n);
		c->has_pre = true;
	}
	memset(&c->e, 0, sizeof(c->e));
	fe_name(&c->e, "queue");
	fa_be32(&c->e, Q_SREG, reg);
	if (chance(30))
		fa_be16(&c->e, Q_NUM, 1);
	if (chance(50))
		fa_be16(&c->e, Q_FLAGS, PICK(qf_v));
}

static void gen_case(struct fcase *c)
{
	static const enum kind weights[] = {
		K_SYNPROXY, K_SYNPROXY, K_SYNPROXY, K_QUEUE, K_QUEUE, K_QUEUE,
		K_SEQADJ, K_SEQADJ, K_SEQADJ, K_OBJREF, K_OBJ, K_OBJ,
	};
	const struct family *fam;
	int nm;

	memset(c, 0, sizeof(*c));
	c->kind = PICK(weights);
	c->fam = (int)below(NFAM);
	fam = &families[c->fam];
	do
		c->chain = (int)below((unsigned int)fam->nchains);
	while (!fam->chains[c->chain].present);
	c->objtype = OBJECT_SYNPROXY;
	c->objname = (int)below(NPOOL + 1);
	c->excl = chance(40);
	if (c->kind == K_QUEUE && chance(10)) {
		gen_sreg(c);
	} else {
		gen_clean(c);
		if (chance(45)) {
			nm = 1 + (int)below(3);
			while (nm--)
				mutate(c);
		}
	}
	c->predict = c->malformed ? -1 : predict(c);
}

/* ---- statistics ---- */
static unsigned long sent, accepted, refused, unanswered, predicted, mismatches;
static unsigned long by_errno[256];
static unsigned long checks, checks_failed;
static unsigned long long seed = 1;
static const char *repro_dir;
static bool verbose;

static void hexdump(FILE *out, const struct buf *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		fprintf(out, "%02x%s", b->d[i], (i % 32 == 31) ? "\n" : "");
	if (b->n % 32)
		fputc('\n', out);
}

static void save_repro(const char *tag, unsigned long idx, const struct buf *whole)
{
	char path[4096];
	FILE *f;

	hexdump(stderr, whole);
	if (!repro_dir)
		return;
	snprintf(path, sizeof(path), "%s/nlfuzz-%llu-%s%lu.hex", repro_dir, seed, tag, idx);
	f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "# nlfuzz --seed %llu: %s %lu (BATCH_BEGIN, message, BATCH_END)\n",
		seed, tag, idx);
	hexdump(f, whole);
	fclose(f);
	fprintf(stderr, "nlfuzz: saved %s\n", path);
}

static void describe(char *out, size_t n, const struct fcase *c)
{
	snprintf(out, n, "%s %s %s%s", kind_name[c->kind], families[c->fam].name,
		 c->kind == K_OBJ ? "obj " : case_chain(c)->name,
		 c->kind == K_OBJ ? (c->objname >= 0 ? pool[c->objname] : "(raw)") : "");
}

/* after an answer: the objects that exist now */
static void note_objects(const struct fcase *c, int err)
{
	if (c->kind == K_OBJ && !err && !c->no_table && c->objname >= 0 &&
	    c->objtype == OBJECT_SYNPROXY && !c->no_objtype)
		obj_exists[c->fam][c->objname] = true;
}

static void run_case(struct fcase *c, unsigned long idx)
{
	static struct buf body, whole;
	struct answer ans;
	uint16_t type, flags;
	char d[128];

	build(c, &body, &type, &flags);
	send_batch(type, flags, (uint8_t)families[c->fam].nfproto, &body, &whole, &ans);
	sent++;
	describe(d, sizeof(d), c);
	if (!ans.got) {
		unanswered++;
		fprintf(stderr, "nlfuzz: message %lu (%s) unanswered\n", idx, d);
		save_repro("unanswered", idx, &whole);
		return;
	}
	if (ans.err)
		refused++, by_errno[ans.err & 0xff]++;
	else
		accepted++;
	note_objects(c, ans.err);
	if (verbose)
		fprintf(stderr, "%lu %s%s: %s%s%s\n", idx, d, c->malformed ? " (malformed)" : "",
			ename(ans.err), ans.msg[0] ? ": " : "", ans.msg);
	if (c->predict >= 0) {
		predicted++;
		if (c->predict != ans.err) {
			mismatches++;
			fprintf(stderr, "nlfuzz: message %lu (%s): expected %s, got %s%s%s\n",
				idx, d, ename(c->predict), ename(ans.err),
				ans.msg[0] ? ": " : "", ans.msg);
			save_repro("mismatch", idx, &whole);
		}
	}
}

/* ---- the fixed checks ---- */
static struct fcase fixed;

static int chain_index(int f, const char *name)
{
	int i;

	for (i = 0; i < families[f].nchains; i++)
		if (!strcmp(families[f].chains[i].name, name) && families[f].chains[i].present)
			return i;
	return -1;
}

/* check KIND FAMILY CHAIN WANT ATTR... : ATTR as "type:width:value" */
static void check(enum kind k, int f, const char *chain, int want, const char *objname,
		  const char *spec)
{
	static struct buf body, whole;
	struct answer ans;
	uint16_t type, flags;
	char tmp[256], *tok, *save;

	memset(&fixed, 0, sizeof(fixed));
	fixed.kind = k;
	fixed.fam = f;
	fixed.chain = chain ? chain_index(f, chain) : 0;
	fixed.objtype = OBJECT_SYNPROXY;
	fixed.objname = objname ? pool_index(objname) : 0;
	fixed.excl = false;
	if (fixed.chain < 0)
		return;		/* the chain is not in this kernel */
	fe_name(&fixed.e, k == K_OBJ ? "synproxy" : kind_name[k]);
	snprintf(tmp, sizeof(tmp), "%s", spec);
	for (tok = strtok_r(tmp, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		unsigned int t, w;
		char *v;

		if (sscanf(tok, "%u:%u:", &t, &w) != 2 || !(v = strchr(strchr(tok, ':') + 1, ':')))
			continue;
		v++;
		if (w == 1)
			fa_u8(&fixed.e, (uint16_t)t, (uint8_t)strtoul(v, NULL, 0));
		else if (w == 2)
			fa_be16(&fixed.e, (uint16_t)t, (uint16_t)strtoul(v, NULL, 0));
		else if (w == 4)
			fa_be32(&fixed.e, (uint16_t)t, (uint32_t)strtoll(v, NULL, 0));
		else	/* w == 0: a string */
			fa_add(&fixed.e, (uint16_t)t, v, (uint16_t)strlen(v) + 1);
	}
	build(&fixed, &body, &type, &flags);
	send_batch(type, flags, (uint8_t)families[f].nfproto, &body, &whole, &ans);
	checks++;
	if (!ans.got || ans.err != want) {
		checks_failed++;
		fprintf(stderr, "nlfuzz: check %s %s %s [%s]: want %s, got %s%s%s\n",
			kind_name[k], families[f].name, chain ? chain : objname, spec,
			ename(want), ans.got ? ename(ans.err) : "no answer",
			ans.msg[0] ? ": " : "", ans.msg);
		save_repro("check", checks, &whole);
	} else if (verbose) {
		fprintf(stderr, "check %s %s %s [%s]: %s\n", kind_name[k], families[f].name,
			chain ? chain : objname, spec, ename(want));
	}
	if (ans.got)
		note_objects(&fixed, ans.err);
}

static void fixed_checks(void)
{
	static const char *const inet_hooks[] = {
		"prerouting", "input", "forward", "output", "postrouting",
	};
	int f, h;

	for (f = 0; f < NFAM; f++) {
		const struct family *fam = &families[f];

		if (fam->l3) {
			/* synproxy: the extremes, accepted in input and forward */
			check(K_SYNPROXY, f, "input", 0, NULL, "1:2:65535 2:1:14 3:4:0x1f");
			check(K_SYNPROXY, f, "forward", 0, NULL, "1:2:65535 2:1:14 3:4:0x1f");
			check(K_SYNPROXY, f, "input", 0, NULL, "1:2:0 2:1:0 3:4:0");
			check(K_SYNPROXY, f, "forward", 0, NULL, "");
			check(K_SYNPROXY, f, "plain", 0, NULL, "1:2:1 3:4:0x10");
			check(K_SYNPROXY, f, "input", ERANGE, NULL, "1:2:1460 2:1:15 3:4:3");
			check(K_SYNPROXY, f, "input", EINVAL, NULL, "3:4:0x20");
			check(K_SYNPROXY, f, "input", EINVAL, NULL, "3:4:0x80000000");
			check(K_SYNPROXY, f, "prerouting", EOPNOTSUPP, NULL, "1:2:1460");
			check(K_SYNPROXY, f, "output", EOPNOTSUPP, NULL, "1:2:1460");
			check(K_SYNPROXY, f, "postrouting", EOPNOTSUPP, NULL, "1:2:1460");
			check(K_SYNPROXY, f, "ingress", EOPNOTSUPP, NULL, "1:2:1460");
			check(K_OBJ, f, NULL, 0, "o0", "1:2:65535 2:1:14 3:4:0x1f");
			check(K_OBJ, f, NULL, 0, "o0", "1:2:0 2:1:0 3:4:0");	/* update */
			check(K_OBJ, f, NULL, ERANGE, "o1", "2:1:15");
			check(K_OBJ, f, NULL, EINVAL, "o1", "3:4:0x20");
			check(K_OBJREF, f, "input", 0, NULL, "1:4:10 2:0:ref");
			check(K_OBJREF, f, "forward", 0, NULL, "1:4:10 2:0:o0");
			check(K_OBJREF, f, "output", EOPNOTSUPP, NULL, "1:4:10 2:0:ref");
			check(K_OBJREF, f, "prerouting", EOPNOTSUPP, NULL, "1:4:10 2:0:ref");
			check(K_OBJREF, f, "input", ENOENT, NULL, "1:4:10 2:0:nosuch");
			/* seqadj: the extremes of the offset, every hook */
			for (h = 0; h < 5; h++) {
				check(K_SEQADJ, f, inet_hooks[h], 0, NULL, "1:4:2147483647");
				check(K_SEQADJ, f, inet_hooks[h], 0, NULL, "1:4:-2147483648");
				check(K_SEQADJ, f, inet_hooks[h], 0, NULL, "1:4:1");
				check(K_SEQADJ, f, inet_hooks[h], 0, NULL, "1:4:-1");
				check(K_SEQADJ, f, inet_hooks[h], 0, NULL, "2:4:1");
				check(K_SEQADJ, f, inet_hooks[h], 0, NULL, "");
			}
			check(K_SEQADJ, f, "input", ERANGE, NULL, "1:4:0");
			check(K_SEQADJ, f, "input", EINVAL, NULL, "1:4:5 2:4:1");
			check(K_SEQADJ, f, "input", EINVAL, NULL, "2:4:2");
			check(K_SEQADJ, f, "ingress", EOPNOTSUPP, NULL, "1:4:7");
		} else {
			check(K_SYNPROXY, f, "plain", EOPNOTSUPP, NULL, "1:2:1460 3:4:1");
			check(K_SYNPROXY, f, "input", EOPNOTSUPP, NULL, "1:2:1460 3:4:1");
			check(K_SYNPROXY, f, "ingress", EOPNOTSUPP, NULL, "1:2:1460 3:4:1");
			check(K_OBJ, f, NULL, EOPNOTSUPP, "o0", "1:2:1460 3:4:1");
			check(K_SEQADJ, f, "plain", EOPNOTSUPP, NULL, "1:4:1");
			check(K_SEQADJ, f, "input", EOPNOTSUPP, NULL, "");
			check(K_SEQADJ, f, "ingress", EOPNOTSUPP, NULL, "");
			check(K_OBJREF, f, "input", ENOENT, NULL, "1:4:10 2:0:ref");
		}
		if (fam->queue) {
			/* queue: the largest number, every flag, every hook */
			for (h = 0; h < 5; h++) {
				check(K_QUEUE, f, inet_hooks[h], 0, NULL, "1:2:65535 3:2:7");
				check(K_QUEUE, f, inet_hooks[h], 0, NULL, "1:2:0 2:2:65535 3:2:4");
				check(K_QUEUE, f, inet_hooks[h], 0, NULL, "1:2:1 2:2:65535 3:2:6");
			}
			check(K_QUEUE, f, "input", ERANGE, NULL, "1:2:2 2:2:65535");
			check(K_QUEUE, f, "input", ERANGE, NULL, "1:2:65535 2:2:2");
			check(K_QUEUE, f, "input", EINVAL, NULL, "1:2:1 2:2:0");
			check(K_QUEUE, f, "input", EINVAL, NULL, "1:2:1 3:2:8");
			check(K_QUEUE, f, "input", EINVAL, NULL, "1:2:1 3:2:0xffff");
			check(K_QUEUE, f, "input", EINVAL, NULL, "3:2:4");
			check(K_QUEUE, f, "ingress", EOPNOTSUPP, NULL, "1:2:1");
		} else {
			check(K_QUEUE, f, "input", EOPNOTSUPP, NULL, "1:2:1 3:2:4");
			check(K_QUEUE, f, "ingress", EOPNOTSUPP, NULL, "1:2:1 3:2:4");
			check(K_QUEUE, f, "plain", 0, NULL, "1:2:1 3:2:4");
		}
	}
}

/* NFT_MSG_GETGEN: print the generation id */
static int print_genid(void)
{
	uint8_t rx[MNL_SOCKET_BUFFER_SIZE];
	struct buf b = { .n = 0 };
	const struct nlmsghdr *h;
	size_t at;
	ssize_t n;
	int len;

	at = msg_start(&b, nft(16), NLM_F_REQUEST, seq, AF_UNSPEC, 0);
	msg_end(&b, at);
	if (mnl_socket_sendto(nl, b.d, b.n) < 0)
		return 1;
	n = mnl_socket_recvfrom(nl, rx, sizeof(rx));
	if (n < 0)
		return 1;
	len = (int)n;
	for (h = (const struct nlmsghdr *)rx; mnl_nlmsg_ok(h, len); h = mnl_nlmsg_next(h, &len)) {
		const struct nlattr *a;

		if (h->nlmsg_type != nft(15))	/* NFT_MSG_NEWGEN */
			continue;
		mnl_attr_for_each(a, h, sizeof(struct nfgenmsg)) {
			if (mnl_attr_get_type(a) == 1 && mnl_attr_get_payload_len(a) == 4) {
				printf("%u\n", ntohl(mnl_attr_get_u32(a)));
				return 0;
			}
		}
	}
	fprintf(stderr, "nlfuzz: no generation id in the answer\n");
	return 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: nlfuzz [--seed N] [--count N] [--repro-dir DIR] [--verbose] | --genid\n");
	exit(2);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "count", required_argument, NULL, 'c' },
		{ "repro-dir", required_argument, NULL, 'r' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "genid", no_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long count = 1000, i;
	struct timespec t0, t1;
	struct fcase c;
	int o, one = 1, e, rcv = 4 << 20;
	bool first = true, genid = false;

	while ((o = getopt_long(argc, argv, "s:c:r:vg", opts, NULL)) != -1) {
		switch (o) {
		case 's': seed = strtoull(optarg, NULL, 0); break;
		case 'c': count = strtoul(optarg, NULL, 0); break;
		case 'r': repro_dir = optarg; break;
		case 'v': verbose = true; break;
		case 'g': genid = true; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	rng_state = seed;

	nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("nlfuzz: netlink socket");
		return 1;
	}
	portid = mnl_socket_get_portid(nl);
	if (genid)
		return print_genid();
	mnl_socket_setsockopt(nl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl, NETLINK_CAP_ACK, &one, sizeof(one));
	setsockopt(mnl_socket_get_fd(nl), SOL_SOCKET, SO_RCVBUF, &rcv, sizeof(rcv));
	clock_gettime(CLOCK_MONOTONIC, &t0);

	teardown();		/* leftovers of an interrupted run */
	setup_errors = 0;
	setup(verbose);
	fixed_checks();
	for (i = 0; i < count; i++) {
		if (i && i % 400 == 0) {
			teardown();
			setup(false);
		}
		gen_case(&c);
		run_case(&c, i);
	}
	teardown();
	clock_gettime(CLOCK_MONOTONIC, &t1);

	printf("nlfuzz: seed %llu count %lu: sent %lu, accepted %lu, refused %lu (",
	       seed, count, sent, accepted, refused);
	for (e = 1; e < 256; e++) {
		if (!by_errno[e])
			continue;
		printf("%s%s %lu", first ? "" : ", ", ename(e), by_errno[e]);
		first = false;
	}
	printf("), unanswered %lu; predicted %lu, mismatches %lu; checks %lu, failed %lu; "
	       "setup errors %d, unexpected %d; %.1f s\n",
	       unanswered, predicted, mismatches, checks, checks_failed, setup_errors,
	       unexpected_total,
	       (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	mnl_socket_close(nl);
	return (unanswered || mismatches || checks_failed || setup_errors ||
		unexpected_total) ? 1 : 0;
}
