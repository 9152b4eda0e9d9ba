/* gdprctl history: the commits that changed one record, newest first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "git.h"
#include "jsonw.h"
#include "repo.h"
#include "table.h"

/* The kind whose prefix the id has, or -1. */
static int
kind_of_id(const char *id)
{
	int k;

	for (k = 0; k < KIND_COUNT; k++) {
		size_t n = strlen(kinds[k]->prefix);

		if (strncmp(id, kinds[k]->prefix, n) == 0 && id[n] == '-')
			return k;
	}
	return -1;
}

/* One line per commit; the table makes commit text safe for a terminal. */
static void
print_text(const struct git_hist *h, const char *path, struct buf *b)
{
	struct table *t = table_new(4);
	size_t i;

	for (i = 0; i < h->n; i++) {
		const struct git_hist_entry *e = &h->v[i];

		table_add_row(t);
		table_cell(t, 0, e->date);
		table_cell(t, 1, e->short_id);
		table_cell(t, 2, e->author);
		if (strcmp(e->path, path) != 0)
			table_cellf(t, 3, "%s (as %s)", e->summary, e->path);
		else
			table_cell(t, 3, e->summary);
	}
	if (h->n > 0)
		table_render(t, b, 0, 0);
	table_free(t);
}

static void
print_json(
    const struct git_hist *h, const char *id, const char *path, struct buf *b)
{
	struct jsonw w;
	size_t i;

	jsonw_init(&w, b, 1);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "id");
	jsonw_str(&w, id);
	jsonw_key(&w, "path");
	jsonw_str(&w, path);
	jsonw_key(&w, "commits");
	jsonw_arr_begin(&w);
	for (i = 0; i < h->n; i++) {
		const struct git_hist_entry *e = &h->v[i];

		jsonw_obj_begin(&w);
		jsonw_key(&w, "commit");
		jsonw_str(&w, e->commit);
		jsonw_key(&w, "short");
		jsonw_str(&w, e->short_id);
		jsonw_key(&w, "date");
		jsonw_str(&w, e->date);
		jsonw_key(&w, "author");
		jsonw_str(&w, e->author);
		jsonw_key(&w, "summary");
		jsonw_str(&w, e->summary);
		jsonw_key(&w, "path");
		jsonw_str(&w, e->path);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
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

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") == 0)
				json = 0;
			else
				return usage_error("history",
				    "--format takes text or json, not '%s'",
				    optarg);
			break;
		case 'h':
			return print_usage("history");
		default:
			return opt_error("history", ch, argv);
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
	buf_printf(&path, "%s/%s.yaml", kinds[k]->dir, id);
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
		diag_info(
		    "%s has no commits yet: %s is not committed", id, path.ptr);
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
