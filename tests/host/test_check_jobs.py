# SPDX-License-Identifier: GPL-2.0-only
"""tests/check -n: which kernel each shell testcase runs on in make check.
Testcases marked "# nftx-check: base-kernel" go to the shell-base shards
(the base kernel), the others to the shell shards (the debug kernel);
CHECK_DEBUG_ONLY=1 puts every one on the debug kernel."""

import glob
import os
import subprocess
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CASES = os.path.join(TOP, "tests", "shell", "testcases")


def all_testcases():
    """every executable testcase, and whether it is marked"""
    marked, unmarked = set(), set()
    for path in glob.glob(os.path.join(CASES, "*", "*")):
        if not os.path.isfile(path) or not os.access(path, os.X_OK):
            continue
        rel = os.path.relpath(path, TOP)
        with open(path, encoding="utf-8", errors="replace") as f:
            head = [next(f, "") for _ in range(20)]
        if any(l.startswith("# nftx-check: base-kernel") for l in head):
            marked.add(rel)
        else:
            unmarked.add(rel)
    return marked, unmarked


def jobs(env=None, suites=("shell",)):
    """tests/check -n SUITES: {job name: [testcases]}"""
    with tempfile.TemporaryDirectory() as logs:
        e = dict(os.environ, CHECK_LOGS=logs)
        e.pop("CHECK_DEBUG_ONLY", None)
        e.update(env or {})
        out = subprocess.run([os.path.join(TOP, "tests", "check"), "-n"] +
                             list(suites), env=e, cwd=TOP, check=True,
                             capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 2 and f[0].isdigit():
            res[f[1]] = f[2:]
    return res


def by_kernel(res):
    base, debug = [], []
    for name, files in res.items():
        (base if name.startswith("shell-base.") else debug).extend(files)
        assert name.startswith("shell.") or name.startswith("shell-base."), name
    return base, debug


def test_marked_testcases_run_on_the_base_kernel():
    marked, unmarked = all_testcases()
    assert marked and unmarked
    base, debug = by_kernel(jobs())
    assert sorted(base) == sorted(marked)
    assert sorted(debug) == sorted(unmarked)


def test_check_debug_only_runs_everything_on_the_debug_kernel():
    marked, unmarked = all_testcases()
    base, debug = by_kernel(jobs({"CHECK_DEBUG_ONLY": "1"}))
    assert base == []
    assert sorted(debug) == sorted(marked | unmarked)


def test_every_testcase_runs_once_in_some_shard():
    res = jobs({"SHELL_SHARDS": "3", "SHELL_BASE_SHARDS": "1"})
    files = [f for v in res.values() for f in v]
    assert len(files) == len(set(files))
    assert len([n for n in res if n.startswith("shell-base.")]) == 1
    assert len([n for n in res if n.startswith("shell.")]) <= 3


def test_make_check_runs_every_suite():
    """tests/check with no suite named lists every suite's job, the shell
    suite as its shards, each with a cost"""
    res = jobs(suites=())
    names = set(res)
    for s in ("host", "py", "nftx", "diff", "demo", "selftests",
              "selftests-base", "valgrind"):
        assert s in names, s
    assert any(n.startswith("shell.") for n in names)
    assert any(n.startswith("shell-base.") for n in names)


def test_every_suite_has_a_committed_cost():
    """tests/check-times has a measured cost for every suite, so that a
    fresh clone's lanes are balanced (60 s is only the fallback)"""
    with open(os.path.join(TOP, "tests", "check-times")) as f:
        keys = {l.split()[0] for l in f if l.strip() and not l.startswith("#")}
    for s in ("host", "py", "nftx", "diff", "demo", "selftests",
              "selftests-base", "valgrind"):
        assert s in keys, s
