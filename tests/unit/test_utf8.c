/* Unit tests for src/utf8.c: validation, decoding, counting, width. */
#include <string.h>

#include "unit.h"
#include "utf8.h"

#define S(lit) lit, sizeof(lit) - 1

static const struct {
	const char *s;
	size_t len;
	size_t bad; /* expected utf8_validate result */
} validate_cases[] = {
    {S(""), 0},
    {S("abc"), 3},
    {S("\xC3\xA6\xC3\xB8\xC3\xA5"), 6}, /* æøå */
    {S("\xE2\x9C\x93"), 3},             /* ✓ */
    {S("a\0b"), 3},
    {S("\xC2\x80"), 2},         /* U+0080, smallest two-byte */
    {S("\xDF\xBF"), 2},         /* U+07FF */
    {S("\xE0\xA0\x80"), 3},     /* U+0800, smallest three-byte */
    {S("\xED\x9F\xBF"), 3},     /* U+D7FF, below the surrogates */
    {S("\xEE\x80\x80"), 3},     /* U+E000, above them */
    {S("\xEF\xBF\xBF"), 3},     /* U+FFFF */
    {S("\xF0\x90\x80\x80"), 4}, /* U+10000 */
    {S("\xF4\x8F\xBF\xBF"), 4}, /* U+10FFFF, the last */
    /* overlong forms */
    {S("a\xC0\xAF"), 1},
    {S("\xC1\xBF"), 0},
    {S("\xE0\x80\xAF"), 0},
    {S("\xE0\x9F\xBF"), 0},
    {S("ab\xF0\x8F\xBF\xBF"), 2},
    /* surrogates U+D800..U+DFFF */
    {S("ab\xED\xA0\x80"), 2},
    {S("\xED\xBF\xBF"), 0},
    {S("\xED\xB0\x80x"), 0},
    /* above U+10FFFF */
    {S("\xF4\x90\x80\x80"), 0},
    {S("\xF5\x80\x80\x80"), 0},
    {S("xyz\xF7\xBF\xBF\xBF"), 3},
    {S("\xFE"), 0},
    {S("\xFF"), 0},
    /* stray continuation bytes */
    {S("x\x80"), 1},
    {S("\xBFx"), 0},
    /* truncated sequences */
    {S("\xC3"), 0},
    {S("\xC3\x41"), 0},
    {S("abc\xE2\x82"), 3},
    {S("\xE2\x82\xAC\xE2\x82"), 3},
    {S("\xF0\x9F\x98"), 0},
    /* the eight-byte ASCII scan must stop at the right place */
    {S("0123456789abcdef\xC3("), 16},
    {S("0123456789abcde\xC3\xA6-123456789\xFF"), 27},
};

static void
test_validate(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof validate_cases / sizeof validate_cases[0]; i++) {
		size_t got =
		    utf8_validate(validate_cases[i].s, validate_cases[i].len);

		if (got != validate_cases[i].bad)
			fail_msg("case %zu: offset %zu, want %zu", i, got,
			    validate_cases[i].bad);
	}
}

static const struct {
	const char *s;
	size_t len;
	uint32_t cp;
	size_t n;
} decode_cases[] = {
    {S("A"), 'A', 1},
    {S("\xC3\xB8"), 0xF8, 2},
    {S("\xE2\x9C\x93"), 0x2713, 3},
    {S("\xF0\x9F\x98\x80"), 0x1F600, 4},
    {S("\xF4\x8F\xBF\xBF"), 0x10FFFF, 4},
    /* ill-formed: the length of the maximal subpart */
    {S("\x80"), UTF8_BAD, 1},
    {S("\xC0\x80"), UTF8_BAD, 1},
    {S("\xE0\x80\x80"), UTF8_BAD, 1},
    {S("\xE2\x82\x41"), UTF8_BAD, 2},
    {S("\xE2\x82"), UTF8_BAD, 2},
    {S("\xED\xA0\x80"), UTF8_BAD, 1},
    {S("\xF0\x9F\x98"), UTF8_BAD, 3},
    {S("\xF0\x9F\x98\x41"), UTF8_BAD, 3},
    {S("\xF4\x90\x80\x80"), UTF8_BAD, 1},
    {S("\xFF\x80"), UTF8_BAD, 1},
};

static void
test_decode(void **state)
{
	size_t i, n;
	uint32_t cp;

	(void)state;
	for (i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		n = utf8_decode(decode_cases[i].s, decode_cases[i].len, &cp);
		if (n != decode_cases[i].n || cp != decode_cases[i].cp)
			fail_msg("case %zu: %zu bytes U+%04X, want %zu U+%04X",
			    i, n, (unsigned)cp, decode_cases[i].n,
			    (unsigned)decode_cases[i].cp);
	}
}

/* Every scalar value encodes, validates and decodes back. */
static void
test_roundtrip_all(void **state)
{
	uint32_t cp, back;
	char out[4];
	size_t n;

	(void)state;
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = utf8_encode(cp, out);
		assert_int_equal(n,
		    cp < 0x80          ? 1
		        : cp < 0x800   ? 2
		        : cp < 0x10000 ? 3
		                       : 4);
		assert_int_equal(utf8_validate(out, n), n);
		assert_int_equal(utf8_decode(out, n, &back), n);
		assert_int_equal(back, cp);
	}
}

/* A reference decoder written the other way round: from the bit pattern
 * of the lead byte, then the range checks. */
static size_t
ref_validate(const unsigned char *p, size_t len)
{
	static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	size_t i = 0, n, k;
	uint32_t cp;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((p[i] & 0xE0) == 0xC0)
			n = 2, cp = p[i] & 0x1F;
		else if ((p[i] & 0xF0) == 0xE0)
			n = 3, cp = p[i] & 0x0F;
		else if ((p[i] & 0xF8) == 0xF0)
			n = 4, cp = p[i] & 0x07;
		else
			return i;
		if (i + n > len)
			return i;
		for (k = 1; k < n; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (p[i + k] & 0x3F);
		}
		if (cp < min[n] || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n;
	}
	return len;
}

/* All strings of one to three bytes agree with the reference. */
static void
test_exhaustive_short(void **state)
{
	unsigned char s[3];
	unsigned a, b, c;

	(void)state;
	for (a = 0; a < 256; a++) {
		s[0] = (unsigned char)a;
		assert_int_equal(
		    utf8_validate((char *)s, 1), ref_validate(s, 1));
		for (b = 0; b < 256; b++) {
			s[1] = (unsigned char)b;
			assert_int_equal(
			    utf8_validate((char *)s, 2), ref_validate(s, 2));
			if (a < 0x80 && b < 0x80)
				continue; /* ASCII pairs add nothing new */
			for (c = 0; c < 256; c++) {
				s[2] = (unsigned char)c;
				if (utf8_validate((char *)s, 3) !=
				    ref_validate(s, 3))
					fail_msg("%02X %02X %02X", a, b, c);
			}
		}
	}
}

static void
test_count(void **state)
{
	(void)state;
	assert_int_equal(utf8_count(S("")), 0);
	assert_int_equal(utf8_count(S("abc")), 3);
	assert_int_equal(utf8_count(S("bl\xC3\xA5\x62\xC3\xA6r")), 6);
	assert_int_equal(utf8_count(S("\xF0\x9F\x98\x80")), 1);
	assert_int_equal(utf8_count(S("0123456789\xE2\x9C\x93-123456789")), 21);
	/* one per maximal ill-formed subpart, as U+FFFD replacement gives */
	assert_int_equal(utf8_count(S("a\xE2\x82")), 2);
	assert_int_equal(utf8_count(S("\xC0\xAF")), 2);
}

static const struct {
	const char *s;
	size_t len;
	size_t width;
} width_cases[] = {
    {S(""), 0}, {S("abc"), 3}, {S("\xC3\xA6\xC3\xB8\xC3\xA5"), 3}, /* æøå */
    {S("\xC3\x84rende \xC3\xB6ppet"), 12}, /* Ärende öppet */
    {S("\xE2\x9C\x93"), 1},                /* ✓ */
    {S("\xE2\x80\xA6"), 1},                /* … (ambiguous: narrow) */
    {S("\xE2\x94\x80"), 1},                /* ─ */
    {S("e\xCC\x81"), 1},                   /* e + combining acute */
    {S("\xE6\x97\xA5\xE6\x9C\xAC"), 4},    /* 日本 */
    {S("\xEF\xBC\xA1"), 2},                /* fullwidth A */
    {S("\xED\x95\x9C"), 2},                /* 한 */
    {S("\xE1\x84\x92\xE1\x85\xA1"), 2},    /* ᄒ + medial ᅡ */
    {S("\xF0\x9F\x98\x80"), 2},            /* 😀 */
    {S("\xF0\xA0\x80\x80"), 2},            /* CJK extension B */
    {S("a\xE2\x80\x8D\x62"), 2},           /* zero width joiner */
    {S("\xC2\xAD"), 1},                    /* soft hyphen */
    {S("\t\n\x1B"), 0},                    /* controls */
    {S("\xC2\x85"), 0},                    /* NEL, a C1 control */
    {S("a\xFF\x62"), 3},                   /* ill-formed: one */
};

static void
test_width(void **state)
{
	size_t i, w;

	(void)state;
	for (i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++) {
		w = utf8_width(width_cases[i].s, width_cases[i].len);
		if (w != width_cases[i].width)
			fail_msg("case %zu: width %zu, want %zu", i, w,
			    width_cases[i].width);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_validate),
	    cmocka_unit_test(test_decode),
	    cmocka_unit_test(test_roundtrip_all),
	    cmocka_unit_test(test_exhaustive_short),
	    cmocka_unit_test(test_count),
	    cmocka_unit_test(test_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
