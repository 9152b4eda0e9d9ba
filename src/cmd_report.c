/* gdprctl report: compute a report and write it to stdout or a file. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "cmd.h"
#include "l10n.h"
#include "report.h"
#include "write.h"

static const struct {
	const char *name;
	int (*fn)(const struct report_ctx *x, struct buf *out);
} reports[] = {
    {"status", report_status},
    {"register", report_register},
    {"incidents", report_incidents},
    {"risks", report_risks},
    {"annual", report_annual},
};

static int
parse_quarter(const char *s)
{
	if ((s[0] == 'Q' || s[0] == 'q') && s[1] >= '1' && s[1] <= '4' &&
	    s[2] == '\0')
		return s[1] - '0';
	return -1;
}

static int
parse_format(const char *s, enum report_format *out)
{
	if (strcmp(s, "md") == 0)
		*out = REPORT_MD;
	else if (strcmp(s, "csv") == 0)
		*out = REPORT_CSV;
	else if (strcmp(s, "json") == 0)
		*out = REPORT_JSON;
	else
		return -1;
	return 0;
}

static int
emit(const char *path, const struct buf *b)
{
	if (path != NULL)
		return write_replace(path, buf_cstr(b), b->len);
	if (b->len > 0 && fwrite(b->ptr, 1, b->len, stdout) != b->len)
		return -1;
	return 0;
}

int
cmd_report(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"year", required_argument, NULL, 'y'},
	    {"quarter", required_argument, NULL, 'Q'},
	    {"format", required_argument, NULL, 'f'},
	    {"at", required_argument, NULL, 'a'},
	    {"locale", required_argument, NULL, 'l'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct report_ctx x;
	struct diag_list d = DIAG_LIST_INIT;
	struct check_opts co = {0};
	struct repo *r = NULL;
	struct buf out = BUF_INIT;
	const char *output = NULL, *at = NULL, *locale = NULL;
	size_t which;
	long year = 0;
	int ch, n, rc = EXIT_FAIL, annual;

	memset(&x, 0, sizeof(x));
	x.format = REPORT_MD;
	while ((ch = opt_next(ctx, argc, argv, ":ho:", opts)) != -1) {
		switch (ch) {
		case 'y':
			if (opt_long(optarg, 1, 9999, &year) < 0)
				return usage_error("report",
				    "--year takes a year such as 2026, not "
				    "'%s'",
				    optarg);
			break;
		case 'Q':
			x.quarter = parse_quarter(optarg);
			if (x.quarter < 0)
				return usage_error("report",
				    "--quarter takes Q1, Q2, Q3 or Q4, not "
				    "'%s'",
				    optarg);
			break;
		case 'f':
			if (parse_format(optarg, &x.format) < 0)
				return usage_error("report",
				    "--format takes md, csv or json, not '%s'",
				    optarg);
			break;
		case 'o':
			output = optarg;
			/* A file takes the report; nothing to page. */
			ctx->page = strcmp(optarg, "-") == 0;
			break;
		case 'a':
			at = optarg;
			break;
		case 'l':
			if (!l10n_locale_valid(optarg))
				return usage_error("report",
				    "--locale takes en, nb or sv, not '%s'",
				    optarg);
			locale = optarg;
			break;
		case 'h':
			return print_usage("report");
		default:
			return opt_error("report", ch, argv);
		}
	}
	if (optind >= argc)
		return usage_error("report",
		    "which report: status, register, incidents, risks or "
		    "annual");
	if (optind + 1 < argc)
		return usage_error(
		    "report", "unexpected argument '%s'", argv[optind + 1]);
	for (which = 0; which < sizeof(reports) / sizeof(reports[0]); which++)
		if (strcmp(argv[optind], reports[which].name) == 0)
			break;
	if (which == sizeof(reports) / sizeof(reports[0]))
		return usage_error("report",
		    "'%s' is not a report: status, register, incidents, "
		    "risks or annual",
		    argv[optind]);
	if (x.quarter != 0 && strcmp(reports[which].name, "status") != 0)
		return usage_error(
		    "report", "--quarter applies to 'report status' only");
	x.today = ctx->today;
	x.year = year != 0 ? (int)year : x.today.y;
	annual = strcmp(reports[which].name, "annual") == 0;

	if (repo_open_at(&r, ctx->dir, at, &d) < 0)
		goto done;
	if (locale != NULL)
		config_set_locale(&r->cfg, locale);
	x.r = r;
	x.locale = r->cfg.locale;
	if (annual) {
		co.today = ctx->today;
		if (check_repo(r, &co, &d) < 0)
			goto done;
		diag_sort(&d);
		x.findings = &d;
		n = git_count_commits(r->root, r->rev, x.year, report_counted,
		    REPORT_NCOUNTED, x.commits.n);
		if (n < 0)
			goto done;
		x.commits.known = n == 0;
	} else {
		if (repo_load(r, &d) < 0)
			goto done;
		diag_sort(&d);
		/* The records that did not load are missing from the report:
		 * say which. */
		diag_print(&d, stderr, DIAG_TEXT, 0);
	}
	if (git_provenance(r->root, at, &r->files, &x.prov) < 0)
		goto done;
	if (reports[which].fn(&x, &out) < 0)
		goto done;
	if (emit(output, &out) < 0)
		goto done;
	rc = diag_count(&d, DIAG_ERROR) > 0 ? EXIT_FINDINGS : EXIT_OK;
	/* The findings are in the report: say why the status is 1. */
	if (rc == EXIT_FINDINGS && annual)
		diag_exit_summary(&d,
		    "in the records, listed at the end of the report (see "
		    "'gdprctl validate')");
done:
	buf_free(&out);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}
