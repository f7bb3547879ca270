/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xalloc.h - allocation that does not fail: nftx cannot go on without
 * memory, so running out ends the program with a message (xalloc.c).
 */
#ifndef _NFTX_XALLOC_H_
#define _NFTX_XALLOC_H_

#include <stdarg.h>
#include <stddef.h>

/* p, or the end of the program if p is NULL: for allocators of others */
void *xcheck(void *p);
void *xmalloc(size_t size);
void *xzalloc(size_t size);
void *xrealloc(void *p, size_t size);
/* realloc of n elements of size bytes, the product checked */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

#endif
