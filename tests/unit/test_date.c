/* Unit tests of the date module: calendar, RFC 3339 parsing, arithmetic. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "date.h"

/* Under ../shared/conformance, or under $GDPRCTL_CONFORMANCE. */
#define FORMAT_DIR "/json-schema-test-suite/tests/draft2020-12/optional/format/"

static struct gd_date
D(int y, int m, int d) {
	struct gd_date r = {y, m, d};

	return r;
}

static void
assert_date(struct gd_date got, const char *want)
{
	char s[11];

	date_format(got, s);
	assert_string_equal(s, want);
}

static struct gd_datetime
DT(const char *s) {
	struct gd_datetime t;
	const char *why = NULL;

	if (datetime_parse(s, strlen(s), &t, &why) != 0)
		fail_msg("'%s' did not parse: %s", s, why);
	return t;
}

static void
test_date_parse(void **state)
{
	static const struct {
		const char *s;
		int ok;
	} cases[] = {
	    {"2026-03-01", 1},
	    {"1900-02-28", 1},
	    {"1900-02-29", 0},
	    {"2000-02-29", 1},
	    {"2024-02-29", 1},
	    {"2025-02-29", 0},
	    {"2026-02-30", 0},
	    {"2026-04-31", 0},
	    {"2026-12-31", 1},
	    {"2026-13-01", 0},
	    {"2026-00-10", 0},
	    {"2026-01-00", 0},
	    {"0001-01-01", 1},
	    {"0000-01-01", 0},
	    {"9999-12-31", 1},
	    {"2026-3-01", 0},
	    {"2026-03-1", 0},
	    {"26-03-01", 0},
	    {"2026-03-01 ", 0},
	    {" 2026-03-01", 0},
	    {"2026/03/01", 0},
	    {"2026-03-01T", 0},
	    {"2026-0a-01", 0},
	    {"", 0},
	    {"+026-03-01", 0},
	    {"2026-03-+1", 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct gd_date d = {0, 0, 0};
		int r = date_parse(cases[i].s, strlen(cases[i].s), &d);

		if ((r == 0) != cases[i].ok)
			fail_msg("date_parse('%s') = %d", cases[i].s, r);
		if (cases[i].ok)
			assert_date(d, cases[i].s);
	}
	/* The length bounds the read: a longer buffer is not a date. */
	{
		struct gd_date d;

		assert_int_equal(date_parse("2026-03-01", 9, NULL), -1);
		assert_int_equal(date_parse("2026-03-01X", 10, &d), 0);
		assert_date(d, "2026-03-01");
	}
}

static void
test_leap_years(void **state)
{
	static const struct {
		int y, leap;
	} cases[] = {
	    {1900, 0},
	    {2000, 1},
	    {2024, 1},
	    {2025, 0},
	    {2100, 0},
	    {400, 1},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(date_is_leap(cases[i].y), cases[i].leap);
		assert_int_equal(
		    date_days_in_month(cases[i].y, 2), cases[i].leap ? 29 : 28);
	}
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

static void
test_days(void **state)
{
	static const struct {
		struct gd_date d;
		long days;
	} cases[] = {
	    {{1970, 1, 1}, 0},
	    {{1969, 12, 31}, -1},
	    {{2000, 3, 1}, 11017},
	    {{1900, 3, 1}, -25508},
	    {{2024, 2, 29}, 19782},
	    {{1, 1, 1}, -719162},
	    {{9999, 12, 31}, 2932896},
	};
	long days;
	struct gd_date prev;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(date_to_days(cases[i].d), cases[i].days);
		assert_int_equal(
		    date_cmp(date_from_days(cases[i].days), cases[i].d), 0);
	}
	/* Every day of the supported range follows the one before it. */
	prev = date_from_days(-719162);
	for (days = -719161; days <= 2932896; days++) {
		struct gd_date d = date_from_days(days);
		int next_ok =
		    (d.y == prev.y && d.m == prev.m && d.d == prev.d + 1) ||
		    (d.y == prev.y && d.m == prev.m + 1 && d.d == 1 &&
		        prev.d == date_days_in_month(prev.y, prev.m)) ||
		    (d.y == prev.y + 1 && d.m == 1 && d.d == 1 &&
		        prev.m == 12 && prev.d == 31);

		if (!next_ok || date_to_days(d) != days)
			fail_msg("day %ld: %d-%d-%d", days, d.y, d.m, d.d);
		prev = d;
	}
	/* Saturation at the ends of the range. */
	assert_date(date_from_days(-800000), "0001-01-01");
	assert_date(date_from_days(3000000), "9999-12-31");
}

static void
test_cmp(void **state)
{
	(void)state;
	assert_true(date_cmp(D(2026, 3, 1), D(2026, 3, 2)) < 0);
	assert_true(date_cmp(D(2026, 3, 1), D(2025, 12, 31)) > 0);
	assert_true(date_cmp(D(2026, 2, 28), D(2026, 3, 1)) < 0);
	assert_int_equal(date_cmp(D(2026, 3, 1), D(2026, 3, 1)), 0);
}

static void
test_add(void **state)
{
	static const struct {
		struct gd_date d;
		char unit; /* d, m or y */
		int n;
		const char *want;
	} cases[] = {
	    {{2026, 1, 31}, 'm', 1, "2026-02-28"},
	    {{2026, 1, 31}, 'm', 3, "2026-04-30"},
	    {{2024, 1, 31}, 'm', 1, "2024-02-29"},
	    {{2026, 3, 1}, 'm', 1, "2026-04-01"},
	    {{2026, 3, 31}, 'm', 1, "2026-04-30"},
	    {{2026, 12, 15}, 'm', 1, "2027-01-15"},
	    {{2026, 11, 30}, 'm', 3, "2027-02-28"},
	    {{2026, 3, 31}, 'm', -1, "2026-02-28"},
	    {{2026, 1, 15}, 'm', -13, "2024-12-15"},
	    {{2026, 5, 31}, 'm', 0, "2026-05-31"},
	    {{2024, 2, 29}, 'y', 1, "2025-02-28"},
	    {{2024, 2, 29}, 'y', 4, "2028-02-29"},
	    {{2000, 2, 29}, 'y', 100, "2100-02-28"},
	    {{1896, 2, 29}, 'y', 4, "1900-02-28"},
	    {{2025, 10, 15}, 'y', 3, "2028-10-15"},
	    {{2026, 2, 28}, 'd', 1, "2026-03-01"},
	    {{2024, 2, 28}, 'd', 1, "2024-02-29"},
	    {{1900, 2, 28}, 'd', 1, "1900-03-01"},
	    {{2000, 2, 28}, 'd', 1, "2000-02-29"},
	    {{2026, 12, 31}, 'd', 1, "2027-01-01"},
	    {{2026, 3, 1}, 'd', -1, "2026-02-28"},
	    {{2026, 2, 10}, 'd', 90, "2026-05-11"},
	    {{9999, 12, 31}, 'd', 1, "9999-12-31"},
	    {{1, 1, 1}, 'd', -1, "0001-01-01"},
	    {{9999, 11, 30}, 'm', 12, "9999-12-31"},
	    {{1, 2, 1}, 'm', -2, "0001-01-01"},
	    {{9000, 1, 1}, 'y', 2000000000, "9999-12-31"},
	    {{9000, 1, 1}, 'y', -2000000000, "0001-01-01"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct gd_date r;
		char s[11];

		switch (cases[i].unit) {
		case 'd':
			r = date_add_days(cases[i].d, cases[i].n);
			break;
		case 'm':
			r = date_add_months(cases[i].d, cases[i].n);
			break;
		default:
			r = date_add_years(cases[i].d, cases[i].n);
			break;
		}
		date_format(r, s);
		if (strcmp(s, cases[i].want) != 0)
			fail_msg(
			    "case %zu: got %s, want %s", i, s, cases[i].want);
	}
	assert_date(date_add_days(D(2026, 1, 1), 2000000000L), "9999-12-31");
}

static void
test_datetime_parse(void **state)
{
	static const struct {
		const char *s;
		long long utc;
		int offset, zulu;
	} ok[] = {
	    {"2026-03-28T23:00:00+01:00", 1774735200, 60, 0},
	    {"2026-03-31T23:30:00+02:00", 1774992600, 120, 0},
	    {"2026-03-28T10:00+01:00", 1774688400, 60, 0},
	    {"2026-01-15T08:00:00-03:30", 1768476600, -210, 0},
	    {"2026-01-15T08:00:00+14:00", 1768413600, 840, 0},
	    {"2026-01-15t08:00:00.999z", 1768464000, 0, 1},
	    {"2026-01-15T08:00Z", 1768464000, 0, 1},
	    {"2026-01-15T08:00:00+00:00", 1768464000, 0, 0},
	    {"2026-01-15T08:00:00-00:00", 1768464000, 0, 0},
	    {"1969-12-31T23:59:59Z", -1, 0, 1},
	    {"1998-12-31T23:59:60Z", 915148800, 0, 1},
	    {"1998-12-31T15:59:60.5-08:00", 915148800, -480, 0},
	    {"0001-01-01T00:00:00Z", -62135596800LL, 0, 1},
	    {"9999-12-31T23:59:59Z", 253402300799LL, 0, 1},
	};
	static const struct {
		const char *s, *why;
	} bad[] = {
	    {"2026-03-02T10:15:00", "ambiguous: add a UTC offset"},
	    {"2026-03-02T10:15", "ambiguous: add a UTC offset"},
	    {"2026-03-02T10:15:00.5", "ambiguous: add a UTC offset"},
	    {"2026-02-30T10:00:00+01:00", "invalid date"},
	    {"2025-02-29T10:00Z", "invalid date"},
	    {"0000-01-01T10:00Z", "invalid date"},
	    {"2026-03-02T24:00:00Z", "invalid time"},
	    {"2026-03-02T23:60:00Z", "invalid time"},
	    {"2026-03-02T23:59:61Z", "invalid time"},
	    {"2026-03-02T22:59:60Z", "invalid time"},
	    {"2026-03-02T23:59:60+01:00", "invalid time"},
	    {"2026-03-02T10:00:00+24:00", "invalid offset"},
	    {"2026-03-02T10:00:00+10:60", "invalid offset"},
	    {"2026-03-02T10:00:00+01", "invalid offset"},
	    {"2026-03-02T10:00:00+0100", "invalid offset"},
	    {"2026-03-02T10:00:00+01:00Z",
	        "trailing characters after the offset"},
	    {"2026-03-02T10:00:00Z ", "trailing characters after the offset"},
	    {"2026-03-02T10:00:00+01:00x",
	        "trailing characters after the offset"},
	    {"2026-03-02", "not a date-time"},
	    {"2026-03-02 10:00:00Z", "not a date-time"},
	    {"2026-03-02T10:00:00 Z", "not a date-time"},
	    {"2026-03-02T1:00:00Z", "not a date-time"},
	    {"2026-03-02T10:00:0Z", "not a date-time"},
	    {"2026-03-02T10:00:00.Z", "not a date-time"},
	    {"2026-03-02T10:00:00 CET", "not a date-time"},
	    {"02.03.2026 10:00", "not a date-time"},
	    {"", "not a date-time"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		struct gd_datetime t;
		const char *why = NULL;

		if (datetime_parse(ok[i].s, strlen(ok[i].s), &t, &why) != 0)
			fail_msg("'%s': %s", ok[i].s, why);
		if (t.utc != ok[i].utc || t.offset != ok[i].offset ||
		    t.zulu != ok[i].zulu)
			fail_msg("'%s': utc %lld offset %d zulu %d", ok[i].s,
			    (long long)t.utc, t.offset, t.zulu);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct gd_datetime t;
		const char *why = NULL;

		if (datetime_parse(bad[i].s, strlen(bad[i].s), &t, &why) != -1)
			fail_msg("'%s' parsed", bad[i].s);
		if (why == NULL || strcmp(why, bad[i].why) != 0)
			fail_msg("'%s': why '%s', want '%s'", bad[i].s,
			    why ? why : "(null)", bad[i].why);
	}
	/* The length bounds the read. */
	assert_int_equal(
	    datetime_parse("2026-03-02T10:00Zjunk", 17, NULL, NULL), 0);
}

static void
test_datetime_format(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"2026-03-28T10:00+01:00", "2026-03-28T10:00:00+01:00"},
	    {"2026-01-15T08:00:00-03:30", "2026-01-15T08:00:00-03:30"},
	    {"2026-01-15T23:45:07+14:00", "2026-01-15T23:45:07+14:00"},
	    {"2026-01-15t08:00:00.75z", "2026-01-15T08:00:00Z"},
	    {"2026-01-15T08:00:00+00:00", "2026-01-15T08:00:00+00:00"},
	    {"1969-12-31T23:59:59-00:30", "1969-12-31T23:59:59-00:30"},
	    {"1998-12-31T23:59:60Z", "1999-01-01T00:00:00Z"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = BUF_INIT;

		datetime_format(DT(cases[i].in), &b);
		assert_string_equal(buf_cstr(&b), cases[i].out);
		buf_free(&b);
	}
}

static void
test_datetime_date(void **state)
{
	struct gd_datetime t = DT("2026-01-15T23:30:00-03:30");

	(void)state;
	assert_date(datetime_date(t), "2026-01-15");
	assert_date(datetime_date_utc(t), "2026-01-16");
	t = DT("2026-01-16T08:00:00+14:00");
	assert_date(datetime_date(t), "2026-01-16");
	assert_date(datetime_date_utc(t), "2026-01-15");
	t = DT("1969-12-31T23:00:00Z");
	assert_date(datetime_date(t), "1969-12-31");
	assert_date(
	    datetime_date_utc(DT("1970-01-01T00:30+01:00")), "1969-12-31");
	assert_true(datetime_cmp(DT("2026-03-02T10:00+01:00"),
	                DT("2026-03-02T09:30Z")) < 0);
	assert_true(datetime_cmp(DT("2026-03-02T10:00+01:00"),
	                DT("2026-03-02T09:00Z")) == 0);
	assert_true(datetime_cmp(DT("2026-03-02T10:00-01:00"),
	                DT("2026-03-02T10:00Z")) > 0);
}

/* Oslo's switch to summer time on 2026-03-29 lies inside both spans. */
static void
test_dst(void **state)
{
	struct gd_datetime from = DT("2026-03-28T10:00+01:00");
	struct gd_datetime due = datetime_add_hours(from, 72);
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(due.offset, 60);
	datetime_format(due, &b);
	assert_string_equal(buf_cstr(&b), "2026-03-31T10:00:00+01:00");
	buf_reset(&b);
	due.offset = 120;
	datetime_format(due, &b);
	assert_string_equal(buf_cstr(&b), "2026-03-31T11:00:00+02:00");
	assert_int_equal(datetime_cmp(due, DT("2026-03-31T11:00:00+02:00")), 0);
	assert_int_equal(datetime_diff_tenths(DT("2026-03-28T23:00:00+01:00"),
	                     DT("2026-03-31T23:30:00+02:00")),
	    715);
	/* Back to winter time on 2026-10-25: the same wall clock is 25 h. */
	assert_int_equal(datetime_diff_tenths(DT("2026-10-24T12:00+02:00"),
	                     DT("2026-10-25T12:00+01:00")),
	    250);
	buf_free(&b);
}

static void
test_diff_tenths(void **state)
{
	static const struct {
		const char *from, *to;
		long tenths;
	} cases[] = {
	    {"2026-03-02T10:00Z", "2026-03-05T10:00Z", 720},
	    {"2026-03-02T10:00Z", "2026-03-02T10:03Z", 1},    /* 0.05 h */
	    {"2026-03-02T10:00Z", "2026-03-02T10:02:59Z", 0}, /* 0.0497 */
	    {"2026-03-02T10:03Z", "2026-03-02T10:00Z", -1},
	    {"2026-03-02T10:00Z", "2026-03-02T10:09Z", 2}, /* 0.15 h */
	    {"2026-03-02T10:00Z", "2026-03-02T10:00Z", 0},
	    {"2026-03-04T10:00Z", "2026-03-02T10:00+01:00", -490},
	    {"2026-01-15T08:00-03:30", "2026-01-15T08:00+14:00", -175},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long got =
		    datetime_diff_tenths(DT(cases[i].from), DT(cases[i].to));

		if (got != cases[i].tenths)
			fail_msg("%s -> %s: %ld, want %ld", cases[i].from,
			    cases[i].to, got, cases[i].tenths);
	}
}

static void
test_hours_format(void **state)
{
	static const struct {
		long tenths;
		const char *want;
	} cases[] = {
	    {715, "71.5"},
	    {-30, "-3.0"},
	    {0, "0.0"},
	    {5, "0.5"},
	    {-5, "-0.5"},
	    {720, "72.0"},
	    {12345, "1234.5"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = BUF_INIT;

		buf_puts(&b, "h=");
		hours_format(cases[i].tenths, &b);
		assert_string_equal(buf_cstr(&b) + 2, cases[i].want);
		buf_free(&b);
	}
}

static void
test_start_and_today(void **state)
{
	struct gd_datetime t = date_start(D(2026, 11, 23));
	struct gd_date today = date_today();
	struct gd_date utc_today;
	struct buf b = BUF_INIT;
	time_t now = time(NULL);
	struct tm tm;

	(void)state;
	datetime_format(t, &b);
	assert_string_equal(buf_cstr(&b), "2026-11-23T00:00:00Z");
	assert_date(datetime_date(t), "2026-11-23");
	buf_free(&b);

	/* Local time is within a day of UTC. */
	assert_non_null(gmtime_r(&now, &tm));
	utc_today = D(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	assert_true(date_to_days(today) - date_to_days(utc_today) <= 1);
	assert_true(date_to_days(utc_today) - date_to_days(today) <= 1);
}

/*
 * A reader for the test-suite files, enough for their shape: it walks
 * the JSON tokens and pairs each "data" with the "valid" after it.
 */
struct suite_case {
	char *desc;
	struct buf data;
	int is_string;
};

static void
put_utf8(struct buf *b, unsigned long cp)
{
	if (cp < 0x80) {
		buf_putc(b, (int)cp);
	} else if (cp < 0x800) {
		buf_putc(b, (int)(0xc0 | (cp >> 6)));
		buf_putc(b, (int)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		buf_putc(b, (int)(0xe0 | (cp >> 12)));
		buf_putc(b, (int)(0x80 | ((cp >> 6) & 0x3f)));
		buf_putc(b, (int)(0x80 | (cp & 0x3f)));
	} else {
		buf_putc(b, (int)(0xf0 | (cp >> 18)));
		buf_putc(b, (int)(0x80 | ((cp >> 12) & 0x3f)));
		buf_putc(b, (int)(0x80 | ((cp >> 6) & 0x3f)));
		buf_putc(b, (int)(0x80 | (cp & 0x3f)));
	}
}

static unsigned long
hex4(const char *p)
{
	char h[5];

	memcpy(h, p, 4);
	h[4] = '\0';
	return strtoul(h, NULL, 16);
}

/* Decodes the JSON string starting after the quote at *p. */
static void
json_string(const char **p, const char *end, struct buf *out)
{
	const char *s = *p;

	while (s < end && *s != '"') {
		if (*s != '\\') {
			buf_putc(out, *s++);
			continue;
		}
		assert_true(end - s >= 2);
		switch (s[1]) {
		case 'n':
			buf_putc(out, '\n');
			break;
		case 't':
			buf_putc(out, '\t');
			break;
		case 'r':
			buf_putc(out, '\r');
			break;
		case 'b':
			buf_putc(out, '\b');
			break;
		case 'f':
			buf_putc(out, '\f');
			break;
		case 'u': {
			unsigned long cp;

			assert_true(end - s >= 6);
			cp = hex4(s + 2);
			if (cp >= 0xd800 && cp < 0xdc00 && end - s >= 12 &&
			    s[6] == '\\' && s[7] == 'u') {
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (hex4(s + 8) - 0xdc00);
				s += 6;
			}
			put_utf8(out, cp);
			s += 4;
			break;
		}
		default:
			buf_putc(out, s[1]);
			break;
		}
		s += 2;
	}
	assert_true(s < end);
	*p = s + 1;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

/* Runs every case of one suite file; returns the number of cases. */
static int
run_suite(const char *path, int (*check)(const char *, size_t))
{
	size_t len;
	char *text = read_file(path, &len);
	const char *p, *end;
	struct buf key = BUF_INIT, desc = BUF_INIT, data = BUF_INIT;
	int is_string = 0, cases = 0, failures = 0;

	assert_non_null(text);
	p = text;
	end = text + len;
	while (p < end) {
		const char *q;

		if (*p != '"') {
			p++;
			continue;
		}
		p++;
		buf_reset(&key);
		json_string(&p, end, &key);
		for (q = p; q < end && (*q == ' ' || *q == '\n'); q++)
			;
		if (q == end || *q != ':')
			continue;
		for (q++; q < end && (*q == ' ' || *q == '\n'); q++)
			;
		p = q;
		if (strcmp(buf_cstr(&key), "description") == 0 && *p == '"') {
			p++;
			buf_reset(&desc);
			json_string(&p, end, &desc);
		} else if (strcmp(buf_cstr(&key), "data") == 0) {
			is_string = *p == '"';
			buf_reset(&data);
			if (is_string) {
				p++;
				json_string(&p, end, &data);
			}
		} else if (strcmp(buf_cstr(&key), "valid") == 0) {
			int want = end - p >= 4 && memcmp(p, "true", 4) == 0;
			/* Formats apply to strings; other types always pass. */
			int got = is_string
			    ? check(data.ptr ? data.ptr : "", data.len)
			    : 1;

			if (got != want) {
				print_error("%s: \"%s\" (%s): got %s\n", path,
				    buf_cstr(&data), buf_cstr(&desc),
				    got ? "valid" : "invalid");
				failures++;
			}
			cases++;
		}
	}
	buf_free(&key);
	buf_free(&desc);
	buf_free(&data);
	free(text);
	assert_int_equal(failures, 0);
	return cases;
}

/* The path of a file of the suite's format tests, in *path. */
static int
suite_file(const char *name, struct buf *path)
{
	const char *dir = getenv("GDPRCTL_CONFORMANCE");
	FILE *f;

	buf_reset(path);
	buf_printf(path, "%s" FORMAT_DIR "%s",
	    dir && *dir ? dir : "../shared/conformance", name);
	f = fopen(path->ptr, "rb");
	if (f == NULL)
		return 0;
	fclose(f);
	return 1;
}

static void
test_format_suite(void **state)
{
	struct buf date = BUF_INIT, datetime = BUF_INIT;

	(void)state;
	if (!suite_file("date.json", &date) ||
	    !suite_file("date-time.json", &datetime)) {
		print_message("skipped: %s not found\n", date.ptr);
		buf_free(&date);
		buf_free(&datetime);
		skip();
	}
	assert_true(run_suite(date.ptr, date_format_date_ok) > 50);
	assert_true(run_suite(datetime.ptr, date_format_datetime_ok) > 20);
	buf_free(&date);
	buf_free(&datetime);
}

static void
test_format_own(void **state)
{
	static const struct {
		const char *s;
		int date, datetime;
	} cases[] = {
	    {"0000-02-29", 1, 0},
	    {"0000-02-29T00:00:00Z", 0, 1},
	    {"2026-03-02T10:15+01:00", 0, 0}, /* seconds required */
	    {"2026-03-02T10:15:00", 0, 0},
	    {"2026-03-02T10:15:00.+01:00", 0, 0},
	    {"2026-03-02T10:15:00-03:30", 0, 1},
	    {"2026-03-02T10:15:00+14:00", 0, 1},
	    {"2026-03-02T10:15:00+23:59", 0, 1},
	    {"2026-03-02T10:15:00+24:00", 0, 0},
	    {"2026-03-01T00:59:60+01:00", 0, 1}, /* 23:59:60 UTC */
	    {"2026-03-01T00:59:60-01:00", 0, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = strlen(cases[i].s);

		if (date_format_date_ok(cases[i].s, n) != cases[i].date ||
		    date_format_datetime_ok(cases[i].s, n) != cases[i].datetime)
			fail_msg("'%s'", cases[i].s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date_parse),
	    cmocka_unit_test(test_leap_years),
	    cmocka_unit_test(test_days),
	    cmocka_unit_test(test_cmp),
	    cmocka_unit_test(test_add),
	    cmocka_unit_test(test_datetime_parse),
	    cmocka_unit_test(test_datetime_format),
	    cmocka_unit_test(test_datetime_date),
	    cmocka_unit_test(test_dst),
	    cmocka_unit_test(test_diff_tenths),
	    cmocka_unit_test(test_hours_format),
	    cmocka_unit_test(test_start_and_today),
	    cmocka_unit_test(test_format_suite),
	    cmocka_unit_test(test_format_own),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
