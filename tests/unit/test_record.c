/* Tests of the record commands' shared pieces: id order, values, paths and
 * the consistency of the per-kind descriptions with the label table. */
#include <stdlib.h>
#include <string.h>

#include "l10n.h"
#include "record_kind.h"
#include "unit.h"

static void
test_idcmp(void **state)
{
	static const struct {
		const char *a, *b;
		int sign;
	} cases[] = {
	    {"INC-2026-9", "INC-2026-10", -1},
	    {"INC-2026-010", "INC-2026-9", 1},
	    {"INC-2026-009", "INC-2026-9", 0},
	    {"REG-001", "REG-001", 0},
	    {"REG-001", "REG-001A", -1},
	    {"INC-2025-999", "INC-2026-001", -1},
	    {"DPA-2", "DPIA-1", -1},
	    {"ROS-100", "ROS-99", 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int c = rec_idcmp(cases[i].a, cases[i].b);
		int r = rec_idcmp(cases[i].b, cases[i].a);

		assert_int_equal(c < 0 ? -1 : c > 0, cases[i].sign);
		assert_int_equal(r < 0 ? -1 : r > 0, -cases[i].sign);
	}
}

static void
test_values(void **state)
{
	struct buf scratch = BUF_INIT;
	struct rv v = {0};

	(void)state;
	rv_tenths(&v, -215);
	assert_string_equal(rv_display(&v, "en", &scratch), "-21.5");
	rv_bool(&v, 1);
	assert_string_equal(rv_display(&v, "sv", &scratch), "Ja");
	rv_str(&v, "high");
	v.etype = "incident-risk";
	assert_string_equal(rv_display(&v, "nb", &scratch), "Høy risiko");
	rv_l10n(&v, "en", "rec.days_left", "12");
	assert_string_equal(rv_display(&v, "en", &scratch), "12 days left");
	rv_clear(&v);
	assert_int_equal(v.type, RV_NULL);
	assert_string_equal(rv_display(&v, "en", &scratch), "");
	rv_date(&v, (struct gd_date){2026, 3, 5});
	assert_string_equal(v.str, "2026-03-05");
	rv_clear(&v);
	buf_free(&scratch);
}

static void
test_paths(void **state)
{
	static const char yaml[] = "id: DPA-001\n"
	                           "processor: {name: Evry, country: NO}\n"
	                           "register: [REG-001, REG-002]\n"
	                           "dpia: DPIA-003\n";
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc = NULL;
	const struct yml_node *root;

	(void)state;
	assert_int_equal(
	    yml_parse(&doc, "t.yaml", yaml, strlen(yaml), 0, &d), 0);
	root = doc->root;
	assert_string_equal(rec_str(root, "processor.name"), "Evry");
	assert_string_equal(rec_str(root, "processor.country"), "NO");
	assert_null(rec_str(root, "processor.org_number"));
	assert_null(rec_str(root, "id.name"));
	assert_true(rec_names(root, "register", "REG-002"));
	assert_false(rec_names(root, "register", "REG-003"));
	assert_true(rec_names(root, "dpia", "DPIA-003"));
	assert_false(rec_names(root, "processor", "Evry"));
	yml_doc_free(doc);
	diag_list_free(&d);
}

/* Every label and enum type of the descriptions is in the label table. */
static void
test_labels(void **state)
{
	int k;

	(void)state;
	for (k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *rk;
		size_t i;

		rk = kinds[k];
		if (rk->cols == NULL)
			continue;
		for (i = 0; i < rk->ncols; i++) {
			const struct rcol *col = &rk->cols[i];

			if (strcmp(l10n_get("en", col->label), col->label) == 0)
				fail_msg("%s: no label %s", kinds[k]->name,
				    col->label);
			if (col->etype != NULL &&
			    strcmp(col->key, "status") == 0) {
				size_t j;

				for (j = 0; rk->statuses[j] != NULL; j++)
					assert_string_not_equal(
					    l10n_enum("sv", col->etype,
					        rk->statuses[j]),
					    rk->statuses[j]);
			}
		}
		assert_true(rk->nopts <= 3);
		assert_non_null(strstr(rk->tmpl, "id: ${id}\n"));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_idcmp),
	    cmocka_unit_test(test_values),
	    cmocka_unit_test(test_paths),
	    cmocka_unit_test(test_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
