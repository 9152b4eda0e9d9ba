/* gdprctl rules: every rule with its severities, articles and summary. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "jsonw.h"
#include "repo.h"
#include "table.h"

/* "Art. 9(1), 9(2), 10": the articles of a rule, "Art." written once. */
static void
articles_text(const struct rule_info *ri, struct buf *b)
{
	int i;

	for (i = 0; i < RULE_MAX_ARTICLES && ri->articles[i] != NULL; i++) {
		const char *a = ri->articles[i];

		if (i > 0) {
			buf_puts(b, ", ");
			if (strncmp(a, "Art. ", 5) == 0)
				a += 5;
		}
		buf_puts(b, a);
	}
}

/*
 * One line a rule from a table of id, severities and articles, each
 * followed by the rule's summary, indented: a summary never shrinks to
 * fit the terminal.
 */
static void
print_text(const struct diag_list *levels, struct buf *out, int color)
{
	struct table *t = table_new(4);
	struct buf arts = BUF_INIT, lines = BUF_INIT;
	const char *p, *nl;
	int r;

	table_header(t, 0, "Rule", TABLE_LEFT);
	table_header(t, 1, "Severity", TABLE_LEFT);
	table_header(t, 2, "Default", TABLE_LEFT);
	table_header(t, 3, "Articles", TABLE_LEFT);
	for (r = 0; r < RULE_COUNT; r++) {
		const struct rule_info *ri = &rule_catalog[r];
		enum diag_severity sev = diag_effective(levels, (enum rule)r);

		table_add_row(t);
		table_cell(t, 0, ri->id);
		table_cell_color(t, 1, diag_severity_name(sev),
		    sev == DIAG_ERROR         ? "31"
		        : sev == DIAG_WARNING ? "35"
		                              : NULL);
		table_cell(t, 2, diag_severity_name(ri->severity));
		buf_reset(&arts);
		articles_text(ri, &arts);
		table_cell(t, 3, buf_cstr(&arts));
	}
	table_render(t, &lines, 0, color);
	/* The header and its rule, then one line a rule. */
	for (p = buf_cstr(&lines), r = -2; (nl = strchr(p, '\n')) != NULL;
	     p = nl + 1, r++) {
		buf_add(out, p, (size_t)(nl - p) + 1);
		if (r >= 0 && r < RULE_COUNT)
			buf_printf(out, "    %s\n", rule_catalog[r].summary);
	}
	table_free(t);
	buf_free(&arts);
	buf_free(&lines);
}

static void
print_json(const struct diag_list *levels, struct buf *out)
{
	struct jsonw w;
	int r, i;

	jsonw_init(&w, out, 1);
	jsonw_arr_begin(&w);
	for (r = 0; r < RULE_COUNT; r++) {
		const struct rule_info *ri = &rule_catalog[r];

		jsonw_obj_begin(&w);
		jsonw_key(&w, "id");
		jsonw_str(&w, ri->id);
		jsonw_key(&w, "severity");
		jsonw_str(&w,
		    diag_severity_name(diag_effective(levels, (enum rule)r)));
		jsonw_key(&w, "default_severity");
		jsonw_str(&w, diag_severity_name(ri->severity));
		jsonw_key(&w, "articles");
		jsonw_arr_begin(&w);
		for (i = 0; i < RULE_MAX_ARTICLES && ri->articles[i]; i++)
			jsonw_str(&w, ri->articles[i]);
		jsonw_arr_end(&w);
		jsonw_key(&w, "summary");
		jsonw_str(&w, ri->summary);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
}

int
cmd_rules(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct diag_list d = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	struct repo *r = NULL;
	int ch, json = 0, rc = EXIT_FAIL, found;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") == 0)
				json = 0;
			else
				return usage_error("rules",
				    "--format takes text or json, not '%s'",
				    optarg);
			break;
		case 'h':
			return print_usage("rules");
		default:
			return opt_error("rules", ch, argv);
		}
	}
	if (optind < argc)
		return usage_error("rules", "rules takes no arguments");
	/* Outside a repository, the defaults are in force. */
	found = repo_exists(ctx->dir);
	if (found < 0 || (found && repo_open(&r, ctx->dir, &d) < 0))
		goto done;
	if (json)
		print_json(&d, &out);
	else
		print_text(&d, &out, ctx->color_out);
	fwrite(out.ptr != NULL ? out.ptr : "", 1, out.len, stdout);
	rc = EXIT_OK;
done:
	repo_free(r);
	diag_list_free(&d);
	buf_free(&out);
	return rc;
}
