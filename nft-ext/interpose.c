// SPDX-License-Identifier: GPL-2.0-only
/*
 * interpose.c - nftx on top of the installed libnftables 1.0.6 and libnftnl
 * 1.2.4, by symbol interposition from the executable.
 *
 * The input is lowered to stock nft text with markers (lower.c, json.c),
 * libnftables runs it, and these hooks carry the markers to and from
 * the kernel:
 *
 *   nftnl_expr_foreach		outgoing: a queue fail-open marker is removed
 *				and NFT_QUEUE_FLAG_FAILOPEN set on the queue
 *				after it
 *   nftnl_expr_build_payload	outgoing: a seqadj/synproxy marker is
 *				serialised as our expression
 *   nftnl_rule_nlmsg_parse	incoming: our expressions (and real log
 *				prefixes that look like markers) become log
 *				markers, so that libnftables can list them
 *   nftnl_rule_fprintf		--debug=netlink text
 *   fopen, fopen64		-f FILE, include: the lowered text
 *   nft_ctx_add_var		-D NAME=VALUE, for $NAME in new statements
 *
 * What libnftables prints goes through an output filter (output.c) that
 * turns markers back into our statements; its error messages are
 * collected per run and mapped back to the original input.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/expr.h>
#include <libnftnl/object.h>
#include <libnftnl/rule.h>
#include <libmnl/libmnl.h>
#include <nftables/libnftables.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

#include "lower.h"
#include "marker.h"
#include "objstats.h"
#include "nftx.h"
#include "output.h"
#include "queues.h"
#include "sbuf.h"
#include "xalloc.h"

/* --- the real functions --- */

static void *real_sym(const char *name, const char *version)
{
	void *p = version ? dlvsym(RTLD_NEXT, name, version) :
			    dlsym(RTLD_NEXT, name);

	if (!p) {
		fprintf(stderr, "nftx: cannot find %s@%s: %s\n", name,
			version ? version : "", dlerror());
		abort();
	}
	return p;
}

#define REAL(ret, name, version, args)					\
	static ret (*real_##name) args;					\
	static ret (*get_##name(void)) args				\
	{								\
		if (!real_##name)					\
			real_##name = real_sym(#name, version);		\
		return real_##name;					\
	}

REAL(int, nftnl_expr_foreach, "LIBNFTNL_11",
     (struct nftnl_rule *, int (*)(struct nftnl_expr *, void *), void *))
REAL(void, nftnl_expr_build_payload, "LIBNFTNL_15",
     (struct nlmsghdr *, struct nftnl_expr *))
REAL(int, nftnl_rule_nlmsg_parse, "LIBNFTNL_11",
     (const struct nlmsghdr *, struct nftnl_rule *))
REAL(int, nftnl_obj_nlmsg_parse, "LIBNFTNL_11",
     (const struct nlmsghdr *, struct nftnl_obj *))
REAL(struct nlmsghdr *, nftnl_nlmsg_build_hdr, "LIBNFTNL_11",
     (char *, uint16_t, uint16_t, uint16_t, uint32_t))
REAL(int, nftnl_rule_fprintf, "LIBNFTNL_11",
     (FILE *, const struct nftnl_rule *, uint32_t, uint32_t))
REAL(int, nft_ctx_add_var, "LIBNFTABLES_2", (struct nft_ctx *, const char *))
REAL(void, nft_ctx_clear_vars, "LIBNFTABLES_2", (struct nft_ctx *))
REAL(FILE *, nft_ctx_set_output, "LIBNFTABLES_1", (struct nft_ctx *, FILE *))
REAL(FILE *, nft_ctx_set_error, "LIBNFTABLES_1", (struct nft_ctx *, FILE *))
REAL(FILE *, fopen, NULL, (const char *, const char *))
REAL(FILE *, fopen64, NULL, (const char *, const char *))

/* --- outgoing --- */

static const struct nx_marker *counter_marker(const struct nftnl_expr *e)
{
	const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);
	const struct nx_marker *m;
	uint64_t id;

	if (!name || strcmp(name, "counter") ||
	    !nftnl_expr_is_set(e, NFTNL_EXPR_CTR_PACKETS) ||
	    nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_PACKETS) != NFTX_MAGIC)
		return NULL;
	id = nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_BYTES);
	if (id == 0 || id > UINT32_MAX)
		return NULL;
	m = nx_marker_get(id);
	return m && m->outgoing ? m : NULL;
}

static void fold_queue_markers(struct nftnl_rule *r)
{
	struct nftnl_expr_iter *it = nftnl_expr_iter_create(r);
	struct nftnl_expr *e, *marker = NULL, **del = NULL;
	size_t ndel = 0;

	if (!it)
		return;
	/* the marker stands right before the queue statement; an
	 * expression that computes the queue number (hash, numgen, map
	 * lookup) may sit between it and the queue expression
	 */
	while ((e = nftnl_expr_iter_next(it))) {
		const struct nx_marker *m = counter_marker(e);
		const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);

		if (m && m->kind == NX_K_QUEUE_FO) {
			marker = e;
		} else if (marker && name && !strcmp(name, "queue")) {
			uint16_t f = nftnl_expr_get_u16(e,
						NFTNL_EXPR_QUEUE_FLAGS);

			nftnl_expr_set_u16(e, NFTNL_EXPR_QUEUE_FLAGS,
					   f | NFT_QUEUE_FLAG_FAILOPEN);
			del = xreallocarray(del, ndel + 1, sizeof(*del));
			del[ndel++] = marker;
			marker = NULL;
		}
	}
	nftnl_expr_iter_destroy(it);
	while (ndel--) {
		nftnl_rule_del_expr(del[ndel]);
		nftnl_expr_free(del[ndel]);
	}
	free(del);
}

int nftnl_expr_foreach(struct nftnl_rule *r,
		       int (*cb)(struct nftnl_expr *e, void *data),
		       void *data)
{
	/* only outgoing ids count: a rule from the kernel has log markers */
	if (nx_marker_count())
		fold_queue_markers(r);
	return get_nftnl_expr_foreach()(r, cb, data);
}

void nftnl_expr_build_payload(struct nlmsghdr *nlh, struct nftnl_expr *expr)
{
	const struct nx_marker *m;

	if (nx_marker_count() &&
	    (nlh->nlmsg_type & 0xff) == NFT_MSG_NEWRULE &&
	    (m = counter_marker(expr)) &&
	    (m->kind == NX_K_SEQADJ || m->kind == NX_K_SYNPROXY)) {
		nftx_expr_build_payload(nlh, m->expr);
		return;
	}
	get_nftnl_expr_build_payload()(nlh, expr);
}

/* --- incoming --- */

static const struct nlattr *nested_get(const struct nlattr *nest,
				       uint16_t type)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) == type)
			return a;
	}
	return NULL;
}

enum elem_action {
	ELEM_COPY,
	ELEM_SEQADJ,
	ELEM_QUEUE,
	ELEM_SYNPROXY,
	ELEM_LOG,
};

static enum elem_action elem_action(const struct nlattr *elem)
{
	const struct nlattr *name, *data, *a;
	const char *n;

	if (mnl_attr_get_type(elem) != NFTA_LIST_ELEM)
		return ELEM_COPY;
	name = nested_get(elem, NFTA_EXPR_NAME);
	if (!name || mnl_attr_validate(name, MNL_TYPE_NUL_STRING) < 0)
		return ELEM_COPY;
	n = mnl_attr_get_str(name);
	data = nested_get(elem, NFTA_EXPR_DATA);

	if (!strcmp(n, "seqadj"))
		return ELEM_SEQADJ;
	if (!data)
		return ELEM_COPY;
	if (!strcmp(n, "queue")) {
		a = nested_get(data, NFTA_QUEUE_FLAGS);
		if (a && mnl_attr_get_payload_len(a) >= 2 &&
		    ntohs(mnl_attr_get_u16(a)) & NFT_QUEUE_FLAG_FAILOPEN)
			return ELEM_QUEUE;
	} else if (!strcmp(n, "synproxy")) {
		/* ecn, or statistics to list (with -s, a synproxy
		 * without ecn is left to libnftnl, as with nft)
		 */
		a = nested_get(data, NFTA_SYNPROXY_FLAGS);
		if (a && mnl_attr_get_payload_len(a) >= 4 &&
		    ntohl(mnl_attr_get_u32(a)) & NF_SYNPROXY_OPT_ECN)
			return ELEM_SYNPROXY;
		if (!nx_stateless &&
		    nested_get(data, NFTX_NFTA_SYNPROXY_STATS))
			return ELEM_SYNPROXY;
	} else if (!strcmp(n, "log")) {
		a = nested_get(data, NFTA_LOG_PREFIX);
		if (a && mnl_attr_get_payload_len(a) >=
			 strlen(NFTX_LOG_PREFIX) &&
		    !strncmp(mnl_attr_get_payload(a), NFTX_LOG_PREFIX,
			     strlen(NFTX_LOG_PREFIX)))
			return ELEM_LOG;
	}
	return ELEM_COPY;
}

static void put_raw(struct nlmsghdr *nlh, const struct nlattr *a)
{
	char *dst = (char *)nlh + nlh->nlmsg_len;

	memcpy(dst, a, a->nla_len);
	memset(dst + a->nla_len, 0, MNL_ALIGN(a->nla_len) - a->nla_len);
	nlh->nlmsg_len += MNL_ALIGN(a->nla_len);
}

static void put_log_marker(struct nlmsghdr *nlh, uint32_t id,
			   const struct nlattr *olddata)
{
	struct nlattr *elem, *data;
	const struct nlattr *a;
	char prefix[64];

	snprintf(prefix, sizeof(prefix), NFTX_LOG_PREFIX "%u", id);
	elem = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);
	mnl_attr_put_strz(nlh, NFTA_EXPR_NAME, "log");
	data = mnl_attr_nest_start(nlh, NFTA_EXPR_DATA);
	mnl_attr_put_strz(nlh, NFTA_LOG_PREFIX, prefix);
	if (olddata) {
		mnl_attr_for_each_nested(a, olddata) {
			if (mnl_attr_get_type(a) != NFTA_LOG_PREFIX)
				put_raw(nlh, a);
		}
	}
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, elem);
}

static uint32_t queue_fo_id;	/* one incoming fail-open marker for all */

static void rewrite_elem(struct nlmsghdr *nlh, const struct nlattr *elem)
{
	const struct nlattr *data, *a;
	struct nftx_expr *e;
	struct nlattr *nest;
	uint32_t id;

	switch (elem_action(elem)) {
	case ELEM_SEQADJ:
		e = nftx_expr_parse(elem);
		if (!e)
			break;
		put_log_marker(nlh, nx_marker_add(NX_K_SEQADJ, false, e, NULL),
			       NULL);
		return;
	case ELEM_SYNPROXY:
		e = nftx_expr_parse(elem);
		if (!e)
			break;
		put_log_marker(nlh, nx_marker_add(NX_K_SYNPROXY, false, e,
						  NULL), NULL);
		return;
	case ELEM_QUEUE:
		e = nftx_expr_parse(elem);
		if (!e)
			break;
		/* the marker goes after the queue: before it, it would
		 * stand between the queue and the expressions that compute
		 * its number, and nft would list their dependencies
		 */
		if (!queue_fo_id)
			queue_fo_id = nx_marker_add(NX_K_QUEUE_FO, false, NULL,
						    NULL);
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS,
				  nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_FLAGS) &
				  ~NFT_QUEUE_FLAG_FAILOPEN);
		nest = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);
		nftx_expr_build_payload(nlh, e);
		mnl_attr_nest_end(nlh, nest);
		nftx_expr_free(e);
		put_log_marker(nlh, queue_fo_id, NULL);
		return;
	case ELEM_LOG:
		data = nested_get(elem, NFTA_EXPR_DATA);
		a = nested_get(data, NFTA_LOG_PREFIX);
		id = nx_marker_add(NX_K_LOG_ESCAPE, false, NULL,
				   xstrndup(mnl_attr_get_payload(a),
					    mnl_attr_get_payload_len(a)));
		put_log_marker(nlh, id, data);
		return;
	case ELEM_COPY:
		break;
	}
	put_raw(nlh, elem);
}

/* a copy of a NEWRULE message with our expressions replaced by log
 * markers, or NULL if it has none
 */
static struct nlmsghdr *rewrite_rule(const struct nlmsghdr *nlh)
{
	const struct nlattr *attr, *exprs = NULL, *elem;
	size_t n = 0, hdr;
	struct nlmsghdr *nn;
	struct nlattr *nest;

	if (nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(struct nfgenmsg))
		return NULL;
	mnl_attr_for_each(attr, nlh, sizeof(struct nfgenmsg)) {
		if (mnl_attr_get_type(attr) == NFTA_RULE_EXPRESSIONS)
			exprs = attr;
	}
	if (!exprs)
		return NULL;
	mnl_attr_for_each_nested(elem, exprs) {
		if (elem_action(elem) != ELEM_COPY)
			n++;
	}
	if (!n)
		return NULL;

	/* a marker with its nests takes less than 128 bytes; a queue
	 * without fail-open no more than before
	 */
	nn = xzalloc(nlh->nlmsg_len + 128 * n + 64);
	hdr = NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct nfgenmsg));
	memcpy(nn, nlh, hdr);
	nn->nlmsg_len = hdr;
	mnl_attr_for_each(attr, nlh, sizeof(struct nfgenmsg)) {
		if (attr != exprs) {
			put_raw(nn, attr);
			continue;
		}
		nest = mnl_attr_nest_start(nn, NFTA_RULE_EXPRESSIONS);
		mnl_attr_for_each_nested(elem, exprs)
			rewrite_elem(nn, elem);
		mnl_attr_nest_end(nn, nest);
	}
	return nn;
}

int nftnl_rule_nlmsg_parse(const struct nlmsghdr *nlh, struct nftnl_rule *r)
{
	struct nlmsghdr *nn = rewrite_rule(nlh);
	int ret;

	ret = get_nftnl_rule_nlmsg_parse()(nn ? nn : nlh, r);
	free(nn);
	return ret;
}

int nftnl_rule_fprintf(FILE *fp, const struct nftnl_rule *r, uint32_t type,
		       uint32_t flags)
{
	struct sbuf out = {};
	size_t size = 4096;
	char *buf = NULL;
	int n;

	if (!nx_marker_count())
		return get_nftnl_rule_fprintf()(fp, r, type, flags);
	for (;;) {
		buf = xrealloc(buf, size);
		n = nftnl_rule_snprintf(buf, size, r, type, flags);
		if (n < 0) {
			free(buf);
			return get_nftnl_rule_fprintf()(fp, r, type, flags);
		}
		if ((size_t)n < size)
			break;
		size = n + 1;
	}
	nx_xlate_debug(buf, &out);
	free(buf);
	n = out.len;
	if (out.len)
		fwrite(out.s, 1, out.len, fp);
	sbuf_free(&out);
	return n;
}

/* --- variables from -D --- */

struct cli_var {
	char *name, *value;
};

static struct cli_var *cli_vars;
static size_t ncli_vars;

int nft_ctx_add_var(struct nft_ctx *ctx, const char *var)
{
	const char *eq = strchr(var, '=');
	int ret = get_nft_ctx_add_var()(ctx, var);

	if (ret == 0 && eq) {
		cli_vars = xreallocarray(cli_vars, ncli_vars + 1,
					 sizeof(*cli_vars));
		cli_vars[ncli_vars].name = xstrndup(var, eq - var);
		cli_vars[ncli_vars].value = xstrdup(eq + 1);
		ncli_vars++;
	}
	return ret;
}

void nft_ctx_clear_vars(struct nft_ctx *ctx)
{
	while (ncli_vars--) {
		free(cli_vars[ncli_vars].name);
		free(cli_vars[ncli_vars].value);
	}
	ncli_vars = 0;
	get_nft_ctx_clear_vars()(ctx);
}

/* --- one run --- */

static struct {
	bool			active;
	bool			in_hook;
	bool			reset_done;	/* the objects' reset ran */
	unsigned int		lower_flags;
	struct nx_run_sources	rs;
	FILE			*errfp;
	char			*errbuf;
	size_t			errlen;
} run;

static struct {
	struct nft_ctx	*ctx;
	FILE		*out;		/* the output filter */
	FILE		*target;	/* where it writes: stdout */
	FILE		*errtarget;	/* where errors go: stderr */
	struct sbuf	line;		/* a line not yet complete */
	bool		flush_lines;
} octx;

static void run_add_source(struct nx_source *src)
{
	run.rs.srcs = xreallocarray(run.rs.srcs, run.rs.nsrcs + 1,
				    sizeof(*run.rs.srcs));
	run.rs.srcs[run.rs.nsrcs++] = src;
}

static struct nx_source *run_find_source(const char *name)
{
	size_t i;

	for (i = 0; i < run.rs.nsrcs; i++) {
		if (run.rs.srcs[i]->name && !strcmp(run.rs.srcs[i]->name, name))
			return run.rs.srcs[i];
	}
	return NULL;
}

static void begin_run(struct nft_ctx *ctx)
{
	size_t i;

	memset(&run.rs, 0, sizeof(run.rs));
	run.active = true;
	run.lower_flags = 0;
	if (nft_ctx_output_get_flags(ctx) & NFT_CTX_OUTPUT_JSON)
		run.lower_flags |= NX_LOWER_JSON;
	if (nft_ctx_get_optimize(ctx) & NFT_OPTIMIZE_ENABLED)
		run.lower_flags |= NX_LOWER_NOOPT;
	octx.flush_lines = nft_ctx_output_get_debug(ctx) != 0;
	nx_stateless = nft_ctx_output_get_flags(ctx) &
		       NFT_CTX_OUTPUT_STATELESS;
	nx_objstat_reset();
	memset(&nx_reset_req, 0, sizeof(nx_reset_req));
	run.reset_done = false;

	/* defines live for one run, -D ones for all */
	nx_defines_reset();
	for (i = 0; i < ncli_vars; i++)
		nx_define(cli_vars[i].name, strlen(cli_vars[i].name),
			  cli_vars[i].value, strlen(cli_vars[i].value));

	run.errbuf = NULL;
	run.errlen = 0;
	run.errfp = open_memstream(&run.errbuf, &run.errlen);
	if (run.errfp)
		get_nft_ctx_set_error()(ctx, run.errfp);
}

static void out_line(const char *s, size_t len, bool nl);

static void end_run(struct nft_ctx *ctx)
{
	size_t i;

	/* what is left of the output */
	if (octx.line.len) {
		out_line(octx.line.s, octx.line.len, false);
		sbuf_reset(&octx.line);
	}
	if (run.errfp) {
		FILE *errout = octx.errtarget ? octx.errtarget : stderr;

		get_nft_ctx_set_error()(ctx, errout);
		fclose(run.errfp);
		if (run.errlen) {
			char *buf = NULL;
			size_t len = 0;
			FILE *f = open_memstream(&buf, &len);

			/* one write, as far as stdio allows */
			if (f) {
				nx_xlate_errors(run.errbuf, run.errlen,
						&run.rs, f);
				fclose(f);
				fwrite(buf, 1, len, errout);
				free(buf);
			} else {
				nx_xlate_errors(run.errbuf, run.errlen,
						&run.rs, errout);
			}
		}
		free(run.errbuf);
		run.errfp = NULL;
	}
	for (i = 0; i < run.rs.nsrcs; i++)
		nx_source_free(run.rs.srcs[i]);
	free(run.rs.srcs);
	if (run.rs.buffer)
		nx_source_free(run.rs.buffer);
	memset(&run.rs, 0, sizeof(run.rs));
	run.active = false;
}

/* --- files --- */

static int memfd_of(const char *text, size_t len)
{
	int fd = memfd_create("nftx", MFD_CLOEXEC);
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < len) {
		ssize_t n = write(fd, text + off, len - off);

		if (n <= 0) {
			close(fd);
			return -1;
		}
		off += n;
	}
	return fd;
}

/* a FILE of the lowered text: nft opens a file once to parse it and
 * again for the line of each error, so the memfd is made once and each
 * open gets its own file offset
 */
static FILE *source_file(struct nx_source *src)
{
	char path[64];
	FILE *f;
	int fd;

	if (src->fd < 0) {
		src->fd = memfd_of(src->low, src->low_len);
		if (src->fd < 0)
			return NULL;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", src->fd);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, "r");
	if (!f)
		close(fd);
	return f;
}

static char *read_all(FILE *f, size_t *lenp)
{
	struct sbuf b = {};
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sbuf_add(&b, chunk, n);
	if (ferror(f)) {
		sbuf_free(&b);
		return NULL;
	}
	if (!b.s)
		sbuf_grow(&b, 0);
	*lenp = b.len;
	return b.s;
}

static FILE *nx_fopen(const char *path, const char *mode,
		      FILE *(*real)(const char *, const char *))
{
	struct nx_source *src;
	size_t len;
	char *text;
	FILE *f;

	if (!run.active || run.in_hook || !path || !mode || mode[0] != 'r' ||
	    strchr(mode, '+'))
		return real(path, mode);

	src = run_find_source(path);
	if (!src) {
		run.in_hook = true;
		f = real(path, "r");
		if (!f) {
			run.in_hook = false;
			return NULL;
		}
		text = read_all(f, &len);
		fclose(f);
		run.in_hook = false;
		if (!text)
			return real(path, mode);
		src = nx_lower(path, text, len, run.lower_flags);
		free(text);
		run_add_source(src);
	}
	if (!src->changed)
		return real(path, mode);
	run.in_hook = true;
	f = source_file(src);
	run.in_hook = false;
	return f ? f : real(path, mode);
}

FILE *fopen(const char *path, const char *mode)
{
	return nx_fopen(path, mode, get_fopen());
}

FILE *fopen64(const char *path, const char *mode)
{
	return nx_fopen(path, mode, get_fopen64());
}

/* --- synproxy objects: statistics and reset --- */

struct obj_attrs {
	uint8_t			family;
	const char		*table, *name;
	uint32_t		type;
	const struct nlattr	*data;
};

/* an object message's table, name, type and data; false if it lacks one */
static bool obj_attrs(const struct nlmsghdr *nlh, struct obj_attrs *o)
{
	const struct nfgenmsg *nfg = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a;

	memset(o, 0, sizeof(*o));
	if (nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(struct nfgenmsg))
		return false;
	o->family = nfg->nfgen_family;
	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg)) {
		switch (mnl_attr_get_type(a)) {
		case NFTA_OBJ_TABLE:
			if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
				o->table = mnl_attr_get_str(a);
			break;
		case NFTA_OBJ_NAME:
			if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
				o->name = mnl_attr_get_str(a);
			break;
		case NFTA_OBJ_TYPE:
			if (mnl_attr_validate(a, MNL_TYPE_U32) == 0)
				o->type = ntohl(mnl_attr_get_u32(a));
			break;
		case NFTA_OBJ_DATA:
			if (mnl_attr_validate(a, MNL_TYPE_NESTED) == 0)
				o->data = a;
			break;
		}
	}
	return o->table && o->name && o->data;
}

/* the statistics of a synproxy object message; false if it has none */
static bool obj_stats(const struct nlmsghdr *nlh, struct obj_attrs *o,
		      uint64_t *vals)
{
	const struct nlattr *st;

	if (!obj_attrs(nlh, o) || o->type != NFT_OBJECT_SYNPROXY)
		return false;
	st = nested_get(o->data, NFTX_NFTA_SYNPROXY_STATS);
	return st && nftx_synproxy_stats_parse(st, vals) == 0;
}

int nftnl_obj_nlmsg_parse(const struct nlmsghdr *nlh, struct nftnl_obj *obj)
{
	uint64_t vals[NFTX_SYNPROXY_NSTATS];
	struct obj_attrs o;

	if (run.active && !nx_stateless && obj_stats(nlh, &o, vals))
		nx_objstat_note(o.family, o.table, o.name, vals);
	return get_nftnl_obj_nlmsg_parse()(nlh, obj);
}

static int reset_obj_cb(const struct nlmsghdr *nlh, void *data)
{
	uint64_t vals[NFTX_SYNPROXY_NSTATS];
	struct obj_attrs o;

	(void)data;
	if (obj_stats(nlh, &o, vals))
		nx_objstat_override(o.family, o.table, o.name, vals);
	return MNL_CB_OK;
}

/* reset the synproxy object(s) of nx_reset_req, on a socket of our own,
 * and keep what the kernel reported as the values to list
 */
static void reset_objects(void)
{
	const struct nx_reset *r = &nx_reset_req;
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	struct nfgenmsg *nfg;
	struct mnl_socket *nl;
	uint32_t seq = time(NULL), portid;
	ssize_t n;
	int ret;

	nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!nl)
		return;
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		goto out;
	portid = mnl_socket_get_portid(nl);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_GETOBJ_RESET;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK |
			   (r->obj == NX_RESET_OBJ_ALL ? NLM_F_DUMP : 0);
	nlh->nlmsg_seq = seq;
	nfg = mnl_nlmsg_put_extra_header(nlh, sizeof(*nfg));
	nfg->nfgen_family = r->family < 0 ? 0 /* every family */ : r->family;
	nfg->version = NFNETLINK_V0;
	nfg->res_id = 0;
	if (r->table[0])
		mnl_attr_put_strz(nlh, NFTA_OBJ_TABLE, r->table);
	if (r->obj == NX_RESET_OBJ_ONE)
		mnl_attr_put_strz(nlh, NFTA_OBJ_NAME, r->name);
	mnl_attr_put_u32(nlh, NFTA_OBJ_TYPE, htonl(NFT_OBJECT_SYNPROXY));
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		goto out;
	while ((n = mnl_socket_recvfrom(nl, buf, sizeof(buf))) > 0) {
		ret = mnl_cb_run(buf, n, seq, portid, reset_obj_cb, NULL);
		if (ret <= 0)
			break;
	}
	/* an error (no such object) is nft's to report: the listing
	 * that follows fails the same way
	 */
out:
	mnl_socket_close(nl);
}

/* libnftables' requests: in a reset run, the rule dumps become reset
 * dumps (the listing shows the values they had), and the objects are
 * reset before their dump
 */
struct nlmsghdr *nftnl_nlmsg_build_hdr(char *buf, uint16_t type,
				       uint16_t family, uint16_t flags,
				       uint32_t seq)
{
	if (run.active && nx_reset_req.rules && type == NFT_MSG_GETRULE &&
	    (flags & NLM_F_DUMP))
		type = NFTX_NFT_MSG_GETRULE_RESET;
	if (run.active && nx_reset_req.obj && !run.reset_done &&
	    type == NFT_MSG_GETOBJ) {
		run.reset_done = true;
		reset_objects();
	}
	return get_nftnl_nlmsg_build_hdr()(buf, type, family, flags, seq);
}

/* --- output filter --- */

static void out_line(const char *s, size_t len, bool nl)
{
	FILE *fp = octx.target ? octx.target : stdout;
	struct sbuf t = {};

	if ((nx_marker_count() && nx_xlate_line(s, len, &t)) ||
	    (!nx_stateless && nx_objstat_any() &&
	     (len && s[0] == '{' ? nx_json_obj_xlate(s, len, &t) :
	      nx_objstat_xlate_line(s, len, &t)))) {
		fwrite(t.s, 1, t.len, fp);
		sbuf_free(&t);
	} else {
		fwrite(s, 1, len, fp);
	}
	if (nl)
		fputc('\n', fp);
	if (octx.flush_lines)
		fflush(fp);
}

/* main.c (or anyone) redirecting the output: the filter stays in front */
FILE *nft_ctx_set_output(struct nft_ctx *ctx, FILE *fp)
{
	FILE *old;

	if (!octx.out || ctx != octx.ctx || !fp)
		return get_nft_ctx_set_output()(ctx, fp);
	old = octx.target ? octx.target : stdout;
	octx.target = fp;
	return old;
}

FILE *nft_ctx_set_error(struct nft_ctx *ctx, FILE *fp)
{
	FILE *old;

	if (ctx != octx.ctx || !fp)
		return get_nft_ctx_set_error()(ctx, fp);
	old = octx.errtarget ? octx.errtarget : stderr;
	octx.errtarget = fp;
	if (!run.active)
		get_nft_ctx_set_error()(ctx, fp);
	return old;
}

static ssize_t out_write(void *cookie, const char *buf, size_t size)
{
	const char *p = buf, *end = buf + size, *nl;

	(void)cookie;
	while ((nl = memchr(p, '\n', end - p))) {
		if (octx.line.len) {
			sbuf_add(&octx.line, p, nl - p);
			out_line(octx.line.s, octx.line.len, true);
			sbuf_reset(&octx.line);
		} else {
			out_line(p, nl - p, true);
		}
		p = nl + 1;
	}
	if (p < end)
		sbuf_add(&octx.line, p, end - p);
	return size;
}

static int out_close(void *cookie)
{
	(void)cookie;
	if (octx.line.len) {
		out_line(octx.line.s, octx.line.len, false);
		sbuf_reset(&octx.line);
	}
	return 0;
}

/* --- the nftx API --- */

struct nft_ctx *nftx_ctx_new(uint32_t flags)
{
	cookie_io_functions_t io = {
		.write = out_write,
		.close = out_close,
	};
	struct nft_ctx *ctx = nft_ctx_new(flags);

	if (!ctx)
		return NULL;
	octx.ctx = ctx;
	octx.target = NULL;
	octx.errtarget = NULL;
	octx.out = fopencookie(NULL, "w", io);
	if (octx.out) {
		setvbuf(octx.out, NULL, _IONBF, 0);
		get_nft_ctx_set_output()(ctx, octx.out);
	}
	return ctx;
}

void nftx_ctx_free(struct nft_ctx *ctx)
{
	nft_ctx_free(ctx);
	if (octx.out && octx.ctx == ctx) {
		fclose(octx.out);
		octx.out = NULL;
		sbuf_free(&octx.line);
	}
	fflush(stdout);
}

int nftx_run_cmd_from_buffer(struct nft_ctx *ctx, const char *buf)
{
	struct nx_source *src;
	int rc;

	/* not nft's: nfnetlink_queue's counters (queues.c) */
	if (nx_is_list_queues(buf)) {
		fflush(stdout);
		return nx_list_queues(stdout, stderr,
				      nft_ctx_output_get_flags(ctx) &
				      NFT_CTX_OUTPUT_JSON);
	}
	begin_run(ctx);
	src = nx_lower(NULL, buf, strlen(buf),
		       run.lower_flags | NX_LOWER_BUFFER);
	run.rs.buffer = src;
	if (src->monitor)
		octx.flush_lines = true;
	rc = nft_run_cmd_from_buffer(ctx, src->low);
	end_run(ctx);
	return rc;
}

static bool is_stdin(const char *filename)
{
	return !strcmp(filename, "-") || !strcmp(filename, "/dev/stdin");
}

int nftx_run_cmd_from_filename(struct nft_ctx *ctx, const char *filename)
{
	struct nx_source *src;
	int rc, saved = -1;
	size_t len;
	char *text;

	begin_run(ctx);
	if (is_stdin(filename)) {
		/* libnftables reads fd 0 itself: give it the lowered text */
		text = read_all(stdin, &len);
		if (text) {
			src = nx_lower("/dev/stdin", text, len, run.lower_flags);
			free(text);
			run_add_source(src);
			if (src->changed) {
				int fd = memfd_create("nftx-stdin", 0);

				if (fd >= 0 &&
				    write(fd, src->low, src->low_len) ==
				    (ssize_t)src->low_len) {
					lseek(fd, 0, SEEK_SET);
					saved = dup(0);
					dup2(fd, 0);
				}
				if (fd >= 0)
					close(fd);
			} else {
				int fd = memfd_create("nftx-stdin", 0);

				/* we read it: give it back as it was */
				if (fd >= 0 &&
				    write(fd, src->orig, src->orig_len) ==
				    (ssize_t)src->orig_len) {
					lseek(fd, 0, SEEK_SET);
					saved = dup(0);
					dup2(fd, 0);
				}
				if (fd >= 0)
					close(fd);
			}
			clearerr(stdin);
		}
	}
	rc = nft_run_cmd_from_filename(ctx, filename);
	if (saved >= 0) {
		dup2(saved, 0);
		close(saved);
	}
	end_run(ctx);
	return rc;
}
