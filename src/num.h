/* Locale-independent number formatting shared by the output writers. */
#ifndef GD_NUM_H
#define GD_NUM_H

#include "buf.h"

/* tenths / 10 with exactly one decimal: 715 "71.5", -5 "-0.5", 0 "0.0". */
void num_tenths(struct buf *b, long tenths);
/*
 * The shortest decimal form that reads back as v ("0.1", "1e+21", "-0"),
 * always with '.' as the decimal point; "null" for NaN and infinities, so
 * callers outside JSON check isfinite() first.
 */
void num_double(struct buf *b, double v);

#endif
