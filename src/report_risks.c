/* report risks: every ROS threat and DPIA risk, and the risk matrices. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "l10n.h"
#include "md.h"
#include "report.h"
#include "xalloc.h"

static int
cmp_str(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}

/* Highest residual score first; items that cannot be scored last. */
static int
cmp_row(const void *pa, const void *pb)
{
	const struct risk_row *a = pa, *b = pb;
	long sa = a->e.rok ? a->e.rscore : -1, sb = b->e.rok ? b->e.rscore : -1;
	int c;

	if (sa != sb)
		return sa > sb ? -1 : 1;
	c = cmp_str(a->source, b->source);
	if (c == 0)
		c = cmp_str(a->item, b->item);
	if (c == 0)
		c = strcmp(a->rec->path, b->rec->path);
	return c != 0
	    ? c
	    : (a->node->line > b->node->line) - (a->node->line < b->node->line);
}

static void
add_items(const struct repo *r, enum kind k, const char *field,
    struct risks_report *out, size_t *cap)
{
	const struct record *rec;
	size_t i;

	for (rec = repo_next(r, k, NULL); rec != NULL;
	     rec = repo_next(r, k, rec)) {
		const struct yml_node *seq;

		if (rec->doc == NULL)
			continue;
		seq = yml_get(rec->doc->root, field);
		for (i = 0; seq != NULL && seq->type == YML_SEQ && i < seq->n;
		     i++) {
			const struct yml_node *it = seq->items[i];
			struct risk_row *row;

			if (it->type != YML_MAP)
				continue;
			out->v =
			    xgrow(out->v, cap, out->n + 1, sizeof(*out->v));
			row = &out->v[out->n++];
			memset(row, 0, sizeof(*row));
			row->rec = rec;
			row->source = rec->id;
			row->item = rep_str(it, "id");
			row->threat = rep_str(it, "threat");
			row->node = it;
			risk_eval(&r->cfg, it, &row->e);
		}
	}
}

void
risks_compute(const struct repo *r, struct risks_report *out)
{
	size_t i, cap = 0;

	memset(out, 0, sizeof(*out));
	add_items(r, KIND_ROS, "threats", out, &cap);
	add_items(r, KIND_DPIA, "risks", out, &cap);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_row);
	out->nl = r->cfg.nlikelihood;
	out->nc = r->cfg.nconsequence;
	out->before = xcalloc(out->nl * out->nc + 1, sizeof(*out->before));
	out->after = xcalloc(out->nl * out->nc + 1, sizeof(*out->after));
	for (i = 0; i < out->n; i++) {
		const struct risk_eval *e = &out->v[i].e;

		if (e->ok)
			out->before[(e->l - 1) * out->nc + (e->c - 1)]++;
		if (e->rok)
			out->after[(e->rl - 1) * out->nc + (e->rc - 1)]++;
	}
}

void
risks_free(struct risks_report *s)
{
	free(s->v);
	free(s->before);
	free(s->after);
	memset(s, 0, sizeof(*s));
}

/* "3 × 3 = 9 (High)", or "not scored". */
static void
score_text(const struct report_ctx *x, struct buf *b, int ok, long l, long c,
    long score, const char *level)
{
	if (!ok) {
		buf_puts(b, rep_label(x, "report.risks.not_scored"));
		return;
	}
	buf_printf(b, "%ld × %ld = %ld (%s)", l, c, score,
	    rep_enum(x, "level", level));
}

static void
md_matrix(const struct report_ctx *x, const struct risks_report *s,
    const size_t *counts, const char *title, struct buf *out)
{
	const struct config *cfg = &x->r->cfg;
	struct md_table t;
	size_t l, c;

	md_heading(out, 2, rep_label(x, title));
	md_table_begin(&t, out, s->nc + 1);
	md_table_header(&t, rep_label(x, "report.risks.axes"), MD_LEFT);
	for (c = 1; c <= s->nc; c++) {
		struct buf h = BUF_INIT;

		buf_printf(
		    &h, "%zu %s", c, risk_consequence_label(cfg, (long)c));
		md_table_header(&t, h.ptr, MD_RIGHT);
		buf_free(&h);
	}
	/* The most likely row on top, as risk matrices are drawn. */
	for (l = s->nl; l >= 1; l--) {
		md_table_cellf(
		    &t, "%zu %s", l, risk_likelihood_label(cfg, (long)l));
		for (c = 1; c <= s->nc; c++)
			md_table_cellf(&t, "%zu (%s)",
			    counts[(l - 1) * s->nc + (c - 1)],
			    rep_enum(
			        x, "level", risk_level(cfg, (long)l, (long)c)));
		md_table_row_end(&t);
	}
	md_table_end(&t);
}

static void
render_md(
    const struct report_ctx *x, const struct risks_report *s, struct buf *out)
{
	static const char *const cols[] = {"col.source", "col.item",
	    "col.threat", "col.before", "col.after", "col.open_measures"};
	struct md_table t;
	struct buf b = BUF_INIT;
	size_t i;

	rep_md_title(x, out, rep_label(x, "report.risks.title"), 0);
	md_heading(out, 2, rep_label(x, "report.risks.items"));
	if (s->n == 0) {
		buf_puts(&b, rep_label(x, "report.risks.none"));
		md_escape_inline(out, b.ptr, b.len);
		buf_puts(out, "\n\n");
	} else {
		md_table_begin(&t, out, 6);
		for (i = 0; i < 6; i++)
			md_table_header(&t, rep_label(x, cols[i]),
			    i == 5 ? MD_RIGHT : MD_LEFT);
		for (i = 0; i < s->n; i++) {
			const struct risk_row *row = &s->v[i];
			const struct risk_eval *e = &row->e;

			md_table_cell(&t, row->source);
			md_table_cell(&t, row->item);
			md_table_cell(&t, row->threat);
			buf_reset(&b);
			score_text(
			    x, &b, e->ok, e->l, e->c, e->score, e->level);
			md_table_cell(&t, b.ptr);
			buf_reset(&b);
			score_text(
			    x, &b, e->rok, e->rl, e->rc, e->rscore, e->rlevel);
			md_table_cell(&t, b.ptr);
			md_table_cellf(&t, "%zu", e->open_measures);
			md_table_row_end(&t);
		}
		md_table_end(&t);
	}
	md_matrix(x, s, s->before, "report.risks.matrix_before", out);
	md_matrix(x, s, s->after, "report.risks.matrix_after", out);
	rep_md_provenance(x, out);
	buf_free(&b);
}

static void
csv_num(struct csv *c, int ok, long v)
{
	if (ok)
		csv_cell_int(c, v);
	else
		csv_cell(c, NULL);
}

static void
render_csv(const struct risks_report *s, struct buf *out)
{
	struct csv c;
	size_t i;

	csv_init(&c, out);
	csv_header(&c,
	    "source,item,threat,likelihood,consequence,score,level,"
	    "residual_likelihood,residual_consequence,residual_score,"
	    "residual_level,open_measures");
	for (i = 0; i < s->n; i++) {
		const struct risk_row *row = &s->v[i];
		const struct risk_eval *e = &row->e;

		csv_cell(&c, row->source);
		csv_cell(&c, row->item);
		csv_cell(&c, row->threat);
		csv_cell_num(&c, rep_str(row->node, "likelihood"));
		csv_cell_num(&c, rep_str(row->node, "consequence"));
		csv_num(&c, e->ok, e->score);
		csv_cell(&c, e->level);
		csv_cell_num(&c, rep_str(row->node, "residual_likelihood"));
		csv_cell_num(&c, rep_str(row->node, "residual_consequence"));
		csv_num(&c, e->rok, e->rscore);
		csv_cell(&c, e->rlevel);
		csv_cell_int(&c, (long long)e->open_measures);
		csv_row_end(&c);
	}
}

static void
json_num(struct jsonw *w, const char *key, int ok, long v)
{
	jsonw_key(w, key);
	if (ok)
		jsonw_int(w, v);
	else
		jsonw_null(w);
}

static void
json_matrix(struct jsonw *w, const char *key, const struct risks_report *s,
    const size_t *counts)
{
	size_t l, c;

	jsonw_key(w, key);
	jsonw_arr_begin(w);
	for (l = 0; l < s->nl; l++) {
		jsonw_arr_begin(w);
		for (c = 0; c < s->nc; c++)
			jsonw_int(w, (int64_t)counts[l * s->nc + c]);
		jsonw_arr_end(w);
	}
	jsonw_arr_end(w);
}

static void
render_json(
    const struct report_ctx *x, const struct risks_report *s, struct buf *out)
{
	const struct config *cfg = &x->r->cfg;
	struct jsonw w;
	size_t i, l, c;

	jsonw_init(&w, out, 1);
	rep_json_begin(&w, "risks");
	jsonw_key(&w, "risks");
	jsonw_arr_begin(&w);
	for (i = 0; i < s->n; i++) {
		const struct risk_row *row = &s->v[i];
		const struct risk_eval *e = &row->e;

		jsonw_obj_begin(&w);
		jsonw_key(&w, "source");
		jsonw_str(&w, row->source);
		jsonw_key(&w, "item");
		jsonw_str(&w, row->item);
		jsonw_key(&w, "threat");
		jsonw_str(&w, row->threat);
		json_num(&w, "likelihood", e->ok, e->l);
		json_num(&w, "consequence", e->ok, e->c);
		json_num(&w, "score", e->ok, e->score);
		jsonw_key(&w, "level");
		jsonw_str(&w, e->level);
		json_num(&w, "residual_likelihood", e->residual_given && e->rok,
		    e->rl);
		json_num(&w, "residual_consequence",
		    e->residual_given && e->rok, e->rc);
		json_num(&w, "residual_score", e->rok, e->rscore);
		jsonw_key(&w, "residual_level");
		jsonw_str(&w, e->rlevel);
		jsonw_key(&w, "open_measures");
		jsonw_int(&w, (int64_t)e->open_measures);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_key(&w, "matrix");
	jsonw_obj_begin(&w);
	/* Levels, not the scales' labels: those follow the locale. */
	jsonw_key(&w, "levels");
	jsonw_arr_begin(&w);
	for (l = 1; l <= s->nl; l++) {
		jsonw_arr_begin(&w);
		for (c = 1; c <= s->nc; c++)
			jsonw_str(&w, risk_level(cfg, (long)l, (long)c));
		jsonw_arr_end(&w);
	}
	jsonw_arr_end(&w);
	json_matrix(&w, "before", s, s->before);
	json_matrix(&w, "after", s, s->after);
	jsonw_obj_end(&w);
	rep_json_end(x, &w);
}

int
report_risks(const struct report_ctx *x, struct buf *out)
{
	struct risks_report s;

	risks_compute(x->r, &s);
	switch (x->format) {
	case REPORT_MD:
		render_md(x, &s, out);
		break;
	case REPORT_CSV:
		render_csv(&s, out);
		break;
	case REPORT_JSON:
		render_json(x, &s, out);
		break;
	}
	risks_free(&s);
	return 0;
}
