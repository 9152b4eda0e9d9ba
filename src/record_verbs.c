/* The kinds' own verbs: incident deadlines, request due, dpa expiring,
 * dpia screen and ros matrix. */
#include <stdlib.h>
#include <string.h>

#include "l10n.h"
#include "record.h"
#include "record_kind.h"
#include "risk.h"
#include "table.h"
#include "xalloc.h"

static const char deadlines_usage[] =
    "usage: gdprctl incident deadlines\n"
    "\n"
    "Print the open breaches, soonest deadline first: the deadline for\n"
    "notifying the supervisory authority (discovered plus\n"
    "breach_notification_hours, 72 by default), the hours left or overdue\n"
    "or when it was notified, and whether the data subjects were informed.\n";

static const char due_usage[] =
    "usage: gdprctl request due\n"
    "\n"
    "Print the requests not yet responded to, soonest deadline first, with\n"
    "the days left or overdue (Art. 12(3)).\n";

static const char expiring_usage[] =
    "usage: gdprctl dpa expiring [--within DAYS]\n"
    "\n"
    "Print the signed agreements that expire within DAYS days of today, and\n"
    "those already expired, soonest first.\n"
    "\n"
    "  --within DAYS       default dpa_expiry_warning_days (90)\n";

static const char screen_usage[] =
    "usage: gdprctl dpia screen ID\n"
    "\n"
    "Print which of the nine screening criteria of WP248 the assessment ID\n"
    "meets, how many, and whether a DPIA is required (two or more).\n";

static const char matrix_usage[] =
    "usage: gdprctl ros matrix [ID]\n"
    "\n"
    "Print the likelihood x consequence matrix of the threats of ROS ID, or\n"
    "of every ROS, before and after measures: each cell's level and count.\n";

/* A record with the date or instant it is sorted by. */
struct due_rec {
	const struct record *rec;
	int64_t key;
};

static int
cmp_due(const void *a, const void *b)
{
	const struct due_rec *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return rec_idcmp(x->rec->id, y->rec->id);
}

static void
sort_due(struct due_rec *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_due);
}

/*
 * Parse the options of a verb that takes -h and, when within is not NULL,
 * --within DAYS; check the number of arguments. Returns -1 to go on, else
 * the exit status.
 */
static int
verb_opts(const char *cmd, const char *verb, const char *usage, int argc,
    char **argv, int minargs, int maxargs, long *within)
{
	static const struct option opts[] = {
	    {"within", required_argument, NULL, 'w'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	int ch, n;

	while ((ch = getopt_long(
	            argc, argv, ":h", within ? opts : opts + 1, NULL)) != -1) {
		switch (ch) {
		case 'w':
			if (opt_long(optarg, 0, 100000, within) < 0)
				return usage_error(cmd,
				    "--within takes a number of "
				    "days, not '%s'",
				    optarg);
			break;
		case 'h':
			fputs(usage, stdout);
			return EXIT_OK;
		case ':':
			return usage_error(
			    cmd, "option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error(
			    cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	n = argc - optind;
	if (n < minargs || n > maxargs)
		return usage_error(cmd, "%s takes %s", verb,
		    maxargs == 0       ? "no arguments"
		        : minargs == 1 ? "one id"
		                       : "at most one id");
	return -1;
}

/* Render t to stdout and free it; or say that there is nothing. */
static void
print_table(const struct gd_ctx *ctx, struct table *t, const char *none)
{
	struct buf out = BUF_INIT;

	if (table_rows(t) == 0) {
		diag_info("%s", none);
	} else {
		table_render(t, &out, rec_width(), ctx->color_out);
		rec_flush(&out);
	}
	table_free(t);
	buf_free(&out);
}

static void
col_head(
    struct table *t, const char *locale, size_t col, const char *key, int align)
{
	table_header(t, col, l10n_get(locale, key), align);
}

static void
cell(struct table *t, size_t col, const struct rv *v, const char *locale)
{
	struct buf scratch = BUF_INIT;

	table_cell_color(t, col, rv_display(v, locale, &scratch), v->color);
	buf_free(&scratch);
}

int
record_deadlines(int argc, char **argv, struct gd_ctx *ctx)
{
	struct diag_list d = DIAG_LIST_INIT;
	const struct record *rec = NULL;
	struct due_rec *v = NULL;
	struct table *t;
	struct repo *r = NULL;
	struct rctx c;
	size_t n = 0, cap = 0, i;
	int rc = verb_opts(
	    "incident", "deadlines", deadlines_usage, argc, argv, 0, 0, NULL);

	if (rc >= 0)
		return rc;
	rc = EXIT_FAIL;
	if (rec_open(ctx, &r, &c, &d, 0) < 0)
		goto done;
	while ((rec = repo_next(r, KIND_INCIDENT, rec)) != NULL) {
		const char *status;
		struct breach b;

		if (rec->doc == NULL || rec->id == NULL)
			continue;
		status = yml_get_str(rec->doc->root, "status");
		if (status != NULL && strcmp(status, "closed") == 0)
			continue;
		rec_breach(&c, rec->doc->root, &b);
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n].rec = rec;
		v[n++].key = b.valid ? b.deadline.utc : INT64_MAX;
	}
	sort_due(v, n);
	t = table_new(5);
	col_head(t, c.locale, 0, "col.id", TABLE_LEFT);
	col_head(t, c.locale, 1, "col.deadline", TABLE_LEFT);
	col_head(t, c.locale, 2, "rec.col.authority", TABLE_LEFT);
	col_head(t, c.locale, 3, "rec.col.subjects", TABLE_LEFT);
	col_head(t, c.locale, 4, "col.title", TABLE_LEFT | TABLE_SHRINK);
	for (i = 0; i < n; i++) {
		const struct yml_node *inc = v[i].rec->doc->root;
		struct rv a = {0}, s = {0};
		struct breach b;
		char when[17] = "";

		rec_breach(&c, inc, &b);
		if (b.valid)
			rec_short_datetime(b.deadline, when);
		rec_breach_text(&c, &b, &a);
		rv_str(&s, b.subjects);
		s.etype = "subjects";
		s.color = strcmp(b.subjects, "missing") == 0 ? RC_BAD : NULL;
		table_add_row(t);
		table_cell(t, 0, v[i].rec->id);
		table_cell(t, 1, when);
		cell(t, 2, &a, c.locale);
		cell(t, 3, &s, c.locale);
		table_cell(t, 4, yml_get_str(inc, "title"));
		rv_clear(&a);
		rv_clear(&s);
	}
	print_table(ctx, t, "no open incidents");
	rc = EXIT_OK;
done:
	free(v);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}

int
record_due(int argc, char **argv, struct gd_ctx *ctx)
{
	struct diag_list d = DIAG_LIST_INIT;
	const struct record *rec = NULL;
	struct due_rec *v = NULL;
	struct table *t;
	struct repo *r = NULL;
	struct rctx c;
	size_t n = 0, cap = 0, i;
	int rc = verb_opts("request", "due", due_usage, argc, argv, 0, 0, NULL);

	if (rc >= 0)
		return rc;
	rc = EXIT_FAIL;
	if (rec_open(ctx, &r, &c, &d, 0) < 0)
		goto done;
	while ((rec = repo_next(r, KIND_REQUEST, rec)) != NULL) {
		struct answer a;

		if (rec->doc == NULL || rec->id == NULL)
			continue;
		rec_answer(&c, rec->doc->root, &a);
		if (a.responded)
			continue;
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n].rec = rec;
		v[n++].key = a.valid ? date_to_days(a.deadline) : INT64_MAX;
	}
	sort_due(v, n);
	t = table_new(5);
	col_head(t, c.locale, 0, "col.id", TABLE_LEFT);
	col_head(t, c.locale, 1, "col.type", TABLE_LEFT);
	col_head(t, c.locale, 2, "col.deadline", TABLE_LEFT);
	col_head(t, c.locale, 3, "rec.col.left", TABLE_LEFT);
	col_head(t, c.locale, 4, "rec.col.case", TABLE_LEFT | TABLE_SHRINK);
	for (i = 0; i < n; i++) {
		const struct yml_node *req = v[i].rec->doc->root;
		struct rv left = {0}, type = {0}, due = {0};
		struct answer a;

		rec_answer(&c, req, &a);
		if (a.valid) {
			rv_date(&due, a.deadline);
			rec_days_text(&c, a.left, &left);
		}
		rv_node(&type, yml_get(req, "type"));
		type.etype = "request-type";
		table_add_row(t);
		table_cell(t, 0, v[i].rec->id);
		cell(t, 1, &type, c.locale);
		cell(t, 2, &due, c.locale);
		cell(t, 3, &left, c.locale);
		table_cell(t, 4, yml_get_str(req, "case"));
		rv_clear(&left);
		rv_clear(&type);
		rv_clear(&due);
	}
	print_table(ctx, t, "no open requests");
	rc = EXIT_OK;
done:
	free(v);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}

int
record_expiring(int argc, char **argv, struct gd_ctx *ctx)
{
	struct diag_list d = DIAG_LIST_INIT;
	const struct record *rec = NULL;
	struct due_rec *v = NULL;
	struct table *t;
	struct repo *r = NULL;
	struct rctx c;
	size_t n = 0, cap = 0, i;
	long within = -1;
	int rc = verb_opts(
	    "dpa", "expiring", expiring_usage, argc, argv, 0, 0, &within);

	if (rc >= 0)
		return rc;
	rc = EXIT_FAIL;
	if (rec_open(ctx, &r, &c, &d, 0) < 0)
		goto done;
	if (within < 0)
		within = c.cfg->dpa_warning_days;
	while ((rec = repo_next(r, KIND_DPA, rec)) != NULL) {
		const char *status;
		struct gd_date exp;

		if (rec->doc == NULL || rec->id == NULL)
			continue;
		status = yml_get_str(rec->doc->root, "status");
		if (status == NULL || strcmp(status, "signed") != 0 ||
		    rec_date(rec->doc->root, "expires", &exp) < 0 ||
		    date_to_days(exp) - date_to_days(c.today) > within)
			continue;
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n].rec = rec;
		v[n++].key = date_to_days(exp);
	}
	sort_due(v, n);
	t = table_new(5);
	col_head(t, c.locale, 0, "col.id", TABLE_LEFT);
	col_head(t, c.locale, 1, "col.processor", TABLE_LEFT | TABLE_SHRINK);
	col_head(t, c.locale, 2, "col.expires", TABLE_LEFT);
	col_head(t, c.locale, 3, "rec.col.left", TABLE_LEFT);
	col_head(t, c.locale, 4, "col.review_by", TABLE_LEFT);
	for (i = 0; i < n; i++) {
		const struct yml_node *dpa = v[i].rec->doc->root;
		struct rv left = {0};

		rec_expiry_text(
		    &c, (long)(v[i].key - date_to_days(c.today)), &left);
		table_add_row(t);
		table_cell(t, 0, v[i].rec->id);
		table_cell(t, 1, rec_str(dpa, "processor.name"));
		table_cell(t, 2, yml_get_str(dpa, "expires"));
		cell(t, 3, &left, c.locale);
		table_cell(t, 4, yml_get_str(dpa, "review_by"));
		rv_clear(&left);
	}
	print_table(ctx, t, "no agreements expire within that time");
	rc = EXIT_OK;
done:
	free(v);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}

/* The record id of kind k for a verb; reports when there is none. */
static const struct record *
find(const struct repo *r, enum kind k, const char *id)
{
	const struct record *rec = repo_find(r, k, id);

	if (rec == NULL)
		diag_error("no %s record with id '%s'", kind_info[k].name, id);
	return rec;
}

static void
title_line(const struct gd_ctx *ctx, const struct record *rec, struct buf *out)
{
	const char *title = rec_title(rec);

	buf_printf(out, "%s%s%s%s%s\n\n", ctx->color_out ? "\033[1m" : "",
	    rec->id, title ? "  " : "", title ? title : "",
	    ctx->color_out ? "\033[0m" : "");
}

int
record_screen(int argc, char **argv, struct gd_ctx *ctx)
{
	struct diag_list d = DIAG_LIST_INIT;
	const struct record *rec;
	const struct yml_node *scr;
	struct buf out = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	struct table *t;
	struct repo *r = NULL;
	struct rctx c;
	size_t i;
	int rc = verb_opts(
	        "dpia", "screen", screen_usage, argc, argv, 1, 1, NULL),
	    met;

	if (rc >= 0)
		return rc;
	rc = EXIT_FAIL;
	if (rec_open(ctx, &r, &c, &d, 0) < 0)
		goto done;
	rec = find(r, KIND_DPIA, argv[optind]);
	if (rec == NULL)
		goto done;
	scr = yml_get(rec->doc->root, "screening");
	met = risk_screening_count(scr);
	title_line(ctx, rec, &out);
	t = table_new(2);
	col_head(
	    t, c.locale, 0, "rec.col.criterion", TABLE_LEFT | TABLE_SHRINK);
	col_head(t, c.locale, 1, "rec.col.met", TABLE_LEFT);
	for (i = 0; i < risk_ncriteria; i++) {
		const struct yml_node *n = yml_get(scr, risk_criteria[i]);
		struct rv v = {0};

		if (n != NULL && n->type == YML_BOOL)
			rv_bool(&v, n->boolean);
		else
			rv_l10n(&v, c.locale, "word.not_set", NULL);
		if (v.type == RV_BOOL && v.num)
			v.color = "1";
		table_add_row(t);
		table_cell(
		    t, 0, l10n_enum(c.locale, "criterion", risk_criteria[i]));
		cell(t, 1, &v, c.locale);
		rv_clear(&v);
	}
	table_render(t, &out, rec_width(), ctx->color_out);
	table_free(t);
	buf_printf(&a, "%d", met);
	buf_printf(&b, "%zu", risk_ncriteria);
	buf_putc(&out, '\n');
	l10n_format(&out, c.locale,
	    met >= 2 ? "rec.screen_required" : "rec.screen_not_required", a.ptr,
	    b.ptr, (const char *)NULL);
	buf_putc(&out, '\n');
	rec_flush(&out);
	rc = EXIT_OK;
done:
	buf_free(&out);
	buf_free(&a);
	buf_free(&b);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}

/* Threat counts per cell, before and after measures. */
struct grid {
	size_t nl, nc;
	size_t *before, *after; /* nl * nc, row = likelihood - 1 */
	size_t items, unscored;
};

static void
grid_add(const struct config *cfg, struct grid *g, const struct yml_node *ros)
{
	const struct yml_node *items = yml_get(ros, "threats");
	size_t i;

	if (items == NULL || items->type != YML_SEQ)
		return;
	for (i = 0; i < items->n; i++) {
		struct risk_eval e;

		risk_eval(cfg, items->items[i], &e);
		g->items++;
		if (e.ok)
			g->before[(size_t)(e.l - 1) * g->nc +
			    (size_t)(e.c - 1)]++;
		if (e.rok)
			g->after[(size_t)(e.rl - 1) * g->nc +
			    (size_t)(e.rc - 1)]++;
		if (!e.ok || !e.rok)
			g->unscored++;
	}
}

static void
grid_render(const struct gd_ctx *ctx, const struct rctx *c, const size_t *count,
    const char *title, struct buf *out)
{
	const struct config *cfg = c->cfg;
	const char *label = l10n_get(c->locale, title);
	struct table *t = table_new(cfg->nconsequence + 1);
	size_t l, k;

	buf_printf(out, "%s%s%s\n", ctx->color_out ? "\033[1m" : "", label,
	    ctx->color_out ? "\033[0m" : "");
	col_head(
	    t, c->locale, 0, "report.risks.axes", TABLE_LEFT | TABLE_SHRINK);
	for (k = 0; k < cfg->nconsequence; k++) {
		struct buf h = BUF_INIT;

		buf_printf(&h, "%zu %s", k + 1, cfg->consequence[k]);
		table_header(t, k + 1, h.ptr, TABLE_LEFT | TABLE_SHRINK);
		buf_free(&h);
	}
	for (l = cfg->nlikelihood; l > 0; l--) {
		table_add_row(t);
		table_cellf(t, 0, "%zu %s", l, cfg->likelihood[l - 1]);
		for (k = 0; k < cfg->nconsequence; k++) {
			const char *lv = risk_level(cfg, (long)l, (long)k + 1);
			const char *col =
			    rec_level_color(cfg, risk_rank(cfg, lv));
			size_t n = count[(l - 1) * cfg->nconsequence + k];
			struct buf s = BUF_INIT, sgr = BUF_INIT;

			if (n > 0)
				buf_printf(&s, "%zu ", n);
			else
				buf_puts(&s, "· ");
			buf_puts(
			    &s, lv ? l10n_enum(c->locale, "level", lv) : "");
			if (col != NULL)
				buf_printf(
				    &sgr, "%s%s", n > 0 ? "1;" : "", col);
			table_cell_color(t, k + 1, s.ptr, buf_cstr(&sgr));
			buf_free(&s);
			buf_free(&sgr);
		}
	}
	table_render(t, out, rec_width(), ctx->color_out);
	table_free(t);
}

int
record_matrix(int argc, char **argv, struct gd_ctx *ctx)
{
	struct diag_list d = DIAG_LIST_INIT;
	const struct record *rec = NULL;
	struct buf out = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	struct grid g = {0};
	struct repo *r = NULL;
	size_t nros = 0;
	struct rctx c;
	int rc =
	    verb_opts("ros", "matrix", matrix_usage, argc, argv, 0, 1, NULL);

	if (rc >= 0)
		return rc;
	rc = EXIT_FAIL;
	if (rec_open(ctx, &r, &c, &d, 0) < 0)
		goto done;
	g.nl = c.cfg->nlikelihood;
	g.nc = c.cfg->nconsequence;
	g.before = xcalloc(g.nl * g.nc + 1, sizeof(size_t));
	g.after = xcalloc(g.nl * g.nc + 1, sizeof(size_t));
	if (optind < argc) {
		rec = find(r, KIND_ROS, argv[optind]);
		if (rec == NULL)
			goto done;
		title_line(ctx, rec, &out);
		grid_add(c.cfg, &g, rec->doc->root);
		nros = 1;
	} else {
		while ((rec = repo_next(r, KIND_ROS, rec)) != NULL) {
			if (rec->doc == NULL)
				continue;
			grid_add(c.cfg, &g, rec->doc->root);
			nros++;
		}
	}
	buf_printf(&a, "%zu", g.items);
	buf_printf(&b, "%zu", nros);
	l10n_format(&out, c.locale,
	    nros == 1 ? "rec.matrix_count_one" : "rec.matrix_count", a.ptr,
	    b.ptr, (const char *)NULL);
	if (g.unscored > 0) {
		buf_reset(&a);
		buf_printf(&a, "%zu", g.unscored);
		buf_puts(&out, " ");
		l10n_format(&out, c.locale, "rec.matrix_unscored", a.ptr,
		    (const char *)NULL);
	}
	buf_puts(&out, "\n\n");
	grid_render(ctx, &c, g.before, "report.risks.matrix_before", &out);
	buf_putc(&out, '\n');
	grid_render(ctx, &c, g.after, "report.risks.matrix_after", &out);
	rec_flush(&out);
	rc = EXIT_OK;
done:
	free(g.before);
	free(g.after);
	buf_free(&out);
	buf_free(&a);
	buf_free(&b);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}
