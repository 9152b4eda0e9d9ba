/* Detection and masking of Nordic national identity numbers in free text. */
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "idnum.h"
#include "xalloc.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Two digits at s as a number; the caller has checked they are digits. */
static int
two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/*
 * Where a number does not say its century, its dates are checked in
 * 2000 + YY: 29 February then passes whenever YY is divisible by four,
 * a leap year in at least one century it could mean.
 */
static int
valid_date(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

/* 11 digits: the kind, or -1 when it is no Norwegian number. */
static int
check_no(const char *s)
{
	static const int w1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
	static const int w2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
	int sum1 = 0, sum2 = 0, k1, k2, d, m, kind;

	for (int i = 0; i < 10; i++) {
		if (i < 9)
			sum1 += (s[i] - '0') * w1[i];
		sum2 += (s[i] - '0') * w2[i];
	}
	k1 = (11 - sum1 % 11) % 11;
	k2 = (11 - sum2 % 11) % 11;
	if (k1 == 10 || k2 == 10 || s[9] - '0' != k1 || s[10] - '0' != k2)
		return -1;
	d = two(s);
	m = two(s + 2);
	if (m > 80) {
		kind = IDNUM_NO_SYNTH;
		m -= 80;
	} else if (m > 40) {
		kind = IDNUM_NO_HNR;
		m -= 40;
	} else {
		kind = IDNUM_NO_FNR;
	}
	if (d > 40) {
		/* Tenor makes synthetic D-numbers; an H-number has no D form.
		 */
		if (kind == IDNUM_NO_HNR)
			return -1;
		if (kind == IDNUM_NO_FNR)
			kind = IDNUM_NO_DNR;
		d -= 40;
	}
	return valid_date(2000 + two(s + 4), m, d) ? kind : -1;
}

/* Luhn over ten digits, weights 2, 1, 2, ... from the left. */
static int
luhn10(const char *s)
{
	int sum = 0;

	for (int i = 0; i < 10; i++) {
		int v = (s[i] - '0') * (i % 2 == 0 ? 2 : 1);

		sum += v / 10 + v % 10;
	}
	return sum % 10 == 0;
}

/* YYMMDD then NNNC, as ten digits: the kind or -1. y is the full year. */
static int
check_se(const char *s10, int y)
{
	int m = two(s10 + 2), d = two(s10 + 4), kind = IDNUM_SE_PNR;

	if (d > 60) {
		kind = IDNUM_SE_SAMORD;
		d -= 60;
	}
	if (!valid_date(y, m, d) || !luhn10(s10))
		return -1;
	return kind;
}

/* DDMMYY, a century sign, ZZZ and a check character at s. */
static int
check_fi(const char *s)
{
	static const char alphabet[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";
	static const struct {
		const char *signs;
		int century;
	} centuries[] = {{"+", 1800}, {"-YXWVU", 1900}, {"ABCDEF", 2000}};
	long n = 0;
	int century = -1;

	for (size_t i = 0; i < sizeof centuries / sizeof centuries[0]; i++)
		if (s[6] != '\0' && strchr(centuries[i].signs, s[6]))
			century = centuries[i].century;
	if (century < 0 ||
	    !valid_date(century + two(s + 4), two(s + 2), two(s)))
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 6)
			n = n * 10 + (s[i] - '0');
	return alphabet[n % 31] == s[10] ? IDNUM_FI_HETU : -1;
}

/*
 * The number starting at s[i], where a run of r digits starts (s[i - 1]
 * is no digit): its kind and length, or -1.
 */
static int
match_at(const char *s, size_t len, size_t i, size_t r, size_t *mlen)
{
	const char *p = s + i;
	size_t rest = len - i;
	char s10[10]; /* the ten digits that carry the Swedish checksum */
	int kind;

	switch (r) {
	case 11:
		*mlen = 11;
		return check_no(p);
	case 10:
		*mlen = 10;
		return check_se(p, 2000 + two(p));
	case 12:
		*mlen = 12;
		if (two(p) < 18 || two(p) > 20)
			return -1;
		return check_se(p + 2, two(p) * 100 + two(p + 2));
	case 8:
		/* YYYYMMDD-NNNC */
		if (rest < 13 || p[8] != '-' || two(p) < 18 || two(p) > 20)
			return -1;
		for (int k = 9; k < 13; k++)
			if (!is_digit(p[k]))
				return -1;
		if (rest > 13 && is_digit(p[13]))
			return -1;
		memcpy(s10, p + 2, 6);
		memcpy(s10 + 6, p + 9, 4);
		*mlen = 13;
		return check_se(s10, two(p) * 100 + two(p + 2));
	case 6:
		break;
	default:
		return -1;
	}
	/* DDMMYYCZZZQ, YYMMDD-NNNC, YYMMDD+NNNC or DDMMYY-SSSS */
	if (rest < 11 || !is_digit(p[7]) || !is_digit(p[8]) || !is_digit(p[9]))
		return -1;
	*mlen = 11;
	if ((rest == 11 || !is_alnum(p[11])) && (kind = check_fi(p)) >= 0)
		return kind;
	if ((p[6] != '-' && p[6] != '+') || !is_digit(p[10]) ||
	    (rest > 11 && is_digit(p[11])))
		return -1;
	memcpy(s10, p, 6);
	memcpy(s10 + 6, p + 7, 4);
	/* '+' marks someone over a hundred: 1800s or 1900s. */
	kind = check_se(s10, (p[6] == '+' ? 1900 : 2000) + two(p));
	if (kind >= 0)
		return kind;
	if (p[6] == '-' && valid_date(2000 + two(p + 4), two(p + 2), two(p)))
		return IDNUM_DK_CPR;
	return -1;
}

size_t
idnum_scan(const char *s, size_t len, struct idnum_match **out)
{
	struct idnum_match *v = NULL;
	size_t n = 0, cap = 0, i = 0;

	/* s[i] starts the text still to scan and is no digit or the first of
	 * a run. Every number starts a run of at least six digits, and such
	 * a run holds one of i + 5, i + 11, ...: only those bytes are looked
	 * at until one is a digit. */
	while (i + 5 < len) {
		size_t p = i + 5, start, r, mlen = 0;
		int kind;

		while (p < len && !is_digit(s[p]))
			p += 6;
		if (p >= len)
			break;
		for (start = p; start > i && is_digit(s[start - 1]);)
			start--;
		for (r = p - start; start + r < len && is_digit(s[start + r]);)
			r++;
		kind = r >= 6 ? match_at(s, len, start, r, &mlen) : -1;
		if (kind < 0) {
			i = start + r;
			continue;
		}
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n].off = start;
		v[n].len = mlen;
		v[n].kind = (enum idnum_kind)kind;
		n++;
		i = start + mlen;
	}
	*out = v;
	return n;
}

const char *
idnum_kind_name(enum idnum_kind k)
{
	switch (k) {
	case IDNUM_NO_FNR:
		return "Norwegian fødselsnummer";
	case IDNUM_NO_DNR:
		return "Norwegian D-number";
	case IDNUM_NO_HNR:
		return "Norwegian H-number";
	case IDNUM_NO_SYNTH:
		return "Norwegian synthetic test number";
	case IDNUM_SE_PNR:
		return "Swedish personnummer";
	case IDNUM_SE_SAMORD:
		return "Swedish samordningsnummer";
	case IDNUM_FI_HETU:
		return "Finnish henkilötunnus";
	case IDNUM_DK_CPR:
		return "Danish CPR number";
	}
	return "identity number";
}

void
idnum_mask(const char *s, size_t len, struct buf *out)
{
	int kept = 0;

	for (size_t i = 0; i < len; i++) {
		if (is_digit(s[i]) && kept < 4) {
			buf_putc(out, s[i]);
			kept++;
		} else if (is_alnum(s[i])) {
			buf_putc(out, '*');
		} else {
			buf_putc(out, s[i]);
		}
	}
}
