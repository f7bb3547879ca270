// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * expr.c - generic part of the nftx expressions: allocation, attribute
 * accessors, and dispatch of build/parse/print/validate to the
 * expression's ops, like libnftnl's src/expr.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/netfilter/nf_tables.h>

#include "internal.h"

static const struct expr_ops *const expr_ops_list[] = {
	&nftx_expr_ops_queue,
	&nftx_expr_ops_seqadj,
	&nftx_expr_ops_synproxy,
	NULL,
};

static const struct expr_ops *expr_ops_lookup(const char *name, size_t len)
{
	int i;

	for (i = 0; expr_ops_list[i]; i++) {
		const char *n = expr_ops_list[i]->name;

		if (strlen(n) == len && memcmp(n, name, len) == 0)
			return expr_ops_list[i];
	}
	return NULL;
}

static struct nftx_expr *expr_alloc(const struct expr_ops *ops)
{
	struct nftx_expr *e;

	e = calloc(1, sizeof(*e) + ops->data_len);
	if (!e)
		return NULL;
	e->ops = ops;
	return e;
}

struct nftx_expr *nftx_expr_alloc(const char *name)
{
	const struct expr_ops *ops;

	if (!name) {
		errno = EINVAL;
		return NULL;
	}
	ops = expr_ops_lookup(name, strlen(name));
	if (!ops) {
		errno = ENOENT;
		return NULL;
	}
	return expr_alloc(ops);
}

void nftx_expr_free(struct nftx_expr *e)
{
	free(e);
}

const char *nftx_expr_get_name(const struct nftx_expr *e)
{
	return e ? e->ops->name : NULL;
}

static bool expr_has_attr(const struct nftx_expr *e, uint16_t attr)
{
	return e && attr >= e->ops->attr_first && attr <= e->ops->attr_last;
}

bool nftx_expr_is_set(const struct nftx_expr *e, uint16_t attr)
{
	return expr_has_attr(e, attr) && nftx_attr_is_set(e, attr);
}

void nftx_expr_set_parsed(struct nftx_expr *e, uint16_t attr,
			  const void *data)
{
	e->ops->set(e, attr, data);
	e->flags |= 1U << attr;
}

int nftx_expr_set(struct nftx_expr *e, uint16_t attr, const void *data,
		  uint32_t len)
{
	if (!expr_has_attr(e, attr) || !data ||
	    len != e->ops->attr_len[attr - e->ops->attr_first]) {
		errno = EINVAL;
		return -1;
	}
	nftx_expr_set_parsed(e, attr, data);
	return 0;
}

int nftx_expr_set_u8(struct nftx_expr *e, uint16_t attr, uint8_t val)
{
	return nftx_expr_set(e, attr, &val, sizeof(val));
}

int nftx_expr_set_u16(struct nftx_expr *e, uint16_t attr, uint16_t val)
{
	return nftx_expr_set(e, attr, &val, sizeof(val));
}

int nftx_expr_set_u32(struct nftx_expr *e, uint16_t attr, uint32_t val)
{
	return nftx_expr_set(e, attr, &val, sizeof(val));
}

int nftx_expr_set_s32(struct nftx_expr *e, uint16_t attr, int32_t val)
{
	return nftx_expr_set(e, attr, &val, sizeof(val));
}

int nftx_expr_set_u64(struct nftx_expr *e, uint16_t attr, uint64_t val)
{
	return nftx_expr_set(e, attr, &val, sizeof(val));
}

void nftx_expr_unset(struct nftx_expr *e, uint16_t attr)
{
	if (!expr_has_attr(e, attr))
		return;
	e->flags &= ~(1U << attr);
}

const void *nftx_expr_get(const struct nftx_expr *e, uint16_t attr,
			  uint32_t *len)
{
	if (!nftx_expr_is_set(e, attr))
		return NULL;
	if (len)
		*len = e->ops->attr_len[attr - e->ops->attr_first];
	return e->ops->get(e, attr);
}

/* like libnftnl: 0 if unset or not of that size */
static bool expr_get_sized(const struct nftx_expr *e, uint16_t attr,
			   void *out, uint32_t size)
{
	const void *data;
	uint32_t len;

	data = nftx_expr_get(e, attr, &len);
	if (!data || len != size)
		return false;
	memcpy(out, data, size);
	return true;
}

uint8_t nftx_expr_get_u8(const struct nftx_expr *e, uint16_t attr)
{
	uint8_t val = 0;

	expr_get_sized(e, attr, &val, sizeof(val));
	return val;
}

uint16_t nftx_expr_get_u16(const struct nftx_expr *e, uint16_t attr)
{
	uint16_t val = 0;

	expr_get_sized(e, attr, &val, sizeof(val));
	return val;
}

uint32_t nftx_expr_get_u32(const struct nftx_expr *e, uint16_t attr)
{
	uint32_t val = 0;

	expr_get_sized(e, attr, &val, sizeof(val));
	return val;
}

int32_t nftx_expr_get_s32(const struct nftx_expr *e, uint16_t attr)
{
	int32_t val = 0;

	expr_get_sized(e, attr, &val, sizeof(val));
	return val;
}

uint64_t nftx_expr_get_u64(const struct nftx_expr *e, uint16_t attr)
{
	uint64_t val = 0;

	expr_get_sized(e, attr, &val, sizeof(val));
	return val;
}

int nftx_expr_validate(const struct nftx_expr *e)
{
	if (!e) {
		errno = EINVAL;
		return -1;
	}
	return e->ops->validate(e);
}

void nftx_expr_build_payload(struct nlmsghdr *nlh, const struct nftx_expr *e)
{
	struct nlattr *nest;

	mnl_attr_put_strz(nlh, NFTA_EXPR_NAME, e->ops->name);
	nest = mnl_attr_nest_start(nlh, NFTA_EXPR_DATA);
	e->ops->build(nlh, e);
	mnl_attr_nest_end(nlh, nest);
}

int nftx_parse_nested(const struct nlattr *nest, mnl_attr_cb_t cb, void *data)
{
	const char *end = (const char *)mnl_attr_get_payload(nest) +
			  mnl_attr_get_payload_len(nest);
	const struct nlattr *attr;

	mnl_attr_for_each_nested(attr, nest) {
		if (cb(attr, data) < 0)
			return -1;
	}
	/* bytes left that do not make a whole attribute: truncated.  The
	 * last attribute's padding may lie past the end (like the kernel's
	 * nla_parse, only a positive remainder is an error).
	 */
	if ((const char *)attr < end)
		return -1;
	return 0;
}

static int expr_elem_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	int type = mnl_attr_get_type(attr);

	/* unknown attributes are skipped, as libnftnl does */
	if (mnl_attr_type_valid(attr, NFTA_EXPR_MAX) < 0)
		return MNL_CB_OK;

	switch (type) {
	case NFTA_EXPR_NAME:
		if (mnl_attr_validate(attr, MNL_TYPE_STRING) < 0)
			return MNL_CB_ERROR;
		break;
	case NFTA_EXPR_DATA:
		if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0)
			return MNL_CB_ERROR;
		break;
	}
	tb[type] = attr;
	return MNL_CB_OK;
}

struct nftx_expr *nftx_expr_parse(const struct nlattr *elem)
{
	const struct nlattr *tb[NFTA_EXPR_MAX + 1] = { NULL };
	const struct expr_ops *ops;
	struct nftx_expr *e;
	const char *name;
	size_t len;

	if (!elem || elem->nla_len < MNL_ATTR_HDRLEN ||
	    mnl_attr_get_type(elem) != NFTA_LIST_ELEM ||
	    nftx_parse_nested(elem, expr_elem_cb, tb) < 0 ||
	    !tb[NFTA_EXPR_NAME]) {
		errno = EINVAL;
		return NULL;
	}

	/* a string attribute, NUL-terminated or not: never read past it */
	name = mnl_attr_get_payload(tb[NFTA_EXPR_NAME]);
	len = strnlen(name, mnl_attr_get_payload_len(tb[NFTA_EXPR_NAME]));
	ops = expr_ops_lookup(name, len);
	if (!ops) {
		errno = EOPNOTSUPP;
		return NULL;
	}

	e = expr_alloc(ops);
	if (!e)
		return NULL;

	if (tb[NFTA_EXPR_DATA] && ops->parse(e, tb[NFTA_EXPR_DATA]) < 0) {
		nftx_expr_free(e);
		errno = EINVAL;
		return NULL;
	}
	return e;
}

void nftx_out_printf(struct nftx_out *o, const char *fmt, ...)
{
	size_t remain = o->off < o->size ? o->size - o->off : 0;
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(remain ? o->buf + o->off : NULL, remain, fmt, ap);
	va_end(ap);
	if (ret > 0)
		o->off += ret;
}

static int out_finish(struct nftx_out *o)
{
	/* nothing printed: still a valid (empty) string */
	if (o->off == 0 && o->size)
		o->buf[0] = '\0';
	return o->off;
}

int nftx_expr_snprintf(char *buf, size_t size, const struct nftx_expr *e)
{
	struct nftx_out o = { .buf = buf, .size = buf ? size : 0 };

	if (e)
		e->ops->output(&o, e);
	return out_finish(&o);
}

int nftx_expr_snprintf_full(char *buf, size_t size, const struct nftx_expr *e)
{
	struct nftx_out o = { .buf = buf, .size = buf ? size : 0 };

	if (!e)
		return out_finish(&o);
	nftx_out_printf(&o, "[ %s ", e->ops->name);
	e->ops->output(&o, e);
	nftx_out_printf(&o, "]");
	return out_finish(&o);
}
