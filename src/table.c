/* Aligned terminal tables sized by the display width of UTF-8 text. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "utf8.h"
#include "xalloc.h"

struct cell {
	char *text; /* sanitised, valid UTF-8 */
	size_t width;
	char *color; /* SGR parameters or NULL */
};

struct column {
	struct cell head;
	int align;
	size_t maxwidth;
};

struct table {
	size_t ncols;
	struct column *cols;
	struct cell *cells; /* nrows * ncols */
	size_t nrows, cap;
};

struct table *
table_new(size_t ncols)
{
	struct table *t = xcalloc(1, sizeof *t);

	assert(ncols > 0);
	t->ncols = ncols;
	t->cols = xcalloc(ncols, sizeof *t->cols);
	return t;
}

static void
cell_clear(struct cell *c)
{
	free(c->text);
	free(c->color);
	c->text = c->color = NULL;
	c->width = 0;
}

/* Bidirectional overrides and isolates could reorder the line. */
static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static void
cell_set(struct cell *c, const char *s, const char *color)
{
	struct buf b = BUF_INIT;
	size_t i, n, len = s ? strlen(s) : 0;
	uint32_t cp;

	cell_clear(c);
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == '\t' || cp == '\n' || cp == '\r')
			buf_putc(&b, ' ');
		else if (cp == UTF8_BAD || cp < 0x20 ||
		    (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp))
			buf_puts(&b, "\xEF\xBF\xBD");
		else
			buf_add(&b, s + i, n);
	}
	/* Trailing blanks would end a line inside a colour sequence. */
	while (b.len && b.ptr[b.len - 1] == ' ')
		buf_truncate(&b, b.len - 1);
	c->width = utf8_width(buf_cstr(&b), b.len);
	c->text = buf_detach(&b);
	if (color && *color && strspn(color, "0123456789;") == strlen(color))
		c->color = xstrdup(color);
}

void
table_header(struct table *t, size_t col, const char *text, int align)
{
	assert(col < t->ncols);
	cell_set(&t->cols[col].head, text, NULL);
	t->cols[col].align = align;
}

void
table_set_maxwidth(struct table *t, size_t col, size_t w)
{
	assert(col < t->ncols);
	t->cols[col].maxwidth = w;
}

void
table_add_row(struct table *t)
{
	t->cells = xgrow(
	    t->cells, &t->cap, (t->nrows + 1) * t->ncols, sizeof *t->cells);
	memset(t->cells + t->nrows * t->ncols, 0, t->ncols * sizeof *t->cells);
	t->nrows++;
}

static struct cell *
current(struct table *t, size_t col)
{
	assert(t->nrows > 0 && "cell before table_add_row");
	assert(col < t->ncols);
	return &t->cells[(t->nrows - 1) * t->ncols + col];
}

void
table_cell(struct table *t, size_t col, const char *text)
{
	cell_set(current(t, col), text, NULL);
}

void
table_cellf(struct table *t, size_t col, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	cell_set(current(t, col), buf_cstr(&b), NULL);
	buf_free(&b);
}

void
table_cell_color(
    struct table *t, size_t col, const char *text, const char *color)
{
	cell_set(current(t, col), text, color);
}

size_t
table_rows(const struct table *t)
{
	return t->nrows;
}

/*
 * Append the longest prefix of text that fits in w - 1 columns, keeping
 * the combining marks of its last character, then '…'; return the width
 * written.
 */
static size_t
put_truncated(struct buf *out, const char *text, size_t w)
{
	size_t i = 0, n, used = 0, len = strlen(text);
	uint32_t cp;
	int cw;

	if (w == 0)
		return 0;
	while (i < len) {
		n = utf8_decode(text + i, len - i, &cp);
		cw = utf8_cpwidth(cp);
		if (used + (size_t)cw > w - 1)
			break;
		used += (size_t)cw;
		i += n;
	}
	buf_add(out, text, i);
	buf_puts(out, "\xE2\x80\xA6");
	return used + 1;
}

static void
put_cell(struct buf *out, const struct cell *c, size_t w, int align,
    const char *color)
{
	struct buf tmp = BUF_INIT;
	const char *text = c->text ? c->text : "";
	size_t shown = c->width;

	if (shown > w) {
		shown = put_truncated(&tmp, text, w);
		text = buf_cstr(&tmp);
	}
	if (align & TABLE_RIGHT)
		buf_fill(out, ' ', w - shown);
	if (color && shown)
		buf_printf(out, "\033[%sm%s\033[0m", color, text);
	else
		buf_puts(out, text);
	if (!(align & TABLE_RIGHT))
		buf_fill(out, ' ', w - shown);
	buf_free(&tmp);
}

static void
end_line(struct buf *out)
{
	while (out->len && out->ptr[out->len - 1] == ' ')
		buf_truncate(out, out->len - 1);
	buf_putc(out, '\n');
}

/* The gap before column c unless it is the first shown; returns out. */
static struct buf *
sep(struct buf *out, const size_t *w, size_t c)
{
	while (c > 0)
		if (w[--c]) {
			buf_puts(out, "  ");
			break;
		}
	return out;
}

static void
rule(struct buf *out, size_t n)
{
	while (n--)
		buf_puts(out, "\xE2\x94\x80");
}

/* Narrow TABLE_SHRINK columns, widest first, until the lines fit. */
static void
fit(const struct table *t, size_t *w, size_t width)
{
	size_t total = 0, shown = 0, c, best, floor;

	for (c = 0; c < t->ncols; c++) {
		total += w[c];
		shown += w[c] > 0;
	}
	if (shown > 1)
		total += 2 * (shown - 1);
	while (total > width) {
		best = t->ncols;
		for (c = 0; c < t->ncols; c++) {
			if (!(t->cols[c].align & TABLE_SHRINK))
				continue;
			floor = t->cols[c].head.width;
			if (floor < TABLE_MIN_SHRINK)
				floor = TABLE_MIN_SHRINK;
			if (w[c] > floor &&
			    (best == t->ncols || w[c] > w[best]))
				best = c;
		}
		if (best == t->ncols)
			break;
		w[best]--;
		total--;
	}
}

void
table_render(const struct table *t, struct buf *out, int width, int use_color)
{
	size_t *w = xcalloc(t->ncols, sizeof *w);
	size_t r, c;
	int header = 0;

	for (c = 0; c < t->ncols; c++) {
		const struct column *col = &t->cols[c];

		w[c] = col->head.width;
		header |= w[c] > 0;
		for (r = 0; r < t->nrows; r++)
			if (t->cells[r * t->ncols + c].width > w[c])
				w[c] = t->cells[r * t->ncols + c].width;
		if (col->maxwidth && w[c] > col->maxwidth)
			w[c] = col->maxwidth;
	}
	if (width > 0)
		fit(t, w, (size_t)width);
	if (header) {
		for (c = 0; c < t->ncols; c++)
			if (w[c])
				put_cell(sep(out, w, c), &t->cols[c].head, w[c],
				    t->cols[c].align, use_color ? "1" : NULL);
		end_line(out);
		for (c = 0; c < t->ncols; c++)
			if (w[c])
				rule(sep(out, w, c), w[c]);
		end_line(out);
	}
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const struct cell *cell = &t->cells[r * t->ncols + c];

			if (w[c])
				put_cell(sep(out, w, c), cell, w[c],
				    t->cols[c].align,
				    use_color ? cell->color : NULL);
		}
		end_line(out);
	}
	free(w);
}

void
table_free(struct table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->ncols; i++)
		cell_clear(&t->cols[i].head);
	for (i = 0; i < t->nrows * t->ncols; i++)
		cell_clear(&t->cells[i]);
	free(t->cells);
	free(t->cols);
	free(t);
}
