/* Markdown writer: escaping and pipe tables. */
#include <assert.h>
#include <string.h>

#include "md.h"
#include "utf8.h"

enum {
	ESC_INLINE, /* running text: line-start rules, newlines kept */
	ESC_CELL,   /* table cell: no block rules, breaks as <br> */
	ESC_HEADING /* ATX heading: every '#', newlines as spaces */
};

static int
is_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

/* "&name;" or "&#123;" starting at s[i] would be read as an entity. */
static int
entity_at(const char *s, size_t len, size_t i)
{
	size_t j = i + 1, k;

	if (j < len && s[j] == '#')
		j++;
	for (k = j; k < len && is_alnum((unsigned char)s[k]); k++)
		;
	return k > j && k < len && s[k] == ';';
}

/* An underscore between two letters or digits never starts emphasis. */
static int
intraword(const char *s, size_t len, size_t i)
{
	return i > 0 && i + 1 < len && is_alnum((unsigned char)s[i - 1]) &&
	    is_alnum((unsigned char)s[i + 1]);
}

/*
 * The length of an http(s) URL at s[i], 0 if none. GitHub's autolinking
 * would keep the backslashes of escapes inside a bare URL, so URLs are
 * written as <URL> autolinks, which need no escapes and work everywhere.
 */
static size_t
url_at(const char *s, size_t len, size_t i)
{
	size_t j, k, open = 0, close = 0;

	if (len - i > 7 && !strncmp(s + i, "http://", 7))
		j = i + 7;
	else if (len - i > 8 && !strncmp(s + i, "https://", 8))
		j = i + 8;
	else
		return 0;
	for (k = j; k < len; k++) {
		unsigned char c = (unsigned char)s[k];

		/* RFC 3986 characters and IRI bytes, less '$': pandoc reads
		 * math across the rows of a table before autolinks. */
		if (!(is_alnum(c) || c >= 0x80 ||
		        (c && strchr("-._~:/?#[]@!&'()*+,;=%", c))) ||
		    (c == '&' && entity_at(s, len, k)))
			break;
		open += c == '(';
		close += c == ')';
	}
	/* Trailing punctuation ends the sentence, not the URL. */
	while (k > j &&
	    (strchr(".,:;!?'\"*_~", s[k - 1]) ||
	        (s[k - 1] == ')' && close > open))) {
		close -= s[k - 1] == ')';
		k--;
	}
	return k > j ? k - i : 0;
}

/* "1", "b", "iv": what could number an ordered list in pandoc. */
static int
list_number(const char *s, size_t n)
{
	size_t i, digits = 0, roman = 0;

	for (i = 0; i < n; i++) {
		digits += s[i] >= '0' && s[i] <= '9';
		roman += s[i] && strchr("ivxlcdmIVXLCDM", s[i]) != NULL;
	}
	return n == 1 || (digits == n && n < 10) || roman == n;
}

/*
 * At a line start: escape what would open a heading, quote, list,
 * definition (pandoc) or title block; returns the bytes of s written.
 */
static size_t
line_start(struct buf *b, const char *s, size_t len)
{
	size_t open = len && s[0] == '(', n;

	if (len && s[0] && strchr("#>-+=:%", s[0])) {
		buf_putc(b, '\\');
		return 0;
	}
	/* "1." "1)" "b." "iv)" "(1)" */
	for (n = open;
	     n < len && n - open < 10 && is_alnum((unsigned char)s[n]); n++)
		;
	if (n > open && n < len && (s[n] == ')' || (s[n] == '.' && !open)) &&
	    list_number(s + open, n - open)) {
		if (open) {
			buf_putc(b, '\\');
			return 0;
		}
		buf_add(b, s, n);
		buf_putc(b, '\\');
		return n;
	}
	return 0;
}

static void
escape(struct buf *b, const char *s, size_t len, int mode)
{
	size_t i = 0, n, end = len;
	int bol = 1;
	uint32_t cp;

	if (mode != ESC_INLINE) {
		while (
		    i < end && (is_blank(s[i]) || s[i] == '\n' || s[i] == '\r'))
			i++;
		while (end > i &&
		    (is_blank(s[end - 1]) || s[end - 1] == '\n' ||
		        s[end - 1] == '\r'))
			end--;
	}
	for (; i < end; i += n) {
		unsigned char c = (unsigned char)s[i];

		n = 1;
		if (mode == ESC_INLINE && bol) {
			/* Four leading blanks would make a code block. */
			while (i < end && is_blank(s[i]))
				i++;
			if (i == end)
				break;
			i += line_start(b, s + i, end - i);
			c = (unsigned char)s[i];
			bol = 0;
		}
		if (c == '\r' || c == '\n') {
			if (c == '\r' && i + 1 < end && s[i + 1] == '\n')
				n = 2;
			if (mode == ESC_CELL) {
				buf_puts(b, "<br>");
			} else if (mode == ESC_HEADING) {
				buf_putc(b, ' ');
			} else {
				/* Trailing blanks would make a hard break. */
				while (b->len && is_blank(b->ptr[b->len - 1]))
					buf_truncate(b, b->len - 1);
				buf_putc(b, '\n');
				bol = 1;
			}
			continue;
		}
		if (c == '\t') {
			buf_putc(b, ' ');
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			buf_puts(b, "\xEF\xBF\xBD");
			continue;
		}
		if (c >= 0x80) {
			n = utf8_decode(s + i, end - i, &cp);
			if (cp == UTF8_BAD)
				buf_puts(b, "\xEF\xBF\xBD");
			else
				buf_add(b, s + i, n);
			continue;
		}
		if (c == 'h' && (n = url_at(s, end, i)) > 0) {
			buf_putc(b, '<');
			buf_add(b, s + i, n);
			buf_putc(b, '>');
			continue;
		}
		n = 1;
		/* '@' cites, '^' raises, "--" is a dash in pandoc. */
		if (strchr("\\`*[]<|~$^{", c) ||
		    (c == '_' && !intraword(s, end, i)) ||
		    (c == '&' && entity_at(s, end, i)) ||
		    (c == '@' &&
		        (i == 0 || !is_alnum((unsigned char)s[i - 1]))) ||
		    (c == '-' && i > 0 && s[i - 1] == '-') ||
		    (mode == ESC_HEADING && c == '#'))
			buf_putc(b, '\\');
		buf_putc(b, c);
	}
}

void
md_escape_inline(struct buf *b, const char *s, size_t len)
{
	escape(b, s, len, ESC_INLINE);
}

void
md_escape_cell(struct buf *b, const char *s, size_t len)
{
	escape(b, s, len, ESC_CELL);
}

void
md_heading(struct buf *b, int level, const char *text)
{
	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	buf_fill(b, '#', (size_t)level);
	buf_putc(b, ' ');
	escape(b, text, strlen(text), ESC_HEADING);
	buf_puts(b, "\n\n");
}

void
md_table_begin(struct md_table *t, struct buf *out, size_t ncols)
{
	struct buf init = BUF_INIT;

	assert(ncols > 0);
	t->out = out;
	t->delim = init;
	t->ncols = ncols;
	t->col = 0;
	t->body = 0;
}

void
md_table_header(struct md_table *t, const char *text, enum md_align a)
{
	size_t start, w;

	assert(!t->body && t->col < t->ncols);
	if (!text)
		text = "";
	buf_puts(t->out, t->col ? " " : "| ");
	start = t->out->len;
	md_escape_cell(t->out, text, strlen(text));
	/* pandoc sizes wrapped columns by the dashes: match the header. */
	w = utf8_width(t->out->ptr + start, t->out->len - start);
	if (w < 3)
		w = 3;
	buf_puts(t->out, " |");
	buf_puts(&t->delim, t->col ? " " : "| ");
	if (a != MD_RIGHT)
		buf_putc(&t->delim, ':');
	buf_fill(&t->delim, '-', w);
	if (a != MD_LEFT)
		buf_putc(&t->delim, ':');
	buf_puts(&t->delim, " |");
	if (++t->col == t->ncols) {
		buf_putc(t->out, '\n');
		buf_add(t->out, t->delim.ptr, t->delim.len);
		buf_putc(t->out, '\n');
		buf_free(&t->delim);
		t->col = 0;
		t->body = 1;
	}
}

/* Start a cell: the separator before it. */
static void
cell_open(struct md_table *t)
{
	assert(t->body && t->col < t->ncols);
	buf_puts(t->out, t->col ? " " : "| ");
	t->col++;
}

static void
cell_close(struct md_table *t)
{
	/* An empty cell: "| |", not two blanks. */
	if (t->out->ptr[t->out->len - 1] == ' ')
		buf_truncate(t->out, t->out->len - 1);
	buf_puts(t->out, " |");
}

void
md_table_celln(struct md_table *t, const char *text, size_t len)
{
	cell_open(t);
	md_escape_cell(t->out, text, len);
	cell_close(t);
}

void
md_table_cell(struct md_table *t, const char *text)
{
	md_table_celln(t, text ? text : "", text ? strlen(text) : 0);
}

void
md_table_cellf(struct md_table *t, const char *fmt, ...)
{
	struct buf s = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&s, fmt, ap);
	va_end(ap);
	md_table_celln(t, buf_cstr(&s), s.len);
	buf_free(&s);
}

void
md_table_cell_md(struct md_table *t, const char *md)
{
	const char *p;

	cell_open(t);
	for (p = md ? md : ""; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;
		if (*p == '\r' || *p == '\n')
			buf_puts(t->out, "<br>");
		else if (*p == '|')
			buf_puts(t->out, "\\|");
		else
			buf_putc(t->out, *p);
	}
	cell_close(t);
}

void
md_table_row_end(struct md_table *t)
{
	assert(t->body);
	while (t->col < t->ncols) {
		cell_open(t);
		cell_close(t);
	}
	buf_putc(t->out, '\n');
	t->col = 0;
}

void
md_table_end(struct md_table *t)
{
	assert(t->body && t->col == 0);
	buf_free(&t->delim);
	buf_putc(t->out, '\n');
}
