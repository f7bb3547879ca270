// SPDX-License-Identifier: GPL-2.0-only
/*
 * nfq-slow - a deliberately slow NFQUEUE listener, to overload a queue.
 *
 *   nfq-slow [-q QUEUE] [-l MAXLEN] [-d USEC] [-b RCVBUF] [-o] [-c COUNT]
 *            [-s SNAPLEN] [-p PIDFILE]
 *
 * Binds QUEUE (default 0), sets its length to MAXLEN (default 1024), and
 * accepts every packet after sleeping USEC microseconds (default 0).
 * -b shrinks the socket's receive buffer to RCVBUF bytes (the "listener
 * cannot take the packet" case), -o sets the listener's own fail-open flag
 * (NFQA_CFG_F_FAIL_OPEN), -c exits after COUNT verdicts, -s sets how many
 * bytes of each packet the kernel copies to the listener (default 128; 0:
 * the whole packet, as an IPS such as Suricata asks for).  SIGUSR1 stops
 * reading the socket (a stalled listener), SIGUSR2 resumes.  On exit it
 * prints "verdicts N".
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <libnetfilter_queue/libnetfilter_queue.h>

static volatile sig_atomic_t stalled, stop;
static unsigned long verdicts, delay_us, max_count;

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		stalled = 1;
	else if (sig == SIGUSR2)
		stalled = 0;
	else
		stop = 1;
}

static int on_packet(struct nfq_q_handle *qh, struct nfgenmsg *msg,
		     struct nfq_data *nfa, void *data)
{
	struct nfqnl_msg_packet_hdr *ph = nfq_get_msg_packet_hdr(nfa);
	uint32_t id = ph ? ntohl(ph->packet_id) : 0;

	(void)msg;
	(void)data;
	if (delay_us)
		usleep(delay_us);
	verdicts++;
	if (max_count && verdicts >= max_count)
		stop = 1;
	return nfq_set_verdict(qh, id, NF_ACCEPT, 0, NULL);
}

static void usage(void)
{
	fprintf(stderr, "usage: nfq-slow [-q QUEUE] [-l MAXLEN] [-d USEC] [-b RCVBUF] [-o] [-c COUNT] [-s SNAPLEN] [-p PIDFILE]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned int queue = 0, maxlen = 1024, rcvbuf = 0, snaplen = 128;
	const char *pidfile = NULL;
	struct nfq_q_handle *qh;
	struct nfq_handle *h;
	bool fail_open = false;
	struct sigaction sa;
	char buf[65536 + 4096];
	int fd, opt, n;

	while ((opt = getopt(argc, argv, "q:l:d:b:oc:s:p:")) != -1) {
		switch (opt) {
		case 'q': queue = strtoul(optarg, NULL, 0); break;
		case 'l': maxlen = strtoul(optarg, NULL, 0); break;
		case 'd': delay_us = strtoul(optarg, NULL, 0); break;
		case 'b': rcvbuf = strtoul(optarg, NULL, 0); break;
		case 'o': fail_open = true; break;
		case 'c': max_count = strtoul(optarg, NULL, 0); break;
		case 's': snaplen = strtoul(optarg, NULL, 0); break;
		case 'p': pidfile = optarg; break;
		default: usage();
		}
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	h = nfq_open();
	if (!h) {
		perror("nfq_open");
		return 1;
	}
	qh = nfq_create_queue(h, queue, on_packet, NULL);
	if (!qh) {
		perror("nfq_create_queue");
		return 1;
	}
	if (nfq_set_mode(qh, NFQNL_COPY_PACKET, snaplen ? snaplen : 0xffff) < 0 ||
	    nfq_set_queue_maxlen(qh, maxlen) < 0) {
		perror("nfq_set_mode/maxlen");
		return 1;
	}
	if (fail_open &&
	    nfq_set_queue_flags(qh, NFQA_CFG_F_FAIL_OPEN, NFQA_CFG_F_FAIL_OPEN) < 0) {
		perror("nfq_set_queue_flags");
		return 1;
	}
	fd = nfq_fd(h);
	if (rcvbuf && setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)) < 0) {
		perror("SO_RCVBUFFORCE");
		return 1;
	}
	if (pidfile) {
		FILE *f = fopen(pidfile, "w");

		if (!f) {
			perror(pidfile);
			return 1;
		}
		fprintf(f, "%d\n", getpid());
		fclose(f);
	}

	while (!stop) {
		if (stalled) {
			pause();
			continue;
		}
		n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS)	/* we fell behind: messages lost */
				continue;
			perror("recv");
			break;
		}
		nfq_handle_packet(h, buf, n);
	}

	printf("verdicts %lu\n", verdicts);
	nfq_destroy_queue(qh);
	nfq_close(h);
	return 0;
}
