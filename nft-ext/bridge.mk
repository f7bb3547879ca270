# SPDX-License-Identifier: GPL-2.0-only
# bridge.mk - the nftx bridge: sources, generated files and its host tests.
# Included by nft-ext/Makefile; "make -f bridge.mk" works on its own too.

BRIDGE_DIR	:= $(dir $(lastword $(MAKEFILE_LIST)))
BRIDGE_OBJDIR	?= $(BRIDGE_DIR).obj-bridge
NFTNL_EXT	?= $(BRIDGE_DIR)../libnftnl-ext

BRIDGE_SRCS	:= bridge.c lower.c marker.c objstats.c output.c json.c queues.c
BRIDGE_GEN_SRCS	:= $(BRIDGE_OBJDIR)/scanner.c $(BRIDGE_OBJDIR)/parser.c
BRIDGE_CFLAGS	:= -D_GNU_SOURCE -I$(BRIDGE_DIR) -I$(BRIDGE_OBJDIR) \
		   -I$(NFTNL_EXT)/include
BRIDGE_LIBS	:= $(NFTNL_EXT)/libnftnl-ext.a -lnftables -lnftnl -lmnl \
		   -ljansson -ldl

CC		?= gcc
BRIDGE_WARN	:= -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare

BRIDGE_OBJS	:= $(patsubst %.c,$(BRIDGE_OBJDIR)/%.o,$(BRIDGE_SRCS)) \
		   $(BRIDGE_OBJDIR)/scanner.o $(BRIDGE_OBJDIR)/parser.o

$(BRIDGE_OBJDIR)/parser.c $(BRIDGE_OBJDIR)/parser.h: $(BRIDGE_DIR)parser.y
	@mkdir -p $(BRIDGE_OBJDIR)
	bison -Wall -o $(BRIDGE_OBJDIR)/parser.c --defines=$(BRIDGE_OBJDIR)/parser.h $<

$(BRIDGE_OBJDIR)/scanner.c: $(BRIDGE_DIR)scanner.l
	@mkdir -p $(BRIDGE_OBJDIR)
	flex -o $@ $<

$(BRIDGE_OBJDIR)/%.o: $(BRIDGE_DIR)%.c $(wildcard $(BRIDGE_DIR)*.h) $(BRIDGE_OBJDIR)/parser.h
	@mkdir -p $(BRIDGE_OBJDIR)
	$(CC) -O2 -g $(BRIDGE_WARN) $(BRIDGE_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BRIDGE_OBJDIR)/scanner.o: $(BRIDGE_OBJDIR)/scanner.c
	$(CC) -O2 -g -Wall $(BRIDGE_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BRIDGE_OBJDIR)/parser.o: $(BRIDGE_OBJDIR)/parser.c
	$(CC) -O2 -g -Wall $(BRIDGE_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BRIDGE_OBJDIR)/nftx-drv: $(BRIDGE_DIR)tests/drv.c $(BRIDGE_OBJS)
	$(CC) -O2 -g $(BRIDGE_WARN) $(BRIDGE_CFLAGS) -o $@ $^ $(BRIDGE_LIBS)

$(BRIDGE_OBJDIR)/test-lower: $(BRIDGE_DIR)tests/test-lower.c $(BRIDGE_OBJS)
	$(CC) -O2 -g $(BRIDGE_WARN) $(BRIDGE_CFLAGS) -o $@ $^ $(BRIDGE_LIBS)

$(BRIDGE_OBJDIR)/test-hooks: $(BRIDGE_DIR)tests/test-hooks.c $(BRIDGE_OBJS)
	$(CC) -O2 -g $(BRIDGE_WARN) $(BRIDGE_CFLAGS) -o $@ $^ $(BRIDGE_LIBS)

.PHONY: bridge-check bridge-drv
bridge-drv: $(BRIDGE_OBJDIR)/nftx-drv

bridge-check: $(BRIDGE_OBJDIR)/test-lower $(BRIDGE_OBJDIR)/test-hooks $(BRIDGE_OBJDIR)/nftx-drv
	$(BRIDGE_OBJDIR)/test-lower
	$(BRIDGE_OBJDIR)/test-hooks
	NFTX_DRV=$(BRIDGE_OBJDIR)/nftx-drv $(BRIDGE_DIR)tests/run-bridge-tests
