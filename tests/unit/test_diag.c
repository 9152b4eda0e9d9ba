/* Unit tests of the diagnostics module: order, overrides and formats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "diag.h"

static char *
render(const struct diag_list *l, enum diag_format fmt, int color)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	assert_int_equal(diag_print(l, fp, fmt, color), 0);
	fclose(fp);
	return out;
}

static void
fill(struct diag_list *l)
{
	diag_add(l, "register/REG-002.yaml", 3, 5, RULE_REVIEW_STALE,
	    "reviewed more than 12 months ago");
	diag_add(l, "incident/INC-1.yaml", 7, 3, RULE_BREACH_NOTIFICATION,
	    "late: 80,5 h; %s", "100%");
	diag_add(
	    l, "incident/INC-1.yaml", 2, 1, RULE_YAML, "duplicate key \"a\"");
	/* An exact duplicate is dropped by diag_sort. */
	diag_add(
	    l, "incident/INC-1.yaml", 2, 1, RULE_YAML, "duplicate key \"a\"");
	diag_sort(l);
}

static void
test_sort_and_dedupe(void **state)
{
	struct diag_list l = DIAG_LIST_INIT;

	(void)state;
	fill(&l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].path, "incident/INC-1.yaml");
	assert_int_equal(l.v[0].line, 2);
	assert_int_equal(l.v[1].line, 7);
	assert_string_equal(l.v[2].path, "register/REG-002.yaml");
	assert_int_equal(diag_count(&l, DIAG_ERROR), 2);
	assert_int_equal(diag_count(&l, DIAG_WARNING), 1);
	diag_list_free(&l);
}

static void
test_overrides(void **state)
{
	struct diag_list l = DIAG_LIST_INIT;

	(void)state;
	diag_override(&l, RULE_ROS_STALE, DIAG_ERROR);
	diag_override(&l, RULE_PERSONAL_DATA, DIAG_OFF);
	diag_override(&l, RULE_PERSONAL_DATA, DIAG_WARNING);
	diag_override(&l, RULE_REVIEW_STALE, DIAG_OFF);
	diag_add(&l, "a", 1, 1, RULE_ROS_STALE, "x");
	diag_add(&l, "a", 1, 1, RULE_PERSONAL_DATA, "y");
	diag_add(&l, "a", 1, 1, RULE_REVIEW_STALE, "z");
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].severity, DIAG_ERROR);
	assert_int_equal(l.v[1].severity, DIAG_WARNING);
	assert_int_equal(diag_effective(&l, RULE_YAML), DIAG_ERROR);
	assert_int_equal(diag_effective(&l, RULE_ROS_STALE), DIAG_ERROR);
	assert_int_equal(diag_effective(&l, RULE_REVIEW_STALE), DIAG_OFF);
	diag_list_free(&l);
}

/* dpa-expired warns before expiry: a warning by default, the severity
 * gdprctl.yaml sets when it sets one. */
static void
test_warning_form(void **state)
{
	struct diag_list l = DIAG_LIST_INIT;

	(void)state;
	diag_add(&l, "a", 1, 1, RULE_DPA_EXPIRED, "expired");
	diag_add_warning(&l, "a", 2, 1, RULE_DPA_EXPIRED, NULL, "expires soon");
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].severity, DIAG_ERROR);
	assert_int_equal(l.v[1].severity, DIAG_WARNING);
	diag_list_free(&l);
	diag_override(&l, RULE_DPA_EXPIRED, DIAG_ERROR);
	diag_add_warning(&l, "a", 2, 1, RULE_DPA_EXPIRED, NULL, "expires soon");
	assert_int_equal(l.v[0].severity, DIAG_ERROR);
	diag_list_free(&l);
	diag_override(&l, RULE_DPA_EXPIRED, DIAG_OFF);
	diag_add_warning(&l, "a", 2, 1, RULE_DPA_EXPIRED, NULL, "expires soon");
	assert_int_equal(l.n, 0);
	diag_list_free(&l);
}

static void
test_text(void **state)
{
	struct diag_list l = DIAG_LIST_INIT;
	char *out;

	(void)state;
	fill(&l);
	diag_add(&l, "gdprctl.yaml", 0, 0, RULE_YAML, "unreadable");
	diag_sort(&l);
	out = render(&l, DIAG_TEXT, 0);
	assert_string_equal(out,
	    "gdprctl.yaml: error: unreadable [yaml]\n"
	    "incident/INC-1.yaml:2:1: error: duplicate key \"a\" [yaml]\n"
	    "incident/INC-1.yaml:7:3: error: late: 80,5 h; 100% "
	    "[breach-notification]\n"
	    "register/REG-002.yaml:3:5: warning: reviewed more than 12 "
	    "months ago [review-stale]\n");
	free(out);
	out = render(&l, DIAG_TEXT, 1);
	assert_non_null(strstr(out, "\033[1;31merror"));
	assert_non_null(strstr(out, "\033[1;35mwarning"));
	free(out);
	diag_list_free(&l);
}

static void
test_github(void **state)
{
	struct diag_list l = DIAG_LIST_INIT;
	char *out;

	(void)state;
	diag_add(&l, "a,b:c.yaml", 1, 2, RULE_YAML, "50%% done\nnext line");
	out = render(&l, DIAG_GITHUB, 0);
	assert_string_equal(out,
	    "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=yaml::50%25 "
	    "done%0Anext line\n"
	    "gdprctl: 1 error, 0 warnings\n");
	free(out);
	diag_list_free(&l);
}

static void
test_json_and_sarif(void **state)
{
	struct diag_list l = DIAG_LIST_INIT;
	char *out;

	(void)state;
	out = render(&l, DIAG_JSON, 0);
	assert_string_equal(out, "[]\n");
	free(out);
	diag_addp(
	    &l, "x.yaml", 4, 2, RULE_SCHEMA, "/a/0", "bad \"value\"\t\x01");
	out = render(&l, DIAG_JSON, 0);
	assert_string_equal(out,
	    "[\n  {\n    \"path\": \"x.yaml\",\n    \"line\": 4,\n"
	    "    \"column\": 2,\n    \"severity\": \"error\",\n"
	    "    \"rule\": \"schema\",\n"
	    "    \"message\": \"bad \\\"value\\\"\\t\\u0001\",\n"
	    "    \"pointer\": \"/a/0\"\n  }\n]\n");
	free(out);
	out = render(&l, DIAG_SARIF, 0);
	assert_non_null(strstr(out, "\"version\": \"2.1.0\""));
	assert_non_null(strstr(out, "\"ruleId\": \"schema\""));
	assert_non_null(strstr(out, "\"startLine\": 4,\n"));
	assert_non_null(strstr(out, "\"startColumn\": 2\n"));
	free(out);
	diag_list_free(&l);
}

/* SARIF names each rule that occurs once, with the catalogue's metadata,
 * and each result points at its rule by index (SARIF 2.1.0 3.27.6). */
static void
test_sarif_rules(void **state)
{
	struct diag_list l = DIAG_LIST_INIT;
	char *out;

	(void)state;
	diag_override(&l, RULE_ROS_STALE, DIAG_ERROR);
	diag_add(&l, "a.yaml", 1, 1, RULE_ROS_STALE, "old");
	diag_add(&l, "b.yaml", 1, 1, RULE_DPA_EXPIRED, "expired");
	diag_add(&l, "c.yaml", 1, 1, RULE_ROS_STALE, "old");
	out = render(&l, DIAG_SARIF, 0);
	assert_non_null(strstr(out,
	    "          \"rules\": [\n"
	    "            {\n"
	    "              \"id\": \"ros-stale\",\n"
	    "              \"name\": \"RosStale\",\n"
	    "              \"shortDescription\": {\n"
	    "                \"text\": \"the newest approved risk analysis of a "
	    "register entry is too old\"\n"
	    "              },\n"
	    "              \"fullDescription\": {\n"
	    "                \"text\": \"For each register entry,"));
	assert_non_null(strstr(out,
	    "              \"defaultConfiguration\": {\n"
	    "                \"level\": \"warning\"\n"
	    "              }\n"
	    "            },\n"
	    "            {\n"
	    "              \"id\": \"dpa-expired\",\n"
	    "              \"name\": \"DpaExpired\",\n"));
	assert_non_null(strstr(out,
	    "\"ruleId\": \"ros-stale\",\n"
	    "          \"ruleIndex\": 0,\n"
	    "          \"level\": \"error\",\n"));
	assert_non_null(strstr(out,
	    "\"ruleId\": \"dpa-expired\",\n"
	    "          \"ruleIndex\": 1,\n"));
	assert_null(strstr(out, "\"ruleIndex\": 2"));
	assert_non_null(strstr(out, "\"help\": {\n"));
	free(out);
	diag_list_free(&l);
}

static int
keep_incidents(const struct diag *d, void *arg)
{
	return strncmp(d->path, arg, strlen(arg)) == 0;
}

static char *
render_under(const struct diag_list *l, enum diag_format fmt, const char *pfx)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	assert_int_equal(diag_print_under(l, fp, fmt, 0, pfx), 0);
	fclose(fp);
	return out;
}

/* The value of the first "key": "value" after from, in a fresh string. */
static char *
value_after(const char *from, const char *key)
{
	const char *p = strstr(from, key), *q;

	assert_non_null(p);
	p = strchr(p + strlen(key), '"');
	assert_non_null(p);
	q = strchr(p + 1, '"');
	return strndup(p + 1, (size_t)(q - p - 1));
}

/*
 * GitLab's Code Quality issues: severity, the path from the git top and a
 * fingerprint that two findings alike in path, rule and value still do
 * not share; SARIF gives the same fingerprints, and percent-encodes the
 * path of its URI (RFC 3986).
 */
static void
test_codequality_and_fingerprints(void **state)
{
	struct diag_list l = DIAG_LIST_INIT;
	char *cq, *sarif, *a, *b, *c;

	(void)state;
	diag_addp(&l, "dpa/DPA 1.yaml", 3, 1, RULE_DPA_EXPIRED, "/expires",
	    "expired");
	diag_addp(&l, "dpa/DPA 1.yaml", 9, 1, RULE_DPA_EXPIRED, "/expires",
	    "expired again");
	diag_add_warning(
	    &l, "dpa/DPA 1.yaml", 0, 0, RULE_DPA_EXPIRED, NULL, "expires soon");
	diag_sort(&l);
	cq = render_under(&l, DIAG_CODEQUALITY, "gdpr/");
	assert_non_null(strstr(cq, "\"check_name\": \"dpa-expired\""));
	assert_non_null(strstr(cq, "\"severity\": \"major\""));
	assert_non_null(strstr(cq, "\"severity\": \"minor\""));
	assert_non_null(strstr(cq, "\"path\": \"gdpr/dpa/DPA 1.yaml\""));
	/* A finding about the whole file begins at line 1. */
	assert_non_null(strstr(cq, "\"begin\": 1\n"));
	a = value_after(cq, "\"fingerprint\"");
	b = value_after(strstr(cq, a) + 1, "\"fingerprint\"");
	c = value_after(strstr(cq, b) + 1, "\"fingerprint\"");
	assert_int_equal(strlen(a), 16);
	assert_string_not_equal(a, b);
	assert_string_not_equal(b, c);
	sarif = render_under(&l, DIAG_SARIF, "gdpr/");
	assert_non_null(strstr(sarif, "\"uri\": \"gdpr/dpa/DPA%201.yaml\""));
	assert_non_null(strstr(sarif, a));
	assert_non_null(strstr(sarif, "\"gdprctlFinding/v1\""));
	free(a);
	free(b);
	free(c);
	free(cq);
	free(sarif);
	diag_list_free(&l);
}

static void
test_retain_and_formats(void **state)
{
	struct diag_list l = DIAG_LIST_INIT;
	enum diag_format f;

	(void)state;
	fill(&l);
	diag_retain(&l, keep_incidents, "incident/");
	assert_int_equal(l.n, 2);
	diag_list_free(&l);
	assert_int_equal(diag_format_parse("github", &f), 0);
	assert_int_equal(f, DIAG_GITHUB);
	assert_int_equal(diag_format_parse("codequality", &f), 0);
	assert_int_equal(f, DIAG_CODEQUALITY);
	assert_string_equal(diag_format_name(f), "codequality");
	assert_int_equal(diag_format_parse("xml", &f), -1);
	assert_int_equal(diag_color_enabled("always", stdout), 1);
	assert_int_equal(diag_color_enabled("never", stdout), 0);
	setenv("NO_COLOR", "1", 1);
	assert_int_equal(diag_color_enabled("auto", stdout), 0);
	unsetenv("NO_COLOR");
	setenv("TERM", "dumb", 1);
	assert_int_equal(diag_color_enabled("auto", stdout), 0);
	assert_int_equal(diag_color_enabled("always", stdout), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sort_and_dedupe),
	    cmocka_unit_test(test_overrides),
	    cmocka_unit_test(test_warning_form),
	    cmocka_unit_test(test_text),
	    cmocka_unit_test(test_github),
	    cmocka_unit_test(test_json_and_sarif),
	    cmocka_unit_test(test_sarif_rules),
	    cmocka_unit_test(test_codequality_and_fingerprints),
	    cmocka_unit_test(test_retain_and_formats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
