/* gdprctl KIND list: one row a record, as a table, CSV, JSON or Markdown. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "jsonw.h"
#include "l10n.h"
#include "md.h"
#include "record.h"
#include "record_kind.h"
#include "table.h"
#include "xalloc.h"

enum list_format {
	LF_TABLE,
	LF_CSV,
	LF_JSON,
	LF_MD,
};

struct row {
	const struct record *rec;
	struct rv *v; /* one a column */
};

struct listing {
	const struct kind_info *rk;
	const struct rctx *c;
	struct row *rows;
	size_t n, cap;
};

static int
parse_format(const char *s, enum list_format *out)
{
	static const char *const names[] = {"table", "csv", "json", "md"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum list_format)i;
			return 0;
		}
	return -1;
}

static const struct rcol *
status_col(const struct kind_info *rk)
{
	size_t i;

	for (i = 0; i < rk->ncols; i++)
		if (strcmp(rk->cols[i].key, "status") == 0)
			return &rk->cols[i];
	return NULL;
}

/* The year --year compares: of a date, or of a date-time in its offset. */
static int
record_year(const struct kind_info *rk, const struct yml_node *rec)
{
	struct gd_datetime t;
	struct gd_date d;

	if (rec_date(rec, rk->year_field, &d) == 0)
		return d.y;
	if (rec_datetime(rec, rk->year_field, &t) == 0)
		return datetime_date(t).y;
	return 0;
}

static int
keep(const struct listing *l, const struct record *rec, const char *status,
    long year)
{
	const struct rcol *sc = status_col(l->rk);
	int ok = 1;

	if (year != 0 && record_year(l->rk, rec->doc->root) != year)
		return 0;
	if (status != NULL && sc != NULL) {
		struct rv v = {0};

		rec_fill(l->c, sc, rec->doc->root, &v);
		ok = v.type == RV_STR && strcmp(v.str, status) == 0;
		rv_clear(&v);
	}
	return ok;
}

static int
cmp_rows(const void *a, const void *b)
{
	const struct record *x = ((const struct row *)a)->rec;
	const struct record *y = ((const struct row *)b)->rec;

	if (x->id != NULL && y->id != NULL) {
		int c = rec_idcmp(x->id, y->id);

		if (c != 0)
			return c;
	} else if (x->id != NULL || y->id != NULL) {
		return x->id != NULL ? -1 : 1;
	}
	return strcmp(x->path, y->path);
}

static void
collect(struct listing *l, const char *status, long year)
{
	const struct record *rec = NULL;
	size_t i;

	while ((rec = repo_next(l->c->r, l->rk->kind, rec)) != NULL) {
		struct row *row;

		if (rec->doc == NULL || !keep(l, rec, status, year))
			continue;
		l->rows = xgrow(l->rows, &l->cap, l->n + 1, sizeof(*l->rows));
		row = &l->rows[l->n++];
		row->rec = rec;
		row->v = xcalloc(l->rk->ncols, sizeof(*row->v));
		for (i = 0; i < l->rk->ncols; i++)
			rec_fill(
			    l->c, &l->rk->cols[i], rec->doc->root, &row->v[i]);
	}
	if (l->n > 1)
		qsort(l->rows, l->n, sizeof(*l->rows), cmp_rows);
}

static void
out_table(const struct listing *l, struct buf *out, int color)
{
	const struct kind_info *rk = l->rk;
	struct buf scratch = BUF_INIT;
	struct table *t;
	size_t i, j, col = 0;

	for (i = 0; i < rk->ncols; i++)
		col += (rk->cols[i].where & RC_TABLE) != 0;
	t = table_new(col);
	col = 0;
	for (j = 0; j < rk->ncols; j++)
		if ((rk->cols[j].where & RC_TABLE))
			table_header(t, col++,
			    l10n_get(l->c->locale, rk->cols[j].label),
			    rk->cols[j].align);
	for (i = 0; i < l->n; i++) {
		table_add_row(t);
		for (j = 0, col = 0; j < rk->ncols; j++) {
			const struct rv *v = &l->rows[i].v[j];

			if (!(rk->cols[j].where & RC_TABLE))
				continue;
			table_cell_color(t, col++,
			    rv_display(v, l->c->locale, &scratch), v->color);
		}
	}
	table_render(t, out, rec_width(), color);
	table_free(t);
	buf_free(&scratch);
}

static void
csv_value(struct csv *c, const struct rv *v)
{
	switch (v->type) {
	case RV_NULL:
		csv_cell(c, NULL);
		break;
	case RV_STR:
		csv_cell(c, v->str);
		break;
	case RV_INT:
		csv_cell_int(c, v->num);
		break;
	case RV_TENTHS:
		csv_cell_tenths(c, (long)v->num);
		break;
	case RV_BOOL:
		csv_cell_bool(c, (int)v->num);
		break;
	}
}

static void
out_csv(const struct listing *l, struct buf *out)
{
	const struct kind_info *rk = l->rk;
	struct buf head = BUF_INIT;
	struct csv c;
	size_t i, j;

	csv_init(&c, out);
	for (j = 0; j < rk->ncols; j++)
		if ((rk->cols[j].where & RC_DATA))
			buf_printf(&head, "%s%s", head.len ? "," : "",
			    rk->cols[j].key);
	csv_header(&c, buf_cstr(&head));
	for (i = 0; i < l->n; i++) {
		for (j = 0; j < rk->ncols; j++)
			if ((rk->cols[j].where & RC_DATA))
				csv_value(&c, &l->rows[i].v[j]);
		csv_row_end(&c);
	}
	buf_free(&head);
}

static void
out_json(const struct listing *l, struct buf *out)
{
	const struct kind_info *rk = l->rk;
	struct jsonw w;
	size_t i, j;

	jsonw_init(&w, out, 1);
	jsonw_arr_begin(&w);
	for (i = 0; i < l->n; i++) {
		jsonw_obj_begin(&w);
		for (j = 0; j < rk->ncols; j++) {
			if (!(rk->cols[j].where & RC_DATA))
				continue;
			jsonw_key(&w, rk->cols[j].key);
			rec_json_value(&w, &l->rows[i].v[j]);
		}
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
}

static void
out_md(const struct listing *l, struct buf *out)
{
	const struct kind_info *rk = l->rk;
	struct buf scratch = BUF_INIT;
	struct md_table t;
	size_t i, j, ncols = 0;

	for (j = 0; j < rk->ncols; j++)
		ncols += (rk->cols[j].where & RC_TABLE);
	md_table_begin(&t, out, ncols);
	for (j = 0; j < rk->ncols; j++)
		if ((rk->cols[j].where & RC_TABLE))
			md_table_header(&t,
			    l10n_get(l->c->locale, rk->cols[j].label),
			    (rk->cols[j].align & TABLE_RIGHT) ? MD_RIGHT
			                                      : MD_LEFT);
	for (i = 0; i < l->n; i++) {
		for (j = 0; j < rk->ncols; j++)
			if ((rk->cols[j].where & RC_TABLE))
				md_table_cell(&t,
				    rv_display(&l->rows[i].v[j], l->c->locale,
				        &scratch));
		md_table_row_end(&t);
	}
	md_table_end(&t);
	buf_free(&scratch);
}

static void
listing_free(struct listing *l)
{
	size_t i, j;

	for (i = 0; i < l->n; i++) {
		for (j = 0; j < l->rk->ncols; j++)
			rv_clear(&l->rows[i].v[j]);
		free(l->rows[i].v);
	}
	free(l->rows);
}

static int
status_known(const struct kind_info *rk, const char *s)
{
	size_t i;

	for (i = 0; rk->statuses[i] != NULL; i++)
		if (strcmp(rk->statuses[i], s) == 0)
			return 1;
	return 0;
}

static int
bad_status(const struct kind_info *rk, const char *s)
{
	struct buf b = BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; rk->statuses[i] != NULL; i++)
		buf_printf(&b, "%s%s",
		    i == 0                            ? ""
		        : rk->statuses[i + 1] != NULL ? ", "
		                                      : " or ",
		    rk->statuses[i]);
	rc = usage_error(
	    rk->name, "--status takes %s, not '%s'", buf_cstr(&b), s);
	buf_free(&b);
	return rc;
}

int
record_list(int argc, char **argv, struct gd_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"status", required_argument, NULL, 's'},
	    {"year", required_argument, NULL, 'y'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	enum kind k = rec_kind(ctx);
	const struct kind_info *rk = kinds[k];
	const char *name = kinds[k]->name;
	struct diag_list d = DIAG_LIST_INIT;
	struct listing l = {rk, NULL, NULL, 0, 0};
	enum list_format fmt = LF_TABLE;
	const char *status = NULL;
	struct buf out = BUF_INIT;
	struct repo *r = NULL;
	struct rctx c;
	long year = 0;
	int ch, rc = EXIT_FAIL;

	while ((ch = opt_next(ctx, argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'f':
			if (parse_format(optarg, &fmt) < 0)
				return usage_error(name,
				    "--format takes table, csv, "
				    "json or md, not '%s'",
				    optarg);
			break;
		case 's':
			if (!status_known(rk, optarg))
				return bad_status(rk, optarg);
			status = optarg;
			break;
		case 'y':
			if (opt_long(optarg, 1, 9999, &year) < 0)
				return usage_error(name,
				    "--year takes a year such as "
				    "2026, not '%s'",
				    optarg);
			break;
		case 'h':
			return rec_usage(k, "list");
		default:
			return opt_error(name, ch, argv);
		}
	}
	if (optind < argc)
		return usage_error(name, "%s list takes no arguments", name);
	if (rec_open_kind(ctx, &r, &c, &d, k) < 0)
		goto done;
	l.c = &c;
	collect(&l, status, year);
	switch (fmt) {
	case LF_TABLE:
		if (l.n > 0)
			out_table(&l, &out, ctx->color_out);
		else
			diag_info("no %s records%s", name,
			    status || year ? " match" : "");
		break;
	case LF_CSV:
		out_csv(&l, &out);
		break;
	case LF_JSON:
		out_json(&l, &out);
		break;
	case LF_MD:
		out_md(&l, &out);
		break;
	}
	rec_flush(&out);
	rc = rec_print_load(ctx, k, &d) ? EXIT_FINDINGS : EXIT_OK;
done:
	listing_free(&l);
	buf_free(&out);
	repo_free(r);
	diag_list_free(&d);
	return rc;
}
