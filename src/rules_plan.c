/* Rules over compliance plans: id-duplicate of tasks, plan-consistency. */
#include <string.h>

#include "rules.h"

/* percent 100 means complete; status done should agree. A cancelled task
 * may stop at any percent. */
static void
check_task(const struct rules_ctx *x, const struct record *rec,
    const struct yml_node *task)
{
	const struct yml_node *pn = yml_get(task, "percent");
	const struct yml_node *sn = yml_get(task, "status");
	const char *status = NULL;
	long percent = 0;
	int percent_set = pn != NULL && pn->type != YML_NULL;

	if (percent_set) {
		if (pn->type != YML_INT || pn->is_big)
			return;
		percent = (long)pn->ival;
	}
	if (sn != NULL && sn->type != YML_NULL) {
		if (sn->type != YML_STR)
			return;
		status = sn->str;
	}
	if (percent == 100 &&
	    (status == NULL ||
	        (strcmp(status, "done") != 0 &&
	            strcmp(status, "cancelled") != 0)))
		rules_add(x, rec, pn, RULE_PLAN_CONSISTENCY,
		    "percent is 100 but status is %s; set status: done, "
		    "or lower percent",
		    status ? status : "not set");
	else if (status != NULL && strcmp(status, "done") == 0 && percent < 100)
		rules_add(x, rec, sn, RULE_PLAN_CONSISTENCY,
		    "status is done but percent is %ld%s; set percent: "
		    "100, or the status the task has",
		    percent, percent_set ? "" : " (not set)");
}

void
rules_plan_record(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *tasks = yml_get(rec->doc->root, "tasks");
	size_t i;

	if (tasks == NULL || tasks->type != YML_SEQ)
		return;
	rules_item_ids(x, rec, tasks, "task");
	for (i = 0; i < tasks->n; i++)
		if (tasks->items[i]->type == YML_MAP)
			check_task(x, rec, tasks->items[i]);
}
