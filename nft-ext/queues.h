/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * queues.h - "list queues" (queues.c).
 */
#ifndef NFTX_QUEUES_H
#define NFTX_QUEUES_H

#include <stdbool.h>
#include <stdio.h>

bool nx_is_list_queues(const char *buf);
int nx_list_queues(FILE *out, FILE *err, bool json);

#endif
