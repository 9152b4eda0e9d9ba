/*
 * Conformance of the schema validator: runs the JSON-Schema-Test-Suite
 * files of ../shared/conformance (or of $GDPRCTL_CONFORMANCE) through it
 * and counts the results; skipped when the suite is not there.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"
#include "schema.h"
#include "xalloc.h"
#include "yml.h"

#define CONFORMANCE "../shared/conformance"
#define SUITE "/json-schema-test-suite/tests/draft2020-12/"
#define FLAGS (YML_JSON | YML_ANY_ROOT | YML_ALLOW_CTRL | YML_NO_LIMITS)

static const char *const files[] = {
    "additionalProperties.json",
    "allOf.json",
    "anyOf.json",
    "const.json",
    "dependentRequired.json",
    "enum.json",
    "exclusiveMaximum.json",
    "exclusiveMinimum.json",
    "if-then-else.json",
    "items.json",
    "maxItems.json",
    "maxLength.json",
    "maximum.json",
    "minItems.json",
    "minLength.json",
    "minimum.json",
    "multipleOf.json",
    "not.json",
    "oneOf.json",
    "pattern.json",
    "patternProperties.json",
    "prefixItems.json",
    "properties.json",
    "ref.json",
    "required.json",
    "type.json",
    "uniqueItems.json",
    "optional/format/date.json",
    "optional/format/date-time.json",
    "optional/format/email.json",
};

/*
 * Out of scope: $id, $anchor, URN and meta-schema references,
 * unevaluatedProperties (see the suite's README).
 */
static int
out_of_scope(const char *file, size_t i)
{
	if (strcmp(file, "ref.json") == 0)
		return i == 6 || i == 11 || i == 13 || (i >= 15 && i <= 34);
	if (strcmp(file, "not.json") == 0)
		return i == 8;
	return 0;
}

struct counts {
	size_t passed, failed, skipped;
};

static int
read_file(const char *path, struct buf *out)
{
	char chunk[65536];
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (fp == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(out, chunk, n);
	fclose(fp);
	return 0;
}

static void
json_string(struct buf *b, const char *s, size_t len)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, c);
	}
	buf_putc(b, '"');
}

/* Write a node back as JSON, so a case's schema can be loaded alone. */
static void
json_write(struct buf *b, const struct yml_node *n)
{
	switch (n->type) {
	case YML_NULL:
		buf_puts(b, "null");
		break;
	case YML_BOOL:
		buf_puts(b, n->boolean ? "true" : "false");
		break;
	case YML_INT:
	case YML_FLOAT:
		buf_add(b, n->str, n->len);
		break;
	case YML_STR:
		json_string(b, n->str, n->len);
		break;
	case YML_SEQ:
		buf_putc(b, '[');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				buf_putc(b, ',');
			json_write(b, n->items[i]);
		}
		buf_putc(b, ']');
		break;
	case YML_MAP:
		buf_putc(b, '{');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				buf_putc(b, ',');
			json_string(
			    b, n->pairs[i].key->str, n->pairs[i].key->len);
			buf_putc(b, ':');
			json_write(b, n->pairs[i].val);
		}
		buf_putc(b, '}');
		break;
	}
}

static void
run_case(
    const char *file, size_t ci, const struct yml_node *tc, struct counts *k)
{
	const struct yml_node *tests = yml_get(tc, "tests");
	struct diag_list d = DIAG_LIST_INIT;
	struct schema_set *set = NULL;
	const struct schema *s = NULL;
	struct yml_doc *doc = NULL;
	struct buf text = BUF_INIT;

	assert_non_null(tests);
	json_write(&text, yml_get(tc, "schema"));
	schema_set_new(&set);
	if (yml_parse(&doc, file, text.ptr, text.len, FLAGS, &d) == 0 &&
	    schema_set_add(set, "case.json", doc, &d) == 0 &&
	    schema_set_finish(set, &d) == 0)
		s = schema_set_get(set, "case.json");
	for (size_t ti = 0; ti < tests->n; ti++) {
		const struct yml_node *t = tests->items[ti];
		const struct yml_node *data = yml_get(t, "data");
		const struct yml_node *valid = yml_get(t, "valid");

		assert_non_null(data);
		assert_non_null(valid);
		if (s != NULL && schema_is_valid(s, data) == valid->boolean) {
			k->passed++;
			continue;
		}
		k->failed++;
		printf("FAILED: %s case %zu test %zu: %s%s\n", file, ci, ti,
		    yml_get_str(t, "description"),
		    s == NULL ? " (schema did not compile)" : "");
	}
	for (size_t i = 0; s == NULL && i < d.n; i++)
		printf("  %s:%d:%d: %s\n", d.v[i].path, d.v[i].line, d.v[i].col,
		    d.v[i].message);
	schema_set_free(set);
	diag_list_free(&d);
	buf_free(&text);
}

static void
run_file(const char *suite, const char *file, struct counts *k)
{
	struct buf path = BUF_INIT, data = BUF_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc = NULL;

	buf_printf(&path, "%s%s", suite, file);
	if (read_file(path.ptr, &data) < 0)
		fail_msg("cannot read %s", path.ptr);
	if (yml_parse(&doc, file, buf_cstr(&data), data.len, FLAGS, &d) < 0) {
		for (size_t i = 0; i < d.n; i++)
			printf("%s:%d:%d: %s\n", d.v[i].path, d.v[i].line,
			    d.v[i].col, d.v[i].message);
		fail_msg("cannot load %s", file);
	}
	assert_int_equal(doc->root->type, YML_SEQ);
	for (size_t ci = 0; ci < doc->root->n; ci++) {
		const struct yml_node *tc = doc->root->items[ci];

		if (out_of_scope(file, ci)) {
			const struct yml_node *tests = yml_get(tc, "tests");

			printf("skipped: %s case %zu\n", file, ci);
			k->skipped += tests ? tests->n : 0;
			continue;
		}
		run_case(file, ci, tc, k);
	}
	yml_doc_free(doc);
	diag_list_free(&d);
	buf_free(&data);
	buf_free(&path);
}

static void
test_suite(void **state)
{
	const char *dir = getenv("GDPRCTL_CONFORMANCE");
	struct counts k = {0, 0, 0};
	struct buf suite = BUF_INIT;
	struct stat st;

	(void)state;
	buf_printf(&suite, "%s" SUITE, dir && *dir ? dir : CONFORMANCE);
	if (stat(suite.ptr, &st) != 0) {
		printf("conformance: skipped (%s not found)\n", suite.ptr);
		buf_free(&suite);
		skip();
	}
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		run_file(suite.ptr, files[i], &k);
	printf("conformance: %zu passed, %zu failed, %zu skipped\n", k.passed,
	    k.failed, k.skipped);
	buf_free(&suite);
	assert_int_equal(k.failed, 0);
	assert_true(k.passed > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_suite),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
