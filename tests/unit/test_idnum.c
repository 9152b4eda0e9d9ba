/*
 * Unit tests of identity-number detection. Every number here is from
 * NOTES.md, a synthetic Tenor number, future-dated, or (for the Finnish
 * overlaps) in the 900-999 range of temporary identity codes.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "idnum.h"

#define NONE (-1)

struct scan_case {
	const char *text;
	int kind; /* the one number expected, or NONE */
};

static void
check_cases(const struct scan_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct idnum_match *m = NULL;
		size_t len = strlen(cases[i].text);
		size_t found = idnum_scan(cases[i].text, len, &m);

		if (cases[i].kind == NONE) {
			if (found != 0)
				fail_msg("'%s': found %s", cases[i].text,
				    idnum_kind_name(m[0].kind));
			assert_null(m);
			continue;
		}
		if (found != 1)
			fail_msg("'%s': %zu found", cases[i].text, found);
		if ((int)m[0].kind != cases[i].kind)
			fail_msg("'%s': found %s, want %s", cases[i].text,
			    idnum_kind_name(m[0].kind),
			    idnum_kind_name(cases[i].kind));
		if (m[0].off != 0 || m[0].len != len)
			fail_msg("'%s': match at %zu+%zu", cases[i].text,
			    m[0].off, m[0].len);
		free(m);
	}
}

static void
test_notes_examples(void **state)
{
	static const struct scan_case cases[] = {
	    {"15819012382", IDNUM_NO_SYNTH},
	    {"15819012463", IDNUM_NO_SYNTH},
	    {"55819012376", IDNUM_NO_SYNTH},
	    {"15819012383", NONE},
	    {"19121212-1212", IDNUM_SE_PNR},
	    {"20350115-1231", IDNUM_SE_PNR},
	    {"20350175-1238", IDNUM_SE_SAMORD},
	    {"900175-1231", NONE},
	    {"131052-308T", IDNUM_FI_HETU},
	    {"131052-308U", NONE},
	    {"150135-4003", IDNUM_DK_CPR},
	    {"010135-4001", IDNUM_DK_CPR},
	    {"320135-4003", NONE},
	};

	(void)state;
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Each kind, then the same number with its last digit one higher. */
static void
test_kinds(void **state)
{
	static const struct scan_case cases[] = {
	    {"15013550120", IDNUM_NO_FNR},
	    {"15013550121", NONE},
	    {"55013550033", IDNUM_NO_DNR},
	    {"55013550034", NONE},
	    {"15413550022", IDNUM_NO_HNR},
	    {"15413550023", NONE},
	    {"15813550005", IDNUM_NO_SYNTH},
	    {"15813550006", NONE},
	    /* Check digits right, but a D-number cannot be an H-number. */
	    {"55413550016", NONE},
	    {"3501151231", IDNUM_SE_PNR},
	    {"3501151232", NONE},
	    {"350115-1231", IDNUM_SE_PNR},
	    {"350115-1232", NONE},
	    {"350115+1231", IDNUM_SE_PNR},
	    {"203501151231", IDNUM_SE_PNR},
	    {"203501151232", NONE},
	    {"3501751238", IDNUM_SE_SAMORD},
	    {"350175-1238", IDNUM_SE_SAMORD},
	    {"350175-1239", NONE},
	    {"203501751238", IDNUM_SE_SAMORD},
	    {"20350175-1239", NONE},
	    /* Century outside 1800-2099. */
	    {"213501151231", NONE},
	    {"21350115-1231", NONE},
	    {"150135A900J", IDNUM_FI_HETU},
	    {"150135A900K", NONE},
	    {"150135A9140", IDNUM_FI_HETU},
	    {"150135A9141", NONE},
	    {"150135a900J", NONE},
	    {"150135A900j", NONE},
	    {"150135G900J", NONE},
	    {"150135-4003", IDNUM_DK_CPR},
	    {"150135-4004", IDNUM_DK_CPR}, /* no mod-11 for CPR */
	    {"150135+4003", NONE},         /* only the dash form */
	    {"1501354003", NONE},
	};
	static const char *signs = "+-YXWVUABCDEF";

	(void)state;
	check_cases(cases, sizeof cases / sizeof cases[0]);
	/* Every century sign (DDMMYY and ZZZ fix Q = J). */
	for (const char *c = signs; *c; c++) {
		char s[] = "150135A900J";
		struct idnum_match *m = NULL;

		s[6] = *c;
		assert_int_equal(idnum_scan(s, 11, &m), 1);
		assert_int_equal(m[0].kind, IDNUM_FI_HETU);
		free(m);
	}
}

static void
test_dates(void **state)
{
	static const struct scan_case cases[] = {
	    /* 29 February: 2035 is no leap year, 2040 is. */
	    {"3502291234", NONE},
	    {"4002291237", IDNUM_SE_PNR},
	    {"20350229-1234", NONE},
	    {"20400229-1237", IDNUM_SE_PNR},
	    /* Month 13, day 32, day 0, 31 April. */
	    {"351315-1234", NONE},
	    {"350132-1234", NONE},
	    {"350100-1234", NONE},
	    {"310435-4003", NONE},
	    {"300435-4003", IDNUM_DK_CPR},
	    {"290235-4003", NONE},
	    {"290236-4003", IDNUM_DK_CPR},
	    /* Finnish dates take their century from the sign. */
	    {"290200A900B", IDNUM_FI_HETU},
	    {"290200-900B", NONE},
	};

	(void)state;
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "DDMMYY-NNNN" reads as up to three kinds: the order of preference. */
static void
test_overlaps(void **state)
{
	static const struct scan_case cases[] = {
	    {"310128-9035", IDNUM_FI_HETU}, /* also Luhn, also a date */
	    {"310128-9001", IDNUM_SE_PNR},  /* also a CPR date */
	    {"310128-9000", IDNUM_DK_CPR},
	    {"310128+9035", IDNUM_FI_HETU},
	    {"310128+9001", IDNUM_SE_PNR},
	    {"310128+9000", NONE},
	};

	(void)state;
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

static void
test_boundaries(void **state)
{
	static const struct scan_case cases[] = {
	    {"115819012382", NONE},
	    {"158190123821", NONE},
	    {"1158190123821", NONE},
	    {"12121212121212", NONE},
	    {"2131052-308T", NONE},
	    {"131052-308TX", NONE},
	    {"131052-308T1", NONE},
	    {"919121212-1212", NONE},
	    {"19121212-12121", NONE},
	    {"350115-12311", NONE},
	    {"0350115-1231", NONE},
	    {"150135-40031", NONE},
	    {"150135-400", NONE},
	    {"150135-", NONE},
	    {"15819012", NONE},
	    {"19121212-", NONE},
	    {"19121212-121", NONE},
	    {"", NONE},
	};
	static const char nul[] = "131052\0"
	                          "308T";
	struct idnum_match *m = NULL;

	(void)state;
	check_cases(cases, sizeof cases / sizeof cases[0]);
	assert_int_equal(idnum_scan(nul, sizeof nul - 1, &m), 0);
	assert_null(m);
	/* The length bounds the scan. */
	assert_int_equal(idnum_scan("15819012382", 10, &m), 0);
	assert_int_equal(idnum_scan("131052-308T", 10, &m), 0);
	assert_int_equal(idnum_scan("19121212-1212", 12, &m), 0);
	assert_null(m);
}

/* A number is found at every offset, among fillers next to the digits in
 * byte value ('/' and ':') and bytes with the high bit set. */
static void
test_every_offset(void **state)
{
	static const char *const fillers[] = {"/", ":", "a", "\xC3\xB8", " "};
	struct buf b = BUF_INIT;

	(void)state;
	for (size_t f = 0; f < sizeof fillers / sizeof fillers[0]; f++) {
		for (size_t off = 0; off < 24; off++) {
			struct idnum_match *m = NULL;
			size_t at;

			buf_reset(&b);
			while (b.len < off)
				buf_puts(&b, fillers[(f + b.len) % 5]);
			at = b.len;
			buf_puts(&b, "15819012382");
			while (b.len < at + 11 + off)
				buf_puts(&b, fillers[(f + b.len) % 5]);
			assert_int_equal(idnum_scan(b.ptr, b.len, &m), 1);
			assert_int_equal(m[0].off, at);
			assert_int_equal(m[0].len, 11);
			free(m);
		}
	}
	buf_free(&b);
}

/* Numbers of every form among dates, times and other short runs of
 * digits, at pseudo-random places: each is found where it was put. */
static void
test_among_short_runs(void **state)
{
	static const char *const numbers[] = {"15013550120", "3501151231",
	    "350115-1231", "350115+1231", "203501151231", "20350115-1231",
	    "131052-308T", "55013550033"};
	static const char *const noise[] = {" 2025-01-15 ", " 12:30 ", " x ",
	    " REG-0042 ", " 12345 ", " -1 ", " 99999-88888 ", "\xC3\xB8 "};
	struct buf b = BUF_INIT;
	unsigned seed = 7;

	(void)state;
	for (int round = 0; round < 200; round++) {
		struct idnum_match *m = NULL;
		size_t at[8], k = 0, found;

		buf_reset(&b);
		for (int part = 0; part < 16; part++) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 3 == 0 && k < 8) {
				at[k] = b.len;
				buf_puts(&b, numbers[(seed >> 8) % 8]);
				k++;
			}
			buf_puts(&b, noise[(seed >> 20) % 8]);
		}
		found = idnum_scan(b.ptr, b.len, &m);
		assert_int_equal(found, k);
		for (size_t i = 0; i < k; i++)
			assert_int_equal(m[i].off, at[i]);
		free(m);
	}
	buf_free(&b);
}

static void
test_twelve_digits_once(void **state)
{
	static const char *texts[] = {
	    "191212121212",
	    "19121212-1212",
	    "1212121212",
	    "121212-1212",
	};

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct idnum_match *m = NULL;

		assert_int_equal(idnum_scan(texts[i], strlen(texts[i]), &m), 1);
		assert_int_equal(m[0].off, 0);
		assert_int_equal(m[0].len, strlen(texts[i]));
		assert_int_equal(m[0].kind, IDNUM_SE_PNR);
		free(m);
	}
}

static void
test_free_text(void **state)
{
	static const struct {
		const char *text;
		size_t off, len;
		int kind;
	} cases[] = {
	    {"saksnr 2026/15819012382 gjelder", 12, 11, IDNUM_NO_SYNTH},
	    {"fødselsnr.15819012382.", 11, 11, IDNUM_NO_SYNTH},
	    {"(19121212-1212)", 1, 13, IDNUM_SE_PNR},
	    {"pnr: 350115+1231, ring", 5, 11, IDNUM_SE_PNR},
	    {"hetu 131052-308T.", 5, 11, IDNUM_FI_HETU},
	    {"hetu 131052-308TÅ", 5, 11, IDNUM_FI_HETU}, /* no ASCII letter */
	    {"CPR-nr. 150135-4003\n", 8, 11, IDNUM_DK_CPR},
	    {"\"55819012376\"", 1, 11, IDNUM_NO_SYNTH},
	    {"ref 2026-15013550120", 9, 11, IDNUM_NO_FNR},
	};
	const char *many = "a 131052-308T, b 19121212-1212; c 150135-4003 "
	                   "d 2026/1234 e 15819012383 f 15819012463";
	static const struct {
		size_t off, len;
		int kind;
	} want[] = {
	    {2, 11, IDNUM_FI_HETU},
	    {17, 13, IDNUM_SE_PNR},
	    {34, 11, IDNUM_DK_CPR},
	    {74, 11, IDNUM_NO_SYNTH},
	};
	struct idnum_match *m = NULL;
	size_t n;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = idnum_scan(cases[i].text, strlen(cases[i].text), &m);
		if (n != 1 || m[0].off != cases[i].off ||
		    m[0].len != cases[i].len || (int)m[0].kind != cases[i].kind)
			fail_msg("'%s': %zu found, first at %zu+%zu",
			    cases[i].text, n, n ? m[0].off : 0,
			    n ? m[0].len : 0);
		free(m);
	}
	n = idnum_scan(many, strlen(many), &m);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(m[i].off, want[i].off);
		assert_int_equal(m[i].len, want[i].len);
		assert_int_equal(m[i].kind, want[i].kind);
	}
	free(m);
	assert_int_equal(
	    idnum_scan("saksnr 2026/1234, 12 personer", 29, &m), 0);
	assert_null(m);
}

static void
test_mask(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"150835-1234", "1508**-****"},
	    {"150135-4003", "1501**-****"},
	    {"19121212-1212", "1912****-****"},
	    {"191212121212", "1912********"},
	    {"350115+1231", "3501**+****"},
	    {"131052-308T", "1310**-****"},
	    {"150135A900J", "1501*******"},
	    {"15819012382", "1581*******"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = BUF_INIT;

		buf_puts(&b, "[");
		idnum_mask(cases[i].in, strlen(cases[i].in), &b);
		buf_puts(&b, "]");
		assert_int_equal(b.len, strlen(cases[i].in) + 2);
		assert_memory_equal(
		    b.ptr + 1, cases[i].out, strlen(cases[i].out));
		buf_free(&b);
	}
}

static void
test_kind_names(void **state)
{
	(void)state;
	assert_string_equal(
	    idnum_kind_name(IDNUM_NO_FNR), "Norwegian fødselsnummer");
	assert_string_equal(
	    idnum_kind_name(IDNUM_SE_PNR), "Swedish personnummer");
	for (int a = IDNUM_NO_FNR; a <= IDNUM_DK_CPR; a++)
		for (int b = a + 1; b <= IDNUM_DK_CPR; b++)
			assert_string_not_equal(
			    idnum_kind_name(a), idnum_kind_name(b));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_notes_examples),
	    cmocka_unit_test(test_kinds),
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_overlaps),
	    cmocka_unit_test(test_boundaries),
	    cmocka_unit_test(test_every_offset),
	    cmocka_unit_test(test_among_short_runs),
	    cmocka_unit_test(test_twelve_digits_once),
	    cmocka_unit_test(test_free_text),
	    cmocka_unit_test(test_mask),
	    cmocka_unit_test(test_kind_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
