// SPDX-License-Identifier: GPL-2.0
/*
 * nf_queue_mangle - an NFQUEUE listener that changes the length of a TCP
 * payload, as an application-level gateway does.
 *
 *   nf_queue_mangle [-q QUEUE] [-c COUNT] [-t SECONDS] FROM TO
 *
 * Accepts every packet of QUEUE.  In the first COUNT (default 1) TCP
 * segments that hold FROM, its first occurrence becomes TO; the IP length
 * and the checksums are fixed, and the verdict carries an empty NFQA_CT,
 * which asks the kernel to record the length change in the connection's
 * sequence adjustment.  Exits after SECONDS (default 30), or on SIGTERM,
 * printing "mangled N".
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <libmnl/libmnl.h>
#include <linux/types.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>

#define MAX_PKT		0xffff

static sig_atomic_t stop;
static unsigned int queue_num, max_mangle = 1, mangled;
static const char *from, *to;
static size_t from_len, to_len;
static struct mnl_socket *nl;

static void on_signal(int sig)
{
	stop = 1;
}

static __u32 csum_add(__u32 sum, const void *data, size_t len)
{
	const __u8 *p = data;

	while (len > 1) {
		sum += (p[0] << 8) | p[1];
		p += 2;
		len -= 2;
	}
	if (len)
		sum += p[0] << 8;
	return sum;
}

static __u16 csum_fold(__u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

/* rewrite FROM into TO in the TCP payload of pkt: the new length, or 0 */
static size_t mangle(__u8 *pkt, size_t len)
{
	size_t l3len, l4len, thlen, plen, off, newlen;
	__u8 *th, *payload, *hit = NULL;
	__u32 sum = 0;
	__u16 csum;
	__u8 proto;

	if (len < 20)
		return 0;
	if ((pkt[0] >> 4) == 4) {
		l3len = (pkt[0] & 0xf) * 4;
		proto = pkt[9];
	} else if ((pkt[0] >> 4) == 6 && len >= 40) {
		l3len = 40;	/* no extension headers in this test */
		proto = pkt[6];
	} else {
		return 0;
	}
	if (proto != IPPROTO_TCP || len < l3len + 20)
		return 0;
	th = pkt + l3len;
	thlen = (th[12] >> 4) * 4;
	if (len < l3len + thlen)
		return 0;
	payload = th + thlen;
	plen = len - l3len - thlen;
	for (off = 0; off + from_len <= plen; off++) {
		if (!memcmp(payload + off, from, from_len)) {
			hit = payload + off;
			break;
		}
	}
	if (!hit)
		return 0;
	newlen = len - from_len + to_len;
	if (newlen > MAX_PKT)
		return 0;
	memmove(hit + to_len, hit + from_len, plen - off - from_len);
	memcpy(hit, to, to_len);
	l4len = newlen - l3len;

	if ((pkt[0] >> 4) == 4) {
		pkt[2] = newlen >> 8;
		pkt[3] = newlen & 0xff;
		pkt[10] = 0;
		pkt[11] = 0;
		csum = csum_fold(csum_add(0, pkt, l3len));
		memcpy(pkt + 10, &csum, 2);
		sum = csum_add(sum, pkt + 12, 8);
	} else {
		pkt[4] = l4len >> 8;
		pkt[5] = l4len & 0xff;
		sum = csum_add(sum, pkt + 8, 32);
	}
	sum += IPPROTO_TCP + l4len;
	th[16] = 0;
	th[17] = 0;
	csum = csum_fold(csum_add(sum, th, l4len));
	memcpy(th + 16, &csum, 2);
	return newlen;
}

static struct nlmsghdr *nfq_hdr_put(char *buf, int type, __u16 family)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct nfgenmsg *nfg;

	nlh->nlmsg_type = (NFNL_SUBSYS_QUEUE << 8) | type;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	nfg = mnl_nlmsg_put_extra_header(nlh, sizeof(*nfg));
	nfg->nfgen_family = family;
	nfg->version = NFNETLINK_V0;
	nfg->res_id = htons(queue_num);
	return nlh;
}

static int on_packet(const struct nlmsghdr *nlh, void *data)
{
	static __u8 pkt[MAX_PKT];
	static char buf[8192 + MAX_PKT];
	struct nfqnl_msg_verdict_hdr vh;
	struct nfqnl_msg_packet_hdr *ph = NULL;
	struct nlattr *a, *payload = NULL;
	size_t len = 0, newlen = 0;
	struct nlmsghdr *out;
	struct nlattr *nest;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg)) {
		if (mnl_attr_get_type(a) == NFQA_PACKET_HDR)
			ph = mnl_attr_get_payload(a);
		else if (mnl_attr_get_type(a) == NFQA_PAYLOAD)
			payload = a;
	}
	if (!ph)
		return MNL_CB_ERROR;
	if (payload && mangled < max_mangle) {
		len = mnl_attr_get_payload_len(payload);
		if (len + to_len <= MAX_PKT) {
			memcpy(pkt, mnl_attr_get_payload(payload), len);
			newlen = mangle(pkt, len);
		}
	}
	out = nfq_hdr_put(buf, NFQNL_MSG_VERDICT, AF_UNSPEC);
	vh.verdict = htonl(NF_ACCEPT);
	vh.id = ph->packet_id;
	mnl_attr_put(out, NFQA_VERDICT_HDR, sizeof(vh), &vh);
	if (newlen) {
		mangled++;
		mnl_attr_put(out, NFQA_PAYLOAD, newlen, pkt);
		nest = mnl_attr_nest_start(out, NFQA_CT);
		mnl_attr_nest_end(out, nest);
	}
	if (mnl_socket_sendto(nl, out, out->nlmsg_len) < 0)
		return MNL_CB_ERROR;
	return MNL_CB_OK;
}

static int config(__u8 cmd)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nfqnl_msg_config_params params = {
		.copy_range = htonl(MAX_PKT),
		.copy_mode = NFQNL_COPY_PACKET,
	};
	struct nfqnl_msg_config_cmd c = { .command = cmd };
	struct nlmsghdr *nlh;

	nlh = nfq_hdr_put(buf, NFQNL_MSG_CONFIG, AF_UNSPEC);
	mnl_attr_put(nlh, NFQA_CFG_CMD, sizeof(c), &c);
	if (cmd == NFQNL_CFG_CMD_BIND)
		mnl_attr_put(nlh, NFQA_CFG_PARAMS, sizeof(params), &params);
	return mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	static char buf[8192 + MAX_PKT];
	unsigned int timeout = 30;
	struct sigaction sa;
	int opt, one = 1;
	ssize_t n;

	while ((opt = getopt(argc, argv, "q:c:t:")) != -1) {
		switch (opt) {
		case 'q':
			queue_num = atoi(optarg);
			break;
		case 'c':
			max_mangle = atoi(optarg);
			break;
		case 't':
			timeout = atoi(optarg);
			break;
		default:
			return 2;
		}
	}
	if (argc - optind != 2 || !argv[optind][0]) {
		fprintf(stderr, "usage: %s [-q QUEUE] [-c COUNT] [-t SECONDS] FROM TO\n",
			argv[0]);
		return 2;
	}
	from = argv[optind];
	to = argv[optind + 1];
	from_len = strlen(from);
	to_len = strlen(to);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: recv sees EINTR */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	alarm(timeout);

	nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("netlink");
		return 1;
	}
	mnl_socket_setsockopt(nl, NETLINK_NO_ENOBUFS, &one, sizeof(one));
	if (config(NFQNL_CFG_CMD_BIND) < 0) {
		perror("bind queue");
		return 1;
	}
	while (!stop) {
		n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("recv");
			return 1;
		}
		if (mnl_cb_run(buf, n, 0, mnl_socket_get_portid(nl),
			       on_packet, NULL) < 0) {
			perror("verdict");
			return 1;
		}
	}
	config(NFQNL_CFG_CMD_UNBIND);
	mnl_socket_close(nl);
	printf("mangled %u\n", mangled);
	return 0;
}
