/* The validation pipeline: every check of SPEC section 2 over a repository. */
#ifndef GD_CHECK_H
#define GD_CHECK_H

#include "date.h"
#include "diag.h"
#include "repo.h"

struct schema_set;

struct check_opts {
	struct gd_date today; /* what the time-dependent rules take as today */
	const char *changed_since; /* --changed-since REV, or NULL */
	/*
	 * check_repo keeps of each record only what the rules across
	 * records read (rules_cross_keys), for commands that need no more
	 * than the findings: memory stays small on large repositories.
	 */
	int prune;
};

/* Load every record of r and add the findings of every check to d. */
int check_repo(
    struct repo *r, const struct check_opts *co, struct diag_list *d);
/*
 * Add the findings of every check over the records r holds now (loaded,
 * or changed in memory) to d; the findings of loading are not repeated.
 */
int check_records(
    struct repo *r, const struct check_opts *co, struct diag_list *d);

/* The built-in schemas, compiled on first use; NULL after reporting. */
const struct schema_set *check_schemas(void);
/* Free what the pipeline keeps for the whole run. */
void check_cleanup(void);

#endif
