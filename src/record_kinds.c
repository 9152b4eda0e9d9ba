/* The per-kind descriptions of the record commands: columns, references,
 * computed values and the templates of new. */
#include <stdio.h>
#include <string.h>

#include "deadline.h"
#include "l10n.h"
#include "num.h"
#include "record_kind.h"
#include "risk.h"
#include "table.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define SHRINK (TABLE_LEFT | TABLE_SHRINK)
#define ALL (RC_TABLE | RC_DATA | RC_SHOW)
#define LIST (RC_TABLE | RC_DATA)
#define CALC (RC_DATA | RC_SHOW)

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

/* Getters shared by several kinds. */

/* A list of strings joined with "; ", as in the CSV of the reports. */
static void
get_joined(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	const struct yml_node *n = rec_get(rec, col->field);
	struct buf b = BUF_INIT;
	size_t i;

	(void)c;
	if (n == NULL || n->type != YML_SEQ) {
		rv_node(v, n);
		return;
	}
	for (i = 0; i < n->n; i++)
		if (yml_is_scalar(n->items[i]) && n->items[i]->str != NULL)
			buf_printf(
			    &b, "%s%s", b.len ? "; " : "", n->items[i]->str);
	v->text = buf_detach(&b);
	rv_str(v, v->text);
}

/* A date that is due: yellow when it has passed. */
static void
due_color(const struct rctx *c, struct gd_date due, struct rv *v)
{
	rv_date(v, due);
	if (date_cmp(due, c->today) < 0)
		v->color = RC_WARN;
}

static void
get_risk_sum(const struct rctx *c, const struct rcol *col,
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

/* register */

static void
get_reg_status(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	const struct yml_node *n = yml_get(rec, "status");

	(void)c;
	(void)col;
	if (n == NULL)
		rv_str(v, "active");
	else
		rv_node(v, n);
}

static void
get_review_due(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct gd_date due;

	(void)col;
	if (deadline_review(c->cfg, rec, &due) == 0)
		due_color(c, due, v);
}

static const struct rcol reg_cols[] = {
    {"id", "col.id", TABLE_LEFT, LIST, NULL, "id", NULL},
    {"name", "col.name", SHRINK, LIST, NULL, "name", NULL},
    {"system", "col.system", SHRINK, LIST, NULL, "system", NULL},
    {"status", "col.status", TABLE_LEFT, ALL, get_reg_status, NULL,
        "register-status"},
    {"reviewed", "rec.col.reviewed", TABLE_LEFT, LIST, NULL, "reviewed", NULL},
    {"review_due", "rec.col.review_due", TABLE_LEFT, ALL, get_review_due, NULL,
        NULL},
    {"dpia", "field.dpia", TABLE_LEFT, RC_DATA, NULL, "dpia", NULL},
    {"processors", "field.processors", TABLE_LEFT, RC_DATA, get_joined,
        "processors", NULL},
    {"ros", "field.ros", TABLE_LEFT, RC_DATA, get_joined, "ros", NULL},
};

static const char *const reg_statuses[] = {
    "planned", "active", "retired", NULL};

static const struct rref reg_refs[] = {
    {"processors", KIND_DPA},
    {"dpia", KIND_DPIA},
    {"ros", KIND_ROS},
};

static const struct ropt reg_opts[] = {
    {"name", RO_TEXT, NULL, "TODO", "N", "the name of the processing activity"},
    {"purpose", RO_TEXT, NULL, "TODO", "P", "its purposes (Art. 30(1)(b))"},
};

static const char reg_tmpl[] =
    "# Processing activity: one entry of the record of processing\n"
    "# activities (Art. 30(1)). Replace each TODO; uncomment the optional\n"
    "# fields that apply. Never write names or identity numbers of data\n"
    "# subjects.\n"
    "id: ${id}\n"
    "# The name of the processing activity or register.\n"
    "name: ${name}\n"
    "# The system (application) or storage place that holds the data.\n"
    "#system: TODO\n"
    "# The purposes of the processing (Art. 30(1)(b)).\n"
    "purpose: ${purpose}\n"
    "# The departments or units where the processing takes place.\n"
    "#department: [TODO]\n"
    "# The roles that own the system and that run it day to day.\n"
    "#system_owner: TODO\n"
    "#system_responsible: TODO\n"
    "# Categories of data subjects (Art. 30(1)(c)), e.g. employees, "
    "pupils.\n"
    "data_subjects: [TODO]\n"
    "# Categories of personal data (Art. 30(1)(c)), e.g. contact details.\n"
    "data_categories: [TODO]\n"
    "# Special categories (Art. 9 and 10): racial-ethnic-origin,\n"
    "# political-opinions, religious-beliefs, trade-union, genetic,\n"
    "# biometric, health, sex-life, criminal-offences; they need the\n"
    "# condition of Art. 9(2) that allows them, e.g. employment.\n"
    "#special_categories: [health]\n"
    "#art9_condition: employment\n"
    "# Legal bases (Art. 6(1)): consent, contract, legal-obligation,\n"
    "# vital-interests, public-task or legitimate-interests, each with\n"
    "# the law or agreement it rests on.\n"
    "legal_basis:\n"
    "  - {basis: ${basis}, reference: TODO}\n"
    "# Categories of recipients, also in third countries (Art. "
    "30(1)(d)).\n"
    "#recipients: [TODO]\n"
    "# The processors: ids of their agreements in dpa/ (Art. 28).\n"
    "#processors: [DPA-001]\n"
    "# Transfers outside the EEA (Art. 30(1)(e)) with their safeguard:\n"
    "# adequacy, scc, bcr, derogation or other.\n"
    "#transfers: [{country: US, safeguard: scc}]\n"
    "# When the data are erased (Art. 30(1)(f)).\n"
    "retention: TODO\n"
    "# The security measures (Art. 30(1)(g) and 32(1)).\n"
    "#security_measures: [TODO]\n"
    "# The impact assessment (an id in dpia/), or not-required.\n"
    "#dpia: not-required\n"
    "# The risk and vulnerability analyses (ids in ros/) that cover it.\n"
    "#ros: [ROS-001]\n"
    "# planned, active or retired.\n"
    "status: active\n"
    "# The date of the last review.\n"
    "reviewed: ${today}\n";

/* dpa */

static void
get_expires(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	const char *status = yml_get_str(rec, "status");
	struct gd_date exp;
	long left;

	(void)col;
	if (rec_date(rec, "expires", &exp) < 0) {
		rv_node(v, yml_get(rec, "expires"));
		return;
	}
	rv_date(v, exp);
	left = date_to_days(exp) - date_to_days(c->today);
	if (status == NULL || strcmp(status, "signed") != 0)
		return;
	if (left < 0)
		v->color = RC_BAD;
	else if (left <= c->cfg->dpa_warning_days)
		v->color = RC_WARN;
}

static void
get_days_to_expiry(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct gd_date exp;

	(void)col;
	if (rec_date(rec, "expires", &exp) < 0)
		return;
	rv_int(v, date_to_days(exp) - date_to_days(c->today));
	rec_expiry_text(c, (long)v->num, v);
	if (v->num > c->cfg->dpa_warning_days)
		v->color = NULL;
}

static const struct rcol dpa_cols[] = {
    {"id", "col.id", TABLE_LEFT, LIST, NULL, "id", NULL},
    {"processor", "col.processor", SHRINK, LIST, NULL, "processor.name", NULL},
    {"country", "col.country", TABLE_LEFT, LIST, NULL, "processor.country",
        NULL},
    {"status", "col.status", TABLE_LEFT, LIST, NULL, "status", "dpa-status"},
    {"signed", "col.signed", TABLE_LEFT, LIST, NULL, "signed", NULL},
    {"expires", "col.expires", TABLE_LEFT, LIST, get_expires, NULL, NULL},
    {"days_to_expiry", "rec.col.days_to_expiry", TABLE_RIGHT, CALC,
        get_days_to_expiry, NULL, NULL},
    {"review_by", "col.review_by", TABLE_LEFT, RC_DATA, NULL, "review_by",
        NULL},
};

static const char *const dpa_statuses[] = {
    "draft", "signed", "terminated", NULL};

static const struct ropt dpa_opts[] = {
    {"processor", RO_TEXT, NULL, "TODO", "NAME", "the processor's legal name"},
    {"country", RO_COUNTRY, NULL, NULL, "CC",
        "its country, ISO 3166-1 alpha-2 (default: the organisation's)"},
};

static const char dpa_tmpl[] =
    "# Data processing agreement (Art. 28) with one processor. Replace\n"
    "# each TODO; uncomment the optional fields that apply.\n"
    "id: ${id}\n"
    "# The processor: its legal name and country of establishment\n"
    "# (ISO 3166-1 alpha-2), its organisation number (quoted) and a\n"
    "# contact point.\n"
    "processor:\n"
    "  name: ${processor}\n"
    "  country: ${country}\n"
    "  #org_number: \"TODO\"\n"
    "  #contact: TODO\n"
    "# The services the processor carries out for the controller.\n"
    "#services: [TODO]\n"
    "# draft, signed or terminated; a signed agreement needs the date.\n"
    "status: draft\n"
    "#signed: ${today}\n"
    "# When the agreement expires, if it does, and when to review it.\n"
    "#expires: YYYY-MM-DD\n"
    "#review_by: YYYY-MM-DD\n"
    "# The archive reference of the signed agreement.\n"
    "#document: TODO\n"
    "# The sub-processors (Art. 28(2) and (4)); one outside the EEA needs\n"
    "# a safeguard: adequacy, scc, bcr, derogation or other.\n"
    "#subprocessors:\n"
    "#  - {name: TODO, country: IE, service: TODO, approved: ${today}}\n";

/* incident */

static void
get_discovered(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct gd_datetime t;
	char day[11];

	(void)c;
	(void)col;
	rv_node(v, yml_get(rec, "discovered"));
	if (rec_datetime(rec, "discovered", &t) == 0) {
		date_format(datetime_date(t), day);
		rv_textf(v, "%s", day);
	}
}

static void
get_deadline(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct breach b;

	(void)col;
	rec_breach(c, rec, &b);
	if (b.valid)
		rv_datetime(v, b.deadline);
}

static void
get_hours_left(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct breach b;

	(void)col;
	rec_breach(c, rec, &b);
	if (b.valid && b.needed && !b.notified)
		rv_tenths(v, b.left);
	rec_breach_text(c, &b, v);
}

static void
get_hours_to_notification(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct breach b;
	struct buf n = BUF_INIT;

	(void)col;
	rec_breach(c, rec, &b);
	if (!b.valid || !b.notified)
		return;
	rv_tenths(v, datetime_diff_tenths(b.discovered, b.notified_at));
	num_tenths(&n, (long)v->num);
	rv_l10n(v, c->locale, "fmt.hours", buf_cstr(&n));
	buf_free(&n);
}

static void
get_on_time(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct breach b;

	(void)col;
	rec_breach(c, rec, &b);
	if (b.valid && b.notified)
		rv_bool(v, datetime_cmp(b.notified_at, b.deadline) <= 0);
}

static void
get_subjects(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct breach b;

	(void)col;
	rec_breach(c, rec, &b);
	rv_str(v, b.subjects);
	v->etype = "subjects";
	if (strcmp(b.subjects, "missing") == 0)
		v->color = RC_BAD;
	else if (strcmp(b.subjects, "not-required") == 0)
		v->color = RC_DIM;
	else
		v->color = RC_GOOD;
}

static const struct rcol inc_cols[] = {
    {"id", "col.id", TABLE_LEFT, LIST, NULL, "id", NULL},
    {"title", "col.title", SHRINK, LIST, NULL, "title", NULL},
    {"discovered", "col.discovered", TABLE_LEFT, LIST, get_discovered, NULL,
        NULL},
    {"risk", "col.risk", TABLE_LEFT, LIST, NULL, "risk", "incident-risk"},
    {"status", "col.status", TABLE_LEFT, LIST, NULL, "status",
        "incident-status"},
    {"deadline", "col.deadline", TABLE_LEFT, CALC, get_deadline, NULL, NULL},
    {"notified", "col.notified", TABLE_LEFT, RC_DATA, NULL,
        "authority_notification.notified", NULL},
    {"hours_left", "rec.col.notification", TABLE_LEFT, ALL, get_hours_left,
        NULL, NULL},
    {"hours_to_notification", "col.hours_to_notification", TABLE_RIGHT, CALC,
        get_hours_to_notification, NULL, NULL},
    {"on_time", "col.on_time", TABLE_LEFT, CALC, get_on_time, NULL, NULL},
    {"subjects", "col.subjects_notified", TABLE_LEFT, CALC, get_subjects, NULL,
        NULL},
};

static const char *const inc_statuses[] = {"open", "closed", NULL};

static const struct rref inc_refs[] = {
    {"register", KIND_REGISTER},
    {"processor", KIND_DPA},
};

static const char *const inc_risks[] = {"none", "risk", "high", NULL};

static const struct ropt inc_opts[] = {
    {"title", RO_TEXT, NULL, "TODO", "T", "a short title, without names"},
    {"discovered", RO_DATETIME, NULL, NULL, "DATETIME|now",
        "when the breach was discovered, with UTC offset; now (default) is "
        "the current time in UTC, or noon UTC of --today"},
    {"risk", RO_ENUM, inc_risks, "risk", "none|risk|high",
        "the risk to the data subjects (default risk)"},
};

static const char inc_tmpl[] =
    "# Personal-data breach (Art. 33 and 34), one entry of the breach log\n"
    "# (Art. 33(5)). Replace each TODO; uncomment the optional fields that\n"
    "# apply. Never write names or identity numbers of data subjects:\n"
    "# refer to the case in the archive.\n"
    "id: ${id}\n"
    "# A short title.\n"
    "title: ${title}\n"
    "# When the controller became aware of the breach, with UTC offset;\n"
    "# the supervisory authority is to be notified within ${hours} hours.\n"
    "discovered: ${discovered}\n"
    "# When the breach happened, if known.\n"
    "#occurred: ${discovered}\n"
    "# confidentiality, integrity and/or availability.\n"
    "breach_type: [confidentiality]\n"
    "# What happened and how it was discovered (Art. 33(3)(a)).\n"
    "description: TODO\n"
    "# The categories of personal data, the special categories (Art. 9\n"
    "# and 10) and the approximate numbers of data subjects and records.\n"
    "#data_categories: [TODO]\n"
    "#special_categories: [health]\n"
    "#data_subjects_count: 1\n"
    "#records_count: 1\n"
    "# The likely consequences for the data subjects (Art. 33(3)(c)).\n"
    "#consequences: TODO\n"
    "# The measures taken or proposed (Art. 33(3)(d)).\n"
    "#measures: [TODO]\n"
    "# none (unlikely to result in a risk), risk (notify the supervisory\n"
    "# authority, Art. 33) or high (also inform the data subjects, Art. "
    "34).\n"
    "risk: ${risk}\n"
    "# The processing activities concerned (ids in register/) and, when\n"
    "# it happened at a processor, its agreement (an id in dpa/).\n"
    "#register: [REG-001]\n"
    "#processor: DPA-001\n"
    "# The notification to the supervisory authority: when, its\n"
    "# reference, and the reasons when it was later than ${hours} hours.\n"
    "#authority_notification:\n"
    "#  notified: ${discovered}\n"
    "#  reference: TODO\n"
    "#  delay_reason: TODO\n"
    "# When the data subjects were informed, or why they were not:\n"
    "# encrypted, mitigated or disproportionate (Art. 34(3)).\n"
    "#subject_notification:\n"
    "#  notified: ${discovered}\n"
    "#  exemption: encrypted\n"
    "# open or closed, and the date it was closed.\n"
    "status: open\n"
    "#closed: ${today}\n";

/* dpia and ros: risk items */

static void
risk_items(const struct rctx *c, const struct yml_node *items,
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

/* dpia */

static void
get_criteria(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	(void)c;
	(void)col;
	rv_int(v, risk_screening_count(yml_get(rec, "screening")));
	rv_textf(v, "%lld/%zu", v->num, risk_ncriteria);
}

static void
get_required(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	(void)c;
	(void)col;
	rv_bool(v, risk_screening_count(yml_get(rec, "screening")) >= 2);
}

static void
dpia_computed(const struct rctx *c, const struct record *rec, struct rnode *out)
{
	risk_items(c, yml_get(rec->doc->root, "risks"), out, "risks");
}

static const struct rcol dpia_cols[] = {
    {"id", "col.id", TABLE_LEFT, LIST, NULL, "id", NULL},
    {"title", "col.title", SHRINK, LIST, NULL, "title", NULL},
    {"date", "col.date", TABLE_LEFT, LIST, NULL, "date", NULL},
    {"status", "col.status", TABLE_LEFT, LIST, NULL, "status", "dpia-status"},
    {"criteria", "rec.col.criteria", TABLE_RIGHT, ALL, get_criteria, NULL,
        NULL},
    {"required", "rec.col.dpia_required", TABLE_LEFT, CALC, get_required, NULL,
        NULL},
    {"highest_residual", "rec.col.residual", TABLE_LEFT, ALL, get_risk_sum,
        "risks", "level"},
    {"conclusion", "rec.col.conclusion", TABLE_LEFT, RC_DATA, NULL,
        "conclusion", "dpia-conclusion"},
    {"next_review", "col.next_review", TABLE_LEFT, RC_DATA, NULL, "next_review",
        NULL},
};

static const char *const dpia_statuses[] = {
    "draft", "completed", "approved", NULL};

static const struct rref dpia_refs[] = {
    {"register", KIND_REGISTER},
};

static const struct ropt dated_opts[] = {
    {"title", RO_TEXT, NULL, "TODO", "T", "what is assessed"},
    {"date", RO_DATE, NULL, NULL, "D", "its date, YYYY-MM-DD (default today)"},
};

static const char dpia_tmpl[] =
    "# Data protection impact assessment (Art. 35). Replace each TODO;\n"
    "# uncomment the optional fields that apply.\n"
    "id: ${id}\n"
    "# What is assessed.\n"
    "title: ${title}\n"
    "# The processing activities it covers (ids in register/).\n"
    "#register: [REG-001]\n"
    "# The date of the assessment.\n"
    "date: ${date}\n"
    "# The screening criteria of WP248 rev.01: when two or more are met,\n"
    "# a DPIA is required in most cases.\n"
    "screening:\n"
    "  evaluation_scoring: false\n"
    "  automated_decision: false\n"
    "  systematic_monitoring: false\n"
    "  sensitive_data: false\n"
    "  large_scale: false\n"
    "  matching_datasets: false\n"
    "  vulnerable_subjects: false\n"
    "  innovative_technology: false\n"
    "  prevents_rights: false\n"
    "# The processing and its purposes (Art. 35(7)(a)), and its necessity\n"
    "# and proportionality (Art. 35(7)(b)).\n"
    "#description: TODO\n"
    "#necessity: TODO\n"
    "# When the data protection officer's advice was sought (Art. 35(2)).\n"
    "#dpo_consulted: ${date}\n"
    "# The risks to the data subjects and the measures (Art. 35(7)(c) and\n"
    "# (d)). Likelihood 1-${nl}:\n"
    "#   ${likelihood}\n"
    "# Consequence 1-${nc}:\n"
    "#   ${consequence}\n"
    "#risks:\n"
    "#  - id: R1\n"
    "#    threat: TODO\n"
    "#    cia: [confidentiality]\n"
    "#    likelihood: 1\n"
    "#    consequence: 1\n"
    "#    measures:\n"
    "#      - {text: TODO, owner: TODO, due: ${date}, done: false}\n"
    "#    residual_likelihood: 1\n"
    "#    residual_consequence: 1\n"
    "# acceptable, acceptable-with-measures or prior-consultation (Art. "
    "36).\n"
    "#conclusion: acceptable\n"
    "# draft, completed or approved, and when to review it.\n"
    "status: draft\n"
    "#next_review: YYYY-MM-DD\n";

/* ros */

static void
get_next_review(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct gd_date next, aged;

	(void)col;
	if (deadline_ros(c->cfg, rec, &next, &aged) == 0)
		due_color(c, next, v);
}

static void
ros_computed(const struct rctx *c, const struct record *rec, struct rnode *out)
{
	risk_items(c, yml_get(rec->doc->root, "threats"), out, "threats");
}

static const struct rcol ros_cols[] = {
    {"id", "col.id", TABLE_LEFT, LIST, NULL, "id", NULL},
    {"title", "col.title", SHRINK, LIST, NULL, "title", NULL},
    {"date", "col.date", TABLE_LEFT, LIST, NULL, "date", NULL},
    {"status", "col.status", TABLE_LEFT, LIST, NULL, "status", "ros-status"},
    {"threats", "rec.col.threats", TABLE_RIGHT, ALL, get_risk_sum, "threats",
        NULL},
    {"highest", "rec.col.highest", TABLE_LEFT, CALC, get_risk_sum, "threats",
        "level"},
    {"highest_residual", "rec.col.residual", TABLE_LEFT, ALL, get_risk_sum,
        "threats", "level"},
    {"open_measures", "col.open_measures", TABLE_RIGHT, CALC, get_risk_sum,
        "threats", NULL},
    {"next_review", "rec.col.review_due", TABLE_LEFT, ALL, get_next_review,
        NULL, NULL},
};

static const char *const ros_statuses[] = {"draft", "approved", NULL};

static const char ros_tmpl[] =
    "# Risk and vulnerability analysis (ROS). Replace each TODO; uncomment\n"
    "# the optional fields that apply.\n"
    "id: ${id}\n"
    "# What is analysed.\n"
    "title: ${title}\n"
    "# The date of the analysis; it is to be redone within ${years} years.\n"
    "date: ${date}\n"
    "# What the analysis covers and leaves out, and the roles (not names)\n"
    "# that took part.\n"
    "#scope: TODO\n"
    "#participants: [TODO]\n"
    "# The processing activities it covers (ids in register/).\n"
    "#register: [REG-001]\n"
    "# The threats, at least one. Likelihood 1-${nl}:\n"
    "#   ${likelihood}\n"
    "# Consequence 1-${nc}:\n"
    "#   ${consequence}\n"
    "threats:\n"
    "  - id: T1\n"
    "    threat: TODO\n"
    "    cia: [confidentiality]\n"
    "    #cause: TODO\n"
    "    likelihood: 1\n"
    "    consequence: 1\n"
    "    # The measures, and the risk once they are in place.\n"
    "    #measures:\n"
    "    #  - {text: TODO, owner: TODO, due: ${date}, done: false}\n"
    "    #residual_likelihood: 1\n"
    "    #residual_consequence: 1\n"
    "# draft or approved, and when to redo it.\n"
    "status: draft\n"
    "#next_review: YYYY-MM-DD\n";

/* request */

static void
get_due(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct answer a;

	(void)col;
	rec_answer(c, rec, &a);
	if (a.valid)
		rv_date(v, a.deadline);
}

static void
get_req_status(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct answer a;

	(void)col;
	rec_answer(c, rec, &a);
	rv_str(v, a.responded ? "responded" : "open");
	if (a.responded && a.valid &&
	    date_cmp(a.responded_on, a.deadline) > 0) {
		rv_l10n(v, c->locale, "rec.responded_late", NULL);
		v->color = RC_WARN;
	} else if (!a.responded && a.valid) {
		rec_days_text(c, a.left, v);
	}
}

static void
get_days_left(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct answer a;

	(void)col;
	rec_answer(c, rec, &a);
	if (a.valid && !a.responded) {
		rv_int(v, a.left);
		rec_days_text(c, a.left, v);
	}
}

static void
get_answered_on_time(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct answer a;

	(void)col;
	rec_answer(c, rec, &a);
	if (a.valid && a.responded)
		rv_bool(v, date_cmp(a.responded_on, a.deadline) <= 0);
}

static const struct rcol req_cols[] = {
    {"id", "col.id", TABLE_LEFT, LIST, NULL, "id", NULL},
    {"type", "col.type", TABLE_LEFT, LIST, NULL, "type", "request-type"},
    {"received", "col.received", TABLE_LEFT, LIST, NULL, "received", NULL},
    {"due", "col.deadline", TABLE_LEFT, ALL, get_due, NULL, NULL},
    {"status", "col.status", TABLE_LEFT, LIST, get_req_status, NULL,
        "request-status"},
    {"days_left", "col.days_left", TABLE_RIGHT, CALC, get_days_left, NULL,
        NULL},
    {"responded", "col.responded", TABLE_LEFT, RC_DATA, NULL, "responded",
        NULL},
    {"outcome", "col.outcome", TABLE_LEFT, RC_DATA, NULL, "outcome",
        "request-outcome"},
    {"on_time", "col.on_time", TABLE_LEFT, CALC, get_answered_on_time, NULL,
        NULL},
    {"case", "rec.col.case", TABLE_LEFT, RC_DATA, NULL, "case", NULL},
};

static const char *const req_statuses[] = {"open", "responded", NULL};

static const struct rref req_refs[] = {
    {"register", KIND_REGISTER},
};

static const char *const req_types[] = {"access", "rectification", "erasure",
    "restriction", "portability", "objection", NULL};

static const struct ropt req_opts[] = {
    {"type", RO_ENUM, req_types, "access", "T",
        "access (default), rectification, erasure, restriction, portability "
        "or objection"},
    {"received", RO_DATE, NULL, NULL, "DATE|today",
        "the date it was received (default today)"},
    {"case", RO_TEXT, NULL, "TODO", "CASE",
        "the archive case number; never the person's name"},
};

static const char req_tmpl[] =
    "# Data-subject request (Art. 12 to 22). Never write the person's\n"
    "# name: refer to the case in the archive. Uncomment the optional\n"
    "# fields that apply.\n"
    "id: ${id}\n"
    "# access, rectification, erasure, restriction, portability or\n"
    "# objection.\n"
    "type: ${type}\n"
    "# The date it was received; the answer is due ${months} month(s)\n"
    "# later (Art. 12(3)).\n"
    "received: ${received}\n"
    "# The archive case number.\n"
    "case: ${case}\n"
    "# The processing activities it concerns (ids in register/).\n"
    "#register: [REG-001]\n"
    "# When the requester's identity was verified (Art. 12(6)).\n"
    "#identity_verified: ${received}\n"
    "# Whether the deadline was extended by ${extension} months, and why\n"
    "# (the person is told within the first month).\n"
    "#extended: true\n"
    "#extension_reason: TODO\n"
    "# When it was answered, and the outcome: granted,\n"
    "# partially-granted, refused or withdrawn.\n"
    "#responded: YYYY-MM-DD\n"
    "#outcome: granted\n";

#define COLS(a) a, NELEM(a)

static const struct rkind kinds[] = {
    {KIND_REGISTER, "name", COLS(reg_cols), reg_statuses, "reviewed",
        COLS(reg_refs), NULL, COLS(reg_opts), NULL, reg_tmpl,
        "usage: gdprctl register new [--id ID] [--name N] [--purpose P]\n"
        "                            [--edit|--no-edit]\n"},
    {KIND_DPA, "processor.name", COLS(dpa_cols), dpa_statuses, "signed", NULL,
        0, NULL, COLS(dpa_opts), NULL, dpa_tmpl,
        "usage: gdprctl dpa new [--id ID] [--processor NAME] [--country CC]\n"
        "                       [--edit|--no-edit]\n"},
    {KIND_INCIDENT, "title", COLS(inc_cols), inc_statuses, "discovered",
        COLS(inc_refs), NULL, COLS(inc_opts), "discovered", inc_tmpl,
        "usage: gdprctl incident new [--id ID] [--title T]\n"
        "                            [--discovered DATETIME|now]\n"
        "                            [--risk none|risk|high] "
        "[--edit|--no-edit]\n"},
    {KIND_DPIA, "title", COLS(dpia_cols), dpia_statuses, "date",
        COLS(dpia_refs), dpia_computed, COLS(dated_opts), NULL, dpia_tmpl,
        "usage: gdprctl dpia new [--id ID] [--title T] [--date D]\n"
        "                        [--edit|--no-edit]\n"},
    {KIND_ROS, "title", COLS(ros_cols), ros_statuses, "date", COLS(dpia_refs),
        ros_computed, COLS(dated_opts), NULL, ros_tmpl,
        "usage: gdprctl ros new [--id ID] [--title T] [--date D]\n"
        "                       [--edit|--no-edit]\n"},
    {KIND_REQUEST, "case", COLS(req_cols), req_statuses, "received",
        COLS(req_refs), NULL, COLS(req_opts), "received", req_tmpl,
        "usage: gdprctl request new [--id ID] [--type T] "
        "[--received DATE|today]\n"
        "                           [--case CASE] [--edit|--no-edit]\n"},
};

enum kind
rec_kind(const struct gd_ctx *ctx)
{
	int k = kind_by_name(ctx->cmd);

	return k >= 0 && k != KIND_PLAN ? (enum kind)k : KIND_REGISTER;
}

const struct rkind *
rkind_get(enum kind k)
{
	size_t i;

	for (i = 0; i < NELEM(kinds); i++)
		if (kinds[i].kind == k)
			return &kinds[i];
	return NULL;
}
