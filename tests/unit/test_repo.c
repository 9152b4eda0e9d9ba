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

/* Make root a new scratch repository for one test; saved keeps the
 * suite's. */
static void
scratch_begin(char saved[sizeof(root)], const char *name)
{
	memcpy(saved, root, sizeof(root));
	snprintf(root, sizeof(root), "/tmp/gdprctl-%s-XXXXXX", name);
	assert_non_null(mkdtemp(root));
	put("gdprctl.yaml", "organisation: {name: X}\n");
}

static void
scratch_end(const char saved[sizeof(root)])
{
	struct buf cmd = BUF_INIT;

	buf_printf(&cmd, "rm -rf '%s'", root);
	assert_int_equal(system(cmd.ptr), 0);
	buf_free(&cmd);
	memcpy(root, saved, sizeof(root));
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
	assert_int_equal(diag_effective(&d, RULE_ROS_STALE), DIAG_ERROR);
	assert_int_equal(diag_effective(&d, RULE_PERSONAL_DATA), DIAG_OFF);
	repo_free(r);
	diag_list_free(&d);
}

/* Loading one kind leaves the others listed, known by their file names. */
static void
test_load_kind(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = NULL;
	const struct record *rec;

	(void)state;
	assert_int_equal(repo_open(&r, root, &d), 0);
	assert_int_equal(repo_load_kind(r, KIND_REGISTER, &d), 0);
	assert_int_equal(r->n, 3);
	rec = repo_find(r, KIND_REGISTER, "REG-001");
	assert_non_null(rec);
	assert_non_null(rec->doc);
	rec = repo_find(r, KIND_INCIDENT, "INC-2026-001");
	assert_non_null(rec);
	assert_null(rec->doc);
	assert_int_equal(d.n, 0);
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

/* The record of r at path. */
static const struct record *
at_path(const struct repo *r, const char *path)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->recs[i].path, path) == 0)
			return &r->recs[i];
	fail_msg("no record %s", path);
	return NULL;
}

/* Which dpia and ros files name the ids, by their text. */
static void
test_mentions(void **state)
{
	static const struct {
		const char *path;
		int want;
	} cases[] = {
	    {"dpia/DPIA-001.yaml", 1}, /* names REG-1 */
	    {"dpia/DPIA-002.yaml", 0}, /* REG-10 and XREG-1 are other ids */
	    {"dpia/DPIA-006.yaml", 1}, /* REG-1 past the first 64 KiB */
	    {"dpia/DPIA-003.yaml", 0}, /* empty, after a long one */
	    {"dpia/DPIA-004.yaml", 1}, /* a FIFO: loading says why not */
	    {"dpia/DPIA-005.yaml", 1}, /* a directory */
	    {"dpia/DPIA-007.yaml", 1}, /* a symbolic link */
	    {"ros/ROS-001.yaml", 1},   /* names REG-2 */
	};
	static const char *const ids[] = {"REG-1", "REG-2"};
	struct diag_list d = DIAG_LIST_INIT;
	struct buf p = BUF_INIT, text = BUF_INIT, big = BUF_INIT;
	char saved[sizeof(root)];
	struct repo *r = NULL;
	size_t i;
	int pass;

	(void)state;
	scratch_begin(saved, "mentions");
	mk("dpia");
	mk("ros");
	put("dpia/DPIA-001.yaml", "id: DPIA-001\nregister: [REG-1]\n");
	put("dpia/DPIA-002.yaml", "register: [REG-10, XREG-1]\n");
	put("dpia/DPIA-003.yaml", "");
	buf_printf(&p, "%s/dpia/DPIA-004.yaml", root);
	assert_int_equal(mkfifo(p.ptr, 0644), 0);
	mk("dpia/DPIA-005.yaml");
	buf_fill(&big, '#', 100000);
	buf_puts(&big, "\nregister: [REG-1]\n");
	put("dpia/DPIA-006.yaml", big.ptr);
	buf_reset(&p);
	buf_printf(&p, "%s/dpia/DPIA-007.yaml", root);
	assert_int_equal(symlink("DPIA-001.yaml", p.ptr), 0);
	put("ros/ROS-001.yaml", "register:\n  - REG-2\n");
	assert_int_equal(repo_open(&r, root, &d), 0);
	assert_int_equal(repo_list(r), 0);
	/* Through the directories listed, then by path. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
			if (repo_mentions(r, at_path(r, cases[i].path), ids, 2,
			        &text) != cases[i].want)
				fail_msg(
				    "%s: not %d", cases[i].path, cases[i].want);
		close(r->dirfd[KIND_DPIA]);
		close(r->dirfd[KIND_ROS]);
		r->dirfd[KIND_DPIA] = r->dirfd[KIND_ROS] = -1;
	}
	repo_free(r);
	diag_list_free(&d);
	scratch_end(saved);
	buf_free(&p);
	buf_free(&text);
	buf_free(&big);
}

/* A listing comes out in strcmp order whatever its names share: the
 * first sixteen bytes, a prefix, bytes above 0x7F. */
static void
test_listing_order(void **state)
{
	static const char *const stems[] = {"DPA-", "DPA-2026-00000000", "a",
	    "a-b", "\xC3\x86", "\xC3\x98x", "Z", "z", "DPA-2026-0000000", "0"};
	struct diag_list d = DIAG_LIST_INIT;
	struct buf p = BUF_INIT;
	char saved[sizeof(root)];
	struct repo *r = NULL;
	unsigned seed = 3;
	size_t i, n = 0;

	(void)state;
	scratch_begin(saved, "order");
	mk("dpa");
	for (i = 0; i < 400; i++) {
		seed = seed * 1103515245u + 12345u;
		buf_reset(&p);
		buf_printf(&p, "dpa/%s%u.yaml", stems[(seed >> 16) % 10],
		    (seed >> 8) % ((seed >> 20) % 3 == 0 ? 10 : 100000));
		put(p.ptr, "id: x\n");
	}
	assert_int_equal(repo_open(&r, root, &d), 0);
	assert_int_equal(repo_list(r), 0);
	for (i = 0; i < r->n; i++) {
		if (r->recs[i].kind != KIND_DPA)
			continue;
		if (n > 0 && strcmp(r->recs[i - 1].path, r->recs[i].path) >= 0)
			fail_msg("%s before %s", r->recs[i - 1].path,
			    r->recs[i].path);
		n++;
	}
	assert_true(n > 300);
	repo_free(r);
	diag_list_free(&d);
	scratch_end(saved);
	buf_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_find_root_upwards),
	    cmocka_unit_test(test_load_and_lookup),
	    cmocka_unit_test(test_load_kind),
	    cmocka_unit_test(test_config_risk),
	    cmocka_unit_test(test_ids),
	    cmocka_unit_test(test_mentions),
	    cmocka_unit_test(test_listing_order),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
