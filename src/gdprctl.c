/* gdprctl: main, global options and the command table. */
#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "change.h"
#include "check.h"
#include "cmd.h"
#include "git.h"
#include "pager.h"

static const char main_usage[] =
    "usage: gdprctl [-C DIR] [--today DATE] [--color auto|always|never] "
    "[-q]\n"
    "               [--no-pager] COMMAND [ARGS...]\n"
    "       gdprctl -h | --help | --version\n";

const struct cmd commands[] = {
    {"init", cmd_init,
        "usage: gdprctl init [DIR] [--name NAME] [--country CC] "
        "[--locale en|nb|sv]\n"
        "\n"
        "Create gdprctl.yaml and the seven record directories in DIR (default\n"
        "the current directory) and run git init when DIR is not yet in a git\n"
        "repository. Nothing that exists is overwritten.\n"
        "\n"
        "  --name NAME      the organisation's name\n"
        "  --country CC     ISO 3166-1 alpha-2 country code (default NO)\n"
        "  --locale L       en, nb or sv: the language of reports (default en)\n",
        "create a records repository", 0},
    {"validate", cmd_validate,
        "usage: gdprctl validate [PATH...]\n"
        "                        [--format text|json|github|sarif|codequality]\n"
        "                        [--strict] [--changed-since REV] [-j N]\n"
        "       gdprctl validate --stdin-filename PATH -\n"
        "\n"
        "Check every record (or those under PATH) and print the findings.\n"
        "\n"
        "  --format F           text (default), json, github, sarif or\n"
        "                       codequality (GitLab)\n"
        "  --strict             warnings fail too (exit 1)\n"
        "  --changed-since REV  findings only for files changed since REV\n"
        "  -j, --jobs N         read records on N threads (default: one per\n"
        "                       online processor)\n"
        "  --stdin-filename PATH  check the text on standard input as the\n"
        "                       record PATH, and print its findings only\n",
        "check the records and print findings", CMD_PAGER},
    {"rules", cmd_rules,
        "usage: gdprctl rules [--format text|json]\n"
        "\n"
        "List every rule that validate checks: its id, the severity in force\n"
        "(after rules: in gdprctl.yaml; outside a repository, the default),\n"
        "the default severity, the articles it rests on and one line on what\n"
        "it finds.\n"
        "\n"
        "  --format F   text (default) or json\n",
        "list the rules and their severities", CMD_PAGER},
    {"explain", cmd_explain,
        "usage: gdprctl explain RULE\n"
        "\n"
        "Explain a rule: what it checks, why (the law and guidance), and how\n"
        "to fix a finding. 'gdprctl rules' lists the rules.\n",
        "explain a rule", CMD_PAGER},
    {"schema", cmd_schema,
        "usage: gdprctl schema export DIR\n"
        "       gdprctl schema validate SCHEMA FILE...\n"
        "\n"
        "export writes the built-in JSON Schemas (draft 2020-12) to DIR, for\n"
        "editors and other tools. validate checks YAML or JSON files against any\n"
        "JSON Schema file: exit 0 when every file is valid, 1 otherwise.\n",
        "export the schemas, or validate files against a schema", 0},
    {"register", cmd_register,
        "usage: gdprctl register list [--format table|csv|json|md] "
        "[--status S] [--year Y]\n"
        "       gdprctl register show ID [--format text|json]\n"
        "       gdprctl register new [--id ID] [--name N] [--purpose P]\n"
        "                            [--edit|--no-edit]\n"
        "\n"
        "The record of processing activities (register/REG-*.yaml).\n"
        "\n"
        "  list        one row an entry: name, system, status, review dates\n"
        "  show ID     an entry with computed values and references\n"
        "  new         write a new entry from a template\n"
        "\n"
        "Run 'gdprctl register VERB -h' for the options of a verb.\n",
        "work with the record of processing activities", 0},
    {"dpa", cmd_dpa,
        "usage: gdprctl dpa list [--format table|csv|json|md] [--status S] "
        "[--year Y]\n"
        "       gdprctl dpa show ID [--format text|json]\n"
        "       gdprctl dpa new [--id ID] [--processor NAME] [--country CC]\n"
        "                       [--edit|--no-edit]\n"
        "       gdprctl dpa expiring [--within DAYS]\n"
        "\n"
        "Data processing agreements (dpa/DPA-*.yaml).\n"
        "\n"
        "  list        one row an agreement: processor, status, dates\n"
        "  show ID     an agreement with computed values and references\n"
        "  new         write a new agreement from a template\n"
        "  expiring    signed agreements that expire soon or have expired\n"
        "\n"
        "Run 'gdprctl dpa VERB -h' for the options of a verb.\n",
        "work with data processing agreements", 0},
    {"incident", cmd_incident,
        "usage: gdprctl incident list [--format table|csv|json|md] "
        "[--status S] [--year Y]\n"
        "       gdprctl incident show ID [--format text|json]\n"
        "       gdprctl incident new [--id ID] [--title T]\n"
        "                            [--discovered DATETIME|now]\n"
        "                            [--risk none|risk|high] "
        "[--edit|--no-edit]\n"
        "       gdprctl incident deadlines\n"
        "       gdprctl incident close ID [--date D]\n"
        "\n"
        "Personal-data breaches (incident/INC-*.yaml).\n"
        "\n"
        "  list        one row a breach: discovered, risk, status, deadline\n"
        "  show ID     a breach with its deadline and notifications\n"
        "  new         write a new breach from a template\n"
        "  deadlines   open breaches: notification deadline, time left\n"
        "  close ID    set status: closed and closed: D (default today)\n"
        "\n"
        "Run 'gdprctl incident VERB -h' for the options of a verb.\n",
        "work with personal-data breaches", 0},
    {"dpia", cmd_dpia,
        "usage: gdprctl dpia list [--format table|csv|json|md] [--status S] "
        "[--year Y]\n"
        "       gdprctl dpia show ID [--format text|json]\n"
        "       gdprctl dpia new [--id ID] [--title T] [--date D] "
        "[--edit|--no-edit]\n"
        "       gdprctl dpia screen ID\n"
        "\n"
        "Data protection impact assessments (dpia/DPIA-*.yaml).\n"
        "\n"
        "  list        one row an assessment: date, status, criteria, risk\n"
        "  show ID     an assessment with its risks scored and references\n"
        "  new         write a new assessment from a template\n"
        "  screen ID   the WP248 criteria met and whether a DPIA is required\n"
        "\n"
        "Run 'gdprctl dpia VERB -h' for the options of a verb.\n",
        "work with data protection impact assessments", 0},
    {"ros", cmd_ros,
        "usage: gdprctl ros list [--format table|csv|json|md] [--status S] "
        "[--year Y]\n"
        "       gdprctl ros show ID [--format text|json]\n"
        "       gdprctl ros new [--id ID] [--title T] [--date D] "
        "[--edit|--no-edit]\n"
        "       gdprctl ros matrix [ID]\n"
        "\n"
        "Risk and vulnerability analyses (ros/ROS-*.yaml).\n"
        "\n"
        "  list        one row an analysis: date, status, threats, risk\n"
        "  show ID     an analysis with its threats scored and references\n"
        "  new         write a new analysis from a template\n"
        "  matrix [ID] the likelihood x consequence matrix with counts\n"
        "\n"
        "Run 'gdprctl ros VERB -h' for the options of a verb.\n",
        "work with risk and vulnerability analyses", 0},
    {"request", cmd_request,
        "usage: gdprctl request list [--format table|csv|json|md] "
        "[--status S] [--year Y]\n"
        "       gdprctl request show ID [--format text|json]\n"
        "       gdprctl request new [--id ID] [--type T] "
        "[--received DATE|today]\n"
        "                           [--case CASE] [--edit|--no-edit]\n"
        "       gdprctl request due\n"
        "       gdprctl request respond ID [--date D] [--outcome O]\n"
        "\n"
        "Data-subject requests (request/REQ-*.yaml).\n"
        "\n"
        "  list        one row a request: type, received, deadline, status\n"
        "  show ID     a request with its deadline\n"
        "  new         write a new request from a template\n"
        "  due         open requests with the days left\n"
        "  respond ID  set responded: D (default today), and outcome: O\n"
        "\n"
        "Run 'gdprctl request VERB -h' for the options of a verb.\n",
        "work with data-subject requests", 0},
    {"plan", cmd_plan,
        "usage: gdprctl plan list [--year Y] [--format table|csv|json|md]\n"
        "       gdprctl plan new YEAR [--copy-tasks]\n"
        "       gdprctl plan set TASK [--year Y] [--percent N] [--status S]\n"
        "                        [--priority P] [--date D] [--note TEXT]\n"
        "\n"
        "The compliance plan of a year (plan/PLAN-YYYY.yaml).\n"
        "\n"
        "  list        the tasks: quarter, id, title, priority, status, "
        "percent\n"
        "  new YEAR    start the plan of YEAR from the previous plan's "
        "themes\n"
        "  set TASK    change values of a task and set its date to today\n"
        "\n"
        "--year Y picks the plan: by default this year's, else the newest.\n"
        "Run 'gdprctl plan VERB -h' for the options of a verb.\n",
        "list, start and update the compliance plan", 0},
    {"report", cmd_report,
        "usage: gdprctl report status|register|incidents|risks|annual "
        "[--year Y]\n"
        "                      [--quarter Qn] [--format md|csv|json] "
        "[-o FILE]\n"
        "                      [--at REV] [--locale en|nb|sv]\n"
        "\n"
        "Compute a report from the records and write it to standard output\n"
        "or FILE. status: the plan of the year by quarter with completion;\n"
        "register: the Art. 30 record; incidents: the breach log of the year;\n"
        "risks: every threat and risk by residual score, and the matrix;\n"
        "annual: the yearly review, ending with every finding of validate.\n"
        "\n"
        "  --year Y         the year (default: the current one)\n"
        "  --quarter Qn     status: only quarter Q1, Q2, Q3 or Q4\n"
        "  --format F       md (default), csv or json\n"
        "  -o FILE          write to FILE (replaced atomically)\n"
        "  --at REV         from the records of git revision REV\n"
        "  --locale L       en, nb or sv: the language of the labels\n",
        "write a status, register, breach, risk or annual report", CMD_PAGER},
    {"history", cmd_history,
        "usage: gdprctl history ID [--format text|json]\n"
        "\n"
        "List the commits that changed the record ID, newest first: author\n"
        "date, commit, author and summary. Renames of the file are followed.\n"
        "Needs a full clone (not a shallow one).\n"
        "\n"
        "  --format F   text (default) or json\n",
        "the commits that changed a record", CMD_PAGER},
    {"scan", cmd_scan,
        "usage: gdprctl scan [PATH...]\n"
        "                    [--format text|json|github|sarif|codequality]\n"
        "\n"
        "Look for national identity numbers (the personal-data rule) in any\n"
        "text files: each PATH is a file or a directory searched recursively,\n"
        "skipping .git and binary files; the default is the current directory.\n"
        "Numbers found are shown masked. No records repository is needed.\n"
        "Exit status 1 when a number is found.\n"
        "\n"
        "  --format F   text (default), json, github, sarif or codequality\n",
        "find national identity numbers in any files", CMD_PAGER},
    {"help", cmd_help,
        "usage: gdprctl help [COMMAND]\n"
        "\n"
        "Show the commands, or the usage of one command.\n",
        "show help for a command", 0},
    {NULL, NULL, NULL, NULL, 0},
};

const struct cmd *
cmd_lookup(const char *name)
{
	const struct cmd *c;

	for (c = commands; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/*
 * The global options that may also follow the command's name; their
 * values lie above those commands give their own long options.
 */
enum {
	GOPT_COLOR = 0x10000,
	GOPT_TODAY,
	GOPT_NO_PAGER,
};

/* clang-format off */
#define GLOBAL_OPTIONS                                                         \
	{"color", required_argument, NULL, GOPT_COLOR},                        \
	{"today", required_argument, NULL, GOPT_TODAY},                        \
	{"no-pager", no_argument, NULL, GOPT_NO_PAGER}
/* clang-format on */

static const struct option global_opts[] = {
    GLOBAL_OPTIONS,
    {NULL, 0, NULL, 0},
};

/*
 * Apply the global option ch (with optarg) to ctx. Returns 0 when done,
 * -1 when ch is not one, or the exit status of a usage error (2). name is
 * the command's after its name, NULL before it.
 */
static int
global_option(struct gd_ctx *ctx, const char *name, int ch)
{
	switch (ch) {
	case 'q':
		ctx->quiet = 1;
		diag_set_quiet(1);
		return 0;
	case 'C':
		/* The directory is entered before the command runs. */
		return usage_error(name,
		    "-C must come before the command: gdprctl -C %s %s ...",
		    optarg, name);
	case GOPT_COLOR:
		if (strcmp(optarg, "auto") != 0 &&
		    strcmp(optarg, "always") != 0 &&
		    strcmp(optarg, "never") != 0)
			return usage_error(name,
			    "--color takes auto, always or never, not '%s'",
			    optarg);
		ctx->color_mode = optarg;
		ctx->color_out = diag_color_enabled(optarg, stdout);
		return 0;
	case GOPT_TODAY:
		if (date_parse(optarg, strlen(optarg), &ctx->today) < 0)
			return usage_error(name,
			    "--today takes a date YYYY-MM-DD, not '%s'",
			    optarg);
		ctx->today_given = 1;
		return 0;
	case GOPT_NO_PAGER:
		ctx->no_pager = 1;
		return 0;
	}
	return -1;
}

void
opt_reset(void)
{
	/* 0, not 1: glibc then also resets its internal state. */
	optind = 0;
	opterr = 0;
}

/* Room for a command's long options and the global ones. */
#define OPT_MAX 48

int
opt_next(struct gd_ctx *ctx, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	struct option all[OPT_MAX];
	char shorts[32];
	size_t n = 0, g;
	int ch, rc;

	/* Built anew each call: getopt keeps no pointer into them. */
	while (longopts[n].name != NULL) {
		assert(n + 4 < OPT_MAX);
		all[n] = longopts[n];
		n++;
	}
	for (g = 0; global_opts[g].name != NULL; g++)
		all[n++] = global_opts[g];
	memset(&all[n], 0, sizeof(all[n]));
	assert(strlen(shortopts) + 4 < sizeof(shorts));
	snprintf(shorts, sizeof(shorts), "%sqC:", shortopts);
	for (;;) {
		ch = getopt_long(argc, argv, shorts, all, NULL);
		if (ch == -1) {
			if (ctx->page && !ctx->no_pager)
				pager_start();
			return -1;
		}
		if (ch == ':' || ch == '?')
			return ch;
		rc = global_option(ctx, ctx->cmd, ch);
		if (rc < 0)
			return ch;
		if (rc > 0)
			return OPT_REPORTED;
	}
}

int
usage_error(const char *name, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("gdprctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (name != NULL)
		fprintf(stderr, "\nRun 'gdprctl help %s' for details.\n", name);
	else
		fputs("\nRun 'gdprctl help' for a list of commands.\n", stderr);
	return EXIT_FAIL;
}

int
opt_error(const char *name, int ch, char **argv)
{
	if (ch == OPT_REPORTED)
		return EXIT_FAIL;
	if (ch == ':')
		return usage_error(
		    name, "option '%s' needs a value", argv[optind - 1]);
	return usage_error(name, "unknown option '%s'", argv[optind - 1]);
}

int
print_usage(const char *name)
{
	const struct cmd *c = cmd_lookup(name);

	if (c != NULL)
		fputs(c->usage, stdout);
	return EXIT_OK;
}

int
opt_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (*s == '\0' || *s == ' ' || *s == '+')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
opt_date(const char *name, const char *s)
{
	struct gd_date dt;

	if (date_parse(s, strlen(s), &dt) < 0)
		return usage_error(
		    name, "--date takes a date YYYY-MM-DD, not '%s'", s);
	return 0;
}

int
cmd_change_open(struct change *c, const struct gd_ctx *ctx)
{
	return change_open(c, ctx->dir, ctx->today,
	    diag_color_enabled(ctx->color_mode, stderr));
}

int
cmd_change_status(int result)
{
	switch (result) {
	case CHANGE_WRITTEN:
		return EXIT_OK;
	case CHANGE_REFUSED:
		return EXIT_FINDINGS;
	default:
		return EXIT_FAIL;
	}
}

int
verb_run(const char *name, const struct verb *table, int argc, char **argv,
    struct gd_ctx *ctx)
{
	struct buf names = BUF_INIT;
	const struct verb *v;
	int rc;

	if (argc > 1 &&
	    (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
		return print_usage(name);
	for (v = table; argc > 1 && v->name != NULL; v++) {
		if (strcmp(v->name, argv[1]) == 0) {
			if (v->usage != NULL && argc > 2 &&
			    (strcmp(argv[2], "-h") == 0 ||
			        strcmp(argv[2], "--help") == 0)) {
				fputs(v->usage, stdout);
				return EXIT_OK;
			}
			opt_reset();
			ctx->page = (v->flags & CMD_PAGER) != 0;
			return v->fn(argc - 1, argv + 1, ctx);
		}
	}
	for (v = table; v->name != NULL; v++)
		buf_printf(&names, "%s%s", v == table ? "" : ", ", v->name);
	if (argc < 2)
		rc = usage_error(
		    name, "%s needs a subcommand: %s", name, names.ptr);
	else
		rc = usage_error(name, "'%s' is not a %s subcommand (%s)",
		    argv[1], name, names.ptr);
	buf_free(&names);
	return rc;
}

static void
list_commands(void)
{
	const struct cmd *c;

	fputs(main_usage, stdout);
	fputs("\nCommands:\n", stdout);
	for (c = commands; c->name != NULL; c++)
		printf("  %-10s %s\n", c->name, c->summary);
	fputs("\nGlobal options:\n"
	      "  -C DIR             run as if started in DIR\n"
	      "  --today DATE       take DATE (YYYY-MM-DD) as today\n"
	      "  --color WHEN       auto (default), always or never\n"
	      "  -q                 print no informational messages\n"
	      "  --no-pager         do not page long output on a terminal\n"
	      "  -h, --help         show this help\n"
	      "  --version          print the version\n"
	      "\nGlobal options other than -C may also follow the command.\n"
	      "Run 'gdprctl help COMMAND' for a command's options.\n",
	    stdout);
}

int
cmd_help(int argc, char **argv, struct gd_ctx *ctx)
{
	(void)ctx;
	if (argc > 1 &&
	    (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
		return print_usage("help");
	if (argc > 2)
		return usage_error("help", "help takes one command name");
	if (argc == 2) {
		if (cmd_lookup(argv[1]) == NULL)
			return usage_error(
			    NULL, "'%s' is not a command", argv[1]);
		return print_usage(argv[1]);
	}
	list_commands();
	return EXIT_OK;
}

static int
finish(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gdprctl: cannot write output: %s\n",
		    strerror(errno));
		return EXIT_FAIL;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    GLOBAL_OPTIONS,
	    {NULL, 0, NULL, 0},
	};
	struct gd_ctx ctx = {".", {0, 0, 0}, "auto", 0, 0, 0, NULL, 0, 0};
	const struct cmd *c;
	int ch, rc;

	opterr = 0;
	ctx.today = date_today();
	while ((ch = getopt_long(argc, argv, "+:C:hq", opts, NULL)) != -1) {
		switch (ch) {
		case 'C':
			ctx.dir = optarg;
			break;
		case 'h':
			list_commands();
			return finish(EXIT_OK);
		case 'V':
			printf("gdprctl %s\n", GD_VERSION);
			return finish(EXIT_OK);
		default:
			if ((rc = global_option(&ctx, NULL, ch)) != 0)
				return rc < 0 ? opt_error(NULL, ch, argv) : rc;
		}
	}
	if (optind >= argc)
		return usage_error(NULL, "no command given");
	c = cmd_lookup(argv[optind]);
	if (c == NULL)
		return usage_error(NULL, "'%s' is not a command", argv[optind]);
	/* Like git -C: everything after this is relative to DIR. */
	if (strcmp(ctx.dir, ".") != 0 && chdir(ctx.dir) < 0) {
		diag_error(
		    "cannot change to '%s': %s", ctx.dir, strerror(errno));
		return EXIT_FAIL;
	}
	ctx.dir = ".";
	ctx.cmd = c->name;
	ctx.page = (c->flags & CMD_PAGER) != 0;
	diag_set_quiet(ctx.quiet);
	ctx.color_out = diag_color_enabled(ctx.color_mode, stdout);
	argv += optind;
	argc -= optind;
	opt_reset();
	rc = finish(c->fn(argc, argv, &ctx));
	check_cleanup();
	git_stop();
	pager_stop();
	return rc;
}
