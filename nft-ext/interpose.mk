# SPDX-License-Identifier: GPL-2.0-only
# interpose.mk - the interposition layer of nftx (interpose.c and the files
# it uses): sources, generated files, unit tests.  Included by
# nft-ext/Makefile.
#
# Objects go to $(OBJDIR) (build/nft-ext); "make check-asan" builds the
# unit tests again in $(OBJDIR)-asan with -fsanitize=address,undefined.

NX_DIR		:= $(dir $(lastword $(MAKEFILE_LIST)))
BUILD		?= $(abspath $(NX_DIR)../build)
OBJDIR		?= $(BUILD)/nft-ext
NFTNL_EXT	?= $(abspath $(NX_DIR)../libnftnl-ext)
NFTNL_EXT_O	?= $(BUILD)/libnftnl-ext
NFTNL_EXT_LIB	:= $(NFTNL_EXT_O)/libnftnl-ext.a
SANFLAGS	?=

NX_SRCS		:= interpose.c lower.c marker.c objstats.c output.c json.c \
		   probe.c queues.c xalloc.c
NX_CFLAGS	:= -D_GNU_SOURCE -I$(NX_DIR) -I$(OBJDIR) -I$(NFTNL_EXT)/include
NX_LIBS		:= $(NFTNL_EXT_LIB) -lnftables -lnftnl -lmnl -ljansson -ldl

CC		?= gcc
NX_WARN		:= -Wall -Wextra -Werror
NX_CC		= $(CC) -O2 -g $(NX_WARN) $(NX_CFLAGS) $(SANFLAGS) $(CFLAGS)

NX_OBJS		:= $(patsubst %.c,$(OBJDIR)/%.o,$(NX_SRCS)) \
		   $(OBJDIR)/scanner.o $(OBJDIR)/parser.o

$(OBJDIR)/parser.c $(OBJDIR)/parser.h: $(NX_DIR)parser.y
	@mkdir -p $(OBJDIR)
	bison -Wall -o $(OBJDIR)/parser.c --defines=$(OBJDIR)/parser.h $<

$(OBJDIR)/scanner.c: $(NX_DIR)scanner.l
	@mkdir -p $(OBJDIR)
	flex -o $@ $<

$(OBJDIR)/%.o: $(NX_DIR)%.c $(wildcard $(NX_DIR)*.h) $(OBJDIR)/parser.h
	@mkdir -p $(OBJDIR)
	$(NX_CC) -c -o $@ $<

$(OBJDIR)/scanner.o $(OBJDIR)/parser.o: $(OBJDIR)/%.o: $(OBJDIR)/%.c
	$(NX_CC) -c -o $@ $<

# the unit tests and the driver of the interposition tests
NX_TESTS	:= $(OBJDIR)/test-lower $(OBJDIR)/test-hooks

# the harness is libnftnl-ext's (tests/test.h)
$(OBJDIR)/test-%: $(NX_DIR)tests/test-%.c $(NFTNL_EXT)/tests/test.h $(NX_OBJS) \
		  $(NFTNL_EXT_LIB)
	$(NX_CC) -I$(NFTNL_EXT)/tests -o $@ $< $(NX_OBJS) $(NX_LIBS)

$(OBJDIR)/nftx-drv: $(NX_DIR)tests/drv.c $(NX_OBJS) $(NFTNL_EXT_LIB)
	$(NX_CC) -o $@ $< $(NX_OBJS) $(NX_LIBS)

.PHONY: unit-tests interpose-check interpose-drv
interpose-drv: $(OBJDIR)/nftx-drv

unit-tests: $(NX_TESTS)
	@$(NFTNL_EXT)/tests/run-tests --prefix $(notdir $(OBJDIR))/ -- $(NX_TESTS)

interpose-check: unit-tests $(OBJDIR)/nftx-drv
	NFTX_DRV=$(OBJDIR)/nftx-drv $(NX_DIR)tests/run-interpose-tests
