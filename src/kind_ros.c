/* ros: risk and vulnerability analyses. */
#include "deadline.h"
#include "record_kind.h"
#include "rules.h"

static void
get_next_review(const struct rctx *c, const struct rcol *col,
    const struct yml_node *rec, struct rv *v)
{
	struct gd_date next, aged;

	(void)col;
	if (deadline_ros(c->cfg, rec, &next, &aged) == 0)
		rec_due_color(c, next, v);
}

static void
ros_computed(const struct rctx *c, const struct record *rec, struct rnode *out)
{
	rec_risk_items(c, yml_get(rec->doc->root, "threats"), out, "threats");
}

static const struct rcol ros_cols[] = {
    {"id", "col.id", TABLE_LEFT, RC_LIST, NULL, "id", NULL},
    {"title", "col.title", RC_SHRINK, RC_LIST, NULL, "title", NULL},
    {"date", "col.date", TABLE_LEFT, RC_LIST, NULL, "date", NULL},
    {"status", "col.status", TABLE_LEFT, RC_LIST, NULL, "status", "ros-status"},
    {"threats", "rec.col.threats", TABLE_RIGHT, RC_ALL, rec_get_risk_sum,
        "threats", NULL},
    {"highest", "rec.col.highest", TABLE_LEFT, RC_CALC, rec_get_risk_sum,
        "threats", "level"},
    {"highest_residual", "rec.col.residual", TABLE_LEFT, RC_ALL,
        rec_get_risk_sum, "threats", "level"},
    {"open_measures", "col.open_measures", TABLE_RIGHT, RC_CALC,
        rec_get_risk_sum, "threats", NULL},
    {"next_review", "rec.col.review_due", TABLE_LEFT, RC_ALL, get_next_review,
        NULL, NULL},
};

static const char *const ros_statuses[] = {"draft", "approved", NULL};

static const struct kind_ref ros_refs[] = {
    {"register", KIND_REGISTER},
};

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

static const char *const ros_keys[] = {
    "id", "register", "status", "date", "next_review", NULL};

const struct kind_info kind_ros = {
    .kind = KIND_ROS,
    .name = "ros",
    .dir = "ros",
    .prefix = "ROS",
    .schema = "ros.schema.json",
    .refs = ros_refs,
    .nrefs = NELEM(ros_refs),
    .rules_record = rules_ros_record,
    .rules_cross = rules_ros,
    .cross_keys = ros_keys,
    .title_field = "title",
    .cols = ros_cols,
    .ncols = NELEM(ros_cols),
    .statuses = ros_statuses,
    .year_field = "date",
    .computed = ros_computed,
    .opts = rec_dated_opts,
    .nopts = NELEM(rec_dated_opts),
    .tmpl = ros_tmpl,
    .new_usage = "usage: gdprctl ros new [--id ID] [--title T] [--date D]\n"
                 "                       [--edit|--no-edit]\n",
};
