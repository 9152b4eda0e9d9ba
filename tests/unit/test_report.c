/* Unit tests of the report computations: rounding, plans, breaches, risks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "unit.h"

#include "buf.h"
#include "report.h"

static void
test_percent(void **state)
{
	static const struct {
		long sum;
		size_t n;
		int want;
	} cases[] = {
	    /* The Swedish 2020 plan: quarters and year. */
	    {450, 7, 64},
	    {350, 6, 58},
	    {175, 4, 44}, /* 43.75 */
	    {200, 3, 67},
	    {1175, 20, 59}, /* 58.75 */
	    /* Halves go up. */
	    {75, 2, 38},
	    {1, 2, 1},
	    {100, 200, 1},
	    {99, 200, 0},
	    {0, 3, 0},
	    {300, 3, 100},
	    {0, 0, -1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (report_percent(cases[i].sum, cases[i].n) != cases[i].want)
			fail_msg("%ld / %zu: %d, want %d", cases[i].sum,
			    cases[i].n,
			    report_percent(cases[i].sum, cases[i].n),
			    cases[i].want);
}

static void
test_median(void **state)
{
	long none[1] = {0}, one[] = {5}, two[] = {800, 715}, odd[] = {9, 1, 5},
	     neg[] = {-3, -2}, half[] = {1, 2};

	(void)state;
	assert_int_equal(report_median(none, 0), 0);
	assert_int_equal(report_median(one, 1), 5);
	assert_int_equal(report_median(two, 2), 758); /* 75.75 h -> 75.8 */
	assert_int_equal(report_median(odd, 3), 5);
	assert_int_equal(report_median(neg, 2), -2); /* -2.5 -> -2 */
	assert_int_equal(report_median(half, 2), 2); /* 1.5 -> 2 */
}

static struct yml_doc *
parse(const char *text)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc = NULL;

	assert_int_equal(
	    yml_parse(&doc, "t.yaml", text, strlen(text), 0, &d), 0);
	diag_list_free(&d);
	return doc;
}

static void
test_status(void **state)
{
	struct yml_doc *doc = parse(
	    "id: PLAN-2026\n"
	    "themes: {Q1: [A, B], Q3: [C]}\n"
	    "continuous: [X, Y, Z]\n"
	    "tasks:\n"
	    "  - {id: T1, quarter: Q2, title: second, percent: 30}\n"
	    "  - {id: T2, quarter: Q1, title: first, percent: 100}\n"
	    "  - {id: T3, quarter: Q1, title: absent}\n"
	    "  - {id: T4, quarter: Q1, percent: 90, status: cancelled}\n"
	    "  - {id: T5, quarter: Q2, percent: abc}\n"
	    "  - {id: T6, quarter: Q5, percent: 100}\n"
	    "  - {id: T7, quarter: Q2, percent: 101}\n"
	    "  - {id: T8, quarter: Q3, percent: 40, status: cancelled}\n");
	struct record rec;
	struct status_report s;

	(void)state;
	memset(&rec, 0, sizeof(rec));
	rec.kind = KIND_PLAN;
	rec.doc = doc;
	status_compute(&rec, 2026, &s);
	/* T6 has no valid quarter; the rest grouped by quarter. */
	assert_int_equal(s.ntasks, 7);
	assert_int_equal(s.q[0].ntasks, 3);
	assert_string_equal(s.q[0].tasks[0].id, "T2");
	assert_string_equal(s.q[0].tasks[1].id, "T3");
	assert_string_equal(s.q[1].tasks[0].id, "T1");
	assert_int_equal(s.q[1].ntasks, 3);
	assert_int_equal(s.q[2].ntasks, 1);
	assert_int_equal(s.q[3].ntasks, 0);
	/* Q1: (100 + 0) / 2, the cancelled task left out. */
	assert_int_equal(s.q[0].counted, 2);
	assert_int_equal(s.q[0].completion, 50);
	assert_int_equal(s.q[0].ncomplete, 1);
	/* Q2: 30, abc and 101 count 0: 10. */
	assert_int_equal(s.q[1].completion, 10);
	assert_false(s.q[1].tasks[1].pct_valid);
	assert_string_equal(s.q[1].tasks[1].pct_raw, "abc");
	assert_false(s.q[1].tasks[2].pct_valid);
	assert_null(s.q[0].tasks[1].pct_raw);
	/* Only cancelled tasks, or none: no completion. */
	assert_int_equal(s.q[2].completion, -1);
	assert_int_equal(s.q[3].completion, -1);
	/* The year: 100 + 0 + 30 + 0 + 0 over 5. */
	assert_int_equal(s.all.counted, 5);
	assert_int_equal(s.all.completion, 26);
	assert_int_equal(s.q[0].nthemes, 2);
	assert_string_equal(s.q[0].themes[1], "B");
	assert_int_equal(s.q[1].nthemes, 0);
	assert_string_equal(s.q[2].themes[0], "C");
	assert_int_equal(s.ncontinuous, 3);
	assert_string_equal(s.continuous[2], "Z");
	status_free(&s);
	yml_doc_free(doc);

	/* No plan: every completion is absent. */
	status_compute(NULL, 2026, &s);
	assert_int_equal(s.all.completion, -1);
	assert_int_equal(s.ntasks, 0);
	status_free(&s);
}

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
	snprintf(root, sizeof(root), "/tmp/gdprctl-report-XXXXXX");
	assert_non_null(mkdtemp(root));
	put("gdprctl.yaml", "organisation: {name: X, country: SE}\n");
	mk("incident");
	mk("ros");
	mk("dpia");
	mk("plan");
	/* Notified 71.5 h after discovery: on time. */
	put("incident/INC-2026-001.yaml",
	    "id: INC-2026-001\ndiscovered: 2026-04-10T09:00:00+02:00\n"
	    "breach_type: [availability, integrity]\nrisk: risk\n"
	    "authority_notification: {notified: 2026-04-13T08:30:00+02:00}\n"
	    "status: open\n");
	/* 80 h: late; subjects notified. */
	put("incident/INC-2026-002.yaml",
	    "id: INC-2026-002\ndiscovered: 2026-02-02T10:00:00+01:00\n"
	    "breach_type: [confidentiality]\nrisk: high\n"
	    "authority_notification: {notified: 2026-02-05T18:00:00+01:00}\n"
	    "subject_notification: {notified: 2026-02-06T09:00:00+01:00}\n"
	    "status: closed\n");
	/* Not notified, deadline 2026-11-25 15:00: pending on the 23rd. */
	put("incident/INC-2026-003.yaml",
	    "id: INC-2026-003\ndiscovered: 2026-11-22T15:00:00+01:00\n"
	    "risk: high\nstatus: open\n");
	/* Not notified, deadline passed: late. */
	put("incident/INC-2026-004.yaml",
	    "id: INC-2026-004\ndiscovered: 2026-01-05T15:00:00+01:00\n"
	    "risk: risk\nstatus: open\n");
	/* No risk: no notification needed. */
	put("incident/INC-2026-005.yaml",
	    "id: INC-2026-005\ndiscovered: 2026-06-01T12:00:00Z\n"
	    "risk: none\nstatus: closed\n");
	/* 2026 in its own offset, 2027 in UTC. */
	put("incident/INC-2026-006.yaml",
	    "id: INC-2026-006\ndiscovered: 2026-12-31T23:30:00-05:00\n"
	    "risk: none\nstatus: closed\n");
	/* 2025 in its own offset, 2026 in UTC: another year. */
	put("incident/INC-2025-001.yaml",
	    "id: INC-2025-001\ndiscovered: 2025-12-31T23:30:00-05:00\n"
	    "risk: none\nstatus: closed\n");
	put("ros/ROS-001.yaml",
	    "id: ROS-001\nthreats:\n"
	    "  - {id: T2, threat: b, likelihood: 3, consequence: 3,"
	    " residual_likelihood: 1, residual_consequence: 3}\n"
	    "  - {id: T1, threat: a, likelihood: 2, consequence: 2}\n"
	    "  - {id: T3, threat: c, likelihood: 9, consequence: 1}\n");
	put("dpia/DPIA-001.yaml",
	    "id: DPIA-001\nrisks:\n"
	    "  - {id: R1, threat: d, likelihood: 3, consequence: 4,"
	    " measures: [{text: m, done: false}, {text: n, done: true}]}\n"
	    "  - {id: R2, threat: e, likelihood: 1, consequence: 3}\n");
	put("plan/PLAN-A.yaml", "id: PLAN-A\nyear: 2024\ntasks: []\n");
	put("plan/PLAN-2025.yaml", "id: PLAN-2025\ntasks: []\n");
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

static struct repo *
load(void)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct repo *r = NULL;

	assert_int_equal(repo_open(&r, root, &d), 0);
	assert_int_equal(repo_load(r, &d), 0);
	diag_list_free(&d);
	return r;
}

static const struct incident_row *
row_of(const struct incidents_report *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].id, id) == 0)
			return &s->v[i];
	fail_msg("no row %s", id);
	return NULL;
}

static void
test_incidents(void **state)
{
	struct repo *r = load();
	struct gd_date today = {2026, 11, 23};
	struct incidents_report s;
	const struct incident_row *row;

	(void)state;
	incidents_compute(r, 2026, today, &s);
	assert_int_equal(s.n, 6);
	/* In order of discovery. */
	assert_string_equal(s.v[0].id, "INC-2026-004");
	assert_string_equal(s.v[5].id, "INC-2026-006");
	row = row_of(&s, "INC-2026-001");
	assert_int_equal(row->timing, TIMING_ON_TIME);
	assert_int_equal(row->hours, 715);
	row = row_of(&s, "INC-2026-002");
	assert_int_equal(row->timing, TIMING_LATE);
	assert_int_equal(row->hours, 800);
	assert_true(row->subjects_notified);
	assert_int_equal(row_of(&s, "INC-2026-003")->timing, TIMING_PENDING);
	assert_int_equal(row_of(&s, "INC-2026-004")->timing, TIMING_LATE);
	assert_false(row_of(&s, "INC-2026-004")->has_hours);
	assert_int_equal(
	    row_of(&s, "INC-2026-005")->timing, TIMING_NOT_REQUIRED);
	assert_int_equal(s.by_risk[0], 2);
	assert_int_equal(s.by_risk[1], 2);
	assert_int_equal(s.by_risk[2], 2);
	assert_int_equal(s.by_type[0], 1);
	assert_int_equal(s.by_type[1], 1);
	assert_int_equal(s.by_type[2], 1);
	assert_int_equal(s.required, 4);
	assert_int_equal(s.notified, 2);
	assert_int_equal(s.on_time, 1);
	assert_int_equal(s.late, 2);
	assert_int_equal(s.pending, 1);
	assert_int_equal(s.subjects, 1);
	assert_int_equal(s.open, 3);
	assert_true(s.has_median);
	assert_int_equal(s.median, 758);
	incidents_free(&s);

	/* On the 26th the third is late as well. */
	today.d = 26;
	incidents_compute(r, 2026, today, &s);
	assert_int_equal(row_of(&s, "INC-2026-003")->timing, TIMING_LATE);
	incidents_free(&s);

	incidents_compute(r, 2025, today, &s);
	assert_int_equal(s.n, 1);
	assert_false(s.has_median);
	incidents_free(&s);
	repo_free(r);
}

static void
test_risks(void **state)
{
	struct repo *r = load();
	struct risks_report s;

	(void)state;
	risks_compute(r, &s);
	assert_int_equal(s.n, 5);
	/* Residual 12, then 4 (ROS-001 T1), then 3 by source: DPIA before
	 * ROS; the item off the scale last. */
	assert_string_equal(s.v[0].item, "R1");
	assert_int_equal(s.v[0].e.rscore, 12);
	assert_int_equal(s.v[0].e.open_measures, 1);
	assert_string_equal(s.v[1].item, "T1");
	assert_string_equal(s.v[2].source, "DPIA-001");
	assert_string_equal(s.v[2].item, "R2");
	assert_string_equal(s.v[3].source, "ROS-001");
	assert_string_equal(s.v[3].item, "T2");
	assert_string_equal(s.v[4].item, "T3");
	assert_false(s.v[4].e.ok);
	assert_int_equal(s.nl, 4);
	assert_int_equal(s.nc, 4);
	/* Before: (3,3) (2,2) (3,4) (1,3); after: (1,3) twice. */
	assert_int_equal(s.before[2 * 4 + 2], 1);
	assert_int_equal(s.before[1 * 4 + 1], 1);
	assert_int_equal(s.before[2 * 4 + 3], 1);
	assert_int_equal(s.before[0 * 4 + 2], 1);
	assert_int_equal(s.after[0 * 4 + 2], 2);
	assert_int_equal(s.after[2 * 4 + 3], 1);
	assert_int_equal(s.after[2 * 4 + 2], 0);
	risks_free(&s);
	repo_free(r);
}

static void
test_find_plan(void **state)
{
	struct repo *r = load();

	(void)state;
	/* By id, and by the year field when the id does not say. */
	assert_string_equal(status_find_plan(r, 2025)->id, "PLAN-2025");
	assert_string_equal(status_find_plan(r, 2024)->id, "PLAN-A");
	assert_null(status_find_plan(r, 2023));
	repo_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_percent),
	    cmocka_unit_test(test_median),
	    cmocka_unit_test(test_status),
	    cmocka_unit_test_setup_teardown(test_incidents, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_risks, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_plan, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
