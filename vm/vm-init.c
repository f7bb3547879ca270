// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest init for vm/vm-run (built static by vm-run into build/vm-init).
 *
 * The host's root is mounted read-only over 9p.  Give the guest fresh
 * /tmp, /run and /var, mount the control share and the writable shares
 * that vm-run asked for, run the command vm-run prepared with its stdout
 * and stderr on two virtio serial ports, optionally scan for leaks, hand
 * back the exit status and end the VM.  Written in C because every
 * process started under TCG costs a fifth of a second.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <poll.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define CTL "/run/nftx-ctl"
#define P9OPTS "trans=virtio,version=9p2000.L,msize=524288"

static void warn(const char *what, const char *arg)
{
	dprintf(2, "vm-init: %s %s: %s\n", what, arg, strerror(errno));
}

static void mkdir_p(const char *path)
{
	char buf[4096];
	char *p;

	snprintf(buf, sizeof(buf), "%s", path);
	for (p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		mkdir(buf, 0755);
		*p = '/';
	}
	mkdir(buf, 0755);
}

static void mnt(const char *src, const char *dst, const char *type,
		const char *opts)
{
	mkdir(dst, 0755);
	if (mount(src, dst, type, 0, opts))
		warn("cannot mount", dst);
}

static int put(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int ret = 0;

	if (fd < 0)
		return -1;
	if (write(fd, s, strlen(s)) < 0) {
		warn("cannot write", path);
		ret = -1;
	}
	close(fd);
	return ret;
}

static char *get(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	buf[0] = 0;
	if (fd < 0)
		return buf;
	n = read(fd, buf, len - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return buf;
}

/* the value of KEY=VALUE in the setup file vm-run wrote */
static char *setting(const char *setup, const char *key, char *out,
		     size_t len)
{
	const char *p = setup;
	size_t kl = strlen(key);

	out[0] = 0;
	while (p && *p) {
		if (!strncmp(p, key, kl) && p[kl] == '=') {
			const char *v = p + kl + 1;
			size_t n = strcspn(v, "\n");

			if (*v == '\'' && n >= 2 && v[n - 1] == '\'') {
				v++;
				n -= 2;
			}
			if (n >= len)
				n = len - 1;
			memcpy(out, v, n);
			out[n] = 0;
			return out;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return out;
}

static void port_paths(char *out, char *err, size_t len)
{
	DIR *d = opendir("/sys/class/virtio-ports");
	struct dirent *e;
	char path[512], name[64];

	snprintf(out, len, "/dev/null");
	snprintf(err, len, "/dev/null");
	if (!d)
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/sys/class/virtio-ports/%s/name",
			 e->d_name);
		get(path, name, sizeof(name));
		if (!strcmp(name, "nftx.stdout"))
			snprintf(out, len, "/dev/%s", e->d_name);
		else if (!strcmp(name, "nftx.stderr"))
			snprintf(err, len, "/dev/%s", e->d_name);
	}
	closedir(d);
}

static void redirect(int fd, const char *path, int flags)
{
	int n = open(path, flags);

	if (n < 0) {
		warn("cannot open", path);
		return;
	}
	dup2(n, fd);
	if (n != fd)
		close(n);
}

static void loopback_up(void)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0)
		return;
	if (!ioctl(fd, SIOCGIFFLAGS, &ifr)) {
		ifr.ifr_flags |= IFF_UP;
		ioctl(fd, SIOCSIFFLAGS, &ifr);
	}
	close(fd);
}

static int run(int interactive)
{
	char out[300], err[300];
	int status;
	pid_t pid;

	port_paths(out, err, sizeof(out));
	if (!interactive && (!strcmp(out, "/dev/null") ||
			     !strcmp(err, "/dev/null"))) {
		dprintf(2, "vm-init: no virtio ports for stdout/stderr\n");
		return 125;
	}
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "/bin/bash", CTL "/cmd", NULL };

		if (interactive) {
			setsid();
			redirect(0, "/dev/ttyS0", O_RDWR);
			ioctl(0, TIOCSCTTY, 1);
			dup2(0, 1);
			dup2(0, 2);
		} else {
			redirect(0, "/dev/null", O_RDONLY);
			redirect(1, out, O_WRONLY);
			redirect(2, err, O_WRONLY);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0)
		return 125;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

/*
 * The console only shows messages up to loglevel 4 (printing to the
 * emulated UART is slow); warnings (WARN, lockdep, RCU) are below that.
 * A child copies every kernel log record to the control share, where
 * vm-run and klog-check read it.  It stops when it sees our end marker.
 */
#define KMSG_END "nftx-vm-init: end of run"

static pid_t kmsg_copier(void)
{
	char buf[8192];
	int in, out;
	pid_t pid;
	ssize_t n;

	pid = fork();
	if (pid != 0)
		return pid;
	in = open("/dev/kmsg", O_RDONLY);
	out = open(CTL "/kmsg", O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (in < 0 || out < 0)
		_exit(1);
	for (;;) {
		n = read(in, buf, sizeof(buf) - 1);
		if (n < 0) {
			if (errno == EPIPE || errno == EINTR)
				continue;	/* records lost to wrap-around */
			_exit(1);
		}
		if (write(out, buf, n) != n)
			_exit(1);
		buf[n] = 0;
		if (strstr(buf, KMSG_END))
			_exit(0);
	}
}

static void kmsg_finish(pid_t pid)
{
	int i, status;

	put("/dev/kmsg", KMSG_END "\n");
	for (i = 0; i < 100; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return;
		usleep(50000);
	}
	kill(pid, SIGKILL);
}

static void kmemleak_scan(void)
{
	const char *km = "/sys/kernel/debug/kmemleak";
	char buf[4096];
	int fd, con;
	ssize_t n;

	/* objects younger than 5 s are never reported: wait, scan twice */
	sleep(6);
	if (access(km, W_OK) || put(km, "scan") || put(km, "scan")) {
		put("/dev/kmsg", "nftx-vm-init: kmemleak scan failed\n");
		return;
	}
	fd = open(km, O_RDONLY);
	con = open("/dev/console", O_WRONLY);
	while (fd >= 0 && con >= 0 && (n = read(fd, buf, sizeof(buf))) > 0)
		if (write(con, buf, n) != n)
			break;
	if (fd >= 0)
		close(fd);
	if (con >= 0)
		close(con);
}

int main(void)
{
	char setup[8192], shares[4096], val[32], rc[16];
	char *tok, *save;
	pid_t copier;
	int status;

	setenv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", 1);
	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	/* what udev would have made */
	if (symlink("/proc/self/fd", "/dev/fd") ||
	    symlink("/proc/self/fd/0", "/dev/stdin") ||
	    symlink("/proc/self/fd/1", "/dev/stdout") ||
	    symlink("/proc/self/fd/2", "/dev/stderr"))
		warn("cannot link", "/dev/fd");
	mnt("devpts", "/dev/pts", "devpts", "gid=5,mode=620,ptmxmode=666");
	mnt("shm", "/dev/shm", "tmpfs", "mode=1777");
	mount("run", "/run", "tmpfs", 0, "mode=755");
	mount("tmp", "/tmp", "tmpfs", 0, "mode=1777");
	mount("var", "/var", "tmpfs", 0, "mode=755");
	mkdir("/var/tmp", 01777);
	chmod("/var/tmp", 01777);
	mkdir("/var/lib", 0755);
	mkdir("/var/log", 0755);
	mkdir("/var/cache", 0755);
	mkdir("/run/lock", 0755);
	if (symlink("/run", "/var/run") || symlink("/run/lock", "/var/lock"))
		warn("cannot link", "/var/run");
	mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL);
	mount("cgroup2", "/sys/fs/cgroup", "cgroup2", 0, NULL);
	put("/proc/sys/kernel/hostname", "nftx-guest");

	mnt("nftxctl", CTL, "9p", P9OPTS);
	put(CTL "/started", "");
	{
		int fd = open(CTL "/setup", O_RDONLY);
		ssize_t n = fd >= 0 ? read(fd, setup, sizeof(setup) - 1) : 0;

		setup[n > 0 ? n : 0] = 0;
		if (fd >= 0)
			close(fd);
	}
	/* no RTC on the microvm machine: take the host's clock */
	{
		struct timeval tv = {
			.tv_sec = atol(setting(setup, "NFTX_TIME", val,
					       sizeof(val))),
		};

		char up[64];

		/* the host's clock when vm-run started, plus our boot time */
		tv.tv_sec += atol(get("/proc/uptime", up, sizeof(up)));
		if (tv.tv_sec > 1000000)
			settimeofday(&tv, NULL);
	}
	setting(setup, "NFTX_SHARES", shares, sizeof(shares));
	for (tok = strtok_r(shares, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(tok, '=');

		if (!eq)
			continue;
		*eq = 0;
		mkdir_p(eq + 1);
		if (mount(tok, eq + 1, "9p", 0, P9OPTS))
			warn("cannot mount", eq + 1);
	}

	loopback_up();
	copier = kmsg_copier();
	status = run(atoi(setting(setup, "NFTX_INTERACTIVE", val,
				  sizeof(val))));
	if (atoi(setting(setup, "NFTX_KMEMLEAK", val, sizeof(val))))
		kmemleak_scan();
	if (copier > 0)
		kmsg_finish(copier);
	snprintf(rc, sizeof(rc), "%d\n", status);
	put(CTL "/rc", rc);
	sync();
	/* QEMU runs with -no-reboot: a restart ends it */
	reboot(RB_AUTOBOOT);
	return 0;
}
