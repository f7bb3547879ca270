// SPDX-License-Identifier: GPL-2.0-only
/*
 * output.c - markers back to nftx statements in what libnftables prints.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <nftx/expr.h>

#include "marker.h"
#include "output.h"
#include "probe.h"
#include "xalloc.h"

#define LOG_PREFIX_TEXT	"log prefix \""

bool nx_starts(const char *s, const char *end, const char *p)
{
	size_t n = strlen(p);

	return (size_t)(end - s) >= n && !memcmp(s, p, n);
}

/* add fail-open to the last queue statement in out */
static bool fold_failopen(struct sbuf *out)
{
	const char *s = out->s ? out->s : "", *q = NULL, *p;
	size_t at;

	for (p = s; (p = strstr(p, "queue ")); p++) {
		if ((p == s || p[-1] == ' ' || p[-1] == '\t') &&
		    (!strncmp(p, "queue flags ", 12) ||
		     !strncmp(p, "queue to ", 9)))
			q = p;
	}
	if (!q)
		return false;
	if (!strncmp(q, "queue flags ", 12)) {
		const char *f = q + 12;

		at = f - s + strcspn(f, " ");
		sbuf_grow(out, 10);
		memmove(out->s + at + 10, out->s + at, out->len - at + 1);
		memcpy(out->s + at, ",fail-open", 10);
		out->len += 10;
	} else {
		at = q - s + 6;
		sbuf_grow(out, 16);
		memmove(out->s + at + 16, out->s + at, out->len - at + 1);
		memcpy(out->s + at, "flags fail-open ", 16);
		out->len += 16;
	}
	return true;
}

bool nx_xlate_line(const char *line, size_t len, struct sbuf *out)
{
	const size_t lp = strlen(LOG_PREFIX_TEXT);
	const char *end = line + len, *pos = line, *p;
	bool changed = false;
	char text[256];

	if (len && line[0] == '{') {
		if (!memmem(line, len, NFTX_MAGIC_STR, strlen(NFTX_MAGIC_STR)))
			return false;
		char *s = nx_json_xlate(line, len);

		if (!s)
			return false;
		sbuf_puts(out, s);
		free(s);
		return true;
	}
	if (!memmem(line, len, NFTX_LOG_PREFIX, strlen(NFTX_LOG_PREFIX)))
		return false;

	while ((p = memmem(pos, end - pos, LOG_PREFIX_TEXT NFTX_LOG_PREFIX,
			   lp + strlen(NFTX_LOG_PREFIX)))) {
		const char *q = p + lp, *mend;
		const struct nx_marker *m;
		size_t mlen;
		uint32_t id;

		id = nx_marker_parse_prefix(q, &mlen);
		m = id ? nx_marker_get(id) : NULL;
		if (!m || m->outgoing || q + mlen >= end || q[mlen] != '"') {
			sbuf_add(out, pos, q - pos);
			pos = q;
			continue;
		}
		mend = q + mlen + 1;
		switch (m->kind) {
		case NX_K_LOG_ESCAPE:
			sbuf_add(out, pos, q - pos);
			sbuf_puts(out, m->str);
			pos = q + mlen;
			break;
		case NX_K_SEQADJ:
		case NX_K_SYNPROXY:
			sbuf_add(out, pos, p - pos);
			nx_marker_text(m, text, sizeof(text));
			sbuf_puts(out, text);
			pos = mend;
			break;
		case NX_K_QUEUE_FO:
			/* "queue flags F to X log prefix ..." or
			 * "queue to X log prefix ...": the marker follows
			 * the queue statement
			 */
			sbuf_add(out, pos, p - pos);
			if (!fold_failopen(out)) {
				sbuf_add(out, p, mend - p);
			} else if (out->len && out->s[out->len - 1] == ' ') {
				out->s[--out->len] = '\0';
			}
			pos = mend;
			break;
		default:
			sbuf_add(out, pos, mend - pos);
			pos = mend;
			break;
		}
		changed = true;
	}
	if (!changed)
		return false;
	sbuf_add(out, pos, end - pos);
	return true;
}

static uint32_t parse_id(const char *s, const char *end, const char **after)
{
	uint64_t v = 0;
	const char *p = s;

	while (p < end && *p >= '0' && *p <= '9' && p - s < 10)
		v = v * 10 + (*p++ - '0');
	if (p == s || v > UINT32_MAX)
		return 0;
	*after = p;
	return v;
}

/* offset of the "]" that ends the line starting at off in out */
static size_t line_end_bracket(const struct sbuf *out, size_t off)
{
	const char *nl = memchr(out->s + off, '\n', out->len - off);
	size_t end = nl ? (size_t)(nl - out->s) : out->len;

	if (end > off && out->s[end - 1] == ']')
		return end - 1;
	return SIZE_MAX;
}

void nx_xlate_debug(const char *text, struct sbuf *out)
{
	static const char ctr[] = "  [ counter pkts " NFTX_MAGIC_STR " bytes ";
	static const char log[] = "  [ log prefix " NFTX_LOG_PREFIX;
	size_t last_queue = SIZE_MAX;
	const char *line = text;
	bool failopen = false;
	char buf[256];

	while (*line) {
		const char *eol = strchr(line, '\n');
		const char *end = eol ? eol : line + strlen(line);
		const char *next = eol ? eol + 1 : end;
		const struct nx_marker *m = NULL;
		const char *after = NULL;
		bool incoming = false;
		uint32_t id = 0;

		/* a rule being sent has counter markers (outgoing ids), a
		 * rule from the kernel log markers (incoming ids)
		 */
		if (nx_starts(line, end, ctr)) {
			id = parse_id(line + strlen(ctr), end, &after);
			if (id && nx_starts(after, end, " ]") && after + 2 == end)
				m = nx_marker_get(id);
			if (m && !m->outgoing)
				m = NULL;
		} else if (nx_starts(line, end, log)) {
			id = parse_id(line + strlen(log), end, &after);
			if (id && (*after == ' '))
				m = nx_marker_get(id);
			if (m && m->outgoing)
				m = NULL;
			incoming = true;
		}
		if (m) {
			switch (m->kind) {
			case NX_K_SEQADJ:
			case NX_K_SYNPROXY:
				nftx_expr_snprintf_full(buf, sizeof(buf),
							m->expr);
				sbuf_printf(out, "  %s", buf);
				sbuf_add(out, end, next - end);
				break;
			case NX_K_QUEUE_FO:
				if (!incoming) {
					/* the queue comes after it */
					failopen = true;
				} else if (last_queue != SIZE_MAX) {
					/* the queue came right before it */
					size_t at = line_end_bracket(out,
								     last_queue);

					if (at != SIZE_MAX) {
						sbuf_grow(out, 10);
						memmove(out->s + at + 10,
							out->s + at,
							out->len - at + 1);
						memcpy(out->s + at,
						       "fail-open ", 10);
						out->len += 10;
					}
					last_queue = SIZE_MAX;
				} else {
					sbuf_add(out, line, next - line);
				}
				break;
			case NX_K_LOG_ESCAPE:
				sbuf_puts(out, "  [ log prefix ");
				sbuf_puts(out, m->str);
				sbuf_add(out, after, next - after);
				break;
			default:
				sbuf_add(out, line, next - line);
				break;
			}
		} else if (failopen && nx_starts(line, end, "  [ queue ") &&
			   end - line >= 2 && end[-1] == ']') {
			sbuf_add(out, line, end - 1 - line);
			sbuf_puts(out, "fail-open ]");
			sbuf_add(out, end, next - end);
			failopen = false;
		} else {
			if (nx_starts(line, end, "  [ queue "))
				last_queue = out->len;
			else
				last_queue = SIZE_MAX;
			sbuf_add(out, line, next - line);
		}
		line = next;
	}
}

/* --- errors --- */

struct erec_hdr {
	bool		located;
	const char	*name;
	size_t		namelen;
	unsigned long	line, c1, c2;
	const char	*kind;		/* "Error: ..." part of the line */
};

static bool parse_num_back(const char *start, const char **p,
			   unsigned long *v)
{
	const char *e = *p;
	unsigned long x = 0, mul = 1;

	while (*p > start && (*p)[-1] >= '0' && (*p)[-1] <= '9') {
		(*p)--;
		x += ((**p) - '0') * mul;
		mul *= 10;
	}
	if (*p == e)
		return false;
	*v = x;
	return true;
}

static bool parse_header(const char *line, const char *end,
			 struct erec_hdr *h)
{
	static const char *const kinds[] = { "Error: ", "Warning: ", NULL };
	const char *k = NULL, *p;
	int i;

	memset(h, 0, sizeof(*h));
	for (i = 0; kinds[i]; i++) {
		if (nx_starts(line, end, kinds[i])) {
			h->kind = line;
			return true;
		}
	}
	for (i = 0; kinds[i] && !k; i++) {
		char pat[32];
		const char *s;

		snprintf(pat, sizeof(pat), ": %s", kinds[i]);
		s = memmem(line, end - line, pat, strlen(pat));
		if (s)
			k = s;
	}
	if (!k)
		return false;
	/* NAME:LINE:C1-C2 before k */
	p = k;
	if (!parse_num_back(line, &p, &h->c2) || p == line || *--p != '-')
		return false;
	if (!parse_num_back(line, &p, &h->c1) || p == line || *--p != ':')
		return false;
	if (!parse_num_back(line, &p, &h->line) || p == line || *--p != ':')
		return false;
	h->located = true;
	h->name = line;
	h->namelen = p - line;
	h->kind = k + 2;
	return true;
}

static bool is_caret_line(const char *s, const char *end)
{
	bool mark = false;

	if (s == end)
		return false;
	for (; s < end; s++) {
		if (*s == '^' || *s == '~')
			mark = true;
		else if (*s != ' ' && *s != '\t')
			return false;
	}
	return mark;
}

static struct nx_source *find_source(const struct nx_run_sources *rs,
				     const struct erec_hdr *h)
{
	size_t i;

	if (!h->located)
		return rs->buffer;
	for (i = 0; i < rs->nsrcs; i++) {
		struct nx_source *s = rs->srcs[i];

		if (s->name && strlen(s->name) == h->namelen &&
		    !memcmp(s->name, h->name, h->namelen))
			return s;
	}
	return NULL;
}

/* the poison error at lowered line/column (0-based column), if any */
static const struct nx_error *poison_at(const struct nx_source *src,
					unsigned int line, size_t col)
{
	size_t lo;
	const struct nx_edit *e;

	if (line == 0 || line > src->nlow_lines)
		return NULL;
	lo = src->low_lines[line - 1] + col;
	e = nx_edit_at(src, lo);
	if (e && e->err >= 0 && e->lo_start == lo)
		return &src->errs[e->err];
	return NULL;
}

static size_t map_col(const struct nx_source *src, unsigned int line,
		      size_t col, bool end)
{
	size_t lo = nx_line_off(src->low_lines, src->nlow_lines, line) + col;
	size_t or = nx_lo_to_or(src, lo, end);
	size_t ls = nx_line_off(src->orig_lines, src->norig_lines, line);

	return or >= ls ? or - ls : 0;
}

static void json_error(const struct nx_run_sources *rs, const char *line,
		       const char *end, FILE *out)
{
	const char *p = memmem(line, end - line, "'nftx-error-", 12);
	unsigned long idx = 0;
	const char *q;
	size_t i;

	if (p) {
		q = p + 12;
		while (q < end && *q >= '0' && *q <= '9')
			idx = idx * 10 + (*q++ - '0');
		for (i = 0; i < rs->nsrcs + 1; i++) {
			struct nx_source *s = i < rs->nsrcs ? rs->srcs[i] :
					      rs->buffer;
			const char *e;

			if (!s || !s->json || idx >= s->nerrs)
				continue;
			e = memmem(line, end - line, "Error: ", 7);
			if (!e)
				break;
			fprintf(out, "%.*s%s\n", (int)(e + 7 - line), line,
				s->errs[idx].msg);
			return;
		}
	}
	fprintf(out, "%.*s\n", (int)(end - line), line);
}

/* one error record of libnftables: a header line ("[FILE:LINE:C1-C2: ]
 * Error: ..."), then, most of the time, the quoted input line and a
 * caret line under it
 */
struct erec {
	struct erec_hdr	h;
	const char	*start, *hdr_end;	/* the header line */
	const char	*after_hdr;		/* the line after it */
	bool		have_lines;		/* quoted and caret lines */
	const char	*carets, *carets_end;
	const char	*next;			/* what follows the record */
};

static const char *line_end(const char *p, const char *end)
{
	const char *nl = p < end ? memchr(p, '\n', end - p) : NULL;

	return nl ? nl : end;
}

static const char *next_line(const char *p, const char *end)
{
	const char *e = line_end(p, end);

	return e < end ? e + 1 : end;
}

static bool erec_read(const char *p, const char *end, struct erec *r)
{
	const char *quote;

	r->start = p;
	r->hdr_end = line_end(p, end);
	r->after_hdr = next_line(p, end);
	if (!parse_header(p, r->hdr_end, &r->h))
		return false;
	quote = r->after_hdr;
	r->carets = next_line(quote, end);
	r->carets_end = line_end(r->carets, end);
	r->have_lines = quote < end && line_end(quote, end) < end &&
			is_caret_line(r->carets, r->carets_end);
	r->next = r->have_lines ? next_line(r->carets, end) : r->after_hdr;
	return true;
}

/* the column the record points at, in the lowered text (0-based) */
static size_t erec_col(const struct erec *r)
{
	const char *p;

	if (r->h.located && r->h.c1)
		return r->h.c1 - 1;
	if (!r->have_lines)
		return 0;
	/* the first "^", else the first "~" */
	p = memchr(r->carets, '^', r->carets_end - r->carets);
	if (!p)
		p = memchr(r->carets, '~', r->carets_end - r->carets);
	return p ? (size_t)(p - r->carets) : 0;
}

/* our error, if the record is nft refusing one of our poisons */
static const struct nx_error *erec_poison(const struct nx_source *src,
					  const struct erec *r,
					  unsigned int lline)
{
	const struct nx_error *perr = poison_at(src, lline, erec_col(r));
	unsigned int l;

	/* a buffer's error names no line: any line can hold it */
	for (l = 1; !perr && !r->h.located && l <= src->nlow_lines; l++)
		perr = poison_at(src, l, erec_col(r));
	return perr;
}

/* the header, its columns mapped back to the original line */
static void print_header(FILE *out, const struct nx_source *src,
			 const struct erec *r, unsigned int lline)
{
	const struct erec_hdr *h = &r->h;

	if (!h->located) {
		fprintf(out, "%.*s\n", (int)(r->hdr_end - r->start), r->start);
		return;
	}
	fprintf(out, "%.*s:%lu:%zu-%zu: %.*s\n", (int)h->namelen, h->name,
		h->line,
		map_col(src, lline, h->c1 ? h->c1 - 1 : 0, false) + 1,
		map_col(src, lline, h->c2 ? h->c2 - 1 : 0, true) + 1,
		(int)(r->hdr_end - h->kind), h->kind);
}

/* the original line nft would have quoted: a file's line, or a
 * buffer's first line whatever the line of the error (as nft does)
 */
static const char *quoted_line(const struct nx_source *src,
			       const struct erec *r, unsigned int lline,
			       size_t *len)
{
	size_t ls, le;

	if (!r->h.located) {
		*len = strcspn(src->orig, "\n");
		return src->orig;
	}
	ls = nx_line_off(src->orig_lines, src->norig_lines, lline);
	le = lline < src->norig_lines ? src->orig_lines[lline] - 1 :
	     src->orig_len;
	*len = le - ls;
	return src->orig + ls;
}

/* mark each run of ch in the lowered caret line c at its original
 * columns
 */
static void map_marks(const struct nx_source *src, unsigned int lline,
		      const char *c, size_t clen, char ch, char *marks)
{
	size_t i = 0, j, a, b;

	while (i < clen) {
		if (c[i] != ch) {
			i++;
			continue;
		}
		for (j = i; j + 1 < clen && c[j + 1] == ch; j++)
			;
		a = map_col(src, lline, i, false);
		b = map_col(src, lline, j, true);
		memset(marks + a, ch, (b > a ? b : a) - a + 1);
		i = j + 1;
	}
}

/* the caret line, mapped back to the original columns */
static void print_carets(FILE *out, const struct nx_source *src,
			 const struct erec *r, unsigned int lline,
			 const char *q, size_t qlen)
{
	size_t clen = r->carets_end - r->carets, n = qlen + 2, i;
	char *marks;

	for (i = 0; i < clen; i++) {
		size_t m = map_col(src, lline, i, true) + 1;

		if (m > n)
			n = m;
	}
	marks = xmalloc(n + 1);
	memset(marks, ' ', n);
	/* "~" runs first, so that "^" wins where they overlap */
	map_marks(src, lline, r->carets, clen, '~', marks);
	map_marks(src, lline, r->carets, clen, '^', marks);
	while (n > 0 && marks[n - 1] == ' ')
		n--;
	nx_caret_line(out, q, qlen, marks, n);
	free(marks);
}

/* --- a kernel without the nftx patches --- */

static const char *const needs_what[] = {
	[NX_K_SEQADJ]	= "has no 'seqadj' expression",
	[NX_K_QUEUE_FO]	= "has no 'queue ... fail-open'",
	[NX_K_SYNPROXY]	= "has no 'synproxy ... ecn'",
};

/* the kinds already reported in this run */
static unsigned int needs_told;

/* after nft's record: one line if the kernel lacks what kind needs */
static void tell_needs(FILE *out, enum nx_kind kind)
{
	if (needs_told & (1U << kind) || nx_kernel_has(kind) != 0)
		return;
	needs_told |= 1U << kind;
	fprintf(out, "nftx: the running kernel %s: it needs the nftx kernel patches (see README)\n",
		needs_what[kind]);
}

/* the kernel's answer to a rule, as libnftables words it: "Could not
 * process rule: ERROR", or for ENOENT sometimes a guess at the name meant
 * ("No such file or directory; did you mean chain ...")
 */
static bool kernel_refused_rule(const struct erec *r)
{
	static const char enoent[] = "Error: No such file or directory; ";

	return nx_starts(r->h.kind, r->hdr_end,
			 "Error: Could not process rule: ") ||
	       nx_starts(r->h.kind, r->hdr_end, enoent);
}

/* a rule the kernel refused, at one of our statements (the carets
 * reach into it): does the kernel have what the statement needs?
 */
static void check_needs(FILE *out, const struct nx_source *src,
			const struct erec *r, unsigned int lline)
{
	size_t ls = nx_line_off(src->orig_lines, src->norig_lines, lline);
	const char *c = r->carets, *first, *last;
	size_t clen = r->carets_end - c, a, b, i;

	if (!src->nneeds || !r->have_lines || !kernel_refused_rule(r))
		return;
	for (first = c; first < c + clen && *first != '^'; first++)
		;
	if (first == c + clen)
		return;
	for (last = c + clen - 1; *last != '^'; last--)
		;
	a = ls + map_col(src, lline, first - c, false);
	b = ls + map_col(src, lline, last - c, true);
	for (i = 0; i < src->nneeds; i++) {
		const struct nx_needs *n = &src->needs[i];

		if (n->or_start <= b && a < n->or_end)
			tell_needs(out, n->kind);
	}
}

/* JSON errors say nothing of where: every new statement of the JSON
 * input is a suspect
 */
static void check_needs_json(FILE *out, const struct nx_run_sources *rs,
			     const struct erec *r)
{
	size_t i, j;

	if (!kernel_refused_rule(r))
		return;
	for (i = 0; i <= rs->nsrcs; i++) {
		const struct nx_source *s = i < rs->nsrcs ? rs->srcs[i] :
					    rs->buffer;

		for (j = 0; s && s->json && j < s->nneeds; j++)
			tell_needs(out, s->needs[j].kind);
	}
}

/* a record about a source nftx lowered */
static void xlate_erec(FILE *out, const struct nx_source *src,
		       const struct erec *r)
{
	unsigned int lline = r->h.located ? r->h.line : 1;
	const struct nx_error *perr = erec_poison(src, r, lline);
	const char *q;
	size_t qlen;

	if (perr) {
		nx_print_error(out, src, perr);
		return;
	}
	print_header(out, src, r, lline);
	if (!r->have_lines)
		return;
	q = quoted_line(src, r, lline, &qlen);
	fprintf(out, "%.*s\n", (int)qlen, q);
	print_carets(out, src, r, lline, q, qlen);
	check_needs(out, src, r, lline);
}

void nx_xlate_errors(const char *text, size_t len,
		     const struct nx_run_sources *rs, FILE *out)
{
	const char *p = text, *end = text + len;
	struct nx_source *src;
	struct erec r;

	needs_told = 0;
	while (p < end) {
		if (!erec_read(p, end, &r)) {
			fwrite(p, 1, r.after_hdr - p, out);
			p = r.after_hdr;
		} else if (r.h.located && r.h.namelen == 8 &&
			   !memcmp(r.h.name, "internal", 8)) {
			json_error(rs, p, r.hdr_end, out);
			p = r.after_hdr;
			/* the empty line that ends nft's JSON record */
			if (p < end && *p == '\n')
				fputc(*p++, out);
			check_needs_json(out, rs, &r);
		} else {
			src = find_source(rs, &r.h);
			if (src && src->changed)
				xlate_erec(out, src, &r);
			else
				fwrite(p, 1, r.next - p, out);
			p = r.next;
		}
	}
}
