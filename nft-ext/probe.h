/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * probe.h - does the running kernel have what a new statement needs?
 */
#ifndef _NFTX_PROBE_H_
#define _NFTX_PROBE_H_

#include "marker.h"

/* 1: the kernel accepts a rule with the expression of kind
 * (NX_K_SEQADJ, NX_K_QUEUE_FO, NX_K_SYNPROXY with ecn), 0: it refuses
 * it, -1: the probe could not tell.  The answer is kept for the life of
 * the process.  Tests may point it elsewhere.
 */
extern int (*nx_kernel_has)(enum nx_kind kind);

#endif
