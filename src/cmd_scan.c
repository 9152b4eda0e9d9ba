/* gdprctl scan: the personal-data rule alone, over any text files. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "git.h"
#include "rules.h"
#include "xalloc.h"

/* A file with a NUL byte among its first bytes is binary: not scanned. */
#define BINARY_PROBE 8192
#define READ_SIZE (64u << 10)

static int
read_full(int fd, char *p, size_t want, size_t *got)
{
	*got = 0;
	while (*got < want) {
		ssize_t n = read(fd, p + *got, want - *got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		*got += (size_t)n;
	}
	return 0;
}

static int
scan_file(const char *path, int follow, struct diag_list *d)
{
	int fd = open(path,
	    O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK |
	        (follow ? 0 : O_NOFOLLOW));
	char *chunk = NULL;
	struct pdata_scan ps;
	struct stat st;
	size_t got;
	int rc = -1, first = 1;

	if (fd < 0) {
		diag_error("cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		diag_error("cannot use '%s': %s", path, strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_error("cannot scan '%s': not a regular file", path);
		goto done;
	}
	chunk = xmalloc(READ_SIZE);
	pdata_begin(&ps, path, d);
	for (;;) {
		if (read_full(fd, chunk, READ_SIZE, &got) < 0) {
			diag_error(
			    "cannot read '%s': %s", path, strerror(errno));
			pdata_end(&ps);
			goto done;
		}
		if (first &&
		    memchr(
		        chunk, '\0', got < BINARY_PROBE ? got : BINARY_PROBE)) {
			pdata_end(&ps);
			rc = 0;
			goto done;
		}
		first = 0;
		if (got == 0)
			break;
		pdata_feed(&ps, chunk, got);
		if (got < READ_SIZE)
			break;
	}
	pdata_end(&ps);
	rc = 0;
done:
	free(chunk);
	close(fd);
	return rc;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int scan_path(const char *path, int explicit, struct diag_list *d);

/* Every entry of a directory in name order (the output must not depend
 * on readdir order); symbolic links are not followed, .git is skipped. */
static int
scan_dir(const char *path, struct diag_list *d)
{
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	struct dirent *de;
	DIR *dp = opendir(path);
	int rc = 0;

	if (dp == NULL) {
		diag_error(
		    "cannot read directory '%s': %s", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 ||
		    strcmp(de->d_name, ".git") == 0)
			continue;
		names = xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	for (i = 0; i < n; i++) {
		struct buf sub = BUF_INIT;
		size_t len = strlen(path);

		if (strcmp(path, ".") == 0)
			buf_puts(&sub, names[i]);
		else if (len > 0 && path[len - 1] == '/')
			buf_printf(&sub, "%s%s", path, names[i]);
		else
			buf_printf(&sub, "%s/%s", path, names[i]);
		if (scan_path(sub.ptr, 0, d) < 0)
			rc = -1;
		buf_free(&sub);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* A PATH argument may be a symbolic link; entries found in a directory are
 * scanned only when they are regular files or directories. */
static int
scan_path(const char *path, int explicit, struct diag_list *d)
{
	struct stat st;

	if ((explicit ? stat(path, &st) : lstat(path, &st)) < 0) {
		diag_error("cannot use '%s': %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return scan_dir(path, d);
	if (S_ISREG(st.st_mode))
		return scan_file(path, explicit, d);
	if (explicit) {
		diag_error(
		    "cannot scan '%s': not a regular file or directory", path);
		return -1;
	}
	return 0;
}

/*
 * For CI: the paths found under the current directory, relative to the
 * top of its git work tree (code scanning and GitLab look them up there).
 */
static void
from_git_top(struct diag_list *d)
{
	char *cwd = realpath(".", NULL), *prefix;
	struct buf b = BUF_INIT;
	size_t i;

	if (cwd == NULL)
		return;
	prefix = git_root_prefix(cwd);
	for (i = 0; *prefix != '\0' && i < d->n; i++) {
		const char *p = d->v[i].path;

		while (p[0] == '.' && p[1] == '/')
			p += 2;
		if (p[0] == '/' || strncmp(p, "../", 3) == 0)
			continue;
		buf_reset(&b);
		buf_printf(&b, "%s%s", prefix, p);
		free(d->v[i].path);
		d->v[i].path = buf_detach(&b);
	}
	buf_free(&b);
	free(prefix);
	free(cwd);
}

int
cmd_scan(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct diag_list d = DIAG_LIST_INIT;
	enum diag_format fmt = DIAG_TEXT;
	int ch, i, failed = 0, rc;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'f':
			if (diag_format_parse(optarg, &fmt) < 0)
				return usage_error("scan",
				    "--format takes text, json, github, sarif "
				    "or codequality, not '%s'",
				    optarg);
			break;
		case 'h':
			return print_usage("scan");
		default:
			return opt_error("scan", ch, argv);
		}
	}
	if (optind == argc) {
		failed = scan_path(".", 1, &d) < 0;
	} else {
		for (i = optind; i < argc; i++)
			if (scan_path(argv[i], 1, &d) < 0)
				failed = 1;
	}
	if (diag_ci_format(fmt))
		from_git_top(&d);
	diag_sort(&d);
	rc = diag_print(&d, stdout, fmt, ctx->color_out);
	if (rc < 0 || failed)
		rc = EXIT_FAIL;
	else
		rc = d.n > 0 ? EXIT_FINDINGS : EXIT_OK;
	if (rc == EXIT_FINDINGS)
		diag_format_summary(&d, fmt);
	diag_list_free(&d);
	return rc;
}
