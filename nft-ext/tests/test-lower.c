// SPDX-License-Identifier: GPL-2.0-only
/*
 * test-lower.c - host tests of the interposition layer's pure parts: lowering (text
 * and JSON), the marker registry, location mapping, and the translation
 * of listings, JSON, --debug=netlink text and error messages.  No kernel
 * needed.  One "PASS: name" / "FAIL: name" line per check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nftx/expr.h>
#include <nftx/uapi.h>

#include "lower.h"
#include "marker.h"
#include "objstats.h"
#include "output.h"
#include "probe.h"
#include "xalloc.h"

#include "test.h"

/* "@N" in want stands for the n-th marker id allocated by this lowering */
static char *expand(const char *want, uint32_t first)
{
	char *out = xmalloc(strlen(want) * 2 + 64), *o = out;
	const char *p;

	for (p = want; *p; p++) {
		if (*p == '@' && p[1] >= '0' && p[1] <= '9') {
			o += sprintf(o, "%u", first + (p[1] - '0'));
			p++;
		} else if (*p == 'M' && !strncmp(p, "MAGIC", 5)) {
			o += sprintf(o, "%u", NFTX_MAGIC);
			p += 4;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

static uint32_t next_id(void)
{
	return nx_marker_count() + 1;
}

static struct nx_source *lower_check(const char *name, const char *in,
				     const char *want, unsigned int flags)
{
	uint32_t first = next_id();
	struct nx_source *src = nx_lower(NULL, in, strlen(in),
					 flags | NX_LOWER_BUFFER);
	char *w = expand(want, first);

	test_check_str(name, src->low, w);
	free(w);
	return src;
}

static void lower_ok(const char *name, const char *in, const char *want)
{
	nx_source_free(lower_check(name, in, want, 0));
}

static void lower_same(const char *name, const char *in)
{
	struct nx_source *src = nx_lower(NULL, in, strlen(in),
					 NX_LOWER_BUFFER);

	test_check(!src->changed && !strcmp(src->low, in) && !src->nerrs, name,
	      src->low, in);
	nx_source_free(src);
}

static void lower_err(const char *name, const char *in, const char *msg,
		      const char *underlined)
{
	struct nx_source *src = nx_lower(NULL, in, strlen(in),
					 NX_LOWER_BUFFER);
	char buf[256];

	if (!src->nerrs) {
		test_check(false, name, src->low, msg);
		nx_source_free(src);
		return;
	}
	snprintf(buf, sizeof(buf), "%s|%.*s", src->errs[0].msg,
		 (int)(src->errs[0].or_end - src->errs[0].or_start),
		 src->orig + src->errs[0].or_start);
	{
		char want[256];

		snprintf(want, sizeof(want), "%s|%s", msg, underlined);
		test_check(src->changed && strstr(src->low, NX_POISON) &&
		      !strcmp(buf, want), name, buf, want);
	}
	nx_source_free(src);
}

static void test_lowering(void)
{
	const struct nx_marker *m;
	struct nx_source *src;
	uint32_t id;

	lower_ok("seqadj", "add rule ip t c seqadj",
		 "add rule ip t c counter packets MAGIC bytes @0");
	id = next_id() - 1;
	m = nx_marker_get(id);
	test_check(m && m->kind == NX_K_SEQADJ && m->outgoing &&
	      !nftx_expr_is_set(m->expr, NFTX_EXPR_SEQADJ_OFFSET) &&
	      !nftx_expr_get_u32(m->expr, NFTX_EXPR_SEQADJ_FLAGS),
	      "seqadj registry entry", NULL, NULL);

	lower_ok("seqadj offset in a rule",
		 "add rule ip t c tcp dport 80 seqadj offset 1000 accept",
		 "add rule ip t c tcp dport 80 counter packets MAGIC bytes @0 accept");
	m = nx_marker_get(next_id() - 1);
	test_check(m && nftx_expr_get_s32(m->expr, NFTX_EXPR_SEQADJ_OFFSET) == 1000,
	      "seqadj offset 1000 registry entry", NULL, NULL);

	lower_ok("seqadj negative offset", "insert rule inet t c seqadj offset -5",
		 "insert rule inet t c counter packets MAGIC bytes @0");
	m = nx_marker_get(next_id() - 1);
	test_check(m && nftx_expr_get_s32(m->expr, NFTX_EXPR_SEQADJ_OFFSET) == -5,
	      "seqadj offset -5 registry entry", NULL, NULL);

	lower_ok("seqadj random", "add rule ip6 t c handle 4 seqadj random",
		 "add rule ip6 t c handle 4 counter packets MAGIC bytes @0");
	m = nx_marker_get(next_id() - 1);
	test_check(m && nftx_expr_get_u32(m->expr, NFTX_EXPR_SEQADJ_FLAGS) ==
	      NFT_SEQADJ_F_RANDOM, "seqadj random registry entry", NULL, NULL);

	lower_ok("seqadj hex offset", "rule ip t c seqadj offset 0x10",
		 "rule ip t c counter packets MAGIC bytes @0");
	m = nx_marker_get(next_id() - 1);
	test_check(m && nftx_expr_get_s32(m->expr, NFTX_EXPR_SEQADJ_OFFSET) == 16,
	      "seqadj offset 0x10 registry entry", NULL, NULL);

	lower_ok("queue num 0 fail-open", "add rule ip t c queue num 0 fail-open",
		 "add rule ip t c counter packets MAGIC bytes @0 queue num 0");
	m = nx_marker_get(next_id() - 1);
	test_check(m && m->kind == NX_K_QUEUE_FO && m->outgoing,
	      "queue fail-open registry entry", NULL, NULL);
	lower_ok("queue fail-open alone", "add rule ip t c queue fail-open",
		 "add rule ip t c counter packets MAGIC bytes @0 queue");
	lower_ok("queue fail-open first", "add rule ip t c queue fail-open num 3",
		 "add rule ip t c counter packets MAGIC bytes @0 queue num 3");
	lower_ok("queue range fanout bypass fail-open",
		 "add rule ip t c queue num 0-3 fanout bypass fail-open",
		 "add rule ip t c counter packets MAGIC bytes @0 queue num 0-3 fanout bypass");
	lower_ok("queue compat flag list",
		 "add rule ip t c queue num 0-3 fanout,bypass,fail-open",
		 "add rule ip t c counter packets MAGIC bytes @0 queue num 0-3 fanout,bypass");
	lower_ok("queue flags bypass,fail-open",
		 "add rule ip t c queue flags bypass,fail-open to 0-3",
		 "add rule ip t c counter packets MAGIC bytes @0 queue flags bypass to 0-3");
	lower_ok("queue flags fail-open,bypass",
		 "add rule ip t c queue flags fail-open,bypass to 0",
		 "add rule ip t c counter packets MAGIC bytes @0 queue flags bypass to 0");
	lower_ok("queue flags fail-open alone",
		 "add rule ip t c queue flags fail-open to symhash mod 2",
		 "add rule ip t c counter packets MAGIC bytes @0 queue to symhash mod 2");
	lower_ok("queue flags fail-open with map",
		 "add rule ip t c queue flags fail-open to tcp dport map { 80 : 0, 443 : 1 }",
		 "add rule ip t c counter packets MAGIC bytes @0 queue to tcp dport map { 80 : 0, 443 : 1 }");
	lower_ok("queue flags ... num",
		 "add rule ip t c queue flags bypass , fail-open num 2",
		 "add rule ip t c counter packets MAGIC bytes @0 queue flags bypass num 2");
	lower_ok("two statements in one rule",
		 "add rule ip t c seqadj random queue num 1 fail-open",
		 "add rule ip t c counter packets MAGIC bytes @0 counter packets MAGIC bytes @1 queue num 1");

	lower_ok("table block",
		 "table ip t {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n"
		 "\t\ttcp dport 22 seqadj offset 7 ; queue num 0 fail-open\n"
		 "\t\tip saddr { 1.2.3.4, 5.6.7.8 } seqadj\n\t}\n"
		 "\tset seqadj { type ifname; elements = { seqadj } }\n}\n",
		 "table ip t {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n"
		 "\t\ttcp dport 22 counter packets MAGIC bytes @0 ; counter packets MAGIC bytes @1 queue num 0\n"
		 "\t\tip saddr { 1.2.3.4, 5.6.7.8 } counter packets MAGIC bytes @2\n\t}\n"
		 "\tset seqadj { type ifname; elements = { seqadj } }\n}\n");
	lower_ok("chain block command",
		 "add chain ip t c { type filter hook input priority 0; seqadj; }",
		 "add chain ip t c { type filter hook input priority 0; counter packets MAGIC bytes @0; }");
	lower_ok("line continuation kept",
		 "add rule ip t c seqadj \\\n offset 3 accept\nlist ruleset",
		 "add rule ip t c counter packets MAGIC bytes @0 \\\n accept\nlist ruleset");
	lower_ok("define", "define OFF = 42\nadd rule ip t c seqadj offset $OFF",
		 "define OFF = 42\nadd rule ip t c counter packets MAGIC bytes @0");
	m = nx_marker_get(next_id() - 1);
	test_check(m && nftx_expr_get_s32(m->expr, NFTX_EXPR_SEQADJ_OFFSET) == 42,
	      "define value in registry", NULL, NULL);
	lower_ok("define of a define", "define A = -3\ndefine B = $A\nadd rule ip t c seqadj offset $B",
		 "define A = -3\ndefine B = $A\nadd rule ip t c counter packets MAGIC bytes @0");
	m = nx_marker_get(next_id() - 1);
	test_check(m && nftx_expr_get_s32(m->expr, NFTX_EXPR_SEQADJ_OFFSET) == -3,
	      "define of a define value", NULL, NULL);
	lower_ok("iifname eth0 seqadj", "add rule ip t c iifname eth0 seqadj",
		 "add rule ip t c iifname eth0 counter packets MAGIC bytes @0");
	lower_ok("meta l4proto tcp seqadj", "add rule ip t c meta l4proto tcp seqadj",
		 "add rule ip t c meta l4proto tcp counter packets MAGIC bytes @0");
	lower_ok("limit seqadj", "add rule ip t c limit rate 5/second seqadj random",
		 "add rule ip t c limit rate 5/second counter packets MAGIC bytes @0");

	/* real counters that look like markers keep their ids */
	id = next_id();
	src = nx_lower(NULL, "add rule ip t c counter packets 1313166424 bytes 0\n"
		       "add rule ip t c counter packets 1313166424 bytes X\n",
		       0, 0);
	nx_source_free(src);
	{
		char in[256], want[256];

		snprintf(in, sizeof(in), "add rule ip t c counter packets %u bytes %u\n"
			 "add rule ip t c seqadj", NFTX_MAGIC, id);
		snprintf(want, sizeof(want), "add rule ip t c counter packets %u bytes %u\n"
			 "add rule ip t c counter packets %u bytes %u",
			 NFTX_MAGIC, id, NFTX_MAGIC, id + 1);
		src = nx_lower(NULL, in, strlen(in), NX_LOWER_BUFFER);
		test_check_str("reserved id skipped", src->low, want);
		nx_source_free(src);
	}

	/* stock input stays as it is */
	lower_same("iifname seqadj", "add rule ip t c iifname seqadj accept");
	lower_same("jump seqadj", "add rule ip t c jump seqadj");
	lower_same("ct helper set seqadj", "add rule ip t c ct helper set seqadj");
	lower_same("chain named seqadj", "add chain ip t seqadj\nflush chain ip t seqadj");
	lower_same("comment", "add rule ip t c counter comment \"seqadj offset 0\" # seqadj");
	lower_same("queue without fail-open", "add rule ip t c queue num 0-3 fanout bypass");
	lower_same("queue stock error", "add rule ip t c queue num");
	lower_same("synproxy without ecn", "add rule ip t c synproxy mss 1460 wscale 7 timestamp sack-perm");
	lower_same("synproxy then ip ecn", "add rule ip t c synproxy mss 1460 ip ecn ce");
	lower_same("set element seqadj", "add element ip t s { seqadj }");
	lower_same("unbalanced", "add rule ip t c ip saddr { 1.2.3.4 seqadj");
	lower_same("junk", "}}} ) ( { \" seqadj");
	lower_same("empty", "");

	/* errors */
	lower_err("seqadj offset 0", "add rule ip t c seqadj offset 0",
		  "seqadj offset must not be 0", "offset 0");
	lower_err("seqadj offset -0", "add rule ip t c seqadj offset -0",
		  "seqadj offset must not be 0", "offset -0");
	lower_err("seqadj out of range", "add rule ip t c seqadj offset 2147483648",
		  "seqadj offset 2147483648 out of range (-2147483648 to 2147483647)",
		  "offset 2147483648");
	lower_err("seqadj below range", "add rule ip t c seqadj offset -2147483649",
		  "seqadj offset -2147483649 out of range (-2147483648 to 2147483647)",
		  "offset -2147483649");
	lower_err("seqadj hex beyond u64",
		  "add rule ip t c seqadj offset 0x1ffffffffffffffffff",
		  "seqadj offset 0x1ffffffffffffffffff out of range (-2147483648 to 2147483647)",
		  "offset 0x1ffffffffffffffffff");
	/* nft 1.0.6 would load the low 16 / 8 bits of these */
	lower_err("synproxy mss 70000", "add rule ip t c synproxy mss 70000",
		  "Value 70000 exceeds valid range 0-65535", "70000");
	lower_err("synproxy mss 65536", "add rule ip t c tcp dport 80 synproxy mss 65536 wscale 7",
		  "Value 65536 exceeds valid range 0-65535", "65536");
	lower_err("synproxy wscale 256", "add rule ip t c synproxy mss 1460 wscale 256",
		  "Value 256 exceeds valid range 0-14", "256");
	lower_err("synproxy object mss 70000",
		  "table ip t {\n\tsynproxy s {\n\t\tmss 70000\n\t\twscale 7\n\t}\n}",
		  "Value 70000 exceeds valid range 0-65535", "70000");
	lower_err("synproxy object wscale 270",
		  "add synproxy ip t s { mss 1460; wscale 270; }",
		  "Value 270 exceeds valid range 0-14", "270");
	/* in range, or the kernel's to refuse (wscale 15-255): stock nft's */
	lower_same("synproxy mss 65535", "add rule ip t c synproxy mss 65535 wscale 14");
	lower_same("synproxy wscale 15", "add rule ip t c synproxy mss 1460 wscale 15");
	lower_same("synproxy object wscale 15", "add synproxy ip t s { mss 1460; wscale 15; }");
	lower_err("seqadj random offset", "add rule ip t c seqadj random offset 5",
		  "seqadj random and offset are mutually exclusive",
		  "random offset 5");
	lower_err("seqadj offset random", "add rule ip t c seqadj offset 5 random",
		  "seqadj random and offset are mutually exclusive",
		  "offset 5 random");
	lower_err("seqadj offset missing", "add rule ip t c seqadj offset",
		  "syntax error, unexpected newline, expecting number", "");
	lower_err("seqadj offset string", "add rule ip t c seqadj offset foo",
		  "syntax error, unexpected string, expecting number", "foo");
	lower_err("seqadj offset undefined variable", "add rule ip t c seqadj offset $nope",
		  "unknown identifier 'nope'", "nope");
	lower_err("fail-open twice", "add rule ip t c queue num 0 fail-open fail-open",
		  "queue flag fail-open specified more than once", "fail-open");
	lower_err("fail-open twice in flags", "add rule ip t c queue flags fail-open,fail-open to 0",
		  "queue flag fail-open specified more than once", "fail-open");
	lower_err("queue fail-open to", "add rule ip t c queue fail-open to 0",
		  "syntax error, unexpected to", "to");
	{
		struct nx_source *s = nx_lower(NULL, "add rule ip t c seqadj", 22,
					       NX_LOWER_BUFFER | NX_LOWER_NOOPT);

		test_check(s->nerrs == 1 && !strcmp(s->errs[0].msg,
			"seqadj cannot be used with -o/--optimize"),
		      "-o refuses seqadj", s->nerrs ? s->errs[0].msg : s->low,
		      NULL);
		nx_source_free(s);
	}
}

static void test_json_lowering(void)
{
	const char *in = "{\"nftables\": [{\"add\": {\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": ["
		"{\"seqadj\": {\"offset\": 1000}}, {\"queue\": {\"num\": 0, \"flags\": [\"bypass\", \"fail-open\"]}}]}}}]}";
	const char *want = "{\"nftables\": [{\"add\": {\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": ["
		"{\"counter\": {\"packets\": MAGIC, \"bytes\": @0}}, {\"counter\": {\"packets\": MAGIC, \"bytes\": @1}}, "
		"{\"queue\": {\"num\": 0, \"flags\": [\"bypass\"]}}]}}}]}";
	struct nx_source *src;

	src = lower_check("json seqadj + queue", in, want, NX_LOWER_JSON);
	nx_source_free(src);

	in = "{\"nftables\": [{\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": ["
		"{\"seqadj\": null}, {\"queue\": {\"num\": 0, \"flags\": \"fail-open\"}}]}}]}";
	want = "{\"nftables\": [{\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": ["
		"{\"counter\": {\"packets\": MAGIC, \"bytes\": @0}}, {\"counter\": {\"packets\": MAGIC, \"bytes\": @1}}, "
		"{\"queue\": {\"num\": 0}}]}}]}";
	nx_source_free(lower_check("json bare rule", in, want, NX_LOWER_JSON));

	in = "{\"nftables\": [{\"add\": {\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": ["
		"{\"seqadj\": {\"offset\": 0}}]}}}]}";
	src = nx_lower(NULL, in, strlen(in), NX_LOWER_JSON);
	test_check(src->json && src->nerrs == 1 &&
	      !strcmp(src->errs[0].msg, "seqadj offset must not be 0.") &&
	      strstr(src->low, "\"nftx-error-0\": null"),
	      "json seqadj offset 0", src->low, NULL);
	nx_source_free(src);

	in = "{\"nftables\": [{\"add\": {\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": ["
		"{\"seqadj\": {\"offset\": 5, \"random\": true}}]}}}]}";
	src = nx_lower(NULL, in, strlen(in), NX_LOWER_JSON);
	test_check(src->nerrs == 1 && !strcmp(src->errs[0].msg,
		"seqadj random and offset are mutually exclusive."),
	      "json seqadj random + offset", src->low, NULL);
	nx_source_free(src);

	in = "{\"nftables\": [{\"add\": {\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": ["
		"{\"counter\": null}, {\"queue\": {\"num\": 0, \"flags\": \"bypass\"}}]}}}]}";
	src = nx_lower(NULL, in, strlen(in), NX_LOWER_JSON);
	test_check(src->json && !src->changed && src->low == src->orig,
	      "json stock input unchanged", src->low, in);
	nx_source_free(src);

	in = "add rule ip t c seqadj";
	src = nx_lower(NULL, in, strlen(in), NX_LOWER_JSON | NX_LOWER_BUFFER);
	test_check(!src->json && src->changed, "-j with text input", src->low, NULL);
	nx_source_free(src);
}

static uint32_t incoming(enum nx_kind kind, int32_t off, uint32_t flags)
{
	struct nftx_expr *e = NULL;

	if (kind == NX_K_SEQADJ) {
		e = nftx_expr_alloc("seqadj");
		if (off)
			nftx_expr_set_s32(e, NFTX_EXPR_SEQADJ_OFFSET, off);
		if (flags)
			nftx_expr_set_u32(e, NFTX_EXPR_SEQADJ_FLAGS, flags);
	} else if (kind == NX_K_SYNPROXY) {
		e = nftx_expr_alloc("synproxy");
		nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, 1460);
		nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_WSCALE, 7);
		nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS, flags);
	}
	return nx_marker_add(kind, false, e, NULL);
}

static void xlate_check(const char *name, const char *fmt, uint32_t a,
			uint32_t b, const char *want)
{
	struct sbuf out = {};
	char line[1024];

	snprintf(line, sizeof(line), fmt, a, b);
	if (!nx_xlate_line(line, strlen(line), &out))
		test_check_str(name, line, want);
	else
		test_check_str(name, out.s, want);
	sbuf_free(&out);
}

static void test_output(void)
{
	uint32_t s5 = incoming(NX_K_SEQADJ, 5, 0);
	uint32_t sr = incoming(NX_K_SEQADJ, 0, NFT_SEQADJ_F_RANDOM);
	uint32_t s0 = incoming(NX_K_SEQADJ, 0, 0);
	uint32_t qf = incoming(NX_K_QUEUE_FO, 0, 0);
	uint32_t sp = incoming(NX_K_SYNPROXY, 0, NF_SYNPROXY_OPT_MSS |
			       NF_SYNPROXY_OPT_WSCALE |
			       NF_SYNPROXY_OPT_TIMESTAMP |
			       NF_SYNPROXY_OPT_SACK_PERM | NF_SYNPROXY_OPT_ECN);
	uint32_t esc = nx_marker_add(NX_K_LOG_ESCAPE, false, NULL,
				     xstrdup("nftx-1313166424-1"));
	uint32_t out_id = nx_marker_add(NX_K_QUEUE_FO, true, NULL, NULL);
	struct sbuf out = {};
	char buf[2048];

	xlate_check("list seqadj offset",
		    "\t\ttcp dport 80 log prefix \"nftx-1313166424-%u\" accept # handle %u",
		    s5, 3, "\t\ttcp dport 80 seqadj offset 5 accept # handle 3");
	xlate_check("list seqadj random", "\t\tlog prefix \"nftx-1313166424-%u\"%.0u",
		    sr, 0, "\t\tseqadj random");
	xlate_check("list seqadj", "add rule ip t c log prefix \"nftx-1313166424-%u\" counter packets %u bytes 0",
		    s0, 0, "add rule ip t c seqadj counter packets 0 bytes 0");
	xlate_check("list queue fail-open",
		    "\t\tqueue to 0 log prefix \"nftx-1313166424-%u\" # handle %u",
		    qf, 7, "\t\tqueue flags fail-open to 0 # handle 7");
	xlate_check("list queue flags fail-open",
		    "\t\tqueue flags bypass,fanout to 2-3 log prefix \"nftx-1313166424-%u\"%.0u",
		    qf, 0, "\t\tqueue flags bypass,fanout,fail-open to 2-3");
	xlate_check("list queue map fail-open",
		    "\t\tqueue to tcp dport map { 80 : 0, 443 : 1 } log prefix \"nftx-1313166424-%u\" comment \"x%u\"",
		    qf, 1, "\t\tqueue flags fail-open to tcp dport map { 80 : 0, 443 : 1 } comment \"x1\"");
	xlate_check("list synproxy ecn", "\t\tlog prefix \"nftx-1313166424-%u\"%.0u", sp, 0,
		    "\t\tsynproxy mss 1460 wscale 7 timestamp sack-perm ecn");
	xlate_check("list escaped log", "\t\tlog prefix \"nftx-1313166424-%u\" level info%.0u",
		    esc, 0, "\t\tlog prefix \"nftx-1313166424-1\" level info");
	snprintf(buf, sizeof(buf), "\t\tqueue to 0 log prefix \"nftx-1313166424-%u\"",
		 out_id);
	xlate_check("outgoing id in a listing stays",
		    "\t\tqueue to 0 log prefix \"nftx-1313166424-%u\"%.0u", out_id, 0,
		    buf);
	xlate_check("unknown id stays", "\t\tlog prefix \"nftx-1313166424-%u\"%.0u",
		    999999, 0, "\t\tlog prefix \"nftx-1313166424-999999\"");

	snprintf(buf, sizeof(buf), "{\"nftables\": [{\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"handle\": 2, \"expr\": ["
		 "{\"log\": {\"prefix\": \"nftx-1313166424-%u\"}}, {\"queue\": {\"num\": 0, \"flags\": \"bypass\"}}, "
		 "{\"log\": {\"prefix\": \"nftx-1313166424-%u\"}}, {\"log\": {\"prefix\": \"nftx-1313166424-%u\"}}, "
		 "{\"queue\": {\"num\": 1}}, {\"log\": {\"prefix\": \"nftx-1313166424-%u\"}}, "
		 "{\"log\": {\"prefix\": \"nftx-1313166424-%u\"}}, "
		 "{\"log\": {\"prefix\": \"nftx-1313166424-%u\", \"level\": \"info\"}}, {\"log\": {\"prefix\": \"nftx-1313166424-%u\"}}]}}]}",
		 s5, qf, sr, qf, sp, esc, s0);
	nx_xlate_line(buf, strlen(buf), &out);
	test_check_str("json listing", out.s,
		  "{\"nftables\": [{\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"handle\": 2, \"expr\": ["
		  "{\"seqadj\": {\"offset\": 5}}, {\"queue\": {\"num\": 0, \"flags\": [\"bypass\", \"fail-open\"]}}, "
		  "{\"seqadj\": {\"random\": true}}, {\"queue\": {\"num\": 1, \"flags\": \"fail-open\"}}, "
		  "{\"synproxy\": {\"mss\": 1460, \"wscale\": 7, \"flags\": [\"timestamp\", \"sack-perm\", \"ecn\"]}}, "
		  "{\"log\": {\"prefix\": \"nftx-1313166424-1\", \"level\": \"info\"}}, {\"seqadj\": null}]}}]}");
	sbuf_free(&out);

	/* --debug=netlink */
	snprintf(buf, sizeof(buf), "ip t c 3 2\n  [ log prefix nftx-1313166424-%u ]\n"
		 "  [ queue num 0 bypass ]\n  [ log prefix nftx-1313166424-%u ]\n"
		 "  [ log prefix nftx-1313166424-%u level 6 ]\n", s5, qf, esc);
	nx_xlate_debug(buf, &out);
	test_check_str("debug incoming", out.s, "ip t c 3 2\n  [ seqadj offset 5 ]\n"
		  "  [ queue num 0 bypass fail-open ]\n"
		  "  [ log prefix nftx-1313166424-1 level 6 ]\n");
	sbuf_free(&out);
	snprintf(buf, sizeof(buf), "ip t c\n  [ counter pkts %u bytes %u ]\n"
		 "  [ hash reg 1 = symhash() %% mod 2 ]\n  [ queue sreg_qnum 1 ]\n",
		 NFTX_MAGIC, out_id);
	nx_xlate_debug(buf, &out);
	test_check_str("debug outgoing queue", out.s, "ip t c\n"
		  "  [ hash reg 1 = symhash() % mod 2 ]\n  [ queue sreg_qnum 1 fail-open ]\n");
	sbuf_free(&out);
	snprintf(buf, sizeof(buf), "ip t c\n  [ counter pkts %u bytes %u ]\n",
		 NFTX_MAGIC, s5);
	nx_xlate_debug(buf, &out);
	test_check_str("debug: incoming id in an outgoing rule stays", out.s, buf);
	sbuf_free(&out);
}

static void err_check(const char *name, const char *srcname, const char *in,
		      unsigned int flags, const char *errtext,
		      const char *want)
{
	struct nx_source *src = nx_lower(srcname, in, strlen(in), flags);
	struct nx_run_sources rs = {};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	char *e = expand(errtext, 0);

	if (srcname) {
		rs.srcs = &src;
		rs.nsrcs = 1;
	} else {
		rs.buffer = src;
	}
	nx_xlate_errors(e, strlen(e), &rs, f);
	fclose(f);
	test_check_str(name, buf, want);
	free(buf);
	free(e);
	nx_source_free(src);
}

static void test_errors(void)
{
	char low[512], err[1024];
	uint32_t id = nx_marker_count();

	/* a kernel error on a seqadj marker, command line */
	snprintf(err, sizeof(err), "Error: Could not process rule: No such file or directory\n"
		 "add rule ip t c tcp dport 80 counter packets %u bytes %u accept\n"
		 "                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n",
		 NFTX_MAGIC, id + 1);
	err_check("kernel error on seqadj (buffer)", NULL,
		  "add rule ip t c tcp dport 80 seqadj offset 1000 accept",
		  NX_LOWER_BUFFER, err,
		  "Error: Could not process rule: No such file or directory\n"
		  "add rule ip t c tcp dport 80 seqadj offset 1000 accept\n"
		  "                             ^^^^^^^^^^^^^^^^^^\n");

	/* a terminal-statement error after queue fail-open, in a file */
	id = nx_marker_count();
	snprintf(low, sizeof(low), "\t\tcounter packets %u bytes %u queue flags bypass to 0 accept",
		 NFTX_MAGIC, id + 1);
	{
		size_t q = strstr(low, "queue") - low, a = strstr(low, "accept") - low;

		snprintf(err, sizeof(err), "f.nft:3:%zu-%zu: Error: Statement after terminal statement has no effect\n"
			 "%s\n\t\t%*s%s %s\n", a + 1, a + 6, low,
			 (int)(q - 2), "", "~~~~~~~~~~~~~~~~~~~~~~~", "^^^^^^");
	}
	err_check("terminal error after queue (file, tabs)", "f.nft",
		  "table ip t {\n\tchain c {\n\t\tqueue flags bypass,fail-open to 0 accept\n\t}\n}\n",
		  0, err,
		  "f.nft:3:37-42: Error: Statement after terminal statement has no effect\n"
		  "\t\tqueue flags bypass,fail-open to 0 accept\n"
		  "\t\t~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ ^^^^^^\n");

	/* nft's error for our poison becomes our error */
	err_check("poison error (file)", "f.nft",
		  "add rule ip t c counter\nadd rule ip t c tcp dport 1 seqadj offset 0 accept\n",
		  0,
		  "f.nft:2:29-29: Error: syntax error, unexpected junk\n"
		  "add rule ip t c tcp dport 1 `\n"
		  "                            ^\n",
		  "f.nft:2:36-43: Error: seqadj offset must not be 0\n"
		  "add rule ip t c tcp dport 1 seqadj offset 0 accept\n"
		  "                                   ^^^^^^^^\n");
	err_check("poison error (buffer)", NULL,
		  "add rule ip t c seqadj random offset 1", NX_LOWER_BUFFER,
		  "Error: syntax error, unexpected junk\n"
		  "add rule ip t c `\n"
		  "                ^\n",
		  "Error: seqadj random and offset are mutually exclusive\n"
		  "add rule ip t c seqadj random offset 1\n"
		  "                       ^^^^^^^^^^^^^^^\n");
	err_check("stock error passes", NULL, "add rule ip t c tcp dport 80 counter bogus accept",
		  NX_LOWER_BUFFER,
		  "Error: syntax error, unexpected accept\n"
		  "add rule ip t c tcp dport 80 counter bogus accept\n"
		  "                                           ^^^^^^\n",
		  "Error: syntax error, unexpected accept\n"
		  "add rule ip t c tcp dport 80 counter bogus accept\n"
		  "                                           ^^^^^^\n");
	{
		const char *in = "{\"nftables\": [{\"add\": {\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": ["
			"{\"seqadj\": {\"offset\": 0}}]}}}]}";

		err_check("json error", NULL, in, NX_LOWER_JSON | NX_LOWER_BUFFER,
			  "internal:0:0-0: Error: Unknown statement object 'nftx-error-0'.\n\n"
			  "internal:0:0-0: Error: Parsing expr array at index 0 failed.\n\n",
			  "internal:0:0-0: Error: seqadj offset must not be 0.\n\n"
			  "internal:0:0-0: Error: Parsing expr array at index 0 failed.\n\n");
	}
}

/* what the kernel of the tests has: no probe of the real one */
static int fake_has = 1, fake_asked;

static int fake_kernel_has(enum nx_kind kind)
{
	(void)kind;
	fake_asked++;
	return fake_has;
}

#define NEEDS_SEQADJ "nftx: the running kernel has no 'seqadj' expression: it needs the nftx kernel patches (see README)\n"
#define NEEDS_QUEUE "nftx: the running kernel has no 'queue ... fail-open': it needs the nftx kernel patches (see README)\n"
#define NEEDS_SYNPROXY "nftx: the running kernel has no 'synproxy ... ecn': it needs the nftx kernel patches (see README)\n"

#define CARETS "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"

/* the length of the marker counter of id */
static int marker_len(uint32_t id)
{
	return snprintf(NULL, 0, "counter packets %u bytes %u", NFTX_MAGIC,
			id);
}

/* a kernel without our patches: one line after nft's record */
static void test_needs(void)
{
	char err[1024], want[1024];
	uint32_t id;

	fake_has = 0;
	id = nx_marker_count();
	snprintf(err, sizeof(err), "Error: Could not process rule: No such file or directory\n"
		 "add rule ip t c tcp dport 80 counter packets %u bytes %u accept\n"
		 "                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n",
		 NFTX_MAGIC, id + 1);
	err_check("needs: seqadj", NULL,
		  "add rule ip t c tcp dport 80 seqadj offset 1000 accept",
		  NX_LOWER_BUFFER, err,
		  "Error: Could not process rule: No such file or directory\n"
		  "add rule ip t c tcp dport 80 seqadj offset 1000 accept\n"
		  "                             ^^^^^^^^^^^^^^^^^^\n"
		  NEEDS_SEQADJ);

	/* the carets on the queue, the marker before it */
	id = nx_marker_count();
	snprintf(err, sizeof(err), "Error: Could not process rule: No such file or directory\n"
		 "add rule ip t c counter packets %u bytes %u queue num 0\n"
		 "%*s^^^^^\n", NFTX_MAGIC, id + 1,
		 (int)strlen("add rule ip t c counter packets 1313166424 bytes ") +
		 snprintf(NULL, 0, "%u ", id + 1), "");
	err_check("needs: queue fail-open", NULL,
		  "add rule ip t c queue num 0 fail-open", NX_LOWER_BUFFER, err,
		  "Error: Could not process rule: No such file or directory\n"
		  "add rule ip t c queue num 0 fail-open\n"
		  "                ^^^^^\n"
		  NEEDS_QUEUE);

	/* a file: once per run and kind */
	id = nx_marker_count();
	snprintf(err, sizeof(err),
		 "f.nft:1:17-%d: Error: Could not process rule: Operation not supported\n"
		 "add rule ip t c counter packets %u bytes %u\n"
		 "                %.*s\n"
		 "f.nft:2:17-%d: Error: Could not process rule: Operation not supported\n"
		 "add rule ip t c counter packets %u bytes %u\n"
		 "                %.*s\n",
		 16 + marker_len(id + 1), NFTX_MAGIC, id + 1,
		 marker_len(id + 1), CARETS,
		 16 + marker_len(id + 2), NFTX_MAGIC, id + 2,
		 marker_len(id + 2), CARETS);
	snprintf(want, sizeof(want),
		 "f.nft:1:17-28: Error: Could not process rule: Operation not supported\n"
		 "add rule ip t c synproxy ecn\n"
		 "                ^^^^^^^^^^^^\n"
		 NEEDS_SYNPROXY
		 "f.nft:2:17-28: Error: Could not process rule: Operation not supported\n"
		 "add rule ip t c synproxy ecn\n"
		 "                ^^^^^^^^^^^^\n");
	err_check("needs: synproxy ecn, once per run", "f.nft",
		  "add rule ip t c synproxy ecn\nadd rule ip t c synproxy ecn\n",
		  0, err, want);

	/* nft's guess at the chain meant, for ENOENT */
	id = nx_marker_count();
	snprintf(err, sizeof(err), "Error: No such file or directory; did you mean chain 'in' in table ip 't'?\n"
		 "add rule ip t c counter packets %u bytes %u\n"
		 "                %.*s\n", NFTX_MAGIC, id + 1,
		 marker_len(id + 1), CARETS);
	err_check("needs: seqadj, ENOENT with a guess", NULL,
		  "add rule ip t c seqadj random", NX_LOWER_BUFFER, err,
		  "Error: No such file or directory; did you mean chain 'in' in table ip 't'?\n"
		  "add rule ip t c seqadj random\n"
		  "                ^^^^^^^^^^^^^\n"
		  NEEDS_SEQADJ);

	/* an error elsewhere in the rule (its chain): nothing more */
	id = nx_marker_count();
	snprintf(err, sizeof(err), "Error: Could not process rule: No such file or directory\n"
		 "add rule ip t nochain counter packets %u bytes %u\n"
		 "              ^^^^^^^\n", NFTX_MAGIC, id + 1);
	fake_asked = 0;
	err_check("needs: not for an error elsewhere", NULL,
		  "add rule ip t nochain seqadj", NX_LOWER_BUFFER, err,
		  "Error: Could not process rule: No such file or directory\n"
		  "add rule ip t nochain seqadj\n"
		  "              ^^^^^^^\n");
	test_check(!fake_asked, "needs: no probe for an error elsewhere", NULL,
		   NULL);

	/* a stock statement that fails the same way: nothing more */
	err_check("needs: not for a stock queue", NULL,
		  "add rule ip t c queue num 0", NX_LOWER_BUFFER,
		  "Error: Could not process rule: No such file or directory\n"
		  "add rule ip t c queue num 0\n"
		  "                ^^^^^\n",
		  "Error: Could not process rule: No such file or directory\n"
		  "add rule ip t c queue num 0\n"
		  "                ^^^^^\n");

	/* JSON: no location, every new statement is a suspect */
	err_check("needs: json", NULL,
		  "{\"nftables\": [{\"add\": {\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": ["
		  "{\"seqadj\": {\"offset\": 5}}]}}}]}", NX_LOWER_JSON | NX_LOWER_BUFFER,
		  "internal:0:0-0: Error: Could not process rule: No such file or directory\n\n",
		  "internal:0:0-0: Error: Could not process rule: No such file or directory\n\n"
		  NEEDS_SEQADJ);

	/* a kernel with the patches: nft's record alone */
	fake_has = 1;
	id = nx_marker_count();
	snprintf(err, sizeof(err), "Error: Could not process rule: Operation not supported\n"
		 "add rule ip t c counter packets %u bytes %u\n"
		 "                %.*s\n",
		 NFTX_MAGIC, id + 1, marker_len(id + 1), CARETS);
	fake_asked = 0;
	err_check("needs: nothing on a kernel that has it", NULL,
		  "add rule ip t c seqadj", NX_LOWER_BUFFER, err,
		  "Error: Could not process rule: Operation not supported\n"
		  "add rule ip t c seqadj\n"
		  "                ^^^^^^\n");
	test_check(fake_asked == 1, "needs: the kernel was asked", NULL, NULL);
}

static void test_mapping(void)
{
	const char *in = "add rule ip t c queue num 0 fail-open accept";
	struct nx_source *src = nx_lower(NULL, in, strlen(in), NX_LOWER_BUFFER);
	size_t q = strstr(src->low, "queue") - src->low;
	size_t a = strstr(src->low, "accept") - src->low;

	test_check(nx_lo_to_or(src, q, false) == 16, "map queue start", NULL, NULL);
	test_check(nx_lo_to_or(src, a, false) == (size_t)(strstr(in, "accept") - in),
	      "map after the deleted fail-open", NULL, NULL);
	test_check(nx_lo_to_or(src, 16, false) == 16 && nx_lo_to_or(src, 20, true) == 16,
	      "map inside the inserted marker", NULL, NULL);
	nx_source_free(src);
}

/* synproxy statistics: a listing's loads back; reset commands */
static void test_stats(void)
{
	static const uint64_t v[NFTX_SYNPROXY_NSTATS] = { 12, 3, 2 };
	static const char *const st =
		"syn-answered 12 cookie-valid 3 cookie-invalid 2";
	uint32_t first = next_id();
	struct nx_source *src;
	struct sbuf out = {};
	char in[512], want[512];
	const struct nx_marker *m;
	struct nftx_expr *e;

	snprintf(in, sizeof(in), "add rule ip t c synproxy mss 1460 wscale 7 timestamp %s accept", st);
	lower_ok("rule statistics dropped", in,
		 "add rule ip t c synproxy mss 1460 wscale 7 timestamp accept");
	snprintf(in, sizeof(in), "add rule ip t c synproxy ecn %s", st);
	lower_ok("ecn with statistics: a marker", in,
		 "add rule ip t c counter packets MAGIC bytes @0");
	m = nx_marker_get(first);
	test_check(m && m->kind == NX_K_SYNPROXY &&
	      !nftx_expr_is_set(m->expr, NFTX_EXPR_SYNPROXY_SYN_ANSWERED),
	      "ecn marker carries no statistics", NULL, NULL);
	snprintf(in, sizeof(in),
		 "table ip t {\n\tsynproxy o {\n\t\tmss 1460\n\t\t%s\n\t}\n}\n", st);
	lower_ok("object statistics dropped", in,
		 "table ip t {\n\tsynproxy o {\n\t\tmss 1460\n\t\t  \n\t}\n}\n");
	lower_ok("add synproxy with statistics",
		 "add synproxy ip t o { mss 1460; syn-answered 4; }",
		 "add synproxy ip t o { mss 1460; ; }");
	lower_same("statistic word elsewhere", "add rule ip t c meta mark 5 comment \"syn-answered 4\"");
	lower_err("option after the statistics",
		  "add rule ip t c synproxy mss 1460 syn-answered 0 wscale 7",
		  "synproxy options must come before its statistics", "wscale");
	lower_err("negative statistic", "add rule ip t c synproxy syn-answered -1",
		  "Value -1 is negative", "-1");

	/* reset commands become the listing that shows them */
	lower_ok("reset rules", "reset rules", "list ruleset");
	test_check(nx_reset_req.rules && nx_reset_req.family == -1 &&
	      !nx_reset_req.obj, "reset rules request", NULL, NULL);
	lower_ok("reset rules family", "reset rules inet", "list ruleset inet");
	test_check(nx_reset_req.rules && nx_reset_req.family == 1,
	      "reset rules family request", NULL, NULL);
	lower_ok("reset rules table", "reset rules table ip6 t", "list table ip6 t");
	test_check(nx_reset_req.rules && nx_reset_req.family == 10 &&
	      !strcmp(nx_reset_req.table, "t"), "reset rules table request",
	      NULL, NULL);
	lower_ok("reset rules chain", "reset rules chain t c", "list chain t c");
	test_check(nx_reset_req.rules && nx_reset_req.family == 2 &&
	      !strcmp(nx_reset_req.name, "c"), "reset rules chain request",
	      NULL, NULL);
	memset(&nx_reset_req, 0, sizeof(nx_reset_req));
	lower_ok("reset synproxy", "reset synproxy inet t \"o\"", "list synproxy inet t \"o\"");
	test_check(nx_reset_req.obj == NX_RESET_OBJ_ONE && nx_reset_req.family == 1 &&
	      !strcmp(nx_reset_req.table, "t") && !strcmp(nx_reset_req.name, "o"),
	      "reset synproxy request", NULL, NULL);
	lower_ok("reset synproxys table", "reset synproxys table bridge t",
		 "list synproxys table bridge t");
	test_check(nx_reset_req.obj == NX_RESET_OBJ_ALL && nx_reset_req.family == 7,
	      "reset synproxys table request", NULL, NULL);
	memset(&nx_reset_req, 0, sizeof(nx_reset_req));
	lower_same("reset counters", "reset counters");
	lower_same("reset synproxy malformed", "reset synproxy inet t");
	test_check(!nx_reset_req.obj && !nx_reset_req.rules,
	      "malformed reset requests nothing", NULL, NULL);
	lower_err("reset with another command", "reset synproxys\nlist ruleset",
		  "this reset must be a command of its own", "reset synproxys");
	src = nx_lower(NULL, "reset synproxys", 15, NX_LOWER_BUFFER | NX_LOWER_JSON);
	test_check(src->nerrs == 1 && !strcmp(src->errs[0].msg,
					 "reset synproxys cannot be listed as JSON"),
	      "reset synproxys -j refused", src->errs ? src->errs[0].msg : NULL,
	      NULL);
	nx_source_free(src);
	memset(&nx_reset_req, 0, sizeof(nx_reset_req));

	/* listing: a rule's statement, an object's line, -s */
	e = nftx_expr_alloc("synproxy");
	nftx_expr_set_u16(e, NFTX_EXPR_SYNPROXY_MSS, 1460);
	nftx_expr_set_u8(e, NFTX_EXPR_SYNPROXY_WSCALE, 7);
	nftx_expr_set_u32(e, NFTX_EXPR_SYNPROXY_FLAGS, NF_SYNPROXY_OPT_MSS |
			  NF_SYNPROXY_OPT_WSCALE);
	for (int i = 0; i < NFTX_SYNPROXY_NSTATS; i++)
		nftx_expr_set_u64(e, NFTX_EXPR_SYNPROXY_SYN_ANSWERED + i, v[i]);
	first = nx_marker_add(NX_K_SYNPROXY, false, e, NULL);
	snprintf(want, sizeof(want), "\t\tsynproxy mss 1460 wscale 7 %s accept", st);
	xlate_check("list rule statistics",
		    "\t\tlog prefix \"nftx-1313166424-%u\" accept%.0u", first, 0,
		    want);
	nx_stateless = true;
	xlate_check("list rule statistics -s",
		    "\t\tlog prefix \"nftx-1313166424-%u\" accept%.0u", first, 0,
		    "\t\tsynproxy mss 1460 wscale 7 accept");
	nx_stateless = false;

	nx_objstat_note(1, "t", "o", v);
	test_check(!nx_objstat_xlate_line("table inet t {", 14, &out) &&
	      !nx_objstat_xlate_line("\tsynproxy o { # handle 3", 24, &out) &&
	      !nx_objstat_xlate_line("\t\tmss 1460", 10, &out) &&
	      nx_objstat_xlate_line("\t}", 2, &out),
	      "object block found", out.s, NULL);
	snprintf(want, sizeof(want), "\t\t%s\n\t}", st);
	test_check_str("object statistics line", out.s ? out.s : "", want);
	sbuf_reset(&out);
	test_check(!nx_objstat_xlate_line("table ip t {", 12, &out) &&
	      !nx_objstat_xlate_line("\tsynproxy o {", 13, &out) &&
	      !nx_objstat_xlate_line("\t}", 2, &out),
	      "same name, other family: nothing", out.s, NULL);
	nx_objstat_override(1, "t", "o", (const uint64_t[]){ 1, 2, 3 });
	nx_objstat_note(1, "t", "o", v);
	{
		uint64_t got[NFTX_SYNPROXY_NSTATS];

		test_check(nx_objstat_get(1, "t", "o", got) && got[0] == 1 &&
		      got[2] == 3, "a reset's values win", NULL, NULL);
	}
	nx_objstat_reset();
	test_check(!nx_objstat_any(), "objstat reset", NULL, NULL);
	sbuf_free(&out);
}

int main(void)
{
	nx_kernel_has = fake_kernel_has;
	test_lowering();
	test_json_lowering();
	test_mapping();
	test_output();
	test_errors();
	test_needs();
	test_stats();
	return test_summary();
}
