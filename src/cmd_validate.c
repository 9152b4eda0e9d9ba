/* gdprctl validate: check the records and print the findings. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/*
 * arg (a path from the current directory, which need not exist) relative
 * to the root, in *out; -1 after reporting when it lies outside.
 */
static int
rel_path(const struct repo *r, const char *arg, char **out)
{
	char *dir = xstrdup(arg), *real = NULL, *slash;
	const char *rest = "";
	size_t rootlen = strlen(r->root);
	struct buf b = BUF_INIT;
	struct stat st;
	int rc = -1;

	/* The nearest directory that exists, and the names below it. */
	while (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		slash = strrchr(dir, '/');
		if (slash == NULL) {
			rest = arg;
			strcpy(dir, ".");
			break;
		}
		rest = arg + (slash - dir) + 1;
		slash[slash == dir] = '\0';
	}
	real = realpath(dir, NULL);
	if (real == NULL) {
		diag_error("cannot use '%s': %s", arg, strerror(errno));
	} else if (strncmp(real, r->root, rootlen) != 0 ||
	    (real[rootlen] != '/' && real[rootlen] != '\0') || *rest == '\0' ||
	    strstr(rest, "..") != NULL) {
		diag_error("'%s' is not a file in the repository", arg);
	} else {
		if (real[rootlen] == '/')
			buf_printf(&b, "%s/", real + rootlen + 1);
		buf_puts(&b, rest);
		*out = buf_detach(&b);
		rc = 0;
	}
	free(real);
	free(dir);
	return rc;
}

/* Standard input, up to one byte past the size limit (yml_parse then
 * reports the file as too large). */
static int
read_stdin(struct buf *b)
{
	ssize_t n;

	for (;;) {
		buf_grow(b, 65536);
		n = read(STDIN_FILENO, b->ptr + b->len,
		    YML_MAX_SIZE + 1 - b->len < 65536
		        ? YML_MAX_SIZE + 1 - b->len
		        : 65536);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_error(
			    "cannot read standard input: %s", strerror(errno));
			return -1;
		}
		b->len += (size_t)n;
		b->ptr[b->len] = '\0';
		if (n == 0 || b->len > YML_MAX_SIZE)
			return 0;
	}
}

/*
 * validate --stdin-filename PATH -: check the repository with the text
 * on standard input in place of the record at path (or added there), as
 * an editor or a pre-commit hook has it before it is saved or staged.
 */
static int
check_stdin(struct repo *r, const struct check_opts *co, const char *path,
    struct diag_list *d)
{
	struct diag_list saved = DIAG_LIST_INIT;
	struct buf text = BUF_INIT;
	struct yml_doc *doc = NULL;
	int k = repo_record_kind(path), rc = -1;
	size_t i;

	if (k < 0 || k == KIND_COUNT) {
		diag_error(
		    "--stdin-filename: '%s' is not a record file, such as "
		    "register/REG-001.yaml",
		    path);
		return -1;
	}
	if (read_stdin(&text) < 0)
		goto done;
	/* The findings of the saved files are not asked for. */
	diag_copy_overrides(&saved, d);
	if (repo_load(r, &saved) < 0)
		goto done;
	rc = 0;
	if (yml_parse(&doc, path, text.ptr, text.len, 0, d) < 0)
		goto done;
	for (i = 0; i < r->n && strcmp(r->recs[i].path, path) != 0; i++)
		;
	if (i < r->n)
		yml_doc_free(repo_set_doc(r, &r->recs[i], doc));
	else
		repo_add(r, (enum kind)k, path, doc);
	rc = check_records(r, co, d);
done:
	buf_free(&text);
	diag_list_free(&saved);
	return rc;
}

/*
 * Where to look for the repository: from the current directory, or when
 * there is none there, from the directory of the first PATH (a hook run at
 * the top of a git work tree names the files of records kept in a
 * subfolder).
 */
static char *
root_start(const struct gd_ctx *ctx, const char *path)
{
	struct stat st;
	char *dir, *slash;

	if (path == NULL || strcmp(path, "-") == 0 ||
	    repo_exists(ctx->dir) != 0)
		return xstrdup(ctx->dir);
	/* The nearest directory that exists: --stdin-filename's file, and
	 * its directory, may not yet. */
	dir = xstrdup(path);
	while (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		slash = strrchr(dir, '/');
		if (slash == NULL) {
			free(dir);
			return xstrdup(ctx->dir);
		}
		slash[slash == dir] = '\0';
	}
	if (repo_exists(dir) != 1) {
		free(dir);
		return xstrdup(ctx->dir);
	}
	return dir;
}

int
cmd_validate(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"strict", no_argument, NULL, 's'},
	    {"changed-since", required_argument, NULL, 'c'},
	    {"jobs", required_argument, NULL, 'j'},
	    {"stdin-filename", required_argument, NULL, 'S'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct diag_list d = DIAG_LIST_INIT;
	struct check_opts co = {0};
	enum diag_format fmt = DIAG_TEXT;
	struct repo *r = NULL;
	struct scope sc = {NULL, 0};
	char *prefix = NULL;
	const char *stdin_name = NULL;
	char *start;
	int ch, rc = EXIT_FAIL, strict = 0, i, rc_open;
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
		case 'S':
			stdin_name = optarg;
			break;
		case 'h':
			return print_usage("validate");
		default:
			return opt_error("validate", ch, argv);
		}
	}
	for (i = optind; stdin_name == NULL && i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			return usage_error("validate",
			    "validate - reads a record from standard input: "
			    "name the file it stands for with --stdin-filename "
			    "PATH");
	if (stdin_name != NULL &&
	    (argc - optind != 1 || strcmp(argv[optind], "-") != 0))
		return usage_error("validate",
		    "--stdin-filename PATH takes '-' and no other PATH");
	if (stdin_name != NULL && co.changed_since != NULL)
		return usage_error("validate",
		    "--stdin-filename and --changed-since do not go together");
	co.today = ctx->today;
	co.prune = stdin_name == NULL;
	start = root_start(ctx,
	    stdin_name != NULL  ? stdin_name
	        : optind < argc ? argv[optind]
	                        : NULL);
	rc_open = repo_open(&r, start, &d);
	free(start);
	if (rc_open < 0)
		goto done;
	if (jobs > 0)
		r->jobs = (int)jobs;
	if (stdin_name != NULL) {
		sc.paths = xcalloc(1, sizeof(*sc.paths));
		if (rel_path(r, stdin_name, &sc.paths[0]) < 0)
			goto done;
		sc.n = 1;
		if (check_stdin(r, &co, sc.paths[0], &d) < 0)
			goto done;
	} else {
		if (optind < argc &&
		    resolve_paths(r, argv + optind, argc - optind, &sc) < 0)
			goto done;
		if (check_repo(r, &co, &d) < 0)
			goto done;
	}
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
