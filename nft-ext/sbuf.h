/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sbuf.h - a growing string buffer.
 */
#ifndef _NFTX_SBUF_H_
#define _NFTX_SBUF_H_

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct sbuf {
	char	*s;
	size_t	len, size;
};

static inline void sbuf_grow(struct sbuf *b, size_t n)
{
	if (b->len + n + 1 <= b->size)
		return;
	b->size = b->size ? b->size : 256;
	while (b->len + n + 1 > b->size)
		b->size *= 2;
	b->s = xrealloc(b->s, b->size);
}

static inline void sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	sbuf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void sbuf_puts(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

static inline void sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	sbuf_grow(b, n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, n + 1, fmt, ap);
	va_end(ap);
	b->len += n;
}

static inline void sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

static inline void sbuf_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->size = 0;
}

#endif
