/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test.h - the harness of the C unit tests (libnftnl-ext's, and
 * nft-ext's, which include it too): one "PASS: name" / "FAIL: name" line
 * per test case or named check on stdout, details of a failure on
 * stderr, exit status 1 if anything failed.  In a sanitizer build the
 * names end in " [asan]".
 */
#ifndef _NFTX_TEST_H_
#define _NFTX_TEST_H_

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libmnl/libmnl.h>
#include <linux/netfilter/nf_tables.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

static int test_case_failed;
static int test_failures;
static const char *test_prog;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
			__FILE__, __LINE__, #cond);			\
		test_case_failed = 1;					\
	}								\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *_g = (got), *_w = (want);				\
	if (strcmp(_g, _w)) {						\
		fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n",	\
			__FILE__, __LINE__, _g, _w);			\
		test_case_failed = 1;					\
	}								\
} while (0)

#define CHECK_INT(got, want) do {					\
	long long _g = (got), _w = (want);				\
	if (_g != _w) {							\
		fprintf(stderr, "%s:%d: %s is %lld, want %lld\n",	\
			__FILE__, __LINE__, #got, _g, _w);		\
		test_case_failed = 1;					\
	}								\
} while (0)

/* an int call that must fail with -1 and this errno */
#define CHECK_ERR(call, err) do {					\
	int _r, _e;							\
	errno = 0;							\
	_r = (call);							\
	_e = errno;							\
	if (_r != -1 || _e != (err)) {					\
		fprintf(stderr, "%s:%d: %s gave %d errno %d (%s), "	\
			"want -1 errno %d (%s)\n", __FILE__, __LINE__,	\
			#call, _r, _e, strerror(_e), (err),		\
			strerror(err));					\
		test_case_failed = 1;					\
	}								\
} while (0)

/* nftx_expr_parse() must refuse elem with this errno */
#define CHECK_PARSE_ERR(elem, err) do {					\
	struct nftx_expr *_x;						\
	int _e;								\
	errno = 0;							\
	_x = nftx_expr_parse(elem);					\
	_e = errno;							\
	if (_x || _e != (err)) {					\
		fprintf(stderr, "%s:%d: parse gave %s errno %d (%s), "	\
			"want NULL errno %d (%s)\n", __FILE__, __LINE__, \
			_x ? "an expression" : "NULL", _e,		\
			strerror(_e), (err), strerror(err));		\
		test_case_failed = 1;					\
		nftx_expr_free(_x);					\
	}								\
} while (0)

#define CHECK_MEM(got, got_len, want, want_len) \
	test_check_mem(__FILE__, __LINE__, got, got_len, want, want_len)

static inline void test_hexdump(const char *tag, const void *p, size_t len)
{
	const uint8_t *b = p;
	size_t i;

	fprintf(stderr, "  %s (%zu):", tag, len);
	for (i = 0; i < len; i++)
		fprintf(stderr, "%s%02x", i % 4 ? "" : " ", b[i]);
	fprintf(stderr, "\n");
}

static inline void test_check_mem(const char *file, int line,
				  const void *got, size_t got_len,
				  const void *want, size_t want_len)
{
	if (got_len == want_len && memcmp(got, want, got_len) == 0)
		return;
	fprintf(stderr, "%s:%d: bytes differ\n", file, line);
	test_hexdump("got ", got, got_len);
	test_hexdump("want", want, want_len);
	test_case_failed = 1;
}

#if defined(__SANITIZE_ADDRESS__)
#define TEST_SUFFIX	" [asan]"
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_SUFFIX	" [asan]"
#endif
#endif
#ifndef TEST_SUFFIX
#define TEST_SUFFIX	""
#endif

static int test_passes;

/* one result line; a failure counts */
static inline bool test_result(bool ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline bool test_result(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("%s\n", TEST_SUFFIX);
	fflush(stdout);
	if (ok)
		test_passes++;
	else
		test_failures++;
	return ok;
}

static inline void test_run(const char *name, void (*fn)(void))
{
	test_case_failed = 0;
	fn();
	test_result(!test_case_failed, "libnftnl-ext/%s::%s", test_prog, name);
}

/* a check with a name of its own, for tests written as one sequence of
 * checks; got and want (either may be NULL) are shown if it fails
 */
static inline bool test_check(bool ok, const char *name, const char *got,
			      const char *want)
{
	if (!test_result(ok, "%s", name) && (got || want))
		fprintf(stderr, "  %s: got:  [%s]\n  %s: want: [%s]\n", name,
			got ? got : "(null)", name, want ? want : "(null)");
	return ok;
}

static inline bool test_check_str(const char *name, const char *got,
				  const char *want)
{
	return test_check(got && want && !strcmp(got, want), name, got, want);
}

/* the last line of a sequence of named checks; the exit status */
static inline int test_summary(void)
{
	printf("%d passed, %d failed\n", test_passes, test_failures);
	return test_failures ? 1 : 0;
}

#define RUN(fn)	test_run(#fn, fn)

/* netlink attribute header, in host byte order, as bytes */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define H(len, type)	(len) & 0xff, (len) >> 8, (type) & 0xff, (type) >> 8
#else
#define H(len, type)	(len) >> 8, (len) & 0xff, (type) >> 8, (type) & 0xff
#endif
#define NESTED(type)	((type) | NLA_F_NESTED)

/* a message to build into, and the NFTA_LIST_ELEM nest around an
 * expression, as libnftables writes it
 */
struct test_msg {
	char		buf[8192] __attribute__((aligned(8)));
	struct nlmsghdr	*nlh;
	struct nlattr	*elem;
};

static inline void test_msg_init(struct test_msg *m)
{
	memset(m->buf, 0, sizeof(m->buf));
	m->nlh = mnl_nlmsg_put_header(m->buf);
	m->elem = NULL;
}

static inline const struct nlattr *test_build(struct test_msg *m,
					      const struct nftx_expr *e)
{
	test_msg_init(m);
	m->elem = mnl_attr_nest_start(m->nlh, NFTA_LIST_ELEM);
	nftx_expr_build_payload(m->nlh, e);
	mnl_attr_nest_end(m->nlh, m->elem);
	return m->elem;
}

/* the bytes nftx_expr_build_payload() wrote: the elem's payload */
static inline const void *test_payload(const struct test_msg *m)
{
	return mnl_attr_get_payload(m->elem);
}

static inline size_t test_payload_len(const struct test_msg *m)
{
	return mnl_attr_get_payload_len(m->elem);
}

/* an element made of raw bytes, aligned for struct nlattr */
static inline const struct nlattr *test_raw(void *store, const void *bytes,
					    size_t len)
{
	memcpy(store, bytes, len);
	return store;
}

static inline char *test_full(const struct nftx_expr *e)
{
	static char buf[256];

	nftx_expr_snprintf_full(buf, sizeof(buf), e);
	return buf;
}

static inline char *test_body(const struct nftx_expr *e)
{
	static char buf[256];

	nftx_expr_snprintf(buf, sizeof(buf), e);
	return buf;
}

static inline int test_main(const char *prog)
{
	test_prog = prog;
	return 0;
}

#define TEST_END()	(test_failures ? 1 : 0)

#endif /* _NFTX_TEST_H_ */
