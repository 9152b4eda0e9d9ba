/* dpia: data protection impact assessments (Art. 35). */
#include "record_kind.h"
#include "risk.h"
#include "rules.h"

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
	rec_risk_items(c, yml_get(rec->doc->root, "risks"), out, "risks");
}

static const struct rcol dpia_cols[] = {
    {"id", "col.id", TABLE_LEFT, RC_LIST, NULL, "id", NULL},
    {"title", "col.title", RC_SHRINK, RC_LIST, NULL, "title", NULL},
    {"date", "col.date", TABLE_LEFT, RC_LIST, NULL, "date", NULL},
    {"status", "col.status", TABLE_LEFT, RC_LIST, NULL, "status",
        "dpia-status"},
    {"criteria", "rec.col.criteria", TABLE_RIGHT, RC_ALL, get_criteria, NULL,
        NULL},
    {"required", "rec.col.dpia_required", TABLE_LEFT, RC_CALC, get_required,
        NULL, NULL},
    {"highest_residual", "rec.col.residual", TABLE_LEFT, RC_ALL,
        rec_get_risk_sum, "risks", "level"},
    {"conclusion", "rec.col.conclusion", TABLE_LEFT, RC_DATA, NULL,
        "conclusion", "dpia-conclusion"},
    {"next_review", "col.next_review", TABLE_LEFT, RC_DATA, NULL, "next_review",
        NULL},
};

static const char *const dpia_statuses[] = {
    "draft", "completed", "approved", NULL};

static const struct kind_ref dpia_refs[] = {
    {"register", KIND_REGISTER},
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

static const char *const dpia_keys[] = {"id", "register", "screening", NULL};

const struct kind_info kind_dpia = {
    .kind = KIND_DPIA,
    .name = "dpia",
    .dir = "dpia",
    .prefix = "DPIA",
    .schema = "dpia.schema.json",
    .refs = dpia_refs,
    .nrefs = NELEM(dpia_refs),
    .rules_record = rules_dpia_record,
    .rules_cross = rules_dpia,
    .cross_keys = dpia_keys,
    .title_field = "title",
    .cols = dpia_cols,
    .ncols = NELEM(dpia_cols),
    .statuses = dpia_statuses,
    .year_field = "date",
    .computed = dpia_computed,
    .opts = rec_dated_opts,
    .nopts = NELEM(rec_dated_opts),
    .tmpl = dpia_tmpl,
    .new_usage = "usage: gdprctl dpia new [--id ID] [--title T] [--date D]\n"
                 "                        [--edit|--no-edit]\n",
};
