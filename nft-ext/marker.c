// SPDX-License-Identifier: GPL-2.0-only
/*
 * marker.c - registry of nftx markers (see marker.h).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

#include "marker.h"
#include "xalloc.h"

static struct nx_marker *markers;	/* markers[id - 1] */
static uint32_t nmarkers, markers_size;
static uint64_t *reserved;
static size_t nreserved, reserved_size;
static uint32_t next_id = 1;

static bool is_reserved(uint32_t id)
{
	size_t i;

	for (i = 0; i < nreserved; i++) {
		if (reserved[i] == id)
			return true;
	}
	return false;
}

void nx_marker_reserve(uint64_t id)
{
	if (id == 0 || id > UINT32_MAX || is_reserved(id))
		return;
	if (nreserved == reserved_size) {
		reserved_size = reserved_size ? reserved_size * 2 : 16;
		reserved = xreallocarray(reserved, reserved_size,
					 sizeof(*reserved));
	}
	reserved[nreserved++] = id;
}

uint32_t nx_marker_add(enum nx_kind kind, bool outgoing,
		       struct nftx_expr *expr, char *str)
{
	struct nx_marker *m;
	uint32_t id;

	while (is_reserved(next_id))
		next_id++;
	id = next_id++;

	/* ids skipped because reserved stay empty slots */
	while (nmarkers < id) {
		if (nmarkers == markers_size) {
			markers_size = markers_size ? markers_size * 2 : 64;
			markers = xreallocarray(markers, markers_size,
						sizeof(*markers));
		}
		memset(&markers[nmarkers], 0, sizeof(*markers));
		nmarkers++;
	}
	m = &markers[id - 1];
	m->id = id;
	m->kind = kind;
	m->outgoing = outgoing;
	m->expr = expr;
	m->str = str;
	return id;
}

const struct nx_marker *nx_marker_get(uint32_t id)
{
	if (id == 0 || id > nmarkers || markers[id - 1].kind == NX_K_NONE)
		return NULL;
	return &markers[id - 1];
}

unsigned int nx_marker_count(void)
{
	return nmarkers;
}

void nx_marker_reset(void)
{
	uint32_t i;

	for (i = 0; i < nmarkers; i++) {
		if (markers[i].expr)
			nftx_expr_free(markers[i].expr);
		free(markers[i].str);
	}
	free(markers);
	markers = NULL;
	nmarkers = markers_size = 0;
	free(reserved);
	reserved = NULL;
	nreserved = reserved_size = 0;
	next_id = 1;
}

bool nx_stateless;

static int synproxy_text(const struct nftx_expr *e, char *buf, size_t size)
{
	uint32_t flags = nftx_expr_get_u32(e, NFTX_EXPR_SYNPROXY_FLAGS);
	size_t n = 0;

#define ADD(...) do {							\
		int _r = snprintf(buf + (n < size ? n : size),		\
				  n < size ? size - n : 0, __VA_ARGS__);	\
		if (_r > 0)						\
			n += _r;					\
	} while (0)

	/* as nft 1.0.6: mss and wscale together, if either is set */
	ADD("synproxy");
	if (flags & (NF_SYNPROXY_OPT_MSS | NF_SYNPROXY_OPT_WSCALE))
		ADD(" mss %u wscale %u",
		    nftx_expr_get_u16(e, NFTX_EXPR_SYNPROXY_MSS),
		    nftx_expr_get_u8(e, NFTX_EXPR_SYNPROXY_WSCALE));
	if (flags & NF_SYNPROXY_OPT_TIMESTAMP)
		ADD(" timestamp");
	if (flags & NF_SYNPROXY_OPT_SACK_PERM)
		ADD(" sack-perm");
	if (flags & NF_SYNPROXY_OPT_ECN)
		ADD(" ecn");
	/* the statistics, as nft lists a counter's packets and bytes */
	if (!nx_stateless &&
	    nftx_expr_is_set(e, NFTX_EXPR_SYNPROXY_SYN_ANSWERED)) {
		int i;

		for (i = 0; i < NFTX_SYNPROXY_NSTATS; i++)
			ADD(" %s %" PRIu64, nftx_synproxy_stat_names[i],
			    nftx_expr_get_u64(e,
					NFTX_EXPR_SYNPROXY_SYN_ANSWERED + i));
	}
#undef ADD
	return n;
}

int nx_marker_text(const struct nx_marker *m, char *buf, size_t size)
{
	const struct nftx_expr *e = m->expr;

	switch (m->kind) {
	case NX_K_SEQADJ:
		if (nftx_expr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET))
			return snprintf(buf, size, "seqadj offset %d",
					nftx_expr_get_s32(e,
						NFTX_EXPR_SEQADJ_OFFSET));
		if (nftx_expr_get_u32(e, NFTX_EXPR_SEQADJ_FLAGS) &
		    NFT_SEQADJ_F_RANDOM)
			return snprintf(buf, size, "seqadj random");
		return snprintf(buf, size, "seqadj");
	case NX_K_SYNPROXY:
		return synproxy_text(e, buf, size);
	case NX_K_LOG_ESCAPE:
		return snprintf(buf, size, "%s", m->str);
	default:
		break;
	}
	if (size)
		buf[0] = '\0';
	return 0;
}

uint32_t nx_marker_parse_prefix(const char *s, size_t *len)
{
	const size_t plen = strlen(NFTX_LOG_PREFIX);
	uint64_t v = 0;
	size_t i;

	if (strncmp(s, NFTX_LOG_PREFIX, plen))
		return 0;
	for (i = plen; s[i] >= '0' && s[i] <= '9' && i < plen + 10; i++)
		v = v * 10 + (s[i] - '0');
	if (i == plen || v == 0 || v > UINT32_MAX || s[plen] == '0')
		return 0;
	if (len)
		*len = i;
	return v;
}
