# SPDX-License-Identifier: GPL-2.0-only
"""scripts/export-patches turns kernel/ (a series of patches plus files of
our own) into a git format-patch series that applies to pristine 6.12."""

import os
import subprocess
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CACHE = os.environ.get("NFTX_CACHE", os.path.join(
    os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
    "nftx"))
PRISTINE = os.path.join(CACHE, "pristine")

PATCH = """From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: nftx test <test@nftx.invalid>
Date: Mon, 23 Nov 2026 12:00:00 +0000
Subject: [PATCH] netfilter: test: add a test file to the build

A test of the export: hook a new file into net/netfilter/Makefile.

Signed-off-by: nftx test <test@nftx.invalid>
---
 net/netfilter/Makefile | 1 +
 1 file changed, 1 insertion(+)

diff --git a/net/netfilter/Makefile b/net/netfilter/Makefile
--- a/net/netfilter/Makefile
+++ b/net/netfilter/Makefile
@@ -1,4 +1,5 @@
 # SPDX-License-Identifier: GPL-2.0
+# nftx export test
"""


def export_one(d, kdir):
    """run export-patches on kdir into d/out; expect one patch: (out, its
    name in a list, its text)"""
    out = os.path.join(d, "out")
    env = dict(os.environ, NFTX_KDIR=kdir, NFTX_PATCH_OUT=out)
    subprocess.run([os.path.join(TOP, "scripts", "export-patches")],
                   env=env, check=True)
    pats = sorted(p for p in os.listdir(out) if p.endswith(".patch"))
    assert len(pats) == 1
    return out, pats, open(os.path.join(out, pats[0])).read()


def test_export_applies_to_pristine():
    assert os.path.isfile(os.path.join(PRISTINE, "Makefile")), \
        "run make kernel first"
    with open(os.path.join(PRISTINE, "net/netfilter/Makefile")) as f:
        head = f.read().splitlines()[1:4]
    patch = PATCH + "".join(" %s\n" % line for line in head) + "-- \n2.39.5\n"
    with tempfile.TemporaryDirectory() as d:
        kdir = os.path.join(d, "kernel")
        os.makedirs(os.path.join(kdir, "patches"))
        os.makedirs(os.path.join(kdir, "tree/net/netfilter"))
        os.makedirs(os.path.join(kdir, "config"))
        with open(os.path.join(kdir, "patches", "0001-test.patch"), "w") as f:
            f.write(patch)
        with open(os.path.join(kdir, "tree/net/netfilter/nftx_test.c"),
                  "w") as f:
            f.write("// SPDX-License-Identifier: GPL-2.0\n")
        with open(os.path.join(kdir, "config", "base.config"), "w") as f:
            f.write("CONFIG_NET=y\n")
        with open(os.path.join(kdir, "series"), "w") as f:
            f.write("# test series\n0001-test.patch\n"
                    "\t+net/netfilter/nftx_test.c\n")
        out, pats, text = export_one(d, kdir)
        assert "Subject: [PATCH] netfilter: test: add a test file" in text
        assert "Signed-off-by: nftx test" in text
        assert "net/netfilter/nftx_test.c" in text
        assert open(os.path.join(out, "series")).read().strip() == pats[0]
        # applies with patch -p1 to a copy of the touched pristine files
        tree = os.path.join(d, "linux")
        os.makedirs(os.path.join(tree, "net/netfilter"))
        subprocess.run(["cp", os.path.join(PRISTINE, "net/netfilter/Makefile"),
                        os.path.join(tree, "net/netfilter/")], check=True)
        subprocess.run(["patch", "-p1", "-s", "-i",
                        os.path.join(out, pats[0])], cwd=tree, check=True)
        assert os.path.exists(os.path.join(tree, "net/netfilter/nftx_test.c"))
        assert "# nftx export test" in open(
            os.path.join(tree, "net/netfilter/Makefile")).read()


def test_unlisted_file_is_refused():
    with tempfile.TemporaryDirectory() as d:
        kdir = os.path.join(d, "kernel")
        os.makedirs(os.path.join(kdir, "tree/net"))
        open(os.path.join(kdir, "tree/net/orphan.c"), "w").close()
        open(os.path.join(kdir, "series"), "w").close()
        env = dict(os.environ, NFTX_KDIR=kdir,
                   NFTX_PATCH_OUT=os.path.join(d, "out"))
        p = subprocess.run([os.path.join(TOP, "scripts", "export-patches")],
                           env=env, stderr=subprocess.PIPE, text=True)
        assert p.returncode != 0
        assert "orphan.c" in p.stderr


REPLACED = "net/netfilter/nft_synproxy.c"
OURS = "// SPDX-License-Identifier: GPL-2.0\n/* nftx: ours, whole */\n"


def make_kdir(d, series, files):
    kdir = os.path.join(d, "kernel")
    os.makedirs(os.path.join(kdir, "patches"))
    os.makedirs(os.path.join(kdir, "config"))
    with open(os.path.join(kdir, "config", "base.config"), "w") as f:
        f.write("CONFIG_NET=y\n")
    for path, text in files.items():
        full = os.path.join(kdir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)
    with open(os.path.join(kdir, "series"), "w") as f:
        f.write(series)
    return kdir


def test_export_replaces_upstream_file():
    """A kernel/tree file with the name of an upstream file replaces it:
    the series must apply to pristine 6.12, where that file exists."""
    assert os.path.isfile(os.path.join(PRISTINE, REPLACED)), \
        "run make kernel first"
    with open(os.path.join(PRISTINE, "net/netfilter/Makefile")) as f:
        head = f.read().splitlines()[1:4]
    patch = PATCH + "".join(" %s\n" % line for line in head) + "-- \n2.39.5\n"
    with tempfile.TemporaryDirectory() as d:
        kdir = make_kdir(d, "0001-test.patch\n\t+%s\n" % REPLACED, {
            "patches/0001-test.patch": patch, "tree/" + REPLACED: OURS})
        out, pats, text = export_one(d, kdir)
        # a change of the upstream file, not the creation of a new one
        assert "--- a/%s" % REPLACED in text
        assert "new file mode" not in text
        # patch -p1 on a copy of the pristine files it touches
        tree = os.path.join(d, "linux")
        os.makedirs(os.path.join(tree, "net/netfilter"))
        for f in ("net/netfilter/Makefile", REPLACED):
            subprocess.run(["cp", os.path.join(PRISTINE, f),
                            os.path.join(tree, f)], check=True)
        subprocess.run(["patch", "-p1", "-s", "-i",
                        os.path.join(out, pats[0])], cwd=tree, check=True)
        assert open(os.path.join(tree, REPLACED)).read() == OURS
        # git am on a repository holding the pristine files
        subprocess.run(["git", "init", "-q"], cwd=tree, check=True)
        subprocess.run(["git", "checkout", "-q", "--", "."], cwd=tree)
        for f in ("net/netfilter/Makefile", REPLACED):
            subprocess.run(["cp", os.path.join(PRISTINE, f),
                            os.path.join(tree, f)], check=True)
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@invalid"]
        subprocess.run(git + ["add", "-A"], cwd=tree, check=True)
        subprocess.run(git + ["commit", "-q", "-m", "pristine"], cwd=tree,
                       check=True)
        subprocess.run(git + ["am", "-q", os.path.join(out, pats[0])],
                       cwd=tree, check=True)
        assert open(os.path.join(tree, REPLACED)).read() == OURS


def test_patch_changing_replaced_file_is_refused():
    """A patch may not change a file that kernel/tree replaces whole: the
    kernel build would silently drop its change."""
    patch = PATCH.replace("net/netfilter/Makefile", REPLACED)
    with tempfile.TemporaryDirectory() as d:
        kdir = make_kdir(d, "0001-test.patch\n\t+%s\n" % REPLACED, {
            "patches/0001-test.patch": patch + "-- \n2.39.5\n",
            "tree/" + REPLACED: OURS})
        env = dict(os.environ, NFTX_KDIR=kdir,
                   NFTX_PATCH_OUT=os.path.join(d, "out"))
        p = subprocess.run([os.path.join(TOP, "scripts", "export-patches")],
                           env=env, stderr=subprocess.PIPE, text=True)
        assert p.returncode != 0
        assert "replaces whole" in p.stderr
