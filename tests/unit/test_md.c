/* Unit tests for src/md.c: escaping, headings and pipe tables. */
#include <string.h>

#include "md.h"
#include "unit.h"

static const struct {
	const char *in, *out;
} cell_cases[] = {
    {"plain text", "plain text"},
    {"a|b", "a\\|b"},
    {"line1\nline2", "line1<br>line2"},
    {"dos\r\nline", "dos<br>line"},
    {"mac\rline", "mac<br>line"},
    {"  padded \t", "padded"},
    {"\nlead and trail\n", "lead and trail"},
    {"tab\there", "tab here"},
    {"back\\slash", "back\\\\slash"},
    {"*bold* `code` [link](x) <b> ~del~ $x$ 2^3", /* inline formatting */
        "\\*bold\\* \\`code\\` \\[link\\](x) \\<b> \\~del\\~ \\$x\\$ 2\\^3"},
    {"snake_case_name", "snake_case_name"},
    {"_under_", "\\_under\\_"},
    {"R&D", "R&D"},
    {"&amp; &#35; &x", "\\&amp; \\&#35; &x"},
    {"@cite but a@b.no", "\\@cite but a@b.no"},
    {"a--b---c", "a-\\-b-\\-\\-c"},
    {"{.class}", "\\{.class}"},
    /* block markers do not apply inside a cell */
    {"-3", "-3"},
    {"# 1. > +", "# 1. > +"},
    {"Bl\xC3\xA5"
     "b\xC3\xA6r \xE2\x9C\x93",
        "Bl\xC3\xA5"
        "b\xC3\xA6r \xE2\x9C\x93"},
    {"bad\xFF", "bad\xEF\xBF\xBD"},
    {"esc\x1B[2J", "esc\xEF\xBF\xBD\\[2J"},
    /* URLs become autolinks: no escapes inside them */
    {"see https://example.no/a_b*c.", "see <https://example.no/a_b*c>."},
    {"(http://x.no/p_(1))", "(<http://x.no/p_(1)>)"},
    {"http://x.no/a|b", "<http://x.no/a>\\|b"},
    {"http://", "http://"},
};

static void
test_cell_escape(void **state)
{
	struct buf b = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cell_cases / sizeof cell_cases[0]; i++) {
		buf_reset(&b);
		md_escape_cell(&b, cell_cases[i].in, strlen(cell_cases[i].in));
		if (strcmp(buf_cstr(&b), cell_cases[i].out))
			fail_msg("case %zu: [%s], want [%s]", i, buf_cstr(&b),
			    cell_cases[i].out);
	}
	buf_free(&b);
}

static const struct {
	const char *in, *out;
} inline_cases[] = {
    {"# not a heading", "\\# not a heading"},
    {"- not a list", "\\- not a list"},
    {"+ nor this", "\\+ nor this"},
    {"> no quote", "\\> no quote"},
    {"1. first", "1\\. first"},
    {"2026) year", "2026\\) year"},
    {"b. letter", "b\\. letter"},
    {"iv) roman", "iv\\) roman"},
    {"(1) paren", "\\(1) paren"},
    {"Dr. Who", "Dr. Who"},
    {": definition", "\\: definition"},
    {"% title", "\\% title"},
    {"===", "\\==="},
    {"    indented code", "indented code"},
    {"a\n# b\n- c", "a\n\\# b\n\\- c"},
    {"hard  \nbreak", "hard\nbreak"},
    {"mid # and - and 1. stay", "mid # and - and 1. stay"},
    {"a|b", "a\\|b"},
};

static void
test_inline_escape(void **state)
{
	struct buf b = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof inline_cases / sizeof inline_cases[0]; i++) {
		buf_reset(&b);
		md_escape_inline(
		    &b, inline_cases[i].in, strlen(inline_cases[i].in));
		if (strcmp(buf_cstr(&b), inline_cases[i].out))
			fail_msg("case %zu: [%s], want [%s]", i, buf_cstr(&b),
			    inline_cases[i].out);
	}
	buf_free(&b);
}

static void
test_heading(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	md_heading(&b, 2, "Q1: C# #1 {x}");
	md_heading(&b, 0, "low");
	md_heading(&b, 9, "multi\nline");
	assert_string_equal(buf_cstr(&b),
	    "## Q1: C\\# \\#1 \\{x}\n\n"
	    "# low\n\n"
	    "###### multi line\n\n");
	buf_free(&b);
}

static void
test_table(void **state)
{
	struct buf b = BUF_INIT;
	struct md_table t;

	(void)state;
	md_table_begin(&t, &b, 4);
	md_table_header(&t, "ID", MD_LEFT);
	md_table_header(&t, "Hours", MD_RIGHT);
	md_table_header(&t, "Status", MD_CENTER);
	md_table_header(&t, "Notes", MD_LEFT);
	md_table_cell(&t, "INC-2026-001");
	md_table_cellf(&t, "%ld.%ld", 71L, 5L);
	md_table_cell(&t, "open | pending");
	md_table_cell(&t, "called DPO\nwaiting");
	md_table_row_end(&t);
	md_table_cell(&t, "INC-2026-002");
	md_table_cell(&t, NULL);
	md_table_cell_md(&t, "`a|b`");
	md_table_row_end(&t); /* the missing fourth cell stays empty */
	md_table_end(&t);
	assert_string_equal(buf_cstr(&b),
	    "| ID | Hours | Status | Notes |\n"
	    "| :--- | -----: | :------: | :----- |\n"
	    "| INC-2026-001 | 71.5 | open \\| pending | called DPO<br>waiting |\n"
	    "| INC-2026-002 | | `a\\|b` | |\n"
	    "\n");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cell_escape),
	    cmocka_unit_test(test_inline_escape),
	    cmocka_unit_test(test_heading),
	    cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
