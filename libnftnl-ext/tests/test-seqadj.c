// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-seqadj.c - the seqadj expression: accessors, exact payload bytes,
 * round trips, debug text and validation.
 */
#include <limits.h>

#include "test.h"

static struct nftx_expr *seqadj(bool has_off, int32_t off, bool has_flags,
				uint32_t flags)
{
	struct nftx_expr *e = nftx_expr_alloc("seqadj");

	if (has_off)
		nftx_expr_set_s32(e, NFTX_EXPR_SEQADJ_OFFSET, off);
	if (has_flags)
		nftx_expr_set_u32(e, NFTX_EXPR_SEQADJ_FLAGS, flags);
	return e;
}

static void set_get(void)
{
	struct nftx_expr *e = nftx_expr_alloc("seqadj");
	int32_t off = -5;
	uint32_t len = 0;
	const void *p;

	CHECK(e);
	CHECK_STR(nftx_expr_get_name(e), "seqadj");
	CHECK(!nftx_expr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET));
	CHECK_INT(nftx_expr_set(e, NFTX_EXPR_SEQADJ_OFFSET, &off, sizeof(off)), 0);
	CHECK_INT(nftx_expr_get_s32(e, NFTX_EXPR_SEQADJ_OFFSET), -5);
	CHECK_INT(nftx_expr_get_u32(e, NFTX_EXPR_SEQADJ_OFFSET), (uint32_t)-5);
	p = nftx_expr_get(e, NFTX_EXPR_SEQADJ_OFFSET, &len);
	CHECK(p && len == 4 && memcmp(p, &off, 4) == 0);
	CHECK_INT(nftx_expr_set_s32(e, NFTX_EXPR_SEQADJ_OFFSET, INT32_MIN), 0);
	CHECK_INT(nftx_expr_get_s32(e, NFTX_EXPR_SEQADJ_OFFSET), INT32_MIN);
	CHECK_INT(nftx_expr_set_u32(e, NFTX_EXPR_SEQADJ_FLAGS, 1), 0);
	CHECK_INT(nftx_expr_get_u32(e, NFTX_EXPR_SEQADJ_FLAGS), 1);
	CHECK_ERR(nftx_expr_set_u16(e, NFTX_EXPR_SEQADJ_FLAGS, 1), EINVAL);
	CHECK_ERR(nftx_expr_set_u8(e, NFTX_EXPR_SEQADJ_OFFSET, 1), EINVAL);
	CHECK_ERR(nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, 1), EINVAL);
	CHECK_ERR(nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS, 1), EINVAL);
	CHECK_ERR(nftx_expr_set(e, NFTX_EXPR_SEQADJ_OFFSET, NULL, 4), EINVAL);
	nftx_expr_unset(e, NFTX_EXPR_SEQADJ_OFFSET);
	CHECK(!nftx_expr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET));
	CHECK_INT(nftx_expr_get_s32(e, NFTX_EXPR_SEQADJ_OFFSET), 0);
	nftx_expr_free(e);
}

static void build_bare(void)
{
	static const uint8_t want[] = {
		H(11, NFTA_EXPR_NAME), 's', 'e', 'q', 'a', 'd', 'j', 0, 0,
		H(4, NESTED(NFTA_EXPR_DATA)),
	};
	struct nftx_expr *e = seqadj(false, 0, false, 0);
	struct test_msg m;

	test_build(&m, e);
	CHECK_MEM(test_payload(&m), test_payload_len(&m), want, sizeof(want));
	nftx_expr_free(e);
}

static void build_offset(void)
{
	static const uint8_t want[] = {
		H(11, NFTA_EXPR_NAME), 's', 'e', 'q', 'a', 'd', 'j', 0, 0,
		H(12, NESTED(NFTA_EXPR_DATA)),
		  H(8, NFTA_SEQADJ_OFFSET), 0xff, 0xff, 0xff, 0xfb,
	};
	struct nftx_expr *e = seqadj(true, -5, false, 0);
	struct test_msg m;

	test_build(&m, e);
	CHECK_MEM(test_payload(&m), test_payload_len(&m), want, sizeof(want));
	nftx_expr_free(e);
}

static void build_offset_flags(void)
{
	static const uint8_t want[] = {
		H(11, NFTA_EXPR_NAME), 's', 'e', 'q', 'a', 'd', 'j', 0, 0,
		H(20, NESTED(NFTA_EXPR_DATA)),
		  H(8, NFTA_SEQADJ_OFFSET), 0x00, 0x00, 0x03, 0xe8,
		  H(8, NFTA_SEQADJ_FLAGS), 0x00, 0x00, 0x00, 0x01,
	};
	struct nftx_expr *e = seqadj(true, 1000, true, NFT_SEQADJ_F_RANDOM);
	struct test_msg m;

	test_build(&m, e);
	CHECK_MEM(test_payload(&m), test_payload_len(&m), want, sizeof(want));
	nftx_expr_free(e);
}

static void roundtrip_all(void)
{
	static const int32_t offsets[] = { 1000, -5, INT32_MIN, INT32_MAX, 0 };
	static const uint32_t flags[] = { 0, 1, 0x80000001 };
	unsigned int mask, i, j;

	for (mask = 0; mask < 4; mask++) {
		for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
			for (j = 0; j < sizeof(flags) / sizeof(flags[0]); j++) {
				struct nftx_expr *e, *p;
				struct test_msg m, m2;

				e = seqadj(mask & 1, offsets[i], mask & 2,
					   flags[j]);
				p = nftx_expr_parse(test_build(&m, e));
				CHECK(p);
				if (!p) {
					nftx_expr_free(e);
					continue;
				}
				CHECK_STR(nftx_expr_get_name(p), "seqadj");
				CHECK_INT(nftx_expr_is_set(p, NFTX_EXPR_SEQADJ_OFFSET),
					  !!(mask & 1));
				CHECK_INT(nftx_expr_is_set(p, NFTX_EXPR_SEQADJ_FLAGS),
					  !!(mask & 2));
				CHECK_INT(nftx_expr_get_s32(p, NFTX_EXPR_SEQADJ_OFFSET),
					  mask & 1 ? offsets[i] : 0);
				CHECK_INT(nftx_expr_get_u32(p, NFTX_EXPR_SEQADJ_FLAGS),
					  mask & 2 ? flags[j] : 0);
				test_build(&m2, p);
				CHECK_MEM(test_payload(&m2), test_payload_len(&m2),
					  test_payload(&m), test_payload_len(&m));
				nftx_expr_free(p);
				nftx_expr_free(e);
			}
		}
	}
}

/* bare seqadj may come without DATA, or with an empty one */
static void parse_bare(void)
{
	static const uint8_t no_data[] = {
		H(16, NESTED(NFTA_LIST_ELEM)),
		H(11, NFTA_EXPR_NAME), 's', 'e', 'q', 'a', 'd', 'j', 0, 0,
	};
	static const uint8_t empty_data[] = {
		H(20, NESTED(NFTA_LIST_ELEM)),
		H(11, NFTA_EXPR_NAME), 's', 'e', 'q', 'a', 'd', 'j', 0, 0,
		H(4, NESTED(NFTA_EXPR_DATA)),
	};
	uint32_t store[16] = { 0 };
	struct nftx_expr *e;

	e = nftx_expr_parse(test_raw(store, no_data, sizeof(no_data)));
	CHECK(e);
	if (e) {
		CHECK(!nftx_expr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET));
		CHECK(!nftx_expr_is_set(e, NFTX_EXPR_SEQADJ_FLAGS));
		CHECK_STR(test_full(e), "[ seqadj ]");
		nftx_expr_free(e);
	}
	e = nftx_expr_parse(test_raw(store, empty_data, sizeof(empty_data)));
	CHECK(e);
	if (e) {
		CHECK(!nftx_expr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET));
		CHECK(!nftx_expr_is_set(e, NFTX_EXPR_SEQADJ_FLAGS));
		CHECK_STR(test_full(e), "[ seqadj ]");
		nftx_expr_free(e);
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
	check_text(seqadj(false, 0, false, 0), "", "[ seqadj ]");
	check_text(seqadj(true, 1000, false, 0), "offset 1000 ",
		   "[ seqadj offset 1000 ]");
	check_text(seqadj(true, -5, false, 0), "offset -5 ",
		   "[ seqadj offset -5 ]");
	check_text(seqadj(false, 0, true, NFT_SEQADJ_F_RANDOM), "random ",
		   "[ seqadj random ]");
	check_text(seqadj(false, 0, true, 0), "", "[ seqadj ]");
	check_text(seqadj(true, INT32_MIN, false, 0), "offset -2147483648 ",
		   "[ seqadj offset -2147483648 ]");
	check_text(seqadj(true, 1000, true, 0), "offset 1000 ",
		   "[ seqadj offset 1000 ]");
}

static void validate(void)
{
	struct nftx_expr *e;

#define OK(...) do {							\
	e = seqadj(__VA_ARGS__);					\
	CHECK_INT(nftx_expr_validate(e), 0);				\
	nftx_expr_free(e);						\
} while (0)
#define BAD(err, ...) do {						\
	e = seqadj(__VA_ARGS__);					\
	CHECK_ERR(nftx_expr_validate(e), err);				\
	nftx_expr_free(e);						\
} while (0)
	OK(false, 0, false, 0);
	OK(true, 1000, false, 0);
	OK(true, -5, false, 0);
	OK(true, INT32_MIN, true, 0);
	OK(false, 0, true, NFT_SEQADJ_F_RANDOM);
	OK(false, 0, true, 0);
	BAD(ERANGE, true, 0, false, 0);
	BAD(ERANGE, true, 0, true, 0);
	BAD(EINVAL, true, 1000, true, NFT_SEQADJ_F_RANDOM);
	BAD(EINVAL, true, 0, true, NFT_SEQADJ_F_RANDOM);
	BAD(EINVAL, false, 0, true, 2);
	BAD(EINVAL, false, 0, true, 0x80000000);
	BAD(EINVAL, true, 1000, true, 3);
#undef OK
#undef BAD
}

int main(void)
{
	test_main("seqadj");
	RUN(set_get);
	RUN(build_bare);
	RUN(build_offset);
	RUN(build_offset_flags);
	RUN(roundtrip_all);
	RUN(parse_bare);
	RUN(debug_text);
	RUN(validate);
	return TEST_END();
}
