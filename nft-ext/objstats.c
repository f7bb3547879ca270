// SPDX-License-Identifier: GPL-2.0-only
/*
 * objstats.c - statistics of synproxy objects, and what nftx does with
 * them: libnftnl 1.2.4 drops the NFTA_SYNPROXY_STATS attribute our kernel
 * dumps, so interpose.c notes it here as each object is parsed, and the
 * output filter puts it back into nft's listing of the object:
 *
 *	synproxy obj81 {
 *		mss 1460
 *		wscale 7
 *		timestamp sack-perm
 *		syn-answered 12 cookie-valid 3 cookie-invalid 0 ...
 *	}
 *
 * and into its JSON form ("syn-answered": 12, ...).  A reset (nftx
 * reset synproxy/synproxys) sets overrides: the values its reset dump
 * returned, which the listing that follows shows in place of the (now
 * zero) ones.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

#include "marker.h"
#include "objstats.h"
#include "output.h"
#include "xalloc.h"

struct objstat {
	uint8_t		family;
	char		*table;
	char		*name;
	uint64_t	vals[NFTX_SYNPROXY_NSTATS];
};

struct objstat_list {
	struct objstat	*v;
	size_t		n, size;
};

static struct objstat_list seen, overrides;

static struct objstat *find(struct objstat_list *l, uint8_t family,
			    const char *table, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].family == family && !strcmp(l->v[i].table, table) &&
		    !strcmp(l->v[i].name, name))
			return &l->v[i];
	}
	return NULL;
}

static void put(struct objstat_list *l, uint8_t family, const char *table,
		const char *name, const uint64_t *vals)
{
	struct objstat *o = find(l, family, table, name);

	if (!o) {
		if (l->n == l->size) {
			l->size = l->size ? 2 * l->size : 16;
			l->v = xreallocarray(l->v, l->size, sizeof(*l->v));
		}
		o = &l->v[l->n++];
		o->family = family;
		o->table = xstrdup(table);
		o->name = xstrdup(name);
	}
	memcpy(o->vals, vals, sizeof(o->vals));
}

static void clear(struct objstat_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].table);
		free(l->v[i].name);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void nx_objstat_note(uint8_t family, const char *table, const char *name,
		     const uint64_t *vals)
{
	const struct objstat *o = find(&overrides, family, table, name);

	put(&seen, family, table, name, o ? o->vals : vals);
}

void nx_objstat_override(uint8_t family, const char *table,
			 const char *name, const uint64_t *vals)
{
	put(&overrides, family, table, name, vals);
}

bool nx_objstat_get(uint8_t family, const char *table, const char *name,
		    uint64_t *vals)
{
	const struct objstat *o = find(&seen, family, table, name);

	if (!o)
		return false;
	memcpy(vals, o->vals, sizeof(o->vals));
	return true;
}

bool nx_objstat_any(void)
{
	return seen.n > 0;
}

/* --- text --- */

static const struct {
	const char	*name;
	uint8_t		family;
} family_names[] = {
	{ "ip", 2 }, { "ip6", 10 }, { "inet", 1 }, { "arp", 3 },
	{ "bridge", 7 }, { "netdev", 5 },
};

int nx_family_by_name(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(family_names) / sizeof(family_names[0]); i++) {
		if (strlen(family_names[i].name) == len &&
		    !memcmp(family_names[i].name, s, len))
			return family_names[i].family;
	}
	return -1;
}

/* where the listing is: "table FAMILY NAME {", then "\tsynproxy NAME {" */
static struct {
	int	family;		/* -1 outside a table */
	char	table[256];
	bool	in_obj;
	char	obj[256];
} pos = { .family = -1 };

void nx_objstat_reset(void)
{
	clear(&seen);
	clear(&overrides);
	pos.family = -1;
	pos.in_obj = false;
}

/* the word at s (up to a space, or the end), copied to out */
static size_t word(const char *s, const char *end, char *out, size_t size)
{
	size_t n = 0;

	while (s + n < end && s[n] != ' ' && s[n] != '\t')
		n++;
	if (n == 0 || n >= size)
		return 0;
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

void nx_objstat_text(const uint64_t *vals, struct sbuf *out)
{
	int i;

	for (i = 0; i < NFTX_SYNPROXY_NSTATS; i++)
		sbuf_printf(out, "%s%s %" PRIu64, i ? " " : "",
			    nftx_synproxy_stat_names[i], vals[i]);
}

bool nx_objstat_xlate_line(const char *line, size_t len, struct sbuf *out)
{
	const char *end = line + len, *p;
	uint64_t vals[NFTX_SYNPROXY_NSTATS];
	char fam[16];
	size_t n;

	if (nx_starts(line, end, "table ")) {
		p = line + 6;
		n = word(p, end, fam, sizeof(fam));
		pos.family = n ? nx_family_by_name(fam, n) : -1;
		if (pos.family >= 0 &&
		    !word(p + n + 1, end, pos.table, sizeof(pos.table)))
			pos.family = -1;
		pos.in_obj = false;
		return false;
	}
	if (pos.family < 0)
		return false;
	if (nx_starts(line, end, "}")) {
		pos.family = -1;
		pos.in_obj = false;
		return false;
	}
	if (nx_starts(line, end, "\tsynproxy ")) {
		p = line + 10;
		n = word(p, end, pos.obj, sizeof(pos.obj));
		pos.in_obj = n && nx_starts(p + n, end, " {");
		return false;
	}
	if (!pos.in_obj || len != 2 || memcmp(line, "\t}", 2))
		return false;
	pos.in_obj = false;
	if (!nx_objstat_get(pos.family, pos.table, pos.obj, vals))
		return false;
	sbuf_puts(out, "\t\t");
	nx_objstat_text(vals, out);
	sbuf_puts(out, "\n");
	sbuf_add(out, line, len);
	return true;
}
