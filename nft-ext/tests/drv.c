// SPDX-License-Identifier: GPL-2.0-only
/*
 * drv.c - a minimal nft-like driver for the interposition tests (the real
 * command line is main.c): nftx-drv [-jeasctno] [-d netlink] [-D N=V]
 * [-f FILE | CMD...]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nftables/libnftables.h>

#include "nftx.h"

int main(int argc, char **argv)
{
	struct nft_ctx *ctx = nftx_ctx_new(0);
	unsigned int flags = 0;
	const char *file = NULL;
	char buf[65536] = "";
	int c, rc, i;

	static const struct option opts[] = {
		{ "debug", required_argument, NULL, 'd' },
		{ "echo", no_argument, NULL, 'e' },
		{ "json", no_argument, NULL, 'j' },
		{ "handle", no_argument, NULL, 'a' },
		{ "file", required_argument, NULL, 'f' },
		{ "define", required_argument, NULL, 'D' },
		{ "check", no_argument, NULL, 'c' },
		{ "optimize", no_argument, NULL, 'o' },
		{ "stateless", no_argument, NULL, 's' },
		{ "terse", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};

	while ((c = getopt_long(argc, argv, "+jeasctnod:D:f:", opts,
				NULL)) != -1) {
		switch (c) {
		case 'j': flags |= NFT_CTX_OUTPUT_JSON; break;
		case 'e': flags |= NFT_CTX_OUTPUT_ECHO; break;
		case 'a': flags |= NFT_CTX_OUTPUT_HANDLE; break;
		case 's': flags |= NFT_CTX_OUTPUT_STATELESS; break;
		case 't': flags |= NFT_CTX_OUTPUT_TERSE; break;
		case 'n': flags |= NFT_CTX_OUTPUT_NUMERIC_ALL; break;
		case 'c': nft_ctx_set_dry_run(ctx, true); break;
		case 'o': nft_ctx_set_optimize(ctx, NFT_OPTIMIZE_ENABLED); break;
		case 'd': nft_ctx_output_set_debug(ctx, NFT_DEBUG_NETLINK); break;
		case 'D': nft_ctx_add_var(ctx, optarg); break;
		case 'f': file = optarg; break;
		default: return 1;
		}
	}
	nft_ctx_output_set_flags(ctx, flags);
	if (file) {
		rc = nftx_run_cmd_from_filename(ctx, file);
	} else {
		for (i = optind; i < argc; i++) {
			strcat(buf, argv[i]);
			if (i + 1 < argc)
				strcat(buf, " ");
		}
		rc = nftx_run_cmd_from_buffer(ctx, buf);
	}
	nftx_ctx_free(ctx);
	return rc ? 1 : 0;
}
