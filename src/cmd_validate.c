/* gdprctl validate: check the records and print the findings. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmd.h"
#include "git.h"
#include "xalloc.h"

/* The PATH arguments, relative to the repository root. */
struct scope {
	char **paths;
	size_t n;
};

static void
free_paths(struct scope *sc)
{
	size_t i;

	for (i = 0; i < sc->n; i++)
		free(sc->paths[i]);
	free(sc->paths);
}

static int
resolve_paths(const struct repo *r, char **args, int nargs, struct scope *sc)
{
	size_t rootlen = strlen(r->root);
	int i;

	sc->paths = xcalloc((size_t)nargs, sizeof(*sc->paths));
	for (i = 0; i < nargs; i++) {
		char *abs = realpath(args[i], NULL);

		if (abs == NULL) {
			diag_error(
			    "cannot use '%s': %s", args[i], strerror(errno));
			return -1;
		}
		if (strcmp(abs, r->root) == 0) {
			sc->paths[sc->n++] = xstrdup("");
		} else if (strncmp(abs, r->root, rootlen) == 0 &&
		    abs[rootlen] == '/') {
			sc->paths[sc->n++] = xstrdup(abs + rootlen + 1);
		} else {
			diag_error("'%s' is outside the repository", args[i]);
			free(abs);
			return -1;
		}
		free(abs);
	}
	return 0;
}

static int
in_scope(const struct diag *dg, void *arg)
{
	const struct scope *sc = arg;
	size_t i;

	for (i = 0; i < sc->n; i++) {
		size_t n = strlen(sc->paths[i]);

		if (n == 0)
			return 1;
		if (strncmp(dg->path, sc->paths[i], n) == 0 &&
		    (dg->path[n] == '\0' || dg->path[n] == '/'))
			return 1;
	}
	return 0;
}

static int
changed(const struct diag *dg, void *arg)
{
	return repo_in_scope(arg, dg->path);
}

/* One line for a person at a terminal; silenced by -q. */
static void
summary(const struct repo *r, const struct diag_list *d)
{
	size_t ne = diag_count(d, DIAG_ERROR), nw = diag_count(d, DIAG_WARNING);
	size_t i, n = 0;

	for (i = 0; i < r->n; i++)
		if (r->recs[i].in_scope)
			n++;
	diag_info("%zu record%s checked: %zu error%s, %zu warning%s", n,
	    n == 1 ? "" : "s", ne, ne == 1 ? "" : "s", nw, nw == 1 ? "" : "s");
}

int
cmd_validate(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"strict", no_argument, NULL, 's'},
	    {"changed-since", required_argument, NULL, 'c'},
	    {"jobs", required_argument, NULL, 'j'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct diag_list d = DIAG_LIST_INIT;
	struct check_opts co = {0};
	enum diag_format fmt = DIAG_TEXT;
	struct repo *r = NULL;
	struct scope sc = {NULL, 0};
	char *prefix = NULL;
	int ch, rc = EXIT_FAIL, strict = 0;
	long jobs = 0;

	while ((ch = opt_next(ctx, argc, argv, ":hj:", opts)) != -1) {
		switch (ch) {
		case 'f':
			if (diag_format_parse(optarg, &fmt) < 0)
				return usage_error("validate",
				    "--format takes text, json, github, sarif "
				    "or codequality, not '%s'",
				    optarg);
			break;
		case 's':
			strict = 1;
			break;
		case 'c':
			co.changed_since = optarg;
			break;
		case 'j':
			if (opt_long(optarg, 1, 64, &jobs) < 0)
				return usage_error("validate",
				    "-j takes a number of jobs from 1 to 64, not "
				    "'%s'",
				    optarg);
			break;
		case 'h':
			return print_usage("validate");
		default:
			return opt_error("validate", ch, argv);
		}
	}
	co.today = ctx->today;
	co.prune = 1;
	if (repo_open(&r, ctx->dir, &d) < 0)
		goto done;
	if (optind < argc &&
	    resolve_paths(r, argv + optind, argc - optind, &sc) < 0)
		goto done;
	if (jobs > 0)
		r->jobs = (int)jobs;
	if (check_repo(r, &co, &d) < 0)
		goto done;
	diag_retain(&d, changed, r);
	diag_sort(&d);
	if (sc.n > 0)
		diag_retain(&d, in_scope, &sc);
	if (diag_ci_format(fmt))
		prefix = git_root_prefix(r->root);
	if (diag_print_under(&d, stdout, fmt, ctx->color_out,
	        prefix != NULL ? prefix : "") < 0)
		goto done;
	if (diag_count(&d, DIAG_ERROR) > 0 ||
	    (strict && diag_count(&d, DIAG_WARNING) > 0))
		rc = EXIT_FINDINGS;
	else
		rc = EXIT_OK;
	if (fmt == DIAG_TEXT)
		summary(r, &d);
	else if (rc == EXIT_FINDINGS)
		diag_format_summary(&d, fmt);
done:
	free(prefix);
	free_paths(&sc);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}
