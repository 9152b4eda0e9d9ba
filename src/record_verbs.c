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

/* How a verb of a kind is called. */
struct vspec {
	const char *cmd, *verb, *usage;
	int minargs, maxargs;
	int within; /* takes --within DAYS */
};

static const struct vspec deadlines_spec = {
    "incident", "deadlines", deadlines_usage, 0, 0, 0};
static const struct vspec due_spec = {"request", "due", due_usage, 0, 0, 0};
static const struct vspec expiring_spec = {
    "dpa", "expiring", expiring_usage, 0, 0, 1};
static const struct vspec screen_spec = {
    "dpia", "screen", screen_usage, 1, 1, 0};
static const struct vspec matrix_spec = {
    "ros", "matrix", matrix_usage, 0, 1, 0};

/* A verb's repository, its findings of loading and its options. */
struct vrun {
	struct repo *r;
	struct rctx c;
	struct diag_list d;
	long within; /* -1 when not given */
};

/*
 * Parse the options and arguments of a verb and open the repository.
 * Returns -1 to go on, else the exit status (the verb is done).
 */
static int
verb_begin(const struct vspec *vs, int argc, char **argv, struct gd_ctx *ctx,
    struct vrun *vr)
{
	static const struct option opts[] = {
	    {"within", required_argument, NULL, 'w'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	int ch, n;

	memset(vr, 0, sizeof(*vr));
	vr->within = -1;
	while ((ch = opt_next(ctx, argc, argv, ":h",
	            vs->within ? opts : opts + 1)) != -1) {
		switch (ch) {
		case 'w':
			if (opt_long(optarg, 0, 100000, &vr->within) < 0)
				return usage_error(vs->cmd,
				    "--within takes a number of days, not '%s'",
				    optarg);
			break;
		case 'h':
			fputs(vs->usage, stdout);
			return EXIT_OK;
		default:
			return opt_error(vs->cmd, ch, argv);
		}
	}
	n = argc - optind;
	if (n < vs->minargs || n > vs->maxargs)
		return usage_error(vs->cmd, "%s %s takes %s", vs->cmd, vs->verb,
		    vs->maxargs == 0       ? "no arguments"
		        : vs->minargs == 1 ? "one id"
		                           : "at most one id");
	if (rec_open(ctx, &vr->r, &vr->c, &vr->d, 0) < 0)
		return EXIT_FAIL;
	return -1;
}

static void
verb_end(struct vrun *vr)
{
	repo_free(vr->r);
	diag_list_free(&vr->d);
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

/*
 * The verbs that list the records of a kind that fall due, the soonest
 * first: which records, in which order, and their rows.
 */
struct dated {
	const struct vspec *spec;
	enum kind kind;
	const char *none; /* said when no record falls due */
	const char *heads[5];
	int aligns[5];
	/* 0 and the instant or day to sort by, or -1 to leave rec out. */
	int (*pick)(
	    const struct vrun *vr, const struct yml_node *rec, int64_t *key);
	void (*row)(const struct vrun *vr, const struct yml_node *rec,
	    int64_t key, struct table *t);
};

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

static int
dated_run(const struct dated *dt, int argc, char **argv, struct gd_ctx *ctx)
{
	const struct record *rec = NULL;
	struct due_rec *v = NULL;
	struct buf out = BUF_INIT;
	struct table *t;
	struct vrun vr;
	size_t n = 0, cap = 0, i;
	int64_t key;
	int rc = verb_begin(dt->spec, argc, argv, ctx, &vr);

	if (rc >= 0) {
		verb_end(&vr);
		return rc;
	}
	while ((rec = repo_next(vr.r, dt->kind, rec)) != NULL) {
		if (rec->doc == NULL || rec->id == NULL ||
		    dt->pick(&vr, rec->doc->root, &key) < 0)
			continue;
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n].rec = rec;
		v[n++].key = key;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_due);
	t = table_new(5);
	for (i = 0; i < 5; i++)
		col_head(t, vr.c.locale, i, dt->heads[i], dt->aligns[i]);
	for (i = 0; i < n; i++) {
		table_add_row(t);
		table_cell(t, 0, v[i].rec->id);
		dt->row(&vr, v[i].rec->doc->root, v[i].key, t);
	}
	if (n == 0) {
		diag_info("%s", dt->none);
	} else {
		table_render(t, &out, rec_width(), ctx->color_out);
		rec_flush(&out);
	}
	table_free(t);
	buf_free(&out);
	free(v);
	verb_end(&vr);
	return EXIT_OK;
}

static int
pick_breach(const struct vrun *vr, const struct yml_node *inc, int64_t *key)
{
	const char *status = yml_get_str(inc, "status");
	struct breach b;

	if (status != NULL && strcmp(status, "closed") == 0)
		return -1;
	rec_breach(&vr->c, inc, &b);
	*key = b.valid ? b.deadline.utc : INT64_MAX;
	return 0;
}

static void
row_breach(const struct vrun *vr, const struct yml_node *inc, int64_t key,
    struct table *t)
{
	struct rv a = {0}, s = {0};
	struct breach b;
	char when[17] = "";

	(void)key;
	rec_breach(&vr->c, inc, &b);
	if (b.valid)
		rec_short_datetime(b.deadline, when);
	rec_breach_text(&vr->c, &b, &a);
	rv_str(&s, b.subjects);
	s.etype = "subjects";
	s.color = strcmp(b.subjects, "missing") == 0 ? RC_BAD : NULL;
	table_cell(t, 1, when);
	cell(t, 2, &a, vr->c.locale);
	cell(t, 3, &s, vr->c.locale);
	table_cell(t, 4, yml_get_str(inc, "title"));
	rv_clear(&a);
	rv_clear(&s);
}

static const struct dated deadlines = {&deadlines_spec, KIND_INCIDENT,
    "no open incidents",
    {"col.id", "col.deadline", "rec.col.authority", "rec.col.subjects",
        "col.title"},
    {TABLE_LEFT, TABLE_LEFT, TABLE_LEFT, TABLE_LEFT, TABLE_LEFT | TABLE_SHRINK},
    pick_breach, row_breach};

int
record_deadlines(int argc, char **argv, struct gd_ctx *ctx)
{
	return dated_run(&deadlines, argc, argv, ctx);
}

static int
pick_request(const struct vrun *vr, const struct yml_node *req, int64_t *key)
{
	struct answer a;

	rec_answer(&vr->c, req, &a);
	if (a.responded)
		return -1;
	*key = a.valid ? date_to_days(a.deadline) : INT64_MAX;
	return 0;
}

static void
row_request(const struct vrun *vr, const struct yml_node *req, int64_t key,
    struct table *t)
{
	struct rv left = {0}, type = {0}, due = {0};
	struct answer a;

	(void)key;
	rec_answer(&vr->c, req, &a);
	if (a.valid) {
		rv_date(&due, a.deadline);
		rec_days_text(&vr->c, a.left, &left);
	}
	rv_node(&type, yml_get(req, "type"));
	type.etype = "request-type";
	cell(t, 1, &type, vr->c.locale);
	cell(t, 2, &due, vr->c.locale);
	cell(t, 3, &left, vr->c.locale);
	table_cell(t, 4, yml_get_str(req, "case"));
	rv_clear(&left);
	rv_clear(&type);
	rv_clear(&due);
}

static const struct dated due = {&due_spec, KIND_REQUEST, "no open requests",
    {"col.id", "col.type", "col.deadline", "rec.col.left", "rec.col.case"},
    {TABLE_LEFT, TABLE_LEFT, TABLE_LEFT, TABLE_LEFT, TABLE_LEFT | TABLE_SHRINK},
    pick_request, row_request};

int
record_due(int argc, char **argv, struct gd_ctx *ctx)
{
	return dated_run(&due, argc, argv, ctx);
}

static int
pick_agreement(const struct vrun *vr, const struct yml_node *dpa, int64_t *key)
{
	const char *status = yml_get_str(dpa, "status");
	long within =
	    vr->within >= 0 ? vr->within : vr->c.cfg->dpa_warning_days;
	struct gd_date exp;

	if (status == NULL || strcmp(status, "signed") != 0 ||
	    rec_date(dpa, "expires", &exp) < 0 ||
	    date_to_days(exp) - date_to_days(vr->c.today) > within)
		return -1;
	*key = date_to_days(exp);
	return 0;
}

static void
row_agreement(const struct vrun *vr, const struct yml_node *dpa, int64_t key,
    struct table *t)
{
	struct rv left = {0};

	rec_expiry_text(&vr->c, (long)(key - date_to_days(vr->c.today)), &left);
	table_cell(t, 1, rec_str(dpa, "processor.name"));
	table_cell(t, 2, yml_get_str(dpa, "expires"));
	cell(t, 3, &left, vr->c.locale);
	table_cell(t, 4, yml_get_str(dpa, "review_by"));
	rv_clear(&left);
}

static const struct dated expiring = {&expiring_spec, KIND_DPA,
    "no agreements expire within that time",
    {"col.id", "col.processor", "col.expires", "rec.col.left", "col.review_by"},
    {TABLE_LEFT, TABLE_LEFT | TABLE_SHRINK, TABLE_LEFT, TABLE_LEFT, TABLE_LEFT},
    pick_agreement, row_agreement};

int
record_expiring(int argc, char **argv, struct gd_ctx *ctx)
{
	return dated_run(&expiring, argc, argv, ctx);
}

/* The record id of kind k for a verb; reports when there is none. */
static const struct record *
find(const struct repo *r, enum kind k, const char *id)
{
	const struct record *rec = repo_find(r, k, id);

	if (rec == NULL)
		diag_error("no %s record with id '%s'", kinds[k]->name, id);
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
	const struct record *rec;
	const struct yml_node *scr;
	struct buf out = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	struct table *t;
	struct vrun vr;
	size_t i;
	int met, rc = verb_begin(&screen_spec, argc, argv, ctx, &vr);

	if (rc >= 0)
		goto done;
	rc = EXIT_FAIL;
	rec = find(vr.r, KIND_DPIA, argv[optind]);
	if (rec == NULL)
		goto done;
	scr = yml_get(rec->doc->root, "screening");
	met = risk_screening_count(scr);
	title_line(ctx, rec, &out);
	t = table_new(2);
	col_head(
	    t, vr.c.locale, 0, "rec.col.criterion", TABLE_LEFT | TABLE_SHRINK);
	col_head(t, vr.c.locale, 1, "rec.col.met", TABLE_LEFT);
	for (i = 0; i < risk_ncriteria; i++) {
		const struct yml_node *n = yml_get(scr, risk_criteria[i]);
		struct rv v = {0};

		if (n != NULL && n->type == YML_BOOL)
			rv_bool(&v, n->boolean);
		else
			rv_l10n(&v, vr.c.locale, "word.not_set", NULL);
		if (v.type == RV_BOOL && v.num)
			v.color = "1";
		table_add_row(t);
		table_cell(t, 0,
		    l10n_enum(vr.c.locale, "criterion", risk_criteria[i]));
		cell(t, 1, &v, vr.c.locale);
		rv_clear(&v);
	}
	table_render(t, &out, rec_width(), ctx->color_out);
	table_free(t);
	buf_printf(&a, "%d", met);
	buf_printf(&b, "%zu", risk_ncriteria);
	buf_putc(&out, '\n');
	l10n_format(&out, vr.c.locale,
	    met >= 2 ? "rec.screen_required" : "rec.screen_not_required", a.ptr,
	    b.ptr, (const char *)NULL);
	buf_putc(&out, '\n');
	rec_flush(&out);
	rc = EXIT_OK;
done:
	buf_free(&out);
	buf_free(&a);
	buf_free(&b);
	verb_end(&vr);
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
	const struct record *rec = NULL;
	struct buf out = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	struct grid g = {0};
	size_t nros = 0;
	struct vrun vr;
	int rc = verb_begin(&matrix_spec, argc, argv, ctx, &vr);

	if (rc >= 0)
		goto done;
	rc = EXIT_FAIL;
	g.nl = vr.c.cfg->nlikelihood;
	g.nc = vr.c.cfg->nconsequence;
	g.before = xcalloc(g.nl * g.nc + 1, sizeof(size_t));
	g.after = xcalloc(g.nl * g.nc + 1, sizeof(size_t));
	if (optind < argc) {
		rec = find(vr.r, KIND_ROS, argv[optind]);
		if (rec == NULL)
			goto done;
		title_line(ctx, rec, &out);
		grid_add(vr.c.cfg, &g, rec->doc->root);
		nros = 1;
	} else {
		while ((rec = repo_next(vr.r, KIND_ROS, rec)) != NULL) {
			if (rec->doc == NULL)
				continue;
			grid_add(vr.c.cfg, &g, rec->doc->root);
			nros++;
		}
	}
	buf_printf(&a, "%zu", g.items);
	buf_printf(&b, "%zu", nros);
	l10n_format(&out, vr.c.locale,
	    nros == 1 ? "rec.matrix_count_one" : "rec.matrix_count", a.ptr,
	    b.ptr, (const char *)NULL);
	if (g.unscored > 0) {
		buf_reset(&a);
		buf_printf(&a, "%zu", g.unscored);
		buf_puts(&out, " ");
		l10n_format(&out, vr.c.locale, "rec.matrix_unscored", a.ptr,
		    (const char *)NULL);
	}
	buf_puts(&out, "\n\n");
	grid_render(ctx, &vr.c, g.before, "report.risks.matrix_before", &out);
	buf_putc(&out, '\n');
	grid_render(ctx, &vr.c, g.after, "report.risks.matrix_after", &out);
	rec_flush(&out);
	rc = EXIT_OK;
done:
	free(g.before);
	free(g.after);
	buf_free(&out);
	buf_free(&a);
	buf_free(&b);
	verb_end(&vr);
	return rc;
}
