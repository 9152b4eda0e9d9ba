/*
 * Unit tests of the schema validator: messages and positions per keyword,
 * ECMA-262 patterns, $ref inside and between files, compile errors.
 */
#include "unit.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "schema.h"
#include "yml.h"

#define JSON_FLAGS (YML_JSON | YML_ANY_ROOT)

struct file {
	const char *name, *json;
};

/* Compile the files into a set; NULL (and the findings in out) if not. */
static struct schema_set *
compile(const struct file *f, size_t n, struct buf *out)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct schema_set *set = NULL;
	int rc = 0;

	schema_set_new(&set);
	for (size_t i = 0; i < n; i++) {
		struct yml_doc *doc = NULL;
		struct buf path = BUF_INIT;

		buf_printf(&path, "schema/%s", f[i].name);
		if (yml_parse(&doc, path.ptr, f[i].json, strlen(f[i].json),
		        JSON_FLAGS, &d) < 0)
			fail_msg("%s: not JSON", f[i].name);
		if (schema_set_add(set, f[i].name, doc, &d) < 0)
			rc = -1;
		buf_free(&path);
	}
	if (schema_set_finish(set, &d) < 0)
		rc = -1;
	diag_sort(&d);
	for (size_t i = 0; i < d.n; i++)
		buf_printf(out, "%s%s:%d:%d: %s", i ? "\n" : "", d.v[i].path,
		    d.v[i].line, d.v[i].col, d.v[i].message);
	diag_list_free(&d);
	if (rc < 0) {
		schema_set_free(set);
		return NULL;
	}
	assert_int_equal(d.n, 0);
	return set;
}

static struct schema_set *
compile1(const char *json)
{
	struct file f = {"t.schema.json", json};
	struct buf err = BUF_INIT;
	struct schema_set *set = compile(&f, 1, &err);

	if (set == NULL)
		fail_msg("%s: %s", json, err.ptr);
	buf_free(&err);
	return set;
}

/* Validate YAML text; the findings as "L:C POINTER: MESSAGE" lines. */
static char *
findings(const struct schema *s, const char *yaml)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *doc = NULL;
	struct buf out = BUF_INIT;
	size_t n;

	if (yml_parse(&doc, "r.yaml", yaml, strlen(yaml), YML_ANY_ROOT, &d) < 0)
		fail_msg("not YAML: %s", yaml);
	n = schema_validate(s, doc->root, "register/REG-1.yaml", &d);
	assert_int_equal(n, d.n);
	assert_int_equal(schema_is_valid(s, doc->root), n == 0);
	diag_sort(&d);
	for (size_t i = 0; i < d.n; i++) {
		assert_string_equal(d.v[i].path, "register/REG-1.yaml");
		assert_int_equal(d.v[i].rule, RULE_SCHEMA);
		assert_int_equal(d.v[i].severity, DIAG_ERROR);
		assert_non_null(d.v[i].pointer);
		buf_printf(&out, "%s%d:%d %s: %s", i ? "\n" : "", d.v[i].line,
		    d.v[i].col, d.v[i].pointer, d.v[i].message);
	}
	diag_list_free(&d);
	yml_doc_free(doc);
	return buf_detach(&out);
}

struct vcase {
	const char *schema, *yaml, *want;
};

static void
run_cases(const struct vcase *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct schema_set *set = compile1(c[i].schema);
		char *got =
		    findings(schema_set_get(set, "t.schema.json"), c[i].yaml);

		if (strcmp(got, c[i].want) != 0)
			fail_msg("schema %s\ninstance %s\ngot:  %s\nwant: %s",
			    c[i].schema, c[i].yaml, got, c[i].want);
		free(got);
		schema_set_free(set);
	}
}

static void
test_keywords(void **state)
{
	static const struct vcase cases[] = {
	    {"{\"properties\": {\"n\": {\"type\": \"string\"}}}", "n: 3\n",
	        "1:4 /n: expected a string, found an integer"},
	    {"{\"properties\": {\"n\": {\"type\": [\"string\", \"null\"]}}}",
	        "n: [1]\n", "1:4 /n: expected a string or null, found a list"},
	    {"{\"properties\": {\"n\": {\"type\": \"string\"}}}", "n:\n",
	        "1:3 /n: expected a string, found an empty value"},
	    {"{\"type\": \"integer\"}", "1.0", ""},
	    {"{\"type\": \"integer\"}", "1.5",
	        "1:1 : expected an integer, found a number"},
	    {"{\"type\": \"object\", \"minLength\": 2}", "- x\n",
	        "1:1 : expected a mapping, found a list"},
	    {"{\"required\": [\"name\", \"purpose\"]}", "name: x\n",
	        "1:1 : missing required field \"purpose\""},
	    {"{\"properties\": {\"p\": {\"enum\": [\"high\", \"normal\", "
	     "\"low\"]}}}",
	        "p: hig\n", "1:4 /p: \"hig\" is not one of: high, normal, low"},
	    {"{\"enum\": [1, \"a b\", null, \"x,y\"]}", "2",
	        "1:1 : 2 is not one of: 1, a b, null, \"x,y\""},
	    {"{\"enum\": [\"a\"]}", "{k: v}", "1:1 : must be one of: a"},
	    {"{\"const\": \"incident\"}", "incdent",
	        "1:1 : must be \"incident\", found \"incdent\""},
	    {"{\"additionalProperties\": false, \"properties\": {\"a\": {}}}",
	        "a: 1\nfoo: 2\n", "2:1 /foo: unknown field \"foo\""},
	    {"{\"properties\": {\"a\": false}}", "a: 1\n",
	        "1:1 /a: field \"a\" is not allowed"},
	    {"{\"additionalProperties\": {\"type\": \"integer\"}}", "x/y: a\n",
	        "1:6 /x~1y: expected an integer, found a string"},
	    {"{\"patternProperties\": {\"^x-\": {\"type\": \"integer\"}}, "
	     "\"additionalProperties\": false}",
	        "x-a: 1\ny: 2\nx-b: s\n",
	        "2:1 /y: unknown field \"y\"\n"
	        "3:6 /x-b: expected an integer, found a string"},
	    {"{\"properties\": {\"l\": {\"minItems\": 1}}}", "l: []\n",
	        "1:4 /l: must not be empty"},
	    {"{\"minItems\": 3, \"maxItems\": 1}", "[a, b]",
	        "1:1 : allows at most 1 item (found 2)\n"
	        "1:1 : needs at least 3 items (found 2)"},
	    {"{\"uniqueItems\": true}",
	        "- a\n- {k: 1, j: 2}\n- a\n"
	        "- {j: 2, k: 1.0}\n",
	        "3:3 /2: duplicate of the item on line 1\n"
	        "4:3 /3: duplicate of the item on line 2"},
	    {"{\"prefixItems\": [{\"type\": \"string\"}], \"items\": false}",
	        "[a, 2, 3]", "1:5 /1: unexpected item: at most 1 item allowed"},
	    {"{\"items\": {\"type\": \"string\"}}", "[a, 2, b, 3]",
	        "1:5 /1: expected a string, found an integer\n"
	        "1:11 /3: expected a string, found an integer"},
	    {"{\"minLength\": 1}", "\"\"", "1:1 : must not be empty"},
	    {"{\"maxLength\": 3}", "æøå", ""},
	    {"{\"maxLength\": 3}", "æøåx",
	        "1:1 : must be at most 3 characters long (found 4)"},
	    {"{\"minLength\": 5}", "😀😀",
	        "1:1 : must be at least 5 characters long (found 2)"},
	    {"{\"pattern\": \"^REG-[0-9]+$\"}", "REG-x",
	        "1:1 : \"REG-x\" does not match the pattern ^REG-[0-9]+$"},
	    /* Identity numbers are masked in findings. */
	    {"{\"pattern\": \"^[A-Z]\"}", "ref 15819012382 (x)",
	        "1:1 : \"ref 1581******* (x)\" does not match the pattern "
	        "^[A-Z]"},
	    {"{\"maximum\": 10}", "15819012382",
	        "1:1 : must be at most 10 (found 1581*******)"},
	    {"{\"enum\": [1]}", "15819012382",
	        "1:1 : 1581******* is not one of: 1"},
	    {"{\"minimum\": 1, \"maximum\": 5}", "0",
	        "1:1 : must be at least 1 (found 0)"},
	    {"{\"exclusiveMinimum\": 0, \"exclusiveMaximum\": 10}", "10",
	        "1:1 : must be less than 10 (found 10)"},
	    {"{\"exclusiveMinimum\": 0}", "0.0",
	        "1:1 : must be greater than 0 (found 0.0)"},
	    {"{\"maximum\": 100}", "100.5",
	        "1:1 : must be at most 100 (found 100.5)"},
	    {"{\"multipleOf\": 0.01}", "19.99", ""},
	    {"{\"multipleOf\": 0.01}", "0.005",
	        "1:1 : must be a multiple of 0.01"},
	    {"{\"multipleOf\": 3}", "9.0", ""},
	    {"{\"format\": \"date\"}", "2026-02-29",
	        "1:1 : expected a date YYYY-MM-DD"},
	    {"{\"format\": \"date\"}", "2026-03-02", ""},
	    {"{\"format\": \"date\"}", "7", ""},
	    {"{\"format\": \"date-time\"}", "2026-03-02T10:15:00",
	        "1:1 : ambiguous date-time: add a UTC offset"},
	    {"{\"format\": \"date-time\"}", "2026-03-02T10:15+01:00", ""},
	    {"{\"format\": \"date-time\"}", "2026-03-02T25:15:00Z",
	        "1:1 : expected a date-time like 2026-03-02T10:15:00+01:00"},
	    {"{\"format\": \"email\"}", "personvern@kommune.no", ""},
	    {"{\"format\": \"email\"}", "personvern.kommune.no",
	        "1:1 : expected an email address"},
	    {"{\"format\": \"uri\"}", "not a uri", ""},
	    {"{\"dependentRequired\": {\"a\": [\"b\", \"c\"]}}", "a: 1\nc: 2\n",
	        "1:1 : field \"b\" is required when \"a\" is present"},
	    {"{\"dependentSchemas\": {\"a\": {\"required\": [\"b\"]}}}",
	        "a: 1\n", "1:1 : missing required field \"b\""},
	    {"{\"propertyNames\": {\"pattern\": \"^[a-z_]+$\"}}",
	        "ok: 1\nNot: 2\n",
	        "2:1 /Not: field name \"Not\" is not allowed"},
	    {"{\"propertyNames\": {\"maxLength\": 1}}", "1: a\n12: b\n",
	        "2:1 /12: field name \"12\" is not allowed"},
	    /* One message per string, not one per keyword. */
	    {"{\"type\": \"string\", \"minLength\": 1, \"pattern\": \"\\\\S\"}",
	        "\"\"", "1:1 : must not be empty"},
	    {"{\"type\": \"string\", \"minLength\": 1, \"pattern\": \"\\\\S\"}",
	        "\" \"", "1:1 : \" \" does not match the pattern \\S"},
	    {"{\"format\": \"date\", \"pattern\": \"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}",
	        "yes", "1:1 : expected a date YYYY-MM-DD"},
	    {"false", "a", "1:1 : no value is allowed here"},
	    {"true", "a", ""},
	};

	(void)state;
	run_cases(cases, sizeof cases / sizeof *cases);
}

/* One message for anyOf/oneOf/not/if, never every sub-failure. */
static void
test_applicators(void **state)
{
	static const char tagged[] =
	    "{\"properties\": {\"t\": {\"anyOf\": ["
	    "{\"type\": \"object\", \"properties\": {\"kind\": {\"const\": "
	    "\"transfer\"}, \"safeguard\": {\"type\": \"string\"}}, "
	    "\"required\": [\"kind\", \"safeguard\"]},"
	    "{\"type\": \"object\", \"properties\": {\"kind\": {\"enum\": "
	    "[\"internal\", \"eea\"]}}, \"required\": [\"kind\"]}]}}}";
	const struct vcase cases[] = {
	    /* The branch the discriminator selects is the one explained. */
	    {tagged, "t:\n  kind: transfer\n  safeguard: 3\n",
	        "3:14 /t/safeguard: expected a string, found an integer"},
	    {tagged, "t:\n  kind: transfer\n",
	        "2:3 /t: missing required field \"safeguard\""},
	    {tagged, "t:\n  kind: transfr\n",
	        "2:9 /t/kind: \"transfr\" is not one of: transfer, internal, eea"},
	    {tagged, "t: [1]\n", "1:4 /t: expected a mapping, found a list"},
	    {tagged, "t:\n  other: 1\n",
	        "2:3 /t: does not match any of the allowed forms"},
	    {"{\"anyOf\": [{\"type\": \"string\", \"format\": \"date\"}, "
	     "{\"type\": \"null\"}]}",
	        "2026-13-01", "1:1 : expected a date YYYY-MM-DD"},
	    {"{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}",
	        "{a: 1}",
	        "1:1 : expected a string or an integer, found a mapping"},
	    {"{\"oneOf\": [{\"const\": \"a\"}, {\"const\": \"b\"}]}", "c",
	        "1:1 : \"c\" is not one of: a, b"},
	    {"{\"anyOf\": [{\"$ref\": \"#/$defs/d\"}, {\"const\": \"no\"}], "
	     "\"$defs\": {\"d\": {\"type\": \"string\", \"pattern\": "
	     "\"^DPIA-\"}}}",
	        "not-requred",
	        "1:1 : \"not-requred\" must be no or match the pattern ^DPIA-"},
	    {"{\"anyOf\": [{\"pattern\": \"^a\"}, {\"pattern\": \"^b\"}]}", "c",
	        "1:1 : \"c\" must match one of the patterns ^a, ^b"},
	    {"{\"oneOf\": [{\"type\": \"integer\"}, {\"minimum\": 2}]}", "3",
	        "1:1 : matches more than one of the allowed forms"},
	    {"{\"oneOf\": [{\"type\": \"integer\"}, {\"minimum\": 2}]}", "1",
	        ""},
	    {"{\"not\": {\"required\": [\"dpia\"]}}", "a: 1\ndpia: x\n",
	        "2:1 /dpia: field \"dpia\" is not allowed here"},
	    {"{\"not\": {\"enum\": [\"x\"]}}", "x",
	        "1:1 : \"x\" is not allowed here"},
	    {"{\"not\": {\"type\": \"string\"}}", "x",
	        "1:1 : matches a form that is not allowed here"},
	    {"{\"if\": {\"properties\": {\"risk\": {\"const\": \"high\"}}}, "
	     "\"then\": {\"required\": [\"notified\"]}, "
	     "\"else\": {\"properties\": {\"notified\": false}}}",
	        "risk: high\n", "1:1 : missing required field \"notified\""},
	    {"{\"if\": {\"properties\": {\"risk\": {\"const\": \"high\"}}}, "
	     "\"then\": {\"required\": [\"notified\"]}, "
	     "\"else\": {\"properties\": {\"notified\": false}}}",
	        "risk: low\nnotified: x\n",
	        "2:1 /notified: field \"notified\" is not allowed"},
	    /* The same failure through two paths is reported once. */
	    {"{\"required\": [\"a\"], \"allOf\": [{\"required\": [\"a\"]}, "
	     "{\"$ref\": \"#/$defs/x\"}], \"$defs\": {\"x\": {\"required\": "
	     "[\"a\", \"b\"]}}}",
	        "c: 1\n",
	        "1:1 : missing required field \"a\"\n"
	        "1:1 : missing required field \"b\""},
	    /* Every failure, not only the first. */
	    {"{\"properties\": {\"a\": {\"type\": \"string\"}, \"b\": "
	     "{\"type\": \"string\"}}, \"required\": [\"c\"]}",
	        "a: 1\nb: 2\n",
	        "1:1 : missing required field \"c\"\n"
	        "1:4 /a: expected a string, found an integer\n"
	        "2:4 /b: expected a string, found an integer"},
	};

	(void)state;
	run_cases(cases, sizeof cases / sizeof *cases);
}

struct pcase {
	const char *pattern, *subject;
	int valid;
};

/* Patterns have ECMA-262 meaning, not PCRE2's. */
static void
test_patterns(void **state)
{
	static const struct pcase cases[] = {
	    {"^\\d+$", "123", 1},
	    {"^\\d+$", "١٢٣", 0},
	    {"^\\w+$", "abc_1", 1},
	    {"^\\w+$", "é", 0},
	    {"^\\s$", "\xEF\xBB\xBF", 1},
	    {"^\\s$", "\xC2\xA0", 1},
	    {"^\\s$", "\xE2\x80\xA8", 1},
	    {"^\\S$", "\xE2\x80\x83", 0},
	    {"\\S", "", 0},
	    {"\\S", " \t\n\v\f\r", 0},
	    {"\\S", " \t x", 1},
	    {"\\S", "\x01", 1},
	    {"\\S", " \xE2\x80\x83\xC2\xA0", 0},
	    {"\\S",
	        " \xE2\x80\x83"
	        "a",
	        1},
	    {"\\S", "\xC3\xA6", 1},
	    {"^[\\S]+$", "ab", 1},
	    {"^[\\S]+$", "a b", 0},
	    {"^[^\\S]$", " ", 1},
	    {"^[^\\S]$", "a", 0},
	    {"^[^\\S ]$", "\t", 1},
	    {"^[^\\S ]$", " ", 0},
	    {"^[a\\S]$", "x", 1},
	    {"^a$", "a\n", 0},
	    {"^.$", "\n", 0},
	    {"^.$", "\r", 0},
	    {"^.$", "\xE2\x80\xA8", 0},
	    {"^.$", "😀", 1},
	    {"^[^]$", "\n", 1},
	    {"[]", "a", 0},
	    {"^[]a]$", "a", 0},
	    {"^\\p{Letter}+$", "Ωmega", 1},
	    {"^\\p{L}+$", "123", 0},
	    {"^\\p{Lu}\\p{Lowercase_Letter}$", "Ab", 1},
	    {"^\\p{General_Category=Decimal_Number}$", "٣", 1},
	    {"^\\p{gc=Nd}$", "x", 0},
	    {"^\\p{Script=Greek}+$", "αβγ", 1},
	    {"^\\p{Script=Greek}+$", "abc", 0},
	    {"^\\p{sc=Grek}$", "λ", 1},
	    {"^\\p{scx=Latn}$", "a", 1},
	    {"^\\P{Letter}$", "1", 1},
	    {"^\\p{Assigned}$", "a", 1},
	    {"^\\P{Assigned}$", "a", 0},
	    {"^\\u{1F600}$", "😀", 1},
	    {"^\\uD83D\\uDE00$", "😀", 1},
	    {"^\\u00e6$", "æ", 1},
	    {"^\\x41\\cJ$", "A\n", 1},
	    {"^\\v$", "\v", 1},
	    {"^[\\b]$", "\b", 1},
	    {"^(?<y>\\d{4})-\\k<y>$", "2020-2020", 1},
	    {"^(a)\\1$", "aa", 1},
	    {"^[\\]\\-]+$", "]-", 1},
	    {"^[a-c\\d]+$", "b2", 1},
	    {"^\\/\\.$", "/.", 1},
	    {"(?=a)a", "a", 1},
	    {"(?<!x)b", "xb", 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf json = BUF_INIT, yaml = BUF_INIT;
		struct diag_list d = DIAG_LIST_INIT;
		struct yml_doc *doc = NULL;
		struct schema_set *set;

		buf_puts(&json, "{\"pattern\": \"");
		for (const char *p = cases[i].pattern; *p; p++) {
			if (*p == '\\' || *p == '"')
				buf_putc(&json, '\\');
			buf_putc(&json, *p);
		}
		buf_puts(&json, "\"}");
		set = compile1(json.ptr);
		/* A YAML double-quoted scalar holds any subject. */
		buf_putc(&yaml, '"');
		for (const unsigned char *p =
		         (const unsigned char *)cases[i].subject;
		     *p; p++)
			if (*p < 0x20 || *p == '"' || *p == '\\')
				buf_printf(&yaml, "\\x%02x", *p);
			else
				buf_putc(&yaml, *p);
		buf_putc(&yaml, '"');
		if (yml_parse(&doc, "s", yaml.ptr, yaml.len,
		        YML_ANY_ROOT | YML_ALLOW_CTRL, &d) < 0)
			fail_msg("subject %zu not loaded", i);
		if (schema_is_valid(schema_set_get(set, "t.schema.json"),
		        doc->root) != cases[i].valid)
			fail_msg("pattern %s on %s: want %s", cases[i].pattern,
			    yaml.ptr, cases[i].valid ? "match" : "none");
		yml_doc_free(doc);
		diag_list_free(&d);
		schema_set_free(set);
		buf_free(&json);
		buf_free(&yaml);
	}
}

static void
test_ref_between_files(void **state)
{
	static const struct file files[] = {
	    {"common.schema.json",
	        "{\"$defs\": {\"date\": {\"type\": \"string\", \"format\": "
	        "\"date\"}, \"a~b/c%d\": {\"minimum\": 5}}}"},
	    {"incident.schema.json",
	        "{\"type\": \"object\", \"properties\": {"
	        "\"found\": {\"$ref\": \"common.schema.json#/$defs/date\"},"
	        "\"n\": {\"$ref\": \"./common.schema.json#/$defs/a~0b~1c%25d\"},"
	        "\"next\": {\"$ref\": \"#\"}}}"},
	};
	struct buf err = BUF_INIT;
	struct schema_set *set = compile(files, 2, &err);
	const struct schema *s;
	char *got;

	(void)state;
	if (set == NULL)
		fail_msg("%s", err.ptr);
	s = schema_set_get(set, "incident.schema.json");
	assert_non_null(s);
	assert_null(schema_set_get(set, "nope.schema.json"));
	got = findings(s, "found: 2026-02-30\nn: 1\nnext:\n  found: x\n");
	assert_string_equal(got,
	    "1:8 /found: expected a date YYYY-MM-DD\n"
	    "2:4 /n: must be at least 5 (found 1)\n"
	    "4:10 /next/found: expected a date YYYY-MM-DD");
	free(got);
	schema_set_free(set);
	buf_free(&err);
}

struct ecase {
	const char *json, *want;
};

static void
test_compile_errors(void **state)
{
	static const struct ecase cases[] = {
	    {"{\"minLength\": \"x\"}",
	        "schema/t.schema.json:1:15: invalid schema: \"minLength\" must "
	        "be a non-negative integer"},
	    {"{\n  \"type\": \"strin\"\n}",
	        "schema/t.schema.json:2:11: invalid schema: \"type\" must be one "
	        "of null, boolean, integer, number, string, array, object, or "
	        "an array of them"},
	    {"{\"required\": [\"a\", \"a\"]}",
	        "schema/t.schema.json:1:20: invalid schema: \"required\" lists "
	        "\"a\" twice"},
	    {"{\"multipleOf\": 0}",
	        "schema/t.schema.json:1:16: invalid schema: \"multipleOf\" must "
	        "be a number above 0"},
	    {"{\"properties\": {\"a\": 3}}",
	        "schema/t.schema.json:1:22: invalid schema: \"properties\" must "
	        "be a schema (an object or a boolean)"},
	    {"{\"pattern\": \"[a\"}",
	        "schema/t.schema.json:1:13: invalid schema: pattern \"[a\": "
	        "unterminated character class"},
	    {"{\"pattern\": \"\\\\A\"}",
	        "schema/t.schema.json:1:13: invalid schema: pattern \"\\A\": "
	        "invalid escape in pattern"},
	    {"{\"pattern\": \"[\\\\d-z]\"}",
	        "schema/t.schema.json:1:13: invalid schema: pattern \"[\\d-z]\": "
	        "class escape in a range"},
	    {"{\"pattern\": \"\\\\p{Nope=x}\"}",
	        "schema/t.schema.json:1:13: invalid schema: pattern "
	        "\"\\p{Nope=x}\": unknown \\p{} property"},
	    {"{\"contains\": {}}",
	        "schema/t.schema.json:1:2: invalid schema: keyword \"contains\" "
	        "is not supported"},
	    {"{\"$ref\": \"#/$defs/nope\"}",
	        "schema/t.schema.json:1:10: invalid schema: $ref "
	        "\"#/$defs/nope\" names nothing"},
	    {"{\"$ref\": \"other.schema.json#/x\"}",
	        "schema/t.schema.json:1:10: invalid schema: $ref "
	        "\"other.schema.json#/x\": no schema file \"other.schema.json\""},
	    {"{\"$ref\": \"#/x/0\", \"x\": [1]}",
	        "schema/t.schema.json:1:10: invalid schema: $ref \"#/x/0\" "
	        "names an integer, not a schema"},
	    {"[1]",
	        "schema/t.schema.json:1:1: invalid schema: a schema must "
	        "be an object or a boolean, not a list"},
	    {"{\"$ref\": \"#anchor\"}",
	        "schema/t.schema.json:1:10: invalid schema: $ref \"#anchor\": "
	        "only JSON-pointer fragments are supported"},
	    {"{\"$ref\": \"#\"}",
	        "schema/t.schema.json:1:10: invalid schema: subschemas refer to "
	        "each other in a loop that never reaches a value"},
	    {"{\"$defs\": {\"a\": {\"allOf\": [{\"$ref\": \"#/$defs/b\"}]}, "
	     "\"b\": {\"not\": {\"$ref\": \"#/$defs/a\"}}}, \"$ref\": "
	     "\"#/$defs/a\"}",
	        "schema/t.schema.json:1:75: invalid schema: subschemas refer to "
	        "each other in a loop that never reaches a value"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct file f = {"t.schema.json", cases[i].json};
		struct buf err = BUF_INIT;

		assert_null(compile(&f, 1, &err));
		if (strcmp(err.ptr, cases[i].want) != 0)
			fail_msg("%s\ngot:  %s\nwant: %s", cases[i].json,
			    err.ptr, cases[i].want);
		buf_free(&err);
	}
}

/* Unknown keywords are annotations; a $ref into one is still followed. */
static void
test_annotations(void **state)
{
	struct schema_set *set = compile1(
	    "{\"title\": \"T\", \"description\": \"D\", \"x-extra\": [1], "
	    "\"definitions\": {\"s\": {\"type\": \"string\"}}, "
	    "\"$comment\": \"c\", \"examples\": [1], \"default\": 2, "
	    "\"items\": {\"$ref\": \"#/definitions/s\"}}");
	char *got = findings(schema_set_get(set, "t.schema.json"), "[a, 1]");

	(void)state;
	assert_string_equal(got, "1:5 /1: expected a string, found an integer");
	free(got);
	schema_set_free(set);
}

static void
test_builtin(void **state)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct schema_set *set = NULL;

	(void)state;
	schema_set_new(&set);
	assert_int_equal(schema_set_add_builtin(set, &d), 0);
	assert_int_equal(schema_set_finish(set, &d), 0);
	assert_int_equal(d.n, 0);
	schema_set_free(set);
	diag_list_free(&d);
}

/*
 * Subschemas that reach one node by several paths are evaluated once per
 * node, not once per path (2^60 here).
 */
static void
test_no_blowup(void **state)
{
	static const char *const schemas[] = {
	    "{\"items\": {\"$ref\": \"#\"}, \"anyOf\": [{\"$ref\": "
	    "\"#/$defs/a\"}, {\"$ref\": \"#/$defs/a\"}], \"$defs\": {\"a\": "
	    "{\"items\": {\"$ref\": \"#\"}}}}",
	    "{\"type\": \"array\", \"allOf\": [{\"$ref\": \"#/$defs/a\"}, "
	    "{\"$ref\": \"#/$defs/a\"}], \"$defs\": {\"a\": {\"items\": "
	    "{\"$ref\": \"#\"}}}}",
	};
	struct buf yaml = BUF_INIT;

	(void)state;
	for (int i = 0; i < 60; i++)
		buf_putc(&yaml, '[');
	buf_putc(&yaml, '1');
	for (int i = 0; i < 60; i++)
		buf_putc(&yaml, ']');
	for (size_t i = 0; i < sizeof schemas / sizeof *schemas; i++) {
		struct schema_set *set = compile1(schemas[i]);
		char *got =
		    findings(schema_set_get(set, "t.schema.json"), yaml.ptr);

		if (i == 0)
			assert_string_equal(got, "");
		else
			assert_true(strncmp(got, "1:61 /0/0/0/0/0", 15) == 0 &&
			    strstr(got,
			        ": expected a list, found an "
			        "integer") != NULL &&
			    strchr(got, '\n') == NULL);
		free(got);
		schema_set_free(set);
	}
	buf_free(&yaml);
}

struct job {
	const struct schema *s;
	const struct yml_node *good, *bad;
	int errors;
};

static void *
worker(void *arg)
{
	struct job *j = arg;

	for (int i = 0; i < 2000; i++) {
		struct diag_list d = DIAG_LIST_INIT;

		if (!schema_is_valid(j->s, j->good) ||
		    schema_is_valid(j->s, j->bad) ||
		    schema_validate(j->s, j->bad, "x", &d) != 2)
			j->errors++;
		diag_list_free(&d);
	}
	return NULL;
}

/* One compiled schema, used from several threads at once. */
static void
test_threads(void **state)
{
	struct schema_set *set = compile1(
	    "{\"properties\": {\"id\": {\"pattern\": \"^REG-\\\\d+$\"}, "
	    "\"d\": {\"format\": \"date\"}}}");
	struct diag_list d = DIAG_LIST_INIT;
	struct yml_doc *good = NULL, *bad = NULL;
	struct job jobs[4];
	pthread_t th[4];

	(void)state;
	assert_int_equal(
	    yml_parse(&good, "g", "id: REG-1\nd: 2026-01-01\n", 24, 0, &d), 0);
	assert_int_equal(
	    yml_parse(&bad, "b", "id: REG-x\nd: 2026-01-32\n", 24, 0, &d), 0);
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){schema_set_get(set, "t.schema.json"),
		    good->root, bad->root, 0};
		assert_int_equal(
		    pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(jobs[i].errors, 0);
	}
	yml_doc_free(good);
	yml_doc_free(bad);
	diag_list_free(&d);
	schema_set_free(set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_keywords),
	    cmocka_unit_test(test_applicators),
	    cmocka_unit_test(test_patterns),
	    cmocka_unit_test(test_ref_between_files),
	    cmocka_unit_test(test_compile_errors),
	    cmocka_unit_test(test_annotations),
	    cmocka_unit_test(test_builtin),
	    cmocka_unit_test(test_no_blowup),
	    cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
