/* Locale-independent number formatting shared by the output writers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

void
num_tenths(struct buf *b, long tenths)
{
	/* Through unsigned so that LONG_MIN has a magnitude. */
	unsigned long m =
	    tenths < 0 ? 0UL - (unsigned long)tenths : (unsigned long)tenths;

	buf_printf(b, "%s%lu.%lu", tenths < 0 ? "-" : "", m / 10, m % 10);
}

void
num_double(struct buf *b, double v)
{
	char s[40], *p;
	int prec;

	if (!isfinite(v)) {
		buf_puts(b, "null");
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(s, sizeof s, "%.*g", prec, v);
		if (strtod(s, NULL) == v)
			break;
	}
	/* Should anything have set LC_NUMERIC to a decimal comma. */
	for (p = s; *p; p++)
		if (*p == ',')
			*p = '.';
	buf_puts(b, s);
}
