/* Calendar dates and RFC 3339 date-times, computed without the time zone. */
#include <stdint.h>
#include <time.h>

#include "buf.h"
#include "date.h"

#define DAY_SECS 86400
/* Days of 0001-01-01 and 9999-12-31 since 1970-01-01. */
#define MIN_DAYS (-719162L)
#define MAX_DAYS 2932896L

/* Parser modes: records (seconds optional) or the JSON Schema format. */
#define DT_RECORD 0
#define DT_STRICT 1

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The n ASCII digits at s as a number, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Floor division and its remainder, for instants before 1970. */
static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int mdays[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && date_is_leap(y))
		return 29;
	return mdays[m - 1];
}

/* Howard Hinnant's days_from_civil. */
long
date_to_days(struct gd_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* Howard Hinnant's civil_from_days, saturating at the supported range. */
struct gd_date
date_from_days(long days)
{
	struct gd_date r;
	long z, era, doe, yoe, doy, mp;

	if (days < MIN_DAYS)
		days = MIN_DAYS;
	if (days > MAX_DAYS)
		days = MAX_DAYS;
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int
date_cmp(struct gd_date a, struct gd_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

struct gd_date
date_add_days(struct gd_date d, long n)
{
	long days = date_to_days(d);

	if (n > MAX_DAYS - days)
		return date_from_days(MAX_DAYS);
	if (n < MIN_DAYS - days)
		return date_from_days(MIN_DAYS);
	return date_from_days(days + n);
}

static struct gd_date
add_months(struct gd_date d, long long months)
{
	long long total = (long long)d.y * 12 + (d.m - 1) + months;
	struct gd_date r;
	int last;

	if (total < 12)
		return date_from_days(MIN_DAYS);
	if (total > 9999LL * 12 + 11)
		return date_from_days(MAX_DAYS);
	r.y = (int)(total / 12);
	r.m = (int)(total % 12) + 1;
	last = date_days_in_month(r.y, r.m);
	r.d = d.d > last ? last : d.d;
	return r;
}

struct gd_date
date_add_months(struct gd_date d, int months)
{
	return add_months(d, months);
}

struct gd_date
date_add_years(struct gd_date d, int years)
{
	return add_months(d, (long long)years * 12);
}

/* Writes the n low decimal digits of v, zero-padded. */
static void
put_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
date_format(struct gd_date d, char out[11])
{
	put_digits(out, d.y, 4);
	out[4] = '-';
	put_digits(out + 5, d.m, 2);
	out[7] = '-';
	put_digits(out + 8, d.d, 2);
	out[10] = '\0';
}

/* "YYYY-MM-DD" at s (10 bytes available) into *d; -1 if not that shape. */
static int
date_fields(const char *s, struct gd_date *d)
{
	if (s[4] != '-' || s[7] != '-')
		return -1;
	d->y = digits(s, 4);
	d->m = digits(s + 5, 2);
	d->d = digits(s + 8, 2);
	if (d->y < 0 || d->m < 0 || d->d < 0)
		return -1;
	return 0;
}

static int
date_valid(struct gd_date d)
{
	return d.m >= 1 && d.m <= 12 && d.d >= 1 &&
	    d.d <= date_days_in_month(d.y, d.m);
}

int
date_parse(const char *s, size_t len, struct gd_date *out)
{
	struct gd_date d;

	if (len != 10 || date_fields(s, &d) < 0 || d.y < 1 || !date_valid(d))
		return -1;
	*out = d;
	return 0;
}

int
date_format_date_ok(const char *s, size_t len)
{
	struct gd_date d;

	return len == 10 && date_fields(s, &d) == 0 && date_valid(d);
}

static int
fail(const char **why, const char *msg)
{
	if (why)
		*why = msg;
	return -1;
}

/*
 * The common parser. Shape problems are reported before missing offsets,
 * and those before out-of-range values, so that the message names the
 * first thing to fix.
 */
static int
parse_datetime(const char *s, size_t len, int mode, struct gd_datetime *out,
    const char **why)
{
	struct gd_date d;
	int h, mi, sec = 0, off = 0, oh = 0, om = 0, zulu = 0, tod;
	size_t i;

	if (len < 16 || date_fields(s, &d) < 0 ||
	    (s[10] != 'T' && s[10] != 't') || s[13] != ':')
		return fail(why, "not a date-time");
	h = digits(s + 11, 2);
	mi = digits(s + 14, 2);
	if (h < 0 || mi < 0)
		return fail(why, "not a date-time");
	i = 16;
	if (i < len && s[i] == ':') {
		if (len - i < 3 || (sec = digits(s + i + 1, 2)) < 0)
			return fail(why, "not a date-time");
		i += 3;
		if (i < len && s[i] == '.') {
			size_t f = ++i;

			while (i < len && is_digit(s[i]))
				i++;
			if (i == f)
				return fail(why, "not a date-time");
		}
	} else if (mode == DT_STRICT) {
		return fail(why, "not a date-time");
	}
	if (i == len)
		return fail(why, "ambiguous: add a UTC offset");
	if (s[i] == 'Z' || s[i] == 'z') {
		zulu = 1;
		i++;
	} else if (s[i] == '+' || s[i] == '-') {
		if (len - i < 6 || s[i + 3] != ':' ||
		    (oh = digits(s + i + 1, 2)) < 0 ||
		    (om = digits(s + i + 4, 2)) < 0)
			return fail(why, "invalid offset");
		off = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
		i += 6;
	} else {
		return fail(why, "not a date-time");
	}
	if (i != len)
		return fail(why, "trailing characters after the offset");
	if ((mode == DT_RECORD && d.y < 1) || !date_valid(d))
		return fail(why, "invalid date");
	if (oh > 23 || om > 59)
		return fail(why, "invalid offset");
	if (h > 23 || mi > 59 || sec > 60)
		return fail(why, "invalid time");
	/* A leap second is inserted only at the end of a UTC day. */
	tod = ((h * 60 + mi - off) % 1440 + 1440) % 1440;
	if (sec == 60 && tod != 1439)
		return fail(why, "invalid time");
	if (out) {
		out->utc = (int64_t)date_to_days(d) * DAY_SECS + h * 3600 +
		    mi * 60 + sec - off * 60;
		out->offset = off;
		out->zulu = zulu;
	}
	return 0;
}

int
datetime_parse(
    const char *s, size_t len, struct gd_datetime *out, const char **why)
{
	return parse_datetime(s, len, DT_RECORD, out, why);
}

int
date_format_datetime_ok(const char *s, size_t len)
{
	return parse_datetime(s, len, DT_STRICT, NULL, NULL) == 0;
}

struct gd_date
datetime_date(struct gd_datetime t)
{
	return date_from_days(
	    (long)floor_div(t.utc + (int64_t)t.offset * 60, DAY_SECS));
}

struct gd_date
datetime_date_utc(struct gd_datetime t)
{
	return date_from_days((long)floor_div(t.utc, DAY_SECS));
}

int
datetime_cmp(struct gd_datetime a, struct gd_datetime b)
{
	return (a.utc > b.utc) - (a.utc < b.utc);
}

void
datetime_format(struct gd_datetime t, struct buf *out)
{
	int64_t local = t.utc + (int64_t)t.offset * 60;
	int64_t days = floor_div(local, DAY_SECS);
	int64_t secs = local - days * DAY_SECS;
	int off = t.offset < 0 ? -t.offset : t.offset;
	char date[11];

	date_format(date_from_days((long)days), date);
	buf_printf(out, "%sT%02d:%02d:%02d", date, (int)(secs / 3600),
	    (int)(secs / 60 % 60), (int)(secs % 60));
	if (t.zulu && t.offset == 0)
		buf_putc(out, 'Z');
	else
		buf_printf(out, "%c%02d:%02d", t.offset < 0 ? '-' : '+',
		    off / 60, off % 60);
}

struct gd_datetime
datetime_add_hours(struct gd_datetime t, int hours)
{
	const int64_t lo = (int64_t)MIN_DAYS * DAY_SECS;
	const int64_t hi = ((int64_t)MAX_DAYS + 1) * DAY_SECS - 1;

	t.utc += (int64_t)hours * 3600;
	if (t.utc < lo)
		t.utc = lo;
	if (t.utc > hi)
		t.utc = hi;
	return t;
}

long
datetime_diff_tenths(struct gd_datetime from, struct gd_datetime to)
{
	int64_t diff = to.utc - from.utc;
	int64_t mag = diff < 0 ? -diff : diff;
	/* A tenth of an hour is 360 s; half of one rounds away from zero. */
	int64_t tenths = (mag + 180) / 360;

	return (long)(diff < 0 ? -tenths : tenths);
}

void
hours_format(long tenths, struct buf *out)
{
	unsigned long mag =
	    tenths < 0 ? 0UL - (unsigned long)tenths : (unsigned long)tenths;

	buf_printf(out, "%s%lu.%lu", tenths < 0 ? "-" : "", mag / 10, mag % 10);
}

struct gd_date
date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	struct gd_date d = {1970, 1, 1};

	if (localtime_r(&now, &tm)) {
		d.y = tm.tm_year + 1900;
		d.m = tm.tm_mon + 1;
		d.d = tm.tm_mday;
	}
	return d;
}

struct gd_datetime
date_start(struct gd_date d)
{
	struct gd_datetime t;

	t.utc = (int64_t)date_to_days(d) * DAY_SECS;
	t.offset = 0;
	t.zulu = 1;
	return t;
}
