/* Unit tests of the edit module: byte-exact edits of commented YAML. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "buf.h"
#include "edit.h"

/* Comments after values, blank lines, flow mappings, quoted values, a
 * block scalar and non-ASCII text before values on their lines. */
static const char fixture[] =
    "\xEF\xBB\xBF# Plan with odd formatting\n"
    "id: PLAN-2020   # the id\n"
    "year: 2020\n"
    "\"tittel_\xC3\xA6\xC3\xB8\xC3\xA5\": \"\xC3\x86rlig talt\"   # quoted\n"
    "single: 'it''s'\n"
    "flow: {a: 1, b: \"two\"}   # flow mapping\n"
    "empty_flow: {}\n"
    "nullv:    # nothing yet\n"
    "tilde: ~ # tilde\n"
    "\n"
    "themes:\n"
    "  Q1: [Dataskydd, \"Register: alla\"]  # list\n"
    "tasks:\n"
    "  # first task\n"
    "  - id: T01\n"
    "    title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n"
    "    percent: 75 # three quarters\n"
    "    notes: |\n"
    "      line one\n"
    "      line two\n"
    "\n"
    "  - {id: T02, quarter: Q2}\n"
    "  - id: T03\n"
    "    percent: 10\n"
    "\n"
    "# trailing comment\n";

/* An edit and the one fragment of the text it must change. */
struct edit_case {
	const char *path;
	const char *value;
	enum edit_type type;
	const char *before; /* occurs exactly once in the fixture */
	const char *after;
};

static const struct edit_case cases[] = {
    /* Replacements keep the style and the comment after the value. */
    {"year", "2021", EDIT_INT, "year: 2020\n", "year: 2021\n"},
    {"id", "PLAN-2021", EDIT_STR, "id: PLAN-2020   # the id\n",
        "id: PLAN-2021   # the id\n"},
    {"tittel_\xC3\xA6\xC3\xB8\xC3\xA5", "Ny \xC3\xA6", EDIT_STR,
        "\"\xC3\x86rlig talt\"   # quoted\n", "\"Ny \xC3\xA6\"   # quoted\n"},
    {"tittel_\xC3\xA6\xC3\xB8\xC3\xA5", "say \"hi\" \\o/", EDIT_STR,
        "\"\xC3\x86rlig talt\"   #", "\"say \\\"hi\\\" \\\\o/\"   #"},
    {"single", "a'b", EDIT_STR, "single: 'it''s'\n", "single: 'a''b'\n"},
    {"flow.b", "three", EDIT_STR, "{a: 1, b: \"two\"}", "{a: 1, b: \"three\"}"},
    {"flow.a", "2", EDIT_INT, "{a: 1, b:", "{a: 2, b:"},
    {"tasks[0].percent", "100", EDIT_INT, "percent: 75 # three",
        "percent: 100 # three"},
    {"tasks[0].title", "Ny: tittel", EDIT_STR,
        "title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n",
        "title: \"Ny: tittel\"\n"},
    {"tasks[0].title", "123", EDIT_STR,
        "title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n",
        "title: \"123\"\n"},
    {"tasks[0].title", "true", EDIT_STR,
        "title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n",
        "title: \"true\"\n"},
    {"tasks[0].title", "yes", EDIT_STR,
        "title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n",
        "title: \"yes\"\n"},
    {"tasks[0].title", "~", EDIT_STR,
        "title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n",
        "title: \"~\"\n"},
    {"tasks[0].title", "2026-01-15", EDIT_STR,
        "title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n",
        "title: \"2026-01-15\"\n"},
    {"tasks[0].title", "2026-01-15", EDIT_DATE,
        "title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n",
        "title: 2026-01-15\n"},
    {"tasks[0].title", "two\nlines", EDIT_STR,
        "title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n",
        "title: \"two\\nlines\"\n"},
    {"tasks[0].title", "a #b", EDIT_STR,
        "title: F\xC3\xB8rste oppgave \xE2\x80\x94 \xC3\xA6rlig\n",
        "title: \"a #b\"\n"},
    {"nullv", "x", EDIT_STR, "nullv:    # nothing yet\n",
        "nullv: x    # nothing yet\n"},
    {"tilde", "x", EDIT_STR, "tilde: ~ # tilde\n", "tilde: x # tilde\n"},
    {"themes.Q1[1]", "Register: ny", EDIT_STR, "\"Register: alla\"",
        "\"Register: ny\""},
    {"themes.Q1[0]", "Ny, tema", EDIT_STR, "[Dataskydd,", "[\"Ny, tema\","},
    {"themes.Q1[0]", "Nytt", EDIT_STR, "[Dataskydd,", "[Nytt,"},
    {"tasks[1].quarter", "Q3", EDIT_STR, "{id: T02, quarter: Q2}",
        "{id: T02, quarter: Q3}"},
    /* Block scalars stay block scalars when they can. */
    {"tasks[0].notes", "one\ntwo\n", EDIT_STR,
        "    notes: |\n      line one\n      line two\n",
        "    notes: |\n      one\n      two\n"},
    {"tasks[0].notes", "single", EDIT_STR,
        "    notes: |\n      line one\n      line two\n",
        "    notes: |-\n      single\n"},
    {"tasks[0].notes", " leading space\n", EDIT_STR,
        "    notes: |\n      line one\n      line two\n",
        "    notes: \" leading space\\n\"\n"},
    /* Insertions: after the last pair, at the mapping's indentation. */
    {"tasks[2].status", "done", EDIT_STR, "    percent: 10\n",
        "    percent: 10\n    status: done\n"},
    {"tasks[0].status", "done", EDIT_STR, "      line two\n\n",
        "      line two\n    status: done\n\n"},
    {"tasks[1].percent", "5", EDIT_INT, "{id: T02, quarter: Q2}",
        "{id: T02, quarter: Q2, percent: 5}"},
    {"empty_flow.k", "v", EDIT_STR, "empty_flow: {}", "empty_flow: {k: v}"},
    {"flow.c.d", "1", EDIT_INT, "b: \"two\"}", "b: \"two\", c: {d: 1}}"},
    {"auth.notified", "2026-03-04T09:00:00+01:00", EDIT_DATE,
        "    percent: 10\n\n",
        "    percent: 10\nauth:\n  notified: 2026-03-04T09:00:00+01:00\n\n"},
    {"themes.Q2", "x", EDIT_STR, "\"Register: alla\"]  # list\n",
        "\"Register: alla\"]  # list\n  Q2: x\n"},
    {"nullv.x", "1", EDIT_INT, "nullv:    # nothing yet\n",
        "nullv:    # nothing yet\n  x: 1\n"},
    {"tilde.x", "1", EDIT_INT, "tilde: ~ # tilde\n",
        "tilde:  # tilde\n  x: 1\n"},
};

/* s with every "\n" turned into "\r\n". */
static char *
crlf(const char *s)
{
	struct buf b = BUF_INIT;

	for (; *s; s++) {
		if (*s == '\n')
			buf_putc(&b, '\r');
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

/* text with its one occurrence of from replaced by to. */
static char *
replace_once(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	struct buf b = BUF_INIT;

	assert_non_null(at);
	assert_null(strstr(at + 1, from));
	buf_add(&b, text, (size_t)(at - text));
	buf_puts(&b, to);
	buf_puts(&b, at + strlen(from));
	return buf_detach(&b);
}

static void
run_case(const char *text, const struct edit_case *c, int use_crlf)
{
	struct diag_list d = DIAG_LIST_INIT;
	struct edit *e = NULL;
	char *before = use_crlf ? crlf(c->before) : strdup(c->before);
	char *after = use_crlf ? crlf(c->after) : strdup(c->after);
	char *want = replace_once(text, before, after);
	const char *got;
	size_t len;

	assert_int_equal(edit_open(&e, "t.yaml", text, strlen(text), &d), 0);
	if (edit_set(e, c->path, c->value, c->type) != 0)
		fail_msg("edit of %s failed", c->path);
	got = edit_text(e, &len);
	if (len != strlen(want) || memcmp(got, want, len) != 0)
		fail_msg("edit of %s (%s):\n--- want\n%s\n--- got\n%.*s",
		    c->path, use_crlf ? "CRLF" : "LF", want, (int)len, got);
	edit_free(e);
	diag_list_free(&d);
	free(before);
	free(after);
	free(want);
}

static void
test_edits_lf(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(fixture, &cases[i], 0);
}

/* The same edits on the file with CRLF line ends and without a BOM. */
static void
test_edits_crlf(void **state)
{
	char *text = crlf(fixture + 3);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(text, &cases[i], 1);
	free(text);
}

/* Edits that must be refused, leaving the text as it was. */
static void
test_refused(void **state)
{
	static const struct {
		const char *path, *value;
		enum edit_type type;
	} bad[] = {
	    {"tasks[5].percent", "1", EDIT_INT},   /* no such item */
	    {"year.x", "1", EDIT_INT},             /* year is a number */
	    {"themes", "x", EDIT_STR},             /* a mapping */
	    {"tasks.x", "1", EDIT_INT},            /* a list */
	    {"tasks[0].percent", "abc", EDIT_INT}, /* not an integer */
	    {"tasks[0].percent", "1.5", EDIT_INT},
	    {"tasks[0].done", "yes", EDIT_BOOL},
	    {"missing[0]", "1", EDIT_INT}, /* cannot create list items */
	    {"a..b", "1", EDIT_INT},       /* not a path */
	    {"tasks[x]", "1", EDIT_INT},   /* not a path */
	    {"tasks[0].title", "bell\a", EDIT_STR}, /* a control char */
	    {"tasks[0].notes", "nul\x7f", EDIT_STR},
	};
	struct diag_list d = DIAG_LIST_INIT;
	struct edit *e = NULL;
	const char *got;
	size_t i, len;

	(void)state;
	assert_int_equal(
	    edit_open(&e, "t.yaml", fixture, strlen(fixture), &d), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (edit_set(e, bad[i].path, bad[i].value, bad[i].type) != -1)
			fail_msg("edit of %s was not refused", bad[i].path);
		got = edit_text(e, &len);
		assert_int_equal(len, strlen(fixture));
		assert_memory_equal(got, fixture, len);
	}
	edit_free(e);
	diag_list_free(&d);
}

/* Several edits in a row; the parse follows the text. */
static void
test_sequence(void **state)
{
	static const char text[] = "a: 1 # one\n"
	                           "m:\n"
	                           "    k: v\n";
	static const char want[] = "a: 2 # one\n"
	                           "m:\n"
	                           "    k: w\n"
	                           "    n: true\n"
	                           "b:\n"
	                           "    c: x\n";
	struct diag_list d = DIAG_LIST_INIT;
	struct edit *e = NULL;
	const struct yml_node *n;

	(void)state;
	assert_int_equal(edit_open(&e, "t.yaml", text, strlen(text), &d), 0);
	assert_int_equal(edit_set(e, "a", "2", EDIT_INT), 0);
	assert_int_equal(edit_set(e, "m.k", "w", EDIT_STR), 0);
	assert_int_equal(edit_set(e, "m.n", "true", EDIT_BOOL), 0);
	/* The file's indentation step (4) is used for new mappings. */
	assert_int_equal(edit_set(e, "b.c", "x", EDIT_STR), 0);
	assert_string_equal(edit_text(e, NULL), want);
	n = edit_get(e, "m.n");
	assert_non_null(n);
	assert_int_equal(n->type, YML_BOOL);
	assert_null(edit_get(e, "m.zz"));
	assert_null(edit_get(e, "a[0]"));
	n = edit_get(e, "b.c");
	assert_non_null(n);
	assert_string_equal(n->str, "x");
	edit_free(e);
	diag_list_free(&d);
}

/* A file without a final line break keeps having none. */
static void
test_no_final_newline(void **state)
{
	static const char text[] = "a: 1\nb: [x]";
	struct diag_list d = DIAG_LIST_INIT;
	struct edit *e = NULL;

	(void)state;
	assert_int_equal(edit_open(&e, "t.yaml", text, strlen(text), &d), 0);
	assert_int_equal(edit_set(e, "c", "2", EDIT_INT), 0);
	assert_string_equal(edit_text(e, NULL), "a: 1\nb: [x]\nc: 2");
	edit_free(e);
	diag_list_free(&d);
}

/* Folded and kept block scalars, and insertion after them. */
static void
test_block_scalars(void **state)
{
	static const char text[] = "a: >-  # folded\n"
	                           "  some text\n"
	                           "  folded\n"
	                           "\n"
	                           "b: |+\n"
	                           "  kept\n"
	                           "\n"
	                           "# end\n";
	struct diag_list d = DIAG_LIST_INIT;
	struct edit *e = NULL;

	(void)state;
	assert_int_equal(edit_open(&e, "t.yaml", text, strlen(text), &d), 0);
	assert_int_equal(edit_set(e, "a", "new text", EDIT_STR), 0);
	assert_int_equal(edit_set(e, "c", "x", EDIT_STR), 0);
	assert_int_equal(edit_set(e, "b", "two\nlines\n", EDIT_STR), 0);
	/* The kept blank line was part of b's old value. */
	assert_string_equal(edit_text(e, NULL),
	    "a: >-  # folded\n"
	    "  new text\n"
	    "\n"
	    "b: |\n"
	    "  two\n"
	    "  lines\n"
	    "c: x\n"
	    "# end\n");
	edit_free(e);
	diag_list_free(&d);
}

static void
test_open_invalid(void **state)
{
	static const char text[] = "a: [1, 2\n";
	struct diag_list d = DIAG_LIST_INIT;
	struct edit *e = NULL;

	(void)state;
	assert_int_equal(edit_open(&e, "t.yaml", text, strlen(text), &d), -1);
	assert_null(e);
	assert_true(d.n > 0);
	assert_int_equal(d.v[0].rule, RULE_YAML);
	diag_list_free(&d);
}

static void
test_scalar(void **state)
{
	static const struct {
		const char *value;
		enum edit_type type;
		int flow;
		const char *want;
	} t[] = {
	    {"plain text", EDIT_STR, 0, "plain text"},
	    {"a, b", EDIT_STR, 0, "a, b"},
	    {"a, b", EDIT_STR, 1, "\"a, b\""},
	    {"12", EDIT_STR, 0, "\"12\""},
	    {"0x1F", EDIT_STR, 0, "\"0x1F\""},
	    {".inf", EDIT_STR, 0, "\".inf\""},
	    {"NO", EDIT_STR, 0, "\"NO\""},
	    {"null", EDIT_STR, 0, "\"null\""},
	    {"", EDIT_STR, 0, "\"\""},
	    {"- x", EDIT_STR, 0, "\"- x\""},
	    {"x:", EDIT_STR, 0, "\"x:\""},
	    {"12", EDIT_INT, 0, "12"},
	    {"2026-01-15", EDIT_DATE, 0, "2026-01-15"},
	    {"tab\there", EDIT_STR, 0, "\"tab\\there\""},
	    {"\xC3\xA6\xC3\xB8\xC3\xA5", EDIT_STR, 1,
	        "\xC3\xA6\xC3\xB8\xC3\xA5"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct buf b = BUF_INIT;

		edit_scalar(&b, t[i].value, t[i].type, t[i].flow);
		if (strcmp(buf_cstr(&b), t[i].want) != 0)
			fail_msg("edit_scalar(\"%s\") = %s, want %s",
			    t[i].value, buf_cstr(&b), t[i].want);
		buf_free(&b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_edits_lf),
	    cmocka_unit_test(test_edits_crlf),
	    cmocka_unit_test(test_refused),
	    cmocka_unit_test(test_sequence),
	    cmocka_unit_test(test_no_final_newline),
	    cmocka_unit_test(test_block_scalars),
	    cmocka_unit_test(test_open_invalid),
	    cmocka_unit_test(test_scalar),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
