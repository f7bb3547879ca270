// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-expr.c - the generic part: allocation, foreign attributes,
 * parsing of malformed elements, snprintf truncation.
 */
#include "test.h"

static void alloc_names(void)
{
	static const char *const bad[] = {
		"counter", "", "queu", "queues", "QUEUE", "seqadj ", "synproxy2",
	};
	struct nftx_expr *e;
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		e = nftx_expr_alloc(bad[i]);
		CHECK(!e);
		CHECK_INT(errno, ENOENT);
		nftx_expr_free(e);
	}
	errno = 0;
	CHECK(!nftx_expr_alloc(NULL));
	CHECK_INT(errno, EINVAL);

	e = nftx_expr_alloc("queue");
	CHECK(e && !strcmp(nftx_expr_get_name(e), "queue"));
	nftx_expr_free(e);
	e = nftx_expr_alloc("seqadj");
	CHECK(e && !strcmp(nftx_expr_get_name(e), "seqadj"));
	nftx_expr_free(e);
	e = nftx_expr_alloc("synproxy");
	CHECK(e && !strcmp(nftx_expr_get_name(e), "synproxy"));
	nftx_expr_free(e);
	nftx_expr_free(NULL);
}

/* no shared state between expressions */
static void independent(void)
{
	struct nftx_expr *a = nftx_expr_alloc("queue");
	struct nftx_expr *b = nftx_expr_alloc("queue");

	nftx_expr_set_u16(a, NFTX_EXPR_QUEUE_NUM, 1);
	nftx_expr_set_u16(b, NFTX_EXPR_QUEUE_NUM, 2);
	CHECK_INT(nftx_expr_get_u16(a, NFTX_EXPR_QUEUE_NUM), 1);
	CHECK_INT(nftx_expr_get_u16(b, NFTX_EXPR_QUEUE_NUM), 2);
	nftx_expr_unset(b, NFTX_EXPR_QUEUE_NUM);
	CHECK(nftx_expr_is_set(a, NFTX_EXPR_QUEUE_NUM));
	nftx_expr_free(a);
	nftx_expr_free(b);
}

static void foreign_attrs(void)
{
	struct nftx_expr *e = nftx_expr_alloc("seqadj");
	uint32_t len = 1234;
	int a;

	for (a = 0; a < 64; a++) {
		if (a == NFTX_EXPR_SEQADJ_OFFSET || a == NFTX_EXPR_SEQADJ_FLAGS)
			continue;
		CHECK_ERR(nftx_expr_set_u32(e, a, 1), EINVAL);
		CHECK(!nftx_expr_is_set(e, a));
		CHECK(!nftx_expr_get(e, a, &len));
		CHECK_INT(nftx_expr_get_u32(e, a), 0);
		nftx_expr_unset(e, a);
	}
	CHECK_INT(len, 1234);
	CHECK_ERR(nftx_expr_set_u32(e, 0xffff, 1), EINVAL);
	CHECK_ERR(nftx_expr_validate(NULL), EINVAL);
	CHECK(!nftx_expr_get_name(NULL));
	nftx_expr_free(e);
}

/* the elements below are raw bytes: parse them from aligned storage */
#define PARSE_ERR(err, ...) do {					\
	static const uint8_t _b[] = { __VA_ARGS__ };			\
	uint32_t _s[64] = { 0 };					\
	CHECK_PARSE_ERR(test_raw(_s, _b, sizeof(_b)), err);		\
} while (0)

#define NAME_QUEUE	H(10, NFTA_EXPR_NAME), 'q', 'u', 'e', 'u', 'e', 0, 0, 0
#define NAME_SEQADJ	H(11, NFTA_EXPR_NAME), 's', 'e', 'q', 'a', 'd', 'j', 0, 0
#define NAME_SYNPROXY	H(13, NFTA_EXPR_NAME), 's', 'y', 'n', 'p', 'r', 'o', \
			'x', 'y', 0, 0, 0, 0
#define ELEM(len)	H(len, NESTED(NFTA_LIST_ELEM))
#define DATA(len)	H(len, NESTED(NFTA_EXPR_DATA))

static void parse_missing_name(void)
{
	PARSE_ERR(EINVAL, ELEM(16), DATA(12), H(6, NFTA_QUEUE_NUM), 0, 1, 0, 0);
	PARSE_ERR(EINVAL, ELEM(4));
	/* an empty name */
	PARSE_ERR(EINVAL, ELEM(8), H(4, NFTA_EXPR_NAME));
	CHECK_PARSE_ERR(NULL, EINVAL);
}

static void parse_foreign_name(void)
{
	PARSE_ERR(EOPNOTSUPP, ELEM(40),
		  H(12, NFTA_EXPR_NAME), 'c', 'o', 'u', 'n', 't', 'e', 'r', 0,
		  DATA(24),
		    H(12, NFTA_COUNTER_BYTES), 0, 0, 0, 0, 0, 0, 0, 0,
		    H(12, NFTA_COUNTER_PACKETS), 0, 0, 0, 0, 0, 0, 0, 0);
	PARSE_ERR(EOPNOTSUPP, ELEM(16),
		  H(12, NFTA_EXPR_NAME), 'c', 'o', 'u', 'n', 't', 'e', 'r', 0);
	PARSE_ERR(EOPNOTSUPP, ELEM(12),
		  H(8, NFTA_EXPR_NAME), 'q', 'u', 'e', 0);
	PARSE_ERR(EOPNOTSUPP, ELEM(16),
		  H(11, NFTA_EXPR_NAME), 'q', 'u', 'e', 'u', 'e', 's', 0, 0);
	PARSE_ERR(EOPNOTSUPP, ELEM(12),
		  H(5, NFTA_EXPR_NAME), 0, 0, 0, 0);
}

/* a name without its NUL: the kernel's NLA_STRING allows it */
static void parse_name_unterminated(void)
{
	static const uint8_t b[] = {
		ELEM(28), H(9, NFTA_EXPR_NAME), 'q', 'u', 'e', 'u', 'e', 0, 0, 0,
		DATA(12), H(6, NFTA_QUEUE_NUM), 0, 9, 0, 0,
	};
	uint32_t s[16] = { 0 };
	struct nftx_expr *e;

	e = nftx_expr_parse(test_raw(s, b, sizeof(b)));
	CHECK(e);
	if (e) {
		CHECK_STR(nftx_expr_get_name(e), "queue");
		CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_NUM), 9);
		nftx_expr_free(e);
	}
}

static void parse_truncated(void)
{
	/* the attribute claims 10 bytes, the nest holds 8 */
	PARSE_ERR(EINVAL, ELEM(28), NAME_QUEUE,
		  DATA(12), H(10, NFTA_QUEUE_NUM), 0, 1, 0, 0);
	/* 2 bytes left over after the last attribute */
	PARSE_ERR(EINVAL, ELEM(30), NAME_QUEUE,
		  DATA(14), H(6, NFTA_QUEUE_NUM), 0, 1, 0, 0, 0, 0);
	/* an attribute whose length is below its header's */
	PARSE_ERR(EINVAL, ELEM(32), NAME_QUEUE,
		  DATA(16), H(6, NFTA_QUEUE_NUM), 0, 1, 0, 0,
		  H(2, NFTA_QUEUE_FLAGS), 0, 0, 0, 0);
	/* DATA claims more than the element holds */
	PARSE_ERR(EINVAL, ELEM(20), NAME_QUEUE, DATA(12), 0, 0, 0, 0);
	/* the name claims more than the element holds */
	PARSE_ERR(EINVAL, ELEM(16), H(20, NFTA_EXPR_NAME),
		  'q', 'u', 'e', 'u', 'e', 0, 0, 0);
	/* the element's own length is below a header */
	PARSE_ERR(EINVAL, H(3, NESTED(NFTA_LIST_ELEM)), 0, 0, 0, 0);
}

static void parse_wrong_length(void)
{
	/* queue: be16 given 4 bytes, be32 given 2 */
	PARSE_ERR(EINVAL, ELEM(28), NAME_QUEUE,
		  DATA(12), H(8, NFTA_QUEUE_NUM), 0, 0, 0, 1);
	PARSE_ERR(EINVAL, ELEM(28), NAME_QUEUE,
		  DATA(12), H(5, NFTA_QUEUE_TOTAL), 1, 0, 0, 0);
	PARSE_ERR(EINVAL, ELEM(28), NAME_QUEUE,
		  DATA(12), H(8, NFTA_QUEUE_FLAGS), 0, 0, 0, 4);
	PARSE_ERR(EINVAL, ELEM(28), NAME_QUEUE,
		  DATA(12), H(6, NFTA_QUEUE_SREG_QNUM), 0, 1, 0, 0);
	/* seqadj: be32 given 2 and 8 bytes */
	PARSE_ERR(EINVAL, ELEM(28), NAME_SEQADJ,
		  DATA(12), H(6, NFTA_SEQADJ_OFFSET), 0, 1, 0, 0);
	PARSE_ERR(EINVAL, ELEM(32), NAME_SEQADJ,
		  DATA(16), H(12, NFTA_SEQADJ_FLAGS), 0, 0, 0, 0, 0, 0, 0, 1);
	PARSE_ERR(EINVAL, ELEM(24), NAME_SEQADJ,
		  DATA(8), H(4, NFTA_SEQADJ_OFFSET));
	/* synproxy: u8 given 2, be16 given 1, be32 given 2 */
	PARSE_ERR(EINVAL, ELEM(32), NAME_SYNPROXY,
		  DATA(12), H(6, NFTA_SYNPROXY_WSCALE), 0, 7, 0, 0);
	PARSE_ERR(EINVAL, ELEM(32), NAME_SYNPROXY,
		  DATA(12), H(5, NFTA_SYNPROXY_MSS), 5, 0, 0, 0);
	PARSE_ERR(EINVAL, ELEM(32), NAME_SYNPROXY,
		  DATA(12), H(6, NFTA_SYNPROXY_FLAGS), 0, 1, 0, 0);
	/* a good attribute before a bad one does not help */
	PARSE_ERR(EINVAL, ELEM(36), NAME_SYNPROXY,
		  DATA(16), H(5, NFTA_SYNPROXY_WSCALE), 7, 0, 0, 0,
		  H(6, NFTA_SYNPROXY_FLAGS), 0, 1, 0, 0);
}

static void parse_bad_nesting(void)
{
	/* DATA too short to hold an attribute header */
	PARSE_ERR(EINVAL, ELEM(24), NAME_QUEUE, DATA(6), 0, 0, 0, 0);
	/* not an NFTA_LIST_ELEM */
	PARSE_ERR(EINVAL, H(16, NESTED(NFTA_LIST_ELEM + 1)), NAME_QUEUE);
	/* the element holds bytes that are no attribute */
	PARSE_ERR(EINVAL, ELEM(18), NAME_QUEUE, 0, 0);
	/* DATA's content is a truncated nest of its own */
	PARSE_ERR(EINVAL, ELEM(28), NAME_QUEUE,
		  DATA(12), H(12, NFTA_QUEUE_NUM), 0, 0, 0, 0);
}

/* unknown attribute types are skipped, known ones still parsed */
static void parse_unknown_attrs(void)
{
	static const uint8_t b[] = {
		ELEM(64),
		H(5, NFTA_EXPR_MAX + 1), 0xaa, 0, 0, 0,
		NAME_QUEUE,
		DATA(40),
		  H(7, NFTA_QUEUE_MAX + 1), 1, 2, 3, 0,
		  H(6, NFTA_QUEUE_NUM), 0x01, 0x02, 0, 0,
		  H(4, 0x3fff),
		  H(8, NFTA_QUEUE_MAX + 7), 0xff, 0xff, 0xff, 0xff,
		  H(6, NFTA_QUEUE_FLAGS), 0x00, 0x04, 0, 0,
	};
	uint32_t s[32] = { 0 };
	struct nftx_expr *e;

	e = nftx_expr_parse(test_raw(s, b, sizeof(b)));
	CHECK(e);
	if (!e)
		return;
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_NUM), 0x0102);
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_FLAGS), 4);
	CHECK(!nftx_expr_is_set(e, NFTX_EXPR_QUEUE_TOTAL));
	CHECK(!nftx_expr_is_set(e, NFTX_EXPR_QUEUE_SREG_QNUM));
	CHECK_STR(test_full(e), "[ queue num 258 fail-open ]");
	nftx_expr_free(e);
}

/* an attribute given twice: the last one counts, as in libnftnl */
static void parse_duplicate(void)
{
	static const uint8_t b[] = {
		ELEM(36), NAME_SEQADJ,
		DATA(20),
		  H(8, NFTA_SEQADJ_OFFSET), 0, 0, 0, 1,
		  H(8, NFTA_SEQADJ_OFFSET), 0xff, 0xff, 0xff, 0xff,
	};
	uint32_t s[16] = { 0 };
	struct nftx_expr *e;

	e = nftx_expr_parse(test_raw(s, b, sizeof(b)));
	CHECK(e);
	if (e) {
		CHECK_INT(nftx_expr_get_s32(e, NFTX_EXPR_SEQADJ_OFFSET), -1);
		nftx_expr_free(e);
	}
}

/* the last attribute's padding may be left out of the nest's length */
static void parse_unpadded_tail(void)
{
	static const uint8_t b[] = {
		ELEM(29), NAME_SYNPROXY,
		DATA(9), H(5, NFTA_SYNPROXY_WSCALE), 3, 0, 0, 0,
	};
	uint32_t s[16] = { 0 };
	struct nftx_expr *e;

	e = nftx_expr_parse(test_raw(s, b, sizeof(b)));
	CHECK(e);
	if (e) {
		CHECK_INT(nftx_expr_get_u8(e, NFTX_EXPR_SYNPROXY_WSCALE), 3);
		nftx_expr_free(e);
	}
}

/* nftx_expr_snprintf*() behave like snprintf("%s", text) */
static void check_trunc(const struct nftx_expr *e, bool full)
{
	char text[128], got[128], want[128];
	size_t size, len;
	int ret;

	if (full)
		nftx_expr_snprintf_full(text, sizeof(text), e);
	else
		nftx_expr_snprintf(text, sizeof(text), e);
	len = strlen(text);

	for (size = 0; size <= len + 2; size++) {
		memset(got, 'X', sizeof(got));
		memset(want, 'X', sizeof(want));
		ret = full ? nftx_expr_snprintf_full(got, size, e) :
			     nftx_expr_snprintf(got, size, e);
		snprintf(want, size, "%s", text);
		CHECK_INT(ret, len);
		CHECK_MEM(got, sizeof(got), want, sizeof(want));
	}
	CHECK_INT(full ? nftx_expr_snprintf_full(NULL, 0, e) :
			 nftx_expr_snprintf(NULL, 0, e), len);
}

static void snprintf_truncation(void)
{
	struct nftx_expr *e = nftx_expr_alloc("queue");

	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, 0);
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_TOTAL, 4);
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS, 7);
	CHECK_STR(test_full(e), "[ queue num 0-3 bypass fanout fail-open ]");
	check_trunc(e, true);
	check_trunc(e, false);
	nftx_expr_free(e);

	e = nftx_expr_alloc("seqadj");
	check_trunc(e, true);
	check_trunc(e, false);	/* empty body */
	nftx_expr_set_s32(e, NFTX_EXPR_SEQADJ_OFFSET, -5);
	check_trunc(e, true);
	nftx_expr_free(e);

	e = nftx_expr_alloc("synproxy");
	nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, 1460);
	nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_WSCALE, 7);
	nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS, 0x10);
	check_trunc(e, true);
	check_trunc(e, false);
	nftx_expr_free(e);
}

int main(void)
{
	test_main("expr");
	RUN(alloc_names);
	RUN(independent);
	RUN(foreign_attrs);
	RUN(parse_missing_name);
	RUN(parse_foreign_name);
	RUN(parse_name_unterminated);
	RUN(parse_truncated);
	RUN(parse_wrong_length);
	RUN(parse_bad_nesting);
	RUN(parse_unknown_attrs);
	RUN(parse_duplicate);
	RUN(parse_unpadded_tail);
	RUN(snprintf_truncation);
	return TEST_END();
}
