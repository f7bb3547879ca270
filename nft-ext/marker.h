/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * marker.h - registry of the markers nftx puts in place of its new
 * statements, so that the stock libnftables can carry them.
 *
 * Outgoing (nftx -> kernel): "counter packets NFTX_MAGIC bytes ID".
 * Incoming (kernel -> output): "log prefix \"nftx-1313166424-ID\"".
 */
#ifndef _NFTX_MARKER_H_
#define _NFTX_MARKER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NFTX_MAGIC		1313166424U
#define NFTX_MAGIC_STR		"1313166424"
#define NFTX_LOG_PREFIX		"nftx-" NFTX_MAGIC_STR "-"

struct nftx_expr;

enum nx_kind {
	NX_K_NONE = 0,
	NX_K_SEQADJ,		/* whole statement, expr is a seqadj */
	NX_K_SYNPROXY,		/* whole statement, expr is a synproxy */
	NX_K_QUEUE_FO,		/* modifier: the next queue has fail-open */
	NX_K_LOG_ESCAPE,	/* a real log prefix that looked like a marker */
};

struct nx_marker {
	uint32_t		id;
	uint8_t			kind;
	bool			outgoing;
	struct nftx_expr	*expr;
	char			*str;	/* NX_K_LOG_ESCAPE: the real prefix */
};

/* takes ownership of expr and str */
uint32_t nx_marker_add(enum nx_kind kind, bool outgoing,
		       struct nftx_expr *expr, char *str);
const struct nx_marker *nx_marker_get(uint32_t id);
/* an ID the input uses in a real "counter packets MAGIC bytes ID" */
void nx_marker_reserve(uint64_t id);
unsigned int nx_marker_count(void);
void nx_marker_reset(void);

/* -s/--stateless for this run: synproxy statistics are left out */
extern bool nx_stateless;

/* the statement's text as nft would list it: "seqadj offset 5" */
int nx_marker_text(const struct nx_marker *m, char *buf, size_t size);

/* "nftx-1313166424-ID" -> ID, or 0 if s does not start with a marker;
 * *len gets the length of the marker text.
 */
uint32_t nx_marker_parse_prefix(const char *s, size_t *len);

#endif
