/* Unit tests for src/jsonw.c: escaping, numbers, nesting, misuse. */
#include <fcntl.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jsonw.h"
#include "unit.h"

/* One value written compactly, without the final newline. */
static const char *
one_string(struct buf *b, const char *s, size_t len)
{
	struct jsonw w;

	buf_reset(b);
	jsonw_init(&w, b, 0);
	jsonw_strn(&w, s, len);
	assert_true(b->len > 0 && b->ptr[b->len - 1] == '\n');
	buf_truncate(b, b->len - 1);
	return buf_cstr(b);
}

static void
test_control_characters(void **state)
{
	static const char *const esc[32] = {"\\u0000", "\\u0001", "\\u0002",
	    "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007", "\\b", "\\t",
	    "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f", "\\u0010",
	    "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016",
	    "\\u0017", "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c",
	    "\\u001d", "\\u001e", "\\u001f"};
	struct buf b = BUF_INIT;
	char in[3], want[16];
	int c;

	(void)state;
	for (c = 0; c < 32; c++) {
		in[0] = 'a';
		in[1] = (char)c;
		in[2] = 'z';
		snprintf(want, sizeof want, "\"a%sz\"", esc[c]);
		assert_string_equal(one_string(&b, in, 3), want);
	}
	buf_free(&b);
}

static const struct {
	const char *in;
	size_t len;
	const char *out;
} string_cases[] = {
    {"quote \" back \\ slash /", 22, "\"quote \\\" back \\\\ slash /\""},
    {"", 0, "\"\""},
    {"\x7F", 1, "\"\x7F\""},
    {"Bl\xC3\xA5"
     "b\xC3\xA6r \xE2\x9C\x93 \xF0\x9F\x98\x80",
        17,
        "\"Bl\xC3\xA5"
        "b\xC3\xA6r \xE2\x9C\x93 \xF0\x9F\x98\x80\""},
    {"\xE2\x80\xA8\xE2\x80\xA9", 6, "\"\\u2028\\u2029\""},
    /* ill-formed UTF-8: one U+FFFD per maximal subpart */
    {"a\xFF"
     "b",
        3,
        "\"a\xEF\xBF\xBD"
        "b\""},
    {"a\xE2\x82"
     "b",
        4,
        "\"a\xEF\xBF\xBD"
        "b\""},
    {"\xC0\xAF", 2, "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
    {"\xED\xA0\x80", 3, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
    {"\xF4\x90\x80\x80", 4,
        "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
    {"end\xF0\x9F\x98", 6, "\"end\xEF\xBF\xBD\""},
};

static void
test_strings(void **state)
{
	struct buf b = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof string_cases / sizeof string_cases[0]; i++) {
		const char *got =
		    one_string(&b, string_cases[i].in, string_cases[i].len);

		if (strcmp(got, string_cases[i].out))
			fail_msg("case %zu: [%s], want [%s]", i, got,
			    string_cases[i].out);
	}
	buf_free(&b);
}

static void
test_numbers(void **state)
{
	struct buf b = BUF_INIT;
	struct jsonw w;

	(void)state;
	jsonw_init(&w, &b, 0);
	jsonw_arr_begin(&w);
	jsonw_tenths(&w, 715);
	jsonw_tenths(&w, -5);
	jsonw_tenths(&w, 0);
	jsonw_tenths(&w, 10);
	jsonw_tenths(&w, -715);
	jsonw_tenths(&w, LONG_MIN);
	jsonw_int(&w, INT64_MIN);
	jsonw_int(&w, INT64_MAX);
	jsonw_double(&w, 0.1);
	jsonw_double(&w, 71.5);
	jsonw_double(&w, 1.0 / 3);
	jsonw_double(&w, 3);
	jsonw_double(&w, 1e21);
	jsonw_double(&w, 5e-324);
	jsonw_double(&w, DBL_MAX);
	jsonw_double(&w, -0.0);
	jsonw_double(&w, NAN);
	jsonw_double(&w, -INFINITY);
	jsonw_bool(&w, 1);
	jsonw_bool(&w, 0);
	jsonw_null(&w);
	jsonw_str(&w, NULL);
	jsonw_arr_end(&w);
	assert_string_equal(buf_cstr(&b),
	    "[71.5,-0.5,0.0,1.0,-71.5,-922337203685477580.8,"
	    "-9223372036854775808,9223372036854775807,"
	    "0.1,71.5,0.3333333333333333,3,1e+21,5e-324,"
	    "1.7976931348623157e+308,-0,null,null,true,false,null,null]\n");
	buf_free(&b);
}

static void
write_doc(struct jsonw *w)
{
	jsonw_obj_begin(w);
	jsonw_key(w, "year");
	jsonw_int(w, 2026);
	jsonw_key(w, "quarters");
	jsonw_arr_begin(w);
	jsonw_obj_begin(w);
	jsonw_key(w, "quarter");
	jsonw_str(w, "Q1");
	jsonw_key(w, "tasks");
	jsonw_arr_begin(w);
	jsonw_arr_end(w);
	jsonw_key(w, "extra");
	jsonw_obj_begin(w);
	jsonw_obj_end(w);
	jsonw_obj_end(w);
	jsonw_int(w, 2);
	jsonw_arr_end(w);
	jsonw_key(w, "k\"ey");
	jsonw_bool(w, 1);
	jsonw_obj_end(w);
}

static void
test_nesting(void **state)
{
	struct buf b = BUF_INIT;
	struct jsonw w;

	(void)state;
	jsonw_init(&w, &b, 1);
	write_doc(&w);
	assert_int_equal(w.depth, 0);
	assert_string_equal(buf_cstr(&b),
	    "{\n"
	    "  \"year\": 2026,\n"
	    "  \"quarters\": [\n"
	    "    {\n"
	    "      \"quarter\": \"Q1\",\n"
	    "      \"tasks\": [],\n"
	    "      \"extra\": {}\n"
	    "    },\n"
	    "    2\n"
	    "  ],\n"
	    "  \"k\\\"ey\": true\n"
	    "}\n");
	buf_reset(&b);
	jsonw_init(&w, &b, 0);
	write_doc(&w);
	jsonw_str(&w, "second line");
	assert_string_equal(buf_cstr(&b),
	    "{\"year\":2026,\"quarters\":[{\"quarter\":\"Q1\",\"tasks\":[],"
	    "\"extra\":{}},2],\"k\\\"ey\":true}\n"
	    "\"second line\"\n");
	buf_free(&b);
}

static void
misuse_value_without_key(struct jsonw *w)
{
	jsonw_obj_begin(w);
	jsonw_int(w, 1);
}

static void
misuse_key_in_array(struct jsonw *w)
{
	jsonw_arr_begin(w);
	jsonw_key(w, "k");
}

static void
misuse_wrong_end(struct jsonw *w)
{
	jsonw_arr_begin(w);
	jsonw_obj_end(w);
}

static void
misuse_key_without_value(struct jsonw *w)
{
	jsonw_obj_begin(w);
	jsonw_key(w, "k");
	jsonw_obj_end(w);
}

static void
misuse_two_keys(struct jsonw *w)
{
	jsonw_obj_begin(w);
	jsonw_key(w, "a");
	jsonw_key(w, "b");
}

static void
misuse_end_at_top(struct jsonw *w)
{
	jsonw_arr_end(w);
}

static void
misuse_too_deep(struct jsonw *w)
{
	int i;

	for (i = 0; i <= JSONW_MAX_DEPTH; i++)
		jsonw_arr_begin(w);
}

/* Each misuse must stop the program (assert) rather than write JSON. */
static void
test_misuse_asserts(void **state)
{
	static void (*const misuse[])(struct jsonw *) = {
	    misuse_value_without_key, misuse_key_in_array, misuse_wrong_end,
	    misuse_key_without_value, misuse_two_keys, misuse_end_at_top,
	    misuse_too_deep};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof misuse / sizeof misuse[0]; i++) {
		int status;
		pid_t pid = fork();

		assert_true(pid >= 0);
		if (pid == 0) {
			struct buf b = BUF_INIT;
			struct jsonw w;
			int null = open("/dev/null", O_WRONLY);

			dup2(null, 2); /* the assertion message */
			jsonw_init(&w, &b, 0);
			misuse[i](&w);
			_exit(0);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT)
			fail_msg("misuse %zu did not abort", i);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_control_characters),
	    cmocka_unit_test(test_strings),
	    cmocka_unit_test(test_numbers),
	    cmocka_unit_test(test_nesting),
	    cmocka_unit_test(test_misuse_asserts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
