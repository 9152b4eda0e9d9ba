/* Unit tests of the validation pipeline: full trees and skeletons agree. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "check.h"

/* A repository with a finding of every rule (tests run from the root). */
#define ONE_PER_RULE "tests/cli/validate/one-per-rule/repo"

static void
check(int prune, int jobs, struct diag_list *d)
{
	struct check_opts co = {{2026, 6, 15}, NULL, prune};
	struct repo *r = NULL;
	size_t i;

	assert_int_equal(repo_open(&r, ONE_PER_RULE, d), 0);
	r->jobs = jobs;
	assert_int_equal(check_repo(r, &co, d), 0);
	assert_int_equal(r->n, 20);
	/* Pruned records keep no source text; full ones keep it. */
	for (i = 0; i < r->n; i++) {
		assert_non_null(r->recs[i].doc);
		assert_non_null(r->recs[i].id);
		if (prune)
			assert_null(r->recs[i].doc->src);
		else
			assert_non_null(r->recs[i].doc->src);
	}
	repo_free(r);
	diag_sort(d);
}

/* Every rule across records reads only what the skeletons keep: the
 * findings are those of the full trees, with one worker or two. */
static void
test_prune_same_findings(void **state)
{
	struct diag_list full = DIAG_LIST_INIT;
	int prune, jobs;
	size_t i;

	(void)state;
	check(0, 1, &full);
	assert_int_equal(full.n, 17);
	for (prune = 0; prune <= 1; prune++) {
		for (jobs = 1; jobs <= 2; jobs++) {
			struct diag_list d = DIAG_LIST_INIT;

			check(prune, jobs, &d);
			assert_int_equal(d.n, full.n);
			for (i = 0; i < d.n; i++) {
				assert_string_equal(
				    d.v[i].path, full.v[i].path);
				assert_int_equal(d.v[i].line, full.v[i].line);
				assert_int_equal(d.v[i].col, full.v[i].col);
				assert_int_equal(
				    d.v[i].severity, full.v[i].severity);
				assert_int_equal(d.v[i].rule, full.v[i].rule);
				assert_string_equal(
				    d.v[i].message, full.v[i].message);
			}
			diag_list_free(&d);
		}
	}
	diag_list_free(&full);
	check_cleanup();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_prune_same_findings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
