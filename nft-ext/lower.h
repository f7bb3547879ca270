/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lower.h - turn nftx input (text or JSON) into stock nft input plus
 * markers, and map locations in the lowered text back to the original.
 */
#ifndef _NFTX_LOWER_H_
#define _NFTX_LOWER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "marker.h"

/* tokens of the lowering scanner (scanner.l) */
enum nxl_type {
	NXL_EOF = 0,
	NXL_NL,
	NXL_SEMI,
	NXL_LBRACE,
	NXL_RBRACE,
	NXL_LPAREN,
	NXL_RPAREN,
	NXL_COMMA,
	NXL_DASH,
	NXL_WORD,
	NXL_NUM,
	NXL_STRING,	/* "quoted" */
	NXL_VAR,	/* $name */
	NXL_AT,		/* @name */
	NXL_OTHER,
};

struct nxl_token {
	enum nxl_type	type;
	size_t		off;	/* byte offset in the input */
	size_t		len;
};

/* scanner.l: tokenize a whole input; the last token is NXL_EOF */
int nxl_tokenize(const char *text, size_t len, struct nxl_token **toks,
		 size_t *ntoks);

/* one replaced region: original [or_start, or_end) became lowered
 * [lo_start, lo_end)
 */
struct nx_edit {
	size_t		or_start, or_end;
	size_t		lo_start, lo_end;
	int		err;	/* >= 0: a poison standing for errs[err] */
};

/* a statement that needs the nftx kernel patches: what it needs and
 * where it is in the original text (0, 0 in JSON)
 */
struct nx_needs {
	enum nx_kind	kind;	/* NX_K_SEQADJ, NX_K_QUEUE_FO, NX_K_SYNPROXY */
	size_t		or_start, or_end;
};

/* an error nftx found in the input, reported like nft does */
struct nx_error {
	char		*msg;
	size_t		or_start, or_end;	/* what to underline */
};

struct nx_source {
	char		*name;		/* file name; NULL for a buffer */
	char		*orig;
	size_t		orig_len;
	char		*low;		/* == orig when nothing changed */
	size_t		low_len;
	struct nx_edit	*edits;
	size_t		nedits, edits_size;
	struct nx_error	*errs;
	size_t		nerrs;
	size_t		*orig_lines, *low_lines;	/* line start offsets */
	size_t		norig_lines, nlow_lines;
	struct nx_needs	*needs;		/* its statements that use new syntax */
	size_t		nneeds;
	bool		json;
	bool		monitor;	/* it has a "monitor" command */
	bool		changed;
	int		fd;		/* interpose.c: a memfd of low, or -1 */
};

enum nx_lower_flags {
	NX_LOWER_BUFFER	= (1 << 0),	/* libnftables appends "\n" */
	NX_LOWER_JSON	= (1 << 1),	/* try JSON first (-j) */
	NX_LOWER_NOOPT	= (1 << 2),	/* -o: new statements are errors */
};

/* what a "reset rules ..." or "reset synproxy ..." command asks for: the
 * command is lowered to the listing that shows it ("list chain ...",
 * "list synproxy ..."), and interpose.c makes that listing reset what it
 * reports (one reset command per run, nothing else in it).
 */
enum nx_reset_obj {
	NX_RESET_OBJ_NONE = 0,
	NX_RESET_OBJ_ONE,	/* reset synproxy [FAMILY] TABLE NAME */
	NX_RESET_OBJ_ALL,	/* reset synproxys [table [FAMILY] TABLE] */
};

struct nx_reset {
	bool			rules;	/* reset rules ... */
	enum nx_reset_obj	obj;
	int			family;	/* NFPROTO_*; -1 for every family */
	char			table[256];	/* "" for every table */
	char			name[256];
};

extern struct nx_reset nx_reset_req;

/* lower text; never fails (on errors, poisons the lowered text) */
struct nx_source *nx_lower(const char *name, const char *text, size_t len,
			   unsigned int flags);
void nx_source_free(struct nx_source *src);
/* record a statement that needs our kernel */
void nx_source_add_needs(struct nx_source *src, enum nx_kind kind,
			 size_t start, size_t end);
/* record an error (msg is taken over) about original bytes [start, end);
 * returns its index in src->errs
 */
int nx_source_add_error(struct nx_source *src, char *msg, size_t start,
			size_t end);

/* json.c: false if the text is not JSON */
bool nx_lower_json(struct nx_source *src, bool noopt);

/* variables: "define NAME = VALUE" and -D NAME=VALUE */
void nx_define(const char *name, size_t nlen, const char *value,
	       size_t vlen);
void nx_undefine(const char *name, size_t nlen);
const char *nx_lookup(const char *name, size_t nlen);
void nx_defines_reset(void);

/* location mapping */
size_t nx_lo_to_or(const struct nx_source *src, size_t lo, bool end);
/* 1-based line/column <-> byte offset */
size_t nx_line_off(const size_t *lines, size_t nlines, unsigned int line);
unsigned int nx_off_line(const size_t *lines, size_t nlines, size_t off);
/* the edit whose lowered range contains lo, or NULL */
const struct nx_edit *nx_edit_at(const struct nx_source *src, size_t lo);
bool nx_line_changed(const struct nx_source *src, unsigned int line);

/* a caret line under line: marks holds " ", "^" or "~" per column */
void nx_caret_line(FILE *f, const char *line, size_t linelen,
		   const char *marks, size_t n);

/* our own error messages, nft's layout */
void nx_print_error(FILE *f, const struct nx_source *src,
		    const struct nx_error *err);

#define NX_POISON	"`"

#endif
