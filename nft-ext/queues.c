// SPDX-License-Identifier: GPL-2.0-only
/*
 * queues.c - "list queues": the counters of each nfnetlink_queue queue,
 * fail-open packets included, from the kernel's NFQNL_MSG_STATS dump
 * (kernel/patches/nfnetlink_queue-queue-stats.patch).  nft 1.0.6 has no
 * such command: nftx answers it itself, without libnftables.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>

#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>

#include "queues.h"
#include "xalloc.h"

/* the 6.12 headers installed on the host predate these */
#define NX_NFQNL_MSG_STATS	4
enum {
	NX_NFQA_STATS_PORTID = 1,
	NX_NFQA_STATS_TOTAL,
	NX_NFQA_STATS_MAXLEN,
	NX_NFQA_STATS_DROPPED,
	NX_NFQA_STATS_USER_DROPPED,
	NX_NFQA_STATS_FAILOPEN,
	NX_NFQA_STATS_ID_SEQUENCE,
	NX_NFQA_STATS_MAX = NX_NFQA_STATS_ID_SEQUENCE
};

struct nx_queue {
	uint16_t	num;
	uint32_t	v[NX_NFQA_STATS_MAX + 1];
};

struct qlist {
	struct nx_queue	*q;
	size_t		n, cap;
};

static int stats_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nfgenmsg *nfg = mnl_nlmsg_get_payload(nlh);
	struct qlist *l = data;
	struct nx_queue *q;
	struct nlattr *a;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->q = xreallocarray(l->q, l->cap, sizeof(*l->q));
	}
	q = &l->q[l->n++];
	memset(q, 0, sizeof(*q));
	q->num = ntohs(nfg->res_id);
	mnl_attr_for_each(a, nlh, sizeof(*nfg)) {
		uint16_t t = mnl_attr_get_type(a);

		if (t <= NX_NFQA_STATS_MAX &&
		    mnl_attr_validate(a, MNL_TYPE_U32) == 0)
			q->v[t] = ntohl(mnl_attr_get_u32(a));
	}
	return MNL_CB_OK;
}

static int by_num(const void *a, const void *b)
{
	const struct nx_queue *x = a, *y = b;

	return (int)x->num - (int)y->num;
}

static int dump(struct qlist *l)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct mnl_socket *nl;
	struct nlmsghdr *nlh;
	struct nfgenmsg *nfg;
	uint32_t seq = time(NULL), portid;
	int ret = -1, err = 0;
	ssize_t n;

	nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!nl)
		return -errno;
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		err = -errno;
		goto out;
	}
	portid = mnl_socket_get_portid(nl);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = (NFNL_SUBSYS_QUEUE << 8) | NX_NFQNL_MSG_STATS;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = seq;
	nfg = mnl_nlmsg_put_extra_header(nlh, sizeof(*nfg));
	nfg->nfgen_family = AF_UNSPEC;
	nfg->version = NFNETLINK_V0;
	nfg->res_id = 0;
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0) {
		err = -errno;
		goto out;
	}
	while ((n = mnl_socket_recvfrom(nl, buf, sizeof(buf))) > 0) {
		ret = mnl_cb_run(buf, n, seq, portid, stats_cb, l);
		if (ret <= 0)
			break;
	}
	if (n < 0 || ret < 0)
		err = -errno;
out:
	mnl_socket_close(nl);
	return err;
}

/* "list queues", alone on its line; false for anything else */
bool nx_is_list_queues(const char *buf)
{
	char w1[8], w2[8], rest[2];

	return sscanf(buf, " %7[a-z] %7[a-z] %1s", w1, w2, rest) == 2 &&
	       !strcmp(w1, "list") && !strcmp(w2, "queues");
}

int nx_list_queues(FILE *out, FILE *err, bool json)
{
	static const char *const names[NX_NFQA_STATS_MAX + 1] = {
		[NX_NFQA_STATS_PORTID]		= "listener",
		[NX_NFQA_STATS_TOTAL]		= "waiting",
		[NX_NFQA_STATS_MAXLEN]		= "maxlen",
		[NX_NFQA_STATS_DROPPED]		= "dropped",
		[NX_NFQA_STATS_USER_DROPPED]	= "user-dropped",
		[NX_NFQA_STATS_FAILOPEN]	= "fail-open",
		[NX_NFQA_STATS_ID_SEQUENCE]	= "last-id",
	};
	struct qlist l = { 0 };
	size_t i;
	int rc, t;

	rc = dump(&l);
	if (rc < 0) {
		fprintf(err, "Error: cannot list queues: %s%s\n", strerror(-rc),
			rc == -EINVAL || rc == -EOPNOTSUPP ?
			" (this kernel has no NFQNL_MSG_STATS)" : "");
		free(l.q);
		return -1;
	}
	qsort(l.q, l.n, sizeof(*l.q), by_num);
	if (json)
		fputs("{\"nftables\": [", out);
	for (i = 0; i < l.n; i++) {
		if (json) {
			fprintf(out, "%s{\"queue\": {\"num\": %u", i ? ", " : "",
				l.q[i].num);
			for (t = 1; t <= NX_NFQA_STATS_MAX; t++)
				fprintf(out, ", \"%s\": %u", names[t],
					l.q[i].v[t]);
			fputs("}}", out);
			continue;
		}
		fprintf(out, "queue %u", l.q[i].num);
		for (t = 1; t <= NX_NFQA_STATS_MAX; t++)
			fprintf(out, " %s %u", names[t], l.q[i].v[t]);
		fputc('\n', out);
	}
	if (json)
		fputs("]}\n", out);
	free(l.q);
	return 0;
}
