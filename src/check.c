/* The validation pipeline: load, schema, id rules and compliance rules. */
#include <stdlib.h>

#include "check.h"
#include "pool.h"
#include "rules.h"
#include "schema.h"
#include "xalloc.h"

/* Compiled once per run, on first use; freed by check_cleanup. */
static struct schema_set *schemas;

const struct schema_set *
check_schemas(void)
{
	struct diag_list d = DIAG_LIST_INIT;

	if (schemas != NULL)
		return schemas;
	if (schema_set_new(&schemas) < 0 ||
	    schema_set_add_builtin(schemas, &d) < 0 ||
	    schema_set_finish(schemas, &d) < 0) {
		/* The built-in schemas are tested; this is a build defect. */
		diag_print(&d, stderr, DIAG_TEXT, 0);
		diag_error("the built-in schemas do not compile");
		schema_set_free(schemas);
		schemas = NULL;
	}
	diag_list_free(&d);
	return schemas;
}

void
check_cleanup(void)
{
	schema_set_free(schemas);
	schemas = NULL;
}

struct per_record {
	const struct repo *r;
	const struct schema_set *set;
	struct gd_date today;
	struct diag_list *d; /* one per worker */
};

/* What each record needs checked on its own: schema and personal data. */
static void
check_one(size_t i, int worker, void *arg)
{
	struct per_record *pr = arg;
	const struct record *rec = &pr->r->recs[i];
	const struct schema *s;

	if (!rec->in_scope || rec->doc == NULL)
		return;
	s = schema_set_get(pr->set, kind_info[rec->kind].schema);
	if (s != NULL)
		schema_validate(s, rec->doc->root, rec->path, &pr->d[worker]);
	rules_record(pr->r, rec, pr->today, &pr->d[worker]);
}

int
check_records(struct repo *r, const struct check_opts *co, struct diag_list *d)
{
	struct per_record pr;
	const struct schema *s;
	int k, jobs = r->jobs > 0 ? r->jobs : 1;

	pr.r = r;
	pr.set = check_schemas();
	pr.today = co->today;
	if (pr.set == NULL)
		return -1;
	pr.d = xcalloc((size_t)jobs, sizeof(*pr.d));
	for (k = 0; k < jobs; k++)
		diag_copy_overrides(&pr.d[k], d);
	pool_run(r->n, jobs, check_one, &pr);
	for (k = 0; k < jobs; k++) {
		diag_move(d, &pr.d[k]);
		diag_list_free(&pr.d[k]);
	}
	free(pr.d);
	s = schema_set_get(pr.set, "config.schema.json");
	if (r->cfg.doc != NULL && s != NULL &&
	    repo_in_scope(r, r->cfg.doc->path))
		schema_validate(s, r->cfg.doc->root, r->cfg.doc->path, d);
	rules_ids(r, d);
	rules_cross(r, co->today, d);
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
