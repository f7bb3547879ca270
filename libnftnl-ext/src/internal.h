/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * internal.h - what the expression implementations share with the
 * generic code in expr.c (libnftnl's struct expr_ops idiom).
 */
#ifndef _NFTX_INTERNAL_H_
#define _NFTX_INTERNAL_H_

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libmnl/libmnl.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

struct nftx_expr;

/* snprintf()-like output: off counts every byte asked for, buf gets
 * what fits and is always NUL-terminated when size > 0.
 */
struct nftx_out {
	char	*buf;
	size_t	size;
	size_t	off;
};

void nftx_out_printf(struct nftx_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct expr_ops {
	const char	*name;
	size_t		data_len;
	uint16_t	attr_first;	/* enum nftx_expr_attr range */
	uint16_t	attr_last;
	const uint32_t	*attr_len;	/* exact length, [attr - attr_first] */
	void		(*set)(struct nftx_expr *e, uint16_t attr,
			       const void *data);
	const void	*(*get)(const struct nftx_expr *e, uint16_t attr);
	void		(*build)(struct nlmsghdr *nlh,
				 const struct nftx_expr *e);
	/* data: the NFTA_EXPR_DATA nest; 0 or -1 (malformed) */
	int		(*parse)(struct nftx_expr *e, const struct nlattr *data);
	void		(*output)(struct nftx_out *o, const struct nftx_expr *e);
	int		(*validate)(const struct nftx_expr *e);
};

struct nftx_expr {
	const struct expr_ops	*ops;
	uint32_t		flags;	/* 1 << attr for every attribute set */
	uint8_t			data[] __attribute__((aligned(8)));
};

extern const struct expr_ops nftx_expr_ops_queue;
extern const struct expr_ops nftx_expr_ops_seqadj;
extern const struct expr_ops nftx_expr_ops_synproxy;

static inline void *nftx_expr_data(const struct nftx_expr *e)
{
	return (void *)e->data;
}

static inline bool nftx_attr_is_set(const struct nftx_expr *e, uint16_t attr)
{
	return e->flags & (1U << attr);
}

/* Walk the attributes of a nest: every one must fit, with no bytes left
 * over that do not make an attribute.  cb returns MNL_CB_OK to go on,
 * MNL_CB_ERROR (-1) to stop with an error.
 */
int nftx_parse_nested(const struct nlattr *nest, mnl_attr_cb_t cb, void *data);

/* nftx_expr_set() for the parsers: the length is known to be right */
void nftx_expr_set_parsed(struct nftx_expr *e, uint16_t attr,
			  const void *data);

#endif /* _NFTX_INTERNAL_H_ */
