// SPDX-License-Identifier: GPL-2.0-only
/*
 * nfq-mangle - an NFQUEUE listener that rewrites TCP payloads, changing
 * their length, the way an IPS or an application-level gateway does.
 *
 *   nfq-mangle [-q QUEUE] [-c COUNT] [-p PIDFILE] FROM TO
 *
 * Binds QUEUE (default 0) and accepts every packet.  In the first COUNT
 * (default 1) TCP segments whose payload holds the string FROM, the first
 * occurrence is replaced by TO (IPv4 and IPv6; lengths and checksums are
 * fixed up by libnetfilter_queue).  A changed packet goes back with its
 * new payload and an (empty) NFQA_CT attribute, which is what asks the
 * kernel to record the length change as a sequence adjustment on the
 * packet's connection.  On SIGTERM/SIGINT it prints "mangled N packets M".
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/tcp.h>
#include <libmnl/libmnl.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <libnetfilter_queue/libnetfilter_queue_ipv4.h>
#include <libnetfilter_queue/libnetfilter_queue_ipv6.h>
#include <libnetfilter_queue/libnetfilter_queue_tcp.h>
#include <libnetfilter_queue/pktbuff.h>

static volatile sig_atomic_t stop;
static unsigned long packets, mangled, max_mangle = 1;
static const char *from, *to;
static size_t from_len, to_len;
static unsigned int queue_num;
static struct mnl_socket *nl;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void *memfind(const void *hay, size_t hlen, const void *needle,
		     size_t nlen)
{
	const char *h = hay;
	size_t i;

	if (!nlen || hlen < nlen)
		return NULL;
	for (i = 0; i + nlen <= hlen; i++)
		if (!memcmp(h + i, needle, nlen))
			return (void *)(h + i);
	return NULL;
}

/* rewrite FROM into TO in pktb's TCP payload: 1 if done, 0 if not there */
static int mangle(struct pkt_buff *pktb, int family)
{
	unsigned int plen, off;
	struct tcphdr *th;
	char *payload, *hit;

	if (family == AF_INET) {
		struct iphdr *iph = nfq_ip_get_hdr(pktb);

		if (!iph || iph->protocol != IPPROTO_TCP ||
		    nfq_ip_set_transport_header(pktb, iph) < 0)
			return 0;
	} else {
		struct ip6_hdr *ip6h = nfq_ip6_get_hdr(pktb);

		if (!ip6h || nfq_ip6_set_transport_header(pktb, ip6h,
							  IPPROTO_TCP) < 0)
			return 0;
	}
	th = nfq_tcp_get_hdr(pktb);
	if (!th)
		return 0;
	payload = nfq_tcp_get_payload(th, pktb);
	plen = nfq_tcp_get_payload_len(th, pktb);
	if (!payload || !plen)
		return 0;
	hit = memfind(payload, plen, from, from_len);
	if (!hit)
		return 0;
	off = hit - payload;
	if (family == AF_INET)
		return nfq_tcp_mangle_ipv4(pktb, off, from_len, to, to_len) > 0;
	return nfq_tcp_mangle_ipv6(pktb, off, from_len, to, to_len) > 0;
}

static int verdict(uint32_t id, struct pkt_buff *pktb)
{
	char buf[MNL_SOCKET_BUFFER_SIZE + 0xffff];
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	nlh = nfq_nlmsg_put(buf, NFQNL_MSG_VERDICT, queue_num);
	nfq_nlmsg_verdict_put(nlh, id, NF_ACCEPT);
	if (pktb) {
		nfq_nlmsg_verdict_put_pkt(nlh, pktb_data(pktb), pktb_len(pktb));
		nest = mnl_attr_nest_start(nlh, NFQA_CT);
		mnl_attr_nest_end(nlh, nest);
	}
	return mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0 ? MNL_CB_ERROR :
								 MNL_CB_OK;
}

static int on_packet(const struct nlmsghdr *nlh, void *data)
{
	struct nfgenmsg *nfg = mnl_nlmsg_get_payload(nlh);
	struct nlattr *attr[NFQA_MAX + 1] = { NULL };
	struct nfqnl_msg_packet_hdr *ph;
	struct pkt_buff *pktb = NULL;
	int family, rc;
	uint32_t id;

	(void)data;
	if (nfq_nlmsg_parse(nlh, attr) < 0 || !attr[NFQA_PACKET_HDR])
		return MNL_CB_ERROR;
	ph = mnl_attr_get_payload(attr[NFQA_PACKET_HDR]);
	id = ntohl(ph->packet_id);
	packets++;
	family = nfg->nfgen_family == NFPROTO_IPV6 ? AF_INET6 : AF_INET;
	if (mangled < max_mangle && attr[NFQA_PAYLOAD]) {
		pktb = pktb_alloc(family, mnl_attr_get_payload(attr[NFQA_PAYLOAD]),
				  mnl_attr_get_payload_len(attr[NFQA_PAYLOAD]),
				  to_len > from_len ? to_len - from_len : 0);
		if (pktb && mangle(pktb, family)) {
			mangled++;
		} else if (pktb) {
			pktb_free(pktb);
			pktb = NULL;
		}
	}
	rc = verdict(id, pktb);
	if (pktb)
		pktb_free(pktb);
	return rc;
}

static int config(uint8_t cmd)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;

	nlh = nfq_nlmsg_put(buf, NFQNL_MSG_CONFIG, queue_num);
	nfq_nlmsg_cfg_put_cmd(nlh, AF_INET, cmd);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return -1;
	if (cmd != NFQNL_CFG_CMD_BIND)
		return 0;
	nlh = nfq_nlmsg_put(buf, NFQNL_MSG_CONFIG, queue_num);
	nfq_nlmsg_cfg_put_params(nlh, NFQNL_COPY_PACKET, 0xffff);
	return mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0 ? -1 : 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: nfq-mangle [-q QUEUE] [-c COUNT] [-p PIDFILE] FROM TO\n");
	exit(2);
}

int main(int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE + 0xffff];
	const char *pidfile = NULL;
	struct sigaction sa;
	int opt, one = 1;
	ssize_t n;

	while ((opt = getopt(argc, argv, "q:c:p:")) != -1) {
		switch (opt) {
		case 'q':
			queue_num = strtoul(optarg, NULL, 0);
			break;
		case 'c':
			max_mangle = strtoul(optarg, NULL, 0);
			break;
		case 'p':
			pidfile = optarg;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2)
		usage();
	from = argv[optind];
	to = argv[optind + 1];
	from_len = strlen(from);
	to_len = strlen(to);
	if (!from_len)
		usage();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: recv returns EINTR */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("nfq-mangle: netlink");
		return 1;
	}
	/* a full socket buffer must not end the listener */
	mnl_socket_setsockopt(nl, NETLINK_NO_ENOBUFS, &one, sizeof(one));
	if (config(NFQNL_CFG_CMD_BIND) < 0) {
		perror("nfq-mangle: bind queue");
		return 1;
	}
	if (pidfile) {
		FILE *f = fopen(pidfile, "w");

		if (f) {
			fprintf(f, "%d\n", getpid());
			fclose(f);
		}
	}
	while (!stop) {
		n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR || errno == ENOBUFS)
				continue;
			perror("nfq-mangle: recv");
			break;
		}
		if (mnl_cb_run(buf, n, 0, mnl_socket_get_portid(nl),
			       on_packet, NULL) < 0 && errno != EINTR) {
			perror("nfq-mangle: verdict");
			break;
		}
	}
	config(NFQNL_CFG_CMD_UNBIND);
	mnl_socket_close(nl);
	printf("mangled %lu packets %lu\n", mangled, packets);
	return 0;
}
