/* gdprctl history: the commits that changed one record, newest first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "git.h"
#include "repo.h"

/* The kind whose prefix the id has, or -1. */
static int
kind_of_id(const char *id)
{
	int k;

	for (k = 0; k < KIND_COUNT; k++) {
		size_t n = strlen(kind_info[k].prefix);

		if (strncmp(id, kind_info[k].prefix, n) == 0 && id[n] == '-')
			return k;
	}
	return -1;
}

/* Text for a terminal: control characters of commit data become '?'. */
static void
put_clean(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
}

/* Code points, for lining up the author column. */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void
print_text(const struct git_hist *h, const char *path, struct buf *b)
{
	size_t i, w = 0;

	for (i = 0; i < h->n; i++)
		if (width(h->v[i].author) > w)
			w = width(h->v[i].author);
	for (i = 0; i < h->n; i++) {
		const struct git_hist_entry *e = &h->v[i];

		buf_printf(b, "%s  %s  ", e->date, e->short_id);
		put_clean(b, e->author);
		buf_fill(b, ' ', w - width(e->author) + 2);
		put_clean(b, e->summary);
		if (strcmp(e->path, path) != 0) {
			buf_puts(b, " (as ");
			put_clean(b, e->path);
			buf_puts(b, ")");
		}
		buf_putc(b, '\n');
	}
}

static void
json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, c);
	}
	buf_putc(b, '"');
}

static void
print_json(const struct git_hist *h, const char *id, const char *path,
           struct buf *b)
{
	size_t i;

	buf_puts(b, "{\"id\": ");
	json_str(b, id);
	buf_puts(b, ", \"path\": ");
	json_str(b, path);
	buf_puts(b, ", \"commits\": [");
	for (i = 0; i < h->n; i++) {
		const struct git_hist_entry *e = &h->v[i];

		buf_puts(b, i ? ",\n  {" : "\n  {");
		buf_printf(b,
		           "\"commit\": \"%s\", \"short\": \"%s\", "
		           "\"date\": \"%s\", \"author\": ",
		           e->commit, e->short_id, e->date);
		json_str(b, e->author);
		buf_puts(b, ", \"summary\": ");
		json_str(b, e->summary);
		buf_puts(b, ", \"path\": ");
		json_str(b, e->path);
		buf_putc(b, '}');
	}
	buf_puts(b, h->n ? "\n]}\n" : "]}\n");
}

int
cmd_history(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct git_hist h = {0};
	struct buf path = BUF_INIT, full = BUF_INIT, out = BUF_INIT;
	char *root = NULL;
	const char *id;
	int ch, k, json = 0, rc = EXIT_FAIL;

	while ((ch = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") == 0)
				json = 0;
			else
				return usage_error(
				    "history",
				    "--format takes text or json, not '%s'",
				    optarg);
			break;
		case 'h':
			return print_usage("history");
		case ':':
			return usage_error("history",
			                   "option '%s' needs a value",
			                   argv[optind - 1]);
		default:
			return usage_error("history", "unknown option '%s'",
			                   argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return usage_error("history", "history takes one record id");
	id = argv[optind];
	k = id_valid(id) ? kind_of_id(id) : -1;
	if (k < 0) {
		diag_error(
		    "'%s' is not a record id: ids start with REG-, DPA-, "
		    "INC-, DPIA-, ROS-, REQ- or PLAN-",
		    id);
		return EXIT_FAIL;
	}
	if (repo_find_root(ctx->dir, &root) < 0)
		goto done;
	buf_printf(&path, "%s/%s.yaml", kind_info[k].dir, id);
	if (git_history(root, path.ptr, &h) < 0)
		goto done;
	if (h.n == 0) {
		struct stat st;

		buf_printf(&full, "%s/%s", root, path.ptr);
		if (lstat(full.ptr, &st) < 0) {
			diag_error("no record %s: %s is neither in the working "
			           "tree nor in the history",
			           id, path.ptr);
			goto done;
		}
		diag_info("%s has no commits yet: %s is not committed", id,
		          path.ptr);
	}
	if (json)
		print_json(&h, id, path.ptr, &out);
	else
		print_text(&h, path.ptr, &out);
	fwrite(out.ptr != NULL ? out.ptr : "", 1, out.len, stdout);
	rc = EXIT_OK;
done:
	git_hist_free(&h);
	buf_free(&path);
	buf_free(&full);
	buf_free(&out);
	free(root);
	return rc;
}
