/*
 * Streaming JSON writer. It places commas, colons and indentation itself
 * and asserts on misuse (a value in an object without a key, a key in an
 * array, an unbalanced end), so its output is always valid JSON. Strings
 * come out as valid UTF-8: ill-formed bytes become U+FFFD.
 */
#ifndef GD_JSONW_H
#define GD_JSONW_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define JSONW_MAX_DEPTH 64

struct jsonw {
	struct buf *out;
	int pretty;       /* newlines and two-space indentation */
	int depth;        /* open containers */
	uint64_t objects; /* bit d: the container at depth d + 1 is an object */
	int empty;        /* the innermost container has no member yet */
	int key;          /* a key was written and awaits its value */
};

/* A writer appending to out. Each complete top-level value ends with a
 * newline, so several make JSON Lines. */
void jsonw_init(struct jsonw *w, struct buf *out, int pretty);
void jsonw_obj_begin(struct jsonw *w);
void jsonw_obj_end(struct jsonw *w);
void jsonw_arr_begin(struct jsonw *w);
void jsonw_arr_end(struct jsonw *w);
void jsonw_key(struct jsonw *w, const char *key);
/* A string; NULL writes null. */
void jsonw_str(struct jsonw *w, const char *s);
void jsonw_strn(struct jsonw *w, const char *s, size_t len);
void jsonw_int(struct jsonw *w, int64_t v);
/* tenths / 10 with one decimal: 715 is 71.5, -5 is -0.5, 0 is 0.0. */
void jsonw_tenths(struct jsonw *w, long tenths);
/* The shortest form that reads back as v; NaN and infinities as null. */
void jsonw_double(struct jsonw *w, double v);
void jsonw_bool(struct jsonw *w, int v);
void jsonw_null(struct jsonw *w);

#endif
