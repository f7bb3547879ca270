/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nftx/expr.h - serialisation of the nftx nf_tables expressions (queue
 * with fail-open, seqadj, synproxy with ecn), in libnftnl's idiom.
 */
#ifndef _NFTX_EXPR_H_
#define _NFTX_EXPR_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct nlmsghdr;
struct nlattr;

struct nftx_expr;

enum nftx_expr_attr {
	NFTX_EXPR_QUEUE_NUM = 0,	/* u16 */
	NFTX_EXPR_QUEUE_TOTAL,		/* u16 */
	NFTX_EXPR_QUEUE_FLAGS,		/* u16 */
	NFTX_EXPR_QUEUE_SREG_QNUM,	/* u32 */
	NFTX_EXPR_SEQADJ_OFFSET,	/* s32 */
	NFTX_EXPR_SEQADJ_FLAGS,		/* u32 */
	NFTX_EXPR_SYNPROXY_MSS,		/* u16 */
	NFTX_EXPR_SYNPROXY_WSCALE,	/* u8 */
	NFTX_EXPR_SYNPROXY_FLAGS,	/* u32 */
	NFTX_EXPR_SYNPROXY_SYN_ANSWERED,	/* u64: statistics, from */
	NFTX_EXPR_SYNPROXY_COOKIE_VALID,	/* the kernel's dumps only, */
	NFTX_EXPR_SYNPROXY_COOKIE_INVALID,	/* as NFTA_SYNPROXY_STAT_* */
	__NFTX_EXPR_MAX
};

struct nftx_expr *nftx_expr_alloc(const char *name);
void nftx_expr_free(struct nftx_expr *e);
const char *nftx_expr_get_name(const struct nftx_expr *e);

bool nftx_expr_is_set(const struct nftx_expr *e, uint16_t attr);
int nftx_expr_set(struct nftx_expr *e, uint16_t attr, const void *data,
		  uint32_t len);
int nftx_expr_set_u8(struct nftx_expr *e, uint16_t attr, uint8_t val);
int nftx_expr_set_u16(struct nftx_expr *e, uint16_t attr, uint16_t val);
int nftx_expr_set_u32(struct nftx_expr *e, uint16_t attr, uint32_t val);
int nftx_expr_set_s32(struct nftx_expr *e, uint16_t attr, int32_t val);
int nftx_expr_set_u64(struct nftx_expr *e, uint16_t attr, uint64_t val);
void nftx_expr_unset(struct nftx_expr *e, uint16_t attr);

const void *nftx_expr_get(const struct nftx_expr *e, uint16_t attr,
			  uint32_t *len);
uint8_t nftx_expr_get_u8(const struct nftx_expr *e, uint16_t attr);
uint16_t nftx_expr_get_u16(const struct nftx_expr *e, uint16_t attr);
uint32_t nftx_expr_get_u32(const struct nftx_expr *e, uint16_t attr);
int32_t nftx_expr_get_s32(const struct nftx_expr *e, uint16_t attr);
uint64_t nftx_expr_get_u64(const struct nftx_expr *e, uint16_t attr);

int nftx_expr_validate(const struct nftx_expr *e);

void nftx_expr_build_payload(struct nlmsghdr *nlh, const struct nftx_expr *e);
struct nftx_expr *nftx_expr_parse(const struct nlattr *elem);

/* synproxy statistics, shared by the expression and the object: the
 * names nftx lists them by ("syn-answered", ...), index i for
 * NFTX_EXPR_SYNPROXY_SYN_ANSWERED + i and NFTA_SYNPROXY_STAT_* i + 1, and
 * a parser of the NFTA_SYNPROXY_STATS nest (0, or -1 if malformed).
 */
extern const char *const nftx_synproxy_stat_names[];
int nftx_synproxy_stats_parse(const struct nlattr *nest, uint64_t *vals);

int nftx_expr_snprintf(char *buf, size_t size, const struct nftx_expr *e);
int nftx_expr_snprintf_full(char *buf, size_t size, const struct nftx_expr *e);

#ifdef __cplusplus
}
#endif

#endif /* _NFTX_EXPR_H_ */
