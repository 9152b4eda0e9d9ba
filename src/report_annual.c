/*
 * report annual: the October self-check of a year, section by section as
 * SPEC section 3 lists them, ending with every finding of validate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "deadline.h"
#include "l10n.h"
#include "md.h"
#include "report.h"
#include "rules.h"
#include "xalloc.h"

/*
 * Each section is computed into figures and lists of rows; one renderer
 * per format lays every section out the same way.
 */
enum mkind {
	M_NONE, /* no value: null, an empty cell, "–" */
	M_INT,
	M_STR,
	M_PCT,    /* a whole percentage */
	M_SHARE,  /* v of den, as a percentage */
	M_TENTHS, /* hours with one decimal */
};

struct metric {
	const char *key; /* JSON key and CSV field */
	char *label;
	enum mkind kind;
	long v, den;
	const char *s;
};

/* A cell: the value for CSV and JSON, and the text shown in Markdown. */
struct cell {
	char *raw; /* NULL: null */
	char *shown;
	int num; /* raw is an integer */
};

struct list {
	const char *key;
	const char *title; /* label key */
	size_t ncols;
	const char *const *cols;  /* JSON keys and CSV fields */
	const char *const *heads; /* label keys of the column titles */
	struct cell *cells;       /* nrows * ncols */
	size_t nrows, cap;
};

#define MAX_METRICS 12
#define MAX_LISTS 3

struct section {
	const char *key;
	const char *title; /* label key */
	char *note;        /* a sentence before the figures, or NULL */
	struct metric m[MAX_METRICS];
	size_t nm;
	struct list l[MAX_LISTS];
	size_t nl;
};

enum {
	S_PLAN,
	S_REGISTER,
	S_DPA,
	S_BREACHES,
	S_REQUESTS,
	S_DPIA,
	S_ROS,
	S_COMMITS,
	NSECTIONS,
};

struct annual {
	struct section s[NSECTIONS];
};

static struct metric *
metric(struct section *s, const char *key, const char *label, enum mkind kind,
    long v)
{
	struct metric *m = &s->m[s->nm++];

	m->key = key;
	m->label = xstrdup(label);
	m->kind = kind;
	m->v = v;
	return m;
}

static void
share(struct section *s, const char *key, const char *label, long v, long den)
{
	metric(s, key, label, den > 0 ? M_SHARE : M_NONE, v)->den = den;
}

static struct list *
list(struct section *s, const char *key, const char *title, size_t ncols,
    const char *const *cols, const char *const *heads)
{
	struct list *l = &s->l[s->nl++];

	l->key = key;
	l->title = title;
	l->ncols = ncols;
	l->cols = cols;
	l->heads = heads;
	return l;
}

/* Start a row: its cells are set with set(). */
static struct cell *
row(struct list *l)
{
	struct cell *c;

	l->cells = xgrow(
	    l->cells, &l->cap, (l->nrows + 1) * l->ncols, sizeof(*l->cells));
	c = &l->cells[l->nrows * l->ncols];
	memset(c, 0, l->ncols * sizeof(*c));
	l->nrows++;
	return c;
}

/* A cell whose shown text is its value (shown NULL) or another text. */
static void
set(struct cell *c, const char *raw, const char *shown)
{
	c->raw = raw != NULL ? xstrdup(raw) : NULL;
	c->shown = xstrdup(shown != NULL ? shown : raw != NULL ? raw : "");
}

static void
set_int(struct cell *c, long v)
{
	char s[24];

	snprintf(s, sizeof(s), "%ld", v);
	set(c, s, NULL);
	c->num = 1;
}

static void
section_free(struct section *s)
{
	size_t i, j;

	free(s->note);
	for (i = 0; i < s->nm; i++)
		free(s->m[i].label);
	for (i = 0; i < s->nl; i++) {
		struct list *l = &s->l[i];

		for (j = 0; j < l->nrows * l->ncols; j++) {
			free(l->cells[j].raw);
			free(l->cells[j].shown);
		}
		free(l->cells);
	}
}

static int
has_items(const struct yml_node *map, const char *key)
{
	const struct yml_node *n = yml_get(map, key);

	if (n == NULL || n->type == YML_NULL)
		return 0;
	if (n->type == YML_SEQ)
		return n->n > 0;
	return !yml_is_scalar(n) || n->len > 0;
}

static void
year_text(int year, char out[16])
{
	snprintf(out, 16, "%d", year);
}

static void
compute_plan(const struct report_ctx *x, struct section *s)
{
	const struct record *plan = status_find_plan(x->r, x->year);
	struct status_report st;
	struct buf b = BUF_INIT;
	static const char *const qs[4] = {"Q1", "Q2", "Q3", "Q4"};
	char year[16];
	int q;

	year_text(x->year, year);
	s->key = "plan";
	s->title = "report.annual.plan";
	if (plan == NULL) {
		l10n_format(&b, x->locale, "report.annual.no_plan", year, NULL);
		s->note = buf_detach(&b);
		metric(s, "plan", rep_label(x, "report.annual.plan_id"), M_NONE,
		    0);
		return;
	}
	status_compute(plan, x->year, &st);
	metric(s, "plan", rep_label(x, "report.annual.plan_id"), M_STR, 0)->s =
	    plan->id;
	for (q = 0; q < 4; q++)
		metric(s, qs[q], rep_enum(x, "quarter", qs[q]),
		    st.q[q].completion < 0 ? M_NONE : M_PCT,
		    st.q[q].completion);
	l10n_format(&b, x->locale, "report.status.year", year, NULL);
	metric(s, "year", b.ptr, st.all.completion < 0 ? M_NONE : M_PCT,
	    st.all.completion);
	buf_free(&b);
	status_free(&st);
}

static void
compute_register(const struct report_ctx *x, struct section *s)
{
	static const char *const fields[] = {"purpose", "data_subjects",
	    "data_categories", "legal_basis", "recipients", "retention",
	    "security_measures", "art9_condition"};
	static const char *const icols[] = {"id", "name", "missing"};
	static const char *const iheads[] = {
	    "col.id", "col.name", "col.missing"};
	static const char *const rcols[] = {"id", "name", "reviewed", "due"};
	static const char *const rheads[] = {
	    "col.id", "col.name", "col.reviewed", "col.deadline"};
	const struct record *rec;
	struct list *inc, *rev;
	struct buf raw = BUF_INIT, shown = BUF_INIT;
	long active = 0;
	size_t i;

	s->key = "register";
	s->title = "report.annual.register";
	inc =
	    list(s, "incomplete", "report.annual.incomplete", 3, icols, iheads);
	rev = list(
	    s, "not_reviewed", "report.annual.not_reviewed", 4, rcols, rheads);
	for (rec = repo_next(x->r, KIND_REGISTER, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_REGISTER, rec)) {
		const struct yml_node *m;
		struct gd_date due;
		struct cell *c;

		if (!rep_is_active(rec))
			continue;
		m = rec->doc->root;
		active++;
		buf_reset(&raw);
		buf_reset(&shown);
		for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
			struct buf key = BUF_INIT;

			/* The Art. 9 condition only with special categories. */
			if (strcmp(fields[i], "art9_condition") == 0 &&
			    !has_items(m, "special_categories"))
				continue;
			if (has_items(m, fields[i]))
				continue;
			buf_printf(&key, "field.%s", fields[i]);
			buf_printf(
			    &raw, "%s%s", raw.len > 0 ? "; " : "", fields[i]);
			buf_printf(&shown, "%s%s", shown.len > 0 ? "\n" : "",
			    l10n_get(x->locale, key.ptr));
			buf_free(&key);
		}
		if (raw.len > 0) {
			c = row(inc);
			set(&c[0], rec->id, NULL);
			set(&c[1], rep_str(m, "name"), NULL);
			set(&c[2], raw.ptr, shown.ptr);
		}
		if (deadline_review(&x->r->cfg, m, &due) == 0 &&
		    date_cmp(due, x->today) >= 0)
			continue;
		c = row(rev);
		set(&c[0], rec->id, NULL);
		set(&c[1], rep_str(m, "name"), NULL);
		set(&c[2], rep_str(m, "reviewed"), NULL);
		if (deadline_review(&x->r->cfg, m, &due) == 0) {
			char d[11];

			date_format(due, d);
			set(&c[3], d, NULL);
		} else {
			set(&c[3], NULL, NULL);
		}
	}
	metric(
	    s, "active", rep_label(x, "report.annual.active"), M_INT, active);
	metric(s, "complete", rep_label(x, "report.annual.complete"), M_INT,
	    active - (long)inc->nrows);
	metric(s, "incomplete", rep_label(x, "report.annual.incomplete"), M_INT,
	    (long)inc->nrows);
	metric(s, "not_reviewed", rep_label(x, "report.annual.not_reviewed"),
	    M_INT, (long)rev->nrows);
	buf_free(&raw);
	buf_free(&shown);
}

static const char *
processor_name(const struct record *dpa)
{
	return rep_str(yml_get(dpa->doc->root, "processor"), "name");
}

static void
compute_dpa(const struct report_ctx *x, struct section *s)
{
	static const char *const mcols[] = {"register", "processor", "status"};
	static const char *const mheads[] = {
	    "col.register", "col.processor", "col.status"};
	static const char *const ecols[] = {
	    "id", "processor", "expires", "days"};
	static const char *const eheads[] = {
	    "col.id", "col.processor", "col.expires", "col.days_left"};
	static const char *const xcols[] = {"id", "processor", "expires"};
	static const char *const xheads[] = {
	    "col.id", "col.processor", "col.expires"};
	const struct record *rec;
	struct list *miss, *soon, *gone;
	size_t i;

	s->key = "dpa";
	s->title = "report.annual.dpa";
	miss =
	    list(s, "missing", "report.annual.dpa_missing", 3, mcols, mheads);
	soon =
	    list(s, "expiring", "report.annual.dpa_expiring", 4, ecols, eheads);
	gone =
	    list(s, "expired", "report.annual.dpa_expired", 3, xcols, xheads);
	for (rec = repo_next(x->r, KIND_REGISTER, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_REGISTER, rec)) {
		const struct yml_node *p;

		if (!rep_is_active(rec))
			continue;
		p = yml_get(rec->doc->root, "processors");
		for (i = 0; p != NULL && p->type == YML_SEQ && i < p->n; i++) {
			const struct yml_node *id = p->items[i];
			const struct record *dpa;
			const char *st = NULL;
			struct cell *c;

			if (id->type != YML_STR)
				continue;
			dpa = repo_find(x->r, KIND_DPA, id->str);
			if (dpa != NULL && dpa->doc != NULL)
				st = rep_str(dpa->doc->root, "status");
			if (st != NULL && strcmp(st, "signed") == 0)
				continue;
			c = row(miss);
			set(&c[0], rec->id, NULL);
			set(&c[1], id->str, NULL);
			set(&c[2], st,
			    st != NULL
			        ? rep_enum(x, "dpa-status", st)
			        : rep_label(x, "report.annual.no_record"));
		}
	}
	for (rec = repo_next(x->r, KIND_DPA, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_DPA, rec)) {
		const char *st;
		struct gd_date exp;
		struct cell *c;
		long left;

		if (rec->doc == NULL)
			continue;
		st = rep_str(rec->doc->root, "status");
		if (st == NULL || strcmp(st, "signed") != 0 ||
		    deadline_date(yml_get(rec->doc->root, "expires"), &exp) < 0)
			continue;
		left = date_to_days(exp) - date_to_days(x->today);
		if (left < 0) {
			c = row(gone);
		} else if (left <= x->r->cfg.dpa_warning_days) {
			c = row(soon);
			set_int(&c[3], left);
		} else {
			continue;
		}
		set(&c[0], rec->id, NULL);
		set(&c[1], processor_name(rec), NULL);
		set(&c[2], rep_str(rec->doc->root, "expires"), NULL);
	}
	metric(s, "missing", rep_label(x, "report.annual.dpa_missing"), M_INT,
	    (long)miss->nrows);
	metric(s, "expiring", rep_label(x, "report.annual.dpa_expiring"), M_INT,
	    (long)soon->nrows);
	metric(s, "expired", rep_label(x, "report.annual.dpa_expired"), M_INT,
	    (long)gone->nrows);
}

static void
compute_breaches(const struct report_ctx *x, struct section *s)
{
	struct incidents_report ir;
	struct buf b = BUF_INIT;
	size_t i;

	s->key = "breaches";
	s->title = "report.annual.breaches";
	incidents_compute(x->r, x->year, x->today, &ir);
	metric(s, "count", rep_label(x, "report.annual.breaches_count"), M_INT,
	    (long)ir.n);
	for (i = 0; i < INCIDENT_NTYPES; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s: %s", rep_label(x, "col.breach_type"),
		    rep_enum(x, "breach-type", incident_types[i]));
		metric(s, incident_types[i], b.ptr, M_INT, (long)ir.by_type[i]);
	}
	metric(s, "notification_required",
	    rep_label(x, "report.incidents.notify_required"), M_INT,
	    (long)ir.required);
	metric(s, "on_time", rep_label(x, "report.incidents.on_time"), M_INT,
	    (long)ir.on_time);
	metric(s, "late", rep_label(x, "report.incidents.late"), M_INT,
	    (long)ir.late);
	metric(s, "pending", rep_label(x, "report.annual.notify_pending"),
	    M_INT, (long)ir.pending);
	share(s, "on_time_share", rep_label(x, "report.annual.on_time_share"),
	    (long)ir.on_time, (long)(ir.on_time + ir.late));
	metric(s, "median_hours_to_notification",
	    rep_label(x, "report.annual.median_hours"),
	    ir.has_median ? M_TENTHS : M_NONE, ir.median);
	incidents_free(&ir);
	buf_free(&b);
}

static void
compute_requests(const struct report_ctx *x, struct section *s)
{
	const struct record *rec;
	long count = 0, in_time = 0, late = 0, pending = 0;

	s->key = "requests";
	s->title = "report.annual.requests";
	for (rec = repo_next(x->r, KIND_REQUEST, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_REQUEST, rec)) {
		const struct yml_node *m, *resp;
		struct gd_date received, deadline, responded;
		const char *outcome;

		if (rec->doc == NULL)
			continue;
		m = rec->doc->root;
		if (deadline_date(yml_get(m, "received"), &received) < 0 ||
		    received.y != x->year)
			continue;
		count++;
		if (deadline_request(&x->r->cfg, m, &deadline) < 0)
			continue;
		resp = yml_get(m, "responded");
		outcome = rep_str(m, "outcome");
		if (deadline_date(resp, &responded) == 0) {
			if (date_cmp(responded, deadline) <= 0)
				in_time++;
			else
				late++;
		} else if (outcome != NULL &&
		    strcmp(outcome, "withdrawn") == 0) {
			continue;
		} else if (date_cmp(deadline, x->today) < 0) {
			late++;
		} else {
			pending++;
		}
	}
	metric(s, "count", rep_label(x, "report.annual.requests_count"), M_INT,
	    count);
	metric(s, "in_time", rep_label(x, "report.annual.requests_in_time"),
	    M_INT, in_time);
	metric(s, "late", rep_label(x, "report.annual.requests_late"), M_INT,
	    late);
	metric(s, "pending", rep_label(x, "report.annual.requests_pending"),
	    M_INT, pending);
	share(s, "in_time_share", rep_label(x, "report.annual.requests_share"),
	    in_time, in_time + late);
}

/* Why an active entry lacks a DPIA it needs; 0 when it does not. */
static int
dpia_gap(const struct report_ctx *x, const struct record *reg,
    struct buf *shown, const char **code)
{
	const struct yml_node *n = yml_get(reg->doc->root, "dpia");
	const struct record *rec;
	char count[24];

	if (n == NULL || n->type == YML_NULL) {
		*code = "not-assessed";
		buf_puts(
		    shown, rep_label(x, "report.annual.reason.not_assessed"));
		return 1;
	}
	if (n->type != YML_STR)
		return 0;
	if (strcmp(n->str, "not-required") == 0) {
		const struct rules_link *l;
		size_t nl = rules_linked(x->links, reg->id, KIND_DPIA, &l);

		for (size_t i = 0; i < nl; i++) {
			int k;

			rec = l[i].rec;
			if (i > 0 && rec == l[i - 1].rec)
				continue;
			k = risk_screening_count(
			    yml_get(rec->doc->root, "screening"));
			if (k < 2)
				continue;
			snprintf(count, sizeof(count), "%d", k);
			*code = "screened";
			l10n_format(shown, x->locale,
			    "report.annual.reason.screened", rec->id, count,
			    NULL);
			return 1;
		}
		return 0;
	}
	rec = repo_find(x->r, KIND_DPIA, n->str);
	if (rec == NULL) {
		*code = "unknown";
		l10n_format(shown, x->locale, "report.annual.reason.unknown",
		    n->str, NULL);
		return 1;
	}
	if (rec->doc != NULL) {
		const char *st = rep_str(rec->doc->root, "status");

		if (st != NULL && strcmp(st, "draft") == 0) {
			*code = "draft";
			l10n_format(shown, x->locale,
			    "report.annual.reason.draft", n->str, NULL);
			return 1;
		}
	}
	return 0;
}

static void
compute_dpia(const struct report_ctx *x, struct section *s)
{
	static const char *const mcols[] = {"register", "name", "reason"};
	static const char *const mheads[] = {
	    "col.register", "col.name", "col.reason"};
	static const char *const rcols[] = {"id", "title", "next_review"};
	static const char *const rheads[] = {
	    "col.id", "col.title", "col.next_review"};
	const struct record *rec;
	struct list *miss, *due;
	struct gd_date end = {x->year, 12, 31};
	struct buf b = BUF_INIT;

	s->key = "dpia";
	s->title = "report.annual.dpia";
	miss =
	    list(s, "missing", "report.annual.dpia_missing", 3, mcols, mheads);
	due = list(
	    s, "due_for_review", "report.annual.dpia_review", 3, rcols, rheads);
	for (rec = repo_next(x->r, KIND_REGISTER, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_REGISTER, rec)) {
		const char *code = NULL;
		struct cell *c;

		if (!rep_is_active(rec))
			continue;
		buf_reset(&b);
		if (!dpia_gap(x, rec, &b, &code))
			continue;
		c = row(miss);
		set(&c[0], rec->id, NULL);
		set(&c[1], rep_str(rec->doc->root, "name"), NULL);
		set(&c[2], code, b.ptr);
	}
	for (rec = repo_next(x->r, KIND_DPIA, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_DPIA, rec)) {
		struct gd_date next;
		struct cell *c;

		if (rec->doc == NULL ||
		    deadline_date(
		        yml_get(rec->doc->root, "next_review"), &next) < 0 ||
		    date_cmp(next, end) > 0)
			continue;
		c = row(due);
		set(&c[0], rec->id, NULL);
		set(&c[1], rep_str(rec->doc->root, "title"), NULL);
		set(&c[2], rep_str(rec->doc->root, "next_review"), NULL);
	}
	metric(s, "missing", rep_label(x, "report.annual.dpia_missing"), M_INT,
	    (long)miss->nrows);
	metric(s, "due_for_review", rep_label(x, "report.annual.dpia_review"),
	    M_INT, (long)due->nrows);
	buf_free(&b);
}

/* The newest approved ROS of a register entry (as rule ros-stale). */
static const struct record *
newest_ros(const struct report_ctx *x, const struct record *reg)
{
	const struct yml_node *own = yml_get(reg->doc->root, "ros");
	const struct record *rec, *best = NULL;
	const struct rules_link *l;
	struct gd_date bd = {0, 0, 0}, d;
	size_t nl = rules_linked(x->links, reg->id, KIND_ROS, &l);
	size_t nown = own != NULL && own->type == YML_SEQ ? own->n : 0, i;

	/* The ROS the entry lists and those that list the entry; on equal
	 * dates the first by path, as the rule ros-stale has it. */
	for (i = 0; i < nown + nl; i++) {
		const char *st;

		if (i < nown)
			rec = own->items[i]->type == YML_STR
			    ? repo_find(x->r, KIND_ROS, own->items[i]->str)
			    : NULL;
		else
			rec = l[i - nown].rec;
		if (rec == NULL || rec->doc == NULL)
			continue;
		st = rep_str(rec->doc->root, "status");
		if (st == NULL || strcmp(st, "approved") != 0 ||
		    deadline_date(yml_get(rec->doc->root, "date"), &d) < 0)
			continue;
		if (best == NULL || date_cmp(d, bd) > 0 ||
		    (date_cmp(d, bd) == 0 && rec < best)) {
			best = rec;
			bd = d;
		}
	}
	return best;
}

static void
compute_ros(const struct report_ctx *x, struct section *s)
{
	static const char *const scols[] = {
	    "register", "name", "ros", "date", "due"};
	static const char *const sheads[] = {
	    "col.register", "col.name", "col.ros", "col.date", "col.deadline"};
	static const char *const ncols[] = {"register", "name"};
	static const char *const nheads[] = {"col.register", "col.name"};
	static const char *const hcols[] = {"source", "item", "threat",
	    "residual_score", "residual_level", "open_measures"};
	static const char *const hheads[] = {"col.source", "col.item",
	    "col.threat", "col.score", "col.level", "col.open_measures"};
	const struct record *rec;
	struct list *stale, *none, *high;
	struct risks_report rr;
	int top = (int)x->r->cfg.nlevels - 1;
	size_t i;

	s->key = "ros";
	s->title = "report.annual.ros";
	stale = list(s, "stale", "report.annual.ros_stale", 5, scols, sheads);
	none = list(s, "without_ros", "report.annual.no_ros", 2, ncols, nheads);
	high = list(
	    s, "high_residual", "report.annual.high_risks", 6, hcols, hheads);
	for (rec = repo_next(x->r, KIND_REGISTER, NULL); rec != NULL;
	     rec = repo_next(x->r, KIND_REGISTER, rec)) {
		const struct record *ros;
		struct gd_date next, aged;
		struct cell *c;
		char d[11];

		if (!rep_is_active(rec))
			continue;
		ros = newest_ros(x, rec);
		if (ros == NULL) {
			c = row(none);
			set(&c[0], rec->id, NULL);
			set(&c[1], rep_str(rec->doc->root, "name"), NULL);
			continue;
		}
		if (deadline_ros(&x->r->cfg, ros->doc->root, &next, &aged) <
		        0 ||
		    (date_cmp(aged, x->today) >= 0 &&
		        date_cmp(next, x->today) >= 0))
			continue;
		c = row(stale);
		set(&c[0], rec->id, NULL);
		set(&c[1], rep_str(rec->doc->root, "name"), NULL);
		set(&c[2], ros->id, NULL);
		set(&c[3], rep_str(ros->doc->root, "date"), NULL);
		date_format(date_cmp(next, aged) < 0 ? next : aged, d);
		set(&c[4], d, NULL);
	}
	risks_compute(x->r, &rr);
	for (i = 0; i < rr.n; i++) {
		const struct risk_row *r = &rr.v[i];
		struct cell *c;

		if (!r->e.rok || r->e.rrank != top)
			continue;
		c = row(high);
		set(&c[0], r->source, NULL);
		set(&c[1], r->item, NULL);
		set(&c[2], r->threat, NULL);
		set_int(&c[3], r->e.rscore);
		set(&c[4], r->e.rlevel, rep_enum(x, "level", r->e.rlevel));
		set_int(&c[5], (long)r->e.open_measures);
	}
	risks_free(&rr);
	metric(s, "stale", rep_label(x, "report.annual.ros_stale"), M_INT,
	    (long)stale->nrows);
	metric(s, "without_ros", rep_label(x, "report.annual.no_ros"), M_INT,
	    (long)none->nrows);
	metric(s, "high_residual", rep_label(x, "report.annual.high_risks"),
	    M_INT, (long)high->nrows);
}

static void
compute_commits(const struct report_ctx *x, struct section *s)
{
	struct buf b = BUF_INIT;
	char year[16];
	size_t i;

	s->key = "commits";
	s->title = "report.annual.commits";
	year_text(x->year, year);
	if (x->commits.known)
		l10n_format(
		    &b, x->locale, "report.annual.commits_intro", year, NULL);
	else
		buf_puts(&b, rep_label(x, "report.annual.no_git"));
	s->note = buf_detach(&b);
	for (i = 0; i < REPORT_NCOUNTED; i++)
		metric(s, report_counted[i], report_counted[i],
		    x->commits.known ? M_INT : M_NONE, (long)x->commits.n[i]);
}

static void
annual_compute(const struct report_ctx *x, struct annual *a)
{
	struct rules_ctx rc = {x->r, &x->r->cfg, x->today, NULL, NULL, 0};
	struct report_ctx y = *x;

	memset(a, 0, sizeof(*a));
	/* Register-centred sections look up dpia and ros records through
	 * this index instead of scanning them for every entry. */
	rules_links_build(&rc);
	y.links = &rc;
	compute_plan(&y, &a->s[S_PLAN]);
	compute_register(&y, &a->s[S_REGISTER]);
	compute_dpa(&y, &a->s[S_DPA]);
	compute_breaches(&y, &a->s[S_BREACHES]);
	compute_requests(&y, &a->s[S_REQUESTS]);
	compute_dpia(&y, &a->s[S_DPIA]);
	compute_ros(&y, &a->s[S_ROS]);
	compute_commits(&y, &a->s[S_COMMITS]);
	free(rc.links);
}

static void
annual_free(struct annual *a)
{
	size_t i;

	for (i = 0; i < NSECTIONS; i++)
		section_free(&a->s[i]);
}

/* The value of a metric as Markdown shows it. */
static void
metric_text(const struct report_ctx *x, const struct metric *m, struct buf *b)
{
	struct buf pct = BUF_INIT;
	char v[24], den[24];

	switch (m->kind) {
	case M_NONE:
		buf_puts(b, "–");
		break;
	case M_INT:
		buf_printf(b, "%ld", m->v);
		break;
	case M_STR:
		buf_puts(b, m->s);
		break;
	case M_PCT:
		rep_percent(x, b, (int)m->v);
		break;
	case M_SHARE:
		rep_percent(
		    x, &pct, report_percent(100 * m->v, (size_t)m->den));
		snprintf(v, sizeof(v), "%ld", m->v);
		snprintf(den, sizeof(den), "%ld", m->den);
		l10n_format(b, x->locale, "fmt.share", v, den, pct.ptr, NULL);
		break;
	case M_TENTHS:
		rep_hours(x, b, m->v);
		break;
	}
	buf_free(&pct);
}

static void
md_paragraph(struct buf *out, const char *text)
{
	md_escape_inline(out, text, strlen(text));
	buf_puts(out, "\n\n");
}

static void
md_section(const struct report_ctx *x, const struct section *s, struct buf *out)
{
	struct md_table t;
	struct buf b = BUF_INIT;
	size_t i, j, k;

	md_heading(out, 2, rep_label(x, s->title));
	if (s->note != NULL)
		md_paragraph(out, s->note);
	for (i = k = 0; i < s->nm; i++)
		k += s->m[i].kind != M_NONE;
	/* Figures that have no value at all (no plan, no git) are left out:
	 * the note says why. */
	if (k > 0) {
		md_table_begin(&t, out, 2);
		md_table_header(&t, "", MD_LEFT);
		md_table_header(&t, rep_label(x, "col.value"), MD_RIGHT);
		for (i = 0; i < s->nm; i++) {
			buf_reset(&b);
			metric_text(x, &s->m[i], &b);
			md_table_cell(&t, s->m[i].label);
			md_table_cell(&t, b.ptr);
			md_table_row_end(&t);
		}
		md_table_end(&t);
	}
	/* An empty list shows as the 0 among the figures. */
	for (i = 0; i < s->nl; i++) {
		const struct list *l = &s->l[i];

		if (l->nrows == 0)
			continue;
		md_heading(out, 3, rep_label(x, l->title));
		md_table_begin(&t, out, l->ncols);
		for (j = 0; j < l->ncols; j++)
			md_table_header(&t, rep_label(x, l->heads[j]),
			    l->cells[j].num ? MD_RIGHT : MD_LEFT);
		for (k = 0; k < l->nrows; k++) {
			for (j = 0; j < l->ncols; j++)
				md_table_cell(
				    &t, l->cells[k * l->ncols + j].shown);
			md_table_row_end(&t);
		}
		md_table_end(&t);
	}
	buf_free(&b);
}

/* "path:line:col: severity: message [rule]", as validate prints it. */
static void
finding_text(const struct diag *d, struct buf *b)
{
	buf_puts(b, d->path);
	if (d->line > 0)
		buf_printf(b, ":%d:%d", d->line, d->col);
	buf_printf(b, ": %s: %s [%s]", diag_severity_name(d->severity),
	    d->message, rule_name(d->rule));
}

static void
md_findings(const struct report_ctx *x, struct buf *out)
{
	const struct diag_list *d = x->findings;
	struct buf b = BUF_INIT;
	char ne[24], nw[24];
	size_t i;

	md_heading(out, 2, rep_label(x, "report.annual.findings"));
	if (d == NULL || d->n == 0) {
		md_paragraph(out, rep_label(x, "report.annual.no_findings"));
		return;
	}
	snprintf(ne, sizeof(ne), "%zu", diag_count(d, DIAG_ERROR));
	snprintf(nw, sizeof(nw), "%zu", diag_count(d, DIAG_WARNING));
	l10n_format(
	    &b, x->locale, "report.annual.finding_counts", ne, nw, NULL);
	md_paragraph(out, b.ptr);
	/* A fenced block keeps the compiler-style lines as they are. */
	buf_puts(out, "```text\n");
	for (i = 0; i < d->n; i++) {
		buf_reset(&b);
		finding_text(&d->v[i], &b);
		buf_add(out, b.ptr, b.len);
		buf_putc(out, '\n');
	}
	buf_puts(out, "```\n\n");
	buf_free(&b);
}

static void
render_md(const struct report_ctx *x, const struct annual *a, struct buf *out)
{
	struct buf b = BUF_INIT;
	char year[16];
	size_t i;

	year_text(x->year, year);
	l10n_format(&b, x->locale, "report.annual.title", year, NULL);
	rep_md_title(x, out, b.ptr, 1);
	for (i = 0; i < NSECTIONS; i++)
		md_section(x, &a->s[i], out);
	md_findings(x, out);
	rep_md_provenance(x, out);
	buf_free(&b);
}

static void
json_metric(struct jsonw *w, const struct metric *m)
{
	jsonw_key(w, m->key);
	switch (m->kind) {
	case M_NONE:
		jsonw_null(w);
		break;
	case M_INT:
	case M_PCT:
		jsonw_int(w, m->v);
		break;
	case M_STR:
		jsonw_str(w, m->s);
		break;
	case M_SHARE:
		jsonw_int(w, report_percent(100 * m->v, (size_t)m->den));
		break;
	case M_TENTHS:
		jsonw_tenths(w, m->v);
		break;
	}
}

static void
render_json(const struct report_ctx *x, const struct annual *a, struct buf *out)
{
	const struct diag_list *d = x->findings;
	struct jsonw w;
	char today[11];
	size_t i, j, k, n;

	jsonw_init(&w, out, 1);
	rep_json_begin(&w, "annual");
	jsonw_key(&w, "year");
	jsonw_int(&w, x->year);
	jsonw_key(&w, "today");
	date_format(x->today, today);
	jsonw_str(&w, today);
	for (i = 0; i < NSECTIONS; i++) {
		const struct section *s = &a->s[i];

		jsonw_key(&w, s->key);
		jsonw_obj_begin(&w);
		for (j = 0; j < s->nm; j++)
			json_metric(&w, &s->m[j]);
		for (j = 0; j < s->nl; j++) {
			const struct list *l = &s->l[j];

			jsonw_key(&w, l->key);
			jsonw_arr_begin(&w);
			for (k = 0; k < l->nrows; k++) {
				jsonw_obj_begin(&w);
				for (n = 0; n < l->ncols; n++) {
					const struct cell *c =
					    &l->cells[k * l->ncols + n];

					jsonw_key(&w, l->cols[n]);
					if (c->num)
						jsonw_int(&w,
						    strtoll(c->raw, NULL, 10));
					else
						jsonw_str(&w, c->raw);
				}
				jsonw_obj_end(&w);
			}
			jsonw_arr_end(&w);
		}
		jsonw_obj_end(&w);
	}
	jsonw_key(&w, "findings");
	jsonw_obj_begin(&w);
	jsonw_key(&w, "errors");
	jsonw_int(&w, d != NULL ? (int64_t)diag_count(d, DIAG_ERROR) : 0);
	jsonw_key(&w, "warnings");
	jsonw_int(&w, d != NULL ? (int64_t)diag_count(d, DIAG_WARNING) : 0);
	jsonw_key(&w, "items");
	jsonw_arr_begin(&w);
	for (i = 0; d != NULL && i < d->n; i++) {
		jsonw_obj_begin(&w);
		jsonw_key(&w, "path");
		jsonw_str(&w, d->v[i].path);
		jsonw_key(&w, "line");
		jsonw_int(&w, d->v[i].line);
		jsonw_key(&w, "col");
		jsonw_int(&w, d->v[i].col);
		jsonw_key(&w, "severity");
		jsonw_str(&w, diag_severity_name(d->v[i].severity));
		jsonw_key(&w, "rule");
		jsonw_str(&w, rule_name(d->v[i].rule));
		jsonw_key(&w, "message");
		jsonw_str(&w, d->v[i].message);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	rep_json_end(x, &w);
}

/* One CSV record: section, list, row (1-based), field, value. */
static void
csv_rec(struct csv *c, const char *section, const char *list, size_t row,
    const char *field, const char *value, int num)
{
	csv_cell(c, section);
	csv_cell(c, list);
	if (row > 0)
		csv_cell_int(c, (long long)row);
	else
		csv_cell(c, NULL);
	csv_cell(c, field);
	if (num)
		csv_cell_num(c, value);
	else
		csv_cell(c, value);
	csv_row_end(c);
}

/*
 * CSV in long form: each figure is a record without list and row, each
 * cell of a list one record of its row, each finding one record.
 */
static void
render_csv(const struct report_ctx *x, const struct annual *a, struct buf *out)
{
	const struct diag_list *d = x->findings;
	struct buf b = BUF_INIT;
	struct csv c;
	size_t i, j, k, n;

	csv_init(&c, out);
	csv_header(&c, "section,list,row,field,value");
	for (i = 0; i < NSECTIONS; i++) {
		const struct section *s = &a->s[i];

		for (j = 0; j < s->nm; j++) {
			const struct metric *m = &s->m[j];

			buf_reset(&b);
			switch (m->kind) {
			case M_NONE:
				break;
			case M_INT:
			case M_PCT:
				buf_printf(&b, "%ld", m->v);
				break;
			case M_STR:
				buf_puts(&b, m->s);
				break;
			case M_SHARE:
				buf_printf(&b, "%d",
				    report_percent(100 * m->v, (size_t)m->den));
				break;
			case M_TENTHS:
				hours_format(m->v, &b);
				break;
			}
			csv_rec(&c, s->key, NULL, 0, m->key,
			    m->kind == M_NONE ? NULL : buf_cstr(&b),
			    m->kind != M_STR);
		}
		for (j = 0; j < s->nl; j++) {
			const struct list *l = &s->l[j];

			for (k = 0; k < l->nrows; k++)
				for (n = 0; n < l->ncols; n++) {
					const struct cell *cl =
					    &l->cells[k * l->ncols + n];

					csv_rec(&c, s->key, l->key, k + 1,
					    l->cols[n], cl->raw, cl->num);
				}
		}
	}
	for (i = 0; d != NULL && i < d->n; i++) {
		buf_reset(&b);
		finding_text(&d->v[i], &b);
		csv_rec(&c, "findings", diag_severity_name(d->v[i].severity),
		    i + 1, rule_name(d->v[i].rule), b.ptr, 0);
	}
	buf_free(&b);
}

int
report_annual(const struct report_ctx *x, struct buf *out)
{
	struct annual a;

	annual_compute(x, &a);
	switch (x->format) {
	case REPORT_MD:
		render_md(x, &a, out);
		break;
	case REPORT_CSV:
		render_csv(x, &a, out);
		break;
	case REPORT_JSON:
		render_json(x, &a, out);
		break;
	}
	annual_free(&a);
	return 0;
}
