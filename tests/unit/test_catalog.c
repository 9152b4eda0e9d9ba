/* Unit tests of the rule catalogue: every rule has a complete row, and the
 * config schema names the same rules. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "catalog.h"
#include "schema_data.h"
#include "yml.h"

static int
is_sentences(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n > 20 && s[0] >= 'A' && s[0] <= 'Z' && s[n - 1] == '.' &&
	    strstr(s, "  ") == NULL && strchr(s, '\n') == NULL;
}

/* A row left out of the designated initialisers is all zero; the
 * static_assert in catalog.c catches one missing at the end. Summaries
 * fit in 80 columns indented by 4, as 'gdprctl rules' shows them. */
static void
test_rows_complete(void **state)
{
	(void)state;
	for (int r = 0; r < RULE_COUNT; r++) {
		const struct rule_info *ri = &rule_catalog[r];
		size_t n;

		if (ri->id == NULL)
			fail_msg("enum rule %d has no row in rule_catalog", r);
		n = strspn(ri->id, "abcdefghijklmnopqrstuvwxyz0123456789-");
		if (n == 0 || ri->id[n] != '\0')
			fail_msg("rule id \"%s\" is not lower-case words "
			         "joined by -",
			    ri->id);
		if (ri->severity != DIAG_ERROR && ri->severity != DIAG_WARNING)
			fail_msg("%s: default severity is neither error nor "
			         "warning",
			    ri->id);
		if ((ri->flags & RULE_WARNING_FORM) &&
		    ri->severity != DIAG_ERROR)
			fail_msg("%s: a warning form needs a default of error",
			    ri->id);
		n = ri->summary != NULL ? strlen(ri->summary) : 0;
		if (n == 0 || ri->summary[0] < 'a' || ri->summary[0] > 'z' ||
		    ri->summary[n - 1] == '.' || n > 76)
			fail_msg("%s: the summary is one line of at most 76 "
			         "characters, lower case, without a period",
			    ri->id);
		if (!is_sentences(ri->checks) || !is_sentences(ri->why) ||
		    !is_sentences(ri->fix))
			fail_msg("%s: checks, why and fix are sentences on "
			         "one line each",
			    ri->id);
		for (int i = 0; i < RULE_MAX_ARTICLES && ri->articles[i]; i++)
			if (strncmp(ri->articles[i], "Art. ", 5) != 0)
				fail_msg("%s: article \"%s\" does not read "
				         "Art. N",
				    ri->id, ri->articles[i]);
	}
}

static void
test_lookup(void **state)
{
	enum rule r;

	(void)state;
	for (int i = 0; i < RULE_COUNT; i++) {
		assert_int_equal(rule_lookup(rule_name((enum rule)i), &r), 0);
		assert_int_equal(r, i);
	}
	assert_int_equal(rule_lookup("dpa-expired", &r), 0);
	assert_int_equal(r, RULE_DPA_EXPIRED);
	assert_int_equal(rule_lookup("dpa", &r), -1);
	assert_int_equal(rule_lookup("", &r), -1);
	assert_int_equal(rule_lookup("DPA-EXPIRED", &r), -1);
	assert_true(rule_catalog[RULE_YAML].flags & RULE_FIXED);
	assert_true(rule_catalog[RULE_SCHEMA].flags & RULE_FIXED);
}

/* The names the config schema allows under rules: (its propertyNames
 * enum), in the config schema files the binary embeds. */
static const struct yml_node *
schema_rule_names(struct yml_doc **doc)
{
	for (unsigned i = 0; i < schema_nfiles; i++) {
		const struct schema_file *f = &schema_files[i];
		struct diag_list d = DIAG_LIST_INIT;
		const struct yml_node *e;

		if (strncmp(f->name, "config", 6) != 0)
			continue;
		assert_int_equal(
		    yml_parse(doc, f->name, f->data, f->len, 0, &d), 0);
		diag_list_free(&d);
		e = yml_get(yml_get(yml_get(yml_get((*doc)->root, "properties"),
		                        "rules"),
		                "propertyNames"),
		    "enum");
		if (e != NULL)
			return e;
		yml_doc_free(*doc);
		*doc = NULL;
	}
	return NULL;
}

static void
test_config_schema_agrees(void **state)
{
	struct yml_doc *doc = NULL;
	const struct yml_node *e = schema_rule_names(&doc);
	enum rule r;
	int seen[RULE_COUNT] = {0};

	(void)state;
	if (e == NULL)
		fail_msg("no config*.schema.json lists the rule names under "
		         "properties.rules.propertyNames.enum");
	assert_int_equal(e->type, YML_SEQ);
	for (uint32_t i = 0; i < e->n; i++) {
		if (rule_lookup(e->items[i]->str, &r) < 0)
			fail_msg("the config schema names rule \"%s\", which "
			         "the catalogue lacks",
			    e->items[i]->str);
		seen[r]++;
	}
	for (int i = 0; i < RULE_COUNT; i++)
		if (seen[i] != 1)
			fail_msg("the config schema names rule %s %d times, "
			         "not once",
			    rule_name((enum rule)i), seen[i]);
	yml_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rows_complete),
	    cmocka_unit_test(test_lookup),
	    cmocka_unit_test(test_config_schema_agrees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
