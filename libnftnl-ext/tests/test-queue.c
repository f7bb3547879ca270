// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-queue.c - the queue expression: accessors, exact payload bytes,
 * round trips, debug text and validation.
 */
#include "test.h"

static void alloc_and_name(void)
{
	struct nftx_expr *e = nftx_expr_alloc("queue");
	int a;

	CHECK(e);
	CHECK_STR(nftx_expr_get_name(e), "queue");
	for (a = 0; a < __NFTX_EXPR_MAX; a++)
		CHECK(!nftx_expr_is_set(e, a));
	nftx_expr_free(e);
}

static void set_get(void)
{
	struct nftx_expr *e = nftx_expr_alloc("queue");
	uint16_t v16 = 7;
	uint32_t len = 0;
	const void *p;

	CHECK_INT(nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, 0x1234), 0);
	CHECK_INT(nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_TOTAL, 4), 0);
	CHECK_INT(nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS, 0x0007), 0);
	CHECK_INT(nftx_expr_set_u32(e, NFTX_EXPR_QUEUE_SREG_QNUM, 0x01020304), 0);
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_NUM), 0x1234);
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_TOTAL), 4);
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_FLAGS), 7);
	CHECK_INT(nftx_expr_get_u32(e, NFTX_EXPR_QUEUE_SREG_QNUM), 0x01020304);

	p = nftx_expr_get(e, NFTX_EXPR_QUEUE_NUM, &len);
	CHECK(p && len == 2);
	p = nftx_expr_get(e, NFTX_EXPR_QUEUE_SREG_QNUM, &len);
	CHECK(p && len == 4);

	/* wrong length, wrong type accessor, attributes of another expr */
	CHECK_ERR(nftx_expr_set(e, NFTX_EXPR_QUEUE_NUM, &v16, 4), EINVAL);
	CHECK_ERR(nftx_expr_set(e, NFTX_EXPR_QUEUE_NUM, &v16, 1), EINVAL);
	CHECK_ERR(nftx_expr_set_u32(e, NFTX_EXPR_QUEUE_NUM, 1), EINVAL);
	CHECK_ERR(nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_SREG_QNUM, 1), EINVAL);
	CHECK_ERR(nftx_expr_set_s32(e, NFTX_EXPR_SEQADJ_OFFSET, 1), EINVAL);
	CHECK_ERR(nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, 1), EINVAL);
	CHECK_ERR(nftx_expr_set_u16(e, __NFTX_EXPR_MAX, 1), EINVAL);
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_NUM), 0x1234);
	CHECK(!nftx_expr_is_set(e, NFTX_EXPR_SEQADJ_OFFSET));
	CHECK(!nftx_expr_get(e, NFTX_EXPR_SYNPROXY_MSS, &len));
	/* accessor of the wrong size gives 0, like libnftnl */
	CHECK_INT(nftx_expr_get_u32(e, NFTX_EXPR_QUEUE_NUM), 0);
	CHECK_INT(nftx_expr_get_u8(e, NFTX_EXPR_QUEUE_NUM), 0);

	nftx_expr_unset(e, NFTX_EXPR_QUEUE_NUM);
	CHECK(!nftx_expr_is_set(e, NFTX_EXPR_QUEUE_NUM));
	CHECK(!nftx_expr_get(e, NFTX_EXPR_QUEUE_NUM, &len));
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_NUM), 0);
	CHECK(nftx_expr_is_set(e, NFTX_EXPR_QUEUE_TOTAL));
	nftx_expr_unset(e, NFTX_EXPR_SEQADJ_FLAGS);	/* not ours: no-op */
	nftx_expr_free(e);
}

static void build_num_total_flags(void)
{
	static const uint8_t want[] = {
		H(10, NFTA_EXPR_NAME), 'q', 'u', 'e', 'u', 'e', 0, 0, 0,
		H(28, NESTED(NFTA_EXPR_DATA)),
		  H(6, NFTA_QUEUE_NUM), 0x12, 0x34, 0, 0,
		  H(6, NFTA_QUEUE_TOTAL), 0x00, 0x04, 0, 0,
		  H(6, NFTA_QUEUE_FLAGS), 0x00, 0x05, 0, 0,
	};
	struct nftx_expr *e = nftx_expr_alloc("queue");
	struct test_msg m;

	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, 0x1234);
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_TOTAL, 4);
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS,
			  NFT_QUEUE_FLAG_BYPASS | NFT_QUEUE_FLAG_FAILOPEN);
	test_build(&m, e);
	CHECK_MEM(test_payload(&m), test_payload_len(&m), want, sizeof(want));
	CHECK_INT(m.nlh->nlmsg_len, MNL_NLMSG_HDRLEN + 4 + sizeof(want));
	nftx_expr_free(e);
}

static void build_sreg(void)
{
	static const uint8_t want[] = {
		H(10, NFTA_EXPR_NAME), 'q', 'u', 'e', 'u', 'e', 0, 0, 0,
		H(20, NESTED(NFTA_EXPR_DATA)),
		  H(6, NFTA_QUEUE_FLAGS), 0x00, 0x04, 0, 0,
		  H(8, NFTA_QUEUE_SREG_QNUM), 0x00, 0x00, 0x00, 0x01,
	};
	struct nftx_expr *e = nftx_expr_alloc("queue");
	struct test_msg m;

	nftx_expr_set_u32(e, NFTX_EXPR_QUEUE_SREG_QNUM, NFT_REG_1);
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS, NFT_QUEUE_FLAG_FAILOPEN);
	test_build(&m, e);
	CHECK_MEM(test_payload(&m), test_payload_len(&m), want, sizeof(want));
	nftx_expr_free(e);
}

static void build_empty(void)
{
	static const uint8_t want[] = {
		H(10, NFTA_EXPR_NAME), 'q', 'u', 'e', 'u', 'e', 0, 0, 0,
		H(4, NESTED(NFTA_EXPR_DATA)),
	};
	struct nftx_expr *e = nftx_expr_alloc("queue");
	struct test_msg m;

	test_build(&m, e);
	CHECK_MEM(test_payload(&m), test_payload_len(&m), want, sizeof(want));
	nftx_expr_free(e);
}

/* build at the end of a message that already holds attributes */
static void build_appends(void)
{
	struct nftx_expr *e = nftx_expr_alloc("queue");
	struct test_msg m;
	struct nlattr *elem;
	uint32_t before;

	test_msg_init(&m);
	mnl_attr_put_strz(m.nlh, NFTA_RULE_TABLE, "t");
	before = m.nlh->nlmsg_len;
	nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, 1);
	elem = mnl_attr_nest_start(m.nlh, NFTA_LIST_ELEM);
	nftx_expr_build_payload(m.nlh, e);
	mnl_attr_nest_end(m.nlh, elem);
	CHECK_INT((char *)elem - (char *)m.nlh, before);
	CHECK_INT(m.nlh->nlmsg_len, before + 4 + 12 + 4 + 8);
	CHECK_STR(mnl_attr_get_str((struct nlattr *)mnl_nlmsg_get_payload(m.nlh)),
		  "t");
	nftx_expr_free(e);
}

static const uint16_t attrs[] = {
	NFTX_EXPR_QUEUE_NUM, NFTX_EXPR_QUEUE_TOTAL, NFTX_EXPR_QUEUE_FLAGS,
	NFTX_EXPR_QUEUE_SREG_QNUM,
};

static void set_combo(struct nftx_expr *e, unsigned int mask, int variant)
{
	if (mask & 1)
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, variant ? 65535 : 0x1234);
	if (mask & 2)
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_TOTAL, variant ? 0 : 0xfffe);
	if (mask & 4)
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS, variant ? 0xffff : 7);
	if (mask & 8)
		nftx_expr_set_u32(e, NFTX_EXPR_QUEUE_SREG_QNUM,
				  variant ? 0xfedcba98 : 0x01020304);
}

/* every combination of attributes: build, parse, compare, build again */
static void roundtrip_all(void)
{
	unsigned int mask, i;
	int variant;

	for (variant = 0; variant < 2; variant++) {
		for (mask = 0; mask < 16; mask++) {
			struct nftx_expr *e = nftx_expr_alloc("queue"), *p;
			struct test_msg m, m2;

			set_combo(e, mask, variant);
			p = nftx_expr_parse(test_build(&m, e));
			CHECK(p);
			if (!p) {
				nftx_expr_free(e);
				continue;
			}
			CHECK_STR(nftx_expr_get_name(p), "queue");
			for (i = 0; i < 4; i++) {
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

/* what the kernel dumps: num, total and flags, always */
static void parse_kernel_dump(void)
{
	static const uint8_t elem[] = {
		H(44, NESTED(NFTA_LIST_ELEM)),
		H(10, NFTA_EXPR_NAME), 'q', 'u', 'e', 'u', 'e', 0, 0, 0,
		H(28, NESTED(NFTA_EXPR_DATA)),
		  H(6, NFTA_QUEUE_NUM), 0x00, 0x02, 0, 0,
		  H(6, NFTA_QUEUE_TOTAL), 0x00, 0x02, 0, 0,
		  H(6, NFTA_QUEUE_FLAGS), 0x00, 0x06, 0, 0,
	};
	uint32_t store[32] = { 0 };
	struct nftx_expr *e;

	e = nftx_expr_parse(test_raw(store, elem, sizeof(elem)));
	CHECK(e);
	if (!e)
		return;
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_NUM), 2);
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_TOTAL), 2);
	CHECK_INT(nftx_expr_get_u16(e, NFTX_EXPR_QUEUE_FLAGS), 6);
	CHECK(!nftx_expr_is_set(e, NFTX_EXPR_QUEUE_SREG_QNUM));
	CHECK_STR(test_full(e), "[ queue num 2-3 fanout fail-open ]");
	nftx_expr_free(e);
}

static struct nftx_expr *queue(int num, int total, int flags, int sreg)
{
	struct nftx_expr *e = nftx_expr_alloc("queue");

	if (num >= 0)
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_NUM, num);
	if (total >= 0)
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_TOTAL, total);
	if (flags >= 0)
		nftx_expr_set_u16(e, NFTX_EXPR_QUEUE_FLAGS, flags);
	if (sreg >= 0)
		nftx_expr_set_u32(e, NFTX_EXPR_QUEUE_SREG_QNUM, sreg);
	return e;
}

static void check_text(int num, int total, int flags, int sreg,
		       const char *body, const char *full)
{
	struct nftx_expr *e = queue(num, total, flags, sreg);

	CHECK_STR(test_body(e), body);
	CHECK_STR(test_full(e), full);
	CHECK_INT(nftx_expr_snprintf(NULL, 0, e), strlen(body));
	CHECK_INT(nftx_expr_snprintf_full(NULL, 0, e), strlen(full));
	nftx_expr_free(e);
}

static void debug_text(void)
{
	check_text(0, -1, 5, -1, "num 0 bypass fail-open ",
		   "[ queue num 0 bypass fail-open ]");
	check_text(0, 4, 7, -1, "num 0-3 bypass fanout fail-open ",
		   "[ queue num 0-3 bypass fanout fail-open ]");
	check_text(-1, -1, 4, 1, "sreg_qnum 1 fail-open ",
		   "[ queue sreg_qnum 1 fail-open ]");
	/* stock forms */
	check_text(5, -1, -1, -1, "num 5 ", "[ queue num 5 ]");
	check_text(5, 1, 0, -1, "num 5 ", "[ queue num 5 ]");
	check_text(5, 0, -1, -1, "num 5 ", "[ queue num 5 ]");
	check_text(2, 2, 3, -1, "num 2-3 bypass fanout ",
		   "[ queue num 2-3 bypass fanout ]");
	check_text(1, 4, 3, -1, "num 1-4 bypass fanout ",
		   "[ queue num 1-4 bypass fanout ]");
	check_text(0, -1, 1, -1, "num 0 bypass ", "[ queue num 0 bypass ]");
	check_text(-1, -1, 1, 10, "sreg_qnum 10 bypass ",
		   "[ queue sreg_qnum 10 bypass ]");
	check_text(-1, -1, -1, -1, "", "[ queue ]");
	/* flags without the flags attribute are not printed; unknown bits
	 * are not printed either
	 */
	check_text(7, -1, 0xfff8, -1, "num 7 ", "[ queue num 7 ]");
	/* libnftnl's 16-bit arithmetic */
	check_text(65535, 4, -1, -1, "num 65535-2 ", "[ queue num 65535-2 ]");
}

static void validate(void)
{
	struct nftx_expr *e;

#define OK(...) do {							\
	e = queue(__VA_ARGS__);						\
	CHECK_INT(nftx_expr_validate(e), 0);				\
	nftx_expr_free(e);						\
} while (0)
#define BAD(err, ...) do {						\
	e = queue(__VA_ARGS__);						\
	CHECK_ERR(nftx_expr_validate(e), err);				\
	nftx_expr_free(e);						\
} while (0)
	OK(0, -1, -1, -1);
	OK(0, -1, 7, -1);
	OK(0, 4, 7, -1);
	OK(65532, 4, 0, -1);
	OK(-1, -1, 5, 1);
	OK(-1, -1, -1, 1);
	BAD(EINVAL, 0, -1, 8, -1);		/* unknown flag */
	BAD(EINVAL, 0, -1, 0x8000, -1);
	BAD(EINVAL, -1, -1, 0x10, 1);
	BAD(EINVAL, 0, -1, -1, 1);		/* num and sreg_qnum */
	BAD(EINVAL, 0, 2, 1, 1);
	BAD(EINVAL, -1, -1, -1, -1);		/* neither */
	BAD(EINVAL, -1, 4, 1, -1);
	BAD(EINVAL, 3, 0, -1, -1);		/* total 0 */
	BAD(ERANGE, 65533, 4, -1, -1);		/* last queue > 65535 */
	BAD(EOPNOTSUPP, -1, -1, 2, 1);		/* fanout from a register */
#undef OK
#undef BAD
}

int main(void)
{
	test_main("queue");
	RUN(alloc_and_name);
	RUN(set_get);
	RUN(build_num_total_flags);
	RUN(build_sreg);
	RUN(build_empty);
	RUN(build_appends);
	RUN(roundtrip_all);
	RUN(parse_kernel_dump);
	RUN(debug_text);
	RUN(validate);
	return TEST_END();
}
