/* The validation pipeline: load, schema, id rules and compliance rules. */
#include "check.h"
#include "rules.h"

int
check_records(struct repo *r, const struct check_opts *co, struct diag_list *d)
{
	rules_ids(r, d);
	rules_run(r, co->today, d);
	return 0;
}

int
check_repo(struct repo *r, const struct check_opts *co, struct diag_list *d)
{
	if (repo_load(r, d) < 0)
		return -1;
	if (co->changed_since != NULL &&
	    repo_scope_changed(r, co->changed_since) < 0)
		return -1;
	return check_records(r, co, d);
}
