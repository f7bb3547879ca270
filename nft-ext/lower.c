// SPDX-License-Identifier: GPL-2.0-only
/*
 * lower.c - lowering of nftx text input to stock nft text.
 *
 * A small state machine over the lowering scanner's tokens finds the
 * places where rules are written:
 *
 *	[add|insert|replace|create] rule [FAMILY] TABLE CHAIN
 *		[handle|index|position N] STATEMENTS
 *	[add|create] table ... { chain NAME { STATEMENTS ... } }
 *	[add|create] chain ... { STATEMENTS ... }
 *
 * Everything else (sets, maps, objects, other commands, anonymous sets
 * inside rules) is copied unchanged.  Inside a rule, the statement
 * parser (parser.y) reads seqadj, queue and synproxy statements; only
 * those that use new syntax are rewritten:
 *
 *	seqadj ...			-> counter packets MAGIC bytes ID
 *	queue ... fail-open ...		-> counter packets MAGIC bytes ID queue ...
 *	synproxy ... ecn ...		-> counter packets MAGIC bytes ID
 *
 * An error in new syntax is recorded and the rest of the rule is
 * replaced by a poison character that nft refuses right there; the
 * error filter (output.c) swaps nft's message for ours.  The lowered
 * text keeps every line where it was, so only columns need mapping.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

#include "lower.h"
#include "marker.h"
#include "objstats.h"
#include "stmt.h"
#include "xalloc.h"

struct pedit {
	size_t	start, end;	/* original range */
	char	*repl;
	int	err;
};

struct lctx {
	struct nx_source	*src;
	const char		*text;
	size_t			len;
	struct nxl_token	*toks;
	size_t			ntoks;
	size_t			i;
	bool			buffer;
	bool			noopt;
	bool			json_out;	/* -j */
	unsigned int		ncmds;
	size_t			reset_start, reset_end;	/* tokens, if any */
	struct nx_reset		reset;
	size_t			reset_from, reset_to;	/* its rewrite */
	const char		*reset_repl;
	struct pedit		*pe;
	size_t			npe, pe_size;
};

/* --- variables --- */

struct nx_var {
	char	*name;
	char	*value;
};

static struct nx_var *vars;
static size_t nvars;

static struct nx_var *var_find(const char *name, size_t nlen)
{
	size_t i;

	for (i = 0; i < nvars; i++) {
		if (strlen(vars[i].name) == nlen &&
		    !memcmp(vars[i].name, name, nlen))
			return &vars[i];
	}
	return NULL;
}

void nx_define(const char *name, size_t nlen, const char *value, size_t vlen)
{
	struct nx_var *v = var_find(name, nlen);

	if (!v) {
		vars = xreallocarray(vars, nvars + 1, sizeof(*vars));
		v = &vars[nvars++];
		v->name = xstrndup(name, nlen);
	} else {
		free(v->value);
	}
	v->value = xstrndup(value, vlen);
}

void nx_undefine(const char *name, size_t nlen)
{
	struct nx_var *v = var_find(name, nlen);

	if (!v)
		return;
	free(v->name);
	free(v->value);
	*v = vars[--nvars];
}

const char *nx_lookup(const char *name, size_t nlen)
{
	struct nx_var *v = var_find(name, nlen);

	return v ? v->value : NULL;
}

void nx_defines_reset(void)
{
	while (nvars)
		nx_undefine(vars[0].name, strlen(vars[0].name));
	free(vars);
	vars = NULL;
}

/* --- helpers --- */

static const struct nxl_token *tok(const struct lctx *c, size_t i)
{
	return &c->toks[i < c->ntoks ? i : c->ntoks - 1];
}

static bool tok_is(const struct lctx *c, size_t i, const char *word)
{
	const struct nxl_token *t = tok(c, i);

	return t->type == NXL_WORD && t->len == strlen(word) &&
	       !memcmp(c->text + t->off, word, t->len);
}

static bool tok_in(const struct lctx *c, size_t i, const char *const *words)
{
	for (; *words; words++) {
		if (tok_is(c, i, *words))
			return true;
	}
	return false;
}

static bool is_cmd_end(const struct nxl_token *t)
{
	return t->type == NXL_NL || t->type == NXL_SEMI ||
	       t->type == NXL_EOF;
}

static void add_edit(struct lctx *c, size_t start, size_t end,
		     const char *repl, int err)
{
	struct pedit *e;
	size_t i, n = 0;
	char *s;

	/* keep every line where it is: a line continuation inside the
	 * replaced text is kept as one
	 */
	for (i = start; i + 1 < end; i++) {
		if (c->text[i] == '\\' && c->text[i + 1] == '\n')
			n++;
	}
	s = xmalloc(strlen(repl) + 3 * n + 1);
	strcpy(s, repl);
	while (n--)
		strcat(s, " \\\n");

	if (c->npe == c->pe_size) {
		c->pe_size = c->pe_size ? c->pe_size * 2 : 16;
		c->pe = xreallocarray(c->pe, c->pe_size, sizeof(*c->pe));
	}
	e = &c->pe[c->npe++];
	e->start = start;
	e->end = end;
	e->repl = s;
	e->err = err;
}

void nx_source_add_needs(struct nx_source *src, enum nx_kind kind,
			 size_t start, size_t end)
{
	src->needs = xreallocarray(src->needs, src->nneeds + 1,
				   sizeof(*src->needs));
	src->needs[src->nneeds].kind = kind;
	src->needs[src->nneeds].or_start = start;
	src->needs[src->nneeds].or_end = end;
	src->nneeds++;
}

int nx_source_add_error(struct nx_source *src, char *msg, size_t start,
			size_t end)
{
	src->errs = xreallocarray(src->errs, src->nerrs + 1,
				  sizeof(*src->errs));
	src->errs[src->nerrs].msg = msg;
	src->errs[src->nerrs].or_start = start;
	src->errs[src->nerrs].or_end = end;
	return src->nerrs++;
}

static size_t tok_end(const struct lctx *c, size_t i)
{
	const struct nxl_token *t = tok(c, i);

	return t->off + t->len;
}

/* index of the token after the brace/paren group opened at i */
static size_t skip_group(const struct lctx *c, size_t i)
{
	int depth = 0;

	for (; tok(c, i)->type != NXL_EOF; i++) {
		switch (tok(c, i)->type) {
		case NXL_LBRACE:
		case NXL_LPAREN:
			depth++;
			break;
		case NXL_RBRACE:
		case NXL_RPAREN:
			if (--depth == 0)
				return i + 1;
			break;
		default:
			break;
		}
	}
	return i;
}

/* end of the current command or block item: a newline or semicolon at
 * depth 0, the end of input, or (in a block) its closing brace
 */
static size_t item_end(const struct lctx *c, size_t i)
{
	for (;;) {
		const struct nxl_token *t = tok(c, i);

		if (is_cmd_end(t) || t->type == NXL_RBRACE ||
		    t->type == NXL_RPAREN)
			return i;
		if (t->type == NXL_LBRACE || t->type == NXL_LPAREN)
			i = skip_group(c, i);
		else
			i++;
	}
}

/* --- statements --- */

/* words after which nft expects a value: "seqadj" there is a name, not
 * our statement (iifname seqadj, jump seqadj, ct helper set seqadj)
 */
static const char *const operand_words[] = {
	"eq", "ne", "lt", "gt", "le", "ge", "and", "or", "xor", "lshift",
	"rshift", "set", "to", "jump", "goto", "prefix", "comment", "name",
	"map", "vmap", "helper", "level", "group", "snaplen",
	"queue-threshold", "rate", "over", "burst", "until", "mod", "seed",
	"offset", "num", "flags", "with", "type", "code", "port", "addr",
	"family", "timeout", "expires", "label", "zone", "mark", "priority",
	"classid", "secmark", "id", "length", "protocol", "hoplimit", "ttl",
	"saddr", "daddr", "sport", "dport", "sequence", "checksum",
	"version", "hdrlength", "dscp", "ecn", "frag-off", "nexthdr",
	"flowlabel", "iifname", "oifname", "iif", "oif", "iiftype",
	"oiftype", "iifgroup", "oifgroup", "iifkind", "oifkind", "skuid",
	"skgid", "nfproto", "l4proto", "pkttype", "cpu", "cgroup",
	"rtclassid", "ibrname", "obrname", "ibriport", "obriport", "state",
	"status", "direction", "expiration", "bytes", "packets", "avgpkt",
	"count", "pcp", "cfi", "dei", "mtu", "window", "urgptr", "doff",
	"spi", "cpi", "gateway", "size", "nexthop", "mss", "wscale",
	"proto-src", "proto-dst", "l3proto", "value", "dev", "device",
	"table", "chain", "element", "elements", "policy", "hook", "devices",
	"dnat", "snat", "tproxy", "fwd", "dup", "lookup", "define", "include",
	"operation", "hlen", "plen", "htype", "ptype", "csum", "reason",
	"tag",
	/* not here: protocol and selector words (ip, tcp, ct, meta, ...):
	 * after them "seqadj" is no field, so it can only be a statement
	 * ("meta l4proto tcp seqadj")
	 */
	NULL
};

static bool stmt_position(const struct lctx *c, size_t start, size_t k)
{
	const struct nxl_token *p;

	if (k == start)
		return true;
	p = tok(c, k - 1);
	switch (p->type) {
	case NXL_NUM:
	case NXL_STRING:
	case NXL_RBRACE:
	case NXL_RPAREN:
	case NXL_VAR:
	case NXL_AT:
		return true;
	case NXL_WORD:
		return !tok_in(c, k - 1, operand_words);
	default:
		return false;
	}
}

/* the marker counter of id, then after */
static char *marker_text(uint32_t id, const char *after)
{
	return xasprintf("counter packets %u bytes %u%s", NFTX_MAGIC, id,
			 after);
}

static void poison(struct lctx *c, size_t k, size_t end, char *msg,
		   size_t err_start, size_t err_end)
{
	int err = nx_source_add_error(c->src, msg, err_start, err_end);

	add_edit(c, tok(c, k)->off, tok_end(c, end - 1), NX_POISON, err);
}

static bool has_word(const struct lctx *c, size_t from, size_t to,
		     const char *word)
{
	size_t i;

	for (i = from; i < to; i++) {
		if (tok_is(c, i, word))
			return true;
	}
	return false;
}

static bool has_stat_word(const struct lctx *c, size_t from, size_t to)
{
	int i;

	for (i = 0; i < NFTX_SYNPROXY_NSTATS; i++) {
		if (has_word(c, from, to, nftx_synproxy_stat_names[i]))
			return true;
	}
	return false;
}

/* the bytes to drop for the fail-open flag at token k */
static void failopen_range(const struct lctx *c, size_t k, size_t *start,
			   size_t *end)
{
	if (tok(c, k - 1)->type == NXL_COMMA) {
		/* "bypass,fail-open": from the end of the flag before */
		*start = tok_end(c, k - 2);
		*end = tok_end(c, k);
	} else if (tok(c, k + 1)->type == NXL_COMMA) {
		/* "fail-open,bypass": up to the next flag */
		*start = tok(c, k)->off;
		*end = tok(c, k + 2)->off;
	} else if (tok_is(c, k - 1, "flags")) {
		/* "queue flags fail-open to 0" -> "queue to 0" */
		*start = tok(c, k - 1)->off;
		*end = tok(c, k + 1)->off;
	} else {
		/* "queue num 0 fail-open" -> "queue num 0" */
		*start = tok_end(c, k - 1);
		*end = tok_end(c, k);
	}
}

/* a statement the statement parser refused: is the error ours to
 * report (it uses new syntax), or nft's?
 */
static bool refused_stmt_is_ours(const struct lctx *c,
				 const struct nxp_state *st)
{
	switch (st->kind) {
	case NX_STMT_SEQADJ:
		return true;
	case NX_STMT_QUEUE:
		return has_word(c, st->start, st->end, "fail-open");
	case NX_STMT_SYNPROXY:
		return has_word(c, st->start, st->end, "ecn") ||
		       has_stat_word(c, st->start, st->end) ||
		       st->sp_truncated;
	default:
		return false;
	}
}

/* the new syntax a parsed statement uses, or NULL for a stock one */
static const char *new_syntax(const struct nxp_state *st)
{
	switch (st->kind) {
	case NX_STMT_SEQADJ:
		return "seqadj";
	case NX_STMT_QUEUE:
		return st->failopen ? "queue fail-open" : NULL;
	case NX_STMT_SYNPROXY:
		return st->ecn ? "synproxy ecn" : NULL;
	default:
		return NULL;
	}
}

/* the statement (tokens start to last) becomes the marker of e */
static void replace_by_marker(struct lctx *c, const struct nxp_state *st,
			      enum nx_kind kind, struct nftx_expr *e)
{
	char *m = marker_text(nx_marker_add(kind, true, e, NULL), "");

	add_edit(c, tok(c, st->start)->off, tok_end(c, st->last), m, -1);
	free(m);
	nx_source_add_needs(c->src, kind, tok(c, st->start)->off,
			    tok_end(c, st->last));
}

static void lower_seqadj(struct lctx *c, const struct nxp_state *st)
{
	struct nftx_expr *e = xcheck(nftx_expr_alloc("seqadj"));

	if (st->has_offset)
		nftx_expr_set_s32(e, NFTX_EXPR_SEQADJ_OFFSET, st->offset);
	if (st->random)
		nftx_expr_set_u32(e, NFTX_EXPR_SEQADJ_FLAGS,
				  NFT_SEQADJ_F_RANDOM);
	replace_by_marker(c, st, NX_K_SEQADJ, e);
}

/* the marker goes before the queue statement (nft refuses a statement
 * after a terminal one), and the flag goes from the statement
 */
static void lower_queue_failopen(struct lctx *c, const struct nxp_state *st)
{
	size_t at = tok(c, st->start)->off, from, to;
	char *m = marker_text(nx_marker_add(NX_K_QUEUE_FO, true, NULL, NULL),
			      " ");

	add_edit(c, at, at, m, -1);
	free(m);
	failopen_range(c, st->failopen, &from, &to);
	add_edit(c, from, to, "", -1);
	nx_source_add_needs(c->src, NX_K_QUEUE_FO, at, tok_end(c, st->last));
}

static void lower_synproxy_ecn(struct lctx *c, const struct nxp_state *st)
{
	struct nftx_expr *e = xcheck(nftx_expr_alloc("synproxy"));

	if (st->sp_flags & NF_SYNPROXY_OPT_MSS)
		nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, st->mss);
	if (st->sp_flags & NF_SYNPROXY_OPT_WSCALE)
		nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_WSCALE, st->wscale);
	nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS, st->sp_flags);
	replace_by_marker(c, st, NX_K_SYNPROXY, e);
}

/* lower the statement at token k of a rule ending at token end; returns
 * the token after it
 */
static size_t lower_stmt(struct lctx *c, size_t k, size_t end)
{
	struct nxp_state st = {
		.text	= c->text,
		.toks	= c->toks,
		.start	= k,
		.end	= end,
		.buffer	= c->buffer,
	};
	const char *what;

	if (nxp_parse_stmt(&st) < 0) {
		if (!refused_stmt_is_ours(c, &st)) {
			free(st.errmsg);
			return k + 1;
		}
		poison(c, k, end, st.errmsg, st.err_start, st.err_end);
		return end;
	}

	what = new_syntax(&st);
	if (what && c->noopt) {
		poison(c, k, end,
		       xasprintf("%s cannot be used with -o/--optimize", what),
		       tok(c, k)->off, tok_end(c, st.last));
		return end;
	}

	switch (st.kind) {
	case NX_STMT_SEQADJ:
		lower_seqadj(c, &st);
		break;
	case NX_STMT_QUEUE:
		if (st.failopen)
			lower_queue_failopen(c, &st);
		break;
	case NX_STMT_SYNPROXY:
		if (st.ecn)
			lower_synproxy_ecn(c, &st);
		else if (st.sp_stats)
			/* stock options and a listing's statistics: nft
			 * gets the options
			 */
			add_edit(c, tok_end(c, st.sp_stats - 1),
				 tok_end(c, st.last), "", -1);
		break;
	default:
		break;
	}
	return st.last + 1;
}

/* the statements of one rule, from token i to the end of the rule */
static void rule_body(struct lctx *c)
{
	size_t start = c->i, end = item_end(c, c->i), k = start;

	while (k < end) {
		const struct nxl_token *t = tok(c, k);

		if (t->type == NXL_LBRACE || t->type == NXL_LPAREN) {
			k = skip_group(c, k);
			continue;
		}
		if ((tok_is(c, k, "seqadj") && stmt_position(c, start, k)) ||
		    tok_is(c, k, "queue") || tok_is(c, k, "synproxy")) {
			k = lower_stmt(c, k, end);
			continue;
		}
		k++;
	}
	c->i = end;
}

static const char *const families[] = {
	"ip", "ip6", "inet", "arp", "bridge", "netdev", NULL
};

/* after "rule": [family] table chain [handle|index|position N] */
static void rule_cmd(struct lctx *c)
{
	static const char *const pos[] = {
		"handle", "index", "position", NULL
	};
	int n;

	if (tok_in(c, c->i, families))
		c->i++;
	for (n = 0; n < 2; n++) {
		if (is_cmd_end(tok(c, c->i)))
			return;
		c->i++;
	}
	if (tok_in(c, c->i, pos) && tok(c, c->i + 1)->type == NXL_NUM)
		c->i += 2;
	rule_body(c);
}

static void define_cmd(struct lctx *c)
{
	bool undef = tok_is(c, c->i, "undefine");
	const struct nxl_token *name = tok(c, c->i + 1), *eq;
	size_t end = item_end(c, c->i), vstart;

	if (name->type != NXL_WORD) {
		c->i = end;
		return;
	}
	if (undef) {
		nx_undefine(c->text + name->off, name->len);
		c->i = end;
		return;
	}
	eq = tok(c, c->i + 2);
	if (eq->type != NXL_OTHER || c->text[eq->off] != '=') {
		c->i = end;
		return;
	}
	vstart = eq->off + 1;
	nx_define(c->text + name->off, name->len, c->text + vstart,
		  tok(c, end)->off - vstart);
	c->i = end;
}

static bool is_define(const struct lctx *c)
{
	static const char *const words[] = {
		"define", "redefine", "undefine", NULL
	};

	return tok_in(c, c->i, words);
}

static void skip_separators(struct lctx *c)
{
	while (tok(c, c->i)->type == NXL_NL || tok(c, c->i)->type == NXL_SEMI)
		c->i++;
}

static void chain_block(struct lctx *c)
{
	for (;;) {
		skip_separators(c);
		switch (tok(c, c->i)->type) {
		case NXL_EOF:
			return;
		case NXL_RBRACE:
			c->i++;
			return;
		case NXL_RPAREN:
			c->i++;
			continue;
		default:
			break;
		}
		if (is_define(c))
			define_cmd(c);
		else
			rule_body(c);
	}
}

/* from the object keyword to its "{": returns true if a block opens */
static bool block_start(struct lctx *c)
{
	while (!is_cmd_end(tok(c, c->i))) {
		switch (tok(c, c->i)->type) {
		case NXL_LBRACE:
			c->i++;
			return true;
		case NXL_RBRACE:
		case NXL_RPAREN:
			return false;
		default:
			c->i++;
		}
	}
	return false;
}

/* "mss N" or "wscale N" in an object, N beyond what nft 1.0.6 keeps
 * (it would send the low 16 or 8 bits): an error at N
 */
static bool sp_obj_truncated(struct lctx *c, size_t k)
{
	const struct nxl_token *n = tok(c, k + 1);
	unsigned long long v, max;
	char *m, *endp;
	char buf[32];

	if (tok_is(c, k, "mss"))
		max = UINT16_MAX;
	else if (tok_is(c, k, "wscale"))
		max = UINT8_MAX;
	else
		return false;
	if (n->type != NXL_NUM || n->len >= sizeof(buf))
		return false;
	memcpy(buf, c->text + n->off, n->len);
	buf[n->len] = '\0';
	errno = 0;
	v = strtoull(buf, &endp, 0);
	if (*endp || (errno == 0 && v <= max))
		return false;
	m = xasprintf("Value %s exceeds valid range 0-%s", buf,
		      max == UINT16_MAX ? "65535" : "14");
	poison(c, k + 1, k + 2, m, n->off, tok_end(c, k + 1));
	return true;
}

/* inside "synproxy NAME {" (an object): the statistics of a listing
 * ("syn-answered 12 ...") are dropped, so that it loads back; the kernel
 * starts a new object at zero; values nft would truncate are refused
 */
static void synproxy_obj_block(struct lctx *c)
{
	int depth = 1;
	int i;

	while (depth > 0) {
		const struct nxl_token *t = tok(c, c->i);

		switch (t->type) {
		case NXL_EOF:
			return;
		case NXL_LBRACE:
			depth++;
			break;
		case NXL_RBRACE:
			depth--;
			break;
		case NXL_WORD:
			if (sp_obj_truncated(c, c->i)) {
				c->i += 2;
				continue;
			}
			for (i = 0; i < NFTX_SYNPROXY_NSTATS; i++) {
				if (tok_is(c, c->i, nftx_synproxy_stat_names[i]))
					break;
			}
			if (i < NFTX_SYNPROXY_NSTATS &&
			    tok(c, c->i + 1)->type == NXL_NUM) {
				add_edit(c, t->off, tok_end(c, c->i + 1), "",
					 -1);
				c->i += 2;
				continue;
			}
			break;
		default:
			break;
		}
		c->i++;
	}
}

static void table_block(struct lctx *c)
{
	for (;;) {
		skip_separators(c);
		switch (tok(c, c->i)->type) {
		case NXL_EOF:
			return;
		case NXL_RBRACE:
			c->i++;
			return;
		case NXL_RPAREN:
			c->i++;
			continue;
		default:
			break;
		}
		if (is_define(c)) {
			define_cmd(c);
		} else if (tok_is(c, c->i, "chain")) {
			c->i++;
			if (block_start(c))
				chain_block(c);
		} else if (tok_is(c, c->i, "synproxy")) {
			c->i++;
			if (block_start(c))
				synproxy_obj_block(c);
		} else {
			c->i = item_end(c, c->i);
		}
	}
}

struct nx_reset nx_reset_req;

/* a table or object name: a word or a "string"; false if too long */
static bool name_tok(const struct lctx *c, size_t k, char *out, size_t size)
{
	const struct nxl_token *t = tok(c, k);
	const char *s = c->text + t->off;
	size_t n = t->len;

	if (t->type == NXL_STRING && n >= 2) {
		s++;
		n -= 2;
	} else if (t->type != NXL_WORD) {
		return false;
	}
	if (n == 0 || n >= size)
		return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

/* [FAMILY] at k: the NFPROTO_* (nft's default is ip) */
static size_t family_tok(const struct lctx *c, size_t k, int *family)
{
	const struct nxl_token *t = tok(c, k);
	int f = t->type == NXL_WORD ?
		nx_family_by_name(c->text + t->off, t->len) : -1;

	*family = f < 0 ? 2 : f;
	return f < 0 ? k : k + 1;
}

/* "reset rules|synproxy|synproxys ...", which nft 1.0.6 does not have:
 * lowered to the listing of what is reset.  False for nft's own reset
 * commands (counters, quotas), left alone.
 */
static bool reset_cmd(struct lctx *c)
{
	size_t k = c->i, end = item_end(c, k), n;
	struct nx_reset r = { .family = -1 };
	size_t from = tok(c, k)->off, to = tok_end(c, k);
	const char *what, *repl = "list";
	bool ok = false;

	if (tok_is(c, k + 1, "rules")) {
		r.rules = true;
		what = "rules";
		n = k + 2;
		if (tok_is(c, n, "table") || tok_is(c, n, "chain")) {
			bool chain = tok_is(c, n, "chain");

			n = family_tok(c, n + 1, &r.family);
			ok = name_tok(c, n, r.table, sizeof(r.table)) &&
			     (!chain || name_tok(c, n + 1, r.name,
						 sizeof(r.name))) &&
			     n + 1 + chain == end;
			/* "reset rules table T" -> "list table T" */
			to = tok(c, k + 2)->off;
			repl = "list ";
		} else {
			if (n < end)
				n = family_tok(c, n, &r.family);
			ok = n == end;
			to = tok_end(c, k + 1);
			repl = "list ruleset";
		}
	} else if (tok_is(c, k + 1, "synproxy")) {
		what = "synproxy";
		r.obj = NX_RESET_OBJ_ONE;
		n = family_tok(c, k + 2, &r.family);
		ok = name_tok(c, n, r.table, sizeof(r.table)) &&
		     name_tok(c, n + 1, r.name, sizeof(r.name)) &&
		     n + 2 == end;
	} else if (tok_is(c, k + 1, "synproxys")) {
		what = "synproxys";
		r.obj = NX_RESET_OBJ_ALL;
		n = k + 2;
		if (tok_is(c, n, "table")) {
			n = family_tok(c, n + 1, &r.family);
			ok = name_tok(c, n, r.table, sizeof(r.table)) &&
			     n + 1 == end;
		} else {
			ok = n == end;
		}
	} else {
		return false;
	}
	c->i = end;
	if (r.obj && c->json_out) {
		char *m;

		/* nft 1.0.6 aborts on "-j list synproxy" */
		m = xasprintf("reset %s cannot be listed as JSON", what);
		poison(c, k, end, m, tok(c, k)->off, tok_end(c, end - 1));
		return true;
	}
	/* a malformed one: nft reports its syntax error */
	if (ok && !c->reset_end) {
		c->reset = r;
		c->reset_start = k;
		c->reset_end = end;
		c->reset_from = from;
		c->reset_to = to;
		c->reset_repl = repl;
	} else if (ok) {
		poison(c, k, end,
		       xstrdup("this reset must be a command of its own"),
		       tok(c, k)->off, tok_end(c, end - 1));
	}
	return true;
}

static void command(struct lctx *c)
{
	static const char *const verbs[] = {
		"add", "insert", "replace", "create", NULL
	};
	bool verb = false;

	if (is_define(c)) {
		define_cmd(c);
		return;
	}
	if (tok_is(c, c->i, "reset") && reset_cmd(c))
		return;
	if (tok_in(c, c->i, verbs)) {
		verb = true;
		c->i++;
	}
	if (tok_is(c, c->i, "rule")) {
		c->i++;
		rule_cmd(c);
	} else if (tok_is(c, c->i, "table")) {
		c->i++;
		if (block_start(c))
			table_block(c);
	} else if (tok_is(c, c->i, "chain")) {
		c->i++;
		if (block_start(c))
			chain_block(c);
	} else if (verb && tok_is(c, c->i, "synproxy")) {
		c->i++;
		if (block_start(c))
			synproxy_obj_block(c);
	} else {
		if (!verb && tok_is(c, c->i, "monitor"))
			c->src->monitor = true;
		c->i = item_end(c, c->i);
	}
	/* whatever is left of the command (after a block, or junk) */
	c->i = item_end(c, c->i);
	if (tok(c, c->i)->type == NXL_RBRACE ||
	    tok(c, c->i)->type == NXL_RPAREN)
		c->i++;
}

/* real counters that look like markers: keep their ids out of use */
static void reserve_ids(const struct lctx *c)
{
	size_t i;

	for (i = 0; i + 3 < c->ntoks; i++) {
		const struct nxl_token *n = tok(c, i + 1), *b = tok(c, i + 3);

		if (tok_is(c, i, "packets") && n->type == NXL_NUM &&
		    n->len == strlen(NFTX_MAGIC_STR) &&
		    !memcmp(c->text + n->off, NFTX_MAGIC_STR, n->len) &&
		    tok_is(c, i + 2, "bytes") && b->type == NXL_NUM)
			nx_marker_reserve(strtoull(c->text + b->off, NULL, 0));
	}
}

/* --- lines and locations --- */

static size_t *line_table(const char *s, size_t len, size_t *n)
{
	size_t i, cnt = 1, *t;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			cnt++;
	}
	t = xreallocarray(NULL, cnt, sizeof(*t));
	t[0] = 0;
	cnt = 1;
	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			t[cnt++] = i + 1;
	}
	*n = cnt;
	return t;
}

size_t nx_line_off(const size_t *lines, size_t nlines, unsigned int line)
{
	if (line == 0)
		return 0;
	if (line > nlines)
		line = nlines;
	return lines[line - 1];
}

unsigned int nx_off_line(const size_t *lines, size_t nlines, size_t off)
{
	size_t lo = 0, hi = nlines;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

const struct nx_edit *nx_edit_at(const struct nx_source *src, size_t lo)
{
	size_t a = 0, b = src->nedits;

	/* last edit with lo_start <= lo */
	while (a < b) {
		size_t mid = (a + b) / 2;

		if (src->edits[mid].lo_start <= lo)
			a = mid + 1;
		else
			b = mid;
	}
	if (a == 0)
		return NULL;
	return &src->edits[a - 1];
}

size_t nx_lo_to_or(const struct nx_source *src, size_t lo, bool end)
{
	const struct nx_edit *e = nx_edit_at(src, lo);

	/* several edits may start at the same place (an empty deletion
	 * right after an insertion): use the one that contains lo
	 */
	while (e && e > src->edits && lo >= e->lo_end &&
	       e[-1].lo_start <= lo && lo < e[-1].lo_end)
		e--;
	if (!e)
		return lo;
	if (lo < e->lo_end) {
		if (end && e->or_end > e->or_start)
			return e->or_end - 1;
		return e->or_start;
	}
	return lo - e->lo_end + e->or_end;
}

bool nx_line_changed(const struct nx_source *src, unsigned int line)
{
	size_t start, end, i;

	if (!src->changed)
		return false;
	start = nx_line_off(src->low_lines, src->nlow_lines, line);
	end = line < src->nlow_lines ? src->low_lines[line] : src->low_len;
	for (i = 0; i < src->nedits; i++) {
		const struct nx_edit *e = &src->edits[i];

		if (e->lo_start <= end && e->lo_end >= start)
			return true;
	}
	return false;
}

static void build(struct lctx *c)
{
	struct nx_source *src = c->src;
	size_t pos = 0, i, cap = c->len + 1, n = 0;
	char *low;

	for (i = 0; i < c->npe; i++)
		cap += strlen(c->pe[i].repl);
	low = xmalloc(cap);
	src->edits = xreallocarray(NULL, c->npe, sizeof(*src->edits));
	for (i = 0; i < c->npe; i++) {
		struct pedit *p = &c->pe[i];
		struct nx_edit *e = &src->edits[i];
		size_t rlen = strlen(p->repl);

		memcpy(low + n, c->text + pos, p->start - pos);
		n += p->start - pos;
		e->or_start = p->start;
		e->or_end = p->end;
		e->lo_start = n;
		memcpy(low + n, p->repl, rlen);
		n += rlen;
		e->lo_end = n;
		e->err = p->err;
		pos = p->end;
		free(p->repl);
	}
	memcpy(low + n, c->text + pos, c->len - pos);
	n += c->len - pos;
	low[n] = '\0';
	src->nedits = c->npe;
	src->low = low;
	src->low_len = n;
	src->changed = true;
	free(c->pe);
}

static int pedit_cmp(const void *a, const void *b)
{
	const struct pedit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	/* an insertion comes before what follows at the same place */
	return (x->end > x->start) - (y->end > y->start);
}

struct nx_source *nx_lower(const char *name, const char *text, size_t len,
			   unsigned int flags)
{
	struct nx_source *src = xzalloc(sizeof(*src));
	struct lctx c = {
		.src	= src,
		.text	= text,
		.len	= len,
		.buffer	= flags & NX_LOWER_BUFFER,
		.noopt	= flags & NX_LOWER_NOOPT,
		.json_out = flags & NX_LOWER_JSON,
	};

	src->fd = -1;
	src->name = name ? xstrdup(name) : NULL;
	src->orig = xmalloc(len + 1);
	memcpy(src->orig, text, len);
	src->orig[len] = '\0';
	src->orig_len = len;
	c.text = src->orig;
	src->orig_lines = line_table(src->orig, len, &src->norig_lines);

	if ((flags & NX_LOWER_JSON) &&
	    nx_lower_json(src, flags & NX_LOWER_NOOPT))
		goto out;

	if (nxl_tokenize(c.text, len, &c.toks, &c.ntoks) < 0)
		goto out;
	reserve_ids(&c);
	while (tok(&c, c.i)->type != NXL_EOF) {
		skip_separators(&c);
		if (tok(&c, c.i)->type == NXL_EOF)
			break;
		c.ncmds++;
		command(&c);
	}
	if (c.reset_end) {
		if (c.ncmds > 1) {
			poison(&c, c.reset_start, c.reset_end,
			       xstrdup("this reset must be a command of its own"),
			       tok(&c, c.reset_start)->off,
			       tok_end(&c, c.reset_end - 1));
		} else {
			add_edit(&c, c.reset_from, c.reset_to, c.reset_repl,
				 -1);
			nx_reset_req = c.reset;
		}
	}
	free(c.toks);
	if (c.npe) {
		qsort(c.pe, c.npe, sizeof(*c.pe), pedit_cmp);
		build(&c);
	} else {
		free(c.pe);
	}
out:
	if (!src->changed) {
		src->low = src->orig;
		src->low_len = src->orig_len;
		src->low_lines = src->orig_lines;
		src->nlow_lines = src->norig_lines;
	} else if (!src->low_lines) {
		src->low_lines = line_table(src->low, src->low_len,
					    &src->nlow_lines);
	}
	return src;
}

void nx_source_free(struct nx_source *src)
{
	size_t i;

	if (!src)
		return;
	if (src->fd >= 0)
		close(src->fd);
	if (src->low != src->orig)
		free(src->low);
	if (src->low_lines != src->orig_lines)
		free(src->low_lines);
	free(src->orig);
	free(src->orig_lines);
	free(src->edits);
	free(src->needs);
	for (i = 0; i < src->nerrs; i++)
		free(src->errs[i].msg);
	free(src->errs);
	free(src->name);
	free(src);
}

/* --- our errors, printed the way nft prints its own --- */

void nx_caret_line(FILE *f, const char *line, size_t linelen,
		   const char *marks, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (marks[i] != ' ')
			fputc(marks[i], f);
		else if (i < linelen && line[i] == '\t')
			fputc('\t', f);
		else
			fputc(' ', f);
	}
	fputc('\n', f);
}

void nx_print_error(FILE *f, const struct nx_source *src,
		    const struct nx_error *err)
{
	unsigned int line = nx_off_line(src->orig_lines, src->norig_lines,
					err->or_start);
	size_t ls = nx_line_off(src->orig_lines, src->norig_lines, line);
	size_t le = line < src->norig_lines ? src->orig_lines[line] - 1 :
		    src->orig_len;
	size_t c1 = err->or_start - ls, c2 = err->or_end - ls, i;
	const char *qline;
	size_t qlen;
	char *marks;

	if (c2 > le - ls + 1)
		c2 = le - ls + 1;
	if (c2 <= c1)
		c2 = c1 + 1;
	if (src->name)
		fprintf(f, "%s:%u:%zu-%zu: ", src->name, line, c1 + 1, c2);
	fprintf(f, "Error: %s\n", err->msg);

	/* nft quotes the first line of a buffer, whatever the line */
	if (src->name) {
		qline = src->orig + ls;
		qlen = le - ls;
	} else {
		qline = src->orig;
		qlen = strcspn(src->orig, "\n");
	}
	fprintf(f, "%.*s\n", (int)qlen, qline);
	marks = xmalloc(c2 + 1);
	for (i = 0; i < c2; i++)
		marks[i] = i < c1 ? ' ' : '^';
	nx_caret_line(f, qline, qlen, marks, c2);
	free(marks);
}
