// SPDX-License-Identifier: GPL-2.0-only
/*
 * xalloc.c - see xalloc.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

void *xcheck(void *p)
{
	static const char msg[] = "nftx: out of memory\n";

	if (!p) {
		/* no stdio: it may need memory itself */
		if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
			_exit(EXIT_FAILURE);
		abort();
	}
	return p;
}

void *xmalloc(size_t size)
{
	return xcheck(malloc(size ? size : 1));
}

void *xzalloc(size_t size)
{
	return xcheck(calloc(1, size ? size : 1));
}

void *xrealloc(void *p, size_t size)
{
	return xcheck(realloc(p, size ? size : 1));
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	return xcheck(reallocarray(p, n ? n : 1, size ? size : 1));
}

char *xstrdup(const char *s)
{
	return xcheck(strdup(s));
}

char *xstrndup(const char *s, size_t n)
{
	return xcheck(strndup(s, n));
}

char *xvasprintf(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	return xcheck(s);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}
