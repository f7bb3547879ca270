// SPDX-License-Identifier: GPL-2.0-only
/*
 * json.c - JSON input lowering and JSON output translation.
 *
 * Input ("-j -f FILE", "-j CMD"): in every rule's "expr" array,
 *	{"seqadj": ...}				-> {"counter": {"packets": MAGIC, "bytes": ID}}
 *	{"queue": {..., "flags": [..., "fail-open"]}}
 *		-> the marker counter, then the queue without fail-open
 *	{"synproxy": {..., "flags": [..., "ecn"]}}	-> the marker counter
 * An error replaces the statement by {"nftx-error-N": null}: nft then
 * says "Unknown statement object 'nftx-error-N'." and the error filter
 * puts our message there.
 *
 * Output: incoming markers ({"log": {"prefix": "nftx-1313166424-ID"}})
 * are turned back into our statements.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

#include "lower.h"
#include "marker.h"
#include "objstats.h"
#include "output.h"
#include "xalloc.h"

/* nft prints JSON with json_dumpf(root, fp, JSON_PRESERVE_ORDER) */
#define NX_JSON_DUMP_FLAGS	JSON_PRESERVE_ORDER

struct jctx {
	struct nx_source	*src;
	bool			changed;
	bool			noopt;
	json_t			*orig;	/* the statement being lowered */
};

static json_t *marker_obj(uint32_t id)
{
	return json_pack("{s:{s:I,s:I}}", "counter", "packets",
			 (json_int_t)NFTX_MAGIC, "bytes", (json_int_t)id);
}

static json_t *jerror(struct jctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static json_t *jerror(struct jctx *c, const char *fmt, ...)
{
	struct nx_source *src = c->src;
	char key[64];
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	snprintf(key, sizeof(key), "nftx-error-%d",
		 nx_source_add_error(src, msg, 0, 0));
	c->changed = true;
	return json_pack("{s:n}", key);
}

static json_t *lower_seqadj(struct jctx *c, json_t *val)
{
	struct nftx_expr *e;
	json_int_t off = 0;
	bool has_off = false, random = false;
	const char *key;
	json_t *v;

	if (c->noopt)
		return jerror(c, "seqadj cannot be used with -o/--optimize.");
	if (!json_is_null(val) && !json_is_object(val))
		return jerror(c, "Invalid seqadj statement: expected null or an object.");
	if (json_is_object(val)) {
		json_object_foreach(val, key, v) {
			if (!strcmp(key, "offset")) {
				if (!json_is_integer(v))
					return jerror(c, "seqadj offset must be an integer.");
				off = json_integer_value(v);
				has_off = true;
			} else if (!strcmp(key, "random")) {
				if (!json_is_boolean(v))
					return jerror(c, "seqadj random must be a boolean.");
				random = json_is_true(v);
			} else {
				return jerror(c, "Unknown seqadj property '%s'.",
					      key);
			}
		}
	}
	if (has_off && random)
		return jerror(c, "seqadj random and offset are mutually exclusive.");
	if (has_off && off == 0)
		return jerror(c, "seqadj offset must not be 0.");
	if (has_off && (off < INT32_MIN || off > INT32_MAX))
		return jerror(c, "seqadj offset %" JSON_INTEGER_FORMAT
			      " out of range (%d to %d).", off, INT32_MIN,
			      INT32_MAX);
	e = xcheck(nftx_expr_alloc("seqadj"));
	if (has_off)
		nftx_expr_set_s32(e, NFTX_EXPR_SEQADJ_OFFSET, off);
	if (random)
		nftx_expr_set_u32(e, NFTX_EXPR_SEQADJ_FLAGS,
				  NFT_SEQADJ_F_RANDOM);
	nx_source_add_needs(c->src, NX_K_SEQADJ, 0, 0);
	c->changed = true;
	return marker_obj(nx_marker_add(NX_K_SEQADJ, true, e,
					json_dumps(c->orig, NX_JSON_DUMP_FLAGS)));
}

/* remove flag from a "flags" member (string or array); returns how many
 * times it was there
 */
static int take_flag(json_t *obj, const char *flag)
{
	json_t *flags = json_object_get(obj, "flags"), *f;
	int n = 0;
	size_t i;

	if (json_is_string(flags)) {
		if (strcmp(json_string_value(flags), flag))
			return 0;
		json_object_del(obj, "flags");
		return 1;
	}
	if (!json_is_array(flags))
		return 0;
	for (i = 0; i < json_array_size(flags);) {
		f = json_array_get(flags, i);
		if (json_is_string(f) && !strcmp(json_string_value(f), flag)) {
			json_array_remove(flags, i);
			n++;
		} else {
			i++;
		}
	}
	if (n && json_array_size(flags) == 0)
		json_object_del(obj, "flags");
	return n;
}

static bool has_flag(json_t *obj, const char *flag)
{
	json_t *flags = json_object_get(obj, "flags"), *f;
	size_t i;

	if (json_is_string(flags))
		return !strcmp(json_string_value(flags), flag);
	json_array_foreach(flags, i, f) {
		if (json_is_string(f) && !strcmp(json_string_value(f), flag))
			return true;
	}
	return false;
}

static json_t *lower_synproxy(struct jctx *c, json_t *val)
{
	static const struct {
		const char *name;
		uint32_t flag;
	} names[] = {
		{ "timestamp",	NF_SYNPROXY_OPT_TIMESTAMP },
		{ "sack-perm",	NF_SYNPROXY_OPT_SACK_PERM },
		{ "ecn",	NF_SYNPROXY_OPT_ECN },
	};
	json_t *flags = json_object_get(val, "flags"), *f, *v;
	struct nftx_expr *e;
	uint32_t fl = 0;
	json_int_t n;
	size_t i, j;

	if (c->noopt)
		return jerror(c, "synproxy ecn cannot be used with -o/--optimize.");
	if (json_is_string(flags)) {
		f = flags;
		flags = json_array();
		json_array_append(flags, f);
	} else {
		json_incref(flags);
	}
	json_array_foreach(flags, i, f) {
		for (j = 0; j < sizeof(names) / sizeof(names[0]); j++) {
			if (json_is_string(f) &&
			    !strcmp(json_string_value(f), names[j].name))
				break;
		}
		if (j == sizeof(names) / sizeof(names[0])) {
			json_decref(flags);
			return jerror(c, "Unknown synproxy flag '%s'.",
				      json_is_string(f) ?
				      json_string_value(f) : "?");
		}
		fl |= names[j].flag;
	}
	json_decref(flags);
	e = xcheck(nftx_expr_alloc("synproxy"));
	v = json_object_get(val, "mss");
	if (v) {
		n = json_integer_value(v);
		if (!json_is_integer(v) || n < 0 || n > UINT16_MAX) {
			nftx_expr_free(e);
			return jerror(c, "Invalid synproxy mss.");
		}
		nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, n);
		fl |= NF_SYNPROXY_OPT_MSS;
	}
	v = json_object_get(val, "wscale");
	if (v) {
		n = json_integer_value(v);
		if (!json_is_integer(v) || n < 0 ||
		    n > NFTX_SYNPROXY_WSCALE_MAX) {
			nftx_expr_free(e);
			return jerror(c, "Invalid synproxy wscale.");
		}
		nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_WSCALE, n);
		fl |= NF_SYNPROXY_OPT_WSCALE;
	}
	nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS, fl);
	nx_source_add_needs(c->src, NX_K_SYNPROXY, 0, 0);
	c->changed = true;
	return marker_obj(nx_marker_add(NX_K_SYNPROXY, true, e,
					json_dumps(c->orig, NX_JSON_DUMP_FLAGS)));
}

static void lower_expr_array(struct jctx *c, json_t *arr)
{
	size_t i;

	for (i = 0; i < json_array_size(arr); i++) {
		json_t *stmt = json_array_get(arr, i), *val, *repl = NULL;
		const char *key;
		void *it;

		if (!json_is_object(stmt) || json_object_size(stmt) != 1)
			continue;
		it = json_object_iter(stmt);
		key = json_object_iter_key(it);
		val = json_object_iter_value(it);

		/* what --echo must print back */
		c->orig = stmt;
		if (!strcmp(key, "seqadj")) {
			repl = lower_seqadj(c, val);
		} else if (!strcmp(key, "queue") && json_is_object(val) &&
			   has_flag(val, "fail-open")) {
			/* the original, for --echo */
			char *orig = json_dumps(stmt, NX_JSON_DUMP_FLAGS);
			uint32_t id;

			if (c->noopt) {
				repl = jerror(c, "queue fail-open cannot be used with -o/--optimize.");
				free(orig);
			} else if (take_flag(val, "fail-open") > 1) {
				repl = jerror(c, "queue flag fail-open specified more than once.");
				free(orig);
			} else {
				id = nx_marker_add(NX_K_QUEUE_FO, true, NULL,
						   orig);
				json_array_insert_new(arr, i, marker_obj(id));
				nx_source_add_needs(c->src, NX_K_QUEUE_FO,
						    0, 0);
				c->changed = true;
				i++;
			}
		} else if (!strcmp(key, "synproxy") && json_is_object(val) &&
			   has_flag(val, "ecn")) {
			repl = lower_synproxy(c, val);
		}
		if (repl)
			json_array_set_new(arr, i, repl);
	}
}

static void lower_rule(struct jctx *c, json_t *rule)
{
	json_t *expr = json_object_get(rule, "expr");

	if (json_is_array(expr))
		lower_expr_array(c, expr);
}

/* every {"counter": {"packets": MAGIC, "bytes": N}} the input has */
static void reserve_json(json_t *j)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			reserve_json(v);
		return;
	}
	if (!json_is_object(j))
		return;
	v = json_object_get(j, "counter");
	if (json_is_object(v)) {
		json_t *p = json_object_get(v, "packets");
		json_t *b = json_object_get(v, "bytes");

		if (json_is_integer(p) && json_integer_value(p) == NFTX_MAGIC &&
		    json_is_integer(b))
			nx_marker_reserve(json_integer_value(b));
	}
	json_object_foreach(j, key, v)
		reserve_json(v);
}

bool nx_lower_json(struct nx_source *src, bool noopt)
{
	struct jctx c = { .src = src, .noopt = noopt };
	json_t *root, *cmds, *cmd, *v;
	json_error_t err;
	const char *key;
	size_t i;

	root = json_loadb(src->orig, src->orig_len, 0, &err);
	if (!root)
		return false;
	src->json = true;
	cmds = json_object_get(root, "nftables");
	if (!json_is_array(cmds)) {
		json_decref(root);
		return true;
	}
	reserve_json(cmds);
	json_array_foreach(cmds, i, cmd) {
		if (!json_is_object(cmd))
			continue;
		json_object_foreach(cmd, key, v) {
			if (!strcmp(key, "rule") && json_is_object(v)) {
				lower_rule(&c, v);
			} else if ((!strcmp(key, "add") ||
				    !strcmp(key, "insert") ||
				    !strcmp(key, "replace") ||
				    !strcmp(key, "create")) &&
				   json_is_object(v)) {
				json_t *r = json_object_get(v, "rule");

				if (json_is_object(r))
					lower_rule(&c, r);
			}
		}
	}
	if (c.changed) {
		src->low = xcheck(json_dumps(root, NX_JSON_DUMP_FLAGS));
		src->low_len = strlen(src->low);
		src->changed = true;
	}
	json_decref(root);
	return true;
}

/* --- output --- */

static json_t *stmt_json(const struct nx_marker *m)
{
	const struct nftx_expr *e = m->expr;
	json_t *o, *flags;
	uint32_t fl;

	switch (m->kind) {
	case NX_K_SEQADJ:
		if (nftx_expr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET))
			return json_pack("{s:{s:i}}", "seqadj", "offset",
					 nftx_expr_get_s32(e,
						NFTX_EXPR_SEQADJ_OFFSET));
		if (nftx_expr_get_u32(e, NFTX_EXPR_SEQADJ_FLAGS) &
		    NFT_SEQADJ_F_RANDOM)
			return json_pack("{s:{s:b}}", "seqadj", "random", 1);
		return json_pack("{s:n}", "seqadj");
	case NX_K_SYNPROXY:
		/* as nft 1.0.6 prints synproxy: mss, wscale, then the
		 * flags as an array
		 */
		fl = nftx_expr_get_u32(e, NFTX_EXPR_SYNPROXY_FLAGS);
		o = json_object();
		if (fl & NF_SYNPROXY_OPT_MSS)
			json_object_set_new(o, "mss", json_integer(
				nftx_expr_get_u16(e, NFTX_EXPR_SYNPROXY_MSS)));
		if (fl & NF_SYNPROXY_OPT_WSCALE)
			json_object_set_new(o, "wscale", json_integer(
				nftx_expr_get_u8(e,
						 NFTX_EXPR_SYNPROXY_WSCALE)));
		flags = json_array();
		if (fl & NF_SYNPROXY_OPT_TIMESTAMP)
			json_array_append_new(flags, json_string("timestamp"));
		if (fl & NF_SYNPROXY_OPT_SACK_PERM)
			json_array_append_new(flags, json_string("sack-perm"));
		if (fl & NF_SYNPROXY_OPT_ECN)
			json_array_append_new(flags, json_string("ecn"));
		if (json_array_size(flags))
			json_object_set_new(o, "flags", flags);
		else
			json_decref(flags);
		if (!nx_stateless &&
		    nftx_expr_is_set(e, NFTX_EXPR_SYNPROXY_SYN_ANSWERED)) {
			int i;

			for (i = 0; i < NFTX_SYNPROXY_NSTATS; i++)
				json_object_set_new(o,
					nftx_synproxy_stat_names[i],
					json_integer(nftx_expr_get_u64(e,
					  NFTX_EXPR_SYNPROXY_SYN_ANSWERED + i)));
		}
		if (!json_object_size(o)) {
			json_decref(o);
			o = json_null();
		}
		return json_pack("{s:o}", "synproxy", o);
	default:
		return NULL;
	}
}

static void add_failopen(json_t *queue)
{
	json_t *flags = json_object_get(queue, "flags"), *a;

	if (!flags) {
		json_object_set_new(queue, "flags", json_string("fail-open"));
	} else if (json_is_string(flags)) {
		a = json_array();
		json_array_append(a, flags);
		json_array_append_new(a, json_string("fail-open"));
		json_object_set_new(queue, "flags", a);
	} else if (json_is_array(flags)) {
		json_array_append_new(flags, json_string("fail-open"));
	}
}

/* the incoming marker a {"log": {...}} statement stands for */
static const struct nx_marker *log_marker(json_t *stmt, json_t **logp)
{
	json_t *log, *prefix;
	const struct nx_marker *m;
	const char *s;
	size_t len;
	uint32_t id;

	if (!json_is_object(stmt) || json_object_size(stmt) != 1)
		return NULL;
	log = json_object_get(stmt, "log");
	if (!json_is_object(log))
		return NULL;
	prefix = json_object_get(log, "prefix");
	if (!json_is_string(prefix))
		return NULL;
	s = json_string_value(prefix);
	id = nx_marker_parse_prefix(s, &len);
	if (!id || s[len])
		return NULL;
	m = nx_marker_get(id);
	if (!m || m->outgoing)
		return NULL;
	if (logp)
		*logp = log;
	return m;
}

/* the outgoing marker a {"counter": {...}} statement stands for, if it
 * came from JSON input (--echo prints the input back)
 */
static const struct nx_marker *counter_marker(json_t *stmt)
{
	json_t *ctr, *p, *b;
	const struct nx_marker *m;

	if (!json_is_object(stmt) || json_object_size(stmt) != 1)
		return NULL;
	ctr = json_object_get(stmt, "counter");
	if (!json_is_object(ctr))
		return NULL;
	p = json_object_get(ctr, "packets");
	b = json_object_get(ctr, "bytes");
	if (!json_is_integer(p) || json_integer_value(p) != NFTX_MAGIC ||
	    !json_is_integer(b) || json_integer_value(b) <= 0 ||
	    json_integer_value(b) > UINT32_MAX)
		return NULL;
	m = nx_marker_get(json_integer_value(b));
	if (!m || !m->outgoing || !m->str)
		return NULL;
	return m;
}

/* {"synproxy": {"family": F, "name": N, "table": T, ...}}, an object:
 * its statistics after nft's keys
 */
static bool obj_stats_json(json_t *o)
{
	json_t *fam = json_object_get(o, "family");
	json_t *table = json_object_get(o, "table");
	json_t *name = json_object_get(o, "name");
	uint64_t vals[NFTX_SYNPROXY_NSTATS];
	int family, i;

	if (nx_stateless || !json_is_string(fam) || !json_is_string(table) ||
	    !json_is_string(name))
		return false;
	family = nx_family_by_name(json_string_value(fam),
				   strlen(json_string_value(fam)));
	if (family < 0 ||
	    !nx_objstat_get(family, json_string_value(table),
			    json_string_value(name), vals))
		return false;
	for (i = 0; i < NFTX_SYNPROXY_NSTATS; i++)
		json_object_set_new(o, nftx_synproxy_stat_names[i],
				    json_integer(vals[i]));
	return true;
}

static bool xlate_json(json_t *j)
{
	bool changed = false;
	const char *key;
	json_t *v, *log;
	size_t i;

	if (json_is_array(j)) {
		for (i = 0; i < json_array_size(j); i++) {
			const struct nx_marker *m;
			json_t *next, *q, *s;

			v = json_array_get(j, i);
			m = counter_marker(v);
			if (m) {
				json_error_t err;
				json_t *o = json_loads(m->str, 0, &err);

				if (!o)
					continue;
				if (m->kind == NX_K_QUEUE_FO) {
					json_array_remove(j, i);
					if (i < json_array_size(j))
						json_array_set_new(j, i, o);
					else
						json_decref(o);
				} else {
					json_array_set_new(j, i, o);
				}
				changed = true;
				continue;
			}
			m = log_marker(v, &log);
			if (!m) {
				changed |= xlate_json(v);
				continue;
			}
			switch (m->kind) {
			case NX_K_LOG_ESCAPE:
				json_object_set_new(log, "prefix",
						    json_string(m->str));
				changed = true;
				break;
			case NX_K_QUEUE_FO:
				/* the marker follows its queue */
				next = i ? json_array_get(j, i - 1) : NULL;
				q = json_object_get(next, "queue");
				if (!json_is_object(q))
					break;
				add_failopen(q);
				json_array_remove(j, i);
				i--;
				changed = true;
				break;
			default:
				s = stmt_json(m);
				if (s) {
					json_array_set_new(j, i, s);
					changed = true;
				}
				break;
			}
		}
		return changed;
	}
	if (json_is_object(j)) {
		json_object_foreach(j, key, v) {
			if (!strcmp(key, "synproxy") && obj_stats_json(v))
				changed = true;
			else
				changed |= xlate_json(v);
		}
	}
	return changed;
}

char *nx_json_xlate(const char *line, size_t len)
{
	json_error_t err;
	json_t *root;
	char *out = NULL;

	root = json_loadb(line, len, 0, &err);
	if (!root)
		return NULL;
	if (xlate_json(root))
		out = json_dumps(root, NX_JSON_DUMP_FLAGS);
	json_decref(root);
	return out;
}

bool nx_json_obj_xlate(const char *line, size_t len, struct sbuf *out)
{
	char *s;

	if (!memmem(line, len, "\"synproxy\"", 10))
		return false;
	s = nx_json_xlate(line, len);
	if (!s)
		return false;
	sbuf_puts(out, s);
	free(s);
	return true;
}
