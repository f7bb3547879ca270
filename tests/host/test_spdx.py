# SPDX-License-Identifier: GPL-2.0-only
"""Every tracked source file names its licence with an SPDX line near its
top, one identifier per component (COPYING says which, and which files
are exempt)."""

import fnmatch
import os
import re
import subprocess

import pytest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CACHE = os.environ.get("NFTX_CACHE", os.path.join(
    os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
    "nftx"))
SPDX = re.compile(r"SPDX-License-Identifier: ([A-Za-z0-9.+-]+)")

# data a comment would change, and what is not code (see COPYING)
EXEMPT = [
    "COPYING", "*.md", "*.png", ".gitignore", "*/.gitignore",
    "kernel/patches/*.patch", "kernel/series", "kernel/config/*.config",
    "tests/py/*/*.t.payload*", "tests/py/*/*.t.json*",
    "tests/shell/testcases/*/dumps/*.nft",
    "tests/shell/testcases/reliability/corpus/*",
    "tests/diff/corpus/*",
]
# the component of a path, and the identifier it must carry (None: one
# identifier, whichever, for the whole component)
COMPONENTS = [("kernel/", "upstream"), ("libnftnl-ext/", None), ("", "GPL-2.0-only")]


def tracked():
    out = subprocess.run(["git", "ls-files", "-z"], cwd=TOP, check=True,
                         capture_output=True).stdout.decode()
    return [p for p in out.split("\0") if p]


def sources(files=None):
    return [p for p in (files if files is not None else tracked())
            if not any(fnmatch.fnmatch(p, e) for e in EXEMPT)]


def identifier(path):
    """the SPDX identifier in the first 3 lines of TOP/path, or None"""
    try:
        with open(os.path.join(TOP, path), encoding="utf-8",
                  errors="replace") as f:
            head = [next(f, "") for _ in range(3)]
    except (IsADirectoryError, FileNotFoundError):
        return None
    for line in head:
        m = SPDX.search(line)
        if m:
            return m.group(1)
    return None


def component(path):
    return next(c for c in COMPONENTS if path.startswith(c[0]))


def test_exemptions_cover_only_data():
    """the exemption list leaves the code in: no script, C file, Python
    file or Makefile is exempt"""
    exempt = set(tracked()) - set(sources())
    code = [p for p in exempt
            if re.search(r"\.(c|h|py|sh|y|l|mk)$|(^|/)Makefile$", p)]
    assert code == []


def test_every_source_file_has_an_spdx_line():
    files = sources()
    assert len(files) > 100
    missing = [p for p in files if identifier(p) is None]
    assert missing == [], "no SPDX-License-Identifier line in the first " \
        "3 lines of: %s" % ", ".join(missing)


def test_the_check_sees_a_file_without_one(tmp_path):
    (tmp_path / "x.sh").write_text("#!/bin/sh\necho hi\n")
    global TOP
    saved, TOP = TOP, str(tmp_path)
    try:
        assert identifier("x.sh") is None
        (tmp_path / "x.sh").write_text(
            "#!/bin/sh\n# SPDX-License-Identifier: GPL-2.0-only\n")
        assert identifier("x.sh") == "GPL-2.0-only"
    finally:
        TOP = saved
    assert sources(["a.c", "tests/diff/corpus/x.nft", "README.md"]) == ["a.c"]


def test_one_identifier_per_component():
    seen = {}
    wrong = []
    for p in sources():
        prefix, want = component(p)
        got = identifier(p)
        if got is None or want == "upstream":
            continue
        if want is None:
            seen.setdefault(prefix, set()).add(got)
        elif got != want:
            wrong.append("%s: %s, want %s" % (p, got, want))
    assert wrong == []
    for prefix, ids in seen.items():
        assert len(ids) == 1, "%s mixes %s" % (prefix, sorted(ids))


def upstream_usual(pristine, rel):
    """the identifier most of upstream's files of rel's kind (extension)
    carry in rel's directory: GPL-2.0-only for net/netfilter/*.c, GPL-2.0
    for the netfilter selftests"""
    d = os.path.join(pristine, os.path.dirname(rel))
    ext = os.path.splitext(rel)[1]
    count = {}
    for name in os.listdir(d) if os.path.isdir(d) else []:
        if os.path.splitext(name)[1] != ext:
            continue
        with open(os.path.join(d, name), errors="replace") as f:
            m = SPDX.search(f.readline() + f.readline())
        if m:
            count[m.group(1)] = count.get(m.group(1), 0) + 1
    return max(count, key=count.get) if count else "GPL-2.0-only"


def test_kernel_files_carry_upstreams_identifier():
    """kernel/tree/PATH replacing upstream's PATH keeps its identifier; a
    new file carries the one upstream's files of its kind carry beside it
    (a new nft_*.c GPL-2.0-only, a new selftest GPL-2.0)"""
    pristine = os.path.join(CACHE, "pristine")
    if not os.path.isfile(os.path.join(pristine, "Makefile")):
        pytest.skip("no pristine 6.12 tree in %s (make kernel)" % pristine)
    wrong = []
    for p in sources():
        if not p.startswith("kernel/tree/"):
            continue
        rel = p[len("kernel/tree/"):]
        up = os.path.join(pristine, rel)
        if os.path.exists(up):
            with open(up, errors="replace") as f:
                m = SPDX.search(f.readline())
            want = m.group(1) if m else None
        else:
            want = upstream_usual(pristine, rel)
        if identifier(p) != want:
            wrong.append("%s: %s, upstream's %s" % (p, identifier(p), want))
    assert wrong == []
