/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * stmt.h - the statement parser (parser.y): parses one new or extended
 * statement (seqadj, queue, synproxy) from the lowering scanner's tokens.
 */
#ifndef _NFTX_STMT_H_
#define _NFTX_STMT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lower.h"

enum nx_stmt_kind {
	NX_STMT_NONE = 0,
	NX_STMT_SEQADJ,
	NX_STMT_QUEUE,
	NX_STMT_SYNPROXY,
};

struct nxp_state {
	/* input */
	const char		*text;
	const struct nxl_token	*toks;
	size_t			start;	/* first token: the statement keyword */
	size_t			end;	/* the token that ends the rule */
	bool			buffer;	/* end of input reads as newline */
	/* scanner position */
	size_t			pos;
	/* result */
	enum nx_stmt_kind	kind;
	size_t			last;	/* last token of the statement */
	/* seqadj */
	bool			has_offset;
	bool			random;
	int32_t			offset;
	/* queue */
	size_t			failopen;	/* token of fail-open, or 0 */
	/* synproxy */
	uint32_t		sp_flags;
	uint16_t		mss;
	uint8_t			wscale;
	size_t			ecn;		/* token of ecn, or 0 */
	size_t			sp_stats;	/* token of the first statistic, or 0 */
	bool			sp_truncated;	/* mss/wscale nft would truncate */
	/* error: message and the bytes it is about */
	char			*errmsg;
	size_t			err_start, err_end;
};

/* 0: parsed (st->last set), -1: error (st->errmsg set) */
int nxp_parse_stmt(struct nxp_state *st);

#endif
