/*
 * Unit tests of the record kinds' descriptors: every kind has every part
 * the rest of gdprctl reads, and the parts agree with each other, so that
 * a kind added with a part missing fails here and not at run time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "check.h"
#include "kind.h"
#include "record_kind.h"
#include "schema.h"

static int
has_key(const char *const *keys, const char *key)
{
	size_t i;

	for (i = 0; keys[i] != NULL; i++)
		if (strcmp(keys[i], key) == 0)
			return 1;
	return 0;
}

/* Where the records live, what their ids look like, their schema. */
static void
test_files(void **state)
{
	const struct schema_set *set = check_schemas();
	int k, j;

	(void)state;
	assert_non_null(set);
	for (k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *ki = kinds[k];
		char id[32];

		if (ki == NULL)
			fail_msg("kind %d has no descriptor in kinds[]", k);
		assert_int_equal(ki->kind, k);
		assert_non_null(ki->name);
		assert_non_null(ki->dir);
		assert_non_null(ki->prefix);
		assert_int_equal(kind_by_name(ki->name), k);
		snprintf(id, sizeof(id), "%s-001", ki->prefix);
		if (!id_valid(id))
			fail_msg("%s: prefix %s makes no valid id", ki->name,
			    ki->prefix);
		if (ki->schema == NULL ||
		    schema_set_get(set, ki->schema) == NULL)
			fail_msg("%s: no built-in schema %s", ki->name,
			    ki->schema ? ki->schema : "(none)");
		for (j = 0; j < k; j++) {
			assert_string_not_equal(kinds[j]->dir, ki->dir);
			assert_string_not_equal(kinds[j]->prefix, ki->prefix);
		}
	}
	check_cleanup();
}

/* The rules: a hook for one record, and what the rules across records
 * read, which must hold the fields that name other records. */
static void
test_rules(void **state)
{
	int k;
	size_t i;

	(void)state;
	for (k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *ki = kinds[k];

		assert_non_null(ki);
		if (ki->rules_record == NULL)
			fail_msg("%s: no rules_record", ki->name);
		if (ki->cross_keys == NULL ||
		    strcmp(ki->cross_keys[0], "id") != 0)
			fail_msg("%s: cross_keys must start with id", ki->name);
		assert_true(ki->nrefs == 0 || ki->refs != NULL);
		for (i = 0; i < ki->nrefs; i++) {
			assert_in_range(ki->refs[i].target, 0, KIND_COUNT - 1);
			if (!has_key(ki->cross_keys, ki->refs[i].field))
				fail_msg("%s: reference %s is not among "
				         "cross_keys",
				    ki->name, ki->refs[i].field);
		}
	}
}

/* list, show and new: all their parts, or none for a kind with a
 * command of its own. */
static void
test_verbs(void **state)
{
	int k;
	size_t i;

	(void)state;
	for (k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *ki = kinds[k];
		char usage[64];
		int year_opt;

		assert_non_null(ki);
		year_opt = ki->year_opt == NULL;
		if (ki->cols == NULL) {
			if (ki->ncols != 0 || ki->title_field != NULL ||
			    ki->statuses != NULL || ki->year_field != NULL ||
			    ki->computed != NULL || ki->opts != NULL ||
			    ki->year_opt != NULL || ki->tmpl != NULL ||
			    ki->new_usage != NULL)
				fail_msg("%s: parts of the record verbs "
				         "without columns",
				    ki->name);
			continue;
		}
		if (ki->ncols == 0 || ki->title_field == NULL ||
		    ki->statuses == NULL || ki->year_field == NULL ||
		    ki->tmpl == NULL || ki->new_usage == NULL)
			fail_msg("%s: a part of list, show or new is missing",
			    ki->name);
		assert_true(ki->nopts <= 3);
		assert_true(ki->nopts == 0 || ki->opts != NULL);
		assert_non_null(strstr(ki->tmpl, "id: ${id}\n"));
		snprintf(
		    usage, sizeof(usage), "usage: gdprctl %s new ", ki->name);
		assert_memory_equal(ki->new_usage, usage, strlen(usage));
		for (i = 0; i < ki->nopts; i++)
			if (ki->year_opt != NULL &&
			    strcmp(ki->opts[i].name, ki->year_opt) == 0)
				year_opt = 1;
		if (!year_opt)
			fail_msg("%s: year_opt %s is not an option of new",
			    ki->name, ki->year_opt);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_files),
	    cmocka_unit_test(test_rules),
	    cmocka_unit_test(test_verbs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
