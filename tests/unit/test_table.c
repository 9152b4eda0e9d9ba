/* Unit tests for src/table.c: alignment by display width, truncation. */
#include <string.h>

#include "table.h"
#include "unit.h"
#include "utf8.h"

#define CHECK "\xE2\x9C\x93" /* ✓ */
#define RULE6                                                                  \
	"\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80"
#define RULE4 "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80"

static struct table *
nordic(void)
{
	struct table *t = table_new(4);

	table_header(t, 0, "ID", TABLE_LEFT);
	table_header(t, 1, "Behandling", TABLE_LEFT | TABLE_SHRINK);
	table_header(t, 2, "Status", TABLE_LEFT);
	table_header(t, 3, "Klar", TABLE_RIGHT);
	table_add_row(t);
	table_cell(t, 0, "REG-1");
	table_cell(t, 1, "L\xC3\xB8nn og personal");
	table_cell_color(t, 2, "\xC3\xA5pen", "32");
	table_cell(t, 3, CHECK);
	table_add_row(t);
	table_cell(t, 0, "REG-22");
	table_cell(t, 1, "\xC3\x84rende \xC3\xB6ppet");
	table_cell(t, 2, "st\xC3\xA4ngd");
	table_add_row(t);
	table_cell(t, 0, "REG-3");
	table_cell(t, 1,
	    "Bl\xC3\xA5"
	    "b\xC3\xA6rsyltet\xC3\xB8y");
	table_cellf(t, 2, "%c", 'x');
	table_cell(t, 3, CHECK);
	return t;
}

/* No line ends in a blank and none is wider than width. */
static void
check_lines(const char *s, size_t width)
{
	const char *nl;

	for (; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		assert_non_null(nl);
		if (nl > s && nl[-1] == ' ')
			fail_msg("trailing blank: [%.*s]", (int)(nl - s), s);
		if (width && utf8_width(s, (size_t)(nl - s)) > width)
			fail_msg(
			    "wider than %zu: [%.*s]", width, (int)(nl - s), s);
	}
}

static void
test_alignment(void **state)
{
	struct table *t = nordic();
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(table_rows(t), 3);
	table_render(t, &b, 0, 0);
	assert_string_equal(buf_cstr(&b),
	    "ID      Behandling        Status  Klar\n" RULE6
	    "  " RULE6 RULE6 RULE4 "  " RULE6 "  " RULE4 "\n"
	    "REG-1   L\xC3\xB8nn og personal  \xC3\xA5pen       " CHECK "\n"
	    "REG-22  \xC3\x84rende \xC3\xB6ppet      st\xC3\xA4ngd\n"
	    "REG-3   Bl\xC3\xA5"
	    "b\xC3\xA6rsyltet\xC3\xB8y    x          " CHECK "\n");
	check_lines(buf_cstr(&b), 0);
	table_free(t);
	buf_free(&b);
}

static void
test_fit_width(void **state)
{
	struct table *t = nordic();
	struct buf b = BUF_INIT;

	(void)state;
	/* 38 columns wide; the text column shrinks to its header, 10. */
	table_render(t, &b, 32, 0);
	assert_string_equal(buf_cstr(&b),
	    "ID      Behandling  Status  Klar\n" RULE6 "  " RULE6 RULE4
	    "  " RULE6 "  " RULE4 "\n"
	    "REG-1   L\xC3\xB8nn og p\xE2\x80\xA6  \xC3\xA5pen       " CHECK
	    "\n"
	    "REG-22  \xC3\x84rende \xC3\xB6p\xE2\x80\xA6  st\xC3\xA4ngd\n"
	    "REG-3   Bl\xC3\xA5"
	    "b\xC3\xA6rsyl\xE2\x80\xA6  x          " CHECK "\n");
	check_lines(buf_cstr(&b), 32);
	/* Narrower than the columns allow: as narrow as they go. */
	buf_reset(&b);
	table_render(t, &b, 20, 0);
	check_lines(buf_cstr(&b), 32);
	assert_non_null(strstr(buf_cstr(&b), "L\xC3\xB8nn og p\xE2\x80\xA6"));
	table_free(t);
	buf_free(&b);
}

static void
test_color(void **state)
{
	struct table *t = nordic();
	struct buf b = BUF_INIT;

	(void)state;
	table_render(t, &b, 0, 1);
	assert_non_null(strstr(buf_cstr(&b), "\033[1mID\033[0m      "));
	assert_non_null(strstr(buf_cstr(&b),
	    "personal  \033[32m\xC3\xA5pen\033[0m       " CHECK "\n"));
	check_lines(buf_cstr(&b), 0);
	buf_reset(&b);
	table_render(t, &b, 0, 0);
	assert_null(strchr(buf_cstr(&b), '\033'));
	table_free(t);
	buf_free(&b);
}

static void
test_maxwidth_and_wide(void **state)
{
	struct table *t = table_new(3);
	struct buf b = BUF_INIT;

	(void)state;
	table_header(t, 0, "Text", TABLE_LEFT);
	table_header(t, 1, "N", TABLE_RIGHT);
	table_set_maxwidth(t, 0, 6);
	table_add_row(t);
	/* 日本語テキスト: width 14; two wide characters and '…' fit in 6 */
	table_cell(t, 0,
	    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x83\x86"
	    "\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88");
	table_cell(t, 1, "1");
	table_add_row(t);
	table_cell(t, 0, "cafe\xCC\x81s"); /* combining accent: width 5 */
	table_cell(t, 1, "22");
	table_add_row(t);
	table_cell_color(t, 0, "sp\xC3\xA5rbar", "1;31m\033[2J"); /* bad */
	table_render(t, &b, 0, 1);
	assert_string_equal(buf_cstr(&b),
	    "\033[1mText\033[0m     \033[1mN\033[0m\n" RULE6 "  "
	    "\xE2\x94\x80\xE2\x94\x80"
	    "\n"
	    "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6    1\n"
	    "cafe\xCC\x81s   22\n"
	    "sp\xC3\xA5rb\xE2\x80\xA6\n");
	check_lines(buf_cstr(&b), 0);
	table_free(t);
	buf_free(&b);
}

static void
test_sanitise_and_headerless(void **state)
{
	struct table *t = table_new(3);
	struct buf b = BUF_INIT;

	(void)state;
	table_add_row(t);
	table_cell(t, 0, "Name:");
	table_cell(t, 1, NULL); /* an empty column is left out */
	table_cell(t, 2, "a\nb\tc\033[2J\xFF ");
	table_add_row(t);
	table_cell(t, 0, "DPO:");
	table_render(t, &b, 0, 0);
	assert_string_equal(buf_cstr(&b),
	    "Name:  a b c\xEF\xBF\xBD[2J\xEF\xBF\xBD\n"
	    "DPO:\n");
	table_free(t);
	table_free(NULL);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_alignment),
	    cmocka_unit_test(test_fit_width),
	    cmocka_unit_test(test_color),
	    cmocka_unit_test(test_maxwidth_and_wide),
	    cmocka_unit_test(test_sanitise_and_headerless),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
