/*
 * Rules over risk analyses: id-duplicate and the scales of their threats
 * on the analysis alone; ref-missing, and ros-stale for the register
 * entries they cover, across records.
 */
#include <string.h>

#include "deadline.h"
#include "risk.h"
#include "rules.h"

struct newest {
	const struct record *rec;
	struct gd_date date;
};

static void
consider(struct newest *nw, const struct record *ros)
{
	const char *status;
	struct gd_date date;

	if (ros->doc == NULL)
		return;
	status = yml_get_str(ros->doc->root, "status");
	if (status == NULL || strcmp(status, "approved") != 0 ||
	    deadline_date(yml_get(ros->doc->root, "date"), &date) < 0)
		return;
	if (nw->rec == NULL || date_cmp(date, nw->date) > 0) {
		nw->rec = ros;
		nw->date = date;
	}
}

/*
 * The ROS of an entry are those its ros list names and those whose
 * register list names it. An entry without any approved ROS is not a
 * finding of this rule: nothing has gone stale (report annual lists such
 * entries). Retired entries are not held to it.
 */
static void
check_stale(const struct rules_ctx *x, const struct record *reg)
{
	const struct yml_node *root = reg->doc->root;
	const struct yml_node *list = yml_get(root, "ros"), *at = NULL;
	const struct rules_link *l;
	struct newest nw = {NULL, {0, 0, 0}};
	struct gd_date next, aged;
	char date[11], due[11];
	size_t i, nl;

	for (i = 0; list != NULL && list->type == YML_SEQ && i < list->n; i++) {
		const struct yml_node *n = list->items[i];
		const struct record *ros;

		if (n->type == YML_STR &&
		    (ros = repo_find(x->r, KIND_ROS, n->str)) != NULL)
			consider(&nw, ros);
	}
	nl = rules_linked(x, reg->id, KIND_ROS, &l);
	for (i = 0; i < nl; i++)
		consider(&nw, l[i].rec);
	if (nw.rec == NULL ||
	    deadline_ros(x->cfg, nw.rec->doc->root, &next, &aged) < 0)
		return;
	for (i = 0; list != NULL && list->type == YML_SEQ && i < list->n; i++)
		if (list->items[i]->type == YML_STR &&
		    strcmp(list->items[i]->str, nw.rec->id) == 0)
			at = list->items[i];
	if (at == NULL)
		at = reg->id_node;
	date_format(nw.date, date);
	if (date_cmp(aged, x->today) < 0) {
		rules_add(x, reg, at, RULE_ROS_STALE,
		    "the newest approved ROS, %s of %s, is older than %ld "
		    "year%s; review the risk analysis (Art. 32(1)(d))",
		    nw.rec->id, date, x->cfg->ros_max_age_years,
		    x->cfg->ros_max_age_years == 1 ? "" : "s");
	} else if (date_cmp(next, x->today) < 0) {
		date_format(next, due);
		rules_add(x, reg, at, RULE_ROS_STALE,
		    "the newest approved ROS, %s of %s, was due for review "
		    "on %s; review the risk analysis (Art. 32(1)(d))",
		    nw.rec->id, date, due);
	}
}

void
rules_ros_record(const struct rules_ctx *x, const struct record *rec)
{
	rules_risk_items(x, rec, "threats", "threat");
}

void
rules_ros(const struct rules_ctx *x)
{
	const struct record *rec = NULL;

	while ((rec = repo_next(x->r, KIND_ROS, rec)) != NULL)
		if (rec->doc != NULL)
			rules_ref_list(x, rec,
			    yml_get(rec->doc->root, "register"), KIND_REGISTER);
	rec = NULL;
	while ((rec = repo_next(x->r, KIND_REGISTER, rec)) != NULL) {
		const char *status;

		if (rec->doc == NULL || rec->id == NULL)
			continue;
		status = yml_get_str(rec->doc->root, "status");
		if (status != NULL && strcmp(status, "retired") == 0)
			continue;
		check_stale(x, rec);
	}
}
