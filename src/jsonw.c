/* Streaming JSON writer with escaping, indentation and misuse checks. */
#include <assert.h>
#include <inttypes.h>
#include <string.h>

#include "jsonw.h"
#include "num.h"
#include "utf8.h"

void
jsonw_init(struct jsonw *w, struct buf *out, int pretty)
{
	w->out = out;
	w->pretty = pretty;
	w->depth = 0;
	w->objects = 0;
	w->empty = 1;
	w->key = 0;
}

static int
in_object(const struct jsonw *w)
{
	return w->depth > 0 && (w->objects >> (w->depth - 1) & 1);
}

static void
newline(struct jsonw *w)
{
	if (w->pretty) {
		buf_putc(w->out, '\n');
		buf_fill(w->out, ' ', 2 * (size_t)w->depth);
	}
}

/* The separator before a member of the innermost container. */
static void
member(struct jsonw *w)
{
	if (!w->empty)
		buf_putc(w->out, ',');
	newline(w);
	w->empty = 0;
}

static void
before_value(struct jsonw *w)
{
	if (in_object(w)) {
		assert(w->key && "value in an object without a key");
		w->key = 0;
	} else if (w->depth > 0) {
		member(w);
	}
}

static void
after_value(struct jsonw *w)
{
	if (w->depth == 0)
		buf_putc(w->out, '\n');
}

static void
put_string(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run, n;
	uint32_t cp;

	buf_putc(b, '"');
	while (i < len) {
		unsigned char c;

		for (run = i; run < len; run++) {
			c = (unsigned char)s[run];
			if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
				break;
		}
		buf_add(b, s + i, run - i);
		if ((i = run) == len)
			break;
		c = (unsigned char)s[i];
		n = 1;
		switch (c) {
		case '"':
			buf_puts(b, "\\\"");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\b':
			buf_puts(b, "\\b");
			break;
		case '\f':
			buf_puts(b, "\\f");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		default:
			if (c < 0x20) {
				buf_puts(b, "\\u00");
				buf_putc(b, hex[c >> 4]);
				buf_putc(b, hex[c & 15]);
				break;
			}
			n = utf8_decode(s + i, len - i, &cp);
			if (cp == UTF8_BAD)
				buf_puts(b, "\xEF\xBF\xBD");
			else if (cp == 0x2028 || cp == 0x2029)
				/* Valid JSON, but line ends in JavaScript. */
				buf_printf(b, "\\u%04" PRIx32, cp);
			else
				buf_add(b, s + i, n);
		}
		i += n;
	}
	buf_putc(b, '"');
}

static void
container_open(struct jsonw *w, int object)
{
	before_value(w);
	assert(w->depth < JSONW_MAX_DEPTH && "nesting too deep");
	buf_putc(w->out, object ? '{' : '[');
	if (object)
		w->objects |= UINT64_C(1) << w->depth;
	else
		w->objects &= ~(UINT64_C(1) << w->depth);
	w->depth++;
	w->empty = 1;
}

static void
container_close(struct jsonw *w, int object)
{
	assert(w->depth > 0 && in_object(w) == object && "unbalanced end");
	assert(!w->key && "key without a value");
	w->depth--;
	if (!w->empty)
		newline(w);
	buf_putc(w->out, object ? '}' : ']');
	w->empty = 0;
	after_value(w);
}

void
jsonw_obj_begin(struct jsonw *w)
{
	container_open(w, 1);
}

void
jsonw_obj_end(struct jsonw *w)
{
	container_close(w, 1);
}

void
jsonw_arr_begin(struct jsonw *w)
{
	container_open(w, 0);
}

void
jsonw_arr_end(struct jsonw *w)
{
	container_close(w, 0);
}

void
jsonw_key(struct jsonw *w, const char *key)
{
	assert(in_object(w) && !w->key && "key outside an object");
	member(w);
	put_string(w->out, key, strlen(key));
	buf_puts(w->out, w->pretty ? ": " : ":");
	w->key = 1;
}

void
jsonw_strn(struct jsonw *w, const char *s, size_t len)
{
	before_value(w);
	put_string(w->out, s, len);
	after_value(w);
}

void
jsonw_str(struct jsonw *w, const char *s)
{
	if (s)
		jsonw_strn(w, s, strlen(s));
	else
		jsonw_null(w);
}

void
jsonw_int(struct jsonw *w, int64_t v)
{
	before_value(w);
	buf_printf(w->out, "%" PRId64, v);
	after_value(w);
}

void
jsonw_tenths(struct jsonw *w, long tenths)
{
	before_value(w);
	num_tenths(w->out, tenths);
	after_value(w);
}

void
jsonw_double(struct jsonw *w, double v)
{
	before_value(w);
	num_double(w->out, v);
	after_value(w);
}

void
jsonw_bool(struct jsonw *w, int v)
{
	before_value(w);
	buf_puts(w->out, v ? "true" : "false");
	after_value(w);
}

void
jsonw_null(struct jsonw *w)
{
	before_value(w);
	buf_puts(w->out, "null");
	after_value(w);
}
