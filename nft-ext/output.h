/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * output.h - translation of libnftables' output (listings, echo,
 * monitor, JSON, --debug=netlink text, error messages) from markers back
 * to nftx statements.
 */
#ifndef _NFTX_OUTPUT_H_
#define _NFTX_OUTPUT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lower.h"
#include "sbuf.h"

/* one line of output, without its newline: appends the translation to
 * out and returns true, or returns false if there is nothing to do
 */
bool nx_xlate_line(const char *line, size_t len, struct sbuf *out);

/* does [s, end) start with p */
bool nx_starts(const char *s, const char *end, const char *p);

/* json.c: a JSON document on one line; NULL if nothing changed */
char *nx_json_xlate(const char *line, size_t len);
/* a JSON line with synproxy objects: their statistics added */
bool nx_json_obj_xlate(const char *line, size_t len, struct sbuf *out);

/* the --debug=netlink text of one rule */
void nx_xlate_debug(const char *text, struct sbuf *out);

/* libnftables' error messages of one run */
struct nx_run_sources {
	struct nx_source	**srcs;
	size_t			nsrcs;
	struct nx_source	*buffer;	/* the command buffer, if any */
};

void nx_xlate_errors(const char *text, size_t len,
		     const struct nx_run_sources *rs, FILE *out);

#endif
