/* register: the record of processing activities (Art. 30). */
#include "deadline.h"
#include "record_kind.h"
#include "rules.h"

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
		rec_due_color(c, due, v);
}

static const struct rcol reg_cols[] = {
    {"id", "col.id", TABLE_LEFT, RC_LIST, NULL, "id", NULL},
    {"name", "col.name", RC_SHRINK, RC_LIST, NULL, "name", NULL},
    {"system", "col.system", RC_SHRINK, RC_LIST, NULL, "system", NULL},
    {"status", "col.status", TABLE_LEFT, RC_ALL, get_reg_status, NULL,
        "register-status"},
    {"reviewed", "rec.col.reviewed", TABLE_LEFT, RC_LIST, NULL, "reviewed",
        NULL},
    {"review_due", "rec.col.review_due", TABLE_LEFT, RC_ALL, get_review_due,
        NULL, NULL},
    {"dpia", "field.dpia", TABLE_LEFT, RC_DATA, NULL, "dpia", NULL},
    {"processors", "field.processors", TABLE_LEFT, RC_DATA, get_joined,
        "processors", NULL},
    {"ros", "field.ros", TABLE_LEFT, RC_DATA, get_joined, "ros", NULL},
};

static const char *const reg_statuses[] = {
    "planned", "active", "retired", NULL};

static const struct kind_ref reg_refs[] = {
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

static const char *const reg_keys[] = {
    "id", "status", "processors", "dpia", "ros", "transfers", NULL};

const struct kind_info kind_register = {
    .kind = KIND_REGISTER,
    .name = "register",
    .dir = "register",
    .prefix = "REG",
    .schema = "register.schema.json",
    .refs = reg_refs,
    .nrefs = NELEM(reg_refs),
    .rules_record = rules_register_record,
    .rules_cross = rules_register,
    .cross_keys = reg_keys,
    .title_field = "name",
    .cols = reg_cols,
    .ncols = NELEM(reg_cols),
    .statuses = reg_statuses,
    .year_field = "reviewed",
    .opts = reg_opts,
    .nopts = NELEM(reg_opts),
    .tmpl = reg_tmpl,
    .new_usage =
        "usage: gdprctl register new [--id ID] [--name N] [--purpose P]\n"
        "                            [--edit|--no-edit]\n",
};
