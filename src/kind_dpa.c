/* dpa: data processing agreements (Art. 28). */
#include <string.h>

#include "record_kind.h"
#include "rules.h"

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
    {"id", "col.id", TABLE_LEFT, RC_LIST, NULL, "id", NULL},
    {"processor", "col.processor", RC_SHRINK, RC_LIST, NULL, "processor.name",
        NULL},
    {"country", "col.country", TABLE_LEFT, RC_LIST, NULL, "processor.country",
        NULL},
    {"status", "col.status", TABLE_LEFT, RC_LIST, NULL, "status", "dpa-status"},
    {"signed", "col.signed", TABLE_LEFT, RC_LIST, NULL, "signed", NULL},
    {"expires", "col.expires", TABLE_LEFT, RC_LIST, get_expires, NULL, NULL},
    {"days_to_expiry", "rec.col.days_to_expiry", TABLE_RIGHT, RC_CALC,
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

static const char *const dpa_keys[] = {"id", "status", "processor", NULL};

const struct kind_info kind_dpa = {
    .kind = KIND_DPA,
    .name = "dpa",
    .dir = "dpa",
    .prefix = "DPA",
    .schema = "dpa.schema.json",
    .rules_record = rules_dpa_record,
    .cross_keys = dpa_keys,
    .title_field = "processor.name",
    .cols = dpa_cols,
    .ncols = NELEM(dpa_cols),
    .statuses = dpa_statuses,
    .year_field = "signed",
    .opts = dpa_opts,
    .nopts = NELEM(dpa_opts),
    .tmpl = dpa_tmpl,
    .new_usage =
        "usage: gdprctl dpa new [--id ID] [--processor NAME] [--country CC]\n"
        "                       [--edit|--no-edit]\n",
};
