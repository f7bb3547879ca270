/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * parser.y - grammar of the statements nftx adds or extends:
 *
 *	seqadj [offset NUM | random]
 *	queue ... fail-open ...		(every form nft 1.0.6 knows)
 *	synproxy [mss NUM] [wscale NUM] [timestamp] [sack-perm] [ecn]
 *		 [syn-answered NUM cookie-valid NUM cookie-invalid NUM]
 *
 * It parses one statement starting at a given token and stops at the
 * first token that does not belong to it (YYACCEPT in the start rule).
 */
%define api.prefix {nxp_}
%define api.pure full
%define parse.error custom
%locations
%param { struct nxp_state *st }

%code requires {
#include "stmt.h"

typedef struct {
	size_t first, last;	/* token indices */
} NXP_LTYPE;
#define NXP_LTYPE_IS_DECLARED 1
}

%code {
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nftx/uapi.h>

#include "xalloc.h"

static int nxp_lex(NXP_STYPE *lval, NXP_LTYPE *lloc, struct nxp_state *st);
static void nxp_error(NXP_LTYPE *lloc, struct nxp_state *st, const char *s);
static void nxp_fail(struct nxp_state *st, size_t first, size_t last,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void nxp_fail_bytes(struct nxp_state *st, size_t start, size_t end,
			   const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int nxp_number(struct nxp_state *st, size_t tok, int64_t *val);
static bool sp_after_stats(struct nxp_state *st, size_t tok);

#define YYLLOC_DEFAULT(Cur, Rhs, N)					\
	do {								\
		if (N) {						\
			(Cur).first = YYRHSLOC(Rhs, 1).first;		\
			(Cur).last = YYRHSLOC(Rhs, N).last;		\
		} else {						\
			(Cur).first = (Cur).last =			\
				YYRHSLOC(Rhs, 0).last;			\
		}							\
	} while (0)
}

%token END
%token SEQADJ OFFSET RANDOM
%token QUEUE NUM FLAGS TO BYPASS FANOUT FAILOPEN
%token SYNPROXY MSS WSCALE TIMESTAMP SACKPERM ECN SPSTAT
%token NUMBER STRING QSTRING VARIABLE DASH COMMA OTHER

%%

start			:	stmt
			{
				st->last = @1.last;
				YYACCEPT;
			}
			;

stmt			:	seqadj_stmt
			|	queue_stmt
			|	synproxy_stmt
			;

seqadj_stmt		:	SEQADJ
			|	SEQADJ	OFFSET	seqadj_offset
			|	SEQADJ	RANDOM
			{
				st->random = true;
			}
			|	SEQADJ	RANDOM	OFFSET	seqadj_offset
			{
				nxp_fail(st, @2.first, @4.last,
					 "seqadj random and offset are mutually exclusive");
				YYABORT;
			}
			|	SEQADJ	OFFSET	seqadj_offset	RANDOM
			{
				nxp_fail(st, @2.first, @4.last,
					 "seqadj random and offset are mutually exclusive");
				YYABORT;
			}
			;

seqadj_offset		:	seqadj_value
			{
				int64_t v;

				if (nxp_number(st, @1.first, &v) < 0) {
					YYABORT;
				}
				if (v == 0) {
					nxp_fail(st, @0.first, @1.last,
						 "seqadj offset must not be 0");
					YYABORT;
				}
				if (v < INT32_MIN || v > INT32_MAX) {
					const struct nxl_token *t = &st->toks[@1.first];
					size_t len = t->len;

					/* as written: "-" and its number are two tokens */
					if (t->type == NXL_DASH)
						len = t[1].off + t[1].len - t->off;
					if (t->type == NXL_VAR)
						nxp_fail(st, @0.first, @1.last,
							 "seqadj offset %" PRId64 " out of range (%" PRId32 " to %" PRId32 ")",
							 v, INT32_MIN, INT32_MAX);
					else
						nxp_fail(st, @0.first, @1.last,
							 "seqadj offset %.*s out of range (%" PRId32 " to %" PRId32 ")",
							 (int)len, st->text + t->off,
							 INT32_MIN, INT32_MAX);
					YYABORT;
				}
				st->has_offset = true;
				st->offset = v;
			}
			;

seqadj_value		:	NUMBER
			|	VARIABLE
			;

queue_stmt		:	QUEUE	queue_args_opt
			|	QUEUE	queue_args	TO
			{
				nxp_fail(st, @3.first, @3.last,
					 "syntax error, unexpected to");
				YYABORT;
			}
			|	QUEUE	FLAGS	queue_flag_list	TO
			|	QUEUE	FLAGS	queue_flag_list	NUM	queue_num
			;

queue_args_opt		:	%empty
			|	queue_args
			;

queue_args		:	queue_arg
			|	queue_args	queue_arg
			;

queue_arg		:	NUM	queue_num
			|	queue_flag_list
			;

queue_flag_list		:	queue_flag
			|	queue_flag_list	COMMA	queue_flag
			;

queue_flag		:	BYPASS
			|	FANOUT
			|	FAILOPEN
			{
				if (st->failopen) {
					nxp_fail(st, @1.first, @1.last,
						 "queue flag fail-open specified more than once");
					YYABORT;
				}
				st->failopen = @1.first;
			}
			;

queue_num		:	queue_atom
			|	queue_atom	DASH	queue_atom
			;

queue_atom		:	NUMBER
			|	VARIABLE
			;

synproxy_stmt		:	SYNPROXY	synproxy_args_opt
			;

synproxy_args_opt	:	%empty
			|	synproxy_args
			;

synproxy_args		:	synproxy_arg
			|	synproxy_args	synproxy_arg
			;

synproxy_arg		:	MSS	NUMBER
			{
				int64_t v;

				if (sp_after_stats(st, @1.first))
					YYABORT;
				if (nxp_number(st, @2.first, &v) < 0)
					YYABORT;
				if (v < 0 || v > UINT16_MAX) {
					/* nft 1.0.6 would send its low 16 bits */
					st->sp_truncated = true;
					nxp_fail(st, @2.first, @2.last,
						 "Value %" PRId64 " exceeds valid range 0-65535", v);
					YYABORT;
				}
				st->mss = v;
				st->sp_flags |= NF_SYNPROXY_OPT_MSS;
			}
			|	WSCALE	NUMBER
			{
				int64_t v;

				if (sp_after_stats(st, @1.first))
					YYABORT;
				if (nxp_number(st, @2.first, &v) < 0)
					YYABORT;
				if (v < 0 || v > NFTX_SYNPROXY_WSCALE_MAX) {
					/* nft 1.0.6 would send its low 8 bits;
					 * 15-255 are the kernel's to refuse
					 */
					if (v > UINT8_MAX)
						st->sp_truncated = true;
					nxp_fail(st, @2.first, @2.last,
						 "Value %" PRId64 " exceeds valid range 0-%d",
						 v, NFTX_SYNPROXY_WSCALE_MAX);
					YYABORT;
				}
				st->wscale = v;
				st->sp_flags |= NF_SYNPROXY_OPT_WSCALE;
			}
			|	TIMESTAMP
			{
				if (sp_after_stats(st, @1.first))
					YYABORT;
				st->sp_flags |= NF_SYNPROXY_OPT_TIMESTAMP;
			}
			|	SACKPERM
			{
				if (sp_after_stats(st, @1.first))
					YYABORT;
				st->sp_flags |= NF_SYNPROXY_OPT_SACK_PERM;
			}
			|	ECN
			{
				if (sp_after_stats(st, @1.first))
					YYABORT;
				st->sp_flags |= NF_SYNPROXY_OPT_ECN;
				st->ecn = @1.first;
			}
			|	SPSTAT	NUMBER
			{
				int64_t v;

				/* a listing's statistics: accepted so that
				 * it loads back; not sent: the kernel starts
				 * a new statement at zero
				 */
				if (nxp_number(st, @2.first, &v) < 0)
					YYABORT;
				if (v < 0) {
					nxp_fail(st, @2.first, @2.last,
						 "Value %" PRId64 " is negative", v);
					YYABORT;
				}
				if (!st->sp_stats)
					st->sp_stats = @1.first;
			}
			;

%%

#define KW(w, t)	{ w, t, YYSYMBOL_ ## t }
static const struct {
	const char	*word;
	int		token;
	yysymbol_kind_t	symbol;
} keywords[] = {
	KW("seqadj",	SEQADJ),
	KW("offset",	OFFSET),
	KW("random",	RANDOM),
	KW("queue",	QUEUE),
	KW("num",	NUM),
	KW("flags",	FLAGS),
	KW("to",	TO),
	KW("bypass",	BYPASS),
	KW("fanout",	FANOUT),
	KW("fail-open",	FAILOPEN),
	KW("synproxy",	SYNPROXY),
	KW("mss",	MSS),
	KW("wscale",	WSCALE),
	KW("timestamp",	TIMESTAMP),
	KW("sack-perm",	SACKPERM),
	KW("ecn",	ECN),
	KW("syn-answered",	SPSTAT),
	KW("cookie-valid",	SPSTAT),
	KW("cookie-invalid",	SPSTAT),
};
#undef KW

static int keyword(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
		if (strlen(keywords[i].word) == len &&
		    !memcmp(keywords[i].word, s, len))
			return keywords[i].token;
	}
	return 0;
}

static int nxp_lex(NXP_STYPE *lval, NXP_LTYPE *lloc, struct nxp_state *st)
{
	const struct nxl_token *t;
	int kw;

	(void)lval;
	if (st->pos >= st->end) {
		lloc->first = lloc->last = st->end;
		return END;
	}
	t = &st->toks[st->pos];
	lloc->first = lloc->last = st->pos;
	st->pos++;

	switch (t->type) {
	case NXL_WORD:
		kw = keyword(st->text + t->off, t->len);
		if (lloc->first == st->start) {
			switch (kw) {
			case SEQADJ:
				st->kind = NX_STMT_SEQADJ;
				break;
			case QUEUE:
				st->kind = NX_STMT_QUEUE;
				break;
			case SYNPROXY:
				st->kind = NX_STMT_SYNPROXY;
				break;
			}
		}
		return kw ? kw : STRING;
	case NXL_NUM:
		return NUMBER;
	case NXL_DASH:
		/* "-5": a negative number, unless it follows a number
		 * or a variable ("0-3", "$a-$b" are ranges)
		 */
		if (st->pos < st->end &&
		    st->toks[st->pos].type == NXL_NUM &&
		    st->toks[st->pos].off == t->off + 1 &&
		    lloc->first > st->start &&
		    st->toks[lloc->first - 1].type != NXL_NUM &&
		    st->toks[lloc->first - 1].type != NXL_VAR) {
			lloc->last = st->pos;
			st->pos++;
			return NUMBER;
		}
		return DASH;
	case NXL_COMMA:
		return COMMA;
	case NXL_VAR:
		return VARIABLE;
	case NXL_STRING:
		return QSTRING;
	default:
		return OTHER;
	}
}

/* underline tokens first..last; the end token (newline, end of input)
 * is underlined as one character where it is
 */
/* the statistics a listing carries come after the options */
static bool sp_after_stats(struct nxp_state *st, size_t tok)
{
	if (!st->sp_stats)
		return false;
	nxp_fail(st, tok, tok,
		 "synproxy options must come before its statistics");
	return true;
}

static void nxp_vfail(struct nxp_state *st, size_t first, size_t last,
		      const char *fmt, va_list ap)
{
	const struct nxl_token *a = &st->toks[first], *b = &st->toks[last];

	if (st->errmsg)
		return;
	st->errmsg = xvasprintf(fmt, ap);
	st->err_start = a->off;
	st->err_end = b->off + (b->len ? b->len : 1);
}

static void nxp_fail_bytes(struct nxp_state *st, size_t start, size_t end,
			   const char *fmt, ...)
{
	va_list ap;

	if (st->errmsg)
		return;
	va_start(ap, fmt);
	st->errmsg = xvasprintf(fmt, ap);
	va_end(ap);
	st->err_start = start;
	st->err_end = end;
}

static void nxp_fail(struct nxp_state *st, size_t first, size_t last,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nxp_vfail(st, first, last, fmt, ap);
	va_end(ap);
}

static void nxp_error(NXP_LTYPE *lloc, struct nxp_state *st, const char *s)
{
	nxp_fail(st, lloc->first, lloc->last, "%s", s);
}

/* a number token (maybe "-" NUMBER merged by the scanner, or a
 * variable); nft accepts decimal and 0x hex
 */
static int parse_int(const char *s, size_t len, int64_t *val)
{
	bool neg = false;
	uint64_t v = 0;
	size_t i = 0;
	int base = 10;

	if (i < len && s[i] == '-') {
		neg = true;
		i++;
	}
	if (i + 1 < len && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
		base = 16;
		i += 2;
	}
	if (i == len)
		return -1;
	for (; i < len; i++) {
		int d;

		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (base == 16 && s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (base == 16 && s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			return -1;
		if (v > (UINT64_MAX >> 5))
			v = UINT64_MAX >> 4;	/* saturate: out of range */
		else
			v = v * base + d;
	}
	if (v > (uint64_t)INT64_MAX)
		v = INT64_MAX;
	*val = neg ? -(int64_t)v : (int64_t)v;
	return 0;
}

static int nxp_number(struct nxp_state *st, size_t tok, int64_t *val)
{
	const struct nxl_token *t = &st->toks[tok];
	const char *s = st->text + t->off;
	size_t len;

	if (t->type == NXL_VAR) {
		const char *v = nx_lookup(s + 1, t->len - 1);
		int depth;

		/* define A = $B */
		for (depth = 0; v && depth < 16; depth++) {
			const char *n;

			while (*v == ' ' || *v == '\t')
				v++;
			if (*v != '$')
				break;
			n = ++v;
			while (*n && *n != ' ' && *n != '\t')
				n++;
			v = nx_lookup(v, n - v);
		}
		if (!v) {
			nxp_fail_bytes(st, t->off + 1, t->off + t->len,
				       "unknown identifier '%.*s'",
				       (int)t->len - 1, s + 1);
			return -1;
		}
		while (*v == ' ' || *v == '\t')
			v++;
		len = strlen(v);
		while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'))
			len--;
		if (parse_int(v, len, val) < 0) {
			nxp_fail(st, tok, tok,
				 "variable '%.*s' is not a number",
				 (int)t->len - 1, s + 1);
			return -1;
		}
		return 0;
	}
	if (t->type == NXL_DASH)	/* merged "-" NUMBER */
		len = st->toks[tok + 1].off + st->toks[tok + 1].len - t->off;
	else
		len = t->len;
	if (parse_int(s, len, val) < 0) {
		nxp_fail(st, tok, tok, "syntax error, unexpected junk");
		return -1;
	}
	return 0;
}


/* some of nft's keywords: in a syntax error nft names them by their
 * word, other words are a "string"
 */
static const char *nft_keyword(const char *s, size_t len)
{
	static const char *const words[] = {
		"accept", "drop", "continue", "return", "jump", "goto",
		"reject", "counter", "log", "limit", "quota", "notrack",
		"masquerade", "redirect", "dnat", "snat", "tproxy", "meta",
		"ct", "ip", "ip6", "inet", "tcp", "udp", "sctp", "icmp",
		"icmpv6", "ether", "vlan", "arp", "th", "set", "map", "vmap",
		"comment", "dport", "sport", "saddr", "daddr", "mark",
		"iifname", "oifname", "iif", "oif", "numgen", "jhash",
		"symhash", "dup", "fwd", "flow", "add", "update", "delete",
		"table", "chain", "rule", "element", "elements", "type",
		"hook", "priority", "policy", "handle", "index", "position",
		"name", "state", "status", "level", "prefix", "group",
		NULL
	};
	size_t i;

	for (i = 0; words[i]; i++) {
		if (strlen(words[i]) == len && !memcmp(words[i], s, len))
			return words[i];
	}
	return NULL;
}

/* nft's names for what it did not expect */
static const char *end_name(const struct nxp_state *st)
{
	switch (st->toks[st->end].type) {
	case NXL_NL:
		return "newline";
	case NXL_SEMI:
		return "semicolon";
	case NXL_RBRACE:
		return "'}'";
	case NXL_EOF:
		return st->buffer ? "newline" : "end of file";
	default:
		return "junk";
	}
}

static const char *symbol_name(const struct nxp_state *st, int sym,
			       size_t tok, char *buf, size_t size)
{
	const struct nxl_token *t;

	switch (sym) {
	case YYSYMBOL_END:
		return end_name(st);
	case YYSYMBOL_NUMBER:
		return "number";
	case YYSYMBOL_STRING:
		/* nft names its own keywords by their word */
		if (tok != (size_t)-1 && tok < st->end &&
		    nft_keyword(st->text + st->toks[tok].off,
				st->toks[tok].len))
			return nft_keyword(st->text + st->toks[tok].off,
					   st->toks[tok].len);
		return "string";
	case YYSYMBOL_QSTRING:
		return "quoted string";
	case YYSYMBOL_VARIABLE:
		return "'$'";
	case YYSYMBOL_DASH:
		return "'-'";
	case YYSYMBOL_COMMA:
		return "comma";
	case YYSYMBOL_OTHER:
		if (tok == (size_t)-1 || tok >= st->end)
			return "junk";
		t = &st->toks[tok];
		if (t->type == NXL_OTHER && t->len == 1 &&
		    strchr("`~?%", st->text[t->off]))
			return "junk";
		snprintf(buf, size, "'%.*s'", (int)t->len,
			 st->text + t->off);
		return buf;
	default:
		break;
	}
	/* keywords: their own word */
	{
		size_t i;

		for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
			if (keywords[i].symbol == sym)
				return keywords[i].word;
		}
	}
	return yysymbol_name(sym);
}

static int yyreport_syntax_error(const yypcontext_t *ctx,
				 struct nxp_state *st)
{
	enum { MAX_EXPECTED = 4 };
	yysymbol_kind_t expected[MAX_EXPECTED + 1];
	const NXP_LTYPE *loc = yypcontext_location(ctx);
	char msg[512], buf[64];
	yysymbol_kind_t tok = yypcontext_token(ctx);
	int n, i, shown = 0;
	size_t len;

	len = snprintf(msg, sizeof(msg), "syntax error, unexpected %s",
		       symbol_name(st, tok, loc->first, buf, sizeof(buf)));
	n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED + 1);
	if (n > 0 && n <= MAX_EXPECTED) {
		for (i = 0; i < n; i++) {
			/* "-5" and "$var" are numbers as far as the user
			 * is concerned
			 */
			if (expected[i] == YYSYMBOL_DASH ||
			    expected[i] == YYSYMBOL_VARIABLE)
				continue;
			len += snprintf(msg + len, sizeof(msg) - len, "%s%s",
					shown ? " or " : ", expecting ",
					symbol_name(st, expected[i],
						    (size_t)-1, buf,
						    sizeof(buf)));
			shown++;
			if (len >= sizeof(msg))
				break;
		}
	}
	nxp_fail(st, loc->first, loc->last, "%s", msg);
	return 0;
}

int nxp_parse_stmt(struct nxp_state *st)
{
	st->pos = st->start;
	st->kind = NX_STMT_NONE;
	st->errmsg = NULL;
	if (nxp_parse(st) != 0) {
		if (!st->errmsg)
			nxp_fail(st, st->start, st->start, "syntax error");
		return -1;
	}
	return 0;
}
