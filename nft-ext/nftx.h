/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nftx.h - the API of the interposition layer, used by main.c: a libnftables context whose
 * runs understand the new statements (lowering on the way in, translation
 * of listings, debug output and errors on the way out).
 */
#ifndef NFTX_H
#define NFTX_H

#include <stdint.h>

struct nft_ctx;

/* nft_ctx_new() plus the output filter; pass it to the calls below */
struct nft_ctx *nftx_ctx_new(uint32_t flags);
void nftx_ctx_free(struct nft_ctx *ctx);

/* nft_run_cmd_from_buffer/_filename() for input with new statements */
int nftx_run_cmd_from_buffer(struct nft_ctx *ctx, const char *buf);
int nftx_run_cmd_from_filename(struct nft_ctx *ctx, const char *filename);

#endif
