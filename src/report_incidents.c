/* report incidents: the breach log of a year (Art. 33(5)) and its totals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "deadline.h"
#include "l10n.h"
#include "md.h"
#include "report.h"
#include "xalloc.h"

const char *const incident_risks[INCIDENT_NRISKS] = {"none", "risk", "high"};
const char *const incident_types[INCIDENT_NTYPES] = {
    "confidentiality", "integrity", "availability"};

static int
index_of(const char *const *v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(v[i], s) == 0)
			return (int)i;
	return -1;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

long
report_median(long *v, size_t n)
{
	long s;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_long);
	if (n % 2 == 1)
		return v[n / 2];
	/* floor((a + b + 1) / 2): half up, also below zero. */
	s = v[n / 2 - 1] + v[n / 2] + 1;
	return s >= 0 ? s / 2 : -((1 - s) / 2);
}

static int
cmp_row(const void *a, const void *b)
{
	const struct incident_row *x = a, *y = b;
	int c = datetime_cmp(x->when, y->when);

	if (c != 0)
		return c;
	return strcmp(x->rec->path, y->rec->path);
}

static void
read_row(const struct config *cfg, struct gd_date today,
    const struct record *rec, struct incident_row *row)
{
	const struct yml_node *root = rec->doc->root;
	const struct yml_node *an = yml_get(root, "authority_notification");
	const struct yml_node *sn = yml_get(root, "subject_notification");
	struct gd_datetime deadline, notified;
	int has_deadline, has_notified;

	memset(row, 0, sizeof(*row));
	row->rec = rec;
	row->id = rep_str(root, "id");
	row->title = rep_str(root, "title");
	row->discovered = rep_str(root, "discovered");
	row->risk = rep_str(root, "risk");
	row->notified = rep_str(an, "notified");
	row->status = rep_str(root, "status");
	row->closed = rep_str(root, "closed");
	row->types = yml_get(root, "breach_type");
	row->subjects_notified = rep_str(sn, "notified") != NULL;
	row->exemption = rep_str(sn, "exemption");
	row->required = row->risk != NULL &&
	    (strcmp(row->risk, "risk") == 0 || strcmp(row->risk, "high") == 0);
	has_deadline = deadline_breach(cfg, root, &row->when, &deadline) == 0;
	has_notified =
	    deadline_datetime(yml_get(an, "notified"), &notified) == 0;
	if (has_deadline && has_notified) {
		row->has_hours = 1;
		row->hours = datetime_diff_tenths(row->when, notified);
		row->timing = datetime_cmp(notified, deadline) <= 0
		    ? TIMING_ON_TIME
		    : TIMING_LATE;
	} else if (!has_deadline || row->notified != NULL) {
		row->timing = TIMING_UNKNOWN;
	} else if (!row->required) {
		row->timing = TIMING_NOT_REQUIRED;
	} else {
		/* Nothing is overdue on the day of its deadline. */
		row->timing = datetime_cmp(deadline,
		                  deadline_day_start(today, deadline)) < 0
		    ? TIMING_LATE
		    : TIMING_PENDING;
	}
}

void
incidents_compute(const struct repo *r, int year, struct gd_date today,
    struct incidents_report *out)
{
	const struct record *rec;
	long *hours;
	size_t i, j, nh = 0, cap = 0;

	memset(out, 0, sizeof(*out));
	out->year = year;
	for (rec = repo_next(r, KIND_INCIDENT, NULL); rec != NULL;
	     rec = repo_next(r, KIND_INCIDENT, rec)) {
		struct gd_datetime when;

		if (rec->doc == NULL ||
		    deadline_datetime(
		        yml_get(rec->doc->root, "discovered"), &when) < 0 ||
		    datetime_date(when).y != year)
			continue;
		out->v = xgrow(out->v, &cap, out->n + 1, sizeof(*out->v));
		read_row(&r->cfg, today, rec, &out->v[out->n++]);
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_row);
	hours = xcalloc(out->n + 1, sizeof(*hours));
	for (i = 0; i < out->n; i++) {
		const struct incident_row *row = &out->v[i];
		int k = index_of(incident_risks, INCIDENT_NRISKS, row->risk);

		if (k >= 0)
			out->by_risk[k]++;
		for (j = 0; row->types != NULL && row->types->type == YML_SEQ &&
		     j < row->types->n;
		     j++) {
			const struct yml_node *t = row->types->items[j];

			k = t->type == YML_STR
			    ? index_of(incident_types, INCIDENT_NTYPES, t->str)
			    : -1;
			if (k >= 0)
				out->by_type[k]++;
		}
		out->required += row->required;
		out->notified += row->notified != NULL;
		out->on_time += row->timing == TIMING_ON_TIME;
		out->late += row->timing == TIMING_LATE;
		out->pending += row->timing == TIMING_PENDING;
		out->subjects += row->subjects_notified;
		out->open +=
		    row->status != NULL && strcmp(row->status, "open") == 0;
		if (row->has_hours)
			hours[nh++] = row->hours;
	}
	out->has_median = nh > 0;
	out->median = report_median(hours, nh);
	free(hours);
}

void
incidents_free(struct incidents_report *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static const char *
timing_label(const struct report_ctx *x, enum incident_timing t)
{
	switch (t) {
	case TIMING_ON_TIME:
		return rep_label(x, "word.on_time");
	case TIMING_LATE:
		return rep_label(x, "word.late");
	case TIMING_PENDING:
		return rep_label(x, "word.pending");
	case TIMING_NOT_REQUIRED:
		return rep_label(x, "word.not_required");
	case TIMING_UNKNOWN:
		break;
	}
	return NULL;
}

static void
count_row(struct md_table *t, const char *label, size_t n)
{
	md_table_cell(t, label);
	md_table_cellf(t, "%zu", n);
	md_table_row_end(t);
}

static void
render_md(const struct report_ctx *x, const struct incidents_report *s,
    struct buf *out)
{
	static const char *const cols[] = {"col.id", "col.title",
	    "col.discovered", "col.breach_type", "col.risk", "col.notified",
	    "col.hours_to_notification", "col.on_time", "col.subjects_notified",
	    "col.status"};
	struct md_table t;
	struct buf b = BUF_INIT;
	char year[16];
	size_t i;

	snprintf(year, sizeof(year), "%d", s->year);
	l10n_format(&b, x->locale, "report.incidents.title", year, NULL);
	rep_md_title(x, out, b.ptr, 1);
	if (s->n == 0) {
		buf_reset(&b);
		l10n_format(&b, x->locale, "report.incidents.none", year, NULL);
		md_escape_inline(out, b.ptr, b.len);
		buf_puts(out, "\n\n");
	} else {
		md_table_begin(&t, out, 10);
		for (i = 0; i < 10; i++)
			md_table_header(&t, rep_label(x, cols[i]),
			    i == 6 ? MD_RIGHT : MD_LEFT);
		for (i = 0; i < s->n; i++) {
			const struct incident_row *row = &s->v[i];

			md_table_cell(&t, row->id);
			md_table_cell(&t, row->title);
			md_table_cell(&t, row->discovered);
			buf_reset(&b);
			rep_join(x, &b, row->types, ", ", "breach-type");
			md_table_cell(&t, buf_cstr(&b));
			md_table_cell(
			    &t, rep_enum(x, "incident-risk", row->risk));
			md_table_cell(&t, row->notified);
			buf_reset(&b);
			if (row->has_hours)
				rep_hours(x, &b, row->hours);
			md_table_cell(&t, buf_cstr(&b));
			md_table_cell(&t, timing_label(x, row->timing));
			if (row->subjects_notified || row->exemption == NULL)
				md_table_cell(&t,
				    rep_enum(x, "bool",
				        row->subjects_notified ? "true"
				                               : "false"));
			else
				md_table_cell(&t,
				    rep_enum(x, "exemption", row->exemption));
			md_table_cell(
			    &t, rep_enum(x, "incident-status", row->status));
			md_table_row_end(&t);
		}
		md_table_end(&t);
	}

	md_heading(out, 2, rep_label(x, "report.incidents.totals"));
	md_table_begin(&t, out, 2);
	md_table_header(&t, "", MD_LEFT);
	md_table_header(&t, rep_label(x, "col.count"), MD_RIGHT);
	count_row(&t, rep_label(x, "report.incidents.count"), s->n);
	for (i = 0; i < INCIDENT_NRISKS; i++)
		count_row(&t, rep_enum(x, "incident-risk", incident_risks[i]),
		    s->by_risk[i]);
	for (i = 0; i < INCIDENT_NTYPES; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s: %s", rep_label(x, "col.breach_type"),
		    rep_enum(x, "breach-type", incident_types[i]));
		count_row(&t, b.ptr, s->by_type[i]);
	}
	count_row(
	    &t, rep_label(x, "report.incidents.notify_required"), s->required);
	count_row(&t, rep_label(x, "report.incidents.notified"), s->notified);
	count_row(&t, rep_label(x, "report.incidents.on_time"), s->on_time);
	count_row(&t, rep_label(x, "report.incidents.late"), s->late);
	count_row(&t, rep_label(x, "report.incidents.subjects"), s->subjects);
	count_row(&t, rep_label(x, "report.incidents.open"), s->open);
	md_table_end(&t);
	rep_md_provenance(x, out);
	buf_free(&b);
}

static void
render_csv(const struct incidents_report *s, struct buf *out)
{
	struct buf b = BUF_INIT;
	struct csv c;
	size_t i;

	csv_init(&c, out);
	csv_header(&c,
	    "id,title,discovered,breach_type,risk,notified,"
	    "hours_to_notification,on_time,subjects_notified,status,closed");
	for (i = 0; i < s->n; i++) {
		const struct incident_row *row = &s->v[i];

		csv_cell(&c, row->id);
		csv_cell(&c, row->title);
		csv_cell(&c, row->discovered);
		buf_reset(&b);
		rep_join(NULL, &b, row->types, "; ", NULL);
		csv_cell(&c, b.len > 0 ? b.ptr : NULL);
		csv_cell(&c, row->risk);
		csv_cell(&c, row->notified);
		if (row->has_hours)
			csv_cell_tenths(&c, row->hours);
		else
			csv_cell(&c, NULL);
		if (row->timing == TIMING_ON_TIME || row->timing == TIMING_LATE)
			csv_cell_bool(&c, row->timing == TIMING_ON_TIME);
		else
			csv_cell(&c, NULL);
		csv_cell_bool(&c, row->subjects_notified);
		csv_cell(&c, row->status);
		csv_cell(&c, row->closed);
		csv_row_end(&c);
	}
	buf_free(&b);
}

static void
json_count(struct jsonw *w, const char *key, size_t n)
{
	jsonw_key(w, key);
	jsonw_int(w, (int64_t)n);
}

static void
render_json(const struct report_ctx *x, const struct incidents_report *s,
    struct buf *out)
{
	struct jsonw w;
	size_t i;

	jsonw_init(&w, out, 1);
	rep_json_begin(&w, "incidents");
	jsonw_key(&w, "year");
	jsonw_int(&w, s->year);
	jsonw_key(&w, "incidents");
	jsonw_arr_begin(&w);
	for (i = 0; i < s->n; i++) {
		const struct incident_row *row = &s->v[i];

		jsonw_obj_begin(&w);
		jsonw_key(&w, "id");
		jsonw_str(&w, row->id);
		jsonw_key(&w, "title");
		jsonw_str(&w, row->title);
		jsonw_key(&w, "discovered");
		jsonw_str(&w, row->discovered);
		jsonw_key(&w, "breach_type");
		rep_json_strs(&w, row->types);
		jsonw_key(&w, "risk");
		jsonw_str(&w, row->risk);
		jsonw_key(&w, "notified");
		jsonw_str(&w, row->notified);
		jsonw_key(&w, "hours_to_notification");
		if (row->has_hours)
			jsonw_tenths(&w, row->hours);
		else
			jsonw_null(&w);
		jsonw_key(&w, "on_time");
		if (row->timing == TIMING_ON_TIME || row->timing == TIMING_LATE)
			jsonw_bool(&w, row->timing == TIMING_ON_TIME);
		else
			jsonw_null(&w);
		jsonw_key(&w, "subjects_notified");
		jsonw_bool(&w, row->subjects_notified);
		jsonw_key(&w, "status");
		jsonw_str(&w, row->status);
		jsonw_key(&w, "closed");
		jsonw_str(&w, row->closed);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_key(&w, "totals");
	jsonw_obj_begin(&w);
	json_count(&w, "breaches", s->n);
	jsonw_key(&w, "by_risk");
	jsonw_obj_begin(&w);
	for (i = 0; i < INCIDENT_NRISKS; i++)
		json_count(&w, incident_risks[i], s->by_risk[i]);
	jsonw_obj_end(&w);
	jsonw_key(&w, "by_type");
	jsonw_obj_begin(&w);
	for (i = 0; i < INCIDENT_NTYPES; i++)
		json_count(&w, incident_types[i], s->by_type[i]);
	jsonw_obj_end(&w);
	json_count(&w, "notification_required", s->required);
	json_count(&w, "notified", s->notified);
	json_count(&w, "on_time", s->on_time);
	json_count(&w, "late", s->late);
	json_count(&w, "pending", s->pending);
	json_count(&w, "subjects_notified", s->subjects);
	json_count(&w, "open", s->open);
	jsonw_key(&w, "median_hours_to_notification");
	if (s->has_median)
		jsonw_tenths(&w, s->median);
	else
		jsonw_null(&w);
	jsonw_obj_end(&w);
	rep_json_end(x, &w);
}

int
report_incidents(const struct report_ctx *x, struct buf *out)
{
	struct incidents_report s;

	incidents_compute(x->r, x->year, x->today, &s);
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
	incidents_free(&s);
	return 0;
}
