# SPDX-License-Identifier: GPL-2.0-only
# nftx - new nf_tables expressions for Linux 6.12, and the nft that speaks them.
#
#   make demo     install, build, boot the guest, show nftx on real traffic
#   make check    build what is missing, run every test suite
#
# See README.md.

SHELL := /bin/bash
TOP := $(CURDIR)
KFLAVOR ?= debug
KERNEL := $(TOP)/build/bzImage-$(KFLAVOR)
CACHE ?= $(or $(NFTX_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/nftx)
export NFTX_KERNEL := $(KERNEL)

.PHONY: all deps nftx install kernel kernel-base kernel-pristine selftests-build helpers check check-debug check-host \
	check-guest demo bench soak shell kernel-patches kernel-patches-check clean help

PREFIX ?= /usr/local

# "make" builds nftx (build/nftx); "make help" lists the other targets
all: nftx

help:
	@echo "make demo            install, build, boot the guest and show nftx working"
	@echo "make check           run every test suite (builds what is missing)"
	@echo "make check-debug     make check with every shell testcase on the debug kernel"
	@echo "make deps            install the Debian packages the project needs (apt-get;"
	@echo "                     demo, check, kernel, bench and soak run it first)"
	@echo "make / make nftx     build nftx (build/nftx), the nft that speaks the new statements"
	@echo "                     (only builds: the -dev packages must be there, see make deps)"
	@echo "make install         install nftx, nftx(8) and libnftnl-ext under PREFIX (/usr/local)"
	@echo "make kernel          build the guest kernel (KFLAVOR=debug|base)"
	@echo "make shell           a root shell in the guest"
	@echo "make kernel-patches  export kernel/ as two format-patch series: build/patches/nf, build/patches/nf-next"
	@echo "make kernel-patches-check  apply both series to pristine 6.12 with git am, build after each patch, checkpatch"
	@echo "make bench           run the benchmarks in the guest, write bench/report.md"
	@echo "make soak            the long reliability runs (netlink fuzzing, faults with traffic, leak check) in the debug guest"

# the Debian packages (apt-get); demo, check, kernel, bench and soak call it,
# a plain "make" (nftx) does not
deps:
	@scripts/deps

# nftx: nft 1.0.6's command line on the installed libnftables, plus the new
# statements (nft-ext/, libnftnl-ext/)
nftx:
	@$(MAKE) -s -C nft-ext

install: nftx
	@$(MAKE) -s -C nft-ext install PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)

kernel: deps
	@scripts/kbuild $(KFLAVOR)

# upstream's netfilter selftests and their helpers, built from the same tree
selftests-build: kernel
	@scripts/selftests-build

# the base kernel (no debug options) runs nft_queue.sh: see tests/check
kernel-base: deps
	@scripts/kbuild base

# Debian's 6.12 without kernel/ (base fragment): upstream's side of the
# synproxy flood benchmark
kernel-pristine: deps
	@scripts/kbuild pristine

# small programs the tests run in the guest (tests/shell/helpers/*.c)
helpers:
	@$(MAKE) -s -C tests/shell/helpers O=$(TOP)/build

check: deps nftx kernel kernel-base selftests-build helpers
	@tests/check

# make check with every shell testcase on the debug kernel, the long
# traffic scenarios included (make check runs those on the base kernel)
check-debug: deps nftx kernel kernel-base selftests-build helpers
	@CHECK_DEBUG_ONLY=1 tests/check

# benchmarks in the guest on the base kernel; writes bench/report.md
bench: deps nftx kernel-base kernel-pristine helpers
	@bench/run

# the long reliability runs (netlink fuzzing, many seeds) in the debug guest
soak: deps nftx kernel helpers
	@vm/vm-run --check-log --kmemleak --timeout 5400 -- tests/soak

demo: deps nftx kernel helpers
	@vm/vm-run --check-log --kmemleak --timeout 900 -- demo/run

shell: kernel
	@vm/vm-run --interactive --timeout 86400

kernel-patches: deps
	@scripts/export-patches

# not part of make check: one build per patch (about 20-40 minutes)
kernel-patches-check: kernel-base
	@scripts/kernel-patches-check

clean:
	rm -rf build
	@$(MAKE) -s -C nft-ext clean
	@$(MAKE) -s -C libnftnl-ext clean
