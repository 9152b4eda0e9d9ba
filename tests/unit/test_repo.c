/* Unit tests of repository discovery, record listing and gdprctl.yaml. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

#include "buf.h"
#include "repo.h"

static char root[64];

static void
put(const char *rel, const char *text)
{
	struct buf p = BUF_INIT;
	FILE *fp;

	buf_printf(&p, "%s/%s", root, rel);
	fp = fopen(p.ptr, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	buf_free(&p);
}

static void
mk(const char *rel)
{
	struct buf p = BUF_INIT;

	buf_printf(&p, "%s/%s", root, rel);
	assert_int_equal(mkdir(p.ptr, 0755), 0);
	buf_free(&p);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/gdprctl-repo-XXXXXX");
	assert_non_null(mkdtemp(root));
	put("gdprctl.yaml",
	    "organisation: {name: X, country: SE}\n"
	    "locale: sv\n"
	    "rules: {ros-stale: error, personal-data: off}\n");
	mk("register");
	mk("register/sub");
	mk("incident");
	put("register/REG-002.yaml", "id: REG-002\n");
	put("register/REG-001.yaml", "id: REG-001\n");
	put("register/notes.txt", "not a record\n");
	put("register/.hidden.yaml", "id: REG-009\n");
	put("incident/INC-2026-001.yaml", "id: INC-2026-001\n");
	return 0;
}

static int
teardown(void **state)
{
	struct buf cmd = BUF_INIT;

	(void)state;
	buf_printf(&cmd, "rm -rf '%s'", root);
	assert_int_equal(system(cmd.ptr), 0);
	buf_free(&cmd);
	return 0;
}

static void
test_find_root_upwards(void **state)
{
	struct buf sub = BUF_INIT;
	char *found = NULL;

	(void)state;
	buf_printf(&sub, "%s/register/sub", root);
	assert_int_equal(repo_find_root(sub.ptr, &found), 0);
	assert_string_equal(found, root);
	free(found);
	assert_int_equal(repo_find_root("/", &found), -1);
	assert_null(found);
	buf_free(&sub);
}

static void
test_load_and_lookup(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = NULL;
	const struct record *rec;
	int n = 0;

	(void)state;
	assert_int_equal(repo_open(&r, root, &d), 0);
	assert_int_equal(repo_load(r, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(r->n, 3);
	/* Sorted by path; hidden and non-yaml files skipped. */
	assert_string_equal(r->recs[0].path, "incident/INC-2026-001.yaml");
	assert_string_equal(r->recs[1].path, "register/REG-001.yaml");
	rec = repo_find(r, KIND_REGISTER, "REG-002");
	assert_non_null(rec);
	assert_string_equal(rec->path, "register/REG-002.yaml");
	assert_null(repo_find(r, KIND_DPA, "REG-002"));
	for (rec = repo_next(r, KIND_REGISTER, NULL); rec != NULL;
	     rec = repo_next(r, KIND_REGISTER, rec))
		n++;
	assert_int_equal(n, 2);
	/* Config: locale labels and rule severities. */
	assert_string_equal(r->cfg.locale, "sv");
	assert_string_equal(r->cfg.country, "SE");
	assert_string_equal(r->cfg.likelihood[0], "Mycket sällan");
	assert_string_equal(r->cfg.consequence[1], "Måttlig");
	assert_int_equal(r->cfg.breach_hours, 72);
	assert_int_equal(
	    diag_effective(&d, "ros-stale", DIAG_WARNING), DIAG_ERROR);
	assert_int_equal(
	    diag_effective(&d, "personal-data", DIAG_ERROR), DIAG_OFF);
	repo_free(r);
	diag_list_free(&d);
}

static void
test_config_risk(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc;
	struct config cfg;
	const char text[] =
	    "risk:\n"
	    "  likelihood: [a, b, c]\n"
	    "  levels: [{name: low, max: 2}, {name: high, max: 9}]\n"
	    "  matrix:\n"
	    "    - [low, low, high]\n"
	    "    - [low, high, high]\n"
	    "  acceptable: medium\n"
	    "deadlines: {breach_notification_hours: 48}\n";

	(void)state;
	assert_int_equal(
	    yml_parse(&doc, "gdprctl.yaml", text, sizeof(text) - 1, 0, &d), 0);
	config_load(&cfg, doc, &d);
	assert_int_equal(cfg.nlikelihood, 3);
	assert_int_equal(cfg.nconsequence, 4);
	assert_int_equal(cfg.nlevels, 2);
	assert_int_equal(cfg.breach_hours, 48);
	/* Two rows for three likelihoods, and an unknown level. */
	assert_null(cfg.matrix);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].line, 5);
	assert_non_null(strstr(d.v[0].message, "2 rows"));
	assert_int_equal(d.v[1].line, 7);
	assert_non_null(strstr(d.v[1].message, "\"medium\""));
	config_free(&cfg);
	diag_list_free(&d);
}

static void
test_ids(void **state)
{
	(void)state;
	assert_true(id_valid("REG-001"));
	assert_true(id_valid("INC-2026-001"));
	assert_true(id_valid("DPIA-a1"));
	assert_false(id_valid("REG-"));
	assert_false(id_valid("reg-001"));
	assert_false(id_valid("REG-../../etc"));
	assert_false(id_valid("REG-001/x"));
	assert_false(id_valid("REG--1"));
	assert_int_equal(kind_by_name("incident"), KIND_INCIDENT);
	assert_int_equal(kind_by_name("nope"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_find_root_upwards),
	    cmocka_unit_test(test_load_and_lookup),
	    cmocka_unit_test(test_config_risk),
	    cmocka_unit_test(test_ids),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
