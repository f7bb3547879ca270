// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-synproxy.c - the synproxy expression: accessors, exact payload
 * bytes, round trips, debug text and validation.
 */
#include "test.h"

static struct nftx_expr *synproxy(int mss, int wscale, int64_t flags)
{
	struct nftx_expr *e = nftx_expr_alloc("synproxy");

	if (mss >= 0)
		nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, mss);
	if (wscale >= 0)
		nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_WSCALE, wscale);
	if (flags >= 0)
		nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS, flags);
	return e;
}

static void set_get(void)
{
	struct nftx_expr *e = nftx_expr_alloc("synproxy");
	uint32_t len = 0;

	CHECK(e);
	CHECK_STR(nftx_expr_get_name(e), "synproxy");
	CHECK_INT(nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, 1460), 0);
	CHECK_INT(nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_WSCALE, 7), 0);
	CHECK_INT(nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS, 0x1f), 0);
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_SYNPROXY_MSS), 1460);
	CHECK_INT(nftx_expr_get_u8(e, NFTX_EXPR_SYNPROXY_WSCALE), 7);
	CHECK_INT(nftx_expr_get_u32(e, NFTX_EXPR_SYNPROXY_FLAGS), 0x1f);
	CHECK(nftx_expr_get(e, NFTX_EXPR_SYNPROXY_WSCALE, &len) && len == 1);
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_SYNPROXY_WSCALE), 0);
	CHECK_ERR(nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_WSCALE, 7), EINVAL);
	CHECK_ERR(nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_MSS, 7), EINVAL);
	CHECK_ERR(nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_FLAGS, 7), EINVAL);
	CHECK_ERR(nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS, 7), EINVAL);
	CHECK_INT(nftx_expr_get_u8(e, NFTX_EXPR_SYNPROXY_WSCALE), 7);
	nftx_expr_free(e);
}

static void build_all(void)
{
	static const uint8_t want[] = {
		H(13, NFTA_EXPR_NAME), 's', 'y', 'n', 'p', 'r', 'o', 'x', 'y',
			0, 0, 0, 0,
		H(28, NESTED(NFTA_EXPR_DATA)),
		  H(6, NFTA_SYNPROXY_MSS), 0x05, 0xb4, 0, 0,
		  H(5, NFTA_SYNPROXY_WSCALE), 0x07, 0, 0, 0,
		  H(8, NFTA_SYNPROXY_FLAGS), 0x00, 0x00, 0x00, 0x1f,
	};
	struct nftx_expr *e = synproxy(1460, 7, 0x1f);
	struct test_msg m;

	test_build(&m, e);
	CHECK_MEM(test_payload(&m), test_payload_len(&m), want, sizeof(want));
	nftx_expr_free(e);
}

static void build_flags_only(void)
{
	static const uint8_t want[] = {
		H(13, NFTA_EXPR_NAME), 's', 'y', 'n', 'p', 'r', 'o', 'x', 'y',
			0, 0, 0, 0,
		H(12, NESTED(NFTA_EXPR_DATA)),
		  H(8, NFTA_SYNPROXY_FLAGS), 0x00, 0x00, 0x00, 0x10,
	};
	struct nftx_expr *e = synproxy(-1, -1, NF_SYNPROXY_OPT_ECN);
	struct test_msg m;

	test_build(&m, e);
	CHECK_MEM(test_payload(&m), test_payload_len(&m), want, sizeof(want));
	nftx_expr_free(e);
}

static void roundtrip_all(void)
{
	static const uint16_t attrs[] = {
		NFTX_EXPR_SYNPROXY_MSS, NFTX_EXPR_SYNPROXY_WSCALE,
		NFTX_EXPR_SYNPROXY_FLAGS,
	};
	unsigned int mask, i;
	int variant;

	for (variant = 0; variant < 2; variant++) {
		for (mask = 0; mask < 8; mask++) {
			struct nftx_expr *e, *p;
			struct test_msg m, m2;

			e = synproxy(mask & 1 ? (variant ? 65535 : 1460) : -1,
				     mask & 2 ? (variant ? 255 : 14) : -1,
				     mask & 4 ? (variant ? 0xffffffffLL : 0x15) : -1);
			p = nftx_expr_parse(test_build(&m, e));
			CHECK(p);
			if (!p) {
				nftx_expr_free(e);
				continue;
			}
			for (i = 0; i < 3; i++) {
				uint32_t l1 = 0, l2 = 0;
				const void *a = nftx_expr_get(e, attrs[i], &l1);
				const void *b = nftx_expr_get(p, attrs[i], &l2);

				CHECK_INT(nftx_expr_is_set(p, attrs[i]),
					  !!(mask & (1 << i)));
				if (a && b)
					CHECK_MEM(b, l2, a, l1);
			}
			test_build(&m2, p);
			CHECK_MEM(test_payload(&m2), test_payload_len(&m2),
				  test_payload(&m), test_payload_len(&m));
			CHECK_STR(test_full(p), test_full(e));
			nftx_expr_free(p);
			nftx_expr_free(e);
		}
	}
}

static void check_text(struct nftx_expr *e, const char *body, const char *full)
{
	CHECK_STR(test_body(e), body);
	CHECK_STR(test_full(e), full);
	CHECK_INT(nftx_expr_snprintf_full(NULL, 0, e), strlen(full));
	nftx_expr_free(e);
}

static void debug_text(void)
{
	check_text(synproxy(1460, 7, -1), "mss 1460 wscale 7 ",
		   "[ synproxy mss 1460 wscale 7 ]");
	check_text(synproxy(1460, 7, 0x0f), "mss 1460 wscale 7 ",
		   "[ synproxy mss 1460 wscale 7 ]");
	check_text(synproxy(1460, 7, 0x1f), "mss 1460 wscale 7 ecn ",
		   "[ synproxy mss 1460 wscale 7 ecn ]");
	check_text(synproxy(0, 0, 0), "mss 0 wscale 0 ",
		   "[ synproxy mss 0 wscale 0 ]");
	/* libnftnl prints mss and wscale only together */
	check_text(synproxy(1460, -1, -1), "", "[ synproxy ]");
	check_text(synproxy(-1, 7, -1), "", "[ synproxy ]");
	check_text(synproxy(-1, -1, -1), "", "[ synproxy ]");
	check_text(synproxy(-1, -1, NF_SYNPROXY_OPT_ECN), "ecn ",
		   "[ synproxy ecn ]");
	check_text(synproxy(1460, -1, NF_SYNPROXY_OPT_ECN), "ecn ",
		   "[ synproxy ecn ]");
}

#define U64(v)	0, 0, 0, 0, 0, 0, 0, (v)

/* what our kernel dumps: the stock attributes, then NFTA_SYNPROXY_STATS
 * with three 64-bit big-endian counters
 */
static void parse_stats(void)
{
	static const uint8_t b[] = {
		H(88, NESTED(NFTA_LIST_ELEM)),
		H(13, NFTA_EXPR_NAME), 's', 'y', 'n', 'p', 'r', 'o', 'x', 'y',
			0, 0, 0, 0,
		H(68, NESTED(NFTA_EXPR_DATA)),
		  H(6, NFTA_SYNPROXY_MSS), 0x05, 0xb4, 0, 0,
		  H(5, NFTA_SYNPROXY_WSCALE), 0x07, 0, 0, 0,
		  H(8, NFTA_SYNPROXY_FLAGS), 0x00, 0x00, 0x00, 0x03,
		  H(40, NESTED(NFTX_NFTA_SYNPROXY_STATS)),
		    H(12, NFTX_NFTA_SYNPROXY_STAT_SYN_ANSWERED), U64(10),
		    H(12, NFTX_NFTA_SYNPROXY_STAT_COOKIE_VALID), 0, 0, 0, 1,
			0, 0, 0, 2,
		    H(12, NFTX_NFTA_SYNPROXY_STAT_COOKIE_INVALID), U64(0),
	};
	uint64_t s[16] = { 0 };
	struct nftx_expr *e;
	struct test_msg m;

	e = nftx_expr_parse(test_raw(s, b, sizeof(b)));
	CHECK(e);
	if (!e)
		return;
	CHECK_INT(nftx_expr_get_u64(e, NFTX_EXPR_SYNPROXY_SYN_ANSWERED), 10);
	CHECK(nftx_expr_get_u64(e, NFTX_EXPR_SYNPROXY_COOKIE_VALID) ==
	      0x100000002ULL);
	CHECK(nftx_expr_is_set(e, NFTX_EXPR_SYNPROXY_COOKIE_INVALID));
	CHECK_INT(nftx_expr_get_u64(e, NFTX_EXPR_SYNPROXY_COOKIE_INVALID), 0);
	CHECK_STR(test_full(e),
		  "[ synproxy mss 1460 wscale 7 syn-answered 10 "
		  "cookie-valid 4294967298 cookie-invalid 0 ]");
	/* never sent back: the kernel refuses them on input */
	test_build(&m, e);
	CHECK_INT(test_payload_len(&m), 88 - 4 - 40);
	nftx_expr_free(e);
}

/* a counter of the wrong size makes the whole expression unparsable */
static void parse_stats_bad(void)
{
	static const uint8_t b[] = {
		H(40, NESTED(NFTA_LIST_ELEM)),
		H(13, NFTA_EXPR_NAME), 's', 'y', 'n', 'p', 'r', 'o', 'x', 'y',
			0, 0, 0, 0,
		H(20, NESTED(NFTA_EXPR_DATA)),
		  H(16, NESTED(NFTX_NFTA_SYNPROXY_STATS)),
		    H(8, NFTX_NFTA_SYNPROXY_STAT_SYN_ANSWERED), 0, 0, 0, 1,
		    H(4, NFTX_NFTA_SYNPROXY_STAT_PAD),
	};
	uint64_t s[8] = { 0 };

	CHECK(!nftx_expr_parse(test_raw(s, b, sizeof(b))));
}

static void validate(void)
{
	struct nftx_expr *e;

#define OK(...) do {							\
	e = synproxy(__VA_ARGS__);					\
	CHECK_INT(nftx_expr_validate(e), 0);				\
	nftx_expr_free(e);						\
} while (0)
#define BAD(err, ...) do {						\
	e = synproxy(__VA_ARGS__);					\
	CHECK_ERR(nftx_expr_validate(e), err);				\
	nftx_expr_free(e);						\
} while (0)
	OK(-1, -1, -1);
	OK(1460, 7, 0x0f);
	OK(1460, 14, 0x1f);
	OK(65535, 0, 0);
	OK(-1, -1, NF_SYNPROXY_OPT_ECN);
	BAD(ERANGE, 1460, 15, -1);
	BAD(ERANGE, -1, 255, 0);
	BAD(EINVAL, 1460, 7, 0x20);
	BAD(EINVAL, -1, -1, 0x80000000LL);
#undef OK
#undef BAD
}

int main(void)
{
	test_main("synproxy");
	RUN(set_get);
	RUN(build_all);
	RUN(build_flags_only);
	RUN(roundtrip_all);
	RUN(debug_text);
	RUN(parse_stats);
	RUN(parse_stats_bad);
	RUN(validate);
	return TEST_END();
}
