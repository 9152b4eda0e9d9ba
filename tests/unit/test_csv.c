/* Unit tests for src/csv.c: RFC 4180 quoting and formula neutralisation. */
#include <string.h>

#include "csv.h"
#include "unit.h"

/* One text cell as csv_cell writes it, without the record end. */
static const struct {
	const char *in, *out;
} text_cases[] = {
    {"plain", "plain"},
    {"", ""},
    {"two words", "two words"},
    {"a,b", "\"a,b\""},
    {"say \"hi\"", "\"say \"\"hi\"\"\""},
    {"\"", "\"\"\"\""},
    {"line\nbreak", "\"line\nbreak\""},
    {"cr\rhere", "\"cr\rhere\""},
    {"crlf\r\n", "\"crlf\r\n\""},
    {" lead", "\" lead\""},
    {"trail ", "\"trail \""},
    {"semi;colon", "semi;colon"},
    {"it's", "it's"},
    {"Bl\xC3\xA5"
     "b\xC3\xA6r \xC3\xB8l, \xC3\xA4rende", /* UTF-8 as is */
        "\"Bl\xC3\xA5"
        "b\xC3\xA6r \xC3\xB8l, \xC3\xA4rende\""},
    {"\xE2\x9C\x93", "\xE2\x9C\x93"},
    /* formula injection: each prefix gets a leading ' */
    {"=1+2", "'=1+2"},
    {"+47 22 00 00 00", "'+47 22 00 00 00"},
    {"-3.0", "'-3.0"}, /* as text: only csv_cell_num keeps it */
    {"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
    {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
    {"\tx", "'\tx"},
    {"\rx", "\"'\rx\""},
    {"=HYPERLINK(\"http://x\",\"y\")",
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
    {"a=b", "a=b"}, /* only the first character counts */
    {" =1", "\" =1\""},
    /* ill-formed UTF-8 becomes U+FFFD */
    {"a\xFF"
     "b",
        "a\xEF\xBF\xBD"
        "b"},
    {"\xE2\x82", "\xEF\xBF\xBD"},
};

static void
test_text_cells(void **state)
{
	struct buf b = BUF_INIT;
	struct csv c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
		buf_reset(&b);
		csv_init(&c, &b);
		csv_cell(&c, text_cases[i].in);
		if (strcmp(buf_cstr(&b), text_cases[i].out))
			fail_msg("case %zu: [%s], want [%s]", i, buf_cstr(&b),
			    text_cases[i].out);
	}
	buf_free(&b);
}

static const struct {
	const char *in, *out;
} num_cases[] = {
    {"-3.0", "-3.0"},
    {"-0.5", "-0.5"},
    {"71.5", "71.5"},
    {"0", "0"},
    {"1e-3", "1e-3"},
    {"-2E+10", "-2E+10"},
    {"", ""},
    /* not numbers: written as text, so neutralised */
    {"=1+2", "'=1+2"},
    {"-", "'-"},
    {"-1+2", "'-1+2"},
    {"+5", "'+5"},
    {"-.5", "'-.5"},
    {"1.", "1."},
    {"-3 ", "\"'-3 \""},
};

static void
test_numeric_cells(void **state)
{
	struct buf b = BUF_INIT;
	struct csv c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof num_cases / sizeof num_cases[0]; i++) {
		buf_reset(&b);
		csv_init(&c, &b);
		csv_cell_num(&c, num_cases[i].in);
		if (strcmp(buf_cstr(&b), num_cases[i].out))
			fail_msg("case %zu: [%s], want [%s]", i, buf_cstr(&b),
			    num_cases[i].out);
	}
	buf_free(&b);
}

static void
test_typed_cells(void **state)
{
	struct buf b = BUF_INIT;
	struct csv c;

	(void)state;
	csv_init(&c, &b);
	csv_cell_tenths(&c, 715);
	csv_cell_tenths(&c, -5);
	csv_cell_tenths(&c, 0);
	csv_cell_tenths(&c, -715);
	csv_cell_int(&c, -42);
	csv_cell_bool(&c, 1);
	csv_cell_bool(&c, 0);
	csv_cell(&c, NULL);
	csv_cellf(&c, "%d%%", 50);
	csv_cellf(&c, "=%s", "x");
	csv_row_end(&c);
	assert_string_equal(
	    buf_cstr(&b), "71.5,-0.5,0.0,-71.5,-42,true,false,,50%,'=x\r\n");
	buf_free(&b);
}

static void
test_records(void **state)
{
	struct buf b = BUF_INIT;
	struct csv c;

	(void)state;
	csv_init(&c, &b);
	/* a wrapped column list, as in the specification */
	csv_header(&c, "id,title,discovered,breach_type,\n  risk,notified");
	csv_cell(&c, "INC-2026-001");
	csv_cell(&c, "Lost laptop, unencrypted");
	csv_cell(&c, "2026-03-28T10:00+01:00");
	csv_cell(&c, "confidentiality");
	csv_cell(&c, "high");
	csv_cell(&c, NULL);
	csv_row_end(&c);
	csv_cell(&c, NULL);
	csv_cell(&c, NULL);
	csv_row_end(&c);
	assert_string_equal(buf_cstr(&b),
	    "id,title,discovered,breach_type,risk,notified\r\n"
	    "INC-2026-001,\"Lost laptop, unencrypted\","
	    "2026-03-28T10:00+01:00,confidentiality,high,\r\n"
	    ",\r\n");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text_cells),
	    cmocka_unit_test(test_numeric_cells),
	    cmocka_unit_test(test_typed_cells),
	    cmocka_unit_test(test_records),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
