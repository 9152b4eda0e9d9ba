/* CSV writer: RFC 4180 quoting and formula-injection neutralisation. */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "num.h"
#include "utf8.h"

void
csv_init(struct csv *c, struct buf *out)
{
	c->out = out;
	c->col = 0;
}

static int
needs_quotes(const char *s, size_t len)
{
	size_t i;

	if (len && (s[0] == ' ' || s[len - 1] == ' '))
		return 1;
	for (i = 0; i < len; i++)
		if (s[i] == '"' || s[i] == ',' || s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

static void
put_field(struct csv *c, const char *s, size_t len, int neutralise)
{
	struct buf *b = c->out;
	int quote = needs_quotes(s, len);
	size_t i, n;
	uint32_t cp;

	if (c->col++)
		buf_putc(b, ',');
	if (quote)
		buf_putc(b, '"');
	if (neutralise && len && memchr("=+-@\t\r", s[0], 6))
		buf_putc(b, '\'');
	for (i = 0; i < len; i += n) {
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '"')
				buf_putc(b, '"');
			buf_putc(b, s[i]);
			n = 1;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_BAD)
			buf_puts(b, "\xEF\xBF\xBD");
		else
			buf_add(b, s + i, n);
	}
	if (quote)
		buf_putc(b, '"');
}

void
csv_celln(struct csv *c, const char *s, size_t len)
{
	put_field(c, s, len, 1);
}

void
csv_cell(struct csv *c, const char *s)
{
	put_field(c, s ? s : "", s ? strlen(s) : 0, 1);
}

void
csv_cellf(struct csv *c, const char *fmt, ...)
{
	struct buf t = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&t, fmt, ap);
	va_end(ap);
	put_field(c, buf_cstr(&t), t.len, 1);
	buf_free(&t);
}

/* -?digits(.digits)?([eE][+-]?digits)? */
static int
is_number(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

void
csv_cell_num(struct csv *c, const char *s)
{
	if (!s)
		s = "";
	put_field(c, s, strlen(s), !is_number(s));
}

void
csv_cell_int(struct csv *c, long long v)
{
	char s[32];

	snprintf(s, sizeof s, "%lld", v);
	put_field(c, s, strlen(s), 0);
}

void
csv_cell_tenths(struct csv *c, long tenths)
{
	struct buf t = BUF_INIT;

	num_tenths(&t, tenths);
	put_field(c, t.ptr, t.len, 0);
	buf_free(&t);
}

void
csv_cell_bool(struct csv *c, int v)
{
	put_field(c, v ? "true" : "false", v ? 4 : 5, 0);
}

void
csv_header(struct csv *c, const char *names)
{
	const char *p = names, *e;
	size_t n;

	for (;;) {
		/* Blanks around names are dropped, so a wrapped list works. */
		p += strspn(p, " \t\r\n");
		n = strcspn(p, ",");
		e = p + n;
		while (e > p && strchr(" \t\r\n", e[-1]))
			e--;
		put_field(c, p, (size_t)(e - p), 1);
		if (!p[n])
			break;
		p += n + 1;
	}
	csv_row_end(c);
}

void
csv_row_end(struct csv *c)
{
	buf_puts(c->out, "\r\n");
	c->col = 0;
}
