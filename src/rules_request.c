/* Rules over data-subject requests: request-overdue on the request alone,
 * ref-missing across records. */
#include <string.h>

#include "deadline.h"
#include "rules.h"

/*
 * A request withdrawn before it was answered needs no answer; one that
 * was answered is judged by when.
 */
static void
check_overdue(const struct rules_ctx *x, const struct record *rec)
{
	const struct yml_node *root = rec->doc->root;
	const struct yml_node *resp = yml_get(root, "responded");
	const struct yml_node *ext = yml_get(root, "extended");
	const char *outcome = yml_get_str(root, "outcome");
	const char *which = "the deadline";
	struct gd_date deadline, responded;
	char due[11];
	long late;

	if (deadline_request(x->cfg, root, &deadline) < 0)
		return;
	date_format(deadline, due);
	if (ext != NULL && ext->type == YML_BOOL && ext->boolean)
		which = "the extended deadline";
	if (resp != NULL && resp->type != YML_NULL) {
		if (deadline_date(resp, &responded) < 0 ||
		    date_cmp(responded, deadline) <= 0)
			return;
		late = date_to_days(responded) - date_to_days(deadline);
		rules_add(x, rec, resp, RULE_REQUEST_OVERDUE,
		    "responded %s, %ld day%s after %s %s; answer within "
		    "the time limit, or extend it in time with extended "
		    "and extension_reason (Art. 12(3))",
		    resp->str, late, late == 1 ? "" : "s", which, due);
		return;
	}
	if ((outcome != NULL && strcmp(outcome, "withdrawn") == 0) ||
	    date_cmp(deadline, x->today) >= 0)
		return;
	late = date_to_days(x->today) - date_to_days(deadline);
	rules_add(x, rec, yml_get(root, "received"), RULE_REQUEST_OVERDUE,
	    "not responded by %s %s, %ld day%s ago; answer the request "
	    "and record responded (Art. 12(3))",
	    which, due, late, late == 1 ? "" : "s");
}

void
rules_request_record(const struct rules_ctx *x, const struct record *rec)
{
	check_overdue(x, rec);
}

void
rules_request(const struct rules_ctx *x)
{
	const struct record *rec = NULL;

	while ((rec = repo_next(x->r, KIND_REQUEST, rec)) != NULL)
		if (rec->doc != NULL)
			rules_ref_list(x, rec,
			    yml_get(rec->doc->root, "register"), KIND_REGISTER);
}
