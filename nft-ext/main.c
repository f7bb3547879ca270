// SPDX-License-Identifier: GPL-2.0-only
/*
 * main.c - the nftx command line: nft 1.0.6's options, messages and exit
 * codes, with every run going through the interposition layer (nftx.h) so that the new
 * statements are understood.
 *
 * What is nft's and what is ours:
 *  - options, their order of precedence (commands given as arguments,
 *    then -f, then -i), the "options must be specified before commands"
 *    check, the help and version texts and the exit codes are nft 1.0.6's;
 *  - -V adds one line naming nftx and the statements it adds.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <editline/readline.h>
#include <nftables/libnftables.h>

#include "nftx.h"

#define NFT_VERSION	"1.0.6"
#define NFT_RELEASE	"Lester Gooch #5"
#define NFT_INCLUDE_DIR	"/etc"
#define NFTX_VERSION	"0.1"
#define CLI_PROMPT	"nft> "
#define CLI_HISTFILE	".nft.history"

enum opt_group {
	GROUP_GENERAL,
	GROUP_INPUT,
	GROUP_LIST,
	GROUP_OUTPUT,
};

struct nftx_option {
	const char	*name;		/* long name, NULL for -V */
	int		val;		/* short option */
	const char	*arg;		/* argument, as shown by --help */
	enum opt_group	group;
	const char	*help;
};

/* in the order nft 1.0.6 lists them in its help */
static const struct nftx_option options[] = {
	{ "help",		'h', NULL,		GROUP_GENERAL,
	  "Show this help" },
	{ "version",		'v', NULL,		GROUP_GENERAL,
	  "Show version information" },
	{ NULL,			'V', NULL,		GROUP_GENERAL,
	  "Show extended version information" },
	{ "file",		'f', "<filename>",	GROUP_INPUT,
	  "Read input from <filename>" },
	{ "define",		'D', "<name=value>",	GROUP_INPUT,
	  "Define variable, e.g. --define foo=1.2.3.4" },
	{ "interactive",	'i', NULL,		GROUP_INPUT,
	  "Read input from interactive CLI" },
	{ "includepath",	'I', "<directory>",	GROUP_INPUT,
	  "Add <directory> to the paths searched for include files. Default is: "
	  NFT_INCLUDE_DIR },
	{ "check",		'c', NULL,		GROUP_INPUT,
	  "Check commands validity without actually applying the changes." },
	{ "optimize",		'o', NULL,		GROUP_INPUT,
	  "Optimize ruleset" },
	{ "handle",		'a', NULL,		GROUP_LIST,
	  "Output rule handle." },
	{ "stateless",		's', NULL,		GROUP_LIST,
	  "Omit stateful information of ruleset." },
	{ "terse",		't', NULL,		GROUP_LIST,
	  "Omit contents of sets." },
	{ "service",		'S', NULL,		GROUP_LIST,
	  "Translate ports to service names as described in /etc/services." },
	{ "reversedns",		'N', NULL,		GROUP_LIST,
	  "Translate IP addresses to names." },
	{ "guid",		'u', NULL,		GROUP_LIST,
	  "Print UID/GID as defined in /etc/passwd and /etc/group." },
	{ "numeric",		'n', NULL,		GROUP_LIST,
	  "Print fully numerical output." },
	{ "numeric-priority",	'y', NULL,		GROUP_LIST,
	  "Print chain priority numerically." },
	{ "numeric-protocol",	'p', NULL,		GROUP_LIST,
	  "Print layer 4 protocols numerically." },
	{ "numeric-time",	'T', NULL,		GROUP_LIST,
	  "Print time values numerically." },
	{ "echo",		'e', NULL,		GROUP_OUTPUT,
	  "Echo what has been added, inserted or replaced." },
	{ "json",		'j', NULL,		GROUP_OUTPUT,
	  "Format output in JSON" },
	{ "debug",		'd', "<level [,level...]>", GROUP_OUTPUT,
	  "Specify debugging level (scanner, parser, eval, netlink, mnl, proto-ctx, segtree, all)" },
};

#define NR_OPTIONS	(sizeof(options) / sizeof(options[0]))

static const char * const group_title[] = {
	[GROUP_GENERAL]	= "Options (general):",
	[GROUP_INPUT]	= "Options (ruleset input handling):",
	[GROUP_LIST]	= "Options (ruleset list formatting):",
	[GROUP_OUTPUT]	= "Options (command output formatting):",
};

static const struct {
	const char	*name;
	unsigned int	mask;
} debug_levels[] = {
	{ "scanner",	NFT_DEBUG_SCANNER },
	{ "parser",	NFT_DEBUG_PARSER },
	{ "eval",	NFT_DEBUG_EVALUATION },
	{ "netlink",	NFT_DEBUG_NETLINK },
	{ "mnl",	NFT_DEBUG_MNL },
	{ "proto-ctx",	NFT_DEBUG_PROTO_CTX },
	{ "segtree",	NFT_DEBUG_SEGTREE },
	{ "all",	NFT_DEBUG_SCANNER | NFT_DEBUG_PARSER |
			NFT_DEBUG_EVALUATION | NFT_DEBUG_NETLINK |
			NFT_DEBUG_MNL | NFT_DEBUG_PROTO_CTX |
			NFT_DEBUG_SEGTREE },
};

static void show_help(const char *name)
{
	enum opt_group group = GROUP_GENERAL;
	char left[128];
	size_t i;

	printf("Usage: %s [ options ] [ cmds... ]\n\n%s\n", name,
	       group_title[group]);
	for (i = 0; i < NR_OPTIONS; i++) {
		const struct nftx_option *o = &options[i];

		if (o->group != group) {
			group = o->group;
			printf("\n%s\n", group_title[group]);
		}
		if (o->name)
			snprintf(left, sizeof(left), "  -%c, --%s%s%s", o->val,
				 o->name, o->arg ? " " : "",
				 o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "  -%c", o->val);
		printf("%-34s%s\n", left, o->help);
	}
	printf("\n");
}

static void show_version(bool extended)
{
	printf("nftables v%s (%s)\n", NFT_VERSION, NFT_RELEASE);
	if (!extended)
		return;
	printf("  cli:\t\teditline\n"
	       "  json:\t\tyes\n"
	       "  minigmp:\tno\n"
	       "  libxtables:\tyes\n"
	       "  nftx:\t\t%s (seqadj, queue fail-open, synproxy ecn)\n",
	       NFTX_VERSION);
}

/*
 * nft refuses an option that comes after the first word of a command, up
 * to the first argument that opens a block ('{'): it would otherwise be
 * taken for a negative number or the reverse.  The arguments of -f, -D,
 * -I and -d are skipped, as nft does.  The error points at the option;
 * like nft, the command line goes to stderr and the carets to stdout.
 */
static bool options_before_commands(int argc, char * const argv[])
{
	bool skip = false, command = false;
	size_t pos = 0;
	int i, j;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		pos += strlen(argv[i - 1]) + 1;
		if (a[0] == '{')
			break;
		if (skip) {
			skip = false;
			continue;
		}
		if (a[0] != '-') {
			command = true;
			continue;
		}
		if (command) {
			fprintf(stderr, "Error: syntax error, options must be specified before commands\n");
			for (j = 0; j < argc; j++)
				fprintf(stderr, "%s ", argv[j]);
			/* nft 1.0.6 writes the carets to stdout */
			printf("\n   ^%*s~~\n", pos > 4 ? (int)(pos - 4) : 0, "");
			return false;
		}
		if (a[1] != '\0' && strchr("dIfD", a[1]))
			skip = true;
		else if (!strcmp(a, "--debug") || !strcmp(a, "--includepath") ||
			 !strcmp(a, "--file") || !strcmp(a, "--define"))
			skip = true;
	}
	return true;
}

static bool parse_debug(struct nft_ctx *ctx, char *arg)
{
	unsigned int mask = nft_ctx_output_get_debug(ctx);
	char *tok, *save = NULL;
	size_t i;

	for (tok = strtok_r(arg, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < sizeof(debug_levels) / sizeof(debug_levels[0]);
		     i++) {
			if (!strcmp(tok, debug_levels[i].name))
				break;
		}
		if (i == sizeof(debug_levels) / sizeof(debug_levels[0])) {
			fprintf(stderr, "invalid debug parameter `%s'\n", tok);
			return false;
		}
		mask |= debug_levels[i].mask;
	}
	nft_ctx_output_set_debug(ctx, mask);
	return true;
}

/* -i: one command per line, "\" at the end of a line continues it */
static char *cli_histfile(void)
{
	const char *home = getenv("HOME");
	char *path;

	if (!home)
		home = "";
	if (asprintf(&path, "%s/%s", home, CLI_HISTFILE) < 0)
		return NULL;
	return path;
}

static int run_interactive(struct nft_ctx *ctx)
{
	char *histfile = cli_histfile();
	char *pending = NULL, *line;
	HIST_ENTRY *last;
	bool more;
	size_t len;

	rl_readline_name = "nft";
	rl_instream = stdin;
	rl_outstream = stdout;
	if (histfile)
		read_history(histfile);
	history_set_pos(history_length);

	while ((line = readline(CLI_PROMPT))) {
		len = strlen(line);
		more = len && line[len - 1] == '\\';

		if (more)
			line[len - 1] = '\0';
		if (pending) {
			char *joined;

			if (asprintf(&joined, "%s%s", pending, line) < 0)
				joined = NULL;
			free(pending);
			free(line);
			pending = NULL;
			line = joined;
			if (!line)
				continue;
		}
		if (more) {
			pending = line;
			continue;
		}
		for (len = 0; line[len] && isspace((unsigned char)line[len]);
		     len++)
			;
		if (!line[len]) {
			free(line);
			continue;
		}
		if (!strcmp(line, "quit")) {
			free(line);
			break;
		}
		last = history_get(history_length);
		if (!last || strcmp(last->line, line))
			add_history(line);
		nftx_run_cmd_from_buffer(ctx, line);
		fflush(stdout);
		free(line);
	}
	free(pending);
	if (histfile) {
		write_history(histfile);
		free(histfile);
	}
	return 0;
}

static char *join_args(int argc, char * const argv[], int first)
{
	size_t len = 1;
	char *buf, *p;
	int i;

	for (i = first; i < argc; i++)
		len += strlen(argv[i]) + 1;
	buf = malloc(len);
	if (!buf)
		return NULL;
	p = buf;
	*p = '\0';
	for (i = first; i < argc; i++) {
		p = stpcpy(p, argv[i]);
		if (i + 1 < argc)
			p = stpcpy(p, " ");
	}
	return buf;
}

int main(int argc, char *argv[])
{
	struct option longopts[NR_OPTIONS + 1];
	bool interactive = false, defines = false;
	char shortopts[2 * NR_OPTIONS + 2];
	const char *filename = NULL;
	unsigned int output = 0;
	struct nft_ctx *ctx;
	size_t i, n = 0, s = 0;
	int rc, c;

	if (!options_before_commands(argc, argv))
		return EXIT_FAILURE;

	shortopts[s++] = '+';
	for (i = 0; i < NR_OPTIONS; i++) {
		shortopts[s++] = options[i].val;
		if (options[i].arg)
			shortopts[s++] = ':';
		if (!options[i].name)
			continue;
		longopts[n].name = options[i].name;
		longopts[n].has_arg = options[i].arg ? required_argument :
						       no_argument;
		longopts[n].flag = NULL;
		longopts[n].val = options[i].val;
		n++;
	}
	shortopts[s] = '\0';
	memset(&longopts[n], 0, sizeof(longopts[n]));

	ctx = nftx_ctx_new(0);
	if (!ctx) {
		fprintf(stderr, "%s: %s\n", argv[0], strerror(ENOMEM));
		return EXIT_FAILURE;
	}

	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			show_help(argv[0]);
			rc = EXIT_SUCCESS;
			goto out;
		case 'v':
		case 'V':
			show_version(c == 'V');
			rc = EXIT_SUCCESS;
			goto out;
		case 'c':
			nft_ctx_set_dry_run(ctx, true);
			break;
		case 'o':
			nft_ctx_set_optimize(ctx, NFT_OPTIMIZE_ENABLED);
			break;
		case 'f':
			filename = optarg;
			break;
		case 'D':
			if (nft_ctx_add_var(ctx, optarg)) {
				fprintf(stderr, "Failed to define variable '%s'\n",
					optarg);
				rc = EXIT_FAILURE;
				goto out;
			}
			defines = true;
			break;
		case 'i':
			interactive = true;
			break;
		case 'I':
			if (nft_ctx_add_include_path(ctx, optarg)) {
				fprintf(stderr, "Failed to add include path '%s'\n",
					optarg);
				rc = EXIT_FAILURE;
				goto out;
			}
			break;
		case 'j':
			output |= NFT_CTX_OUTPUT_JSON;
			break;
		case 'n':
			output |= NFT_CTX_OUTPUT_NUMERIC_ALL;
			break;
		case 's':
			output |= NFT_CTX_OUTPUT_STATELESS;
			break;
		case 'N':
			output |= NFT_CTX_OUTPUT_REVERSEDNS;
			break;
		case 'S':
			output |= NFT_CTX_OUTPUT_SERVICE;
			break;
		case 'u':
			output |= NFT_CTX_OUTPUT_GUID;
			break;
		case 'y':
			output |= NFT_CTX_OUTPUT_NUMERIC_PRIO;
			break;
		case 'p':
			output |= NFT_CTX_OUTPUT_NUMERIC_PROTO;
			break;
		case 'T':
			output |= NFT_CTX_OUTPUT_NUMERIC_TIME;
			break;
		case 't':
			output |= NFT_CTX_OUTPUT_TERSE;
			break;
		case 'a':
			output |= NFT_CTX_OUTPUT_HANDLE;
			break;
		case 'e':
			output |= NFT_CTX_OUTPUT_ECHO;
			break;
		case 'd':
			if (!parse_debug(ctx, optarg)) {
				rc = EXIT_FAILURE;
				goto out;
			}
			break;
		default:	/* getopt has said what is wrong */
			rc = EXIT_FAILURE;
			goto out;
		}
	}

	if (defines && !filename) {
		fprintf(stderr, "Error: -D/--define can only be used with -f/--filename\n");
		rc = EXIT_FAILURE;
		goto out;
	}

	nft_ctx_output_set_flags(ctx, output);

	if (optind != argc) {
		char *buf = join_args(argc, argv, optind);

		if (!buf) {
			fprintf(stderr, "%s: %s\n", argv[0], strerror(ENOMEM));
			rc = EXIT_FAILURE;
			goto out;
		}
		rc = nftx_run_cmd_from_buffer(ctx, buf) ? EXIT_FAILURE :
							  EXIT_SUCCESS;
		free(buf);
	} else if (filename) {
		rc = nftx_run_cmd_from_filename(ctx, filename) ? EXIT_FAILURE :
								 EXIT_SUCCESS;
	} else if (interactive) {
		rc = run_interactive(ctx);
	} else {
		fprintf(stderr, "%s: no command specified\n", argv[0]);
		rc = EXIT_FAILURE;
	}
out:
	nftx_ctx_free(ctx);
	return rc;
}
