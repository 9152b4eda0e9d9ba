/* report status: the plan of a year by quarter, with its completion. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "l10n.h"
#include "md.h"
#include "report.h"
#include "xalloc.h"

static const char *const quarters[4] = {"Q1", "Q2", "Q3", "Q4"};

static int
quarter_index(const char *q)
{
	int i;

	for (i = 0; q != NULL && i < 4; i++)
		if (strcmp(q, quarters[i]) == 0)
			return i;
	return -1;
}

const struct record *
status_find_plan(const struct repo *r, int year)
{
	const struct record *rec;
	char id[32];

	snprintf(id, sizeof(id), "PLAN-%d", year);
	rec = repo_find(r, KIND_PLAN, id);
	if (rec != NULL && rec->doc != NULL)
		return rec;
	for (rec = repo_next(r, KIND_PLAN, NULL); rec != NULL;
	     rec = repo_next(r, KIND_PLAN, rec)) {
		const struct yml_node *y;

		if (rec->doc == NULL)
			continue;
		y = yml_get(rec->doc->root, "year");
		if (y != NULL && y->type == YML_INT && !y->is_big &&
		    y->ival == year)
			return rec;
	}
	return NULL;
}

static void
read_task(const struct yml_node *item, struct status_task *t)
{
	const struct yml_node *pct = yml_get(item, "percent");

	memset(t, 0, sizeof(*t));
	t->id = rep_str(item, "id");
	t->quarter = rep_str(item, "quarter");
	t->title = rep_str(item, "title");
	t->priority = rep_str(item, "priority");
	t->status = rep_str(item, "status");
	t->date = rep_str(item, "date");
	t->role = rep_str(item, "role");
	t->notes = rep_str(item, "notes");
	if (pct != NULL && pct->type != YML_NULL && yml_is_scalar(pct)) {
		t->pct_raw = pct->str;
		if (pct->type == YML_INT && !pct->is_big && pct->ival >= 0 &&
		    pct->ival <= 100) {
			t->pct_valid = 1;
			t->percent = (long)pct->ival;
		}
	}
	t->cancelled = t->status != NULL && strcmp(t->status, "cancelled") == 0;
	t->complete = t->pct_valid && t->percent == 100;
}

static void
sum_part(struct status_part *p)
{
	size_t i;

	for (i = 0; i < p->ntasks; i++) {
		const struct status_task *t = &p->tasks[i];

		if (t->complete)
			p->ncomplete++;
		if (t->cancelled)
			continue;
		p->counted++;
		p->sum += t->percent;
	}
	p->completion = report_percent(p->sum, p->counted);
}

/* The scalar items of seq appended to strs at *n; returns their start. */
static size_t
take_strs(const struct yml_node *seq, const char **strs, size_t *n)
{
	size_t i, start = *n;

	if (seq == NULL || seq->type != YML_SEQ)
		return start;
	for (i = 0; i < seq->n; i++)
		if (yml_is_scalar(seq->items[i]) &&
		    seq->items[i]->type != YML_NULL)
			strs[(*n)++] = seq->items[i]->str;
	return start;
}

static size_t
seq_len(const struct yml_node *n)
{
	return n != NULL && n->type == YML_SEQ ? n->n : 0;
}

void
status_compute(const struct record *plan, int year, struct status_report *out)
{
	const struct yml_node *root, *tasks, *themes, *cont;
	size_t i, per[4] = {0}, at[4], nstr = 0, cap;
	int q;

	memset(out, 0, sizeof(*out));
	out->year = year;
	out->plan = plan;
	for (q = 0; q < 4; q++)
		out->q[q].completion = -1;
	out->all.completion = -1;
	if (plan == NULL || plan->doc == NULL)
		return;
	root = plan->doc->root;
	tasks = yml_get(root, "tasks");
	themes = yml_get(root, "themes");
	cont = yml_get(root, "continuous");

	/* Tasks grouped by quarter, in file order within each. */
	for (i = 0; i < seq_len(tasks); i++) {
		q = quarter_index(rep_str(tasks->items[i], "quarter"));
		if (q >= 0)
			per[q]++;
	}
	out->ntasks = per[0] + per[1] + per[2] + per[3];
	out->tasks = xcalloc(out->ntasks + 1, sizeof(*out->tasks));
	for (q = 0, at[0] = 0; q < 3; q++)
		at[q + 1] = at[q] + per[q];
	for (q = 0; q < 4; q++) {
		out->q[q].tasks = out->tasks + at[q];
		out->q[q].ntasks = per[q];
	}
	for (i = 0; i < seq_len(tasks); i++) {
		const struct yml_node *item = tasks->items[i];

		q = quarter_index(rep_str(item, "quarter"));
		if (q >= 0)
			read_task(item, &out->tasks[at[q]++]);
	}

	cap = seq_len(cont);
	for (q = 0; q < 4; q++)
		cap += seq_len(yml_get(themes, quarters[q]));
	out->strs = xcalloc(cap + 1, sizeof(*out->strs));
	for (q = 0; q < 4; q++) {
		size_t start =
		    take_strs(yml_get(themes, quarters[q]), out->strs, &nstr);

		out->q[q].themes = out->strs + start;
		out->q[q].nthemes = nstr - start;
		sum_part(&out->q[q]);
	}
	i = take_strs(cont, out->strs, &nstr);
	out->continuous = out->strs + i;
	out->ncontinuous = nstr - i;
	out->all.tasks = out->tasks;
	out->all.ntasks = out->ntasks;
	sum_part(&out->all);
}

void
status_free(struct status_report *s)
{
	free(s->tasks);
	free(s->strs);
	memset(s, 0, sizeof(*s));
}

/* "Completion: 64 % (1 of 7 tasks complete)". */
static void
summary(
    const struct report_ctx *x, struct buf *out, const struct status_part *p)
{
	struct buf pct = BUF_INIT, s = BUF_INIT;
	char done[24], total[24];

	rep_percent(x, &pct, p->completion);
	snprintf(done, sizeof(done), "%zu", p->ncomplete);
	snprintf(total, sizeof(total), "%zu", p->ntasks);
	l10n_format(&s, x->locale, "report.status.summary", buf_cstr(&pct),
	    done, total, NULL);
	md_escape_inline(out, s.ptr, s.len);
	buf_puts(out, "\n\n");
	buf_free(&s);
	buf_free(&pct);
}

static void
md_list(struct buf *out, const char *const *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		buf_puts(out, "- ");
		md_escape_inline(out, items[i], strlen(items[i]));
		buf_putc(out, '\n');
	}
	if (n > 0)
		buf_putc(out, '\n');
}

static void
md_tasks(
    const struct report_ctx *x, struct buf *out, const struct status_part *p)
{
	static const char *const cols[] = {"col.task", "col.priority",
	    "col.status", "col.date", "col.percent", "col.role", "col.notes"};
	struct md_table t;
	struct buf pct = BUF_INIT;
	size_t i;

	md_table_begin(&t, out, 7);
	for (i = 0; i < 7; i++)
		md_table_header(
		    &t, rep_label(x, cols[i]), i == 4 ? MD_RIGHT : MD_LEFT);
	for (i = 0; i < p->ntasks; i++) {
		const struct status_task *k = &p->tasks[i];

		md_table_cell(&t, k->title);
		md_table_cell(&t, rep_enum(x, "priority", k->priority));
		md_table_cell(&t, rep_enum(x, "task-status", k->status));
		md_table_cell(&t, k->date);
		buf_reset(&pct);
		if (k->pct_valid)
			rep_percent(x, &pct, (int)k->percent);
		else if (k->pct_raw != NULL)
			buf_puts(&pct, k->pct_raw);
		if (k->complete)
			buf_puts(&pct, " ✓");
		md_table_cell(&t, buf_cstr(&pct));
		md_table_cell(&t, k->role);
		md_table_cell(&t, k->notes);
		md_table_row_end(&t);
	}
	md_table_end(&t);
	buf_free(&pct);
}

static void
render_md(
    const struct report_ctx *x, const struct status_report *s, struct buf *out)
{
	struct buf b = BUF_INIT;
	struct md_table t;
	char year[16];
	size_t i;
	int q;

	snprintf(year, sizeof(year), "%d", s->year);
	l10n_format(&b, x->locale, "report.status.title", year, NULL);
	rep_md_title(x, out, b.ptr, 0);

	/* The overview: each quarter shown and the year. */
	md_table_begin(&t, out, 3);
	md_table_header(&t, rep_label(x, "col.quarter"), MD_LEFT);
	md_table_header(&t, rep_label(x, "col.themes"), MD_LEFT);
	md_table_header(&t, rep_label(x, "col.completion"), MD_RIGHT);
	for (q = 0; q < 4; q++) {
		if (x->quarter != 0 && x->quarter != q + 1)
			continue;
		md_table_cell(&t, rep_enum(x, "quarter", quarters[q]));
		buf_reset(&b);
		for (i = 0; i < s->q[q].nthemes; i++) {
			if (i > 0)
				buf_puts(&b, ", ");
			buf_puts(&b, s->q[q].themes[i]);
		}
		md_table_cell(&t, buf_cstr(&b));
		buf_reset(&b);
		rep_percent(x, &b, s->q[q].completion);
		md_table_cell(&t, buf_cstr(&b));
		md_table_row_end(&t);
	}
	buf_reset(&b);
	l10n_format(&b, x->locale, "report.status.year", year, NULL);
	md_table_cell(&t, buf_cstr(&b));
	md_table_cell(&t, NULL);
	buf_reset(&b);
	rep_percent(x, &b, s->all.completion);
	md_table_cell(&t, buf_cstr(&b));
	md_table_row_end(&t);
	md_table_end(&t);

	for (q = 0; q < 4; q++) {
		const struct status_part *p = &s->q[q];

		if (x->quarter != 0 && x->quarter != q + 1)
			continue;
		md_heading(out, 2, rep_enum(x, "quarter", quarters[q]));
		if (p->nthemes > 0) {
			buf_reset(&b);
			buf_printf(
			    &b, "%s:", rep_label(x, "report.status.themes"));
			md_escape_inline(out, b.ptr, b.len);
			buf_puts(out, "\n\n");
			md_list(out, p->themes, p->nthemes);
		}
		if (p->ntasks == 0) {
			buf_reset(&b);
			buf_puts(&b, rep_label(x, "report.status.no_tasks"));
			md_escape_inline(out, b.ptr, b.len);
			buf_puts(out, "\n\n");
			continue;
		}
		summary(x, out, p);
		md_tasks(x, out, p);
	}

	buf_reset(&b);
	l10n_format(&b, x->locale, "report.status.year", year, NULL);
	md_heading(out, 2, b.ptr);
	summary(x, out, &s->all);
	if (s->ncontinuous > 0) {
		md_heading(out, 2, rep_label(x, "report.status.continuous"));
		md_list(out, s->continuous, s->ncontinuous);
	}
	rep_md_provenance(x, out);
	buf_free(&b);
}

static void
render_csv(
    const struct report_ctx *x, const struct status_report *s, struct buf *out)
{
	struct csv c;
	size_t i;
	int q;

	csv_init(&c, out);
	csv_header(&c,
	    "year,quarter,id,title,priority,status,date,percent,role,"
	    "notes");
	for (q = 0; q < 4; q++) {
		if (x->quarter != 0 && x->quarter != q + 1)
			continue;
		for (i = 0; i < s->q[q].ntasks; i++) {
			const struct status_task *t = &s->q[q].tasks[i];

			csv_cell_int(&c, s->year);
			csv_cell(&c, quarters[q]);
			csv_cell(&c, t->id);
			csv_cell(&c, t->title);
			csv_cell(&c, t->priority);
			csv_cell(&c, t->status);
			csv_cell(&c, t->date);
			if (t->pct_valid)
				csv_cell_int(&c, t->percent);
			else
				csv_cell(&c, t->pct_raw);
			csv_cell(&c, t->role);
			csv_cell(&c, t->notes);
			csv_row_end(&c);
		}
	}
}

static void
json_completion(struct jsonw *w, const struct status_part *p)
{
	jsonw_key(w, "completion");
	if (p->completion < 0)
		jsonw_null(w);
	else
		jsonw_int(w, p->completion);
	jsonw_key(w, "tasks_total");
	jsonw_int(w, (int64_t)p->ntasks);
	jsonw_key(w, "tasks_complete");
	jsonw_int(w, (int64_t)p->ncomplete);
}

static void
json_strs(struct jsonw *w, const char *const *v, size_t n)
{
	size_t i;

	jsonw_arr_begin(w);
	for (i = 0; i < n; i++)
		jsonw_str(w, v[i]);
	jsonw_arr_end(w);
}

static void
render_json(
    const struct report_ctx *x, const struct status_report *s, struct buf *out)
{
	struct jsonw w;
	size_t i;
	int q;

	jsonw_init(&w, out, 1);
	rep_json_begin(&w, "status");
	jsonw_key(&w, "year");
	jsonw_int(&w, s->year);
	jsonw_key(&w, "plan");
	jsonw_str(&w, s->plan->id);
	jsonw_key(&w, "quarters");
	jsonw_arr_begin(&w);
	for (q = 0; q < 4; q++) {
		const struct status_part *p = &s->q[q];

		if (x->quarter != 0 && x->quarter != q + 1)
			continue;
		jsonw_obj_begin(&w);
		jsonw_key(&w, "quarter");
		jsonw_str(&w, quarters[q]);
		jsonw_key(&w, "themes");
		json_strs(&w, p->themes, p->nthemes);
		json_completion(&w, p);
		jsonw_key(&w, "tasks");
		jsonw_arr_begin(&w);
		for (i = 0; i < p->ntasks; i++) {
			const struct status_task *t = &p->tasks[i];

			jsonw_obj_begin(&w);
			jsonw_key(&w, "id");
			jsonw_str(&w, t->id);
			jsonw_key(&w, "title");
			jsonw_str(&w, t->title);
			jsonw_key(&w, "priority");
			jsonw_str(&w, t->priority);
			jsonw_key(&w, "status");
			jsonw_str(&w, t->status);
			jsonw_key(&w, "date");
			jsonw_str(&w, t->date);
			jsonw_key(&w, "percent");
			if (t->pct_valid)
				jsonw_int(&w, t->percent);
			else
				jsonw_str(&w, t->pct_raw);
			jsonw_key(&w, "role");
			jsonw_str(&w, t->role);
			jsonw_key(&w, "notes");
			jsonw_str(&w, t->notes);
			jsonw_key(&w, "complete");
			jsonw_bool(&w, t->complete);
			jsonw_obj_end(&w);
		}
		jsonw_arr_end(&w);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	json_completion(&w, &s->all);
	jsonw_key(&w, "continuous");
	json_strs(&w, s->continuous, s->ncontinuous);
	rep_json_end(x, &w);
}

int
report_status(const struct report_ctx *x, struct buf *out)
{
	const struct record *plan = status_find_plan(x->r, x->year);
	struct status_report s;

	if (plan == NULL) {
		diag_error("no plan for %d: plan/PLAN-%d.yaml does not exist "
		           "or does not load; 'gdprctl plan new %d' creates it",
		    x->year, x->year, x->year);
		return -1;
	}
	status_compute(plan, x->year, &s);
	switch (x->format) {
	case REPORT_MD:
		render_md(x, &s, out);
		break;
	case REPORT_CSV:
		render_csv(x, &s, out);
		break;
	case REPORT_JSON:
		render_json(x, &s, out);
		break;
	}
	status_free(&s);
	return 0;
}
