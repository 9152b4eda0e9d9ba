/* Helpers shared by the reports: labels, values, titles and provenance. */
#include <stdio.h>
#include <string.h>

#include "l10n.h"
#include "md.h"
#include "report.h"

const char *const report_counted[REPORT_NCOUNTED] = {
    "register/", "dpa/", "ros/"};

int
report_percent(long sum, size_t n)
{
	long long num, den;

	if (n == 0)
		return -1;
	/* floor((sum / n) + 1/2) = floor((2 sum + n) / 2n); sum >= 0. */
	num = 2 * (long long)sum + (long long)n;
	den = 2 * (long long)n;
	return (int)(num / den);
}

const char *
rep_label(const struct report_ctx *x, const char *key)
{
	return l10n_get(x->locale, key);
}

const char *
rep_enum(const struct report_ctx *x, const char *type, const char *value)
{
	return l10n_enum(x->locale, type, value);
}

const char *
rep_str(const struct yml_node *map, const char *key)
{
	const struct yml_node *n = yml_get(map, key);

	/* A placeholder is not the record's value: leave it out. */
	if (n == NULL || n->type == YML_NULL || !yml_is_scalar(n) ||
	    kind_placeholder(n->str, n->len))
		return NULL;
	return n->str;
}

int
rep_is_active(const struct record *rec)
{
	const char *st;

	if (rec->doc == NULL)
		return 0;
	st = rep_str(rec->doc->root, "status");
	return st == NULL || strcmp(st, "active") == 0;
}

void
rep_percent(const struct report_ctx *x, struct buf *b, int pct)
{
	char num[16];

	if (pct < 0) {
		buf_puts(b, "–");
		return;
	}
	snprintf(num, sizeof(num), "%d", pct);
	l10n_format(b, x->locale, "fmt.percent", num, NULL);
}

void
rep_hours(const struct report_ctx *x, struct buf *b, long tenths)
{
	size_t start = b->len;
	char *dot;

	hours_format(tenths, b);
	dot = strchr(b->ptr + start, '.');
	if (dot != NULL)
		*dot = rep_label(x, "fmt.decimal")[0];
}

void
rep_join(const struct report_ctx *x, struct buf *b, const struct yml_node *seq,
    const char *sep, const char *type)
{
	size_t i, k = 0;

	if (seq == NULL || seq->type != YML_SEQ)
		return;
	for (i = 0; i < seq->n; i++) {
		const struct yml_node *it = seq->items[i];

		if (!yml_is_scalar(it) || it->type == YML_NULL ||
		    kind_placeholder(it->str, it->len))
			continue;
		if (k++ > 0)
			buf_puts(b, sep);
		buf_puts(
		    b, type != NULL ? rep_enum(x, type, it->str) : it->str);
	}
}

void
rep_md_title(
    const struct report_ctx *x, struct buf *out, const char *title, int as_of)
{
	md_heading(out, 1, title);
	if (as_of) {
		struct buf s = BUF_INIT;
		char d[11];

		date_format(x->today, d);
		l10n_format(&s, x->locale, "fmt.as_of", d, NULL);
		md_escape_inline(out, s.ptr, s.len);
		buf_puts(out, "\n\n");
		buf_free(&s);
	}
}

void
rep_md_provenance(const struct report_ctx *x, struct buf *out)
{
	const struct git_prov *p = &x->prov;
	struct buf s = BUF_INIT;

	switch (p->state) {
	case GIT_PROV_COMMIT:
		l10n_format(&s, x->locale,
		    p->dirty ? "prov.commit_dirty" : "prov.commit", p->commit,
		    p->date, NULL);
		break;
	case GIT_PROV_NO_COMMITS:
		buf_puts(&s, rep_label(x, "prov.no_commits"));
		break;
	case GIT_PROV_NO_REPO:
		buf_puts(&s, rep_label(x, "prov.no_repo"));
		break;
	}
	md_escape_inline(out, s.ptr, s.len);
	buf_putc(out, '\n');
	buf_free(&s);
}

void
rep_json_begin(struct jsonw *w, const char *name)
{
	jsonw_obj_begin(w);
	jsonw_key(w, "report");
	jsonw_str(w, name);
}

void
rep_json_end(const struct report_ctx *x, struct jsonw *w)
{
	const struct git_prov *p = &x->prov;

	jsonw_key(w, "provenance");
	jsonw_obj_begin(w);
	jsonw_key(w, "commit");
	jsonw_str(w, p->state == GIT_PROV_COMMIT ? p->commit : NULL);
	jsonw_key(w, "date");
	jsonw_str(w, p->state == GIT_PROV_COMMIT ? p->date : NULL);
	jsonw_key(w, "dirty");
	jsonw_bool(w, p->state == GIT_PROV_COMMIT && p->dirty);
	jsonw_obj_end(w);
	jsonw_obj_end(w);
}

void
rep_json_strs(struct jsonw *w, const struct yml_node *seq)
{
	size_t i;

	jsonw_arr_begin(w);
	if (seq != NULL && seq->type == YML_SEQ)
		for (i = 0; i < seq->n; i++)
			if (yml_is_scalar(seq->items[i]) &&
			    seq->items[i]->type != YML_NULL)
				jsonw_str(w, seq->items[i]->str);
	jsonw_arr_end(w);
}
