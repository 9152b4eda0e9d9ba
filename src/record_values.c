/*
 * The values the record commands compute and share: risk sums, breach
 * and request deadlines and their texts, and the getters and options
 * several kinds' descriptors use.
 */
#include <stdio.h>
#include <string.h>

#include "deadline.h"
#include "num.h"
#include "record_kind.h"
#include "risk.h"

/* Hours are shown with one decimal up to this many tenths, then as days. */
#define HOURS_MAX 1000

const char *
rec_level_color(const struct config *cfg, int rank)
{
	if (rank < 0)
		return NULL;
	if (rank == 0)
		return RC_GOOD;
	if ((size_t)rank + 1 >= cfg->nlevels)
		return RC_BAD;
	return RC_WARN;
}

void
rec_risk_sum(const struct config *cfg, const struct yml_node *items,
    struct risk_sum *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->rank = out->rrank = -1;
	if (items == NULL || items->type != YML_SEQ)
		return;
	for (i = 0; i < items->n; i++) {
		struct risk_eval e;

		risk_eval(cfg, items->items[i], &e);
		out->items++;
		out->open_measures += e.open_measures;
		if (e.ok && e.rank >= out->rank) {
			out->rank = e.rank;
			out->level = e.level;
		}
		if (e.rok && e.rrank >= out->rrank) {
			out->rrank = e.rrank;
			out->rlevel = e.rlevel;
		}
	}
}

void
rec_breach(const struct rctx *c, const struct yml_node *inc, struct breach *out)
{
	const char *risk = yml_get_str(inc, "risk");
	const struct yml_node *sn = yml_get(inc, "subject_notification");

	memset(out, 0, sizeof(*out));
	out->needed = risk != NULL &&
	    (strcmp(risk, "risk") == 0 || strcmp(risk, "high") == 0);
	out->valid =
	    deadline_breach(c->cfg, inc, &out->discovered, &out->deadline) == 0;
	out->notified = rec_datetime(inc, "authority_notification.notified",
	                    &out->notified_at) == 0;
	if (out->valid)
		out->left = datetime_diff_tenths(c->now, out->deadline);
	if (risk == NULL || strcmp(risk, "high") != 0)
		out->subjects = "not-required";
	else if (yml_get_str(sn, "notified") != NULL)
		out->subjects = "notified";
	else if (yml_get_str(sn, "exemption") != NULL)
		out->subjects = "exempt";
	else
		out->subjects = "missing";
}

static void
left_text(const struct rctx *c, long tenths, struct rv *v)
{
	struct buf n = BUF_INIT;
	long abs = tenths < 0 ? -tenths : tenths;

	if (abs < HOURS_MAX) {
		num_tenths(&n, abs);
		rv_l10n(v, c->locale,
		    tenths < 0 ? "rec.hours_overdue" : "rec.hours_left",
		    buf_cstr(&n));
	} else {
		buf_printf(&n, "%ld", abs / 240);
		rv_l10n(v, c->locale,
		    tenths < 0 ? "rec.days_overdue" : "rec.days_left",
		    buf_cstr(&n));
	}
	v->color = tenths < 0 ? RC_BAD : RC_WARN;
	buf_free(&n);
}

void
rec_breach_text(const struct rctx *c, const struct breach *b, struct rv *v)
{
	if (b->notified) {
		int late =
		    b->valid && datetime_cmp(b->notified_at, b->deadline) > 0;

		rv_l10n(v, c->locale,
		    late ? "rec.notified_late" : "rec.notified", NULL);
		v->color = late ? RC_WARN : RC_GOOD;
	} else if (!b->needed) {
		rv_l10n(v, c->locale, "word.not_required", NULL);
		v->color = RC_DIM;
	} else if (b->valid) {
		left_text(c, b->left, v);
	}
}

void
rec_answer(const struct rctx *c, const struct yml_node *req, struct answer *out)
{
	memset(out, 0, sizeof(*out));
	out->valid = deadline_request(c->cfg, req, &out->deadline) == 0;
	out->responded = rec_date(req, "responded", &out->responded_on) == 0;
	if (out->valid)
		out->left =
		    date_to_days(out->deadline) - date_to_days(c->today);
}

void
rec_days_text(const struct rctx *c, long days, struct rv *v)
{
	char n[24];
	long abs = days < 0 ? -days : days;

	snprintf(n, sizeof(n), "%ld", abs);
	if (days == 0)
		rv_l10n(v, c->locale, "rec.due_today", NULL);
	else if (abs == 1)
		rv_l10n(v, c->locale,
		    days < 0 ? "rec.day_overdue" : "rec.day_left", n);
	else
		rv_l10n(v, c->locale,
		    days < 0 ? "rec.days_overdue" : "rec.days_left", n);
	v->color = days < 0 ? RC_BAD : RC_WARN;
}

void
rec_expiry_text(const struct rctx *c, long days, struct rv *v)
{
	char n[24];
	long abs = days < 0 ? -days : days;

	snprintf(n, sizeof(n), "%ld", abs);
	if (days == 0)
		rv_l10n(v, c->locale, "rec.expires_today", NULL);
	else if (days < 0)
		rv_l10n(v, c->locale,
		    abs == 1 ? "rec.expired_day" : "rec.expired_days", n);
	else
		rv_l10n(v, c->locale,
		    abs == 1 ? "rec.expires_day" : "rec.expires_days", n);
	v->color = days < 0 ? RC_BAD : RC_WARN;
}

void
rec_due_color(const struct rctx *c, struct gd_date due, struct rv *v)
{
	rv_date(v, due);
	if (date_cmp(due, c->today) < 0)
		v->color = RC_WARN;
}

void
rec_get_risk_sum(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct risk_sum s;

	rec_risk_sum(c->cfg, yml_get(rec, col->field), &s);
	if (strcmp(col->key, "threats") == 0) {
		rv_int(v, (long long)s.items);
	} else if (strcmp(col->key, "open_measures") == 0) {
		rv_int(v, (long long)s.open_measures);
	} else if (strcmp(col->key, "highest") == 0) {
		rv_str(v, s.level);
		v->color = rec_level_color(c->cfg, s.rank);
	} else {
		rv_str(v, s.rlevel);
		v->color = rec_level_color(c->cfg, s.rrank);
	}
}

void
rec_risk_items(const struct rctx *c, const struct yml_node *items,
    struct rnode *out, const char *key)
{
	struct rnode *arr;
	size_t i;

	if (items == NULL || items->type != YML_SEQ || items->n == 0)
		return;
	arr = rnode_add(out, RN_ARRAY, key, "rec.risk_items");
	for (i = 0; i < items->n; i++) {
		const struct yml_node *it = items->items[i];
		struct rnode *o = rnode_add(arr, RN_OBJECT, NULL, NULL);
		struct risk_eval e;
		struct rv *v;

		risk_eval(c->cfg, it, &e);
		rv_str(rnode_val(o, "item", "col.item"), e.id);
		v = rnode_val(o, "score", "col.score");
		if (e.ok)
			rv_int(v, e.score);
		v = rnode_val(o, "level", "col.level");
		rv_str(v, e.level);
		v->etype = "level";
		v->color = rec_level_color(c->cfg, e.rank);
		v = rnode_val(o, "residual_score", "rec.col.residual_score");
		if (e.rok)
			rv_int(v, e.rscore);
		v = rnode_val(o, "residual_level", "rec.col.residual");
		rv_str(v, e.rlevel);
		v->etype = "level";
		v->color = rec_level_color(c->cfg, e.rrank);
		rv_int(rnode_val(o, "open_measures", "rec.col.open"),
		    (long long)e.open_measures);
		rv_str(rnode_val(o, "threat", "col.threat"),
		    yml_get_str(it, "threat"));
	}
}

const struct ropt rec_dated_opts[2] = {
    {"title", RO_TEXT, NULL, "TODO", "T", "what is assessed"},
    {"date", RO_DATE, NULL, NULL, "D", "its date, YYYY-MM-DD (default today)"},
};
