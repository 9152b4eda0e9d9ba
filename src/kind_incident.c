/* incident: personal-data breaches (Art. 33 and 34). */
#include <string.h>

#include "num.h"
#include "record_kind.h"
#include "rules.h"

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
    {"id", "col.id", TABLE_LEFT, RC_LIST, NULL, "id", NULL},
    {"title", "col.title", RC_SHRINK, RC_LIST, NULL, "title", NULL},
    {"discovered", "col.discovered", TABLE_LEFT, RC_LIST, get_discovered, NULL,
        NULL},
    {"risk", "col.risk", TABLE_LEFT, RC_LIST, NULL, "risk", "incident-risk"},
    {"status", "col.status", TABLE_LEFT, RC_LIST, NULL, "status",
        "incident-status"},
    {"deadline", "col.deadline", TABLE_LEFT, RC_CALC, get_deadline, NULL, NULL},
    {"notified", "col.notified", TABLE_LEFT, RC_DATA, NULL,
        "authority_notification.notified", NULL},
    {"hours_left", "rec.col.notification", TABLE_LEFT, RC_ALL, get_hours_left,
        NULL, NULL},
    {"hours_to_notification", "col.hours_to_notification", TABLE_RIGHT, RC_CALC,
        get_hours_to_notification, NULL, NULL},
    {"on_time", "col.on_time", TABLE_LEFT, RC_CALC, get_on_time, NULL, NULL},
    {"subjects", "col.subjects_notified", TABLE_LEFT, RC_CALC, get_subjects,
        NULL, NULL},
};

static const char *const inc_statuses[] = {"open", "closed", NULL};

static const struct kind_ref inc_refs[] = {
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

static const char *const inc_keys[] = {"id", "register", "processor", NULL};

const struct kind_info kind_incident = {
    .kind = KIND_INCIDENT,
    .name = "incident",
    .dir = "incident",
    .prefix = "INC",
    .schema = "incident.schema.json",
    .refs = inc_refs,
    .nrefs = NELEM(inc_refs),
    .rules_record = rules_incident_record,
    .rules_cross = rules_incident,
    .cross_keys = inc_keys,
    .title_field = "title",
    .cols = inc_cols,
    .ncols = NELEM(inc_cols),
    .statuses = inc_statuses,
    .year_field = "discovered",
    .opts = inc_opts,
    .nopts = NELEM(inc_opts),
    .year_opt = "discovered",
    .tmpl = inc_tmpl,
    .new_usage = "usage: gdprctl incident new [--id ID] [--title T]\n"
                 "                            [--discovered DATETIME|now]\n"
                 "                            [--risk none|risk|high] "
                 "[--edit|--no-edit]\n",
};
