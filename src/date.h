/* Calendar dates and RFC 3339 date-times, computed without the time zone. */
#ifndef GD_DATE_H
#define GD_DATE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * A proleptic Gregorian date. The arithmetic below keeps results within
 * 0001-01-01..9999-12-31 (it saturates at the ends), so a date always
 * formats to ten characters.
 */
struct gd_date {
	int y, m, d;
};

/* An instant plus the offset it was written in, for display. */
struct gd_datetime {
	int64_t utc; /* seconds since 1970-01-01T00:00:00Z */
	int offset;  /* minutes east of UTC, as written */
	int zulu;    /* written as Z (shown as Z again), not as +00:00 */
};

/* Strict YYYY-MM-DD: exactly len == 10, a real date, years 0001-9999. */
int date_parse(const char *s, size_t len, struct gd_date *out);

/*
 * A record's date-time: YYYY-MM-DDTHH:MM[:SS[.fraction]] then Z or +HH:MM
 * or -HH:MM; T and Z in either case. Seconds are optional; a fraction is
 * accepted and dropped. Second 60 only where it is 23:59:60 in UTC.
 * Returns 0, or -1 with *why (when why is not NULL) set to one of
 * "not a date-time", "ambiguous: add a UTC offset", "invalid date",
 * "invalid time", "invalid offset", "trailing characters after the offset".
 */
int datetime_parse(
    const char *s, size_t len, struct gd_datetime *out, const char **why);

/*
 * JSON Schema `format` assertions (RFC 3339 full-date and date-time):
 * 1 when valid, else 0. Unlike datetime_parse these require seconds and
 * accept year 0000, as RFC 3339 does.
 */
int date_format_date_ok(const char *s, size_t len);
int date_format_datetime_ok(const char *s, size_t len);

int date_is_leap(int y);
int date_days_in_month(int y, int m);
/* Days since 1970-01-01 (negative before). */
long date_to_days(struct gd_date d);
struct gd_date date_from_days(long days);
/* <0, 0, >0 as a is before, equal to or after b. */
int date_cmp(struct gd_date a, struct gd_date b);
struct gd_date date_add_days(struct gd_date d, long n);
/* Same day number n months later, clamped to the end of a shorter month. */
struct gd_date date_add_months(struct gd_date d, int months);
/* 2024-02-29 plus one year is 2025-02-28. */
struct gd_date date_add_years(struct gd_date d, int years);
/* "YYYY-MM-DD" and a NUL. */
void date_format(struct gd_date d, char out[11]);

/* The calendar date of t in its own offset, and in UTC. */
struct gd_date datetime_date(struct gd_datetime t);
struct gd_date datetime_date_utc(struct gd_datetime t);
/* <0, 0, >0 as a is before, at or after b, whatever their offsets. */
int datetime_cmp(struct gd_datetime a, struct gd_datetime b);
/* Appends "2026-03-31T11:00:00+02:00" (or ...Z), in t's own offset. */
void datetime_format(struct gd_datetime t, struct buf *out);
/* t plus hours, shown in the same offset. */
struct gd_datetime datetime_add_hours(struct gd_datetime t, int hours);
/* to - from in tenths of an hour, rounded half away from zero. */
long datetime_diff_tenths(struct gd_datetime from, struct gd_datetime to);
/* Appends tenths of an hour with one decimal: 715 -> "71.5", -30 -> "-3.0". */
void hours_format(long tenths, struct buf *out);

/* The local calendar date now; the only function here that reads a clock. */
struct gd_date date_today(void);
/* Midnight UTC at the start of d, written as Z. */
struct gd_datetime date_start(struct gd_date d);

#endif
