/* Unit tests of risk scores and levels on default and configured scales. */
#include "unit.h"

#include <string.h>

#include "config.h"
#include "diag.h"
#include "risk.h"
#include "yml.h"

/* A configuration from gdprctl.yaml text (its document owned by cfg). */
static void
load_config(struct config *cfg, const char *text, struct diag_list *d)
{
	struct yml_doc *doc = NULL;

	assert_int_equal(
	    yml_parse(&doc, "gdprctl.yaml", text, strlen(text), 0, d), 0);
	assert_int_equal(config_load(cfg, doc, d), 0);
}

struct level_case {
	long l, c;
	const char *level;
};

static void
check_levels(const struct config *cfg, const struct level_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *got = risk_level(cfg, cases[i].l, cases[i].c);

		if (got == NULL || strcmp(got, cases[i].level) != 0)
			fail_msg("%ld x %ld: got %s, want %s", cases[i].l,
			    cases[i].c, got ? got : "NULL", cases[i].level);
	}
}

static void
test_default_levels(void **state)
{
	static const struct level_case cases[] = {
	    {1, 1, "low"},
	    {1, 3, "low"},
	    {3, 1, "low"},
	    {2, 2, "medium"},
	    {1, 4, "medium"},
	    {2, 3, "medium"},
	    {3, 2, "medium"},
	    {4, 2, "high"},
	    {2, 4, "high"},
	    {3, 3, "high"},
	    {4, 4, "high"},
	};
	struct config cfg;

	(void)state;
	config_defaults(&cfg, "en");
	check_levels(&cfg, cases, sizeof(cases) / sizeof(cases[0]));
	assert_int_equal(risk_rank(&cfg, "low"), 0);
	assert_int_equal(risk_rank(&cfg, "high"), 2);
	assert_int_equal(risk_rank(&cfg, "severe"), -1);
	assert_string_equal(risk_likelihood_label(&cfg, 1), "Very rare");
	assert_string_equal(risk_consequence_label(&cfg, 4), "Catastrophic");
	assert_null(risk_likelihood_label(&cfg, 5));
	config_free(&cfg);
}

static void
test_locale_labels(void **state)
{
	struct config cfg;

	(void)state;
	config_defaults(&cfg, "nb");
	assert_string_equal(risk_likelihood_label(&cfg, 4), "Svært ofte");
	assert_string_equal(risk_consequence_label(&cfg, 2), "Moderat");
	config_set_locale(&cfg, "sv");
	assert_string_equal(risk_consequence_label(&cfg, 2), "Måttlig");
	config_free(&cfg);
}

static void
test_matrix(void **state)
{
	static const char text[] = "organisation: {name: T, country: NO}\n"
	                           "controller: {name: C}\n"
	                           "risk:\n"
	                           "  matrix:\n"
	                           "    - [low, low, low, medium]\n"
	                           "    - [low, low, medium, high]\n"
	                           "    - [low, medium, high, high]\n"
	                           "    - [medium, high, high, high]\n";
	static const struct level_case cases[] = {
	    /* 1 x 4 = 4 is medium by levels, but the matrix says: */
	    {1, 4, "medium"},
	    {1, 3, "low"},
	    {2, 3, "medium"},
	    {2, 4, "high"},
	    {4, 1, "medium"},
	    {3, 2, "medium"},
	    {4, 2, "high"},
	    {1, 1, "low"},
	};
	struct diag_list d = DIAG_LIST_INIT;
	struct config cfg;

	(void)state;
	load_config(&cfg, text, &d);
	assert_int_equal(d.n, 0);
	check_levels(&cfg, cases, sizeof(cases) / sizeof(cases[0]));
	/* 2 x 2 = 4 would be medium by the levels; the matrix says low. */
	assert_string_equal(risk_level(&cfg, 2, 2), "low");
	config_free(&cfg);
	diag_list_free(&d);
}

static void
test_five_by_five(void **state)
{
	static const char text[] = "organisation: {name: T, country: NO}\n"
	                           "controller: {name: C}\n"
	                           "risk:\n"
	                           "  likelihood: [L1, L2, L3, L4, L5]\n"
	                           "  consequence: [C1, C2, C3, C4, C5]\n"
	                           "  levels:\n"
	                           "    - {name: low, max: 4}\n"
	                           "    - {name: moderate, max: 9}\n"
	                           "    - {name: significant, max: 15}\n"
	                           "    - {name: critical, max: 25}\n";
	static const struct level_case cases[] = {
	    {1, 4, "low"},
	    {2, 2, "low"},
	    {1, 5, "moderate"},
	    {3, 3, "moderate"},
	    {2, 5, "significant"},
	    {5, 3, "significant"},
	    {4, 4, "critical"},
	    {5, 5, "critical"},
	};
	static const char item_text[] = "likelihood: 5\n"
	                                "consequence: 5\n"
	                                "residual_likelihood: 2\n"
	                                "residual_consequence: 2\n";
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *item = NULL;
	struct risk_eval e;
	struct config cfg;

	(void)state;
	load_config(&cfg, text, &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(cfg.nlikelihood, 5);
	check_levels(&cfg, cases, sizeof(cases) / sizeof(cases[0]));
	assert_string_equal(risk_likelihood_label(&cfg, 5), "L5");
	assert_int_equal(
	    yml_parse(&item, "x.yaml", item_text, strlen(item_text), 0, &d), 0);
	assert_int_equal(risk_eval(&cfg, item->root, &e), 0);
	assert_int_equal(e.score, 25);
	assert_string_equal(e.level, "critical");
	assert_int_equal(e.rank, 3);
	assert_int_equal(e.rscore, 4);
	assert_string_equal(e.rlevel, "low");
	assert_int_equal(e.rrank, 0);
	risk_check_scale(&cfg, "x.yaml", item->root, &d);
	assert_int_equal(d.n, 0);
	yml_doc_free(item);
	config_free(&cfg);
	diag_list_free(&d);
}

struct eval_case {
	const char *item;
	int rc, ok, rok;
	long score, rscore;
	const char *level, *rlevel;
	size_t measures, open;
	size_t findings; /* of risk_check_scale */
	int line, col;   /* of the first finding */
	const char *message;
};

static void
test_eval(void **state)
{
	static const struct eval_case cases[] = {
	    {"likelihood: 3\nconsequence: 3\n", 0, 1, 1, 9, 9, "high", "high",
	        0, 0, 0, 0, 0, NULL},
	    {"likelihood: 3\nconsequence: 3\nresidual_likelihood: 1\n"
	     "residual_consequence: 3\n",
	        0, 1, 1, 9, 3, "high", "low", 0, 0, 0, 0, 0, NULL},
	    {"likelihood: 2\nconsequence: 2\nmeasures:\n"
	     "  - {text: a, done: true}\n  - {text: b, done: false}\n"
	     "  - {text: c}\n",
	        0, 1, 1, 4, 4, "medium", "medium", 3, 2, 0, 0, 0, NULL},
	    {"likelihood: 5\nconsequence: 2\n", -1, 0, 0, 0, 0, NULL, NULL, 0,
	        0, 1, 1, 13,
	        "likelihood 5 is outside the scale 1..4 of "
	        "gdprctl.yaml"},
	    {"likelihood: 2\nconsequence: 2\nresidual_likelihood: 1\n"
	     "residual_consequence: 9\n",
	        -1, 1, 0, 4, 0, "medium", NULL, 0, 0, 1, 4, 23,
	        "residual_consequence 9 is outside the scale 1..4 of "
	        "gdprctl.yaml"},
	    /* Below 1 and other types are the schema's to report. */
	    {"likelihood: 0\nconsequence: \"3\"\n", -1, 0, 0, 0, 0, NULL, NULL,
	        0, 0, 0, 0, 0, NULL},
	    {"threat: x\n", -1, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, NULL},
	    {"likelihood: 99999999999999999999999\nconsequence: 1\n", -1, 0, 0,
	        0, 0, NULL, NULL, 0, 0, 1, 1, 13, NULL},
	};
	struct config cfg;

	(void)state;
	config_defaults(&cfg, "en");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct eval_case *c = &cases[i];
		struct diag_list d = DIAG_LIST_INIT;
		struct yml_doc *doc = NULL;
		struct risk_eval e;

		assert_int_equal(
		    yml_parse(&doc, "x.yaml", c->item, strlen(c->item), 0, &d),
		    0);
		if (risk_eval(&cfg, doc->root, &e) != c->rc || e.ok != c->ok ||
		    e.rok != c->rok)
			fail_msg("case %zu: rc/ok/rok", i);
		if (e.ok &&
		    (e.score != c->score || strcmp(e.level, c->level) != 0))
			fail_msg("case %zu: score %ld %s", i, e.score, e.level);
		if (e.rok &&
		    (e.rscore != c->rscore || strcmp(e.rlevel, c->rlevel) != 0))
			fail_msg(
			    "case %zu: residual %ld %s", i, e.rscore, e.rlevel);
		assert_int_equal(e.measures, c->measures);
		assert_int_equal(e.open_measures, c->open);
		risk_check_scale(&cfg, "x.yaml", doc->root, &d);
		if (d.n != c->findings)
			fail_msg("case %zu: %zu findings", i, d.n);
		if (c->findings > 0) {
			assert_int_equal(d.v[0].line, c->line);
			assert_int_equal(d.v[0].col, c->col);
			assert_int_equal(d.v[0].rule, RULE_SCHEMA);
			if (c->message != NULL)
				assert_string_equal(d.v[0].message, c->message);
		}
		yml_doc_free(doc);
		diag_list_free(&d);
	}
	config_free(&cfg);
}

static void
test_screening(void **state)
{
	static const char text[] = "screening:\n"
	                           "  evaluation_scoring: false\n"
	                           "  systematic_monitoring: true\n"
	                           "  sensitive_data: true\n"
	                           "  large_scale: \"true\"\n"
	                           "  vulnerable_subjects: true\n";
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc = NULL;

	(void)state;
	assert_int_equal(
	    yml_parse(&doc, "x.yaml", text, strlen(text), 0, &d), 0);
	assert_int_equal(
	    risk_screening_count(yml_get(doc->root, "screening")), 3);
	assert_int_equal(risk_screening_count(NULL), 0);
	assert_int_equal(risk_ncriteria, 9);
	yml_doc_free(doc);
	diag_list_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_default_levels),
	    cmocka_unit_test(test_locale_labels),
	    cmocka_unit_test(test_matrix),
	    cmocka_unit_test(test_five_by_five),
	    cmocka_unit_test(test_eval),
	    cmocka_unit_test(test_screening),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
