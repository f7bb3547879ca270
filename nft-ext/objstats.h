/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * objstats.h - statistics of synproxy objects for nftx's listings, and
 * the values of a reset (objstats.c).
 */
#ifndef _NFTX_OBJSTATS_H_
#define _NFTX_OBJSTATS_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/* an object from the kernel: its statistics (or the override's) */
void nx_objstat_note(uint8_t family, const char *table, const char *name,
		     const uint64_t *vals);
/* a reset returned these: list them instead of what the kernel has now */
void nx_objstat_override(uint8_t family, const char *table,
			 const char *name, const uint64_t *vals);
bool nx_objstat_get(uint8_t family, const char *table, const char *name,
		    uint64_t *vals);
bool nx_objstat_any(void);
void nx_objstat_reset(void);

/* NFPROTO_* of "ip", "inet", ..., or -1 */
int nx_family_by_name(const char *s, size_t len);

/* "syn-answered N cookie-valid N cookie-invalid N" */
void nx_objstat_text(const uint64_t *vals, struct sbuf *out);

/* one line of a text listing: adds the statistics line before the "\t}"
 * that closes a synproxy object (out gets both lines, returns true), or
 * returns false
 */
bool nx_objstat_xlate_line(const char *line, size_t len, struct sbuf *out);

#endif
