# SPDX-License-Identifier: GPL-2.0-only
"""Behaviour of vm/vm-run, checked on the host by booting the guest."""

import os
import subprocess
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
VMRUN = os.path.join(TOP, "vm", "vm-run")


def vm(args, cwd=TOP, env=None, timeout=300):
    e = dict(os.environ)
    e.update(env or {})
    if "--timeout" not in args:
        args = ["--timeout", "240"] + args
    return subprocess.run([VMRUN] + args, cwd=cwd, env=e, timeout=timeout,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)


def test_status_streams_env_and_mounts():
    with tempfile.TemporaryDirectory(dir=os.path.join(TOP, "build")) as d:
        script = r'''
            set -e
            echo "out:$(pwd)"
            echo "err:$NFTX_PROBE" >&2
            echo written > result                # checkout is writable
            touch /tmp/x /run/x /var/x            # fresh writable dirs
            [ ! -e "$HOST_TMP_FILE" ]             # /tmp is not the host's
            if touch /usr/nftx-probe 2>/dev/null; then exit 3; fi
            [ "$(id -u)" = 0 ]
            ip netns add probe && ip netns exec probe ip link show lo >/dev/null
            exit 7
        '''
        t0 = time.time()
        with tempfile.NamedTemporaryFile(dir="/tmp") as host_tmp:
            p = vm(["--", "bash", "-c", script], cwd=d,
                   env={"NFTX_PROBE": "it's here",
                        "HOST_TMP_FILE": host_tmp.name})
        took = time.time() - t0
        assert p.returncode == 7, p.stderr
        assert p.stdout.splitlines()[0] == "out:" + d
        assert "err:it's here" in p.stderr
        with open(os.path.join(d, "result")) as f:
            assert f.read() == "written\n"
        print("boot + command: %.1f s" % took)


def test_cwd_outside_checkout_is_writable():
    with tempfile.TemporaryDirectory() as d:
        p = vm(["--", "sh", "-c", "pwd; echo hi > f"], cwd=d)
        assert p.returncode == 0, p.stderr
        assert p.stdout.strip() == d
        assert open(os.path.join(d, "f")).read() == "hi\n"


def test_timeout_ends_the_run():
    t0 = time.time()
    p = vm(["--timeout", "40", "--", "sleep", "600"])
    took = time.time() - t0
    assert p.returncode == 124
    assert "timeout" in p.stderr
    assert took < 50


def test_guest_crash_is_reported():
    # a kernel panic leaves no exit status: vm-run says so, shows the console
    p = vm(["--", "sh", "-c", "echo c > /proc/sysrq-trigger; sleep 30"])
    assert p.returncode == 125
    assert "sysrq" in p.stderr.lower()


def test_check_log_sees_warnings():
    # a WARN is printed at KERN_WARNING, below the console's loglevel:
    # --check-log must still see it (vm-init copies /dev/kmsg)
    p = vm(["--check-log", "--", "sh", "-c",
            "echo '<4>WARNING: CPU: 1 PID: 1 at nftx-probe' > /dev/kmsg"])
    assert p.returncode == 1, p.stderr
    assert "nftx-probe" in p.stderr
    p = vm(["--check-log", "--", "true"])
    assert p.returncode == 0, p.stderr
